//! Did they really say it? A draft's quotes checked against the interview notes and transcripts
//! they came from.
//!
//! Pure, like the engine: texts in, a [`Report`] out; byte ranges only, no I/O, no LSP types,
//! never fails and never panics. Reading the source files is the caller's business
//! (`config::sources`); the quotes and their speakers come from [`crate::analysis`].
//!
//! - `transcript`: a source read as turns with speakers (`PUTIN:`, `Q:`/`A:`, notes);
//! - `normalize`: words compared regardless of case, punctuation and marks, with offsets;
//! - `index`: each source's words indexed once per version;
//! - `pattern`: a quote read as words plus the writer's marked edits (ellipses, brackets);
//! - `align`: where a quote's words are in a source and how they differ;
//! - `verdict`: what that means for the quote (found, altered, missing; whose words);
//! - `messages`: the findings, their diffs and the "Use the source's words" fix;
//! - `display`: headlines, decks and pull quotes, which must quote the story.

pub mod align;
pub mod display;
pub mod index;
mod messages;
pub mod normalize;
pub mod pattern;
pub mod transcript;
mod verdict;

use crate::analysis::{Analysis, Finding, QuoteKind, Span, SpeakerKind};
use index::Index;
use pattern::Pattern;
use rustc_hash::FxHashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use transcript::{Turn, Who};

pub use display::Display;
pub use messages::Change;
pub use verdict::{SpeakerCheck, Words};

/// A source (a transcript or notes), read into turns and indexed, once per version.
#[derive(Debug)]
pub struct Source {
    /// How messages name it: the path as the user wrote it, or `the story`.
    pub name: String,
    pub text: String,
    pub turns: Vec<Turn>,
    pub index: Index,
    /// For the story's own quotes used as a source: the draft span of each turn's quote.
    origins: Vec<Span>,
    line_starts: Vec<usize>,
    /// Distinguishes this version of the source from every other one, for [`Cache`].
    id: u64,
}

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

impl Source {
    /// Reads and indexes a source.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Source {
        let text = text.into();
        let turns = transcript::turns(&text);
        Source::from_turns(name.into(), text, turns, Vec::new())
    }

    fn from_turns(name: String, text: String, turns: Vec<Turn>, origins: Vec<Span>) -> Source {
        let index = Index::new(&text, &turns);
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Source {
            name,
            text,
            turns,
            index,
            origins,
            line_starts,
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// What tells this version of the source from every other (a new one per [`Source::new`]).
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The 1-based line of a byte offset.
    pub fn line_of(&self, at: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= at).max(1)
    }

    /// The story's body quotes as a source, each quote a turn of its speaker, so display
    /// matter can be checked against the story with the same matcher.
    fn story(text: &str, analysis: &Analysis, body: &[usize]) -> Source {
        let mut joined = String::new();
        let mut turns = Vec::new();
        let mut origins = Vec::new();
        for &qi in body {
            let Some(q) = analysis.quotes.get(qi) else {
                continue;
            };
            let start = joined.len();
            joined.push_str(q.inner.text(text));
            let (who, label) = match q
                .attribution
                .as_ref()
                .and_then(|a| analysis.speakers.get(a.speaker))
            {
                Some(s) if s.kind == SpeakerKind::Person => {
                    (Who::Named(s.name.clone()), s.name.clone())
                }
                Some(s) => (Who::Role(s.name.clone()), s.name.clone()),
                None => (Who::Unnamed, String::new()),
            };
            turns.push(Turn {
                who,
                label,
                role: None,
                body: Span::new(start, joined.len()),
            });
            origins.push(q.span);
            joined.push('\n');
        }
        Source::from_turns("the story".into(), joined, turns, origins)
    }
}

/// Where a quote's words are: a stretch of one source.
#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    /// Index into the sources given to [`verify`]; `None` for the story itself.
    pub source: Option<usize>,
    /// The source's name (`notes/lopez.txt`, `the story`).
    pub name: String,
    /// Byte range in the source text.
    pub span: Span,
    /// 1-based line of its start in the source.
    pub line: usize,
    /// The speakers' labels as the source writes them (`PUTIN`, `Q`); empty for none. Two or
    /// more when the words run across turns.
    pub speakers: Vec<String>,
    /// The passage's words, on one line.
    pub text: String,
    /// For the story: the quote in the draft the words are from.
    pub origin: Option<Span>,
}

/// What saidso found out about one quote of the draft.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteCheck {
    /// Index into [`Analysis::quotes`].
    pub quote: usize,
    pub span: Span,
    pub inner: Span,
    pub kind: QuoteKind,
    /// The draft's speaker for it, if any.
    pub speaker: Option<String>,
    /// Headline, deck or pull quote.
    pub display: Option<Display>,
    pub words: Words,
    pub speaker_check: SpeakerCheck,
    /// The passage the verdict is about: where the words are, or the closest one.
    pub passage: Option<Passage>,
    /// Other passages with the same words, for an ambiguous or mismatched speaker.
    pub others: Vec<Passage>,
    /// How the draft's words differ from the passage's (empty when found verbatim).
    pub changes: Vec<Change>,
}

/// Every checked quote, and the findings they give.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub checks: Vec<QuoteCheck>,
    /// Findings of the verify rules with their default severities, in text order.
    pub findings: Vec<Finding>,
}

/// What a quote's words matched, independent of where the quote is in the draft and of its
/// speaker, so it can be kept while the writer edits elsewhere.
#[derive(Debug)]
pub struct Placed {
    pattern: Pattern,
    /// The best alignments over all sources, with the source index: every one at the lowest
    /// cost found (the same words may be in several places), best first.
    alignments: Vec<(usize, align::Alignment)>,
}

/// Placements of quotes by their words, for one list of sources. A language server keeps one
/// per source set and verifies again only quotes whose words changed.
#[derive(Debug, Default)]
pub struct Cache {
    sources: Vec<u64>,
    placed: FxHashMap<String, Arc<Placed>>,
}

/// A cache grows with every distinct quote text typed; past this it starts over.
const CACHE_LIMIT: usize = 10_000;

impl Cache {
    pub fn new() -> Cache {
        Cache::default()
    }

    /// How many quote texts are remembered.
    pub fn len(&self) -> usize {
        self.placed.len()
    }

    pub fn is_empty(&self) -> bool {
        self.placed.is_empty()
    }

    fn placed(&mut self, words: &str, sources: &[&Source]) -> Arc<Placed> {
        let ids: Vec<u64> = sources.iter().map(|s| s.id).collect();
        if self.sources != ids || self.placed.len() > CACHE_LIMIT {
            self.placed.clear();
            self.sources = ids;
        }
        if let Some(p) = self.placed.get(words) {
            return p.clone();
        }
        let p = Arc::new(place(words, sources));
        self.placed.insert(words.to_owned(), p.clone());
        p
    }
}

/// Aligns the quote `words` (its inner text) with every source.
fn place(words: &str, sources: &[&Source]) -> Placed {
    let pattern = pattern::parse(words, Span::new(0, words.len()));
    let mut alignments: Vec<(usize, align::Alignment)> = Vec::new();
    for (i, s) in sources.iter().enumerate() {
        alignments.extend(align::align(&pattern, &s.index).into_iter().map(|a| (i, a)));
    }
    alignments.sort_by_key(|(i, a)| (a.cost, std::cmp::Reverse(a.same), *i, a.range()));
    if let Some((_, best)) = alignments.first() {
        let (cost, same) = (best.cost, best.same);
        // Equally good placements stay (for the speaker check); of the rest, the best only.
        let keep = alignments
            .iter()
            .take_while(|(_, a)| a.cost == cost && a.same == same)
            .count()
            .max(1);
        alignments.truncate(keep);
    }
    Placed {
        pattern,
        alignments,
    }
}

/// Checks every speech quote of the draft (`text`, analysed as `analysis`) against `sources`.
/// Scare quotes are not speech and are skipped; display matter (headlines, decks, pull
/// quotes) is checked against the story's own quotes as well as the sources.
pub fn verify(text: &str, analysis: &Analysis, sources: &[&Source], cache: &mut Cache) -> Report {
    let display = display::paragraphs(text, analysis);
    let is_display = |qi: usize| {
        analysis
            .quotes
            .get(qi)
            .and_then(|q| display.get(q.paragraph).copied().flatten())
    };
    let speech: Vec<usize> = (0..analysis.quotes.len())
        .filter(|&qi| analysis.quotes[qi].kind.is_speech())
        .collect();
    let body: Vec<usize> = speech
        .iter()
        .copied()
        .filter(|&qi| is_display(qi).is_none())
        .collect();
    let story = speech
        .iter()
        .any(|&qi| is_display(qi).is_some())
        .then(|| Source::story(text, analysis, &body));
    let mut report = Report::default();
    for &qi in &speech {
        let q = &analysis.quotes[qi];
        let words = q.inner.text(text);
        let placed = cache.placed(words, sources);
        if placed.pattern.word_count() == 0 {
            continue;
        }
        let speaker = q
            .attribution
            .as_ref()
            .and_then(|a| analysis.speakers.get(a.speaker));
        let shown = is_display(qi);
        let mut check = verdict::judge(q, qi, speaker, &placed, sources, None);
        if let (Some(kind), Some(story)) = (shown, story.as_ref()) {
            check.display = Some(kind);
            // In display matter the story is a source too, and the better match decides.
            let in_story = place(words, &[story]);
            let from_story = verdict::judge(q, qi, speaker, &in_story, &[story], Some(story));
            if from_story.rank() < check.rank() {
                check = from_story;
                check.display = Some(kind);
            }
        }
        report.findings.extend(messages::findings(text, &check));
        report.checks.push(check);
    }
    report.findings.sort_by_key(|f| (f.span.start, f.rule));
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_know_their_lines_and_ids() {
        let a = Source::new("a.txt", "one\ntwo\n\nthree");
        let b = Source::new("a.txt", "one\ntwo\n\nthree");
        assert_ne!(a.id, b.id);
        assert_eq!(a.line_of(0), 1);
        assert_eq!(a.line_of(4), 2);
        assert_eq!(a.line_of(9), 4);
        assert_eq!(a.line_of(999), 4);
    }

    #[test]
    fn an_edit_verifies_again_only_the_quote_it_touched() {
        use crate::analysis::{analyze, DocKind};
        let source = Source::new("t.txt", "LOPEZ: We will win. We will not go.\nQ: Why?\n");
        let before = "\"We will win,\" Maria Lopez said.\n\n\"We will not go,\" Lopez said.\n";
        let after = before.replace("not go", "never go");
        let mut cache = Cache::new();
        verify(
            before,
            &analyze(before, DocKind::Text),
            &[&source],
            &mut cache,
        );
        assert_eq!(cache.len(), 2);
        let edited = verify(
            &after,
            &analyze(&after, DocKind::Text),
            &[&source],
            &mut cache,
        );
        // One new quote text placed; the untouched quote came from the cache.
        assert_eq!(cache.len(), 3);
        let fresh = verify(
            &after,
            &analyze(&after, DocKind::Text),
            &[&source],
            &mut Cache::new(),
        );
        assert_eq!(edited, fresh);
        assert_eq!(edited.checks[1].words, Words::Altered);
    }

    #[test]
    fn the_cache_answers_by_words_and_forgets_other_sources() {
        let a = Source::new("a.txt", "We will win.");
        let mut cache = Cache::new();
        let first = cache.placed("we will win", &[&a]);
        assert!(Arc::ptr_eq(&first, &cache.placed("we will win", &[&a])));
        assert_eq!(cache.len(), 1);
        let b = Source::new("a.txt", "We will win.");
        let again = cache.placed("we will win", &[&b]);
        assert!(!Arc::ptr_eq(&first, &again));
        assert_eq!(cache.len(), 1);
    }
}
