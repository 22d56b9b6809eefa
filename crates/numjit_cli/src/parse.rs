//! `numjit parse`: parse files or directory trees and report every syntax error.
//!
//! Files are parsed on all cores; output is in sorted path order so runs are reproducible.
//! Exit status: 0 when every file parsed, 1 when some failed, 2 for usage errors.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use numjit_ast as ast;
use numjit_ast::Ranged as _;
use numjit_diagnostics::{Diagnostic, DiagnosticCode, RenderOptions, SourceFile, render};
use numjit_parser::source::decode_source;

/// Arguments of `numjit parse`.
#[derive(Debug, clap::Args)]
pub struct ParseArgs {
    /// Files or directories (searched recursively for `*.py`).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Print the AST of the (single) file.
    #[arg(long, conflicts_with = "summary")]
    dump_ast: bool,
    /// Print an outline of each file: functions, their parameters, decorators and loops.
    #[arg(long)]
    summary: bool,
    /// Colour diagnostics: auto (when stderr is a terminal), always or never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// What parsing one file produced.
struct FileReport {
    path: PathBuf,
    /// Rendered diagnostics, empty when the file parsed.
    rendered_errors: Vec<String>,
    /// `--dump-ast` or `--summary` output.
    output: String,
}

pub fn run(args: &ParseArgs) -> anyhow::Result<ExitCode> {
    let files = collect_python_files(&args.paths)?;
    if args.dump_ast && files.len() != 1 {
        bail!("--dump-ast takes exactly one file, got {}", files.len());
    }
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::io::stderr().is_terminal(),
    };
    let reports = parse_all(&files, args, RenderOptions { color });

    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();
    let mut n_failed = 0;
    for report in &reports {
        if !report.output.is_empty() {
            writeln!(stdout, "{}", report.output)?;
        }
        if !report.rendered_errors.is_empty() {
            n_failed += 1;
            for rendered in &report.rendered_errors {
                writeln!(stderr, "{rendered}\n")?;
            }
        }
    }
    stderr.flush()?;
    if !args.dump_ast {
        writeln!(stdout, "parsed {} files, {n_failed} failed", reports.len())?;
    }
    Ok(if n_failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// Expands directories into their `*.py` files (sorted, not following directory symlinks);
/// explicit file arguments are taken whatever their extension.
fn collect_python_files(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        let metadata = std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
        if metadata.is_dir() {
            walk_directory(path, &mut files)?;
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

fn walk_directory(directory: &Path, files: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    let mut pending = vec![directory.to_path_buf()];
    let mut found = Vec::new();
    while let Some(directory) = pending.pop() {
        let entries =
            std::fs::read_dir(&directory).with_context(|| format!("cannot list {}", directory.display()))?;
        for entry in entries {
            let entry = entry.with_context(|| format!("cannot list {}", directory.display()))?;
            let file_type = entry.file_type()?;
            let path = entry.path();
            if file_type.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|extension| extension == "py")
                && (file_type.is_file() || path.is_file())
            {
                found.push(path);
            }
        }
    }
    found.sort();
    files.extend(found);
    Ok(())
}

/// Stack size of the parser threads.
const WORKER_STACK_BYTES: usize = 64 << 20;

fn parse_all(files: &[PathBuf], args: &ParseArgs, options: RenderOptions) -> Vec<FileReport> {
    let n_threads = std::thread::available_parallelism().map_or(1, usize::from).min(files.len().max(1));
    let chunk_size = files.len().div_ceil(n_threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(chunk_size)
            .map(|chunk| {
                // Printing or walking a tree the parser accepts (up to 6,000 levels deep) needs
                // more than the default 2 MiB thread stack; the reservation is virtual memory.
                std::thread::Builder::new().stack_size(WORKER_STACK_BYTES).spawn_scoped(scope, move || {
                    chunk.iter().map(|path| parse_file(path, args, options)).collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| {
                worker.map_err(drop).and_then(|worker| worker.join().map_err(drop)).unwrap_or_else(|()| {
                    vec![FileReport {
                        path: PathBuf::from("<worker>"),
                        rendered_errors: vec!["error: internal error: a parser thread panicked".to_owned()],
                        output: String::new(),
                    }]
                })
            })
            .collect()
    })
}

fn parse_file(path: &Path, args: &ParseArgs, options: RenderOptions) -> FileReport {
    let name = path.display().to_string();
    let mut report =
        FileReport { path: path.to_path_buf(), rendered_errors: Vec::new(), output: String::new() };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => {
            report.rendered_errors.push(format!("error: cannot read {name}: {error}"));
            return report;
        }
    };
    let source = match decode_source(&bytes) {
        Ok(source) => source,
        Err(error) => {
            let diagnostic = Diagnostic::error(DiagnosticCode::SYNTAX_ERROR, error.to_string());
            report.rendered_errors.push(render(&diagnostic, &SourceFile::new(&name, ""), options));
            return report;
        }
    };
    let parsed = numjit_parser::parse_module(&source);
    let file = SourceFile::new(&name, &source);
    report.rendered_errors =
        parsed.errors.iter().map(|error| render(&error.to_diagnostic(), &file, options)).collect();
    if args.dump_ast {
        report.output = format!("{:#?}", parsed.module);
    } else if args.summary && parsed.errors.is_empty() {
        report.output = summarize(&report.path, &source, &parsed.module);
    }
    report
}

/// A short outline of a module: one line per function or class (with line number,
/// decorators and parameters) and the loops and calls inside functions.
fn summarize(path: &Path, source: &str, module: &ast::ModModule) -> String {
    let mut out = format!("{} ({} statements)\n", path.display(), module.body.len());
    let file = SourceFile::new("", source);
    for stmt in &module.body {
        summarize_stmt(stmt, &file, 1, &mut out);
    }
    out.trim_end().to_owned()
}

fn summarize_stmt(stmt: &ast::Stmt, file: &SourceFile<'_>, depth: usize, out: &mut String) {
    let indent = "  ".repeat(depth);
    let line = |range: ast::TextRange| file.line_col(range.start()).0;
    match stmt {
        ast::Stmt::FunctionDef(def) => {
            let decorators: Vec<String> = def
                .decorator_list
                .iter()
                .map(|decorator| format!("@{}", expr_text(decorator, file)))
                .collect();
            let params = parameter_names(&def.args);
            let _ = writeln!(
                out,
                "{indent}line {}: {}def {}({}){}",
                line(def.name.range),
                if def.is_async { "async " } else { "" },
                def.name.id,
                params.join(", "),
                if decorators.is_empty() { String::new() } else { format!("  {}", decorators.join(" ")) },
            );
            let mut counts = Counts::default();
            for inner in &def.body {
                count_stmt(inner, &mut counts);
            }
            let _ = writeln!(
                out,
                "{indent}  {} statements, {} for-loops, {} while-loops, {} calls, {} returns",
                counts.statements, counts.for_loops, counts.while_loops, counts.calls, counts.returns
            );
            for inner in &def.body {
                if matches!(inner, ast::Stmt::FunctionDef(_) | ast::Stmt::ClassDef(_)) {
                    summarize_stmt(inner, file, depth + 1, out);
                }
            }
        }
        ast::Stmt::ClassDef(class) => {
            let _ = writeln!(out, "{indent}line {}: class {}", line(class.name.range), class.name.id);
            for inner in &class.body {
                summarize_stmt(inner, file, depth + 1, out);
            }
        }
        ast::Stmt::Import(_) | ast::Stmt::ImportFrom(_) => {
            let _ =
                writeln!(out, "{indent}line {}: {}", line(stmt.range()), expr_text_range(stmt.range(), file));
        }
        _ => {}
    }
}

fn parameter_names(args: &ast::Arguments) -> Vec<String> {
    let mut names = Vec::new();
    for param in &args.posonlyargs {
        names.push(param.def.arg.id.to_string());
    }
    if !args.posonlyargs.is_empty() {
        names.push("/".to_owned());
    }
    for param in &args.args {
        names.push(param.def.arg.id.to_string());
    }
    if let Some(vararg) = &args.vararg {
        names.push(format!("*{}", vararg.arg.id));
    } else if !args.kwonlyargs.is_empty() {
        names.push("*".to_owned());
    }
    for param in &args.kwonlyargs {
        names.push(param.def.arg.id.to_string());
    }
    if let Some(kwarg) = &args.kwarg {
        names.push(format!("**{}", kwarg.arg.id));
    }
    names
}

#[derive(Default)]
struct Counts {
    statements: usize,
    for_loops: usize,
    while_loops: usize,
    calls: usize,
    returns: usize,
}

fn count_stmt(stmt: &ast::Stmt, counts: &mut Counts) {
    use ast::visitor::Visitor;
    struct Counter<'a>(&'a mut Counts);
    impl<'a> Visitor<'a> for Counter<'_> {
        fn visit_stmt(&mut self, stmt: &'a ast::Stmt) {
            self.0.statements += 1;
            match stmt {
                ast::Stmt::For(_) => self.0.for_loops += 1,
                ast::Stmt::While(_) => self.0.while_loops += 1,
                ast::Stmt::Return(_) => self.0.returns += 1,
                _ => {}
            }
            // Nested functions are summarised on their own.
            if !matches!(stmt, ast::Stmt::FunctionDef(_) | ast::Stmt::ClassDef(_)) {
                ast::visitor::walk_stmt(self, stmt);
            }
        }
        fn visit_expr(&mut self, expr: &'a ast::Expr) {
            if matches!(expr, ast::Expr::Call(_)) {
                self.0.calls += 1;
            }
            ast::visitor::walk_expr(self, expr);
        }
    }
    Counter(counts).visit_stmt(stmt);
}

fn expr_text(expr: &ast::Expr, file: &SourceFile<'_>) -> String {
    expr_text_range(expr.range(), file)
}

fn expr_text_range(range: ast::TextRange, file: &SourceFile<'_>) -> String {
    let text = file.text.get(std::ops::Range::<usize>::from(range)).unwrap_or("?");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
