/// One unit of CPU work: `ops` rounds of a 64-bit multiply, add and xor-shift, each depending on
/// the one before, so that neither the compiler nor the CPU can skip or overlap them.
///
/// Returns the new state so the caller keeps it (and so the work cannot be optimised away).
#[inline(never)]
pub fn spin_ops(ops: u64, state: u64) -> u64 {
    let mut x = state;
    for _ in 0..ops {
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        x ^= x >> 33;
    }
    x
}
