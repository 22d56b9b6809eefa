//! Property test: random programs built from Python fragments go through lowering and
//! type inference without panicking, whatever they mean.

use numjit_sema::{Env, Ty, infer_by_name};
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
    "else:",
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
    "try:",
    "except Exception:",
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

fn program(lines: &[(usize, usize)]) -> String {
    let mut source = String::from("import math\ndef g(u, v=1):\n    return u * v\ndef f(a, b):\n");
    for &(statement, indent) in lines {
        source.push_str(&"    ".repeat(1 + indent % 3));
        source.push_str(STATEMENTS[statement % STATEMENTS.len()]);
        source.push('\n');
    }
    source.push_str("    return a\n");
    source
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_programs_never_panic(
        lines in prop::collection::vec((0usize..100, 0usize..3), 1..12),
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
    }
}
