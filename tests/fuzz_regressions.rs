//! Regression tests for what the fuzz targets of `fuzz/` found (see fuzz/FINDINGS.md).
//!
//! Each test replays one minimised input from `tests/fixtures/fuzz-regressions/`
//! through the same property function the fuzz target runs (`fuzz/src/props.rs`, shared
//! through `#[path]`), so it passes exactly when the finding is fixed. A finding that is
//! still open is `#[ignore]`d with its cause; run them with `cargo test --test
//! fuzz_regressions -- --ignored`.

#[allow(dead_code)]
#[path = "../fuzz/src/props.rs"]
mod props;

use std::path::Path;

fn input(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz-regressions")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

/// The properties themselves hold on the CLI fixtures (so an ignored test below fails
/// because of its input, not because a property is wrong).
#[test]
fn properties_hold_on_the_cli_fixtures() {
    let verdicts = fixture("tests/fixtures/cli/lint/verdicts.md");
    props::figures_bytes(&verdicts);
    props::draft_bytes(&verdicts);
    props::lint_bytes(&verdicts);
    props::claims_toml_bytes(&fixture("tests/fixtures/cli/supported.toml"));
    props::claims_toml_bytes(&fixture("tests/fixtures/cli/errors/many.toml"));
    props::cite_bytes(b"Pakistan pledged $50 million in humanitarian aid (Khan, 2022).");
}

/// FINDINGS.md #1: a link whose label runs over a sentence break keeps its whole label
/// as `text` while its span is clipped to the sentence ("[. I%]()").
#[test]

fn draft_1_link_label_across_a_sentence_break() {
    props::draft_bytes(&input("draft-1.txt"));
}

/// FINDINGS.md #1: a link label ending in a space the sentence drops ("[x ]()").
#[test]

fn draft_2_link_label_with_a_trailing_space() {
    props::draft_bytes(&input("draft-2.txt"));
}

/// FINDINGS.md #2: a closing attribution whose words are not single-space separated
/// (",.\tX said"): the text is re-joined with spaces, the span is as written.
#[test]

fn cite_1_closing_attribution_with_a_tab() {
    props::cite_bytes(&input("cite-1.txt"));
}

/// FINDINGS.md #2: "…, the Interior Ministry said." — the text drops "the ", the span
/// keeps it.
#[test]
fn cite_2_closing_attribution_with_the() {
    props::cite_bytes(&input("cite-2.txt"));
}
