//! Code objects: what the compiler makes and the VM runs. `Op` is the one list of
//! instructions; each variant's comment gives its stack effect, `(inputs -- outputs)`, as in
//! CPython's `Python/bytecodes.c`.

use crate::text::Text;
use std::sync::atomic::{AtomicU32, Ordering};

use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

impl BinaryOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
            BinaryOp::Mul => "*",
            BinaryOp::TrueDiv => "/",
            BinaryOp::FloorDiv => "//",
            BinaryOp::Mod => "%",
            BinaryOp::Pow => "** or pow()",
            BinaryOp::LShift => "<<",
            BinaryOp::RShift => ">>",
            BinaryOp::And => "&",
            BinaryOp::Or => "|",
            BinaryOp::Xor => "^",
        }
    }

    /// The special method that implements it on classes, and its reflected form.
    pub fn dunder(self) -> (&'static str, &'static str) {
        match self {
            BinaryOp::Add => ("__add__", "__radd__"),
            BinaryOp::Sub => ("__sub__", "__rsub__"),
            BinaryOp::Mul => ("__mul__", "__rmul__"),
            BinaryOp::TrueDiv => ("__truediv__", "__rtruediv__"),
            BinaryOp::FloorDiv => ("__floordiv__", "__rfloordiv__"),
            BinaryOp::Mod => ("__mod__", "__rmod__"),
            BinaryOp::Pow => ("__pow__", "__rpow__"),
            BinaryOp::LShift => ("__lshift__", "__rlshift__"),
            BinaryOp::RShift => ("__rshift__", "__rrshift__"),
            BinaryOp::And => ("__and__", "__rand__"),
            BinaryOp::Or => ("__or__", "__ror__"),
            BinaryOp::Xor => ("__xor__", "__rxor__"),
        }
    }
}

impl BinaryOp {
    /// The special method of its augmented assignment (`+=`), tried before [`Self::dunder`].
    pub fn in_place_dunder(self) -> &'static str {
        match self {
            BinaryOp::Add => "__iadd__",
            BinaryOp::Sub => "__isub__",
            BinaryOp::Mul => "__imul__",
            BinaryOp::TrueDiv => "__itruediv__",
            BinaryOp::FloorDiv => "__ifloordiv__",
            BinaryOp::Mod => "__imod__",
            BinaryOp::Pow => "__ipow__",
            BinaryOp::LShift => "__ilshift__",
            BinaryOp::RShift => "__irshift__",
            BinaryOp::And => "__iand__",
            BinaryOp::Or => "__ior__",
            BinaryOp::Xor => "__ixor__",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CompareOp {
    /// The comparison on values that are totally ordered (small ints, the loop's fast path).
    #[inline]
    /// The operator with its operands swapped (`a < b` is `b > a`).
    pub fn reflected(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
            other => other,
        }
    }

    pub fn holds<T: Ord>(self, a: &T, b: &T) -> bool {
        match self {
            CompareOp::Lt => a < b,
            CompareOp::Le => a <= b,
            CompareOp::Eq => a == b,
            CompareOp::Ne => a != b,
            CompareOp::Gt => a > b,
            CompareOp::Ge => a >= b,
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            CompareOp::Lt => "<",
            CompareOp::Le => "<=",
            CompareOp::Eq => "==",
            CompareOp::Ne => "!=",
            CompareOp::Gt => ">",
            CompareOp::Ge => ">=",
        }
    }

    pub fn dunder(self) -> &'static str {
        match self {
            CompareOp::Lt => "__lt__",
            CompareOp::Le => "__le__",
            CompareOp::Eq => "__eq__",
            CompareOp::Ne => "__ne__",
            CompareOp::Gt => "__gt__",
            CompareOp::Ge => "__ge__",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// `( -- value)`
    LoadConst(u32),
    /// `( -- value)` a local slot
    LoadFast(u32),
    /// `( -- value value)` a `LoadFast` fused with the `LoadConst` after it, which stays in
    /// place: a jump to it, or the simulator (which counts instructions), runs it alone. As
    /// CPython's superinstructions (`LOAD_FAST_LOAD_FAST`): one dispatch for two.
    LoadFastLoadConst(u32),
    /// `( -- value value)` a `LoadFast` fused with the `LoadFast` after it, likewise.
    LoadFastLoadFast(u32),
    /// `( -- attribute)` a `LoadFast` fused with the `LoadAttr` after it, likewise: for
    /// `self.x`, an instance's own attribute is read through the local, with no reference to
    /// count up and down; anything else runs the two alone.
    LoadFastLoadAttr(u32),
    /// `(value -- )`
    StoreFast(u32),
    DeleteFast(u32),
    /// `( -- value)` a cell's contents (captured or `nonlocal` variables)
    LoadDeref(u32),
    StoreDeref(u32),
    /// `( -- )` empties the cell: `del` of a variable a nested function uses
    DeleteDeref(u32),
    /// `( -- cell)` the cell itself, to build a closure
    LoadClosure(u32),
    /// `( -- value)` module globals, then builtins; a name declared `global`, or any name a
    /// function does not bind
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// `( -- value)` a name in a module or class body: the body's own namespace (a class's,
    /// or the locals `exec` was given) first, then as `LoadGlobal`
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    /// `(object -- value)`
    LoadAttr(u32),
    /// `(object -- function object)` for a call `object.name(...)`: a function of the class
    /// and the object it is called on, without making a bound method (CPython's
    /// `LOAD_METHOD`); `(object -- attribute None)` for any other attribute
    LoadMethod(u32),
    /// `(value object -- )`
    StoreAttr(u32),
    /// `(object -- )`
    DeleteAttr(u32),
    /// `(container key -- value)`
    Subscript,
    /// `(value container key -- )`
    StoreSubscript,
    DeleteSubscript,
    /// `(left right -- result)`
    Binary(BinaryOp),
    /// `(left right -- result)`, trying `__iadd__` and friends, in place for lists
    Inplace(BinaryOp),
    /// `(value -- result)`
    Negative,
    Positive,
    Not,
    Invert,
    /// `(left right -- bool)`
    Compare(CompareOp),
    /// `(left right -- bool)`: `is` (false) or `is not` (true)
    Is(bool),
    /// `(item container -- bool)`: `in` (false) or `not in` (true)
    Contains(bool),
    /// `(value -- )`
    Pop,
    /// `(a -- a a)`
    Dup,
    /// `(a b -- b a)`
    Swap,
    /// `(a b c -- c a b)`
    Rotate3,
    Jump(u32),
    /// A backward jump: an eval-breaker check point from 3.10 on.
    JumpBackward(u32),
    /// `(condition -- )`
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    /// `(condition -- condition?)` for `and` / `or`: jumps keeping it, or pops and falls through
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    /// `(iterable -- iterator)`
    GetIter,
    /// `(iterator -- iterator next)`, or pops the iterator and jumps when it is exhausted
    ForIter(u32),
    /// `(callable arg1 .. argN -- result)`
    Call(u32),
    /// `(function object arg1 .. argN -- result)` after `LoadMethod`: `Call(N + 1)` with the
    /// object first; `(attribute None arg1 .. argN -- result)`: `Call(N)`
    CallMethod(u32),
    /// `(callable arg1 .. argN kwnames -- result)`: the last `kwnames.len()` args are keywords
    CallKw(u32),
    /// `(callable args_tuple kwargs_dict -- result)`
    CallEx,
    /// `(defaults? kw_defaults? annotations? closure? code qualname -- function)`; flags:
    /// 1 defaults, 2 keyword defaults, 8 annotations (a dict), 4 closure
    MakeFunction(u32),
    /// `(item1 .. itemN -- tuple)`
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    /// `( -- set)` from a tuple constant, as CPython 3.9+ builds a display of three or more
    /// constants: a frozenset of them (added first to last) merged into an empty set
    BuildConstSet(u32),
    /// `(key1 value1 .. keyN valueN -- dict)`
    BuildDict(u32),
    /// `(start stop step -- slice)`
    BuildSlice,
    /// `(part1 .. partN -- str)`
    BuildString(u32),
    /// `(value spec? -- str)`; flags: conversion 0 none, 1 str, 2 repr, 3 ascii; +4 has spec
    FormatValue(u32),
    /// `(list .. item -- list ..)`: appends to the list `depth` below the top
    ListAppend(u32),
    ListExtend(u32),
    /// `(set .. item -- set ..)`: adds to the set `depth` below the top
    SetAdd(u32),
    /// `(set .. iterable -- set ..)`
    SetUpdate(u32),
    /// `(list -- tuple)`
    ListToTuple,
    /// `(callable iterable -- callable tuple)`: `f(*args)`'s one starred argument, as
    /// CALL_FUNCTION_EX takes it (its error names the function)
    ArgsToTuple,
    /// `(callable args dict mapping -- callable args dict)`: `f(**kwargs)`, CPython's DICT_MERGE
    /// (its error names the function)
    KwargsMerge,
    /// `(dict .. key value -- dict ..)`
    DictSet(u32),
    DictUpdate(u32),
    /// `(sequence -- itemN .. item1)`
    Unpack(u32),
    /// `(sequence -- after.. star before..)`: before, after counts
    UnpackEx(u32, u32),
    /// `(value -- )` ends the frame
    Return,
    /// `(value -- sent)`: suspends a generator, handing `value` to whoever resumed it; resuming
    /// pushes the sent value (None from `next`)
    YieldValue,
    /// `(iterator sent -- result)`: sends `sent` on to the sub-iterator and yields what it
    /// yields, round after round (each resumption pushes the next `sent`); when it is done,
    /// pushes what it returned (a sub-generator's return value, else None)
    YieldFrom,
    /// `(object -- awaitable)`: a coroutine as it is, else what `__await__()` returns; the
    /// `YieldFrom` that follows drives it
    GetAwaitable,
    /// `(exception -- )`: an `except*` clause handles its match from here (`PopExcept` ends it)
    PushExcInfo,
    /// `(rest class -- rest' match matched)`: an `except*` clause splits what is still
    /// unmatched by `class` (a lone exception matches as a group of one)
    ExceptStarMatch,
    /// `(orig raised rest -- result is_exception)`: after the `except*` clauses, what goes on
    /// up: the unmatched and re-raised part of `orig`, with what the clauses raised
    PrepReraiseStar,
    /// `(object -- aiterator)`: `async for` calls `__aiter__`
    GetAIter,
    /// `(aiterator -- aiterator awaitable)`: calls `__anext__`, whose result is awaited next
    GetANext,
    /// `(aiterator exception -- )`: the handler of an `async for` step: StopAsyncIteration
    /// ends the loop, anything else is raised again
    EndAsyncFor,
    /// `(value -- marked)`: in an async generator, marks a value it yields from what its
    /// `await`s pass up to the event loop (CPython's `_PyAsyncGenWrappedValue`)
    AsyncGenWrap,
    /// `(manager -- aexit awaitable)`: `async with` looks up `__aexit__` and calls `__aenter__`
    BeforeAsyncWith,
    /// `(aexit -- awaitable)`: calls `__aexit__(None, None, None)`
    CallAsyncExit,
    /// `(aexit exception -- exception awaitable)`: calls `__aexit__(type, exception, tb)`
    CallAsyncExitWithException,
    /// `(exception suppress -- )`: ends an `async with` handler, re-raising the exception
    /// unless `__aexit__` returned true
    ReraiseUnlessSuppressed,
    /// `(exception? cause? -- )`: 0 re-raise the one being handled, 1 raise, 2 raise from
    Raise(u32),
    /// Pushes an exception handler at the target for the instructions up to `PopBlock`.
    SetupExcept(u32),
    PopBlock,
    /// `(exception class -- exception bool)`
    ExceptionMatches,
    /// Ends an `except` clause: the exception handled is no longer current.
    PopExcept,
    /// `(exception -- )` re-raises the exception on the stack, keeping its traceback
    Reraise,
    /// `(manager -- exit enter_result)`: calls `__enter__`, keeps the bound `__exit__`
    BeforeWith,
    /// `(exit -- result)`: leaving a `with` block normally: `__exit__(None, None, None)`, run as
    /// a call from this loop (so a Python `__exit__` is a frame here, not a nested loop)
    ExitWith,
    /// `(exit exception -- )`: leaving it by an exception: `__exit__(type, exc, None)`; a true
    /// result swallows the exception, anything else raises it again
    ExceptWith,
    /// `(level fromlist -- module)`
    ImportName(u32),
    /// `(module -- module attribute)`
    ImportFrom(u32),
    /// `(body_function name bases.. -- class)` with the base count
    BuildClass(u32),
    /// `(body_function name bases.. metaclass -- class)` with the base count
    BuildClassWithMetaclass(u32),
    /// `(value -- )` prints the repr of expression statements (interactive mode; unused)
    Nop,
    /// The start of every function: an eval-breaker check point from 3.10 on.
    Resume,
}

/// Where an op's expression stands in the source, as CPython 3.11+'s `co_positions`: its first
/// and last lines, and the 1-based character columns where it starts and ends (exclusive).
/// Tracebacks underline it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Position {
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

/// A compiled function, class body or module.
pub struct Code {
    pub name: Text,
    pub qualname: Text,
    pub filename: Text,
    pub ops: Vec<Op>,
    /// The source line of each op: its expression's first line, else its statement's.
    pub lines: Vec<u32>,
    /// The source span of each op's expression (or statement).
    pub positions: Vec<Position>,
    /// Whether the eval breaker is checked before each op (the version's check sites).
    pub check_sites: Vec<bool>,
    pub consts: Vec<Value>,
    pub names: Vec<Text>,
    /// Parameters first: positional, then keyword-only, then `*args`, then `**kwargs`.
    pub local_names: Vec<Text>,
    /// Locals that live in cells because an inner function captures them.
    pub cell_names: Vec<Text>,
    /// Cells this function receives from its closure.
    pub free_names: Vec<Text>,
    /// Positional parameters, of which the first `posonly_count` cannot be given by keyword.
    pub arg_count: u32,
    pub posonly_count: u32,
    pub kwonly_count: u32,
    pub has_varargs: bool,
    pub has_varkw: bool,
    pub is_generator: bool,
    /// `async def`: calling it makes a coroutine (a generator that `await` may drive).
    pub is_coroutine: bool,
    /// An `async def` with `yield` (see `stdlib/_gilpy_asyncgen.py`).
    pub is_async_generator: bool,
    /// Module and class bodies use name lookups in a dict instead of fast locals.
    pub uses_names: bool,
    /// For each name: the slot in the globals table where it was last found (`u32::MAX`:
    /// unknown). An inline cache, as CPython specialises `LOAD_GLOBAL`; a hit is checked by
    /// comparing the key in that slot, so a stale hint only costs the normal lookup.
    pub global_hints: Vec<AtomicU32>,
    /// For each name: the position in an instance's `__dict__` where it was last found as an
    /// attribute. Instances of a class set their attributes in the same order, so one hint
    /// serves them all (CPython's `LOAD_ATTR_INSTANCE_VALUE` caches the index so).
    pub attribute_hints: Vec<AtomicU32>,
    /// The docstring, for a function's `__doc__`.
    pub doc: Option<Text>,
}

impl Code {
    pub fn global_hint(&self, name_index: u32) -> Option<usize> {
        let hint = self.global_hints.get(name_index as usize)?.load(Ordering::Relaxed);
        (hint != u32::MAX).then_some(hint as usize)
    }

    pub fn set_global_hint(&self, name_index: u32, slot: usize) {
        if let Some(hint) = self.global_hints.get(name_index as usize) {
            hint.store(slot as u32, Ordering::Relaxed);
        }
    }
}
