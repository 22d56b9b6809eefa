//! `cache=True`: compiled versions on disk, so a later process links machine code instead of
//! compiling (Numba's `cache=True`).
//!
//! One file per version in the cache directory (the Python package passes `__pycache__`
//! beside the source file, as Numba does): `<function>-<hash of the key>.nbc`. It holds the
//! whole key — numjit's and LLVM's versions, the host CPU and its features, the source text
//! and its file name and first line, every global binding (global arrays by dtype, shape and
//! a hash of their bytes), the resolved options and the argument types — then what the
//! version needs besides machine code (the entry function's name, its IR and Python
//! signatures) and the object file ([`numjit_llvm::load_object`]). A file whose key differs
//! in any way (an edited source, another CPU, a new numjit) is a miss: the version compiles
//! and the file is replaced (written to a temporary file and renamed, so a reader never
//! sees half a file). Reading or writing problems are misses too: the cache never fails a
//! call. Unlike Numba's cache, a changed global is seen (it is part of the key).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use numjit_llvm::ObjectFunction;
use numjit_sema::{FunctionId, GlobalValue, Ty};
use numjit_types::{ArrayType, Layout, ScalarType, Type};

use crate::error::CompileError;
use crate::options::Resolved;
use crate::pipeline::{Compiled, Keep, Program, StageTimings, compile};

/// The first line of every cache file (its format's version).
const MAGIC: &str = "numjit-cache 1";

/// Where a dispatcher keeps its versions, and what it found there.
#[derive(Debug)]
pub(crate) struct Cache {
    dir: PathBuf,
}

impl Cache {
    pub(crate) fn new(dir: PathBuf) -> Cache {
        Cache { dir }
    }

    /// The version of `function` for `arg_types`: linked from the cache file when its key
    /// matches (`true`), else compiled and stored (`false`).
    pub(crate) fn load_or_compile(
        &self,
        program: &Program,
        function: FunctionId,
        name: &str,
        arg_types: &[Ty],
        options: &Resolved,
    ) -> Result<(Option<Compiled>, bool), CompileError> {
        let key = cache_key(program, name, arg_types, options);
        let path = self.dir.join(format!("{}-{:016x}.nbc", file_stem(name), fnv1a(key.as_bytes())));
        if let Some(compiled) = load(&path, &key) {
            return Ok((Some(compiled), true));
        }
        let (compiled, _) = compile(program, function, arg_types, options, Keep::Object)?;
        if let Some(compiled) = &compiled {
            // A failure to write only means the next process compiles again.
            let _ = store(&self.dir, &path, &key, compiled);
        }
        Ok((compiled, false))
    }
}

/// Everything a version's machine code depends on, as text.
fn cache_key(program: &Program, name: &str, arg_types: &[Ty], options: &Resolved) -> String {
    let mut key = String::new();
    let host = numjit_llvm::host_target().ok();
    let _ = writeln!(key, "numjit {}", env!("CARGO_PKG_VERSION"));
    let _ = writeln!(key, "llvm {}", numjit_llvm::llvm_version());
    match host {
        Some(host) => {
            let _ = writeln!(key, "host {} {} {}", host.triple, host.cpu, host.features);
        }
        None => key.push_str("host unknown\n"),
    }
    let _ = writeln!(key, "options {options:?}");
    let _ = writeln!(key, "function {name}");
    let _ = writeln!(key, "args {arg_types:?}");
    let globals = &program.env.namespaces[program.namespace];
    let mut names: Vec<&str> = globals.names().collect();
    names.sort_unstable();
    for global in names {
        match globals.get(global) {
            Some(GlobalValue::Array(array)) => {
                let _ = writeln!(
                    key,
                    "global {global} = array {} {:?} {:016x}",
                    array.dtype,
                    array.shape,
                    fnv1a(&array.bytes)
                );
            }
            Some(value) => {
                let _ = writeln!(key, "global {global} = {value:?}");
            }
            None => {}
        }
    }
    let source = &program.source;
    let _ = writeln!(key, "source {} {} {}", source.name, source.first_line, source.text.len());
    key.push_str(&source.text);
    key
}

/// 64-bit FNV-1a: a stable hash for file names and array contents (the file keeps the
/// whole key, so a collision of file names is a miss, not a wrong hit).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3))
}

/// A name that is safe as part of a file name.
fn file_stem(name: &str) -> String {
    name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' }).take(64).collect()
}

/// Reads the cache file at `path` and links its object if the key it holds is `key`.
fn load(path: &Path, key: &str) -> Option<Compiled> {
    let started = Instant::now();
    let bytes = std::fs::read(path).ok()?;
    let mut reader = Reader { bytes: &bytes };
    if reader.line()? != MAGIC || reader.section()? != key.as_bytes() {
        return None;
    }
    let meta = std::str::from_utf8(reader.section()?).ok()?;
    let object = reader.section()?;
    let mut lines = meta.lines();
    let entry = lines.next()?.strip_prefix("entry ")?.to_owned();
    let ir_params = decode_list(lines.next()?.strip_prefix("ir-params ")?)?;
    let ir_return = decode_type(lines.next()?.strip_prefix("ir-return ")?)?;
    let params: Vec<Option<Type>> = lines
        .next()?
        .strip_prefix("params ")?
        .split(';')
        .filter(|text| !text.is_empty())
        .map(|text| if text == "-" { Some(None) } else { decode_type(text).map(Some) })
        .collect::<Option<_>>()?;
    let return_type = decode_type(lines.next()?.strip_prefix("return ")?)?;
    let function = ObjectFunction { name: entry.clone(), params: ir_params, return_type: ir_return };
    let symbols = numjit_runtime::symbols();
    let module = numjit_llvm::load_object(object, std::slice::from_ref(&function), &symbols).ok()?;
    let wrapper = module.function(&entry)?.wrapper_address();
    let timings = StageTimings { jit: started.elapsed(), ..StageTimings::default() };
    Some(Compiled { module, entry, wrapper, params, return_type, timings })
}

/// Writes the cache file for `compiled` (which kept its object file).
fn store(dir: &Path, path: &Path, key: &str, compiled: &Compiled) -> Option<()> {
    let object = compiled.module.object.as_deref()?;
    let function = compiled.module.function(&compiled.entry)?;
    let mut meta = String::new();
    let _ = writeln!(meta, "entry {}", compiled.entry);
    let _ = writeln!(meta, "ir-params {}", encode_list(function.params()));
    let _ = writeln!(meta, "ir-return {}", encode_type(function.return_type()));
    let params: Vec<String> = compiled
        .params
        .iter()
        .map(|param| param.as_ref().map_or_else(|| "-".to_owned(), encode_type))
        .collect();
    let _ = writeln!(meta, "params {};", params.join(";"));
    let _ = writeln!(meta, "return {}", encode_type(&compiled.return_type));
    let mut bytes = Vec::with_capacity(key.len() + meta.len() + object.len() + 64);
    bytes.extend_from_slice(MAGIC.as_bytes());
    bytes.push(b'\n');
    for section in [key.as_bytes(), meta.as_bytes(), object] {
        bytes.extend_from_slice(&(section.len() as u64).to_le_bytes());
        bytes.extend_from_slice(section);
    }
    std::fs::create_dir_all(dir).ok()?;
    let temporary = path.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&temporary, &bytes).ok()?;
    if std::fs::rename(&temporary, path).is_err() {
        let _ = std::fs::remove_file(&temporary);
        return None;
    }
    Some(())
}

/// Reads a cache file's parts.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn line(&mut self) -> Option<&'a str> {
        let end = self.bytes.iter().position(|byte| *byte == b'\n')?;
        let (line, rest) = self.bytes.split_at(end);
        self.bytes = &rest[1..];
        std::str::from_utf8(line).ok()
    }

    fn section(&mut self) -> Option<&'a [u8]> {
        let (len, rest) = self.bytes.split_first_chunk::<8>()?;
        let len = usize::try_from(u64::from_le_bytes(*len)).ok()?;
        if rest.len() < len {
            return None;
        }
        let (section, rest) = rest.split_at(len);
        self.bytes = rest;
        Some(section)
    }
}

/// A type as text: scalar names, `none`, `str`, `range:int64`, `array:float64:2:C:rw`,
/// `?T` (optional), `(T,T,)` (tuple).
fn encode_type(ty: &Type) -> String {
    match ty {
        Type::Scalar(scalar) => scalar.name().to_owned(),
        Type::NoneType => "none".to_owned(),
        Type::Str => "str".to_owned(),
        Type::Range(scalar) => format!("range:{}", scalar.name()),
        Type::Array(array) => format!("array:{}", encode_array(array)),
        Type::Flat(array) => format!("flat:{}", encode_array(array)),
        Type::Optional(inner) => format!("?{}", encode_type(inner)),
        Type::Tuple(items) => {
            format!("({})", items.iter().map(|item| format!("{},", encode_type(item))).collect::<String>())
        }
    }
}

fn encode_array(array: &ArrayType) -> String {
    format!(
        "{}:{}:{}:{}",
        array.dtype.name(),
        array.ndim,
        array.layout.as_str(),
        if array.readonly { "ro" } else { "rw" }
    )
}

fn encode_list(types: &[Type]) -> String {
    format!("({})", types.iter().map(|ty| format!("{},", encode_type(ty))).collect::<String>())
}

fn decode_list(text: &str) -> Option<Vec<Type>> {
    match decode_type(text)? {
        Type::Tuple(items) => Some(items),
        _ => None,
    }
}

fn decode_type(text: &str) -> Option<Type> {
    let (ty, rest) = parse_type(text)?;
    rest.is_empty().then_some(ty)
}

/// One type from the front of `text`, and what follows it.
fn parse_type(text: &str) -> Option<(Type, &str)> {
    if let Some(inner) = text.strip_prefix('?') {
        let (ty, rest) = parse_type(inner)?;
        return Some((Type::Optional(Box::new(ty)), rest));
    }
    if let Some(mut rest) = text.strip_prefix('(') {
        let mut items = Vec::new();
        loop {
            if let Some(after) = rest.strip_prefix(')') {
                return Some((Type::Tuple(items), after));
            }
            let (item, after) = parse_type(rest)?;
            items.push(item);
            rest = after.strip_prefix(',')?;
        }
    }
    let end = text.find([',', ')']).unwrap_or(text.len());
    let (word, rest) = text.split_at(end);
    let scalar = |name: &str| ScalarType::ALL.into_iter().find(|scalar| scalar.name() == name);
    let ty = match word.split(':').collect::<Vec<_>>().as_slice() {
        ["none"] => Type::NoneType,
        ["str"] => Type::Str,
        ["range", scalar_name] => Type::Range(scalar(scalar_name)?),
        [kind @ ("array" | "flat"), dtype, ndim, layout, access] => {
            (if *kind == "array" { Type::Array } else { Type::Flat })(ArrayType {
                dtype: scalar(dtype)?,
                ndim: ndim.parse().ok()?,
                layout: match *layout {
                    "C" => Layout::C,
                    "F" => Layout::F,
                    "A" => Layout::A,
                    _ => return None,
                },
                readonly: match *access {
                    "ro" => true,
                    "rw" => false,
                    _ => return None,
                },
            })
        }
        [name] => Type::Scalar(scalar(name)?),
        _ => return None,
    };
    Some((ty, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_round_trip_through_text() {
        let array = |dtype, ndim, layout, readonly| Type::Array(ArrayType { dtype, ndim, layout, readonly });
        let types = [
            Type::INT64,
            Type::COMPLEX128,
            Type::NoneType,
            Type::Str,
            Type::Range(ScalarType::Int32),
            array(ScalarType::Float32, 2, Layout::F, true),
            array(ScalarType::Bool, 0, Layout::C, false),
            Type::Flat(ArrayType { dtype: ScalarType::Int32, ndim: 2, layout: Layout::F, readonly: false }),
            Type::Optional(Box::new(Type::FLOAT64)),
            Type::Tuple(vec![]),
            Type::Tuple(vec![Type::INT64, Type::Tuple(vec![array(ScalarType::UInt8, 3, Layout::A, false)])]),
        ];
        for ty in types {
            assert_eq!(decode_type(&encode_type(&ty)), Some(ty.clone()), "{}", encode_type(&ty));
        }
        assert_eq!(
            decode_list(&encode_list(&[Type::INT64, Type::BOOL])),
            Some(vec![Type::INT64, Type::BOOL])
        );
        assert_eq!(decode_type("array:float64:2:X:rw"), None);
        assert_eq!(decode_type("int64,"), None);
    }

    #[test]
    fn a_truncated_file_is_a_miss() {
        let mut reader = Reader { bytes: b"numjit-cache 1\n\x05\x00\x00\x00\x00\x00\x00\x00ab" };
        assert_eq!(reader.line(), Some(MAGIC));
        assert_eq!(reader.section(), None);
    }
}
