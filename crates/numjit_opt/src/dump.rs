//! `NUMJIT_DUMP_IR`: which IR snapshots the pass manager prints, and where.
//!
//! The variable holds a comma-separated list of items:
//! - `all`: the module before the first pass and after every pass;
//! - `before:PASS` / `after:PASS`: the module before or after each run of that pass. `PASS`
//!   is a pass name (`fold_constants`) or its leading words (`inline` names
//!   `inline_functions`).
//!
//! Dumps go to stderr, or are appended to the file `NUMJIT_DUMP_IR_PATH` names. Each dump
//! starts with a comment line `; NUMJIT_DUMP_IR after fold_constants`, so a dump is itself
//! a `.nir` file that parses.

use std::fmt;
use std::path::PathBuf;

/// Before or after a pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DumpPoint {
    /// Before the pass runs.
    Before,
    /// After the pass ran.
    After,
}

impl fmt::Display for DumpPoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DumpPoint::Before => "before",
            DumpPoint::After => "after",
        })
    }
}

/// The parsed value of `NUMJIT_DUMP_IR`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DumpSpec {
    /// `all` was given.
    pub all: bool,
    /// The `before:`/`after:` items, in the order given.
    pub points: Vec<(DumpPoint, String)>,
}

impl DumpSpec {
    /// Parses the variable's value; an empty value asks for nothing.
    pub fn parse(text: &str) -> Result<DumpSpec, String> {
        let mut spec = DumpSpec::default();
        for item in text.split(',').map(str::trim).filter(|item| !item.is_empty()) {
            if item == "all" {
                spec.all = true;
                continue;
            }
            let (point, pass) = match item.split_once(':') {
                Some(("before", pass)) => (DumpPoint::Before, pass.trim()),
                Some(("after", pass)) => (DumpPoint::After, pass.trim()),
                _ => {
                    return Err(format!(
                        "NUMJIT_DUMP_IR: `{item}` is not `all`, `before:PASS` or `after:PASS`"
                    ));
                }
            };
            if pass.is_empty() || !pass.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                return Err(format!("NUMJIT_DUMP_IR: `{item}` does not name a pass"));
            }
            spec.points.push((point, pass.to_owned()));
        }
        Ok(spec)
    }

    /// Whether nothing is asked for.
    pub fn is_empty(&self) -> bool {
        !self.all && self.points.is_empty()
    }

    /// Whether to dump at `point` of the pass `pass_name`. `all` covers every `after`; the
    /// dump before the first pass is the manager's business.
    pub fn wants(&self, point: DumpPoint, pass_name: &str) -> bool {
        (self.all && point == DumpPoint::After)
            || self.points.iter().any(|(wanted_point, wanted)| {
                *wanted_point == point
                    && (pass_name == wanted
                        || pass_name.strip_prefix(wanted.as_str()).is_some_and(|rest| rest.starts_with('_')))
            })
    }
}

/// Where dumps go.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum DumpSink {
    /// Standard error.
    #[default]
    Stderr,
    /// Appended to a file.
    File(PathBuf),
    /// Kept in memory (for tests and for tools that show them).
    Memory(Vec<String>),
}

/// The dump settings of `NUMJIT_DUMP_IR` and `NUMJIT_DUMP_IR_PATH` given as values (the
/// environment variables' contents); `Ok(None)` when nothing is asked for.
pub fn dump_settings(
    dump_ir: Option<&str>,
    dump_ir_path: Option<&str>,
) -> Result<Option<(DumpSpec, DumpSink)>, String> {
    let Some(text) = dump_ir else { return Ok(None) };
    let spec = DumpSpec::parse(text)?;
    if spec.is_empty() {
        return Ok(None);
    }
    let sink = match dump_ir_path.map(str::trim) {
        Some(path) if !path.is_empty() => DumpSink::File(PathBuf::from(path)),
        _ => DumpSink::Stderr,
    };
    Ok(Some((spec, sink)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: &str) {
        let actual = match DumpSpec::parse(text) {
            Ok(spec) => {
                let mut parts: Vec<String> = Vec::new();
                if spec.all {
                    parts.push("all".to_owned());
                }
                parts.extend(spec.points.iter().map(|(point, pass)| format!("{point} {pass}")));
                parts.join("; ")
            }
            Err(message) => format!("error: {message}"),
        };
        assert_eq!(actual, expect);
    }

    #[test]
    fn parses_items() {
        check("after:fold_constants", "after fold_constants");
        check(" before:inline , all,after:simplify_cfg ", "all; before inline; after simplify_cfg");
        check("", "");
        check("all", "all");
        check("during:x", "error: NUMJIT_DUMP_IR: `during:x` is not `all`, `before:PASS` or `after:PASS`");
        check("after:", "error: NUMJIT_DUMP_IR: `after:` does not name a pass");
        check("after:a b", "error: NUMJIT_DUMP_IR: `after:a b` does not name a pass");
    }

    #[test]
    fn matches_pass_names_and_leading_words() {
        let spec = DumpSpec::parse("before:inline,after:fold_constants").expect("parses");
        assert!(spec.wants(DumpPoint::Before, "inline_functions"));
        assert!(!spec.wants(DumpPoint::After, "inline_functions"));
        assert!(!spec.wants(DumpPoint::Before, "inliner"));
        assert!(spec.wants(DumpPoint::After, "fold_constants"));
        assert!(!spec.wants(DumpPoint::After, "fold"));
        let all = DumpSpec::parse("all").expect("parses");
        assert!(all.wants(DumpPoint::After, "simplify_cfg") && !all.wants(DumpPoint::Before, "simplify_cfg"));
    }

    #[test]
    fn settings_from_variable_values() {
        assert_eq!(dump_settings(None, Some("/tmp/x")), Ok(None));
        assert_eq!(dump_settings(Some(" "), None), Ok(None));
        let (spec, sink) = dump_settings(Some("all"), Some("/tmp/ir.nir")).expect("valid").expect("some");
        assert!(spec.all);
        assert_eq!(sink, DumpSink::File(PathBuf::from("/tmp/ir.nir")));
        let (_, sink) = dump_settings(Some("after:inline"), Some("")).expect("valid").expect("some");
        assert_eq!(sink, DumpSink::Stderr);
        assert!(dump_settings(Some("bogus"), None).is_err());
    }
}
