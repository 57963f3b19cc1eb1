//! Request handlers: one module per LSP feature, each a plain function from a [`Ctx`] (one
//! analysed version of a document) and the request's parameters to the response.
//!
//! Handlers are synchronous and pure, so they are easy to test on hand-made analyses and easy
//! to guard with `catch_unwind` in `server.rs`. What several features share — the name to
//! use for a speaker, a quote's first words, which speaker a place in the text is about —
//! lives here so hover, outline and hints never disagree.

pub mod code_action;
pub mod code_lens;
pub mod diagnostics;
pub mod execute_command;
pub mod hover;
pub mod inlay;
pub mod navigation;
pub mod provenance;
pub mod stats;
pub mod symbols;

use super::config::Settings;
use super::documents::Snapshot;
use super::position::Encoding;
use crate::analysis::{Analysis, LoadedVerbs, Span, Speaker, SpeakerKind};
use crate::sourcing::Article;

/// What a handler reads.
pub struct Ctx<'a> {
    pub snap: &'a Snapshot,
    pub enc: Encoding,
    pub settings: &'a Settings,
}

impl Ctx<'_> {
    pub fn analysis(&self) -> &Analysis {
        &self.snap.analysis
    }
    pub fn text(&self) -> &str {
        &self.snap.text
    }
}

/// The sourcing tables of the snapshot's document, as `saidso report` makes them: under the
/// project's house style, with the policy findings the editor would show.
pub fn article_of(ctx: &Ctx) -> Article {
    let options = ctx.snap.project.config.options();
    let id = ctx.snap.uri.to_file_path().map_or_else(
        || ctx.snap.uri.as_str().to_string(),
        |p| p.display().to_string(),
    );
    let mut article = Article::from_analysis(
        id,
        ctx.text(),
        ctx.snap.kind,
        ctx.analysis(),
        &LoadedVerbs::new(&options),
    );
    // The policy findings whose rule the editor's settings leave on.
    article.policy = ctx
        .analysis()
        .findings
        .iter()
        .filter(|f| f.rule.id().starts_with("policy-"))
        .filter(|f| diagnostics::diagnostic(ctx, f).is_some())
        .map(|f| f.message.clone())
        .collect();
    article
}

/// Words that name a speaker only through an earlier mention.
pub fn is_pronoun(word: &str) -> bool {
    matches!(
        word.trim().to_lowercase().as_str(),
        "he" | "she" | "they" | "it" | "him" | "her" | "them" | "we" | "i"
    )
}

/// Name suffixes that are not surnames.
const SUFFIXES: &[&str] = &["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"];

/// How a later reference names a speaker, as a news story would: surname for a person
/// (`Putin`), the name for an organisation, and `the …` for a description (`a White House
/// official` → `the White House official`).
pub fn short_name(speaker: &Speaker) -> String {
    let name = speaker.name.trim();
    match speaker.kind {
        SpeakerKind::Person => {
            let words: Vec<&str> = name
                .split_whitespace()
                .map(|w| w.trim_end_matches(','))
                .filter(|w| !SUFFIXES.contains(&w.to_lowercase().as_str()))
                .collect();
            words
                .last()
                .map_or_else(|| name.to_owned(), |w| (*w).to_owned())
        }
        SpeakerKind::Organization => name.to_owned(),
        SpeakerKind::Nominal => {
            let lower = name.to_lowercase();
            for article in ["a ", "an "] {
                if lower.starts_with(article) {
                    return format!("the {}", &name[article.len()..]);
                }
            }
            name.to_owned()
        }
    }
}

/// The first `max_words` words of a span's text, on one line, with `…` when cut.
pub fn excerpt(text: &str, span: Span, max_words: usize) -> String {
    let words: Vec<&str> = span.text(text).split_whitespace().collect();
    let mut out = words
        .iter()
        .take(max_words)
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    if words.len() > max_words {
        out.push('…');
    }
    out
}

/// The index of the paragraph holding `offset` (or the last one starting before it).
pub fn paragraph_index(analysis: &Analysis, offset: usize) -> Option<usize> {
    let after = analysis
        .paragraphs
        .partition_point(|p| p.span.start <= offset);
    after.checked_sub(1)
}

/// Which speaker a place in the text is about: a mention of them, or a quote attributed to
/// them. Mentions win, being the smaller target.
pub fn speaker_at(analysis: &Analysis, offset: usize) -> Option<usize> {
    if let Some((index, _)) = analysis.speaker_at(offset) {
        return Some(index);
    }
    let (_, quote) = analysis.quote_at(offset)?;
    quote.attribution.as_ref().map(|a| a.speaker)
}

/// Capitalises the first letter (for a name put at the start of a sentence).
pub fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
pub(crate) mod fixture;

#[cfg(test)]
mod tests {
    use super::*;

    fn speaker(name: &str, kind: SpeakerKind) -> Speaker {
        Speaker {
            name: name.into(),
            kind,
            role: None,
            gender: None,
            gender_evidence: None,
            first: Span::default(),
            mentions: vec![],
        }
    }

    #[test]
    fn short_names_follow_later_reference_style() {
        assert_eq!(
            short_name(&speaker("Vladimir Putin", SpeakerKind::Person)),
            "Putin"
        );
        assert_eq!(
            short_name(&speaker("Martin Luther King Jr.", SpeakerKind::Person)),
            "King"
        );
        assert_eq!(
            short_name(&speaker("the Kremlin", SpeakerKind::Organization)),
            "the Kremlin"
        );
        assert_eq!(
            short_name(&speaker("a White House official", SpeakerKind::Nominal)),
            "the White House official"
        );
    }

    #[test]
    fn excerpts_cut_at_words() {
        let text = "one two three four";
        assert_eq!(excerpt(text, Span::new(0, text.len()), 2), "one two…");
        assert_eq!(excerpt(text, Span::new(0, 7), 8), "one two");
    }
}
