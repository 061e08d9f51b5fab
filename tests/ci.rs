//! Golden CLI tests for the CI side: SARIF for code scanning, GitHub annotations and
//! job summary, the Markdown table, exit control (`--fail-on`, `[settings.severity]`)
//! and `lint --diff BASE`.

mod common;
use common::{claimcheck, run};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixtures() -> PathBuf {
    repo().join("tests/fixtures/cli")
}

fn json(s: &str) -> Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("{e}: {s}"))
}

/// SARIF with the machine's own folder taken out, for snapshots.
fn redact_root(sarif: &str) -> String {
    let v = json(sarif);
    let root = v["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap()
        .to_string();
    sarif.replace(&root, "file:///[ROOT]/")
}

// --------------------------------------------------------------------------- SARIF

/// One SARIF result as (rule, uri, line, column, end line, end column, level), and the
/// same read from a JSON result.
type Row = (String, String, u64, u64, u64, u64, String);

fn sarif_rows(v: &Value) -> Vec<Row> {
    v["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r.get("suppressions").is_none())
        .map(|r| {
            let l = &r["locations"][0]["physicalLocation"];
            let g = &l["region"];
            (
                r["ruleId"].as_str().unwrap().to_string(),
                l["artifactLocation"]["uri"].as_str().unwrap().to_string(),
                g["startLine"].as_u64().unwrap(),
                g["startColumn"].as_u64().unwrap(),
                g["endLine"].as_u64().unwrap(),
                g["endColumn"].as_u64().unwrap(),
                r["level"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The JSON results that are not plain support, as SARIF would have them; `prefix` is
/// the folder of the run relative to the repository root.
fn json_rows(v: &Value, prefix: &str) -> Vec<Row> {
    v["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["code"] != "supported-figure")
        .map(|r| {
            let level = match r["severity"].as_str().unwrap() {
                "info" => "note",
                other => other,
            };
            (
                r["code"].as_str().unwrap().to_string(),
                format!("{prefix}{}", r["file"].as_str().unwrap()),
                r["line"].as_u64().unwrap(),
                r["column"].as_u64().unwrap(),
                r["end_line"].as_u64().unwrap(),
                r["end_column"].as_u64().unwrap(),
                level.to_string(),
            )
        })
        .collect()
}

#[test]
fn sarif_results_are_the_json_findings_of_the_same_run() {
    let dir = fixtures();
    for claims in [
        "misquoted.toml",
        "unattributed.toml",
        "miscited.toml",
        "conflict.toml",
    ] {
        let (_, j, _) = run(&dir, &["check", "--claims", claims, "--format", "json"]);
        let (_, s, _) = run(&dir, &["check", "--claims", claims, "--format", "sarif"]);
        let (j, s) = (json(&j), json(&s));
        let want = json_rows(&j, "tests/fixtures/cli/");
        assert!(!want.is_empty(), "{claims}");
        assert_eq!(sarif_rows(&s), want, "{claims}");
    }
    let lint = dir.join("lint");
    for args in [
        &["--min-sources", "2", "verdicts.md", "citations.md"][..],
        &["suppress.md", "prose.md"][..],
    ] {
        let j = json(&run(&lint, &[&["lint", "--format", "json"], args].concat()).1);
        let s = json(&run(&lint, &[&["lint", "--format", "sarif"], args].concat()).1);
        assert_eq!(
            sarif_rows(&s),
            json_rows(&j, "tests/fixtures/cli/lint/"),
            "{args:?}"
        );
    }
}

#[test]
fn sarif_is_the_same_from_any_folder_with_one_fingerprint_per_occurrence() {
    let from_lint = run(
        &fixtures().join("lint"),
        &["lint", "--format", "sarif", "verdicts.md", "suppress.md"],
    );
    let from_cli = run(
        &fixtures(),
        &[
            "lint",
            "--claims",
            "lint/claims.toml",
            "--format",
            "sarif",
            "lint/verdicts.md",
            "lint/suppress.md",
        ],
    );
    let from_root = run(
        repo(),
        &[
            "lint",
            "--claims",
            "tests/fixtures/cli/lint/claims.toml",
            "--format",
            "sarif",
            "tests/fixtures/cli/lint/verdicts.md",
            "tests/fixtures/cli/lint/suppress.md",
        ],
    );
    assert_eq!(from_lint.0, 1, "{}", from_lint.2);
    assert_eq!(from_lint.1, from_cli.1);
    assert_eq!(from_lint.1, from_root.1);
    let v = json(&from_lint.1);
    let prints: Vec<&str> = v["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["partialFingerprints"]["claimcheck/v2"].as_str().unwrap())
        .collect();
    // suppress.md states the same misquote on seven lines
    assert!(prints.len() >= 10, "{prints:?}");
    let distinct: std::collections::BTreeSet<&&str> = prints.iter().collect();
    assert_eq!(distinct.len(), prints.len(), "{prints:?}");
    // and run to run
    let again = run(
        &fixtures().join("lint"),
        &["lint", "--format", "sarif", "verdicts.md", "suppress.md"],
    );
    assert_eq!(from_lint.1, again.1);
}

#[test]
fn sarif_lint_golden() {
    let (code, out, _) = run(
        &fixtures().join("lint"),
        &["lint", "--format", "sarif", "verdicts.md", "suppress.md"],
    );
    assert_eq!(code, 1);
    let v = json(&out);
    let run0 = &v["runs"][0];
    assert_eq!(run0["invocations"][0]["executionSuccessful"], true);
    assert_eq!(run0["columnKind"], "unicodeCodePoints");
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    for r in rules {
        for key in [
            "shortDescription",
            "fullDescription",
            "help",
            "defaultConfiguration",
        ] {
            assert!(r.get(key).is_some(), "{key} in {r}");
        }
        assert!(r["help"]["markdown"].as_str().unwrap().contains("**"));
    }
    let results = run0["results"].as_array().unwrap();
    // the misquote of verdicts.md has a fix; suppress.md's silenced lines are suppressed
    let fix = results
        .iter()
        .find(|r| {
            r["ruleId"] == "misquoted-figure"
                && r.get("suppressions").is_none()
                && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap()
                    .ends_with("verdicts.md")
        })
        .unwrap();
    assert_eq!(
        fix["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
        "1,016"
    );
    let suppressed: Vec<&Value> = results
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert_eq!(suppressed.len(), 5);
    assert!(suppressed
        .iter()
        .any(|r| r["suppressions"][0]["justification"] == "rounded on purpose"));
    insta::assert_snapshot!("sarif_lint", redact_root(&out));
}

#[test]
fn sarif_uris_are_percent_encoded_and_relative_to_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let sub = root.join("dr afts #1");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::create_dir_all(root.join("co rpus")).unwrap();
    std::fs::copy(
        fixtures().join("corpus/ministry.txt"),
        root.join("co rpus/min istry%,:é.txt"),
    )
    .unwrap();
    std::fs::write(
        root.join("claims.toml"),
        "[corpus]\npaths = [\"co rpus\"]\n",
    )
    .unwrap();
    let draft = "a b#c%d,e:f İstanbul.md";
    std::fs::write(
        sub.join(draft),
        "Militant violence claimed 1,061 lives in 2021, the interior ministry said.\n",
    )
    .unwrap();
    let (code, out, err) = run(&sub, &["lint", "--format", "sarif", draft]);
    assert_eq!(code, 1, "{err}");
    let v = json(&out);
    let r = &v["runs"][0]["results"][0];
    let at = &r["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(
        at["uri"],
        "dr%20afts%20%231/a%20b%23c%25d%2Ce%3Af%20%C4%B0stanbul.md"
    );
    assert_eq!(at["uriBaseId"], "%SRCROOT%");
    assert_eq!(
        r["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "co%20rpus/min%20istry%25%2C%3A%C3%A9.txt"
    );
    let base = v["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    assert!(
        base.starts_with("file:///") && base.ends_with('/'),
        "{base}"
    );
}

// --------------------------------------------------------------------------- GitHub

#[test]
fn github_shows_ten_per_level_and_lists_the_rest_in_the_summary() {
    let dir = project("[corpus]\npaths = [\"corpus\"]\n");
    let mut draft = String::new();
    for _ in 0..12 {
        draft.push_str("Militant violence claimed 1,061 lives in 2021.\n\n");
    }
    draft.push_str("The Taliban released 780 TTP prisoners after returning to power.\n");
    std::fs::write(dir.path().join("many.md"), &draft).unwrap();
    let summary = dir.path().join("summary.md");
    std::fs::write(&summary, "earlier step\n").unwrap();
    let out = claimcheck(dir.path())
        .env("GITHUB_STEP_SUMMARY", &summary)
        .args(["lint", "--format", "github", "many.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = String::from_utf8(out.stdout).unwrap();
    let errors = out.lines().filter(|l| l.starts_with("::error ")).count();
    let warnings = out.lines().filter(|l| l.starts_with("::warning ")).count();
    assert_eq!((errors, warnings), (10, 1), "{out}");
    insta::assert_snapshot!("github_overflow", out);
    // the job summary is appended to, and has every finding
    let md = std::fs::read_to_string(&summary).unwrap();
    assert!(md.starts_with("earlier step\n### claimcheck"), "{md}");
    assert_eq!(
        md.lines().filter(|l| l.starts_with("| many.md:")).count(),
        13
    );
}

#[test]
fn github_escapes_hostile_file_names_and_text() {
    let dir = project("[corpus]\npaths = [\"corpus\"]\n");
    let name = "x,y:z%.md";
    std::fs::write(
        dir.path().join(name),
        "Militant violence claimed 1,061 lives in 2021 ::error::owned ##[warning]x.\n",
    )
    .unwrap();
    let (_, out, _) = run(dir.path(), &["lint", "--format", "github", name]);
    let first = out.lines().next().unwrap();
    assert!(
        first.starts_with("::error file=x%2Cy%3Az%25.md,line=1,"),
        "{first}"
    );
    for line in out.lines().skip(1) {
        assert!(!line.trim_start().starts_with("::"), "{line}");
        assert!(!line.contains("##["), "{line}");
    }
}

// --------------------------------------------------------------------------- Markdown

#[test]
fn markdown_summary_table() {
    let (code, out, _) = run(
        &fixtures().join("lint"),
        &["lint", "--format", "markdown", "verdicts.md", "suppress.md"],
    );
    assert_eq!(code, 1);
    insta::assert_snapshot!("markdown_lint", out);
    let (code, out, _) = run(
        &fixtures(),
        &[
            "check",
            "--claims",
            "supported.toml",
            "--format",
            "markdown",
        ],
    );
    assert_eq!(code, 0);
    assert!(out.contains("No findings."), "{out}");
}

#[test]
fn sources_refuses_markdown() {
    let (code, _, err) = run(
        &fixtures(),
        &[
            "sources",
            "--claims",
            "misquoted.toml",
            "--format",
            "markdown",
        ],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("`--format markdown` has nothing to show"),
        "{err}"
    );
}

// --------------------------------------------------------------------------- exit

#[test]
fn fail_on_sets_the_level_that_fails() {
    let dir = fixtures();
    let exit = |claims: &str, extra: &[&str]| {
        run(&dir, &[&["check", "--claims", claims][..], extra].concat()).0
    };
    assert_eq!(exit("conflict.toml", &[]), 0, "a conflict is a warning");
    assert_eq!(exit("conflict.toml", &["--fail-on", "warning"]), 1);
    assert_eq!(exit("conflict.toml", &["--fail-on", "error"]), 0);
    assert_eq!(exit("misquoted.toml", &["--fail-on", "never"]), 0);
    assert_eq!(exit("misquoted.toml", &["--fail-on", "warning"]), 1);
    assert_eq!(exit("supported.toml", &["--fail-on", "warning"]), 0);
    // bad input is exit 2 whatever --fail-on says
    assert_eq!(exit("nope.toml", &["--fail-on", "never"]), 2);
    let (code, _, err) = run(&dir, &["check", "--fail-on", "sometimes"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("possible values: error, warning, never"),
        "{err}"
    );
    // trace fails only when asked to
    let target = "Militant violence claimed 1,061 lives in 2021";
    let trace = |extra: &[&str]| {
        run(
            &dir,
            &[
                &["trace", "--claims", "misquoted.toml"][..],
                extra,
                &["--", target],
            ]
            .concat(),
        )
        .0
    };
    assert_eq!(trace(&[]), 0);
    assert_eq!(trace(&["--fail-on", "error"]), 1);
    assert_eq!(trace(&["--format", "sarif", "--fail-on", "error"]), 1);
}

/// A temporary project: a copy of the fixtures' corpus in `corpus/`, and `claims`
/// as its claims.toml.
fn project(claims: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for f in ["ministry.txt", "analysis.txt", "wire.txt"] {
        std::fs::copy(fixtures().join("corpus").join(f), corpus.join(f)).unwrap();
    }
    std::fs::write(dir.path().join("claims.toml"), claims).unwrap();
    dir
}

/// A project whose claims.toml is `extra` and then the fixture `base`.
fn with_settings(base: &str, extra: &str) -> tempfile::TempDir {
    let text = std::fs::read_to_string(fixtures().join(base)).unwrap();
    project(&format!("{extra}\n{text}"))
}

#[test]
fn settings_severity_sets_a_level_per_verdict() {
    let d = with_settings(
        "conflict.toml",
        "[settings.severity]\nconflict = \"deny\"\n",
    );
    let (code, out, _) = run(d.path(), &["check", "--format", "json"]);
    assert_eq!(code, 1, "conflict = deny fails the run");
    assert_eq!(json(&out)["results"][0]["severity"], "error");

    let d = with_settings(
        "misquoted.toml",
        "[settings.severity]\nmisquoted-figure = \"warn\"\n",
    );
    assert_eq!(run(d.path(), &["check"]).0, 0);
    assert_eq!(run(d.path(), &["check", "--fail-on", "warning"]).0, 1);
    let (_, s, _) = run(d.path(), &["check", "--format", "sarif"]);
    assert_eq!(json(&s)["runs"][0]["results"][0]["level"], "warning");

    let d = with_settings(
        "misquoted.toml",
        "[settings]\nseverity = { misquoted = \"allow\" }\n",
    );
    let (code, human, _) = run(d.path(), &["check", "--fail-on", "warning"]);
    assert_eq!(code, 0, "allowed findings never fail");
    assert_eq!(
        human.lines().next(),
        Some("1 figure checked: 0 supported, 1 misquoted")
    );
    let (_, s, _) = run(d.path(), &["check", "--format", "sarif"]);
    assert_eq!(json(&s)["runs"][0]["results"][0]["level"], "note");
    let (_, j, _) = run(d.path(), &["check", "--format", "json"]);
    assert_eq!(json(&j)["results"][0]["severity"], "info");
    let (_, verbose, _) = run(d.path(), &["check", "--verbose"]);
    assert!(verbose.contains("misquoted figure `1,061`"), "{verbose}");
}

#[test]
fn settings_severity_errors_point_at_the_line() {
    let d = with_settings(
        "misquoted.toml",
        "[settings.severity]\nmisqouted = \"warn\"\nsupported = \"deny\"\nconflict = \"error\"\nunattributed = 2\nmiscited = \"warn\"\nmiscited-source = \"allow\"\n",
    );
    let (code, out, err) = run(d.path(), &["check"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("has 5 problems"), "{err}");
    insta::assert_snapshot!("config_severity", err);
    let d = with_settings("misquoted.toml", "[settings]\nseverity = \"deny\"\n");
    let (code, _, err) = run(d.path(), &["check"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("`severity` in [settings] must be a table"),
        "{err}"
    );
    assert!(err.contains("[settings.severity]"), "{err}");
}

// --------------------------------------------------------------------------- --diff

fn git(dir: &Path, args: &[&str]) {
    let out = std::process::Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {:?}", out);
}

fn has_git() -> bool {
    std::process::Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// (line, verdict) of every JSON result.
fn lines_of(out: &str) -> Vec<(u64, String)> {
    json(out)["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["line"].as_u64().unwrap(),
                r["verdict"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn diff_reports_only_changed_lines() {
    if !has_git() {
        eprintln!("skipped: git is not installed");
        return;
    }
    let d = with_settings("misquoted.toml", "");
    let root = d.path();
    std::fs::create_dir(root.join("docs")).unwrap();
    let before = "# Brief\n\nMilitant violence claimed 1,061 lives in 2021.\n\nThe Taliban trained 1,200 TTP recruits in Kunar.\n\nPolice recorded 294 attacks on security posts in 2021.\n";
    std::fs::write(root.join("docs/brief.md"), before).unwrap();
    git(root, &["init", "-q"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-qm", "base"]);
    // change line 5, add line 9; line 3's misquote is old
    let after = before.replace("1,200 TTP recruits", "1,300 TTP recruits")
        + "\nPakistan pledged $60 million in humanitarian aid.\n";
    std::fs::write(root.join("docs/brief.md"), after).unwrap();
    std::fs::write(
        root.join("docs/new.md"),
        "Militant violence claimed 1,061 lives in 2021.\n",
    )
    .unwrap();

    let (code, all, _) = run(root, &["lint", "--format", "json", "docs/brief.md"]);
    assert_eq!(code, 1);
    assert_eq!(
        lines_of(&all).iter().map(|l| l.0).collect::<Vec<_>>(),
        [3, 5, 7, 9]
    );
    let (code, out, err) = run(
        root,
        &[
            "lint",
            "--diff",
            "HEAD",
            "--format",
            "json",
            "docs/brief.md",
            "docs/new.md",
        ],
    );
    assert_eq!(code, 1, "{err}");
    let got = lines_of(&out);
    assert_eq!(
        got.iter().map(|l| l.0).collect::<Vec<_>>(),
        [5, 9, 1],
        "{got:?}"
    );
    assert_eq!(json(&out)["summary"]["figures"], 3);
    // from a subfolder, the same
    let (_, sub, _) = run(
        &root.join("docs"),
        &["lint", "--diff", "HEAD", "--format", "json", "brief.md"],
    );
    assert_eq!(
        lines_of(&sub).iter().map(|l| l.0).collect::<Vec<_>>(),
        [5, 9]
    );
    // committed: nothing changed since HEAD, all changed since the base
    git(root, &["add", "."]);
    git(root, &["commit", "-qm", "edit"]);
    let (code, out, _) = run(root, &["lint", "--diff", "HEAD", "docs/brief.md"]);
    assert_eq!(
        (code, out.lines().next()),
        (0, Some("0 figures checked: 0 supported"))
    );
    let (_, out, _) = run(
        root,
        &[
            "lint",
            "--diff",
            "HEAD~1",
            "--format",
            "json",
            "docs/brief.md",
        ],
    );
    assert_eq!(
        lines_of(&out).iter().map(|l| l.0).collect::<Vec<_>>(),
        [5, 9]
    );

    // bad revisions and no repository: exit 2 with a message
    for (base, msg) in [
        (
            "no-such-branch",
            "`no-such-branch` is not a revision of this repository",
        ),
        // never read by git as an option
        ("--output=/tmp/x", "`--output=/tmp/x` is not a revision"),
    ] {
        let flag = format!("--diff={base}");
        let (code, out, err) = run(root, &["lint", &flag, "docs/brief.md"]);
        assert_eq!(code, 2, "{base}");
        assert!(out.is_empty());
        assert!(err.contains(msg), "{err}");
    }
    let elsewhere = with_settings("misquoted.toml", "");
    std::fs::write(elsewhere.path().join("d.md"), "No figures.\n").unwrap();
    let (code, _, err) = run(elsewhere.path(), &["lint", "--diff", "HEAD", "d.md"]);
    assert_eq!(code, 2);
    assert!(err.contains("is not in a git work tree"), "{err}");
}

/// The official schema (scripts/sarif-validate/run.sh): it fetches the schema from npm
/// and jsonschema + rfc3987 from PyPI, so it is not part of the default run:
/// `cargo test --test ci -- --ignored`. It skips, saying why, where they cannot be had.
#[test]
#[ignore]
fn sarif_validates_against_the_official_schema() {
    let out = std::process::Command::new("bash")
        .arg(repo().join("scripts/sarif-validate/run.sh"))
        .env("CLAIMCHECK_BIN", env!("CARGO_BIN_EXE_claimcheck"))
        .output()
        .expect("bash runs");
    let text = String::from_utf8_lossy(&out.stdout);
    println!("{text}{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{text}");
}
