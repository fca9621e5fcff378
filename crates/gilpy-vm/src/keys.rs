//! Dict keys whose hash and equality are Python code: instances of classes that define
//! `__hash__` (a frozen dataclass, a `Point` with `__eq__` and `__hash__`). A dict's table
//! cannot call Python while it searches, so before each dict operation the VM works out the
//! key it will use: the Python hash is computed once and kept in the instance (the table then
//! hashes the instance by it), and among the stored keys with that hash, the one that `__eq__`
//! says is equal stands in for the new key. Other values are their own keys.

use std::hash::BuildHasher;

use crate::ops;
use crate::value::{lock, Dict, Key, Map, Value};
use crate::vm::Thread;

/// Whether `value` hashes by a Python `__hash__`.
pub fn hashes_in_python(value: &Value) -> bool {
    match value {
        Value::Instance(instance) => {
            !matches!(instance.class.lookup("__hash__"), None | Some(Value::None))
        }
        _ => false,
    }
}

/// Whether `value`'s hash and equality are Python code: an instance with `__hash__`, or a
/// tuple or frozenset that holds one.
pub fn needs_python(value: &Value) -> bool {
    match value {
        Value::Instance(_) => hashes_in_python(value),
        Value::Tuple(items) => items.iter().any(needs_python),
        Value::Set(set) if set.frozen => set.needs_python(),
        _ => false,
    }
}

/// Computes and keeps the Python hash of each instance in `value` (tuples looked into), so
/// that the tables' hashes, which cannot call Python, find it.
pub fn prime_hashes(thread: &mut Thread, value: &Value) -> Result<(), Value> {
    match value {
        Value::Instance(instance) if instance.hash.get().is_none() && hashes_in_python(value) => {
            let Value::Int(hash) = crate::builtins::hash_of(thread, value)? else {
                unreachable!("hash() gives an int")
            };
            let _ = instance.hash.set(hash);
        }
        Value::Tuple(items) => items.iter().try_for_each(|item| prime_hashes(thread, item))?,
        _ => {}
    }
    Ok(())
}

/// `key`, or the first of `stored` that is the same object or that `==` says is equal: the
/// tables compare keys that need Python by identity, so equal ones must be one object.
pub fn equal_stored(
    thread: &mut Thread,
    key: Value,
    stored: impl IntoIterator<Item = Value>,
) -> Result<Value, Value> {
    for candidate in stored {
        if candidate.is(&key) || thread.equals(&candidate, &key)? {
            return Ok(candidate);
        }
    }
    Ok(key)
}

/// The key for `key` in `dict`: checked hashable; for values that hash in Python, the equal
/// key already stored, if any.
pub fn dict_key(thread: &mut Thread, dict: &Dict, key: Value) -> Result<Key, Value> {
    key_among(thread, key, |hash| candidates(&lock(&dict.entries), hash))
}

/// Like [`dict_key`], for a table being built that no one else can see yet.
pub fn map_key(thread: &mut Thread, map: &Map, key: Value) -> Result<Key, Value> {
    key_among(thread, key, |hash| candidates(map, hash))
}

fn key_among(
    thread: &mut Thread,
    key: Value,
    stored: impl FnOnce(u64) -> Vec<Key>,
) -> Result<Key, Value> {
    ops::check_hashable(&key).map_err(|e| thread.op_error(e))?;
    if !needs_python(&key) {
        return Ok(Key(key));
    }
    prime_hashes(thread, &key)?;
    let key = Key(key);
    let table_hash = rustc_hash::FxBuildHasher.hash_one(&key);
    let stored = stored(table_hash).into_iter().map(|candidate| candidate.0);
    equal_stored(thread, key.0, stored).map(Key)
}

/// The stored keys whose table hash is `hash`.
fn candidates(map: &Map, hash: u64) -> Vec<Key> {
    map.keys_with_hash(hash).cloned().collect()
}

/// Puts every entry of `entries` into `dict`, later ones winning (`dict.update`, `{**a}`).
pub fn merge(thread: &mut Thread, dict: &Dict, entries: Map) -> Result<(), Value> {
    if !entries.keys().any(|key| needs_python(&key.0)) {
        lock(&dict.entries).extend(entries);
        return Ok(());
    }
    for (key, value) in entries {
        let key = dict_key(thread, dict, key.0)?;
        lock(&dict.entries).insert(key, value);
    }
    Ok(())
}
