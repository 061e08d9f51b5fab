//! Provenance: which sources copy which, what each source cites, and who a passage
//! attributes its figure to.
//!
//! Derivation uses exact shingles (5-word runs) through an inverted index, so sources
//! are compared only where they share text; the share of a source's shingles found in
//! another (containment) says it copies or rewrites that other. Dates, when known, pick
//! the origin; without them the source mostly contained in the other is the copy.

use crate::cite::{inline_citations, Resolver};
use crate::corpus::Corpus;
use crate::index::is_evidence;
use crate::judge::{Judgment, Verdict};
use crate::segment::PassageKind;
use rayon::prelude::*;
use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{Hash, Hasher};

/// Words per shingle.
const SHINGLE: usize = 5;
/// Share of a source's shingles found in another for it to be a copy or rewrite.
const CONTAINMENT: f64 = 0.25;
/// A lower share suffices when the source also names the other ("as noted by USIP").
const CONTAINMENT_ATTRIBUTED: f64 = 0.12;

/// A work a source or passage cites.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cite {
    /// As written: "Mir, 2022", "the Pakistan Institute for Conflict and Security Studies".
    pub text: String,
    /// The corpus source it is, if any.
    pub source: Option<usize>,
    /// The reference-list entry it was matched through, if any.
    pub reference: Option<String>,
}

/// Provenance of a whole corpus.
#[derive(Debug, Default)]
pub struct Provenance {
    /// Per source: the sources it copies or rewrites.
    pub derived_from: Vec<Vec<usize>>,
    /// Per source: what it cites (inline citations, then reference-list entries).
    pub cites: Vec<Vec<Cite>>,
    /// Per passage: who the passage attributes its content to.
    pub attributions: Vec<Vec<Cite>>,
    /// Per source: share of its shingles found in each other source (for `sources`).
    pub overlap: Vec<BTreeMap<usize, f64>>,
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// The shingle hashes of one source's evidence passages.
pub fn shingles_of<'a>(passages: impl Iterator<Item = &'a crate::corpus::Passage>) -> Vec<u64> {
    let mut out = BTreeSet::new();
    for p in passages.filter(|p| is_evidence(p)) {
        let w = words(&p.text);
        for win in w.windows(SHINGLE) {
            let mut h = DefaultHasher::new();
            win.hash(&mut h);
            out.insert(h.finish());
        }
    }
    out.into_iter().collect()
}

/// Each source's passages, as ranges of `corpus.passages` (they are contiguous, in
/// source order; a corpus built otherwise falls back to a grouping pass).
fn passage_ranges(corpus: &Corpus) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); corpus.sources.len()];
    for (pi, p) in corpus.passages.iter().enumerate() {
        if let Some(list) = out.get_mut(p.source) {
            list.push(pi);
        }
    }
    out
}

/// Names a source goes by, for attribution phrases ("as noted by the United States
/// Institute of Peace").
fn names(corpus: &Corpus, s: usize) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(m) = &corpus.sources[s].meta {
        out.extend(m.publisher.iter().cloned());
        out.extend(m.author.iter().cloned());
        out.extend(m.aliases.iter().filter(|a| a.len() > 3).cloned());
    }
    out.into_iter().map(|n| n.to_lowercase()).collect()
}

/// Whether the text of a source (lowercased once by the caller) names `other`.
fn mentions(lowered: &str, corpus: &Corpus, other: usize) -> bool {
    names(corpus, other)
        .iter()
        .any(|n| lowered.contains(n.as_str()))
}

/// The reference-list entry of `source` that a short citation ("Mir, 2022") points to.
fn reference_entry(references: &[String], cite: &str) -> Option<String> {
    let surname = cite
        .split([',', ' ', '&'])
        .find(|w| w.starts_with(char::is_uppercase))?
        .to_string();
    let year: String = cite
        .chars()
        .filter(|c| c.is_ascii_digit())
        .take(4)
        .collect();
    references
        .iter()
        .find(|t| t.starts_with(&surname) && (year.is_empty() || t.contains(&format!("({year}"))))
        .cloned()
}

/// "The Pak Institute for Peace Studies (PIPS), an Islamabad-based research organization,
/// reported …": an organisation as the subject of a reporting verb.
fn reporting_subject(sentence: &str) -> Option<String> {
    const VERBS: &[&str] = &[
        " reported ",
        " recorded ",
        " counted ",
        " estimated ",
        " found ",
        " said ",
        " says ",
        " estimates ",
        " reports ",
    ];
    let verb_at = VERBS
        .iter()
        .filter_map(|v| crate::text::find_ascii_ci(sentence, v, 0))
        .min()?;
    let head = &sentence[..verb_at];
    let name_end = head.find([',', '(']).unwrap_or(head.len());
    let name = head[..name_end].trim();
    let name = name.strip_prefix("The ").unwrap_or(name);
    let capitalised = name
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    let org = crate::lexicon::organisation_words();
    if capitalised >= 2
        && org.iter().any(|o| name.contains(o.as_str()))
        && name.split_whitespace().count() <= 10
    {
        Some(name.to_string())
    } else {
        None
    }
}

/// What one passage cites, as written: its inline citations ("Mir, 2022", "according
/// to PIPS") and the organisation that is the subject of its reporting verb; for a
/// reference-list line, the line itself. Read once per passage (and kept in the
/// persisted index), then resolved against the corpus on every run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PassageCites {
    pub inline: Vec<String>,
    pub subject: Option<String>,
    pub reference: Option<String>,
}

/// The citations of one passage, as written (see [`PassageCites`]).
pub fn passage_cites(p: &crate::corpus::Passage) -> PassageCites {
    passage_cites_with(p, || inline_citations(&p.text))
}

/// [`passage_cites`] with the inline citations of a prose passage found by `inline`
/// (already, when its terms were analysed).
pub fn passage_cites_with(
    p: &crate::corpus::Passage,
    inline: impl FnOnce() -> Vec<crate::cite::InlineCitation>,
) -> PassageCites {
    match p.kind {
        PassageKind::Prose => PassageCites {
            inline: inline().into_iter().map(|c| c.text).collect(),
            subject: reporting_subject(&p.text),
            reference: None,
        },
        PassageKind::Reference => PassageCites {
            reference: Some(
                p.text
                    .trim()
                    .trim_start_matches(['-', '*', ' '])
                    .to_string(),
            ),
            ..Default::default()
        },
        PassageKind::Meta => PassageCites::default(),
    }
}

/// Every distinct citation text of the corpus (inline citations, reporting subjects,
/// reference-list lines) resolved once, in parallel.
fn resolve_all(cites: &[PassageCites], resolver: &Resolver) -> HashMap<String, Option<usize>> {
    let mut texts: BTreeSet<&str> = BTreeSet::new();
    for c in cites {
        texts.extend(c.inline.iter().map(String::as_str));
        texts.extend(c.subject.as_deref());
        texts.extend(c.reference.as_deref());
    }
    texts
        .into_par_iter()
        .map(|t| {
            let r = resolver.resolve(t);
            (t.to_string(), r)
        })
        .collect()
}

impl Provenance {
    pub fn analyze(corpus: &Corpus) -> Provenance {
        Provenance::analyze_with(corpus, None, None)
    }

    /// [`Provenance::analyze`] with each source's shingles (see [`shingles_of`], in
    /// source order) and each passage's citations (see [`passage_cites`]) already read,
    /// as the persisted index keeps them.
    pub fn analyze_with(
        corpus: &Corpus,
        precomputed: Option<Vec<Vec<u64>>>,
        cites_read: Option<Vec<PassageCites>>,
    ) -> Provenance {
        let n = corpus.sources.len();
        let mut span = crate::timings::stage("provenance.copies");
        span.total(n);
        let sets: Vec<Vec<u64>> = match precomputed {
            Some(sets) if sets.len() == n => sets,
            _ => {
                // one pass groups the passages by source: each source reads only its own
                let by_source = passage_ranges(corpus);
                by_source
                    .par_iter()
                    .map(|list| {
                        crate::timings::tick();
                        shingles_of(list.iter().map(|&pi| &corpus.passages[pi]))
                    })
                    .collect()
            }
        };
        span.count("sources", n);
        span.count("shingles", sets.iter().map(Vec::len).sum());
        // inverted index: shingle -> sources, so only sources sharing text are compared;
        // as (shingle, source) pairs sorted by shingle (in parallel), not a hash map of
        // millions of lists. A source's shingles are distinct, so a run's sources are too.
        let pairs_span = crate::timings::stage("provenance.pairs");
        let mut pairs: Vec<(u64, u32)> = Vec::with_capacity(sets.iter().map(Vec::len).sum());
        for (s, set) in sets.iter().enumerate() {
            pairs.extend(set.iter().map(|&h| (h, s as u32)));
        }
        pairs.par_sort_unstable();
        let mut shared: Vec<BTreeMap<usize, usize>> = vec![BTreeMap::new(); n];
        for run in pairs.chunk_by(|a, b| a.0 == b.0) {
            if run.len() > 1 && run.len() <= 8 {
                for &(_, a) in run {
                    for &(_, b) in run {
                        if a != b {
                            *shared[a as usize].entry(b as usize).or_default() += 1;
                        }
                    }
                }
            }
        }
        drop(pairs);
        drop(pairs_span);
        let mut graph_span = crate::timings::stage("provenance.graph");
        graph_span.count("pairs", shared.iter().map(BTreeMap::len).sum());
        let mut overlap = vec![BTreeMap::new(); n];
        let mut derived_from = vec![Vec::new(); n];
        for a in 0..n {
            for (&b, &count) in &shared[a] {
                let ca = count as f64 / sets[a].len().max(1) as f64;
                overlap[a].insert(b, ca);
            }
        }
        let mut lowered: Vec<Option<String>> = vec![None; n];
        for a in 0..n {
            for (&b, &ca) in &overlap[a] {
                let cb = overlap[b].get(&a).copied().unwrap_or(0.0);
                // whether `a` names `b` matters only between the two thresholds: the
                // whole text is lowercased and searched only then
                if ca < CONTAINMENT_ATTRIBUTED {
                    continue;
                }
                if ca < CONTAINMENT {
                    let lowered =
                        lowered[a].get_or_insert_with(|| corpus.sources[a].text.to_lowercase());
                    if !mentions(lowered, corpus, b) {
                        continue;
                    }
                }
                // a copies b unless b is the copy: dates first, then who contains whom
                let date = |s: usize| corpus.sources[s].meta.as_ref().and_then(|m| m.date.clone());
                let a_is_copy = match (date(a), date(b)) {
                    (Some(da), Some(db)) if da != db => da > db,
                    _ => ca > cb || (ca == cb && a > b),
                };
                if a_is_copy && !derived_from[a].contains(&b) {
                    derived_from[a].push(b);
                }
            }
        }
        // two reprints of one story share text because both copy it: keep only the edge
        // to the common origin ("daily" and "portal" both copy "wire")
        let edges = derived_from.clone();
        for (a, from) in derived_from.iter_mut().enumerate() {
            from.retain(|b| !edges[a].iter().any(|c| c != b && edges[*b].contains(c)));
        }
        graph_span.count("edges", edges.iter().map(Vec::len).sum());
        drop(graph_span);
        drop(span);
        let mut span = crate::timings::stage("provenance.citations");
        // citations
        let read: Vec<PassageCites> = match cites_read {
            Some(c) if c.len() == corpus.passages.len() => c,
            _ => corpus.passages.par_iter().map(passage_cites).collect(),
        };
        let resolver = Resolver::new(corpus);
        let memo = resolve_all(&read, &resolver);
        span.count("distinct", memo.len());
        let resolve = |t: &str| match memo.get(t) {
            Some(found) => *found,
            None => resolver.resolve(t),
        };
        let mut cites = vec![Vec::new(); n];
        // each source's reference list, once
        let mut references: Vec<Vec<String>> = vec![Vec::new(); n];
        for (p, c) in corpus.passages.iter().zip(&read) {
            if let Some(r) = &c.reference {
                references[p.source].push(r.clone());
            }
        }
        let mut attributions = vec![Vec::new(); corpus.passages.len()];
        for (pi, (p, read)) in corpus.passages.iter().zip(&read).enumerate() {
            let s = p.source;
            match p.kind {
                PassageKind::Prose => {
                    let mut found: Vec<(String, Option<String>)> = read
                        .inline
                        .iter()
                        .map(|c| {
                            let r = reference_entry(&references[s], c);
                            (c.clone(), r)
                        })
                        .collect();
                    if let Some(subject) = &read.subject {
                        if !found.iter().any(|(t, _)| {
                            subject.contains(t.as_str()) || t.contains(subject.as_str())
                        }) {
                            found.push((subject.clone(), None));
                        }
                    }
                    for (text, reference) in found {
                        let target = reference
                            .as_deref()
                            .and_then(resolve)
                            .or_else(|| resolve(&text))
                            .filter(|t| *t != s);
                        let c = Cite {
                            text,
                            source: target,
                            reference,
                        };
                        attributions[pi].push(c.clone());
                        if !cites[s].iter().any(|x: &Cite| x.text == c.text) {
                            cites[s].push(c);
                        }
                    }
                }
                PassageKind::Reference => {
                    let text = read.reference.clone().unwrap_or_default();
                    let target = resolve(&text).filter(|t| *t != s);
                    if !cites[s].iter().any(|x: &Cite| x.text == text) {
                        cites[s].push(Cite {
                            text,
                            source: target,
                            reference: None,
                        });
                    }
                }
                PassageKind::Meta => {}
            }
        }
        for d in &mut derived_from {
            d.sort();
        }
        drop(span);
        Provenance {
            derived_from,
            cites,
            attributions,
            overlap,
        }
    }

    /// The origin of a source: follow `derived_from` to a source that copies nobody.
    pub fn root(&self, s: usize) -> usize {
        let mut cur = s;
        let mut seen = BTreeSet::new();
        while let Some(&next) = self.derived_from.get(cur).and_then(|d| d.first()) {
            if !seen.insert(cur) {
                break;
            }
            cur = next;
        }
        cur
    }

    /// How many independent sources among `sources`: a source and its copies count once.
    pub fn independent(&self, sources: &[usize]) -> usize {
        sources
            .iter()
            .map(|s| self.root(*s))
            .collect::<BTreeSet<_>>()
            .len()
    }

    /// Notes riding on a verdict, and the number of independent supporting sources.
    pub fn notes(&self, corpus: &Corpus, j: &Judgment) -> (Vec<String>, usize) {
        let mut notes = Vec::new();
        let supports = j.supporting_passages();
        let sources: Vec<usize> = supports
            .iter()
            .map(|p| corpus.passages[*p].source)
            .collect();
        let independent = self.independent(&sources);
        if matches!(
            j.verdict,
            Verdict::Supported | Verdict::Conflict | Verdict::Miscited
        ) && !supports.is_empty()
        {
            if supports.iter().all(|p| {
                self.attributions
                    .get(*p)
                    .is_some_and(|a| a.iter().any(|c| c.source.is_none()))
            }) {
                notes.push("secondary".to_string());
            }
            if sources.iter().all(|s| !self.derived_from[*s].is_empty()) {
                notes.push("derived".to_string());
            }
        }
        if j.superseded && j.verdict == Verdict::Supported {
            notes.push("superseded".to_string());
        }
        (notes, independent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Source;

    fn corpus(docs: &[(&str, &str)]) -> Corpus {
        let mut c = Corpus::default();
        for (id, text) in docs {
            c.add_source(Source::new(
                id.to_string(),
                id.into(),
                id.to_string(),
                text.to_string(),
                None,
            ));
        }
        c
    }

    const ORIGINAL: &str = "In 2021, the Tehreek-e-Taliban Pakistan insurgency escalated its challenge against Pakistan. Operating from bases in Afghanistan, and with a growing presence inside Pakistan, the group mounted an increasing number of attacks against Pakistani security forces. The depth of the relationship became evident after the August takeover. Almost immediately, Taliban leadership released senior leaders and a large number of fighters imprisoned by the former government. The regime also appears to have provided the top leadership with de-facto political asylum and freedom of movement within Afghanistan.";

    #[test]
    fn a_rewrite_derives_from_its_original() {
        let copy = "Report. In 2021, the Tehreek-e-Taliban Pakistan insurgency escalated its tirade against Pakistan. Operating from bases in Afghanistan and with a growing presence inside Pakistan, the group mounted an increasing number of attacks against Pakistani security forces, as noted by analysts. Almost immediately, Taliban leadership released senior leaders and a large number of fighters imprisoned by the former government.";
        let c = corpus(&[("original", ORIGINAL), ("copy", copy)]);
        let p = Provenance::analyze(&c);
        assert_eq!(p.derived_from[1], [0]);
        assert!(p.derived_from[0].is_empty());
        assert_eq!(p.independent(&[0, 1]), 1);
    }

    #[test]
    fn unrelated_reports_on_the_same_topic_are_not_linked() {
        let other = "The Pakistani Taliban carried out more attacks in 2021 than in any year since 2014. Analysts in Islamabad say the group has grown since the Taliban took Kabul in August. Its fighters move freely across the border and the government has few options left.";
        let c = corpus(&[("original", ORIGINAL), ("other", other)]);
        let p = Provenance::analyze(&c);
        assert!(p.derived_from.iter().all(|d| d.is_empty()));
        assert_eq!(p.independent(&[0, 1]), 2);
    }

    #[test]
    fn citations_link_through_the_reference_list() {
        let paper = "Taliban leadership released senior leaders (Mir, 2022). Afzal (2022) says attacks rose 42% in 2021.\n\nReferences\n\n- Afzal, M. (2022, February 11). *Pakistan's ambivalent approach*. Brookings.\n- Mir, A. (2022, January 19). *After the Taliban's Takeover: Pakistan's TTP problem*. USIP.\n";
        let mut c = corpus(&[("paper", paper)]);
        c.add_source(Source::new(
            "usip".into(),
            "usip".into(),
            "usip".into(),
            "After the Taliban's Takeover: Pakistan's TTP Problem\n\nThe TTP grew.".into(),
            Some(crate::config::SourceMeta {
                id: "usip".into(),
                title: Some("After the Taliban's Takeover: Pakistan's TTP Problem".into()),
                author: Some("Asfandyar Mir".into()),
                date: Some("2022-01-19".into()),
                ..Default::default()
            }),
        ));
        let p = Provenance::analyze(&c);
        let mir = p.cites[0].iter().find(|x| x.text == "Mir, 2022").unwrap();
        assert_eq!(mir.source, Some(1));
        assert!(mir
            .reference
            .as_deref()
            .unwrap()
            .starts_with("Mir, A. (2022"));
        let afzal = p.cites[0]
            .iter()
            .find(|x| x.text == "Afzal (2022)")
            .unwrap();
        assert!(afzal.reference.as_deref().unwrap().starts_with("Afzal, M."));
        assert_eq!(afzal.source, None);
    }

    #[test]
    fn reporting_subjects_are_attributions() {
        assert_eq!(
            reporting_subject("The Pak Institute for Peace Studies (PIPS), an Islamabad-based research organization, reported more than 100 attacks").as_deref(),
            Some("Pak Institute for Peace Studies")
        );
        assert_eq!(reporting_subject("The group reported nothing new."), None);
    }
}
