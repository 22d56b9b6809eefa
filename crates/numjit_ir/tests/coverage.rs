//! The `ok/` corpus uses every opcode and every intrinsic at least once.

use std::collections::BTreeSet;
use std::path::Path;

use numjit_ir::{INTRINSICS, Module, Opcode, parse_module};

/// A number per opcode variant. The match has no wildcard, so adding an opcode fails to
/// compile here until it gets a number — and then this test fails until the corpus uses it.
fn opcode_number(opcode: &Opcode) -> usize {
    match opcode {
        Opcode::Iconst { .. } => 0,
        Opcode::Fconst { .. } => 1,
        Opcode::Cconst { .. } => 2,
        Opcode::Bconst(_) => 3,
        Opcode::NoneConst => 4,
        Opcode::Sconst(_) => 5,
        Opcode::Iadd => 6,
        Opcode::Isub => 7,
        Opcode::Imul => 8,
        Opcode::Ineg => 9,
        Opcode::IfloorDiv => 10,
        Opcode::Imod => 11,
        Opcode::Idiv => 12,
        Opcode::Irem => 13,
        Opcode::Ishl => 14,
        Opcode::Ishr => 15,
        Opcode::Iand => 16,
        Opcode::Ior => 17,
        Opcode::Ixor => 18,
        Opcode::Inot => 19,
        Opcode::Ipow => 20,
        Opcode::Fadd => 21,
        Opcode::Fsub => 22,
        Opcode::Fmul => 23,
        Opcode::Fdiv => 24,
        Opcode::FfloorDiv => 25,
        Opcode::Fmod => 26,
        Opcode::Frem => 27,
        Opcode::Fpow => 28,
        Opcode::Fneg => 29,
        Opcode::Cadd => 30,
        Opcode::Csub => 31,
        Opcode::Cmul => 32,
        Opcode::Cdiv => 33,
        Opcode::Cpow => 34,
        Opcode::Cneg => 35,
        Opcode::Cconj => 36,
        Opcode::Creal => 37,
        Opcode::Cimag => 38,
        Opcode::Cmake => 39,
        Opcode::Icmp(_) => 40,
        Opcode::Fcmp(_) => 41,
        Opcode::Select => 42,
        Opcode::Convert(_) => 43,
        Opcode::Call(_) => 44,
        Opcode::CallIntrinsic(_) => 45,
        Opcode::TupleMake => 46,
        Opcode::TupleGet(_) => 47,
        Opcode::Print => 48,
        Opcode::Jump => 49,
        Opcode::Brif => 50,
        Opcode::Return => 51,
        Opcode::Yield => 52,
        Opcode::Raise { .. } => 53,
        Opcode::Unreachable => 54,
        Opcode::For => 55,
        Opcode::Parfor { .. } => 56,
        Opcode::TryCall(_) => 57,
        Opcode::ArrayDim(_) => 58,
        Opcode::ArrayStride(_) => 59,
        Opcode::ArrayLoad => 60,
        Opcode::ArrayStore => 61,
        Opcode::ArrayAlloc { .. } => 62,
        Opcode::ArrayView(_) => 63,
        Opcode::ArrayIncref => 64,
        Opcode::ArrayDecref => 65,
        Opcode::ArrayNull(_) => 66,
        Opcode::ArrayMatmul => 67,
        Opcode::Invoke(_) => 68,
        Opcode::Throw { .. } => 69,
        Opcode::Resume => 70,
        Opcode::ArrayConst(_) => 71,
    }
}
const N_OPCODES: usize = 72;

fn ok_corpus() -> Vec<Module> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/ok");
    let mut paths: Vec<_> =
        std::fs::read_dir(&dir).expect("test_data/ok exists").flatten().map(|entry| entry.path()).collect();
    paths.sort();
    paths
        .iter()
        .filter(|path| path.extension().is_some_and(|ext| ext == "nir"))
        .map(|path| {
            let text = std::fs::read_to_string(path).expect("readable");
            parse_module(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
        })
        .collect()
}

#[test]
fn corpus_uses_every_opcode_and_intrinsic() {
    let mut opcodes = BTreeSet::new();
    let mut intrinsics = BTreeSet::new();
    for module in ok_corpus() {
        for func in &module.functions {
            for inst in func.dfg.insts() {
                let opcode = &func.dfg.inst_data(inst).opcode;
                opcodes.insert(opcode_number(opcode));
                if let Opcode::CallIntrinsic(intrinsic) = opcode {
                    intrinsics.insert(intrinsic.name());
                }
            }
        }
    }
    let missing_opcodes: Vec<usize> = (0..N_OPCODES).filter(|number| !opcodes.contains(number)).collect();
    assert!(
        missing_opcodes.is_empty(),
        "opcodes (by number in opcode_number) missing from the corpus: {missing_opcodes:?}"
    );
    let missing_intrinsics: Vec<&str> =
        INTRINSICS.iter().map(|(_, name, _)| *name).filter(|name| !intrinsics.contains(name)).collect();
    assert!(missing_intrinsics.is_empty(), "intrinsics missing from the corpus: {missing_intrinsics:?}");
}
