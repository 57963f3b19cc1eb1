//! The sourcing report as one self-contained HTML page.
//!
//! For one article: its view (text in speakers' colours, the panel of speakers). For several:
//! totals and charts, a table of articles linking to each article's view, then the views —
//! of the first [`DEFAULT_VIEWS`] articles unless told otherwise, since a browser struggles
//! with a page of ten thousand (the table and the totals always cover every article).
//! [`Report`] streams: each article is rendered as it comes into spooled temporary buffers
//! (memory up to a few MB, then a file), and only [`Totals`] stay in memory, so an archive of
//! any length renders in flat memory; the page is put together at the end, totals first.
//!
//! The output is deterministic (no date, no random ids), so two runs over the same input give
//! the same file and tests can compare it.

pub mod article;
pub mod charts;
pub mod style;
pub mod summary;

use super::tables::Article;
use super::totals::Totals;
use std::fmt::Write as _;
use std::io::{self, Read, Seek, SeekFrom, Write};

/// Text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// `12345` → `12,345`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Buffers that stay in memory up to this size, then move to a temporary file.
const SPOOL_IN_MEMORY: usize = 4 << 20;

/// How many articles get a view of their own by default. A view is 5–15 KB of HTML; a few
/// hundred keep the page quick to open, and past that a reader uses the table.
pub const DEFAULT_VIEWS: usize = 500;

/// An HTML report being written, one article at a time.
pub struct Report {
    /// What the report is of (`examples/`, `archive.jsonl`), for its heading.
    source: String,
    totals: Totals,
    views: tempfile::SpooledTempFile,
    rows: tempfile::SpooledTempFile,
    count: usize,
    /// Articles that get a view; the rest are in the table only.
    max_views: usize,
    buf: String,
}

impl Report {
    pub fn new(source: &str) -> Report {
        Report::with_views(source, DEFAULT_VIEWS)
    }

    /// A report whose first `max_views` articles get a view of their own.
    pub fn with_views(source: &str, max_views: usize) -> Report {
        Report {
            source: source.to_string(),
            totals: Totals::new(),
            views: tempfile::spooled_tempfile(SPOOL_IN_MEMORY),
            rows: tempfile::spooled_tempfile(SPOOL_IN_MEMORY),
            count: 0,
            max_views,
            buf: String::new(),
        }
    }

    pub fn totals(&self) -> &Totals {
        &self.totals
    }

    /// Renders one article's view and table row and counts it.
    pub fn add(&mut self, a: &Article) -> io::Result<()> {
        self.count += 1;
        self.totals.add(a);
        // The one article of a one-article report always has its view.
        let anchor = (self.count <= self.max_views.max(1)).then(|| format!("a{}", self.count));
        if let Some(anchor) = &anchor {
            self.buf.clear();
            article::view(&mut self.buf, a, anchor);
            self.views.write_all(self.buf.as_bytes())?;
        }
        self.buf.clear();
        summary::row(&mut self.buf, a, anchor.as_deref());
        self.rows.write_all(self.buf.as_bytes())
    }

    /// Writes the page: totals, charts and the article table when there is more than one
    /// article, then every article's view.
    pub fn finish(mut self, out: &mut dyn Write) -> io::Result<()> {
        let single = self.count == 1;
        let title = if single {
            "Sourcing report".to_string()
        } else {
            format!("Sourcing report: {}", self.source)
        };
        let sub = if single {
            escape(&self.source)
        } else {
            format!(
                "{} articles · {} quotes",
                thousands(self.totals.articles + self.totals.failed),
                thousands(self.totals.quotes)
            )
        };
        out.write_all(head(&title, &sub).as_bytes())?;
        if self.count == 0 {
            out.write_all(b"<p>No articles to report on.</p>\n")?;
        } else if !single {
            let mut top = String::new();
            summary::overview(&mut top, &self.totals);
            top.push_str(summary::TABLE_HEAD);
            out.write_all(top.as_bytes())?;
            copy(&mut self.rows, out)?;
            out.write_all(summary::TABLE_FOOT.as_bytes())?;
            out.write_all(b"<h2 class=\"section\">The articles</h2>\n")?;
            if self.count > self.max_views {
                let note = format!(
                    "<p class=\"note\">The first {} of the {} articles; the table and the totals \
                     above count them all. <code>saidso report --views N</code> shows more.</p>\n",
                    thousands(self.max_views),
                    thousands(self.count)
                );
                out.write_all(note.as_bytes())?;
            }
        }
        copy(&mut self.views, out)?;
        out.write_all(foot().as_bytes())
    }
}

fn copy(spool: &mut tempfile::SpooledTempFile, out: &mut dyn Write) -> io::Result<()> {
    spool.seek(SeekFrom::Start(0))?;
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = spool.read(&mut buf)?;
        if n == 0 {
            return Ok(());
        }
        out.write_all(&buf[..n])?;
    }
}

/// The page for one article (the editor's "Open sourcing report").
pub fn page(a: &Article) -> String {
    let mut report = Report::new(&a.id);
    let mut out = Vec::new();
    // Writing to memory cannot fail.
    let _ = report.add(a).and_then(|()| report.finish(&mut out));
    String::from_utf8_lossy(&out).into_owned()
}

/// The document head and the page's top bar.
fn head(title: &str, sub: &str) -> String {
    let mut out = String::with_capacity(16 << 10);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\
         <meta name=\"generator\" content=\"saidso {version}\">\
         <title>{title}</title><style>{css}</style></head>\n<body>\
         <div class=\"top\"><div class=\"inner\"><span class=\"brand\">saidso</span>\
         <h1>{title}</h1><span class=\"sub\">{sub}</span></div></div>\n<main>\n",
        version = env!("CARGO_PKG_VERSION"),
        title = escape(title),
        css = style::css(),
    );
    out
}

/// The notes on method at the foot of the page, the tooltip and the script.
fn foot() -> String {
    format!(
        "</main>\n<footer class=\"foot\"><h2>How to read this report</h2>\
         <p><b>Quotes</b> are direct and partial quotations, counted as a reader counts them: a \
         quote running over several paragraphs is one quote; scare quotes (a word quoted as a \
         label) are not speech and are not counted. <b>Named</b> sources are people and \
         organisations; <b>anonymous</b> ones are described instead (“a senior official”). \
         Speakers are found by saidso's reading of the attribution (“Putin said”, “according \
         to”, “he said”, a quote continuing the previous speaker), and each quote's tooltip says \
         how and how sure; check what matters before you rely on it.</p>\
         <p><b>Gender</b> comes only from the text's own evidence: a gendered title, honorific \
         or role word given to the speaker (Mrs., Councilman, spokeswoman) or a pronoun the \
         text uses when attributing a quote to them (“she said”). Where the text gives \
         neither, a common first name's usual gender is used and marked as a <i>first-name \
         guess</i> (hatched in the charts); otherwise the gender is <i>unknown</i>, which is \
         counted as such and never guessed further. Organisations have none. saidso does not \
         know anyone's gender; it reports what the copy says.</p>\
         <p>Made by saidso {} — “who said so?”. This file is self-contained and loads \
         nothing from the network.</p></footer>\n<div id=\"tip\" role=\"tooltip\"></div>\n\
         <script>{}</script>\n</body></html>\n",
        env!("CARGO_PKG_VERSION"),
        style::JS
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, DocKind, LoadedVerbs, Options};

    fn article(id: &str, text: &str) -> Article {
        Article::from_analysis(
            id.into(),
            text,
            DocKind::Text,
            &analyze(text, DocKind::Text),
            &LoadedVerbs::new(&Options::default()),
        )
    }

    #[test]
    fn escapes_and_groups_digits() {
        assert_eq!(
            escape("<a href=\"x\">O'Neil & co</a>"),
            "&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/a&gt;"
        );
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn one_article_is_its_view_alone() {
        let html = page(&article("a.txt", "\"We won,\" Putin said.\n"));
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("Content-Security-Policy"));
        assert!(html.contains("<article class=\"story\" id=\"a1\">"));
        assert!(
            !html.contains("<table>"),
            "no article table for one article"
        );
        assert!(html.trim_end().ends_with("</html>"));
    }

    #[test]
    fn past_the_view_limit_articles_are_in_the_table_only() {
        let mut r = Report::with_views("news/", 1);
        r.add(&article("a.txt", "\"We won,\" Putin said.\n"))
            .expect("add");
        r.add(&article("b.txt", "\"Who knows?\"\n")).expect("add");
        let mut out = Vec::new();
        r.finish(&mut out).expect("finish");
        let html = String::from_utf8(out).expect("utf-8");
        assert_eq!(html.matches("<article class=\"story\"").count(), 1);
        assert!(html.contains("<a href=\"#a1\">a.txt</a>"));
        assert!(
            html.contains("<td data-v=\"b.txt\">b.txt</td>"),
            "b.txt in the table, unlinked"
        );
        assert!(html.contains("The first 1 of the 2 articles"));
        // One article always has its view, whatever the limit.
        let mut r = Report::with_views("a.txt", 0);
        r.add(&article("a.txt", "\"We won,\" Putin said.\n"))
            .expect("add");
        let mut out = Vec::new();
        r.finish(&mut out).expect("finish");
        assert!(String::from_utf8(out)
            .expect("utf-8")
            .contains("<article class=\"story\""));
    }

    #[test]
    fn several_articles_get_totals_a_table_and_every_view() {
        let mut r = Report::new("news/");
        r.add(&article("a.txt", "\"We won,\" Putin said.\n"))
            .expect("add");
        r.add(&article("b.txt", "\"Who knows?\"\n")).expect("add");
        let mut out = Vec::new();
        r.finish(&mut out).expect("finish");
        let html = String::from_utf8(out).expect("utf-8");
        assert!(html.contains("Sourcing report: news/"));
        assert!(
            html.contains("<a href=\"#a1\">a.txt</a>")
                && html.contains("<a href=\"#a2\">b.txt</a>")
        );
        assert!(html.contains("id=\"a1\"") && html.contains("id=\"a2\""));
        let table = html.find("<table>").expect("table");
        let first_view = html.find("<article").expect("views");
        assert!(table < first_view, "totals and table come first");
        // No reference to anything outside the file.
        for outside in ["http://", "https://", "src=", "@import", "url(http"] {
            assert!(!html.contains(outside), "{outside}");
        }
    }
}
