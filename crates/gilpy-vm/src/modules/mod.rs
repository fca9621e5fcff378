//! The native modules: `sys`, `time`, `math`, `os` (what the host tells), and the underscore building blocks that modules
//! written in Python stand on (`random.rs`: `_random`).

pub mod deque;
pub mod hashlib;
pub mod heapq;
pub mod io;
pub mod itertools;
pub mod json;
pub mod pickle;
pub mod random;
pub mod structs;

use crate::text::Text;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use num_bigint::{BigInt, Sign};

use crate::builtins::builtin_function as builtin;
use crate::ops::{as_float, type_name};
use crate::value::{lock, Dict, Key, List, Module, Value};
use crate::vm::{CallResult, Thread};

type Args = Vec<Value>;
type Kwargs = Vec<(Text, Value)>;

pub fn sys(thread: &Thread) -> Vec<(&'static str, Value)> {
    let interp = &thread.interp;
    let (major, minor, micro) = interp.version.version_info();
    let stdout = stream("sys.stdout", "<stdout>", stdout_write);
    let stderr = stream("sys.stderr", "<stderr>", stderr_write);
    let mut entries = vec![
        ("argv", List::new(interp.argv.iter().map(|a| Value::str(a)).collect())),
        (
            // Made a named tuple by `stdlib/sys.py`.
            "_version_tuple",
            Value::tuple(vec![
                Value::Int(major as i64),
                Value::Int(minor as i64),
                Value::Int(micro as i64),
                Value::str("final"),
                Value::Int(0),
            ]),
        ),
        ("version", Value::str(&format!("{major}.{minor}.{micro} (gilpy)"))),
        ("maxsize", Value::Int(i64::MAX)),
        ("platform", Value::str(platform())),
        ("exit", builtin("exit", sys_exit)),
        ("exc_info", builtin("exc_info", sys_exc_info)),
        ("_getframemodulename", builtin("_getframemodulename", sys_getframemodulename)),
        ("getrecursionlimit", builtin("getrecursionlimit", sys_getrecursionlimit)),
        ("setrecursionlimit", builtin("setrecursionlimit", sys_setrecursionlimit)),
        ("getswitchinterval", builtin("getswitchinterval", sys_getswitchinterval)),
        ("setswitchinterval", builtin("setswitchinterval", sys_setswitchinterval)),
        ("get_int_max_str_digits", builtin("get_int_max_str_digits", sys_get_int_max_str_digits)),
        ("set_int_max_str_digits", builtin("set_int_max_str_digits", sys_set_int_max_str_digits)),
        // Stand-ins that `print(..., file=sys.stderr)` recognises, with `write` and `flush`.
        ("stdout", stdout.clone()),
        ("stderr", stderr.clone()),
        // What `sys.stdout` was at start, to put back after replacing it.
        ("__stdout__", stdout),
        ("__stderr__", stderr),
    ];
    if interp.version >= crate::version::PythonVersion::V3_11 {
        entries.push(("exception", builtin("exception", sys_exception)));
    }
    if interp.version.has_is_gil_enabled() {
        entries.push(("_is_gil_enabled", builtin("_is_gil_enabled", sys_is_gil_enabled)));
    }
    entries
}

/// A stand-in stream; `file_name` is its `name` as CPython's (`<stdout>`), which a logging
/// handler's repr shows.
fn stream(name: &str, file_name: &str, write: crate::value::BuiltinFn) -> Value {
    let entries = [
        ("write", builtin("write", write)),
        ("flush", builtin("flush", stream_flush)),
        ("name", Value::str(file_name)),
    ]
    .into_iter()
    .map(|(name, value)| (Key(Value::str(name)), value))
    .collect();
    Value::Module(Arc::new(Module {
        name: Text::from(name),
        dict: Arc::new(Dict { entries: crate::value::Entries::new(entries) }),
    }))
}

/// `sys.stdout.write(text)`: writes it as `print` would, and returns its length.
fn stdout_write(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let text = stream_text(thread, &args)?;
    thread.interp.host.write_stdout(&text);
    Ok(Value::Int(text.chars().count() as i64))
}

fn stderr_write(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let text = stream_text(thread, &args)?;
    thread.interp.host.write_stderr(&text);
    Ok(Value::Int(text.chars().count() as i64))
}

fn stream_text(thread: &mut Thread, args: &Args) -> Result<Text, Value> {
    match args.as_slice() {
        [Value::Str(text)] => Ok(text.clone()),
        [other] => Err(thread.exception(
            "TypeError",
            format!("write() argument must be str, not {}", type_name(other)),
        )),
        _ => Err(thread.exception(
            "TypeError",
            format!("write() takes exactly one argument ({} given)", args.len()),
        )),
    }
}

/// `sys.stdout.flush()` (and stderr's, which is never held back).
fn stream_flush(thread: &mut Thread, _: Args, _: Kwargs) -> CallResult {
    thread.interp.host.flush_stdout();
    Ok(Value::None)
}

/// `sys.exc_info()`: the type, value and traceback of the exception being handled.
fn sys_exc_info(thread: &mut Thread, _: Args, _: Kwargs) -> CallResult {
    Ok(match thread.handled_exception() {
        Some(exception) => {
            let kind = crate::builtins::type_of(thread, vec![exception.clone()], vec![])?;
            let traceback = crate::builtins::get_attribute(thread, &exception, "__traceback__")?;
            Value::tuple(vec![kind, exception, traceback])
        }
        None => Value::tuple(vec![Value::None, Value::None, Value::None]),
    })
}

/// `sys.exception()` (3.11+): the exception being handled, or None.
fn sys_exception(thread: &mut Thread, _: Args, _: Kwargs) -> CallResult {
    Ok(thread.handled_exception().unwrap_or(Value::None))
}

/// `_traceback.format(exc)`: the report CPython prints for `exc` uncaught.
fn traceback_format(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let exception = args.first().cloned().unwrap_or(Value::None);
    Ok(Value::str(&crate::traceback::format_traceback_as_module(thread, &exception)))
}

/// `_traceback.format_unraisable(message, object, exc)`: the report CPython's default
/// `sys.unraisablehook` prints (see [`crate::traceback::format_unraisable`]).
fn traceback_format_unraisable(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let [Value::Str(message), object, exception] = &args[..] else {
        return Err(thread.exception("TypeError", "format_unraisable(message, object, exc)"));
    };
    let object = thread.repr_of(object)?;
    let report = crate::traceback::format_unraisable(thread, Some(message), &object, exception);
    Ok(Value::str(&report))
}

/// `_traceback.last_line(exc)`: its `Type: message` line.
fn traceback_last_line(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let exception = args.first().cloned().unwrap_or(Value::None);
    Ok(Value::str(&crate::traceback::last_line(thread, &exception, false)))
}

/// `_traceback.frame(depth=0)`: `(filename, lineno, name)` of the caller `depth` frames up,
/// or None past the outermost: what `logging` needs of CPython's `sys._getframe` to find the
/// line that logged.
fn traceback_frame(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let depth = depth_argument(thread, &args)?;
    Ok(match thread.frame_at(depth) {
        Some((filename, line, name)) => {
            Value::tuple(vec![Value::Str(filename), Value::Int(line as i64), Value::Str(name)])
        }
        None => Value::None,
    })
}

/// `_traceback.stack(depth=0)`: the frames from the outermost to the caller `depth` frames up,
/// one text each as `traceback.format_stack` gives them.
fn traceback_stack(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let depth = depth_argument(thread, &args)?;
    let entries = thread.stack_entries(depth);
    let texts =
        entries.iter().map(|entry| Value::str(&crate::traceback::format_entry(thread, entry)));
    Ok(List::new(texts.collect()))
}

/// `_traceback`: what `stdlib/traceback.py` (and `logging`) need of the VM.
pub fn traceback() -> Vec<(&'static str, Value)> {
    vec![
        ("format", builtin("format", traceback_format)),
        ("format_unraisable", builtin("format_unraisable", traceback_format_unraisable)),
        ("last_line", builtin("last_line", traceback_last_line)),
        ("copy_frames", builtin("copy_frames", traceback_copy_frames)),
        ("frame", builtin("frame", traceback_frame)),
        ("stack", builtin("stack", traceback_stack)),
    ]
}

/// `copy_frames(source, target)`: gives `target` the frames `source` has passed through, as
/// an exception group's split parts share the group's `__traceback__` in CPython.
fn traceback_copy_frames(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    if let [Value::Instance(source), Value::Instance(target)] = &args[..] {
        if !Arc::ptr_eq(source, target) {
            let frames = lock(&source.traceback).clone();
            *lock(&target.traceback) = frames;
        }
    }
    Ok(Value::None)
}

/// The optional `depth` (frames up from the caller) that `sys._getframemodulename` and the
/// `_traceback` frame functions take.
fn depth_argument(thread: &Thread, args: &Args) -> Result<usize, Value> {
    match args.first() {
        None => Ok(0),
        Some(Value::Int(depth)) if *depth >= 0 => Ok(*depth as usize),
        Some(_) => Err(thread.exception("ValueError", "depth must be a non-negative int")),
    }
}

fn sys_exit(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Err(thread.interp.new_exception("SystemExit", args.into_iter().take(1).collect()))
}

/// `sys._getframemodulename(depth=0)`: the module of the caller `depth` frames up.
fn sys_getframemodulename(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let depth = depth_argument(thread, &args)?;
    Ok(thread.frame_module(depth).unwrap_or(Value::None))
}

fn sys_getrecursionlimit(thread: &mut Thread, _: Args, _: Kwargs) -> CallResult {
    Ok(Value::Int(thread.interp.recursion_limit() as i64))
}

fn sys_setrecursionlimit(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    match args.first() {
        Some(Value::Int(limit)) if *limit >= 1 => {
            thread.interp.set_recursion_limit(*limit as usize);
            Ok(Value::None)
        }
        Some(Value::Int(_)) => {
            Err(thread.exception("ValueError", "recursion limit must be greater or equal than 1"))
        }
        _ => Err(thread.exception("TypeError", "'setrecursionlimit' requires an integer")),
    }
}

/// `sys.platform`: the host's, in CPython's names; in the browser "emscripten", as Pyodide's.
fn platform() -> &'static str {
    match std::env::consts::OS {
        "linux" => "linux",
        "macos" => "darwin",
        "windows" => "win32",
        _ => "emscripten",
    }
}

fn sys_get_int_max_str_digits(thread: &mut Thread, _: Args, _: Kwargs) -> CallResult {
    Ok(Value::Int(thread.interp.int_max_str_digits.load(Ordering::Relaxed) as i64))
}

fn sys_set_int_max_str_digits(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let digits =
        args.first().or_else(|| kwargs.iter().find(|(k, _)| &**k == "maxdigits").map(|(_, v)| v));
    match digits {
        Some(Value::Int(digits)) if *digits == 0 || *digits >= 640 => {
            thread.interp.int_max_str_digits.store(*digits as usize, Ordering::Relaxed);
            Ok(Value::None)
        }
        Some(Value::Int(_) | Value::BigInt(_)) => {
            Err(thread.exception("ValueError", "maxdigits must be 0 or larger than 640"))
        }
        _ => Err(thread.exception("TypeError", "'maxdigits' must be an integer")),
    }
}

fn sys_getswitchinterval(thread: &mut Thread, _: Args, _: Kwargs) -> CallResult {
    Ok(Value::Float(thread.interp.switch_interval_us() as f64 / 1e6))
}

fn sys_setswitchinterval(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    match args.first().and_then(as_float) {
        Some(seconds) if seconds > 0.0 => {
            thread.interp.set_switch_interval_us((seconds * 1e6).round().max(1.0) as u64);
            Ok(Value::None)
        }
        Some(_) => Err(thread.exception("ValueError", "switch interval must be strictly positive")),
        None => Err(thread.exception("TypeError", "must be real number")),
    }
}

fn sys_is_gil_enabled(thread: &mut Thread, _: Args, _: Kwargs) -> CallResult {
    Ok(Value::Bool(thread.interp.version.has_gil()))
}

/// `_asyncio`: what `asyncio.py` cannot ask in Python.
pub fn asyncio() -> Vec<(&'static str, Value)> {
    vec![
        ("iscoroutine", builtin("iscoroutine", asyncio_iscoroutine)),
        ("iscoroutinefunction", builtin("iscoroutinefunction", asyncio_iscoroutinefunction)),
        ("asyncgen_unwrap", builtin("asyncgen_unwrap", asyncio_asyncgen_unwrap)),
        ("coroutine_origin", builtin("coroutine_origin", asyncio_coroutine_origin)),
        ("coroutine_line", builtin("coroutine_line", asyncio_coroutine_line)),
    ]
}

/// The line a suspended coroutine waits at, for a pending task's repr (CPython's `running
/// at FILE:LINE`); None otherwise.
fn asyncio_coroutine_line(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(match args.first() {
        Some(Value::Generator(generator)) => {
            generator.suspended_line().map_or(Value::None, |line| Value::Int(line.into()))
        }
        _ => Value::None,
    })
}

/// `(filename, first line)` of a coroutine not yet finished, for a task's repr (CPython's
/// `defined at FILE:LINE`); None otherwise.
fn asyncio_coroutine_origin(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(match args.first() {
        Some(Value::Generator(generator)) => match generator.origin() {
            Some((file, line)) => Value::tuple(vec![Value::Str(file), Value::Int(line as i64)]),
            None => Value::None,
        },
        _ => Value::None,
    })
}

/// `(True, value)` for what an async generator's `yield` handed out, `(False, None)` for
/// anything else (what its `await`s pass up to the event loop).
fn asyncio_asyncgen_unwrap(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let unwrapped = match args.first() {
        Some(Value::Native(native)) if std::ptr::eq(native.kind, &crate::vm::ASYNC_GEN_WRAPPED) => {
            native.data.downcast_ref::<Value>().cloned()
        }
        _ => None,
    };
    Ok(Value::Tuple(Arc::new(match unwrapped {
        Some(value) => vec![Value::Bool(true), value],
        None => vec![Value::Bool(false), Value::None],
    })))
}

/// Whether calling the object makes a coroutine: an `async def` function, or a method of one.
fn asyncio_iscoroutinefunction(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let function = match args.first() {
        Some(Value::Method(method)) => method.function.clone(),
        Some(other) => other.clone(),
        None => Value::None,
    };
    Ok(Value::Bool(matches!(function, Value::Function(f) if f.code.is_coroutine)))
}

fn asyncio_iscoroutine(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(Value::Bool(matches!(args.first(), Some(Value::Generator(g)) if g.is_coroutine)))
}

pub fn time() -> Vec<(&'static str, Value)> {
    vec![
        ("perf_counter", builtin("perf_counter", time_perf_counter)),
        ("perf_counter_ns", builtin("perf_counter_ns", time_perf_counter_ns)),
        ("monotonic", builtin("monotonic", time_perf_counter)),
        ("monotonic_ns", builtin("monotonic_ns", time_perf_counter_ns)),
        ("process_time", builtin("process_time", time_perf_counter)),
        ("process_time_ns", builtin("process_time_ns", time_perf_counter_ns)),
        ("thread_time", builtin("thread_time", time_perf_counter)),
        ("thread_time_ns", builtin("thread_time_ns", time_perf_counter_ns)),
        ("time", builtin("time", time_time)),
        ("time_ns", builtin("time_ns", time_time_ns)),
        ("sleep", builtin("sleep", time_sleep)),
    ]
}

fn time_perf_counter(thread: &mut Thread, _: Args, _: Kwargs) -> CallResult {
    Ok(Value::Float(thread.interp.host.monotonic_ns() as f64 / 1e9))
}

fn time_perf_counter_ns(thread: &mut Thread, _: Args, _: Kwargs) -> CallResult {
    Ok(Value::Int(thread.interp.host.monotonic_ns() as i64))
}

fn time_time(thread: &mut Thread, _: Args, _: Kwargs) -> CallResult {
    Ok(Value::Float(thread.interp.host.wall_time()))
}

fn time_time_ns(thread: &mut Thread, _: Args, _: Kwargs) -> CallResult {
    Ok(Value::Int((thread.interp.host.wall_time() * 1e9) as i64))
}

fn time_sleep(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    match args.first().and_then(as_float) {
        Some(seconds) if seconds >= 0.0 => {
            crate::threads::sleep(thread, seconds)?;
            Ok(Value::None)
        }
        Some(_) => Err(thread.exception("ValueError", "sleep length must be non-negative")),
        None => Err(thread.exception(
            "TypeError",
            format!(
                "'{}' object cannot be interpreted as an integer",
                args.first().map_or("NoneType".into(), type_name)
            ),
        )),
    }
}

pub fn math(thread: &Thread) -> Vec<(&'static str, Value)> {
    let mut entries = vec![
        ("pi", Value::Float(std::f64::consts::PI)),
        ("e", Value::Float(std::f64::consts::E)),
        ("tau", Value::Float(std::f64::consts::TAU)),
        ("inf", Value::Float(f64::INFINITY)),
        ("nan", Value::Float(f64::NAN)),
        ("sqrt", builtin("sqrt", math_sqrt)),
        ("isnan", builtin("isnan", math_isnan)),
        ("trunc", builtin("trunc", math_trunc)),
        ("isinf", builtin("isinf", math_isinf)),
        ("isfinite", builtin("isfinite", math_isfinite)),
        ("floor", builtin("floor", math_floor)),
        ("ceil", builtin("ceil", math_ceil)),
        ("fabs", builtin("fabs", math_fabs)),
        ("log", builtin("log", math_log)),
        ("exp", builtin("exp", math_exp)),
        ("sin", builtin("sin", math_sin)),
        ("cos", builtin("cos", math_cos)),
        ("isqrt", builtin("isqrt", math_isqrt)),
        ("gcd", builtin("gcd", math_gcd)),
        ("factorial", builtin("factorial", math_factorial)),
        ("fsum", builtin("fsum", math_fsum)),
        ("hypot", builtin("hypot", math_hypot)),
        ("dist", builtin("dist", math_dist)),
        ("lcm", builtin("lcm", math_lcm)),
        ("comb", builtin("comb", math_comb)),
        ("perm", builtin("perm", math_perm)),
        ("prod", builtin("prod", math_prod)),
        ("log10", builtin("log10", math_log10)),
        ("log2", builtin("log2", math_log2)),
        ("tan", builtin("tan", math_tan)),
        ("asin", builtin("asin", math_asin)),
        ("acos", builtin("acos", math_acos)),
        ("atan", builtin("atan", math_atan)),
        ("atan2", builtin("atan2", math_atan2)),
        ("sinh", builtin("sinh", math_sinh)),
        ("cosh", builtin("cosh", math_cosh)),
        ("tanh", builtin("tanh", math_tanh)),
        ("degrees", builtin("degrees", math_degrees)),
        ("radians", builtin("radians", math_radians)),
        ("pow", builtin("pow", math_pow)),
        ("fmod", builtin("fmod", math_fmod)),
        ("copysign", builtin("copysign", math_copysign)),
        ("modf", builtin("modf", math_modf)),
        ("frexp", builtin("frexp", math_frexp)),
        ("ldexp", builtin("ldexp", math_ldexp)),
        ("isclose", builtin("isclose", math_isclose)),
        ("log1p", builtin("log1p", math_log1p)),
        ("expm1", builtin("expm1", math_expm1)),
        ("asinh", builtin("asinh", math_asinh)),
        ("acosh", builtin("acosh", math_acosh)),
        ("atanh", builtin("atanh", math_atanh)),
    ];
    if thread.interp.version >= crate::version::PythonVersion::V3_11 {
        entries.push(("cbrt", builtin("cbrt", math_cbrt)));
        entries.push(("exp2", builtin("exp2", math_exp2)));
    }
    entries
}

/// The float arguments of a math function that takes exactly `N`.
fn float_args<const N: usize>(thread: &Thread, args: &Args, name: &str) -> Result<[f64; N], Value> {
    if args.len() != N {
        return Err(thread.exception(
            "TypeError",
            format!(
                "{name} expected {N} argument{}, got {}",
                if N == 1 { "" } else { "s" },
                args.len()
            ),
        ));
    }
    let mut floats = [0.0; N];
    for (slot, arg) in floats.iter_mut().zip(args) {
        *slot = float_arg(thread, std::slice::from_ref(arg))?;
    }
    Ok(floats)
}

/// A float function of one float, with CPython's "math domain error" outside `domain`.
fn unary(
    thread: &Thread,
    args: &Args,
    name: &str,
    f: fn(f64) -> f64,
    domain: fn(f64) -> bool,
) -> CallResult {
    let [x] = float_args(thread, args, name)?;
    if !domain(x) {
        return Err(thread.exception("ValueError", "math domain error"));
    }
    overflow_checked(thread, name, x, f(x))
}

/// CPython's `math_1` for the functions that may overflow: an infinite result of a finite
/// argument is OverflowError (`math.exp(1000)`), not inf.
fn overflow_checked(thread: &Thread, name: &str, x: f64, result: f64) -> CallResult {
    let may_overflow = matches!(name, "exp" | "exp2" | "expm1" | "sinh" | "cosh");
    if may_overflow && result.is_infinite() && x.is_finite() {
        return Err(thread.exception("OverflowError", "math range error"));
    }
    Ok(Value::Float(result))
}

fn anywhere(_: f64) -> bool {
    true
}

fn positive(x: f64) -> bool {
    x > 0.0 || x.is_nan()
}

fn unit_interval(x: f64) -> bool {
    (-1.0..=1.0).contains(&x) || x.is_nan()
}

/// Each a `BuiltinFn` (a plain fn pointer) over [`unary`].
macro_rules! unary_math {
    ($($function:ident: $name:literal, $f:path, $domain:path;)*) => {$(
        fn $function(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
            unary(thread, &args, $name, $f, $domain)
        }
    )*};
}

unary_math! {
    math_log10: "log10", f64::log10, positive;
    math_log2: "log2", f64::log2, positive;
    math_tan: "tan", f64::tan, f64::is_finite;
    math_asin: "asin", f64::asin, unit_interval;
    math_acos: "acos", f64::acos, unit_interval;
    math_atan: "atan", f64::atan, anywhere;
    math_sinh: "sinh", f64::sinh, anywhere;
    math_cosh: "cosh", f64::cosh, anywhere;
    math_tanh: "tanh", f64::tanh, anywhere;
    math_degrees: "degrees", f64::to_degrees, anywhere;
    math_radians: "radians", f64::to_radians, anywhere;
    math_log1p: "log1p", f64::ln_1p, above_minus_one;
    math_expm1: "expm1", f64::exp_m1, anywhere;
    math_asinh: "asinh", f64::asinh, anywhere;
    math_acosh: "acosh", f64::acosh, at_least_one;
    math_atanh: "atanh", f64::atanh, open_unit_interval;
    math_cbrt: "cbrt", f64::cbrt, anywhere;
    math_exp2: "exp2", f64::exp2, anywhere;
}

fn above_minus_one(x: f64) -> bool {
    x > -1.0 || x.is_nan()
}

fn at_least_one(x: f64) -> bool {
    x >= 1.0 || x.is_nan()
}

fn open_unit_interval(x: f64) -> bool {
    (x > -1.0 && x < 1.0) || x.is_nan()
}

fn math_atan2(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let [y, x] = float_args(thread, &args, "atan2")?;
    Ok(Value::Float(y.atan2(x)))
}

fn math_copysign(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let [x, y] = float_args(thread, &args, "copysign")?;
    Ok(Value::Float(x.copysign(y)))
}

fn math_pow(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let [x, y] = float_args(thread, &args, "pow")?;
    let result = x.powf(y);
    if result.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(thread.exception("ValueError", "math domain error"));
    }
    if result.is_infinite() && x.is_finite() && y.is_finite() {
        if x == 0.0 {
            return Err(thread.exception("ValueError", "math domain error"));
        }
        return Err(thread.exception("OverflowError", "math range error"));
    }
    Ok(Value::Float(result))
}

fn math_fmod(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let [x, y] = float_args(thread, &args, "fmod")?;
    if y == 0.0 || x.is_infinite() {
        return Err(thread.exception("ValueError", "math domain error"));
    }
    // Rust's `%` on floats is C's fmod: the result has the sign of x.
    Ok(Value::Float(x % y))
}

/// `(fractional part, integer part)`, both with the sign of x.
fn math_modf(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let [x] = float_args(thread, &args, "modf")?;
    let whole = x.trunc();
    let fraction = if x.is_infinite() { 0.0f64.copysign(x) } else { (x - whole).copysign(x) };
    Ok(Value::tuple(vec![Value::Float(fraction), Value::Float(whole)]))
}

/// `(m, e)` with `x == m * 2**e` and `0.5 <= abs(m) < 1` (C's frexp).
fn math_frexp(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let [x] = float_args(thread, &args, "frexp")?;
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::tuple(vec![Value::Float(x), Value::Int(0)]));
    }
    let mut exponent = x.abs().log2().floor() as i64 + 1;
    let mut mantissa = x / 2f64.powi(exponent as i32);
    // log2 can be off by one at the edges; settle into [0.5, 1).
    while mantissa.abs() >= 1.0 {
        mantissa /= 2.0;
        exponent += 1;
    }
    while mantissa.abs() < 0.5 {
        mantissa *= 2.0;
        exponent -= 1;
    }
    Ok(Value::tuple(vec![Value::Float(mantissa), Value::Int(exponent)]))
}

fn math_ldexp(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let [x] = float_args(thread, &args.iter().take(1).cloned().collect(), "ldexp")?;
    let exponent = crate::builtins::int_arg(thread, args.get(1).unwrap_or(&Value::Int(0)))?;
    let result = x * 2f64.powi(exponent.clamp(-2_000, 2_000) as i32);
    if result.is_infinite() && x.is_finite() {
        return Err(thread.exception("OverflowError", "math range error"));
    }
    Ok(Value::Float(result))
}

/// The floats of an iterable of coordinates.
fn coordinates(thread: &mut Thread, iterable: &Value) -> Result<Vec<f64>, Value> {
    crate::builtins::collect(thread, iterable)?
        .iter()
        .map(|value| float_arg(thread, std::slice::from_ref(value)))
        .collect()
}

fn math_hypot(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let coords: Vec<f64> = args
        .iter()
        .map(|value| float_arg(thread, std::slice::from_ref(value)))
        .collect::<Result<_, _>>()?;
    Ok(Value::Float(coords.iter().map(|c| c * c).sum::<f64>().sqrt()))
}

fn math_dist(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let (Some(p), Some(q)) = (args.first(), args.get(1)) else {
        return Err(thread.exception("TypeError", "dist expected 2 arguments"));
    };
    let (p, q) = (coordinates(thread, p)?, coordinates(thread, q)?);
    if p.len() != q.len() {
        return Err(
            thread.exception("ValueError", "both points must have the same number of dimensions")
        );
    }
    Ok(Value::Float(p.iter().zip(&q).map(|(a, b)| (a - b) * (a - b)).sum::<f64>().sqrt()))
}

/// The int arguments, as big ints.
fn int_args(thread: &Thread, args: &Args) -> Result<Vec<BigInt>, Value> {
    args.iter()
        .map(|arg| {
            big_int_arg(arg).ok_or_else(|| {
                thread.exception(
                    "TypeError",
                    format!("'{}' object cannot be interpreted as an integer", type_name(arg)),
                )
            })
        })
        .collect()
}

fn math_lcm(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let mut result = BigInt::from(1);
    for n in int_args(thread, &args)? {
        result = num_integer::Integer::lcm(&result, &n);
    }
    Ok(crate::ops::normalize(result))
}

/// `n! / (n - k)!`, the product of the k numbers from n down.
fn falling_product(n: &BigInt, k: &BigInt) -> BigInt {
    let mut product = BigInt::from(1);
    let mut factor = n.clone();
    let mut left = k.clone();
    while left > BigInt::from(0) {
        product *= &factor;
        factor -= 1;
        left -= 1;
    }
    product
}

/// `comb`/`perm` arguments: non-negative ints, and k > n gives 0.
fn choose_args(thread: &Thread, args: &Args) -> Result<Option<(BigInt, BigInt)>, Value> {
    let ints = int_args(thread, args)?;
    let n = ints.first().cloned().unwrap_or_default();
    let k = ints.get(1).cloned().unwrap_or_else(|| n.clone());
    if n.sign() == Sign::Minus || k.sign() == Sign::Minus {
        let which = if n.sign() == Sign::Minus { "n" } else { "k" };
        return Err(
            thread.exception("ValueError", format!("{which} must be a non-negative integer"))
        );
    }
    Ok((k <= n).then_some((n, k)))
}

fn math_perm(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let args: Args = args.into_iter().filter(|arg| !arg.is_none()).collect();
    Ok(match choose_args(thread, &args)? {
        Some((n, k)) => crate::ops::normalize(falling_product(&n, &k)),
        None => Value::Int(0),
    })
}

fn math_comb(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(match choose_args(thread, &args)? {
        Some((n, k)) => {
            let k = std::cmp::min(k.clone(), &n - &k);
            crate::ops::normalize(falling_product(&n, &k) / falling_product(&k, &k))
        }
        None => Value::Int(0),
    })
}

/// `math.prod(iterable, *, start=1)`: the items multiplied as `*` multiplies them.
fn math_prod(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let start = kwargs.iter().find(|(k, _)| &**k == "start").map(|(_, v)| v.clone());
    let mut product = start.unwrap_or(Value::Int(1));
    for item in crate::builtins::collect(thread, args.first().unwrap_or(&Value::None))? {
        product = thread.binary(crate::code::BinaryOp::Mul, product, item, false)?;
    }
    Ok(product)
}

/// `math.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`.
fn math_isclose(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let [a, b] = float_args(thread, &args, "isclose")?;
    let mut tolerances = (1e-9, 0.0);
    for (name, value) in &kwargs {
        let value = float_arg(thread, std::slice::from_ref(value))?;
        match &**name {
            "rel_tol" => tolerances.0 = value,
            "abs_tol" => tolerances.1 = value,
            other => {
                return Err(thread.exception(
                    "TypeError",
                    format!("isclose() got an unexpected keyword argument '{other}'"),
                ))
            }
        }
    }
    let (relative, absolute) = tolerances;
    if relative < 0.0 || absolute < 0.0 {
        return Err(thread.exception("ValueError", "tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let difference = (b - a).abs();
    Ok(Value::Bool(
        difference <= (relative * b).abs()
            || difference <= (relative * a).abs()
            || difference <= absolute,
    ))
}

fn float_arg(thread: &Thread, args: &[Value]) -> Result<f64, Value> {
    // An int past the float range is CPython's OverflowError, not inf.
    if let Some(Value::BigInt(_)) = args.first() {
        if as_float(&args[0]).is_none_or(f64::is_infinite) {
            return Err(thread.exception("OverflowError", "int too large to convert to float"));
        }
    }
    args.first().and_then(as_float).ok_or_else(|| {
        thread.exception(
            "TypeError",
            format!(
                "must be real number, not {}",
                args.first().map_or("NoneType".into(), type_name)
            ),
        )
    })
}

fn math_trunc(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    integral(thread, &args, "__trunc__", f64::trunc)
}

fn math_isnan(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(Value::Bool(float_arg(thread, &args)?.is_nan()))
}

fn math_isinf(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(Value::Bool(float_arg(thread, &args)?.is_infinite()))
}

fn math_isfinite(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(Value::Bool(float_arg(thread, &args)?.is_finite()))
}

fn math_sqrt(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let x = float_arg(thread, &args)?;
    if x < 0.0 {
        return Err(thread.exception("ValueError", "math domain error"));
    }
    Ok(Value::Float(x.sqrt()))
}

/// `math.floor` and friends: ints as they are, objects by their special method, floats rounded.
fn integral(thread: &mut Thread, args: &Args, special: &str, round: fn(f64) -> f64) -> CallResult {
    match args.first() {
        Some(value @ (Value::Int(_) | Value::BigInt(_))) => Ok(value.clone()),
        Some(value) if thread.special_method(value, special).is_some() => {
            let method = thread.special_method(value, special).expect("checked");
            thread.call(&method, vec![], vec![])
        }
        _ => {
            let rounded = round(float_arg(thread, args)?);
            if !rounded.is_finite() {
                let (class, what) = if rounded.is_nan() {
                    ("ValueError", "NaN")
                } else {
                    ("OverflowError", "infinity")
                };
                return Err(
                    thread.exception(class, format!("cannot convert float {what} to integer"))
                );
            }
            Ok(crate::ops::normalize(BigInt::from(rounded as i128)))
        }
    }
}

fn math_floor(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    integral(thread, &args, "__floor__", f64::floor)
}

fn math_ceil(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    integral(thread, &args, "__ceil__", f64::ceil)
}

fn math_fabs(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(Value::Float(float_arg(thread, &args)?.abs()))
}

fn math_log(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let x = float_arg(thread, &args)?;
    if x <= 0.0 {
        return Err(thread.exception("ValueError", "math domain error"));
    }
    Ok(Value::Float(match args.get(1).and_then(as_float) {
        Some(base) => x.ln() / base.ln(),
        None => x.ln(),
    }))
}

fn math_exp(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let x = float_arg(thread, &args)?;
    overflow_checked(thread, "exp", x, x.exp())
}

fn math_sin(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(Value::Float(float_arg(thread, &args)?.sin()))
}

fn math_cos(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(Value::Float(float_arg(thread, &args)?.cos()))
}

/// An int argument of any size (bools count as ints).
fn big_int_arg(value: &Value) -> Option<BigInt> {
    match value {
        Value::Int(n) => Some(BigInt::from(*n)),
        Value::BigInt(n) => Some((**n).clone()),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        _ => None,
    }
}

fn math_isqrt(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    match args.first().and_then(big_int_arg) {
        Some(n) if n.sign() != Sign::Minus => {
            Ok(crate::ops::normalize(num_integer::Roots::sqrt(&n)))
        }
        Some(_) => Err(thread.exception("ValueError", "isqrt() argument must be nonnegative")),
        None => Err(thread.exception(
            "TypeError",
            format!(
                "'{}' object cannot be interpreted as an integer",
                args.first().map_or("NoneType".into(), type_name)
            ),
        )),
    }
}

fn math_gcd(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let mut result = BigInt::from(0);
    for arg in &args {
        let Some(n) = big_int_arg(arg) else {
            return Err(thread.exception(
                "TypeError",
                format!("'{}' object cannot be interpreted as an integer", type_name(arg)),
            ));
        };
        result = num_integer::Integer::gcd(&result, &n);
    }
    Ok(crate::ops::normalize(result))
}

/// `math.fsum(iterable)`: the correctly rounded sum, by Shewchuk's exact partial sums as
/// CPython keeps them.
fn math_fsum(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let items = crate::builtins::collect(thread, args.first().unwrap_or(&Value::None))?;
    let mut partials: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    for item in &items {
        let original = float_arg(thread, &vec![item.clone()])?;
        let mut x = original;
        let mut kept = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let high = x + y;
            let low = y - (high - x);
            if low != 0.0 {
                partials[kept] = low;
                kept += 1;
            }
            x = high;
        }
        partials.truncate(kept);
        if x != 0.0 {
            if !x.is_finite() {
                if original.is_finite() {
                    return Err(thread.exception("OverflowError", "intermediate overflow in fsum"));
                }
                if original.is_infinite() {
                    inf_sum += original;
                }
                special_sum += original;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(thread.exception("ValueError", "-inf + inf in fsum"));
        }
        return Ok(Value::Float(special_sum));
    }
    let mut high = 0.0;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        high = partials[n];
        let mut low = 0.0;
        while n > 0 {
            let x = high;
            n -= 1;
            let y = partials[n];
            high = x + y;
            low = y - (high - x);
            if low != 0.0 {
                break;
            }
        }
        // Round half-even when the rest of the partials says the tie is not exact.
        if n > 0 && ((low < 0.0 && partials[n - 1] < 0.0) || (low > 0.0 && partials[n - 1] > 0.0)) {
            let y = low * 2.0;
            let x = high + y;
            if y == x - high {
                high = x;
            }
        }
    }
    Ok(Value::Float(high))
}

fn math_factorial(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    match args.first() {
        Some(Value::Int(n)) if *n >= 0 => {
            let product = (1..=*n).fold(num_bigint::BigInt::from(1), |acc, k| acc * k);
            Ok(crate::ops::normalize(product))
        }
        Some(Value::Int(_)) => {
            Err(thread.exception("ValueError", "factorial() not defined for negative values"))
        }
        _ => Err(thread.exception("TypeError", "factorial() argument must be an integer")),
    }
}

/// `os`: what the host tells about the machine and the process. Paths and files are not there.
pub fn os(thread: &Thread) -> Vec<(&'static str, Value)> {
    let host = &thread.interp.host;
    let environ = host
        .environment()
        .into_iter()
        .map(|(key, value)| (Key(Value::str(&key)), Value::str(&value)))
        .collect();
    vec![
        ("name", Value::str("posix")),
        ("sep", Value::str("/")),
        ("linesep", Value::str("\n")),
        ("curdir", Value::str(".")),
        ("pardir", Value::str("..")),
        ("devnull", Value::str("/dev/null")),
        ("environ", Dict::new(environ)),
        ("cpu_count", builtin("cpu_count", os_cpu_count)),
        ("getpid", builtin("getpid", os_getpid)),
        ("getppid", builtin("getppid", os_getppid)),
        ("getenv", builtin("getenv", os_getenv)),
    ]
    .into_iter()
    .chain(io::os_functions())
    .collect()
}

fn os_cpu_count(thread: &mut Thread, _: Args, _: Kwargs) -> CallResult {
    Ok(thread.interp.host.cpu_count().map_or(Value::None, |n| Value::Int(n as i64)))
}

/// The host's process id, or a child process's own (processes here are interpreters).
fn os_getpid(thread: &mut Thread, _: Args, _: Kwargs) -> CallResult {
    Ok(Value::Int(crate::processes::visible_pid(&thread.interp).into()))
}

/// The parent's `os.getpid()` in a child process; the host's parent in the main one.
fn os_getppid(thread: &mut Thread, _: Args, _: Kwargs) -> CallResult {
    Ok(Value::Int(crate::processes::visible_parent_pid(&thread.interp).into()))
}

/// `os.getenv(key, default=None)`: from `os.environ`, as CPython reads it.
fn os_getenv(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let Some(Value::Str(key)) = args.first() else {
        return Err(thread.exception("TypeError", "str expected"));
    };
    let default = args
        .get(1)
        .or_else(|| kwargs.iter().find(|(k, _)| &**k == "default").map(|(_, v)| v))
        .cloned()
        .unwrap_or(Value::None);
    let os = crate::builtins::import(thread, "os")?;
    let environ = crate::builtins::get_attribute(thread, &os, "environ")?;
    Ok(match environ {
        Value::Dict(environ) => lock(&environ.entries).get(&Key(Value::Str(key.clone()))).cloned(),
        _ => None,
    }
    .unwrap_or(default))
}
