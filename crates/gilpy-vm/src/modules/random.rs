//! `_random`: the Mersenne Twister (MT19937) that `random.py` stands on, exactly as CPython's
//! `Modules/_randommodule.c` seeds and draws from it, so that seeded programs print the same
//! numbers. `Random()` makes a generator object; its methods are `seed`, `random`,
//! `getrandbits`, `getstate` and `setstate`.

use crate::text::Text;
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
    bytes.extend_from_slice(&sha512(text.as_bytes()));
    Ok(ops::normalize(BigInt::from_bytes_be(Sign::Plus, &bytes)))
}

/// SHA-512 (FIPS 180-4), for seeding only.
fn sha512(message: &[u8]) -> [u8; 64] {
    const K: [u64; 80] = [
        0x428a2f98d728ae22,
        0x7137449123ef65cd,
        0xb5c0fbcfec4d3b2f,
        0xe9b5dba58189dbbc,
        0x3956c25bf348b538,
        0x59f111f1b605d019,
        0x923f82a4af194f9b,
        0xab1c5ed5da6d8118,
        0xd807aa98a3030242,
        0x12835b0145706fbe,
        0x243185be4ee4b28c,
        0x550c7dc3d5ffb4e2,
        0x72be5d74f27b896f,
        0x80deb1fe3b1696b1,
        0x9bdc06a725c71235,
        0xc19bf174cf692694,
        0xe49b69c19ef14ad2,
        0xefbe4786384f25e3,
        0x0fc19dc68b8cd5b5,
        0x240ca1cc77ac9c65,
        0x2de92c6f592b0275,
        0x4a7484aa6ea6e483,
        0x5cb0a9dcbd41fbd4,
        0x76f988da831153b5,
        0x983e5152ee66dfab,
        0xa831c66d2db43210,
        0xb00327c898fb213f,
        0xbf597fc7beef0ee4,
        0xc6e00bf33da88fc2,
        0xd5a79147930aa725,
        0x06ca6351e003826f,
        0x142929670a0e6e70,
        0x27b70a8546d22ffc,
        0x2e1b21385c26c926,
        0x4d2c6dfc5ac42aed,
        0x53380d139d95b3df,
        0x650a73548baf63de,
        0x766a0abb3c77b2a8,
        0x81c2c92e47edaee6,
        0x92722c851482353b,
        0xa2bfe8a14cf10364,
        0xa81a664bbc423001,
        0xc24b8b70d0f89791,
        0xc76c51a30654be30,
        0xd192e819d6ef5218,
        0xd69906245565a910,
        0xf40e35855771202a,
        0x106aa07032bbd1b8,
        0x19a4c116b8d2d0c8,
        0x1e376c085141ab53,
        0x2748774cdf8eeb99,
        0x34b0bcb5e19b48a8,
        0x391c0cb3c5c95a63,
        0x4ed8aa4ae3418acb,
        0x5b9cca4f7763e373,
        0x682e6ff3d6b2b8a3,
        0x748f82ee5defb2fc,
        0x78a5636f43172f60,
        0x84c87814a1f0ab72,
        0x8cc702081a6439ec,
        0x90befffa23631e28,
        0xa4506cebde82bde9,
        0xbef9a3f7b2c67915,
        0xc67178f2e372532b,
        0xca273eceea26619c,
        0xd186b8c721c0c207,
        0xeada7dd6cde0eb1e,
        0xf57d4f7fee6ed178,
        0x06f067aa72176fba,
        0x0a637dc5a2c898a6,
        0x113f9804bef90dae,
        0x1b710b35131c471b,
        0x28db77f523047d84,
        0x32caab7b40c72493,
        0x3c9ebe0a15c9bebc,
        0x431d67c49c100d4c,
        0x4cc5d4becb3e42b6,
        0x597f299cfc657e2a,
        0x5fcb6fab3ad6faec,
        0x6c44198c4a475817,
    ];
    let mut hash: [u64; 8] = [
        0x6a09e667f3bcc908,
        0xbb67ae8584caa73b,
        0x3c6ef372fe94f82b,
        0xa54ff53a5f1d36f1,
        0x510e527fade682d1,
        0x9b05688c2b3e6c1f,
        0x1f83d9abfb41bd6b,
        0x5be0cd19137e2179,
    ];
    let mut padded = message.to_vec();
    padded.push(0x80);
    while padded.len() % 128 != 112 {
        padded.push(0);
    }
    padded.extend_from_slice(&((message.len() as u128) * 8).to_be_bytes());
    for block in padded.chunks(128) {
        let mut w = [0u64; 80];
        for (t, word) in block.chunks(8).enumerate() {
            w[t] = u64::from_be_bytes(word.try_into().expect("8-byte chunks"));
        }
        for t in 16..80 {
            let s0 = w[t - 15].rotate_right(1) ^ w[t - 15].rotate_right(8) ^ (w[t - 15] >> 7);
            let s1 = w[t - 2].rotate_right(19) ^ w[t - 2].rotate_right(61) ^ (w[t - 2] >> 6);
            w[t] = w[t - 16].wrapping_add(s0).wrapping_add(w[t - 7]).wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = hash;
        for t in 0..80 {
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let choose = (e & f) ^ (!e & g);
            let t1 = h.wrapping_add(s1).wrapping_add(choose).wrapping_add(K[t]).wrapping_add(w[t]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let majority = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(majority);
            (h, g, f, e, d, c, b, a) = (g, f, e, d.wrapping_add(t1), c, b, a, t1.wrapping_add(t2));
        }
        for (word, add) in hash.iter_mut().zip([a, b, c, d, e, f, g, h]) {
            *word = word.wrapping_add(add);
        }
    }
    let mut digest = [0u8; 64];
    for (chunk, word) in digest.chunks_mut(8).zip(hash) {
        chunk.copy_from_slice(&word.to_be_bytes());
    }
    digest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha512_matches_the_standard_vectors() {
        let hex = |bytes: [u8; 64]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
        assert_eq!(
            hex(sha512(b"abc")),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a\
             2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
        );
        assert_eq!(
            hex(sha512(b"")),
            "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce\
             47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"
        );
        // Two blocks of padding.
        let long = [b'a'; 200];
        assert_eq!(&hex(sha512(&long))[..16], "4b11459c33f52a22");
    }

    #[test]
    fn seed_42_gives_cpythons_first_draws() {
        let mut twister = Twister { state: [0; N], index: N };
        twister.init_by_array(&[42]);
        // random.seed(42); random.random() in CPython.
        assert_eq!(twister.next_f64(), 0.6394267984578837);
        assert_eq!(twister.next_f64(), 0.025010755222666936);
    }
}
