//! `running-quote`: the punctuation of a quote that runs over several paragraphs.
//!
//! The convention: a paragraph whose quote goes on is left open, the next paragraph opens
//! with a mark, and only the last one closes. The pairing stage (`quotes.rs`) already joins a
//! paragraph left open with a next one that opens with a mark into one group; what is left
//! here are the three ways writers get it wrong:
//! 1. the continuation paragraph has no opening mark (the quote was left open, and the next
//!    paragraph closes it: `…rest of the quote," she said.`) — reported here instead of as an
//!    unclosed quote, because the fix is at the continuation, not at the opening;
//! 2. a closing mark at the end of a paragraph whose speaker goes straight on in a quote
//!    paragraph with no attribution of its own (the reader thinks the quote ended);
//! 3. a paragraph ending in an open *partial* quote that the next paragraph continues: a
//!    fragment inside the writer's sentence closes even when the speaker goes on.

use super::{finding, Ctx};
use crate::analysis::lexicon;
use crate::analysis::model::{Fix, Method, QuoteKind, Related, Span};
use crate::analysis::rules::Rule;

pub fn check(ctx: &Ctx, unclosed: &mut Vec<Span>) -> Vec<crate::analysis::model::Finding> {
    let mut out = missing_reopening(ctx, unclosed);
    out.extend(closed_before_continuation(ctx));
    out.extend(open_partial(ctx));
    out
}

/// The closing mark that matches an opening one.
fn closing_for(open: &str) -> &'static str {
    match open {
        "“" => "”",
        "„" => "“",
        "«" => "»",
        "''" => "''",
        "``" => "''",
        "‘‘" => "’’",
        _ => "\"",
    }
}

/// Case 1: an opening mark left open whose next paragraph closes the quote without reopening.
fn missing_reopening(ctx: &Ctx, unclosed: &mut Vec<Span>) -> Vec<crate::analysis::model::Finding> {
    let mut out = Vec::new();
    unclosed.retain(|&open| {
        let Some(pi) = ctx.paragraph_of(open.start) else {
            return true;
        };
        let Some(next) = ctx.paragraphs.get(pi + 1) else {
            return true;
        };
        let Some(close) = stray_close(ctx, pi + 1) else {
            return true;
        };
        if signature_line(next.span.text(ctx.view)) {
            return true;
        }
        let mark = open.text(ctx.view);
        let reopen = match mark {
            "“" | "”" => "“",
            "„" => "„",
            "«" => "«",
            "''" | "``" => "``",
            _ => "\"",
        };
        let first_word_end = next
            .span
            .text(ctx.view)
            .find(char::is_whitespace)
            .map_or(next.span.end, |i| next.span.start + i);
        let mut f = finding(
            Rule::RunningQuote,
            Span::new(next.span.start, first_word_end),
            "This paragraph goes on with the quote left open in the paragraph before, but \
             does not open with a quotation mark. Open it with one, so the reader knows the \
             speaker is still talking."
                .to_string(),
        );
        f.related = vec![
            Related {
                span: open,
                message: "the quote opens here".into(),
            },
            Related {
                span: close,
                message: "and closes here".into(),
            },
        ];
        f.fix = Some(Fix::replace(
            format!("Open the paragraph with {reopen}"),
            Span::new(next.span.start, next.span.start),
            reopen,
        ));
        out.push(f);
        false
    });
    out
}

/// Whether a paragraph opens like the signature under a pull quote (`Dean Baker, Center for
/// Economic and Policy Research."`): a capitalised name of two or three words, then a comma or
/// period. Such a line names the speaker; it does not go on with the quote.
fn signature_line(text: &str) -> bool {
    let text = text.trim_end_matches(['"', '”', '\'', '’']);
    let mut words = text.split_whitespace();
    let mut caps = 0;
    for w in words.by_ref().take(3) {
        if !w.starts_with(char::is_uppercase) {
            return false;
        }
        caps += 1;
        if w.ends_with([',', '.']) {
            return caps >= 2;
        }
    }
    false
}

/// The first double closing mark of paragraph `pi` that closes nothing the pairing found:
/// the end of a quote that began in an earlier paragraph.
fn stray_close(ctx: &Ctx, pi: usize) -> Option<Span> {
    let para = ctx.paragraphs.get(pi)?;
    let text = para.span.text(ctx.view);
    // Only this paragraph's quotes can hold a mark of it (a scan of every quote per mark
    // was quadratic).
    let inside = |at: usize| ctx.quotes_in(pi).iter().any(|q| q.span.contains(at));
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = para.span.start + i;
        let width = match c {
            '"' | '”' => c.len_utf8(),
            '\'' | '’' if chars.peek().is_some_and(|&(_, n)| n == c) => 2 * c.len_utf8(),
            _ => {
                prev = Some(c);
                continue;
            }
        };
        if width > c.len_utf8() {
            chars.next();
        }
        let after = text[i + width..].chars().next();
        let closes = prev.is_some_and(|p| !p.is_whitespace())
            && after.is_none_or(|a| a.is_whitespace() || ".,;:!?)—–-".contains(a));
        if closes && !inside(at) {
            return Some(Span::new(at, at + width));
        }
        prev = Some(c);
    }
    None
}

/// Case 2: a paragraph ending in a closed direct quote, followed by a quote paragraph with no
/// attribution of its own that goes on with the same speaker.
fn closed_before_continuation(ctx: &Ctx) -> Vec<crate::analysis::model::Finding> {
    let mut out = Vec::new();
    for (pi, para) in ctx.paragraphs.iter().enumerate() {
        // A headline (`Richards: 'I'm Sick Of …'`) is no paragraph of the story.
        if ctx.is_headline(pi) {
            continue;
        }
        // The paragraph's own quotes, not a search of all of them per paragraph (that was
        // quadratic, a tenth of the engine's time on a long document).
        let Some(last) = ctx.quotes_in(pi).last() else {
            continue;
        };
        // Only punctuation may follow the closing mark: the quote ends the paragraph.
        let tail = Span::new(last.span.end, para.span.end).text(ctx.view);
        if !last.closed
            || last.kind != QuoteKind::Direct
            || last.inner.text(ctx.view).split_whitespace().count() < 6
            || !tail
                .chars()
                .all(|c| c.is_whitespace() || ".,;!?".contains(c))
        {
            continue;
        }
        let Some(speaker) = last.attribution.as_ref().map(|a| a.speaker) else {
            continue;
        };
        let Some(next_para) = ctx.paragraphs.get(pi + 1) else {
            continue;
        };
        let Some(next) = ctx.quotes_in(pi + 1).first() else {
            continue;
        };
        // A continuation is speech that goes on: sentences ending inside the marks, not a
        // quoted title or a section heading in marks (`'Coal Isn't the Villain.'`).
        let inner = next.inner.text(ctx.view).trim_end();
        let speech = inner.split_whitespace().count() >= 6
            && inner.ends_with(['.', ',', '!', '?', '…', '—', '-', ':', ';']);
        // It must be a whole quote paragraph or a proper running quote, not one broken off.
        let whole = next.closed || ctx.quotes_in(pi + 2).iter().any(|o| o.group == next.group);
        let continues = next.span.start == next_para.span.start
            && speech
            && whole
            && next.kind == QuoteKind::Direct
            && next.attribution.as_ref().is_some_and(|a| {
                a.method == Method::Continuation
                    && a.speaker == speaker
                    && a.source.is_some_and(|s| s.end <= para.span.end)
            });
        // A continuation that is itself attributed later in its running quote, or followed by
        // a cue in its paragraph, is not what this case is about.
        // Any speech verb counts, even one whose subject the cue finder could not read (`the
        // Gawker employee wrote`): the writer attributed that paragraph.
        let cue_in_next = ctx.sentences_in(pi + 1).any(|s| {
            !s.cues.is_empty()
                || s.toks
                    .iter()
                    .any(|t| t.is_word() && !t.cap && lexicon::speech_verb(&t.lower).is_some())
        });
        if !continues || cue_in_next {
            continue;
        }
        let close = Span::new(last.inner.end, last.span.end);
        if close.is_empty() {
            continue;
        }
        let mut f = finding(
            Rule::RunningQuote,
            close,
            "The same speaker goes on in the next paragraph, so this quote should not close \
             here: leave the paragraph open, and close the quote where it ends."
                .to_string(),
        );
        f.related = vec![Related {
            span: next.span,
            message: "the quote continues here".into(),
        }];
        f.fix = Some(Fix::replace("Remove the closing mark", close, ""));
        out.push(f);
    }
    out
}

/// Whether an open quote reads as a fragment inside the writer's sentence: right after a word
/// of the writer's (not after `said:` or `said,`), opening in lower case (`called the cuts
/// "a disaster for …`). The kind classifier cannot tell for a quote that never closes.
fn embedded_fragment(ctx: &Ctx, q: &crate::analysis::model::Quote) -> bool {
    let before = ctx.view[..q.span.start].trim_end();
    let after_word = before
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    let lower = q
        .inner
        .text(ctx.view)
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_lowercase);
    after_word && lower
}

/// Case 3: a partial quote left open at the end of its paragraph and continued in the next.
fn open_partial(ctx: &Ctx) -> Vec<crate::analysis::model::Finding> {
    let mut out = Vec::new();
    for (k, q) in ctx.quotes.iter().enumerate() {
        if q.closed || !(q.kind == QuoteKind::Partial || embedded_fragment(ctx, q)) {
            continue;
        }
        let continued = ctx
            .quotes
            .get(k + 1)
            .is_some_and(|n| n.group == q.group && n.paragraph == q.paragraph + 1);
        let Some(para) = ctx.paragraphs.get(q.paragraph) else {
            continue;
        };
        if !continued {
            continue;
        }
        let open = Span::new(q.span.start, q.inner.start);
        let close = closing_for(open.text(ctx.view));
        let mut f = finding(
            Rule::RunningQuote,
            open,
            "A partial quote (a fragment inside your sentence) closes at the end of its \
             paragraph, even when the speaker goes on in the next one. Add the closing mark."
                .to_string(),
        );
        f.fix = Some(Fix::replace(
            format!("Close the partial quote with {close}"),
            Span::new(para.span.end, para.span.end),
            close,
        ));
        out.push(f);
    }
    out
}
