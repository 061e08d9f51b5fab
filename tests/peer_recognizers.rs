//! Measures `claimcheck::figure::extract_figures` against the English specs of
//! Microsoft Recognizers-Text (NumberModel, NumberRangeModel, PercentModel,
//! CurrencyModel), read directly from `../shared/peers/recognizers-text/`
//! relative to the crate root (they are not copied into the project).
//!
//! This test is `#[ignore]`d; run it with
//!
//! ```text
//! cargo test --release --test peer_recognizers -- --ignored --nocapture
//! ```
//!
//! The judging rules are documented in `scripts/peer-recognizers/README.md`.
//! In short: each spec case lists the results the reference implementation
//! reads; a case passes when that multiset equals the multiset of figures
//! claimcheck extracts, compared on
//!
//! * numbers: `value` (relative tolerance 1e-9);
//! * percentages: `value`, and the figure must be a percentage;
//! * currencies: `value` and ISO currency code; for subunits (cents, pence,
//!   penny, sen, satoshi) the amount is accepted either as the subunit count
//!   ("50 cents" = 50) or in the main unit (0.5), with the main unit's code;
//! * ranges: the interval, mapped to claimcheck's qualifiers: `(,x]` = UpTo x,
//!   `(,x)` = Under x, `(x,)` = Over x, `[x,)` = AtLeast x, `[x,x]` = Exact x,
//!   and any two-sided `[a,b)`, `[a,b]`, `(a,b)`, `(a,b]` = Range with
//!   low = a, high = b.
//!
//! Allowances (README, "Allowances"): a share read in percent matches the
//! spec's fraction (66.7% = 0.667), and a currency unit or subunit the spec
//! gives no ISO code ("Franc", "Cent") matches claimcheck's family code or
//! money of no named currency; passes that needed one are counted apart.
//!
//! Two pass counts are reported.  *strict*: every extracted figure must be
//! matched (an expected empty list passes only when claimcheck extracts
//! nothing).  *scoped*: extracted figures the peer model does not report at
//! all are ignored: non-percentages for PercentModel, non-money for
//! CurrencyModel, exact figures for NumberRangeModel (which reports ranges
//! only), numbers with a physical unit for NumberModel ("the 180ml liquid"
//! expects nothing).
//!
//! Cases whose `NotSupported` names "dotnet" (the reference implementation)
//! are skipped, and expected results with a null value (a bare "dollar" or
//! "percent" with no number) are dropped, since they carry no figure.
//!
//! The test asserts nothing about the rates: it prints a table and writes
//! `target/peer-recognizers/report.json`.  It fails only if a spec file exists
//! but cannot be parsed.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use claimcheck::figure::{extract_figures, same_currency, Figure, Form, Qualifier, Unit};
use serde_json::{json, Value};

const MAX_EXAMPLES: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Number,
    Range,
    Percent,
    Currency,
}

const FILES: [(&str, Kind); 4] = [
    ("NumberModel.json", Kind::Number),
    ("NumberRangeModel.json", Kind::Range),
    ("PercentModel.json", Kind::Percent),
    ("CurrencyModel.json", Kind::Currency),
];

/// Spec unit name -> accepted ISO codes, and the factor to the main unit for
/// subunits.  A spec `isoCurrency`, when present, takes precedence.  Codes
/// for currencies replaced by the euro are the withdrawn ISO 4217 codes;
/// bitcoin has no ISO code, so both common ones are accepted.
const CURRENCIES: &[(&str, &[&str], Option<f64>)] = &[
    ("Dollar", &["USD"], None),
    ("United States dollar", &["USD"], None),
    ("Canadian dollar", &["CAD"], None),
    ("Australian dollar", &["AUD"], None),
    ("New Zealand dollar", &["NZD"], None),
    ("Hong Kong dollar", &["HKD"], None),
    ("Euro", &["EUR"], None),
    ("Pound", &["GBP"], None),
    ("British pound", &["GBP"], None),
    ("Japanese yen", &["JPY"], None),
    ("Chinese yuan", &["CNY"], None),
    ("Rupee", &["INR"], None),
    ("Indian rupee", &["INR"], None),
    ("Sri Lankan rupee", &["LKR"], None),
    ("Mexican peso", &["MXN"], None),
    ("Turkish lira", &["TRY"], None),
    ("Swiss franc", &["CHF"], None),
    ("Franc", &["FRF", "CHF"], None),
    ("Finnish markka", &["FIM"], None),
    ("Peseta", &["ESP"], None),
    ("Netherlands guilder", &["NLG"], None),
    ("Costa Rican colón", &["CRC"], None),
    ("Georgian lari", &["GEL"], None),
    ("Lao kip", &["LAK"], None),
    ("Bitcoin", &["BTC", "XBT"], None),
    // Subunits.
    ("Cent", &["USD"], Some(0.01)),
    ("Pence", &["GBP"], Some(0.01)),
    ("Penny", &["GBP"], Some(0.01)),
    ("Sen", &["JPY", "MYR", "IDR"], Some(0.01)),
    ("Satoshi", &["BTC", "XBT"], Some(1e-8)),
];

#[derive(Debug, Clone)]
enum Want {
    Number(f64),
    Percent(f64),
    Money {
        value: f64,
        codes: Vec<String>,
        subunit: Option<f64>,
        /// The spec names only a unit ("Franc", "Rupee", "Cent") and no
        /// `isoCurrency`: it does not say which country's currency it is.
        unnamed: bool,
    },
    /// One-sided bound or `[x,x]` (Exact).
    Bound(Qualifier, f64),
    Range(f64, f64),
}

#[derive(Debug, Clone)]
struct Expected {
    /// The spec's `Text` and resolution, for display.
    text: String,
    spec: String,
    want: Want,
}

#[derive(Debug)]
struct Case {
    input: String,
    expected: Vec<Expected>,
}

#[derive(Debug, Default)]
struct Parsed {
    cases: Vec<Case>,
    total: usize,
    skipped_dotnet: usize,
    dropped_bare: usize,
}

fn close(a: f64, b: f64) -> bool {
    if a == b {
        return true;
    }
    if !a.is_finite() || !b.is_finite() {
        return false;
    }
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

/// How a reading matched an expectation: as written, or after one of the
/// documented allowances (README, "Allowances"), each a unit conversion or a
/// reading of what the spec itself leaves open, never an edit of its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Allowance {
    /// Same value, unit and currency.
    None,
    /// A share read in percent ("two thirds" = 66.7%) against the spec's
    /// fraction (0.667): percent is a unit of 1/100, so this is a conversion.
    ShareAsFraction,
    /// The spec names a currency unit without an ISO code ("528 million
    /// francs": unit "Franc"); claimcheck's family code (FRANC, RUPEE) says
    /// the same: a franc, country unknown.
    CurrencyFamily,
    /// The spec names a subunit without an ISO code ("50 cents": unit
    /// "Cent"); claimcheck reads money of no named currency, the same.
    SubunitUnnamed,
}

impl Allowance {
    fn label(self) -> &'static str {
        match self {
            Allowance::None => "as written",
            Allowance::ShareAsFraction => "a share in percent compared as a fraction (66.7% = 0.667)",
            Allowance::CurrencyFamily => {
                "a currency unit the spec gives no ISO code matched by its family (\"francs\" = FRANC)"
            }
            Allowance::SubunitUnnamed => {
                "a subunit the spec gives no ISO code matched by money of no named currency (\"50 cents\")"
            }
        }
    }
}

fn matches(e: &Want, g: &Figure) -> bool {
    matching(e, g).is_some()
}

/// Whether `g` reads `e`, and by which allowance (the plainest one that works).
fn matching(e: &Want, g: &Figure) -> Option<Allowance> {
    let ok = |b: bool, a: Allowance| b.then_some(a);
    // A share in percent, as the fraction the spec writes.
    let share = g.form == Form::Share && g.unit == Unit::Percent;
    let frac = |x: f64| x / 100.0;
    match e {
        Want::Number(v) => ok(close(g.value, *v), Allowance::None).or_else(|| {
            ok(
                share && close(frac(g.value), *v),
                Allowance::ShareAsFraction,
            )
        }),
        Want::Percent(v) => ok(
            g.unit == Unit::Percent && close(g.value, *v),
            Allowance::None,
        ),
        Want::Money {
            value,
            codes,
            subunit,
            unnamed,
        } => {
            let same_value =
                close(g.value, *value) || subunit.is_some_and(|f| close(g.value, value * f));
            if !same_value {
                return None;
            }
            if g.currency.is_some_and(|c| codes.iter().any(|k| k == c)) {
                return Some(Allowance::None);
            }
            if !*unnamed {
                return None;
            }
            match g.currency {
                // A family code (not an ISO code) whose members include a code
                // the unit name stands for.
                Some(c) if c.len() > 3 && codes.iter().any(|k| same_currency(c, k)) => {
                    Some(Allowance::CurrencyFamily)
                }
                None if subunit.is_some() && g.unit == Unit::Money => {
                    Some(Allowance::SubunitUnnamed)
                }
                _ => None,
            }
        }
        Want::Bound(q, v) => {
            ok(g.qualifier == *q && close(g.value, *v), Allowance::None).or_else(|| {
                ok(
                    share && g.qualifier == *q && close(frac(g.value), *v),
                    Allowance::ShareAsFraction,
                )
            })
        }
        Want::Range(lo, hi) => {
            let range = g.qualifier == Qualifier::Range;
            ok(
                range && close(g.low, *lo) && close(g.high, *hi),
                Allowance::None,
            )
            .or_else(|| {
                ok(
                    share && range && close(frac(g.low), *lo) && close(frac(g.high), *hi),
                    Allowance::ShareAsFraction,
                )
            })
        }
    }
}

/// Figures the peer model would report at all (see the module docs).
fn in_scope(kind: Kind, g: &Figure) -> bool {
    match kind {
        // The number model reports no number that has a physical unit
        // ("the 180ml liquid" expects nothing): its dimension model does.
        Kind::Number => g.unit != Unit::Measure,
        Kind::Percent => g.unit == Unit::Percent,
        Kind::Currency => g.unit == Unit::Money || g.currency.is_some(),
        Kind::Range => g.qualifier != Qualifier::Exact,
    }
}

// ---------------------------------------------------------------- parsing

fn parse_num(s: &str) -> Result<f64, String> {
    let t = s.trim();
    t.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| format!("not a number: {s:?}"))
}

fn parse_interval(s: &str) -> Result<Want, String> {
    let t = s.trim();
    let bad = || format!("not an interval: {s:?}");
    let left_closed = match t.chars().next() {
        Some('[') => true,
        Some('(') => false,
        _ => return Err(bad()),
    };
    let right_closed = match t.chars().last() {
        Some(']') => true,
        Some(')') => false,
        _ => return Err(bad()),
    };
    if t.len() < 3 {
        return Err(bad());
    }
    let inner = &t[1..t.len() - 1];
    let (a, b) = inner.split_once(',').ok_or_else(bad)?;
    let a = if a.trim().is_empty() {
        None
    } else {
        Some(parse_num(a)?)
    };
    let b = if b.trim().is_empty() {
        None
    } else {
        Some(parse_num(b)?)
    };
    Ok(match (a, b) {
        (None, Some(hi)) if right_closed => Want::Bound(Qualifier::UpTo, hi),
        (None, Some(hi)) => Want::Bound(Qualifier::Under, hi),
        (Some(lo), None) if left_closed => Want::Bound(Qualifier::AtLeast, lo),
        (Some(lo), None) => Want::Bound(Qualifier::Over, lo),
        (Some(lo), Some(hi)) if lo == hi && left_closed && right_closed => {
            Want::Bound(Qualifier::Exact, lo)
        }
        (Some(lo), Some(hi)) => Want::Range(lo, hi),
        (None, None) => return Err(bad()),
    })
}

fn currency_want(value: f64, res: &Value) -> Result<Want, String> {
    let unit = res
        .get("unit")
        .and_then(Value::as_str)
        .ok_or_else(|| format!("currency result without unit: {res}"))?;
    let iso = res.get("isoCurrency").and_then(Value::as_str);
    let row = CURRENCIES.iter().find(|(name, _, _)| *name == unit);
    let (mut codes, subunit): (Vec<String>, Option<f64>) = match row {
        Some((_, codes, sub)) => (codes.iter().map(|c| c.to_string()).collect(), *sub),
        None => (Vec::new(), None),
    };
    if let Some(iso) = iso {
        if !codes.iter().any(|c| c == iso) {
            codes = vec![iso.to_string()];
        }
    }
    if codes.is_empty() {
        // An unknown unit name without isoCurrency: it can never match, and
        // the report shows it.
        codes.push(format!("?{unit}"));
    }
    Ok(Want::Money {
        value,
        codes,
        subunit,
        unnamed: iso.is_none(),
    })
}

/// Some(value) or None for a null resolution ("dollar" with no number).
fn resolution_value(res: &Value) -> Result<Option<String>, String> {
    match res.get("value") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim() == "null" => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(other) => Err(format!("unexpected resolution value: {other}")),
    }
}

fn parse_file(kind: Kind, raw: &str) -> Result<Parsed, String> {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let doc: Value = serde_json::from_str(raw).map_err(|e| format!("invalid JSON: {e}"))?;
    let list = doc.as_array().ok_or("top level is not a JSON list")?;
    let mut out = Parsed {
        total: list.len(),
        ..Parsed::default()
    };
    for (i, case) in list.iter().enumerate() {
        let ctx = |e: String| format!("case {i}: {e}");
        let input = case
            .get("Input")
            .and_then(Value::as_str)
            .ok_or_else(|| ctx("no string Input".into()))?;
        let results = case
            .get("Results")
            .and_then(Value::as_array)
            .ok_or_else(|| ctx("no Results list".into()))?;
        let not_supported = case
            .get("NotSupported")
            .and_then(Value::as_str)
            .unwrap_or("");
        if not_supported.to_ascii_lowercase().contains("dotnet") {
            out.skipped_dotnet += 1;
            continue;
        }
        let mut expected = Vec::new();
        for r in results {
            let res = r
                .get("Resolution")
                .ok_or_else(|| ctx(format!("result without Resolution: {r}")))?;
            let text = r.get("Text").and_then(Value::as_str).unwrap_or("");
            let Some(v) = resolution_value(res).map_err(ctx)? else {
                out.dropped_bare += 1;
                continue;
            };
            let want = match kind {
                Kind::Number => Want::Number(parse_num(&v).map_err(ctx)?),
                Kind::Percent => {
                    let t = v.trim();
                    let t = t.strip_suffix('%').unwrap_or(t);
                    Want::Percent(parse_num(t).map_err(ctx)?)
                }
                Kind::Currency => currency_want(parse_num(&v).map_err(ctx)?, res).map_err(ctx)?,
                Kind::Range => parse_interval(&v).map_err(ctx)?,
            };
            let mut spec = v.clone();
            if let Some(u) = res.get("unit").and_then(Value::as_str) {
                let _ = write!(spec, " {u}");
            }
            expected.push(Expected {
                text: text.to_string(),
                spec,
                want,
            });
        }
        out.cases.push(Case {
            input: input.to_string(),
            expected,
        });
    }
    Ok(out)
}

// ---------------------------------------------------------------- judging

/// Maximum bipartite matching (Kuhn); returns, for each figure, the expected
/// item it is matched to.
fn max_matching(expected: &[Expected], got: &[Figure]) -> Vec<Option<usize>> {
    let adj: Vec<Vec<usize>> = expected
        .iter()
        .map(|e| {
            (0..got.len())
                .filter(|&g| matches(&e.want, &got[g]))
                .collect()
        })
        .collect();
    fn augment(
        e: usize,
        adj: &[Vec<usize>],
        seen: &mut [bool],
        owner: &mut [Option<usize>],
    ) -> bool {
        for &g in &adj[e] {
            if !seen[g] {
                seen[g] = true;
                if owner[g].is_none_or(|e2| augment(e2, adj, seen, owner)) {
                    owner[g] = Some(e);
                    return true;
                }
            }
        }
        false
    }
    let mut owner = vec![None; got.len()];
    for e in 0..expected.len() {
        let mut seen = vec![false; got.len()];
        augment(e, &adj, &mut seen, &mut owner);
    }
    owner
}

#[derive(Debug)]
struct Verdict {
    strict: bool,
    scoped: bool,
    class: &'static str,
    /// For a scoped failure that claimcheck's model explains (see the README,
    /// "Differences"): which kinds of difference. Still a failure.
    difference: Option<String>,
    /// The allowances the matched pairs needed (none for a reading as written).
    allowances: Vec<Allowance>,
}

/// The documented differences between claimcheck's model and the peer's, each
/// a reading claimcheck makes on purpose. A case is put down to them only when
/// every missing result and every extra figure in scope is explained.
const SHARE: &str = "a fraction is a share, in percent (\"two thirds\" = 66.7%)";
const LONE_FRACTION: &str =
    "a lone singular fraction is no figure without \"of\" (\"a fifth\", \"one eighth\")";
const FAMILY: &str = "an ambiguous currency name stays ambiguous (\"francs\", \"rupees\")";
const CENTS: &str = "cents name no currency (\"50 cents\")";
const MEASURE: &str = "a number with a physical unit is a figure (\"180ml\")";

fn difference(
    kind: Kind,
    expected: &[Expected],
    missing: &[usize],
    extra: &[&Figure],
) -> Option<String> {
    let mut used = vec![false; extra.len()];
    let mut kinds: Vec<&str> = Vec::new();
    for &e in missing {
        let e = &expected[e];
        let v = want_value(&e.want);
        let find = |used: &[bool], f: &dyn Fn(&Figure) -> bool| {
            (0..extra.len()).find(|&g| !used[g] && f(extra[g]))
        };
        let (found, k) = if let Some(g) = find(&used, &|g| {
            g.form == Form::Share && (close(g.value, 100.0 * v) || close(g.low, 100.0 * v))
        }) {
            (Some(g), SHARE)
        } else if let Want::Money {
            value,
            codes,
            subunit,
            ..
        } = &e.want
        {
            let same_value = |g: &Figure| {
                close(g.value, *value) || subunit.is_some_and(|f| close(g.value, value * f))
            };
            if let Some(g) = find(&used, &|g| {
                same_value(g)
                    && g.currency
                        .is_some_and(|c| codes.iter().any(|k| k != c && same_currency(c, k)))
            }) {
                (Some(g), FAMILY)
            } else if let Some(g) = find(&used, &|g| {
                same_value(g) && g.unit == Unit::Money && g.currency.is_none()
            }) {
                (Some(g), CENTS)
            } else {
                return None;
            }
        } else if v.abs() < 1.0
            && v != 0.0
            && e.text.chars().any(char::is_alphabetic)
            && !e.text.chars().any(|c| c.is_ascii_digit())
        {
            (None, LONE_FRACTION)
        } else {
            return None;
        };
        if let Some(g) = found {
            used[g] = true;
        }
        if !kinds.contains(&k) {
            kinds.push(k);
        }
    }
    for (g, f) in extra.iter().enumerate() {
        if used[g] || !in_scope(kind, f) {
            continue;
        }
        if f.unit == Unit::Measure {
            if !kinds.contains(&MEASURE) {
                kinds.push(MEASURE);
            }
        } else {
            return None;
        }
    }
    (!kinds.is_empty()).then(|| kinds.join(" + "))
}

fn want_value(e: &Want) -> f64 {
    match e {
        Want::Number(v) | Want::Percent(v) | Want::Bound(_, v) => *v,
        Want::Money { value, .. } => *value,
        Want::Range(lo, _) => *lo,
    }
}

/// Why an expected item was not matched, judged against the figures left
/// unmatched; None when nothing left over resembles it.
fn near_miss_class(e: &Expected, extra: &[&Figure]) -> Option<&'static str> {
    let v = want_value(&e.want);
    if v != 0.0 && !matches!(e.want, Want::Range(..)) && extra.iter().any(|g| close(g.value, -v)) {
        return Some("sign dropped");
    }
    let class = match &e.want {
        Want::Money { value, subunit, .. } => extra
            .iter()
            .find(|g| close(g.value, *value) || subunit.is_some_and(|f| close(g.value, value * f)))
            .map(|g| {
                if g.currency.is_some() {
                    "wrong currency"
                } else {
                    "money read as a plain number"
                }
            }),
        Want::Percent(v) => extra
            .iter()
            .any(|g| close(g.value, *v))
            .then_some("percent read as another unit"),
        Want::Bound(_, v) => extra
            .iter()
            .any(|g| close(g.value, *v))
            .then_some("wrong qualifier"),
        Want::Range(lo, hi) => {
            let has = |x: f64| extra.iter().any(|g| close(g.value, x));
            if has(*lo) && has(*hi) {
                Some("range read as separate figures")
            } else if has(*lo) || has(*hi) {
                Some("wrong qualifier")
            } else {
                None
            }
        }
        Want::Number(_) => None,
    };
    class.or_else(|| {
        let whole = e.text.to_lowercase();
        extra
            .iter()
            .any(|g| {
                let part = g.text.trim().to_lowercase();
                !part.is_empty() && part.len() < whole.trim().len() && whole.contains(&part)
            })
            .then_some("read in part")
    })
}

fn judge(kind: Kind, expected: &[Expected], got: &[Figure]) -> Verdict {
    let owner = max_matching(expected, got);
    let mut matched_e = vec![false; expected.len()];
    for e in owner.iter().flatten() {
        matched_e[*e] = true;
    }
    let mut allowances: Vec<Allowance> = owner
        .iter()
        .enumerate()
        .filter_map(|(g, e)| matching(&expected[(*e)?].want, &got[g]))
        .filter(|a| *a != Allowance::None)
        .collect();
    allowances.sort();
    allowances.dedup();
    let missing: Vec<usize> = (0..expected.len()).filter(|&e| !matched_e[e]).collect();
    let extra: Vec<usize> = (0..got.len()).filter(|&g| owner[g].is_none()).collect();
    let extra_in_scope: Vec<usize> = extra
        .iter()
        .copied()
        .filter(|&g| in_scope(kind, &got[g]))
        .collect();
    let strict = missing.is_empty() && extra.is_empty();
    let scoped = missing.is_empty() && extra_in_scope.is_empty();
    let class = if strict {
        "pass"
    } else if !missing.is_empty() && got.is_empty() {
        "read nothing"
    } else if !missing.is_empty() {
        let left: Vec<&Figure> = extra.iter().map(|&g| &got[g]).collect();
        let near = missing
            .iter()
            .find_map(|&e| near_miss_class(&expected[e], &left));
        match near {
            Some(c) => c,
            None if extra.is_empty() => "missed some",
            None => "wrong value",
        }
    } else if expected.is_empty() {
        if extra_in_scope.is_empty() {
            "spurious (out of scope)"
        } else {
            "spurious"
        }
    } else if extra_in_scope.is_empty() {
        "extra (out of scope)"
    } else {
        "extra"
    };
    let difference = if scoped {
        None
    } else {
        let left: Vec<&Figure> = extra.iter().map(|&g| &got[g]).collect();
        difference(kind, expected, &missing, &left)
    };
    Verdict {
        strict,
        scoped,
        class,
        difference,
        allowances,
    }
}

// ---------------------------------------------------------------- display

fn fmt_num(v: f64) -> String {
    if v.is_infinite() {
        if v > 0.0 { "inf" } else { "-inf" }.to_string()
    } else if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn fmt_want(w: &Want) -> String {
    match w {
        Want::Number(v) => fmt_num(*v),
        Want::Percent(v) => format!("{}%", fmt_num(*v)),
        Want::Money {
            value,
            codes,
            subunit,
            ..
        } => {
            let mut s = format!("{} {}", fmt_num(*value), codes.join("|"));
            if let Some(f) = subunit {
                let _ = write!(s, " (or {})", fmt_num(value * f));
            }
            s
        }
        Want::Bound(q, v) => format!("{} {}", q.as_str(), fmt_num(*v)),
        Want::Range(lo, hi) => format!("range {}..{}", fmt_num(*lo), fmt_num(*hi)),
    }
}

fn fmt_expected(e: &Expected) -> String {
    format!("{:?} {} [{}]", e.text, fmt_want(&e.want), e.spec)
}

fn fmt_got(g: &Figure) -> String {
    let mut s = format!("{:?} {} {}", g.text, fmt_num(g.value), g.unit.as_str());
    if let Some(c) = g.currency {
        let _ = write!(s, " {c}");
    }
    let _ = write!(s, " {}", g.qualifier.as_str());
    if g.qualifier == Qualifier::Range || g.low != g.value || g.high != g.value {
        let _ = write!(s, " [{}..{}]", fmt_num(g.low), fmt_num(g.high));
    }
    s
}

fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = p.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic".to_string()
    }
}

#[derive(Debug, Default)]
struct Tally {
    cases: usize,
    skipped_dotnet: usize,
    dropped_bare: usize,
    judged: usize,
    passed_strict: usize,
    passed_scoped: usize,
    panics: usize,
    classes: BTreeMap<&'static str, usize>,
    /// Scoped failures put down to a documented difference, by kind.
    differences: BTreeMap<String, usize>,
    /// Scoped passes that needed an allowance, by allowance.
    allowed: BTreeMap<&'static str, usize>,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.cases += o.cases;
        self.skipped_dotnet += o.skipped_dotnet;
        self.dropped_bare += o.dropped_bare;
        self.judged += o.judged;
        self.passed_strict += o.passed_strict;
        self.passed_scoped += o.passed_scoped;
        self.panics += o.panics;
        for (k, v) in &o.classes {
            *self.classes.entry(k).or_default() += v;
        }
        for (k, v) in &o.differences {
            *self.differences.entry(k.clone()).or_default() += v;
        }
        for (k, v) in &o.allowed {
            *self.allowed.entry(k).or_default() += v;
        }
    }

    fn to_json(&self, name: &str) -> Value {
        json!({
            "file": name,
            "cases": self.cases,
            "skipped_dotnet": self.skipped_dotnet,
            "dropped_bare_mentions": self.dropped_bare,
            "judged": self.judged,
            "passed_strict": self.passed_strict,
            "rate_strict": rate(self.passed_strict, self.judged),
            "passed_scoped": self.passed_scoped,
            "rate_scoped": rate(self.passed_scoped, self.judged),
            "panics": self.panics,
            "failure_classes": self.classes,
            "differences": self.differences,
            "scoped_passes_by_allowance": self.allowed,
        })
    }
}

fn rate(passed: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        passed as f64 / total as f64
    }
}

fn pct(passed: usize, total: usize) -> String {
    format!("{:5.1}%", 100.0 * rate(passed, total))
}

fn peer_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("shared")
        .join("peers")
        .join("recognizers-text")
}

fn report_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("peer-recognizers")
        .join("report.json")
}

struct FileReport {
    name: &'static str,
    tally: Tally,
    examples: Vec<Value>,
    failures: Vec<Value>,
}

/// Ok(None) when the file is missing; Err when it exists but cannot be read
/// or parsed.
fn run_file(dir: &Path, name: &'static str, kind: Kind) -> Result<Option<FileReport>, String> {
    let path = dir.join(name);
    if !path.exists() {
        println!("peer_recognizers: {} is missing; skipped", path.display());
        return Ok(None);
    }
    let raw = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let parsed =
        parse_file(kind, &raw).map_err(|e| format!("cannot parse {}: {e}", path.display()))?;

    let mut tally = Tally {
        cases: parsed.total,
        skipped_dotnet: parsed.skipped_dotnet,
        dropped_bare: parsed.dropped_bare,
        ..Tally::default()
    };
    // Failing cases, scoped failures first, then strict-only ones.
    let mut scoped_fail = Vec::new();
    let mut strict_only = Vec::new();
    for case in &parsed.cases {
        tally.judged += 1;
        let input = case.input.as_str();
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| extract_figures(input)));
        let expected: Vec<String> = case.expected.iter().map(fmt_expected).collect();
        let (verdict, read) = match outcome {
            Ok(got) => (
                judge(kind, &case.expected, &got),
                got.iter().map(fmt_got).collect::<Vec<_>>(),
            ),
            Err(p) => {
                tally.panics += 1;
                (
                    Verdict {
                        strict: false,
                        scoped: false,
                        class: "PANIC",
                        difference: None,
                        allowances: Vec::new(),
                    },
                    vec![format!("PANIC: {}", panic_message(p.as_ref()))],
                )
            }
        };
        tally.passed_strict += usize::from(verdict.strict);
        tally.passed_scoped += usize::from(verdict.scoped);
        if verdict.scoped {
            for a in &verdict.allowances {
                *tally.allowed.entry(a.label()).or_default() += 1;
            }
        }
        if verdict.strict {
            continue;
        }
        *tally.classes.entry(verdict.class).or_default() += 1;
        if let Some(d) = &verdict.difference {
            *tally.differences.entry(d.clone()).or_default() += 1;
        }
        let item = json!({
            "file": name,
            "input": case.input,
            "class": verdict.class,
            "difference": verdict.difference,
            "fails": if verdict.scoped { "strict only" } else { "strict and scoped" },
            "expected": expected,
            "read": read,
        });
        if verdict.scoped {
            strict_only.push(item);
        } else {
            scoped_fail.push(item);
        }
    }
    let failures: Vec<Value> = scoped_fail.into_iter().chain(strict_only).collect();
    let examples = failures.iter().take(MAX_EXAMPLES).cloned().collect();
    Ok(Some(FileReport {
        name,
        tally,
        examples,
        failures,
    }))
}

#[test]
#[ignore = "measurement against Recognizers-Text specs in ../shared/peers/recognizers-text"]
fn peer_recognizers() {
    let dir = peer_dir();
    if !dir.is_dir() {
        println!(
            "peer_recognizers: {} not found; nothing measured",
            dir.display()
        );
        return;
    }

    // Panics in the figure reader are counted as failures; keep them quiet.
    let prev_hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let mut reports = Vec::new();
    let mut parse_errors = Vec::new();
    for &(name, kind) in &FILES {
        match run_file(&dir, name, kind) {
            Ok(Some(r)) => reports.push(r),
            Ok(None) => {}
            Err(e) => parse_errors.push(e),
        }
    }
    panic::set_hook(prev_hook);
    assert!(
        parse_errors.is_empty(),
        "spec files could not be parsed:\n{}",
        parse_errors.join("\n")
    );

    let mut total = Tally::default();
    for r in &reports {
        total.add(&r.tally);
    }

    let mut out = String::new();
    let _ = writeln!(
        out,
        "\nclaimcheck figure reader vs Recognizers-Text English specs ({})\n",
        dir.display()
    );
    let _ = writeln!(
        out,
        "{:<24} {:>6} {:>7} {:>7} {:>8} {:>7} {:>8} {:>7} {:>7}",
        "file", "cases", "skipped", "judged", "strict", "rate", "scoped", "rate", "panics"
    );
    let row = |out: &mut String, name: &str, t: &Tally| {
        let _ = writeln!(
            out,
            "{:<24} {:>6} {:>7} {:>7} {:>8} {:>7} {:>8} {:>7} {:>7}",
            name,
            t.cases,
            t.skipped_dotnet,
            t.judged,
            t.passed_strict,
            pct(t.passed_strict, t.judged),
            t.passed_scoped,
            pct(t.passed_scoped, t.judged),
            t.panics
        );
    };
    for r in &reports {
        row(&mut out, r.name, &r.tally);
    }
    row(&mut out, "TOTAL", &total);
    let _ = writeln!(
        out,
        "\n(skipped: NotSupported names dotnet; {} bare unit mentions without a value dropped)",
        total.dropped_bare
    );
    let _ = writeln!(out, "\nfailure classes (strict):");
    let mut classes: Vec<_> = total.classes.iter().collect();
    classes.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    for (k, v) in classes {
        let _ = writeln!(out, "  {v:>4}  {k}");
    }
    let explained: usize = total.differences.values().sum();
    let _ = writeln!(
        out,
        "\nscoped failures put down to documented differences (still failures): {explained} of {}",
        total.judged - total.passed_scoped
    );
    let mut diffs: Vec<_> = total.differences.iter().collect();
    diffs.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    for (k, v) in diffs {
        let _ = writeln!(out, "  {v:>4}  {k}");
    }
    let allowed: usize = total.allowed.values().sum();
    let _ = writeln!(
        out,
        "\nscoped passes that needed an allowance (README, \"Allowances\"): {allowed} of {}",
        total.passed_scoped
    );
    for (k, v) in &total.allowed {
        let _ = writeln!(out, "  {v:>4}  {k}");
    }
    for r in &reports {
        if r.examples.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n{}: {} failing (strict), first {}:",
            r.name,
            r.failures.len(),
            r.examples.len()
        );
        for ex in &r.examples {
            let _ = writeln!(
                out,
                "  - {:?}  [{}; fails {}]",
                ex["input"].as_str().unwrap_or(""),
                ex["class"].as_str().unwrap_or(""),
                ex["fails"].as_str().unwrap_or("")
            );
            let list = |v: &Value| -> String {
                let items: Vec<&str> = v
                    .as_array()
                    .map(|a| a.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                if items.is_empty() {
                    "(nothing)".to_string()
                } else {
                    items.join("; ")
                }
            };
            let _ = writeln!(out, "      expected: {}", list(&ex["expected"]));
            let _ = writeln!(out, "      read:     {}", list(&ex["read"]));
        }
    }
    println!("{out}");

    let report = json!({
        "peer": "Microsoft Recognizers-Text English specs",
        "dir": dir.display().to_string(),
        "files": reports.iter().map(|r| {
            let mut v = r.tally.to_json(r.name);
            v["examples"] = Value::from(r.examples.clone());
            v
        }).collect::<Vec<_>>(),
        "total": total.to_json("TOTAL"),
        "failures": reports.iter().flat_map(|r| r.failures.clone()).collect::<Vec<_>>(),
    });
    let path = report_path();
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .unwrap_or_else(|e| panic!("cannot create {}: {e}", parent.display()));
    }
    std::fs::write(&path, serde_json::to_string_pretty(&report).unwrap())
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    println!("report written to {}", path.display());
}
