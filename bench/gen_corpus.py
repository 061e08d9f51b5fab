#!/usr/bin/env python3
"""Build the benchmark corpus, claims and draft for claimcheck, deterministically.

Everything is derived from the five real documents in seeds/ (kept verbatim, with
their extraction damage) and rewritten variants of them, the way an analyst's source
folder fills up: wire reprints with small edits, news briefs that excerpt a report,
rewrites (sentence order, synonyms, another spelling of the group), versions whose
numbers differ, digests that mix paragraphs of several documents and long compiled
reports.

Writes, under --out (default target/bench/):

  corpus/<kind>/NNN_<hash>.{txt,md}   the documents (the seeds under corpus/seeds/)
  claims.toml                         [corpus] paths = ["corpus"] and --claims [[claim]]s
  draft.md                            a --draft-sentences Markdown draft with footnotes
  figures.txt                         one figure string per claim (the grep baseline)
  manifest.json                       sizes, counts and the label of every claim

Same arguments, same bytes: the only randomness is random.Random(--seed).
Standard library only.
"""

import argparse
import hashlib
import json
import random
import re
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import archive  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

# ---------------------------------------------------------------- text tools

MONTHS = ("January|February|March|April|May|June|July|August|September|October|"
          "November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")

# sentence ends: ". X", and sentences glued by extraction (".Yet")
SENT_SPLIT = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9])|(?<=[a-z)][.!?])(?=[A-Z][a-z])")
NUMBER = re.compile(r"(?<![\w.,/])(\$|US\$|Rs\.? ?)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(%| percent| per cent)?(?![\w/])")
WORD_FIGURE = re.compile(
    r"\b(?:more than |over |almost |nearly |up to |about |around |some )?"
    r"(?:a dozen|dozens|hundreds|thousands|several thousand|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty) "
    r"(?:hundred|thousand|million|billion))\b", re.I)


def split_sentences(par):
    return [s.strip() for s in SENT_SPLIT.split(par) if s and s.strip()]


def is_year(tok, text, start):
    """Years, days of a date, list markers and paper numbers are not figures."""
    if re.fullmatch(r"(1[89]|20)\d\d", tok):
        return True
    before = text[max(0, start - 12):start]
    if re.search(r"(" + MONTHS + r")\.? $", before):
        return True            # "May 8"
    if re.search(r"(No\.|Vol\.|p\.|pp\.|page|article|section|chapter|resolution|\[|#) ?$", before, re.I):
        return True
    after = text[start + len(tok):start + len(tok) + 3]
    if re.match(r"(st|nd|rd|th)\b", after):
        return True            # ordinals
    return False


def figures_in(text):
    """(start, end, string) of the figures a reader would check: digits that are not
    years or dates, and a few number phrases."""
    out = []
    for m in NUMBER.finditer(text):
        tok = m.group(2)
        if is_year(tok, text, m.start(2)):
            continue
        if "(" in text[max(0, m.start() - 30):m.start()] and ")" not in text[max(0, m.start() - 30):m.start()] \
                and re.match(r"[\d,]*\)", text[m.end(2):m.end(2) + 6]):
            continue           # "(Afzal, 2022)"-style
        out.append((m.start(), m.end(), m.group(0)))
    for m in WORD_FIGURE.finditer(text):
        out.append((m.start(), m.end(), m.group(0)))
    out.sort()
    return out


SYNONYMS = {
    "released": ["freed"],
    "attacks": ["strikes", "assaults"],
    "attack": ["strike", "assault"],
    "militants": ["insurgents", "fighters"],
    "reportedly": ["allegedly"],
    "announced": ["declared", "unveiled"],
    "approximately": ["roughly", "about"],
    "more than": ["over"],
    "over": ["more than"],
    "significant": ["considerable", "major"],
    "senior": ["top", "high-ranking"],
    "leaders": ["commanders", "chiefs"],
    "dependent on": ["reliant on"],
    "violence": ["bloodshed"],
    "talks": ["negotiations"],
    "ceasefire": ["truce"],
    "cease-fire": ["truce", "ceasefire"],
    "country": ["nation"],
    "large": ["big", "sizeable"],
    "pledged": ["promised", "committed"],
    "an increase": ["a rise", "a jump"],
    "increasing": ["growing", "rising"],
    "government": ["administration", "authorities"],
    "group": ["organisation", "outfit"],
    "injured": ["wounded"],
    "several": ["a number of"],
    "stated": ["said"],
    "said": ["stated", "noted"],
    "emerged": ["surfaced"],
    "demonstrated": ["showed"],
    "however": ["still", "yet"],
    "additionally": ["also", "moreover"],
    "significantly": ["markedly", "substantially"],
    "fighters": ["militants", "combatants"],
    "regime": ["government"],
    "prisoners": ["detainees", "inmates"],
}
SYN_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, SYNONYMS), key=len, reverse=True)) + r")\b", re.I)

ALIASES = ["TTP", "Tehreek-e-Taliban Pakistan", "Tehrik-i-Taliban Pakistan",
           "Tehrik-e-Taliban Pakistan", "Pakistani Taliban"]
TTP_RE = re.compile(r"(?<![(\w-])TTP(?![\w)-])")


def keep_case(src, dst):
    if src[:1].isupper():
        return dst[:1].upper() + dst[1:]
    return dst


def synonym_swap(rng, text, rate):
    def sub(m):
        if rng.random() >= rate:
            return m.group(0)
        w = m.group(0)
        return keep_case(w, rng.choice(SYNONYMS[w.lower()]))
    text = SYN_RE.sub(sub, text)
    # "an attack" -> "a strike"
    return re.sub(r"\b([Aa])n (?=[bcdfgjklmnpqrstvwxyz])", r"\1 ", text)


def alias_swap(rng, text, rate):
    def sub(m):
        if rng.random() >= rate:
            return m.group(0)
        a = rng.choice(ALIASES[1:])
        # "the Pakistani Taliban" after "the" would read "the the"
        if a.startswith("the ") and text[max(0, m.start() - 4):m.start()].lower() == "the ":
            a = a[4:]
        return a
    return TTP_RE.sub(sub, text)


def alter_number(rng, s):
    """A plausible wrong figure for the digits in s: transposed digits, a changed
    magnitude, an off-by-some value; the format (commas, decimals) is kept."""
    digits = s.replace(",", "")
    if "." in digits:
        v = float(digits)
        return f"{v * rng.choice([0.5, 0.8, 1.2, 1.5, 2]):.{len(digits.split('.')[1])}f}"
    v = int(digits)
    choice = rng.random()
    if len(digits) >= 2 and choice < 0.3 and len(set(digits)) > 1:
        d = list(digits)
        for _ in range(10):
            i = rng.randrange(len(d) - 1)
            if d[i] != d[i + 1] and not (i == 0 and d[1] == "0"):
                d[i], d[i + 1] = d[i + 1], d[i]
                break
        new = int("".join(d))
    elif choice < 0.6:
        new = round(v * rng.choice([0.6, 0.75, 1.25, 1.4, 1.6, 2, 3]))
    elif choice < 0.8:
        new = v + rng.choice([-1, 1]) * rng.randint(1, max(2, v // 5))
    else:
        new = v * 10 if v < 100 else v // 10
    if new == v or new <= 0:
        new = v + rng.randint(1, 9)
    out = str(new)
    if "," in s and new >= 1000:
        out = f"{new:,}"
    return out


def change_numbers(rng, text, rate, years=0.0):
    """Change some figures of text (and, with probability `years`, some years)."""
    def sub(m):
        tok = m.group(2)
        if is_year(tok, text, m.start(2)):
            if re.fullmatch(r"20[012]\d", tok) and rng.random() < years:
                return m.group(0).replace(tok, str(int(tok) + rng.choice([-1, 1])))
            return m.group(0)
        if rng.random() >= rate:
            return m.group(0)
        return m.group(0).replace(tok, alter_number(rng, tok), 1)
    return NUMBER.sub(sub, text)


# ---------------------------------------------------------------- documents

class Seed:
    def __init__(self, path):
        self.path = path
        self.stem = path.stem
        self.text = path.read_text(encoding="utf-8")
        lines = [l.strip() for l in self.text.splitlines()]
        self.title = next((l.strip("*# ") for l in lines if len(l) > 20), self.stem)
        # paragraphs: blocks of text; one-line "paragraphs" of many sentences (the
        # extraction of seed 000 is a single 12 kB line) are cut into groups
        pars = []
        for block in re.split(r"\n\s*\n|\n(?=\S)", self.text):
            block = block.strip()
            if not block:
                continue
            sents = split_sentences(block)
            if len(block) > 2500 and len(sents) > 8:
                for i in range(0, len(sents), 6):
                    pars.append(" ".join(sents[i:i + 6]))
            else:
                pars.append(block)
        self.paragraphs = pars


WIRE = ["ANI", "Reuters", "AFP", "Dawn", "The Express Tribune", "The News International",
        "Pajhwok Afghan News", "Khaama Press", "Voice of America", "Arab News"]
PLACES = ["Islamabad", "Peshawar", "Kabul", "Quetta", "Karachi", "New Delhi", "Lahore"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
FOOTERS = [
    "(This story has not been edited by staff and is auto-generated from a syndicated feed.)",
    "Copyright {y}. All rights reserved. Republished with permission.",
    "Disclaimer: The views expressed are the author's own.",
    "For more analysis, subscribe to our weekly South Asia security briefing.",
    "Share this article: Facebook Twitter LinkedIn Email Print",
]
SECTIONS = ["Background", "Key developments", "Security situation", "Regional dynamics",
            "Outlook", "Analysis", "Timeline", "Context", "Assessment", "Implications"]


def dateline(rng):
    return f"{rng.choice(PLACES)} [{rng.choice(['Pakistan', 'Afghanistan', 'India'])}], " \
           f"{rng.choice(MONTH_NAMES)} {rng.randint(1, 28)} :"


def light_edits(rng, text):
    """What a reprint does to a text: quotes, U.S./US, a dropped word or two."""
    if rng.random() < 0.5:
        text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    if rng.random() < 0.5:
        text = text.replace("U.S.", "US")
    words = text.split(" ")
    for _ in range(rng.randint(0, 4)):
        if len(words) > 50:
            i = rng.randrange(len(words))
            if words[i].isalpha() and words[i].islower() and len(words[i]) < 5:
                del words[i]
    return " ".join(words)


def shuffle_sentences(rng, par, rate):
    sents = split_sentences(par)
    if len(sents) > 2 and rng.random() < rate:
        rng.shuffle(sents)
    return " ".join(sents)


def rewrite(rng, par, syn=0.0, alias=0.0, shuffle=0.0, numbers=0.0, years=0.0):
    if shuffle:
        par = shuffle_sentences(rng, par, shuffle)
    if syn:
        par = synonym_swap(rng, par, syn)
    if alias:
        par = alias_swap(rng, par, alias)
    if numbers or years:
        par = change_numbers(rng, par, numbers, years)
    return par


def make_doc(rng, kind, seeds):
    """(title, paragraphs) of one generated document of `kind`."""
    base = rng.choice(seeds)
    y = rng.choice([2022, 2023])
    if kind == "reprint":            # a wire copy: same text, new header and footer
        pars = [light_edits(rng, p) for p in base.paragraphs]
        if rng.random() < 0.4 and len(pars) > 6:     # shortened
            k = rng.randint(len(pars) // 2, len(pars) - 1)
            keep = sorted(rng.sample(range(len(pars)), k))
            pars = [pars[i] for i in keep]
        src = rng.choice(WIRE)
        pars = [f"{dateline(rng)} {pars[0]}"] + pars[1:]
        pars.append(rng.choice(FOOTERS).format(y=y))
        if rng.random() < 0.5:
            pars.insert(0, f"Republished from {src}")
        return light_edits(rng, base.title), pars
    if kind == "brief":              # a news brief excerpting a report, reworded
        n = len(base.paragraphs)
        k = max(2, min(n, rng.randint(3, 9)))
        start = rng.randrange(max(1, n - k + 1))
        pars = [rewrite(rng, p, syn=0.15, alias=0.2) for p in base.paragraphs[start:start + k]]
        pars = [f"{dateline(rng)} {pars[0]}"] + pars[1:]
        title = synonym_swap(rng, base.title, 0.5)
        return title, pars
    if kind == "rewrite":            # the same story retold: order, words, names
        pars = [rewrite(rng, p, syn=0.3, alias=0.4, shuffle=0.6) for p in base.paragraphs]
        if rng.random() < 0.5:
            rng.shuffle(pars)
        return synonym_swap(rng, base.title, 0.6), pars
    if kind == "numbers":            # another outlet's figures: same text, some numbers differ
        pars = [rewrite(rng, p, syn=0.1, numbers=0.3, years=0.05) for p in base.paragraphs]
        return base.title, pars
    if kind == "digest":             # a roundup: paragraphs of several documents
        pars = []
        for s in rng.sample(seeds, rng.randint(2, min(5, len(seeds)))):
            for p in rng.sample(s.paragraphs, min(len(s.paragraphs), rng.randint(1, 4))):
                pars.append(rewrite(rng, p, syn=0.1, alias=0.1, shuffle=0.2,
                                    numbers=0.05 if rng.random() < 0.3 else 0.0))
        rng.shuffle(pars)
        title = f"{rng.choice(['Weekly', 'Monthly', 'Daily'])} South Asia security digest, " \
                f"{rng.choice(MONTH_NAMES)} {y}"
        return title, pars
    if kind == "report":             # a long compiled report: whole documents as chapters
        pars = [f"Compiled report on the Tehrik-e-Taliban Pakistan, {y}"]
        for s in [rng.choice(seeds) for _ in range(rng.randint(4, 10))]:
            pars.append(f"## {rng.choice(SECTIONS)}: {s.title}")
            pars.extend(rewrite(rng, p, syn=0.05, alias=0.05) for p in s.paragraphs)
        return pars[0], pars[1:]
    raise ValueError(kind)


KINDS = [("reprint", 0.24), ("brief", 0.24), ("rewrite", 0.19), ("numbers", 0.10),
         ("digest", 0.17), ("report", 0.06)]
FOLDER = {"reprint": "news", "brief": "news", "rewrite": "analysis", "numbers": "analysis",
          "digest": "digests", "report": "reports"}


def render(rng, title, pars, md):
    if md:
        out = [f"# {title}", ""]
        for p in pars:
            if p.startswith("## "):
                out += [p, ""]
            else:
                out += [p, ""]
        return "\n".join(out)
    out = [title, ""]
    for p in pars:
        out += [p.removeprefix("## "), ""]
    return "\n".join(out)


# ---------------------------------------------------------------- claims and draft

def prose(s):
    """Not page furniture ("The Current SituationUSIP EXPERT ANALYSIS") and not a
    reference-list entry ("*Strategic Studies*, 35(2), 113-135.")."""
    return not (re.search(r"[a-z][A-Z]{2}|[A-Z]{5,}", s) or re.search(r"\d\(\d+\)|\d-\d+\.?$|\(\d{4}[,)]", s)
                or s.count("*") >= 2 and re.search(r"\d", s))


def candidate_sentences(docs):
    """(doc index, sentence) for every sentence a claim can be drawn from."""
    out = []
    for di, d in enumerate(docs):
        for block in re.split(r"\n\s*\n|\n", d["text"]):
            if block.startswith("#"):
                continue
            for s in split_sentences(block):
                words = s.split()
                if 8 <= len(words) <= 70 and figures_in(s) and s[0].isupper() \
                        and not s.startswith(("Republished", "By:", "Retrieved")) and "http" not in s \
                        and prose(s):
                    out.append((di, s))
    return out


def trim(s, rng):
    """Long sentences are cut down to the clause with the first figure."""
    words = s.split()
    if len(words) <= 40:
        return s
    f = figures_in(s)[0]
    parts = re.split(r"(?<=[,;—])\s*", s)
    pos, keep = 0, []
    for p in parts:
        if pos <= f[0] < pos + len(p) + 1 or keep and len(" ".join(keep).split()) < 12:
            keep.append(p)
        pos += len(p) + 1
        if keep and len(" ".join(keep).split()) >= 12 and not (pos <= f[0]):
            break
    out = " ".join(keep).strip(" ,;—")
    if not figures_in(out) or len(out.split()) < 8:
        return " ".join(words[:40])
    out = out[0].upper() + out[1:]
    return out if out.endswith((".", "?", "!")) else out + "."


DATELINE = re.compile(r"^[A-Z][\w ]+ \[\w+\], \w+ \d+ : ")


def paraphrase(rng, s):
    s = DATELINE.sub("", s)
    s = s[0].upper() + s[1:]
    s = synonym_swap(rng, s, 0.5)
    s = alias_swap(rng, s, 0.5)
    m = re.match(r"(According to [^,]{3,80}), (.+?)([.!?]?)$", s)
    if m and rng.random() < 0.7:       # move the attribution to the end
        s = f"{m.group(2)[0].upper()}{m.group(2)[1:]}, {m.group(1)[0].lower()}{m.group(1)[1:]}."
    m = re.match(r"(In|On|By|After|Following|Since) ([^,]{3,40}), (.+?)([.!?]?)$", s)
    if m and rng.random() < 0.6:       # move the opening time phrase to the end
        s = f"{m.group(3)[0].upper()}{m.group(3)[1:]} {m.group(1).lower()} {m.group(2)}."
    return s


def alter_first_figure(rng, s):
    """Change the first digit figure (or, one time in five, a year) of s."""
    years = [m for m in NUMBER.finditer(s) if re.fullmatch(r"20[012]\d", m.group(2))]
    if years and rng.random() < 0.2:
        m = years[0]
        return s[:m.start(2)] + str(int(m.group(2)) + rng.choice([-1, 1])) + s[m.end(2):], "year"
    for start, end, tok in figures_in(s):
        m = re.search(r"\d[\d,.]*\d|\d", tok)
        if m:
            a, b = start + m.start(), start + m.end()
            return s[:a] + alter_number(rng, s[a:b]) + s[b:], "value"
    return s, None


def figure_string(s):
    f = figures_in(s)
    if not f:
        return None
    tok = f[0][2]
    m = re.search(r"\d[\d,.]*\d|\d", tok)
    return m.group(0) if m else tok


def docs_with(docs, sentence):
    return [i for i, d in enumerate(docs) if sentence in d["text"]]


def make_claims(rng, docs, n):
    pool = candidate_sentences(docs)
    rng.shuffle(pool)
    # Round-robin over "families" (sentences with the same figures), so that the few
    # sentences every reprint carries do not crowd out the rest; distinct sentences
    # first, then second paraphrases of them when the corpus is small.
    families = {}
    for di, s in pool:
        families.setdefault(tuple(f[2] for f in figures_in(s)), []).append((di, s))
    fams = list(families.values())
    order = []
    for r in range(max(len(f) for f in fams)):
        order += [f[r] for f in fams if r < len(f)]
    claims, seen = [], set()
    order += [x for _ in range(20) for x in rng.sample(pool, len(pool))]
    for k, (di, s) in enumerate(order):
        if len(claims) >= n:
            break
        key = re.sub(r"\W+", " ", s.lower())
        if key in seen and k < len(order) - 20 * len(pool):
            continue
        seen.add(key)
        text = paraphrase(rng, trim(s, rng))
        if not figures_in(text) or not text[0].isupper() or not prose(text):
            continue
        r = rng.random()
        label, sources = "paraphrase", [docs[di]["stem"]]
        if r < 0.25:
            new, what = alter_first_figure(rng, text)
            if what:
                text, label = new, f"altered-{what}"
        elif r < 0.30:
            # cite a document that does not have the figure
            fig = figure_string(text)
            others = [d["stem"] for d in docs if fig and fig not in d["text"]]
            if others:
                sources, label = [rng.choice(others)], "miscited"
        elif r < 0.33:
            sources, label = [], "uncited"
        if sources and label == "paraphrase" and rng.random() < 0.2:
            # a second source carrying the same sentence
            extra = [docs[i]["stem"] for i in docs_with(docs, s) if i != di]
            if extra:
                sources.append(rng.choice(extra))
        text = re.sub(r"\s+", " ", text).strip()
        claims.append({"id": f"claim-{len(claims) + 1:04d}", "text": text,
                       "sources": sources, "label": label, "from": docs[di]["stem"],
                       "figure": figure_string(text)})
    return claims


def toml_str(s):
    return json.dumps(s, ensure_ascii=False)


def write_claims(path, claims):
    out = ["# claimcheck benchmark registry: generated by bench/gen_corpus.py, do not edit.",
           "", "[corpus]", 'paths = ["corpus"]', ""]
    for c in claims:
        out += ["[[claim]]", f"id = {toml_str(c['id'])}", f"text = {toml_str(c['text'])}",
                "sources = [" + ", ".join(toml_str(s) for s in c["sources"]) + "]", ""]
    path.write_text("\n".join(out), encoding="utf-8")


def make_draft(rng, docs, n_sentences):
    """A Markdown briefing: headings, paragraphs, footnotes to corpus documents."""
    pool = candidate_sentences(docs)
    plain = []
    for di, d in enumerate(docs):
        for block in d["text"].split("\n"):
            if block.startswith("#"):
                continue
            for s in split_sentences(block):
                if 8 <= len(s.split()) <= 40 and not re.search(r"\d", s) and not figures_in(s) \
                        and s[0].isupper() and prose(s):
                    plain.append((di, s))
    rng.shuffle(pool)
    rng.shuffle(plain)
    lines = ["# Briefing: the TTP after the Taliban takeover", "",
             "Prepared for the South Asia desk. Figures are traced to the source folder.", ""]
    notes = []          # footnote definitions, in order
    note_of = {}        # doc index -> footnote number
    par, n, figs = [], 0, 0
    while n < n_sentences:
        if n % 25 == 0:
            if par:
                lines += [" ".join(par), ""]
                par = []
            lines += [f"## {SECTIONS[(n // 25) % len(SECTIONS)]}", ""]
        if rng.random() < 0.6 and pool:
            di, s = pool.pop()
            text = paraphrase(rng, trim(s, rng))
            if not text[0].isupper() or not prose(text):
                continue
            if rng.random() < 0.2:
                text, _ = alter_first_figure(rng, text)
            figs += 1
            cite = rng.random()
            if cite < 0.7:
                if di not in note_of:
                    note_of[di] = len(notes) + 1
                    d = docs[di]
                    notes.append(f"[^{note_of[di]}]: {d['title'][:90]}, `{d['rel']}` ({d['stem']}).")
                text = text.rstrip() + f"[^{note_of[di]}]"
            elif cite < 0.8:
                text = text.rstrip(".") + f" ([source]({docs[di]['rel']}))."
        else:
            di, s = plain.pop() if plain else pool.pop()
            text = paraphrase(rng, s)
        par.append(re.sub(r"\s+", " ", text).strip())
        n += 1
        if len(par) >= rng.randint(3, 6):
            lines += [" ".join(par), ""]
            par = []
    if par:
        lines += [" ".join(par), ""]
    lines += notes
    return "\n".join(lines) + "\n", figs


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=300, help="documents in the corpus (default 300, at least 5)")
    ap.add_argument("--claims", type=int, default=300, help="[[claim]]s in claims.toml (default 300)")
    ap.add_argument("--draft-sentences", type=int, default=200, help="sentences in draft.md (default 200)")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--seeds-dir", type=Path, default=ROOT / "seeds")
    ap.add_argument("--out", type=Path, default=ROOT / "target" / "bench")
    ap.add_argument("--scale", choices=sorted(archive.SCALES),
                    help="an archive of mixed domains instead (S 10 MB, M 100 MB, L 1 GB), "
                         "with planted claims, in --out/archive-SCALE/ (see archive.py)")
    args = ap.parse_args()
    if args.scale:
        out = args.out / f"archive-{args.scale}"
        archive.generate(args.scale, out, args.seed, args.claims if args.claims != 300 else 210,
                         args.seeds_dir)
        return
    if args.docs < 5:
        ap.error("--docs must be at least 5 (the seeds)")

    rng = random.Random(args.seed)
    seeds = [Seed(p) for p in sorted(args.seeds_dir.glob("*.txt"))]
    corpus = args.out / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    width = max(3, len(str(args.docs - 1)))
    docs = []

    def add(text, folder, ext, title, stem=None):
        i = len(docs)
        if stem is None:
            stem = f"{i:0{width}d}_{hashlib.sha1(text.encode()).hexdigest()[:16]}"
        rel = f"corpus/{folder}/{stem}.{ext}"
        p = args.out / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
        docs.append({"stem": stem, "rel": rel, "text": text, "title": title, "bytes": len(text.encode())})

    for s in seeds:                      # the real documents, byte for byte
        add(s.text, "seeds", "txt", s.title, stem=s.stem)
    kinds, weights = zip(*KINDS)
    while len(docs) < args.docs:
        kind = rng.choices(kinds, weights)[0]
        title, pars = make_doc(rng, kind, seeds)
        md = rng.random() < 0.2
        add(render(rng, title, pars, md), FOLDER[kind], "md" if md else "txt", title)

    claims = make_claims(rng, docs, args.claims)
    write_claims(args.out / "claims.toml", claims)
    (args.out / "figures.txt").write_text("".join(c["figure"] + "\n" for c in claims), encoding="utf-8")
    draft, draft_figs = make_draft(rng, docs, args.draft_sentences)
    (args.out / "draft.md").write_text(draft, encoding="utf-8")

    total = sum(d["bytes"] for d in docs)
    labels = {}
    for c in claims:
        labels[c["label"]] = labels.get(c["label"], 0) + 1
    manifest = {
        "seed": args.seed, "docs": len(docs), "bytes": total,
        "md_docs": sum(d["rel"].endswith(".md") for d in docs),
        "claims": len(claims), "claim_labels": labels,
        "draft_sentences": args.draft_sentences, "draft_figure_sentences": draft_figs,
        "claim_list": [{k: c[k] for k in ("id", "label", "from", "sources", "figure")} for c in claims],
    }
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    sizes = sorted(d["bytes"] for d in docs)
    print(f"corpus: {len(docs)} documents, {total / 1e6:.2f} MB "
          f"(median {sizes[len(sizes) // 2] / 1e3:.1f} kB, largest {sizes[-1] / 1e3:.0f} kB), "
          f"{manifest['md_docs']} .md; claims: {len(claims)} {labels}; "
          f"draft: {args.draft_sentences} sentences, {draft_figs} with figures -> {args.out}")


if __name__ == "__main__":
    main()
