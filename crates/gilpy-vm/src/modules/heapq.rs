//! `_heapq`: `heappush`, `heappop`, `heapify`, `heapreplace` and `heappushpop` in Rust, as
//! CPython's `Modules/_heapqmodule.c` replaces the ones `heapq.py` defines: the same sift
//! steps, so the same comparisons in the same order and the same heap. Items are compared with
//! `<`, which may run Python (`__lt__`), so no lock is held while comparing, and a list that
//! changes size meanwhile raises RuntimeError, as in CPython.

use crate::text::Text;
use std::sync::Arc;

use crate::code::CompareOp;
use crate::value::{lock, List, Value};
use crate::vm::{CallResult, Thread};

type Args = Vec<Value>;
type Kwargs = Vec<(Text, Value)>;

pub fn module() -> Vec<(&'static str, Value)> {
    use crate::builtins::builtin_function as builtin;
    vec![
        ("heappush", builtin("heappush", heappush)),
        ("heappop", builtin("heappop", heappop)),
        ("heapify", builtin("heapify", heapify)),
        ("heapreplace", builtin("heapreplace", heapreplace)),
        ("heappushpop", builtin("heappushpop", heappushpop)),
    ]
}

/// The list argument (a list subclass too), after checking how many arguments came.
fn heap_and_item(
    thread: &Thread,
    name: &str,
    args: &Args,
    count: usize,
) -> Result<Arc<List>, Value> {
    if args.len() != count {
        let message = match count {
            1 => format!("_heapq.{name}() takes exactly one argument ({} given)", args.len()),
            _ => format!("{name} expected {count} arguments, got {}", args.len()),
        };
        return Err(thread.exception("TypeError", message));
    }
    match args[0].builtin_base() {
        Value::List(list) => Ok(list.clone()),
        _ if thread.interp.version == crate::version::PythonVersion::V3_9 => {
            Err(thread.exception("TypeError", "heap argument must be a list"))
        }
        other => {
            let which = if count == 1 { "argument" } else { "argument 1" };
            let message =
                format!("{name}() {which} must be list, not {}", crate::ops::type_name(other));
            Err(thread.exception("TypeError", message))
        }
    }
}

/// `a < b`: ints, strs and tuples of them without the VM (as `sorted` compares them), the
/// rest through it.
fn less(thread: &mut Thread, a: &Value, b: &Value) -> Result<bool, Value> {
    if let Some(less) = crate::builtins::plain_less(a, b) {
        return Ok(less);
    }
    let result = thread.compare(CompareOp::Lt, a, b)?;
    thread.truth(&result)
}

fn index_error(thread: &Thread) -> Value {
    thread.exception("IndexError", "index out of range")
}

fn changed_size(thread: &Thread) -> Value {
    thread.exception("RuntimeError", "list changed size during iteration")
}

/// Moves the item at `pos` up towards `start` while it is smaller than its parent.
fn sift_down(thread: &mut Thread, heap: &List, start: usize, mut pos: usize) -> Result<(), Value> {
    let size = lock(&heap.items).len();
    if pos >= size {
        return Err(index_error(thread));
    }
    while pos > start {
        let parent = (pos - 1) >> 1;
        let (item, above) = {
            let items = lock(&heap.items);
            match (items.get(pos), items.get(parent)) {
                (Some(item), Some(above)) => (item.clone(), above.clone()),
                _ => return Err(changed_size(thread)),
            }
        };
        let smaller = less(thread, &item, &above)?;
        let mut items = lock(&heap.items);
        if items.len() != size {
            return Err(changed_size(thread));
        }
        if !smaller {
            break;
        }
        items.swap(parent, pos);
        pos = parent;
    }
    Ok(())
}

/// Moves the smaller child up until `pos` is a leaf, then the item there up to its place.
fn sift_up(thread: &mut Thread, heap: &List, mut pos: usize) -> Result<(), Value> {
    let end = lock(&heap.items).len();
    let start = pos;
    if pos >= end {
        return Err(index_error(thread));
    }
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let (left, right) = {
                let items = lock(&heap.items);
                match (items.get(child), items.get(child + 1)) {
                    (Some(left), Some(right)) => (left.clone(), right.clone()),
                    _ => return Err(changed_size(thread)),
                }
            };
            if !less(thread, &left, &right)? {
                child += 1;
            }
            if lock(&heap.items).len() != end {
                return Err(changed_size(thread));
            }
        }
        let mut items = lock(&heap.items);
        if items.len() != end {
            return Err(changed_size(thread));
        }
        items.swap(child, pos);
        drop(items);
        pos = child;
    }
    sift_down(thread, heap, start, pos)
}

fn heappush(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let heap = heap_and_item(thread, "heappush", &args, 2)?;
    let last = {
        let mut items = lock(&heap.items);
        items.push(args[1].clone());
        items.len() - 1
    };
    sift_down(thread, &heap, 0, last)?;
    Ok(Value::None)
}

fn heappop(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let heap = heap_and_item(thread, "heappop", &args, 1)?;
    let smallest = {
        let mut items = lock(&heap.items);
        let Some(last) = items.pop() else { return Err(index_error(thread)) };
        match items.first_mut() {
            None => return Ok(last),
            Some(first) => std::mem::replace(first, last),
        }
    };
    sift_up(thread, &heap, 0)?;
    Ok(smallest)
}

fn heapreplace(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let heap = heap_and_item(thread, "heapreplace", &args, 2)?;
    let smallest = {
        let mut items = lock(&heap.items);
        let Some(first) = items.first_mut() else { return Err(index_error(thread)) };
        std::mem::replace(first, args[1].clone())
    };
    sift_up(thread, &heap, 0)?;
    Ok(smallest)
}

fn heappushpop(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let heap = heap_and_item(thread, "heappushpop", &args, 2)?;
    let item = args[1].clone();
    let Some(first) = lock(&heap.items).first().cloned() else { return Ok(item) };
    if !less(thread, &first, &item)? {
        return Ok(item);
    }
    let smallest = {
        let mut items = lock(&heap.items);
        let Some(first) = items.first_mut() else { return Err(index_error(thread)) };
        std::mem::replace(first, item)
    };
    sift_up(thread, &heap, 0)?;
    Ok(smallest)
}

/// Sifts every parent, the last first. (CPython visits them in a cache-friendlier order for
/// heaps over 2,500 items; it builds the same heap with the same comparisons.)
fn heapify(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let heap = heap_and_item(thread, "heapify", &args, 1)?;
    let n = lock(&heap.items).len();
    for pos in (0..n / 2).rev() {
        sift_up(thread, &heap, pos)?;
    }
    Ok(Value::None)
}
