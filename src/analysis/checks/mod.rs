//! The style checks: newsroom attribution conventions beyond "who said it", one module per
//! rule family. Each check is a pure function of a [`Ctx`] and returns findings with their
//! default severity; configuration (severity, off) is applied by the caller.
//!
//! The checks read what the engine decided (quotes, speakers, attributions) and, where they
//! need the writer's frame around a quote (which verb, in which order, with which subject),
//! the speech cues of every sentence, found again here with the engine's own cue finder so
//! that a check and the attribution never disagree about what a cue is. Words inside quotation
//! marks are folded into single tokens, so no check can ever "correct" a speaker's words.

mod anonymous;
mod references;
mod running;
mod speakers;
mod verbs;

use super::cues::{self, Cue};
use super::model::{Claim, Finding, Paragraph, Quote, Span, Speaker};
use super::options::Options;
use super::rules::Rule;
use super::tokens::{tokenize, Token};

/// One of the writer's sentences with its tokens and speech cues.
pub struct Sentence {
    pub paragraph: usize,
    /// Quotations folded to `Tok::Quote(i)`, `i` an index into [`Ctx::quotes`].
    pub toks: Vec<Token>,
    pub cues: Vec<Cue>,
}

/// Everything a check may read.
pub struct Ctx<'a> {
    pub view: &'a str,
    pub paragraphs: &'a [Paragraph],
    pub quotes: &'a [Quote],
    pub speakers: &'a [Speaker],
    pub claims: &'a [Claim],
    pub options: &'a Options,
    pub sentences: Vec<Sentence>,
}

impl<'a> Ctx<'a> {
    pub fn new(
        view: &'a str,
        paragraphs: &'a [Paragraph],
        quotes: &'a [Quote],
        speakers: &'a [Speaker],
        claims: &'a [Claim],
        options: &'a Options,
    ) -> Ctx<'a> {
        let mut sentences = Vec::new();
        // Quotes are sorted by start and sentences come in order: each sentence looks from the
        // first quote not ended before it to the last that starts in it, instead of at every
        // quote of the document (quadratic on long documents).
        let mut from = 0usize;
        for (pi, para) in paragraphs.iter().enumerate() {
            for &span in &para.sentences {
                while from < quotes.len() && quotes[from].span.end <= span.start {
                    from += 1;
                }
                let qs: Vec<(usize, Span)> = quotes
                    .iter()
                    .enumerate()
                    .skip(from)
                    .take_while(|(_, q)| q.span.start < span.end)
                    .filter(|(_, q)| q.paragraph == pi && span.overlaps(q.span))
                    .map(|(i, q)| (i, q.span))
                    .collect();
                let toks = tokenize(view, span, &qs);
                let cues = cues::find(&toks);
                sentences.push(Sentence {
                    paragraph: pi,
                    toks,
                    cues,
                });
            }
        }
        Ctx {
            view,
            paragraphs,
            quotes,
            speakers,
            claims,
            options,
            sentences,
        }
    }

    /// A headline, deck or title line rather than a paragraph of the story. Headlines have
    /// their own conventions (present tense, surnames), so the story's rules skip them. Signs:
    /// not ending like a sentence, ending in `;` (a deck), Title Case, or a short opening line
    /// without a quotation.
    pub fn is_headline(&self, paragraph: usize) -> bool {
        let Some(p) = self.paragraphs.get(paragraph) else {
            return false;
        };
        let text = p.span.text(self.view).trim_end();
        // Every sign below needs at most 30 words, so 31 are enough to decide; counting them
        // all made this linear in the paragraph and the checks that ask per sentence quadratic
        // on a one-line document.
        let words: Vec<&str> = text.split_whitespace().take(31).collect();
        let ends_like_sentence = text.ends_with(['.', '!', '?', '"', '”', '’', '\'', ':', '»']);
        let caps = words
            .iter()
            .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
            .count();
        let title_case = words.len() >= 4 && caps * 10 >= words.len() * 7;
        (!ends_like_sentence && words.len() <= 25)
            || (text.ends_with(';') && words.len() <= 30)
            || (title_case && words.len() <= 25)
            || (paragraph == 0 && words.len() <= 20 && self.paragraphs.len() >= 3 && {
                // A short first line of a longer story, with no quotation in it: a headline
                // that ends in a period, as scraped copy often has (`Clinton wins Puerto
                // Rico.`). A lede quotes someone or runs longer.
                !text.contains(['"', '“', '”', '«'])
            })
    }

    /// A paragraph that only separates sections (`___`, `3:15 a.m.`, `* * *`): few words.
    pub fn is_break(&self, paragraph: usize) -> bool {
        self.paragraphs.get(paragraph).is_some_and(|p| {
            p.span
                .text(self.view)
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .count()
                <= 3
        })
    }

    /// The paragraph that holds `offset`.
    pub fn paragraph_of(&self, offset: usize) -> Option<usize> {
        self.paragraphs
            .iter()
            .position(|p| p.span.start <= offset && offset <= p.span.end)
    }
}

/// A finding with the rule's default severity and no extras.
pub fn finding(rule: Rule, span: Span, message: String) -> Finding {
    Finding::new(rule, span, message)
}

/// What every style check found. `unclosed` are the engine's unclosed opening marks; those a
/// running-quote finding explains are removed from it (one problem, one finding).
pub fn run(ctx: &Ctx, unclosed: &mut Vec<Span>) -> Vec<Finding> {
    let mut out = running::check(ctx, unclosed);
    out.extend(speakers::restate(ctx, &out));
    out.extend(verbs::loaded(ctx));
    out.extend(verbs::tense(ctx));
    out.extend(verbs::order(ctx));
    out.extend(references::check(ctx));
    out.extend(anonymous::check(ctx));
    out.extend(speakers::one_per_paragraph(ctx));
    out
}

/// `word` with its first letter upper-cased like `like`'s.
pub fn same_case(like: &str, word: &str) -> String {
    if like.chars().next().is_some_and(char::is_uppercase) {
        let mut c = word.chars();
        match c.next() {
            Some(f) => f.to_uppercase().chain(c).collect(),
            None => String::new(),
        }
    } else {
        word.to_string()
    }
}
