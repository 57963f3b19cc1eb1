//! Document structure: which bytes are prose, and where paragraphs begin and end.
//!
//! The engine reads a *prose view* of the document: a string of exactly the same length as the
//! source in which everything that is not prose (Markdown syntax, code, HTML, link targets,
//! front matter) is blanked to ASCII spaces. Offsets in the view are offsets in the source, so no
//! later stage has to map positions back; and blanking keeps the view valid UTF-8 because every
//! blanked character becomes as many spaces as it had bytes.
//!
//! Paragraphs come from pulldown-cmark's blocks for Markdown, and from blank lines for plain text
//! — or from single line breaks when the text is not hard-wrapped (web copy often puts each
//! paragraph on one long line with no blank line between).

use super::model::{DocKind, Span};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::borrow::Cow;

/// The prose of a document, position-aligned with the source.
pub struct Prose<'a> {
    /// Same length as the source; non-prose blanked to spaces.
    pub view: Cow<'a, str>,
    /// Paragraph spans, trimmed of surrounding whitespace, in order, never empty.
    pub paragraphs: Vec<Span>,
}

pub fn prose(text: &str, kind: DocKind) -> Prose<'_> {
    match kind {
        DocKind::Text => Prose {
            view: blank_directive_lines(text),
            paragraphs: text_paragraphs(text),
        },
        DocKind::Markdown => markdown_prose(text),
    }
}

/// Lines longer than this are not hard-wrapped prose: each such line is a paragraph.
const WRAP_WIDTH: usize = 100;

fn text_paragraphs(text: &str) -> Vec<Span> {
    // Split into lines, then group consecutive non-blank lines. A single line break ends a
    // paragraph too when the text is not hard-wrapped: when either line is long, since a
    // hard-wrapped paragraph's lines are all short.
    let mut out = Vec::new();
    let mut current: Option<Span> = None;
    let mut prev_len = 0usize;
    let mut pos = 0usize;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        // A suppression comment on a line of its own (`# saidso-disable-next-line …`) is an
        // instruction to the linter, not prose: it must not start, end or split a paragraph
        // (an editor's "ignore" action inserts one inside a hard-wrapped paragraph), so it is
        // skipped as if it were not there; `blank_directive_lines` hides its words.
        if is_directive_line(trimmed) {
            continue;
        }
        if trimmed.is_empty() {
            if let Some(p) = current.take() {
                out.push(p);
            }
            prev_len = 0;
            continue;
        }
        let lead = content.len() - content.trim_start().len();
        let span = Span::new(start + lead, start + content.trim_end().len());
        let long = content.chars().count() > WRAP_WIDTH || prev_len > WRAP_WIDTH;
        match current {
            Some(p) if !long => current = Some(Span::new(p.start, span.end)),
            Some(p) => {
                out.push(p);
                current = Some(span);
            }
            None => current = Some(span),
        }
        prev_len = content.chars().count();
    }
    if let Some(p) = current {
        out.push(p);
    }
    out
}

/// `text` with its saidso comment lines blanked to spaces (borrowed when it has none), so no
/// later stage reads `# saidso-disable …` as the writer's words.
fn blank_directive_lines(text: &str) -> Cow<'_, str> {
    if !text.contains("saidso-") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if is_directive_line(content.trim()) {
            out.extend(std::iter::repeat_n(' ', content.len()));
            out.push_str(&line[content.len()..]);
        } else {
            out.push_str(line);
        }
    }
    Cow::Owned(out)
}

/// Whether a trimmed line of plain text is a saidso comment: `# saidso-…`, `// saidso-…` or
/// `<!-- saidso-… -->` (the forms `config::suppress` reads).
fn is_directive_line(line: &str) -> bool {
    let body = if let Some(rest) = line.strip_prefix("<!--") {
        match rest.trim_end().strip_suffix("-->") {
            Some(inner) => inner,
            None => return false,
        }
    } else if let Some(rest) = line.strip_prefix("//") {
        rest
    } else if let Some(rest) = line.strip_prefix('#') {
        rest
    } else {
        return false;
    };
    body.trim_start().starts_with("saidso-")
}

fn markdown_prose(text: &str) -> Prose<'_> {
    let mut keep = vec![false; text.len()];
    let mut paragraphs = Vec::new();
    let body = front_matter_end(text);
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_FOOTNOTES);
    let src = text.get(body..).unwrap_or("");
    let mut block: Option<usize> = None; // start of the open prose block
    let mut in_code = 0usize;
    let close_block = |paragraphs: &mut Vec<Span>, block: &mut Option<usize>, end: usize| {
        if let Some(start) = block.take() {
            paragraphs.push(Span::new(start, end));
        }
    };
    for (event, range) in Parser::new_ext(src, opts).into_offset_iter() {
        let range = Span::new(range.start + body, range.end + body);
        match event {
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::TableCell) => {
                close_block(&mut paragraphs, &mut block, range.start);
                block = Some(range.start);
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell) => {
                close_block(&mut paragraphs, &mut block, range.end);
            }
            // A list item whose text is not wrapped in a paragraph (a tight list) is a block
            // of its own.
            Event::Start(Tag::Item) => {
                close_block(&mut paragraphs, &mut block, range.start);
                block = Some(range.start);
            }
            Event::End(TagEnd::Item) => close_block(&mut paragraphs, &mut block, range.end),
            Event::Start(Tag::CodeBlock(_)) => in_code += 1,
            Event::End(TagEnd::CodeBlock) => in_code = in_code.saturating_sub(1),
            Event::Text(_) if in_code == 0 => {
                for b in &mut keep[range.start..range.end.min(text.len())] {
                    *b = true;
                }
            }
            // Link and image targets, inline code, HTML and the like stay blank: only text
            // events are prose. A break inside a paragraph is
            // whitespace in the view already (blanked newline becomes a space).
            _ => {}
        }
    }
    close_block(&mut paragraphs, &mut block, text.len());
    // Build the view: kept bytes as they are, others as spaces, newlines preserved so line
    // structure survives for diagnostics and paragraph logic.
    let mut view = String::with_capacity(text.len());
    for (i, ch) in text.char_indices() {
        if keep[i] || ch == '\n' {
            view.push(ch);
        } else {
            for _ in 0..ch.len_utf8() {
                view.push(' ');
            }
        }
    }
    // Trim each block to the prose it holds; drop blocks with none.
    let paragraphs = paragraphs
        .into_iter()
        .filter_map(|p| trim_span(&view, p))
        .collect();
    Prose {
        view: Cow::Owned(view),
        paragraphs,
    }
}

/// The byte offset after a YAML (`---`) or TOML (`+++`) front matter block, or 0.
fn front_matter_end(text: &str) -> usize {
    for fence in ["---", "+++"] {
        let Some(rest) = text.strip_prefix(fence) else {
            continue;
        };
        if !(rest.starts_with('\n') || rest.starts_with("\r\n")) {
            continue;
        }
        let mut pos = fence.len();
        for line in rest.split_inclusive('\n') {
            pos += line.len();
            if pos > fence.len() + line.len() && line.trim_end() == fence {
                return pos;
            }
        }
    }
    0
}

/// `span` without leading and trailing whitespace of `view`; None when nothing is left.
pub fn trim_span(view: &str, span: Span) -> Option<Span> {
    let s = view.get(span.start..span.end)?;
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.start + s.trim_end().len();
    (start < end).then_some(Span::new(start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str, kind: DocKind) -> Vec<String> {
        let p = prose(text, kind);
        p.paragraphs
            .iter()
            .map(|s| {
                s.text(&p.view)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn blank_lines_separate_hard_wrapped_paragraphs() {
        let text = "One line\nwrapped here.\n\n\nTwo.\r\n\r\nThree\r\n";
        assert_eq!(
            paras(text, DocKind::Text),
            ["One line wrapped here.", "Two.", "Three"]
        );
    }

    #[test]
    fn suppression_comments_are_not_prose_in_plain_text() {
        // Inside a paragraph, a directive line neither splits it nor shows in it; between
        // paragraphs it starts nothing.
        let text = "One.\n# saidso-disable-next-line unattributed-quote\n\"Two.\"\n\n\
                    // saidso-disable\n<!-- saidso-enable -->\n\nThree.\n# Not a directive";
        let p = prose(text, DocKind::Text);
        assert_eq!(p.view.len(), text.len());
        assert!(!p.view.contains("saidso"));
        assert_eq!(
            paras(text, DocKind::Text),
            ["One. \"Two.\"", "Three. # Not a directive"]
        );
    }

    #[test]
    fn long_lines_are_paragraphs_of_their_own() {
        let long = "word ".repeat(30);
        let text = format!("{long}\n{long}\nshort");
        assert_eq!(paras(&text, DocKind::Text).len(), 3);
    }

    #[test]
    fn markdown_keeps_prose_and_blanks_code_html_and_urls() {
        let text = "---\ntitle: \"x\"\n---\n# Head \"line\"\n\nSee [the \"site\"](http://a.b/\"q\") and `\"code\"`.\n\n```\n\"quoted\" code\n```\n\n<!-- \"hidden\" -->\n\n- item \"one\"\n";
        let p = prose(text, DocKind::Markdown);
        assert_eq!(p.view.len(), text.len());
        assert!(!p.view.contains("title"));
        assert!(!p.view.contains("http"));
        assert!(!p.view.contains("code"));
        assert!(!p.view.contains("hidden"));
        assert_eq!(
            paras(text, DocKind::Markdown),
            ["Head \"line\"", "See the \"site\" and .", "item \"one\""]
        );
    }

    #[test]
    fn view_is_aligned_with_multibyte_source() {
        let text = "*“Tak,”* said **Łukasz** — 🙂 `ü`";
        let p = prose(text, DocKind::Markdown);
        assert_eq!(p.view.len(), text.len());
        let at = text.find("Łukasz").unwrap_or(0);
        assert!(p.view[at..].starts_with("Łukasz"));
    }
}
