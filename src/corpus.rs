//! The corpus: source documents read from disk, cut into passages with their figures.
//!
//! Only this module and `config` read files. One unreadable or binary file is reported
//! as a warning and the run goes on.

use crate::config::SourceMeta;
use crate::figure::{extract_figures, Figure};
use crate::segment::{passage_text, segment, PassageKind};
use miette::Diagnostic;
use rayon::prelude::*;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};
use thiserror::Error;

/// One document of the corpus.
#[derive(Debug, Clone)]
pub struct Source {
    /// `[[source]] id`, else the file stem.
    pub id: String,
    pub path: PathBuf,
    /// The path as shown to the user ("seeds/002_298fe40a71e9d9e3.txt").
    pub display: String,
    pub text: String,
    pub meta: Option<SourceMeta>,
    line_starts: Vec<usize>,
    /// The places the source names anywhere (text and title), read the first time a
    /// claim of a place is compared with it: one pass over the text, once.
    places: std::sync::OnceLock<Vec<&'static str>>,
}

impl Source {
    pub fn new(
        id: String,
        path: PathBuf,
        display: String,
        text: String,
        meta: Option<SourceMeta>,
    ) -> Source {
        let line_starts = line_starts(&text);
        Source {
            id,
            path,
            display,
            text,
            meta,
            line_starts,
            places: std::sync::OnceLock::new(),
        }
    }

    /// The ids of the places the source names anywhere, in its text or title (sorted).
    pub fn places(&self) -> &[&'static str] {
        self.places.get_or_init(|| {
            let mut out = crate::places::named(&self.text);
            if let Some(title) = self.meta.as_ref().and_then(|m| m.title.as_deref()) {
                out.extend(crate::places::named(title));
            }
            out.sort_unstable();
            out.dedup();
            out
        })
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        line_col_with(&self.text, &self.line_starts, offset)
    }

    /// The name a reader knows the source by: title, else id.
    pub fn title(&self) -> &str {
        self.meta
            .as_ref()
            .and_then(|m| m.title.as_deref())
            .unwrap_or(&self.id)
    }
}

/// Byte offsets where lines start.
pub fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// 1-based line and character column of `offset`, given `line_starts(text)`.
pub fn line_col_with(text: &str, starts: &[usize], offset: usize) -> (usize, usize) {
    let offset = crate::text::floor_boundary(text, offset);
    let line = match starts.binary_search(&offset) {
        Ok(i) => i,
        Err(i) => i - 1,
    };
    let from = starts[line];
    // Columns are counted in characters from the line start. On a very long line (a
    // table row, a paragraph per line) many figures would each recount it, which is
    // quadratic; the last count on each thread is remembered and extended instead.
    thread_local! {
        static LAST: std::cell::Cell<(usize, usize, usize, usize)> =
            const { std::cell::Cell::new((0, 0, 0, 0)) };
    }
    let key = text.as_ptr() as usize ^ text.len().rotate_left(17);
    let (k, line_start, at, chars) = LAST.with(|c| c.get());
    let col = if offset - from > 4096
        && k == key
        && line_start == from
        && at <= offset
        && text.is_char_boundary(at)
    {
        chars + text[at..offset].chars().count()
    } else {
        text[from..offset].chars().count()
    };
    if text.is_char_boundary(offset) {
        LAST.with(|c| c.set((key, from, offset, col)));
    }
    (line + 1, col + 1)
}

/// A passage: a sentence of a source with its byte span in the original file.
#[derive(Debug, Clone)]
pub struct Passage {
    /// Index of the source in `Corpus::sources`.
    pub source: usize,
    pub span: Range<usize>,
    /// The original slice with line breaks as spaces (same length as `span`).
    pub text: String,
    pub kind: PassageKind,
    /// Figures with spans relative to `text`.
    pub figures: Vec<Figure>,
    /// The statement frame of each figure (same order), read the first time a claim is
    /// compared with this passage and kept: most passages are never candidates, and a
    /// source of millions of figures must not pay for them all.
    frames: std::sync::OnceLock<Vec<crate::frame::Frame>>,
}

impl Passage {
    /// A passage of source 0 (see [`Corpus::push`]) whose frames are read when asked.
    pub fn new(
        span: Range<usize>,
        text: String,
        kind: PassageKind,
        figures: Vec<Figure>,
    ) -> Passage {
        Passage {
            source: 0,
            span,
            text,
            kind,
            figures,
            frames: std::sync::OnceLock::new(),
        }
    }

    /// The frame of figure `k` (see the `frames` field).
    pub fn frame(&self, k: usize) -> &crate::frame::Frame {
        &self.frames.get_or_init(|| {
            self.figures
                .iter()
                .map(|f| crate::frame::frame_of(&self.text, &f.span))
                .collect()
        })[k]
    }
}

/// Something wrong with one file that does not stop the run.
#[derive(Debug, Error, Diagnostic)]
pub enum CorpusWarning {
    #[error("cannot read `{path}`: {reason}")]
    #[diagnostic(
        code(claimcheck::corpus::unreadable),
        severity(Warning),
        help("the run goes on without this file")
    )]
    Unreadable { path: String, reason: String },
    #[error("`{path}` is not valid UTF-8; read with replacement characters")]
    #[diagnostic(
        code(claimcheck::corpus::not_utf8),
        severity(Warning),
        help("convert it with `iconv -f LATIN1 -t UTF-8` for exact quotes")
    )]
    NotUtf8 { path: String },
    #[error("`{path}` looks binary; skipped")]
    #[diagnostic(
        code(claimcheck::corpus::binary),
        severity(Warning),
        help("only .txt and .md text files are read")
    )]
    Binary { path: String },
    #[error("corpus path `{path}` does not exist")]
    #[diagnostic(
        code(claimcheck::corpus::missing),
        severity(Warning),
        help("check --corpus or [corpus] paths in claims.toml")
    )]
    Missing { path: String },
    #[error("cannot read folder `{path}`: {reason}")]
    #[diagnostic(
        code(claimcheck::corpus::unreadable_folder),
        severity(Warning),
        help("the run goes on without the files in it")
    )]
    UnreadableFolder { path: String, reason: String },
    #[error("`{path}` resolves to {target}, outside the project folder {boundary}")]
    #[diagnostic(
        code(claimcheck::corpus::outside),
        help("claimcheck reads nothing outside the project; remove the link or path, or pass --allow-outside if you mean it")
    )]
    Outside {
        path: String,
        target: String,
        boundary: String,
    },
}

impl CorpusWarning {
    /// A path that leaves the project stops the run (exit 2); the others are warnings.
    pub fn is_fatal(&self) -> bool {
        matches!(
            self,
            CorpusWarning::Outside { .. } | CorpusWarning::Missing { .. }
        )
    }
}

/// All sources and their passages.
#[derive(Debug, Default)]
pub struct Corpus {
    pub sources: Vec<Source>,
    pub passages: Vec<Passage>,
    pub warnings: Vec<CorpusWarning>,
}

pub fn is_corpus_file(p: &Path) -> bool {
    matches!(
        p.extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref(),
        Some("txt") | Some("md") | Some("markdown")
    )
}

/// The .txt and .md files under `path` (or `path` itself), sorted; hidden folders and
/// symlinked folders are not entered. A subfolder that cannot be read is reported in
/// `warnings` and skipped; only a `path` that cannot be read at all is an error.
pub fn list_files(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    list_files_warning(path, &mut Vec::new())
}

fn list_files_warning(
    path: &Path,
    warnings: &mut Vec<CorpusWarning>,
) -> std::io::Result<Vec<PathBuf>> {
    let meta = std::fs::metadata(path)?;
    if meta.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut out = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    let mut top = true;
    while let Some(dir) = stack.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if top => return Err(e),
            Err(e) => {
                warnings.push(CorpusWarning::UnreadableFolder {
                    path: normalize(&dir).display().to_string(),
                    reason: e.to_string(),
                });
                continue;
            }
        };
        top = false;
        let mut entries: Vec<_> = entries.filter_map(|e| e.ok()).collect();
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let p = e.path();
            let name = e.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            let Ok(ft) = e.file_type() else { continue };
            if ft.is_dir() {
                stack.push(p);
            } else if (ft.is_file() || ft.is_symlink()) && is_corpus_file(&p) {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// `a/./b/../c` -> `a/c`, without touching the file system.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out: Vec<Component> = Vec::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                _ => out.push(c),
            },
            other => out.push(other),
        }
    }
    let p: PathBuf = out.iter().collect();
    if p.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        p
    }
}

/// UTF-16 text with its byte-order mark, decoded; `None` for anything else.
fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let little = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let units = bytes[2..].chunks_exact(2).map(|c| {
        if little {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    });
    Some(
        char::decode_utf16(units)
            .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

/// Text as claimcheck reads it: a UTF-8 byte-order mark dropped (it is no column),
/// UTF-16 with a byte-order mark decoded, invalid UTF-8 read with replacement characters,
/// old Mac line breaks (a lone CR) read as line breaks and NUL bytes as spaces (both
/// keep every byte offset). The second value says what was repaired, when a quote may
/// no longer be exact.
pub fn decode_text(bytes: Vec<u8>) -> (String, Option<String>) {
    let (mut text, warning) = if let Some(t) = decode_utf16(&bytes) {
        (t, None)
    } else {
        let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
            Some(rest) => rest.to_vec(),
            None => bytes,
        };
        match String::from_utf8(bytes) {
            Ok(s) => (s, None),
            Err(e) => (
                String::from_utf8_lossy(e.as_bytes()).into_owned(),
                Some(
                    "not valid UTF-8 (latin-1?); read with replacement characters: convert it with `iconv -f LATIN1 -t UTF-8` for exact quotes"
                        .to_string(),
                ),
            ),
        }
    };
    if text.contains('\r') || text.contains('\0') {
        let b = text.as_bytes();
        let fixed: Vec<u8> = (0..b.len())
            .map(|i| match b[i] {
                b'\r' if b.get(i + 1) != Some(&b'\n') => b'\n',
                0 => b' ',
                x => x,
            })
            .collect();
        // only ASCII bytes were swapped for ASCII bytes: still valid UTF-8
        text = String::from_utf8(fixed).unwrap_or(text);
    }
    (text, warning)
}

/// Decode a corpus file: see [`decode_text`]; binary (NUL bytes in its head, and no
/// UTF-16 byte-order mark) is refused.
fn decode(bytes: Vec<u8>, display: &str, warnings: &mut Vec<CorpusWarning>) -> Option<String> {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) && decode_utf16(head).is_none() {
        warnings.push(CorpusWarning::Binary {
            path: display.to_string(),
        });
        return None;
    }
    let (text, warning) = decode_text(bytes);
    if warning.is_some() {
        warnings.push(CorpusWarning::NotUtf8 {
            path: display.to_string(),
        });
    }
    Some(text)
}

impl Corpus {
    /// Read every document under `paths`; `metas` give ids and metadata by file.
    /// Nothing that resolves outside `boundary` (when given) is read: such a path or
    /// symlink is an [`CorpusWarning::Outside`], and so is a named file that is not
    /// .txt or .md.
    pub fn load(paths: &[PathBuf], metas: &[SourceMeta], boundary: Option<&Path>) -> Corpus {
        Corpus::load_with(paths, metas, boundary, None).0
    }

    /// [`Corpus::load`] reusing the persisted index `store` where a file's entry is
    /// sound: besides the corpus, each source's content hash and, for a file found in
    /// the index, its passages' terms and its shingles (see [`crate::store`]).
    pub fn load_with(
        paths: &[PathBuf],
        metas: &[SourceMeta],
        boundary: Option<&Path>,
        store: Option<&crate::store::Store>,
    ) -> (Corpus, Vec<Stored>) {
        let mut corpus = Corpus::default();
        let mut walk = crate::timings::stage("corpus.walk");
        let mut files: Vec<PathBuf> = Vec::new();
        for p in paths {
            match list_files_warning(p, &mut corpus.warnings) {
                Ok(f) => files.extend(f),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    corpus.warnings.push(CorpusWarning::Missing {
                        path: normalize(p).display().to_string(),
                    })
                }
                Err(e) => corpus.warnings.push(CorpusWarning::UnreadableFolder {
                    path: normalize(p).display().to_string(),
                    reason: e.to_string(),
                }),
            }
        }
        // a file named directly is read only when it is text
        files.retain(|f| {
            is_corpus_file(f) || {
                corpus.warnings.push(CorpusWarning::Binary {
                    path: normalize(f).display().to_string(),
                });
                false
            }
        });
        // a [[source]] file outside the corpus paths is still part of the corpus
        for m in metas {
            if m.file.is_file() && !files.iter().any(|f| same_file(f, &m.file)) {
                files.push(m.file.clone());
            }
        }
        if let Some(b) = boundary {
            files.retain(|f| match crate::config::outside(f, b) {
                Some(target) => {
                    corpus.warnings.push(CorpusWarning::Outside {
                        path: crate::text::escape_control(&normalize(f).display().to_string())
                            .into_owned(),
                        target: target.display().to_string(),
                        boundary: b.display().to_string(),
                    });
                    false
                }
                None => true,
            });
        }
        let mut seen = std::collections::HashSet::new();
        files.retain(|f| {
            let canon = std::fs::canonicalize(f).unwrap_or_else(|_| normalize(f));
            seen.insert(canon)
        });
        walk.count("files", files.len());
        drop(walk);
        let mut read = crate::timings::stage("corpus.read");
        read.total(files.len());
        // read, decode and cut files in parallel; `collect` keeps the sorted order
        let loaded: Vec<(Option<Loaded>, Vec<CorpusWarning>)> = files
            .par_iter()
            .map(|f| {
                let _tick = crate::timings::item("corpus.read");
                let mut warnings = Vec::new();
                let display = normalize(f).display().to_string();
                let bytes = match std::fs::read(f) {
                    Ok(b) => b,
                    Err(e) => {
                        warnings.push(CorpusWarning::Unreadable {
                            path: crate::text::escape_control(&display).into_owned(),
                            reason: e.to_string(),
                        });
                        return (None, warnings);
                    }
                };
                let shown = crate::text::escape_control(&display).into_owned();
                let content = store.map(|_| crate::store::content_hash(&bytes));
                let Some(text) = decode(bytes, &shown, &mut warnings) else {
                    return (None, warnings);
                };
                let meta = metas.iter().find(|m| same_file(&m.file, f)).cloned();
                let id = meta.as_ref().map(|m| m.id.clone()).unwrap_or_else(|| {
                    f.file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_else(|| display.clone())
                });
                let source = Source::new(id, f.clone(), display, text, meta);
                let found = store.zip(content).and_then(|(st, c)| {
                    let parts = st.get(c)?.parts(&source.text);
                    match parts {
                        Some(_) => st.hit(),
                        None => st.refuse(),
                    }
                    parts
                });
                let (passages, stored) = match found {
                    Some(parts) => (
                        parts.passages,
                        Stored {
                            content,
                            terms: Some(parts.terms),
                            shingles: Some(parts.shingles),
                            cites: Some(parts.cites),
                        },
                    ),
                    None => (
                        cut(&source),
                        Stored {
                            content,
                            ..Default::default()
                        },
                    ),
                };
                (Some(((source, passages), stored)), warnings)
            })
            .collect();
        let mut stored = Vec::new();
        for (loaded, warnings) in loaded {
            corpus.warnings.extend(warnings);
            if let Some(((source, passages), s)) = loaded {
                corpus.push(source, passages);
                stored.push(s);
            }
        }
        if crate::timings::enabled() {
            read.count("files", corpus.sources.len());
            let bytes = corpus.sources.iter().map(|s| s.text.len()).sum();
            read.count("bytes", bytes);
            read.count("passages", corpus.passages.len());
            let figures = corpus.passages.iter().map(|p| p.figures.len()).sum();
            read.count("figures", figures);
            if let Some(st) = store {
                let n = |a: &std::sync::atomic::AtomicUsize| {
                    a.load(std::sync::atomic::Ordering::Relaxed)
                };
                read.count("index_hits", n(&st.stats.hits));
                read.count("index_misses", n(&st.stats.misses));
                read.count("index_refused", n(&st.stats.refused));
            }
        }
        (corpus, stored)
    }

    fn push(&mut self, source: Source, passages: Vec<Passage>) {
        let idx = self.sources.len();
        let written = source.meta.as_ref().and_then(|m| m.year());
        self.passages.extend(passages.into_iter().map(|mut p| {
            p.source = idx;
            if let Some(y) = written {
                date_last_year(&mut p, y);
            }
            p
        }));
        self.sources.push(source);
    }

    /// Add a source and cut it into passages.
    pub fn add_source(&mut self, source: Source) {
        let passages = cut(&source);
        self.push(source, passages);
    }

    /// Whether passage `pi` is in one of `sources`.
    pub fn carried_by(&self, pi: usize, sources: &[usize]) -> bool {
        sources.contains(&self.passages[pi].source)
    }

    /// The source a name refers to: id, file stem or file name.
    pub fn source_index(&self, name: &str) -> Option<usize> {
        self.sources.iter().position(|s| s.id == name).or_else(|| {
            self.sources.iter().position(|s| {
                s.path
                    .file_stem()
                    .is_some_and(|x| x.to_string_lossy() == name)
                    || s.path
                        .file_name()
                        .is_some_and(|x| x.to_string_lossy() == name)
            })
        })
    }
}

/// A source read from disk with its passages, and what the index gave for it.
type Loaded = ((Source, Vec<Passage>), Stored);

/// What the persisted index gave for one source (see [`Corpus::load_with`]).
#[derive(Debug, Default)]
pub struct Stored {
    /// The hash of the file's bytes, when read with an index.
    pub content: Option<u128>,
    /// The terms of each of its passages, when its entry was sound.
    pub terms: Option<Vec<Vec<crate::index::Term>>>,
    /// Its shingles, when its entry was sound.
    pub shingles: Option<Vec<u64>>,
    /// The citations of each of its passages, when its entry was sound.
    pub cites: Option<Vec<crate::provenance::PassageCites>>,
}

/// Figures with no year that "last year" dates are of the year before `written`, the
/// year the source was written (the date comes from claims.toml, so this is done when the
/// source joins the corpus, never stored with its passages).
fn date_last_year(p: &mut Passage, written: i32) {
    // (read only where a phrase is written: this runs for every passage loaded)
    let lower = p.text.to_lowercase();
    if !crate::lexicon::last_year_phrases()
        .iter()
        .any(|ph| lower.contains(ph.as_str()))
    {
        return;
    }
    let spans: Vec<std::ops::Range<usize>> = p.figures.iter().map(|f| f.span.clone()).collect();
    for f in p.figures.iter_mut().filter(|f| f.year.is_none()) {
        if crate::figure::said_of_last_year(&p.text, &f.span, &spans) {
            f.year = Some(written - 1);
            f.own_year = true;
            f.dated = true;
        }
    }
}

/// A source cut into passages with their figures (`source` index left at 0).
fn cut(source: &Source) -> Vec<Passage> {
    segment(&source.text)
        .into_iter()
        .map(|seg| {
            let text = passage_text(&source.text, seg.span.clone());
            let figures = if seg.kind == PassageKind::Prose {
                extract_figures(&text)
            } else {
                Vec::new()
            };
            Passage {
                source: 0,
                span: seg.span,
                text,
                kind: seg.kind,
                figures,
                frames: std::sync::OnceLock::new(),
            }
        })
        .collect()
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => normalize(a) == normalize(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_year_is_the_year_before_the_source_was_written() {
        let figure_of = |date: Option<&str>| {
            let meta = date.map(|d| crate::config::SourceMeta {
                id: "a".into(),
                file: "a.txt".into(),
                title: None,
                author: None,
                publisher: None,
                date: Some(d.into()),
                url: None,
                aliases: Vec::new(),
            });
            let text = "Belgian customs seized 116 tonnes of cocaine last year.";
            let mut c = Corpus::default();
            c.add_source(Source::new(
                "a".into(),
                "a.txt".into(),
                "a.txt".into(),
                text.into(),
                meta,
            ));
            c.passages[0].figures[0].clone()
        };
        let f = figure_of(Some("2024-01-17"));
        assert_eq!((f.year, f.dated), (Some(2023), true));
        // undated, it stays undated
        assert_eq!(figure_of(None).year, None);
    }

    #[test]
    fn reads_text_skips_binary_and_reads_latin1_lossily() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.txt"),
            "The Taliban released 780 TTP prisoners.",
        )
        .unwrap();
        std::fs::write(dir.path().join("b.txt"), b"\x00\x01binary").unwrap();
        std::fs::write(
            dir.path().join("c.txt"),
            b"Caf\xe9 owners said 40 shops closed.",
        )
        .unwrap();
        std::fs::write(dir.path().join("d.pdf"), b"%PDF").unwrap();
        let c = Corpus::load(&[dir.path().to_path_buf()], &[], None);
        let ids: Vec<_> = c.sources.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"]);
        assert_eq!(c.warnings.len(), 2);
        assert_eq!(c.passages[0].figures[0].value, 780.0);
    }

    #[test]
    fn missing_path_is_a_warning() {
        let c = Corpus::load(&[PathBuf::from("/nonexistent/claimcheck")], &[], None);
        assert!(matches!(c.warnings[0], CorpusWarning::Missing { .. }));
    }

    #[test]
    fn line_and_column_count_characters() {
        let s = Source::new(
            "x".into(),
            "x".into(),
            "x".into(),
            "ab\nçd 780".into(),
            None,
        );
        assert_eq!(s.line_col(7), (2, 4));
        assert_eq!(normalize(Path::new("a/./b/../c")), PathBuf::from("a/c"));
    }
}
