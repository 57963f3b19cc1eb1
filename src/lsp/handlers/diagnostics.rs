//! Findings as LSP diagnostics, for both the pushed (`publishDiagnostics`) and the pulled
//! (`textDocument/diagnostic`, `workspace/diagnostic`) flavours.
//!
//! Per-rule severities apply here, and nowhere else: the editor's setting for a rule if it has
//! one, else the project's `.saidso.toml`, else the engine's default. (Inline `saidso-disable`
//! comments were applied when the snapshot was made.) Two more kinds of diagnostic come from the
//! configuration itself: an unusable `.saidso.toml`, and a `saidso-disable` comment naming a rule
//! that does not exist — both would otherwise silently change what the writer sees.

use super::Ctx;
use crate::analysis::{Finding, Severity, Span};
use crate::config::Level;
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
    let mut out: Vec<Diagnostic> = ctx
        .analysis()
        .findings
        .iter()
        .filter_map(|f| diagnostic(ctx, f))
        .collect();
    if let Some(error) = &ctx.snap.project_error {
        out.push(Diagnostic {
            range: ctx.snap.range(Span::new(0, 0), ctx.enc),
            severity: Some(DiagnosticSeverity::ERROR),
            source: Some(SOURCE.to_owned()),
            message: format!(
                "The .saidso.toml for this file is unusable, so defaults apply: {error}"
            ),
            ..Diagnostic::default()
        });
    }
    for error in &ctx.snap.source_errors {
        // A source the draft names that cannot be read: its quotes go unverified against it.
        out.push(Diagnostic {
            range: ctx.snap.range(Span::new(0, 0), ctx.enc),
            severity: Some(DiagnosticSeverity::WARNING),
            source: Some(SOURCE.to_owned()),
            message: format!("{error}; quotes are not checked against it."),
            ..Diagnostic::default()
        });
    }
    for unknown in &ctx.snap.unknown_directives {
        out.push(Diagnostic {
            range: ctx.snap.range(unknown.span, ctx.enc),
            severity: Some(DiagnosticSeverity::WARNING),
            source: Some(SOURCE.to_owned()),
            message: format!(
                "Unknown rule id `{}` in a saidso directive: it suppresses nothing.",
                unknown.id
            ),
            ..Diagnostic::default()
        });
    }
    out
}

/// The severity a finding is reported at, or `None` when its rule is off.
fn level(ctx: &Ctx, finding: &Finding) -> Option<Severity> {
    let level = ctx
        .settings
        .rule_level(finding.rule)
        .or_else(|| ctx.snap.project.config.rules.get(&finding.rule).copied())
        .unwrap_or(Level::On(finding.severity));
    match level {
        Level::Off => None,
        Level::On(severity) => Some(severity),
    }
}

/// One finding as a diagnostic, or `None` when its rule is switched off.
pub fn diagnostic(ctx: &Ctx, finding: &Finding) -> Option<Diagnostic> {
    let level = level(ctx, finding)?;
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

    use crate::lsp::position::Encoding;
    use serde_json::json;

    #[test]
    fn findings_become_diagnostics_with_related_information() {
        let fx = fixture::Fixture::new();
        let ctx = fx.ctx(Encoding::Utf16);
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
            Level::On(Severity::Error),
        );
        settings
            .rules
            .insert(Rule::AmbiguousSpeaker.id().into(), Level::Off);
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
