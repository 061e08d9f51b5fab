//! The HTML report (`--format html`): one self-contained page an editor reads.
//!
//! No network: the styles and the small filter script are inline, there is no font,
//! image or link to fetch, and a Content-Security-Policy forbids loading anything. Every
//! piece of text that comes from a draft, a source, a file name or claims.toml goes
//! through [`esc`]. The page is the same bytes run to run (no time stamp).

use crate::check::{Finding, FindingKind};
use crate::corpus::Corpus;
use crate::judge::Verdict;
use crate::matching::{Evidence, Relation};
use crate::provenance::Provenance;
use crate::report::{help, message, summary_line, Summary};
use crate::text::{ceil_boundary, floor_boundary};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;
use std::ops::Range;

/// Evidence passages shown per figure (a conflict shows both sides within these).
const EVIDENCE_SHOWN: usize = 3;
/// A draft line longer than this is cut to the sentence that holds the figure.
const LONG_LINE: usize = 600;

/// Text for HTML element content or a quoted attribute value: markup characters become
/// entities; line breaks and tabs become spaces (the same to a browser, and no line of
/// the page starts with quoted text); other control characters and bidi overrides,
/// which could hide or reorder what the page shows, become U+FFFD.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control()
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') =>
            {
                out.push('\u{fffd}')
            }
            c => out.push(c),
        }
    }
    out
}

/// A message or help line: escaped, with its `code` spans as `<code>`.
fn prose(s: &str) -> String {
    let escaped = esc(s);
    let parts: Vec<&str> = escaped.split('`').collect();
    if parts.len() % 2 == 0 {
        // an unpaired backtick: leave them all as they are
        return escaped;
    }
    let mut out = String::with_capacity(escaped.len() + 16);
    for (i, p) in parts.iter().enumerate() {
        if i % 2 == 1 {
            out.push_str("<code>");
            out.push_str(p);
            out.push_str("</code>");
        } else {
            out.push_str(p);
        }
    }
    out
}

/// `text` with `span` wrapped in `<mark class="{class}">`, all of it escaped.
fn highlighted(text: &str, span: Range<usize>, class: &str) -> String {
    let start = floor_boundary(text, span.start.min(text.len()));
    let end = ceil_boundary(text, span.end.clamp(start, text.len()));
    format!(
        "{}<mark class=\"{class}\">{}</mark>{}",
        esc(&text[..start]),
        esc(&text[start..end]),
        esc(&text[end..])
    )
}

/// The draft sentence around a finding's span, as (text, span within it): the line that
/// holds it, or on a long line the sentence (by the segmenter drafts are cut with), cut
/// with "…" when even that is long. Only `LONG_LINE` bytes on each side are looked at,
/// so many figures on a 10 MB line cost no more than their own neighbourhoods.
fn draft_sentence(text: &str, span: &Range<usize>) -> (String, Range<usize>) {
    let start = floor_boundary(text, span.start.min(text.len()));
    let end = ceil_boundary(text, span.end.clamp(start, text.len()));
    let lo = floor_boundary(text, start.saturating_sub(LONG_LINE));
    let hi = ceil_boundary(text, end.saturating_add(LONG_LINE).min(text.len()));
    let mut from = text[lo..start].rfind('\n').map_or(lo, |i| lo + i + 1);
    let mut to = text[end..hi].find('\n').map_or(hi, |i| end + i);
    // cut: the text shown starts or ends inside a line or sentence
    let mut cut_before = from == lo && lo > 0 && !text[..lo].ends_with('\n');
    let mut cut_after = to == hi && hi < text.len() && !text[hi..].starts_with(['\n', '\r']);
    if to - from > LONG_LINE {
        let window = &text[from..to];
        if let Some(s) = crate::segment::split_sentences(window)
            .into_iter()
            .find(|s| from + s.start <= start && end <= from + s.end)
        {
            cut_before &= s.start == 0;
            cut_after &= s.end == window.len();
            (from, to) = (from + s.start, from + s.end);
        }
        if to - from > LONG_LINE {
            let (a, b) = (
                floor_boundary(text, start.saturating_sub(LONG_LINE / 2)).max(from),
                ceil_boundary(text, end.saturating_add(LONG_LINE / 2).min(to)),
            );
            cut_before |= a > from;
            cut_after |= b < to;
            (from, to) = (a, b);
        }
    }
    let shown = &text[from..to];
    let lead = shown.len() - shown.trim_start().len();
    let trail = shown.len() - shown.trim_end().len();
    let (from, to) = ((from + lead).min(start), (to - trail).max(end));
    let mut out = String::new();
    if cut_before {
        out.push('…');
    }
    let offset = out.len();
    out.push_str(&text[from..to]);
    if cut_after {
        out.push('…');
    }
    (out, offset + start - from..offset + end - from)
}

fn verdict_class(v: Verdict) -> &'static str {
    v.as_str()
}

fn severity_name(s: crate::judge::Severity) -> &'static str {
    match s {
        crate::judge::Severity::Info => "info",
        crate::judge::Severity::Warning => "warning",
        crate::judge::Severity::Error => "error",
    }
}

fn relation_word(r: Relation) -> &'static str {
    match r {
        Relation::Supports => "supports",
        Relation::Contradicts => "says otherwise",
    }
}

fn relation_class(r: Relation) -> &'static str {
    match r {
        Relation::Supports => "supports",
        Relation::Contradicts => "contradicts",
    }
}

/// One source passage with its figure marked.
fn evidence_html(out: &mut String, corpus: &Corpus, prov: &Provenance, e: &Evidence) {
    let p = &corpus.passages[e.passage];
    let src = &corpus.sources[p.source];
    let fig = &p.figures[e.figure];
    let (line, col) = src.line_col(p.span.start + fig.span.start);
    let _ = write!(
        out,
        "<blockquote class=\"passage {}\" data-source=\"{}\"><p>{}</p><footer><b>{}</b> {} \
         — {}:{line}:{col} — score {:.2}",
        relation_class(e.relation),
        esc(&src.id),
        highlighted(p.text.trim_end(), fig.span.clone(), "source-fig"),
        esc(&src.id),
        relation_word(e.relation),
        esc(&src.display),
        e.score
    );
    for c in &prov.attributions[e.passage] {
        match c.source {
            Some(t) => {
                let _ = write!(out, "; cites <b>{}</b>", esc(&corpus.sources[t].id));
            }
            None => {
                let _ = write!(
                    out,
                    "; attributes it to {} (outside the corpus)",
                    esc(&c.text)
                );
            }
        }
    }
    if let Some(d) = prov.derived_from[p.source].first() {
        let _ = write!(out, "; copies <b>{}</b>", esc(&corpus.sources[*d].id));
    }
    out.push_str("</footer></blockquote>\n");
}

fn finding_html(out: &mut String, n: usize, f: &Finding, corpus: &Corpus, prov: &Provenance) {
    let v = f.judgment.verdict;
    let loc = &f.location;
    let (sentence, span) = draft_sentence(&loc.text, &loc.span);
    let what = match (&f.claim_id, f.kind) {
        (Some(id), FindingKind::Claim) => format!("claim <b>{}</b>", esc(id)),
        _ => "draft".to_string(),
    };
    let _ = write!(
        out,
        "<article class=\"finding v-{cls}\" id=\"f{n}\" data-verdict=\"{cls}\" \
         data-severity=\"{sev}\" data-code=\"{code}\">\n\
         <header><span class=\"badge\">{cls}</span> <code class=\"fig\">{fig}</code> \
         <span class=\"where\">{file}:{line}:{col}</span> <span class=\"code\">{code}</span></header>\n\
         <div class=\"sides\"><div class=\"draft\"><h3>{what} says</h3><p class=\"sentence\">{sentence}</p>\n\
         <p class=\"message\">{msg}</p>\n",
        cls = verdict_class(v),
        sev = severity_name(f.severity()),
        code = esc(f.code()),
        fig = esc(&f.judgment.figure.text),
        file = esc(&loc.file),
        line = loc.line,
        col = loc.column,
        sentence = highlighted(&sentence, span, "draft-fig"),
        msg = prose(&message(f, corpus)),
    );
    if let Some(h) = help(f, corpus) {
        let _ = writeln!(out, "<p class=\"help\">{}</p>", prose(&h));
    }
    if !f.judgment.cited.is_empty() {
        let cited: Vec<String> = f
            .judgment
            .cited
            .iter()
            .map(|s| format!("<b>{}</b>", esc(&corpus.sources[*s].id)))
            .collect();
        let _ = writeln!(out, "<p class=\"cites\">cites {}</p>", cited.join(", "));
    }
    if !f.notes.is_empty() {
        let notes: Vec<String> = f.notes.iter().map(|n| esc(n)).collect();
        let _ = writeln!(out, "<p class=\"notes\">notes: {}</p>", notes.join(", "));
    }
    out.push_str("</div><div class=\"sources\"><h3>the sources say</h3>\n");
    let ev = &f.judgment.evidence;
    if ev.is_empty() {
        out.push_str("<p class=\"none\">No passage of the corpus states this figure.</p>\n");
    }
    for e in ev.iter().take(EVIDENCE_SHOWN) {
        evidence_html(out, corpus, prov, e);
    }
    if ev.len() > EVIDENCE_SHOWN {
        let _ = writeln!(
            out,
            "<p class=\"more\">and {} more passage{} (<code>--format json</code> lists them all)</p>",
            ev.len() - EVIDENCE_SHOWN,
            if ev.len() - EVIDENCE_SHOWN == 1 { "" } else { "s" }
        );
    }
    out.push_str("</div></div></article>\n");
}

/// Per source: how many figures it supports and contradicts, and which it copies.
fn sources_html(out: &mut String, findings: &[Finding], corpus: &Corpus, prov: &Provenance) {
    let mut supports = vec![0usize; corpus.sources.len()];
    let mut contradicts = vec![0usize; corpus.sources.len()];
    let mut cited = vec![0usize; corpus.sources.len()];
    for f in findings {
        for &s in &f.judgment.cited {
            cited[s] += 1;
        }
        // a figure counts once per source and relation, however many passages
        let mut seen = std::collections::BTreeSet::new();
        for e in &f.judgment.evidence {
            let s = corpus.passages[e.passage].source;
            if seen.insert((s, relation_class(e.relation))) {
                match e.relation {
                    Relation::Supports => supports[s] += 1,
                    Relation::Contradicts => contradicts[s] += 1,
                }
            }
        }
    }
    out.push_str(
        "<section id=\"sources\"><h2>Sources</h2>\n<table class=\"sources\"><thead><tr>\
         <th>source</th><th>title</th><th>publisher</th><th>date</th><th>file</th>\
         <th>cited</th><th>supports</th><th>says otherwise</th><th>copies</th></tr></thead><tbody>\n",
    );
    for (i, s) in corpus.sources.iter().enumerate() {
        let meta = s.meta.as_ref();
        let field = |get: fn(&crate::config::SourceMeta) -> Option<&String>| {
            esc(meta.and_then(get).map_or("", |v| v.as_str()))
        };
        let copies: Vec<String> = prov.derived_from[i]
            .iter()
            .map(|d| esc(&corpus.sources[*d].id))
            .collect();
        let _ = writeln!(
            out,
            "<tr data-source=\"{id}\"><td><b>{id}</b></td><td>{title}</td><td>{publisher}</td>\
             <td class=\"date\">{date}</td><td>{file}</td><td class=\"num\">{cit}</td><td class=\"num\">{sup}</td><td class=\"num\">{con}</td>\
             <td>{copies}</td></tr>",
            id = esc(&s.id),
            title = esc(s.title()),
            publisher = field(|m| m.publisher.as_ref()),
            date = field(|m| m.date.as_ref()),
            file = esc(&s.display),
            cit = cited[i],
            sup = supports[i],
            con = contradicts[i],
            copies = copies.join(", "),
        );
    }
    out.push_str("</tbody></table></section>\n");
}

/// The conflict matrix: for each disputed figure, what each source says about it.
fn conflicts_html(out: &mut String, findings: &[Finding], corpus: &Corpus) {
    out.push_str("<section id=\"conflicts\"><h2>Conflict matrix</h2>\n");
    let disputed: Vec<(usize, &Finding)> = findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.judgment.verdict == Verdict::Conflict)
        .collect();
    if disputed.is_empty() {
        out.push_str("<p class=\"none\">No figure is disputed among the sources.</p></section>\n");
        return;
    }
    // columns: every source that speaks to a disputed figure, in corpus order
    let cols: std::collections::BTreeSet<usize> = disputed
        .iter()
        .flat_map(|(_, f)| f.judgment.evidence.iter())
        .map(|e| corpus.passages[e.passage].source)
        .collect();
    out.push_str("<table class=\"matrix\"><thead><tr><th>figure</th><th>draft says</th>");
    for &c in &cols {
        let _ = write!(out, "<th>{}</th>", esc(&corpus.sources[c].id));
    }
    out.push_str("</tr></thead><tbody>\n");
    for (n, f) in disputed {
        // per source: what its passages say, in the order found
        let mut says: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for e in &f.judgment.evidence {
            let p = &corpus.passages[e.passage];
            let text = format!(
                "<span class=\"{}\">{}</span>",
                relation_class(e.relation),
                esc(&p.figures[e.figure].describe())
            );
            let cell = says.entry(p.source).or_default();
            if !cell.contains(&text) {
                cell.push(text);
            }
        }
        let _ = write!(
            out,
            "<tr data-figure=\"f{n}\"><th><a href=\"#f{n}\"><code>{}</code></a> <span class=\"where\">{}:{}</span></th><td>{}</td>",
            esc(&f.judgment.figure.text),
            esc(&f.location.file),
            f.location.line,
            esc(&f.judgment.figure.describe())
        );
        for c in &cols {
            match says.get(c) {
                Some(cell) => {
                    let _ = write!(out, "<td>{}</td>", cell.join("<br>"));
                }
                None => out.push_str("<td class=\"silent\">—</td>"),
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n<p class=\"legend\"><span class=\"supports\">supports the figure</span> · \
                  <span class=\"contradicts\">says otherwise</span> · — says nothing on it</p></section>\n");
}

const STYLE: &str = r#"
:root{--supported:#1a7f37;--misquoted:#c62828;--unattributed:#8e24aa;--miscited:#d84315;--conflict:#b26a00;--ink:#1f2328;--muted:#57606a;--line:#d0d7de}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:var(--ink);margin:0 auto;max-width:1100px;padding:1rem 1.5rem}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.2rem;border-bottom:1px solid var(--line);padding-bottom:.2rem;margin-top:2rem}h3{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);margin:.2rem 0}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.95em}
#summary-line{font-weight:600}
#filters{display:flex;flex-wrap:wrap;gap:.4rem;margin:.8rem 0;position:sticky;top:0;background:#fff;padding:.4rem 0;border-bottom:1px solid var(--line)}
#filters label{border:2px solid currentColor;border-radius:1rem;padding:.1rem .7rem;cursor:pointer;user-select:none}
#filters label.off{opacity:.45;text-decoration:line-through}
#filters input{margin:0 .3rem 0 0}
.finding{border:1px solid var(--line);border-left:6px solid var(--c);border-radius:6px;margin:.8rem 0;padding:.6rem .9rem;break-inside:avoid}
.finding>header{display:flex;flex-wrap:wrap;gap:.6rem;align-items:baseline}
.badge{background:var(--c);color:#fff;border-radius:.3rem;padding:0 .45rem;font-weight:600;font-size:.85rem;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.fig{font-weight:700}.where,.code{color:var(--muted);font-size:.85rem}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:1rem;margin-top:.4rem}
@media (max-width:760px){.sides{grid-template-columns:1fr}}
.sentence{margin:.2rem 0}.message{margin:.2rem 0;font-weight:600}.help{margin:.2rem 0;color:var(--muted)}.help::before{content:"help: "}.notes,.cites{font-size:.85rem;color:var(--muted);margin:.2rem 0}
mark{border-radius:.2rem;padding:0 .15rem;-webkit-print-color-adjust:exact;print-color-adjust:exact}
mark.draft-fig{background:#fff3b0;outline:2px solid var(--c)}
mark.source-fig{background:#dbeafe;outline:2px solid #1f6feb}
blockquote.passage{margin:.3rem 0;padding:.3rem .6rem;border-left:3px solid var(--line);background:#f6f8fa}
blockquote.passage.contradicts{border-left-color:var(--misquoted)}blockquote.passage.supports{border-left-color:var(--supported)}
blockquote.passage p{margin:0}blockquote footer{font-size:.8rem;color:var(--muted)}
.none,.more,.legend{color:var(--muted);font-size:.9rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid var(--line);padding:.25rem .45rem;text-align:left;vertical-align:top}thead th{background:#f6f8fa}td.num{text-align:right}td.date{white-space:nowrap}td.silent{color:var(--muted);text-align:center}
span.supports{color:var(--supported);font-weight:600}span.contradicts{color:var(--misquoted);font-weight:600}
.v-supported{--c:var(--supported)}.v-misquoted{--c:var(--misquoted)}.v-unattributed{--c:var(--unattributed)}.v-miscited{--c:var(--miscited)}.v-conflict{--c:var(--conflict)}
footer.page{margin-top:2rem;color:var(--muted);font-size:.8rem}
@page{margin:1.4cm}
@media print{body{max-width:none;padding:0;font-size:10.5pt}#filters{display:none}.sides{grid-template-columns:1fr 1fr}.finding,tr{break-inside:avoid}h2{break-after:avoid}a{color:inherit;text-decoration:none}mark.draft-fig{outline:1.5px solid #000}mark.source-fig{outline:1.5px dashed #000}}
"#;

/// Filters by verdict; `#only=misquoted,conflict` in the address sets them on load.
const SCRIPT: &str = r#"
(function(){
  var boxes=[].slice.call(document.querySelectorAll('#filters input[data-verdict]'));
  var rows=[].slice.call(document.querySelectorAll('article.finding'));
  function apply(){
    var on={};boxes.forEach(function(b){on[b.getAttribute('data-verdict')]=b.checked;b.parentNode.className=b.checked?'':'off';});
    var shown=0;rows.forEach(function(r){var v=!!on[r.getAttribute('data-verdict')];r.hidden=!v;if(v)shown++;});
    document.getElementById('shown').textContent=String(shown);
  }
  boxes.forEach(function(b){b.addEventListener('change',apply);});
  var m=/only=([a-z,]+)/.exec(location.hash);
  if(m){var want=m[1].split(',');boxes.forEach(function(b){b.checked=want.indexOf(b.getAttribute('data-verdict'))>=0;});}
  apply();
  document.documentElement.setAttribute('data-ready','1');
})();
"#;

/// Write the whole report.
pub fn write_html(
    out: &mut dyn Write,
    findings: &[Finding],
    corpus: &Corpus,
    prov: &Provenance,
    summary: &Summary,
) -> std::io::Result<()> {
    let mut files: Vec<&str> = findings.iter().map(|f| f.location.file.as_str()).collect();
    files.dedup();
    let files: Vec<String> = files.iter().map(|f| esc(f)).collect();
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n\
         <meta name=\"generator\" content=\"claimcheck {version}\">\n\
         <title>claimcheck report{colon}{files}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <header><h1>claimcheck report</h1>\n<p class=\"files\">{files}</p>\n\
         <p id=\"summary-line\">{line}</p></header>\n",
        version = env!("CARGO_PKG_VERSION"),
        colon = if files.is_empty() { "" } else { ": " },
        files = files.join(", "),
        line = esc(&summary_line(summary)),
    );
    s.push_str("<nav id=\"filters\" aria-label=\"Show verdicts\">\n");
    for v in Verdict::ALL {
        let n = findings.iter().filter(|f| f.judgment.verdict == v).count();
        let _ = writeln!(
            s,
            "<label class=\"v-{c}\" style=\"color:var(--c)\"><input type=\"checkbox\" \
             data-verdict=\"{c}\" checked>{c} <span class=\"count\" data-verdict=\"{c}\">{n}</span></label>",
            c = verdict_class(v)
        );
    }
    let _ = writeln!(
        s,
        "<span class=\"shown\">showing <span id=\"shown\">{}</span> of {}</span></nav>",
        findings.len(),
        findings.len()
    );
    s.push_str("<section id=\"figures\"><h2>Figures</h2>\n");
    if findings.is_empty() {
        s.push_str("<p class=\"none\">No figure was checked.</p>\n");
    }
    for (n, f) in findings.iter().enumerate() {
        finding_html(&mut s, n, f, corpus, prov);
    }
    s.push_str("</section>\n");
    sources_html(&mut s, findings, corpus, prov);
    conflicts_html(&mut s, findings, corpus);
    let _ = write!(
        s,
        "<footer class=\"page\">claimcheck {} — every figure of the run; \
         <code>claimcheck explain CODE</code> says what a code means.</footer>\n\
         <script>{SCRIPT}</script>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    );
    out.write_all(s.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_controls() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(esc("a\u{1b}[31mb\u{202e}c"), "a\u{fffd}[31mb\u{fffd}c");
        assert_eq!(esc("a\n::error::b\tc"), "a ::error::b c");
        assert_eq!(
            prose("use `<b>` & `x`"),
            "use <code>&lt;b&gt;</code> &amp; <code>x</code>"
        );
        assert_eq!(prose("a ` b"), "a ` b");
    }

    #[test]
    fn highlight_marks_the_span_and_escapes_around_it() {
        assert_eq!(
            highlighted("a<b 780 & c", 4..7, "x"),
            "a&lt;b <mark class=\"x\">780</mark> &amp; c"
        );
        // a span off a char boundary or past the end is clamped, never a panic
        assert_eq!(highlighted("é1", 2..9, "x"), "é<mark class=\"x\">1</mark>");
        assert_eq!(highlighted("é1", 1..2, "x"), "<mark class=\"x\">é</mark>1");
    }

    #[test]
    fn draft_sentence_is_the_line_or_on_a_long_line_the_sentence() {
        let text = "# T\n\nIt rose 42% in 2021.\nNext.";
        let (s, span) = draft_sentence(text, &(13..16));
        assert_eq!(s, "It rose 42% in 2021.");
        assert_eq!(&s[span], "42%");
        let long = format!(
            "{} The Taliban freed 780 prisoners. {}",
            "Words here. ".repeat(60),
            "More. ".repeat(60)
        );
        let at = long.find("780").unwrap();
        let (s, span) = draft_sentence(&long, &(at..at + 3));
        assert_eq!(s, "The Taliban freed 780 prisoners.");
        assert_eq!(&s[span], "780");
        // a sentence longer than a line is cut around the figure
        let words = "word ".repeat(400);
        let long = format!("{words}780 people {words}");
        let at = long.find("780").unwrap();
        let (s, span) = draft_sentence(&long, &(at..at + 3));
        assert!(s.starts_with('…') && s.ends_with('…') && s.len() < 2 * LONG_LINE);
        assert_eq!(&s[span], "780");
    }

    #[test]
    fn many_figures_on_a_10_mb_line_are_linear() {
        let line = "The ministry counted 34 deaths on the road. ".repeat(240_000);
        let t = std::time::Instant::now();
        let mut n = 0;
        for (at, _) in line.match_indices("34").step_by(100) {
            let (s, span) = draft_sentence(&line, &(at..at + 2));
            assert_eq!(&s[span], "34");
            n += 1;
        }
        assert!(n > 2000);
        assert!(t.elapsed().as_secs() < 20, "{:?}", t.elapsed());
    }
}
