//! `_itertools`: `permutations` and `combinations` stepped in Rust, with the index steps of
//! CPython's `itertoolsmodule.c` (the same order of results). Their items are tuples of the
//! pool's values, so a step runs no Python: a brute-force search over 9! orders takes a
//! fraction of what the generator in `itertools.py` took.

use crate::text::Text;
use std::sync::{Arc, Mutex};

use crate::value::{Iter, Value};
use crate::vm::{CallResult, Thread};

type Args = Vec<Value>;
type Kwargs = Vec<(Text, Value)>;

pub fn module() -> Vec<(&'static str, Value)> {
    use crate::builtins::builtin_function as builtin;
    vec![
        ("permutations", builtin("permutations", permutations)),
        ("combinations", builtin("combinations", combinations)),
    ]
}

/// Where a `permutations` or `combinations` iterator is.
pub struct Arrangements {
    pool: Vec<Value>,
    r: usize,
    indices: Vec<usize>,
    /// `permutations` only: CPython's cycle counters.
    cycles: Vec<usize>,
    kind: Kind,
    started: bool,
    done: bool,
}

impl Arrangements {
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            Kind::Permutations => "permutations",
            Kind::Combinations => "combinations",
        }
    }
}

#[derive(PartialEq)]
enum Kind {
    Permutations,
    Combinations,
}

/// `(pool, r)`: the pool a tuple (`itertools.py` makes it one), `r` an int of at least 0
/// (`itertools.py` refuses a negative one).
fn pool_and_r(thread: &Thread, args: &Args) -> Result<(Vec<Value>, usize), Value> {
    let pool = match args.first() {
        Some(Value::Tuple(items)) => items.to_vec(),
        _ => Vec::new(),
    };
    let r = match args.get(1) {
        None | Some(Value::None) => pool.len(),
        Some(r) => crate::builtins::int_arg(thread, r)?.max(0) as usize,
    };
    Ok((pool, r))
}

fn iterator(arrangements: Arrangements) -> Value {
    Value::Iterator(Arc::new(Mutex::new(Iter::Arrangements(Box::new(arrangements)))))
}

fn permutations(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let (pool, r) = pool_and_r(thread, &args)?;
    let n = pool.len();
    Ok(iterator(Arrangements {
        indices: if r > n { Vec::new() } else { (0..n).collect() },
        cycles: (0..r.min(n)).map(|i| n - i).collect(),
        done: r > n,
        pool,
        r,
        kind: Kind::Permutations,
        started: false,
    }))
}

fn combinations(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let (pool, r) = pool_and_r(thread, &args)?;
    Ok(iterator(Arrangements {
        indices: if r > pool.len() { Vec::new() } else { (0..r).collect() },
        cycles: Vec::new(),
        done: r > pool.len(),
        pool,
        r,
        kind: Kind::Combinations,
        started: false,
    }))
}

impl Arrangements {
    fn current(&self) -> Value {
        Value::tuple(self.indices[..self.r].iter().map(|&i| self.pool[i].clone()).collect())
    }

    pub fn next(&mut self) -> Option<Value> {
        if self.done {
            return None;
        }
        if !self.started {
            self.started = true;
            return Some(self.current());
        }
        let advanced = match self.kind {
            Kind::Permutations => self.next_permutation(),
            Kind::Combinations => self.next_combination(),
        };
        if !advanced {
            self.done = true;
            return None;
        }
        Some(self.current())
    }

    fn next_permutation(&mut self) -> bool {
        let n = self.pool.len();
        if n == 0 {
            return false;
        }
        for i in (0..self.r).rev() {
            self.cycles[i] -= 1;
            if self.cycles[i] == 0 {
                // Move index i to the end, shifting the ones after it left.
                let moved = self.indices.remove(i);
                self.indices.push(moved);
                self.cycles[i] = n - i;
            } else {
                let j = self.cycles[i];
                self.indices.swap(i, n - j);
                return true;
            }
        }
        false
    }

    fn next_combination(&mut self) -> bool {
        let (n, r) = (self.pool.len(), self.r);
        let Some(i) = (0..r).rev().find(|&i| self.indices[i] != i + n - r) else {
            return false;
        };
        self.indices[i] += 1;
        for j in i + 1..r {
            self.indices[j] = self.indices[j - 1] + 1;
        }
        true
    }
}
