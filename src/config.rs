//! claims.toml: read, validated, and every problem pointed at its line.
//!
//! Two passes. `toml_edit` walks the document so that every unknown key and wrong type
//! is reported at once with its span (serde stops at the first); then `toml` + serde
//! build the typed `RawConfig`, and cross-field checks (duplicate ids, unknown sources,
//! missing files, claims without a figure) run over its `Spanned` values.

use crate::figure::extract_figures;
use miette::{Diagnostic, NamedSource, SourceSpan};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use thiserror::Error;
use toml::Spanned;

/// Matching and judging thresholds: one place, all overridable in `[settings]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Minimum similarity for a passage to count as evidence for a claim at all.
    pub match_threshold: f64,
    /// Minimum similarity for a passage that disagrees to make a conflict.
    pub conflict_threshold: f64,
    /// A conflicting passage must score at least this share of the best supporting one.
    pub conflict_ratio: f64,
    /// Extra similarity a contradicting passage needs when it counts other people
    /// ("prisoners" for "recruits").
    pub related_noun_margin: f64,
    /// Share of a claim's topic words a passage must carry before its figure can
    /// contradict the claim.
    pub topic_threshold: f64,
    /// Tolerance of "about", "around", "some" (0.1 = ±10%).
    pub about_tolerance: f64,
    /// "more than x" supports at most cap·x: beyond it the figure is a misquote.
    pub open_end_cap: f64,
    /// How many candidate passages the index hands to the scorer per claim.
    pub candidates: usize,
    /// Independent sources a figure needs; fewer is a finding (provenance).
    pub min_sources: usize,
    /// `[settings.severity]`: the level each finding code is reported at. Read from the
    /// document walk (it points at bad keys and values), not by serde.
    #[serde(skip)]
    pub severity: SeverityPolicy,
}

/// The level `[settings.severity]` gives a finding code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// An error: fails the run.
    Deny,
    /// A warning: fails the run only with `--fail-on warning`.
    Warn,
    /// Kept in JSON and SARIF at info level, hidden in human output, never fails.
    Allow,
}

impl Level {
    fn parse(s: &str) -> Option<Level> {
        match s {
            "deny" => Some(Level::Deny),
            "warn" => Some(Level::Warn),
            "allow" => Some(Level::Allow),
            _ => None,
        }
    }
}

/// Levels by finding code; a code not named keeps its built-in severity.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SeverityPolicy {
    levels: BTreeMap<&'static str, Level>,
}

impl SeverityPolicy {
    /// The codes `[settings.severity]` takes, each with the verdict name that may stand
    /// for it (`supported-figure` is no finding and takes no level).
    pub const NAMES: [(&'static str, &'static str); 5] = [
        ("misquoted-figure", "misquoted"),
        ("unattributed-claim", "unattributed"),
        ("miscited-source", "miscited"),
        ("conflicting-sources", "conflict"),
        (crate::check::FEW_SOURCES_CODE, crate::check::FEW_SOURCES),
    ];

    /// The code a `[settings.severity]` key names: a code or its verdict name.
    fn code_of(key: &str) -> Option<&'static str> {
        Self::NAMES
            .iter()
            .find(|(code, name)| *code == key || *name == key)
            .map(|(code, _)| *code)
    }

    pub fn set(&mut self, code: &'static str, level: Level) {
        self.levels.insert(code, level);
    }

    pub fn level(&self, code: &str) -> Option<Level> {
        self.levels.get(code).copied()
    }

    /// The severity of a finding of `code` whose built-in severity is `default`.
    pub fn apply(&self, code: &str, default: crate::judge::Severity) -> crate::judge::Severity {
        use crate::judge::Severity;
        match self.level(code) {
            Some(Level::Deny) => Severity::Error,
            Some(Level::Warn) => Severity::Warning,
            Some(Level::Allow) => Severity::Info,
            None => default,
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            match_threshold: 0.42,
            conflict_threshold: 0.55,
            conflict_ratio: 0.6,
            related_noun_margin: 0.1,
            topic_threshold: 0.2,
            about_tolerance: 0.1,
            open_end_cap: 2.0,
            candidates: 40,
            min_sources: 1,
            severity: SeverityPolicy::default(),
        }
    }
}

/// Another name for an entity, so "Tehrik-i-Taliban Pakistan" matches "TTP".
#[derive(Debug, Clone)]
pub struct Entity {
    pub name: String,
    pub aliases: Vec<String>,
}

/// Metadata for a source document.
#[derive(Debug, Clone, Default)]
pub struct SourceMeta {
    pub id: String,
    pub file: PathBuf,
    pub title: Option<String>,
    pub author: Option<String>,
    pub publisher: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub aliases: Vec<String>,
}

impl SourceMeta {
    /// The year of `date` ("2024-01-17" is 2024), when it has one.
    pub fn year(&self) -> Option<i32> {
        self.date.as_deref()?.get(..4)?.parse().ok()
    }
}

/// A checked claim.
#[derive(Debug, Clone)]
pub struct Claim {
    pub id: String,
    pub text: String,
    /// Source ids as written (resolved against the corpus later).
    pub sources: Vec<String>,
    /// Byte span of the claim's `text` value in claims.toml (points findings there).
    pub text_span: std::ops::Range<usize>,
    /// Byte offset of the text's first character inside the TOML string (after the quote).
    pub text_offset: usize,
    pub line: usize,
}

/// A validated claims.toml.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub path: PathBuf,
    /// Folder claims.toml lives in: relative paths resolve against it.
    pub root: PathBuf,
    pub source_text: String,
    pub corpus_paths: Vec<PathBuf>,
    pub settings: Settings,
    pub entities: Vec<Entity>,
    /// The lexicon profiles `[lexicon] profiles` selects (their synonyms and entities).
    pub profiles: Vec<String>,
    pub sources: Vec<SourceMeta>,
    pub claims: Vec<Claim>,
    /// The folder nothing may be read outside of (canonical), or `None` when the user
    /// passed `--allow-outside`. See [`project_root`].
    pub boundary: Option<PathBuf>,
}

/// The folder that bounds what a run reads: the git work tree that holds `dir` when there
/// is one (a repository's fixtures may share its `seeds/`), else `dir` itself. A pull
/// request can only name files of its own checkout; symlinks are resolved before the
/// test, so a link out of the tree is still outside.
pub fn project_root(dir: &Path) -> PathBuf {
    let canon = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let mut d = Some(canon.as_path());
    while let Some(x) = d {
        if x.join(".git").exists() {
            return x.to_path_buf();
        }
        d = x.parent();
    }
    canon
}

/// Where `path` resolves (symlinks followed) when that is outside `boundary`; `None`
/// when it is inside or does not exist.
pub fn outside(path: &Path, boundary: &Path) -> Option<PathBuf> {
    let canon = std::fs::canonicalize(path).ok()?;
    (!canon.starts_with(boundary)).then_some(canon)
}

/// How a claims.toml is loaded.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    /// Read corpus files outside the project folder (`--allow-outside`).
    pub allow_outside: bool,
}

// --------------------------------------------------------------------------- raw

#[derive(Debug, Deserialize)]
struct RawConfig {
    #[serde(default)]
    corpus: Option<RawCorpus>,
    #[serde(default)]
    settings: Option<Settings>,
    #[serde(default)]
    lexicon: Option<RawLexicon>,
    #[serde(default)]
    entity: Vec<RawEntity>,
    #[serde(default)]
    source: Vec<RawSource>,
    #[serde(default)]
    claim: Vec<RawClaim>,
}

#[derive(Debug, Deserialize)]
struct RawLexicon {
    #[serde(default)]
    profiles: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
struct RawCorpus {
    #[serde(default)]
    paths: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
struct RawEntity {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct RawSource {
    id: Spanned<String>,
    file: Spanned<String>,
    title: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
    date: Option<String>,
    url: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct RawClaim {
    id: Spanned<String>,
    text: Spanned<String>,
    #[serde(default)]
    sources: Vec<Spanned<String>>,
}

// --------------------------------------------------------------------------- errors

/// One problem in claims.toml, pointing at its line.
#[derive(Debug, Error, Diagnostic)]
#[error("{message}")]
pub struct ConfigProblem {
    pub message: String,
    #[source_code]
    /// Shared by every problem of the file (a copy each would be quadratic in memory).
    pub src: NamedSource<std::sync::Arc<str>>,
    #[label("{label}")]
    pub span: SourceSpan,
    pub label: String,
    #[help]
    pub help: Option<String>,
    #[diagnostic(code)]
    pub code: String,
}

/// Everything that stops claims.toml from being used; all problems at once.
#[derive(Debug, Error, Diagnostic)]
pub enum ConfigError {
    #[error("cannot read `{path}`: {reason}")]
    #[diagnostic(
        code(claimcheck::config::unreadable),
        help("check the path, or pass another file with --claims")
    )]
    Unreadable { path: String, reason: String },

    #[error("`{path}` has {} problem{}", problems.len(), if problems.len() == 1 { "" } else { "s" })]
    #[diagnostic(code(claimcheck::config::invalid))]
    Invalid {
        path: String,
        #[related]
        problems: Vec<ConfigProblem>,
    },
}

/// Problems reported for one claims.toml; the rest are not listed.
const MAX_PROBLEMS: usize = 50;

struct Problems {
    src: NamedSource<std::sync::Arc<str>>,
    list: Vec<ConfigProblem>,
    /// Wrongly typed values and a placeholder of their type: blanked out so that the
    /// typed parse still runs and its cross-field checks report everything at once.
    blank: Vec<(std::ops::Range<usize>, &'static str)>,
}

impl Problems {
    fn add(
        &mut self,
        code: &str,
        span: std::ops::Range<usize>,
        message: impl Into<String>,
        label: impl Into<String>,
        help: Option<String>,
    ) {
        // a hostile file of thousands of problems is reported by its first ones
        if self.list.len() >= MAX_PROBLEMS {
            return;
        }
        self.list.push(ConfigProblem {
            message: message.into(),
            src: self.src.clone(),
            span: span.into(),
            label: label.into(),
            help,
            code: format!("claimcheck::config::{code}"),
        });
    }
}

// --------------------------------------------------------------------------- schema walk

#[derive(Clone, Copy, PartialEq)]
enum Ty {
    Str,
    StrList,
    Float,
    Int,
    Table,
}

const SOURCE_KEYS: &[(&str, Ty)] = &[
    ("id", Ty::Str),
    ("file", Ty::Str),
    ("title", Ty::Str),
    ("author", Ty::Str),
    ("publisher", Ty::Str),
    ("date", Ty::Str),
    ("url", Ty::Str),
    ("aliases", Ty::StrList),
];
const CLAIM_KEYS: &[(&str, Ty)] = &[("id", Ty::Str), ("text", Ty::Str), ("sources", Ty::StrList)];
const ENTITY_KEYS: &[(&str, Ty)] = &[("name", Ty::Str), ("aliases", Ty::StrList)];
const CORPUS_KEYS: &[(&str, Ty)] = &[("paths", Ty::StrList)];
const LEXICON_KEYS: &[(&str, Ty)] = &[("profiles", Ty::StrList)];
const SETTINGS_KEYS: &[(&str, Ty)] = &[
    ("match_threshold", Ty::Float),
    ("conflict_threshold", Ty::Float),
    ("conflict_ratio", Ty::Float),
    ("related_noun_margin", Ty::Float),
    ("topic_threshold", Ty::Float),
    ("about_tolerance", Ty::Float),
    ("open_end_cap", Ty::Float),
    ("candidates", Ty::Int),
    ("min_sources", Ty::Int),
    ("severity", Ty::Table),
];

fn ty_name(t: Ty) -> &'static str {
    match t {
        Ty::Str => "a string",
        Ty::StrList => "a list of strings",
        Ty::Float => "a number",
        Ty::Int => "a whole number",
        Ty::Table => "a table",
    }
}

fn value_fits(v: &toml_edit::Value, t: Ty) -> bool {
    match t {
        Ty::Str => v.is_str(),
        Ty::StrList => v.as_array().is_some_and(|a| a.iter().all(|x| x.is_str())),
        Ty::Float => v.is_float() || v.is_integer(),
        Ty::Int => v.as_integer().is_some_and(|i| i >= 0),
        Ty::Table => v.is_inline_table(),
    }
}

/// Closest allowed key, for "did you mean" help.
fn suggest(key: &str, allowed: &[(&str, Ty)]) -> Option<String> {
    allowed
        .iter()
        .map(|(k, _)| (strsim::jaro_winkler(key, k), *k))
        .filter(|(s, _)| *s > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| format!("did you mean `{k}`?"))
}

fn check_table(
    p: &mut Problems,
    table: &dyn toml_edit::TableLike,
    allowed: &[(&str, Ty)],
    what: &str,
    required: &[&str],
    table_span: Option<std::ops::Range<usize>>,
) {
    for (key, item) in table.iter() {
        let key_span = table
            .key(key)
            .and_then(|k| k.span())
            .or_else(|| item.span())
            .unwrap_or(0..0);
        match allowed.iter().find(|(k, _)| *k == key) {
            None => {
                let names: Vec<&str> = allowed.iter().map(|(k, _)| *k).collect();
                let help = suggest(key, allowed)
                    .unwrap_or_else(|| format!("{what} takes: {}", names.join(", ")));
                p.add(
                    "unknown_key",
                    key_span,
                    format!("unknown key `{key}` in {what}"),
                    "not a known key",
                    Some(help),
                );
            }
            Some((_, ty)) => {
                let fits = item.as_value().is_some_and(|v| value_fits(v, *ty))
                    || (*ty == Ty::Table && item.is_table());
                if !fits {
                    let span = item.span().unwrap_or(key_span);
                    p.blank.push((
                        span.clone(),
                        match ty {
                            Ty::Str => "\"\"",
                            Ty::StrList => "[]",
                            Ty::Float | Ty::Int => "1",
                            Ty::Table => "{}",
                        },
                    ));
                    p.add(
                        "wrong_type",
                        span,
                        format!("`{key}` in {what} must be {}", ty_name(*ty)),
                        format!("expected {}", ty_name(*ty)),
                        Some(match ty {
                            Ty::StrList => format!("write it as `{key} = [\"...\"]`"),
                            Ty::Str => format!("write it as `{key} = \"...\"`"),
                            Ty::Float => format!("write it as `{key} = 0.5`"),
                            Ty::Int => format!("write it as `{key} = 2`"),
                            Ty::Table => format!(
                                "write it as `[{what}.{key}]`",
                                what = what.trim_matches(['[', ']'])
                            ),
                        }),
                    );
                }
            }
        }
    }
    for req in required {
        if !table.contains_key(req) {
            p.add(
                "missing_key",
                table_span.clone().unwrap_or(0..0),
                format!("{what} is missing `{req}`"),
                format!("no `{req}` here"),
                Some(format!("add `{req} = \"...\"`")),
            );
        }
    }
}

fn walk(p: &mut Problems, doc: &toml_edit::ImDocument<&str>) {
    for (key, item) in doc.iter() {
        let key_span = doc
            .as_table()
            .key(key)
            .and_then(|k| k.span())
            .unwrap_or(0..0);
        match key {
            "corpus" | "settings" | "lexicon" => {
                let Some(t) = item.as_table_like() else {
                    p.add(
                        "wrong_type",
                        item.span().unwrap_or(key_span),
                        format!("`{key}` must be a table"),
                        "expected a table",
                        Some(format!("write it as `[{key}]`")),
                    );
                    continue;
                };
                let keys = match key {
                    "corpus" => CORPUS_KEYS,
                    "lexicon" => LEXICON_KEYS,
                    _ => SETTINGS_KEYS,
                };
                check_table(p, t, keys, &format!("[{key}]"), &[], item.span());
            }
            "source" | "claim" | "entity" => {
                let Some(arr) = item.as_array_of_tables() else {
                    p.add(
                        "wrong_type",
                        item.span().unwrap_or(key_span),
                        format!("`{key}` must be an array of tables"),
                        "expected [[...]] entries",
                        Some(format!("write each entry as `[[{key}]]`")),
                    );
                    continue;
                };
                let (keys, req): (&[(&str, Ty)], &[&str]) = match key {
                    "source" => (SOURCE_KEYS, &["id", "file"]),
                    "claim" => (CLAIM_KEYS, &["id", "text"]),
                    _ => (ENTITY_KEYS, &["name"]),
                };
                for t in arr.iter() {
                    let span = t
                        .span()
                        .map(|s| s.start..(s.start + key.len() + 4).min(s.end));
                    check_table(p, t, keys, &format!("[[{key}]]"), req, span);
                }
            }
            other => {
                let names = ["corpus", "settings", "lexicon", "entity", "source", "claim"];
                let help = names
                    .iter()
                    .map(|k| (strsim::jaro_winkler(other, k), *k))
                    .filter(|(s, _)| *s > 0.8)
                    .max_by(|a, b| a.0.total_cmp(&b.0))
                    .map(|(_, k)| format!("did you mean `{k}`?"))
                    .unwrap_or_else(|| {
                        "claims.toml takes [corpus], [settings], [lexicon], [[entity]], [[source]] and [[claim]]"
                            .to_string()
                    });
                p.add(
                    "unknown_key",
                    key_span,
                    format!("unknown table `{other}`"),
                    "not a known table",
                    Some(help),
                );
            }
        }
    }
}

#[cfg(test)]
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Looks for claims.toml in `start` and its parents.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        let candidate = d.join("claims.toml");
        if candidate.is_file() {
            return Some(candidate);
        }
        dir = d.parent();
    }
    None
}

/// Read and validate claims.toml at `path`. `require_sources_exist` is off for tools
/// that only want metadata.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    load_with(path, LoadOptions::default())
}

/// [`load`] with options.
pub fn load_with(path: &Path, opts: LoadOptions) -> Result<Config, ConfigError> {
    let bytes = std::fs::read(path).map_err(|e| ConfigError::Unreadable {
        path: path.display().to_string(),
        reason: e.to_string(),
    })?;
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            let col = bytes[..at]
                .rsplit(|&b| b == b'\n')
                .next()
                .map(|l| String::from_utf8_lossy(l).chars().count() + 1)
                .unwrap_or(1);
            return Err(ConfigError::Unreadable {
                path: path.display().to_string(),
                reason: format!(
                    "not valid UTF-8 at line {line}, column {col} (byte {at}); save it as UTF-8"
                ),
            });
        }
    };
    parse_with(path, text, opts)
}

/// Validate claims.toml text (the path names it in messages and anchors relative paths).
pub fn parse(path: &Path, text: String) -> Result<Config, ConfigError> {
    parse_with(path, text, LoadOptions::default())
}

/// [`parse`] with options.
pub fn parse_with(path: &Path, text: String, opts: LoadOptions) -> Result<Config, ConfigError> {
    let shown = path.display().to_string();
    let mut p = Problems {
        src: NamedSource::new(shown.clone(), std::sync::Arc::from(text.as_str())),
        list: Vec::new(),
        blank: Vec::new(),
    };
    let invalid = |p: Problems| ConfigError::Invalid {
        path: shown.clone(),
        problems: p.list,
    };
    let doc = match toml_edit::ImDocument::parse(text.as_str()) {
        Ok(d) => d,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            let span = if span.is_empty() && span.start < text.len() {
                span.start..span.start + 1
            } else {
                span
            };
            let msg = e.message().trim().to_string();
            p.add(
                "syntax",
                span,
                format!(
                    "invalid TOML: {}",
                    msg.lines().next().unwrap_or("syntax error")
                ),
                "here",
                Some("see https://toml.io for the syntax; strings need double quotes".into()),
            );
            return Err(invalid(p));
        }
    };
    // unknown keys are reported by the walk; the typed parse ignores them so that the
    // cross-field checks below still run and every problem is reported at once
    walk(&mut p, &doc);
    let raw: RawConfig = match toml::from_str(&text)
        .or_else(|e| blanked(&text, &p.blank).map_or(Err(e), |t| toml::from_str(&t)))
    {
        Ok(r) => r,
        Err(e) => {
            if p.list.is_empty() {
                let span = e.span().unwrap_or(0..0);
                p.add("invalid", span, e.message().to_string(), "here", None);
            }
            return Err(invalid(p));
        }
    };
    let root = path
        .parent()
        .map(|d| {
            if d.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                d.to_path_buf()
            }
        })
        .unwrap_or_else(|| PathBuf::from("."));
    let mut settings = raw.settings.unwrap_or_default();
    check_settings(&mut p, &settings, &doc);
    settings.severity = severity_policy(&mut p, &doc);
    // lines by binary search over the line starts (a scan per claim is quadratic)
    let starts = crate::corpus::line_starts(&text);
    let line_at = |offset: usize| crate::corpus::line_col_with(&text, &starts, offset).0;
    let boundary = (!opts.allow_outside).then(|| project_root(&root));
    let outside_help = |b: &Path| {
        Some(format!(
            "claimcheck reads only files inside {}; move the file there, or pass --allow-outside if you mean it",
            b.display()
        ))
    };

    let corpus_paths: Vec<PathBuf> = raw
        .corpus
        .as_ref()
        .map(|c| {
            c.paths
                .iter()
                .map(|s| {
                    let pth = root.join(s.get_ref());
                    if let Some(to) = boundary.as_deref().and_then(|b| outside(&pth, b)) {
                        p.add(
                            "outside",
                            s.span(),
                            format!(
                                "corpus path `{}` is outside the project folder (it resolves to {})",
                                s.get_ref(),
                                to.display()
                            ),
                            "outside the project",
                            outside_help(boundary.as_deref().unwrap_or(&root)),
                        );
                    } else if !pth.exists() {
                        p.add(
                            "missing_path",
                            s.span(),
                            format!("corpus path `{}` does not exist", s.get_ref()),
                            "no such file or folder",
                            Some(format!(
                                "paths are relative to the folder of {}",
                                path.display()
                            )),
                        );
                    }
                    pth
                })
                .collect()
        })
        .unwrap_or_default();

    // sources: unique ids, files that exist
    let mut ids: BTreeMap<String, std::ops::Range<usize>> = BTreeMap::new();
    let mut sources = Vec::new();
    for s in &raw.source {
        let id = s.id.get_ref().trim().to_string();
        if id.is_empty() {
            p.add(
                "empty_id",
                s.id.span(),
                "source id is empty",
                "empty",
                Some("give the source a short id such as \"mir-2022\"".into()),
            );
        }
        if let Some(first) = ids.get(&id) {
            let first_line = line_at(first.start);
            p.add(
                "duplicate_id",
                s.id.span(),
                format!("duplicate source id `{id}`"),
                format!("already used on line {first_line}"),
                Some("give each [[source]] its own id".into()),
            );
        } else {
            ids.insert(id.clone(), s.id.span());
        }
        let file = root.join(s.file.get_ref());
        if let Some(to) = boundary.as_deref().and_then(|b| outside(&file, b)) {
            p.add(
                "outside",
                s.file.span(),
                format!(
                    "source file `{}` is outside the project folder (it resolves to {})",
                    s.file.get_ref(),
                    to.display()
                ),
                "outside the project",
                outside_help(boundary.as_deref().unwrap_or(&root)),
            );
        } else if file.is_dir() {
            p.add(
                "not_a_file",
                s.file.span(),
                format!("source file `{}` is a folder", s.file.get_ref()),
                "a folder, not a file",
                Some("name one .txt or .md file here; list folders in [corpus] paths".into()),
            );
        } else if file.is_file() && !crate::corpus::is_corpus_file(&file) {
            p.add(
                "not_text",
                s.file.span(),
                format!(
                    "source file `{}` is not a .txt or .md file",
                    s.file.get_ref()
                ),
                "only .txt and .md are read",
                Some("convert the document to plain text or Markdown".into()),
            );
        } else if !file.is_file() {
            p.add(
                "missing_file",
                s.file.span(),
                format!("source file `{}` does not exist", s.file.get_ref()),
                "no such file",
                Some(format!(
                    "paths are relative to the folder of {}",
                    path.display()
                )),
            );
        }
        sources.push(SourceMeta {
            id,
            file,
            title: s.title.clone(),
            author: s.author.clone(),
            publisher: s.publisher.clone(),
            date: s.date.clone(),
            url: s.url.clone(),
            aliases: s.aliases.clone(),
        });
    }
    // claims may cite source ids or file stems of files in the corpus
    let known_stems: Vec<String> = sources
        .iter()
        .filter_map(|s| s.file.file_stem().map(|x| x.to_string_lossy().into_owned()))
        .collect();
    let corpus_stems = corpus_file_stems(&corpus_paths_or_default(&corpus_paths, &root));
    let mut claim_ids: BTreeMap<String, usize> = BTreeMap::new();
    let mut claims = Vec::new();
    for c in &raw.claim {
        let id = c.id.get_ref().trim().to_string();
        if let Some(first) = claim_ids.get(&id) {
            p.add(
                "duplicate_id",
                c.id.span(),
                format!("duplicate claim id `{id}`"),
                format!("already used on line {}", line_at(*first)),
                Some("give each [[claim]] its own id".into()),
            );
        } else {
            claim_ids.insert(id.clone(), c.id.span().start);
        }
        if id.is_empty() {
            p.add(
                "empty_id",
                c.id.span(),
                "claim id is empty",
                "empty",
                Some("give the claim a short id".into()),
            );
        }
        let figures = extract_figures(c.text.get_ref());
        if figures.is_empty() {
            p.add(
                "no_figure",
                c.text.span(),
                "claim has no figure to check",
                "no count, percent, amount or duration here",
                Some("claims state a figure such as `780 homes` or `42%`; years alone are the figure's time, not figures".into()),
            );
        }
        for s in &c.sources {
            let name = s.get_ref();
            let known = ids.contains_key(name)
                || known_stems.iter().any(|k| k == name)
                || corpus_stems.iter().any(|k| k == name);
            // past the cap the problem is not listed: no suggestion to compute (a
            // did-you-mean over every id for every claim is quadratic)
            if !known && p.list.len() < MAX_PROBLEMS {
                let all: Vec<&str> = ids
                    .keys()
                    .map(|k| k.as_str())
                    .chain(corpus_stems.iter().map(|s| s.as_str()))
                    .collect();
                let help = all
                    .iter()
                    .map(|k| (strsim::jaro_winkler(name, k), *k))
                    .filter(|(sc, _)| *sc > 0.75)
                    .max_by(|a, b| a.0.total_cmp(&b.0))
                    .map(|(_, k)| format!("did you mean `{k}`?"))
                    .unwrap_or_else(|| {
                        "cite the id of a [[source]] or the file stem of a corpus document".into()
                    });
                p.add(
                    "unknown_source",
                    s.span(),
                    format!("claim `{id}` cites unknown source `{name}`"),
                    "no source has this id",
                    Some(help),
                );
            }
        }
        let span = c.text.span();
        // the raw span includes the quotes; the text starts after the opening delimiter
        let raw_val = &text[span.clone()];
        let quote = if raw_val.starts_with("\"\"\"") || raw_val.starts_with("'''") {
            3
        } else {
            1
        };
        claims.push(Claim {
            id,
            text: c.text.get_ref().clone(),
            sources: c.sources.iter().map(|s| s.get_ref().clone()).collect(),
            text_offset: span.start + quote,
            line: line_at(span.start),
            text_span: span,
        });
    }
    // the lexicon's entities (default and selected profiles), then claims.toml's own
    let mut profiles = Vec::new();
    for prof in raw.lexicon.iter().flat_map(|l| &l.profiles) {
        if crate::lexicon::is_profile(prof.get_ref()) {
            profiles.push(prof.get_ref().clone());
        } else {
            let known: Vec<&str> = crate::lexicon::PROFILES.iter().map(|(n, _)| *n).collect();
            p.add(
                "unknown_profile",
                prof.span(),
                format!("unknown lexicon profile `{}`", prof.get_ref()),
                "no such profile",
                Some(format!("profiles: {}", known.join(", "))),
            );
        }
    }
    let mut entities = crate::lexicon::entities(&profiles);
    entities.extend(raw.entity.into_iter().map(|e| Entity {
        name: e.name,
        aliases: e.aliases,
    }));
    if !p.list.is_empty() {
        return Err(invalid(p));
    }
    Ok(Config {
        path: path.to_path_buf(),
        root,
        source_text: text,
        corpus_paths,
        settings,
        entities,
        profiles,
        sources,
        claims,
        boundary,
    })
}

/// `text` with each wrongly typed value replaced by a placeholder of the right type,
/// padded with spaces so every byte offset (and line) of the rest stays where it was;
/// `None` when there is nothing to blank or a placeholder does not fit.
fn blanked(text: &str, blank: &[(std::ops::Range<usize>, &'static str)]) -> Option<String> {
    if blank.is_empty() {
        return None;
    }
    let mut bytes = text.as_bytes().to_vec();
    for (span, placeholder) in blank {
        let region = bytes.get_mut(span.clone())?;
        if region.len() < placeholder.len() {
            return None;
        }
        for b in region.iter_mut() {
            if *b != b'\n' {
                *b = b' ';
            }
        }
        region[..placeholder.len()].copy_from_slice(placeholder.as_bytes());
    }
    String::from_utf8(bytes).ok()
}

fn check_settings(p: &mut Problems, s: &Settings, doc: &toml_edit::ImDocument<&str>) {
    let span_of = |k: &str| {
        doc.get("settings")
            .and_then(|t| t.as_table_like())
            .and_then(|t| t.get(k))
            .and_then(|i| i.span())
            .unwrap_or(0..0)
    };
    for (k, v) in [
        ("match_threshold", s.match_threshold),
        ("conflict_threshold", s.conflict_threshold),
        ("conflict_ratio", s.conflict_ratio),
        ("related_noun_margin", s.related_noun_margin),
        ("topic_threshold", s.topic_threshold),
        ("about_tolerance", s.about_tolerance),
    ] {
        if !(0.0..=1.0).contains(&v) {
            p.add(
                "out_of_range",
                span_of(k),
                format!("`{k}` must be between 0 and 1"),
                format!("{v} is out of range"),
                None,
            );
        }
    }
    if !(s.open_end_cap >= 1.0 && s.open_end_cap.is_finite()) {
        p.add(
            "out_of_range",
            span_of("open_end_cap"),
            "`open_end_cap` must be a finite number of at least 1",
            format!("{} is out of range", s.open_end_cap),
            Some("2.0 reads \"more than x\" as at most 2·x".into()),
        );
    }
}

/// `[settings.severity]`: each key a finding code or verdict name, each value `deny`,
/// `warn` or `allow`; every bad key or value is reported at its span.
fn severity_policy(p: &mut Problems, doc: &toml_edit::ImDocument<&str>) -> SeverityPolicy {
    let mut policy = SeverityPolicy::default();
    let Some(table) = doc
        .get("settings")
        .and_then(|t| t.as_table_like())
        .and_then(|t| t.get("severity"))
        .and_then(|t| t.as_table_like())
    else {
        return policy;
    };
    let names: Vec<&str> = SeverityPolicy::NAMES.iter().map(|(_, n)| *n).collect();
    let mut given: BTreeMap<&'static str, String> = BTreeMap::new();
    for (key, item) in table.iter() {
        let key_span = table.key(key).and_then(|k| k.span()).unwrap_or(0..0);
        let Some(code) = SeverityPolicy::code_of(key) else {
            let help = if key == "supported" || key == "supported-figure" {
                "a supported figure is no finding; levels are for: ".to_string() + &names.join(", ")
            } else {
                let all: Vec<(&str, Ty)> = SeverityPolicy::NAMES
                    .iter()
                    .flat_map(|(c, n)| [(*c, Ty::Str), (*n, Ty::Str)])
                    .collect();
                suggest(key, &all).unwrap_or_else(|| {
                    format!(
                        "[settings.severity] takes a verdict or its code: {}",
                        names.join(", ")
                    )
                })
            };
            p.add(
                "unknown_key",
                key_span,
                format!("`{key}` in [settings.severity] is not a finding"),
                "not a verdict or finding code",
                Some(help),
            );
            continue;
        };
        let value = item.as_value();
        let level = value.and_then(|v| v.as_str()).and_then(Level::parse);
        let Some(level) = level else {
            let span = item.span().unwrap_or(key_span.clone());
            let hint = match value.and_then(|v| v.as_str()) {
                Some("error") => "did you mean `deny`?",
                Some("warning") => "did you mean `warn`?",
                Some("off" | "ignore" | "none" | "info") => "did you mean `allow`?",
                _ => "deny: an error, warn: a warning, allow: reported as info, never failing",
            };
            p.add(
                "wrong_type",
                span,
                format!("`{key}` in [settings.severity] must be \"deny\", \"warn\" or \"allow\""),
                "expected \"deny\", \"warn\" or \"allow\"",
                Some(format!("write it as `{key} = \"warn\"`; {hint}")),
            );
            continue;
        };
        if let Some(first) = given.insert(code, key.to_string()) {
            p.add(
                "duplicate_key",
                key_span,
                format!("`{key}` sets the level of `{first}` again"),
                "named twice",
                Some("keep one of the two keys: a verdict and its code are one finding".into()),
            );
            continue;
        }
        policy.set(code, level);
    }
    policy
}

fn corpus_paths_or_default(paths: &[PathBuf], root: &Path) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![root.join("seeds")]
    } else {
        paths.to_vec()
    }
}

/// File stems of the corpus documents (a claim may cite a file stem).
fn corpus_file_stems(paths: &[PathBuf]) -> Vec<String> {
    let mut out = Vec::new();
    for p in paths {
        for f in crate::corpus::list_files(p).unwrap_or_default() {
            if let Some(s) = f.file_stem() {
                out.push(s.to_string_lossy().into_owned());
            }
        }
    }
    out
}

impl Config {
    /// A config for running without claims.toml: only the corpus paths.
    pub fn without_file(root: PathBuf, opts: LoadOptions) -> Config {
        Config {
            path: root.join("claims.toml"),
            boundary: (!opts.allow_outside).then(|| project_root(&root)),
            root,
            entities: crate::lexicon::entities(&[]),
            ..Default::default()
        }
    }

    /// The corpus paths to read: `--corpus` wins, else `[corpus] paths`, else `seeds/`.
    pub fn corpus(&self, overrides: &[PathBuf]) -> Vec<PathBuf> {
        if !overrides.is_empty() {
            overrides.to_vec()
        } else {
            corpus_paths_or_default(&self.corpus_paths, &self.root)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<(String, usize)> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("seeds")).unwrap();
        std::fs::write(
            dir.path().join("seeds/a.txt"),
            "The Taliban freed 780 prisoners.",
        )
        .unwrap();
        let path = dir.path().join("claims.toml");
        match parse(&path, text.to_string()) {
            Ok(_) => vec![],
            Err(ConfigError::Invalid { problems, .. }) => problems
                .into_iter()
                .map(|p| (p.code, line_of(text, p.span.offset())))
                .collect(),
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn lexicon_profiles_are_checked_and_add_their_entities() {
        assert_eq!(
            problems("[lexicon]\nprofiles = [\"conflcit\"]\n"),
            vec![("claimcheck::config::unknown_profile".to_string(), 2)]
        );
        assert!(problems("[lexicon]\nprofiles = [\"conflict\"]\n").is_empty());
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("seeds")).unwrap();
        let path = dir.path().join("claims.toml");
        let with = parse(&path, "[lexicon]\nprofiles = [\"conflict\"]\n".into()).unwrap();
        let without = parse(&path, String::new()).unwrap();
        assert!(with.entities.iter().any(|e| e.name == "TTP"));
        assert!(!without.entities.iter().any(|e| e.name == "TTP"));
    }

    #[test]
    fn hostile_files_report_a_bounded_number_of_problems() {
        let many: String = (0..500).map(|i| format!("k{i} = 1\n")).collect();
        assert_eq!(problems(&many).len(), MAX_PROBLEMS);
    }

    #[test]
    fn valid_config_parses() {
        let t = "[[source]]\nid = \"a\"\nfile = \"seeds/a.txt\"\n\n[[claim]]\nid = \"c\"\ntext = \"780 prisoners were freed\"\nsources = [\"a\"]\n";
        assert!(problems(t).is_empty());
    }

    #[test]
    fn collects_every_problem_with_its_line() {
        let t = "[[source]]\nid = \"a\"\nfile = \"seeds/a.txt\"\ntitel = \"x\"\n\n[[claim]]\nid = \"c\"\ntext = \"780 prisoners\"\nsources = \"a\"\n";
        let p = problems(t);
        assert_eq!(
            p,
            vec![
                ("claimcheck::config::unknown_key".to_string(), 4),
                ("claimcheck::config::wrong_type".to_string(), 9)
            ]
        );
    }

    #[test]
    fn cross_field_problems() {
        let t = "[[source]]\nid = \"a\"\nfile = \"seeds/a.txt\"\n[[source]]\nid = \"a\"\nfile = \"seeds/missing.txt\"\n[[claim]]\nid = \"c\"\ntext = \"The Taliban returned in 2021\"\nsources = [\"zz\"]\n";
        let codes: Vec<String> = problems(t).into_iter().map(|p| p.0).collect();
        for c in [
            "duplicate_id",
            "missing_file",
            "no_figure",
            "unknown_source",
        ] {
            assert!(codes.iter().any(|x| x.ends_with(c)), "{c} not in {codes:?}");
        }
    }

    #[test]
    fn syntax_error_points_at_line() {
        let p = problems("[[claim]]\nid = \"c\"\ntext = 780 prisoners\n");
        assert_eq!(p[0].0, "claimcheck::config::syntax");
        assert_eq!(p[0].1, 3);
    }
}
