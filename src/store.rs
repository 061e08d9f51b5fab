//! The persisted index (`claimcheck index`): for each corpus file, what reading it costs
//! (its passages as spans and kinds, their figures, their analysed terms, and the file's
//! copy-detection shingles), kept under the index folder (`.claimcheck/` beside
//! claims.toml, or `--index DIR`) and keyed by a hash of the file's bytes and of the
//! engine (the build, the lexicon, the entities and profiles of claims.toml). A later
//! run re-reads every file (it needs the text to quote it) but cuts, extracts and
//! analyses only the files that changed or were added.
//!
//! An entry is never trusted: its header (magic, format, engine, content hash, length)
//! and the checksum of its body must match, and every span in it must fall on the text
//! it is applied to; anything else is a miss, recomputed and rewritten. What depends on
//! the whole corpus (postings, the copy graph, citations) is rebuilt from the entries
//! on each run, so it cannot be stale.
//!
//! Besides `config` and `corpus`, this is the one module that touches files, and only
//! under the index folder.

use crate::corpus::Passage;
use crate::figure::{Figure, Form, Measure, Qualifier, Unit};
use crate::index::Term;
use crate::provenance::PassageCites;
use crate::segment::PassageKind;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use xxhash_rust::xxh3::{xxh3_128, xxh3_64};

const MAGIC: &[u8; 8] = b"CCINDEX\0";
/// Bumped whenever the layout of an entry changes.
const FORMAT: u32 = 2;
/// magic, format, engine, content hash, body length, body checksum
const HEADER: usize = 8 + 4 + 8 + 16 + 8 + 8;
/// The folder inside the index folder that holds this format's entries.
const ENTRIES: &str = "entries-v1";

/// A hash of a file's bytes: the key of its entry.
pub fn content_hash(bytes: &[u8]) -> u128 {
    xxh3_128(bytes)
}

/// The engine an entry was made by: this build (see build.rs), and what of claims.toml
/// changes the analysis (entities and lexicon profiles).
pub fn engine_key(entities: &[crate::config::Entity], profiles: &[String]) -> u64 {
    let text = format!(
        "{}|{}|{entities:?}|{profiles:?}",
        env!("CARGO_PKG_VERSION"),
        env!("CLAIMCHECK_ENGINE")
    );
    xxh3_64(text.as_bytes())
}

/// What a run did with the index, for `--timings` and `claimcheck index`.
#[derive(Debug, Default)]
pub struct Stats {
    pub hits: AtomicUsize,
    pub misses: AtomicUsize,
    /// Entries found but refused (bad header, checksum or spans): rebuilt.
    pub refused: AtomicUsize,
    pub written: AtomicUsize,
    pub write_errors: AtomicUsize,
}

/// An open index folder.
#[derive(Debug)]
pub struct Store {
    root: PathBuf,
    engine: u64,
    /// Only check that entries are sound, do not decode them (`claimcheck index`, which
    /// needs the parts of new files only; a run that uses an entry still checks it all).
    verify_only: bool,
    pub stats: Stats,
}

/// One file's entry, as stored.
#[derive(Debug, Serialize, Deserialize)]
pub struct Entry {
    /// The distinct term keys of the file; terms refer to them by position.
    keys: Vec<String>,
    passages: Vec<StoredPassage>,
    shingles: Vec<u64>,
}

#[derive(Debug, Serialize, Deserialize)]
struct StoredPassage {
    start: usize,
    end: usize,
    kind: u8,
    figures: Vec<StoredFigure>,
    /// (key, start, end, entity)
    terms: Vec<(u32, usize, usize, bool)>,
    /// (inline citations, reporting subject, reference-list line), see
    /// [`crate::provenance::PassageCites`]
    cites: (Vec<String>, Option<String>, Option<String>),
}

#[derive(Debug, Serialize, Deserialize)]
struct StoredFigure {
    start: usize,
    end: usize,
    text: String,
    value: f64,
    low: f64,
    high: f64,
    unit: u8,
    currency: Option<String>,
    qualifier: u8,
    noun: Option<String>,
    role: Option<String>,
    year: Option<i32>,
    own_year: bool,
    /// (dimension, unit, factor)
    measure: Option<(String, String, f64)>,
    unit_start: Option<usize>,
    form: u8,
    per: Option<f64>,
    per_unit: Option<String>,
}

/// What an entry gives back.
pub struct Parts {
    /// The file's passages (source index 0).
    pub passages: Vec<Passage>,
    /// The terms of each passage.
    pub terms: Vec<Vec<Term>>,
    pub shingles: Vec<u64>,
    /// The citations of each passage, as written.
    pub cites: Vec<PassageCites>,
}

const UNITS: [Unit; 5] = [
    Unit::Count,
    Unit::Percent,
    Unit::Money,
    Unit::Duration,
    Unit::Measure,
];
const QUALIFIERS: [Qualifier; 9] = [
    Qualifier::Exact,
    Qualifier::Over,
    Qualifier::AtLeast,
    Qualifier::UpTo,
    Qualifier::Under,
    Qualifier::Almost,
    Qualifier::About,
    Qualifier::Range,
    Qualifier::Vague,
];
const FORMS: [Form; 3] = [Form::Plain, Form::Share, Form::Multiplier];
const KINDS: [PassageKind; 3] = [
    PassageKind::Prose,
    PassageKind::Reference,
    PassageKind::Meta,
];

fn code<T: PartialEq>(table: &[T], v: &T) -> u8 {
    table.iter().position(|x| x == v).unwrap_or(0) as u8
}

fn decode<T: Copy>(table: &[T], c: u8) -> Option<T> {
    table.get(c as usize).copied()
}

/// Figures name their currency, role and unit with `&'static str`s from the lexicon; an
/// entry's strings are turned back into them here, each distinct one kept once.
fn intern(s: &str) -> &'static str {
    static SEEN: std::sync::Mutex<Option<HashSet<&'static str>>> = std::sync::Mutex::new(None);
    let mut guard = SEEN.lock().unwrap_or_else(|e| e.into_inner());
    let set = guard.get_or_insert_with(HashSet::new);
    if let Some(x) = set.get(s) {
        return x;
    }
    let leaked: &'static str = Box::leak(s.to_string().into_boxed_str());
    set.insert(leaked);
    leaked
}

/// `start..end` lies within `text` on character boundaries.
fn fits(text: &str, start: usize, end: usize) -> bool {
    start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
}

impl Entry {
    /// The entry of one file: its passages (in order), their terms and its shingles.
    pub fn new(
        passages: &[Passage],
        terms: &[Vec<Term>],
        shingles: &[u64],
        cites: &[PassageCites],
    ) -> Entry {
        let mut keys: Vec<String> = Vec::new();
        let mut ids: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
        let mut stored = Vec::with_capacity(passages.len());
        for ((p, ts), c) in passages.iter().zip(terms).zip(cites) {
            let terms = ts
                .iter()
                .map(|t| {
                    let id = *ids.entry(t.key.as_str()).or_insert_with(|| {
                        keys.push(t.key.to_string());
                        (keys.len() - 1) as u32
                    });
                    (id, t.start, t.end, t.entity)
                })
                .collect();
            let figures = p
                .figures
                .iter()
                .map(|f| StoredFigure {
                    start: f.span.start,
                    end: f.span.end,
                    text: f.text.clone(),
                    value: f.value,
                    low: f.low,
                    high: f.high,
                    unit: code(&UNITS, &f.unit),
                    currency: f.currency.map(str::to_string),
                    qualifier: code(&QUALIFIERS, &f.qualifier),
                    noun: f.noun.clone(),
                    role: f.role.map(str::to_string),
                    // (a year read from the source's date is read again on loading)
                    year: if f.dated { None } else { f.year },
                    own_year: f.own_year && !f.dated,
                    measure: f
                        .measure
                        .map(|m| (m.dimension.to_string(), m.unit.to_string(), m.factor)),
                    unit_start: f.unit_start,
                    form: code(&FORMS, &f.form),
                    per: f.per,
                    per_unit: f.per_unit.map(str::to_string),
                })
                .collect();
            stored.push(StoredPassage {
                start: p.span.start,
                end: p.span.end,
                kind: code(&KINDS, &p.kind),
                figures,
                terms,
                cites: (c.inline.clone(), c.subject.clone(), c.reference.clone()),
            });
        }
        Entry {
            keys,
            passages: stored,
            shingles: shingles.to_vec(),
        }
    }

    /// The passages, terms and shingles of this entry applied to `text` (the file's
    /// decoded text); `None` when anything in it does not fit the text.
    pub fn parts(self, text: &str) -> Option<Parts> {
        let mut passages = Vec::with_capacity(self.passages.len());
        let mut terms = Vec::with_capacity(self.passages.len());
        let mut cites = Vec::with_capacity(self.passages.len());
        // one shared key a distinct word of the file, cloned into each of its terms
        let keys: Vec<crate::index::Key> = self.keys.into_iter().map(Into::into).collect();
        for sp in self.passages {
            if !fits(text, sp.start, sp.end) {
                return None;
            }
            let ptext = crate::segment::passage_text(text, sp.start..sp.end);
            let mut figures = Vec::with_capacity(sp.figures.len());
            for f in sp.figures {
                if !fits(&ptext, f.start, f.end)
                    || f.unit_start.is_some_and(|u| !fits(&ptext, u, u))
                {
                    return None;
                }
                figures.push(Figure {
                    span: f.start..f.end,
                    text: f.text,
                    value: f.value,
                    low: f.low,
                    high: f.high,
                    unit: decode(&UNITS, f.unit)?,
                    currency: f.currency.as_deref().map(intern),
                    qualifier: decode(&QUALIFIERS, f.qualifier)?,
                    noun: f.noun,
                    role: f.role.as_deref().map(intern),
                    year: f.year,
                    own_year: f.own_year,
                    measure: f.measure.map(|(d, u, factor)| Measure {
                        dimension: intern(&d),
                        unit: intern(&u),
                        factor,
                    }),
                    unit_start: f.unit_start,
                    form: decode(&FORMS, f.form)?,
                    per: f.per,
                    dated: false,
                    per_unit: f.per_unit.as_deref().map(intern),
                });
            }
            let mut ts = Vec::with_capacity(sp.terms.len());
            for (k, start, end, entity) in sp.terms {
                if !fits(&ptext, start, end) {
                    return None;
                }
                ts.push(Term {
                    key: keys.get(k as usize)?.clone(),
                    start,
                    end,
                    entity,
                    near: Vec::new(),
                });
            }
            let kind = decode(&KINDS, sp.kind)?;
            passages.push(Passage::new(sp.start..sp.end, ptext, kind, figures));
            terms.push(ts);
            let (inline, subject, reference) = sp.cites;
            cites.push(PassageCites {
                inline,
                subject,
                reference,
            });
        }
        Some(Parts {
            passages,
            terms,
            shingles: self.shingles,
            cites,
        })
    }
}

impl Store {
    /// The index folder `dir` when it exists (a run only reuses an index it was given
    /// or that `claimcheck index` made); `None` otherwise.
    pub fn open(dir: &Path, engine: u64) -> Option<Store> {
        dir.join(ENTRIES).is_dir().then(|| Store {
            root: dir.to_path_buf(),
            engine,
            verify_only: false,
            stats: Stats::default(),
        })
    }

    /// Make (or reuse) the index folder `dir`.
    pub fn create(dir: &Path, engine: u64) -> std::io::Result<Store> {
        std::fs::create_dir_all(dir.join(ENTRIES))?;
        // keep the index out of version control and backups, as cargo does for target/
        let ignore = dir.join(".gitignore");
        if !ignore.exists() {
            std::fs::write(&ignore, "# made by claimcheck index\n*\n")?;
        }
        let tag = dir.join("CACHEDIR.TAG");
        if !tag.exists() {
            std::fs::write(
                &tag,
                "Signature: 8a477f597d28d172789f06886806bc55\n# the claimcheck index: see `claimcheck index --help`\n",
            )?;
        }
        Ok(Store {
            root: dir.to_path_buf(),
            engine,
            verify_only: false,
            stats: Stats::default(),
        })
    }

    /// See [`Store::verify_only`]: sound entries are then given back empty.
    pub fn verifying_only(mut self) -> Store {
        self.verify_only = true;
        self
    }

    pub fn is_verify_only(&self) -> bool {
        self.verify_only
    }

    pub fn dir(&self) -> &Path {
        &self.root
    }

    fn name(&self, content: u128) -> String {
        format!("{content:032x}-{:016x}.bin", self.engine)
    }

    fn path(&self, content: u128) -> PathBuf {
        let name = self.name(content);
        self.root.join(ENTRIES).join(&name[..2]).join(name)
    }

    /// The entry of a file with this content hash, when there is a sound one.
    pub fn get(&self, content: u128) -> Option<Entry> {
        let bytes = match std::fs::read(self.path(content)) {
            Ok(b) => b,
            Err(_) => {
                self.stats.misses.fetch_add(1, Ordering::Relaxed);
                return None;
            }
        };
        let entry = match self.body(&bytes, content) {
            Some(_) if self.verify_only => Some(Entry {
                keys: Vec::new(),
                passages: Vec::new(),
                shingles: Vec::new(),
            }),
            Some(body) => postcard::from_bytes(body).ok(),
            None => None,
        };
        if entry.is_none() {
            self.stats.refused.fetch_add(1, Ordering::Relaxed);
        }
        entry
    }

    /// The body of an entry file whose header and checksum match.
    fn body<'b>(&self, bytes: &'b [u8], content: u128) -> Option<&'b [u8]> {
        if bytes.len() < HEADER || &bytes[..8] != MAGIC {
            return None;
        }
        let u32_at = |i: usize| bytes.get(i..i + 4)?.try_into().ok().map(u32::from_le_bytes);
        let u64_at = |i: usize| bytes.get(i..i + 8)?.try_into().ok().map(u64::from_le_bytes);
        let u128_at = |i: usize| {
            bytes
                .get(i..i + 16)?
                .try_into()
                .ok()
                .map(u128::from_le_bytes)
        };
        if u32_at(8)? != FORMAT || u64_at(12)? != self.engine || u128_at(20)? != content {
            return None;
        }
        let len = u64_at(36)?;
        let sum = u64_at(44)?;
        let body = &bytes[HEADER..];
        if body.len() as u64 != len || xxh3_64(body) != sum {
            return None;
        }
        Some(body)
    }

    /// A sound entry marked as refused after it did not fit its file's text.
    pub fn refuse(&self) {
        self.stats.refused.fetch_add(1, Ordering::Relaxed);
    }

    /// Count a sound entry as used.
    pub fn hit(&self) {
        self.stats.hits.fetch_add(1, Ordering::Relaxed);
    }

    /// Write the entry of a file (atomically: a reader sees the old file or the new one).
    pub fn put(&self, content: u128, entry: &Entry) -> std::io::Result<()> {
        let r = self.write(content, entry);
        match &r {
            Ok(()) => self.stats.written.fetch_add(1, Ordering::Relaxed),
            Err(_) => self.stats.write_errors.fetch_add(1, Ordering::Relaxed),
        };
        r
    }

    fn write(&self, content: u128, entry: &Entry) -> std::io::Result<()> {
        let body = postcard::to_stdvec(entry).map_err(std::io::Error::other)?;
        let path = self.path(content);
        let dir = path.parent().unwrap_or(&self.root);
        std::fs::create_dir_all(dir)?;
        let mut out = Vec::with_capacity(HEADER + body.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT.to_le_bytes());
        out.extend_from_slice(&self.engine.to_le_bytes());
        out.extend_from_slice(&content.to_le_bytes());
        out.extend_from_slice(&(body.len() as u64).to_le_bytes());
        out.extend_from_slice(&xxh3_64(&body).to_le_bytes());
        out.extend_from_slice(&body);
        // unique per process and write: two files of the same content may be written
        // at once by two threads
        static WRITES: AtomicUsize = AtomicUsize::new(0);
        let tmp = dir.join(format!(
            ".{}.{}.{}.tmp",
            self.name(content),
            std::process::id(),
            WRITES.fetch_add(1, Ordering::Relaxed)
        ));
        let written = std::fs::File::create(&tmp)
            .and_then(|mut f| f.write_all(&out))
            .and_then(|_| std::fs::rename(&tmp, &path));
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written
    }

    /// Remove every entry that is not of this engine and one of `keep` (files that were
    /// changed or removed, or an older build's); returns how many were removed.
    pub fn prune(&self, keep: &HashSet<u128>) -> std::io::Result<usize> {
        let wanted: HashSet<String> = keep.iter().map(|c| self.name(*c)).collect();
        let mut removed = 0;
        for shard in std::fs::read_dir(self.root.join(ENTRIES))? {
            let shard = shard?.path();
            if !shard.is_dir() {
                continue;
            }
            for e in std::fs::read_dir(&shard)? {
                let e = e?;
                let name = e.file_name().to_string_lossy().into_owned();
                if !wanted.contains(&name) && std::fs::remove_file(e.path()).is_ok() {
                    removed += 1;
                }
            }
        }
        Ok(removed)
    }

    /// Bytes the entries take on disk.
    pub fn size(&self) -> u64 {
        let mut total = 0;
        let Ok(shards) = std::fs::read_dir(self.root.join(ENTRIES)) else {
            return 0;
        };
        for shard in shards.flatten() {
            if let Ok(files) = std::fs::read_dir(shard.path()) {
                total += files
                    .flatten()
                    .filter_map(|f| f.metadata().ok())
                    .map(|m| m.len())
                    .sum::<u64>();
            }
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_round_trips_and_a_damaged_one_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::create(dir.path(), 7).unwrap();
        let text = "The Taliban freed 780 TTP prisoners in 2021. Over 12.5% of $3bn went to 6 GW.";
        let mut c = crate::corpus::Corpus::default();
        c.add_source(crate::corpus::Source::new(
            "a".into(),
            "a.txt".into(),
            "a.txt".into(),
            text.into(),
            None,
        ));
        let idx = crate::index::Index::build(&c, crate::index::Analyzer::new(&[]));
        let sh = crate::provenance::shingles_of(c.passages.iter());
        let read: Vec<PassageCites> = c
            .passages
            .iter()
            .map(crate::provenance::passage_cites)
            .collect();
        let h = content_hash(text.as_bytes());
        store
            .put(h, &Entry::new(&c.passages, &idx.terms, &sh, &read))
            .unwrap();
        let parts = store.get(h).unwrap().parts(text).unwrap();
        assert_eq!(parts.terms, idx.terms);
        assert_eq!(parts.shingles, sh);
        assert_eq!(parts.cites, read);
        for (a, b) in parts.passages.iter().zip(&c.passages) {
            assert_eq!((&a.span, &a.text, a.kind), (&b.span, &b.text, b.kind));
            assert_eq!(a.figures, b.figures);
        }
        // another engine's entry is not this one's
        assert!(Store::open(dir.path(), 8).unwrap().get(h).is_none());
        // a flipped byte in the body, a cut file, garbage: refused, never a panic
        let path = store.path(h);
        let mut bytes = std::fs::read(&path).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        std::fs::write(&path, &bytes).unwrap();
        assert!(store.get(h).is_none());
        std::fs::write(&path, &bytes[..HEADER + 3]).unwrap();
        assert!(store.get(h).is_none());
        std::fs::write(&path, b"garbage").unwrap();
        assert!(store.get(h).is_none());
        // an entry of a longer text does not fit a shorter one
        store
            .put(h, &Entry::new(&c.passages, &idx.terms, &sh, &read))
            .unwrap();
        assert!(store.get(h).unwrap().parts("The Taliban").is_none());
        assert_eq!(store.prune(&HashSet::new()).unwrap(), 1);
    }
}
