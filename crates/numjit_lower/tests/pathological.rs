//! Inputs that make naive lowering slow or overflow the stack: 5,000 chained additions, a
//! 32-deep nested tuple (returned, compared and unpacked), a 2,000-operand `and` chain and
//! a long `if` sequence. Each is lowered on a thread with a 2 MiB stack and must take well
//! under a second; the time is printed (`--nocapture`).

use std::time::{Duration, Instant};

use numjit_ast as ast;
use numjit_lower::{LowerOptions, lower_program};
use numjit_sema::{Env, Ty, infer_by_name};

/// Parses `source` (edited by `edit`), infers `f(int64)` and lowers it on a 2 MiB stack;
/// returns the printed module's line count (or the error) and the lowering time.
fn lower_on_small_stack(
    source: String,
    edit: impl FnOnce(&mut ast::ModModule) + Send + 'static,
) -> (Result<usize, String>, Duration) {
    let worker = std::thread::Builder::new().stack_size(2 << 20).spawn(move || {
        let mut parsed = numjit_parser::parse_module(&source);
        if !parsed.errors.is_empty() {
            return (Err(format!("parse errors: {:?}", parsed.errors)), Duration::ZERO);
        }
        edit(&mut parsed.module);
        let (env, namespace, _) = Env::from_module(parsed.module);
        let program = match infer_by_name(&env, namespace, "f", &[Ty::INT64]) {
            Ok(program) => program,
            Err(error) => return (Err(error.to_string()), Duration::ZERO),
        };
        let start = Instant::now();
        let lowered = lower_program(&program, &env, &LowerOptions::default());
        let elapsed = start.elapsed();
        let result = match lowered {
            Ok(lowered) => Ok(lowered.module.to_string().lines().count()),
            Err(diagnostics) => Err(format!("{diagnostics:?}")),
        };
        drop(program);
        drop(env);
        (result, elapsed)
    });
    match worker {
        Ok(handle) => handle.join().unwrap_or_else(|_| (Err("panicked".to_string()), Duration::ZERO)),
        Err(error) => (Err(error.to_string()), Duration::ZERO),
    }
}

fn check(name: &str, result: (Result<usize, String>, Duration)) {
    let (lines, elapsed) = result;
    println!("{name}: lowered in {:.1} ms", elapsed.as_secs_f64() * 1000.0);
    assert!(lines.is_ok(), "{name}: {lines:?}");
    // Not a speed target (benches measure speed, and this machine may be loaded): a guard
    // that catches exponential blow-ups, which take hours rather than milliseconds here.
    assert!(elapsed < Duration::from_secs(60), "{name} took {elapsed:?}: exponential behaviour?");
}

#[test]
fn chained_additions_lower_quickly() {
    // The parser refuses expressions this deep, so the chain is built as an AST.
    let source = "def f(n):\n    x = 1\n    return x + n\n".to_string();
    let result = lower_on_small_stack(source, |module| {
        let Some(ast::Stmt::FunctionDef(def)) = module.body.first_mut() else { return };
        let Some(ast::Stmt::Assign(assign)) = def.body.first_mut() else { return };
        let one = (*assign.value).clone();
        let range = ast::Ranged::range(&one);
        let mut chain = one.clone();
        for _ in 1..5000 {
            chain = ast::Expr::BinOp(ast::ExprBinOp {
                left: Box::new(chain),
                op: ast::Operator::Add,
                right: Box::new(one.clone()),
                range,
            });
        }
        *assign.value = chain;
    });
    check("5,000 chained additions", result);
}

#[test]
fn deeply_nested_tuples_lower_quickly() {
    let tuple = (0..32).fold("n".to_string(), |inner, _| format!("({inner}, 1)"));
    let targets = (0..32).fold("a".to_string(), |inner, idx| format!("({inner}, b{idx})"));
    let source = format!("def f(n):\n    t = {tuple}\n    {targets} = t\n    return t, t == t, a\n");
    check("32-deep nested tuple", lower_on_small_stack(source, |_| {}));
}

#[test]
fn long_boolean_chains_lower_quickly() {
    let chain = vec!["n > 0"; 2000].join(" and ");
    let source = format!("def f(n):\n    return {chain}\n");
    check("2,000-operand `and`", lower_on_small_stack(source, |_| {}));
}

#[test]
fn long_statement_sequences_lower_quickly() {
    let mut source = "def f(n):\n    x = 0\n".to_string();
    for idx in 0..2000 {
        source.push_str(&format!("    if n > {idx}:\n        x += {idx}\n"));
    }
    source.push_str("    return x\n");
    check("2,000 `if` statements", lower_on_small_stack(source, |_| {}));
}
