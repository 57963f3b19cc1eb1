//! `saidso report --format json`: every article's tables, then the totals, as one JSON
//! object written as the articles come (`{"articles": [...], "totals": {...}}`), so an archive
//! streams through in flat memory. Shape in docs/json-format.md.

use super::tables::{Article, SourceKind};
use super::totals::{Bin, GenderCounts, SpeakerTotal, Totals, VerbTotal};
use crate::analysis::GenderSource;
use serde::Serialize;
use std::io::{self, Write};

/// How many speakers and verbs the totals list.
pub const TOP: usize = 50;

#[derive(Serialize)]
struct KindCounts {
    person: usize,
    organization: usize,
    anonymous: usize,
    writer: usize,
}

impl KindCounts {
    fn new(by_kind: [usize; 4]) -> KindCounts {
        KindCounts {
            person: by_kind[SourceKind::Person as usize],
            organization: by_kind[SourceKind::Organization as usize],
            anonymous: by_kind[SourceKind::Anonymous as usize],
            writer: by_kind[SourceKind::Writer as usize],
        }
    }
}

#[derive(Serialize)]
struct SpeakerOut<'a> {
    name: &'a str,
    role: Option<&'a str>,
    kind: SourceKind,
    gender: super::Gender,
    gender_source: Option<GenderSource>,
    quotes: usize,
    words: Option<usize>,
    claims: usize,
    verbs: Vec<VerbOut<'a>>,
}

#[derive(Serialize)]
struct VerbOut<'a> {
    verb: &'a str,
    uses: usize,
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    line: Option<usize>,
    speaker: Option<&'a str>,
    kind: &'static str,
    method: Option<&'static str>,
    confidence: Option<f32>,
    verb: Option<&'a str>,
    loaded_verb: bool,
    words: Option<usize>,
    text: Option<&'a str>,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    quotes: usize,
    attributed: usize,
    unattributed: usize,
    quotes_by_kind: KindCounts,
    named_sources: usize,
    anonymous_sources: usize,
    anonymous_share: f64,
    policy: &'a [String],
    speakers: Vec<SpeakerOut<'a>>,
    quote_sheet: Vec<QuoteOut<'a>>,
}

fn article_out(a: &Article) -> ArticleOut<'_> {
    ArticleOut {
        id: &a.id,
        title: a.title.as_deref(),
        error: a.error.as_deref(),
        quotes: a.quotes.len(),
        attributed: a.attributed(),
        unattributed: a.unattributed(),
        quotes_by_kind: KindCounts::new(a.quotes_by_kind()),
        named_sources: a.named_sources(),
        anonymous_sources: a.anonymous_sources(),
        anonymous_share: (a.anonymous_share() * 1e4).round() / 1e4,
        policy: &a.policy,
        speakers: a
            .speakers
            .iter()
            .map(|s| SpeakerOut {
                name: &s.name,
                role: s.role.as_deref(),
                kind: s.kind,
                gender: s.gender,
                gender_source: s.gender_source,
                quotes: s.quotes,
                words: s.words,
                claims: s.claims,
                verbs: s
                    .verbs
                    .iter()
                    .map(|(verb, uses)| VerbOut { verb, uses: *uses })
                    .collect(),
            })
            .collect(),
        quote_sheet: a
            .quotes
            .iter()
            .map(|q| QuoteOut {
                line: q.line,
                speaker: q
                    .speaker
                    .and_then(|s| a.speakers.get(s))
                    .map(|s| s.name.as_str()),
                kind: q.kind,
                method: q.method.map(|m| m.as_str()),
                confidence: q.confidence,
                verb: q.cue.as_deref(),
                loaded_verb: q.loaded,
                words: q.words,
                text: q.text.as_deref(),
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct TotalsOut<'a> {
    articles: usize,
    failed: usize,
    quotes: usize,
    unattributed: usize,
    quotes_by_kind: KindCounts,
    quotes_by_gender: &'a GenderCounts,
    speakers_by_gender: &'a GenderCounts,
    named_sources: usize,
    anonymous_sources: usize,
    articles_with_anonymous: usize,
    articles_with_unattributed: usize,
    articles_breaking_policy: usize,
    top_speakers: Vec<SpeakerTotal>,
    verbs: Vec<VerbTotal>,
    series: &'a [Bin],
}

/// A JSON report being written.
pub struct JsonReport {
    totals: Totals,
    count: usize,
}

impl JsonReport {
    /// Starts the object.
    pub fn begin(out: &mut dyn Write) -> io::Result<JsonReport> {
        out.write_all(b"{\"articles\": [\n")?;
        Ok(JsonReport {
            totals: Totals::new(),
            count: 0,
        })
    }

    pub fn add(&mut self, a: &Article, out: &mut dyn Write) -> io::Result<()> {
        if self.count > 0 {
            out.write_all(b",\n")?;
        }
        self.count += 1;
        self.totals.add(a);
        serde_json::to_writer(&mut *out, &article_out(a)).map_err(io::Error::other)
    }

    pub fn finish(self, out: &mut dyn Write) -> io::Result<()> {
        let t = &self.totals;
        let totals = TotalsOut {
            articles: t.articles,
            failed: t.failed,
            quotes: t.quotes,
            unattributed: t.unattributed,
            quotes_by_kind: KindCounts::new(t.by_kind),
            quotes_by_gender: &t.quotes_by_gender,
            speakers_by_gender: &t.speakers_by_gender,
            named_sources: t.named_sources,
            anonymous_sources: t.anonymous_sources,
            articles_with_anonymous: t.articles_with_anonymous,
            articles_with_unattributed: t.articles_with_unattributed,
            articles_breaking_policy: t.articles_breaking_policy,
            top_speakers: t.top_speakers(TOP),
            verbs: t.verbs(TOP),
            series: &t.bins,
        };
        out.write_all(b"\n],\n\"totals\": ")?;
        serde_json::to_writer(&mut *out, &totals).map_err(io::Error::other)?;
        out.write_all(b"}\n")
    }

    pub fn totals(&self) -> &Totals {
        &self.totals
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, DocKind, LoadedVerbs, Options};
    use serde_json::Value;

    #[test]
    fn one_object_with_articles_and_totals() {
        let text =
            "\"We won,\" Mayor Ana Ortiz said.\n\nThe vote was on Tuesday.\n\n\"Who knows?\"\n";
        let a = Article::from_analysis(
            "a.txt".into(),
            text,
            DocKind::Text,
            &analyze(text, DocKind::Text),
            &LoadedVerbs::new(&Options::default()),
        );
        let mut out = Vec::new();
        let mut r = JsonReport::begin(&mut out).expect("begin");
        r.add(&a, &mut out).expect("add");
        r.add(&Article::failed("b".into(), "bad line".into()), &mut out)
            .expect("add");
        r.finish(&mut out).expect("finish");
        let v: Value = serde_json::from_slice(&out).expect("valid JSON");
        let first = &v["articles"][0];
        assert_eq!(first["quotes"], 2);
        assert_eq!(first["unattributed"], 1);
        assert_eq!(first["speakers"][0]["name"], "Ana Ortiz");
        assert_eq!(first["speakers"][0]["gender"], "female");
        assert_eq!(first["speakers"][0]["gender_source"], "first-name");
        assert_eq!(first["quote_sheet"][0]["method"], "explicit");
        assert_eq!(first["quote_sheet"][1]["speaker"], Value::Null);
        assert_eq!(first["quote_sheet"][0]["line"], 1);
        assert_eq!(v["articles"][1]["error"], "bad line");
        assert_eq!(v["totals"]["articles"], 1);
        assert_eq!(v["totals"]["failed"], 1);
        assert_eq!(v["totals"]["quotes_by_kind"]["person"], 1);
        assert_eq!(v["totals"]["top_speakers"][0]["name"], "Ana Ortiz");
    }
}
