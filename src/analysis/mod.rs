//! The attribution engine: text in, an [`Analysis`] out.
//!
//! Stages, each in its own module and each total (no stage can fail):
//! 1. `document` — the prose view (Markdown syntax blanked, offsets kept) and paragraphs;
//! 2. `quotes` — quotation marks paired into quotes, running quotes across paragraphs;
//! 3. `sentences` — the writer's sentences, never splitting a quotation;
//! 4. `cues`, `entities`, `kinds` — speech cues, the people and sources they name, and what
//!    kind of quotation each is;
//! 5. `attribution` — who said each quote, and how that was decided;
//! 6. `findings` — what an editor would flag: the engine's own findings there, the style
//!    conventions (`running-quote`, `loaded-verb`, …) in `checks`, one module per rule family.

mod attribution;
mod checks;
mod cues;
mod document;
mod entities;
mod findings;
mod kinds;
mod lexicon;
mod memo;
pub mod model;
pub mod options;
mod phrases;
mod quotes;
pub mod rules;
mod sentences;
mod subjects;
mod tokens;

pub use checks::LoadedVerbs;
pub use entities::{name_words, same_person};
pub use memo::MemoStats;
pub use model::*;
pub use options::{HouseTense, Options, Policy, RecordScope};
pub use rules::{Rule, RuleInfo};

/// Analyses `text` as a document of the given kind with the default house style. Never
/// panics, never fails: problems in the draft are [`Finding`]s.
pub fn analyze(text: &str, kind: DocKind) -> Analysis {
    analyze_with(text, kind, &Options::default())
}

/// The prose view of `text`, as the engine reads it: the same length as `text`, with
/// everything that is not prose (Markdown syntax, code, HTML, front matter, saidso comment
/// lines) blanked to spaces, so every span of an [`Analysis`] indexes it too. For renderers
/// that show the story's words without its markup.
pub fn prose_view(text: &str, kind: DocKind) -> String {
    document::prose(text, kind).view.into_owned()
}

/// Analyses `text` with the house style of `options` (`[style]` of `.saidso.toml`).
pub fn analyze_with(text: &str, kind: DocKind, options: &Options) -> Analysis {
    analyze_memo(text, kind, options, &mut memo::Memo::off())
}

/// Analyses successive versions of one document (an editor's buffer), reusing the work on
/// sentences an edit did not touch. Every result equals [`analyze_with`]'s on the same text:
/// only stages that depend on nothing but a sentence's own text are reused (see `memo`).
pub struct Incremental {
    memo: memo::Memo,
    options: Option<Options>,
}

impl Incremental {
    pub fn new() -> Incremental {
        Incremental {
            memo: memo::Memo::on(),
            options: None,
        }
    }

    /// The analysis of this version of the document.
    pub fn analyze(&mut self, text: &str, kind: DocKind, options: &Options) -> Analysis {
        if self.options.as_ref() != Some(options) {
            // House speech verbs make cues: work done under other options is not reusable.
            self.memo.clear();
            self.options = Some(options.clone());
        }
        analyze_memo(text, kind, options, &mut self.memo)
    }

    /// How much of the latest analysis was reused.
    pub fn stats(&self) -> MemoStats {
        self.memo.stats()
    }
}

impl Default for Incremental {
    fn default() -> Incremental {
        Incremental::new()
    }
}

fn analyze_memo(text: &str, kind: DocKind, options: &Options, memo: &mut memo::Memo) -> Analysis {
    memo.begin();
    let prose = document::prose(text, kind);
    let view: &str = &prose.view;
    let pairing = quotes::pair_with(view, &prose.paragraphs, memo);
    let mut paragraphs = Vec::with_capacity(prose.paragraphs.len());
    let mut q = 0;
    for (pi, &span) in prose.paragraphs.iter().enumerate() {
        let start = q;
        while q < pairing.quotes.len() && pairing.quotes[q].paragraph == pi {
            q += 1;
        }
        let spans: Vec<Span> = pairing.quotes[start..q].iter().map(|f| f.span).collect();
        paragraphs.push(Paragraph {
            span,
            sentences: memo.split(view, span, &spans),
        });
    }
    let extra = lexicon::ExtraVerbs::new(&options.speech_verbs);
    let attributed = attribution::attribute(view, &paragraphs, &pairing.quotes, &extra, memo);
    let speakers = attributed.registry.speakers;
    let quotes = attributed.quotes;
    let mut claims = attributed.claims;
    for quote in &quotes {
        if let Some(a) = &quote.attribution {
            let kind = match quote.kind {
                QuoteKind::Partial => ClaimKind::Partial,
                _ => ClaimKind::Direct,
            };
            claims.push(Claim {
                speaker: a.speaker,
                kind,
                span: quote.inner,
                cue: a.cue,
            });
        }
    }
    claims.sort_by_key(|c| (c.span.start, c.span.end));
    let ctx = checks::Ctx::new(
        view,
        &paragraphs,
        &quotes,
        &speakers,
        &claims,
        options,
        attributed.sentences,
    );
    let mut unclosed = pairing.unclosed.clone();
    let mut style = checks::run(&ctx, &mut unclosed);
    memo.restore(view, ctx.sentences.into_iter().map(|s| (s.toks, s.cues)));
    // The checks read the prose view, where Markdown syntax is blanked; a fix whose edit spans
    // any of it (`said **Putin**`) would destroy the markup, so it is dropped and the finding
    // stays, without a fix.
    for f in &mut style {
        let clobbers_markup = f.fix.as_ref().is_some_and(|fix| {
            fix.edits
                .iter()
                .any(|e| e.span.text(text) != e.span.text(view))
        });
        if clobbers_markup {
            f.fix = None;
        }
    }
    let mut found = findings::unclosed(view, &unclosed);
    found.extend(style);
    found.extend(findings::unattributed(view, &quotes, &speakers));
    found.extend(findings::ambiguous(
        view,
        &attributed.ambiguities,
        &speakers,
    ));
    found.sort_by_key(|f| (f.span.start, f.rule));
    Analysis {
        kind,
        paragraphs,
        quotes,
        speakers,
        claims,
        findings: found,
    }
}
