//! The report's charts as inline SVG: a share bar (one bar split by category), horizontal bars
//! (top speakers, verbs) and a series of stacked columns (named vs anonymous across the
//! archive). Sized by `viewBox` so they scale with the page and print sharply; labels are SVG
//! text, so they can be searched and copied.

use super::{escape, thousands};
use std::fmt::Write;

/// One category of a share bar.
pub struct Segment<'a> {
    pub label: &'a str,
    pub value: usize,
    pub colour: &'a str,
    /// Drawn hatched: a part of the category the report is less sure of (first-name guesses).
    pub hatched: bool,
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "0%".into();
    }
    let p = part as f64 * 100.0 / whole as f64;
    if p > 0.0 && p < 1.0 {
        "<1%".into()
    } else {
        format!("{p:.0}%")
    }
}

/// A hatch pattern in `colour`, with an id unique within the page.
fn hatch(id: &str, colour: &str) -> String {
    format!(
        "<pattern id=\"{id}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" \
         patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/>\
         <rect width=\"3.2\" height=\"6\" fill=\"{colour}\"/></pattern>"
    )
}

/// One bar split into `segments` in proportion, with a legend giving each share and count.
pub fn share_bar(id: &str, segments: &[Segment]) -> String {
    let total: usize = segments.iter().map(|s| s.value).sum();
    let mut svg = format!(
        "<svg viewBox=\"0 0 600 34\" role=\"img\" aria-label=\"{}\"><defs>",
        escape(
            &segments
                .iter()
                .map(|s| format!("{} {}", s.label, percent(s.value, total)))
                .collect::<Vec<_>>()
                .join(", ")
        )
    );
    for (k, s) in segments.iter().enumerate().filter(|(_, s)| s.hatched) {
        svg.push_str(&hatch(&format!("{id}-h{k}"), s.colour));
    }
    svg.push_str("</defs>");
    if total == 0 {
        svg.push_str(
            "<rect x=\"0\" y=\"4\" width=\"600\" height=\"26\" rx=\"4\" fill=\"#eceae4\"/>\
             <text x=\"300\" y=\"22\" text-anchor=\"middle\" class=\"muted\" font-size=\"13\">\
             no quotes</text></svg>",
        );
        return svg;
    }
    let mut x = 0.0;
    for (k, s) in segments.iter().enumerate() {
        let w = s.value as f64 * 600.0 / total as f64;
        if w <= 0.0 {
            continue;
        }
        let fill = if s.hatched {
            format!("url(#{id}-h{k})")
        } else {
            s.colour.to_string()
        };
        let _ = write!(
            svg,
            "<rect x=\"{x:.2}\" y=\"4\" width=\"{w:.2}\" height=\"26\" fill=\"{fill}\"><title>{}: \
             {} ({})</title></rect>",
            escape(s.label),
            thousands(s.value),
            percent(s.value, total)
        );
        if w >= 44.0 && !s.hatched {
            let _ = write!(
                svg,
                "<text x=\"{:.2}\" y=\"22\" text-anchor=\"middle\" font-size=\"13\" \
                 font-weight=\"600\" style=\"fill:#fff\">{}</text>",
                x + w / 2.0,
                percent(s.value, total)
            );
        }
        x += w;
    }
    svg.push_str("</svg>");
    svg
}

/// The legend under a share bar: swatch, label, share and count of each segment.
pub fn legend(segments: &[Segment]) -> String {
    let total: usize = segments.iter().map(|s| s.value).sum();
    let mut out = String::from("<div class=\"legend\">");
    for s in segments {
        let swatch = if s.hatched {
            format!(
                "background:repeating-linear-gradient(45deg,{c} 0 2px,#fff 2px 4px);\
                 outline:1px solid {c}",
                c = s.colour
            )
        } else {
            format!("background:{}", s.colour)
        };
        let _ = write!(
            out,
            "<span><i style=\"{swatch}\"></i>{} <b>{}</b> ({})</span>",
            escape(s.label),
            percent(s.value, total),
            thousands(s.value)
        );
    }
    out.push_str("</div>");
    out
}

/// One row of a horizontal bar chart.
pub struct BarRow {
    pub label: String,
    pub value: usize,
    pub colour: &'static str,
    /// Shown after the value, muted (`in 12 articles`).
    pub note: String,
}

/// Horizontal bars, longest first as given, labelled on the left and valued on the right.
pub fn bars(rows: &[BarRow]) -> String {
    if rows.is_empty() {
        return "<p class=\"note\">Nothing to show.</p>".into();
    }
    let max = rows.iter().map(|r| r.value).max().unwrap_or(1).max(1);
    let row_h = 24.0;
    let (label_w, bar_w) = (190.0, 300.0);
    let height = rows.len() as f64 * row_h + 4.0;
    let mut svg = format!(
        "<svg viewBox=\"0 0 600 {height:.0}\" role=\"img\" aria-label=\"{}\">",
        escape(
            &rows
                .iter()
                .map(|r| format!("{} {}", r.label, r.value))
                .collect::<Vec<_>>()
                .join(", ")
        )
    );
    for (k, r) in rows.iter().enumerate() {
        let y = k as f64 * row_h + 2.0;
        let w = (r.value as f64 / max as f64 * bar_w).max(2.0);
        let label = shorten(&r.label, 28);
        let _ = write!(
            svg,
            "<text x=\"{:.0}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"13\">{}<title>{}</title>\
             </text><rect x=\"{label_w:.0}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"16\" rx=\"2\" \
             fill=\"{}\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12.5\" \
             font-weight=\"600\">{}<tspan class=\"muted\" font-weight=\"400\"> {}</tspan></text>",
            label_w - 8.0,
            y + 13.0,
            escape(&label),
            escape(&r.label),
            y + 1.0,
            r.colour,
            label_w + w + 6.0,
            y + 13.0,
            thousands(r.value),
            escape(&r.note)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// A label cut to `max` characters with `…`.
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max - 1).collect();
    out.push('…');
    out
}

/// One column of the series: a span of articles and its quotes by category.
pub struct Column {
    /// `articles 1–40`, for the tooltip.
    pub label: String,
    /// `(value, colour, category)` from the bottom up.
    pub parts: Vec<(usize, &'static str, &'static str)>,
}

/// Stacked columns of shares (each column sums to 100% of its quotes), left to right in
/// document order, with a 0/50/100% axis.
pub fn series(columns: &[Column], first_label: &str, last_label: &str) -> String {
    // Drawn wide: the chart takes the page's whole width.
    let (left, top, plot_w, plot_h) = (40.0, 6.0, 1150.0, 150.0);
    let mut svg = String::from(
        "<svg viewBox=\"0 0 1200 186\" role=\"img\" aria-label=\"share of quotes by kind \
         of source, article by article\">",
    );
    for (frac, label) in [(0.0, "0%"), (0.5, "50%"), (1.0, "100%")] {
        let y = top + plot_h * (1.0 - frac);
        let _ = write!(
            svg,
            "<line x1=\"{left}\" x2=\"{:.0}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#e4e2dc\"/>\
             <text x=\"{:.0}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"11.5\" \
             class=\"muted\">{label}</text>",
            left + plot_w,
            left - 6.0,
            y + 4.0
        );
    }
    // Few articles make a few narrow columns, not a wall of colour.
    let n = columns.len().max(1) as f64;
    let slot = (plot_w / n).min(48.0);
    let gap = if slot > 6.0 { 1.5 } else { 0.0 };
    for (k, c) in columns.iter().enumerate() {
        let total: usize = c.parts.iter().map(|p| p.0).sum();
        let x = left + k as f64 * slot;
        let tip = format!(
            "{}: {}",
            c.label,
            if total == 0 {
                "no quotes".to_string()
            } else {
                c.parts
                    .iter()
                    .filter(|p| p.0 > 0)
                    .map(|p| format!("{} {}", p.2, percent(p.0, total)))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        );
        let _ = write!(svg, "<g><title>{}</title>", escape(&tip));
        if total == 0 {
            let _ = write!(
                svg,
                "<rect x=\"{x:.2}\" y=\"{:.1}\" width=\"{:.2}\" height=\"3\" fill=\"#d5d3cc\"/>",
                top + plot_h - 3.0,
                (slot - gap).max(0.5)
            );
        }
        let mut y = top + plot_h;
        for (value, colour, _) in &c.parts {
            let h = *value as f64 / total.max(1) as f64 * plot_h;
            if h <= 0.0 {
                continue;
            }
            y -= h;
            let _ = write!(
                svg,
                "<rect x=\"{x:.2}\" y=\"{y:.2}\" width=\"{:.2}\" height=\"{h:.2}\" fill=\"{colour}\"/>",
                (slot - gap).max(0.5)
            );
        }
        svg.push_str("</g>");
    }
    let _ = write!(
        svg,
        "<text x=\"{left}\" y=\"178\" font-size=\"11.5\" class=\"muted\">{}</text>\
         <text x=\"{:.0}\" y=\"178\" font-size=\"11.5\" text-anchor=\"end\" class=\"muted\">{}</text>",
        escape(first_label),
        left + slot * n,
        escape(last_label)
    );
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_bar_widths_add_up_and_label_shares() {
        let svg = share_bar(
            "k",
            &[
                Segment {
                    label: "person",
                    value: 3,
                    colour: "#111111",
                    hatched: false,
                },
                Segment {
                    label: "anonymous",
                    value: 1,
                    colour: "#222222",
                    hatched: true,
                },
            ],
        );
        assert!(svg.contains("width=\"450.00\""), "{svg}");
        assert!(svg.contains("width=\"150.00\""), "{svg}");
        assert!(svg.contains(">75%<"), "{svg}");
        assert!(
            svg.contains("url(#k-h1)") && svg.contains("id=\"k-h1\""),
            "{svg}"
        );
        assert!(share_bar("e", &[]).contains("no quotes"));
    }

    #[test]
    fn percents_round_and_small_shares_show() {
        assert_eq!(percent(1, 3), "33%");
        assert_eq!(percent(1, 1000), "<1%");
        assert_eq!(percent(0, 0), "0%");
    }

    #[test]
    fn bars_scale_to_the_longest_and_escape_labels() {
        let svg = bars(&[
            BarRow {
                label: "<Putin>".into(),
                value: 10,
                colour: "#000",
                note: String::new(),
            },
            BarRow {
                label: "B".into(),
                value: 5,
                colour: "#000",
                note: "in 2 articles".into(),
            },
        ]);
        assert!(
            svg.contains("width=\"300.0\"") && svg.contains("width=\"150.0\""),
            "{svg}"
        );
        assert!(
            svg.contains("&lt;Putin&gt;") && !svg.contains("<Putin>"),
            "{svg}"
        );
    }
}
