//! Golden CLI tests: one case per verdict, format and config error, rendered without
//! colour at a fixed width so the snapshots are stable.

mod common;
use common::claimcheck;
use std::path::Path;

fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/cli"))
}

/// Run `claimcheck check --claims FILE [args]` in the fixtures folder; (exit code, stdout, stderr).
fn check(file: &str, args: &[&str]) -> (i32, String, String) {
    let out = claimcheck(fixtures())
        .args(["check", "--claims", file, "--color", "never"])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn verdicts(json: &str) -> Vec<(String, String)> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    v["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["text"].as_str().unwrap().to_string(),
                r["verdict"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn supported_exits_0_and_verbose_shows_the_passage() {
    let (code, out, _) = check("supported.toml", &[]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().next(), Some("1 figure checked: 1 supported"));
    let (code, out, _) = check("supported.toml", &["--verbose"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("supported_verbose", out);
}

#[test]
fn misquoted_figure() {
    let (code, out, _) = check("misquoted.toml", &[]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("misquoted", out);
}

#[test]
fn misquoted_json_follows_schema_1() {
    let (code, out, _) = check("misquoted.toml", &["--format", "json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema"], 1);
    let r = &v["results"][0];
    assert_eq!(r["kind"], "claim");
    assert_eq!(r["claim_id"], "violence-deaths-2021");
    assert_eq!(r["verdict"], "misquoted");
    assert_eq!(r["severity"], "error");
    assert_eq!(r["figure"]["value"], 1061.0);
    assert_eq!(r["evidence"][0]["relation"], "contradicts");
    assert_eq!(r["evidence"][0]["figure"]["value"], 1016.0);
    assert_eq!(r["evidence"][0]["file"], "corpus/ministry.txt");
    assert_eq!(v["summary"]["misquoted"], 1);
    insta::assert_snapshot!("misquoted_json", out);
}

#[test]
fn unattributed_claims() {
    let (code, out, _) = check("unattributed.toml", &["--format", "json"]);
    assert_eq!(code, 1);
    assert_eq!(
        verdicts(&out),
        [
            ("$50 million".to_string(), "unattributed".to_string()),
            ("1,200".to_string(), "unattributed".to_string())
        ]
    );
    let (_, human, _) = check("unattributed.toml", &[]);
    insta::assert_snapshot!("unattributed", human);
}

#[test]
fn miscited_source() {
    let (code, out, _) = check("miscited.toml", &[]);
    assert_eq!(code, 1);
    assert!(out.contains("cite `analysis` instead"));
    insta::assert_snapshot!("miscited", out);
}

#[test]
fn conflict_is_a_warning() {
    let (code, out, _) = check("conflict.toml", &[]);
    assert_eq!(code, 0, "a conflict is a warning, not an error");
    insta::assert_snapshot!("conflict", out);
}

#[test]
fn output_is_identical_run_to_run() {
    let a = check("unattributed.toml", &["--format", "json"]).1;
    let b = check("unattributed.toml", &["--format", "json"]).1;
    assert_eq!(a, b);
}

fn config_error(name: &str) -> String {
    let (code, out, err) = check(&format!("errors/{name}.toml"), &[]);
    assert_eq!(code, 2, "{name}: {err}");
    assert!(out.is_empty());
    assert!(err.contains(&format!("errors/{name}.toml")), "{err}");
    err
}

#[test]
fn config_errors_point_at_the_line() {
    for name in [
        "syntax",
        "unknown_key",
        "wrong_type",
        "duplicate_id",
        "unknown_source",
        "missing_file",
        "no_figure",
        "many",
    ] {
        insta::assert_snapshot!(format!("config_{name}"), config_error(name));
    }
}

#[test]
fn every_problem_is_reported_at_once() {
    let err = config_error("many");
    assert!(err.contains("has 4 problems"), "{err}");
}

#[test]
fn missing_claims_file_is_exit_2() {
    let (code, _, err) = check("nope.toml", &[]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read `nope.toml`"), "{err}");
}

#[test]
fn no_claims_toml_found_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = claimcheck(dir.path()).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no claims.toml"));
}

#[test]
fn bad_flag_is_exit_2() {
    let out = claimcheck(fixtures())
        .args(["check", "--format", "xml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn unreadable_source_is_reported_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("seeds")).unwrap();
    std::fs::write(
        dir.path().join("seeds/good.txt"),
        "The Taliban released 780 TTP prisoners after the takeover.",
    )
    .unwrap();
    std::fs::write(dir.path().join("seeds/blob.txt"), b"\x00\x01\x02 binary").unwrap();
    std::fs::write(
        dir.path().join("claims.toml"),
        "[[claim]]\nid = \"a\"\ntext = \"The Taliban freed 780 TTP prisoners.\"\nsources = [\"good\"]\n",
    )
    .unwrap();
    let out = claimcheck(dir.path()).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("blob.txt") && err.contains("binary"), "{err}");
}

#[test]
fn help_and_explain() {
    let out = claimcheck(fixtures()).arg("--help").output().unwrap();
    insta::assert_snapshot!("help", String::from_utf8(out.stdout).unwrap());
    let out = claimcheck(fixtures())
        .args(["explain", "misquoted-figure"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("What it does"));
    let out = claimcheck(fixtures())
        .args(["explain", "nope"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// The project's own registry: every claim of claims.toml is supported by seeds/.
#[test]
fn seeds_claims_toml_end_to_end() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = claimcheck(root)
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let n = v["summary"]["figures"].as_u64().unwrap();
    assert!(n >= 30, "only {n} figures");
    assert_eq!(v["summary"]["supported"].as_u64().unwrap(), n);
    let human = claimcheck(root).arg("check").output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&human.stdout).lines().next(),
        Some(format!("{n} figures checked: {n} supported").as_str())
    );
}

/// Score `claimcheck check` on a labelled set: (right, total, what went wrong).
fn score_check_set(dir: &str) -> (usize, usize, Vec<String>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let claims = format!("{dir}/claims.toml");
    let out = claimcheck(root)
        .args(["check", "--claims", &claims, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let expected: toml::Table =
        toml::from_str(&std::fs::read_to_string(root.join(dir).join("expected.toml")).unwrap())
            .unwrap();
    let mut wrong = Vec::new();
    let results = v["results"].as_array().unwrap();
    let mut used = vec![false; results.len()];
    let labels = expected["claim"].as_array().unwrap();
    for e in labels {
        let id = e["id"].as_str().unwrap();
        let value = e["value"]
            .as_float()
            .or_else(|| e["value"].as_integer().map(|i| i as f64))
            .unwrap();
        let want = e["verdict"].as_str().unwrap();
        let hit = results.iter().enumerate().find(|(i, r)| {
            !used[*i]
                && r["claim_id"] == id
                && (r["figure"]["value"].as_f64().unwrap() - value).abs() < 1e-6
        });
        match hit {
            Some((i, r)) => {
                used[i] = true;
                if r["verdict"] != want {
                    wrong.push(format!(
                        "{id} {value}: expected {want}, got {}",
                        r["verdict"]
                    ));
                }
            }
            None => wrong.push(format!("{id} {value}: not reported")),
        }
    }
    (labels.len() - wrong.len(), labels.len(), wrong)
}

/// The labelled check set in tests/fixtures/heldout (41/43 on first contact, 43/43 when
/// this floor was set): a floor below perfect, so the set is not a tuning target.
#[test]
fn labelled_claims_get_their_verdicts() {
    let (right, total, wrong) = score_check_set("tests/fixtures/heldout");
    assert!(
        right as f64 / total as f64 >= 0.95,
        "{right}/{total}: {wrong:#?}"
    );
}

/// tests/fixtures/heldout-2 was written after the matcher (44/48 on first contact): a
/// floor, not a target.
#[test]
fn second_labelled_check_set() {
    let (right, total, wrong) = score_check_set("tests/fixtures/heldout-2");
    assert!(
        right as f64 / total as f64 >= 0.93,
        "{right}/{total}: {wrong:#?}"
    );
}

#[test]
fn trace_writes_sarif_and_github_for_its_figures() {
    let out = claimcheck(fixtures())
        .args(["trace", "--claims", "misquoted.toml", "--format", "sarif"])
        .arg("--")
        .arg("Some 1,200 people were killed in the attacks")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    assert!(v["runs"][0]["results"].is_array());
}

#[test]
fn sources_refuses_formats_without_findings() {
    for format in ["sarif", "github"] {
        let out = claimcheck(fixtures())
            .args(["sources", "--claims", "misquoted.toml", "--format", format])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{format}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("lists sources, not findings"), "{err}");
    }
}
