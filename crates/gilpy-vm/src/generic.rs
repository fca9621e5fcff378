//! Type expressions as annotations evaluate them: `list[int]` (`types.GenericAlias`, PEP 585)
//! and `int | None` (`types.UnionType`, PEP 604). A dataclass field `tags: list[str]` or a
//! module-level `cache: dict[str, int] | None = None` runs these when its class or module
//! body runs. They print as CPython prints them, call their origin, and combine with `|`.

use crate::text::Text;

use crate::value::{Native, NativeType, Value};
use crate::version::PythonVersion;
use crate::vm::{CallResult, Thread};

type Args = Vec<Value>;
type Kwargs = Vec<(Text, Value)>;

/// `list[int]`: the class subscripted, and what it was subscripted with.
struct GenericAlias {
    origin: Value,
    args: Vec<Value>,
}

/// `int | str | None`: its members, in order, each once.
struct UnionType {
    args: Vec<Value>,
}

static GENERIC_ALIAS: NativeType = NativeType {
    name: "GenericAlias",
    module: "types",
    methods: &[
        ("__repr__", alias_repr),
        ("__call__", alias_call),
        ("__or__", union_or),
        ("__ror__", union_ror),
        ("__eq__", type_expression_eq),
        ("__hash__", type_expression_hash),
    ],
};

static UNION_TYPE: NativeType = NativeType {
    name: "UnionType",
    module: "types",
    methods: &[
        ("__repr__", union_repr),
        ("__or__", union_or),
        ("__ror__", union_ror),
        ("__eq__", type_expression_eq),
        ("__hash__", type_expression_hash),
    ],
};

/// The built-in classes that `cls[...]` makes an alias of.
pub fn is_generic_builtin(name: &str) -> bool {
    matches!(name, "list" | "dict" | "set" | "frozenset" | "tuple" | "type")
}

/// `origin[key]`: a tuple key gives several arguments.
pub fn alias(origin: Value, key: &Value) -> Value {
    let args = match key {
        Value::Tuple(items) => items.to_vec(),
        other => vec![other.clone()],
    };
    Native::new(&GENERIC_ALIAS, GenericAlias { origin, args })
}

/// `_types`: what Python code needs to make the aliases itself (`collections.abc`'s
/// `__class_getitem__`, as CPython's is `classmethod(GenericAlias)`).
pub fn module() -> Vec<(&'static str, Value)> {
    vec![("GenericAlias", crate::builtins::builtin_function("GenericAlias", generic_alias))]
}

/// `GenericAlias(origin, args)`.
fn generic_alias(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    match args.as_slice() {
        [origin, key] => Ok(alias(origin.clone(), key)),
        _ => Err(thread.exception(
            "TypeError",
            format!("GenericAlias expected 2 arguments, got {}", args.len()),
        )),
    }
}

/// The members of a union, for `isinstance(x, int | str)`; None stands for `NoneType`.
pub fn union_members(thread: &Thread, value: &Value) -> Option<Vec<Value>> {
    let union = value.downcast::<UnionType>()?;
    Some(
        union
            .args
            .iter()
            .map(|member| match member {
                Value::None => Value::Class(thread.interp.class("NoneType")),
                other => other.clone(),
            })
            .collect(),
    )
}

/// Whether `value` may stand in a union: a class, None, or a type expression.
fn is_type_expression(value: &Value) -> bool {
    matches!(value, Value::Class(_) | Value::None)
        || value.downcast::<GenericAlias>().is_some()
        || value.downcast::<UnionType>().is_some()
}

/// `left | right` for type expressions (3.10+); `None` when it is no union.
pub fn union(thread: &Thread, left: &Value, right: &Value) -> Option<Value> {
    if thread.interp.version < PythonVersion::V3_10 {
        return None;
    }
    if !is_type_expression(left) || !is_type_expression(right) {
        return None;
    }
    if matches!((left, right), (Value::None, Value::None)) {
        return None;
    }
    let mut args: Vec<Value> = Vec::new();
    for side in [left, right] {
        let members = match side.downcast::<UnionType>() {
            Some(union) => union.args.clone(),
            None => vec![side.clone()],
        };
        for member in members {
            if !args.iter().any(|known| same_member(known, &member)) {
                args.push(member);
            }
        }
    }
    if args.len() == 1 {
        return args.pop();
    }
    Some(Native::new(&UNION_TYPE, UnionType { args }))
}

fn same_member(a: &Value, b: &Value) -> bool {
    a.is(b)
        || matches!((a, b), (Value::None, Value::None))
        || matches!((a.downcast::<GenericAlias>(), b.downcast::<GenericAlias>()),
            (Some(x), Some(y)) if x.origin.is(&y.origin) && x.args.len() == y.args.len()
                && x.args.iter().zip(&y.args).all(|(p, q)| same_member(p, q)))
}

/// How a type expression shows inside another: a built-in class by its name, another class
/// with its module, `...` and None as written, anything else by `repr`.
fn type_repr(thread: &mut Thread, value: &Value) -> Result<String, Value> {
    Ok(match value {
        Value::Class(class) => {
            let module = match class.lookup("__module__") {
                Some(Value::Str(module)) => module.to_string(),
                _ => "builtins".to_string(),
            };
            let name = match class.lookup("__qualname__") {
                Some(Value::Str(name)) => name.to_string(),
                _ => class.name.to_string(),
            };
            if module == "builtins" {
                name
            } else {
                format!("{module}.{name}")
            }
        }
        Value::None => "None".into(),
        other if crate::builtins::is_ellipsis(other) => "...".into(),
        // `Callable[[int], str]`: the parameters' list shows its items as type expressions.
        Value::List(list) => {
            let items = crate::value::lock(&list.items).clone();
            let parts: Vec<String> =
                items.iter().map(|item| type_repr(thread, item)).collect::<Result<_, _>>()?;
            format!("[{}]", parts.join(", "))
        }
        other => thread.repr_of(other)?,
    })
}

fn alias_repr(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let Some(alias) = args[0].downcast::<GenericAlias>() else { unreachable!("an alias") };
    let origin = type_repr(thread, &alias.origin)?;
    let inner = if alias.args.is_empty() {
        "()".to_string()
    } else {
        let parts: Vec<String> =
            alias.args.iter().map(|arg| type_repr(thread, arg)).collect::<Result<_, _>>()?;
        parts.join(", ")
    };
    Ok(Value::str(&format!("{origin}[{inner}]")))
}

fn alias_call(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let Some(alias) = args[0].downcast::<GenericAlias>() else { unreachable!("an alias") };
    let origin = alias.origin.clone();
    thread.call(&origin, args[1..].to_vec(), kwargs)
}

fn union_repr(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let Some(union) = args[0].downcast::<UnionType>() else { unreachable!("a union") };
    let parts: Vec<String> =
        union.args.iter().map(|arg| type_repr(thread, arg)).collect::<Result<_, _>>()?;
    Ok(Value::str(&parts.join(" | ")))
}

fn union_or(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    crate::builtins::arity(thread, "__or__", &args, 2, 2)?;
    Ok(union(thread, &args[0], &args[1]).unwrap_or_else(|| not_implemented(thread)))
}

fn union_ror(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    crate::builtins::arity(thread, "__ror__", &args, 2, 2)?;
    Ok(union(thread, &args[1], &args[0]).unwrap_or_else(|| not_implemented(thread)))
}

fn not_implemented(thread: &Thread) -> Value {
    crate::builtins::not_implemented(thread)
}

fn type_expression_eq(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    crate::builtins::arity(thread, "__eq__", &args, 2, 2)?;
    if !is_type_expression(&args[1]) {
        return Ok(not_implemented(thread));
    }
    let equal = match (args[0].downcast::<UnionType>(), args[1].downcast::<UnionType>()) {
        (Some(a), Some(b)) => {
            a.args.len() == b.args.len()
                && a.args.iter().all(|x| b.args.iter().any(|y| same_member(x, y)))
        }
        _ => same_member(&args[0], &args[1]),
    };
    Ok(Value::Bool(equal))
}

fn type_expression_hash(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let members = match (args[0].downcast::<GenericAlias>(), args[0].downcast::<UnionType>()) {
        (Some(alias), _) => {
            std::iter::once(&alias.origin).chain(alias.args.iter()).cloned().collect()
        }
        (_, Some(union)) => union.args.clone(),
        _ => Vec::new(),
    };
    let hash = members
        .iter()
        .fold(0i64, |hash, member| hash.wrapping_mul(31).wrapping_add(member.address() as i64));
    Ok(Value::Int(hash))
}
