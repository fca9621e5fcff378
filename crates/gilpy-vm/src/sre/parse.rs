//! A regular expression's text to a tree, after CPython's `Lib/re/_parser.py`: the same syntax,
//! the same errors at the same positions. Scoped flags (`(?i:...)`) are settled here, so each
//! node says whether it ignores case, and the matcher never tracks flags.

/// The flag bits of `re`, as CPython numbers them.
pub const IGNORECASE: u32 = 2;
pub const LOCALE: u32 = 4;
pub const MULTILINE: u32 = 8;
pub const DOTALL: u32 = 16;
pub const UNICODE: u32 = 32;
pub const VERBOSE: u32 = 64;
pub const ASCII: u32 = 256;

/// CPython's `MAXREPEAT` less one: a repeat count must stay below it.
const MAX_REPEAT: u64 = u32::MAX as u64;

#[derive(Debug)]
pub struct ParseError {
    pub message: String,
    pub pos: usize,
}

fn error<T>(message: impl Into<String>, pos: usize) -> Result<T, ParseError> {
    Err(ParseError { message: message.into(), pos })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    Digit,
    Word,
    Space,
}

#[derive(Debug, Clone)]
pub enum ClassItem {
    Char(char),
    Range(char, char),
    /// `\d`, `\w`, `\s` (negated: `\D`, `\W`, `\S`), ASCII-only or Unicode.
    Category {
        category: Category,
        negated: bool,
        ascii: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Greed {
    Greedy,
    Lazy,
    Possessive,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// `^`: the string's start, and after each newline under MULTILINE.
    LineStart { multiline: bool },
    /// `$`: the end, before a newline that ends the string, and before each newline under
    /// MULTILINE.
    LineEnd { multiline: bool },
    /// `\A`
    StringStart,
    /// `\Z`
    StringEnd,
    /// `\b` and `\B`
    WordBoundary { negated: bool, ascii: bool },
}

/// How a node compares letters: exactly, ignoring case by Unicode's simple case mappings, or
/// ignoring the case of ASCII letters only (`re.ASCII`, and bytes patterns).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    Exact,
    Unicode,
    Ascii,
}

#[derive(Debug, Clone)]
pub enum Node {
    Char {
        c: char,
        fold: Fold,
    },
    /// `.`
    Any {
        dotall: bool,
    },
    Class {
        items: Vec<ClassItem>,
        negated: bool,
        fold: Fold,
    },
    Anchor(Anchor),
    Sequence(Vec<Node>),
    Alternation(Vec<Node>),
    /// A capturing group, numbered from 1.
    Group {
        index: usize,
        node: Box<Node>,
    },
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
        greed: Greed,
    },
    /// `(?>...)`: once matched, never backtracked into.
    Atomic(Box<Node>),
    Backreference {
        group: usize,
        fold: Fold,
    },
    Lookaround {
        behind: bool,
        negated: bool,
        node: Box<Node>,
    },
    /// `(?(group)yes|no)`
    Conditional {
        group: usize,
        yes: Box<Node>,
        no: Box<Node>,
    },
}

pub struct Parsed {
    pub node: Node,
    /// How many capturing groups.
    pub groups: usize,
    pub names: Vec<(String, usize)>,
    /// The flags given and those set inline for the whole pattern.
    pub flags: u32,
}

/// Which version's syntax: possessive repeats and atomic groups came in 3.11, and global
/// flags in the middle of a pattern became an error.
#[derive(Clone, Copy)]
pub struct Syntax {
    pub since_3_11: bool,
    pub bytes: bool,
}

pub fn parse(pattern: &[char], flags: u32, syntax: Syntax) -> Result<Parsed, ParseError> {
    let mut flags = flags;
    if !syntax.bytes && flags & ASCII == 0 {
        flags |= UNICODE;
    }
    // A global flag set inline (`(?x)`) changes how the whole pattern reads: parse again.
    loop {
        let mut parser = Parser {
            chars: pattern,
            pos: 0,
            global_flags: flags,
            groups: 0,
            open_groups: Vec::new(),
            names: Vec::new(),
            syntax,
            restart: false,
        };
        let node = parser.alternation(flags, 0)?;
        if parser.restart {
            flags = parser.global_flags;
            continue;
        }
        if parser.pos < pattern.len() {
            // Only a `)` stops the top level early.
            return error("unbalanced parenthesis", parser.pos);
        }
        return Ok(Parsed {
            node,
            groups: parser.groups,
            names: parser.names,
            flags: parser.global_flags,
        });
    }
}

struct Parser<'a> {
    chars: &'a [char],
    pos: usize,
    global_flags: u32,
    groups: usize,
    open_groups: Vec<usize>,
    names: Vec<(String, usize)>,
    syntax: Syntax,
    /// Set when an inline global flag changed the flags: the caller parses again.
    restart: bool,
}

fn is_hex(c: char) -> bool {
    c.is_ascii_hexdigit()
}

fn is_octal(c: char) -> bool {
    ('0'..='7').contains(&c)
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, offset: usize) -> Option<char> {
        self.chars.get(self.pos + offset).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn ascii(&self, flags: u32) -> bool {
        self.syntax.bytes || flags & ASCII != 0
    }

    fn fold(&self, flags: u32) -> Fold {
        match (flags & IGNORECASE != 0, self.ascii(flags)) {
            (false, _) => Fold::Exact,
            (true, false) => Fold::Unicode,
            (true, true) => Fold::Ascii,
        }
    }

    fn alternation(&mut self, flags: u32, depth: usize) -> Result<Node, ParseError> {
        if depth > 200 {
            return error(TOO_DEEP, self.pos);
        }
        let mut branches = vec![self.sequence(flags, depth)?];
        while !self.restart && self.eat('|') {
            branches.push(self.sequence(flags, depth)?);
        }
        Ok(if branches.len() == 1 { branches.pop().unwrap() } else { Node::Alternation(branches) })
    }

    fn skip_verbose(&mut self, flags: u32) {
        if flags & VERBOSE == 0 {
            return;
        }
        while let Some(c) = self.peek() {
            if c.is_whitespace() {
                self.pos += 1;
            } else if c == '#' {
                while let Some(c) = self.peek() {
                    self.pos += 1;
                    if c == '\n' {
                        break;
                    }
                }
            } else {
                break;
            }
        }
    }

    fn sequence(&mut self, flags: u32, depth: usize) -> Result<Node, ParseError> {
        let mut items: Vec<Node> = Vec::new();
        loop {
            self.skip_verbose(flags);
            let Some(c) = self.peek() else { break };
            if c == '|' || c == ')' {
                break;
            }
            let start = self.pos;
            self.pos += 1;
            let node = match c {
                '(' => match self.group(flags, depth, start)? {
                    Some(node) => node,
                    None if self.restart => return Ok(Node::Sequence(items)),
                    None => continue,
                },
                '[' => self.class(flags, start)?,
                '.' => Node::Any { dotall: flags & DOTALL != 0 },
                '^' => Node::Anchor(Anchor::LineStart { multiline: flags & MULTILINE != 0 }),
                '$' => Node::Anchor(Anchor::LineEnd { multiline: flags & MULTILINE != 0 }),
                '\\' => self.escape(flags, start)?,
                '*' | '+' | '?' => return error("nothing to repeat", start),
                '{' => {
                    self.pos = start;
                    if self.repeat_bounds()?.is_some() {
                        return error("nothing to repeat", start);
                    }
                    self.pos = start + 1;
                    Node::Char { c: '{', fold: Fold::Exact }
                }
                c => Node::Char { c, fold: self.fold(flags) },
            };
            let node = self.quantified(node, flags)?;
            items.push(node);
        }
        Ok(if items.len() == 1 { items.pop().unwrap() } else { Node::Sequence(items) })
    }

    /// `{m,n}` at the cursor, read past; `None` (cursor unmoved) when the braces are not a
    /// repeat and stand for themselves.
    fn repeat_bounds(&mut self) -> Result<Option<(u32, Option<u32>)>, ParseError> {
        let here = self.pos;
        self.pos += 1; // `{`
        if self.peek() == Some('}') {
            self.pos = here;
            return Ok(None);
        }
        let digits = |parser: &mut Self| {
            let from = parser.pos;
            while parser.peek().is_some_and(|c| c.is_ascii_digit()) {
                parser.pos += 1;
            }
            parser.chars[from..parser.pos].iter().collect::<String>()
        };
        let low = digits(self);
        let high = if self.eat(',') { digits(self) } else { low.clone() };
        if !self.eat('}') {
            self.pos = here;
            return Ok(None);
        }
        let number = |text: &str| -> Result<Option<u32>, ParseError> {
            if text.is_empty() {
                return Ok(None);
            }
            match text.parse::<u64>() {
                Ok(n) if n < MAX_REPEAT => Ok(Some(n as u32)),
                _ => Err(ParseError { message: TOO_LARGE.into(), pos: usize::MAX }),
            }
        };
        let min = number(&low)?.unwrap_or(0);
        let max = number(&high)?;
        if max.is_some_and(|max| max < min) {
            return error("min repeat greater than max repeat", here + 1);
        }
        Ok(Some((min, max)))
    }

    fn quantified(&mut self, mut node: Node, flags: u32) -> Result<Node, ParseError> {
        let mut repeated = false;
        loop {
            self.skip_verbose(flags);
            let start = self.pos;
            let (min, max) = match self.peek() {
                Some('*') => (0, None),
                Some('+') => (1, None),
                Some('?') => (0, Some(1)),
                Some('{') => match self.repeat_bounds()? {
                    Some(bounds) => {
                        self.pos -= 1; // the `}` is read below
                        bounds
                    }
                    None => return Ok(node),
                },
                _ => return Ok(node),
            };
            self.pos += 1;
            if repeated {
                return error("multiple repeat", start);
            }
            if matches!(node, Node::Anchor(_)) {
                return error("nothing to repeat", start);
            }
            let greed = if self.eat('?') {
                Greed::Lazy
            } else if self.syntax.since_3_11 && self.eat('+') {
                Greed::Possessive
            } else {
                Greed::Greedy
            };
            node = Node::Repeat { node: Box::new(node), min, max, greed };
            repeated = true;
        }
    }

    fn group_name(&mut self, terminator: char) -> Result<String, ParseError> {
        let start = self.pos;
        let mut name = String::new();
        loop {
            match self.peek() {
                None => {
                    let what = if terminator == '>' {
                        "missing >, unterminated name"
                    } else {
                        "missing ), unterminated name"
                    };
                    return error(what, start);
                }
                Some(c) if c == terminator => {
                    self.pos += 1;
                    break;
                }
                Some(c) => {
                    name.push(c);
                    self.pos += 1;
                }
            }
        }
        if name.is_empty() {
            return error("missing group name", start);
        }
        if !is_identifier(&name) {
            return error(format!("bad character in group name {}", py_repr(&name)), start);
        }
        Ok(name)
    }

    /// After `(`: a group, or `None` for what matches nothing (a comment, global flags).
    fn group(
        &mut self,
        flags: u32,
        depth: usize,
        start: usize,
    ) -> Result<Option<Node>, ParseError> {
        let mut capture = true;
        let mut name = None;
        let mut inner_flags = flags;
        if self.eat('?') {
            let Some(c) = self.peek() else {
                return error("unexpected end of pattern", self.pos);
            };
            self.pos += 1;
            match c {
                ':' => capture = false,
                'P' => {
                    if self.eat('<') {
                        let name_at = self.pos;
                        let found = self.group_name('>')?;
                        if let Some(&(_, previous)) = self.names.iter().find(|(n, _)| *n == found) {
                            let message = format!(
                                "redefinition of group name {} as group {}; was group {previous}",
                                py_repr(&found),
                                self.groups + 1
                            );
                            return error(message, name_at);
                        }
                        name = Some(found);
                    } else if self.eat('=') {
                        let name_at = self.pos;
                        let found = self.group_name(')')?;
                        let Some(&(_, group)) = self.names.iter().find(|(n, _)| *n == found) else {
                            return error(
                                format!("unknown group name {}", py_repr(&found)),
                                name_at,
                            );
                        };
                        if self.open_groups.contains(&group) {
                            return error("cannot refer to an open group", start);
                        }
                        return Ok(Some(Node::Backreference { group, fold: self.fold(flags) }));
                    } else {
                        return match self.peek() {
                            Some(c) => error(format!("unknown extension ?P{c}"), start + 1),
                            None => error("unexpected end of pattern", self.pos),
                        };
                    }
                }
                '#' => {
                    while let Some(c) = self.peek() {
                        self.pos += 1;
                        if c == ')' {
                            return Ok(None);
                        }
                    }
                    return error("missing ), unterminated comment", start);
                }
                '=' | '!' => {
                    return self.lookaround(false, c == '!', flags, depth, start).map(Some)
                }
                '<' => {
                    return match self.peek() {
                        Some(c @ ('=' | '!')) => {
                            self.pos += 1;
                            self.lookaround(true, c == '!', flags, depth, start).map(Some)
                        }
                        Some(c) => error(format!("unknown extension ?<{c}"), start + 1),
                        None => error("unexpected end of pattern", self.pos),
                    };
                }
                '(' => return self.conditional(flags, depth, start).map(Some),
                '>' if self.syntax.since_3_11 => {
                    let node = self.alternation(flags, depth + 1)?;
                    if !self.eat(')') {
                        return error("missing ), unterminated subpattern", start);
                    }
                    return Ok(Some(Node::Atomic(Box::new(node))));
                }
                c if "aiLmsux-".contains(c) => {
                    self.pos -= 1;
                    match self.inline_flags(flags, start)? {
                        Some(scoped) => {
                            inner_flags = scoped;
                            capture = false;
                        }
                        None => return Ok(None),
                    }
                }
                c => return error(format!("unknown extension ?{c}"), start + 1),
            }
        }
        let index = if capture {
            self.groups += 1;
            if let Some(name) = name {
                self.names.push((name, self.groups));
            }
            self.open_groups.push(self.groups);
            Some(self.groups)
        } else {
            None
        };
        let node = self.alternation(inner_flags, depth + 1)?;
        if self.restart {
            return Ok(None);
        }
        if !self.eat(')') {
            return error("missing ), unterminated subpattern", start);
        }
        Ok(Some(match index {
            Some(index) => {
                self.open_groups.retain(|&open| open != index);
                Node::Group { index, node: Box::new(node) }
            }
            // Kept apart from what precedes it: `(?:^)*` repeats a group, not an anchor.
            None => Node::Sequence(vec![node]),
        }))
    }

    fn lookaround(
        &mut self,
        behind: bool,
        negated: bool,
        flags: u32,
        depth: usize,
        start: usize,
    ) -> Result<Node, ParseError> {
        let node = self.alternation(flags, depth + 1)?;
        if !self.eat(')') {
            return error("missing ), unterminated subpattern", start);
        }
        if behind && width(&node).is_none() {
            // CPython finds this when compiling, and names no position.
            return error("look-behind requires fixed-width pattern", NO_POSITION);
        }
        Ok(Node::Lookaround { behind, negated, node: Box::new(node) })
    }

    fn conditional(&mut self, flags: u32, depth: usize, start: usize) -> Result<Node, ParseError> {
        let name_at = self.pos;
        let name = {
            let from = self.pos;
            while self.peek().is_some_and(|c| c != ')') {
                self.pos += 1;
            }
            if !self.eat(')') {
                return error("missing ), unterminated name", from);
            }
            self.chars[from..self.pos - 1].iter().collect::<String>()
        };
        if name.is_empty() {
            return error("missing group name", name_at);
        }
        let group = if name.chars().all(|c| c.is_ascii_digit()) {
            let group: usize = name.parse().unwrap_or(usize::MAX);
            if group == 0 {
                return error("bad group number", name_at);
            }
            group
        } else if is_identifier(&name) {
            match self.names.iter().find(|(n, _)| *n == name) {
                Some(&(_, group)) => group,
                None => return error(format!("unknown group name {}", py_repr(&name)), name_at),
            }
        } else {
            return error(format!("bad character in group name {}", py_repr(&name)), name_at);
        };
        let yes = self.sequence(flags, depth + 1)?;
        let no = if self.eat('|') {
            let no = self.sequence(flags, depth + 1)?;
            if self.peek() == Some('|') {
                return error("conditional backref with more than two branches", self.pos);
            }
            no
        } else {
            Node::Sequence(Vec::new())
        };
        if !self.eat(')') {
            return error("missing ), unterminated subpattern", start);
        }
        if group > self.groups {
            return error(format!("invalid group reference {group}"), name_at);
        }
        Ok(Node::Conditional { group, yes: Box::new(yes), no: Box::new(no) })
    }

    /// `(?imsx)` or `(?imsx-imsx:`, the cursor on the first flag letter. Returns the scoped
    /// flags for `:`, or `None` for global flags (applied to the whole pattern).
    fn inline_flags(&mut self, flags: u32, start: usize) -> Result<Option<u32>, ParseError> {
        let letter_flag = |c: char| match c {
            'i' => Some(IGNORECASE),
            'L' => Some(LOCALE),
            'm' => Some(MULTILINE),
            's' => Some(DOTALL),
            'x' => Some(VERBOSE),
            'a' => Some(ASCII),
            'u' => Some(UNICODE),
            _ => None,
        };
        let mut add = 0;
        while let Some(flag) = self.peek().and_then(letter_flag) {
            add |= flag;
            self.pos += 1;
        }
        if add & LOCALE != 0 && !self.syntax.bytes {
            return error("bad inline flags: cannot use 'L' flag with a str pattern", self.pos);
        }
        if add & (ASCII | UNICODE) == ASCII | UNICODE {
            return error("bad inline flags: flags 'a', 'u' and 'L' are incompatible", self.pos);
        }
        let mut remove = 0;
        if self.eat('-') {
            loop {
                match self.peek() {
                    Some(c @ ('i' | 'm' | 's' | 'x')) => {
                        remove |= letter_flag(c).unwrap();
                        self.pos += 1;
                    }
                    Some(c) if c.is_alphabetic() => {
                        let message = if "aLu".contains(c) {
                            "bad inline flags: cannot turn off flags 'a', 'u' and 'L'".to_string()
                        } else {
                            "unknown flag".to_string()
                        };
                        return error(message, self.pos);
                    }
                    Some(':') => break,
                    Some(_) => return error("missing :", self.pos),
                    None => return error("missing flag", self.pos),
                }
            }
            if remove == 0 {
                return error("missing flag", self.pos);
            }
        }
        match self.peek() {
            Some(':') => {
                self.pos += 1;
                let mut scoped = (flags | add) & !remove;
                if add & ASCII != 0 {
                    scoped &= !UNICODE;
                }
                Ok(Some(scoped))
            }
            Some(')') if remove == 0 => {
                self.pos += 1;
                if start != 0 {
                    if self.syntax.since_3_11 {
                        return error("global flags not at the start of the expression", start);
                    }
                }
                let mut global = self.global_flags | add;
                if add & ASCII != 0 {
                    global &= !UNICODE;
                }
                if global != self.global_flags {
                    self.global_flags = global;
                    self.restart = true;
                }
                Ok(None)
            }
            Some(c) if c.is_alphabetic() => error("unknown flag", self.pos),
            Some(_) => error("missing -, : or )", self.pos),
            None => error("missing -, : or )", self.pos),
        }
    }

    fn class(&mut self, flags: u32, start: usize) -> Result<Node, ParseError> {
        let negated = self.eat('^');
        let mut items = Vec::new();
        let first = self.pos;
        loop {
            let Some(c) = self.peek() else {
                return error("unterminated character set", start);
            };
            if c == ']' && self.pos != first {
                self.pos += 1;
                break;
            }
            let item_start = self.pos;
            self.pos += 1;
            let low =
                if c == '\\' { self.class_escape(flags, item_start)? } else { ClassItem::Char(c) };
            if self.peek() == Some('-') && self.peek_at(1).is_some_and(|c| c != ']') {
                self.pos += 1;
                let high_start = self.pos;
                let h = self.peek().unwrap();
                self.pos += 1;
                let high = if h == '\\' {
                    self.class_escape(flags, high_start)?
                } else {
                    ClassItem::Char(h)
                };
                match (low, high) {
                    (ClassItem::Char(low), ClassItem::Char(high)) => {
                        if high < low {
                            let text: String = self.chars[item_start..self.pos].iter().collect();
                            return error(format!("bad character range {text}"), item_start);
                        }
                        items.push(ClassItem::Range(low, high));
                    }
                    _ => {
                        let text: String = self.chars[item_start..self.pos].iter().collect();
                        return error(format!("bad character range {text}"), item_start);
                    }
                }
            } else {
                items.push(low);
            }
        }
        Ok(Node::Class { items, negated, fold: self.fold(flags) })
    }

    /// A code point escape shared by classes and the rest: `\x`, `\u`, `\U`, `\N{...}`
    /// is not supported. The cursor is past the letter.
    fn code_escape(&mut self, letter: char, start: usize) -> Result<char, ParseError> {
        let count = match letter {
            'x' => 2,
            'u' if !self.syntax.bytes => 4,
            'U' if !self.syntax.bytes => 8,
            'N' if !self.syntax.bytes => return self.named_escape(start),
            _ => unreachable!("a code escape letter"),
        };
        let from = self.pos;
        while self.pos - from < count && self.peek().is_some_and(is_hex) {
            self.pos += 1;
        }
        let digits: String = self.chars[from..self.pos].iter().collect();
        if digits.len() != count {
            return error(format!("incomplete escape \\{letter}{digits}"), start);
        }
        let code = u32::from_str_radix(&digits, 16).unwrap_or(u32::MAX);
        match char::from_u32(code) {
            Some(c) => Ok(c),
            None => error(format!("bad escape \\{letter}{digits}"), start),
        }
    }

    /// `\N{EM DASH}`, the cursor past the `N`.
    fn named_escape(&mut self, start: usize) -> Result<char, ParseError> {
        if !self.eat('{') {
            return error("missing {", self.pos);
        }
        let from = self.pos;
        while self.peek().is_some_and(|c| c != '}') {
            self.pos += 1;
        }
        if self.peek().is_none() {
            return error("missing }, unterminated name", from);
        }
        let name: String = self.chars[from..self.pos].iter().collect();
        self.pos += 1;
        if name.is_empty() {
            return error("missing character name", from);
        }
        match unicode_names2::character(&name) {
            Some(c) => Ok(c),
            None => error(format!("undefined character name {}", py_repr(&name)), start),
        }
    }

    fn simple_escape(c: char) -> Option<char> {
        Some(match c {
            'a' => '\x07',
            'f' => '\x0c',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\x0b',
            '\\' => '\\',
            _ => return None,
        })
    }

    fn category(&self, c: char, flags: u32) -> Option<ClassItem> {
        let category = match c.to_ascii_lowercase() {
            'd' => Category::Digit,
            'w' => Category::Word,
            's' => Category::Space,
            _ => return None,
        };
        Some(ClassItem::Category {
            category,
            negated: c.is_ascii_uppercase(),
            ascii: self.ascii(flags),
        })
    }

    fn class_escape(&mut self, flags: u32, start: usize) -> Result<ClassItem, ParseError> {
        let Some(c) = self.peek() else {
            return error("bad escape (end of pattern)", start);
        };
        self.pos += 1;
        if let Some(item) = self.category(c, flags) {
            return Ok(item);
        }
        if let Some(c) = Self::simple_escape(c) {
            return Ok(ClassItem::Char(c));
        }
        match c {
            'b' => Ok(ClassItem::Char('\x08')),
            'x' => self.code_escape('x', start).map(ClassItem::Char),
            'u' | 'U' | 'N' if !self.syntax.bytes => {
                self.code_escape(c, start).map(ClassItem::Char)
            }
            c if is_octal(c) => {
                self.pos -= 1;
                self.octal(start).map(ClassItem::Char)
            }
            c if c.is_ascii_digit() => error(format!("bad escape \\{c}"), start),
            c if c.is_ascii_alphabetic() => error(format!("bad escape \\{c}"), start),
            c => Ok(ClassItem::Char(c)),
        }
    }

    /// Up to three octal digits at the cursor.
    fn octal(&mut self, start: usize) -> Result<char, ParseError> {
        let from = self.pos;
        while self.pos - from < 3 && self.peek().is_some_and(is_octal) {
            self.pos += 1;
        }
        let digits: String = self.chars[from..self.pos].iter().collect();
        let code = u32::from_str_radix(&digits, 8).unwrap_or(0);
        if code > 0o377 {
            return error(format!("octal escape value \\{digits} outside of range 0-0o377"), start);
        }
        Ok(char::from_u32(code).unwrap_or('\0'))
    }

    fn escape(&mut self, flags: u32, start: usize) -> Result<Node, ParseError> {
        let Some(c) = self.peek() else {
            return error("bad escape (end of pattern)", start);
        };
        self.pos += 1;
        let fold = self.fold(flags);
        let ascii = self.ascii(flags);
        let anchor = match c {
            'A' => Some(Anchor::StringStart),
            'Z' => Some(Anchor::StringEnd),
            'b' => Some(Anchor::WordBoundary { negated: false, ascii }),
            'B' => Some(Anchor::WordBoundary { negated: true, ascii }),
            _ => None,
        };
        if let Some(anchor) = anchor {
            return Ok(Node::Anchor(anchor));
        }
        if let Some(item) = self.category(c, flags) {
            return Ok(Node::Class { items: vec![item], negated: false, fold: Fold::Exact });
        }
        if let Some(c) = Self::simple_escape(c) {
            return Ok(Node::Char { c, fold });
        }
        let literal = match c {
            'x' => self.code_escape('x', start)?,
            'u' | 'U' | 'N' if !self.syntax.bytes => self.code_escape(c, start)?,
            '0' => {
                self.pos -= 1;
                self.octal(start)?
            }
            c if c.is_ascii_digit() => {
                // Three octal digits are a character; otherwise one or two digits name a group.
                if is_octal(c)
                    && self.peek().is_some_and(is_octal)
                    && self.peek_at(1).is_some_and(is_octal)
                {
                    self.pos -= 1;
                    self.octal(start)?
                } else {
                    let mut group = c.to_digit(10).unwrap() as usize;
                    if let Some(d) = self.peek().and_then(|d| d.to_digit(10)) {
                        group = group * 10 + d as usize;
                        self.pos += 1;
                    }
                    if group > self.groups {
                        return error(format!("invalid group reference {group}"), start + 1);
                    }
                    if self.open_groups.contains(&group) {
                        return error("cannot refer to an open group", start);
                    }
                    return Ok(Node::Backreference { group, fold });
                }
            }
            c if c.is_ascii_alphabetic() => return error(format!("bad escape \\{c}"), start),
            c => c,
        };
        Ok(Node::Char { c: literal, fold })
    }
}

/// The position of an error CPython raises without one.
pub const NO_POSITION: usize = usize::MAX;

const TOO_LARGE: &str = "the repetition number is too large";

const TOO_DEEP: &str = "a pattern with groups nested over 200 deep is not supported by gilpy yet";

/// Whether a parse error is one of gilpy's limits (NotImplementedError), not CPython's error.
pub fn is_limit(error: &ParseError) -> bool {
    error.message == TOO_DEEP
}

/// Whether a parse error is CPython's OverflowError rather than `re.error`.
pub fn is_overflow(error: &ParseError) -> bool {
    error.message == TOO_LARGE
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric())
}

/// A name as `repr` shows it in these messages: quoted, with `'` escaped when it holds one.
fn py_repr(name: &str) -> String {
    if name.contains('\'') && !name.contains('"') {
        format!("\"{name}\"")
    } else {
        format!("'{}'", name.replace('\'', "\\'"))
    }
}

/// How many characters `node` always matches, or `None` when it varies (lookbehind needs a
/// fixed width).
pub fn width(node: &Node) -> Option<usize> {
    match node {
        Node::Char { .. } | Node::Any { .. } | Node::Class { .. } => Some(1),
        Node::Anchor(_) | Node::Lookaround { .. } => Some(0),
        Node::Sequence(nodes) => nodes.iter().map(width).sum(),
        Node::Alternation(branches) => {
            let first = width(&branches[0])?;
            branches.iter().all(|b| width(b) == Some(first)).then_some(first)
        }
        Node::Group { node, .. } | Node::Atomic(node) => width(node),
        Node::Repeat { node, min, max, .. } => {
            if Some(*min) == *max {
                width(node).map(|w| w * *min as usize)
            } else {
                None
            }
        }
        Node::Backreference { .. } => None,
        Node::Conditional { yes, no, .. } => {
            let w = width(yes)?;
            (width(no) == Some(w)).then_some(w)
        }
    }
}
