//! CPython's `ast.dump` format for our tree (without locations), so unit tests can state the
//! expected tree exactly as `python3 -c 'import ast; print(ast.dump(ast.parse(src)))'` prints it.

use std::fmt::Write;

use numjit_ast::*;

pub(crate) fn module(module: &ModModule) -> String {
    format!("Module(body={}, type_ignores=[])", stmts(&module.body))
}

fn list<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
    let parts: Vec<String> = items.iter().map(f).collect();
    format!("[{}]", parts.join(", "))
}

fn stmts(body: &[Stmt]) -> String {
    list(body, stmt)
}

fn exprs(items: &[Expr]) -> String {
    list(items, expr)
}

fn ident(identifier: &Identifier) -> String {
    format!("{:?}", identifier.as_str()).replace('"', "'")
}

fn py_str(value: &str) -> String {
    let mut out = String::from("'");
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

fn py_float(value: f64) -> String {
    if value.is_infinite() {
        return "inf".to_owned();
    }
    let text = format!("{value:?}");
    if text.ends_with(".0") && value.abs() < 1e16 {
        text
    } else {
        text.replace("e", "e+").replace("e+-", "e-")
    }
}

fn constant(value: &Constant) -> String {
    match value {
        Constant::None => "None".to_owned(),
        Constant::Bool(true) => "True".to_owned(),
        Constant::Bool(false) => "False".to_owned(),
        Constant::Str(value) => py_str(value),
        Constant::Bytes(bytes) => {
            let mut out = String::from("b'");
            for &b in bytes {
                match b {
                    b'\\' => out.push_str("\\\\"),
                    b'\'' => out.push_str("\\'"),
                    b'\n' => out.push_str("\\n"),
                    b'\t' => out.push_str("\\t"),
                    b'\r' => out.push_str("\\r"),
                    0x20..=0x7e => out.push(char::from(b)),
                    _ => {
                        let _ = write!(out, "\\x{b:02x}");
                    }
                }
            }
            out.push('\'');
            out
        }
        Constant::Int(Int::Small(value)) => value.to_string(),
        Constant::Int(Int::Big(digits)) => digits.to_string(),
        Constant::Float(value) => py_float(*value),
        Constant::Complex { imag, .. } => format!("{}j", py_float(*imag).trim_end_matches(".0")),
        Constant::Ellipsis => "Ellipsis".to_owned(),
    }
}

fn ctx(ctx: ExprContext) -> &'static str {
    match ctx {
        ExprContext::Load => "Load()",
        ExprContext::Store => "Store()",
        ExprContext::Del => "Del()",
    }
}

fn operator(op: Operator) -> &'static str {
    match op {
        Operator::Add => "Add()",
        Operator::Sub => "Sub()",
        Operator::Mult => "Mult()",
        Operator::MatMult => "MatMult()",
        Operator::Div => "Div()",
        Operator::Mod => "Mod()",
        Operator::Pow => "Pow()",
        Operator::LShift => "LShift()",
        Operator::RShift => "RShift()",
        Operator::BitOr => "BitOr()",
        Operator::BitXor => "BitXor()",
        Operator::BitAnd => "BitAnd()",
        Operator::FloorDiv => "FloorDiv()",
    }
}

fn cmp_op(op: &CmpOp) -> String {
    format!("{op:?}()")
}

fn opt_expr(name: &str, value: &Option<Box<Expr>>) -> String {
    value.as_ref().map_or(String::new(), |value| format!(", {name}={}", expr(value)))
}

fn first_opt_expr(name: &str, value: &Option<Box<Expr>>) -> String {
    value.as_ref().map_or(String::new(), |value| format!("{name}={}", expr(value)))
}

fn comprehension(c: &Comprehension) -> String {
    format!(
        "comprehension(target={}, iter={}, ifs={}, is_async={})",
        expr(&c.target),
        expr(&c.iter),
        exprs(&c.ifs),
        i32::from(c.is_async)
    )
}

fn arg(a: &Arg) -> String {
    format!("arg(arg={}{})", ident(&a.arg), opt_expr("annotation", &a.annotation))
}

fn arguments(a: &Arguments) -> String {
    let positional: Vec<&ArgWithDefault> = a.posonlyargs.iter().chain(&a.args).collect();
    let defaults: Vec<String> = positional.iter().filter_map(|p| p.default.as_deref().map(expr)).collect();
    let kw_defaults: Vec<String> =
        a.kwonlyargs.iter().map(|p| p.default.as_deref().map_or("None".to_owned(), expr)).collect();
    let mut out = format!(
        "arguments(posonlyargs={}, args={}",
        list(&a.posonlyargs, |p| arg(&p.def)),
        list(&a.args, |p| arg(&p.def))
    );
    if let Some(vararg) = &a.vararg {
        let _ = write!(out, ", vararg={}", arg(vararg));
    }
    let _ = write!(
        out,
        ", kwonlyargs={}, kw_defaults=[{}]",
        list(&a.kwonlyargs, |p| arg(&p.def)),
        kw_defaults.join(", ")
    );
    if let Some(kwarg) = &a.kwarg {
        let _ = write!(out, ", kwarg={}", arg(kwarg));
    }
    let _ = write!(out, ", defaults=[{}])", defaults.join(", "));
    out
}

fn keyword(k: &Keyword) -> String {
    match &k.arg {
        Some(name) => format!("keyword(arg={}, value={})", ident(name), expr(&k.value)),
        None => format!("keyword(value={})", expr(&k.value)),
    }
}

fn alias(a: &Alias) -> String {
    match &a.asname {
        Some(asname) => format!("alias(name={}, asname={})", ident(&a.name), ident(asname)),
        None => format!("alias(name={})", ident(&a.name)),
    }
}

pub(crate) fn expr(e: &Expr) -> String {
    match e {
        Expr::BoolOp(n) => format!("BoolOp(op={:?}(), values={})", n.op, exprs(&n.values)),
        Expr::NamedExpr(n) => format!("NamedExpr(target={}, value={})", expr(&n.target), expr(&n.value)),
        Expr::BinOp(n) => {
            format!("BinOp(left={}, op={}, right={})", expr(&n.left), operator(n.op), expr(&n.right))
        }
        Expr::UnaryOp(n) => format!("UnaryOp(op={:?}(), operand={})", n.op, expr(&n.operand)),
        Expr::Lambda(n) => format!("Lambda(args={}, body={})", arguments(&n.args), expr(&n.body)),
        Expr::IfExp(n) => {
            format!("IfExp(test={}, body={}, orelse={})", expr(&n.test), expr(&n.body), expr(&n.orelse))
        }
        Expr::Dict(n) => format!(
            "Dict(keys={}, values={})",
            list(&n.keys, |k| k.as_ref().map_or("None".to_owned(), expr)),
            exprs(&n.values)
        ),
        Expr::Set(n) => format!("Set(elts={})", exprs(&n.elts)),
        Expr::ListComp(n) => {
            format!("ListComp(elt={}, generators={})", expr(&n.elt), list(&n.generators, comprehension))
        }
        Expr::SetComp(n) => {
            format!("SetComp(elt={}, generators={})", expr(&n.elt), list(&n.generators, comprehension))
        }
        Expr::DictComp(n) => format!(
            "DictComp(key={}, value={}, generators={})",
            expr(&n.key),
            expr(&n.value),
            list(&n.generators, comprehension)
        ),
        Expr::GeneratorExp(n) => {
            format!("GeneratorExp(elt={}, generators={})", expr(&n.elt), list(&n.generators, comprehension))
        }
        Expr::Await(n) => format!("Await(value={})", expr(&n.value)),
        Expr::Yield(n) => format!("Yield({})", first_opt_expr("value", &n.value)),
        Expr::YieldFrom(n) => format!("YieldFrom(value={})", expr(&n.value)),
        Expr::Compare(n) => format!(
            "Compare(left={}, ops={}, comparators={})",
            expr(&n.left),
            list(&n.ops, cmp_op),
            exprs(&n.comparators)
        ),
        Expr::Call(n) => {
            format!(
                "Call(func={}, args={}, keywords={})",
                expr(&n.func),
                exprs(&n.args),
                list(&n.keywords, keyword)
            )
        }
        Expr::FormattedValue(n) => {
            let conversion = match n.conversion {
                ConversionFlag::None => -1,
                ConversionFlag::Str => 115,
                ConversionFlag::Repr => 114,
                ConversionFlag::Ascii => 97,
            };
            format!(
                "FormattedValue(value={}, conversion={conversion}{})",
                expr(&n.value),
                opt_expr("format_spec", &n.format_spec)
            )
        }
        Expr::JoinedStr(n) => format!("JoinedStr(values={})", exprs(&n.values)),
        Expr::Constant(n) => format!("Constant(value={})", constant(&n.value)),
        Expr::Attribute(n) => {
            format!("Attribute(value={}, attr={}, ctx={})", expr(&n.value), ident(&n.attr), ctx(n.ctx))
        }
        Expr::Subscript(n) => {
            format!("Subscript(value={}, slice={}, ctx={})", expr(&n.value), expr(&n.slice), ctx(n.ctx))
        }
        Expr::Starred(n) => format!("Starred(value={}, ctx={})", expr(&n.value), ctx(n.ctx)),
        Expr::Name(n) => format!("Name(id={}, ctx={})", py_str(&n.id), ctx(n.ctx)),
        Expr::List(n) => format!("List(elts={}, ctx={})", exprs(&n.elts), ctx(n.ctx)),
        Expr::Tuple(n) => format!("Tuple(elts={}, ctx={})", exprs(&n.elts), ctx(n.ctx)),
        Expr::Slice(n) => {
            let parts: Vec<String> = [("lower", &n.lower), ("upper", &n.upper), ("step", &n.step)]
                .iter()
                .filter_map(|(name, value)| value.as_ref().map(|value| format!("{name}={}", expr(value))))
                .collect();
            format!("Slice({})", parts.join(", "))
        }
    }
}

fn pattern(p: &Pattern) -> String {
    match p {
        Pattern::MatchValue(n) => format!("MatchValue(value={})", expr(&n.value)),
        Pattern::MatchSingleton(n) => format!("MatchSingleton(value={})", constant(&n.value)),
        Pattern::MatchSequence(n) => format!("MatchSequence(patterns={})", list(&n.patterns, pattern)),
        Pattern::MatchMapping(n) => {
            let rest = n.rest.as_ref().map_or(String::new(), |rest| format!(", rest={}", ident(rest)));
            format!("MatchMapping(keys={}, patterns={}{rest})", exprs(&n.keys), list(&n.patterns, pattern))
        }
        Pattern::MatchClass(n) => format!(
            "MatchClass(cls={}, patterns={}, kwd_attrs={}, kwd_patterns={})",
            expr(&n.cls),
            list(&n.patterns, pattern),
            list(&n.kwd_attrs, ident),
            list(&n.kwd_patterns, pattern)
        ),
        Pattern::MatchStar(n) => match &n.name {
            Some(name) => format!("MatchStar(name={})", ident(name)),
            None => "MatchStar()".to_owned(),
        },
        Pattern::MatchAs(n) => {
            let mut parts = Vec::new();
            if let Some(inner) = &n.pattern {
                parts.push(format!("pattern={}", pattern(inner)));
            }
            if let Some(name) = &n.name {
                parts.push(format!("name={}", ident(name)));
            }
            format!("MatchAs({})", parts.join(", "))
        }
        Pattern::MatchOr(n) => format!("MatchOr(patterns={})", list(&n.patterns, pattern)),
    }
}

fn stmt(s: &Stmt) -> String {
    match s {
        Stmt::FunctionDef(n) => format!(
            "{}(name={}, args={}, body={}, decorator_list={}{})",
            if n.is_async { "AsyncFunctionDef" } else { "FunctionDef" },
            ident(&n.name),
            arguments(&n.args),
            stmts(&n.body),
            exprs(&n.decorator_list),
            opt_expr("returns", &n.returns)
        ),
        Stmt::ClassDef(n) => format!(
            "ClassDef(name={}, bases={}, keywords={}, body={}, decorator_list={})",
            ident(&n.name),
            exprs(&n.bases),
            list(&n.keywords, keyword),
            stmts(&n.body),
            exprs(&n.decorator_list)
        ),
        Stmt::Return(n) => format!("Return({})", first_opt_expr("value", &n.value)),
        Stmt::Delete(n) => format!("Delete(targets={})", exprs(&n.targets)),
        Stmt::Assign(n) => format!("Assign(targets={}, value={})", exprs(&n.targets), expr(&n.value)),
        Stmt::AugAssign(n) => {
            format!("AugAssign(target={}, op={}, value={})", expr(&n.target), operator(n.op), expr(&n.value))
        }
        Stmt::AnnAssign(n) => format!(
            "AnnAssign(target={}, annotation={}{}, simple={})",
            expr(&n.target),
            expr(&n.annotation),
            opt_expr("value", &n.value),
            i32::from(n.simple)
        ),
        Stmt::For(n) => format!(
            "{}(target={}, iter={}, body={}, orelse={})",
            if n.is_async { "AsyncFor" } else { "For" },
            expr(&n.target),
            expr(&n.iter),
            stmts(&n.body),
            stmts(&n.orelse)
        ),
        Stmt::While(n) => {
            format!("While(test={}, body={}, orelse={})", expr(&n.test), stmts(&n.body), stmts(&n.orelse))
        }
        Stmt::If(n) => {
            format!("If(test={}, body={}, orelse={})", expr(&n.test), stmts(&n.body), stmts(&n.orelse))
        }
        Stmt::With(n) => format!(
            "{}(items={}, body={})",
            if n.is_async { "AsyncWith" } else { "With" },
            list(&n.items, |item| format!(
                "withitem(context_expr={}{})",
                expr(&item.context_expr),
                opt_expr("optional_vars", &item.optional_vars)
            )),
            stmts(&n.body)
        ),
        Stmt::Match(n) => format!(
            "Match(subject={}, cases={})",
            expr(&n.subject),
            list(&n.cases, |case| format!(
                "match_case(pattern={}{}, body={})",
                pattern(&case.pattern),
                opt_expr("guard", &case.guard),
                stmts(&case.body)
            ))
        ),
        Stmt::Raise(n) => {
            let parts: Vec<String> = [("exc", &n.exc), ("cause", &n.cause)]
                .iter()
                .filter_map(|(name, value)| value.as_ref().map(|value| format!("{name}={}", expr(value))))
                .collect();
            format!("Raise({})", parts.join(", "))
        }
        Stmt::Try(n) => format!(
            "{}(body={}, handlers={}, orelse={}, finalbody={})",
            if n.is_star { "TryStar" } else { "Try" },
            stmts(&n.body),
            list(&n.handlers, |h| {
                let mut parts = Vec::new();
                if let Some(type_) = &h.type_ {
                    parts.push(format!("type={}", expr(type_)));
                }
                if let Some(name) = &h.name {
                    parts.push(format!("name={}", ident(name)));
                }
                parts.push(format!("body={}", stmts(&h.body)));
                format!("ExceptHandler({})", parts.join(", "))
            }),
            stmts(&n.orelse),
            stmts(&n.finalbody)
        ),
        Stmt::Assert(n) => format!("Assert(test={}{})", expr(&n.test), opt_expr("msg", &n.msg)),
        Stmt::Import(n) => format!("Import(names={})", list(&n.names, alias)),
        Stmt::ImportFrom(n) => {
            let module =
                n.module.as_ref().map_or(String::new(), |module| format!("module={}, ", ident(module)));
            format!("ImportFrom({module}names={}, level={})", list(&n.names, alias), n.level)
        }
        Stmt::Global(n) => format!("Global(names={})", list(&n.names, ident)),
        Stmt::Nonlocal(n) => format!("Nonlocal(names={})", list(&n.names, ident)),
        Stmt::Expr(n) => format!("Expr(value={})", expr(&n.value)),
        Stmt::Pass(_) => "Pass()".to_owned(),
        Stmt::Break(_) => "Break()".to_owned(),
        Stmt::Continue(_) => "Continue()".to_owned(),
    }
}
