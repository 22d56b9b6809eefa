//! Unit tests of the lexer: each compares a compact dump of the token stream with the expected
//! one.

use numjit_ast::Int;

use super::lex;
use crate::token::Tok;

/// One token per word: `Name(x)`, `Int(1)`, `String("a")`, `Newline`...; an error as
/// `error(message)@start..end`, which ends the stream.
fn dump(source: &str) -> String {
    let mut words = Vec::new();
    for item in lex(source) {
        match item {
            Ok((_, tok, _)) => words.push(tok_word(&tok)),
            Err(error) => {
                let range = error.range;
                words.push(format!(
                    "error({})@{}..{}",
                    error.kind,
                    u32::from(range.start()),
                    u32::from(range.end())
                ));
            }
        }
    }
    words.join(" ")
}

/// Like [`dump`], with the range of every token.
fn dump_ranges(source: &str) -> String {
    let mut words = Vec::new();
    for item in lex(source) {
        match item {
            Ok((start, tok, end)) => {
                words.push(format!("{}@{}..{}", tok_word(&tok), u32::from(start), u32::from(end)))
            }
            Err(error) => words.push(format!("error({})", error.kind)),
        }
    }
    words.join(" ")
}

fn tok_word(tok: &Tok) -> String {
    match tok {
        Tok::Name { name } => format!("Name({name})"),
        Tok::Int { value: Int::Small(value) } => format!("Int({value})"),
        Tok::Int { value: Int::Big(digits) } => format!("BigInt({digits})"),
        Tok::Float { value } => format!("Float({value:?})"),
        Tok::Complex { imag } => format!("Complex({imag:?})"),
        Tok::String { value, kind, triple_quoted } => {
            format!("{kind:?}{}({value:?})", if *triple_quoted { "3" } else { "" })
        }
        other => format!("{other:?}"),
    }
}

#[track_caller]
fn check(source: &str, expected: &str) {
    assert_eq!(dump(source), expected, "source: {source:?}");
}

#[track_caller]
fn check_ranges(source: &str, expected: &str) {
    assert_eq!(dump_ranges(source), expected, "source: {source:?}");
}

#[test]
fn smoke() {
    check("x = 1\n", "Name(x) Equal Int(1) Newline");
}

#[test]
fn operators() {
    check(
        "a+=b-c->d**e**=f//g//=h@i@=j%k%=l|m|=n&o&=p^q^=r~s<<t<<=u>>v>>=w<x<=y>z>=a==b!=c:=d...e.f",
        "Name(a) PlusEqual Name(b) Minus Name(c) Rarrow Name(d) DoubleStar Name(e) DoubleStarEqual \
         Name(f) DoubleSlash Name(g) DoubleSlashEqual Name(h) At Name(i) AtEqual Name(j) Percent \
         Name(k) PercentEqual Name(l) Vbar Name(m) VbarEqual Name(n) Amper Name(o) AmperEqual \
         Name(p) CircumFlex Name(q) CircumflexEqual Name(r) Tilde Name(s) LeftShift Name(t) \
         LeftShiftEqual Name(u) RightShift Name(v) RightShiftEqual Name(w) Less Name(x) LessEqual \
         Name(y) Greater Name(z) GreaterEqual Name(a) EqEqual Name(b) NotEqual Name(c) ColonEqual \
         Name(d) Ellipsis Name(e) Dot Name(f) Newline",
    );
    check(
        "a*b/c;d,e:f=g+h",
        "Name(a) Star Name(b) Slash Name(c) Semi Name(d) Comma Name(e) Colon Name(f) Equal Name(g) Plus Name(h) Newline",
    );
    check("x..y", "Name(x) Dot Dot Name(y) Newline");
    check("x....y", "Name(x) Ellipsis Dot Name(y) Newline");
    check("a<>b", "Name(a) Less Greater Name(b) Newline");
}

#[test]
fn keywords() {
    check(
        "False None True and as assert async await break class continue def del elif else except \
         finally for from global if import in is lambda nonlocal not or pass raise return try while \
         with yield",
        "False None True And As Assert Async Await Break Class Continue Def Del Elif Else Except \
         Finally For From Global If Import In Is Lambda Nonlocal Not Or Pass Raise Return Try While \
         With Yield Newline",
    );
    check(
        "iff false none _ __init__ print",
        "Name(iff) Name(false) Name(none) Name(_) Name(__init__) Name(print) Newline",
    );
}

#[test]
fn unicode_names() {
    check("café = 1", "Name(café) Equal Int(1) Newline");
    check("π·2", "Name(π·2) Newline");
    check("a·", "Name(a·) Newline");
    check("·", "error(invalid character '·' (U+00B7))@0..2");
    check("x·y", "Name(x·y) Newline");
    check("日本語 = α", "Name(日本語) Equal Name(α) Newline");
    // NFKC: `ℌ` is `H`, the fullwidth `ｉｆ` is the name `if`, not the keyword.
    check("ℌ ｉｆ ﬁle", "Name(H) Name(if) Name(file) Newline");
    check("aé", "Name(aé) Newline");
    check("ifé", "Name(ifé) Newline");
}

#[test]
fn invalid_characters() {
    check("a $ b", "Name(a) error(invalid character '$' (U+0024))@2..3");
    check("a ? b", "Name(a) error(invalid character '?' (U+003F))@2..3");
    check("a ` b", "Name(a) error(invalid character '`' (U+0060))@2..3");
    check("a ! b", "Name(a) error(invalid character '!' (U+0021))@2..3");
    check("x = €", "Name(x) Equal error(invalid character '€' (U+20AC))@4..7");
    check("a€b", "Name(a) error(invalid character '€' (U+20AC))@1..4");
    check("a\u{200b}b", "Name(a) error(invalid non-printable character U+200B)@1..4");
    check("a\u{7}", "Name(a) error(invalid non-printable character U+0007)@1..2");
    check("x\0", "error(source code string cannot contain null bytes)@1..2");
    check("'\0'", "error(source code string cannot contain null bytes)@1..2");
    check("\u{feff}\u{feff}x", "error(invalid non-printable character U+FEFF)@3..6");
}

#[test]
fn bom_is_skipped() {
    check_ranges("\u{feff}x\n", "Name(x)@3..4 Newline@4..5");
    check("\u{feff}", "");
}

#[test]
fn integers() {
    check(
        "0 7 000 0_0 1_000 0x_ff 0XFF 0o17 0O_7 0b1010 0B_1",
        "Int(0) Int(7) Int(0) Int(0) Int(1000) Int(255) Int(255) Int(15) Int(7) Int(10) Int(1) Newline",
    );
    check("18446744073709551615", "Int(18446744073709551615) Newline");
    check("18446744073709551616", "BigInt(18446744073709551616) Newline");
    check("1_8446_744073709551616_0", "BigInt(184467440737095516160) Newline");
    check("0xffffffffffffffff", "Int(18446744073709551615) Newline");
    check("0x1_0000_0000_0000_0000", "BigInt(18446744073709551616) Newline");
    check("0o2000000000000000000000", "BigInt(18446744073709551616) Newline");
    check(
        "0b1_0000000000000000000000000000000000000000000000000000000000000000",
        "BigInt(18446744073709551616) Newline",
    );
    check("0xDEADBEEFCAFEBABE0123456789abcdef", "BigInt(295990755076957304698161171062762229231) Newline");
    check(
        &format!("0x1{}", "0".repeat(40)),
        "BigInt(1461501637330902918203684832716283019655932542976) Newline",
    );
}

#[test]
fn floats_and_imaginary() {
    check(
        "1. .5 1.5 1e5 1E+5 1.5E-3 1_0.0_1e1_0 0.0 00.5 0123.5 0e0",
        "Float(1.0) Float(0.5) Float(1.5) Float(100000.0) Float(100000.0) Float(0.0015) Float(100100000000.0) Float(0.0) Float(0.5) Float(123.5) Float(0.0) Newline",
    );
    check(
        "3j 1.5J 1e3j 0j 0123j .5j 1_0j",
        "Complex(3.0) Complex(1.5) Complex(1000.0) Complex(0.0) Complex(123.0) Complex(0.5) Complex(10.0) Newline",
    );
    check("1e999 0.1", "Float(inf) Float(0.1) Newline");
    check("x.5", "Name(x) Float(0.5) Newline");
    check("1 .real", "Int(1) Dot Name(real) Newline");
    check("1..real", "Float(1.0) Dot Name(real) Newline");
}

#[test]
fn keyword_glued_to_number() {
    // CPython 3.11 accepts these (with a deprecation warning).
    check("1if x else 2", "Int(1) If Name(x) Else Int(2) Newline");
    check("1or 2", "Int(1) Or Int(2) Newline");
    check("1in x", "Int(1) In Name(x) Newline");
    check("1is x", "Int(1) Is Name(x) Newline");
    check("1and 2", "Int(1) And Int(2) Newline");
    check("1not in x", "Int(1) Not In Name(x) Newline");
    check("0o7if 1 else 2", "Int(7) If Int(1) Else Int(2) Newline");
    check("0b1not in x", "Int(1) Not In Name(x) Newline");
    check("1else", "Int(1) Else Newline");
    check("1.else", "Float(1.0) Else Newline");
    check("1jor 2", "Complex(1.0) Or Int(2) Newline");
    // `f` is a hex digit: this is `0x1f` followed by `or`.
    check("0x1for", "Int(31) Or Newline");
    check("1else:", "Int(1) Else Colon Newline");
    check("1andy", "error(invalid decimal literal)@0..2");
    check("1and2", "error(invalid decimal literal)@0..2");
    check("1orx", "error(invalid decimal literal)@0..2");
    // For `i`, CPython looks at one more letter only; the parser then rejects these.
    check("1iffy", "Int(1) Name(iffy) Newline");
    check("1ifx", "Int(1) Name(ifx) Newline");
}

#[test]
fn invalid_numbers() {
    check("1abc", "error(invalid decimal literal)@0..2");
    check("1_", "error(invalid decimal literal)@0..2");
    check("1__0", "error(invalid decimal literal)@0..3");
    check("1_a", "error(invalid decimal literal)@0..3");
    check("0x", "error(invalid hexadecimal literal)@0..2");
    check("0x_", "error(invalid hexadecimal literal)@0..3");
    check("0x1g", "error(invalid hexadecimal literal)@0..4");
    check("0x1else", "error(invalid hexadecimal literal)@0..5");
    check("0b", "error(invalid binary literal)@0..2");
    check("0b12", "error(invalid digit '2' in binary literal)@0..4");
    check("0b1_2", "error(invalid digit '2' in binary literal)@0..5");
    check("0o8", "error(invalid digit '8' in octal literal)@0..3");
    check("0o", "error(invalid octal literal)@0..2");
    check("0o1x", "error(invalid octal literal)@0..4");
    check(
        "0123",
        "error(leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers)@0..4",
    );
    check(
        "00_1",
        "error(leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers)@0..4",
    );
    check("0_", "error(invalid decimal literal)@0..2");
    check("1e", "error(invalid decimal literal)@0..2");
    check("1e+", "error(invalid decimal literal)@0..3");
    check("1e_1", "error(invalid decimal literal)@0..2");
    check("1.5_", "error(invalid decimal literal)@0..4");
    check("1.__class__", "error(invalid decimal literal)@0..3");
    check("1jx", "error(invalid imaginary literal)@0..3");
    // Non-ASCII characters end a literal instead, as in CPython.
    check("1€", "Int(1) error(invalid character '€' (U+20AC))@1..4");
    check("1é", "Int(1) Name(é) Newline");
    check("0x1é", "Int(1) Name(é) Newline");
    check("1jé", "Complex(1.0) Name(é) Newline");
    check("1_0\u{301}", "Int(10) error(invalid character '\u{301}' (U+0301))@3..5");
}

#[test]
fn strings() {
    check(
        r#"'a' "b" '' """""" '''c''' """d""""#,
        r#"String("a") String("b") String("") String3("") String3("c") String3("d") Newline"#,
    );
    check(
        r#"r'a' u'b' f'c' b'd' br'e' rb'f' fr'g' rf'h' R'i' U'j' F'k' B'l' Rb'm' bR'n' Fr'o' fR'p' BR'q' RF'r'"#,
        r#"RawString("a") String("b") FString("c") Bytes("d") RawBytes("e") RawBytes("f") RawFString("g") RawFString("h") RawString("i") String("j") FString("k") Bytes("l") RawBytes("m") RawBytes("n") RawFString("o") RawFString("p") RawBytes("q") RawFString("r") Newline"#,
    );
    // `u` does not combine: `ur'x'` is the name `ur` followed by a string.
    check("ur'x' bu'y'", r#"Name(ur) String("x") Name(bu) String("y") Newline"#);
    check("rb", "Name(rb) Newline");
    // Escapes are kept as written, and a backslash protects the next character from ending
    // the literal, raw or not.
    check(
        r#"'\'' r'\'' '\\' "a\"b" '\n'"#,
        r#"String("\\'") RawString("\\'") String("\\\\") String("a\\\"b") String("\\n") Newline"#,
    );
    check("'a\\\nb'", r#"String("a\\\nb") Newline"#);
    check("'a\\\r\nb'", r#"String("a\\\r\nb") Newline"#);
    check("'''a\n'b'\n\"\"c'''", r#"String3("a\n'b'\n\"\"c") Newline"#);
    check("'''a''''", "String3(\"a\") error(unterminated string literal)@7..8");
    check(r#"'''\''''"#, r#"String3("\\'") Newline"#);
    check("'é' 'x€'", r#"String("é") String("x€") Newline"#);
    check("'\\é'", r#"String("\\é") Newline"#);
    check("x = f'{a!r:>{w}}'", r#"Name(x) Equal FString("{a!r:>{w}}") Newline"#);
    // Adjacent literals stay separate; the grammar joins them.
    check("'a' 'b'", r#"String("a") String("b") Newline"#);
}

#[test]
fn unterminated_strings() {
    check("x = 'abc", "Name(x) Equal error(unterminated string literal)@4..8");
    check("x = 'abc\ny'", "Name(x) Equal error(unterminated string literal)@4..8");
    check("x = 'abc\ry'", "Name(x) Equal error(unterminated string literal)@4..8");
    check("x = 'abc\\", "Name(x) Equal error(unterminated string literal)@4..9");
    check("x = \"abc\\\"", "Name(x) Equal error(unterminated string literal)@4..10");
    check("x = rb'abc\n", "Name(x) Equal error(unterminated string literal)@4..10");
    check("x = '''abc\n\n", "Name(x) Equal error(unterminated triple-quoted string literal)@4..7");
    check("x = f'''abc''", "Name(x) Equal error(unterminated triple-quoted string literal)@4..8");
    check("'''\\", "error(unterminated triple-quoted string literal)@0..3");
    check("'", "error(unterminated string literal)@0..1");
}

#[test]
fn string_ranges() {
    check_ranges("rb'x' \"\"\"y\"\"\"", r#"RawBytes("x")@0..5 String3("y")@6..13 Newline@13..13"#);
}

#[test]
fn comments_and_continuations() {
    check("x = 1  # comment\n# only a comment\n\ny", "Name(x) Equal Int(1) Newline Name(y) Newline");
    check("x = 1 + \\\n  2\n", "Name(x) Equal Int(1) Plus Int(2) Newline");
    check("x = 1 + \\\r\n2\r\n", "Name(x) Equal Int(1) Plus Int(2) Newline");
    check("x = 1 + \\\r2\r", "Name(x) Equal Int(1) Plus Int(2) Newline");
    check(
        "x = 1 \\ y",
        "Name(x) Equal Int(1) error(unexpected character after line continuation character)@6..7",
    );
    check(
        "x = 1 \\ \n",
        "Name(x) Equal Int(1) error(unexpected character after line continuation character)@6..7",
    );
    check("x = 1 \\", "Name(x) Equal Int(1) error(unexpected EOF while parsing)@6..7");
    check("x = 1 \\\n", "Name(x) Equal Int(1) error(unexpected EOF while parsing)@6..8");
    check("# just a comment", "");
    check("x # comment \\\ny", "Name(x) Newline Name(y) Newline");
}

#[test]
fn newlines() {
    check("", "");
    check("\n\n  \n\t\n", "");
    check("x", "Name(x) Newline");
    check_ranges(
        "x\ny\r\nz\rw",
        "Name(x)@0..1 Newline@1..2 Name(y)@2..3 Newline@3..5 Name(z)@5..6 Newline@6..7 Name(w)@7..8 Newline@8..8",
    );
    check("x  # c", "Name(x) Newline");
    check("x;y\n", "Name(x) Semi Name(y) Newline");
}

#[test]
fn brackets_join_lines() {
    check("x = (1,\n  2,\n\n# c\n  3)\n", "Name(x) Equal Lpar Int(1) Comma Int(2) Comma Int(3) Rpar Newline");
    check("f(\n)[\n]{\n}\n", "Name(f) Lpar Rpar Lsqb Rsqb Lbrace Rbrace Newline");
    check(
        "if x:\n    y = [\n1,\n        2]\n    z\n",
        "If Name(x) Colon Newline Indent Name(y) Equal Lsqb Int(1) Comma Int(2) Rsqb Newline Name(z) Newline Dedent",
    );
}

#[test]
fn bracket_errors() {
    check("x = )", "Name(x) Equal error(unmatched ')')@4..5");
    check("x = ]", "Name(x) Equal error(unmatched ']')@4..5");
    check(
        "x = (1,\n2]",
        "Name(x) Equal Lpar Int(1) Comma Int(2) error(closing parenthesis ']' does not match opening parenthesis '(')@9..10",
    );
    check(
        "x = ([)",
        "Name(x) Equal Lpar Lsqb error(closing parenthesis ')' does not match opening parenthesis '[')@6..7",
    );
    check(
        "x = {)",
        "Name(x) Equal Lbrace error(closing parenthesis ')' does not match opening parenthesis '{')@5..6",
    );
    check("x = ([", "Name(x) Equal Lpar Lsqb error('[' was never closed)@5..6");
    check("f(\n\n", "Name(f) Lpar error('(' was never closed)@1..2");
}

#[test]
fn deep_nesting() {
    let nested = format!("x = {}1{}\n", "(".repeat(200), ")".repeat(200));
    assert!(lex(&nested).all(|item| item.is_ok()));
    let too_deep = format!("x = {}1{}\n", "(".repeat(201), ")".repeat(201));
    assert!(dump(&too_deep).ends_with("error(too many nested parentheses)@204..205"));
    let unclosed = "[".repeat(100_000);
    assert!(dump(&unclosed).ends_with("error(too many nested parentheses)@200..201"));
}

#[test]
fn indentation() {
    check(
        "if x:\n\ty\n\tif z:\n\t\tw\nv\n",
        "If Name(x) Colon Newline Indent Name(y) Newline If Name(z) Colon Newline Indent Name(w) Newline Dedent Dedent Name(v) Newline",
    );
    check(
        "if x:\n  y\n\n  # c\n    # d\n  z\n",
        "If Name(x) Colon Newline Indent Name(y) Newline Name(z) Newline Dedent",
    );
    // Indentation at the end of the input without a trailing newline.
    check(
        "if x:\n  if y:\n    z",
        "If Name(x) Colon Newline Indent If Name(y) Colon Newline Indent Name(z) Newline Dedent Dedent",
    );
    check("if x:\n  y\n  ", "If Name(x) Colon Newline Indent Name(y) Newline Dedent");
    check(
        "class A:\n def f(self):\n  pass\n x = 1\n",
        "Class Name(A) Colon Newline Indent Def Name(f) Lpar Name(self) Rpar Colon Newline Indent Pass Newline Dedent Name(x) Equal Int(1) Newline Dedent",
    );
}

#[test]
fn indentation_ranges() {
    check_ranges(
        "if x:\n  y\nz",
        "If@0..2 Name(x)@3..4 Colon@4..5 Newline@5..6 Indent@6..8 Name(y)@8..9 Newline@9..10 Dedent@10..10 Name(z)@10..11 Newline@11..11",
    );
    check_ranges(
        "if x:\n  y",
        "If@0..2 Name(x)@3..4 Colon@4..5 Newline@5..6 Indent@6..8 Name(y)@8..9 Newline@9..9 Dedent@9..9",
    );
}

#[test]
fn indentation_errors() {
    check(
        "if x:\n    pass\n  pass\n",
        "If Name(x) Colon Newline Indent Pass Newline error(unindent does not match any outer indentation level)@15..17",
    );
    check(
        "if x:\n\tpass\n        pass\n",
        "If Name(x) Colon Newline Indent Pass Newline error(inconsistent use of tabs and spaces in indentation)@12..20",
    );
    check(
        "if x:\n        pass\n\tpass\n",
        "If Name(x) Colon Newline Indent Pass Newline error(inconsistent use of tabs and spaces in indentation)@19..20",
    );
    check(
        "if x:\n  \tpass\n\t  pass\n",
        "If Name(x) Colon Newline Indent Pass Newline error(inconsistent use of tabs and spaces in indentation)@14..17",
    );
    check("  x", "error(unexpected indent)@0..2");
    check("x = 1\n    y = 2", "Name(x) Equal Int(1) Newline error(unexpected indent)@6..10");
    check("if x: pass\n  y", "If Name(x) Colon Pass Newline error(unexpected indent)@11..13");
    check("\x0c  x = 1", "error(unexpected indent)@0..3");
    // The indentation is checked before the first token of the line.
    check("  'abc", "error(unexpected indent)@0..2");
    check(
        "if x:\n    y\n  1abc",
        "If Name(x) Colon Newline Indent Name(y) Newline error(unindent does not match any outer indentation level)@12..14",
    );
    check(
        "if x:\n    y\n  \\ x",
        "If Name(x) Colon Newline Indent Name(y) Newline error(unindent does not match any outer indentation level)@12..14",
    );
    check("if x:\n    $", "If Name(x) Colon Newline error(invalid character '$' (U+0024))@10..11");
}

#[test]
fn form_feed_resets_column() {
    check("if x:\n  \x0c  pass\n", "If Name(x) Colon Newline Indent Pass Newline Dedent");
    check("x = 1\n\x0cy = 2\n", "Name(x) Equal Int(1) Newline Name(y) Equal Int(2) Newline");
    check(
        "if x:\n    a\n  \x0c    b\n",
        "If Name(x) Colon Newline Indent Name(a) Newline Name(b) Newline Dedent",
    );
}

#[test]
fn indentation_across_continuation() {
    // The column before the first backslash decides the indentation.
    check("if x:\n    \\\n    pass", "If Name(x) Colon Newline Indent Pass Newline Dedent");
    check(
        "if x:\n  \\\n    pass\n  pass",
        "If Name(x) Colon Newline Indent Pass Newline Pass Newline Dedent",
    );
    check(
        "if x:\n  \\\n   \\\n      pass\n  pass",
        "If Name(x) Colon Newline Indent Pass Newline Pass Newline Dedent",
    );
    // CPython's quirks: a backslash at column 0 does not count, the whitespace after it does...
    check("x = 1\n\\\n  y", "Name(x) Equal Int(1) Newline error(unexpected indent)@6..10");
    check("if x:\n\\\n  pass\n  pass", "If Name(x) Colon Newline Indent Pass Newline Pass Newline Dedent");
    // ... and the tab-size-1 column is taken to equal the column.
    check(
        "if x:\n\t\\\n\tpass\n\tpass",
        "If Name(x) Colon Newline Indent Pass Newline error(inconsistent use of tabs and spaces in indentation)@15..16",
    );
    // A continuation into a blank or comment-only line leaves that line blank.
    check("if x:\n  \\\n\n  pass", "If Name(x) Colon Newline Indent Pass Newline Dedent");
    check("x\n  \\\n# c\ny", "Name(x) Newline Name(y) Newline");
    check("if x:\n    \\\n\t# c\n    pass", "If Name(x) Colon Newline Indent Pass Newline Dedent");
}

#[test]
fn too_many_indentation_levels() {
    let mut source = String::new();
    for level in 0..100 {
        source.push_str(&" ".repeat(level));
        source.push_str("if x:\n");
    }
    // CPython allows 99 levels: the body of the 100th `if` is one too many.
    assert!(!dump(&source).contains("error"));
    source.push_str(&" ".repeat(100));
    source.push_str("pass\n");
    assert!(dump(&source).ends_with("error(too many levels of indentation)@5550..5650"));
}

#[test]
fn soft_keywords() {
    check(
        "match x:\n case 1: pass",
        "Match Name(x) Colon Newline Indent Case Int(1) Colon Pass Newline Dedent",
    );
    check(
        "match (a, b):\n pass",
        "Match Lpar Name(a) Comma Name(b) Rpar Colon Newline Indent Pass Newline Dedent",
    );
    check("case [1, *rest] if y:", "Case Lsqb Int(1) Comma Star Name(rest) Rsqb If Name(y) Colon Newline");
    check("case _:", "Case Name(_) Colon Newline");
    check("case {'a': 1}:", r#"Case Lbrace String("a") Colon Int(1) Rbrace Colon Newline"#);
    check("match lambda: x:", "Match Lambda Colon Name(x) Colon Newline");
    check("match x, \\\n  y:", "Match Name(x) Comma Name(y) Colon Newline");
    check("match (x,\n  y):", "Match Lpar Name(x) Comma Name(y) Rpar Colon Newline");
    check("match = 1", "Name(match) Equal Int(1) Newline");
    check("match.group(1)", "Name(match) Dot Name(group) Lpar Int(1) Rpar Newline");
    check("match(x)", "Name(match) Lpar Name(x) Rpar Newline");
    check("match: int = 3", "Name(match) Colon Name(int) Equal Int(3) Newline");
    check("print(match)", "Name(print) Lpar Name(match) Rpar Newline");
    check("x = match", "Name(x) Equal Name(match) Newline");
    check("match[1:2]", "Name(match) Lsqb Int(1) Colon Int(2) Rsqb Newline");
    check("match = lambda: 1", "Name(match) Equal Lambda Colon Int(1) Newline");
    check("match x  # a comment: with colon\n", "Name(match) Name(x) Newline");
    check("match 'a:b'\n", r#"Name(match) String("a:b") Newline"#);
    check("match x\ny:", "Name(match) Name(x) Newline Name(y) Colon Newline");
    check("x = 1; match x:", "Name(x) Equal Int(1) Semi Name(match) Name(x) Colon Newline");
    check("_ = 1", "Name(_) Equal Int(1) Newline");
    check(
        "if x:\n    match y:\n        case 1:\n            pass\n",
        "If Name(x) Colon Newline Indent Match Name(y) Colon Newline Indent Case Int(1) Colon Newline Indent Pass Newline Dedent Dedent Dedent",
    );
}

#[test]
fn error_ends_the_stream() {
    let mut lexer = lex("if x:\n  y\n $");
    let items: Vec<_> = lexer.by_ref().collect();
    assert!(matches!(items.last(), Some(Err(_))));
    assert_eq!(lexer.next(), None);
    assert_eq!(lexer.next(), None);
}

#[test]
fn no_panic_on_odd_input() {
    let inputs = [
        "\r",
        "\r\r\n\n",
        "\\",
        "\\\r",
        "\\\r\n",
        "'",
        "'''",
        "\"\"\"\\",
        "0x",
        "0b_",
        ".",
        "..",
        "...",
        "1.e",
        "0e",
        "0_",
        "\t\t\x0c",
        "\u{10ffff}",
        "\u{300}",
        "é\u{301}",
        "\u{feff}",
        "x\u{85}y",
        "(\n)\n)",
        "if x:\n\x0c",
        "f'{'",
        "rb'\\",
        "9",
    ];
    for input in inputs {
        let _ = dump(input);
        let _ = dump(&format!("if x:\n  {input}"));
    }
    let huge = format!("0x{}", "f".repeat(5000));
    assert!(dump(&huge).starts_with("BigInt("));
    let huge_decimal = "9".repeat(10_000);
    assert_eq!(dump(&huge_decimal), format!("BigInt({huge_decimal}) Newline"));
}

mod properties {
    use proptest::prelude::*;

    use super::lex;
    use crate::token::Tok;

    /// Pieces of Python-like text, so that random concatenations reach indentation, brackets,
    /// strings and numbers far more often than random characters would.
    const FRAGMENTS: &[&str] = &[
        " ", "  ", "\t", "\x0c", "\n", "\r\n", "\r", "\\", "\\\n", "#", "# c\n", "'", "\"", "'''", "\"\"\"",
        "r'", "b\"", "f'", "(", ")", "[", "]", "{", "}", ":", "=", ".", "...", ",", "!=", "x", "match",
        "case", "lambda", "if", "else", "_", "0", "1", "0x", "0o7", "0b1", "1_0", "1.5", "e", "j", "é", "€",
        "日", "\u{301}", "$", "?", "!", "\u{feff}", "\u{0}",
    ];

    fn python_like() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(FRAGMENTS), 0..48).prop_map(|pieces| pieces.concat())
    }

    /// Whatever the input: no panic, ranges inside the source on char boundaries and in
    /// order, nothing after an error, and a clean stream is balanced.
    fn check_invariants(source: &str) {
        let mut lexer = lex(source);
        let mut last_end = 0;
        let (mut n_indents, mut n_dedents, mut depth) = (0usize, 0usize, 0isize);
        let mut last_tok = None;
        for item in lexer.by_ref() {
            let (start, tok, end) = match item {
                Ok(spanned) => spanned,
                Err(error) => {
                    let (start, end) = (usize::from(error.range.start()), usize::from(error.range.end()));
                    assert!(
                        end <= source.len() && source.is_char_boundary(start) && source.is_char_boundary(end)
                    );
                    assert!(!error.kind.to_string().is_empty());
                    return assert_eq!(lexer.next(), None);
                }
            };
            let (start, end) = (usize::from(start), usize::from(end));
            assert!(start <= end && end <= source.len(), "{start}..{end} out of bounds");
            assert!(source.is_char_boundary(start) && source.is_char_boundary(end));
            assert!(start >= last_end || tok == Tok::Dedent, "{tok:?} at {start} before {last_end}");
            last_end = end;
            match tok {
                Tok::Indent => n_indents += 1,
                Tok::Dedent => n_dedents += 1,
                Tok::Lpar | Tok::Lsqb | Tok::Lbrace => depth += 1,
                Tok::Rpar | Tok::Rsqb | Tok::Rbrace => depth -= 1,
                _ => {}
            }
            last_tok = Some(tok);
        }
        assert_eq!(n_indents, n_dedents);
        assert_eq!(depth, 0);
        assert!(matches!(last_tok, None | Some(Tok::Newline | Tok::Dedent)));
    }

    proptest! {
        #[test]
        fn python_like_input(source in python_like()) {
            check_invariants(&source);
        }

        #[test]
        fn arbitrary_input(source in any::<String>()) {
            check_invariants(&source);
        }
    }
}
