//! `_io`: open files under `stdlib/io.py`, and the file functions of `os`, over the host's
//! [`FileSystem`](crate::files::FileSystem). An open file is a handle with CPython's buffers
//! (8 KB): reads refill the read buffer and writes collect in the write buffer, so a program
//! that writes line by line makes few host calls. As in CPython, the calls that reach the host
//! (opening, refilling, flushing) run without the GIL; those the buffers answer keep it.
//!
//! Text is UTF-8 here, with universal newlines when `translate` is set (`newline=None`); other
//! encodings are decoded in `io.py` from the bytes these functions return.

use std::io::{self, ErrorKind, Read, Seek, SeekFrom, Write};
use std::sync::{Arc, Mutex};

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

/// An open file's handle and buffers. Dropped with its last reference (a file never closed),
/// it still writes out what its buffer holds, as CPython's file objects do when they die.
struct OpenFile {
    handle: Option<Box<dyn FileHandle>>,
    /// Bytes read ahead from the handle; those before `read_at` are consumed.
    read_buffer: Vec<u8>,
    read_at: usize,
    write_buffer: Vec<u8>,
}

impl Drop for OpenFile {
    fn drop(&mut self) {
        let _ = self.flush_writes();
    }
}

impl OpenFile {
    fn handle(&mut self) -> io::Result<&mut Box<dyn FileHandle>> {
        self.handle.as_mut().ok_or_else(|| io::Error::other("I/O operation on closed file."))
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
        if unread > 0 {
            self.handle()?.seek(SeekFrom::Current(-(unread as i64)))?;
        }
        Ok(())
    }

    fn unread(&self) -> &[u8] {
        &self.read_buffer[self.read_at..]
    }

    /// Reads another chunk into the buffer; false at the end of the file.
    fn refill(&mut self) -> io::Result<bool> {
        self.flush_writes()?;
        if self.read_at > 0 && self.read_at == self.read_buffer.len() {
            self.read_buffer.clear();
            self.read_at = 0;
        }
        let start = self.read_buffer.len();
        self.read_buffer.resize(start + BUFFER_SIZE, 0);
        let n = loop {
            match self.handle.as_mut().expect("open").read(&mut self.read_buffer[start..]) {
                Err(error) if error.kind() == ErrorKind::Interrupted => continue,
                other => break other,
            }
        };
        self.read_buffer.truncate(start + *n.as_ref().unwrap_or(&0));
        Ok(n? > 0)
    }

    fn take(&mut self, n: usize) -> Vec<u8> {
        let taken = self.read_buffer[self.read_at..self.read_at + n].to_vec();
        self.read_at += n;
        taken
    }

    /// Up to `size` bytes (all that is left when negative).
    fn read_bytes(&mut self, size: i64, may_block: bool) -> Option<io::Result<Vec<u8>>> {
        let wanted = usize::try_from(size).unwrap_or(usize::MAX);
        loop {
            if self.unread().len() >= wanted {
                return Some(Ok(self.take(wanted)));
            }
            if !may_block {
                return None;
            }
            match self.refill() {
                Ok(true) => {}
                Ok(false) => return Some(Ok(self.take(self.unread().len()))),
                Err(error) => return Some(Err(error)),
            }
        }
    }

    /// The length of the next line in the unread bytes, its end included: a line ends at
    /// `\n`, and also at `\r` (a lone one or before `\n`) when `any_newline`.
    fn line_length(&mut self, any_newline: bool, may_block: bool) -> Option<io::Result<usize>> {
        let mut scanned = 0;
        loop {
            let unread = self.unread();
            let found = match any_newline {
                false => unread[scanned..].iter().position(|&b| b == b'\n'),
                true => unread[scanned..].iter().position(|&b| b == b'\n' || b == b'\r'),
            };
            if let Some(at) = found.map(|at| scanned + at) {
                if unread[at] == b'\n' {
                    return Some(Ok(at + 1));
                }
                // A `\r`: the line ends after the `\n` that may follow it.
                if at + 1 < unread.len() {
                    return Some(Ok(at + 1 + usize::from(unread[at + 1] == b'\n')));
                }
            }
            scanned = found.unwrap_or(unread.len());
            if !may_block {
                return None;
            }
            match self.refill() {
                Ok(true) => {}
                Ok(false) => return Some(Ok(self.unread().len())),
                Err(error) => return Some(Err(error)),
            }
        }
    }

    fn read_line(&mut self, any_newline: bool, may_block: bool) -> Option<io::Result<Vec<u8>>> {
        Some(self.line_length(any_newline, may_block)?.map(|n| self.take(n)))
    }
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
        .and_then(Value::downcast::<Mutex<OpenFile>>)
        .ok_or_else(|| thread.exception("TypeError", "an open file is required"))
}

fn int_arg(args: &Args, at: usize, default: i64) -> i64 {
    match args.get(at) {
        Some(Value::Int(n)) => *n,
        Some(Value::Bool(b)) => i64::from(*b),
        _ => default,
    }
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
    if state.handle.is_none() {
        return Err(thread.exception("ValueError", "I/O operation on closed file."));
    }
    let result = match operation(&mut state, false) {
        Some(result) => result,
        None => {
            drop(state);
            thread.allow_threads(|_| operation(&mut lock(file), true).expect("may block"))?
        }
    };
    result.map_err(|error| os_error(thread, &error, None, None))
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
    let handle = thread.allow_threads(|_| host.files().open(&path, flags))?;
    let handle = handle.map_err(|error| os_error(thread, &error, Some(&path), None))?;
    let file = OpenFile {
        handle: Some(handle),
        read_buffer: Vec::new(),
        read_at: 0,
        write_buffer: Vec::new(),
    };
    Ok(Native::new(&FILE_TYPE, Mutex::new(file)))
}

/// `read(file, size)`: bytes.
fn read(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let file = open_file(thread, &args)?;
    let size = int_arg(&args, 1, -1);
    let bytes = on_file(thread, file, |file, may_block| file.read_bytes(size, may_block))?;
    Ok(Value::Bytes(Arc::new(bytes)))
}

/// `readline(file, size)`: bytes up to and with the next `\n`, at most `size` of them.
fn readline(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let file = open_file(thread, &args)?;
    let size = int_arg(&args, 1, -1);
    let mut line = on_file(thread, file, |file, may_block| file.read_line(false, may_block))?;
    if let Ok(size) = usize::try_from(size) {
        if line.len() > size {
            let mut state = lock(file);
            state.read_at -= line.len() - size;
            line.truncate(size);
        }
    }
    Ok(Value::Bytes(Arc::new(line)))
}

fn decoded(thread: &Thread, bytes: Vec<u8>, translate: bool) -> Result<String, Value> {
    match String::from_utf8(bytes) {
        Ok(text) if translate => Ok(translate_newlines(text)),
        Ok(text) => Ok(text),
        Err(error) => Err(decode_error(thread, error.as_bytes(), error.utf8_error())),
    }
}

/// CPython's UnicodeDecodeError for bytes that are not UTF-8.
fn decode_error(thread: &Thread, bytes: &[u8], error: std::str::Utf8Error) -> Value {
    let at = error.valid_up_to();
    let reason = match error.error_len() {
        None => "unexpected end of data",
        Some(_) if (0x80..0xc0).contains(&bytes[at]) || bytes[at] >= 0xf8 => "invalid start byte",
        Some(_) => "invalid continuation byte",
    };
    let message =
        format!("'utf-8' codec can't decode byte 0x{:02x} in position {at}: {reason}", bytes[at]);
    thread.exception("UnicodeDecodeError", message)
}

/// `read_text(file, size, translate)`: up to `size` characters of UTF-8 text (all when
/// negative).
fn read_text(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let file = open_file(thread, &args)?;
    let size = int_arg(&args, 1, -1);
    let translate = matches!(args.get(2), Some(Value::Bool(true)));
    if size < 0 {
        let bytes = on_file(thread, file, |file, may_block| file.read_bytes(-1, may_block))?;
        return Ok(Value::str(&decoded(thread, bytes, translate)?));
    }
    // Enough bytes for `size` characters of up to four bytes each, then the unused rest given
    // back: the characters' bytes are the first of those read.
    let wanted = size as usize;
    let bytes = on_file(thread, file, |file, may_block| {
        file.read_bytes((wanted * 4 + 1) as i64, may_block)
    })?;
    let complete = match std::str::from_utf8(&bytes) {
        Ok(_) => bytes.len(),
        Err(error) if error.error_len().is_none() => error.valid_up_to(),
        Err(error) => return Err(decode_error(thread, &bytes, error)),
    };
    let text = std::str::from_utf8(&bytes[..complete]).expect("checked");
    let mut taken = text.char_indices().nth(wanted).map_or(complete, |(at, _)| at);
    // A `\r` taken before a `\n` takes the `\n` with it, when translating.
    if translate && text[..taken].ends_with('\r') && text[taken..].starts_with('\n') {
        taken += 1;
    }
    lock(file).read_at -= bytes.len() - taken;
    let text = text[..taken].to_string();
    Ok(Value::str(&if translate { translate_newlines(text) } else { text }))
}

/// `readline_text(file, size, translate)`: the next line of UTF-8 text; `\r` and `\r\n` end
/// lines too, and become `\n`, when translating.
fn readline_text(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let file = open_file(thread, &args)?;
    let size = int_arg(&args, 1, -1);
    let translate = matches!(args.get(2), Some(Value::Bool(true)));
    let bytes = on_file(thread, file, |file, may_block| file.read_line(translate, may_block))?;
    let mut line = decoded(thread, bytes, false)?;
    if let Ok(size) = usize::try_from(size) {
        if let Some((cut, _)) = line.char_indices().nth(size) {
            lock(file).read_at -= line.len() - cut;
            line.truncate(cut);
        }
    }
    Ok(Value::str(&if translate { translate_newlines(line) } else { line }))
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
        if !file.unread().is_empty() || !file.read_buffer.is_empty() {
            if let Err(error) = file.drop_read_ahead() {
                return Some(Err(error));
            }
        }
        if file.write_buffer.len() + data.len() <= BUFFER_SIZE {
            file.write_buffer.extend_from_slice(data);
            return Some(Ok(()));
        }
        if !may_block {
            return None;
        }
        file.write_buffer.extend_from_slice(data);
        Some(file.flush_writes())
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

/// `seek(file, offset, whence)`: the new position.
fn seek(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let file = open_file(thread, &args)?;
    let offset = int_arg(&args, 1, 0);
    let whence = int_arg(&args, 2, 0);
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
    let position = on_file(thread, file, |file, may_block| {
        if !may_block {
            return None;
        }
        Some((|| {
            file.flush_writes()?;
            file.drop_read_ahead()?;
            file.handle()?.seek(to)
        })())
    })?;
    Ok(Value::Int(position as i64))
}

/// `tell(file)`: where the program is in the file, counting what the buffers hold.
fn tell(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let file = open_file(thread, &args)?;
    let position = on_file(thread, file, |file, may_block| {
        if !may_block {
            return None;
        }
        let unread = file.unread().len() as u64;
        let pending = file.write_buffer.len() as u64;
        Some(
            file.handle()
                .and_then(|handle| handle.stream_position())
                .map(|at| at - unread + pending),
        )
    })?;
    Ok(Value::Int(position as i64))
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

/// CPython's errno and message for an error, and the OSError subclass it raises.
fn errno_of(error: &io::Error) -> (i64, &'static str, &'static str) {
    match error.kind() {
        ErrorKind::NotFound => (2, "No such file or directory", "FileNotFoundError"),
        ErrorKind::PermissionDenied => (13, "Permission denied", "PermissionError"),
        ErrorKind::AlreadyExists => (17, "File exists", "FileExistsError"),
        ErrorKind::NotADirectory => (20, "Not a directory", "NotADirectoryError"),
        ErrorKind::IsADirectory => (21, "Is a directory", "IsADirectoryError"),
        ErrorKind::DirectoryNotEmpty => (39, "Directory not empty", "OSError"),
        ErrorKind::ResourceBusy => (16, "Device or resource busy", "OSError"),
        ErrorKind::InvalidInput => (22, "Invalid argument", "OSError"),
        ErrorKind::CrossesDevices => (18, "Invalid cross-device link", "OSError"),
        ErrorKind::StorageFull => (28, "No space left on device", "OSError"),
        _ => (5, "Input/output error", "OSError"),
    }
}

/// The OSError an I/O error raises, naming the file(s) as CPython does
/// (`[Errno 2] No such file or directory: 'data.txt'`).
pub fn os_error(
    thread: &Thread,
    error: &io::Error,
    filename: Option<&str>,
    filename2: Option<&str>,
) -> Value {
    if error.kind() == ErrorKind::Unsupported || error.kind() == ErrorKind::Other {
        return thread.exception("OSError", error.to_string());
    }
    let (errno, strerror, class) = errno_of(error);
    let mut args = vec![Value::Int(errno), Value::str(strerror)];
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
