//! `_io`: open files under `stdlib/io.py`, and the file functions of `os`, over the host's
//! [`FileSystem`](crate::files::FileSystem). An open file is a handle with CPython's buffers
//! (8 KB): reads refill the read buffer and writes collect in the write buffer, so a program
//! that writes line by line makes few host calls. As in CPython, the calls that reach the host
//! (opening, refilling, flushing) run without the GIL; those the buffers answer keep it.
//!
//! Text is UTF-8 here, with universal newlines when `translate` is set (`newline=None`); other
//! encodings are decoded in `io.py` from the bytes these functions return.

use std::io::{self, ErrorKind, Read, Seek, SeekFrom, Write};
use std::sync::{Arc, Mutex, Weak};

use crate::builtins::builtin_function as builtin;
use crate::files::{Entry, FileHandle, OpenFlags};
use crate::text::Text;
use crate::value::{lock, Native, NativeType, Value};
use crate::vm::{CallResult, Thread};

type Args = Vec<Value>;
type Kwargs = Vec<(Text, Value)>;

/// CPython's `io.DEFAULT_BUFFER_SIZE`.
const BUFFER_SIZE: usize = 8192;

pub fn module() -> Vec<(&'static str, Value)> {
    vec![
        ("open", builtin("open", open)),
        ("read", builtin("read", read)),
        ("readline", builtin("readline", readline)),
        ("read_text", builtin("read_text", read_text)),
        ("readline_text", builtin("readline_text", readline_text)),
        ("write", builtin("write", write)),
        ("flush", builtin("flush", flush)),
        ("seek", builtin("seek", seek)),
        ("tell", builtin("tell", tell)),
        ("truncate", builtin("truncate", truncate)),
        ("peek", builtin("peek", peek)),
        ("close", builtin("close", close)),
    ]
}

/// The file functions of `os` and `os.path` that ask the file system.
pub fn os_functions() -> Vec<(&'static str, Value)> {
    vec![
        ("getcwd", builtin("getcwd", os_getcwd)),
        ("remove", builtin("remove", os_remove)),
        ("unlink", builtin("unlink", os_remove)),
        ("mkdir", builtin("mkdir", os_mkdir)),
        ("rmdir", builtin("rmdir", os_rmdir)),
        ("listdir", builtin("listdir", os_listdir)),
        ("rename", builtin("rename", os_rename)),
        ("replace", builtin("replace", os_rename)),
        ("_entry", builtin("_entry", os_entry)),
    ]
}

static FILE_TYPE: NativeType = NativeType { name: "FileIO", module: "_io", methods: &[] };

/// The files an interpreter has open, so that what their buffers hold is written out when the
/// program ends, as CPython's finalization does for files never closed.
#[derive(Default)]
pub struct OpenFiles(Mutex<Vec<Weak<Mutex<OpenFile>>>>);

impl OpenFiles {
    fn register(&self, file: &Arc<Mutex<OpenFile>>) {
        let mut files = lock(&self.0);
        if files.len() >= 64 && files.len().is_power_of_two() {
            files.retain(|file| file.strong_count() > 0);
        }
        files.push(Arc::downgrade(file));
    }

    /// Writes out every open file's buffer (at the end of a run; errors are dropped, as
    /// CPython's finalization drops them).
    pub fn flush_all(&self) {
        let files: Vec<_> = lock(&self.0).drain(..).filter_map(|file| file.upgrade()).collect();
        for file in files {
            let _ = lock(&file).flush_writes();
        }
    }
}

/// An open file's handle and buffers. Dropped with its last reference (a file never closed),
/// it still writes out what its buffer holds, as CPython's file objects do when they die.
pub struct OpenFile {
    handle: Option<Box<dyn FileHandle>>,
    /// Bytes read ahead from the handle; those before `read_at` are consumed.
    read_buffer: Vec<u8>,
    read_at: usize,
    /// Text read strictly as UTF-8 is checked a chunk at a time, as CPython's decoder takes
    /// it, so that an error names the same position; bytes before this one are checked.
    checked_to: usize,
    write_buffer: Vec<u8>,
}

impl Drop for OpenFile {
    fn drop(&mut self) {
        let _ = self.flush_writes();
    }
}

/// The error of an operation on a closed file, told apart from the host's by its type.
#[derive(Debug)]
struct ClosedFile;

impl std::fmt::Display for ClosedFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("I/O operation on closed file.")
    }
}

impl std::error::Error for ClosedFile {}

fn closed_error() -> io::Error {
    io::Error::other(ClosedFile)
}

fn is_closed_error(error: &io::Error) -> bool {
    error.get_ref().is_some_and(|inner| inner.is::<ClosedFile>())
}

impl OpenFile {
    fn handle(&mut self) -> io::Result<&mut Box<dyn FileHandle>> {
        self.handle.as_mut().ok_or_else(closed_error)
    }

    fn flush_writes(&mut self) -> io::Result<()> {
        if self.write_buffer.is_empty() {
            return Ok(());
        }
        let data = std::mem::take(&mut self.write_buffer);
        self.handle()?.write_all(&data)?;
        self.handle()?.flush()
    }

    /// Gives back the bytes read ahead (the handle's position moves back to the reader's), so
    /// that a write or a seek starts where the program thinks it is.
    fn drop_read_ahead(&mut self) -> io::Result<()> {
        let unread = self.read_buffer.len() - self.read_at;
        self.read_buffer.clear();
        self.read_at = 0;
        self.checked_to = 0;
        if unread > 0 {
            self.handle()?.seek(SeekFrom::Current(-(unread as i64)))?;
        }
        Ok(())
    }

    fn unread(&self) -> &[u8] {
        &self.read_buffer[self.read_at..]
    }

    /// Reads another chunk into the buffer; false at the end of the file. With `check_utf8`,
    /// the bytes not yet checked must be UTF-8 (an unfinished character may end them unless
    /// the file ends there).
    fn refill(&mut self, check_utf8: bool) -> io::Result<bool> {
        self.flush_writes()?;
        if self.read_at == self.read_buffer.len() {
            self.read_buffer.clear();
            self.read_at = 0;
            self.checked_to = 0;
        } else if self.read_at >= BUFFER_SIZE {
            // Consumed bytes go, so that a long file read in small steps keeps a small buffer.
            self.read_buffer.drain(..self.read_at);
            self.checked_to = self.checked_to.saturating_sub(self.read_at);
            self.read_at = 0;
        }
        let start = self.read_buffer.len();
        self.read_buffer.resize(start + BUFFER_SIZE, 0);
        let handle = self.handle.as_mut().ok_or_else(closed_error);
        let n = handle.and_then(|handle| loop {
            match handle.read(&mut self.read_buffer[start..]) {
                Err(error) if error.kind() == ErrorKind::Interrupted => continue,
                other => break other,
            }
        });
        self.read_buffer.truncate(start + *n.as_ref().unwrap_or(&0));
        let more = n? > 0;
        if check_utf8 {
            self.check_utf8(!more)?;
        }
        Ok(more)
    }

    fn check_utf8(&mut self, at_end: bool) -> io::Result<()> {
        let from = self.checked_to.max(self.read_at);
        let unchecked = &self.read_buffer[from..];
        match std::str::from_utf8(unchecked) {
            Ok(_) => self.checked_to = self.read_buffer.len(),
            Err(error) if error.error_len().is_none() && !at_end => {
                self.checked_to = from + error.valid_up_to();
            }
            Err(error) => {
                let message = crate::bytes::utf8_error_message(unchecked, error);
                return Err(io::Error::new(ErrorKind::InvalidData, message));
            }
        }
        Ok(())
    }

    fn take(&mut self, n: usize) -> Vec<u8> {
        let taken = self.read_buffer[self.read_at..self.read_at + n].to_vec();
        self.read_at += n;
        taken
    }

    /// Refills unless the file ended; `None` where that would block and `may_block` is false.
    fn more(&mut self, may_block: bool, check_utf8: bool) -> Option<io::Result<bool>> {
        may_block.then(|| self.refill(check_utf8))
    }

    /// Up to `size` bytes (all that is left when negative).
    fn read_bytes(&mut self, size: i64, may_block: bool) -> Option<io::Result<Vec<u8>>> {
        let wanted = usize::try_from(size).unwrap_or(usize::MAX);
        loop {
            if self.unread().len() >= wanted {
                return Some(Ok(self.take(wanted)));
            }
            match self.more(may_block, false)? {
                Ok(true) => {}
                Ok(false) => return Some(Ok(self.take(self.unread().len()))),
                Err(error) => return Some(Err(error)),
            }
        }
    }

    /// The next `size` characters' bytes (fewer at the end of the file), a `\r\n` counting as
    /// one character when `translate`.
    fn read_chars(
        &mut self,
        size: usize,
        translate: bool,
        check: bool,
        may_block: bool,
    ) -> Option<io::Result<Vec<u8>>> {
        loop {
            let at_end = match char_boundary(self.unread(), size, translate) {
                Some(n) => return Some(Ok(self.take(n))),
                None => match self.more(may_block, check)? {
                    Ok(more) => !more,
                    Err(error) => return Some(Err(error)),
                },
            };
            if at_end {
                return Some(Ok(self.take(self.unread().len())));
            }
        }
    }

    /// The next line's bytes, its end included: a line ends at `\n`, and also at `\r` (a lone
    /// one or before `\n`) when `any_newline`; at most `size` characters of it when `size` is
    /// not negative.
    fn read_line(
        &mut self,
        any_newline: bool,
        size: i64,
        check: bool,
        may_block: bool,
    ) -> Option<io::Result<Vec<u8>>> {
        let mut scanned = 0;
        let length = loop {
            let unread = self.unread();
            let found = match any_newline {
                false => unread[scanned..].iter().position(|&b| b == b'\n'),
                true => unread[scanned..].iter().position(|&b| b == b'\n' || b == b'\r'),
            };
            if let Some(at) = found.map(|at| scanned + at) {
                if unread[at] == b'\n' {
                    break at + 1;
                }
                // A `\r`: the line ends after the `\n` that may follow it.
                if at + 1 < unread.len() {
                    break at + 1 + usize::from(unread[at + 1] == b'\n');
                }
            }
            scanned = found.unwrap_or(unread.len());
            match self.more(may_block, check)? {
                Ok(true) => {}
                Ok(false) => break self.unread().len(),
                Err(error) => return Some(Err(error)),
            }
        };
        let length = match usize::try_from(size) {
            Ok(size) => {
                char_boundary(&self.unread()[..length], size, any_newline).unwrap_or(length)
            }
            Err(_) => length,
        };
        Some(Ok(self.take(length)))
    }
}

/// Where the first `count` characters of UTF-8 `bytes` end (a `\r\n` is one when
/// `translate`), or `None` if there are fewer.
fn char_boundary(bytes: &[u8], count: usize, translate: bool) -> Option<usize> {
    let mut seen = 0;
    for (at, &byte) in bytes.iter().enumerate() {
        let starts_char = !(0x80..0xc0).contains(&byte);
        let joined = translate && byte == b'\n' && at > 0 && bytes[at - 1] == b'\r';
        if starts_char && !joined {
            if seen == count {
                return Some(at);
            }
            seen += 1;
        }
    }
    // A trailing `\r` may yet be joined by a `\n`, and a character may be cut short: not a
    // boundary until the next bytes are known.
    let open_return = translate && bytes.last() == Some(&b'\r');
    (seen == count && !open_return && ends_complete(bytes)).then_some(bytes.len())
}

/// Whether UTF-8 `bytes` end with a whole character.
fn ends_complete(bytes: &[u8]) -> bool {
    let Some(start) = bytes.iter().rposition(|byte| !(0x80..0xc0).contains(byte)) else {
        return true;
    };
    let length = match bytes[start] {
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => 1,
    };
    bytes.len() - start >= length
}

/// `\r\n` and a lone `\r` become `\n` (universal newlines).
fn translate_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

fn open_file<'a>(thread: &Thread, args: &'a Args) -> Result<&'a Mutex<OpenFile>, Value> {
    args.first()
        .and_then(Value::downcast::<Arc<Mutex<OpenFile>>>)
        .map(|file| &**file)
        .ok_or_else(|| thread.exception("TypeError", "an open file is required"))
}

/// A size argument: an int, or None for "all"; CPython's TypeError for anything else.
fn size_arg(thread: &Thread, args: &Args, at: usize) -> Result<i64, Value> {
    match args.get(at) {
        None | Some(Value::None) => Ok(-1),
        Some(Value::Int(n)) => Ok(*n),
        Some(Value::Bool(b)) => Ok(i64::from(*b)),
        Some(Value::BigInt(big)) => {
            Ok(if big.sign() == num_bigint::Sign::Minus { -1 } else { i64::MAX })
        }
        Some(other) => Err(thread.exception(
            "TypeError",
            format!("argument should be integer or None, not '{}'", crate::ops::type_name(other)),
        )),
    }
}

fn flag_arg(args: &Args, at: usize) -> bool {
    matches!(args.get(at), Some(Value::Bool(true)))
}

fn str_arg<'a>(thread: &Thread, args: &'a Args, at: usize) -> Result<&'a Text, Value> {
    match args.get(at) {
        Some(Value::Str(text)) => Ok(text),
        _ => Err(thread.exception("TypeError", "a path is required")),
    }
}

/// Runs `operation` on the file, first with the GIL held, where the buffers may answer
/// (`may_block` false; `None` if they cannot), else again without the GIL.
fn on_file<R>(
    thread: &mut Thread,
    file: &Mutex<OpenFile>,
    operation: impl Fn(&mut OpenFile, bool) -> Option<io::Result<R>>,
) -> Result<R, Value> {
    let mut state = lock(file);
    let result = match state.handle.is_some().then(|| operation(&mut state, false)) {
        None => Err(closed_error()),
        Some(Some(result)) => result,
        Some(None) => {
            drop(state);
            thread.allow_threads(|_| {
                // Another thread may have closed the file while this one waited for it.
                let mut state = lock(file);
                match state.handle.is_some() {
                    true => operation(&mut state, true).expect("may block"),
                    false => Err(closed_error()),
                }
            })?
        }
    };
    result.map_err(|error| match error.kind() {
        ErrorKind::InvalidData => thread.exception("UnicodeDecodeError", error.to_string()),
        _ if is_closed_error(&error) => thread.exception("ValueError", error.to_string()),
        _ => os_error(thread, &error, None, None),
    })
}

/// `open(path, mode)`: mode is one of `r w a x`, then `+` if the file is also read or written
/// (`io.py` checks the rest of the mode string).
fn open(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let path = str_arg(thread, &args, 0)?.clone();
    let mode = match args.get(1) {
        Some(Value::Str(mode)) => mode.to_string(),
        _ => "r".to_string(),
    };
    let plus = mode.contains('+');
    let flags = match mode.chars().next() {
        Some('w') => OpenFlags {
            write: true,
            create: true,
            truncate: true,
            read: plus,
            ..Default::default()
        },
        Some('a') => {
            OpenFlags { write: true, create: true, append: true, read: plus, ..Default::default() }
        }
        Some('x') => OpenFlags { write: true, create_new: true, read: plus, ..Default::default() },
        _ => OpenFlags { read: true, write: plus, ..Default::default() },
    };
    let host = thread.interp.host.clone();
    let handle = thread.allow_threads(|_| {
        let mut handle = host.files().open(&path, flags)?;
        // As CPython's open() in append mode: the position starts at the end.
        if flags.append {
            handle.seek(SeekFrom::End(0))?;
        }
        Ok::<_, io::Error>(handle)
    })?;
    let handle = handle.map_err(|error| os_error(thread, &error, Some(&path), None))?;
    let file = Arc::new(Mutex::new(OpenFile {
        handle: Some(handle),
        read_buffer: Vec::new(),
        read_at: 0,
        checked_to: 0,
        write_buffer: Vec::new(),
    }));
    thread.interp.open_files.register(&file);
    Ok(Native::new(&FILE_TYPE, file))
}

/// `read(file, size)`: bytes.
fn read(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let file = open_file(thread, &args)?;
    let size = size_arg(thread, &args, 1)?;
    let bytes = on_file(thread, file, |file, may_block| file.read_bytes(size, may_block))?;
    Ok(Value::Bytes(Arc::new(bytes)))
}

/// `readline(file, size)`: bytes up to and with the next `\n`, at most `size` of them.
fn readline(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let file = open_file(thread, &args)?;
    let size = size_arg(thread, &args, 1)?;
    let line = on_file(thread, file, |file, may_block| {
        let line = file.read_line(false, -1, false, may_block)?;
        Some(line.map(|mut line| {
            if let Ok(size) = usize::try_from(size) {
                if line.len() > size {
                    file.read_at -= line.len() - size;
                    line.truncate(size);
                }
            }
            line
        }))
    })?;
    Ok(Value::Bytes(Arc::new(line)))
}

/// The text arguments after the file: size, whether to translate newlines, the errors handler.
fn text_args(thread: &Thread, args: &Args) -> Result<(i64, bool, &'static str), Value> {
    let size = size_arg(thread, args, 1)?;
    let errors = match args.get(3) {
        Some(Value::Str(errors)) => match &**errors {
            "strict" => "strict",
            "ignore" => "ignore",
            "replace" => "replace",
            "backslashreplace" => "backslashreplace",
            other => {
                let message = format!("unknown error handler name '{other}'");
                return Err(thread.exception("LookupError", message));
            }
        },
        _ => "strict",
    };
    Ok((size, flag_arg(args, 2), errors))
}

fn decoded(thread: &Thread, bytes: &[u8], translate: bool, errors: &str) -> CallResult {
    let text = crate::bytes::decode(thread, bytes, "utf-8", errors)?;
    Ok(Value::str(&if translate { translate_newlines(text) } else { text }))
}

/// `read_text(file, size, translate, errors)`: up to `size` characters of UTF-8 text (all
/// when negative).
fn read_text(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let file = open_file(thread, &args)?;
    let (size, translate, errors) = text_args(thread, &args)?;
    let check = errors == "strict";
    let bytes = on_file(thread, file, |file, may_block| match usize::try_from(size) {
        // All of it is decoded at once, as CPython does: an error's position counts from here.
        Err(_) => file.read_bytes(-1, may_block),
        Ok(size) => file.read_chars(size, translate, check, may_block),
    })?;
    decoded(thread, &bytes, translate, errors)
}

/// `readline_text(file, size, translate, errors, any_newline)`: the next line of UTF-8 text;
/// `\r` and `\r\n` end lines too when `any_newline` (`newline=None` or `''`), and become
/// `\n` when translating (`newline=None`).
fn readline_text(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let file = open_file(thread, &args)?;
    let (size, translate, errors) = text_args(thread, &args)?;
    let any_newline = translate || flag_arg(&args, 4);
    let check = errors == "strict";
    let bytes = on_file(thread, file, |file, may_block| {
        file.read_line(any_newline, size, check, may_block)
    })?;
    decoded(thread, &bytes, translate, errors)
}

/// `peek(file)`: the bytes read ahead, at least one unless the file is at its end; none
/// consumed.
fn peek(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let file = open_file(thread, &args)?;
    let bytes = on_file(thread, file, |file, may_block| {
        if file.unread().is_empty() {
            if let Err(error) = file.more(may_block, false)? {
                return Some(Err(error));
            }
        }
        Some(Ok(file.unread().to_vec()))
    })?;
    Ok(Value::Bytes(Arc::new(bytes)))
}

/// `write(file, data)`: data is bytes, or a str written as UTF-8; returns how many bytes or
/// characters were written.
fn write(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let file = open_file(thread, &args)?;
    let (data, count) = match args.get(1) {
        Some(Value::Bytes(bytes)) => (bytes.as_slice(), bytes.len()),
        Some(Value::Str(text)) => (text.as_bytes(), text.chars().count()),
        _ => return Err(thread.exception("TypeError", "bytes or str to write are required")),
    };
    on_file(thread, file, |file, may_block| {
        let fits = file.write_buffer.len() + data.len() <= BUFFER_SIZE;
        if file.read_buffer.is_empty() && fits {
            file.write_buffer.extend_from_slice(data);
            return Some(Ok(()));
        }
        if !may_block {
            return None;
        }
        Some(file.drop_read_ahead().and_then(|()| {
            file.write_buffer.extend_from_slice(data);
            match file.write_buffer.len() > BUFFER_SIZE {
                true => file.flush_writes(),
                false => Ok(()),
            }
        }))
    })?;
    Ok(Value::Int(count as i64))
}

fn flush(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let file = open_file(thread, &args)?;
    on_file(thread, file, |file, may_block| match file.write_buffer.is_empty() {
        true => Some(Ok(())),
        false if may_block => Some(file.flush_writes()),
        false => None,
    })?;
    Ok(Value::None)
}

/// Runs `operation` without the GIL, the buffers first emptied: the write buffer written
/// out, the read-ahead given back.
fn on_settled_file<R>(
    thread: &mut Thread,
    file: &Mutex<OpenFile>,
    operation: impl Fn(&mut Box<dyn FileHandle>) -> io::Result<R>,
) -> Result<R, Value> {
    on_file(thread, file, |file, may_block| {
        may_block.then(|| {
            file.flush_writes()?;
            file.drop_read_ahead()?;
            operation(file.handle()?)
        })
    })
}

/// `seek(file, offset, whence)`: the new position.
fn seek(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let file = open_file(thread, &args)?;
    let offset = size_arg(thread, &args, 1)?;
    let whence = size_arg(thread, &args, 2)?.max(0);
    let to = match whence {
        0 if offset < 0 => {
            let message = format!("negative seek position {offset}");
            return Err(thread.exception("ValueError", message));
        }
        0 => SeekFrom::Start(offset as u64),
        1 => SeekFrom::Current(offset),
        2 => SeekFrom::End(offset),
        _ => {
            let message = format!("whence value {whence} unsupported");
            return Err(thread.exception("ValueError", message));
        }
    };
    let position = on_settled_file(thread, file, |handle| handle.seek(to))?;
    Ok(Value::Int(position as i64))
}

/// `tell(file)`: where the program is in the file.
fn tell(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let file = open_file(thread, &args)?;
    let position = on_settled_file(thread, file, |handle| handle.stream_position())?;
    Ok(Value::Int(position as i64))
}

/// `truncate(file, size)`: the file cut (or extended) to `size` bytes, the position kept.
fn truncate(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let file = open_file(thread, &args)?;
    let size = size_arg(thread, &args, 1)?;
    let size = on_settled_file(thread, file, |handle| {
        let size = match u64::try_from(size) {
            Ok(size) => size,
            Err(_) => handle.stream_position()?,
        };
        handle.set_len(size)?;
        Ok(size)
    })?;
    Ok(Value::Int(size as i64))
}

/// `close(file)`: writes out the buffer and lets the handle go; closing again does nothing.
fn close(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let file = open_file(thread, &args)?;
    if lock(file).handle.is_none() {
        return Ok(Value::None);
    }
    let flushed = on_file(thread, file, |file, may_block| match may_block {
        false if !file.write_buffer.is_empty() => None,
        _ => Some(file.flush_writes()),
    });
    lock(file).handle = None;
    flushed.map(|()| Value::None)
}

/// CPython's errno and message for an error, and the OSError subclass it raises: the
/// system's own errno where there is one (`File name too long`), else the kind's.
fn errno_of(error: &io::Error) -> (i64, String, &'static str) {
    let (errno, strerror) = match error.raw_os_error() {
        Some(errno) => {
            // std words it as the C library's strerror, then ` (os error N)`.
            let text = error.to_string();
            let strerror = text.split(" (os error").next().unwrap_or(&text).to_string();
            (i64::from(errno), strerror)
        }
        None => {
            let (errno, strerror) = match error.kind() {
                ErrorKind::NotFound => (2, "No such file or directory"),
                ErrorKind::PermissionDenied => (13, "Permission denied"),
                ErrorKind::AlreadyExists => (17, "File exists"),
                ErrorKind::NotADirectory => (20, "Not a directory"),
                ErrorKind::IsADirectory => (21, "Is a directory"),
                ErrorKind::DirectoryNotEmpty => (39, "Directory not empty"),
                ErrorKind::ResourceBusy => (16, "Device or resource busy"),
                ErrorKind::InvalidInput => (22, "Invalid argument"),
                ErrorKind::CrossesDevices => (18, "Invalid cross-device link"),
                ErrorKind::StorageFull => (28, "No space left on device"),
                _ => (5, "Input/output error"),
            };
            (errno, strerror.to_string())
        }
    };
    (errno, strerror, crate::builtins::os_error_subclass(errno).unwrap_or("OSError"))
}

/// The OSError an I/O error raises, naming the file(s) as CPython does
/// (`[Errno 2] No such file or directory: 'data.txt'`).
pub fn os_error(
    thread: &Thread,
    error: &io::Error,
    filename: Option<&str>,
    filename2: Option<&str>,
) -> Value {
    if error.raw_os_error().is_none()
        && matches!(error.kind(), ErrorKind::Unsupported | ErrorKind::Other)
    {
        return thread.exception("OSError", error.to_string());
    }
    let (errno, strerror, class) = errno_of(error);
    let mut args = vec![Value::Int(errno), Value::str(&strerror)];
    args.extend(filename.map(Value::str));
    args.extend(filename2.map(|name| [Value::None, Value::str(name)]).into_iter().flatten());
    crate::builtins::make_os_error(thread, class, args)
}

fn os_getcwd(thread: &mut Thread, _: Args, _: Kwargs) -> CallResult {
    Ok(Value::str(&thread.interp.host.files().current_dir()))
}

/// Runs a file-system call on `path` without the GIL; its error names the path.
fn on_path<R>(
    thread: &mut Thread,
    args: &Args,
    call: impl FnOnce(&dyn crate::files::FileSystem, &str) -> io::Result<R>,
) -> Result<R, Value> {
    let path = str_arg(thread, args, 0)?.clone();
    let host = thread.interp.host.clone();
    let result = thread.allow_threads(|_| call(host.files(), &path))?;
    result.map_err(|error| os_error(thread, &error, Some(&path), None))
}

fn os_remove(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    on_path(thread, &args, |files, path| files.remove_file(path)).map(|()| Value::None)
}

fn os_mkdir(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    on_path(thread, &args, |files, path| files.create_dir(path)).map(|()| Value::None)
}

fn os_rmdir(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    on_path(thread, &args, |files, path| files.remove_dir(path)).map(|()| Value::None)
}

fn os_listdir(thread: &mut Thread, mut args: Args, _: Kwargs) -> CallResult {
    if args.is_empty() {
        args.push(Value::str("."));
    }
    let names = on_path(thread, &args, |files, path| files.list_dir(path))?;
    Ok(crate::value::List::new(names.iter().map(|name| Value::str(name)).collect()))
}

fn os_rename(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let from = str_arg(thread, &args, 0)?.clone();
    let to = str_arg(thread, &args, 1)?.clone();
    let host = thread.interp.host.clone();
    let result = thread.allow_threads(|_| host.files().rename(&from, &to))?;
    result.map_err(|error| os_error(thread, &error, Some(&from), Some(&to)))?;
    Ok(Value::None)
}

/// `_entry(path, strict)`: `(is_dir, size)`, or `None` if nothing is there (an error naming
/// the path when `strict`), for `os.path` and `os.stat`.
fn os_entry(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let path = str_arg(thread, &args, 0)?.clone();
    let host = thread.interp.host.clone();
    let entry = thread.allow_threads(|_| host.files().entry(&path))?;
    Ok(match entry {
        Ok(Entry::Directory) => Value::tuple(vec![Value::Bool(true), Value::Int(0)]),
        Ok(Entry::File { size }) => Value::tuple(vec![Value::Bool(false), Value::Int(size as i64)]),
        Err(error)
            if matches!(error.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory)
                && !matches!(args.get(1), Some(Value::Bool(true))) =>
        {
            Value::None
        }
        Err(error) => return Err(os_error(thread, &error, Some(&path), None)),
    })
}
