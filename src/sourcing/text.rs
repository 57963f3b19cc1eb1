//! What the HTML view draws on an article's text: its paragraphs (and which are headings) and
//! the marks on it — quote parts in their speaker's colour, orphans, attribution cues — in
//! text order and never overlapping; and the 1-based line numbers of the quote sheet.

use crate::analysis::{DocKind, Span};

/// Something the HTML view draws on the article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    /// A quote part: the row of the quote sheet and its speaker (`None`: an orphan).
    Quote { row: usize, speaker: Option<usize> },
    /// The attribution cue of a quote, underlined in its speaker's colour.
    Cue { speaker: usize },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub span: Span,
    pub kind: MarkKind,
}

/// The article's words, for the HTML view.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleText {
    /// The prose view: the text with Markdown syntax blanked (same offsets as the source).
    pub view: String,
    /// Paragraph spans, and whether each is a heading.
    pub paragraphs: Vec<(Span, bool)>,
    /// In text order, never overlapping.
    pub marks: Vec<Mark>,
}

/// Marks in text order without overlaps: a cue inside a quote (which the engine should never
/// produce) is dropped rather than allowed to break the HTML's nesting.
pub(crate) fn tidy(mut marks: Vec<Mark>) -> Vec<Mark> {
    marks.sort_by_key(|m| (m.span.start, m.span.end));
    let mut out: Vec<Mark> = Vec::with_capacity(marks.len());
    for m in marks {
        if m.span.is_empty() {
            continue;
        }
        if out.last().is_some_and(|prev| prev.span.end > m.span.start) {
            continue;
        }
        out.push(m);
    }
    out
}

/// A Markdown heading (`# …` or an underlined one) or a title-like first line.
pub(crate) fn is_heading(text: &str, kind: DocKind, span: Span) -> bool {
    if kind != DocKind::Markdown {
        return false;
    }
    let line_start = text
        .get(..span.start)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let from_line = text.get(line_start..).unwrap_or("");
    let after = text.get(span.end..).unwrap_or("");
    from_line.trim_start().starts_with('#')
        || after
            .trim_start_matches(['\r', '\n'])
            .lines()
            .next()
            .is_some_and(|l| {
                let l = l.trim();
                !l.is_empty() && (l.chars().all(|c| c == '=') || l.chars().all(|c| c == '-'))
            })
            && after.starts_with(['\n', '\r'])
}

/// A short line with no quotation that does not end like a sentence: a headline or subhead
/// (`Kursk offensive`) in plain text.
pub(crate) fn is_subhead(text: &str) -> bool {
    let t = text.trim();
    t.split_whitespace().count() <= 12
        && looks_like_headline(t)
        && !t.contains(['"', '“', '”', '«', '»'])
}

/// A short first line that does not end like a sentence: a headline.
pub(crate) fn looks_like_headline(text: &str) -> bool {
    let t = text.trim();
    let words = t.split_whitespace().count();
    (1..=20).contains(&words) && !t.ends_with(['.', '!', '?', ':', '"', '”', '’'])
}

/// 1-based line numbers for offsets asked in increasing order (quotes come in text order).
pub(crate) struct LineCounter<'a> {
    text: &'a str,
    at: std::cell::Cell<(usize, usize)>,
}

impl<'a> LineCounter<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        LineCounter {
            text,
            at: std::cell::Cell::new((0, 1)),
        }
    }

    pub(crate) fn line(&self, offset: usize) -> usize {
        let (mut pos, mut line) = self.at.get();
        if offset < pos {
            (pos, line) = (0, 1);
        }
        let end = offset.min(self.text.len());
        line += self.text.as_bytes()[pos..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.at.set((end, line));
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_counter_counts_forward_and_restarts() {
        let c = LineCounter::new("a\nb\nc");
        assert_eq!((c.line(0), c.line(2), c.line(4), c.line(99)), (1, 2, 3, 3));
        assert_eq!(c.line(1), 1);
    }

    #[test]
    fn headings_and_subheads() {
        let md = "# Bridge vote\n\nText.\n\nVote delayed\n============\n";
        let at = |needle: &str| {
            let i = md.find(needle).expect("needle");
            Span::new(i, i + needle.len())
        };
        assert!(is_heading(md, DocKind::Markdown, at("Bridge vote")));
        assert!(is_heading(md, DocKind::Markdown, at("Vote delayed")));
        assert!(!is_heading(md, DocKind::Markdown, at("Text.")));
        assert!(!is_heading(md, DocKind::Text, at("Bridge vote")));
        assert!(is_subhead("Kursk offensive"));
        assert!(!is_subhead("The council voted on Tuesday."));
        assert!(!is_subhead("\"We won\""));
    }
}
