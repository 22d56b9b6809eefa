//! libFuzzer target: source that parses goes through `Env::from_module`, type inference of
//! every function for several argument-type signatures (int64, float64, mixed, tuples,
//! optionals) and lowering to IR under both error models. Nothing may panic, every
//! diagnostic must lie inside the source and render, and lowering must never report IR the
//! verifier rejects (the same checks as the proptest in `crates/numjit_lower/tests/fuzz.rs`).
#![no_main]

#[path = "../../crates/numjit_lower/tests/support/through_lower.rs"]
mod through_lower;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else { return };
    through_lower::through_lower(source);
});
