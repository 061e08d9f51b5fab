//! Provenance: derivation between sources, citations inside sources, independent
//! source counts, and golden output for `sources` and `trace`.

use assert_cmd::Command;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn run(dir: &Path, args: &[&str]) -> (i32, String) {
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
        String::from_utf8(out.stdout).unwrap(),
    )
}

fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let (code, out) = run(dir, args);
    assert!(code == 0 || code == 1, "exit {code}");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn seeds_derivation_and_citations() {
    let v = json(root(), &["sources", "--format", "json"]);
    let sources = v["sources"].as_array().unwrap();
    let derived: Vec<(String, Vec<String>)> = sources
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap().to_string(),
                s["derived_from"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|d| d.as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect();
    // 001 is a shortened rewrite of 000, and nothing else copies anything
    for (id, from) in &derived {
        if id == "ani-2022-01-31" {
            assert_eq!(from, &["usip-mir-2022"]);
        } else {
            assert!(from.is_empty(), "{id} derived from {from:?}");
        }
    }
    // 004 cites Mir (2022), which is seed 000
    let efsas = sources.iter().find(|s| s["id"] == "efsas-2022").unwrap();
    let linked: Vec<&str> = efsas["cites"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["source"] == "usip-mir-2022")
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert!(linked.contains(&"Mir, 2022"), "{linked:?}");
    // and keeps works outside the corpus as outside works
    assert!(efsas["cites"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["text"] == "Afzal (2022)" && c["source"].is_null()));
    // every source object has the documented fields
    for s in sources {
        for key in ["id", "file", "derived_from", "cites"] {
            assert!(s.get(key).is_some(), "missing {key}");
        }
    }
}

#[test]
fn trace_names_the_origin_outside_the_corpus() {
    let v = json(
        root(),
        &[
            "trace",
            "TTP attacks in Pakistan rose 42% in 2021 compared to 2020",
            "--format",
            "json",
        ],
    );
    let fig = &v["figures"][0];
    assert_eq!(fig["verdict"], "supported");
    assert!(fig["notes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n == "secondary"));
    let origin = &fig["origins"][0];
    assert_eq!(origin["text"], "Afzal (2022)");
    assert!(origin["source"].is_null());
    assert_eq!(origin["in_corpus"], false);
    assert_eq!(fig["evidence"][0]["source"], "efsas-2022");
}

#[test]
fn trace_a_claim_by_id() {
    let (code, out) = run(root(), &["trace", "taliban-freed-780-prisoners"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("trace_claim_780", out);
    let (_, out) = run(
        root(),
        &[
            "trace",
            "TTP attacks in Pakistan rose 42% in 2021 compared to 2020",
        ],
    );
    insta::assert_snapshot!("trace_text_42", out);
}

/// `trace -v` shows each passage considered with the frame slots it was judged by.
#[test]
fn verbose_trace_prints_each_passage_frame() {
    let (code, out) = run(
        root(),
        &["trace", "-v", "The Taliban released 780 TTP prisoners"],
    );
    assert_eq!(code, 0);
    assert!(out.contains("passages considered"), "{out}");
    assert!(out.contains("frame: stance asserted"), "{out}");
}

#[test]
fn trace_without_a_figure_is_exit_2() {
    let (code, _) = run(root(), &["trace", "no-such-claim"]);
    assert_eq!(code, 2);
}

#[test]
fn sources_human_output() {
    let (code, out) = run(root(), &["sources"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("sources_seeds", out);
}

fn fixture() -> std::path::PathBuf {
    root().join("tests/fixtures/provenance")
}

#[test]
fn a_reprinted_story_counts_once() {
    let v = json(&fixture(), &["sources", "--format", "json"]);
    let from = |id: &str| -> Vec<String> {
        let s = v["sources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .unwrap();
        s["derived_from"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(from("daily"), ["wire"]);
    assert_eq!(from("portal"), ["wire"]);
    assert!(from("wire").is_empty());
    assert!(from("monitor").is_empty());
    // the wounded figure is only in the wire story and its two reprints: one source
    let r = json(
        &fixture(),
        &["check", "--format", "json", "--min-sources", "2"],
    );
    let by_id = |id: &str| {
        r["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["claim_id"] == id)
            .unwrap()
            .clone()
    };
    let wounded = by_id("policemen-wounded");
    assert_eq!(wounded["independent_sources"], 1);
    assert_eq!(wounded["verdict"], "supported");
    assert_eq!(wounded["severity"], "warning");
    assert!(wounded["notes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n == "few-sources"));
    assert!(
        wounded["notes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n == "derived")
            || wounded["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["source"] == "wire")
    );
    // the death toll is also in an unrelated monitor's report: two independent sources
    let killed = by_id("policemen-killed");
    assert_eq!(killed["independent_sources"], 2);
    assert_eq!(killed["severity"], "info");
    let evidence_sources: Vec<&str> = killed["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["source"].as_str().unwrap())
        .collect();
    assert!(evidence_sources.contains(&"monitor"));
    // reprints carry their origin on each piece of evidence
    let daily = killed["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["source"] == "daily")
        .unwrap();
    assert_eq!(daily["derived_from"][0], "wire");
}

#[test]
fn min_sources_from_settings_and_flag() {
    let (code, out) = run(&fixture(), &["check"]);
    assert_eq!(code, 0);
    assert!(out.contains("2 figures checked: 2 supported"), "{out}");
    let (code, out) = run(
        &fixture(),
        &["check", "--min-sources", "2", "--color", "never"],
    );
    assert_eq!(code, 0, "too few sources is a warning");
    assert!(out.contains("too-few-sources"), "{out}");
}
