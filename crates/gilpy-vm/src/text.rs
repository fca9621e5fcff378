//! [`Text`]: what a `str` value holds. One thin pointer, so that a [`crate::value::Value`] is
//! two words; and growable in place while nothing else holds it, which makes `s += t` in a
//! loop linear, as CPython's in-place concatenation is (`unicode_concatenate` in 3.9's
//! `ceval.c`, `BINARY_OP_INPLACE_ADD_UNICODE` since 3.11). Python never sees the growth: a
//! text is only written to when no other value refers to it.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(Arc<String>);

impl Text {
    pub fn ptr_eq(a: &Text, b: &Text) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }

    /// The address `id()` shows.
    pub fn address(&self) -> usize {
        Arc::as_ptr(&self.0) as usize
    }

    /// Appends `tail` in place when this is the only reference to the text; else leaves it
    /// unchanged and returns false.
    pub fn append_if_unique(&mut self, tail: &str) -> bool {
        match Arc::get_mut(&mut self.0) {
            Some(text) => {
                text.push_str(tail);
                true
            }
            None => false,
        }
    }
}

impl Deref for Text {
    type Target = str;

    #[inline]
    fn deref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text(Arc::new(text.to_owned()))
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text(Arc::new(text))
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&**self, f)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

