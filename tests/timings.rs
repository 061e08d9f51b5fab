//! `--timings`: a stage table on stderr, and stdout byte for byte what it is without.

use assert_cmd::Command;
use std::path::Path;

fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/cli"))
}

/// (exit code, stdout, stderr) of claimcheck with `args` in `dir`.
fn run(dir: &Path, args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = Command::cargo_bin("claimcheck")
        .unwrap()
        .current_dir(dir)
        .env("COLUMNS", "100")
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The stage names of a `--timings` table, in order.
fn stages(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .map(|l| {
            assert!(l.starts_with("timings: "), "not a timings line: {l:?}");
            l["timings: ".len()..]
                .split_whitespace()
                .next()
                .unwrap()
                .to_string()
        })
        .collect()
}

/// The same run with and without `--timings`: same exit code and stdout; the table on
/// stderr only with it (and no progress bar, stderr being no terminal).
fn same_stdout(dir: &Path, args: &[&str]) -> String {
    let (code, out, err) = run(dir, args);
    assert!(err.is_empty(), "stderr without --timings: {err}");
    let mut with: Vec<&str> = args.to_vec();
    with.insert(1, "--timings");
    let (code_t, out_t, err_t) = run(dir, &with);
    assert_eq!(code, code_t);
    assert_eq!(out, out_t, "stdout differs with --timings");
    err_t
}

#[test]
fn check_timings_on_stderr_stdout_unchanged() {
    for format in ["human", "json", "sarif"] {
        let err = same_stdout(
            fixtures(),
            &["check", "--claims", "misquoted.toml", "--format", format],
        );
        let names = stages(&err);
        for want in [
            "stage",
            "config",
            "corpus",
            "corpus.walk",
            "corpus.read",
            "index",
            "index.terms",
            "provenance",
            "provenance.copies",
            "provenance.citations",
            "judge",
            "render",
            "total",
        ] {
            assert!(names.iter().any(|n| n == want), "no {want} in {names:?}");
        }
        assert_eq!(names.last().map(String::as_str), Some("total"));
        let judge = err.lines().find(|l| l.contains(" judge ")).unwrap();
        assert!(
            judge.contains("claims=") && judge.contains("p95="),
            "{judge}"
        );
        let read = err.lines().find(|l| l.contains("corpus.read")).unwrap();
        assert!(read.contains("files=") && read.contains("bytes="), "{read}");
    }
}

#[test]
fn lint_timings_on_stderr_stdout_unchanged() {
    let dir = fixtures().join("lint");
    for format in ["human", "json"] {
        let err = same_stdout(&dir, &["lint", "--format", format, "verdicts.md"]);
        let judge = err.lines().find(|l| l.contains(" judge ")).unwrap();
        assert!(judge.contains("sentences="), "{judge}");
        assert!(stages(&err).iter().any(|n| n == "judge.resolver"));
    }
}

#[test]
fn sources_takes_timings_too() {
    let err = same_stdout(
        fixtures(),
        &["sources", "--claims", "misquoted.toml", "--format", "json"],
    );
    assert!(stages(&err).iter().any(|n| n == "provenance"));
}
