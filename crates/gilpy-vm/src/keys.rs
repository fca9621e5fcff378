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
    if !hashes_in_python(&key) {
        return Ok(Key(key));
    }
    let Value::Instance(instance) = &key else { unreachable!("only instances hash in Python") };
    if instance.hash.get().is_none() {
        let Value::Int(hash) = crate::builtins::hash_of(thread, &key)? else {
            unreachable!("hash() gives an int")
        };
        let _ = instance.hash.set(hash);
    }
    let key = Key(key);
    let table_hash = rustc_hash::FxBuildHasher.hash_one(&key);
    for candidate in stored(table_hash) {
        if candidate.0.is(&key.0) || thread.equals(&candidate.0, &key.0)? {
            return Ok(candidate);
        }
    }
    Ok(key)
}

/// The stored keys whose table hash is `hash`.
fn candidates(map: &Map, hash: u64) -> Vec<Key> {
    map.keys_with_hash(hash).cloned().collect()
}

/// Puts every entry of `entries` into `dict`, later ones winning (`dict.update`, `{**a}`).
pub fn merge(thread: &mut Thread, dict: &Dict, entries: Map) -> Result<(), Value> {
    if !entries.keys().any(|key| hashes_in_python(&key.0)) {
        lock(&dict.entries).extend(entries);
        return Ok(());
    }
    for (key, value) in entries {
        let key = dict_key(thread, dict, key.0)?;
        lock(&dict.entries).insert(key, value);
    }
    Ok(())
}
