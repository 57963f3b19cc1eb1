//! The one place that converts between byte offsets and LSP positions.
//!
//! The engine speaks byte ranges ([`Span`]); the protocol speaks `(line, character)` where
//! `character` counts UTF-16 code units or UTF-8 bytes, whichever was negotiated at
//! `initialize`. Every conversion in the server goes through here, so the rules live in one
//! place:
//! - lines end at `\n`, `\r\n` or `\r` (the LSP definition). Ropey is built with `cr_lines`
//!   only, not `unicode_lines`, so U+2028 or NEL inside a paragraph does not shift line numbers
//!   (a unit test below holds the build to that);
//! - positions past the end of a line clamp to the end of the line, lines past the end of the
//!   document clamp to its end (the spec asks for the first; the second keeps a confused client
//!   from crashing us);
//! - a position inside a character (half a surrogate pair, a byte inside a UTF-8 sequence)
//!   rounds down to the start of that character.

use crate::analysis::Span;
use ropey::Rope;
use tower_lsp_server::ls_types::{Position, PositionEncodingKind, Range};

/// How the client counts `Position.character`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// Bytes of UTF-8: what the engine uses, so the cheapest; offered by Neovim 0.11 and others.
    Utf8,
    /// Code units of UTF-16: the protocol's default, and all that VS Code offers.
    #[default]
    Utf16,
}

impl Encoding {
    /// Picks UTF-8 when the client offers it, UTF-16 otherwise (the mandatory fallback).
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }
}

/// Char index just past the content of `line`, before its line break.
fn line_content_end(rope: &Rope, line: usize) -> usize {
    let start = rope.line_to_char(line);
    let slice = rope.line(line);
    let mut len = slice.len_chars();
    if len > 0 && slice.char(len - 1) == '\n' {
        len -= 1;
    }
    if len > 0 && slice.char(len - 1) == '\r' {
        len -= 1;
    }
    start + len
}

/// The char index a position points at, clamped into the document.
pub fn position_to_char(rope: &Rope, pos: Position, enc: Encoding) -> usize {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return rope.len_chars();
    }
    let start = rope.line_to_char(line);
    let end = line_content_end(rope, line);
    let column = pos.character as usize;
    match enc {
        Encoding::Utf16 => {
            let base = rope.char_to_utf16_cu(start);
            let limit = rope.char_to_utf16_cu(end);
            rope.utf16_cu_to_char(base.saturating_add(column).min(limit))
        }
        Encoding::Utf8 => {
            let base = rope.char_to_byte(start);
            let limit = rope.char_to_byte(end);
            rope.byte_to_char(base.saturating_add(column).min(limit))
        }
    }
}

/// The byte offset a position points at, clamped into the document and onto a char boundary.
pub fn position_to_offset(rope: &Rope, pos: Position, enc: Encoding) -> usize {
    rope.char_to_byte(position_to_char(rope, pos, enc))
}

/// The position of a char index (clamped to the document).
pub fn char_to_position(rope: &Rope, char_idx: usize, enc: Encoding) -> Position {
    let ch = char_idx.min(rope.len_chars());
    let line = rope.char_to_line(ch);
    let start = rope.line_to_char(line);
    // Between `\r` and `\n` is not a place a position can name: report the end of the line.
    let ch = ch.min(line_content_end(rope, line).max(start));
    let column = match enc {
        Encoding::Utf16 => rope.char_to_utf16_cu(ch) - rope.char_to_utf16_cu(start),
        Encoding::Utf8 => rope.char_to_byte(ch) - rope.char_to_byte(start),
    };
    Position::new(to_u32(line), to_u32(column))
}

/// The position of a byte offset; an offset inside a character counts as that character's start.
pub fn offset_to_position(rope: &Rope, offset: usize, enc: Encoding) -> Position {
    let offset = offset.min(rope.len_bytes());
    char_to_position(rope, rope.byte_to_char(offset), enc)
}

/// The range of a span.
pub fn span_to_range(rope: &Rope, span: Span, enc: Encoding) -> Range {
    let start = offset_to_position(rope, span.start, enc);
    let end = offset_to_position(rope, span.end.max(span.start), enc);
    Range::new(start, end)
}

/// The byte span of a range, with its ends put in order.
pub fn range_to_span(rope: &Rope, range: Range, enc: Encoding) -> Span {
    let a = position_to_offset(rope, range.start, enc);
    let b = position_to_offset(rope, range.end, enc);
    Span::new(a.min(b), a.max(b))
}

/// The line starts of one version of a document, for converting many offsets of it (a
/// snapshot's diagnostics, outline, hints): a bisection and a scan of the line's head instead
/// of the nine rope lookups of [`offset_to_position`], which were a fifth of a keystroke's
/// analysis time. The same answers (a property test holds it to them): lines end as the
/// protocol says, and an offset inside a character or a line break rounds as there.
#[derive(Debug)]
pub struct LineIndex {
    /// Byte offset of every line's start, the first 0; after a final line break, an empty
    /// last line starts at the end of the text (as ropey counts it).
    starts: Vec<usize>,
}

/// How far into a line the index scans for a UTF-16 column; past it (a long unbroken line),
/// the rope answers in logarithmic time.
const SCAN_LIMIT: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        if text.contains('\r') {
            let bytes = text.as_bytes();
            for (i, &b) in bytes.iter().enumerate() {
                if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                    starts.push(i + 1);
                }
            }
        } else {
            // `find` with a `char` is a memchr: the common case jumps from break to break.
            let mut pos = 0;
            while let Some(k) = text.get(pos..).and_then(|rest| rest.find('\n')) {
                pos += k + 1;
                starts.push(pos);
            }
        }
        LineIndex { starts }
    }

    /// [`offset_to_position`] of `offset` in `text`, the document `rope` holds.
    pub fn position(&self, text: &str, rope: &Rope, offset: usize, enc: Encoding) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0);
        let next = self.starts.get(line + 1).copied().unwrap_or(text.len());
        let line_text = text.get(start..next).unwrap_or("");
        let content = line_text.trim_end_matches('\n');
        let content = content.strip_suffix('\r').unwrap_or(content);
        let offset = offset.min(start + content.len());
        let head = text.get(start..offset).unwrap_or("");
        let column = match enc {
            Encoding::Utf8 => head.len(),
            Encoding::Utf16 if head.is_ascii() => head.len(),
            Encoding::Utf16 if head.len() <= SCAN_LIMIT => head.encode_utf16().count(),
            Encoding::Utf16 => return offset_to_position(rope, offset, enc),
        };
        Position::new(to_u32(line), to_u32(column))
    }

    /// [`span_to_range`] through the index.
    pub fn range(&self, text: &str, rope: &Rope, span: Span, enc: Encoding) -> Range {
        Range::new(
            self.position(text, rope, span.start, enc),
            self.position(text, rope, span.end.max(span.start), enc),
        )
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    #[test]
    fn emoji_and_accents_count_differently_per_encoding() {
        // "é" is 2 bytes / 1 unit, "😀" 4 bytes / 2 units, "“" 3 bytes / 1 unit.
        let text = "intro\nZoë 😀 “Nobody knows.”\n";
        let rope = Rope::from_str(text);
        let quote = text.find('“').unwrap();
        assert_eq!(offset_to_position(&rope, quote, Encoding::Utf16), pos(1, 7));
        assert_eq!(offset_to_position(&rope, quote, Encoding::Utf8), pos(1, 10));
        assert_eq!(position_to_offset(&rope, pos(1, 7), Encoding::Utf16), quote);
        assert_eq!(position_to_offset(&rope, pos(1, 10), Encoding::Utf8), quote);
    }

    #[test]
    fn positions_inside_a_character_round_down() {
        let text = "a😀b";
        let rope = Rope::from_str(text);
        // Column 2 in UTF-16 is between the surrogates of the emoji.
        assert_eq!(position_to_offset(&rope, pos(0, 2), Encoding::Utf16), 1);
        // Byte 3 is inside the emoji's four bytes.
        assert_eq!(position_to_offset(&rope, pos(0, 3), Encoding::Utf8), 1);
        assert_eq!(offset_to_position(&rope, 3, Encoding::Utf16), pos(0, 1));
    }

    #[test]
    fn out_of_range_positions_clamp() {
        let text = "ab\r\ncd";
        let rope = Rope::from_str(text);
        assert_eq!(position_to_offset(&rope, pos(0, 99), Encoding::Utf16), 2);
        assert_eq!(position_to_offset(&rope, pos(9, 0), Encoding::Utf16), 6);
        assert_eq!(position_to_offset(&rope, pos(1, 99), Encoding::Utf8), 6);
        assert_eq!(offset_to_position(&rope, 999, Encoding::Utf16), pos(1, 2));
        // Between \r and \n reads as the end of the line.
        assert_eq!(offset_to_position(&rope, 3, Encoding::Utf16), pos(0, 2));
    }

    #[test]
    fn only_lsp_line_breaks_count() {
        let text = "a\u{2028}b\u{85}c\rd\ne";
        let rope = Rope::from_str(text);
        assert_eq!(
            rope.len_lines(),
            3,
            "ropey must be built without unicode_lines"
        );
        assert_eq!(
            offset_to_position(&rope, text.find('d').unwrap(), Encoding::Utf16),
            pos(1, 0)
        );
    }

    #[test]
    fn the_line_index_answers_as_the_rope_does() {
        let texts = [
            "",
            "\n",
            "\r",
            "\r\n",
            "ab\r\ncd",
            "a\rb\nc\r\n\r\nd\r",
            "Zoë 😀 “Nobody knows.”\n\n\"Yes,\" he said.\n",
            "a\u{2028}b\u{85}c\rd\ne",
        ];
        for text in texts {
            let rope = Rope::from_str(text);
            let index = LineIndex::new(text);
            for offset in 0..=text.len() + 2 {
                for enc in [Encoding::Utf8, Encoding::Utf16] {
                    assert_eq!(
                        index.position(text, &rope, offset, enc),
                        offset_to_position(&rope, offset, enc),
                        "{text:?} at {offset} in {enc:?}"
                    );
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_line_index_answers_as_the_rope_does_on_any_text(
            parts in proptest::collection::vec(
                proptest::sample::select(vec!["a", "é", "😀", "“", " ", "\r", "\n", "\r\n", "\u{2028}"]),
                0..40,
            ),
            offsets in proptest::collection::vec(0usize..200, 1..8),
        ) {
            let text = parts.concat();
            let rope = Rope::from_str(&text);
            let index = LineIndex::new(&text);
            for offset in offsets {
                for enc in [Encoding::Utf8, Encoding::Utf16] {
                    proptest::prop_assert_eq!(
                        index.position(&text, &rope, offset, enc),
                        offset_to_position(&rope, offset, enc)
                    );
                }
            }
        }
    }

    #[test]
    fn the_line_index_hands_long_lines_to_the_rope() {
        let text = format!("{}é“x”\nnext", "ab".repeat(SCAN_LIMIT));
        let rope = Rope::from_str(&text);
        let index = LineIndex::new(&text);
        for offset in [
            0,
            SCAN_LIMIT + 1,
            text.len() - 6,
            text.len() - 1,
            text.len(),
        ] {
            assert_eq!(
                index.position(&text, &rope, offset, Encoding::Utf16),
                offset_to_position(&rope, offset, Encoding::Utf16)
            );
        }
    }

    #[test]
    fn negotiation_prefers_utf8_only_when_offered() {
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        let both = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&both)), Encoding::Utf8);
        assert_eq!(
            Encoding::negotiate(Some(&[PositionEncodingKind::UTF32])),
            Encoding::Utf16
        );
    }
}
