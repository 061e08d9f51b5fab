//! Retrieval: the candidate passages a claim is scored against.
//!
//! Judging asks a [`Retriever`] for candidates and never looks at how they are found,
//! so the embedded [`Index`] can later give way to an external search service or to
//! a sharded run (one retriever per shard, results merged) without touching `judge`
//! or the scoring in `matching`. See bench/README.md, "Scale-out".

use crate::index::{Index, Term};
use std::borrow::Cow;

/// Finds candidate passages (ids into `Corpus::passages`) for a claim.
pub trait Retriever: Sync {
    /// Up to `k` passages for the query terms, best first (ties by passage id), plus up
    /// to `k / 4` more beyond the top `k` for which `also` holds (the cited sources').
    fn candidates(&self, query: &[Term], k: usize, also: &dyn Fn(usize) -> bool) -> Vec<usize>;

    /// Passages that state a figure of this value, in passage order.
    fn passages_with_value(&self, value: f64) -> Cow<'_, [u32]>;

    /// Passages that state a figure within `rel` of `value`, the `limit` closest first.
    fn passages_near_value(&self, value: f64, rel: f64, limit: usize) -> Vec<u32>;
}

impl Retriever for Index {
    fn candidates(&self, query: &[Term], k: usize, also: &dyn Fn(usize) -> bool) -> Vec<usize> {
        Index::candidates(self, query, k, also)
    }

    fn passages_with_value(&self, value: f64) -> Cow<'_, [u32]> {
        Cow::Borrowed(Index::passages_with_value(self, value))
    }

    fn passages_near_value(&self, value: f64, rel: f64, limit: usize) -> Vec<u32> {
        Index::passages_near_value(self, value, rel, limit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Corpus, Source};
    use crate::judge::{judge_claim, Citation, Context, Verdict};

    /// A retriever that finds nothing: judging sees only what it is given.
    struct Nothing;

    impl Retriever for Nothing {
        fn candidates(&self, _: &[Term], _: usize, _: &dyn Fn(usize) -> bool) -> Vec<usize> {
            Vec::new()
        }
        fn passages_with_value(&self, _: f64) -> Cow<'_, [u32]> {
            Cow::Borrowed(&[])
        }
        fn passages_near_value(&self, _: f64, _: f64, _: usize) -> Vec<u32> {
            Vec::new()
        }
    }

    #[test]
    fn judging_takes_its_candidates_from_the_retriever() {
        let mut corpus = Corpus::default();
        corpus.add_source(Source::new(
            "a".into(),
            "a.txt".into(),
            "a.txt".into(),
            "The Taliban released 780 TTP prisoners in 2021.".into(),
            None,
        ));
        let index = Index::build(&corpus, crate::index::Analyzer::new(&[]));
        let provenance = crate::provenance::Provenance::analyze(&corpus);
        let settings = crate::config::Settings::default();
        let claim = "The Taliban released 780 TTP prisoners in 2021";
        let figures = crate::figure::extract_figures(claim);
        let verdict = |retriever: &dyn Retriever| {
            let ctx = Context {
                corpus: &corpus,
                index: &index,
                retriever,
                provenance: &provenance,
                settings: &settings,
            };
            judge_claim(ctx, claim, &figures, &Citation::Uncited, &[])[0].verdict
        };
        assert_eq!(verdict(&index), Verdict::Supported);
        assert_eq!(verdict(&Nothing), Verdict::Unattributed);
    }
}
