//! Soak / fuzz harness for hostile input, on stable Rust with proptest.
//!
//! Targets (each an `#[ignore]`d test, so a plain `cargo test` skips them):
//!
//! * `soak_figures`  `figure::extract_figures` (and `segment::segment`) on prose atoms,
//!   long digit runs and arbitrary Unicode;
//! * `soak_config`   `config::parse` on mutated fixture claims.toml files;
//! * `soak_draft`    `draft::parse` on generated and mutated Markdown;
//! * `soak_cite`     `cite::inline_citations` on hostile sentences;
//! * `soak_lint`     the built binary, `lint` in all four formats, on a random corpus;
//! * `soak_scaling`  time against input size for hostile repetitive patterns
//!   (super-linear blowups).
//!
//! Run them with
//!
//! ```text
//! SOAK_CASES=3000 cargo test --release --test soak -- --ignored --nocapture
//! ```
//!
//! `SOAK_CASES` (default 2000) is the number of cases per target; `SOAK_LINT_CASES`
//! overrides it for the (slower) lint target. A failure is shrunk by proptest, then
//! minimised further by hand-rolled delta debugging, and the run goes on looking for
//! failures with other signatures (a panic location or a property name), up to
//! `SOAK_ROUNDS` (default 6) distinct failures per target. Every failure is printed
//! with its minimal input as a Rust string literal, then the test fails.
//!
//! A library call that does not return within `SOAK_HANG_SECS` (default 60) aborts the
//! process after printing the input; one slower than `SOAK_SLOW_MS` (default 3000) is a
//! failure ("slow"). A lint run is killed after 20 s.
//!
//! `soak_smoke` (not ignored) runs every target for 20 cases from a fixed seed, so CI
//! exercises the harness.
// A test harness of generators and minimisers: these lints ask for signatures the
// generic plumbing does not need.
#![allow(
    clippy::type_complexity,
    clippy::ptr_arg,
    clippy::neg_cmp_op_on_partial_ord
)]

use claimcheck::{cite, config, draft, figure, segment};
use proptest::prelude::*;
use proptest::sample::{select, Index as PIndex};
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config as PtConfig, RngSeed, TestCaseError, TestError, TestRunner};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::fmt::Debug;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once, OnceLock};
use std::time::{Duration, Instant};

// =========================================================================== knobs

fn env_num(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

fn soak_cases() -> u32 {
    env_num("SOAK_CASES", 2000) as u32
}

fn lint_cases() -> u32 {
    env_num("SOAK_LINT_CASES", soak_cases() as u64) as u32
}

fn slow_limit() -> Duration {
    Duration::from_millis(env_num("SOAK_SLOW_MS", 3000))
}

const LINT_TIMEOUT: Duration = Duration::from_secs(20);

// =========================================================================== harness

/// A failed case: `sig` identifies the bug (a panic location, a property), so that
/// shrinking stays on one bug and later rounds look for others.
#[derive(Debug, Clone)]
struct Fail {
    sig: String,
    msg: String,
}

fn fail(sig: impl Into<String>, msg: impl Into<String>) -> Result<(), Fail> {
    Err(Fail {
        sig: sig.into(),
        msg: msg.into(),
    })
}

macro_rules! check {
    ($cond:expr, $sig:expr, $($fmt:tt)+) => {
        if !$cond {
            return fail($sig, format!($($fmt)+));
        }
    };
}

thread_local! {
    static IN_CASE: Cell<bool> = const { Cell::new(false) };
    static LAST_PANIC: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
}

/// Panics inside a case are recorded (location, message) instead of printed.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if IN_CASE.with(|c| c.get()) {
                let loc = info
                    .location()
                    .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
                    .unwrap_or_else(|| "?".into());
                let p = info.payload();
                let msg = p
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| p.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "<non-string panic payload>".into());
                LAST_PANIC.with(|l| *l.borrow_mut() = Some((loc, msg)));
            } else {
                prev(info)
            }
        }));
    });
}

struct Running {
    target: &'static str,
    since: Instant,
    input: String,
}

fn running() -> &'static Mutex<HashMap<std::thread::ThreadId, Running>> {
    static R: OnceLock<Mutex<HashMap<std::thread::ThreadId, Running>>> = OnceLock::new();
    R.get_or_init(|| Mutex::new(HashMap::new()))
}

/// A library call cannot be cancelled: if one hangs, print its input and abort.
fn start_watchdog() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let limit = Duration::from_secs(env_num("SOAK_HANG_SECS", 60));
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_millis(250));
            let r = running().lock().unwrap_or_else(|e| e.into_inner());
            for run in r.values() {
                if run.since.elapsed() > limit {
                    eprintln!(
                        "\n*** HANG: target {} ran for more than {:?} on input:\n{}\n",
                        run.target, limit, run.input
                    );
                    std::process::abort();
                }
            }
        });
    });
}

/// Run `check` on one input: panics become failures with their location, and the
/// watchdog sees the input.
fn guarded<V: Debug>(
    target: &'static str,
    v: &V,
    check: &dyn Fn(&V) -> Result<(), Fail>,
    timed: bool,
) -> (Result<(), Fail>, Duration) {
    let id = std::thread::current().id();
    running().lock().unwrap_or_else(|e| e.into_inner()).insert(
        id,
        Running {
            target,
            since: Instant::now(),
            input: format!("{v:?}"),
        },
    );
    IN_CASE.with(|c| c.set(true));
    LAST_PANIC.with(|l| *l.borrow_mut() = None);
    let t = Instant::now();
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(v)));
    let el = t.elapsed();
    IN_CASE.with(|c| c.set(false));
    running()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .remove(&id);
    let r = match r {
        Ok(x) => x,
        Err(_) => {
            let (loc, msg) = LAST_PANIC
                .with(|l| l.borrow_mut().take())
                .unwrap_or_else(|| ("?".into(), "?".into()));
            Err(Fail {
                sig: format!("panic at {loc}"),
                msg: format!("panicked at {loc}: {msg}"),
            })
        }
    };
    let r = match r {
        Ok(()) if timed && el > slow_limit() => Err(Fail {
            sig: "slow".into(),
            msg: format!("one call took {el:?} (limit {:?})", slow_limit()),
        }),
        r => r,
    };
    (r, el)
}

/// What a target run found.
struct Report {
    target: &'static str,
    cases: u32,
    elapsed: Duration,
    slowest: Duration,
    slowest_len: usize,
    failures: Vec<Found>,
    notes: Vec<String>,
}

struct Found {
    sig: String,
    msg: String,
    /// As proptest shrank it.
    shrunk: String,
    /// After delta debugging.
    minimal: String,
}

impl Report {
    fn print(&self) {
        eprintln!(
            "=== soak {}: {} cases in {:.1?} (slowest case {:.1?}, input {} bytes of Debug); {} failure(s)",
            self.target,
            self.cases,
            self.elapsed,
            self.slowest,
            self.slowest_len,
            self.failures.len()
        );
        for n in &self.notes {
            eprintln!("    note: {n}");
        }
        for (i, f) in self.failures.iter().enumerate() {
            eprintln!("--- {} failure {}: {}", self.target, i + 1, f.sig);
            eprintln!("    message: {}", f.msg);
            eprintln!("    shrunk input:  {}", f.shrunk);
            eprintln!("    minimal input: {}", f.minimal);
        }
    }

    fn assert_clean(&self) {
        self.print();
        assert!(
            self.failures.is_empty(),
            "soak {}: {} failure(s): {}",
            self.target,
            self.failures.len(),
            self.failures
                .iter()
                .map(|f| format!("[{}] {}", f.sig, f.minimal))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

struct Target<V> {
    name: &'static str,
    cases: u32,
    /// A fixed seed (smoke runs), else random.
    seed: Option<u64>,
    /// Library calls are timed against `SOAK_SLOW_MS`; lint times itself.
    timed: bool,
    shrink_iters: u32,
    shrink_ms: u32,
    /// Delta debugging budget per failure.
    minimize: Duration,
    minimizer: fn(&V, &mut dyn FnMut(&V) -> bool, Duration) -> V,
    check: fn(&V) -> Result<(), Fail>,
}

fn run_target<S>(t: Target<S::Value>, strategy: S) -> Report
where
    S: Strategy,
    S::Value: Debug + Clone,
{
    install_panic_hook();
    start_watchdog();
    let started = Instant::now();
    let rounds = env_num("SOAK_ROUNDS", 6) as usize;
    let mut known: Vec<String> = Vec::new();
    let mut report = Report {
        target: t.name,
        cases: 0,
        elapsed: Duration::ZERO,
        slowest: Duration::ZERO,
        slowest_len: 0,
        failures: Vec::new(),
        notes: Vec::new(),
    };
    // smoke runs (fixed seed) keep shrinking short: they must stay quick in debug
    let mut t = t;
    if t.seed.is_some() {
        t.shrink_iters = t.shrink_iters.min(30);
        t.shrink_ms = t.shrink_ms.min(1_000);
        t.minimize = t.minimize.min(Duration::from_secs(1));
    }
    let mut round = 0u64;
    while report.cases < t.cases && report.failures.len() < rounds {
        let mut cfg = PtConfig::with_cases(t.cases - report.cases);
        cfg.failure_persistence = None;
        cfg.max_shrink_iters = t.shrink_iters;
        cfg.max_shrink_time = t.shrink_ms;
        cfg.max_global_rejects = 100_000;
        cfg.rng_seed = match t.seed {
            Some(s) => RngSeed::Fixed(s + round),
            None => RngSeed::Random,
        };
        round += 1;
        let mut runner = TestRunner::new(cfg);
        let counted = Cell::new(0u32);
        let first_sig: RefCell<Option<String>> = RefCell::new(None);
        let slowest: RefCell<(Duration, String)> = RefCell::new((Duration::ZERO, String::new()));
        let known_ref = &known;
        let check = t.check;
        let result = runner.run(&strategy, |v| {
            let (r, el) = guarded(t.name, &v, &check, t.timed);
            if first_sig.borrow().is_none() {
                counted.set(counted.get() + 1);
                if el > slowest.borrow().0 {
                    *slowest.borrow_mut() = (el, format!("{v:?}"));
                }
            }
            let r = match r {
                Err(f) if known_ref.contains(&f.sig) => Ok(()),
                // while shrinking, stay on the first bug
                Err(f) if first_sig.borrow().as_ref().is_some_and(|s| *s != f.sig) => Ok(()),
                r => r,
            };
            match r {
                Ok(()) => Ok(()),
                Err(f) => {
                    first_sig.borrow_mut().get_or_insert(f.sig.clone());
                    Err(TestCaseError::fail(format!("{}\u{1}{}", f.sig, f.msg)))
                }
            }
        });
        report.cases += counted.get();
        let (el, input) = slowest.take();
        if el > report.slowest {
            report.slowest = el;
            report.slowest_len = input.len();
            // kept for a look at what was slow
            let _ = std::fs::write(
                std::env::temp_dir().join(format!("soak-slowest-{}.txt", t.name)),
                format!("{el:?}\n{input}\n"),
            );
        }
        match result {
            Ok(()) => break,
            Err(TestError::Fail(reason, value)) => {
                let text = reason.message().to_string();
                let (sig, msg) = text
                    .split_once('\u{1}')
                    .map(|(a, b)| (a.to_string(), b.to_string()))
                    .unwrap_or((text.clone(), text.clone()));
                // delta debugging, on the same signature
                let mut still = |x: &S::Value| matches!(guarded(t.name, x, &check, t.timed).0, Err(f) if f.sig == sig);
                let minimal = (t.minimizer)(&value, &mut still, t.minimize);
                let (_, msg_min) = match guarded(t.name, &minimal, &check, t.timed).0 {
                    Err(f) => (f.sig, f.msg),
                    Ok(()) => (sig.clone(), msg.clone()),
                };
                let found = Found {
                    sig: sig.clone(),
                    msg: msg_min,
                    shrunk: format!("{value:?}"),
                    minimal: format!("{minimal:?}"),
                };
                eprintln!(
                    "[soak {}] found {}: {}\n    minimal: {}",
                    t.name, found.sig, found.msg, found.minimal
                );
                report.failures.push(found);
                known.push(sig);
                let _ = msg;
            }
            Err(TestError::Abort(why)) => {
                report.notes.push(format!("proptest aborted: {why}"));
                break;
            }
        }
    }
    report.elapsed = started.elapsed();
    report.notes.push(format!(
        "outcomes (shrinking included): {}",
        tallies(t.name)
    ));
    report
}

fn tally_map() -> &'static Mutex<std::collections::BTreeMap<(String, String), u64>> {
    static T: OnceLock<Mutex<std::collections::BTreeMap<(String, String), u64>>> = OnceLock::new();
    T.get_or_init(|| Mutex::new(Default::default()))
}

/// Count an outcome class of a case, so that a run that never gets past the first
/// check (every TOML a syntax error, every lint exit 2) shows.
fn tally(target: &str, label: impl Into<String>) {
    *tally_map()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .entry((target.to_string(), label.into()))
        .or_default() += 1;
}

fn tallies(target: &str) -> String {
    tally_map()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .filter(|((t, _), _)| t == target)
        .map(|((_, l), n)| format!("{l}: {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

// --------------------------------------------------------------------------- ddmin

/// Remove chunks of `v` while `test` keeps failing (a simple ddmin on complements).
fn ddmin_vec<T: Clone>(
    mut v: Vec<T>,
    test: &mut dyn FnMut(&[T]) -> bool,
    deadline: Instant,
) -> Vec<T> {
    if v.is_empty() {
        return v;
    }
    if test(&[]) {
        return Vec::new();
    }
    let mut n = 2usize;
    while v.len() >= 2 && Instant::now() < deadline {
        let chunk = v.len().div_ceil(n);
        let mut reduced = false;
        let mut i = 0;
        while i < v.len() && Instant::now() < deadline {
            let end = (i + chunk).min(v.len());
            let cand: Vec<T> = v[..i].iter().chain(v[end..].iter()).cloned().collect();
            if test(&cand) {
                v = cand;
                reduced = true;
            } else {
                i += chunk;
            }
        }
        if reduced {
            n = (n - 1).max(2);
        } else if chunk == 1 {
            break;
        } else {
            n = (n * 2).min(v.len());
        }
    }
    v
}

/// Lines first, then characters, then each non-ASCII character replaced by a plain
/// letter where that keeps the failure.
fn ddmin_str(s: &str, test: &mut dyn FnMut(&str) -> bool, budget: Duration) -> String {
    let deadline = Instant::now() + budget;
    let lines: Vec<String> = s.split_inclusive('\n').map(String::from).collect();
    let lines = ddmin_vec(lines, &mut |l: &[String]| test(&l.concat()), deadline);
    let chars: Vec<char> = lines.concat().chars().collect();
    let mut chars = ddmin_vec(
        chars,
        &mut |c: &[char]| test(&c.iter().collect::<String>()),
        deadline,
    );
    for i in 0..chars.len() {
        if Instant::now() >= deadline {
            break;
        }
        if !chars[i].is_ascii_alphanumeric() && !chars[i].is_ascii_whitespace() {
            continue;
        }
        if chars[i].is_ascii_lowercase() && chars[i] != 'a' {
            let old = chars[i];
            chars[i] = 'a';
            if !test(&chars.iter().collect::<String>()) {
                chars[i] = old;
            }
        }
    }
    chars.into_iter().collect()
}

fn minimize_string(v: &String, still: &mut dyn FnMut(&String) -> bool, budget: Duration) -> String {
    ddmin_str(v, &mut |s: &str| still(&s.to_string()), budget)
}

// =========================================================================== atoms

const SEPS: &[&str] = &[
    " ", " ", " ", " ", "", "", ",", ", ", ".", ". ", "\n", "\n\n", "\u{a0}", "\u{202f}", "-", "–",
    "/", "(", ")", "\t",
];

const FIG_ATOMS: &[&str] = &[
    // numbers
    "0",
    "1",
    "7",
    "12",
    "780",
    "1,016",
    "1,00,000",
    "12,34,567",
    "7.5",
    "0.5",
    ".5",
    "3.",
    "1.5bn",
    "2.3m",
    "45k",
    "10^9",
    "1e9",
    "1e308",
    "1E-300",
    "-5",
    "−5",
    "+5",
    "±2",
    "~3",
    "≈4",
    "<5",
    ">5",
    "≥6",
    "≤7",
    "1–2",
    "10-20",
    "5 to 10",
    "3/4",
    "½",
    "¾",
    "²",
    "1st",
    "21st",
    "2nd",
    "5x",
    "×10",
    "99.999%",
    "100%",
    "0%",
    "1,000,000,000,000,000,000,000",
    "9,99",
    "1,2,3",
    "1.2.3.4",
    "1,,000",
    "1..5",
    "10:30",
    "8 May 2021",
    "2021",
    "1990s",
    "’90s",
    "FY2022-23",
    "2021-22",
    "No. 5",
    "p. 12",
    "Section 3(a)",
    "9/11",
    "24/7",
    "#1",
    "00",
    "007",
    "1 000",
    "1\u{202f}000",
    "1\u{a0}000",
    "1'000",
    "1_000",
    "٣٤٥",
    "१२३",
    "１２３",
    "𝟙𝟚",
    "①",
    "Ⅻ",
    // number words and scales
    "one",
    "two",
    "six",
    "ten",
    "twelve",
    "forty-nine",
    "ninety nine",
    "hundred",
    "a hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "trillion",
    "quadrillion",
    "lakh",
    "lakhs",
    "crore",
    "crores",
    "arab",
    "dozen",
    "dozens",
    "a dozen",
    "score",
    "half",
    "a half",
    "a quarter",
    "two-thirds",
    "one-third",
    "none",
    "zero",
    "several",
    "a few",
    "many",
    "bn",
    "mn",
    "m",
    "k",
    "K",
    "M",
    "B",
    "tn",
    "cr",
    // units and currencies
    "%",
    "percent",
    "per cent",
    "pc",
    "percentage points",
    "pp",
    "bps",
    "basis points",
    "₹",
    "Rs",
    "Rs.",
    "INR",
    "€",
    "EUR",
    "£",
    "GBP",
    "¥",
    "JPY",
    "$",
    "US$",
    "USD",
    "PKR",
    "₨",
    "dollars",
    "rupees",
    "km",
    "kg",
    "days",
    "years",
    "months",
    "hours",
    "people",
    "prisoners",
    "troops",
    "attacks",
    "deaths",
    "killed",
    "injured",
    "freed",
    "released",
    "votes",
    // qualifiers
    "over",
    "more than",
    "less than",
    "fewer than",
    "up to",
    "at least",
    "at most",
    "almost",
    "nearly",
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "between",
    "and",
    "to",
    "from",
    "or more",
    "or so",
    "upwards of",
    "as many as",
    "as few as",
    "only",
    "just",
    "exactly",
    "an estimated",
    "per",
    "each",
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "by",
    // Unicode and punctuation
    "İ",
    "ı",
    "ẞ",
    "ß",
    "ǅ",
    "Σ",
    "ﬁ",
    "’",
    "‘",
    "“",
    "”",
    "«",
    "»",
    "−",
    "–",
    "—",
    "…",
    "(",
    ")",
    "((",
    "))",
    "[",
    "]",
    "%",
    "%%",
    "*",
    "**",
    "_",
    "`",
    "'",
    "\"",
    ";",
    ":",
    "!",
    "?",
    "\u{301}",
    "e\u{301}",
    "\u{200d}",
    "\u{200b}",
    "\u{feff}",
    "\u{202e}",
    "\u{2066}",
    "\u{1b}[31m",
    "\u{85}",
    "\u{2028}",
    "\u{0}",
    "\u{7f}",
    "\r",
    "\r\n",
    "👍🏽",
    "🇵🇰",
    "ꙮ",
    "Ω",
    "Å",
    "Ⅷ",
    "Ａ",
    "ｃｒｏｒｅ",
];

/// Hostile strings for file contents, names and metadata.
const HOSTILE: &[&str] = &[
    "\u{1b}[31m",
    "\u{1b}]8;;http://evil.example\u{7}link\u{1b}]8;;\u{7}",
    "\u{1b}[2J",
    "\n::error::INJECTED\n",
    "\r::warning::INJECTED",
    "\n  ::error file=x::INJECTED",
    "%0A::error::INJECTED",
    "::add-mask::INJECTED",
    "\n::stop-commands::INJECTED\n",
    "\u{202e}",
    "\u{2066}",
    "\u{85}",
    "\u{9b}31m",
    "\u{2028}",
    "\u{0}",
    "\u{7f}",
    "\t",
    "\r\n",
    "\r",
    "\u{feff}",
    "İ",
    "ẞ",
    "’",
    "“",
    "”",
    "−",
    "–",
    "\u{a0}",
    "e\u{301}",
    "👍🏽",
    "１２３",
    "٣٤٥",
    "<script>",
    "&amp;",
    "\\",
    "\"",
    "{}",
    "%s",
    "$(x)",
];

const MD_ATOMS: &[&str] = &[
    "<!-->",
    "<!--->",
    "<!---->",
    "<!--",
    "-->",
    "--->",
    "<!-- claimcheck-disable -->",
    "<!-- claimcheck-enable -->",
    "<!-- claimcheck-disable-next-line -->",
    "<!-- claimcheck-disable-next-line misquoted reason=\"x\" -->",
    "<!-- claimcheck-disable-next-line reason=\"unterminated -->",
    "<!-- claimcheck-disable-next-line",
    "<!--claimcheck-disable-->",
    "<!-- claimcheck-disable misquoted-figure,unattributed -->",
    "<!-- claimcheck-",
    "<!--\nclaimcheck-disable\n-->",
    "[^1]",
    "[^note]",
    "[^é]",
    "[^1]: ",
    "[^note]: Mir, 2022. ",
    "[^]",
    "[^1]:\n",
    "| a | b |\n|---|---|\n",
    "| 1 | 2 |\n",
    "| Killed | Source |\n|---:|:---|\n",
    "| 780 | Mir (2022) |\n",
    "|",
    "||",
    "| 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 |\n",
    "|-|-|-|-|-|-|-|-|-|-|-|-|\n",
    "---\n",
    "+++\n",
    "***\n",
    "- ",
    "  - ",
    "    - ",
    "* ",
    "+ ",
    "1. ",
    "2) ",
    "> ",
    "> > ",
    "> > > ",
    ">",
    "```\n",
    "```rust\n",
    "~~~\n",
    "`",
    "``",
    "**",
    "*",
    "_",
    "__",
    "~~",
    "[link](http://x.org/5)",
    "[a][b]",
    "[b]: http://x/9 \"t 5\"\n",
    "![img 5](x.png)",
    "<http://x/5>",
    "&amp;",
    "&#8377;",
    "&#x20B9;",
    "&nbsp;",
    "&#0;",
    "&#xFFFFFF;",
    "\\*",
    "\\",
    "<span>5</span>",
    "<div>\n",
    "</div>",
    "# ",
    "###### ",
    "\n===\n",
    "\n---\n",
    "\n",
    "\n\n",
    "    ",
    "\t",
    "\r\n",
    "\r",
    "  \n",
    "\\\n",
    "$$",
];

const FRONT: &[&str] = &[
    "",
    "",
    "",
    "---\ntitle: 40 things\n---\n",
    "+++\ntitle = \"5\"\n+++\n",
    "---\n",
    "---\n---\n",
    "+++\n",
    "---\na: [1, 2\n---\n",
    "\u{feff}",
];

const CITE_ATOMS: &[&str] = &[
    "(",
    ")",
    "(Mir, 2022)",
    "Mir (2022)",
    " (",
    " (2022)",
    "(2022)",
    "2022",
    "1999",
    "19",
    "20",
    ", 19",
    ", 20",
    "(Mir, 2022; Khan, 2021)",
    "(Sayed & Hamming, 2021)",
    "(Jadoon et al., 2022)",
    "et al.",
    "&",
    "and",
    "according to ",
    "According to ",
    "ACCORDING TO ",
    "as noted by ",
    "as analysed by ",
    "as reported by ",
    "reported by ",
    "cited by ",
    "quoted by ",
    "published by ",
    "says",
    "said",
    "reports",
    "found",
    "wrote",
    ", the Counter Extremism Project says.",
    ", PIPS reported.",
    " the ",
    " of ",
    " for ",
    "officials",
    "data",
    "Mir",
    "Khan",
    "Ünal",
    "Ørsted",
    "İnan",
    "ǅemal",
    "Σίσυφος",
    "ẞtraße",
    "O'Brien",
    "al-Qaeda",
    "USIP",
    "the United States Institute of Peace",
    "police",
    "780",
    "1,016",
    "İ",
    "ẞ",
    "’",
    "‘",
    "“",
    "”",
    "é",
    "—",
    "–",
    ";",
    ",",
    ".",
    " ",
    "  ",
    "\t",
    "\u{a0}",
    "\u{2003}",
    "\n",
    "(İ, 2022)",
    "(ẞ, 2022)",
    "İ (2022)",
    "ẞ (2022)",
    "(, 2022)",
    "(A,2022)",
    "(A, 20222)",
    "(A, 202)",
    "A (202)",
    "A (20222)",
    ")(",
    "((",
    "))",
    "\u{301}",
    "\u{1b}",
    "👍🏽",
];

const CONFIG_FRAGMENTS: &[&str] = &[
    "[[claim]]",
    "[[source]]",
    "[[entity]]",
    "[corpus]",
    "[settings]",
    "[claim]",
    "[source]",
    "[[corpus]]",
    "[[settings]]",
    "claim = 1",
    "source = \"x\"",
    "corpus = []",
    "settings = 5",
    "id = \"a\"",
    "id = \"\"",
    "id = \" \"",
    "id = 3",
    "id = \"İ\"",
    "id = \"ẞ\"",
    "id = \"\u{1b}[31m\"",
    "id = \"\\u001b[31m\"",
    "id = \"\\n::error::INJECTED\"",
    "text = \"780 prisoners\"",
    "text = \"\"",
    "text = \"no figure here\"",
    "text = '''780 multi\nline'''",
    "text = \"\"\"780 multi\nline\"\"\"",
    "text = \"\"\"\"\"\"",
    "text = ''''''",
    "text = '780'",
    "text = 780",
    "text = [\"780\"]",
    "text = { a = 1 }",
    "text = \"İİİİ 780 ẞẞ\"",
    "sources = [\"a\"]",
    "sources = [\"zz\"]",
    "sources = \"a\"",
    "sources = []",
    "sources = [1]",
    "sources = [\"a\", \"a\"]",
    "file = \"x.txt\"",
    "file = \"\"",
    "file = \".\"",
    "file = \"..\"",
    "file = \"claims.toml\"",
    "file = \"../corpus/wire.txt\"",
    "file = \"\\u0000\"",
    "file = \"İ.txt\"",
    "paths = [\"seeds\"]",
    "paths = [\".\"]",
    "paths = [\"..\"]",
    "paths = [\"\"]",
    "paths = \"seeds\"",
    "paths = [1]",
    "match_threshold = 2",
    "match_threshold = -0.0",
    "match_threshold = nan",
    "match_threshold = inf",
    "match_threshold = 1e999",
    "conflict_ratio = -inf",
    "open_end_cap = nan",
    "open_end_cap = 1e308",
    "candidates = -1",
    "candidates = 0",
    "candidates = 9223372036854775807",
    "min_sources = 0",
    "min_sources = 18446744073709551616",
    "about_tolerance = \"x\"",
    "titel = \"x\"",
    "title = \"\u{202e}evil\"",
    "aliases = [1]",
    "aliases = [\"Mir, 2022\", \"\"]",
    "name = \"TTP\"",
    "a.b.c = 1",
    "\"quoted key\" = 1",
    "'' = 1",
    "= 1",
    "[",
    "[[",
    "]]",
    "\"",
    "'''",
    "\"\"\"",
    "#",
    "# comment İ",
    "\\",
    "\t",
    "\r",
    "\r\n",
    "\u{feff}",
    "x = 1979-05-27T07:32:00Z",
    "x = 0x_1",
    "x = [[1], [\"a\"]]",
];

// =========================================================================== strategies

fn join_pieces(v: Vec<String>) -> String {
    v.concat()
}

fn digit_run() -> impl Strategy<Value = String> {
    (
        prop_oneof![8 => 1usize..64, 2 => 64usize..600, 1 => 600usize..6000],
        select(vec!["9", "1", "0", "5", "٣", "１", "1,", "1.", "12,", " 1"]),
    )
        .prop_map(|(n, d)| d.repeat(n))
}

/// A number in one of many written forms.
fn number() -> impl Strategy<Value = String> {
    (
        any::<u64>(),
        0u32..8,
        0usize..12,
        select(vec![
            "",
            "",
            "",
            "%",
            " percent",
            "bn",
            " billion",
            "m",
            " million",
            " crore",
            " lakh",
            "k",
            " trillion",
            "x",
            " per cent",
        ]),
        select(vec![
            "", "", "", "$", "US$", "₹", "€", "£", "¥", "Rs ", "-", "−", "~",
        ]),
    )
        .prop_map(|(n, decimals, style, suffix, prefix)| {
            let n = match style % 4 {
                0 => n % 100,
                1 => n % 100_000,
                2 => n % 10_000_000_000,
                _ => n,
            };
            let digits = n.to_string();
            let body = match style {
                0..=3 => digits,
                4 | 5 => group(&digits, 3, ","),
                6 => group_indian(&digits),
                7 => group(&digits, 3, "\u{202f}"),
                8 => group(&digits, 3, "."),
                9 => format!("{digits}.{}", "5".repeat(decimals as usize)),
                10 => format!(
                    "{}.{}",
                    group(&digits, 3, ","),
                    "0".repeat(decimals as usize)
                ),
                _ => format!("{digits}e{}", decimals * 50),
            };
            format!("{prefix}{body}{suffix}")
        })
}

fn group(d: &str, every: usize, sep: &str) -> String {
    let b = d.as_bytes();
    let mut out = String::new();
    for (i, c) in b.iter().enumerate() {
        if i > 0 && (b.len() - i) % every == 0 {
            out.push_str(sep);
        }
        out.push(*c as char);
    }
    out
}

fn group_indian(d: &str) -> String {
    if d.len() <= 3 {
        return d.to_string();
    }
    let (head, tail) = d.split_at(d.len() - 3);
    format!("{},{tail}", group(head, 2, ","))
}

fn fig_piece() -> BoxedStrategy<String> {
    prop_oneof![
        12 => (select(FIG_ATOMS), select(SEPS)).prop_map(|(a, s)| format!("{a}{s}")),
        3 => (number(), select(SEPS)).prop_map(|(a, s)| format!("{a}{s}")),
        1 => "\\PC{0,8}",
        1 => "(?s).{0,6}",
        1 => digit_run(),
        1 => select(HOSTILE).prop_map(String::from),
    ]
    .boxed()
}

fn fig_text() -> BoxedStrategy<String> {
    prop_oneof![
        6 => prop::collection::vec(fig_piece(), 0..40).prop_map(join_pieces),
        2 => prop::collection::vec(fig_piece(), 200..900).prop_map(join_pieces),
        1 => "\\PC{0,200}",
        1 => any::<String>(),
    ]
    .boxed()
}

fn md_piece() -> BoxedStrategy<String> {
    prop_oneof![
        6 => select(MD_ATOMS).prop_map(String::from),
        6 => fig_piece(),
        1 => select(CITE_ATOMS).prop_map(String::from),
        1 => "\\PC{0,6}",
    ]
    .boxed()
}

/// Byte-level edits of a seed text.
#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(PIndex),
    DupLine(PIndex),
    RepeatLine(PIndex, usize),
    SwapLines(PIndex, PIndex),
    InsertLine(PIndex, String),
    InsertAt(PIndex, String),
    DeleteRange(PIndex, usize),
    ReplaceChar(PIndex, char),
    InsertLossy(PIndex, Vec<u8>),
    Truncate(PIndex),
}

fn mutation(pool: &'static [&'static str]) -> impl Strategy<Value = Mutation> {
    let frag = prop_oneof![
        4 => select(pool).prop_map(String::from),
        2 => fig_piece(),
        1 => select(HOSTILE).prop_map(String::from),
        1 => "\\PC{0,12}",
    ];
    prop_oneof![
        3 => any::<PIndex>().prop_map(Mutation::DeleteLine),
        2 => any::<PIndex>().prop_map(Mutation::DupLine),
        1 => (any::<PIndex>(), 2usize..200).prop_map(|(i, n)| Mutation::RepeatLine(i, n)),
        2 => (any::<PIndex>(), any::<PIndex>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        5 => (any::<PIndex>(), frag.clone()).prop_map(|(i, s)| Mutation::InsertLine(i, s)),
        5 => (any::<PIndex>(), frag).prop_map(|(i, s)| Mutation::InsertAt(i, s)),
        2 => (any::<PIndex>(), 1usize..40).prop_map(|(i, n)| Mutation::DeleteRange(i, n)),
        2 => (any::<PIndex>(), any::<char>()).prop_map(|(i, c)| Mutation::ReplaceChar(i, c)),
        1 => (any::<PIndex>(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(i, b)| Mutation::InsertLossy(i, b)),
        1 => any::<PIndex>().prop_map(Mutation::Truncate),
    ]
}

/// Whole-line edits with lines from `pool`: mostly still TOML, so the schema and
/// cross-field checks run.
fn line_mutation(pool: &'static [&'static str]) -> impl Strategy<Value = Mutation> {
    prop_oneof![
        2 => any::<PIndex>().prop_map(Mutation::DeleteLine),
        2 => any::<PIndex>().prop_map(Mutation::DupLine),
        1 => (any::<PIndex>(), any::<PIndex>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        5 => (any::<PIndex>(), select(pool).prop_map(String::from))
            .prop_map(|(i, s)| Mutation::InsertLine(i, s)),
    ]
}

fn boundary_at(s: &str, i: &PIndex) -> usize {
    let mut o = i.index(s.len() + 1);
    while !s.is_char_boundary(o) {
        o -= 1;
    }
    o
}

fn apply(seed: &str, muts: &[Mutation]) -> String {
    let mut s = seed.to_string();
    for m in muts {
        let mut lines: Vec<String> = s.split_inclusive('\n').map(String::from).collect();
        match m {
            Mutation::DeleteLine(i) if !lines.is_empty() => {
                lines.remove(i.index(lines.len()));
                s = lines.concat();
            }
            Mutation::DupLine(i) if !lines.is_empty() => {
                let k = i.index(lines.len());
                let l = lines[k].clone();
                lines.insert(k, l);
                s = lines.concat();
            }
            Mutation::RepeatLine(i, n) if !lines.is_empty() => {
                let k = i.index(lines.len());
                let l = lines[k].clone();
                for _ in 0..*n {
                    lines.insert(k, l.clone());
                }
                s = lines.concat();
            }
            Mutation::SwapLines(a, b) if !lines.is_empty() => {
                let (x, y) = (a.index(lines.len()), b.index(lines.len()));
                lines.swap(x, y);
                s = lines.concat();
            }
            Mutation::InsertLine(i, f) => {
                let k = i.index(lines.len() + 1);
                lines.insert(k, format!("{f}\n"));
                s = lines.concat();
            }
            Mutation::InsertAt(i, f) => {
                let at = boundary_at(&s, i);
                s.insert_str(at, f);
            }
            Mutation::DeleteRange(i, n) => {
                let at = boundary_at(&s, i);
                let mut end = (at + n).min(s.len());
                while !s.is_char_boundary(end) {
                    end += 1;
                }
                s.replace_range(at..end, "");
            }
            Mutation::ReplaceChar(i, c) => {
                let at = boundary_at(&s, i);
                if let Some(old) = s[at..].chars().next() {
                    s.replace_range(at..at + old.len_utf8(), &c.to_string());
                } else {
                    s.push(*c);
                }
            }
            Mutation::InsertLossy(i, b) => {
                let at = boundary_at(&s, i);
                let mut bytes = s.as_bytes().to_vec();
                bytes.splice(at..at, b.iter().copied());
                s = String::from_utf8_lossy(&bytes).into_owned();
            }
            Mutation::Truncate(i) => {
                let at = boundary_at(&s, i);
                s.truncate(at);
            }
            _ => {}
        }
    }
    s
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn files_under(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files_under(&p, ext, out);
        } else if p.extension().is_some_and(|e| e == ext) {
            out.push(p);
        }
    }
}

/// Fixture claims.toml files (and the other TOML fixtures), with their paths so that
/// relative source files resolve while parsing.
fn toml_seeds() -> &'static Vec<(PathBuf, String)> {
    static S: OnceLock<Vec<(PathBuf, String)>> = OnceLock::new();
    S.get_or_init(|| {
        let mut files = Vec::new();
        files_under(&fixtures_dir(), "toml", &mut files);
        let mut out: Vec<(PathBuf, String)> = files
            .into_iter()
            .filter_map(|p| {
                let text = std::fs::read_to_string(&p).ok()?;
                // claims.toml first: they are what the loader is for
                Some((p, text))
            })
            .collect();
        out.sort_by_key(|(p, _)| !p.ends_with("claims.toml"));
        assert!(!out.is_empty(), "no TOML fixtures under tests/fixtures");
        out
    })
}

fn md_seeds() -> &'static Vec<String> {
    static S: OnceLock<Vec<String>> = OnceLock::new();
    S.get_or_init(|| {
        let mut files = Vec::new();
        files_under(&fixtures_dir(), "md", &mut files);
        let mut out: Vec<String> = files
            .iter()
            .filter(|p| !p.ends_with("README.md"))
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
        if out.is_empty() {
            out.push("The Taliban freed 780 prisoners.[^a]\n\n[^a]: Mir, 2022.\n".into());
        }
        out
    })
}

/// (claims.toml path, mutated text). The path is a fixture's, so files resolve.
#[derive(Clone)]
struct TomlCase {
    path: PathBuf,
    text: String,
}

impl Debug for TomlCase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let rel = self
            .path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(&self.path);
        write!(f, "(path {:?}) {:?}", rel.display().to_string(), self.text)
    }
}

fn toml_case() -> impl Strategy<Value = TomlCase> {
    let seeds = toml_seeds();
    let fragments =
        prop::collection::vec(select(CONFIG_FRAGMENTS), 0..16).prop_map(|v| v.join("\n"));
    prop_oneof![
        6 => (
            0..seeds.len(),
            prop::collection::vec(line_mutation(CONFIG_FRAGMENTS), 1..6)
        )
            .prop_map(move |(i, m)| TomlCase {
                path: seeds[i].0.clone(),
                text: apply(&seeds[i].1, &m),
            }),
        3 => (
            0..seeds.len(),
            prop::collection::vec(mutation(CONFIG_FRAGMENTS), 1..4)
        )
            .prop_map(move |(i, m)| TomlCase {
                path: seeds[i].0.clone(),
                text: apply(&seeds[i].1, &m),
            }),
        1 => (0..seeds.len(), fragments).prop_map(move |(i, t)| TomlCase {
            path: seeds[i].0.clone(),
            text: t,
        }),
        1 => (0..seeds.len(), "\\PC{0,200}").prop_map(move |(i, t)| TomlCase {
            path: seeds[i].0.clone(),
            text: t,
        }),
    ]
}

fn minimize_toml(
    v: &TomlCase,
    still: &mut dyn FnMut(&TomlCase) -> bool,
    budget: Duration,
) -> TomlCase {
    let text = ddmin_str(
        &v.text,
        &mut |s: &str| {
            still(&TomlCase {
                path: v.path.clone(),
                text: s.to_string(),
            })
        },
        budget,
    );
    TomlCase {
        path: v.path.clone(),
        text,
    }
}

fn draft_text() -> BoxedStrategy<String> {
    let seeds = md_seeds();
    prop_oneof![
        5 => (select(FRONT), prop::collection::vec(md_piece(), 0..80))
            .prop_map(|(f, v)| format!("{f}{}", v.concat())),
        1 => (select(FRONT), prop::collection::vec(md_piece(), 300..1500))
            .prop_map(|(f, v)| format!("{f}{}", v.concat())),
        4 => (
            0..seeds.len(),
            prop::collection::vec(mutation(MD_ATOMS), 1..12)
        )
            .prop_map(move |(i, m)| apply(&seeds[i], &m)),
        1 => "\\PC{0,200}",
    ]
    .boxed()
}

fn cite_text() -> BoxedStrategy<String> {
    prop_oneof![
        8 => prop::collection::vec(
            prop_oneof![
                8 => select(CITE_ATOMS).prop_map(String::from),
                2 => select(FIG_ATOMS).prop_map(String::from),
                1 => "\\PC{0,6}",
                1 => select(SEPS).prop_map(String::from),
            ],
            0..40
        )
        .prop_map(join_pieces),
        1 => "\\PC{0,120}",
        1 => any::<String>(),
    ]
    .boxed()
}

// =========================================================================== checks

fn check_figures(text: &String) -> Result<(), Fail> {
    let figs = figure::extract_figures(text);
    tally(
        "figures",
        if figs.is_empty() {
            "no figures"
        } else {
            "figures"
        },
    );
    let mut last_start = 0usize;
    for f in &figs {
        let slice = text.get(f.span.clone());
        check!(
            slice.is_some(),
            "figure.span-in-bounds",
            "span {:?} does not slice the text (len {}): {f:?}",
            f.span,
            text.len()
        );
        check!(
            slice == Some(f.text.as_str()),
            "figure.span-text",
            "text[{:?}] = {:?} but figure.text = {:?}",
            f.span,
            slice,
            f.text
        );
        check!(
            !f.value.is_nan() && !f.low.is_nan() && !f.high.is_nan(),
            "figure.nan",
            "NaN in {f:?}"
        );
        check!(f.low <= f.high, "figure.low>high", "low > high in {f:?}");
        check!(
            f.span.start >= last_start,
            "figure.order",
            "figures out of order at {:?}",
            f.span
        );
        last_start = f.span.start;
        // the JSON report serialises every figure
        check!(
            serde_json::to_string(f).is_ok(),
            "figure.serialize",
            "figure does not serialise: {f:?}"
        );
    }
    let _ = figure::years(text);
    for s in segment::segment(text) {
        check!(
            s.span.start <= s.span.end
                && text.is_char_boundary(s.span.start)
                && text.is_char_boundary(s.span.end),
            "segment.span",
            "segment span {:?} is not on char boundaries (len {})",
            s.span,
            text.len()
        );
        let _ = segment::passage_text(text, s.span.clone());
    }
    for r in segment::split_sentences(text) {
        check!(
            text.get(r.clone()).is_some(),
            "split_sentences.span",
            "sentence span {r:?} does not slice the text"
        );
    }
    Ok(())
}

fn check_config(c: &TomlCase) -> Result<(), Fail> {
    let text = &c.text;
    match config::parse(&c.path, text.clone()) {
        Ok(cfg) => {
            tally("config", "ok");
            for cl in &cfg.claims {
                check!(
                    text.get(cl.text_span.clone()).is_some(),
                    "config.claim-span",
                    "claim text_span {:?} does not slice claims.toml",
                    cl.text_span
                );
                check!(
                    cl.text_offset <= text.len() && text.is_char_boundary(cl.text_offset),
                    "config.claim-offset",
                    "claim text_offset {} is not a char boundary",
                    cl.text_offset
                );
            }
        }
        Err(e) => {
            if let config::ConfigError::Invalid { problems, .. } = &e {
                tally(
                    "config",
                    if problems.iter().any(|p| p.code.ends_with("::syntax")) {
                        "invalid TOML"
                    } else {
                        "schema problems"
                    },
                );
                for p in problems {
                    let (o, l) = (p.span.offset(), p.span.len());
                    check!(
                        o + l <= text.len()
                            && text.is_char_boundary(o)
                            && text.is_char_boundary(o + l),
                        "config.problem-span",
                        "problem {:?} ({}) has span {}+{} off the text or off char boundaries (len {})",
                        p.code,
                        p.message,
                        o,
                        l,
                        text.len()
                    );
                }
            }
            // the CLI renders the error with miette: that must not panic either
            let mut out = String::new();
            let handler = miette::GraphicalReportHandler::new_themed(
                miette::GraphicalTheme::unicode_nocolor(),
            )
            .with_width(100)
            .with_context_lines(1);
            let _ = handler.render_report(&mut out, &e);
        }
    }
    Ok(())
}

fn check_draft(text: &String) -> Result<(), Fail> {
    let d = draft::parse(text);
    tally(
        "draft",
        if d.sentences.is_empty() {
            "no sentences"
        } else {
            "sentences"
        },
    );
    for s in &d.sentences {
        // the mapping back to the draft, byte by byte
        let n = s.text.len();
        let offs: Vec<usize> = (0..n).map(|i| s.draft_span(&(i..i + 1)).start).collect();
        for f in figure::extract_figures(&s.text) {
            check!(
                s.text.get(f.span.clone()) == Some(f.text.as_str()),
                "draft.figure-span-text",
                "figure span {:?} in sentence {:?}",
                f.span,
                s.text
            );
            let span = s.draft_span(&f.span);
            check!(
                span.start <= span.end && span.end <= text.len(),
                "draft.span-bounds",
                "draft span {span:?} of figure {:?} is out of bounds (draft len {})",
                f.text,
                text.len()
            );
            let judged = s
                .only
                .as_ref()
                .is_none_or(|o| o.start <= f.span.start && f.span.end <= o.end);
            if !judged {
                continue;
            }
            check!(
                text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "draft.span-char-boundary",
                "draft span {span:?} of figure {:?} splits a character",
                f.text
            );
            // where the sentence bytes are the draft's own, contiguous bytes, the span
            // must slice back to the figure's text
            let contiguous = f.span.end <= n
                && (f.span.start..f.span.end)
                    .all(|i| offs[i] == offs[f.span.start] + (i - f.span.start));
            // (a soft line break reads as a space mapped to its newline)
            if contiguous && !f.text.is_empty() {
                check!(
                    text.get(span.clone()).map(ws_join) == Some(ws_join(&f.text)),
                    "draft.span-text",
                    "draft[{span:?}] = {:?} but the figure reads {:?}",
                    text.get(span.clone()),
                    f.text
                );
            }
        }
        if let Some(o) = &s.only {
            check!(
                s.text.get(o.clone()).is_some(),
                "draft.only-span",
                "only {o:?} does not slice sentence {:?}",
                s.text
            );
        }
        for c in &s.citations {
            if let draft::CiteRef::Link { span, .. } = c {
                check!(
                    s.text.get(span.clone()).is_some(),
                    "draft.link-span",
                    "link span {span:?} does not slice sentence {:?}",
                    s.text
                );
            }
        }
    }
    for sup in &d.suppressions {
        check!(
            sup.range.start <= sup.range.end && text.get(sup.range.clone()).is_some(),
            "draft.suppression-range",
            "suppression range {:?} does not slice the draft (len {})",
            sup.range,
            text.len()
        );
    }
    Ok(())
}

fn ws_join(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn check_cite(text: &String) -> Result<(), Fail> {
    for c in cite::inline_citations(text) {
        let slice = text.get(c.span.clone());
        check!(
            slice.is_some(),
            "cite.span-boundary",
            "citation span {:?} does not slice the sentence (len {}): {c:?}",
            c.span,
            text.len()
        );
        let slice = slice.unwrap_or("");
        let norm = ws_join(slice);
        check!(
            slice == c.text || norm.trim_start_matches("the ") == c.text || norm == c.text,
            "cite.span-text",
            "sentence[{:?}] = {:?} but the citation reads {:?}",
            c.span,
            slice,
            c.text
        );
    }
    Ok(())
}

// --------------------------------------------------------------------------- lint

/// Encodings a file may be written in.
const ENC: &[&str] = &[
    "utf8", "utf8", "utf8", "utf8", "bom", "utf16le", "utf16be", "latin1",
];

#[derive(Clone)]
struct LintCase {
    /// (file name under seeds/, text, encoding)
    corpus: Vec<(String, String, &'static str)>,
    claims: Option<String>,
    draft_name: String,
    draft: String,
    draft_enc: &'static str,
    verbose: bool,
}

impl Debug for LintCase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "LintCase {{")?;
        for (n, t, e) in &self.corpus {
            writeln!(f, "  corpus seeds/{n:?} ({e}): {t:?}")?;
        }
        writeln!(f, "  claims.toml: {:?}", self.claims)?;
        writeln!(
            f,
            "  draft {:?} ({}, verbose {}): {:?}",
            self.draft_name, self.draft_enc, self.verbose, self.draft
        )?;
        write!(f, "}}")
    }
}

const CORPUS_NAMES: &[&str] = &[
    "a.txt",
    "wire report.txt",
    "ünïcödé.md",
    "x::error::INJECTED.txt",
    "c,d=e.txt",
    "f\u{1b}[31mred.txt",
    "g\n::error::INJECTED.txt",
    "h%0Aq.md",
    "İstanbul-2022.txt",
    "mir-2022.txt",
    "USIP report.md",
    "\u{202e}txt.md",
];

const DRAFT_NAMES: &[&str] = &[
    "draft.md",
    "draft.md",
    "draft.md",
    "d r,a:ft.md",
    "dräft ünï.md",
    "::error::INJECTED.md",
    "x\n::error::INJECTED.md",
    "e\u{1b}[31m.md",
    "p%0A::warning::INJECTED.md",
    "\u{202e}dm.txt.md",
];

const WHO: &[&str] = &[
    "The ministry",
    "Police",
    "Dawn",
    "İstanbul police",
    "USIP",
    "The United States Institute of Peace",
    "Mir",
    "Ørsted Ltd",
    "\u{1b}[31mRed Cross",
    "::error::INJECTED",
    "The \u{202e}Interior Ministry",
    "ẞtraße Weekly",
    "Officials",
];

const NOUN: &[&str] = &[
    "prisoners",
    "people",
    "attacks",
    "troops",
    "houses",
    "civilians",
    "militants",
    "votes",
    "schools",
    "km of road",
    "days",
    "rupees",
    "\u{1b}[2Jvictims",
    "deaths\n::error::INJECTED",
];

const ROLE: &[&str] = &[
    "were killed",
    "were freed",
    "were injured",
    "",
    "were released",
    "were counted",
    "died",
    "were arrested",
];

const PLACE: &[&str] = &[
    "Peshawar",
    "Kabul",
    "Kabul\n::error::INJECTED",
    "\u{202e}evil",
    "Zürich",
    "ẞtraße",
    "Karachi",
    "Swat\r::warning::INJECTED",
    "Quetta\u{85}",
    "Lahore",
];

const WHEN: &[&str] = &[
    "in 2021",
    "on 8 May 2021",
    "",
    "last year",
    "in FY2022-23",
    "since 2014",
    "in the 1990s",
];

fn fact() -> impl Strategy<Value = String> {
    (
        select(WHO),
        select(vec![
            "said",
            "reported",
            "counted",
            "found",
            "estimated",
            "wrote that",
        ]),
        prop_oneof![
            3 => select(vec![
                "780", "1,016", "over 100", "more than 1,000", "₹5 crore", "€1.2bn", "12.5%",
                "forty-nine", "1.5 lakh", "3 trillion", "−4", "10–20", "between 5 and 10",
                "about 300", "a dozen", "hundreds of", "US$50 million", "45 per cent",
                "1,00,000", "nearly 2 million", "99999999999999999999999999",
            ])
            .prop_map(String::from),
            2 => number(),
        ],
        select(NOUN),
        select(ROLE),
        select(PLACE),
        select(WHEN),
        prop_oneof![4 => Just(String::new()), 1 => select(HOSTILE).prop_map(String::from)],
    )
        .prop_map(|(who, verb, num, noun, role, place, when, extra)| {
            format!("{who} {verb} {num} {noun} {role} in {place} {when}.{extra}")
        })
}

/// A line of a corpus file: a fact from the pool, or noise.
#[derive(Debug, Clone)]
enum Line {
    Fact(PIndex),
    Noise(String),
}

fn line() -> impl Strategy<Value = Line> {
    prop_oneof![
        3 => any::<PIndex>().prop_map(Line::Fact),
        1 => prop::collection::vec(fig_piece(), 0..20).prop_map(|v| Line::Noise(v.concat())),
        1 => fact().prop_map(Line::Noise),
    ]
}

/// How a pool fact appears in the draft.
#[derive(Debug, Clone)]
struct DraftItem {
    fact: PIndex,
    tweak: u8,
    prefix: &'static str,
    noise: String,
}

fn draft_item() -> impl Strategy<Value = DraftItem> {
    (
        any::<PIndex>(),
        0u8..12,
        select(vec![
            "",
            "",
            "",
            "",
            "- ",
            "> ",
            "# ",
            "1. ",
            "  - ",
            "> > ",
            "<!-- claimcheck-disable-next-line -->\n",
            "<!-- claimcheck-disable -->\n",
            "<!-- claimcheck-enable -->\n",
            "<!-->",
            "```\n",
            "| ",
        ]),
        prop_oneof![3 => Just(String::new()), 1 => md_piece(), 1 => fig_piece()],
    )
        .prop_map(|(fact, tweak, prefix, noise)| DraftItem {
            fact,
            tweak,
            prefix,
            noise,
        })
}

fn toml_str(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\t' => o.push_str("\\t"),
            '\r' => o.push_str("\\r"),
            c if c.is_control() => o.push_str(&format!("\\u{:04X}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

#[derive(Debug, Clone)]
struct Meta {
    id: &'static str,
    title: String,
    author: &'static str,
    date: &'static str,
    alias: String,
    claim: Option<PIndex>,
}

fn meta() -> impl Strategy<Value = Meta> {
    (
        select(vec![
            "mir-2022",
            "a",
            "İ",
            "x\"y",
            "::error::INJECTED",
            "wire",
            "e\u{1b}[31m",
            "dup",
            "dup",
        ]),
        prop_oneof![
            2 => fact(),
            1 => select(HOSTILE).prop_map(String::from),
            1 => "\\PC{0,20}",
        ],
        select(vec![
            "Mir",
            "Sara Khan",
            "İnan",
            "\u{1b}[31mEvil",
            "\n::error::INJECTED",
            "",
        ]),
        select(vec!["2022", "2022-05-01", "", "May 2021", "\u{202e}2022"]),
        prop_oneof![
            2 => select(vec!["Mir, 2022", "Khan, 2022", "USIP"]).prop_map(String::from),
            1 => select(HOSTILE).prop_map(String::from),
        ],
        prop::option::weighted(0.5, any::<PIndex>()),
    )
        .prop_map(|(id, title, author, date, alias, claim)| Meta {
            id,
            title,
            author,
            date,
            alias,
            claim,
        })
}

fn bump_digit(s: &str) -> String {
    let mut done = false;
    s.chars()
        .map(|c| {
            if !done && c.is_ascii_digit() {
                done = true;
                char::from(b'0' + ((c as u8 - b'0' + 3) % 10))
            } else {
                c
            }
        })
        .collect()
}

fn lint_case() -> impl Strategy<Value = LintCase> {
    (
        prop::collection::vec(fact(), 2..8),
        prop::collection::vec(
            (
                select(CORPUS_NAMES),
                prop::collection::vec(line(), 1..10),
                select(ENC),
            ),
            2..=3,
        ),
        prop::option::weighted(0.4, prop::collection::vec(meta(), 1..4)),
        select(DRAFT_NAMES),
        (
            select(FRONT),
            prop::collection::vec(draft_item(), 1..10),
            select(ENC),
            any::<bool>(),
        ),
    )
        .prop_map(|(pool, files, metas, draft_name, (front, items, draft_enc, verbose))| {
            let corpus: Vec<(String, String, &'static str)> = files
                .iter()
                .enumerate()
                .map(|(i, (name, lines, enc))| {
                    let text: String = lines
                        .iter()
                        .map(|l| match l {
                            Line::Fact(ix) => pool[ix.index(pool.len())].clone(),
                            Line::Noise(s) => s.clone(),
                        })
                        .collect::<Vec<_>>()
                        .join(if i % 2 == 0 { " " } else { "\n\n" });
                    (format!("{i}{name}"), text, *enc)
                })
                .collect();
            let claims = metas.map(|ms| {
                let mut t = String::from("[corpus]\npaths = [\"seeds\"]\n\n");
                for (k, m) in ms.iter().enumerate() {
                    let file = &corpus[k % corpus.len()].0;
                    t.push_str(&format!(
                        "[[source]]\nid = {}\nfile = {}\ntitle = {}\nauthor = {}\ndate = {}\naliases = [{}]\n\n",
                        toml_str(m.id),
                        toml_str(&format!("seeds/{file}")),
                        toml_str(&m.title),
                        toml_str(m.author),
                        toml_str(m.date),
                        toml_str(&m.alias),
                    ));
                }
                for (k, m) in ms.iter().enumerate() {
                    if let Some(ix) = &m.claim {
                        t.push_str(&format!(
                            "[[claim]]\nid = {}\ntext = {}\nsources = [{}]\n\n",
                            toml_str(&format!("c{k}")),
                            toml_str(&pool[ix.index(pool.len())]),
                            toml_str(m.id),
                        ));
                    }
                }
                t
            });
            let mut draft = front.to_string();
            let mut notes = Vec::new();
            for (k, it) in items.iter().enumerate() {
                let f = &pool[it.fact.index(pool.len())];
                let file = &corpus[k % corpus.len()].0;
                let body = match it.tweak {
                    0..=2 => f.clone(),
                    3 | 4 => bump_digit(f),
                    5 => format!("{} (Mir, 2022).", f.trim_end_matches('.')),
                    6 => {
                        notes.push(format!("[^n{k}]: {file}, 2022.\n"));
                        format!("{f}[^n{k}]")
                    }
                    7 => format!("[{}]({})", f, file.replace(' ', "%20")),
                    8 => format!("According to {}, {}", WHO[k % WHO.len()], bump_digit(f)),
                    9 => format!(
                        "| Killed | Source |\n|---|---|\n| {} | {} |\n",
                        f.replace('|', "\\|"),
                        file
                    ),
                    10 => format!("{f} {f}"),
                    _ => f.replace(' ', "\n"),
                };
                draft.push_str(&format!("{}{}{}\n\n", it.prefix, body, it.noise));
            }
            for n in notes {
                draft.push_str(&n);
            }
            LintCase {
                corpus,
                claims,
                draft_name: draft_name.to_string(),
                draft,
                draft_enc,
                verbose,
            }
        })
}

fn encode(text: &str, enc: &str) -> Vec<u8> {
    match enc {
        "bom" => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        "utf16le" => {
            let mut v = vec![0xFF, 0xFE];
            for u in text.encode_utf16() {
                v.extend_from_slice(&u.to_le_bytes());
            }
            v
        }
        "utf16be" => {
            let mut v = vec![0xFE, 0xFF];
            for u in text.encode_utf16() {
                v.extend_from_slice(&u.to_be_bytes());
            }
            v
        }
        // Latin-1 bytes for the non-ASCII characters that have one, UTF-8 otherwise
        "latin1" => {
            let mut v = Vec::new();
            for c in text.chars() {
                if (0x80..0x100).contains(&(c as u32)) {
                    v.push(c as u32 as u8);
                } else {
                    let mut b = [0u8; 4];
                    v.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
                }
            }
            v
        }
        _ => text.as_bytes().to_vec(),
    }
}

struct RunOut {
    fmt: &'static str,
    code: Option<i32>,
    elapsed: Duration,
    stdout: String,
    stderr: String,
}

fn write_case(dir: &Path, c: &LintCase) -> std::io::Result<()> {
    std::fs::create_dir_all(dir.join("seeds"))?;
    for (name, text, enc) in &c.corpus {
        std::fs::write(dir.join("seeds").join(name), encode(text, enc))?;
    }
    if let Some(t) = &c.claims {
        std::fs::write(dir.join("claims.toml"), t)?;
    }
    std::fs::write(dir.join(&c.draft_name), encode(&c.draft, c.draft_enc))?;
    Ok(())
}

/// A private copy of the built binary: src/ may be rebuilt while a soak runs, and a
/// binary that changes under a run changes panic locations and breaks shrinking.
fn binary() -> &'static Path {
    static B: OnceLock<PathBuf> = OnceLock::new();
    B.get_or_init(|| {
        let built = assert_cmd::cargo::cargo_bin("claimcheck");
        let dir =
            Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("soak-bin-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("binary snapshot folder");
        let copy = dir.join("claimcheck");
        // a rebuild may be replacing the file right now: retry for a while
        let mut tries = 0;
        while let Err(e) = std::fs::copy(&built, &copy) {
            tries += 1;
            assert!(tries < 120, "cannot copy {}: {e}", built.display());
            std::thread::sleep(Duration::from_millis(500));
        }
        copy
    })
}

fn run_formats(dir: &Path, c: &LintCase, formats: &[&'static str]) -> Vec<RunOut> {
    let handles: Vec<_> = formats
        .iter()
        .map(|&fmt| {
            let dir = dir.to_path_buf();
            let draft = c.draft_name.clone();
            let verbose = c.verbose && fmt == "human";
            std::thread::spawn(move || {
                let mut cmd = assert_cmd::Command::new(binary());
                cmd.current_dir(&dir)
                    .env("COLUMNS", "100")
                    .env_remove("NO_COLOR")
                    .env_remove("CLICOLOR_FORCE")
                    .env_remove("FORCE_COLOR")
                    .env_remove("CLICOLOR")
                    .env_remove("GITHUB_ACTIONS")
                    .timeout(LINT_TIMEOUT)
                    .args(["lint", "--format", fmt]);
                if verbose {
                    cmd.arg("--verbose");
                }
                cmd.arg(&draft);
                let t = Instant::now();
                let out = cmd.output().expect("spawn claimcheck");
                RunOut {
                    fmt,
                    code: out.status.code(),
                    elapsed: t.elapsed(),
                    stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
                    stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
                }
            })
        })
        .collect();
    handles
        .into_iter()
        .map(|h| h.join().expect("runner thread"))
        .collect()
}

/// `file:line:col` from "panicked at src/x.rs:1:2:".
fn panic_location(stderr: &str) -> String {
    stderr
        .split("panicked at ")
        .nth(1)
        .map(|r| r.split([':', '\n']).take(3).collect::<Vec<_>>().join(":"))
        .unwrap_or_else(|| "?".into())
}

fn panic_message(stderr: &str) -> String {
    let at = stderr.find("panicked at ").unwrap_or(0);
    stderr[at..].lines().take(3).collect::<Vec<_>>().join(" / ")
}

/// `::error file=..,line=..::msg`: a well-formed workflow command of our own.
fn github_line_ok(line: &str) -> Result<(), String> {
    // the folded group of findings past GitHub's ten per level, its plain lines and the
    // closing summary line: none of them a command but the group's own two
    if line == "::endgroup::" || line.starts_with("::group::claimcheck: ") {
        return Ok(());
    }
    let plain = line.trim_start();
    if !plain.starts_with("::") {
        return if plain.starts_with("##[") {
            Err("a plain line starts with ##[".into())
        } else {
            Ok(())
        };
    }
    let rest = line
        .strip_prefix("::error ")
        .or_else(|| line.strip_prefix("::warning "))
        .ok_or("not ::error or ::warning")?;
    let (props, msg) = rest.split_once("::").ok_or("no :: after the properties")?;
    for kv in props.split(',') {
        let (k, v) = kv
            .split_once('=')
            .ok_or_else(|| format!("property {kv:?}"))?;
        if !matches!(
            k,
            "file" | "line" | "endLine" | "col" | "endColumn" | "title"
        ) {
            return Err(format!("unknown property {k:?}"));
        }
        if k != "file" && k != "title" && v.parse::<usize>().is_err() {
            return Err(format!("{k}={v:?} is not a number"));
        }
    }
    if msg.contains('\r') {
        return Err("raw CR in the message".into());
    }
    Ok(())
}

fn escape_chars(s: &str) -> Option<(usize, char)> {
    s.char_indices()
        .find(|&(_, c)| c == '\u{1b}' || c == '\u{9b}')
}

fn context(s: &str, at: usize) -> String {
    let a = s.floor_char_boundary_compat(at.saturating_sub(60));
    let b = s.floor_char_boundary_compat((at + 60).min(s.len()));
    format!("{:?}", &s[a..b])
}

trait FloorCompat {
    fn floor_char_boundary_compat(&self, i: usize) -> usize;
}

impl FloorCompat for str {
    fn floor_char_boundary_compat(&self, i: usize) -> usize {
        let mut i = i.min(self.len());
        while !self.is_char_boundary(i) {
            i -= 1;
        }
        i
    }
}

fn json_counts(v: &serde_json::Value) -> Option<(usize, usize, usize)> {
    let results = v.get("results")?.as_array()?;
    let sev = |s: &str| {
        results
            .iter()
            .filter(|r| r.get("severity").and_then(|x| x.as_str()) == Some(s))
            .count()
    };
    Some((sev("error"), sev("warning"), results.len()))
}

fn check_lint_with(c: &LintCase, formats: &[&'static str]) -> Result<(), Fail> {
    let dir = tempfile::tempdir().expect("tempdir");
    if let Err(e) = write_case(dir.path(), c) {
        // a file name the file system refuses is not a finding
        let _ = e;
        return Ok(());
    }
    let outs = run_formats(dir.path(), c, formats);
    for o in &outs {
        tally("lint", format!("{} exit {:?}", o.fmt, o.code));
    }
    // panics and hangs first: they are the worst
    for o in &outs {
        if o.code.is_none() {
            if o.elapsed >= LINT_TIMEOUT {
                return fail(
                    "lint.hang",
                    format!("--format {} did not finish in {:?}", o.fmt, LINT_TIMEOUT),
                );
            }
            return fail(
                "lint.signal",
                format!(
                    "--format {} died by a signal: {}",
                    o.fmt,
                    panic_message(&o.stderr)
                ),
            );
        }
        if o.code == Some(101) || o.stderr.contains("panicked at ") {
            return fail(
                format!("lint.panic at {}", panic_location(&o.stderr)),
                format!(
                    "--format {} exit {:?}: {}",
                    o.fmt,
                    o.code,
                    panic_message(&o.stderr)
                ),
            );
        }
        if !matches!(o.code, Some(0..=2)) {
            return fail(
                format!("lint.exit-{:?}", o.code),
                format!("--format {} exit {:?}: {}", o.fmt, o.code, o.stderr),
            );
        }
        if o.elapsed > LINT_TIMEOUT / 2 {
            return fail(
                "lint.slow",
                format!("--format {} took {:?}", o.fmt, o.elapsed),
            );
        }
    }
    for o in &outs {
        match o.fmt {
            "human" | "github" => {
                if let Some((at, ch)) = escape_chars(&o.stdout) {
                    return fail(
                        format!("lint.{}.raw-escape-stdout", o.fmt),
                        format!(
                            "raw {:?} in stdout of --format {} at byte {at}: {}",
                            ch,
                            o.fmt,
                            context(&o.stdout, at)
                        ),
                    );
                }
            }
            _ => {}
        }
        if o.fmt == "human" {
            if let Some(l) = o.stdout.lines().find(|l| l.trim_start().starts_with("::")) {
                return fail(
                    "lint.human.workflow-command-line",
                    format!("a line of --format human stdout starts with \"::\": {l:?}"),
                );
            }
        }
        if o.fmt == "github" {
            for l in o.stdout.lines() {
                if let Err(why) = github_line_ok(l) {
                    return fail(
                        "lint.github.foreign-line",
                        format!("--format github line {l:?}: {why}"),
                    );
                }
            }
        }
        if matches!(o.fmt, "json" | "sarif") && matches!(o.code, Some(0 | 1)) {
            if let Err(e) = serde_json::from_str::<serde_json::Value>(&o.stdout) {
                return fail(
                    format!("lint.{}.invalid-json", o.fmt),
                    format!("--format {} stdout is not JSON: {e}", o.fmt),
                );
            }
        }
    }
    for o in &outs {
        if let Some((at, ch)) = escape_chars(&o.stderr) {
            return fail(
                "lint.raw-escape-stderr",
                format!(
                    "raw {:?} in stderr of --format {} at byte {at}: {}",
                    ch,
                    o.fmt,
                    context(&o.stderr, at)
                ),
            );
        }
        if let Some(l) = o.stderr.lines().find(|l| l.trim_start().starts_with("::")) {
            return fail(
                "lint.stderr.workflow-command-line",
                format!(
                    "a line of stderr (--format {}) starts with \"::\": {l:?}",
                    o.fmt
                ),
            );
        }
    }
    // the four formats agree
    if outs.len() == 4 {
        let codes: Vec<Option<i32>> = outs.iter().map(|o| o.code).collect();
        if codes.iter().any(|c| *c != codes[0]) {
            return fail(
                "lint.exit-differs-by-format",
                format!(
                    "exit codes by format: {:?}",
                    outs.iter().map(|o| (o.fmt, o.code)).collect::<Vec<_>>()
                ),
            );
        }
        let by = |f: &str| outs.iter().find(|o| o.fmt == f);
        if let (Some(j), Some(g), Some(s)) = (by("json"), by("github"), by("sarif")) {
            if matches!(j.code, Some(0 | 1)) {
                let jv: serde_json::Value = serde_json::from_str(&j.stdout).unwrap_or_default();
                let sv: serde_json::Value = serde_json::from_str(&s.stdout).unwrap_or_default();
                if let Some((err, warn, _all)) = json_counts(&jv) {
                    // annotations, and the plain lines of the group past ten per level
                    let mut gh = 0;
                    let mut folded = false;
                    for l in g.stdout.lines() {
                        if l.starts_with("::group::") {
                            folded = true;
                        } else if l == "::endgroup::" {
                            folded = false;
                        } else if folded || l.starts_with("::error ") || l.starts_with("::warning ")
                        {
                            gh += 1;
                        }
                    }
                    // suppressed findings are SARIF results too, marked so
                    let sarif = sv
                        .pointer("/runs/0/results")
                        .and_then(|r| r.as_array())
                        .map(|r| r.iter().filter(|x| x.get("suppressions").is_none()).count());
                    if gh != err + warn || sarif != Some(err + warn) {
                        return fail(
                            "lint.count-differs-by-format",
                            format!(
                                "json has {err} errors + {warn} warnings, github {gh} lines, sarif {sarif:?} results"
                            ),
                        );
                    }
                    if (j.code == Some(1)) != (err > 0) {
                        return fail(
                            "lint.exit-vs-severity",
                            format!("exit {:?} with {err} error findings", j.code),
                        );
                    }
                }
            }
        }
    }
    Ok(())
}

fn check_lint(c: &LintCase) -> Result<(), Fail> {
    check_lint_with(c, &["json", "human", "github", "sarif"])
}

fn minimize_lint(
    v: &LintCase,
    still: &mut dyn FnMut(&LintCase) -> bool,
    budget: Duration,
) -> LintCase {
    let deadline = Instant::now() + budget;
    let mut cur = v.clone();
    // whole pieces first
    if cur.claims.is_some() {
        let mut c = cur.clone();
        c.claims = None;
        if still(&c) {
            cur = c;
        }
    }
    if cur.verbose {
        let mut c = cur.clone();
        c.verbose = false;
        if still(&c) {
            cur = c;
        }
    }
    for enc_field in 0..=cur.corpus.len() {
        let mut c = cur.clone();
        if enc_field == cur.corpus.len() {
            c.draft_enc = "utf8";
        } else {
            c.corpus[enc_field].2 = "utf8";
        }
        if still(&c) {
            cur = c;
        }
    }
    {
        let mut c = cur.clone();
        c.draft_name = "draft.md".into();
        if still(&c) {
            cur = c;
        }
    }
    let mut i = 0;
    while i < cur.corpus.len() && cur.corpus.len() > 1 {
        let mut c = cur.clone();
        c.corpus.remove(i);
        if still(&c) {
            cur = c;
        } else {
            i += 1;
        }
    }
    for k in 0..cur.corpus.len() {
        let mut c = cur.clone();
        c.corpus[k].0 = format!("{k}.txt");
        if still(&c) {
            cur = c;
        }
    }
    // then text, field by field
    let remaining = |d: Instant| d.saturating_duration_since(Instant::now());
    let base = cur.clone();
    let draft = ddmin_str(
        &base.draft,
        &mut |s: &str| {
            let mut c = base.clone();
            c.draft = s.to_string();
            still(&c)
        },
        remaining(deadline) / 2,
    );
    cur.draft = draft;
    for k in 0..cur.corpus.len() {
        let base = cur.clone();
        let t = ddmin_str(
            &base.corpus[k].1,
            &mut |s: &str| {
                let mut c = base.clone();
                c.corpus[k].1 = s.to_string();
                still(&c)
            },
            remaining(deadline) / (cur.corpus.len() - k + 1) as u32,
        );
        cur.corpus[k].1 = t;
    }
    if let Some(t) = cur.claims.clone() {
        let base = cur.clone();
        let t = ddmin_str(
            &t,
            &mut |s: &str| {
                let mut c = base.clone();
                c.claims = Some(s.to_string());
                still(&c)
            },
            remaining(deadline),
        );
        cur.claims = Some(t);
    }
    cur
}

// =========================================================================== targets

fn lib_target<V>(
    name: &'static str,
    cases: u32,
    seed: Option<u64>,
    minimizer: fn(&V, &mut dyn FnMut(&V) -> bool, Duration) -> V,
    check: fn(&V) -> Result<(), Fail>,
) -> Target<V> {
    Target {
        name,
        cases,
        seed,
        timed: true,
        shrink_iters: 20_000,
        shrink_ms: 60_000,
        minimize: Duration::from_secs(30),
        minimizer,
        check,
    }
}

fn figures_report(cases: u32, seed: Option<u64>) -> Report {
    run_target(
        lib_target("figures", cases, seed, minimize_string, check_figures),
        fig_text(),
    )
}

fn config_report(cases: u32, seed: Option<u64>) -> Report {
    run_target(
        lib_target("config", cases, seed, minimize_toml, check_config),
        toml_case(),
    )
}

fn draft_report(cases: u32, seed: Option<u64>) -> Report {
    run_target(
        lib_target("draft", cases, seed, minimize_string, check_draft),
        draft_text(),
    )
}

fn cite_report(cases: u32, seed: Option<u64>) -> Report {
    run_target(
        lib_target("cite", cases, seed, minimize_string, check_cite),
        cite_text(),
    )
}

fn lint_report(cases: u32, seed: Option<u64>) -> Report {
    let t = Target {
        name: "lint",
        cases,
        seed,
        timed: false,
        shrink_iters: 400,
        shrink_ms: 60_000,
        minimize: Duration::from_secs(90),
        minimizer: minimize_lint,
        check: check_lint,
    };
    // exit-code statistics, so a run that only ever exits 2 is visible
    let mut r = run_target(t, lint_case());
    let built = assert_cmd::cargo::cargo_bin("claimcheck");
    let modified = std::fs::metadata(&built)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .map(|d| format!("{:.0?} before the run ended", d))
        .unwrap_or_default();
    r.notes.push(format!(
        "binary: copy {} of {} (that file last built {modified})",
        binary().display(),
        built.display()
    ));
    r
}

#[test]
#[ignore = "soak: cargo test --release --test soak -- --ignored"]
fn soak_figures() {
    figures_report(soak_cases(), None).assert_clean();
}

#[test]
#[ignore = "soak: cargo test --release --test soak -- --ignored"]
fn soak_config() {
    config_report(soak_cases(), None).assert_clean();
}

#[test]
#[ignore = "soak: cargo test --release --test soak -- --ignored"]
fn soak_draft() {
    draft_report(soak_cases(), None).assert_clean();
}

#[test]
#[ignore = "soak: cargo test --release --test soak -- --ignored"]
fn soak_cite() {
    cite_report(soak_cases(), None).assert_clean();
}

#[test]
#[ignore = "soak: cargo test --release --test soak -- --ignored"]
fn soak_lint() {
    lint_report(lint_cases(), None).assert_clean();
}

/// Every target for 20 cases from fixed seeds: keeps the harness compiling and working.
#[test]
fn soak_smoke() {
    let started = Instant::now();
    let reports = [
        figures_report(20, Some(1)),
        config_report(20, Some(2)),
        draft_report(20, Some(3)),
        cite_report(20, Some(4)),
        lint_report(20, Some(5)),
    ];
    for r in &reports {
        r.print();
        assert!(r.cases > 0, "{}: no case ran", r.target);
    }
    // Failures the smoke run finds are real bugs in src/, printed above in full, and
    // fail the test; SOAK_LENIENT=1 only prints them (while a known bug is being fixed).
    if std::env::var_os("SOAK_LENIENT").is_none() {
        for r in &reports {
            r.assert_clean();
        }
    } else {
        for r in &reports {
            if !r.failures.is_empty() {
                eprintln!(
                    "soak_smoke: {} found {} failure(s) (unset SOAK_LENIENT to fail on them)",
                    r.target,
                    r.failures.len()
                );
            }
        }
    }
    eprintln!("soak_smoke: {:.1?}", started.elapsed());
}

// =========================================================================== scaling

/// Time of the fastest of `reps` calls.
fn best_of(reps: usize, f: &dyn Fn()) -> Duration {
    (0..reps)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

struct Scale {
    name: String,
    small: (usize, Duration),
    big: (usize, Duration),
    exponent: f64,
}

/// Time `run` on `gen(n)` for an `n` that takes at least ~15 ms, then on `gen(factor·n)`;
/// the exponent of time against input bytes (1 is linear, 2 quadratic).
fn scaling(name: &str, gen: &dyn Fn(usize) -> String, run: &dyn Fn(&str), factor: usize) -> Scale {
    let mut n = 16;
    let mut small;
    loop {
        let s = gen(n);
        small = (s.len(), best_of(3, &|| run(&s)));
        if small.1 >= Duration::from_millis(15) || s.len() > 400_000 {
            break;
        }
        n *= 2;
    }
    let s = gen(n * factor);
    let reps = if small.1 * (factor * factor) as u32 > Duration::from_secs(5) {
        1
    } else {
        3
    };
    let big = (s.len(), best_of(reps, &|| run(&s)));
    let exponent = (big.1.as_secs_f64() / small.1.as_secs_f64().max(1e-9)).ln()
        / (big.0 as f64 / small.0.max(1) as f64).ln();
    Scale {
        name: name.to_string(),
        small,
        big,
        exponent,
    }
}

#[allow(clippy::type_complexity)]
fn scaling_patterns() -> Vec<(&'static str, Box<dyn Fn(usize) -> String>, &'static str)> {
    let r = |s: &'static str| Box::new(move |n: usize| s.repeat(n)) as Box<dyn Fn(usize) -> String>;
    vec![
        ("figures: \"1 \"*n", r("1 "), "figures"),
        ("figures: \"9\"*n", r("9"), "figures"),
        ("figures: \"1,\"*n", r("1,"), "figures"),
        ("figures: \"(\"*n", r("("), "figures"),
        ("figures: \"a\"*n", r("a"), "figures"),
        (
            "figures: \"one hundred and \"*n",
            r("one hundred and "),
            "figures",
        ),
        (
            "figures: \"between 1 and 2, \"*n",
            r("between 1 and 2, "),
            "figures",
        ),
        ("figures: \"₹5 crore \"*n", r("₹5 crore "), "figures"),
        ("figures: \"İ\"*n", r("İ"), "figures"),
        ("figures: \"1-\"*n", r("1-"), "figures"),
        ("figures: \"1% \"*n", r("1% "), "figures"),
        (
            "figures: sentence*n",
            r("1.5 million people were killed in Peshawar in 2021. "),
            "figures",
        ),
        ("segment: \"U.S. \"*n", r("U.S. "), "segment"),
        ("segment: \"a. \"*n", r("a. "), "segment"),
        ("segment: \"\\n\"*n", r("\n"), "segment"),
        ("segment: \"1. \"*n", r("1. "), "segment"),
        ("segment: \".\"*n", r("."), "segment"),
        ("segment: \"a.\"*n", r("a."), "segment"),
        ("segment: \"a.b\"*n", r("a.b"), "segment"),
        ("segment: \"1.1.\"*n", r("1.1."), "segment"),
        ("cite: \"(Mir, 2022) \"*n", r("(Mir, 2022) "), "cite"),
        ("cite: \"Mir (2022) \"*n", r("Mir (2022) "), "cite"),
        (
            "cite: \"according to the United States \"*n",
            r("according to the United States "),
            "cite",
        ),
        ("cite: \"(\"*n", r("("), "cite"),
        (
            "cite: \"A \"*n + \"(2022)\"",
            Box::new(|n| format!("{}(2022)", "A ".repeat(n))),
            "cite",
        ),
        (
            "cite: \"(a\"*n + \")\"",
            Box::new(|n| format!("{})", "(a".repeat(n))),
            "cite",
        ),
        (
            "cite: \"A, \"*n + \"says.\"",
            Box::new(|n| format!("{}says.", "A, ".repeat(n))),
            "cite",
        ),
        (
            "draft: wide table, n cells with figures",
            Box::new(|n| {
                format!(
                    "{}|\n{}|\n{}|\n",
                    "| h ".repeat(n),
                    "|---".repeat(n),
                    "| 1 ".repeat(n)
                )
            }),
            "draft",
        ),
        (
            "draft: table, n rows",
            Box::new(|n| {
                format!(
                    "| a | b | c |\n|---|---|---|\n{}",
                    "| 1 | 2 people | x |\n".repeat(n)
                )
            }),
            "draft",
        ),
        (
            "draft: \"> \"*n + \"1\"",
            Box::new(|n| format!("{}1 people", "> ".repeat(n))),
            "draft",
        ),
        (
            "draft: disable-next-line*n + blank lines*n",
            Box::new(|n| {
                format!(
                    "{}{}x 5 people\n",
                    "<!-- claimcheck-disable-next-line -->".repeat(n),
                    "\n".repeat(n)
                )
            }),
            "draft",
        ),
        (
            "draft: \"`c` <!-- x -->\\n\"*n",
            r("`c` <!-- x -->\n"),
            "draft",
        ),
        (
            "draft: \"<!-- claimcheck-disable -->\"*n",
            r("<!-- claimcheck-disable -->\n"),
            "draft",
        ),
        ("draft: \"<!--\"*n", r("<!--"), "draft"),
        ("draft: \"[^1]\"*n", r("[^1]"), "draft"),
        (
            "draft: \"[^1]: x 5\\n\"*n",
            Box::new(|n| (0..n).map(|i| format!("[^{i}]: x 5\n")).collect()),
            "draft",
        ),
        ("draft: \"[a](b) \"*n", r("[a 5](b) "), "draft"),
        ("draft: \"*\"*n", r("*"), "draft"),
        ("draft: \"&amp;5 \"*n", r("&amp;5 "), "draft"),
        (
            "draft: \"- \"*n + \"5\"",
            Box::new(|n| format!("{}5 people", "- ".repeat(n))),
            "draft",
        ),
        (
            "draft: paragraph of sentences",
            r("1. A B C 5 people. "),
            "draft",
        ),
        (
            "config: n unknown top-level keys",
            Box::new(|n| (0..n).map(|i| format!("k{i} = 1\n")).collect()),
            "config",
        ),
        (
            "config: n claims without figures",
            Box::new(|n| {
                (0..n)
                    .map(|i| format!("[[claim]]\nid = \"c{i}\"\ntext = \"x\"\n"))
                    .collect()
            }),
            "config",
        ),
        (
            "config: n sources + n claims citing unknown sources",
            Box::new(|n| {
                let mut s: String = (0..n)
                    .map(|i| format!("[[source]]\nid = \"source-{i}\"\nfile = \"s{i}.txt\"\n"))
                    .collect();
                s.extend((0..n).map(|i| {
                    format!("[[claim]]\nid = \"c{i}\"\ntext = \"780 prisoners\"\nsources = [\"sourc-{i}\"]\n")
                }));
                s
            }),
            "config",
        ),
        (
            "config: n duplicate source ids",
            Box::new(|n| "[[source]]\nid = \"a\"\nfile = \"a.txt\"\n".repeat(n)),
            "config",
        ),
    ]
}

#[test]
#[ignore = "soak: cargo test --release --test soak -- --ignored"]
fn soak_scaling() {
    let dir = tempfile::tempdir().expect("tempdir");
    let toml_path = dir.path().join("claims.toml");
    let mut flagged = Vec::new();
    let only = std::env::var("SOAK_SCALING_FILTER").unwrap_or_default();
    for (name, gen, which) in scaling_patterns() {
        if !name.contains(only.as_str()) {
            continue;
        }
        let run: Box<dyn Fn(&str)> = match which {
            "figures" => Box::new(|s: &str| {
                std::hint::black_box(figure::extract_figures(s));
            }),
            "segment" => Box::new(|s: &str| {
                std::hint::black_box(segment::segment(s));
                std::hint::black_box(segment::split_sentences(s));
            }),
            "cite" => Box::new(|s: &str| {
                std::hint::black_box(cite::inline_citations(s));
            }),
            "draft" => Box::new(|s: &str| {
                let d = draft::parse(s);
                for sen in &d.sentences {
                    std::hint::black_box(figure::extract_figures(&sen.text));
                }
            }),
            _ => {
                let p = toml_path.clone();
                Box::new(move |s: &str| {
                    let _ = std::hint::black_box(config::parse(&p, s.to_string()));
                })
            }
        };
        let factor = if which == "config" { 4 } else { 8 };
        let sc = scaling(name, &*gen, &*run, factor);
        eprintln!(
            "scaling {:<58} {:>9} B {:>10.2?} -> {:>9} B {:>10.2?}  exponent {:.2}",
            sc.name, sc.small.0, sc.small.1, sc.big.0, sc.big.1, sc.exponent
        );
        if sc.exponent > 1.5 {
            flagged.push(sc);
        }
    }
    // memory: every problem of claims.toml carries its own copy of the file
    if "config: problem sources".contains(only.as_str()) {
        for n in [1_000usize, 4_000, 16_000] {
            let text: String = (0..n).map(|i| format!("k{i} = 1\n")).collect();
            let held: usize = match config::parse(&toml_path, text.clone()) {
                Err(config::ConfigError::Invalid { problems, .. }) => {
                    problems.iter().map(|p| p.src.inner().len()).sum()
                }
                _ => 0,
            };
            eprintln!(
                "scaling config: problem sources, {n} unknown keys: claims.toml {} B, problems hold {} B of copies ({}x)",
                text.len(),
                held,
                held / text.len().max(1)
            );
            if held > 64 * text.len() {
                flagged.push(Scale {
                    name: format!(
                        "config: {n} problems hold {held} B of copies of a {} B claims.toml",
                        text.len()
                    ),
                    small: (text.len(), Duration::ZERO),
                    big: (held, Duration::ZERO),
                    exponent: 2.0,
                });
            }
        }
    }
    // the whole binary: (corpus, draft) for n
    #[allow(clippy::type_complexity)]
    let cli_patterns: Vec<(&str, Box<dyn Fn(usize) -> (String, String)>)> = vec![
        (
            "lint binary: n draft sentences, n corpus sentences",
            Box::new(|n| {
                let corpus = (0..n)
                    .map(|i| {
                        format!(
                            "Police said {} people were killed in Peshawar in {}. ",
                            100 + i,
                            1990 + i % 30
                        )
                    })
                    .collect();
                let draft = (0..n)
                    .map(|i| {
                        format!(
                            "Police said {} people were killed in Peshawar in {}.\n\n",
                            101 + i,
                            1990 + i % 30
                        )
                    })
                    .collect();
                (corpus, draft)
            }),
        ),
        (
            "lint binary: one paragraph with n figures",
            Box::new(|n| (String::new(), format!("Para{}\n", " 1".repeat(n)))),
        ),
        (
            "lint binary: one table cell with n figures",
            Box::new(|n| {
                (
                    String::new(),
                    format!(
                        "| Killed | Source |\n|---|---|\n|{} | x |\n",
                        " 1".repeat(n)
                    ),
                )
            }),
        ),
        (
            "lint binary: corpus of \"a.\"*n",
            Box::new(|n| ("a.".repeat(n), "Police said 5 people died.\n".to_string())),
        ),
    ];
    for (name, gen) in &cli_patterns {
        if !name.contains(only.as_str()) {
            continue;
        }
        let cli = |n: usize| -> (usize, Duration) {
            let (corpus, draft) = gen(n);
            let d = tempfile::tempdir().expect("tempdir");
            std::fs::create_dir_all(d.path().join("seeds")).expect("mkdir");
            std::fs::write(d.path().join("seeds/a.txt"), &corpus).expect("write");
            std::fs::write(d.path().join("draft.md"), &draft).expect("write");
            let t = Instant::now();
            let out = assert_cmd::Command::new(binary())
                .current_dir(d.path())
                .args(["lint", "--format", "json", "draft.md"])
                .timeout(Duration::from_secs(300))
                .output()
                .expect("run");
            assert!(
                out.status.code().is_some(),
                "{name}: lint killed at n = {n}"
            );
            (corpus.len() + draft.len(), t.elapsed())
        };
        let mut n = 25;
        let mut small = cli(n);
        while small.1 < Duration::from_millis(300) && n < 20_000 {
            n *= 2;
            small = cli(n);
        }
        let big = cli(n * 4);
        let exponent = (big.1.as_secs_f64() / small.1.as_secs_f64()).ln()
            / (big.0 as f64 / small.0 as f64).ln();
        eprintln!(
            "scaling {:<58} {:>9} B {:>10.2?} -> {:>9} B {:>10.2?}  exponent {:.2}",
            name, small.0, small.1, big.0, big.1, exponent
        );
        if exponent > 1.5 {
            flagged.push(Scale {
                name: name.to_string(),
                small,
                big,
                exponent,
            });
        }
    }
    assert!(
        flagged.is_empty(),
        "super-linear: {}",
        flagged
            .iter()
            .map(|s| format!(
                "{} ({} B {:.2?} -> {} B {:.2?}, exponent {:.2})",
                s.name, s.small.0, s.small.1, s.big.0, s.big.1, s.exponent
            ))
            .collect::<Vec<_>>()
            .join("; ")
    );
}

// keep the ValueTree import meaningful for readers extending the harness by hand
#[allow(dead_code)]
fn sample<S: Strategy>(s: &S) -> S::Value {
    let mut r = TestRunner::deterministic();
    s.new_tree(&mut r).expect("tree").current()
}
