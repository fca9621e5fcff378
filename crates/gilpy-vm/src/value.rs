//! Python values. Small values (None, bools, small ints, floats) are immediates: copying them
//! allocates nothing and touches no shared memory. Everything else is an `Arc`; mutable
//! containers keep their contents behind their own lock, so values can be shared by threads
//! running at once (free-threaded mode) without any data race in Rust. Python-level races
//! (lost updates across several instructions) stay possible, as in CPython 3.13t.

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use indexmap::IndexMap;
use num_bigint::BigInt;

use crate::code::Code;
pub use crate::text::Text;

#[derive(Clone)]
pub enum Value {
    None,
    Bool(bool),
    Int(i64),
    /// Only for values outside `i64`; arithmetic normalises back to `Int` when it fits.
    BigInt(Arc<BigInt>),
    Float(f64),
    Str(crate::text::Text),
    /// `bytes`: immutable, as `str`.
    Bytes(Arc<Vec<u8>>),
    Tuple(Arc<Vec<Value>>),
    List(Arc<List>),
    Dict(Arc<Dict>),
    /// A `set` or a `frozenset` (see `set.rs`).
    Set(Arc<crate::set::Set>),
    Range(Arc<Range>),
    Slice(Arc<Slice>),
    Function(Arc<Function>),
    Builtin(Arc<Builtin>),
    /// A function or builtin bound to `self` (`obj.method`).
    Method(Arc<Method>),
    Class(Arc<Class>),
    Instance(Arc<Instance>),
    Module(Arc<Module>),
    Iterator(Arc<Mutex<Iter>>),
    /// A closure cell (for `nonlocal` and captured variables); never seen by Python code.
    /// Empty (`None`) until the variable is first assigned, and again after `del`.
    Cell(Arc<Mutex<Option<Value>>>),
    /// A nested function's code, as a constant of the enclosing code; never seen by Python code.
    Code(Arc<Code>),
    /// A generator: a suspended frame and its state.
    Generator(Arc<crate::vm::Generator>),
    /// `super(class, obj)`: attribute lookups start after `class` in `obj`'s class order.
    Super(Arc<(Arc<Class>, Value)>),
    /// `property`, `classmethod` or `staticmethod`: changes what a class attribute becomes
    /// when read through an instance or the class.
    Descriptor(Arc<Descriptor>),
    /// An object implemented in Rust by a native module (`_thread.lock`, ...).
    Native(Arc<Native>),
}

// Two words: values are copied on every push and pop, so their size is the VM's speed (a `str`
// is a thin pointer for it, see `text.rs`).
const _: () = assert!(std::mem::size_of::<Value>() == 16);

/// A native object: its type (name and methods, which receive the object first) and the Rust
/// data those methods downcast to.
pub struct Native {
    pub kind: &'static NativeType,
    pub data: Box<dyn std::any::Any + Send + Sync>,
}

pub struct NativeType {
    /// As `type(x).__name__` and reprs show it (`lock`, `RLock`).
    pub name: &'static str,
    /// For reprs: `<unlocked _thread.lock object at 0x...>` names the module.
    pub module: &'static str,
    pub methods: &'static [(&'static str, BuiltinFn)],
}

impl Native {
    pub fn new<T: std::any::Any + Send + Sync>(kind: &'static NativeType, data: T) -> Value {
        Value::Native(Arc::new(Native { kind, data: Box::new(data) }))
    }
}

impl Value {
    /// The Rust data of a native object of type `T`, if this is one.
    pub fn downcast<T: std::any::Any>(&self) -> Option<&T> {
        match self {
            Value::Native(native) => native.data.downcast_ref::<T>(),
            _ => None,
        }
    }
}

pub enum Descriptor {
    /// `property(fget, fset, fdel, doc)`; a missing accessor is `None`, and so is a `doc` not
    /// given (the getter's docstring stands in).
    Property {
        get: Value,
        set: Value,
        delete: Value,
        doc: Value,
    },
    ClassMethod(Value),
    StaticMethod(Value),
    /// A built-in function that a native module gives a class written in Python as a method
    /// (`collections.deque`'s, from `_collections`): read through an instance, it binds to it
    /// as a Python function does; through the class, it is the function itself. CPython's
    /// `method_descriptor`.
    NativeMethod(Value),
}

/// Locks a per-object mutex. A poisoned lock means a panic elsewhere already ended the run, so
/// the data is only read to report on it.
impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::format::plain_repr(self))
    }
}

/// Locks a `Mutex` (a panic while it was held does not poison it for Python) or a dict's
/// [`Entries`].
pub fn lock<L: Lock + ?Sized>(lockable: &L) -> L::Guard<'_> {
    lockable.acquire()
}

/// What [`lock`] locks.
pub trait Lock {
    type Guard<'a>
    where
        Self: 'a;
    fn acquire(&self) -> Self::Guard<'_>;
}

impl<T: ?Sized> Lock for Mutex<T> {
    type Guard<'a>
        = MutexGuard<'a, T>
    where
        T: 'a;
    fn acquire(&self) -> MutexGuard<'_, T> {
        self.lock().unwrap_or_else(|e| e.into_inner())
    }
}

// What a call site reaches through a reference or an `Arc` (no deref coercion for generics).
impl<L: Lock + ?Sized> Lock for Arc<L> {
    type Guard<'a>
        = L::Guard<'a>
    where
        Self: 'a;
    fn acquire(&self) -> L::Guard<'_> {
        (**self).acquire()
    }
}

impl<L: Lock + ?Sized> Lock for &L {
    type Guard<'a>
        = L::Guard<'a>
    where
        Self: 'a;
    fn acquire(&self) -> L::Guard<'_> {
        (**self).acquire()
    }
}

/// A value behind its lock, with a version that every change bumps (as CPython's dict
/// versions and type version tags): a thread that remembers what it read, with the version it
/// read it at, can tell with one atomic load and no lock that it still holds. Dicts' entries
/// (see `global_cache.rs`) and classes' namespaces (see `attribute_cache.rs`) are kept so.
#[derive(Default)]
pub struct Versioned<T> {
    value: Mutex<T>,
    version: AtomicU64,
}

/// A dict's entries.
pub type Entries = Versioned<Map>;

impl<T> Versioned<T> {
    pub fn new(value: T) -> Versioned<T> {
        Versioned { value: Mutex::new(value), version: AtomicU64::new(0) }
    }

    /// The version now; without the lock, it may be overtaken at once by a change.
    #[inline]
    pub fn version(&self) -> u64 {
        self.version.load(Ordering::Acquire)
    }
}

impl<T> Lock for Versioned<T> {
    type Guard<'a>
        = VersionedGuard<'a, T>
    where
        T: 'a;
    fn acquire(&self) -> VersionedGuard<'_, T> {
        VersionedGuard { value: self.value.acquire(), version: &self.version, changed: false }
    }
}

/// The locked value. Any mutable access counts as a change: the version moves on when the
/// guard drops, while the lock is still held, so a reader under the lock sees the value and
/// the version that goes with it.
pub struct VersionedGuard<'a, T> {
    value: MutexGuard<'a, T>,
    version: &'a AtomicU64,
    changed: bool,
}

impl<T> VersionedGuard<'_, T> {
    /// The version the value will have once this guard, with what it changed, drops.
    pub fn version_after(&self) -> u64 {
        self.version.load(Ordering::Relaxed) + u64::from(self.changed)
    }
}

impl<T> std::ops::Deref for VersionedGuard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T> std::ops::DerefMut for VersionedGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        self.changed = true;
        &mut self.value
    }
}

impl<T> Drop for VersionedGuard<'_, T> {
    fn drop(&mut self) {
        if self.changed {
            self.version.fetch_add(1, Ordering::Release);
        }
    }
}

pub struct List {
    pub items: Mutex<Vec<Value>>,
}

impl List {
    pub fn new(items: Vec<Value>) -> Value {
        Value::List(Arc::new(List { items: Mutex::new(items) }))
    }
}

pub use crate::map::Map;

pub struct Dict {
    pub entries: Entries,
}

impl Dict {
    /// Its keys that are strings (a namespace's names), in order.
    pub fn str_keys(&self) -> Vec<Text> {
        lock(&self.entries)
            .keys()
            .filter_map(|key| match &key.0 {
                Value::Str(name) => Some(name.clone()),
                _ => None,
            })
            .collect()
    }

    pub fn new(entries: Map) -> Value {
        Value::Dict(Arc::new(Dict { entries: Entries::new(entries) }))
    }
}

/// A dict key: a hashable value with Python's equality (`1 == 1.0 == True`).
#[derive(Clone)]
pub struct Key(pub Value);

/// `range(start, stop, step)`. Bounds are wide so that `range(2 ** 70)` works; iteration
/// takes the narrow path when they fit in an `i64`.
pub struct Range {
    pub start: i128,
    pub stop: i128,
    pub step: i128,
}

impl Range {
    pub fn len(&self) -> i128 {
        let (start, stop, step) = (self.start, self.stop, self.step);
        let len = if step > 0 {
            (stop - start + step - 1).div_euclid(step)
        } else {
            (start - stop - step - 1).div_euclid(-step)
        };
        len.max(0)
    }

    /// Whether `n` is one of the range's numbers.
    pub fn contains(&self, n: i128) -> bool {
        let within = if self.step > 0 {
            n >= self.start && n < self.stop
        } else {
            n <= self.start && n > self.stop
        };
        within && (n - self.start) % self.step == 0
    }
}

pub struct Slice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

pub struct Function {
    pub code: Arc<Code>,
    pub globals: Arc<Dict>,
    pub defaults: Vec<Value>,
    pub kw_defaults: Vec<(Text, Value)>,
    /// Cells captured from enclosing functions, in `code.free_vars` order.
    pub closure: Vec<Value>,
    pub qualname: Text,
    /// The function's `__dict__`, made on the first attribute set.
    pub attributes: Mutex<Option<Arc<Dict>>>,
    /// `__name__`, `__qualname__`, `__doc__` or `__module__` as assigned (`functools.wraps`),
    /// which CPython keeps outside `__dict__`.
    pub renamed: Mutex<Vec<(&'static str, Value)>>,
}

impl Function {
    /// The attributes that live outside `__dict__`.
    pub const OWN: [&'static str; 5] =
        ["__name__", "__qualname__", "__doc__", "__module__", "__annotations__"];

    /// An attribute assigned to the function, if any.
    pub fn attribute(&self, name: &str) -> Option<Value> {
        if let Some((_, value)) = lock(&self.renamed).iter().find(|(n, _)| *n == name) {
            return Some(value.clone());
        }
        let attributes = lock(&self.attributes).clone()?;
        let value = lock(&attributes.entries).get(&Key(Value::str(name))).cloned();
        value
    }

    pub fn set_attribute(&self, name: Text, value: Value) {
        match Self::OWN.into_iter().find(|own| *own == &*name) {
            Some(own) => {
                let mut renamed = lock(&self.renamed);
                renamed.retain(|(n, _)| *n != own);
                renamed.push((own, value));
            }
            None => {
                lock(&self.dict().entries).insert(Key(Value::Str(name)), value);
            }
        }
    }

    /// The function's `__dict__`, made empty on first use.
    pub fn dict(&self) -> Arc<Dict> {
        lock(&self.attributes)
            .get_or_insert_with(|| Arc::new(Dict { entries: Default::default() }))
            .clone()
    }
}

pub type BuiltinFn =
    fn(&mut crate::vm::Thread, Vec<Value>, Vec<(Text, Value)>) -> crate::vm::CallResult;

pub struct Builtin {
    pub name: &'static str,
    pub function: BuiltinFn,
}

pub struct Method {
    pub receiver: Value,
    pub function: Value,
}

/// A class's namespace. Fx-hashed, as dicts are: with std's SipHash, hashing the attribute
/// name was a sixth of a method call.
pub type ClassDict = IndexMap<Text, Value, rustc_hash::FxBuildHasher>;

pub struct Class {
    pub name: Text,
    /// The bases the class statement names, in order (`__bases__`).
    pub bases: Vec<Arc<Class>>,
    /// Method resolution order after this class itself (an `Arc` to itself would be a cycle):
    /// the C3 linearization of `bases`, as CPython computes it.
    pub bases_mro: Vec<Arc<Class>>,
    pub dict: Versioned<ClassDict>,
    /// Set for built-in exception classes and `object`: what a bare instance looks like.
    pub is_exception: bool,
    /// Whether the class or a base defines `__getattribute__`, fixed when the class is made (as
    /// CPython fills its type slots), so that other classes' attribute reads skip the lookup.
    pub overrides_getattribute: bool,
    /// Whether the class or a base had a `property` when the class was made: only then does
    /// an attribute read or write look for one to run as a frame of the eval loop (a property
    /// added later still works, the slower way).
    pub has_properties: bool,
    /// Whether the class or a base defines `__slots__`: only then may a store be refused
    /// (see `builtins::slots_allow`).
    pub has_slots: bool,
    /// The metaclass (`class C(metaclass=M)`, or a base's), when it is not `type`: its methods
    /// act on the class as an object (`for member in C`, `len(C)`, `C[name]`, `repr(C)`).
    pub metaclass: Option<Arc<Class>>,
}

impl Class {
    pub fn lookup(&self, name: &str) -> Option<Value> {
        let found = match lock(&self.dict).get(name) {
            Some(value) => Some(value.clone()),
            None => self.bases_mro.iter().find_map(|class| lock(&class.dict).get(name).cloned()),
        };
        found.map(Value::into_descriptor)
    }

    /// The module that defined the class (`__module__`); `None` for built-in classes.
    pub fn module(&self) -> Option<Text> {
        match lock(&self.dict).get("__module__") {
            Some(Value::Str(module)) if &**module != "builtins" => Some(module.clone()),
            _ => None,
        }
    }

    /// The dotted path from the module (`outer.<locals>.Inner`), `__qualname__`.
    pub fn qualname(&self) -> Text {
        match lock(&self.dict).get("__qualname__") {
            Some(Value::Str(qualname)) => qualname.clone(),
            _ => self.name.clone(),
        }
    }

    /// `module.Name` as reprs show a class; built-in classes by their name alone.
    pub fn qualified_name(&self) -> String {
        match self.module() {
            Some(module) => format!("{module}.{}", self.qualname()),
            None => self.name.to_string(),
        }
    }

    pub fn is_subclass_of(&self, other: &Class) -> bool {
        std::ptr::eq(self, other)
            || self.bases_mro.iter().any(|class| std::ptr::eq(&**class, other))
    }
}

pub struct Instance {
    pub class: Arc<Class>,
    /// For an instance of a subclass of a built-in type (`class Counter(dict)`), the built-in
    /// value it extends: what the type's own methods and operations act on.
    pub base: Option<Value>,
    /// The instance's attributes: its `__dict__`, the same dict Python code sees.
    pub dict: Arc<Dict>,
    /// What `__hash__` gave the first time the instance was a dict key (see `keys.rs`).
    pub hash: std::sync::OnceLock<i64>,
    /// For exceptions: the frames it passed through, innermost (where it was raised) first.
    pub traceback: Mutex<Vec<TracebackEntry>>,
}

impl Instance {
    pub fn new(class: Arc<Class>, base: Option<Value>) -> Instance {
        Instance {
            class,
            base,
            dict: Arc::new(Dict { entries: Default::default() }),
            hash: Default::default(),
            traceback: Default::default(),
        }
    }

    /// The attribute `name` in the instance's `__dict__`.
    pub fn get(&self, name: &str) -> Option<Value> {
        lock(&self.dict.entries).get(&Name(name)).cloned()
    }

    /// [`Instance::get`], trying first the position `hint` holds and keeping the position it
    /// found: a hit compares one key instead of hashing the name.
    #[inline]
    pub fn get_hinted(&self, name: &Text, hint: &AtomicU32) -> Option<Value> {
        let entries = lock(&self.dict.entries);
        let at = hint.load(Ordering::Relaxed) as usize;
        if let Some((Key(Value::Str(key)), value)) = entries.get_index(at) {
            if Text::ptr_eq(key, name) || **key == **name {
                return Some(value.clone());
            }
        }
        let (at, _, value) = entries.get_full(&Name(&**name))?;
        hint.store(at as u32, Ordering::Relaxed);
        Some(value.clone())
    }

    /// [`Instance::set`], trying first the position `hint` holds (see [`Instance::get_hinted`]).
    #[inline]
    pub fn set_hinted(&self, name: &Text, value: Value, hint: &AtomicU32) {
        let mut entries = lock(&self.dict.entries);
        let at = hint.load(Ordering::Relaxed) as usize;
        if let Some((Key(Value::Str(key)), slot)) = entries.get_index_mut(at) {
            if Text::ptr_eq(key, name) || **key == **name {
                *slot = value;
                return;
            }
        }
        match entries.get_full(&Name(name)) {
            Some((at, _, _)) => {
                hint.store(at as u32, Ordering::Relaxed);
                *entries.get_index_mut(at).expect("found").1 = value;
            }
            None => {
                let (at, _) = entries.insert_full(Key(Value::Str(name.clone())), value);
                hint.store(at as u32, Ordering::Relaxed);
            }
        }
    }

    pub fn set(&self, name: Text, value: Value) {
        let mut entries = lock(&self.dict.entries);
        // Replacing in place keeps the key the dict has: no name to count up and down.
        match entries.get_mut(&Name(&name)) {
            Some(slot) => *slot = value,
            None => {
                entries.insert(Key(Value::Str(name)), value);
            }
        }
    }

    /// Removes the attribute `name`; false if there was none.
    pub fn remove(&self, name: &str) -> bool {
        lock(&self.dict.entries).remove(&Name(name)).is_some()
    }

    /// The attributes whose names are strings, in the order they were set.
    pub fn attributes(&self) -> Vec<(Text, Value)> {
        lock(&self.dict.entries)
            .iter()
            .filter_map(|(key, value)| match &key.0 {
                Value::Str(name) => Some((name.clone(), value.clone())),
                _ => None,
            })
            .collect()
    }
}

/// A name looked up in a dict without making a `Value` of it (no allocation): hashes and
/// compares as the `str` key it stands for.
pub struct Name<'a>(pub &'a str);

impl std::hash::Hash for Name<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // As `Key`'s hash of a `Value::Str`.
        self.0.hash(state)
    }
}

impl indexmap::Equivalent<Key> for Name<'_> {
    fn equivalent(&self, key: &Key) -> bool {
        matches!(&key.0, Value::Str(name) if &**name == self.0)
    }
}

#[derive(Clone)]
pub struct TracebackEntry {
    pub filename: Text,
    pub line: u32,
    pub function: Text,
    /// The span of the expression that raised, which 3.11+ underlines.
    pub position: crate::code::Position,
}

pub struct Module {
    pub name: Text,
    pub dict: Arc<Dict>,
}

/// The state of a built-in iterator.
pub enum Iter {
    Seq {
        items: Value,
        index: usize,
        /// `list_iterator`, `tuple_iterator`...: the type's name depends on the version too.
        name: &'static str,
    },
    /// A range whose bounds fit in an `i64` (see `WideRange` for the others).
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    WideRange {
        next: i128,
        stop: i128,
        step: i128,
    },
    /// Over a `collections.deque`, failing once it changed (see `modules/deque.rs`).
    Deque(Box<crate::modules::deque::DequeIter>),
    /// Items collected up front, and the name of the iterator type they stand for.
    Items(std::vec::IntoIter<Value>, &'static str),
    /// Over a dict's live entries, as CPython's dict iterators: `used` is the size it must
    /// keep (`usize::MAX` once it changed, so the error repeats), `remaining` how many entries
    /// are still to come, `position` the next entry to look at.
    Dict {
        dict: Arc<Dict>,
        part: DictPart,
        used: usize,
        remaining: usize,
        position: usize,
    },
    /// Over a set's live table, as CPython's set iterator: `used` is the size it must keep
    /// (`usize::MAX` once it changed, so the error repeats), `position` the next slot.
    Set {
        set: Arc<crate::set::Set>,
        used: usize,
        position: usize,
    },
    Lazy(Lazy),
    /// `itertools.permutations` and `combinations`, stepped in Rust (see `modules/itertools.rs`).
    Arrangements(Box<crate::modules::itertools::Arrangements>),
    /// Done: only the type's name is left.
    Exhausted(&'static str),
}

impl Iter {
    /// `type(iterator).__name__`, as CPython names its iterator types.
    pub fn type_name(&self) -> &'static str {
        match self {
            Iter::Seq { name, .. } | Iter::Items(_, name) | Iter::Exhausted(name) => name,
            Iter::Range { .. } => "range_iterator",
            Iter::WideRange { .. } => "longrange_iterator",
            Iter::Dict { part: DictPart::Keys, .. } => "dict_keyiterator",
            Iter::Dict { part: DictPart::Values, .. } => "dict_valueiterator",
            Iter::Dict { part: DictPart::Items, .. } => "dict_itemiterator",
            Iter::Set { .. } => "set_iterator",
            Iter::Lazy(Lazy::Zip(_) | Lazy::ZipStrict(_)) => "zip",
            Iter::Lazy(Lazy::Map { .. }) => "map",
            Iter::Lazy(Lazy::Filter { .. }) => "filter",
            Iter::Lazy(Lazy::Enumerate { .. }) => "enumerate",
            Iter::Arrangements(arrangements) => arrangements.type_name(),
            Iter::Deque(deque) => deque.type_name(),
        }
    }

    /// Marks the iterator done, keeping its type's name.
    pub fn exhaust(&mut self) {
        *self = Iter::Exhausted(self.type_name());
    }
}

/// What a dict iterator gives of each entry.
#[derive(Clone, Copy)]
pub enum DictPart {
    Keys,
    Values,
    Items,
}

/// `zip`, `map`, `filter` and `enumerate`, which take items from other iterators one step at
/// a time (and call Python for them).
#[derive(Clone)]
pub enum Lazy {
    Zip(Vec<Value>),
    /// `zip(..., strict=True)`: iterables of unequal lengths raise ValueError.
    ZipStrict(Vec<Value>),
    Map {
        function: Value,
        iterators: Vec<Value>,
    },
    Filter {
        function: Value,
        iterator: Value,
    },
    Enumerate {
        iterator: Value,
        /// A Python int: CPython's count goes on past `sys.maxsize` into big ints.
        count: Value,
    },
}

impl Value {
    /// `clone`, with immediates copied inline: most values the eval loop loads are small ints,
    /// and the derived `clone` (and `drop`) of a many-variant enum is an out-of-line call.
    #[inline(always)]
    pub fn clone_fast(&self) -> Value {
        match *self {
            Value::Int(i) => Value::Int(i),
            Value::Bool(b) => Value::Bool(b),
            Value::None => Value::None,
            Value::Float(f) => Value::Float(f),
            _ => self.clone(),
        }
    }

    /// Drops the value, inline when it is an immediate (there is nothing to free).
    #[inline(always)]
    pub fn drop_fast(self) {
        match self {
            Value::Int(_) | Value::Bool(_) | Value::None | Value::Float(_) => {
                std::mem::forget(self)
            }
            other => drop(other),
        }
    }

    pub fn str(text: &str) -> Value {
        Value::Str(Text::from(text))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Arc::new(items))
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// Identity, as `is` sees it.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b && (-5..=256).contains(a),
            (Value::Str(a), Value::Str(b)) => Text::ptr_eq(a, b),
            (Value::Bytes(a), Value::Bytes(b)) => Arc::ptr_eq(a, b),
            // The empty tuple is one object, as in CPython.
            (Value::Tuple(a), Value::Tuple(b)) => Arc::ptr_eq(a, b) || a.is_empty() && b.is_empty(),
            (Value::List(a), Value::List(b)) => Arc::ptr_eq(a, b),
            (Value::Dict(a), Value::Dict(b)) => Arc::ptr_eq(a, b),
            (Value::Set(a), Value::Set(b)) => Arc::ptr_eq(a, b),
            (Value::Function(a), Value::Function(b)) => Arc::ptr_eq(a, b),
            (Value::Builtin(a), Value::Builtin(b)) => Arc::ptr_eq(a, b),
            (Value::Class(a), Value::Class(b)) => Arc::ptr_eq(a, b),
            (Value::Instance(a), Value::Instance(b)) => Arc::ptr_eq(a, b),
            (Value::Module(a), Value::Module(b)) => Arc::ptr_eq(a, b),
            (Value::Iterator(a), Value::Iterator(b)) => Arc::ptr_eq(a, b),
            (Value::Native(a), Value::Native(b)) => Arc::ptr_eq(a, b),
            (Value::Generator(a), Value::Generator(b)) => Arc::ptr_eq(a, b),
            (Value::BigInt(a), Value::BigInt(b)) => Arc::ptr_eq(a, b),
            (Value::Range(a), Value::Range(b)) => Arc::ptr_eq(a, b),
            (Value::Slice(a), Value::Slice(b)) => Arc::ptr_eq(a, b),
            (Value::Method(a), Value::Method(b)) => Arc::ptr_eq(a, b),
            (Value::Descriptor(a), Value::Descriptor(b)) => Arc::ptr_eq(a, b),
            (Value::Super(a), Value::Super(b)) => Arc::ptr_eq(a, b),
            (Value::Code(a), Value::Code(b)) => Arc::ptr_eq(a, b),
            (Value::Cell(a), Value::Cell(b)) => Arc::ptr_eq(a, b),
            // Floats are not boxed here: the same value is taken for the same object, so
            // that `x is x` holds; never a NaN, which then stays unequal to itself in
            // containers (`nan in [nan]` is False, as for two NaNs in CPython).
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits() && !a.is_nan(),
            _ => false,
        }
    }

    /// The object's address, for identity hashing (`id()`); 0 for immediates.
    pub fn address(&self) -> usize {
        match self {
            Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) => 0,
            Value::BigInt(v) => Arc::as_ptr(v) as usize,
            Value::Str(v) => v.address(),
            Value::Bytes(v) => Arc::as_ptr(v) as *const u8 as usize,
            Value::Tuple(v) => Arc::as_ptr(v) as usize,
            Value::List(v) => Arc::as_ptr(v) as usize,
            Value::Dict(v) => Arc::as_ptr(v) as usize,
            Value::Set(v) => Arc::as_ptr(v) as usize,
            Value::Range(v) => Arc::as_ptr(v) as usize,
            Value::Slice(v) => Arc::as_ptr(v) as usize,
            Value::Function(v) => Arc::as_ptr(v) as usize,
            Value::Builtin(v) => Arc::as_ptr(v) as usize,
            Value::Method(v) => Arc::as_ptr(v) as usize,
            Value::Class(v) => Arc::as_ptr(v) as usize,
            Value::Instance(v) => Arc::as_ptr(v) as usize,
            Value::Module(v) => Arc::as_ptr(v) as usize,
            Value::Iterator(v) => Arc::as_ptr(v) as usize,
            Value::Cell(v) => Arc::as_ptr(v) as usize,
            Value::Code(v) => Arc::as_ptr(v) as usize,
            Value::Generator(v) => Arc::as_ptr(v) as usize,
            Value::Super(v) => Arc::as_ptr(v) as usize,
            Value::Descriptor(v) => Arc::as_ptr(v) as usize,
            Value::Native(v) => Arc::as_ptr(v) as usize,
        }
    }

    /// The built-in value an instance of a subclass of a built-in type extends; else itself.
    pub fn builtin_base(&self) -> &Value {
        match self {
            Value::Instance(instance) => instance.base.as_ref().unwrap_or(self),
            _ => self,
        }
    }

    /// The built-in value an instance extends, if it is an instance that extends one.
    /// An instance of a subclass of `property` (`class cached(property)`) acts as the property
    /// it extends; other values stay as they are. (A subclass's own `__get__` is not called:
    /// the VM has no general descriptor protocol.)
    fn into_descriptor(self) -> Value {
        match &self {
            Value::Instance(instance) => match &instance.base {
                Some(base @ Value::Descriptor(descriptor))
                    if matches!(**descriptor, Descriptor::Property { .. }) =>
                {
                    base.clone()
                }
                _ => self,
            },
            _ => self,
        }
    }

    /// The built-in function of a [`Descriptor::NativeMethod`], which binds as a method.
    pub fn native_method(&self) -> Option<&Value> {
        match self {
            Value::Descriptor(descriptor) => match &**descriptor {
                Descriptor::NativeMethod(function) => Some(function),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn extended_base(&self) -> Option<&Value> {
        match self {
            Value::Instance(instance) => instance.base.as_ref(),
            _ => None,
        }
    }

    pub fn as_instance(&self) -> Option<&Arc<Instance>> {
        match self {
            Value::Instance(instance) => Some(instance),
            _ => None,
        }
    }
}
