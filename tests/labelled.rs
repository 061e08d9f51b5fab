//! Labelled drafts in tests/fixtures/lint/set-*: each figure's verdict was written by
//! reading the documents, not by running the tool. Scored the way
//! ../shared/eval/score.py scores (line, then value or text), with a floor so a
//! regression fails the suite.

use assert_cmd::Command;
use std::path::Path;

struct Score {
    total: usize,
    right: usize,
    extra_flags: usize,
    wrong: Vec<String>,
}

fn score(set: &Path) -> Score {
    let out = Command::cargo_bin("claimcheck")
        .unwrap()
        .current_dir(set)
        .args(["lint", "--format", "json", "draft.md"])
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = v["results"].as_array().unwrap();
    let expected: toml::Table =
        toml::from_str(&std::fs::read_to_string(set.join("expected.toml")).unwrap()).unwrap();
    let mut used = vec![false; rows.len()];
    let mut s = Score {
        total: 0,
        right: 0,
        extra_flags: 0,
        wrong: Vec::new(),
    };
    for e in expected["figure"].as_array().unwrap() {
        s.total += 1;
        let line = e["line"].as_integer().unwrap() as u64;
        let value = e["value"]
            .as_float()
            .or_else(|| e["value"].as_integer().map(|i| i as f64))
            .unwrap();
        let text = e["text"].as_str().unwrap();
        let want = e["verdict"].as_str().unwrap();
        let hit = rows.iter().enumerate().find(|(i, r)| {
            let got_text = r["text"].as_str().unwrap_or("");
            let got_value = r["figure"]["value"].as_f64().unwrap_or(f64::NAN);
            !used[*i]
                && r["line"].as_u64() == Some(line)
                && ((got_value - value).abs() <= 1e-6 * value.abs().max(1.0)
                    || text.contains(got_text)
                    || got_text.contains(text))
        });
        match hit {
            Some((i, r)) if r["verdict"] == want => {
                used[i] = true;
                s.right += 1;
            }
            Some((i, r)) => {
                used[i] = true;
                s.wrong.push(format!(
                    "line {line} {text}: expected {want}, got {}",
                    r["verdict"]
                ));
            }
            None => s.wrong.push(format!("line {line} {text}: not reported")),
        }
    }
    for (i, r) in rows.iter().enumerate() {
        if !used[i] && r["verdict"] != "supported" {
            s.extra_flags += 1;
            s.wrong.push(format!(
                "extra flag line {} {}: {}",
                r["line"], r["text"], r["verdict"]
            ));
        }
    }
    s
}

/// The labelled sets under tests/fixtures/lint.
const SETS: &[&str] = &[
    "set-a", "set-b", "set-c", "set-d", "set-e", "set-f", "set-g",
];

#[test]
fn labelled_drafts_score_high() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lint");
    let sets: Vec<_> = SETS.iter().map(|s| dir.join(s)).collect();
    assert!(!sets.is_empty());
    let (mut total, mut right, mut extra) = (0, 0, 0);
    let mut report = String::new();
    for set in &sets {
        let s = score(set);
        total += s.total;
        right += s.right;
        extra += s.extra_flags;
        report.push_str(&format!(
            "{}: {}/{}\n",
            set.file_name().unwrap().to_string_lossy(),
            s.right,
            s.total
        ));
        for w in &s.wrong {
            report.push_str(&format!("  {w}\n"));
        }
    }
    let accuracy = right as f64 / total as f64;
    // floors, not targets: 217/224 = 0.969 with no extra flags when set-f and set-g were
    // added; sets d-g were written after the matcher (first contact: d 24/28, e 27/30,
    // f 37/48, g 20/23)
    assert!(accuracy >= 0.95, "accuracy {accuracy:.3}\n{report}");
    assert!(extra <= 1, "{extra} extra flags\n{report}");
}
