//! The playground page. The main thread renders and posts messages; every task runs in the
//! runner worker (`gilpy-runner`). `state` is plain data and is tested natively.

pub mod address;
pub mod app;
pub mod components;
pub mod embed;
pub mod quiz_files;
pub mod runner_client;
pub mod state;

pub use app::App;
