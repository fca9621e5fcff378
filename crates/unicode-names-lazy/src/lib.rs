//! `unicode_names2::character` for the runner's wasm build, over a table the runner loads when a
//! program first needs it.
//!
//! The parser resolves `\N{...}` escapes with `unicode_names2`, whose compiled-in tables are
//! 400 KB of the runner's gzipped wasm: a third of the page's first load, for an escape few
//! programs use. `./dev build-runner` patches that crate with this one and writes the table
//! beside the runner (`cargo xtask unicode-names`, from `unicode_names2` itself, so both agree);
//! the runner fetches it before it parses a program that contains `\N{`.
//!
//! The table is text, a line per name: `HEX NAME`, or `FIRST-LAST PREFIX-` for a range of
//! characters named by their code point, such as `CJK UNIFIED IDEOGRAPH-4E00`. Lines that start
//! with `#` are comments.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The file the table is served as, beside the runner's wasm.
pub const TABLE_FILE: &str = "unicode-names.txt";

/// Installed once, then read by every thread: the pool's workers share this memory.
static TABLE: OnceLock<Table> = OnceLock::new();

#[derive(Debug, Default)]
pub struct Table {
    /// Upper-case names (and aliases) to their characters.
    names: HashMap<Box<str>, char>,
    /// Characters named `PREFIX` + their code point in upper-case hex.
    ranges: Vec<NamedRange>,
}

#[derive(Debug)]
struct NamedRange {
    prefix: Box<str>,
    first: u32,
    last: u32,
}

impl Table {
    /// Reads the table's text; the error names the first line it could not read.
    pub fn parse(text: &str) -> Result<Table, String> {
        let mut table = Table::default();
        for (index, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = || format!("line {} of the Unicode names table: {line:?}", index + 1);
            let (code, name) = line.split_once(' ').ok_or_else(bad)?;
            let hex = |digits: &str| u32::from_str_radix(digits, 16).map_err(|_| bad());
            match code.split_once('-') {
                Some((first, last)) if name.ends_with('-') => table.ranges.push(NamedRange {
                    prefix: name.into(),
                    first: hex(first)?,
                    last: hex(last)?,
                }),
                _ => {
                    let character = char::from_u32(hex(code)?).ok_or_else(bad)?;
                    table.names.insert(name.into(), character);
                }
            }
        }
        Ok(table)
    }

    /// Like `unicode_names2::character`: case-insensitive, aliases included.
    pub fn character(&self, name: &str) -> Option<char> {
        let name = name.to_ascii_uppercase();
        if let Some(&character) = self.names.get(name.as_str()) {
            return Some(character);
        }
        self.ranges.iter().find_map(|range| {
            let digits = name.strip_prefix(&*range.prefix)?;
            // At most five digits, as `unicode_names2` reads them.
            if digits.is_empty()
                || digits.len() > 5
                || !digits.bytes().all(|b| b.is_ascii_hexdigit())
            {
                return None;
            }
            let code = u32::from_str_radix(digits, 16).ok()?;
            (range.first..=range.last).contains(&code).then(|| char::from_u32(code)).flatten()
        })
    }
}

/// Makes `table` the one `character` reads. Installing twice keeps the first.
pub fn install(table: Table) {
    let _ = TABLE.set(table);
}

pub fn is_installed() -> bool {
    TABLE.get().is_some()
}

/// The character called `name`, or `None` when there is none or the table is not installed yet
/// (the parser then reports an unknown name, as CPython would for a misspelt one).
pub fn character(name: &str) -> Option<char> {
    TABLE.get()?.character(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# a sample\n0041 LATIN CAPITAL LETTER A\n000A LINE FEED\n000A NEW LINE\n\
                          4E00-9FFF CJK UNIFIED IDEOGRAPH-\n";

    #[test]
    fn names_are_read_case_insensitively() {
        let table = Table::parse(SAMPLE).unwrap();
        assert_eq!(table.character("latin capital letter a"), Some('A'));
        assert_eq!(table.character("New Line"), Some('\n'));
        assert_eq!(table.character("LATIN CAPITAL LETTER"), None);
    }

    #[test]
    fn ranges_name_characters_by_code_point() {
        let table = Table::parse(SAMPLE).unwrap();
        assert_eq!(table.character("CJK UNIFIED IDEOGRAPH-4e00"), Some('\u{4E00}'));
        assert_eq!(table.character("CJK UNIFIED IDEOGRAPH-04E01"), Some('\u{4E01}'));
        assert_eq!(table.character("CJK UNIFIED IDEOGRAPH-3400"), None);
        assert_eq!(table.character("CJK UNIFIED IDEOGRAPH-"), None);
        assert_eq!(table.character("CJK UNIFIED IDEOGRAPH-+4E00"), None);
    }

    #[test]
    fn a_bad_line_is_named() {
        let error = Table::parse("0041 A\nzz B\n").unwrap_err();
        assert!(error.contains("line 2"), "{error}");
    }
}
