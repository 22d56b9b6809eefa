//! Property test: random programs built from Python fragments go through lowering and
//! type inference without panicking, whatever they mean. The same path on mutated corpus
//! programs, with lowering to IR as well, is `crates/numjit_lower/tests/fuzz.rs`, and the
//! long-running version is the cargo-fuzz target `fuzz/fuzz_targets/sema_lower.rs`.

use numjit_sema::{Env, Ty, infer, infer_by_name};
use numjit_types::Type;
use proptest::prelude::*;

const STATEMENTS: &[&str] = &[
    "x = a + 1",
    "x = a / b",
    "x = (a, b)",
    "a, b = b, a",
    "x += 1.5",
    "y = x if a else b",
    "y = a and b or x",
    "return x",
    "return None",
    "return (a, b)",
    "for i in range(a):",
    "for i, v in enumerate((a, b)):",
    "for p, q in zip(range(3), (a, b)):",
    "while a < b:",
    "if a > b:",
    "break",
    "continue",
    "x = math.sqrt(a)",
    "x = abs(a) + min(a, b, x)",
    "x = g(a, b)",
    "x = f(a, b)",
    "x = t[a]",
    "t = (1, 2.5, True)",
    "x = a < b < x",
    "x = -a ** b // 3 % 2",
    "x = a << b",
    "raise ValueError('bad')",
    "assert a, 'msg'",
    "print(a, 'b', x)",
    "try:\n    x = a // b\nexcept Exception:\n    x = 0",
    "if a:\n    y = 1\nelse:\n    y = 2.5",
    "h = lambda v: v * a",
    "x = h(a)",
    "def inner(v):",
    "x = undefined_name",
    "x = [a]",
    "global a",
    "import math",
    "x = divmod(a, b)",
    "x = round(a, 2)",
    "x = int(a) + float(b) + complex(a)",
    "pass",
];

const TYPES: &[&str] = &["int64", "float64", "bool", "int32", "complex128", "uint64", "UniTuple(int64, 2)"];

/// A function body from statement choices; `dedent` leaves the current block. Headers
/// (`for ...:`) open a block whose first statement is the next choice, so most programs
/// parse; the rest exercise the parser's error path.
fn program(lines: &[(usize, bool)]) -> String {
    let mut source = String::from("import math\ndef g(u, v=1):\n    return u * v\ndef f(a, b):\n");
    let mut depth = 1usize;
    let mut needs_body = false;
    for &(statement, dedent) in lines {
        if dedent && depth > 1 && !needs_body {
            depth -= 1;
        }
        let text = STATEMENTS[statement % STATEMENTS.len()];
        let indent = "    ".repeat(depth);
        for line in text.lines() {
            source.push_str(&indent);
            source.push_str(line);
            source.push('\n');
        }
        needs_body = text.ends_with(':');
        if needs_body {
            depth += 1;
        }
    }
    if needs_body {
        source.push_str(&"    ".repeat(depth));
        source.push_str("pass\n");
    }
    source.push_str("    return a\n");
    source
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_programs_never_panic(
        lines in prop::collection::vec((0usize..100, any::<bool>()), 1..12),
        first in 0usize..TYPES.len(),
        second in 0usize..TYPES.len(),
    ) {
        let source = program(&lines);
        let parsed = numjit_parser::parse_module(&source);
        let (env, namespace, _) = Env::from_module(parsed.module);
        let arg = |index: usize| -> Ty {
            numjit_types::parse_type(TYPES[index]).map_or(Ty::Value(Type::INT64), Ty::Value)
        };
        let _ = infer_by_name(&env, namespace, "f", &[arg(first), arg(second)]);
        let _ = infer_by_name(&env, namespace, "g", &[arg(second)]);
        // Every function (inner `def`s and lambdas are reached through their callers),
        // with the two chosen types alternating over its parameters.
        for (function, source) in env.functions.iter() {
            let n_params = source.def.args.args.len();
            let args: Vec<Ty> = (0..n_params).map(|idx| arg(if idx % 2 == 0 { first } else { second })).collect();
            let _ = infer(&env, function, &args);
        }
    }
}

#[test]
fn most_generated_programs_parse() {
    let mut n_parsed = 0;
    for seed in 0..200usize {
        let lines: Vec<(usize, bool)> =
            (0..8).map(|line| ((seed * 31 + line * 17) % 97, (seed + line) % 3 == 0)).collect();
        if numjit_parser::parse_module(&program(&lines)).errors.is_empty() {
            n_parsed += 1;
        }
    }
    assert!(n_parsed > 100, "only {n_parsed} of 200 generated programs parse");
}
