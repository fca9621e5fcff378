//! `_pickle`: `pickle.dumps` and `pickle.loads` in CPython's own format, protocols 4 and 5,
//! byte for byte as CPython's C pickler writes them (`Modules/_pickle.c`): the same opcodes,
//! memo, batches of 1,000 (with the C pickler's empty last batch when a dict's or a set's size
//! is a multiple of it) and 64 KB frames, so that `len(pickle.dumps(data))` is CPython's.
//! Processes do not use this: they send objects through `crate::pickle`, whose bytes are ours.

use std::collections::HashMap;
use std::sync::Arc;

use num_bigint::BigInt;

use crate::builtins;
use crate::text::Text;
use crate::value::{lock, List, Value};
use crate::vm::{CallResult, Thread};

type Args = Vec<Value>;
type Kwargs = Vec<(Text, Value)>;

pub fn module() -> Vec<(&'static str, Value)> {
    use crate::builtins::builtin_function as builtin;
    vec![("dumps", builtin("dumps", pickle_dumps)), ("loads", builtin("loads", pickle_loads))]
}

mod op {
    pub const MARK: u8 = b'(';
    pub const STOP: u8 = b'.';
    pub const POP: u8 = b'0';
    pub const POP_MARK: u8 = b'1';
    pub const DUP: u8 = b'2';
    pub const BININT: u8 = b'J';
    pub const BININT1: u8 = b'K';
    pub const BININT2: u8 = b'M';
    pub const NONE: u8 = b'N';
    pub const REDUCE: u8 = b'R';
    pub const BINUNICODE: u8 = b'X';
    pub const APPEND: u8 = b'a';
    pub const BUILD: u8 = b'b';
    pub const GLOBAL: u8 = b'c';
    pub const DICT: u8 = b'd';
    pub const EMPTY_DICT: u8 = b'}';
    pub const APPENDS: u8 = b'e';
    pub const BINGET: u8 = b'h';
    pub const LONG_BINGET: u8 = b'j';
    pub const LIST: u8 = b'l';
    pub const EMPTY_LIST: u8 = b']';
    pub const BINPUT: u8 = b'q';
    pub const LONG_BINPUT: u8 = b'r';
    pub const SETITEM: u8 = b's';
    pub const TUPLE: u8 = b't';
    pub const EMPTY_TUPLE: u8 = b')';
    pub const SETITEMS: u8 = b'u';
    pub const BINFLOAT: u8 = b'G';
    pub const BINBYTES: u8 = b'B';
    pub const SHORT_BINBYTES: u8 = b'C';
    pub const PROTO: u8 = 0x80;
    pub const NEWOBJ: u8 = 0x81;
    pub const TUPLE1: u8 = 0x85;
    pub const TUPLE2: u8 = 0x86;
    pub const TUPLE3: u8 = 0x87;
    pub const NEWTRUE: u8 = 0x88;
    pub const NEWFALSE: u8 = 0x89;
    pub const LONG1: u8 = 0x8a;
    pub const LONG4: u8 = 0x8b;
    pub const SHORT_BINUNICODE: u8 = 0x8c;
    pub const BINUNICODE8: u8 = 0x8d;
    pub const BINBYTES8: u8 = 0x8e;
    pub const EMPTY_SET: u8 = 0x8f;
    pub const ADDITEMS: u8 = 0x90;
    pub const FROZENSET: u8 = 0x91;
    pub const STACK_GLOBAL: u8 = 0x93;
    pub const MEMOIZE: u8 = 0x94;
    pub const FRAME: u8 = 0x95;
}

const BATCH: usize = 1000;
const FRAME_TARGET: usize = 64 * 1024;
const FRAME_MIN: usize = 4;
const FRAME_HEADER: usize = 9;
const MAX_DEPTH: usize = 1000;

struct Pickler {
    out: Vec<u8>,
    /// Where the open frame's header sits in `out`, its contents after it.
    frame: Option<usize>,
    /// Objects written so far, by address, and their memo index. The objects are held, so
    /// that a temporary (an instance's state) cannot free an address another one then takes.
    memo: HashMap<usize, u32>,
    held: Vec<Value>,
    protocol: i64,
    module_names: HashMap<String, Value>,
}

impl Pickler {
    fn write(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }

    fn start_frame(&mut self) {
        self.frame = Some(self.out.len());
        self.out.extend_from_slice(&[0; FRAME_HEADER]);
    }

    /// Closes the open frame when it is full (or `force`d), as pickle's framer does before
    /// each object: a frame under 4 bytes goes without its header. Opens the next one
    /// unless `reopen` is false.
    fn commit_frame(&mut self, force: bool, reopen: bool) {
        let Some(start) = self.frame else { return };
        let len = self.out.len() - start - FRAME_HEADER;
        if len < FRAME_TARGET && !force {
            return;
        }
        if len >= FRAME_MIN {
            self.out[start] = op::FRAME;
            self.out[start + 1..start + FRAME_HEADER].copy_from_slice(&(len as u64).to_le_bytes());
        } else {
            self.out.drain(start..start + FRAME_HEADER);
        }
        self.frame = None;
        if reopen {
            self.start_frame();
        }
    }

    /// A str or bytes object of a frame's size or more goes outside frames.
    fn write_large(&mut self, header: &[u8], payload: &[u8]) {
        let framed = self.frame.is_some();
        self.commit_frame(true, false);
        self.write(header);
        self.write(payload);
        if framed {
            self.start_frame();
        }
    }

    fn memoize(&mut self, value: &Value) {
        let index = self.memo.len() as u32;
        self.memo.insert(value.address(), index);
        self.held.push(value.clone());
        self.write(&[op::MEMOIZE]);
    }

    fn memo_get(&mut self, value: &Value) -> bool {
        let Some(&index) = self.memo.get(&value.address()) else { return false };
        if index < 256 {
            self.write(&[op::BINGET, index as u8]);
        } else {
            self.write(&[op::LONG_BINGET]);
            self.write(&index.to_le_bytes());
        }
        true
    }

    fn save_int(&mut self, n: i64) {
        if (0..=0xff).contains(&n) {
            self.write(&[op::BININT1, n as u8]);
        } else if (0..=0xffff).contains(&n) {
            self.write(&[op::BININT2]);
            self.write(&(n as u16).to_le_bytes());
        } else if i32::try_from(n).is_ok() {
            self.write(&[op::BININT]);
            self.write(&(n as i32).to_le_bytes());
        } else {
            self.save_long(&BigInt::from(n));
        }
    }

    /// LONG1 or LONG4: two's complement, little-endian, in as few bytes as hold the sign.
    fn save_long(&mut self, n: &BigInt) {
        let encoded = n.to_signed_bytes_le();
        if encoded.len() < 256 {
            self.write(&[op::LONG1, encoded.len() as u8]);
        } else {
            self.write(&[op::LONG4]);
            self.write(&(encoded.len() as i32).to_le_bytes());
        }
        self.write(&encoded);
    }

    fn save_sized(&mut self, short: u8, long: u8, long8: u8, data: &[u8]) {
        let n = data.len();
        if n <= 0xff {
            self.write(&[short, n as u8]);
            self.write(data);
        } else if n > 0xffff_ffff {
            let mut header = vec![long8];
            header.extend_from_slice(&(n as u64).to_le_bytes());
            self.write_large(&header, data);
        } else if n >= FRAME_TARGET {
            let mut header = vec![long];
            header.extend_from_slice(&(n as u32).to_le_bytes());
            self.write_large(&header, data);
        } else {
            self.write(&[long]);
            self.write(&(n as u32).to_le_bytes());
            self.write(data);
        }
    }

    fn save_str(&mut self, text: &str) {
        self.save_sized(op::SHORT_BINUNICODE, op::BINUNICODE, op::BINUNICODE8, text.as_bytes());
    }

    /// `module.name` as STACK_GLOBAL, its two strings memoized as pickle writes them.
    fn save_global(
        &mut self,
        thread: &mut Thread,
        value: &Value,
        module: &str,
        name: &str,
    ) -> Result<(), Value> {
        // One string per module name, as CPython's classes and functions share their module's
        // `__name__`: the second global of a module refers to the first's.
        let module = match self.module_names.get(module) {
            Some(text) => text.clone(),
            None => {
                let text = Value::str(module);
                self.module_names.insert(module.to_string(), text.clone());
                text
            }
        };
        self.save(thread, &module, 0)?;
        self.save(thread, &Value::str(name), 0)?;
        self.write(&[op::STACK_GLOBAL]);
        self.memoize(value);
        Ok(())
    }

    /// Items in batches of 1,000 between MARK and `op`, as `_pickle.c`'s `batch_*_exact`.
    /// A list's last batch stops at its end; a dict's and a set's go on to an empty one
    /// when their size is a multiple of the batch (`pairs` saves two values an item).
    fn save_batches(
        &mut self,
        thread: &mut Thread,
        items: &[Value],
        per_item: usize,
        op: u8,
        empty_last_batch: bool,
        depth: usize,
    ) -> Result<(), Value> {
        let count = items.len() / per_item;
        let mut done = 0;
        loop {
            self.write(&[op::MARK]);
            let batch = (count - done).min(BATCH);
            for item in &items[done * per_item..(done + batch) * per_item] {
                self.save(thread, item, depth + 1)?;
            }
            self.write(&[op]);
            done += batch;
            let more = if empty_last_batch { batch == BATCH } else { done < count };
            if !more {
                return Ok(());
            }
        }
    }

    fn save(&mut self, thread: &mut Thread, value: &Value, depth: usize) -> Result<(), Value> {
        if depth > MAX_DEPTH {
            return Err(thread.exception(
                "RecursionError",
                "maximum recursion depth exceeded while pickling an object",
            ));
        }
        self.commit_frame(false, true);
        match value {
            Value::None => self.write(&[op::NONE]),
            Value::Bool(b) => self.write(&[if *b { op::NEWTRUE } else { op::NEWFALSE }]),
            Value::Int(n) => self.save_int(*n),
            Value::BigInt(n) => self.save_long(n),
            Value::Float(f) => {
                self.write(&[op::BINFLOAT]);
                self.write(&f.to_be_bytes());
            }
            _ if self.memo_get(value) => {}
            Value::Str(text) => {
                self.save_str(text);
                self.memoize(value);
            }
            Value::Bytes(bytes) => {
                self.save_sized(op::SHORT_BINBYTES, op::BINBYTES, op::BINBYTES8, bytes);
                self.memoize(value);
            }
            Value::Tuple(items) => {
                if items.is_empty() {
                    self.write(&[op::EMPTY_TUPLE]);
                    return Ok(());
                }
                if items.len() > 3 {
                    self.write(&[op::MARK]);
                }
                for item in items.iter() {
                    self.save(thread, item, depth + 1)?;
                }
                // A tuple met again inside itself (through a list) is in the memo by now.
                if self.memo.contains_key(&value.address()) {
                    let pops = if items.len() > 3 {
                        vec![op::POP_MARK]
                    } else {
                        vec![op::POP; items.len()]
                    };
                    self.write(&pops);
                    self.memo_get(value);
                    return Ok(());
                }
                self.write(&[match items.len() {
                    1 => op::TUPLE1,
                    2 => op::TUPLE2,
                    3 => op::TUPLE3,
                    _ => op::TUPLE,
                }]);
                self.memoize(value);
            }
            Value::List(list) => {
                self.write(&[op::EMPTY_LIST]);
                self.memoize(value);
                let items = lock(&list.items).clone();
                match items.len() {
                    0 => {}
                    1 => {
                        self.save(thread, &items[0], depth + 1)?;
                        self.write(&[op::APPEND]);
                    }
                    _ => self.save_batches(thread, &items, 1, op::APPENDS, false, depth)?,
                }
            }
            Value::Dict(dict) => {
                self.write(&[op::EMPTY_DICT]);
                self.memoize(value);
                let pairs: Vec<Value> = lock(&dict.entries)
                    .iter()
                    .flat_map(|(key, item)| [key.0.clone(), item.clone()])
                    .collect();
                match pairs.len() {
                    0 => {}
                    2 => {
                        self.save(thread, &pairs[0], depth + 1)?;
                        self.save(thread, &pairs[1], depth + 1)?;
                        self.write(&[op::SETITEM]);
                    }
                    _ => self.save_batches(thread, &pairs, 2, op::SETITEMS, true, depth)?,
                }
            }
            Value::Set(set) if set.frozen => {
                self.write(&[op::MARK]);
                for item in set.keys() {
                    self.save(thread, &item, depth + 1)?;
                }
                if self.memo.contains_key(&value.address()) {
                    self.write(&[op::POP_MARK]);
                    self.memo_get(value);
                    return Ok(());
                }
                self.write(&[op::FROZENSET]);
                self.memoize(value);
            }
            Value::Set(set) => {
                self.write(&[op::EMPTY_SET]);
                self.memoize(value);
                let items = set.keys();
                if !items.is_empty() {
                    self.save_batches(thread, &items, 1, op::ADDITEMS, true, depth)?;
                }
            }
            Value::Function(_) | Value::Builtin(_) | Value::Class(_) => {
                let (module, name) = crate::pickle::global_name(thread, value)?;
                self.save_global(thread, value, &module, &name)?;
            }
            Value::Range(range) => {
                let args = Value::tuple(
                    [range.start, range.stop, range.step]
                        .iter()
                        .map(|&n| crate::ops::normalize(BigInt::from(n)))
                        .collect(),
                );
                let range_class = crate::pickle::find_global(thread, "builtins", "range")?;
                self.save_reduce(thread, value, &range_class, &args, None, depth)?;
            }
            Value::Method(method) => {
                let name = match &method.function {
                    Value::Function(function) => Value::Str(function.code.name.clone()),
                    Value::Builtin(builtin) => Value::str(builtin.name),
                    _ => return Err(crate::pickle::cannot_pickle(thread, value)),
                };
                let getattr = crate::pickle::find_global(thread, "builtins", "getattr")?;
                let args = Value::tuple(vec![method.receiver.clone(), name]);
                self.save_reduce(thread, value, &getattr, &args, None, depth)?;
            }
            Value::Instance(instance) => self.save_instance(thread, value, instance, depth)?,
            // The two singletons CPython pickles by name (`save_global` in `_pickle.c`).
            Value::Native(_) if builtins::is_ellipsis(value) => {
                self.save_global(thread, value, "builtins", "Ellipsis")?
            }
            Value::Native(_) if builtins::is_not_implemented(thread, value) => {
                self.save_global(thread, value, "builtins", "NotImplemented")?
            }
            _ => return Err(crate::pickle::cannot_pickle(thread, value)),
        }
        Ok(())
    }

    /// `callable(*args)`, memoized, then what the reduction adds: list items appended,
    /// dict items set, and `state` set with BUILD (pickle's `save_reduce`).
    fn save_reduce(
        &mut self,
        thread: &mut Thread,
        value: &Value,
        callable: &Value,
        args: &Value,
        state: Option<&Value>,
        depth: usize,
    ) -> Result<(), Value> {
        self.save(thread, callable, depth + 1)?;
        self.save(thread, args, depth + 1)?;
        self.write(&[op::REDUCE]);
        self.memoize(value);
        self.save_reduced_rest(thread, None, None, state, depth)
    }

    fn save_reduced_rest(
        &mut self,
        thread: &mut Thread,
        list_items: Option<Vec<Value>>,
        dict_items: Option<Vec<Value>>,
        state: Option<&Value>,
        depth: usize,
    ) -> Result<(), Value> {
        if let Some(items) = list_items {
            self.save_iterated(thread, &items, 1, op::APPEND, op::APPENDS, depth)?;
        }
        if let Some(pairs) = dict_items {
            self.save_iterated(thread, &pairs, 2, op::SETITEM, op::SETITEMS, depth)?;
        }
        if let Some(state) = state {
            self.save(thread, state, depth + 1)?;
            self.write(&[op::BUILD]);
        }
        Ok(())
    }

    /// Items from an iterator, as `_pickle.c`'s `batch_list` and `batch_dict` write them: in
    /// batches of 1,000 between MARK and `many`, a batch of one with `one` and no MARK.
    fn save_iterated(
        &mut self,
        thread: &mut Thread,
        items: &[Value],
        per_item: usize,
        one: u8,
        many: u8,
        depth: usize,
    ) -> Result<(), Value> {
        for batch in items.chunks(BATCH * per_item) {
            if batch.len() == per_item {
                for item in batch {
                    self.save(thread, item, depth + 1)?;
                }
                self.write(&[one]);
                continue;
            }
            self.write(&[op::MARK]);
            for item in batch {
                self.save(thread, item, depth + 1)?;
            }
            self.write(&[many]);
        }
        Ok(())
    }

    /// What a class's own `__reduce_ex__` or `__reduce__` returned: a global's name, or
    /// `(callable, args[, state[, listitems[, dictitems]]])`.
    fn save_reduction(
        &mut self,
        thread: &mut Thread,
        value: &Value,
        reduced: Value,
        depth: usize,
    ) -> Result<(), Value> {
        let parts = match &reduced {
            Value::Str(name) => {
                let Value::Instance(instance) = value else { unreachable!("an instance") };
                let module =
                    crate::pickle::global_name(thread, &Value::Class(instance.class.clone()))?.0;
                return self.save_global(thread, value, &module, name);
            }
            Value::Tuple(parts) if (2..=6).contains(&parts.len()) => parts.clone(),
            Value::Tuple(_) => {
                return Err(pickling_error(
                    thread,
                    "tuple returned by __reduce__ must contain 2 through 6 elements",
                ));
            }
            _ => return Err(pickling_error(thread, "__reduce__ must return a string or tuple")),
        };
        let present =
            |at: usize| parts.get(at).filter(|part| !matches!(part, Value::None)).cloned();
        let (callable, args) = (&parts[0], &parts[1]);
        if !matches!(args, Value::Tuple(_)) {
            return Err(pickling_error(
                thread,
                "second item of the tuple returned by __reduce__ must be a tuple",
            ));
        }
        let list_items = match present(3) {
            Some(items) => Some(builtins::collect(thread, &items)?),
            None => None,
        };
        let dict_items = match present(4) {
            Some(items) => {
                let mut pairs = Vec::new();
                for pair in builtins::collect(thread, &items)? {
                    pairs.extend(builtins::collect(thread, &pair)?);
                }
                Some(pairs)
            }
            None => None,
        };
        self.save(thread, callable, depth + 1)?;
        self.save(thread, args, depth + 1)?;
        self.write(&[op::REDUCE]);
        self.memoize(value);
        self.save_reduced_rest(thread, list_items, dict_items, present(2).as_ref(), depth)
    }

    fn save_instance(
        &mut self,
        thread: &mut Thread,
        value: &Value,
        instance: &crate::value::Instance,
        depth: usize,
    ) -> Result<(), Value> {
        let class = Value::Class(instance.class.clone());
        // `obj.__reduce_ex__(protocol)`: the class's own, else its own `__reduce__`.
        if let Some(reduce_ex @ Value::Function(_)) = instance.class.lookup("__reduce_ex__") {
            let reduced =
                thread.call(&reduce_ex, vec![value.clone(), Value::Int(self.protocol)], vec![])?;
            return self.save_reduction(thread, value, reduced, depth);
        }
        if let Some(reduce @ Value::Function(_)) = instance.class.lookup("__reduce__") {
            let reduced = thread.call(&reduce, vec![value.clone()], vec![])?;
            return self.save_reduction(thread, value, reduced, depth);
        }
        let is_exception = builtins::is_exception_instance(value);
        // The instance's __dict__ (an exception's args and links to other exceptions are not).
        let attributes: Vec<(Text, Value)> = instance
            .attributes()
            .into_iter()
            .filter(|(name, _)| !(is_exception && (&**name == "args" || name.starts_with("__"))))
            .collect();
        let own_state = (!attributes.is_empty()).then(|| {
            let mut map = crate::value::Map::default();
            for (name, item) in attributes {
                map.insert(crate::value::Key(Value::Str(name)), item);
            }
            crate::value::Dict::new(map)
        });
        let state = match instance.class.lookup("__getstate__") {
            Some(getstate @ Value::Function(_)) => {
                Some(thread.call(&getstate, vec![value.clone()], vec![])?)
                    .filter(|s| !matches!(s, Value::None))
            }
            _ => own_state,
        };
        if is_exception {
            // BaseException.__reduce__: the class and its args, then its __dict__ if any.
            let args = instance.get("args").unwrap_or_else(|| Value::tuple(vec![]));
            return self.save_reduce(thread, value, &class, &args, state.as_ref(), depth);
        }
        // `object.__reduce_ex__(4)`: `copyreg.__newobj__`, written as the class, the
        // arguments of `__getnewargs__` (a built-in base's value) and NEWOBJ; then a list's
        // or a dict's items, and the state with BUILD.
        let (mut args, mut list_items, mut dict_items) = (Vec::new(), None, None);
        match &instance.base {
            None => {}
            Some(Value::List(list)) => list_items = Some(lock(&list.items).clone()),
            Some(Value::Dict(dict)) => {
                dict_items = Some(
                    lock(&dict.entries)
                        .iter()
                        .flat_map(|(k, v)| [k.0.clone(), v.clone()])
                        .collect(),
                );
            }
            Some(
                base @ (Value::Tuple(_)
                | Value::Int(_)
                | Value::BigInt(_)
                | Value::Float(_)
                | Value::Str(_)
                | Value::Bytes(_)),
            ) => {
                args.push(base.clone());
            }
            Some(_) => {
                return Err(thread.exception(
                    "NotImplementedError",
                    format!(
                        "gilpy cannot yet pickle an instance of '{}' (a subclass of a built-in type)",
                        instance.class.name
                    ),
                ));
            }
        }
        if let Some(getnewargs @ Value::Function(_)) = instance.class.lookup("__getnewargs__") {
            match thread.call(&getnewargs, vec![value.clone()], vec![])? {
                Value::Tuple(items) => args = items.to_vec(),
                _ => {
                    return Err(
                        thread.exception("TypeError", "__getnewargs__ should return a tuple")
                    )
                }
            }
        }
        self.save(thread, &class, depth + 1)?;
        self.save(thread, &Value::tuple(args), depth + 1)?;
        self.write(&[op::NEWOBJ]);
        self.memoize(value);
        self.save_reduced_rest(thread, list_items, dict_items, state.as_ref(), depth)
    }
}

fn pickling_error(thread: &mut Thread, message: &str) -> Value {
    crate::pickle::pickling_error(thread, message.to_string())
}

/// `dumps(obj, protocol)`: the protocol is 4 or 5 (`pickle.py` checks it).
fn pickle_dumps(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let (Some(value), Some(Value::Int(protocol))) = (args.first(), args.get(1)) else {
        return Err(thread.exception("TypeError", "dumps(obj, protocol)"));
    };
    let mut pickler = Pickler {
        out: Vec::new(),
        frame: None,
        memo: HashMap::new(),
        held: Vec::new(),
        protocol: *protocol,
        module_names: HashMap::new(),
    };
    pickler.write(&[op::PROTO, *protocol as u8]);
    pickler.start_frame();
    pickler.save(thread, value, 0)?;
    pickler.write(&[op::STOP]);
    pickler.commit_frame(true, false);
    Ok(Value::Bytes(Arc::new(pickler.out)))
}

struct Unpickler<'a> {
    /// `pickle.UnpicklingError`, which the errors of bad data are.
    error_class: Arc<crate::value::Class>,
    data: &'a [u8],
    at: usize,
    stack: Vec<Value>,
    marks: Vec<usize>,
    /// By index: BINPUT may name any, so it is a map, not a vector sized by the data.
    memo: HashMap<usize, Value>,
    /// `load` from a file: the object and where it ended, so the file can be left there.
    report_end: bool,
}

impl Unpickler<'_> {
    fn error(&self, message: &str) -> Value {
        let instance = crate::value::Instance::new(self.error_class.clone(), None);
        instance.set(Text::from("args"), Value::tuple(vec![Value::str(message)]));
        Value::Instance(Arc::new(instance))
    }

    fn take(&mut self, n: usize) -> Result<&[u8], Value> {
        if self.data.len() - self.at < n {
            return Err(self.error("pickle data was truncated"));
        }
        self.at += n;
        Ok(&self.data[self.at - n..self.at])
    }

    fn u32(&mut self) -> Result<usize, Value> {
        let bytes = self.take(4)?;
        Ok(u32::from_le_bytes(bytes.try_into().unwrap()) as usize)
    }

    fn u64(&mut self) -> Result<usize, Value> {
        let bytes = self.take(8)?;
        Ok(u64::from_le_bytes(bytes.try_into().unwrap()) as usize)
    }

    fn pop(&mut self) -> Result<Value, Value> {
        if self.marks.last().is_some_and(|&mark| mark >= self.stack.len()) {
            return Err(self.error("unexpected MARK found"));
        }
        self.stack.pop().ok_or_else(|| self.error("unpickling stack underflow"))
    }

    fn top(&self) -> Result<Value, Value> {
        self.stack.last().cloned().ok_or_else(|| self.error("unpickling stack underflow"))
    }

    /// The items above the last MARK, which goes.
    fn pop_mark(&mut self) -> Result<Vec<Value>, Value> {
        let mark = self.marks.pop().ok_or_else(|| self.error("could not find MARK"))?;
        if mark > self.stack.len() {
            return Err(self.error("unexpected MARK found"));
        }
        Ok(self.stack.split_off(mark))
    }

    fn text(&mut self, thread: &Thread, n: usize) -> Result<Value, Value> {
        let bytes = self.take(n)?;
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(Value::str(text)),
            Err(_) => Err(thread
                .exception("UnicodeDecodeError", "'utf-8' codec can't decode the pickled str")),
        }
    }

    fn bytes(&mut self, n: usize) -> Result<Value, Value> {
        Ok(crate::bytes::value(self.take(n)?))
    }

    fn run(&mut self, thread: &mut Thread) -> CallResult {
        loop {
            if self.at >= self.data.len() {
                return Err(thread.exception("EOFError", "Ran out of input"));
            }
            let code = self.data[self.at];
            self.at += 1;
            let pushed = match code {
                op::PROTO => {
                    let protocol = self.take(1)?[0];
                    if protocol > 5 {
                        return Err(thread.exception(
                            "ValueError",
                            format!("unsupported pickle protocol: {protocol}"),
                        ));
                    }
                    continue;
                }
                op::FRAME => {
                    self.take(8)?;
                    continue;
                }
                op::STOP => {
                    let value = self.pop()?;
                    return Ok(if self.report_end {
                        Value::tuple(vec![value, Value::Int(self.at as i64)])
                    } else {
                        value
                    });
                }
                op::MARK => {
                    self.marks.push(self.stack.len());
                    continue;
                }
                op::POP => {
                    self.pop()?;
                    continue;
                }
                op::POP_MARK => {
                    self.pop_mark()?;
                    continue;
                }
                op::DUP => self.top()?,
                op::NONE => Value::None,
                op::NEWTRUE => Value::Bool(true),
                op::NEWFALSE => Value::Bool(false),
                op::BININT => {
                    Value::Int(i64::from(i32::from_le_bytes(self.take(4)?.try_into().unwrap())))
                }
                op::BININT1 => Value::Int(i64::from(self.take(1)?[0])),
                op::BININT2 => {
                    Value::Int(i64::from(u16::from_le_bytes(self.take(2)?.try_into().unwrap())))
                }
                op::LONG1 | op::LONG4 => {
                    let n = if code == op::LONG1 { self.take(1)?[0] as usize } else { self.u32()? };
                    crate::ops::normalize(BigInt::from_signed_bytes_le(self.take(n)?))
                }
                op::BINFLOAT => Value::Float(f64::from_be_bytes(self.take(8)?.try_into().unwrap())),
                op::SHORT_BINUNICODE => {
                    let n = self.take(1)?[0] as usize;
                    self.text(thread, n)?
                }
                op::BINUNICODE => {
                    let n = self.u32()?;
                    self.text(thread, n)?
                }
                op::BINUNICODE8 => {
                    let n = self.u64()?;
                    self.text(thread, n)?
                }
                op::SHORT_BINBYTES => {
                    let n = self.take(1)?[0] as usize;
                    self.bytes(n)?
                }
                op::BINBYTES => {
                    let n = self.u32()?;
                    self.bytes(n)?
                }
                op::BINBYTES8 => {
                    let n = self.u64()?;
                    self.bytes(n)?
                }
                op::EMPTY_TUPLE => Value::tuple(vec![]),
                op::TUPLE1 | op::TUPLE2 | op::TUPLE3 => {
                    let n = (code - op::TUPLE1 + 1) as usize;
                    if self.stack.len() < n {
                        return Err(self.error("unpickling stack underflow"));
                    }
                    if self.marks.last().is_some_and(|&mark| mark > self.stack.len() - n) {
                        return Err(self.error("unexpected MARK found"));
                    }
                    let items = self.stack.split_off(self.stack.len() - n);
                    Value::tuple(items)
                }
                op::TUPLE => Value::tuple(self.pop_mark()?),
                op::EMPTY_LIST => List::new(vec![]),
                op::LIST => List::new(self.pop_mark()?),
                op::EMPTY_DICT => crate::value::Dict::new(Default::default()),
                op::DICT => {
                    let items = self.pop_mark()?;
                    let dict = crate::value::Dict::new(Default::default());
                    for pair in items.chunks(2) {
                        if let [key, item] = pair {
                            builtins::set_item(thread, &dict, key.clone(), item.clone())?;
                        }
                    }
                    dict
                }
                op::EMPTY_SET => builtins::new_set(thread, vec![])?,
                op::FROZENSET => {
                    let items = self.pop_mark()?;
                    match builtins::new_set(thread, items)? {
                        Value::Set(set) => Value::Set(crate::set::Set::new(true, set.snapshot())),
                        other => other,
                    }
                }
                op::APPEND | op::APPENDS => {
                    let items =
                        if code == op::APPEND { vec![self.pop()?] } else { self.pop_mark()? };
                    match self.top()? {
                        Value::List(list) => lock(&list.items).extend(items),
                        other => {
                            let extend = builtins::get_attribute(thread, &other, "extend")?;
                            thread.call(&extend, vec![List::new(items)], vec![])?;
                        }
                    }
                    continue;
                }
                op::SETITEM | op::SETITEMS => {
                    let items = if code == op::SETITEM {
                        let item = self.pop()?;
                        vec![self.pop()?, item]
                    } else {
                        self.pop_mark()?
                    };
                    let dict = self.top()?;
                    for pair in items.chunks(2) {
                        if let [key, item] = pair {
                            builtins::set_item(thread, &dict, key.clone(), item.clone())?;
                        }
                    }
                    continue;
                }
                op::ADDITEMS => {
                    let items = self.pop_mark()?;
                    let set = self.top()?;
                    let update = builtins::get_attribute(thread, &set, "update")?;
                    thread.call(&update, vec![List::new(items)], vec![])?;
                    continue;
                }
                op::MEMOIZE => {
                    let top = self.top()?;
                    self.memo.insert(self.memo.len(), top);
                    continue;
                }
                op::BINPUT | op::LONG_BINPUT => {
                    let index =
                        if code == op::BINPUT { self.take(1)?[0] as usize } else { self.u32()? };
                    let top = self.top()?;
                    self.memo.insert(index, top);
                    continue;
                }
                op::BINGET | op::LONG_BINGET => {
                    let index =
                        if code == op::BINGET { self.take(1)?[0] as usize } else { self.u32()? };
                    match self.memo.get(&index) {
                        Some(value) => value.clone(),
                        None => {
                            return Err(
                                self.error(&format!("Memo value not found at index {index}"))
                            )
                        }
                    }
                }
                op::STACK_GLOBAL => {
                    let name = self.pop()?;
                    let module = self.pop()?;
                    let (Value::Str(module), Value::Str(name)) = (module, name) else {
                        return Err(self.error("STACK_GLOBAL requires str"));
                    };
                    crate::pickle::find_global(thread, &module, &name)?
                }
                op::GLOBAL => {
                    let line = |this: &mut Self| -> Result<String, Value> {
                        let end = this.data[this.at..]
                            .iter()
                            .position(|&b| b == b'\n')
                            .ok_or_else(|| this.error("pickle data was truncated"))?;
                        let text = String::from_utf8_lossy(&this.data[this.at..this.at + end])
                            .into_owned();
                        this.at += end + 1;
                        Ok(text)
                    };
                    let module = line(self)?;
                    let name = line(self)?;
                    crate::pickle::find_global(thread, &module, &name)?
                }
                op::NEWOBJ => {
                    let args = self.pop()?;
                    let class = self.pop()?;
                    let Value::Tuple(args) = args else {
                        return Err(self.error("NEWOBJ expected an arg tuple."));
                    };
                    new_object(thread, class, args.to_vec())?
                }
                op::REDUCE => {
                    let args = self.pop()?;
                    let callable = self.pop()?;
                    let Value::Tuple(args) = args else {
                        return Err(self.error("REDUCE expected an arg tuple."));
                    };
                    thread.call(&callable, args.to_vec(), vec![])?
                }
                op::BUILD => {
                    let state = self.pop()?;
                    let target = self.top()?;
                    if let Ok(setstate) = builtins::get_attribute(thread, &target, "__setstate__") {
                        if !matches!(setstate, Value::Builtin(_)) {
                            thread.call(&setstate, vec![state], vec![])?;
                            continue;
                        }
                    }
                    // Without `__setstate__`: the state's dict goes into the instance's
                    // __dict__ as it is (a frozen dataclass too), a slot state's by setattr.
                    let (own, slots) = match &state {
                        Value::Tuple(pair) if pair.len() == 2 => (pair[0].clone(), pair[1].clone()),
                        other => (other.clone(), Value::None),
                    };
                    for (dict, direct) in [(own, true), (slots, false)] {
                        let Value::Dict(dict) = dict else { continue };
                        let entries: Vec<(Value, Value)> = lock(&dict.entries)
                            .iter()
                            .map(|(k, v)| (k.0.clone(), v.clone()))
                            .collect();
                        for (key, item) in entries {
                            let Value::Str(name) = key else { continue };
                            match &target {
                                Value::Instance(instance) if direct => instance.set(name, item),
                                _ => builtins::set_attribute(thread, &target, name, item)?,
                            }
                        }
                    }
                    continue;
                }
                other => {
                    let shown = if other.is_ascii_graphic() {
                        format!("'{}'", other as char)
                    } else {
                        format!("'\\x{other:02x}'")
                    };
                    return Err(self.error(&format!("invalid load key, {shown}.")));
                }
            };
            self.stack.push(pushed);
        }
    }
}

/// NEWOBJ's `cls.__new__(cls, *args)`: an instance without `__init__` run, extending the
/// built-in type its class does; a class with its own `__new__` is called.
fn new_object(thread: &mut Thread, class: Value, args: Vec<Value>) -> CallResult {
    let Value::Class(class_ref) = &class else {
        return thread.call(&class, args, vec![]);
    };
    if builtins::is_builtin_class(thread, class_ref) {
        return thread.call(&class, args, vec![]);
    }
    let own_new = class_ref.lookup("__new__").is_some_and(|new| !matches!(new, Value::Builtin(_)));
    if own_new {
        return thread.call(&class, args, vec![]);
    }
    let base = match thread.interp.builtin_ancestor(class_ref) {
        None => return Ok(builtins::unpickled_instance(class_ref.clone(), Vec::new())),
        Some(ancestor) => match &*ancestor.name {
            "list" => List::new(vec![]),
            "dict" => crate::value::Dict::new(Default::default()),
            _ => thread.call(&Value::Class(ancestor), args, vec![])?,
        },
    };
    Ok(Value::Instance(Arc::new(crate::value::Instance::new(class_ref.clone(), Some(base)))))
}

/// `loads(data, UnpicklingError[, report_end])`: bytes in pickle's binary format (the opcodes
/// of protocols 2 to 5 that plain data, classes and reductions use), back to an object (and
/// where it ended, with `report_end`).
fn pickle_loads(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let Some(Value::Class(error_class)) = args.get(1).cloned() else {
        return Err(thread.exception("TypeError", "loads(data, error_class)"));
    };
    let Some(Value::Bytes(data)) = args.first() else {
        let name = args.first().map_or_else(
            || "NoneType".to_string(),
            |value| crate::ops::type_name(value).to_string(),
        );
        return Err(
            thread.exception("TypeError", format!("a bytes-like object is required, not '{name}'"))
        );
    };
    let report_end = matches!(args.get(2), Some(Value::Bool(true)));
    let mut unpickler = Unpickler {
        error_class,
        data,
        at: 0,
        stack: Vec::new(),
        marks: Vec::new(),
        memo: HashMap::new(),
        report_end,
    };
    unpickler.run(thread)
}
