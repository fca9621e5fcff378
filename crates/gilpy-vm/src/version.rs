//! The Python version whose visible behaviour a run reproduces (`--python`).

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PythonVersion {
    V3_9,
    V3_10,
    V3_11,
    V3_12,
    V3_13,
    /// 3.13 built free-threaded: no GIL.
    V3_13t,
}

impl PythonVersion {
    pub const ALL: [PythonVersion; 6] = [
        PythonVersion::V3_9,
        PythonVersion::V3_10,
        PythonVersion::V3_11,
        PythonVersion::V3_12,
        PythonVersion::V3_13,
        PythonVersion::V3_13t,
    ];

    pub fn parse(text: &str) -> Option<PythonVersion> {
        PythonVersion::ALL.into_iter().find(|version| version.as_str() == text)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PythonVersion::V3_9 => "3.9",
            PythonVersion::V3_10 => "3.10",
            PythonVersion::V3_11 => "3.11",
            PythonVersion::V3_12 => "3.12",
            PythonVersion::V3_13 => "3.13",
            PythonVersion::V3_13t => "3.13t",
        }
    }

    /// `sys.version_info[:3]` (the micro versions of the interpreters we record against).
    pub fn version_info(self) -> (u32, u32, u32) {
        match self {
            PythonVersion::V3_9 => (3, 9, 18),
            PythonVersion::V3_10 => (3, 10, 13),
            PythonVersion::V3_11 => (3, 11, 7),
            PythonVersion::V3_12 => (3, 12, 1),
            PythonVersion::V3_13 | PythonVersion::V3_13t => (3, 13, 0),
        }
    }

    pub fn has_gil(self) -> bool {
        self != PythonVersion::V3_13t
    }

    /// Whether `sys._is_gil_enabled` exists (3.13 on).
    pub fn has_is_gil_enabled(self) -> bool {
        self >= PythonVersion::V3_13
    }

    /// Where the eval loop checks the eval breaker. 3.9 checks before almost every
    /// instruction; from 3.10 on only at function entry, backward jumps and after calls
    /// (CPython gh-18334), which is why `counter += 1` cannot be split there.
    pub fn checks_every_instruction(self) -> bool {
        self == PythonVersion::V3_9
    }
}

impl fmt::Display for PythonVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
