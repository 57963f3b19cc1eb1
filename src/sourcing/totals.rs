//! Totals over many articles, added one article at a time so an archive streams through:
//! counts by kind of source and by gender, named vs anonymous quotes across the archive in
//! document order, the most quoted speakers and the attribution verbs.
//!
//! Memory does not grow with the number of articles: the document-order series is kept in at
//! most [`MAX_BINS`] bins that merge in pairs as the archive grows (a bin is then two, four, …
//! consecutive articles). It grows with the number of distinct speaker names and verbs, which
//! in news archives levels off fast (the same officials are quoted again and again).

use super::tables::{Article, Gender, SourceKind};
use crate::analysis::GenderSource;
use rustc_hash::FxHashMap;
use serde::Serialize;

/// The most bins the named-vs-anonymous series keeps.
pub const MAX_BINS: usize = 64;

/// Quotes by the reported gender of their speaker, people only (organisations excluded).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct GenderCounts {
    /// From the text's own evidence (a title, an honorific, a pronoun cue).
    pub female: usize,
    pub male: usize,
    /// Of which only from a first name's usual gender: a guess.
    pub female_guessed: usize,
    pub male_guessed: usize,
    pub unknown: usize,
}

impl GenderCounts {
    fn add(&mut self, gender: Gender, source: Option<GenderSource>, n: usize) {
        let guess = source == Some(GenderSource::FirstName);
        match gender {
            Gender::Female => {
                self.female += n;
                self.female_guessed += if guess { n } else { 0 };
            }
            Gender::Male => {
                self.male += n;
                self.male_guessed += if guess { n } else { 0 };
            }
            Gender::Unknown => self.unknown += n,
            Gender::NotApplicable => {}
        }
    }

    pub fn total(&self) -> usize {
        self.female + self.male + self.unknown
    }
}

/// One bin of consecutive articles: their quotes by named, anonymous and unattributed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Bin {
    /// The first article of the bin (0-based, among the articles that could be read) and how
    /// many it holds.
    pub first: usize,
    pub articles: usize,
    pub named: usize,
    pub anonymous: usize,
    pub unattributed: usize,
    /// Quotes from the writer, counted apart.
    pub other: usize,
}

/// A speaker across the archive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpeakerTotal {
    pub name: String,
    pub kind: SourceKind,
    pub quotes: usize,
    /// Articles quoting or citing them.
    pub articles: usize,
}

/// An attribution verb across the archive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerbTotal {
    pub verb: String,
    pub uses: usize,
    pub loaded: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Totals {
    pub articles: usize,
    /// Archive lines that could not be read.
    pub failed: usize,
    pub quotes: usize,
    pub unattributed: usize,
    /// In [`SourceKind::ALL`] order.
    pub by_kind: [usize; 4],
    /// Quotes by the gender of their speaker.
    pub quotes_by_gender: GenderCounts,
    /// Distinct speakers per article, summed: how many women and men the archive quotes.
    pub speakers_by_gender: GenderCounts,
    pub named_sources: usize,
    pub anonymous_sources: usize,
    pub articles_with_anonymous: usize,
    pub articles_with_unattributed: usize,
    pub articles_breaking_policy: usize,
    /// Named vs anonymous over the archive, in document order.
    pub bins: Vec<Bin>,
    bin_width: usize,
    speakers: FxHashMap<(SourceKind, String), (usize, usize)>,
    verbs: FxHashMap<String, (usize, bool)>,
}

impl Totals {
    pub fn new() -> Totals {
        Totals {
            bin_width: 1,
            ..Totals::default()
        }
    }

    pub fn add(&mut self, a: &Article) {
        if a.error.is_some() {
            self.failed += 1;
            return;
        }
        // The series counts the articles that could be read, in order.
        let index = self.articles;
        self.articles += 1;
        self.quotes += a.quotes.len();
        self.unattributed += a.unattributed();
        let by_kind = a.quotes_by_kind();
        for (total, n) in self.by_kind.iter_mut().zip(by_kind) {
            *total += n;
        }
        self.named_sources += a.named_sources();
        self.anonymous_sources += a.anonymous_sources();
        self.articles_with_anonymous += usize::from(by_kind[SourceKind::Anonymous as usize] > 0);
        self.articles_with_unattributed += usize::from(a.unattributed() > 0);
        self.articles_breaking_policy += usize::from(!a.policy.is_empty());
        for s in &a.speakers {
            self.quotes_by_gender
                .add(s.gender, s.gender_source, s.quotes);
            if s.quotes > 0 {
                self.speakers_by_gender.add(s.gender, s.gender_source, 1);
            }
            let entry = self
                .speakers
                .entry((s.kind, s.name.clone()))
                .or_insert((0, 0));
            entry.0 += s.quotes;
            entry.1 += 1;
        }
        for q in &a.quotes {
            if let Some(cue) = &q.cue {
                let entry = self
                    .verbs
                    .entry(cue.to_lowercase())
                    .or_insert((0, q.loaded));
                entry.0 += 1;
            }
        }
        let named =
            by_kind[SourceKind::Person as usize] + by_kind[SourceKind::Organization as usize];
        self.bin(
            index,
            Bin {
                first: index,
                articles: 1,
                named,
                anonymous: by_kind[SourceKind::Anonymous as usize],
                unattributed: a.unattributed(),
                other: by_kind[SourceKind::Writer as usize],
            },
        );
    }

    /// Adds one article's counts to the series, merging bins in pairs when it is full.
    fn bin(&mut self, index: usize, one: Bin) {
        let fits = self
            .bins
            .last()
            .is_some_and(|b| b.articles < self.bin_width && b.first + b.articles == index);
        if fits {
            if let Some(b) = self.bins.last_mut() {
                b.articles += 1;
                b.named += one.named;
                b.anonymous += one.anonymous;
                b.unattributed += one.unattributed;
                b.other += one.other;
            }
            return;
        }
        if self.bins.len() == MAX_BINS {
            self.bins = self
                .bins
                .chunks(2)
                .map(|pair| {
                    pair.iter().skip(1).fold(pair[0], |mut a, b| {
                        a.articles += b.articles;
                        a.named += b.named;
                        a.anonymous += b.anonymous;
                        a.unattributed += b.unattributed;
                        a.other += b.other;
                        a
                    })
                })
                .collect();
            self.bin_width *= 2;
            return self.bin(index, one);
        }
        self.bins.push(one);
    }

    /// The most quoted speakers, most quotes first (ties: more articles, then by name).
    pub fn top_speakers(&self, n: usize) -> Vec<SpeakerTotal> {
        let mut all: Vec<SpeakerTotal> = self
            .speakers
            .iter()
            .filter(|(_, (quotes, _))| *quotes > 0)
            .map(|((kind, name), (quotes, articles))| SpeakerTotal {
                name: name.clone(),
                kind: *kind,
                quotes: *quotes,
                articles: *articles,
            })
            .collect();
        all.sort_by(|a, b| {
            b.quotes
                .cmp(&a.quotes)
                .then(b.articles.cmp(&a.articles))
                .then(a.name.cmp(&b.name))
        });
        all.truncate(n);
        all
    }

    /// The attribution verbs of quotes, most used first.
    pub fn verbs(&self, n: usize) -> Vec<VerbTotal> {
        let mut all: Vec<VerbTotal> = self
            .verbs
            .iter()
            .map(|(verb, (uses, loaded))| VerbTotal {
                verb: verb.clone(),
                uses: *uses,
                loaded: *loaded,
            })
            .collect();
        all.sort_by(|a, b| b.uses.cmp(&a.uses).then(a.verb.cmp(&b.verb)));
        all.truncate(n);
        all
    }

    /// Quotes with a loaded attribution verb.
    pub fn loaded_quotes(&self) -> usize {
        self.verbs.values().filter(|v| v.1).map(|v| v.0).sum()
    }

    /// Quotes with an attribution verb at all.
    pub fn verb_quotes(&self) -> usize {
        self.verbs.values().map(|v| v.0).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sourcing::tables::{QuoteRow, SpeakerRow};

    fn speaker(name: &str, kind: SourceKind, gender: Gender, quotes: usize) -> SpeakerRow {
        SpeakerRow {
            name: name.into(),
            role: None,
            kind,
            gender,
            gender_source: Some(GenderSource::Title),
            quotes,
            words: None,
            claims: quotes,
            verbs: vec![],
        }
    }

    fn quote(speaker: Option<usize>, cue: Option<&str>, loaded: bool) -> QuoteRow {
        QuoteRow {
            line: None,
            speaker,
            kind: "direct",
            method: None,
            confidence: None,
            cue: cue.map(str::to_string),
            loaded,
            words: None,
            text: None,
        }
    }

    fn article(speakers: Vec<SpeakerRow>, quotes: Vec<QuoteRow>) -> Article {
        Article {
            id: "a".into(),
            title: None,
            speakers,
            quotes,
            policy: vec![],
            text: None,
            error: None,
        }
    }

    #[test]
    fn counts_kinds_genders_speakers_and_verbs() {
        let mut t = Totals::new();
        let a = article(
            vec![
                speaker("Ana Ortiz", SourceKind::Person, Gender::Female, 2),
                speaker("an official", SourceKind::Anonymous, Gender::Unknown, 1),
                speaker(
                    "the Kremlin",
                    SourceKind::Organization,
                    Gender::NotApplicable,
                    1,
                ),
            ],
            vec![
                quote(Some(0), Some("said"), false),
                quote(Some(0), Some("claimed"), true),
                quote(Some(1), Some("said"), false),
                quote(Some(2), Some("Said"), false),
                quote(None, None, false),
            ],
        );
        t.add(&a);
        t.add(&article(
            vec![speaker("Ana Ortiz", SourceKind::Person, Gender::Female, 1)],
            vec![quote(Some(0), Some("told"), false)],
        ));
        t.add(&Article::failed("x".into(), "bad".into()));
        assert_eq!(
            (t.articles, t.failed, t.quotes, t.unattributed),
            (2, 1, 6, 1)
        );
        assert_eq!(t.by_kind, [3, 1, 1, 0]);
        assert_eq!(
            (t.quotes_by_gender.female, t.quotes_by_gender.unknown),
            (3, 1)
        );
        assert_eq!(t.speakers_by_gender.female, 2);
        assert_eq!(
            (t.articles_with_anonymous, t.articles_with_unattributed),
            (1, 1)
        );
        let top: Vec<_> = t
            .top_speakers(2)
            .into_iter()
            .map(|s| (s.name, s.quotes, s.articles))
            .collect();
        assert_eq!(
            top,
            vec![
                ("Ana Ortiz".to_string(), 3, 2),
                ("an official".to_string(), 1, 1)
            ]
        );
        let verbs: Vec<_> = t.verbs(9).into_iter().map(|v| (v.verb, v.uses)).collect();
        assert_eq!(
            verbs,
            vec![
                ("said".to_string(), 3),
                ("claimed".to_string(), 1),
                ("told".to_string(), 1)
            ]
        );
        assert_eq!((t.loaded_quotes(), t.verb_quotes()), (1, 5));
    }

    #[test]
    fn the_series_stays_within_its_bins_and_loses_nothing() {
        let mut t = Totals::new();
        let n = MAX_BINS * 5 + 3;
        for i in 0..n {
            let anonymous = usize::from(i % 3 == 0);
            t.add(&article(
                vec![
                    speaker("A", SourceKind::Person, Gender::Male, 1),
                    speaker(
                        "a source",
                        SourceKind::Anonymous,
                        Gender::Unknown,
                        anonymous,
                    ),
                ],
                (0..1 + anonymous)
                    .map(|k| quote(Some(k), None, false))
                    .collect(),
            ));
            assert!(t.bins.len() <= MAX_BINS);
        }
        assert_eq!(t.bins.iter().map(|b| b.articles).sum::<usize>(), n);
        assert_eq!(t.bins.iter().map(|b| b.named).sum::<usize>(), n);
        assert_eq!(
            t.bins.iter().map(|b| b.anonymous).sum::<usize>(),
            n.div_ceil(3)
        );
        // Consecutive, in order.
        for w in t.bins.windows(2) {
            assert_eq!(w[0].first + w[0].articles, w[1].first);
        }
    }
}
