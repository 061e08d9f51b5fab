//! The properties the fuzz targets check, one function per target.
//!
//! Each `*_bytes` function is what a fuzz target runs on one input; each panics (with a
//! message naming the broken property) when a property fails. This file is compiled
//! both by the fuzz crate and, through `#[path]`, by `tests/fuzz_regressions.rs`, so a
//! saved input is replayed against exactly the checks that found it.
//!
//! Properties, everywhere a function of claimcheck hands back a span or an interval:
//! - no panic;
//! - every span slices back to its text (`text.get(span)` is `Some`) and, where the
//!   struct keeps the text, the slice equals it;
//! - intervals are well formed: no NaN, `low <= high`, `low` finite, `high` infinite
//!   only for an open upper bound ("over", "at least"), the stated value finite.

use claimcheck::check::{Finding, Location};
use claimcheck::config::{self, Claim, Config, ConfigError, SourceMeta};
use claimcheck::corpus::{Corpus, Source};
use claimcheck::draft::{self, CiteRef};
use claimcheck::figure::{self, Figure};
use claimcheck::index::{Analyzer, Index};
use claimcheck::judge::Context;
use claimcheck::provenance::Provenance;
use claimcheck::{cite, lint, report};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

// --------------------------------------------------------------------------- helpers

/// A fuzz input as text: invalid UTF-8 is not text for the targets that take `&str`.
fn as_text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// `span` slices `text`: in bounds, ordered, on character boundaries.
pub fn assert_slices<'t>(text: &'t str, span: &Range<usize>, what: &str) -> &'t str {
    assert!(
        span.start <= span.end,
        "{what}: span {span:?} is reversed (text {text:?})"
    );
    match text.get(span.clone()) {
        Some(s) => s,
        None => panic!(
            "{what}: span {span:?} does not slice the text (len {}, {text:?})",
            text.len()
        ),
    }
}

/// The interval of a figure is well formed.
pub fn assert_interval(f: &Figure, what: &str) {
    assert!(
        f.value.is_finite(),
        "{what}: value {} of {:?} is not finite: {f:?}",
        f.value,
        f.text
    );
    assert!(
        !f.low.is_nan() && !f.high.is_nan(),
        "{what}: NaN bound in {:?}: {f:?}",
        f.text
    );
    assert!(
        f.low <= f.high,
        "{what}: low {} > high {} in {:?}: {f:?}",
        f.low,
        f.high,
        f.text
    );
    assert!(
        f.low.is_finite(),
        "{what}: low bound {} of {:?} is infinite: {f:?}",
        f.low,
        f.text
    );
    assert!(
        f.high.is_finite() || f.qualifier.is_lower_bound(),
        "{what}: high bound of {:?} is infinite but the qualifier {:?} is not open above: {f:?}",
        f.text,
        f.qualifier
    );
}

/// A figure read from `text`: its span slices `text` to its own `text`, its interval is
/// well formed, and describing or serialising it does not panic.
pub fn assert_figure(text: &str, f: &Figure, what: &str) {
    let s = assert_slices(text, &f.span, what);
    assert_eq!(
        s, f.text,
        "{what}: figure span {:?} slices {s:?}, the figure says {:?}",
        f.span, f.text
    );
    assert_interval(f, what);
    let _ = f.describe();
}

// --------------------------------------------------------------------------- figures

/// Target `figures`: `figure::extract_figures` and `figure::years`.
pub fn figures_bytes(data: &[u8]) {
    if let Some(text) = as_text(data) {
        figures(text);
    }
}

pub fn figures(text: &str) {
    let figs = figure::extract_figures(text);
    let mut last_end = 0;
    for f in &figs {
        assert_figure(text, f, "extract_figures");
        // "the figures of a text, in order": no two figures overlap
        assert!(
            f.span.start >= last_end,
            "extract_figures: figure at {:?} overlaps the one before (ending at {last_end}) in {text:?}",
            f.span
        );
        last_end = f.span.end;
    }
    for (at, y) in figure::years(text) {
        assert!(
            at <= text.len() && text.is_char_boundary(at),
            "years: offset {at} of {y} is not a character boundary of {text:?}"
        );
    }
}

// --------------------------------------------------------------------------- claims.toml

/// A project folder for claims.toml: a `.git` (so it is its own project root), `seeds/`
/// and `corpus/` with the three fixture documents. Made once per process.
fn project() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::Builder::new()
            .prefix("claimcheck-fuzz-")
            .tempdir()
            .expect("temp dir");
        let root = dir.path();
        for sub in [".git", "seeds", "corpus"] {
            std::fs::create_dir_all(root.join(sub)).expect("mkdir");
        }
        for (name, text) in FIXTURE_SOURCES {
            std::fs::write(root.join("corpus").join(name), text).expect("write");
        }
        std::fs::write(root.join("seeds/a.txt"), "The Taliban freed 780 prisoners.")
            .expect("write");
        dir
    })
    .path()
}

/// Target `claims_toml`: `config::parse` on the text of a claims.toml.
pub fn claims_toml_bytes(data: &[u8]) {
    if let Some(text) = as_text(data) {
        claims_toml(text);
    }
}

pub fn claims_toml(text: &str) {
    let path = project().join("claims.toml");
    match config::parse(&path, text.to_string()) {
        Ok(cfg) => assert_config(text, &cfg),
        Err(e) => assert_config_error(text, &e),
    }
}

fn assert_config(text: &str, cfg: &Config) {
    assert_eq!(cfg.source_text, text, "config keeps its source text");
    let lines = text.split('\n').count();
    for c in &cfg.claims {
        let what = format!("claim {:?}", c.id);
        let raw = assert_slices(text, &c.text_span, &what);
        assert!(
            c.text_span.start <= c.text_offset && c.text_offset <= c.text_span.end,
            "{what}: text_offset {} outside text_span {:?} ({raw:?})",
            c.text_offset,
            c.text_span
        );
        assert!(
            text.is_char_boundary(c.text_offset),
            "{what}: text_offset {} is not a character boundary",
            c.text_offset
        );
        assert!(
            (1..=lines).contains(&c.line),
            "{what}: line {} of a {lines}-line file",
            c.line
        );
        for f in figure::extract_figures(&c.text) {
            assert_figure(&c.text, &f, &what);
        }
    }
    let s = &cfg.settings;
    for (k, v) in [
        ("match_threshold", s.match_threshold),
        ("conflict_threshold", s.conflict_threshold),
        ("conflict_ratio", s.conflict_ratio),
        ("related_noun_margin", s.related_noun_margin),
        ("topic_threshold", s.topic_threshold),
        ("about_tolerance", s.about_tolerance),
    ] {
        assert!(
            (0.0..=1.0).contains(&v),
            "accepted setting {k} = {v} is out of 0..=1"
        );
    }
    assert!(
        s.open_end_cap.is_finite() && s.open_end_cap >= 1.0,
        "accepted open_end_cap = {}",
        s.open_end_cap
    );
}

fn assert_config_error(text: &str, e: &ConfigError) {
    match e {
        ConfigError::Unreadable { .. } => panic!("parse of a text said unreadable: {e}"),
        ConfigError::Invalid { problems, .. } => {
            assert!(!problems.is_empty(), "invalid with no problem");
            for p in problems {
                let span = p.span.offset()..p.span.offset() + p.span.len();
                assert_slices(
                    text,
                    &span,
                    &format!("problem {:?} ({})", p.code, p.message),
                );
            }
        }
    }
    // what the user sees: the report rendered as the CLI renders it
    let mut out = String::new();
    let _ = miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
        .with_width(100)
        .render_report(&mut out, e);
}

// --------------------------------------------------------------------------- drafts

/// Target `draft`: `draft::parse` of a Markdown draft.
pub fn draft_bytes(data: &[u8]) {
    if let Some(text) = as_text(data) {
        draft(text);
    }
}

pub fn draft(text: &str) {
    let d = draft::parse(text);
    for (i, s) in d.sentences.iter().enumerate() {
        let what = format!("sentence {i} {:?}", s.text);
        let whole = s.draft_span(&(0..s.text.len()));
        assert_slices(
            text,
            &whole,
            &format!("{what}: draft_span of the whole sentence"),
        );
        if let Some(only) = &s.only {
            assert_slices(&s.text, only, &format!("{what}: `only`"));
        }
        for c in &s.citations {
            if let CiteRef::Link {
                text: label, span, ..
            } = c
            {
                let got = assert_slices(&s.text, span, &format!("{what}: link span"));
                assert_eq!(
                    got, label,
                    "{what}: link span {span:?} slices {got:?}, the link text is {label:?}"
                );
            }
        }
        for f in figure::extract_figures(&s.text) {
            assert_figure(&s.text, &f, &what);
            let span = s.draft_span(&f.span);
            assert_slices(
                text,
                &span,
                &format!("{what}: draft_span of figure {:?}", f.text),
            );
        }
    }
    for sup in &d.suppressions {
        assert_slices(text, &sup.range, "suppression range");
    }
}

// --------------------------------------------------------------------------- corpus

/// The three documents of `tests/fixtures/cli/corpus`.
const FIXTURE_SOURCES: [(&str, &str); 3] = [
    (
        "analysis.txt",
        include_str!("../../tests/fixtures/cli/corpus/analysis.txt"),
    ),
    (
        "ministry.txt",
        include_str!("../../tests/fixtures/cli/corpus/ministry.txt"),
    ),
    (
        "wire.txt",
        include_str!("../../tests/fixtures/cli/corpus/wire.txt"),
    ),
];

fn meta(id: &str, file: &str) -> SourceMeta {
    SourceMeta {
        id: id.to_string(),
        file: PathBuf::from(file),
        ..Default::default()
    }
}

/// The metadata of `tests/fixtures/cli/lint/claims.toml`.
fn fixture_metas() -> Vec<SourceMeta> {
    vec![
        SourceMeta {
            title: Some("The Taliban and the TTP: an analysis".into()),
            author: Some("Sara Khan".into()),
            date: Some("2022-05-01".into()),
            url: Some("https://example.org/ttp-analysis".into()),
            aliases: vec!["Khan, 2022".into()],
            ..meta("analysis", "corpus/analysis.txt")
        },
        SourceMeta {
            title: Some("Interior Ministry Annual Security Review 2021".into()),
            publisher: Some("Interior Ministry".into()),
            date: Some("2022-02-03".into()),
            aliases: vec!["Interior Ministry, 2022".into()],
            ..meta("ministry-2021", "corpus/ministry.txt")
        },
        SourceMeta {
            title: Some("Regional wire".into()),
            publisher: Some("Regional Wire".into()),
            date: Some("2022-02-10".into()),
            ..meta("wire", "corpus/wire.txt")
        },
    ]
}

/// The fixture corpus, plus `extra` as a fourth document without metadata.
pub fn small_corpus(extra: Option<String>) -> Corpus {
    let mut corpus = Corpus::default();
    for ((name, text), m) in FIXTURE_SOURCES.iter().zip(fixture_metas()) {
        let display = format!("corpus/{name}");
        corpus.add_source(Source::new(
            m.id.clone(),
            PathBuf::from(&display),
            display,
            text.to_string(),
            Some(m),
        ));
    }
    if let Some(text) = extra {
        corpus.add_source(Source::new(
            "fuzzed".into(),
            PathBuf::from("corpus/fuzzed.md"),
            "corpus/fuzzed.md".into(),
            text,
            None,
        ));
    }
    corpus
}

/// Every passage slices its source and keeps its length; its figures slice its text.
pub fn assert_corpus(corpus: &Corpus) {
    for (i, p) in corpus.passages.iter().enumerate() {
        let src = &corpus.sources[p.source];
        let what = format!("passage {i} of {}", src.display);
        assert_slices(&src.text, &p.span, &what);
        assert_eq!(
            p.text.len(),
            p.span.len(),
            "{what}: passage text {:?} is not as long as its span {:?}",
            p.text,
            p.span
        );
        for f in &p.figures {
            assert_figure(&p.text, f, &what);
        }
    }
}

// --------------------------------------------------------------------------- citations

fn fixture_corpus() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    C.get_or_init(|| small_corpus(None))
}

/// Target `cite`: `cite::inline_citations`, `Resolver::resolve` and `cite::resolve_link`.
pub fn cite_bytes(data: &[u8]) {
    if let Some(text) = as_text(data) {
        cite(text);
    }
}

pub fn cite(text: &str) {
    for c in cite::inline_citations(text) {
        let got = assert_slices(text, &c.span, "inline citation");
        assert_eq!(
            got, c.text,
            "inline citation span {:?} slices {got:?}, the citation says {:?}",
            c.span, c.text
        );
    }
    let corpus = fixture_corpus();
    let n = corpus.sources.len();
    let resolver = cite::Resolver::new(corpus);
    if let Some(i) = resolver.resolve(text) {
        assert!(i < n, "resolve gave source {i} of {n}");
    }
    if let Some(i) = cite::resolve_link(corpus, text) {
        assert!(i < n, "resolve_link gave source {i} of {n}");
    }
}

// --------------------------------------------------------------------------- lint

/// In a `lint` input, the draft comes first; what follows this line, when present, is
/// a fourth corpus document.
pub const SOURCE_SEPARATOR: &[u8] = b"\n%%source%%\n";

/// The `[[claim]]`s lint links figures to (as in `tests/fixtures/cli/supported.toml`).
fn fixture_claims() -> Vec<Claim> {
    [
        (
            "violence-deaths-2021",
            "Militant violence claimed 1,016 lives in 2021, the interior ministry said.",
        ),
        (
            "prisoners",
            "The Taliban released 780 TTP prisoners after returning to power.",
        ),
    ]
    .into_iter()
    .map(|(id, text)| Claim {
        id: id.into(),
        text: text.into(),
        sources: vec![],
        text_span: 0..0,
        text_offset: 0,
        line: 1,
    })
    .collect()
}

/// Target `lint`: the whole `lint` job of the CLI on one draft, through the library:
/// decode the bytes, parse the draft, lint it against the small corpus (with the
/// fuzzed source document, when the input has one), then render every format.
pub fn lint_bytes(data: &[u8]) {
    let (draft_bytes, source) = match data
        .windows(SOURCE_SEPARATOR.len())
        .position(|w| w == SOURCE_SEPARATOR)
    {
        Some(at) => (&data[..at], Some(&data[at + SOURCE_SEPARATOR.len()..])),
        None => (data, None),
    };
    let (text, _) = claimcheck::corpus::decode_text(draft_bytes.to_vec());
    let source = source.map(|s| claimcheck::corpus::decode_text(s.to_vec()).0);
    lint(text, source);
}

pub fn lint(text: String, source: Option<String>) {
    let corpus = small_corpus(source);
    assert_corpus(&corpus);
    let index = Index::build(&corpus, Analyzer::new(&claimcheck::lexicon::entities(&[])));
    let provenance = Provenance::analyze(&corpus);
    let settings = config::Settings::default();
    let ctx = Context {
        corpus: &corpus,
        index: &index,
        retriever: &index,
        provenance: &provenance,
        settings: &settings,
    };
    let text = Arc::new(text);
    let d = draft::parse(&text);
    let claims = fixture_claims();
    let r = lint::lint_draft_with_claims("draft.md", text.clone(), &d, ctx, &claims);
    assert!(
        r.suppressed <= r.findings.len() + d.sentences.len() * 64,
        "suppressed count {} is absurd",
        r.suppressed
    );
    for f in &r.findings {
        assert_finding(&text, &corpus, f);
    }
    render(&r.findings, &corpus, &provenance, r.suppressed);
}

fn assert_location(text: &str, l: &Location, what: &str) {
    assert_eq!(l.text.as_str(), text, "{what}: location keeps another text");
    assert_slices(text, &l.span, what);
    assert!(
        l.line >= 1 && l.column >= 1,
        "{what}: line/column from 1: {l:?}"
    );
    assert!(
        (l.end_line, l.end_column) >= (l.line, l.column),
        "{what}: ends ({}, {}) before it starts ({}, {})",
        l.end_line,
        l.end_column,
        l.line,
        l.column
    );
}

fn assert_evidence(corpus: &Corpus, e: &claimcheck::matching::Evidence, what: &str) {
    let p = corpus
        .passages
        .get(e.passage)
        .unwrap_or_else(|| panic!("{what}: evidence passage {} out of range", e.passage));
    let f = p
        .figures
        .get(e.figure)
        .unwrap_or_else(|| panic!("{what}: evidence figure {} out of range", e.figure));
    assert_figure(&p.text, f, what);
    assert!(!e.score.is_nan(), "{what}: NaN score");
    assert!(!e.topic.is_nan(), "{what}: NaN topic share");
}

fn assert_finding(text: &str, corpus: &Corpus, f: &Finding) {
    let j = &f.judgment;
    let what = format!("finding {:?} ({})", j.figure.text, j.verdict.as_str());
    assert_location(text, &f.location, &what);
    assert_interval(&j.figure, &what);
    assert!(!j.figure.text.is_empty(), "{what}: empty figure text");
    for e in j
        .evidence
        .iter()
        .chain(&j.considered)
        .chain(&j.key_evidence)
    {
        assert_evidence(corpus, e, &what);
    }
    for &s in &j.cited {
        assert!(
            s < corpus.sources.len(),
            "{what}: cited source {s} out of range"
        );
    }
}

/// Every output format of the CLI, into memory.
fn render(findings: &[Finding], corpus: &Corpus, prov: &Provenance, suppressed: usize) {
    let mut summary = report::Summary::of(findings);
    summary.suppressed = suppressed;
    let _ = report::summary_line(&summary);
    let mut out = Vec::new();
    let opts = report::HumanOptions {
        verbose: true,
        color: false,
        width: 100,
    };
    report::write_human(&mut out, findings, corpus, prov, opts).expect("human");
    report::write_json(&mut out, findings, corpus, prov, &summary, false).expect("json");
    claimcheck::sarif::write_sarif(&mut out, findings, &[], corpus, None).expect("sarif");
    claimcheck::github::write_github(&mut out, findings, corpus, &summary, None).expect("github");
    claimcheck::markdown::write_markdown(&mut out, findings, corpus, &summary, None, true)
        .expect("markdown");
    for f in findings {
        let _ = report::message(f, corpus);
        let _ = report::help(f, corpus);
    }
}
