use claimcheck::config::Settings;
use claimcheck::corpus::Corpus;
use claimcheck::figure::extract_figures;
use claimcheck::index::{Analyzer, Index};
use claimcheck::matching::{candidates, evidence_for, Query};
fn main() {
    let text = std::env::args().nth(1).unwrap();
    let mut paths = vec![std::path::PathBuf::from("seeds")];
    if let Some(extra) = std::env::args().nth(2) {
        paths.push(extra.into());
    }
    let c = Corpus::load(&paths, &[], None);
    let idx = Index::build(&c, Analyzer::new(&[]));
    let figs = extract_figures(&text);
    let s = Settings::default();
    let q = Query::new(&idx, &text, &figs, &[]);
    println!(
        "terms: {:?}",
        q.terms
            .iter()
            .map(|t| (t.key.as_str(), t.entity))
            .collect::<Vec<_>>()
    );
    for f in &figs {
        println!(
            "fig {:?} {:?} noun={:?} year={:?}",
            f.text, f.qualifier, f.noun, f.year
        );
    }
    let cands = candidates(&idx, &idx, &c, &q, &s, &[]);
    let probe = std::env::var("WHY_PROBE").ok();
    for (rank, (pi, sc)) in cands.iter().enumerate() {
        if let Some(pr) = &probe {
            if c.passages[*pi].text.contains(pr.as_str()) {
                println!("probe rank {rank} score {sc:.3}");
            }
        }
    }
    for (pi, sc) in cands.iter().take(6) {
        println!(
            "{:.3} {} {}",
            sc,
            c.sources[c.passages[*pi].source].id,
            &c.passages[*pi].text.chars().take(150).collect::<String>()
        );
    }
    for fi in 0..figs.len() {
        let ev = evidence_for(&idx, &c, &q, &cands, fi, &s);
        for (rank, e) in ev.iter().enumerate() {
            let p = &c.passages[e.passage];
            let probed = probe
                .as_ref()
                .is_some_and(|pr| p.text.contains(pr.as_str()));
            if rank >= 4 && !probed {
                continue;
            }
            println!(
                "  fig{} -> {:.3} {:?} {:?} {:?} m={:.2} near={} topic={:.2} {}{}",
                fi,
                e.score,
                e.relation,
                e.agreement,
                e.noun,
                e.measure,
                e.near,
                e.topic,
                p.figures[e.figure].text,
                if probed { "  <- probe" } else { "" }
            );
        }
    }
}
