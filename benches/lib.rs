//! Criterion benchmarks of numjit live in `benches/*.rs` of this package; run them with
//! `cargo bench -p numjit_benches`. `parser` measures lexer and parser throughput in MB/s on
//! a fixed set of CPython 3.11 standard-library files.
