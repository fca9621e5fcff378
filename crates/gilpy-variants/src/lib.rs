//! One workload, every mode.
//!
//! The playground's sliders describe a workload ([`Sliders`]); [`workload_source`] writes it as
//! a Python program a learner could paste into CPython. Everything above the program's
//! `if __name__ == "__main__":` line is the workload: `task(n)`, `TASKS`, `report(results)`
//! and friends. [`variant`] keeps that part and replaces the main block with each mode's own
//! (a loop, a thread pool, a process pool, `asyncio.gather`), so a program edited by hand
//! still runs in every mode as long as it keeps those names. [`PRESETS`] are the seed lessons.
//!
//! [`RunMode`] says whether a program runs on real cores or simulated.
//!
//! This crate only writes text and describes settings: it knows nothing of the VM, the runner
//! or the page.

mod presets;
mod run_mode;
mod sliders;
mod variant;

pub use presets::{preset, Preset, PresetContent, PRESETS};
pub use run_mode::{RunMode, MAX_SEED, MAX_SIMULATED_CORES};
pub use sliders::{group_digits, workload_source, Sliders, TaskKind};
pub use variant::{variant, Mode, VariantError, FREE_THREADED_PYTHON, PYTHON_VERSIONS};
