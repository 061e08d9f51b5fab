//! The `lint` job: every figure of a Markdown draft traced to its source passage.

use crate::check::{sort_findings, Finding, FindingKind, Location};
use crate::cite::{resolve_link, Resolver};
use crate::corpus::Corpus;
use crate::draft::{CiteRef, Draft};
use crate::figure::{extract_figures, Figure};
use crate::judge::{judge_claim, Citation, Context, Verdict};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

/// Findings of one draft, and how many a suppression comment silenced.
pub struct LintResult {
    pub findings: Vec<Finding>,
    pub suppressed: usize,
    /// The silenced findings themselves (SARIF reports them with a suppression).
    pub silenced: Vec<Silenced>,
}

/// A finding a suppression comment silenced, with the comment's reason.
#[derive(Debug, Clone)]
pub struct Silenced {
    pub finding: Finding,
    pub reason: Option<String>,
}

/// The corpus sources a sentence's citations name; `None` when it cites nothing.
fn cited_sources(
    corpus: &Corpus,
    resolver: &Resolver,
    draft: &Draft,
    cites: &[CiteRef],
    masks: &mut Vec<std::ops::Range<usize>>,
) -> Option<Vec<usize>> {
    if cites.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    for c in cites {
        let found = match c {
            CiteRef::Footnote(label) => draft
                .footnotes
                .get(label)
                .and_then(|def| resolver.resolve(def))
                .or_else(|| resolver.resolve(label)),
            CiteRef::Link { dest, text, span } => {
                let found = resolve_link(corpus, dest).or_else(|| resolver.resolve(text));
                if found.is_some() {
                    masks.push(span.clone());
                }
                found
            }
            CiteRef::Inline(text) => resolver.resolve(text),
        };
        if let Some(i) = found {
            if !out.contains(&i) {
                out.push(i);
            }
        }
    }
    Some(out)
}

/// A `[[claim]]` as the linker sees it: its figures and words, read once per lint.
struct ClaimKey<'c> {
    id: &'c str,
    figures: Vec<crate::figure::Figure>,
    words: BTreeSet<String>,
}

fn words(ctx: Context, text: &str) -> BTreeSet<String> {
    ctx.index
        .analyzer
        .terms(text, &[])
        .into_iter()
        .map(|t| t.key.to_string())
        .collect()
}

/// The `[[claim]]` a draft sentence restates: the one sharing most of its words (at
/// least half of the shorter's) that states a figure of the same value and unit. A
/// claim is never evidence (it would vouch for itself); the link only names it.
fn linked_claim<'c>(
    ctx: Context,
    sentence: &str,
    figure: &crate::figure::Figure,
    claims: &[ClaimKey<'c>],
) -> Option<&'c str> {
    // only claims stating the same figure are compared, and the sentence's words are
    // read only when there is one
    let same: Vec<&ClaimKey> = claims
        .iter()
        .filter(|c| {
            c.figures.iter().any(|f| {
                f.unit == figure.unit
                    && (f.value - figure.value).abs() <= 1e-9 * f.value.abs().max(1.0)
            })
        })
        .collect();
    if same.is_empty() {
        return None;
    }
    let mine = words(ctx, sentence);
    same.into_iter()
        .map(|c| {
            let shared = mine.intersection(&c.words).count();
            (
                shared as f64 / mine.len().min(c.words.len()).max(1) as f64,
                c,
            )
        })
        .filter(|(overlap, _)| *overlap >= 0.5)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.id)
}

/// Lint one draft.
pub fn lint_draft(file: &str, text: Arc<String>, draft: &Draft, ctx: Context) -> LintResult {
    lint_draft_with_claims(file, text, draft, ctx, &[])
}

/// Lint one draft, linking its figures to the `[[claim]]`s they restate.
pub fn lint_draft_with_claims(
    file: &str,
    text: Arc<String>,
    draft: &Draft,
    ctx: Context,
    claims: &[crate::config::Claim],
) -> LintResult {
    let starts = crate::corpus::line_starts(&text);
    let span = crate::timings::stage("judge.resolver");
    let resolver = Resolver::new(ctx.corpus);
    drop(span);
    let claims: Vec<ClaimKey> = claims
        .iter()
        .map(|c| ClaimKey {
            id: &c.id,
            figures: extract_figures(&c.text),
            words: words(ctx, &c.text),
        })
        .collect();
    let claims = &claims[..];
    // sentences are judged in parallel; `collect` keeps their order
    let per_sentence: Vec<(Vec<Finding>, Vec<Silenced>)> = draft
        .sentences
        .par_iter()
        .enumerate()
        .map(|(i, s)| {
            // the prose sentence before: the context of one that points back at it
            let before = i
                .checked_sub(1)
                .map(|k| &draft.sentences[k])
                .filter(|b| b.only.is_none() && s.only.is_none());
            let _item = crate::timings::item("judge");
            let at = DraftFile {
                name: file,
                text: &text,
                starts: &starts,
            };
            lint_sentence(&at, draft, s, before, ctx, &resolver, claims)
        })
        .collect();
    let mut findings = Vec::new();
    let mut silenced = Vec::new();
    for (f, s) in per_sentence {
        findings.extend(f);
        silenced.extend(s);
    }
    sort_findings(&mut findings);
    LintResult {
        findings,
        suppressed: silenced.len(),
        silenced,
    }
}

/// Whether a sentence opens by pointing back at a subject named before it ("It had
/// been…", "In 2022 the figure was…"; lexicon `[reference] opening`), past an opening
/// time ("In 2022", "By 2023,").
fn points_back(text: &str) -> bool {
    let lower = text.trim_start().to_lowercase();
    let mut words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 2
        && matches!(words[0], "in" | "by" | "for" | "during")
        && words[1].len() == 4
        && words[1].bytes().all(|b| b.is_ascii_digit())
    {
        words.drain(..2);
    }
    let head = words.iter().take(3).copied().collect::<Vec<_>>().join(" ");
    crate::lexicon::opening_reference_phrases()
        .iter()
        .any(|p| head == *p || head.starts_with(&format!("{p} ")))
}

/// The draft file a sentence is in: its name, text and line starts.
struct DraftFile<'a> {
    name: &'a str,
    text: &'a Arc<String>,
    starts: &'a [usize],
}

/// One sentence's findings, and those suppression comments silenced.
fn lint_sentence(
    at: &DraftFile,
    draft: &Draft,
    s: &crate::draft::Sentence,
    before: Option<&crate::draft::Sentence>,
    ctx: Context,
    resolver: &Resolver,
    claims: &[ClaimKey],
) -> (Vec<Finding>, Vec<Silenced>) {
    let corpus = ctx.corpus;
    let mut findings = Vec::new();
    let mut silenced = Vec::new();
    let mut figures = extract_figures(&s.text);
    if let Some(only) = &s.only {
        figures.retain(|f| f.span.start >= only.start && f.span.end <= only.end);
        // a table row's year may sit in any cell
        let row_year = crate::figure::years(&s.text).first().map(|y| y.1);
        for f in &mut figures {
            f.year = f.year.or(row_year);
        }
    }
    if figures.is_empty() {
        return (findings, silenced);
    }
    let mut masks = Vec::new();
    let cited = cited_sources(corpus, resolver, draft, &s.citations, &mut masks);
    let citation = match &cited {
        None => Citation::Uncited,
        // citations to works outside the corpus: judged against the whole corpus
        Some(list) if list.is_empty() => Citation::Uncited,
        Some(list) => Citation::Sources(list.clone()),
    };
    let mut judged = judge_claim(ctx, &s.text, &figures, &citation, &masks);
    // a sentence that points back ("In 2022 it had been $531.4 billion") and finds no
    // source for a figure is read again with the sentence before, whose words name what
    // it speaks of; its figures stay its own
    let lost =
        |j: &crate::judge::Judgment| j.verdict == Verdict::Unattributed && j.key_evidence.is_none();
    if let Some(b) = before.filter(|_| points_back(&s.text) && judged.iter().any(lost)) {
        let shift = b.text.len() + 1;
        let text = format!("{} {}", b.text, s.text);
        let moved = |r: &std::ops::Range<usize>| r.start + shift..r.end + shift;
        let shifted: Vec<Figure> = figures
            .iter()
            .map(|f| Figure {
                span: moved(&f.span),
                unit_start: f.unit_start.map(|u| u + shift),
                ..f.clone()
            })
            .collect();
        let masks: Vec<_> = masks.iter().map(moved).collect();
        let again = judge_claim(ctx, &text, &shifted, &citation, &masks);
        for (j, mut k) in judged.iter_mut().zip(again) {
            if lost(j) && !lost(&k) {
                k.figure = j.figure.clone();
                *j = k;
            }
        }
    }
    for j in judged {
        let span = s.draft_span(&j.figure.span);
        let silencer = draft
            .suppressions
            .iter()
            .find(|sup| sup.silences(span.start, j.verdict.as_str(), j.verdict.code()));
        let mut notes = Vec::new();
        if j.verdict == Verdict::Supported && cited.is_none() {
            notes.push("uncited".to_string());
        }
        let claim_id = linked_claim(ctx, &s.text, &j.figure, claims).map(str::to_string);
        let finding = Finding::new(
            FindingKind::Figure,
            Location::with_starts(at.name.to_string(), at.text.clone(), at.starts, span),
            claim_id,
            j,
            notes,
            ctx,
        );
        match silencer {
            Some(sup) => silenced.push(Silenced {
                finding,
                reason: sup.reason.clone(),
            }),
            None => findings.push(finding),
        }
    }
    (findings, silenced)
}
