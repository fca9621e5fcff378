//! The files a program opens (`open`, `os.remove`, `os.listdir`, `os.path.exists`): the host's
//! [`FileSystem`]. Natively that is the disk ([`DiskFiles`]); in the page, which has none, and
//! in simulated mode, which must not depend on what the disk holds, it is a run's own
//! [`MemoryFiles`], shared by the run's processes as they would share a disk.
//!
//! Paths are strings with `/` separators, as on POSIX; errors are `std::io::Error`s, which
//! `modules/io.rs` turns into CPython's OSError subclasses (`FileNotFoundError: [Errno 2] ...`).

use std::collections::BTreeMap;
use std::io::{self, ErrorKind, Read, Seek, SeekFrom, Write};
use std::sync::{Arc, Mutex};

use crate::value::lock;

/// How a file is opened: the flags `open()`'s mode string stands for.
#[derive(Clone, Copy, Debug, Default)]
pub struct OpenFlags {
    pub read: bool,
    pub write: bool,
    pub append: bool,
    pub truncate: bool,
    pub create: bool,
    /// `x`: fails with FileExistsError if the file is there.
    pub create_new: bool,
}

/// An open file: bytes read and written at a position.
pub trait FileHandle: Read + Write + Seek + Send {
    /// Cuts or extends the file to `size` bytes (`truncate`).
    fn set_len(&mut self, size: u64) -> io::Result<()>;
}

impl FileHandle for std::fs::File {
    fn set_len(&mut self, size: u64) -> io::Result<()> {
        std::fs::File::set_len(self, size)
    }
}

/// What is at a path.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Entry {
    File { size: u64 },
    Directory,
}

pub trait FileSystem: Send + Sync {
    fn open(&self, path: &str, flags: OpenFlags) -> io::Result<Box<dyn FileHandle>>;
    fn entry(&self, path: &str) -> io::Result<Entry>;
    fn remove_file(&self, path: &str) -> io::Result<()>;
    fn create_dir(&self, path: &str) -> io::Result<()>;
    fn remove_dir(&self, path: &str) -> io::Result<()>;
    /// The names in a directory, in no particular order (as `os.listdir`).
    fn list_dir(&self, path: &str) -> io::Result<Vec<String>>;
    fn rename(&self, from: &str, to: &str) -> io::Result<()>;
    fn current_dir(&self) -> String;
}

/// Where there are no files at all: every operation fails, saying so.
pub struct NoFiles;

fn unsupported<T>() -> io::Result<T> {
    Err(io::Error::new(ErrorKind::Unsupported, "files are not available here"))
}

impl FileSystem for NoFiles {
    fn open(&self, _: &str, _: OpenFlags) -> io::Result<Box<dyn FileHandle>> {
        unsupported()
    }
    fn entry(&self, _: &str) -> io::Result<Entry> {
        unsupported()
    }
    fn remove_file(&self, _: &str) -> io::Result<()> {
        unsupported()
    }
    fn create_dir(&self, _: &str) -> io::Result<()> {
        unsupported()
    }
    fn remove_dir(&self, _: &str) -> io::Result<()> {
        unsupported()
    }
    fn list_dir(&self, _: &str) -> io::Result<Vec<String>> {
        unsupported()
    }
    fn rename(&self, _: &str, _: &str) -> io::Result<()> {
        unsupported()
    }
    fn current_dir(&self) -> String {
        "/".into()
    }
}

/// The machine's own files, through `std::fs`.
pub struct DiskFiles;

impl FileSystem for DiskFiles {
    fn open(&self, path: &str, flags: OpenFlags) -> io::Result<Box<dyn FileHandle>> {
        let file = std::fs::OpenOptions::new()
            .read(flags.read)
            .write(flags.write)
            .append(flags.append)
            .truncate(flags.truncate)
            .create(flags.create)
            .create_new(flags.create_new)
            .open(path)?;
        // Opening a directory for reading succeeds on Linux; reading it would fail later.
        if file.metadata()?.is_dir() {
            return Err(ErrorKind::IsADirectory.into());
        }
        Ok(Box::new(file))
    }
    fn entry(&self, path: &str) -> io::Result<Entry> {
        let metadata = std::fs::metadata(path)?;
        Ok(match metadata.is_dir() {
            true => Entry::Directory,
            false => Entry::File { size: metadata.len() },
        })
    }
    fn remove_file(&self, path: &str) -> io::Result<()> {
        std::fs::remove_file(path)
    }
    fn create_dir(&self, path: &str) -> io::Result<()> {
        std::fs::create_dir(path)
    }
    fn remove_dir(&self, path: &str) -> io::Result<()> {
        std::fs::remove_dir(path)
    }
    fn list_dir(&self, path: &str) -> io::Result<Vec<String>> {
        std::fs::read_dir(path)?
            .map(|entry| Ok(entry?.file_name().to_string_lossy().into_owned()))
            .collect()
    }
    fn rename(&self, from: &str, to: &str) -> io::Result<()> {
        std::fs::rename(from, to)
    }
    fn current_dir(&self) -> String {
        std::env::current_dir().map_or_else(|_| "/".into(), |dir| dir.to_string_lossy().into())
    }
}

/// A run's files in memory: a tree of directories under `/`. Each file's bytes are shared by
/// the handles open on it, as a disk's are; `/dev/null` reads nothing and keeps nothing.
pub struct MemoryFiles {
    nodes: Mutex<BTreeMap<String, Node>>,
    current_dir: String,
}

#[derive(Clone)]
enum Node {
    File(Arc<Mutex<Vec<u8>>>),
    Directory,
}

impl Default for MemoryFiles {
    /// Files under `/`, which is the current directory.
    fn default() -> Self {
        MemoryFiles {
            nodes: Mutex::new(BTreeMap::from([("/".to_string(), Node::Directory)])),
            current_dir: "/".into(),
        }
    }
}

impl MemoryFiles {
    /// Files whose current directory is `current_dir` (made, with its parents), as a disk's
    /// is where a program starts: paths relative to it, and those the program builds from its
    /// own `__file__`, lead where they would on the disk.
    pub fn in_directory_of(current_dir: &str) -> MemoryFiles {
        let files = MemoryFiles { current_dir: current_dir.to_string(), ..Default::default() };
        files.make_dirs(current_dir);
        files
    }

    /// Makes the directory `path` and those above it.
    fn make_dirs(&self, path: &str) {
        let mut nodes = lock(&self.nodes);
        let mut at = String::new();
        for part in path.split('/').filter(|part| !part.is_empty()) {
            at = format!("{at}/{part}");
            nodes.entry(at.clone()).or_insert(Node::Directory);
        }
    }

    /// Puts a file at `path` (its directories made too): the program's own source, which it
    /// may read through `__file__`.
    pub fn add_file(&self, path: &str, bytes: Vec<u8>) {
        let Ok(path) = self.normalize(path) else { return };
        self.make_dirs(parent(&path));
        lock(&self.nodes).insert(path, Node::File(Arc::new(Mutex::new(bytes))));
    }

    /// `path` made absolute from the current directory, with `.`, `..` and repeated slashes
    /// resolved; a path that ends in `/` must name a directory.
    fn normalize(&self, path: &str) -> io::Result<String> {
        if path.is_empty() {
            return Err(ErrorKind::NotFound.into());
        }
        let absolute;
        let path = match path.starts_with('/') {
            true => path,
            false => {
                absolute = format!("{}/{path}", self.current_dir);
                &absolute
            }
        };
        normalize(path)
    }
}

/// An absolute `path` with `.`, `..` and repeated slashes resolved.
fn normalize(path: &str) -> io::Result<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    Ok(format!("/{}", parts.join("/")))
}

fn parent(path: &str) -> &str {
    match path.rfind('/') {
        Some(0) | None => "/",
        Some(at) => &path[..at],
    }
}

/// Whether `path` ends in `/` (or `/.`): it must be a directory.
fn names_directory(path: &str) -> bool {
    path.ends_with('/') || path.ends_with("/.")
}

const DEV_NULL: &str = "/dev/null";

impl MemoryFiles {
    /// `path` normalized, and an error unless its parent is a directory.
    fn in_directory(&self, nodes: &BTreeMap<String, Node>, path: &str) -> io::Result<String> {
        let path = self.normalize(path)?;
        match nodes.get(parent(&path)) {
            Some(Node::Directory) => Ok(path),
            Some(Node::File(_)) => Err(ErrorKind::NotADirectory.into()),
            None => Err(ErrorKind::NotFound.into()),
        }
    }
}

impl FileSystem for MemoryFiles {
    fn open(&self, path: &str, flags: OpenFlags) -> io::Result<Box<dyn FileHandle>> {
        if self.normalize(path)? == DEV_NULL {
            return Ok(Box::new(NullHandle));
        }
        let mut nodes = lock(&self.nodes);
        let absolute = self.in_directory(&nodes, path)?;
        let bytes = match nodes.get(&absolute) {
            Some(Node::Directory) => return Err(ErrorKind::IsADirectory.into()),
            Some(Node::File(_)) if names_directory(path) => {
                return Err(ErrorKind::NotADirectory.into())
            }
            Some(Node::File(_)) if flags.create_new => return Err(ErrorKind::AlreadyExists.into()),
            Some(Node::File(bytes)) => bytes.clone(),
            None if names_directory(path) => return Err(ErrorKind::IsADirectory.into()),
            None if flags.create || flags.create_new => {
                let bytes = Arc::new(Mutex::new(Vec::new()));
                nodes.insert(absolute, Node::File(bytes.clone()));
                bytes
            }
            None => return Err(ErrorKind::NotFound.into()),
        };
        if flags.truncate {
            lock(&bytes).clear();
        }
        Ok(Box::new(MemoryHandle { bytes, position: 0, append: flags.append }))
    }

    fn entry(&self, path: &str) -> io::Result<Entry> {
        let absolute = self.normalize(path)?;
        if absolute == DEV_NULL {
            return Ok(Entry::File { size: 0 });
        }
        match lock(&self.nodes).get(&absolute) {
            Some(Node::File(_)) if names_directory(path) => Err(ErrorKind::NotADirectory.into()),
            Some(Node::File(bytes)) => Ok(Entry::File { size: lock(bytes).len() as u64 }),
            Some(Node::Directory) => Ok(Entry::Directory),
            None => Err(ErrorKind::NotFound.into()),
        }
    }

    fn remove_file(&self, path: &str) -> io::Result<()> {
        let mut nodes = lock(&self.nodes);
        let absolute = self.normalize(path)?;
        match nodes.get(&absolute) {
            Some(Node::File(_)) if names_directory(path) => Err(ErrorKind::NotADirectory.into()),
            Some(Node::File(_)) => {
                nodes.remove(&absolute);
                Ok(())
            }
            Some(Node::Directory) => Err(ErrorKind::IsADirectory.into()),
            None => Err(ErrorKind::NotFound.into()),
        }
    }

    fn create_dir(&self, path: &str) -> io::Result<()> {
        let mut nodes = lock(&self.nodes);
        let absolute = self.in_directory(&nodes, path)?;
        if nodes.contains_key(&absolute) {
            return Err(ErrorKind::AlreadyExists.into());
        }
        nodes.insert(absolute, Node::Directory);
        Ok(())
    }

    fn remove_dir(&self, path: &str) -> io::Result<()> {
        let mut nodes = lock(&self.nodes);
        let absolute = self.normalize(path)?;
        if path == "." || path.ends_with("/.") {
            return Err(ErrorKind::InvalidInput.into());
        }
        match nodes.get(&absolute) {
            Some(Node::Directory) if absolute == "/" => Err(ErrorKind::ResourceBusy.into()),
            Some(Node::Directory) => {
                let prefix = format!("{absolute}/");
                if nodes.keys().any(|key| key.starts_with(&prefix)) {
                    return Err(ErrorKind::DirectoryNotEmpty.into());
                }
                nodes.remove(&absolute);
                Ok(())
            }
            Some(Node::File(_)) => Err(ErrorKind::NotADirectory.into()),
            None => Err(ErrorKind::NotFound.into()),
        }
    }

    fn list_dir(&self, path: &str) -> io::Result<Vec<String>> {
        let nodes = lock(&self.nodes);
        let absolute = self.normalize(path)?;
        match nodes.get(&absolute) {
            Some(Node::Directory) => {}
            Some(Node::File(_)) => return Err(ErrorKind::NotADirectory.into()),
            None => return Err(ErrorKind::NotFound.into()),
        }
        let prefix = if absolute == "/" { absolute } else { format!("{absolute}/") };
        Ok(nodes
            .keys()
            .filter_map(|key| key.strip_prefix(&prefix))
            .filter(|name| !name.is_empty() && !name.contains('/'))
            .map(str::to_string)
            .collect())
    }

    fn rename(&self, from: &str, to: &str) -> io::Result<()> {
        let mut nodes = lock(&self.nodes);
        let from = self.normalize(from)?;
        let to = self.in_directory(&nodes, to)?;
        let has_children = |nodes: &BTreeMap<String, Node>, dir: &str| {
            let prefix = format!("{dir}/");
            nodes.keys().any(|key| key.starts_with(&prefix))
        };
        match (nodes.get(&from), nodes.get(&to)) {
            (None, _) => Err(ErrorKind::NotFound.into()),
            _ if from == to => Ok(()),
            (Some(Node::File(_)), Some(Node::Directory)) => Err(ErrorKind::IsADirectory.into()),
            (Some(Node::Directory), Some(Node::File(_))) => Err(ErrorKind::NotADirectory.into()),
            (Some(Node::Directory), Some(Node::Directory)) if has_children(&nodes, &to) => {
                Err(ErrorKind::DirectoryNotEmpty.into())
            }
            // A directory cannot move into itself.
            (Some(Node::Directory), _) if to.starts_with(&format!("{from}/")) => {
                Err(ErrorKind::InvalidInput.into())
            }
            (Some(Node::Directory), _) => {
                // The directory and everything under it move.
                let prefix = format!("{from}/");
                let moved: Vec<String> = nodes
                    .keys()
                    .filter(|key| **key == from || key.starts_with(&prefix))
                    .cloned()
                    .collect();
                for key in moved {
                    let node = nodes.remove(&key).expect("listed");
                    nodes.insert(format!("{to}{}", &key[from.len()..]), node);
                }
                Ok(())
            }
            (Some(Node::File(_)), _) => {
                let node = nodes.remove(&from).expect("found");
                nodes.insert(to, node);
                Ok(())
            }
        }
    }

    fn current_dir(&self) -> String {
        self.current_dir.clone()
    }
}

/// `/dev/null`: reads nothing, keeps nothing.
struct NullHandle;

impl Read for NullHandle {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        Ok(0)
    }
}

impl Write for NullHandle {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        Ok(data.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Seek for NullHandle {
    fn seek(&mut self, _: SeekFrom) -> io::Result<u64> {
        Ok(0)
    }
}

impl FileHandle for NullHandle {
    fn set_len(&mut self, _: u64) -> io::Result<()> {
        Ok(())
    }
}

/// A handle on a [`MemoryFiles`] file.
struct MemoryHandle {
    bytes: Arc<Mutex<Vec<u8>>>,
    position: usize,
    append: bool,
}

impl Read for MemoryHandle {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        let bytes = lock(&self.bytes);
        let available = bytes.get(self.position..).unwrap_or_default();
        let n = available.len().min(buffer.len());
        buffer[..n].copy_from_slice(&available[..n]);
        self.position += n;
        Ok(n)
    }
}

impl Write for MemoryHandle {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        let mut bytes = lock(&self.bytes);
        if self.append {
            self.position = bytes.len();
        }
        let end = self.position + data.len();
        if bytes.len() < end {
            bytes.resize(end, 0);
        }
        bytes[self.position..end].copy_from_slice(data);
        self.position = end;
        Ok(data.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl FileHandle for MemoryHandle {
    fn set_len(&mut self, size: u64) -> io::Result<()> {
        lock(&self.bytes).resize(size as usize, 0);
        Ok(())
    }
}

impl Seek for MemoryHandle {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let position = match to {
            SeekFrom::Start(at) => at as i64,
            SeekFrom::Current(by) => self.position as i64 + by,
            SeekFrom::End(by) => lock(&self.bytes).len() as i64 + by,
        };
        if position < 0 {
            return Err(ErrorKind::InvalidInput.into());
        }
        self.position = position as usize;
        Ok(position as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(files: &MemoryFiles, path: &str, text: &str, append: bool) -> io::Result<()> {
        let flags = OpenFlags {
            write: true,
            create: true,
            truncate: !append,
            append,
            ..Default::default()
        };
        files.open(path, flags)?.write_all(text.as_bytes())
    }

    fn read(files: &MemoryFiles, path: &str) -> io::Result<String> {
        let mut text = String::new();
        files
            .open(path, OpenFlags { read: true, ..Default::default() })?
            .read_to_string(&mut text)?;
        Ok(text)
    }

    #[test]
    fn files_are_written_appended_and_read_back_by_path() {
        let files = MemoryFiles::default();
        write(&files, "notes.txt", "one\n", false).unwrap();
        write(&files, "/./notes.txt", "two\n", true).unwrap();
        assert_eq!(read(&files, "/notes.txt").unwrap(), "one\ntwo\n");
        assert_eq!(files.entry("notes.txt").unwrap(), Entry::File { size: 8 });
        write(&files, "notes.txt", "three\n", false).unwrap();
        assert_eq!(read(&files, "notes.txt").unwrap(), "three\n");
    }

    #[test]
    fn directories_hold_files_and_refuse_what_a_disk_refuses() {
        let files = MemoryFiles::default();
        assert_eq!(write(&files, "out/a.txt", "", false).unwrap_err().kind(), ErrorKind::NotFound);
        files.create_dir("out").unwrap();
        assert_eq!(files.create_dir("out").unwrap_err().kind(), ErrorKind::AlreadyExists);
        write(&files, "out/a.txt", "a", false).unwrap();
        write(&files, "out/b.txt", "b", false).unwrap();
        let mut names = files.list_dir("out").unwrap();
        names.sort();
        assert_eq!(names, ["a.txt", "b.txt"]);
        assert_eq!(files.list_dir("/").unwrap(), ["out"]);
        assert_eq!(files.remove_dir("out").unwrap_err().kind(), ErrorKind::DirectoryNotEmpty);
        assert_eq!(
            files.open("out", OpenFlags { read: true, ..Default::default() }).err().unwrap().kind(),
            ErrorKind::IsADirectory
        );
        files.rename("out", "done").unwrap();
        assert_eq!(read(&files, "done/b.txt").unwrap(), "b");
        files.remove_file("done/a.txt").unwrap();
        files.remove_file("done/b.txt").unwrap();
        files.remove_dir("done").unwrap();
        assert_eq!(files.entry("done").unwrap_err().kind(), ErrorKind::NotFound);
    }

    #[test]
    fn exclusive_creation_fails_on_an_existing_file() {
        let files = MemoryFiles::default();
        let flags = OpenFlags { write: true, create_new: true, ..Default::default() };
        files.open("x", flags).unwrap();
        assert_eq!(files.open("x", flags).err().unwrap().kind(), ErrorKind::AlreadyExists);
    }
}
