//! `_random`: the Mersenne Twister (MT19937) that `random.py` stands on, exactly as CPython's
//! `Modules/_randommodule.c` seeds and draws from it, so that seeded programs print the same
//! numbers. `Random()` makes a generator object; its methods are `seed`, `random`,
//! `getrandbits`, `getstate` and `setstate`.

use crate::text::Text;
use sha2::Digest;
use std::sync::Mutex;

use num_bigint::{BigInt, BigUint, Sign};

use crate::builtins::builtin_function as builtin;
use crate::ops::{self, type_name};
use crate::value::{lock, BuiltinFn, Native, NativeType, Value};
use crate::vm::{CallResult, Thread};

type Args = Vec<Value>;
type Kwargs = Vec<(Text, Value)>;

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The generator's state: 624 words and the index of the next one to temper.
struct Twister {
    state: [u32; N],
    index: usize,
}

impl Twister {
    fn next_u32(&mut self) -> u32 {
        let mt = &mut self.state;
        if self.index >= N {
            let mix = |upper: u32, lower: u32, far: u32| {
                let y = (upper & UPPER_MASK) | (lower & LOWER_MASK);
                far ^ (y >> 1) ^ if y & 1 == 1 { MATRIX_A } else { 0 }
            };
            for k in 0..N - M {
                mt[k] = mix(mt[k], mt[k + 1], mt[k + M]);
            }
            for k in N - M..N - 1 {
                mt[k] = mix(mt[k], mt[k + 1], mt[k + M - N]);
            }
            mt[N - 1] = mix(mt[N - 1], mt[0], mt[M - 1]);
            self.index = 0;
        }
        let mut y = mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits.
    fn next_f64(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (a as f64 * 67108864.0 + b as f64) * (1.0 / 9007199254740992.0)
    }

    fn init_genrand(&mut self, seed: u32) {
        let mt = &mut self.state;
        mt[0] = seed;
        for i in 1..N {
            mt[i] =
                1812433253u32.wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19650218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let previous = mt[i - 1] ^ (mt[i - 1] >> 30);
            mt[i] = (mt[i] ^ previous.wrapping_mul(1664525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let previous = mt[i - 1] ^ (mt[i - 1] >> 30);
            mt[i] = (mt[i] ^ previous.wrapping_mul(1566083941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    /// `k` random bits, filled by 32-bit words from the least significant.
    fn bits(&mut self, k: u64) -> Value {
        if k <= 32 {
            return Value::Int(if k == 0 { 0 } else { (self.next_u32() >> (32 - k)) as i64 });
        }
        let mut words = Vec::with_capacity(k.div_ceil(32) as usize);
        let mut left = k;
        while left > 0 {
            let word = self.next_u32();
            words.push(if left < 32 { word >> (32 - left) } else { word });
            left = left.saturating_sub(32);
        }
        ops::normalize(BigInt::from_biguint(Sign::Plus, BigUint::from_slice(&words)))
    }
}

pub fn module() -> Vec<(&'static str, Value)> {
    vec![("Random", builtin("Random", new_random)), ("_str_seed", builtin("_str_seed", str_seed))]
}

const METHODS: [(&str, BuiltinFn); 5] = [
    ("seed", random_seed),
    ("random", random_random),
    ("getrandbits", random_getrandbits),
    ("getstate", random_getstate),
    ("setstate", random_setstate),
];

/// `_random.Random([seed])`: a new generator, seeded as `seed` would.
fn new_random(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    if !kwargs.is_empty() {
        return Err(thread.exception("TypeError", "Random() takes no keyword arguments"));
    }
    if args.len() > 1 {
        return Err(thread.exception("TypeError", "Random() requires 0 or 1 argument"));
    }
    let generator = Native::new(&RANDOM_TYPE, Mutex::new(Twister { state: [0; N], index: N + 1 }));
    random_seed(thread, [vec![generator.clone()], args].concat(), vec![])?;
    Ok(generator)
}

static RANDOM_TYPE: NativeType =
    NativeType { name: "Random", module: "_random", methods: &METHODS };

fn twister(receiver: &Value) -> &Mutex<Twister> {
    match receiver {
        Value::Native(native) => {
            native.data.downcast_ref().expect("Random methods are bound to Random objects")
        }
        _ => unreachable!("a Random method's receiver is a Random"),
    }
}

/// `seed(n=None)`: ints by their absolute value's 32-bit words; None from the host's clocks;
/// anything else by its hash, as CPython's C seeding does (`random.py` handles str first).
fn random_seed(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let key: Vec<u32> = match args.get(1).unwrap_or(&Value::None) {
        Value::None => {
            let host = &thread.interp.host;
            let now = (host.wall_time() * 1e9) as u64;
            let ticks = host.monotonic_ns();
            // Where this allocation lands varies from run to run too.
            let place = Box::new(0u8);
            let place = &*place as *const u8 as u64;
            [now, ticks, place].iter().flat_map(|w| [*w as u32, (*w >> 32) as u32]).collect()
        }
        value @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) => {
            let magnitude = match value {
                Value::BigInt(n) => n.magnitude().clone(),
                Value::Int(n) => BigUint::from(n.unsigned_abs()),
                _ => BigUint::from(matches!(value, Value::Bool(true)) as u32),
            };
            let words = magnitude.to_u32_digits();
            if words.is_empty() {
                vec![0]
            } else {
                words
            }
        }
        other => match ops::numeric_hash(other) {
            // The hash as an unsigned machine word.
            Some(hash) => {
                let hash = hash as u64;
                let words = [hash as u32, (hash >> 32) as u32];
                if words[1] == 0 {
                    vec![words[0]]
                } else {
                    words.to_vec()
                }
            }
            None => {
                return Err(thread
                    .exception("TypeError", format!("unhashable type: '{}'", type_name(other))))
            }
        },
    };
    lock(twister(&args[0])).init_by_array(&key);
    Ok(Value::None)
}

fn random_random(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(Value::Float(lock(twister(&args[0])).next_f64()))
}

fn random_getrandbits(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let k = match args.get(1) {
        Some(Value::Int(k)) => *k,
        Some(Value::Bool(b)) => *b as i64,
        Some(other) => {
            return Err(thread.exception(
                "TypeError",
                format!("'{}' object cannot be interpreted as an integer", type_name(other)),
            ))
        }
        None => {
            return Err(
                thread.exception("TypeError", "getrandbits() takes exactly one argument (0 given)")
            )
        }
    };
    if k < 0 {
        return Err(thread.exception("ValueError", "number of bits must be non-negative"));
    }
    Ok(lock(twister(&args[0])).bits(k as u64))
}

/// The 624 words and the index, as one tuple of 625 ints.
fn random_getstate(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let twister = lock(twister(&args[0]));
    let mut items: Vec<Value> = twister.state.iter().map(|w| Value::Int(*w as i64)).collect();
    items.push(Value::Int(twister.index as i64));
    Ok(Value::tuple(items))
}

fn random_setstate(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let Some(Value::Tuple(items)) = args.get(1) else {
        return Err(thread.exception("TypeError", "state vector must be a tuple"));
    };
    if items.len() != N + 1 {
        return Err(thread.exception("ValueError", "state vector is the wrong size"));
    }
    let mut state = [0u32; N];
    for (word, item) in state.iter_mut().zip(items.iter()) {
        *word = match item {
            Value::Int(w) if (0..=u32::MAX as i64).contains(w) => *w as u32,
            Value::Int(_) | Value::BigInt(_) => {
                return Err(thread.exception(
                    "OverflowError",
                    "Python int too large to convert to C unsigned long",
                ))
            }
            other => {
                return Err(thread.exception(
                    "TypeError",
                    format!("'{}' object cannot be interpreted as an integer", type_name(other)),
                ))
            }
        };
    }
    let index = match items[N] {
        Value::Int(index) if (0..=N as i64).contains(&index) => index as usize,
        _ => return Err(thread.exception("ValueError", "invalid state")),
    };
    let mut twister = lock(twister(&args[0]));
    twister.state = state;
    twister.index = index;
    Ok(Value::None)
}

/// What `random.seed(text)` seeds with (version 2): the UTF-8 bytes followed by their SHA-512,
/// read as one big-endian unsigned int.
fn str_seed(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let Some(Value::Str(text)) = args.first() else {
        return Err(thread.exception("TypeError", "_str_seed() needs a str"));
    };
    let mut bytes = text.as_bytes().to_vec();
    bytes.extend_from_slice(&sha2::Sha512::digest(text.as_bytes()));
    Ok(ops::normalize(BigInt::from_bytes_be(Sign::Plus, &bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_42_gives_cpythons_first_draws() {
        let mut twister = Twister { state: [0; N], index: N };
        twister.init_by_array(&[42]);
        // random.seed(42); random.random() in CPython.
        assert_eq!(twister.next_f64(), 0.6394267984578837);
        assert_eq!(twister.next_f64(), 0.025010755222666936);
    }
}
