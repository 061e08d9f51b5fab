//! `claimcheck init`: scaffold a claims.toml for a corpus folder.
//!
//! One `[[source]]` per document with the title, author, publisher and date read from
//! its first lines where they are there, and every figure sentence of the corpus (as
//! the corpus reader cuts and reads them) as a commented `[[claim]]` to keep or drop.
//! The file is written to a temporary file beside it and moved into place, and an
//! existing file is only replaced with `force`.

use crate::corpus::{Corpus, CorpusWarning};
use crate::segment::PassageKind;
use miette::Diagnostic;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// What stops `init`.
#[derive(Debug, Error, Diagnostic)]
pub enum InitError {
    #[error("`{}` already exists", .0.display())]
    #[diagnostic(
        code(claimcheck::init::exists),
        help("pass --force to replace it, or --claims FILE to write another file")
    )]
    Exists(PathBuf),
    #[error("the corpus `{}` does not exist", .0.display())]
    #[diagnostic(
        code(claimcheck::init::no_corpus),
        help("name a folder of .txt or .md source documents")
    )]
    NoCorpus(PathBuf),
    #[error("the corpus `{}` holds no .txt or .md files", .0.display())]
    #[diagnostic(
        code(claimcheck::init::empty),
        help("name a folder of .txt or .md source documents")
    )]
    Empty(PathBuf),
    #[error("the corpus `{}` is outside the folder of `{}`", .corpus.display(), .claims.display())]
    #[diagnostic(
        code(claimcheck::init::outside),
        help("claims.toml names its sources relative to its own folder: write it in a folder that holds the corpus")
    )]
    Outside { corpus: PathBuf, claims: PathBuf },
    #[error("cannot write `{}`: {err}", .path.display())]
    #[diagnostic(code(claimcheck::init::write))]
    Write { path: PathBuf, err: std::io::Error },
}

/// Metadata read from a document's first lines.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FirstLines {
    pub title: Option<String>,
    pub author: Option<String>,
    pub publisher: Option<String>,
    pub date: Option<String>,
}

/// How far into a document its metadata is looked for.
const HEAD_BYTES: usize = 2000;
const HEAD_LINES: usize = 12;
/// A first line longer than this is running text, not a title.
const MAX_TITLE_CHARS: usize = 160;
/// A figure sentence longer than this is left out of the candidates.
const MAX_CLAIM_CHARS: usize = 500;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    (0..12)
        .find(|&i| w == MONTHS[i] || w == full[i] || (w == "sept" && i == 8))
        .map(|i| i as u32 + 1)
}

fn year_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(|c: char| !c.is_ascii_digit());
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1800..=2200).contains(y))
}

fn day_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches([',', '.']);
    let w = w
        .strip_suffix("st")
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))
        .or_else(|| w.strip_suffix("th"))
        .unwrap_or(w);
    (!w.is_empty() && w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

/// The first date written in `text`: `2022-01-19`, `January 19, 2022`, `Jan 31, 2022`,
/// `19 January 2022`, or `June 2022` (month precision), as ISO 8601.
pub fn find_date(text: &str) -> Option<String> {
    // a date never spans a line or a `|` ("No. 5 | June 2022" is June)
    text.split(['\n', '|']).find_map(date_in_line)
}

fn date_in_line(line: &str) -> Option<String> {
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == '/' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        // ISO: 2022-01-19
        let b = w.as_bytes();
        if b.len() >= 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b[..4]
                .iter()
                .chain(&b[5..7])
                .chain(&b[8..10])
                .all(u8::is_ascii_digit)
        {
            let (y, m, d) = (&w[..4], &w[5..7], &w[8..10]);
            if year_of(y).is_some()
                && (1..=12).contains(&m.parse::<u32>().unwrap_or(0))
                && day_of(d).is_some()
            {
                return Some(format!("{y}-{m}-{d}"));
            }
        }
        let next = |k: usize| words.get(i + k).copied().unwrap_or("");
        // the month may be glued to what comes before it ("…Publications Wednesday,
        // January 19, 2022/"), so only the words after it are read
        if let Some(m) = month_of(w.trim_end_matches(',')) {
            if let (Some(d), Some(y)) = (day_of(next(1)), year_of(next(2))) {
                return Some(format!("{y:04}-{m:02}-{d:02}"));
            }
            if let Some(y) = year_of(next(1)) {
                return Some(format!("{y:04}-{m:02}"));
            }
        }
        if let (Some(d), Some(m), Some(y)) = (day_of(w), month_of(next(1)), year_of(next(2))) {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
    }
    None
}

/// A `key: value` line ("Publisher: …", "title = …") of a header or front matter.
fn field<'a>(line: &'a str, keys: &[&str]) -> Option<&'a str> {
    let (k, v) = line.split_once([':', '='])?;
    let k = k.trim().trim_start_matches('#').trim().to_ascii_lowercase();
    let v = v.trim().trim_matches(['"', '\'']).trim();
    (keys.contains(&k.as_str()) && !v.is_empty()).then_some(v)
}

/// Title, author, publisher and date from a document's first lines, where they are:
/// front matter or `Key: value` lines, a `By …` line, the first short line as the
/// title (a Markdown heading's `#` dropped), the first date written.
pub fn read_first_lines(text: &str) -> FirstLines {
    let head = &text[..crate::text::floor_boundary(text, HEAD_BYTES.min(text.len()))];
    let lines: Vec<&str> = head
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && *l != "---")
        .take(HEAD_LINES)
        .collect();
    let mut m = FirstLines::default();
    let short = |s: &str| s.chars().count() <= MAX_TITLE_CHARS;
    for l in &lines {
        if m.title.is_none() {
            m.title = field(l, &["title"]).filter(|v| short(v)).map(String::from);
        }
        if m.publisher.is_none() {
            m.publisher = field(l, &["publisher", "published by", "source"])
                .or_else(|| l.strip_prefix("Published by "))
                .filter(|v| short(v))
                .map(String::from);
        }
        if m.author.is_none() {
            m.author = field(l, &["author", "by", "authors"])
                .or_else(|| l.strip_prefix("By "))
                .filter(|v| short(v))
                .map(|v| v.trim_end_matches(',').to_string());
        }
        if m.date.is_none() {
            m.date = field(l, &["date", "published"]).and_then(find_date);
        }
    }
    if m.title.is_none() {
        m.title = lines
            .first()
            .map(|l| l.trim_start_matches('#').trim())
            .filter(|l| {
                short(l)
                    && l.chars().any(char::is_alphabetic)
                    && find_date(l).is_none()
                    && field(l, &["title", "author", "by", "date", "publisher"]).is_none()
            })
            .map(String::from);
    }
    if m.date.is_none() {
        m.date = find_date(head);
    }
    m
}

/// A TOML basic string.
pub fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `path` relative to `base` with `/` separators; both must exist.
fn relative(path: &Path, base: &Path) -> Option<String> {
    let p = std::fs::canonicalize(path).ok()?;
    let b = std::fs::canonicalize(base).ok()?;
    let rel = p.strip_prefix(&b).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Some(if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    })
}

/// What `scaffold` made: the file's text and the corpus reader's warnings.
pub struct Scaffold {
    pub text: String,
    pub warnings: Vec<CorpusWarning>,
    pub sources: usize,
    pub candidates: usize,
}

/// The claims.toml for the documents under `corpus`, to be written at `claims`.
pub fn scaffold(claims: &Path, corpus: &Path) -> Result<Scaffold, InitError> {
    if !corpus.exists() {
        return Err(InitError::NoCorpus(corpus.to_path_buf()));
    }
    let dir = match claims.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(InitError::Write {
            path: claims.to_path_buf(),
            err: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("no folder `{}`", dir.display()),
            ),
        });
    }
    let outside = || InitError::Outside {
        corpus: corpus.to_path_buf(),
        claims: claims.to_path_buf(),
    };
    let corpus_rel = relative(corpus, &dir).ok_or_else(outside)?;
    let mut c = Corpus::load(&[corpus.to_path_buf()], &[], None);
    let warnings = std::mem::take(&mut c.warnings);
    if c.sources.is_empty() {
        return Err(InitError::Empty(corpus.to_path_buf()));
    }
    let mut text = String::new();
    let _ = write!(
        text,
        "# claims.toml scaffolded by `claimcheck init` for {corpus}.\n\
         # The [[source]] fields were read from each document's first lines: check them, and\n\
         # add what is missing (title, author, publisher, date, url, aliases). Below them, every\n\
         # figure sentence of the corpus is a commented [[claim]]: uncomment the ones to keep.\n\
         # `claimcheck check` checks them; `claimcheck explain CODE` says what a finding means.\n\n\
         [corpus]\npaths = [{corpus}]\n\n\
         # ---------------------------------------------------------------- sources\n",
        corpus = toml_string(&corpus_rel)
    );
    let mut ids: Vec<String> = Vec::new();
    for s in &c.sources {
        // the corpus knows a source without an entry by its file stem: keep that name
        let mut id = s.id.clone();
        let mut n = 2;
        while ids.contains(&id) {
            id = format!("{}-{n}", s.id);
            n += 1;
        }
        ids.push(id.clone());
        let file = relative(&s.path, &dir).ok_or_else(outside)?;
        let meta = read_first_lines(&s.text);
        let _ = write!(
            text,
            "\n[[source]]\nid = {}\nfile = {}\n",
            toml_string(&id),
            toml_string(&file)
        );
        for (key, value) in [
            ("title", &meta.title),
            ("author", &meta.author),
            ("publisher", &meta.publisher),
            ("date", &meta.date),
        ] {
            match value {
                Some(v) => {
                    let _ = writeln!(text, "{key} = {}", toml_string(v));
                }
                None => {
                    let _ = writeln!(text, "# {key} = \"\"");
                }
            }
        }
    }
    text.push_str(
        "\n# ---------------------------------------------------------------- candidate claims\n\
         # Each is a figure sentence of the source it cites, as the corpus reader cut it.\n",
    );
    let mut candidates = 0;
    let mut per_source = vec![0usize; c.sources.len()];
    for p in &c.passages {
        if p.kind != PassageKind::Prose || p.figures.is_empty() {
            continue;
        }
        let sentence = p.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if sentence.chars().count() > MAX_CLAIM_CHARS {
            continue;
        }
        let src = &c.sources[p.source];
        per_source[p.source] += 1;
        candidates += 1;
        let figures: Vec<&str> = p.figures.iter().map(|f| f.text.trim()).collect();
        let (line, _) = src.line_col(p.span.start);
        let id = &ids[p.source];
        let _ = write!(
            text,
            "\n# {}:{line} — {}\n# [[claim]]\n# id = {}\n# text = {}\n# sources = [{}]\n",
            crate::text::escape_control(&src.display),
            crate::text::escape_control(&figures.join(", ")),
            toml_string(&format!("{id}-{}", per_source[p.source])),
            toml_string(&sentence),
            toml_string(id)
        );
    }
    if candidates == 0 {
        text.push_str("# (no sentence of the corpus has a figure)\n");
    }
    Ok(Scaffold {
        text,
        warnings,
        sources: c.sources.len(),
        candidates,
    })
}

/// Write `text` to `path` through a temporary file in the same folder, moved into place.
/// Without `force` an existing file is kept (and the check is atomic: the temporary
/// file is linked to the new name, which fails when the name is taken).
pub fn write_file(path: &Path, text: &str, force: bool) -> Result<(), InitError> {
    use std::io::Write;
    let err = |err| InitError::Write {
        path: path.to_path_buf(),
        err,
    };
    if !force && (path.exists() || path.is_symlink()) {
        return Err(InitError::Exists(path.to_path_buf()));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "claims.toml".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        drop(f);
        if force {
            std::fs::rename(&tmp, path)
        } else {
            match std::fs::hard_link(&tmp, path) {
                Ok(()) => std::fs::remove_file(&tmp),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
                // a file system without hard links: the check above has to do
                Err(_) => std::fs::rename(&tmp, path),
            }
        }
    })();
    match result {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                Err(InitError::Exists(path.to_path_buf()))
            } else {
                Err(err(e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_forms_pages_write_them() {
        assert_eq!(
            find_date("Wednesday, January 19, 2022/"),
            Some("2022-01-19".into())
        );
        assert_eq!(find_date("Jan 31, 2022"), Some("2022-01-31".into()));
        assert_eq!(find_date("on 8 August 2022 it"), Some("2022-08-08".into()));
        assert_eq!(find_date("No. 5 | June 2022"), Some("2022-06".into()));
        assert_eq!(find_date("date: 2023-06-01"), Some("2023-06-01".into()));
        assert_eq!(find_date("in 2021 the TTP"), None);
        assert_eq!(find_date("May the 4th"), None);
    }

    #[test]
    fn first_lines_give_title_author_publisher_date() {
        let m = read_first_lines(
            "# Annual Security Review\n\nBy Sara Khan\nPublisher: Interior Ministry\nFebruary 3, 2022\n\nText 1,016 lives.",
        );
        assert_eq!(m.title.as_deref(), Some("Annual Security Review"));
        assert_eq!(m.author.as_deref(), Some("Sara Khan"));
        assert_eq!(m.publisher.as_deref(), Some("Interior Ministry"));
        assert_eq!(m.date.as_deref(), Some("2022-02-03"));
        let fm = read_first_lines(
            "---\ntitle: \"A \\\"quoted\\\" title\"\ndate: 2021-05-02\n---\nBody.",
        );
        assert_eq!(fm.date.as_deref(), Some("2021-05-02"));
        // a first line of running text is no title
        let long = read_first_lines(&format!("{}\n", "word ".repeat(80)));
        assert_eq!(long.title, None);
    }

    #[test]
    fn toml_strings_escape() {
        assert_eq!(
            toml_string("a \"b\" \\ c\u{1}"),
            "\"a \\\"b\\\" \\\\ c\\u0001\""
        );
    }
}
