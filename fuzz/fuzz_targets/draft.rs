#![no_main]
//! See fuzz/README.md and `claimcheck_fuzz::props::draft` for the properties checked.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    claimcheck_fuzz::props::draft_bytes(data);
});
