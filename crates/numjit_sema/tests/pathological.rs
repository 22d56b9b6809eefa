//! Inputs that make naive compilers slow or overflow the stack: a 32-deep nested tuple,
//! 5,000 chained additions, and nesting past the limits (an error, never a crash). Each
//! runs on a thread with a 2 MiB stack; the time is printed (`--nocapture`), not asserted.

use std::time::Instant;

use numjit_ast as ast;
use numjit_sema::{Env, Ty, infer_by_name};

/// Parses `source` and infers `f(int64)` on a 2 MiB stack; returns the diagnostics' codes
/// and the seconds inference took.
fn infer_on_small_stack(source: String) -> (Vec<String>, f64) {
    infer_edited_on_small_stack(source, |_| {})
}

/// Like [`infer_on_small_stack`], after `edit` changes the parsed module.
fn infer_edited_on_small_stack(
    source: String,
    edit: impl FnOnce(&mut ast::ModModule) + Send + 'static,
) -> (Vec<String>, f64) {
    let worker = std::thread::Builder::new().stack_size(2 << 20).spawn(move || {
        let mut parsed = numjit_parser::parse_module(&source);
        assert!(parsed.errors.is_empty(), "the generated source parses");
        edit(&mut parsed.module);
        let start = Instant::now();
        let (env, namespace, _) = Env::from_module(parsed.module);
        let result = infer_by_name(&env, namespace, "f", &[Ty::INT64]);
        let seconds = start.elapsed().as_secs_f64();
        let codes = match result {
            Ok(_) => Vec::new(),
            Err(numjit_sema::SemaError::Diagnostics(diagnostics)) => {
                diagnostics.iter().map(|diagnostic| diagnostic.code.as_str().to_string()).collect()
            }
            Err(other) => vec![other.to_string()],
        };
        // The AST and HIR are dropped here too, on the small stack.
        drop(env);
        (codes, seconds)
    });
    match worker {
        Ok(handle) => handle.join().unwrap_or_else(|_| (vec!["panicked".to_string()], 0.0)),
        Err(error) => (vec![error.to_string()], 0.0),
    }
}

#[test]
fn chained_additions_type_quickly() {
    // The chain `1 + 1 + ... + 1` is built as an AST directly, so this test does not depend
    // on the parser's nesting limit (6,000).
    let source = "def f(n):\n    x = 1\n    return x + n\n".to_string();
    let (codes, seconds) = infer_edited_on_small_stack(source, |module| {
        let Some(ast::Stmt::FunctionDef(def)) = module.body.first_mut() else { return };
        let Some(ast::Stmt::Assign(assign)) = def.body.first_mut() else { return };
        let one = (*assign.value).clone();
        let range = one_range(&one);
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
    println!("5,000 chained additions: inferred in {:.1} ms", seconds * 1000.0);
    assert_eq!(codes, Vec::<String>::new());
}

fn one_range(expr: &ast::Expr) -> ast::TextRange {
    use ast::Ranged;
    expr.range()
}

#[test]
fn deeply_nested_tuple_types_quickly() {
    let tuple = (0..32).fold("n".to_string(), |inner, _| format!("({inner}, 1)"));
    let source = format!("def f(n):\n    t = {tuple}\n    return t[1]\n");
    let (codes, seconds) = infer_on_small_stack(source);
    println!("32-deep nested tuple: inferred in {:.1} ms", seconds * 1000.0);
    assert_eq!(codes, Vec::<String>::new());
}

#[test]
fn nesting_past_the_limit_is_a_diagnostic() {
    let depth = numjit_sema::MAX_EXPR_DEPTH as usize + 20;
    let expr = format!("{}n{}", "(n + ".repeat(depth), ")".repeat(depth));
    let source = format!("def f(n):\n    return {expr}\n");
    let (codes, _) = infer_on_small_stack(source);
    assert_eq!(codes, vec!["nesting-too-deep".to_string()]);
}

/// `f` calls `g1`, which calls `g2`, ... `depth` functions deep.
fn call_chain(depth: usize) -> String {
    let mut source = String::from("def f(n):\n    return g1(n)\n");
    for level in 1..depth {
        source.push_str(&format!("def g{level}(n):\n    return g{}(n) + 1\n", level + 1));
    }
    source.push_str(&format!("def g{depth}(n):\n    return n\n"));
    source
}

#[test]
fn call_chains_up_to_the_limit_infer_on_a_small_stack() {
    let (codes, seconds) = infer_on_small_stack(call_chain(numjit_sema::MAX_CALL_DEPTH - 1));
    println!("{}-deep call chain: inferred in {:.1} ms", numjit_sema::MAX_CALL_DEPTH, seconds * 1000.0);
    assert_eq!(codes, Vec::<String>::new());
    let (codes, _) = infer_on_small_stack(call_chain(numjit_sema::MAX_CALL_DEPTH + 10));
    assert_eq!(codes, vec!["nesting-too-deep".to_string()]);
}

#[test]
fn long_elif_chains_are_not_nesting() {
    // An `elif` is an `if` inside the previous `else`; 300 of them must neither hit the
    // nesting limit nor recurse per branch deeply enough to overflow a 2 MiB stack.
    let mut source = "def f(n):\n    if n == 0:\n        r = 0\n".to_string();
    for branch in 1..300 {
        source.push_str(&format!("    elif n == {branch}:\n        r = {branch} * 2\n"));
    }
    source.push_str("    else:\n        r = -1\n    return r\n");
    let (codes, seconds) = infer_on_small_stack(source);
    assert!(codes.is_empty(), "{codes:?}");
    println!("300-branch elif chain: {seconds:.3} s");
}
