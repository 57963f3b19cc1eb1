//! The desk's sourcing policy (`[policy]` of `.saidso.toml`): `policy-anonymous-share`,
//! `policy-named-sources` and `policy-on-the-record`. Every part is off until the house sets
//! it, so with the default [`Policy`] this check finds nothing.
//!
//! Quotes are counted as the reader sees them, as the sourcing report counts them: a running
//! quote over three paragraphs is one quote (its `group`), spoken by whoever its first
//! attributed part is attributed to; scare quotes are not speech and do not count. A source is
//! anonymous when the text describes rather than names it (`SpeakerKind::Nominal`: `a senior
//! official`, `sources`); named sources are people and organisations.

use super::{finding, Ctx};
use crate::analysis::model::{Finding, Related, Span, SpeakerKind};
use crate::analysis::options::{Policy, RecordScope};
use crate::analysis::rules::Rule;
use rustc_hash::FxHashSet;

/// How many story paragraphs make the lede.
const LEDE_PARAGRAPHS: usize = 3;

/// One quote as the reader counts it.
struct Counted {
    /// The span of its first part.
    span: Span,
    paragraph: usize,
    speaker: Option<usize>,
}

pub fn check(ctx: &Ctx) -> Vec<Finding> {
    let policy: &Policy = &ctx.options.policy;
    if policy.is_off() {
        return Vec::new();
    }
    let quotes = counted(ctx);
    let mut out = Vec::new();
    if let Some(max) = policy.max_anonymous_share {
        out.extend(anonymous_share(ctx, &quotes, max));
    }
    if let Some(min) = policy.min_named_sources {
        out.extend(named_sources(ctx, min));
    }
    for scope in &policy.require_on_the_record {
        out.extend(on_the_record(ctx, &quotes, *scope));
    }
    // `lede` and `all` together must not report the lede's quotes twice.
    let mut seen = FxHashSet::default();
    out.retain(|f| seen.insert((f.rule, f.span)));
    out
}

/// Speech quotes, one per running quote, in text order.
fn counted(ctx: &Ctx) -> Vec<Counted> {
    let mut out: Vec<Counted> = Vec::new();
    // group → index in `out`.
    let mut groups = rustc_hash::FxHashMap::default();
    for q in ctx.quotes.iter().filter(|q| q.kind.is_speech()) {
        let speaker = q.attribution.as_ref().map(|a| a.speaker);
        match groups.get(&q.group) {
            Some(&k) => {
                let c: &mut Counted = &mut out[k];
                if c.speaker.is_none() {
                    c.speaker = speaker;
                }
            }
            None => {
                groups.insert(q.group, out.len());
                out.push(Counted {
                    span: q.span,
                    paragraph: q.paragraph,
                    speaker,
                });
            }
        }
    }
    out
}

fn is_anonymous(ctx: &Ctx, speaker: Option<usize>) -> bool {
    speaker
        .and_then(|s| ctx.speakers.get(s))
        .is_some_and(|s| s.kind == SpeakerKind::Nominal)
}

fn speaker_name(ctx: &Ctx, speaker: Option<usize>) -> String {
    speaker
        .and_then(|s| ctx.speakers.get(s))
        .map(|s| s.name.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

fn anonymous_share(ctx: &Ctx, quotes: &[Counted], max: f64) -> Option<Finding> {
    let anonymous: Vec<&Counted> = quotes
        .iter()
        .filter(|q| is_anonymous(ctx, q.speaker))
        .collect();
    let share = anonymous.len() as f64 / quotes.len().max(1) as f64;
    // A small tolerance, so `0.25` allows exactly one quote in four.
    if anonymous.is_empty() || share <= max + 1e-9 {
        return None;
    }
    let first = anonymous[0];
    let mut f = finding(
        Rule::PolicyAnonymousShare,
        first.span,
        format!(
            "{} of {} quotes ({}) are from sources the story does not name; the house allows \
             at most {} ([policy] max-anonymous-share). Name a source, or cut an anonymous \
             quote.",
            anonymous.len(),
            quotes.len(),
            percent(share),
            percent(max)
        ),
    );
    f.related = anonymous
        .iter()
        .map(|q| Related {
            span: q.span,
            message: format!("quoted anonymously: {}", speaker_name(ctx, q.speaker)),
        })
        .collect();
    Some(f)
}

fn named_sources(ctx: &Ctx, min: usize) -> Option<Finding> {
    let first = ctx.paragraphs.first()?;
    // Quoted or cited: a claim is every quote and every piece of reported speech.
    let mut named: Vec<usize> = ctx
        .claims
        .iter()
        .map(|c| c.speaker)
        .filter(|&s| {
            ctx.speakers
                .get(s)
                .is_some_and(|s| s.kind != SpeakerKind::Nominal)
        })
        .collect();
    named.sort_unstable();
    named.dedup();
    if named.len() >= min {
        return None;
    }
    let names: Vec<String> = named.iter().map(|&s| speaker_name(ctx, Some(s))).collect();
    let have = match names.len() {
        0 => "no named source".to_string(),
        1 => format!("1 named source ({})", names[0]),
        n => format!("{n} named sources ({})", names.join(", ")),
    };
    // At the top of the article: its first line, where a policy about the whole story belongs.
    let line_end = first
        .span
        .text(ctx.view)
        .find('\n')
        .map_or(first.span.end, |i| first.span.start + i);
    let span = Span::new(first.span.start, line_end);
    let mut f = finding(
        Rule::PolicyNamedSources,
        span,
        format!(
            "This story has {have}; the house asks for at least {min} \
             ([policy] min-named-sources)."
        ),
    );
    f.related = named
        .iter()
        .filter_map(|&s| ctx.speakers.get(s))
        .map(|s| Related {
            span: s.first,
            message: format!(
                "named source: {}",
                s.name.split_whitespace().collect::<Vec<_>>().join(" ")
            ),
        })
        .collect();
    Some(f)
}

/// The paragraphs of the lede: the first few that are story text, not headlines or breaks.
fn lede(ctx: &Ctx) -> FxHashSet<usize> {
    (0..ctx.paragraphs.len())
        .filter(|&p| !ctx.is_headline(p) && !ctx.is_break(p))
        .take(LEDE_PARAGRAPHS)
        .collect()
}

fn on_the_record(ctx: &Ctx, quotes: &[Counted], scope: RecordScope) -> Vec<Finding> {
    let lede = lede(ctx);
    quotes
        .iter()
        .filter(|q| is_anonymous(ctx, q.speaker))
        .filter(|q| scope == RecordScope::All || lede.contains(&q.paragraph))
        .map(|q| {
            let whose = speaker_name(ctx, q.speaker);
            let message = match scope {
                RecordScope::Lede => format!(
                    "A quote in the lede from a source the story does not name ({whose}); the \
                     house wants the lede on the record ([policy] require-on-the-record). Name \
                     the source, or move the quote down."
                ),
                RecordScope::All => format!(
                    "A quote from a source the story does not name ({whose}); the house wants \
                     every quote on the record ([policy] require-on-the-record). Name the source."
                ),
            };
            finding(Rule::PolicyOnTheRecord, q.span, message)
        })
        .collect()
}
