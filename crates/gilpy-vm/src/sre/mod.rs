//! `_sre`: the regular expression engine under `re`, as CPython's `Modules/_sre` is. The
//! Python part (`stdlib/re.py`) holds the `Pattern` and `Match` objects, the template
//! expansion of `sub` and the iteration of `findall`, `split` and `sub`; this holds what is
//! hot: parsing ([`parse`], after `_parser.py`), compiling ([`compile`], after `_compiler.py`)
//! and matching ([`matcher`]). Written for us rather than taken from the `regex` crate: that
//! crate has no backreferences or lookaround, matches differently from `_sre` where patterns
//! are ambiguous, and would add to the runner's bytes.

mod compile;
mod matcher;
mod parse;

use std::cell::RefCell;
use std::sync::Arc;

use crate::text::Text;
use crate::value::{NativeType, Native, Value};
use crate::version::PythonVersion;
use crate::vm::{CallResult, Thread};

type Args = Vec<Value>;
type Kwargs = Vec<(Text, Value)>;

pub fn module() -> Vec<(&'static str, Value)> {
    use crate::builtins::builtin_function as builtin;
    vec![
        ("compile", builtin("compile", sre_compile)),
        ("match", builtin("match", sre_match)),
    ]
}

static PATTERN_TYPE: NativeType = NativeType { name: "SRE_Pattern", module: "_sre", methods: &[] };

struct CompiledPattern {
    program: compile::Program,
    groups: usize,
}

/// A subject's characters, as the matcher indexes them (a bytes subject reads as Latin-1).
fn characters(value: &Value) -> Option<Vec<char>> {
    match value {
        Value::Str(text) => Some(text.chars().collect()),
        Value::Bytes(bytes) => Some(bytes.iter().map(|&b| char::from(b)).collect()),
        _ => None,
    }
}

thread_local! {
    /// The subject matched last, and its characters: `findall` and `sub` match one string
    /// again and again, and would otherwise decode it at every match.
    static LAST_SUBJECT: RefCell<Option<(Value, Arc<[char]>)>> = const { RefCell::new(None) };
}

fn same_object(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Str(a), Value::Str(b)) => Text::ptr_eq(a, b),
        (Value::Bytes(a), Value::Bytes(b)) => Arc::ptr_eq(a, b),
        _ => false,
    }
}

fn subject_characters(value: &Value) -> Option<Arc<[char]>> {
    LAST_SUBJECT.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((subject, chars)) = &*last {
            if same_object(subject, value) {
                return Some(chars.clone());
            }
        }
        let chars: Arc<[char]> = characters(value)?.into();
        *last = Some((value.clone(), chars.clone()));
        Some(chars)
    })
}

fn int_arg(thread: &Thread, value: &Value) -> Result<i64, Value> {
    match value {
        Value::Int(n) => Ok(*n),
        Value::Bool(b) => Ok(i64::from(*b)),
        _ => Err(thread.exception("TypeError", "an integer is required")),
    }
}

/// `compile(pattern, flags, error)`: `(handle, groups, ((name, index), ...), flags)`, or
/// `error(message, pattern, pos)` raised.
fn sre_compile(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let [pattern, flags, error_class] = <[Value; 3]>::try_from(args)
        .map_err(|_| thread.exception("TypeError", "compile() takes 3 arguments"))?;
    let flags = int_arg(thread, &flags)? as u32;
    let bytes = matches!(pattern, Value::Bytes(_));
    let Some(chars) = characters(&pattern) else {
        return Err(thread.exception("TypeError", "first argument must be string or compiled pattern"));
    };
    let syntax = parse::Syntax { since_3_11: thread.interp.version >= PythonVersion::V3_11, bytes };
    let parsed = match parse::parse(&chars, flags, syntax) {
        Ok(parsed) => parsed,
        Err(error) if parse::is_overflow(&error) => {
            return Err(thread.exception("OverflowError", error.message));
        }
        Err(error) => {
            let mut args = vec![Value::str(&error.message)];
            if error.pos != parse::NO_POSITION {
                args.extend([pattern, Value::Int(error.pos as i64)]);
            }
            let instance = thread.call(&error_class, args, Vec::new())?;
            return Err(instance);
        }
    };
    let program = compile::compile(&parsed.node)
        .map_err(|message| thread.exception("OverflowError", message))?;
    let names: Vec<Value> = parsed
        .names
        .iter()
        .map(|(name, index)| {
            Value::Tuple(Arc::new(vec![Value::str(name), Value::Int(*index as i64)]))
        })
        .collect();
    let handle = Native::new(&PATTERN_TYPE, CompiledPattern { program, groups: parsed.groups });
    Ok(Value::Tuple(Arc::new(vec![
        handle,
        Value::Int(parsed.groups as i64),
        Value::Tuple(Arc::new(names)),
        Value::Int(i64::from(parsed.flags)),
    ])))
}

/// `match(handle, string, pos, endpos, mode, must_advance)`, mode 0 for `match`, 1 for
/// `search`, 2 for `fullmatch`: `None`, or `(lastindex, start0, end0, start1, end1, ...)`
/// with -1 for a group that did not take part.
fn sre_match(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let [handle, subject, pos, endpos, mode, must_advance] = <[Value; 6]>::try_from(args)
        .map_err(|_| thread.exception("TypeError", "match() takes 6 arguments"))?;
    let Some(compiled) = handle.downcast::<CompiledPattern>() else {
        return Err(thread.exception("TypeError", "not a compiled pattern"));
    };
    let Some(text) = subject_characters(&subject) else {
        return Err(thread.exception("TypeError", "expected string or bytes-like object"));
    };
    let len = text.len() as i64;
    let clamp = |n: i64| n.clamp(0, len) as usize;
    let pos = clamp(int_arg(thread, &pos)?);
    let endpos = clamp(int_arg(thread, &endpos)?);
    let mode = match int_arg(thread, &mode)? {
        0 => matcher::Mode::Match,
        1 => matcher::Mode::Search,
        _ => matcher::Mode::FullMatch,
    };
    let must_advance = thread.truth(&must_advance)?;
    let breaker = thread.eval_breaker.clone();
    let stop =
        move || breaker.is_set(crate::EvalBreaker::ASYNC_EXCEPTION);
    let mut matcher = matcher::Matcher::new(&compiled.program, compiled.groups, &text, endpos, &stop);
    let found = match matcher.run(pos, mode, must_advance) {
        Ok(found) => found,
        Err(matcher::Stopped::Interrupted) => {
            thread.check_stop()?;
            false
        }
    };
    if !found {
        return Ok(Value::None);
    }
    let mut marks = Vec::with_capacity(matcher.slots.len() + 1);
    marks.push(matcher.last_index.map_or(Value::None, |i| Value::Int(i as i64)));
    for pair in matcher.slots.chunks(2) {
        match (pair[0], pair[1]) {
            (Some(start), Some(end)) => {
                marks.push(Value::Int(start as i64));
                marks.push(Value::Int(end as i64));
            }
            _ => {
                marks.push(Value::Int(-1));
                marks.push(Value::Int(-1));
            }
        }
    }
    Ok(Value::Tuple(Arc::new(marks)))
}
