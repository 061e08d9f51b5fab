//! The index: words of every passage, normalised (aliases, stems, synonyms), with an
//! inverted index that picks the few candidate passages a claim is scored against.
//!
//! Figures and years are masked out of the words, so a passage is found even when the
//! claim's figure is wrong. Small misspellings ("TPP" for "TTP") are reached through a
//! deletion-neighbourhood map over the vocabulary (SymSpell's trick), then confirmed with
//! strsim, so no claim is ever compared with every passage.

use crate::config::Entity;
use crate::corpus::{Corpus, Passage};
use crate::figure::Figure;
use crate::segment::PassageKind;
use rayon::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{BTreeSet, HashMap, HashSet};

const STOPWORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "to",
    "with",
    "as",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "having",
    "it",
    "its",
    "this",
    "that",
    "these",
    "those",
    "which",
    "who",
    "whom",
    "whose",
    "what",
    "there",
    "their",
    "they",
    "them",
    "he",
    "she",
    "his",
    "her",
    "we",
    "our",
    "you",
    "your",
    "i",
    "me",
    "my",
    "not",
    "no",
    "so",
    "than",
    "then",
    "also",
    "into",
    "onto",
    "about",
    "over",
    "under",
    "up",
    "down",
    "out",
    "off",
    "more",
    "most",
    "less",
    "some",
    "such",
    "very",
    "can",
    "could",
    "would",
    "should",
    "will",
    "shall",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "if",
    "while",
    "when",
    "where",
    "after",
    "before",
    "since",
    "during",
    "between",
    "through",
    "per",
    "each",
    "both",
    "all",
    "any",
    "other",
    "others",
    "own",
    "same",
    "just",
    "only",
    "still",
    "yet",
    "even",
    "because",
    "though",
    "although",
    "whether",
    "upon",
    "around",
    "nearly",
    "almost",
    "least",
    "approximately",
    "roughly",
    "estimated",
    "several",
    "many",
    "much",
    "few",
    "s",
    "t",
    "one",
    "said",
    "says",
    "according",
    "reportedly",
    "far",
    "including",
    "among",
    "within",
    "without",
    "against",
    "across",
    "via",
    "compared",
    "right",
    "once",
    "cent",
    "percent",
];

/// Month and weekday names (and their abbreviations).
pub fn is_time_name(w: &str) -> bool {
    crate::figure::month_name(w).is_some()
        || matches!(
            w,
            "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
        )
}

/// A term's key, shared: the terms of one file that write one word hold one copy of
/// it (an owned `String` a term was about half of a warm run's term memory).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Key(std::sync::Arc<str>);

impl Key {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Key {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Key {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<String> for Key {
    fn from(s: String) -> Key {
        Key(s.into())
    }
}

impl PartialEq<&str> for Key {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

/// A normalised word of a text, with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// Stem or synonym-group name ("releas" for freed/released).
    pub key: Key,
    /// Byte offset in the analysed text.
    pub start: usize,
    pub end: usize,
    /// A name: capitalised mid-sentence, an acronym, or an entity alias.
    pub entity: bool,
    /// For a query's terms: vocabulary keys one edit away ("tpp" for "ttp"), looked up
    /// once per query rather than once per candidate passage.
    pub near: Vec<String>,
}

/// Turns text into terms: aliases resolved, figures and years masked, stopwords dropped.
pub struct Analyzer {
    stemmer: Stemmer,
    /// alias token sequences -> canonical lowercase name
    aliases: Vec<(Vec<String>, String)>,
    synonyms: HashMap<String, String>,
}

fn raw_words(text: &str) -> Vec<(usize, usize, String, bool)> {
    // (start, end, lowercase word with inner hyphens removed, capitalised)
    let mut out = Vec::new();
    let mut start = None;
    let b: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i <= b.len() {
        let c = b.get(i).map(|x| x.1);
        let is_word = c.is_some_and(|c| c.is_alphanumeric())
            || (c.is_some_and(|c| c == '-' || c == '\'' || c == '’' || c == '.' || crate::segment::is_joiner(c))
                && start.is_some()
                && b.get(i + 1).is_some_and(|x| x.1.is_alphanumeric())
                // "U.S." keeps its dots, "end.Next" does not
                && (c != Some('.') || b.get(i + 2).is_some_and(|x| x.1 == '.')
                    || b.get(i.wrapping_sub(2)).is_some_and(|x| x.1 == '.')));
        match (is_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let bs = b[s].0;
                let be = b.get(i).map(|x| x.0).unwrap_or(text.len());
                let raw = &text[bs..be];
                let capital = raw.starts_with(char::is_uppercase);
                let mut w: String = raw
                    .chars()
                    .filter(|c| *c != '-' && *c != '.' && !crate::segment::is_joiner(*c))
                    .collect::<String>()
                    .to_lowercase();
                // possessive: "TTP's", "group’s"
                for suf in ["'s", "’s"] {
                    if let Some(x) = w.strip_suffix(suf) {
                        w = x.to_string();
                    }
                }
                w = w.replace(['\'', '’'], "");
                if !w.is_empty() {
                    out.push((bs, be, w, capital));
                }
                start = None;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

impl Analyzer {
    /// An analyzer of the default lexicon's synonyms.
    pub fn new(entities: &[Entity]) -> Analyzer {
        Analyzer::with_profiles(entities, &[])
    }

    /// An analyzer of the default lexicon's synonyms and those of `profiles`.
    pub fn with_profiles(entities: &[Entity], profiles: &[String]) -> Analyzer {
        let mut aliases = Vec::new();
        let mut add = |name: &str, alias: &str| {
            let canon = name.to_lowercase().replace(['.', '-'], "");
            let toks: Vec<String> = raw_words(alias).into_iter().map(|w| w.2).collect();
            let is_itself = toks.len() == 1 && toks[0] == canon;
            if !toks.is_empty() && !is_itself {
                aliases.push((toks, canon));
            }
        };
        for e in entities {
            for a in &e.aliases {
                add(&e.name, a);
            }
        }
        // longest alias first so "Tehrik-i-Taliban Pakistan" wins over "Tehrik-i-Taliban"
        aliases.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        let stemmer = Stemmer::create(Algorithm::English);
        let mut synonyms = HashMap::new();
        for group in crate::lexicon::synonyms(profiles) {
            let Some(name) = group.first() else { continue };
            for w in &group[1..] {
                synonyms.insert(w.to_string(), name.to_string());
                synonyms.insert(stemmer.stem(w).into_owned(), name.to_string());
            }
        }
        Analyzer {
            stemmer,
            aliases,
            synonyms,
        }
    }

    /// The key a single word indexes under.
    pub fn key(&self, word: &str) -> String {
        let stem = self.stemmer.stem(word).into_owned();
        if let Some(g) = self.synonyms.get(&stem).or_else(|| self.synonyms.get(word)) {
            return g.clone();
        }
        stem
    }

    /// Terms of `text`, skipping anything inside `masked` byte ranges (figures) and years.
    pub fn terms(&self, text: &str, masked: &[std::ops::Range<usize>]) -> Vec<Term> {
        let words = raw_words(text);
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let (s, e, ref w, capital) = words[i];
            if masked.iter().any(|m| s < m.end && e > m.start) {
                i += 1;
                continue;
            }
            // entity aliases: longest token sequence first
            if let Some((toks, canon)) = self.aliases.iter().find(|(toks, _)| {
                toks.len() <= words.len() - i
                    && toks.iter().enumerate().all(|(k, t)| words[i + k].2 == *t)
            }) {
                let end = words[i + toks.len() - 1].1;
                out.push(Term {
                    key: canon.clone().into(),
                    start: s,
                    end,
                    entity: true,
                    near: Vec::new(),
                });
                i += toks.len();
                continue;
            }
            i += 1;
            if w.chars().all(|c| c.is_ascii_digit()) {
                continue; // numbers and years are figures or time, not words
            }
            if STOPWORDS.contains(&w.as_str()) {
                continue;
            }
            let all_caps = text[s..e]
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(|c| c.is_uppercase())
                && e - s > 1;
            let sentence_start = text[..s].trim_end().is_empty()
                || text[..s]
                    .trim_end()
                    .ends_with(['.', '!', '?', ':', ';', '"', '“']);
            // months and weekdays are capitalised but are time, not actors
            let entity = (all_caps || (capital && !sentence_start)) && !is_time_name(w);
            let key = if all_caps { w.clone() } else { self.key(w) };
            // "laboratory-confirmed" is also "confirmed": a compound's parts are words
            // too, so a paraphrase without the hyphen still meets it
            let parts: Vec<&str> = text[s..e]
                .split('-')
                .filter(|p| p.chars().filter(|c| c.is_alphabetic()).count() >= 3)
                .collect();
            out.push(Term {
                key: key.into(),
                start: s,
                end: e,
                entity,
                near: Vec::new(),
            });
            if parts.len() >= 2 && !entity {
                for part in parts {
                    let lower = part.to_lowercase();
                    if !STOPWORDS.contains(&lower.as_str()) {
                        out.push(Term {
                            key: self.key(&lower).into(),
                            start: s,
                            end: e,
                            entity: false,
                            near: Vec::new(),
                        });
                    }
                }
            }
        }
        out
    }

    /// Terms of a text whose figures were already found (figure spans relative to `text`).
    pub fn terms_masking(&self, text: &str, figures: &[Figure]) -> Vec<Term> {
        self.terms_masking_cited(text, figures, &crate::cite::inline_citations(text))
    }

    /// [`Analyzer::terms_masking`] with the text's inline citations already found.
    pub fn terms_masking_cited(
        &self,
        text: &str,
        figures: &[Figure],
        citations: &[crate::cite::InlineCitation],
    ) -> Vec<Term> {
        // a measure's unit words stay: "tonnes" says what "112 million" measures
        let mut masked: Vec<std::ops::Range<usize>> = figures
            .iter()
            .map(|f| f.span.start..f.unit_start.unwrap_or(f.span.end))
            .collect();
        // citations say who, not what: "(Mir, 2022)", "according to PIPS"
        masked.extend(citations.iter().map(|c| c.span.clone()));
        masked.extend(
            crate::figure::years(text)
                .into_iter()
                .map(|(p, _)| p..p + 4),
        );
        self.terms(text, &masked)
    }
}

/// Keys to test a word against: a passage's (see [`Index::keyset`]) or a few gathered
/// for one comparison.
pub trait HasKey {
    fn has_key(&self, key: &str) -> bool;
}

impl HasKey for BTreeSet<String> {
    fn has_key(&self, key: &str) -> bool {
        self.contains(key)
    }
}

impl HasKey for BTreeSet<&str> {
    fn has_key(&self, key: &str) -> bool {
        self.contains(key)
    }
}

/// The distinct keys of one passage, in key order.
#[derive(Clone, Copy)]
pub struct KeySet<'a> {
    ids: &'a [u32],
    index: &'a Index,
}

impl<'a> KeySet<'a> {
    pub fn iter(self) -> impl Iterator<Item = &'a str> {
        let vocab = &self.index.vocab;
        self.ids.iter().map(move |&id| vocab[id as usize].as_str())
    }
}

impl HasKey for KeySet<'_> {
    fn has_key(&self, key: &str) -> bool {
        self.index
            .vocab_ids
            .get(key)
            .is_some_and(|id| self.ids.binary_search(id).is_ok())
    }
}

/// Inverted index over the evidence passages of a corpus.
pub struct Index {
    pub analyzer: Analyzer,
    /// Terms of each passage (empty for passages that are not evidence).
    pub terms: Vec<Vec<Term>>,
    /// Every key of the corpus, sorted: a key's id is its place here, so ids sort as
    /// their keys do.
    vocab: Vec<Key>,
    vocab_ids: HashMap<Key, u32>,
    /// The distinct keys of each passage as sorted vocabulary ids, all passages in one
    /// buffer (passage `p`'s are `keyset_ids[keyset_starts[p]..keyset_starts[p + 1]]`):
    /// a `BTreeSet<String>` a passage held every key again, 35% of a warm run's memory
    /// growth at 10 MB (61 of 176 MB).
    keyset_ids: Vec<u32>,
    keyset_starts: Vec<u32>,
    postings: HashMap<String, Vec<u32>>,
    /// deletion variant -> vocabulary keys (fuzzy lookup)
    deletions: HashMap<String, Vec<String>>,
    /// figure value (see [`value_key`]) -> passages that state it: a fact-checker looks
    /// for the number first
    values: HashMap<i64, Vec<u32>>,
    /// every figure value of the evidence passages with its passage, sorted by value:
    /// two reports of one statement that disagree mostly give numbers close together
    sorted_values: Vec<(f64, u32)>,
    /// keys the corpus writes as a name somewhere (capitalised mid-sentence, an acronym):
    /// "Rajasthan" opening a sentence is a name because "in Rajasthan" is one elsewhere
    names: HashSet<String>,
    doc_count: usize,
    avg_len: f64,
}

/// Words longer than this get no misspelling neighbourhood: no real word is that long,
/// and a run of n characters has n variants of n characters each (an 80 KB "word" in a
/// source would need gigabytes).
const MAX_FUZZY_CHARS: usize = 32;

/// Every string one deletion away from `w` (and `w` itself).
fn deletion_variants(w: &str) -> Vec<String> {
    let chars: Vec<char> = w.chars().collect();
    let mut out = vec![w.to_string()];
    if chars.len() < 3 || chars.len() > MAX_FUZZY_CHARS {
        return out;
    }
    for i in 0..chars.len() {
        let v: String = chars
            .iter()
            .enumerate()
            .filter(|(k, _)| *k != i)
            .map(|(_, c)| *c)
            .collect();
        out.push(v);
    }
    out
}

impl Index {
    pub fn build(corpus: &Corpus, analyzer: Analyzer) -> Index {
        Index::build_with(corpus, analyzer, Vec::new())
    }

    /// [`Index::build`] with the terms of some passages already known (from the
    /// persisted index): `known[pi]`, when `known` has one entry per passage.
    pub fn build_with(corpus: &Corpus, analyzer: Analyzer, known: Vec<Option<Vec<Term>>>) -> Index {
        let mut span = crate::timings::stage("index.terms");
        span.total(corpus.passages.len());
        let mut known = known;
        if known.len() != corpus.passages.len() {
            known = Vec::new();
            known.resize_with(corpus.passages.len(), || None);
        }
        // analysing passages is the costly part: in parallel, in order
        let analysed: Vec<Vec<Term>> = corpus
            .passages
            .par_iter()
            .zip(known.into_par_iter())
            .map(|(p, known)| {
                crate::timings::tick();
                if let Some(t) = known {
                    t
                } else if is_evidence(p) {
                    analyzer.terms_masking(&p.text, &p.figures)
                } else {
                    Vec::new()
                }
            })
            .collect();
        span.count("passages", analysed.len());
        span.count("terms", analysed.iter().map(Vec::len).sum());
        drop(span);
        let mut span = crate::timings::stage("index.postings");
        let mut terms = Vec::with_capacity(corpus.passages.len());
        let mut postings: HashMap<String, Vec<u32>> = HashMap::new();
        let mut total = 0usize;
        let mut docs = 0usize;
        for (pi, t) in analysed.into_iter().enumerate() {
            if !t.is_empty() {
                docs += 1;
                total += t.len();
            }
            let mut seen = HashSet::new();
            for term in &t {
                if seen.insert(term.key.as_str()) {
                    match postings.get_mut(term.key.as_str()) {
                        Some(list) => list.push(pi as u32),
                        None => {
                            postings.insert(term.key.to_string(), vec![pi as u32]);
                        }
                    }
                }
            }
            terms.push(t);
        }
        span.count("keys", postings.len());
        drop(span);
        // the vocabulary, sorted once: the fuzzy variants are built in its order, and a
        // key's id is its place in it
        let mut vocab: Vec<Key> = postings.keys().map(|k| Key::from(k.clone())).collect();
        vocab.sort();
        let mut span = crate::timings::stage("index.fuzzy");
        let mut deletions: HashMap<String, Vec<String>> = HashMap::new();
        for key in &vocab {
            for v in deletion_variants(key) {
                deletions.entry(v).or_default().push(key.to_string());
            }
        }
        span.count("variants", deletions.len());
        drop(span);
        let span = crate::timings::stage("index.keysets");
        let vocab_ids: HashMap<Key, u32> = vocab
            .iter()
            .enumerate()
            .map(|(i, k)| (k.clone(), i as u32))
            .collect();
        let mut keyset_ids = Vec::with_capacity(total);
        let mut keyset_starts = Vec::with_capacity(terms.len() + 1);
        keyset_starts.push(0u32);
        let mut ids: Vec<u32> = Vec::new();
        for t in &terms {
            // (every key is in the vocabulary: both come from these terms)
            ids.clear();
            ids.extend(
                t.iter()
                    .filter_map(|x| vocab_ids.get(x.key.as_str()).copied()),
            );
            ids.sort_unstable();
            ids.dedup();
            keyset_ids.extend_from_slice(&ids);
            keyset_starts.push(keyset_ids.len() as u32);
        }
        keyset_ids.shrink_to_fit();
        drop(span);
        let span = crate::timings::stage("index.values");
        // a name is never written in lower case: "quarter" capitalised in a headline is
        // still a word
        let mut lower_case: HashSet<&str> = HashSet::new();
        let mut capitalised: HashSet<&str> = HashSet::new();
        for (p, ts) in corpus.passages.iter().zip(&terms) {
            for t in ts {
                let first = p.text.get(t.start..).and_then(|s| s.chars().next());
                if first.is_some_and(char::is_lowercase) {
                    lower_case.insert(t.key.as_str());
                } else if t.entity {
                    capitalised.insert(t.key.as_str());
                }
            }
        }
        let names: HashSet<String> = capitalised
            .difference(&lower_case)
            .map(|k| k.to_string())
            .collect();
        let mut values: HashMap<i64, Vec<u32>> = HashMap::new();
        for (pi, p) in corpus.passages.iter().enumerate() {
            if !is_evidence(p) {
                continue;
            }
            for f in &p.figures {
                let list = values.entry(value_key(f.value)).or_default();
                if list.last() != Some(&(pi as u32)) {
                    list.push(pi as u32);
                }
            }
        }
        let mut sorted_values: Vec<(f64, u32)> = corpus
            .passages
            .iter()
            .enumerate()
            .filter(|(_, p)| is_evidence(p))
            .flat_map(|(pi, p)| p.figures.iter().map(move |f| (f.value, pi as u32)))
            .filter(|(v, _)| v.is_finite())
            .collect();
        sorted_values.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        sorted_values.dedup();
        drop(span);
        Index {
            analyzer,
            terms,
            vocab,
            vocab_ids,
            keyset_ids,
            keyset_starts,
            postings,
            deletions,
            values,
            sorted_values,
            names,
            doc_count: docs.max(1),
            avg_len: if docs > 0 {
                total as f64 / docs as f64
            } else {
                1.0
            },
        }
    }

    /// Whether a term is a name: one the corpus writes capitalised mid-sentence and never
    /// in lower case ("Rajasthan" opening a sentence is still one).
    pub fn is_name(&self, t: &Term) -> bool {
        self.names.contains(t.key.as_str())
    }

    /// Passages that state a figure of this value (in order).
    pub fn passages_with_value(&self, value: f64) -> &[u32] {
        self.values
            .get(&value_key(value))
            .map_or(&[], |v| v.as_slice())
    }

    /// Passages that state a figure within `rel` of `value` (relative, either side), the
    /// `limit` closest first (ties in passage order), each once.
    pub fn passages_near_value(&self, value: f64, rel: f64, limit: usize) -> Vec<u32> {
        let (lo, hi) = {
            let (a, b) = (value * (1.0 - rel), value * (1.0 + rel));
            (a.min(b), a.max(b))
        };
        let from = self.sorted_values.partition_point(|x| x.0 < lo);
        let to = self.sorted_values.partition_point(|x| x.0 <= hi);
        let mut near: Vec<(f64, u32)> = self.sorted_values[from..to]
            .iter()
            .map(|&(v, pi)| ((v - value).abs(), pi))
            .collect();
        near.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let mut out: Vec<u32> = Vec::new();
        for (_, pi) in near {
            if out.len() >= limit {
                break;
            }
            if !out.contains(&pi) {
                out.push(pi);
            }
        }
        out
    }

    /// Inverse document frequency of a key (rare words weigh more). A word the corpus
    /// never uses cannot tell passages apart: it weighs like a common one.
    /// The distinct keys of passage `pi`.
    pub fn keyset(&self, pi: usize) -> KeySet<'_> {
        let (a, b) = (self.keyset_starts[pi], self.keyset_starts[pi + 1]);
        KeySet {
            ids: &self.keyset_ids[a as usize..b as usize],
            index: self,
        }
    }

    pub fn idf(&self, key: &str) -> f64 {
        let df = self.postings.get(key).map(|p| p.len()).unwrap_or(0) as f64;
        if df == 0.0 {
            return 0.5;
        }
        let n = self.doc_count as f64;
        ((n - df + 0.5) / (df + 0.5) + 1.0).ln().max(0.05)
    }

    /// Words in more than a quarter of the passages (and at least three): the corpus's
    /// subject ("TTP" in a corpus on the TTP), not what tells two passages apart.
    pub fn is_common(&self, key: &str) -> bool {
        let df = self.postings.get(key).map(|p| p.len()).unwrap_or(0);
        df > 3 && df * 4 > self.doc_count
    }

    /// Vocabulary keys within one edit of `key` (strsim-confirmed), other than itself.
    pub fn near_keys(&self, key: &str) -> Vec<String> {
        let n = key.chars().count();
        if !(3..=MAX_FUZZY_CHARS).contains(&n) {
            return Vec::new();
        }
        let mut out: Vec<String> = Vec::new();
        for v in deletion_variants(key) {
            if let Some(list) = self.deletions.get(&v) {
                for cand in list {
                    if cand != key && !out.contains(cand) {
                        let d = strsim::damerau_levenshtein(key, cand);
                        // short words: only one substitution or transposition, same length
                        let ok = if n <= 4 {
                            d == 1 && cand.chars().count() == n
                        } else {
                            d <= 1
                        };
                        if ok {
                            out.push(cand.clone());
                        }
                    }
                }
            }
        }
        out.sort();
        out
    }

    /// Up to `k` candidate passages for query terms, by BM25 over exact and near keys.
    /// `also`: passages to keep beyond the top `k` (up to `k / 4` of them), such as
    /// those of the cited sources.
    pub fn candidates(&self, query: &[Term], k: usize, also: &dyn Fn(usize) -> bool) -> Vec<usize> {
        // dense scores over all passages: cheaper than a map for the common keys
        let mut scores = vec![0.0f64; self.terms.len()];
        let mut touched: Vec<u32> = Vec::new();
        let mut seen = HashSet::new();
        for t in query {
            if !seen.insert(t.key.as_str()) {
                continue;
            }
            let near = self.near_keys(&t.key);
            let keys = std::iter::once((t.key.as_str(), 1.0))
                .chain(near.iter().map(|n| (n.as_str(), 0.8)));
            for (key, w) in keys {
                let Some(list) = self.postings.get(key) else {
                    continue;
                };
                let idf = self.idf(key);
                for &pi in list {
                    let len = self.terms[pi as usize].len() as f64;
                    let bm = idf * 2.2 / (1.0 + 1.2 * (0.25 + 0.75 * len / self.avg_len));
                    if scores[pi as usize] == 0.0 {
                        touched.push(pi);
                    }
                    scores[pi as usize] += w * bm;
                }
            }
        }
        let mut ranked: Vec<(u32, f64)> = touched
            .into_iter()
            .map(|p| (p, scores[p as usize]))
            .collect();
        let order = |a: &(u32, f64), b: &(u32, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        let mut extra: Vec<(u32, f64)> = Vec::new();
        if ranked.len() > k && k > 0 {
            ranked.select_nth_unstable_by(k - 1, order);
            extra = ranked.split_off(k);
            extra.retain(|(p, _)| also(*p as usize));
            extra.sort_by(order);
            extra.truncate((k / 4).max(1));
        }
        ranked.sort_by(order);
        ranked.extend(extra);
        ranked.into_iter().map(|(p, _)| p as usize).collect()
    }
}

/// A figure value as a key: equal to a thousandth (values are read from decimals).
fn value_key(v: f64) -> i64 {
    (v * 1000.0).round() as i64
}

/// Passages that can be evidence: prose, not reference lists or navigation.
pub fn is_evidence(p: &Passage) -> bool {
    p.kind == PassageKind::Prose
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(a: &Analyzer, t: &str) -> Vec<String> {
        a.terms(t, &[])
            .into_iter()
            .map(|t| t.key.to_string())
            .collect()
    }

    #[test]
    fn aliases_become_one_name() {
        let a = Analyzer::new(&crate::lexicon::entities(&["conflict".to_string()]));
        assert_eq!(keys(&a, "Tehrik-i-Taliban Pakistan (TTP)"), ["ttp", "ttp"]);
        assert_eq!(keys(&a, "the Pakistani Taliban"), ["ttp"]);
        assert_eq!(keys(&a, "Tehreek-e-Taliban Pakistan"), ["ttp"]);
        let custom = Analyzer::new(&[Entity {
            name: "PIPS".into(),
            aliases: vec!["Pak Institute".into()],
        }]);
        assert_eq!(keys(&custom, "the Pak Institute said"), ["pips"]);
        // the neutral lexicon's countries by their other names
        let neutral = Analyzer::new(&crate::lexicon::entities(&[]));
        assert_eq!(
            keys(&neutral, "the United Kingdom"),
            keys(&neutral, "the UK")
        );
        assert_eq!(
            keys(&neutral, "the United States"),
            keys(&neutral, "the USA")
        );
    }

    #[test]
    fn synonyms_share_a_key() {
        let a = Analyzer::new(&[]);
        assert_eq!(a.key("freed"), a.key("released"));
        assert_eq!(a.key("killed"), a.key("fatalities"));
        assert_eq!(a.key("rose"), a.key("increase"));
        assert_ne!(a.key("prisoners"), a.key("attacks"));
    }

    #[test]
    fn a_profile_adds_its_synonym_groups() {
        let plain = Analyzer::new(&[]);
        assert_ne!(plain.key("afghans"), plain.key("afghanistan"));
        let conflict = Analyzer::with_profiles(&[], &["conflict".to_string()]);
        assert_eq!(conflict.key("afghans"), conflict.key("afghanistan"));
        assert_eq!(conflict.key("freed"), conflict.key("released"));
    }

    #[test]
    fn figures_and_years_are_masked() {
        let a = Analyzer::new(&[]);
        let text = "The Taliban freed 780 TTP prisoners in 2021";
        let figs = crate::figure::extract_figures(text);
        let k: Vec<String> = a
            .terms_masking(text, &figs)
            .into_iter()
            .map(|t| t.key.to_string())
            .collect();
        assert_eq!(k, ["taliban", "release", "ttp", "prison"]);
    }

    #[test]
    fn misspelled_acronym_is_near() {
        let mut c = Corpus::default();
        c.add_source(crate::corpus::Source::new(
            "a".into(),
            "a.txt".into(),
            "a.txt".into(),
            "A strike on the TPP in Afghanistan killed many people there.".into(),
            None,
        ));
        let idx = Index::build(&c, Analyzer::new(&[]));
        assert_eq!(idx.near_keys("ttp"), ["tpp"]);
        let q = idx.analyzer.terms("TTP strike", &[]);
        assert_eq!(idx.candidates(&q, 5, &|_| false), [0]);
    }

    #[test]
    fn a_passages_keyset_holds_its_distinct_keys_in_key_order() {
        let mut c = Corpus::default();
        c.add_source(crate::corpus::Source::new(
            "a".into(),
            "a.txt".into(),
            "a.txt".into(),
            "Floods hit the valley and floods hit the coast. Drought hit the plains.".into(),
            None,
        ));
        let idx = Index::build(&c, Analyzer::new(&[]));
        let expected = |pi: usize| -> Vec<String> {
            let set: BTreeSet<String> = idx.terms[pi].iter().map(|t| t.key.to_string()).collect();
            set.into_iter().collect()
        };
        for pi in 0..c.passages.len() {
            let got: Vec<&str> = idx.keyset(pi).iter().collect();
            assert_eq!(got, expected(pi), "passage {pi}");
        }
        let first = idx.keyset(0);
        assert!(first.has_key(&idx.terms[0][0].key));
        // a key of the corpus the passage lacks, and one the corpus lacks
        let other = idx.terms[1]
            .iter()
            .find(|t| !expected(0).iter().any(|k| t.key == k.as_str()));
        assert!(other.is_some_and(|t| !first.has_key(&t.key)));
        assert!(!first.has_key("zzzz"));
    }
}
