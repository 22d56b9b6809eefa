//! Property tests: random well-formed functions built with the builder verify and survive
//! print → parse → print unchanged (and structurally equal); mutated corpus text and
//! arbitrary text never make the parser, the verifier or the printer panic, and whatever
//! parses prints to a fixed point.

use std::path::Path;

use numjit_ir::{
    FloatCC, Function, FunctionBuilder, IntCC, Intrinsic, LoopRange, ReduceOp, Reduction, Value,
    parse_function, parse_module, structural_difference, verify, verify_module,
};
use numjit_types::{ScalarType, Type};
use proptest::prelude::*;

/// A statement of the generated programs. Indices pick values from the visible ones
/// (modulo their number), so every statement is well-formed.
#[derive(Clone, Debug)]
enum Stmt {
    IntConst(i64),
    FloatConst(f64),
    IntBinary(u8, usize, usize),
    FloatBinary(u8, usize, usize),
    Compare(u8, usize, usize),
    ToFloat(usize),
    Sqrt(usize),
    Select(usize, usize, usize),
    If(usize, Vec<Stmt>, Vec<Stmt>),
    For(Vec<Stmt>),
    Parfor(Vec<Stmt>),
}

fn stmt_strategy() -> impl Strategy<Value = Stmt> {
    let leaf = prop_oneof![
        any::<i64>().prop_map(Stmt::IntConst),
        prop_oneof![any::<f64>(), Just(f64::NAN), Just(-0.0), Just(f64::INFINITY)].prop_map(Stmt::FloatConst),
        (0u8..6, any::<usize>(), any::<usize>()).prop_map(|(op, a, b)| Stmt::IntBinary(op, a, b)),
        (0u8..5, any::<usize>(), any::<usize>()).prop_map(|(op, a, b)| Stmt::FloatBinary(op, a, b)),
        (0u8..2, any::<usize>(), any::<usize>()).prop_map(|(kind, a, b)| Stmt::Compare(kind, a, b)),
        any::<usize>().prop_map(Stmt::ToFloat),
        any::<usize>().prop_map(Stmt::Sqrt),
        (any::<usize>(), any::<usize>(), any::<usize>()).prop_map(|(c, a, b)| Stmt::Select(c, a, b)),
    ];
    leaf.prop_recursive(3, 40, 6, |inner| {
        prop_oneof![
            (
                any::<usize>(),
                prop::collection::vec(inner.clone(), 0..5),
                prop::collection::vec(inner.clone(), 0..5)
            )
                .prop_map(|(c, then_stmts, else_stmts)| Stmt::If(c, then_stmts, else_stmts)),
            prop::collection::vec(inner.clone(), 0..6).prop_map(Stmt::For),
            prop::collection::vec(inner, 0..6).prop_map(Stmt::Parfor),
        ]
    })
}

/// The values visible at a point, by type.
#[derive(Clone, Default)]
struct Scope {
    ints: Vec<Value>,
    floats: Vec<Value>,
    bools: Vec<Value>,
}

fn pick(values: &[Value], index: usize) -> Value {
    values[index % values.len()]
}

struct Generator<'b, 'f> {
    builder: &'b mut FunctionBuilder<'f>,
    /// `0`, `1` and `n` for loop bounds, defined in the entry block.
    zero: Value,
    one: Value,
    n: Value,
}

impl Generator<'_, '_> {
    fn bool_in(&mut self, scope: &mut Scope, index: usize) -> Value {
        if scope.bools.is_empty() {
            let (a, b) = (pick(&scope.ints, index), pick(&scope.ints, index / 7));
            let condition = self.builder.icmp(IntCC::LessThan, a, b);
            scope.bools.push(condition);
        }
        pick(&scope.bools, index)
    }

    fn stmts(&mut self, stmts: &[Stmt], scope: &mut Scope) {
        for stmt in stmts {
            self.stmt(stmt, scope);
        }
    }

    fn stmt(&mut self, stmt: &Stmt, scope: &mut Scope) {
        let b = &mut *self.builder;
        match stmt {
            Stmt::IntConst(value) => scope.ints.push(b.iconst(ScalarType::Int64, i128::from(*value))),
            Stmt::FloatConst(value) => scope.floats.push(b.fconst(ScalarType::Float64, *value)),
            Stmt::IntBinary(op, x, y) => {
                let (x, y) = (pick(&scope.ints, *x), pick(&scope.ints, *y));
                let value = match op {
                    0 => b.iadd(x, y),
                    1 => b.isub(x, y),
                    2 => b.imul(x, y),
                    3 => b.iand(x, y),
                    4 => b.ixor(x, y),
                    _ => b.ineg(x),
                };
                scope.ints.push(value);
            }
            Stmt::FloatBinary(op, x, y) => {
                let (x, y) = (pick(&scope.floats, *x), pick(&scope.floats, *y));
                let value = match op {
                    0 => b.fadd(x, y),
                    1 => b.fsub(x, y),
                    2 => b.fmul(x, y),
                    3 => b.fmod(x, y),
                    _ => b.fneg(x),
                };
                scope.floats.push(value);
            }
            Stmt::Compare(kind, x, y) => {
                let value = if *kind == 0 {
                    b.icmp(IntCC::GreaterThanOrEqual, pick(&scope.ints, *x), pick(&scope.ints, *y))
                } else {
                    b.fcmp(FloatCC::NotEqual, pick(&scope.floats, *x), pick(&scope.floats, *y))
                };
                scope.bools.push(value);
            }
            Stmt::ToFloat(x) => scope.floats.push(b.convert(ScalarType::Float64, pick(&scope.ints, *x))),
            Stmt::Sqrt(x) => scope.floats.push(b.call_intrinsic(Intrinsic::Sqrt, &[pick(&scope.floats, *x)])),
            Stmt::Select(c, x, y) => {
                let condition = self.bool_in(scope, *c);
                let value = self.builder.select(condition, pick(&scope.floats, *x), pick(&scope.floats, *y));
                scope.floats.push(value);
            }
            Stmt::If(c, then_stmts, else_stmts) => {
                let condition = self.bool_in(scope, *c);
                let b = &mut *self.builder;
                let (then_block, else_block, merge) = (b.create_block(), b.create_block(), b.create_block());
                b.brif(condition, then_block, &[], else_block, &[]);
                for (block, stmts) in [(then_block, then_stmts), (else_block, else_stmts)] {
                    self.builder.switch_to_block(block);
                    let mut inner = scope.clone();
                    self.stmts(stmts, &mut inner);
                    let (int, float) =
                        (inner.ints[inner.ints.len() - 1], inner.floats[inner.floats.len() - 1]);
                    self.builder.jump(merge, &[int, float]);
                }
                let b = &mut *self.builder;
                let int = b.append_block_param(merge, Type::INT64);
                let float = b.append_block_param(merge, Type::FLOAT64);
                b.switch_to_block(merge);
                scope.ints.push(int);
                scope.floats.push(float);
            }
            Stmt::For(body) => {
                let range = LoopRange { start: self.zero, stop: self.n, step: self.one };
                let carried = scope.floats[scope.floats.len() - 1];
                let lp = self.builder.for_loop(range, &[carried]);
                let after = self.builder.position();
                self.builder.switch_to_block(lp.entry_block);
                let mut inner = scope.clone();
                inner.ints.push(lp.induction_variable);
                inner.floats.push(lp.carried[0]);
                self.stmts(body, &mut inner);
                self.builder.yield_(&[inner.floats[inner.floats.len() - 1]]);
                self.builder.set_position(after);
                scope.floats.push(lp.results[0]);
            }
            Stmt::Parfor(body) => {
                let range = LoopRange { start: self.zero, stop: self.n, step: self.one };
                let identity = self.builder.fconst(ScalarType::Float64, 0.0);
                let init = scope.floats[scope.floats.len() - 1];
                let lp = self.builder.parfor(&[range], &[Reduction { op: ReduceOp::Add, init, identity }]);
                let after = self.builder.position();
                self.builder.switch_to_block(lp.entry_block);
                let mut inner = scope.clone();
                inner.ints.push(lp.indices[0]);
                inner.floats.push(lp.accumulators[0]);
                self.stmts(body, &mut inner);
                let partial = self.builder.fadd(lp.accumulators[0], inner.floats[inner.floats.len() - 1]);
                self.builder.yield_(&[partial]);
                self.builder.set_position(after);
                scope.floats.push(lp.results[0]);
            }
        }
    }
}

fn build(stmts: &[Stmt]) -> Function {
    let mut func = Function::new("generated", vec![Type::INT64, Type::FLOAT64], Type::FLOAT64);
    let mut builder = FunctionBuilder::new(&mut func);
    let entry = builder.create_entry_block();
    builder.switch_to_block(entry);
    let (n, x) = (builder.block_params(entry)[0], builder.block_params(entry)[1]);
    let zero = builder.iconst(ScalarType::Int64, 0);
    let one = builder.iconst(ScalarType::Int64, 1);
    let mut scope = Scope { ints: vec![n, zero, one], floats: vec![x], bools: Vec::new() };
    let mut generator = Generator { builder: &mut builder, zero, one, n };
    generator.stmts(stmts, &mut scope);
    let result = scope.floats[scope.floats.len() - 1];
    builder.return_(result);
    func
}

/// The corpus files, ok and invalid, as mutation seeds.
fn corpus_texts() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data");
    let mut texts = Vec::new();
    for dir in ["ok", "invalid"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else { continue };
        let mut paths: Vec<_> = entries.flatten().map(|entry| entry.path()).collect();
        paths.sort();
        texts.extend(paths.iter().filter_map(|path| std::fs::read_to_string(path).ok()));
    }
    assert!(!texts.is_empty(), "the corpus is missing");
    texts
}

/// Pieces of the text format (and near misses) to splice into corpus text.
const SNIPPETS: &[&str] = &[
    "v0",
    "v1",
    "v7",
    "v99",
    "v1048577",
    "block0",
    "block1",
    "block9",
    "fn0",
    "fn3",
    ", ",
    " = ",
    "(",
    ")",
    "{",
    "}",
    "{\n",
    "}\n",
    "\n",
    ":",
    "->",
    "-",
    ".",
    "@",
    "\"",
    "\\",
    ";",
    "iadd",
    "fadd",
    "iconst.int64 ",
    "fconst.float32 ",
    "for v1 to v2 step v3 ",
    "iter_args(v1)",
    "parfor (",
    "reduce(add v1 identity v2)",
    "yield",
    "return",
    "jump block1(v2)",
    "brif",
    "call fn0(",
    "call_intrinsic sqrt(",
    "tuple_get v1, 4294967296",
    "int64",
    "UniTuple(int64 x 65537)",
    "Tuple(",
    "array(float64, 2d, C)",
    "readonly",
    "OptionalType(",
    "nan(0x",
    "inf",
    "1e999",
    "-0.0",
    "340282366920938463463374607431768211456",
    "ÿ",
    "é",
    "\u{0}",
    "\t",
    "raise ValueError \"",
    "block1(v5: int64):\n",
    "    v3 = isub v1, v2\n",
    "func @g() -> none {\nblock0:\n}\n",
];

#[derive(Clone, Debug)]
enum Edit {
    Delete { at: usize, len: usize },
    Insert { at: usize, snippet: usize },
    Replace { at: usize, len: usize, snippet: usize },
    DuplicateLine { line: usize },
    SwapLines { first: usize, second: usize },
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 1usize..12).prop_map(|(at, len)| Edit::Delete { at, len }),
        (any::<usize>(), any::<usize>()).prop_map(|(at, snippet)| Edit::Insert { at, snippet }),
        (any::<usize>(), 1usize..8, any::<usize>()).prop_map(|(at, len, snippet)| Edit::Replace {
            at,
            len,
            snippet
        }),
        any::<usize>().prop_map(|line| Edit::DuplicateLine { line }),
        (any::<usize>(), any::<usize>()).prop_map(|(first, second)| Edit::SwapLines { first, second }),
    ]
}

fn apply(text: &str, edit: &Edit) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let position = |at: usize, len: usize| if len == 0 { 0 } else { at % (len + 1) };
    match edit {
        Edit::Delete { at, len } => {
            let start = position(*at, chars.len());
            let end = (start + len).min(chars.len());
            chars.drain(start..end);
        }
        Edit::Insert { at, snippet } => {
            let start = position(*at, chars.len());
            let piece = SNIPPETS[snippet % SNIPPETS.len()];
            chars.splice(start..start, piece.chars());
        }
        Edit::Replace { at, len, snippet } => {
            let start = position(*at, chars.len());
            let end = (start + len).min(chars.len());
            let piece = SNIPPETS[snippet % SNIPPETS.len()];
            chars.splice(start..end, piece.chars());
        }
        Edit::DuplicateLine { line } | Edit::SwapLines { first: line, .. } => {
            let mut lines: Vec<String> =
                chars.iter().collect::<String>().lines().map(str::to_owned).collect();
            if !lines.is_empty() {
                let index = line % lines.len();
                if let Edit::SwapLines { second, .. } = edit {
                    let other = second % lines.len();
                    lines.swap(index, other);
                } else {
                    let copy = lines[index].clone();
                    lines.insert(index, copy);
                }
            }
            return lines.join("\n");
        }
    }
    chars.into_iter().collect()
}

/// Whatever parses must verify without panicking and print to a fixed point.
fn check_parsed_text_is_stable(text: &str) -> Result<(), TestCaseError> {
    let Ok(module) = parse_module(text) else { return Ok(()) };
    let _ = verify_module(&module);
    let printed = module.to_string();
    let reparsed = parse_module(&printed)
        .map_err(|error| TestCaseError::fail(format!("printed text does not parse: {error}\n{printed}")))?;
    prop_assert_eq!(reparsed.to_string(), printed);
    Ok(())
}

proptest! {
    #[test]
    fn built_functions_verify_and_round_trip(stmts in prop::collection::vec(stmt_strategy(), 0..12)) {
        let func = build(&stmts);
        if let Err(errors) = verify(&func) {
            let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
            return Err(TestCaseError::fail(format!("{}\n{func}", messages.join("\n"))));
        }
        let printed = func.to_string();
        let parsed = parse_function(&printed).map_err(|error| TestCaseError::fail(format!("{error}\n{printed}")))?;
        prop_assert_eq!(parsed.to_string(), printed.clone());
        prop_assert_eq!(structural_difference(&func, &parsed), None);
        prop_assert!(verify(&parsed).is_ok());
    }

    #[test]
    fn mutated_corpus_never_panics(seed in any::<usize>(), edits in prop::collection::vec(edit_strategy(), 1..4)) {
        let texts = corpus_texts();
        let mut text = texts[seed % texts.len()].clone();
        for edit in &edits {
            text = apply(&text, edit);
        }
        check_parsed_text_is_stable(&text)?;
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        check_parsed_text_is_stable(&text)?;
    }
}
