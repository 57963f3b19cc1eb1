//! The top of an archive's report: totals as cards, the charts (quotes by kind of source, by
//! gender, named vs anonymous across the archive, top speakers, attribution verbs), and one
//! row per article for the table that links to each article's view.

use super::charts::{self, BarRow, Column, Segment};
use super::{escape, thousands};
use crate::sourcing::colours::chart as colour;
use crate::sourcing::tables::{Article, Gender, SourceKind};
use crate::sourcing::totals::Totals;
use std::fmt::Write;

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "—".into()
    } else {
        format!("{:.0}%", part as f64 * 100.0 / whole as f64)
    }
}

fn card(out: &mut String, n: &str, label: &str) {
    let _ = write!(
        out,
        "<div class=\"card\"><div class=\"n\">{n}</div><div class=\"l\">{}</div></div>",
        escape(label)
    );
}

fn figure(out: &mut String, title: &str, note: &str, body: &str) {
    figure_in(out, "chart", title, note, body);
}

fn figure_in(out: &mut String, class: &str, title: &str, note: &str, body: &str) {
    let _ = write!(
        out,
        "<figure class=\"{class}\"><figcaption>{}</figcaption><p class=\"note\">{}</p>{body}</figure>",
        escape(title),
        escape(note)
    );
}

/// The cards and charts.
pub fn overview(out: &mut String, t: &Totals) {
    out.push_str("<h2 class=\"section\">At a glance</h2><div class=\"cards\">");
    card(out, &thousands(t.articles), "articles");
    card(out, &thousands(t.quotes), "quotes");
    let named =
        t.by_kind[SourceKind::Person as usize] + t.by_kind[SourceKind::Organization as usize];
    card(
        out,
        &percent(named, t.quotes),
        "of quotes from named sources",
    );
    card(
        out,
        &percent(t.by_kind[SourceKind::Anonymous as usize], t.quotes),
        "of quotes from anonymous sources",
    );
    card(out, &thousands(t.unattributed), "quotes with no speaker");
    let people = &t.speakers_by_gender;
    card(
        out,
        &percent(people.female, people.total()),
        &format!(
            "of the {} people quoted are women{}",
            thousands(people.total()),
            match people.female_guessed {
                0 => String::new(),
                n => format!(" ({} by first name alone)", thousands(n)),
            }
        ),
    );
    if t.failed > 0 {
        card(
            out,
            &thousands(t.failed),
            "archive lines that could not be read",
        );
    }
    if t.articles_breaking_policy > 0 {
        card(
            out,
            &thousands(t.articles_breaking_policy),
            "articles breaking the house policy",
        );
    }
    out.push_str("</div><h2 class=\"section\">Who is quoted</h2><div class=\"charts\">");

    let kinds = [
        Segment {
            label: "people",
            value: t.by_kind[SourceKind::Person as usize],
            colour: colour::PERSON,
            hatched: false,
        },
        Segment {
            label: "organisations",
            value: t.by_kind[SourceKind::Organization as usize],
            colour: colour::ORGANISATION,
            hatched: false,
        },
        Segment {
            label: "anonymous descriptions",
            value: t.by_kind[SourceKind::Anonymous as usize],
            colour: colour::ANONYMOUS,
            hatched: false,
        },
        Segment {
            label: "the writer",
            value: t.by_kind[SourceKind::Writer as usize],
            colour: colour::WRITER,
            hatched: false,
        },
        Segment {
            label: "no speaker",
            value: t.unattributed,
            colour: colour::UNATTRIBUTED,
            hatched: true,
        },
    ];
    let kinds: Vec<Segment> = kinds
        .into_iter()
        .filter(|s| s.value > 0 || s.label != "the writer")
        .collect();
    figure(
        out,
        "Quotes by kind of source",
        "Every quote once; a quote running over several paragraphs counts once.",
        &(charts::share_bar("kinds", &kinds) + &charts::legend(&kinds)),
    );

    let g = &t.quotes_by_gender;
    let genders = [
        Segment {
            label: "women",
            value: g.female - g.female_guessed,
            colour: colour::FEMALE,
            hatched: false,
        },
        Segment {
            label: "women (first-name guess)",
            value: g.female_guessed,
            colour: colour::FEMALE,
            hatched: true,
        },
        Segment {
            label: "men",
            value: g.male - g.male_guessed,
            colour: colour::MALE,
            hatched: false,
        },
        Segment {
            label: "men (first-name guess)",
            value: g.male_guessed,
            colour: colour::MALE,
            hatched: true,
        },
        Segment {
            label: "unknown",
            value: g.unknown,
            colour: colour::UNKNOWN,
            hatched: false,
        },
    ];
    figure(
        out,
        "Quotes by gender of the speaker",
        "People only, from the text's own evidence; hatched: only a first name to go on. \
         See the note at the foot of the page.",
        &(charts::share_bar("gender", &genders) + &charts::legend(&genders)),
    );

    let columns: Vec<Column> = t
        .bins
        .iter()
        .map(|b| Column {
            label: if b.articles == 1 {
                format!("article {}", b.first + 1)
            } else {
                format!("articles {}–{}", b.first + 1, b.first + b.articles)
            },
            parts: vec![
                (b.named, colour::PERSON, "named"),
                (b.anonymous, colour::ANONYMOUS, "anonymous"),
                (b.other, colour::WRITER, "the writer"),
                (b.unattributed, colour::UNATTRIBUTED, "no speaker"),
            ],
        })
        .collect();
    let per = t.bins.first().map_or(1, |b| b.articles.max(1));
    let series_legend = charts::legend(&[
        Segment {
            label: "named",
            value: named,
            colour: colour::PERSON,
            hatched: false,
        },
        Segment {
            label: "anonymous",
            value: t.by_kind[SourceKind::Anonymous as usize],
            colour: colour::ANONYMOUS,
            hatched: false,
        },
        Segment {
            label: "no speaker",
            value: t.unattributed,
            colour: colour::UNATTRIBUTED,
            hatched: false,
        },
    ]);
    figure_in(
        out,
        "chart wide",
        "Named vs anonymous, across the archive",
        &if per > 1 {
            format!(
                "Share of each column's quotes; one column per {per} articles, in archive order."
            )
        } else {
            "Share of each article's quotes, in archive order.".to_string()
        },
        &(charts::series(
            &columns,
            "first article",
            &format!("article {}", thousands(t.articles)),
        ) + &series_legend),
    );

    let top: Vec<BarRow> = t
        .top_speakers(12)
        .into_iter()
        .map(|s| BarRow {
            note: if t.articles > 1 {
                format!(
                    "in {}",
                    if s.articles == 1 {
                        "1 article".to_string()
                    } else {
                        format!("{} articles", thousands(s.articles))
                    }
                )
            } else {
                String::new()
            },
            colour: match s.kind {
                SourceKind::Person => colour::PERSON,
                SourceKind::Organization => colour::ORGANISATION,
                SourceKind::Anonymous => colour::ANONYMOUS,
                SourceKind::Writer => colour::WRITER,
            },
            label: s.name,
            value: s.quotes,
        })
        .collect();
    figure(
        out,
        "Most quoted",
        "Quotes per speaker, by name as the text gives it (blue: people, teal: organisations, \
         orange: anonymous descriptions).",
        &charts::bars(&top),
    );

    let verbs: Vec<BarRow> = t
        .verbs(12)
        .into_iter()
        .map(|v| BarRow {
            label: v.verb,
            value: v.uses,
            colour: if v.loaded {
                colour::LOADED_VERB
            } else {
                colour::NEUTRAL_VERB
            },
            note: if v.loaded {
                "loaded".into()
            } else {
                String::new()
            },
        })
        .collect();
    figure(
        out,
        "Attribution verbs",
        &format!(
            "The verb of each quote's attribution. Orange: loaded verbs (“claimed”, “admitted”), \
             which the loaded-verb rule flags: {} of {} quotes with a verb.",
            thousands(t.loaded_quotes()),
            thousands(t.verb_quotes())
        ),
        &charts::bars(&verbs),
    );
    out.push_str("</div>");
}

/// The header of the article table.
pub const TABLE_HEAD: &str = "<h2 class=\"section\">Articles</h2><div class=\"tablewrap\"><table>\
    <thead><tr><th data-sort=\"t\">article</th><th class=\"num\" data-sort=\"n\">quotes</th>\
    <th class=\"num\" data-sort=\"n\">speakers</th><th class=\"num\" data-sort=\"n\">named</th>\
    <th class=\"num\" data-sort=\"n\">anonymous</th><th class=\"num\" data-sort=\"n\">no speaker\
    </th><th class=\"num\" data-sort=\"n\">anonymous share</th><th class=\"num\" data-sort=\"n\">\
    women</th><th class=\"num\" data-sort=\"n\">men</th><th class=\"num\" data-sort=\"n\">unknown\
    </th><th>notes</th></tr></thead><tbody>\n";

pub const TABLE_FOOT: &str = "</tbody></table></div>\n";

/// One article's row, linking to its view at `anchor` when the page has one.
pub fn row(out: &mut String, a: &Article, anchor: Option<&str>) {
    let title = a.title.as_deref().unwrap_or(&a.id);
    let _ = write!(out, "<tr><td data-v=\"{}\">", escape(title));
    match anchor {
        Some(anchor) => {
            let _ = write!(out, "<a href=\"#{}\">{}</a>", escape(anchor), escape(title));
        }
        None => out.push_str(&escape(title)),
    }
    if a.title.is_some() {
        let _ = write!(out, "<div class=\"id\">{}</div>", escape(&a.id));
    }
    out.push_str("</td>");
    if let Some(e) = &a.error {
        let _ = writeln!(
            out,
            "<td colspan=\"9\"></td><td><span class=\"flag err\" title=\"{}\">not read</span></td></tr>",
            escape(e)
        );
        return;
    }
    let by_kind = a.quotes_by_kind();
    let named = by_kind[SourceKind::Person as usize] + by_kind[SourceKind::Organization as usize];
    let anonymous = by_kind[SourceKind::Anonymous as usize];
    let n = a.quotes.len().max(1) as f64;
    let width = |k: usize| format!("{:.1}%", k as f64 * 100.0 / n);
    let mix = format!(
        "<div class=\"mix\" title=\"{}\"><i style=\"width:{};background:{}\"></i><i \
         style=\"width:{};background:{}\"></i><i style=\"width:{};background:{}\"></i></div>",
        escape(&format!(
            "named {named} · anonymous {anonymous} · no speaker {}",
            a.unattributed()
        )),
        width(named),
        colour::PERSON,
        width(anonymous),
        colour::ANONYMOUS,
        width(a.unattributed()),
        colour::UNATTRIBUTED
    );
    let gender = |g: Gender| {
        a.speakers
            .iter()
            .filter(|s| s.quotes > 0 && s.gender == g)
            .count()
    };
    let share = a.anonymous_share();
    let _ = write!(
        out,
        "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
         <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\" data-v=\"{share:.4}\">\
         {}{mix}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>",
        a.quotes.len(),
        a.quoted_speakers(),
        a.named_sources(),
        a.anonymous_sources(),
        a.unattributed(),
        if a.quotes.is_empty() {
            "—".to_string()
        } else {
            format!("{:.0}%", share * 100.0)
        },
        gender(Gender::Female),
        gender(Gender::Male),
        gender(Gender::Unknown)
    );
    if !a.policy.is_empty() {
        let _ = write!(
            out,
            "<span class=\"flag\" title=\"{}\">policy</span>",
            escape(&a.policy.join("\n"))
        );
    }
    out.push_str("</td></tr>\n");
}
