//! Golden CLI tests for `claimcheck lint`: each verdict, each citation form, each
//! suppression form and the prose/non-prose split of Markdown.

use assert_cmd::Command;
use std::path::Path;

fn dir() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/cli/lint"
    ))
}

fn lint(args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("claimcheck")
        .unwrap()
        .current_dir(dir())
        .env("COLUMNS", "100")
        .env("NO_COLOR", "1")
        .arg("lint")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// (line, figure text, verdict, notes) of every result.
fn rows(draft: &str) -> Vec<(u64, String, String, String)> {
    let (code, out, err) = lint(&["--format", "json", draft]);
    assert!(code == 0 || code == 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    v["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            assert_eq!(r["kind"], "figure");
            (
                r["line"].as_u64().unwrap(),
                r["text"].as_str().unwrap().to_string(),
                r["verdict"].as_str().unwrap().to_string(),
                r["notes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|n| n.as_str().unwrap())
                    .collect::<Vec<_>>()
                    .join(","),
            )
        })
        .collect()
}

fn row(line: u64, text: &str, verdict: &str, notes: &str) -> (u64, String, String, String) {
    (line, text.into(), verdict.into(), notes.into())
}

#[test]
fn each_verdict() {
    assert_eq!(
        rows("verdicts.md"),
        [
            row(3, "1,016", "supported", ""),
            row(5, "1,061", "misquoted", ""),
            row(7, "1,200", "unattributed", ""),
            row(9, "$50 million", "miscited", ""),
            row(11, "780", "conflict", ""),
            row(13, "294", "supported", "uncited"),
        ]
    );
    let (code, out, _) = lint(&["--color", "never", "verdicts.md"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("lint_verdicts", out);
}

#[test]
fn each_citation_form() {
    assert_eq!(
        rows("citations.md"),
        [
            // (Author, Year)
            row(1, "$50 million", "supported", ""),
            // according to <publisher>
            row(3, "294", "supported", ""),
            // a link to the source's URL
            row(5, "$50 million", "supported", ""),
            // a link to the source's path
            row(7, "294", "supported", ""),
            // Author (Year)
            row(9, "$50 million", "supported", ""),
            // (Alias, Year) naming a source that does not carry the figure
            row(11, "$50 million", "miscited", ""),
        ]
    );
}

#[test]
fn each_suppression_form() {
    // silenced: next line, next line in a list with a verdict and reason, next line in a
    // block quote, and a disable…enable block naming the code (twice, once in a quote);
    // still reported: a suppression naming another verdict, and the line after `enable`
    assert_eq!(
        rows("suppress.md"),
        [
            row(11, "1,061", "misquoted", ""),
            row(19, "1,061", "misquoted", "")
        ]
    );
    let (_, out, _) = lint(&["--format", "json", "suppress.md"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["suppressed"], 5);
}

#[test]
fn only_prose_holds_claims() {
    // front matter, code blocks, inline code, raw HTML, link targets, reference
    // definitions, footnote definitions and bare years hold no figures
    assert_eq!(
        rows("prose.md"),
        [
            row(6, "294", "supported", "uncited"),
            row(8, "$50 million", "supported", "uncited"),
            row(10, "780", "conflict", ""),
            row(12, "1,016", "supported", "uncited"),
            row(16, "1,016", "supported", "uncited"),
        ]
    );
}

#[test]
fn columns_point_at_the_figure() {
    let (_, out, _) = lint(&["--format", "json", "verdicts.md"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let text = std::fs::read_to_string(dir().join("verdicts.md")).unwrap();
    for r in v["results"].as_array().unwrap() {
        let line = text
            .lines()
            .nth(r["line"].as_u64().unwrap() as usize - 1)
            .unwrap();
        let col = r["column"].as_u64().unwrap() as usize - 1;
        let rest: String = line.chars().skip(col).collect();
        assert!(rest.starts_with(r["text"].as_str().unwrap()), "{rest}");
    }
}

/// `lint --format json draft.md` in a folder with no claims.toml: one seed document and
/// the draft; the exit code and the JSON.
fn lint_without_claims(seed: &str, draft: &str) -> (Option<i32>, serde_json::Value) {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join("seeds")).unwrap();
    std::fs::write(tmp.path().join("seeds/report.txt"), seed).unwrap();
    std::fs::write(tmp.path().join("draft.md"), draft).unwrap();
    let out = Command::cargo_bin("claimcheck")
        .unwrap()
        .current_dir(tmp.path())
        .args(["lint", "--format", "json", "draft.md"])
        .output()
        .unwrap();
    (
        out.status.code(),
        serde_json::from_slice(&out.stdout).unwrap(),
    )
}

#[test]
fn lint_runs_without_claims_toml() {
    let (code, v) = lint_without_claims(
        "Annual report\n\nThe interior ministry said militant violence claimed 1,016 lives in 2021.\n",
        "Violence claimed 1,061 lives in 2021.\n",
    );
    assert_eq!(code, Some(1));
    assert_eq!(v["results"][0]["verdict"], "misquoted");
}

/// A sentence that points back at the one before ("In 2022 it had been…") is read with
/// it when alone it finds no source; its figure keeps its own place in the draft.
#[test]
fn a_sentence_that_points_back_is_read_with_the_one_before() {
    let (_, v) = lint_without_claims(
        "Venture Pulse\n\nGlobal venture capital investment sank from $531.4 billion across 51,894 deals in 2022 to $344.5 billion in 2023.\n",
        "Global venture capital investment came to $344.5 billion in 2023.\n\nIn 2022 it had been $531.4 billion.\n",
    );
    let second = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["text"] == "$531.4 billion")
        .expect("the figure of the second sentence");
    assert_eq!(second["line"], 3);
    assert_eq!(second["column"], 21);
    assert_ne!(second["verdict"], "unattributed", "{second}");
}

#[test]
fn missing_draft_is_exit_2() {
    let (code, _, err) = lint(&["nope.md"]);
    assert_eq!(code, 2);
    assert!(err.contains("nope.md"), "{err}");
}

#[test]
fn github_annotations() {
    let (code, out, _) = lint(&["--format", "github", "verdicts.md"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("lint_github", out);
}

#[test]
fn sarif_report() {
    let (code, out, _) = lint(&["--format", "sarif", "verdicts.md"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let results = v["runs"][0]["results"].as_array().unwrap();
    let rules: Vec<&str> = results
        .iter()
        .map(|r| r["ruleId"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules,
        [
            "misquoted-figure",
            "unattributed-claim",
            "miscited-source",
            "conflicting-sources"
        ]
    );
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        5
    );
    // relative to %SRCROOT% (the git work tree), never to the current folder
    assert_eq!(v["runs"][0]["columnKind"], "unicodeCodePoints");
    assert!(v["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap()
        .starts_with("file:///"));
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"],
        "%SRCROOT%"
    );
    assert_eq!(
        results[0]["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "tests/fixtures/cli/corpus/ministry.txt"
    );
    // every rule a result uses is declared
    let declared: Vec<&str> = v["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(rules.iter().all(|r| declared.contains(r)));
}
