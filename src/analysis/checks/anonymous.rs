//! `anonymous-source`: unnamed sources described too vaguely, or without a reason.
//!
//! The convention: use anonymous sources only when essential, describe them as specifically as
//! possible (`a senior State Department official`; `a source` alone is almost never enough),
//! and say why anonymity was granted (`spoke on condition of anonymity because …`). The check
//! looks at the speaker phrase of every speech cue (`sources said`, `according to a person
//! familiar with the talks`) and flags
//! - a vague one (nothing beyond determiners and stock words: `a source`, `two officials`,
//!   `people familiar with the matter`) always;
//! - a specific one when no reason for anonymity is given in its paragraph or the ones around.
//!
//! Plural officials with a descriptor (`State Department officials said`) speak for an office
//! on the record more often than not, so they are anonymous only with an explicit marker.

use super::{finding, Ctx};
use crate::analysis::lexicon;
use crate::analysis::model::{Finding, Span};
use crate::analysis::phrases::NpKind;
use crate::analysis::rules::Rule;
use crate::analysis::tokens::Token;

/// Words that make a phrase an anonymous source by themselves.
const MARKERS: &[&str] = &[
    "source",
    "sources",
    "insider",
    "insiders",
    "anonymous",
    "unnamed",
    "unidentified",
];

/// Phrases that make a phrase an anonymous source.
const MARKER_PHRASES: &[&str] = &[
    "familiar with",
    "close to",
    "briefed on",
    "knowledge of",
    "knowledgeable about",
    "with direct knowledge",
    "who asked not",
    "who requested",
    "who spoke on",
];

/// Words that say nothing about who a source is.
const STOCK: &[&str] = &[
    "a",
    "an",
    "the",
    "one",
    "two",
    "three",
    "four",
    "several",
    "some",
    "many",
    "multiple",
    "other",
    "another",
    "senior",
    "top",
    "high-ranking",
    "anonymous",
    "unnamed",
    "unidentified",
    "source",
    "sources",
    "person",
    "people",
    "official",
    "officials",
    "insider",
    "insiders",
    "familiar",
    "close",
    "with",
    "to",
    "of",
    "on",
    "about",
    "the",
    "matter",
    "situation",
    "issue",
    "knowledge",
    "direct",
    "briefed",
    "knowledgeable",
    "thinking",
    "discussions",
    "talks",
    "plans",
    "conversations",
    "conversation",
    "negotiations",
    "deliberations",
    "process",
    "investigation",
    "decision",
    "case",
    "who",
    "asked",
    "not",
    "be",
    "named",
    "identified",
    "requested",
    "anonymity",
    "spoke",
    "condition",
    "involved",
    "in",
    "it",
    "them",
    "him",
    "her",
    "said",
    "current",
    "former",
    "individual",
    "individuals",
    "sourced",
    "well-placed",
    "knowledgeable",
    "informed",
    "reliable",
];

/// Nouns that make a phrase a document or a survey rather than a person.
const DOCUMENTS: &[&str] = &[
    "survey",
    "poll",
    "study",
    "report",
    "memo",
    "document",
    "documents",
];

/// Reasons for anonymity, as newsrooms write them.
const REASONS: &[&str] = &[
    "anonymity",
    "anonymously",
    "not authorized",
    "wasn't authorized",
    "weren't authorized",
    "was not authorized",
    "unauthorized to",
    "not allowed to",
    "not permitted to",
    "not be named",
    "not be identified",
    "not to be named",
    "not to be identified",
    "without being named",
    "without being identified",
    "declined to be named",
    "declined to be identified",
    "on background",
    "not allowed to speak",
    "because of the sensitivity",
    "because the talks",
    "because the matter",
    "were private",
    "was private",
    "fear of",
    "for fear",
];

pub fn check(ctx: &Ctx) -> Vec<Finding> {
    let extra: Vec<String> = ctx
        .options
        .anonymity_phrases
        .iter()
        .map(|p| p.trim().to_lowercase())
        .filter(|p| !p.is_empty())
        .collect();
    let mut out: Vec<Finding> = Vec::new();
    for s in &ctx.sentences {
        if ctx.is_headline(s.paragraph) {
            continue;
        }
        let mut phrases: Vec<Span> = s
            .cues
            .iter()
            .filter_map(|c| {
                let np = c.subject.as_ref()?;
                (np.kind == NpKind::Nominal).then(|| whole_phrase(ctx, np.span, c.verb))
            })
            .map(|span| trim_clause(ctx, span))
            .collect();
        phrases.extend(post_modified(ctx, &s.toks));
        for span in phrases {
            if out.iter().any(|f| f.span.overlaps(span)) {
                continue;
            }
            if let Some(f) = judge(ctx, &extra, span, s.paragraph) {
                out.push(f);
            }
        }
    }
    out
}

/// The speaker phrase up to its verb when only a few plain words separate them (`A friend of
/// the family said`: the phrase finder may stop early), else the phrase as found.
fn whole_phrase(ctx: &Ctx, np: Span, verb: Span) -> Span {
    if verb.start <= np.end {
        return np;
    }
    let gap = Span::new(np.end, verb.start).text(ctx.view);
    let plain = gap
        .chars()
        .all(|c| c.is_alphanumeric() || c.is_whitespace() || c == '-' || c == '\'' || c == '’');
    let words = gap.split_whitespace().count();
    if plain && (1..=4).contains(&words) {
        let end = np.end + gap.trim_end().len();
        Span::new(np.start, end)
    } else {
        np
    }
}

/// A phrase cut before a relative clause or an aside (`a former official who oversaw …`,
/// `a source, speaking …`): the description of the source is what comes before.
fn trim_clause(ctx: &Ctx, span: Span) -> Span {
    let text = span.text(ctx.view);
    let cut = [" who ", " which ", ", "]
        .iter()
        .filter_map(|m| text.find(m))
        .min();
    match cut {
        Some(at) if at > 0 => Span::new(span.start, span.start + at),
        _ => span,
    }
}

/// Speaker phrases with a post-modifier the cue finder does not read as a subject: `a person
/// familiar with the talks said`, `people close to the campaign say`. From the first word of
/// the phrase to just before the speech verb that follows.
fn post_modified(ctx: &Ctx, toks: &[Token]) -> Vec<Span> {
    let mut out = Vec::new();
    let word = |k: usize| {
        toks.get(k)
            .filter(|t| t.is_word())
            .map(|t| t.lower.as_str())
    };
    for (i, t) in toks.iter().enumerate() {
        if !matches!(
            t.lower.as_str(),
            "person" | "people" | "source" | "sources" | "official" | "officials"
        ) {
            continue;
        }
        let modifier = matches!(
            (word(i + 1), word(i + 2)),
            (Some("familiar" | "knowledgeable"), Some("with" | "about"))
                | (Some("close"), Some("to"))
                | (Some("briefed"), Some("on"))
                | (Some("with"), Some("knowledge" | "direct"))
        );
        if !modifier {
            continue;
        }
        let Some(verb) = (i + 3..(i + 14).min(toks.len())).find(|&k| {
            toks[k].is_word() && !toks[k].cap && lexicon::speech_verb(&toks[k].lower).is_some()
        }) else {
            continue;
        };
        let mut first = i;
        while first > 0
            && toks[first - 1].is_word()
            && (STOCK.contains(&toks[first - 1].lower.as_str())
                || toks[first - 1].cap && !lexicon::is_not_name(&toks[first - 1].lower))
            && i - first < 4
        {
            first -= 1;
        }
        let mut last = verb - 1;
        while last > i && !toks[last].is_word() {
            last -= 1;
        }
        let span = Span::new(toks[first].span.start, toks[last].span.end);
        if !span.text(ctx.view).contains(['"', '“', '”']) {
            out.push(span);
        }
    }
    out
}

/// The finding for one speaker phrase, if it is an anonymous source described too vaguely or
/// without a reason.
fn judge(ctx: &Ctx, extra: &[String], span: Span, paragraph: usize) -> Option<Finding> {
    let text = span.text(ctx.view);
    let lower = text.to_lowercase();
    // `the source said`, `The official said`: a later reference to a source described at its
    // first one, where the check already looked.
    if lower.starts_with("the ") {
        return None;
    }
    let words: Vec<&str> = lower
        .split(|ch: char| ch.is_whitespace() || ch == ',')
        .filter(|w| !w.is_empty())
        .collect();
    // `a recent survey of Republican insiders`: a document, not a person.
    if words.iter().any(|w| DOCUMENTS.contains(w)) {
        return None;
    }
    let configured = extra.iter().any(|p| contains_phrase(&lower, p));
    // One unnamed official (`a senior State Department official`) is the classic anonymous
    // source; officials in the plural are judged below.
    let one_official = matches!(words.first(), Some(&("a" | "an" | "one" | "another")))
        && words.contains(&"official");
    let marked = configured
        || one_official
        || words.iter().any(|w| MARKERS.contains(w))
        || MARKER_PHRASES.iter().any(|p| contains_phrase(&lower, p));
    let bare_official = words.iter().any(|w| matches!(*w, "official" | "officials"))
        && words.iter().all(|w| STOCK.contains(w));
    // `The agency met the director, officials said`: plain `officials` of an institution the
    // story has just named speak for it on the record, so they are flagged only when no
    // institution is in sight.
    let plural = words.contains(&"officials");
    let on_record = bare_official && !marked && plural && institution_nearby(ctx, paragraph);
    if !(marked || bare_official) || on_record {
        return None;
    }
    let specific = words.iter().any(|w| !STOCK.contains(w)) || has_inner_capital(text);
    let message = if !specific {
        format!(
            "\"{text}\" says nothing about who the source is. Describe them as specifically as \
             you can (their job, their side, how they know), and say why they were granted \
             anonymity."
        )
    } else if !reason_nearby(ctx, paragraph) {
        format!(
            "\"{text}\" is an anonymous source, and no reason is given: say why anonymity was \
             granted (\"spoke on condition of anonymity because …\")."
        )
    } else {
        return None;
    };
    Some(finding(Rule::AnonymousSource, span, message))
}

/// Whether `phrase` occurs in `text` as whole words.
fn contains_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// A capitalised word after the first: `a senior State Department official`.
fn has_inner_capital(text: &str) -> bool {
    text.split_whitespace()
        .skip(1)
        .any(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Nouns and acronyms that name an institution whose officials a story may quote.
const INSTITUTIONS: &[&str] = &[
    "agency",
    "department",
    "administration",
    "ministry",
    "government",
    "police",
    "campaign",
    "company",
    "city",
    "county",
    "state",
    "white house",
    "pentagon",
    "kremlin",
    "embassy",
    "office",
    "council",
    "commission",
    "committee",
    "board",
    "court",
    "army",
    "military",
    "university",
    "district",
    "party",
    "authority",
    "service",
    "bureau",
];

/// Whether paragraph `pi` or the one before names an institution (`the agency`, `the CIA`).
fn institution_nearby(ctx: &Ctx, pi: usize) -> bool {
    (pi.saturating_sub(1)..=pi).any(|p| {
        ctx.paragraphs.get(p).is_some_and(|para| {
            let text = para.span.text(ctx.view);
            let lower = text.to_lowercase();
            // `CIA`, `F.B.I.`, `U.S.`
            let acronym = text
                .split(|c: char| !(c.is_alphanumeric() || c == '.'))
                .map(|w| w.trim_end_matches('.'))
                .any(|w| {
                    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
                    (2..=6).contains(&letters)
                        && w.chars().all(|c| c.is_ascii_uppercase() || c == '.')
                });
            acronym || INSTITUTIONS.iter().any(|i| contains_phrase(&lower, i))
        })
    })
}

/// Whether the paragraph `pi` or one next to it gives a reason for anonymity.
fn reason_nearby(ctx: &Ctx, pi: usize) -> bool {
    let lo = pi.saturating_sub(1);
    let hi = (pi + 1).min(ctx.paragraphs.len().saturating_sub(1));
    (lo..=hi).any(|p| {
        ctx.paragraphs.get(p).is_some_and(|para| {
            let text = para.span.text(ctx.view).to_lowercase();
            REASONS.iter().any(|r| text.contains(r))
        })
    })
}
