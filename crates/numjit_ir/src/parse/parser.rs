//! The recursive-descent parser over the lexer's tokens, and the type inference of results
//! whose types the text leaves implicit.

use std::collections::HashMap;

use cranelift_entity::{PrimaryMap, SecondaryMap};
use numjit_types::{ArrayType, Layout as ArrayLayout, ScalarType, Type};

use super::ParseError;
use super::lexer::{Position, Token, TokenKind, tokenize};
use crate::{
    Block, BlockCall, ExceptionKind, FloatCC, FuncDecl, FuncRef, Function, Inst, InstData, IntCC, Intrinsic,
    Module, Opcode, ReduceOp, Region, Value, ValueDef, opcode::float_bits_for,
};

/// The largest value or block number the text may use. Numbers are kept as printed, so a
/// larger one would make the parser allocate that many placeholder entities.
const MAX_ENTITY_NUMBER: u32 = 1 << 20;
/// How deeply loops may nest in the text.
const MAX_REGION_DEPTH: usize = 100;
/// How deeply types may nest.
const MAX_TYPE_DEPTH: usize = 64;
/// The most elements a `UniTuple(T x N)` may have.
const MAX_UNITUPLE_LENGTH: u64 = 1 << 16;

pub(super) fn parse_module(text: &str) -> Result<Module, ParseError> {
    let tokens = tokenize(text)?;
    let mut parser = Parser { tokens, index: 0 };
    let mut module = Module::new();
    loop {
        parser.skip_newlines();
        match parser.peek() {
            TokenKind::Eof => return Ok(module),
            TokenKind::Ident("func") => module.functions.push(parser.parse_function()?),
            _ => return Err(parser.expected("'func' to start a function")),
        }
    }
}

struct Parser<'t> {
    tokens: Vec<Token<'t>>,
    index: usize,
}

/// What the parser knows about the function it is reading, beyond the function itself.
struct FunctionState {
    func: Function,
    value_defined: SecondaryMap<Value, bool>,
    /// Results whose type is still to be inferred.
    value_pending: SecondaryMap<Value, bool>,
    value_uses: Vec<(Value, Position)>,
    block_defined: SecondaryMap<Block, bool>,
    block_uses: Vec<(Block, Position)>,
    /// Instructions whose result types are inferred, with their positions.
    inferred_insts: Vec<(Inst, Position)>,
}

/// Splits `vN`, `blockN`, `fnN` into the number, if `ident` has that shape.
fn entity_number(ident: &str, prefix: &str) -> Option<u32> {
    let digits = ident.strip_prefix(prefix)?;
    let canonical = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    if !canonical {
        return None;
    }
    // Too many digits for a u32 still names an entity; the caller reports it as too large.
    Some(digits.parse().unwrap_or(u32::MAX))
}

impl<'t> Parser<'t> {
    // ---- token access ----

    fn token(&self) -> Option<&Token<'t>> {
        self.tokens.get(self.index).or_else(|| self.tokens.last())
    }

    fn peek(&self) -> &TokenKind<'t> {
        self.token().map_or(&TokenKind::Eof, |token| &token.kind)
    }

    fn peek_at(&self, ahead: usize) -> &TokenKind<'t> {
        self.tokens.get(self.index + ahead).map_or(&TokenKind::Eof, |token| &token.kind)
    }

    fn position(&self) -> Position {
        self.token().map_or(Position { line: 1, column: 1 }, |token| token.position)
    }

    fn bump(&mut self) -> TokenKind<'t> {
        let kind = self.peek().clone();
        if self.index < self.tokens.len() {
            self.index += 1;
        }
        kind
    }

    fn error_at(position: Position, message: impl Into<String>) -> ParseError {
        ParseError { line: position.line, column: position.column, message: message.into() }
    }

    /// "expected WHAT, found TOKEN" at the current token.
    fn expected(&self, what: &str) -> ParseError {
        Self::error_at(self.position(), format!("expected {what}, found {}", self.peek().describe()))
    }

    fn eat(&mut self, kind: &TokenKind<'_>) -> bool {
        if self.peek() == kind {
            self.bump();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, kind: &TokenKind<'_>, what: &str) -> Result<(), ParseError> {
        if self.eat(kind) { Ok(()) } else { Err(self.expected(what)) }
    }

    fn expect_keyword(&mut self, keyword: &str) -> Result<(), ParseError> {
        if self.peek() == &TokenKind::Ident(keyword) {
            self.bump();
            Ok(())
        } else {
            Err(self.expected(&format!("'{keyword}'")))
        }
    }

    fn skip_newlines(&mut self) {
        while self.peek() == &TokenKind::Newline {
            self.bump();
        }
    }

    /// The end of an instruction or header line (a newline, or the end of the input).
    fn expect_line_end(&mut self) -> Result<(), ParseError> {
        match self.peek() {
            TokenKind::Newline => {
                self.bump();
                Ok(())
            }
            TokenKind::Eof => Ok(()),
            _ => Err(self.expected("the end of the line")),
        }
    }

    fn ident(&mut self, what: &str) -> Result<(&'t str, Position), ParseError> {
        let position = self.position();
        match self.peek() {
            TokenKind::Ident(text) => {
                let text = *text;
                self.bump();
                Ok((text, position))
            }
            _ => Err(self.expected(what)),
        }
    }

    fn function_name(&mut self) -> Result<String, ParseError> {
        match self.bump() {
            TokenKind::FunctionName(name) => Ok(name),
            _ => {
                self.index = self.index.saturating_sub(1);
                Err(self.expected("a function name like @f"))
            }
        }
    }

    // ---- types ----

    fn parse_type(&mut self) -> Result<Type, ParseError> {
        self.parse_type_at_depth(0)
    }

    fn parse_type_at_depth(&mut self, depth: usize) -> Result<Type, ParseError> {
        if depth > MAX_TYPE_DEPTH {
            return Err(Self::error_at(
                self.position(),
                format!("types nest more than {MAX_TYPE_DEPTH} deep"),
            ));
        }
        let (name, position) = self.ident("a type like int64")?;
        if let Some(scalar) = scalar_type(name) {
            return Ok(Type::Scalar(scalar));
        }
        if let Some(int_name) = name.strip_prefix("range_state_") {
            return match scalar_type(int_name).filter(|scalar| scalar.is_integer()) {
                Some(int) => Ok(Type::Range(int)),
                None => Err(Self::error_at(position, format!("unknown type '{name}'"))),
            };
        }
        match name {
            "none" => Ok(Type::NoneType),
            "unicode_type" => Ok(Type::Str),
            "OptionalType" => {
                self.expect(&TokenKind::LeftParen, "'(' after OptionalType")?;
                let inner = self.parse_type_at_depth(depth + 1)?;
                self.expect(&TokenKind::RightParen, "')' to close OptionalType")?;
                Ok(Type::Optional(Box::new(inner)))
            }
            "UniTuple" => {
                self.expect(&TokenKind::LeftParen, "'(' after UniTuple")?;
                let item = self.parse_type_at_depth(depth + 1)?;
                self.expect_keyword("x")?;
                let count_position = self.position();
                let count = self.unsigned_integer("the number of elements")?;
                if count > MAX_UNITUPLE_LENGTH {
                    return Err(Self::error_at(
                        count_position,
                        format!("a tuple of {count} elements is too long (at most {MAX_UNITUPLE_LENGTH})"),
                    ));
                }
                self.expect(&TokenKind::RightParen, "')' to close UniTuple")?;
                Ok(Type::Tuple(vec![item; count as usize]))
            }
            "Tuple" => {
                self.expect(&TokenKind::LeftParen, "'(' after Tuple")?;
                let mut items = Vec::new();
                if !self.eat(&TokenKind::RightParen) {
                    loop {
                        items.push(self.parse_type_at_depth(depth + 1)?);
                        if self.eat(&TokenKind::RightParen) {
                            break;
                        }
                        self.expect(&TokenKind::Comma, "',' or ')' in the tuple type")?;
                    }
                }
                Ok(Type::Tuple(items))
            }
            "readonly" => {
                self.expect_keyword("array")?;
                self.parse_array_type(true)
            }
            "array" => self.parse_array_type(false),
            _ => Err(Self::error_at(position, format!("unknown type '{name}'"))),
        }
    }

    /// `(float64, 2d, C)` after `array`.
    fn parse_array_type(&mut self, readonly: bool) -> Result<Type, ParseError> {
        self.expect(&TokenKind::LeftParen, "'(' after array")?;
        let (dtype_name, dtype_position) = self.ident("the array's dtype, like float64")?;
        let dtype = scalar_type(dtype_name)
            .ok_or_else(|| Self::error_at(dtype_position, format!("unknown dtype '{dtype_name}'")))?;
        self.expect(&TokenKind::Comma, "',' after the dtype")?;
        let ndim_position = self.position();
        let ndim = u8::try_from(self.unsigned_integer("the number of dimensions, like 2d")?)
            .map_err(|_| Self::error_at(ndim_position, "too many array dimensions"))?;
        self.expect_keyword("d")?;
        self.expect(&TokenKind::Comma, "',' after the number of dimensions")?;
        let (layout_name, layout_position) = self.ident("the layout C, F or A")?;
        let layout = match layout_name {
            "C" => ArrayLayout::C,
            "F" => ArrayLayout::F,
            "A" => ArrayLayout::A,
            other => {
                return Err(Self::error_at(
                    layout_position,
                    format!("unknown array layout '{other}' (C, F or A)"),
                ));
            }
        };
        self.expect(&TokenKind::RightParen, "')' to close the array type")?;
        Ok(Type::Array(ArrayType { dtype, ndim, layout, readonly }))
    }

    fn parse_scalar_type(&mut self, what: &str) -> Result<ScalarType, ParseError> {
        let (name, position) = self.ident(what)?;
        scalar_type(name).ok_or_else(|| Self::error_at(position, format!("expected {what}, found '{name}'")))
    }

    /// `(type, ...)`.
    fn parse_type_list(&mut self) -> Result<Vec<Type>, ParseError> {
        self.expect(&TokenKind::LeftParen, "'(' to start the parameter types")?;
        let mut types = Vec::new();
        if self.eat(&TokenKind::RightParen) {
            return Ok(types);
        }
        loop {
            types.push(self.parse_type()?);
            if self.eat(&TokenKind::RightParen) {
                return Ok(types);
            }
            self.expect(&TokenKind::Comma, "',' or ')' in the type list")?;
        }
    }

    /// `(params) -> return_type`.
    fn parse_signature(&mut self) -> Result<(Vec<Type>, Type), ParseError> {
        let params = self.parse_type_list()?;
        self.expect(&TokenKind::Arrow, "'->' before the return type")?;
        let return_type = self.parse_type()?;
        Ok((params, return_type))
    }

    // ---- literals ----

    fn unsigned_integer(&mut self, what: &str) -> Result<u64, ParseError> {
        let position = self.position();
        match self.peek() {
            TokenKind::Number(text) if text.bytes().all(|b| b.is_ascii_digit()) => {
                let value =
                    text.parse().map_err(|_| Self::error_at(position, format!("{what} is too large")))?;
                self.bump();
                Ok(value)
            }
            _ => Err(self.expected(what)),
        }
    }

    fn integer_literal(&mut self) -> Result<i128, ParseError> {
        let negative = self.eat(&TokenKind::Minus);
        let position = self.position();
        match self.peek() {
            TokenKind::Number(text) if text.bytes().all(|b| b.is_ascii_digit()) => {
                let magnitude: i128 =
                    text.parse().map_err(|_| Self::error_at(position, "integer literal is too large"))?;
                self.bump();
                Ok(if negative { -magnitude } else { magnitude })
            }
            _ => Err(self.expected("an integer literal")),
        }
    }

    /// A float literal of type `ty` (or of the parts of complex `ty`), as stored bits.
    fn float_literal(&mut self, ty: ScalarType) -> Result<u64, ParseError> {
        let negative = self.eat(&TokenKind::Minus);
        let position = self.position();
        let single = ty.real_part() == ScalarType::Float32;
        let bits = match self.peek().clone() {
            TokenKind::Number(text) if !text.starts_with("0x") && !text.starts_with("0X") => {
                self.bump();
                let value =
                    if single { text.parse::<f32>().map(f64::from).ok() } else { text.parse::<f64>().ok() };
                let value = value
                    .ok_or_else(|| Self::error_at(position, format!("invalid float literal '{text}'")))?;
                float_bits_for(ty, value)
            }
            TokenKind::Ident("inf") => {
                self.bump();
                f64::INFINITY.to_bits()
            }
            TokenKind::Ident("nan") => {
                self.bump();
                if self.eat(&TokenKind::LeftParen) {
                    let bits_position = self.position();
                    let bits = match self.peek() {
                        TokenKind::Number(text) if text.starts_with("0x") => {
                            u64::from_str_radix(&text[2..], 16).map_err(|_| {
                                Self::error_at(bits_position, "expected 16 hex digits of a NaN's bits")
                            })?
                        }
                        _ => return Err(self.expected("the NaN's bits, like 0x7ff8000000000001")),
                    };
                    self.bump();
                    if !f64::from_bits(bits).is_nan() {
                        return Err(Self::error_at(
                            bits_position,
                            format!("0x{bits:016x} are not the bits of a NaN"),
                        ));
                    }
                    self.expect(&TokenKind::RightParen, "')' after the NaN's bits")?;
                    bits
                } else {
                    f64::NAN.to_bits()
                }
            }
            _ => return Err(self.expected("a float literal like 1.5, inf or nan")),
        };
        Ok(if negative { bits ^ (1 << 63) } else { bits })
    }

    fn string_literal(&mut self, what: &str) -> Result<String, ParseError> {
        match self.peek().clone() {
            TokenKind::Str(text) => {
                self.bump();
                Ok(text)
            }
            _ => Err(self.expected(what)),
        }
    }

    // ---- functions ----

    fn parse_function(&mut self) -> Result<Function, ParseError> {
        self.expect_keyword("func")?;
        let name = self.function_name()?;
        let (params, return_type) = self.parse_signature()?;
        self.expect(&TokenKind::LeftBrace, "'{' to start the function body")?;
        self.expect_line_end()?;
        let func = Function::new(name, params, return_type);
        let mut state = FunctionState {
            func,
            value_defined: SecondaryMap::new(),
            value_pending: SecondaryMap::new(),
            value_uses: Vec::new(),
            block_defined: SecondaryMap::new(),
            block_uses: Vec::new(),
            inferred_insts: Vec::new(),
        };
        self.parse_decls(&mut state.func.func_decls)?;
        let body = state.func.body;
        self.parse_region_body(&mut state, body, 0)?;
        self.expect(&TokenKind::RightBrace, "'}' to end the function")?;
        self.expect_line_end()?;
        finish_function(state)
    }

    /// `fn0 = @name(types) -> type` lines, numbered from 0 in order.
    fn parse_decls(&mut self, decls: &mut PrimaryMap<FuncRef, FuncDecl>) -> Result<(), ParseError> {
        loop {
            self.skip_newlines();
            let TokenKind::Ident(ident) = self.peek() else { return Ok(()) };
            let Some(number) = entity_number(ident, "fn") else { return Ok(()) };
            let position = self.position();
            let expected_ref = decls.next_key();
            if number != expected_ref.as_u32() {
                return Err(Self::error_at(
                    position,
                    format!(
                        "callee declarations are numbered in order: expected {expected_ref}, found '{ident}'"
                    ),
                ));
            }
            self.bump();
            self.expect(&TokenKind::Equals, "'=' after the callee reference")?;
            let name = self.function_name()?;
            let (params, return_type) = self.parse_signature()?;
            self.expect_line_end()?;
            decls.push(FuncDecl { name, params, return_type });
        }
    }

    // ---- regions and blocks ----

    /// Blocks until the closing `}` (not consumed).
    fn parse_region_body(
        &mut self,
        state: &mut FunctionState,
        region: Region,
        depth: usize,
    ) -> Result<(), ParseError> {
        let mut current_block = None;
        loop {
            self.skip_newlines();
            match self.peek() {
                TokenKind::RightBrace => return Ok(()),
                TokenKind::Eof => return Err(self.expected("'}' to close the region")),
                TokenKind::Ident(ident)
                    if entity_number(ident, "block").is_some()
                        && matches!(self.peek_at(1), TokenKind::LeftParen | TokenKind::Colon) =>
                {
                    current_block = Some(self.parse_block_header(state, region)?);
                }
                _ => match current_block {
                    Some(block) => self.parse_inst(state, block, depth)?,
                    None => return Err(self.expected("a block header like block0:")),
                },
            }
        }
    }

    fn parse_block_header(&mut self, state: &mut FunctionState, region: Region) -> Result<Block, ParseError> {
        let block = self.block_name()?;
        let position = self.position();
        if state.block_defined[block] {
            return Err(Self::error_at(position, format!("{block} is defined twice")));
        }
        state.block_defined[block] = true;
        state.func.dfg.ensure_block(block);
        state.func.layout.append_block(region, block);
        if self.eat(&TokenKind::LeftParen) && !self.eat(&TokenKind::RightParen) {
            loop {
                let param = self.define_value(state)?;
                self.expect(&TokenKind::Colon, "':' and the parameter's type")?;
                let ty = self.parse_type()?;
                state.func.dfg.attach_block_param(block, param, ty);
                if self.eat(&TokenKind::RightParen) {
                    break;
                }
                self.expect(&TokenKind::Comma, "',' or ')' in the block parameters")?;
            }
        }
        self.expect(&TokenKind::Colon, "':' after the block header")?;
        self.expect_line_end()?;
        Ok(block)
    }

    /// `blockN`, checked against the number limit.
    fn block_name(&mut self) -> Result<Block, ParseError> {
        let position = self.position();
        let number = match self.peek() {
            TokenKind::Ident(ident) => entity_number(ident, "block"),
            _ => None,
        };
        let Some(number) = number else { return Err(self.expected("a block like block1")) };
        if number > MAX_ENTITY_NUMBER {
            return Err(Self::error_at(
                position,
                format!("block number {number} is too large (at most {MAX_ENTITY_NUMBER})"),
            ));
        }
        self.bump();
        Ok(Block::from_u32(number))
    }

    /// `vN` as a value number, checked against the limit.
    fn value_name(&mut self) -> Result<(Value, Position), ParseError> {
        let position = self.position();
        let number = match self.peek() {
            TokenKind::Ident(ident) => entity_number(ident, "v"),
            _ => None,
        };
        let Some(number) = number else { return Err(self.expected("a value like v3")) };
        if number > MAX_ENTITY_NUMBER {
            return Err(Self::error_at(
                position,
                format!("value number {number} is too large (at most {MAX_ENTITY_NUMBER})"),
            ));
        }
        self.bump();
        Ok((Value::from_u32(number), position))
    }

    /// A value being defined (a result or a block parameter): must be new.
    fn define_value(&mut self, state: &mut FunctionState) -> Result<Value, ParseError> {
        let (value, position) = self.value_name()?;
        if state.value_defined[value] {
            return Err(Self::error_at(position, format!("{value} is defined twice")));
        }
        state.value_defined[value] = true;
        state.func.dfg.ensure_value(value);
        Ok(value)
    }

    /// A value being read.
    fn use_value(&mut self, state: &mut FunctionState) -> Result<Value, ParseError> {
        let (value, position) = self.value_name()?;
        state.value_uses.push((value, position));
        Ok(value)
    }

    /// `v1, v2, ...` up to the end of the line (possibly none).
    fn value_list_to_line_end(&mut self, state: &mut FunctionState) -> Result<Vec<Value>, ParseError> {
        let mut values = Vec::new();
        if matches!(self.peek(), TokenKind::Newline | TokenKind::Eof) {
            return Ok(values);
        }
        loop {
            values.push(self.use_value(state)?);
            if !self.eat(&TokenKind::Comma) {
                return Ok(values);
            }
        }
    }

    /// `(v1, v2, ...)`.
    fn parenthesized_values(&mut self, state: &mut FunctionState) -> Result<Vec<Value>, ParseError> {
        self.expect(&TokenKind::LeftParen, "'(' before the arguments")?;
        let mut values = Vec::new();
        if self.eat(&TokenKind::RightParen) {
            return Ok(values);
        }
        loop {
            values.push(self.use_value(state)?);
            if self.eat(&TokenKind::RightParen) {
                return Ok(values);
            }
            self.expect(&TokenKind::Comma, "',' or ')' in the argument list")?;
        }
    }

    /// `blockN` or `blockN(v1, ...)`.
    fn block_call(&mut self, state: &mut FunctionState) -> Result<BlockCall, ParseError> {
        let position = self.position();
        let block = self.block_name()?;
        state.block_uses.push((block, position));
        let args =
            if self.peek() == &TokenKind::LeftParen { self.parenthesized_values(state)? } else { Vec::new() };
        Ok(BlockCall { block, args })
    }

    /// `start to stop step step`.
    fn loop_range(&mut self, state: &mut FunctionState) -> Result<[Value; 3], ParseError> {
        let start = self.use_value(state)?;
        self.expect_keyword("to")?;
        let stop = self.use_value(state)?;
        self.expect_keyword("step")?;
        let step = self.use_value(state)?;
        Ok([start, stop, step])
    }

    /// `-> type` or `-> (type, ...)`, or nothing.
    fn result_type_annotation(&mut self) -> Result<Vec<Type>, ParseError> {
        if !self.eat(&TokenKind::Arrow) {
            return Ok(Vec::new());
        }
        if self.peek() == &TokenKind::LeftParen {
            self.parse_type_list()
        } else {
            Ok(vec![self.parse_type()?])
        }
    }

    // ---- instructions ----

    fn parse_inst(
        &mut self,
        state: &mut FunctionState,
        block: Block,
        depth: usize,
    ) -> Result<(), ParseError> {
        let line_position = self.position();
        let mut results = Vec::new();
        let starts_with_results = matches!(self.peek(), TokenKind::Ident(ident) if entity_number(ident, "v").is_some())
            && matches!(self.peek_at(1), TokenKind::Comma | TokenKind::Equals);
        if starts_with_results {
            loop {
                results.push(self.define_value(state)?);
                if !self.eat(&TokenKind::Comma) {
                    break;
                }
            }
            self.expect(&TokenKind::Equals, "'=' after the results")?;
        }
        let (name, name_position) = self.ident("an instruction name like iadd")?;
        let mut data = InstData::new(Opcode::Unreachable, Vec::new());
        // Result types the text spells out; `None`: infer them from the operands.
        let mut explicit_types: Option<Vec<Type>> = None;
        let mut region = None;
        match name {
            "iconst" | "fconst" | "cconst" | "convert" => {
                self.expect(&TokenKind::Dot, &format!("'.' and a type after {name}"))?;
                let ty = self.parse_scalar_type("a scalar type like int64")?;
                data.opcode = match name {
                    "iconst" => Opcode::Iconst { ty, value: self.integer_literal()? },
                    "fconst" => Opcode::Fconst { ty, bits: self.float_literal(ty)? },
                    "cconst" => {
                        let real_bits = self.float_literal(ty)?;
                        self.expect(&TokenKind::Comma, "',' between the real and imaginary parts")?;
                        Opcode::Cconst { ty, real_bits, imag_bits: self.float_literal(ty)? }
                    }
                    _ => {
                        data.args = self.value_list_to_line_end(state)?;
                        Opcode::Convert(ty)
                    }
                };
                explicit_types = Some(vec![Type::Scalar(ty)]);
            }
            "bconst" => {
                let value = match self.peek() {
                    TokenKind::Ident("true") => true,
                    TokenKind::Ident("false") => false,
                    _ => return Err(self.expected("true or false")),
                };
                self.bump();
                data.opcode = Opcode::Bconst(value);
            }
            "sconst" => data.opcode = Opcode::Sconst(self.string_literal("a string literal")?.into()),
            "icmp" | "fcmp" => {
                let (cc_name, cc_position) = self.ident("a condition like lt")?;
                data.opcode = if name == "icmp" {
                    Opcode::Icmp(IntCC::from_name(cc_name).ok_or_else(|| {
                        Self::error_at(
                            cc_position,
                            format!("unknown icmp condition '{cc_name}' (eq, ne, lt, le, gt, ge)"),
                        )
                    })?)
                } else {
                    Opcode::Fcmp(FloatCC::from_name(cc_name).ok_or_else(|| {
                        Self::error_at(
                            cc_position,
                            format!("unknown fcmp condition '{cc_name}' (eq, ne, lt, le, gt, ge, ord, uno)"),
                        )
                    })?)
                };
                data.args = self.value_list_to_line_end(state)?;
            }
            "call" | "try_call" | "invoke" => {
                let position = self.position();
                let (callee, _) = self.ident("a callee like fn0")?;
                let func_ref = entity_number(callee, "fn").map(FuncRef::from_u32).ok_or_else(|| {
                    Self::error_at(position, format!("expected a callee like fn0, found '{callee}'"))
                })?;
                if !state.func.func_decls.is_valid(func_ref) {
                    return Err(Self::error_at(
                        position,
                        format!("{func_ref} is not declared in the function's preamble"),
                    ));
                }
                data.args = self.parenthesized_values(state)?;
                if name == "call" {
                    data.opcode = Opcode::Call(func_ref);
                } else {
                    data.opcode =
                        if name == "invoke" { Opcode::Invoke(func_ref) } else { Opcode::TryCall(func_ref) };
                    self.expect(&TokenKind::Comma, "',' and the normal target like block1(v2)")?;
                    data.targets.push(self.block_call(state)?);
                    self.expect(&TokenKind::Comma, "',' and the handler target like block2")?;
                    data.targets.push(self.block_call(state)?);
                }
            }
            "call_intrinsic" => {
                let (intrinsic_name, position) = self.ident("an intrinsic like sqrt")?;
                let intrinsic = Intrinsic::from_name(intrinsic_name).ok_or_else(|| {
                    Self::error_at(position, format!("unknown intrinsic '{intrinsic_name}'"))
                })?;
                data.opcode = Opcode::CallIntrinsic(intrinsic);
                data.args = self.parenthesized_values(state)?;
            }
            "tuple_get" => {
                data.args = vec![self.use_value(state)?];
                self.expect(&TokenKind::Comma, "',' and the element index")?;
                let index_position = self.position();
                let index = u32::try_from(self.unsigned_integer("the element index")?)
                    .map_err(|_| Self::error_at(index_position, "the element index is too large"))?;
                data.opcode = Opcode::TupleGet(index);
            }
            "array_dim" | "array_stride" => {
                data.args = vec![self.use_value(state)?];
                self.expect(&TokenKind::Comma, "',' and the axis")?;
                let axis_position = self.position();
                let axis = u32::try_from(self.unsigned_integer("the axis")?)
                    .map_err(|_| Self::error_at(axis_position, "the axis is too large"))?;
                data.opcode =
                    if name == "array_dim" { Opcode::ArrayDim(axis) } else { Opcode::ArrayStride(axis) };
            }
            "array_alloc" | "array_alloc_zeroed" => {
                self.expect(&TokenKind::Dot, &format!("'.' and the dtype after {name}"))?;
                let dtype = self.parse_scalar_type("a dtype like float64")?;
                data.opcode = Opcode::ArrayAlloc { dtype, zeroed: name == "array_alloc_zeroed" };
                data.args = self.value_list_to_line_end(state)?;
            }
            "array_view" => {
                self.expect(&TokenKind::Dot, "'.' and the layout C, F or A after array_view")?;
                let (layout_name, layout_position) = self.ident("the layout C, F or A")?;
                let layout = match layout_name {
                    "C" => ArrayLayout::C,
                    "F" => ArrayLayout::F,
                    "A" => ArrayLayout::A,
                    other => {
                        return Err(Self::error_at(
                            layout_position,
                            format!("unknown array layout '{other}' (C, F or A)"),
                        ));
                    }
                };
                let dtype = if self.eat(&TokenKind::Dot) {
                    Some(self.parse_scalar_type("a dtype like float64")?)
                } else {
                    None
                };
                data.opcode = Opcode::ArrayView(crate::ViewSpec { layout, dtype });
                data.args = self.value_list_to_line_end(state)?;
            }
            "array_const" => {
                self.expect(&TokenKind::Dot, "'.' and the dtype after array_const")?;
                let dtype = self.parse_scalar_type("a dtype like float64")?;
                self.expect(&TokenKind::LeftParen, "'(' and the shape like (2, 3)")?;
                let mut shape = Vec::new();
                while !self.eat(&TokenKind::RightParen) {
                    if !shape.is_empty() {
                        self.expect(&TokenKind::Comma, "',' or ')' in the shape")?;
                    }
                    shape.push(self.unsigned_integer("an extent")?);
                }
                self.expect(&TokenKind::Comma, "',' and the elements' bytes as a hex string")?;
                let position = self.position();
                let hex = self.string_literal("the elements' bytes as a hex string")?;
                let bytes = decode_hex(&hex).ok_or_else(|| {
                    Self::error_at(position, "the elements' bytes must be pairs of hex digits")
                })?;
                data.opcode = Opcode::ArrayConst(std::sync::Arc::new(crate::ArrayConstant {
                    dtype,
                    shape,
                    bytes: bytes.into_boxed_slice(),
                }));
            }
            "array_null" => {
                let type_position = self.position();
                let Type::Array(array) = self.parse_type()? else {
                    return Err(Self::error_at(type_position, "array_null needs an array type"));
                };
                data.opcode = Opcode::ArrayNull(array);
            }
            "raise" => {
                let (kind_name, position) = self.ident("an exception class like ValueError")?;
                let kind = ExceptionKind::from_name(kind_name).ok_or_else(|| {
                    Self::error_at(position, format!("unknown exception class '{kind_name}'"))
                })?;
                let message = self.string_literal("the exception message (a string literal)")?;
                data.opcode = Opcode::Raise { kind, message: message.into() };
                if self.eat(&TokenKind::Comma) {
                    data.args = self.value_list_to_line_end(state)?;
                }
            }
            "throw" => {
                let (kind_name, position) = self.ident("an exception class like ValueError")?;
                let kind = ExceptionKind::from_name(kind_name).ok_or_else(|| {
                    Self::error_at(position, format!("unknown exception class '{kind_name}'"))
                })?;
                let message = self.string_literal("the exception message (a string literal)")?;
                data.opcode = Opcode::Throw { kind, message: message.into() };
                // `, v1, v2, block3(...)`: the message's operands, then the one target.
                while data.targets.is_empty() {
                    self.expect(&TokenKind::Comma, "',' and the target like block2")?;
                    let is_target = matches!(self.peek(), TokenKind::Ident(ident) if entity_number(ident, "block").is_some());
                    if is_target {
                        data.targets.push(self.block_call(state)?);
                    } else {
                        data.args.push(self.use_value(state)?);
                    }
                }
            }
            "jump" | "brif" => {
                data.opcode = if name == "jump" { Opcode::Jump } else { Opcode::Brif };
                if !matches!(self.peek(), TokenKind::Newline | TokenKind::Eof) {
                    loop {
                        let is_target = matches!(self.peek(), TokenKind::Ident(ident) if entity_number(ident, "block").is_some());
                        if is_target {
                            data.targets.push(self.block_call(state)?);
                        } else if data.targets.is_empty() {
                            data.args.push(self.use_value(state)?);
                        } else {
                            return Err(self.expected("a block like block1 (conditions come before targets)"));
                        }
                        if !self.eat(&TokenKind::Comma) {
                            break;
                        }
                    }
                }
            }
            "for" => {
                data.opcode = Opcode::For;
                data.args = self.loop_range(state)?.to_vec();
                if self.peek() == &TokenKind::Ident("iter_args") {
                    self.bump();
                    data.args.extend(self.parenthesized_values(state)?);
                }
                explicit_types = Some(self.result_type_annotation()?);
                region = Some(state.func.dfg.make_region());
            }
            "parfor" => {
                self.expect(&TokenKind::LeftParen, "'(' before the iteration space")?;
                let mut n_dims = 0u32;
                loop {
                    data.args.extend(self.loop_range(state)?);
                    n_dims += 1;
                    if self.eat(&TokenKind::RightParen) {
                        break;
                    }
                    self.expect(&TokenKind::Comma, "',' or ')' in the iteration space")?;
                }
                let mut reductions = Vec::new();
                if self.peek() == &TokenKind::Ident("reduce") {
                    self.bump();
                    self.expect(&TokenKind::LeftParen, "'(' after reduce")?;
                    loop {
                        let (op_name, op_position) = self.ident("a reduction operator like add")?;
                        let op = ReduceOp::from_name(op_name).ok_or_else(|| {
                            Self::error_at(
                                op_position,
                                format!("unknown reduction operator '{op_name}' (add, mul, min, max, and, or, xor)"),
                            )
                        })?;
                        reductions.push(op);
                        data.args.push(self.use_value(state)?);
                        self.expect_keyword("identity")?;
                        data.args.push(self.use_value(state)?);
                        if self.eat(&TokenKind::RightParen) {
                            break;
                        }
                        self.expect(&TokenKind::Comma, "',' or ')' in the reductions")?;
                    }
                }
                data.opcode = Opcode::Parfor { n_dims, reductions };
                explicit_types = Some(self.result_type_annotation()?);
                region = Some(state.func.dfg.make_region());
            }
            _ => {
                let simple = Opcode::SIMPLE.iter().find(|opcode| opcode.name() == name).cloned();
                data.opcode = simple
                    .ok_or_else(|| Self::error_at(name_position, format!("unknown instruction '{name}'")))?;
                data.args = self.value_list_to_line_end(state)?;
            }
        }
        if explicit_types.is_none() {
            explicit_types = operand_free_result_types(&data.opcode, &state.func);
        }
        if let (Some(types), Some(_)) = (&explicit_types, region)
            && types.len() != results.len()
        {
            return Err(Self::error_at(
                line_position,
                format!(
                    "{name} has {} result(s) but its '->' annotation names {} type(s)",
                    results.len(),
                    types.len()
                ),
            ));
        }
        data.regions.extend(region);
        let inst = state.func.dfg.make_inst(data);
        state.func.layout.append_inst(block, inst);
        for (result_idx, result) in results.iter().enumerate() {
            let ty = match &explicit_types {
                Some(types) => types.get(result_idx).cloned().unwrap_or(Type::NoneType),
                None => {
                    state.value_pending[*result] = true;
                    Type::NoneType
                }
            };
            state.func.dfg.attach_result(inst, *result, ty);
        }
        if explicit_types.is_none() {
            state.inferred_insts.push((inst, line_position));
        }
        if let Some(region) = region {
            if depth >= MAX_REGION_DEPTH {
                return Err(Self::error_at(
                    line_position,
                    format!("loops nest more than {MAX_REGION_DEPTH} deep"),
                ));
            }
            self.expect(&TokenKind::LeftBrace, "'{' to start the loop body")?;
            self.expect_line_end()?;
            self.parse_region_body(state, region, depth + 1)?;
            self.expect(&TokenKind::RightBrace, "'}' to close the loop body")?;
        }
        self.expect_line_end()
    }
}

/// The result types of opcodes whose results do not depend on operand types.
fn operand_free_result_types(opcode: &Opcode, func: &Function) -> Option<Vec<Type>> {
    match opcode {
        Opcode::Bconst(_) => Some(vec![Type::BOOL]),
        Opcode::NoneConst => Some(vec![Type::NoneType]),
        Opcode::Sconst(_) => Some(vec![Type::Str]),
        Opcode::Icmp(_) | Opcode::Fcmp(_) => Some(vec![Type::BOOL]),
        Opcode::Call(func_ref) | Opcode::TryCall(func_ref) | Opcode::Invoke(func_ref) => {
            func.func_decls.get(*func_ref).map(|decl| vec![decl.return_type.clone()])
        }
        _ if opcode.is_terminator() => Some(Vec::new()),
        Opcode::Print => Some(Vec::new()),
        _ => None,
    }
}

fn scalar_type(name: &str) -> Option<ScalarType> {
    ScalarType::ALL.into_iter().find(|scalar| scalar.name() == name)
}

/// Checks that every used value and block is defined, then infers the pending result types.
fn finish_function(mut state: FunctionState) -> Result<Function, ParseError> {
    for (block, position) in &state.block_uses {
        if !state.block_defined[*block] {
            return Err(Parser::error_at(*position, format!("{block} is not defined in this function")));
        }
    }
    for (value, position) in &state.value_uses {
        if !state.value_defined[*value] {
            return Err(Parser::error_at(*position, format!("{value} is not defined in this function")));
        }
    }
    infer_result_types(&mut state)?;
    Ok(state.func)
}

/// Gives each instruction with pending results the types its typing rule computes, in an
/// order where operands are typed first (a worklist over the def-use edges, linear time).
fn infer_result_types(state: &mut FunctionState) -> Result<(), ParseError> {
    let mut waiting: HashMap<Value, Vec<Inst>> = HashMap::new();
    let mut n_untyped_operands: SecondaryMap<Inst, usize> = SecondaryMap::new();
    let mut ready = Vec::new();
    for (inst, _) in &state.inferred_insts {
        let untyped: Vec<Value> =
            state.func.dfg.inst_data(*inst).operands().filter(|value| state.value_pending[*value]).collect();
        n_untyped_operands[*inst] = untyped.len();
        if untyped.is_empty() {
            ready.push(*inst);
        }
        for value in untyped {
            waiting.entry(value).or_default().push(*inst);
        }
    }
    while let Some(inst) = ready.pop() {
        let data = state.func.dfg.inst_data(inst);
        let arg_types: Vec<Type> =
            data.args.iter().map(|arg| state.func.dfg.value_type(*arg).clone()).collect();
        let types = data.opcode.result_types(&arg_types, &state.func.typing_env()).unwrap_or_default();
        let results = state.func.dfg.inst_results(inst).to_vec();
        for (result_idx, result) in results.into_iter().enumerate() {
            state.func.dfg.set_value_type(result, types.get(result_idx).cloned().unwrap_or(Type::NoneType));
            state.value_pending[result] = false;
            for user in waiting.remove(&result).unwrap_or_default() {
                n_untyped_operands[user] = n_untyped_operands[user].saturating_sub(1);
                if n_untyped_operands[user] == 0 {
                    ready.push(user);
                }
            }
        }
    }
    for (inst, position) in &state.inferred_insts {
        let results = state.func.dfg.inst_results(*inst);
        if let Some(result) = results.iter().find(|result| state.value_pending[**result]) {
            debug_assert!(matches!(state.func.dfg.value_def(*result), ValueDef::Result(..)));
            return Err(Parser::error_at(
                *position,
                format!(
                    "cannot infer the type of {result}: its operands depend on it (the definitions form a cycle)"
                ),
            ));
        }
    }
    Ok(())
}

/// The bytes a string of hex digit pairs spells (`"00ff"`), or `None`.
fn decode_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len()).step_by(2).map(|at| u8::from_str_radix(text.get(at..at + 2)?, 16).ok()).collect()
}

#[cfg(test)]
mod tests {
    use crate::{parse_function, parse_module};

    /// Parses `input`; prints the function again, or the error.
    fn check(input: &str, expect: &str) {
        let actual = match parse_module(input) {
            Ok(module) => module.to_string(),
            Err(error) => format!("error: {error}\n"),
        };
        assert_eq!(actual, expect, "\n--- actual ---\n{actual}");
    }

    #[test]
    fn parses_and_prints_the_canonical_form() {
        check(
            "func @f(int64) -> int64 {  ; comment\nblock0(v0: int64):\n\n  v1 = iadd v0, v0\n  return v1\n}",
            "func @f(int64) -> int64 {\nblock0(v0: int64):\n    v1 = iadd v0, v0\n    return v1\n}\n",
        );
    }

    #[test]
    fn keeps_value_and_block_numbers() {
        let function = parse_function(
            "func @f() -> int64 {\nblock4:\n    v7 = iconst.int64 3\n    jump block2(v7)\nblock2(v9: int64):\n    return v9\n}\n",
        )
        .expect("parses");
        assert_eq!(function.dfg.num_values(), 10);
        assert_eq!(function.entry_block().map(|block| block.to_string()).as_deref(), Some("block4"));
    }

    #[test]
    fn infers_types_across_out_of_order_blocks() {
        check(
            "func @f(float64) -> float64 {\nblock0(v0: float64):\n    jump block2\nblock1:\n    v3 = fmul v2, v2\n    return v3\nblock2:\n    v2 = fadd v0, v0\n    jump block1\n}\n",
            "func @f(float64) -> float64 {\nblock0(v0: float64):\n    jump block2\nblock1:\n    v3 = fmul v2, v2\n    return v3\nblock2:\n    v2 = fadd v0, v0\n    jump block1\n}\n",
        );
    }

    #[test]
    fn errors() {
        check(
            "func @f() -> none {\nblock0:\n    return }\n}",
            "error: expected a value like v3, found '}' at 3:12\n",
        );
        check(
            "func @f() -> none {\nblock0:\n    return v1\n}",
            "error: v1 is not defined in this function at 3:12\n",
        );
        check(
            "func @f() -> none {\nblock0:\n    jump block1\n}",
            "error: block1 is not defined in this function at 3:10\n",
        );
        check(
            "func @f() -> none {\nblock0:\n    v1 = iconst.int64 1\n    v1 = iconst.int64 2\n}",
            "error: v1 is defined twice at 4:5\n",
        );
        check(
            "func @f() -> none {\n    v1 = iconst.int64 1\n}",
            "error: expected a block header like block0:, found 'v1' at 2:5\n",
        );
        check(
            "func @f() -> none {\nblock0:\n    v1 = frobnicate v0\n}",
            "error: unknown instruction 'frobnicate' at 3:10\n",
        );
        check("func @f() -> int65 {\n}", "error: unknown type 'int65' at 1:14\n");
        check(
            "func @f() -> none {\nblock0:\n    v1 = iadd v2, v0\n    v2 = iadd v1, v0\n    v0 = iconst.int64 1\n    return v1\n}",
            "error: cannot infer the type of v1: its operands depend on it (the definitions form a cycle) at 3:5\n",
        );
        check(
            "func @f() -> none {\nblock0:\n    v99999999 = noneconst\n}",
            "error: value number 99999999 is too large (at most 1048576) at 3:5\n",
        );
        check(
            "func @f() -> none {\nblock0:\n",
            "error: expected '}' to close the region, found the end of the input at 3:1\n",
        );
        check(
            "func @f() -> none {\nblock0:\n    v1 = call fn0()\n}",
            "error: fn0 is not declared in the function's preamble at 3:15\n",
        );
        check("x", "error: expected 'func' to start a function, found 'x' at 1:1\n");
    }

    #[test]
    fn types_round_trip() {
        check(
            "func @f(UniTuple(int64 x 3), Tuple(float64, bool), Tuple(), readonly array(float32, 2d, F), OptionalType(int8), range_state_int32, unicode_type) -> none {\n}\n",
            "func @f(UniTuple(int64 x 3), Tuple(float64, bool), Tuple(), readonly array(float32, 2d, F), OptionalType(int8), range_state_int32, unicode_type) -> none {\n}\n",
        );
    }
}
