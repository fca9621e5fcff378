//! The concurrency runtime: it runs a [`Workload`] on a number of cores, in one of three
//! [`Mode`]s, and returns a [`RunTrace`] of what every task did and when.
//!
//! - [`gil`] is the runtime's GIL, modelled on CPython's `Python/ceval_gil.c`: a waiter asks the
//!   holder to drop it after the switch interval, the holder answers at its next eval-breaker
//!   check, and blocking calls release it.
//! - [`core_limit`] lets only N threads run Python at once (a smaller machine's cores), with
//!   OS-like time slices, so that a sweep can measure what each added real core brings.
//! - [`run`] owns the M:N scheduler: tasks are state machines stepped by a small number of core
//!   threads; a task blocked on I/O holds no core.
//! - The runtime never reads a clock or starts a thread on its own: the host passes a [`Clock`]
//!   and a [`CorePool`] (std threads natively, the rayon pool of web workers in the page).
//!
//! Nothing here knows about the browser, yew or web-sys.

mod clock;
pub mod core_limit;
mod cores;
mod cpu;
pub mod gil;
mod run;
mod trace;
mod workload;

pub use clock::Clock;
#[cfg(not(target_arch = "wasm32"))]
pub use clock::MonotonicClock;
pub use cores::CorePool;
#[cfg(not(target_arch = "wasm32"))]
pub use cores::ThreadCores;
pub use cpu::spin_ops;
pub use run::{Mode, Progress, Run, RunConfig};
pub use trace::{RunTrace, Span, SpanKind, TaskTrace};
pub use workload::{Step, Task, TaskKind, Workload, WorkloadParams};
