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
mod policy;
mod references;
mod running;
mod speakers;
mod verbs;

pub use verbs::LoadedVerbs;

use super::cues::Cue;
use super::model::{Claim, Finding, Paragraph, Quote, Span, Speaker};
use super::options::Options;
use super::rules::Rule;
use super::tokens::Token;

/// One of the writer's sentences with its tokens and speech cues, as the attribution read them
/// (`attribution::attribute` hands them on, so checks and attribution see the same cues).
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
    /// [`Ctx::is_headline`] of every paragraph, worked out once: the checks ask it for every
    /// sentence and quote, and a word count per call was a quarter of the engine's time.
    headlines: Vec<bool>,
    /// The quotes of each paragraph, as a range of [`Ctx::quotes`] (quotes come in paragraph
    /// order), so that a check asking per paragraph does not scan every quote each time.
    quote_ranges: Vec<std::ops::Range<usize>>,
    /// Whether the paragraph spans are in text order without overlap (each ends before or
    /// where the next starts), as the document stage makes them; [`Ctx::paragraph_of`] then
    /// bisects instead of scanning every paragraph, and falls back to the scan otherwise.
    paragraphs_ordered: bool,
    /// The sentences of each paragraph, as a range of [`Ctx::sentences`], when they come in
    /// paragraph order (as the attribution hands them on); `None` otherwise.
    sentence_ranges: Option<Vec<std::ops::Range<usize>>>,
}

impl<'a> Ctx<'a> {
    pub fn new(
        view: &'a str,
        paragraphs: &'a [Paragraph],
        quotes: &'a [Quote],
        speakers: &'a [Speaker],
        claims: &'a [Claim],
        options: &'a Options,
        sentences: Vec<Sentence>,
    ) -> Ctx<'a> {
        let mut ctx = Ctx {
            view,
            paragraphs,
            quotes,
            speakers,
            claims,
            options,
            sentences,
            headlines: Vec::new(),
            quote_ranges: Vec::new(),
            sentence_ranges: None,
            paragraphs_ordered: paragraphs.iter().all(|p| p.span.start <= p.span.end)
                && paragraphs
                    .windows(2)
                    .all(|w| w[0].span.end <= w[1].span.start),
        };
        let mut first = 0;
        ctx.quote_ranges = (0..paragraphs.len())
            .map(|pi| {
                while first < quotes.len() && quotes[first].paragraph < pi {
                    first += 1;
                }
                let mut last = first;
                while last < quotes.len() && quotes[last].paragraph == pi {
                    last += 1;
                }
                first..last
            })
            .collect();
        if ctx
            .sentences
            .windows(2)
            .all(|w| w[0].paragraph <= w[1].paragraph)
        {
            let sentences = &ctx.sentences;
            let mut first = 0;
            ctx.sentence_ranges = Some(
                (0..paragraphs.len())
                    .map(|pi| {
                        while sentences.get(first).is_some_and(|s| s.paragraph < pi) {
                            first += 1;
                        }
                        let mut last = first;
                        while sentences.get(last).is_some_and(|s| s.paragraph == pi) {
                            last += 1;
                        }
                        first..last
                    })
                    .collect(),
            );
        }
        ctx.headlines = (0..paragraphs.len()).map(|p| ctx.headline(p)).collect();
        ctx
    }

    /// A headline, deck or title line rather than a paragraph of the story. Headlines have
    /// their own conventions (present tense, surnames), so the story's rules skip them. Signs:
    /// not ending like a sentence, ending in `;` (a deck), Title Case, or a short opening line
    /// without a quotation.
    pub fn is_headline(&self, paragraph: usize) -> bool {
        self.headlines.get(paragraph).copied().unwrap_or(false)
    }

    /// The quotes of paragraph `pi`, in order: `quotes.iter().filter(|q| q.paragraph == pi)`.
    pub fn quotes_in(&self, pi: usize) -> &'a [Quote] {
        self.quote_ranges
            .get(pi)
            .and_then(|r| self.quotes.get(r.clone()))
            .unwrap_or(&[])
    }

    /// The sentences of paragraph `pi`, in order: `sentences.iter().filter(|s| s.paragraph ==
    /// pi)`, without looking at every sentence of the document when they are in order.
    pub fn sentences_in(&self, pi: usize) -> impl Iterator<Item = &Sentence> {
        let range = match &self.sentence_ranges {
            Some(ranges) => ranges.get(pi).cloned().unwrap_or(0..0),
            None => 0..self.sentences.len(),
        };
        self.sentences
            .get(range)
            .unwrap_or(&[])
            .iter()
            .filter(move |s| s.paragraph == pi)
    }

    fn headline(&self, paragraph: usize) -> bool {
        let Some(p) = self.paragraphs.get(paragraph) else {
            return false;
        };
        let text = p.span.text(self.view).trim_end();
        // Every sign below needs at most 30 words, so 31 are enough to decide; counting them
        // all made this linear in the paragraph and the checks that ask per sentence quadratic
        // on a one-line document.
        // Counted as they come, without collecting them (a vector per paragraph was most of
        // this function's time).
        let (words, caps) = count_words(text, 31);
        let ends_like_sentence = text.ends_with(['.', '!', '?', '"', '”', '’', '\'', ':', '»']);
        let title_case = words >= 4 && caps * 10 >= words * 7;
        (!ends_like_sentence && words <= 25)
            || (text.ends_with(';') && words <= 30)
            || (title_case && words <= 25)
            || (paragraph == 0 && words <= 20 && self.paragraphs.len() >= 3 && {
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
                // Four words decide it; a long paragraph need not be counted to the end.
                .take(4)
                .count()
                <= 3
        })
    }

    /// The first paragraph whose span holds `offset`, its end included, so an offset just
    /// past a paragraph's last byte still belongs to it.
    pub fn paragraph_of(&self, offset: usize) -> Option<usize> {
        if !self.paragraphs_ordered {
            return self
                .paragraphs
                .iter()
                .position(|p| p.span.start <= offset && offset <= p.span.end);
        }
        // Starts and ends both increase, so the first paragraph ending at or after `offset`
        // is the only candidate: every one before ends too early, every one after starts no
        // earlier than it. A scan here was linear per call, and checks call it per quote.
        let k = self.paragraphs.partition_point(|p| p.span.end < offset);
        self.paragraphs
            .get(k)
            .filter(|p| p.span.start <= offset)
            .map(|_| k)
    }
}

/// The starts of `needle` in `haystack`, exactly as `haystack.match_indices(needle)` gives
/// them (leftmost first, without overlap), but found by jumping to each occurrence of the
/// needle's first character (`str::find` with a `char` is a `memchr`) and comparing there.
/// The general substring search was the largest cost of `first-reference`, which looks for
/// every speaker's name in the whole text; names are short, so the comparison is cheap.
pub fn match_starts<'h>(haystack: &'h str, needle: &'h str) -> impl Iterator<Item = usize> + 'h {
    let mut pos = 0usize;
    let first = needle.chars().next();
    let mut fallback = first
        .is_none()
        .then(|| haystack.match_indices(needle).map(|(at, _)| at));
    std::iter::from_fn(move || {
        if let Some(all) = fallback.as_mut() {
            return all.next();
        }
        let first = first?;
        loop {
            let at = pos + haystack.get(pos..)?.find(first)?;
            if haystack.get(at..)?.starts_with(needle) {
                pos = at + needle.len();
                return Some(at);
            }
            pos = at + first.len_utf8();
        }
    })
}

/// The number of words of `text` (as `split_whitespace` cuts them), up to `limit`, and how
/// many of those start with a capital. Reads bytes, decoding only non-ASCII characters: the
/// iterator version was a twentieth of the engine's time on short articles.
fn count_words(text: &str, limit: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let (mut words, mut caps, mut in_word, mut i) = (0, 0, false, 0);
    while let Some(&b) = bytes.get(i) {
        let c = if b.is_ascii() {
            char::from(b)
        } else {
            match text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) => c,
                None => break,
            }
        };
        i += c.len_utf8();
        if c.is_whitespace() {
            in_word = false;
        } else if !in_word {
            if words == limit {
                break;
            }
            in_word = true;
            words += 1;
            caps += usize::from(c.is_uppercase());
        }
    }
    (words, caps)
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
    out.extend(policy::check(ctx));
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

#[cfg(test)]
mod tests {
    use super::{count_words, match_starts};

    #[test]
    fn count_words_is_split_whitespace() {
        let cases = [
            "",
            "   ",
            "One",
            "Clinton Wins Puerto Rico",
            "  spaced\tout\nwords\u{a0}with NBSP\u{2003}and em space ",
            "Émile Zola, «J’accuse» ça Ça 😀 X",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z A B C D E F G H",
        ];
        for text in cases {
            for limit in [0, 3, 31] {
                let words: Vec<&str> = text.split_whitespace().take(limit).collect();
                let caps = words
                    .iter()
                    .filter(|w| w.starts_with(char::is_uppercase))
                    .count();
                assert_eq!(
                    count_words(text, limit),
                    (words.len(), caps),
                    "{text:?} {limit}"
                );
            }
        }
    }

    #[test]
    fn match_starts_is_match_indices() {
        let cases = [
            ("aaaaa", "aa"),
            ("abababa", "aba"),
            ("Clinton and Clintons, Bill Clinton", "Clinton"),
            ("Núñez said Núñez’s Ñ", "Núñez"),
            ("ÉÉÉ É", "ÉÉ"),
            ("short", "much longer needle"),
            ("", "x"),
            ("abc", ""),
            ("", ""),
        ];
        for (hay, needle) in cases {
            let want: Vec<usize> = hay.match_indices(needle).map(|(at, _)| at).collect();
            let got: Vec<usize> = match_starts(hay, needle).collect();
            assert_eq!(got, want, "{needle:?} in {hay:?}");
        }
    }
}
