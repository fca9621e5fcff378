//! [`Text`]: what a `str` value holds. One thin pointer, so that a [`crate::value::Value`] is
//! two words; and growable in place while nothing else holds it, which makes `s += t` in a
//! loop linear, as CPython's in-place concatenation is (`unicode_concatenate` in 3.9's
//! `ceval.c`, `BINARY_OP_INPLACE_ADD_UNICODE` since 3.11). Python never sees the growth: a
//! text is only written to when no other value refers to it.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::{Arc, OnceLock};

#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(Arc<String>);

impl Text {
    pub fn ptr_eq(a: &Text, b: &Text) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }

    /// A one-char text. Those of the first 256 code points are made once and shared, as
    /// CPython's are (`_Py_LATIN1_CHR`), so that a loop over a string's chars or its indices
    /// allocates nothing.
    pub fn of_char(c: char) -> Text {
        static LATIN1: OnceLock<Vec<Text>> = OnceLock::new();
        match u8::try_from(c) {
            Ok(byte) => LATIN1.get_or_init(|| {
                (0..=255u8).map(|b| Text::from(String::from(char::from(b)))).collect()
            })[usize::from(byte)]
            .clone(),
            Err(_) => Text::from(String::from(c)),
        }
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

/// Where a text's characters sit: how many there are and, unless the text is ASCII (where a
/// char's position is its byte offset), the byte offset of every [`MARK_EVERY`]th char.
/// CPython stores a string at one fixed width per char, so `s[i]`, `len(s)` and
/// `s.find(x, i)` are O(1) there; with these marks a UTF-8 text finds a char's bytes by a
/// short scan from the mark before it, rather than from the start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextLayout {
    chars: usize,
    marks: Option<Vec<usize>>,
}

const MARK_EVERY: usize = 64;

impl TextLayout {
    pub fn of(text: &str) -> TextLayout {
        if text.is_ascii() {
            return TextLayout { chars: text.len(), marks: None };
        }
        let mut layout = TextLayout { chars: 0, marks: Some(Vec::new()) };
        layout.extend(0, text);
        layout
    }

    pub fn is_ascii(&self) -> bool {
        self.marks.is_none()
    }

    pub fn char_count(&self) -> usize {
        self.chars
    }

    /// The byte offset in `text` (the text this layout measured) of char `index`; the
    /// text's length for `index == char_count()`.
    pub fn byte_offset(&self, text: &str, index: usize) -> usize {
        let Some(marks) = &self.marks else { return index };
        let Some(&mark) = marks.get(index / MARK_EVERY) else { return text.len() };
        text[mark..].char_indices().nth(index % MARK_EVERY).map_or(text.len(), |(at, _)| mark + at)
    }

    /// The index of the char that starts at byte `offset` of `text` (or of the end).
    pub fn char_index(&self, text: &str, offset: usize) -> usize {
        let Some(marks) = &self.marks else { return offset };
        let mark = marks.partition_point(|&at| at <= offset).saturating_sub(1);
        match marks.get(mark) {
            Some(&at) => mark * MARK_EVERY + text[at..offset].chars().count(),
            None => 0,
        }
    }

    /// Follows `tail` appended to the `len` bytes this layout measured.
    pub fn extend(&mut self, len: usize, tail: &str) {
        if self.marks.is_none() {
            if tail.is_ascii() {
                self.chars += tail.len();
                return;
            }
            self.marks = Some((0..self.chars).step_by(MARK_EVERY).collect());
        }
        let marks = self.marks.as_mut().expect("made above");
        for (at, _) in tail.char_indices() {
            if self.chars.is_multiple_of(MARK_EVERY) {
                marks.push(len + at);
            }
            self.chars += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::TextLayout;

    #[test]
    fn layout_maps_chars_to_bytes_and_back() {
        let mut text = String::from("ab");
        let mut layout = TextLayout::of(&text);
        for piece in ["é".repeat(70), "x".repeat(130), "ö€".into(), "y".into()] {
            layout.extend(text.len(), &piece);
            text.push_str(&piece);
            assert_eq!(layout, TextLayout::of(&text), "growing by {piece:?}");
        }
        let offsets: Vec<usize> = text.char_indices().map(|(at, _)| at).collect();
        assert_eq!(layout.char_count(), offsets.len());
        for (index, &at) in offsets.iter().enumerate() {
            assert_eq!(layout.byte_offset(&text, index), at);
            assert_eq!(layout.char_index(&text, at), index);
        }
        assert_eq!(layout.byte_offset(&text, offsets.len()), text.len());
        assert_eq!(layout.char_index(&text, text.len()), offsets.len());
        assert!(TextLayout::of("plain").is_ascii());
    }
}
