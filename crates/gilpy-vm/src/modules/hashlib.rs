//! `_hashlib`: the message digests under `hashlib.py` (MD5, SHA-1, the SHA-2 family) and
//! `pbkdf2_hmac`, computed by the RustCrypto crates, as CPython's `_hashlib` wraps OpenSSL.
//! Hashing is native work that holds no Python object, so, as CPython does, it runs without
//! the GIL: `pbkdf2_hmac` always, an update from 2048 bytes of data up
//! (`HASHLIB_GIL_MINSIZE`). Threads that hash large buffers therefore run on several cores
//! even with the GIL, a lesson of their own.

use std::sync::{Arc, Mutex};

use sha2::Digest;

use crate::text::Text;
use crate::value::{lock, Native, NativeType, Value};
use crate::vm::{CallResult, Thread};

type Args = Vec<Value>;
type Kwargs = Vec<(Text, Value)>;

/// From this many bytes an update releases the GIL (CPython's `HASHLIB_GIL_MINSIZE`).
const GIL_MINSIZE: usize = 2048;

pub fn module() -> Vec<(&'static str, Value)> {
    use crate::builtins::builtin_function as builtin;
    vec![
        ("new", builtin("new", new)),
        ("update", builtin("update", update)),
        ("digest", builtin("digest", digest)),
        ("copy", builtin("copy", copy)),
        ("pbkdf2_hmac", builtin("pbkdf2_hmac", pbkdf2_hmac)),
        (
            "algorithms",
            Value::tuple(ALGORITHMS.iter().map(|(name, ..)| Value::str(name)).collect()),
        ),
    ]
}

/// Each algorithm: its name, digest size and block size in bytes.
const ALGORITHMS: [(&str, usize, usize); 6] = [
    ("md5", 16, 64),
    ("sha1", 20, 64),
    ("sha224", 28, 64),
    ("sha256", 32, 64),
    ("sha384", 48, 128),
    ("sha512", 64, 128),
];

#[derive(Clone)]
enum Hasher {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
}

/// Runs `$body` with `$hasher` bound to the algorithm's own hasher, whichever it is.
macro_rules! with_hasher {
    ($value:expr, $hasher:ident => $body:expr) => {
        match $value {
            Hasher::Md5($hasher) => $body,
            Hasher::Sha1($hasher) => $body,
            Hasher::Sha224($hasher) => $body,
            Hasher::Sha256($hasher) => $body,
            Hasher::Sha384($hasher) => $body,
            Hasher::Sha512($hasher) => $body,
        }
    };
}

impl Hasher {
    /// The hasher of `name`, in any case (`hashlib.new("SHA256")`), as OpenSSL finds it.
    fn new(name: &str) -> Option<Hasher> {
        Some(match name.to_ascii_lowercase().as_str() {
            "md5" => Hasher::Md5(Default::default()),
            "sha1" => Hasher::Sha1(Default::default()),
            "sha224" => Hasher::Sha224(Default::default()),
            "sha256" => Hasher::Sha256(Default::default()),
            "sha384" => Hasher::Sha384(Default::default()),
            "sha512" => Hasher::Sha512(Default::default()),
            _ => return None,
        })
    }

    fn update(&mut self, data: &[u8]) {
        with_hasher!(self, hasher => hasher.update(data))
    }

    /// The digest so far; the hasher can go on taking data.
    fn digest(&self) -> Vec<u8> {
        with_hasher!(self.clone(), hasher => hasher.finalize().to_vec())
    }
}

static HASH_TYPE: NativeType = NativeType { name: "HASH", module: "_hashlib", methods: &[] };

/// The bytes to hash, with CPython's errors for a str and for what is no buffer.
fn data_arg<'a>(thread: &Thread, value: &'a Value) -> Result<&'a Arc<Vec<u8>>, Value> {
    match value {
        Value::Bytes(bytes) => Ok(bytes),
        Value::Str(_) => {
            Err(thread.exception("TypeError", "Strings must be encoded before hashing"))
        }
        _ => Err(thread.exception("TypeError", "object supporting the buffer API required")),
    }
}

fn state<'a>(thread: &Thread, args: &'a Args) -> Result<&'a Mutex<Hasher>, Value> {
    args.first()
        .and_then(Value::downcast::<Mutex<Hasher>>)
        .ok_or_else(|| thread.exception("TypeError", "a _hashlib.HASH state is required"))
}

/// `new(name)`: `(state, name, digest_size, block_size)`, or ValueError for a name we lack.
fn new(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let name = match args.first() {
        Some(Value::Str(name)) => name.clone(),
        _ => return Err(thread.exception("TypeError", "name must be a string")),
    };
    let Some(hasher) = Hasher::new(&name) else {
        return Err(thread.exception("ValueError", format!("unsupported hash type {name}")));
    };
    let lower = name.to_ascii_lowercase();
    let (name, digest_size, block_size) =
        ALGORITHMS.iter().copied().find(|(known, ..)| *known == lower).expect("a known algorithm");
    Ok(Value::tuple(vec![
        Native::new(&HASH_TYPE, Mutex::new(hasher)),
        Value::str(name),
        Value::Int(digest_size as i64),
        Value::Int(block_size as i64),
    ]))
}

fn update(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let hasher = state(thread, &args)?;
    let data = data_arg(thread, args.get(1).unwrap_or(&Value::None))?;
    if data.len() >= GIL_MINSIZE {
        // The hasher's own lock keeps two threads from updating it at once, as in CPython.
        thread.allow_threads(|_| lock(hasher).update(data))?;
    } else {
        lock(hasher).update(data);
    }
    Ok(Value::None)
}

fn digest(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let digest = lock(state(thread, &args)?).digest();
    Ok(Value::Bytes(Arc::new(digest)))
}

fn copy(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let copied = lock(state(thread, &args)?).clone();
    Ok(Native::new(&HASH_TYPE, Mutex::new(copied)))
}

/// `pbkdf2_hmac(name, password, salt, iterations, dklen)`: `hashlib.py` has checked the name.
fn pbkdf2_hmac(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let bytes_arg = |value: Option<&Value>| match value {
        Some(Value::Bytes(bytes)) => Ok(bytes.clone()),
        other => Err(thread.exception(
            "TypeError",
            format!(
                "a bytes-like object is required, not '{}'",
                crate::ops::type_name(other.unwrap_or(&Value::None))
            ),
        )),
    };
    let name = match args.first() {
        Some(Value::Str(name)) => name.to_ascii_lowercase(),
        _ => return Err(thread.exception("TypeError", "name must be a string")),
    };
    let (password, salt) = (bytes_arg(args.get(1))?, bytes_arg(args.get(2))?);
    let iterations = crate::builtins::int_arg(thread, args.get(3).unwrap_or(&Value::None))?;
    if iterations < 1 {
        return Err(thread.exception("ValueError", "iteration value must be greater than 0."));
    }
    let iterations = u32::try_from(iterations)
        .map_err(|_| thread.exception("OverflowError", "iteration value is too great."))?;
    let length = match args.get(4) {
        None | Some(Value::None) => {
            ALGORITHMS.iter().find(|(known, ..)| *known == name).map_or(0, |(_, size, _)| *size)
        }
        Some(length) => {
            let length = crate::builtins::int_arg(thread, length)?;
            if length < 1 {
                return Err(thread.exception("ValueError", "key length must be greater than 0."));
            }
            usize::try_from(length)
                .ok()
                .filter(|length| *length <= u32::MAX as usize)
                .ok_or_else(|| thread.exception("OverflowError", "key length is too great."))?
        }
    };
    let mut key = vec![0u8; length];
    let derive: fn(&[u8], &[u8], u32, &mut [u8]) = match name.as_str() {
        "md5" => pbkdf2::pbkdf2_hmac::<md5::Md5>,
        "sha1" => pbkdf2::pbkdf2_hmac::<sha1::Sha1>,
        "sha224" => pbkdf2::pbkdf2_hmac::<sha2::Sha224>,
        "sha256" => pbkdf2::pbkdf2_hmac::<sha2::Sha256>,
        "sha384" => pbkdf2::pbkdf2_hmac::<sha2::Sha384>,
        "sha512" => pbkdf2::pbkdf2_hmac::<sha2::Sha512>,
        _ => return Err(thread.exception("ValueError", "unsupported hash type")),
    };
    thread.allow_threads(|_| derive(&password, &salt, iterations, &mut key))?;
    Ok(Value::Bytes(Arc::new(key)))
}
