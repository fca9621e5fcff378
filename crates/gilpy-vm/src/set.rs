//! `set` and `frozenset`: a hash table that emulates CPython's `Objects/setobject.c` step by
//! step (open addressing with runs of linear probes, dummies left by deletions, the same resize
//! points and the same fast paths for merging), so that iteration order, and with it `repr`,
//! `list(s)`, for-loops and `pop()`, is CPython's for the values whose hashes match CPython's
//! (ints, floats, bools, None and tuples and frozensets of these; see `ops::py_hash`).
//!
//! Hash arithmetic is done in `u64`, as CPython does on 64-bit machines, also on wasm32.
//! The set operations take the other operand as an [`Other`], already iterated and hashed by
//! the caller, so nothing here runs Python code or holds two sets' locks at once.

use std::sync::{Arc, Mutex, OnceLock};

use crate::value::{lock, Value};
use crate::version::PythonVersion;

/// `PySet_MINSIZE`: the size of a new table.
const MIN_SIZE: usize = 8;
/// How many neighbouring slots a probe looks at before jumping elsewhere.
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
enum Slot {
    Empty,
    /// A deleted entry: probes go on past it, and an insertion may reuse it.
    Dummy,
    Active {
        key: Value,
        hash: i64,
    },
}

/// CPython's `PySetObject` minus the object header: the slots (`mask + 1` of them), `fill`
/// (active and dummy slots), `used` (active slots) and `finger` (where `pop` looks first).
#[derive(Clone)]
pub struct SetTable {
    slots: Vec<Slot>,
    fill: usize,
    used: usize,
    finger: usize,
    /// The CPython whose table this emulates; 3.9's differs in a few places (see `is_3_9`).
    version: PythonVersion,
}

/// Keys match by identity, then `==`, as in `set_lookkey`. Floats are immediates here, with no
/// identity of their own: the same bits stand in for "the same object".
fn same_key(a: &Value, b: &Value) -> bool {
    a.is(b)
        || matches!((a, b), (Value::Float(x), Value::Float(y)) if x.to_bits() == y.to_bits())
        || crate::ops::builtin_eq(a, b) == Some(true)
}

/// The slots a probe looks at from `i`: `i` and its next `LINEAR_PROBES` neighbours when they
/// fit before the end of the table, else `i` alone.
fn probe_run(i: usize, mask: usize) -> std::ops::RangeInclusive<usize> {
    if i + LINEAR_PROBES <= mask {
        i..=i + LINEAR_PROBES
    } else {
        i..=i
    }
}

/// Where the probe goes after a run of linear probes.
fn next_probe(i: usize, perturb: &mut u64, mask: usize) -> usize {
    *perturb >>= PERTURB_SHIFT;
    ((i as u64).wrapping_mul(5).wrapping_add(1).wrapping_add(*perturb) & mask as u64) as usize
}

/// `set_insert_clean`: puts a key known to be absent into a table that has no dummies.
fn insert_clean(slots: &mut [Slot], key: Value, hash: i64) {
    let mask = slots.len() - 1;
    let mut perturb = hash as u64;
    let mut i = (hash as u64 & mask as u64) as usize;
    loop {
        if let Some(j) = probe_run(i, mask).find(|&j| matches!(slots[j], Slot::Empty)) {
            slots[j] = Slot::Active { key, hash };
            return;
        }
        i = next_probe(i, &mut perturb, mask);
    }
}

impl SetTable {
    pub fn new(version: PythonVersion) -> SetTable {
        SetTable { slots: vec![Slot::Empty; MIN_SIZE], fill: 0, used: 0, finger: 0, version }
    }

    /// 3.9 never inserts into a dummy slot (dummies go only when the table is rebuilt), and
    /// takes in the whole of an iterable for `intersection`, `issubset` and `issuperset`, so
    /// that an unhashable item anywhere raises.
    fn is_3_9(&self) -> bool {
        self.version == PythonVersion::V3_9
    }

    /// A new empty table that behaves as this one does.
    fn empty(&self) -> SetTable {
        SetTable { finger: 0, ..self.cleared() }
    }

    /// This table emptied, back to the small size: `set_clear_internal` keeps the finger.
    fn cleared(&self) -> SetTable {
        SetTable {
            slots: vec![Slot::Empty; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: self.finger,
            version: self.version,
        }
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// The active entries in table order (CPython's `set_next`).
    pub fn entries(&self) -> impl Iterator<Item = (&Value, i64)> {
        self.slots.iter().filter_map(|slot| match slot {
            Slot::Active { key, hash } => Some((key, *hash)),
            _ => None,
        })
    }

    pub fn keys(&self) -> Vec<Value> {
        self.entries().map(|(key, _)| key.clone()).collect()
    }

    /// The first active entry at `position` or after, and its position (for iterators).
    pub fn next_at(&self, position: usize) -> Option<(usize, Value)> {
        self.slots.iter().enumerate().skip(position).find_map(|(i, slot)| match slot {
            Slot::Active { key, .. } => Some((i, key.clone())),
            _ => None,
        })
    }

    /// `set_lookkey`: the slot holding `key`, if it is in the table.
    fn find(&self, key: &Value, hash: i64) -> Option<usize> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 & mask as u64) as usize;
        loop {
            for j in probe_run(i, mask) {
                match &self.slots[j] {
                    Slot::Empty => return None,
                    Slot::Active { key: found, hash: h } if *h == hash && same_key(found, key) => {
                        return Some(j)
                    }
                    _ => {}
                }
            }
            i = next_probe(i, &mut perturb, mask);
        }
    }

    /// The keys stored with `hash`, along the probe `find` takes (`keys.rs` asks them for an
    /// equal one in Python).
    pub fn keys_with_hash(&self, hash: i64) -> Vec<Value> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 & mask as u64) as usize;
        let mut found = Vec::new();
        loop {
            for j in probe_run(i, mask) {
                match &self.slots[j] {
                    Slot::Empty => return found,
                    Slot::Active { key, hash: h } if *h == hash => found.push(key.clone()),
                    _ => {}
                }
            }
            i = next_probe(i, &mut perturb, mask);
        }
    }

    pub fn contains(&self, key: &Value, hash: i64) -> bool {
        self.find(key, hash).is_some()
    }

    /// `set_add_entry`: adds `key` unless an equal key is there. A new key goes into the last
    /// dummy seen on the way to the first empty slot (3.10+), else into that empty slot, which
    /// may make the table grow.
    pub fn add(&mut self, key: Value, hash: i64) {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 & mask as u64) as usize;
        let mut free_slot = None;
        loop {
            for j in probe_run(i, mask) {
                match &self.slots[j] {
                    Slot::Empty => {
                        self.used += 1;
                        if let Some(free) = free_slot {
                            self.slots[free] = Slot::Active { key, hash };
                            return;
                        }
                        self.fill += 1;
                        self.slots[j] = Slot::Active { key, hash };
                        if self.fill * 5 >= mask * 3 {
                            self.resize(self.growth());
                        }
                        return;
                    }
                    Slot::Active { key: found, hash: h } if *h == hash && same_key(found, &key) => {
                        return
                    }
                    Slot::Dummy if !self.is_3_9() => free_slot = Some(j),
                    Slot::Dummy => {}
                    Slot::Active { .. } => {}
                }
            }
            i = next_probe(i, &mut perturb, mask);
        }
    }

    /// The `minused` CPython resizes to when a table fills up.
    fn growth(&self) -> usize {
        if self.used > 50_000 {
            self.used * 2
        } else {
            self.used * 4
        }
    }

    /// `set_table_resize`: a new table of the smallest power of two above `min_used` (at least
    /// 8), the active keys reinserted in old table order, dummies dropped.
    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        if size == MIN_SIZE && self.slots.len() == MIN_SIZE && self.fill == self.used {
            return; // already the small table, with no dummies to purge
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; size]);
        self.fill = self.used;
        for slot in old {
            if let Slot::Active { key, hash } = slot {
                insert_clean(&mut self.slots, key, hash);
            }
        }
    }

    /// `set_discard_entry`: whether `key` was there.
    pub fn discard(&mut self, key: &Value, hash: i64) -> bool {
        match self.find(key, hash) {
            Some(i) => {
                self.slots[i] = Slot::Dummy;
                self.used -= 1;
                true
            }
            None => false,
        }
    }

    /// `set_pop`: the first active entry from the finger on, wrapping around.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while !matches!(self.slots[i], Slot::Active { .. }) {
            i = if i == mask { 0 } else { i + 1 };
        }
        let Slot::Active { key, .. } = std::mem::replace(&mut self.slots[i], Slot::Dummy) else {
            unreachable!("found an active slot")
        };
        self.used -= 1;
        self.finger = i + 1;
        Some(key)
    }

    pub fn clear(&mut self) {
        *self = self.cleared();
    }

    /// `set_merge`: adds every key of `other`, with one resize up front and CPython's fast
    /// paths into an empty table.
    pub fn merge(&mut self, other: &SetTable) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.slots.clone_from(&other.slots);
            self.fill = other.fill;
            self.used = other.used;
        } else if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for (key, hash) in other.entries() {
                insert_clean(&mut self.slots, key.clone(), hash);
            }
        } else {
            for (key, hash) in other.entries() {
                self.add(key.clone(), hash);
            }
        }
    }

    /// `set_update_dict`: a dict's keys, with one resize up front.
    fn update_from_dict(&mut self, keys: &[(Value, i64)]) {
        if (self.fill + keys.len()) * 5 >= self.mask() * 3 {
            self.resize((self.used + keys.len()) * 2);
        }
        for (key, hash) in keys {
            self.add(key.clone(), *hash);
        }
    }

    /// `set_update_internal` for an operand other than this set itself.
    fn update(&mut self, other: &Operand<'_>) -> Result<(), Value> {
        match other {
            Operand::Set(table) => self.merge(table),
            Operand::Dict(keys) => self.update_from_dict(keys),
            Operand::Items(items) => {
                for item in items.iter() {
                    let (key, hash) = item.clone()?;
                    self.add(key, hash);
                }
            }
        }
        Ok(())
    }

    /// A new table like this one, updated with `other`.
    fn new_from(&self, other: &Operand<'_>) -> Result<SetTable, Value> {
        let mut table = self.empty();
        table.update(other)?;
        Ok(table)
    }

    /// `set_copy`: an empty table merged with this one.
    pub fn copy(&self) -> SetTable {
        let mut copy = self.empty();
        copy.merge(self);
        copy
    }

    /// `set_intersection`: between two sets it walks the smaller one (the other on a tie);
    /// with any other iterable it walks the items and (3.10+) stops once every key was found.
    fn intersection(&self, other: &Operand<'_>) -> Result<SetTable, Value> {
        let mut result = self.empty();
        match other {
            Operand::Set(other) => {
                let (walked, probed) =
                    if other.used > self.used { (self, other) } else { (other, self) };
                for (key, hash) in walked.entries() {
                    if probed.contains(key, hash) {
                        result.add(key.clone(), hash);
                    }
                }
            }
            Operand::Dict(keys) => {
                for (key, hash) in keys.iter() {
                    if self.contains(key, *hash) {
                        result.add(key.clone(), *hash);
                    }
                }
            }
            Operand::Items(items) => {
                for item in items.iter() {
                    let (key, hash) = item.clone()?;
                    if self.contains(&key, hash) {
                        result.add(key, hash);
                        if result.used >= self.used && !self.is_3_9() {
                            break;
                        }
                    }
                }
            }
        }
        Ok(result)
    }

    /// `set_difference_update_internal` for an operand other than this set itself: discards,
    /// then a rebuild if more than a quarter of the table is dummies.
    fn difference_update(&mut self, other: &Operand<'_>) -> Result<(), Value> {
        match other {
            Operand::Set(other) => {
                for (key, hash) in other.entries() {
                    self.discard(key, hash);
                }
            }
            Operand::Dict(keys) => {
                for (key, hash) in keys.iter() {
                    self.discard(key, *hash);
                }
            }
            Operand::Items(items) => {
                for item in items.iter() {
                    let (key, hash) = item.clone()?;
                    self.discard(&key, hash);
                }
            }
        }
        if self.fill - self.used > self.mask() / 4 {
            self.resize(self.growth());
        }
        Ok(())
    }

    /// `set_difference`: copies and discards when this set is much bigger than the other (or
    /// the other is neither a set nor a dict), else builds the result from scratch.
    fn difference(&self, other: &Operand<'_>) -> Result<SetTable, Value> {
        let dict_keys;
        let probed = match other {
            Operand::Set(table) if (self.used >> 2) <= table.used => table,
            Operand::Dict(keys) if (self.used >> 2) <= keys.len() => {
                dict_keys = {
                    let mut table = self.empty();
                    table.update_from_dict(keys);
                    table
                };
                &dict_keys
            }
            _ => {
                let mut result = self.copy();
                result.difference_update(other)?;
                return Ok(result);
            }
        };
        let mut result = self.empty();
        for (key, hash) in self.entries() {
            if !probed.contains(key, hash) {
                result.add(key.clone(), hash);
            }
        }
        Ok(result)
    }

    /// `set_symmetric_difference_update` for an operand other than this set itself: each key
    /// of the other is discarded, or added if it was not there. Any other iterable becomes a
    /// set first, and its keys go in that set's order.
    fn symmetric_difference_update(&mut self, other: &Operand<'_>) -> Result<(), Value> {
        let keys: Vec<(Value, i64)> = match other {
            Operand::Set(table) => table.entries().map(|(k, h)| (k.clone(), h)).collect(),
            Operand::Dict(keys) => keys.to_vec(),
            Operand::Items(_) => {
                self.new_from(other)?.entries().map(|(k, h)| (k.clone(), h)).collect()
            }
        };
        for (key, hash) in keys {
            if !self.discard(&key, hash) {
                self.add(key, hash);
            }
        }
        Ok(())
    }

    /// `set_issubset` against another set.
    fn is_subset_of(&self, other: &SetTable) -> bool {
        self.used <= other.used && self.entries().all(|(key, hash)| other.contains(key, hash))
    }

    /// `set_issubset`: anything but a set is intersected first.
    fn is_subset(&self, other: &Operand<'_>) -> Result<bool, Value> {
        match other {
            Operand::Set(table) => Ok(self.is_subset_of(table)),
            _ => Ok(self.intersection(other)?.used == self.used),
        }
    }

    /// `set_issuperset`.
    fn is_superset(&self, other: &Operand<'_>) -> Result<bool, Value> {
        match other {
            Operand::Set(table) => Ok(table.is_subset_of(self)),
            Operand::Dict(keys) => Ok(keys.iter().all(|(key, hash)| self.contains(key, *hash))),
            Operand::Items(items) => {
                if self.is_3_9() {
                    if let Some(Err(error)) = items.last() {
                        return Err(error.clone());
                    }
                }
                for item in items.iter() {
                    let (key, hash) = item.clone()?;
                    if !self.contains(&key, hash) {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
        }
    }

    /// `set_isdisjoint`.
    fn is_disjoint(&self, other: &Operand<'_>) -> Result<bool, Value> {
        match other {
            Operand::Set(other) => {
                let (walked, probed) =
                    if other.used > self.used { (self, other) } else { (other, self) };
                Ok(!walked.entries().any(|(key, hash)| probed.contains(key, hash)))
            }
            Operand::Dict(keys) => Ok(!keys.iter().any(|(key, hash)| self.contains(key, *hash))),
            Operand::Items(items) => {
                for item in items.iter() {
                    let (key, hash) = item.clone()?;
                    if self.contains(&key, hash) {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
        }
    }

    /// `frozenset_hash`: order-independent, from the active entries' hashes.
    fn frozenset_hash(&self) -> i64 {
        fn shuffle_bits(h: u64) -> u64 {
            ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
        }
        let mut hash = self.entries().fold(0u64, |acc, (_, h)| acc ^ shuffle_bits(h as u64));
        hash ^= (self.used as u64 + 1).wrapping_mul(1_927_868_237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
        if hash == u64::MAX {
            590_923_713
        } else {
            hash as i64
        }
    }
}

/// A `set` or, with `frozen`, a `frozenset`.
pub struct Set {
    pub frozen: bool,
    pub table: Mutex<SetTable>,
    /// A frozenset's hash, computed on first use (its contents never change).
    frozen_hash: OnceLock<i64>,
}

/// The other operand of a set method, told apart as CPython's set functions do. Sets and dicts
/// keep their keys' hashes; other iterables were iterated and hashed up to the first error,
/// which the operation raises when it gets there.
pub enum Other {
    Set(Arc<Set>),
    Dict(Vec<(Value, i64)>),
    Items(Vec<Result<(Value, i64), Value>>),
}

/// An [`Other`] ready to use under the receiver's lock: a set's table is a snapshot.
enum Operand<'a> {
    Set(SetTable),
    Dict(&'a [(Value, i64)]),
    Items(&'a [Result<(Value, i64), Value>]),
}

impl Other {
    /// Whether this is `set` itself, which several operations treat apart.
    pub fn is(&self, set: &Arc<Set>) -> bool {
        matches!(self, Other::Set(other) if Arc::ptr_eq(other, set))
    }

    fn operand(&self) -> Operand<'_> {
        match self {
            Other::Set(set) => Operand::Set(set.snapshot()),
            Other::Dict(keys) => Operand::Dict(keys),
            Other::Items(items) => Operand::Items(items),
        }
    }
}

impl Set {
    pub fn new(frozen: bool, table: SetTable) -> Arc<Set> {
        Arc::new(Set { frozen, table: Mutex::new(table), frozen_hash: OnceLock::new() })
    }

    /// `set(other)` or `frozenset(other)`.
    pub fn build(version: PythonVersion, frozen: bool, other: &Other) -> Result<Arc<Set>, Value> {
        Ok(Set::new(frozen, SetTable::new(version).new_from(&other.operand())?))
    }

    /// A copy of the table, so that another set's lock is never held with this one's.
    pub fn snapshot(&self) -> SetTable {
        lock(&self.table).clone()
    }

    pub fn len(&self) -> usize {
        lock(&self.table).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn keys(&self) -> Vec<Value> {
        lock(&self.table).keys()
    }

    pub fn type_name(&self) -> &'static str {
        if self.frozen {
            "frozenset"
        } else {
            "set"
        }
    }

    /// `hash(frozenset)`; for a set, what its frozen copy's hash would be.
    pub fn hash(&self) -> i64 {
        if self.frozen {
            *self.frozen_hash.get_or_init(|| lock(&self.table).frozenset_hash())
        } else {
            lock(&self.table).frozenset_hash()
        }
    }

    /// A new set of this one's type (set or frozenset): `set_copy`.
    pub fn copy(&self) -> Arc<Set> {
        Set::new(self.frozen, self.snapshot().copy())
    }

    /// `set_update_internal` (`update`, `|=`, and `union` and `|` on a copy).
    pub fn update(self: &Arc<Set>, other: &Other) -> Result<(), Value> {
        if other.is(self) {
            return Ok(());
        }
        let operand = other.operand();
        lock(&self.table).update(&operand)
    }

    /// `set_intersection` (`intersection`, `&`).
    pub fn intersection(self: &Arc<Set>, other: &Other) -> Result<Arc<Set>, Value> {
        if other.is(self) {
            return Ok(self.copy());
        }
        let result = self.snapshot().intersection(&other.operand())?;
        Ok(Set::new(self.frozen, result))
    }

    /// `set_swap_bodies` as `intersection_update` and `&=` use it: `result`'s table replaces
    /// this one's, and the finger stays where it was.
    pub fn take_table(&self, result: &Set) {
        let result = result.snapshot();
        let mut table = lock(&self.table);
        *table = SetTable { finger: table.finger, ..result };
    }

    /// `set_difference` (`difference`, `-`).
    pub fn difference(&self, other: &Other) -> Result<Arc<Set>, Value> {
        let result = self.snapshot().difference(&other.operand())?;
        Ok(Set::new(self.frozen, result))
    }

    /// `set_difference_update_internal` (`difference_update`, `-=`).
    pub fn difference_update(self: &Arc<Set>, other: &Other) -> Result<(), Value> {
        self.remove_with(other, SetTable::difference_update)
    }

    /// Applies `change` with `other`. With this set itself, `x - x` and `x ^ x` leave nothing,
    /// and CPython clears the table instead.
    fn remove_with(
        self: &Arc<Set>,
        other: &Other,
        change: fn(&mut SetTable, &Operand<'_>) -> Result<(), Value>,
    ) -> Result<(), Value> {
        if other.is(self) {
            lock(&self.table).clear();
            return Ok(());
        }
        let operand = other.operand();
        change(&mut lock(&self.table), &operand)
    }

    /// `set_symmetric_difference` (`symmetric_difference`, `^`): a set of the other's keys,
    /// updated with this one's.
    pub fn symmetric_difference(&self, other: &Other) -> Result<Arc<Set>, Value> {
        let mine = self.snapshot();
        let mut result = mine.new_from(&other.operand())?;
        result.symmetric_difference_update(&Operand::Set(mine))?;
        Ok(Set::new(self.frozen, result))
    }

    /// `set_symmetric_difference_update` (`symmetric_difference_update`, `^=`).
    pub fn symmetric_difference_update(self: &Arc<Set>, other: &Other) -> Result<(), Value> {
        self.remove_with(other, SetTable::symmetric_difference_update)
    }

    pub fn is_subset(&self, other: &Other) -> Result<bool, Value> {
        self.snapshot().is_subset(&other.operand())
    }

    pub fn is_superset(&self, other: &Other) -> Result<bool, Value> {
        self.snapshot().is_superset(&other.operand())
    }

    pub fn is_disjoint(self: &Arc<Set>, other: &Other) -> Result<bool, Value> {
        if other.is(self) {
            return Ok(self.is_empty());
        }
        self.snapshot().is_disjoint(&other.operand())
    }

    /// Whether an element compares in Python (see `keys.rs`): the table alone cannot tell
    /// whether another set holds an equal one.
    pub fn needs_python(&self) -> bool {
        lock(&self.table).entries().any(|(key, _)| crate::keys::needs_python(key))
    }

    /// `==` between sets and frozensets: the same keys.
    pub fn equals(&self, other: &Set) -> bool {
        std::ptr::eq(self, other) || (self.len() == other.len() && self.is_subset_of(other))
    }

    /// `<=` between sets and frozensets.
    pub fn is_subset_of(&self, other: &Set) -> bool {
        std::ptr::eq(self, other) || self.snapshot().is_subset_of(&lock(&other.table))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int_set(keys: &[i64]) -> SetTable {
        let mut table = SetTable::new(PythonVersion::V3_13);
        for &key in keys {
            table.add(Value::Int(key), key);
        }
        table
    }

    fn order(table: &SetTable) -> Vec<i64> {
        table
            .keys()
            .iter()
            .map(|key| match key {
                Value::Int(i) => *i,
                _ => unreachable!("int keys"),
            })
            .collect()
    }

    #[test]
    fn colliding_keys_probe_like_cpython() {
        // CPython 3.13: {1, 17, 33, 2, 3} as added one by one prints {1, 2, 3, 33, 17}.
        assert_eq!(order(&int_set(&[1, 17, 33, 2, 3])), [1, 2, 3, 33, 17]);
        // A small table: 9 probes do not fit, so 17 jumps to slot 6 and 33 to slot 7.
        assert_eq!(order(&int_set(&[1, 17, 33])), [1, 17, 33]);
    }

    #[test]
    fn pop_follows_the_finger_and_dummies_are_reused() {
        let mut table = int_set(&[5, 1, 3]);
        assert!(matches!(table.pop(), Some(Value::Int(1))));
        assert!(matches!(table.pop(), Some(Value::Int(3))));
        table.add(Value::Int(9), 9); // 9 & 7 == 1: reuses the dummy left by 1
        assert_eq!(order(&table), [9, 5]);
        assert!(matches!(table.pop(), Some(Value::Int(5))));
        assert_eq!(table.len(), 1);
    }
}
