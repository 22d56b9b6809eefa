//! The type-inference corpus: `test_data/*.py`, annotated Python programs.
//!
//! - The first line names the function and its argument types: `# infer: f(int64, float64)`.
//! - `# revealed: T` on a line: the type of what that line binds (the versions of the
//!   assignment or `for` targets that the line defines, as Numba types each SSA version;
//!   joined with `, ` for several), or of the returned / evaluated expression. With
//!   several specialisations of the same function the distinct types are joined with ` | `.
//! - `# error: [code]` on a line: a diagnostic with that code has its primary span on that
//!   line. Every diagnostic must be expected, and every expected one must appear.
//!
//! Each file also has an insta snapshot: the signature and return type, or the rendered
//! diagnostics. `tools/numba_oracle.py` checks the revealed types against Numba.

use std::path::Path;

use numjit_ast::{self as ast, Ranged};
use numjit_diagnostics::{RenderOptions, SourceFile, render};
use numjit_sema::hir::{Body, DefSite, VersionKind};
use numjit_sema::{Env, Ty, TypedBody, TypedProgram, infer_by_name};
use text_size::{TextRange, TextSize};

fn line_of(source: &str, offset: TextSize) -> usize {
    source[..usize::from(offset).min(source.len())].matches('\n').count() + 1
}

/// `# key: value` comments, by line.
fn annotations<'a>(source: &'a str, key: &str) -> Vec<(usize, &'a str)> {
    let marker = format!("# {key}:");
    source
        .lines()
        .enumerate()
        .filter_map(|(line_idx, line)| {
            let position = line.find(&marker)?;
            let text = &line[position + marker.len()..];
            // `# numba: ...` after an annotation documents a deliberate difference.
            let text = text.split("# numba:").next().unwrap_or(text);
            Some((line_idx + 1, text.trim()))
        })
        .collect()
}

/// Statements of every function in the module, with the range of the innermost `def`.
fn statements(module: &ast::ModModule) -> Vec<&ast::Stmt> {
    let mut out = Vec::new();
    let mut stack: Vec<&ast::Stmt> = module.body.iter().collect();
    while let Some(stmt) = stack.pop() {
        out.push(stmt);
        match stmt {
            ast::Stmt::FunctionDef(def) => stack.extend(def.body.iter()),
            ast::Stmt::If(if_) => stack.extend(if_.body.iter().chain(&if_.orelse)),
            ast::Stmt::For(for_) => stack.extend(for_.body.iter().chain(&for_.orelse)),
            ast::Stmt::While(while_) => stack.extend(while_.body.iter().chain(&while_.orelse)),
            ast::Stmt::Try(try_) => {
                stack.extend(try_.body.iter().chain(&try_.orelse).chain(&try_.finalbody));
                for handler in &try_.handlers {
                    stack.extend(handler.body.iter());
                }
            }
            _ => {}
        }
    }
    out
}

fn target_names(target: &ast::Expr, out: &mut Vec<String>) {
    match target {
        ast::Expr::Name(name) => out.push(name.id.to_string()),
        ast::Expr::Tuple(tuple) => tuple.elts.iter().for_each(|elt| target_names(elt, out)),
        ast::Expr::List(list) => list.elts.iter().for_each(|elt| target_names(elt, out)),
        _ => {}
    }
}

/// What a line reveals: local names, or an expression's range.
enum Revealed {
    Locals(Vec<String>),
    Expr(TextRange),
}

fn revealed_on(stmt: &ast::Stmt) -> Option<Revealed> {
    let mut names = Vec::new();
    match stmt {
        ast::Stmt::Assign(assign) => {
            assign.targets.iter().for_each(|target| target_names(target, &mut names))
        }
        ast::Stmt::AugAssign(assign) => target_names(&assign.target, &mut names),
        ast::Stmt::AnnAssign(assign) => target_names(&assign.target, &mut names),
        ast::Stmt::For(for_) => target_names(&for_.target, &mut names),
        ast::Stmt::Return(ret) => return ret.value.as_ref().map(|value| Revealed::Expr(value.range())),
        ast::Stmt::Expr(expr) => return Some(Revealed::Expr(expr.value.range())),
        _ => return None,
    }
    Some(Revealed::Locals(names))
}

/// The type of the version of `name` that the statement starting at `start` defines (the
/// last one, if it defines several; a `for` loop's tuple target is unpacked by a statement
/// at the target).
fn def_type_at<'a>(instance: &'a TypedBody, body: &Body, name: &str, starts: &[TextSize]) -> Option<&'a Ty> {
    let local = body.local_by_name(name)?;
    let mut found = None;
    for (version, data) in body.versions.versions.iter() {
        if data.local != local {
            continue;
        }
        let VersionKind::Def(DefSite::Stmt(stmt, _)) = data.kind else { continue };
        if starts.contains(&body.stmts[stmt].range.start()) {
            found = instance.version_type(version).or(found);
        }
    }
    found
}

/// The types a line reveals across every instance whose body holds it.
fn reveal(program: &TypedProgram, stmt: &ast::Stmt) -> Result<String, String> {
    let what = revealed_on(stmt).ok_or("this kind of statement reveals nothing")?;
    let offset = stmt.range().start();
    let mut starts = vec![offset];
    if let ast::Stmt::For(for_) = stmt {
        starts.push(for_.target.range().start());
    }
    // The innermost body holding the line.
    let innermost = program
        .finished_instances()
        .map(|(_, instance)| program.body_of(instance).range)
        .filter(|range| range.contains(offset))
        .min_by_key(|range| range.len())
        .ok_or("no instance holds this line")?;
    let mut shown: Vec<String> = Vec::new();
    for (_, instance) in program.finished_instances() {
        let body = program.body_of(instance);
        if body.range != innermost {
            continue;
        }
        let text = match &what {
            Revealed::Locals(names) => names
                .iter()
                .map(|name| def_type_at(instance, body, name, &starts).map_or("?".to_string(), Ty::to_string))
                .collect::<Vec<_>>()
                .join(", "),
            Revealed::Expr(range) => body
                .expr_at(*range)
                .and_then(|expr| instance.expr_types[expr].as_ref())
                .map_or("?".to_string(), Ty::to_string),
        };
        if !shown.contains(&text) {
            shown.push(text);
        }
    }
    Ok(shown.join(" | "))
}

fn check_file(path: &Path, source: String) -> datatest_stable::Result<()> {
    let header = source.lines().next().unwrap_or_default();
    let spec = header.strip_prefix("# infer: ").ok_or("the first line must be `# infer: f(types...)`")?;
    let open = spec.find('(').ok_or("`# infer:` needs `name(types)`")?;
    let name = spec[..open].trim();
    let signature = numjit_types::parse_signature(&spec[open..]).map_err(|error| error.to_string())?;
    let parsed = numjit_parser::parse_module(&source);
    if let Some(error) = parsed.errors.first() {
        return Err(format!("{}: syntax error: {}", path.display(), error.message()).into());
    }
    let (env, namespace, mut diagnostics) = Env::from_module(parsed.module.clone());
    let arg_types: Vec<Ty> = signature.args.into_iter().map(Ty::Value).collect();
    let program = match infer_by_name(&env, namespace, name, &arg_types) {
        Ok(program) => Some(program),
        Err(numjit_sema::SemaError::Diagnostics(found)) => {
            diagnostics.extend(found);
            None
        }
        Err(other) => return Err(other.to_string().into()),
    };
    let file_name = path.file_name().and_then(|name| name.to_str()).unwrap_or("test.py");
    let file = SourceFile::new(file_name, &source);
    let mut failures = Vec::new();

    // Errors: expected (line, code) pairs against the diagnostics' primary lines.
    let mut expected: Vec<(usize, String)> = annotations(&source, "error")
        .into_iter()
        .map(|(line, code)| (line, code.trim_matches(['[', ']']).to_string()))
        .collect();
    let mut rendered = Vec::new();
    for diagnostic in &diagnostics {
        rendered.push(render(diagnostic, &file, RenderOptions::default()));
        let line = diagnostic.primary_range().map(|range| line_of(&source, range.start()));
        let found = line.and_then(|line| {
            expected
                .iter()
                .position(|(expected_line, code)| *expected_line == line && code == diagnostic.code.as_str())
        });
        match found {
            Some(position) => {
                expected.remove(position);
            }
            None => failures.push(format!(
                "unexpected diagnostic on line {line:?}:\n{}",
                render(diagnostic, &file, RenderOptions::default())
            )),
        }
    }
    for (line, code) in expected {
        failures.push(format!("line {line}: expected a diagnostic [{code}], found none"));
    }

    // Revealed types.
    let reveals = annotations(&source, "revealed");
    if let Some(program) = &program {
        let stmts = statements(&parsed.module);
        for (line, expected) in reveals {
            let stmt = stmts
                .iter()
                .filter(|stmt| line_of(&source, stmt.range().start()) == line)
                .min_by_key(|stmt| stmt.range().len());
            let Some(stmt) = stmt else {
                failures.push(format!("line {line}: no statement starts here"));
                continue;
            };
            match reveal(program, stmt) {
                Ok(found) if found == expected => {}
                Ok(found) => failures.push(format!("line {line}: revealed `{found}`, expected `{expected}`")),
                Err(why) => failures.push(format!("line {line}: {why}")),
            }
        }
    } else if !reveals.is_empty() && failures.is_empty() {
        failures.push("the file has `# revealed:` lines but inference failed".to_string());
    }
    if !failures.is_empty() {
        return Err(format!("{}:\n{}", path.display(), failures.join("\n")).into());
    }

    let snapshot = match &program {
        Some(program) => {
            let entry = program.entry();
            let args: Vec<String> = entry.arg_types.iter().map(ToString::to_string).collect();
            format!("{name}({}) -> {}", args.join(", "), entry.return_type)
        }
        None => rendered.join("\n\n"),
    };
    let stem = path.file_stem().and_then(|stem| stem.to_str()).unwrap_or("test");
    insta::with_settings!({
        description => header.to_string(),
        omit_expression => true,
        prepend_module_to_snapshot => false,
    }, {
        insta::assert_snapshot!(stem.to_string(), snapshot);
    });
    Ok(())
}

datatest_stable::harness! {
    { test = check_file, root = "test_data", pattern = r"^.*\.py$" },
}
