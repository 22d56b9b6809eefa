//! Generates the parser from `src/python.lalrpop` into `OUT_DIR`.

fn main() {
    println!("cargo::rerun-if-changed=src/python.lalrpop");
    if let Err(error) = lalrpop::Configuration::new().use_cargo_dir_conventions().process() {
        println!("cargo::error=failed to generate the parser from src/python.lalrpop: {error}");
    }
}
