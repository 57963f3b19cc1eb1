//! A quotation read as what it promises about the source: words said in this order, except
//! where the writer marked an edit.
//!
//! - An ellipsis (`…`, `...`, `. . .`, `[…]`) says words were left out there: any number of the
//!   source's words may be skipped, so the quote splits into segments matched in order.
//! - A bracketed insertion (`[the law]`, `[sic]`) is the writer's, not the speaker's: it may
//!   stand for a few of the source's words (`it`, `this bill`) or for none.
//! - A bracket inside a word (`[T]he`, `run[s]`) changed part of that word: the word matches
//!   any source word with the same unbracketed beginning and end.
//! - Timestamps and transcriber's notes (`(laughter)`) copied into a quote are nobody's words.
//!
//! Every item keeps its byte range in the draft, for diffs and fixes.

use super::normalize::{annotations, bracket_groups, is_word_char, merged, words};
use crate::analysis::Span;

/// One piece of a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// A word as the speaker's: it must be in the source.
    Word { norm: String, span: Span },
    /// A word the writer changed in brackets (`[T]he`): it matches a source word that starts
    /// with `prefix` and ends with `suffix`.
    Edited {
        prefix: String,
        suffix: String,
        span: Span,
    },
    /// The writer's insertion (`[the law]`): stands for up to `max_skip` source words.
    Bracket { span: Span, max_skip: usize },
}

impl Item {
    pub fn span(&self) -> Span {
        match self {
            Item::Word { span, .. } | Item::Edited { span, .. } | Item::Bracket { span, .. } => {
                *span
            }
        }
    }

    /// Whether this item is one of the speaker's words (not an insertion).
    pub fn is_word(&self) -> bool {
        !matches!(self, Item::Bracket { .. })
    }

    /// Whether a source word (normalised) matches this item.
    pub fn matches(&self, source_word: &str) -> bool {
        match self {
            Item::Word { norm, .. } => norm == source_word,
            Item::Edited { prefix, suffix, .. } => {
                source_word.starts_with(prefix.as_str())
                    && source_word.ends_with(suffix.as_str())
                    && source_word.len() >= prefix.len().max(suffix.len())
            }
            Item::Bracket { .. } => false,
        }
    }
}

/// A quote as segments between ellipses, each a run of items matched contiguously.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pattern {
    pub segments: Vec<Vec<Item>>,
}

impl Pattern {
    /// How many of the speaker's words the quote has.
    pub fn word_count(&self) -> usize {
        self.segments
            .iter()
            .flatten()
            .filter(|i| i.is_word())
            .count()
    }
}

/// Ellipses a writer uses to mark left-out words.
const ELLIPSES: &[&str] = &["[...]", "[…]", "(...)", "(…)", ". . .", "...", "…"];

/// Reads the quote whose words are `inner` (a byte range of `text`).
pub fn parse(text: &str, inner: Span) -> Pattern {
    let end = inner.end.min(text.len());
    let start = inner.start.min(end);
    let Some(slice) = text.get(start..end) else {
        return Pattern::default();
    };
    // Where the ellipses are: the quote's segments lie between them.
    let mut gaps = Vec::new();
    let mut i = 0;
    while i < slice.len() {
        match ELLIPSES.iter().find(|e| slice[i..].starts_with(**e)) {
            Some(e) => {
                // A run of dots is one ellipsis, however many (`....` at a sentence end).
                let mut len = e.len();
                while slice[i + len..].starts_with('.') || slice[i + len..].starts_with('…') {
                    len += slice[i + len..].chars().next().map_or(1, char::len_utf8);
                }
                gaps.push(Span::new(start + i, start + i + len));
                i += len;
            }
            None => i += slice[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    let mut bounds = vec![start];
    for g in &gaps {
        bounds.push(g.start);
        bounds.push(g.end);
    }
    bounds.push(end);
    let segments = bounds
        .chunks(2)
        .map(|b| segment(text, Span::new(b[0], b[1])))
        .filter(|s| !s.is_empty())
        .collect();
    Pattern { segments }
}

/// The items of one segment (no ellipsis inside).
fn segment(text: &str, span: Span) -> Vec<Item> {
    let mut skip = annotations(text, span);
    let mut items: Vec<Item> = Vec::new();
    let mut brackets = Vec::new();
    let mut glued_groups = Vec::new();
    for group in bracket_groups(text, span) {
        let before = text[..group.start].chars().next_back();
        let after = text[group.end..].chars().next();
        // A Markdown link `[words](url)`: the words are the speaker's, the target is not.
        if after == Some('(') {
            if let Some(close) = text[group.end..span.end].find(')') {
                skip.push(Span::new(group.start, group.start + 1));
                skip.push(Span::new(group.end - 1, group.end + close + 1));
                continue;
            }
        }
        let inner = &text[group.start + 1..group.end - 1];
        let glued = before.is_some_and(is_word_char) || after.is_some_and(is_word_char);
        if glued && !inner.contains(char::is_whitespace) {
            // Part of an edited word, read below from the words on either side.
            glued_groups.push(group);
            skip.push(group);
            continue;
        }
        brackets.push(group);
        skip.push(group);
    }
    let skip = merged(skip);
    items.extend(edited_words(words(text, span, &skip), glued_groups));
    for b in brackets {
        let inserted = words(text, Span::new(b.start + 1, b.end - 1), &[]).len();
        let sic = text[b.start + 1..b.end - 1]
            .trim()
            .eq_ignore_ascii_case("sic");
        items.push(Item::Bracket {
            span: b,
            max_skip: if sic { 0 } else { 2 * inserted + 3 },
        });
    }
    items.sort_by_key(|i| i.span().start);
    items
}

/// Words with brackets glued to them (`[T]he`, `run[s]`) become [`Item::Edited`]; the rest
/// [`Item::Word`]. Word boundaries are those of `found`, widened over glued brackets.
fn edited_words(found: Vec<super::normalize::Word>, groups: Vec<Span>) -> Vec<Item> {
    if groups.is_empty() {
        return found
            .into_iter()
            .map(|w| Item::Word {
                norm: w.norm,
                span: w.span,
            })
            .collect();
    }
    // Each glued group joins the words touching it into one edited word.
    let mut out: Vec<Item> = Vec::new();
    let mut words = found.into_iter().peekable();
    for g in groups {
        while let Some(w) = words.next_if(|w| w.span.start < g.start) {
            out.push(Item::Word {
                norm: w.norm,
                span: w.span,
            });
        }
        // The word just before, if it touches the group, is its prefix.
        let (prefix, start) = match out.last() {
            Some(Item::Word { norm, span }) if span.end == g.start => {
                let p = (norm.clone(), span.start);
                out.pop();
                p
            }
            Some(Item::Edited { prefix, span, .. }) if span.end == g.start => {
                let p = (prefix.clone(), span.start);
                out.pop();
                p
            }
            _ => (String::new(), g.start),
        };
        let (suffix, end) = match words.next_if(|w| w.span.start == g.end) {
            Some(w) => (w.norm, w.span.end),
            None => (String::new(), g.end),
        };
        out.push(Item::Edited {
            prefix,
            suffix,
            span: Span::new(start, end),
        });
    }
    out.extend(words.map(|w| Item::Word {
        norm: w.norm,
        span: w.span,
    }));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pattern as `word`, `~pre|suf`, `[n]` items and `/` between segments.
    fn read(quote: &str) -> String {
        let p = parse(quote, Span::new(0, quote.len()));
        p.segments
            .iter()
            .map(|s| {
                s.iter()
                    .map(|i| match i {
                        Item::Word { norm, .. } => norm.clone(),
                        Item::Edited { prefix, suffix, .. } => format!("~{prefix}|{suffix}"),
                        Item::Bracket { max_skip, .. } => format!("[{max_skip}]"),
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join(" / ")
    }

    #[test]
    fn ellipses_split_and_brackets_stand_in() {
        assert_eq!(
            read("I assure you it is not ... we have won."),
            "i assure you it is not / we have won"
        );
        assert_eq!(read("Not so…. We won [the war]."), "not so / we won [7]");
        assert_eq!(read("We [. . .] won. . . again"), "we / won / again");
        assert_eq!(read("He [sic] go"), "he [0] go");
        assert_eq!(read("[T]he law run[s] now"), "~|he law ~run| now");
        assert_eq!(
            read("see [the site](http://x.org/a) now"),
            "see the site now"
        );
        assert_eq!(read("we (laughter) won"), "we won");
        assert_eq!(read("…"), "");
    }

    #[test]
    fn edited_words_match_by_their_unbracketed_parts() {
        let p = parse("[T]he", Span::new(0, 5));
        let item = &p.segments[0][0];
        assert!(item.matches("the") && item.matches("she") && !item.matches("a"));
        assert_eq!(item.span(), Span::new(0, 5));
        assert_eq!(p.word_count(), 1);
    }

    #[test]
    fn spans_point_into_the_draft() {
        let text = "x “We won’t [ever] …go”";
        let start = text.find('W').unwrap();
        let end = text.rfind('”').unwrap();
        let p = parse(text, Span::new(start, end));
        let spans: Vec<&str> = p
            .segments
            .iter()
            .flatten()
            .map(|i| i.span().text(text))
            .collect();
        assert_eq!(spans, ["We", "won’t", "[ever]", "go"]);
    }
}
