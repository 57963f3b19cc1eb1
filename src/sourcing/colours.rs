//! The speakers' colours: one hue per speaker of an article, most quoted first.
//!
//! Each colour is a pair: a light *tint* behind the quoted words, dark enough to tell apart
//! from the next and light enough that body text on it stays at WCAG AAA contrast (7:1), and
//! a saturated *ink* for the underline, the swatch and chart bars, at least 3:1 against white
//! (WCAG's minimum for graphics). Red is kept out of the palette: it marks quotes with no
//! speaker. The hues follow the order of well-separated categorical palettes (blue, orange,
//! green, purple, …) so the first few speakers, the ones a reader compares, differ the most;
//! tests below hold the palette to these promises.

/// Body text colour, on white and on every tint.
pub const TEXT: &str = "#1b1b1b";
/// The colour of quotes with no speaker.
pub const ORPHAN_INK: &str = "#c62828";
pub const ORPHAN_TINT: &str = "#fbe3e3";

/// `(ink, tint)` per speaker, in the order speakers are given them.
pub const PALETTE: [(&str, &str); 10] = [
    ("#1f6fb5", "#d4e6f8"), // blue
    ("#c45a00", "#fde2c8"), // orange
    ("#2e7d32", "#d5edd3"), // green
    ("#7b4fb0", "#e6dbf3"), // purple
    ("#00838f", "#cdeef0"), // teal
    ("#ad1457", "#f8d5e5"), // magenta
    ("#7a6a00", "#f1ebbd"), // olive
    ("#8d5a3b", "#eedfd3"), // brown
    ("#3f51b5", "#dde1f6"), // indigo
    ("#558b2f", "#e4f0d2"), // lime
];

/// The colour of the speaker at `row` (speakers past the palette's end reuse it; the HTML
/// draws those quotes with a dashed edge so they still differ).
pub fn of(row: usize) -> (&'static str, &'static str) {
    PALETTE[row % PALETTE.len()]
}

/// Colours of the charts' categories.
pub mod chart {
    pub const PERSON: &str = "#1f6fb5";
    pub const ORGANISATION: &str = "#00838f";
    pub const ANONYMOUS: &str = "#c45a00";
    pub const WRITER: &str = "#7b4fb0";
    pub const UNATTRIBUTED: &str = super::ORPHAN_INK;
    pub const FEMALE: &str = "#7b4fb0";
    pub const MALE: &str = "#00838f";
    pub const UNKNOWN: &str = "#9aa0a6";
    pub const NEUTRAL_VERB: &str = "#1f6fb5";
    pub const LOADED_VERB: &str = "#c45a00";
}

/// `#rrggbb` as sRGB components in 0..=1.
fn rgb(hex: &str) -> [f64; 3] {
    let h = hex.trim_start_matches('#');
    let c = |i: usize| {
        h.get(i..i + 2)
            .and_then(|s| u8::from_str_radix(s, 16).ok())
            .map_or(0.0, |v| f64::from(v) / 255.0)
    };
    [c(0), c(2), c(4)]
}

/// WCAG relative luminance.
fn luminance(hex: &str) -> f64 {
    let lin = |c: f64| {
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let [r, g, b] = rgb(hex);
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hue of a colour in degrees (0..360).
    fn hue(hex: &str) -> f64 {
        let [r, g, b] = rgb(hex);
        let max = r.max(g).max(b);
        let min = r.min(g).min(b);
        let d = max - min;
        if d == 0.0 {
            return 0.0;
        }
        let h = if max == r {
            ((g - b) / d).rem_euclid(6.0)
        } else if max == g {
            (b - r) / d + 2.0
        } else {
            (r - g) / d + 4.0
        };
        h * 60.0
    }

    #[test]
    fn text_is_legible_on_every_tint_and_inks_stand_out_on_white() {
        for (ink, tint) in PALETTE.iter().chain([(ORPHAN_INK, ORPHAN_TINT)].iter()) {
            assert!(
                contrast(TEXT, tint) >= 7.0,
                "text on {tint}: {:.1}",
                contrast(TEXT, tint)
            );
            assert!(
                contrast(ink, "#ffffff") >= 3.0,
                "{ink} on white: {:.1}",
                contrast(ink, "#ffffff")
            );
        }
    }

    #[test]
    fn the_first_speakers_differ_most_and_none_is_red() {
        let hues: Vec<f64> = PALETTE.iter().map(|(ink, _)| hue(ink)).collect();
        let gap = |a: f64, b: f64| {
            let d = (a - b).abs();
            d.min(360.0 - d)
        };
        // The first four (the speakers readers compare most) are far apart on the wheel.
        for i in 0..4 {
            for j in 0..i {
                assert!(gap(hues[i], hues[j]) >= 50.0, "{i} vs {j}: {hues:?}");
            }
        }
        // Every pair differs in hue or in lightness.
        for i in 0..PALETTE.len() {
            for j in 0..i {
                let lightness = (luminance(PALETTE[i].0) - luminance(PALETTE[j].0)).abs();
                assert!(
                    gap(hues[i], hues[j]) >= 15.0 || lightness >= 0.05,
                    "{} vs {}",
                    PALETTE[i].0,
                    PALETTE[j].0
                );
            }
        }
        let red = hue(ORPHAN_INK);
        for h in &hues {
            assert!(
                gap(*h, red) >= 15.0,
                "a speaker hue {h:.0} is too close to red"
            );
        }
    }

    #[test]
    fn contrast_matches_known_values() {
        assert!((contrast("#000000", "#ffffff") - 21.0).abs() < 0.01);
        assert!((contrast("#777777", "#ffffff") - 4.48).abs() < 0.01);
        assert_eq!(of(0), of(PALETTE.len()));
    }
}
