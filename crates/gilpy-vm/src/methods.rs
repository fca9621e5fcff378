//! Methods of the built-in types (`str.split`, `list.append`, `dict.get`...). Each takes the
//! receiver as its first argument.

use crate::text::Text;
use std::sync::{Arc, LazyLock};

use crate::builtins::{collect, sort_values};
use crate::code::BinaryOp;
use crate::ops::{py_hash, type_name};
use crate::set::{Other, Set};
use crate::value::{lock, Builtin, BuiltinFn, Dict, Key, List, Value};
use crate::vm::{CallResult, Thread};

type Args = Vec<Value>;
type Kwargs = Vec<(Text, Value)>;

/// The method `name` of the built-in type `type_name`, special methods included, unbound.
pub fn type_method(type_name: &str, name: &str) -> Option<(&'static str, BuiltinFn)> {
    let table: &[(&'static str, BuiltinFn)] = match type_name {
        "str" => &STR_METHODS,
        "bytes" => &crate::bytes::METHODS,
        "list" => &LIST_METHODS,
        "dict" => &DICT_METHODS,
        "set" => &SET_METHODS,
        "frozenset" => &FROZENSET_METHODS,
        "tuple" => &TUPLE_METHODS,
        "range" => &RANGE_METHODS,
        "slice" => &SLICE_METHODS,
        "int" | "bool" => &INT_METHODS,
        "float" => &FLOAT_METHODS,
        _ => &[],
    };
    table.iter().find(|(n, _)| *n == name).copied().or_else(|| type_dunder(type_name, name))
}

/// The built-in method `name` of `receiver`'s type, if it has one.
pub fn lookup(receiver: &Value, name: &str) -> Option<(&'static str, BuiltinFn)> {
    methods_of(receiver)?
        .iter()
        .find(|(n, _)| *n == name)
        .copied()
        .or_else(|| type_dunder(&type_name(receiver), name))
}

/// [`lookup`] as a value to call, for `load_method`: the methods of the containers programs
/// call in loops (`append`, `get`, `split`...) and of native types (a lock's `acquire`) are
/// each one value made once, so a method call allocates none. A native type answers only
/// from its own table.
pub fn lookup_value(receiver: &Value, name: &str) -> Option<Value> {
    if let Value::Native(native) = receiver {
        return native_method_value(native.kind.methods, name);
    }
    macro_rules! values {
        ($table:expr) => {{
            static VALUES: LazyLock<Vec<Value>> = LazyLock::new(|| {
                $table
                    .iter()
                    .map(|&(name, function)| Value::Builtin(Arc::new(Builtin { name, function })))
                    .collect()
            });
            (&$table[..], &*VALUES)
        }};
    }
    let (table, values): (&[(&str, BuiltinFn)], &[Value]) = match receiver {
        Value::Str(_) => values!(STR_METHODS),
        Value::List(_) => values!(LIST_METHODS),
        Value::Dict(_) => values!(DICT_METHODS),
        Value::Set(set) if set.frozen => values!(FROZENSET_METHODS),
        Value::Set(_) => values!(SET_METHODS),
        Value::Tuple(_) => values!(TUPLE_METHODS),
        _ => (&[], &[]),
    };
    match table.iter().position(|(n, _)| *n == name) {
        Some(index) => Some(values[index].clone()),
        None => lookup(receiver, name)
            .map(|(name, function)| Value::Builtin(Arc::new(Builtin { name, function }))),
    }
}

/// The method `name` of a native type's table `methods` as a value, made once per thread and
/// table: the tables are many and made at run time, and one map shared by every thread would
/// be locked by every call.
fn native_method_value(methods: &'static [(&'static str, BuiltinFn)], name: &str) -> Option<Value> {
    thread_local! {
        static VALUES: std::cell::RefCell<rustc_hash::FxHashMap<usize, Box<[Value]>>> =
            Default::default();
    }
    let index = methods.iter().position(|(own, _)| *own == name)?;
    VALUES.with_borrow_mut(|values| {
        let made = values.entry(methods.as_ptr() as usize).or_insert_with(|| {
            methods
                .iter()
                .map(|&(name, function)| Value::Builtin(Arc::new(Builtin { name, function })))
                .collect()
        });
        Some(made[index].clone())
    })
}

/// The names of the built-in methods of `receiver`'s type, for `dir()`.
pub fn names(receiver: &Value) -> Vec<&'static str> {
    methods_of(receiver).unwrap_or_default().iter().map(|(name, _)| *name).collect()
}

fn methods_of(receiver: &Value) -> Option<&'static [(&'static str, BuiltinFn)]> {
    Some(match receiver {
        Value::Str(_) => &STR_METHODS,
        Value::Bytes(_) => &crate::bytes::METHODS,
        Value::List(_) => &LIST_METHODS,
        Value::Dict(_) => &DICT_METHODS,
        Value::Set(set) if set.frozen => &FROZENSET_METHODS,
        Value::Set(_) => &SET_METHODS,
        Value::Tuple(_) => &TUPLE_METHODS,
        Value::Range(_) => &RANGE_METHODS,
        Value::Slice(_) => &SLICE_METHODS,
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => &INT_METHODS,
        Value::Float(_) => &FLOAT_METHODS,
        Value::Generator(_) => &GENERATOR_METHODS,
        Value::Iterator(_) => &ITERATOR_METHODS,
        Value::Native(native) => native.kind.methods,
        _ => return None,
    })
}

fn text(receiver: &Value) -> &str {
    match receiver.builtin_base() {
        Value::Str(s) => s,
        _ => unreachable!("a str method's receiver is a str"),
    }
}

fn str_arg<'a>(
    thread: &Thread,
    args: &'a Args,
    index: usize,
    method: &str,
) -> Result<Option<&'a str>, Value> {
    match args.get(index) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s)),
        Some(other) => Err(thread.exception(
            "TypeError",
            format!("{method} arg must be None or str, not {}", type_name(other)),
        )),
    }
}

const STR_METHODS: [(&str, BuiltinFn); 47] = [
    ("encode", crate::bytes::str_encode),
    ("isidentifier", str_isidentifier),
    ("istitle", str_istitle),
    ("isnumeric", str_isnumeric),
    ("isdecimal", str_isdecimal),
    ("isascii", str_isascii),
    ("zfill", str_zfill),
    ("removeprefix", str_removeprefix),
    ("removesuffix", str_removesuffix),
    ("expandtabs", str_expandtabs),
    ("casefold", str_casefold),
    ("isspace", str_isspace),
    ("isalnum", str_isalnum),
    ("islower", str_islower),
    ("isupper", str_isupper),
    ("partition", str_partition),
    ("rpartition", str_rpartition),
    ("rsplit", str_rsplit),
    ("swapcase", str_swapcase),
    ("split", str_split),
    ("join", str_join),
    ("strip", str_strip),
    ("lstrip", str_lstrip),
    ("rstrip", str_rstrip),
    ("replace", str_replace),
    ("upper", str_upper),
    ("lower", str_lower),
    ("startswith", str_startswith),
    ("endswith", str_endswith),
    ("find", str_find),
    ("rfind", str_rfind),
    ("rindex", str_rindex),
    ("count", str_count),
    ("isdigit", str_isdigit),
    ("isprintable", str_isprintable),
    ("maketrans", str_maketrans_bound),
    ("translate", str_translate),
    ("isalpha", str_isalpha),
    ("ljust", str_ljust),
    ("rjust", str_rjust),
    ("center", str_center),
    ("title", str_title),
    ("capitalize", str_capitalize),
    ("format", str_format),
    ("format_map", str_format_map),
    ("index", str_index),
    ("splitlines", str_splitlines),
];

fn str_isidentifier(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let mut chars = text(&args[0]).chars();
    Ok(Value::Bool(
        chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
            && chars.all(|c| c == '_' || c.is_alphanumeric()),
    ))
}

/// Whether the text is not empty and every character passes `test`.
fn all_chars(args: &Args, test: fn(char) -> bool) -> CallResult {
    let source = text(&args[0]);
    Ok(Value::Bool(!source.is_empty() && source.chars().all(test)))
}

fn str_isspace(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    all_chars(&args, char::is_whitespace)
}

fn str_isalnum(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    all_chars(&args, char::is_alphanumeric)
}

/// `islower`/`isupper`: some cased character, and none of the other case.
fn cased(args: &Args, wanted: fn(char) -> bool, other: fn(char) -> bool) -> CallResult {
    let source = text(&args[0]);
    Ok(Value::Bool(source.chars().any(wanted) && !source.chars().any(other)))
}

fn str_islower(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    cased(&args, char::is_lowercase, char::is_uppercase)
}

fn str_isupper(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    cased(&args, char::is_uppercase, char::is_lowercase)
}

fn partition(thread: &Thread, args: &Args, from_right: bool) -> CallResult {
    let source = text(&args[0]);
    let Some(Value::Str(separator)) = args.get(1) else {
        return Err(thread.exception("TypeError", "must be str"));
    };
    if separator.is_empty() {
        return Err(thread.exception("ValueError", "empty separator"));
    }
    let found = if from_right { source.rfind(&**separator) } else { source.find(&**separator) };
    let parts = match found {
        Some(at) => [&source[..at], &**separator, &source[at + separator.len()..]],
        None if from_right => ["", "", source],
        None => [source, "", ""],
    };
    Ok(Value::tuple(parts.iter().map(|p| Value::str(p)).collect()))
}

fn str_partition(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    partition(thread, &args, false)
}

fn str_rpartition(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    partition(thread, &args, true)
}

fn str_split(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let separator = str_arg(thread, &args, 1, "split")?.map(str::to_string).or_else(|| {
        kwargs.iter().find(|(k, _)| &**k == "sep").and_then(|(_, v)| match v {
            Value::Str(s) => Some(s.to_string()),
            _ => None,
        })
    });
    let max = match args
        .get(2)
        .or_else(|| kwargs.iter().find(|(k, _)| &**k == "maxsplit").map(|(_, v)| v))
    {
        Some(Value::Int(n)) if *n >= 0 => Some(*n as usize),
        _ => None,
    };
    let source = text(&args[0]);
    let parts: Vec<Value> = match separator {
        Some(separator) if separator.is_empty() => {
            return Err(thread.exception("ValueError", "empty separator"))
        }
        Some(separator) => match max {
            Some(max) => source.splitn(max + 1, separator.as_str()).map(Value::str).collect(),
            None => source.split(separator.as_str()).map(Value::str).collect(),
        },
        None => {
            let mut parts = Vec::new();
            let mut rest = source.trim_start();
            while !rest.is_empty() {
                // The rest keeps its trailing whitespace, as CPython's.
                if max.is_some_and(|max| parts.len() == max) {
                    parts.push(Value::str(rest));
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                parts.push(Value::str(&rest[..end]));
                rest = rest[end..].trim_start();
            }
            parts
        }
    };
    Ok(List::new(parts))
}

/// `rsplit`: like `split`, but a `maxsplit` counts from the right.
fn str_rsplit(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let max = match args
        .get(2)
        .or_else(|| kwargs.iter().find(|(k, _)| &**k == "maxsplit").map(|(_, v)| v))
    {
        Some(Value::Int(n)) if *n >= 0 => Some(*n as usize),
        _ => None,
    };
    let Some(max) = max else { return str_split(thread, args, kwargs) };
    let source = text(&args[0]);
    let parts: Vec<Value> = match str_arg(thread, &args, 1, "rsplit")? {
        Some("") => return Err(thread.exception("ValueError", "empty separator")),
        Some(separator) => {
            let mut parts: Vec<Value> =
                source.rsplitn(max + 1, separator).map(Value::str).collect();
            parts.reverse();
            parts
        }
        None => {
            let mut parts = Vec::new();
            let mut rest = source.trim_end();
            while !rest.is_empty() {
                // The rest keeps its leading whitespace, as CPython's.
                if parts.len() == max {
                    parts.push(Value::str(rest));
                    break;
                }
                let start = rest
                    .rfind(char::is_whitespace)
                    .map_or(0, |i| i + rest[i..].chars().next().map_or(1, char::len_utf8));
                parts.push(Value::str(&rest[start..]));
                rest = rest[..start].trim_end();
            }
            parts.reverse();
            parts
        }
    };
    Ok(List::new(parts))
}

fn str_join(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let separator = text(&args[0]).to_string();
    let items = collect(thread, args.get(1).unwrap_or(&Value::None))?;
    let mut parts = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        match item {
            Value::Str(s) => parts.push(s.to_string()),
            other => {
                return Err(thread.exception(
                    "TypeError",
                    format!(
                        "sequence item {index}: expected str instance, {} found",
                        type_name(other)
                    ),
                ))
            }
        }
    }
    Ok(Value::str(&parts.join(&separator)))
}

fn strip_with(thread: &mut Thread, args: &Args, method: &str, mode: u8) -> CallResult {
    let source = text(&args[0]);
    let chars: Option<Vec<char>> = str_arg(thread, args, 1, method)?.map(|s| s.chars().collect());
    let matches = |c: char| match &chars {
        Some(set) => set.contains(&c),
        None => c.is_whitespace(),
    };
    let result = match mode {
        0 => source.trim_matches(matches),
        1 => source.trim_start_matches(matches),
        _ => source.trim_end_matches(matches),
    };
    Ok(Value::str(result))
}

fn str_strip(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    strip_with(thread, &args, "strip", 0)
}

fn str_lstrip(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    strip_with(thread, &args, "lstrip", 1)
}

fn str_rstrip(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    strip_with(thread, &args, "rstrip", 2)
}

fn str_replace(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let (Some(Value::Str(old)), Some(Value::Str(new))) = (args.get(1), args.get(2)) else {
        return Err(thread.exception("TypeError", "replace() arguments must be str"));
    };
    let source = text(&args[0]);
    Ok(Value::str(&match args.get(3) {
        Some(Value::Int(count)) if *count >= 0 => source.replacen(&**old, new, *count as usize),
        _ => source.replace(&**old, new),
    }))
}

fn str_upper(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(Value::str(&text(&args[0]).to_uppercase()))
}

fn str_lower(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(Value::str(&text(&args[0]).to_lowercase()))
}

fn affix(thread: &mut Thread, args: &Args, starts: bool) -> CallResult {
    let whole = text(&args[0]);
    // `start` and `end` cut the text first, as a slice would.
    let bound = |index: usize| match args.get(index) {
        Some(Value::Int(i)) => Some(*i),
        _ => None,
    };
    let source = if args.len() > 2 {
        let chars: Vec<(usize, char)> = whole.char_indices().collect();
        let len = chars.len() as i64;
        let clamp = |i: i64| if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
        let (start, end) = (clamp(bound(2).unwrap_or(0)), clamp(bound(3).unwrap_or(len)));
        if start > end {
            return Ok(Value::Bool(false));
        }
        let byte = |i: usize| chars.get(i).map_or(whole.len(), |(b, _)| *b);
        &whole[byte(start)..byte(end)]
    } else {
        whole
    };
    let candidates = match args.get(1) {
        Some(Value::Tuple(items)) => items.to_vec(),
        Some(other) => vec![other.clone()],
        None => vec![],
    };
    for candidate in candidates {
        let Value::Str(candidate) = candidate else {
            return Err(
                thread.exception("TypeError", "startswith first arg must be str or a tuple of str")
            );
        };
        if (starts && source.starts_with(&*candidate)) || (!starts && source.ends_with(&*candidate))
        {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn str_startswith(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    affix(thread, &args, true)
}

fn str_endswith(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    affix(thread, &args, false)
}

/// `str.find`/`rfind` (and `index`/`rindex`): the character index of the first (or last)
/// `needle` within `s[start:end]`, or -1. Indices count characters and clamp as slices do.
/// The part of a str method's receiver between its `start` and `end` arguments (args 2 and
/// 3, char positions taken as slices take them) and the byte offset it starts at; `None` when
/// `start` is past the end (where nothing is found, not even the empty string).
fn search_window<'a>(
    thread: &mut Thread,
    source: &'a Text,
    args: &Args,
) -> Result<Option<(&'a str, usize)>, Value> {
    // The thread keeps the text's layout, so that a loop of `find(x, pos + 1)` over a long
    // text costs no count from the start at each call.
    let len = thread.char_count(source) as i64;
    let bound = |value: Option<&Value>, default: i64| -> Result<i64, Value> {
        match value {
            None | Some(Value::None) => Ok(default),
            Some(value) => {
                let index = crate::builtins::int_arg(thread, value)?;
                Ok(if index < 0 { (index + len).max(0) } else { index.min(len) })
            }
        }
    };
    if let Some(start) = args.get(2).filter(|v| !v.is_none()) {
        if crate::builtins::int_arg(thread, start)? > len {
            return Ok(None);
        }
    }
    let (start, end) = (bound(args.get(2), 0)?, bound(args.get(3), len)?);
    if start > end {
        return Ok(None);
    }
    let start = thread.byte_offset(source, start as usize);
    let end = thread.byte_offset(source, end as usize);
    Ok(Some((&source[start..end], start)))
}

/// The str argument a search (`method`) looks for.
fn needle<'a>(thread: &Thread, args: &'a Args, method: &str) -> Result<&'a Text, Value> {
    match args.get(1) {
        Some(Value::Str(needle)) => Ok(needle),
        other => {
            let given = other.map_or("nothing".into(), |v| type_name(v).to_string());
            let message = if thread.interp.version >= crate::version::PythonVersion::V3_13 {
                format!("{method}() argument 1 must be str, not {given}")
            } else {
                format!("must be str, not {given}")
            };
            Err(thread.exception("TypeError", message))
        }
    }
}

fn char_find(
    thread: &mut Thread,
    args: &Args,
    method: &str,
    from_right: bool,
) -> Result<i64, Value> {
    let Value::Str(source) = args[0].builtin_base() else { unreachable!("a str method") };
    let needle = needle(thread, args, method)?;
    let Some((window, start)) = search_window(thread, source, args)? else {
        return Ok(-1);
    };
    let found = if from_right { window.rfind(&**needle) } else { window.find(&**needle) };
    Ok(found.map_or(-1, |at| thread.char_index(source, start + at) as i64))
}

fn str_find(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(Value::Int(char_find(thread, &args, "find", false)?))
}

fn str_rfind(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(Value::Int(char_find(thread, &args, "rfind", true)?))
}

fn str_index(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let found = char_find(thread, &args, "index", false)?;
    found_or_error(thread, found)
}

fn str_rindex(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let found = char_find(thread, &args, "rindex", true)?;
    found_or_error(thread, found)
}

fn found_or_error(thread: &Thread, found: i64) -> CallResult {
    match found {
        -1 => Err(thread.exception("ValueError", "substring not found")),
        found => Ok(Value::Int(found)),
    }
}

fn str_count(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let Value::Str(source) = args[0].builtin_base() else { unreachable!("a str method") };
    let needle = needle(thread, &args, "count")?;
    let Some((window, _)) = search_window(thread, source, &args)? else {
        return Ok(Value::Int(0));
    };
    if needle.is_empty() {
        return Ok(Value::Int(window.chars().count() as i64 + 1));
    }
    Ok(Value::Int(window.matches(&**needle).count() as i64))
}

fn str_isdigit(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    all_chars(&args, is_digit)
}

/// `str.maketrans(x[, y[, z]])`, a static method: the table `str.translate` takes, keyed by
/// code point. Taken from the type (`str.maketrans`) it is this; from a string, the next.
pub(crate) fn str_maketrans(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let mut entries = crate::value::Map::default();
    let mut insert = |key: Value, value: Value| {
        entries.insert(Key(key), value);
    };
    let ordinal = |c: char| Value::Int(c as i64);
    match args.as_slice() {
        [Value::Dict(mapping)] => {
            for (key, value) in lock(&mapping.entries).iter() {
                match &key.0 {
                    Value::Str(s) if s.chars().count() == 1 => {
                        insert(ordinal(s.chars().next().expect("one char")), value.clone());
                    }
                    Value::Str(_) => {
                        return Err(thread.exception(
                            "ValueError",
                            "string keys in translate table must be of length 1",
                        ))
                    }
                    Value::Int(_) => {
                        insert(key.0.clone(), value.clone());
                    }
                    _ => {
                        return Err(thread.exception(
                            "TypeError",
                            "keys in translate table must be strings or integers",
                        ))
                    }
                };
            }
        }
        [_] => {
            return Err(thread.exception(
                "TypeError",
                "if you give only one argument to maketrans it must be a dict",
            ))
        }
        [Value::Str(from), Value::Str(to), rest @ ..] if rest.len() <= 1 => {
            if from.chars().count() != to.chars().count() {
                return Err(thread.exception(
                    "ValueError",
                    "the first two maketrans arguments must have equal length",
                ));
            }
            for (a, b) in from.chars().zip(to.chars()) {
                insert(ordinal(a), ordinal(b));
            }
            match rest.first() {
                Some(Value::Str(deleted)) => {
                    for c in deleted.chars() {
                        insert(ordinal(c), Value::None);
                    }
                }
                Some(other) => {
                    return Err(thread.exception(
                        "TypeError",
                        format!("maketrans() argument 3 must be str, not {}", type_name(other)),
                    ))
                }
                None => {}
            }
        }
        [Value::Str(_), other, ..] | [other, ..] if args.len() <= 3 => {
            return Err(thread.exception(
                "TypeError",
                format!("maketrans() argument 2 must be str, not {}", type_name(other)),
            ))
        }
        _ => {
            return Err(thread.exception(
                "TypeError",
                format!("maketrans expected at most 3 arguments, got {}", args.len()),
            ))
        }
    }
    Ok(Dict::new(entries))
}

fn str_maketrans_bound(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    str_maketrans(thread, args[1..].to_vec(), kwargs)
}

/// `str.translate(table)`: each character looked up by code point in the table (any object
/// with `__getitem__`), left as it is where the lookup raises LookupError.
fn str_translate(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let [receiver, table] = args.as_slice() else {
        return Err(thread.exception(
            "TypeError",
            format!("str.translate() takes exactly one argument ({} given)", args.len() - 1),
        ));
    };
    let getitem = thread.special_method(table, "__getitem__");
    let mut out = String::with_capacity(text(receiver).len());
    for c in text(receiver).chars() {
        let key = Value::Int(c as i64);
        let found = match &getitem {
            Some(method) => thread.call(method, vec![key], vec![]),
            None => crate::builtins::get_item(thread, table, &key),
        };
        match found {
            Ok(Value::None) => {}
            Ok(Value::Str(s)) => out.push_str(&s),
            Ok(Value::Int(code)) => match u32::try_from(code).ok().and_then(char::from_u32) {
                Some(c) => out.push(c),
                None => {
                    return Err(thread
                        .exception("ValueError", "character mapping must be in range(0x110000)"))
                }
            },
            Ok(_) => {
                return Err(thread
                    .exception("TypeError", "character mapping must return integer, None or str"))
            }
            Err(error) if crate::builtins::exception_is(thread, &error, "LookupError") => {
                out.push(c)
            }
            Err(error) => return Err(error),
        }
    }
    Ok(Value::str(&out))
}

/// Unlike the other tests, true of the empty string.
fn str_isprintable(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(Value::Bool(text(&args[0]).chars().all(is_printable)))
}

/// What `str.isprintable` tests of a character, and `repr` leaves unescaped.
pub(crate) fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    !in_ranges(c, &crate::unicode_tables::NOT_PRINTABLE)
}

/// Whether `c` lies in one of `ranges` (sorted, inclusive, apart).
fn in_ranges(c: char, ranges: &[(u32, u32)]) -> bool {
    let c = c as u32;
    let at = ranges.partition_point(|&(_, end)| end < c);
    ranges.get(at).is_some_and(|&(start, _)| start <= c)
}

pub(crate) fn is_decimal(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && in_ranges(c, &crate::unicode_tables::DECIMAL))
}

/// `text` with every decimal digit of another script written as its ASCII digit, as
/// `int("٣٤")` and `float("१.५")` read them.
pub(crate) fn ascii_digits(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() {
        return std::borrow::Cow::Borrowed(text);
    }
    let ranges = &crate::unicode_tables::DECIMAL;
    let digit = |c: char| {
        let code = c as u32;
        let at = ranges.partition_point(|&(_, end)| end < code);
        // Decimal digits come in runs of ten, each from its zero.
        let (start, _) = ranges.get(at).filter(|&&(start, _)| start <= code)?;
        char::from_digit((code - start) % 10, 10)
    };
    text.chars().map(|c| if c.is_ascii() { c } else { digit(c).unwrap_or(c) }).collect()
}

fn is_digit(c: char) -> bool {
    is_decimal(c) || in_ranges(c, &crate::unicode_tables::DIGIT_ONLY)
}

fn is_numeric(c: char) -> bool {
    is_digit(c) || in_ranges(c, &crate::unicode_tables::NUMERIC_ONLY)
}

fn str_isalpha(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let source = text(&args[0]);
    Ok(Value::Bool(!source.is_empty() && source.chars().all(char::is_alphabetic)))
}

fn justify(thread: &mut Thread, args: &Args, spec: char) -> CallResult {
    let width = match args.get(1) {
        Some(Value::Int(w)) => *w.max(&0) as usize,
        _ => return Err(thread.exception("TypeError", "justify width must be an int")),
    };
    let fill = match args.get(2) {
        Some(Value::Str(f)) if f.chars().count() == 1 => f.chars().next().unwrap(),
        None => ' ',
        _ => {
            return Err(thread
                .exception("TypeError", "The fill character must be exactly one character long"))
        }
    };
    let source = text(&args[0]);
    let len = source.chars().count();
    if len >= width {
        return Ok(args[0].clone());
    }
    let pad = width - len;
    let fill_n = |n: usize| fill.to_string().repeat(n);
    Ok(Value::str(&match spec {
        '<' => format!("{source}{}", fill_n(pad)),
        '>' => format!("{}{source}", fill_n(pad)),
        // str.center puts the odd character on the right only when the width is odd... as CPython.
        _ => {
            let left = pad / 2 + (pad & width & 1);
            format!("{}{source}{}", fill_n(left), fill_n(pad - left))
        }
    }))
}

fn str_ljust(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    justify(thread, &args, '<')
}

fn str_rjust(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    justify(thread, &args, '>')
}

fn str_center(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    justify(thread, &args, '^')
}

/// Cased characters start each word in upper (or title) case and go on in lower case.
fn str_istitle(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let (mut previous_cased, mut any_cased) = (false, false);
    for c in text(&args[0]).chars() {
        // Title-case letters (`ǅ`) are neither upper nor lower case, but change in lower case.
        let titlecase = !c.is_lowercase() && c.to_lowercase().ne(std::iter::once(c));
        if c.is_uppercase() || titlecase {
            if previous_cased {
                return Ok(Value::Bool(false));
            }
            (previous_cased, any_cased) = (true, true);
        } else if c.is_lowercase() {
            if !previous_cased {
                return Ok(Value::Bool(false));
            }
            (previous_cased, any_cased) = (true, true);
        } else {
            previous_cased = false;
        }
    }
    Ok(Value::Bool(any_cased))
}

fn str_isnumeric(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    all_chars(&args, is_numeric)
}

/// Decimal digits of any script (`unicode_tables.rs`, from CPython's own tables).
fn str_isdecimal(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    all_chars(&args, is_decimal)
}

fn str_isascii(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(Value::Bool(text(&args[0]).is_ascii()))
}

/// `"-42".zfill(5)` is `"-0042"`: zeros go after the sign.
fn str_zfill(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let source = text(&args[0]);
    let width = crate::builtins::int_arg(thread, args.get(1).unwrap_or(&Value::Int(0)))?;
    let len = source.chars().count() as i64;
    if width <= len {
        return Ok(Value::str(source));
    }
    let (sign, digits) = match source.chars().next() {
        Some(c @ ('+' | '-')) => (c.to_string(), &source[1..]),
        _ => (String::new(), source),
    };
    Ok(Value::str(&format!("{sign}{}{digits}", "0".repeat((width - len) as usize))))
}

fn str_removeprefix(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let affix = str_arg(thread, &args, 1, "removeprefix")?.unwrap_or_default();
    let source = text(&args[0]);
    Ok(Value::str(source.strip_prefix(affix).unwrap_or(source)))
}

fn str_removesuffix(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let affix = str_arg(thread, &args, 1, "removesuffix")?.unwrap_or_default();
    let source = text(&args[0]);
    Ok(Value::str(source.strip_suffix(affix).unwrap_or(source)))
}

/// Tabs become spaces up to the next multiple of `tabsize` columns; a line break restarts
/// the count.
fn str_expandtabs(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let size = match args
        .get(1)
        .or_else(|| kwargs.iter().find(|(k, _)| &**k == "tabsize").map(|(_, v)| v))
    {
        Some(value) => crate::builtins::int_arg(thread, value)?,
        None => 8,
    };
    let mut out = String::new();
    let mut column = 0i64;
    for c in text(&args[0]).chars() {
        match c {
            '\t' if size > 0 => {
                let spaces = size - column % size;
                out.extend(std::iter::repeat_n(' ', spaces as usize));
                column += spaces;
            }
            '\t' => {}
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    Ok(Value::str(&out))
}

/// Lower case for caseless matching; `ß` folds to `ss`, as in Unicode's full case folding.
fn str_casefold(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(Value::str(&text(&args[0]).to_lowercase().replace('ß', "ss")))
}

fn str_title(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let mut out = String::new();
    let mut previous_cased = false;
    for c in text(&args[0]).chars() {
        if c.is_alphabetic() {
            if previous_cased {
                out.extend(c.to_lowercase())
            } else {
                out.extend(c.to_uppercase())
            }
            previous_cased = true;
        } else {
            out.push(c);
            previous_cased = false;
        }
    }
    Ok(Value::str(&out))
}

fn str_capitalize(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let source = text(&args[0]);
    let mut chars = source.chars();
    let out = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect(),
        None => String::new(),
    };
    Ok(Value::str(&out))
}

fn str_swapcase(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let out: String = text(&args[0])
        .chars()
        .flat_map(|c| {
            if c.is_uppercase() {
                c.to_lowercase().collect::<Vec<_>>()
            } else {
                c.to_uppercase().collect()
            }
        })
        .collect();
    Ok(Value::str(&out))
}

/// `str.splitlines(keepends=False)`, at every line boundary Python knows (`\r\n` counts once).
fn str_splitlines(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let keep = match args
        .get(1)
        .or_else(|| kwargs.iter().find(|(k, _)| &**k == "keepends").map(|(_, v)| v))
    {
        Some(value) => thread.truth(value)?,
        None => false,
    };
    let source = text(&args[0]);
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = source.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let boundary = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if !boundary {
            continue;
        }
        let mut end = at + c.len_utf8();
        if c == '\r' && chars.peek().is_some_and(|(_, next)| *next == '\n') {
            chars.next();
            end += 1;
        }
        lines.push(Value::str(&source[start..if keep { end } else { at }]));
        start = end;
    }
    if start < source.len() {
        lines.push(Value::str(&source[start..]));
    }
    Ok(List::new(lines))
}

/// `"{} {name} {0[1]} {x.attr!r:>{width}}".format(...)`.
fn str_format(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let template = text(&args[0]).to_string();
    let mut fields = FieldSource { positional: &args[1..], named: Named::Kwargs(&kwargs), next: 0 };
    Ok(Value::str(&fields.render(thread, &template, 2)?))
}

/// `template.format_map(mapping)`: named fields are looked up in `mapping`.
fn str_format_map(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    crate::builtins::arity(thread, "format_map", &args, 2, 2)?;
    let template = text(&args[0]).to_string();
    let mut fields = FieldSource { positional: &[], named: Named::Mapping(&args[1]), next: 0 };
    Ok(Value::str(&fields.render(thread, &template, 2)?))
}

enum Named<'a> {
    Kwargs(&'a Kwargs),
    Mapping(&'a Value),
}

/// Where `str.format`'s replacement fields find their values. `next` is the automatic
/// numbering's next index (`usize::MAX` once a field was numbered by hand).
struct FieldSource<'a> {
    positional: &'a [Value],
    named: Named<'a>,
    next: usize,
}

impl FieldSource<'_> {
    /// Formats `template`; `depth` limits nesting as CPython does (a spec may hold fields, but
    /// theirs may not).
    fn render(&mut self, thread: &mut Thread, template: &str, depth: u32) -> Result<String, Value> {
        let mut out = String::new();
        let mut chars = template.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    out.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    out.push('}');
                }
                '}' => {
                    return Err(
                        thread.exception("ValueError", "Single '}' encountered in format string")
                    )
                }
                '{' => {
                    if depth == 0 {
                        return Err(thread.exception("ValueError", "Max string recursion exceeded"));
                    }
                    // The field runs to its matching brace: a spec may hold fields of its own.
                    let mut field = String::new();
                    let mut open = 1;
                    loop {
                        let c = chars.next().ok_or_else(|| {
                            thread.exception("ValueError", "expected '}' before end of string")
                        })?;
                        match c {
                            '{' => open += 1,
                            '}' if open == 1 => break,
                            '}' => open -= 1,
                            _ => {}
                        }
                        field.push(c);
                    }
                    out.push_str(&self.field(thread, &field, depth)?);
                }
                c => out.push(c),
            }
        }
        Ok(out)
    }

    /// One replacement field, without its braces: `name[key].attr!conversion:spec`.
    fn field(&mut self, thread: &mut Thread, field: &str, depth: u32) -> Result<String, Value> {
        let (name, spec) = split_field(field);
        let (name, conversion) = name.split_once('!').map_or((name, None), |(n, c)| (n, Some(c)));
        let first_end = name.find(['.', '[']).unwrap_or(name.len());
        let (first, mut rest) = name.split_at(first_end);
        let mut value = self.argument(thread, first)?;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix('.') {
                let end = after.find(['.', '[']).unwrap_or(after.len());
                value = crate::builtins::get_attribute(thread, &value, &after[..end])?;
                rest = &after[end..];
            } else if let Some(after) = rest.strip_prefix('[') {
                let Some(end) = after.find(']') else {
                    return Err(thread.exception("ValueError", "Missing ']' in format string"));
                };
                let key = &after[..end];
                let key = key.parse::<i64>().map_or_else(|_| Value::str(key), Value::Int);
                value = crate::builtins::get_item(thread, &value, &key)?;
                rest = &after[end + 1..];
            } else {
                return Err(thread.exception(
                    "ValueError",
                    "Only '.' or '[' may follow ']' in format field specifier",
                ));
            }
        }
        let value = match conversion {
            None => value,
            Some("r") => Value::str(&thread.repr_of(&value)?),
            Some("s") => Value::str(&thread.str_of(&value)?),
            Some("a") => Value::str(&crate::builtins::ascii_of(thread, &value)?),
            Some(other) => {
                return Err(
                    thread.exception("ValueError", format!("Unknown conversion specifier {other}"))
                )
            }
        };
        let spec = self.render(thread, spec, depth - 1)?;
        match thread.format(&value, &spec)? {
            Value::Str(text) => Ok(text.to_string()),
            _ => Ok(String::new()),
        }
    }

    /// The argument a field's first part names: empty (the next one), a number or a name.
    fn argument(&mut self, thread: &mut Thread, name: &str) -> CallResult {
        let index = if name.is_empty() {
            if self.next == usize::MAX {
                return Err(thread.exception(
                    "ValueError",
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            self.next += 1;
            Some(self.next - 1)
        } else if let Ok(index) = name.parse::<usize>() {
            if self.next != 0 && self.next != usize::MAX {
                return Err(thread.exception(
                    "ValueError",
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            self.next = usize::MAX;
            Some(index)
        } else {
            None
        };
        match (index, &self.named) {
            (Some(index), _) => self.positional.get(index).cloned().ok_or_else(|| {
                thread.exception(
                    "IndexError",
                    format!("Replacement index {index} out of range for positional args tuple"),
                )
            }),
            (None, Named::Kwargs(kwargs)) => kwargs
                .iter()
                .find(|(k, _)| &**k == name)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| thread.interp.new_exception("KeyError", vec![Value::str(name)])),
            (None, Named::Mapping(mapping)) => {
                crate::builtins::get_item(thread, mapping, &Value::str(name))
            }
        }
    }
}

/// Splits `name!r:spec` at the colon that is not inside brackets (`{0[a:b]}` has none).
fn split_field(field: &str) -> (&str, &str) {
    let mut in_brackets = false;
    for (at, c) in field.char_indices() {
        match c {
            '[' => in_brackets = true,
            ']' => in_brackets = false,
            ':' if !in_brackets => return (&field[..at], &field[at + 1..]),
            _ => {}
        }
    }
    (field, "")
}

fn list(receiver: &Value) -> &Arc<List> {
    match receiver.builtin_base() {
        Value::List(list) => list,
        _ => unreachable!("a list method's receiver is a list"),
    }
}

const LIST_METHODS: [(&str, BuiltinFn); 11] = [
    ("append", list_append),
    ("extend", list_extend),
    ("pop", list_pop),
    ("insert", list_insert),
    ("remove", list_remove),
    ("index", list_index),
    ("count", list_count),
    ("sort", list_sort),
    ("reverse", list_reverse),
    ("copy", list_copy),
    ("clear", list_clear),
];

fn list_append(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let [receiver, item] = <[Value; 2]>::try_from(args).map_err(|args| {
        thread.exception(
            "TypeError",
            format!("list.append() takes exactly one argument ({} given)", args.len() - 1),
        )
    })?;
    lock(&list(&receiver).items).push(item);
    Ok(Value::None)
}

fn list_extend(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let items = collect(thread, args.get(1).unwrap_or(&Value::None))?;
    lock(&list(&args[0]).items).extend(items);
    Ok(Value::None)
}

fn list_pop(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let mut items = lock(&list(&args[0]).items);
    if items.is_empty() {
        return Err(thread.exception("IndexError", "pop from empty list"));
    }
    let len = items.len() as i64;
    let index = match args.get(1) {
        Some(Value::Int(i)) => {
            if *i < 0 {
                i + len
            } else {
                *i
            }
        }
        _ => len - 1,
    };
    if index < 0 || index >= len {
        return Err(thread.exception("IndexError", "pop index out of range"));
    }
    Ok(items.remove(index as usize))
}

fn list_insert(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let mut items = lock(&list(&args[0]).items);
    let len = items.len() as i64;
    let index = match args.get(1) {
        Some(Value::Int(i)) => (if *i < 0 { i + len } else { *i }).clamp(0, len) as usize,
        _ => 0,
    };
    items.insert(index, args.get(2).cloned().unwrap_or(Value::None));
    Ok(Value::None)
}

/// Containers test identity before equality, as CPython does. Floats are immediates here,
/// with no identity of their own: the same bits stand in for "the same object" (so a list
/// holding one `nan` finds it).
fn same_or_equal(thread: &mut Thread, item: &Value, needle: &Value) -> Result<bool, Value> {
    if item.is(needle)
        || matches!((item, needle), (Value::Float(a), Value::Float(b)) if a.to_bits() == b.to_bits())
    {
        return Ok(true);
    }
    thread.equals(item, needle)
}

/// Where `args[1]` first is in `args[0]`, from `args[2]` (start) to `args[3]` (stop), which
/// count from the end when negative, as `list.index(x, start, stop)` takes them.
fn position(thread: &mut Thread, args: &Args) -> Result<Option<usize>, Value> {
    let needle = args.get(1).cloned().unwrap_or(Value::None);
    // A list is read one item at a time, as CPython does (a comparison may change it): copying
    // it first made `waiters.remove(first)` O(n), and asyncio's Semaphore quadratic.
    let list = match &args[0] {
        Value::List(list) => Some(list),
        _ => None,
    };
    let copied = match list {
        Some(_) => Vec::new(),
        None => collect(thread, &args[0])?,
    };
    let item_at = |index: usize| match list {
        // Its own expression, so that the lock is let go before the comparison.
        Some(list) => lock(&list.items).get(index).cloned(),
        None => copied.get(index).cloned(),
    };
    let len = list.map_or(copied.len(), |list| lock(&list.items).len()) as i64;
    let bound = |arg: Option<&Value>, default: i64| -> Result<usize, Value> {
        let index = match arg {
            None => default,
            Some(value) => crate::builtins::int_arg(thread, value)?,
        };
        Ok(if index < 0 { (index + len).max(0) } else { index } as usize)
    };
    let (start, stop) = (bound(args.get(2), 0)?, bound(args.get(3), i64::MAX)?);
    for index in start..stop {
        let Some(item) = item_at(index) else { return Ok(None) };
        if same_or_equal(thread, &item, &needle)? {
            return Ok(Some(index));
        }
    }
    Ok(None)
}

fn list_remove(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    match position(thread, &args)? {
        Some(index) => {
            lock(&list(&args[0]).items).remove(index);
            Ok(Value::None)
        }
        None => Err(thread.exception("ValueError", "list.remove(x): x not in list")),
    }
}

fn list_index(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    match position(thread, &args)? {
        Some(index) => Ok(Value::Int(index as i64)),
        None => {
            let repr = thread.repr_of(args.get(1).unwrap_or(&Value::None))?;
            Err(thread.exception("ValueError", format!("{repr} is not in list")))
        }
    }
}

fn list_count(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    sequence_count(thread, &args)
}

fn list_sort(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let target = list(&args[0]).clone();
    let items = lock(&target.items).clone();
    let key = kwargs.iter().find(|(k, _)| &**k == "key").map(|(_, v)| v.clone());
    let reverse = match kwargs.iter().find(|(k, _)| &**k == "reverse") {
        Some((_, value)) => thread.truth(value)?,
        None => false,
    };
    let sorted = sort_values(thread, items, key.as_ref(), reverse)?;
    *lock(&target.items) = sorted;
    Ok(Value::None)
}

fn list_reverse(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    lock(&list(&args[0]).items).reverse();
    Ok(Value::None)
}

fn list_copy(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(List::new(lock(&list(&args[0]).items).clone()))
}

fn list_clear(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    lock(&list(&args[0]).items).clear();
    Ok(Value::None)
}

fn dict(receiver: &Value) -> &Arc<Dict> {
    match receiver.builtin_base() {
        Value::Dict(dict) => dict,
        _ => unreachable!("a dict method's receiver is a dict"),
    }
}

const DICT_METHODS: [(&str, BuiltinFn); 12] = [
    ("fromkeys", dict_fromkeys),
    ("popitem", dict_popitem),
    ("get", dict_get),
    ("keys", dict_keys),
    ("values", dict_values),
    ("items", dict_items),
    ("pop", dict_pop),
    ("setdefault", dict_setdefault),
    ("update", dict_update),
    ("copy", dict_copy),
    ("clear", dict_clear),
    ("__reversed__", dict_reversed),
];

fn dict_reversed(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    crate::builtins::call_builtin_reversed(thread, args[0].clone())
}

fn dict_get(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let key = args.get(1).cloned().unwrap_or(Value::None);
    let key = crate::keys::dict_key(thread, dict(&args[0]), key)?;
    Ok(lock(&dict(&args[0]).entries)
        .get(&key)
        .cloned()
        .unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::None)))
}

fn dict_keys(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(crate::views::keys(dict(&args[0])))
}

fn dict_values(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(crate::views::values(dict(&args[0])))
}

fn dict_items(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(crate::views::items(dict(&args[0])))
}

fn dict_pop(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let key = args.get(1).cloned().unwrap_or(Value::None);
    let lookup = crate::keys::dict_key(thread, dict(&args[0]), key.clone())?;
    let removed = lock(&dict(&args[0]).entries).remove(&lookup);
    match (removed, args.get(2)) {
        (Some(value), _) => Ok(value),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(thread.interp.new_exception("KeyError", vec![key])),
    }
}

fn dict_setdefault(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let key = args.get(1).cloned().unwrap_or(Value::None);
    let key = crate::keys::dict_key(thread, dict(&args[0]), key)?;
    let default = args.get(2).cloned().unwrap_or(Value::None);
    Ok(lock(&dict(&args[0]).entries).get_or_insert_with(key, || default).clone())
}

fn dict_update(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let mut updates = match args.get(1) {
        Some(source) => crate::builtins::mapping_entries(thread, source)?,
        None => crate::value::Map::default(),
    };
    for (key, value) in kwargs {
        updates.insert(Key(Value::Str(key)), value);
    }
    crate::keys::merge(thread, dict(&args[0]), updates)?;
    Ok(Value::None)
}

fn dict_popitem(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    match lock(&dict(&args[0]).entries).pop() {
        Some((key, value)) => Ok(Value::tuple(vec![key.0, value])),
        None => Err(thread
            .interp
            .new_exception("KeyError", vec![Value::str("popitem(): dictionary is empty")])),
    }
}

/// `dict.fromkeys(keys, value=None)`; through the class, the receiver is the iterable.
fn dict_fromkeys(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    // Called unbound (`dict.fromkeys(...)`): args[0] is the iterable. Bound to a dict: skip it.
    let args = if matches!(args.first(), Some(Value::Dict(_))) && args.len() > 1 {
        args[1..].to_vec()
    } else {
        args
    };
    let value = args.get(1).cloned().unwrap_or(Value::None);
    let mut entries = crate::value::Map::default();
    for key in collect(thread, args.first().unwrap_or(&Value::None))? {
        let key = crate::keys::map_key(thread, &entries, key)?;
        entries.insert(key, value.clone());
    }
    Ok(Dict::new(entries))
}

fn dict_copy(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(Dict::new(lock(&dict(&args[0]).entries).clone()))
}

fn dict_clear(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    lock(&dict(&args[0]).entries).clear();
    Ok(Value::None)
}

/// `index` and `count` for any sequence the iteration protocol can list.
fn sequence_position(thread: &mut Thread, args: &Args, what: &str) -> CallResult {
    if let Some(index) = position(thread, args)? {
        return Ok(Value::Int(index as i64));
    }
    let needle = args.get(1).cloned().unwrap_or(Value::None);
    let message = match what {
        "range" => format!("{} is not in range", thread.repr_of(&needle)?),
        _ => format!("{what}.index(x): x not in {what}"),
    };
    Err(thread.exception("ValueError", message))
}

fn sequence_count(thread: &mut Thread, args: &Args) -> CallResult {
    let items = collect(thread, &args[0])?;
    let needle = args.get(1).cloned().unwrap_or(Value::None);
    let mut count = 0;
    for item in &items {
        if same_or_equal(thread, item, &needle)? {
            count += 1;
        }
    }
    Ok(Value::Int(count))
}

const TUPLE_METHODS: [(&str, BuiltinFn); 2] = [("index", tuple_index), ("count", tuple_count)];

fn tuple_index(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    sequence_position(thread, &args, "tuple")
}

fn tuple_count(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    sequence_count(thread, &args)
}

const RANGE_METHODS: [(&str, BuiltinFn); 2] = [("index", range_index), ("count", range_count)];

fn range_index(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    sequence_position(thread, &args, "range")
}

fn range_count(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    sequence_count(thread, &args)
}

const SLICE_METHODS: [(&str, BuiltinFn); 1] = [("indices", slice_indices)];

/// `slice.indices(len)`: the `(start, stop, step)` the slice selects from `len` items.
fn slice_indices(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    crate::builtins::arity(thread, "indices", &args, 2, 2)?;
    let Value::Slice(slice) = &args[0] else { unreachable!("a slice method") };
    let len = crate::builtins::int_arg(thread, &args[1])?;
    if len < 0 {
        return Err(thread.exception("ValueError", "length should not be negative"));
    }
    let (start, stop, step) = crate::builtins::slice_bounds(thread, slice, len as usize)?;
    Ok(Value::tuple(vec![Value::Int(start), Value::Int(stop), Value::Int(step)]))
}

const INT_METHODS: [(&str, BuiltinFn); 6] = [
    ("to_bytes", crate::bytes::int_to_bytes),
    ("from_bytes", crate::bytes::int_from_bytes),
    ("bit_length", int_bit_length),
    ("bit_count", int_bit_count),
    ("as_integer_ratio", int_as_integer_ratio),
    ("conjugate", int_conjugate),
];

fn int_as_integer_ratio(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let value = match args[0].builtin_base() {
        Value::Bool(b) => Value::Int(*b as i64),
        other => other.clone(),
    };
    Ok(Value::tuple(vec![value, Value::Int(1)]))
}

fn int_conjugate(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(match args[0].builtin_base() {
        Value::Bool(b) => Value::Int(*b as i64),
        other => other.clone(),
    })
}

fn int_bit_length(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(Value::Int(match &args[0] {
        Value::Int(i) => 64 - i.unsigned_abs().leading_zeros() as i64,
        Value::Bool(b) => *b as i64,
        Value::BigInt(i) => i.bits() as i64,
        _ => 0,
    }))
}

/// `int.bit_count()` (3.10+): the ones in the binary form of the absolute value.
fn int_bit_count(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    if thread.interp.version < crate::version::PythonVersion::V3_10 {
        return Err(thread.exception("AttributeError", "'int' object has no attribute 'bit_count'"));
    }
    Ok(Value::Int(match args[0].builtin_base() {
        Value::Int(i) => i64::from(i.unsigned_abs().count_ones()),
        Value::Bool(b) => *b as i64,
        Value::BigInt(i) => {
            i.magnitude().iter_u64_digits().map(|digit| i64::from(digit.count_ones())).sum()
        }
        _ => 0,
    }))
}

const FLOAT_METHODS: [(&str, BuiltinFn); 3] = [
    ("is_integer", float_is_integer),
    ("as_integer_ratio", float_as_integer_ratio),
    ("hex", float_hex),
];

/// `float.hex()`: `0x1.999999999999ap-4`, always 13 hex digits (`0x0.0p+0` for zero).
fn float_hex(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let Value::Float(f) = args[0].builtin_base() else {
        unreachable!("a float method's receiver is a float")
    };
    let text = if f.is_nan() {
        "nan".to_string()
    } else if f.is_infinite() {
        if *f > 0.0 { "inf" } else { "-inf" }.to_string()
    } else {
        let sign = if f.is_sign_negative() { "-" } else { "" };
        let bits = f.to_bits();
        let (biased, fraction) = (((bits >> 52) & 0x7ff) as i64, bits & ((1 << 52) - 1));
        match (biased, fraction) {
            (0, 0) => format!("{sign}0x0.0p+0"),
            (0, _) => format!("{sign}0x0.{fraction:013x}p-1022"),
            _ => format!("{sign}0x1.{fraction:013x}p{:+}", biased - 1023),
        }
    };
    Ok(Value::str(&text))
}

/// `float.as_integer_ratio()`: the exact value as a fraction in lowest terms.
fn float_as_integer_ratio(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let Value::Float(f) = args[0].builtin_base() else {
        unreachable!("a float method's receiver is a float")
    };
    if f.is_infinite() {
        return Err(thread.exception("OverflowError", "cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(thread.exception("ValueError", "cannot convert NaN to integer ratio"));
    }
    if *f == 0.0 {
        return Ok(Value::tuple(vec![Value::Int(0), Value::Int(1)]));
    }
    let bits = f.to_bits();
    let raw_exponent = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (mut mantissa, mut exponent) = if raw_exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), raw_exponent - 1075)
    };
    while mantissa != 0 && mantissa % 2 == 0 && exponent < 0 {
        mantissa /= 2;
        exponent += 1;
    }
    let sign = if *f < 0.0 { -1 } else { 1 };
    let numerator = num_bigint::BigInt::from(mantissa) * sign;
    let (numerator, denominator) = if exponent >= 0 {
        (numerator << exponent as usize, num_bigint::BigInt::from(1))
    } else {
        (numerator, num_bigint::BigInt::from(1) << (-exponent) as usize)
    };
    Ok(Value::tuple(vec![crate::ops::normalize(numerator), crate::ops::normalize(denominator)]))
}

fn float_is_integer(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(Value::Bool(matches!(args[0], Value::Float(f) if f.is_finite() && f.fract() == 0.0)))
}

const GENERATOR_METHODS: [(&str, BuiltinFn); 5] = [
    ("send", generator_send),
    ("throw", generator_throw),
    ("close", generator_close),
    ("__next__", iterator_next),
    ("__iter__", iterator_iter),
];

/// What a built-in iterator (`iter([...])`, `map`, `zip`, `enumerate`) has of its own.
const ITERATOR_METHODS: [(&str, BuiltinFn); 2] =
    [("__next__", iterator_next), ("__iter__", iterator_iter)];

/// `it.__next__()`: what `next(it)` gives, StopIteration at the end.
fn iterator_next(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    crate::builtins::next_builtin(thread, vec![args[0].clone()], vec![])
}

/// `it.__iter__()`: the iterator itself.
fn iterator_iter(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(args[0].clone())
}

fn generator_of(args: &Args) -> &Arc<crate::vm::Generator> {
    match &args[0] {
        Value::Generator(generator) => generator,
        _ => unreachable!("a generator method's receiver"),
    }
}

/// What the generator yielded next, or StopIteration with its return value.
fn yielded_or_stop(
    thread: &mut Thread,
    generator: &crate::vm::Generator,
    yielded: Option<Value>,
) -> CallResult {
    match yielded {
        Some(value) => Ok(value),
        None => {
            let returned = lock(&generator.return_value).clone();
            let args = if returned.is_none() { vec![] } else { vec![returned] };
            Err(thread.interp.new_exception("StopIteration", args))
        }
    }
}

/// `generator.throw(exception)` (or the 3.9-era `throw(type, value)`).
fn generator_throw(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let generator = generator_of(&args);
    let Some(thrown) = args.get(1).cloned() else {
        return Err(thread.exception("TypeError", "throw expected at least 1 argument, got 0"));
    };
    let exception = match (&thrown, args.get(2)) {
        (Value::Class(_), Some(value)) if !value.is_none() => {
            let call = thread.call(&thrown, vec![value.clone()], vec![])?;
            thread.make_exception(call)?
        }
        _ => thread.make_exception(thrown)?,
    };
    let yielded = thread.throw_into_generator(generator, exception)?;
    yielded_or_stop(thread, generator, yielded)
}

/// `generator.close()`: GeneratorExit where it stands; it must not yield again.
pub(crate) fn generator_close(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let generator = generator_of(&args);
    let exit = thread.exception("GeneratorExit", "");
    match thread.throw_into_generator(generator, exit) {
        Ok(Some(_)) => Err(thread.exception("RuntimeError", "generator ignored GeneratorExit")),
        Ok(None) => Ok(Value::None),
        Err(error)
            if crate::builtins::exception_is(thread, &error, "GeneratorExit")
                || crate::builtins::exception_is(thread, &error, "StopIteration") =>
        {
            Ok(Value::None)
        }
        Err(error) => Err(error),
    }
}

/// `gen.send(value)`: resumes with `value` as the result of the paused `yield`.
fn generator_send(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let generator = generator_of(&args);
    let yielded =
        thread.send_to_generator(generator, args.get(1).cloned().unwrap_or(Value::None))?;
    yielded_or_stop(thread, generator, yielded)
}

// ---- set and frozenset ----

/// A set element's hash.
#[inline]
pub fn element_hash(thread: &mut Thread, key: &Value) -> Result<i64, Value> {
    if matches!(key, Value::Instance(_) | Value::Tuple(_)) {
        crate::keys::prime_hashes(thread, key)?;
    }
    py_hash(key).map_err(|error| thread.op_error(error))
}

/// `key` as `set` holds it, and its hash: an element that compares in Python is replaced by
/// the equal one the set holds, if any (see `keys.rs`).
#[inline]
pub fn set_key(thread: &mut Thread, set: &Set, key: &Value) -> Result<(Value, i64), Value> {
    match key {
        Value::Instance(_) | Value::Tuple(_) | Value::Set(_) => equal_set_key(thread, set, key),
        _ => Ok((key.clone(), element_hash(thread, key)?)),
    }
}

#[inline(never)]
fn equal_set_key(thread: &mut Thread, set: &Set, key: &Value) -> Result<(Value, i64), Value> {
    let (key, hash) = lookup_key(thread, key)?;
    if !crate::keys::needs_python(&key) {
        return Ok((key, hash));
    }
    let stored = lock(&set.table).keys_with_hash(hash);
    Ok((crate::keys::equal_stored(thread, key, stored)?, hash))
}

/// A key to look up (`in`, `remove`, `discard`) and its hash. A set, which cannot be a key,
/// is looked up as the frozenset of its keys, as CPython retries with one.
pub fn lookup_key(thread: &mut Thread, key: &Value) -> Result<(Value, i64), Value> {
    let key = match key {
        Value::Set(set) if !set.frozen => Value::Set(Set::new(true, set.snapshot())),
        other => other.clone(),
    };
    let hash = element_hash(thread, &key)?;
    Ok((key, hash))
}

/// `other` as set operations take it: a set itself, a dict's keys, or any other iterable's
/// items, iterated and hashed up to the first error (which the operation raises when it gets
/// there, after what came before took effect, as in CPython).
pub fn set_operand(thread: &mut Thread, other: &Value) -> Result<Other, Value> {
    set_operand_for(thread, None, other)
}

/// [`set_operand`] for an operation on `receiver`: elements that compare in Python become
/// the equal ones `receiver` holds, or the first equal one among the operand's own items, so
/// that the tables, which compare such elements by identity, see them as equal.
pub fn set_operand_for(
    thread: &mut Thread,
    receiver: Option<&Set>,
    other: &Value,
) -> Result<Other, Value> {
    let operand = plain_set_operand(thread, other)?;
    let needs_python = match &operand {
        Other::Set(set) => set.needs_python(),
        Other::Dict(items) => items.iter().any(|(item, _)| crate::keys::needs_python(item)),
        Other::Items(items) => {
            items.iter().flatten().any(|(item, _)| crate::keys::needs_python(item))
        }
    };
    if !needs_python {
        return Ok(operand);
    }
    // A set's elements and a dict's keys are distinct already; other items may repeat.
    let distinct = !matches!(operand, Other::Items(_));
    let items: Vec<Result<(Value, i64), Value>> = match operand {
        Other::Set(set) => {
            let table = set.snapshot();
            table.entries().map(|(key, hash)| Ok((key.clone(), hash))).collect()
        }
        Other::Dict(items) => items.into_iter().map(Ok).collect(),
        Other::Items(items) => items,
    };
    let mut canonical: Vec<Result<(Value, i64), Value>> = Vec::with_capacity(items.len());
    // Where each hash stands among the canonical items so far.
    let mut by_hash: std::collections::HashMap<i64, Vec<usize>> = Default::default();
    for item in items {
        let Ok((item, hash)) = item else {
            canonical.push(item);
            break;
        };
        if !crate::keys::needs_python(&item) {
            canonical.push(Ok((item, hash)));
            continue;
        }
        let mut stored =
            receiver.map(|set| lock(&set.table).keys_with_hash(hash)).unwrap_or_default();
        if !distinct {
            for &at in by_hash.get(&hash).into_iter().flatten() {
                if let Ok((earlier, _)) = &canonical[at] {
                    stored.push(earlier.clone());
                }
            }
            by_hash.entry(hash).or_default().push(canonical.len());
        }
        let item = crate::keys::equal_stored(thread, item, stored)?;
        canonical.push(Ok((item, hash)));
    }
    Ok(Other::Items(canonical))
}

fn plain_set_operand(thread: &mut Thread, other: &Value) -> Result<Other, Value> {
    match other {
        Value::Set(set) => Ok(Other::Set(set.clone())),
        Value::Dict(dict) => {
            let keys: Vec<Value> = lock(&dict.entries).keys().map(|key| key.0.clone()).collect();
            let hashed = keys.into_iter().map(|key| {
                let hash = element_hash(thread, &key)?;
                Ok((key, hash))
            });
            Ok(Other::Dict(hashed.collect::<Result<_, Value>>()?))
        }
        other => {
            let iterator = crate::builtins::iterate(thread, other)?;
            let mut items = Vec::new();
            loop {
                let item = match crate::builtins::next(thread, &iterator) {
                    Ok(Some(item)) => element_hash(thread, &item).map(|hash| (item, hash)),
                    Ok(None) => break,
                    Err(error) => Err(error),
                };
                let failed = item.is_err();
                items.push(item);
                if failed {
                    break;
                }
            }
            Ok(Other::Items(items))
        }
    }
}

/// A set method's receiver; `mutates` refuses a frozenset (reachable as `set.add(frozenset())`).
fn set_receiver(
    thread: &Thread,
    args: &Args,
    method: &str,
    mutates: bool,
) -> Result<Arc<Set>, Value> {
    match args.first() {
        Some(Value::Set(set)) if !(mutates && set.frozen) => Ok(set.clone()),
        other => {
            let found = other.map_or(Text::from("nothing"), type_name);
            Err(thread.exception(
                "TypeError",
                format!(
                    "descriptor '{method}' for 'set' objects doesn't apply to a '{found}' object"
                ),
            ))
        }
    }
}

/// The receiver and the one argument of `set.add(x)` and the like.
fn set_and_argument(
    thread: &Thread,
    args: &Args,
    method: &str,
    mutates: bool,
) -> Result<(Arc<Set>, Value), Value> {
    let set = set_receiver(thread, args, method, mutates)?;
    if args.len() != 2 {
        return Err(thread.exception(
            "TypeError",
            format!(
                "{}.{method}() takes exactly one argument ({} given)",
                set.type_name(),
                args.len() - 1
            ),
        ));
    }
    Ok((set, args[1].clone()))
}

fn set_no_arguments(
    thread: &Thread,
    args: &Args,
    method: &str,
    mutates: bool,
) -> Result<Arc<Set>, Value> {
    let set = set_receiver(thread, args, method, mutates)?;
    if args.len() != 1 {
        return Err(thread.exception(
            "TypeError",
            format!("{}.{method}() takes no arguments ({} given)", set.type_name(), args.len() - 1),
        ));
    }
    Ok(set)
}

const SET_METHODS: [(&str, BuiltinFn); 17] = [
    ("add", set_add),
    ("remove", set_remove),
    ("discard", set_discard),
    ("pop", set_pop),
    ("clear", set_clear),
    ("copy", set_copy),
    ("update", set_update),
    ("union", set_union),
    ("intersection", set_intersection),
    ("intersection_update", set_intersection_update),
    ("difference", set_difference),
    ("difference_update", set_difference_update),
    ("symmetric_difference", set_symmetric_difference),
    ("symmetric_difference_update", set_symmetric_difference_update),
    ("issubset", set_issubset),
    ("issuperset", set_issuperset),
    ("isdisjoint", set_isdisjoint),
];

/// What a frozenset has of the above: whatever does not change the receiver.
const FROZENSET_METHODS: [(&str, BuiltinFn); 8] = [
    ("copy", set_copy),
    ("union", set_union),
    ("intersection", set_intersection),
    ("difference", set_difference),
    ("symmetric_difference", set_symmetric_difference),
    ("issubset", set_issubset),
    ("issuperset", set_issuperset),
    ("isdisjoint", set_isdisjoint),
];

fn set_add(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let (set, key) = set_and_argument(thread, &args, "add", true)?;
    crate::builtins::set_add(thread, &set, key)?;
    Ok(Value::None)
}

/// Takes `key` out of the set; whether it was there.
fn set_discard_key(thread: &mut Thread, set: &Set, key: &Value) -> Result<bool, Value> {
    let (key, hash) = set_key(thread, set, key)?;
    Ok(lock(&set.table).discard(&key, hash))
}

fn set_remove(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let (set, key) = set_and_argument(thread, &args, "remove", true)?;
    if !set_discard_key(thread, &set, &key)? {
        return Err(thread.interp.new_exception("KeyError", vec![key]));
    }
    Ok(Value::None)
}

fn set_discard(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let (set, key) = set_and_argument(thread, &args, "discard", true)?;
    set_discard_key(thread, &set, &key)?;
    Ok(Value::None)
}

fn set_pop(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let set = set_no_arguments(thread, &args, "pop", true)?;
    let popped = lock(&set.table).pop();
    popped.ok_or_else(|| {
        thread.interp.new_exception("KeyError", vec![Value::str("pop from an empty set")])
    })
}

fn set_clear(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let set = set_no_arguments(thread, &args, "clear", true)?;
    lock(&set.table).clear();
    Ok(Value::None)
}

/// `set.copy()`; a frozenset's copy is itself.
fn set_copy(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let set = set_no_arguments(thread, &args, "copy", false)?;
    Ok(Value::Set(if set.frozen { set } else { set.copy() }))
}

/// `update` and `difference_update`: `change` with each argument in turn.
fn change_with_each(
    thread: &mut Thread,
    args: &Args,
    method: &str,
    change: fn(&Arc<Set>, &Other) -> Result<(), Value>,
) -> CallResult {
    let set = set_receiver(thread, args, method, true)?;
    for other in &args[1..] {
        let other = set_operand_for(thread, Some(&set), other)?;
        change(&set, &other)?;
    }
    Ok(Value::None)
}

fn set_update(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    change_with_each(thread, &args, "update", Set::update)
}

fn set_union(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let set = set_receiver(thread, &args, "union", false)?;
    let result = set.copy();
    for other in &args[1..] {
        let other = set_operand_for(thread, Some(&result), other)?;
        if !other.is(&set) {
            result.update(&other)?;
        }
    }
    Ok(Value::Set(result))
}

/// `set_intersection_multi`: the receiver intersected with each argument in turn.
fn intersect_all(thread: &mut Thread, set: &Arc<Set>, others: &[Value]) -> Result<Arc<Set>, Value> {
    let mut result = set.clone();
    for other in others {
        let other = set_operand_for(thread, Some(&result), other)?;
        result = result.intersection(&other)?;
    }
    Ok(if others.is_empty() { set.copy() } else { result })
}

fn set_intersection(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let set = set_receiver(thread, &args, "intersection", false)?;
    Ok(Value::Set(intersect_all(thread, &set, &args[1..])?))
}

fn set_intersection_update(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let set = set_receiver(thread, &args, "intersection_update", true)?;
    let result = intersect_all(thread, &set, &args[1..])?;
    set.take_table(&result);
    Ok(Value::None)
}

fn set_difference(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let set = set_receiver(thread, &args, "difference", false)?;
    let Some((first, rest)) = args[1..].split_first() else { return Ok(Value::Set(set.copy())) };
    let first = set_operand_for(thread, Some(&set), first)?;
    let result = set.difference(&first)?;
    for other in rest {
        let other = set_operand_for(thread, Some(&result), other)?;
        result.difference_update(&other)?;
    }
    Ok(Value::Set(result))
}

fn set_difference_update(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    change_with_each(thread, &args, "difference_update", Set::difference_update)
}

/// The receiver and the one argument of a set method, the argument as an operand.
fn set_and_operand(
    thread: &mut Thread,
    args: &Args,
    method: &str,
    mutates: bool,
) -> Result<(Arc<Set>, Other), Value> {
    let (set, other) = set_and_argument(thread, args, method, mutates)?;
    let other = set_operand_for(thread, Some(&set), &other)?;
    Ok((set, other))
}

fn set_symmetric_difference(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let (set, other) = set_and_operand(thread, &args, "symmetric_difference", false)?;
    Ok(Value::Set(set.symmetric_difference(&other)?))
}

fn set_symmetric_difference_update(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let (set, other) = set_and_operand(thread, &args, "symmetric_difference_update", true)?;
    set.symmetric_difference_update(&other)?;
    Ok(Value::None)
}

fn set_issubset(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let (set, other) = set_and_operand(thread, &args, "issubset", false)?;
    Ok(Value::Bool(set.is_subset(&other)?))
}

fn set_issuperset(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let (set, other) = set_and_operand(thread, &args, "issuperset", false)?;
    Ok(Value::Bool(set.is_superset(&other)?))
}

fn set_isdisjoint(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let (set, other) = set_and_operand(thread, &args, "isdisjoint", false)?;
    Ok(Value::Bool(set.is_disjoint(&other)?))
}

/// `| & - ^` and their in-place forms between two sets or frozensets, as the methods with one
/// argument do them; `None` for other operators. In place, a set changes and is the result; a
/// frozenset gets a new frozenset, as CPython falls back to the plain operator for it.
pub fn set_operator(
    thread: &mut Thread,
    op: BinaryOp,
    left: &Arc<Set>,
    right: &Arc<Set>,
    in_place: bool,
) -> Result<Option<Value>, Value> {
    let other = set_operand_for(thread, Some(left), &Value::Set(right.clone()))?;
    if in_place && !left.frozen {
        match op {
            BinaryOp::Or => left.update(&other)?,
            BinaryOp::And => {
                let result = left.intersection(&other)?;
                left.take_table(&result);
            }
            BinaryOp::Sub => left.difference_update(&other)?,
            BinaryOp::Xor => left.symmetric_difference_update(&other)?,
            _ => return Ok(None),
        }
        return Ok(Some(Value::Set(left.clone())));
    }
    let result = match op {
        BinaryOp::Or => {
            let result = left.copy();
            if !other.is(left) {
                result.update(&other)?;
            }
            result
        }
        BinaryOp::And => left.intersection(&other)?,
        BinaryOp::Sub => left.difference(&other)?,
        BinaryOp::Xor => left.symmetric_difference(&other)?,
        _ => return Ok(None),
    };
    Ok(Some(Value::Set(result)))
}

/// The special methods of the built-in type `type_name` (`dict.__getitem__`, `list.__init__`),
/// for subclasses that reach them through `super()` or the type itself. Each acts on the
/// receiver's built-in base.
pub fn type_dunder(type_name: &str, name: &str) -> Option<(&'static str, BuiltinFn)> {
    if !matches!(type_name, "dict" | "list" | "tuple" | "str" | "int" | "float") {
        return None;
    }
    if name == "__init__" {
        return Some(match type_name {
            "dict" => ("__init__", dict_init),
            "list" => ("__init__", list_init),
            _ => ("__init__", immutable_init),
        });
    }
    DUNDERS.iter().find(|(n, _)| *n == name).copied()
}

const DUNDERS: [(&str, BuiltinFn); 15] = [
    ("__getitem__", dunder_getitem),
    ("__setitem__", dunder_setitem),
    ("__delitem__", dunder_delitem),
    ("__contains__", dunder_contains),
    ("__len__", dunder_len),
    ("__iter__", dunder_iter),
    ("__repr__", dunder_repr),
    ("__str__", dunder_str),
    ("__hash__", dunder_hash),
    ("__eq__", dunder_eq),
    ("__ne__", dunder_ne),
    ("__lt__", dunder_lt),
    ("__le__", dunder_le),
    ("__gt__", dunder_gt),
    ("__ge__", dunder_ge),
];

/// The receiver's built-in base and the method's other arguments, `count` of them.
fn operands<'a>(
    thread: &Thread,
    args: &'a Args,
    count: usize,
) -> Result<(&'a Value, &'a [Value]), Value> {
    if args.len() != count + 1 {
        let plural = if count == 1 { "" } else { "s" };
        return Err(thread.exception(
            "TypeError",
            format!("expected {count} argument{plural}, got {}", args.len().saturating_sub(1)),
        ));
    }
    Ok((args[0].builtin_base(), &args[1..]))
}

fn dunder_getitem(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    operands(thread, &args, 1)?;
    crate::builtins::base_get_item(thread, &args[0], &args[1])
}

fn dunder_setitem(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let (this, rest) = operands(thread, &args, 2)?;
    crate::builtins::set_item(thread, this, rest[0].clone(), rest[1].clone())?;
    Ok(Value::None)
}

fn dunder_delitem(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let (this, rest) = operands(thread, &args, 1)?;
    crate::builtins::delete_item(thread, this, &rest[0])?;
    Ok(Value::None)
}

fn dunder_contains(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let (this, rest) = operands(thread, &args, 1)?;
    Ok(Value::Bool(crate::builtins::contains(thread, this, &rest[0])?))
}

fn dunder_len(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let (this, _) = operands(thread, &args, 0)?;
    Ok(Value::Int(crate::builtins::length(thread, this)? as i64))
}

fn dunder_iter(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let (this, _) = operands(thread, &args, 0)?;
    crate::builtins::iterate(thread, this)
}

fn dunder_repr(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let (this, _) = operands(thread, &args, 0)?;
    Ok(Value::str(&thread.repr_of(this)?))
}

fn dunder_str(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let (this, _) = operands(thread, &args, 0)?;
    Ok(Value::str(&thread.str_of(this)?))
}

fn dunder_hash(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let (this, _) = operands(thread, &args, 0)?;
    crate::builtins::hash_of(thread, this)
}

fn compare_bases(thread: &mut Thread, args: &Args, op: crate::code::CompareOp) -> CallResult {
    let (this, rest) = operands(thread, args, 1)?;
    let other = rest[0].builtin_base().clone();
    thread.compare(op, &this.clone(), &other)
}

fn dunder_eq(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    compare_bases(thread, &args, crate::code::CompareOp::Eq)
}

fn dunder_ne(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    compare_bases(thread, &args, crate::code::CompareOp::Ne)
}

fn dunder_lt(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    compare_bases(thread, &args, crate::code::CompareOp::Lt)
}

fn dunder_le(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    compare_bases(thread, &args, crate::code::CompareOp::Le)
}

fn dunder_gt(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    compare_bases(thread, &args, crate::code::CompareOp::Gt)
}

fn dunder_ge(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    compare_bases(thread, &args, crate::code::CompareOp::Ge)
}

/// `dict.__init__(self, other=(), **kwargs)`: updates the dict.
fn dict_init(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    if args.len() > 2 {
        return Err(thread.exception(
            "TypeError",
            format!("dict expected at most 1 argument, got {}", args.len() - 1),
        ));
    }
    dict_update(thread, args, kwargs)
}

/// `list.__init__(self, iterable=())`: the list's items become the iterable's.
fn list_init(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    if args.len() > 2 {
        return Err(thread.exception(
            "TypeError",
            format!("list expected at most 1 argument, got {}", args.len() - 1),
        ));
    }
    let items = match args.get(1) {
        Some(iterable) => collect(thread, iterable)?,
        None => Vec::new(),
    };
    *lock(&list(&args[0]).items) = items;
    Ok(Value::None)
}

/// `tuple.__init__` and the like: the value was made by `__new__`; nothing is left to do.
fn immutable_init(_: &mut Thread, _: Args, _: Kwargs) -> CallResult {
    Ok(Value::None)
}
