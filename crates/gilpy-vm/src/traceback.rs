//! The report of an uncaught exception, as CPython's `PyErr_Display` prints it: its chain of
//! causes and contexts, each with its frames (source lines underlined from 3.11) and its last
//! line, `Type: message`. An exception group (3.11+) prints its own traceback, then each of its
//! exceptions in a numbered box, nested groups in nested boxes, as CPython's
//! `traceback.TracebackException.format` draws them. Tests compare the last line with CPython's.

use crate::builtins::{get_attribute, is_exception_instance};
use crate::text::Text;
use crate::value::{lock, TracebackEntry, Value};
use crate::version::PythonVersion;
use crate::vm::Thread;

/// CPython's `max_group_width` and `max_group_depth`.
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

/// The traceback CPython prints for an uncaught exception.
pub fn format_traceback(thread: &mut Thread, exception: &Value) -> String {
    format_with(thread, exception, true)
}

/// The report as the `traceback` module formats it, which before 3.12 makes no "Did you
/// mean" suggestion (the interpreter's own printer, in C, did).
pub fn format_traceback_as_module(thread: &mut Thread, exception: &Value) -> String {
    format_with(thread, exception, false)
}

/// What CPython's default `sys.unraisablehook` prints for an exception nothing can catch (one
/// raised by `__del__`, an atexit callback, a `_thread` function): `message` and the object's
/// repr, in each version's words (without a message, "Exception ignored in: obj"), then that
/// exception alone (no chain, no group members) as its C printer writes it: from 3.13 nothing
/// underlined, and `Type: ` even for an empty message.
pub fn format_unraisable(
    thread: &mut Thread,
    message: Option<&str>,
    object: &str,
    exception: &Value,
) -> String {
    let version = thread.interp.version;
    let mut out = match message {
        Some(message) if version >= PythonVersion::V3_13 => format!("{message} {object}:\n"),
        Some(message) => format!("{message}: {object}\n"),
        None => format!("Exception ignored in: {object}\n"),
    };
    let frames = frames(thread, exception, version < PythonVersion::V3_13);
    if !frames.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        out.push_str(&frames);
    }
    let last = last_line(thread, exception, false);
    let last = last.trim_end_matches('\n');
    out.push_str(last);
    if !last.contains(": ") {
        out.push_str(": ");
    }
    out.push('\n');
    out
}

fn format_with(thread: &mut Thread, exception: &Value, suggest: bool) -> String {
    let mut printer = Printer::new(suggest);
    printer.exception(thread, exception);
    printer.out
}

/// CPython's `_ExceptionPrintContext`: how deep in groups the text goes, and whether a box is
/// still to be closed.
struct Printer {
    out: String,
    group_depth: usize,
    need_close: bool,
    /// The exceptions printed so far, by address: a chain that loops back (`a.__cause__ = b;
    /// b.__cause__ = a`) is followed once, as CPython's `_seen` does.
    seen: Vec<usize>,
    /// Whether a last line may end in "Did you mean" before 3.12 (see [`last_line`]).
    suggest: bool,
}

impl Printer {
    fn new(suggest: bool) -> Printer {
        Printer { out: String::new(), group_depth: 0, need_close: false, seen: Vec::new(), suggest }
    }

    fn indent(&self) -> String {
        " ".repeat(2 * self.group_depth)
    }

    /// Writes `text`, each line behind the group margin (`margin` then a space) when inside a
    /// group.
    fn emit(&mut self, text: &str, margin: char) {
        let prefix = match self.group_depth {
            0 => String::new(),
            _ => format!("{}{margin} ", self.indent()),
        };
        for line in text.split_inclusive('\n') {
            self.out.push_str(&prefix);
            self.out.push_str(line);
        }
    }

    /// The exception's `__notes__` (3.11+), a line each after its last line: `str` of each
    /// note of a sequence, else the `repr` of what `__notes__` is.
    fn notes(&mut self, thread: &mut Thread, instance: &crate::value::Instance) {
        if thread.interp.version < PythonVersion::V3_11 {
            return;
        }
        let Some(notes) = instance.get("__notes__") else { return };
        let items = match &notes {
            Value::List(list) => lock(&list.items).clone(),
            Value::Tuple(items) => items.to_vec(),
            other => {
                let text =
                    thread.repr_of(other).unwrap_or_else(|_| "<__notes__ repr() failed>".into());
                self.emit(&format!("{text}\n"), '|');
                return;
            }
        };
        for note in items {
            let text = thread.str_of(&note).unwrap_or_else(|_| "<note str() failed>".into());
            self.emit(&format!("{text}\n"), '|');
        }
    }

    fn exception(&mut self, thread: &mut Thread, exception: &Value) {
        let Value::Instance(instance) = exception else {
            self.emit("error: not an exception\n", '|');
            return;
        };
        self.seen.push(exception.address());
        let unseen = |value: &Value| !value.is_none() && !self.seen.contains(&value.address());
        let cause = instance.get("__cause__").filter(unseen);
        let suppressed =
            instance.get("__suppress_context__").is_some_and(|s| matches!(s, Value::Bool(true)));
        let context = instance.get("__context__").filter(|c| unseen(c) && !suppressed);
        if let Some(cause) = &cause {
            self.exception(thread, cause);
            self.emit(
                "\nThe above exception was the direct cause of the following exception:\n\n",
                '|',
            );
        } else if let Some(context) = &context {
            self.exception(thread, context);
            self.emit(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
                '|',
            );
        }
        let frames = frames(thread, exception, true);
        let members = group_members(thread, exception);
        let Some(members) = members.filter(|_| self.group_depth <= MAX_GROUP_DEPTH) else {
            if !frames.is_empty() {
                self.emit("Traceback (most recent call last):\n", '|');
                self.emit(&frames, '|');
            }
            let last = last_line(thread, exception, self.suggest);
            self.emit(&last, '|');
            self.notes(thread, instance);
            return;
        };
        let top_level = self.group_depth == 0;
        if top_level {
            self.group_depth += 1;
        }
        if !frames.is_empty() {
            let margin = if top_level { '+' } else { '|' };
            self.emit("Exception Group Traceback (most recent call last):\n", margin);
            self.emit(&frames, '|');
        }
        let last = last_line(thread, exception, self.suggest);
        self.emit(&last, '|');
        self.notes(thread, instance);
        let shown = members.len().min(MAX_GROUP_WIDTH + 1);
        self.need_close = false;
        for (index, member) in members.iter().take(shown).enumerate() {
            let last_member = index + 1 == shown;
            if last_member {
                self.need_close = true;
            }
            let truncated = index >= MAX_GROUP_WIDTH;
            let title = if truncated { "...".to_string() } else { (index + 1).to_string() };
            let corner = if index == 0 { "+-" } else { "  " };
            self.out.push_str(&format!(
                "{}{corner}+---------------- {title} ----------------\n",
                self.indent()
            ));
            self.group_depth += 1;
            if truncated {
                let more = members.len() - MAX_GROUP_WIDTH;
                let plural = if more > 1 { "s" } else { "" };
                self.emit(&format!("and {more} more exception{plural}\n"), '|');
            } else {
                self.exception(thread, member);
            }
            if last_member && self.need_close {
                self.out
                    .push_str(&format!("{}+------------------------------------\n", self.indent()));
                self.need_close = false;
            }
            self.group_depth -= 1;
        }
        if top_level {
            self.group_depth = 0;
        }
    }
}

/// The exceptions of an exception group; None for any other exception.
fn group_members(thread: &mut Thread, exception: &Value) -> Option<Vec<Value>> {
    let Value::Instance(instance) = exception else { return None };
    // The class `_exceptiongroup` defines, which says it is of `builtins`: no module().
    let is_group = std::iter::once(&instance.class)
        .chain(instance.class.bases_mro.iter())
        .any(|class| &*class.name == "BaseExceptionGroup" && class.module().is_none());
    if !is_group {
        return None;
    }
    match get_attribute(thread, exception, "exceptions") {
        Ok(Value::Tuple(items)) => {
            Some(items.iter().filter(|item| is_exception_instance(item)).cloned().collect())
        }
        _ => None,
    }
}

/// The frames an exception passed through, outermost first, as the traceback lists them.
fn frames(thread: &Thread, exception: &Value, carets: bool) -> String {
    let Value::Instance(instance) = exception else { return String::new() };
    let entries = lock(&instance.traceback).clone();
    let mut out = String::new();
    // As CPython's `StackSummary.format`: a line that repeats (a runaway recursion) shows
    // three times, then how many more times it came.
    let mut run: Option<(&TracebackEntry, usize)> = None;
    let repeated = |count: usize| match count > RECURSIVE_CUTOFF {
        true => {
            let more = count - RECURSIVE_CUTOFF;
            format!(
                "  [Previous line repeated {more} more time{}]\n",
                if more > 1 { "s" } else { "" }
            )
        }
        false => String::new(),
    };
    for entry in entries.iter().rev() {
        match &mut run {
            Some((last, count))
                if last.filename == entry.filename
                    && last.line == entry.line
                    && last.function == entry.function =>
            {
                *count += 1
            }
            _ => {
                out.push_str(&repeated(run.map_or(0, |(_, count)| count)));
                run = Some((entry, 1));
            }
        }
        if run.is_some_and(|(_, count)| count <= RECURSIVE_CUTOFF) {
            out.push_str(&format_entry_with(thread, entry, carets));
        }
    }
    out.push_str(&repeated(run.map_or(0, |(_, count)| count)));
    out
}

/// How many times a repeated traceback line shows before the rest are counted.
const RECURSIVE_CUTOFF: usize = 3;

/// Line `line` of the source of `filename`, if the interpreter has it.
pub(crate) fn source_line(thread: &Thread, filename: &str, line: u32) -> Option<String> {
    let sources = lock(&thread.interp.sources);
    sources.get(filename)?.line_text(line).map(str::to_string)
}

/// One frame of a traceback or stack: its `File "...", line N, in name` line, then its source
/// line (with carets from 3.11).
pub(crate) fn format_entry(thread: &Thread, entry: &TracebackEntry) -> String {
    format_entry_with(thread, entry, true)
}

/// [`format_entry`], with the source line alone unless `carets`.
fn format_entry_with(thread: &Thread, entry: &TracebackEntry, carets: bool) -> String {
    let mut out =
        format!("  File \"{}\", line {}, in {}\n", entry.filename, entry.line, entry.function);
    // The lines of the span that raised, which 3.11+ underlines (3.13 shows them all).
    let position = match entry.position.line == entry.line {
        true => entry.position,
        false => Default::default(),
    };
    let sources = lock(&thread.interp.sources);
    let lines: Vec<&str> = sources.get(&*entry.filename).map_or(Vec::new(), |source| {
        (entry.line..=position.end_line.max(entry.line))
            .map_while(|line| source.line_text(line))
            .collect()
    });
    let position = if carets { position } else { Default::default() };
    for line in crate::carets::source_lines(&lines, position, thread.interp.version) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// `Type: message`, or the type alone for an empty message.
/// `by_interpreter`: the interpreter's own printer (C in CPython) rather than the `traceback`
/// module, which words some things otherwise before 3.12.
pub(crate) fn last_line(thread: &mut Thread, exception: &Value, by_interpreter: bool) -> String {
    let Value::Instance(instance) = exception else { return String::new() };
    // Its `__str__`, a class's own if it has one, as CPython's `PyObject_Str`.
    let message =
        thread.str_of(exception).unwrap_or_else(|_| "<exception str() failed>".to_string());
    // Classes of other modules show it (`json.decoder.JSONDecodeError`); up to 3.10 the
    // interpreter's printer shows `__main__` too (`__main__.MyError`), the traceback module
    // never does.
    let main_shown = by_interpreter && thread.interp.version < PythonVersion::V3_11;
    let name: Text = match instance.class.module() {
        Some(module) if &*module == "__main__" && !main_shown => instance.class.name.clone(),
        _ => Text::from(instance.class.qualified_name()),
    };
    if instance.class.is_subclass_of(&thread.interp.class("SyntaxError")) {
        if let Some(report) = syntax_error_report(thread, instance, &name) {
            return report;
        }
    }
    // Before 3.12 only the interpreter's printer suggests, not the traceback module.
    let message = match by_interpreter || thread.interp.version >= PythonVersion::V3_12 {
        true => message + &suggestion(thread, instance),
        false => message,
    };
    if message.is_empty() {
        format!("{name}\n")
    } else {
        format!("{name}: {message}\n")
    }
}

/// Where a NameError keeps the scope its name was missed in: `(code, globals, self)`.
pub(crate) const NAME_ERROR_SCOPE: &str = "__gilpy_scope__";

/// What 3.10+ adds to a NameError's or AttributeError's last line: ". Did you mean: 'x'?"
/// (CPython's `TracebackException` and, before 3.12, `suggestions.c`), and from 3.12, for the
/// name of a standard module, "Did you forget to import 'x'?".
fn suggestion(thread: &mut Thread, instance: &crate::value::Instance) -> String {
    let version = thread.interp.version;
    let Some(Value::Str(wrong)) = instance.get("name") else { return String::new() };
    if version < PythonVersion::V3_10 {
        return String::new();
    }
    let below_length = version == PythonVersion::V3_12;
    let found = if instance.class.is_subclass_of(&thread.interp.class("AttributeError")) {
        let Some(object) = instance.get("obj") else { return String::new() };
        let Ok(Value::List(names)) = crate::builtins::dir(thread, vec![object], vec![]) else {
            return String::new();
        };
        let names: Vec<Text> = lock(&names.items)
            .iter()
            .filter_map(|name| match name {
                // From 3.12 private names are no suggestion for a public one.
                Value::Str(name)
                    if version < PythonVersion::V3_12
                        || wrong.starts_with('_')
                        || !name.starts_with('_') =>
                {
                    Some(name.clone())
                }
                _ => None,
            })
            .collect();
        let names: Vec<&str> = names.iter().map(|name| &**name).collect();
        crate::suggestions::closest(&names, &wrong, below_length).map(str::to_string)
    } else if instance.class.is_subclass_of(&thread.interp.class("NameError")) {
        name_suggestion(thread, instance, &wrong)
    } else {
        None
    };
    let mut text = found.map_or(String::new(), |found| format!(". Did you mean: '{found}'?"));
    let is_name_error = instance.class.is_subclass_of(&thread.interp.class("NameError"));
    if is_name_error
        && version >= PythonVersion::V3_12
        && crate::suggestions::STDLIB_MODULES.contains(&&*wrong)
    {
        let joint = if text.is_empty() { ". Did" } else { " Or did" };
        text += &format!("{joint} you forget to import '{wrong}'?");
    }
    text
}

/// The local, global or built-in name closest to `wrong`. Before 3.12 each of the three is
/// searched in turn; from 3.12 together, after `self.wrong` when `self` has that attribute.
fn name_suggestion(
    thread: &mut Thread,
    instance: &crate::value::Instance,
    wrong: &str,
) -> Option<String> {
    let Some(Value::Tuple(scope)) = instance.get(NAME_ERROR_SCOPE) else { return None };
    let [Value::Code(code), Value::Dict(globals), this] = &scope[..] else { return None };
    let version = thread.interp.version;
    if version >= PythonVersion::V3_12 && !this.is_none() {
        if crate::builtins::get_attribute(thread, this, wrong).is_ok() {
            return Some(format!("self.{wrong}"));
        }
    }
    let locals: Vec<Text> =
        code.local_names.iter().chain(&code.cell_names).chain(&code.free_names).cloned().collect();
    let groups = [locals, globals.str_keys(), thread.interp.builtins.str_keys()];
    let closest = |names: &[Text]| {
        let names: Vec<&str> = names.iter().map(|name| &**name).collect();
        crate::suggestions::closest(&names, wrong, version == PythonVersion::V3_12)
            .map(str::to_string)
    };
    match version >= PythonVersion::V3_12 {
        true => closest(&groups.concat()),
        false => groups.iter().find_map(|group| closest(group)),
    }
}

/// A SyntaxError with a line number shows where it is, as CPython's `_format_syntax_error`:
/// the file and line, the text and carets, then the message alone.
fn syntax_error_report(
    thread: &mut Thread,
    instance: &crate::value::Instance,
    name: &str,
) -> Option<String> {
    let field = |field| crate::builtins::syntax_error_field(instance, field).unwrap_or(Value::None);
    let Value::Int(line) = field("lineno") else { return None };
    let message = match field("msg") {
        Value::None => "<no detail available>".to_string(),
        message => thread.str_of(&message).unwrap_or_default(),
    };
    let filename = match field("filename") {
        Value::Str(filename) => filename.to_string(),
        _ => "<string>".to_string(),
    };
    let Value::Str(text) = field("text") else {
        return Some(format!("  File \"{filename}\", line {line}\n{name}: {message}\n"));
    };
    // Clamped to just past the line, as CPython's printer does.
    let column = match field("offset") {
        Value::Int(offset) => offset.clamp(0, text.chars().count() as i64 + 1) as u32,
        _ => 0,
    };
    // No caret for an offset inside the indentation, which the report strips.
    let indent = text.chars().take_while(|c| c.is_whitespace()).count() as u32;
    let width = match (field("end_lineno"), field("end_offset")) {
        _ if column <= indent => 0,
        (Value::Int(end_line), Value::Int(end))
            if end_line == line && thread.interp.version >= PythonVersion::V3_10 =>
        {
            (end.max(0) as u32).saturating_sub(column).max(1)
        }
        _ => 1,
    };
    let error = crate::syntax::SyntaxError {
        filename,
        line: line as u32,
        column,
        line_text: text.trim_end_matches('\n').to_string(),
        message,
        kind: "",
        width,
    };
    Some(format!("{}{name}: {}\n", error.location(), error.message))
}
