//! The HTML report in a real browser (headless Chromium from Debian's packages):
//! `scripts/html-browser-test/run.sh` builds the report of example.md, loads it,
//! takes a screenshot and checks rows and verdict counts in the rendered DOM.
//!
//! Ignored by default (it may install Chromium with apt-get, and takes ~20 s):
//!
//! ```sh
//! cargo test --test html_browser -- --ignored --nocapture
//! ```
//!
//! Where no browser can be installed the script prints `SKIP: …` and this test passes
//! after saying so.

use std::path::Path;
use std::process::Command;

#[test]
#[ignore = "needs Chromium (installs Debian's package when missing); run with --ignored"]
fn html_report_in_headless_chromium() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("bash")
        .arg(root.join("scripts/html-browser-test/run.sh"))
        .env("CLAIMCHECK", env!("CARGO_BIN_EXE_claimcheck"))
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stdout}");
    eprintln!("{stderr}");
    if let Some(line) = stdout.lines().find(|l| l.starts_with("SKIP:")) {
        eprintln!("skipped: {line}");
        return;
    }
    assert!(
        out.status.success(),
        "browser test failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains("browser test passed"), "{stdout}");
}
