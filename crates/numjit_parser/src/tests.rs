//! Unit tests of the parser: trees (compared with CPython 3.11's `ast.dump`), precedence,
//! strings, f-strings, error messages, ranges and pathological inputs.

mod dump;

use numjit_ast::visitor::{self, Visitor};
use numjit_ast::{Expr, Ranged};

use super::*;

/// Parses `source` and compares the tree with CPython's `ast.dump` of it.
fn check(source: &str, expected: &str) {
    let parsed = parse_module(source);
    assert!(parsed.errors.is_empty(), "{source:?} failed: {:?}", parsed.errors);
    assert_eq!(dump::module(&parsed.module), expected, "source: {source:?}");
    check_ranges(source, &parsed.module);
}

/// Parses `source` and checks the first error's message.
fn check_error(source: &str, expected: &str) -> ParseError {
    let parsed = parse_module(source);
    let Some(error) = parsed.errors.first() else {
        panic!("{source:?} parsed: {}", dump::module(&parsed.module))
    };
    assert_eq!(error.message(), expected, "source: {source:?}");
    assert!(usize::from(error.range.end()) <= source.len(), "{source:?}: {error:?}");
    error.clone()
}

/// Every node's range lies inside the source and inside its parent's.
struct RangeChecker {
    stack: Vec<TextRange>,
    violations: Vec<String>,
}

impl RangeChecker {
    fn enter(&mut self, what: &str, range: TextRange) {
        if let Some(parent) = self.stack.last()
            && !parent.contains_range(range)
        {
            self.violations.push(format!("{what} {range:?} outside {parent:?}"));
        }
    }
}

impl<'a> Visitor<'a> for RangeChecker {
    fn visit_stmt(&mut self, stmt: &'a ast::Stmt) {
        self.enter("stmt", stmt.range());
        self.stack.push(stmt.range());
        visitor::walk_stmt(self, stmt);
        self.stack.pop();
    }
    fn visit_expr(&mut self, expr: &'a Expr) {
        self.enter("expr", expr.range());
        self.stack.push(expr.range());
        visitor::walk_expr(self, expr);
        self.stack.pop();
    }
    fn visit_pattern(&mut self, pattern: &'a ast::Pattern) {
        self.enter("pattern", pattern.range());
        self.stack.push(pattern.range());
        visitor::walk_pattern(self, pattern);
        self.stack.pop();
    }
    fn visit_identifier(&mut self, identifier: &'a ast::Identifier) {
        self.enter("identifier", identifier.range);
    }
}

fn check_ranges(source: &str, module: &ast::ModModule) {
    let mut checker =
        RangeChecker { stack: vec![TextRange::up_to(text_size(source.len()))], violations: Vec::new() };
    checker.visit_body(&module.body);
    assert!(checker.violations.is_empty(), "{source:?}: {:#?}", checker.violations);
}

/// (source, `ast.dump(ast.parse(source))` from CPython 3.11)
const TREES: &[(&str, &str)] = &[
    (
        "match x:\n case a.b(): pass\n",
        "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchClass(cls=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), patterns=[], kwd_attrs=[], kwd_patterns=[]), body=[Pass()])])], type_ignores=[])",
    ),
    (
        "match x:\n case f\"x\": pass\n",
        "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchValue(value=JoinedStr(values=[Constant(value='x')])), body=[Pass()])])], type_ignores=[])",
    ),
    (
        "match x:\n case a.b as c: pass\n",
        "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchAs(pattern=MatchValue(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load())), name='c'), body=[Pass()])])], type_ignores=[])",
    ),
    (
        "match x:\n case [a, *_, *b]: pass\n",
        "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchSequence(patterns=[MatchAs(name='a'), MatchStar(), MatchStar(name='b')]), body=[Pass()])])], type_ignores=[])",
    ),
    (
        "match x:\n case -1j: pass\n",
        "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchValue(value=UnaryOp(op=USub(), operand=Constant(value=1j))), body=[Pass()])])], type_ignores=[])",
    ),
    ("del ()\n", "Module(body=[Delete(targets=[Tuple(elts=[], ctx=Del())])], type_ignores=[])"),
    (
        "del (a,), [b]\n",
        "Module(body=[Delete(targets=[Tuple(elts=[Name(id='a', ctx=Del())], ctx=Del()), List(elts=[Name(id='b', ctx=Del())], ctx=Del())])], type_ignores=[])",
    ),
    (
        "*a, *b = c\n",
        "Module(body=[Assign(targets=[Tuple(elts=[Starred(value=Name(id='a', ctx=Store()), ctx=Store()), Starred(value=Name(id='b', ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[])",
    ),
    (
        "() = x\n",
        "Module(body=[Assign(targets=[Tuple(elts=[], ctx=Store())], value=Name(id='x', ctx=Load()))], type_ignores=[])",
    ),
    (
        "[] = x\n",
        "Module(body=[Assign(targets=[List(elts=[], ctx=Store())], value=Name(id='x', ctx=Load()))], type_ignores=[])",
    ),
    (
        "f'{a!r:}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[]))]))], type_ignores=[])",
    ),
    (
        "x = lambda: (yield)\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Yield()))], type_ignores=[])",
    ),
    (
        "@x\n@y\nclass A: pass\n",
        "Module(body=[ClassDef(name='A', bases=[], keywords=[], body=[Pass()], decorator_list=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())])], type_ignores=[])",
    ),
    (
        "async with a: pass\n",
        "Module(body=[AsyncWith(items=[withitem(context_expr=Name(id='a', ctx=Load()))], body=[Pass()])], type_ignores=[])",
    ),
    (
        "async for a in b: pass\n",
        "Module(body=[AsyncFor(target=Name(id='a', ctx=Store()), iter=Name(id='b', ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[])",
    ),
    (
        "def f(): return *a, *b\n",
        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Return(value=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()))], decorator_list=[])], type_ignores=[])",
    ),
    (
        "f(*a, b, c=1, *d, **e)\n",
        "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Name(id='b', ctx=Load()), Starred(value=Name(id='d', ctx=Load()), ctx=Load())], keywords=[keyword(arg='c', value=Constant(value=1)), keyword(value=Name(id='e', ctx=Load()))]))], type_ignores=[])",
    ),
    (
        "a if b else c if d else e\n",
        "Module(body=[Expr(value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=IfExp(test=Name(id='d', ctx=Load()), body=Name(id='c', ctx=Load()), orelse=Name(id='e', ctx=Load()))))], type_ignores=[])",
    ),
    (
        "a = b if c else d, e\n",
        "Module(body=[Assign(targets=[Name(id='a', ctx=Store())], value=Tuple(elts=[IfExp(test=Name(id='c', ctx=Load()), body=Name(id='b', ctx=Load()), orelse=Name(id='d', ctx=Load())), Name(id='e', ctx=Load())], ctx=Load()))], type_ignores=[])",
    ),
    (
        "lambda: a, b\n",
        "Module(body=[Expr(value=Tuple(elts=[Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Name(id='a', ctx=Load())), Name(id='b', ctx=Load())], ctx=Load()))], type_ignores=[])",
    ),
    (
        "x = a, *b\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[Name(id='a', ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()))], type_ignores=[])",
    ),
    (
        "not not a\n",
        "Module(body=[Expr(value=UnaryOp(op=Not(), operand=UnaryOp(op=Not(), operand=Name(id='a', ctx=Load()))))], type_ignores=[])",
    ),
    (
        "-----a\n",
        "Module(body=[Expr(value=UnaryOp(op=USub(), operand=UnaryOp(op=USub(), operand=UnaryOp(op=USub(), operand=UnaryOp(op=USub(), operand=UnaryOp(op=USub(), operand=Name(id='a', ctx=Load())))))))], type_ignores=[])",
    ),
    (
        "a[::]\n",
        "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(), ctx=Load()))], type_ignores=[])",
    ),
    (
        "a[:, :]\n",
        "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(), Slice()], ctx=Load()), ctx=Load()))], type_ignores=[])",
    ),
    (
        "a.b.c = d.e.f\n",
        "Module(body=[Assign(targets=[Attribute(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), attr='c', ctx=Store())], value=Attribute(value=Attribute(value=Name(id='d', ctx=Load()), attr='e', ctx=Load()), attr='f', ctx=Load()))], type_ignores=[])",
    ),
    (
        "1 .real\n",
        "Module(body=[Expr(value=Attribute(value=Constant(value=1), attr='real', ctx=Load()))], type_ignores=[])",
    ),
    (
        "x = 1if True else 2\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=IfExp(test=Constant(value=True), body=Constant(value=1), orelse=Constant(value=2)))], type_ignores=[])",
    ),
    ("0x_1\n", "Module(body=[Expr(value=Constant(value=1))], type_ignores=[])"),
    (
        "f((a for a in b), c)\n",
        "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name(id='a', ctx=Load()), generators=[comprehension(target=Name(id='a', ctx=Store()), iter=Name(id='b', ctx=Load()), ifs=[], is_async=0)]), Name(id='c', ctx=Load())], keywords=[]))], type_ignores=[])",
    ),
    (
        "[i for i in range(3) if i if i]\n",
        "Module(body=[Expr(value=ListComp(elt=Name(id='i', ctx=Load()), generators=[comprehension(target=Name(id='i', ctx=Store()), iter=Call(func=Name(id='range', ctx=Load()), args=[Constant(value=3)], keywords=[]), ifs=[Name(id='i', ctx=Load()), Name(id='i', ctx=Load())], is_async=0)]))], type_ignores=[])",
    ),
    (
        "{a: b, **c, d: e}\n",
        "Module(body=[Expr(value=Dict(keys=[Name(id='a', ctx=Load()), None, Name(id='d', ctx=Load())], values=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id='e', ctx=Load())]))], type_ignores=[])",
    ),
    (
        "{*a, *b}\n",
        "Module(body=[Expr(value=Set(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())]))], type_ignores=[])",
    ),
    (
        "*a\n",
        "Module(body=[Expr(value=Starred(value=Name(id='a', ctx=Load()), ctx=Load()))], type_ignores=[])",
    ),
    (
        "*a, b\n",
        "Module(body=[Expr(value=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()))], type_ignores=[])",
    ),
    (
        "print(a, *b, sep='')\n",
        "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Name(id='a', ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], keywords=[keyword(arg='sep', value=Constant(value=''))]))], type_ignores=[])",
    ),
    (
        "x = (yield)\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Yield())], type_ignores=[])",
    ),
    (
        "def f():\n x = yield\n y = yield from z\n await w\n",
        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Assign(targets=[Name(id='x', ctx=Store())], value=Yield()), Assign(targets=[Name(id='y', ctx=Store())], value=YieldFrom(value=Name(id='z', ctx=Load()))), Expr(value=Await(value=Name(id='w', ctx=Load())))], decorator_list=[])], type_ignores=[])",
    ),
    (
        "class A(B, *C, **D): pass\n",
        "Module(body=[ClassDef(name='A', bases=[Name(id='B', ctx=Load()), Starred(value=Name(id='C', ctx=Load()), ctx=Load())], keywords=[keyword(value=Name(id='D', ctx=Load()))], body=[Pass()], decorator_list=[])], type_ignores=[])",
    ),
    (
        "with open(a) as f, open(b) as g: pass\n",
        "Module(body=[With(items=[withitem(context_expr=Call(func=Name(id='open', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[]), optional_vars=Name(id='f', ctx=Store())), withitem(context_expr=Call(func=Name(id='open', ctx=Load()), args=[Name(id='b', ctx=Load())], keywords=[]), optional_vars=Name(id='g', ctx=Store()))], body=[Pass()])], type_ignores=[])",
    ),
    (
        "with (open(a) as f, open(b) as g): pass\n",
        "Module(body=[With(items=[withitem(context_expr=Call(func=Name(id='open', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[]), optional_vars=Name(id='f', ctx=Store())), withitem(context_expr=Call(func=Name(id='open', ctx=Load()), args=[Name(id='b', ctx=Load())], keywords=[]), optional_vars=Name(id='g', ctx=Store()))], body=[Pass()])], type_ignores=[])",
    ),
    (
        "with (a, b as c): pass\n",
        "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load())), withitem(context_expr=Name(id='b', ctx=Load()), optional_vars=Name(id='c', ctx=Store()))], body=[Pass()])], type_ignores=[])",
    ),
    (
        "with (a, b): pass\n",
        "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load())), withitem(context_expr=Name(id='b', ctx=Load()))], body=[Pass()])], type_ignores=[])",
    ),
    (
        "with ((a, b) as c): pass\n",
        "Module(body=[With(items=[withitem(context_expr=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), optional_vars=Name(id='c', ctx=Store()))], body=[Pass()])], type_ignores=[])",
    ),
    (
        "with (a for a in b): pass\n",
        "Module(body=[With(items=[withitem(context_expr=GeneratorExp(elt=Name(id='a', ctx=Load()), generators=[comprehension(target=Name(id='a', ctx=Store()), iter=Name(id='b', ctx=Load()), ifs=[], is_async=0)]))], body=[Pass()])], type_ignores=[])",
    ),
    (
        "if (x := 1): pass\n",
        "Module(body=[If(test=NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=1)), body=[Pass()], orelse=[])], type_ignores=[])",
    ),
    (
        "while (x := f()) is not None: pass\n",
        "Module(body=[While(test=Compare(left=NamedExpr(target=Name(id='x', ctx=Store()), value=Call(func=Name(id='f', ctx=Load()), args=[], keywords=[])), ops=[IsNot()], comparators=[Constant(value=None)]), body=[Pass()], orelse=[])], type_ignores=[])",
    ),
    (
        "x = (y := 1)\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=NamedExpr(target=Name(id='y', ctx=Store()), value=Constant(value=1)))], type_ignores=[])",
    ),
    (
        "f(x := 1, y := 2)\n",
        "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=1)), NamedExpr(target=Name(id='y', ctx=Store()), value=Constant(value=2))], keywords=[]))], type_ignores=[])",
    ),
    (
        "def f(x=(y := 1)): pass\n",
        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='x')], kwonlyargs=[], kw_defaults=[], defaults=[NamedExpr(target=Name(id='y', ctx=Store()), value=Constant(value=1))]), body=[Pass()], decorator_list=[])], type_ignores=[])",
    ),
    (
        "[y := 1 for x in z]\n",
        "Module(body=[Expr(value=ListComp(elt=NamedExpr(target=Name(id='y', ctx=Store()), value=Constant(value=1)), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='z', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])",
    ),
    (
        "{x := 1}\n",
        "Module(body=[Expr(value=Set(elts=[NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=1))]))], type_ignores=[])",
    ),
    (
        "a[x := 1]\n",
        "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=1)), ctx=Load()))], type_ignores=[])",
    ),
    (
        "a[x := 1, y]\n",
        "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=1)), Name(id='y', ctx=Load())], ctx=Load()), ctx=Load()))], type_ignores=[])",
    ),
    (
        "(x := 1, y := 2)\n",
        "Module(body=[Expr(value=Tuple(elts=[NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=1)), NamedExpr(target=Name(id='y', ctx=Store()), value=Constant(value=2))], ctx=Load()))], type_ignores=[])",
    ),
    (
        "f(a := 1 for a in b)\n",
        "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=NamedExpr(target=Name(id='a', ctx=Store()), value=Constant(value=1)), generators=[comprehension(target=Name(id='a', ctx=Store()), iter=Name(id='b', ctx=Load()), ifs=[], is_async=0)])], keywords=[]))], type_ignores=[])",
    ),
    (
        "@x := y\ndef f(): pass\n",
        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[NamedExpr(target=Name(id='x', ctx=Store()), value=Name(id='y', ctx=Load()))])], type_ignores=[])",
    ),
    (
        "@(x := y)\ndef f(): pass\n",
        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[NamedExpr(target=Name(id='x', ctx=Store()), value=Name(id='y', ctx=Load()))])], type_ignores=[])",
    ),
    (
        "f'{x=!r}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))], type_ignores=[])",
    ),
    (
        "f'{x=:{y}}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1)]))]))], type_ignores=[])",
    ),
    (
        "f'{x:{{}}}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Dict(keys=[], values=[]), conversion=-1)]))]))], type_ignores=[])",
    ),
    ("f'{{x}}'\n", "Module(body=[Expr(value=JoinedStr(values=[Constant(value='{x}')]))], type_ignores=[])"),
    (
        "f'{ x = }'\n",
        "Module(body=[Expr(value=JoinedStr(values=[Constant(value=' x = '), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))], type_ignores=[])",
    ),
    (
        "f'{x:=1}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='=1')]))]))], type_ignores=[])",
    ),
    (
        "f'{(x:=1)}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=1)), conversion=-1)]))], type_ignores=[])",
    ),
    (
        "f'{x==1}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Compare(left=Name(id='x', ctx=Load()), ops=[Eq()], comparators=[Constant(value=1)]), conversion=-1)]))], type_ignores=[])",
    ),
    (
        "f'{x!=1}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Compare(left=Name(id='x', ctx=Load()), ops=[NotEq()], comparators=[Constant(value=1)]), conversion=-1)]))], type_ignores=[])",
    ),
    (
        "f'{x<1}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Compare(left=Name(id='x', ctx=Load()), ops=[Lt()], comparators=[Constant(value=1)]), conversion=-1)]))], type_ignores=[])",
    ),
    (
        "f'{x>=1}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Compare(left=Name(id='x', ctx=Load()), ops=[GtE()], comparators=[Constant(value=1)]), conversion=-1)]))], type_ignores=[])",
    ),
    (
        "f'{a[1:2]}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(lower=Constant(value=1), upper=Constant(value=2)), ctx=Load()), conversion=-1)]))], type_ignores=[])",
    ),
    (
        "f'{a[\"b\"]}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value='b'), ctx=Load()), conversion=-1)]))], type_ignores=[])",
    ),
    (
        "f\"{a['b']}\"\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value='b'), ctx=Load()), conversion=-1)]))], type_ignores=[])",
    ),
    ("f'{{}}'\n", "Module(body=[Expr(value=JoinedStr(values=[Constant(value='{}')]))], type_ignores=[])"),
    (
        "f'{\"a\" \"b\"}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Constant(value='ab'), conversion=-1)]))], type_ignores=[])",
    ),
    (
        "f'''{\"\"\"a\"\"\"}'''\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Constant(value='a'), conversion=-1)]))], type_ignores=[])",
    ),
    (
        "f'{x:>10}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='>10')]))]))], type_ignores=[])",
    ),
    (
        "f'{x:\\n}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='\\n')]))]))], type_ignores=[])",
    ),
    (
        "f'\\N{DIGIT ONE}{x}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[Constant(value='1'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[])",
    ),
    (
        "rf'\\N{x}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[Constant(value='\\\\N'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[])",
    ),
    (
        "f'{(lambda: 1)}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Constant(value=1)), conversion=-1)]))], type_ignores=[])",
    ),
    (
        "f'{*a,}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load())], ctx=Load()), conversion=-1)]))], type_ignores=[])",
    ),
    (
        "f'{yield x}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Yield(value=Name(id='x', ctx=Load())), conversion=-1)]))], type_ignores=[])",
    ),
    (
        "f'{await x}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Await(value=Name(id='x', ctx=Load())), conversion=-1)]))], type_ignores=[])",
    ),
    (
        "f'{x for x in y}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]), conversion=-1)]))], type_ignores=[])",
    ),
    (
        "f'{[x for x in y]}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]), conversion=-1)]))], type_ignores=[])",
    ),
    (
        "f'{x if y else z}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=IfExp(test=Name(id='y', ctx=Load()), body=Name(id='x', ctx=Load()), orelse=Name(id='z', ctx=Load())), conversion=-1)]))], type_ignores=[])",
    ),
    (
        "f'{x,}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Tuple(elts=[Name(id='x', ctx=Load())], ctx=Load()), conversion=-1)]))], type_ignores=[])",
    ),
    ("U'a'\n", "Module(body=[Expr(value=Constant(value='a'))], type_ignores=[])"),
    ("Rb'a'\n", "Module(body=[Expr(value=Constant(value=b'a'))], type_ignores=[])"),
    ("bR'a'\n", "Module(body=[Expr(value=Constant(value=b'a'))], type_ignores=[])"),
    ("Br'a'\n", "Module(body=[Expr(value=Constant(value=b'a'))], type_ignores=[])"),
    ("'\\N{LATIN SMALL LETTER A}'\n", "Module(body=[Expr(value=Constant(value='a'))], type_ignores=[])"),
    ("'\\N{latin small letter a}'\n", "Module(body=[Expr(value=Constant(value='a'))], type_ignores=[])"),
    ("'\\8'\n", "Module(body=[Expr(value=Constant(value='\\\\8'))], type_ignores=[])"),
    ("b'\\8'\n", "Module(body=[Expr(value=Constant(value=b'\\\\8'))], type_ignores=[])"),
    ("'''\\n'''\n", "Module(body=[Expr(value=Constant(value='\\n'))], type_ignores=[])"),
    ("1_0\n", "Module(body=[Expr(value=Constant(value=10))], type_ignores=[])"),
    ("00\n", "Module(body=[Expr(value=Constant(value=0))], type_ignores=[])"),
    ("0\n", "Module(body=[Expr(value=Constant(value=0))], type_ignores=[])"),
    ("0.\n", "Module(body=[Expr(value=Constant(value=0.0))], type_ignores=[])"),
    (".0\n", "Module(body=[Expr(value=Constant(value=0.0))], type_ignores=[])"),
    ("1e1\n", "Module(body=[Expr(value=Constant(value=10.0))], type_ignores=[])"),
    ("1j\n", "Module(body=[Expr(value=Constant(value=1j))], type_ignores=[])"),
    ("1.j\n", "Module(body=[Expr(value=Constant(value=1j))], type_ignores=[])"),
    ("1.e5j\n", "Module(body=[Expr(value=Constant(value=100000j))], type_ignores=[])"),
    (
        "x = 1if 1else 2\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=IfExp(test=Constant(value=1), body=Constant(value=1), orelse=Constant(value=2)))], type_ignores=[])",
    ),
    (
        "if 1:\n\tpass\n",
        "Module(body=[If(test=Constant(value=1), body=[Pass()], orelse=[])], type_ignores=[])",
    ),
    (
        "if 1: pass\nelse: pass\n",
        "Module(body=[If(test=Constant(value=1), body=[Pass()], orelse=[Pass()])], type_ignores=[])",
    ),
    (
        "if 1: pass; pass\n",
        "Module(body=[If(test=Constant(value=1), body=[Pass(), Pass()], orelse=[])], type_ignores=[])",
    ),
    (
        "def f(): pass\n\n",
        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[])",
    ),
    ("\n\n\n\n", "Module(body=[], type_ignores=[])"),
    ("# comment only\n", "Module(body=[], type_ignores=[])"),
    (
        "x = 1 \\\n + 2\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))], type_ignores=[])",
    ),
    (
        "x = (1\n+\n2)\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))], type_ignores=[])",
    ),
    (
        "x = [\n]\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=List(elts=[], ctx=Load()))], type_ignores=[])",
    ),
    (
        "class A:\n    '''doc'''\n    x = 1\n",
        "Module(body=[ClassDef(name='A', bases=[], keywords=[], body=[Expr(value=Constant(value='doc')), Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], decorator_list=[])], type_ignores=[])",
    ),
    (
        "def f(a,):\n pass\n",
        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[])",
    ),
    (
        "def f(*a,):\n pass\n",
        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], vararg=arg(arg='a'), kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[])",
    ),
    (
        "def f(**a,):\n pass\n",
        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], kwarg=arg(arg='a'), defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[])",
    ),
    (
        "def f(*, a,):\n pass\n",
        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[arg(arg='a')], kw_defaults=[None], defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[])",
    ),
    (
        "def f(a, /,):\n pass\n",
        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[])",
    ),
    (
        "lambda a,: 1\n",
        "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='a')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Constant(value=1)))], type_ignores=[])",
    ),
    (
        "lambda *a,: 1\n",
        "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], vararg=arg(arg='a'), kwonlyargs=[], kw_defaults=[], defaults=[]), body=Constant(value=1)))], type_ignores=[])",
    ),
    (
        "lambda: (yield)\n",
        "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Yield()))], type_ignores=[])",
    ),
    (
        "f(a,)\n",
        "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[]))], type_ignores=[])",
    ),
    (
        "f(*a,)\n",
        "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Starred(value=Name(id='a', ctx=Load()), ctx=Load())], keywords=[]))], type_ignores=[])",
    ),
    (
        "f(**a,)\n",
        "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[], keywords=[keyword(value=Name(id='a', ctx=Load()))]))], type_ignores=[])",
    ),
    (
        "{1:2,}\n",
        "Module(body=[Expr(value=Dict(keys=[Constant(value=1)], values=[Constant(value=2)]))], type_ignores=[])",
    ),
    ("{1,}\n", "Module(body=[Expr(value=Set(elts=[Constant(value=1)]))], type_ignores=[])"),
    (
        "a[1,]\n",
        "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Constant(value=1)], ctx=Load()), ctx=Load()))], type_ignores=[])",
    ),
    (
        "from a import (b)\n",
        "Module(body=[ImportFrom(module='a', names=[alias(name='b')], level=0)], type_ignores=[])",
    ),
    (
        "from . a import b\n",
        "Module(body=[ImportFrom(module='a', names=[alias(name='b')], level=1)], type_ignores=[])",
    ),
    (
        "from .a. b import c\n",
        "Module(body=[ImportFrom(module='a.b', names=[alias(name='c')], level=1)], type_ignores=[])",
    ),
    (
        "from a import b as c, d as e\n",
        "Module(body=[ImportFrom(module='a', names=[alias(name='b', asname='c'), alias(name='d', asname='e')], level=0)], type_ignores=[])",
    ),
    ("import a.b as c\n", "Module(body=[Import(names=[alias(name='a.b', asname='c')])], type_ignores=[])"),
    (
        "x = 1\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])",
    ),
    (
        "a = b = c\n",
        "Module(body=[Assign(targets=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[])",
    ),
    (
        "a, *b = c\n",
        "Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Starred(value=Name(id='b', ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[])",
    ),
    (
        "x += 1\n",
        "Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=Add(), value=Constant(value=1))], type_ignores=[])",
    ),
    (
        "x: int = 1\n",
        "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=1), simple=1)], type_ignores=[])",
    ),
    (
        "(x): int\n",
        "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=0)], type_ignores=[])",
    ),
    (
        "a.b: int\n",
        "Module(body=[AnnAssign(target=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=0)], type_ignores=[])",
    ),
    (
        "a[0]: int = yield\n",
        "Module(body=[AnnAssign(target=Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value=0), ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Yield(), simple=0)], type_ignores=[])",
    ),
    (
        "x = yield a, b\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Yield(value=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load())))], type_ignores=[])",
    ),
    (
        "del a, (b, c), d[0], e.f\n",
        "Module(body=[Delete(targets=[Name(id='a', ctx=Del()), Tuple(elts=[Name(id='b', ctx=Del()), Name(id='c', ctx=Del())], ctx=Del()), Subscript(value=Name(id='d', ctx=Load()), slice=Constant(value=0), ctx=Del()), Attribute(value=Name(id='e', ctx=Load()), attr='f', ctx=Del())])], type_ignores=[])",
    ),
    (
        "for x, *y in z: pass\n",
        "Module(body=[For(target=Tuple(elts=[Name(id='x', ctx=Store()), Starred(value=Name(id='y', ctx=Store()), ctx=Store())], ctx=Store()), iter=Name(id='z', ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[])",
    ),
    (
        "async def f():\n    async for x in y: pass\n    async with a as b, c: pass\n    await x\n",
        "Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[AsyncFor(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), body=[Pass()], orelse=[]), AsyncWith(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()))], body=[Pass()]), Expr(value=Await(value=Name(id='x', ctx=Load())))], decorator_list=[])], type_ignores=[])",
    ),
    (
        "while x: break\nelse: continue\n",
        "Module(body=[While(test=Name(id='x', ctx=Load()), body=[Break()], orelse=[Continue()])], type_ignores=[])",
    ),
    (
        "if a: pass\nelif b: pass\nelif c: pass\nelse: pass\n",
        "Module(body=[If(test=Name(id='a', ctx=Load()), body=[Pass()], orelse=[If(test=Name(id='b', ctx=Load()), body=[Pass()], orelse=[If(test=Name(id='c', ctx=Load()), body=[Pass()], orelse=[Pass()])])])], type_ignores=[])",
    ),
    (
        "try: pass\nexcept E as e: pass\nexcept: pass\nelse: pass\nfinally: pass\n",
        "Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), name='e', body=[Pass()]), ExceptHandler(body=[Pass()])], orelse=[Pass()], finalbody=[Pass()])], type_ignores=[])",
    ),
    (
        "try: pass\nexcept* E: pass\nexcept* (F, G) as g: pass\n",
        "Module(body=[TryStar(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), body=[Pass()]), ExceptHandler(type=Tuple(elts=[Name(id='F', ctx=Load()), Name(id='G', ctx=Load())], ctx=Load()), name='g', body=[Pass()])], orelse=[], finalbody=[])], type_ignores=[])",
    ),
    (
        "try: pass\nfinally: pass\n",
        "Module(body=[Try(body=[Pass()], handlers=[], orelse=[], finalbody=[Pass()])], type_ignores=[])",
    ),
    (
        "with (a, b): pass\n",
        "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load())), withitem(context_expr=Name(id='b', ctx=Load()))], body=[Pass()])], type_ignores=[])",
    ),
    (
        "with (a, b) as c: pass\n",
        "Module(body=[With(items=[withitem(context_expr=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), optional_vars=Name(id='c', ctx=Store()))], body=[Pass()])], type_ignores=[])",
    ),
    (
        "with ((a, b)): pass\n",
        "Module(body=[With(items=[withitem(context_expr=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()))], body=[Pass()])], type_ignores=[])",
    ),
    (
        "with (a as b, c): pass\n",
        "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()))], body=[Pass()])], type_ignores=[])",
    ),
    (
        "with (a, b as c,): pass\n",
        "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load())), withitem(context_expr=Name(id='b', ctx=Load()), optional_vars=Name(id='c', ctx=Store()))], body=[Pass()])], type_ignores=[])",
    ),
    (
        "with (a, b)[0]: pass\n",
        "Module(body=[With(items=[withitem(context_expr=Subscript(value=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), slice=Constant(value=0), ctx=Load()))], body=[Pass()])], type_ignores=[])",
    ),
    (
        "with a, (b): pass\n",
        "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load())), withitem(context_expr=Name(id='b', ctx=Load()))], body=[Pass()])], type_ignores=[])",
    ),
    (
        "with (yield): pass\n",
        "Module(body=[With(items=[withitem(context_expr=Yield())], body=[Pass()])], type_ignores=[])",
    ),
    (
        "def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int: pass\n",
        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a'), arg(arg='b')], args=[arg(arg='c')], vararg=arg(arg='args'), kwonlyargs=[arg(arg='d'), arg(arg='e')], kw_defaults=[None, Constant(value=3)], kwarg=arg(arg='kw'), defaults=[Constant(value=1), Constant(value=2)]), body=[Pass()], decorator_list=[], returns=Name(id='int', ctx=Load()))], type_ignores=[])",
    ),
    (
        "def f(*, a): pass\n",
        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[arg(arg='a')], kw_defaults=[None], defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[])",
    ),
    (
        "def f(a: int, *b: str, c: 'x' = 1, **d: float): pass\n",
        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a', annotation=Name(id='int', ctx=Load()))], vararg=arg(arg='b', annotation=Name(id='str', ctx=Load())), kwonlyargs=[arg(arg='c', annotation=Constant(value='x'))], kw_defaults=[Constant(value=1)], kwarg=arg(arg='d', annotation=Name(id='float', ctx=Load())), defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[])",
    ),
    (
        "def f(*args: *Ts): pass\n",
        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], vararg=arg(arg='args', annotation=Starred(value=Name(id='Ts', ctx=Load()), ctx=Load())), kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[])",
    ),
    (
        "@d\n@e.f(1)\n@(lambda f: f)\ndef g(): pass\n",
        "Module(body=[FunctionDef(name='g', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[Name(id='d', ctx=Load()), Call(func=Attribute(value=Name(id='e', ctx=Load()), attr='f', ctx=Load()), args=[Constant(value=1)], keywords=[]), Lambda(args=arguments(posonlyargs=[], args=[arg(arg='f')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Name(id='f', ctx=Load()))])], type_ignores=[])",
    ),
    (
        "@dec\nclass A(B, metaclass=M, **kw): pass\n",
        "Module(body=[ClassDef(name='A', bases=[Name(id='B', ctx=Load())], keywords=[keyword(arg='metaclass', value=Name(id='M', ctx=Load())), keyword(value=Name(id='kw', ctx=Load()))], body=[Pass()], decorator_list=[Name(id='dec', ctx=Load())])], type_ignores=[])",
    ),
    (
        "class A: pass\n",
        "Module(body=[ClassDef(name='A', bases=[], keywords=[], body=[Pass()], decorator_list=[])], type_ignores=[])",
    ),
    (
        "class A(): pass\n",
        "Module(body=[ClassDef(name='A', bases=[], keywords=[], body=[Pass()], decorator_list=[])], type_ignores=[])",
    ),
    ("return\n", "Module(body=[Return()], type_ignores=[])"),
    (
        "return *a, b\n",
        "Module(body=[Return(value=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()))], type_ignores=[])",
    ),
    ("raise\n", "Module(body=[Raise()], type_ignores=[])"),
    (
        "raise E from F\n",
        "Module(body=[Raise(exc=Name(id='E', ctx=Load()), cause=Name(id='F', ctx=Load()))], type_ignores=[])",
    ),
    (
        "assert x, 'm'\n",
        "Module(body=[Assert(test=Name(id='x', ctx=Load()), msg=Constant(value='m'))], type_ignores=[])",
    ),
    (
        "import a.b.c as d, e\n",
        "Module(body=[Import(names=[alias(name='a.b.c', asname='d'), alias(name='e')])], type_ignores=[])",
    ),
    ("from . import x\n", "Module(body=[ImportFrom(names=[alias(name='x')], level=1)], type_ignores=[])"),
    (
        "from ...a.b import (c as d, e,)\n",
        "Module(body=[ImportFrom(module='a.b', names=[alias(name='c', asname='d'), alias(name='e')], level=3)], type_ignores=[])",
    ),
    ("from .... import *\n", "Module(body=[ImportFrom(names=[alias(name='*')], level=4)], type_ignores=[])"),
    ("global a, b\n", "Module(body=[Global(names=['a', 'b'])], type_ignores=[])"),
    ("nonlocal a\n", "Module(body=[Nonlocal(names=['a'])], type_ignores=[])"),
    ("pass; pass;\n", "Module(body=[Pass(), Pass()], type_ignores=[])"),
    (
        "lambda: 0\n",
        "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Constant(value=0)))], type_ignores=[])",
    ),
    (
        "lambda a, b=1, *c, d, e=2, **f: a\n",
        "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='a'), arg(arg='b')], vararg=arg(arg='c'), kwonlyargs=[arg(arg='d'), arg(arg='e')], kw_defaults=[None, Constant(value=2)], kwarg=arg(arg='f'), defaults=[Constant(value=1)]), body=Name(id='a', ctx=Load())))], type_ignores=[])",
    ),
    (
        "lambda *, a: a\n",
        "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[arg(arg='a')], kw_defaults=[None], defaults=[]), body=Name(id='a', ctx=Load())))], type_ignores=[])",
    ),
    (
        "lambda a, /, b: a\n",
        "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Name(id='a', ctx=Load())))], type_ignores=[])",
    ),
    (
        "x if y else z\n",
        "Module(body=[Expr(value=IfExp(test=Name(id='y', ctx=Load()), body=Name(id='x', ctx=Load()), orelse=Name(id='z', ctx=Load())))], type_ignores=[])",
    ),
    (
        "a or b or c\n",
        "Module(body=[Expr(value=BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]))], type_ignores=[])",
    ),
    (
        "(a or b) or c\n",
        "Module(body=[Expr(value=BoolOp(op=Or(), values=[BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())]), Name(id='c', ctx=Load())]))], type_ignores=[])",
    ),
    (
        "a and b or c and d\n",
        "Module(body=[Expr(value=BoolOp(op=Or(), values=[BoolOp(op=And(), values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())]), BoolOp(op=And(), values=[Name(id='c', ctx=Load()), Name(id='d', ctx=Load())])]))], type_ignores=[])",
    ),
    (
        "not a and not b\n",
        "Module(body=[Expr(value=BoolOp(op=And(), values=[UnaryOp(op=Not(), operand=Name(id='a', ctx=Load())), UnaryOp(op=Not(), operand=Name(id='b', ctx=Load()))]))], type_ignores=[])",
    ),
    (
        "a < b <= c != d in e not in f is g is not h\n",
        "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), LtE(), NotEq(), In(), NotIn(), Is(), IsNot()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id='d', ctx=Load()), Name(id='e', ctx=Load()), Name(id='f', ctx=Load()), Name(id='g', ctx=Load()), Name(id='h', ctx=Load())]))], type_ignores=[])",
    ),
    (
        "a | b ^ c & d << e >> f + g - h * i / j // k % l @ m\n",
        "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=BitOr(), right=BinOp(left=Name(id='b', ctx=Load()), op=BitXor(), right=BinOp(left=Name(id='c', ctx=Load()), op=BitAnd(), right=BinOp(left=BinOp(left=Name(id='d', ctx=Load()), op=LShift(), right=Name(id='e', ctx=Load())), op=RShift(), right=BinOp(left=BinOp(left=Name(id='f', ctx=Load()), op=Add(), right=Name(id='g', ctx=Load())), op=Sub(), right=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Name(id='h', ctx=Load()), op=Mult(), right=Name(id='i', ctx=Load())), op=Div(), right=Name(id='j', ctx=Load())), op=FloorDiv(), right=Name(id='k', ctx=Load())), op=Mod(), right=Name(id='l', ctx=Load())), op=MatMult(), right=Name(id='m', ctx=Load()))))))))], type_ignores=[])",
    ),
    (
        "-x ** -y\n",
        "Module(body=[Expr(value=UnaryOp(op=USub(), operand=BinOp(left=Name(id='x', ctx=Load()), op=Pow(), right=UnaryOp(op=USub(), operand=Name(id='y', ctx=Load())))))], type_ignores=[])",
    ),
    (
        "-2 ** 2\n",
        "Module(body=[Expr(value=UnaryOp(op=USub(), operand=BinOp(left=Constant(value=2), op=Pow(), right=Constant(value=2))))], type_ignores=[])",
    ),
    (
        "~a + +b\n",
        "Module(body=[Expr(value=BinOp(left=UnaryOp(op=Invert(), operand=Name(id='a', ctx=Load())), op=Add(), right=UnaryOp(op=UAdd(), operand=Name(id='b', ctx=Load()))))], type_ignores=[])",
    ),
    (
        "a ** b ** c\n",
        "Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=Pow(), right=BinOp(left=Name(id='b', ctx=Load()), op=Pow(), right=Name(id='c', ctx=Load()))))], type_ignores=[])",
    ),
    (
        "await a ** b\n",
        "Module(body=[Expr(value=BinOp(left=Await(value=Name(id='a', ctx=Load())), op=Pow(), right=Name(id='b', ctx=Load())))], type_ignores=[])",
    ),
    (
        "a.b.c(d)[e]\n",
        "Module(body=[Expr(value=Subscript(value=Call(func=Attribute(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), attr='c', ctx=Load()), args=[Name(id='d', ctx=Load())], keywords=[]), slice=Name(id='e', ctx=Load()), ctx=Load()))], type_ignores=[])",
    ),
    (
        "f(a, *b, c=d, **e)\n",
        "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], keywords=[keyword(arg='c', value=Name(id='d', ctx=Load())), keyword(value=Name(id='e', ctx=Load()))]))], type_ignores=[])",
    ),
    (
        "f(x for x in y)\n",
        "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)])], keywords=[]))], type_ignores=[])",
    ),
    (
        "f(a)(b)(c)\n",
        "Module(body=[Expr(value=Call(func=Call(func=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[]), args=[Name(id='b', ctx=Load())], keywords=[]), args=[Name(id='c', ctx=Load())], keywords=[]))], type_ignores=[])",
    ),
    (
        "a[1:2, ::3, ...]\n",
        "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), Slice(step=Constant(value=3)), Constant(value=Ellipsis)], ctx=Load()), ctx=Load()))], type_ignores=[])",
    ),
    (
        "a[:]\n",
        "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(), ctx=Load()))], type_ignores=[])",
    ),
    (
        "a[1:2:3]\n",
        "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(lower=Constant(value=1), upper=Constant(value=2), step=Constant(value=3)), ctx=Load()))], type_ignores=[])",
    ),
    (
        "a[*b]\n",
        "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()), ctx=Load()))], type_ignores=[])",
    ),
    (
        "a[b:=1]\n",
        "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=NamedExpr(target=Name(id='b', ctx=Store()), value=Constant(value=1)), ctx=Load()))], type_ignores=[])",
    ),
    (
        "a[1,]\n",
        "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Constant(value=1)], ctx=Load()), ctx=Load()))], type_ignores=[])",
    ),
    (
        "a[b, *c]\n",
        "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Name(id='b', ctx=Load()), Starred(value=Name(id='c', ctx=Load()), ctx=Load())], ctx=Load()), ctx=Load()))], type_ignores=[])",
    ),
    (
        "(x := 1)\n",
        "Module(body=[Expr(value=NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=1)))], type_ignores=[])",
    ),
    (
        "[y := f(x), y**2]\n",
        "Module(body=[Expr(value=List(elts=[NamedExpr(target=Name(id='y', ctx=Store()), value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[])), BinOp(left=Name(id='y', ctx=Load()), op=Pow(), right=Constant(value=2))], ctx=Load()))], type_ignores=[])",
    ),
    (
        "[x for x in y if (z := x)]\n",
        "Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[NamedExpr(target=Name(id='z', ctx=Store()), value=Name(id='x', ctx=Load()))], is_async=0)]))], type_ignores=[])",
    ),
    (
        "f(x := 1)\n",
        "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=1))], keywords=[]))], type_ignores=[])",
    ),
    (
        "[x for x in y for z in w if a if b]\n",
        "Module(body=[Expr(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0), comprehension(target=Name(id='z', ctx=Store()), iter=Name(id='w', ctx=Load()), ifs=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], is_async=0)]))], type_ignores=[])",
    ),
    (
        "{x: y for x, y in z}\n",
        "Module(body=[Expr(value=DictComp(key=Name(id='x', ctx=Load()), value=Name(id='y', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='x', ctx=Store()), Name(id='y', ctx=Store())], ctx=Store()), iter=Name(id='z', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])",
    ),
    (
        "{x for x in y}\n",
        "Module(body=[Expr(value=SetComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])",
    ),
    (
        "(x async for x in y)\n",
        "Module(body=[Expr(value=GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=1)]))], type_ignores=[])",
    ),
    (
        "[*a, *b]\n",
        "Module(body=[Expr(value=List(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()))], type_ignores=[])",
    ),
    (
        "{*a, b}\n",
        "Module(body=[Expr(value=Set(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Name(id='b', ctx=Load())]))], type_ignores=[])",
    ),
    (
        "{**a, 'b': 1, **c}\n",
        "Module(body=[Expr(value=Dict(keys=[None, Constant(value='b'), None], values=[Name(id='a', ctx=Load()), Constant(value=1), Name(id='c', ctx=Load())]))], type_ignores=[])",
    ),
    ("{}\n", "Module(body=[Expr(value=Dict(keys=[], values=[]))], type_ignores=[])"),
    ("()\n", "Module(body=[Expr(value=Tuple(elts=[], ctx=Load()))], type_ignores=[])"),
    ("(1,)\n", "Module(body=[Expr(value=Tuple(elts=[Constant(value=1)], ctx=Load()))], type_ignores=[])"),
    (
        "(1, 2)\n",
        "Module(body=[Expr(value=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))], type_ignores=[])",
    ),
    (
        "*a, b = 1, 2\n",
        "Module(body=[Assign(targets=[Tuple(elts=[Starred(value=Name(id='a', ctx=Store()), ctx=Store()), Name(id='b', ctx=Store())], ctx=Store())], value=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))], type_ignores=[])",
    ),
    (
        "[a, b] = c\n",
        "Module(body=[Assign(targets=[List(elts=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[])",
    ),
    ("...\n", "Module(body=[Expr(value=Constant(value=Ellipsis))], type_ignores=[])"),
    (
        "None, True, False\n",
        "Module(body=[Expr(value=Tuple(elts=[Constant(value=None), Constant(value=True), Constant(value=False)], ctx=Load()))], type_ignores=[])",
    ),
    ("'a' 'b'\n", "Module(body=[Expr(value=Constant(value='ab'))], type_ignores=[])"),
    ("b'a' b'\\x00\\xff'\n", "Module(body=[Expr(value=Constant(value=b'a\\x00\\xff'))], type_ignores=[])"),
    (
        "'\\n\\t\\\\\\'\\\"\\a\\b\\f\\v\\r'\n",
        "Module(body=[Expr(value=Constant(value='\\n\\t\\\\\\'\"\\x07\\x08\\x0c\\x0b\\r'))], type_ignores=[])",
    ),
    ("'\\101\\7\\0'\n", "Module(body=[Expr(value=Constant(value='A\\x07\\x00'))], type_ignores=[])"),
    ("'\\x41\\u00e9\\U0001F600'\n", "Module(body=[Expr(value=Constant(value='Aé😀'))], type_ignores=[])"),
    ("'\\N{EM DASH}'\n", "Module(body=[Expr(value=Constant(value='—'))], type_ignores=[])"),
    ("'\\q'\n", "Module(body=[Expr(value=Constant(value='\\\\q'))], type_ignores=[])"),
    ("r'\\n\\q'\n", "Module(body=[Expr(value=Constant(value='\\\\n\\\\q'))], type_ignores=[])"),
    ("rb'\\n'\n", "Module(body=[Expr(value=Constant(value=b'\\\\n'))], type_ignores=[])"),
    ("'a\\\\\\nb'\n", "Module(body=[Expr(value=Constant(value='a\\\\\\nb'))], type_ignores=[])"),
    (
        "f'{x}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[])",
    ),
    (
        "f'a{x!r}b{y:>{w}}c'\n",
        "Module(body=[Expr(value=JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114), Constant(value='b'), FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='>'), FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)])), Constant(value='c')]))], type_ignores=[])",
    ),
    (
        "f'{x=}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))], type_ignores=[])",
    ),
    (
        "f'{x = !r:10}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x = '), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Constant(value='10')]))]))], type_ignores=[])",
    ),
    (
        "f'{x=:>10}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='>10')]))]))], type_ignores=[])",
    ),
    (
        "f'{{}}{x}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[Constant(value='{}'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[])",
    ),
    (
        "f'a' 'b' f'c{d}' 'e'\n",
        "Module(body=[Expr(value=JoinedStr(values=[Constant(value='abc'), FormattedValue(value=Name(id='d', ctx=Load()), conversion=-1), Constant(value='e')]))], type_ignores=[])",
    ),
    ("'a' f''\n", "Module(body=[Expr(value=JoinedStr(values=[Constant(value='a')]))], type_ignores=[])"),
    (
        "f'{x:}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[]))]))], type_ignores=[])",
    ),
    (
        "f'{3.14:.{2}f}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Constant(value=3.14), conversion=-1, format_spec=JoinedStr(values=[Constant(value='.'), FormattedValue(value=Constant(value=2), conversion=-1), Constant(value='f')]))]))], type_ignores=[])",
    ),
    (
        "f'{a[\"b\"]}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value='b'), ctx=Load()), conversion=-1)]))], type_ignores=[])",
    ),
    (
        "f'{(lambda: 1)()}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Call(func=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Constant(value=1)), args=[], keywords=[]), conversion=-1)]))], type_ignores=[])",
    ),
    (
        "f'{x!s:{y}}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=115, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='y', ctx=Load()), conversion=-1)]))]))], type_ignores=[])",
    ),
    (
        "f'{x,y}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Tuple(elts=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())], ctx=Load()), conversion=-1)]))], type_ignores=[])",
    ),
    (
        "f'{yield}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Yield(), conversion=-1)]))], type_ignores=[])",
    ),
    (
        "f'\\{6}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[Constant(value='\\\\'), FormattedValue(value=Constant(value=6), conversion=-1)]))], type_ignores=[])",
    ),
    (
        "rf'\\{x}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[Constant(value='\\\\'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[])",
    ),
    ("1\n", "Module(body=[Expr(value=Constant(value=1))], type_ignores=[])"),
    ("1_000\n", "Module(body=[Expr(value=Constant(value=1000))], type_ignores=[])"),
    ("0xff\n", "Module(body=[Expr(value=Constant(value=255))], type_ignores=[])"),
    ("0o17\n", "Module(body=[Expr(value=Constant(value=15))], type_ignores=[])"),
    ("0b101\n", "Module(body=[Expr(value=Constant(value=5))], type_ignores=[])"),
    ("1.5\n", "Module(body=[Expr(value=Constant(value=1.5))], type_ignores=[])"),
    ("1e10\n", "Module(body=[Expr(value=Constant(value=10000000000.0))], type_ignores=[])"),
    ("2j\n", "Module(body=[Expr(value=Constant(value=2j))], type_ignores=[])"),
    ("1.5j\n", "Module(body=[Expr(value=Constant(value=1.5j))], type_ignores=[])"),
    (
        "123456789012345678901234567890\n",
        "Module(body=[Expr(value=Constant(value=123456789012345678901234567890))], type_ignores=[])",
    ),
    (
        "match x:\n    case 1: pass\n    case -1: pass\n    case 1+2j: pass\n    case -1-2j: pass\n    case 'a' 'b': pass\n    case b'x': pass\n",
        "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchValue(value=Constant(value=1)), body=[Pass()]), match_case(pattern=MatchValue(value=UnaryOp(op=USub(), operand=Constant(value=1))), body=[Pass()]), match_case(pattern=MatchValue(value=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2j))), body=[Pass()]), match_case(pattern=MatchValue(value=BinOp(left=UnaryOp(op=USub(), operand=Constant(value=1)), op=Sub(), right=Constant(value=2j))), body=[Pass()]), match_case(pattern=MatchValue(value=Constant(value='ab')), body=[Pass()]), match_case(pattern=MatchValue(value=Constant(value=b'x')), body=[Pass()])])], type_ignores=[])",
    ),
    (
        "match x:\n    case None: pass\n    case True: pass\n    case False: pass\n",
        "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchSingleton(value=None), body=[Pass()]), match_case(pattern=MatchSingleton(value=True), body=[Pass()]), match_case(pattern=MatchSingleton(value=False), body=[Pass()])])], type_ignores=[])",
    ),
    (
        "match x:\n    case a: pass\n    case _: pass\n    case a.b: pass\n    case a.b.c: pass\n",
        "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchAs(name='a'), body=[Pass()]), match_case(pattern=MatchAs(), body=[Pass()]), match_case(pattern=MatchValue(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load())), body=[Pass()]), match_case(pattern=MatchValue(value=Attribute(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), attr='c', ctx=Load())), body=[Pass()])])], type_ignores=[])",
    ),
    (
        "match x:\n    case [a, *b, c]: pass\n    case (a, b): pass\n    case (a): pass\n    case a, *_: pass\n    case []: pass\n    case (): pass\n",
        "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchSequence(patterns=[MatchAs(name='a'), MatchStar(name='b'), MatchAs(name='c')]), body=[Pass()]), match_case(pattern=MatchSequence(patterns=[MatchAs(name='a'), MatchAs(name='b')]), body=[Pass()]), match_case(pattern=MatchAs(name='a'), body=[Pass()]), match_case(pattern=MatchSequence(patterns=[MatchAs(name='a'), MatchStar()]), body=[Pass()]), match_case(pattern=MatchSequence(patterns=[]), body=[Pass()]), match_case(pattern=MatchSequence(patterns=[]), body=[Pass()])])], type_ignores=[])",
    ),
    (
        "match x:\n    case {1: a, 'b': c, **rest}: pass\n    case {}: pass\n    case {a.b: 1}: pass\n    case {None: x}: pass\n",
        "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchMapping(keys=[Constant(value=1), Constant(value='b')], patterns=[MatchAs(name='a'), MatchAs(name='c')], rest='rest'), body=[Pass()]), match_case(pattern=MatchMapping(keys=[], patterns=[]), body=[Pass()]), match_case(pattern=MatchMapping(keys=[Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load())], patterns=[MatchValue(value=Constant(value=1))]), body=[Pass()]), match_case(pattern=MatchMapping(keys=[Constant(value=None)], patterns=[MatchAs(name='x')]), body=[Pass()])])], type_ignores=[])",
    ),
    (
        "match x:\n    case P(a, b=c): pass\n    case P(): pass\n    case a.P(x, y=z,): pass\n",
        "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchClass(cls=Name(id='P', ctx=Load()), patterns=[MatchAs(name='a')], kwd_attrs=['b'], kwd_patterns=[MatchAs(name='c')]), body=[Pass()]), match_case(pattern=MatchClass(cls=Name(id='P', ctx=Load()), patterns=[], kwd_attrs=[], kwd_patterns=[]), body=[Pass()]), match_case(pattern=MatchClass(cls=Attribute(value=Name(id='a', ctx=Load()), attr='P', ctx=Load()), patterns=[MatchAs(name='x')], kwd_attrs=['y'], kwd_patterns=[MatchAs(name='z')]), body=[Pass()])])], type_ignores=[])",
    ),
    (
        "match x:\n    case 1 | 2 | 3: pass\n    case (1 | 2) as y: pass\n    case [a] if a > 1: pass\n",
        "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchOr(patterns=[MatchValue(value=Constant(value=1)), MatchValue(value=Constant(value=2)), MatchValue(value=Constant(value=3))]), body=[Pass()]), match_case(pattern=MatchAs(pattern=MatchOr(patterns=[MatchValue(value=Constant(value=1)), MatchValue(value=Constant(value=2))]), name='y'), body=[Pass()]), match_case(pattern=MatchSequence(patterns=[MatchAs(name='a')]), guard=Compare(left=Name(id='a', ctx=Load()), ops=[Gt()], comparators=[Constant(value=1)]), body=[Pass()])])], type_ignores=[])",
    ),
    (
        "match x, y:\n    case a, b: pass\n",
        "Module(body=[Match(subject=Tuple(elts=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())], ctx=Load()), cases=[match_case(pattern=MatchSequence(patterns=[MatchAs(name='a'), MatchAs(name='b')]), body=[Pass()])])], type_ignores=[])",
    ),
    (
        "match *a, b:\n    case c: pass\n",
        "Module(body=[Match(subject=Tuple(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()), cases=[match_case(pattern=MatchAs(name='c'), body=[Pass()])])], type_ignores=[])",
    ),
    (
        "match = 1\n",
        "Module(body=[Assign(targets=[Name(id='match', ctx=Store())], value=Constant(value=1))], type_ignores=[])",
    ),
    (
        "case = 2\n",
        "Module(body=[Assign(targets=[Name(id='case', ctx=Store())], value=Constant(value=2))], type_ignores=[])",
    ),
    (
        "print(match, case)\n",
        "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Name(id='match', ctx=Load()), Name(id='case', ctx=Load())], keywords=[]))], type_ignores=[])",
    ),
    (
        "x = match.x\n",
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Attribute(value=Name(id='match', ctx=Load()), attr='x', ctx=Load()))], type_ignores=[])",
    ),
    (
        "if x:\n    pass\n# comment\n\n    pass\n",
        "Module(body=[If(test=Name(id='x', ctx=Load()), body=[Pass(), Pass()], orelse=[])], type_ignores=[])",
    ),
    (
        "def f():\n    return 1\n\nx = 2\n",
        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Return(value=Constant(value=1))], decorator_list=[]), Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=2))], type_ignores=[])",
    ),
];

#[test]
fn trees_match_cpython() {
    for (source, expected) in TREES {
        check(source, expected);
    }
}

/// (source, CPython 3.11's `SyntaxError.msg`)
const ERRORS: &[(&str, &str)] = &[
    ("f() = 1\n", "cannot assign to function call here. Maybe you meant '==' instead of '='?"),
    ("f() += 1\n", "'function call' is an illegal expression for augmented assignment"),
    ("for f() in x: pass\n", "cannot assign to function call"),
    ("del f()\n", "cannot delete function call"),
    ("with a as f(): pass\n", "cannot assign to function call"),
    ("1 = x\n", "cannot assign to literal here. Maybe you meant '==' instead of '='?"),
    ("None = 1\n", "cannot assign to None"),
    ("a + b = 1\n", "cannot assign to expression here. Maybe you meant '==' instead of '='?"),
    ("a < b = 1\n", "cannot assign to comparison"),
    ("lambda: 1 = 1\n", "cannot assign to lambda"),
    ("(a := 1) = 1\n", "cannot assign to named expression here. Maybe you meant '==' instead of '='?"),
    ("await x = 1\n", "cannot assign to await expression here. Maybe you meant '==' instead of '='?"),
    ("{a} = 1\n", "cannot assign to set display here. Maybe you meant '==' instead of '='?"),
    ("(x for x in y) = 1\n", "cannot assign to generator expression"),
    ("... = 1\n", "cannot assign to ellipsis here. Maybe you meant '==' instead of '='?"),
    ("not a = 1\n", "cannot assign to expression"),
    ("del *a\n", "cannot delete starred"),
    ("del a + 1\n", "cannot delete expression"),
    ("(a, b): int\n", "only single target (not tuple) can be annotated"),
    ("[a]: int\n", "only single target (not list) can be annotated"),
    ("a, b += 1\n", "'tuple' is an illegal expression for augmented assignment"),
    ("def f(a=1, b): pass\n", "non-default argument follows default argument"),
    ("def f(*, **k): pass\n", "named arguments must follow bare *"),
    ("def f(*): pass\n", "named arguments must follow bare *"),
    ("def f(*a, *b): pass\n", "* argument may appear only once"),
    ("def f(a, /, b, /): pass\n", "/ may appear only once"),
    ("def f(*a, /): pass\n", "/ must be ahead of *"),
    ("def f(**a, b): pass\n", "arguments cannot follow var-keyword argument"),
    ("def f(*a=1): pass\n", "var-positional argument cannot have default value"),
    ("def f(**a=1): pass\n", "var-keyword argument cannot have default value"),
    ("f(a=1, b)\n", "positional argument follows keyword argument"),
    ("f(**a, b)\n", "positional argument follows keyword argument unpacking"),
    ("f(**a, *b)\n", "iterable argument unpacking follows keyword argument unpacking"),
    ("f(a for a in b, c)\n", "Generator expression must be parenthesized"),
    ("f(c, a for a in b)\n", "Generator expression must be parenthesized"),
    ("f(x for x in y,)\n", "Generator expression must be parenthesized"),
    ("lambda *: 1\n", "named arguments must follow bare *"),
    ("lambda a=1, b: 1\n", "non-default argument follows default argument"),
    ("print \"hello\"\n", "Missing parentheses in call to 'print'. Did you mean print(...)?"),
    ("print x\n", "Missing parentheses in call to 'print'. Did you mean print(...)?"),
    ("exec \"x\"\n", "Missing parentheses in call to 'exec'. Did you mean exec(...)?"),
    ("(*a)\n", "cannot use starred expression here"),
    ("from a import b,\n", "trailing comma not allowed without surrounding parentheses"),
    ("f\"{}\"\n", "f-string: empty expression not allowed"),
    ("f\"{a!x}\"\n", "f-string: invalid conversion character: expected 's', 'r', or 'a'"),
    ("f\"}\"\n", "f-string: single '}' is not allowed"),
    ("f\"{\"\n", "f-string: expecting '}'"),
    ("f\"{a\"\n", "f-string: expecting '}'"),
    ("f\"{#}\"\n", "f-string expression part cannot include '#'"),
    ("f\"{a:{b:{c}}}\"\n", "f-string: expressions nested too deeply"),
    ("f\"{'\\n'}\"\n", "f-string expression part cannot include a backslash"),
    ("f\"{*a}\"\n", "f-string: cannot use starred expression here"),
    ("f\"{a!}\"\n", "f-string: invalid conversion character: expected 's', 'r', or 'a'"),
    ("b\"é\"\n", "bytes can only contain ASCII literal characters"),
    ("\"a\" b\"b\"\n", "cannot mix bytes and nonbytes literals"),
    (
        "\"\\N{DASH}\"\n",
        "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-7: unknown Unicode character name",
    ),
    (
        "\"\\x4\"\n",
        "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape",
    ),
    ("x = (\n", "'(' was never closed"),
    ("if x = 1: pass\n", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"),
    ("[a b]\n", "invalid syntax. Perhaps you forgot a comma?"),
    ("f(a b)\n", "invalid syntax. Perhaps you forgot a comma?"),
    ("{1: 2 3: 4}\n", "invalid syntax. Perhaps you forgot a comma?"),
    ("case _ as _: pass\n", "invalid syntax"),
];

#[test]
fn error_messages_match_cpython() {
    for (source, expected) in ERRORS {
        check_error(source, expected);
    }
}

/// Checks message, label and range (as `start..end`) of the first error.
fn check_error_detail(source: &str, message: &str, label: &str, range: std::ops::Range<u32>) {
    let error = check_error(source, message);
    assert_eq!(error.label(), label, "source: {source:?}");
    assert_eq!(error.range, TextRange::new(range.start.into(), range.end.into()), "source: {source:?}");
    let diagnostic = error.to_diagnostic();
    assert_eq!(diagnostic.code, numjit_diagnostics::DiagnosticCode::SYNTAX_ERROR);
    assert_eq!(diagnostic.primary_range(), Some(error.range));
}

#[test]
fn missing_colon_points_after_the_header() {
    check_error_detail("if x\n    pass\n", "expected ':'", "expected ':' after 'if' condition", 4..4);
    check_error_detail(
        "if a:\n    pass\nelif b\n    pass\n",
        "expected ':'",
        "expected ':' after 'elif' condition",
        21..21,
    );
    check_error_detail(
        "if a:\n    pass\nelse\n    pass\n",
        "expected ':'",
        "expected ':' after 'else'",
        19..19,
    );
    check_error_detail("while x\n", "expected ':'", "expected ':' after 'while' condition", 7..7);
    check_error_detail("for x in y\n", "expected ':'", "expected ':' after 'for' loop header", 10..10);
    check_error_detail("def f()\n    pass\n", "expected ':'", "expected ':' after function signature", 7..7);
    check_error_detail(
        "async def f() -> int\n",
        "expected ':'",
        "expected ':' after function signature",
        20..20,
    );
    check_error_detail("class A(B)\n", "expected ':'", "expected ':' after class header", 10..10);
    check_error_detail("with a as b\n", "expected ':'", "expected ':' after 'with' items", 11..11);
    check_error_detail("try\n", "expected ':'", "expected ':' after 'try'", 3..3);
    check_error_detail(
        "try:\n    pass\nexcept E\n",
        "expected ':'",
        "expected ':' after 'except' clause",
        22..22,
    );
    check_error_detail("try:\n    pass\nfinally\n", "expected ':'", "expected ':' after 'finally'", 21..21);
    check_error_detail("f(lambda x)\n", "expected ':'", "expected ':' after lambda parameters", 10..10);
    check_error_detail(
        "match x\n    case 1: pass\n",
        "expected ':'",
        "expected ':' after 'match' subject",
        7..7,
    );
    check_error_detail(
        "match x:\n    case 1\n        pass\n",
        "expected ':'",
        "expected ':' after 'case' pattern",
        19..19,
    );
}

#[test]
fn missing_block_names_the_statement_and_its_line() {
    let cases = [
        ("if x:\npass\n", "'if' statement on line 1", 6..10),
        ("for x in y:\nx = 1\n", "'for' statement on line 1", 12..13),
        ("x = 1\ndef f():\nreturn\n", "function definition on line 2", 15..21),
        ("class A:\n", "class definition on line 1", 9..9),
        ("def f():\n    if x:\n    y\n", "'if' statement on line 2", 23..24),
        ("try:\n    pass\nexcept* E:\nx\n", "'except*' statement on line 3", 25..26),
        ("match x:\n    case 1:\n    pass\n", "'case' statement on line 2", 25..29),
        ("with a:\n\n# comment\nx\n", "'with' statement on line 1", 19..20),
    ];
    for (source, after, range) in cases {
        check_error_detail(
            source,
            &format!("expected an indented block after {after}"),
            "expected an indented block here",
            range,
        );
    }
}

#[test]
fn other_errors_read_well() {
    check_error_detail("  x = 1\n", "unexpected indent", "unexpected indent", 0..2);
    check_error_detail("foo(a, b\n", "'(' was never closed", "this '(' is never closed", 3..4);
    check_error_detail("x = (1, 2\ny = 3\n", "'(' was never closed", "this '(' is never closed", 4..5);
    check_error_detail("else: pass\n", "invalid syntax", "unexpected token 'else'", 0..4);
    check_error_detail("x = 1 +\n", "invalid syntax", "unexpected end of line", 7..7);
    check_error_detail("a b\n", "invalid syntax", "unexpected token 'b'", 2..3);
    check_error_detail("f(**)\n", "invalid syntax", "unexpected token ')'", 4..5);
    check_error_detail("from import x\n", "invalid syntax", "unexpected token 'import'", 5..11);
    check_error_detail(
        "[a b]\n",
        "invalid syntax. Perhaps you forgot a comma?",
        "these expressions need a comma between them",
        1..4,
    );
    check_error_detail("for x y in z: pass\n", "expected 'in'", "expected 'in' after for-loop target", 5..5);
    check_error_detail(
        "[x for x y in z]\n",
        "expected 'in'",
        "expected 'in' after comprehension target",
        8..8,
    );
    check_error_detail("x = 1 if y\n", "expected 'else'", "expected 'else' after 'if' expression", 10..10);
    check_error_detail(
        "if x = 1: pass\n",
        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        "assignment is not allowed here",
        5..6,
    );
    check_error_detail(
        "print 'a', x\n",
        "Missing parentheses in call to 'print'. Did you mean print(...)?",
        "this is a call",
        0..12,
    );
    check_error_detail(
        "x = 1; print x\n",
        "Missing parentheses in call to 'print'. Did you mean print(...)?",
        "this is a call",
        7..14,
    );
    check_error_detail(
        "f() = 1\n",
        "cannot assign to function call here. Maybe you meant '==' instead of '='?",
        "",
        0..3,
    );
    check_error_detail("for (a, f()) in x: pass\n", "cannot assign to function call", "", 8..11);
    check_error_detail("def f(a=1, b): pass\n", "non-default argument follows default argument", "", 11..12);
    check_error_detail("x = 'a\n", "unterminated string literal", "", 4..6);
    let error = check_error("f(a b)\n", "invalid syntax. Perhaps you forgot a comma?");
    let help = error.to_diagnostic().notes;
    assert_eq!(help.len(), 1);
}

#[test]
fn specific_errors_name_the_problem() {
    check_error_detail(
        "for x in range(3) print(x)\n",
        "expected ':'",
        "expected ':' after 'for' loop header",
        17..17,
    );
    check_error_detail("class A(:\n    pass\n", "invalid syntax", "unexpected ':' inside parentheses", 8..9);
    check_error_detail(
        "d = {1: 2, 3}\n",
        "':' expected after dictionary key",
        "this key has no ':' and value",
        11..12,
    );
    check_error_detail(
        "d = {**a, 3, 4}\n",
        "':' expected after dictionary key",
        "this key has no ':' and value",
        10..11,
    );
    check_error_detail(
        "d = {1: }\n",
        "expression expected after dictionary key and ':'",
        "expected a value after this ':'",
        6..7,
    );
    check_error("s = {1, 2 3}\n", "invalid syntax. Perhaps you forgot a comma?");
    check_error_detail(
        "try:\n    pass\nexcept A, B as e:\n    pass\n",
        "multiple exception types must be parenthesized",
        "these exception types need parentheses around them",
        21..25,
    );
    check_error_detail(
        "try:\n    pass\nexcept* A:\n    pass\nexcept:\n    pass\n",
        "cannot have both 'except' and 'except*' on the same 'try'",
        "this clause is of the other kind",
        34..40,
    );
    check_error("try:\n    pass\n", "expected 'except' or 'finally' block");
    check_error_detail(
        "def f(*, x=): pass\n",
        "expected default value expression",
        "expected a default value after '='",
        11..12,
    );
    check_error("f(x=)\n", "invalid syntax");
    check_error("lambda x=: 1\n", "invalid syntax");
    check_error_detail(
        "f = lambda x, (y): y\n",
        "Lambda expression parameters cannot be parenthesized",
        "parenthesized parameters",
        14..17,
    );
    check_error_detail(
        "(a[0] := 1)\n",
        "cannot use assignment expressions with subscript",
        "only a name can be assigned with ':='",
        1..5,
    );
    check_error("(f(x) := 1)\n", "cannot use assignment expressions with function call");
    check_error("(1 := 1)\n", "cannot use assignment expressions with literal");
    check_error_detail("if = 1\n", "invalid syntax", "'if' is a keyword and cannot be assigned to", 0..2);
    check_error("nonlocal x = 1\n", "invalid syntax");
    check_error("yield = 1\n", "assignment to yield expression not possible");
    check_error(
        "(yield) = 1\n",
        "cannot assign to yield expression here. Maybe you meant '==' instead of '='?",
    );
    check_error("x = yield from y = 1\n", "assignment to yield expression not possible");
    check_error("@d\n\nx = 1\n", "invalid syntax");
}

#[test]
fn errors_are_diagnostics_with_help() {
    let error = check_error("if x\n    pass\n", "expected ':'");
    let diagnostic = error.to_diagnostic();
    let rendered = numjit_diagnostics::render(
        &diagnostic,
        &numjit_diagnostics::SourceFile::new("t.py", "if x\n    pass\n"),
        numjit_diagnostics::RenderOptions::default(),
    );
    assert!(rendered.contains("error[syntax-error]: expected ':'"), "{rendered}");
    assert!(rendered.contains("expected ':' after 'if' condition"), "{rendered}");
    assert!(rendered.contains("help: add ':' at the end of the line"), "{rendered}");
}

/// Parses `source` on a thread with the default 2 MiB stack, dropping the result there too.
fn parse_on_small_stack(source: String) -> Parsed {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            let parsed = parse_module(&source);
            // Only the outcome leaves the thread; the tree is dropped here.
            Parsed {
                module: ast::ModModule { body: Vec::new(), range: parsed.module.range },
                errors: parsed.errors,
            }
        })
        .expect("spawn")
        .join()
        .expect("parsing must not crash")
}

#[test]
fn pathological_nesting_is_an_error_not_a_crash() {
    let cases = [
        ("(".repeat(1000) + &")".repeat(1000), Some("too many nested parentheses")),
        ("[".repeat(1000) + &"]".repeat(1000), Some("too many nested parentheses")),
        ("1+".repeat(5000) + "1", None),
        ("1+".repeat(7000) + "1", Some("expression too deeply nested")),
        ("-".repeat(100_000) + "1", Some("expression too deeply nested")),
        ("a".to_owned() + &".b".repeat(10_000), Some("expression too deeply nested")),
        ("f".to_owned() + &"()".repeat(10_000), Some("expression too deeply nested")),
        ("not ".repeat(10_000) + "a", Some("expression too deeply nested")),
        ("lambda: ".repeat(10_000) + "a", Some("expression too deeply nested")),
        ("1 if 2 else ".repeat(10_000) + "3", Some("expression too deeply nested")),
        ("2**".repeat(10_000) + "2", Some("expression too deeply nested")),
        ("await ".repeat(10_000) + "a", None),
        ("1+".repeat(900) + "1", None),
        ("a".to_owned() + &".b".repeat(900), None),
        ("-".repeat(900) + "1", None),
        ("1+".repeat(6100) + "1", Some("expression too deeply nested")),
        ("x = ".to_owned() + &"a < ".repeat(50_000) + "b", None),
        ("x = ".to_owned() + &"a or ".repeat(50_000) + "b", None),
        ("x = [".to_owned() + &"1, ".repeat(100_000) + "]", None),
        ("x = ".to_owned() + &"'a' ".repeat(50_000), None),
        ("if x:\n".to_owned() + &" ".repeat(10) + "pass\n", None),
    ];
    for (source, expected) in cases {
        let parsed = parse_on_small_stack(source.clone());
        let head: String = source.chars().take(30).collect();
        match expected {
            Some(message) => {
                assert_eq!(parsed.errors.first().map(ParseError::message).as_deref(), Some(message), "{head}")
            }
            None if head.starts_with("await") => {}
            None => assert!(parsed.errors.is_empty(), "{head}: {:?}", parsed.errors),
        }
    }
    let mut nested_blocks = String::new();
    for depth in 0..120 {
        nested_blocks.push_str(&" ".repeat(depth));
        nested_blocks.push_str("if x:\n");
    }
    nested_blocks.push_str(&" ".repeat(120));
    nested_blocks.push_str("pass\n");
    assert!(!parse_on_small_stack(nested_blocks).errors.is_empty());
}

/// At the depth limit, the tree can be printed and visited on a stack the size of the main
/// thread's (8 MiB) — and dropped on 2 MiB, which `pathological_nesting_is_an_error_not_a_crash`
/// checks.
#[test]
fn deepest_accepted_tree_is_usable_on_the_main_threads_stack() {
    let handle = std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(|| {
            let source = "1+".repeat(nesting::MAX_DEPTH - 10) + "1";
            let parsed = parse_module(&source);
            assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
            let mut checker = RangeChecker { stack: Vec::new(), violations: Vec::new() };
            checker.visit_body(&parsed.module.body);
            assert!(checker.violations.is_empty());
            format!("{:?}", parsed.module).len()
        })
        .expect("spawn");
    assert!(handle.join().is_ok());
}

#[test]
fn no_input_prefix_panics() {
    let sources = TREES.iter().chain(ERRORS).map(|(source, _)| *source);
    for source in sources {
        for (end, _) in source.char_indices().chain([(source.len(), ' ')]) {
            let prefix = &source[..end];
            let parsed = parse_module(prefix);
            for error in &parsed.errors {
                assert!(usize::from(error.range.end()) <= prefix.len(), "{prefix:?}: {error:?}");
                let _ = error.to_diagnostic();
            }
            let _ = parse_expression(prefix);
        }
    }
}

#[test]
fn odd_inputs_do_not_panic() {
    let inputs = [
        "",
        "\n",
        "\\",
        "\\\n",
        "f'",
        "f'{",
        "f'{'",
        "f'{x!'",
        "f'{x:{'",
        "f'{x:{y'",
        "f'{x=",
        "f'{{{'",
        "f'}}}'",
        "'\\N'",
        "'\\N{'",
        "'\\N{}'",
        "'\\N{-}'",
        "'\\N{_}'",
        "'\\x'",
        "'\\u12'",
        "'\\U0011ffff'",
        "b'\\x1'",
        "f'{\"\"\"}'",
        "f'{[}'",
        "f'{(]}'",
        "f'{)}'",
        "@",
        "@x",
        "def",
        "def f(",
        "class",
        "lambda",
        "match",
        "match x:",
        "match x:\n case",
        "case",
        "from",
        "from .",
        "import .",
        "x[",
        "x[:",
        "x[::",
        "*",
        "**",
        ":=",
        "\u{feff}",
        "\u{0}",
        "\t\tx",
        "x\r\ny\r",
        "if x:\r\n\tpass\r\n",
        "(yield",
        "f'{x!r=}'",
        "f'{lambda:1}'",
        "a = yield = b",
        "del (a, [b, c.d])",
        "(*a,) = b",
        "x: int, y",
        "for *a in b: pass",
        "with (a as b:",
    ];
    for input in inputs {
        let parsed = parse_module(input);
        for error in &parsed.errors {
            assert!(usize::from(error.range.end()) <= input.len(), "{input:?}: {error:?}");
        }
        let _ = parse_expression(input);
    }
}

#[test]
fn parse_expression_entry_point() {
    let expr = parse_expression("a + b * c").expect("parses");
    assert_eq!(
        dump::expr(&expr),
        "BinOp(left=Name(id='a', ctx=Load()), op=Add(), right=BinOp(left=Name(id='b', ctx=Load()), op=Mult(), right=Name(id='c', ctx=Load())))"
    );
    assert_eq!(expr.range(), TextRange::new(0.into(), 9.into()));
    assert_eq!(
        dump::expr(&parse_expression("1, 2\n").expect("tuple")),
        "Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load())"
    );
    assert!(parse_expression("x = 1").is_err());
    assert!(parse_expression("-> x").is_err());
    check_error("-> x\n", "invalid syntax");
    assert!(parse_expression("if x: pass").is_err());
    assert_eq!(parse_expression("(").map_err(|e| e.message()), Err("'(' was never closed".to_owned()));
}

fn first_expr(source: &str) -> Expr {
    let parsed = parse_module(source);
    assert!(parsed.errors.is_empty(), "{source:?}: {:?}", parsed.errors);
    match parsed.module.body.into_iter().next() {
        Some(ast::Stmt::Expr(stmt)) => *stmt.value,
        Some(ast::Stmt::Assign(stmt)) => *stmt.value,
        other => panic!("{other:?}"),
    }
}

fn range(start: u32, end: u32) -> TextRange {
    TextRange::new(start.into(), end.into())
}

#[test]
fn ranges_follow_cpython() {
    // A parenthesised expression keeps its own range; a tuple includes its parentheses.
    assert_eq!(first_expr("(a)").range(), range(1, 2));
    assert_eq!(first_expr("(a, b)").range(), range(0, 6));
    assert_eq!(first_expr("a, b").range(), range(0, 4));
    // A generator expression as the sole argument takes the call's parentheses.
    let Expr::Call(call) = first_expr("f(x for x in y)") else { panic!() };
    assert_eq!(call.args[0].range(), range(1, 15));
    // Decorated definitions start at the first decorator.
    let parsed = parse_module("@d\ndef f(): pass\n");
    assert_eq!(parsed.module.body[0].range(), range(0, 16));
    // `elif` is an `If` starting at `elif`, inside the outer `If`.
    let parsed = parse_module("if a:\n    pass\nelif b:\n    pass\n");
    let ast::Stmt::If(outer) = &parsed.module.body[0] else { panic!() };
    assert_eq!(outer.range, range(0, 31));
    assert_eq!(outer.orelse[0].range(), range(15, 31));
}

#[test]
fn fstring_positions_are_file_offsets() {
    let Expr::JoinedStr(joined) = first_expr("x = f'ab{cd!r:>{w}}'") else { panic!() };
    let Expr::FormattedValue(field) = &joined.values[1] else { panic!() };
    assert_eq!(field.range, range(8, 19));
    assert_eq!(field.value.range(), range(9, 11));
    let Some(spec) = &field.format_spec else { panic!() };
    let Expr::JoinedStr(spec) = &**spec else { panic!() };
    assert_eq!(spec.values[0].range(), range(14, 15));
    assert_eq!(spec.values[1].range(), range(15, 18));
    let Expr::FormattedValue(width) = &spec.values[1] else { panic!() };
    assert_eq!(width.value.range(), range(16, 17));
    // Expressions in triple-quoted f-strings may span lines.
    let Expr::JoinedStr(joined) = first_expr("f'''{\n  a +\n  b\n}'''") else { panic!() };
    assert_eq!(joined.values[0].range(), range(4, 17));
    // Errors inside a replacement field point into the file.
    let error = check_error("x = f'{a b}'\n", "f-string: invalid syntax. Perhaps you forgot a comma?");
    assert_eq!(error.range, range(7, 10));
    let error = check_error("x = f'{}'\n", "f-string: empty expression not allowed");
    assert_eq!(error.range.start(), 6.into());
}

fn string_value(source: &str) -> String {
    match first_expr(source) {
        Expr::Constant(ast::ExprConstant { value: ast::Constant::Str(value), .. }) => value,
        other => panic!("{other:?}"),
    }
}

#[test]
fn string_decoding() {
    assert_eq!(string_value(r"'\ud800'"), "\u{fffd}");
    assert_eq!(string_value(r"'\U0001F600\N{LATIN SMALL LETTER E WITH ACUTE}'"), "\u{1F600}é");
    assert_eq!(string_value(r"'\N{BYTE ORDER MARK}\N{em dash}'"), "\u{feff}\u{2014}");
    assert_eq!(string_value("'''a\r\nb\rc'''"), "a\nb\nc");
    assert_eq!(string_value("'a\\\r\nb'"), "ab");
    assert_eq!(string_value(r"'\777\08'"), "\u{1ff}\u{0}8");
    assert_eq!(string_value(r"R'\N{x}\''"), r"\N{x}\'");
    match first_expr(r"b'\u00e9\N{x}\777'") {
        Expr::Constant(ast::ExprConstant { value: ast::Constant::Bytes(bytes), .. }) => {
            assert_eq!(bytes, b"\\u00e9\\N{x}\xff");
        }
        other => panic!("{other:?}"),
    }
    check_error(
        r"'\U00110000'",
        "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character",
    );
    check_error(
        r"'\N{NOT A NAME}'",
        "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-13: unknown Unicode character name",
    );
    check_error(
        r"'\N'",
        "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape",
    );
}

#[test]
fn fstring_nesting_limit() {
    check(
        "f'{a:{b}}'\n",
        "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='b', ctx=Load()), conversion=-1)]))]))], type_ignores=[])",
    );
    check_error("f'{a:{b:{c}}}'\n", "f-string: expressions nested too deeply");
    check_error("f'{f\"{f'''{x}'''}\"}'\n", "unterminated triple-quoted string literal");
}

/// (source, whether CPython 3.11's `ast.parse` accepts it): we accept exactly the same.
const ACCEPTANCE: &[(&str, bool)] = &[
    ("f'{x!r=}'\n", false),
    ("f'{x=!r}'\n", true),
    ("f'{x=:{y}}'\n", true),
    ("f'{x:{y:{z}}}'\n", false),
    ("f'{x:{{}}}'\n", true),
    ("f'{{x}}'\n", true),
    ("f'{x}}'\n", false),
    ("f'{{x}'\n", false),
    ("f'{ x = }'\n", true),
    ("f'{x!r }'\n", false),
    ("f'{x! r}'\n", false),
    ("f'{x:=1}'\n", true),
    ("f'{(x:=1)}'\n", true),
    ("f'{x==1}'\n", true),
    ("f'{x!=1}'\n", true),
    ("f'{x<1}'\n", true),
    ("f'{x>=1}'\n", true),
    ("f'{a[1:2]}'\n", true),
    ("f'{a[\"b\"]}'\n", true),
    ("f\"{a['b']}\"\n", true),
    ("f'{{}}'\n", true),
    ("f'{\"a\" \"b\"}'\n", true),
    ("f'''{\"\"\"a\"\"\"}'''\n", true),
    ("f'{x:>10}'\n", true),
    ("f'{x:\\n}'\n", true),
    ("f'\\N{DIGIT ONE}{x}'\n", true),
    ("rf'\\N{x}'\n", true),
    ("f'{lambda: 1}'\n", false),
    ("f'{(lambda: 1)}'\n", true),
    ("f'{*a,}'\n", true),
    ("f'{yield x}'\n", true),
    ("f'{await x}'\n", true),
    ("f'{x for x in y}'\n", true),
    ("f'{[x for x in y]}'\n", true),
    ("f'{x if y else z}'\n", true),
    ("f'{x,}'\n", true),
    ("f'{x;y}'\n", false),
    ("f'{x\\ny}'\n", false),
    ("f'{'\n", false),
    ("f'}'\n", false),
    ("f'{}'\n", false),
    ("f'{ }'\n", false),
    ("f'{!r}'\n", false),
    ("f'{:x}'\n", false),
    ("f'{=}'\n", false),
    ("b'\\xff' 'a'\n", false),
    ("'a' b'b'\n", false),
    ("b'a' f'b'\n", false),
    ("u'a' 'b'\n", true),
    ("U'a'\n", true),
    ("Rb'a'\n", true),
    ("bR'a'\n", true),
    ("Br'a'\n", true),
    ("'\\x'\n", false),
    ("'\\x0'\n", false),
    ("'\\u000'\n", false),
    ("'\\U0000000'\n", false),
    ("'\\N{}'\n", false),
    ("'\\N{LATIN SMALL LETTER A}'\n", true),
    ("'\\N{latin small letter a}'\n", true),
    ("'\\8'\n", true),
    ("b'\\8'\n", true),
    ("'''\\n'''\n", true),
    ("1_0\n", true),
    ("1__0\n", false),
    ("0_1\n", false),
    ("00\n", true),
    ("0\n", true),
    ("0.\n", true),
    (".0\n", true),
    ("1e\n", false),
    ("1e1\n", true),
    ("1j\n", true),
    ("1.j\n", true),
    ("0xg\n", false),
    ("0b2\n", false),
    ("0o8\n", false),
    ("1_\n", false),
    ("1.e5j\n", true),
    ("x = 1if 1else 2\n", true),
    ("if 1:\n  pass\n else:\n  pass\n", false),
    ("if 1:\n\tpass\n", true),
    ("if 1: pass\nelse: pass\n", true),
    ("if 1: pass; pass\n", true),
    ("if 1: pass;; pass\n", false),
    ("def f(): pass\n\n", true),
    ("\n\n\n\n", true),
    ("# comment only\n", true),
    ("x = 1 \\\n + 2\n", true),
    ("x = (1\n+\n2)\n", true),
    ("x = [\n]\n", true),
    ("class A:\n    '''doc'''\n    x = 1\n", true),
    ("def f(a,):\n pass\n", true),
    ("def f(*a,):\n pass\n", true),
    ("def f(**a,):\n pass\n", true),
    ("def f(*, a,):\n pass\n", true),
    ("def f(a, /,):\n pass\n", true),
    ("lambda a,: 1\n", true),
    ("lambda *a,: 1\n", true),
    ("lambda: (yield)\n", true),
    ("f(a,)\n", true),
    ("f(*a,)\n", true),
    ("f(**a,)\n", true),
    ("f(,)\n", false),
    ("f(a,,)\n", false),
    ("[,]\n", false),
    ("[1,,]\n", false),
    ("(,)\n", false),
    ("{,}\n", false),
    ("{1:2,}\n", true),
    ("{1,}\n", true),
    ("a[1,]\n", true),
    ("a[,]\n", false),
    ("import a,\n", false),
    ("import (a)\n", false),
    ("from a import (b)\n", true),
    ("from a import ()\n", false),
    ("from . a import b\n", true),
    ("from .a. b import c\n", true),
    ("from a import b as c, d as e\n", true),
    ("import a.b as c\n", true),
    ("x := 1\n", false),
    ("[*a for a in b]\n", false),
    ("{**a for a in b}\n", false),
    ("del *a, b\n", false),
    ("def f(a, *, b, *c): pass\n", false),
    ("print(*)\n", false),
    ("a[]\n", false),
    ("(a, b) += 1\n", false),
    ("with a as b, : pass\n", false),
    ("with (a as b) as c: pass\n", false),
    ("class A(x=1, y): pass\n", false),
    ("import a as b.c\n", false),
    ("from .a import *, b\n", false),
    ("async x = 1\n", false),
    ("yield = 1\n", false),
    ("x = yield from\n", false),
    ("lambda x=: 1\n", false),
    ("def f(x, **y, z): pass\n", false),
    ("match x:\n case 1 + 1: pass\n", false),
    ("match x:\n case -x: pass\n", false),
    ("match x:\n case a.b(): pass\n", true),
    ("match x:\n case {**_}: pass\n", false),
    ("match x:\n case f\"x\": pass\n", true),
    ("match x:\n case 1j + 1: pass\n", false),
    ("match x:\n case {a: 1}: pass\n", false),
    ("match x:\n case *a: pass\n", false),
    ("match x:\n case a.b as c: pass\n", true),
    ("match x:\n case (a as _): pass\n", false),
    ("match x:\n case [a, *_, *b]: pass\n", true),
    ("match x:\n case {**a, 'b': 1}: pass\n", false),
    ("match x:\n case P(a=1, b): pass\n", false),
    ("match x:\n case -1j: pass\n", true),
    ("match x:\n case -(1): pass\n", false),
    ("match x:\n case 1 | *a: pass\n", false),
    ("x: int, y: int = 1, 2\n", false),
    ("x, y: int\n", false),
    ("for x in yield: pass\n", false),
    ("del ()\n", true),
    ("del (a,), [b]\n", true),
    ("global x,\n", false),
    ("assert x,\n", false),
    ("raise x, y\n", false),
    ("try: pass\n", false),
    ("try:\n pass\nexcept A:\n pass\nexcept* B:\n pass\n", false),
    ("try:\n pass\nexcept*:\n pass\n", false),
    ("(yield x) = 1\n", false),
    ("x = 1 = 2\n", false),
    ("*a, *b = c\n", true),
    ("() = x\n", true),
    ("[] = x\n", true),
    ("f'{a!r:}'\n", true),
    ("def f[T](x): pass\n", false),
    ("type X = int\n", false),
    ("x = lambda: (yield)\n", true),
    ("@x\n@y\nclass A: pass\n", true),
    ("async with a: pass\n", true),
    ("async for a in b: pass\n", true),
    ("def f(): return *a, *b\n", true),
    ("f(**a, *b)\n", false),
    ("f(*a, b, c=1, *d, **e)\n", true),
    ("a if b else c if d else e\n", true),
    ("a = b if c else d, e\n", true),
    ("lambda: a, b\n", true),
    ("x = a, *b\n", true),
    ("not not a\n", true),
    ("a not in not b\n", false),
    ("a is not not b\n", false),
    ("-----a\n", true),
    ("a[1:2:3:4]\n", false),
    ("a[::]\n", true),
    ("a[:, :]\n", true),
    ("a.b.c = d.e.f\n", true),
    ("a.1\n", false),
    ("1.a\n", false),
    ("1 .real\n", true),
    ("x = 1if True else 2\n", true),
    ("0x_1\n", true),
    ("f(a, b for b in c)\n", false),
    ("f((a for a in b), c)\n", true),
    ("[i for i in range(3) if i if i]\n", true),
    ("(x for x in y if lambda: 1)\n", false),
    ("[x for x in lambda: y]\n", false),
    ("{a: b, **c, d: e}\n", true),
    ("{*a, *b}\n", true),
    ("*a\n", true),
    ("*a, b\n", true),
    ("print(a, *b, sep='')\n", true),
    ("x = (yield)\n", true),
    ("def f():\n x = yield\n y = yield from z\n await w\n", true),
    ("class A(B, *C, **D): pass\n", true),
    ("with open(a) as f, open(b) as g: pass\n", true),
    ("with (open(a) as f, open(b) as g): pass\n", true),
    ("with (a, b as c): pass\n", true),
    ("with (a, b): pass\n", true),
    ("with ((a, b) as c): pass\n", true),
    ("with (a for a in b): pass\n", true),
    ("if (x := 1): pass\n", true),
    ("while (x := f()) is not None: pass\n", true),
    ("x = (y := 1)\n", true),
    ("f(x := 1, y := 2)\n", true),
    ("def f(x=(y := 1)): pass\n", true),
    ("[y := 1 for x in z]\n", true),
    ("{x := 1}\n", true),
    ("a[x := 1]\n", true),
    ("a[x := 1, y]\n", true),
    ("(x := 1, y := 2)\n", true),
    ("x = y := 1\n", false),
    ("f(a := 1 for a in b)\n", true),
    ("lambda: x := 1\n", false),
    ("@x := y\ndef f(): pass\n", true),
    ("@(x := y)\ndef f(): pass\n", true),
];

#[test]
fn accepts_what_cpython_accepts_and_nothing_else() {
    let mismatches: Vec<String> = ACCEPTANCE
        .iter()
        .filter_map(|(source, accepted)| {
            let errors = parse_module(source).errors;
            (errors.is_empty() != *accepted)
                .then(|| format!("{source:?}: cpython {accepted}, ours {errors:?}"))
        })
        .collect();
    assert!(mismatches.is_empty(), "{mismatches:#?}");
}
