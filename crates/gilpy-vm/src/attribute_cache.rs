//! Per thread: what looking a name up in a class (its namespace, then its bases in method
//! resolution order) found lately, with the versions of those namespaces it was found at (see
//! [`crate::value::Versioned`]). CPython keeps a cache like it, keyed by type version tags.
//! A hit costs an atomic load per class in the order and no lock: reading an attribute of an
//! instance looked the name up in every class of the order, each under its lock, to find
//! whether a property overrides the instance's own value (`p.x` on a plain class: two locked
//! lookups that found nothing), and setting one asked for `__setattr__` twice.
//!
//! An entry is used only while every namespace it passed through is at the version it was read
//! at, so it returns what a locked lookup at that moment would have.

use crate::text::Text;
use std::sync::Arc;

use crate::value::{Class, Value};

const SLOTS: usize = 512;
/// Classes whose order (the class and its bases) is longer are looked up without the cache.
const MOST_CLASSES: usize = 4;

pub struct AttributeCache {
    slots: Vec<Option<CachedAttribute>>,
    /// What [`AttributeCache::find_text`] lends for a class it cannot cache.
    uncached: Option<Value>,
}

struct CachedAttribute {
    /// Held, so that no other class can take its address while the entry lives.
    class: Arc<Class>,
    name: Text,
    /// The versions of the class's namespace and its bases', in method resolution order.
    versions: [u64; MOST_CLASSES],
    found: Option<Value>,
}

/// The versions of `class`'s namespace and its bases', or `None` when there are too many.
fn versions_of(class: &Class) -> Option<[u64; MOST_CLASSES]> {
    if class.bases_mro.len() >= MOST_CLASSES {
        return None;
    }
    let mut versions = [0; MOST_CLASSES];
    versions[0] = class.dict.version();
    for (slot, base) in versions[1..].iter_mut().zip(&class.bases_mro) {
        *slot = base.dict.version();
    }
    Some(versions)
}

/// Whether `class`'s namespace and its bases' are at `versions`. Compared one by one as they
/// are loaded: an array of them built on the stack and compared whole is read back with wide
/// loads that its narrow stores cannot forward to, a stall that was a tenth of a method call.
#[inline(always)]
fn at_versions(class: &Class, versions: &[u64; MOST_CLASSES]) -> bool {
    class.bases_mro.len() < MOST_CLASSES
        && class.dict.version() == versions[0]
        && class.bases_mro.iter().zip(&versions[1..]).all(|(base, &v)| base.dict.version() == v)
}

/// Where [`AttributeCache::find_text`] looks first: the class's and the text's addresses, each
/// mixed on its own (their plain xor made different pairs of allocations collide).
#[inline(always)]
fn text_slot_of(class: &Arc<Class>, name: &Text) -> usize {
    // Fibonacci hashing: the product's top bits depend on every bit of the key.
    let key =
        (Arc::as_ptr(class) as u64).wrapping_mul(0xff51_afd7_ed55_8ccd) ^ name.address() as u64;
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - SLOTS.trailing_zeros())) as usize
}

fn slot_of(class: &Arc<Class>, name: &str) -> usize {
    let mut hash = Arc::as_ptr(class) as usize >> 4;
    for byte in name.bytes() {
        hash = hash.rotate_left(5) ^ usize::from(byte);
    }
    hash.wrapping_mul(0x9e37_79b9) >> 7 & (SLOTS - 1)
}

impl AttributeCache {
    pub fn new() -> AttributeCache {
        AttributeCache { slots: (0..SLOTS).map(|_| None).collect(), uncached: None }
    }

    /// [`Self::lookup`] for a name held as a [`Text`] (the names of code objects): the entry
    /// keeps the text, so its address stands for the name while the entry lives, and a hit
    /// compares addresses where [`Self::lookup`] hashes and compares the name's bytes.
    #[inline]
    pub fn lookup_text(&mut self, class: &Arc<Class>, name: &Text) -> Option<Value> {
        self.find_text(class, name).cloned()
    }

    /// [`Self::lookup_text`], lent rather than cloned: the fast paths that only ask what
    /// kind of attribute the class has save a reference count up and down.
    #[inline]
    pub fn find_text(&mut self, class: &Arc<Class>, name: &Text) -> Option<&Value> {
        // Two ways: a name's entry sits in its slot or the one beside it, so that two hot
        // lookups whose slots collide do not evict each other on every call (`object.__new__`
        // and `P.__setattr__`, both asked for each `P(x)`, did).
        let first = text_slot_of(class, name);
        let is_hit = |slot: &Option<CachedAttribute>| {
            matches!(slot, Some(entry)
                if Arc::ptr_eq(&entry.class, class)
                    && Text::ptr_eq(&entry.name, name)
                    && at_versions(class, &entry.versions))
        };
        let at = if is_hit(&self.slots[first]) {
            first
        } else if is_hit(&self.slots[first ^ 1]) {
            first ^ 1
        } else {
            let Some(versions) = versions_of(class) else {
                return self.fill_uncached(class, name);
            };
            let found = class.lookup(name);
            // The newest entry goes first; the one it displaces moves beside it.
            if self.slots[first].is_some() {
                self.slots[first ^ 1] = self.slots[first].take();
            }
            self.slots[first] =
                Some(CachedAttribute { class: class.clone(), name: name.clone(), versions, found });
            first
        };
        self.slots[at].as_ref().and_then(|entry| entry.found.as_ref())
    }

    /// A class whose order is too long for an entry: looked up each time, and lent from a
    /// slot kept for it.
    #[cold]
    fn fill_uncached(&mut self, class: &Arc<Class>, name: &Text) -> Option<&Value> {
        self.uncached = class.lookup(name);
        self.uncached.as_ref()
    }

    /// [`Class::lookup`], from the cache while nothing it read has changed.
    pub fn lookup(&mut self, class: &Arc<Class>, name: &str) -> Option<Value> {
        let slot = &mut self.slots[slot_of(class, name)];
        if let Some(entry) = slot {
            if Arc::ptr_eq(&entry.class, class)
                && *entry.name == *name
                && at_versions(class, &entry.versions)
            {
                return entry.found.clone();
            }
        }
        let Some(versions) = versions_of(class) else {
            return class.lookup(name);
        };
        // Read after the versions: if a namespace changes meanwhile, the entry is stale at
        // once and the next lookup misses.
        let found = class.lookup(name);
        *slot = Some(CachedAttribute {
            class: class.clone(),
            name: Text::from(name),
            versions,
            found: found.clone(),
        });
        found
    }
}
