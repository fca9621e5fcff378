//! The set table against a model: whatever the probing, resizing and slot reuse do, after any
//! sequence of operations a set holds exactly the keys a `BTreeSet` holds, each once, and the
//! set algebra agrees with the model's. Keys are chosen to collide (multiples of table sizes,
//! negatives, hashes past 2**61) and come as ints or as the floats equal to them. Seeded, and
//! run for both table flavours: 3.9 (deleted slots stay until a rebuild) and 3.10+. Whether the
//! order is CPython's is the parity program `set_order`'s business.

mod common;

use common::Rng;
use gilpy_vm::ops::py_hash;
use gilpy_vm::set::{Other, Set, SetTable};
use gilpy_vm::value::{lock, Value};
use gilpy_vm::version::PythonVersion;
use std::collections::BTreeSet;

/// Keys for these tests.
trait Keys {
    fn key(&mut self) -> i64;
    fn value(&mut self, key: i64) -> Value;
    fn keys(&mut self, max: usize) -> Vec<i64>;
}

impl Keys for Rng {
    fn key(&mut self) -> i64 {
        match self.below(4) {
            0 => self.below(40) as i64 - 20,
            1 => (self.below(16) as i64 - 4) * [8, 64, 1024][self.below(3)],
            2 => (1 << 61) - 2 + self.below(6) as i64,
            _ => -(self.below(1 << 40) as i64),
        }
    }

    /// The key as an int, or now and then as the float equal to it.
    fn value(&mut self, key: i64) -> Value {
        if key.abs() < 1 << 50 && self.below(5) == 0 {
            Value::Float(key as f64)
        } else {
            Value::Int(key)
        }
    }

    fn keys(&mut self, max: usize) -> Vec<i64> {
        (0..self.below(max)).map(|_| self.key()).collect()
    }
}

fn number(value: &Value) -> i64 {
    match value {
        Value::Int(i) => *i,
        Value::Float(f) => *f as i64,
        other => panic!("not a key of these tests: {other:?}"),
    }
}

fn hashed(value: Value) -> (Value, i64) {
    let hash = py_hash(&value).expect("numbers hash");
    (value, hash)
}

fn contents(set: &Set) -> Vec<i64> {
    let mut keys: Vec<i64> = set.keys().iter().map(number).collect();
    let count = keys.len();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), count, "a key is in the table twice");
    assert_eq!(set.len(), count, "len disagrees with the slots");
    keys
}

fn assert_holds(set: &Set, model: &BTreeSet<i64>, what: &str) {
    assert_eq!(contents(set), model.iter().copied().collect::<Vec<_>>(), "after {what}");
}

/// A set of random keys, its model, and the same keys as the other operand kinds.
fn operand(rng: &mut Rng, version: PythonVersion) -> (Other, BTreeSet<i64>) {
    let keys = rng.keys(30);
    let model: BTreeSet<i64> = keys.iter().copied().collect();
    let values: Vec<Value> = keys.iter().map(|&k| rng.value(k)).collect();
    let other = match rng.below(3) {
        0 => {
            let set = Set::new(rng.below(2) == 0, SetTable::new(version));
            for value in values {
                let (key, hash) = hashed(value);
                lock(&set.table).add(key, hash);
            }
            Other::Set(set)
        }
        1 => {
            let mut seen = BTreeSet::new();
            let unique = values.into_iter().filter(|v| seen.insert(number(v)));
            Other::Dict(unique.map(hashed).collect())
        }
        _ => Other::Items(values.into_iter().map(|v| Ok(hashed(v))).collect()),
    };
    (other, model)
}

fn run(seed: u64, version: PythonVersion) {
    let mut rng = Rng(seed);
    let mut set = Set::new(false, SetTable::new(version));
    let mut model = BTreeSet::new();
    for step in 0..400 {
        let what = format!("step {step} of seed {seed} ({})", version.as_str());
        match rng.below(12) {
            0..=3 => {
                for key in rng.keys(12) {
                    let (value, hash) = hashed(rng.value(key));
                    lock(&set.table).add(value, hash);
                    model.insert(key);
                }
            }
            4 | 5 => {
                for key in rng.keys(12) {
                    let (value, hash) = hashed(rng.value(key));
                    assert_eq!(
                        lock(&set.table).discard(&value, hash),
                        model.remove(&key),
                        "{what}"
                    );
                }
            }
            6 => {
                let popped = lock(&set.table).pop();
                match popped {
                    Some(value) => {
                        assert!(model.remove(&number(&value)), "{what}: popped a stranger")
                    }
                    None => assert!(model.is_empty(), "{what}: nothing to pop"),
                }
            }
            7 if rng.below(4) == 0 => {
                lock(&set.table).clear();
                model.clear();
            }
            7 => {
                let (other, keys) = operand(&mut rng, version);
                set.update(&other).unwrap();
                model.extend(keys);
            }
            8 => {
                let (other, keys) = operand(&mut rng, version);
                set.difference_update(&other).unwrap();
                model.retain(|k| !keys.contains(k));
            }
            9 => {
                let (other, keys) = operand(&mut rng, version);
                set.symmetric_difference_update(&other).unwrap();
                model = model.symmetric_difference(&keys).copied().collect();
            }
            10 => {
                let (other, keys) = operand(&mut rng, version);
                let union = set.copy();
                union.update(&other).unwrap();
                assert_holds(&union, &model.union(&keys).copied().collect(), &what);
                let both = model.intersection(&keys).copied().collect();
                assert_holds(&set.intersection(&other).unwrap(), &both, &what);
                let only = model.difference(&keys).copied().collect();
                assert_holds(&set.difference(&other).unwrap(), &only, &what);
                let either = model.symmetric_difference(&keys).copied().collect();
                assert_holds(&set.symmetric_difference(&other).unwrap(), &either, &what);
                assert_eq!(set.is_subset(&other).unwrap(), model.is_subset(&keys), "{what}");
                assert_eq!(set.is_superset(&other).unwrap(), model.is_superset(&keys), "{what}");
                assert_eq!(set.is_disjoint(&other).unwrap(), model.is_disjoint(&keys), "{what}");
            }
            _ => {
                let (other, keys) = operand(&mut rng, version);
                let result = set.intersection(&other).unwrap();
                set.take_table(&result);
                model.retain(|k| keys.contains(k));
            }
        }
        assert_holds(&set, &model, &what);
        for key in rng.keys(8) {
            let (value, hash) = hashed(rng.value(key));
            assert_eq!(lock(&set.table).contains(&value, hash), model.contains(&key), "{what}");
        }
        if rng.below(50) == 0 {
            set = set.copy(); // later steps run on a copied table
        }
    }
}

#[test]
fn sets_hold_what_a_model_holds() {
    for seed in 1..=60u64 {
        for version in [PythonVersion::V3_9, PythonVersion::V3_13] {
            run(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15), version);
        }
    }
}
