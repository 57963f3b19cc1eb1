//! Hover: who said this quote and how saidso decided (and, for a draft with sources, where the
//! words are in them: `provenance`), or who this name or pronoun is.
//!
//! The text is written for a writer, not a linguist: the method names of the engine become the
//! reasoning an editor would give ("'he' → Vladimir Putin, named 2 paragraphs up").

use super::{is_pronoun, paragraph_index, short_name, Ctx};
use crate::analysis::{Attribution, Method, Quote, QuoteKind, Rule, Span, Speaker, SpeakerKind};
use tower_lsp_server::ls_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

/// Mentions and cues further apart than this are not quoted as one phrase.
const PHRASE_GAP: usize = 40;

pub fn hover(ctx: &Ctx, position: Position) -> Option<Hover> {
    if !ctx.settings.enable {
        return None;
    }
    let offset = ctx.snap.offset(position, ctx.enc);
    let analysis = ctx.analysis();
    let (value, span) = if let Some((index, speaker)) = analysis.speaker_at(offset) {
        let mention = speaker
            .mentions
            .iter()
            .copied()
            .find(|m| m.contains(offset))
            .unwrap_or(speaker.first);
        (speaker_markdown(ctx, index, speaker, mention), mention)
    } else {
        let (_, quote) = analysis.quote_at(offset)?;
        let mut value = quote_markdown(ctx, quote);
        value.push_str(&super::provenance::section(ctx, quote).unwrap_or_default());
        (value, quote.span)
    };
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range: Some(ctx.snap.range(span, ctx.enc)),
    })
}

fn quote_markdown(ctx: &Ctx, quote: &Quote) -> String {
    let text = ctx.text();
    let analysis = ctx.analysis();
    let words = super::excerpt(text, quote.inner, 8);
    if quote.kind == QuoteKind::Scare {
        return format!(
            "**Scare quote** — “{words}” is quoted as a term, not as anyone's speech, so it needs \
             no speaker."
        );
    }
    let Some((attribution, speaker)) = quote
        .attribution
        .as_ref()
        .and_then(|a| analysis.speakers.get(a.speaker).map(|s| (a, s)))
    else {
        let mut out = "**Unattributed quote** — saidso found no speaker: no cue in its sentence \
                       or paragraph, and it does not continue a quote from the paragraph before."
            .to_owned();
        let candidates: Vec<String> = analysis
            .findings
            .iter()
            .filter(|f| f.rule == Rule::UnattributedQuote && f.span.overlaps(quote.span))
            .flat_map(|f| f.candidates.iter())
            .filter_map(|&i| analysis.speakers.get(i))
            .map(|s| s.name.clone())
            .collect();
        if !candidates.is_empty() {
            out.push_str(&format!(
                "\n\nPossible speakers: {}.",
                candidates.join(", ")
            ));
        }
        return out;
    };
    let what = match quote.kind {
        QuoteKind::Partial => "Partial quote",
        _ => "Quote",
    };
    let mut out = format!("**{what} by {}**", speaker.name);
    if let Some(role) = &speaker.role {
        out.push_str(&format!(" — {role}"));
    }
    out.push_str(&format!(
        "\n\nAttribution: *{}* — {}",
        method_label(attribution.method),
        reasoning(ctx, quote, attribution, speaker)
    ));
    let mut facts = Vec::new();
    if let Some(cue) = attribution.cue {
        facts.push(format!("cue verb *{}*", cue.text(text).trim()));
    }
    facts.push(format!(
        "confidence {:.0}%",
        (attribution.confidence.clamp(0.0, 1.0) * 100.0).round()
    ));
    out.push_str(&format!("\n\n{}", capitalize_first(&facts.join(" · "))));
    let others = analysis
        .quotes_by(attribution.speaker)
        .count()
        .saturating_sub(1);
    let name = short_name(speaker);
    out.push_str(&match others {
        0 => format!("\n\nNo other quotes by {name} in this document."),
        1 => format!("\n\n1 other quote by {name} in this document."),
        n => format!("\n\n{n} other quotes by {name} in this document."),
    });
    out
}

/// The engine's method, in the words an editor would use.
fn method_label(method: Method) -> &'static str {
    match method {
        Method::Explicit => "explicit",
        Method::According => "according to",
        Method::Pronoun => "pronoun",
        Method::ColonIntro => "colon introduction",
        Method::Subject => "subject",
        Method::SameParagraph => "same paragraph",
        Method::Continuation => "continuation",
        Method::Headline => "headline",
    }
}

/// Why this speaker, in the writer's terms.
fn reasoning(ctx: &Ctx, quote: &Quote, a: &Attribution, speaker: &Speaker) -> String {
    let text = ctx.text();
    let phrase = cue_phrase(text, a).unwrap_or_else(|| speaker.name.clone());
    match a.method {
        Method::Explicit => format!("“{phrase}” in the same sentence."),
        Method::According => format!("“{phrase}” in the same sentence."),
        Method::SameParagraph => format!("“{phrase}” in another sentence of this paragraph."),
        Method::Subject => format!(
            "{} is the subject of the quote's sentence (“{phrase}”).",
            short_name(speaker)
        ),
        Method::ColonIntro => format!("“{phrase}:” ends the paragraph before."),
        Method::Headline => format!("the line opens with “{}:”.", short_name(speaker)),
        Method::Continuation => {
            let from = a
                .source
                .map(|s| format!(" (line {})", ctx.snap.range(s, ctx.enc).start.line + 1))
                .unwrap_or_default();
            format!("continues the previous paragraph's quote{from}.")
        }
        Method::Pronoun => {
            let pronoun = a
                .mention
                .map(|m| m.text(text).trim().to_owned())
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "the pronoun".into());
            let at = a.mention.map_or(quote.span.start, |m| m.start);
            // The last time the speaker was named, not pronouned, before this cue.
            let named = speaker
                .mentions
                .iter()
                .copied()
                .rfind(|m| m.end <= at && !is_pronoun(m.text(text)))
                .unwrap_or(speaker.first);
            let analysis = ctx.analysis();
            let up = paragraph_index(analysis, at)
                .zip(paragraph_index(analysis, named.start))
                .map_or(0, |(here, there)| here.saturating_sub(there));
            let where_ = match up {
                0 => "named earlier in this paragraph".to_owned(),
                1 => "named 1 paragraph up".to_owned(),
                n => format!("named {n} paragraphs up"),
            };
            format!("“{pronoun}” → {}, {where_}.", speaker.name)
        }
    }
}

/// The words of the cue as written: `Putin said`, `said Putin`, `according to officials`.
fn cue_phrase(text: &str, a: &Attribution) -> Option<String> {
    let span = match (a.mention, a.cue) {
        (Some(m), Some(c)) => {
            let (first, second) = if m.start <= c.start { (m, c) } else { (c, m) };
            if second.start.saturating_sub(first.end) <= PHRASE_GAP {
                Span::new(first.start, second.end.max(first.end))
            } else {
                return Some(format!(
                    "{} … {}",
                    squash(first.text(text)),
                    squash(second.text(text))
                ));
            }
        }
        (Some(s), None) | (None, Some(s)) => s,
        (None, None) => return None,
    };
    Some(squash(span.text(text))).filter(|s| !s.is_empty())
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn capitalize_first(s: &str) -> String {
    super::capitalize(s)
}

fn speaker_markdown(ctx: &Ctx, index: usize, speaker: &Speaker, mention: Span) -> String {
    let text = ctx.text();
    let analysis = ctx.analysis();
    let kind = match speaker.kind {
        SpeakerKind::Person => "person",
        SpeakerKind::Organization => "organisation",
        SpeakerKind::Nominal => "unnamed source",
    };
    let said = mention.text(text).trim();
    let mut out = if is_pronoun(said) {
        format!("*{said}* refers to **{}**", speaker.name)
    } else {
        format!("**{}**", speaker.name)
    };
    if let Some(role) = &speaker.role {
        out.push_str(&format!(" — {role}"));
    }
    out.push_str(&format!(" *({kind})*"));
    let line = ctx.snap.range(speaker.first, ctx.enc).start.line + 1;
    out.push_str(&format!(
        "\n\nFirst full reference: “{}” (line {line})",
        squash(speaker.first.text(text))
    ));
    let quotes = analysis.quotes_by(index).count();
    let claims = analysis
        .claims
        .iter()
        .filter(|c| c.speaker == index)
        .count();
    out.push_str(&format!(
        "\n\n{} · {}",
        plural(quotes, "quote", "quotes"),
        plural(claims, "claim", "claims")
    ));
    out
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use crate::lsp::position::{offset_to_position, Encoding};

    fn hover_at(needle: &str, nth: usize) -> String {
        let fx = fixture::Fixture::new();
        let ctx = fx.ctx(Encoding::Utf16);
        let at = fixture::find(needle, nth).start + 1;
        let pos = offset_to_position(&fx.snap.rope, at, Encoding::Utf16);
        match hover(&ctx, pos).map(|h| h.contents) {
            Some(HoverContents::Markup(m)) => m.value,
            other => panic!("no markdown hover at {needle}: {other:?}"),
        }
    }

    #[test]
    fn explicit_quote() {
        assert_eq!(
            hover_at("We have", 0),
            "**Quote by Vladimir Putin** — Russian President\n\n\
             Attribution: *explicit* — “Putin said” in the same sentence.\n\n\
             Cue verb *said* · confidence 90%\n\n\
             2 other quotes by Putin in this document."
        );
    }

    #[test]
    fn pronoun_quote_says_where_the_name_was() {
        let h = hover_at("I am sure", 0);
        assert!(
            h.contains("Attribution: *pronoun* — “he” → Vladimir Putin, named 1 paragraph up."),
            "{h}"
        );
    }

    #[test]
    fn continuation_scare_and_unattributed() {
        assert!(
            hover_at("Our guys", 0).contains("continues the previous paragraph's quote (line 5).")
        );
        assert!(hover_at("\"defeat\"", 0).starts_with("**Scare quote** — “defeat”"));
        let h = hover_at("\"Nobody", 0);
        assert!(h.starts_with("**Unattributed quote**"), "{h}");
        assert!(h.ends_with("Possible speakers: Vladimir Putin."), "{h}");
    }

    #[test]
    fn speaker_mentions_and_pronouns() {
        let h = hover_at("Putin", 1);
        assert_eq!(
            h,
            "**Vladimir Putin** — Russian President *(person)*\n\n\
             First full reference: “Vladimir Putin” (line 1)\n\n3 quotes · 3 claims"
        );
        assert!(hover_at("he said", 0).starts_with("*he* refers to **Vladimir Putin**"));
    }

    #[test]
    fn every_method_reads_as_an_editor_would_say_it() {
        let cases = [
            (
                Method::According,
                "*according to* — “Putin said” in the same sentence.",
            ),
            (
                Method::ColonIntro,
                "*colon introduction* — “Putin said:” ends the paragraph before.",
            ),
            (
                Method::SameParagraph,
                "*same paragraph* — “Putin said” in another sentence",
            ),
            (
                Method::Headline,
                "*headline* — the line opens with “Putin:”.",
            ),
            (
                Method::Subject,
                "*subject* — Putin is the subject of the quote's sentence",
            ),
        ];
        for (method, expected) in cases {
            let mut analysis = fixture::analysis();
            if let Some(a) = analysis.quotes[0].attribution.as_mut() {
                a.method = method;
            }
            let snap = fixture::snapshot_of(fixture::TEXT, analysis);
            let settings = fixture::settings();
            let ctx = Ctx {
                snap: &snap,
                enc: Encoding::Utf16,
                settings: &settings,
            };
            let at = fixture::find("We have", 0).start;
            let pos = offset_to_position(&snap.rope, at, Encoding::Utf16);
            let Some(HoverContents::Markup(m)) = hover(&ctx, pos).map(|h| h.contents) else {
                panic!("no hover for {method:?}");
            };
            assert!(m.value.contains(expected), "{method:?}: {}", m.value);
        }
    }

    #[test]
    fn nothing_between_quotes() {
        let fx = fixture::Fixture::new();
        let ctx = fx.ctx(Encoding::Utf8);
        assert!(hover(&ctx, Position::new(0, 2)).is_none());
        assert!(hover(&ctx, Position::new(999, 999)).is_none());
    }
}
