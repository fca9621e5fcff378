/// Where a run's cores come from: each core is one OS thread (natively) or one web worker
/// (in the page), running `core_main(core_index)` until the run is over.
pub trait CorePool {
    /// How many cores this pool can run at once.
    fn max_cores(&self) -> usize;
    /// Runs `core_main` on `cores` distinct threads at once and returns when all have returned.
    /// `cores` is at most [`CorePool::max_cores`].
    fn run_on_cores(&self, cores: usize, core_main: &(dyn Fn(usize) + Sync));
}

/// Native cores: one scoped std thread per core.
#[cfg(not(target_arch = "wasm32"))]
pub struct ThreadCores {
    max: usize,
}

#[cfg(not(target_arch = "wasm32"))]
impl ThreadCores {
    /// A pool as large as the machine (`std::thread::available_parallelism`).
    pub fn new() -> Self {
        let max = std::thread::available_parallelism().map_or(1, |n| n.get());
        ThreadCores { max }
    }

    /// A pool that allows `max` cores whatever the machine has (for oversubscription tests).
    pub fn with_max(max: usize) -> Self {
        ThreadCores { max }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Default for ThreadCores {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl CorePool for ThreadCores {
    fn max_cores(&self) -> usize {
        self.max
    }

    fn run_on_cores(&self, cores: usize, core_main: &(dyn Fn(usize) + Sync)) {
        std::thread::scope(|scope| {
            for core in 0..cores {
                scope.spawn(move || core_main(core));
            }
        });
    }
}
