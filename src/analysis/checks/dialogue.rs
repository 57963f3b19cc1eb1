//! `one-speaker-per-paragraph`: each change of speaker starts a new paragraph.
//!
//! Only direct quotes whose speaker a cue names count (`"…," Smith said.`, `according to X`,
//! `he said`): partial quotes woven into the writer's sentence (`Smith called it "a disaster"
//! while Jones called it "a win"`) are reporting, not dialogue, and quotes the engine only
//! guessed a speaker for are not evidence of two speakers.

use super::{finding, Ctx};
use crate::analysis::model::{Finding, Fix, Method, QuoteKind, Related, Span};
use crate::analysis::rules::Rule;

pub fn check(ctx: &Ctx) -> Vec<Finding> {
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
