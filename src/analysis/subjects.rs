//! The subjects of a sentence and of its clauses: who a quotation belongs to when no speech
//! verb says so (`Cruz belittled the issue as a "paperwork error"`), and who a following pronoun
//! most likely means.

use super::lexicon;
use super::phrases::{is_name_token, np_backward, np_forward, word, Np, NpKind};
use super::tokens::Token;

/// The subject at the start of the sentence (after an introductory phrase and comma), for
/// a participle cue or a quotation whose verb is not a speech verb.
pub fn sentence_subject(toks: &[Token], before: usize) -> Option<Np> {
    let before = before.min(toks.len());
    // The subject opens the sentence (`Senate Majority Leader Mitch McConnell, R-Ky.,
    // delivered …`) or follows an introductory phrase (`On Friday, Trump …`).
    let intro = toks[..before]
        .iter()
        .position(|t| t.is_punct(','))
        .filter(|&c| c < 12);
    let start = dateline_end(toks);
    subject_at(toks, start, before).or_else(|| subject_at(toks, intro? + 1, before))
}

/// The token after a dateline (`LONDON (AP) —`, `KYIV, Ukraine —`), or 0 when the sentence
/// has none: the story's first sentence starts after it.
fn dateline_end(toks: &[Token]) -> usize {
    let Some(dash) = toks
        .iter()
        .take(8)
        .position(|t| matches!(t.kind, super::tokens::Tok::Punct('—' | '–' | '―')))
    else {
        return 0;
    };
    let before = &toks[..dash];
    // A place in capitals and perhaps an agency: only capitalised words and punctuation.
    let looks_like = (1..=6).contains(&before.len())
        && before.iter().all(|t| {
            t.is_word() && t.cap
                || matches!(t.kind, super::tokens::Tok::Punct(',' | '(' | ')' | '.'))
        });
    if looks_like {
        dash + 1
    } else {
        0
    }
}

/// Names before token `before` that head a clause of their own, nearest first: a name followed
/// by a verb-like word (`Ivanka Trump, who portrayed him as "the people's champion"`: the
/// relative clause's subject) or a possessive (`Clinton's broadside against "printing
/// money"`). For a quotation in a sentence whose grammatical subject is not a speaker.
pub fn clause_subjects(toks: &[Token], before: usize) -> Vec<Np> {
    let mut out = Vec::new();
    let mut k = before.min(toks.len());
    while k > 0 {
        k -= 1;
        let t = &toks[k];
        if !is_name_token(t) || lexicon::is_title(&t.lower) || lexicon::is_not_name(&t.lower) {
            continue;
        }
        let Some(np) = np_backward(toks, k).filter(|n| n.kind == NpKind::Name) else {
            continue;
        };
        let start = toks
            .iter()
            .position(|x| x.span.start >= np.span.start)
            .unwrap_or(k);
        let next = toks.get(k + 1);
        let heads_clause = t.possessive
            || next.is_some_and(|n| {
                n.is_word() && !n.cap && !CLAUSE_STOPS.contains(&n.lower.as_str())
                    || n.is_punct(',') && word(toks, k + 2) == Some("who")
            });
        if heads_clause {
            out.push(np);
        }
        k = start;
    }
    out
}

/// Words after a name that show it is not a clause's subject (`in Washington and`).
const CLAUSE_STOPS: &[&str] = &[
    "and", "or", "of", "in", "on", "at", "for", "to", "from", "with", "by", "as", "than", "the",
    "a", "an", "that", "this", "which", "but", "nor", "into", "about", "over", "after", "before",
];

/// A phrase and the names coordinated with it: `Mark Adler and John Reed`.
pub fn coordinated(toks: &[Token], np: Np) -> Vec<Np> {
    let after = toks.iter().position(|t| t.span.start >= np.span.end);
    let mut out = vec![np];
    if let Some(k) = after.filter(|&k| word(toks, k) == Some("and")) {
        if let Some(other) = np_forward(toks, k + 1).filter(|n| n.kind == NpKind::Name) {
            out.push(other);
        }
    }
    out
}

fn subject_at(toks: &[Token], s: usize, before: usize) -> Option<Np> {
    let first = toks.get(s)?;
    if first.quote().is_some() || s >= before {
        return None;
    }
    let np = np_forward(toks, s)?;
    let mut after = toks.iter().position(|t| t.span.start >= np.span.end)?;
    // Over appositives and parentheses: `McConnell, R-Ky., delivered`, `Harry Reid (D-Nev.),
    // in particular, has been`.
    for _ in 0..3 {
        if !toks
            .get(after)
            .is_some_and(|t| t.is_punct(',') || t.is_punct('('))
        {
            break;
        }
        let close = if toks[after].is_punct('(') { ')' } else { ',' };
        let end = (after + 1..before.min(after + 25)).find(|&k| toks[k].is_punct(close))?;
        after = end + 1;
    }
    // `Trump's misinformation may be …`: a possessive is not the subject.
    if toks
        .iter()
        .rfind(|t| t.span.end == np.span.end)
        .is_some_and(|t| t.possessive)
    {
        return None;
    }
    // The phrase must be followed by its verb: a lower-case word.
    let next = toks.get(after)?;
    (next.is_word() && !next.cap && after < before).then_some(np)
}
