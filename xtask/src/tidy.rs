//! `cargo xtask tidy`: the architecture invariants of docs/ARCHITECTURE.md, checked by
//! reading the code rather than trusting reviewers.
//!
//! 1. Crate layering: every workspace crate appears in the layer table of
//!    docs/ARCHITECTURE.md, its dependencies on other workspace crates are among those the
//!    table allows, and the table itself has no upward edges (a crate may only name crates
//!    in rows above it).
//! 2. Confinement: inkwell only in numjit_llvm, pyo3 only in numjit_python, rayon only in
//!    numjit_runtime.
//! 3. Every `.rs` file starts with a `//!` doc comment.
//! 4. No pending insta snapshots (`.snap.new`, `.pending-snap`) and no stubs (the
//!    unfinished-code macros, ignored tests, tests expecting a panic) in the tree.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use xshell::{Shell, cmd};

/// Third-party crates that exactly one workspace crate may import.
const CONFINED: &[(&str, &str)] =
    &[("inkwell", "numjit_llvm"), ("pyo3", "numjit_python"), ("rayon", "numjit_runtime")];

pub fn run(sh: &Shell, root: &Path) -> anyhow::Result<()> {
    let mut problems = Vec::new();
    let table = read_layer_table(&root.join("docs/ARCHITECTURE.md"))?;
    check_table_has_no_upward_edges(&table, &mut problems);
    let metadata = cargo_metadata(sh)?;
    check_dependencies(&metadata, &table, &mut problems);
    check_files(root, &mut problems)?;
    if problems.is_empty() {
        eprintln!("tidy: {} crates in layer order, all files documented, no stubs", metadata.len());
        Ok(())
    } else {
        for problem in &problems {
            eprintln!("tidy: {problem}");
        }
        bail!("tidy found {} problem(s)", problems.len())
    }
}

/// One row of the layer table: a crate and the workspace crates it may depend on.
#[derive(Debug)]
struct Layer {
    name: String,
    allowed: Allowed,
}

#[derive(Debug)]
enum Allowed {
    /// An explicit list of crates.
    Crates(BTreeSet<String>),
    /// "everything above": any crate in an earlier row.
    EverythingAbove,
}

/// Reads the markdown table whose header has the columns `crate` and `depends on`.
/// Crate names in the "depends on" cell may omit the `numjit_` prefix.
fn read_layer_table(path: &Path) -> anyhow::Result<Vec<Layer>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let rows = parse_layer_table(&text);
    if rows.is_empty() {
        bail!("{}: no layer table (a markdown table with columns `crate` and `depends on`)", path.display());
    }
    Ok(rows)
}

fn parse_layer_table(text: &str) -> Vec<Layer> {
    let mut rows = Vec::new();
    let mut columns: Option<(usize, usize)> = None;
    for line in text.lines() {
        let line = line.trim();
        if !line.starts_with('|') {
            if columns.is_some() && !rows.is_empty() {
                break;
            }
            continue;
        }
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        let Some((crate_column, depends_column)) = columns else {
            let crate_column = cells.iter().position(|cell| cell.eq_ignore_ascii_case("crate"));
            let depends_column = cells.iter().position(|cell| cell.eq_ignore_ascii_case("depends on"));
            if let (Some(crate_column), Some(depends_column)) = (crate_column, depends_column) {
                columns = Some((crate_column, depends_column));
            }
            continue;
        };
        if cells.iter().all(|cell| cell.chars().all(|c| c == '-' || c == ':')) {
            continue;
        }
        let name = cells.get(crate_column).unwrap_or(&"").trim_matches('`').to_owned();
        let depends = cells.get(depends_column).unwrap_or(&"");
        let allowed =
            if depends.contains("everything above") {
                Allowed::EverythingAbove
            } else {
                Allowed::Crates(
                    depends
                        .split(',')
                        .map(|name| name.trim().trim_matches('`'))
                        .filter(|name| !name.is_empty() && *name != "—" && *name != "-")
                        .map(|name| {
                            if name.starts_with("numjit") {
                                name.to_owned()
                            } else {
                                format!("numjit_{name}")
                            }
                        })
                        .collect(),
                )
            };
        rows.push(Layer { name, allowed });
    }
    rows
}

fn check_table_has_no_upward_edges(table: &[Layer], problems: &mut Vec<String>) {
    for (row, layer) in table.iter().enumerate() {
        if let Allowed::Crates(allowed) = &layer.allowed {
            for dependency in allowed {
                let above = table[..row].iter().any(|earlier| &earlier.name == dependency);
                if !above {
                    problems.push(format!(
                        "layer table: `{}` may depend on `{dependency}`, which is not in a row above it",
                        layer.name
                    ));
                }
            }
        }
    }
}

/// A workspace package: its direct dependencies by kind.
#[derive(Debug)]
struct Package {
    /// Normal and build dependencies.
    dependencies: BTreeSet<String>,
    dev_dependencies: BTreeSet<String>,
}

fn cargo_metadata(sh: &Shell) -> anyhow::Result<BTreeMap<String, Package>> {
    let json = cmd!(sh, "cargo metadata --format-version 1 --no-deps").read()?;
    let value: serde_json::Value = serde_json::from_str(&json)?;
    let mut packages = BTreeMap::new();
    for package in value["packages"].as_array().context("cargo metadata: no packages")? {
        let name = package["name"].as_str().context("package without name")?.to_owned();
        let mut dependencies = BTreeSet::new();
        let mut dev_dependencies = BTreeSet::new();
        for dependency in package["dependencies"].as_array().into_iter().flatten() {
            let Some(dependency_name) = dependency["name"].as_str() else { continue };
            if dependency["kind"].as_str() == Some("dev") {
                dev_dependencies.insert(dependency_name.to_owned());
            } else {
                dependencies.insert(dependency_name.to_owned());
            }
        }
        packages.insert(name, Package { dependencies, dev_dependencies });
    }
    Ok(packages)
}

fn check_dependencies(packages: &BTreeMap<String, Package>, table: &[Layer], problems: &mut Vec<String>) {
    let is_ours = |name: &str| packages.contains_key(name);
    for (name, package) in packages {
        let Some(row) = table.iter().position(|layer| &layer.name == name) else {
            problems.push(format!("crate `{name}` is missing from the layer table in docs/ARCHITECTURE.md"));
            continue;
        };
        let above: BTreeSet<&str> = table[..row].iter().map(|layer| layer.name.as_str()).collect();
        for dependency in package.dependencies.iter().filter(|dependency| is_ours(dependency)) {
            let allowed = match &table[row].allowed {
                Allowed::EverythingAbove => above.contains(dependency.as_str()),
                Allowed::Crates(allowed) => allowed.contains(dependency),
            };
            if !allowed {
                problems.push(format!(
                    "`{name}` depends on `{dependency}`, which the layer table does not allow"
                ));
            }
        }
        // Tests may use any lower layer, never a higher one.
        for dependency in package.dev_dependencies.iter().filter(|dependency| is_ours(dependency)) {
            if !above.contains(dependency.as_str()) {
                problems.push(format!("`{name}` has a dev-dependency on `{dependency}`, a higher layer"));
            }
        }
        for (confined, owner) in CONFINED {
            let uses =
                package.dependencies.contains(*confined) || package.dev_dependencies.contains(*confined);
            if uses && name != owner {
                problems.push(format!("`{name}` depends on `{confined}`, which only `{owner}` may use"));
            }
        }
    }
}

/// Unfinished code and disabled tests. Spelled with `concat!` so that this file does not
/// match its own patterns (the before-stop hook greps the tree for them).
const STUB_PATTERNS: [&str; 4] = [
    concat!("todo", "!("),
    concat!("unimplemented", "!("),
    concat!("#[", "ignore"),
    concat!("#[", "should_", "panic"),
];

/// Directories never scanned.
const SKIPPED_DIRECTORIES: &[&str] = &["target", ".git", ".venv", "node_modules", "corpus", "artifacts"];

fn check_files(root: &Path, problems: &mut Vec<String>) -> anyhow::Result<()> {
    let mut pending = vec![root.to_path_buf()];
    let mut rust_files: Vec<PathBuf> = Vec::new();
    while let Some(directory) = pending.pop() {
        for entry in std::fs::read_dir(&directory)? {
            let entry = entry?;
            let path = entry.path();
            let file_name = entry.file_name();
            let file_name = file_name.to_string_lossy();
            if entry.file_type()?.is_dir() {
                if !SKIPPED_DIRECTORIES.contains(&file_name.as_ref()) {
                    pending.push(path);
                }
            } else if file_name.ends_with(".snap.new") || file_name.ends_with(".pending-snap") {
                problems.push(format!(
                    "{}: pending insta snapshot; review it with `cargo insta review`",
                    relative(root, &path)
                ));
            } else if file_name.ends_with(".rs") {
                rust_files.push(path);
            }
        }
    }
    rust_files.sort();
    for path in &rust_files {
        let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let generated = path.components().any(|component| component.as_os_str() == "generated");
        if !generated && !text.trim_start().starts_with("//!") {
            problems.push(format!(
                "{}: must start with a `//!` comment saying what the file is for",
                relative(root, path)
            ));
        }
        for (line_idx, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for pattern in STUB_PATTERNS {
                if code.contains(pattern) {
                    problems.push(format!(
                        "{}:{}: `{pattern}` — finish it or leave a FIXME",
                        relative(root, path),
                        line_idx + 1
                    ));
                }
            }
        }
    }
    Ok(())
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root).unwrap_or(path).display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(markdown: &str) -> Vec<Layer> {
        parse_layer_table(markdown)
    }

    const TABLE: &str = "intro\n\n| crate | purpose | depends on |\n|---|---|---|\n\
        | numjit_ast | ast | — |\n| numjit_parser | parser | ast |\n| numjit | facade | everything above |\n\nafter\n";

    fn package(dependencies: &[&str]) -> Package {
        Package {
            dependencies: dependencies.iter().map(|name| (*name).to_owned()).collect(),
            dev_dependencies: BTreeSet::new(),
        }
    }

    #[test]
    fn reads_rows_and_prefixes_short_names() {
        let table = table(TABLE);
        assert_eq!(table.len(), 3);
        assert!(matches!(&table[1].allowed, Allowed::Crates(set) if set.contains("numjit_ast")));
        assert!(matches!(table[2].allowed, Allowed::EverythingAbove));
    }

    #[test]
    fn flags_upward_and_unlisted_edges_and_confined_crates() {
        let table = table(TABLE);
        let mut packages = BTreeMap::new();
        packages.insert("numjit_ast".to_owned(), package(&["numjit_parser", "text-size"]));
        packages.insert("numjit_parser".to_owned(), package(&["numjit_ast", "rayon"]));
        packages.insert("numjit".to_owned(), package(&["numjit_parser", "numjit_ast"]));
        packages.insert("numjit_extra".to_owned(), package(&[]));
        let mut problems = Vec::new();
        check_dependencies(&packages, &table, &mut problems);
        assert_eq!(problems.len(), 3, "{problems:#?}");
        assert!(problems.iter().any(|p| p.contains("`numjit_ast` depends on `numjit_parser`")));
        assert!(problems.iter().any(|p| p.contains("`rayon`")));
        assert!(problems.iter().any(|p| p.contains("`numjit_extra` is missing")));
    }

    #[test]
    fn table_rows_may_not_name_lower_rows() {
        let table = table("| crate | depends on |\n|---|---|\n| numjit_a | b |\n| numjit_b | — |\n");
        let mut problems = Vec::new();
        check_table_has_no_upward_edges(&table, &mut problems);
        assert_eq!(problems.len(), 1, "{problems:#?}");
    }
}
