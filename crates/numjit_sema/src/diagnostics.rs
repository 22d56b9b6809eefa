//! The diagnostic codes numjit_sema reports, and helpers that build its common messages.
//!
//! Codes are stable (tests and users match on them); messages may change.

use numjit_diagnostics::{Diagnostic, DiagnosticCode};
use text_size::TextRange;

/// Two types that must be one cannot be unified (`x = 0` then `x = (1, 2)`).
pub const TYPE_MISMATCH: DiagnosticCode = DiagnosticCode("type-mismatch");
/// Valid Python that numjit does not compile (classes, generators, `with`, ...).
pub const UNSUPPORTED: DiagnosticCode = DiagnosticCode::UNSUPPORTED;
/// A name that is neither local, global nor builtin.
pub const UNDEFINED_NAME: DiagnosticCode = DiagnosticCode("undefined-name");
/// A local variable read where no path has assigned it.
pub const UNBOUND_LOCAL: DiagnosticCode = DiagnosticCode("unbound-local");
/// A call with the wrong number or names of arguments.
pub const WRONG_ARGUMENTS: DiagnosticCode = DiagnosticCode("wrong-arguments");
/// An operator or function applied to types it does not accept.
pub const INVALID_OPERAND: DiagnosticCode = DiagnosticCode("invalid-operand");
/// Writing to a read-only array (setitem, an augmented assignment, `fill`, `sort`).
pub const READONLY_ARRAY: DiagnosticCode = DiagnosticCode("readonly-array");
/// An index an array's type cannot take: too many indices, a float, two ellipses.
pub const INVALID_INDEX: DiagnosticCode = DiagnosticCode("invalid-index");
/// A recursive function whose every return path recurses.
pub const RECURSION_WITHOUT_BASE_CASE: DiagnosticCode = DiagnosticCode("recursion-without-base-case");
/// Source nested deeper than the compiler's fixed limits.
pub const TOO_DEEP: DiagnosticCode = DiagnosticCode("nesting-too-deep");

/// "`what` is not supported" pointing at `range`, with advice.
pub fn unsupported(what: &str, range: TextRange, help: &str) -> Diagnostic {
    let diagnostic = Diagnostic::error(UNSUPPORTED, format!("{what} is not supported in compiled code"))
        .with_primary(range, format!("{what} used here"));
    if help.is_empty() { diagnostic } else { diagnostic.with_help(help.to_string()) }
}

/// "expression nested too deeply" at `range`.
pub fn too_deep(range: TextRange) -> Diagnostic {
    Diagnostic::error(TOO_DEEP, "expression nested too deeply")
        .with_primary(range, "this nests deeper than numjit's limit")
        .with_help("split the expression or block into smaller parts assigned to variables")
}

/// The closest of `candidates` to `name`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut best: Option<(f64, &'a str)> = None;
    for candidate in candidates {
        if candidate == name || candidate.starts_with('$') {
            continue;
        }
        let score = strsim::jaro_winkler(name, candidate);
        if score >= 0.8 && best.is_none_or(|(best_score, _)| score > best_score) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(did_you_mean("totl", ["total", "x", "count"]), Some("total"));
        assert_eq!(did_you_mean("zzz", ["total", "x"]), None);
        assert_eq!(did_you_mean("x", ["x"]), None);
    }
}
