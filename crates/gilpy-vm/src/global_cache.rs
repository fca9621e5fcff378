//! Per thread: the globals and built-ins a thread read lately, each with the versions of the
//! dicts it read them from (see [`crate::value::Versioned`]). A hit costs two atomic loads and
//! no lock: the globals dict's lock was a seventh of a recursive function's time, and two of
//! a module-level loop's three locks. CPython 3.11+ specialises `LOAD_GLOBAL` on the dict's
//! keys version in the same spirit.
//!
//! Sound under free threading: an entry is used only while both dicts are at the versions it
//! was read at, and every change to a dict moves its version on under the dict's lock, so a
//! hit returns what a locked read at that moment would have.

use std::sync::Arc;

use crate::code::Code;
use crate::value::{Dict, Value};

const SLOTS: usize = 64;

pub struct GlobalCache {
    slots: Vec<Option<CachedGlobal>>,
}

struct CachedGlobal {
    /// Held, so that no other code object can take its address while the entry lives.
    code: Arc<Code>,
    index: u32,
    globals: Arc<Dict>,
    globals_version: u64,
    builtins_version: u64,
    value: Value,
}

impl CachedGlobal {
    /// Whether this entry is for the read of name `index` of `code`, with these globals.
    #[inline]
    fn is_for(&self, code: &Arc<Code>, index: u32, globals: &Arc<Dict>) -> bool {
        self.index == index && Arc::ptr_eq(&self.code, code) && Arc::ptr_eq(&self.globals, globals)
    }
}

/// Where a read of global `index` of a code object is cached.
fn slot_of(code: &Arc<Code>, index: u32) -> usize {
    let address = Arc::as_ptr(code) as usize;
    ((address >> 4) ^ (index as usize).wrapping_mul(0x9e37)) % SLOTS
}

impl GlobalCache {
    pub fn new() -> GlobalCache {
        GlobalCache { slots: (0..SLOTS).map(|_| None).collect() }
    }

    /// The cached value, if the entry is for this read and both dicts are unchanged since.
    /// A reference, so that the caller clones it straight onto its stack: a `Value` returned
    /// through an `Option` was copied about in pieces that stalled the loads after them.
    #[inline]
    pub fn get(
        &self,
        code: &Arc<Code>,
        index: u32,
        globals: &Arc<Dict>,
        builtins: &Dict,
    ) -> Option<&Value> {
        let entry = self.slots[slot_of(code, index)].as_ref()?;
        let fresh = entry.is_for(code, index, globals)
            && entry.globals_version == globals.entries.version()
            && entry.builtins_version == builtins.entries.version();
        fresh.then_some(&entry.value)
    }

    /// Remembers `value`, read from the dicts at these versions.
    pub fn put(
        &mut self,
        code: &Arc<Code>,
        index: u32,
        globals: &Arc<Dict>,
        versions: (u64, u64),
        value: Value,
    ) {
        let entry = &mut self.slots[slot_of(code, index)];
        match entry {
            // The same read at newer versions: no reference counts to touch.
            Some(entry) if entry.is_for(code, index, globals) => {
                (entry.globals_version, entry.builtins_version) = versions;
                entry.value = value;
            }
            _ => {
                *entry = Some(CachedGlobal {
                    code: code.clone(),
                    index,
                    globals: globals.clone(),
                    globals_version: versions.0,
                    builtins_version: versions.1,
                    value,
                })
            }
        }
    }

    /// After this thread stored global `index` and moved the globals to `globals_version`:
    /// keeps its own entry for that name current, so that a loop which reads and writes a
    /// global (`n -= 1`) keeps hitting.
    pub fn stored(
        &mut self,
        code: &Arc<Code>,
        index: u32,
        globals: &Arc<Dict>,
        globals_version: u64,
        value: &Value,
    ) {
        if let Some(entry) = &mut self.slots[slot_of(code, index)] {
            if entry.is_for(code, index, globals) {
                entry.globals_version = globals_version;
                entry.value = value.clone_fast();
            }
        }
    }
}
