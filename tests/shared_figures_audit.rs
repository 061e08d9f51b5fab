//! Issue 9's audit: no figure with a sign, a fraction or a change is read as something
//! else anywhere in the seeds, in ../shared/eval or in the labelled sets of
//! tests/fixtures/domains. Runs over every draft and corpus text there (../shared is
//! left out, with a message, when absent) and fails on
//! * a minus sign glued before digits whose figure is read positive ("-504" as 504);
//! * a fraction word before "of", or a hyphenated fraction, that no figure covers
//!   ("two-thirds of", "a quarter of");
//! * a figure right after a change word ("rose 42%", "fell by 3") read as a level.

use claimcheck::listing::list_figures;
use std::path::{Path, PathBuf};

fn texts(shared: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut walk = vec![
        shared.join("seeds"),
        shared.join("eval"),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/domains"),
    ];
    while let Some(dir) = walk.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk.push(p);
            } else if p.extension().is_some_and(|x| x == "txt" || x == "md")
                // (a set's README describes it, with its pages' addresses)
                && p.file_name().is_some_and(|n| n != "README.md")
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

const CHANGE_WORDS: [&str; 10] = [
    "rose",
    "fell",
    "increased",
    "decreased",
    "dropped",
    "declined",
    "grew",
    "jumped",
    "up",
    "down",
];
const FRACTIONS: [&str; 9] = [
    "half of",
    "a third of",
    "a quarter of",
    "two-thirds",
    "one-third",
    "three quarters of",
    "one in five",
    "one in four",
    "one in three",
];

#[test]
fn signs_fractions_and_changes_are_read_as_what_they_are() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if !shared.join("seeds").is_dir() {
        println!(
            "shared_figures_audit: {} is absent; only the labelled sets are read",
            shared.display()
        );
    }
    let files = texts(&shared);
    assert!(files.len() > 100, "too few texts: {}", files.len());
    let mut wrong = Vec::new();
    let mut checked = (0, 0, 0);
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        let figures = list_figures(&text);
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        for d in &figures {
            let before = text[..d.start].trim_end_matches(' ');
            // a glued minus sign: "-504", "(−2.1%)"
            let glued = text[..d.start].ends_with(['-', '−'])
                && text[..d.start]
                    .trim_end_matches(['-', '−'])
                    .ends_with([' ', '(', '\n']);
            if glued {
                checked.0 += 1;
                if d.value > 0.0 {
                    wrong.push(format!("{name}: sign dropped in {:?}", d.text));
                }
            }
            let last = before
                .rsplit(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty() && *w != "by")
                .unwrap_or("")
                .to_lowercase();
            let by_or_direct = before.to_lowercase().ends_with(&last)
                || before.to_lowercase().ends_with(&format!("{last} by"));
            // ("made up 63%" and "ended up at" state a level)
            let phrasal = before
                .to_lowercase()
                .trim_end_matches(" by")
                .rsplit(' ')
                .nth(1)
                .is_some_and(|w| {
                    matches!(w, "made" | "make" | "makes" | "making" | "ended" | "end")
                        && last == "up"
                });
            if CHANGE_WORDS.contains(&last.as_str()) && by_or_direct && !phrasal {
                checked.2 += 1;
                if d.kind == "level" {
                    wrong.push(format!(
                        "{name}: change read as a level: {:?} after {last:?}",
                        d.text
                    ));
                }
            }
        }
        // (ASCII lowercase keeps byte offsets)
        let lower = text.to_ascii_lowercase();
        for fr in FRACTIONS {
            for (at, _) in lower.match_indices(fr) {
                let word_start = at == 0 || !lower[..at].ends_with(char::is_alphanumeric);
                if !word_start {
                    continue;
                }
                checked.1 += 1;
                if !figures.iter().any(|d| d.start <= at && at < d.end) {
                    let end = (at + 30..=text.len().min(at + 34))
                        .find(|&e| text.is_char_boundary(e))
                        .unwrap_or(text.len());
                    wrong.push(format!("{name}: fraction unread at {:?}", &text[at..end]));
                }
            }
        }
    }
    println!(
        "shared_figures_audit: {} files; {} signed figures, {} fractions, {} changes checked",
        files.len(),
        checked.0,
        checked.1,
        checked.2
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
