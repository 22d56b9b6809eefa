//! Property tests: random programs built with `ir::FunctionBuilder` — integer and float
//! arithmetic (divisions by zero and out-of-range conversions included), constant and
//! variable conditions, diamonds, `for` loops with carried values, `while` loops as
//! blocks, `parfor` reductions, prints, conditional raises, and calls (plain, `try_call`s
//! with a handler, `invoke`s holding an array) to small, looping, raising and recursive
//! helpers —
//! stay valid after each pass and after the whole pipeline, compute the same results and
//! print the same output as before on random inputs (the reference interpreter decides),
//! report `Unchanged` only when nothing changed, and reach a fixed point (running a
//! cleanup pass twice changes nothing the second time).
//!
//! The corpus tests at the end run every pass and the pipeline over the IR crate's `ok`
//! corpus and this crate's own corpus inputs.

mod support;

use std::path::Path;

use numjit_ir::{
    ExceptionKind, FloatCC, FuncRef, Function, FunctionBuilder, IntCC, LoopRange, Module, ReduceOp,
    Reduction, Value, parse_module, verify_module,
};
use numjit_opt::interpreter::RuntimeValue;
use numjit_opt::{Pass, PassContext, pipeline, run_pipeline};
use numjit_types::{ScalarType, Type};
use proptest::prelude::*;
use support::{RunOutcome, run_function};

/// A statement of the generated programs. Indices pick values among those visible
/// (modulo their number), so every statement is well-formed wherever it lands.
#[derive(Clone, Debug)]
enum Stmt {
    IntConst(i64),
    FloatConst(f64),
    BoolConst(bool),
    IntBinary(u8, usize, usize),
    FloatBinary(u8, usize, usize),
    Compare(u8, usize, usize),
    Convert(u8, usize),
    Select(usize, usize, usize),
    Print(usize),
    Call(u8, usize),
    /// `try_call` of a helper; the handler edge gives a constant instead of the result.
    TryCall(u8, usize, i64),
    /// `invoke` of a helper while holding an array, which the normal edge and the unwind
    /// code (ending in `resume`) both release.
    Invoke(u8, usize),
    /// Raises when a condition holds.
    RaiseIf(usize),
    If(usize, Vec<Stmt>, Vec<Stmt>),
    For(u8, Vec<Stmt>),
    While(Vec<Stmt>),
    Parfor(Vec<Stmt>),
}

fn small_int() -> impl Strategy<Value = i64> {
    prop_oneof![4 => -3i64..=8, 1 => any::<i64>(), 1 => Just(i64::MIN)]
}

fn stmt_strategy() -> impl Strategy<Value = Stmt> {
    let leaf = prop_oneof![
        3 => small_int().prop_map(Stmt::IntConst),
        1 => prop_oneof![-4.0f64..4.0, Just(0.0), Just(-0.0), Just(f64::NAN), Just(f64::INFINITY), Just(1e300)]
            .prop_map(Stmt::FloatConst),
        1 => any::<bool>().prop_map(Stmt::BoolConst),
        6 => (0u8..13, any::<usize>(), any::<usize>()).prop_map(|(op, a, b)| Stmt::IntBinary(op, a, b)),
        3 => (0u8..7, any::<usize>(), any::<usize>()).prop_map(|(op, a, b)| Stmt::FloatBinary(op, a, b)),
        2 => (0u8..8, any::<usize>(), any::<usize>()).prop_map(|(cc, a, b)| Stmt::Compare(cc, a, b)),
        2 => (0u8..4, any::<usize>()).prop_map(|(kind, a)| Stmt::Convert(kind, a)),
        1 => (any::<usize>(), any::<usize>(), any::<usize>()).prop_map(|(c, a, b)| Stmt::Select(c, a, b)),
        1 => any::<usize>().prop_map(Stmt::Print),
        1 => (0u8..3, any::<usize>()).prop_map(|(which, a)| Stmt::Call(which, a)),
        1 => (0u8..3, any::<usize>(), small_int()).prop_map(|(which, a, k)| Stmt::TryCall(which, a, k)),
        1 => (0u8..3, any::<usize>()).prop_map(|(which, a)| Stmt::Invoke(which, a)),
        1 => any::<usize>().prop_map(Stmt::RaiseIf),
    ];
    leaf.prop_recursive(3, 48, 6, |inner| {
        prop_oneof![
            (
                any::<usize>(),
                prop::collection::vec(inner.clone(), 0..5),
                prop::collection::vec(inner.clone(), 0..5)
            )
                .prop_map(|(c, then_stmts, else_stmts)| Stmt::If(c, then_stmts, else_stmts)),
            (0u8..3, prop::collection::vec(inner.clone(), 0..6))
                .prop_map(|(bound, body)| Stmt::For(bound, body)),
            prop::collection::vec(inner.clone(), 0..5).prop_map(Stmt::While),
            prop::collection::vec(inner, 0..5).prop_map(Stmt::Parfor),
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

fn last(values: &[Value]) -> Value {
    values[values.len() - 1]
}

struct Generator<'b, 'f> {
    builder: &'b mut FunctionBuilder<'f>,
    zero: Value,
    one: Value,
    /// A small trip count (`n & 7`) and a constant one, for loop bounds.
    small: Value,
    three: Value,
    /// The helpers this function may call (`@h0`, `@h1`, `@rec`).
    helpers: Vec<FuncRef>,
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
            Stmt::BoolConst(value) => scope.bools.push(b.bconst(*value)),
            Stmt::IntBinary(op, x, y) => {
                let (x, y) = (pick(&scope.ints, *x), pick(&scope.ints, *y));
                let value = match op {
                    0 => b.iadd(x, y),
                    1 => b.isub(x, y),
                    2 => b.imul(x, y),
                    3 => b.ifloordiv(x, y),
                    4 => b.imod(x, y),
                    5 => b.iand(x, y),
                    6 => b.ior(x, y),
                    7 => b.ixor(x, y),
                    8 => b.ishl(x, y),
                    9 => b.ishr(x, y),
                    10 => b.idiv(x, y),
                    11 => b.irem(x, y),
                    _ => b.ipow(x, y),
                };
                scope.ints.push(value);
            }
            Stmt::FloatBinary(op, x, y) => {
                let (x, y) = (pick(&scope.floats, *x), pick(&scope.floats, *y));
                let value = match op {
                    0 => b.fadd(x, y),
                    1 => b.fsub(x, y),
                    2 => b.fmul(x, y),
                    3 => b.fdiv(x, y),
                    4 => b.ffloordiv(x, y),
                    5 => b.fmod(x, y),
                    _ => b.fneg(x),
                };
                scope.floats.push(value);
            }
            Stmt::Compare(cc, x, y) => {
                let value = if *cc < 6 {
                    b.icmp(IntCC::ALL[usize::from(*cc)], pick(&scope.ints, *x), pick(&scope.ints, *y))
                } else {
                    let cc = if *cc == 6 { FloatCC::NotEqual } else { FloatCC::LessThan };
                    b.fcmp(cc, pick(&scope.floats, *x), pick(&scope.floats, *y))
                };
                scope.bools.push(value);
            }
            Stmt::Convert(kind, x) => match kind {
                0 => scope.floats.push(b.convert(ScalarType::Float64, pick(&scope.ints, *x))),
                1 => scope.ints.push(b.convert(ScalarType::Int64, pick(&scope.floats, *x))),
                2 => {
                    let narrow = b.convert(ScalarType::Int8, pick(&scope.ints, *x));
                    scope.ints.push(b.convert(ScalarType::Int64, narrow));
                }
                _ => {
                    let condition = self.bool_in(scope, *x);
                    scope.ints.push(self.builder.convert(ScalarType::Int64, condition));
                }
            },
            Stmt::Select(c, x, y) => {
                let condition = self.bool_in(scope, *c);
                let value = self.builder.select(condition, pick(&scope.ints, *x), pick(&scope.ints, *y));
                scope.ints.push(value);
            }
            Stmt::Print(x) => {
                b.print(&[pick(&scope.ints, *x)]);
            }
            Stmt::Call(which, x) => {
                if let Some(callee) = self.helpers.get(usize::from(*which)).copied() {
                    let arg = pick(&scope.ints, *x);
                    scope.ints.push(self.builder.call(callee, &[arg]));
                }
            }
            Stmt::TryCall(which, x, fallback) => {
                if let Some(callee) = self.helpers.get(usize::from(*which)).copied() {
                    let arg = pick(&scope.ints, *x);
                    let b = &mut *self.builder;
                    let (ok, handler, merge) = (b.create_block(), b.create_block(), b.create_block());
                    let returned = b.append_block_param(ok, Type::INT64);
                    b.try_call(callee, &[arg], ok, handler, &[]);
                    b.switch_to_block(ok);
                    b.jump(merge, &[returned]);
                    b.switch_to_block(handler);
                    let fallback = b.iconst(ScalarType::Int64, i128::from(*fallback));
                    b.jump(merge, &[fallback]);
                    let result = b.append_block_param(merge, Type::INT64);
                    b.switch_to_block(merge);
                    scope.ints.push(result);
                }
            }
            Stmt::Invoke(which, x) => {
                if let Some(callee) = self.helpers.get(usize::from(*which)).copied() {
                    let arg = pick(&scope.ints, *x);
                    let b = &mut *self.builder;
                    let one = b.iconst(ScalarType::Int64, 1);
                    let held = b.array_alloc(ScalarType::Float64, true, &[one]);
                    let (ok, unwind) = (b.create_block(), b.create_block());
                    let returned = b.append_block_param(ok, Type::INT64);
                    b.invoke(callee, &[arg], ok, unwind, &[]);
                    b.switch_to_block(unwind);
                    b.array_decref(held);
                    b.resume();
                    b.switch_to_block(ok);
                    b.array_decref(held);
                    scope.ints.push(returned);
                }
            }
            Stmt::RaiseIf(c) => {
                let condition = self.bool_in(scope, *c);
                let b = &mut *self.builder;
                let (raise_block, cont) = (b.create_block(), b.create_block());
                b.brif(condition, raise_block, &[], cont, &[]);
                b.switch_to_block(raise_block);
                b.raise(ExceptionKind::ValueError, "generated");
                b.switch_to_block(cont);
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
                    self.builder.jump(merge, &[last(&inner.ints), last(&inner.floats)]);
                }
                let b = &mut *self.builder;
                let int = b.append_block_param(merge, Type::INT64);
                let float = b.append_block_param(merge, Type::FLOAT64);
                b.switch_to_block(merge);
                scope.ints.push(int);
                scope.floats.push(float);
            }
            Stmt::For(bound, body) => {
                // Bounds: `n & 7`, a constant 3, or the empty range(3, 0).
                let (start, stop) = match bound {
                    0 => (self.zero, self.small),
                    1 => (self.zero, self.three),
                    _ => (self.three, self.zero),
                };
                let range = LoopRange { start, stop, step: self.one };
                let lp = self.builder.for_loop(range, &[last(&scope.ints), last(&scope.floats)]);
                let after = self.builder.position();
                self.builder.switch_to_block(lp.entry_block);
                let mut inner = scope.clone();
                inner.ints.push(lp.induction_variable);
                inner.ints.push(lp.carried[0]);
                inner.floats.push(lp.carried[1]);
                self.stmts(body, &mut inner);
                self.builder.yield_(&[last(&inner.ints), last(&inner.floats)]);
                self.builder.set_position(after);
                scope.ints.push(lp.results[0]);
                scope.floats.push(lp.results[1]);
            }
            Stmt::While(body) => {
                // counter = 0; while counter < 3: body; counter += 1
                let b = &mut *self.builder;
                let (header, loop_body, exit) = (b.create_block(), b.create_block(), b.create_block());
                let counter = b.append_block_param(header, Type::INT64);
                let carried = b.append_block_param(header, Type::INT64);
                let result = b.append_block_param(exit, Type::INT64);
                b.jump(header, &[self.zero, last(&scope.ints)]);
                b.switch_to_block(header);
                let more = b.icmp(IntCC::LessThan, counter, self.three);
                b.brif(more, loop_body, &[], exit, &[carried]);
                b.switch_to_block(loop_body);
                let mut inner = scope.clone();
                inner.ints.push(counter);
                inner.ints.push(carried);
                self.stmts(body, &mut inner);
                let next = self.builder.iadd(counter, self.one);
                self.builder.jump(header, &[next, last(&inner.ints)]);
                self.builder.switch_to_block(exit);
                scope.ints.push(result);
            }
            Stmt::Parfor(body) => {
                let range = LoopRange { start: self.zero, stop: self.small, step: self.one };
                let reduction = Reduction { op: ReduceOp::Add, init: last(&scope.ints), identity: self.zero };
                let lp = self.builder.parfor(&[range], &[reduction]);
                let after = self.builder.position();
                self.builder.switch_to_block(lp.entry_block);
                let mut inner = scope.clone();
                inner.ints.push(lp.indices[0]);
                self.stmts(body, &mut inner);
                let partial = self.builder.iadd(lp.accumulators[0], last(&inner.ints));
                self.builder.yield_(&[partial]);
                self.builder.set_position(after);
                scope.ints.push(lp.results[0]);
            }
        }
    }
}

/// Builds `@name(int64, int64, float64) -> Tuple(int64..., float64...)` or, for helpers,
/// `@name(int64) -> int64`, from `stmts`, calling `callees` by name.
fn build_function(name: &str, helper: bool, stmts: &[Stmt], callees: &[&str]) -> Function {
    let (params, return_type) = if helper {
        (vec![Type::INT64], Type::INT64)
    } else {
        (vec![Type::INT64, Type::INT64, Type::FLOAT64], Type::Tuple(vec![Type::INT64, Type::FLOAT64]))
    };
    let mut func = Function::new(name, params, return_type);
    let helpers: Vec<FuncRef> =
        callees.iter().map(|callee| func.declare_function(*callee, vec![Type::INT64], Type::INT64)).collect();
    let mut builder = FunctionBuilder::new(&mut func);
    let entry = builder.create_entry_block();
    builder.switch_to_block(entry);
    let params = builder.block_params(entry).to_vec();
    let zero = builder.iconst(ScalarType::Int64, 0);
    let one = builder.iconst(ScalarType::Int64, 1);
    let three = builder.iconst(ScalarType::Int64, 3);
    let seven = builder.iconst(ScalarType::Int64, 7);
    let small = builder.iand(params[0], seven);
    let half = builder.fconst(ScalarType::Float64, 0.5);
    let mut scope = Scope { ints: vec![zero, one, params[0]], floats: vec![half], bools: Vec::new() };
    if !helper {
        scope.ints.push(params[1]);
        scope.floats.push(params[2]);
    }
    let mut generator = Generator { builder: &mut builder, zero, one, small, three, helpers };
    generator.stmts(stmts, &mut scope);
    // Every value computed at the top level is observable: a helper returns the xor of its
    // integers, `main` a tuple of all its values.
    if helper {
        let mut result = scope.ints[0];
        for value in &scope.ints[1..] {
            result = builder.ixor(result, *value);
        }
        builder.return_(result);
    } else {
        let values: Vec<Value> = scope.ints.iter().chain(&scope.floats).copied().collect();
        let types: Vec<Type> = values.iter().map(|value| builder.value_type(*value).clone()).collect();
        builder.func.return_type = Type::Tuple(types);
        let result = builder.tuple_make(&values);
        builder.return_(result);
    }
    func
}

/// `@rec(n)`: recursive on `n & 3`, so it ends.
fn recursive_helper() -> Function {
    let text = "func @rec(int64) -> int64 {
    fn0 = @rec(int64) -> int64
block0(v0: int64):
    v1 = iconst.int64 3
    v2 = iand v0, v1
    v3 = iconst.int64 0
    v4 = icmp eq v2, v3
    brif v4, block1, block2
block1:
    return v3
block2:
    v5 = iconst.int64 1
    v6 = isub v2, v5
    v7 = call fn0(v6)
    v8 = iadd v7, v0
    return v8
}";
    parse_module(text).map(|mut module| module.functions.remove(0)).unwrap_or_else(|error| panic!("{error}"))
}

fn build_module(main: &[Stmt], h0: &[Stmt], h1: &[Stmt]) -> Module {
    Module {
        functions: vec![
            build_function("main", false, main, &["h0", "h1", "rec"]),
            build_function("h0", true, h0, &[]),
            build_function("h1", true, h1, &["h0"]),
            recursive_helper(),
        ],
    }
}

fn run_main(module: &Module, input: &(i64, i64, f64)) -> RunOutcome {
    let args = [
        RuntimeValue::Int(ScalarType::Int64, i128::from(input.0)),
        RuntimeValue::Int(ScalarType::Int64, i128::from(input.1)),
        RuntimeValue::Float(ScalarType::Float64, input.2),
    ];
    run_function(module, "main", &args)
}

fn verified_context() -> PassContext {
    let mut cx = PassContext::new();
    cx.verify_after_each_pass = true;
    cx
}

/// Runs `passes` on a copy of `module`; checks validity and, for each input, agreement
/// with the original's conclusive runs. Returns the transformed module.
fn check_passes(
    module: &Module,
    passes: &[Pass],
    inputs: &[(i64, i64, f64)],
    what: &str,
) -> Result<Module, TestCaseError> {
    let mut optimised = module.clone();
    let mut cx = verified_context();
    if let Err(error) = run_pipeline(&mut optimised, passes, &mut cx) {
        return Err(TestCaseError::fail(format!("{what}: {error}\n{module}")));
    }
    for input in inputs {
        let before = run_main(module, input);
        if !before.is_conclusive() {
            continue;
        }
        let after = run_main(&optimised, input);
        prop_assert!(
            before.agrees_with(&after),
            "{what} changed main{input:?}: {before} before, {after} after\n--- before ---\n{module}\n--- after ---\n{optimised}"
        );
    }
    Ok(optimised)
}

fn inputs() -> impl Strategy<Value = Vec<(i64, i64, f64)>> {
    prop::collection::vec(
        (small_int(), small_int(), prop_oneof![-8.0f64..8.0, Just(-0.0), Just(f64::NAN)]),
        3,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn passes_keep_programs_valid_and_their_meaning(
        main in prop::collection::vec(stmt_strategy(), 1..12),
        h0 in prop::collection::vec(stmt_strategy(), 0..4),
        h1 in prop::collection::vec(stmt_strategy(), 0..6),
        inputs in inputs(),
    ) {
        let module = build_module(&main, &h0, &h1);
        if let Err(errors) = verify_module(&module) {
            return Err(TestCaseError::fail(format!("the generator built invalid IR: {errors:?}\n{module}")));
        }
        for pass in pipeline::ALL_PASSES {
            let once = check_passes(&module, &[pass], &inputs, pass.name)?;
            // Reported outcomes are honest, and the cleanup passes reach a fixed point.
            let mut twice = once.clone();
            let mut cx = verified_context();
            run_pipeline(&mut twice, &[pass], &mut cx).map_err(|error| TestCaseError::fail(error.to_string()))?;
            let changed = cx.timings.last().is_some_and(|timing| timing.changed);
            prop_assert!(changed || twice.to_string() == once.to_string(), "{} said Unchanged but changed the IR", pass.name);
            if pass.name != "inline_functions" {
                prop_assert!(!changed, "{} changed its own output:\n{once}\n---\n{twice}", pass.name);
            }
        }
        check_passes(&module, &pipeline::default(), &inputs, "the default pipeline")?;
    }
}

/// Every pass, and the default pipeline, on every file of the IR crate's `ok` corpus and
/// on this crate's corpus inputs: the output verifies.
#[test]
fn passes_keep_corpus_files_valid() {
    let roots = [
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../numjit_ir/test_data/ok"),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data"),
    ];
    let mut files = Vec::new();
    for root in &roots {
        let mut stack = vec![root.clone()];
        while let Some(dir) = stack.pop() {
            for entry in
                std::fs::read_dir(&dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display())).flatten()
            {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|ext| ext == "nir") {
                    files.push(path);
                }
            }
        }
    }
    assert!(files.len() > 50, "found only {} corpus files", files.len());
    let mut pipelines: Vec<(String, Vec<Pass>)> =
        pipeline::ALL_PASSES.iter().map(|pass| (pass.name.to_owned(), vec![*pass])).collect();
    pipelines.push(("default".to_owned(), pipeline::default()));
    for path in files {
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let module = parse_module(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        for (name, passes) in &pipelines {
            let mut optimised = module.clone();
            let mut cx = verified_context();
            if let Err(error) = run_pipeline(&mut optimised, passes, &mut cx) {
                panic!("{}: {name}: {error}", path.display());
            }
        }
    }
}
