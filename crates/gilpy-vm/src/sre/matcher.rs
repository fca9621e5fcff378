//! Runs a compiled pattern over a string by backtracking, as CPython's `Modules/_sre`: the
//! same leftmost, first-alternative-wins results, the same captures. The backtracking stack is
//! a vector, not Rust's stack, so a long subject cannot overflow it; a pattern that backtracks
//! without end can be stopped (the caller's `stop` is asked every so many steps).

use super::compile::{Class, Inst, Program};
use super::parse::{Anchor, Category, ClassItem, Fold};

/// Lower case as `_sre` folds it, by the simple mapping: one character to one (`İ` to `i`,
/// the first of its full mapping `i̇`).
pub fn lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    c.to_lowercase().next().unwrap_or(c)
}

pub fn lower_in(c: char, fold: Fold) -> char {
    match fold {
        Fold::Ascii => c.to_ascii_lowercase(),
        _ => lower(c),
    }
}

pub fn upper_in(c: char, fold: Fold) -> char {
    match fold {
        Fold::Ascii => c.to_ascii_uppercase(),
        _ => upper(c),
    }
}

pub fn upper(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_uppercase();
    }
    let mut uppered = c.to_uppercase();
    match (uppered.next(), uppered.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

/// Whether `c` is the character lowered to `low` and uppered to `up`, ignoring case.
fn same_ignoring_case(c: char, low: char, up: char, fold: Fold) -> bool {
    lower_in(c, fold) == low || upper_in(c, fold) == up
}

fn is_word(c: char, ascii: bool) -> bool {
    if ascii || c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c.is_alphanumeric()
    }
}

fn in_category(c: char, category: Category, ascii: bool) -> bool {
    match category {
        Category::Digit => {
            c.is_ascii_digit() || (!ascii && !c.is_ascii() && crate::methods::is_decimal(c))
        }
        Category::Word => is_word(c, ascii),
        Category::Space => {
            matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
                || (!ascii
                    && (('\x1c'..='\x1f').contains(&c) || (!c.is_ascii() && c.is_whitespace())))
        }
    }
}

fn class_contains(class: &Class, c: char) -> bool {
    let hit = |c: char| {
        class.items.iter().any(|item| match *item {
            ClassItem::Char(x) => x == c,
            ClassItem::Range(low, high) => (low..=high).contains(&c),
            ClassItem::Category { category, negated, ascii } => {
                in_category(c, category, ascii) != negated
            }
        })
    };
    let fold = class.fold;
    let found = hit(c)
        || (fold != Fold::Exact
            && (hit(lower_in(c, fold))
                || hit(upper_in(c, fold))
                || hit(lower_in(upper_in(c, fold), fold))));
    found != class.negated
}

/// Why a match stopped without an answer.
pub enum Stopped {
    /// The caller's `stop` said so (an interrupt).
    Interrupted,
}

enum Backtrack {
    /// Resume at `pc` with the cursor at `pos`.
    Alternative {
        pc: usize,
        pos: usize,
    },
    /// Undo a capture slot's change.
    Slot {
        slot: usize,
        old: Option<usize>,
    },
    Register {
        register: usize,
        old: usize,
    },
    LastIndex(Option<usize>),
}

/// The subject is ASCII or Latin-1 bytes (`u8`), or any text (`char`).
pub struct Matcher<'a, C> {
    program: &'a Program,
    text: &'a [C],
    /// Where the subject ends (`endpos`): nothing past it is seen.
    end: usize,
    pub slots: Vec<Option<usize>>,
    registers: Vec<usize>,
    /// The group whose end was recorded last, as `lastindex`.
    pub last_index: Option<usize>,
    stack: Vec<Backtrack>,
    steps: u32,
    stop: &'a dyn Fn() -> bool,
    /// `fullmatch`: a match must reach `end`.
    full: bool,
    /// The search must not find an empty match at `start_at` (the one an iteration just
    /// returned).
    not_empty_at: Option<usize>,
}

pub enum Mode {
    Match,
    Search,
    FullMatch,
}

impl<'a, C: Copy + Into<char> + PartialEq> Matcher<'a, C> {
    pub fn new(
        program: &'a Program,
        groups: usize,
        text: &'a [C],
        end: usize,
        stop: &'a dyn Fn() -> bool,
    ) -> Matcher<'a, C> {
        Matcher {
            program,
            text,
            end: end.min(text.len()),
            slots: vec![None; 2 * (groups + 1)],
            registers: vec![0; program.loop_registers],
            last_index: None,
            stack: Vec::new(),
            steps: 0,
            stop,
            full: false,
            not_empty_at: None,
        }
    }

    #[inline(always)]
    fn at(&self, pos: usize) -> char {
        self.text[pos].into()
    }

    /// Looks for a match from `pos` on; on success the slots hold it (slot 0 and 1: the
    /// whole match).
    pub fn run(&mut self, pos: usize, mode: Mode, must_advance: bool) -> Result<bool, Stopped> {
        self.full = matches!(mode, Mode::FullMatch);
        if pos > self.end {
            return Ok(false);
        }
        let mut start = pos;
        loop {
            if let (Mode::Search, Some(first)) = (&mode, self.program.first_char) {
                match self.text[start..self.end].iter().position(|&c| c.into() == first) {
                    Some(offset) => start += offset,
                    None => return Ok(false),
                }
            }
            self.not_empty_at = (must_advance && start == pos).then_some(start);
            self.slots.iter_mut().for_each(|slot| *slot = None);
            self.last_index = None;
            self.stack.clear();
            if let Some(end) = self.execute(0, start)? {
                self.slots[0] = Some(start);
                self.slots[1] = Some(end);
                return Ok(true);
            }
            if !matches!(mode, Mode::Search) || start >= self.end {
                return Ok(false);
            }
            start += 1;
        }
    }

    fn at_word_boundary(&self, pos: usize, ascii: bool) -> bool {
        let before = pos > 0 && is_word(self.at(pos - 1), ascii);
        let after = pos < self.end && is_word(self.at(pos), ascii);
        before != after
    }

    fn anchor_holds(&self, anchor: Anchor, pos: usize) -> bool {
        match anchor {
            Anchor::LineStart { multiline } => pos == 0 || (multiline && self.at(pos - 1) == '\n'),
            Anchor::LineEnd { multiline } => {
                pos == self.end || (self.at(pos) == '\n' && (multiline || pos + 1 == self.end))
            }
            Anchor::StringStart => pos == 0,
            Anchor::StringEnd => pos == self.end,
            // `\B` never matches in an empty string, as in `_sre`.
            Anchor::WordBoundary { negated, ascii } => {
                self.at_word_boundary(pos, ascii) != negated && !(negated && self.end == 0)
            }
        }
    }

    fn set_slot(&mut self, slot: usize, value: usize) {
        self.stack.push(Backtrack::Slot { slot, old: self.slots[slot] });
        self.slots[slot] = Some(value);
        if slot % 2 == 1 {
            self.stack.push(Backtrack::LastIndex(self.last_index));
            self.last_index = Some(slot / 2);
        }
    }

    /// Runs from `pc` at `pos` until `Match` or `SubMatch`; the position it ended at, or
    /// `None` when every way failed. Backtracking entries it leaves above where it started
    /// are only the undo records of captures, so a caller can still undo them.
    fn execute(&mut self, mut pc: usize, mut pos: usize) -> Result<Option<usize>, Stopped> {
        let base = self.stack.len();
        let insts = &self.program.insts;
        loop {
            self.steps = self.steps.wrapping_add(1);
            if self.steps % 65_536 == 0 && (self.stop)() {
                return Err(Stopped::Interrupted);
            }
            let advanced = match &insts[pc] {
                Inst::Char(c) => {
                    pos < self.end && self.at(pos) == *c && {
                        pos += 1;
                        true
                    }
                }
                Inst::CharIgnoreCase { lower: low, upper: up, fold } => {
                    pos < self.end && same_ignoring_case(self.at(pos), *low, *up, *fold) && {
                        pos += 1;
                        true
                    }
                }
                Inst::Any => {
                    pos < self.end && {
                        pos += 1;
                        true
                    }
                }
                Inst::AnyButNewline => {
                    pos < self.end && self.at(pos) != '\n' && {
                        pos += 1;
                        true
                    }
                }
                Inst::Class { class } => {
                    pos < self.end
                        && class_contains(&self.program.classes[*class], self.at(pos))
                        && {
                            pos += 1;
                            true
                        }
                }
                Inst::Anchor(anchor) => self.anchor_holds(*anchor, pos),
                Inst::Save(slot) => {
                    self.set_slot(*slot, pos);
                    true
                }
                Inst::Split { first, second } => {
                    self.stack.push(Backtrack::Alternative { pc: *second, pos });
                    pc = *first;
                    continue;
                }
                Inst::Jump(to) => {
                    pc = *to;
                    continue;
                }
                Inst::Backreference { group, fold } => {
                    match (self.slots[2 * group], self.slots[2 * group + 1]) {
                        (Some(from), Some(to)) if from <= to => {
                            let len = to - from;
                            let same = pos + len <= self.end
                                && (0..len).all(|i| {
                                    let (a, b) = (self.at(from + i), self.at(pos + i));
                                    a == b
                                        || (*fold != Fold::Exact
                                            && same_ignoring_case(
                                                b,
                                                lower_in(a, *fold),
                                                upper_in(a, *fold),
                                                *fold,
                                            ))
                                });
                            same && {
                                pos += len;
                                true
                            }
                        }
                        _ => false,
                    }
                }
                Inst::Look { behind, negated, width, next } => {
                    let (behind, negated, width, next) = (*behind, *negated, *width, *next);
                    let found = if behind {
                        match pos.checked_sub(width) {
                            Some(from) => self.execute(pc + 1, from)? == Some(pos),
                            None => false,
                        }
                    } else {
                        self.execute(pc + 1, pos)?.is_some()
                    };
                    // A lookbehind's body may end elsewhere: its leftover records still undo.
                    if found == negated {
                        false
                    } else {
                        pc = next;
                        continue;
                    }
                }
                Inst::Atomic { next } => {
                    let next = *next;
                    match self.execute(pc + 1, pos)? {
                        Some(end) => {
                            pos = end;
                            pc = next;
                            continue;
                        }
                        None => false,
                    }
                }
                Inst::IfGroup { group, no } => {
                    let matched =
                        self.slots[2 * group].is_some() && self.slots[2 * group + 1].is_some();
                    pc = if matched { pc + 1 } else { *no };
                    continue;
                }
                Inst::LoopStart(register) => {
                    self.stack.push(Backtrack::Register {
                        register: *register,
                        old: self.registers[*register],
                    });
                    self.registers[*register] = pos;
                    true
                }
                Inst::LoopProgress { register, exit } => {
                    pc = if pos == self.registers[*register] { *exit } else { pc + 1 };
                    continue;
                }
                Inst::SubMatch => {
                    self.keep_undo_records(base);
                    return Ok(Some(pos));
                }
                Inst::Match => {
                    let refused = (self.full && pos != self.end) || self.not_empty_at == Some(pos);
                    if !refused {
                        return Ok(Some(pos));
                    }
                    false
                }
            };
            if advanced {
                pc += 1;
                continue;
            }
            // Backtrack: undo records until an alternative to resume.
            loop {
                if self.stack.len() <= base {
                    return Ok(None);
                }
                match self.stack.pop().unwrap() {
                    Backtrack::Alternative { pc: at, pos: from } => {
                        pc = at;
                        pos = from;
                        break;
                    }
                    Backtrack::Slot { slot, old } => self.slots[slot] = old,
                    Backtrack::Register { register, old } => self.registers[register] = old,
                    Backtrack::LastIndex(old) => self.last_index = old,
                }
            }
        }
    }

    /// After a lookaround or an atomic group matched: its untried alternatives go, and its
    /// capture changes stay undoable.
    fn keep_undo_records(&mut self, base: usize) {
        let mut write = base;
        for read in base..self.stack.len() {
            if !matches!(self.stack[read], Backtrack::Alternative { .. }) {
                self.stack.swap(write, read);
                write += 1;
            }
        }
        self.stack.truncate(write);
    }
}
