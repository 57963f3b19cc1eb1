//! One article's view: its text with every quote in its speaker's colour, the attribution
//! verb underlined in the same colour, quotes with no speaker hatched in red with a "no
//! speaker" badge; and beside it the panel of speakers (name, role, kind, gender and how it
//! is known, quotes, quoted words, verbs). Hovering a quote tells who said it, how saidso
//! found that and how sure it is. An article from an `extract` line has no text: its view is
//! the panel and the quote sheet.

use super::{escape, thousands};
use crate::analysis::{GenderSource, Method};
use crate::sourcing::colours::PALETTE;
use crate::sourcing::tables::{Article, ArticleText, Gender, MarkKind, QuoteRow, SpeakerRow};
use std::fmt::Write;

/// How a method reads in a tooltip.
pub fn method_label(m: Method) -> &'static str {
    match m {
        Method::Explicit => "named in the same sentence",
        Method::According => "“according to”",
        Method::Pronoun => "a pronoun (“he said”) for someone named before",
        Method::ColonIntro => "introduced by the paragraph before (“… said:”)",
        Method::Subject => "the subject of the sentence",
        Method::SameParagraph => "named elsewhere in the paragraph",
        Method::Continuation => "continues the previous speaker's quote",
        Method::Headline => "the headline form “Name: …”",
    }
}

/// `woman (title)`, `man (first-name guess)`, `gender unknown`; empty for organisations.
pub fn gender_label(gender: Gender, source: Option<GenderSource>) -> String {
    let word = match gender {
        Gender::Female => "woman",
        Gender::Male => "man",
        Gender::Unknown => return "gender unknown".into(),
        Gender::NotApplicable => return String::new(),
    };
    match source {
        Some(GenderSource::Title) => format!("{word} (title)"),
        Some(GenderSource::Pronoun) => format!("{word} (pronoun)"),
        Some(GenderSource::FirstName) => format!("{word} (first-name guess)"),
        None => word.to_string(),
    }
}

/// The colour classes of the speaker at `row`: `s3`, plus `more` past the palette's end.
fn colour_class(row: usize) -> String {
    let more = if row >= PALETTE.len() { " more" } else { "" };
    format!("s{}{more}", row % PALETTE.len())
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

/// The tooltip of a quote: who, how, how sure.
fn quote_tip(q: &QuoteRow, speakers: &[SpeakerRow]) -> String {
    let Some(s) = q.speaker.and_then(|s| speakers.get(s)) else {
        return "No speaker found\nNo cue names anyone for this quote: name the speaker in its \
                sentence or paragraph."
            .into();
    };
    let mut who = s.name.clone();
    if let Some(role) = &s.role {
        who.push_str(&format!(", {role}"));
    }
    let mut how = q
        .method
        .map_or_else(String::new, |m| method_label(m).to_string());
    if let Some(cue) = &q.cue {
        how.push_str(&format!(" · “{cue}”"));
        if q.loaded {
            how.push_str(" (a loaded verb)");
        }
    }
    if let Some(c) = q.confidence {
        how.push_str(&format!(" · confidence {:.0}%", c * 100.0));
    }
    format!("{who}\n{how}")
}

/// Appends `text` escaped, with runs of whitespace as one space (`space` carries whether the
/// last character written was one, across calls).
fn push_text(out: &mut String, text: &str, space: &mut bool) {
    for c in text.chars() {
        if c.is_whitespace() {
            if !*space {
                out.push(' ');
                *space = true;
            }
        } else {
            *space = false;
            match c {
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                '"' => out.push_str("&quot;"),
                _ => out.push(c),
            }
        }
    }
}

/// The paragraphs with their marks.
fn text_html(out: &mut String, a: &Article, t: &ArticleText) {
    let view = t.view.as_str();
    let mut next = 0;
    for &(span, heading) in &t.paragraphs {
        let (open, close) = if heading {
            ("<h3>", "</h3>")
        } else {
            ("<p>", "</p>")
        };
        out.push_str(open);
        let mut pos = span.start;
        let mut space = true;
        while next < t.marks.len() && t.marks[next].span.start < span.end {
            let m = t.marks[next];
            next += 1;
            if m.span.start < pos {
                continue;
            }
            push_text(out, view.get(pos..m.span.start).unwrap_or(""), &mut space);
            let end = m.span.end.min(span.end);
            let inner = view.get(m.span.start..end).unwrap_or("");
            match m.kind {
                MarkKind::Quote { row, speaker } => {
                    let tip = a
                        .quotes
                        .get(row)
                        .map(|q| quote_tip(q, &a.speakers))
                        .unwrap_or_default();
                    match speaker {
                        Some(s) => {
                            let _ = write!(
                                out,
                                "<span class=\"q {}\" data-s=\"{s}\" title=\"{}\">",
                                colour_class(s),
                                escape(&tip)
                            );
                        }
                        None => {
                            let _ = write!(
                                out,
                                "<span class=\"q orphan\" title=\"{}\"><span \
                                 class=\"badge\">no speaker</span>",
                                escape(&tip)
                            );
                        }
                    }
                    space = false;
                    push_text(out, inner, &mut space);
                    out.push_str("</span>");
                }
                MarkKind::Cue { speaker } => {
                    let who = a.speakers.get(speaker).map_or("", |s| s.name.as_str());
                    let _ = write!(
                        out,
                        "<span class=\"cue {}\" title=\"{}\">",
                        colour_class(speaker),
                        escape(&format!("Attribution verb\nfor {who}"))
                    );
                    push_text(out, inner, &mut space);
                    out.push_str("</span>");
                }
            }
            pos = end;
        }
        push_text(out, view.get(pos..span.end).unwrap_or(""), &mut space);
        // Trailing whitespace inside the element is invisible; nothing to trim.
        out.push_str(close);
        out.push('\n');
    }
}

/// The panel of speakers.
fn panel(out: &mut String, a: &Article) {
    out.push_str("<h3>Who is quoted</h3>");
    if a.speakers.is_empty() {
        out.push_str(
            "<div class=\"nospk\">Nobody: no quote or reported speech has a speaker.</div>",
        );
    }
    for (row, s) in a.speakers.iter().enumerate() {
        let mut what: Vec<String> = Vec::new();
        if let Some(role) = &s.role {
            what.push(escape(role));
        }
        what.push(s.kind.label().to_string());
        let g = gender_label(s.gender, s.gender_source);
        if !g.is_empty() {
            what.push(g);
        }
        if let Some(w) = s.words.filter(|_| s.quotes > 0) {
            what.push(plural(w, "word quoted", "words quoted"));
        }
        let reported = s.claims.saturating_sub(s.quotes);
        if reported > 0 {
            what.push(format!("{} reported", thousands(reported)));
        }
        let _ = write!(
            out,
            "<div class=\"spk {}\" data-s=\"{row}\" title=\"Click to pick out their quotes\">\
             <span class=\"sw\"></span><span class=\"who\">{}</span>\
             <span class=\"stat\"><b>{}</b> {}</span><span class=\"what\">{}</span>",
            colour_class(row),
            escape(&s.name),
            thousands(s.quotes),
            if s.quotes == 1 { "quote" } else { "quotes" },
            what.join(" · ")
        );
        if !s.verbs.is_empty() {
            out.push_str("<div class=\"verbs\">");
            for (verb, n) in s.verbs.iter().take(6) {
                let loaded = a.quotes.iter().any(|q| {
                    q.loaded
                        && q.cue.as_deref().map(str::to_lowercase).as_deref() == Some(verb.as_str())
                });
                let _ = write!(
                    out,
                    "<span{}>{} {}</span>",
                    if loaded {
                        " class=\"loaded\" title=\"a loaded verb\""
                    } else {
                        ""
                    },
                    escape(verb),
                    n
                );
            }
            out.push_str("</div>");
        }
        out.push_str("</div>");
    }
    out.push_str(
        "<div class=\"keys\"><div><span class=\"sample-q s0\">“quoted words”</span> in the \
         speaker's colour; hover for how saidso knows</div><div><span class=\"sample-c s0\">said\
         </span> the attribution verb</div><div><span class=\"sample-o\">“…”</span> no speaker \
         found</div><div>Click a speaker to pick out their quotes.</div></div>",
    );
}

/// The quote sheet, for an article whose text is not at hand.
fn sheet(out: &mut String, a: &Article) {
    if a.quotes.is_empty() {
        return;
    }
    out.push_str(
        "<table class=\"sheet\"><thead><tr><th>#</th><th>speaker</th><th>found by</th>\
         <th>verb</th><th class=\"num\">confidence</th></tr></thead><tbody>",
    );
    for (k, q) in a.quotes.iter().enumerate() {
        let who = q.speaker.and_then(|s| a.speakers.get(s).map(|x| (s, x)));
        let _ = write!(
            out,
            "<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
            k + 1,
            match who {
                Some((row, s)) => format!(
                    "<span class=\"sample-q {}\">{}</span>",
                    colour_class(row),
                    escape(&s.name)
                ),
                None => "<span class=\"sample-o\">no speaker</span>".into(),
            },
            q.method.map_or("", method_label),
            escape(q.cue.as_deref().unwrap_or("")),
            q.confidence
                .map_or(String::new(), |c| format!("{:.0}%", c * 100.0))
        );
    }
    out.push_str("</tbody></table>");
}

/// The counts under the article's headline.
fn counts(out: &mut String, a: &Article) {
    out.push_str("<div class=\"counts\">");
    let _ = write!(
        out,
        "<span>{}</span><span>{}</span><span>{}</span>",
        plural(a.quotes.len(), "quote", "quotes"),
        plural(a.quoted_speakers(), "speaker quoted", "speakers quoted"),
        plural(a.named_sources(), "named source", "named sources")
    );
    if a.anonymous_sources() > 0 {
        let _ = write!(
            out,
            "<span>{}</span>",
            plural(
                a.anonymous_sources(),
                "anonymous source",
                "anonymous sources"
            )
        );
    }
    if a.unattributed() > 0 {
        let _ = write!(
            out,
            "<span class=\"warn\">{} with no speaker</span>",
            thousands(a.unattributed())
        );
    }
    out.push_str("</div>");
}

/// The whole view of one article, as an `<article>` with `id=anchor`.
pub fn view(out: &mut String, a: &Article, anchor: &str) {
    // With the text shown, its own headline opens it; the header names the file or id.
    let (heading, class) = match (&a.text, &a.title) {
        (None, Some(title)) => (title.as_str(), ""),
        _ => (a.id.as_str(), " class=\"path\""),
    };
    let _ = write!(
        out,
        "<article class=\"story\" id=\"{}\"><header><h2{class}>{}</h2>",
        escape(anchor),
        escape(heading)
    );
    if a.text.is_none() && a.title.is_some() {
        let _ = write!(out, "<div class=\"id\">{}</div>", escape(&a.id));
    }
    if let Some(error) = &a.error {
        let _ = writeln!(
            out,
            "<div class=\"policy\"><p>{}</p></div></header></article>",
            escape(error)
        );
        return;
    }
    counts(out, a);
    if !a.policy.is_empty() {
        out.push_str("<div class=\"policy\">");
        for p in &a.policy {
            let _ = write!(out, "<p>⚑ {}</p>", escape(p));
        }
        out.push_str("</div>");
    }
    out.push_str("</header>");
    match &a.text {
        Some(t) => {
            out.push_str("<div class=\"body\"><div class=\"text\">");
            text_html(out, a, t);
            out.push_str("</div><aside class=\"panel\"><div class=\"sticky\">");
            panel(out, a);
            out.push_str("</div></aside></div>");
        }
        None => {
            out.push_str("<div class=\"notext\">");
            panel(out, a);
            sheet(out, a);
            out.push_str("</div>");
        }
    }
    out.push_str("</article>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, DocKind, LoadedVerbs, Options};

    fn html(text: &str) -> String {
        let analysis = analyze(text, DocKind::Text);
        let a = Article::from_analysis(
            "news/a.txt".into(),
            text,
            DocKind::Text,
            &analysis,
            &LoadedVerbs::new(&Options::default()),
        );
        let mut out = String::new();
        view(&mut out, &a, "a1");
        out
    }

    #[test]
    fn quotes_carry_their_speakers_colour_and_orphans_a_badge() {
        let out = html(
            "\"We won,\" Mayor Ana Ortiz said.\n\n\"It is <too> late,\" a city engineer claimed.\n\n\
             The vote was on Tuesday.\n\n\"Who knows?\"\n",
        );
        assert!(
            out.contains("<span class=\"q s0\" data-s=\"0\" title=\"Ana Ortiz, Mayor\n"),
            "{out}"
        );
        assert!(
            out.contains("“We won,”") || out.contains("&quot;We won,&quot;"),
            "{out}"
        );
        assert!(out.contains("<span class=\"cue s0\""), "{out}");
        assert!(out.contains("class=\"q s1\" data-s=\"1\""), "{out}");
        assert!(out.contains("a loaded verb"), "{out}");
        assert!(out.contains("&lt;too&gt;"), "{out}");
        assert!(
            out.contains("<span class=\"q orphan\" title=\"No speaker found"),
            "{out}"
        );
        assert!(
            out.contains("<span class=\"badge\">no speaker</span>"),
            "{out}"
        );
        // The panel lists both speakers in colour order with their verbs.
        let ortiz = out.find("<div class=\"spk s0\"").expect("Ortiz row");
        let engineer = out.find("<div class=\"spk s1\"").expect("engineer row");
        assert!(ortiz < engineer);
        assert!(
            out.contains("<span class=\"loaded\" title=\"a loaded verb\">claimed 1</span>"),
            "{out}"
        );
    }

    #[test]
    fn speakers_past_the_palette_get_a_dashed_variant() {
        assert_eq!(colour_class(2), "s2");
        assert_eq!(colour_class(PALETTE.len() + 2), "s2 more");
    }

    #[test]
    fn gender_labels_say_how_they_are_known() {
        assert_eq!(
            gender_label(Gender::Female, Some(GenderSource::Pronoun)),
            "woman (pronoun)"
        );
        assert_eq!(
            gender_label(Gender::Male, Some(GenderSource::FirstName)),
            "man (first-name guess)"
        );
        assert_eq!(gender_label(Gender::Unknown, None), "gender unknown");
        assert_eq!(gender_label(Gender::NotApplicable, None), "");
    }
}
