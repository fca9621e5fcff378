//! The native modules: `sys`, `time`, `math`, `os` (what the host tells), and the underscore building blocks that modules
//! written in Python stand on (`random.rs`: `_random`).

pub mod random;

use std::sync::Arc;

use num_bigint::{BigInt, Sign};

use crate::builtins::builtin_function as builtin;
use crate::ops::{as_float, type_name};
use crate::value::{lock, Dict, Key, List, Module, Value};
use crate::vm::{CallResult, Thread};

type Args = Vec<Value>;
type Kwargs = Vec<(Arc<str>, Value)>;

pub fn sys(thread: &Thread) -> Vec<(&'static str, Value)> {
    let interp = &thread.interp;
    let (major, minor, micro) = interp.version.version_info();
    let mut entries = vec![
        ("argv", List::new(interp.argv.iter().map(|a| Value::str(a)).collect())),
        (
            "version_info",
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
        ("exit", builtin("exit", sys_exit)),
        ("_getframemodulename", builtin("_getframemodulename", sys_getframemodulename)),
        ("getrecursionlimit", builtin("getrecursionlimit", sys_getrecursionlimit)),
        ("setrecursionlimit", builtin("setrecursionlimit", sys_setrecursionlimit)),
        ("getswitchinterval", builtin("getswitchinterval", sys_getswitchinterval)),
        ("setswitchinterval", builtin("setswitchinterval", sys_setswitchinterval)),
        // Stand-ins that `print(..., file=sys.stderr)` recognises, with `write` and `flush`.
        ("stdout", stream("sys.stdout", stdout_write)),
        ("stderr", stream("sys.stderr", stderr_write)),
    ];
    if interp.version.has_is_gil_enabled() {
        entries.push(("_is_gil_enabled", builtin("_is_gil_enabled", sys_is_gil_enabled)));
    }
    entries
}

fn stream(name: &str, write: crate::value::BuiltinFn) -> Value {
    let entries = [("write", builtin("write", write)), ("flush", builtin("flush", stream_flush))]
        .into_iter()
        .map(|(name, function)| (Key(Value::str(name)), function))
        .collect();
    Value::Module(Arc::new(Module {
        name: Arc::from(name),
        dict: Arc::new(Dict { entries: std::sync::Mutex::new(entries) }),
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

fn stream_text(thread: &mut Thread, args: &Args) -> Result<Arc<str>, Value> {
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

fn sys_exit(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Err(thread.interp.new_exception("SystemExit", args.into_iter().take(1).collect()))
}

/// `sys._getframemodulename(depth=0)`: the module of the caller `depth` frames up.
fn sys_getframemodulename(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let depth = match args.first() {
        None => 0,
        Some(Value::Int(depth)) if *depth >= 0 => *depth as usize,
        Some(_) => return Err(thread.exception("ValueError", "depth must be a non-negative int")),
    };
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
    vec![("iscoroutine", builtin("iscoroutine", asyncio_iscoroutine))]
}

fn asyncio_iscoroutine(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(Value::Bool(matches!(args.first(), Some(Value::Generator(g)) if g.is_coroutine)))
}

pub fn time() -> Vec<(&'static str, Value)> {
    vec![
        ("perf_counter", builtin("perf_counter", time_perf_counter)),
        ("perf_counter_ns", builtin("perf_counter_ns", time_perf_counter_ns)),
        ("monotonic", builtin("monotonic", time_perf_counter)),
        ("process_time", builtin("process_time", time_perf_counter)),
        ("time", builtin("time", time_time)),
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

pub fn math() -> Vec<(&'static str, Value)> {
    vec![
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
    ]
}

fn float_arg(thread: &Thread, args: &Args) -> Result<f64, Value> {
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
    Ok(Value::Float(float_arg(thread, &args)?.exp()))
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
        ("getenv", builtin("getenv", os_getenv)),
    ]
}

fn os_cpu_count(thread: &mut Thread, _: Args, _: Kwargs) -> CallResult {
    Ok(thread.interp.host.cpu_count().map_or(Value::None, |n| Value::Int(n as i64)))
}

/// The host's process id, or a child process's own (processes here are interpreters).
fn os_getpid(thread: &mut Thread, _: Args, _: Kwargs) -> CallResult {
    let process = &thread.interp.process;
    Ok(Value::Int(if process.is_child.load(std::sync::atomic::Ordering::Relaxed) {
        process.pid as i64
    } else {
        thread.interp.host.process_id() as i64
    }))
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
