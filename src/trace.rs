//! The `trace` job: a claim or figure followed to every passage that carries it, the
//! sources of those passages, what they copy, and the works they attribute it to.

use crate::check::{Finding, FindingKind, Location};
use crate::figure::extract_figures;
use crate::judge::{judge_claim, Citation, Context};
use std::sync::Arc;

/// Where a figure comes from in the end: a corpus source, or a work outside the corpus
/// (`source` is `None`).
pub type Origin = crate::provenance::Cite;

/// One figure of the traced claim.
#[derive(Debug, Clone)]
pub struct TracedFigure {
    pub finding: Finding,
    pub origins: Vec<Origin>,
}

/// A traced claim.
#[derive(Debug, Clone)]
pub struct Trace {
    pub claim_id: Option<String>,
    pub text: String,
    pub figures: Vec<TracedFigure>,
}

/// Trace `text` (with the citation of its claim, if it is one) through the corpus.
pub fn trace(
    ctx: Context,
    claim_id: Option<String>,
    text: &str,
    citation: &Citation,
    location: Location,
) -> Trace {
    let figures = extract_figures(text);
    let mut out = Vec::new();
    for j in judge_claim(ctx, text, &figures, citation, &[]) {
        let mut origins: Vec<Origin> = Vec::new();
        let mut push = |o: Origin| {
            if !origins.contains(&o) {
                origins.push(o);
            }
        };
        let carrying: Vec<usize> = {
            let supports = j.supporting_passages();
            if supports.is_empty() {
                j.key_evidence.iter().map(|e| e.passage).collect()
            } else {
                supports
            }
        };
        for pi in carrying {
            let attributions = &ctx.provenance.attributions[pi];
            if attributions.is_empty() {
                let root = ctx.provenance.root(ctx.corpus.passages[pi].source);
                push(Origin {
                    text: ctx.corpus.sources[root].id.clone(),
                    source: Some(root),
                    reference: None,
                });
            }
            for c in attributions {
                push(Origin {
                    text: c.text.clone(),
                    source: c.source.map(|s| ctx.provenance.root(s)),
                    reference: c.reference.clone(),
                });
            }
        }
        let span = j.figure.span.clone();
        let mut loc = location.clone();
        if loc.text.as_str() == text {
            loc = Location::new(loc.file.clone(), loc.text.clone(), span);
        }
        let kind = if claim_id.is_some() {
            FindingKind::Claim
        } else {
            FindingKind::Figure
        };
        out.push(TracedFigure {
            finding: Finding::new(kind, loc, claim_id.clone(), j, Vec::new(), ctx),
            origins,
        });
    }
    Trace {
        claim_id,
        text: text.to_string(),
        figures: out,
    }
}

/// A location for text given on the command line.
pub fn command_line_location(text: &str) -> Location {
    Location::new(
        "<command line>".to_string(),
        Arc::new(text.to_string()),
        0..text.len(),
    )
}
