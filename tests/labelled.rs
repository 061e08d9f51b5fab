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
        // a number, or a range as [low, high] (matched on its low end or its text)
        let number = |v: &toml::Value| v.as_float().or_else(|| v.as_integer().map(|i| i as f64));
        let value = match &e["value"] {
            toml::Value::Array(a) => a.first().and_then(number),
            v => number(v),
        }
        .unwrap();
        let text = e["text"].as_str().unwrap();
        // one verdict, or a list of acceptable ones
        let want: Vec<&str> = match &e["verdict"] {
            toml::Value::Array(a) => a.iter().filter_map(|v| v.as_str()).collect(),
            v => vec![v.as_str().unwrap()],
        };
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
            Some((i, r)) if want.iter().any(|w| r["verdict"] == *w) => {
                used[i] = true;
                s.right += 1;
            }
            Some((i, r)) => {
                used[i] = true;
                s.wrong.push(format!(
                    "line {line} {text}: expected {want:?}, got {}",
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

/// Labelled sets and their floors: accuracy measured on the engine when the floor was set,
/// less a margin, never 1.0 (a perfect floor would make every set a tuning set). The
/// `domains/*` sets were written by helpers who never saw the engine; their first-contact
/// scores are in tests/fixtures/README.md.
const SETS: &[(&str, f64)] = &[
    ("lint/set-a", 0.90),
    ("lint/set-b", 0.88),
    ("lint/set-c", 0.88),
    // set-d and set-f label uncited restatements misquoted on weak evidence ("three days"
    // for "two days" in another clause): an uncited sentence now needs a close passage
    ("lint/set-d", 0.85),
    ("lint/set-e", 0.90),
    ("lint/set-f", 0.85),
    ("lint/set-g", 0.75),
    ("domains/budget", 0.58),
    ("domains/crime", 0.62),
    ("domains/education", 0.62),
    ("domains/elections", 0.58),
    ("domains/labour", 0.68),
    ("domains/migration", 0.66),
    ("domains/public-health", 0.66),
    ("domains/food", 0.62),
    ("domains/housing", 0.68),
    ("domains/road-safety", 0.62),
    ("domains/energy", 0.58),
    ("domains/climate", 0.56),
    ("domains/health-services", 0.70),
    ("domains/air-water", 0.66),
    ("domains/aviation", 0.60),
    ("domains/tourism", 0.72),
    ("domains/telecom", 0.60),
    ("domains/inflation", 0.60),
    ("domains/sports-business", 0.60),
    ("domains/commodities", 0.56),
    ("domains/media", 0.60),
    ("domains/shipping", 0.66),
    ("domains/wildfires", 0.72),
    ("domains/earthquakes", 0.70),
    ("domains/pensions", 0.59),
    ("domains/overdoses", 0.58),
    ("domains/transit", 0.60),
    ("domains/electric-vehicles", 0.63),
    ("domains/military-spending", 0.52),
    ("domains/prisons", 0.67),
    ("domains/universities", 0.68),
    // written this session, kept out of its tuning; floors a margin under their score on
    // the session's last engine
    ("domains/retail", 0.66),
    ("domains/deforestation", 0.76),
    ("domains/cybercrime", 0.67),
    ("domains/fisheries", 0.70),
    ("domains/drought", 0.62),
    ("domains/child-poverty", 0.64),
    ("domains/tobacco-alcohol", 0.67),
    ("domains/space", 0.67),
    // written in the session after, scored on arrival, kept out of its tuning (rows not
    // read); floors a margin under their score on that session's last engine
    ("domains/homelessness", 0.63),
    ("domains/waste-recycling", 0.63),
    ("domains/floods", 0.69),
    ("domains/heatwaves", 0.61),
    ("domains/venture-capital", 0.65),
    // written on 2026-12-02 by helpers who never read the engine, scored on arrival
    // (d2376f5); floors a margin under that first contact
    ("domains/malaria", 0.68),
    ("domains/tax-revenue", 0.63),
    // written later the same day, held out until the session's last engine change
    // (77e2a36) and scored then; floors a margin under that first contact
    ("domains/gambling", 0.64),
    ("domains/mining-steel", 0.66),
    // written at the session's end, scored on its last engine (6216430), never tuned on
    ("domains/vaccination", 0.66),
    ("domains/obesity", 0.69),
    // written in the next session (also 2026-12-02) by a helper who never read the engine,
    // scored on arrival (4e2b6e0)
    ("domains/displacement", 0.69),
    // the same session, scored on arrival (aa3bc1e)
    ("domains/census", 0.67),
    ("domains/bank-failures", 0.68),
    // written on 2026-12-02 by a helper who never read the engine, finished that evening and
    // scored on the engine of 92d9c9e (= aa3bc1e) before any change
    ("domains/suicide", 0.63),
    // written the next session (2026-12-02, evening) by helpers who never read the engine,
    // scored on arrival (f2c963d)
    ("domains/remittances", 0.56),
    ("domains/trade-tariffs", 0.54),
    ("domains/hiv-tb", 0.60),
    // written by helpers who never read the engine, scored on arrival (ad0b7a0)
    ("domains/drug-seizures", 0.65),
    ("domains/crop-harvests", 0.63),
    // written on 2026-12-03 by helpers who never read the engine, scored on arrival (ad0b7a0)
    ("domains/dengue-cholera", 0.55),
    ("domains/minimum-wage", 0.68),
    ("domains/student-debt", 0.68),
    // written the same session while the engine changed, held out, scored on arrival (58af9b5)
    ("domains/public-debt", 0.69),
    ("domains/sea-ice-glaciers", 0.71),
    ("domains/campaign-finance", 0.76),
    // written at the session's end, held out, scored on arrival (e66636f)
    ("domains/nuclear-power", 0.57),
    ("domains/wildlife-poaching", 0.68),
    // written on 2026-12-03 (evening) by helpers who never read the engine, scored on
    // arrival (0a81c8d) before any change; held out of the session's tuning
    ("domains/box-office", 0.68),
    ("domains/antimicrobial-resistance", 0.74),
    ("domains/gender-pay-gap", 0.65),
    ("domains/birth-rates", 0.52),
    // the same session, later, scored on arrival: fuel-prices and olympics on 3b618f7,
    // hurricanes on 548886c
    ("domains/fuel-prices", 0.64),
    ("domains/olympics", 0.67),
    ("domains/hurricanes", 0.67),
    // the same session, scored on arrival on 548886c
    ("domains/data-centres", 0.65),
    ("domains/gun-violence", 0.64),
    ("domains/crypto-markets", 0.66),
    // written at the session's end, scored on arrival on its last engine (e94e236)
    ("domains/measles", 0.66),
    // finished after the session's time, scored on arrival on its last engine (e1e8ad9)
    ("domains/housing-starts", 0.67),
    // written by helpers who never read the engine, scored on arrival on 8f5592d (cf42f30
    // the same)
    ("domains/cancer-statistics", 0.77),
    ("domains/strikes", 0.59),
    ("domains/maternal-mortality", 0.62),
    ("domains/tech-layoffs", 0.55),
    // the same session, scored on arrival on 20fe93b
    ("domains/wine-production", 0.63),
    ("domains/water-access", 0.66),
    ("domains/police-use-of-force", 0.63),
    ("domains/organ-transplants", 0.71),
    // written at the session's end, scored on arrival on e46b95d
    ("domains/bird-flu", 0.77),
    ("domains/traffic-congestion", 0.66),
    ("domains/drug-prices", 0.72),
    // written by helpers who never read the engine, scored on arrival on ff97692
    ("domains/food-banks", 0.70),
    ("domains/mpox", 0.71),
    ("domains/catastrophe-losses", 0.63),
    ("domains/rail-punctuality", 0.53),
    // the same, scored on arrival on a7dd62a
    ("domains/childcare-costs", 0.62),
    ("domains/court-backlogs", 0.73),
    ("domains/smartphone-shipments", 0.53),
    ("domains/cocoa-prices", 0.58),
    // the same, scored on arrival on b56fe86
    ("domains/fertiliser-prices", 0.71),
    ("domains/museum-visitors", 0.65),
    ("domains/teacher-shortages", 0.78),
    ("domains/dementia", 0.69),
    // the same, scored on arrival on b0a755a
    ("domains/russian-oil-revenue", 0.73),
    ("domains/gaming-revenue", 0.75),
    ("domains/bee-colony-losses", 0.82),
    ("domains/internet-shutdowns", 0.61),
    // written by helpers who never read the engine, scored on arrival on 9c8a08a
    ("domains/ransomware", 0.72),
    ("domains/coffee-prices", 0.63),
    ("domains/hospital-waiting-lists", 0.67),
    ("domains/refugee-resettlement", 0.77),
    // the same session, scored on arrival: electricity-prices on d402bd8, the others on
    // b656897
    ("domains/electricity-prices", 0.72),
    ("domains/extreme-poverty", 0.79),
    ("domains/school-absence", 0.67),
    ("domains/asylum-claims", 0.73),
    // the same session, scored on arrival: jobs-reports on 17fe984, the others on a527a2c
    ("domains/jobs-reports", 0.77),
    ("domains/house-prices", 0.72),
    ("domains/election-turnout", 0.75),
    // the session of 2026-12-06 (second), scored on arrival on ad2cf53
    ("domains/foreign-aid", 0.72),
    ("domains/sewage-spills", 0.79),
    // the session of 2026-12-06 (third), scored on arrival on 4f3281f
    ("domains/food-recalls", 0.65),
    ("domains/chip-industry", 0.71),
];

#[test]
fn labelled_drafts_score_above_their_floors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut report = String::new();
    let mut below = Vec::new();
    // (each set is its own run of the binary: scored side by side, reported in order)
    use rayon::prelude::*;
    let scores: Vec<Score> = SETS
        .par_iter()
        .map(|(name, _)| score(&dir.join(name)))
        .collect();
    for ((name, floor), s) in SETS.iter().zip(scores) {
        let accuracy = s.right as f64 / s.total as f64;
        report.push_str(&format!(
            "{name}: {}/{} = {accuracy:.3} (floor {floor})\n",
            s.right, s.total
        ));
        for w in &s.wrong {
            report.push_str(&format!("  {w}\n"));
        }
        if accuracy < *floor {
            below.push(*name);
        }
    }
    assert!(below.is_empty(), "below the floor: {below:?}\n{report}");
}
