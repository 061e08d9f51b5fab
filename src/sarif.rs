//! SARIF 2.1.0 for code scanning: one result per reported finding (everything but plain
//! support), located relative to `%SRCROOT%`, with the source passages as related
//! locations, fingerprints that survive reruns and moves of the current folder, a fix
//! for misquotes with a known replacement, and silenced findings as suppressions.

use crate::check::Finding;
use crate::corpus::Corpus;
use crate::judge::{Severity, Verdict};
use crate::lint::Silenced;
use crate::matching::Agreement;
use crate::report::{help, message, replacement, said};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The official schema's address (OASIS), as `$schema`.
const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json";

/// Where the project lives (Cargo.toml `repository`): the driver and each rule link to
/// the README there. Empty, and the links left out, while Cargo.toml names none.
const HOME: &str = env!("CARGO_PKG_REPOSITORY");

/// The README section that explains findings, for `helpUri`.
const HELP_ANCHOR: &str = "#reading-a-finding";

// --------------------------------------------------------------------------- paths

/// A file as a project sees it: a path relative to the project root, or one outside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProjectPath {
    /// Inside the root: its components joined with "/".
    Inside(String),
    /// Outside the root (or no root): the canonical path.
    Outside(PathBuf),
    /// The file cannot be found any more: the name as shown.
    Unknown(String),
}

/// Resolves file names as shown (relative to the current folder) against the project
/// root, once per file.
pub struct Paths<'r> {
    root: Option<&'r Path>,
    seen: HashMap<String, ProjectPath>,
}

impl<'r> Paths<'r> {
    /// `root` must be canonical (see [`crate::config::project_root`]).
    pub fn new(root: Option<&'r Path>) -> Paths<'r> {
        Paths {
            root,
            seen: HashMap::new(),
        }
    }

    pub fn resolve(&mut self, file: &str) -> ProjectPath {
        if let Some(p) = self.seen.get(file) {
            return p.clone();
        }
        let p = match std::fs::canonicalize(file) {
            Ok(c) => match self.root.and_then(|r| c.strip_prefix(r).ok()) {
                Some(rel) => ProjectPath::Inside(
                    rel.components()
                        .map(|x| x.as_os_str().to_string_lossy().into_owned())
                        .collect::<Vec<_>>()
                        .join("/"),
                ),
                None => ProjectPath::Outside(c),
            },
            Err(_) => ProjectPath::Unknown(file.to_string()),
        };
        self.seen.insert(file.to_string(), p.clone());
        p
    }
}

/// The percent-encoding of a URI path: unreserved characters and "/" kept, every other
/// byte (UTF-8) as %XX, so a name with a space, "#", "%", ",", ":" or any letter outside
/// ASCII is a valid URI reference, and a relative one never reads as a scheme.
pub fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A `file://` URI of an absolute path.
fn file_uri(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    let s = if s.starts_with('/') {
        s
    } else {
        format!("/{s}")
    };
    format!("file://{}", percent_encode(&s))
}

fn artifact(p: &ProjectPath) -> SarifArtifact {
    match p {
        ProjectPath::Inside(rel) => SarifArtifact {
            uri: percent_encode(rel),
            uri_base_id: Some("%SRCROOT%"),
        },
        ProjectPath::Outside(abs) => SarifArtifact {
            uri: file_uri(abs),
            uri_base_id: None,
        },
        ProjectPath::Unknown(shown) => SarifArtifact {
            uri: percent_encode(shown),
            uri_base_id: None,
        },
    }
}

// --------------------------------------------------------------------------- model

#[derive(Serialize)]
struct Sarif {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<SarifRun>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifRun {
    tool: SarifTool,
    invocations: Vec<SarifInvocation>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    original_uri_base_ids: BTreeMap<&'static str, SarifBase>,
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifInvocation {
    execution_successful: bool,
}

#[derive(Serialize)]
struct SarifTool {
    driver: SarifDriver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifDriver {
    name: &'static str,
    version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<String>,
    rules: Vec<SarifRule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifRule {
    id: &'static str,
    name: String,
    short_description: SarifText,
    full_description: SarifText,
    help: SarifMultiformat,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<String>,
    default_configuration: SarifLevel,
    properties: SarifRuleProperties,
}

#[derive(Serialize)]
struct SarifRuleProperties {
    tags: Vec<&'static str>,
}

#[derive(Serialize)]
struct SarifLevel {
    level: &'static str,
}

#[derive(Serialize)]
struct SarifText {
    text: String,
}

#[derive(Serialize)]
struct SarifMultiformat {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: SarifText,
    locations: Vec<SarifLocation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<SarifLocation>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<SarifSuppression>,
    properties: SarifResultProperties,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResultProperties {
    verdict: Verdict,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    notes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    claim_id: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: SarifPhysical,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<SarifText>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifPhysical {
    artifact_location: SarifArtifact,
    region: SarifRegion,
}

#[derive(Serialize, Clone)]
#[serde(rename_all = "camelCase")]
struct SarifArtifact {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
struct SarifBase {
    uri: String,
}

#[derive(Serialize, Clone, Copy)]
#[serde(rename_all = "camelCase")]
struct SarifRegion {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix {
    description: SarifText,
    artifact_changes: Vec<SarifChange>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifChange {
    artifact_location: SarifArtifact,
    replacements: Vec<SarifReplacement>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifReplacement {
    deleted_region: SarifRegion,
    inserted_content: SarifText,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifSuppression {
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    justification: Option<String>,
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

// --------------------------------------------------------------------------- rules

/// The finding codes SARIF has a rule for, with their built-in severity and tags.
fn rule_codes() -> Vec<(&'static str, Severity, Vec<&'static str>)> {
    let mut out: Vec<_> = Verdict::ALL
        .iter()
        .filter(|v| **v != Verdict::Supported)
        .map(|v| {
            let tag = match v {
                Verdict::Misquoted => "accuracy",
                Verdict::Miscited => "citation",
                Verdict::Conflict => "consistency",
                _ => "sourcing",
            };
            (v.code(), v.severity(), vec!["figures", tag])
        })
        .collect();
    out.push((
        crate::check::FEW_SOURCES_CODE,
        Severity::Warning,
        vec!["figures", "provenance"],
    ));
    out
}

/// `misquoted-figure` → `MisquotedFigure` (SARIF's rule name is an identifier).
fn rule_name(code: &str) -> String {
    code.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// The explanation of a code as Markdown: each "What it does:", "Why it matters:",
/// "Example:" or "Fix:" line opens a paragraph with its label in bold.
fn explain_markdown(doc: &str) -> String {
    let mut out = String::new();
    for (i, line) in doc.lines().enumerate() {
        if i == 0 {
            out.push_str(&format!("**{}**", line.trim()));
            continue;
        }
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match ["What it does:", "Why it matters:", "Example:", "Fix:"]
            .iter()
            .find(|l| line.starts_with(**l))
        {
            Some(label) => out.push_str(&format!("\n\n**{label}**{}", &line[label.len()..])),
            None => {
                out.push(' ');
                out.push_str(line);
            }
        }
    }
    out
}

/// The paragraph after the code's header line, on one line.
fn explain_body(doc: &str) -> String {
    doc.lines()
        .skip(1)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn rules() -> Vec<SarifRule> {
    rule_codes()
        .into_iter()
        .map(|(code, severity, tags)| {
            let doc = crate::codes::explain(code).unwrap_or_default();
            SarifRule {
                id: code,
                name: rule_name(code),
                short_description: SarifText {
                    text: crate::codes::short(code).unwrap_or(code).to_string(),
                },
                full_description: SarifText {
                    text: explain_body(doc),
                },
                help: SarifMultiformat {
                    text: doc.to_string(),
                    markdown: explain_markdown(doc),
                },
                help_uri: (!HOME.is_empty()).then(|| format!("{HOME}{HELP_ANCHOR}")),
                default_configuration: SarifLevel {
                    level: sarif_level(severity),
                },
                properties: SarifRuleProperties { tags },
            }
        })
        .collect()
}

// --------------------------------------------------------------------------- results

/// 64-bit FNV-1a: a hash that is the same on every machine and Rust version (std's
/// hasher promises neither), for fingerprints.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain([0u8]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// The text around a finding on its line (at most 160 bytes each side), whitespace
/// collapsed: what identifies an occurrence when lines above it move.
fn line_context(f: &Finding) -> String {
    let text = f.location.text.as_str();
    let span = &f.location.span;
    let (start, end) = (span.start.min(text.len()), span.end.min(text.len()));
    let mut from = start.saturating_sub(160);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (end + 160).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let before = &text[from..start];
    let before = before.rsplit('\n').next().unwrap_or("");
    let after = text[end.max(from).min(to)..to]
        .split('\n')
        .next()
        .unwrap_or("");
    let figure = text.get(start..end).unwrap_or("");
    format!("{before}{figure}{after}")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn region_of(f: &Finding) -> SarifRegion {
    let l = &f.location;
    SarifRegion {
        start_line: l.line,
        start_column: l.column,
        end_line: l.end_line,
        end_column: l.end_column,
    }
}

/// The fix of a misquote whose right figure is known: the figure replaced by the
/// source's. A changed year or direction has no one-span fix.
fn fix_of(f: &Finding, corpus: &Corpus, at: &SarifArtifact) -> Option<SarifFix> {
    let j = &f.judgment;
    if j.verdict != Verdict::Misquoted
        || matches!(j.agreement, Some(Agreement::Year | Agreement::Direction))
    {
        return None;
    }
    let e = j.key_evidence.as_ref()?;
    let sf = &corpus.passages[e.passage].figures[e.figure];
    let new = replacement(sf);
    // the figure must be what the location spans (a TOML escape may shift it)
    let spanned = f.location.text.get(f.location.span.clone())?;
    if new.is_empty() || new == j.figure.text.trim() || spanned != j.figure.text {
        return None;
    }
    Some(SarifFix {
        description: SarifText {
            text: help(f, corpus).unwrap_or_else(|| format!("replace with `{new}`")),
        },
        artifact_changes: vec![SarifChange {
            artifact_location: at.clone(),
            replacements: vec![SarifReplacement {
                deleted_region: region_of(f),
                inserted_content: SarifText { text: new },
            }],
        }],
    })
}

fn evidence_locations(f: &Finding, corpus: &Corpus, paths: &mut Paths) -> Vec<SarifLocation> {
    f.judgment
        .evidence
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let p = &corpus.passages[e.passage];
            let src = &corpus.sources[p.source];
            let fig = &p.figures[e.figure];
            let (sl, sc) = src.line_col(p.span.start + fig.span.start);
            let (el, ec) = src.line_col(p.span.start + fig.span.end);
            let verb = match e.relation {
                crate::matching::Relation::Supports => "supports it",
                crate::matching::Relation::Contradicts => "says otherwise",
            };
            SarifLocation {
                id: Some(i + 1),
                physical_location: SarifPhysical {
                    artifact_location: artifact(&paths.resolve(&src.display)),
                    region: SarifRegion {
                        start_line: sl,
                        start_column: sc,
                        end_line: el,
                        end_column: ec,
                    },
                },
                message: Some(SarifText {
                    text: format!("`{}` {verb}: {}", src.id, said(fig)),
                }),
            }
        })
        .collect()
}

/// SARIF 2.1.0: every reported finding (see [`Finding::is_reported`]) as a result, and
/// the `silenced` ones with an in-source suppression. `root` (canonical) is
/// `%SRCROOT%`: locations inside it are relative to it, others absolute `file://` URIs.
pub fn write_sarif(
    out: &mut dyn Write,
    findings: &[Finding],
    silenced: &[Silenced],
    corpus: &Corpus,
    root: Option<&Path>,
) -> std::io::Result<()> {
    let codes = rule_codes();
    let mut all: Vec<(&Finding, Option<&Silenced>)> = findings
        .iter()
        .map(|f| (f, None))
        .chain(silenced.iter().map(|s| (&s.finding, Some(s))))
        .filter(|(f, _)| f.is_reported())
        .collect();
    // the order of the JSON results (drafts as given, each sorted), silenced findings
    // in their places
    let mut file_rank: HashMap<&str, usize> = HashMap::new();
    for (f, _) in &all {
        let n = file_rank.len();
        file_rank.entry(f.location.file.as_str()).or_insert(n);
    }
    all.sort_by_key(|(f, s)| {
        (
            file_rank[f.location.file.as_str()],
            f.location.line,
            f.location.column,
            f.code(),
            s.is_some(),
        )
    });
    let mut paths = Paths::new(root);
    let mut occurrences: HashMap<u64, usize> = HashMap::new();
    let mut results = Vec::with_capacity(all.len());
    for (f, silence) in all {
        let at = artifact(&paths.resolve(&f.location.file));
        let mut msg = message(f, corpus);
        if let Some(h) = help(f, corpus) {
            msg.push_str(&format!("; {h}"));
        }
        // the same figure in the same words, in the same file, counts its occurrences
        let context = line_context(f);
        let claim = f.claim_id.as_deref().unwrap_or("");
        let key = fnv1a(&[f.code(), &at.uri, &f.judgment.figure.text, claim, &context]);
        let n = occurrences.entry(key).or_insert(0);
        *n += 1;
        let fingerprint = format!("{:016x}", fnv1a(&[&format!("{key:016x}"), &n.to_string()]));
        let mut fp = BTreeMap::new();
        fp.insert("claimcheck/v2", fingerprint);
        let rule_index = codes.iter().position(|c| c.0 == f.code()).unwrap_or(0);
        results.push(SarifResult {
            rule_id: f.code(),
            rule_index,
            level: sarif_level(f.severity()),
            message: SarifText { text: msg },
            fixes: fix_of(f, corpus, &at).into_iter().collect(),
            locations: vec![SarifLocation {
                id: None,
                physical_location: SarifPhysical {
                    artifact_location: at,
                    region: region_of(f),
                },
                message: None,
            }],
            related_locations: evidence_locations(f, corpus, &mut paths),
            partial_fingerprints: fp,
            suppressions: silence
                .map(|s| SarifSuppression {
                    kind: "inSource",
                    justification: s.reason.clone(),
                })
                .into_iter()
                .collect(),
            properties: SarifResultProperties {
                verdict: f.judgment.verdict,
                notes: f.notes.clone(),
                claim_id: f.claim_id.clone(),
            },
        });
    }
    let doc = Sarif {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![SarifRun {
            tool: SarifTool {
                driver: SarifDriver {
                    name: "claimcheck",
                    version: env!("CARGO_PKG_VERSION"),
                    information_uri: (!HOME.is_empty()).then(|| HOME.to_string()),
                    rules: rules(),
                },
            },
            invocations: vec![SarifInvocation {
                execution_successful: true,
            }],
            original_uri_base_ids: root
                .map(|r| {
                    let mut uri = file_uri(r);
                    if !uri.ends_with('/') {
                        uri.push('/');
                    }
                    BTreeMap::from([("%SRCROOT%", SarifBase { uri })])
                })
                .unwrap_or_default(),
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encoding_keeps_a_valid_reference() {
        assert_eq!(percent_encode("a b/c#d%e,f:g"), "a%20b/c%23d%25e%2Cf%3Ag");
        assert_eq!(percent_encode("İstanbul.md"), "%C4%B0stanbul.md");
        assert_eq!(percent_encode("plain-name_1.~md"), "plain-name_1.~md");
    }

    #[test]
    fn file_uris_are_absolute() {
        assert_eq!(file_uri(Path::new("/a b/c")), "file:///a%20b/c");
    }

    #[test]
    fn rule_names_and_markdown_help() {
        assert_eq!(rule_name("misquoted-figure"), "MisquotedFigure");
        let md = explain_markdown(crate::codes::explain("misquoted-figure").unwrap());
        assert!(md.starts_with("**misquoted-figure (error)**"), "{md}");
        assert!(md.contains("\n\n**What it does:** the best"), "{md}");
        assert!(md.contains("\n\n**Example:**"), "{md}");
        for (code, _, _) in rule_codes() {
            assert!(crate::codes::short(code).is_some(), "{code}");
        }
    }

    #[test]
    fn fingerprint_hash_is_fixed() {
        // FNV-1a of "a\0": a change here would move every alert in code scanning
        assert_eq!(fnv1a(&["a"]), 0x089be207b544f1e4);
    }
}
