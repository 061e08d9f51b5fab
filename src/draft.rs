//! Drafts: Markdown parsed with pulldown-cmark so every figure maps to its exact place.
//!
//! Prose is headings, paragraphs, list items, block quotes and table cells. Code blocks,
//! inline code, raw HTML, link targets, front matter, footnote definitions and
//! reference definitions are not prose and hold no claims.

use crate::segment::split_sentences;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::collections::BTreeMap;
use std::ops::Range;

/// A citation attached to a draft sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CiteRef {
    /// `[^label]`
    Footnote(String),
    /// `[text](dest)`: the destination, the link text and where that text sits in the
    /// sentence (masked from matching when the link names a source).
    Link {
        dest: String,
        text: String,
        span: Range<usize>,
    },
    /// "(Mir, 2022)", "according to USIP": the words naming the work.
    Inline(String),
}

/// A sentence of draft prose.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Plain text (Markdown syntax removed).
    pub text: String,
    /// Byte offsets in the draft of each byte of `text` (one past for the end).
    offsets: Vec<usize>,
    pub citations: Vec<CiteRef>,
    /// Only figures inside this range are claims (a table cell; the rest of the row is
    /// context).
    pub only: Option<Range<usize>>,
}

impl Sentence {
    /// The draft byte range of a range of `text`.
    pub fn draft_span(&self, r: &Range<usize>) -> Range<usize> {
        let start = self.offsets[r.start.min(self.offsets.len() - 1)];
        let end = if r.end == 0 {
            start
        } else {
            self.offsets[(r.end - 1).min(self.offsets.len() - 1)] + 1
        };
        start..end.max(start)
    }
}

/// A suppression comment's reach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// Draft bytes it covers.
    pub range: Range<usize>,
    /// Verdict names or codes it silences; empty means all.
    pub verdicts: Vec<String>,
    pub reason: Option<String>,
}

impl Suppression {
    pub fn silences(&self, offset: usize, verdict: &str, code: &str) -> bool {
        self.range.contains(&offset)
            && (self.verdicts.is_empty() || self.verdicts.iter().any(|v| v == verdict || v == code))
    }
}

/// A parsed draft.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    pub sentences: Vec<Sentence>,
    /// Footnote label -> definition text.
    pub footnotes: BTreeMap<String, String>,
    pub suppressions: Vec<Suppression>,
}

/// Plain text of a block, with its mapping back to draft bytes.
#[derive(Default)]
struct Block {
    text: String,
    offsets: Vec<usize>,
    /// (plain offset, citation)
    cites: Vec<(usize, CiteRef)>,
    /// For a table cell's sentence: the bytes whose figures are judged (the cell); the
    /// rest is context. Such a block is one sentence.
    only: Option<Range<usize>>,
}

impl Block {
    fn push(&mut self, s: &str, draft_start: usize) {
        for (i, _) in s.bytes().enumerate() {
            self.offsets.push(draft_start + i);
        }
        self.text.push_str(s);
    }

    /// Another block's text and mapping, appended.
    fn append(&mut self, other: &Block) {
        let base = self.text.len();
        self.text.push_str(&other.text);
        self.offsets.extend_from_slice(&other.offsets);
        // positions and link spans move with the text
        self.cites.extend(other.cites.iter().map(|(p, c)| {
            let c = match c {
                CiteRef::Link { dest, text, span } => CiteRef::Link {
                    dest: dest.clone(),
                    text: text.clone(),
                    span: span.start + base..span.end + base,
                },
                other => other.clone(),
            };
            (p + base, c)
        }));
    }

    /// Text that is not in the draft (cell separators, column headers), mapped to `at`.
    fn push_sep(&mut self, s: &str, at: usize) {
        for _ in s.bytes() {
            self.offsets.push(at);
        }
        self.text.push_str(s);
    }

    /// A separator that does not exist in the draft (soft break, dropped code).
    fn push_space(&mut self, at: usize) {
        if !self.text.ends_with(' ') && !self.text.is_empty() {
            self.text.push(' ');
            self.offsets.push(at);
        }
    }
}

/// Parse a Markdown draft.
pub fn parse(text: &str) -> Draft {
    let opts = Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut draft = Draft::default();
    let mut blocks: Vec<Block> = Vec::new();
    let mut current: Option<Block> = None;
    // nesting of things that are not prose
    let mut skip = 0usize;
    let mut footnote: Option<(String, String)> = None;
    let mut links: Vec<(String, usize)> = Vec::new();
    let mut code_ranges: Vec<Range<usize>> = Vec::new();
    let mut headers: Vec<String> = Vec::new();
    let mut row: Vec<Block> = Vec::new();
    let flush = |current: &mut Option<Block>, blocks: &mut Vec<Block>| {
        if let Some(b) = current.take() {
            if !b.text.trim().is_empty() {
                blocks.push(b);
            }
        }
    };
    for (ev, range) in Parser::new_ext(text, opts).into_offset_iter() {
        match ev {
            Event::Start(Tag::FootnoteDefinition(label)) => {
                flush(&mut current, &mut blocks);
                footnote = Some((label.to_string(), String::new()));
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                if let Some((label, def)) = footnote.take() {
                    draft.footnotes.insert(label, def.trim().to_string());
                }
            }
            _ if footnote.is_some() => {
                // footnote definitions are citations, not prose
                if let (Some((_, def)), Event::Text(t) | Event::Code(t)) = (footnote.as_mut(), &ev)
                {
                    def.push_str(t);
                } else if let (Some((_, def)), Event::Start(Tag::Link { dest_url, .. })) =
                    (footnote.as_mut(), &ev)
                {
                    def.push(' ');
                    def.push_str(dest_url);
                    def.push(' ');
                } else if let (Some((_, def)), Event::SoftBreak | Event::HardBreak) =
                    (footnote.as_mut(), &ev)
                {
                    def.push(' ');
                }
            }
            Event::Start(Tag::CodeBlock(_)) => {
                code_ranges.push(range.clone());
                skip += 1;
            }
            Event::Start(Tag::HtmlBlock)
            | Event::Start(Tag::MetadataBlock(_))
            | Event::Start(Tag::Image { .. }) => {
                skip += 1;
            }
            Event::End(TagEnd::CodeBlock)
            | Event::End(TagEnd::HtmlBlock)
            | Event::End(TagEnd::MetadataBlock(_))
            | Event::End(TagEnd::Image) => {
                skip = skip.saturating_sub(1);
            }
            _ if skip > 0 => {}
            // a table row becomes one sentence per figure cell: the figure, its column
            // header, then the row's other cells ("149 Killed Peshawar school massacre
            // 2014"), so the figure keeps its noun, role and year
            Event::Start(Tag::Table(_)) => headers.clear(),
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => {
                flush(&mut current, &mut blocks);
                row.clear();
            }
            Event::Start(Tag::TableCell) => current = Some(Block::default()),
            Event::End(TagEnd::TableCell) => row.push(current.take().unwrap_or_default()),
            Event::End(TagEnd::TableHead) => {
                headers = row.iter().map(|c| c.text.trim().to_string()).collect();
                blocks.extend(
                    row.drain(..)
                        .filter(|c| c.text.chars().any(|x| x.is_ascii_digit())),
                );
            }
            Event::End(TagEnd::TableRow) => {
                for i in 0..row.len() {
                    if crate::figure::extract_figures(&row[i].text).is_empty() {
                        continue;
                    }
                    let mut b = Block::default();
                    b.append(&row[i]);
                    b.only = Some(0..b.text.len());
                    let at = b.offsets.last().copied().unwrap_or(0);
                    if let Some(h) = headers.get(i).filter(|h| informative_header(h)) {
                        b.push_sep(&format!(" {h}"), at);
                    }
                    // the other cells follow as ": a; b" so that their capitalised first
                    // words read as the start of a phrase, not as names
                    let mut sep = ": ";
                    // only the nearest cells: a row of thousands of figure cells would
                    // otherwise make every cell's sentence the whole row (quadratic)
                    let near = i.saturating_sub(ROW_CONTEXT_CELLS)..=i + ROW_CONTEXT_CELLS;
                    for (j, cell) in row.iter().enumerate() {
                        if j == i || !near.contains(&j) || cell.text.trim().is_empty() {
                            continue;
                        }
                        // a "Source" column cites, it does not describe
                        if headers.get(j).is_some_and(|h| source_header(h)) {
                            b.cites
                                .push((1, CiteRef::Inline(cell.text.trim().to_string())));
                            continue;
                        }
                        b.push_sep(sep, at);
                        b.append(cell);
                        sep = "; ";
                    }
                    blocks.push(b);
                }
                row.clear();
            }
            Event::Start(Tag::Paragraph)
            | Event::Start(Tag::Heading { .. })
            | Event::Start(Tag::Item) => {
                flush(&mut current, &mut blocks);
                current = Some(Block::default());
            }
            Event::End(TagEnd::Paragraph)
            | Event::End(TagEnd::Heading(_))
            | Event::End(TagEnd::Item) => {
                flush(&mut current, &mut blocks);
            }
            Event::Text(t) => {
                let b = current.get_or_insert_with(Block::default);
                if text.get(range.clone()) == Some(t.as_ref()) {
                    b.push(&t, range.start);
                } else {
                    // entities and escapes: keep the text, map every byte to the event start
                    for _ in t.bytes() {
                        b.offsets.push(range.start);
                    }
                    b.text.push_str(&t);
                }
            }
            Event::Code(_) => {
                code_ranges.push(range.clone());
                if let Some(b) = current.as_mut() {
                    b.push_space(range.start);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(b) = current.as_mut() {
                    b.push_space(range.start);
                }
            }
            Event::InlineHtml(_) | Event::Html(_) => {}
            Event::FootnoteReference(label) => {
                if let Some(b) = current.as_mut() {
                    b.cites
                        .push((b.text.len(), CiteRef::Footnote(label.to_string())));
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                let at = current.as_ref().map(|b| b.text.len()).unwrap_or(0);
                links.push((dest_url.to_string(), at));
            }
            Event::End(TagEnd::Link) => {
                if let (Some((dest, start)), Some(b)) = (links.pop(), current.as_mut()) {
                    let label = b.text.get(start..).unwrap_or("").to_string();
                    let span = start..b.text.len();
                    b.cites.push((
                        b.text.len(),
                        CiteRef::Link {
                            dest,
                            text: label,
                            span,
                        },
                    ));
                }
            }
            _ => {}
        }
    }
    flush(&mut current, &mut blocks);
    for b in blocks {
        let sentences = if b.only.is_some() {
            std::iter::once(0..b.text.len()).collect()
        } else {
            split_sentences(&b.text)
        };
        let n = sentences.len();
        for (si, r) in sentences.into_iter().enumerate() {
            let mut citations: Vec<CiteRef> = b
                .cites
                .iter()
                // a marker belongs to the sentence it closes ("jails.[^hst]")
                .filter(|(pos, _)| *pos > r.start && (*pos <= r.end || si + 1 == n))
                .map(|(_, c)| match c {
                    // link spans become relative to the sentence, clipped to it, and
                    // the text is what the clipped span holds (a link whose label runs
                    // over a sentence break, or ends in a space the sentence drops)
                    CiteRef::Link { dest, span, .. } => {
                        let span = span.start.saturating_sub(r.start).min(r.len())
                            ..span.end.saturating_sub(r.start).min(r.len());
                        CiteRef::Link {
                            dest: dest.clone(),
                            text: b.text[r.clone()][span.clone()].to_string(),
                            span,
                        }
                    }
                    other => other.clone(),
                })
                .collect();
            let s_text = b.text[r.clone()].to_string();
            for c in crate::cite::inline_citations(&s_text) {
                citations.push(CiteRef::Inline(c.text));
            }
            let mut offsets: Vec<usize> = b.offsets[r.clone()].to_vec();
            offsets.push(
                b.offsets
                    .get(r.end)
                    .copied()
                    .unwrap_or_else(|| offsets.last().map(|x| x + 1).unwrap_or(0)),
            );
            draft.sentences.push(Sentence {
                text: s_text,
                offsets,
                citations,
                only: b.only.clone(),
            });
        }
    }
    draft.suppressions = suppressions(text, &code_ranges);
    draft
}

/// Column headers of citations: "Source", "Sources", "Ref".
fn source_header(h: &str) -> bool {
    matches!(
        h.trim().to_lowercase().as_str(),
        "source"
            | "sources"
            | "ref"
            | "refs"
            | "reference"
            | "references"
            | "citation"
            | "cited"
            | "according to"
    )
}

/// Column headers that say what a figure counts ("Killed", "Attacks"), not just that
/// it is one ("Figure", "Value").
fn informative_header(h: &str) -> bool {
    let l = h.trim().to_lowercase();
    !l.is_empty()
        && !matches!(
            l.as_str(),
            "figure"
                | "figures"
                | "value"
                | "values"
                | "number"
                | "count"
                | "total"
                | "amount"
                | "n"
                | "#"
                | "data"
                | "estimate"
        )
}

/// `<!-- claimcheck-disable-next-line [verdicts] [reason="..."] -->`,
/// `<!-- claimcheck-disable ... -->` … `<!-- claimcheck-enable -->`. Read from the raw
/// text so they work the same inside lists and block quotes.
/// The first line at or after `start` with text (a block quote's `>` is no text).
fn next_text_line(text: &str, mut start: usize) -> Option<Range<usize>> {
    while start < text.len() {
        let le = text[start..]
            .find('\n')
            .map(|x| x + start)
            .unwrap_or(text.len());
        let line = text[start..le].trim_matches(|c: char| c.is_whitespace() || c == '>');
        if !line.is_empty() {
            return Some(start..le);
        }
        start = le + 1;
    }
    None
}

/// How many cells on each side of a figure cell give it context.
const ROW_CONTEXT_CELLS: usize = 8;

fn suppressions(text: &str, code: &[Range<usize>]) -> Vec<Suppression> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Vec<String>, Option<String>)> = None;
    let mut from = 0;
    // code spans sorted by start, for a binary search per comment (not a scan)
    let mut code: Vec<Range<usize>> = code.to_vec();
    code.sort_by_key(|r| r.start);
    let in_code = |p: usize| {
        let i = code.partition_point(|r| r.start <= p);
        i > 0 && code[..i].iter().rev().take(8).any(|r| r.contains(&p))
    };
    // the next line with text after a comment's line, remembered per line: many
    // comments on one line share it (a scan each would be quadratic)
    let mut next_line: Option<(usize, Option<Range<usize>>)> = None;
    let mut next_nl: Option<usize> = None;
    while let Some(p) = text[from..].find("<!--").map(|x| x + from) {
        // "<!-->" and "<!--->" are empty comments (HTML's abrupt closing)
        let rest = &text[p + 4..];
        let (body_end, end) = if rest.starts_with('>') {
            (p + 4, p + 5)
        } else if rest.starts_with("->") {
            (p + 4, p + 6)
        } else {
            let Some(at) = rest.find("-->").map(|x| x + p + 4) else {
                break;
            };
            (at, at + 3)
        };
        from = end;
        if in_code(p) {
            continue;
        }
        let body = text[p + 4..body_end].trim();
        let Some(rest) = body.strip_prefix("claimcheck-") else {
            continue;
        };
        let (directive, args) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let (verdicts, reason) = parse_args(args);
        match directive {
            "disable-next-line" => {
                // the next line with text, after the comment's own line
                // the end of the comment's line, found once per line
                let line_end = match next_nl {
                    Some(nl) if nl >= end => nl,
                    _ => {
                        let nl = text[end..]
                            .find('\n')
                            .map(|x| x + end + 1)
                            .unwrap_or(text.len());
                        next_nl = Some(nl);
                        nl
                    }
                };
                let target = match &next_line {
                    Some((at, found)) if *at == line_end => found.clone(),
                    _ => {
                        let found = next_text_line(text, line_end);
                        next_line = Some((line_end, found.clone()));
                        found
                    }
                };
                if let Some(range) = target {
                    out.push(Suppression {
                        range,
                        verdicts: verdicts.clone(),
                        reason: reason.clone(),
                    });
                }
            }
            "disable" => open = Some((end, verdicts, reason)),
            "enable" => {
                if let Some((s, v, r)) = open.take() {
                    out.push(Suppression {
                        range: s..p,
                        verdicts: v,
                        reason: r,
                    });
                }
            }
            _ => {}
        }
    }
    if let Some((s, v, r)) = open {
        out.push(Suppression {
            range: s..text.len(),
            verdicts: v,
            reason: r,
        });
    }
    out
}

fn parse_args(args: &str) -> (Vec<String>, Option<String>) {
    let mut verdicts = Vec::new();
    let mut reason = None;
    let mut rest = args.trim();
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("reason=") {
            let r = r.trim_start();
            let (val, after) = if let Some(q) = r.strip_prefix('"') {
                match q.find('"') {
                    Some(e) => (&q[..e], &q[e + 1..]),
                    None => (q, ""),
                }
            } else {
                r.split_once(char::is_whitespace).unwrap_or((r, ""))
            };
            reason = Some(val.to_string());
            rest = after.trim_start();
            continue;
        }
        let (word, after) = rest
            .split_once(|c: char| c.is_whitespace() || c == ',')
            .unwrap_or((rest, ""));
        if !word.is_empty() {
            verdicts.push(word.to_string());
        }
        rest = after.trim_start();
    }
    (verdicts, reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(md: &str) -> Vec<String> {
        parse(md).sentences.into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn prose_and_not_prose() {
        let md = "---\ntitle: 40 things\n---\n# Heading with 12 items\n\nA paragraph with 780 prisoners.\n\n```\ncode 999\n```\n\n- item with 33 attacks\n\n> quoted 46 injured\n\n| a | b |\n|---|---|\n| cell 50 days | x |\n\nInline `code 77` and <span>html 88</span> and [link](https://x.org/55).\n\n[^n]: note with 66 people\n";
        let s = sentences(md).join(" | ");
        for want in [
            "12 items",
            "780 prisoners",
            "33 attacks",
            "46 injured",
            "cell 50 days",
        ] {
            assert!(s.contains(want), "{want} missing from {s}");
        }
        for not in ["40 things", "999", "77", "55", "66 people"] {
            assert!(!s.contains(not), "{not} should not be prose: {s}");
        }
    }

    #[test]
    fn figures_map_back_to_the_draft() {
        let md = "Intro line.\n\nThe **Taliban** freed *780* TTP prisoners.\n";
        let d = parse(md);
        let s = d.sentences.iter().find(|s| s.text.contains("780")).unwrap();
        let p = s.text.find("780").unwrap();
        let span = s.draft_span(&(p..p + 3));
        assert_eq!(&md[span], "780");
    }

    #[test]
    fn footnotes_links_and_author_year() {
        let md = "The Taliban freed 780 prisoners.[^hst] Mir (2022) says over 100. See [the report](https://usip.org/x) for 42%.\n\n[^hst]: \"What Does the Afghan Taliban Gain\", 2022.\n";
        let d = parse(md);
        assert_eq!(d.sentences[0].citations, [CiteRef::Footnote("hst".into())]);
        assert_eq!(
            d.sentences[1].citations,
            [CiteRef::Inline("Mir (2022)".into())]
        );
        assert!(
            matches!(&d.sentences[2].citations[0], CiteRef::Link { dest, .. } if dest == "https://usip.org/x")
        );
        assert_eq!(
            d.footnotes["hst"],
            "\"What Does the Afghan Taliban Gain\", 2022."
        );
    }

    #[test]
    fn link_spans_in_table_rows_slice_their_sentence() {
        let d =
            parse("a||\n-|-\n🌀[]()|2\n\n| a | b |\n|---|---|\n| [IMF](http://x.org) | 12% |\n");
        for s in &d.sentences {
            for c in &s.citations {
                if let CiteRef::Link { span, text, .. } = c {
                    assert_eq!(
                        s.text.get(span.clone()),
                        Some(text.as_str()),
                        "{:?}",
                        s.text
                    );
                }
            }
        }
    }

    #[test]
    fn suppression_comments_in_lists_and_quotes() {
        let md = "- <!-- claimcheck-disable-next-line misquoted reason=\"rounded on purpose\" -->\n  item 800 prisoners\n\n> <!-- claimcheck-disable -->\n> quoted 46\n> <!-- claimcheck-enable -->\n\n```\n<!-- claimcheck-disable -->\n```\n";
        let d = parse(md);
        assert_eq!(d.suppressions.len(), 2);
        let s0 = &d.suppressions[0];
        assert_eq!(s0.verdicts, ["misquoted"]);
        assert_eq!(s0.reason.as_deref(), Some("rounded on purpose"));
        assert!(md[s0.range.clone()].contains("800"));
        assert!(md[d.suppressions[1].range.clone()].contains("46"));
    }
}
