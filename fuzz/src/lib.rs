//! Shared code of the claimcheck fuzz targets. The properties live in `props.rs`, which
//! `tests/fuzz_regressions.rs` includes too, so a regression test checks exactly what
//! the fuzzer checked.

#[path = "props.rs"]
pub mod props;
