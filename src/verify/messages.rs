//! What the writer is told: a word-level diff of quote and source ("source: *we will not* —
//! draft: *we won't*"), the "Use the source's words" fix, and the findings of the verify rules.
//!
//! The fix changes only the stretches that differ and keeps the writer's ellipses, brackets
//! and punctuation; the rest of saidso never touches the words inside quotation marks, and
//! this fix exists only to put back the speaker's own words.

use super::align::{Alignment, Op};
use super::normalize::squash;
use super::pattern::Pattern;
use super::{QuoteCheck, Source, SpeakerCheck, Words};
use crate::analysis::{Edit, Finding, Fix, Related, Rule, Span};

/// One place where the draft's words differ from the source's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The draft's words here (a byte range of the draft); empty where the draft leaves the
    /// source's words out.
    pub draft: Span,
    /// The source's words here, on one line; empty where the draft adds words.
    pub source: String,
    /// The edit of the draft that puts the source's words back.
    pub edit: Edit,
}

impl Change {
    /// `source: *we will not* — draft: *we won't*`, in the draft's text.
    pub fn describe(&self, draft: &str) -> String {
        let theirs = squash(self.draft.text(draft));
        match (theirs.is_empty(), self.source.is_empty()) {
            (false, false) => format!("source: *{}* — draft: *{theirs}*", self.source),
            (false, true) => format!("draft adds *{theirs}*"),
            _ => format!("draft leaves out *{}*", self.source),
        }
    }
}

/// A run of differing steps between two that agree.
#[derive(Default)]
struct Group {
    items: Vec<usize>,
    toks: Vec<u32>,
}

/// The differences between a quote (items of `pattern`, whose spans are relative to
/// `inner_start` in the draft) and the source words an alignment placed it on.
pub fn changes(
    inner_start: usize,
    pattern: &Pattern,
    alignment: &Alignment,
    source: &Source,
) -> Vec<Change> {
    let mut out = Vec::new();
    for (s, items) in pattern.segments.iter().enumerate() {
        let span_of = |i: usize| {
            let r = items[i].span();
            Span::new(inner_start + r.start, inner_start + r.end)
        };
        let ops: Vec<Op> = match alignment.segments.get(s).and_then(Option::as_ref) {
            Some(m) => m.ops.clone(),
            // A segment found nowhere: all its words are the draft's own.
            None => (0..items.len())
                .filter(|&i| items[i].is_word())
                .map(|item| Op::Added { item })
                .collect(),
        };
        let mut group = Group::default();
        let mut prev_end: Option<usize> = None;
        for op in ops {
            match op {
                Op::Same { item, .. } | Op::Bracket { item, .. } => {
                    let here = span_of(item);
                    close(
                        &mut group,
                        prev_end,
                        Some(here.start),
                        source,
                        &span_of,
                        &mut out,
                    );
                    prev_end = Some(here.end);
                }
                Op::Changed { item, tok } => {
                    group.items.push(item);
                    group.toks.push(tok);
                }
                Op::Added { item } => group.items.push(item),
                Op::Dropped { tok } => group.toks.push(tok),
            }
        }
        close(&mut group, prev_end, None, source, &span_of, &mut out);
    }
    out
}

/// Ends a group: records its change, if it has one. `prev_end` is where the draft's last
/// agreeing word before the group ends; `next_start` where the next one starts.
fn close(
    group: &mut Group,
    prev_end: Option<usize>,
    next_start: Option<usize>,
    source: &Source,
    span_of: &dyn Fn(usize) -> Span,
    out: &mut Vec<Change>,
) {
    let g = std::mem::take(group);
    if g.items.is_empty() && g.toks.is_empty() {
        return;
    }
    let theirs = match (g.toks.first(), g.toks.last()) {
        (Some(&a), Some(&b)) => {
            let (Some(a), Some(b)) = (
                source.index.toks.get(a as usize),
                source.index.toks.get(b as usize),
            ) else {
                return;
            };
            squash(Span::new(a.span.start, b.span.end).text(&source.text))
        }
        _ => String::new(),
    };
    let ours = match (g.items.first(), g.items.last()) {
        (Some(&a), Some(&b)) => Span::new(span_of(a).start, span_of(b).end),
        _ => {
            let at = prev_end.or(next_start).unwrap_or(0);
            Span::new(at, at)
        }
    };
    let edit = if !theirs.is_empty() && !ours.is_empty() {
        Edit {
            span: ours,
            replacement: theirs.clone(),
        }
    } else if theirs.is_empty() {
        // The draft's own words go, with the punctuation and space that joined them on.
        let span = match (prev_end, next_start) {
            (Some(p), _) => Span::new(p, ours.end),
            (None, Some(n)) => Span::new(ours.start, n),
            (None, None) => ours,
        };
        Edit {
            span,
            replacement: String::new(),
        }
    } else {
        let replacement = match prev_end {
            Some(_) => format!(" {theirs}"),
            None => format!("{theirs} "),
        };
        Edit {
            span: ours,
            replacement,
        }
    };
    out.push(Change {
        draft: ours,
        source: theirs,
        edit,
    });
}

/// The first words of a quote, for messages.
fn excerpt(text: &str, span: Span) -> String {
    let words: Vec<&str> = span.text(text).split_whitespace().collect();
    let mut out = words.iter().take(8).copied().collect::<Vec<_>>().join(" ");
    if words.len() > 8 {
        out.push('…');
    }
    out
}

/// Where a passage is, for a parenthesis: `notes/lopez.txt:12, LOPEZ`; in the story, whose
/// quote it is (`Maria Lopez`).
fn place(p: &super::Passage) -> String {
    let who: Vec<&str> = p
        .speakers
        .iter()
        .map(String::as_str)
        .filter(|s| !s.is_empty())
        .collect();
    match (p.source, who.is_empty()) {
        (Some(_), true) => at(p),
        (Some(_), false) => format!("{}, {}", at(p), who.join(" then ")),
        (None, true) => "unattributed".to_owned(),
        (None, false) => who.join(" then "),
    }
}

/// `the source` or `the story`, as the passage is.
fn origin(p: &super::Passage) -> &'static str {
    if p.source.is_some() {
        "the source"
    } else {
        "the story"
    }
}

/// `notes/lopez.txt:12`, or `the story`.
fn at(p: &super::Passage) -> String {
    match p.source {
        Some(_) => format!("{}:{}", p.name, p.line),
        None => "the story".to_owned(),
    }
}

fn diff(text: &str, check: &QuoteCheck) -> String {
    let mut parts: Vec<String> = check
        .changes
        .iter()
        .take(3)
        .map(|c| c.describe(text))
        .collect();
    if check.changes.len() > 3 {
        parts.push(format!("and {} more", check.changes.len() - 3));
    }
    parts.join("; ")
}

fn fix(check: &QuoteCheck, from_story: bool) -> Option<Fix> {
    let edits: Vec<Edit> = check.changes.iter().map(|c| c.edit.clone()).collect();
    if edits.is_empty() {
        return None;
    }
    let title = if from_story {
        "Use the story's words"
    } else {
        "Use the source's words"
    };
    Some(Fix {
        title: title.into(),
        edits,
    })
}

/// Who the passage gives the words to, for a mismatch message.
fn whose(check: &QuoteCheck) -> String {
    let mut labels: Vec<String> = Vec::new();
    for p in check.passage.iter().chain(&check.others) {
        for s in &p.speakers {
            let label = if s.eq_ignore_ascii_case("q") {
                "the interviewer (Q)".to_owned()
            } else {
                s.clone()
            };
            if !s.is_empty() && !labels.contains(&label) {
                labels.push(label);
            }
        }
    }
    match labels.len() {
        0 => "someone else".into(),
        1 => labels.remove(0),
        _ => {
            let last = labels.pop().unwrap_or_default();
            format!("{} and {last}", labels.join(", "))
        }
    }
}

/// The findings one checked quote gives.
pub fn findings(text: &str, check: &QuoteCheck) -> Vec<Finding> {
    let words = excerpt(text, check.inner);
    let from_story = check.passage.as_ref().is_some_and(|p| p.source.is_none());
    let related: Vec<Related> = check
        .passage
        .iter()
        .filter_map(|p| p.origin)
        .map(|span| Related {
            span,
            message: "the story's quote".into(),
        })
        .collect();
    if let Some(display) = check.display {
        if check.words == Words::Found && !check.speaker_check.is_wrong() {
            return Vec::new();
        }
        let what = display.as_str();
        let message = match (check.words, check.speaker_check.is_wrong(), &check.passage) {
            (Words::Missing, _, _) | (_, _, None) => {
                format!("The {what} quotes \"{words}\", which is not in the story or the sources.")
            }
            (_, true, Some(p)) => format!(
                "The {what} gives \"{words}\" to {}, but {} gives these words to {} ({}).",
                check.speaker.as_deref().unwrap_or("its speaker"),
                origin(p),
                whose(check),
                at(p)
            ),
            (_, false, Some(p)) => format!(
                "The {what} changes the words of {} ({}): {}.",
                origin(p),
                place(p),
                diff(text, check)
            ),
        };
        let mut f = Finding::new(Rule::HeadlineQuoteUnsupported, check.span, message);
        f.related = related;
        if check.words == Words::Altered {
            f.fix = fix(check, from_story);
        }
        return vec![f];
    }
    let mut out = Vec::new();
    match (check.words, &check.passage) {
        (Words::Missing, None) => out.push(Finding::new(
            Rule::QuoteNotInSource,
            check.span,
            format!("\"{words}\" is not in the sources."),
        )),
        (Words::Missing, Some(p)) => out.push(Finding::new(
            Rule::QuoteNotInSource,
            check.span,
            format!(
                "\"{words}\" is not in the sources; the closest passage ({}) differs: {}.",
                place(p),
                diff(text, check)
            ),
        )),
        (Words::Altered, Some(p)) => {
            let mut f = Finding::new(
                Rule::QuoteAltered,
                check.span,
                format!(
                    "The quote differs from the source ({}): {}.",
                    place(p),
                    diff(text, check)
                ),
            );
            f.fix = fix(check, from_story);
            out.push(f);
        }
        _ => {}
    }
    if let (true, Some(p)) = (check.speaker_check.is_wrong(), &check.passage) {
        let message = if check.speaker_check == SpeakerCheck::Split {
            format!(
                "The quote joins the words of two speakers, {} ({}).",
                p.speakers.join(" then "),
                at(p)
            )
        } else {
            format!(
                "The source gives these words to {}, not to {} ({}).",
                whose(check),
                check.speaker.as_deref().unwrap_or("the draft's speaker"),
                at(p)
            )
        };
        out.push(Finding::new(
            Rule::QuoteSpeakerMismatch,
            check.span,
            message,
        ));
    }
    out
}
