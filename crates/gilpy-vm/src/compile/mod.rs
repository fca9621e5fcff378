//! From the parser's AST to [`Code`]. The compiler never sees frames or values at run time;
//! the VM never sees the AST. What the subset does not support is a [`CompileError`] naming
//! the construct and its line, never a program that runs differently from CPython.

mod pattern;
mod scope;
pub mod warnings;

use crate::text::Text;
use std::collections::BTreeSet;
use std::sync::Arc;

use num_bigint::BigInt;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

use crate::code::{BinaryOp, Code, CompareOp, Op, Position};
use crate::ops::normalize;
use crate::syntax::LineIndex;
use crate::value::Value;
use crate::version::PythonVersion;
use scope::{parameter_names, Scan};

/// A construct the subset does not support, or a statement in the wrong place.
#[derive(Debug, Clone, PartialEq)]
pub struct CompileError {
    pub message: String,
    pub line: u32,
    pub column: u32,
    /// The exception class CPython would report: `SyntaxError` for misplaced statements,
    /// `RecursionError` for nesting too deep; `NotImplementedError` for constructs outside the
    /// subset.
    pub kind: &'static str,
    /// How many columns the report underlines: from 3.10, CPython underlines the node a
    /// compile-time SyntaxError is about, up to the end of its first line.
    pub width: u32,
}

/// How deeply expressions and statements may nest before compiling gives up, as CPython does
/// ("maximum recursion depth exceeded during compilation"); it keeps the compiler's own
/// recursion far from the end of the native or wasm stack.
const MAX_NESTING: u32 = 200;

type Result<T> = std::result::Result<T, CompileError>;

#[derive(Clone, Copy, PartialEq)]
enum ScopeKind {
    Module,
    Function,
    Class,
}

/// Where a name lives in the function being compiled.
enum NameSlot {
    Fast(u32),
    Deref(u32),
    Global,
    /// Module and class bodies: the namespace dict (with globals and builtins behind it).
    Name,
}

/// What leaving a block early (`return`, `break`, `continue`) must do.
#[derive(Clone)]
enum Handler {
    /// `try ... except`: just drop the handler.
    Except,
    /// `try ... finally`: run the finally body.
    Finally(Vec<Stmt>),
    /// `with`: call `__exit__(None, None, None)` (the bound method is on the stack).
    With,
    /// `async with`: call and await `__aexit__(None, None, None)`.
    AsyncWith,
    /// An `except` clause's body, with no block of its own: leaving it ends the handling of
    /// its exception (`PopExcept`), or a later exception would get it as `__context__`.
    Handling,
    /// An `except*` clause's body, which `break`, `continue` and `return` may not leave.
    ExceptStar,
}

struct Loop {
    start: usize,
    /// Jumps to patch to the loop's end.
    breaks: Vec<usize>,
    /// How many values the loop keeps on the stack (the iterator of a `for`).
    stack_items: u32,
    /// `try` blocks open when the loop started.
    handler_depth: usize,
}

/// One function (or module, or class body) being compiled.
struct Unit {
    kind: ScopeKind,
    name: Text,
    qualname: Text,
    ops: Vec<Op>,
    lines: Vec<u32>,
    positions: Vec<Position>,
    consts: Vec<Value>,
    names: Vec<Text>,
    local_names: Vec<Text>,
    cell_names: Vec<Text>,
    free_names: Vec<Text>,
    locals: BTreeSet<String>,
    globals: BTreeSet<String>,
    loops: Vec<Loop>,
    /// Open blocks with a handler, innermost last.
    handlers: Vec<Handler>,
    line: u32,
    /// The span of the innermost expression or statement being compiled: its ops' position.
    position: Position,
    is_generator: bool,
    is_coroutine: bool,
    /// An `async def` with `yield`: a generator whose `yield`s are marked (see
    /// `Op::AsyncGenWrap`), driven by `stdlib/_gilpy_asyncgen.py`.
    is_async_generator: bool,
    /// The function's docstring, for `__doc__`.
    doc: Option<Text>,
}

pub struct Compiler<'a> {
    filename: Text,
    lines: &'a LineIndex,
    version: PythonVersion,
    units: Vec<Unit>,
    nesting: u32,
    /// How many `try` bodies being compiled have a handler that catches ImportError: an
    /// import of a module gilpy lacks is refused before running, except in one of those.
    import_guards: u32,
    /// `from __future__ import annotations`: annotations are kept as their source text.
    postponed_annotations: bool,
    /// The SyntaxWarnings met so far (see [`warnings`]), by line.
    warnings: Vec<warnings::Warning>,
    /// Each string constant of the compilation, once: equal constants anywhere in a module
    /// are one object, as CPython's compiler merges them (`"a" is "a"`; and pickle writes
    /// the second as a reference to the first).
    strings: std::collections::HashMap<Box<str>, Text>,
}

impl<'a> Compiler<'a> {
    fn new(
        filename: &str,
        lines: &'a LineIndex,
        version: PythonVersion,
        postponed_annotations: bool,
    ) -> Compiler<'a> {
        Compiler {
            filename: Text::from(filename),
            lines,
            version,
            units: Vec::new(),
            nesting: 0,
            import_guards: 0,
            postponed_annotations,
            warnings: Vec::new(),
            strings: Default::default(),
        }
    }
}

pub fn compile_module(
    module: &ast::ModModule,
    filename: &str,
    lines: &LineIndex,
    version: PythonVersion,
) -> Result<Arc<Code>> {
    compile_module_warning(module, filename, lines, version).map(|(code, _)| code)
}

/// The code of `eval(source)`: the expression's value, returned.
pub fn compile_expression(
    expression: &ast::ModExpression,
    filename: &str,
    lines: &LineIndex,
    version: PythonVersion,
) -> Result<Arc<Code>> {
    let mut compiler = Compiler::new(filename, lines, version, false);
    compiler.push_unit(ScopeKind::Module, "<module>", BTreeSet::new(), &Scan::default(), &[]);
    compiler.expr(&expression.body)?;
    compiler.emit(Op::Return);
    Ok(compiler.pop_unit(None))
}

/// [`compile_module`], and the SyntaxWarnings CPython's compiler would print for it.
pub fn compile_module_warning(
    module: &ast::ModModule,
    filename: &str,
    lines: &LineIndex,
    version: PythonVersion,
) -> Result<(Arc<Code>, Vec<warnings::Warning>)> {
    let postponed_annotations = module.body.iter().any(imports_future_annotations);
    let mut compiler = Compiler::new(filename, lines, version, postponed_annotations);
    let scan = Scan::of_function(&[], &module.body);
    if let Some((range, message)) = &scan.misplaced_declaration {
        return Err(compiler.syntax_error(range, message));
    }
    if let Some((range, _)) = scan.nonlocal_statements.first() {
        return Err(
            compiler.syntax_error(range, "nonlocal declaration not allowed at module level")
        );
    }
    // Its `global` declarations matter where the module body runs with locals of its own
    // (`exec(code, globals, locals)`): the names go to the globals.
    compiler.push_unit(ScopeKind::Module, "<module>", BTreeSet::new(), &scan, &[]);
    compiler.setup_annotations(&module.body);
    compiler.body(&module.body)?;
    compiler.emit_const(Value::None);
    compiler.emit(Op::Return);
    let code = compiler.pop_unit(None);
    Ok((code, compiler.warnings))
}

impl<'a> Compiler<'a> {
    fn unit(&mut self) -> &mut Unit {
        self.units.last_mut().expect("a unit is always open")
    }

    fn line_of(&self, node: &impl Ranged) -> u32 {
        self.lines.line_column(node.start()).0
    }

    fn error(&self, node: &impl Ranged, message: String) -> CompileError {
        let (line, column) = self.lines.line_column(node.start());
        CompileError { message, line, column, kind: "NotImplementedError", width: 1 }
    }

    fn syntax_error(&self, node: &impl Ranged, message: &str) -> CompileError {
        let error = self.error(node, message.to_string());
        let width = if self.version >= PythonVersion::V3_10 {
            let (end_line, end_column) = self.lines.line_column(node.end());
            let line_end = self.lines.line_text(error.line).map_or(0, |text| text.chars().count());
            let end = if end_line == error.line { end_column } else { line_end as u32 + 1 };
            end.saturating_sub(error.column).max(1)
        } else {
            1
        };
        CompileError { kind: "SyntaxError", width, ..error }
    }

    /// Counts one level of nesting for the duration of `inner`.
    fn nested<T>(
        &mut self,
        node: &impl Ranged,
        inner: impl FnOnce(&mut Self) -> Result<T>,
    ) -> Result<T> {
        if self.nesting >= MAX_NESTING {
            return Err(CompileError {
                kind: "RecursionError",
                ..self.error(node, "maximum recursion depth exceeded during compilation".into())
            });
        }
        self.nesting += 1;
        let result = inner(self);
        self.nesting -= 1;
        result
    }

    fn position_of(&self, node: &impl Ranged) -> Position {
        let (line, column) = self.lines.line_column(node.start());
        let (end_line, end_column) = self.lines.line_column(node.end());
        Position { line, column, end_line, end_column }
    }

    /// Compiles a node whose span its ops carry (the innermost one wins), for tracebacks.
    fn at(
        &mut self,
        node: &impl Ranged,
        inner: impl FnOnce(&mut Self) -> Result<()>,
    ) -> Result<()> {
        let position = self.position_of(node);
        let saved = std::mem::replace(&mut self.unit().position, position);
        let result = self.nested(node, inner);
        self.unit().position = saved;
        result
    }

    /// Refuses, before the program runs, an import of a module gilpy does not have: it would
    /// run up to the import and then fail where CPython would not. A guarded import
    /// (`try: import numpy` / `except ImportError:`) runs, and fails as CPython's would.
    fn check_module(&self, node: &impl Ranged, name: &str) -> Result<()> {
        if self.import_guards > 0 || crate::builtins::is_module(name) {
            return Ok(());
        }
        let message = if crate::builtins::is_module(name.split('.').next().unwrap_or(name)) {
            format!("the module '{name}' is not supported by gilpy yet")
        } else {
            format!(
                "the module '{name}' is not supported by gilpy yet (it has {})",
                crate::builtins::public_modules().join(", ")
            )
        };
        Err(self.error(node, message))
    }

    fn unsupported(&self, node: &impl Ranged, construct: &str) -> CompileError {
        self.error(node, format!("{construct} is not supported by gilpy yet"))
    }

    fn push_unit(
        &mut self,
        kind: ScopeKind,
        name: &str,
        locals: BTreeSet<String>,
        scan: &Scan,
        parameters: &[String],
    ) {
        let qualname: Text = match self.units.last() {
            Some(parent) if parent.kind != ScopeKind::Module => {
                let separator = if parent.kind == ScopeKind::Function { ".<locals>." } else { "." };
                Text::from(format!("{}{separator}{name}", parent.qualname))
            }
            _ => Text::from(name),
        };
        let mut unit = Unit {
            kind,
            name: Text::from(name),
            qualname,
            ops: Vec::new(),
            lines: Vec::new(),
            positions: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            local_names: Vec::new(),
            cell_names: Vec::new(),
            free_names: Vec::new(),
            locals: BTreeSet::new(),
            globals: scan.globals.clone(),
            loops: Vec::new(),
            handlers: Vec::new(),
            // Where the enclosing code stands: a lambda or a comprehension has no statement of
            // its own to set it.
            line: self.units.last().map_or(1, |parent| parent.line),
            position: self.units.last().map_or_else(Position::default, |parent| parent.position),
            is_generator: false,
            is_coroutine: false,
            is_async_generator: false,
            doc: None,
        };
        if kind == ScopeKind::Function {
            // Parameters keep their order in the fast-local slots.
            for parameter in parameters {
                unit.local_names.push(Text::from(parameter.as_str()));
            }
            for local in &locals {
                if !parameters.contains(local) {
                    unit.local_names.push(Text::from(local.as_str()));
                }
            }
            // Locals captured by inner functions live in cells.
            for name in locals.intersection(&scan.nested_unresolved) {
                unit.cell_names.push(Text::from(name.as_str()));
            }
            unit.locals = locals;
            // Names from enclosing functions become free variables.
            // Class bodies are no closure scope, except for the `__class__` cell of super().
            let outer: Vec<BTreeSet<String>> = self
                .units
                .iter()
                .filter(|u| {
                    u.kind == ScopeKind::Function
                        || u.cell_names.iter().any(|n| &**n == "__class__")
                })
                .map(|u| {
                    // A class body lends its `__class__` cell, not its own names.
                    let own = match u.kind {
                        ScopeKind::Class => u.cell_names.iter().map(|n| n.to_string()).collect(),
                        _ => u.locals.clone(),
                    };
                    own.into_iter().chain(u.free_names.iter().map(|n| n.to_string())).collect()
                })
                .collect();
            for name in scan.unresolved() {
                if outer.iter().any(|names| names.contains(&name)) {
                    unit.free_names.push(Text::from(name.as_str()));
                }
            }
        }
        self.units.push(unit);
    }

    /// Closes the open unit; `parameters` is `None` for a module or class body.
    fn pop_unit(&mut self, parameters: Option<&ast::Parameters>) -> Arc<Code> {
        let unit = self.units.pop().expect("a unit is open");
        let every = self.version.checks_every_instruction();
        let check_sites: Vec<bool> = unit
            .ops
            .iter()
            .map(|op| {
                matches!(op, Op::Resume | Op::JumpBackward(_))
                    || (every
                        && !matches!(
                            op,
                            Op::LoadFast(_)
                                | Op::LoadConst(_)
                                | Op::StoreFast(_)
                                | Op::Pop
                                | Op::Dup
                                | Op::Swap
                                | Op::Rotate3
                                | Op::Nop
                                | Op::SetupExcept(_)
                        ))
            })
            .collect();
        let ops = fuse_loads(unit.ops, &check_sites);
        Arc::new(Code {
            name: unit.name,
            qualname: unit.qualname,
            filename: self.filename.clone(),
            ops,
            lines: unit.lines,
            positions: unit.positions,
            check_sites,
            consts: unit.consts.into_iter().map(|value| self.shared_constant(value)).collect(),
            global_hints: unit
                .names
                .iter()
                .map(|_| std::sync::atomic::AtomicU32::new(u32::MAX))
                .collect(),
            attribute_hints: unit
                .names
                .iter()
                .map(|_| std::sync::atomic::AtomicU32::new(u32::MAX))
                .collect(),
            names: unit.names,
            local_names: unit.local_names,
            cell_names: unit.cell_names,
            free_names: unit.free_names,
            arg_count: parameters.map_or(0, |p| (p.posonlyargs.len() + p.args.len()) as u32),
            posonly_count: parameters.map_or(0, |p| p.posonlyargs.len() as u32),
            kwonly_count: parameters.map_or(0, |p| p.kwonlyargs.len() as u32),
            has_varargs: parameters.is_some_and(|p| p.vararg.is_some()),
            has_varkw: parameters.is_some_and(|p| p.kwarg.is_some()),
            is_generator: unit.is_generator,
            is_coroutine: unit.is_coroutine,
            is_async_generator: unit.is_async_generator,
            uses_names: unit.kind != ScopeKind::Function,
            doc: unit.doc,
        })
    }

    fn emit(&mut self, op: Op) -> usize {
        let unit = self.unit();
        unit.ops.push(op);
        // The line of the innermost expression, as CPython numbers its instructions (an
        // error in the second line of a bracketed expression reports that line).
        let position = unit.position;
        let line = if position.line != 0 { position.line } else { unit.line };
        unit.lines.push(line);
        unit.positions.push(position);
        unit.ops.len() - 1
    }

    /// Emits `op` with the span of a node other than the one being compiled.
    fn emit_at(&mut self, position: Position, op: Op) -> usize {
        let saved = std::mem::replace(&mut self.unit().position, position);
        let at = self.emit(op);
        self.unit().position = saved;
        at
    }

    fn here(&mut self) -> usize {
        self.unit().ops.len()
    }

    fn patch(&mut self, at: usize) {
        let target = self.here() as u32;
        let op = &mut self.unit().ops[at];
        *op = match *op {
            Op::Jump(_) => Op::Jump(target),
            Op::PopJumpIfFalse(_) => Op::PopJumpIfFalse(target),
            Op::PopJumpIfTrue(_) => Op::PopJumpIfTrue(target),
            Op::JumpIfFalseOrPop(_) => Op::JumpIfFalseOrPop(target),
            Op::JumpIfTrueOrPop(_) => Op::JumpIfTrueOrPop(target),
            Op::ForIter(_) => Op::ForIter(target),
            Op::SetupExcept(_) => Op::SetupExcept(target),
            other => other,
        };
    }

    /// `value` with its strings (and those of the tuples it holds) the compilation's shared ones.
    fn shared_constant(&mut self, value: Value) -> Value {
        match value {
            Value::Str(text) => {
                let shared = self.strings.entry(Box::from(&*text)).or_insert(text);
                Value::Str(shared.clone())
            }
            Value::Tuple(items)
                if items.iter().any(|item| matches!(item, Value::Str(_) | Value::Tuple(_))) =>
            {
                let items = items.iter().map(|item| self.shared_constant(item.clone())).collect();
                Value::tuple(items)
            }
            other => other,
        }
    }

    fn emit_const(&mut self, value: Value) {
        let unit = self.unit();
        unit.consts.push(value);
        let index = unit.consts.len() as u32 - 1;
        self.emit(Op::LoadConst(index));
    }

    fn name_index(&mut self, name: &str) -> u32 {
        let unit = self.unit();
        if let Some(index) = unit.names.iter().position(|n| &**n == name) {
            return index as u32;
        }
        // Shared by the whole compilation, as CPython interns identifiers: `self.x` in one
        // method and in another name the same text, so an instance's key and the name read
        // compare by address (see `Instance::get_hinted`) and share attribute cache entries.
        let text = self.strings.entry(Box::from(name)).or_insert_with(|| Text::from(name)).clone();
        let unit = self.unit();
        unit.names.push(text);
        unit.names.len() as u32 - 1
    }

    fn slot(&mut self, name: &str) -> NameSlot {
        let unit = self.units.last().expect("a unit is open");
        if unit.kind == ScopeKind::Class && !unit.globals.contains(name) {
            if let Some(index) = unit.cell_names.iter().position(|n| &**n == name) {
                return NameSlot::Deref(index as u32);
            }
            // A variable of an enclosing function that the body or its methods use, and the
            // body does not assign, comes through the class's closure.
            if !unit.locals.contains(name) {
                if let Some(index) = unit.free_names.iter().position(|n| &**n == name) {
                    return NameSlot::Deref((unit.cell_names.len() + index) as u32);
                }
            }
        }
        if unit.kind != ScopeKind::Function {
            return if unit.globals.contains(name) { NameSlot::Global } else { NameSlot::Name };
        }
        if unit.globals.contains(name) {
            return NameSlot::Global;
        }
        let cells = unit.cell_names.iter().chain(unit.free_names.iter());
        if let Some(index) = cells.clone().position(|n| &**n == name) {
            return NameSlot::Deref(index as u32);
        }
        if let Some(index) = unit.local_names.iter().position(|n| &**n == name) {
            return NameSlot::Fast(index as u32);
        }
        NameSlot::Global
    }

    /// A module or class body with annotated names starts with an empty `__annotations__`.
    fn setup_annotations(&mut self, body: &[Stmt]) {
        if has_annotations(body) {
            self.emit(Op::BuildDict(0));
            self.store_name("__annotations__");
        }
    }

    fn load_name(&mut self, name: &str) {
        match self.slot(name) {
            NameSlot::Fast(index) => self.emit(Op::LoadFast(index)),
            NameSlot::Deref(index) => self.emit(Op::LoadDeref(index)),
            NameSlot::Global => {
                let index = self.name_index(name);
                self.emit(Op::LoadGlobal(index))
            }
            NameSlot::Name => {
                let index = self.name_index(name);
                self.emit(Op::LoadName(index))
            }
        };
    }

    fn store_name(&mut self, name: &str) {
        match self.slot(name) {
            NameSlot::Fast(index) => self.emit(Op::StoreFast(index)),
            NameSlot::Deref(index) => self.emit(Op::StoreDeref(index)),
            NameSlot::Global => {
                let index = self.name_index(name);
                self.emit(Op::StoreGlobal(index))
            }
            NameSlot::Name => {
                let index = self.name_index(name);
                self.emit(Op::StoreName(index))
            }
        };
    }

    /// Unbinds `name` (`del name`; a closure cell is emptied).
    fn delete_name(&mut self, name: &str) {
        match self.slot(name) {
            NameSlot::Fast(index) => self.emit(Op::DeleteFast(index)),
            NameSlot::Deref(index) => self.emit(Op::DeleteDeref(index)),
            NameSlot::Global => {
                let index = self.name_index(name);
                self.emit(Op::DeleteGlobal(index))
            }
            NameSlot::Name => {
                let index = self.name_index(name);
                self.emit(Op::DeleteName(index))
            }
        };
    }

    fn body(&mut self, body: &[Stmt]) -> Result<()> {
        body.iter().try_for_each(|stmt| self.stmt(stmt))
    }

    fn stmt(&mut self, stmt: &Stmt) -> Result<()> {
        self.at(stmt, |compiler| compiler.stmt_inner(stmt))
    }

    fn stmt_inner(&mut self, stmt: &Stmt) -> Result<()> {
        let line = self.line_of(stmt);
        self.unit().line = line;
        match stmt {
            Stmt::Expr(expr) => {
                self.expr(&expr.value)?;
                self.emit(Op::Pop);
            }
            Stmt::Assign(assign) if self.assign_without_tuple(assign)? => {}
            Stmt::Assign(assign) => {
                self.expr(&assign.value)?;
                for (index, target) in assign.targets.iter().enumerate() {
                    if index + 1 < assign.targets.len() {
                        self.emit(Op::Dup);
                    }
                    self.assign(target)?;
                }
            }
            Stmt::AnnAssign(assign) => {
                if let Some(value) = &assign.value {
                    self.expr(value)?;
                    self.assign(&assign.target)?;
                }
                // Module and class bodies keep the annotations of plain names.
                if let (Expr::Name(name), true) = (&*assign.target, assign.simple) {
                    if self.unit().kind != ScopeKind::Function {
                        if self.postponed_annotations {
                            let text = self.lines.text_of(&*assign.annotation).to_string();
                            self.emit_const(Value::str(&text));
                        } else {
                            self.expr(&assign.annotation)?;
                        }
                        self.load_name("__annotations__");
                        self.emit_const(Value::str(name.id.as_str()));
                        self.emit(Op::StoreSubscript);
                    }
                }
            }
            Stmt::AugAssign(assign) => self.aug_assign(assign)?,
            Stmt::Pass(_) => {}
            Stmt::If(if_stmt) => {
                self.expr(&if_stmt.test)?;
                let mut skip = self.emit(Op::PopJumpIfFalse(0));
                // `if TYPE_CHECKING:` never runs: what it imports is for type checkers only.
                let type_checking = is_type_checking(&if_stmt.test);
                self.import_guards += u32::from(type_checking);
                let body = self.body(&if_stmt.body);
                self.import_guards -= u32::from(type_checking);
                body?;
                let mut ends = Vec::new();
                for clause in &if_stmt.elif_else_clauses {
                    ends.push(self.emit(Op::Jump(0)));
                    self.patch(skip);
                    match &clause.test {
                        Some(test) => {
                            self.unit().line = self.line_of(test);
                            self.expr(test)?;
                            skip = self.emit(Op::PopJumpIfFalse(0));
                            self.body(&clause.body)?;
                        }
                        None => {
                            self.body(&clause.body)?;
                            skip = usize::MAX;
                        }
                    }
                }
                if skip != usize::MAX {
                    self.patch(skip);
                }
                ends.into_iter().for_each(|end| self.patch(end));
            }
            Stmt::While(while_stmt) => {
                let start = self.here();
                self.expr(&while_stmt.test)?;
                let exit = self.emit(Op::PopJumpIfFalse(0));
                self.loop_body(line, start, exit, 0, &while_stmt.body, &while_stmt.orelse)?;
            }
            Stmt::For(for_stmt) => {
                if for_stmt.is_async {
                    if !self.in_async_function() {
                        return Err(self.syntax_error(stmt, "'async for' outside async function"));
                    }
                    self.expr(&for_stmt.iter)?;
                    self.emit(Op::GetAIter);
                    let start = self.here();
                    let next = self.emit_async_next();
                    self.assign(&for_stmt.target)?;
                    let handler_depth = self.unit().handlers.len();
                    let stack_items = 1;
                    self.unit().loops.push(Loop {
                        start,
                        breaks: Vec::new(),
                        stack_items,
                        handler_depth,
                    });
                    self.body(&for_stmt.body)?;
                    self.unit().line = line;
                    self.emit(Op::JumpBackward(start as u32));
                    let finished = self.unit().loops.pop().expect("pushed above");
                    self.patch(next);
                    self.emit(Op::EndAsyncFor);
                    self.body(&for_stmt.orelse)?;
                    finished.breaks.into_iter().for_each(|b| self.patch(b));
                    return Ok(());
                }
                self.expr(&for_stmt.iter)?;
                self.emit(Op::GetIter);
                let start = self.here();
                // 3.13 points an error of the iteration at the iterable, 3.11 and 3.12 at the
                // whole `for` statement.
                let iteration = if self.version >= PythonVersion::V3_13 {
                    self.position_of(&*for_stmt.iter)
                } else {
                    self.unit().position
                };
                let exit = self.emit_at(iteration, Op::ForIter(0));
                self.assign(&for_stmt.target)?;
                self.loop_body(line, start, exit, 1, &for_stmt.body, &for_stmt.orelse)?;
            }
            Stmt::Break(_) => {
                let Some(depth) =
                    self.unit().loops.last().map(|l| (l.handler_depth, l.stack_items))
                else {
                    return Err(self.syntax_error(stmt, "'break' outside loop"));
                };
                self.refuse_leaving_except_star(stmt, depth.0)?;
                self.unwind_handlers(depth.0, false)?;
                for _ in 0..depth.1 {
                    self.emit(Op::Pop);
                }
                let jump = self.emit(Op::Jump(0));
                self.unit().loops.last_mut().expect("checked above").breaks.push(jump);
            }
            Stmt::Continue(_) => {
                let Some((start, depth)) =
                    self.unit().loops.last().map(|l| (l.start, l.handler_depth))
                else {
                    return Err(self.syntax_error(stmt, "'continue' not properly in loop"));
                };
                self.refuse_leaving_except_star(stmt, depth)?;
                self.unwind_handlers(depth, false)?;
                self.emit(Op::JumpBackward(start as u32));
            }
            Stmt::FunctionDef(function) => self.function_def(function)?,
            Stmt::ClassDef(class) => self.class_def(class)?,
            Stmt::Return(ret) => {
                if self.unit().kind != ScopeKind::Function {
                    return Err(self.syntax_error(stmt, "'return' outside function"));
                }
                self.refuse_leaving_except_star(stmt, 0)?;
                match &ret.value {
                    Some(_) if self.unit().is_async_generator => {
                        return Err(
                            self.syntax_error(stmt, "'return' with value in async generator")
                        );
                    }
                    Some(value) => self.expr(value)?,
                    None => self.emit_const(Value::None),
                }
                self.unwind_handlers(0, true)?;
                // The iterators of the loops it leaves go before it returns, as CPython pops
                // them: a generator freed so is closed now, its `finally` run.
                let loop_items: u32 = self.unit().loops.iter().map(|l| l.stack_items).sum();
                for _ in 0..loop_items {
                    self.emit(Op::Swap);
                    self.emit(Op::Pop);
                }
                self.emit(Op::Return);
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::Delete(delete) => {
                for target in &delete.targets {
                    self.at(target, |compiler| compiler.delete(target))?;
                }
            }
            Stmt::Raise(raise) => match (&raise.exc, &raise.cause) {
                (None, _) => {
                    self.emit(Op::Raise(0));
                }
                (Some(exc), None) => {
                    self.expr(exc)?;
                    self.emit(Op::Raise(1));
                }
                (Some(exc), Some(cause)) => {
                    self.expr(exc)?;
                    self.expr(cause)?;
                    self.emit(Op::Raise(2));
                }
            },
            Stmt::Try(try_stmt) => self.try_stmt(try_stmt)?,
            Stmt::Assert(assert) => {
                self.expr(&assert.test)?;
                let ok = self.emit(Op::PopJumpIfTrue(0));
                self.load_name("AssertionError");
                if let Some(message) = &assert.msg {
                    self.expr(message)?;
                    self.emit(Op::Call(1));
                }
                // CPython points at the test that failed (3.12 at the whole statement).
                let failed = if self.version == PythonVersion::V3_12 {
                    self.unit().position
                } else {
                    self.position_of(&*assert.test)
                };
                self.emit_at(failed, Op::Raise(1));
                self.patch(ok);
            }
            Stmt::Import(import) => {
                for alias in &import.names {
                    self.check_module(alias, &alias.name)?;
                    // ImportName leaves the module named; `import a.b` binds `a`, which
                    // importing `a.b` has imported first.
                    let index = self.name_index(&alias.name);
                    self.emit(Op::ImportName(index));
                    match &alias.asname {
                        Some(asname) => self.store_name(asname),
                        None => match alias.name.split_once('.') {
                            Some((top, _)) => {
                                self.emit(Op::Pop);
                                let index = self.name_index(top);
                                self.emit(Op::ImportName(index));
                                self.store_name(top);
                            }
                            None => self.store_name(&alias.name),
                        },
                    }
                }
            }
            Stmt::ImportFrom(import) => {
                let Some(module) = &import.module else {
                    return Err(self.unsupported(stmt, "relative import"));
                };
                if import.level > 0 {
                    return Err(self.unsupported(stmt, "relative import"));
                }
                self.check_module(module, module)?;
                let index = self.name_index(module);
                self.emit(Op::ImportName(index));
                for alias in &import.names {
                    if &*alias.name == "*" {
                        return Err(self.unsupported(stmt, "'from ... import *'"));
                    }
                    let index = self.name_index(&alias.name);
                    self.emit(Op::ImportFrom(index));
                    self.store_name(alias.asname.as_ref().unwrap_or(&alias.name));
                }
                self.emit(Op::Pop);
            }
            Stmt::With(with) => {
                if with.is_async && !self.in_async_function() {
                    return Err(self.syntax_error(stmt, "'async with' outside async function"));
                }
                self.with_stmt(with, &with.items)?;
            }
            // Before 3.10 `match` is a name, and the parser stops at what follows it.
            Stmt::Match(match_stmt) if self.version < PythonVersion::V3_10 => {
                return Err(self.syntax_error(&*match_stmt.subject, "invalid syntax"));
            }
            Stmt::Match(match_stmt) => self.match_stmt(match_stmt)?,
            Stmt::TypeAlias(_) => return Err(self.unsupported(stmt, "the 'type' statement")),
            Stmt::IpyEscapeCommand(_) => {
                return Err(self.unsupported(stmt, "an IPython escape command"))
            }
        }
        Ok(())
    }

    /// A loop's body, back-edge, `else` clause and `break` targets. `exit` is the jump taken
    /// when the loop ends normally; `stack_items` are what the loop keeps on the stack.
    fn loop_body(
        &mut self,
        line: u32,
        start: usize,
        exit: usize,
        stack_items: u32,
        body: &[Stmt],
        orelse: &[Stmt],
    ) -> Result<()> {
        let handler_depth = self.unit().handlers.len();
        self.unit().loops.push(Loop { start, breaks: Vec::new(), stack_items, handler_depth });
        self.body(body)?;
        self.unit().line = line;
        self.emit(Op::JumpBackward(start as u32));
        let finished = self.unit().loops.pop().expect("pushed above");
        self.patch(exit);
        self.body(orelse)?;
        finished.breaks.into_iter().for_each(|b| self.patch(b));
        Ok(())
    }

    /// Before leaving blocks early (`return`, `break`, `continue`): pop their handlers, run
    /// `finally` bodies and call `__exit__`s, innermost first, down to `depth` open blocks.
    /// With `value_on_top`, a return value sits above the blocks' stack items.
    fn unwind_handlers(&mut self, depth: usize, value_on_top: bool) -> Result<()> {
        let open: Vec<Handler> = self.unit().handlers[depth..].to_vec();
        for (offset, handler) in open.iter().enumerate().rev() {
            if let Handler::Handling = handler {
                self.emit(Op::PopExcept);
                continue;
            }
            self.emit(Op::PopBlock);
            match handler {
                Handler::Except | Handler::Handling | Handler::ExceptStar => {}
                Handler::Finally(finally_body) => {
                    // The finally body runs outside its own block.
                    let saved = self.unit().handlers.split_off(depth + offset);
                    let result = self.body(finally_body);
                    self.unit().handlers.extend(saved);
                    result?;
                }
                Handler::With | Handler::AsyncWith => {
                    if value_on_top {
                        self.emit(Op::Swap);
                    }
                    self.emit_exit_without_exception(matches!(handler, Handler::AsyncWith));
                }
            }
        }
        Ok(())
    }

    /// `with` and `async with` (which awaits what `__aenter__` and `__aexit__` return), one
    /// item at a time, innermost last.
    fn with_stmt(&mut self, with: &ast::StmtWith, items: &[ast::WithItem]) -> Result<()> {
        let Some((item, rest)) = items.split_first() else {
            return self.body(&with.body);
        };
        self.expr(&item.context_expr)?;
        if with.is_async {
            self.emit(Op::BeforeAsyncWith);
            self.emit_await();
        } else {
            self.emit(Op::BeforeWith);
        }
        match &item.optional_vars {
            Some(target) => self.assign(target)?,
            None => {
                self.emit(Op::Pop);
            }
        }
        let setup = self.emit(Op::SetupExcept(0));
        self.unit().handlers.push(if with.is_async { Handler::AsyncWith } else { Handler::With });
        self.with_stmt(with, rest)?;
        self.unit().handlers.pop();
        self.emit(Op::PopBlock);
        self.emit_exit_without_exception(with.is_async);
        let done = self.emit(Op::Jump(0));
        self.patch(setup);
        if with.is_async {
            self.emit(Op::CallAsyncExitWithException);
            self.emit_await();
            self.emit(Op::ReraiseUnlessSuppressed);
        } else {
            self.emit(Op::ExceptWith);
        }
        self.patch(done);
        Ok(())
    }

    /// `__exit__(None, None, None)` (awaited for `async with`), its result dropped.
    fn emit_exit_without_exception(&mut self, is_async: bool) {
        if is_async {
            self.emit(Op::CallAsyncExit);
            self.emit_await();
            self.emit(Op::Pop);
        } else {
            self.emit(Op::ExitWith);
            self.emit(Op::Pop);
        }
    }

    /// `break`, `continue` and `return` may not leave an `except*` clause (open above the
    /// handler depth `depth` they unwind to).
    fn refuse_leaving_except_star(&mut self, stmt: &Stmt, depth: usize) -> Result<()> {
        if self.unit().handlers[depth..].iter().any(|h| matches!(h, Handler::ExceptStar)) {
            let message = "'break', 'continue' and 'return' cannot appear in an except* block";
            return Err(self.syntax_error(stmt, message));
        }
        Ok(())
    }

    /// Whether the code being compiled may `await`: a coroutine or an async generator.
    fn in_async_function(&mut self) -> bool {
        let unit = self.unit();
        unit.is_coroutine || unit.is_async_generator
    }

    /// An `async for` step, with the asynchronous iterator on the stack: awaits its next item
    /// under a handler that `EndAsyncFor`, where the returned jump is patched, completes (it
    /// ends the loop on StopAsyncIteration and raises anything else on).
    fn emit_async_next(&mut self) -> usize {
        let setup = self.emit(Op::SetupExcept(0));
        self.emit(Op::GetANext);
        self.emit_await();
        self.emit(Op::PopBlock);
        setup
    }

    /// `(awaitable -- result)`: what `await` compiles to, as in CPython before 3.11.
    fn emit_await(&mut self) {
        self.emit(Op::GetAwaitable);
        self.emit_const(Value::None);
        self.emit(Op::YieldFrom);
    }

    fn try_stmt(&mut self, try_stmt: &ast::StmtTry) -> Result<()> {
        if try_stmt.is_star && self.version < PythonVersion::V3_11 {
            // Older parsers stop at the `*`.
            let handler = try_stmt.handlers.first().map_or(try_stmt.range(), |h| h.range());
            let star = self.lines.text_of(&handler).find('*').unwrap_or(0);
            let at = handler.start() + ruff_text_size::TextSize::from(star as u32);
            let star = ruff_text_size::TextRange::at(at, 1.into());
            return Err(self.syntax_error(&star, "invalid syntax"));
        }
        let has_finally = !try_stmt.finalbody.is_empty();
        let finally_setup = if has_finally {
            let setup = self.emit(Op::SetupExcept(0));
            self.unit().handlers.push(Handler::Finally(try_stmt.finalbody.to_vec()));
            Some(setup)
        } else {
            None
        };
        if try_stmt.is_star {
            self.try_star(try_stmt)?;
        } else if try_stmt.handlers.is_empty() {
            self.body(&try_stmt.body)?;
        } else {
            let setup = self.emit(Op::SetupExcept(0));
            self.unit().handlers.push(Handler::Except);
            let guards_imports = try_stmt.handlers.iter().any(catches_import_error);
            self.import_guards += u32::from(guards_imports);
            let body = self.body(&try_stmt.body);
            self.import_guards -= u32::from(guards_imports);
            body?;
            self.unit().handlers.pop();
            self.emit(Op::PopBlock);
            self.body(&try_stmt.orelse)?;
            let done = self.emit(Op::Jump(0));
            self.patch(setup);
            // The exception is on the stack; each clause tests it in turn.
            let mut ends = vec![done];
            for handler in &try_stmt.handlers {
                let ast::ExceptHandler::ExceptHandler(handler) = handler;
                self.unit().line = self.line_of(handler);
                let next = match &handler.type_ {
                    Some(class) => {
                        self.expr(class)?;
                        self.emit(Op::ExceptionMatches);
                        Some(self.emit(Op::PopJumpIfFalse(0)))
                    }
                    None => None,
                };
                match &handler.name {
                    Some(name) => self.store_name(name),
                    None => {
                        self.emit(Op::Pop);
                    }
                }
                self.unit().handlers.push(Handler::Handling);
                let body = self.body(&handler.body);
                self.unit().handlers.pop();
                body?;
                // As CPython: `except E as e` unbinds `e` when the clause ends, so the
                // exception (and its traceback's frames) does not outlive it.
                if let Some(name) = &handler.name {
                    self.emit_const(Value::None);
                    self.store_name(name);
                    self.delete_name(name);
                }
                self.emit(Op::PopExcept);
                ends.push(self.emit(Op::Jump(0)));
                if let Some(next) = next {
                    self.patch(next);
                }
            }
            // No clause matched: on up the handlers.
            self.emit(Op::Reraise);
            ends.into_iter().for_each(|end| self.patch(end));
        }
        if let Some(setup) = finally_setup {
            self.unit().handlers.pop();
            self.emit(Op::PopBlock);
            self.body(&try_stmt.finalbody)?;
            let done = self.emit(Op::Jump(0));
            self.patch(setup);
            // An exception: run the finally body, then raise it again.
            self.body(&try_stmt.finalbody)?;
            self.emit(Op::Reraise);
            self.patch(done);
        }
        Ok(())
    }

    /// `try ... except* T as e` (PEP 654), as CPython compiles it. The handler keeps the
    /// exception raised (`orig`), a list of what the clauses raise, and what no clause has
    /// matched yet (`rest`); each clause splits `rest` (`ExceptStarMatch`), and at the end
    /// `PrepReraiseStar` makes of them what goes on up, if anything.
    fn try_star(&mut self, try_stmt: &ast::StmtTry) -> Result<()> {
        let setup = self.emit(Op::SetupExcept(0));
        self.unit().handlers.push(Handler::Except);
        let body = self.body(&try_stmt.body);
        self.unit().handlers.pop();
        body?;
        self.emit(Op::PopBlock);
        self.body(&try_stmt.orelse)?;
        let done = self.emit(Op::Jump(0));
        self.patch(setup);
        // (orig) -> (orig raised rest)
        self.emit(Op::Dup);
        self.emit(Op::BuildList(0));
        self.emit(Op::Swap);
        for handler in &try_stmt.handlers {
            let ast::ExceptHandler::ExceptHandler(handler) = handler;
            self.unit().line = self.line_of(handler);
            let Some(class) = &handler.type_ else {
                return Err(self.syntax_error(handler, "expected one or more exception types"));
            };
            self.expr(class)?;
            // (orig raised rest class) -> (orig raised rest match matched)
            self.emit(Op::ExceptStarMatch);
            let unmatched = self.emit(Op::PopJumpIfFalse(0));
            // The clause handles its match (a bare `raise`, `sys.exception()`, a context).
            self.emit(Op::Dup);
            self.emit(Op::PushExcInfo);
            match &handler.name {
                Some(name) => self.store_name(name),
                None => {
                    self.emit(Op::Pop);
                }
            }
            let raised_here = self.emit(Op::SetupExcept(0));
            self.unit().handlers.push(Handler::ExceptStar);
            let body = self.body(&handler.body);
            self.unit().handlers.pop();
            body?;
            self.emit(Op::PopBlock);
            let unbind = |compiler: &mut Self| {
                if let Some(name) = &handler.name {
                    compiler.emit_const(Value::None);
                    compiler.store_name(name);
                    compiler.delete_name(name);
                }
            };
            unbind(self);
            self.emit(Op::PopExcept);
            let next = self.emit(Op::Jump(0));
            // (orig raised rest exception): the clause raised; it goes on the list.
            self.patch(raised_here);
            unbind(self);
            self.emit(Op::ListAppend(2));
            // What it raised, then its match, are handled no more.
            self.emit(Op::PopExcept);
            self.emit(Op::PopExcept);
            let after_raise = self.emit(Op::Jump(0));
            // (orig raised rest None): no match.
            self.patch(unmatched);
            self.emit(Op::Pop);
            self.patch(next);
            self.patch(after_raise);
        }
        // (orig raised rest) -> (result is_exception)
        self.emit(Op::PrepReraiseStar);
        let nothing = self.emit(Op::PopJumpIfFalse(0));
        self.emit(Op::Reraise);
        self.patch(nothing);
        self.emit(Op::Pop);
        self.emit(Op::PopExcept);
        self.patch(done);
        Ok(())
    }

    fn delete(&mut self, target: &Expr) -> Result<()> {
        match target {
            Expr::Name(name) => self.delete_name(&name.id),
            Expr::Subscript(subscript) => {
                self.expr(&subscript.value)?;
                self.expr(&subscript.slice)?;
                self.emit(Op::DeleteSubscript);
            }
            Expr::Attribute(attribute) => {
                self.expr(&attribute.value)?;
                let index = self.name_index(&attribute.attr);
                self.emit(Op::DeleteAttr(index));
            }
            other => return Err(self.unsupported(other, "this 'del' target")),
        }
        Ok(())
    }

    /// `a, b = b, a` (and three names) without the tuple: the values are pushed, put in
    /// target order by swaps, and stored left to right, as CPython's optimizer turns
    /// BUILD_TUPLE + UNPACK_SEQUENCE into SWAP. False, nothing emitted, for any other shape.
    fn assign_without_tuple(&mut self, assign: &ast::StmtAssign) -> Result<bool> {
        let elements = |expr: &Expr| match expr {
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. })
                if !elts.iter().any(Expr::is_starred_expr) =>
            {
                Some(elts.len())
            }
            _ => None,
        };
        let [target] = &assign.targets[..] else { return Ok(false) };
        let (Some(count @ (2 | 3)), Expr::Tuple(value)) = (elements(target), &*assign.value) else {
            return Ok(false);
        };
        if value.elts.len() != count || value.elts.iter().any(Expr::is_starred_expr) {
            return Ok(false);
        }
        for element in &value.elts {
            self.expr(element)?;
        }
        // (a b) -> (b a); (a b c) -> (c a b) -> (c b a): the first value on top.
        if count == 3 {
            self.emit(Op::Rotate3);
        }
        self.emit(Op::Swap);
        let (Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. })) =
            target
        else {
            unreachable!("checked above")
        };
        for element in elts {
            self.assign(element)?;
        }
        Ok(true)
    }

    fn assign(&mut self, target: &Expr) -> Result<()> {
        self.at(target, |compiler| compiler.assign_inner(target))
    }

    fn assign_inner(&mut self, target: &Expr) -> Result<()> {
        match target {
            Expr::Name(name) => self.store_name(&name.id),
            Expr::Attribute(attribute) => {
                self.expr(&attribute.value)?;
                let index = self.name_index(&attribute.attr);
                self.emit(Op::StoreAttr(index));
            }
            Expr::Subscript(subscript) => {
                self.expr(&subscript.value)?;
                self.expr(&subscript.slice)?;
                self.emit(Op::StoreSubscript);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                match elts.iter().position(|e| e.is_starred_expr()) {
                    None => {
                        self.emit(Op::Unpack(elts.len() as u32));
                    }
                    Some(star) => {
                        self.emit(Op::UnpackEx(star as u32, (elts.len() - star - 1) as u32));
                    }
                }
                for element in elts.iter() {
                    match element {
                        Expr::Starred(starred) => self.assign(&starred.value)?,
                        other => self.assign(other)?,
                    }
                }
            }
            other => return Err(self.syntax_error(other, "cannot assign to expression")),
        }
        Ok(())
    }

    fn aug_assign(&mut self, assign: &ast::StmtAugAssign) -> Result<()> {
        let op = binary_op(assign.op);
        match &*assign.target {
            Expr::Name(name) => {
                self.load_name(&name.id);
                self.expr(&assign.value)?;
                self.emit(Op::Inplace(op));
                self.store_name(&name.id);
            }
            Expr::Attribute(attribute) => {
                self.expr(&attribute.value)?;
                self.emit(Op::Dup);
                let index = self.name_index(&attribute.attr);
                self.emit(Op::LoadAttr(index));
                self.expr(&assign.value)?;
                self.emit(Op::Inplace(op));
                self.emit(Op::Swap);
                self.emit(Op::StoreAttr(index));
            }
            Expr::Subscript(subscript) => {
                // (container key) -> (container key container key) -> value
                self.expr(&subscript.value)?;
                self.expr(&subscript.slice)?;
                self.emit(Op::Swap);
                self.emit(Op::Dup);
                self.emit(Op::Rotate3);
                self.emit(Op::Swap);
                self.emit(Op::Dup);
                self.emit(Op::Rotate3);
                // (container key container key)
                self.emit(Op::Subscript);
                self.expr(&assign.value)?;
                self.emit(Op::Inplace(op));
                // (container key value) -> (value container key)
                self.emit(Op::Rotate3);
                self.emit(Op::StoreSubscript);
            }
            other => {
                return Err(self.syntax_error(other, "illegal expression for augmented assignment"))
            }
        }
        Ok(())
    }

    fn function_def(&mut self, function: &ast::StmtFunctionDef) -> Result<()> {
        if function.type_params.is_some() {
            return Err(self.unsupported(function, "type parameters"));
        }
        self.check_duplicate_parameters(function, &function.parameters)?;
        for decorator in &function.decorator_list {
            self.expr(&decorator.expression)?;
        }
        let parameters = parameter_names(&function.parameters);
        let scan = Scan::of_function(&parameters, &function.body);
        let is_generator = contains_yield(&function.body);
        let returns = function.returns.as_deref();
        self.make_function(&function.name, &function.parameters, returns, scan, |compiler| {
            compiler.unit().is_generator = is_generator || function.is_async;
            compiler.unit().is_coroutine = function.is_async && !is_generator;
            compiler.unit().is_async_generator = function.is_async && is_generator;
            compiler.unit().doc = docstring(&function.body);
            compiler.body(&function.body)?;
            compiler.emit_const(Value::None);
            compiler.emit(Op::Return);
            Ok(())
        })?;
        self.apply_decorators(&function.decorator_list, &function.name);
        self.store_name(&function.name);
        Ok(())
    }

    /// Calls the decorators on the definition atop the stack, the innermost first. An error
    /// in one points at it from 3.11, and at the `def` or `class` line before.
    fn apply_decorators(&mut self, decorators: &[ast::Decorator], name: &ast::Identifier) {
        for decorator in decorators.iter().rev() {
            let position = match self.version >= PythonVersion::V3_11 {
                true => self.position_of(&decorator.expression),
                false => Position { line: self.line_of(name), ..Position::default() },
            };
            self.emit_at(position, Op::Call(1));
        }
    }

    /// A parameter named twice is a SyntaxError (CPython's symtable): from 3.10 at the second
    /// one, before at the `def` or `lambda`.
    fn check_duplicate_parameters(
        &self,
        owner: &impl Ranged,
        parameters: &ast::Parameters,
    ) -> Result<()> {
        let mut seen = BTreeSet::new();
        for parameter in parameters.iter() {
            let name = parameter.name();
            if !seen.insert(name.as_str()) {
                let message = format!("duplicate argument '{name}' in function definition");
                return Err(match self.version >= PythonVersion::V3_10 {
                    true => self.syntax_error(name, &message),
                    false => self.syntax_error(owner, &message),
                });
            }
        }
        Ok(())
    }

    /// Compiles a function body with `emit_body` and leaves the function object on the stack.
    fn make_function(
        &mut self,
        name: &str,
        parameters: &ast::Parameters,
        returns: Option<&Expr>,
        scan: Scan,
        emit_body: impl FnOnce(&mut Self) -> Result<()>,
    ) -> Result<()> {
        let mut flags = 0;
        let positional: Vec<&ast::ParameterWithDefault> =
            parameters.posonlyargs.iter().chain(parameters.args.iter()).collect();
        let defaults: Vec<&Expr> = positional.iter().filter_map(|p| p.default.as_deref()).collect();
        if !defaults.is_empty() {
            for default in &defaults {
                self.expr(default)?;
            }
            self.emit(Op::BuildTuple(defaults.len() as u32));
            flags |= 1;
        }
        let kw_defaults: Vec<(&str, &Expr)> = parameters
            .kwonlyargs
            .iter()
            .filter_map(|p| p.default.as_deref().map(|d| (p.parameter.name.as_str(), d)))
            .collect();
        if !kw_defaults.is_empty() {
            for (name, default) in &kw_defaults {
                self.emit_const(Value::str(name));
                self.expr(default)?;
            }
            self.emit(Op::BuildDict(kw_defaults.len() as u32));
            flags |= 2;
        }
        // `__annotations__`, evaluated here as CPython does (or kept as text after
        // `from __future__ import annotations`), parameters in order, then the return.
        // CPython's compiler visits `args` before `posonlyargs`.
        let annotated: Vec<(&str, &Expr)> = parameters
            .args
            .iter()
            .chain(&parameters.posonlyargs)
            .map(|p| &p.parameter)
            .chain(parameters.vararg.as_deref())
            .chain(parameters.kwonlyargs.iter().map(|p| &p.parameter))
            .chain(parameters.kwarg.as_deref())
            .filter_map(|p| p.annotation.as_deref().map(|a| (p.name.as_str(), a)))
            .chain(returns.map(|r| ("return", r)))
            .collect();
        if !annotated.is_empty() {
            for (name, annotation) in &annotated {
                self.emit_const(Value::str(name));
                if self.postponed_annotations {
                    let text = self.lines.text_of(*annotation).to_string();
                    self.emit_const(Value::str(&text));
                } else {
                    self.expr(annotation)?;
                }
            }
            self.emit(Op::BuildDict(annotated.len() as u32));
            flags |= 8;
        }
        if let Some((range, message)) = &scan.misplaced_declaration {
            return Err(self.syntax_error(range, message));
        }
        let names = parameter_names(parameters);
        let locals = scan.locals();
        self.push_unit(ScopeKind::Function, name, locals, &scan, &names);
        for (range, name) in &scan.nonlocal_statements {
            if !self.unit().free_names.iter().any(|free| &**free == name) {
                return Err(
                    self.syntax_error(range, &format!("no binding for nonlocal '{name}' found"))
                );
            }
        }
        self.emit(Op::Resume);
        emit_body(self)?;
        let free_names = self.unit().free_names.clone();
        let code = self.pop_unit(Some(parameters));
        if !free_names.is_empty() {
            for name in &free_names {
                let index = self.cell_index(name);
                self.emit(Op::LoadClosure(index));
            }
            self.emit(Op::BuildTuple(free_names.len() as u32));
            flags |= 4;
        }
        let qualname = code.qualname.clone();
        self.unit().consts.push(Value::str(&qualname));
        let qualname_index = self.unit().consts.len() as u32 - 1;
        self.unit().consts.push(Value::Code(code));
        let code_index = self.unit().consts.len() as u32 - 1;
        self.emit(Op::LoadConst(code_index));
        self.emit(Op::LoadConst(qualname_index));
        self.emit(Op::MakeFunction(flags));
        Ok(())
    }

    /// The slot of the cell that passes `name` on to an inner function: this unit's own cell
    /// or one it has from outside, even where the unit's code reads the name elsewhere (a
    /// class body reads its own `x` from its namespace, yet hands a method the function's).
    fn cell_index(&mut self, name: &str) -> u32 {
        let unit = self.unit();
        let cells = unit.cell_names.iter().chain(unit.free_names.iter());
        match cells.clone().position(|cell| &**cell == name) {
            Some(index) => index as u32,
            None => unreachable!("scope analysis made '{name}' a cell of the enclosing function"),
        }
    }

    fn class_def(&mut self, class: &ast::StmtClassDef) -> Result<()> {
        if !class.decorator_list.is_empty() {
            for decorator in &class.decorator_list {
                self.expr(&decorator.expression)?;
            }
        }
        let mut scan = Scan::of_function(&[], &class.body);
        let empty = ast::Parameters::default();
        // A name the body binds is the namespace's, read as LOAD_NAME does (the namespace, the
        // globals, the built-ins), never from the function around it; what methods need
        // passes through (`nested_unresolved`).
        let bound = std::mem::take(&mut scan.assigned);
        scan.referenced.retain(|name| !bound.contains(name));
        // Its `global` names are global to the body alone: a method still sees the function's.
        let globals = std::mem::take(&mut scan.globals);
        scan.referenced.retain(|name| !globals.contains(name));
        // Methods that call super() need the class in a `__class__` cell of the class body.
        if scan.nested_unresolved.contains("__class__") {
            scan.assigned.insert("__class__".to_string());
        }
        // Its own names, which `slot` keeps in the namespace even when a method needs a
        // variable of the same name from the function around (CPython's DEF_FREE_CLASS);
        // a `nonlocal` one is the function's.
        let own: BTreeSet<String> =
            bound.into_iter().filter(|name| !scan.nonlocals.contains(name)).collect();
        self.make_function(&class.name, &empty, None, scan, |compiler| {
            compiler.unit().kind = ScopeKind::Class;
            compiler.unit().local_names.clear();
            compiler.unit().locals = own;
            compiler.unit().globals = globals;
            if let Some(doc) = docstring(&class.body) {
                compiler.emit_const(Value::Str(doc));
                compiler.store_name("__doc__");
            }
            compiler.setup_annotations(&class.body);
            compiler.body(&class.body)?;
            compiler.emit_const(Value::None);
            compiler.emit(Op::Return);
            Ok(())
        })?;
        self.emit_const(Value::str(&class.name));
        let mut bases = 0;
        let mut metaclass = None;
        if let Some(arguments) = &class.arguments {
            for keyword in arguments.keywords.iter() {
                match keyword.arg.as_deref() {
                    Some("metaclass") => metaclass = Some(&keyword.value),
                    _ => {
                        return Err(self
                            .unsupported(keyword, "class keyword arguments other than metaclass="))
                    }
                }
            }
            for base in arguments.args.iter() {
                self.expr(base)?;
                bases += 1;
            }
        }
        match metaclass {
            Some(metaclass) => {
                self.expr(metaclass)?;
                self.emit(Op::BuildClassWithMetaclass(bases));
            }
            None => {
                self.emit(Op::BuildClass(bases));
            }
        }
        self.apply_decorators(&class.decorator_list, &class.name);
        self.store_name(&class.name);
        Ok(())
    }

    fn expr(&mut self, expr: &Expr) -> Result<()> {
        self.at(expr, |compiler| compiler.expr_inner(expr))
    }

    fn expr_inner(&mut self, expr: &Expr) -> Result<()> {
        match expr {
            Expr::NumberLiteral(number) => match &number.value {
                ast::Number::Int(int) => {
                    let value = match int.as_i64() {
                        Some(small) => Value::Int(small),
                        None => parse_int_literal(&int.to_string())
                            .ok_or_else(|| self.error(expr, "invalid integer literal".into()))?,
                    };
                    self.emit_const(value);
                }
                ast::Number::Float(float) => self.emit_const(Value::Float(*float)),
                ast::Number::Complex { .. } => {
                    return Err(self.unsupported(expr, "complex numbers"))
                }
            },
            Expr::StringLiteral(string) => self.emit_const(Value::str(string.value.to_str())),
            Expr::BooleanLiteral(boolean) => self.emit_const(Value::Bool(boolean.value)),
            Expr::NoneLiteral(_) => self.emit_const(Value::None),
            Expr::Name(name) => self.load_name(&name.id),
            Expr::BinOp(binary) => {
                self.expr(&binary.left)?;
                self.expr(&binary.right)?;
                if binary.op == ast::Operator::MatMult {
                    return Err(self.unsupported(expr, "the '@' operator"));
                }
                self.emit(Op::Binary(binary_op(binary.op)));
            }
            Expr::UnaryOp(unary) => {
                self.expr(&unary.operand)?;
                self.emit(match unary.op {
                    ast::UnaryOp::Not => Op::Not,
                    ast::UnaryOp::USub => Op::Negative,
                    ast::UnaryOp::UAdd => Op::Positive,
                    ast::UnaryOp::Invert => Op::Invert,
                });
            }
            Expr::BoolOp(bool_op) => {
                let mut ends = Vec::new();
                for (index, value) in bool_op.values.iter().enumerate() {
                    self.expr(value)?;
                    if index + 1 < bool_op.values.len() {
                        ends.push(self.emit(match bool_op.op {
                            ast::BoolOp::And => Op::JumpIfFalseOrPop(0),
                            ast::BoolOp::Or => Op::JumpIfTrueOrPop(0),
                        }));
                    }
                }
                ends.into_iter().for_each(|end| self.patch(end));
            }
            Expr::Compare(compare) => self.compare(compare)?,
            Expr::If(if_expr) => {
                self.expr(&if_expr.test)?;
                let otherwise = self.emit(Op::PopJumpIfFalse(0));
                self.expr(&if_expr.body)?;
                let end = self.emit(Op::Jump(0));
                self.patch(otherwise);
                self.expr(&if_expr.orelse)?;
                self.patch(end);
            }
            Expr::Named(named) => {
                self.expr(&named.value)?;
                self.emit(Op::Dup);
                self.assign(&named.target)?;
            }
            Expr::Call(call) => self.call(call)?,
            Expr::Attribute(attribute) => {
                self.expr(&attribute.value)?;
                let index = self.name_index(&attribute.attr);
                self.emit(Op::LoadAttr(index));
            }
            Expr::Subscript(subscript) => {
                self.warn(subscript, warnings::missing_comma_subscript(subscript));
                self.expr(&subscript.value)?;
                self.expr(&subscript.slice)?;
                self.emit(Op::Subscript);
            }
            Expr::Slice(slice) => {
                for part in [&slice.lower, &slice.upper, &slice.step] {
                    match part {
                        Some(value) => self.expr(value)?,
                        None => self.emit_const(Value::None),
                    }
                }
                self.emit(Op::BuildSlice);
            }
            Expr::Tuple(tuple) => self.sequence(&tuple.elts, true)?,
            Expr::List(list) => self.sequence(&list.elts, false)?,
            Expr::Set(set) => self.set_display(&set.elts)?,
            Expr::Dict(dict) => {
                self.emit(Op::BuildDict(0));
                for item in dict.items.iter() {
                    match &item.key {
                        Some(key) => {
                            self.expr(key)?;
                            self.expr(&item.value)?;
                            self.emit(Op::DictSet(1));
                        }
                        None => {
                            self.expr(&item.value)?;
                            self.emit(Op::DictUpdate(1));
                        }
                    }
                }
            }
            Expr::FString(fstring) => self.fstring(fstring)?,
            Expr::Lambda(lambda) => {
                let empty = ast::Parameters::default();
                let parameters = lambda.parameters.as_deref().unwrap_or(&empty);
                self.check_duplicate_parameters(lambda, parameters)?;
                let names = parameter_names(parameters);
                let scan = Scan::of_expression(&names, &lambda.body);
                self.make_function("<lambda>", parameters, None, scan, |compiler| {
                    compiler.unit().line = compiler.line_of(lambda);
                    compiler.expr(&lambda.body)?;
                    compiler.emit(Op::Return);
                    Ok(())
                })?;
            }
            Expr::ListComp(comp) => self.comprehension(
                expr,
                "<listcomp>",
                &comp.generators,
                ComprehensionKind::List(&comp.elt),
            )?,
            Expr::SetComp(comp) => self.comprehension(
                expr,
                "<setcomp>",
                &comp.generators,
                ComprehensionKind::Set(&comp.elt),
            )?,
            Expr::DictComp(comp) => {
                let Some(key) = comp.key.as_deref() else {
                    return Err(self.unsupported(expr, "unpacking in a dict comprehension"));
                };
                self.comprehension(
                    expr,
                    "<dictcomp>",
                    &comp.generators,
                    ComprehensionKind::Dict(key, &comp.value),
                )?
            }
            Expr::Generator(comp) => self.comprehension(
                expr,
                "<genexpr>",
                &comp.generators,
                ComprehensionKind::Generator(&comp.elt),
            )?,
            Expr::Starred(_) => {
                return Err(self.syntax_error(expr, "can't use starred expression here"))
            }
            Expr::Yield(_) | Expr::YieldFrom(_) if self.unit().kind != ScopeKind::Function => {
                return Err(self.syntax_error(expr, "'yield' outside function"));
            }
            Expr::Yield(yield_expr) => {
                match &yield_expr.value {
                    Some(value) => self.expr(value)?,
                    None => self.emit_const(Value::None),
                }
                if self.unit().is_async_generator {
                    self.emit(Op::AsyncGenWrap);
                }
                self.emit(Op::YieldValue);
            }
            Expr::YieldFrom(_) if self.in_async_function() => {
                return Err(self.syntax_error(expr, "'yield from' inside async function"));
            }
            Expr::YieldFrom(yield_from) => {
                self.expr(&yield_from.value)?;
                self.emit(Op::GetIter);
                self.emit_const(Value::None);
                self.emit(Op::YieldFrom);
            }
            Expr::Await(await_expr) => {
                if !self.in_async_function() {
                    let message = if self.unit().kind == ScopeKind::Function {
                        "'await' outside async function"
                    } else {
                        "'await' outside function"
                    };
                    return Err(self.syntax_error(expr, message));
                }
                self.expr(&await_expr.value)?;
                self.emit_await();
            }
            Expr::BytesLiteral(bytes) => {
                self.emit_const(crate::bytes::value(bytes.value.bytes().collect::<Vec<u8>>()))
            }
            Expr::EllipsisLiteral(_) => self.emit_const(crate::builtins::ELLIPSIS.clone()),
            Expr::TString(_) => return Err(self.unsupported(expr, "template strings")),
            Expr::Constant(_) | Expr::IpyEscapeCommand(_) => {
                return Err(self.unsupported(expr, "this expression"))
            }
        }
        Ok(())
    }

    fn sequence(&mut self, elements: &[Expr], tuple: bool) -> Result<()> {
        if elements.iter().any(|e| e.is_starred_expr()) {
            self.emit(Op::BuildList(0));
            self.add_each(elements, Op::ListExtend(1), Op::ListAppend(1))?;
            if tuple {
                self.emit(Op::ListToTuple);
            }
            return Ok(());
        }
        for element in elements {
            self.expr(element)?;
        }
        let count = elements.len() as u32;
        self.emit(if tuple { Op::BuildTuple(count) } else { Op::BuildList(count) });
        Ok(())
    }

    /// `{a, *b, c}` as CPython builds it: the items before the first star with `BuildSet`, then
    /// each in turn; a display of three or more constants (after folding `-1` and tuples of
    /// constants, as CPython's AST optimizer does) goes through a frozenset.
    fn set_display(&mut self, elements: &[Expr]) -> Result<()> {
        if elements.len() > 2 {
            if let Some(constants) = elements.iter().map(constant_value).collect::<Option<_>>() {
                let unit = self.unit();
                unit.consts.push(Value::tuple(constants));
                let index = unit.consts.len() as u32 - 1;
                self.emit(Op::BuildConstSet(index));
                return Ok(());
            }
        }
        let before_star = elements.iter().take_while(|e| !e.is_starred_expr()).count();
        for element in &elements[..before_star] {
            self.expr(element)?;
        }
        self.emit(Op::BuildSet(before_star as u32));
        self.add_each(&elements[before_star..], Op::SetUpdate(1), Op::SetAdd(1))
    }

    /// Adds each element to the collection on the stack: `*x` with `extend`, others with `add`.
    fn add_each(&mut self, elements: &[Expr], extend: Op, add: Op) -> Result<()> {
        for element in elements {
            match element {
                Expr::Starred(starred) => {
                    self.expr(&starred.value)?;
                    self.emit(extend);
                }
                other => {
                    self.expr(other)?;
                    self.emit(add);
                }
            }
        }
        Ok(())
    }

    fn warn(&mut self, node: &impl Ranged, message: Option<String>) {
        if let Some(message) = message {
            let line = self.line_of(node);
            self.warnings.push((line, message));
        }
    }

    fn compare(&mut self, compare: &ast::ExprCompare) -> Result<()> {
        self.warn(compare, warnings::is_with_literal(compare, self.version));
        // a < b < c: evaluates b once, stops at the first false.
        // `operands` holds the left operand first, then one per operator.
        self.expr(&compare.operands[0])?;
        let mut cleanups = Vec::new();
        let count = compare.ops.len();
        for (index, (op, right)) in compare.ops.iter().zip(compare.operands[1..].iter()).enumerate()
        {
            self.expr(right)?;
            let last = index + 1 == count;
            if !last {
                self.emit(Op::Dup);
                self.emit(Op::Rotate3);
            }
            self.emit(compare_op(*op));
            if !last {
                cleanups.push(self.emit(Op::JumpIfFalseOrPop(0)));
            }
        }
        if !cleanups.is_empty() {
            let end = self.emit(Op::Jump(0));
            cleanups.into_iter().for_each(|c| self.patch(c));
            // The false result is on top of the leftover operand.
            self.emit(Op::Swap);
            self.emit(Op::Pop);
            self.patch(end);
        }
        Ok(())
    }

    fn call(&mut self, call: &ast::ExprCall) -> Result<()> {
        self.warn(call, warnings::missing_comma_call(call));
        if self.zero_argument_super(call)? {
            return Ok(());
        }
        let arguments = &call.arguments;
        if let Expr::Attribute(attribute) = &*call.func {
            if arguments.keywords.is_empty() && !arguments.args.iter().any(|a| a.is_starred_expr())
            {
                // `object.name(args)`: no bound method is made (CPython's LOAD_METHOD).
                self.expr(&attribute.value)?;
                let index = self.name_index(&attribute.attr);
                self.emit(Op::LoadMethod(index));
                for argument in arguments.args.iter() {
                    self.expr(argument)?;
                }
                self.emit(Op::CallMethod(arguments.args.len() as u32));
                return Ok(());
            }
        }
        self.expr(&call.func)?;
        let has_unpacking = arguments.args.iter().any(|a| a.is_starred_expr())
            || arguments.keywords.iter().any(|k| k.arg.is_none());
        if has_unpacking {
            match &arguments.args[..] {
                // `f(*args)` alone passes `args` on, as CPython does; a mistake in it (`args=(5)`
                // for a thread) is named after the function.
                [Expr::Starred(starred)] => {
                    self.expr(&starred.value)?;
                    self.emit(Op::ArgsToTuple);
                }
                positional => self.sequence(positional, true)?,
            }
            self.emit(Op::BuildDict(0));
            for keyword in arguments.keywords.iter() {
                match &keyword.arg {
                    Some(name) => {
                        self.emit_const(Value::str(name));
                        self.expr(&keyword.value)?;
                        self.emit(Op::DictSet(1));
                    }
                    None => {
                        self.expr(&keyword.value)?;
                        self.emit(Op::KwargsMerge);
                    }
                }
            }
            self.emit(Op::CallEx);
            return Ok(());
        }
        for argument in arguments.args.iter() {
            self.expr(argument)?;
        }
        if arguments.keywords.is_empty() {
            self.emit(Op::Call(arguments.args.len() as u32));
        } else {
            let mut names = Vec::new();
            for keyword in arguments.keywords.iter() {
                self.expr(&keyword.value)?;
                names.push(Value::str(keyword.arg.as_ref().expect("checked above")));
            }
            let count = (arguments.args.len() + names.len()) as u32;
            self.emit_const(Value::tuple(names));
            self.emit(Op::CallKw(count));
        }
        Ok(())
    }

    /// `super()` in a method becomes `super(__class__, <first parameter>)`, as in CPython.
    fn zero_argument_super(&mut self, call: &ast::ExprCall) -> Result<bool> {
        let is_super = matches!(&*call.func, Expr::Name(name) if &name.id == "super")
            && call.arguments.args.is_empty()
            && call.arguments.keywords.is_empty();
        let unit = self.units.last().expect("a unit is open");
        if !is_super
            || unit.kind != ScopeKind::Function
            || !unit.free_names.iter().any(|n| &**n == "__class__")
        {
            return Ok(false);
        }
        let Some(first) = unit.local_names.first().cloned() else {
            return Err(self.error(call, "RuntimeError: super(): no arguments".into()));
        };
        self.load_name("super");
        self.load_name("__class__");
        self.load_name(&first);
        self.emit(Op::Call(2));
        Ok(true)
    }

    fn fstring(&mut self, fstring: &ast::ExprFString) -> Result<()> {
        let mut parts = 0;
        for part in fstring.value.iter() {
            match part {
                ast::FStringPartRef::Literal(literal) => {
                    self.emit_const(Value::str(&literal.value));
                    parts += 1;
                }
                ast::FStringPartRef::FString(inner) => {
                    for element in inner.elements.iter() {
                        parts += self.fstring_element(element)?;
                    }
                }
            }
        }
        if parts != 1 {
            self.emit(Op::BuildString(parts));
        }
        Ok(())
    }

    fn fstring_element(&mut self, element: &ast::InterpolatedStringElement) -> Result<u32> {
        match element {
            ast::InterpolatedStringElement::Literal(literal) => {
                self.emit_const(Value::str(&literal.value));
                Ok(1)
            }
            ast::InterpolatedStringElement::Interpolation(interpolation) => {
                let mut parts = 0;
                let mut conversion = match interpolation.conversion {
                    ast::ConversionFlag::None => 0,
                    ast::ConversionFlag::Str => 1,
                    ast::ConversionFlag::Repr => 2,
                    ast::ConversionFlag::Ascii => 3,
                };
                if let Some(debug) = &interpolation.debug_text {
                    // f"{x=}" prints the source text, then the repr unless a spec or conversion says otherwise.
                    self.emit_const(Value::str(&format!(
                        "{}{}{}",
                        debug.leading(),
                        debug.expression(),
                        debug.trailing()
                    )));
                    parts += 1;
                    if conversion == 0 && interpolation.format_spec.is_none() {
                        conversion = 2;
                    }
                }
                self.expr(&interpolation.expression)?;
                let mut flags = conversion;
                if let Some(spec) = &interpolation.format_spec {
                    let mut spec_parts = 0;
                    for element in spec.elements.iter() {
                        spec_parts += self.fstring_element(element)?;
                    }
                    if spec_parts != 1 {
                        self.emit(Op::BuildString(spec_parts));
                    }
                    flags |= 4;
                }
                self.emit(Op::FormatValue(flags));
                Ok(parts + 1)
            }
        }
    }

    /// A comprehension is a function of one argument (the first iterator), called at once.
    fn comprehension(
        &mut self,
        expr: &Expr,
        name: &str,
        generators: &[ast::Comprehension],
        kind: ComprehensionKind,
    ) -> Result<()> {
        let is_async = generators.iter().any(|g| g.is_async);
        let is_genexpr = matches!(kind, ComprehensionKind::Generator(_));
        // 3.11 let an async comprehension nest in a comprehension of an async function, which
        // then awaits too.
        let nested_async = self.version >= PythonVersion::V3_11;
        if is_async && !is_genexpr && !self.in_async_function() {
            let message = "asynchronous comprehension outside of an asynchronous function";
            return Err(self.syntax_error(expr, message));
        }
        let elements: Vec<&Expr> = match kind {
            ComprehensionKind::List(e)
            | ComprehensionKind::Set(e)
            | ComprehensionKind::Generator(e) => vec![e],
            ComprehensionKind::Dict(k, v) => vec![k, v],
        };
        // `[await t for t in tasks]` in a coroutine: the comprehension is a coroutine too, and
        // is awaited where it stands (CPython 3.12+ inlines it; the effect is the same).
        let uses_await =
            self.in_async_function() && contains_await(generators, &elements, nested_async);
        // An async generator expression is made, not awaited; the other kinds are awaited.
        let async_genexpr = is_genexpr && (is_async || uses_await);
        let awaits = !is_genexpr && (is_async || uses_await);
        let mut scan = Scan::of_comprehension(generators, &elements);
        scan.assigned.insert(".0".into());
        let first = &generators[0];
        self.expr(&first.iter)?;
        self.emit(if first.is_async { Op::GetAIter } else { Op::GetIter });
        let parameters = ast::Parameters {
            args: vec![ast::ParameterWithDefault {
                range: Default::default(),
                node_index: Default::default(),
                parameter: ast::Parameter {
                    range: Default::default(),
                    node_index: Default::default(),
                    name: ast::Identifier::new(".0", Default::default()),
                    annotation: None,
                    runtime_type_comment: None,
                    runtime_type_comment_bytes: None,
                },
                default: None,
            }]
            .into(),
            ..Default::default()
        };
        self.make_function(name, &parameters, None, scan, |compiler| {
            match kind {
                ComprehensionKind::List(_) => {
                    compiler.emit(Op::BuildList(0));
                }
                ComprehensionKind::Set(_) => {
                    compiler.emit(Op::BuildSet(0));
                }
                ComprehensionKind::Dict(..) => {
                    compiler.emit(Op::BuildDict(0));
                }
                ComprehensionKind::Generator(_) => {
                    compiler.unit().is_generator = true;
                    compiler.unit().is_async_generator = async_genexpr;
                }
            }
            if awaits {
                compiler.unit().is_generator = true;
                compiler.unit().is_coroutine = true;
            }
            compiler.comprehension_loop(generators, 0, kind)?;
            if let ComprehensionKind::Generator(_) = kind {
                compiler.emit_const(Value::None);
            }
            compiler.emit(Op::Return);
            Ok(())
        })?;
        self.emit(Op::Swap);
        self.emit(Op::Call(1));
        if awaits {
            self.emit_await();
        }
        Ok(())
    }

    fn comprehension_loop(
        &mut self,
        generators: &[ast::Comprehension],
        index: usize,
        kind: ComprehensionKind,
    ) -> Result<()> {
        let generator = &generators[index];
        if index == 0 {
            self.emit(Op::LoadFast(0));
        } else {
            self.expr(&generator.iter)?;
            self.emit(if generator.is_async { Op::GetAIter } else { Op::GetIter });
        }
        let start = self.here();
        let exit =
            if generator.is_async { self.emit_async_next() } else { self.emit(Op::ForIter(0)) };
        self.assign(&generator.target)?;
        let mut skips = Vec::new();
        for condition in &generator.ifs {
            self.expr(condition)?;
            skips.push(self.emit(Op::PopJumpIfFalse(0)));
        }
        // The result list, set or dict sits below one iterator per loop.
        let depth = (index + 2) as u32;
        if index + 1 < generators.len() {
            self.comprehension_loop(generators, index + 1, kind)?;
        } else {
            match kind {
                ComprehensionKind::List(element) => {
                    self.expr(element)?;
                    self.emit(Op::ListAppend(depth));
                }
                ComprehensionKind::Set(element) => {
                    self.expr(element)?;
                    self.emit(Op::SetAdd(depth));
                }
                ComprehensionKind::Dict(key, value) => {
                    self.expr(key)?;
                    self.expr(value)?;
                    self.emit(Op::DictSet(depth));
                }
                ComprehensionKind::Generator(element) => {
                    self.expr(element)?;
                    if self.unit().is_async_generator {
                        self.emit(Op::AsyncGenWrap);
                    }
                    self.emit(Op::YieldValue);
                    self.emit(Op::Pop);
                }
            }
        }
        for skip in skips {
            self.patch(skip);
        }
        self.emit(Op::JumpBackward(start as u32));
        self.patch(exit);
        if generator.is_async {
            self.emit(Op::EndAsyncFor);
        }
        Ok(())
    }
}

#[derive(Clone, Copy)]
enum ComprehensionKind<'e> {
    List(&'e Expr),
    Set(&'e Expr),
    /// A generator expression: the body yields each element.
    Generator(&'e Expr),
    Dict(&'e Expr, &'e Expr),
}

fn contains_yield(body: &[Stmt]) -> bool {
    struct Finder(bool);
    impl<'a> ast::visitor::Visitor<'a> for Finder {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            if !matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
                ast::visitor::walk_stmt(self, stmt);
            }
        }
        fn visit_expr(&mut self, expr: &'a Expr) {
            match expr {
                Expr::Yield(_) | Expr::YieldFrom(_) => self.0 = true,
                Expr::Lambda(_)
                | Expr::Generator(_)
                | Expr::ListComp(_)
                | Expr::SetComp(_)
                | Expr::DictComp(_) => {}
                other => ast::visitor::walk_expr(self, other),
            }
        }
    }
    let mut finder = Finder(false);
    for stmt in body {
        ast::visitor::Visitor::visit_stmt(&mut finder, stmt);
    }
    finder.0
}

/// The constant CPython's AST optimizer (3.9 to 3.13) folds `expr` into, for the cases that
/// decide whether a set display is all constants: literals, tuples of constants, and unary and
/// binary operators on numbers.
fn constant_value(expr: &Expr) -> Option<Value> {
    Some(match expr {
        Expr::NumberLiteral(number) => match &number.value {
            ast::Number::Int(int) => match int.as_i64() {
                Some(small) => Value::Int(small),
                None => parse_int_literal(&int.to_string())?,
            },
            ast::Number::Float(float) => Value::Float(*float),
            ast::Number::Complex { .. } => return None,
        },
        Expr::StringLiteral(string) => Value::str(string.value.to_str()),
        Expr::BytesLiteral(bytes) => crate::bytes::value(bytes.value.bytes().collect::<Vec<u8>>()),
        Expr::BooleanLiteral(boolean) => Value::Bool(boolean.value),
        Expr::NoneLiteral(_) => Value::None,
        Expr::Tuple(tuple) => {
            Value::tuple(tuple.elts.iter().map(constant_value).collect::<Option<_>>()?)
        }
        Expr::UnaryOp(unary) => {
            let operand = constant_value(&unary.operand)?;
            match unary.op {
                ast::UnaryOp::Not => Value::Bool(!crate::ops::truth(&operand)?),
                ast::UnaryOp::USub => crate::ops::unary_number('-', &operand)?,
                ast::UnaryOp::UAdd => crate::ops::unary_number('+', &operand)?,
                ast::UnaryOp::Invert => crate::ops::unary_number('~', &operand)?,
            }
        }
        Expr::BinOp(binary) if binary.op != ast::Operator::MatMult => {
            let left = constant_value(&binary.left)?;
            let right = constant_value(&binary.right)?;
            let number = |v: &Value| {
                matches!(v, Value::Bool(_) | Value::Int(_) | Value::BigInt(_) | Value::Float(_))
            };
            if !number(&left) || !number(&right) || folds_too_big(binary.op, &left, &right) {
                return None;
            }
            crate::ops::builtin_binary(binary_op(binary.op), &left, &right).ok()??
        }
        _ => return None,
    })
}

/// CPython's `safe_multiply`, `safe_power` and `safe_lshift`: no folding of int results that
/// may pass 128 bits.
fn folds_too_big(op: ast::Operator, left: &Value, right: &Value) -> bool {
    const MAX_INT_BITS: u64 = 128;
    let as_int = |value: &Value| match value {
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::BigInt(i) => Some((**i).clone()),
        _ => None,
    };
    let (Some(a), Some(b)) = (as_int(left), as_int(right)) else { return false };
    let zero = BigInt::from(0);
    if a == zero || b == zero {
        return false;
    }
    let exponent = u64::try_from(&b).ok();
    match op {
        ast::Operator::Mult => a.bits() + b.bits() > MAX_INT_BITS,
        ast::Operator::Pow => b > zero && exponent.is_none_or(|w| a.bits() > MAX_INT_BITS / w),
        ast::Operator::LShift => {
            exponent.is_none_or(|w| w > MAX_INT_BITS || a.bits() > MAX_INT_BITS - w)
        }
        _ => false,
    }
}

fn parse_int_literal(text: &str) -> Option<Value> {
    let text = text.replace('_', "");
    let lower = text.to_ascii_lowercase();
    let (digits, radix) = if let Some(rest) = lower.strip_prefix("0x") {
        (rest.to_string(), 16)
    } else if let Some(rest) = lower.strip_prefix("0o") {
        (rest.to_string(), 8)
    } else if let Some(rest) = lower.strip_prefix("0b") {
        (rest.to_string(), 2)
    } else {
        (lower, 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix).map(normalize)
}

fn binary_op(op: ast::Operator) -> BinaryOp {
    match op {
        ast::Operator::Add => BinaryOp::Add,
        ast::Operator::Sub => BinaryOp::Sub,
        ast::Operator::Mult => BinaryOp::Mul,
        ast::Operator::Div => BinaryOp::TrueDiv,
        ast::Operator::FloorDiv => BinaryOp::FloorDiv,
        ast::Operator::Mod => BinaryOp::Mod,
        ast::Operator::Pow => BinaryOp::Pow,
        ast::Operator::LShift => BinaryOp::LShift,
        ast::Operator::RShift => BinaryOp::RShift,
        ast::Operator::BitAnd => BinaryOp::And,
        ast::Operator::BitOr => BinaryOp::Or,
        ast::Operator::BitXor => BinaryOp::Xor,
        ast::Operator::MatMult => BinaryOp::Mul, // rejected by the caller
    }
}

fn compare_op(op: ast::CmpOp) -> Op {
    match op {
        ast::CmpOp::Eq => Op::Compare(CompareOp::Eq),
        ast::CmpOp::NotEq => Op::Compare(CompareOp::Ne),
        ast::CmpOp::Lt => Op::Compare(CompareOp::Lt),
        ast::CmpOp::LtE => Op::Compare(CompareOp::Le),
        ast::CmpOp::Gt => Op::Compare(CompareOp::Gt),
        ast::CmpOp::GtE => Op::Compare(CompareOp::Ge),
        ast::CmpOp::Is => Op::Is(false),
        ast::CmpOp::IsNot => Op::Is(true),
        ast::CmpOp::In => Op::Contains(false),
        ast::CmpOp::NotIn => Op::Contains(true),
    }
}

/// Whether a body annotates a name (nested blocks count; nested functions and classes not).
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|stmt| match stmt {
        Stmt::AnnAssign(assign) => assign.simple && matches!(&*assign.target, Expr::Name(_)),
        Stmt::If(s) => {
            has_annotations(&s.body) || s.elif_else_clauses.iter().any(|c| has_annotations(&c.body))
        }
        Stmt::For(s) => has_annotations(&s.body) || has_annotations(&s.orelse),
        Stmt::While(s) => has_annotations(&s.body) || has_annotations(&s.orelse),
        Stmt::With(s) => has_annotations(&s.body),
        Stmt::Try(s) => {
            has_annotations(&s.body)
                || has_annotations(&s.orelse)
                || has_annotations(&s.finalbody)
                || s.handlers.iter().any(|h| match h {
                    ast::ExceptHandler::ExceptHandler(h) => has_annotations(&h.body),
                })
        }
        _ => false,
    })
}

/// The docstring of a function or class body: a plain string literal as its first statement.
fn docstring(body: &[Stmt]) -> Option<Text> {
    match body.first()? {
        Stmt::Expr(statement) => match &*statement.value {
            Expr::StringLiteral(literal) => Some(Text::from(literal.value.to_str())),
            _ => None,
        },
        _ => None,
    }
}

/// Fuses a `LoadFast` with the load or attribute read after it into one instruction (see
/// [`Op::LoadFastLoadConst`]), unless the eval breaker is checked between them. The second
/// instruction stays where it was, so jump targets and positions keep their meaning.
fn fuse_loads(mut ops: Vec<Op>, check_sites: &[bool]) -> Vec<Op> {
    let mut at = 0;
    while at + 1 < ops.len() {
        let fused = match (ops[at], ops[at + 1]) {
            _ if check_sites[at + 1] => None,
            (Op::LoadFast(index), Op::LoadConst(_)) => Some(Op::LoadFastLoadConst(index)),
            (Op::LoadFast(index), Op::LoadFast(_)) => Some(Op::LoadFastLoadFast(index)),
            (Op::LoadFast(index), Op::LoadAttr(_)) => Some(Op::LoadFastLoadAttr(index)),
            _ => None,
        };
        match fused {
            Some(op) => {
                ops[at] = op;
                at += 2;
            }
            None => at += 1,
        }
    }
    ops
}

/// Whether a comprehension awaits: an `await` in its element, its conditions or its later
/// iterables (the first is evaluated outside it), or with `nested_async` (3.11+) an async
/// list, set or dict comprehension nested there.
fn contains_await(
    generators: &[ast::Comprehension],
    elements: &[&Expr],
    nested_async: bool,
) -> bool {
    use ruff_python_ast::visitor::{walk_expr, Visitor};
    struct FindAwait(bool, bool);
    impl<'a> Visitor<'a> for FindAwait {
        fn visit_expr(&mut self, expr: &'a Expr) {
            let generators: &[ast::Comprehension] = match expr {
                Expr::ListComp(comprehension) => &comprehension.generators,
                Expr::SetComp(comprehension) => &comprehension.generators,
                Expr::DictComp(comprehension) => &comprehension.generators,
                _ => &[],
            };
            match expr {
                Expr::Await(_) => self.0 = true,
                Expr::Lambda(_) => {}
                _ if self.1 && generators.iter().any(|g| g.is_async) => self.0 = true,
                _ => walk_expr(self, expr),
            }
        }
    }
    let mut finder = FindAwait(false, nested_async);
    for element in elements {
        finder.visit_expr(element);
    }
    for (index, generator) in generators.iter().enumerate() {
        if index > 0 {
            finder.visit_expr(&generator.iter);
        }
        for condition in &generator.ifs {
            finder.visit_expr(condition);
        }
    }
    finder.0
}

fn imports_future_annotations(stmt: &Stmt) -> bool {
    matches!(stmt, Stmt::ImportFrom(import)
        if import.module.as_deref() == Some("__future__")
            && import.names.iter().any(|alias| &*alias.name == "annotations"))
}

/// `TYPE_CHECKING` or `typing.TYPE_CHECKING`, false at run time.
fn is_type_checking(test: &Expr) -> bool {
    match test {
        Expr::Name(name) => &*name.id == "TYPE_CHECKING",
        Expr::Attribute(attribute) => &*attribute.attr == "TYPE_CHECKING",
        _ => false,
    }
}

/// Whether an `except` clause catches ImportError (bare, or naming it, a base of it or
/// ModuleNotFoundError, alone or in a tuple).
fn catches_import_error(handler: &ast::ExceptHandler) -> bool {
    let ast::ExceptHandler::ExceptHandler(handler) = handler;
    let names_it = |expr: &Expr| {
        matches!(expr, Expr::Name(name)
            if matches!(&*name.id, "ImportError" | "ModuleNotFoundError" | "Exception" | "BaseException"))
    };
    match handler.type_.as_deref() {
        None => true,
        Some(Expr::Tuple(tuple)) => tuple.elts.iter().any(names_it),
        Some(other) => names_it(other),
    }
}
