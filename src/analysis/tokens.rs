//! Words and punctuation of a stretch of prose, with quotations folded into single tokens.
//!
//! Cue finding reads the writer's frame around a quotation (`"…," Putin said`), never the
//! words inside it, so each quotation becomes one [`Tok::Quote`] token.

use super::model::Span;
use rustc_hash::FxHashSet;
use std::cell::Cell;
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// A word: letters and digits with inner `-`, `'`, `’` and `.` (`U.S.`, `al-Assad`,
    /// `Russia's`), plus a final `.` for abbreviations and initials (`Sen.`, `V.`).
    Word,
    /// One punctuation character.
    Punct(char),
    /// A quotation; the index is into the engine's quote list (32 bits keep a token small:
    /// a text with more quotations than that would be 8 GB).
    Quote(u32),
}

/// A token's lower-cased text, kept inline: words are short, and a heap string per token was
/// a fifth of the engine's time in the allocator.
///
/// It also remembers the lexicon's answers about the word (see `lexicon::Word`).
///
/// Every field is kept narrow (thin pointers, one word of answer bits): a document holds a
/// token per five bytes of text, and their size was most of the engine's memory.
#[derive(Clone, Default)]
pub struct Lower {
    len: u8,
    buf: [u8; INLINE],
    /// Words longer than [`INLINE`] bytes (rare: URLs, long hyphenations).
    long: Option<Box<Box<str>>>,
    /// Two bits per lexicon question: asked, and the answer; [`VERB_ASKED`] for the verb.
    answers: Cell<u32>,
    /// The speech-verb lemma, once asked (a reference into the lexicon's own table).
    verb: Cell<Option<&'static &'static str>>,
}

/// The bit of `Lower::answers` that says the speech-verb question was asked.
const VERB_ASKED: u32 = 1 << 31;

impl PartialEq for Lower {
    fn eq(&self, other: &Lower) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Lower {}

const INLINE: usize = 22;

impl Lower {
    pub fn new(s: &str) -> Lower {
        let mut out = Lower::default();
        if s.len() <= INLINE {
            out.buf[..s.len()].copy_from_slice(s.as_bytes());
            out.len = s.len() as u8;
        } else {
            out.long = Some(Box::new(s.into()));
        }
        out
    }

    pub fn as_str(&self) -> &str {
        match &self.long {
            Some(s) => s,
            // Checking the bytes again on every read cost 8% of the engine's time.
            // SAFETY: `buf[..len]` is only ever written by `Lower::new`, which copies it whole
            // from a `&str` (`len` is that string's byte length), so it is valid UTF-8; the
            // fields are private to this module.
            None => unsafe { std::str::from_utf8_unchecked(&self.buf[..usize::from(self.len)]) },
        }
    }
}

impl Lower {
    /// The answer to lexicon question number `q`, looked up on first asking.
    pub fn remember(&self, q: u32, look_up: fn(&str) -> bool) -> bool {
        let bits = self.answers.get();
        let (asked, yes) = (1 << (2 * q), 1 << (2 * q + 1));
        if bits & asked != 0 {
            return bits & yes != 0;
        }
        let answer = look_up(self.as_str());
        self.answers
            .set(bits | asked | if answer { yes } else { 0 });
        answer
    }

    /// The speech-verb lemma of the word, looked up on first asking.
    pub fn remember_verb(
        &self,
        look_up: fn(&str) -> Option<&'static &'static str>,
    ) -> Option<&'static &'static str> {
        let bits = self.answers.get();
        if bits & VERB_ASKED != 0 {
            return self.verb.get();
        }
        let answer = look_up(self.as_str());
        self.verb.set(answer);
        self.answers.set(bits | VERB_ASKED);
        answer
    }
}

impl std::ops::Deref for Lower {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for Lower {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl PartialEq<str> for Lower {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Lower {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub kind: Tok,
    pub span: Span,
    /// Lower-cased word text (empty for punctuation and quotes), possessive `'s` removed.
    pub lower: Lower,
    /// The word starts with an upper-case letter.
    pub cap: bool,
    /// The word ended in a possessive `'s` / `’s` (removed from `lower`).
    pub possessive: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == Tok::Word
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Tok::Punct(c)
    }
    pub fn quote(&self) -> Option<usize> {
        match self.kind {
            Tok::Quote(i) => usize::try_from(i).ok(),
            _ => None,
        }
    }
}

/// Abbreviations that keep their period (lower-case, without the period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "adm",
    "rev", "st", "jr", "sr", "inc", "corp", "co", "ltd", "vs", "no", "jan", "feb", "mar", "apr",
    "aug", "sept", "sep", "oct", "nov", "dec", "ft", "mt", "ave", "blvd", "dept", "est", "gop",
    "u.s", "u.k", "u.n", "d.c", "a.m", "p.m", "e.g", "i.e", "etc", "pres", "atty", "supt", "cmdr",
    "calif", "fla", "mass", "penn", "wash", "ariz", "tenn", "ky", "ga", "ala", "ill", "mich",
    "minn", "wis", "conn", "colo", "okla", "ore", "nev", "md", "va", "pa", "n.y", "n.j", "n.c",
    "s.c", "n.h", "l.a",
];

/// Whether the word before a period (lower-case, without it) is an abbreviation or an initial,
/// so that the period does not end a sentence.
pub fn is_abbreviation(word: &str) -> bool {
    let single_letter = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    single_letter
        || SET
            .get_or_init(|| ABBREVIATIONS.iter().copied().collect())
            .contains(word)
        || (word.contains('.') && word.len() <= 6)
}

/// The index of the first token starting at or after byte `at`. Tokens are in text order and
/// do not share a start, so this is a binary search where a scan would make sentences O(n²).
pub fn first_from(toks: &[Token], at: usize) -> Option<usize> {
    let k = toks.partition_point(|t| t.span.start < at);
    (k < toks.len()).then_some(k)
}

/// The token that ends exactly at byte `end`, if any (token ends also increase strictly).
pub fn ending_at(toks: &[Token], end: usize) -> Option<&Token> {
    let k = toks.partition_point(|t| t.span.end < end);
    toks.get(k).filter(|t| t.span.end == end)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The character starting at byte `at` of `text`, if one does (ASCII without decoding).
fn char_at(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(at..).and_then(|r| r.chars().next()),
        None => None,
    }
}

/// Tokenises `span` of `view`. `quotes` are the quotation spans (sorted, non-overlapping, with
/// their indices) to fold into single tokens.
pub fn tokenize(view: &str, span: Span, quotes: &[(usize, Span)]) -> Vec<Token> {
    let Some(text) = view.get(span.start..span.end) else {
        return Vec::new();
    };
    // About one token per five bytes of prose outside the quotations (each of which is one
    // token): one allocation instead of a run of regrowths, and not the half again too many
    // that counting the quoted bytes reserved (tokens are most of the engine's memory).
    let quoted: usize = quotes
        .iter()
        .map(|(_, q)| q.end.min(span.end).saturating_sub(q.start.max(span.start)))
        .sum();
    let mut out = Vec::with_capacity(text.len().saturating_sub(quoted) / 5 + quotes.len() + 4);
    let mut scratch = String::new();
    let mut qi = quotes.iter().peekable();
    // A byte cursor rather than a peekable character iterator, so that a quotation is
    // skipped in one step instead of character by character; ASCII (most of any English
    // text) is classified by its byte, without decoding.
    let bytes = text.as_bytes();
    let mut pos = 0usize;
    while let Some(c) = char_at(text, pos) {
        let i = pos;
        let at = span.start + i;
        // Fold a quotation that starts here.
        while qi.peek().is_some_and(|(_, q)| q.end <= at) {
            qi.next();
        }
        if let Some(&&(idx, q)) = qi.peek() {
            if q.start <= at {
                out.push(Token {
                    kind: Tok::Quote(u32::try_from(idx).unwrap_or(u32::MAX)),
                    span: q,
                    lower: Lower::default(),
                    cap: false,
                    possessive: false,
                });
                // Past every character that starts before the quotation's end.
                pos = q.end.saturating_sub(span.start).min(text.len());
                while !text.is_char_boundary(pos) {
                    pos += 1;
                }
                qi.next();
                continue;
            }
        }
        pos += c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        if !is_word_char(c) {
            out.push(Token {
                kind: Tok::Punct(c),
                span: Span::new(at, at + c.len_utf8()),
                lower: Lower::default(),
                cap: false,
                possessive: false,
            });
            continue;
        }
        // A word: alphanumerics joined by single inner connectors.
        let mut end = pos;
        let mut ascii = c.is_ascii();
        while let Some(&b) = bytes.get(pos) {
            if b.is_ascii_alphanumeric() {
                pos += 1;
                end = pos;
                continue;
            }
            let (c, len) = if b.is_ascii() {
                (char::from(b), 1)
            } else {
                match char_at(text, pos) {
                    Some(c) => (c, c.len_utf8()),
                    None => break,
                }
            };
            if !b.is_ascii() && is_word_char(c) {
                pos += len;
                end = pos;
                ascii = false;
                continue;
            }
            if matches!(c, '-' | '\'' | '’' | '.' | '‐')
                && char_at(text, pos + len).is_some_and(is_word_char)
            {
                pos += len;
                ascii &= b.is_ascii();
                continue;
            }
            break;
        }
        let word = &text[i..end];
        // Lower-cased into a buffer reused across words; ASCII words (most) skip the
        // Unicode case tables.
        let lower = &mut scratch;
        lower.clear();
        if ascii {
            lower.push_str(word);
            lower.make_ascii_lowercase();
        } else {
            lower.push_str(&word.to_lowercase());
        }
        // Keep the period of an abbreviation or initial as part of the word.
        if bytes.get(end) == Some(&b'.') && is_abbreviation(lower) {
            pos += 1;
            end += 1;
            lower.push('.');
        }
        let mut possessive = false;
        for suffix in ["'s", "’s"] {
            if lower.len() > suffix.len() + 1 && lower.ends_with(suffix) {
                lower.truncate(lower.len() - suffix.len());
                possessive = true;
                break;
            }
        }
        let cap = c.is_uppercase();
        out.push(Token {
            kind: Tok::Word,
            span: Span::new(span.start + i, span.start + end),
            lower: Lower::new(lower),
            cap,
            possessive,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text, Span::new(0, text.len()), &[])
            .into_iter()
            .map(|t| match t.kind {
                Tok::Word => t.span.text(text).to_string(),
                Tok::Punct(c) => format!("<{c}>"),
                Tok::Quote(i) => format!("Q{i}"),
            })
            .collect()
    }

    #[test]
    fn words_keep_inner_connectors_and_abbreviations() {
        assert_eq!(
            words("Sen. Lindsey O’Graham (R-S.C.) said U.S. forces' al-Assad."),
            [
                "Sen.",
                "Lindsey",
                "O’Graham",
                "<(>",
                "R-S.C.",
                "<)>",
                "said",
                "U.S.",
                "forces",
                "<'>",
                "al-Assad",
                "<.>"
            ]
        );
    }

    #[test]
    fn quotations_fold_into_one_token() {
        let text = "\"We won,\" Putin said.";
        let toks = tokenize(text, Span::new(0, text.len()), &[(7, Span::new(0, 9))]);
        assert_eq!(toks[0].kind, Tok::Quote(7));
        assert_eq!(toks[1].lower, "putin");
        assert!(toks[1].cap);
    }

    #[test]
    fn possessives_are_flagged() {
        let text = "Russia's army";
        let toks = tokenize(text, Span::new(0, text.len()), &[]);
        assert_eq!(toks[0].lower, "russia");
        assert!(toks[0].possessive);
    }
}
