//! Citations: "(Mir, 2022)", "Mir (2022)", "according to the United States Institute of
//! Peace", footnote definitions and links, resolved to corpus sources by their metadata.

use crate::corpus::Corpus;
use std::collections::HashMap;
use std::ops::Range;

/// A citation written inside a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineCitation {
    /// What names the cited work: "Mir, 2022", "the United States Institute of Peace".
    pub text: String,
    pub span: Range<usize>,
}

fn words_lower(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

fn contains_phrase(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// Citations inside a sentence: author–year forms and attribution phrases.
pub fn inline_citations(sentence: &str) -> Vec<InlineCitation> {
    let mut out = Vec::new();
    // parenthesised author-year: (Mir, 2022) (Sayed & Hamming, 2021) (Jadoon et al., 2022; Mir, 2021)
    let mut i = 0;
    while let Some(open) = sentence[i..].find('(').map(|p| p + i) {
        let Some(close) = sentence[open..].find(')').map(|p| p + open) else {
            break;
        };
        let inner = &sentence[open + 1..close];
        for part in inner.split(';') {
            let part_trim = part.trim();
            let has_year = part_trim
                .rsplit(|c: char| !c.is_ascii_digit())
                .next()
                .is_some_and(|y| y.len() == 4)
                || part_trim.contains(", 19")
                || part_trim.contains(", 20");
            let starts_name = part_trim.starts_with(|c: char| c.is_uppercase());
            if has_year && starts_name && part_trim.contains(',') {
                let start = open
                    + 1
                    + (part.as_ptr() as usize - inner.as_ptr() as usize)
                    + (part.len() - part.trim_start().len());
                out.push(InlineCitation {
                    text: part_trim.to_string(),
                    span: start..start + part_trim.len(),
                });
            }
        }
        i = close + 1;
    }
    // Name (2022) / Name and Name (2021) / Name et al. (2022)
    let mut k = 0;
    while let Some(p) = sentence[k..].find(" (").map(|p| p + k) {
        let after = &sentence[p + 2..];
        let year_then_close = after
            .get(..4)
            .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()))
            && after.get(4..).is_some_and(|r| r.starts_with(')'));
        if year_then_close {
            if let Some(start) = author_before(&sentence[..p]) {
                // as written: "Afzal (2022)"
                out.push(InlineCitation {
                    text: sentence[start..p + 7].to_string(),
                    span: start..p + 7,
                });
            }
        }
        k = p + 2;
    }
    // a closing attribution: "…, the Counter Extremism Project says."
    if let Some(c) = closing_attribution(sentence) {
        out.push(c);
    }
    // attribution phrases: "according to X", "as noted by X", "X reported"
    for phrase in [
        "according to ",
        "as noted by ",
        "as analyzed by ",
        "as analysed by ",
        "as reported by ",
        "reported by ",
        "cited by ",
        "quoted by ",
        "published by ",
    ] {
        let mut from = 0;
        while let Some(p) = crate::text::find_ascii_ci(sentence, phrase, from) {
            let start = p + phrase.len();
            let end = start + name_len(&sentence[start..]);
            let name = sentence[start..end].trim();
            if !name.is_empty() && name.split(' ').count() <= 10 {
                out.push(InlineCitation {
                    text: name.to_string(),
                    span: start..start + name.len(),
                });
            }
            from = start;
        }
    }
    out.sort_by_key(|c| c.span.start);
    out.dedup_by(|a, b| a.span.start == b.span.start);
    out
}

/// Where the author's name ends just before " (2022)" begins: the capitalised words (and
/// "&", "and", "et al.") right before the year, at most four; `None` when there are none.
fn author_before(before: &str) -> Option<usize> {
    let name_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, ' ' | '&' | '.' | '-' | '\'')))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let mut start = None;
    let mut taken = 0;
    let region = &before[name_start..];
    // words with their offsets, last first
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for w in region.split(' ') {
        if !w.is_empty() {
            words.push((pos, w));
        }
        pos += w.len() + 1;
    }
    for &(at, w) in words.iter().rev() {
        if w.starts_with(char::is_uppercase) || matches!(w, "&" | "and" | "et" | "al.") {
            start = Some((name_start + at, w));
            taken += 1;
        } else {
            break;
        }
        if taken >= 4 {
            break;
        }
    }
    let (start, first) = start?;
    first.starts_with(char::is_uppercase).then_some(start)
}

/// "…, the Counter Extremism Project says." / "…, PIPS reported.": a name and a
/// reporting verb closing the sentence after a comma.
fn closing_attribution(sentence: &str) -> Option<InlineCitation> {
    let trimmed = sentence.trim_end().trim_end_matches(['.', '"', '”', ')']);
    let comma = trimmed.rfind(',')?;
    let tail = &trimmed[comma + 1..];
    let mut words: Vec<&str> = tail.split_whitespace().collect();
    let verb = words.pop()?;
    if !matches!(
        verb,
        "says"
            | "said"
            | "reports"
            | "reported"
            | "notes"
            | "noted"
            | "found"
            | "estimates"
            | "estimated"
            | "writes"
            | "wrote"
    ) {
        return None;
    }
    let named = words.iter().any(|w| w.starts_with(char::is_uppercase));
    if !named || words.len() > 8 {
        return None;
    }
    // "the" before the name is not part of it: neither of its text nor of its span
    let name = match words.split_first() {
        Some((&"the", rest)) if !rest.is_empty() => rest,
        _ => &words[..],
    };
    // the words are slices of `tail`: their offsets are exact whatever the spacing
    let offset = |w: &str| comma + 1 + (w.as_ptr() as usize - tail.as_ptr() as usize);
    let start = offset(name.first()?);
    let last = name.last()?;
    let end = offset(last) + last.len();
    // the text is the span as written (a line break or a double space inside the name
    // stays): `text` and `span` always agree
    Some(InlineCitation {
        text: trimmed[start..end].to_string(),
        span: start..end,
    })
}

/// How far the name after "according to" runs: capitalised words and the small words
/// inside names ("the Pakistan Institute for Conflict and Security Studies"), plus a
/// trailing "officials" or "data"; never into the rest of the sentence.
fn name_len(rest: &str) -> usize {
    let (joiners, tails) = (crate::lexicon::name_joiners(), crate::lexicon::name_tails());
    let mut end = 0;
    let mut pos = 0;
    let mut named = false;
    for word in rest.split_inclusive(' ') {
        let w = word.trim_end();
        let bare = w.trim_end_matches([',', ';', '.', ':', ')', '—']);
        let capital = bare.starts_with(char::is_uppercase);
        if capital {
            named = true;
            end = pos + bare.len();
        } else if named && tails.iter().any(|t| t == bare) {
            end = pos + bare.len();
            break;
        } else if !joiners.iter().any(|t| t == bare) {
            break;
        }
        if bare.len() != w.len() {
            break; // punctuation ends the name
        }
        pos += word.len();
    }
    if named {
        end
    } else {
        0
    }
}

/// What a source is known by, lowercased once (resolving is called for every
/// citation of every source and every draft sentence).
struct Known {
    id: Vec<String>,
    id_len: usize,
    stem: Option<String>,
    title: Option<(String, Vec<String>)>,
    surname: Option<String>,
    publisher: Vec<String>,
    url: Option<String>,
    date: Option<String>,
    aliases: Vec<Vec<String>>,
}

/// Resolves citation texts to corpus sources by their metadata: alias, id, author and
/// year, title, publisher or URL, falling back to a document's own first line.
pub struct Resolver {
    known: Vec<Known>,
    /// metadata word -> sources that have it: a citation is only scored against
    /// sources it shares a word with (every way of naming a source is made of words)
    by_word: HashMap<String, Vec<usize>>,
}

impl Resolver {
    pub fn new(corpus: &Corpus) -> Resolver {
        let known = corpus
            .sources
            .iter()
            .map(|s| {
                let meta = s.meta.as_ref();
                let title = meta
                    .and_then(|m| m.title.clone())
                    .or_else(|| {
                        if meta.is_none() {
                            first_line(&s.text)
                        } else {
                            None
                        }
                    })
                    .map(|t| (t.to_lowercase(), words_lower(&t)));
                Known {
                    id: words_lower(&s.id),
                    id_len: s.id.len(),
                    stem: s.path.file_stem().map(|x| x.to_string_lossy().into_owned()),
                    title,
                    surname: meta
                        .and_then(|m| m.author.as_deref())
                        .and_then(|a| a.split_whitespace().last())
                        .map(|x| x.to_lowercase()),
                    publisher: meta
                        .and_then(|m| m.publisher.as_deref())
                        .map(words_lower)
                        .unwrap_or_default(),
                    url: meta
                        .and_then(|m| m.url.as_deref())
                        .map(|u| u.trim_end_matches('/').to_string()),
                    date: meta.and_then(|m| m.date.clone()),
                    aliases: meta
                        .map(|m| m.aliases.iter().map(|a| words_lower(a)).collect())
                        .unwrap_or_default(),
                }
            })
            .collect::<Vec<Known>>();
        let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, k) in known.iter().enumerate() {
            let mut words: Vec<&String> =
                k.id.iter()
                    .chain(&k.publisher)
                    .chain(k.aliases.iter().flatten())
                    .collect();
            if let Some((_, tw)) = &k.title {
                words.extend(tw);
            }
            let extra: Vec<String> = k
                .surname
                .iter()
                .cloned()
                .chain(k.stem.iter().flat_map(|st| words_lower(st)))
                .chain(k.url.iter().flat_map(|u| words_lower(u)))
                .collect();
            for w in words.into_iter().cloned().chain(extra) {
                let list = by_word.entry(w).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        Resolver { known, by_word }
    }

    /// Sources sharing a metadata word with the citation, in corpus order. Words in
    /// most sources' metadata ("Taliban" in a corpus on the Taliban) pick nobody: a
    /// source named only by them cannot score anyway.
    fn candidates(&self, hay: &[String]) -> Vec<usize> {
        let n = self.known.len();
        let mut out: Vec<usize> = hay
            .iter()
            .filter_map(|w| self.by_word.get(w))
            .filter(|list| n <= 40 || list.len() * 4 <= n)
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The corpus source a citation text names, if any.
    pub fn resolve(&self, text: &str) -> Option<usize> {
        let hay = words_lower(text);
        if hay.is_empty() {
            return None;
        }
        let years: Vec<&str> = text
            .split(|c: char| !c.is_ascii_digit())
            .filter(|y| y.len() == 4 && (y.starts_with("19") || y.starts_with("20")))
            .collect();
        let quoted = quoted_part(text).map(|q| q.to_lowercase());
        let text_lower = text.to_lowercase();
        let work_year = work_year(text);
        let mut best: Option<(f64, usize)> = None;
        for i in self.candidates(&hay) {
            let k = &self.known[i];
            let mut score: f64 = 0.0;
            if k.id_len > 3 && contains_phrase(&hay, &k.id) {
                score += 3.0;
            }
            if k.stem.as_deref().is_some_and(|st| text.contains(st)) {
                score += 3.0;
            }
            for aw in &k.aliases {
                if contains_phrase(&hay, aw) {
                    // an author-year alias counts more than a bare acronym
                    score += if aw.len() > 1 { 3.0 } else { 2.0 };
                }
            }
            if let Some((t, tw)) = &k.title {
                // strsim only where the citation shares most of the title's words
                let long: Vec<&String> = tw.iter().filter(|w| w.len() > 3).collect();
                let shared = long.iter().filter(|w| hay.contains(w)).count();
                let worth_comparing = shared >= 2 && shared * 2 >= long.len();
                if tw.len() >= 3 && contains_phrase(&hay, tw) {
                    score += 3.0;
                } else if worth_comparing {
                    let cand = quoted.as_deref().unwrap_or(&text_lower);
                    let sim = strsim::sorensen_dice(t, cand);
                    if sim > 0.75 {
                        score += 2.5;
                    } else if sim > 0.55 {
                        score += 1.0;
                    }
                }
            }
            let date = k.date.as_deref();
            let year_match = date.is_some_and(|d| years.iter().any(|y| d.starts_with(y)));
            // the work's own year ("Mir, 2021", "Mir, A. (2021). … Retrieved 2022") must fit
            let year_clash = work_year
                .as_deref()
                .is_some_and(|y| date.is_some_and(|d| d.len() >= 4 && !d.starts_with(y)));
            if let Some(surname) = &k.surname {
                if !surname.is_empty() && hay.contains(surname) {
                    score += if year_match || years.is_empty() {
                        2.0
                    } else {
                        0.5
                    };
                }
            }
            if contains_phrase(&hay, &k.publisher) {
                score += 1.5;
            }
            if k.url.as_deref().is_some_and(|u| text.contains(u)) {
                score += 4.0;
            }
            if year_match {
                score += 0.3;
            }
            // another year is another work by the same people
            if year_clash {
                score -= 2.5;
            }
            if score >= 2.0 && best.is_none_or(|(b, _)| score > b) {
                best = Some((score, i));
            }
        }
        best.map(|(_, i)| i)
    }
}

/// The year of the cited work when the citation form makes it plain: "(2021" in a
/// reference entry, or the year of a short author–year citation.
fn work_year(text: &str) -> Option<String> {
    if let Some(p) = text.find('(') {
        let y: String = text[p + 1..].chars().take(4).collect();
        if y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()) {
            return Some(y);
        }
    }
    if text.len() <= 40 {
        return text
            .split(|c: char| !c.is_ascii_digit())
            .find(|y| y.len() == 4)
            .map(str::to_string);
    }
    None
}

fn quoted_part(text: &str) -> Option<String> {
    for (open, close) in [('"', '"'), ('“', '”'), ('*', '*')] {
        if let Some(a) = text.find(open) {
            let rest = &text[a + open.len_utf8()..];
            if let Some(b) = rest.find(close) {
                if b > 8 {
                    return Some(rest[..b].to_string());
                }
            }
        }
    }
    None
}

/// A document's first line of text: its title when it has no metadata.
fn first_line(text: &str) -> Option<String> {
    text.lines()
        .map(|l| l.trim().trim_matches(['#', '*', ' ']))
        .find(|l| l.split_whitespace().count() >= 3)
        .map(|l| l.chars().take(200).collect())
}

/// The source a Markdown link points at: by URL, path or file stem.
pub fn resolve_link(corpus: &Corpus, dest: &str) -> Option<usize> {
    let d = dest.trim().trim_end_matches('/');
    if d.is_empty() {
        return None;
    }
    for (i, s) in corpus.sources.iter().enumerate() {
        if let Some(u) = s.meta.as_ref().and_then(|m| m.url.as_deref()) {
            let u = u.trim_end_matches('/');
            if u == d || strip_scheme(u) == strip_scheme(d) {
                return Some(i);
            }
        }
        let file = s.display.as_str();
        if d.ends_with(file) || file.ends_with(d.trim_start_matches("./")) {
            return Some(i);
        }
        if let Some(stem) = s.path.file_stem() {
            let stem = stem.to_string_lossy();
            if d.rsplit('/')
                .next()
                .is_some_and(|last| last.trim_end_matches(".txt").trim_end_matches(".md") == stem)
            {
                return Some(i);
            }
        }
    }
    None
}

fn strip_scheme(u: &str) -> &str {
    u.trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        inline_citations(s).into_iter().map(|c| c.text).collect()
    }

    #[test]
    fn author_year_forms() {
        assert_eq!(
            texts("released senior TTP members (Mir, 2022)."),
            ["Mir, 2022"]
        );
        assert_eq!(
            texts("as the paper says (Sayed & Hamming, 2021; Walsh, 2020)."),
            ["Sayed & Hamming, 2021", "Walsh, 2020"]
        );
        assert_eq!(
            texts("Afzal (2022) outlines that attacks grew"),
            ["Afzal (2022)"]
        );
        assert_eq!(
            texts("Sayed and Hamming (2021) show"),
            ["Sayed and Hamming (2021)"]
        );
    }

    #[test]
    fn attribution_phrases() {
        assert_eq!(
            texts("According to the Pakistan Institute for Conflict and Security Studies, TTP militants carried out 33 attacks"),
            ["the Pakistan Institute for Conflict and Security Studies"]
        );
        assert_eq!(
            texts("as noted by the United States Institute of Peace."),
            ["the United States Institute of Peace"]
        );
        assert!(texts("The group killed 34 people in July.").is_empty());
        assert_eq!(
            texts("Security officials quoted by the Khyber News Service put the TTP's strength at 10,000."),
            ["the Khyber News Service"]
        );
        assert_eq!(
            texts("and, according to Pakistani officials, freed more"),
            ["Pakistani officials"]
        );
    }

    #[test]
    fn spans_slice_back() {
        let s = "attacks rose (Afzal, 2022) and Mir (2022) agrees, according to USIP.";
        for c in inline_citations(s) {
            assert!(s[c.span.clone()]
                .contains(c.text.split(',').next().unwrap().split(' ').next().unwrap()));
        }
    }
}
