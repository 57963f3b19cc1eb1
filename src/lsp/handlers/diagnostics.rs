//! Findings as LSP diagnostics, for both the pushed (`publishDiagnostics`) and the pulled
//! (`textDocument/diagnostic`, `workspace/diagnostic`) flavours.
//!
//! Per-rule severities from the settings apply here, and nowhere else: the engine reports at
//! its defaults and the writer's configuration is a protocol-side concern.

use super::Ctx;
use crate::analysis::{Finding, Severity};
use tower_lsp_server::ls_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
};

pub const SOURCE: &str = "saidso";

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Hint => DiagnosticSeverity::HINT,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Error => DiagnosticSeverity::ERROR,
    }
}

/// The document's diagnostics under the current settings (none when saidso is disabled).
pub fn diagnostics(ctx: &Ctx) -> Vec<Diagnostic> {
    if !ctx.settings.enable {
        return Vec::new();
    }
    ctx.analysis()
        .findings
        .iter()
        .filter_map(|f| diagnostic(ctx, f))
        .collect()
}

/// One finding as a diagnostic, or `None` when its rule is switched off.
pub fn diagnostic(ctx: &Ctx, finding: &Finding) -> Option<Diagnostic> {
    let level = ctx.settings.severity(finding.rule, finding.severity)?;
    let related: Vec<DiagnosticRelatedInformation> = finding
        .related
        .iter()
        .map(|r| DiagnosticRelatedInformation {
            location: Location::new(ctx.snap.uri.clone(), ctx.snap.range(r.span, ctx.enc)),
            message: r.message.clone(),
        })
        .collect();
    Some(Diagnostic {
        range: ctx.snap.range(finding.span, ctx.enc),
        severity: Some(severity(level)),
        code: Some(NumberOrString::String(finding.rule.id().to_owned())),
        source: Some(SOURCE.to_owned()),
        message: finding.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        ..Diagnostic::default()
    })
}

/// The `resultId` of a pulled report: the same document version under the same settings
/// gives the same diagnostics.
pub fn result_id(version: Option<i32>, settings_generation: u64, content_hash: u64) -> String {
    match version {
        Some(v) => format!("v{v}-s{settings_generation}"),
        None => format!("h{content_hash:x}-s{settings_generation}"),
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use crate::analysis::Rule;
    use crate::lsp::config::RuleLevel;
    use crate::lsp::position::Encoding;
    use serde_json::json;

    #[test]
    fn findings_become_diagnostics_with_related_information() {
        let snap = fixture::snapshot();
        let settings = fixture::settings();
        let ctx = Ctx {
            snap: &snap,
            enc: Encoding::Utf16,
            settings: &settings,
        };
        let diags = diagnostics(&ctx);
        assert_eq!(
            serde_json::to_value(&diags[0]).unwrap(),
            json!({
                "range": {"start": {"line": 10, "character": 0}, "end": {"line": 10, "character": 15}},
                "severity": 2,
                "code": "unattributed-quote",
                "source": "saidso",
                "message": "This quote has no speaker.",
                "relatedInformation": [{
                    "location": {"uri": "file:///news/putin.txt",
                        "range": {"start": {"line": 0, "character": 18}, "end": {"line": 0, "character": 32}}},
                    "message": "last named speaker"
                }]
            })
        );
        assert_eq!(diags[1].severity, Some(DiagnosticSeverity::INFORMATION));
    }

    #[test]
    fn rule_settings_change_severity_or_drop() {
        let snap = fixture::snapshot();
        let mut settings = fixture::settings();
        settings.rules.insert(
            Rule::UnattributedQuote.id().into(),
            RuleLevel::On(Severity::Error),
        );
        settings
            .rules
            .insert(Rule::AmbiguousSpeaker.id().into(), RuleLevel::Off);
        let ctx = Ctx {
            snap: &snap,
            enc: Encoding::Utf8,
            settings: &settings,
        };
        let diags = diagnostics(&ctx);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].severity, Some(DiagnosticSeverity::ERROR));
        settings.enable = false;
        let ctx = Ctx {
            snap: &snap,
            enc: Encoding::Utf8,
            settings: &settings,
        };
        assert!(diagnostics(&ctx).is_empty());
    }
}
