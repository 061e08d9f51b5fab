//! GitHub Actions: workflow-command annotations, escaped per the toolkit, with paths
//! relative to the project root (where a runner's checkout puts them). GitHub shows at
//! most 10 error and 10 warning annotations per step, so the rest are listed in a
//! folded group of the log, and the job summary (see `main`) has them all.

use crate::check::Finding;
use crate::corpus::Corpus;
use crate::judge::Severity;
use crate::markdown::shown_path;
use crate::report::{help, message, summary_line, Summary};
use crate::sarif::Paths;
use std::io::Write;
use std::path::Path;

/// Annotations GitHub shows per step for each of `error` and `warning`.
pub const SHOWN_PER_LEVEL: usize = 10;

/// The toolkit's escaping of a workflow command's message, plus: other control
/// characters become "?" and a legacy "##[" is broken up, so nothing quoted from a
/// draft or source can act as a command.
pub fn escape_data(s: &str) -> String {
    crate::text::same_length_printable(&s.replace('\r', "\n"))
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
        .replace("##[", "# #[")
}

/// The toolkit's escaping of a property value (`file=`, `title=`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn level_name(s: Severity) -> Option<&'static str> {
    match s {
        Severity::Error => Some("error"),
        Severity::Warning => Some("warning"),
        Severity::Info => None,
    }
}

/// Workflow annotations for the errors and warnings (columns only for single-line
/// spans, as ruff does); past [`SHOWN_PER_LEVEL`] of a level, a plain line in a folded
/// group; then the summary line.
pub fn write_github(
    out: &mut dyn Write,
    findings: &[Finding],
    corpus: &Corpus,
    summary: &Summary,
    root: Option<&Path>,
) -> std::io::Result<()> {
    let mut paths = Paths::new(root);
    let mut shown = [0usize; 2];
    let mut rest = Vec::new();
    for f in findings {
        let Some(level) = level_name(f.severity()) else {
            continue;
        };
        let l = &f.location;
        let file = shown_path(&mut paths, &l.file);
        let mut msg = message(f, corpus);
        if let Some(h) = help(f, corpus) {
            msg.push_str(&format!("\n{h}"));
        }
        let n = &mut shown[usize::from(level == "warning")];
        if *n >= SHOWN_PER_LEVEL {
            // one line each, whatever a file name or quoted text holds
            let line = format!(
                "{file}:{}:{}: {level} {}: {}",
                l.line,
                l.column,
                f.code(),
                msg.replace('\n', "; ")
            );
            rest.push(crate::text::escape_control(&line).into_owned());
            continue;
        }
        *n += 1;
        let mut props = format!(
            "file={},line={},endLine={}",
            escape_property(&file),
            l.line,
            l.end_line
        );
        if l.line == l.end_line {
            props.push_str(&format!(",col={},endColumn={}", l.column, l.end_column));
        }
        props.push_str(&format!(
            ",title={}",
            escape_property(&format!("claimcheck {}", f.code()))
        ));
        writeln!(out, "::{level} {props}::{}", escape_data(&msg))?;
    }
    if !rest.is_empty() {
        writeln!(
            out,
            "::group::claimcheck: {} more finding{} (GitHub shows {SHOWN_PER_LEVEL} errors and {SHOWN_PER_LEVEL} warnings per step)",
            rest.len(),
            if rest.len() == 1 { "" } else { "s" }
        )?;
        // plain lines, neutralized: none of them can start a workflow command
        let text = rest.join("\n") + "\n";
        out.write_all(crate::text::neutralize_commands(&text, true).as_bytes())?;
        writeln!(out, "::endgroup::")?;
    }
    writeln!(out, "{}", summary_line(summary))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toolkit_escaping() {
        assert_eq!(escape_data("50%\r\nnext"), "50%25%0A%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(escape_data("##[error]x"), "# #[error]x");
        assert_eq!(escape_data("\u{1b}[31m"), "?[31m");
    }
}
