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
use crate::value::{Native, NativeType, Value};
use crate::version::PythonVersion;
use crate::vm::{CallResult, Thread};

type Args = Vec<Value>;
type Kwargs = Vec<(Text, Value)>;

pub fn module() -> Vec<(&'static str, Value)> {
    use crate::builtins::builtin_function as builtin;
    vec![
        ("compile", builtin("compile", sre_compile)),
        ("match", builtin("match", sre_match)),
        ("scan", builtin("scan", sre_scan)),
        ("findall", builtin("findall", sre_findall)),
        ("split", builtin("split", sre_split)),
        ("sub", builtin("sub", sre_sub)),
    ]
}

static PATTERN_TYPE: NativeType = NativeType { name: "SRE_Pattern", module: "_sre", methods: &[] };

struct CompiledPattern {
    program: compile::Program,
    groups: usize,
    /// A bytes pattern, which matches bytes only.
    bytes: bool,
}

/// What the matcher reads: the bytes of an ASCII text or of a bytes object (one char per
/// byte, as Latin-1), or the chars of any other text.
enum Chars<'a> {
    Narrow(&'a [u8]),
    Wide(Arc<[char]>),
}

thread_local! {
    /// The non-ASCII text matched last, and its chars: `findall` and `sub` go over one text
    /// match after match, and would otherwise decode it at each.
    static LAST_TEXT: RefCell<Option<(Text, Arc<[char]>)>> = const { RefCell::new(None) };
}

fn wide_chars(text: &Text) -> Arc<[char]> {
    LAST_TEXT.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((held, chars)) = &*last {
            if Text::ptr_eq(held, text) {
                return chars.clone();
            }
        }
        let chars: Arc<[char]> = text.chars().collect::<Vec<_>>().into();
        *last = Some((text.clone(), chars.clone()));
        chars
    })
}

/// `compile(pattern, flags, error)`: `(handle, groups, ((name, index), ...), flags)`, or
/// `error(message, pattern, pos)` raised.
fn sre_compile(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let [pattern, flags, error_class] = <[Value; 3]>::try_from(args)
        .map_err(|_| thread.exception("TypeError", "compile() takes 3 arguments"))?;
    let flags = int_arg(thread, &flags)? as u32;
    let bytes = matches!(pattern, Value::Bytes(_));
    let pattern = pattern.builtin_base().clone();
    let chars: Option<Vec<char>> = match &pattern {
        Value::Str(text) => Some(text.chars().collect()),
        Value::Bytes(bytes) => Some(bytes.iter().map(|&b| char::from(b)).collect()),
        _ => None,
    };
    let Some(chars) = chars else {
        return Err(
            thread.exception("TypeError", "first argument must be string or compiled pattern")
        );
    };
    let syntax = parse::Syntax { since_3_11: thread.interp.version >= PythonVersion::V3_11, bytes };
    let parsed = match parse::parse(&chars, flags, syntax) {
        Ok(parsed) => parsed,
        Err(error) if parse::is_overflow(&error) => {
            return Err(thread.exception("OverflowError", error.message));
        }
        Err(error) if parse::is_limit(&error) => {
            return Err(thread.exception("NotImplementedError", error.message));
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
        .map_err(|message| thread.exception("NotImplementedError", message))?;
    let names: Vec<Value> = parsed
        .names
        .iter()
        .map(|(name, index)| {
            Value::Tuple(Arc::new(vec![Value::str(name), Value::Int(*index as i64)]))
        })
        .collect();
    let handle =
        Native::new(&PATTERN_TYPE, CompiledPattern { program, groups: parsed.groups, bytes });
    Ok(Value::Tuple(Arc::new(vec![
        handle,
        Value::Int(parsed.groups as i64),
        Value::Tuple(Arc::new(names)),
        Value::Int(i64::from(parsed.flags)),
    ])))
}

/// A subject being matched: what the matcher reads, and the value to cut results from.
struct Subject<'a> {
    value: &'a Value,
    chars: Chars<'a>,
}

impl Subject<'_> {
    fn len(&self) -> usize {
        match &self.chars {
            Chars::Narrow(bytes) => bytes.len(),
            Chars::Wide(chars) => chars.len(),
        }
    }

    /// `subject[start:end]`, as a str or bytes like the subject.
    fn piece(&self, start: usize, end: usize) -> Value {
        match (self.value, &self.chars) {
            (Value::Bytes(bytes), _) => Value::Bytes(Arc::new(bytes[start..end].to_vec())),
            // An ASCII text's char positions are its byte offsets.
            (Value::Str(text), Chars::Narrow(_)) => Value::str(&text[start..end]),
            (_, Chars::Wide(chars)) => Value::str(&chars[start..end].iter().collect::<String>()),
            _ => Value::None,
        }
    }

    /// Group `group` of the match in `slots`, or `default` when it took no part.
    fn group(&self, slots: &[Option<usize>], group: usize, default: &Value) -> Value {
        match (slots[2 * group], slots[2 * group + 1]) {
            (Some(start), Some(end)) => self.piece(start, end),
            _ => default.clone(),
        }
    }
}

/// The subject `value`, checked against the pattern's type with CPython's messages.
fn subject<'a>(
    thread: &Thread,
    compiled: &CompiledPattern,
    value: &'a Value,
) -> Result<Subject<'a>, Value> {
    // A str or bytes subclass (a `str` enum's member) is matched as its text.
    let value = value.builtin_base();
    let chars =
        match value {
            Value::Str(text) if !compiled.bytes => {
                if text.is_ascii() {
                    Chars::Narrow(text.as_bytes())
                } else {
                    Chars::Wide(wide_chars(text))
                }
            }
            Value::Bytes(bytes) if compiled.bytes => Chars::Narrow(bytes),
            Value::Str(_) => {
                return Err(thread
                    .exception("TypeError", "cannot use a bytes pattern on a string-like object"));
            }
            Value::Bytes(_) => {
                return Err(thread
                    .exception("TypeError", "cannot use a string pattern on a bytes-like object"));
            }
            other => {
                let message = if thread.interp.version >= PythonVersion::V3_11 {
                    format!(
                        "expected string or bytes-like object, got '{}'",
                        crate::ops::type_name(other)
                    )
                } else {
                    "expected string or bytes-like object".to_string()
                };
                return Err(thread.exception("TypeError", message));
            }
        };
    Ok(Subject { value, chars })
}

fn int_arg(thread: &Thread, value: &Value) -> Result<i64, Value> {
    match value {
        Value::Int(n) => Ok(*n),
        Value::Bool(b) => Ok(i64::from(*b)),
        Value::BigInt(n) => {
            Ok(if num_traits::Signed::is_negative(&**n) { i64::MIN } else { i64::MAX })
        }
        _ => Err(thread.exception("TypeError", "an integer is required")),
    }
}

/// What every scan is given: `handle, string`, then `pos, endpos` for some.
struct Scan<'a> {
    compiled: &'a CompiledPattern,
    subject: Subject<'a>,
    pos: usize,
    endpos: usize,
}

fn scan_arguments<'a>(
    thread: &Thread,
    args: &'a [Value],
    positions: bool,
) -> Result<Scan<'a>, Value> {
    let Some(compiled) = args.first().and_then(|handle| handle.downcast::<CompiledPattern>())
    else {
        return Err(thread.exception("TypeError", "not a compiled pattern"));
    };
    let subject = subject(thread, compiled, args.get(1).unwrap_or(&Value::None))?;
    let len = subject.len() as i64;
    let position = |at: usize, default: i64| -> Result<usize, Value> {
        let n = match args.get(at) {
            Some(value) if positions => int_arg(thread, value)?,
            _ => default,
        };
        Ok(n.clamp(0, len) as usize)
    };
    let (pos, endpos) = (position(2, 0)?, position(3, len)?);
    Ok(Scan { compiled, subject, pos, endpos })
}

fn stop_check(thread: &Thread) -> impl Fn() -> bool {
    let breaker = thread.eval_breaker.clone();
    // Either stop: a kill must end a match whose thread swallowed the first stop.
    move || breaker.is_set(crate::EvalBreaker::STOP)
}

/// Runs `matcher` on, raising KeyboardInterrupt when the run was stopped meanwhile.
fn run_matcher<C: Copy + Into<char> + PartialEq>(
    thread: &mut Thread,
    matcher: &mut matcher::Matcher<C>,
    pos: usize,
    mode: matcher::Mode,
    must_advance: bool,
) -> Result<bool, Value> {
    match matcher.run(pos, mode, must_advance) {
        Ok(found) => Ok(found),
        Err(matcher::Stopped::Interrupted) => {
            thread.check_stop()?;
            Ok(false)
        }
    }
}

/// `(lastindex, start0, end0, start1, end1, ...)`, -1 for a group that took no part.
fn marks(slots: &[Option<usize>], last_index: Option<usize>) -> Value {
    let mut marks = Vec::with_capacity(slots.len() + 1);
    marks.push(last_index.map_or(Value::None, |i| Value::Int(i as i64)));
    for pair in slots.chunks(2) {
        let (start, end) = match (pair[0], pair[1]) {
            (Some(start), Some(end)) => (start as i64, end as i64),
            _ => (-1, -1),
        };
        marks.push(Value::Int(start));
        marks.push(Value::Int(end));
    }
    Value::Tuple(Arc::new(marks))
}

/// Runs `body` with a matcher over the scan's subject, whichever width its chars are.
macro_rules! with_matcher {
    ($thread:expr, $scan:expr, |$matcher:ident| $body:expr) => {{
        let stop = stop_check($thread);
        let (program, groups, end) = (&$scan.compiled.program, $scan.compiled.groups, $scan.endpos);
        match &$scan.subject.chars {
            Chars::Narrow(text) => {
                let mut $matcher = matcher::Matcher::new(program, groups, text, end, &stop);
                $body
            }
            Chars::Wide(text) => {
                let mut $matcher = matcher::Matcher::new(program, groups, text, end, &stop);
                $body
            }
        }
    }};
}

/// Each match a scan from `pos` finds, at most `limit` (0: all), as `_sre` scans: after an
/// empty match the next may not be empty at the same place. `each` gets each match's slots
/// and last index; returns where the scan stopped and whether its last match was empty.
fn each_match<C: Copy + Into<char> + PartialEq>(
    thread: &mut Thread,
    matcher: &mut matcher::Matcher<C>,
    mut pos: usize,
    mut must_advance: bool,
    limit: usize,
    mut each: impl FnMut(&[Option<usize>], Option<usize>),
) -> Result<(usize, bool), Value> {
    let mut found = 0;
    while limit == 0 || found < limit {
        if !run_matcher(thread, matcher, pos, matcher::Mode::Search, must_advance)? {
            break;
        }
        each(&matcher.slots, matcher.last_index);
        found += 1;
        let (start, end) = (matcher.slots[0].unwrap_or(0), matcher.slots[1].unwrap_or(0));
        must_advance = start == end;
        pos = end;
    }
    Ok((pos, must_advance))
}

fn flag(args: &[Value], at: usize) -> bool {
    matches!(args.get(at), Some(Value::Bool(true)))
}

/// `match(handle, string, pos, endpos, mode, must_advance)`, mode 0 for `match`, 1 for
/// `search`, 2 for `fullmatch`: `None`, or the match's marks (see [`marks`]).
fn sre_match(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let scan = scan_arguments(thread, &args, true)?;
    let mode = match args.get(4).map_or(Ok(0), |mode| int_arg(thread, mode))? {
        0 => matcher::Mode::Match,
        1 => matcher::Mode::Search,
        _ => matcher::Mode::FullMatch,
    };
    let must_advance = flag(&args, 5);
    with_matcher!(thread, scan, |matcher| {
        if !run_matcher(thread, &mut matcher, scan.pos, mode, must_advance)? {
            return Ok(Value::None);
        }
        Ok(marks(&matcher.slots, matcher.last_index))
    })
}

/// `scan(handle, string, pos, endpos, limit, must_advance)`: the marks of the next `limit`
/// matches (a batch of `finditer`), then where to go on and whether the last was empty.
fn sre_scan(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let scan = scan_arguments(thread, &args, true)?;
    let limit = args.get(4).map_or(Ok(0), |n| int_arg(thread, n))?.max(1) as usize;
    let mut found = Vec::new();
    let (pos, must_advance) = with_matcher!(thread, scan, |matcher| {
        each_match(thread, &mut matcher, scan.pos, flag(&args, 5), limit, |slots, last| {
            found.push(marks(slots, last))
        })?
    });
    Ok(Value::tuple(vec![
        crate::value::List::new(found),
        Value::Int(pos as i64),
        Value::Bool(must_advance),
    ]))
}

/// `findall(handle, string, pos, endpos)`: the whole matches, the one group's texts, or
/// tuples of the groups' texts ('' for a group that took no part).
fn sre_findall(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let scan = scan_arguments(thread, &args, true)?;
    let subject = &scan.subject;
    let empty = subject.piece(0, 0);
    let groups = scan.compiled.groups;
    let mut found = Vec::new();
    with_matcher!(thread, scan, |matcher| {
        each_match(thread, &mut matcher, scan.pos, false, 0, |slots, _| {
            found.push(match groups {
                0 => subject.group(slots, 0, &empty),
                1 => subject.group(slots, 1, &empty),
                _ => Value::tuple((1..=groups).map(|g| subject.group(slots, g, &empty)).collect()),
            })
        })?
    });
    Ok(crate::value::List::new(found))
}

/// `split(handle, string, maxsplit)`: the pieces between matches, each match's groups
/// (None for a group that took no part) between them.
fn sre_split(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let scan = scan_arguments(thread, &args, false)?;
    let limit = args.get(2).map_or(Ok(0), |n| int_arg(thread, n))?.max(0) as usize;
    let subject = &scan.subject;
    let mut pieces = Vec::new();
    let mut last = 0;
    with_matcher!(thread, scan, |matcher| {
        each_match(thread, &mut matcher, 0, false, limit, |slots, _| {
            let start = slots[0].unwrap_or(0);
            pieces.push(subject.piece(last, start));
            pieces
                .extend((1..=scan.compiled.groups).map(|g| subject.group(slots, g, &Value::None)));
            last = slots[1].unwrap_or(start);
        })?
    });
    pieces.push(subject.piece(last, subject.len()));
    Ok(crate::value::List::new(pieces))
}

/// `sub(handle, string, template, count)`: the string with each match replaced by the
/// template, a list of literals (of the subject's type) and group numbers; then how many.
fn sre_sub(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let scan = scan_arguments(thread, &args, false)?;
    let template: Vec<Value> = match args.get(2) {
        Some(Value::List(list)) => crate::value::lock(&list.items).clone(),
        _ => return Err(thread.exception("TypeError", "the template must be a list")),
    };
    let limit = args.get(3).map_or(Ok(0), |n| int_arg(thread, n))?.max(0) as usize;
    let subject = &scan.subject;
    let mut text = String::new();
    let mut data: Vec<u8> = Vec::new();
    let mut push = |piece: &Value| match piece {
        Value::Str(s) => text.push_str(s),
        Value::Bytes(b) => data.extend_from_slice(b),
        _ => {}
    };
    let mut last = 0;
    let mut count = 0;
    with_matcher!(thread, scan, |matcher| {
        each_match(thread, &mut matcher, 0, false, limit, |slots, _| {
            let start = slots[0].unwrap_or(0);
            push(&subject.piece(last, start));
            for item in &template {
                match item {
                    // Numbers are checked against the pattern's groups by `re.py`.
                    Value::Int(group) if (0..=scan.compiled.groups as i64).contains(group) => {
                        push(&subject.group(slots, *group as usize, &Value::None))
                    }
                    Value::Int(_) => {}
                    literal => push(literal),
                }
            }
            last = slots[1].unwrap_or(start);
            count += 1;
        })?
    });
    push(&subject.piece(last, subject.len()));
    let result = if scan.compiled.bytes { Value::Bytes(Arc::new(data)) } else { Value::str(&text) };
    Ok(Value::tuple(vec![result, Value::Int(count)]))
}
