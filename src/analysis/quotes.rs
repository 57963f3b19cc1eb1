//! Quotation marks paired into quotations, paragraph by paragraph.
//!
//! Marks come in many forms (straight `"`, curly `“ ”`, the NYT's `''…''`, guillemets, single
//! marks nested inside double ones), and straight marks do not say which way they face, so each
//! mark is judged by what flanks it: an opener is followed by a word and preceded by space or
//! an opening bracket; a closer is the mirror image. A `'` between letters is an apostrophe.
//!
//! A paragraph that ends inside a quotation is the news convention of a *running quote* when
//! the next paragraph opens with a mark: both parts are one quote (one group). Otherwise the
//! quotation is unclosed and the caller reports it.

use super::model::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    span: Span,
    level: Level,
    dir: Dir,
    can_open: bool,
    can_close: bool,
}

/// A quotation found by pairing marks; kinds and speakers come later.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub span: Span,
    pub inner: Span,
    pub paragraph: usize,
    pub group: usize,
    pub closed: bool,
    pub nested: usize,
}

/// What pairing found: the quotations, and the opening marks of unclosed ones.
#[derive(Debug, Default)]
pub struct Pairing {
    pub quotes: Vec<Found>,
    pub unclosed: Vec<Span>,
}

fn is_opening_context(c: char) -> bool {
    c.is_whitespace() || "([{—–-/‘“\"'«„:".contains(c)
}

fn is_closing_context(c: char) -> bool {
    c.is_whitespace() || ".,;:!?)]}—–-/…’”\"'»*_".contains(c)
}

/// Words that start with an apostrophe standing for missing letters, not an opening mark.
fn is_elision(rest: &str) -> bool {
    const ELISIONS: [&str; 11] = [
        "em ", "em.", "em,", "til ", "tis ", "twas", "cause ", "n'", "n’", "bout ", "round ",
    ];
    if rest.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return true;
    }
    let head = rest
        .char_indices()
        .nth(6)
        .map_or(rest, |(six, _)| &rest[..six]);
    if head.is_ascii() {
        // Without a heap string: ASCII case folding is what `to_lowercase` does to ASCII.
        let h = head.as_bytes();
        return ELISIONS
            .iter()
            .any(|e| h.len() >= e.len() && h[..e.len()].eq_ignore_ascii_case(e.as_bytes()));
    }
    let lower = head.to_lowercase();
    ELISIONS.iter().any(|e| lower.starts_with(e))
}

fn scan_marks(view: &str, para: Span, singles_at_top: bool) -> Vec<Mark> {
    let mut out = Vec::new();
    let Some(text) = view.get(para.start..para.end) else {
        return out;
    };
    // Jump from one possible mark to the next: quotation marks are ASCII `"`, `'`, `` ` `` or
    // start with byte 0xC2 (`«` `»`) or 0xE2 (`‘’“”„‟‹›`), and neither lead byte can occur
    // inside another character. Walking every character was a tenth of the engine's time.
    let bytes = text.as_bytes();
    let mut pos = 0;
    while let Some(off) = bytes.get(pos..).and_then(|rest| {
        rest.iter()
            .position(|&b| matches!(b, b'"' | b'\'' | b'`' | 0xC2 | 0xE2))
    }) {
        let i = pos + off;
        let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        pos = i + c.len_utf8();
        // The character before the mark (the last one a character walk would have seen).
        let prev = text[..i].chars().next_back();
        let next = text[pos..].chars().next();
        let kind = match (c, next) {
            ('"', _) => Some((Level::Double, Dir::Either, 1)),
            ('\'', Some('\'')) => Some((Level::Double, Dir::Either, 2)),
            // Two backticks open a quotation (TeX style); three or more fence code.
            ('`', Some('`')) if !text[i..].starts_with("```") && prev != Some('`') => {
                Some((Level::Double, Dir::Open, 2))
            }
            ('‘', Some('‘')) => Some((Level::Double, Dir::Open, 2)),
            ('’', Some('’')) => Some((Level::Double, Dir::Close, 2)),
            ('“' | '„' | '‟' | '«', _) => Some((Level::Double, Dir::Open, 1)),
            ('”' | '»', _) => Some((Level::Double, Dir::Close, 1)),
            ('‘' | '‹', _) => Some((Level::Single, Dir::Open, 1)),
            ('’' | '›', _) => Some((Level::Single, Dir::Close, 1)),
            ('\'', _) => Some((Level::Single, Dir::Either, 1)),
            _ => None,
        };
        let Some((level, dir, nchars)) = kind else {
            continue;
        };
        let mut end = pos;
        if nchars == 2 {
            if let Some(d) = next {
                end += d.len_utf8();
            }
        }
        pos = end;
        let after = text[end..].chars().next();
        let can_open =
            after.is_some_and(|a| !a.is_whitespace()) && prev.is_none_or(is_opening_context);
        let can_close =
            prev.is_some_and(|p| !p.is_whitespace()) && after.is_none_or(is_closing_context);
        if level == Level::Single {
            let intra = text[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && after.is_some_and(char::is_alphanumeric);
            if intra || (can_open && !can_close && is_elision(&text[end..])) {
                continue;
            }
            // Without single marks at the top level, a straight or closing single mark can
            // only be an apostrophe or a nested quote.
            if !singles_at_top && dir == Dir::Open && !can_open {
                continue;
            }
        }
        out.push(Mark {
            span: Span::new(para.start + i, para.start + end),
            level,
            dir,
            can_open,
            can_close,
        });
    }
    out
}

/// Whether a paragraph opens with a double quotation mark (a running quote's next part).
pub fn opens_with_mark(view: &str, para: Span) -> bool {
    let marks = scan_marks(view, para, false);
    marks.first().is_some_and(|m| {
        m.level == Level::Double && m.span.start == para.start && m.dir != Dir::Close
    })
}

struct Open {
    level: Level,
    start: usize,
    nested: usize,
}

/// What pairing reads from one paragraph alone, which `memo` may keep between analyses.
pub trait Paragraphs {
    /// The quotations of `para` ([`paragraph_pairs`]).
    fn pairs(&mut self, view: &str, para: Span) -> ParagraphPairs;
    /// Whether `para` opens with a double mark ([`opens_with_mark`]).
    fn opens_with_mark(&mut self, view: &str, para: Span) -> bool;
}

/// Pairs the marks of every paragraph.
#[cfg(test)]
pub fn pair(view: &str, paragraphs: &[Span]) -> Pairing {
    pair_with(view, paragraphs, &mut super::memo::Memo::off())
}

/// The quotations of one paragraph, read on its own.
pub fn paragraph_pairs(view: &str, para: Span) -> ParagraphPairs {
    let result = pair_paragraph(view, para, true);
    if result.dropped_single {
        // A top-level single mark never closed was an apostrophe after all; pair again
        // without top-level singles so that what it swallowed is seen.
        return pair_paragraph(view, para, false);
    }
    result
}

/// Pairs the marks of every paragraph, each read through `reader`; links running quotes
/// across paragraphs.
pub fn pair_with(view: &str, paragraphs: &[Span], reader: &mut impl Paragraphs) -> Pairing {
    let mut out = Pairing::default();
    let mut group = 0usize;
    // A running quote carried into the next paragraph: its group.
    let mut running: Option<usize> = None;
    for (pi, &para) in paragraphs.iter().enumerate() {
        let result = reader.pairs(view, para);
        for (k, (span, inner, closed, nested)) in result.quotes.into_iter().enumerate() {
            let g = match (k, running) {
                (0, Some(g)) if span.start == para.start => g,
                _ => {
                    group += 1;
                    group
                }
            };
            out.quotes.push(Found {
                span,
                inner,
                paragraph: pi,
                group: g,
                closed,
                nested,
            });
        }
        running = None;
        if let Some(open) = result.open_at_end {
            let continues = paragraphs
                .get(pi + 1)
                .is_some_and(|&next| reader.opens_with_mark(view, next));
            let g = out.quotes.last().map_or(0, |q| q.group);
            if continues {
                running = Some(g);
            } else {
                out.unclosed.push(open);
            }
        }
    }
    out
}

#[derive(Clone)]
pub struct ParagraphPairs {
    /// (span, inner, closed, nested)
    quotes: Vec<(Span, Span, bool, usize)>,
    /// The opening mark of a double quotation still open at the end.
    open_at_end: Option<Span>,
    dropped_single: bool,
}

impl ParagraphPairs {
    /// The same quotations with every offset passed through `to` (a paragraph that moved).
    pub fn moved(&self, to: impl Fn(usize) -> usize) -> ParagraphPairs {
        let span = |s: Span| Span::new(to(s.start), to(s.end));
        ParagraphPairs {
            quotes: self
                .quotes
                .iter()
                .map(|&(q, inner, closed, nested)| (span(q), span(inner), closed, nested))
                .collect(),
            open_at_end: self.open_at_end.map(span),
            dropped_single: self.dropped_single,
        }
    }
}

fn pair_paragraph(view: &str, para: Span, singles_at_top: bool) -> ParagraphPairs {
    let marks = scan_marks(view, para, singles_at_top);
    let mut quotes = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut open_marks: Vec<Span> = Vec::new();
    let emit = |open: &Open, open_mark: Span, close: Option<Span>, quotes: &mut Vec<_>| {
        let (end, inner_end, closed) = match close {
            Some(c) => (c.end, c.start, true),
            None => (para.end, para.end, false),
        };
        quotes.push((
            Span::new(open.start, end),
            Span::new(open_mark.end, inner_end.max(open_mark.end)),
            closed,
            open.nested,
        ));
    };
    for m in marks {
        let top = stack.last().map(|o| o.level);
        let closes = m.dir == Dir::Close
            || (m.dir == Dir::Either && (m.can_close || !m.can_open))
            || (m.dir == Dir::Open && m.can_close && !m.can_open);
        if top == Some(m.level) && closes {
            let (Some(open), Some(open_mark)) = (stack.pop(), open_marks.pop()) else {
                continue;
            };
            match stack.last_mut() {
                Some(outer) => outer.nested += 1,
                None => emit(&open, open_mark, Some(m.span), &mut quotes),
            }
            continue;
        }
        let opens = match m.dir {
            Dir::Open => m.can_open || !m.can_close,
            Dir::Either => m.can_open,
            // A closing curly mark with nothing open, used where an opening one belongs.
            Dir::Close => {
                stack.is_empty() && m.level == Level::Double && m.can_open && !m.can_close
            }
        };
        if m.level == Level::Double && stack.iter().any(|o| o.level == Level::Double) {
            // A double mark while a double quotation is open below a single one: the single
            // mark was an apostrophe or is unclosed; close back to the double quotation.
            if closes || !opens {
                while stack.last().is_some_and(|o| o.level != Level::Double) {
                    stack.pop();
                    open_marks.pop();
                }
                if let (Some(open), Some(open_mark)) = (stack.pop(), open_marks.pop()) {
                    match stack.last_mut() {
                        Some(outer) => outer.nested += 1,
                        None => emit(&open, open_mark, Some(m.span), &mut quotes),
                    }
                }
                continue;
            }
            if stack.len() == 1 {
                // A second opening double mark at the top level: the first one was never
                // closed. Keep it as an unclosed quotation ending here and start afresh.
                if let (Some(open), Some(open_mark)) = (stack.pop(), open_marks.pop()) {
                    quotes.push((
                        Span::new(open.start, m.span.start),
                        Span::new(open_mark.end, m.span.start.max(open_mark.end)),
                        false,
                        open.nested,
                    ));
                }
            }
        }
        if opens && stack.len() < 3 {
            if m.level == Level::Single && stack.is_empty() && !singles_at_top {
                continue;
            }
            stack.push(Open {
                level: m.level,
                start: m.span.start,
                nested: 0,
            });
            open_marks.push(m.span);
        }
    }
    let mut open_at_end = None;
    let mut dropped_single = false;
    if let (Some(bottom), Some(&bottom_mark)) = (stack.first(), open_marks.first()) {
        match bottom.level {
            Level::Double => {
                emit(bottom, bottom_mark, None, &mut quotes);
                open_at_end = Some(bottom_mark);
            }
            Level::Single => dropped_single = true,
        }
    }
    // Quotations come out in the order they closed; text order is what everyone wants.
    quotes.sort_by_key(|q| q.0.start);
    ParagraphPairs {
        quotes,
        open_at_end,
        dropped_single,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::document::{prose, Prose};
    use crate::analysis::model::DocKind;

    fn quotes(text: &str) -> (Vec<String>, usize) {
        let Prose { view, paragraphs } = prose(text, DocKind::Text);
        let p = pair(&view, &paragraphs);
        (
            p.quotes
                .iter()
                .map(|q| {
                    let mut s = q.span.text(text).to_string();
                    if !q.closed {
                        s.push('…');
                    }
                    s
                })
                .collect(),
            p.unclosed.len(),
        )
    }

    #[test]
    fn straight_and_curly_double_quotes() {
        assert_eq!(
            quotes("\"Yes,\" he said. “No,” she said. ''Maybe,'' they said."),
            (
                vec!["\"Yes,\"".into(), "“No,”".into(), "''Maybe,''".into()],
                0
            )
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let (q, unclosed) = quotes(
            "Russia's troops don't stop in the '90s, the students’ union said, rock 'n' roll.",
        );
        assert!(q.is_empty(), "{q:?}");
        assert_eq!(unclosed, 0);
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        let text = "\"He told me 'never again' and 'don't,'\" she said.";
        let Prose { view, paragraphs } = prose(text, DocKind::Text);
        let p = pair(&view, &paragraphs);
        assert_eq!(p.quotes.len(), 1);
        assert_eq!(p.quotes[0].nested, 2);
        assert_eq!(p.quotes[0].span.text(text), &text[..39]);
    }

    #[test]
    fn top_level_single_quotes_in_headlines() {
        let (q, _) =
            quotes("Graham: Trump’s ‘Incredibly Hateful Rhetoric’ Destroying GOP’s Chance");
        assert_eq!(q, ["‘Incredibly Hateful Rhetoric’"]);
    }

    #[test]
    fn running_quote_is_one_group() {
        let text = "\"First part,\" she said. \"Still going.\n\n\"And the end.\"\n\nAfter.";
        let Prose { view, paragraphs } = prose(text, DocKind::Text);
        let p = pair(&view, &paragraphs);
        assert_eq!(p.quotes.len(), 3);
        assert!(p.unclosed.is_empty());
        assert!(!p.quotes[1].closed);
        assert_eq!(p.quotes[1].group, p.quotes[2].group);
        assert_ne!(p.quotes[0].group, p.quotes[1].group);
        assert_eq!(p.quotes[1].span.text(text), "\"Still going.");
    }

    #[test]
    fn unclosed_quote_is_reported_at_its_opening_mark() {
        let (q, unclosed) = quotes("He said \"we will win.\n\nThe next paragraph.");
        assert_eq!(q, ["\"we will win.…"]);
        assert_eq!(unclosed, 1);
    }

    #[test]
    fn misused_mixed_marks_still_pair() {
        assert_eq!(quotes("a “question’’ that").0, ["“question’’"]);
        assert_eq!(quotes("\"Quoted,” he said").0, ["\"Quoted,”"]);
        assert_eq!(quotes("«Oui», dit-il.").0, ["«Oui»"]);
    }
}
