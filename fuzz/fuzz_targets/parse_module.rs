//! libFuzzer target: `parse_module` on arbitrary UTF-8 input must not panic, every diagnostic
//! must lie inside the source and render, and every node's range must lie inside its parent's
//! (the same checks as the proptest suite in `crates/numjit_parser/tests/fuzz.rs`).
#![no_main]

#[path = "../../crates/numjit_parser/tests/support/ranges.rs"]
mod ranges;

use libfuzzer_sys::fuzz_target;
use numjit_diagnostics::{RenderOptions, SourceFile, render};

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else { return };
    let parsed = numjit_parser::parse_module(source);
    let violations = ranges::node_range_violations(source, &parsed.module);
    assert!(violations.is_empty(), "bad node ranges:\n{}", violations.join("\n"));
    let file = SourceFile::new("fuzz.py", source);
    for error in &parsed.errors {
        assert!(usize::from(error.range.end()) <= source.len(), "error range {:?} past the end", error.range);
        let rendered = render(&error.to_diagnostic(), &file, RenderOptions::default());
        assert!(!rendered.is_empty());
    }
});
