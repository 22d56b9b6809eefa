//! Python 3.11 parser: source text → [`numjit_ast`] tree plus syntax errors.
//!
//! Pipeline: `lexer` (logos) → indentation layer (INDENT/DEDENT/NEWLINE, brackets, soft
//! keywords) → LALRPOP grammar (`python.lalrpop`) → AST. String literals are decoded and
//! f-strings parsed in `string`. The entry points never panic, whatever the input.
//! (Being written.)

pub mod token;
