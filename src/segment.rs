//! Segmentation: a source's text cut into passages (sentences) with byte spans into the
//! original file, repairing the damage text extraction leaves behind.
//!
//! Damage we repair: a sentence broken across a line break or a page break (a blank
//! line, "displaced up\n\nto one million"), sentences glued without a space
//! ("issues.In 2022"). Text we set apart: reference lists (they link citations and are
//! never evidence) and bylines/datelines. Spans always point at the original bytes: the
//! passage text is the original slice with line breaks turned into spaces, byte for byte.
//!
//! Hand-written: unicode-segmentation's sentence rules (UAX #29) keep "issues.In" glued
//! and split "U.S. government" and page-broken sentences, the two things we need most.

use std::ops::Range;

/// What a passage is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassageKind {
    /// A sentence of prose: evidence.
    Prose,
    /// An entry of a reference list or bibliography: links citations, never evidence.
    Reference,
    /// A heading, byline, dateline or navigation text: not evidence.
    Meta,
}

/// One passage: a byte range of the original text and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub span: Range<usize>,
    pub kind: PassageKind,
}

/// Lines shorter than this that end without punctuation are headings, not broken prose.
const HEADING_MAX: usize = 100;

const REFERENCE_HEADINGS: &[&str] = &[
    "references",
    "bibliography",
    "works cited",
    "sources",
    "notes",
    "endnotes",
    "footnotes",
    "citations",
    "further reading",
];

/// Abbreviations whose dot does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "lt", "col", "capt", "sgt", "rev", "no", "nos",
    "p", "pp", "vol", "fig", "vs", "e.g", "i.e", "al", "inc", "ltd", "co", "corp", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "ph.d",
    "u.s", "u.n", "u.k", "e.u", "gov", "govt", "dept", "ed", "eds", "cf", "op", "jr", "sr", "maj",
    "brig", "adm", "sen", "rep", "hon", "mt", "ft", "ave", "blvd",
];

/// A passage longer than this is cut at spaces into pieces of at most this length: no
/// sentence is that long, and a source without sentence breaks (a table dump, a page of
/// figures) must not become one passage that every later stage scans whole.
pub const MAX_PASSAGE_BYTES: usize = 2000;

/// `r` cut at whitespace into pieces of at most [`MAX_PASSAGE_BYTES`] (a piece without
/// whitespace is cut at a char boundary).
fn bounded(text: &str, r: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = r.start;
    std::iter::from_fn(move || {
        if start >= r.end {
            return None;
        }
        let from = start;
        if r.end - from <= MAX_PASSAGE_BYTES {
            start = r.end;
            return Some(from..r.end);
        }
        let limit = crate::text::floor_boundary(text, from + MAX_PASSAGE_BYTES);
        let cut = text[from..limit]
            .rfind(char::is_whitespace)
            .filter(|&p| p > 0)
            .map_or(limit, |p| from + p);
        let cut = if cut <= from {
            crate::text::ceil_boundary(text, from + 1)
        } else {
            cut
        };
        // the next piece starts at its first non-space
        start = cut + text[cut..r.end].len() - text[cut..r.end].trim_start().len();
        Some(trim_range(text, from..cut))
    })
    .filter(|r| !r.is_empty())
}

/// Cut `text` into passages.
pub fn segment(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    for (flow, kind) in flows(text) {
        if kind == PassageKind::Prose {
            for s in sentences(text, flow) {
                for s in bounded(text, s) {
                    let kind = classify(&text[s.clone()]);
                    out.push(Segment { span: s, kind });
                }
            }
        } else {
            out.extend(bounded(text, flow).map(|span| Segment { span, kind }));
        }
    }
    out
}

/// Sentences of one stretch of prose (a draft paragraph), as byte ranges of `text`.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    sentences(text, 0..text.len())
        .into_iter()
        .flat_map(|s| bounded(text, s).collect::<Vec<_>>())
        .collect()
}

/// The passage text for a span: line breaks become spaces so the byte offsets survive.
pub fn passage_text(text: &str, span: Range<usize>) -> String {
    let s = &text[span];
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // "mili-\ntants": the hyphen and break become an invisible joiner of the same
        // byte length (U+00AD is 2 bytes like "-\n", U+200B 3 like "-\r\n")
        if c == '-' && i > 0 && chars[i - 1].is_alphabetic() {
            let crlf = chars.get(i + 1) == Some(&'\r') && chars.get(i + 2) == Some(&'\n');
            let lf = chars.get(i + 1) == Some(&'\n');
            let after = chars.get(i + if crlf { 3 } else { 2 });
            if (lf || crlf) && after.is_some_and(|a| a.is_lowercase()) {
                out.push(if crlf { '\u{200B}' } else { '\u{AD}' });
                i += if crlf { 3 } else { 2 };
                continue;
            }
        }
        out.push(if c == '\n' || c == '\r' || c == '\t' {
            ' '
        } else {
            c
        });
        i += 1;
    }
    // running heads and page numbers inside a sentence broken by a page break are blanked
    let mut bytes = out.into_bytes();
    let mut start = 0;
    for line in s.split_inclusive('\n') {
        if is_page_furniture(line) {
            for b in &mut bytes[start..start + line.len()] {
                *b = b' ';
            }
        }
        start += line.len();
    }
    String::from_utf8(bytes).unwrap_or_default()
}

/// The invisible joiners `passage_text` puts where a word was broken across lines.
pub fn is_joiner(c: char) -> bool {
    c == '\u{AD}' || c == '\u{200B}'
}

/// Lines with their byte ranges (without the line break).
fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            let mut end = i;
            if end > start && text.as_bytes()[end - 1] == b'\r' {
                end -= 1;
            }
            out.push(start..end);
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() {
        return r.start..r.start;
    }
    (r.start + lead)..(r.end - trail)
}

fn is_reference_heading(line: &str) -> bool {
    let l = line
        .trim()
        .trim_start_matches('#')
        .trim_matches(|c: char| c == '*' || c == '_' || c == ':' || c.is_whitespace())
        .to_lowercase();
    REFERENCE_HEADINGS.contains(&l.as_str())
}

fn starts_block_marker(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with('#')
        || t.starts_with("- ")
        || t.starts_with("* ")
        || t.starts_with("+ ")
        || t.starts_with('>')
        || t.starts_with('|')
        || t.starts_with("[^")
        || t.starts_with("```")
        || t.split_once(". ").is_some_and(|(n, _)| {
            !n.is_empty() && n.len() <= 3 && n.chars().all(|c| c.is_ascii_digit())
        })
}

/// Running heads and page numbers left by PDF extraction: "12 | Regional Security
/// Review", "Annual Report | 7", "Page 3 of 9", "- 12 -", "12".
fn is_page_furniture(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.chars().count() > 70 {
        return false;
    }
    let number = |s: &str| {
        let s = s.trim().trim_matches('-').trim();
        !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit())
    };
    if number(t) {
        return true;
    }
    if let Some((a, b)) = t.split_once('|') {
        return (number(a) && !b.trim().is_empty()) || (number(b) && !a.trim().is_empty());
    }
    let lower = t.to_lowercase();
    if let Some(rest) = lower.strip_prefix("page ") {
        let rest = rest.replace(" of ", " ");
        return rest
            .split_whitespace()
            .all(|w| w.chars().all(|c| c.is_ascii_digit()));
    }
    false
}

fn ends_sentence(s: &str) -> bool {
    let t = s
        .trim_end()
        .trim_end_matches(['*', '_', '"', '”', '’', '\'', ')', ']']);
    t.ends_with(['.', '!', '?', ':', ';']) || t.is_empty()
}

/// Paragraph flows: runs of lines that belong to one stretch of prose, joined across
/// line and page breaks when the text before clearly runs on.
fn flows(text: &str) -> Vec<(Range<usize>, PassageKind)> {
    let mut out: Vec<(Range<usize>, PassageKind)> = Vec::new();
    let mut in_references = false;
    let mut current: Option<Range<usize>> = None;
    let mut in_code = false;
    let all_lines = lines(text);
    // a narrow-column PDF wraps every line short: a line that fills most of the usual
    // width runs on, whatever the next line starts with
    let wrap_at = {
        let mut lens: Vec<usize> = all_lines
            .iter()
            .map(|r| text[r.clone()].trim().chars().count())
            .filter(|n| *n > 0)
            .collect();
        lens.sort_unstable();
        let p90 = lens
            .get(lens.len() * 9 / 10)
            .copied()
            .unwrap_or(HEADING_MAX);
        (p90 * 6 / 10).clamp(30, HEADING_MAX)
    };
    let mut blank_before = false;
    for line in all_lines {
        let l = &text[line.clone()];
        let trimmed = trim_range(text, line.clone());
        // page furniture: "12 | Regional Security Review", "Page 3 of 9", a bare page number
        if is_page_furniture(l) {
            continue;
        }
        if l.trim_start().starts_with("```") {
            if let Some(c) = current.take() {
                out.push((c, PassageKind::Prose));
            }
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        if l.trim().is_empty() {
            blank_before = true;
            continue; // blank lines: decided when the next line comes
        }
        let paragraph_break = std::mem::take(&mut blank_before);
        if is_reference_heading(l) {
            if let Some(c) = current.take() {
                out.push((c, PassageKind::Prose));
            }
            out.push((trimmed, PassageKind::Meta));
            in_references = true;
            continue;
        }
        if in_references {
            // each reference entry runs on until the next list marker or blank-separated line
            let starts_entry = starts_block_marker(l)
                || current.is_none()
                || current.as_ref().is_some_and(|c| {
                    ends_sentence(&text[c.clone()]) && !l.trim_start().starts_with('<')
                });
            if starts_entry {
                if let Some(c) = current.take() {
                    out.push((c, PassageKind::Reference));
                }
                current = Some(trimmed);
            } else if let Some(c) = current.as_mut() {
                c.end = trimmed.end;
            }
            continue;
        }
        // footnote definitions in Markdown sources are references too
        if l.trim_start().starts_with("[^") && l.contains("]:") {
            if let Some(c) = current.take() {
                out.push((c, PassageKind::Prose));
            }
            out.push((trimmed, PassageKind::Reference));
            continue;
        }
        match current.as_mut() {
            None => current = Some(trimmed),
            Some(c) => {
                let prev = &text[c.clone()];
                let last_line_len = prev.len() - prev.rfind('\n').map(|p| p + 1).unwrap_or(0);
                let last_line_chars = prev[prev.len() - last_line_len..].chars().count();
                let first = l.trim_start().chars().next().unwrap_or(' ');
                // "mili-" then "tants": a word broken at the line's end
                let hyphenated = prev.ends_with('-')
                    && prev[..prev.len() - 1].ends_with(char::is_alphabetic)
                    && first.is_lowercase();
                let wide = if paragraph_break {
                    last_line_chars >= HEADING_MAX
                } else {
                    last_line_chars >= wrap_at
                };
                let runs_on = hyphenated
                    || (!ends_sentence(prev)
                        && !starts_block_marker(l)
                        && !is_dateline(l)
                        && (first.is_lowercase() || wide));
                if runs_on {
                    c.end = trimmed.end;
                } else {
                    let done = current.take().unwrap();
                    out.push((done, PassageKind::Prose));
                    current = Some(trimmed);
                }
            }
        }
    }
    if let Some(c) = current {
        out.push((
            c,
            if in_references {
                PassageKind::Reference
            } else {
                PassageKind::Prose
            },
        ));
    }
    out
}

/// The word (letters and inner dots) just before byte `dot` in `s`.
fn word_before(s: &str, dot: usize) -> &str {
    // no abbreviation is longer than this: a run of "a.a.a.…" is not looked at whole
    // for each of its dots (quadratic)
    const LONGEST: usize = 32;
    let head = &s[crate::text::floor_boundary(s, dot.saturating_sub(LONGEST))..dot];
    let start = head
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map(|p| p + head[p..].chars().next().map(|c| c.len_utf8()).unwrap_or(1))
        .unwrap_or(0);
    &head[start..]
}

/// A dateline or byline on its own line ("BOL News, 2 January 2022", "Reuters, May 3,
/// 2024"): short, no closing stop, a month and a year. It starts a passage of its own,
/// so its date is never read as the time of the heading above it.
fn is_dateline(line: &str) -> bool {
    let t = line.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    words.len() <= 8
        && !ends_sentence(t)
        && !crate::figure::years(t).is_empty()
        && words.iter().any(|w| {
            crate::figure::month_name(&w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
                .is_some()
        })
}

/// Sentences of one flow, as byte ranges of `text`.
fn sentences(text: &str, flow: Range<usize>) -> Vec<Range<usize>> {
    let s = &text[flow.clone()];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut cuts = Vec::new(); // byte offsets (in s) where a new sentence starts
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?') {
            // closing quotes, brackets and emphasis after the stop
            let mut j = i + 1;
            while j < chars.len()
                && matches!(chars[j].1, '"' | '”' | '’' | '\'' | ')' | ']' | '*' | '_')
            {
                j += 1;
            }
            let word = word_before(s, pos);
            let lw = word.to_lowercase();
            // a currency before its amount ("approved Rs. 500 crore")
            let next_is_digit = chars[i + 1..]
                .iter()
                .find(|(_, c)| !c.is_whitespace())
                .is_some_and(|(_, c)| c.is_ascii_digit());
            let abbreviation = c == '.'
                && (ABBREVIATIONS.contains(&lw.as_str())
                    || (word.len() == 1 && word.chars().all(|c| c.is_uppercase()))
                    || (lw.contains('.') && lw.len() <= 5)
                    || (next_is_digit && crate::figure::is_currency_word(word)));
            if j < chars.len() && chars[j].1.is_whitespace() {
                // normal break: whitespace then an opener
                let mut k = j;
                while k < chars.len() && chars[k].1.is_whitespace() {
                    k += 1;
                }
                if k < chars.len() {
                    let next = chars[k].1;
                    let opener = next.is_uppercase()
                        || next.is_ascii_digit()
                        || matches!(next, '"' | '“' | '‘' | '(' | '[' | '*' | '_' | '\'');
                    if opener && !abbreviation {
                        cuts.push(chars[k].0);
                    }
                }
                i = j;
                continue;
            }
            // a footnote number glued to the stop: "a rise of 28 per cent.1 The police"
            if c == '.' && j == i + 1 && !abbreviation {
                let mut k = j;
                while k < chars.len() && k < j + 3 && chars[k].1.is_ascii_digit() {
                    k += 1;
                }
                let prev_letter = s[..pos]
                    .chars()
                    .next_back()
                    .is_some_and(|p| p.is_alphabetic());
                if k > j
                    && prev_letter
                    && k + 1 < chars.len()
                    && chars[k].1.is_whitespace()
                    && chars[k + 1].1.is_uppercase()
                {
                    cuts.push(chars[k + 1].0);
                    i = k;
                    continue;
                }
            }
            if j < chars.len() && j == i + 1 && c == '.' && !abbreviation {
                // glued: "issues.In 2022" — letters before, a capitalised word after
                let lower_run = s[..pos]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_lowercase() || c.is_ascii_digit())
                    .count();
                let next = chars[j].1;
                let after = chars.get(j + 1).map(|x| x.1).unwrap_or(' ');
                if lower_run >= 2 && next.is_uppercase() && after.is_lowercase() {
                    cuts.push(chars[j].0);
                }
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    let mut out = Vec::new();
    let mut start = 0;
    for cut in cuts.into_iter().chain(std::iter::once(s.len())) {
        let r = trim_range(text, (flow.start + start)..(flow.start + cut));
        if !r.is_empty() {
            out.push(r);
        }
        start = cut;
    }
    out
}

/// Prose, unless it is a byline, a dateline or a heading-like fragment.
fn classify(s: &str) -> PassageKind {
    let t = s.trim();
    let words = t.split_whitespace().count();
    let lower = t.to_lowercase();
    if (lower.starts_with("by:") || lower.starts_with("by ")) && words <= 8 {
        return PassageKind::Meta;
    }
    if lower.starts_with("photo") && words <= 8 {
        return PassageKind::Meta;
    }
    // a short line with no closing punctuation is a heading or navigation
    if words < 12 && !ends_sentence(t) {
        return PassageKind::Meta;
    }
    PassageKind::Prose
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dateline_is_not_the_end_of_the_heading_above() {
        let t = "Rising terrorism: 2021 witnessed a 56% rise in terror attacks in Pakistan, says a report\nBOL News, 2 January 2022\n\nPICSS says militants carried out 294 attacks during the year.\n";
        let segs = segment(t);
        assert!(
            segs.iter()
                .any(|s| t[s.span.clone()].trim() == "BOL News, 2 January 2022"),
            "{:?}",
            segs.iter().map(|s| &t[s.span.clone()]).collect::<Vec<_>>()
        );
    }

    fn texts(text: &str) -> Vec<(String, PassageKind)> {
        segment(text)
            .into_iter()
            .map(|s| (passage_text(text, s.span), s.kind))
            .collect()
    }

    fn prose(text: &str) -> Vec<String> {
        texts(text)
            .into_iter()
            .filter(|(_, k)| *k == PassageKind::Prose)
            .map(|(t, _)| t)
            .collect()
    }

    #[test]
    fn a_currency_before_its_amount_is_no_sentence_end() {
        let text = "The cabinet approved Rs. 500 crore for the scheme. It starts in May.";
        let got: Vec<&str> = sentences(text, 0..text.len())
            .into_iter()
            .map(|r| text[r].trim())
            .collect();
        assert_eq!(
            got,
            vec![
                "The cabinet approved Rs. 500 crore for the scheme.",
                "It starts in May."
            ]
        );
    }

    #[test]
    fn splits_sentences_and_keeps_abbreviations() {
        let p = prose("The U.S. exit was swift. Dr. Mir wrote it (p. 10). It ended.");
        assert_eq!(
            p,
            [
                "The U.S. exit was swift.",
                "Dr. Mir wrote it (p. 10).",
                "It ended."
            ]
        );
    }

    #[test]
    fn splits_glued_sentences() {
        let p = prose("Pakistan-specific issues.In 2022, the TTP's violence will remain.");
        assert_eq!(
            p,
            [
                "Pakistan-specific issues.",
                "In 2022, the TTP's violence will remain."
            ]
        );
        // but not decimals, initials or domains
        assert_eq!(prose("It rose 7.5 points at www.usip.org today.").len(), 1);
        assert_eq!(
            prose("By: Asfandyar Mir, Ph.D. wrote the analysis of the group.").len(),
            1
        );
    }

    #[test]
    fn joins_a_sentence_broken_by_a_page_break() {
        let text = "The Army's militarized response displaced up\n\nto one million people and more. Next one here.";
        let p = prose(text);
        assert_eq!(
            p[0],
            "The Army's militarized response displaced up  to one million people and more."
        );
        let long = format!(
            "{} In April 2022, the Pakistani\n\nAir Force conducted raids.",
            "x ".repeat(60)
        );
        assert!(prose(&long)
            .iter()
            .any(|s| s.contains("In April 2022, the Pakistani  Air Force")));
    }

    #[test]
    fn headings_stay_apart() {
        let p = texts("Introduction\n\nThe fall of Kabul came in August 2021.\n");
        assert_eq!(p[0].1, PassageKind::Meta);
        assert_eq!(p[1].0, "The fall of Kabul came in August 2021.");
    }

    #[test]
    fn reference_lists_are_not_prose() {
        let text = "A sentence with 40 dead here.\n\nReferences\n\n- Gall, C. (2007). *At Least 40 Militants Dead*. NYT.\n- Mir, A. (2022). *After the Taliban's Takeover*. USIP.\n";
        let t = texts(text);
        let refs: Vec<_> = t
            .iter()
            .filter(|(_, k)| *k == PassageKind::Reference)
            .collect();
        assert_eq!(refs.len(), 2);
        assert_eq!(prose(text), ["A sentence with 40 dead here."]);
    }

    #[test]
    fn spans_point_at_original_bytes() {
        let text = "Héllo wörld is here.\nA “quoted” line runs\non here. Done now ok.";
        for s in segment(text) {
            assert_eq!(passage_text(text, s.span.clone()).len(), s.span.len());
            assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        }
    }

    #[test]
    fn pdf_columns_hyphens_page_heads_and_footnote_marks() {
        let text = "Summary\n\nOur database recorded 376 attacks by mili-\ntants in Khyber Pakhtunkhwa in 2022, up from 294 in\n2021, a rise of 28 per cent.1 The police bore the brunt\nof the violence. Operations between September and November displaced\n\n12 | Regional Security Review\n\nmore than 40,000 families, according to the Authority.5\n";
        let p = prose(text);
        assert!(p[0].contains("mili\u{AD}tants"), "{p:?}");
        assert!(p[0].ends_with("28 per cent.1"), "{p:?}");
        assert!(p[1].starts_with("The police"), "{p:?}");
        assert!(
            p.iter().any(|s| s.contains("displaced")
                && s.contains("more than 40,000 families")
                && !s.contains("Regional")),
            "{p:?}"
        );
        for s in segment(text) {
            assert_eq!(passage_text(text, s.span.clone()).len(), s.span.len());
        }
    }

    #[test]
    fn bylines_are_meta() {
        let t =
            texts("By: Asfandyar Mir, Ph.D.\nIn 2021, the TTP insurgency escalated its challenge.");
        assert_eq!(t[0].1, PassageKind::Meta);
        assert_eq!(t[1].1, PassageKind::Prose);
    }
}
