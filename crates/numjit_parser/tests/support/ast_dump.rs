//! Prints a [`numjit_ast::ModModule`] exactly as CPython 3.11's `ast.dump(tree)` prints the tree
//! of the same source, so the two can be compared as strings.
//!
//! The format: node class names, every field as `name=value` in the order of CPython's ASDL,
//! optional fields left out when absent, lists in brackets, identifiers and constants as Python's
//! `repr`. Our tree folds some CPython distinctions into flags (`is_async`, `is_star`) and keeps
//! defaults next to their parameters; this module unfolds them again.
//!
//! Two facts are not in our tree and come from elsewhere:
//! - `Constant.kind` (`'u'` for a string written `u"..."`) is read off the source text at the
//!   constant's range, so [`dump_module`] takes the source.
//! - Whether a non-ASCII character is printable (Python's `str.isprintable`, which decides
//!   between `'é'` and `'\xa0'` in a `repr`) depends on Python's Unicode tables; the caller
//!   passes them in as [`Printable`], usually built from the running `python3`.

use numjit_ast::*;

/// Which characters Python's `repr` shows as they are. Everything below U+0080 follows the
/// fixed ASCII rule; above it, the code points listed as non-printable are escaped.
#[derive(Clone, Debug, Default)]
pub struct Printable {
    /// Sorted, disjoint, inclusive ranges of non-printable code points above U+007F.
    non_printable: Vec<(u32, u32)>,
}

impl Printable {
    /// Reads `start-end` hexadecimal ranges separated by commas (what `NON_PRINTABLE_SCRIPT`
    /// prints).
    pub fn from_ranges(text: &str) -> Result<Printable, String> {
        let mut non_printable = Vec::new();
        for item in text.split(',').map(str::trim).filter(|item| !item.is_empty()) {
            let (start, end) = item.split_once('-').ok_or_else(|| format!("bad range {item:?}"))?;
            let parse =
                |hex: &str| u32::from_str_radix(hex, 16).map_err(|error| format!("{item:?}: {error}"));
            non_printable.push((parse(start)?, parse(end)?));
        }
        non_printable.sort_unstable();
        Ok(Printable { non_printable })
    }

    /// Whether Python's `repr` shows `c` unescaped.
    pub fn is_printable(&self, c: char) -> bool {
        let code = u32::from(c);
        if code < 0x80 {
            return (0x20..0x7f).contains(&code);
        }
        let idx = self.non_printable.partition_point(|&(start, _)| start <= code);
        idx == 0 || self.non_printable[idx - 1].1 < code
    }
}

/// A Python script that prints the non-printable code points above U+007F of the running
/// Python as ranges for [`Printable::from_ranges`], on one line.
pub const NON_PRINTABLE_SCRIPT: &str = r#"
def non_printable_ranges():
    ranges, start, prev = [], None, None
    for code in range(0x80, 0x110000):
        if chr(code).isprintable():
            continue
        if start is not None and code == prev + 1:
            prev = code
            continue
        if start is not None:
            ranges.append(f"{start:x}-{prev:x}")
        start = prev = code
    ranges.append(f"{start:x}-{prev:x}")
    return ",".join(ranges)
"#;

/// Dumps a module like `ast.dump(ast.parse(source))`.
pub fn dump_module(module: &ModModule, source: &str, printable: &Printable) -> String {
    dump(module, source, printable, None)
}

/// Dumps a module like `ast.dump(ast.parse(source), include_attributes=True)`: every node that
/// has a position in CPython (statements, expressions, patterns, `except` clauses, parameters,
/// keywords, import aliases) ends with `lineno`, `col_offset`, `end_lineno`, `end_col_offset`
/// (1-based lines, UTF-8 byte columns), computed from our ranges. Two exceptions, to match
/// CPython 3.11:
/// - the parts of an f-string (its constants, replacement fields and format specs) get no
///   position: CPython 3.11 gives them the range of the whole string (3.12 fixed that), while
///   ours are exact; the comparison strips them on the Python side too. Expressions inside
///   replacement fields keep theirs.
/// - a decorated `def`/`class` starts at the `def`/`class` (or `async`) keyword, as in CPython;
///   our range starts at the first decorator, by design.
pub fn dump_module_with_positions(module: &ModModule, source: &str, printable: &Printable) -> String {
    dump(module, source, printable, Some(LineIndex::new(source)))
}

fn dump(module: &ModModule, source: &str, printable: &Printable, lines: Option<LineIndex>) -> String {
    let capacity = source.len() * if lines.is_some() { 6 } else { 3 };
    let mut dumper = Dumper { out: String::with_capacity(capacity), source, printable, lines };
    dumper.out.push_str("Module(body=");
    dumper.stmts(&module.body);
    dumper.out.push_str(", type_ignores=[])");
    dumper.out
}

/// Python's `repr` of a float (`1.0`, `1e+16`, `1e-05`, `inf`, `nan`).
pub fn float_repr(value: f64) -> String {
    float_repr_with(value, true)
}

/// Python's `repr` of a complex number with a zero (positive) real part, as in literals (`1j`).
pub fn imaginary_repr(imag: f64) -> String {
    format!("{}j", float_repr_with(imag, false))
}

/// `repr(float)` when `add_dot_zero`, else the `'r'` format without a forced `.0` (which is how
/// `complex.__repr__` prints its parts).
fn float_repr_with(value: f64, add_dot_zero: bool) -> String {
    if value.is_nan() {
        return "nan".to_owned();
    }
    if value.is_infinite() {
        return if value > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    // `{:e}` prints the shortest digits that round-trip, like Python's repr: "1.2345e-7".
    let scientific = format!("{value:e}");
    let (mantissa, exponent) = scientific.split_once('e').expect("`{:e}` always has an exponent");
    let exponent: i32 = exponent.parse().expect("`{:e}` prints an integer exponent");
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let mut out = String::from(sign);
    if (-4..16).contains(&exponent) {
        // Fixed notation with the decimal point `exponent + 1` digits into the digit string.
        let point = exponent + 1;
        if point <= 0 {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', point.unsigned_abs() as usize));
            out.push_str(&digits);
        } else {
            let point = point as usize;
            if digits.len() <= point {
                out.push_str(&digits);
                out.extend(std::iter::repeat_n('0', point - digits.len()));
                if add_dot_zero {
                    out.push_str(".0");
                }
            } else {
                out.push_str(&digits[..point]);
                out.push('.');
                out.push_str(&digits[point..]);
            }
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push_str(&format!("e{}{:02}", if exponent < 0 { '-' } else { '+' }, exponent.unsigned_abs()));
    }
    out
}

/// Python's `repr` of a `str`.
pub fn str_repr(value: &str, printable: &Printable) -> String {
    let quote = if value.contains('\'') && !value.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(value.len() + 2);
    out.push(quote);
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if printable.is_printable(c) => out.push(c),
            c => {
                let code = u32::from(c);
                if code < 0x100 {
                    out.push_str(&format!("\\x{code:02x}"));
                } else if code < 0x10000 {
                    out.push_str(&format!("\\u{code:04x}"));
                } else {
                    out.push_str(&format!("\\U{code:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
}

/// Python's `repr` of a `bytes`.
pub fn bytes_repr(value: &[u8]) -> String {
    let quote = if value.contains(&b'\'') && !value.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::with_capacity(value.len() + 3);
    out.push('b');
    out.push(char::from(quote));
    for &byte in value {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            byte if byte == quote => {
                out.push('\\');
                out.push(char::from(byte));
            }
            0x20..=0x7e => out.push(char::from(byte)),
            byte => out.push_str(&format!("\\x{byte:02x}")),
        }
    }
    out.push(char::from(quote));
    out
}

/// The starts of the lines of a source, to turn offsets into CPython's line and column. A line
/// ends at `\n`, `\r\n` or a lone `\r`, as in CPython's tokenizer.
#[derive(Debug)]
struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    fn new(source: &str) -> LineIndex {
        let bytes = source.as_bytes();
        let mut line_starts = vec![0];
        for (idx, &byte) in bytes.iter().enumerate() {
            if byte == b'\n' || (byte == b'\r' && bytes.get(idx + 1) != Some(&b'\n')) {
                line_starts.push(idx + 1);
            }
        }
        LineIndex { line_starts }
    }

    /// 1-based line and 0-based UTF-8 byte column of `offset`.
    fn line_col(&self, offset: TextSize) -> (usize, usize) {
        let offset = usize::from(offset);
        let line_idx = self.line_starts.partition_point(|&start| start <= offset) - 1;
        (line_idx + 1, offset - self.line_starts[line_idx])
    }
}

struct Dumper<'a> {
    out: String,
    source: &'a str,
    printable: &'a Printable,
    lines: Option<LineIndex>,
}

/// Writes `Name(field=value, ...)`; each field's expression writes its value.
macro_rules! node {
    ($self:ident, $name:literal $(, $field:literal => $value:expr)* $(,)?) => {{
        $self.out.push_str($name);
        $self.out.push('(');
        $(
            // Only the first field follows the opening parenthesis directly; no value ends in `(`.
            if !$self.out.ends_with('(') {
                $self.out.push_str(", ");
            }
            $self.out.push_str($field);
            $self.out.push('=');
            $value;
        )*
        $self.out.push(')');
    }};
}

impl Dumper<'_> {
    fn list<T>(&mut self, items: &[T], mut item: impl FnMut(&mut Self, &T)) {
        self.out.push('[');
        for (idx, value) in items.iter().enumerate() {
            if idx > 0 {
                self.out.push_str(", ");
            }
            item(self, value);
        }
        self.out.push(']');
    }

    /// Writes `, name=value` for an optional field, nothing when absent.
    fn opt_field<T>(&mut self, name: &str, value: Option<&T>, mut write: impl FnMut(&mut Self, &T)) {
        if let Some(value) = value {
            self.out.push_str(", ");
            self.out.push_str(name);
            self.out.push('=');
            write(self, value);
        }
    }

    fn str(&mut self, value: &str) {
        let repr = str_repr(value, self.printable);
        self.out.push_str(&repr);
    }

    fn ident(&mut self, identifier: &Identifier) {
        self.str(&identifier.id);
    }

    fn stmts(&mut self, body: &[Stmt]) {
        self.list(body, Self::stmt);
    }

    fn exprs(&mut self, exprs: &[Expr]) {
        self.list(exprs, Self::expr);
    }

    fn ctx(&mut self, ctx: ExprContext) {
        self.out.push_str(match ctx {
            ExprContext::Load => "Load()",
            ExprContext::Store => "Store()",
            ExprContext::Del => "Del()",
        });
    }

    fn stmt(&mut self, stmt: &Stmt) {
        self.stmt_fields(stmt);
        let range = match stmt {
            Stmt::FunctionDef(StmtFunctionDef { decorator_list, name, range, .. })
            | Stmt::ClassDef(StmtClassDef { decorator_list, name, range, .. })
                if !decorator_list.is_empty() =>
            {
                TextRange::new(self.definition_keyword_start(name.range.start()), range.end())
            }
            _ => stmt.range(),
        };
        self.position(range);
    }

    /// The start of the `def`, `class` or `async def` before a definition's name: the keyword
    /// before the name, and an `async` before that, with only whitespace and line
    /// continuations between them.
    fn definition_keyword_start(&self, name_start: TextSize) -> TextSize {
        let bytes = self.source.as_bytes();
        let skip_blanks_back = |mut end: usize| {
            while end > 0 && matches!(bytes[end - 1], b' ' | b'\t' | b'\x0c' | b'\\' | b'\n' | b'\r') {
                end -= 1;
            }
            end
        };
        let keyword_before = |end: usize, keyword: &str| {
            let start = end.checked_sub(keyword.len())?;
            let at_word_start =
                start == 0 || !(bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_');
            (&bytes[start..end] == keyword.as_bytes() && at_word_start).then_some(start)
        };
        let end = skip_blanks_back(usize::from(name_start));
        let Some(start) = keyword_before(end, "def").or_else(|| keyword_before(end, "class")) else {
            return name_start;
        };
        let start = keyword_before(skip_blanks_back(start), "async").unwrap_or(start);
        TextSize::try_from(start).expect("offset fits")
    }

    fn stmt_fields(&mut self, stmt: &Stmt) {
        match stmt {
            Stmt::FunctionDef(node) => {
                self.out.push_str(if node.is_async { "AsyncFunctionDef(" } else { "FunctionDef(" });
                self.out.push_str("name=");
                self.ident(&node.name);
                self.out.push_str(", args=");
                self.arguments(&node.args);
                self.out.push_str(", body=");
                self.stmts(&node.body);
                self.out.push_str(", decorator_list=");
                self.exprs(&node.decorator_list);
                self.opt_field("returns", node.returns.as_deref(), Self::expr);
                self.out.push(')');
            }
            Stmt::ClassDef(node) => node!(self, "ClassDef",
                "name" => self.ident(&node.name),
                "bases" => self.exprs(&node.bases),
                "keywords" => self.list(&node.keywords, Self::keyword),
                "body" => self.stmts(&node.body),
                "decorator_list" => self.exprs(&node.decorator_list),
            ),
            Stmt::Return(node) => {
                self.out.push_str("Return(");
                if let Some(value) = &node.value {
                    self.out.push_str("value=");
                    self.expr(value);
                }
                self.out.push(')');
            }
            Stmt::Delete(node) => node!(self, "Delete", "targets" => self.exprs(&node.targets)),
            Stmt::Assign(node) => node!(self, "Assign",
                "targets" => self.exprs(&node.targets),
                "value" => self.expr(&node.value),
            ),
            Stmt::AugAssign(node) => node!(self, "AugAssign",
                "target" => self.expr(&node.target),
                "op" => self.operator(node.op),
                "value" => self.expr(&node.value),
            ),
            Stmt::AnnAssign(node) => {
                node!(self, "AnnAssign", "target" => self.expr(&node.target), "annotation" => self.expr(&node.annotation));
                self.out.pop();
                self.opt_field("value", node.value.as_deref(), Self::expr);
                self.out.push_str(if node.simple { ", simple=1)" } else { ", simple=0)" });
            }
            Stmt::For(node) => {
                self.out.push_str(if node.is_async { "AsyncFor" } else { "For" });
                node!(self, "",
                    "target" => self.expr(&node.target),
                    "iter" => self.expr(&node.iter),
                    "body" => self.stmts(&node.body),
                    "orelse" => self.stmts(&node.orelse),
                );
            }
            Stmt::While(node) => node!(self, "While",
                "test" => self.expr(&node.test),
                "body" => self.stmts(&node.body),
                "orelse" => self.stmts(&node.orelse),
            ),
            Stmt::If(node) => node!(self, "If",
                "test" => self.expr(&node.test),
                "body" => self.stmts(&node.body),
                "orelse" => self.stmts(&node.orelse),
            ),
            Stmt::With(node) => {
                self.out.push_str(if node.is_async { "AsyncWith" } else { "With" });
                node!(self, "",
                    "items" => self.list(&node.items, Self::with_item),
                    "body" => self.stmts(&node.body),
                );
            }
            Stmt::Match(node) => node!(self, "Match",
                "subject" => self.expr(&node.subject),
                "cases" => self.list(&node.cases, Self::match_case),
            ),
            Stmt::Raise(node) => {
                self.out.push_str("Raise(");
                let mut first = true;
                for (name, value) in [("exc", &node.exc), ("cause", &node.cause)] {
                    if let Some(value) = value {
                        if !first {
                            self.out.push_str(", ");
                        }
                        first = false;
                        self.out.push_str(name);
                        self.out.push('=');
                        self.expr(value);
                    }
                }
                self.out.push(')');
            }
            Stmt::Try(node) => {
                self.out.push_str(if node.is_star { "TryStar" } else { "Try" });
                node!(self, "",
                    "body" => self.stmts(&node.body),
                    "handlers" => self.list(&node.handlers, Self::except_handler),
                    "orelse" => self.stmts(&node.orelse),
                    "finalbody" => self.stmts(&node.finalbody),
                );
            }
            Stmt::Assert(node) => {
                node!(self, "Assert", "test" => self.expr(&node.test));
                self.out.pop();
                self.opt_field("msg", node.msg.as_deref(), Self::expr);
                self.out.push(')');
            }
            Stmt::Import(node) => node!(self, "Import", "names" => self.list(&node.names, Self::alias)),
            Stmt::ImportFrom(node) => {
                self.out.push_str("ImportFrom(");
                if let Some(module) = &node.module {
                    self.out.push_str("module=");
                    self.ident(module);
                    self.out.push_str(", ");
                }
                self.out.push_str("names=");
                self.list(&node.names, Self::alias);
                self.out.push_str(&format!(", level={})", node.level));
            }
            Stmt::Global(StmtGlobal { names, .. }) | Stmt::Nonlocal(StmtNonlocal { names, .. }) => {
                self.out.push_str(if matches!(stmt, Stmt::Global(_)) { "Global" } else { "Nonlocal" });
                node!(self, "", "names" => self.list(names, Self::ident));
            }
            Stmt::Expr(node) => node!(self, "Expr", "value" => self.expr(&node.value)),
            Stmt::Pass(_) => self.out.push_str("Pass()"),
            Stmt::Break(_) => self.out.push_str("Break()"),
            Stmt::Continue(_) => self.out.push_str("Continue()"),
        }
    }

    fn expr(&mut self, expr: &Expr) {
        self.expr_fields(expr);
        self.position(expr.range());
    }

    fn expr_fields(&mut self, expr: &Expr) {
        match expr {
            Expr::BoolOp(node) => node!(self, "BoolOp",
                "op" => self.out.push_str(match node.op { BoolOp::And => "And()", BoolOp::Or => "Or()" }),
                "values" => self.exprs(&node.values),
            ),
            Expr::NamedExpr(node) => node!(self, "NamedExpr",
                "target" => self.expr(&node.target),
                "value" => self.expr(&node.value),
            ),
            Expr::BinOp(node) => node!(self, "BinOp",
                "left" => self.expr(&node.left),
                "op" => self.operator(node.op),
                "right" => self.expr(&node.right),
            ),
            Expr::UnaryOp(node) => node!(self, "UnaryOp",
                "op" => self.out.push_str(match node.op {
                    UnaryOp::Invert => "Invert()",
                    UnaryOp::Not => "Not()",
                    UnaryOp::UAdd => "UAdd()",
                    UnaryOp::USub => "USub()",
                }),
                "operand" => self.expr(&node.operand),
            ),
            Expr::Lambda(node) => node!(self, "Lambda",
                "args" => self.arguments(&node.args),
                "body" => self.expr(&node.body),
            ),
            Expr::IfExp(node) => node!(self, "IfExp",
                "test" => self.expr(&node.test),
                "body" => self.expr(&node.body),
                "orelse" => self.expr(&node.orelse),
            ),
            Expr::Dict(node) => node!(self, "Dict",
                "keys" => self.list(&node.keys, |this, key| match key {
                    Some(key) => this.expr(key),
                    None => this.out.push_str("None"),
                }),
                "values" => self.exprs(&node.values),
            ),
            Expr::Set(node) => node!(self, "Set", "elts" => self.exprs(&node.elts)),
            Expr::ListComp(node) => node!(self, "ListComp",
                "elt" => self.expr(&node.elt),
                "generators" => self.list(&node.generators, Self::comprehension),
            ),
            Expr::SetComp(node) => node!(self, "SetComp",
                "elt" => self.expr(&node.elt),
                "generators" => self.list(&node.generators, Self::comprehension),
            ),
            Expr::DictComp(node) => node!(self, "DictComp",
                "key" => self.expr(&node.key),
                "value" => self.expr(&node.value),
                "generators" => self.list(&node.generators, Self::comprehension),
            ),
            Expr::GeneratorExp(node) => node!(self, "GeneratorExp",
                "elt" => self.expr(&node.elt),
                "generators" => self.list(&node.generators, Self::comprehension),
            ),
            Expr::Await(node) => node!(self, "Await", "value" => self.expr(&node.value)),
            Expr::Yield(node) => {
                self.out.push_str("Yield(");
                if let Some(value) = &node.value {
                    self.out.push_str("value=");
                    self.expr(value);
                }
                self.out.push(')');
            }
            Expr::YieldFrom(node) => node!(self, "YieldFrom", "value" => self.expr(&node.value)),
            Expr::Compare(node) => node!(self, "Compare",
                "left" => self.expr(&node.left),
                "ops" => self.list(&node.ops, |this, op| this.out.push_str(match op {
                    CmpOp::Eq => "Eq()",
                    CmpOp::NotEq => "NotEq()",
                    CmpOp::Lt => "Lt()",
                    CmpOp::LtE => "LtE()",
                    CmpOp::Gt => "Gt()",
                    CmpOp::GtE => "GtE()",
                    CmpOp::Is => "Is()",
                    CmpOp::IsNot => "IsNot()",
                    CmpOp::In => "In()",
                    CmpOp::NotIn => "NotIn()",
                })),
                "comparators" => self.exprs(&node.comparators),
            ),
            Expr::Call(node) => node!(self, "Call",
                "func" => self.expr(&node.func),
                "args" => self.exprs(&node.args),
                "keywords" => self.list(&node.keywords, Self::keyword),
            ),
            Expr::FormattedValue(node) => self.formatted_value(node, false),
            Expr::JoinedStr(node) => {
                let u_kind = self.written_with_u_prefix(node.range);
                self.joined_str(node, u_kind);
            }
            Expr::Constant(node) => {
                self.out.push_str("Constant(value=");
                self.constant(&node.value);
                if matches!(node.value, Constant::Str(_)) && self.written_with_u_prefix(node.range) {
                    self.out.push_str(", kind='u'");
                }
                self.out.push(')');
            }
            Expr::Attribute(node) => node!(self, "Attribute",
                "value" => self.expr(&node.value),
                "attr" => self.ident(&node.attr),
                "ctx" => self.ctx(node.ctx),
            ),
            Expr::Subscript(node) => node!(self, "Subscript",
                "value" => self.expr(&node.value),
                "slice" => self.expr(&node.slice),
                "ctx" => self.ctx(node.ctx),
            ),
            Expr::Starred(node) => node!(self, "Starred",
                "value" => self.expr(&node.value),
                "ctx" => self.ctx(node.ctx),
            ),
            Expr::Name(node) => node!(self, "Name",
                "id" => self.str(&node.id),
                "ctx" => self.ctx(node.ctx),
            ),
            Expr::List(node) => node!(self, "List",
                "elts" => self.exprs(&node.elts),
                "ctx" => self.ctx(node.ctx),
            ),
            Expr::Tuple(node) => node!(self, "Tuple",
                "elts" => self.exprs(&node.elts),
                "ctx" => self.ctx(node.ctx),
            ),
            Expr::Slice(node) => {
                self.out.push_str("Slice(");
                let mut first = true;
                for (name, value) in [("lower", &node.lower), ("upper", &node.upper), ("step", &node.step)] {
                    if let Some(value) = value {
                        if !first {
                            self.out.push_str(", ");
                        }
                        first = false;
                        self.out.push_str(name);
                        self.out.push('=');
                        self.expr(value);
                    }
                }
                self.out.push(')');
            }
        }
    }

    /// An f-string. CPython gives every constant part of an f-string `kind='u'` when the first
    /// literal of the concatenation has a `u` prefix, also inside format specs (not inside
    /// f-strings nested in a replacement field, which are parsed from their own tokens).
    fn joined_str(&mut self, node: &ExprJoinedStr, u_kind: bool) {
        self.out.push_str("JoinedStr(values=");
        self.list(&node.values, |this, value| match value {
            Expr::Constant(constant) => {
                this.out.push_str("Constant(value=");
                this.constant(&constant.value);
                this.out.push_str(if u_kind { ", kind='u')" } else { ")" });
            }
            Expr::FormattedValue(formatted) => this.formatted_value(formatted, u_kind),
            other => this.expr(other),
        });
        self.out.push(')');
    }

    fn formatted_value(&mut self, node: &ExprFormattedValue, u_kind: bool) {
        let conversion = match node.conversion {
            ConversionFlag::None => -1,
            ConversionFlag::Str => 115,
            ConversionFlag::Repr => 114,
            ConversionFlag::Ascii => 97,
        };
        node!(self, "FormattedValue",
            "value" => self.expr(&node.value),
            "conversion" => self.out.push_str(&conversion.to_string()),
        );
        self.out.pop();
        self.opt_field("format_spec", node.format_spec.as_deref(), |this, spec| match spec {
            Expr::JoinedStr(spec) => this.joined_str(spec, u_kind),
            other => this.expr(other),
        });
        self.out.push(')');
    }

    /// When dumping positions, replaces the closing `)` just written with the node's
    /// `lineno`, `col_offset`, `end_lineno` and `end_col_offset`, then `)`.
    fn position(&mut self, range: TextRange) {
        let Some(lines) = &self.lines else { return };
        let (line, col) = lines.line_col(range.start());
        let (end_line, end_col) = lines.line_col(range.end());
        let closing = self.out.pop();
        debug_assert_eq!(closing, Some(')'));
        let separator = if self.out.ends_with('(') { "" } else { ", " };
        self.out.push_str(&format!(
            "{separator}lineno={line}, col_offset={col}, end_lineno={end_line}, end_col_offset={end_col})"
        ));
    }

    /// CPython sets `kind='u'` on a string whose first literal has a `u` prefix (lower case only).
    fn written_with_u_prefix(&self, range: TextRange) -> bool {
        self.source.as_bytes().get(usize::from(range.start())) == Some(&b'u')
    }

    fn constant(&mut self, value: &Constant) {
        match value {
            Constant::None => self.out.push_str("None"),
            Constant::Bool(true) => self.out.push_str("True"),
            Constant::Bool(false) => self.out.push_str("False"),
            Constant::Str(value) => self.str(value),
            Constant::Bytes(value) => self.out.push_str(&bytes_repr(value)),
            Constant::Int(Int::Small(value)) => self.out.push_str(&value.to_string()),
            Constant::Int(Int::Big(digits)) => self.out.push_str(digits),
            Constant::Float(value) => self.out.push_str(&float_repr(*value)),
            Constant::Complex { real, imag } => {
                if *real == 0.0 && real.is_sign_positive() {
                    self.out.push_str(&imaginary_repr(*imag));
                } else {
                    // Literals never have a real part; print what Python would all the same.
                    let sign = if imag.is_sign_negative() { "" } else { "+" };
                    self.out.push_str(&format!(
                        "({}{sign}{})",
                        float_repr_with(*real, false),
                        imaginary_repr(*imag)
                    ));
                }
            }
            Constant::Ellipsis => self.out.push_str("Ellipsis"),
        }
    }

    fn operator(&mut self, op: Operator) {
        self.out.push_str(match op {
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
        });
    }

    fn arguments(&mut self, arguments: &Arguments) {
        self.out.push_str("arguments(posonlyargs=");
        self.list(&arguments.posonlyargs, |this, arg| this.arg(&arg.def));
        self.out.push_str(", args=");
        self.list(&arguments.args, |this, arg| this.arg(&arg.def));
        self.opt_field("vararg", arguments.vararg.as_deref(), Self::arg);
        self.out.push_str(", kwonlyargs=");
        self.list(&arguments.kwonlyargs, |this, arg| this.arg(&arg.def));
        self.out.push_str(", kw_defaults=");
        self.list(&arguments.kwonlyargs, |this, arg| match &arg.default {
            Some(default) => this.expr(default),
            None => this.out.push_str("None"),
        });
        self.opt_field("kwarg", arguments.kwarg.as_deref(), Self::arg);
        self.out.push_str(", defaults=");
        let defaults: Vec<&Expr> = arguments
            .posonlyargs
            .iter()
            .chain(&arguments.args)
            .filter_map(|arg| arg.default.as_deref())
            .collect();
        self.list(&defaults, |this, default| this.expr(default));
        self.out.push(')');
    }

    fn arg(&mut self, arg: &Arg) {
        self.arg_fields(arg);
        self.position(arg.range);
    }

    fn arg_fields(&mut self, arg: &Arg) {
        self.out.push_str("arg(arg=");
        self.ident(&arg.arg);
        self.opt_field("annotation", arg.annotation.as_deref(), Self::expr);
        self.out.push(')');
    }

    fn keyword(&mut self, keyword: &Keyword) {
        self.keyword_fields(keyword);
        self.position(keyword.range);
    }

    fn keyword_fields(&mut self, keyword: &Keyword) {
        self.out.push_str("keyword(");
        if let Some(arg) = &keyword.arg {
            self.out.push_str("arg=");
            self.ident(arg);
            self.out.push_str(", ");
        }
        self.out.push_str("value=");
        self.expr(&keyword.value);
        self.out.push(')');
    }

    fn alias(&mut self, alias: &Alias) {
        self.alias_fields(alias);
        self.position(alias.range);
    }

    fn alias_fields(&mut self, alias: &Alias) {
        self.out.push_str("alias(name=");
        self.ident(&alias.name);
        self.opt_field("asname", alias.asname.as_ref(), Self::ident);
        self.out.push(')');
    }

    fn with_item(&mut self, item: &WithItem) {
        self.out.push_str("withitem(context_expr=");
        self.expr(&item.context_expr);
        self.opt_field("optional_vars", item.optional_vars.as_deref(), Self::expr);
        self.out.push(')');
    }

    fn comprehension(&mut self, comprehension: &Comprehension) {
        node!(self, "comprehension",
            "target" => self.expr(&comprehension.target),
            "iter" => self.expr(&comprehension.iter),
            "ifs" => self.exprs(&comprehension.ifs),
            "is_async" => self.out.push_str(if comprehension.is_async { "1" } else { "0" }),
        );
    }

    fn except_handler(&mut self, handler: &ExceptHandler) {
        self.except_handler_fields(handler);
        self.position(handler.range);
    }

    fn except_handler_fields(&mut self, handler: &ExceptHandler) {
        self.out.push_str("ExceptHandler(");
        if let Some(type_) = &handler.type_ {
            self.out.push_str("type=");
            self.expr(type_);
            self.out.push_str(", ");
        }
        if let Some(name) = &handler.name {
            self.out.push_str("name=");
            self.ident(name);
            self.out.push_str(", ");
        }
        self.out.push_str("body=");
        self.stmts(&handler.body);
        self.out.push(')');
    }

    fn match_case(&mut self, case: &MatchCase) {
        self.out.push_str("match_case(pattern=");
        self.pattern(&case.pattern);
        self.opt_field("guard", case.guard.as_deref(), Self::expr);
        self.out.push_str(", body=");
        self.stmts(&case.body);
        self.out.push(')');
    }

    fn patterns(&mut self, patterns: &[Pattern]) {
        self.list(patterns, Self::pattern);
    }

    fn pattern(&mut self, pattern: &Pattern) {
        self.pattern_fields(pattern);
        self.position(pattern.range());
    }

    fn pattern_fields(&mut self, pattern: &Pattern) {
        match pattern {
            Pattern::MatchValue(node) => node!(self, "MatchValue", "value" => self.expr(&node.value)),
            Pattern::MatchSingleton(node) => {
                node!(self, "MatchSingleton", "value" => self.constant(&node.value))
            }
            Pattern::MatchSequence(node) => {
                node!(self, "MatchSequence", "patterns" => self.patterns(&node.patterns))
            }
            Pattern::MatchMapping(node) => {
                node!(self, "MatchMapping",
                    "keys" => self.exprs(&node.keys),
                    "patterns" => self.patterns(&node.patterns),
                );
                self.out.pop();
                self.opt_field("rest", node.rest.as_ref(), Self::ident);
                self.out.push(')');
            }
            Pattern::MatchClass(node) => node!(self, "MatchClass",
                "cls" => self.expr(&node.cls),
                "patterns" => self.patterns(&node.patterns),
                "kwd_attrs" => self.list(&node.kwd_attrs, Self::ident),
                "kwd_patterns" => self.patterns(&node.kwd_patterns),
            ),
            Pattern::MatchStar(node) => {
                self.out.push_str("MatchStar(");
                if let Some(name) = &node.name {
                    self.out.push_str("name=");
                    self.ident(name);
                }
                self.out.push(')');
            }
            Pattern::MatchAs(node) => {
                self.out.push_str("MatchAs(");
                if let Some(pattern) = &node.pattern {
                    self.out.push_str("pattern=");
                    self.pattern(pattern);
                    if node.name.is_some() {
                        self.out.push_str(", ");
                    }
                }
                if let Some(name) = &node.name {
                    self.out.push_str("name=");
                    self.ident(name);
                }
                self.out.push(')');
            }
            Pattern::MatchOr(node) => node!(self, "MatchOr", "patterns" => self.patterns(&node.patterns)),
        }
    }
}
