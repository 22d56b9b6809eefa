//! The `.nir` corpus: every `test_data/ok/*.nir` parses, verifies and round-trips through
//! the printer (snapshot of the printed form); every `test_data/invalid/*.nir` fails the
//! parser or the verifier (snapshot of the errors).

use std::path::Path;

use numjit_ir::{parse_module, structural_difference, verify_module};

fn snapshot_name(path: &Path, kind: &str) -> String {
    let stem = path.file_stem().map(|stem| stem.to_string_lossy().into_owned()).unwrap_or_default();
    format!("{kind}__{stem}")
}

fn ok_file(path: &Path, text: String) -> datatest_stable::Result<()> {
    let module = parse_module(&text).map_err(|error| format!("{}: parse error: {error}", path.display()))?;
    if let Err(errors) = verify_module(&module) {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        return Err(format!("{}: verifier errors:\n{}", path.display(), lines.join("\n")).into());
    }
    let printed = module.to_string();
    let reparsed =
        parse_module(&printed).map_err(|error| format!("printed text does not parse: {error}\n{printed}"))?;
    let reprinted = reparsed.to_string();
    if reprinted != printed {
        return Err(format!("print(parse(print(f))) differs:\n{printed}\n---\n{reprinted}").into());
    }
    for (original, again) in module.functions.iter().zip(&reparsed.functions) {
        if let Some(difference) = structural_difference(original, again) {
            return Err(format!("@{}: parse(print(f)) differs from f: {difference}", original.name).into());
        }
    }
    insta::with_settings!({ snapshot_path => "../test_data/snapshots", prepend_module_to_snapshot => false, input_file => path }, {
        insta::assert_snapshot!(snapshot_name(path, "ok"), printed);
    });
    Ok(())
}

fn invalid_file(path: &Path, text: String) -> datatest_stable::Result<()> {
    let report = match parse_module(&text) {
        Err(error) => format!("parse error: {error}"),
        Ok(module) => match verify_module(&module) {
            Ok(()) => {
                return Err(format!("{} parses and verifies, but it is in invalid/", path.display()).into());
            }
            Err(errors) => errors.iter().map(|error| format!("{error}\n")).collect(),
        },
    };
    insta::with_settings!({ snapshot_path => "../test_data/snapshots", prepend_module_to_snapshot => false, input_file => path }, {
        insta::assert_snapshot!(snapshot_name(path, "invalid"), report);
    });
    Ok(())
}

datatest_stable::harness! {
    { test = ok_file, root = "test_data/ok", pattern = r"\.nir$" },
    { test = invalid_file, root = "test_data/invalid", pattern = r"\.nir$" },
}
