//! What a quotation is: someone's full sentences, a fragment of their speech inside the
//! writer's sentence, or a word quoted as a label (a scare quote or a title).
//!
//! Journalism's own signals decide: a quotation that opens the sentence or follows a cue's comma
//! or colon is direct; one that carries its own sentence punctuation and capital is direct;
//! a short one after an article or `so-called` with no speech cue near it is a label.

use super::lexicon;
use super::model::{QuoteKind, Span};
use super::tokens::Token;

/// Words before a short quotation that make it a label whatever the sentence says.
const LABEL_WORDS: &[&str] = &[
    "so-called",
    "dubbed",
    "termed",
    "term",
    "word",
    "words",
    "phrase",
    "slogan",
    "hashtag",
    "label",
    "nickname",
    "titled",
    "entitled",
    "named",
    "headlined",
    "motto",
];

/// Determiners before a short quotation: a label (`a "defeat"`) unless someone is quoted
/// using the word.
const ARTICLE_LEADS: &[&str] = &[
    "a", "an", "the", "his", "her", "their", "its", "our", "this", "that", "these", "those",
];

/// Nouns that introduce a title: `the film "…"`, `his book "…"`.
const TITLE_LEADS: &[&str] = &[
    "film",
    "movie",
    "book",
    "novel",
    "song",
    "album",
    "show",
    "series",
    "episode",
    "play",
    "musical",
    "column",
    "article",
    "essay",
    "op-ed",
    "documentary",
    "poem",
    "podcast",
    "memoir",
    "titled",
    "entitled",
    "headlined",
    "hashtag",
    "program",
    "programme",
    "segment",
];

/// Whether every word of `inner` that is not a short function word starts with a capital (or
/// it is one word in capitals): the shape of a title, not of a sentence.
fn title_case(inner: &str) -> bool {
    const SMALL: &[&str] = &[
        "a", "an", "the", "and", "or", "of", "in", "on", "to", "for", "at", "by", "with",
    ];
    let words: Vec<&str> = inner
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let capital = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    match words.as_slice() {
        [] => false,
        [one] => one.len() >= 2 && one.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()),
        [first, rest @ ..] => {
            capital(first)
                && rest.iter().all(|w| capital(w) || SMALL.contains(w))
                && rest.iter().any(capital)
        }
    }
}

const COPULAS: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "being", "became", "becomes",
];

/// What the sentence around a quotation offers as a speaker.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    /// A speech cue with a speaker.
    pub cue: bool,
    /// The cue nearest before the quotation denies or rejects (`rejected claims it was a
    /// "defeat"`): the quoted word is the characterisation denied, not the speaker's.
    pub denial: bool,
    /// The sentence opens with a subject who could be speaking.
    pub subject: bool,
}

/// Classifies the quotation at token index `at` of its sentence's tokens. `inner` is the text
/// between its marks; `closed` whether a closing mark ends it.
pub fn classify(inner: &str, toks: &[Token], at: usize, closed: bool, ctx: Context) -> QuoteKind {
    let inner = inner.trim();
    if !closed {
        // Running quotes and unclosed quotations are passages of speech.
        return QuoteKind::Direct;
    }
    let words = inner.split_whitespace().count();
    let terminal = inner
        .trim_end_matches(|c: char| "\"'’”)".contains(c))
        .ends_with(['.', ',', '?', '!', '…', ';']);
    let starts_upper = inner
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let prev = at.checked_sub(1).and_then(|p| toks.get(p));
    let before_prev = at.checked_sub(2).and_then(|p| toks.get(p));
    // Nothing but symbols before it (`🎉 "Nobody knows."`) still opens the sentence.
    let opens_sentence = toks[..at.min(toks.len())]
        .iter()
        .all(|t| !t.is_word() && t.quote().is_none())
        || prev.is_some_and(|p| p.is_punct(':') || p.is_punct('—') || p.is_punct('–'))
        || prev.is_some_and(|p| p.is_punct(','))
            && before_prev.is_some_and(|b| b.is_word() && lexicon::speech_verb(&b.lower).is_some());
    if opens_sentence && (starts_upper || words >= 4) {
        return QuoteKind::Direct;
    }
    // `the film "Thelma and Louise," which …`, `on 'SNL'`: a title in Title Case inside the
    // writer's sentence is a name, not speech.
    // (Not in a headline, where every word is capitalised, nor where a cue quotes it.)
    let lead = prev.filter(|p| p.is_word()).map(|p| p.lower.as_str());
    let frame_words = toks.iter().filter(|t| t.is_word()).count();
    let frame_caps = toks.iter().filter(|t| t.is_word() && t.cap).count();
    let headline = frame_caps * 2 > frame_words;
    let titled = !ctx.cue
        && (lead.is_some_and(|w| TITLE_LEADS.contains(&w))
            || words <= 6 && title_case(inner) && !headline && !ctx.subject);
    if titled {
        return QuoteKind::Scare;
    }
    if terminal && starts_upper && words >= 3 {
        return QuoteKind::Direct;
    }
    if words <= 4 && !(terminal && words >= 2) {
        let lead = prev.filter(|p| p.is_word()).map(|p| p.lower.as_str());
        if lead.is_some_and(|w| LABEL_WORDS.contains(&w)) {
            return QuoteKind::Scare;
        }
        let article = lead.is_some_and(|w| ARTICLE_LEADS.contains(&w));
        // `his toppling was a "defeat"`: a label after a copula, unless a cue quotes it.
        let copular = at
            .checked_sub(2)
            .and_then(|p| toks.get(p))
            .is_some_and(|t| t.is_word() && COPULAS.contains(&t.lower.as_str()));
        let speaker_near = ctx.cue || ctx.subject && !copular;
        if article && (ctx.denial || !speaker_near) || !ctx.cue && !ctx.subject {
            return QuoteKind::Scare;
        }
    }
    QuoteKind::Partial
}

/// Whether a span of text reads as a headline-style `Name:` lead (`Graham: Trump's …`).
pub fn name_colon_lead(toks: &[Token]) -> Option<Span> {
    let colon = toks.iter().take(5).position(|t| t.is_punct(':'))?;
    if colon == 0 {
        return None;
    }
    let lead = &toks[..colon];
    lead.iter()
        .all(|t| t.is_word() && t.cap)
        .then(|| Span::new(lead[0].span.start, lead[colon - 1].span.end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;

    fn kind(sentence: &str, quoted: &str) -> QuoteKind {
        let start = sentence.find(quoted).unwrap_or(0);
        let span = Span::new(start, start + quoted.len());
        let toks = tokenize(sentence, Span::new(0, sentence.len()), &[(0, span)]);
        let at = toks.iter().position(|t| t.quote().is_some()).unwrap_or(0);
        let ctx = Context {
            cue: sentence.contains("said") || sentence.contains("rejected"),
            denial: sentence.contains("rejected"),
            subject: true,
        };
        classify(&quoted[1..quoted.len() - 1], &toks, at, true, ctx)
    }

    #[test]
    fn direct_partial_and_scare() {
        assert_eq!(
            kind("\"We won,\" Putin said.", "\"We won,\""),
            QuoteKind::Direct
        );
        assert_eq!(
            kind("Putin said: \"We won.\"", "\"We won.\""),
            QuoteKind::Direct
        );
        assert_eq!(
            kind(
                "He said he was ready for talks \"anytime\" with Trump.",
                "\"anytime\""
            ),
            QuoteKind::Partial
        );
        assert_eq!(
            kind(
                "Putin rejected claims his toppling was a \"defeat\" for Russia.",
                "\"defeat\""
            ),
            QuoteKind::Scare
        );
        assert_eq!(
            kind(
                "Trump said the deal was a \"disaster\" for America.",
                "\"disaster\""
            ),
            QuoteKind::Partial
        );
        assert_eq!(
            kind("The so-called \"deal\" was signed.", "\"deal\""),
            QuoteKind::Scare
        );
        assert_eq!(
            kind(
                "He said Russia was ready for \"negotiations and compromises.\"",
                "\"negotiations and compromises.\""
            ),
            QuoteKind::Partial
        );
    }
}
