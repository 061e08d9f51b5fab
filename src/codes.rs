//! Finding codes: one definition each, printed by `claimcheck explain CODE`.

use crate::judge::Verdict;

/// A finding code in a few words, for a rule list (SARIF's short description).
pub fn short(code: &str) -> Option<&'static str> {
    Some(match code {
        "supported-figure" => "A source passage states the figure",
        "misquoted-figure" => "The figure differs from what its source says",
        "unattributed-claim" => "No source supports the figure",
        "miscited-source" => "The cited source does not carry the figure",
        "conflicting-sources" => "Sources disagree on the figure",
        crate::check::FEW_SOURCES_CODE => "Too few independent sources give the figure",
        _ => return None,
    })
}

/// What a finding code means, why it matters, and an example.
pub fn explain(code: &str) -> Option<&'static str> {
    if code == crate::check::FEW_SOURCES_CODE || code == crate::check::FEW_SOURCES {
        return Some(
            "too-few-sources (warning)\n\nWhat it does: the figure is supported, but by fewer independent sources than\n\
             `min_sources` (claims.toml [settings] or --min-sources) asks for. A source and the sources that copy or\n\
             rewrite it count once.\n\
             Why it matters: five outlets reprinting one wire story are one source, not five.\n\
             Example: a figure found in an analysis and in a news report that rewrites it, with --min-sources 2.",
        );
    }
    let v = Verdict::ALL
        .iter()
        .find(|v| v.code() == code || v.as_str() == code)?;
    Some(match v {
        Verdict::Supported => {
            "supported-figure (info)\n\nWhat it does: a passage of the corpus matches the claim and its figure agrees.\n\
             Why it matters: nothing to fix; shown with --verbose so you can see where each figure comes from.\n\
             Example: \"7.62 million patients were waiting\" against \"the list stood at 7,620,000 patients\"."
        }
        Verdict::Misquoted => {
            "misquoted-figure (error)\n\nWhat it does: the best matching passage is about the same thing, but its figure differs:\n\
             the value (870 for 780), the qualifier (\"100\" for \"over 100\", \"at least\" for \"up to\"), the unit (42 attacks\n\
             for a 42% increase) or the year (2020 for 2022).\n\
             Why it matters: a wrong figure with a right citation is the error readers cannot catch.\n\
             Example: \"prices rose 16.4%\" where the source says \"rose 14.6%\"; the help line gives the source's figure."
        }
        Verdict::Unattributed => {
            "unattributed-claim (error)\n\nWhat it does: no passage in the corpus supports the figure, or (claims.toml) the claim names no source.\n\
             Why it matters: a figure nobody can trace is a figure nobody can defend.\n\
             Example: \"the city built 1,200 homes in its first year\" when no source gives 1,200.\n\
             Fix: cite the source it comes from (`sources = [\"id\"]`), add that source to the corpus, or drop the figure."
        }
        Verdict::Miscited => {
            "miscited-source (error)\n\nWhat it does: the claim cites a source that does not carry the figure, while another source does.\n\
             Why it matters: readers who follow the citation will not find the figure.\n\
             Example: \"exports fell 8% [the agency]\" when the figure is in the ministry's release; the help names the right source."
        }
        Verdict::Conflict => {
            "conflicting-sources (warning)\n\nWhat it does: some passages support the figure and others give an incompatible figure for the same thing.\n\
             Why it matters: the sources disagree; the text should say so or say which it relies on.\n\
             Example: a final toll of 2,946 in one report against 2,960 in another, for the same day."
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_code_is_unique_and_documented() {
        let mut seen = HashSet::new();
        for v in Verdict::ALL {
            assert!(seen.insert(v.code()), "duplicate code {}", v.code());
            let doc = explain(v.code()).expect("documented");
            assert!(doc.starts_with(v.code()));
            assert!(doc.contains("What it does") && doc.contains("Example"));
        }
        let doc = explain(crate::check::FEW_SOURCES_CODE).unwrap();
        assert!(seen.insert(crate::check::FEW_SOURCES_CODE));
        assert!(doc.contains("What it does") && doc.contains("Example"));
    }
}
