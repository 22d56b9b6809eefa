//! The pass corpus: each `test_data/<pass>/*.nir` file names on its first line the passes
//! to run (`; pass: fold_constants`, several comma-separated, or `; pipeline: default`).
//! The file is parsed and verified, the passes run with the verifier after each, and the
//! printed result is snapshotted (`test_data/snapshots/<dir>__<name>.snap`).
//!
//! Optional lines tune the run and check it:
//! - `; run: @f(3, -1.5, True)` interprets `@f` on those arguments before and after the
//!   passes; the results (and printed output) must agree, and the snapshot shows them;
//! - `; inline: NAME=always|never` and `; max_callee_insts: N` set the inlining policy.

mod support;

use std::path::Path;

use numjit_ir::{Module, parse_module, verify_module};
use numjit_opt::{InlineMode, PassContext, pipeline, run_pipeline};

use support::{RunOutcome, parse_args, run_function};

fn header_passes(text: &str) -> Result<Vec<numjit_opt::Pass>, String> {
    let first = text.lines().next().unwrap_or_default();
    if let Some(names) = first.strip_prefix("; pass:") {
        names
            .split(',')
            .map(|name| {
                let name = name.trim();
                pipeline::pass_by_name(name).ok_or_else(|| format!("unknown pass `{name}` in the header"))
            })
            .collect()
    } else if let Some(name) = first.strip_prefix("; pipeline:") {
        pipeline::by_name(name.trim()).ok_or_else(|| format!("unknown pipeline `{}`", name.trim()))
    } else {
        Err("the first line must be `; pass: NAME` or `; pipeline: NAME`".to_owned())
    }
}

fn context_for(text: &str) -> Result<PassContext, String> {
    let mut cx = PassContext::new();
    cx.verify_after_each_pass = true;
    for line in text.lines() {
        if let Some(setting) = line.strip_prefix("; inline:") {
            let (name, mode) = setting.trim().split_once('=').ok_or("`; inline: NAME=MODE`")?;
            let mode = match mode.trim() {
                "always" => InlineMode::Always,
                "never" => InlineMode::Never,
                "auto" => InlineMode::Auto,
                other => return Err(format!("unknown inline mode `{other}`")),
            };
            cx.inline.modes.insert(name.trim().to_owned(), mode);
        } else if let Some(limit) = line.strip_prefix("; max_callee_insts:") {
            cx.inline.max_callee_insts =
                limit.trim().parse().map_err(|_| "a number after max_callee_insts")?;
        }
    }
    Ok(cx)
}

/// `(function name, argument text)` of each `; run:` line.
fn run_lines(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|line| line.strip_prefix("; run:"))
        .filter_map(|call| {
            let call = call.trim().strip_prefix('@')?;
            let (name, rest) = call.split_once('(')?;
            Some((name.to_owned(), rest.strip_suffix(')')?.to_owned()))
        })
        .collect()
}

fn run_all(module: &Module, runs: &[(String, String)]) -> Result<Vec<RunOutcome>, String> {
    runs.iter()
        .map(|(name, args)| {
            let func = module.function(name).ok_or_else(|| format!("no @{name} to run"))?;
            let args = parse_args(&func.params, args)?;
            Ok(run_function(module, name, &args))
        })
        .collect()
}

fn check_file(path: &Path, text: String) -> datatest_stable::Result<()> {
    let passes = header_passes(&text)?;
    let mut cx = context_for(&text)?;
    let mut module = parse_module(&text).map_err(|error| format!("parse error: {error}"))?;
    if let Err(errors) = verify_module(&module) {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        return Err(format!("the input does not verify:\n{}", lines.join("\n")).into());
    }
    let runs = run_lines(&text);
    let before = run_all(&module, &runs)?;
    run_pipeline(&mut module, &passes, &mut cx).map_err(|error| error.to_string())?;
    let after = run_all(&module, &runs)?;
    let mut report = String::new();
    for (((name, args), before), after) in runs.iter().zip(&before).zip(&after) {
        if before.agrees_with(after) {
            report.push_str(&format!("; @{name}({args}) = {after}\n"));
        } else if !before.is_conclusive() {
            // Undefined behaviour (or a limit) before: any behaviour after is right.
            report.push_str(&format!("; @{name}({args}) = {before} before, {after} after\n"));
        } else {
            return Err(format!("@{name}({args}) gave {before} before the passes, {after} after").into());
        }
    }
    report.push_str(&module.to_string());
    let dir = path.parent().and_then(|dir| dir.file_name()).map(|dir| dir.to_string_lossy().into_owned());
    let stem = path.file_stem().map(|stem| stem.to_string_lossy().into_owned()).unwrap_or_default();
    let name = format!("{}__{stem}", dir.unwrap_or_default());
    insta::with_settings!({ snapshot_path => "../test_data/snapshots", prepend_module_to_snapshot => false, input_file => path }, {
        insta::assert_snapshot!(name, report);
    });
    Ok(())
}

datatest_stable::harness! {
    { test = check_file, root = "test_data", pattern = r"^[a-z_]+/[a-z0-9_]+\.nir$" },
}
