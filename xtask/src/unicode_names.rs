//! `cargo xtask unicode-names OUT`: the table of `\N{...}` names the runner loads at run time
//! (see `crates/unicode-names-lazy`), written from `unicode_names2`, the crate the parser uses
//! natively, and checked against it before it is written.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use unicode_names_lazy::Table;

/// Characters whose names are this prefix and their code point; the table stores their ranges.
const IDEOGRAPH_PREFIX: &str = "CJK UNIFIED IDEOGRAPH-";

pub fn run(out: Option<&str>) -> ExitCode {
    let Some(out) = out else {
        eprintln!("usage: cargo xtask unicode-names OUT");
        return ExitCode::from(2);
    };
    let aliases = match name_aliases() {
        Ok(aliases) => aliases,
        Err(message) => {
            eprintln!("unicode-names: {message}");
            return ExitCode::from(1);
        }
    };
    let text = table_text(&aliases);
    if let Err(message) = check(&text, &aliases) {
        eprintln!("unicode-names: the table does not agree with unicode_names2: {message}");
        return ExitCode::from(1);
    }
    if let Err(error) = std::fs::write(out, text) {
        eprintln!("unicode-names: could not write {out}: {error}");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// The table: every name `unicode_names2` gives a character, ideographs as ranges, then the
/// aliases it accepts.
fn table_text(aliases: &[(char, String)]) -> String {
    let mut text = format!(
        "# Unicode character names for \\N{{...}}, written by `cargo xtask unicode-names` from \
         unicode_names2 {}.\n",
        UNICODE_NAMES2_VERSION
    );
    let mut ideographs: Option<(u32, u32)> = None;
    let flush = |text: &mut String, range: &mut Option<(u32, u32)>| {
        if let Some((first, last)) = range.take() {
            text.push_str(&format!("{first:04X}-{last:04X} {IDEOGRAPH_PREFIX}\n"));
        }
    };
    for character in (0..=char::MAX as u32).filter_map(char::from_u32) {
        let Some(name) = unicode_names2::name(character) else { continue };
        let name = name.to_string();
        let code = character as u32;
        if name.starts_with(IDEOGRAPH_PREFIX) {
            match &mut ideographs {
                Some((_, last)) if *last + 1 == code => *last = code,
                _ => {
                    flush(&mut text, &mut ideographs);
                    ideographs = Some((code, code));
                }
            }
            continue;
        }
        flush(&mut text, &mut ideographs);
        text.push_str(&format!("{code:04X} {name}\n"));
    }
    flush(&mut text, &mut ideographs);
    for (character, alias) in aliases {
        text.push_str(&format!("{:04X} {alias}\n", *character as u32));
    }
    text
}

/// Reads the table back with the runner's stand-in and asks both crates for every name.
fn check(text: &str, aliases: &[(char, String)]) -> Result<(), String> {
    let table = Table::parse(text)?;
    let agree = |query: &str| {
        let (ours, theirs) = (table.character(query), unicode_names2::character(query));
        match ours == theirs {
            true => Ok(()),
            false => Err(format!("{query:?}: {ours:?} here, {theirs:?} in unicode_names2")),
        }
    };
    let mut asked = 0;
    for character in (0..=char::MAX as u32).filter_map(char::from_u32) {
        let Some(name) = unicode_names2::name(character) else { continue };
        let name = name.to_string();
        agree(&name)?;
        agree(&name.to_ascii_lowercase())?;
        asked += 2;
    }
    let near_misses = ["CJK UNIFIED IDEOGRAPH-4DC0", "CJK UNIFIED IDEOGRAPH-FFFFF", "NOT A NAME"];
    for query in aliases.iter().map(|(_, alias)| alias.as_str()).chain(near_misses) {
        agree(query)?;
    }
    if asked < 60_000 {
        return Err(format!("only {asked} names were asked"));
    }
    Ok(())
}

/// The aliases `unicode_names2` accepts (it cannot list them): those of its own
/// `data/NameAliases.txt` that it resolves.
fn name_aliases() -> Result<Vec<(char, String)>, String> {
    let dir = unicode_names2_dir()?;
    let path = dir.join("data/NameAliases.txt");
    let text = std::fs::read_to_string(&path)
        .map_err(|error| format!("could not read {}: {error}", path.display()))?;
    Ok(text
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let mut fields = line.split(';');
            let alias = fields.nth(1)?.trim().to_string();
            let character = unicode_names2::character(&alias)?;
            Some((character, alias))
        })
        .collect())
}

/// The version this xtask is built against; Cargo.lock pins it with the parser's.
const UNICODE_NAMES2_VERSION: &str = "1.3.0";

/// Where cargo keeps the source of the registry's `unicode_names2`: cargo's standard layout,
/// `$CARGO_HOME/registry/src/<registry>/unicode_names2-<version>/`. (`cargo metadata` would
/// have to fetch every platform's dependencies first, which fails offline.)
fn unicode_names2_dir() -> Result<PathBuf, String> {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .ok_or("neither CARGO_HOME nor HOME is set")?;
    let sources = cargo_home.join("registry/src");
    let name = format!("unicode_names2-{}", UNICODE_NAMES2_VERSION);
    std::fs::read_dir(&sources)
        .map_err(|error| format!("could not read {}: {error}", sources.display()))?
        .filter_map(|registry| Some(registry.ok()?.path().join(&name)))
        .find(|dir| dir.join("data/NameAliases.txt").is_file())
        .ok_or_else(|| format!("no {name}/data/NameAliases.txt under {}", sources.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_runner_reads_every_name_as_the_parser_does() {
        let aliases = name_aliases().unwrap();
        assert!(aliases.iter().any(|(c, alias)| *c == '\n' && alias == "NEW LINE"), "{aliases:?}");
        check(&table_text(&aliases), &aliases).unwrap();
    }
}
