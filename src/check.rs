//! The `check` job: every figure of every `[[claim]]` in claims.toml, judged against the
//! corpus.

use crate::config::Config;
use crate::corpus::{line_col_with, line_starts, Corpus};
use crate::figure::extract_figures;
use crate::index::Index;
use crate::judge::{judge_claim, Citation, Judgment};
use std::sync::Arc;

/// Where a finding points: a file, its text, a byte span and 1-based positions.
#[derive(Debug, Clone)]
pub struct Location {
    pub file: String,
    pub text: Arc<String>,
    pub span: std::ops::Range<usize>,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl Location {
    pub fn new(file: String, text: Arc<String>, span: std::ops::Range<usize>) -> Location {
        let starts = line_starts(&text);
        let (line, column) = line_col_with(&text, &starts, span.start);
        let (end_line, end_column) = line_col_with(&text, &starts, span.end);
        Location {
            file,
            text,
            span,
            line,
            column,
            end_line,
            end_column,
        }
    }
}

/// Whether a finding comes from claims.toml or a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingKind {
    Claim,
    Figure,
}

impl FindingKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            FindingKind::Claim => "claim",
            FindingKind::Figure => "figure",
        }
    }
}

/// One judged figure, located.
#[derive(Debug, Clone)]
pub struct Finding {
    pub kind: FindingKind,
    pub location: Location,
    pub claim_id: Option<String>,
    pub judgment: Judgment,
    /// Notes riding on the verdict: `uncited`, `secondary`, `derived`.
    pub notes: Vec<String>,
}

/// Check every claim of `config` against the corpus.
pub fn check_claims(config: &Config, corpus: &Corpus, index: &Index) -> Vec<Finding> {
    let file = crate::corpus::normalize(&config.path).display().to_string();
    let text = Arc::new(config.source_text.clone());
    let mut out = Vec::new();
    for claim in &config.claims {
        let figures = extract_figures(&claim.text);
        let citation = if claim.sources.is_empty() {
            Citation::None
        } else {
            Citation::Sources(
                claim
                    .sources
                    .iter()
                    .filter_map(|s| corpus.source_index(s))
                    .collect(),
            )
        };
        let raw = &text[claim.text_span.clone()];
        for j in judge_claim(
            index,
            corpus,
            &claim.text,
            &figures,
            &citation,
            &config.settings,
        ) {
            // locate the figure inside the TOML string (escapes may shift offsets)
            let start = raw
                .find(&j.figure.text)
                .map(|p| claim.text_span.start + p)
                .unwrap_or(claim.text_offset + j.figure.span.start);
            let span = start..(start + j.figure.text.len()).min(text.len());
            out.push(Finding {
                kind: FindingKind::Claim,
                location: Location::new(file.clone(), text.clone(), span),
                claim_id: Some(claim.id.clone()),
                judgment: j,
                notes: Vec::new(),
            });
        }
    }
    sort_findings(&mut out);
    out
}

/// Stable order: file, line, column, code.
pub fn sort_findings(f: &mut [Finding]) {
    f.sort_by(|a, b| {
        (
            a.location.file.as_str(),
            a.location.line,
            a.location.column,
            a.judgment.verdict.code(),
        )
            .cmp(&(
                b.location.file.as_str(),
                b.location.line,
                b.location.column,
                b.judgment.verdict.code(),
            ))
    });
}
