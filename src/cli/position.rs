//! Byte offsets (what the engine speaks) to what people and tools read: 1-based line and
//! character column for reports, Unicode code-point offsets for `extract`.
//!
//! Both conversions clamp offsets that are past the end or inside a character instead of
//! panicking: offsets come from the engine, and a bug there must not crash a whole run.

use crate::analysis::Span;
use serde::Serialize;

/// A 1-based line and a 1-based column counted in characters (Unicode scalar values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Line starts of a text, for byte → line/column.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// The position of a byte offset. The column counts the characters before it on its line,
    /// so only that line is scanned.
    pub fn position(&self, offset: usize) -> Position {
        let offset = floor_boundary(self.text, offset);
        let line = self.starts.partition_point(|&s| s <= offset).max(1) - 1;
        let start = self.starts[line];
        Position {
            line: line + 1,
            column: self.text[start..offset].chars().count() + 1,
        }
    }

    /// Start and end positions of a span; the end is the position just after the last character
    /// (exclusive, as SARIF's `endColumn` and LSP ranges expect).
    pub fn range(&self, span: Span) -> (Position, Position) {
        (self.position(span.start), self.position(span.end))
    }
}

/// The largest char boundary at or before `offset`, within the text.
pub fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Byte offset → code-point offset for a known set of offsets, built in one pass over the text:
/// O(text + k log k) for k offsets, instead of rescanning the text for each quote.
pub struct CodePoints {
    /// Sorted, unique byte offsets and their code-point offsets.
    bytes: Vec<usize>,
    chars: Vec<usize>,
}

impl CodePoints {
    pub fn new(text: &str, offsets: impl IntoIterator<Item = usize>) -> CodePoints {
        let mut bytes: Vec<usize> = offsets
            .into_iter()
            .map(|o| floor_boundary(text, o))
            .collect();
        bytes.sort_unstable();
        bytes.dedup();
        let mut chars = Vec::with_capacity(bytes.len());
        let (mut at_byte, mut at_char) = (0usize, 0usize);
        for &b in &bytes {
            at_char += text[at_byte..b].chars().count();
            at_byte = b;
            chars.push(at_char);
        }
        CodePoints { bytes, chars }
    }

    /// The code-point offset of a byte offset given to [`CodePoints::new`] (others are mapped
    /// to the nearest known offset before them, which is wrong but harmless; callers list every
    /// offset they ask for).
    pub fn get(&self, byte: usize) -> usize {
        match self.bytes.binary_search(&byte) {
            Ok(i) => self.chars[i],
            Err(0) => 0,
            Err(i) => self.chars[i - 1],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let text = "“Hi,” 😀 said.\nab\r\nc";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(0), Position { line: 1, column: 1 });
        let said = text.find("said").expect("said");
        assert_eq!(idx.position(said), Position { line: 1, column: 9 });
        let c = text.rfind('c').expect("c");
        assert_eq!(idx.position(c), Position { line: 3, column: 1 });
        // Inside a character and past the end: clamped, no panic.
        assert_eq!(idx.position(1), Position { line: 1, column: 1 });
        assert_eq!(idx.position(999), Position { line: 3, column: 2 });
    }

    #[test]
    fn range_end_is_exclusive() {
        let text = "x \"ab\"";
        let (s, e) = LineIndex::new(text).range(Span::new(2, 6));
        assert_eq!((s.column, e.column), (3, 7));
    }

    #[test]
    fn code_points_match_python_indices() {
        let text = "😀 “Ça va,” she said. 👍🏽 “Oui.”";
        let start = text.find("“Oui").expect("quote");
        let end = text.len();
        let cp = CodePoints::new(text, [end, start, 0, start]);
        assert_eq!(cp.get(0), 0);
        assert_eq!(cp.get(start), text[..start].chars().count());
        assert_eq!(cp.get(end), text.chars().count());
    }

    proptest! {
        #[test]
        fn code_points_agree_with_a_naive_count(text in "\\PC{0,40}", picks in prop::collection::vec(0usize..200, 0..8)) {
            let offsets: Vec<usize> = picks.iter().map(|&p| floor_boundary(&text, p)).collect();
            let cp = CodePoints::new(&text, offsets.iter().copied());
            for &o in &offsets {
                prop_assert_eq!(cp.get(o), text[..o].chars().count());
            }
        }
    }
}
