//! The writer's sentences within a paragraph.
//!
//! Quotations are atomic: a quoted passage of several sentences belongs to the one writer's
//! sentence that carries it (`"A. B. C," Putin said.` is one sentence). A period ends a
//! sentence unless it closes an abbreviation or an initial (`Sen.`, `U.S.`, `V.`), and a quotation
//! that ends a sentence inside its marks ends the writer's sentence too — unless a short cue
//! follows (`"Is it over?" she asked.`).

use super::lexicon;
use super::model::Span;
use super::tokens::is_abbreviation;

/// Splits `para` into sentences. `quotes` are the spans of the paragraph's quotations, sorted.
pub fn split(view: &str, para: Span, quotes: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    let Some(text) = view.get(para.start..para.end) else {
        return out;
    };
    let bytes = text.as_bytes();
    let mut start = 0usize;
    let mut qi = 0usize;
    // A byte cursor that jumps: over a quotation in one step, and through ordinary text to
    // the next `.`, `?` or `!` (ASCII, so never inside another character). Walking every
    // character of the quotations was most of this function's time.
    let mut pos = 0usize;
    while pos < text.len() {
        let at = para.start + pos;
        // Skip over quotations, deciding at their end whether the sentence ends there.
        while qi < quotes.len() && quotes[qi].end <= at {
            qi += 1;
        }
        if let Some(&q) = quotes.get(qi) {
            if q.start <= at {
                let local_end = q.end.saturating_sub(para.start).min(text.len());
                // Only the quotation's own text: trimming marks back from its end without a
                // bound crossed every earlier mark of the paragraph, quadratic on a run of marks.
                let local_start = q.start.saturating_sub(para.start).min(local_end);
                let inner_last = text
                    .get(local_start..local_end)
                    .unwrap_or_default()
                    .trim_end_matches(|c: char| "\"'“”‘’«»`".contains(c))
                    .chars()
                    .next_back();
                let rest = text.get(local_end..).unwrap_or_default();
                if inner_last.is_some_and(|c| matches!(c, '.' | '?' | '!'))
                    && starts_new_sentence(rest)
                    && !cue_follows(rest)
                {
                    push(&mut out, text, para.start, start, local_end);
                    start = local_end;
                }
                // On from the first character at or after the quotation's end.
                pos = local_end.max(pos + 1);
                while !text.is_char_boundary(pos) {
                    pos += 1;
                }
                qi += 1;
                continue;
            }
        }
        // The next terminal mark before the next quotation (or the paragraph's end).
        let limit = quotes
            .get(qi)
            .map_or(text.len(), |q| q.start.saturating_sub(para.start))
            .min(text.len());
        let Some(i) = bytes
            .get(pos..limit)
            .and_then(|run| run.iter().position(|b| matches!(b, b'.' | b'?' | b'!')))
            .map(|k| pos + k)
        else {
            pos = limit.max(pos + 1);
            while !text.is_char_boundary(pos) {
                pos += 1;
            }
            continue;
        };
        let c = bytes[i];
        let mut end = i + 1;
        // Closing brackets and repeated terminal marks stay with this sentence.
        while bytes
            .get(end)
            .is_some_and(|d| matches!(d, b')' | b']' | b'.' | b'?' | b'!'))
        {
            end += 1;
        }
        pos = end;
        if c == b'.' {
            // The word before the period, as a slice: no per-period Vec and String.
            let from = text[..i]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
                .last()
                .map_or(i, |(k, _)| k);
            let raw = &text[from..i];
            let folded;
            let word = if raw.is_ascii() {
                if raw.bytes().any(|b| b.is_ascii_uppercase()) {
                    folded = raw.to_ascii_lowercase();
                    folded.as_str()
                } else {
                    raw
                }
            } else {
                folded = raw.to_lowercase();
                folded.as_str()
            };
            if is_abbreviation(word) && !abbreviation_ends_sentence(word, &text[end..]) {
                continue;
            }
        }
        if starts_new_sentence(&text[end..]) {
            push(&mut out, text, para.start, start, end);
            start = end;
        }
    }
    push(&mut out, text, para.start, start, text.len());
    out
}

fn push(out: &mut Vec<Span>, text: &str, base: usize, start: usize, end: usize) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        let a = base + start + lead;
        out.push(Span::new(a, a + trimmed.len()));
    }
}

/// Whether what follows a terminal mark begins a new sentence: space, then a capital letter,
/// a digit or an opening mark.
fn starts_new_sentence(rest: &str) -> bool {
    let trimmed = rest.trim_start();
    if trimmed.len() == rest.len() && !rest.is_empty() {
        return false;
    }
    match trimmed.chars().next() {
        None => false,
        Some(c) => c.is_uppercase() || c.is_ascii_digit() || "\"“‘'«(`".contains(c),
    }
}

/// `U.S.` ends a sentence when what follows it starts like one and is not a name (`U.S. Army`).
fn abbreviation_ends_sentence(word: &str, rest: &str) -> bool {
    let is_initialism = word.matches('.').count() >= 1 && word.len() >= 3;
    if !is_initialism {
        return false;
    }
    // `U.S. officials` does not end; `in the U.S. The next` does: a following sentence
    // starter is a common capitalised function word.
    let next: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    matches!(
        next.as_str(),
        "the" | "he" | "she" | "it" | "they" | "we" | "i" | "but" | "and" | "in" | "this" | "that"
    )
}

/// A short cue right after a quotation: `" he said`, `" Putin asked.`, `" said Smith`.
fn cue_follows(rest: &str) -> bool {
    let mut words = 0;
    for w in rest.split_whitespace() {
        let clean: String = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if lexicon::speech_verb(&clean).is_some() {
            return true;
        }
        words += 1;
        if words >= 4 || w.ends_with(['.', '?', '!', '"', '“', '”']) {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences<'a>(text: &'a str, quotes: &[Span]) -> Vec<&'a str> {
        split(text, Span::new(0, text.len()), quotes)
            .into_iter()
            .map(|s| s.text(text))
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            sentences(
                "Sen. John F. Kennedy spoke at 5 p.m. on Friday. He left.",
                &[]
            ),
            [
                "Sen. John F. Kennedy spoke at 5 p.m. on Friday.",
                "He left."
            ]
        );
        assert_eq!(
            sentences("U.S. officials met. They talked.", &[]),
            ["U.S. officials met.", "They talked."]
        );
    }

    #[test]
    fn quotations_are_atomic() {
        let text = "\"One. Two. Three,\" Putin said. \"Four.\" Then silence.";
        let q = [Span::new(0, 18), Span::new(31, 38)];
        assert_eq!(
            sentences(text, &q),
            [
                "\"One. Two. Three,\" Putin said.",
                "\"Four.\"",
                "Then silence."
            ]
        );
    }

    #[test]
    fn a_short_cue_after_a_question_stays_attached() {
        let text = "\"Is it over?\" she asked. \"No.\" He left.";
        let q = [Span::new(0, 13), Span::new(25, 30)];
        assert_eq!(
            sentences(text, &q),
            ["\"Is it over?\" she asked.", "\"No.\"", "He left."]
        );
    }
}
