//! `_collections`: the storage and methods of `collections.deque`, in Rust as CPython's deque is
//! in C (`Modules/_collectionsmodule.c`). `collections.py` keeps the class, so that it can be
//! subclassed, subscripted (`deque[int]`) and pickled as any class, and takes these functions
//! as its methods: each is a [`Descriptor::NativeMethod`], which binds to the instance as a
//! Python function does. The items live in a [`Deque`] that `deque.__new__` puts in the
//! instance's `_storage` attribute.
//!
//! One mutex per deque makes each operation atomic, as CPython makes them (under the GIL, or a
//! per-object critical section on 3.13t): threads may share a deque without a lock of their
//! own, as the free-threading lessons do. No Python code runs while the mutex is held: methods
//! that compare items (`count`, `index`, `remove`, `in`) compare a snapshot, as CPython
//! notices a deque that changed meanwhile.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use crate::builtins::builtin_function as builtin;
use crate::ops::{self, type_name, OpError};
use crate::text::Text;
use crate::value::{lock, Descriptor, List, Native, NativeType, Value};
use crate::version::PythonVersion;
use crate::vm::{CallResult, Thread};

type Args = Vec<Value>;
type Kwargs = Vec<(Text, Value)>;

/// A deque's items and bound. `mutations` counts changes of length or order, which an
/// iterator checks, as CPython's `deque->state`.
pub struct Deque(Mutex<DequeState>);

struct DequeState {
    items: VecDeque<Value>,
    maxlen: Option<usize>,
    mutations: u64,
}

impl DequeState {
    fn changed(&mut self) {
        self.mutations = self.mutations.wrapping_add(1);
    }

    /// Appends at the right, dropping from the left past `maxlen`.
    fn push_back(&mut self, item: Value) {
        if self.maxlen == Some(0) {
            // CPython adds the item and trims it again: two changes an iterator notices.
            self.changed();
            return;
        }
        if self.maxlen.is_some_and(|maxlen| self.items.len() >= maxlen) {
            self.items.pop_front();
        }
        self.items.push_back(item);
        self.changed();
    }

    /// Appends at the left, dropping from the right past `maxlen`.
    fn push_front(&mut self, item: Value) {
        if self.maxlen == Some(0) {
            // CPython adds the item and trims it again: two changes an iterator notices.
            self.changed();
            return;
        }
        if self.maxlen.is_some_and(|maxlen| self.items.len() >= maxlen) {
            self.items.pop_back();
        }
        self.items.push_front(item);
        self.changed();
    }
}

static STORAGE: NativeType =
    NativeType { name: "deque_storage", module: "_collections", methods: &[] };

/// The attribute of a deque instance that holds its [`Deque`].
const STORAGE_ATTRIBUTE: &str = "_storage";

pub fn module() -> Vec<(&'static str, Value)> {
    let method = |name: &'static str, function| {
        Value::Descriptor(Arc::new(Descriptor::NativeMethod(builtin(name, function))))
    };
    vec![
        ("storage", builtin("storage", new_storage)),
        ("reset", builtin("reset", reset)),
        ("maxlen", builtin("maxlen", maxlen)),
        ("snapshot", builtin("snapshot", snapshot)),
        ("append", method("append", append)),
        ("appendleft", method("appendleft", appendleft)),
        ("pop", method("pop", pop)),
        ("popleft", method("popleft", popleft)),
        ("extend", method("extend", extend)),
        ("extendleft", method("extendleft", extendleft)),
        ("clear", method("clear", clear)),
        ("rotate", method("rotate", rotate)),
        ("reverse", method("reverse", reverse)),
        ("insert", method("insert", insert)),
        ("count", method("count", count)),
        ("index", method("index", index)),
        ("remove", method("remove", remove)),
        ("__len__", method("__len__", len)),
        ("__bool__", method("__bool__", truth)),
        ("__iter__", method("__iter__", iter)),
        ("__reversed__", method("__reversed__", reversed)),
        ("__contains__", method("__contains__", contains)),
        ("__getitem__", method("__getitem__", get_item)),
        ("__setitem__", method("__setitem__", set_item)),
        ("__delitem__", method("__delitem__", delete_item)),
        ("__repr__", method("__repr__", repr)),
    ]
}

/// `_collections.storage()`: an empty, unbounded deque's storage, for `deque.__new__`.
fn new_storage(_: &mut Thread, _: Args, _: Kwargs) -> CallResult {
    let state = DequeState { items: VecDeque::new(), maxlen: None, mutations: 0 };
    Ok(Native::new(&STORAGE, Deque(Mutex::new(state))))
}

/// The storage of the deque `args[0]`, after checking that `args` holds it and `given` more
/// arguments, and no keyword arguments, as `name` takes them.
fn storage(
    thread: &Thread,
    name: &str,
    args: &Args,
    kwargs: &Kwargs,
    given: Arity,
) -> Result<Value, Value> {
    let found = match args.first() {
        Some(Value::Instance(instance)) => instance.get(STORAGE_ATTRIBUTE),
        _ => None,
    };
    let Some(storage @ Value::Native(_)) =
        found.filter(|found| found.downcast::<Deque>().is_some())
    else {
        let receiver = args.first().map_or("nothing".into(), |receiver| type_name(receiver));
        let message = format!(
            "descriptor '{name}' for 'collections.deque' objects doesn't apply to a '{receiver}' \
             object"
        );
        return Err(thread.exception("TypeError", message));
    };
    let count = args.len() - 1;
    let message = match given {
        _ if !kwargs.is_empty() => format!("deque.{name}() takes no keyword arguments"),
        Arity::None if count > 0 => format!("deque.{name}() takes no arguments ({count} given)"),
        Arity::One if count != 1 => {
            format!("deque.{name}() takes exactly one argument ({count} given)")
        }
        _ => return Ok(storage),
    };
    Err(thread.exception("TypeError", message))
}

#[derive(Clone, Copy)]
enum Arity {
    None,
    One,
    /// The method checks its own.
    Any,
}

fn deque_of(storage: &Value) -> &Deque {
    storage.downcast::<Deque>().expect("checked by `storage`")
}

/// `deque.__init__`'s part: empties the deque and sets its bound (`maxlen` is checked by the
/// caller).
fn reset(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let storage = storage(thread, "__init__", &args, &kwargs, Arity::One)?;
    let maxlen = match &args[1] {
        Value::None => None,
        bound => Some(crate::builtins::int_arg(thread, bound)?.max(0) as usize),
    };
    let mut state = lock(&deque_of(&storage).0);
    if !state.items.is_empty() {
        state.items.clear();
        state.changed();
    }
    state.maxlen = maxlen;
    Ok(Value::None)
}

/// `deque.maxlen`'s getter.
fn maxlen(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let storage = storage(thread, "maxlen", &args, &kwargs, Arity::None)?;
    let maxlen = lock(&deque_of(&storage).0).maxlen;
    Ok(maxlen.map_or(Value::None, |maxlen| Value::Int(maxlen as i64)))
}

/// The items as a new list, for the methods `collections.py` writes in Python.
fn snapshot(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let storage = storage(thread, "snapshot", &args, &kwargs, Arity::None)?;
    Ok(List::new(items_of(&storage)))
}

fn items_of(storage: &Value) -> Vec<Value> {
    lock(&deque_of(storage).0).items.iter().cloned().collect()
}

fn append(thread: &mut Thread, mut args: Args, kwargs: Kwargs) -> CallResult {
    let storage = storage(thread, "append", &args, &kwargs, Arity::One)?;
    lock(&deque_of(&storage).0).push_back(args.pop().expect("checked"));
    Ok(Value::None)
}

fn appendleft(thread: &mut Thread, mut args: Args, kwargs: Kwargs) -> CallResult {
    let storage = storage(thread, "appendleft", &args, &kwargs, Arity::One)?;
    lock(&deque_of(&storage).0).push_front(args.pop().expect("checked"));
    Ok(Value::None)
}

fn pop(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let storage = storage(thread, "pop", &args, &kwargs, Arity::None)?;
    let mut state = lock(&deque_of(&storage).0);
    let item = state.items.pop_back();
    if item.is_some() {
        state.changed();
    }
    drop(state);
    item.ok_or_else(|| thread.exception("IndexError", "pop from an empty deque"))
}

fn popleft(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let storage = storage(thread, "popleft", &args, &kwargs, Arity::None)?;
    let mut state = lock(&deque_of(&storage).0);
    let item = state.items.pop_front();
    if item.is_some() {
        state.changed();
    }
    drop(state);
    item.ok_or_else(|| thread.exception("IndexError", "pop from an empty deque"))
}

fn extend(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    extend_at(thread, args, kwargs, "extend", DequeState::push_back)
}

fn extendleft(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    extend_at(thread, args, kwargs, "extendleft", DequeState::push_front)
}

/// `extend` or `extendleft`: each item `push`ed as the iterable gives it, as CPython does (a
/// generator that reads the deque sees it grow, one that fails leaves what it gave, and
/// `deque(items, maxlen=0)` consumes an iterator in constant space). A list or tuple goes in
/// at once, and so does the deque itself, copied first.
fn extend_at(
    thread: &mut Thread,
    args: Args,
    kwargs: Kwargs,
    name: &str,
    push: fn(&mut DequeState, Value),
) -> CallResult {
    let storage = storage(thread, name, &args, &kwargs, Arity::One)?;
    let deque = deque_of(&storage);
    let all_at_once = match &args[1] {
        Value::List(list) => Some(lock(&list.items).clone()),
        Value::Tuple(items) => Some(items.to_vec()),
        itself if itself.is(&args[0]) => Some(items_of(&storage)),
        _ => None,
    };
    if let Some(items) = all_at_once {
        let mut state = lock(&deque.0);
        for item in items {
            push(&mut state, item);
        }
        return Ok(Value::None);
    }
    let iterator = crate::builtins::iterate(thread, &args[1])?;
    while let Some(item) = crate::builtins::next(thread, &iterator)? {
        push(&mut lock(&deque.0), item);
    }
    Ok(Value::None)
}

fn clear(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let storage = storage(thread, "clear", &args, &kwargs, Arity::None)?;
    // Dropped outside the lock: freeing many items takes a while.
    let items = {
        let mut state = lock(&deque_of(&storage).0);
        if !state.items.is_empty() {
            state.changed();
        }
        std::mem::take(&mut state.items)
    };
    drop(items);
    Ok(Value::None)
}

fn rotate(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let storage = storage(thread, "rotate", &args, &kwargs, Arity::Any)?;
    if args.len() > 2 {
        let message = match thread.interp.version >= PythonVersion::V3_13 {
            true => format!("rotate expected at most 1 argument, got {}", args.len() - 1),
            false => format!("rotate() takes at most 1 argument ({} given)", args.len() - 1),
        };
        return Err(thread.exception("TypeError", message));
    }
    let steps = match args.get(1) {
        Some(steps) => crate::builtins::int_arg(thread, steps)?,
        None => 1,
    };
    let mut state = lock(&deque_of(&storage).0);
    let len = state.items.len() as i64;
    if len > 1 {
        let steps = steps.rem_euclid(len) as usize;
        state.items.rotate_right(steps);
        state.changed();
    }
    Ok(Value::None)
}

fn reverse(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let storage = storage(thread, "reverse", &args, &kwargs, Arity::None)?;
    // Not counted as a change: CPython's iterators go on over a reversed deque.
    lock(&deque_of(&storage).0).items.make_contiguous().reverse();
    Ok(Value::None)
}

fn insert(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let storage = storage(thread, "insert", &args, &kwargs, Arity::Any)?;
    if args.len() != 3 {
        let message = format!("insert expected 2 arguments, got {}", args.len() - 1);
        return Err(thread.exception("TypeError", message));
    }
    let at = crate::builtins::int_arg(thread, &args[1])?;
    let mut state = lock(&deque_of(&storage).0);
    if state.maxlen.is_some_and(|maxlen| state.items.len() >= maxlen) {
        drop(state);
        return Err(thread.exception("IndexError", "deque already at its maximum size"));
    }
    // As `list.insert`: a position past either end is that end.
    let len = state.items.len() as i64;
    let at = if at < 0 { (at + len).max(0) } else { at.min(len) } as usize;
    state.items.insert(at, args[2].clone());
    state.changed();
    Ok(Value::None)
}

/// The first item equal to `value` in `items[at..stop]`, with the deque still locked as it was
/// when it matched, or None. Items that compare without Python (`ops::builtin_eq`: numbers,
/// strings, the same object) are compared under the lock in one pass, so that a search neither
/// copies the deque nor notices other threads appending meanwhile (on 3.13t CPython holds the
/// deque for the whole search); an item whose `__eq__` is Python is compared with the lock let
/// go, and a deque that changed during that comparison is `mutated`'s error, as in CPython.
fn find<'a>(
    thread: &mut Thread,
    deque: &'a Deque,
    value: &Value,
    mut at: usize,
    stop: usize,
    mutated: impl Fn(&Thread) -> Value,
) -> Result<Option<(usize, std::sync::MutexGuard<'a, DequeState>)>, Value> {
    loop {
        let (item, mutations) = {
            let state = lock(&deque.0);
            loop {
                let Some(item) = state.items.get(at).filter(|_| at < stop) else {
                    return Ok(None);
                };
                match ops::builtin_eq(item, value) {
                    _ if item.is(value) => return Ok(Some((at, state))),
                    Some(true) => return Ok(Some((at, state))),
                    Some(false) => at += 1,
                    None => break (item.clone(), state.mutations),
                }
            }
        };
        let equal = thread.equals(&item, value)?;
        let state = lock(&deque.0);
        if state.mutations != mutations {
            drop(state);
            return Err(mutated(thread));
        }
        if equal {
            return Ok(Some((at, state)));
        }
        at += 1;
    }
}

fn mutated_during_iteration(thread: &Thread) -> Value {
    thread.exception("RuntimeError", "deque mutated during iteration")
}

fn count(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let storage = storage(thread, "count", &args, &kwargs, Arity::One)?;
    let (mut found, mut at) = (0, 0);
    while let Some((matched, _)) =
        find(thread, deque_of(&storage), &args[1], at, usize::MAX, mutated_during_iteration)?
    {
        found += 1;
        at = matched + 1;
    }
    Ok(Value::Int(found))
}

fn contains(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let storage = storage(thread, "__contains__", &args, &kwargs, Arity::One)?;
    let found =
        find(thread, deque_of(&storage), &args[1], 0, usize::MAX, mutated_during_iteration)?;
    Ok(Value::Bool(found.is_some()))
}

/// `index(value, start=0, stop=len)`, bounds clamped as `list.index` clamps them.
fn index(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let storage = storage(thread, "index", &args, &kwargs, Arity::Any)?;
    if !(2..=4).contains(&args.len()) {
        let message = match args.len() {
            1 => "index expected at least 1 argument, got 0".to_string(),
            n => format!("index expected at most 3 arguments, got {}", n - 1),
        };
        return Err(thread.exception("TypeError", message));
    }
    let len = lock(&deque_of(&storage).0).items.len() as i64;
    let bound = |at: Option<&Value>, default: i64| -> Result<usize, Value> {
        let at = match at {
            Some(at) => crate::builtins::int_arg(thread, at)?,
            None => default,
        };
        Ok(if at < 0 { (at + len).max(0) } else { at.min(len) } as usize)
    };
    let (start, stop) = (bound(args.get(2), 0)?, bound(args.get(3), len)?);
    let found = find(thread, deque_of(&storage), &args[1], start, stop, mutated_during_iteration)?;
    match found {
        Some((at, _)) => Ok(Value::Int(at as i64)),
        None => {
            let shown = thread.repr_of(&args[1])?;
            Err(thread.exception("ValueError", format!("{shown} is not in deque")))
        }
    }
}

/// Removes the first item equal to the argument, in the same hold of the lock that found it.
fn remove(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let storage = storage(thread, "remove", &args, &kwargs, Arity::One)?;
    let mutated = |thread: &Thread| {
        let message = match thread.interp.version >= PythonVersion::V3_10 {
            true => "deque mutated during iteration",
            false => "deque mutated during remove().",
        };
        thread.exception("IndexError", message)
    };
    let Some((at, mut state)) = find(thread, deque_of(&storage), &args[1], 0, usize::MAX, mutated)?
    else {
        let message = match thread.interp.version >= PythonVersion::V3_13 {
            true => format!("{} is not in deque", thread.repr_of(&args[1])?),
            false => "deque.remove(x): x not in deque".to_string(),
        };
        return Err(thread.exception("ValueError", message));
    };
    let removed = state.items.remove(at);
    state.changed();
    drop(state);
    drop(removed);
    Ok(Value::None)
}

fn len(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let storage = storage(thread, "__len__", &args, &kwargs, Arity::None)?;
    let len = lock(&deque_of(&storage).0).items.len();
    Ok(Value::Int(len as i64))
}

/// `__bool__`, which deques had before 3.11 (`collections.py` gives it to those versions): it
/// counts the items itself, where later versions ask `__len__`, which a subclass may change.
fn truth(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let storage = storage(thread, "__bool__", &args, &kwargs, Arity::None)?;
    let empty = lock(&deque_of(&storage).0).items.is_empty();
    Ok(Value::Bool(!empty))
}

/// A deque's iterator, forwards or backwards: it fails once the deque changed, as CPython's.
pub struct DequeIter {
    storage: Value,
    /// How many items were taken.
    taken: usize,
    mutations: u64,
    backwards: bool,
}

impl DequeIter {
    pub fn type_name(&self) -> &'static str {
        match self.backwards {
            false => "_deque_iterator",
            true => "_deque_reverse_iterator",
        }
    }

    pub fn step(&mut self) -> Result<Option<Value>, OpError> {
        let state = lock(&deque_of(&self.storage).0);
        if state.mutations != self.mutations {
            return Err(ops::error("RuntimeError", "deque mutated during iteration"));
        }
        let len = state.items.len();
        if self.taken >= len {
            return Ok(None);
        }
        let at = if self.backwards { len - 1 - self.taken } else { self.taken };
        self.taken += 1;
        Ok(state.items.get(at).cloned())
    }
}

fn iterator(storage: Value, backwards: bool) -> Value {
    let mutations = lock(&deque_of(&storage).0).mutations;
    let state = DequeIter { storage, taken: 0, mutations, backwards };
    let iter = crate::value::Iter::Deque(Box::new(state));
    Value::Iterator(Arc::new(Mutex::new(iter)))
}

fn iter(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    Ok(iterator(storage(thread, "__iter__", &args, &kwargs, Arity::None)?, false))
}

fn reversed(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    Ok(iterator(storage(thread, "__reversed__", &args, &kwargs, Arity::None)?, true))
}

/// A position in a deque of `len` items, from Python's index (negative from the end).
fn item_position(thread: &Thread, key: &Value, len: usize) -> Result<usize, Value> {
    let at = match key {
        Value::Int(_) | Value::Bool(_) => crate::builtins::int_arg(thread, key)?,
        Value::BigInt(_) => i64::MAX,
        other => {
            let message = format!("sequence index must be integer, not '{}'", type_name(other));
            return Err(thread.exception("TypeError", message));
        }
    };
    let at = if at < 0 { at + len as i64 } else { at };
    if at < 0 || at >= len as i64 {
        return Err(thread.exception("IndexError", "deque index out of range"));
    }
    Ok(at as usize)
}

fn get_item(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let storage = storage(thread, "__getitem__", &args, &kwargs, Arity::One)?;
    let state = lock(&deque_of(&storage).0);
    let at = item_position(thread, &args[1], state.items.len())?;
    Ok(state.items[at].clone())
}

fn set_item(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let storage = storage(thread, "__setitem__", &args, &kwargs, Arity::Any)?;
    if args.len() != 3 {
        let message = format!("expected 2 arguments, got {}", args.len() - 1);
        return Err(thread.exception("TypeError", message));
    }
    let mut state = lock(&deque_of(&storage).0);
    let at = item_position(thread, &args[1], state.items.len())?;
    let old = std::mem::replace(&mut state.items[at], args[2].clone());
    drop(state);
    drop(old);
    Ok(Value::None)
}

fn delete_item(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let storage = storage(thread, "__delitem__", &args, &kwargs, Arity::One)?;
    let mut state = lock(&deque_of(&storage).0);
    let at = item_position(thread, &args[1], state.items.len())?;
    let removed = state.items.remove(at);
    state.changed();
    drop(state);
    drop(removed);
    Ok(Value::None)
}

/// `deque([1, 2])`, `deque([1], maxlen=3)`, with the subclass's name for a subclass; a deque
/// inside itself shows as `[...]`, as CPython's `Py_ReprEnter` makes it.
fn repr(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let storage = storage(thread, "__repr__", &args, &kwargs, Arity::None)?;
    let address = args[0].address();
    if thread.repr_active.contains(&address) {
        return Ok(Value::str("[...]"));
    }
    let (items, maxlen) = {
        let state = lock(&deque_of(&storage).0);
        (state.items.iter().cloned().collect::<Vec<_>>(), state.maxlen)
    };
    thread.repr_active.push(address);
    let shown: Result<Vec<String>, Value> = items.iter().map(|item| thread.repr_of(item)).collect();
    thread.repr_active.pop();
    let name = match &args[0] {
        Value::Instance(instance) => instance.class.name.clone(),
        _ => Text::from("deque"),
    };
    let mut text = format!("{name}([{}]", shown?.join(", "));
    if let Some(maxlen) = maxlen {
        text.push_str(&format!(", maxlen={maxlen}"));
    }
    text.push(')');
    Ok(Value::str(&text))
}
