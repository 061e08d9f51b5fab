//! Where a run's time and memory go: per-stage wall time, item counts, resident memory
//! and per-item latency, collected only when asked (`--timings`), and the counters a
//! progress bar reads. The library records; main.rs prints.
//!
//! Recording is process-wide (one run is one process): a stage is a [`Span`] that
//! records itself when dropped, an item of a parallel loop is an [`ItemTimer`], and
//! [`tick`] counts work done for the progress bar. With neither timings nor progress
//! enabled, each of these is one relaxed atomic load.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

static ENABLED: AtomicBool = AtomicBool::new(false);
static STAGES: Mutex<Vec<Stage>> = Mutex::new(Vec::new());
static ITEMS: Mutex<Vec<(&'static str, Vec<Duration>)>> = Mutex::new(Vec::new());

static PROGRESS: AtomicBool = AtomicBool::new(false);
static DONE: AtomicUsize = AtomicUsize::new(0);
static TOTAL: AtomicUsize = AtomicUsize::new(0);
static LABEL: Mutex<&'static str> = Mutex::new("");

/// One recorded stage.
#[derive(Debug, Clone)]
pub struct Stage {
    /// `corpus`, or `corpus.read` for a part of a stage.
    pub name: &'static str,
    pub start: Instant,
    pub wall: Duration,
    /// What the stage handled: `("files", 1970)`, `("bytes", 10_400_000)`.
    pub counts: Vec<(&'static str, u64)>,
    /// Resident and peak resident memory when the stage ended, in kB (Linux).
    pub rss_kb: Option<u64>,
    pub peak_kb: Option<u64>,
    /// Median and 95th percentile of the stage's items, when they were timed.
    pub per_item: Option<(Duration, Duration)>,
}

/// Start recording (main.rs, for `--timings`).
pub fn enable() {
    ENABLED.store(true, Ordering::Relaxed);
}

pub fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

/// A stage being timed; recorded when dropped. Its name doubles as the progress label.
pub struct Span {
    name: &'static str,
    start: Instant,
    counts: Vec<(&'static str, u64)>,
    /// The progress of the stage this one is part of, shown again when this one ends.
    outer: Option<(&'static str, usize, usize)>,
}

/// Begin a stage.
pub fn stage(name: &'static str) -> Span {
    let outer = PROGRESS.load(Ordering::Relaxed).then(|| {
        let outer = progress();
        set_progress(name, 0);
        outer
    });
    Span {
        name,
        start: Instant::now(),
        counts: Vec::new(),
        outer,
    }
}

impl Span {
    /// Record that the stage handled `n` of `what` (kept only with timings enabled).
    pub fn count(&mut self, what: &'static str, n: usize) {
        if enabled() {
            self.counts.push((what, n as u64));
        }
    }

    /// The number of items the progress bar counts for this stage (see [`tick`]).
    pub fn total(&mut self, n: usize) {
        if PROGRESS.load(Ordering::Relaxed) {
            set_progress(self.name, n);
        }
    }
}

impl Drop for Span {
    fn drop(&mut self) {
        if let Some((label, done, total)) = self.outer {
            set_progress(label, total);
            DONE.store(done, Ordering::Relaxed);
        }
        if !enabled() {
            return;
        }
        let wall = self.start.elapsed();
        let (rss_kb, peak_kb) = memory_kb();
        let per_item = take_items(self.name);
        if let Ok(mut s) = STAGES.lock() {
            s.push(Stage {
                name: self.name,
                start: self.start,
                wall,
                counts: std::mem::take(&mut self.counts),
                rss_kb,
                peak_kb,
                per_item,
            });
        }
    }
}

/// Times one item of stage `name` (a claim, a draft sentence); dropped, it adds its
/// duration to the stage's per-item latency and ticks the progress bar.
pub struct ItemTimer {
    name: &'static str,
    start: Option<Instant>,
}

pub fn item(name: &'static str) -> ItemTimer {
    ItemTimer {
        name,
        start: enabled().then(Instant::now),
    }
}

impl Drop for ItemTimer {
    fn drop(&mut self) {
        tick();
        let Some(start) = self.start else { return };
        let d = start.elapsed();
        if let Ok(mut items) = ITEMS.lock() {
            match items.iter_mut().find(|(n, _)| *n == self.name) {
                Some((_, v)) => v.push(d),
                None => items.push((self.name, vec![d])),
            }
        }
    }
}

fn take_items(name: &str) -> Option<(Duration, Duration)> {
    let mut items = ITEMS.lock().ok()?;
    let at = items.iter().position(|(n, _)| *n == name)?;
    let (_, mut v) = items.swap_remove(at);
    v.sort();
    Some((percentile(&v, 50.0), percentile(&v, 95.0)))
}

/// The nearest-rank percentile of sorted durations.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Every stage recorded so far, in the order they started (a stage before its parts).
pub fn take() -> Vec<Stage> {
    let mut s = STAGES
        .lock()
        .map(|mut s| std::mem::take(&mut *s))
        .unwrap_or_default();
    s.sort_by_key(|st| st.start);
    s
}

/// VmRSS and VmHWM of this process, in kB; `None` where /proc is not there.
pub fn memory_kb() -> (Option<u64>, Option<u64>) {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return (None, None);
    };
    let field = |key: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// The table `--timings` prints: one line a stage, parts indented under their stage.
pub fn render(stages: &[Stage], total: Duration) -> String {
    use std::fmt::Write;
    let mb = |kb: Option<u64>| kb.map_or("-".to_string(), |k| format!("{:.0}", k as f64 / 1024.0));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "timings: {:<22} {:>10} {:>8} {:>8}  items",
        "stage", "wall ms", "rss MB", "peak MB"
    );
    for s in stages {
        let indent = if s.name.contains('.') { "  " } else { "" };
        let mut items: Vec<String> = s.counts.iter().map(|(k, v)| format!("{k}={v}")).collect();
        if let Some((p50, p95)) = s.per_item {
            let ms = |d: Duration| d.as_secs_f64() * 1e3;
            items.push(format!("p50={:.2}ms p95={:.2}ms", ms(p50), ms(p95)));
        }
        let _ = writeln!(
            out,
            "timings: {:<22} {:>10.1} {:>8} {:>8}  {}",
            format!("{indent}{}", s.name),
            s.wall.as_secs_f64() * 1e3,
            mb(s.rss_kb),
            mb(s.peak_kb),
            items.join(" ")
        );
    }
    let (rss, peak) = memory_kb();
    let _ = writeln!(
        out,
        "timings: {:<22} {:>10.1} {:>8} {:>8}",
        "total",
        total.as_secs_f64() * 1e3,
        mb(rss),
        mb(peak)
    );
    out
}

// ------------------------------------------------------------------ progress

/// Start counting work for a progress bar (main.rs, when stderr is a terminal).
pub fn enable_progress() {
    PROGRESS.store(true, Ordering::Relaxed);
}

fn set_progress(label: &'static str, total: usize) {
    if let Ok(mut l) = LABEL.lock() {
        *l = label;
    }
    DONE.store(0, Ordering::Relaxed);
    TOTAL.store(total, Ordering::Relaxed);
}

/// One item of the current stage done.
pub fn tick() {
    if PROGRESS.load(Ordering::Relaxed) {
        DONE.fetch_add(1, Ordering::Relaxed);
    }
}

/// The current stage, items done and items in all (0: not known).
pub fn progress() -> (&'static str, usize, usize) {
    let label = LABEL.lock().map(|l| *l).unwrap_or("");
    (
        label,
        DONE.load(Ordering::Relaxed),
        TOTAL.load(Ordering::Relaxed),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let v: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(percentile(&v, 50.0), Duration::from_millis(50));
        assert_eq!(percentile(&v, 95.0), Duration::from_millis(95));
        assert_eq!(percentile(&v[..1], 95.0), Duration::from_millis(1));
        assert_eq!(percentile(&[], 50.0), Duration::ZERO);
    }

    #[test]
    fn render_indents_parts_and_ends_with_total() {
        let now = Instant::now();
        let st = |name, ms| Stage {
            name,
            start: now,
            wall: Duration::from_millis(ms),
            counts: vec![("files", 3)],
            rss_kb: Some(2048),
            peak_kb: Some(4096),
            per_item: None,
        };
        let out = render(
            &[st("corpus", 12), st("corpus.read", 10)],
            Duration::from_millis(20),
        );
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 4);
        assert!(lines[1].starts_with("timings: corpus ") && lines[1].ends_with("files=3"));
        assert!(lines[2].starts_with("timings:   corpus.read"));
        assert!(lines[3].starts_with("timings: total"));
        assert!(lines.iter().all(|l| l.starts_with("timings: ")));
    }
}
