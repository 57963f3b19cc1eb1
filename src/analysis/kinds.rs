//! What a quotation is: someone's full sentences, a fragment of their speech inside the
//! writer's sentence, or a word quoted as a label (a scare quote or a title).
//!
//! Journalism's own signals decide: a quotation that opens the sentence or follows a cue's comma
//! or colon is direct; one that carries its own sentence punctuation and capital is direct;
//! a short one after an article or `so-called` with no speech cue near it is a label.

use super::model::{QuoteKind, Span};
use super::tokens::Token;

/// Words before a short quotation that make it a label rather than speech.
const LABEL_LEADS: &[&str] = &[
    "a",
    "an",
    "the",
    "so-called",
    "dubbed",
    "termed",
    "term",
    "word",
    "words",
    "phrase",
    "as",
    "his",
    "her",
    "their",
    "its",
    "our",
    "this",
    "that",
    "these",
    "those",
    "called",
    "titled",
    "entitled",
    "named",
    "known",
    "slogan",
    "hashtag",
    "label",
    "nickname",
];

/// Classifies the quotation at token index `at` of its sentence's tokens.
/// `inner` is the text between its marks; `closed` whether a closing mark ends it;
/// `has_cue` whether the sentence has a speech cue.
pub fn classify(inner: &str, toks: &[Token], at: usize, closed: bool, has_cue: bool) -> QuoteKind {
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
    let opens_sentence = at == 0
        || prev.is_some_and(|p| p.is_punct(':') || p.is_punct('—') || p.is_punct('–'))
        || prev.is_some_and(|p| p.is_punct(','))
            && before_prev
                .is_some_and(|b| b.is_word() && super::lexicon::speech_verb(&b.lower).is_some());
    if opens_sentence && (starts_upper || words >= 4) {
        return QuoteKind::Direct;
    }
    if terminal && starts_upper && words >= 3 {
        return QuoteKind::Direct;
    }
    if words <= 4 && !(terminal && words >= 2) {
        let label_lead =
            prev.is_some_and(|p| p.is_word() && LABEL_LEADS.contains(&p.lower.as_str()));
        let next_is_cueish = toks.get(at + 1).is_some_and(|n| n.is_punct(','));
        if (label_lead && !next_is_cueish) || !has_cue {
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
        let has_cue = sentence.contains("said");
        classify(&quoted[1..quoted.len() - 1], &toks, at, true, has_cue)
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
                "He said Russia was ready for \"negotiations and compromises.\"",
                "\"negotiations and compromises.\""
            ),
            QuoteKind::Partial
        );
    }
}
