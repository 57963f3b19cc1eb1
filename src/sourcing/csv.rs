//! `saidso report --format csv`: one of the report's tables as RFC 4180 CSV, for a
//! spreadsheet. `--table quotes` (the default) is the fact-checker's quote sheet: every quote,
//! its speaker, how saidso found the speaker, how sure it is, and the line to check it at;
//! `speakers` is one row per source per article; `articles` one row per article.
//! Rows are written as articles come, so an archive streams through.

use super::tables::{Article, Gender};
use clap::ValueEnum;
use std::fmt::Write as _;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Table {
    /// Every quote: article, line, speaker, how it was found, confidence, verb, words.
    Quotes,
    /// Every source of every article: kind, gender, quotes, words, verbs.
    Speakers,
    /// Every article: quotes, named and anonymous sources, unattributed quotes, genders.
    Articles,
}

/// A field quoted when it must be (comma, quote, line break, leading or trailing space).
fn field(out: &mut String, value: &str) {
    if value.contains([',', '"', '\n', '\r']) || value.starts_with(' ') || value.ends_with(' ') {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

fn record(out: &mut String, fields: &[String]) {
    for (k, f) in fields.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        field(out, f);
    }
    out.push_str("\r\n");
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map_or(String::new(), |v| v.to_string())
}

/// The header line of `table`.
pub fn header(table: Table) -> String {
    let names: &[&str] = match table {
        Table::Quotes => &[
            "article",
            "line",
            "speaker",
            "speaker_kind",
            "quote_kind",
            "found_by",
            "confidence",
            "verb",
            "loaded_verb",
            "words",
            "quote",
        ],
        Table::Speakers => &[
            "article",
            "speaker",
            "role",
            "kind",
            "gender",
            "gender_source",
            "quotes",
            "words",
            "claims",
            "verbs",
        ],
        Table::Articles => &[
            "article",
            "title",
            "quotes",
            "attributed",
            "unattributed",
            "speakers_quoted",
            "named_sources",
            "anonymous_sources",
            "anonymous_share",
            "women_quoted",
            "men_quoted",
            "gender_unknown_quoted",
            "policy",
            "error",
        ],
    };
    let mut out = String::new();
    record(
        &mut out,
        &names.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
    );
    out
}

/// The rows of `table` for one article.
pub fn rows(table: Table, a: &Article) -> String {
    let mut out = String::new();
    match table {
        Table::Quotes => {
            for q in &a.quotes {
                let s = q.speaker.and_then(|s| a.speakers.get(s));
                record(
                    &mut out,
                    &[
                        a.id.clone(),
                        opt(q.line),
                        s.map_or(String::new(), |s| s.name.clone()),
                        s.map_or(String::new(), |s| s.kind.as_str().to_string()),
                        q.kind.to_string(),
                        opt(q.method.map(|m| m.as_str())),
                        opt(q.confidence.map(|c| format!("{c:.2}"))),
                        opt(q.cue.as_deref()),
                        if q.loaded { "yes" } else { "" }.to_string(),
                        opt(q.words),
                        opt(q.text.as_deref()),
                    ],
                );
            }
        }
        Table::Speakers => {
            for s in &a.speakers {
                let mut verbs = String::new();
                for (k, (v, n)) in s.verbs.iter().enumerate() {
                    let _ = write!(verbs, "{}{v} {n}", if k > 0 { "; " } else { "" });
                }
                record(
                    &mut out,
                    &[
                        a.id.clone(),
                        s.name.clone(),
                        opt(s.role.as_deref()),
                        s.kind.as_str().to_string(),
                        s.gender.as_str().to_string(),
                        opt(s.gender_source.map(|g| g.as_str())),
                        s.quotes.to_string(),
                        opt(s.words),
                        s.claims.to_string(),
                        verbs,
                    ],
                );
            }
        }
        Table::Articles => {
            let quoted = |g: Gender| {
                a.speakers
                    .iter()
                    .filter(|s| s.quotes > 0 && s.gender == g)
                    .count()
                    .to_string()
            };
            let counts = a.error.is_none();
            let n = |v: usize| if counts { v.to_string() } else { String::new() };
            record(
                &mut out,
                &[
                    a.id.clone(),
                    opt(a.title.as_deref()),
                    n(a.quotes.len()),
                    n(a.attributed()),
                    n(a.unattributed()),
                    n(a.quoted_speakers()),
                    n(a.named_sources()),
                    n(a.anonymous_sources()),
                    if counts && !a.quotes.is_empty() {
                        format!("{:.3}", a.anonymous_share())
                    } else {
                        String::new()
                    },
                    if counts {
                        quoted(Gender::Female)
                    } else {
                        String::new()
                    },
                    if counts {
                        quoted(Gender::Male)
                    } else {
                        String::new()
                    },
                    if counts {
                        quoted(Gender::Unknown)
                    } else {
                        String::new()
                    },
                    a.policy.join(" | "),
                    opt(a.error.as_deref()),
                ],
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, DocKind, LoadedVerbs, Options};

    fn article() -> Article {
        let text = "Intro.\n\n\"We won, today,\" Mayor Ana Ortiz said.\n\n\
                    The vote was on Tuesday.\n\n\"Who knows?\"\n";
        Article::from_analysis(
            "news/a,b.txt".into(),
            text,
            DocKind::Text,
            &analyze(text, DocKind::Text),
            &LoadedVerbs::new(&Options::default()),
        )
    }

    #[test]
    fn quote_sheet_rows_are_quoted_where_needed() {
        let a = article();
        let sheet = header(Table::Quotes) + &rows(Table::Quotes, &a);
        let lines: Vec<&str> = sheet.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "article,line,speaker,speaker_kind,quote_kind,found_by,confidence,verb,loaded_verb,words,quote"
        );
        assert_eq!(
            lines[1],
            "\"news/a,b.txt\",3,Ana Ortiz,person,direct,explicit,0.95,said,,3,\"We won, today,\""
        );
        assert_eq!(lines[2], "\"news/a,b.txt\",7,,,direct,,,,,2,Who knows?");
        assert_eq!(lines.len(), 4, "{sheet}");
    }

    #[test]
    fn fields_escape_quotes_commas_and_breaks() {
        let mut out = String::new();
        field(&mut out, "say \"hi\", then\ngo");
        assert_eq!(out, "\"say \"\"hi\"\", then\ngo\"");
        let mut out = String::new();
        field(&mut out, "plain");
        assert_eq!(out, "plain");
    }

    #[test]
    fn speakers_and_articles_tables() {
        let a = article();
        let speakers = rows(Table::Speakers, &a);
        assert_eq!(
            speakers,
            "\"news/a,b.txt\",Ana Ortiz,Mayor,person,female,first-name,1,3,1,said 1\r\n"
        );
        let articles = rows(Table::Articles, &a);
        assert_eq!(articles, "\"news/a,b.txt\",,2,1,1,1,1,0,0.000,1,0,0,,\r\n");
        let failed = rows(Table::Articles, &Article::failed("x".into(), "bad".into()));
        assert_eq!(failed, "x,,,,,,,,,,,,,bad\r\n");
    }
}
