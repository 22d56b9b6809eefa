//! The stages `Dispatcher::inspect` can show ([`Stage`]) and the text forms of the two
//! that have no printer of their own: the HIR (`hir`) and the inferred types (`types`,
//! like Numba's `inspect_types`).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::str::FromStr;

use numjit_sema::TypedProgram;
use numjit_sema::hir::{LocalId, VersionId, VersionKind};

/// A compiler stage whose output `inspect` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stage {
    /// The HIR: names resolved, desugared; expressions and statements by id.
    Hir,
    /// The type of every version of every local of every specialisation (Numba's
    /// `inspect_types`).
    Types,
    /// The SSA IR as lowered.
    Ir,
    /// The SSA IR after numjit's pass pipeline.
    Opt,
    /// The LLVM IR after LLVM's optimisation (Numba's `inspect_llvm`).
    Llvm,
    /// The host assembly (Numba's `inspect_asm`).
    Asm,
}

impl Stage {
    /// Every stage, in pipeline order.
    pub const ALL: [Stage; 6] = [Stage::Hir, Stage::Types, Stage::Ir, Stage::Opt, Stage::Llvm, Stage::Asm];

    /// The stage's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Hir => "hir",
            Stage::Types => "types",
            Stage::Ir => "ir",
            Stage::Opt => "opt",
            Stage::Llvm => "llvm",
            Stage::Asm => "asm",
        }
    }
}

impl FromStr for Stage {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Stage::ALL.into_iter().find(|stage| stage.name() == text).ok_or_else(|| {
            let names: Vec<&str> = Stage::ALL.iter().map(|stage| stage.name()).collect();
            format!("unknown stage '{text}' (expected one of {})", names.join(", "))
        })
    }
}

/// Every body of the program: parameters, locals, expressions and statements by id.
pub(crate) fn write_hir(program: &TypedProgram) -> String {
    let mut out = String::new();
    for (body_id, body) in program.bodies.iter() {
        let params: Vec<&str> = body.params.iter().map(|param| param.name.as_str()).collect();
        let _ = writeln!(out, "{body_id} {}({}):", body.name, params.join(", "));
        for (local_id, local) in body.locals.iter() {
            let _ = writeln!(out, "    {local_id} = {} ({:?})", local.name, local.kind);
        }
        for (expr_id, expr) in body.exprs.iter() {
            let _ = writeln!(out, "    {expr_id} = {:?}", expr.kind);
        }
        for (stmt_id, stmt) in body.stmts.iter() {
            let _ = writeln!(out, "    {stmt_id}: {:?}", stmt.kind);
        }
        let block: Vec<String> = body.block.iter().map(ToString::to_string).collect();
        let _ = writeln!(out, "    block: [{}]", block.join(", "));
    }
    out
}

/// Every specialisation: its signature, then each version of each local with its type, as
/// Numba names SSA versions (`x`, `x.1`, ...); a join lists the versions that meet there.
pub(crate) fn write_types(program: &TypedProgram) -> String {
    let mut out = String::new();
    for (_, instance) in program.finished_instances() {
        let body = program.body_of(instance);
        let args: Vec<String> = instance.arg_types.iter().map(ToString::to_string).collect();
        let _ = writeln!(out, "{}({}) -> {}", body.name, args.join(", "), instance.return_type);
        let versions = &body.versions;
        // The name of each version: the local's name, then `.1`, `.2`, ... in order.
        let mut names: HashMap<VersionId, String> = HashMap::new();
        let mut counts: HashMap<LocalId, usize> = HashMap::new();
        for (version, data) in versions.versions.iter() {
            let count = counts.entry(data.local).or_insert(0);
            let name = &body.locals[data.local].name;
            names.insert(version, if *count == 0 { name.clone() } else { format!("{name}.{count}") });
            *count += 1;
        }
        for (local_id, local) in body.locals.iter() {
            if local.name.starts_with('$') {
                continue;
            }
            for version in versions.of_local(local_id) {
                let Some(ty) = instance.version_type(version) else { continue };
                let name = &names[&version];
                match &versions.versions[version].kind {
                    VersionKind::Phi(incoming) => {
                        let mut incoming = incoming.clone();
                        incoming.sort();
                        let joined: Vec<&str> = incoming
                            .iter()
                            .filter_map(|operand| names.get(operand))
                            .map(String::as_str)
                            .collect();
                        let _ = writeln!(out, "    {name}: {ty}  (joins {})", joined.join(", "));
                    }
                    VersionKind::Def(_) => {
                        let _ = writeln!(out, "    {name}: {ty}");
                    }
                }
            }
        }
    }
    out
}
