//! The sourcing report: who a story quotes, how much, named or anonymous, which verbs, and —
//! only from the text's own evidence — how many women and men. `saidso report` renders it as
//! HTML, JSON or CSV over files and archives; the language server shows the same speaker table
//! and the same HTML for the document being edited.
//!
//! One concern per module, all pure (text in, text out) so the CLI and the server share them:
//! - [`tables`]: one article's tables (speakers, the quote sheet, the marks on its text), built
//!   from an [`crate::analysis::Analysis`]; [`kinds`] holds the report's kinds of source and
//!   genders, [`text`] the marks on the text and its headings;
//! - [`extracted`]: the same tables from a line of `saidso extract` output (no text at hand);
//! - [`totals`]: the running totals over an archive, in memory that does not grow with the
//!   number of articles;
//! - [`colours`]: the speakers' colours;
//! - [`html`]: the self-contained HTML page (inline CSS, SVG and a little JS, no network);
//! - [`csv`] and [`json`]: the same tables for spreadsheets and programs.
//!
//! Quotes are counted as the reader sees them: a quote that runs over several paragraphs is
//! one quote, spoken by whoever its first attributed part is attributed to; scare quotes are
//! not speech and are not counted (the same counting as `check --summary` and `[policy]`).

pub mod colours;
pub mod csv;
pub mod extracted;
pub mod html;
pub mod json;
pub mod kinds;
pub mod tables;
pub mod text;
pub mod totals;

pub use tables::{Article, Gender, QuoteRow, SourceKind, SpeakerRow};
pub use totals::Totals;
