//! The page's components, one file each. They get data and callbacks as props and keep no
//! state of their own beyond memoised rendering.

pub mod console;
pub mod controls;
pub mod editor;
pub mod program;
pub mod quiz;
pub mod results;
pub mod share;
pub mod status;
pub mod sweep;
pub mod timeline;

use gilpy_variants::Mode;

/// What the mode does, in a line under its title.
pub fn mode_summary(mode: Mode) -> &'static str {
    match mode {
        Mode::Sequential => "Each task runs to its end before the next starts.",
        Mode::Threads => "A thread per task; running Python needs the GIL, one thread at a time.",
        Mode::FreeThreaded => "The same threads on 3.13t, which has no GIL: they can run at once.",
        Mode::Processes => {
            "A pool of processes, each with its own interpreter and GIL; work is pickled across."
        }
        Mode::Asyncio => "A coroutine per task on one thread; they take turns whenever one awaits.",
    }
}
