//! A dict's table, laid out as CPython's compact dict (`Objects/dictobject.c`): the entries in
//! insertion order, and a hash index of their positions. Deleting an entry leaves a hole (CPython's
//! `DKIX_DUMMY` entry) instead of shifting the ones after it, so `del d[k]`, `d.pop(k)` and
//! `popitem` cost O(1), and the holes are squeezed out once they are half of the entries. (An
//! `IndexMap` keeps order by shifting on removal, which made popping a dict's oldest key O(n):
//! an LRU cache of 100,000 entries took 36 s where CPython takes 0.02 s.)

use std::hash::{BuildHasher, Hash};

use hashbrown::HashTable;
use indexmap::Equivalent;

use crate::value::{Key, Value};

/// Fx: fast, and programs here are not adversaries that could flood one bucket (CPython does
/// not randomise int hashes either).
const HASHER: rustc_hash::FxBuildHasher = rustc_hash::FxBuildHasher;

/// Below this many entries, holes are left until the table empties or grows.
const COMPACT_MIN: usize = 32;

#[derive(Clone)]
struct Bucket {
    hash: u64,
    key: Key,
    value: Value,
}

/// An insertion-ordered map from keys to values with O(1) removal. Positions (as from
/// [`Map::get_full`]) index the entries, holes included: a position stays valid until an
/// entry is removed, and callers that keep one (global hints) check the key they find there.
#[derive(Clone, Default)]
pub struct Map {
    /// In insertion order; `None` where an entry was removed.
    entries: Vec<Option<Bucket>>,
    /// Positions in `entries` of the live ones, by hash.
    indices: HashTable<usize>,
    /// How many entries at the front are holes: an LRU cache pops its oldest key and looks for
    /// the next one (`next(iter(d))`) from here, in O(1). (CPython scans the holes, so that
    /// loop is quadratic there.)
    head: usize,
}

impl Map {
    pub fn new() -> Map {
        Map::default()
    }

    pub fn with_capacity(capacity: usize) -> Map {
        Map {
            entries: Vec::with_capacity(capacity),
            indices: HashTable::with_capacity(capacity),
            head: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.indices.len()
    }

    pub fn is_empty(&self) -> bool {
        self.indices.is_empty()
    }

    fn position<Q: Hash + Equivalent<Key> + ?Sized>(&self, key: &Q) -> Option<usize> {
        if self.indices.is_empty() {
            return None;
        }
        let hash = HASHER.hash_one(key);
        let entries = &self.entries;
        self.indices
            .find(hash, |&i| entries[i].as_ref().is_some_and(|bucket| key.equivalent(&bucket.key)))
            .copied()
    }

    pub fn get<Q: Hash + Equivalent<Key> + ?Sized>(&self, key: &Q) -> Option<&Value> {
        self.get_full(key).map(|(_, _, value)| value)
    }

    pub fn get_mut<Q: Hash + Equivalent<Key> + ?Sized>(&mut self, key: &Q) -> Option<&mut Value> {
        let i = self.position(key)?;
        self.entries[i].as_mut().map(|bucket| &mut bucket.value)
    }

    /// The entry for `key` with its position.
    pub fn get_full<Q: Hash + Equivalent<Key> + ?Sized>(
        &self,
        key: &Q,
    ) -> Option<(usize, &Key, &Value)> {
        let i = self.position(key)?;
        self.entries[i].as_ref().map(|bucket| (i, &bucket.key, &bucket.value))
    }

    pub fn contains_key<Q: Hash + Equivalent<Key> + ?Sized>(&self, key: &Q) -> bool {
        self.position(key).is_some()
    }

    /// The entry at `position`, if one is there.
    pub fn get_index(&self, position: usize) -> Option<(&Key, &Value)> {
        self.entries.get(position)?.as_ref().map(|bucket| (&bucket.key, &bucket.value))
    }

    pub fn get_index_mut(&mut self, position: usize) -> Option<(&Key, &mut Value)> {
        self.entries.get_mut(position)?.as_mut().map(|bucket| (&bucket.key, &mut bucket.value))
    }

    /// Sets `key` to `value`, keeping the stored key and its place if there is one; gives the
    /// value replaced.
    pub fn insert(&mut self, key: Key, value: Value) -> Option<Value> {
        self.insert_full(key, value).1
    }

    /// As [`Map::insert`], with the entry's position.
    pub fn insert_full(&mut self, key: Key, value: Value) -> (usize, Option<Value>) {
        let hash = HASHER.hash_one(&key);
        let Map { entries, indices, .. } = self;
        match indices.entry(
            hash,
            |&i| entries[i].as_ref().is_some_and(|bucket| bucket.key == key),
            |&i| entries[i].as_ref().map_or(0, |bucket| bucket.hash),
        ) {
            hashbrown::hash_table::Entry::Occupied(found) => {
                let i = *found.get();
                let bucket = entries[i].as_mut().expect("indexed entries are live");
                (i, Some(std::mem::replace(&mut bucket.value, value)))
            }
            hashbrown::hash_table::Entry::Vacant(vacant) => {
                let i = entries.len();
                vacant.insert(i);
                entries.push(Some(Bucket { hash, key, value }));
                (i, None)
            }
        }
    }

    /// The value for `key`, set to `default()` first if there is none (`dict.setdefault`).
    pub fn get_or_insert_with(&mut self, key: Key, default: impl FnOnce() -> Value) -> &mut Value {
        let i = match self.position(&key) {
            Some(i) => i,
            None => self.insert_full(key, default()).0,
        };
        &mut self.entries[i].as_mut().expect("indexed entries are live").value
    }

    /// Removes `key`, leaving a hole where it was; gives its value.
    pub fn remove<Q: Hash + Equivalent<Key> + ?Sized>(&mut self, key: &Q) -> Option<Value> {
        self.remove_entry(key).map(|(_, value)| value)
    }

    pub fn remove_entry<Q: Hash + Equivalent<Key> + ?Sized>(
        &mut self,
        key: &Q,
    ) -> Option<(Key, Value)> {
        if self.indices.is_empty() {
            return None;
        }
        let hash = HASHER.hash_one(key);
        let entries = &self.entries;
        let found = self
            .indices
            .find_entry(hash, |&i| entries[i].as_ref().is_some_and(|b| key.equivalent(&b.key)))
            .ok()?;
        let (i, _) = found.remove();
        let bucket = self.entries[i].take().expect("indexed entries are live");
        self.after_removal();
        Some((bucket.key, bucket.value))
    }

    /// Removes the last entry (`dict.popitem`).
    pub fn pop(&mut self) -> Option<(Key, Value)> {
        let i = self.entries.iter().rposition(Option::is_some)?;
        let bucket = self.entries[i].take().expect("found live");
        if let Ok(found) = self.indices.find_entry(bucket.hash, |&j| j == i) {
            found.remove();
        }
        self.after_removal();
        Some((bucket.key, bucket.value))
    }

    /// Drops trailing holes, and squeezes out the others once they are half the entries (as
    /// CPython's dict does when it resizes), so that holes cost O(1) amortised.
    fn after_removal(&mut self) {
        while matches!(self.entries.last(), Some(None)) {
            self.entries.pop();
        }
        if self.indices.is_empty() {
            self.clear();
            return;
        }
        while matches!(self.entries.get(self.head), Some(None)) {
            self.head += 1;
        }
        let holes = self.entries.len() - self.indices.len();
        if self.entries.len() < COMPACT_MIN || holes * 2 < self.entries.len() {
            return;
        }
        self.entries.retain(Option::is_some);
        self.head = 0;
        let Map { entries, indices, .. } = self;
        indices.clear();
        for (i, bucket) in entries.iter().enumerate() {
            let hash = bucket.as_ref().expect("kept live").hash;
            indices.insert_unique(hash, i, |&j| entries[j].as_ref().map_or(0, |b| b.hash));
        }
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.indices.clear();
        self.head = 0;
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&Key, &Value)> + Clone {
        self.entries[self.head..].iter().flatten().map(|bucket| (&bucket.key, &bucket.value))
    }

    pub fn iter_mut(&mut self) -> impl DoubleEndedIterator<Item = (&Key, &mut Value)> {
        self.entries[self.head..]
            .iter_mut()
            .flatten()
            .map(|bucket| (&bucket.key, &mut bucket.value))
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &Key> + Clone {
        self.iter().map(|(key, _)| key)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &Value> + Clone {
        self.iter().map(|(_, value)| value)
    }

    /// The first entry at `position` or after it, with its position (a dict iterator's step).
    pub fn next_at(&self, position: usize) -> Option<(usize, &Key, &Value)> {
        let start = position.max(self.head);
        let tail = self.entries.get(start..)?;
        tail.iter().enumerate().find_map(|(offset, bucket)| {
            bucket.as_ref().map(|bucket| (start + offset, &bucket.key, &bucket.value))
        })
    }

    /// The stored keys whose table hash is `hash` (see `keys.rs`).
    pub fn keys_with_hash(&self, hash: u64) -> impl Iterator<Item = &Key> {
        self.indices
            .iter_hash(hash)
            .filter_map(|&i| self.entries[i].as_ref())
            .filter(move |bucket| bucket.hash == hash)
            .map(|bucket| &bucket.key)
    }
}

impl Extend<(Key, Value)> for Map {
    fn extend<I: IntoIterator<Item = (Key, Value)>>(&mut self, items: I) {
        for (key, value) in items {
            self.insert(key, value);
        }
    }
}

impl FromIterator<(Key, Value)> for Map {
    fn from_iter<I: IntoIterator<Item = (Key, Value)>>(items: I) -> Map {
        let items = items.into_iter();
        let mut map = Map::with_capacity(items.size_hint().0);
        map.extend(items);
        map
    }
}

impl IntoIterator for Map {
    type Item = (Key, Value);
    type IntoIter = IntoIter;
    fn into_iter(self) -> IntoIter {
        IntoIter(self.entries.into_iter())
    }
}

/// A map's entries, taken in order.
pub struct IntoIter(std::vec::IntoIter<Option<Bucket>>);

impl Iterator for IntoIter {
    type Item = (Key, Value);
    fn next(&mut self) -> Option<(Key, Value)> {
        self.0.by_ref().flatten().next().map(|bucket| (bucket.key, bucket.value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(i: i64) -> Key {
        Key(Value::Int(i))
    }

    fn keys(map: &Map) -> Vec<i64> {
        map.keys()
            .map(|key| match key.0 {
                Value::Int(i) => i,
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn removal_keeps_the_order_of_the_rest_and_reinsertion_goes_last() {
        let mut map: Map = (0..100).map(|i| (int(i), Value::Int(i * 10))).collect();
        for i in (0..100).filter(|i| i % 3 != 0) {
            assert!(map.remove(&int(i)).is_some());
        }
        assert!(map.remove(&int(1)).is_none());
        map.insert(int(1), Value::None);
        let expected: Vec<i64> = (0..100).filter(|i| i % 3 == 0).chain([1]).collect();
        assert_eq!(keys(&map), expected);
        assert_eq!(map.len(), expected.len());
        for i in expected {
            assert!(map.contains_key(&int(i)), "{i} lost after compaction");
        }
        assert!(map.entries.len() < 100, "holes were squeezed out");
    }

    #[test]
    fn pop_takes_the_newest_and_an_emptied_map_starts_over() {
        let mut map: Map = (0..5).map(|i| (int(i), Value::None)).collect();
        map.remove(&int(4));
        assert!(matches!(map.pop(), Some((Key(Value::Int(3)), _))));
        while map.pop().is_some() {}
        assert!(map.is_empty() && map.entries.is_empty());
        map.insert(int(7), Value::None);
        assert_eq!(keys(&map), [7]);
    }

    #[test]
    fn positions_point_at_entries_until_a_removal() {
        let mut map = Map::new();
        let (position, _) = map.insert_full(int(1), Value::Int(1));
        map.insert(int(2), Value::Int(2));
        assert!(matches!(map.get_index(position), Some((Key(Value::Int(1)), Value::Int(1)))));
        map.remove(&int(1));
        assert!(map.get_index(position).is_none());
    }
}
