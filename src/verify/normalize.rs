//! Words as the matcher compares them, with the byte ranges they came from.
//!
//! A quote and its source agree when their words agree, whatever the case, the punctuation,
//! the quotation marks (curly or straight), the dashes or the whitespace between them: `We
//! won’t — ever.` and `we won't, ever` are the same three words. Apostrophes inside a word
//! are kept (and made straight), so `won't` is one word and not `won` + `t`.
//!
//! Transcripts also hold text nobody said: timestamps (`[00:12:31]`, `(12:31)`) and
//! transcriber's notes (`[inaudible]`, `(laughter)`, `[crosstalk]`). [`annotations`] finds them
//! so both sides of a comparison can leave them out.

use crate::analysis::Span;

/// One word: its normalised form and where it is in the text it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub norm: String,
    pub span: Span,
}

/// Marks that stand for an apostrophe inside a word (`don’t`, `don't`, `donʼt`).
const APOSTROPHES: &[char] = &['\'', '’', 'ʼ', '‘', '`', '´'];

/// Parenthesised words that are a transcriber's note, not speech: `(laughter)`, `(inaudible)`.
const NOTES: &[&str] = &[
    "applause",
    "crosstalk",
    "inaudible",
    "indistinct",
    "laughs",
    "laughter",
    "unintelligible",
    "pause",
    "silence",
    "interruption",
    "interrupts",
    "overlapping",
    "sighs",
    "coughs",
    "music",
    "foreign",
    "speaks",
    "translated",
    "translation",
];

/// Whether `c` belongs to a word: letters, digits and combining marks (so a decomposed accent
/// does not split its word).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// The words of `text` inside `within`, leaving out the ranges of `skip` (sorted, disjoint).
/// Never panics: ranges that do not fit the text are clipped.
pub fn words(text: &str, within: Span, skip: &[Span]) -> Vec<Word> {
    let end = within.end.min(text.len());
    let mut out = Vec::new();
    let mut skip = skip.iter().peekable();
    let mut current: Option<(usize, String)> = None;
    let mut at = within.start.min(end);
    while !text.is_char_boundary(at) {
        at += 1;
    }
    let Some(slice) = text.get(at..end) else {
        return out;
    };
    let mut chars = slice.char_indices().peekable();
    while let Some((rel, c)) = chars.next() {
        let pos = at + rel;
        while skip.peek().is_some_and(|s| s.end <= pos) {
            skip.next();
        }
        let skipped = skip.peek().is_some_and(|s| s.start <= pos && pos < s.end);
        let next_is_word = chars.peek().is_some_and(|&(_, n)| is_word_char(n));
        if !skipped && is_word_char(c) {
            let (_, norm) = current.get_or_insert_with(|| (pos, String::new()));
            norm.extend(c.to_lowercase());
        } else if !skipped && APOSTROPHES.contains(&c) && current.is_some() && next_is_word {
            if let Some((_, norm)) = current.as_mut() {
                norm.push('\'');
            }
        } else if let Some((start, norm)) = current.take() {
            out.push(Word {
                norm,
                span: Span::new(start, pos),
            });
        }
    }
    if let Some((start, norm)) = current.take() {
        out.push(Word {
            norm,
            span: Span::new(start, end),
        });
    }
    out
}

/// `[…]` groups on one line inside `within`: in a transcript a transcriber's note or a
/// timestamp, in a quote the writer's insertion. Unclosed or very long ones are not groups.
pub fn bracket_groups(text: &str, within: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let Some(slice) = text.get(within.start..within.end.min(text.len())) else {
        return out;
    };
    let mut from = 0;
    while let Some(open) = slice[from..].find('[').map(|i| from + i) {
        let rest = &slice[open + 1..];
        let close = rest
            .char_indices()
            .take_while(|&(i, c)| i < 200 && c != '\n' && c != '[')
            .find(|&(_, c)| c == ']')
            .map(|(i, _)| open + 1 + i);
        match close {
            Some(close) => {
                out.push(Span::new(within.start + open, within.start + close + 1));
                from = close + 1;
            }
            None => from = open + 1,
        }
    }
    out
}

/// Timestamps and transcriber's notes inside `within` that are nobody's words: `(12:31)`,
/// `(00:12:31)`, a bare `00:12:31`, and parenthesised notes such as `(laughter)` or
/// `(inaudible 00:14)`. Sorted and disjoint.
pub fn annotations(text: &str, within: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let Some(slice) = text.get(within.start..within.end.min(text.len())) else {
        return out;
    };
    let bytes = slice.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'(' {
            if let Some(close) = slice[i + 1..]
                .char_indices()
                .take_while(|&(k, c)| k < 60 && c != '\n' && c != '(')
                .find(|&(_, c)| c == ')')
                .map(|(k, _)| i + 1 + k)
            {
                if is_note(&slice[i + 1..close]) {
                    out.push(Span::new(within.start + i, within.start + close + 1));
                    i = close + 1;
                    continue;
                }
            }
        }
        if bytes[i].is_ascii_digit() && (i == 0 || !is_word_byte(bytes[i - 1])) {
            let len = timestamp_len(&slice[i..]);
            // A bare `12:31` may be spoken ("at 12:31"); only hh:mm:ss is a timestamp.
            if len > 0 && slice[i..i + len].matches(':').count() == 2 {
                out.push(Span::new(within.start + i, within.start + i + len));
                i += len;
                continue;
            }
        }
        i += 1;
    }
    out
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Whether the inside of a parenthesis is a note: a timestamp, or a note word with perhaps a
/// timestamp (`inaudible 00:14`, `Laughter.`).
fn is_note(inner: &str) -> bool {
    let inner = inner.trim().trim_end_matches('.');
    if inner.is_empty() {
        return false;
    }
    if timestamp_len(inner) == inner.len() {
        return true;
    }
    let mut words = inner.split_whitespace();
    let first = words.next().unwrap_or("").to_lowercase();
    let rest_is_time = words.all(|w| timestamp_len(w) == w.len());
    NOTES.contains(&first.as_str()) && rest_is_time
}

/// The length of a timestamp at the start of `s` (`12:31`, `1:02:03`, `00:12:31.5`), or 0.
pub fn timestamp_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut groups = 0;
    loop {
        let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 || digits > 2 && groups > 0 || digits > 3 {
            return 0;
        }
        i += digits;
        groups += 1;
        if groups < 3
            && bytes.get(i) == Some(&b':')
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
        {
            i += 1;
            continue;
        }
        break;
    }
    if groups < 2 {
        return 0;
    }
    // Fractions of a second (`.5`, `,250`).
    if matches!(bytes.get(i), Some(b'.' | b',')) {
        let frac = bytes[i + 1..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if frac > 0 {
            i += 1 + frac;
        }
    }
    if bytes.get(i).is_some_and(|&b| is_word_byte(b)) {
        return 0;
    }
    i
}

/// `spans` sorted and with overlapping ranges merged.
pub fn merged(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// Text with every run of whitespace made one space, for messages.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        words(text, Span::new(0, text.len()), &[])
            .into_iter()
            .map(|w| w.norm)
            .collect()
    }

    #[test]
    fn case_marks_dashes_and_apostrophes_do_not_count() {
        assert_eq!(norms("We won’t — EVER."), ["we", "won't", "ever"]);
        assert_eq!(norms("\"we won't,ever\""), ["we", "won't", "ever"]);
        assert_eq!(norms("‘Players’ union’"), ["players", "union"]);
        assert_eq!(
            norms("well-known U.S. 20,000"),
            ["well", "known", "u", "s", "20", "000"]
        );
        assert_eq!(norms("Café e\u{301}t\u{e9}"), ["café", "e\u{301}té"]);
        assert!(norms(" … !? ").is_empty());
    }

    #[test]
    fn spans_point_back_into_the_text() {
        let text = "  Ça va, l’ami?";
        let w = words(text, Span::new(0, text.len()), &[]);
        let got: Vec<&str> = w.iter().map(|w| w.span.text(text)).collect();
        assert_eq!(got, ["Ça", "va", "l’ami"]);
        // Within a part of the text, and skipping a range.
        let w = words(text, Span::new(5, text.len()), &[Span::new(10, 14)]);
        let got: Vec<&str> = w.iter().map(|w| w.span.text(text)).collect();
        assert_eq!(got, ["va", "ami"]);
        assert!(words(text, Span::new(90, 99), &[]).is_empty());
    }

    #[test]
    fn timestamps_and_notes_are_annotations() {
        let text =
            "[00:12:31] Well (laughter) we (inaudible 00:14) won at 10:30, 01:02:03 (really)";
        let notes: Vec<&str> = annotations(text, Span::new(0, text.len()))
            .iter()
            .map(|s| s.text(text))
            .collect();
        assert_eq!(
            notes,
            ["00:12:31", "(laughter)", "(inaudible 00:14)", "01:02:03"]
        );
        let groups: Vec<&str> = bracket_groups(text, Span::new(0, text.len()))
            .iter()
            .map(|s| s.text(text))
            .collect();
        assert_eq!(groups, ["[00:12:31]"]);
        assert_eq!(bracket_groups("a [b\nc] [d", Span::new(0, 10)), vec![]);
        assert_eq!(timestamp_len("1:02:03 x"), 7);
        assert_eq!(timestamp_len("12:3x"), 0);
        assert_eq!(timestamp_len("2024"), 0);
    }
}
