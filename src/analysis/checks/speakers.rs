//! Who is speaking where: `restate-attribution` (a quote whose only attribution is far back)
//! and `one-speaker-per-paragraph` (two speakers quoted in one paragraph).
//!
//! `restate-attribution`: the engine carries a speaker over quote paragraphs that have no cue of their own
//! (`Method::Continuation`). That is the convention for a paragraph or two; past that, or once
//! another speaker has been quoted in between, readers lose track and the writer should name
//! the speaker again. A running quote (one group over several paragraphs) is one quote, so
//! only the first part of a group is measured: its later parts are plainly the same speaker.

use super::{finding, Ctx};
use crate::analysis::model::{Finding, Fix, Method, QuoteKind, Related, Span};
use crate::analysis::rules::Rule;

/// How many paragraphs after the one naming the speaker a continuation may sit.
const MAX_DISTANCE: usize = 2;

pub fn restate(ctx: &Ctx, earlier: &[Finding]) -> Vec<Finding> {
    let mut out = Vec::new();
    for (k, q) in ctx.quotes.iter().enumerate() {
        let Some(a) = &q.attribution else { continue };
        if q.kind != QuoteKind::Direct {
            continue;
        }
        // Quotes leaning on a cue elsewhere in their paragraph (`Method::SameParagraph`) are
        // not measured: on published copy, a quote right after another speaker's quote in the
        // same paragraph is nearly always that speaker going on, so "it reads as theirs" was
        // wrong far more often than right.
        if a.method != Method::Continuation {
            continue;
        }
        // Later parts of a running quote go with its first part.
        if ctx.quotes[..k].iter().any(|p| p.group == q.group) {
            continue;
        }
        // A running-quote finding in the paragraph before means these paragraphs are one
        // quote once that is fixed; one problem, one finding.
        let running_before = earlier.iter().any(|f| {
            f.rule == Rule::RunningQuote
                && ctx
                    .paragraph_of(f.span.start)
                    .is_some_and(|p| p + 1 == q.paragraph)
        });
        if running_before {
            continue;
        }
        let Some(speaker) = ctx.speakers.get(a.speaker) else {
            continue;
        };
        // Where the speaker was last named or attributed by a cue of their own.
        let named = speaker
            .mentions
            .iter()
            .filter(|m| m.end <= q.span.start)
            .copied()
            .chain(
                ctx.quotes[..k]
                    .iter()
                    .filter(|p| {
                        p.attribution.as_ref().is_some_and(|pa| {
                            pa.speaker == a.speaker && pa.method != Method::Continuation
                        })
                    })
                    .map(|p| p.span),
            )
            .max_by_key(|s| s.start);
        let Some(anchor_span) = named else { continue };
        let anchor = anchor_span.start;
        let Some(anchor_para) = ctx.paragraph_of(anchor) else {
            continue;
        };
        let distance = q.paragraph.saturating_sub(anchor_para);
        let other = ctx.quotes[..k].iter().find(|p| {
            p.span.start > anchor
                && p.kind == QuoteKind::Direct
                && p.attribution
                    .as_ref()
                    .is_some_and(|pa| pa.speaker != a.speaker)
        });
        let message = if let Some(o) = other {
            let who = o
                .attribution
                .as_ref()
                .and_then(|x| ctx.speakers.get(x.speaker))
                .map_or("someone else", |s| s.name.as_str());
            format!(
                "{who} was quoted since {} was last named, so this quote reads as {who}'s. Say \
                 again who is speaking (`…,\" {} said.`).",
                speaker.name,
                short_name(&speaker.name)
            )
        } else if distance > MAX_DISTANCE {
            format!(
                "{} was last named {distance} paragraphs back; attribute this quote again \
                 (`…,\" {} said.`) so the reader does not have to count back.",
                speaker.name,
                short_name(&speaker.name)
            )
        } else {
            continue;
        };
        let mut f = finding(Rule::RestateAttribution, q.span, message);
        f.related = vec![Related {
            span: anchor_span,
            message: format!("{} is last named here", speaker.name),
        }];
        f.candidates = vec![a.speaker];
        out.push(f);
    }
    out
}

/// The surname of a person's full name, or a description as it is.
fn short_name(name: &str) -> &str {
    if name.split_whitespace().count() > 1 && name.chars().next().is_some_and(char::is_uppercase) {
        name.split_whitespace().last().unwrap_or(name)
    } else {
        name
    }
}

// ---- one-speaker-per-paragraph ----
//
// Each change of speaker starts a new paragraph. Only direct quotes whose speaker a cue names
// count (`"…," Smith said.`, `according to X`, `he said`): partial quotes woven into the
// writer's sentence (`Smith called it "a disaster" while Jones called it "a win"`) are
// reporting, not dialogue, and quotes the engine only guessed a speaker for are not evidence of
// two speakers.

pub fn one_per_paragraph(ctx: &Ctx) -> Vec<Finding> {
    let mut out = Vec::new();
    for (pi, para) in ctx.paragraphs.iter().enumerate() {
        if ctx.is_headline(pi) {
            continue;
        }
        let mut first: Option<(usize, Span)> = None;
        for q in ctx.quotes.iter().filter(|q| q.paragraph == pi) {
            let Some(a) = &q.attribution else { continue };
            let named = matches!(
                a.method,
                Method::Explicit | Method::Pronoun | Method::According | Method::ColonIntro
            ) && a.confidence >= 0.8;
            // A definite description (`the candidate`, `the Senate minority leader`) most often
            // names someone already named: two speakers to the engine, one person to the
            // reader. Only speakers that are surely different count.
            let definite = ctx.speakers.get(a.speaker).is_some_and(|s| {
                s.name.to_lowercase().starts_with("the ")
                    || s.name.starts_with(char::is_lowercase)
                    || a.mention
                        .is_some_and(|m| m.text(ctx.view).to_lowercase().starts_with("the "))
            });
            if q.kind != QuoteKind::Direct || !named || definite {
                continue;
            }
            match first {
                None => first = Some((a.speaker, q.span)),
                Some((speaker, _)) if speaker == a.speaker => {}
                Some((speaker, span)) => {
                    let name = |id: usize| {
                        ctx.speakers
                            .get(id)
                            .map_or("someone", |s| s.name.as_str())
                            .to_string()
                    };
                    let mut f = finding(
                        Rule::OneSpeakerPerParagraph,
                        q.span,
                        format!(
                            "{} and {} are both quoted in this paragraph; start a new paragraph \
                             when the speaker changes.",
                            name(speaker),
                            name(a.speaker)
                        ),
                    );
                    f.related = vec![Related {
                        span,
                        message: format!("{} is quoted here", name(speaker)),
                    }];
                    f.fix = split_before(ctx, para.span, q.span.start);
                    out.push(f);
                    break;
                }
            }
        }
    }
    out
}

/// A fix that starts a new paragraph at the sentence holding `offset`, when that sentence is
/// not the paragraph's first and the paragraph is plain (not inside a list or block quote,
/// whose markers a blank line would break).
fn split_before(ctx: &Ctx, para: Span, offset: usize) -> Option<Fix> {
    let p = ctx.paragraphs.iter().find(|p| p.span == para)?;
    let k = p.sentences.iter().position(|s| s.contains(offset))?;
    let prev = p.sentences.get(k.checked_sub(1)?)?;
    let this = p.sentences.get(k)?;
    let gap = Span::new(prev.end, this.start);
    let line_start = ctx.view[..para.start].rfind('\n').map_or(0, |i| i + 1);
    let indented = !ctx.view[line_start..para.start].is_empty();
    if indented || gap.is_empty() || !gap.text(ctx.view).chars().all(char::is_whitespace) {
        return None;
    }
    Some(Fix::replace("Start a new paragraph here", gap, "\n\n"))
}
