//! `restate-attribution`: a quote whose only attribution is far back.
//!
//! The engine carries a speaker over quote paragraphs that have no cue of their own
//! (`Method::Continuation`). That is the convention for a paragraph or two; past that, or once
//! another speaker has been quoted in between, readers lose track and the writer should name
//! the speaker again. A running quote (one group over several paragraphs) is one quote, so
//! only the first part of a group is measured: its later parts are plainly the same speaker.

use super::{finding, Ctx};
use crate::analysis::model::{Finding, Method, QuoteKind, Related};
use crate::analysis::rules::Rule;

/// How many paragraphs after the one naming the speaker a continuation may sit.
const MAX_DISTANCE: usize = 2;

pub fn check(ctx: &Ctx, earlier: &[Finding]) -> Vec<Finding> {
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
