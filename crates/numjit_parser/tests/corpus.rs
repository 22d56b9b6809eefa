//! The file corpora of the parser, one insta snapshot per file:
//! - `test_data/ok/*.py` parse without errors; the snapshot is the syntax tree (`{:#?}`);
//! - `test_data/err/*.py` are rejected; the snapshot is every diagnostic rendered as users see
//!   it.
//!
//! Every file was checked against CPython 3.11 (`ast.parse` accepts each ok file and rejects
//! each err file; the err files' first line quotes CPython's message). Node and diagnostic
//! ranges must lie inside the source, and every node's inside its parent's.
//! Bless new snapshots with `cargo insta review` (or `INSTA_UPDATE=always`) after reading them.

mod support;

use std::path::Path;

fn file_name(path: &Path) -> &str {
    path.file_name().and_then(|name| name.to_str()).expect("corpus file names are UTF-8")
}

fn snapshot_name(kind: &str, path: &Path) -> String {
    let stem = path.file_stem().and_then(|stem| stem.to_str()).expect("corpus file names are UTF-8");
    format!("{kind}__{stem}")
}

/// The first line of the file, shown in the snapshot's header (the topic, or CPython's error).
fn description(source: &str) -> String {
    source.lines().next().unwrap_or("").trim_start_matches('\u{feff}').to_owned()
}

fn parses_without_errors(path: &Path) -> datatest_stable::Result<()> {
    let source = support::read_source(path)?;
    let parsed = numjit_parser::parse_module(&source);
    if !parsed.errors.is_empty() {
        return Err(format!(
            "{} should parse without errors but gave:\n{}",
            path.display(),
            support::render_errors(file_name(path), &source, &parsed)
        )
        .into());
    }
    let violations = support::range_violations(&source, &parsed);
    if !violations.is_empty() {
        return Err(format!("{}: bad ranges:\n{}", path.display(), violations.join("\n")).into());
    }
    insta::with_settings!({
        description => description(&source),
        omit_expression => true,
    }, {
        insta::assert_snapshot!(snapshot_name("ok", path), format!("{:#?}", parsed.module));
    });
    Ok(())
}

fn is_rejected_with_diagnostics(path: &Path) -> datatest_stable::Result<()> {
    let source = support::read_source(path)?;
    let parsed = numjit_parser::parse_module(&source);
    if parsed.errors.is_empty() {
        return Err(format!("{} should be rejected but parsed without errors", path.display()).into());
    }
    let violations = support::range_violations(&source, &parsed);
    if !violations.is_empty() {
        return Err(format!("{}: bad ranges:\n{}", path.display(), violations.join("\n")).into());
    }
    insta::with_settings!({
        description => description(&source),
        omit_expression => true,
    }, {
        insta::assert_snapshot!(snapshot_name("err", path), support::render_errors(file_name(path), &source, &parsed));
    });
    Ok(())
}

datatest_stable::harness! {
    { test = parses_without_errors, root = "test_data/ok", pattern = r"\.py$" },
    { test = is_rejected_with_diagnostics, root = "test_data/err", pattern = r"\.py$" },
}
