//! The lowering corpus: `test_data/*.py`, each lowered and snapshotted.
//!
//! - The first line names the function and its argument types: `# lower: f(int64, float64)`.
//! - `# error_model: numpy` anywhere selects Numba's numpy error model; `# boundscheck: true`
//!   checks array indices.
//!
//! The snapshot is the printed IR module (which must pass `verify_module`; lowering checks
//! it), or the rendered diagnostics when lowering or inference reports errors.

use std::path::Path;

use numjit_diagnostics::{RenderOptions, SourceFile, render};
use numjit_lower::{ErrorModel, LowerOptions, lower_program};
use numjit_sema::{Env, Ty, infer_by_name};

fn lower_file(path: &Path, source: String) -> datatest_stable::Result<()> {
    let header = source
        .lines()
        .find_map(|line| line.strip_prefix("# lower:"))
        .ok_or_else(|| format!("{}: no `# lower: f(types)` header", path.display()))?
        .trim();
    let (name, signature) = header.split_at(header.find('(').ok_or("the header needs '('")?);
    let signature = numjit_types::parse_signature(signature).map_err(|error| error.to_string())?;
    let arg_types: Vec<Ty> = signature.args.into_iter().map(Ty::Value).collect();
    let error_model =
        if source.contains("# error_model: numpy") { ErrorModel::Numpy } else { ErrorModel::Python };
    let boundscheck = source.contains("# boundscheck: true");
    let options = LowerOptions { error_model, boundscheck };

    let parsed = numjit_parser::parse_module(&source);
    if !parsed.errors.is_empty() {
        return Err(format!("{}: parse errors: {:?}", path.display(), parsed.errors).into());
    }
    let (env, namespace, _) = Env::from_module(parsed.module);
    let file_name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    let file = SourceFile::new(&file_name, &source);
    let render_all = |diagnostics: &[numjit_diagnostics::Diagnostic]| -> String {
        diagnostics
            .iter()
            .map(|diagnostic| render(diagnostic, &file, RenderOptions::default()) + "\n")
            .collect()
    };
    let program = match infer_by_name(&env, namespace, name.trim(), &arg_types) {
        Ok(program) => program,
        Err(numjit_sema::SemaError::Diagnostics(diagnostics)) => {
            return Err(format!(
                "{}: sema rejects the program:\n{}",
                path.display(),
                render_all(&diagnostics)
            )
            .into());
        }
        Err(other) => return Err(other.to_string().into()),
    };
    let snapshot = match lower_program(&program, &env, &options) {
        Ok(lowered) => {
            numjit_ir::verify_module(&lowered.module).map_err(|errors| format!("{errors:?}"))?;
            lowered.module.to_string()
        }
        Err(diagnostics) => format!("error\n{}", render_all(&diagnostics)),
    };
    let stem = path.file_stem().map(|stem| stem.to_string_lossy().into_owned()).unwrap_or_default();
    insta::with_settings!({ snapshot_path => "../test_data/snapshots", prepend_module_to_snapshot => false, input_file => path }, {
        insta::assert_snapshot!(stem, snapshot);
    });
    Ok(())
}

datatest_stable::harness! {
    { test = lower_file, root = "test_data", pattern = r"^[^/]*\.py$" },
}
