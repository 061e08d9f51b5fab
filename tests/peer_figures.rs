//! Measures `claimcheck::figure::extract_figures` against three peer
//! projects' test suites (quantulum3, number-parser, text2num).
//!
//! The cases are not committed: `scripts/peer-figures/fetch.sh` downloads the
//! peers into `target/peer-figures/` and converts them to
//! `target/peer-figures/cases.json`.  This test is `#[ignore]`d; run it with
//!
//! ```text
//! bash scripts/peer-figures/fetch.sh
//! cargo test --test peer_figures -- --ignored --nocapture
//! ```
//!
//! A case passes when the multiset of (value, unit) that claimcheck extracts
//! equals the expected one (relative tolerance 1e-9).  An expected item that
//! carries `low`/`high` (a range) is matched on the interval instead of the
//! value.  The test asserts nothing about the pass rate; it prints a table and
//! writes `target/peer-figures/report.json`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;

use serde_json::{json, Value};

const MAX_EXAMPLES: usize = 5;

fn peer_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("peer-figures")
}

#[derive(Debug, Clone)]
struct Expected {
    value: f64,
    unit: String,
    range: Option<(f64, f64)>,
    /// Physical measures: the dimension and the unit symbols accepted.
    dimension: Option<String>,
    units: Vec<String>,
    /// Money: the ISO code the figure must carry.
    currency: Option<String>,
    /// Durations: the time unit ("year"), checked against the figure's noun.
    time: Option<String>,
    /// Rates: what the figure is counted per ("hour", "kg"); none must be read when
    /// the peer gives none.
    per: Option<String>,
}

#[derive(Debug, Clone)]
struct Got {
    text: String,
    value: f64,
    low: f64,
    high: f64,
    unit: String,
    qualifier: String,
    dimension: Option<String>,
    measure_unit: Option<String>,
    currency: Option<String>,
    noun: Option<String>,
    per_unit: Option<String>,
}

fn close(a: f64, b: f64) -> bool {
    if a == b {
        return true; // also covers equal infinities
    }
    if !a.is_finite() || !b.is_finite() {
        return false;
    }
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

/// "years", "hrs" -> "year", "hour": the time unit a duration's noun names.
fn time_unit(noun: &str) -> String {
    let n = noun.to_lowercase();
    let n = n.strip_suffix('s').unwrap_or(&n);
    match n {
        "hr" => "hour".to_string(),
        "min" => "minute".to_string(),
        "sec" => "second".to_string(),
        other => other.to_string(),
    }
}

fn matches(e: &Expected, g: &Got) -> bool {
    if e.unit != g.unit {
        return false;
    }
    if e.dimension.is_some() && e.dimension != g.dimension {
        return false;
    }
    if !e.units.is_empty()
        && !g
            .measure_unit
            .as_ref()
            .is_some_and(|u| e.units.iter().any(|k| k == u))
    {
        return false;
    }
    if e.currency.is_some() && e.currency != g.currency {
        return false;
    }
    if e.per != g.per_unit {
        return false;
    }
    if let Some(t) = &e.time {
        if g.noun.as_deref().map(time_unit).as_deref() != Some(t.as_str()) {
            return false;
        }
    }
    match e.range {
        // either order: "from -18 °C to -34 °C" is the interval [-34, -18]
        Some((lo, hi)) => close(lo, g.low.min(g.high)) && close(hi, g.high.max(g.low)),
        None => close(e.value, g.value),
    }
}

/// Multiset equality under `matches`.  Greedy assignment suffices: with a
/// tolerance this tight, "matches" partitions the items into equivalence
/// classes in practice.
fn multiset_equal(expected: &[Expected], got: &[Got]) -> bool {
    if expected.len() != got.len() {
        return false;
    }
    let mut used = vec![false; got.len()];
    'outer: for e in expected {
        for (i, g) in got.iter().enumerate() {
            if !used[i] && matches(e, g) {
                used[i] = true;
                continue 'outer;
            }
        }
        return false;
    }
    true
}

fn fmt_num(v: f64) -> String {
    if v.is_infinite() {
        if v > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        }
    } else if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn fmt_expected(e: &Expected) -> String {
    let mut s = match e.range {
        Some((lo, hi)) => format!("{}..{} {}", fmt_num(lo), fmt_num(hi), e.unit),
        None => format!("{} {}", fmt_num(e.value), e.unit),
    };
    if let Some(d) = &e.dimension {
        let _ = write!(s, " {d} {}", e.units.join("|"));
    }
    if let Some(c) = e.currency.as_ref().or(e.time.as_ref()) {
        let _ = write!(s, " {c}");
    }
    if let Some(p) = &e.per {
        let _ = write!(s, " per {p}");
    }
    s
}

fn fmt_got(g: &Got) -> String {
    let mut s = format!("{} {}", fmt_num(g.value), g.unit);
    if let (Some(d), Some(u)) = (&g.dimension, &g.measure_unit) {
        let _ = write!(s, " {d} {u}");
    }
    if let Some(c) = &g.currency {
        let _ = write!(s, " {c}");
    }
    if let Some(p) = &g.per_unit {
        let _ = write!(s, " per {p}");
    }
    if g.low != g.value || g.high != g.value {
        let _ = write!(s, " [{}..{}]", fmt_num(g.low), fmt_num(g.high));
    }
    let _ = write!(s, " {} {:?}", g.qualifier, g.text);
    s
}

fn parse_expected(item: &Value) -> Expected {
    let num = |k: &str| item.get(k).and_then(Value::as_f64);
    let value = num("value").unwrap_or_else(|| panic!("expect item without numeric value: {item}"));
    let unit = item
        .get("unit")
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("expect item without unit: {item}"))
        .to_string();
    let range = match (num("low"), num("high")) {
        (Some(lo), Some(hi)) => Some((lo, hi)),
        _ => None,
    };
    let text = |k: &str| item.get(k).and_then(Value::as_str).map(str::to_string);
    let units = item
        .get("units")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    Expected {
        value,
        unit,
        range,
        dimension: text("dimension"),
        units,
        currency: text("currency"),
        time: text("time"),
        per: text("per"),
    }
}

fn extract(text: &str) -> Result<Vec<Got>, String> {
    let run = || {
        claimcheck::figure::extract_figures(text)
            .into_iter()
            .map(|f| Got {
                text: f.text.clone(),
                value: f.value,
                low: f.low,
                high: f.high,
                unit: f.unit.as_str().to_string(),
                qualifier: f.qualifier.as_str().to_string(),
                dimension: f.measure.map(|m| m.dimension.to_string()),
                measure_unit: f.measure.map(|m| m.unit.to_string()),
                currency: f.currency.map(str::to_string),
                noun: f.noun.clone(),
                per_unit: f.per_unit.map(str::to_string),
            })
            .collect::<Vec<_>>()
    };
    panic::catch_unwind(AssertUnwindSafe(run)).map_err(|p| {
        if let Some(s) = p.downcast_ref::<&str>() {
            (*s).to_string()
        } else if let Some(s) = p.downcast_ref::<String>() {
            s.clone()
        } else {
            "panic".to_string()
        }
    })
}

#[derive(Default)]
struct Bucket {
    total: usize,
    passed: usize,
    failures: Vec<Value>,
    failures_total: usize,
}

fn rate(passed: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        passed as f64 / total as f64
    }
}

#[test]
#[ignore = "measurement against peer suites; needs scripts/peer-figures/fetch.sh first"]
fn peer_figures() {
    let dir = peer_dir();
    let cases_path = dir.join("cases.json");
    let raw = std::fs::read_to_string(&cases_path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e}\nrun `bash scripts/peer-figures/fetch.sh` first \
             (it downloads the peer suites and writes cases.json)",
            cases_path.display()
        )
    });
    let cases: Vec<Value> = serde_json::from_str(&raw)
        .unwrap_or_else(|e| panic!("{} is not a JSON list: {e}", cases_path.display()));
    assert!(
        !cases.is_empty(),
        "{} holds no cases; rerun `bash scripts/peer-figures/fetch.sh`",
        cases_path.display()
    );

    // Keep panics from the parser quiet: they are counted as failures.
    let prev_hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));

    let suite_order = [
        "quantulum3",
        "quantulum3-units",
        "number-parser",
        "text2num",
    ];
    let mut buckets: BTreeMap<(usize, String, String), Bucket> = BTreeMap::new();
    let mut panics = 0usize;

    for case in &cases {
        let suite = case["suite"]
            .as_str()
            .expect("case without suite")
            .to_string();
        let category = case["category"]
            .as_str()
            .expect("case without category")
            .to_string();
        let text = case["text"].as_str().expect("case without text");
        let expected: Vec<Expected> = case["expect"]
            .as_array()
            .expect("case without expect list")
            .iter()
            .map(parse_expected)
            .collect();
        let order = suite_order
            .iter()
            .position(|s| *s == suite)
            .unwrap_or(suite_order.len());
        let bucket = buckets.entry((order, suite, category)).or_default();
        bucket.total += 1;

        let (ok, got_desc) = match extract(text) {
            Ok(got) => (
                multiset_equal(&expected, &got),
                got.iter().map(fmt_got).collect::<Vec<_>>(),
            ),
            Err(msg) => {
                panics += 1;
                (false, vec![format!("PANIC: {msg}")])
            }
        };
        if ok {
            bucket.passed += 1;
        } else {
            bucket.failures_total += 1;
            {
                bucket.failures.push(json!({
                    "text": text,
                    "expected": expected.iter().map(fmt_expected).collect::<Vec<_>>(),
                    "got": got_desc,
                    "source": case.get("source").cloned().unwrap_or(Value::Null),
                }));
            }
        }
    }
    panic::set_hook(prev_hook);

    // ---- table --------------------------------------------------------
    let mut out = String::new();
    let cat_w = buckets
        .keys()
        .map(|(_, _, c)| c.len())
        .max()
        .unwrap_or(8)
        .max(8);
    let _ = writeln!(
        out,
        "\n{:<16} {:<cat_w$} {:>6} {:>6} {:>7}",
        "suite", "category", "total", "passed", "rate"
    );
    let _ = writeln!(
        out,
        "{}",
        "-".repeat(16 + 1 + cat_w + 1 + 6 + 1 + 6 + 1 + 7)
    );
    let mut suite_totals: BTreeMap<(usize, String), (usize, usize)> = BTreeMap::new();
    // without the sentences holding a dimension claimcheck does not model
    let mut modelled: BTreeMap<(usize, String), (usize, usize)> = BTreeMap::new();
    for ((order, suite, category), b) in &buckets {
        let _ = writeln!(
            out,
            "{:<16} {:<cat_w$} {:>6} {:>6} {:>6.1}%",
            suite,
            category,
            b.total,
            b.passed,
            100.0 * rate(b.passed, b.total)
        );
        let t = suite_totals.entry((*order, suite.clone())).or_default();
        t.0 += b.total;
        t.1 += b.passed;
        if category != "unmodelled" {
            let m = modelled.entry((*order, suite.clone())).or_default();
            m.0 += b.total;
            m.1 += b.passed;
        }
    }
    let _ = writeln!(
        out,
        "{}",
        "-".repeat(16 + 1 + cat_w + 1 + 6 + 1 + 6 + 1 + 7)
    );
    let (mut all_t, mut all_p) = (0, 0);
    for ((order, suite), (t, p)) in &suite_totals {
        let _ = writeln!(
            out,
            "{:<16} {:<cat_w$} {:>6} {:>6} {:>6.1}%",
            suite,
            "(all)",
            t,
            p,
            100.0 * rate(*p, *t)
        );
        all_t += t;
        all_p += p;
        if let Some((mt, mp)) = modelled.get(&(*order, suite.clone())).filter(|m| m.0 != *t) {
            let _ = writeln!(
                out,
                "{:<16} {:<cat_w$} {:>6} {:>6} {:>6.1}%",
                suite,
                "(modelled)",
                mt,
                mp,
                100.0 * rate(*mp, *mt)
            );
        }
    }
    let _ = writeln!(
        out,
        "{:<16} {:<cat_w$} {:>6} {:>6} {:>6.1}%",
        "TOTAL",
        "",
        all_t,
        all_p,
        100.0 * rate(all_p, all_t)
    );
    if panics > 0 {
        let _ = writeln!(out, "extract_figures panicked on {panics} case(s)");
    }

    let _ = writeln!(
        out,
        "\nfailing examples (up to {MAX_EXAMPLES} per category):"
    );
    for ((_, suite, category), b) in &buckets {
        if b.failures.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n[{suite} / {category}] {} failing", b.failures_total);
        for f in b.failures.iter().take(MAX_EXAMPLES) {
            let _ = writeln!(out, "  text:     {:?}", f["text"].as_str().unwrap_or(""));
            let _ = writeln!(out, "  expected: {}", join(&f["expected"]));
            let _ = writeln!(out, "  got:      {}", join(&f["got"]));
        }
    }
    println!("{out}");

    // ---- report.json ----------------------------------------------------
    let mut suites_json = Vec::new();
    for ((order, suite), (t, p)) in &suite_totals {
        let categories: Vec<Value> = buckets
            .iter()
            .filter(|((o, s, _), _)| o == order && s == suite)
            .map(|((_, _, c), b)| {
                json!({
                    "category": c,
                    "total": b.total,
                    "passed": b.passed,
                    "pass_rate": rate(b.passed, b.total),
                    "failing": b.failures_total,
                    "failures": b.failures,
                })
            })
            .collect();
        suites_json.push(json!({
            "suite": suite,
            "total": t,
            "passed": p,
            "pass_rate": rate(*p, *t),
            "categories": categories,
        }));
    }
    let report = json!({
        "cases": all_t,
        "passed": all_p,
        "pass_rate": rate(all_p, all_t),
        "panics": panics,
        "suites": suites_json,
    });
    let report_path = dir.join("report.json");
    std::fs::write(
        &report_path,
        serde_json::to_string_pretty(&report).unwrap() + "\n",
    )
    .unwrap_or_else(|e| panic!("cannot write {}: {e}", report_path.display()));
    println!("wrote {}", report_path.display());
}

fn join(v: &Value) -> String {
    let items: Vec<&str> = v
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    if items.is_empty() {
        "(none)".to_string()
    } else {
        items.join(" | ")
    }
}
