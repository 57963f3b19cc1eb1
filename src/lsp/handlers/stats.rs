//! The custom `saidso/documentStats` request behind the editors' status bar:
//! `{"textDocument": {"uri": …}}` → `{"quotes", "speakers", "unattributed", "claims"}`.
//!
//! The method name and both shapes are a contract with the VS Code extension and the Neovim
//! plugin; change them only together.

use crate::analysis::Analysis;
use serde::{Deserialize, Serialize};
use tower_lsp_server::ls_types::TextDocumentIdentifier;

pub const METHOD: &str = "saidso/documentStats";

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentStatsParams {
    pub text_document: TextDocumentIdentifier,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct DocumentStats {
    /// Every quotation, scare quotes included.
    pub quotes: usize,
    pub speakers: usize,
    /// Speech quotes (not scare quotes) with no speaker.
    pub unattributed: usize,
    pub claims: usize,
}

pub fn stats(analysis: &Analysis) -> DocumentStats {
    DocumentStats {
        quotes: analysis.quotes.len(),
        speakers: analysis.speakers.len(),
        unattributed: analysis
            .quotes
            .iter()
            .filter(|q| q.kind.is_speech() && q.attribution.is_none())
            .count(),
        claims: analysis.claims.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn counts_the_fixture() {
        let s = stats(&fixture::analysis());
        assert_eq!(
            serde_json::to_value(s).unwrap(),
            serde_json::json!({"quotes": 5, "speakers": 1, "unattributed": 1, "claims": 3})
        );
    }
}
