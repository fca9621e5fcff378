//! The interpreter's built-ins: functions, the types' constructors and methods, the exception
//! hierarchy, attribute and item access, iteration, and the `sys`, `time` and `math` modules.
//! Output, clocks and sleeping go through the [`Host`].

use crate::text::Text;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use gilpy_runtime::core_limit::CoreLimit;
use gilpy_runtime::gil::{EvalBreaker, Gil, ThreadId, DEFAULT_SWITCH_INTERVAL_US};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use indexmap::IndexMap;

use crate::ops::{self, type_name, OpError};
use crate::set::{Set, SetTable};
use crate::value::{
    lock, Builtin, BuiltinFn, Class, Descriptor, Dict, Instance, Iter, Key, Lazy, List, Method,
    Module, Range, Value,
};
use crate::version::PythonVersion;
use crate::vm::{CallResult, Thread};

/// What the VM needs from the world outside: output, clocks, sleeping, yielding the core.
pub trait Host: Send + Sync {
    fn write_stdout(&self, text: &str);
    fn write_stderr(&self, text: &str);
    /// `print(..., flush=True)`: what stdout holds goes out now (a pipe's reader waits for it).
    fn flush_stdout(&self) {}
    /// A line of standard input for `input()`, with its newline; `None` at the end of the
    /// input, and where there is none (the page).
    fn read_stdin_line(&self) -> Option<String> {
        None
    }
    /// A monotonic clock in nanoseconds (`time.perf_counter_ns`).
    fn monotonic_ns(&self) -> u64;
    /// Seconds since the epoch (`time.time`).
    fn wall_time(&self) -> f64;
    /// Blocks this thread for `seconds` (`time.sleep`); the runtime releases the GIL around it.
    fn sleep(&self, seconds: f64);
    /// Runs `run` on a new OS thread (natively) or pool worker (in the page) for a Python
    /// thread; the error says why none could start (CPython: "can't start new thread").
    fn spawn_thread(&self, run: Box<dyn FnOnce() + Send>) -> Result<(), String> {
        drop(run);
        Err("threads are not available here".into())
    }
    /// The Rust stack of a thread this host runs Python on (the main thread's included): nested
    /// eval loops stop with RecursionError before they use it up.
    fn thread_stack_bytes(&self) -> usize {
        1 << 20
    }
    /// How many cores the program may use (`os.cpu_count`); `None` when unknown.
    fn cpu_count(&self) -> Option<usize> {
        None
    }
    /// At most this many threads (of every process of the run together) run Python at once,
    /// to measure what each core brings; `None` lets every thread run.
    fn core_limit(&self) -> Option<Arc<CoreLimit>> {
        None
    }
    /// The process id (`os.getpid`); 0 where there is no process.
    fn process_id(&self) -> u32 {
        0
    }
    /// The process id of the main process's parent (`os.getppid` there); 0 where there is
    /// none, as for Linux's first process.
    fn parent_process_id(&self) -> u32 {
        0
    }
    /// The main process's pid in traces and `multiprocessing`, when it must not vary from run
    /// to run (simulated mode); `None` numbers processes as they start.
    fn fixed_pid(&self) -> Option<u32> {
        None
    }
    /// The environment variables (`os.environ`); none by default.
    fn environment(&self) -> Vec<(String, String)> {
        Vec::new()
    }
    /// The files `open()` and `os` reach: the disk natively, a run's own files in memory in
    /// the page and in simulated mode; none by default.
    fn files(&self) -> &dyn crate::files::FileSystem {
        &crate::files::NoFiles
    }
}

/// The interpreter's live threads (CPython: `interp->threads`), each with its eval breaker so
/// that a stop can reach every one of them.
#[derive(Default)]
pub struct ThreadTable {
    next_id: u32,
    pub live: IndexMap<u32, Arc<EvalBreaker>>,
}

/// Exception classes, parent first; each line is (name, parent).
const EXCEPTIONS: [(&str, &str); 64] = [
    ("BaseException", ""),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("Exception", "BaseException"),
    ("StopIteration", "Exception"),
    ("ArithmeticError", "Exception"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("TimeoutError", "OSError"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("SyntaxError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("SystemError", "Exception"),
    ("ReferenceError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("RuntimeWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("BytesWarning", "Warning"),
    ("ResourceWarning", "Warning"),
];

/// Old names CPython keeps for OSError.
const EXCEPTION_ALIASES: [(&str, &str); 2] =
    [("IOError", "OSError"), ("EnvironmentError", "OSError")];

pub fn is_builtin_exception_name(name: &str) -> bool {
    EXCEPTIONS.iter().any(|(exception, _)| *exception == name)
        || EXCEPTION_ALIASES.iter().any(|(alias, _)| *alias == name)
}

/// Whether `name` is one of our `builtins` module's names (a function, type or exception).
pub fn is_builtin_name(name: &str) -> bool {
    TYPES.contains(&name)
        || is_builtin_exception_name(name)
        || BUILTIN_FUNCTIONS.iter().any(|(function, _)| *function == name)
}

/// Built-in types that `type(x)` gives but `builtins` does not name (`type(None)`), each one
/// class so that `type(None) is type(None)` and `isinstance(None, type(None))` hold.
const UNNAMED_TYPES: [&str; 33] = [
    "NoneType",
    "list_iterator",
    "tuple_iterator",
    "str_iterator",
    "str_ascii_iterator",
    "bytes_iterator",
    "range_iterator",
    "longrange_iterator",
    "dict_keyiterator",
    "dict_valueiterator",
    "dict_itemiterator",
    "dict_reversekeyiterator",
    "dict_reversevalueiterator",
    "dict_reverseitemiterator",
    "set_iterator",
    "list_reverseiterator",
    "reversed",
    "iterator",
    "zip",
    "map",
    "filter",
    "enumerate",
    // Of `itertools`: their `__module__` says so.
    "permutations",
    "combinations",
    "traceback",
    "function",
    "builtin_function_or_method",
    "method",
    "module",
    "generator",
    "cell",
    "code",
    "ellipsis",
];

/// The built-in types that are classes too (for `isinstance` and calling them).
const TYPES: [&str; 17] = [
    "object",
    "int",
    "float",
    "str",
    "bytes",
    "bool",
    "list",
    "tuple",
    "dict",
    "set",
    "frozenset",
    "range",
    "slice",
    "type",
    "property",
    "classmethod",
    "staticmethod",
];

/// CPython's `sys.int_info.default_max_str_digits`.
pub const INT_MAX_STR_DIGITS: usize = 4300;

pub struct Interpreter {
    pub builtins: Arc<Dict>,
    pub host: Arc<dyn Host>,
    pub version: PythonVersion,
    pub argv: Vec<String>,
    classes: IndexMap<&'static str, Arc<Class>>,
    /// `object`, which ends every class's order: kept apart, so a hot path need not look it
    /// up by name.
    pub object: Arc<Class>,
    /// `object.__setattr__`, which a class that does not override it finds.
    pub object_setattr: Value,
    /// The built-ins a one-argument call runs without collecting its argument (see
    /// [`OneArgBuiltin`]), each with the value the builtins module binds it to.
    one_arg_builtins: [(Value, OneArgBuiltin); 3],
    recursion_limit: AtomicUsize,
    /// `sys.get_int_max_str_digits()`: the most decimal digits `str(int)` and `int(str)`
    /// convert (0: no limit), CPython's guard against quadratic conversions.
    pub int_max_str_digits: AtomicUsize,
    /// The GIL, absent on free-threaded builds (3.13t). Its switch interval is
    /// `sys.getswitchinterval()`.
    pub gil: Option<Gil>,
    /// `sys.getswitchinterval()` on a free-threaded build, where there is no GIL to keep it.
    switch_interval_us: AtomicU64,
    /// The host's limit on cores running Python at once, shared with child processes.
    pub cores: Option<Arc<CoreLimit>>,
    pub(crate) modules: Mutex<IndexMap<String, Value>>,
    /// The modules whose body a thread is running, and who waits for them (see
    /// [`ModuleInit`]).
    module_inits: Mutex<ModuleInits>,
    pub threads: Mutex<ThreadTable>,
    /// The main program's code: a spawned process runs it again as `__mp_main__`.
    pub main_code: Mutex<Option<Arc<crate::code::Code>>>,
    /// Interpreters of the processes this one started, while they run.
    pub children: Mutex<Vec<std::sync::Weak<Interpreter>>>,
    /// This interpreter as a process: its name, pid, and whether it is still starting up.
    pub process: crate::processes::ProcessInfo,
    /// Source text by file name, for the lines tracebacks quote.
    pub sources: Mutex<IndexMap<String, Arc<crate::syntax::LineIndex>>>,
    /// Where threads record what they do; shared with the processes this one starts.
    pub tracer: Arc<crate::trace::Tracer>,
    /// When the GIL was last released (host nanoseconds, the releaser's clock). Threads may
    /// read clocks a few microseconds apart (web workers each have their own time origin); a
    /// new holder's span starts no earlier, so spans follow the lock's own order.
    pub gil_released_at_ns: AtomicU64,
    /// The class `type(x)` gives for a native object, one per native type (keyed by the
    /// type's address), so that `type(a) is type(b)` holds as in CPython.
    native_classes: Mutex<HashMap<usize, Arc<Class>>>,
    /// The files the program opened, written out at its end if it never closed them.
    pub(crate) open_files: crate::modules::io::OpenFiles,
    /// In simulated mode, the simulator that schedules this interpreter's threads.
    pub sim: std::sync::OnceLock<Arc<crate::simulate::Simulator>>,
    /// `_gilpy_asyncgen.async_generator`, once a program made one: the eval loop knows an
    /// async generator it drops by it (see `Thread::finalize_async_generator`).
    pub async_generator_class: std::sync::OnceLock<Arc<Class>>,
    /// Real mode: which threads wait forever, to find a deadlock.
    pub(crate) deadlocks: crate::deadlock::DeadlockWatch,
}

impl Interpreter {
    pub fn new(
        version: PythonVersion,
        host: Arc<dyn Host>,
        argv: Vec<String>,
        tracer: Arc<crate::trace::Tracer>,
    ) -> Arc<Interpreter> {
        let mut classes: IndexMap<&'static str, Arc<Class>> = IndexMap::new();
        let class = |name: &str, parent: Option<&Arc<Class>>, is_exception: bool| {
            let mut bases_mro = Vec::new();
            if let Some(parent) = parent {
                bases_mro.push(parent.clone());
                bases_mro.extend(parent.bases_mro.iter().cloned());
            }
            Arc::new(Class {
                name: Text::from(name),
                bases: parent.into_iter().cloned().collect(),
                bases_mro,
                dict: Default::default(),
                is_exception,
                overrides_getattribute: false,
                has_properties: false,
                has_slots: false,
                metaclass: None,
            })
        };
        let object = class("object", None, false);
        classes.insert("object", object.clone());
        for name in TYPES.iter().skip(1) {
            let parent = if *name == "bool" { classes["int"].clone() } else { object.clone() };
            classes.insert(name, class(name, Some(&parent), false));
        }
        for (name, parent) in EXCEPTIONS {
            let parent = if parent.is_empty() { object.clone() } else { classes[parent].clone() };
            classes.insert(name, class(name, Some(&parent), true));
        }
        let unnamed: Vec<_> =
            UNNAMED_TYPES.iter().map(|name| (*name, class(name, Some(&object), false))).collect();
        for (name, class) in &unnamed {
            if matches!(*name, "permutations" | "combinations") {
                lock(&class.dict).insert(Text::from("__module__"), Value::str("itertools"));
            }
        }
        lock(&classes["BaseException"].dict)
            .insert(Text::from("__init__"), builtin("__init__", exception_init));
        {
            let mut os_error = lock(&classes["OSError"].dict);
            os_error.insert(Text::from("__init__"), builtin("__init__", os_error_init));
            os_error.insert(Text::from("__new__"), builtin("__new__", os_error_new));
        }
        if version >= PythonVersion::V3_11 {
            lock(&classes["BaseException"].dict)
                .insert(Text::from("add_note"), builtin("add_note", exception_add_note));
        }
        {
            let mut object = lock(&classes["object"].dict);
            object.insert(Text::from("__init__"), builtin("__init__", object_init));
            object.insert(Text::from("__new__"), builtin("__new__", object_new));
            object.insert(
                Text::from("__init_subclass__"),
                builtin("__init_subclass__", object_init_subclass),
            );
            object.insert(Text::from("__setattr__"), builtin("__setattr__", object_setattr));
            object.insert(
                Text::from("__getattribute__"),
                builtin("__getattribute__", object_getattribute),
            );
        }
        // What a metaclass's `__call__` reaches through super(): making an instance.
        lock(&classes["type"].dict).insert(Text::from("__call__"), builtin("__call__", type_call));
        // What a metaclass's `__init__` reaches through super(): nothing left to do.
        lock(&classes["type"].dict).insert(Text::from("__init__"), builtin("__init__", type_init));
        let builtins = Arc::new(Dict { entries: Default::default() });
        {
            let mut entries = lock(&builtins.entries);
            for (name, class) in &classes {
                entries.insert(Key(Value::str(name)), Value::Class(class.clone()));
            }
            classes.extend(unnamed);
            for (name, function) in BUILTIN_FUNCTIONS {
                entries.insert(Key(Value::str(name)), builtin(name, function));
            }
            for (alias, name) in EXCEPTION_ALIASES {
                entries.insert(Key(Value::str(alias)), Value::Class(classes[name].clone()));
            }
            entries.insert(Key(Value::str("NotImplemented")), NOT_IMPLEMENTED.clone());
            entries.insert(Key(Value::str("Ellipsis")), ELLIPSIS.clone());
        }
        let builtins_module = Value::Module(Arc::new(Module {
            name: Text::from("builtins"),
            dict: builtins.clone(),
        }));
        let fixed_pid = host.fixed_pid();
        let cores = host.core_limit();
        let object_setattr =
            lock(&classes["object"].dict).get("__setattr__").cloned().expect("object has it");
        let one_arg_builtins =
            [("len", OneArgBuiltin::Len), ("abs", OneArgBuiltin::Abs), ("str", OneArgBuiltin::Str)]
                .map(|(name, builtin)| {
                    let value = lock(&builtins.entries).get(&crate::value::Name(name)).cloned();
                    (value.expect("a built-in"), builtin)
                });
        Arc::new(Interpreter {
            one_arg_builtins,
            builtins,
            host,
            version,
            argv,
            object: classes["object"].clone(),
            object_setattr,
            classes,
            recursion_limit: AtomicUsize::new(1000),
            int_max_str_digits: AtomicUsize::new(INT_MAX_STR_DIGITS),
            gil: version.has_gil().then(|| Gil::new(DEFAULT_SWITCH_INTERVAL_US)),
            cores,
            switch_interval_us: AtomicU64::new(DEFAULT_SWITCH_INTERVAL_US),
            modules: Mutex::new(IndexMap::from([("builtins".to_string(), builtins_module)])),
            module_inits: Mutex::default(),
            threads: Mutex::default(),
            sources: Mutex::default(),
            main_code: Mutex::default(),
            children: Mutex::default(),
            process: crate::processes::ProcessInfo::main(fixed_pid),
            tracer,
            gil_released_at_ns: AtomicU64::new(0),
            native_classes: Mutex::default(),
            open_files: Default::default(),
            sim: std::sync::OnceLock::new(),
            async_generator_class: std::sync::OnceLock::new(),
            deadlocks: Default::default(),
        })
    }

    /// The namespace of the main module, `__main__` (or, in a spawned child, `__mp_main__`),
    /// with the names CPython puts there before the program runs. Both names import it.
    pub fn new_main_module(&self, name: &str, file: &str) -> Arc<Dict> {
        let globals = Arc::new(Dict { entries: Default::default() });
        {
            let mut entries = lock(&globals.entries);
            entries.insert(Key(Value::str("__name__")), Value::str(name));
            for absent in ["__doc__", "__package__", "__spec__"] {
                entries.insert(Key(Value::str(absent)), Value::None);
            }
            let builtins = lock(&self.modules).get("builtins").cloned();
            entries.insert(Key(Value::str("__builtins__")), builtins.unwrap_or(Value::None));
            entries.insert(Key(Value::str("__file__")), Value::str(file));
        }
        let main =
            Value::Module(Arc::new(Module { name: Text::from(name), dict: globals.clone() }));
        for alias in ["__main__", "__mp_main__"] {
            lock(&self.modules).insert(alias.to_string(), main.clone());
        }
        globals
    }

    pub fn switch_interval_us(&self) -> u64 {
        match &self.gil {
            Some(gil) => gil.switch_interval_us(),
            None => self.switch_interval_us.load(Ordering::Relaxed),
        }
    }

    pub fn set_switch_interval_us(&self, interval_us: u64) {
        match &self.gil {
            Some(gil) => gil.set_switch_interval_us(interval_us),
            None => self.switch_interval_us.store(interval_us.max(1), Ordering::Relaxed),
        }
    }

    /// Registers a new thread; the first one registered is the main thread.
    pub fn register_thread(&self, breaker: Arc<EvalBreaker>) -> ThreadId {
        let mut table = lock(&self.threads);
        table.next_id += 1;
        let id = table.next_id;
        table.live.insert(id, breaker);
        ThreadId(id)
    }

    pub fn unregister_thread(&self, id: ThreadId) {
        lock(&self.threads).live.shift_remove(&id.0);
        // One thread fewer can change whether the others are deadlocked.
        self.deadlocks.progress();
    }

    /// Asks every live thread to stop at its next check point (Stop, teardown at exit), and
    /// wakes those waiting for the GIL.
    pub fn stop_all_threads(&self) {
        for breaker in lock(&self.threads).live.values() {
            breaker.set(EvalBreaker::ASYNC_EXCEPTION);
        }
        if let Some(gil) = &self.gil {
            gil.wake_all();
        }
        if let Some(cores) = &self.cores {
            cores.wake_all();
        }
        if let Some(sim) = self.sim.get() {
            sim.wake_process(self.process.pid);
        }
        // Child processes go too, as the process group goes with Ctrl-C.
        let children: Vec<Arc<Interpreter>> =
            lock(&self.children).iter().filter_map(std::sync::Weak::upgrade).collect();
        for child in children {
            child.stop_all_threads();
        }
    }

    pub fn class(&self, name: &str) -> Arc<Class> {
        self.classes[name].clone()
    }

    /// Which [`OneArgBuiltin`] `callable` is, if it is one of them (not a function of the same
    /// name: the comparison is by identity).
    pub fn one_arg_builtin(&self, callable: &Value) -> Option<OneArgBuiltin> {
        self.one_arg_builtins.iter().find(|(value, _)| value.is(callable)).map(|(_, b)| *b)
    }

    /// `object.__init__`, which instantiation treats as "no initialiser".
    pub fn object_init(&self) -> Value {
        lock(&self.object.dict).get("__init__").cloned().unwrap_or(Value::None)
    }

    /// Whether `class` is one of the built-in types (not a user class of the same name).
    pub fn is_builtin_type(&self, class: &Arc<Class>) -> bool {
        TYPES.contains(&&*class.name)
            && self.classes.get(&*class.name).is_some_and(|own| Arc::ptr_eq(own, class))
    }

    /// The built-in type a user class extends (`dict` for `class Counter(dict)`), if any.
    pub fn builtin_ancestor(&self, class: &Arc<Class>) -> Option<Arc<Class>> {
        std::iter::once(class).chain(class.bases_mro.iter()).find_map(|ancestor| {
            let extensible = matches!(
                &*ancestor.name,
                "dict" | "list" | "tuple" | "str" | "int" | "float" | "property"
            );
            (extensible && self.is_builtin_type(ancestor)).then(|| ancestor.clone())
        })
    }

    pub fn recursion_limit(&self) -> usize {
        self.recursion_limit.load(Ordering::Relaxed)
    }

    pub fn set_recursion_limit(&self, limit: usize) {
        self.recursion_limit.store(limit, Ordering::Relaxed);
    }

    pub fn new_exception(&self, class: &str, args: Vec<Value>) -> Value {
        let class = self
            .classes
            .get(class)
            .cloned()
            .unwrap_or_else(|| self.classes["RuntimeError"].clone());
        let instance = Instance::new(class, None);
        instance.set(Text::from("args"), Value::tuple(args.to_vec()));
        Value::Instance(Arc::new(instance))
    }

    /// The constructor of a built-in type, when `class` is one.
    pub fn builtin_constructor(&self, class: &Arc<Class>) -> Option<BuiltinFn> {
        if &*class.name == "NoneType" && Arc::ptr_eq(class, &self.classes["NoneType"]) {
            return Some(construct_none);
        }
        if self.classes.get("ellipsis").is_some_and(|own| Arc::ptr_eq(class, own)) {
            return Some(|_, _, _| Ok(ELLIPSIS.clone()));
        }
        if !TYPES.contains(&&*class.name) || !Arc::ptr_eq(class, &self.classes[&*class.name]) {
            return None;
        }
        Some(match &*class.name {
            "int" => construct_int,
            "float" => construct_float,
            "str" => construct_str,
            "bytes" => crate::bytes::construct,
            "bool" => construct_bool,
            "list" => construct_list,
            "tuple" => construct_tuple,
            "dict" => construct_dict,
            "set" => construct_set,
            "frozenset" => construct_frozenset,
            "range" => construct_range,
            "slice" => construct_slice,
            "type" => type_of,
            "property" => property,
            "classmethod" => classmethod,
            "staticmethod" => staticmethod,
            _ => construct_object,
        })
    }
}

fn builtin(name: &'static str, function: BuiltinFn) -> Value {
    Value::Builtin(Arc::new(Builtin { name, function }))
}

type Args = Vec<Value>;
type Kwargs = Vec<(Text, Value)>;

fn no_kwargs(thread: &Thread, name: &str, kwargs: &Kwargs) -> Result<(), Value> {
    match kwargs.first() {
        Some((key, _)) => Err(thread.exception(
            "TypeError",
            format!("{name}() got an unexpected keyword argument '{key}'"),
        )),
        None => Ok(()),
    }
}

pub(crate) fn arity(
    thread: &Thread,
    name: &str,
    args: &Args,
    min: usize,
    max: usize,
) -> Result<(), Value> {
    if args.len() < min || args.len() > max {
        let expected = if min == max {
            format!("exactly {min}")
        } else if args.len() < min {
            format!("at least {min}")
        } else {
            format!("at most {max}")
        };
        let plural = if (if args.len() < min { min } else { max }) == 1 { "" } else { "s" };
        return Err(thread.exception(
            "TypeError",
            format!("{name}() takes {expected} argument{plural} ({} given)", args.len()),
        ));
    }
    Ok(())
}

/// A built-in type's constructor given too many arguments, in CPython's words ("list
/// expected at most 1 argument, got 2"); `int` and `str` said "int() takes at most 2
/// arguments (3 given)" before 3.13.
fn constructor_arity(thread: &Thread, name: &str, args: &Args, max: usize) -> Result<(), Value> {
    if args.len() <= max {
        return Ok(());
    }
    let plural = if max == 1 { "" } else { "s" };
    let given = args.len();
    let message =
        match matches!(name, "int" | "str") && thread.interp.version < PythonVersion::V3_13 {
            true => format!("{name}() takes at most {max} argument{plural} ({given} given)"),
            false => format!("{name} expected at most {max} argument{plural}, got {given}"),
        };
    Err(thread.exception("TypeError", message))
}

/// `input(prompt)`: the prompt on stdout, then a line of stdin without its newline, read
/// without the GIL; EOFError at the end of the input (always, in the page, which has none).
/// `open()`: `io.open`, written in Python over the native `_io` (`stdlib/io.py`).
fn open(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let io = import(thread, "io")?;
    let open = get_attribute(thread, &io, "open")?;
    thread.call(&open, args, kwargs)
}

fn input(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    no_kwargs(thread, "input", &kwargs)?;
    arity(thread, "input", &args, 0, 1)?;
    if let Some(prompt) = args.first() {
        let prompt = thread.str_of(prompt)?;
        thread.interp.host.write_stdout(&prompt);
    }
    thread.interp.host.flush_stdout();
    let host = thread.interp.host.clone();
    // A child process reads no stdin (CPython gives it /dev/null).
    let is_child = thread.interp.process.is_child.load(std::sync::atomic::Ordering::Relaxed);
    let line = match is_child {
        true => None,
        false => thread.allow_threads(|_| host.read_stdin_line())?,
    };
    match line {
        Some(line) => Ok(Value::str(line.strip_suffix('\n').unwrap_or(&line))),
        None => Err(thread.exception("EOFError", "EOF when reading a line")),
    }
}

/// `exit(code=None)` and `quit(code=None)`: raise SystemExit, as `site`'s Quitter does.
fn site_exit(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let code = match (args.first(), kwarg(&kwargs, "code")) {
        (Some(code), None) | (None, Some(code)) => vec![code.clone()],
        _ => Vec::new(),
    };
    Err(thread.interp.new_exception("SystemExit", code))
}

/// How CPython names a callable in an error (`_PyObject_FunctionStr`): `module.qualname()`,
/// without the module for built-ins (`print()`); its `str()` when it has no `__qualname__`.
pub fn function_str(thread: &mut Thread, callable: &Value) -> String {
    match callable {
        Value::Method(method) => return function_str(thread, &method.function.clone()),
        Value::Builtin(builtin) => return format!("{}()", builtin.name),
        Value::Function(_) | Value::Class(_) => {}
        // An object that is called (a callable instance, a partial) shows as its str().
        other => return thread.str_of(other).unwrap_or_default(),
    }
    let Ok(Value::Str(qualname)) = get_attribute(thread, callable, "__qualname__") else {
        return thread.str_of(callable).unwrap_or_default();
    };
    match get_attribute(thread, callable, "__module__") {
        Ok(Value::Str(module)) if &*module != "builtins" => format!("{module}.{qualname}()"),
        _ => format!("{qualname}()"),
    }
}

/// What `int()` and `float()` say they take: "a number" before 3.10, "a real number" since.
fn number_words(thread: &Thread) -> &'static str {
    match thread.interp.version < PythonVersion::V3_10 {
        true => "number",
        false => "real number",
    }
}

pub(crate) fn int_arg(thread: &Thread, value: &Value) -> Result<i64, Value> {
    match value {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => {
            Err(thread.exception("OverflowError", "Python int too large to convert to C ssize_t"))
        }
        other => Err(thread.exception(
            "TypeError",
            format!("'{}' object cannot be interpreted as an integer", type_name(other)),
        )),
    }
}

fn kwarg<'a>(kwargs: &'a Kwargs, name: &str) -> Option<&'a Value> {
    kwargs.iter().find(|(k, _)| &**k == name).map(|(_, v)| v)
}

const BUILTIN_FUNCTIONS: [(&str, BuiltinFn); 49] = [
    ("exec", exec),
    ("eval", eval),
    ("compile", compile_builtin),
    ("__import__", dunder_import),
    ("input", input),
    ("open", open),
    // `site`'s `exit()` and `quit()`, which learners call where `sys.exit()` belongs.
    ("exit", site_exit),
    ("quit", site_exit),
    ("ascii", ascii),
    ("globals", globals),
    ("locals", locals),
    ("dir", dir),
    ("id", id),
    ("format", format_builtin),
    ("delattr", delattr),
    ("super", super_builtin),
    ("callable", callable),
    ("issubclass", issubclass),
    ("oct", oct),
    ("print", print),
    ("len", len),
    ("repr", repr),
    ("abs", abs),
    ("min", min),
    ("max", max),
    ("sum", sum),
    ("sorted", sorted),
    ("enumerate", enumerate),
    ("zip", zip),
    ("isinstance", isinstance),
    ("round", round),
    ("divmod", divmod),
    ("pow", pow),
    ("any", any),
    ("all", all),
    ("reversed", reversed),
    ("chr", chr),
    ("ord", ord),
    ("hex", hex),
    ("bin", bin),
    ("iter", iter),
    ("next", next_builtin),
    ("getattr", getattr),
    ("setattr", setattr),
    ("hasattr", hasattr),
    ("map", map),
    ("filter", filter),
    ("hash", hash),
    ("vars", vars),
];

/// `ascii(obj)`: `repr` with every non-ASCII character escaped.
fn ascii(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "ascii", &args, 1, 1)?;
    Ok(Value::str(&ascii_of(thread, &args[0])?))
}

/// What `ascii(value)` and `f"{value!a}"` give.
pub fn ascii_of(thread: &mut Thread, value: &Value) -> Result<String, Value> {
    let text = thread.repr_of(value)?;
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c as u32 {
            0..=0x7f => escaped.push(c),
            code @ 0x80..=0xff => escaped.push_str(&format!("\\x{code:02x}")),
            code @ 0x100..=0xffff => escaped.push_str(&format!("\\u{code:04x}")),
            code => escaped.push_str(&format!("\\U{code:08x}")),
        }
    }
    Ok(escaped)
}

/// An exception's message: its single string argument, if it has one.
pub fn exception_message(exception: &Value) -> Option<Text> {
    let Value::Instance(instance) = exception else { return None };
    match instance.get("args") {
        Some(Value::Tuple(args)) => match args.first() {
            Some(Value::Str(message)) if args.len() == 1 => Some(message.clone()),
            _ => None,
        },
        _ => None,
    }
}

fn globals(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "globals", &args, 0, 0)?;
    thread.current_globals().map(Value::Dict).ok_or_else(|| no_frame(thread, "globals"))
}

fn locals(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "locals", &args, 0, 0)?;
    thread.current_locals().ok_or_else(|| no_frame(thread, "locals"))
}

fn no_frame(thread: &Thread, name: &str) -> Value {
    thread.exception("SystemError", format!("{name}(): no current frame"))
}

/// `dir()`: the caller's names, sorted. `dir(obj)`: the attributes we know `obj` has, its own
/// and its class's along the MRO, sorted; CPython's list adds `object`'s special methods.
pub(crate) fn dir(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "dir", &args, 0, 1)?;
    let mut names: Vec<Text> = Vec::new();
    let keys = Dict::str_keys;
    let class_names = |class: &Arc<Class>| {
        let mut names: Vec<Text> = lock(&class.dict).keys().cloned().collect();
        for base in &class.bases_mro {
            names.extend(lock(&base.dict).keys().cloned());
        }
        names
    };
    match args.first() {
        None => match thread.current_locals() {
            Some(Value::Dict(dict)) => names.extend(keys(&dict)),
            _ => return Err(no_frame(thread, "dir")),
        },
        Some(Value::Module(module)) => names.extend(keys(&module.dict)),
        Some(Value::Class(class)) => names.extend(class_names(class)),
        Some(Value::Instance(instance)) => {
            names.extend(keys(&instance.dict));
            names.extend(class_names(&instance.class));
            if let Some(base) = &instance.base {
                names.extend(crate::methods::names(base).iter().map(|name| Text::from(*name)));
            }
        }
        Some(other) => {
            names.extend(crate::methods::names(other).iter().map(|name| Text::from(*name)));
            if let Value::Function(function) = other {
                names.extend(keys(&function.dict()));
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(List::new(names.into_iter().map(Value::Str).collect()))
}

/// `vars(obj)`: its `__dict__`, where it has one (modules, classes, functions, a
/// `threading.local`).
fn vars(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "vars", &args, 1, 1)?;
    match get_attribute(thread, &args[0], "__dict__") {
        Err(error) if exception_is(thread, &error, "AttributeError") => {
            Err(thread.exception("TypeError", "vars() argument must have __dict__ attribute"))
        }
        found => found,
    }
}

/// `slice(stop)` or `slice(start, stop[, step])`, what `a[start:stop:step]` passes.
fn construct_slice(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    if args.is_empty() || args.len() > 3 {
        let bound = if args.is_empty() { "at least 1 argument" } else { "at most 3 arguments" };
        let message = format!("slice expected {bound}, got {}", args.len());
        return Err(thread.exception("TypeError", message));
    }
    let mut args = args.into_iter();
    let (start, stop, step) = match (args.next(), args.next(), args.next()) {
        (Some(stop), None, None) => (Value::None, stop, Value::None),
        (Some(start), Some(stop), step) => (start, stop, step.unwrap_or(Value::None)),
        _ => unreachable!("arity checked"),
    };
    Ok(Value::Slice(Arc::new(crate::value::Slice { start, stop, step })))
}

fn print(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut to_stderr = false;
    let mut flush = false;
    let mut file = None;
    // `file=sys.__stdout__` (or a native stream otherwise named): that stream, replaced or not.
    let mut explicit_stream = false;
    for (key, value) in &kwargs {
        match (&**key, value) {
            ("sep", Value::Str(s)) => sep = s.to_string(),
            ("end", Value::Str(s)) => end = s.to_string(),
            ("sep" | "end", Value::None) => {}
            ("flush", value) => flush = thread.truth(value)?,
            ("file", Value::Module(module)) if &*module.name == "sys.stderr" => {
                to_stderr = true;
                explicit_stream = true;
            }
            ("file", Value::Module(_)) => explicit_stream = true,
            ("file", Value::None) => {}
            ("file", other) => file = Some(other.clone()),
            (key, _) => {
                return Err(thread.exception(
                    "TypeError",
                    format!("print() got an unexpected keyword argument '{key}'"),
                ))
            }
        }
    }
    // A program that set `sys.stdout` (or `sys.stderr`) to an object of its own, such as
    // `contextlib.redirect_stdout` does, prints to that object.
    if file.is_none() && !explicit_stream {
        match replaced_stream(thread, if to_stderr { "stderr" } else { "stdout" }) {
            Replaced::No => {}
            Replaced::ByNone => return Ok(Value::None),
            Replaced::ByStream(stream) => to_stderr = &*stream == "sys.stderr",
            Replaced::ByObject(object) => file = Some(object),
        }
    }
    if let Some(file) = file {
        return print_to_file(thread, &file, &args, &sep, &end, flush);
    }
    let mut text = String::new();
    for (index, value) in args.iter().enumerate() {
        if index > 0 {
            text.push_str(&sep);
        }
        text.push_str(&thread.str_of(value)?);
    }
    text.push_str(&end);
    if to_stderr {
        thread.interp.host.write_stderr(&text);
    } else {
        thread.interp.host.write_stdout(&text);
        if flush {
            thread.interp.host.flush_stdout();
        }
    }
    Ok(Value::None)
}

/// What the program made `sys.stdout` or `sys.stderr`.
enum Replaced {
    No,
    /// `sys.stdout = None`: print() prints nothing, as in CPython.
    ByNone,
    /// A native stream, by its name: `sys.stdout = sys.stderr`.
    ByStream(Text),
    ByObject(Value),
}

fn replaced_stream(thread: &Thread, stream: &str) -> Replaced {
    let sys = lock(&thread.interp.modules).get("sys").cloned();
    let Some(Value::Module(sys)) = sys else { return Replaced::No };
    let value = lock(&sys.dict.entries).get(&Key(Value::str(stream))).cloned();
    match value {
        None => Replaced::No,
        Some(Value::None) => Replaced::ByNone,
        Some(Value::Module(module)) if module.name.strip_prefix("sys.") == Some(stream) => {
            Replaced::No
        }
        Some(Value::Module(module)) => Replaced::ByStream(module.name.clone()),
        Some(other) => Replaced::ByObject(other),
    }
}

/// `print(..., file=f)`: each argument, separator and the end go to `f.write` in turn, as
/// CPython writes them.
fn print_to_file(
    thread: &mut Thread,
    file: &Value,
    args: &[Value],
    sep: &str,
    end: &str,
    flush: bool,
) -> CallResult {
    let write = get_attribute(thread, file, "write")?;
    for (index, value) in args.iter().enumerate() {
        if index > 0 {
            thread.call(&write, vec![Value::str(sep)], vec![])?;
        }
        let text = thread.str_of(value)?;
        thread.call(&write, vec![Value::str(&text)], vec![])?;
    }
    thread.call(&write, vec![Value::str(end)], vec![])?;
    if flush {
        let flush = get_attribute(thread, file, "flush")?;
        thread.call(&flush, vec![], vec![])?;
    }
    Ok(Value::None)
}

pub fn length(thread: &mut Thread, value: &Value) -> Result<usize, Value> {
    Ok(match value {
        Value::Str(s) => thread.char_count(s),
        Value::Bytes(b) => b.len(),
        Value::Tuple(items) => items.len(),
        Value::List(list) => lock(&list.items).len(),
        Value::Dict(dict) => lock(&dict.entries).len(),
        Value::Set(set) => set.len(),
        Value::Range(range) => usize::try_from(range.len()).map_err(|_| too_large(thread))?,
        other => match thread.call_special(other, "__len__", vec![]) {
            Some(result) => {
                let length = int_arg(thread, &result?)?;
                if length < 0 {
                    return Err(thread.exception("ValueError", "__len__() should return >= 0"));
                }
                length as usize
            }
            None if other.extended_base().is_some() => return length(thread, other.builtin_base()),
            None => {
                return Err(thread.exception(
                    "TypeError",
                    format!("object of type '{}' has no len()", type_name(other)),
                ))
            }
        },
    })
}

/// A built-in that a call with one positional argument runs straight from the caller's
/// stack (see [`Interpreter::one_arg_builtin`]): no `Vec` of arguments to allocate, and for
/// `str` no search for the type's constructor. In a loop such calls were a fifth of the time.
#[derive(Clone, Copy)]
pub enum OneArgBuiltin {
    Len,
    Abs,
    Str,
}

/// `len(value)`, `abs(value)` or `str(value)`, as the built-ins themselves answer.
pub fn call_one_arg(thread: &mut Thread, builtin: OneArgBuiltin, value: &Value) -> CallResult {
    match builtin {
        OneArgBuiltin::Len => Ok(Value::Int(length(thread, value)? as i64)),
        OneArgBuiltin::Abs => abs_of(thread, value),
        OneArgBuiltin::Str => Ok(Value::str(&thread.str_of(value)?)),
    }
}

fn len(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    no_kwargs(thread, "len", &kwargs)?;
    arity(thread, "len", &args, 1, 1)?;
    Ok(Value::Int(length(thread, &args[0])? as i64))
}

fn repr(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "repr", &args, 1, 1)?;
    Ok(Value::str(&thread.repr_of(&args[0])?))
}

fn abs(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "abs", &args, 1, 1)?;
    abs_of(thread, &args[0])
}

fn abs_of(thread: &mut Thread, value: &Value) -> CallResult {
    Ok(match value {
        Value::Int(i) => i
            .checked_abs()
            .map(Value::Int)
            .unwrap_or_else(|| ops::normalize(ops::big(*i).magnitude().clone().into())),
        Value::BigInt(i) => ops::normalize(i.magnitude().clone().into()),
        Value::Float(f) => Value::Float(f.abs()),
        Value::Bool(b) => Value::Int(*b as i64),
        other => match thread.special_method(other, "__abs__") {
            Some(method) => thread.call(&method, vec![], vec![])?,
            None => {
                return Err(thread.exception(
                    "TypeError",
                    format!("bad operand type for abs(): '{}'", type_name(other)),
                ))
            }
        },
    })
}

fn extreme(
    thread: &mut Thread,
    name: &str,
    args: Args,
    kwargs: Kwargs,
    want: crate::code::CompareOp,
) -> CallResult {
    let key = kwarg(&kwargs, "key").filter(|k| !k.is_none()).cloned();
    let default = kwarg(&kwargs, "default").cloned();
    let items = if args.len() == 1 { collect(thread, &args[0])? } else { args };
    if items.is_empty() {
        // 3.12 reworded it.
        let message = if thread.interp.version >= PythonVersion::V3_12 {
            format!("{name}() iterable argument is empty")
        } else {
            format!("{name}() arg is an empty sequence")
        };
        return default.ok_or_else(|| thread.exception("ValueError", message));
    }
    let mut best = items[0].clone();
    let mut best_key = match &key {
        Some(key) => thread.call(key, vec![best.clone()], vec![])?,
        None => best.clone(),
    };
    for item in items.into_iter().skip(1) {
        let item_key = match &key {
            Some(key) => thread.call(key, vec![item.clone()], vec![])?,
            None => item.clone(),
        };
        let better = thread.compare(want, &item_key, &best_key)?;
        if thread.truth(&better)? {
            best = item;
            best_key = item_key;
        }
    }
    Ok(best)
}

fn min(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    extreme(thread, "min", args, kwargs, crate::code::CompareOp::Lt)
}

fn max(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    extreme(thread, "max", args, kwargs, crate::code::CompareOp::Gt)
}

/// `sum`, item by item as CPython adds them. From 3.12, a run of floats is added with
/// Neumaier's compensated summation, as CPython's `builtin_sum_impl` does, so that
/// `sum([0.1] * 10)` is `1.0`.
fn sum(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    if args.is_empty() {
        return Err(
            thread.exception("TypeError", "sum() takes at least 1 positional argument (0 given)")
        );
    }
    let given = args.len() + kwargs.len();
    if given > 2 {
        let message = format!("sum() takes at most 2 arguments ({given} given)");
        return Err(thread.exception("TypeError", message));
    }
    if let Some((name, _)) = kwargs.iter().find(|(name, _)| &**name != "start") {
        let message = match thread.interp.version >= PythonVersion::V3_13 {
            true => format!("sum() got an unexpected keyword argument '{name}'"),
            false => format!("'{name}' is an invalid keyword argument for sum()"),
        };
        return Err(thread.exception("TypeError", message));
    }
    let mut total =
        args.get(1).or_else(|| kwarg(&kwargs, "start")).cloned().unwrap_or(Value::Int(0));
    // As CPython's sum refuses them, pointing at the join that does it in linear time.
    let refused = match total.builtin_base() {
        Value::Str(_) => Some(("strings", "''")),
        Value::Bytes(_) => Some(("bytes", "b''")),
        _ => None,
    };
    if let Some((kind, join)) = refused {
        let message = format!("sum() can't sum {kind} [use {join}.join(seq) instead]");
        return Err(thread.exception("TypeError", message));
    }
    let compensated = thread.interp.version >= PythonVersion::V3_12;
    // What the float total has lost to rounding so far.
    let mut lost = 0.0;
    let fold = |total: &mut Value, lost: &mut f64| {
        if let Value::Float(sum) = total {
            if *lost != 0.0 && lost.is_finite() {
                *sum += *lost;
            }
        }
        *lost = 0.0;
    };
    // A list or tuple is read by index, as its iterator would read it, without making one:
    // `sum(row[i : i + 3])` in a loop is mostly that iterator's cost otherwise.
    let iterator = match &args[0] {
        Value::List(_) | Value::Tuple(_) => None,
        other => Some(iterate(thread, other)?),
    };
    let mut index = 0;
    loop {
        let item = match (&iterator, &args[0]) {
            (Some(iterator), _) => next(thread, iterator)?,
            (None, Value::List(list)) => lock(&list.items).get(index).cloned(),
            (None, Value::Tuple(items)) => items.get(index).cloned(),
            _ => unreachable!("a list or a tuple"),
        };
        let Some(item) = item else { break };
        index += 1;
        thread.charge_items(1);
        // Small ints add in place, as CPython's sum keeps a C long while it can.
        if let (Value::Int(sum), Value::Int(x)) = (&mut total, &item) {
            if let Some(t) = sum.checked_add(*x) {
                *sum = t;
                continue;
            }
        }
        if let (true, Value::Float(sum)) = (compensated, &mut total) {
            match item {
                Value::Float(x) => {
                    let t = *sum + x;
                    lost += if sum.abs() >= x.abs() { (*sum - t) + x } else { (x - t) + *sum };
                    *sum = t;
                    continue;
                }
                Value::Int(x) => {
                    *sum += x as f64;
                    continue;
                }
                Value::Bool(x) => {
                    *sum += x as i64 as f64;
                    continue;
                }
                _ => {}
            }
        }
        fold(&mut total, &mut lost);
        total = thread.binary(crate::code::BinaryOp::Add, total, item, false)?;
    }
    fold(&mut total, &mut lost);
    Ok(total)
}

/// Sorts `items` stably by `key`, comparing with `<` as `list.sort` does.
pub fn sort_values(
    thread: &mut Thread,
    items: Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> Result<Vec<Value>, Value> {
    let mut keyed = Vec::with_capacity(items.len());
    for item in items {
        let k = match key {
            Some(key) if !key.is_none() => thread.call(key, vec![item.clone()], vec![])?,
            _ => item.clone(),
        };
        keyed.push((k, item));
    }
    // A stable sort that asks only Python's `<`, as CPython's does; reverse keeps equal items
    // in their original order. The first error stops it.
    let mut failure = None;
    let mut comparisons = 0;
    let mut less = |a: &Value, b: &Value| -> bool {
        if failure.is_some() {
            return false;
        }
        comparisons += 1;
        if let Some(result) = plain_less(a, b) {
            return result;
        }
        match thread.compare(crate::code::CompareOp::Lt, a, b).and_then(|r| thread.truth(&r)) {
            Ok(result) => result,
            Err(error) => {
                failure = Some(error);
                false
            }
        }
    };
    // `sort_by` asks only whether its comparison returns `Less` (it is `stable_sort(self, |a, b|
    // compare(a, b) == Less)`), so one `<` answers it: asking `b < a` too, to tell equal from
    // greater, made half as many comparisons again, each maybe a Python `__lt__`.
    keyed.sort_by(|(a, _), (b, _)| {
        let (first, second) = if reverse { (b, a) } else { (a, b) };
        if less(first, second) {
            std::cmp::Ordering::Less
        } else {
            std::cmp::Ordering::Greater
        }
    });
    // Each comparison is an item's worth of work (simulated time).
    thread.charge_items(comparisons);
    if let Some(error) = failure {
        return Err(error);
    }
    Ok(keyed.into_iter().map(|(_, item)| item).collect())
}

/// `a < b` where no Python code can take part: ints, strs (code point order is UTF-8's byte
/// order), and tuples of them; `None` for anything else, which goes through the VM.
pub(crate) fn plain_less(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x < y),
        (Value::Str(x), Value::Str(y)) => Some(x < y),
        (Value::Tuple(x), Value::Tuple(y)) => {
            // Python's order: the first items that differ decide, else the shorter is less.
            for (p, q) in x.iter().zip(y.iter()) {
                let equal = match (p, q) {
                    (Value::Int(p), Value::Int(q)) => p == q,
                    (Value::Str(p), Value::Str(q)) => p == q,
                    _ => return None,
                };
                if !equal {
                    return plain_less(p, q);
                }
            }
            Some(x.len() < y.len())
        }
        _ => None,
    }
}

fn sorted(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    arity(thread, "sorted", &args, 1, 1)?;
    let items = collect(thread, &args[0])?;
    let reverse = kwarg(&kwargs, "reverse").map(|r| thread.truth(r)).transpose()?.unwrap_or(false);
    let key = kwarg(&kwargs, "key").cloned();
    Ok(List::new(sort_values(thread, items, key.as_ref(), reverse)?))
}

fn enumerate(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    arity(thread, "enumerate", &args, 1, 2)?;
    let start = args
        .get(1)
        .or_else(|| kwarg(&kwargs, "start"))
        .map(|start| match start {
            Value::Int(_) | Value::BigInt(_) => Ok(start.clone()),
            other => int_arg(thread, other).map(Value::Int),
        })
        .transpose()?
        .unwrap_or(Value::Int(0));
    let iterator = iterate(thread, &args[0])?;
    Ok(lazy_iterator(Lazy::Enumerate { iterator, count: start }))
}

fn zip(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let mut strict = false;
    for (name, value) in &kwargs {
        if thread.interp.version == PythonVersion::V3_9 {
            return Err(thread.exception("TypeError", "zip() takes no keyword arguments"));
        }
        if &**name != "strict" {
            let message = format!("zip() got an unexpected keyword argument '{name}'");
            return Err(thread.exception("TypeError", message));
        }
        strict = thread.truth(value)?;
    }
    let iterators: Vec<Value> =
        args.iter().map(|a| iterate(thread, a)).collect::<Result<_, _>>()?;
    Ok(lazy_iterator(if strict { Lazy::ZipStrict(iterators) } else { Lazy::Zip(iterators) }))
}

/// A step of `zip(..., strict=True)`: the first iterable to end must end with all the others.
fn zip_strict_next(thread: &mut Thread, iterators: &[Value]) -> Result<Option<Value>, Value> {
    let uneven = |thread: &Thread, at: usize, how: &str| {
        let before = if at == 1 { "argument 1".to_string() } else { format!("arguments 1-{at}") };
        let message = format!("zip() argument {} is {how} than {before}", at + 1);
        thread.exception("ValueError", message)
    };
    let mut items = Vec::with_capacity(iterators.len());
    for (i, iterator) in iterators.iter().enumerate() {
        match next(thread, iterator)? {
            Some(item) => items.push(item),
            None if i == 0 => {
                for (j, other) in iterators.iter().enumerate().skip(1) {
                    if next(thread, other)?.is_some() {
                        return Err(uneven(thread, j, "longer"));
                    }
                }
                return Ok(None);
            }
            None => return Err(uneven(thread, i, "shorter")),
        }
    }
    Ok(Some(Value::tuple(items)))
}

fn map(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    no_keywords(thread, "map", &kwargs)?;
    if args.len() < 2 {
        return Err(thread.exception("TypeError", "map() must have at least two arguments."));
    }
    let iterators = args[1..].iter().map(|a| iterate(thread, a)).collect::<Result<_, _>>()?;
    Ok(lazy_iterator(Lazy::Map { function: args[0].clone(), iterators }))
}

fn filter(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    no_keywords(thread, "filter", &kwargs)?;
    if args.len() != 2 {
        let message = format!("filter expected 2 arguments, got {}", args.len());
        return Err(thread.exception("TypeError", message));
    }
    let iterator = iterate(thread, &args[1])?;
    Ok(lazy_iterator(Lazy::Filter { function: args[0].clone(), iterator }))
}

fn no_keywords(thread: &Thread, name: &str, kwargs: &Kwargs) -> Result<(), Value> {
    if kwargs.is_empty() {
        return Ok(());
    }
    Err(thread.exception("TypeError", format!("{name}() takes no keyword arguments")))
}

fn lazy_iterator(lazy: Lazy) -> Value {
    Value::Iterator(Arc::new(Mutex::new(Iter::Lazy(lazy))))
}

/// The next item of `zip`, `map`, `filter` or `enumerate`: each step takes from the iterators
/// underneath only what it needs, as CPython's do, so they work on endless iterators.
pub fn lazy_next(
    thread: &mut Thread,
    state: &Arc<Mutex<Iter>>,
    lazy: Lazy,
) -> Result<Option<Value>, Value> {
    thread.charge_items(1);
    let item = match lazy {
        Lazy::Zip(iterators) | Lazy::ZipStrict(iterators) | Lazy::Map { iterators, .. }
            if iterators.is_empty() =>
        {
            None
        }
        Lazy::Zip(iterators) => next_of_each(thread, &iterators)?.map(Value::tuple),
        Lazy::ZipStrict(iterators) => zip_strict_next(thread, &iterators)?,
        Lazy::Map { function, iterators } => match next_of_each(thread, &iterators)? {
            Some(args) => Some(thread.call(&function, args, vec![])?),
            None => None,
        },
        Lazy::Filter { function, iterator } => loop {
            let Some(item) = next(thread, &iterator)? else { break None };
            let keep = if function.is_none() {
                item.clone()
            } else {
                thread.call(&function, vec![item.clone()], vec![])?
            };
            if thread.truth(&keep)? {
                break Some(item);
            }
        },
        Lazy::Enumerate { iterator, count } => match next(thread, &iterator)? {
            Some(item) => {
                if let Iter::Lazy(Lazy::Enumerate { count: stored, .. }) = &mut *lock(state) {
                    *stored = match &*stored {
                        Value::Int(n) => ops::int_value(i128::from(*n) + 1),
                        Value::BigInt(n) => ops::normalize(&**n + 1),
                        other => other.clone(),
                    };
                }
                Some(Value::tuple(vec![count, item]))
            }
            None => None,
        },
    };
    if item.is_none() {
        lock(state).exhaust();
    }
    Ok(item)
}

/// One item from each iterator, or `None` as soon as one is exhausted.
fn next_of_each(thread: &mut Thread, iterators: &[Value]) -> Result<Option<Vec<Value>>, Value> {
    let mut items = Vec::with_capacity(iterators.len());
    for iterator in iterators {
        match next(thread, iterator)? {
            Some(item) => items.push(item),
            None => return Ok(None),
        }
    }
    Ok(Some(items))
}

fn items_iterator(items: Vec<Value>, name: &'static str) -> Value {
    Value::Iterator(Arc::new(Mutex::new(Iter::Items(items.into_iter(), name))))
}

/// `isinstance`-style check of a value against a class (built-in types included).
pub fn is_instance(thread: &Thread, value: &Value, class: &Arc<Class>) -> bool {
    match value {
        Value::Instance(instance) => instance.class.is_subclass_of(class),
        // The class `type()` gives for a native object (see `type_of`).
        Value::Native(native)
            if lock(&thread.interp.native_classes)
                .get(&native_key(native))
                .is_some_and(|own| own.is_subclass_of(class)) =>
        {
            true
        }
        Value::Class(own) if own.metaclass.is_some() => {
            own.metaclass.as_ref().is_some_and(|meta| meta.is_subclass_of(class))
        }
        other => {
            let own = type_name(other);
            let own =
                thread.interp.builtins_class(&own).unwrap_or_else(|| thread.interp.class("object"));
            own.is_subclass_of(class)
        }
    }
}

/// Whether `value` is an instance whose class defines `__class__` itself (a property, as
/// mocks and proxies do), which `isinstance` then asks too. Only classes that had a property
/// when they were made are looked into.
fn claims_class(value: &Value) -> bool {
    matches!(value, Value::Instance(instance)
        if instance.class.has_properties && instance.class.lookup("__class__").is_some())
}

fn isinstance(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    // The common case first: a class with no metaclass has no `__instancecheck__` to ask.
    if let [value, Value::Class(class)] = &args[..] {
        if class.metaclass.is_none() && !claims_class(value) {
            return Ok(Value::Bool(is_instance(thread, value, class)));
        }
    }
    arity(thread, "isinstance", &args, 2, 2)?;
    let message = match thread.interp.version >= PythonVersion::V3_10 {
        true => "isinstance() arg 2 must be a type, a tuple of types, or a union",
        false => "isinstance() arg 2 must be a type or tuple of types",
    };
    is_instance_of(thread, &args[0], &args[1], message).map(Value::Bool)
}

/// Whether `spec` may answer `isinstance`/`issubclass` through its type's hook
/// (`__instancecheck__`, `__subclasscheck__`): a class with a metaclass (ABCMeta), or an
/// object of a class (`typing.List`).
fn may_hook(spec: &Value) -> bool {
    match spec {
        Value::Class(class) => class.metaclass.is_some(),
        Value::Instance(_) => true,
        _ => false,
    }
}

/// For a tuple or a union (`int | str`) as `isinstance` and `issubclass` take them: whether
/// `test` holds for any of its members, tried in turn. None for any other `spec`.
fn any_member(
    thread: &mut Thread,
    spec: &Value,
    mut test: impl FnMut(&mut Thread, &Value) -> Result<bool, Value>,
) -> Option<Result<bool, Value>> {
    let union;
    let members: &[Value] = match spec {
        Value::Tuple(items) => items,
        _ => {
            union = crate::generic::union_members(thread, spec)?;
            &union
        }
    };
    for member in members {
        match test(thread, member) {
            Ok(false) => {}
            answer => return Some(answer),
        }
    }
    Some(Ok(false))
}

/// `isinstance(value, spec)` as CPython's `object_recursive_isinstance` decides it: the exact
/// type at once (no hook asked); a tuple's items in order, the first yes winning; then
/// `spec`'s hook; then the type and what a `__class__` attribute claims.
fn is_instance_of(
    thread: &mut Thread,
    value: &Value,
    spec: &Value,
    message: &str,
) -> Result<bool, Value> {
    if let (Value::Instance(instance), Value::Class(class)) = (value, spec) {
        if Arc::ptr_eq(&instance.class, class) {
            return Ok(true);
        }
    }
    let any =
        any_member(thread, spec, |thread, member| is_instance_of(thread, value, member, message));
    if let Some(answer) = any {
        return answer;
    }
    if may_hook(spec) {
        if let Some(hook) = thread.special_method(spec, "__instancecheck__") {
            let answer = thread.call(&hook, vec![value.clone()], vec![])?;
            return thread.truth(&answer);
        }
    }
    let Value::Class(class) = spec else {
        return Err(thread.exception("TypeError", message));
    };
    if is_instance(thread, value, class) {
        return Ok(true);
    }
    if !claims_class(value) {
        return Ok(false);
    }
    // CPython's `object_isinstance`: after the type, the class `value.__class__` claims; an
    // AttributeError reading it means no claim.
    let claimed = match get_attribute(thread, value, "__class__") {
        Ok(claimed) => claimed,
        Err(error) if exception_is(thread, &error, "AttributeError") => return Ok(false),
        Err(error) => return Err(error),
    };
    Ok(matches!(&claimed, Value::Class(claimed) if claimed.is_subclass_of(class)))
}

/// `type.__call__(cls, *args, **kwargs)`: a new instance of `cls`, `__new__` then `__init__`.
fn type_call(thread: &mut Thread, mut args: Args, kwargs: Kwargs) -> CallResult {
    let Some(Value::Class(class)) = args.first().cloned() else {
        return Err(thread.exception("TypeError", "descriptor '__call__' requires a 'type' object"));
    };
    args.remove(0);
    thread.make_instance(class, args, kwargs)
}

/// `type.__init__(cls, name, bases, namespace)` (or `(cls, obj)`): the class is made already.
fn type_init(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    if !matches!(args.len(), 2 | 4) {
        return Err(thread.exception("TypeError", "type.__init__() takes 1 or 3 arguments"));
    }
    Ok(Value::None)
}

pub(crate) fn type_of(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    if args.len() == 3 {
        return make_type(thread, args);
    }
    if args.len() != 1 {
        return Err(thread.exception("TypeError", "type() takes 1 or 3 arguments"));
    }
    Ok(match &args[0] {
        Value::Instance(instance) => Value::Class(instance.class.clone()),
        Value::Class(class) if class.metaclass.is_some() => {
            Value::Class(class.metaclass.clone().expect("checked"))
        }
        other => {
            let name = type_name(other);
            if let Some(class) = thread.interp.builtins_class(&name) {
                return Ok(Value::Class(class));
            }
            let make = |module: Option<&'static str>, methods: &'static [(&str, BuiltinFn)]| {
                let class = Arc::new(Class {
                    name,
                    bases: vec![thread.interp.class("object")],
                    bases_mro: vec![thread.interp.class("object")],
                    dict: Default::default(),
                    is_exception: false,
                    overrides_getattribute: false,
                    has_properties: false,
                    has_slots: false,
                    metaclass: None,
                });
                if let Some(module) = module {
                    let mut dict = lock(&class.dict);
                    dict.insert(Text::from("__module__"), Value::str(module));
                    // Not made by calling: a lock or a view made empty would be no object.
                    dict.insert(Text::from("__new__"), builtin("__new__", native_new));
                    // Its methods, unbound, as CPython's method descriptors: what reads them
                    // from the type (`type(cm).__enter__(cm)`, as `ExitStack` does) finds them.
                    for &(name, function) in methods {
                        dict.insert(Text::from(name), builtin(name, function));
                    }
                }
                class
            };
            match other {
                Value::Native(native) => {
                    let mut classes = lock(&thread.interp.native_classes);
                    let class = classes
                        .entry(native_key(native))
                        .or_insert_with(|| make(Some(native.kind.module), native.kind.methods));
                    Value::Class(class.clone())
                }
                _ => Value::Class(make(None, &[])),
            }
        }
    })
}

/// Where `Interpreter::native_classes` keeps the class of `native`'s type.
fn native_key(native: &crate::value::Native) -> usize {
    native.kind as *const crate::value::NativeType as usize
}

/// `__new__` of the class of a native type: the singletons give themselves, as CPython's
/// `type(...)()` does; other native objects are made only by their module.
fn native_new(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let Some(Value::Class(class)) = args.first() else {
        return Err(thread.exception("TypeError", "__new__() needs a type"));
    };
    let module = match lock(&class.dict).get("__module__") {
        Some(Value::Str(module)) => module.to_string(),
        _ => "builtins".to_string(),
    };
    match (module.as_str(), &*class.name) {
        (_, "NotImplementedType") => Ok(NOT_IMPLEMENTED.clone()),
        (_, "ellipsis") => Ok(ELLIPSIS.clone()),
        // The lock types are callable as `threading` calls them (`_thread.lock` from 3.13).
        ("_thread", "RLock") => Ok(crate::threads::new_rlock_value()),
        ("_thread", "lock") if thread.interp.version >= PythonVersion::V3_13 => {
            Ok(crate::threads::new_lock_value())
        }
        (_, name) => {
            let name =
                if module == "builtins" { name.to_string() } else { format!("{module}.{name}") };
            Err(thread.exception("TypeError", format!("cannot create '{name}' instances")))
        }
    }
}

/// `type(name, bases, namespace)`: a class made as a class statement would make it, in the
/// module of the code that calls it.
fn make_type(thread: &mut Thread, args: Args) -> CallResult {
    make_class_of(thread, args, None)
}

/// `metaclass(name, bases, namespace)`: a class made as a class statement naming that
/// metaclass would make it (`type` for None), as `type.__call__` makes one through
/// `type.__new__`; a copy of the namespace is its own.
pub(crate) fn make_class_of(
    thread: &mut Thread,
    args: Args,
    metaclass: Option<Value>,
) -> CallResult {
    let Value::Str(name) = &args[0] else {
        return Err(thread.exception(
            "TypeError",
            format!("type.__new__() argument 1 must be str, not {}", type_name(&args[0])),
        ));
    };
    let Value::Tuple(bases) = &args[1] else {
        return Err(thread.exception(
            "TypeError",
            format!("type.__new__() argument 2 must be tuple, not {}", type_name(&args[1])),
        ));
    };
    let Value::Dict(namespace) = &args[2] else {
        return Err(thread.exception(
            "TypeError",
            format!("type.__new__() argument 3 must be dict, not {}", type_name(&args[2])),
        ));
    };
    let mut entries = crate::value::Map::default();
    if let Some(module) = thread.current_module() {
        entries.insert(Key(Value::str("__module__")), module);
    }
    entries.insert(Key(Value::str("__qualname__")), Value::Str(name.clone()));
    entries.extend(lock(&namespace.entries).iter().map(|(k, v)| (k.clone(), v.clone())));
    new_class(thread, name.clone(), bases.to_vec(), Dict::new(entries), metaclass)
}

impl Interpreter {
    fn builtins_class(&self, name: &str) -> Option<Arc<Class>> {
        self.classes.get(name).cloned()
    }
}

fn round(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "round", &args, 1, 2)?;
    if let Some(method) = thread.special_method(&args[0], "__round__") {
        return thread.call(&method, args[1..].to_vec(), vec![]);
    }
    let digits = args.get(1).filter(|d| !d.is_none());
    match (&args[0], digits) {
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), None) => Ok(args[0].clone()),
        (Value::Float(f), None) => {
            if f.is_nan() {
                return Err(thread.exception("ValueError", "cannot convert float NaN to integer"));
            }
            let rounded = round_half_even(*f);
            if !rounded.is_finite() {
                return Err(
                    thread.exception("OverflowError", "cannot convert float infinity to integer")
                );
            }
            Ok(integral_float_value(rounded))
        }
        (Value::Float(f), Some(digits)) => {
            let digits = int_arg(thread, digits)?;
            // Through the decimal text, as CPython rounds the exact binary value.
            let text = format!("{:.*}", digits.max(0) as usize, f);
            Ok(Value::Float(if digits >= 0 {
                text.parse().unwrap_or(*f)
            } else {
                let p = 10f64.powi(-digits as i32);
                round_half_even(f / p) * p
            }))
        }
        (Value::Int(i), Some(digits)) => {
            let digits = int_arg(thread, digits)?;
            if digits >= 0 {
                return Ok(Value::Int(*i));
            }
            let p = 10i64.pow((-digits) as u32);
            Ok(Value::Int((round_half_even(*i as f64 / p as f64) as i64) * p))
        }
        (other, _) => Err(thread.exception(
            "TypeError",
            format!("type {} doesn't define __round__ method", type_name(other)),
        )),
    }
}

/// The int a finite, integral float holds, exactly (`int(1e40)` is 10000000000000000303786028427003666890752).
pub(crate) fn integral_float_value(value: f64) -> Value {
    if value.abs() < 9.2e18 {
        return Value::Int(value as i64);
    }
    use num_traits::FromPrimitive;
    ops::normalize(num_bigint::BigInt::from_f64(value).expect("finite"))
}

fn round_half_even(value: f64) -> f64 {
    let rounded = value.round();
    if (value - value.trunc()).abs() == 0.5 {
        2.0 * (value / 2.0).round()
    } else {
        rounded
    }
}

fn divmod(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "divmod", &args, 2, 2)?;
    let (left, right) = (&args[0], &args[1]);
    if matches!(left, Value::Instance(_)) || matches!(right, Value::Instance(_)) {
        if let Some(result) = divmod_special(thread, left, right)? {
            return Ok(result);
        }
    }
    // Numbers, and instances of their subclasses, divide as their base.
    let number = |value: &Value| {
        matches!(
            value.builtin_base(),
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_)
        )
    };
    if !number(left) || !number(right) {
        let message = format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            type_name(left),
            type_name(right)
        );
        return Err(thread.exception("TypeError", message));
    }
    let is_float = |value: &Value| matches!(value.builtin_base(), Value::Float(_));
    let is_zero = match right.builtin_base() {
        Value::Int(0) | Value::Bool(false) => true,
        Value::Float(f) => *f == 0.0,
        _ => false,
    };
    if is_zero && (is_float(left) || is_float(right)) {
        return Err(thread.exception("ZeroDivisionError", "float divmod()"));
    }
    let (left, right) = (left.builtin_base().clone(), right.builtin_base().clone());
    let quotient =
        thread.binary(crate::code::BinaryOp::FloorDiv, left.clone(), right.clone(), false)?;
    let remainder = thread.binary(crate::code::BinaryOp::Mod, left, right, false)?;
    Ok(Value::tuple(vec![quotient, remainder]))
}

/// `divmod` of a user object: its `__divmod__`, else the right operand's `__rdivmod__`; None
/// when neither class has one.
fn divmod_special(
    thread: &mut Thread,
    left: &Value,
    right: &Value,
) -> Result<Option<Value>, Value> {
    let attempts = [(left, "__divmod__", right), (right, "__rdivmod__", left)];
    let mut tried = false;
    for (receiver, name, other) in attempts {
        if let Some(method) = thread.special_method(receiver, name) {
            tried = true;
            let result = thread.call(&method, vec![other.clone()], vec![])?;
            if !is_not_implemented(thread, &result) {
                return Ok(Some(result));
            }
        }
    }
    if !tried {
        return Ok(None);
    }
    let message = format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        type_name(left),
        type_name(right)
    );
    Err(thread.exception("TypeError", message))
}

fn pow(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "pow", &args, 2, 3)?;
    if let Some(modulus) = args.get(2).filter(|m| !m.is_none()) {
        let (base, exponent, modulus) =
            (int_arg(thread, &args[0])?, int_arg(thread, &args[1])?, int_arg(thread, modulus)?);
        if modulus == 0 {
            return Err(thread.exception("ValueError", "pow() 3rd argument cannot be 0"));
        }
        let modulus_big = ops::big(modulus);
        // A negative exponent means the modular inverse first (3.8+).
        let base_big = if exponent < 0 {
            match ops::big(base).modinv(&modulus_big) {
                Some(inverse) => inverse,
                None => {
                    return Err(thread
                        .exception("ValueError", "base is not invertible for the given modulus"))
                }
            }
        } else {
            ops::big(base)
        };
        let mut result = base_big.modpow(&ops::big(exponent.unsigned_abs() as i64), &modulus_big);
        // Python's result takes the modulus's sign.
        if result != num_bigint::BigInt::from(0)
            && (result < num_bigint::BigInt::from(0)) != (modulus < 0)
        {
            result += &modulus_big;
        }
        return Ok(ops::normalize(result));
    }
    thread.binary(crate::code::BinaryOp::Pow, args[0].clone(), args[1].clone(), false)
}

fn any(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "any", &args, 1, 1)?;
    Ok(Value::Bool(has_item_of_truth(thread, &args[0], true)?))
}

fn all(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "all", &args, 1, 1)?;
    Ok(Value::Bool(!has_item_of_truth(thread, &args[0], false)?))
}

/// Whether an item of `iterable` has truth `wanted`, taking items only until one does (the
/// rest of a generator is not run).
fn has_item_of_truth(thread: &mut Thread, iterable: &Value, wanted: bool) -> Result<bool, Value> {
    let iterator = iterate(thread, iterable)?;
    while let Some(item) = next(thread, &iterator)? {
        thread.charge_items(1);
        if thread.truth(&item)? == wanted {
            return Ok(true);
        }
    }
    Ok(false)
}

fn reversed(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "reversed", &args, 1, 1)?;
    let subject = &args[0];
    let reversible = match subject {
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Range(_) | Value::Dict(_) => true,
        Value::Native(native) => native.kind.name.starts_with("dict_"),
        _ => false,
    };
    if !reversible {
        if let Some(method) = thread.special_method(subject, "__reversed__") {
            return thread.call(&method, vec![], vec![]);
        }
        // The sequence protocol: `__len__` and `__getitem__`.
        let sequence = subject.extended_base().is_some()
            || (thread.special_method(subject, "__len__").is_some()
                && thread.special_method(subject, "__getitem__").is_some());
        if !sequence {
            let message = format!("'{}' object is not reversible", type_name(subject));
            return Err(thread.exception("TypeError", message));
        }
    }
    let name = match subject {
        Value::List(_) => "list_reverseiterator",
        Value::Range(_) => "range_iterator",
        Value::Dict(_) => "dict_reversekeyiterator",
        Value::Native(native) => match native.kind.name {
            "dict_values" => "dict_reversevalueiterator",
            "dict_items" => "dict_reverseitemiterator",
            _ => "dict_reversekeyiterator",
        },
        _ => "reversed",
    };
    let mut items = collect(thread, subject)?;
    items.reverse();
    Ok(items_iterator(items, name))
}

/// `reversed(value)`, for the special methods that are it (`dict.__reversed__`).
pub fn call_builtin_reversed(thread: &mut Thread, value: Value) -> CallResult {
    reversed(thread, vec![value], vec![])
}

fn chr(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "chr", &args, 1, 1)?;
    let code = int_arg(thread, &args[0])?;
    match u32::try_from(code).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::Str(Text::of_char(c))),
        None => Err(thread.exception("ValueError", "chr() arg not in range(0x110000)")),
    }
}

fn ord(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "ord", &args, 1, 1)?;
    match &args[0] {
        Value::Str(s) if s.chars().count() == 1 => Ok(Value::Int(s.chars().next().unwrap() as i64)),
        Value::Str(s) => Err(thread.exception(
            "TypeError",
            format!("ord() expected a character, but string of length {} found", s.chars().count()),
        )),
        other => Err(thread.exception(
            "TypeError",
            format!("ord() expected string of length 1, but {} found", type_name(other)),
        )),
    }
}

fn radix(thread: &mut Thread, args: Args, name: &str, spec: &str) -> CallResult {
    arity(thread, name, &args, 1, 1)?;
    if let Some(int) = index_of_instance(thread, &args[0])? {
        return thread.format(&int, spec);
    }
    if !matches!(args[0], Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
        return Err(thread.exception(
            "TypeError",
            format!("'{}' object cannot be interpreted as an integer", type_name(&args[0])),
        ));
    }
    thread.format(&args[0], spec)
}

fn hex(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    radix(thread, args, "hex", "#x")
}

fn bin(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    radix(thread, args, "bin", "#b")
}

fn property(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    arity(thread, "property", &args, 0, 4)?;
    let accessor = |index: usize, name: &str| {
        args.get(index).or_else(|| kwarg(&kwargs, name)).cloned().unwrap_or(Value::None)
    };
    Ok(Value::Descriptor(Arc::new(Descriptor::Property {
        get: accessor(0, "fget"),
        set: accessor(1, "fset"),
        delete: accessor(2, "fdel"),
        doc: accessor(3, "doc"),
    })))
}

/// `@name.getter`, `@name.setter`, `@name.deleter`: a copy of the property with one accessor
/// replaced (`which` is 0, 1 or 2).
fn property_with(thread: &mut Thread, args: Args, method: &str, which: usize) -> CallResult {
    arity(thread, method, &args, 2, 2)?;
    // On a subclass's instance, a copy of the same subclass, as CPython's `type(self)(...)`.
    let (subclass, property) = match &args[0] {
        Value::Instance(instance) => (Some(instance.class.clone()), instance.base.as_ref()),
        other => (None, Some(other)),
    };
    let Some(Value::Descriptor(descriptor)) = property else {
        return Err(thread.exception("TypeError", format!("{method}() needs a property")));
    };
    let Descriptor::Property { get, set, delete, doc } = &**descriptor else {
        return Err(thread.exception("TypeError", format!("{method}() needs a property")));
    };
    let mut accessors = [get.clone(), set.clone(), delete.clone()];
    accessors[which] = args[1].clone();
    let [get, set, delete] = accessors;
    let doc = doc.clone();
    match subclass {
        Some(class) => thread.call(&Value::Class(class), vec![get, set, delete, doc], vec![]),
        None => Ok(Value::Descriptor(Arc::new(Descriptor::Property { get, set, delete, doc }))),
    }
}

fn property_getter(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    property_with(thread, args, "getter", 0)
}

fn property_setter(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    property_with(thread, args, "setter", 1)
}

fn property_deleter(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    property_with(thread, args, "deleter", 2)
}

/// What a property's accessor raises when it is missing: 3.11 named the property and the class.
fn missing_accessor(thread: &Thread, name: &str, class: &str, what: &str, verb: &str) -> Value {
    let message = if thread.interp.version >= PythonVersion::V3_11 {
        format!("property '{name}' of '{class}' object has no {what}")
    } else {
        format!("can't {verb} attribute")
    };
    thread.exception("AttributeError", message)
}

fn classmethod(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "classmethod", &args, 1, 1)?;
    Ok(Value::Descriptor(Arc::new(Descriptor::ClassMethod(args[0].clone()))))
}

fn staticmethod(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "staticmethod", &args, 1, 1)?;
    Ok(Value::Descriptor(Arc::new(Descriptor::StaticMethod(args[0].clone()))))
}

fn callable(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "callable", &args, 1, 1)?;
    Ok(Value::Bool(match &args[0] {
        Value::Function(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_) => true,
        Value::Instance(instance) => instance.class.lookup("__call__").is_some(),
        _ => false,
    }))
}

fn oct(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    radix(thread, args, "oct", "#o")
}

fn issubclass(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "issubclass", &args, 2, 2)?;
    let Value::Class(class) = &args[0] else {
        return Err(thread.exception("TypeError", "issubclass() arg 1 must be a class"));
    };
    let message = match thread.interp.version >= PythonVersion::V3_10 {
        true => "issubclass() arg 2 must be a class, a tuple of classes, or a union",
        false => "issubclass() arg 2 must be a class or tuple of classes",
    };
    is_subclass_of(thread, &class.clone(), &args[1], message).map(Value::Bool)
}

/// `issubclass(derived, spec)` as CPython's `object_issubclass` decides it: a plain class at
/// once (no hook asked); a tuple's items in order; then `spec`'s `__subclasscheck__`.
fn is_subclass_of(
    thread: &mut Thread,
    derived: &Arc<Class>,
    spec: &Value,
    message: &str,
) -> Result<bool, Value> {
    match spec {
        Value::Class(class) if class.metaclass.is_none() => Ok(derived.is_subclass_of(class)),
        _ => {
            let any = any_member(thread, spec, |thread, member| {
                is_subclass_of(thread, derived, member, message)
            });
            if let Some(answer) = any {
                return answer;
            }
            if may_hook(spec) {
                if let Some(hook) = thread.special_method(spec, "__subclasscheck__") {
                    let answer = thread.call(&hook, vec![Value::Class(derived.clone())], vec![])?;
                    return thread.truth(&answer);
                }
            }
            match spec {
                Value::Class(class) => Ok(derived.is_subclass_of(class)),
                _ => Err(thread.exception("TypeError", message)),
            }
        }
    }
}

fn iter(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    match args.len() {
        1 => iterate(thread, &args[0]),
        // `iter(q.get, None)`, the consumer's loop: a generator of `_gilpy_iteration`, so that
        // each call runs in the thread's own eval loop (a `for` loop enters its frame), where
        // a blocking `get` can wait as it would outside (CPython's `callable_iterator`).
        2 => {
            let is_callable = callable(thread, vec![args[0].clone()], vec![])?;
            if !thread.truth(&is_callable)? {
                return Err(thread.exception("TypeError", "iter(v, w): v must be callable"));
            }
            let module = import(thread, "_gilpy_iteration")?;
            let helper = get_attribute(thread, &module, "callable_iterator")?;
            thread.call(&helper, args, vec![])
        }
        0 => Err(thread.exception("TypeError", "iter expected at least 1 argument, got 0")),
        n => {
            Err(thread
                .exception("TypeError", format!("iter expected at most 2 arguments, got {n}")))
        }
    }
}

pub(crate) fn next_builtin(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "next", &args, 1, 2)?;
    match next(thread, &args[0])? {
        Some(item) => Ok(item),
        None => match args.get(1) {
            Some(default) => Ok(default.clone()),
            // A generator's StopIteration carries what it returned.
            None => {
                let returned = match &args[0] {
                    Value::Generator(generator) => lock(&generator.return_value).clone(),
                    _ => Value::None,
                };
                let args = if returned.is_none() { vec![] } else { vec![returned] };
                Err(thread.interp.new_exception("StopIteration", args))
            }
        },
    }
}

fn getattr(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "getattr", &args, 2, 3)?;
    let Value::Str(name) = &args[1] else {
        return Err(thread.exception("TypeError", "attribute name must be string"));
    };
    match get_attribute(thread, &args[0], name) {
        Err(error) if args.len() == 3 && exception_is(thread, &error, "AttributeError") => {
            Ok(args[2].clone())
        }
        other => other,
    }
}

fn setattr(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "setattr", &args, 3, 3)?;
    let Value::Str(name) = &args[1] else {
        return Err(thread.exception("TypeError", "attribute name must be string"));
    };
    set_attribute(thread, &args[0], name.clone(), args[2].clone())?;
    Ok(Value::None)
}

/// `id(value)`: the object's address; immediates get a number of their own (odd, so never an
/// address), equal for equal values as small ints share identity in CPython.
fn id(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "id", &args, 1, 1)?;
    let address = args[0].address();
    if address != 0 {
        return Ok(Value::Int(address as i64));
    }
    let bits = match &args[0] {
        Value::None => 0,
        Value::Bool(b) => 2 + *b as u64,
        Value::Int(i) => (*i as u64).wrapping_mul(4).wrapping_add(4),
        Value::Float(f) => f.to_bits(),
        _ => 0,
    };
    Ok(Value::Int(((bits << 1) | 1) as i64 & i64::MAX))
}

/// `format(value, spec="")`.
fn format_builtin(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "format", &args, 1, 2)?;
    let spec = match args.get(1) {
        None => String::new(),
        Some(Value::Str(spec)) => spec.to_string(),
        Some(other) => {
            return Err(thread.exception(
                "TypeError",
                format!("format() argument 2 must be str, not {}", type_name(other)),
            ))
        }
    };
    thread.format(&args[0], &spec)
}

fn delattr(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "delattr", &args, 2, 2)?;
    let Value::Str(name) = &args[1] else {
        return Err(thread.exception("TypeError", "attribute name must be string"));
    };
    delete_attribute(thread, &args[0], name)?;
    Ok(Value::None)
}

/// `del obj.name`: a `__delattr__` of the class first, else the instance's or class's own.
pub fn delete_attribute(thread: &mut Thread, object: &Value, name: &str) -> Result<(), Value> {
    if let Some(method) = thread.special_method(object, "__delattr__") {
        thread.call(&method, vec![Value::str(name)], vec![])?;
        return Ok(());
    }
    let removed = match object {
        Value::Instance(instance) => {
            let class_attribute = instance.class.lookup(name);
            if let Some(descriptor @ Value::Instance(_)) = &class_attribute {
                if let Some(delete) = thread.special_method(descriptor, "__delete__") {
                    thread.call(&delete, vec![object.clone()], vec![])?;
                    return Ok(());
                }
            }
            if let Some(Value::Descriptor(descriptor)) = class_attribute {
                if let Descriptor::Property { delete, .. } = &*descriptor {
                    if delete.is_none() {
                        let class = &instance.class.name;
                        return Err(missing_accessor(thread, name, class, "deleter", "delete"));
                    }
                    thread.call(delete, vec![object.clone()], vec![])?;
                    return Ok(());
                }
            }
            instance.remove(name)
        }
        Value::Class(class) => lock(&class.dict).shift_remove(name).is_some(),
        Value::Function(function) => {
            lock(&function.dict().entries).remove(&Key(Value::str(name))).is_some()
        }
        _ => false,
    };
    if !removed {
        return Err(thread.exception(
            "AttributeError",
            format!("'{}' object has no attribute '{name}'", type_name(object)),
        ));
    }
    Ok(())
}

fn hasattr(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "hasattr", &args, 2, 2)?;
    let Value::Str(name) = &args[1] else {
        return Err(thread.exception("TypeError", "attribute name must be string"));
    };
    Ok(Value::Bool(optional_attribute(thread, &args[0], name)?.is_some()))
}

/// The attribute `name` of `object`, or `None` where reading it raises AttributeError.
pub fn optional_attribute(
    thread: &mut Thread,
    object: &Value,
    name: &str,
) -> Result<Option<Value>, Value> {
    match get_attribute(thread, object, name) {
        Ok(value) => Ok(Some(value)),
        Err(error) if exception_is(thread, &error, "AttributeError") => Ok(None),
        Err(error) => Err(error),
    }
}

fn hash(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "hash", &args, 1, 1)?;
    hash_of(thread, &args[0])
}

/// `hash(value)`: CPython's for numbers; for other values, the hash their dict keys use.
pub fn hash_of(thread: &mut Thread, value: &Value) -> CallResult {
    ops::check_hashable(value).map_err(|e| thread.op_error(e))?;
    if let Some(method) = thread.special_method(value, "__hash__") {
        return match thread.call(&method, vec![], vec![])? {
            Value::Int(hash) => Ok(Value::Int(if hash == -1 { -2 } else { hash })),
            Value::Bool(b) => Ok(Value::Int(b as i64)),
            big @ Value::BigInt(_) => hash_of(thread, &big),
            _ => Err(thread.exception("TypeError", "__hash__ method should return an integer")),
        };
    }
    // An instance extending a built-in value hashes as that value (a namedtuple as its tuple).
    Ok(Value::Int(ops::py_hash(value.builtin_base()).map_err(|e| thread.op_error(e))?))
}

/// What `exec` or `eval` (`name`) is given to run: source text, or code `compile` made.
enum Runnable {
    Source(Text),
    Code(Arc<crate::code::Code>),
}

/// The first argument of `exec` or `eval` (`name`), with their argument checks.
fn runnable(thread: &Thread, name: &str, args: &Args, kwargs: &Kwargs) -> Result<Runnable, Value> {
    no_kwargs(thread, name, kwargs)?;
    arity(thread, name, args, 1, 3)?;
    match &args[0] {
        Value::Str(source) => Ok(Runnable::Source(source.clone())),
        Value::Code(code) => Ok(Runnable::Code(code.clone())),
        other => Err(thread.exception(
            "TypeError",
            format!(
                "{name}() arg 1 must be a string, bytes or code object, not {}",
                type_name(other)
            ),
        )),
    }
}

/// The locals `exec` or `eval` (`name`) is given: `None` when they are the globals, or not
/// given.
fn given_locals(
    thread: &Thread,
    name: &str,
    locals: Option<&Value>,
    globals: &Arc<Dict>,
) -> Result<Option<Arc<Dict>>, Value> {
    match locals {
        None | Some(Value::None) => Ok(None),
        Some(Value::Dict(locals)) if Arc::ptr_eq(locals, globals) => Ok(None),
        Some(Value::Dict(locals)) => Ok(Some(locals.clone())),
        Some(Value::Instance(_)) => Err(thread.exception(
            "NotImplementedError",
            "locals that are not a dict are not supported by gilpy yet",
        )),
        Some(other) => Err(thread.exception(
            "TypeError",
            match name {
                "exec" => format!("locals must be a mapping or None, not {}", type_name(other)),
                _ => "locals must be a mapping".to_string(),
            },
        )),
    }
}

/// The globals and locals `exec` or `eval` (`name`) runs with: those given, else the caller's
/// globals and its locals (a class body's namespace, or in a function a snapshot of its
/// variables, which the code reads and its bindings do not change).
fn namespaces(
    thread: &mut Thread,
    name: &str,
    args: &Args,
) -> Result<(Arc<Dict>, Option<Arc<Dict>>), Value> {
    let (globals, caller_locals) = match args.get(1) {
        None | Some(Value::None) => {
            let globals = thread.current_globals().ok_or_else(|| {
                thread.exception("SystemError", format!("{name}() without globals outside a frame"))
            })?;
            let locals = match thread.current_locals() {
                Some(Value::Dict(locals)) if !Arc::ptr_eq(&locals, &globals) => Some(locals),
                _ => None,
            };
            (globals, locals)
        }
        Some(Value::Dict(globals)) => (globals.clone(), None),
        Some(other) => {
            let message = match name {
                "exec" => format!("exec() globals must be a dict, not {}", type_name(other)),
                _ => format!("globals must be a dict, not {}", type_name(other)),
            };
            return Err(thread.exception("TypeError", message));
        }
    };
    let locals = match args.get(2) {
        None | Some(Value::None) => caller_locals,
        given => given_locals(thread, name, given, &globals)?,
    };
    Ok((globals, locals))
}

/// `exec(source, globals=None, locals=None)`: compiles the text (or takes the code `compile`
/// made) and runs it with `globals` (by default the caller's) as its namespace, as the
/// standard library does to make functions with exact signatures (`namedtuple`,
/// `dataclasses`). Given separate locals, the names it binds go there, as in a class body
/// (`timeit` takes its timing function from them).
fn exec(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let runnable = runnable(thread, "exec", &args, &kwargs)?;
    let (globals, locals) = namespaces(thread, "exec", &args)?;
    let code = match runnable {
        Runnable::Code(code) => code,
        Runnable::Source(source) => {
            crate::compile(&source, "<string>", thread.interp.version)
                .map_err(|error| syntax_error_exception(thread, &error))?
                .code
        }
    };
    thread.run_module_with_locals(code, globals, locals)?;
    Ok(Value::None)
}

/// `eval(expression, globals=None, locals=None)`: the value of one expression, in the
/// caller's globals or those given.
fn eval(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let runnable = runnable(thread, "eval", &args, &kwargs)?;
    let (globals, locals) = namespaces(thread, "eval", &args)?;
    let code = match runnable {
        Runnable::Code(code) => code,
        Runnable::Source(source) => compile_expression(thread, &source, "<string>")?,
    };
    thread.run_module_with_locals(code, globals, locals)
}

/// One expression compiled as `eval` and `compile(..., "eval")` take it, its syntax errors
/// reported as CPython reports them.
fn compile_expression(
    thread: &Thread,
    source: &str,
    filename: &str,
) -> Result<Arc<crate::code::Code>, Value> {
    // Leading spaces and tabs are allowed, as CPython strips them for eval.
    let source = source.trim_start_matches([' ', '\t']);
    let lines = crate::syntax::LineIndex::new(source);
    let version = thread.interp.version;
    let syntax_error = |thread: &Thread, (line, column, message): (u32, u32, String)| {
        let error = crate::syntax::SyntaxError {
            filename: filename.into(),
            line,
            column,
            line_text: lines.line_text(line).unwrap_or_default().to_string(),
            message,
            kind: "SyntaxError",
            width: 1,
        };
        syntax_error_exception(thread, &error)
    };
    // Nesting the parser may not recurse through is refused first, as for a program.
    if let Some((offset, message)) = crate::syntax::too_deep(source) {
        let (line, column) = lines.line_column(offset);
        return Err(syntax_error(thread, (line, column, message.to_string())));
    }
    let code = match ruff_python_parser::parse_expression(source) {
        Ok(parsed) => {
            let expression = parsed.into_syntax();
            crate::compile::compile_expression(&expression, filename, &lines, version)
                .map_err(|error| (error.line, error.column, error.message))
        }
        Err(error) => {
            // Input that ends too soon, as CPython reports it (no column from 3.10); else a
            // broken expression's own error, or for a statement (`x = 1`) "invalid syntax".
            let (line, column) = lines.line_column(error.location.start());
            let at_end =
                source[usize::from(error.location.start()).min(source.len())..].trim().is_empty();
            match (at_end, version >= PythonVersion::V3_10) {
                (true, true) => Err((line, 0, "invalid syntax".to_string())),
                (true, false) => Err((line, column - 1, "unexpected EOF while parsing".into())),
                (false, _) => {
                    if let Err(module_error) = crate::compile(source, filename, version) {
                        return Err(syntax_error_exception(thread, &module_error));
                    }
                    Err((line, column, "invalid syntax".to_string()))
                }
            }
        }
    };
    code.map_err(|error| syntax_error(thread, error))
}

/// CPython's message for a keyword argument a built-in function does not take (Argument
/// Clinic's words changed in 3.13).
fn unexpected_keyword(thread: &Thread, function: &str, name: &str) -> String {
    match thread.interp.version >= PythonVersion::V3_13 {
        true => format!("{function}() got an unexpected keyword argument '{name}'"),
        false => format!("'{name}' is an invalid keyword argument for {function}()"),
    }
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`: what an `import`
/// statement does, for programs that import by a name they compute. Without `fromlist` it
/// gives the top-level package, as `import a.b` binds `a`.
fn dunder_import(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    arity(thread, "__import__", &args, usize::from(kwarg(&kwargs, "name").is_none()), 5)?;
    for (name, _) in &kwargs {
        if !["name", "globals", "locals", "fromlist", "level"].contains(&&**name) {
            let message = unexpected_keyword(thread, "__import__", name);
            return Err(thread.exception("TypeError", message));
        }
    }
    let argument = |at: usize, name: &str| args.get(at).or_else(|| kwarg(&kwargs, name));
    let name = match args.first().or_else(|| kwarg(&kwargs, "name")).expect("checked above") {
        Value::Str(name) => name.clone(),
        other => {
            let message = match thread.interp.version >= PythonVersion::V3_11 {
                true => "module name must be a string".to_string(),
                false => format!("__import__() argument 1 must be str, not {}", type_name(other)),
            };
            return Err(thread.exception("TypeError", message));
        }
    };
    match argument(4, "level") {
        None | Some(Value::Int(0)) => {}
        Some(Value::Int(level)) if *level < 0 => {
            return Err(thread.exception("ValueError", "level must be >= 0"))
        }
        // Relative to the importing module, which CPython finds by its globals' `__name__`;
        // a program's own module is no package.
        Some(Value::Int(_)) => {
            return Err(match argument(1, "globals") {
                None | Some(Value::None) => thread
                    .interp
                    .new_exception("KeyError", vec![Value::str("'__name__' not in globals")]),
                Some(_) => thread.exception(
                    "ImportError",
                    "attempted relative import with no known parent package",
                ),
            })
        }
        Some(other) => {
            let message =
                format!("'{}' object cannot be interpreted as an integer", type_name(other));
            return Err(thread.exception("TypeError", message));
        }
    }
    if name.is_empty() {
        return Err(thread.exception("ValueError", "Empty module name"));
    }
    let fromlist = argument(3, "fromlist").cloned();
    let module = import(thread, &name)?;
    let wants_leaf = match &fromlist {
        Some(fromlist) => thread.truth(fromlist)?,
        None => false,
    };
    if !wants_leaf {
        return match name.split_once('.') {
            Some((top, _)) => import(thread, top),
            None => Ok(module),
        };
    }
    // The names asked for that are submodules are imported too, as `from a import b` does.
    for wanted in collect(thread, &fromlist.expect("checked above"))? {
        if let Value::Str(wanted) = wanted {
            let submodule = format!("{name}.{wanted}");
            if get_attribute(thread, &module, &wanted).is_err() && is_module(&submodule) {
                import(thread, &submodule)?;
            }
        }
    }
    Ok(module)
}

/// `compile(source, filename, mode)`: a code object for `exec` (mode `"exec"`) or `eval`
/// (`"eval"`), as `timeit` makes its timing function; `flags`, `dont_inherit` and `optimize`
/// change nothing gilpy does.
fn compile_builtin(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    const PARAMETERS: [&str; 6] =
        ["source", "filename", "mode", "flags", "dont_inherit", "optimize"];
    if args.len() > PARAMETERS.len() {
        let message = format!("compile() takes at most 6 arguments ({} given)", args.len());
        return Err(thread.exception("TypeError", message));
    }
    let mut given: [Option<Value>; 6] = Default::default();
    for (slot, arg) in given.iter_mut().zip(args) {
        *slot = Some(arg);
    }
    for (name, value) in kwargs {
        let Some(at) = PARAMETERS.iter().position(|p| **p == *name) else {
            let message = unexpected_keyword(thread, "compile", &name);
            return Err(thread.exception("TypeError", message));
        };
        if given[at].replace(value).is_some() {
            let message = format!(
                "argument for compile() given by name ('{name}') and position ({})",
                at + 1
            );
            return Err(thread.exception("TypeError", message));
        }
    }
    if let Some(missing) = (0..3).find(|at| given[*at].is_none()) {
        let message = format!(
            "compile() missing required argument '{}' (pos {})",
            PARAMETERS[missing],
            missing + 1
        );
        return Err(thread.exception("TypeError", message));
    }
    let [Some(source), Some(filename), Some(mode), ..] = given else {
        unreachable!("checked above")
    };
    let Value::Str(source) = source else {
        return Err(
            thread.exception("TypeError", "compile() arg 1 must be a string, bytes or AST object")
        );
    };
    let Value::Str(filename) = filename else {
        let message =
            format!("expected str, bytes or os.PathLike object, not {}", type_name(&filename));
        return Err(thread.exception("TypeError", message));
    };
    let code = match &mode {
        Value::Str(mode) if &**mode == "exec" => {
            crate::compile(&source, &filename, thread.interp.version)
                .map_err(|error| syntax_error_exception(thread, &error))?
                .code
        }
        Value::Str(mode) if &**mode == "eval" => compile_expression(thread, &source, &filename)?,
        Value::Str(mode) if &**mode == "single" => {
            return Err(thread.exception(
                "NotImplementedError",
                "compile() in 'single' mode is not supported by gilpy yet",
            ))
        }
        Value::Str(_) => {
            return Err(
                thread.exception("ValueError", "compile() mode must be 'exec', 'eval' or 'single'")
            )
        }
        other => {
            let message =
                format!("compile() argument 'mode' must be str, not {}", type_name(other));
            return Err(thread.exception("TypeError", message));
        }
    };
    Ok(Value::Code(code))
}

fn super_builtin(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    match (args.first(), args.get(1)) {
        (Some(Value::Class(class)), Some(object)) => {
            Ok(Value::Super(Arc::new((class.clone(), object.clone()))))
        }
        (Some(Value::Class(_)), None) | (None, _) => {
            Err(thread.exception("RuntimeError", "super(): no arguments"))
        }
        _ => Err(thread.exception("TypeError", "super() argument 1 must be a type")),
    }
}

/// `BaseException.__init__`: keeps the arguments as `args`.
/// `BaseException.add_note(note)` (3.11+): appends to the exception's `__notes__`, which the
/// traceback prints after its last line.
fn exception_add_note(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "add_note", &args, 2, 2)?;
    let (Value::Instance(instance), note) = (&args[0], &args[1]) else {
        return Err(thread.exception("TypeError", "add_note() needs an exception"));
    };
    if !matches!(note, Value::Str(_)) {
        let message = format!("note must be a str, not '{}'", type_name(note));
        return Err(thread.exception("TypeError", message));
    }
    match instance.get("__notes__") {
        None => instance.set(Text::from("__notes__"), List::new(vec![note.clone()])),
        Some(Value::List(notes)) => lock(&notes.items).push(note.clone()),
        Some(_) => {
            let message = "Cannot add note: __notes__ is not a list";
            return Err(thread.exception("TypeError", message));
        }
    }
    Ok(Value::None)
}

fn exception_init(thread: &mut Thread, mut args: Args, _: Kwargs) -> CallResult {
    if args.is_empty() {
        return Err(thread.exception(
            "TypeError",
            "descriptor '__init__' of 'BaseException' object needs an argument",
        ));
    }
    let instance = args.remove(0);
    if let Value::Instance(instance) = &instance {
        instance.set(Text::from("args"), Value::tuple(args));
    }
    Ok(Value::None)
}

/// The OSError subclass CPython's `OSError(errno, ...)` makes for an errno
/// (`OSError(2, "...")` is a FileNotFoundError).
pub(crate) fn os_error_subclass(errno: i64) -> Option<&'static str> {
    Some(match errno {
        1 | 13 => "PermissionError",
        2 => "FileNotFoundError",
        3 => "ProcessLookupError",
        4 => "InterruptedError",
        10 => "ChildProcessError",
        11 | 114 | 115 => "BlockingIOError",
        17 => "FileExistsError",
        20 => "NotADirectoryError",
        21 => "IsADirectoryError",
        32 => "BrokenPipeError",
        103 => "ConnectionAbortedError",
        104 => "ConnectionResetError",
        110 => "TimeoutError",
        111 => "ConnectionRefusedError",
        _ => return None,
    })
}

/// `OSError.__new__`: `OSError` itself, given an errno and a message, makes the subclass of
/// that errno.
fn os_error_new(thread: &mut Thread, mut args: Args, kwargs: Kwargs) -> CallResult {
    let Some(Value::Class(mut class)) = args.first().cloned() else {
        return Err(thread.exception("TypeError", "OSError.__new__(X): X is not a type object"));
    };
    args.remove(0);
    if Arc::ptr_eq(&class, &thread.interp.class("OSError")) && (2..=5).contains(&args.len()) {
        if let Some(subclass) = args.first().and_then(|errno| match errno {
            Value::Int(errno) => os_error_subclass(*errno),
            _ => None,
        }) {
            class = thread.interp.class(subclass);
        }
    }
    new_instance(thread, &class, &args, &kwargs)
}

/// `OSError.__init__`: from two to five arguments, `errno`, `strerror`, `filename`,
/// `winerror` and `filename2`; with a file name, `args` keeps only the first two, as in CPython.
fn os_error_init(thread: &mut Thread, mut args: Args, _: Kwargs) -> CallResult {
    if args.is_empty() {
        return Err(thread.exception("TypeError", "OSError.__init__ needs an instance"));
    }
    let Value::Instance(instance) = args.remove(0) else { return Ok(Value::None) };
    set_os_error_fields(&instance, args);
    Ok(Value::None)
}

fn set_os_error_fields(instance: &Instance, mut args: Args) {
    if (2..=5).contains(&args.len()) {
        instance.set(Text::from("errno"), args[0].clone());
        instance.set(Text::from("strerror"), args[1].clone());
        if let Some(filename) = args.get(2).filter(|name| !matches!(name, Value::None)) {
            instance.set(Text::from("filename"), filename.clone());
            if let Some(filename2) = args.get(4) {
                instance.set(Text::from("filename2"), filename2.clone());
            }
            args.truncate(2);
        }
    }
    instance.set(Text::from("args"), Value::tuple(args));
}

/// An OSError of class `class` made by the VM (a file that is not there), with the fields
/// `OSError(*args)` would have.
pub fn make_os_error(thread: &Thread, class: &str, args: Args) -> Value {
    let instance = Instance::new(thread.interp.class(class), None);
    set_os_error_fields(&instance, args);
    Value::Instance(Arc::new(instance))
}

/// `str()` of an OSError with an errno: `[Errno 2] No such file or directory: 'data.txt'`.
fn os_error_str(thread: &mut Thread, instance: &Instance) -> Result<Option<String>, Value> {
    let field = |name| instance.get(name).unwrap_or(Value::None);
    let (errno, strerror) = (field("errno"), field("strerror"));
    let (filename, filename2) = (field("filename"), field("filename2"));
    if matches!(errno, Value::None) && matches!(strerror, Value::None) {
        return Ok(None);
    }
    let head = format!("[Errno {}] {}", thread.str_of(&errno)?, thread.str_of(&strerror)?);
    Ok(Some(match (&filename, &filename2) {
        (Value::None, _) => head,
        (_, Value::None) => format!("{head}: {}", thread.repr_of(&filename)?),
        _ => format!("{head}: {} -> {}", thread.repr_of(&filename)?, thread.repr_of(&filename2)?),
    }))
}

/// `type(None)()`: None, the one instance.
fn construct_none(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    if !args.is_empty() || !kwargs.is_empty() {
        return Err(thread.exception("TypeError", "NoneType takes no arguments"));
    }
    Ok(Value::None)
}

/// `object.__init__`: takes no arguments beyond the instance.
fn object_init(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    if args.len() > 1 || !kwargs.is_empty() {
        let name = args.first().map_or(Text::from("object"), type_name);
        return Err(thread.exception(
            "TypeError",
            format!("{name}.__init__() takes exactly one argument (the instance to initialize)"),
        ));
    }
    Ok(Value::None)
}

/// `object.__new__(cls, *args)`: a new instance of `cls`, or of the built-in type it is.
fn object_new(thread: &mut Thread, mut args: Args, kwargs: Kwargs) -> CallResult {
    let class = match args.first() {
        Some(Value::Class(class)) => class.clone(),
        Some(other) => {
            return Err(thread.exception(
                "TypeError",
                format!("object.__new__(X): X is not a type object ({})", type_name(other)),
            ))
        }
        None => return Err(thread.exception("TypeError", "object.__new__(): not enough arguments")),
    };
    args.remove(0);
    if let Some(constructor) = thread.interp.builtin_constructor(&class) {
        return constructor(thread, args, kwargs);
    }
    new_instance(thread, &class, &args, &kwargs)
}

/// `object.__new__` refuses a class whose `__abstractmethods__` (which `abc.ABCMeta` sets)
/// is not empty, with the names sorted, as CPython's `object_new` does.
fn refuse_abstract(thread: &mut Thread, class: &Arc<Class>) -> Result<(), Value> {
    // The class's own set, which `ABCMeta.__init__` gives each class it makes (CPython keeps
    // a flag per type): a class whose metaclass did not compute one inherits no other's.
    let own = lock(&class.dict).get("__abstractmethods__").cloned();
    let Some(Value::Set(abstract_methods)) = own else {
        return Ok(());
    };
    let mut names: Vec<String> = abstract_methods
        .keys()
        .iter()
        .filter_map(|name| match name {
            Value::Str(name) => Some(name.to_string()),
            _ => None,
        })
        .collect();
    if names.is_empty() {
        return Ok(());
    }
    names.sort();
    let plural = if names.len() > 1 { "s" } else { "" };
    let message = if thread.interp.version >= PythonVersion::V3_12 {
        let quoted: Vec<String> = names.iter().map(|name| format!("'{name}'")).collect();
        format!(
            "Can't instantiate abstract class {} without an implementation for abstract \
             method{plural} {}",
            class.name,
            quoted.join(", ")
        )
    } else {
        format!(
            "Can't instantiate abstract class {} with abstract method{plural} {}",
            class.name,
            names.join(", ")
        )
    };
    Err(thread.exception("TypeError", message))
}

/// An instance of the user class `class` before `__init__` runs. An instance of a subclass of a
/// built-in type gets the built-in value it extends: made from the arguments for immutable
/// types (`tuple.__new__(cls, items)`), empty for mutable ones, which `__init__` fills.
/// An instance of `class` before `__init__`: arguments are read only for a built-in base's
/// value and an exception's `args`, so they are lent.
pub fn new_instance(
    thread: &mut Thread,
    class: &Arc<Class>,
    args: &[Value],
    kwargs: &[(Text, Value)],
) -> CallResult {
    if class.metaclass.is_some() {
        refuse_abstract(thread, class)?;
    }
    let base = match thread.interp.builtin_ancestor(class) {
        None => None,
        Some(ancestor) => Some(match &*ancestor.name {
            "dict" => Dict::new(Default::default()),
            "list" => List::new(Vec::new()),
            // Its arguments make the property; an `__init__` of the subclass would have to
            // remake it, which the VM cannot do (the base of an instance is fixed).
            "property" if matches!(class.lookup("__init__"), Some(Value::Function(_))) => {
                let message =
                    "a subclass of property with its own __init__ is not supported by gilpy yet";
                return Err(thread.exception("NotImplementedError", message));
            }
            _ => {
                let constructor =
                    thread.interp.builtin_constructor(&ancestor).expect("a built-in type");
                constructor(thread, args.to_vec(), kwargs.to_vec())?
            }
        }),
    };
    // A property subclass's instance keeps the property's doc as its own `__doc__`, over
    // the subclass's docstring, as CPython's `property.__init__` does.
    let doc = match &base {
        Some(property @ Value::Descriptor(_)) => Some(get_attribute(thread, property, "__doc__")?),
        _ => None,
    };
    let instance = Instance::new(class.clone(), base);
    if class.is_exception {
        instance.set(Text::from("args"), Value::tuple(args.to_vec()));
    }
    if let Some(doc) = doc {
        instance.set(Text::from("__doc__"), doc);
    }
    Ok(Value::Instance(Arc::new(instance)))
}

/// `object.__setattr__(obj, name, value)`: sets the attribute, bypassing any override.
fn object_setattr(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "__setattr__", &args, 3, 3)?;
    let Value::Str(name) = &args[1] else {
        return Err(thread.exception("TypeError", "attribute name must be string"));
    };
    store_attribute(thread, &args[0], name.clone(), args[2].clone())?;
    Ok(Value::None)
}

// ---- constructors ----

/// `object()`: a featureless instance, as sentinels are made.
fn construct_object(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    if !args.is_empty() || !kwargs.is_empty() {
        return Err(thread.exception("TypeError", "object() takes no arguments"));
    }
    let object = thread.interp.class("object");
    new_instance(thread, &object, &args, &kwargs)
}

fn construct_int(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    constructor_arity(thread, "int", &args, 2)?;
    let base =
        args.get(1).or_else(|| kwarg(&kwargs, "base")).map(|b| int_arg(thread, b)).transpose()?;
    let Some(value) = args.first() else { return Ok(Value::Int(0)) };
    match (value, base) {
        (Value::Int(_) | Value::BigInt(_), None) => Ok(value.clone()),
        (Value::Bool(b), None) => Ok(Value::Int(*b as i64)),
        (Value::Float(f), None) => {
            if !f.is_finite() {
                let what = if f.is_nan() { "ValueError" } else { "OverflowError" };
                let message = if f.is_nan() {
                    "cannot convert float NaN to integer"
                } else {
                    "cannot convert float infinity to integer"
                };
                return Err(thread.exception(what, message));
            }
            Ok(integral_float_value(f.trunc()))
        }
        (Value::Str(text), base) => {
            let base = base.unwrap_or(10);
            if base != 0 && !(2..=36).contains(&base) {
                return Err(
                    thread.exception("ValueError", "int() base must be >= 2 and <= 36, or 0")
                );
            }
            let cleaned = crate::methods::ascii_digits(text.trim()).replace('_', "");
            let (negative, digits) = match cleaned.strip_prefix('-') {
                Some(rest) => (true, rest.to_string()),
                None => (false, cleaned.trim_start_matches('+').to_string()),
            };
            // A prefix that matches the base (or, with base 0, chooses it) is skipped.
            let lower = digits.to_ascii_lowercase();
            let prefixed = [("0x", 16), ("0o", 8), ("0b", 2)]
                .into_iter()
                .find(|(p, b)| lower.starts_with(p) && (base == 0 || base == *b));
            let (digits, radix) = match prefixed {
                Some((prefix, radix)) => (digits[prefix.len()..].to_string(), radix as u32),
                None => (digits, if base == 0 { 10 } else { base as u32 }),
            };
            if !radix.is_power_of_two() {
                thread.check_int_str_digits(digits.len(), true)?;
            }
            match num_bigint::BigInt::parse_bytes(digits.as_bytes(), radix) {
                Some(value) if !digits.is_empty() => {
                    Ok(ops::normalize(if negative { -value } else { value }))
                }
                _ => Err(thread.exception(
                    "ValueError",
                    format!("invalid literal for int() with base {radix}: {}", ops::str_repr(text)),
                )),
            }
        }
        (other, _) => match thread.special_method(other, "__int__") {
            Some(method) => thread.call(&method, vec![], vec![]),
            None if other.extended_base().is_some() => {
                let mut args = args.clone();
                args[0] = other.builtin_base().clone();
                construct_int(thread, args, kwargs)
            }
            None => Err(thread.exception(
                "TypeError",
                format!(
                    "int() argument must be a string, a bytes-like object or a {}, not '{}'",
                    number_words(thread),
                    type_name(other)
                ),
            )),
        },
    }
}

fn construct_float(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    constructor_arity(thread, "float", &args, 1)?;
    let Some(value) = args.first() else { return Ok(Value::Float(0.0)) };
    let value = match thread.special_method(value, "__float__") {
        Some(method) => return thread.call(&method, vec![], vec![]),
        None => value.builtin_base(),
    };
    if let Some(f) = ops::as_float(value) {
        if f.is_infinite() && matches!(value, Value::BigInt(_)) {
            return Err(thread.exception("OverflowError", "int too large to convert to float"));
        }
        return Ok(Value::Float(f));
    }
    match value {
        Value::Str(text) => {
            let trimmed = crate::methods::ascii_digits(text.trim()).to_ascii_lowercase();
            let parsed = match trimmed.as_str() {
                "inf" | "+inf" | "infinity" => Some(f64::INFINITY),
                "-inf" | "-infinity" => Some(f64::NEG_INFINITY),
                "nan" | "+nan" | "-nan" => Some(f64::NAN),
                other => other.replace('_', "").parse::<f64>().ok(),
            };
            parsed.map(Value::Float).ok_or_else(|| {
                thread.exception(
                    "ValueError",
                    format!("could not convert string to float: {}", ops::str_repr(text)),
                )
            })
        }
        other => Err(thread.exception(
            "TypeError",
            format!(
                "float() argument must be a string or a {}, not '{}'",
                number_words(thread),
                type_name(other)
            ),
        )),
    }
}

fn construct_str(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    if args.len() > 1 || !kwargs.is_empty() {
        return decode_to_str(thread, args, kwargs);
    }
    arity(thread, "str", &args, 0, 1)?;
    match args.first() {
        Some(value) => Ok(Value::str(&thread.str_of(value)?)),
        None => Ok(Value::str("")),
    }
}

/// `str(b, encoding, errors)`: `b.decode(encoding, errors)`.
fn decode_to_str(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    constructor_arity(thread, "str", &args, 3)?;
    match args.first() {
        Some(Value::Bytes(_)) => {
            let (_, decode) = crate::methods::lookup(&args[0], "decode").expect("bytes.decode");
            decode(thread, args, kwargs)
        }
        Some(Value::Str(_)) => Err(thread.exception("TypeError", "decoding str is not supported")),
        Some(other) => Err(thread.exception(
            "TypeError",
            format!("decoding to str: need a bytes-like object, {} found", type_name(other)),
        )),
        None => Err(thread.exception("TypeError", "str() argument 'encoding' must be given")),
    }
}

fn construct_bool(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    constructor_arity(thread, "bool", &args, 1)?;
    match args.first() {
        Some(value) => Ok(Value::Bool(thread.truth(value)?)),
        None => Ok(Value::Bool(false)),
    }
}

fn construct_list(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    constructor_arity(thread, "list", &args, 1)?;
    Ok(List::new(match args.first() {
        Some(iterable) => collect(thread, iterable)?,
        None => Vec::new(),
    }))
}

fn construct_tuple(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    constructor_arity(thread, "tuple", &args, 1)?;
    Ok(Value::tuple(match args.first() {
        Some(iterable) => collect(thread, iterable)?,
        None => Vec::new(),
    }))
}

fn construct_dict(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    constructor_arity(thread, "dict", &args, 1)?;
    let mut entries = match args.first() {
        Some(source) => mapping_entries(thread, source)?,
        None => crate::value::Map::default(),
    };
    for (key, value) in kwargs {
        entries.insert(Key(Value::Str(key)), value);
    }
    Ok(Dict::new(entries))
}

/// The entries `dict(source)` and `dict.update(source)` take, by CPython's rule: a dict's own;
/// for an object with `keys()`, each key and `source[key]`; else key-value pairs.
pub fn mapping_entries(thread: &mut Thread, source: &Value) -> Result<crate::value::Map, Value> {
    let mut entries = crate::value::Map::default();
    if let Value::Dict(dict) = source.builtin_base() {
        return Ok(lock(&dict.entries).clone());
    }
    let keys = match source {
        Value::Instance(_) => optional_attribute(thread, source, "keys")?,
        _ => None,
    };
    if let Some(keys) = keys {
        let keys = thread.call(&keys, vec![], vec![])?;
        for key in collect(thread, &keys)? {
            let value = get_item(thread, source, &key)?;
            let key = crate::keys::map_key(thread, &entries, key)?;
            entries.insert(key, value);
        }
        return Ok(entries);
    }
    for (index, pair) in collect(thread, source)?.into_iter().enumerate() {
        let items = collect(thread, &pair).map_err(|_| {
            thread.exception(
                "TypeError",
                format!("cannot convert dictionary update sequence element #{index} to a sequence"),
            )
        })?;
        let [key, value] = <[Value; 2]>::try_from(items).map_err(|items| {
            thread.exception(
                "ValueError",
                format!(
                    "dictionary update sequence element #{index} has length {}; 2 is required",
                    items.len()
                ),
            )
        })?;
        let key = crate::keys::map_key(thread, &entries, key)?;
        entries.insert(key, value);
    }
    Ok(entries)
}

fn construct_set(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    new_set_from(thread, false, args, kwargs)
}

/// `frozenset(iterable)`; of a frozenset, that frozenset itself.
fn construct_frozenset(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    match &args[..] {
        [Value::Set(set)] if set.frozen && kwargs.is_empty() => Ok(args[0].clone()),
        _ => new_set_from(thread, true, args, kwargs),
    }
}

fn new_set_from(thread: &mut Thread, frozen: bool, args: Args, kwargs: Kwargs) -> CallResult {
    let name = if frozen { "frozenset" } else { "set" };
    no_keywords(thread, name, &kwargs)?;
    if args.len() > 1 {
        return Err(thread.exception(
            "TypeError",
            format!("{name} expected at most 1 argument, got {}", args.len()),
        ));
    }
    let set = match args.first() {
        Some(source) => {
            let other = crate::methods::set_operand(thread, source)?;
            Set::build(thread.interp.version, frozen, &other)?
        }
        None => Set::new(frozen, SetTable::new(thread.interp.version)),
    };
    Ok(Value::Set(set))
}

/// What CPython raises where a number must fit in a machine word.
fn too_large(thread: &Thread) -> Value {
    thread.exception("OverflowError", "Python int too large to convert to C ssize_t")
}

/// An int argument as a wide integer (for ranges past 2 ** 63).
fn wide_int_arg(thread: &Thread, value: &Value) -> Result<i128, Value> {
    match value {
        Value::BigInt(big) => i128::try_from(&**big).map_err(|_| too_large(thread)),
        other => int_arg(thread, other).map(i128::from),
    }
}

fn construct_range(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "range", &args, 1, 3)?;
    let numbers: Vec<i128> =
        args.iter().map(|a| wide_int_arg(thread, a)).collect::<Result<_, _>>()?;
    let (start, stop, step) = match numbers[..] {
        [stop] => (0, stop, 1),
        [start, stop] => (start, stop, 1),
        [start, stop, step] => (start, stop, step),
        _ => unreachable!("checked by arity"),
    };
    if step == 0 {
        return Err(thread.exception("ValueError", "range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Arc::new(Range { start, stop, step })))
}

// ---- attributes, items, iteration ----

pub fn get_attribute(thread: &mut Thread, object: &Value, name: &str) -> CallResult {
    if let Value::Instance(instance) = object {
        if instance.class.overrides_getattribute {
            if let Some(method) = instance.class.lookup("__getattribute__") {
                let found = thread.call(&method, vec![object.clone(), Value::str(name)], vec![]);
                // As in CPython: `__getattr__` is asked when `__getattribute__` finds nothing.
                return match (found, instance.class.lookup("__getattr__")) {
                    (Err(error), Some(getattr))
                        if exception_is(thread, &error, "AttributeError") =>
                    {
                        thread.call(&getattr, vec![object.clone(), Value::str(name)], vec![])
                    }
                    (found, _) => found,
                };
            }
        }
    }
    generic_get_attribute(thread, object, name)
}

/// `object.__getattribute__(obj, name)`: the lookup without any `__getattribute__` override.
fn object_getattribute(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "__getattribute__", &args, 2, 2)?;
    let Value::Str(name) = &args[1] else {
        return Err(thread.exception("TypeError", "attribute name must be string"));
    };
    generic_get_attribute(thread, &args[0], name)
}

/// `instance.name` where the class's `name` is an object of a user class (`descriptor`): its
/// `__get__(instance, owner)` when it has one, unless it is not a data descriptor (no `__set__`
/// or `__delete__`) and the instance has its own `name`. None: look further, as for any value.
fn user_descriptor_get(
    thread: &mut Thread,
    descriptor: &Value,
    object: &Value,
    instance: &Instance,
    name: &str,
) -> Result<Option<Value>, Value> {
    let Some(get) = thread.special_method(descriptor, "__get__") else { return Ok(None) };
    let is_data = thread.special_method(descriptor, "__set__").is_some()
        || thread.special_method(descriptor, "__delete__").is_some();
    if !is_data && instance.get(name).is_some() {
        return Ok(None);
    }
    let owner = Value::Class(instance.class.clone());
    thread.call(&get, vec![object.clone(), owner], vec![]).map(Some)
}

/// After a descriptor's `__get__` or a property's getter raised `error`: the class's
/// `__getattr__` when it has one and `error` is an AttributeError, as CPython's
/// `slot_tp_getattr_hook` asks it after any AttributeError of the lookup; else `error`.
fn or_getattr(
    thread: &mut Thread,
    error: Value,
    object: &Value,
    instance: &Instance,
    name: &str,
) -> CallResult {
    match instance.class.lookup("__getattr__") {
        Some(getattr) if exception_is(thread, &error, "AttributeError") => {
            thread.call(&getattr, vec![object.clone(), Value::str(name)], vec![])
        }
        _ => Err(error),
    }
}

/// Attribute lookup as `object` does it: properties, the instance's own, the class's (bound),
/// then `__getattr__`.
fn generic_get_attribute(thread: &mut Thread, object: &Value, name: &str) -> CallResult {
    let missing = |thread: &Thread| {
        let message = match object {
            Value::Module(module) => format!("module '{}' has no attribute '{name}'", module.name),
            Value::Class(class) => {
                format!("type object '{}' has no attribute '{name}'", class.name)
            }
            other => format!("'{}' object has no attribute '{name}'", type_name(other)),
        };
        let error = thread.exception("AttributeError", message);
        // CPython's `name` and `obj` (3.10+), which the traceback's "Did you mean" reads.
        if let (Value::Instance(instance), true) =
            (&error, thread.interp.version >= PythonVersion::V3_10)
        {
            instance.set(Text::from("name"), Value::str(name));
            instance.set(Text::from("obj"), object.clone());
        }
        error
    };
    if name == "__class__" && !matches!(object, Value::Super(_)) && !claims_class(object) {
        return type_of(thread, vec![object.clone()], vec![]);
    }
    match object {
        Value::Instance(instance) => {
            // A property on the class wins over the instance's own attributes.
            let class_attribute = thread.class_lookup(&instance.class, name);
            if let Some(descriptor @ Value::Instance(_)) = &class_attribute {
                match user_descriptor_get(thread, descriptor, object, instance, name) {
                    Ok(Some(found)) => return Ok(found),
                    Ok(None) => {}
                    Err(error) => return or_getattr(thread, error, object, instance, name),
                }
            }
            if let Some(Value::Descriptor(descriptor)) = &class_attribute {
                if let Descriptor::Property { get, .. } = &**descriptor {
                    if get.is_none() {
                        let message = format!(
                            "property '{name}' of '{}' object has no getter",
                            instance.class.name
                        );
                        let error = thread.exception("AttributeError", message);
                        return or_getattr(thread, error, object, instance, name);
                    }
                    return thread
                        .call(get, vec![object.clone()], vec![])
                        .or_else(|error| or_getattr(thread, error, object, instance, name));
                }
            }
            if let Some(value) = instance.get(name) {
                return Ok(value);
            }
            // An object of a class with `__slots__` all the way up has no `__dict__`.
            if name == "__dict__"
                && (!instance.class.has_slots || slots_allow(&instance.class, "__dict__"))
            {
                return Ok(Value::Dict(instance.dict.clone()));
            }
            let is_value = name == "value"
                && instance.class.is_subclass_of(&thread.interp.class("StopIteration"));
            let is_code =
                name == "code" && instance.class.is_subclass_of(&thread.interp.class("SystemExit"));
            if instance.class.is_exception {
                if let Some(value) = exception_default(thread, instance, name) {
                    return Ok(value);
                }
            }
            if is_value || is_code {
                // SystemExit.code and StopIteration.value: the one argument, else None.
                return Ok(match instance.get("args") {
                    Some(Value::Tuple(args)) if args.len() == 1 => args[0].clone(),
                    Some(Value::Tuple(args)) if args.len() > 1 => Value::Tuple(args.clone()),
                    _ => Value::None,
                });
            }
            if let Some(attribute) = class_attribute {
                return Ok(match attribute {
                    Value::Descriptor(descriptor) => match &*descriptor {
                        Descriptor::ClassMethod(function) => Value::Method(Arc::new(Method {
                            receiver: Value::Class(instance.class.clone()),
                            function: function.clone(),
                        })),
                        Descriptor::StaticMethod(function) => function.clone(),
                        Descriptor::NativeMethod(function) => Value::Method(Arc::new(Method {
                            receiver: object.clone(),
                            function: function.clone(),
                        })),
                        Descriptor::Property { .. } => unreachable!("handled above"),
                    },
                    // The one built-in method of exceptions that Python code calls on them.
                    Value::Builtin(builtin) if builtin.name == "add_note" => {
                        let function = Value::Builtin(builtin);
                        Value::Method(Arc::new(Method { receiver: object.clone(), function }))
                    }
                    other => bind(object, other),
                });
            }
            if let Some(base) = &instance.base {
                if let Some(function) = builtin_type_method(&type_name(base), name) {
                    return Ok(Value::Method(Arc::new(Method {
                        receiver: base.clone(),
                        function,
                    })));
                }
                // A property subclass's `fget`, `setter`... are its property's, bound to it.
                if matches!(base, Value::Descriptor(_)) {
                    return Ok(match get_attribute(thread, base, name)? {
                        Value::Method(method) => {
                            let function = method.function.clone();
                            Value::Method(Arc::new(Method { receiver: object.clone(), function }))
                        }
                        other => other,
                    });
                }
            }
            if let Some(getattr) = instance.class.lookup("__getattr__") {
                return thread.call(&getattr, vec![object.clone(), Value::str(name)], vec![]);
            }
            Err(missing(thread))
        }
        Value::Descriptor(descriptor) if matches!(**descriptor, Descriptor::Property { .. }) => {
            let Descriptor::Property { get, set, delete, doc } = &**descriptor else {
                unreachable!()
            };
            let method = match name {
                "fget" => return Ok(get.clone()),
                "fset" => return Ok(set.clone()),
                "fdel" => return Ok(delete.clone()),
                // Abstract when an accessor is (`@property` over `@abstractmethod`), so that
                // ABCMeta counts it.
                "__isabstractmethod__" => {
                    for accessor in [get, set, delete] {
                        if is_abstract(thread, accessor)? {
                            return Ok(Value::Bool(true));
                        }
                    }
                    return Ok(Value::Bool(false));
                }
                "__doc__" if !doc.is_none() => return Ok(doc.clone()),
                "__doc__" if get.is_none() => return Ok(Value::None),
                "__doc__" => return get_attribute(thread, get, "__doc__"),
                "getter" => builtin("getter", property_getter),
                "setter" => builtin("setter", property_setter),
                "deleter" => builtin("deleter", property_deleter),
                _ => return Err(missing(thread)),
            };
            Ok(Value::Method(Arc::new(Method { receiver: object.clone(), function: method })))
        }
        Value::Descriptor(descriptor)
            if matches!(name, "__func__" | "__wrapped__" | "__isabstractmethod__") =>
        {
            let (Descriptor::ClassMethod(function) | Descriptor::StaticMethod(function)) =
                &**descriptor
            else {
                return Err(missing(thread));
            };
            match name {
                "__isabstractmethod__" => Ok(Value::Bool(is_abstract(thread, function)?)),
                _ => Ok(function.clone()),
            }
        }
        Value::Generator(generator) if matches!(name, "__name__" | "__qualname__") => {
            let qualname = &generator.qualname;
            Ok(match name {
                "__qualname__" => Value::Str(qualname.clone()),
                _ => Value::str(qualname.rsplit('.').next().unwrap_or(qualname)),
            })
        }
        Value::Slice(slice) if matches!(name, "start" | "stop" | "step") => Ok(match name {
            "start" => slice.start.clone(),
            "stop" => slice.stop.clone(),
            _ => slice.step.clone(),
        }),
        Value::Range(range) if matches!(name, "start" | "stop" | "step") => {
            Ok(crate::ops::int_value(match name {
                "start" => range.start,
                "stop" => range.stop,
                _ => range.step,
            }))
        }
        Value::Class(class) => match name {
            "__name__" => Ok(Value::Str(class.name.clone())),
            "__qualname__" => Ok(Value::Str(class.qualname())),
            "__module__"
                if is_builtin_class(thread, class) && !lock(&class.dict).contains_key(name) =>
            {
                Ok(Value::str("builtins"))
            }
            // A snapshot: CPython's is a read-only view.
            "__dict__" => Ok(Dict::new(
                lock(&class.dict)
                    .iter()
                    .map(|(k, v)| (Key(Value::Str(k.clone())), v.clone()))
                    .collect(),
            )),
            "__bases__" => Ok(Value::tuple(
                class.bases.iter().map(|base| Value::Class(base.clone())).collect(),
            )),
            "__mro__" => Ok(Value::tuple(mro_of(class))),
            "mro" => Ok(Value::Method(Arc::new(Method {
                receiver: object.clone(),
                function: builtin("mro", class_mro),
            }))),
            _ => {
                // `str.lower`, `dict.__init__`: a built-in type's own methods come first (its
                // class dict is empty; what `lookup` would find there is `object`'s).
                if thread.interp.is_builtin_type(class) {
                    if let Some((name, function)) = crate::methods::type_method(&class.name, name) {
                        return Ok(method_descriptor(&class.name, name, function));
                    }
                }
                let found = class.lookup(name).map(|attribute| match attribute {
                    Value::Descriptor(descriptor) => match &*descriptor {
                        Descriptor::ClassMethod(function) => Value::Method(Arc::new(Method {
                            receiver: object.clone(),
                            function: function.clone(),
                        })),
                        Descriptor::StaticMethod(function) | Descriptor::NativeMethod(function) => {
                            function.clone()
                        }
                        Descriptor::Property { .. } => Value::Descriptor(descriptor.clone()),
                    },
                    other => other,
                });
                if found.is_none() {
                    if let Some(meta) = &class.metaclass {
                        if let Some(attribute) = meta.lookup(name) {
                            return metaclass_attribute(thread, object, attribute);
                        }
                    }
                }
                // A user descriptor read through the class: `__get__(None, owner)`.
                if let Some(descriptor @ Value::Instance(_)) = &found {
                    if let Some(get) = thread.special_method(descriptor, "__get__") {
                        return thread.call(&get, vec![Value::None, object.clone()], vec![]);
                    }
                }
                found
                    .or_else(|| {
                        default_special(name).map(|(name, function)| builtin(name, function))
                    })
                    .ok_or_else(|| missing(thread))
            }
        },
        Value::Module(module) => {
            let found = {
                let entries = lock(&module.dict.entries);
                match entries.get(&Key(Value::str(name))) {
                    Some(value) => Ok(value.clone()),
                    None => Err(entries.get(&Key(Value::str("__getattr__"))).cloned()),
                }
            };
            match found {
                Ok(value) => Ok(value),
                // A module's own `__getattr__` answers for the names it lacks (PEP 562).
                Err(Some(getattr)) => thread.call(&getattr, vec![Value::str(name)], vec![]),
                Err(None) => Err(missing(thread)),
            }
        }
        Value::Super(pair) => {
            let (start, receiver) = (&pair.0, &pair.1);
            let own = match receiver {
                Value::Instance(instance) => instance.class.clone(),
                // In a metaclass's method the class is the instance: its metaclass's order.
                Value::Class(class)
                    if !class.is_subclass_of(start) && class.metaclass.is_some() =>
                {
                    class.metaclass.clone().expect("checked")
                }
                Value::Class(class) => class.clone(),
                _ => return Err(missing(thread)),
            };
            // Search the receiver's class order after `start`; bind what is found.
            let order: Vec<Arc<Class>> =
                std::iter::once(own.clone()).chain(own.bases_mro.iter().cloned()).collect();
            let after =
                order.iter().position(|c| Arc::ptr_eq(c, start)).map_or(order.len(), |i| i + 1);
            for class in &order[after..] {
                let mut found = lock(&class.dict).get(name).cloned();
                if thread.interp.is_builtin_type(class) {
                    // A built-in type's method, acting on the receiver's built-in base.
                    found = builtin_type_method(&class.name, name).or(found);
                }
                if let Some(attribute) = found {
                    return Ok(match attribute {
                        // `__new__` is a static method.
                        _ if name == "__new__" => attribute,
                        Value::Function(_) | Value::Builtin(_) => Value::Method(Arc::new(Method {
                            receiver: receiver.clone(),
                            function: attribute,
                        })),
                        Value::Descriptor(descriptor) => match &*descriptor {
                            Descriptor::StaticMethod(function) => function.clone(),
                            Descriptor::ClassMethod(function) => Value::Method(Arc::new(Method {
                                receiver: Value::Class(own.clone()),
                                function: function.clone(),
                            })),
                            Descriptor::Property { get, .. } => {
                                thread.call(get, vec![receiver.clone()], vec![])?
                            }
                            Descriptor::NativeMethod(function) => Value::Method(Arc::new(Method {
                                receiver: receiver.clone(),
                                function: function.clone(),
                            })),
                        },
                        other => other,
                    });
                }
            }
            match default_special(name) {
                Some((name, function)) => Ok(Value::Method(Arc::new(Method {
                    receiver: receiver.clone(),
                    function: builtin(name, function),
                }))),
                None => Err(missing(thread)),
            }
        }
        Value::Function(function) => {
            function_attribute(function, name).ok_or_else(|| missing(thread))
        }
        Value::Code(code) => code_attribute(code, name).ok_or_else(|| missing(thread)),
        Value::Builtin(builtin) if matches!(name, "__name__" | "__qualname__") => {
            Ok(Value::str(builtin.name))
        }
        // A bound method: what it binds, and its function's names (as CPython's `method` and,
        // for a built-in type's method, `builtin_function_or_method`).
        Value::Method(method)
            if matches!(
                name,
                "__self__" | "__func__" | "__name__" | "__qualname__" | "__doc__" | "__module__"
            ) =>
        {
            match (name, &method.function) {
                ("__self__", _) => Ok(method.receiver.clone()),
                ("__func__", Value::Builtin(_)) => Err(missing(thread)),
                ("__func__", function) => Ok(function.clone()),
                ("__qualname__", Value::Builtin(builtin)) => Ok(Value::Str(Text::from(format!(
                    "{}.{}",
                    type_name(&method.receiver),
                    builtin.name
                )))),
                ("__module__" | "__doc__", Value::Builtin(_)) => Ok(Value::None),
                (_, function) => get_attribute(thread, &function.clone(), name),
            }
        }
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_)
            if matches!(name, "real" | "imag" | "numerator" | "denominator") =>
        {
            let is_float = matches!(object, Value::Float(_));
            match name {
                "real" if is_float => Ok(object.clone()),
                "imag" if is_float => Ok(Value::Float(0.0)),
                "real" | "numerator" => Ok(match object {
                    Value::Bool(b) => Value::Int(*b as i64),
                    other => other.clone(),
                }),
                "imag" => Ok(Value::Int(0)),
                "denominator" if !is_float => Ok(Value::Int(1)),
                _ => Err(missing(thread)),
            }
        }
        other => match crate::methods::lookup(other, name) {
            Some(function) => Ok(Value::Method(Arc::new(Method {
                receiver: other.clone(),
                function: builtin(function.0, function.1),
            }))),
            None => Err(missing(thread)),
        },
    }
}

/// What `function.name` reads: what was set on it, else what the function knows of itself.
fn function_attribute(function: &crate::value::Function, name: &str) -> Option<Value> {
    if let Some(value) = function.attribute(name) {
        return Some(value);
    }
    Some(match name {
        "__name__" => Value::Str(function.code.name.clone()),
        "__qualname__" => Value::Str(function.qualname.clone()),
        "__doc__" => function.code.doc.clone().map_or(Value::None, Value::Str),
        "__module__" => {
            lock(&function.globals.entries).get(&Key(Value::str("__name__"))).cloned()?
        }
        "__dict__" => Value::Dict(function.dict()),
        "__code__" => Value::Code(function.code.clone()),
        // Made empty on first read, and kept: the program may fill it.
        "__annotations__" => {
            let annotations = Dict::new(Default::default());
            function.set_attribute(Text::from("__annotations__"), annotations.clone());
            annotations
        }
        "__defaults__" if function.defaults.is_empty() => Value::None,
        "__defaults__" => Value::tuple(function.defaults.clone()),
        "__kwdefaults__" if function.kw_defaults.is_empty() => Value::None,
        "__kwdefaults__" => Dict::new(
            function
                .kw_defaults
                .iter()
                .map(|(k, v)| (Key(Value::Str(k.clone())), v.clone()))
                .collect(),
        ),
        _ => return None,
    })
}

/// The chaining attributes every exception has before anything sets them, and its traceback:
/// a chain of `traceback` objects from the frame that caught it to the one that raised it.
fn exception_default(thread: &Thread, instance: &Instance, name: &str) -> Option<Value> {
    Some(match name {
        "__cause__" | "__context__" => Value::None,
        // 3.10+: what a NameError or AttributeError raised by hand knows of its name and object.
        "name"
            if thread.interp.version >= PythonVersion::V3_10
                && (instance.class.is_subclass_of(&thread.interp.class("NameError"))
                    || instance.class.is_subclass_of(&thread.interp.class("AttributeError"))) =>
        {
            Value::None
        }
        "obj"
            if thread.interp.version >= PythonVersion::V3_10
                && instance.class.is_subclass_of(&thread.interp.class("AttributeError")) =>
        {
            Value::None
        }
        "__suppress_context__" => Value::Bool(false),
        "__traceback__" => {
            let class = thread.interp.class("traceback");
            let mut next = Value::None;
            let entries = lock(&instance.traceback).clone();
            for entry in entries.iter() {
                let traceback = Instance::new(class.clone(), None);
                traceback.set(Text::from("tb_lineno"), Value::Int(entry.line as i64));
                traceback.set(Text::from("tb_next"), next);
                // What `traceback.extract_tb` reads: the file, the function, the source line
                // and the frame's lines as a traceback prints them.
                let line = crate::traceback::source_line(thread, &entry.filename, entry.line);
                traceback.set(
                    Text::from("_gilpy_frame"),
                    Value::tuple(vec![
                        Value::Str(entry.filename.clone()),
                        Value::Str(entry.function.clone()),
                        line.map_or(Value::None, |line| Value::str(line.trim())),
                        Value::str(&crate::traceback::format_entry(thread, entry)),
                    ]),
                );
                next = Value::Instance(Arc::new(traceback));
            }
            next
        }
        _ if instance.class.is_subclass_of(&thread.interp.class("SyntaxError")) => {
            return syntax_error_field(instance, name)
        }
        "errno" | "strerror" | "filename" | "filename2"
            if instance.class.is_subclass_of(&thread.interp.class("OSError")) =>
        {
            Value::None
        }
        _ => return None,
    })
}

/// Whether `value` says it is abstract (`@abstractmethod` set `__isabstractmethod__`).
fn is_abstract(thread: &mut Thread, value: &Value) -> Result<bool, Value> {
    if value.is_none() {
        return Ok(false);
    }
    match get_attribute(thread, value, "__isabstractmethod__") {
        Ok(flag) => thread.truth(&flag),
        Err(_) => Ok(false),
    }
}

/// The `co_*` attributes of a code object that describe its signature and names.
fn code_attribute(code: &crate::code::Code, name: &str) -> Option<Value> {
    let names = |names: &[Text]| Value::tuple(names.iter().cloned().map(Value::Str).collect());
    Some(match name {
        "co_name" => Value::Str(code.name.clone()),
        "co_qualname" => Value::Str(code.qualname.clone()),
        "co_filename" => Value::Str(code.filename.clone()),
        // The line of its first instruction, which `frame_origin` reports too.
        "co_firstlineno" => Value::Int(code.lines.first().copied().unwrap_or(1).into()),
        "co_argcount" => Value::Int(code.arg_count as i64),
        "co_posonlyargcount" => Value::Int(code.posonly_count as i64),
        "co_kwonlyargcount" => Value::Int(code.kwonly_count as i64),
        "co_nlocals" => Value::Int(code.local_names.len() as i64),
        // Locals that live only in cells are cell variables, not varnames (parameters stay).
        "co_varnames" => {
            let parameters = (code.arg_count + code.kwonly_count) as usize
                + code.has_varargs as usize
                + code.has_varkw as usize;
            let varnames: Vec<Text> = code
                .local_names
                .iter()
                .enumerate()
                .filter(|(index, n)| *index < parameters || !code.cell_names.contains(n))
                .map(|(_, n)| n.clone())
                .collect();
            names(&varnames)
        }
        "co_cellvars" => names(&code.cell_names),
        "co_freevars" => names(&code.free_names),
        _ => return None,
    })
}

/// A method of the built-in type `type_name` (`get` of dict) or one of its special methods
/// (`__getitem__`), unbound.
/// `str.upper` taken from the type: called, it checks that its first argument is a `str`
/// (a method on the wrong receiver refused in CPython's words, where the method itself would
/// take any value for one). Alternative constructors (`dict.fromkeys`) take the class's
/// arguments as they are.
fn method_descriptor(owner: &str, name: &'static str, function: BuiltinFn) -> Value {
    if matches!(name, "fromkeys" | "fromhex" | "from_bytes") {
        return builtin(name, function);
    }
    // A static method: from a string, its table entry drops the receiver; from the type there
    // is none to drop.
    if (owner, name) == ("str", "maketrans") {
        return builtin(name, crate::methods::str_maketrans);
    }
    let Some(owner) = TYPES.iter().copied().find(|known| *known == owner) else {
        return builtin(name, function);
    };
    crate::value::Native::new(&METHOD_DESCRIPTOR, MethodDescriptor { owner, name, function })
}

struct MethodDescriptor {
    owner: &'static str,
    name: &'static str,
    function: BuiltinFn,
}

static METHOD_DESCRIPTOR: crate::value::NativeType = crate::value::NativeType {
    name: "method_descriptor",
    module: "builtins",
    methods: &[("__call__", method_descriptor_call), ("__repr__", method_descriptor_repr)],
};

fn method_descriptor_call(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let Some(descriptor) = args[0].downcast::<MethodDescriptor>() else {
        unreachable!("a method descriptor")
    };
    let (owner, name) = (descriptor.owner, descriptor.name);
    let Some(receiver) = args.get(1) else {
        let message = format!("unbound method {owner}.{name}() needs an argument");
        return Err(thread.exception("TypeError", message));
    };
    let given = type_name(receiver.builtin_base());
    let fits = &*given == owner || (owner == "int" && &*given == "bool");
    if !fits {
        let message = format!(
            "descriptor '{name}' for '{owner}' objects doesn't apply to a '{}' object",
            type_name(receiver)
        );
        return Err(thread.exception("TypeError", message));
    }
    (descriptor.function)(thread, args[1..].to_vec(), kwargs)
}

fn method_descriptor_repr(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let Some(descriptor) = args[0].downcast::<MethodDescriptor>() else {
        unreachable!("a method descriptor")
    };
    Ok(Value::str(&format!("<method '{}' of '{}' objects>", descriptor.name, descriptor.owner)))
}

fn builtin_type_method(type_name: &str, name: &str) -> Option<Value> {
    crate::methods::type_method(type_name, name).map(|(n, f)| builtin(n, f))
}

/// Functions found on a class become methods bound to the instance.
fn bind(receiver: &Value, attribute: Value) -> Value {
    match attribute {
        Value::Function(_) => {
            Value::Method(Arc::new(Method { receiver: receiver.clone(), function: attribute }))
        }
        other => other,
    }
}

pub fn set_attribute(
    thread: &mut Thread,
    object: &Value,
    name: Text,
    value: Value,
) -> Result<(), Value> {
    if let Some(setattr) = thread.setattr_override(object) {
        thread.call(&setattr, vec![object.clone(), Value::Str(name), value], vec![])?;
        return Ok(());
    }
    store_attribute(thread, object, name, value)
}

/// Sets an attribute without asking `__setattr__` (`object.__setattr__`).
/// Whether an instance of `class` may have the attribute `name`: `__slots__` restricts
/// attributes only when the class and every base but `object` define it (without
/// `__dict__`), and then to the names they list.
#[inline(never)]
fn slots_allow(class: &Arc<Class>, name: &str) -> bool {
    let mut allowed = Vec::new();
    for klass in std::iter::once(class).chain(class.bases_mro.iter()) {
        if &*klass.name == "object" && klass.bases.is_empty() {
            continue;
        }
        let slots = lock(&klass.dict).get("__slots__").cloned();
        let names = match slots {
            None => return true,
            Some(Value::Str(one)) => vec![Value::Str(one)],
            Some(Value::Tuple(items)) => items.to_vec(),
            Some(Value::List(list)) => lock(&list.items).clone(),
            Some(_) => return true,
        };
        for slot in names {
            match slot {
                Value::Str(slot) if &*slot == "__dict__" => return true,
                Value::Str(slot) => allowed.push(slot),
                _ => {}
            }
        }
    }
    allowed.iter().any(|slot| &**slot == name)
}

fn store_attribute(
    thread: &mut Thread,
    object: &Value,
    name: Text,
    value: Value,
) -> Result<(), Value> {
    match object {
        Value::Instance(instance) => {
            let class_attribute = thread.class_lookup(&instance.class, &name);
            if let Some(descriptor @ Value::Instance(_)) = &class_attribute {
                if let Some(set) = thread.special_method(descriptor, "__set__") {
                    thread.call(&set, vec![object.clone(), value], vec![])?;
                    return Ok(());
                }
            }
            if let Some(Value::Descriptor(descriptor)) = class_attribute {
                if let Descriptor::Property { set, .. } = &*descriptor {
                    if set.is_none() {
                        let class = &instance.class.name;
                        return Err(missing_accessor(thread, &name, class, "setter", "set"));
                    }
                    thread.call(set, vec![object.clone(), value], vec![])?;
                    return Ok(());
                }
            }
            // A bare `object()` has no `__dict__` (the name compare first keeps this cheap).
            if &*instance.class.name == "object" && thread.interp.is_builtin_type(&instance.class) {
                let mut message = format!("'object' object has no attribute '{name}'");
                if thread.interp.version >= PythonVersion::V3_13 {
                    message.push_str(" and no __dict__ for setting new attributes");
                }
                return Err(thread.exception("AttributeError", message));
            }
            if instance.class.has_slots && !slots_allow(&instance.class, &name) {
                let mut message =
                    format!("'{}' object has no attribute '{name}'", instance.class.name);
                if thread.interp.version >= PythonVersion::V3_13 {
                    message.push_str(" and no __dict__ for setting new attributes");
                }
                return Err(thread.exception("AttributeError", message));
            }
            instance.set(name, value);
            Ok(())
        }
        Value::Class(class) => {
            lock(&class.dict).insert(name, value);
            Ok(())
        }
        Value::Module(module) => {
            lock(&module.dict.entries).insert(Key(Value::Str(name)), value);
            Ok(())
        }
        Value::Function(function) => {
            function.set_attribute(name, value);
            Ok(())
        }
        other => Err(thread.exception(
            "AttributeError",
            format!(
                "'{}' object has no attribute '{name}' and no __dict__ for setting new attributes",
                type_name(other)
            ),
        )),
    }
}

/// Resolves a (possibly negative) index against `len`.
fn index(thread: &Thread, key: &Value, len: usize, what: &str) -> Result<usize, Value> {
    let i = match key {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        other => {
            return Err(thread.exception(
                "TypeError",
                format!("{what} indices must be integers or slices, not {}", type_name(other)),
            ))
        }
    };
    let resolved = if i < 0 { i + len as i64 } else { i };
    if resolved < 0 || resolved >= len as i64 {
        return Err(thread.exception("IndexError", format!("{what} index out of range")));
    }
    Ok(resolved as usize)
}

/// `(start, stop, step)` of a slice over a sequence of `len`, as `slice.indices(len)` gives.
pub fn slice_bounds(
    thread: &Thread,
    slice: &crate::value::Slice,
    len: usize,
) -> Result<(i64, i64, i64), Value> {
    let (start, stop, step) = wide_slice_bounds(thread, slice, len as i128)?;
    // Start and stop are clamped to the length; a huge step only ever takes one item.
    let step = step.clamp(-i128::from(i64::MAX), i128::from(i64::MAX));
    Ok((start as i64, stop as i64, step as i64))
}

/// `slice_bounds` for lengths past a machine word (a range's): parts that are too large for
/// even that are clamped, as CPython's `PySlice_Unpack` does.
fn wide_slice_bounds(
    thread: &Thread,
    slice: &crate::value::Slice,
    len: i128,
) -> Result<(i128, i128, i128), Value> {
    let part = |value: &Value| -> Result<Option<i128>, Value> {
        match value {
            Value::None => Ok(None),
            Value::BigInt(big) => Ok(Some(if big.sign() == num_bigint::Sign::Minus {
                i128::MIN / 2
            } else {
                i128::MAX / 2
            })),
            other => int_arg(thread, other).map(|n| Some(i128::from(n))),
        }
    };
    let step = part(&slice.step)?.unwrap_or(1);
    if step == 0 {
        return Err(thread.exception("ValueError", "slice step cannot be zero"));
    }
    let resolve = |value: Option<i128>, default: i128, low: i128, high: i128| match value {
        None => default,
        Some(v) if v < 0 => (v + len).clamp(low, high),
        Some(v) => v.clamp(low, high),
    };
    let (start, stop) = if step > 0 {
        (resolve(part(&slice.start)?, 0, 0, len), resolve(part(&slice.stop)?, len, 0, len))
    } else {
        (
            resolve(part(&slice.start)?, len - 1, -1, len - 1),
            resolve(part(&slice.stop)?, -1, -1, len - 1),
        )
    };
    Ok((start, stop, step))
}

/// The indices a slice selects from a sequence of `len`.
pub(crate) fn slice_indices(
    thread: &Thread,
    slice: &crate::value::Slice,
    len: usize,
) -> Result<Vec<usize>, Value> {
    let (start, stop, step) = slice_bounds(thread, slice, len)?;
    let mut indices = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        indices.push(i as usize);
        i += step;
    }
    Ok(indices)
}

/// `cls[key]`: the class's `__class_getitem__` (an implicit classmethod), or for `list`,
/// `dict` and the other built-in containers a `types.GenericAlias` (PEP 585).
fn class_item(thread: &mut Thread, class: &Arc<Class>, key: &Value) -> CallResult {
    if let Some(method) = class.lookup("__class_getitem__") {
        let method = match method {
            Value::Descriptor(ref descriptor) => match &**descriptor {
                crate::value::Descriptor::ClassMethod(function)
                | crate::value::Descriptor::StaticMethod(function) => function.clone(),
                crate::value::Descriptor::Property { .. }
                | crate::value::Descriptor::NativeMethod(_) => method.clone(),
            },
            other => other,
        };
        return thread.call(&method, vec![Value::Class(class.clone()), key.clone()], vec![]);
    }
    let builtin = thread.interp.builtins_class(&class.name);
    if builtin.is_some_and(|builtin| Arc::ptr_eq(&builtin, class))
        && crate::generic::is_generic_builtin(&class.name)
    {
        return Ok(crate::generic::alias(Value::Class(class.clone()), key));
    }
    let message = if thread.interp.version >= PythonVersion::V3_11 {
        format!("type '{}' is not subscriptable", class.name)
    } else {
        "'type' object is not subscriptable".to_string()
    };
    Err(thread.exception("TypeError", message))
}

/// The int an instance with `__index__` stands for; None for other values.
fn index_of_instance(thread: &mut Thread, value: &Value) -> Result<Option<Value>, Value> {
    if !matches!(value, Value::Instance(_)) {
        return Ok(None);
    }
    match thread.special_method(value, "__index__") {
        Some(method) => match thread.call(&method, vec![], vec![])? {
            int @ (Value::Int(_) | Value::BigInt(_)) => Ok(Some(int)),
            other => Err(thread.exception(
                "TypeError",
                format!("__index__ returned non-int (type {})", type_name(&other)),
            )),
        },
        None => Ok(None),
    }
}

/// A sequence's index or slice bound given as an object with `__index__` (a NumPy-style
/// integer), as the int it stands for; None when `key` needs no conversion.
fn sequence_index(
    thread: &mut Thread,
    container: &Value,
    key: &Value,
) -> Result<Option<Value>, Value> {
    let sequence = matches!(
        container.builtin_base(),
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) | Value::Range(_)
    );
    if !sequence {
        return Ok(None);
    }
    let as_int = index_of_instance;
    match key {
        Value::Instance(_) => as_int(thread, key),
        Value::Slice(slice) => {
            let start = as_int(thread, &slice.start)?;
            let stop = as_int(thread, &slice.stop)?;
            let step = as_int(thread, &slice.step)?;
            if start.is_none() && stop.is_none() && step.is_none() {
                return Ok(None);
            }
            Ok(Some(Value::Slice(Arc::new(crate::value::Slice {
                start: start.unwrap_or_else(|| slice.start.clone()),
                stop: stop.unwrap_or_else(|| slice.stop.clone()),
                step: step.unwrap_or_else(|| slice.step.clone()),
            }))))
        }
        _ => Ok(None),
    }
}

pub fn get_item(thread: &mut Thread, container: &Value, key: &Value) -> CallResult {
    if matches!(key, Value::Instance(_) | Value::Slice(_)) {
        if let Some(index) = sequence_index(thread, container, key)? {
            return get_item(thread, container, &index);
        }
    }
    match (container, key) {
        (Value::Range(range), Value::Slice(slice)) => {
            let (start, stop, step) = wide_slice_bounds(thread, slice, range.len())?;
            Ok(Value::Range(Arc::new(Range {
                start: range.start + start * range.step,
                stop: range.start + stop * range.step,
                step: range.step * step,
            })))
        }
        (Value::Range(range), key) => {
            let len = range.len();
            let i = match key {
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => wide_int_arg(thread, key)?,
                other => {
                    return Err(thread.exception(
                        "TypeError",
                        format!(
                            "range indices must be integers or slices, not {}",
                            type_name(other)
                        ),
                    ))
                }
            };
            let i = if i < 0 { i + len } else { i };
            if !(0..len).contains(&i) {
                return Err(thread.exception("IndexError", "range object index out of range"));
            }
            Ok(crate::ops::int_value(range.start + i * range.step))
        }
        (Value::List(list), Value::Slice(slice)) => {
            // Only the items picked are copied: copying the whole list first made
            // `items[i:i + k]` O(n), and a loop taking chunks of a list quadratic.
            let items = lock(&list.items);
            let indices = slice_indices(thread, slice, items.len())?;
            let picked = indices.into_iter().map(|i| items[i].clone()).collect();
            drop(items);
            Ok(List::new(picked))
        }
        (Value::List(list), key) => {
            let items = lock(&list.items);
            let i = index(thread, key, items.len(), "list")?;
            Ok(items[i].clone())
        }
        (Value::Tuple(items), Value::Slice(slice)) => Ok(Value::tuple(
            slice_indices(thread, slice, items.len())?
                .into_iter()
                .map(|i| items[i].clone())
                .collect(),
        )),
        (Value::Tuple(items), key) => Ok(items[index(thread, key, items.len(), "tuple")?].clone()),
        (Value::Str(text), Value::Slice(slice)) => {
            let count = thread.char_count(text);
            let (start, stop, step) = slice_bounds(thread, slice, count)?;
            if step == 1 {
                let start = thread.byte_offset(text, start as usize);
                let stop = thread.byte_offset(text, stop.max(0) as usize).max(start);
                return Ok(Value::str(&text[start..stop]));
            }
            let indices = slice_indices(thread, slice, count)?;
            if thread.is_ascii(text) {
                let bytes = text.as_bytes();
                return Ok(Value::str(
                    &indices.into_iter().map(|i| char::from(bytes[i])).collect::<String>(),
                ));
            }
            let chars: Vec<char> = text.chars().collect();
            Ok(Value::str(&indices.into_iter().map(|i| chars[i]).collect::<String>()))
        }
        (Value::Str(text), key) => {
            let count = thread.char_count(text);
            let i = index(thread, key, count, "string")?;
            let at = thread.byte_offset(text, i);
            Ok(Value::Str(Text::of_char(text[at..].chars().next().expect("in range"))))
        }
        (Value::Bytes(bytes), key) => crate::bytes::get_item(thread, bytes, key),
        (Value::Dict(dict), key) => {
            let lookup = crate::keys::dict_key(thread, dict, key.clone())?;
            let found = lock(&dict.entries).get(&lookup).cloned();
            match found {
                Some(value) => Ok(value),
                None => Err(thread.interp.new_exception("KeyError", vec![key.clone()])),
            }
        }
        (Value::Class(_), key) if thread.special_method(container, "__getitem__").is_some() => {
            let method = thread.special_method(container, "__getitem__").expect("checked");
            thread.call(&method, vec![key.clone()], vec![])
        }
        (Value::Class(class), key) => class_item(thread, class, key),
        (other, key) => match thread.special_method(other, "__getitem__") {
            Some(method) => thread.call(&method, vec![key.clone()], vec![]),
            None if other.extended_base().is_some() => base_get_item(thread, other, key),
            None => Err(thread.exception(
                "TypeError",
                format!("'{}' object is not subscriptable", type_name(other)),
            )),
        },
    }
}

/// `self[key]` on what an instance of a subclass of a built-in type extends; a dict subclass
/// with `__missing__` answers for missing keys, as in CPython.
pub fn base_get_item(thread: &mut Thread, object: &Value, key: &Value) -> CallResult {
    let base = object.builtin_base();
    if let Value::Dict(dict) = base {
        let lookup = crate::keys::dict_key(thread, dict, key.clone())?;
        let found = lock(&dict.entries).get(&lookup).cloned();
        if let Some(value) = found {
            return Ok(value);
        }
        if let Some(missing) = thread.special_method(object, "__missing__") {
            return thread.call(&missing, vec![key.clone()], vec![]);
        }
    }
    get_item(thread, base, key)
}

pub fn set_item(
    thread: &mut Thread,
    container: &Value,
    key: Value,
    value: Value,
) -> Result<(), Value> {
    if matches!(key, Value::Instance(_) | Value::Slice(_)) {
        if let Some(index) = sequence_index(thread, container, &key)? {
            return set_item(thread, container, index, value);
        }
    }
    match container {
        Value::List(list) if matches!(key, Value::Slice(_)) => {
            // Slice assignment: contiguous slices may change length, extended ones may not.
            let Value::Slice(slice) = &key else { unreachable!("matched above") };
            let replacement = collect(thread, &value)?;
            let mut items = lock(&list.items);
            let indices = slice_indices(thread, slice, items.len())?;
            let step = match &slice.step {
                Value::None => 1,
                other => int_arg(thread, other)?,
            };
            if step == 1 {
                let start = indices.first().copied().unwrap_or_else(|| {
                    let len = items.len() as i64;
                    match &slice.start {
                        Value::Int(s) if *s < 0 => (s + len).max(0) as usize,
                        Value::Int(s) => (*s).min(len) as usize,
                        _ => 0,
                    }
                });
                let end = start + indices.len();
                items.splice(start..end, replacement);
            } else {
                if indices.len() != replacement.len() {
                    return Err(thread.exception(
                        "ValueError",
                        format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            replacement.len(),
                            indices.len()
                        ),
                    ));
                }
                for (i, item) in indices.into_iter().zip(replacement) {
                    items[i] = item;
                }
            }
            Ok(())
        }
        Value::List(list) => {
            let mut items = lock(&list.items);
            let i = index(thread, &key, items.len(), "list assignment")?;
            items[i] = value;
            Ok(())
        }
        Value::Dict(dict) => {
            let key = crate::keys::dict_key(thread, dict, key)?;
            lock(&dict.entries).insert(key, value);
            Ok(())
        }
        other => match thread.special_method(other, "__setitem__") {
            Some(method) => thread.call(&method, vec![key, value], vec![]).map(|_| ()),
            None if other.extended_base().is_some() => {
                set_item(thread, other.builtin_base(), key, value)
            }
            None => Err(thread.exception(
                "TypeError",
                format!("'{}' object does not support item assignment", type_name(other)),
            )),
        },
    }
}

pub fn delete_item(thread: &mut Thread, container: &Value, key: &Value) -> Result<(), Value> {
    if matches!(key, Value::Instance(_) | Value::Slice(_)) {
        if let Some(index) = sequence_index(thread, container, key)? {
            return delete_item(thread, container, &index);
        }
    }
    match container {
        Value::List(list) if matches!(key, Value::Slice(_)) => {
            let Value::Slice(slice) = key else { unreachable!("matched above") };
            let mut items = lock(&list.items);
            // One pass over the list: removing the items one at a time moved the rest each
            // time (`del items[:50000]` of 100,000 took a second).
            let mut keep = vec![true; items.len()];
            for index in slice_indices(thread, slice, items.len())? {
                keep[index] = false;
            }
            let mut keep = keep.into_iter();
            items.retain(|_| keep.next().unwrap_or(true));
            Ok(())
        }
        Value::List(list) => {
            let mut items = lock(&list.items);
            let i = index(thread, key, items.len(), "list assignment")?;
            items.remove(i);
            Ok(())
        }
        Value::Dict(dict) => {
            let lookup = crate::keys::dict_key(thread, dict, key.clone())?;
            if lock(&dict.entries).remove(&lookup).is_none() {
                return Err(thread.interp.new_exception("KeyError", vec![key.clone()]));
            }
            Ok(())
        }
        other => match thread.special_method(other, "__delitem__") {
            Some(method) => thread.call(&method, vec![key.clone()], vec![]).map(|_| ()),
            None if other.extended_base().is_some() => {
                delete_item(thread, other.builtin_base(), key)
            }
            None => Err(thread.exception(
                "TypeError",
                format!("'{}' object doesn't support item deletion", type_name(other)),
            )),
        },
    }
}

pub fn contains(thread: &mut Thread, container: &Value, item: &Value) -> Result<bool, Value> {
    match container {
        Value::Str(text) => match item {
            Value::Str(needle) => Ok(text.contains(&**needle)),
            other => Err(thread.exception(
                "TypeError",
                format!("'in <string>' requires string as left operand, not {}", type_name(other)),
            )),
        },
        Value::Bytes(bytes) => crate::bytes::contains(thread, bytes, item),
        Value::Dict(dict) => {
            let lookup = crate::keys::dict_key(thread, dict, item.clone())?;
            Ok(lock(&dict.entries).contains_key(&lookup))
        }
        Value::Set(set) => {
            let (key, hash) = crate::methods::set_key(thread, set, item)?;
            Ok(lock(&set.table).contains(&key, hash))
        }
        Value::Range(range) => Ok(match item {
            Value::Int(i) => range.contains(i128::from(*i)),
            Value::Bool(b) => range.contains(i128::from(*b)),
            Value::BigInt(big) => i128::try_from(&**big).is_ok_and(|n| range.contains(n)),
            _ => false,
        }),
        other => {
            if let Some(method) = thread.special_method(other, "__contains__") {
                let result = thread.call(&method, vec![item.clone()], vec![])?;
                return thread.truth(&result);
            }
            if let Some(base) = other.extended_base() {
                return contains(thread, base, item);
            }
            for candidate in collect(thread, other)? {
                if candidate.is(item) || thread.equals(&candidate, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

pub fn iterate(thread: &mut Thread, iterable: &Value) -> CallResult {
    let state = match iterable {
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) => {
            let name = match iterable {
                Value::List(_) => "list_iterator",
                Value::Tuple(_) => "tuple_iterator",
                Value::Bytes(_) => "bytes_iterator",
                Value::Str(text)
                    if text.is_ascii() && thread.interp.version >= PythonVersion::V3_11 =>
                {
                    "str_ascii_iterator"
                }
                _ => "str_iterator",
            };
            Iter::Seq { items: iterable.clone(), index: 0, name }
        }
        Value::Range(range) => {
            match (i64::try_from(range.start), i64::try_from(range.stop), i64::try_from(range.step))
            {
                (Ok(next), Ok(stop), Ok(step)) => Iter::Range { next, stop, step },
                _ => Iter::WideRange { next: range.start, stop: range.stop, step: range.step },
            }
        }
        Value::Dict(dict) => dict_iterator(dict, crate::value::DictPart::Keys),
        Value::Generator(generator) if generator.is_coroutine => {
            return Err(thread.exception("TypeError", "'coroutine' object is not iterable"));
        }
        Value::Set(set) => Iter::Set { set: set.clone(), used: set.len(), position: 0 },
        Value::Iterator(_) | Value::Generator(_) => return Ok(iterable.clone()),
        other => {
            if let Some(method) = thread.special_method(other, "__iter__") {
                return thread.call(&method, vec![], vec![]);
            }
            if let Some(base) = other.extended_base() {
                return iterate(thread, base);
            }
            if let Some(method) = thread.special_method(other, "__getitem__") {
                // The old sequence protocol: items 0, 1, 2... until IndexError.
                let mut items = Vec::new();
                loop {
                    match thread.call(&method, vec![Value::Int(items.len() as i64)], vec![]) {
                        Ok(item) => items.push(item),
                        Err(error) if exception_is(thread, &error, "IndexError") => break,
                        Err(error) => return Err(error),
                    }
                }
                return Ok(items_iterator(items, "iterator"));
            }
            return Err(thread
                .exception("TypeError", format!("'{}' object is not iterable", type_name(other))));
        }
    };
    Ok(Value::Iterator(Arc::new(Mutex::new(state))))
}

/// One step of an iterator: an item, the end, or for `map`, `zip` and the like, which may call
/// Python, what the caller must step without holding the lock.
pub enum IterStep {
    Item(Value),
    Done,
    Lazy(Lazy),
}

/// Steps a built-in iterator under one lock, the cost a `for` loop pays each round.
pub fn builtin_iter_next(iterator: &Arc<Mutex<Iter>>) -> Result<IterStep, OpError> {
    step_iter(&mut lock(iterator))
}

/// Steps an iterator its caller has to itself: a `for` loop's, which no other reference sees,
/// needs no lock.
pub fn step_iter(state: &mut Iter) -> Result<IterStep, OpError> {
    let item = match state {
        Iter::Seq { items, index, .. } => {
            let item = match items {
                Value::List(list) => lock(&list.items).get(*index).cloned(),
                Value::Tuple(tuple) => tuple.get(*index).cloned(),
                Value::Bytes(bytes) => bytes.get(*index).map(|&b| Value::Int(i64::from(b))),
                // A str's index counts bytes, so that a step is O(1) (by chars, a loop over a
                // string was quadratic: 0.35 s for 120,000 characters, CPython 0.004 s).
                Value::Str(text) => text[*index..].chars().next().map(|c| {
                    *index += c.len_utf8() - 1;
                    Value::Str(Text::of_char(c))
                }),
                _ => None,
            };
            *index += 1;
            if item.is_none() {
                state.exhaust();
            }
            Ok(item)
        }
        Iter::Range { next, stop, step } => {
            if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                let value = *next;
                *next += *step;
                Ok(Some(Value::Int(value)))
            } else {
                Ok(None)
            }
        }
        Iter::WideRange { next, stop, step } => {
            if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                let value = *next;
                *next += *step;
                Ok(Some(crate::ops::int_value(value)))
            } else {
                Ok(None)
            }
        }
        Iter::Items(items, _) => Ok(items.next()),
        Iter::Dict { dict, part, used, remaining, position } => {
            let entries = lock(&dict.entries);
            if entries.len() != *used {
                *used = usize::MAX;
                return Err(ops::error("RuntimeError", "dictionary changed size during iteration"));
            }
            let Some((at, key, value)) = entries.next_at(*position) else {
                drop(entries);
                state.exhaust();
                return Ok(IterStep::Done);
            };
            if *remaining == 0 {
                *used = usize::MAX;
                return Err(ops::error("RuntimeError", "dictionary keys changed during iteration"));
            }
            *remaining -= 1;
            *position = at + 1;
            Ok(Some(match part {
                crate::value::DictPart::Keys => key.0.clone(),
                crate::value::DictPart::Values => value.clone(),
                crate::value::DictPart::Items => Value::tuple(vec![key.0.clone(), value.clone()]),
            }))
        }
        Iter::Set { set, used, position } => {
            let table = lock(&set.table);
            if table.len() != *used {
                *used = usize::MAX;
                return Err(ops::error("RuntimeError", "Set changed size during iteration"));
            }
            let Some((slot, key)) = table.next_at(*position) else {
                drop(table);
                state.exhaust();
                return Ok(IterStep::Done);
            };
            *position = slot + 1;
            Ok(Some(key))
        }
        Iter::Arrangements(arrangements) => Ok(arrangements.next()),
        Iter::Deque(deque) => deque.step(),
        // Stepped by `next`, which can call Python.
        Iter::Lazy(lazy) => return Ok(IterStep::Lazy(lazy.clone())),
        Iter::Exhausted(_) => Ok(None),
    };
    Ok(match item? {
        Some(item) => IterStep::Item(item),
        None => IterStep::Done,
    })
}

/// An iterator over `dict`'s keys, values or items, live as CPython's: it sees the dict as it
/// is at each step, and a change of size while it runs raises RuntimeError.
pub fn dict_iterator(dict: &Arc<Dict>, part: crate::value::DictPart) -> Iter {
    let used = lock(&dict.entries).len();
    Iter::Dict { dict: dict.clone(), part, used, remaining: used, position: 0 }
}

/// The next item of an iterator, or `None` when it is exhausted.
pub fn next(thread: &mut Thread, iterator: &Value) -> Result<Option<Value>, Value> {
    match iterator {
        Value::Iterator(state) => match builtin_iter_next(state) {
            Ok(IterStep::Item(item)) => Ok(Some(item)),
            Ok(IterStep::Done) => Ok(None),
            Ok(IterStep::Lazy(lazy)) => lazy_next(thread, state, lazy),
            Err(error) => Err(thread.op_error(error)),
        },
        Value::Generator(generator) => thread.resume_generator(generator),
        other => match thread.special_method(other, "__next__") {
            Some(method) => match thread.call(&method, vec![], vec![]) {
                Ok(value) => Ok(Some(value)),
                Err(error) if exception_is(thread, &error, "StopIteration") => Ok(None),
                Err(error) => Err(error),
            },
            None => Err(thread.exception(
                "TypeError",
                format!("'{}' object is not an iterator", type_name(other)),
            )),
        },
    }
}

pub fn collect(thread: &mut Thread, iterable: &Value) -> Result<Vec<Value>, Value> {
    let items = match iterable {
        Value::List(list) => lock(&list.items).clone(),
        Value::Tuple(items) => items.to_vec(),
        Value::Set(set) => set.keys(),
        // `list(range(n))`, the usual way to make data: counted out at once, not stepped
        // through an iterator; within the memory limit, and only where every item is an `i64`.
        Value::Range(range)
            if i64::try_from(range.start).is_ok() && i64::try_from(range.stop).is_ok() =>
        {
            let len = range.len().max(0);
            ops::check_allocation(len as u128, std::mem::size_of::<Value>() as u128)
                .map_err(|error| thread.op_error(error))?;
            (0..len).map(|i| Value::Int((range.start + i * range.step) as i64)).collect()
        }
        _ => {
            let iterator = iterate(thread, iterable)?;
            let mut items = Vec::new();
            while let Some(item) = next(thread, &iterator)? {
                items.push(item);
            }
            items
        }
    };
    thread.charge_items(items.len());
    Ok(items)
}

/// `{a, b, c}`: a set with the items added in order.
pub fn new_set(thread: &mut Thread, items: Vec<Value>) -> CallResult {
    let set = Set::new(false, SetTable::new(thread.interp.version));
    for item in items {
        set_add(thread, &set, item)?;
    }
    Ok(Value::Set(set))
}

/// `{1, 2, 3}`: CPython 3.9+ compiles a display of three or more constants into a frozenset
/// constant, which its constant merging builds a second time from the first one's order, and
/// merges that into an empty set. Each step can order colliding keys differently.
pub fn new_set_of_constants(thread: &mut Thread, constants: &Value) -> CallResult {
    let Value::Tuple(items) = constants else { unreachable!("the compiler stores a tuple") };
    let first = new_set(thread, items.to_vec())?;
    let first_order = collect(thread, &first)?;
    let Value::Set(constant) = new_set(thread, first_order)? else {
        unreachable!("new_set makes a set")
    };
    Ok(Value::Set(constant.copy()))
}

pub fn set_add(thread: &mut Thread, set: &Set, item: Value) -> Result<(), Value> {
    let (item, hash) = crate::methods::set_key(thread, set, &item)?;
    lock(&set.table).add(item, hash);
    Ok(())
}

/// `{*iterable}`.
pub fn set_update(thread: &mut Thread, set: &Arc<Set>, iterable: &Value) -> Result<(), Value> {
    let other = crate::methods::set_operand_for(thread, Some(set), iterable)?;
    set.update(&other)
}

// ---- classes and exceptions ----

pub fn new_class(
    thread: &mut Thread,
    name: Text,
    bases: Vec<Value>,
    namespace: Value,
    metaclass: Option<Value>,
) -> CallResult {
    let Value::Dict(namespace) = namespace else {
        unreachable!("class bodies return their namespace")
    };
    let bases_given = Value::tuple(bases.clone());
    let mut parents = Vec::new();
    for base in bases {
        match base {
            Value::Class(class) => parents.push(class),
            other => {
                return Err(thread.exception(
                    "TypeError",
                    format!("bases must be types, not {}", type_name(&other)),
                ))
            }
        }
    }
    if parents.is_empty() {
        parents.push(thread.interp.class("object"));
    }
    let bases_mro = linearize(&parents).map_err(|why| thread.exception("TypeError", why))?;
    let metaclass = class_metaclass(thread, &parents, metaclass)?;
    let extended: Vec<_> =
        parents.iter().filter_map(|parent| thread.interp.builtin_ancestor(parent)).collect();
    if extended.iter().any(|builtin| !Arc::ptr_eq(builtin, &extended[0])) {
        return Err(thread.exception("TypeError", "multiple bases have instance lay-out conflict"));
    }
    let is_exception = parents.iter().any(|parent| parent.is_exception);
    let class_cell = lock(&namespace.entries).remove(&Key(Value::str("__classcell__")));
    {
        // A class that defines __eq__ but not __hash__ is unhashable, as in CPython.
        let mut entries = lock(&namespace.entries);
        if entries.contains_key(&Key(Value::str("__eq__")))
            && !entries.contains_key(&Key(Value::str("__hash__")))
        {
            entries.insert(Key(Value::str("__hash__")), Value::None);
        }
    }
    let dict: crate::value::ClassDict = lock(&namespace.entries)
        .iter()
        .filter_map(|(k, v)| match &k.0 {
            Value::Str(name) => Some((name.clone(), v.clone())),
            _ => None,
        })
        .collect();
    let overrides_getattribute = dict.contains_key("__getattribute__")
        || bases_mro.iter().any(|base| base.overrides_getattribute);
    let has_properties = dict.values().any(
        |value| matches!(value, Value::Descriptor(d) if matches!(**d, Descriptor::Property { .. })),
    ) || bases_mro.iter().any(|base| base.has_properties);
    let has_slots = dict.contains_key("__slots__") || bases_mro.iter().any(|base| base.has_slots);
    let class = Value::Class(Arc::new(Class {
        name,
        bases: parents,
        bases_mro,
        dict: crate::value::Versioned::new(dict),
        is_exception,
        overrides_getattribute,
        has_properties,
        has_slots,
        metaclass,
    }));
    if let Some(Value::Cell(cell)) = class_cell {
        *lock(&cell) = Some(class.clone());
    }
    set_names(thread, &class)?;
    init_subclass(thread, &class)?;
    metaclass_init(thread, &class, bases_given, Value::Dict(namespace))?;
    Ok(class)
}

/// Tells each object in the new class's namespace that has `__set_name__` its owner and name
/// (`__set_name__(owner, name)`), as `type.__new__` does before `__init_subclass__`.
fn set_names(thread: &mut Thread, class: &Value) -> Result<(), Value> {
    let Value::Class(new) = class else { unreachable!("a class") };
    let attributes: Vec<(Text, Value)> = lock(&new.dict)
        .iter()
        .filter(|(_, value)| matches!(value, Value::Instance(_)))
        .map(|(name, value)| (name.clone(), value.clone()))
        .collect();
    for (name, value) in attributes {
        if let Some(set_name) = thread.special_method(&value, "__set_name__") {
            thread.call(&set_name, vec![class.clone(), Value::Str(name)], vec![])?;
        }
    }
    Ok(())
}

/// A metaclass's own `__init__(cls, name, bases, namespace)`, called once the class is made,
/// as `type.__call__` does after `type.__new__`.
fn metaclass_init(
    thread: &mut Thread,
    class: &Value,
    bases: Value,
    namespace: Value,
) -> Result<(), Value> {
    let Value::Class(new) = class else { unreachable!("a class") };
    let Some(meta) = &new.metaclass else { return Ok(()) };
    let type_class = thread.interp.class("type");
    let own = std::iter::once(meta)
        .chain(meta.bases_mro.iter())
        .take_while(|class| !Arc::ptr_eq(class, &type_class))
        .find_map(|class| lock(&class.dict).get("__init__").cloned());
    if let Some(init) = own {
        let name = Value::Str(new.name.clone());
        thread.call(&init, vec![class.clone(), name, bases, namespace], vec![])?;
    }
    Ok(())
}

/// An attribute found on a class's metaclass, as the class reads it: methods bound to the
/// class, properties run with it (`Color.__members__`).
fn metaclass_attribute(thread: &mut Thread, class: &Value, attribute: Value) -> CallResult {
    Ok(match attribute {
        Value::Function(_) => bind(class, attribute),
        Value::Descriptor(descriptor) => match &*descriptor {
            Descriptor::Property { get, .. } if !get.is_none() => {
                return thread.call(get, vec![class.clone()], vec![]);
            }
            Descriptor::StaticMethod(function) => function.clone(),
            _ => Value::Descriptor(descriptor.clone()),
        },
        other => other,
    })
}

/// The metaclass of a new class: the one it names or its bases', the most derived of them, as
/// `type.__new__` chooses; None for `type`. Metaclasses that change how classes are made
/// (`__new__`, `__prepare__`) are refused before anything runs differently from CPython; an
/// `__init__` runs once the class is made (`metaclass_init`).
fn class_metaclass(
    thread: &mut Thread,
    parents: &[Arc<Class>],
    named: Option<Value>,
) -> Result<Option<Arc<Class>>, Value> {
    let type_class = thread.interp.class("type");
    let named = match named {
        None => None,
        Some(Value::Class(meta)) if Arc::ptr_eq(&meta, &type_class) => None,
        Some(Value::Class(meta)) if meta.is_subclass_of(&type_class) => Some(meta),
        Some(_) => {
            return Err(thread.exception(
                "NotImplementedError",
                "a metaclass that is not a subclass of type is not supported by gilpy yet",
            ))
        }
    };
    let mut chosen = named;
    for inherited in parents.iter().filter_map(|parent| parent.metaclass.clone()) {
        chosen =
            match chosen {
                None => Some(inherited),
                Some(current) if current.is_subclass_of(&inherited) => Some(current),
                Some(current) if inherited.is_subclass_of(&current) => Some(inherited),
                Some(_) => return Err(thread.exception(
                    "TypeError",
                    "metaclass conflict: the metaclass of a derived class must be a (non-strict) \
                     subclass of the metaclasses of all its bases",
                )),
            };
    }
    if let Some(meta) = &chosen {
        let own = |name: &str| {
            std::iter::once(meta)
                .chain(meta.bases_mro.iter())
                .take_while(|class| !Arc::ptr_eq(class, &type_class))
                .any(|class| lock(&class.dict).contains_key(name))
        };
        if let Some(hook) = ["__new__", "__prepare__"].into_iter().find(|n| own(n)) {
            return Err(thread.exception(
                "NotImplementedError",
                format!("a metaclass that defines {hook} is not supported by gilpy yet"),
            ));
        }
    }
    Ok(chosen)
}

/// Calls the nearest base's `__init_subclass__` with the new class (an implicit
/// classmethod), as `type.__new__` does; `object`'s does nothing and is skipped.
fn init_subclass(thread: &mut Thread, class: &Value) -> Result<(), Value> {
    let Value::Class(new) = class else { unreachable!("a class") };
    let hook =
        new.bases_mro.iter().find_map(|base| lock(&base.dict).get("__init_subclass__").cloned());
    let function = match hook {
        None | Some(Value::Builtin(_)) => return Ok(()),
        Some(Value::Descriptor(descriptor)) => match &*descriptor {
            Descriptor::ClassMethod(function) => function.clone(),
            _ => return Ok(()),
        },
        Some(function) => function,
    };
    thread.call(&function, vec![class.clone()], vec![])?;
    Ok(())
}

/// `object.__init_subclass__`: nothing, and no keyword arguments.
fn object_init_subclass(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    if !kwargs.is_empty() {
        let name = match args.first() {
            Some(Value::Class(class)) => class.name.to_string(),
            _ => "object".to_string(),
        };
        let message = format!("{name}.__init_subclass__() takes no keyword arguments");
        return Err(thread.exception("TypeError", message));
    }
    Ok(Value::None)
}

/// The class, then its method resolution order (`__mro__`).
fn mro_of(class: &Arc<Class>) -> Vec<Value> {
    std::iter::once(class.clone())
        .chain(class.bases_mro.iter().cloned())
        .map(Value::Class)
        .collect()
}

/// `cls.mro()`: `__mro__` as a list.
fn class_mro(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    match args.first() {
        Some(Value::Class(class)) => Ok(List::new(mro_of(class))),
        _ => Err(thread.exception("TypeError", "descriptor 'mro' needs a type")),
    }
}

/// The method resolution order of a new class with these bases, after the class itself:
/// CPython's C3 merge of each base's order and the bases' own order. The error is CPython's
/// message for bases that allow no consistent order.
fn linearize(bases: &[Arc<Class>]) -> Result<Vec<Arc<Class>>, String> {
    for (index, base) in bases.iter().enumerate() {
        if bases[..index].iter().any(|earlier| Arc::ptr_eq(earlier, base)) {
            return Err(format!("duplicate base class {}", base.name));
        }
    }
    let mut sequences: Vec<Vec<Arc<Class>>> = bases
        .iter()
        .map(|base| std::iter::once(base.clone()).chain(base.bases_mro.iter().cloned()).collect())
        .collect();
    sequences.push(bases.to_vec());
    let mut order = Vec::new();
    loop {
        sequences.retain(|sequence| !sequence.is_empty());
        if sequences.is_empty() {
            return Ok(order);
        }
        // The first head that is in no other sequence's tail.
        let head = sequences.iter().map(|sequence| sequence[0].clone()).find(|head| {
            !sequences.iter().any(|sequence| sequence[1..].iter().any(|c| Arc::ptr_eq(c, head)))
        });
        let Some(head) = head else {
            let names: Vec<&str> = bases.iter().map(|base| &*base.name).collect();
            return Err(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            ));
        };
        for sequence in &mut sequences {
            if Arc::ptr_eq(&sequence[0], &head) {
                sequence.remove(0);
            }
        }
        order.push(head);
    }
}

pub fn is_exception_instance(value: &Value) -> bool {
    matches!(value, Value::Instance(instance) if instance.class.is_exception)
}

pub fn exception_is(thread: &Thread, exception: &Value, class: &str) -> bool {
    matches!(exception, Value::Instance(instance) if instance.class.is_subclass_of(&thread.interp.class(class)))
}

pub fn exception_matches(
    thread: &mut Thread,
    exception: &Value,
    class: &Value,
) -> Result<bool, Value> {
    let classes = match class {
        Value::Tuple(items) => items.to_vec(),
        other => vec![other.clone()],
    };
    for class in classes {
        match class {
            Value::Class(class) if class.is_exception => {
                if let Value::Instance(instance) = exception {
                    if instance.class.is_subclass_of(&class) {
                        return Ok(true);
                    }
                }
            }
            _ => {
                return Err(thread.exception(
                    "TypeError",
                    "catching classes that do not inherit from BaseException is not allowed",
                ))
            }
        }
    }
    Ok(false)
}

fn exception_args(instance: &Instance) -> Vec<Value> {
    match instance.get("args") {
        Some(Value::Tuple(args)) => args.to_vec(),
        _ => Vec::new(),
    }
}

/// `object.__str__` and `object.__repr__` (and `BaseException`'s), which no class dict holds:
/// the VM applies them directly when a class defines none. Found here for an explicit call
/// (`super().__str__()`, `object.__repr__(self)`).
fn default_special(name: &str) -> Option<(&'static str, BuiltinFn)> {
    match name {
        "__str__" => Some(("__str__", default_str)),
        "__repr__" => Some(("__repr__", default_repr)),
        _ => None,
    }
}

/// `object.__str__`: the repr (through the class's own `__repr__`); an exception's message.
fn default_str(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "__str__", &args, 1, 1)?;
    match is_exception_instance(&args[0]) {
        true => exception_str(thread, &args[0]).map(|text| Value::str(&text)),
        false => thread.repr_of(&args[0]).map(|text| Value::str(&text)),
    }
}

/// `object.__repr__`: `<module.Class object at 0x...>`, or the exception's or built-in base's.
fn default_repr(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    arity(thread, "__repr__", &args, 1, 1)?;
    let text = match &args[0] {
        Value::Instance(instance) if is_exception_instance(&args[0]) => {
            exception_repr(thread, instance)?
        }
        Value::Instance(instance) => match &instance.base {
            Some(base) => thread.repr_of(&base.clone())?,
            None => format!(
                "<{} object at 0x{:012x}>",
                instance.class.qualified_name(),
                args[0].address()
            ),
        },
        // `type.__repr__` (a metaclass's `super().__repr__()`): not the metaclass's own again.
        Value::Class(_) => crate::format::plain_repr(&args[0]),
        other => thread.repr_of(other)?,
    };
    Ok(Value::str(&text))
}

/// The exception a failed `exec` raises: a SyntaxError (or IndentationError, TabError) with
/// CPython's arguments, `(msg, (filename, lineno, offset, text, end_lineno, end_offset))`, the
/// last two from 3.10; else what the report names (NotImplementedError for what gilpy lacks).
fn syntax_error_exception(thread: &Thread, error: &crate::syntax::SyntaxError) -> Value {
    let class = thread.interp.class(error.kind);
    if !class.is_subclass_of(&thread.interp.class("SyntaxError")) {
        return thread.exception(error.kind, error.message.clone());
    }
    // An error without carets ("unexpected indent") points into the indentation, as CPython's
    // does; a traceback then shows no caret.
    let indent = error.line_text.chars().take_while(|c| c.is_whitespace()).count() as i64;
    let (offset, end_offset) = match error.width {
        0 => (indent, -1),
        width => (error.column as i64, (error.column + width) as i64),
    };
    let mut details = vec![
        Value::str(&error.filename),
        Value::Int(error.line as i64),
        Value::Int(offset),
        Value::str(&format!("{}\n", error.line_text)),
    ];
    if thread.interp.version >= PythonVersion::V3_10 {
        details.extend([Value::Int(error.line as i64), Value::Int(end_offset)]);
    }
    thread.interp.new_exception(error.kind, vec![Value::str(&error.message), Value::tuple(details)])
}

/// The fields of a SyntaxError's second argument, in order (CPython's `SyntaxError_init`).
const SYNTAX_ERROR_DETAILS: [&str; 6] =
    ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"];

/// A SyntaxError's attribute: one set on it, else as CPython derives it from the arguments:
/// `msg` is the first, the rest come from the details tuple; None where they are missing.
pub(crate) fn syntax_error_field(instance: &Instance, name: &str) -> Option<Value> {
    if let Some(value) = instance.get(name) {
        return Some(value);
    }
    let args = exception_args(instance);
    let index = match name {
        "msg" => return Some(args.first().cloned().unwrap_or(Value::None)),
        "print_file_and_line" => return Some(Value::None),
        _ => SYNTAX_ERROR_DETAILS.iter().position(|field| *field == name)?,
    };
    Some(match (args.len(), args.get(1)) {
        (2, Some(Value::Tuple(details))) => details.get(index).cloned().unwrap_or(Value::None),
        _ => Value::None,
    })
}

/// `str()` of a SyntaxError: the message, then the file's base name and line where known.
fn syntax_error_str(thread: &mut Thread, instance: &Instance) -> Result<String, Value> {
    let field = |name| syntax_error_field(instance, name).unwrap_or(Value::None);
    let message = thread.str_of(&field("msg"))?;
    let file = match field("filename") {
        Value::Str(name) => Some(name.rsplit('/').next().unwrap_or_default().to_string()),
        _ => None,
    };
    Ok(match (file, field("lineno")) {
        (Some(file), Value::Int(line)) => format!("{message} ({file}, line {line})"),
        (Some(file), _) => format!("{message} ({file})"),
        (None, Value::Int(line)) => format!("{message} (line {line})"),
        (None, _) => message,
    })
}

pub fn exception_str(thread: &mut Thread, value: &Value) -> Result<String, Value> {
    let Value::Instance(instance) = value else { unreachable!("an exception instance") };
    if instance.class.is_subclass_of(&thread.interp.class("SyntaxError")) {
        return syntax_error_str(thread, instance);
    }
    if instance.class.is_subclass_of(&thread.interp.class("OSError")) {
        if let Some(text) = os_error_str(thread, instance)? {
            return Ok(text);
        }
    }
    let args = exception_args(instance);
    match args.len() {
        0 => Ok(String::new()),
        // KeyError shows its key's repr, as CPython does.
        1 if instance.class.is_subclass_of(&thread.interp.class("KeyError")) => {
            thread.repr_of(&args[0])
        }
        1 => thread.str_of(&args[0]),
        _ => thread.repr_of(&Value::tuple(args)),
    }
}

pub fn exception_repr(thread: &mut Thread, instance: &Arc<Instance>) -> Result<String, Value> {
    let args = exception_args(instance);
    let inner = if args.len() == 1 {
        thread.repr_of(&args[0])?
    } else {
        thread
            .repr_of(&Value::tuple(args))?
            .trim_start_matches('(')
            .trim_end_matches(')')
            .trim_end_matches(',')
            .to_string()
    };
    Ok(format!("{}({inner})", instance.class.name))
}

pub fn special_instance_repr(_: &mut Thread, _: &Value) -> Result<Option<String>, Value> {
    Ok(None)
}

/// The `NotImplemented` a special method returns.
pub fn not_implemented(_: &Thread) -> Value {
    NOT_IMPLEMENTED.clone()
}

static NOT_IMPLEMENTED_TYPE: crate::value::NativeType = crate::value::NativeType {
    name: "NotImplementedType",
    module: "builtins",
    methods: &[("__repr__", not_implemented_repr), ("__reduce__", not_implemented_repr)],
};

/// The one `NotImplemented`: its own object, so that no string a method returns is taken for it.
static NOT_IMPLEMENTED: std::sync::LazyLock<Value> =
    std::sync::LazyLock::new(|| crate::value::Native::new(&NOT_IMPLEMENTED_TYPE, ()));

fn not_implemented_repr(_: &mut Thread, _: Args, _: Kwargs) -> CallResult {
    Ok(Value::str("NotImplemented"))
}

static ELLIPSIS_TYPE: crate::value::NativeType = crate::value::NativeType {
    name: "ellipsis",
    module: "builtins",
    methods: &[("__repr__", ellipsis_repr), ("__reduce__", ellipsis_repr)],
};

/// `...`, the one `Ellipsis`.
pub static ELLIPSIS: std::sync::LazyLock<Value> =
    std::sync::LazyLock::new(|| crate::value::Native::new(&ELLIPSIS_TYPE, ()));

fn ellipsis_repr(_: &mut Thread, _: Args, _: Kwargs) -> CallResult {
    Ok(Value::str("Ellipsis"))
}

pub fn is_ellipsis(value: &Value) -> bool {
    value.is(&ELLIPSIS)
}

pub fn is_not_implemented(_: &Thread, value: &Value) -> bool {
    value.is(&NOT_IMPLEMENTED)
}

pub use crate::traceback::format_traceback;

// ---- modules ----

pub fn import(thread: &mut Thread, name: &str) -> CallResult {
    let found = lock(&thread.interp.modules).get(name).cloned();
    if let Some(module) = found {
        return finished_module(thread, name, module);
    }
    if name == "os.path" {
        // `os.path` is `posixpath`, as CPython's is on POSIX.
        let os = import(thread, "os")?;
        return get_attribute(thread, &os, "path");
    }
    if let Some((parent, child)) = name.rsplit_once('.') {
        // A submodule: its package first, then the submodule becomes the package's attribute.
        let package = import(thread, parent)?;
        let module = import_leaf(thread, name)?;
        if let Value::Module(package) = package {
            lock(&package.dict.entries).insert(Key(Value::str(child)), module.clone());
        }
        return Ok(module);
    }
    import_leaf(thread, name)
}

/// A module whose body a thread is running. Another thread that imports it meanwhile waits
/// until the body has run, as CPython's `_ModuleLock` makes it wait, rather than see the
/// module half made (with a GIL, the body can be switched out; on 3.13t two threads run at
/// once). The thread running it gets it as it is, for a cycle of imports.
struct ModuleInit {
    /// The identity of the thread running the body.
    owner: u32,
    /// Held while the body runs.
    running: crate::threads::Lock,
}

#[derive(Default)]
struct ModuleInits {
    /// The modules whose body a thread is running, by name.
    running: HashMap<String, Arc<ModuleInit>>,
    /// The module each thread waits for, by thread (CPython's `_blocking_on`).
    waiting: HashMap<u32, String>,
}

impl ModuleInits {
    /// Whether the thread `owner` is the thread `me`, or waits, through a chain of threads
    /// each waiting for a module the next one runs, for a module `me` runs: then `me` waiting
    /// for `owner` would be a deadlock (CPython's `_has_deadlocked`).
    fn leads_back(&self, mut owner: u32, me: u32) -> bool {
        for _ in 0..=self.waiting.len() {
            if owner == me {
                return true;
            }
            let Some(module) = self.waiting.get(&owner) else { return false };
            let Some(init) = self.running.get(module) else { return false };
            owner = init.owner;
        }
        false
    }
}

/// `module`, found registered under `name`, once its body has run (on another thread). The
/// thread running it, or one that waiting would deadlock (`os` and `posixpath` imported at
/// once from two threads import each other), gets it as it is, as in CPython.
fn finished_module(thread: &mut Thread, name: &str, module: Value) -> CallResult {
    let me = thread.id.0;
    let init = {
        let mut inits = lock(&thread.interp.module_inits);
        let Some(init) = inits.running.get(name).cloned() else { return Ok(module) };
        if inits.leads_back(init.owner, me) {
            return Ok(module);
        }
        inits.waiting.insert(me, name.to_string());
        init
    };
    let waited = crate::threads::wait_for_release(thread, &init.running);
    lock(&thread.interp.module_inits).waiting.remove(&me);
    waited?;
    // Registered by now, or unregistered again because its body failed: then this thread
    // runs it, as CPython's importer would.
    import(thread, name)
}

/// Registers `module` under `name` and runs `body` (its Python part, if any) in it, unless
/// another thread registered `name` first: then that thread's module, once its body has run.
/// A module whose body fails is unregistered again.
fn register_and_run(
    thread: &mut Thread,
    name: &str,
    module: Value,
    body: Option<(&str, Arc<Dict>)>,
) -> CallResult {
    let init = {
        let mut modules = lock(&thread.interp.modules);
        if let Some(existing) = modules.get(name).cloned() {
            drop(modules);
            return finished_module(thread, name, existing);
        }
        modules.insert(name.to_string(), module.clone());
        // Marked running in the same hold of the modules' lock: no thread sees it registered
        // and not running.
        body.is_some().then(|| {
            let running = crate::threads::Lock::held();
            let init = Arc::new(ModuleInit { owner: thread.id.0, running });
            lock(&thread.interp.module_inits).running.insert(name.to_string(), init.clone());
            init
        })
    };
    let (Some((source, dict)), Some(init)) = (body, init) else { return Ok(module) };
    let ran = run_module_source(thread, name, source, dict);
    if ran.is_err() {
        lock(&thread.interp.modules).shift_remove(name);
    }
    lock(&thread.interp.module_inits).running.remove(name);
    crate::threads::release_held(thread, &init.running);
    ran.map(|()| module)
}

type NativeModule = fn(&Thread) -> Vec<(&'static str, Value)>;

/// The modules written in Rust, by name; the others are Python in `stdlib`.
const NATIVE_MODULES: &[(&str, NativeModule)] = &[
    ("sys", crate::modules::sys),
    ("time", |_| crate::modules::time()),
    ("math", crate::modules::math),
    ("os", crate::modules::os),
    ("_thread", |_| crate::threads::module()),
    ("_asyncio", |_| crate::modules::asyncio()),
    ("_multiprocessing", |_| crate::processes::module()),
    ("_random", |_| crate::modules::random::module()),
    ("_json", |_| crate::modules::json::module()),
    ("_hashlib", |_| crate::modules::hashlib::module()),
    ("_io", |_| crate::modules::io::module()),
    ("_heapq", |_| crate::modules::heapq::module()),
    ("_collections", |_| crate::modules::deque::module()),
    ("_itertools", |_| crate::modules::itertools::module()),
    ("_types", |_| crate::generic::module()),
    ("_traceback", |_| crate::modules::traceback()),
    ("_sre", |_| crate::sre::module()),
    ("_pickle", |_| crate::modules::pickle::module()),
    ("_struct", |_| crate::modules::structs::module()),
];

/// Whether `import name` can find the module: the compiler refuses the others before a program
/// runs, unless the import is guarded by a handler for ImportError.
pub fn is_module(name: &str) -> bool {
    // Registered when the interpreter starts, not imported.
    matches!(name, "builtins" | "__main__" | "__mp_main__" | "os.path")
        || NATIVE_MODULES.iter().any(|(native, _)| *native == name)
        || crate::stdlib::source(name).is_some()
}

/// The modules a program may import by name (not the underscored building blocks), sorted.
pub fn public_modules() -> Vec<&'static str> {
    let native = NATIVE_MODULES.iter().map(|(name, _)| *name);
    let python = crate::stdlib::SOURCES.iter().map(|(name, _)| *name);
    let mut names: Vec<&str> =
        native.chain(python).chain(["builtins"]).filter(|name| !name.starts_with('_')).collect();
    names.sort_unstable();
    names
}

fn import_leaf(thread: &mut Thread, name: &str) -> CallResult {
    let entries = match NATIVE_MODULES.iter().find(|(native, _)| *native == name) {
        Some((_, module)) => module(thread),
        None => match crate::stdlib::source(name) {
            Some(source) => return import_source(thread, name, source),
            None => {
                return Err(
                    thread.exception("ModuleNotFoundError", format!("No module named '{name}'"))
                );
            }
        },
    };
    let dict = Arc::new(Dict { entries: Default::default() });
    {
        let mut map = lock(&dict.entries);
        map.insert(Key(Value::str("__name__")), Value::str(name));
        for (key, value) in entries {
            map.insert(Key(Value::str(key)), value);
        }
    }
    let module = Value::Module(Arc::new(Module { name: Text::from(name), dict: dict.clone() }));
    let body = crate::stdlib::native_supplement(name).map(|source| (source, dict));
    register_and_run(thread, name, module, body)
}

/// Runs a standard-library module written in Python. It is registered before its body runs, as
/// in CPython, so that modules importing each other see the partly initialised module.
fn import_source(thread: &mut Thread, name: &str, source: &str) -> CallResult {
    let dict = Arc::new(Dict { entries: Default::default() });
    lock(&dict.entries).insert(Key(Value::str("__name__")), Value::str(name));
    let module = Value::Module(Arc::new(Module { name: Text::from(name), dict: dict.clone() }));
    register_and_run(thread, name, module, Some((source, dict)))
}

/// Runs the Python `source` of module `name` in its namespace `dict`.
fn run_module_source(
    thread: &mut Thread,
    name: &str,
    source: &str,
    dict: Arc<Dict>,
) -> Result<(), Value> {
    let filename = format!("<frozen {name}>");
    let program = crate::compile(source, &filename, thread.interp.version).map_err(|error| {
        // Our own modules compile on every version (a test checks); this is a bug report.
        thread.exception("ImportError", format!("cannot compile {name}: {}", error.message))
    })?;
    thread.run_module(program.code, dict).map(drop)
}

/// Whether `class` is one of the interpreter's own (`int`, `ValueError`, ...), not a user's.
pub fn is_builtin_class(thread: &Thread, class: &Arc<Class>) -> bool {
    thread.interp.classes.values().any(|own| Arc::ptr_eq(own, class))
}

/// An instance with the given attributes and no `__init__` run, as unpickling makes one.
pub fn unpickled_instance(class: Arc<Class>, state: Vec<(Text, Value)>) -> Value {
    let instance = Instance::new(class, None);
    for (name, value) in state {
        instance.set(name, value);
    }
    Value::Instance(Arc::new(instance))
}

pub fn builtin_function(name: &'static str, function: BuiltinFn) -> Value {
    builtin(name, function)
}
