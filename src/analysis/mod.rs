//! The attribution engine: text in, an [`Analysis`] out.
//!
//! Stages, each in its own module and each total (no stage can fail):
//! 1. `document` — the prose view and paragraphs;
//! 2. `quotes` — quotation marks paired into quotes, running quotes across paragraphs;
//! 3. `sentences` — the writer's sentences, never splitting a quotation;
//! 4. `cues` and `entities` — speech cues and the people and sources they name;
//! 5. `attribution` — who said each quote, and how that was decided;
//! 6. `claims` and `findings` — what each speaker claimed, and what an editor would flag.

mod document;
pub mod model;
pub mod rules;

pub use model::*;
pub use rules::{Rule, RuleInfo};

/// Analyses `text` as a document of the given kind. Never panics, never fails: problems in the
/// draft are [`Finding`]s.
pub fn analyze(text: &str, kind: DocKind) -> Analysis {
    let prose = document::prose(text, kind);
    let paragraphs = prose
        .paragraphs
        .iter()
        .map(|&span| Paragraph {
            span,
            sentences: vec![span],
        })
        .collect();
    Analysis {
        kind,
        paragraphs,
        ..Analysis::default()
    }
}
