//! Markdown for a pull-request comment or a GitHub job summary: counts by verdict, then
//! one row per finding. Everything quoted from a draft, a source or a file name is
//! escaped, so a hostile draft can neither break the table nor mention anyone.

use crate::check::Finding;
use crate::corpus::Corpus;
use crate::judge::{Severity, Unattributed, Verdict};
use crate::report::{said, summary_line, Summary};
use crate::sarif::{Paths, ProjectPath};
use std::io::Write;
use std::path::Path;

/// Text for a table cell: the characters that mean something inline (emphasis, code,
/// links, HTML, entities, tables, strike-through, GitHub's math) backslash-escaped, line
/// breaks and control characters as spaces, and a word joiner after "@" so that no
/// "@name" in a draft notifies anyone.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '@' => out.push_str("@\u{2060}"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '!' | '&' | '$' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    crate::text::escape_control(&out).into_owned()
}

/// A file as a reader of the repository knows it: relative to the project root.
pub fn shown_path(paths: &mut Paths, file: &str) -> String {
    match paths.resolve(file) {
        ProjectPath::Inside(rel) => rel,
        ProjectPath::Outside(abs) => abs.to_string_lossy().into_owned(),
        ProjectPath::Unknown(shown) => shown,
    }
}

/// What the source says and which source, for one finding's row.
fn source_cells(f: &Finding, corpus: &Corpus, paths: &mut Paths) -> (String, String) {
    let j = &f.judgment;
    let Some(e) = j.key_evidence.as_ref() else {
        return ("no source gives it".into(), "—".into());
    };
    let p = &corpus.passages[e.passage];
    let src = &corpus.sources[p.source];
    let fig = &p.figures[e.figure];
    let (line, _) = src.line_col(p.span.start + fig.span.start);
    let mut says = said(fig);
    if j.verdict == Verdict::Unattributed && j.unattributed == Some(Unattributed::NoCitation) {
        says.push_str(" (not cited)");
    }
    let file = shown_path(paths, &src.display);
    (
        escape(&says),
        format!("{} ({}:{line})", escape(&src.id), escape(&file)),
    )
}

fn verdict_cell(f: &Finding) -> String {
    let name = if f.few_sources() {
        "supported, too few sources"
    } else {
        f.judgment.verdict.as_str()
    };
    match f.severity() {
        Severity::Error => format!("**{name}** (error)"),
        Severity::Warning => format!("{name} (warning)"),
        Severity::Info => name.to_string(),
    }
}

/// The Markdown report: a heading, the summary line, counts by verdict and one row per
/// error or warning (every figure with `verbose`). `root` is the folder paths are shown
/// relative to.
pub fn write_markdown(
    out: &mut dyn Write,
    findings: &[Finding],
    corpus: &Corpus,
    summary: &Summary,
    root: Option<&Path>,
    verbose: bool,
) -> std::io::Result<()> {
    writeln!(out, "### claimcheck\n")?;
    writeln!(out, "{}\n", escape(&summary_line(summary)))?;
    writeln!(out, "| verdict | figures |\n| :-- | --: |")?;
    for (name, n) in [
        ("supported", summary.supported),
        ("misquoted", summary.misquoted),
        ("unattributed", summary.unattributed),
        ("miscited", summary.miscited),
        ("conflict", summary.conflict),
    ] {
        writeln!(out, "| {name} | {n} |")?;
    }
    if summary.suppressed > 0 {
        writeln!(out, "| suppressed | {} |", summary.suppressed)?;
    }
    writeln!(out)?;
    let rows: Vec<&Finding> = findings
        .iter()
        .filter(|f| verbose || f.severity() != Severity::Info)
        .collect();
    if rows.is_empty() {
        return writeln!(out, "No findings.");
    }
    writeln!(
        out,
        "| where | figure | verdict | the source says | source |\n| :-- | :-- | :-- | :-- | :-- |"
    )?;
    let mut paths = Paths::new(root);
    for f in rows {
        let file = shown_path(&mut paths, &f.location.file);
        let (says, source) = source_cells(f, corpus, &mut paths);
        writeln!(
            out,
            "| {}:{} | {} | {} | {says} | {source} |",
            escape(&file),
            f.location.line,
            escape(&f.judgment.figure.text),
            verdict_cell(f),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_the_table_or_mention() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(escape("@octocat"), "@\u{2060}octocat");
        assert_eq!(escape("x\ny"), "x y");
        assert_eq!(escape("<b>*"), "\\<b\\>\\*");
        assert_eq!(escape("İstanbul 1,016 $5"), "İstanbul 1,016 \\$5");
    }
}
