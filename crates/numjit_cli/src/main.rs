//! The `numjit` command-line tool (being written).
fn main() {}
