//! Who is speaking where: `restate-attribution` (a quote whose only attribution is far back)
//! and `one-speaker-per-paragraph` (two speakers quoted in one paragraph).
//!
//! `restate-attribution`: the engine carries a speaker over quote paragraphs that have no cue of their own
//! (`Method::Continuation`). That is the convention for a paragraph or two; past that, or once
//! another speaker has been quoted in between, readers lose track and the writer should name
//! the speaker again. A running quote (one group over several paragraphs) is one quote, so
//! only the first part of a group is measured: its later parts are plainly the same speaker.

use super::{finding, Ctx};
use crate::analysis::model::{Finding, Fix, Method, Quote, QuoteKind, Related, Span};
use crate::analysis::rules::Rule;
use rustc_hash::{FxHashMap, FxHashSet};

/// How many paragraphs after the one naming the speaker a continuation may sit.
const MAX_DISTANCE: usize = 2;

pub fn restate(ctx: &Ctx, earlier: &[Finding]) -> Vec<Finding> {
    let mut out = Vec::new();
    // Each question below was a scan over every earlier quote or finding, per quote: O(n²) on
    // a long document. They are answered from state kept while walking the quotes in order.
    // A running-quote finding in the paragraph before means these paragraphs are one quote
    // once that is fixed; one problem, one finding. The paragraphs right after one:
    let after_running: FxHashSet<usize> = earlier
        .iter()
        .filter(|f| f.rule == Rule::RunningQuote)
        .filter_map(|f| ctx.paragraph_of(f.span.start))
        .map(|p| p + 1)
        .collect();
    let mut seen_groups: FxHashSet<usize> = FxHashSet::default();
    // Per speaker, the span of the latest-starting earlier quote attributed to them by a cue of
    // their own (the last one on a tie, as `max_by_key` picks).
    let mut cued: FxHashMap<usize, Span> = FxHashMap::default();
    let mut mentions: FxHashMap<usize, Mentions> = FxHashMap::default();
    let others = Others::new(ctx);
    for (k, q) in ctx.quotes.iter().enumerate() {
        // Later parts of a running quote go with its first part.
        let first_part = seen_groups.insert(q.group);
        if first_part {
            let state = Earlier {
                after_running: &after_running,
                cued: &cued,
                others: &others,
            };
            out.extend(restate_one(ctx, k, q, &state, &mut mentions));
        }
        if let Some(pa) = &q.attribution {
            if pa.method != Method::Continuation {
                cued.entry(pa.speaker)
                    .and_modify(|s| {
                        if q.span.start >= s.start {
                            *s = q.span;
                        }
                    })
                    .or_insert(q.span);
            }
        }
    }
    out
}

/// What [`restate`] knows about the quotes before the one it judges.
struct Earlier<'s> {
    after_running: &'s FxHashSet<usize>,
    cued: &'s FxHashMap<usize, Span>,
    others: &'s Others,
}

/// The finding for quote `k`, the first part of its group, if its speaker should be named again.
fn restate_one(
    ctx: &Ctx,
    k: usize,
    q: &Quote,
    earlier: &Earlier,
    mentions: &mut FxHashMap<usize, Mentions>,
) -> Option<Finding> {
    let a = q.attribution.as_ref()?;
    if q.kind != QuoteKind::Direct {
        return None;
    }
    // Quotes leaning on a cue elsewhere in their paragraph (`Method::SameParagraph`) are
    // not measured: on published copy, a quote right after another speaker's quote in the
    // same paragraph is nearly always that speaker going on, so "it reads as theirs" was
    // wrong far more often than right.
    if a.method != Method::Continuation {
        return None;
    }
    if earlier.after_running.contains(&q.paragraph) {
        return None;
    }
    let speaker = ctx.speakers.get(a.speaker)?;
    // Where the speaker was last named or attributed by a cue of their own: the mention or
    // quote that starts last, a quote winning a tie (it came later in the original chain).
    let mention = mentions
        .entry(a.speaker)
        .or_insert_with(|| Mentions::new(&speaker.mentions))
        .last_ending_by(&speaker.mentions, q.span.start);
    let anchor_span = match (mention, earlier.cued.get(&a.speaker).copied()) {
        (Some(m), Some(c)) => {
            if c.start >= m.start {
                c
            } else {
                m
            }
        }
        (m, c) => m.or(c)?,
    };
    let anchor = anchor_span.start;
    let anchor_para = ctx.paragraph_of(anchor)?;
    let distance = q.paragraph.saturating_sub(anchor_para);
    let other = earlier
        .others
        .first_after(ctx, anchor, k, a.speaker)
        .and_then(|i| ctx.quotes.get(i));
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
        return None;
    };
    let mut f = finding(Rule::RestateAttribution, q.span, message);
    f.related = vec![Related {
        span: anchor_span,
        message: format!("{} is last named here", speaker.name),
    }];
    f.candidates = vec![a.speaker];
    Some(f)
}

/// A speaker's mentions ordered by end, each with the latest-starting mention up to it, so
/// that "the last mention ending by offset x" is a binary search instead of a scan of every
/// mention per quote. Mentions need not be sorted: this is exact for any order.
struct Mentions {
    ends: Vec<usize>,
    /// `(start, index)` of the best mention among the first `i + 1` by end: the greatest
    /// start, then the greatest index (the last in the list, as `max_by_key` picks).
    best: Vec<(usize, usize)>,
}

impl Mentions {
    fn new(mentions: &[Span]) -> Mentions {
        let mut order: Vec<(usize, usize)> = mentions
            .iter()
            .enumerate()
            .map(|(i, m)| (m.end, i))
            .collect();
        order.sort_unstable();
        let mut best = Vec::with_capacity(order.len());
        let mut top: Option<(usize, usize)> = None;
        for &(_, i) in &order {
            let key = (mentions.get(i).map_or(0, |m| m.start), i);
            let t = top.map_or(key, |t| t.max(key));
            top = Some(t);
            best.push(t);
        }
        Mentions {
            ends: order.into_iter().map(|(end, _)| end).collect(),
            best,
        }
    }

    /// Of the mentions ending at or before `offset`, the one starting last.
    fn last_ending_by(&self, mentions: &[Span], offset: usize) -> Option<Span> {
        let n = self.ends.partition_point(|&e| e <= offset);
        let (_, i) = *self.best.get(n.checked_sub(1)?)?;
        mentions.get(i).copied()
    }
}

/// Answers "the first quote before `k` starting after `anchor` that is a direct quote another
/// speaker is credited with" without scanning all of them: quotes are in text order, so the
/// ones after `anchor` start at a bisection point, and among the attributed direct quotes each
/// knows the next one with a different speaker.
struct Others {
    /// Whether quote starts never decrease (the pairing emits them in text order); the
    /// search falls back to a scan otherwise.
    sorted: bool,
    /// Indices of the direct quotes with an attribution, in order.
    direct: Vec<usize>,
    speaker: Vec<usize>,
    /// For each position in `direct`, the next position whose speaker differs.
    next_other: Vec<usize>,
}

impl Others {
    fn new(ctx: &Ctx) -> Others {
        let quotes = ctx.quotes;
        let sorted = quotes
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start);
        let (direct, speaker): (Vec<usize>, Vec<usize>) = quotes
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind == QuoteKind::Direct)
            .filter_map(|(i, p)| p.attribution.as_ref().map(|pa| (i, pa.speaker)))
            .unzip();
        let mut next_other = vec![direct.len(); direct.len()];
        for d in (0..direct.len()).rev() {
            next_other[d] = match (speaker.get(d), speaker.get(d + 1)) {
                (Some(a), Some(b)) if a != b => d + 1,
                (Some(_), Some(_)) => next_other.get(d + 1).copied().unwrap_or(direct.len()),
                _ => direct.len(),
            };
        }
        Others {
            sorted,
            direct,
            speaker,
            next_other,
        }
    }

    /// The index of the first quote among `quotes[..k]` that starts after `anchor`, is direct,
    /// and is attributed to someone other than `speaker`.
    fn first_after(&self, ctx: &Ctx, anchor: usize, k: usize, speaker: usize) -> Option<usize> {
        let quotes = ctx.quotes.get(..k)?;
        if !self.sorted {
            return quotes.iter().position(|p| {
                p.span.start > anchor
                    && p.kind == QuoteKind::Direct
                    && p.attribution
                        .as_ref()
                        .is_some_and(|pa| pa.speaker != speaker)
            });
        }
        let from = quotes.partition_point(|p| p.span.start <= anchor);
        let d = self.direct.partition_point(|&i| i < from);
        let d = if *self.speaker.get(d)? != speaker {
            d
        } else {
            *self.next_other.get(d)?
        };
        self.direct.get(d).copied().filter(|&i| i < k)
    }
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
        for q in ctx.quotes_in(pi) {
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
