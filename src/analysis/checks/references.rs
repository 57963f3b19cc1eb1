//! `first-reference`: a person is introduced by full name, then referred to by surname.
//!
//! Two slips are flagged, for people the story quotes or reports speech from:
//! - the surname alone (or `Mr. Putin`) before the full name has been given — the reader meets
//!   someone not yet introduced;
//! - the full name repeated over and over once the person is introduced (the first repeat is
//!   let pass, as are repeats after a long stretch without the person, where reintroducing them
//!   helps the reader).
//!
//! This reads the text itself rather than the engine's mention list, which only records a bare
//! surname once the person is known: the slip is exactly a surname seen before that. Words
//! inside quotation marks are the speaker's and never count; headlines, which use surnames by
//! convention, do not either.

use super::{finding, match_starts, Ctx};
use crate::analysis::lexicon;
use crate::analysis::model::{Finding, Fix, Gender, Span, SpeakerKind};
use crate::analysis::rules::Rule;

/// Paragraphs without the person after which a full name may be given again.
const LONG_GAP: usize = 6;

/// Honorifics that are no introduction: `Mr. Putin` is a later reference in the styles that
/// use it. Job titles (`President Obama`, `Sen. Graham`) are let pass.
const HONORIFICS: &[&str] = &["mr.", "mrs.", "ms.", "mr", "mrs", "ms", "miss", "dr.", "dr"];

/// Nouns after a surname that make it an attribute, not a reference: `the Trump campaign`.
const ATTRIBUTIVE: &[&str] = &[
    "administration",
    "campaign",
    "camp",
    "era",
    "presidency",
    "supporters",
    "voters",
    "fans",
    "rally",
    "rallies",
    "team",
    "aides",
    "allies",
    "critics",
    "family",
    "foundation",
    "doctrine",
    "years",
    "tower",
    "organization",
    "transition",
    "effect",
    "brand",
    "plan",
    "policy",
    "policies",
    "surrogates",
    "backers",
    "donors",
    "staff",
    "staffers",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    Full,
    Surname,
    Honorific,
}

struct Occurrence {
    span: Span,
    paragraph: usize,
    form: Form,
}

pub fn check(ctx: &Ctx) -> Vec<Finding> {
    let mut out = Vec::new();
    // Who speaks, by speaker id: a list searched per speaker was quadratic.
    let mut speaking = vec![false; ctx.speakers.len()];
    for id in ctx
        .quotes
        .iter()
        .filter_map(|q| q.attribution.as_ref().map(|a| a.speaker))
        .chain(ctx.claims.iter().map(|c| c.speaker))
    {
        if let Some(s) = speaking.get_mut(id) {
            *s = true;
        }
    }
    // The surname of every person, worked out once rather than for every pair of speakers.
    let surnames: Vec<Option<&str>> = ctx
        .speakers
        .iter()
        .map(|s| {
            if s.kind == SpeakerKind::Person {
                surname_of(&s.name)
            } else {
                None
            }
        })
        .collect();
    let lede = ctx
        .paragraphs
        .iter()
        .position(|p| has_words(p.span.text(ctx.view), 25))
        .unwrap_or(0);
    for (id, speaker) in ctx.speakers.iter().enumerate() {
        // A person the text gives a gender (a known first name, a pronoun, a gendered title):
        // capitalised pairs the engine took for a person (`British Columbia`, `Super Tuesday`)
        // have none, and first-reference style is about people.
        let first_name = speaker
            .name
            .split_whitespace()
            .next()
            .is_some_and(|w| lexicon::first_name_gender(&w.to_lowercase()).is_some());
        let gendered = matches!(speaker.gender, Some(Gender::Male | Gender::Female)) && first_name;
        if speaker.kind != SpeakerKind::Person
            || !gendered
            || !speaking.get(id).copied().unwrap_or(false)
        {
            continue;
        }
        let Some(surname) = surname_of(&speaker.name) else {
            continue;
        };
        // Two people of the same surname (the Clintons) need their full names.
        let shared = surnames
            .iter()
            .enumerate()
            .any(|(o, s)| o != id && *s == Some(surname));
        if shared {
            continue;
        }
        // Where the surname occurs in the text, found once: the namesake test, the headline
        // test and the occurrences all read these (three searches of the whole text were
        // the rule's main cost).
        let at_surname: Vec<usize> = match_starts(ctx.view, surname).collect();
        // … and so do two in the text at all (`Bill Clinton` in a story quoting Hillary).
        let given = speaker.name.split_whitespace().next().unwrap_or("");
        let namesake = at_surname.iter().any(|&at| {
            let before = ctx.view[..at].trim_end_matches(' ');
            let prev = before.rsplit(char::is_whitespace).next().unwrap_or("");
            prev != given
                && prev.starts_with(char::is_uppercase)
                && prev.chars().all(char::is_alphabetic)
                && before.len() < at
                && !lexicon::is_title(&prev.to_lowercase())
                && !lexicon::is_not_name(&prev.to_lowercase())
        });
        if namesake {
            continue;
        }
        let occ = occurrences(ctx, &speaker.name, surname, &at_surname);
        let Some(first_full) = occ.iter().position(|o| o.form == Form::Full) else {
            continue;
        };
        // Only story paragraphs of some length: headlines, decks and subheads (`Carson: A
        // miracle.`) name people by surname by convention.
        // The story starts at its lede, the first full paragraph; decks before it are
        // headline matter.
        let body = |o: &&Occurrence| {
            o.paragraph >= lede
                && ctx.paragraphs.get(o.paragraph).is_some_and(|p| {
                    !ctx.is_headline(o.paragraph) && has_words(p.span.text(ctx.view), 12)
                })
        };
        // `Mr. Putin` in an abstract under a headline that named him (`Putin chides Turkey`)
        // leans on the headline, as the styles that use honorifics do. Asked only for an
        // honorific, the one case that needs it.
        let named_in_headline = || {
            at_surname
                .iter()
                .any(|&at| ctx.paragraph_of(at).is_some_and(|p| ctx.is_headline(p)))
        };
        let early = occ[..first_full]
            .iter()
            .find(body)
            .filter(|o| !(o.form == Form::Honorific && named_in_headline()));
        if let Some(early) = early {
            let written = early.span.text(ctx.view);
            let mut f = finding(
                Rule::FirstReference,
                early.span,
                format!(
                    "First reference to {} is \"{written}\": give the full name (and title or \
                     role) here, the surname after.",
                    speaker.name
                ),
            );
            if early.form == Form::Surname {
                f.fix = Some(Fix::replace(
                    format!("Use the full name \"{}\"", speaker.name),
                    early.span,
                    speaker.name.clone(),
                ));
            }
            f.related = vec![crate::analysis::model::Related {
                span: occ[first_full].span,
                message: "the full name is given only here".into(),
            }];
            f.candidates = vec![id];
            out.push(f);
        }
        // Repeats of the full name within reach of the previous reference.
        let mut repeats = 0usize;
        for k in first_full + 1..occ.len() {
            if occ[k].form != Form::Full {
                continue;
            }
            let gap = occ[k].paragraph.saturating_sub(occ[k - 1].paragraph);
            // A section break (`___`, a time stamp in a live blog) starts a new item, which
            // introduces people afresh. Looked for only within a short gap (a long one resets
            // anyway), so that this is not a walk over every paragraph between two mentions.
            let new_section = || {
                (occ[k - 1].paragraph..occ[k].paragraph)
                    .any(|p| ctx.is_break(p) || ctx.is_headline(p))
            };
            if gap >= LONG_GAP || new_section() {
                repeats = 0;
                continue;
            }
            repeats += 1;
            if repeats < 2 {
                continue;
            }
            let mut f = finding(
                Rule::FirstReference,
                occ[k].span,
                format!(
                    "{} was introduced already; after the first reference use the surname \
                     (\"{surname}\").",
                    speaker.name
                ),
            );
            f.fix = Some(Fix::replace(
                format!("Use the surname \"{surname}\""),
                occ[k].span,
                surname.to_string(),
            ));
            f.candidates = vec![id];
            out.push(f);
        }
    }
    out
}

/// Whether `text` has at least `n` words (without counting all of them).
fn has_words(text: &str, n: usize) -> bool {
    text.split_whitespace().take(n).count() >= n
}

/// Particles that belong to a surname: `Le Pen`, `de Blasio`, `Van Hollen`.
const PARTICLES: &[&str] = &[
    "le", "la", "de", "del", "della", "van", "von", "der", "den", "al", "el", "di", "da", "du",
    "dos", "bin", "ibn", "st.",
];

/// The surname of a full name (`Marine Le Pen` → `Le Pen`, `Joseph R. Biden Jr.` → `Biden`);
/// `None` when the name is a single word (nothing to shorten).
fn surname_of(name: &str) -> Option<&str> {
    let words: Vec<(usize, &str)> = name
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - name.as_ptr() as usize, w))
        .collect();
    let last = words.iter().rposition(|(_, w)| {
        !matches!(
            w.to_lowercase().as_str(),
            "jr." | "sr." | "jr" | "sr" | "ii" | "iii" | "iv"
        )
    })?;
    let mut first = last;
    while first > 1 && PARTICLES.contains(&words[first - 1].1.to_lowercase().as_str()) {
        first -= 1;
    }
    if first == 0 {
        return None;
    }
    let start = words[first].0;
    let end = words[last].0 + words[last].1.len();
    name.get(start..end)
}

/// Where the story names a person, in text order: the full name, or the surname alone.
/// `at_surname` are the starts of `surname` in the text ([`match_starts`]).
fn occurrences(ctx: &Ctx, full: &str, surname: &str, at_surname: &[usize]) -> Vec<Occurrence> {
    let mut out = Vec::new();
    // In text order and without overlap (`match_indices`), so ends increase too.
    let mut full_spans: Vec<Span> = Vec::new();
    for at in match_starts(ctx.view, full) {
        let span = Span::new(at, at + full.len());
        if let Some(p) = usable(ctx, span) {
            full_spans.push(span);
            out.push(Occurrence {
                span,
                paragraph: p,
                form: Form::Full,
            });
        }
    }
    for &at in at_surname {
        let span = Span::new(at, at + surname.len());
        // The one full name that can overlap is the first ending after this start (a scan of
        // all of them per surname was quadratic in the mentions of a person).
        let k = full_spans.partition_point(|f| f.end <= span.start);
        if full_spans.get(k).is_some_and(|f| f.overlaps(span)) {
            continue;
        }
        let Some(p) = usable(ctx, span) else { continue };
        let before = ctx.view[..at].trim_end_matches(' ');
        let prev_word = before
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("")
            .to_lowercase();
        // Part of a longer name (`Jeb Bush` for `George Bush`, `Sarah Huckabee Sanders`), or a
        // first name before the surname that our full name spells differently.
        let prev_cap = prev_word.chars().next().is_some_and(|c| c.is_alphabetic())
            && before
                .rsplit(|c: char| c.is_whitespace())
                .next()
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        let honorific = HONORIFICS.contains(&prev_word.as_str());
        // `President Clinton`, `Sen. Graham`: a job title with the surname is an accepted
        // reference (and may mean another Clinton); a longer name is another person.
        if prev_cap
            && !honorific
            && (lexicon::is_title(&prev_word) || !lexicon::is_not_name(&prev_word))
        {
            continue;
        }
        let rest = ctx.view[span.end..].trim_start_matches(['\'', '’', 's']);
        let next_word: &str = ctx.view[span.end..]
            .trim_start()
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .next()
            .unwrap_or("");
        let possessive = rest.len() < ctx.view.len() - span.end;
        let attributive = !possessive
            && (ctx.view[span.end..].trim_start().starts_with('&')
                || ATTRIBUTIVE.contains(&next_word.to_lowercase().as_str())
                || next_word.chars().next().is_some_and(char::is_uppercase)
                    && ctx.view[span.end..].starts_with(' '));
        if attributive {
            continue;
        }
        out.push(Occurrence {
            span,
            paragraph: p,
            form: if honorific {
                Form::Honorific
            } else {
                Form::Surname
            },
        });
    }
    out.sort_by_key(|o| o.span.start);
    out
}

/// The paragraph of a name occurrence the rule may look at: a whole word, in a story paragraph
/// (not a headline), outside every quotation. `None` otherwise.
fn usable(ctx: &Ctx, span: Span) -> Option<usize> {
    let view = ctx.view;
    let before = view[..span.start].chars().next_back();
    let after = view[span.end..].chars().next();
    if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
        return None;
    }
    // `Hewlett-Packard`: part of a compound.
    let mut rest = view[span.end..].chars();
    if rest.next() == Some('-') && rest.next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    // Paragraphs are in text order: find the one holding the span by bisection, then look at
    // that paragraph's quotes only (this runs for every occurrence of every name).
    let p = ctx
        .paragraphs
        .partition_point(|p| p.span.end < span.end)
        .min(ctx.paragraphs.len().saturating_sub(1));
    if !ctx
        .paragraphs
        .get(p)
        .is_some_and(|para| para.span.covers(span))
    {
        return None;
    }
    if ctx.quotes_in(p).iter().any(|q| q.span.overlaps(span)) {
        return None;
    }
    (!ctx.is_headline(p)).then_some(p)
}
