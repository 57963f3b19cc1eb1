//! Work kept from one analysis of a document to the next, so that an edit costs the
//! sentences it touches rather than the whole document (the language server's keystrokes).
//!
//! Three stages depend on nothing but a stretch of text and the quotations in it, and are kept:
//! - a paragraph's quotation marks paired (`quotes::paragraph_pairs`) and its sentence
//!   boundaries (`sentences::split`, also keyed by its quotation spans), one entry per
//!   paragraph text;
//! - a sentence's tokens, speech cues and grammatical subject (`tokens::tokenize`,
//!   `cues::find`, `subjects::sentence_subject`), a third of the engine's time, keyed by the
//!   sentence's text and its quotation spans relative to it.
//!
//! Everything that reads across sentences — the reading walk that resolves speakers, the
//! registry of people, the style checks — runs in full every time: it is what an edit in one
//! paragraph can change anywhere else, and caching it would trade correctness for speed.
//! The result is therefore exactly that of a fresh analysis (`tests/incremental.rs` checks it
//! after random edits).
//!
//! Memory: a sentence's tokens are *moved* into the analysis and handed back afterwards
//! ([`Memo::restore`]), never copied, so a memo adds no tokens to the peak of an analysis. The
//! keys' texts are not copied either: every entry points into one copy of the previous
//! version's text. An entry not used by the latest analysis is dropped with it: the memo holds
//! one version's work.

use super::cues::{self, Cue};
use super::lexicon::ExtraVerbs;
use super::model::Span;
use super::phrases::Np;
use super::quotes::{self, ParagraphPairs};
use super::sentences;
use super::subjects;
use super::tokens::{tokenize, Tok, Token};
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::{Hash, Hasher};

/// A sentence's tokens, cues and subject, with where they were computed: `start` is the
/// sentence's byte offset and `quote_ids` the engine's numbers of its quotations, both as of
/// the last use. Its text is `len` bytes from `start` of the previous version.
struct SentenceWork {
    len: usize,
    /// Quotation spans relative to the sentence start (part of the key).
    rel_quotes: Box<[(usize, usize)]>,
    start: usize,
    quote_ids: Box<[u32]>,
    toks: Vec<Token>,
    cues: Vec<Cue>,
    /// Boxed: most sentences have one, and a phrase is large beside the rest of an entry.
    subject: Option<Box<Np>>,
}

/// The key of a sentence lent to the running analysis, to give its work back afterwards.
struct Lent {
    hash: u64,
    len: usize,
    rel_quotes: Box<[(usize, usize)]>,
    start: usize,
    quote_ids: Box<[u32]>,
    /// The subject stays with the key: the analysis gets a copy.
    subject: Option<Box<Np>>,
}

/// The tokens, cues and subject of one sentence, as the reading walk needs them.
pub struct Read {
    pub toks: Vec<Token>,
    pub cues: Vec<Cue>,
    /// `subjects::sentence_subject` over the whole sentence.
    pub subject: Option<Np>,
}

/// What was worked out for a paragraph, each part when first asked for. Its text is `len`
/// bytes from `start` (of the previous version, or of this one once used again); the pairs'
/// offsets are as of `start`.
struct ParagraphWork {
    start: usize,
    len: usize,
    pairs: Option<ParagraphPairs>,
    opens_with_mark: Option<bool>,
    split: Option<Split>,
}

/// Sentence boundaries relative to the paragraph start, for the quotation spans (relative too)
/// they were split around.
struct Split {
    rel_quotes: Box<[(usize, usize)]>,
    sentences: Box<[(usize, usize)]>,
}

/// How much of the latest analysis came from the memo.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MemoStats {
    pub sentences_reused: usize,
    pub sentences_computed: usize,
    pub paragraphs_reused: usize,
    pub paragraphs_computed: usize,
}

/// Per-document memo. [`Memo::off`] computes everything and keeps nothing (a one-shot
/// analysis such as `saidso check`).
#[derive(Default)]
pub struct Memo {
    on: bool,
    /// The text (prose view) of the previous analysis, which the entries point into.
    prev: String,
    /// Several entries per key: a document may repeat a sentence (`He declined to comment.`).
    sentences: FxHashMap<u64, Vec<SentenceWork>>,
    /// By paragraph text: the previous analysis's, and those this one has used so far.
    paragraphs: FxHashMap<u64, ParagraphWork>,
    next_paragraphs: FxHashMap<u64, ParagraphWork>,
    /// One per sentence of the running analysis, in document order; `None` when it was not
    /// memoisable.
    lent: Vec<Option<Lent>>,
    stats: MemoStats,
}

impl Memo {
    pub fn on() -> Memo {
        Memo {
            on: true,
            ..Memo::default()
        }
    }

    pub fn off() -> Memo {
        Memo::default()
    }

    pub fn stats(&self) -> MemoStats {
        self.stats
    }

    /// Forgets everything (the house style changed: cues depend on its speech verbs).
    pub fn clear(&mut self) {
        let on = self.on;
        *self = Memo {
            on,
            ..Memo::default()
        };
    }

    /// Starts an analysis.
    pub fn begin(&mut self) {
        self.lent.clear();
        self.stats = MemoStats::default();
    }

    /// The sentence spans of paragraph `para`, whose quotations are `quotes`.
    pub fn split(&mut self, view: &str, para: Span, quotes: &[Span]) -> Vec<Span> {
        let (Some(rel), Some((hash, mut work))) = (
            relative(para, quotes.iter().copied()),
            self.paragraph(view, para),
        ) else {
            return sentences::split(view, para, quotes);
        };
        match &work.split {
            Some(split) if *split.rel_quotes == *rel => self.stats.paragraphs_reused += 1,
            _ => {
                self.stats.paragraphs_computed += 1;
                let found = sentences::split(view, para, quotes);
                work.split = Some(Split {
                    rel_quotes: rel.into(),
                    sentences: found
                        .iter()
                        .map(|s| (s.start - para.start, s.end - para.start))
                        .collect(),
                });
            }
        }
        let out = work.split.as_ref().map_or_else(Vec::new, |split| {
            split
                .sentences
                .iter()
                .map(|&(a, b)| Span::new(para.start + a, para.start + b))
                .collect()
        });
        self.next_paragraphs.insert(hash, work);
        out
    }

    /// The tokens, cues and subject of `sentence`, whose quotations are `qs` (engine index,
    /// span).
    pub fn sentence(
        &mut self,
        view: &str,
        sentence: Span,
        qs: &[(usize, Span)],
        extra: &ExtraVerbs,
    ) -> Read {
        let rel = relative(sentence, qs.iter().map(|&(_, s)| s));
        let (Some(text), true, Some(rel)) = (view.get(sentence.start..sentence.end), self.on, rel)
        else {
            self.lent.push(None);
            return compute(view, sentence, qs, extra);
        };
        let hash = key(text, &rel);
        // As `tokenize` numbers them in `Tok::Quote`.
        let quote_ids: Box<[u32]> = qs
            .iter()
            .map(|&(i, _)| u32::try_from(i).unwrap_or(u32::MAX))
            .collect();
        let prev = &self.prev;
        let entries = self.sentences.get_mut(&hash);
        let hit = entries.and_then(|list| {
            let k = list.iter().position(|w| {
                *w.rel_quotes == *rel && prev.get(w.start..w.start + w.len) == Some(text)
            })?;
            Some(list.swap_remove(k))
        });
        let read = match hit {
            Some(mut work) => {
                self.stats.sentences_reused += 1;
                relocate(&mut work, sentence.start, &quote_ids);
                Read {
                    toks: work.toks,
                    cues: work.cues,
                    subject: work.subject.map(|np| *np),
                }
            }
            None => {
                self.stats.sentences_computed += 1;
                compute(view, sentence, qs, extra)
            }
        };
        self.lent.push(Some(Lent {
            hash,
            len: text.len(),
            rel_quotes: rel.into(),
            start: sentence.start,
            quote_ids,
            subject: read.subject.clone().map(Box::new),
        }));
        read
    }

    /// Ends the analysis of `view`: takes back the tokens and cues of its sentences (in the
    /// order [`Memo::sentence`] lent them) and drops whatever the analysis did not use.
    pub fn restore(&mut self, view: &str, work: impl IntoIterator<Item = (Vec<Token>, Vec<Cue>)>) {
        self.paragraphs = std::mem::take(&mut self.next_paragraphs);
        self.prev.clear();
        if self.on {
            // Into the same buffer: a keystroke rarely changes the length much.
            self.prev.push_str(view);
        }
        let mut kept: FxHashMap<u64, Vec<SentenceWork>> = FxHashMap::default();
        if self.on {
            kept.reserve(self.lent.len());
            // Drained, not taken: the list keeps its capacity for the next keystroke.
            for (lent, (mut toks, cues)) in self.lent.drain(..).zip(work) {
                let Some(l) = lent else { continue };
                // Kept tokens are most of a document's memory: no spare room (a no-op for
                // those already trimmed when first kept).
                toks.shrink_to_fit();
                kept.entry(l.hash).or_default().push(SentenceWork {
                    len: l.len,
                    rel_quotes: l.rel_quotes,
                    start: l.start,
                    quote_ids: l.quote_ids,
                    toks,
                    cues,
                    subject: l.subject,
                });
            }
        }
        self.lent.clear();
        self.sentences = kept;
    }
}

impl Memo {
    /// The work kept for paragraph `para`, moved to where it now is, or a fresh entry when
    /// there is none; `None` when the memo is off. The caller puts it back in
    /// `next_paragraphs` under the returned key.
    fn paragraph(&mut self, view: &str, para: Span) -> Option<(u64, ParagraphWork)> {
        let text = view.get(para.start..para.end).filter(|_| self.on)?;
        let hash = key(text, &[]);
        let same =
            |w: &ParagraphWork, within: &str| within.get(w.start..w.start + w.len) == Some(text);
        // Kept from the previous version, or already used by this one (a repeated paragraph).
        let found = match self.paragraphs.remove(&hash) {
            Some(w) if same(&w, &self.prev) => Some(w),
            _ => self.next_paragraphs.remove(&hash).filter(|w| same(w, view)),
        };
        let work = match found {
            Some(w) if w.start == para.start => w,
            Some(w) => {
                let (from, to) = (w.start, para.start);
                ParagraphWork {
                    pairs: w
                        .pairs
                        .map(|p| p.moved(|x| x.wrapping_sub(from).wrapping_add(to))),
                    start: to,
                    ..w
                }
            }
            None => ParagraphWork {
                start: para.start,
                len: text.len(),
                pairs: None,
                opens_with_mark: None,
                split: None,
            },
        };
        Some((hash, work))
    }
}

impl quotes::Paragraphs for Memo {
    fn pairs(&mut self, view: &str, para: Span) -> ParagraphPairs {
        let Some((hash, mut work)) = self.paragraph(view, para) else {
            return quotes::paragraph_pairs(view, para);
        };
        let pairs = work
            .pairs
            .get_or_insert_with(|| quotes::paragraph_pairs(view, para))
            .clone();
        self.next_paragraphs.insert(hash, work);
        pairs
    }

    fn opens_with_mark(&mut self, view: &str, para: Span) -> bool {
        let Some((hash, mut work)) = self.paragraph(view, para) else {
            return quotes::opens_with_mark(view, para);
        };
        let opens = *work
            .opens_with_mark
            .get_or_insert_with(|| quotes::opens_with_mark(view, para));
        self.next_paragraphs.insert(hash, work);
        opens
    }
}

fn compute(view: &str, sentence: Span, qs: &[(usize, Span)], extra: &ExtraVerbs) -> Read {
    let toks = tokenize(view, sentence, qs);
    let cues = cues::find(&toks, extra);
    let subject = subjects::sentence_subject(&toks, toks.len());
    Read {
        toks,
        cues,
        subject,
    }
}

/// `spans` relative to `within`, or `None` when one reaches outside it (then the work also
/// depends on text outside the key, and is not kept).
fn relative(within: Span, spans: impl Iterator<Item = Span>) -> Option<Vec<(usize, usize)>> {
    spans
        .map(|s| {
            within
                .covers(s)
                .then(|| (s.start - within.start, s.end - within.start))
        })
        .collect()
}

fn key(text: &str, rel: &[(usize, usize)]) -> u64 {
    let mut h = FxHasher::default();
    text.hash(&mut h);
    rel.hash(&mut h);
    h.finish()
}

/// Moves a sentence's work to where the sentence now is: byte offsets by the distance it
/// moved, quotation indices to the engine's current numbering.
fn relocate(work: &mut SentenceWork, start: usize, quote_ids: &[u32]) {
    // Wrapping: every offset is at or after the old start, and wrapping arithmetic cannot
    // panic on one that somehow is not.
    let moved = |x: usize| x.wrapping_sub(work.start).wrapping_add(start);
    let span = |s: &mut Span| *s = Span::new(moved(s.start), moved(s.end));
    for t in &mut work.toks {
        span(&mut t.span);
        if let Tok::Quote(i) = &mut t.kind {
            // The same key means the same quotation layout, so the old index is found.
            if let Some(k) = work.quote_ids.iter().position(|&old| old == *i) {
                *i = quote_ids.get(k).copied().unwrap_or(*i);
            }
        }
    }
    let phrase = |np: &mut Np| {
        span(&mut np.span);
        if let Some(n) = &mut np.name {
            span(n);
        }
        if let Some(r) = &mut np.role {
            span(r);
        }
    };
    for c in &mut work.cues {
        span(&mut c.verb);
        if let Some(r) = &mut c.reported {
            span(r);
        }
        if let Some(np) = &mut c.subject {
            phrase(np);
        }
    }
    if let Some(np) = &mut work.subject {
        phrase(np);
    }
    work.start = start;
    work.quote_ids = quote_ids.into();
}
