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
}

impl Retriever for Index {
    fn candidates(&self, query: &[Term], k: usize, also: &dyn Fn(usize) -> bool) -> Vec<usize> {
        Index::candidates(self, query, k, also)
    }

    fn passages_with_value(&self, value: f64) -> Cow<'_, [u32]> {
        Cow::Borrowed(Index::passages_with_value(self, value))
    }
}
