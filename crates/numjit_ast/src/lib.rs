//! Python 3.11 abstract syntax tree, modelled on CPython's `ast` module.
//!
//! Node names follow `ast` with the category as prefix (`StmtFor`, `ExprBinOp`), so anyone who
//! knows Python's AST can read this crate. Every node carries the [`TextRange`] of the source it
//! came from; downstream phases use it for diagnostics.
//!
//! (Work in progress: the node types are being written.)

pub use text_size::{TextRange, TextSize};

/// The value of an integer literal. Python integers are unbounded; literals that fit in `u64`
/// (literals are never negative: `-1` is a unary minus) are stored inline.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Int {
    /// A literal that fits in 64 unsigned bits.
    Small(u64),
    /// A larger literal, as its decimal digits (no sign, no leading zeros).
    Big(Box<str>),
}
