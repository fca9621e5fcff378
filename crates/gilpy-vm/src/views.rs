//! `dict.keys()`, `values()` and `items()`: live views of the dict, as in CPython. They read
//! the dict when used, so a view taken before an insertion shows it; keys and items views also
//! combine with sets (`d.keys() & other`).

use crate::text::Text;
use std::sync::Arc;

use crate::code::BinaryOp;
use crate::value::{lock, Dict, DictPart, List, Native, NativeType, Value};
use crate::vm::{CallResult, Thread};

type Args = Vec<Value>;
type Kwargs = Vec<(Text, Value)>;

struct DictView(Arc<Dict>);

const SET_LIKE: &[(&str, crate::value::BuiltinFn)] = &[
    ("__len__", view_len),
    ("__iter__", view_iter),
    ("__contains__", view_contains),
    ("__repr__", view_repr),
    ("__eq__", view_eq),
    ("__and__", view_and),
    ("__or__", view_or),
    ("__sub__", view_sub),
    ("__xor__", view_xor),
    ("__rand__", view_and),
    ("__ror__", view_or),
    ("__rsub__", view_rsub),
    ("__rxor__", view_xor),
    ("isdisjoint", view_isdisjoint),
];

static KEYS: NativeType = NativeType { name: "dict_keys", module: "builtins", methods: SET_LIKE };
static ITEMS: NativeType = NativeType { name: "dict_items", module: "builtins", methods: SET_LIKE };
static VALUES: NativeType = NativeType {
    name: "dict_values",
    module: "builtins",
    methods: &[
        ("__len__", view_len),
        ("__iter__", view_iter),
        ("__contains__", view_contains),
        ("__repr__", view_repr),
    ],
};

pub fn keys(dict: &Arc<Dict>) -> Value {
    Native::new(&KEYS, DictView(dict.clone()))
}

pub fn values(dict: &Arc<Dict>) -> Value {
    Native::new(&VALUES, DictView(dict.clone()))
}

pub fn items(dict: &Arc<Dict>) -> Value {
    Native::new(&ITEMS, DictView(dict.clone()))
}

/// What the view shows now.
fn contents(view: &Value) -> Vec<Value> {
    let (Value::Native(native), Some(DictView(dict))) = (view, view.downcast::<DictView>()) else {
        unreachable!("view methods get a view")
    };
    let entries = lock(&dict.entries);
    match native.kind.name {
        "dict_keys" => entries.keys().map(|key| key.0.clone()).collect(),
        "dict_values" => entries.values().cloned().collect(),
        _ => entries.iter().map(|(k, v)| Value::tuple(vec![k.0.clone(), v.clone()])).collect(),
    }
}

fn view_len(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let Some(DictView(dict)) = args[0].downcast::<DictView>() else { unreachable!("a view") };
    Ok(Value::Int(lock(&dict.entries).len() as i64))
}

fn view_iter(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let (Value::Native(native), Some(DictView(dict))) = (&args[0], args[0].downcast::<DictView>())
    else {
        unreachable!("view methods get a view")
    };
    let part = match native.kind.name {
        "dict_keys" => DictPart::Keys,
        "dict_values" => DictPart::Values,
        _ => DictPart::Items,
    };
    let iterator = crate::builtins::dict_iterator(dict, part);
    Ok(Value::Iterator(Arc::new(std::sync::Mutex::new(iterator))))
}

fn view_contains(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let found = crate::builtins::contains(thread, &List::new(contents(&args[0])), &args[1])?;
    Ok(Value::Bool(found))
}

fn view_repr(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let Value::Native(native) = &args[0] else { unreachable!("a view") };
    let items = thread.repr_of(&List::new(contents(&args[0])))?;
    Ok(Value::str(&format!("{}({items})", native.kind.name)))
}

/// The view's contents and `other`'s items as sets.
fn as_sets(thread: &mut Thread, view: &Value, other: &Value) -> Result<(Value, Value), Value> {
    let mine = crate::builtins::new_set(thread, contents(view))?;
    let items = crate::builtins::collect(thread, other)?;
    Ok((mine, crate::builtins::new_set(thread, items)?))
}

fn set_operation(thread: &mut Thread, args: &Args, op: BinaryOp, swapped: bool) -> CallResult {
    let (mine, theirs) = as_sets(thread, &args[0], &args[1])?;
    match swapped {
        false => thread.binary(op, mine, theirs, false),
        true => thread.binary(op, theirs, mine, false),
    }
}

fn view_and(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    set_operation(thread, &args, BinaryOp::And, false)
}

fn view_or(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    set_operation(thread, &args, BinaryOp::Or, false)
}

fn view_sub(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    set_operation(thread, &args, BinaryOp::Sub, false)
}

fn view_rsub(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    set_operation(thread, &args, BinaryOp::Sub, true)
}

fn view_xor(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    set_operation(thread, &args, BinaryOp::Xor, false)
}

fn view_eq(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let other = &args[1];
    let set_like = matches!(other, Value::Set(_))
        || matches!(other, Value::Native(n) if std::ptr::eq(n.kind, &KEYS) || std::ptr::eq(n.kind, &ITEMS));
    if !set_like {
        return Ok(Value::Bool(false));
    }
    let (mine, theirs) = as_sets(thread, &args[0], other)?;
    Ok(Value::Bool(thread.equals(&mine, &theirs)?))
}

fn view_isdisjoint(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let common = set_operation(thread, &args, BinaryOp::And, false)?;
    Ok(Value::Bool(crate::builtins::length(thread, &common)? == 0))
}
