//! What operators and conversions do to built-in values: truth, repr and str, equality and
//! hashing, arithmetic. User classes' special methods are dispatched by the VM before it falls
//! back to these.

use crate::text::Text;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::code::{BinaryOp, CompareOp};
use crate::value::{lock, Key, Value};

/// An operation failed with a Python exception of this built-in class and message.
#[derive(Debug, PartialEq)]
pub struct OpError {
    pub class: &'static str,
    pub message: String,
}

pub fn error(class: &'static str, message: impl Into<String>) -> OpError {
    OpError { class, message: message.into() }
}

pub type OpResult = Result<Value, OpError>;

/// The most memory one value may take, in bytes, before MemoryError (a programs-can't-eat-the-
/// machine limit; `set_memory_limit` changes it for the process).
static MEMORY_LIMIT_BYTES: std::sync::atomic::AtomicUsize =
    std::sync::atomic::AtomicUsize::new(1 << 30);

pub fn set_memory_limit(bytes: usize) {
    MEMORY_LIMIT_BYTES.store(bytes, std::sync::atomic::Ordering::Relaxed);
}

/// MemoryError unless `items` values of about `item_bytes` each fit under the limit.
pub fn check_allocation(items: u128, item_bytes: u128) -> Result<(), OpError> {
    let limit = MEMORY_LIMIT_BYTES.load(std::sync::atomic::Ordering::Relaxed) as u128;
    if items.saturating_mul(item_bytes) > limit {
        Err(error("MemoryError", ""))
    } else {
        Ok(())
    }
}

/// The name `type(value).__name__` gives.
pub fn type_name(value: &Value) -> Text {
    Text::from(match value {
        Value::None => "NoneType",
        Value::Bool(_) => "bool",
        Value::Int(_) | Value::BigInt(_) => "int",
        Value::Float(_) => "float",
        Value::Str(_) => "str",
        Value::Bytes(_) => "bytes",
        Value::Tuple(_) => "tuple",
        Value::List(_) => "list",
        Value::Dict(_) => "dict",
        Value::Set(set) => set.type_name(),
        Value::Range(_) => "range",
        Value::Slice(_) => "slice",
        Value::Function(_) => "function",
        Value::Builtin(_) => "builtin_function_or_method",
        Value::Method(_) => "method",
        Value::Class(_) => "type",
        Value::Instance(instance) => return instance.class.name.clone(),
        Value::Module(_) => "module",
        // Not while the iterator is being stepped (its lock is held by this thread).
        Value::Iterator(state) => state.try_lock().map_or("iterator", |state| state.type_name()),
        Value::Cell(_) => "cell",
        Value::Code(_) => "code",
        Value::Generator(generator) if generator.is_coroutine => "coroutine",
        Value::Generator(_) => "generator",
        Value::Native(native) => native.kind.name,
        Value::Super(_) => "super",
        Value::Descriptor(descriptor) => match **descriptor {
            crate::value::Descriptor::Property { .. } => "property",
            crate::value::Descriptor::ClassMethod(_) => "classmethod",
            crate::value::Descriptor::StaticMethod(_) => "staticmethod",
            crate::value::Descriptor::NativeMethod(_) => "method_descriptor",
        },
    })
}

/// `bool(value)` for built-in values; `None` for instances (the VM asks `__bool__`/`__len__`).
pub fn truth(value: &Value) -> Option<bool> {
    Some(match value {
        Value::None => false,
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::BigInt(i) => !i.is_zero(),
        Value::Float(f) => *f != 0.0,
        Value::Str(s) => !s.is_empty(),
        Value::Bytes(b) => !b.is_empty(),
        Value::Tuple(items) => !items.is_empty(),
        Value::List(list) => !lock(&list.items).is_empty(),
        Value::Dict(dict) => !lock(&dict.entries).is_empty(),
        Value::Set(set) => !set.is_empty(),
        Value::Range(range) => range.len() != 0,
        // Asked of their `__bool__` or `__len__` (a dict view is false when empty).
        Value::Instance(_) | Value::Native(_) => return None,
        _ => true,
    })
}

/// An int from a wide Rust integer: small when it fits.
pub fn int_value(value: i128) -> Value {
    match i64::try_from(value) {
        Ok(small) => Value::Int(small),
        Err(_) => Value::BigInt(Arc::new(BigInt::from(value))),
    }
}

pub fn big(value: i64) -> BigInt {
    BigInt::from(value)
}

/// Back to a small int when it fits.
pub fn normalize(value: BigInt) -> Value {
    match value.to_i64() {
        Some(small) => Value::Int(small),
        None => Value::BigInt(Arc::new(value)),
    }
}

fn as_bigint(value: &Value) -> Option<BigInt> {
    match value {
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::BigInt(i) => Some((**i).clone()),
        _ => None,
    }
}

pub fn as_float(value: &Value) -> Option<f64> {
    match value {
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::Int(i) => Some(*i as f64),
        Value::BigInt(i) => i.to_f64(),
        Value::Float(f) => Some(*f),
        _ => None,
    }
}

/// The order of two numbers, a float among them, exact as CPython's `float_richcompare`:
/// `2**53 + 1 > 2.0**53` although the int, made a float, would equal it. None with a NaN.
fn numeric_order(left: &Value, right: &Value) -> Option<std::cmp::Ordering> {
    match (left, right) {
        (Value::Float(a), Value::Float(b)) => a.partial_cmp(b),
        (int, Value::Float(float)) => int_float_order(int, *float),
        (Value::Float(float), int) => int_float_order(int, *float).map(std::cmp::Ordering::reverse),
        _ => as_float(left)?.partial_cmp(&as_float(right)?),
    }
}

fn int_float_order(int: &Value, float: f64) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if float.is_nan() {
        return None;
    }
    if float.is_infinite() {
        return Some(if float > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    match int {
        // Exact as a float up to 2**53.
        Value::Int(i) if i.unsigned_abs() <= 1 << 53 => (*i as f64).partial_cmp(&float),
        Value::Bool(b) => (*b as i64 as f64).partial_cmp(&float),
        _ => {
            let whole = float.floor();
            let order = as_bigint(int)?.cmp(&num_traits::FromPrimitive::from_f64(whole)?);
            // Equal to the float's whole part, the int is below a float with a fraction.
            Some(if order == Ordering::Equal && whole != float { Ordering::Less } else { order })
        }
    }
}

pub(crate) fn is_int(value: &Value) -> bool {
    matches!(value, Value::Bool(_) | Value::Int(_) | Value::BigInt(_))
}

/// `repr(float)` as CPython writes it: the shortest digits that round-trip, in positional
/// notation for exponents from -4 to 15 and scientific notation (`1e+16`, `1e-05`) outside.
pub fn float_repr(value: f64) -> String {
    if value.is_nan() {
        return "nan".into();
    }
    if value.is_infinite() {
        return if value > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if value == 0.0 {
        return if value.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    let scientific = shortest_scientific(value);
    let (mantissa, exponent) = scientific.split_once('e').expect("`{:e}` always has an exponent");
    let exponent: i32 = exponent.parse().expect("`{:e}` exponents are integers");
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let sign = if negative { "-" } else { "" };
    if (-4..16).contains(&exponent) {
        let point = exponent + 1;
        let text = if point <= 0 {
            format!("0.{}{}", "0".repeat((-point) as usize), digits)
        } else if point as usize >= digits.len() {
            format!("{}{}.0", digits, "0".repeat(point as usize - digits.len()))
        } else {
            format!("{}.{}", &digits[..point as usize], &digits[point as usize..])
        };
        format!("{sign}{text}")
    } else {
        let fraction = if digits.len() > 1 { format!(".{}", &digits[1..]) } else { String::new() };
        let exponent_sign = if exponent < 0 { '-' } else { '+' };
        format!("{sign}{}{fraction}e{exponent_sign}{:02}", &digits[..1], exponent.abs())
    }
}

/// The shortest digits that round-trip, as `1.2345e-7`, and where two of that length do, the
/// one nearest the value (ties to even), as CPython's `repr` (`_Py_dg_dtoa` mode 0) picks:
/// Rust's `{:e}` may pick the other (`1e15 + 0.25`: ...0.3 where CPython prints ...0.2).
fn shortest_scientific(value: f64) -> String {
    let shortest = format!("{value:e}");
    let digits =
        shortest.split('e').next().unwrap_or("").bytes().filter(u8::is_ascii_digit).count();
    // `{:.Ne}` rounds the exact value correctly, half to even.
    let nearest = format!("{value:.*e}", digits.saturating_sub(1));
    match nearest.parse::<f64>() {
        Ok(back) if back == value => nearest,
        _ => shortest,
    }
}

/// `repr(str)`: single quotes unless the text has a single quote and no double quote.
pub fn str_repr(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if crate::methods::is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// `repr()` of built-in values that need no Python code. Containers recurse through
/// `item_repr`, which the VM supplies so that instances inside can use `__repr__`.
pub fn builtin_repr(value: &Value, item_repr: &mut dyn FnMut(&Value) -> String) -> Option<String> {
    Some(match value {
        Value::None => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Int(i) => i.to_string(),
        Value::BigInt(i) => i.to_string(),
        Value::Float(f) => float_repr(*f),
        Value::Str(s) => str_repr(s),
        Value::Bytes(b) => crate::bytes::repr(b),
        Value::Tuple(items) => {
            if items.len() == 1 {
                format!("({},)", item_repr(&items[0]))
            } else {
                format!(
                    "({})",
                    items.iter().map(|item| item_repr(item)).collect::<Vec<_>>().join(", ")
                )
            }
        }
        Value::List(list) => {
            let items = lock(&list.items).clone();
            format!("[{}]", items.iter().map(|item| item_repr(item)).collect::<Vec<_>>().join(", "))
        }
        Value::Dict(dict) => {
            let entries: Vec<(Key, Value)> =
                lock(&dict.entries).iter().map(|(k, v)| (k.clone(), v.clone())).collect();
            let parts: Vec<String> = entries
                .iter()
                .map(|(k, v)| format!("{}: {}", item_repr(&k.0), item_repr(v)))
                .collect();
            format!("{{{}}}", parts.join(", "))
        }
        Value::Slice(slice) => format!(
            "slice({}, {}, {})",
            item_repr(&slice.start),
            item_repr(&slice.stop),
            item_repr(&slice.step)
        ),
        Value::Set(set) => {
            let keys = set.keys();
            let items = keys.iter().map(item_repr).collect::<Vec<_>>().join(", ");
            match (set.frozen, keys.is_empty()) {
                (false, true) => "set()".into(),
                (false, false) => format!("{{{items}}}"),
                (true, true) => "frozenset()".into(),
                (true, false) => format!("frozenset({{{items}}})"),
            }
        }
        Value::Range(range) => {
            if range.step == 1 {
                format!("range({}, {})", range.start, range.stop)
            } else {
                format!("range({}, {}, {})", range.start, range.stop, range.step)
            }
        }
        Value::Function(function) => match function.attribute("__qualname__") {
            Some(Value::Str(name)) => format!("<function {name} at 0x{:012x}>", value.address()),
            _ => format!("<function {} at 0x{:012x}>", function.qualname, value.address()),
        },
        Value::Generator(generator) => format!(
            "<{} object {} at 0x{:012x}>",
            type_name(value),
            generator.qualname,
            value.address()
        ),
        Value::Builtin(builtin) => format!("<built-in function {}>", builtin.name),
        Value::Class(class) => format!("<class '{}'>", class.qualified_name()),
        Value::Module(module) => format!("<module '{}'>", module.name),
        _ => return None,
    })
}

/// Equality of built-in values; `None` when either side needs Python code (`__eq__`).
pub fn builtin_eq(left: &Value, right: &Value) -> Option<bool> {
    Some(match (left, right) {
        (Value::None, Value::None) => true,
        (Value::Str(a), Value::Str(b)) => a == b,
        (Value::Bytes(a), Value::Bytes(b)) => a == b,
        (Value::Int(a), Value::Int(b)) => a == b,
        (a, b) if is_int(a) && is_int(b) => as_bigint(a) == as_bigint(b),
        // An instance (a float subclass too) or a native object may have its own `__eq__`.
        (a, b) if extends_with_builtin_eq(a) || extends_with_builtin_eq(b) => {
            return builtin_eq(a.builtin_base(), b.builtin_base())
        }
        (Value::Instance(_) | Value::Native(_), _) | (_, Value::Instance(_) | Value::Native(_)) => {
            return None
        }
        (Value::Float(_), _) | (_, Value::Float(_)) => {
            numeric_order(left, right).is_some_and(|order| order == std::cmp::Ordering::Equal)
        }
        (Value::Tuple(a), Value::Tuple(b)) => return items_eq(a, b),
        // The same list or dict: equal, and never locked twice.
        (Value::List(a), Value::List(b)) if Arc::ptr_eq(a, b) => true,
        (Value::Dict(a), Value::Dict(b)) if Arc::ptr_eq(a, b) => true,
        (Value::List(a), Value::List(b)) => {
            let a = lock(&a.items).clone();
            let b = lock(&b.items).clone();
            return items_eq(&a, &b);
        }
        (Value::Dict(a), Value::Dict(b)) => {
            let a = lock(&a.entries).clone();
            let b = lock(&b.entries).clone();
            if a.len() != b.len() {
                return Some(false);
            }
            return nested(|| {
                for (key, v) in a.iter() {
                    if crate::keys::needs_python(&key.0) {
                        return None;
                    }
                    let Some(w) = b.get(key) else { return Some(false) };
                    if !v.is(w) && !builtin_eq(v, w)? {
                        return Some(false);
                    }
                }
                Some(true)
            });
        }
        // Ranges are equal when they hold the same numbers.
        (Value::Range(a), Value::Range(b)) => {
            let len = a.len();
            len == b.len() && (len == 0 || a.start == b.start && (len == 1 || a.step == b.step))
        }
        (Value::Set(a), Value::Set(b)) => {
            if a.needs_python() || b.needs_python() {
                return None;
            }
            a.equals(b)
        }
        (a, b) => a.is(b),
    })
}

/// Ordering of built-in values (`<` and friends); `Err` for unorderable pairs.
pub fn builtin_compare(op: CompareOp, left: &Value, right: &Value) -> Result<bool, OpError> {
    use std::cmp::Ordering;
    if matches!(op, CompareOp::Eq | CompareOp::Ne) {
        let equal = builtin_eq(left, right).unwrap_or_else(|| left.is(right));
        return Ok(equal == (op == CompareOp::Eq));
    }
    let ordering: Option<Ordering> = match (left, right) {
        (Value::Int(a), Value::Int(b)) => Some(a.cmp(b)),
        (a, b) if is_int(a) && is_int(b) => as_bigint(a).partial_cmp(&as_bigint(b)),
        (a, b) if as_float(a).is_some() && as_float(b).is_some() => {
            match numeric_order(a, b) {
                Some(ordering) => Some(ordering),
                None => return Ok(false), // NaN compares false
            }
        }
        (Value::Str(a), Value::Str(b)) => Some(a.cmp(b)),
        (Value::Bytes(a), Value::Bytes(b)) => Some(a.cmp(b)),
        (Value::Tuple(a), Value::Tuple(b)) => sequence_order(a, b)?,
        (Value::List(a), Value::List(b)) => {
            let a = lock(&a.items).clone();
            let b = lock(&b.items).clone();
            sequence_order(&a, &b)?
        }
        // Sets are ordered by inclusion, which is no total order: `{1} < {2}` and `{2} < {1}`
        // are both false.
        (Value::Set(a), Value::Set(b)) => {
            return Ok(match op {
                CompareOp::Lt => a.len() < b.len() && a.is_subset_of(b),
                CompareOp::Le => a.is_subset_of(b),
                CompareOp::Gt => a.len() > b.len() && b.is_subset_of(a),
                CompareOp::Ge => b.is_subset_of(a),
                CompareOp::Eq | CompareOp::Ne => unreachable!("handled above"),
            })
        }
        _ => None,
    };
    let Some(ordering) = ordering else {
        return Err(error(
            "TypeError",
            format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                type_name(left),
                type_name(right)
            ),
        ));
    };
    Ok(match op {
        CompareOp::Lt => ordering == Ordering::Less,
        CompareOp::Le => ordering != Ordering::Greater,
        CompareOp::Gt => ordering == Ordering::Greater,
        CompareOp::Ge => ordering != Ordering::Less,
        CompareOp::Eq | CompareOp::Ne => unreachable!("handled above"),
    })
}

/// How deep the Rust-only comparisons and hashes of nested containers go. Past it a
/// comparison leaves the rest to the VM's, which raises RecursionError when the stack runs
/// short (a list that holds itself), and a hash is a RecursionError. As deep as a hashable key
/// can be, so that dicts and sets, which compare keys here, find every key they hold; shallow
/// enough for a web worker's 1 MB stack.
const MAX_NESTING: u32 = 1000;

thread_local! {
    static NESTING: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

fn too_deep_to_hash() -> OpError {
    error("RecursionError", "maximum recursion depth exceeded while hashing a tuple")
}

/// Runs `inner` one container deeper, or answers `None` past [`MAX_NESTING`].
fn nested<T>(inner: impl FnOnce() -> Option<T>) -> Option<T> {
    let depth = NESTING.with(|nesting| nesting.get());
    if depth >= MAX_NESTING {
        return None;
    }
    NESTING.with(|nesting| nesting.set(depth + 1));
    let result = inner();
    NESTING.with(|nesting| nesting.set(depth));
    result
}

/// Whether two runs of items are equal, item by item as CPython compares them (identity,
/// then `==`); `None` from the first pair that needs Python code (`__eq__`) on, which the VM
/// then compares in order.
fn items_eq(a: &[Value], b: &[Value]) -> Option<bool> {
    if a.len() != b.len() {
        return Some(false);
    }
    nested(|| {
        for (x, y) in a.iter().zip(b) {
            if !x.is(y) && !builtin_eq(x, y)? {
                return Some(false);
            }
        }
        Some(true)
    })
}

fn sequence_order(a: &[Value], b: &[Value]) -> Result<Option<std::cmp::Ordering>, OpError> {
    // Too deep for Rust alone: the VM compares the sequences, and guards its stack.
    nested(|| Some(sequence_order_here(a, b)))
        .unwrap_or_else(|| Err(error("TypeError", "items compare in Python")))
}

fn sequence_order_here(a: &[Value], b: &[Value]) -> Result<Option<std::cmp::Ordering>, OpError> {
    for (x, y) in a.iter().zip(b.iter()) {
        match builtin_eq(x, y) {
            Some(true) => continue,
            Some(false) => {}
            // Items that compare in Python: the VM compares the sequences.
            None if !x.is(y) => return Err(error("TypeError", "items compare in Python")),
            None => continue,
        }
        let less = builtin_compare(CompareOp::Lt, x, y)?;
        return Ok(Some(if less { std::cmp::Ordering::Less } else { std::cmp::Ordering::Greater }));
    }
    Ok(Some(a.len().cmp(&b.len())))
}

/// `a op b` on small ints, or `None` when the result is not a small int (it overflows, or
/// is a float) or the operation raises (division by zero): the general path handles those.
#[inline(always)]
pub fn small_int_binary(op: BinaryOp, a: i64, b: i64) -> Option<i64> {
    match op {
        BinaryOp::Add => a.checked_add(b),
        BinaryOp::Sub => a.checked_sub(b),
        BinaryOp::Mul => a.checked_mul(b),
        BinaryOp::FloorDiv if b != 0 && !(a == i64::MIN && b == -1) => {
            Some(Integer::div_floor(&a, &b))
        }
        BinaryOp::Mod if b != 0 && !(a == i64::MIN && b == -1) => Some(Integer::mod_floor(&a, &b)),
        BinaryOp::And => Some(a & b),
        BinaryOp::Or => Some(a | b),
        BinaryOp::Xor => Some(a ^ b),
        _ => None,
    }
}

/// Arithmetic on built-in numbers, strings and sequences; `Ok(None)` when neither side
/// supports it (the VM then tries special methods, then raises TypeError).
pub fn builtin_binary(op: BinaryOp, left: &Value, right: &Value) -> Result<Option<Value>, OpError> {
    // The fast path: two small ints.
    if let (Value::Int(a), Value::Int(b)) = (left, right) {
        if let Some(result) = small_int_binary(op, *a, *b) {
            return Ok(Some(Value::Int(result)));
        }
    }
    if is_int(left) && is_int(right) {
        let (a, b) = (as_bigint(left).unwrap(), as_bigint(right).unwrap());
        return int_binary(op, a, b).map(Some);
    }
    if let (Some(a), Some(b)) = (as_float(left), as_float(right)) {
        if (matches!(left, Value::BigInt(_)) && a.is_infinite())
            || (matches!(right, Value::BigInt(_)) && b.is_infinite())
        {
            return Err(error("OverflowError", "int too large to convert to float"));
        }
        if matches!(left, Value::Float(_))
            || matches!(right, Value::Float(_))
            || op == BinaryOp::TrueDiv
        {
            return float_binary(op, a, b);
        }
    }
    match (op, left, right) {
        (BinaryOp::Add, Value::Str(a), Value::Str(b)) => {
            let mut text = String::with_capacity(a.len() + b.len());
            text.push_str(a);
            text.push_str(b);
            Ok(Some(Value::str(&text)))
        }
        (BinaryOp::Add, Value::Bytes(a), Value::Bytes(b)) => {
            Ok(Some(crate::bytes::value([&a[..], &b[..]].concat())))
        }
        // CPython's own words (bytes concatenate through `sq_concat`), for the built-in types;
        // an instance may still answer with `__radd__`.
        (BinaryOp::Add, Value::Bytes(_), other)
            if !matches!(other, Value::Instance(_) | Value::Native(_)) =>
        {
            Err(error("TypeError", format!("can't concat {} to bytes", type_name(other))))
        }
        (BinaryOp::Mul, Value::Bytes(b), n) | (BinaryOp::Mul, n, Value::Bytes(b)) if is_int(n) => {
            check_allocation(repeat_count(n) as u128, b.len() as u128)?;
            Ok(Some(Value::Bytes(b.repeat(repeat_count(n)).into())))
        }
        (BinaryOp::Mul, Value::Str(s), n) | (BinaryOp::Mul, n, Value::Str(s)) if is_int(n) => {
            check_allocation(repeat_count(n) as u128, s.len() as u128)?;
            Ok(Some(Value::str(&s.repeat(repeat_count(n)))))
        }
        (BinaryOp::Add, Value::List(a), Value::List(b)) => {
            let mut items = lock(&a.items).clone();
            items.extend(lock(&b.items).iter().cloned());
            Ok(Some(crate::value::List::new(items)))
        }
        (BinaryOp::Add, Value::Tuple(a), Value::Tuple(b)) => {
            Ok(Some(Value::tuple(a.iter().chain(b.iter()).cloned().collect())))
        }
        (BinaryOp::Mul, Value::List(list), n) | (BinaryOp::Mul, n, Value::List(list))
            if is_int(n) =>
        {
            let items = lock(&list.items).clone();
            Ok(Some(crate::value::List::new(repeat_items(&items, repeat_count(n))?)))
        }
        (BinaryOp::Mul, Value::Tuple(items), n) | (BinaryOp::Mul, n, Value::Tuple(items))
            if is_int(n) =>
        {
            Ok(Some(Value::tuple(repeat_items(items, repeat_count(n))?)))
        }
        (BinaryOp::Mod, Value::Str(format), args) => {
            crate::format::percent_format(format, args).map(Some)
        }
        _ => Ok(None),
    }
}

fn repeat_count(n: &Value) -> usize {
    // Counts beyond any memory become usize::MAX, which the allocation check refuses.
    match as_bigint(n) {
        Some(n) if n.is_negative() => 0,
        Some(n) => n.to_usize().unwrap_or(usize::MAX),
        None => 0,
    }
}

fn repeat_items(items: &[Value], count: usize) -> Result<Vec<Value>, OpError> {
    check_allocation(items.len() as u128 * count as u128, std::mem::size_of::<Value>() as u128)?;
    let mut out = Vec::with_capacity(items.len() * count);
    for _ in 0..count {
        out.extend(items.iter().cloned());
    }
    Ok(out)
}

fn int_binary(op: BinaryOp, a: BigInt, b: BigInt) -> OpResult {
    let zero_division = |what: &str| error("ZeroDivisionError", what.to_string());
    Ok(match op {
        BinaryOp::Add => normalize(a + b),
        BinaryOp::Sub => normalize(a - b),
        BinaryOp::Mul => normalize(a * b),
        BinaryOp::FloorDiv => {
            if b.is_zero() {
                return Err(zero_division("integer division or modulo by zero"));
            }
            normalize(a.div_floor(&b))
        }
        BinaryOp::Mod => {
            if b.is_zero() {
                return Err(zero_division("integer modulo by zero"));
            }
            normalize(a.mod_floor(&b))
        }
        BinaryOp::TrueDiv => {
            if b.is_zero() {
                return Err(zero_division("division by zero"));
            }
            Value::Float(int_true_divide(&a, &b)?)
        }
        BinaryOp::Pow => {
            if b.is_negative() {
                let (a, b) = (a.to_f64().unwrap_or(f64::NAN), b.to_f64().unwrap_or(f64::NAN));
                if a == 0.0 {
                    return Err(zero_division("0.0 cannot be raised to a negative power"));
                }
                Value::Float(a.powf(b))
            } else {
                let exponent = b.to_u32().ok_or_else(|| error("MemoryError", ""))?;
                // The result has about bits(a) * exponent bits.
                check_allocation(a.bits() as u128 * exponent as u128 / 8, 1)?;
                normalize(num_traits::pow(a, exponent as usize))
            }
        }
        BinaryOp::LShift => {
            if b.is_negative() {
                return Err(error("ValueError", "negative shift count"));
            }
            let shift =
                b.to_usize().ok_or_else(|| error("OverflowError", "too many digits in integer"))?;
            check_allocation((a.bits() as u128 + shift as u128) / 8, 1)?;
            normalize(a << shift)
        }
        BinaryOp::RShift => {
            if b.is_negative() {
                return Err(error("ValueError", "negative shift count"));
            }
            let shift = b.to_usize().unwrap_or(usize::MAX);
            normalize(a >> shift.min(u32::MAX as usize))
        }
        BinaryOp::And => normalize(a & b),
        BinaryOp::Or => normalize(a | b),
        BinaryOp::Xor => normalize(a ^ b),
    })
}

fn float_binary(op: BinaryOp, a: f64, b: f64) -> Result<Option<Value>, OpError> {
    let zero = |message: &str| Err(error("ZeroDivisionError", message.to_string()));
    Ok(Some(Value::Float(match op {
        BinaryOp::Add => a + b,
        BinaryOp::Sub => a - b,
        BinaryOp::Mul => a * b,
        BinaryOp::TrueDiv => {
            if b == 0.0 {
                return zero("float division by zero");
            }
            a / b
        }
        BinaryOp::FloorDiv => {
            if b == 0.0 {
                return zero("float floor division by zero");
            }
            (a / b).floor()
        }
        BinaryOp::Mod => {
            if b == 0.0 {
                return zero("float modulo");
            }
            let m = a % b;
            if m != 0.0 && ((m < 0.0) != (b < 0.0)) {
                m + b
            } else {
                m
            }
        }
        BinaryOp::Pow => {
            if a == 0.0 && b < 0.0 {
                return zero("0.0 cannot be raised to a negative power");
            }
            if a < 0.0 && b.is_finite() && b.fract() != 0.0 {
                // CPython gives a complex number, which gilpy does not have.
                return Err(error(
                    "NotImplementedError",
                    "complex numbers are not supported by gilpy: a negative number to a \
                     fractional power is complex",
                ));
            }
            let power = a.powf(b);
            if power.is_infinite() && a.is_finite() && b.is_finite() {
                return Err(error("OverflowError", "(34, 'Numerical result out of range')"));
            }
            power
        }
        _ => return Ok(None),
    })))
}

/// `-x`, `+x`, `~x` on numbers.
pub fn unary_number(op: char, value: &Value) -> Option<Value> {
    Some(match (op, value) {
        ('-', Value::Int(i)) => {
            i.checked_neg().map(Value::Int).unwrap_or_else(|| normalize(-big(*i)))
        }
        ('-', Value::BigInt(i)) => normalize(-(**i).clone()),
        ('-', Value::Float(f)) => Value::Float(-f),
        ('-', Value::Bool(b)) => Value::Int(-(*b as i64)),
        ('+', Value::Int(_) | Value::BigInt(_) | Value::Float(_)) => value.clone(),
        ('+', Value::Bool(b)) => Value::Int(*b as i64),
        ('~', Value::Int(i)) => Value::Int(!i),
        ('~', Value::BigInt(i)) => normalize(-(**i).clone() - 1),
        ('~', Value::Bool(b)) => Value::Int(!(*b as i64)),
        _ => return None,
    })
}

/// An instance of a subclass of a built-in type that keeps the type's equality and hash
/// (a namedtuple compares and hashes as its tuple).
fn extends_with_builtin_eq(value: &Value) -> bool {
    match value {
        Value::Instance(instance) => {
            instance.base.is_some()
                && instance.class.lookup("__eq__").is_none()
                && instance.class.lookup("__hash__").is_none()
        }
        _ => false,
    }
}

/// 2**63: the floats in `-I64_BOUND..I64_BOUND` are those an `i64` holds.
const I64_BOUND: f64 = 9_223_372_036_854_775_808.0;

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        builtin_eq(&self.0, &other.0).unwrap_or_else(|| self.0.is(&other.0))
    }
}

impl Eq for Key {}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // Equal numbers hash alike whatever their type (1, 1.0, True), as in Python.
        match &self.0 {
            Value::Bool(b) => (*b as i64).hash(state),
            Value::Int(i) => i.hash(state),
            // An int past 64 bits and the integral float it may equal (1e19 and 10**19)
            // hash by Python's hash; smaller integral floats as the `Int` they equal.
            Value::BigInt(_) => py_hash(&self.0).ok().hash(state),
            Value::Float(f) if f.fract() == 0.0 && (-I64_BOUND..I64_BOUND).contains(f) => {
                (*f as i64).hash(state)
            }
            Value::Float(f) if f.fract() == 0.0 => py_hash(&self.0).ok().hash(state),
            Value::Float(f) => f.to_bits().hash(state),
            Value::Str(s) => s.hash(state),
            Value::Bytes(b) => b.hash(state),
            Value::None => 0u8.hash(state),
            Value::Tuple(items) => {
                for item in items.iter() {
                    Key(item.clone()).hash(state);
                }
            }
            // Equal sets and frozensets hold equal keys, whatever their order.
            Value::Set(set) => set.hash().hash(state),
            other if extends_with_builtin_eq(other) => {
                Key(other.builtin_base().clone()).hash(state)
            }
            // Its `__hash__`, once a dict has asked for it (`keys.rs`).
            Value::Instance(instance) if instance.hash.get().is_some() => {
                instance.hash.get().expect("checked").hash(state)
            }
            other => other.address().hash(state),
        }
    }
}

/// `a / b` for ints, correctly rounded as CPython's: small operands convert exactly; large ones
/// are divided as integers with the quotient scaled to 55 bits and a sticky bit for the rest,
/// so that the one conversion to a float rounds as the exact quotient would.
fn int_true_divide(a: &BigInt, b: &BigInt) -> Result<f64, OpError> {
    const EXACT: u64 = 1 << 53;
    if a.magnitude().bits() <= 53 && b.magnitude().bits() <= 53 {
        let (x, y) = (a.to_f64().unwrap_or(0.0), b.to_f64().unwrap_or(1.0));
        if x.abs() <= EXACT as f64 && y.abs() <= EXACT as f64 {
            return Ok(x / y);
        }
    }
    let negative = a.is_negative() != b.is_negative();
    let (n, d) = (a.magnitude().clone(), b.magnitude().clone());
    let shift = 55 - (n.bits() as i64 - d.bits() as i64);
    let (n, d) = if shift >= 0 { (n << shift as usize, d) } else { (n, d << (-shift) as usize) };
    let (quotient, remainder) = num_integer::Integer::div_rem(&n, &d);
    let mut quotient = quotient.to_u64().expect("55 or 56 bits");
    if !remainder.is_zero() {
        quotient |= 1;
    }
    let result = ldexp(quotient as f64, -shift);
    if result.is_infinite() {
        return Err(error("OverflowError", "integer division result too large for a float"));
    }
    Ok(if negative { -result } else { result })
}

/// `x * 2**exponent`, in steps that cannot overflow the scale factor.
fn ldexp(mut x: f64, mut exponent: i64) -> f64 {
    while exponent > 1000 {
        x *= 2f64.powi(1000);
        exponent -= 1000;
    }
    while exponent < -1000 {
        x *= 2f64.powi(-1000);
        exponent += 1000;
    }
    x * 2f64.powi(exponent as i32)
}

/// CPython's hash of a number (`hash(n)`); `None` for anything else.
pub fn numeric_hash(value: &Value) -> Option<i64> {
    match value {
        Value::Bool(_) | Value::Int(_) | Value::BigInt(_) | Value::Float(_) => py_hash(value).ok(),
        _ => None,
    }
}

/// Whether `value` can be a dict key or set element, and the TypeError if not.
pub fn check_hashable(value: &Value) -> Result<(), OpError> {
    match value {
        Value::List(_) | Value::Dict(_) => Err(unhashable(value)),
        Value::Set(set) if !set.frozen => Err(unhashable(value)),
        Value::Tuple(items) => nested(|| Some(items.iter().try_for_each(check_hashable)))
            .unwrap_or_else(|| Err(too_deep_to_hash())),
        // `__hash__ = None` (set for classes that define __eq__ alone), or a mutable base.
        Value::Instance(instance) => match instance.class.lookup("__hash__") {
            Some(Value::None) => Err(unhashable(value)),
            Some(_) => Ok(()),
            None => match &instance.base {
                Some(base) => check_hashable(base).map_err(|_| unhashable(value)),
                None => Ok(()),
            },
        },
        _ => Ok(()),
    }
}

fn unhashable(value: &Value) -> OpError {
    error("TypeError", format!("unhashable type: '{}'", type_name(value)))
}

/// `2**61 - 1`, the prime CPython reduces numbers' hashes modulo (`_PyHASH_MODULUS`).
const HASH_MODULUS: u64 = (1 << 61) - 1;
const HASH_BITS: u32 = 61;

/// `hash(value)` as CPython 3.9 to 3.13 computes it on 64-bit machines, wherever the value
/// decides a set's order: ints and bools (modulo `2**61 - 1`, keeping the sign), floats (equal to
/// the int they equal), tuples (the xxHash-based algorithm of 3.8+), frozensets, None (3.12's
/// constant). CPython randomises str hashes, so any deterministic hash does for them; other
/// objects hash by identity. -1 is never a hash (it means an error in C).
pub fn py_hash(value: &Value) -> Result<i64, OpError> {
    let hash = match value {
        Value::None => 0xFCA8_6420,
        Value::Bool(b) => *b as i64,
        Value::Int(i) => {
            let magnitude = (i.unsigned_abs() % HASH_MODULUS) as i64;
            if *i < 0 {
                -magnitude
            } else {
                magnitude
            }
        }
        Value::BigInt(i) => {
            let magnitude = (i.magnitude() % HASH_MODULUS).to_i64().expect("below the modulus");
            if i.is_negative() {
                -magnitude
            } else {
                magnitude
            }
        }
        Value::Float(f) => float_hash(*f),
        Value::Str(text) => {
            let mut hasher = rustc_hash::FxHasher::default();
            text.hash(&mut hasher);
            hasher.finish() as i64
        }
        Value::Bytes(bytes) => {
            let mut hasher = rustc_hash::FxHasher::default();
            bytes.hash(&mut hasher);
            hasher.finish() as i64
        }
        Value::Tuple(items) => {
            nested(|| Some(tuple_hash(items))).ok_or_else(too_deep_to_hash)??
        }
        Value::Set(set) if set.frozen => set.hash(),
        Value::List(_) | Value::Dict(_) | Value::Set(_) => return Err(unhashable(value)),
        // `range_hash`: the tuple (len, start, step), with None for what the length hides.
        Value::Range(range) => {
            let len = range.len();
            let start = if len == 0 { Value::None } else { int_value(range.start) };
            let step = if len <= 1 { Value::None } else { int_value(range.step) };
            tuple_hash(&[int_value(len), start, step])?
        }
        // Its `__hash__`, once kept (`keys::prime_hashes`).
        Value::Instance(instance) if instance.hash.get().is_some() => {
            *instance.hash.get().expect("checked")
        }
        // An int or str subclass that keeps its base's `__eq__` and `__hash__` hashes as its
        // value, which it equals (`class I(int)`, an IntEnum member).
        Value::Instance(instance) if extends_with_builtin_eq(value) => {
            return py_hash(instance.base.as_ref().expect("checked"));
        }
        // `__hash__ = None`: a class with `__eq__` alone.
        Value::Instance(instance)
            if matches!(instance.class.lookup("__hash__"), Some(Value::None)) =>
        {
            return Err(unhashable(value))
        }
        // `_Py_HashPointer`: the address rotated by 4 bits.
        other => (other.address() as u64).rotate_right(4) as i64,
    };
    Ok(if hash == -1 { -2 } else { hash })
}

/// `_Py_HashDouble`: the float's exact value modulo `2**61 - 1`, so that an integral float
/// hashes as the int it equals. NaN hashes to 0, as in 3.9 (3.10+ hash it by identity).
fn float_hash(value: f64) -> i64 {
    if value.is_infinite() {
        return if value > 0.0 { 314_159 } else { -314_159 };
    }
    if value.is_nan() {
        return 0;
    }
    let (mut mantissa, mut exponent) = frexp(value.abs());
    // 28 bits of the mantissa at a time, rotating what is there by 28 bits mod 2**61 - 1.
    let mut x: u64 = 0;
    while mantissa != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (HASH_BITS - 28));
        mantissa *= 268_435_456.0; // 2**28
        exponent -= 28;
        let digits = mantissa as u64;
        mantissa -= digits as f64;
        x += digits;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let bits = HASH_BITS as i32;
    let exponent =
        if exponent >= 0 { exponent % bits } else { bits - 1 - ((-1 - exponent) % bits) } as u32;
    x = ((x << exponent) & HASH_MODULUS) | (x >> (HASH_BITS - exponent));
    if value < 0.0 {
        (x as i64).wrapping_neg()
    } else {
        x as i64
    }
}

/// C's `frexp` for finite non-zero `value`: a mantissa in [0.5, 1) and a power of two.
fn frexp(value: f64) -> (f64, i32) {
    if value == 0.0 {
        return (value, 0);
    }
    let bits = value.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    if biased == 0 {
        // Subnormal: scale into the normal range first.
        let (mantissa, exponent) = frexp(value * 2f64.powi(64));
        return (mantissa, exponent - 64);
    }
    let mantissa = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (mantissa, biased - 1022)
}

/// `tuplehash` (3.8+): xxHash's round over the items' hashes.
fn tuple_hash(items: &[Value]) -> Result<i64, OpError> {
    const PRIME_1: u64 = 11_400_714_785_074_694_791;
    const PRIME_2: u64 = 14_029_467_366_897_019_727;
    const PRIME_5: u64 = 2_870_177_450_012_600_261;
    let mut acc = PRIME_5;
    for item in items {
        let lane = py_hash(item)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(PRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(PRIME_1);
    }
    acc = acc.wrapping_add(items.len() as u64 ^ (PRIME_5 ^ 3_527_539));
    Ok(if acc == u64::MAX { 1_546_275_796 } else { acc as i64 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_division_rounds_once() {
        let big = |text: &str| text.parse::<BigInt>().unwrap();
        let cases = [
            ("1", "3", 1.0 / 3.0),
            ("10000000000000000000000", "3", 3.3333333333333335e21),
            (
                "123456789012345678901234567890",
                "987654321098765432109876543210",
                0.1249999988609375,
            ),
            ("9007199254740993", "1", 9007199254740992.0),
            ("9007199254740995", "1", 9007199254740996.0),
            ("-7", "100000000000000000000000000000", -7e-29),
        ];
        for (a, b, expected) in cases {
            assert_eq!(int_true_divide(&big(a), &big(b)).unwrap(), expected, "{a} / {b}");
        }
    }

    #[test]
    fn numbers_hash_as_in_cpython() {
        let cases: [(Value, i64); 11] = [
            (Value::Float(1.5), 1152921504606846977),
            (Value::Float(-1.5), -1152921504606846977),
            (Value::Float(0.1), 230584300921369408),
            (Value::Float(1e300), 1224995262755759164),
            (Value::Float(5e-324), 16777216),
            (Value::Float(2f64.powi(61)), 1),
            (Value::Float(123456789.123), 283618680910892309),
            (Value::Float(-1.0), -2),
            (Value::Int((1 << 61) - 1), 0),
            (Value::Int(-(1 << 61)), -2),
            (normalize(BigInt::from(10).pow(30)), 465258685558744706),
        ];
        for (value, hash) in cases {
            assert_eq!(numeric_hash(&value), Some(hash), "{value:?}");
        }
    }

    #[test]
    fn floats_print_as_cpython_prints_them() {
        let cases = [
            (0.1, "0.1"),
            (1.0, "1.0"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (-2.5, "-2.5"),
            (1.5e300, "1.5e+300"),
            (0.1 + 0.2, "0.30000000000000004"),
            (123456789.125, "123456789.125"),
            (f64::INFINITY, "inf"),
            (-0.0, "-0.0"),
        ];
        for (value, expected) in cases {
            assert_eq!(float_repr(value), expected, "{value:e}");
        }
    }

    #[test]
    fn strings_repr_with_the_right_quotes() {
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a'b\"c"), "'a\\'b\"c'");
        assert_eq!(str_repr("tab\there\n"), "'tab\\there\\n'");
    }

    #[test]
    fn integer_arithmetic_floors_and_grows() {
        let binary = |op, a: i64, b: i64| {
            builtin_binary(op, &Value::Int(a), &Value::Int(b)).unwrap().unwrap()
        };
        assert!(matches!(binary(BinaryOp::FloorDiv, -7, 2), Value::Int(-4)));
        assert!(matches!(binary(BinaryOp::Mod, -7, 2), Value::Int(1)));
        let Value::BigInt(product) = binary(BinaryOp::Mul, i64::MAX, 4) else {
            panic!("no overflow to big")
        };
        assert_eq!(product.to_string(), "36893488147419103228");
        let error = builtin_binary(BinaryOp::FloorDiv, &Value::Int(1), &Value::Int(0)).unwrap_err();
        assert_eq!(error.message, "integer division or modulo by zero");
    }
}
