//! Display matter: the headline, the decks under it and pull quotes. What they quote must
//! already be in the story (or the sources), from the same speaker: a reader who sees a quote
//! in large type takes it as the story's.
//!
//! - Markdown: the first heading is the headline; headings and wholly emphasised lines
//!   (`*…*`, `_…_`) right after it, before the story starts, are decks; every block quote
//!   (`> `) is a pull quote.
//! - Plain text: a first paragraph of one short line that does not end like a sentence is the
//!   headline (when a story follows), and up to two such lines after it are decks.

use crate::analysis::{Analysis, DocKind, Span};

/// What kind of display matter a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Display {
    Headline,
    Deck,
    PullQuote,
}

impl Display {
    pub const fn as_str(self) -> &'static str {
        match self {
            Display::Headline => "headline",
            Display::Deck => "deck",
            Display::PullQuote => "pull quote",
        }
    }
}

/// For each paragraph of `analysis`, the display matter it is, if any.
pub fn paragraphs(text: &str, analysis: &Analysis) -> Vec<Option<Display>> {
    match analysis.kind {
        DocKind::Markdown => markdown(text, analysis),
        DocKind::Text => plain(text, analysis),
    }
}

/// The line holding `at`, without its line end, and the offset where it starts.
fn line_at(text: &str, at: usize) -> (usize, &str) {
    let at = at.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    (start, text[start..end].trim_end_matches('\r'))
}

/// The line's text after up to three spaces of indentation.
fn unindented(line: &str) -> &str {
    let spaces = line.len() - line.trim_start_matches(' ').len();
    if spaces <= 3 {
        &line[spaces..]
    } else {
        line
    }
}

fn is_heading(text: &str, span: Span) -> bool {
    let (_, first) = line_at(text, span.start);
    if unindented(first).starts_with('#') {
        return true;
    }
    // A setext heading: the line after the paragraph is all `=` or `-`.
    let end = span.end.min(text.len());
    let next = text[end..]
        .split_once('\n')
        .map(|(_, rest)| rest.lines().next().unwrap_or(""))
        .unwrap_or("");
    let next = next.trim();
    !next.is_empty()
        && (next.chars().all(|c| c == '=') || next.chars().all(|c| c == '-'))
        && !text[span.start..end].contains('\n')
}

fn is_block_quote(text: &str, span: Span) -> bool {
    let (_, line) = line_at(text, span.start);
    unindented(line).starts_with('>')
}

/// A paragraph whose whole text is emphasised: `*Putin: "We won"*`.
fn is_emphasised(text: &str, span: Span) -> bool {
    let (start, line) = line_at(text, span.start);
    let line = unindented(line).trim_end();
    let _ = start;
    ["***", "**", "*", "___", "__", "_"]
        .into_iter()
        .any(|e| line.len() > 2 * e.len() && line.starts_with(e) && line.ends_with(e))
}

fn markdown(text: &str, analysis: &Analysis) -> Vec<Option<Display>> {
    let mut out = vec![None; analysis.paragraphs.len()];
    let mut headline_seen = false;
    let mut in_decks = false;
    for (i, p) in analysis.paragraphs.iter().enumerate() {
        if is_block_quote(text, p.span) {
            out[i] = Some(Display::PullQuote);
            continue;
        }
        let heading = is_heading(text, p.span);
        if heading && !headline_seen {
            headline_seen = true;
            in_decks = true;
            out[i] = Some(Display::Headline);
        } else if in_decks && (heading || is_emphasised(text, p.span)) {
            out[i] = Some(Display::Deck);
        } else {
            in_decks = false;
        }
    }
    out
}

/// A short single line that does not end like a sentence.
fn is_display_line(text: &str, span: Span, max_words: usize) -> bool {
    let t = span.text(text).trim();
    if t.is_empty() || t.contains('\n') || t.split_whitespace().count() > max_words {
        return false;
    }
    let bare = t.trim_end_matches(['"', '”', '’', '\'', '»', ')']);
    !bare.ends_with(['.', '!', '?', ':', ';', ','])
}

fn plain(text: &str, analysis: &Analysis) -> Vec<Option<Display>> {
    let ps = &analysis.paragraphs;
    let mut out = vec![None; ps.len()];
    if ps.len() < 3 || !is_display_line(text, ps[0].span, 25) {
        return out;
    }
    out[0] = Some(Display::Headline);
    for i in 1..ps.len().min(3) {
        if i + 1 < ps.len() && is_display_line(text, ps[i].span, 40) {
            out[i] = Some(Display::Deck);
        } else {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    fn kinds(text: &str, kind: DocKind) -> Vec<&'static str> {
        let a = analyze(text, kind);
        paragraphs(text, &a)
            .into_iter()
            .map(|d| d.map_or("-", Display::as_str))
            .collect()
    }

    #[test]
    fn markdown_headline_decks_and_pull_quotes() {
        let text = "# Putin: \"We won\"\n\n## Talks any time, he says\n\n*A deck in italics*\n\n\
                    The story starts here.\n\n> \"We won,\" Putin said.\n\n## A subhead\n\nMore.\n";
        assert_eq!(
            kinds(text, DocKind::Markdown),
            ["headline", "deck", "deck", "-", "pull quote", "-", "-"]
        );
        let setext = "Putin: \"We won\"\n===\n\nStory.\n";
        assert_eq!(kinds(setext, DocKind::Markdown), ["headline", "-"]);
    }

    #[test]
    fn plain_text_headline_and_decks() {
        let text =
            "Putin: 'We won'\n\nA deck without a period\n\nThe story begins.\n\nMore story.\n";
        assert_eq!(kinds(text, DocKind::Text), ["headline", "deck", "-", "-"]);
        let lede = "Putin said on Monday that he won.\n\nMore.\n\nMore.\n";
        assert_eq!(kinds(lede, DocKind::Text), ["-", "-", "-"]);
        assert_eq!(kinds("Short\n\nStory.\n", DocKind::Text), ["-", "-"]);
    }
}
