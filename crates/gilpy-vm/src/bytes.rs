//! `bytes`: the literal's value, `repr`, the constructor, `str.encode` and `bytes.decode`
//! (UTF-8, ASCII and Latin-1, the codecs course examples use), and the methods.
//!
//! Most methods that search or cut (`find`, `split` with a separator, `replace`, `startswith`,
//! ...) are `str`'s run on the Latin-1 reading of the bytes: one char per byte, so positions and
//! results are the same, and the result is read back as bytes. Those whose meaning differs for
//! bytes (whitespace, case, character classes are ASCII-only) are written here.

use crate::text::Text;
use std::sync::Arc;

use crate::builtins::{collect, int_arg};
use crate::ops::type_name;
use crate::value::{BuiltinFn, List, Value};
use crate::vm::{CallResult, Thread};

type Args = Vec<Value>;
type Kwargs = Vec<(Text, Value)>;

pub fn value(bytes: impl Into<Vec<u8>>) -> Value {
    Value::Bytes(Arc::new(bytes.into()))
}

/// `repr(b)`: `b'...'`, with CPython's choice of quote and escapes.
pub fn repr(bytes: &[u8]) -> String {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::with_capacity(bytes.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &byte in bytes {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            _ if byte == quote => {
                out.push('\\');
                out.push(byte as char);
            }
            0x20..=0x7e => out.push(byte as char),
            _ => out.push_str(&format!("\\x{byte:02x}")),
        }
    }
    out.push(quote as char);
    out
}

/// The bytes as a `str` of the chars U+0000 to U+00FF, one per byte.
fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// The inverse of [`latin1`], for text that came from it.
fn from_latin1(text: &str) -> Vec<u8> {
    text.chars().map(|c| u8::try_from(u32::from(c)).expect("a Latin-1 char")).collect()
}

fn bytes_of(value: &Value) -> &[u8] {
    match value {
        Value::Bytes(bytes) => bytes,
        _ => unreachable!("a bytes method's receiver is bytes"),
    }
}

fn needs_bytes(thread: &Thread, value: &Value) -> Value {
    thread.exception(
        "TypeError",
        format!("a bytes-like object is required, not '{}'", type_name(value)),
    )
}

/// The `(normalised name, error)` of an encoding name, as Python's codec lookup reads it.
fn codec(thread: &Thread, encoding: Option<&Value>) -> Result<&'static str, Value> {
    let name = match encoding {
        None => return Ok("utf-8"),
        Some(Value::Str(name)) => name.to_ascii_lowercase().replace('_', "-"),
        Some(other) => {
            let message =
                format!("encode() argument 'encoding' must be str, not {}", type_name(other));
            return Err(thread.exception("TypeError", message));
        }
    };
    Ok(match name.as_str() {
        "utf-8" | "utf8" | "u8" => "utf-8",
        "ascii" | "us-ascii" => "ascii",
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" => "latin-1",
        _ => {
            let Some(Value::Str(given)) = encoding else { unreachable!("a str") };
            return Err(thread.exception("LookupError", format!("unknown encoding: {given}")));
        }
    })
}

/// What to do with what the codec cannot take: `strict` (raise), `ignore`, `replace`.
fn error_handler(thread: &Thread, errors: Option<&Value>) -> Result<&'static str, Value> {
    match errors {
        None => Ok("strict"),
        Some(Value::Str(name)) => {
            match &**name {
                "strict" => Ok("strict"),
                "ignore" => Ok("ignore"),
                "replace" => Ok("replace"),
                "backslashreplace" => Ok("backslashreplace"),
                other => Err(thread
                    .exception("LookupError", format!("unknown error handler name '{other}'"))),
            }
        }
        Some(other) => Err(thread.exception(
            "TypeError",
            format!("argument 'errors' must be str, not {}", type_name(other)),
        )),
    }
}

/// The positional argument `index` or the keyword `name`.
fn argument<'a>(args: &'a Args, kwargs: &'a Kwargs, index: usize, name: &str) -> Option<&'a Value> {
    args.get(index).or_else(|| kwargs.iter().find(|(k, _)| &**k == name).map(|(_, v)| v))
}

/// `str.encode(encoding='utf-8', errors='strict')`.
pub fn str_encode(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let Value::Str(text) = args[0].builtin_base() else { unreachable!("a str method") };
    let codec = codec(thread, argument(&args, &kwargs, 1, "encoding"))?;
    let errors = error_handler(thread, argument(&args, &kwargs, 2, "errors"))?;
    encode(thread, text, codec, errors).map(value)
}

fn encode(thread: &Thread, text: &str, codec: &str, errors: &str) -> Result<Vec<u8>, Value> {
    let limit = match codec {
        "utf-8" => return Ok(text.as_bytes().to_vec()),
        "ascii" => 0x80,
        _ => 0x100,
    };
    let encodable = |c: char| u32::from(c) < limit;
    let mut out = Vec::with_capacity(text.len());
    for (position, c) in text.chars().enumerate() {
        if encodable(c) {
            out.push(u32::from(c) as u8);
            continue;
        }
        match errors {
            "ignore" => {}
            "replace" => out.push(b'?'),
            "backslashreplace" => {
                let code = u32::from(c);
                let escape = match code {
                    0..=0xff => format!("\\x{code:02x}"),
                    0x100..=0xffff => format!("\\u{code:04x}"),
                    _ => format!("\\U{code:08x}"),
                };
                out.extend_from_slice(escape.as_bytes());
            }
            _ => {
                // A run of characters the codec cannot take is reported as one, as CPython does.
                let run = text.chars().skip(position).take_while(|&c| !encodable(c)).count();
                let what = if run == 1 {
                    let code = u32::from(c);
                    match code {
                        0..=0xff => format!("character '\\x{code:02x}' in position {position}"),
                        0x100..=0xffff => {
                            format!("character '\\u{code:04x}' in position {position}")
                        }
                        _ => format!("character '\\U{code:08x}' in position {position}"),
                    }
                } else {
                    format!("characters in position {position}-{}", position + run - 1)
                };
                let message =
                    format!("'{codec}' codec can't encode {what}: ordinal not in range({limit})");
                return Err(thread.exception("UnicodeEncodeError", message));
            }
        }
    }
    Ok(out)
}

/// `bytes.decode(encoding='utf-8', errors='strict')`, also `str(b, encoding)`.
pub fn decode(thread: &Thread, bytes: &[u8], codec: &str, errors: &str) -> Result<String, Value> {
    if codec == "latin-1" {
        return Ok(latin1(bytes));
    }
    let mut out = String::with_capacity(bytes.len());
    let mut rest = bytes;
    let mut offset = 0;
    loop {
        let (valid, bad) = if codec == "ascii" {
            let end = rest.iter().position(|b| !b.is_ascii()).unwrap_or(rest.len());
            (end, (end < rest.len()).then_some((1, "ordinal not in range(128)")))
        } else {
            match std::str::from_utf8(rest) {
                Ok(_) => (rest.len(), None),
                Err(error) => (error.valid_up_to(), Some(utf8_error(rest, error))),
            }
        };
        out.push_str(std::str::from_utf8(&rest[..valid]).expect("checked"));
        let Some((length, reason)) = bad else { return Ok(out) };
        match errors {
            "ignore" => {}
            "replace" => out.push('\u{fffd}'),
            "backslashreplace" => {
                for byte in &rest[valid..valid + length] {
                    out.push_str(&format!("\\x{byte:02x}"));
                }
            }
            _ => {
                let message = decode_error_message(codec, rest, offset + valid, length, reason);
                return Err(thread.exception("UnicodeDecodeError", message));
            }
        }
        rest = &rest[valid + length..];
        offset += valid + length;
    }
}

/// How long the bad sequence that `error` found in `bytes` is, and CPython's reason.
fn utf8_error(bytes: &[u8], error: std::str::Utf8Error) -> (usize, &'static str) {
    let end = error.valid_up_to();
    match error.error_len() {
        None => (bytes.len() - end, "unexpected end of data"),
        Some(length) if is_utf8_start(bytes[end]) => (length, "invalid continuation byte"),
        Some(length) => (length, "invalid start byte"),
    }
}

/// CPython's UnicodeDecodeError message for `length` bad bytes at `start` of `bytes`.
fn decode_error_message(
    codec: &str,
    bytes: &[u8],
    start: usize,
    length: usize,
    reason: &str,
) -> String {
    let place = if length == 1 {
        format!("byte 0x{:02x} in position {start}", bytes[start])
    } else {
        format!("bytes in position {start}-{}", start + length - 1)
    };
    format!("'{codec}' codec can't decode {place}: {reason}")
}

/// The message of the UnicodeDecodeError that decoding `bytes` as UTF-8 raises.
pub fn utf8_error_message(bytes: &[u8], error: std::str::Utf8Error) -> String {
    let (length, reason) = utf8_error(bytes, error);
    decode_error_message("utf-8", bytes, error.valid_up_to(), length, reason)
}

/// Whether `byte` may begin a multi-byte UTF-8 sequence (so an error after it is in what
/// follows).
fn is_utf8_start(byte: u8) -> bool {
    (0xc2..=0xf4).contains(&byte)
}

/// `bytes(...)`: empty, `n` zero bytes, a str with its encoding, or an iterable of ints.
pub fn construct(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let source = argument(&args, &kwargs, 0, "source");
    let encoding = argument(&args, &kwargs, 1, "encoding");
    let errors = argument(&args, &kwargs, 2, "errors");
    match (source, encoding) {
        (None, _) => Ok(value(Vec::new())),
        (Some(Value::Str(text)), Some(_)) => {
            let codec = codec(thread, encoding)?;
            let errors = error_handler(thread, errors)?;
            encode(thread, text, codec, errors).map(value)
        }
        (Some(Value::Str(_)), None) => {
            Err(thread.exception("TypeError", "string argument without an encoding"))
        }
        (Some(_), Some(_)) => {
            Err(thread.exception("TypeError", "encoding without a string argument"))
        }
        (Some(Value::Bytes(bytes)), None) => Ok(Value::Bytes(bytes.clone())),
        (Some(count @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))), None) => {
            let count = int_arg(thread, count)?;
            if count < 0 {
                return Err(thread.exception("ValueError", "negative count"));
            }
            crate::ops::check_allocation(count as u128, 1).map_err(|e| thread.op_error(e))?;
            Ok(value(vec![0; count as usize]))
        }
        (Some(source @ Value::Float(_)), None) => Err(thread.exception(
            "TypeError",
            format!("cannot convert '{}' object to bytes", type_name(source)),
        )),
        (Some(iterable), None) => {
            let iterable = iterable.clone();
            let items = collect(thread, &iterable)?;
            items.iter().map(|item| byte(thread, item)).collect::<Result<Vec<u8>, _>>().map(value)
        }
    }
}

/// An int that must be a byte's value.
fn byte(thread: &Thread, item: &Value) -> Result<u8, Value> {
    let n = int_arg(thread, item)?;
    u8::try_from(n).map_err(|_| thread.exception("ValueError", "bytes must be in range(0, 256)"))
}

/// Whether `byteorder` is big-endian: `'big'` or `'little'`, nothing else.
fn big_endian(thread: &Thread, byteorder: Option<&Value>) -> Result<bool, Value> {
    match byteorder {
        None => Ok(true),
        Some(Value::Str(order)) if &**order == "big" => Ok(true),
        Some(Value::Str(order)) if &**order == "little" => Ok(false),
        Some(Value::Str(_)) => {
            Err(thread.exception("ValueError", "byteorder must be either 'little' or 'big'"))
        }
        Some(other) => Err(thread.exception(
            "TypeError",
            format!("to_bytes() argument 'byteorder' must be str, not {}", type_name(other)),
        )),
    }
}

/// A keyword-only flag (`signed=True`), false when absent.
fn keyword_truth(thread: &mut Thread, kwargs: &Kwargs, name: &str) -> Result<bool, Value> {
    match kwargs.iter().find(|(k, _)| &**k == name) {
        Some((_, flag)) => thread.truth(&flag.clone()),
        None => Ok(false),
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
pub fn int_to_bytes(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    use num_traits::Signed;
    let n = match args[0].builtin_base() {
        Value::Int(i) => num_bigint::BigInt::from(*i),
        Value::Bool(b) => num_bigint::BigInt::from(*b as i64),
        Value::BigInt(i) => (**i).clone(),
        _ => unreachable!("an int method"),
    };
    let length = match argument(&args, &kwargs, 1, "length") {
        Some(length) => int_arg(thread, length)?,
        None => 1,
    };
    if length < 0 {
        return Err(thread.exception("ValueError", "length argument must be non-negative"));
    }
    let big = big_endian(thread, argument(&args, &kwargs, 2, "byteorder"))?;
    let signed = keyword_truth(thread, &kwargs, "signed")?;
    if n.is_negative() && !signed {
        return Err(thread.exception("OverflowError", "can't convert negative int to unsigned"));
    }
    // The fewest bytes that hold `n` (none for 0), two's complement when signed.
    let mut digits = if signed { n.to_signed_bytes_be() } else { n.to_bytes_be().1 };
    if n.bits() == 0 {
        digits.clear();
    }
    if digits.len() > length as usize {
        return Err(thread.exception("OverflowError", "int too big to convert"));
    }
    crate::ops::check_allocation(length as u128, 1).map_err(|e| thread.op_error(e))?;
    let fill = if n.is_negative() { 0xff } else { 0 };
    let mut out = vec![fill; length as usize - digits.len()];
    out.extend(digits);
    if !big {
        out.reverse();
    }
    Ok(value(out))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`, called on the class.
pub fn int_from_bytes(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    // Called on an int rather than on `int`, the int comes first.
    let args = match args.first() {
        Some(Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) => args[1..].to_vec(),
        _ => args,
    };
    let Some(source) = argument(&args, &kwargs, 0, "bytes") else {
        return Err(
            thread.exception("TypeError", "from_bytes() missing required argument 'bytes' (pos 1)")
        );
    };
    let Value::Bytes(bytes) = construct(thread, vec![source.clone()], Vec::new())? else {
        unreachable!("bytes() gives bytes")
    };
    let big = big_endian(thread, argument(&args, &kwargs, 1, "byteorder"))?;
    let signed = keyword_truth(thread, &kwargs, "signed")?;
    let n = match (big, signed) {
        (true, true) => num_bigint::BigInt::from_signed_bytes_be(&bytes),
        (true, false) => num_bigint::BigInt::from_bytes_be(num_bigint::Sign::Plus, &bytes),
        (false, true) => num_bigint::BigInt::from_signed_bytes_le(&bytes),
        (false, false) => num_bigint::BigInt::from_bytes_le(num_bigint::Sign::Plus, &bytes),
    };
    Ok(crate::ops::normalize(n))
}

/// `b[i]` (an int) and `b[a:b]` (bytes).
pub fn get_item(thread: &Thread, bytes: &[u8], key: &Value) -> CallResult {
    match key {
        Value::Slice(slice) => {
            let indices = crate::builtins::slice_indices(thread, slice, bytes.len())?;
            Ok(value(indices.into_iter().map(|i| bytes[i]).collect::<Vec<u8>>()))
        }
        Value::Int(_) | Value::Bool(_) => {
            let i = int_arg(thread, key)?;
            let resolved = if i < 0 { i + bytes.len() as i64 } else { i };
            match usize::try_from(resolved).ok().and_then(|i| bytes.get(i)) {
                Some(&b) => Ok(Value::Int(i64::from(b))),
                None => Err(thread.exception("IndexError", "index out of range")),
            }
        }
        other => Err(thread.exception(
            "TypeError",
            format!("byte indices must be integers or slices, not {}", type_name(other)),
        )),
    }
}

/// `item in b`: a byte's value, or bytes as a run of `b`.
pub fn contains(thread: &Thread, bytes: &[u8], item: &Value) -> Result<bool, Value> {
    match item {
        Value::Bytes(needle) => Ok(find(bytes, needle).is_some()),
        Value::Int(_) | Value::Bool(_) => {
            let n = int_arg(thread, item)?;
            let byte = u8::try_from(n)
                .map_err(|_| thread.exception("ValueError", "byte must be in range(0, 256)"))?;
            Ok(bytes.contains(&byte))
        }
        other => Err(needs_bytes(thread, other)),
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack.windows(needle.len()).position(|window| window == needle)
}

/// The methods of `bytes`.
pub const METHODS: [(&str, BuiltinFn); 30] = [
    ("decode", bytes_decode),
    ("hex", bytes_hex),
    ("fromhex", bytes_fromhex),
    ("join", bytes_join),
    ("split", bytes_split),
    ("rsplit", bytes_rsplit),
    ("strip", bytes_strip),
    ("lstrip", bytes_lstrip),
    ("rstrip", bytes_rstrip),
    ("upper", bytes_upper),
    ("lower", bytes_lower),
    ("isdigit", bytes_isdigit),
    ("isalpha", bytes_isalpha),
    ("isalnum", bytes_isalnum),
    ("isspace", bytes_isspace),
    ("isascii", bytes_isascii),
    ("index", bytes_index),
    ("find", bytes_find),
    ("rfind", bytes_rfind),
    ("count", bytes_count),
    ("startswith", bytes_startswith),
    ("endswith", bytes_endswith),
    ("replace", bytes_replace),
    ("partition", bytes_partition),
    ("rpartition", bytes_rpartition),
    ("removeprefix", bytes_removeprefix),
    ("removesuffix", bytes_removesuffix),
    ("ljust", bytes_ljust),
    ("rjust", bytes_rjust),
    ("center", bytes_center),
];

fn bytes_decode(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let codec = codec(thread, argument(&args, &kwargs, 1, "encoding"))?;
    let errors = error_handler(thread, argument(&args, &kwargs, 2, "errors"))?;
    decode(thread, bytes_of(&args[0]), codec, errors).map(|text| Value::str(&text))
}

fn bytes_hex(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let hex: String = bytes_of(&args[0]).iter().map(|b| format!("{b:02x}")).collect();
    Ok(Value::str(&hex))
}

/// `bytes.fromhex(text)`: pairs of hex digits, spaces between pairs allowed.
fn bytes_fromhex(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    // Called on the class, args[0] is the text; on a bytes value, the text follows it.
    let text = match (args.first(), args.get(1)) {
        (Some(Value::Bytes(_)), Some(text)) | (Some(text), _) => text,
        (None, _) => {
            return Err(thread.exception("TypeError", "fromhex() takes exactly one argument"))
        }
    };
    let Value::Str(text) = text else {
        let message = format!("fromhex() argument must be str, not {}", type_name(text));
        return Err(thread.exception("TypeError", message));
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let digit = |at: usize| chars.get(at).and_then(|c| c.to_digit(16));
        let (Some(high), Some(low)) = (digit(i), digit(i + 1)) else {
            let at = if digit(i).is_some() { i + 1 } else { i };
            return Err(thread.exception(
                "ValueError",
                format!("non-hexadecimal number found in fromhex() arg at position {at}"),
            ));
        };
        out.push((high * 16 + low) as u8);
        i += 2;
    }
    Ok(value(out))
}

fn bytes_join(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let separator = bytes_of(&args[0]).to_vec();
    let iterable = args.get(1).cloned().unwrap_or(Value::None);
    let mut out = Vec::new();
    for (i, item) in collect(thread, &iterable)?.iter().enumerate() {
        let Value::Bytes(part) = item else {
            let message = format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                type_name(item)
            );
            return Err(thread.exception("TypeError", message));
        };
        if i > 0 {
            out.extend_from_slice(&separator);
        }
        out.extend_from_slice(part);
    }
    Ok(value(out))
}

/// Whitespace for bytes: ASCII's (space, `\t\n\r\x0b\x0c`).
fn is_space(byte: &u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn bytes_split(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    split(thread, args, kwargs, "split")
}

fn bytes_rsplit(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    split(thread, args, kwargs, "rsplit")
}

fn split(thread: &mut Thread, args: Args, kwargs: Kwargs, method: &str) -> CallResult {
    let separator = argument(&args, &kwargs, 1, "sep");
    if !matches!(separator, None | Some(Value::None)) {
        return as_str_method(thread, method, args, kwargs);
    }
    let max = match argument(&args, &kwargs, 2, "maxsplit") {
        Some(max) => int_arg(thread, max)?,
        None => -1,
    };
    let source = bytes_of(&args[0]);
    let mut words: Vec<&[u8]> = source.split(is_space).filter(|w| !w.is_empty()).collect();
    if max >= 0 && words.len() > max as usize + 1 {
        // The last (or, for rsplit, the first) part keeps the rest as it is.
        let max = max as usize;
        let start = |word: &[u8]| word.as_ptr() as usize - source.as_ptr() as usize;
        // The part left over keeps its whitespace on the far side, as CPython's.
        if method == "split" {
            let rest = &source[start(words[max])..];
            words.truncate(max);
            words.push(rest);
        } else {
            let keep = words.len() - max;
            let last = words[keep - 1];
            let rest = &source[..start(last) + last.len()];
            words.drain(..keep);
            words.insert(0, rest);
        }
    }
    Ok(List::new(words.into_iter().map(|word| value(word)).collect()))
}

fn bytes_strip(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    strip(thread, args, kwargs, "strip", true, true)
}

fn bytes_lstrip(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    strip(thread, args, kwargs, "lstrip", true, false)
}

fn bytes_rstrip(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    strip(thread, args, kwargs, "rstrip", false, true)
}

fn strip(
    thread: &mut Thread,
    args: Args,
    kwargs: Kwargs,
    method: &str,
    left: bool,
    right: bool,
) -> CallResult {
    if !matches!(args.get(1), None | Some(Value::None)) {
        return as_str_method(thread, method, args, kwargs);
    }
    let mut bytes = bytes_of(&args[0]);
    while left && bytes.first().is_some_and(is_space) {
        bytes = &bytes[1..];
    }
    while right && bytes.last().is_some_and(is_space) {
        bytes = &bytes[..bytes.len() - 1];
    }
    Ok(value(bytes))
}

fn bytes_upper(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(value(bytes_of(&args[0]).to_ascii_uppercase()))
}

fn bytes_lower(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(value(bytes_of(&args[0]).to_ascii_lowercase()))
}

/// Whether the bytes are not empty and all of them are of a class (`isdigit`...).
fn all_bytes(args: &Args, class: fn(&u8) -> bool) -> CallResult {
    let bytes = bytes_of(&args[0]);
    Ok(Value::Bool(!bytes.is_empty() && bytes.iter().all(class)))
}

fn bytes_isdigit(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    all_bytes(&args, u8::is_ascii_digit)
}

fn bytes_isalpha(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    all_bytes(&args, u8::is_ascii_alphabetic)
}

fn bytes_isalnum(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    all_bytes(&args, u8::is_ascii_alphanumeric)
}

fn bytes_isspace(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    all_bytes(&args, is_space)
}

fn bytes_isascii(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(Value::Bool(bytes_of(&args[0]).is_ascii()))
}

fn bytes_index(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    match as_str_method(thread, "find", args, kwargs)? {
        Value::Int(-1) => Err(thread.exception("ValueError", "subsection not found")),
        found => Ok(found),
    }
}

fn bytes_find(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    as_str_method(thread, "find", args, kwargs)
}

fn bytes_rfind(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    as_str_method(thread, "rfind", args, kwargs)
}

fn bytes_count(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    as_str_method(thread, "count", args, kwargs)
}

fn bytes_startswith(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    as_str_method(thread, "startswith", args, kwargs)
}

fn bytes_endswith(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    as_str_method(thread, "endswith", args, kwargs)
}

fn bytes_replace(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    as_str_method(thread, "replace", args, kwargs)
}

fn bytes_partition(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    as_str_method(thread, "partition", args, kwargs)
}

fn bytes_rpartition(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    as_str_method(thread, "rpartition", args, kwargs)
}

fn bytes_removeprefix(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    as_str_method(thread, "removeprefix", args, kwargs)
}

fn bytes_removesuffix(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    as_str_method(thread, "removesuffix", args, kwargs)
}

fn bytes_ljust(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    as_str_method(thread, "ljust", args, kwargs)
}

fn bytes_rjust(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    as_str_method(thread, "rjust", args, kwargs)
}

fn bytes_center(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    as_str_method(thread, "center", args, kwargs)
}

/// Runs `str.method` on the Latin-1 reading of the receiver and its bytes arguments, and reads
/// the text it gives back as bytes. A str argument is refused, as bytes methods refuse it; an
/// int stands for its byte where a method searches (`b.find(10)`).
fn as_str_method(thread: &mut Thread, method: &str, args: Args, kwargs: Kwargs) -> CallResult {
    let (_, function) = crate::methods::type_method("str", method).expect("a str method");
    let searches = matches!(method, "find" | "rfind" | "count");
    let mut converted = Vec::with_capacity(args.len());
    for (i, arg) in args.iter().enumerate() {
        converted.push(match arg {
            Value::Int(n) if i == 1 && searches => match u8::try_from(*n) {
                Ok(byte) => Value::str(&latin1(&[byte])),
                Err(_) => {
                    return Err(thread.exception("ValueError", "byte must be in range(0, 256)"))
                }
            },
            _ if i == 0 => Value::str(&latin1(bytes_of(arg))),
            other => to_text(thread, other)?,
        });
    }
    let kwargs = kwargs
        .into_iter()
        .map(|(name, arg)| Ok((name, to_text(thread, &arg)?)))
        .collect::<Result<Kwargs, Value>>()?;
    Ok(to_bytes(function(thread, converted, kwargs)?))
}

/// An argument for a str method: bytes (and tuples of them) as text, ints and None as they are.
fn to_text(thread: &Thread, arg: &Value) -> Result<Value, Value> {
    match arg {
        Value::Bytes(bytes) => Ok(Value::str(&latin1(bytes))),
        Value::Tuple(items) => Ok(Value::tuple(
            items.iter().map(|item| to_text(thread, item)).collect::<Result<_, _>>()?,
        )),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::None => Ok(arg.clone()),
        other => Err(needs_bytes(thread, other)),
    }
}

/// A str method's result read back: text as bytes, in lists and tuples too.
fn to_bytes(result: Value) -> Value {
    match &result {
        Value::Str(text) => value(from_latin1(text)),
        Value::List(list) => {
            List::new(crate::value::lock(&list.items).iter().cloned().map(to_bytes).collect())
        }
        Value::Tuple(items) => Value::tuple(items.iter().cloned().map(to_bytes).collect()),
        _ => result,
    }
}

#[cfg(test)]
mod tests {
    use super::repr;

    #[test]
    fn repr_picks_the_quote_and_escapes_as_cpython() {
        assert_eq!(repr(b"abc"), "b'abc'");
        assert_eq!(repr(b"it's"), "b\"it's\"");
        assert_eq!(repr(b"'\""), "b'\\'\"'");
        assert_eq!(repr(b"\x00\t\n\r\\\x7f\xff"), "b'\\x00\\t\\n\\r\\\\\\x7f\\xff'");
    }
}
