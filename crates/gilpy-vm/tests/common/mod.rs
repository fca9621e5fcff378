//! What the VM's test files share.

/// xorshift64*: small, seeded, good enough to pick tokens and keys.
#[allow(dead_code)] // Not every test file draws numbers.
pub struct Rng(pub u64);

#[allow(dead_code)]
impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A host with real threads and a real clock that keeps what the program writes.
#[allow(dead_code)] // Each test file uses part of it.
pub mod host {
    use std::sync::Mutex;
    use std::time::{Duration, Instant};

    use gilpy_vm::builtins::Host;

    pub struct ThreadedHost {
        pub started: Instant,
        pub stdout: Mutex<String>,
        pub stderr: Mutex<String>,
        stack_bytes: usize,
        /// At most this many threads run Python at once (the CLI's `--cores`).
        pub cores: Option<std::sync::Arc<gilpy_vm::CoreLimit>>,
    }

    impl ThreadedHost {
        /// Threads with the CLI's 8 MB stacks.
        pub fn new() -> ThreadedHost {
            ThreadedHost::with_stack(8 << 20)
        }

        pub fn with_stack(stack_bytes: usize) -> ThreadedHost {
            ThreadedHost {
                started: Instant::now(),
                stdout: Mutex::default(),
                stderr: Mutex::default(),
                stack_bytes,
                cores: None,
            }
        }

        /// A host on which only `cores` threads run Python at once.
        pub fn with_cores(cores: usize) -> ThreadedHost {
            let limit = std::sync::Arc::new(gilpy_vm::CoreLimit::new(cores));
            ThreadedHost { cores: Some(limit), ..ThreadedHost::new() }
        }
    }

    impl Host for ThreadedHost {
        fn write_stdout(&self, text: &str) {
            self.stdout.lock().unwrap().push_str(text);
        }
        fn write_stderr(&self, text: &str) {
            self.stderr.lock().unwrap().push_str(text);
        }
        fn monotonic_ns(&self) -> u64 {
            self.started.elapsed().as_nanos() as u64
        }
        fn wall_time(&self) -> f64 {
            0.0
        }
        fn sleep(&self, seconds: f64) {
            std::thread::sleep(Duration::from_secs_f64(seconds));
        }
        fn core_limit(&self) -> Option<std::sync::Arc<gilpy_vm::CoreLimit>> {
            self.cores.clone()
        }
        fn thread_stack_bytes(&self) -> usize {
            self.stack_bytes
        }
        fn spawn_thread(&self, run: Box<dyn FnOnce() + Send>) -> Result<(), String> {
            std::thread::Builder::new()
                .stack_size(self.thread_stack_bytes())
                .spawn(run)
                .map(drop)
                .map_err(|e| e.to_string())
        }
    }
}
