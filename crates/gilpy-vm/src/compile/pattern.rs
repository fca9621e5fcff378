//! The `match` statement (3.10+), compiled as CPython's `compiler_match` does: each case
//! tests a copy of the subject, and a pattern that fails jumps to a landing pad that pops what
//! it left on the stack before the next case is tried. What needs more than comparisons and
//! unpacking (is it a sequence or a mapping, a class's `__match_args__`) is done by
//! `stdlib/_gilpy_match.py`, whose frames tracebacks leave out.
//!
//! Names a pattern captures are bound as soon as their subpattern matches, not once the whole
//! case has: the language leaves bindings of a failed match unspecified.

use ruff_python_ast::{self as ast, Pattern};

use super::{Compiler, Result};
use crate::code::{CompareOp, Op};
use crate::value::Value;

/// The jumps of a pattern that failed, with how many stack items each leaves above the case's
/// base (the subject): the landing pads pop them.
#[derive(Default)]
struct Failures {
    jumps: Vec<(usize, u32)>,
}

impl Compiler<'_> {
    pub(super) fn match_stmt(&mut self, stmt: &ast::StmtMatch) -> Result<()> {
        self.expr(&stmt.subject)?;
        let mut ends = Vec::new();
        let count = stmt.cases.len();
        for (index, case) in stmt.cases.iter().enumerate() {
            self.unit().line = self.line_of(case);
            let last = index + 1 == count;
            if !last && case.guard.is_none() {
                if let Some(message) = irrefutable(&case.pattern) {
                    return Err(self.syntax_error(&case.pattern, &message));
                }
            }
            let mut failures = Failures::default();
            // (subject) -> (subject subject): the pattern takes the copy.
            self.emit(Op::Dup);
            self.pattern(&case.pattern, 1, &mut failures)?;
            if let Some(guard) = &case.guard {
                self.expr(guard)?;
                let jump = self.emit(Op::PopJumpIfFalse(0));
                failures.jumps.push((jump, 0));
            }
            self.emit(Op::Pop);
            self.body(&case.body)?;
            ends.push(self.emit(Op::Jump(0)));
            self.landing_pads(failures, 0);
        }
        // No case matched.
        self.emit(Op::Pop);
        ends.into_iter().for_each(|end| self.patch(end));
        Ok(())
    }

    /// Patches failed jumps to code that pops each down to `keep` items above the base.
    fn landing_pads(&mut self, failures: Failures, keep: u32) {
        let mut jumps = failures.jumps;
        // Deepest first, so that each pad falls through into the next shallower one.
        jumps.sort_by(|a, b| b.1.cmp(&a.1));
        let mut depth = jumps.first().map_or(keep, |&(_, depth)| depth);
        for (jump, at) in jumps {
            while depth > at {
                self.emit(Op::Pop);
                depth -= 1;
            }
            self.patch(jump);
        }
        while depth > keep {
            self.emit(Op::Pop);
            depth -= 1;
        }
    }

    /// Matches the value on top of the stack (the `on_top`th item above the base), taking it
    /// off. On failure, jumps (recorded in `failures`) with the stack at some depth it records.
    fn pattern(&mut self, pattern: &Pattern, on_top: u32, failures: &mut Failures) -> Result<()> {
        let below = on_top - 1;
        match pattern {
            Pattern::MatchValue(value) => {
                self.expr(&value.value)?;
                self.emit(Op::Compare(CompareOp::Eq));
                let jump = self.emit(Op::PopJumpIfFalse(0));
                failures.jumps.push((jump, below));
            }
            Pattern::MatchSingleton(singleton) => {
                self.emit_const(match singleton.value {
                    ast::Singleton::None => Value::None,
                    ast::Singleton::True => Value::Bool(true),
                    ast::Singleton::False => Value::Bool(false),
                });
                self.emit(Op::Is(false));
                let jump = self.emit(Op::PopJumpIfFalse(0));
                failures.jumps.push((jump, below));
            }
            Pattern::MatchAs(ast::PatternMatchAs { pattern: None, name, .. }) => match name {
                Some(name) => self.store_name(name),
                None => {
                    self.emit(Op::Pop);
                }
            },
            Pattern::MatchAs(ast::PatternMatchAs { pattern: Some(inner), name, .. }) => {
                if let Some(name) = name {
                    self.emit(Op::Dup);
                    self.pattern(inner, on_top + 1, failures)?;
                    self.store_name(name);
                } else {
                    self.pattern(inner, on_top, failures)?;
                }
            }
            Pattern::MatchOr(or) => self.or_pattern(or, on_top, failures)?,
            Pattern::MatchSequence(sequence) => {
                let star = sequence.patterns.iter().position(|p| p.is_match_star());
                let count = sequence.patterns.len() as u32;
                // (subject) -> (items...): the helper gives the items, the starred ones in a
                // list, or None.
                self.load_helper("sequence");
                self.emit_const(Value::Int(count as i64));
                self.emit_const(star.map_or(Value::None, |at| Value::Int(at as i64)));
                self.emit(Op::Call(3));
                self.fail_if_none(below + 1, failures);
                self.emit(Op::Unpack(count));
                let mut depth = below + count;
                for element in &sequence.patterns {
                    match element {
                        Pattern::MatchStar(ast::PatternMatchStar { name: Some(name), .. }) => {
                            self.store_name(name)
                        }
                        Pattern::MatchStar(_) => {
                            self.emit(Op::Pop);
                        }
                        other => self.pattern(other, depth, failures)?,
                    }
                    depth -= 1;
                }
            }
            Pattern::MatchMapping(mapping) => {
                self.load_helper("mapping");
                for key in &mapping.keys {
                    if !matches!(
                        key,
                        ast::Expr::NumberLiteral(_)
                            | ast::Expr::StringLiteral(_)
                            | ast::Expr::BytesLiteral(_)
                            | ast::Expr::BooleanLiteral(_)
                            | ast::Expr::NoneLiteral(_)
                            | ast::Expr::Attribute(_)
                            | ast::Expr::UnaryOp(_)
                            | ast::Expr::BinOp(_)
                    ) {
                        let message =
                            "mapping pattern keys may only match literals and attribute lookups";
                        return Err(self.syntax_error(key, message));
                    }
                    self.expr(key)?;
                }
                self.emit(Op::BuildTuple(mapping.keys.len() as u32));
                self.emit_const(Value::Bool(mapping.rest.is_some()));
                self.emit(Op::Call(3));
                self.fail_if_none(below + 1, failures);
                let count = mapping.patterns.len() as u32 + u32::from(mapping.rest.is_some());
                self.emit(Op::Unpack(count));
                let mut depth = below + count;
                for value in &mapping.patterns {
                    self.pattern(value, depth, failures)?;
                    depth -= 1;
                }
                if let Some(rest) = &mapping.rest {
                    self.store_name(rest);
                }
            }
            Pattern::MatchClass(class) => {
                let arguments = &class.arguments;
                self.load_helper("class_");
                self.expr(&class.cls)?;
                self.emit_const(Value::Int(arguments.patterns.len() as i64));
                for keyword in &arguments.keywords {
                    self.emit_const(Value::str(keyword.attr.as_str()));
                }
                self.emit(Op::BuildTuple(arguments.keywords.len() as u32));
                self.emit(Op::Call(4));
                self.fail_if_none(below + 1, failures);
                let count = (arguments.patterns.len() + arguments.keywords.len()) as u32;
                self.emit(Op::Unpack(count));
                let mut depth = below + count;
                let keywords = arguments.keywords.iter().map(|keyword| &keyword.pattern);
                for inner in arguments.patterns.iter().chain(keywords) {
                    self.pattern(inner, depth, failures)?;
                    depth -= 1;
                }
            }
            Pattern::MatchStar(star) => {
                return Err(self.syntax_error(star, "can't use starred name here"));
            }
        }
        Ok(())
    }

    /// `p1 | p2 | ...`: each alternative but the last tests a copy; the first to match wins.
    fn or_pattern(
        &mut self,
        or: &ast::PatternMatchOr,
        on_top: u32,
        failures: &mut Failures,
    ) -> Result<()> {
        let names: Vec<Vec<String>> = or.patterns.iter().map(captured_names).collect();
        if names.iter().any(|n| n != &names[0]) {
            return Err(self.syntax_error(or, "alternative patterns bind different names"));
        }
        let (last, alternatives) = or.patterns.split_last().expect("two alternatives or more");
        let mut matched = Vec::new();
        for alternative in alternatives {
            let mut own = Failures::default();
            self.emit(Op::Dup);
            self.pattern(alternative, on_top + 1, &mut own)?;
            // Matched: drop the original.
            self.emit(Op::Pop);
            matched.push(self.emit(Op::Jump(0)));
            self.landing_pads(own, on_top);
        }
        self.pattern(last, on_top, failures)?;
        matched.into_iter().for_each(|jump| self.patch(jump));
        Ok(())
    }

    /// (subject) -> (helper subject): `_gilpy_match.NAME`, to call with the subject and what
    /// the caller pushes next.
    fn load_helper(&mut self, name: &str) {
        let module = self.name_index("_gilpy_match");
        self.emit(Op::ImportName(module));
        let function = self.name_index(name);
        self.emit(Op::LoadAttr(function));
        self.emit(Op::Swap);
    }

    /// Fails when the helper's result on top is None (leaving it, `depth` items, to the pad).
    fn fail_if_none(&mut self, depth: u32, failures: &mut Failures) {
        self.emit(Op::Dup);
        self.emit_const(Value::None);
        self.emit(Op::Is(false));
        let jump = self.emit(Op::PopJumpIfTrue(0));
        failures.jumps.push((jump, depth));
    }
}

/// The SyntaxError of a case that matches anything but is not the last.
fn irrefutable(pattern: &Pattern) -> Option<String> {
    match pattern {
        Pattern::MatchAs(ast::PatternMatchAs { pattern: None, name: Some(name), .. }) => {
            Some(format!("name capture '{name}' makes remaining patterns unreachable"))
        }
        Pattern::MatchAs(ast::PatternMatchAs { pattern: None, name: None, .. }) => {
            Some("wildcard makes remaining patterns unreachable".to_string())
        }
        Pattern::MatchOr(or) => or.patterns.iter().find_map(irrefutable),
        Pattern::MatchAs(ast::PatternMatchAs { pattern: Some(inner), .. }) => irrefutable(inner),
        _ => None,
    }
}

/// The names a pattern binds, sorted.
pub(super) fn captured_names(pattern: &Pattern) -> Vec<String> {
    fn walk(pattern: &Pattern, names: &mut Vec<String>) {
        match pattern {
            Pattern::MatchAs(as_pattern) => {
                if let Some(inner) = &as_pattern.pattern {
                    walk(inner, names);
                }
                names.extend(as_pattern.name.iter().map(|n| n.to_string()));
            }
            Pattern::MatchStar(star) => names.extend(star.name.iter().map(|n| n.to_string())),
            Pattern::MatchOr(or) => or.patterns.iter().take(1).for_each(|p| walk(p, names)),
            Pattern::MatchSequence(sequence) => {
                sequence.patterns.iter().for_each(|p| walk(p, names))
            }
            Pattern::MatchMapping(mapping) => {
                mapping.patterns.iter().for_each(|p| walk(p, names));
                names.extend(mapping.rest.iter().map(|n| n.to_string()));
            }
            Pattern::MatchClass(class) => {
                class.arguments.patterns.iter().for_each(|p| walk(p, names));
                class.arguments.keywords.iter().for_each(|k| walk(&k.pattern, names));
            }
            Pattern::MatchValue(_) | Pattern::MatchSingleton(_) => {}
        }
    }
    let mut names = Vec::new();
    walk(pattern, &mut names);
    names.sort();
    names
}
