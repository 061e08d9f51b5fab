//! Property tests where untrusted text is parsed: figures, segmentation, Markdown drafts
//! and claims.toml never panic, and every span slices back to its text.

use claimcheck::{config, draft, figure, segment};
use proptest::prelude::*;

/// Text that looks like the prose we parse: words, numbers, qualifiers, punctuation,
/// Markdown and a little Unicode, in any order.
fn prose() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "the",
        "Taliban",
        "freed",
        "780",
        "1,016",
        "7.5",
        "over",
        "more than",
        "up to",
        "almost",
        "about",
        "some",
        "between",
        "and",
        "to",
        "-",
        "–",
        "%",
        "percent",
        "per cent",
        "$",
        "US$",
        "Rs",
        "crore",
        "lakh",
        "bn",
        "m",
        "k",
        "million",
        "thousand",
        "hundred",
        "a",
        "dozen",
        "several",
        "hundreds",
        "of",
        "six",
        "forty-nine",
        "one",
        "2021",
        "May",
        "8,",
        "(Mir,",
        "2022)",
        ".",
        ",",
        ";",
        ":",
        "\n",
        "\n\n",
        "  ",
        "é",
        "’s",
        "—",
        "*",
        "**",
        "`",
        "[^x]",
        "[a](b)",
        "<!--",
        "-->",
        "claimcheck-disable-next-line",
        "#",
        "- ",
        "> ",
        "|",
        "```",
        "9/11",
        "No.",
        "p.",
        "U.S.",
        "issues.In",
        "days",
        "50-day",
        "or more",
        "+",
        "TPP",
    ]);
    prop::collection::vec(atoms, 0..40).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn figures_never_panic_and_spans_slice_back(text in prose()) {
        for f in figure::extract_figures(&text) {
            prop_assert_eq!(&text[f.span.clone()], f.text.as_str());
            prop_assert!(f.low <= f.high, "{:?}", f);
        }
    }

    #[test]
    fn figures_on_arbitrary_strings(text in "\\PC{0,80}") {
        for f in figure::extract_figures(&text) {
            prop_assert_eq!(&text[f.span.clone()], f.text.as_str());
        }
    }

    #[test]
    fn segmentation_spans_are_in_bounds(text in prose()) {
        for s in segment::segment(&text) {
            prop_assert!(s.span.end <= text.len());
            prop_assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
            prop_assert_eq!(segment::passage_text(&text, s.span.clone()).len(), s.span.len());
        }
    }

    #[test]
    fn drafts_map_figures_back(text in prose()) {
        let d = draft::parse(&text);
        for s in &d.sentences {
            for f in figure::extract_figures(&s.text) {
                let span = s.draft_span(&f.span);
                prop_assert!(span.end <= text.len());
            }
        }
    }

    #[test]
    fn claims_toml_never_panics(text in "\\PC{0,200}") {
        let _ = config::parse(std::path::Path::new("claims.toml"), text);
    }

    #[test]
    fn claims_toml_fragments_never_panic(lines in prop::collection::vec(prop::sample::select(vec![
        "[[claim]]", "[[source]]", "[corpus]", "[settings]", "id = \"a\"", "id = 3", "text = \"780 prisoners\"",
        "text = \"\"", "sources = [\"a\"]", "sources = \"a\"", "file = \"x.txt\"", "paths = [\"seeds\"]",
        "match_threshold = 2", "candidates = -1", "titel = \"x\"", "[[entity]]", "name = \"TTP\"", "aliases = [1]",
    ]), 0..12)) {
        let _ = config::parse(std::path::Path::new("claims.toml"), lines.join("\n"));
    }
}
