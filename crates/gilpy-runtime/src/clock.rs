/// A monotonic clock in microseconds from an arbitrary origin, shared by every core of a run.
///
/// The runtime takes the clock from its host because the wasm target has no `Instant`: the
/// page's runner reads `performance.timeOrigin + performance.now()`, which agrees across workers.
pub trait Clock: Sync {
    fn now_us(&self) -> u64;
}

/// The native clock: `std::time::Instant`.
#[cfg(not(target_arch = "wasm32"))]
pub struct MonotonicClock {
    origin: std::time::Instant,
}

#[cfg(not(target_arch = "wasm32"))]
impl Default for MonotonicClock {
    fn default() -> Self {
        MonotonicClock { origin: std::time::Instant::now() }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Clock for MonotonicClock {
    fn now_us(&self) -> u64 {
        self.origin.elapsed().as_micros() as u64
    }
}
