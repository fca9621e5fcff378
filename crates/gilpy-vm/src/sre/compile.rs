//! A parsed pattern to the matcher's instructions, as CPython's `Lib/re/_compiler.py` turns
//! its tree into `_sre` code. Counted repeats are unrolled; a loop whose body can match the
//! empty string checks that each pass moved on, as `_sre` does, so `(a*)*` ends.

use super::parse::{Anchor, ClassItem, Fold, Greed, Node};

#[derive(Debug, Clone)]
pub enum Inst {
    Char(char),
    /// A character compared without case: the pattern's, lowered and uppered. Both are
    /// compared, as `_sre`'s extra case table has it: `σ`, `ς` and `Σ` match each other.
    CharIgnoreCase {
        lower: char,
        upper: char,
        fold: Fold,
    },
    Any,
    AnyButNewline,
    Class {
        class: usize,
    },
    Anchor(Anchor),
    /// Records the position in capture slot `slot` (group `n` has slots `2n` and `2n + 1`).
    Save(usize),
    /// Try `first`; on failure, backtrack to `second`.
    Split {
        first: usize,
        second: usize,
    },
    Jump(usize),
    Backreference {
        group: usize,
        fold: Fold,
    },
    /// A lookaround whose body starts at the next instruction and ends with `SubMatch`;
    /// `next` follows it. A lookbehind starts `width` characters back.
    Look {
        behind: bool,
        negated: bool,
        width: usize,
        next: usize,
    },
    /// An atomic group's body, the next instruction on, ending with `SubMatch`.
    Atomic {
        next: usize,
    },
    /// Goes on if group `group` has matched, else jumps to `no`.
    IfGroup {
        group: usize,
        no: usize,
    },
    /// Where a loop's pass starts: remembered in loop register `register`.
    LoopStart(usize),
    /// Leaves the loop for `exit` if the pass since `LoopStart(register)` matched nothing
    /// (its captures stay, as in `_sre`: `(a*)+` on "aa" ends with group 1 empty).
    LoopProgress {
        register: usize,
        exit: usize,
    },
    SubMatch,
    Match,
}

pub struct Class {
    pub items: Vec<ClassItem>,
    pub negated: bool,
    pub fold: Fold,
}

pub struct Program {
    pub insts: Vec<Inst>,
    pub classes: Vec<Class>,
    pub loop_registers: usize,
    /// A character every match starts with, to skip to when searching.
    pub first_char: Option<char>,
}

/// The most instructions a pattern may unroll to.
const MOST_INSTRUCTIONS: usize = 1 << 20;

pub fn compile(node: &Node) -> Result<Program, &'static str> {
    let mut compiler = Compiler { insts: Vec::new(), classes: Vec::new(), loop_registers: 0 };
    compiler.node(node)?;
    compiler.insts.push(Inst::Match);
    Ok(Program {
        insts: compiler.insts,
        classes: compiler.classes,
        loop_registers: compiler.loop_registers,
        first_char: first_char(node),
    })
}

fn first_char(node: &Node) -> Option<char> {
    match node {
        Node::Char { c, fold: Fold::Exact } => Some(*c),
        Node::Sequence(nodes) => nodes.first().and_then(first_char),
        Node::Group { node, .. } | Node::Atomic(node) => first_char(node),
        Node::Repeat { node, min, .. } if *min > 0 => first_char(node),
        _ => None,
    }
}

/// Whether `node` can match without consuming anything.
fn can_be_empty(node: &Node) -> bool {
    match node {
        Node::Char { .. } | Node::Any { .. } | Node::Class { .. } => false,
        Node::Anchor(_) | Node::Lookaround { .. } | Node::Backreference { .. } => true,
        Node::Sequence(nodes) => nodes.iter().all(can_be_empty),
        Node::Alternation(nodes) => nodes.iter().any(can_be_empty),
        Node::Group { node, .. } | Node::Atomic(node) => can_be_empty(node),
        Node::Repeat { node, min, .. } => *min == 0 || can_be_empty(node),
        Node::Conditional { yes, no, .. } => can_be_empty(yes) || can_be_empty(no),
    }
}

struct Compiler {
    insts: Vec<Inst>,
    classes: Vec<Class>,
    loop_registers: usize,
}

impl Compiler {
    fn emit(&mut self, inst: Inst) -> Result<usize, &'static str> {
        if self.insts.len() >= MOST_INSTRUCTIONS {
            return Err("a pattern whose repeats unroll to over a million steps is not supported by gilpy yet");
        }
        self.insts.push(inst);
        Ok(self.insts.len() - 1)
    }

    fn patch(&mut self, at: usize, target: usize) {
        match &mut self.insts[at] {
            Inst::Split { second, .. } => *second = target,
            Inst::Jump(to) => *to = target,
            Inst::Look { next, .. } | Inst::Atomic { next } => *next = target,
            Inst::IfGroup { no, .. } => *no = target,
            _ => unreachable!("only jumps are patched"),
        }
    }

    fn node(&mut self, node: &Node) -> Result<(), &'static str> {
        match node {
            Node::Char { c, fold } => {
                use super::matcher::{lower_in, upper_in};
                let (low, up) = (lower_in(*c, *fold), upper_in(*c, *fold));
                // A letter without case variants still folds when others map to it (`ß`, the
                // lower case of `ẞ`), so every non-ASCII char compares folded.
                let folds = *fold != Fold::Exact && (low != *c || up != *c || !c.is_ascii());
                self.emit(if folds {
                    Inst::CharIgnoreCase { lower: low, upper: up, fold: *fold }
                } else {
                    Inst::Char(*c)
                })?;
            }
            Node::Any { dotall } => {
                self.emit(if *dotall { Inst::Any } else { Inst::AnyButNewline })?;
            }
            Node::Class { items, negated, fold } => {
                let mut items = items.clone();
                if *fold != Fold::Exact {
                    // Each char's case variants join it (a titlecase `ǅ` brings `Ǆ` and `ǆ`),
                    // as CPython's compiler widens a class under IGNORECASE.
                    use super::matcher::{lower_in, upper_in};
                    let variants: Vec<ClassItem> = items
                        .iter()
                        .filter_map(|item| match item {
                            ClassItem::Char(c) => Some(*c),
                            _ => None,
                        })
                        .flat_map(|c| {
                            let (low, up) = (lower_in(c, *fold), upper_in(c, *fold));
                            [low, up, lower_in(up, *fold), upper_in(low, *fold)]
                        })
                        .map(ClassItem::Char)
                        .collect();
                    items.extend(variants);
                }
                self.classes.push(Class { items, negated: *negated, fold: *fold });
                self.emit(Inst::Class { class: self.classes.len() - 1 })?;
            }
            Node::Anchor(anchor) => {
                self.emit(Inst::Anchor(*anchor))?;
            }
            Node::Sequence(nodes) => {
                for node in nodes {
                    self.node(node)?;
                }
            }
            Node::Alternation(branches) => {
                let mut jumps = Vec::new();
                for (i, branch) in branches.iter().enumerate() {
                    if i + 1 < branches.len() {
                        let split = self.emit(Inst::Split { first: 0, second: 0 })?;
                        self.insts[split] = Inst::Split { first: split + 1, second: 0 };
                        self.node(branch)?;
                        jumps.push(self.emit(Inst::Jump(0))?);
                        let here = self.insts.len();
                        self.patch(split, here);
                    } else {
                        self.node(branch)?;
                    }
                }
                let end = self.insts.len();
                for jump in jumps {
                    self.patch(jump, end);
                }
            }
            Node::Group { index, node } => {
                self.emit(Inst::Save(2 * index))?;
                self.node(node)?;
                self.emit(Inst::Save(2 * index + 1))?;
            }
            Node::Backreference { group, fold } => {
                self.emit(Inst::Backreference { group: *group, fold: *fold })?;
            }
            Node::Lookaround { behind, negated, node } => {
                let width = if *behind { super::parse::width(node).unwrap_or(0) } else { 0 };
                let look =
                    self.emit(Inst::Look { behind: *behind, negated: *negated, width, next: 0 })?;
                self.node(node)?;
                self.emit(Inst::SubMatch)?;
                let here = self.insts.len();
                self.patch(look, here);
            }
            Node::Atomic(node) => self.atomic(node)?,
            Node::Conditional { group, yes, no } => {
                let test = self.emit(Inst::IfGroup { group: *group, no: 0 })?;
                self.node(yes)?;
                let jump = self.emit(Inst::Jump(0))?;
                let here = self.insts.len();
                self.patch(test, here);
                self.node(no)?;
                let end = self.insts.len();
                self.patch(jump, end);
            }
            Node::Repeat { node, min, max, greed } => match greed {
                Greed::Possessive => {
                    let plain = Node::Repeat {
                        node: node.clone(),
                        min: *min,
                        max: *max,
                        greed: Greed::Greedy,
                    };
                    self.atomic(&plain)?;
                }
                _ => self.repeat(node, *min, *max, *greed == Greed::Greedy)?,
            },
        }
        Ok(())
    }

    fn atomic(&mut self, node: &Node) -> Result<(), &'static str> {
        let atomic = self.emit(Inst::Atomic { next: 0 })?;
        self.node(node)?;
        self.emit(Inst::SubMatch)?;
        let here = self.insts.len();
        self.patch(atomic, here);
        Ok(())
    }

    /// A split that prefers going on into the body when greedy, and skipping it when lazy.
    fn split(&mut self, greedy: bool) -> Result<usize, &'static str> {
        let at = self.insts.len();
        self.emit(if greedy {
            Inst::Split { first: at + 1, second: 0 }
        } else {
            Inst::Split { first: 0, second: at + 1 }
        })
    }

    fn patch_split(&mut self, at: usize, greedy: bool, target: usize) {
        if let Inst::Split { first, second } = &mut self.insts[at] {
            if greedy {
                *second = target;
            } else {
                *first = target;
            }
        }
    }

    fn repeat(
        &mut self,
        node: &Node,
        min: u32,
        max: Option<u32>,
        greedy: bool,
    ) -> Result<(), &'static str> {
        for _ in 0..min {
            self.node(node)?;
        }
        match max {
            None => {
                // loop: split(body, out); [LoopStart] body [LoopProgress]; jump loop
                let guard = can_be_empty(node);
                let register = self.loop_registers;
                if guard {
                    self.loop_registers += 1;
                }
                let top = self.split(greedy)?;
                if guard {
                    self.emit(Inst::LoopStart(register))?;
                }
                self.node(node)?;
                let progress = if guard {
                    Some(self.emit(Inst::LoopProgress { register, exit: 0 })?)
                } else {
                    None
                };
                self.emit(Inst::Jump(top))?;
                let out = self.insts.len();
                self.patch_split(top, greedy, out);
                if let Some(at) = progress {
                    self.insts[at] = Inst::LoopProgress { register, exit: out };
                }
            }
            Some(max) => {
                // Each optional pass nests in the one before: split(body, out) body split(...)
                let guard = can_be_empty(node) && max > min;
                let register = self.loop_registers;
                if guard {
                    self.loop_registers += 1;
                }
                let mut splits = Vec::new();
                let mut progress = Vec::new();
                for _ in min..max {
                    splits.push(self.split(greedy)?);
                    if guard {
                        self.emit(Inst::LoopStart(register))?;
                    }
                    self.node(node)?;
                    if guard {
                        progress.push(self.emit(Inst::LoopProgress { register, exit: 0 })?);
                    }
                }
                let out = self.insts.len();
                for split in splits {
                    self.patch_split(split, greedy, out);
                }
                for at in progress {
                    self.insts[at] = Inst::LoopProgress { register, exit: out };
                }
            }
        }
        Ok(())
    }
}
