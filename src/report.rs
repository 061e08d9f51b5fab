//! Reports: findings rendered for people (miette) and for tools (JSON schema 1).
//!
//! Renderers write to a `&mut dyn Write` handed in by `main`; they never decide a
//! verdict, they only put the judge's findings into words.

use crate::check::Finding;
use crate::corpus::Corpus;
use crate::figure::{fmt_num, Figure, Qualifier, Unit};
use crate::judge::{Severity, Unattributed, Verdict};
use crate::matching::{Agreement, Evidence, NounRelation, Relation};
use crate::provenance::Provenance;
use miette::{Diagnostic, LabeledSpan, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use serde::Serialize;
use std::fmt;
use std::io::Write;
use std::ops::Range;

/// Output format. (The command line's `--format` is read from [`Format::ALL`] in
/// main.rs: the library does not depend on clap.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Github,
    Markdown,
    Html,
}

impl Format {
    /// Every format with its name on the command line and a line of help.
    pub const ALL: [(Format, &'static str, &'static str); 6] = [
        (
            Format::Human,
            "human",
            "Findings for people, with source excerpts",
        ),
        (
            Format::Json,
            "json",
            "One JSON object with every figure (schema 1)",
        ),
        (
            Format::Sarif,
            "sarif",
            "SARIF 2.1.0, for code-scanning dashboards",
        ),
        (
            Format::Github,
            "github",
            "GitHub Actions annotations, and a job summary when $GITHUB_STEP_SUMMARY is set",
        ),
        (
            Format::Markdown,
            "markdown",
            "A Markdown summary table, for a pull-request comment",
        ),
        (
            Format::Html,
            "html",
            "One self-contained HTML page for an editor (filters, sources, conflict matrix)",
        ),
    ];

    /// The format's name on the command line.
    pub fn name(self) -> &'static str {
        Format::ALL
            .iter()
            .find(|(f, _, _)| *f == self)
            .map_or("human", |(_, n, _)| n)
    }

    /// The format of a command-line name.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL
            .iter()
            .find(|(_, n, _)| *n == name)
            .map(|(f, _, _)| *f)
    }
}

/// Options of the human renderer.
#[derive(Debug, Clone, Copy)]
pub struct HumanOptions {
    pub verbose: bool,
    pub color: bool,
    pub width: usize,
}

/// What the figure says, for messages: "780 prisoners", "over 100 prisoners".
pub(crate) fn said(f: &Figure) -> String {
    f.describe()
}

/// The figure as the fix should write it.
pub(crate) fn replacement(f: &Figure) -> String {
    let mut s = String::new();
    match f.qualifier {
        Qualifier::Over => s.push_str("over "),
        Qualifier::AtLeast => s.push_str("at least "),
        Qualifier::UpTo => s.push_str("up to "),
        Qualifier::Under => s.push_str("fewer than "),
        Qualifier::Almost => s.push_str("almost "),
        Qualifier::About => s.push_str("about "),
        _ => {}
    }
    let num = match f.qualifier {
        Qualifier::Range => format!("{}–{}", fmt_num(f.low), fmt_num(f.high)),
        Qualifier::Vague => return f.text.trim().to_string(),
        _ => fmt_num(f.value),
    };
    match (f.unit, f.currency) {
        (Unit::Money, Some("USD")) => s.push('$'),
        (Unit::Money, Some("PKR" | "INR" | crate::figure::RUPEE)) => s.push_str("Rs "),
        _ => {}
    }
    s.push_str(&num);
    if f.unit == Unit::Percent {
        s.push('%');
    }
    if f.unit == Unit::Duration {
        if let Some(n) = &f.noun {
            s.push(' ');
            s.push_str(n);
        }
    }
    s
}

fn source_name(corpus: &Corpus, e: &Evidence) -> String {
    corpus.sources[corpus.passages[e.passage].source].id.clone()
}

fn evidence_figure<'c>(corpus: &'c Corpus, e: &Evidence) -> &'c Figure {
    &corpus.passages[e.passage].figures[e.figure]
}

/// The one-line message of a finding.
pub fn message(f: &Finding, corpus: &Corpus) -> String {
    let j = &f.judgment;
    let t = &j.figure.text;
    let key = j.key_evidence.as_ref();
    match j.verdict {
        Verdict::Supported if f.few_sources() => format!(
            "figure `{t}` rests on {} independent source{}",
            f.independent_sources,
            if f.independent_sources == 1 { "" } else { "s" }
        ),
        Verdict::Supported => match key {
            Some(e) => format!("figure `{t}` is supported by `{}`", source_name(corpus, e)),
            None => format!("figure `{t}` is supported"),
        },
        Verdict::Misquoted => {
            let e = key.expect("a misquote has a contradicting passage");
            let sf = evidence_figure(corpus, e);
            match j.agreement {
                Some(Agreement::Year) => match e.year.or(sf.year) {
                    Some(y) => format!("misquoted year for `{t}`: the source gives {y}"),
                    None => format!("misquoted year for `{t}`: the source gives another"),
                },
                Some(Agreement::Direction) => format!(
                    "misquoted change for `{t}`: the source has it going the other way ({})",
                    crate::text::escape_control(&sf.text)
                ),
                Some(Agreement::Qualifier) => {
                    format!("misquoted figure `{t}`: the source says {}", said(sf))
                }
                Some(Agreement::Unit) => {
                    format!("misquoted unit for `{t}`: the source says {}", said(sf))
                }
                _ => format!("misquoted figure `{t}`: the source says {}", said(sf)),
            }
        }
        Verdict::Unattributed => match j.unattributed {
            Some(Unattributed::NoCitation) => format!("claim cites no source for `{t}`"),
            _ => format!("no source supports `{t}`"),
        },
        Verdict::Miscited => {
            let cited: Vec<String> = j
                .cited
                .iter()
                .map(|s| format!("`{}`", corpus.sources[*s].id))
                .collect();
            let cited = if cited.is_empty() {
                "the cited source".to_string()
            } else {
                cited.join(", ")
            };
            format!("{cited} does not carry `{t}`")
        }
        Verdict::Conflict => {
            let e = key.expect("a conflict has a contradicting passage");
            format!(
                "sources disagree on `{t}`: `{}` says {}",
                source_name(corpus, e),
                said(evidence_figure(corpus, e))
            )
        }
    }
}

/// The slots that decided a verdict, in words: "same counted noun `deaths`", "same
/// year 2022", "the source says 419" (DESIGN "Matching": a verdict explains itself).
pub fn decided_by(f: &Finding, corpus: &Corpus) -> Vec<String> {
    let j = &f.judgment;
    let Some(e) = j.key_evidence.as_ref() else {
        return vec!["no passage of the corpus states this figure's statement".into()];
    };
    let sf = evidence_figure(corpus, e);
    let p = &corpus.passages[e.passage];
    let mut out = Vec::new();
    match (e.noun, j.figure.noun.as_deref(), sf.noun.as_deref()) {
        (NounRelation::Same, _, Some(n)) => out.push(format!("same counted noun `{n}`")),
        (NounRelation::Related, Some(a), Some(b)) => {
            out.push(format!("related counted nouns `{a}` and `{b}`"))
        }
        _ => {}
    }
    if let Some(m) = sf.measure {
        out.push(format!("measured in {} ({})", m.unit, m.dimension));
    }
    out.push(format!(
        "{:.0}% of the figure's own words found next to the source's",
        100.0 * e.measure
    ));
    match (j.figure.year, e.year.or(sf.year)) {
        (Some(a), Some(b)) if a == b => out.push(format!("same year {a}")),
        (Some(a), Some(b)) => out.push(format!("another year: {a} here, {b} in the source")),
        _ => {}
    }
    let frame = describe_frame(p.frame(e.figure));
    out.push(format!("source frame: {frame}"));
    out.push(format!("the source says {}", said(sf)));
    out
}

/// The fix, for the help line.
pub fn help(f: &Finding, corpus: &Corpus) -> Option<String> {
    let j = &f.judgment;
    let t = &j.figure.text;
    let key = j.key_evidence.as_ref();
    match j.verdict {
        Verdict::Supported if f.few_sources() => Some(
            "find an independent source that gives this figure (copies of one report count once)"
                .into(),
        ),
        Verdict::Supported => None,
        Verdict::Misquoted => {
            let e = key?;
            let sf = evidence_figure(corpus, e);
            Some(match j.agreement {
                Some(Agreement::Year) => format!(
                    "change the year to {} (`{}` says {})",
                    e.year
                        .or(sf.year)
                        .map_or("the source's".to_string(), |y| y.to_string()),
                    source_name(corpus, e),
                    said(sf)
                ),
                _ => format!(
                    "replace `{t}` with `{}` as `{}` says",
                    replacement(sf),
                    source_name(corpus, e)
                ),
            })
        }
        Verdict::Unattributed => match (j.unattributed, key) {
            (Some(Unattributed::NoCitation), Some(e)) => {
                let id = source_name(corpus, e);
                Some(match f.kind {
                    crate::check::FindingKind::Claim => {
                        format!("add `sources = [\"{id}\"]`: it carries this figure")
                    }
                    crate::check::FindingKind::Figure => {
                        format!("cite `{id}`: it carries this figure")
                    }
                })
            }
            (Some(Unattributed::NoCitation), None) => {
                Some("add `sources = [...]` naming the document this figure comes from".into())
            }
            _ => Some("cite a source that gives this figure, or add one to the corpus".into()),
        },
        Verdict::Miscited => {
            let e = key?;
            Some(format!(
                "cite `{}` instead: it says {}",
                source_name(corpus, e),
                said(evidence_figure(corpus, e))
            ))
        }
        Verdict::Conflict => Some(
            "check which source is right; say that sources differ or cite the one you rely on"
                .into(),
        ),
    }
}

// --------------------------------------------------------------------------- JSON

#[derive(Serialize)]
struct JsonReport<'a> {
    schema: u32,
    results: Vec<JsonResult<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonResult<'a> {
    kind: &'static str,
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    claim_id: Option<&'a str>,
    text: &'a str,
    figure: &'a Figure,
    verdict: Verdict,
    severity: Severity,
    code: &'static str,
    independent_sources: usize,
    message: String,
    help: Option<String>,
    notes: &'a [String],
    /// The statement slots that decided the verdict, in words.
    decided_by: Vec<String>,
    evidence: Vec<JsonEvidence<'a>>,
    /// Disagreeing passages that were not taken as a conflict, each with the reason.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    set_aside: Vec<JsonSetAside<'a>>,
    /// Under `--verbose`: every passage considered, best first, kept or not.
    #[serde(skip_serializing_if = "Option::is_none")]
    considered: Option<Vec<JsonConsidered<'a>>>,
}

/// A passage considered for a figure, under `--verbose`.
#[derive(Serialize)]
struct JsonConsidered<'a> {
    source: &'a str,
    line: usize,
    figure: &'a str,
    score: f64,
    relation: &'static str,
    /// What differs, when it contradicts: "value", "qualifier", "year", "unit"…
    agreement: String,
    /// How the counted nouns relate: "same", "related", "unknown", "different".
    noun: String,
    /// Share of the claim figure's own words found in the passage figure's own words.
    measure: f64,
    text: &'a str,
}

/// A disagreeing passage that is no conflict, and why ("another year").
#[derive(Serialize)]
struct JsonSetAside<'a> {
    source: &'a str,
    line: usize,
    figure: &'a str,
    reason: &'static str,
}

#[derive(Serialize)]
struct JsonEvidence<'a> {
    source: &'a str,
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    text: &'a str,
    figure: &'a Figure,
    score: f64,
    relation: &'static str,
    /// Sources this passage's source copies or rewrites.
    derived_from: Vec<&'a str>,
    /// Works the passage attributes its content to ("Afzal, 2022"); `source` is null
    /// when the work is outside the corpus.
    attributed_to: Vec<JsonCite<'a>>,
}

/// Counts per verdict.
#[derive(Serialize, Default, Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub figures: usize,
    pub supported: usize,
    pub misquoted: usize,
    pub unattributed: usize,
    pub miscited: usize,
    pub conflict: usize,
    /// Findings silenced by suppression comments (lint).
    pub suppressed: usize,
}

impl Summary {
    pub fn of(findings: &[Finding]) -> Summary {
        let mut s = Summary {
            figures: findings.len(),
            ..Default::default()
        };
        for f in findings {
            match f.judgment.verdict {
                Verdict::Supported => s.supported += 1,
                Verdict::Misquoted => s.misquoted += 1,
                Verdict::Unattributed => s.unattributed += 1,
                Verdict::Miscited => s.miscited += 1,
                Verdict::Conflict => s.conflict += 1,
            }
        }
        s
    }
}

/// A finding's evidence, as JSON.
fn evidence_list<'a>(
    corpus: &'a Corpus,
    prov: &'a Provenance,
    f: &Finding,
) -> Vec<JsonEvidence<'a>> {
    f.judgment
        .evidence
        .iter()
        .map(|e| evidence_json(corpus, prov, e))
        .collect()
}

fn evidence_json<'a>(corpus: &'a Corpus, prov: &'a Provenance, e: &Evidence) -> JsonEvidence<'a> {
    let p = &corpus.passages[e.passage];
    let src = &corpus.sources[p.source];
    let fig = &p.figures[e.figure];
    let start = p.span.start + fig.span.start;
    let end = p.span.start + fig.span.end;
    let (line, column) = src.line_col(start);
    let (end_line, end_column) = src.line_col(end);
    JsonEvidence {
        source: &src.id,
        file: &src.display,
        line,
        column,
        end_line,
        end_column,
        text: p.text.trim(),
        figure: fig,
        score: (e.score * 1000.0).round() / 1000.0,
        relation: match e.relation {
            Relation::Supports => "supports",
            Relation::Contradicts => "contradicts",
        },
        derived_from: prov.derived_from[p.source]
            .iter()
            .map(|d| corpus.sources[*d].id.as_str())
            .collect(),
        attributed_to: prov.attributions[e.passage]
            .iter()
            .map(|c| cite_json(corpus, c))
            .collect(),
    }
}

fn considered_list<'a>(corpus: &'a Corpus, f: &Finding) -> Vec<JsonConsidered<'a>> {
    let round = |x: f64| (x * 1000.0).round() / 1000.0;
    f.judgment
        .considered
        .iter()
        .map(|e| {
            let p = &corpus.passages[e.passage];
            let src = &corpus.sources[p.source];
            let fig = &p.figures[e.figure];
            JsonConsidered {
                source: &src.id,
                line: src.line_col(p.span.start + fig.span.start).0,
                figure: &fig.text,
                score: round(e.score),
                relation: match e.relation {
                    Relation::Supports => "supports",
                    Relation::Contradicts => "contradicts",
                },
                agreement: format!("{:?}", e.agreement).to_lowercase(),
                noun: format!("{:?}", e.noun).to_lowercase(),
                measure: round(e.measure),
                text: p.text.trim(),
            }
        })
        .collect()
}

fn set_aside_list<'a>(corpus: &'a Corpus, f: &Finding) -> Vec<JsonSetAside<'a>> {
    f.judgment
        .set_aside
        .iter()
        .filter_map(|&(pi, reason)| {
            let e = f.judgment.considered.iter().find(|e| e.passage == pi)?;
            let p = &corpus.passages[pi];
            let src = &corpus.sources[p.source];
            let fig = &p.figures[e.figure];
            Some(JsonSetAside {
                source: &src.id,
                line: src.line_col(p.span.start + fig.span.start).0,
                figure: &fig.text,
                reason,
            })
        })
        .collect()
}

/// JSON schema 1: one object with every figure, supported ones included.
pub fn write_json(
    out: &mut dyn Write,
    findings: &[Finding],
    corpus: &Corpus,
    prov: &Provenance,
    summary: &Summary,
    verbose: bool,
) -> std::io::Result<()> {
    let results = findings
        .iter()
        .map(|f| JsonResult {
            kind: f.kind.as_str(),
            file: &f.location.file,
            line: f.location.line,
            column: f.location.column,
            end_line: f.location.end_line,
            end_column: f.location.end_column,
            claim_id: f.claim_id.as_deref(),
            text: &f.judgment.figure.text,
            figure: &f.judgment.figure,
            verdict: f.judgment.verdict,
            severity: f.severity(),
            code: f.code(),
            independent_sources: f.independent_sources,
            message: message(f, corpus),
            help: help(f, corpus),
            notes: &f.notes,
            decided_by: decided_by(f, corpus),
            evidence: evidence_list(corpus, prov, f),
            set_aside: set_aside_list(corpus, f),
            considered: verbose.then(|| considered_list(corpus, f)),
        })
        .collect();
    let report = JsonReport {
        schema: 1,
        results,
        summary: summary.clone(),
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}

// --------------------------------------------------------------------------- human

/// A source passage shown with its own file and line numbers.
#[derive(Debug)]
struct Excerpt {
    name: String,
    text: String,
    /// 0-based line and column of the excerpt's start in its file.
    line0: usize,
    col0: usize,
}

impl SourceCode for Excerpt {
    /// The whole passage, whatever the context asked for: it is one sentence.
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, miette::MietteError> {
        if span.offset() + span.len() > self.text.len() {
            return Err(miette::MietteError::OutOfBounds);
        }
        if before == 0 && after == 0 {
            // the header's "file:line:col": where the span itself is
            let head = &self.text[..span.offset()];
            let nl = head.matches('\n').count();
            let col = match head.rfind('\n') {
                Some(i) => head[i + 1..].chars().count(),
                None => self.col0 + head.chars().count(),
            };
            return Ok(Box::new(MietteSpanContents::new_named(
                self.name.clone(),
                &self.text.as_bytes()[span.offset()..span.offset() + span.len()],
                *span,
                self.line0 + nl,
                col,
                1,
            )));
        }
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            self.text.as_bytes(),
            (0, self.text.len()).into(),
            self.line0,
            self.col0,
            self.text.lines().count().max(1),
        )))
    }
}

/// Characters of context kept on each side of a span on a long line.
const CONTEXT_CHARS: usize = 120;
/// Longest stretch of a span shown; longer spans are cut (a runaway "figure").
const MAX_SPAN_BYTES: usize = 400;

/// The part of `text` miette is given to show `span`: its own lines, cut around the
/// span with "…" when a line is long (miette's renderer overflows past 65,535
/// characters, and a 10 MB line would be copied for every finding), context lines kept
/// only when short. Control characters are replaced by same-length stand-ins so that
/// nothing a source or draft holds reaches the terminal as an escape. `line0`/`col0`
/// are the 0-based position of `text[0]`; the span returned is relative to the excerpt.
fn excerpt_around(
    name: &str,
    text: &str,
    span: Range<usize>,
    at: (usize, usize),
    col0: usize,
) -> (Excerpt, SourceSpan) {
    use crate::text::{ceil_boundary, floor_boundary};
    // `at`: the 0-based line and column of `span.start` in its file, known to the caller,
    // so nothing here scans further than the context it shows
    let start = floor_boundary(text, span.start);
    let end = ceil_boundary(text, span.end.max(start))
        .min(floor_boundary(text, start + MAX_SPAN_BYTES).max(start));
    let back = text[..start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c != '\n')
        .take(CONTEXT_CHARS)
        .last()
        .map_or(start, |(i, _)| i);
    let line_start_reached = back == 0 || text[..back].ends_with('\n');
    let fwd = text[end..]
        .char_indices()
        .take_while(|&(_, c)| c != '\n')
        .take(CONTEXT_CHARS)
        .last()
        .map_or(end, |(i, c)| end + i + c.len_utf8());
    let line_end_reached = fwd == text.len() || text[fwd..].starts_with('\n');
    let back_col = at.1.saturating_sub(taken_chars(&text[back..start]));
    let mut out = String::new();
    let (first_line, first_col) = if !line_start_reached {
        // a cut line comes first, so miette's columns start from the cut
        out.push('…');
        (at.0, back_col.saturating_sub(1))
    } else {
        // the line before, when it is short
        let lookback = floor_boundary(text, back.saturating_sub(1 + 4 * 2 * CONTEXT_CHARS));
        let prev = (back > 0)
            .then(|| &text[lookback..back - 1])
            .and_then(|before| {
                let prev_start = match before.rfind('\n') {
                    Some(i) => lookback + i + 1,
                    None if lookback == 0 => 0,
                    None => return None,
                };
                (text[prev_start..back - 1].chars().count() <= 2 * CONTEXT_CHARS)
                    .then_some(prev_start)
            });
        match prev {
            Some(prev_start) => {
                out.push_str(&text[prev_start..back]);
                (at.0 - 1, if prev_start == 0 { col0 } else { 0 })
            }
            None => (at.0, back_col),
        }
    };
    let offset = out.len() + (start - back);
    out.push_str(&text[back..fwd]);
    if !line_end_reached {
        out.push('…');
    } else if fwd < text.len() {
        // the line after, when it is short
        let rest = &text[fwd + 1..ceil_boundary(text, fwd + 1 + 4 * 2 * CONTEXT_CHARS)];
        let next_end = rest
            .find('\n')
            .map(|i| fwd + 1 + i)
            .or_else(|| (fwd + 1 + rest.len() == text.len()).then_some(text.len()));
        if let Some(next_end) = next_end {
            if text[fwd + 1..next_end].chars().count() <= 2 * CONTEXT_CHARS {
                out.push_str(&text[fwd..next_end]);
            }
        }
    }
    let excerpt = Excerpt {
        name: crate::text::escape_control(name).into_owned(),
        text: crate::text::same_length_printable(&out),
        line0: first_line,
        col0: first_col,
    };
    (excerpt, (offset, end - start).into())
}

/// A frame's filled slots, for `trace -v`: "stance projected; window day; places kinshasa".
fn describe_frame(f: &crate::frame::Frame) -> String {
    let mut parts = vec![format!("stance {:?}", f.stance).to_lowercase()];
    if let Some(w) = f.window {
        parts.push(format!("window {w:?}").to_lowercase());
    }
    if f.rate {
        parts.push("rate".into());
    }
    if let Some(d) = f.change {
        parts.push(format!("change {d:?}").to_lowercase());
    }
    if f.current {
        parts.push("running count".into());
    }
    if !f.places.is_empty() {
        parts.push(format!("places {}", f.places.join(", ")));
    }
    if !f.parts.is_empty() {
        let names: Vec<&str> = f.parts.iter().map(|(_, w)| w.as_str()).collect();
        parts.push(format!("part {}", names.join(", ")));
    }
    parts.join("; ")
}

fn taken_chars(s: &str) -> usize {
    s.chars().count()
}

/// A diagnostic's single label.
fn one_label(label: &str, span: SourceSpan) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
    Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
        Some(label.to_string()),
        span,
    ))))
}

#[derive(Debug)]
struct EvidenceDiag {
    message: String,
    excerpt: Excerpt,
    label: String,
    span: SourceSpan,
}

impl fmt::Display for EvidenceDiag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl std::error::Error for EvidenceDiag {}

impl Diagnostic for EvidenceDiag {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.excerpt)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        one_label(&self.label, self.span)
    }
}

#[derive(Debug)]
struct FindingDiag {
    message: String,
    code: String,
    severity: miette::Severity,
    src: Excerpt,
    span: SourceSpan,
    label: String,
    help: Option<String>,
    related: Vec<EvidenceDiag>,
}

impl fmt::Display for FindingDiag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl std::error::Error for FindingDiag {}

impl Diagnostic for FindingDiag {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.src)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        one_label(&self.label, self.span)
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            None
        } else {
            Some(Box::new(self.related.iter().map(|d| d as &dyn Diagnostic)))
        }
    }
}

fn evidence_diag(corpus: &Corpus, prov: &Provenance, e: &Evidence) -> EvidenceDiag {
    let p = &corpus.passages[e.passage];
    let src = &corpus.sources[p.source];
    let fig = &p.figures[e.figure];
    let (_, col) = src.line_col(p.span.start);
    let (fl, fc) = src.line_col(p.span.start + fig.span.start);
    let relation = match e.relation {
        Relation::Supports => "supports",
        Relation::Contradicts => "says otherwise",
    };
    let mut message = format!("`{}` {relation} ({}:{fl}:{fc})", src.id, src.display);
    for c in &prov.attributions[e.passage] {
        match c.source {
            Some(t) => message.push_str(&format!("; it cites `{}`", corpus.sources[t].id)),
            None => message.push_str(&format!(
                "; it attributes this to {} (outside the corpus)",
                c.text
            )),
        }
    }
    if let Some(d) = prov.derived_from[p.source].first() {
        message.push_str(&format!(
            "; `{}` copies `{}`",
            src.id, corpus.sources[*d].id
        ));
    }
    let (excerpt, span) = excerpt_around(
        &src.display,
        &p.text,
        fig.span.clone(),
        (fl - 1, fc - 1),
        col - 1,
    );
    EvidenceDiag {
        message: crate::text::escape_control(&message).into_owned(),
        excerpt,
        label: crate::text::escape_control(&format!("source says {}", said(fig))).into_owned(),
        span,
    }
}

/// Render findings for people: errors and warnings, supported ones only when verbose.
pub fn write_human(
    out: &mut dyn Write,
    findings: &[Finding],
    corpus: &Corpus,
    prov: &Provenance,
    opts: HumanOptions,
) -> std::io::Result<()> {
    let theme = if opts.color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    let handler = miette::GraphicalReportHandler::new_themed(theme)
        .with_width(opts.width)
        .with_context_lines(1);
    for f in findings {
        let v = f.judgment.verdict;
        // supported figures and allowed findings ([settings.severity]) are info
        if f.severity() == Severity::Info && !opts.verbose {
            continue;
        }
        let severity = match f.severity() {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        };
        let mut msg = message(f, corpus);
        if !f.notes.is_empty() {
            msg.push_str(&format!(" [{}]", f.notes.join(", ")));
        }
        let related = f
            .judgment
            .evidence
            .iter()
            .take(match (opts.verbose, v) {
                (true, _) => 5,
                // a conflict shows both sides
                (false, Verdict::Conflict) => 2,
                _ => 1,
            })
            .map(|e| evidence_diag(corpus, prov, e))
            .collect();
        let label = match (&f.claim_id, f.kind) {
            (Some(id), crate::check::FindingKind::Claim) => {
                format!("claim `{id}` says {}", f.judgment.figure.text)
            }
            _ => format!("draft says {}", f.judgment.figure.text),
        };
        let at = (f.location.line - 1, f.location.column - 1);
        let (src, span) = excerpt_around(
            &f.location.file,
            &f.location.text,
            f.location.span.clone(),
            at,
            0,
        );
        let diag = FindingDiag {
            message: crate::text::escape_control(&msg).into_owned(),
            code: f.code().to_string(),
            severity,
            src,
            span,
            label: crate::text::escape_control(&label).into_owned(),
            help: help(f, corpus).map(|h| crate::text::escape_control(&h).into_owned()),
            related,
        };
        let mut s = String::new();
        handler
            .render_report(&mut s, &diag)
            .map_err(std::io::Error::other)?;
        out.write_all(s.as_bytes())?;
        writeln!(out)?;
    }
    Ok(())
}

/// The closing summary line: "42 figures: 40 supported, 1 misquoted, …".
pub fn summary_line(s: &Summary) -> String {
    let mut parts = vec![format!("{} supported", s.supported)];
    for (n, name) in [
        (s.misquoted, "misquoted"),
        (s.unattributed, "unattributed"),
        (s.miscited, "miscited"),
        (s.conflict, "conflict"),
    ] {
        if n > 0 {
            parts.push(format!("{n} {name}"));
        }
    }
    let mut line = format!(
        "{} figure{} checked: {}",
        s.figures,
        if s.figures == 1 { "" } else { "s" },
        parts.join(", ")
    );
    if s.suppressed > 0 {
        line.push_str(&format!(" ({} suppressed)", s.suppressed));
    }
    line
}

/// The last line of human output of `check` and `lint`: how to see more.
pub fn more_line(verbose: bool) -> &'static str {
    if verbose {
        "more: `--format html > report.html` writes every figure beside its source passages, as a page to read or print"
    } else {
        "more: `--verbose` also shows supported figures and where each was found; `--format html > report.html` writes a page to read or print"
    }
}

// --------------------------------------------------------------------------- sources

#[derive(Serialize)]
struct JsonSources<'a> {
    schema: u32,
    sources: Vec<JsonSource<'a>>,
}

#[derive(Serialize)]
struct JsonSource<'a> {
    id: &'a str,
    file: &'a str,
    title: Option<&'a str>,
    date: Option<&'a str>,
    passages: usize,
    figures: usize,
    derived_from: Vec<&'a str>,
    cites: Vec<JsonCite<'a>>,
}

#[derive(Serialize)]
struct JsonCite<'a> {
    text: &'a str,
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reference: Option<&'a str>,
}

/// Per source: its index, evidence passages and figures.
fn source_rows(corpus: &Corpus) -> Vec<(usize, usize, usize)> {
    (0..corpus.sources.len())
        .map(|s| {
            let passages: Vec<_> = corpus
                .passages
                .iter()
                .filter(|p| p.source == s && crate::index::is_evidence(p))
                .collect();
            let figures = passages.iter().map(|p| p.figures.len()).sum();
            (s, passages.len(), figures)
        })
        .collect()
}

fn cite_json<'a>(corpus: &'a Corpus, c: &'a crate::provenance::Cite) -> JsonCite<'a> {
    JsonCite {
        text: &c.text,
        source: c.source.map(|s| corpus.sources[s].id.as_str()),
        reference: c.reference.as_deref(),
    }
}

/// `claimcheck sources --format json`: `{"sources": [...]}`.
pub fn write_sources_json(
    out: &mut dyn Write,
    corpus: &Corpus,
    prov: &crate::provenance::Provenance,
) -> std::io::Result<()> {
    let sources = source_rows(corpus)
        .into_iter()
        .map(|(s, passages, figures)| {
            let src = &corpus.sources[s];
            JsonSource {
                id: &src.id,
                file: &src.display,
                title: src.meta.as_ref().and_then(|m| m.title.as_deref()),
                date: src.meta.as_ref().and_then(|m| m.date.as_deref()),
                passages,
                figures,
                derived_from: prov.derived_from[s]
                    .iter()
                    .map(|d| corpus.sources[*d].id.as_str())
                    .collect(),
                cites: prov.cites[s].iter().map(|c| cite_json(corpus, c)).collect(),
            }
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &JsonSources { schema: 1, sources })?;
    writeln!(out)
}

/// `claimcheck sources`: the corpus at a glance.
pub fn write_sources_human(
    out: &mut dyn Write,
    corpus: &Corpus,
    prov: &crate::provenance::Provenance,
    verbose: bool,
) -> std::io::Result<()> {
    for (s, passages, figures) in source_rows(corpus) {
        let src = &corpus.sources[s];
        let date = src
            .meta
            .as_ref()
            .and_then(|m| m.date.as_deref())
            .unwrap_or("no date");
        writeln!(out, "{}  ({date})", src.id)?;
        writeln!(out, "  title:    {}", src.title())?;
        writeln!(out, "  file:     {}", src.display)?;
        writeln!(out, "  passages: {passages}, figures: {figures}")?;
        if !prov.derived_from[s].is_empty() {
            let from: Vec<String> = prov.derived_from[s]
                .iter()
                .map(|d| {
                    let share = prov.overlap[s].get(d).copied().unwrap_or(0.0);
                    format!(
                        "{} ({:.0}% of its text)",
                        corpus.sources[*d].id,
                        share * 100.0
                    )
                })
                .collect();
            writeln!(out, "  derived from: {}", from.join(", "))?;
        }
        let linked = prov.cites[s].iter().filter(|c| c.source.is_some()).count();
        writeln!(
            out,
            "  cites:    {} ({} in the corpus)",
            prov.cites[s].len(),
            linked
        )?;
        for c in prov.cites[s]
            .iter()
            .filter(|c| verbose || c.source.is_some())
        {
            let target = c
                .source
                .map(|t| format!("→ {}", corpus.sources[t].id))
                .unwrap_or_else(|| "(outside the corpus)".to_string());
            let text: String = c.text.chars().take(90).collect();
            writeln!(out, "    {text} {target}")?;
        }
        writeln!(out)?;
    }
    Ok(())
}

// --------------------------------------------------------------------------- trace

#[derive(Serialize)]
struct JsonTrace<'a> {
    schema: u32,
    claim: JsonTraceClaim<'a>,
    figures: Vec<JsonTraceFigure<'a>>,
}

#[derive(Serialize)]
struct JsonTraceClaim<'a> {
    id: Option<&'a str>,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonTraceFigure<'a> {
    text: &'a str,
    figure: &'a Figure,
    verdict: Verdict,
    severity: Severity,
    message: String,
    notes: &'a [String],
    independent_sources: usize,
    evidence: Vec<JsonEvidence<'a>>,
    /// Where the figure comes from in the end; `source` null means outside the corpus.
    origins: Vec<JsonOrigin<'a>>,
}

#[derive(Serialize)]
struct JsonOrigin<'a> {
    text: &'a str,
    source: Option<&'a str>,
    in_corpus: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    reference: Option<&'a str>,
}

/// `claimcheck trace --format json`.
pub fn write_trace_json(
    out: &mut dyn Write,
    t: &crate::trace::Trace,
    corpus: &Corpus,
    prov: &Provenance,
) -> std::io::Result<()> {
    let figures = t
        .figures
        .iter()
        .map(|tf| {
            let f = &tf.finding;
            JsonTraceFigure {
                text: &f.judgment.figure.text,
                figure: &f.judgment.figure,
                verdict: f.judgment.verdict,
                severity: f.severity(),
                message: message(f, corpus),
                notes: &f.notes,
                independent_sources: f.independent_sources,
                evidence: evidence_list(corpus, prov, f),
                origins: tf
                    .origins
                    .iter()
                    .map(|o| JsonOrigin {
                        text: &o.text,
                        source: o.source.map(|s| corpus.sources[s].id.as_str()),
                        in_corpus: o.source.is_some(),
                        reference: o.reference.as_deref(),
                    })
                    .collect(),
            }
        })
        .collect();
    let doc = JsonTrace {
        schema: 1,
        claim: JsonTraceClaim {
            id: t.claim_id.as_deref(),
            text: &t.text,
        },
        figures,
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

/// `claimcheck trace`: claim → figures → passages → sources → origins, as a tree.
pub fn write_trace_human(
    out: &mut dyn Write,
    t: &crate::trace::Trace,
    corpus: &Corpus,
    prov: &Provenance,
    verbose: bool,
) -> std::io::Result<()> {
    match &t.claim_id {
        Some(id) => writeln!(out, "claim `{id}`: {}", t.text)?,
        None => writeln!(out, "{}", t.text)?,
    }
    let nf = t.figures.len();
    for (fi, tf) in t.figures.iter().enumerate() {
        let f = &tf.finding;
        let last_f = fi + 1 == nf;
        let (branch, pad) = if last_f {
            ("└── ", "    ")
        } else {
            ("├── ", "│   ")
        };
        let notes = if f.notes.is_empty() {
            String::new()
        } else {
            format!(" [{}]", f.notes.join(", "))
        };
        writeln!(
            out,
            "{branch}{} — {} ({} independent source{}){notes}",
            f.judgment.figure.text,
            f.judgment.verdict.as_str(),
            f.independent_sources,
            if f.independent_sources == 1 { "" } else { "s" }
        )?;
        if verbose {
            writeln!(out, "{pad}decided by: {}", decided_by(f, corpus).join("; "))?;
        }
        let ne = f.judgment.evidence.len();
        for (ei, e) in f.judgment.evidence.iter().enumerate() {
            let p = &corpus.passages[e.passage];
            let src = &corpus.sources[p.source];
            let fig = &p.figures[e.figure];
            let (line, col) = src.line_col(p.span.start + fig.span.start);
            let last_e = ei + 1 == ne && tf.origins.is_empty();
            let (b2, p2) = if last_e {
                ("└── ", "    ")
            } else {
                ("├── ", "│   ")
            };
            let rel = match e.relation {
                Relation::Supports => "supports",
                Relation::Contradicts => "says otherwise",
            };
            writeln!(
                out,
                "{pad}{b2}{} {rel}: {} ({}:{line}:{col}, score {:.2})",
                src.id,
                said(fig),
                src.display,
                e.score
            )?;
            let quote: String = p.text.trim().chars().take(160).collect();
            let ellipsis = if p.text.trim().chars().count() > 160 {
                "…"
            } else {
                ""
            };
            writeln!(out, "{pad}{p2}“{quote}{ellipsis}”")?;
            for d in &prov.derived_from[p.source] {
                writeln!(
                    out,
                    "{pad}{p2}copies {} ({})",
                    corpus.sources[*d].id,
                    corpus.sources[*d].title()
                )?;
            }
            for c in &prov.attributions[e.passage] {
                match c.source {
                    Some(s) => {
                        writeln!(out, "{pad}{p2}cites {} → {}", c.text, corpus.sources[s].id)?
                    }
                    None => writeln!(
                        out,
                        "{pad}{p2}attributes it to {} (outside the corpus)",
                        c.text
                    )?,
                }
            }
        }
        if verbose && !f.judgment.considered.is_empty() {
            writeln!(
                out,
                "{pad}├── passages considered (score, relation, noun, topic, other actor)"
            )?;
            for e in &f.judgment.considered {
                let p = &corpus.passages[e.passage];
                let fig = &p.figures[e.figure];
                let quote: String = p.text.trim().chars().take(70).collect();
                writeln!(
                    out,
                    "{pad}│   {:.2} {:?}/{:?} {:?} topic {:.2}{} {}: {} — “{quote}…”",
                    e.score,
                    e.relation,
                    e.agreement,
                    e.noun,
                    e.topic,
                    if e.other_actor { " other-actor" } else { "" },
                    corpus.sources[p.source].id,
                    fig.text
                )?;
                writeln!(
                    out,
                    "{pad}│       frame: {}",
                    describe_frame(p.frame(e.figure))
                )?;
                if let Some((_, why)) = f.judgment.set_aside.iter().find(|s| s.0 == e.passage) {
                    writeln!(out, "{pad}│       no conflict: {why}")?;
                }
            }
        }
        if !tf.origins.is_empty() {
            writeln!(out, "{pad}└── origin")?;
            for o in &tf.origins {
                match o.source {
                    Some(s) => writeln!(
                        out,
                        "{pad}    • {} — {}",
                        corpus.sources[s].id,
                        corpus.sources[s].title()
                    )?,
                    None => {
                        let r = o
                            .reference
                            .as_deref()
                            .map(|r| format!(": {}", r.chars().take(120).collect::<String>()))
                            .unwrap_or_default();
                        writeln!(out, "{pad}    • {} — outside the corpus{r}", o.text)?
                    }
                }
            }
        }
    }
    Ok(())
}
