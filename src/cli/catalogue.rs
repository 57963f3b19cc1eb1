//! `saidso rules` and `saidso explain ID`: the rule catalogue for people, straight from
//! [`Rule::ALL`] so it cannot drift from what the engine reports.

use super::{exit, write_output};
use crate::analysis::Rule;
use std::process::ExitCode;

/// One line per rule: id, default severity, summary, in aligned columns.
pub fn rules() -> ExitCode {
    let width = Rule::ALL.iter().map(|r| r.id().len()).max().unwrap_or(0);
    let written = write_output(|out| {
        for r in Rule::ALL {
            let info = r.info();
            writeln!(
                out,
                "{:width$}  {:7}  {}",
                info.id,
                info.default_severity.as_str(),
                info.summary
            )?;
        }
        Ok(())
    });
    match written {
        Ok(()) => ExitCode::from(exit::OK),
        Err(code) => code,
    }
}

/// The explanation of one rule; an unknown id is a usage error that lists the known ones.
pub fn explain(id: &str) -> ExitCode {
    let Some(rule) = Rule::from_id(id) else {
        let known: Vec<_> = Rule::ALL.iter().map(|r| r.id()).collect();
        eprintln!(
            "saidso: unknown rule id `{id}`; known rules: {}",
            known.join(", ")
        );
        return ExitCode::from(exit::TROUBLE);
    };
    let info = rule.info();
    let written = write_output(|out| {
        writeln!(
            out,
            "{} (default: {})",
            info.id,
            info.default_severity.as_str()
        )?;
        writeln!(out)?;
        writeln!(out, "{}", info.summary)?;
        writeln!(out)?;
        writeln!(out, "{}", info.explanation)?;
        writeln!(out)?;
        writeln!(
            out,
            "Configure it in .saidso.toml under [rules] (`{} = \"off\"`), or silence one place \
             with <!-- saidso-disable-next-line {} -->.",
            info.id, info.id
        )
    });
    match written {
        Ok(()) => ExitCode::from(exit::OK),
        Err(code) => code,
    }
}
