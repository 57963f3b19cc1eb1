//! One article's sourcing tables: its speakers (kind, gender and how it is known, quotes,
//! quoted words, claims, verbs), its quote sheet (every quote with its speaker, how that was
//! found, confidence and line), and, when the text is at hand, the marks the HTML view draws
//! on it (quotes in their speaker's colour, cues underlined, orphans marked).

use super::text::{is_heading, is_subhead, looks_like_headline, tidy, LineCounter};
use crate::analysis::{
    Analysis, ClaimKind, DocKind, GenderSource, LoadedVerbs, Method, QuoteKind, Span,
};
use rustc_hash::FxHashMap;
use serde::Serialize;

pub use super::kinds::{Gender, SourceKind};
pub use super::text::{ArticleText, Mark, MarkKind};

/// One source of one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerRow {
    /// The name, or the description of an anonymous source, on one line.
    pub name: String,
    pub role: Option<String>,
    pub kind: SourceKind,
    pub gender: Gender,
    /// How the gender is known; `first-name` is a guess.
    pub gender_source: Option<GenderSource>,
    /// Quotes, a running quote counted once.
    pub quotes: usize,
    /// Words inside their quotes; `None` when the text is not at hand (extract lines).
    pub words: Option<usize>,
    /// Claims: their quotes and the reported speech attributed to them.
    pub claims: usize,
    /// The attribution verbs of their quotes and claims, most used first.
    pub verbs: Vec<(String, usize)>,
}

/// One quote of the quote sheet (a running quote is one row).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteRow {
    /// 1-based line of its opening mark; `None` when the text is not at hand.
    pub line: Option<usize>,
    /// Index into [`Article::speakers`]; `None` for an orphan quote.
    pub speaker: Option<usize>,
    /// `direct` or `partial`.
    pub kind: &'static str,
    pub method: Option<Method>,
    pub confidence: Option<f32>,
    /// The attribution verb (`said`, `according to`).
    pub cue: Option<String>,
    /// Whether the verb is one `loaded-verb` flags (`claimed`, `admitted`).
    pub loaded: bool,
    pub words: Option<usize>,
    /// The quoted words (the parts of a running quote joined by ` ¶ `).
    pub text: Option<String>,
}

/// One article's tables.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The file's path, or the id of an archive line.
    pub id: String,
    /// The headline, when the article opens with one.
    pub title: Option<String>,
    /// Sources with a quote or a claim, most quoted first; the index is the colour.
    pub speakers: Vec<SpeakerRow>,
    pub quotes: Vec<QuoteRow>,
    /// Messages of the `[policy]` findings the article breaks.
    pub policy: Vec<String>,
    pub text: Option<ArticleText>,
    /// Why an archive line could not be read (the rest is empty then).
    pub error: Option<String>,
}

/// Whitespace (line breaks in a hard-wrapped name) collapsed to single spaces.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Article {
    /// An archive line that could not be read.
    pub fn failed(id: String, error: String) -> Article {
        Article {
            id,
            title: None,
            speakers: Vec::new(),
            quotes: Vec::new(),
            policy: Vec::new(),
            text: None,
            error: Some(error),
        }
    }

    pub fn attributed(&self) -> usize {
        self.quotes.iter().filter(|q| q.speaker.is_some()).count()
    }

    pub fn unattributed(&self) -> usize {
        self.quotes.len() - self.attributed()
    }

    /// Quotes by kind of source, in [`SourceKind::ALL`] order.
    pub fn quotes_by_kind(&self) -> [usize; 4] {
        let mut out = [0; 4];
        for s in &self.speakers {
            out[s.kind as usize] += s.quotes;
        }
        out
    }

    /// Distinct named sources (quoted or cited).
    pub fn named_sources(&self) -> usize {
        self.speakers.iter().filter(|s| s.kind.named()).count()
    }

    /// Distinct anonymous sources (quoted or cited).
    pub fn anonymous_sources(&self) -> usize {
        self.speakers
            .iter()
            .filter(|s| s.kind == SourceKind::Anonymous)
            .count()
    }

    /// Speakers with at least one quote.
    pub fn quoted_speakers(&self) -> usize {
        self.speakers.iter().filter(|s| s.quotes > 0).count()
    }

    /// The share of quotes from anonymous sources (0 when there are none).
    pub fn anonymous_share(&self) -> f64 {
        self.quotes_by_kind()[SourceKind::Anonymous as usize] as f64
            / self.quotes.len().max(1) as f64
    }

    /// The summary the editor's code lens shows: `8 quotes · 5 speakers · 1 anonymous ·
    /// 1 unattributed` (anonymous and unattributed only when there are some).
    pub fn lens_summary(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut parts = vec![
            plural(self.quotes.len(), "quote", "quotes"),
            plural(self.quoted_speakers(), "speaker", "speakers"),
        ];
        let anonymous = self
            .speakers
            .iter()
            .filter(|s| s.kind == SourceKind::Anonymous && s.quotes > 0)
            .count();
        if anonymous > 0 {
            parts.push(format!("{anonymous} anonymous"));
        }
        if self.unattributed() > 0 {
            parts.push(format!("{} unattributed", self.unattributed()));
        }
        parts.join(" · ")
    }

    /// Builds the tables of an analysed text. `loaded` sorts attribution verbs.
    pub fn from_analysis(
        id: String,
        text: &str,
        kind: DocKind,
        analysis: &Analysis,
        loaded: &LoadedVerbs,
    ) -> Article {
        let view = crate::analysis::prose_view(text, kind);
        let groups = groups(analysis);
        let n = analysis.speakers.len();
        let (mut quotes_by, mut words_by, mut claims_by) = (vec![0; n], vec![0; n], vec![0; n]);
        let mut verbs_by: Vec<FxHashMap<String, usize>> = vec![FxHashMap::default(); n];
        let words_in = |g: &Group| -> usize {
            g.parts
                .iter()
                .map(|&k| {
                    analysis.quotes[k]
                        .inner
                        .text(&view)
                        .split_whitespace()
                        .count()
                })
                .sum()
        };
        let mut verb = |s: usize, cue: Option<Span>| {
            if let Some(cue) = cue {
                *verbs_by[s]
                    .entry(one_line(cue.text(text)).to_lowercase())
                    .or_default() += 1;
            }
        };
        // Claims are quotes (a running quote once) and reported speech; the verbs are theirs.
        for g in &groups {
            if let Some(s) = g.speaker.filter(|&s| s < n) {
                quotes_by[s] += 1;
                claims_by[s] += 1;
                words_by[s] += words_in(g);
                let a = g
                    .attributed
                    .and_then(|k| analysis.quotes[k].attribution.as_ref());
                verb(s, a.and_then(|a| a.cue));
            }
        }
        for c in &analysis.claims {
            if c.speaker < n && c.kind == ClaimKind::Reported {
                claims_by[c.speaker] += 1;
                verb(c.speaker, c.cue);
            }
        }
        // Listed: every source quoted or cited, most quoted first, then in order of first
        // mention (a stable sort over the engine's order).
        let mut order: Vec<usize> = (0..n)
            .filter(|&i| quotes_by[i] > 0 || claims_by[i] > 0)
            .collect();
        order.sort_by(|&a, &b| {
            quotes_by[b]
                .cmp(&quotes_by[a])
                .then(claims_by[b].cmp(&claims_by[a]))
        });
        let mut row_of = vec![None; n];
        for (row, &i) in order.iter().enumerate() {
            row_of[i] = Some(row);
        }
        let speakers = order
            .iter()
            .map(|&i| {
                let s = &analysis.speakers[i];
                let (gender, gender_source) = Gender::of(s);
                let mut verbs: Vec<(String, usize)> = verbs_by[i].drain().collect();
                verbs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                SpeakerRow {
                    name: one_line(&s.name),
                    role: s.role.as_deref().map(one_line),
                    kind: SourceKind::from_model(s.kind),
                    gender,
                    gender_source,
                    quotes: quotes_by[i],
                    words: Some(words_by[i]),
                    claims: claims_by[i],
                    verbs,
                }
            })
            .collect();

        let lines = LineCounter::new(text);
        let mut marks = Vec::new();
        let quotes = groups
            .iter()
            .enumerate()
            .map(|(row, g)| {
                let first = &analysis.quotes[g.parts[0]];
                let attribution = g
                    .attributed
                    .and_then(|k| analysis.quotes[k].attribution.as_ref());
                let speaker = g.speaker.and_then(|s| row_of.get(s).copied().flatten());
                for &k in &g.parts {
                    marks.push(Mark {
                        span: analysis.quotes[k].span,
                        kind: MarkKind::Quote { row, speaker },
                    });
                }
                if let (Some(cue), Some(speaker)) = (attribution.and_then(|a| a.cue), speaker) {
                    marks.push(Mark {
                        span: cue,
                        kind: MarkKind::Cue { speaker },
                    });
                }
                let cue = attribution
                    .and_then(|a| a.cue)
                    .map(|c| one_line(c.text(text)));
                QuoteRow {
                    line: Some(lines.line(first.span.start)),
                    speaker,
                    kind: match first.kind {
                        QuoteKind::Partial => "partial",
                        _ => "direct",
                    },
                    method: attribution.map(|a| a.method),
                    confidence: attribution.map(|a| a.confidence),
                    loaded: cue.as_deref().is_some_and(|c| is_loaded(loaded, c)),
                    cue,
                    words: Some(words_in(g)),
                    text: Some(
                        g.parts
                            .iter()
                            .map(|&k| one_line(analysis.quotes[k].inner.text(&view)))
                            .collect::<Vec<_>>()
                            .join(" ¶ "),
                    ),
                }
            })
            .collect();
        let paragraphs: Vec<(Span, bool)> = analysis
            .paragraphs
            .iter()
            .map(|p| {
                let heading = is_heading(text, kind, p.span) || is_subhead(p.span.text(&view));
                (p.span, heading)
            })
            .collect();
        let title = paragraphs
            .first()
            .filter(|(span, heading)| *heading || looks_like_headline(span.text(&view)))
            .map(|(span, _)| one_line(span.text(&view)))
            .filter(|t| !t.is_empty());
        Article {
            id,
            title,
            speakers,
            quotes,
            policy: analysis
                .findings
                .iter()
                .filter(|f| f.rule.id().starts_with("policy-"))
                .map(|f| f.message.clone())
                .collect(),
            text: Some(ArticleText {
                marks: tidy(marks),
                paragraphs,
                view,
            }),
            error: None,
        }
    }
}

/// Whether a cue (`claimed`, `according to`) is a loaded verb: its last word decides.
pub fn is_loaded(loaded: &LoadedVerbs, cue: &str) -> bool {
    cue.split_whitespace()
        .next_back()
        .is_some_and(|w| loaded.base(w).is_some())
}

/// A speech quote as the reader counts it: its parts (quote indices) and its speaker.
struct Group {
    parts: Vec<usize>,
    /// The first attributed part.
    attributed: Option<usize>,
    speaker: Option<usize>,
}

fn groups(analysis: &Analysis) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    let mut index: FxHashMap<usize, usize> = FxHashMap::default();
    for (k, q) in analysis.quotes.iter().enumerate() {
        if !q.kind.is_speech() {
            continue;
        }
        let g = *index.entry(q.group).or_insert_with(|| {
            out.push(Group {
                parts: Vec::new(),
                attributed: None,
                speaker: None,
            });
            out.len() - 1
        });
        let group = &mut out[g];
        group.parts.push(k);
        if group.attributed.is_none() {
            if let Some(a) = &q.attribution {
                group.attributed = Some(k);
                group.speaker = Some(a.speaker);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, Options};

    fn article(text: &str, kind: DocKind) -> Article {
        let a = analyze(text, kind);
        Article::from_analysis(
            "t".into(),
            text,
            kind,
            &a,
            &LoadedVerbs::new(&Options::default()),
        )
    }

    /// Speaker rows as `name kind gender/source quotes words claims verbs`.
    fn speakers(a: &Article) -> Vec<String> {
        a.speakers
            .iter()
            .map(|s| {
                let verbs: Vec<String> = s.verbs.iter().map(|(v, n)| format!("{v}×{n}")).collect();
                format!(
                    "{} {} {}/{} q{} w{} c{} {}",
                    s.name,
                    s.kind.as_str(),
                    s.gender.as_str(),
                    s.gender_source.map_or("-", |g| g.as_str()),
                    s.quotes,
                    s.words.unwrap_or(0),
                    s.claims,
                    verbs.join(",")
                )
            })
            .collect()
    }

    #[test]
    fn speakers_quotes_words_and_verbs() {
        let text = "Mayor Ana Ortiz spoke first.\n\n\
            \"We will rebuild the bridge,\" she said. \"The engineers told us.\n\n\
            \"And I will not wait.\"\n\n\
            \"It is too expensive,\" Councilman Dale Brooks claimed.\n\n\
            \"The bridge is safe,\" a city engineer told reporters.\n\n\
            Residents packed the public gallery for the vote.\n\n\
            \"Nobody asked us.\"\n";
        let a = article(text, DocKind::Text);
        assert_eq!(
            speakers(&a),
            vec![
                // The running quote over two paragraphs is one quote of 5 + 4 + 5 words.
                "Ana Ortiz person female/pronoun q2 w14 c2 said×2",
                "Dale Brooks person male/title q1 w4 c1 claimed×1",
                "a city engineer anonymous unknown/- q1 w4 c1 told×1",
            ]
        );
        assert_eq!(a.quotes.len(), 5);
        assert_eq!((a.attributed(), a.unattributed()), (4, 1));
        assert_eq!(a.quotes_by_kind(), [3, 0, 1, 0]);
        assert_eq!((a.named_sources(), a.anonymous_sources()), (2, 1));
        assert_eq!(
            a.lens_summary(),
            "5 quotes · 3 speakers · 1 anonymous · 1 unattributed"
        );
        let sheet: Vec<String> = a
            .quotes
            .iter()
            .map(|q| {
                format!(
                    "{} {:?} {} {} {}",
                    q.line.unwrap_or(0),
                    q.speaker,
                    q.method.map_or("-", |m| m.as_str()),
                    q.cue.as_deref().unwrap_or("-"),
                    q.loaded
                )
            })
            .collect();
        assert_eq!(
            sheet,
            vec![
                "3 Some(0) pronoun said false",
                "3 Some(0) same-paragraph said false",
                "7 Some(1) explicit claimed true",
                "9 Some(2) explicit told false",
                "13 None - - false",
            ]
        );
        assert_eq!(
            a.quotes[1].text.as_deref(),
            Some("The engineers told us. ¶ And I will not wait.")
        );
    }

    #[test]
    fn marks_cover_every_quote_part_and_cue_in_order() {
        let text = "\"We won,\" Putin said.\n\nThe vote was on Tuesday.\n\n\"Who knows?\"\n";
        let a = article(text, DocKind::Text);
        let t = a.text.as_ref().expect("text");
        let marks: Vec<(&str, MarkKind)> = t
            .marks
            .iter()
            .map(|m| (m.span.text(text), m.kind))
            .collect();
        assert_eq!(
            marks,
            vec![
                (
                    "\"We won,\"",
                    MarkKind::Quote {
                        row: 0,
                        speaker: Some(0)
                    }
                ),
                ("said", MarkKind::Cue { speaker: 0 }),
                (
                    "\"Who knows?\"",
                    MarkKind::Quote {
                        row: 1,
                        speaker: None
                    }
                ),
            ]
        );
    }

    #[test]
    fn markdown_headings_and_titles() {
        let text = "---\ntitle: x\n---\n\n# Bridge vote delayed\n\nThe council voted.\n";
        let a = article(text, DocKind::Markdown);
        assert_eq!(a.title.as_deref(), Some("Bridge vote delayed"));
        let t = a.text.expect("text");
        assert_eq!(t.paragraphs.iter().filter(|p| p.1).count(), 1);
        let plain = article("Bridge vote delayed\n\nThe council voted.\n", DocKind::Text);
        assert_eq!(plain.title.as_deref(), Some("Bridge vote delayed"));
        let lede = article("The council voted on Tuesday.\n", DocKind::Text);
        assert_eq!(lede.title, None);
    }
}
