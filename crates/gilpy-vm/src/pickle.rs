//! Serialization between interpreters (processes), in the spirit of CPython's pickle: data is
//! copied as bytes; functions and classes travel as references (module and qualified name)
//! that the receiving interpreter looks up in its own modules; what pickle refuses (lambdas,
//! local functions, thread locks, generators) is refused with CPython's exception types.
//!
//! The bytes are our own format, not pickle's: nothing outside gilpy reads them. Shared
//! native objects made for crossing processes (queues, process locks, shared values) travel as
//! handles next to the bytes, as CPython passes their OS handles.

use crate::text::Text;
use std::sync::Arc;

use num_bigint::BigInt;

use crate::builtins;
use crate::value::{lock, Dict, Key, List, Map, Native, Range, Value};
use crate::vm::{CallResult, Thread};

/// A serialized object: bytes, plus handles to shared native objects.
pub struct Pickled {
    pub bytes: Vec<u8>,
    natives: Vec<Arc<Native>>,
}

impl Pickled {
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
}

/// Native types that may cross processes (made by `_multiprocessing`).
pub fn shareable(native: &Native) -> bool {
    native.kind.module == "_multiprocessing"
}

/// How deep nested containers may go before pickling gives up (a cycle, or absurd nesting).
const MAX_DEPTH: usize = 1000;

mod tag {
    pub const NONE: u8 = 0;
    pub const FALSE: u8 = 1;
    pub const TRUE: u8 = 2;
    pub const INT: u8 = 3;
    pub const BIGINT: u8 = 4;
    pub const FLOAT: u8 = 5;
    pub const STR: u8 = 6;
    pub const TUPLE: u8 = 7;
    pub const LIST: u8 = 8;
    pub const DICT: u8 = 9;
    pub const SET: u8 = 10;
    pub const FROZENSET: u8 = 11;
    pub const RANGE: u8 = 12;
    pub const GLOBAL: u8 = 13;
    pub const INSTANCE: u8 = 14;
    pub const EXCEPTION: u8 = 15;
    pub const NATIVE: u8 = 16;
    pub const METHOD: u8 = 17;
    pub const BYTES: u8 = 18;
    pub const REDUCE: u8 = 19;
}

pub fn dumps(thread: &mut Thread, value: &Value) -> Result<Pickled, Value> {
    let mut pickled = Pickled { bytes: Vec::new(), natives: Vec::new() };
    let written = serializing(thread, |thread| {
        let written = write(thread, value, &mut pickled, 0);
        charge_bytes(thread, pickled.len());
        written
    });
    written.map(|()| pickled)
}

/// Simulated mode: pickling costs virtual time by its size, as CPython's C pickler takes
/// about 3 ns a byte each way (a million small ints, 5 MB, in 15 ms): a third of an item's
/// cost (`simulate::ITEM_OPS`, about 9 ns) a byte.
fn charge_bytes(thread: &Thread, bytes: usize) {
    thread.charge_items(bytes / 3);
}

/// Runs `work` as a "serializing" span of the trace, then goes back to what the thread was
/// doing (running, or starting up as a process).
fn serializing<T>(thread: &mut Thread, work: impl FnOnce(&mut Thread) -> T) -> T {
    let before = thread.span_kind();
    thread.enter_span(gilpy_runtime::SpanKind::Serializing);
    let result = work(thread);
    thread.enter_span(before.unwrap_or(thread.activity));
    result
}

fn write_len(out: &mut Vec<u8>, len: usize) {
    out.extend_from_slice(&(len as u64).to_le_bytes());
}

fn write_str(out: &mut Vec<u8>, text: &str) {
    write_len(out, text.len());
    out.extend_from_slice(text.as_bytes());
}

fn write(thread: &mut Thread, value: &Value, to: &mut Pickled, depth: usize) -> Result<(), Value> {
    if depth > MAX_DEPTH {
        return Err(thread.exception(
            "RecursionError",
            "maximum recursion depth exceeded while pickling an object",
        ));
    }
    match value {
        Value::None => to.bytes.push(tag::NONE),
        Value::Bool(false) => to.bytes.push(tag::FALSE),
        Value::Bool(true) => to.bytes.push(tag::TRUE),
        Value::Int(i) => {
            to.bytes.push(tag::INT);
            to.bytes.extend_from_slice(&i.to_le_bytes());
        }
        Value::BigInt(i) => {
            to.bytes.push(tag::BIGINT);
            let bytes = i.to_signed_bytes_le();
            write_len(&mut to.bytes, bytes.len());
            to.bytes.extend_from_slice(&bytes);
        }
        Value::Float(f) => {
            to.bytes.push(tag::FLOAT);
            to.bytes.extend_from_slice(&f.to_le_bytes());
        }
        Value::Str(s) => {
            to.bytes.push(tag::STR);
            write_str(&mut to.bytes, s);
        }
        Value::Bytes(bytes) => {
            to.bytes.push(tag::BYTES);
            write_len(&mut to.bytes, bytes.len());
            to.bytes.extend_from_slice(bytes);
        }
        Value::Tuple(items) => write_items(thread, tag::TUPLE, items, to, depth)?,
        Value::List(list) => {
            let items = lock(&list.items).clone();
            write_items(thread, tag::LIST, &items, to, depth)?;
        }
        Value::Set(set) => {
            let items = set.keys();
            let tag = if set.frozen { tag::FROZENSET } else { tag::SET };
            write_items(thread, tag, &items, to, depth)?;
        }
        Value::Dict(dict) => {
            let entries: Vec<(Value, Value)> =
                lock(&dict.entries).iter().map(|(k, v)| (k.0.clone(), v.clone())).collect();
            to.bytes.push(tag::DICT);
            write_len(&mut to.bytes, entries.len());
            for (key, item) in &entries {
                write(thread, key, to, depth + 1)?;
                write(thread, item, to, depth + 1)?;
            }
        }
        Value::Range(range) => {
            to.bytes.push(tag::RANGE);
            for n in [range.start, range.stop, range.step] {
                to.bytes.extend_from_slice(&n.to_le_bytes());
            }
        }
        Value::Function(_) | Value::Builtin(_) | Value::Class(_) => {
            let (module, qualname) = global_name(thread, value)?;
            write_global(to, &module, &qualname);
        }
        Value::Instance(instance) => {
            let class = instance.class.clone();
            let module = class_module(thread, &class);
            let module = &*module;
            // Found again by qualified name on the other side; a local class cannot be.
            let qualname = class.qualname();
            if qualname.contains("<locals>") {
                return Err(local_object(thread, &qualname));
            }
            if builtins::is_exception_instance(value) {
                to.bytes.push(tag::EXCEPTION);
                write_str(&mut to.bytes, module);
                write_str(&mut to.bytes, &qualname);
                let args = match instance.get("args") {
                    Some(args) => args,
                    None => Value::tuple(vec![]),
                };
                return write(thread, &args, to, depth + 1);
            }
            // A class's own `__reduce__` (an enum member: `Color, (1,)`): the
            // callable and its arguments go, and the other side calls one with the other.
            // Other shapes of `__reduce__` go as the instance's state, as before.
            if let Some(reduce @ Value::Function(_)) = class.lookup("__reduce__") {
                let reduced = thread.call(&reduce, vec![value.clone()], vec![])?;
                if let Value::Tuple(parts) = &reduced {
                    if let [callable, args @ Value::Tuple(_)] = parts.as_slice() {
                        to.bytes.push(tag::REDUCE);
                        write(thread, callable, to, depth + 1)?;
                        return write(thread, args, to, depth + 1);
                    }
                }
            }
            if instance.base.is_some() {
                return Err(thread.exception(
                    "NotImplementedError",
                    format!(
                        "gilpy cannot yet send an instance of '{}' (a subclass of a built-in type) \
                         to another process",
                        class.name
                    ),
                ));
            }
            let state = instance.attributes();
            to.bytes.push(tag::INSTANCE);
            write_str(&mut to.bytes, module);
            write_str(&mut to.bytes, &qualname);
            write_len(&mut to.bytes, state.len());
            for (name, item) in &state {
                write_str(&mut to.bytes, name);
                write(thread, item, to, depth + 1)?;
            }
        }
        // A bound method goes as its object and its name, and is looked up again on the other
        // side, as pickle reduces it (`getattr(obj, name)`).
        Value::Method(method) => {
            let name = match &method.function {
                Value::Function(function) => function.code.name.clone(),
                Value::Builtin(builtin) => Text::from(builtin.name),
                other => return Err(cannot_pickle(thread, other)),
            };
            to.bytes.push(tag::METHOD);
            write(thread, &method.receiver, to, depth + 1)?;
            write_str(&mut to.bytes, &name);
        }
        Value::Native(native) if shareable(native) => {
            to.bytes.push(tag::NATIVE);
            write_len(&mut to.bytes, to.natives.len());
            to.natives.push(native.clone());
        }
        other => return Err(cannot_pickle(thread, other)),
    }
    Ok(())
}

/// Pickle's TypeError for a value it has no way to write (a lock, a generator).
pub fn cannot_pickle(thread: &Thread, value: &Value) -> Value {
    let name = match value {
        Value::Native(native) => format!("{}.{}", native.kind.module, native.kind.name),
        other => crate::ops::type_name(other).to_string(),
    };
    thread.exception("TypeError", format!("cannot pickle '{name}' object"))
}

/// Where pickle finds a function, a built-in or a class again: its module and qualified
/// name. Lambdas and local functions cannot be found, and fail as they fail in CPython.
pub fn global_name(thread: &mut Thread, value: &Value) -> Result<(Text, Text), Value> {
    match value {
        Value::Function(function) => {
            let module = match lock(&function.globals.entries).get(&Key(Value::str("__name__"))) {
                Some(Value::Str(name)) => name.clone(),
                _ => Text::from("__main__"),
            };
            let qualname = &function.qualname;
            // A local lambda is a local object first, as CPython finds it.
            if qualname.contains("<locals>") {
                return Err(local_object(thread, qualname));
            }
            if qualname.contains("<lambda>") {
                return Err(pickling_error(
                    thread,
                    format!(
                        "Can't pickle <function {qualname} at 0x{:012x}>: attribute lookup \
                         {qualname} on {module} failed",
                        value.address()
                    ),
                ));
            }
            Ok((module, qualname.clone()))
        }
        Value::Builtin(builtin) => {
            Ok((Text::from(builtin_module(thread, value).as_str()), Text::from(builtin.name)))
        }
        Value::Class(class) => {
            let qualname = class.qualname();
            if qualname.contains("<locals>") {
                return Err(local_object(thread, &qualname));
            }
            Ok((class_module(thread, class), qualname))
        }
        _ => unreachable!("only functions, built-ins and classes are found by name"),
    }
}

/// What pickle raises for a function or class defined in a function, which it cannot find.
fn local_object(thread: &Thread, qualname: &str) -> Value {
    let verb = if thread.interp.version >= crate::version::PythonVersion::V3_13 {
        "get"
    } else {
        "pickle"
    };
    thread.exception("AttributeError", format!("Can't {verb} local object '{qualname}'"))
}

/// The module a built-in function belongs to (`math` for `math.sqrt`): the loaded module that
/// holds it, as pickle's `whichmodule` finds it; `builtins` when none does.
fn builtin_module(thread: &Thread, function: &Value) -> String {
    // A main module that imported the function (`from math import sqrt`) is not its home.
    let modules: Vec<(String, Value)> = lock(&thread.interp.modules)
        .iter()
        .filter(|(name, _)| !matches!(name.as_str(), "__main__" | "__mp_main__"))
        .map(|(name, module)| (name.clone(), module.clone()))
        .collect();
    modules
        .into_iter()
        .find(|(_, module)| match (module, function) {
            // Under its own name: `random` holds `math.sqrt` too, as `_sqrt`.
            (Value::Module(module), Value::Builtin(builtin)) => lock(&module.dict.entries)
                .get(&Key(Value::str(builtin.name)))
                .is_some_and(|value| value.is(function)),
            _ => false,
        })
        .map_or_else(|| "builtins".to_string(), |(name, _)| name)
}

/// The module a class was defined in (`builtins` for the interpreter's own).
fn class_module(thread: &Thread, class: &Arc<crate::value::Class>) -> Text {
    if builtins::is_builtin_class(thread, class) {
        return Text::from("builtins");
    }
    match lock(&class.dict).get("__module__") {
        Some(Value::Str(module)) => module.clone(),
        _ => Text::from("__main__"),
    }
}

fn write_items(
    thread: &mut Thread,
    tag: u8,
    items: &[Value],
    to: &mut Pickled,
    depth: usize,
) -> Result<(), Value> {
    to.bytes.push(tag);
    write_len(&mut to.bytes, items.len());
    for item in items {
        write(thread, item, to, depth + 1)?;
    }
    Ok(())
}

fn write_global(to: &mut Pickled, module: &str, qualname: &str) {
    to.bytes.push(tag::GLOBAL);
    write_str(&mut to.bytes, module);
    write_str(&mut to.bytes, qualname);
}

pub fn pickling_error(thread: &mut Thread, message: String) -> Value {
    let class = builtins::import(thread, "pickle")
        .and_then(|pickle| builtins::get_attribute(thread, &pickle, "PicklingError"));
    match class {
        Ok(class) => {
            thread.call(&class, vec![Value::str(&message)], vec![]).unwrap_or_else(|error| error)
        }
        Err(error) => error,
    }
}

/// Rebuilds the object in `thread`'s interpreter.
pub fn loads(thread: &mut Thread, pickled: &Pickled) -> CallResult {
    let mut reader = Reader { bytes: &pickled.bytes, at: 0, natives: &pickled.natives };
    serializing(thread, |thread| {
        charge_bytes(thread, pickled.len());
        reader.read(thread)
    })
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    natives: &'a [Arc<Native>],
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> &[u8] {
        let slice = &self.bytes[self.at..self.at + n];
        self.at += n;
        slice
    }

    fn u64(&mut self) -> u64 {
        u64::from_le_bytes(self.take(8).try_into().expect("8 bytes"))
    }

    fn i128(&mut self) -> i128 {
        i128::from_le_bytes(self.take(16).try_into().expect("16 bytes"))
    }

    fn len(&mut self) -> usize {
        self.u64() as usize
    }

    fn text(&mut self) -> String {
        let len = self.len();
        String::from_utf8_lossy(self.take(len)).into_owned()
    }

    fn items(&mut self, thread: &mut Thread) -> Result<Vec<Value>, Value> {
        let len = self.len();
        (0..len).map(|_| self.read(thread)).collect()
    }

    fn read(&mut self, thread: &mut Thread) -> CallResult {
        let tag = self.take(1)[0];
        Ok(match tag {
            tag::NONE => Value::None,
            tag::FALSE => Value::Bool(false),
            tag::TRUE => Value::Bool(true),
            tag::INT => Value::Int(self.u64() as i64),
            tag::BIGINT => {
                let len = self.len();
                crate::ops::normalize(BigInt::from_signed_bytes_le(self.take(len)))
            }
            tag::FLOAT => Value::Float(f64::from_bits(self.u64())),
            tag::STR => Value::str(&self.text()),
            tag::BYTES => {
                let len = self.len();
                crate::bytes::value(self.take(len))
            }
            tag::TUPLE => Value::tuple(self.items(thread)?),
            tag::LIST => List::new(self.items(thread)?),
            tag::SET | tag::FROZENSET => {
                let items = self.items(thread)?;
                let set = builtins::new_set(thread, items)?;
                match (tag, set) {
                    (tag::FROZENSET, Value::Set(set)) => {
                        Value::Set(crate::set::Set::new(true, set.snapshot()))
                    }
                    (_, set) => set,
                }
            }
            tag::DICT => {
                let len = self.len();
                let mut map = Map::default();
                for _ in 0..len {
                    let key = self.read(thread)?;
                    let item = self.read(thread)?;
                    map.insert(Key(key), item);
                }
                Dict::new(map)
            }
            tag::RANGE => {
                let (start, stop, step) = (self.i128(), self.i128(), self.i128());
                Value::Range(Arc::new(Range { start, stop, step }))
            }
            tag::GLOBAL => {
                let (module, qualname) = (self.text(), self.text());
                find_global(thread, &module, &qualname)?
            }
            tag::INSTANCE => {
                let (module, name) = (self.text(), self.text());
                let class = find_global(thread, &module, &name)?;
                let Value::Class(class) = class else {
                    return Err(thread.exception("TypeError", format!("{name} is not a class")));
                };
                let len = self.len();
                let mut state = Vec::with_capacity(len);
                for _ in 0..len {
                    let key = self.text();
                    state.push((Text::from(key), self.read(thread)?));
                }
                builtins::unpickled_instance(class, state)
            }
            tag::EXCEPTION => {
                let (module, name) = (self.text(), self.text());
                let class = find_global(thread, &module, &name)?;
                let Value::Tuple(args) = self.read(thread)? else {
                    unreachable!("exception arguments are a tuple")
                };
                thread.call(&class, args.to_vec(), vec![])?
            }
            tag::REDUCE => {
                let callable = self.read(thread)?;
                let Value::Tuple(args) = self.read(thread)? else {
                    unreachable!("reduce writes a tuple of arguments")
                };
                thread.call(&callable, args.to_vec(), vec![])?
            }
            tag::METHOD => {
                let receiver = self.read(thread)?;
                builtins::get_attribute(thread, &receiver, &self.text())?
            }
            tag::NATIVE => {
                let index = self.len();
                Value::Native(self.natives[index].clone())
            }
            other => unreachable!("unknown pickle tag {other}"),
        })
    }
}

/// `module.qualname` in this interpreter, as pickle's `find_class` looks it up.
pub fn find_global(thread: &mut Thread, module: &str, qualname: &str) -> CallResult {
    // Python 2's names, which protocol 2 pickles written by CPython use (its `fix_imports`).
    let module = match module {
        "__builtin__" => "builtins",
        "copy_reg" => "copyreg",
        other => other,
    };
    let mut value = if module == "builtins" {
        match lock(&thread.interp.builtins.entries).get(&Key(Value::str(qualname))) {
            Some(value) => return Ok(value.clone()),
            None => {
                return Err(thread.exception(
                    "AttributeError",
                    format!("Can't get attribute '{qualname}' on <module 'builtins'>"),
                ))
            }
        }
    } else {
        builtins::import(thread, module)?
    };
    for part in qualname.split('.') {
        value = builtins::get_attribute(thread, &value, part).map_err(|_| {
            thread.exception(
                "AttributeError",
                format!("Can't get attribute '{qualname}' on <module '{module}'>"),
            )
        })?;
    }
    Ok(value)
}
