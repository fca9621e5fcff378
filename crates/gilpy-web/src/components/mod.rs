//! The page's components, one file each. They get data and callbacks as props and keep no
//! state of their own beyond memoised rendering.

pub mod controls;
pub mod editor;
pub mod program;
pub mod results;
pub mod status;
pub mod timeline;

use gilpy_runtime::Mode;

pub fn mode_title(mode: Mode) -> &'static str {
    match mode {
        Mode::Sequential => "Sequential",
        Mode::Parallel => "Parallel, no lock",
        Mode::SingleLock => "Single lock (GIL)",
    }
}

pub fn mode_summary(mode: Mode) -> &'static str {
    match mode {
        Mode::Sequential => "One core; each task runs to the end before the next starts.",
        Mode::Parallel => {
            "Every core at once, with no lock: how free-threaded code or processes can go."
        }
        Mode::SingleLock => {
            "Every core, but computing needs the one lock, handed over by CPython's GIL rules."
        }
    }
}
