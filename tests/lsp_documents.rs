//! Property: any sequence of incremental edits applied through the server's document store
//! leaves the same text as the same edits applied to a plain `String`, in UTF-8 and in UTF-16.
//!
//! Positions are computed here independently of `saidso::lsp::position`, from the model
//! string, with the protocol's rules (lines end at `\n`, `\r\n` or `\r`; columns in bytes or
//! UTF-16 units). Texts mix curly quotes, accents, emoji (surrogate pairs in UTF-16), all three
//! line endings and U+2028 (which is not a line break for LSP).

use proptest::prelude::*;
use saidso::analysis::DocKind;
use saidso::lsp::documents::DocumentStore;
use saidso::lsp::position::Encoding;
use std::str::FromStr;
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent, Uri};

const ATOMS: &[&str] = &[
    "a", "Putin", " ", "said", "Zoë", "é", "😀", "🎉", "“", "”", "\"", ",", ".", "\n", "\r\n",
    "\r", "\u{2028}", "日本",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ATOMS), 0..40).prop_map(|v| v.concat())
}

/// An edit as fractions of the current text, so it stays valid whatever the text became.
#[derive(Debug, Clone)]
struct Edit {
    start: f64,
    len: usize,
    insert: String,
    /// Send the end as a column far past the end of its line (which must clamp to the end of
    /// the line, before its line break).
    overshoot: bool,
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    (
        0.0..=1.0f64,
        0usize..6,
        text_strategy().prop_map(|t| t.chars().take(8).collect()),
        prop::bool::weighted(0.2),
    )
        .prop_map(|(start, len, insert, overshoot)| Edit {
            start,
            len,
            insert,
            overshoot,
        })
}

/// A char index that a position can name: not between `\r` and `\n`.
fn addressable(chars: &[char], mut i: usize) -> usize {
    if i > 0 && i < chars.len() && chars[i - 1] == '\r' && chars[i] == '\n' {
        i -= 1;
    }
    i
}

fn model_position(chars: &[char], i: usize, enc: Encoding) -> Position {
    let (mut line, mut col, mut k) = (0u32, 0u32, 0usize);
    while k < i {
        let c = chars[k];
        if c == '\r' && chars.get(k + 1) == Some(&'\n') {
            line += 1;
            col = 0;
            k += 2;
            continue;
        }
        if c == '\n' || c == '\r' {
            line += 1;
            col = 0;
        } else {
            col += match enc {
                Encoding::Utf8 => c.len_utf8() as u32,
                Encoding::Utf16 => c.len_utf16() as u32,
            };
        }
        k += 1;
    }
    Position::new(line, col)
}

/// Applies `edit` to the model and returns the change event that describes it.
fn apply_to_model(
    model: &mut String,
    edit: &Edit,
    enc: Encoding,
) -> TextDocumentContentChangeEvent {
    let chars: Vec<char> = model.chars().collect();
    let start = addressable(&chars, (edit.start * chars.len() as f64) as usize);
    let mut end = addressable(&chars, (start + edit.len).min(chars.len()));
    let mut end_pos = model_position(&chars, end, enc);
    if edit.overshoot {
        while end < chars.len() && chars[end] != '\n' && chars[end] != '\r' {
            end += 1;
        }
        end_pos.character += 1000;
    }
    let range = Range::new(model_position(&chars, start, enc), end_pos);
    let mut out: String = chars[..start].iter().collect();
    out.push_str(&edit.insert);
    out.extend(&chars[end..]);
    *model = out;
    TextDocumentContentChangeEvent {
        range: Some(range),
        range_length: None,
        text: edit.insert.clone(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn store_edits_match_string_edits(
        initial in text_strategy(),
        batches in prop::collection::vec(prop::collection::vec(edit_strategy(), 1..4), 1..12),
        utf8 in any::<bool>(),
    ) {
        let enc = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
        let uri = Uri::from_str("file:///prop/doc.txt").unwrap();
        let store = DocumentStore::new();
        store.open(uri.clone(), DocKind::Text, 0, &initial);
        let mut model = initial;
        for (version, batch) in batches.iter().enumerate() {
            // Each change in a batch is read against the text left by the one before.
            let changes: Vec<_> = batch.iter().map(|e| apply_to_model(&mut model, e, enc)).collect();
            store.change(&uri, version as i32 + 1, &changes, enc).unwrap();
            prop_assert_eq!(store.text(&uri).unwrap(), model.clone());
        }
        // And the analysis the handlers read is of that same text.
        let snapshot = store.snapshot(&uri).unwrap();
        prop_assert_eq!(&snapshot.text, &model);
    }

    #[test]
    fn positions_round_trip_through_the_server_conversions(
        text in text_strategy(),
        at in 0.0..=1.0f64,
        utf8 in any::<bool>(),
    ) {
        let enc = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
        let chars: Vec<char> = text.chars().collect();
        let i = addressable(&chars, (at * chars.len() as f64) as usize);
        let offset: usize = chars[..i].iter().map(|c| c.len_utf8()).sum();
        let rope = ropey::Rope::from_str(&text);
        let expected = model_position(&chars, i, enc);
        prop_assert_eq!(saidso::lsp::position::offset_to_position(&rope, offset, enc), expected);
        prop_assert_eq!(saidso::lsp::position::position_to_offset(&rope, expected, enc), offset);
    }
}
