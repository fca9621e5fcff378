//! What the runtime needs from its host, in a web worker: a clock that agrees across workers,
//! cores from the rayon pool, and a way to hear about a panic on any of them.

use std::sync::atomic::{AtomicBool, AtomicI32, AtomicUsize, Ordering};
use std::sync::Mutex;

use gilpy_protocol::FromRunner;
use gilpy_runtime::{Clock, CorePool};
use js_sys::{Atomics, Int32Array, Promise, WebAssembly};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::WorkerGlobalScope;

/// `performance.timeOrigin + performance.now()`: each worker has its own time origin, and the
/// sum puts them all on one time line (to the 5 µs that an isolated page allows).
pub struct WebClock;

impl Clock for WebClock {
    fn now_us(&self) -> u64 {
        let scope: WorkerGlobalScope = js_sys::global().unchecked_into();
        match scope.performance() {
            Some(performance) => ((performance.time_origin() + performance.now()) * 1_000.0) as u64,
            None => (js_sys::Date::now() * 1_000.0) as u64,
        }
    }
}

/// Cores are threads of the global rayon pool, each a web worker sharing this memory.
pub struct RayonCores;

impl CorePool for RayonCores {
    /// Only after `initThreadPool`: before it, rayon would build a default pool of its own.
    fn max_cores(&self) -> usize {
        rayon::current_num_threads()
    }

    fn run_on_cores(&self, cores: usize, core_main: &(dyn Fn(usize) + Sync)) {
        rayon::scope(|scope| {
            for core in 0..cores {
                scope.spawn(move |_| core_main(core));
            }
        });
    }
}

static PANICKED: AtomicBool = AtomicBool::new(false);
static PANIC_MESSAGE: Mutex<String> = Mutex::new(String::new());

/// A panic on a pool worker cannot post to the page (only the runner's own thread can), so the
/// hook leaves the message here and the runner's progress loop reports it.
/// The size of an allocation that failed (0: none): the shared memory, 1 GB, is full.
static FAILED_ALLOCATION: AtomicUsize = AtomicUsize::new(0);

/// Also installs the allocation-failure hook, which must not allocate: it only records the size,
/// and the runner's thread words the report (a small allocation there still fits, as a
/// failing one is large or the heap's last few bytes).
pub fn install_panic_hook() {
    std::alloc::set_alloc_error_hook(|layout| {
        FAILED_ALLOCATION.store(layout.size().max(1), Ordering::SeqCst);
        PANICKED.store(true, Ordering::SeqCst);
    });
    std::panic::set_hook(Box::new(|info| {
        if let Ok(mut message) = PANIC_MESSAGE.try_lock() {
            *message = info.to_string();
        }
        PANICKED.store(true, Ordering::SeqCst);
        web_sys::console::error_1(&info.to_string().into());
    }));
}

/// Posts a pending panic to the page; true if there was one.
pub fn report_panic() -> bool {
    if !PANICKED.load(Ordering::SeqCst) {
        return false;
    }
    let failed = FAILED_ALLOCATION.load(Ordering::SeqCst);
    let message = if failed > 0 {
        let mb = |bytes: usize| bytes as f64 / (1 << 20) as f64;
        // The memory has grown to its maximum by now.
        let memory = core::arch::wasm32::memory_size(0) * 65_536;
        format!(
            "the program ran out of memory: the {:.0} MB the page's workers share are full, and \
             it asked for {:.1} MB more",
            mb(memory),
            mb(failed)
        )
    } else {
        let panic = PANIC_MESSAGE.try_lock().map(|m| m.clone()).unwrap_or_default();
        format!("the engine crashed: {panic}")
    };
    crate::post(&FromRunner::Crashed { message });
    true
}

/// A flag in shared memory that a pool thread raises and the runner's own thread awaits with
/// `Atomics.waitAsync`, which does not block (blocking waits would freeze its message loop).
#[derive(Default)]
pub struct DoneSignal {
    raised: AtomicI32,
}

impl DoneSignal {
    pub fn raise(&self) {
        self.raised.store(1, Ordering::SeqCst);
        // SAFETY: the pointer is to a live, aligned i32 in this module's shared memory.
        unsafe { core::arch::wasm32::memory_atomic_notify(self.raised.as_ptr(), u32::MAX) };
    }

    /// Waits up to `timeout_ms` for `raise`; returns whether it was raised.
    pub async fn wait(&self, timeout_ms: f64) -> bool {
        if self.raised.load(Ordering::SeqCst) == 1 {
            return true;
        }
        // The memory can grow, which replaces its buffer: take a fresh view each time.
        let memory: WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
        let view = Int32Array::new(&memory.buffer());
        let index = self.raised.as_ptr() as u32 / 4;
        if let Ok(outcome) = Atomics::wait_async_with_timeout(&view, index, 0, timeout_ms) {
            let value = js_sys::Reflect::get(&outcome, &"value".into()).unwrap_or_default();
            if let Ok(promise) = value.dyn_into::<Promise>() {
                let _ = JsFuture::from(promise).await;
            }
        }
        self.raised.load(Ordering::SeqCst) == 1
    }
}

/// Lets the worker's event loop run the tasks queued meanwhile (the page's messages) and comes
/// back at once: a message to ourselves, which, unlike `setTimeout(0)`, is never delayed 4 ms.
pub async fn yield_to_messages() {
    let Ok(channel) = web_sys::MessageChannel::new() else { return };
    let port = channel.port1();
    let arrived = Promise::new(&mut |resolve, _reject| port.set_onmessage(Some(&resolve)));
    if channel.port2().post_message(&wasm_bindgen::JsValue::NULL).is_ok() {
        let _ = JsFuture::from(arrived).await;
    }
    port.set_onmessage(None);
}
