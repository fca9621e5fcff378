//! Which names a function body binds, declares and reads, so the compiler knows before
//! emitting code which locals live in cells (captured by an inner function) and which names
//! come from enclosing functions.

use std::collections::BTreeSet;

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::TextRange;

#[derive(Default, Debug)]
pub struct Scan {
    pub assigned: BTreeSet<String>,
    pub globals: BTreeSet<String>,
    pub nonlocals: BTreeSet<String>,
    pub referenced: BTreeSet<String>,
    /// Names that nested functions use but do not bind: candidates for cells here.
    pub nested_unresolved: BTreeSet<String>,
    /// Whether this is a comprehension's scope, whose `:=` targets bind in the enclosing
    /// function (PEP 572).
    pub is_comprehension: bool,
    /// The first `global` or `nonlocal` statement that names a parameter or comes after the
    /// name's use, with CPython's message (symtable.c refuses these before compiling).
    pub misplaced_declaration: Option<(TextRange, String)>,
    /// Each `nonlocal` statement and a name it declares: one with no binding outside is an error.
    pub nonlocal_statements: Vec<(TextRange, String)>,
    /// Where each name was first declared global or nonlocal.
    declared_at: std::collections::BTreeMap<String, TextRange>,
    /// The function's parameters (they are `assigned` too).
    pub parameters: Vec<String>,
}

impl Scan {
    pub fn of_function(parameters: &[String], body: &[Stmt]) -> Scan {
        let mut scan = Scan { parameters: parameters.to_vec(), ..Scan::default() };
        scan.assigned.extend(parameters.iter().cloned());
        for stmt in body {
            scan.stmt(stmt);
        }
        scan
    }

    pub fn of_expression(parameters: &[String], body: &Expr) -> Scan {
        let mut scan = Scan::default();
        scan.assigned.extend(parameters.iter().cloned());
        scan.expr(body);
        scan
    }

    /// Locals: bound here and not declared global or nonlocal.
    pub fn locals(&self) -> BTreeSet<String> {
        self.assigned
            .iter()
            .filter(|name| !self.globals.contains(*name) && !self.nonlocals.contains(*name))
            .cloned()
            .collect()
    }

    /// What this scope needs from outside: read or nonlocal, not bound here.
    pub fn unresolved(&self) -> BTreeSet<String> {
        let locals = self.locals();
        self.referenced
            .iter()
            .chain(self.nested_unresolved.iter())
            .chain(self.nonlocals.iter())
            .filter(|name| !locals.contains(*name) && !self.globals.contains(*name))
            .cloned()
            .collect()
    }

    fn nested(&mut self, inner: Scan) {
        self.nested_unresolved.extend(inner.unresolved());
    }

    fn bind_target(&mut self, target: &Expr) {
        match target {
            Expr::Name(name) => {
                self.assigned.insert(name.id.to_string());
            }
            Expr::Tuple(tuple) => tuple.elts.iter().for_each(|e| self.bind_target(e)),
            Expr::List(list) => list.elts.iter().for_each(|e| self.bind_target(e)),
            Expr::Starred(starred) => self.bind_target(&starred.value),
            other => self.expr(other),
        }
    }

    /// CPython's checks of a `global` or `nonlocal` declaration against what came before it.
    fn check_declaration(&mut self, range: TextRange, name: &str, declaration: &str) {
        let problem = if self.parameters.iter().any(|p| p == name) {
            format!("name '{name}' is parameter and {declaration}")
        } else if self.referenced.contains(name) {
            format!("name '{name}' is used prior to {declaration} declaration")
        } else if self.assigned.contains(name) {
            format!("name '{name}' is assigned to before {declaration} declaration")
        } else if self.globals.contains(name) && declaration == "nonlocal"
            || self.nonlocals.contains(name) && declaration == "global"
        {
            // CPython finds this after the scan, and points at the first declaration.
            let first = self.declared_at.get(name).copied().unwrap_or(range);
            self.misplaced_declaration
                .get_or_insert((first, format!("name '{name}' is nonlocal and global")));
            return;
        } else {
            self.declared_at.entry(name.to_string()).or_insert(range);
            return;
        };
        self.misplaced_declaration.get_or_insert((range, problem));
    }

    fn body(&mut self, body: &[Stmt]) {
        body.iter().for_each(|stmt| self.stmt(stmt));
    }

    fn stmt(&mut self, stmt: &Stmt) {
        match stmt {
            Stmt::FunctionDef(function) => {
                self.assigned.insert(function.name.to_string());
                function.decorator_list.iter().for_each(|d| self.expr(&d.expression));
                let parameters = parameter_names(&function.parameters);
                for default in parameter_defaults(&function.parameters) {
                    self.expr(default);
                }
                // Annotations are evaluated here too, when the def runs.
                for annotation in
                    parameter_annotations(&function.parameters).chain(function.returns.as_deref())
                {
                    self.expr(annotation);
                }
                self.nested(Scan::of_function(&parameters, &function.body));
            }
            Stmt::ClassDef(class) => {
                self.assigned.insert(class.name.to_string());
                if let Some(arguments) = &class.arguments {
                    arguments.args.iter().for_each(|e| self.expr(e));
                }
                // A class body is not a closure scope: its names are not visible to methods,
                // but what its methods need from outside passes through it.
                let inner = Scan::of_function(&[], &class.body);
                self.nested_unresolved.extend(inner.nested_unresolved.iter().cloned());
                // What the body reads without binding it, and its `nonlocal` names, can be this
                // function's variables, as for a method (CPython's LOAD_CLASSDEREF).
                self.nested_unresolved.extend(inner.nonlocals.iter().cloned());
                self.nested_unresolved.extend(
                    inner
                        .referenced
                        .iter()
                        .filter(|n| !inner.assigned.contains(*n) && !inner.globals.contains(*n))
                        .cloned(),
                );
            }
            Stmt::Return(ret) => ret.value.iter().for_each(|e| self.expr(e)),
            Stmt::Delete(delete) => delete.targets.iter().for_each(|e| self.bind_target(e)),
            Stmt::Assign(assign) => {
                self.expr(&assign.value);
                assign.targets.iter().for_each(|t| self.bind_target(t));
            }
            Stmt::AugAssign(assign) => {
                self.expr(&assign.value);
                if let Expr::Name(name) = &*assign.target {
                    self.referenced.insert(name.id.to_string());
                }
                self.bind_target(&assign.target);
            }
            Stmt::AnnAssign(assign) => {
                assign.value.iter().for_each(|e| self.expr(e));
                self.expr(&assign.annotation);
                self.bind_target(&assign.target);
            }
            Stmt::For(for_stmt) => {
                self.expr(&for_stmt.iter);
                self.bind_target(&for_stmt.target);
                self.body(&for_stmt.body);
                self.body(&for_stmt.orelse);
            }
            Stmt::While(while_stmt) => {
                self.expr(&while_stmt.test);
                self.body(&while_stmt.body);
                self.body(&while_stmt.orelse);
            }
            Stmt::If(if_stmt) => {
                self.expr(&if_stmt.test);
                self.body(&if_stmt.body);
                for clause in &if_stmt.elif_else_clauses {
                    clause.test.iter().for_each(|e| self.expr(e));
                    self.body(&clause.body);
                }
            }
            Stmt::With(with) => {
                for item in &with.items {
                    self.expr(&item.context_expr);
                    item.optional_vars.iter().for_each(|t| self.bind_target(t));
                }
                self.body(&with.body);
            }
            Stmt::Raise(raise) => {
                raise.exc.iter().for_each(|e| self.expr(e));
                raise.cause.iter().for_each(|e| self.expr(e));
            }
            Stmt::Try(try_stmt) => {
                self.body(&try_stmt.body);
                for handler in &try_stmt.handlers {
                    let ast::ExceptHandler::ExceptHandler(handler) = handler;
                    handler.type_.iter().for_each(|e| self.expr(e));
                    if let Some(name) = &handler.name {
                        self.assigned.insert(name.to_string());
                    }
                    self.body(&handler.body);
                }
                self.body(&try_stmt.orelse);
                self.body(&try_stmt.finalbody);
            }
            Stmt::Assert(assert) => {
                self.expr(&assert.test);
                assert.msg.iter().for_each(|e| self.expr(e));
            }
            Stmt::Import(import) => {
                for alias in &import.names {
                    let bound = alias.asname.as_ref().map_or_else(
                        || alias.name.split('.').next().unwrap_or_default().to_string(),
                        |asname| asname.to_string(),
                    );
                    self.assigned.insert(bound);
                }
            }
            Stmt::ImportFrom(import) => {
                for alias in &import.names {
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.assigned.insert(bound.to_string());
                }
            }
            Stmt::Global(global) => {
                for name in &global.names {
                    self.check_declaration(global.range, name, "global");
                    self.globals.insert(name.to_string());
                }
            }
            Stmt::Nonlocal(nonlocal) => {
                for name in &nonlocal.names {
                    self.check_declaration(nonlocal.range, name, "nonlocal");
                    self.nonlocals.insert(name.to_string());
                    self.nonlocal_statements.push((nonlocal.range, name.to_string()));
                }
            }
            Stmt::Expr(expr) => self.expr(&expr.value),
            Stmt::Match(match_stmt) => {
                self.expr(&match_stmt.subject);
                for case in &match_stmt.cases {
                    self.pattern(&case.pattern);
                    case.guard.iter().for_each(|e| self.expr(e));
                    self.body(&case.body);
                }
            }
            _ => {}
        }
    }

    /// A `case` pattern: the names it captures are bound here; its values, keys and classes
    /// are read.
    fn pattern(&mut self, pattern: &ast::Pattern) {
        use ast::Pattern;
        match pattern {
            Pattern::MatchValue(value) => self.expr(&value.value),
            Pattern::MatchSingleton(_) => {}
            Pattern::MatchSequence(sequence) => {
                sequence.patterns.iter().for_each(|p| self.pattern(p))
            }
            Pattern::MatchMapping(mapping) => {
                mapping.keys.iter().for_each(|key| self.expr(key));
                mapping.patterns.iter().for_each(|p| self.pattern(p));
                if let Some(rest) = &mapping.rest {
                    self.assigned.insert(rest.to_string());
                }
            }
            Pattern::MatchClass(class) => {
                self.expr(&class.cls);
                class.arguments.patterns.iter().for_each(|p| self.pattern(p));
                class.arguments.keywords.iter().for_each(|k| self.pattern(&k.pattern));
            }
            Pattern::MatchStar(star) => {
                if let Some(name) = &star.name {
                    self.assigned.insert(name.to_string());
                }
            }
            Pattern::MatchAs(as_pattern) => {
                if let Some(inner) = &as_pattern.pattern {
                    self.pattern(inner);
                }
                if let Some(name) = &as_pattern.name {
                    self.assigned.insert(name.to_string());
                }
            }
            Pattern::MatchOr(or) => or.patterns.iter().for_each(|p| self.pattern(p)),
        }
    }

    fn comprehension(&mut self, generators: &[ast::Comprehension], elements: &[&Expr]) {
        // The first iterable is evaluated outside; the rest is a nested function.
        if let Some(first) = generators.first() {
            self.expr(&first.iter);
        }
        let inner = Scan::of_comprehension(generators, elements);
        // A `:=` inside binds here, or further out when this is a comprehension too.
        for name in &inner.nonlocals {
            self.bind_named(name);
        }
        self.nested(inner);
    }

    fn bind_named(&mut self, name: &str) {
        if self.is_comprehension {
            self.nonlocals.insert(name.to_string());
        } else {
            self.assigned.insert(name.to_string());
        }
    }

    /// The scope of a comprehension's own function (its first iterable belongs to the caller).
    /// Its `:=` targets are nonlocal: they belong to the enclosing function, or to the module's
    /// globals when there is none.
    pub fn of_comprehension(generators: &[ast::Comprehension], elements: &[&Expr]) -> Scan {
        let mut inner = Scan { is_comprehension: true, ..Scan::default() };
        for (index, generator) in generators.iter().enumerate() {
            if index > 0 {
                inner.expr(&generator.iter);
            }
            inner.bind_target(&generator.target);
            generator.ifs.iter().for_each(|e| inner.expr(e));
        }
        elements.iter().for_each(|e| inner.expr(e));
        inner
    }

    fn expr(&mut self, expr: &Expr) {
        match expr {
            Expr::Name(name) => {
                self.referenced.insert(name.id.to_string());
            }
            Expr::Named(named) => {
                self.expr(&named.value);
                match &*named.target {
                    Expr::Name(name) => self.bind_named(&name.id),
                    other => self.bind_target(other),
                }
            }
            Expr::Lambda(lambda) => {
                let parameters =
                    lambda.parameters.as_deref().map(parameter_names).unwrap_or_default();
                if let Some(params) = lambda.parameters.as_deref() {
                    parameter_defaults(params).for_each(|d| self.expr(d));
                }
                self.nested(Scan::of_expression(&parameters, &lambda.body));
            }
            // Zero-argument super() reads the enclosing class from the `__class__` cell.
            Expr::Call(call)
                if matches!(&*call.func, Expr::Name(name) if &name.id == "super")
                    && call.arguments.args.is_empty() =>
            {
                self.referenced.insert("super".into());
                self.referenced.insert("__class__".into());
            }
            Expr::ListComp(comp) => self.comprehension(&comp.generators, &[&comp.elt]),
            Expr::SetComp(comp) => self.comprehension(&comp.generators, &[&comp.elt]),
            Expr::Generator(comp) => self.comprehension(&comp.generators, &[&comp.elt]),
            Expr::DictComp(comp) => {
                let mut elements: Vec<&Expr> = vec![&comp.value];
                elements.extend(comp.key.as_deref());
                self.comprehension(&comp.generators, &elements)
            }
            other => visit_children(other, &mut |child| self.expr(child)),
        }
    }
}

/// Calls `visit` on each direct sub-expression of `expr`.
pub fn visit_children(expr: &Expr, visit: &mut dyn FnMut(&Expr)) {
    match expr {
        Expr::BoolOp(e) => e.values.iter().for_each(visit),
        Expr::BinOp(e) => {
            visit(&e.left);
            visit(&e.right);
        }
        Expr::UnaryOp(e) => visit(&e.operand),
        Expr::If(e) => {
            visit(&e.test);
            visit(&e.body);
            visit(&e.orelse);
        }
        Expr::Dict(e) => {
            for item in &e.items {
                item.key.iter().for_each(&mut *visit);
                visit(&item.value);
            }
        }
        Expr::Set(e) => e.elts.iter().for_each(visit),
        Expr::Compare(e) => e.operands.iter().for_each(visit),
        Expr::Call(e) => {
            visit(&e.func);
            e.arguments.args.iter().for_each(&mut *visit);
            e.arguments.keywords.iter().for_each(|k| visit(&k.value));
        }
        Expr::FString(e) => {
            e.value.elements().for_each(|element| visit_interpolations(element, visit))
        }
        Expr::Attribute(e) => visit(&e.value),
        Expr::Subscript(e) => {
            visit(&e.value);
            visit(&e.slice);
        }
        Expr::Starred(e) => visit(&e.value),
        Expr::List(e) => e.elts.iter().for_each(visit),
        Expr::Tuple(e) => e.elts.iter().for_each(visit),
        Expr::Slice(e) => {
            e.lower.iter().for_each(|x| visit(x));
            e.upper.iter().for_each(|x| visit(x));
            e.step.iter().for_each(|x| visit(x));
        }
        Expr::Await(e) => visit(&e.value),
        Expr::Yield(e) => e.value.iter().for_each(|x| visit(x)),
        Expr::YieldFrom(e) => visit(&e.value),
        _ => {}
    }
}

/// The expressions of an f-string's replacement field, those nested in its format spec too
/// (`f"{x:>{width}}"`).
fn visit_interpolations(element: &ast::InterpolatedStringElement, visit: &mut dyn FnMut(&Expr)) {
    if let ast::InterpolatedStringElement::Interpolation(interpolation) = element {
        visit(&interpolation.expression);
        if let Some(spec) = &interpolation.format_spec {
            spec.elements.iter().for_each(|nested| visit_interpolations(nested, visit));
        }
    }
}

pub fn parameter_names(parameters: &ast::Parameters) -> Vec<String> {
    let mut names: Vec<String> = parameters
        .posonlyargs
        .iter()
        .chain(parameters.args.iter())
        .chain(parameters.kwonlyargs.iter())
        .map(|p| p.parameter.name.to_string())
        .collect();
    if let Some(vararg) = &parameters.vararg {
        names.push(vararg.name.to_string());
    }
    if let Some(kwarg) = &parameters.kwarg {
        names.push(kwarg.name.to_string());
    }
    names
}

/// Every parameter's annotation, `*args` and `**kwargs` included.
pub fn parameter_annotations(parameters: &ast::Parameters) -> impl Iterator<Item = &Expr> {
    parameters
        .posonlyargs
        .iter()
        .chain(parameters.args.iter())
        .chain(parameters.kwonlyargs.iter())
        .map(|p| &p.parameter)
        .chain(parameters.vararg.as_deref())
        .chain(parameters.kwarg.as_deref())
        .filter_map(|p| p.annotation.as_deref())
}

pub fn parameter_defaults(parameters: &ast::Parameters) -> impl Iterator<Item = &Expr> {
    parameters
        .posonlyargs
        .iter()
        .chain(parameters.args.iter())
        .chain(parameters.kwonlyargs.iter())
        .filter_map(|p| p.default.as_deref())
}
