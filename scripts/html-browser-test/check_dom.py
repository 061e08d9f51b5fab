"""Assertions on the DOM that headless Chromium rendered (see run.sh).

Reads OUT/dom.html, OUT/dom-filtered.html, OUT/dom-hostile.html, OUT/report.json,
OUT/report.png and OUT/report.pdf; prints what it checked and exits 1 on the first
failure. Standard library only.
"""

import json
import sys
from html.parser import HTMLParser
from pathlib import Path


class Dom(HTMLParser):
    """The parts of the page the checks look at."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows = []  # (verdict, hidden) per article.finding
        self.counts = {}  # verdict -> shown count of the filter
        self.root_attrs = {}
        self.title = ""
        self.scripts = 0
        self.images = 0
        self.shown = None
        self.marks = []  # class of each <mark>
        self.text = []
        self._in = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "html":
            self.root_attrs = a
        if tag == "article" and "finding" in classes:
            self.rows.append((a.get("data-verdict"), "hidden" in a))
        if tag == "span" and "count" in classes:
            self._in = ("count", a.get("data-verdict"))
        if tag == "span" and a.get("id") == "shown":
            self._in = ("shown", None)
        if tag == "title":
            self._in = ("title", None)
        if tag == "script":
            self.scripts += 1
        if tag == "img":
            self.images += 1
        if tag == "mark":
            self.marks.append(a.get("class"))

    def handle_endtag(self, tag):
        if tag in ("span", "title"):
            self._in = None

    def handle_data(self, data):
        self.text.append(data)
        if self._in is None:
            return
        kind, verdict = self._in
        if kind == "count":
            self.counts[verdict] = int(data)
        elif kind == "shown":
            self.shown = int(data)
        elif kind == "title":
            self.title += data


def parse(path):
    d = Dom()
    d.feed(path.read_text(encoding="utf-8"))
    return d


def check(cond, what):
    if not cond:
        print(f"FAIL: {what}")
        sys.exit(1)
    print(f"ok: {what}")


def main():
    out = Path(sys.argv[1])
    report = json.loads((out / "report.json").read_text())
    want = {}
    for r in report["results"]:
        want[r["verdict"]] = want.get(r["verdict"], 0) + 1

    dom = parse(out / "dom.html")
    check(dom.root_attrs.get("data-ready") == "1", "the page's script ran (html[data-ready=1])")
    check(len(dom.rows) == len(report["results"]),
          f"one row per figure: {len(dom.rows)} rows, {len(report['results'])} figures in the JSON")
    got = {}
    for v, _ in dom.rows:
        got[v] = got.get(v, 0) + 1
    check(got == want, f"rows by verdict match the JSON: {sorted(got.items())}")
    for v in ("supported", "misquoted", "unattributed", "miscited", "conflict"):
        check(dom.counts.get(v) == want.get(v, 0), f"filter count for {v} is {dom.counts.get(v)}")
        check(want.get(v, 0) >= 1, f"example.md has a {v} figure")
    check(not any(h for _, h in dom.rows), "no row hidden without a filter")
    check(dom.shown == len(dom.rows), f"'showing {dom.shown}' of {len(dom.rows)}")
    check(dom.marks.count("draft-fig") == len(dom.rows), "every draft figure is highlighted")
    check(dom.marks.count("source-fig") >= 4, "source figures are highlighted")
    text = "".join(dom.text)
    check("Sources" in text and "Conflict matrix" in text, "per-source summary and conflict matrix")
    check("43 people" in text and "34 people" in text, "the conflict matrix says what each source says")

    filtered = parse(out / "dom-filtered.html")
    shown = [v for v, h in filtered.rows if not h]
    check(sorted(shown) == ["conflict", "misquoted"],
          f"#only=misquoted,conflict shows just those rows: {shown}")
    check(filtered.shown == 2, "and says 'showing 2'")

    hostile = parse(out / "dom-hostile.html")
    check("pwned" not in hostile.title, f"no script of a draft or source ran (title {hostile.title!r})")
    check(hostile.scripts == 1, f"the page's own script is the only <script> ({hostile.scripts})")
    check(hostile.images == 0, "no <img> from the draft")
    htext = "".join(hostile.text)
    check("<script>document.title='pwned'</script>" in htext, "the draft's markup is shown as text")
    check("&amp;" in htext and "<b>ministry</b>" in htext, "entities and the source's markup are text too")
    check(len(hostile.rows) == 1 and hostile.rows[0][0] == "misquoted", "the hostile draft's figure is a misquote")

    png = (out / "report.png").read_bytes()
    check(png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000, f"screenshot {out / 'report.png'} ({len(png)} bytes)")
    pdf = (out / "report.pdf").read_bytes()
    check(pdf[:5] == b"%PDF-" and len(pdf) > 5_000, f"print to PDF {out / 'report.pdf'} ({len(pdf)} bytes)")
    print(f"{len(dom.rows)} rows, counts {sorted(dom.counts.items())}: browser test passed")


if __name__ == "__main__":
    main()
