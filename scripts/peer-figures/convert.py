#!/usr/bin/env python3
"""Convert three peer projects' test suites into claimcheck figure cases.

Reads what scripts/peer-figures/fetch.sh downloaded under target/peer-figures/
and writes target/peer-figures/cases.json: a list of

    {"suite": "quantulum3" | "number-parser" | "text2num",
     "category": "...",            # derived from the peer suite
     "text": "...",                # the input text
     "expect": [{"value": 42, "unit": "count"}, ...],
     "source": "file:function",    # where the case came from (for humans)
     "adjusted": ["bare_one", ...]} # only when the expectation was edited

An expectation item may also carry "low" and "high" (a range such as
"from 7 to 10"): the harness then compares the interval, not "value", since
the peer states a range as its midpoint.

Only cases in claimcheck's scope are kept: plain counts, percentages, money
(dollars, euros, pounds, rupees), durations in days/weeks/months/years, and
cardinal number words.  Everything else (physical units, ordinals, fractions,
times of day, spoken digit strings, spoken decimals, rates, ...) is dropped and
counted by reason.  Two edits follow claimcheck's own rules rather than the
peer's: a bare "one" is not a figure, and a four-digit year is not a figure;
such values are removed from the expectation and the case is marked
"adjusted".

Standard library only.
"""

from __future__ import annotations

import ast
import csv
import glob
import json
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "target" / "peer-figures"

Q_DIR = OUT / "quantulum3-0.10.0" / "quantulum3" / "_lang" / "en_US" / "tests"
N_DIR = OUT / "number-parser-0.3.2" / "tests"


class Drop(Exception):
    """Raised while converting a case that is out of claimcheck's scope."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# --------------------------------------------------------------------------
# Book-keeping
# --------------------------------------------------------------------------

CASES: list[dict] = []
KEPT: Counter = Counter()  # (suite, category) -> n
DROPPED: Counter = Counter()  # (suite, category) -> n
REASONS: Counter = Counter()  # (suite, reason) -> n
ADJUSTED: Counter = Counter()  # (suite, adjustment) -> n
DUPLICATES: Counter = Counter()  # suite -> n
_SEEN: set = set()


def num(v: float):
    """JSON-friendly number: ints stay ints."""
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
        return int(v)
    return v


def keep(suite, category, text, expect, source, adjusted=()):
    key = (suite, category, text)
    if key in _SEEN:
        DUPLICATES[suite] += 1
        return
    _SEEN.add(key)
    case = {
        "suite": suite,
        "category": category,
        "text": text,
        "expect": expect,
        "source": source,
    }
    if adjusted:
        case["adjusted"] = sorted(set(adjusted))
        for a in set(adjusted):
            ADJUSTED[(suite, a)] += 1
    CASES.append(case)
    KEPT[(suite, category)] += 1


def drop(suite, category, reason):
    DROPPED[(suite, category)] += 1
    REASONS[(suite, reason)] += 1


# --------------------------------------------------------------------------
# Shared helpers for "text in -> text with digits out" peers
# --------------------------------------------------------------------------

CARDINAL_WORDS = {
    "zero", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
    "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fourty",
    "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds",
    "thousand", "thousands", "million", "millions", "billion", "billions",
}

MONEY_WORDS = {
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "rupee", "rupees",
    "usd", "eur", "gbp", "inr",
}
PERCENT_WORDS = {"percent", "per cent", "%", "pct"}
DURATION_WORDS = {"day", "days", "week", "weeks", "month", "months", "year", "years"}
SHORT_DURATION_WORDS = {
    "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins",
    "hour", "hours", "hr", "hrs",
}
PHYSICAL_WORDS = {
    "kg", "g", "mg", "km", "m", "cm", "mm", "mi", "mile", "miles", "meter",
    "meters", "metre", "metres", "kilometer", "kilometers", "kilometre",
    "kilometres", "kilogram", "kilograms", "gram", "grams", "l", "litre",
    "litres", "liter", "liters", "gallon", "gallons", "inch", "inches", "ft",
    "foot", "feet", "lb", "lbs", "degree", "degrees", "°c", "°f", "c", "f",
    "w", "kw", "kwh", "mb", "gb", "kb", "tb",
}

# A number in a peer's output: digits, optional decimal part, optional
# ordinal/fraction suffix.
OUT_NUM_RE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)(st|nd|rd|th|ths|s)?(?![\w])")


def unit_after(out_text: str, end: int) -> str:
    """Classify the word that follows a number in a peer's output text."""
    rest = out_text[end:]
    m = re.match(r"\s*-?\s*(%|°[cf]|[a-z]+(?: cent)?)", rest, re.I)
    word = m.group(1).lower() if m else ""
    if word in PERCENT_WORDS:
        return "percent"
    if word in MONEY_WORDS:
        return "money"
    if word in DURATION_WORDS:
        return "duration"
    if word in SHORT_DURATION_WORDS:
        raise Drop("duration_unit_out_of_scope")
    if word in PHYSICAL_WORDS:
        raise Drop("physical_unit")
    if word in ("o'clock", "o") and re.match(r"\s*o'clock", rest, re.I):
        raise Drop("time_of_day")
    return "count"


def expect_from_replacement(inp: str, out: str, *, leaves_small_words: bool):
    """Derive expected figures from a peer that rewrites number words as digits.

    Numbers already written as digits in the input are not counted as new.
    Returns (expect, adjustments).  Raises Drop for out-of-scope cases.
    """
    if re.search(r"o'clock", inp, re.I):
        raise Drop("time_of_day")
    already = Counter(m.group(1) for m in OUT_NUM_RE.finditer(inp))
    expect, adjusted = [], []
    for m in OUT_NUM_RE.finditer(out):
        digits, suffix = m.group(1), (m.group(2) or "")
        if already[digits] > 0:
            already[digits] -= 1
            continue
        if suffix in ("st", "nd", "rd", "th"):
            raise Drop("ordinal")
        if suffix == "ths":
            raise Drop("fraction")
        if suffix == "s":
            # "1960s" and the like; none expected from these peers.
            raise Drop("decade")
        if len(digits) > 1 and digits.startswith("0") and "." not in digits:
            raise Drop("digit_sequence")
        if "." in digits:
            raise Drop("spoken_decimal")
        # "1 2 3": spoken digit strings run together are not cardinals.
        unit = unit_after(out, m.end())
        if digits == "1":
            # Only a bare "one" turns into a lone "1": claimcheck's rule is
            # that a bare "one" is not a figure.
            adjusted.append("bare_one")
            continue
        expect.append({"value": int(digits), "unit": unit})
    # Number words the peer left alone on purpose (text2num does not rewrite
    # isolated numbers below its threshold of 10).
    if leaves_small_words:
        words = re.findall(r"[a-z]+", out.lower())
        if any(w in CARDINAL_WORDS for w in words):
            raise Drop("peer_threshold")
    return expect, adjusted


def whole_number(text: str, value_text: str):
    """A case where the whole text is one number; value_text is the peer's
    digits (may carry an ordinal/fraction suffix)."""
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(st|nd|rd|th|ths)?", value_text.strip())
    if not m:
        raise Drop("unparseable_expectation")
    digits, suffix = m.group(1), m.group(2) or ""
    if suffix in ("st", "nd", "rd", "th"):
        raise Drop("ordinal")
    if suffix == "ths":
        raise Drop("fraction")
    if len(digits) > 1 and digits.startswith("0") and "." not in digits:
        raise Drop("digit_sequence")
    if "." in digits:
        raise Drop("spoken_decimal")
    if re.fullmatch(r"\s*one\s*", text, re.I):
        return [], ["bare_one"]
    return [{"value": int(digits), "unit": "count"}], []


# --------------------------------------------------------------------------
# quantulum3
# --------------------------------------------------------------------------

Q_MONEY = {
    "dollar", "united states dollar", "euro", "pound sterling", "rupee",
    "indian rupee", "pakistani rupee",
}
Q_CURRENCY_SUBUNIT = {"cent", "penny", "dime", "nickel", "quarter"}
Q_DURATION = {"day", "week", "month", "year"}
Q_SHORT_DURATION = {"second", "minute", "hour"}
Q_COUNT_UNITS = {"dozen", "gross", "baker's dozen", "score"}
FRACTION_SURFACE_RE = re.compile(
    r"/|[¼½¾⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]|\b(half|halves|thirds?|quarters?|fourths?|fifths?|"
    r"sixths?|sevenths?|eighths?|ninths?|tenths?)\b",
    re.I,
)
TIME_OF_DAY_RE = re.compile(r"\b\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)(?![a-z])", re.I)
RANGE_SURFACE_RE = re.compile(r"\d\s*(?:-|–|—|\bto\b|\band\b)\s*[-−]?\d", re.I)


def q_map(r: dict):
    """Map one quantulum3 quantity to (expect_item | None, adjustment | None).

    None as item with an adjustment means: dropped from the expectation by a
    claimcheck rule.  Raises Drop for out-of-scope quantities."""
    unit = r["unit"].strip()
    low_unit = unit.lower()
    surface = r.get("surface", "")
    value = float(r["value"])
    if " per " in low_unit or low_unit.startswith("inverse ") or low_unit.startswith("count per"):
        raise Drop("rate")
    if FRACTION_SURFACE_RE.search(surface) or (
            low_unit == "dimensionless" and not value.is_integer()
            and r.get("uncertainty") is None and re.search(r"[a-z]", surface, re.I)):
        raise Drop("fraction")
    if low_unit == "dimensionless":
        if re.fullmatch(r"\d{4}", surface.strip()) and 1000 <= value <= 2100:
            return None, "year_not_a_figure"
        cc_unit = "count"
    elif low_unit == "percentage":
        cc_unit = "percent"
    elif low_unit in Q_MONEY:
        cc_unit = "money"
    elif low_unit in Q_DURATION:
        cc_unit = "duration"
    elif low_unit in Q_CURRENCY_SUBUNIT:
        raise Drop("currency_subunit")
    elif low_unit in Q_SHORT_DURATION:
        raise Drop("duration_unit_out_of_scope")
    elif low_unit in Q_COUNT_UNITS:
        raise Drop("count_unit")
    else:
        raise Drop("physical_unit")
    item = {"value": num(value), "unit": cc_unit}
    unc = r.get("uncertainty")
    if unc is not None:
        if RANGE_SURFACE_RE.search(surface):
            item["low"] = num(value - float(unc))
            item["high"] = num(value + float(unc))
        else:
            raise Drop("uncertainty")
    return item, None


def convert_quantulum3():
    suite = "quantulum3"
    files = ["quantities.json", "quantities.ambiguity.json"]
    for fname in files:
        path = Q_DIR / fname
        if not path.exists():
            sys.exit(f"convert: missing {path} (run scripts/peer-figures/fetch.sh)")
        for i, entry in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            text = entry["req"]
            res = entry.get("res", [])
            units = sorted({r["unit"] for r in res})
            category = "+".join(units) if units else "no_quantity"
            try:
                if not res and TIME_OF_DAY_RE.search(text):
                    raise Drop("time_of_day")
                expect, adjusted = [], []
                for r in res:
                    item, adj = q_map(r)
                    if item is not None:
                        expect.append(item)
                    if adj:
                        adjusted.append(adj)
                kept_units = sorted({r["unit"] for r in res
                                     if not (r["unit"] == "dimensionless"
                                             and re.fullmatch(r"\d{4}", r.get("surface", "").strip()))})
                if res:
                    category = "+".join(kept_units) if kept_units else "no_quantity"
                keep(suite, category, text, expect, f"{fname}#{i}", adjusted)
            except Drop as d:
                drop(suite, category, d.reason)


# --------------------------------------------------------------------------
# quantulum3 with physical units kept ("quantulum3-units")
# --------------------------------------------------------------------------
#
# Every sentence of both quantulum3 files is kept whole, deduplicated
# case-insensitively, and nothing in an expectation is removed.  Each quantity
# is judged on value, unit and dimension: quantulum3's unit name is mapped to
# the dimension and the unit symbols claimcheck writes (lexicon/units.toml).
# A quantity whose dimension claimcheck does not model (a rate, an angle, a
# radiation dose, ...) maps to "unmodelled" and can never be matched, so its
# sentence fails; such sentences are also reported apart (category prefix
# "unmodelled") so the rate over the modelled dimensions can be read too.

# quantulum3 unit name -> (claimcheck dimension, accepted unit symbols)
Q_MEASURES = {
    "metre": ("length", ["m"]),
    "kilometre": ("length", ["km"]),
    "centimetre": ("length", ["cm"]),
    "millimetre": ("length", ["mm"]),
    "nanometre": ("length", ["nm"]),
    "picometre": ("length", ["pm"]),
    "attometre": ("length", ["am"]),
    "mile": ("length", ["mi"]),
    "inch": ("length", ["in"]),
    "foot": ("length", ["ft"]),
    "square kilometre": ("area", ["km²"]),
    "square mile": ("area", ["sq mi"]),
    "square metre": ("area", ["m²"]),
    "cubic kilometre": ("volume", ["km³"]),
    "cubic centimetre": ("volume", ["cm³", "ml"]),
    "litre": ("volume", ["l"]),
    "centilitre": ("volume", ["cl"]),
    "gallon": ("volume", ["gal"]),
    "cup": ("volume", ["cup"]),
    "tablespoon": ("volume", ["tbsp"]),
    "milligram": ("mass", ["mg"]),
    "kilogram": ("mass", ["kg"]),
    "gram": ("mass", ["g"]),
    "tonne": ("mass", ["t"]),
    "pound-mass": ("mass", ["lb"]),
    "degree celsius": ("temperature °C", ["°C"]),
    "degree fahrenheit": ("temperature °F", ["°F"]),
    "watt": ("power", ["W"]),
    "watt hour": ("energy", ["Wh"]),
    "megawatt hour": ("energy", ["MWh"]),
    "electronvolt": ("energy", ["eV"]),
    "teraelectronvolt": ("energy", ["TeV"]),
    "british thermal unit": ("energy", ["BTU"]),
    "kilometre per hour": ("speed", ["km/h"]),
    "gigahertz": ("frequency", ["GHz"]),
    "megabyte": ("data size", ["MB"]),
    "exabyte": ("data size", ["EB"]),
    "byte": ("data size", ["B"]),
    "kibibyte": ("data size", ["KiB"]),
    "bit": ("data size", ["bit"]),
    "kilobit per second": ("data rate", ["kbit/s"]),
    "kelvin": ("temperature K", ["K"]),
    "gray": ("absorbed dose", ["Gy"]),
    "milligray": ("absorbed dose", ["mGy"]),
}
Q_CURRENCIES = {"dollar": "USD", "euro": "EUR", "pound sterling": "GBP"}
# subunit -> (currency or None when the name leaves it open, factor)
Q_SUBUNITS = {"cent": (None, 0.01), "penny": ("GBP", 0.01), "dime": ("USD", 0.1)}
Q_TIME = {"second", "minute", "hour", "day", "week", "month", "year"}
Q_COUNTS = {"dozen": 12, "gross": 144, "baker's dozen": 13}


def q_per(name: str):
    """The denominator of a quantulum3 rate ("hour" of "dollar per hour") as claimcheck
    names it (`per_unit`: a time word, or a physical unit's symbol), or None."""
    if name in Q_TIME:
        return name
    if name in Q_MEASURES:
        return Q_MEASURES[name][1][0]
    return None


def q_units_map(r: dict):
    """One quantulum3 quantity -> (expect item, dimension label)."""
    unit = r["unit"].strip()
    low = unit.lower()
    # a rate, "dollar per hour": the numerator's quantity counted per the denominator
    # (one denominator only; "count" is quantulum3's name for a plain count)
    numer, sep, denom = low.partition(" per ")
    if sep and low not in Q_MEASURES and " per " not in denom and q_per(denom) is not None:
        inner = dict(r, unit="dimensionless" if numer == "count" else numer)
        item, dim = q_units_map(inner)
        if dim != "unmodelled":
            item["per"] = q_per(denom)
            return item, dim + " per " + denom
        return item, dim
    value = float(r["value"])
    surface = r.get("surface", "")
    if low == "dimensionless":
        item, dim = {"value": num(value), "unit": "count"}, "count"
    elif low == "percentage":
        item, dim = {"value": num(value), "unit": "percent"}, "percent"
    elif low in Q_CURRENCIES:
        item = {"value": num(value), "unit": "money", "currency": Q_CURRENCIES[low]}
        dim = "money"
    elif low in Q_SUBUNITS:
        code, k = Q_SUBUNITS[low]
        item = {"value": num(value * k), "unit": "money"}
        if code:
            item["currency"] = code
        dim = "money"
    elif low in Q_TIME:
        item, dim = {"value": num(value), "unit": "duration", "time": low}, "duration"
    elif low in Q_COUNTS:
        # a dozen is 12 of a count: compared after converting the unit
        item, dim = {"value": num(value * Q_COUNTS[low]), "unit": "count"}, "count"
    elif low in Q_MEASURES:
        d, symbols = Q_MEASURES[low]
        item = {"value": num(value), "unit": "measure", "dimension": d, "units": symbols}
        dim = d
    else:
        return {"value": num(value), "unit": "unmodelled:" + unit}, "unmodelled"
    unc = r.get("uncertainty")
    if unc is not None and "±" not in surface and "+/-" not in surface:
        # quantulum3 states a range as its midpoint and half-width; a written
        # "±" is an uncertainty around the value, judged on the value
        item["low"] = num(value - float(unc))
        item["high"] = num(value + float(unc))
    return item, dim


def convert_quantulum3_units():
    suite = "quantulum3-units"
    seen = set()
    for fname in ["quantities.json", "quantities.ambiguity.json"]:
        path = Q_DIR / fname
        for i, entry in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            text = entry["req"]
            if text.lower() in seen:
                DUPLICATES[suite] += 1
                continue
            seen.add(text.lower())
            expect, dims = [], set()
            for r in entry.get("res", []):
                item, dim = q_units_map(r)
                expect.append(item)
                dims.add(dim)
            if "unmodelled" in dims:
                category = "unmodelled"
            elif not dims:
                category = "no_quantity"
            elif any(" per " in d for d in dims):
                category = "rate"
            elif dims <= {"count", "percent", "money", "duration"}:
                category = "count/percent/money/duration"
            else:
                category = "physical"
            keep(suite, category, text, expect, f"{fname}#{i}")


# --------------------------------------------------------------------------
# number-parser
# --------------------------------------------------------------------------


def convert_number_parser():
    suite = "number-parser"
    data = N_DIR / "data"
    if not data.is_dir():
        sys.exit(f"convert: missing {data} (run scripts/peer-figures/fetch.sh)")
    for path in sorted(glob.glob(str(data / "*" / "en_*.csv"))):
        path = Path(path)
        category = path.stem  # e.g. en_hundred_clevert
        is_ordinal = "ordinal" in path.parent.name
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if not {"number", "text"} <= set(reader.fieldnames or []):
                sys.exit(f"convert: unexpected header {reader.fieldnames} in {path}")
            for row in reader:
                text = row["text"].strip()
                try:
                    if is_ordinal:
                        raise Drop("ordinal")
                    expect, adjusted = whole_number(text, row["number"])
                    keep(suite, category, text, expect,
                         f"{path.parent.name}/{path.name}:{reader.line_num}", adjusted)
                except Drop as d:
                    drop(suite, category, d.reason)

    # The parametrized sentence tests in tests/test_language_en.py.
    src_path = N_DIR / "test_language_en.py"
    tree = ast.parse(src_path.read_text(encoding="utf-8"))
    for fn in tree.body:
        if not isinstance(fn, ast.FunctionDef):
            continue
        params = None
        for dec in fn.decorator_list:
            if (isinstance(dec, ast.Call) and isinstance(dec.func, ast.Attribute)
                    and dec.func.attr == "parametrize" and len(dec.args) >= 2):
                params = ast.literal_eval(dec.args[1])
        if params is None:
            continue
        called = {n.func.id for n in ast.walk(fn)
                  if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
        category = fn.name.removeprefix("test_")
        for inp, expected in params:
            text = inp
            try:
                if "parse_number" in called:
                    if expected is None:
                        raise Drop("invalid_number")
                    expect, adjusted = whole_number(text, str(expected))
                elif "parse" in called:
                    expect, adjusted = expect_from_replacement(
                        inp, expected, leaves_small_words=False)
                elif "parse_ordinal" in called:
                    raise Drop("ordinal")
                else:
                    raise Drop("unknown_test_kind")
                keep(suite, category, text, expect, f"test_language_en.py:{fn.name}", adjusted)
            except Drop as d:
                drop(suite, category, d.reason)


# --------------------------------------------------------------------------
# text2num
# --------------------------------------------------------------------------


def rust_string(src: str, i: int):
    """Parse a Rust string literal starting at src[i] (a '"' or 'r').
    Returns (value, index after the literal)."""
    if src[i] == "r":
        j = i + 1
        hashes = 0
        while src[j] == "#":
            hashes += 1
            j += 1
        assert src[j] == '"'
        close = '"' + "#" * hashes
        end = src.index(close, j + 1)
        return src[j + 1:end], end + len(close)
    assert src[i] == '"'
    out = []
    j = i + 1
    while True:
        c = src[j]
        if c == '"':
            return "".join(out), j + 1
        if c == "\\":
            n = src[j + 1]
            if n == "\n":  # line continuation: skip the newline and indentation
                j += 2
                while src[j] in " \t\r\n":
                    j += 1
                continue
            simple = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", '"': '"', "'": "'"}
            if n in simple:
                out.append(simple[n])
                j += 2
                continue
            if n == "u":
                end = src.index("}", j)
                out.append(chr(int(src[j + 3:end], 16)))
                j = end + 1
                continue
            if n == "x":
                out.append(chr(int(src[j + 2:j + 4], 16)))
                j += 4
                continue
            raise ValueError(f"unknown escape \\{n}")
        out.append(c)
        j += 1


def strip_rust_comments(src: str) -> str:
    """Blank out // and /* */ comments, leaving string literals intact."""
    out = []
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c == '"' or (c == "r" and re.match(r'r#*"', src[i:]) and (i == 0 or not src[i - 1].isalnum())):
            _, j = rust_string(src, i)
            out.append(src[i:j])
            i = j
        elif src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            i = j
        elif src.startswith("/*", i):
            j = src.index("*/", i) + 2
            out.append(" ")
            i = j
        elif c == "'" and re.match(r"'(\\.|[^\\'])'", src[i:]):
            m = re.match(r"'(\\.|[^\\'])'", src[i:])
            out.append(m.group(0))
            i += len(m.group(0))
        else:
            out.append(c)
            i += 1
    return "".join(out)


def parse_macro_args(src: str, i: int):
    """src[i] is just after 'name!(' ; returns (list of string args, end)."""
    args = []
    j = i
    while True:
        while src[j] in " \t\r\n,":
            j += 1
        if src[j] == ")":
            return args, j + 1
        if src[j] == '"' or src[j] == "r":
            s, j = rust_string(src, j)
            args.append(s)
        else:
            raise ValueError(f"non-literal macro argument near: {src[j:j + 60]!r}")


def text2num_src() -> Path:
    p = OUT / "text2num-src.path"
    if p.exists():
        d = Path(p.read_text().strip())
    else:
        home = Path(os.environ.get("CARGO_HOME", Path.home() / ".cargo"))
        found = sorted(glob.glob(str(home / "registry" / "src" / "*" / "text2num-2.8.0")))
        if not found:
            sys.exit("convert: text2num-2.8.0 source not found (run scripts/peer-figures/fetch.sh)")
        d = Path(found[0])
    f = d / "src" / "lang" / "en" / "mod.rs"
    if not f.exists():
        sys.exit(f"convert: missing {f} (run scripts/peer-figures/fetch.sh)")
    return f


def convert_text2num():
    suite = "text2num"
    path = text2num_src()
    raw = path.read_text(encoding="utf-8")
    start = raw.find("mod tests")
    src = strip_rust_comments(raw[start:])
    fn_re = re.compile(r"\bfn\s+(\w+)\s*\(")
    macro_re = re.compile(r"\b(assert_\w+)!\s*\(")
    fns = [(m.start(), m.group(1)) for m in fn_re.finditer(src)]

    def fn_at(pos):
        name = None
        for p, n in fns:
            if p <= pos:
                name = n
        return name

    known = {"assert_text2digits", "assert_replace_numbers", "assert_replace_all_numbers",
             "assert_invalid"}
    for m in macro_re.finditer(src):
        macro = m.group(1)
        # skip the macro_rules! definitions themselves
        if src[max(0, m.start() - 14):m.start()].rstrip().endswith("macro_rules!"):
            continue
        fn = fn_at(m.start())
        if fn is None:
            continue
        try:
            args, _ = parse_macro_args(src, m.end())
        except ValueError as e:
            print(f"convert: text2num: skipped {macro} in {fn}: {e}", file=sys.stderr)
            continue
        if macro not in known:
            print(f"convert: text2num: unknown macro {macro} in {fn}", file=sys.stderr)
            continue
        category = fn.removeprefix("test_")
        text = args[0]
        try:
            if macro == "assert_invalid":
                # text2digits() refuses the text as ONE number; that says
                # nothing about what figures running prose holds.
                raise Drop("invalid_number")
            if macro == "assert_text2digits":
                expect, adjusted = whole_number(text, args[1])
            else:
                out = args[1]
                if out == text:
                    expect, adjusted = [], []
                    if macro == "assert_replace_numbers" and any(
                            w in CARDINAL_WORDS for w in re.findall(r"[a-z]+", text.lower())):
                        if re.search(r"o'clock", text, re.I):
                            raise Drop("time_of_day")
                        raise Drop("peer_threshold")
                else:
                    expect, adjusted = expect_from_replacement(
                        text, out, leaves_small_words=(macro == "assert_replace_numbers"))
            keep(suite, category, text, expect, f"src/lang/en/mod.rs:{fn}:{macro}", adjusted)
        except Drop as d:
            drop(suite, category, d.reason)


# --------------------------------------------------------------------------


def summary() -> str:
    lines = []
    suites = ["quantulum3", "quantulum3-units", "number-parser", "text2num"]
    for s in suites:
        cats = sorted({c for (su, c) in list(KEPT) + list(DROPPED) if su == s})
        k = sum(n for (su, _), n in KEPT.items() if su == s)
        d = sum(n for (su, _), n in DROPPED.items() if su == s)
        lines.append(f"== {s}: kept {k}, dropped {d}, duplicates skipped {DUPLICATES[s]}")
        all_dropped = [c for c in cats if KEPT[(s, c)] == 0]
        shown = [c for c in cats if KEPT[(s, c)] or len(all_dropped) <= 8]
        w = max([len(c) for c in shown] + [30])
        lines.append(f"   {'category':<{w}}  kept  dropped")
        for c in cats:
            if KEPT[(s, c)] or len(all_dropped) <= 8:
                lines.append(f"   {c:<{w}}  {KEPT[(s, c)]:>4}  {DROPPED[(s, c)]:>7}")
        if len(all_dropped) > 8:
            n = sum(DROPPED[(s, c)] for c in all_dropped)
            label = f"({len(all_dropped)} categories, none kept)"
            lines.append(f"   {label:<{w}}  {0:>4}  {n:>7}")
        reasons = sorted(((r, n) for (su, r), n in REASONS.items() if su == s), key=lambda x: -x[1])
        if reasons:
            lines.append("   dropped by reason: " + ", ".join(f"{r} {n}" for r, n in reasons))
        adj = sorted(((a, n) for (su, a), n in ADJUSTED.items() if su == s), key=lambda x: -x[1])
        if adj:
            lines.append("   kept but adjusted: " + ", ".join(f"{a} {n}" for a, n in adj))
    total_k = sum(KEPT.values())
    total_d = sum(DROPPED.values())
    lines.append(f"== total: kept {total_k}, dropped {total_d}")
    return "\n".join(lines)


def main():
    convert_quantulum3()
    convert_quantulum3_units()
    convert_number_parser()
    convert_text2num()
    OUT.mkdir(parents=True, exist_ok=True)
    dest = OUT / "cases.json"
    dest.write_text(json.dumps(CASES, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    text = summary()
    (OUT / "convert-summary.txt").write_text(text + "\n", encoding="utf-8")
    print(text)
    print(f"wrote {dest.relative_to(ROOT)} ({len(CASES)} cases)")
    if not CASES:
        sys.exit("convert: no cases kept")


if __name__ == "__main__":
    main()
