//! The `check` job: every figure of every `[[claim]]` in claims.toml, judged against the
//! corpus.

use crate::config::Config;
use crate::corpus::{line_col_with, line_starts};
use crate::figure::extract_figures;
use crate::judge::{judge_claim, Citation, Context, Judgment, Severity, Verdict};
use rayon::prelude::*;
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
        Location::with_starts(file, text, &starts, span)
    }

    /// With the file's `line_starts` already at hand (many findings in one file).
    pub fn with_starts(
        file: String,
        text: Arc<String>,
        starts: &[usize],
        span: std::ops::Range<usize>,
    ) -> Location {
        let (line, column) = line_col_with(&text, starts, span.start);
        let (end_line, end_column) = line_col_with(&text, starts, span.end);
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
    /// Notes riding on the verdict: `uncited`, `secondary`, `derived`, `few-sources`.
    pub notes: Vec<String>,
    /// Supporting sources once copies are folded into their origin.
    pub independent_sources: usize,
    /// The severity it is reported at: the verdict's, or what `[settings.severity]`
    /// makes of its code.
    pub level: Severity,
}

impl Finding {
    /// A judged figure with its provenance notes; `min_sources` makes thin support a
    /// finding of its own.
    pub fn new(
        kind: FindingKind,
        location: Location,
        claim_id: Option<String>,
        judgment: Judgment,
        mut notes: Vec<String>,
        ctx: Context,
    ) -> Finding {
        let (more, independent_sources) = ctx.provenance.notes(ctx.corpus, &judgment);
        notes.extend(more);
        if judgment.verdict == Verdict::Supported && independent_sources < ctx.settings.min_sources
        {
            notes.push(FEW_SOURCES.to_string());
        }
        let few = notes.iter().any(|n| n == FEW_SOURCES);
        let (code, default) = if few {
            (FEW_SOURCES_CODE, Severity::Warning)
        } else {
            (judgment.verdict.code(), judgment.verdict.severity())
        };
        let level = ctx.settings.severity.apply(code, default);
        Finding {
            kind,
            location,
            claim_id,
            judgment,
            notes,
            independent_sources,
            level,
        }
    }

    /// A finding to report: anything but plain support (SARIF results, annotations and
    /// the Markdown table hold these; JSON holds every figure).
    pub fn is_reported(&self) -> bool {
        self.code() != Verdict::Supported.code()
    }

    /// Too few independent sources for `min_sources`.
    pub fn few_sources(&self) -> bool {
        self.notes.iter().any(|n| n == FEW_SOURCES)
    }

    pub fn severity(&self) -> Severity {
        self.level
    }

    pub fn code(&self) -> &'static str {
        if self.few_sources() {
            FEW_SOURCES_CODE
        } else {
            self.judgment.verdict.code()
        }
    }
}

/// The note and code of support thinner than `min_sources`.
pub const FEW_SOURCES: &str = "few-sources";
pub const FEW_SOURCES_CODE: &str = "too-few-sources";

/// Check every claim of `config` against the corpus.
pub fn check_claims(config: &Config, ctx: Context) -> Vec<Finding> {
    let corpus = ctx.corpus;
    let file = crate::corpus::normalize(&config.path).display().to_string();
    let text = Arc::new(config.source_text.clone());
    let starts = line_starts(&text);
    // claims are judged in parallel; `collect` keeps their order
    let per_claim: Vec<Vec<Finding>> = config
        .claims
        .par_iter()
        .map(|claim| {
            let _item = crate::timings::item("judge");
            let figures = extract_figures(&claim.text);
            let citation = Citation::of_claim(claim, corpus);
            let raw = &text[claim.text_span.clone()];
            judge_claim(ctx, &claim.text, &figures, &citation, &[])
                .into_iter()
                .map(|j| {
                    // locate the figure inside the TOML string (escapes may shift offsets)
                    let start = raw
                        .find(&j.figure.text)
                        .map(|p| claim.text_span.start + p)
                        .unwrap_or(claim.text_offset + j.figure.span.start);
                    let span = start..(start + j.figure.text.len()).min(text.len());
                    Finding::new(
                        FindingKind::Claim,
                        Location::with_starts(file.clone(), text.clone(), &starts, span),
                        Some(claim.id.clone()),
                        j,
                        Vec::new(),
                        ctx,
                    )
                })
                .collect()
        })
        .collect();
    let mut out: Vec<Finding> = per_claim.into_iter().flatten().collect();
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
