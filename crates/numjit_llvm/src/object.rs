//! Machine code that outlives the process: a compiled module as a relocatable object file
//! ([`CodegenOptions::keep_object`](crate::CodegenOptions) asks [`compile_module`] for it),
//! and [`load_object`], which links such an object into this process through ORC's LLJIT
//! (MCJIT cannot load objects through LLVM's C API). The facade's `cache=True` stores the
//! object of each compiled version and loads it in later processes instead of compiling.
//!
//! The object is emitted for the host CPU with position-independent code and the small code
//! model, so it links wherever the JIT's memory lands; the runtime's entry points resolve to
//! the addresses in the symbol table the caller passes (absolute symbols), other external
//! symbols (the C library's `memcpy`, libm's `sin`) from the process, as MCJIT does.
//!
//! [`compile_module`]: crate::compile_module

use std::collections::HashMap;
use std::ffi::{CStr, CString, c_char};
use std::time::Instant;

use inkwell::llvm_sys::core::LLVMCreateMemoryBufferWithMemoryRangeCopy;
use inkwell::llvm_sys::error::{LLVMDisposeErrorMessage, LLVMErrorRef, LLVMGetErrorMessage};
use inkwell::llvm_sys::orc2::lljit::{
    LLVMOrcCreateLLJIT, LLVMOrcCreateLLJITBuilder, LLVMOrcDisposeLLJIT, LLVMOrcLLJITAddObjectFile,
    LLVMOrcLLJITGetGlobalPrefix, LLVMOrcLLJITGetMainJITDylib, LLVMOrcLLJITLookup,
    LLVMOrcLLJITMangleAndIntern, LLVMOrcLLJITRef,
};
use inkwell::llvm_sys::orc2::{
    LLVMJITEvaluatedSymbol, LLVMJITSymbolFlags, LLVMJITSymbolGenericFlags, LLVMOrcAbsoluteSymbols,
    LLVMOrcCSymbolMapPair, LLVMOrcCreateDynamicLibrarySearchGeneratorForProcess,
    LLVMOrcDefinitionGeneratorRef, LLVMOrcExecutorAddress, LLVMOrcJITDylibAddGenerator,
    LLVMOrcJITDylibDefine,
};
use numjit_types::Type;

use crate::call::CompiledFunction;
use crate::codegen::{call_wrapper_name, function_symbol};
use crate::error::{CodegenError, Result};
use crate::jit::{CompileTimings, CompiledModule, Owner};

/// What the caller knows of a function in an object: its IR name and signature (an object
/// file has symbols, not types).
#[derive(Clone, Debug, PartialEq)]
pub struct ObjectFunction {
    /// The IR function's name.
    pub name: String,
    /// The IR parameter types.
    pub params: Vec<Type>,
    /// The IR return type.
    pub return_type: Type,
}

/// An LLJIT instance that owns the linked code of one object.
pub(crate) struct OrcOwner(LLVMOrcLLJITRef);

impl Drop for OrcOwner {
    fn drop(&mut self) {
        // SAFETY: the instance was created by LLVMOrcCreateLLJIT and is disposed once; its
        // code is unreachable once the owner (and so every function handle) is gone.
        let error = unsafe { LLVMOrcDisposeLLJIT(self.0) };
        drop(error_message(error));
    }
}

// SAFETY: the instance is only reached through this owner, which does nothing but dispose
// of it; LLJIT instances are thread-safe in any case.
unsafe impl Send for OrcOwner {}
// SAFETY: `&OrcOwner` gives no access to the instance.
unsafe impl Sync for OrcOwner {}

/// Links `object` (from [`CompiledModule::object`]) into this process and finds the
/// `functions` it defines; runtime entry points resolve from `symbols`.
pub fn load_object(
    object: &[u8],
    functions: &[ObjectFunction],
    symbols: &[(&'static str, *const u8)],
) -> Result<CompiledModule> {
    let started = Instant::now();
    crate::target::initialize()?;
    let llvm = |what: &str, error: LLVMErrorRef| match error_message(error) {
        Some(message) => Err(CodegenError::Llvm(format!("{what}: {message}"))),
        None => Ok(()),
    };
    let mut jit: LLVMOrcLLJITRef = std::ptr::null_mut();
    // SAFETY: the builder is consumed by LLVMOrcCreateLLJIT (also on failure).
    llvm("creating the ORC JIT", unsafe { LLVMOrcCreateLLJIT(&mut jit, LLVMOrcCreateLLJITBuilder()) })?;
    let owner = OrcOwner(jit);
    // SAFETY: `jit` is a live instance for the rest of this function (owned by `owner`).
    let dylib = unsafe { LLVMOrcLLJITGetMainJITDylib(jit) };

    // The runtime's entry points, at the addresses this process has them.
    let mut pairs = Vec::with_capacity(symbols.len());
    for (name, address) in symbols {
        let name = CString::new(*name).map_err(|_| CodegenError::Llvm(format!("symbol name {name:?}")))?;
        pairs.push(LLVMOrcCSymbolMapPair {
            // SAFETY: a NUL-terminated name; the pool entry's reference passes to the map.
            Name: unsafe { LLVMOrcLLJITMangleAndIntern(jit, name.as_ptr()) },
            Sym: LLVMJITEvaluatedSymbol {
                Address: *address as LLVMOrcExecutorAddress,
                Flags: LLVMJITSymbolFlags {
                    GenericFlags: LLVMJITSymbolGenericFlags::LLVMJITSymbolGenericFlagsExported as u8
                        | LLVMJITSymbolGenericFlags::LLVMJITSymbolGenericFlagsCallable as u8,
                    TargetFlags: 0,
                },
            },
        });
    }
    if !pairs.is_empty() {
        // SAFETY: `pairs` holds `len` initialised pairs; the unit takes the names'
        // references and is consumed by the define (also on failure).
        let unit = unsafe { LLVMOrcAbsoluteSymbols(pairs.as_mut_ptr(), pairs.len()) };
        llvm("defining the runtime's symbols", unsafe { LLVMOrcJITDylibDefine(dylib, unit) })?;
    }
    // Anything else (libc, libm) from the process, as MCJIT resolves it.
    let mut generator: LLVMOrcDefinitionGeneratorRef = std::ptr::null_mut();
    // SAFETY: a plain out-parameter; no filter.
    let prefix = unsafe { LLVMOrcLLJITGetGlobalPrefix(jit) };
    llvm("searching the process's symbols", unsafe {
        LLVMOrcCreateDynamicLibrarySearchGeneratorForProcess(
            &mut generator,
            prefix,
            None,
            std::ptr::null_mut(),
        )
    })?;
    // SAFETY: the dylib takes ownership of the generator.
    unsafe { LLVMOrcJITDylibAddGenerator(dylib, generator) };

    // SAFETY: LLVM copies the bytes; the name is NUL-terminated.
    let buffer = unsafe {
        LLVMCreateMemoryBufferWithMemoryRangeCopy(
            object.as_ptr().cast::<c_char>(),
            object.len(),
            c"numjit-object".as_ptr(),
        )
    };
    // SAFETY: the JIT takes ownership of the buffer (also on failure).
    llvm("adding the object", unsafe { LLVMOrcLLJITAddObjectFile(jit, dylib, buffer) })?;
    let setup = started.elapsed();

    let started = Instant::now();
    let lookup = |name: &str| -> Result<usize> {
        let name = CString::new(name).map_err(|_| CodegenError::Llvm(format!("symbol name {name:?}")))?;
        let mut address: LLVMOrcExecutorAddress = 0;
        // SAFETY: a live instance, a NUL-terminated name and an out-parameter.
        llvm(&format!("finding {}", name.to_string_lossy()), unsafe {
            LLVMOrcLLJITLookup(jit, &mut address, name.as_ptr())
        })?;
        usize::try_from(address).map_err(|_| CodegenError::Llvm("a symbol address out of range".to_owned()))
    };
    let mut compiled = HashMap::new();
    for function in functions {
        let address = lookup(&function_symbol(&function.name))?;
        let wrapper = lookup(&call_wrapper_name(&function.name))?;
        compiled.insert(
            function.name.clone(),
            CompiledFunction::new(
                function.name.clone(),
                function.params.clone(),
                function.return_type.clone(),
                address,
                wrapper,
            ),
        );
    }
    Ok(CompiledModule::new(
        compiled,
        CompileTimings { setup, jit: started.elapsed(), ..CompileTimings::default() },
        Owner::Orc(owner),
    ))
}

/// The message of an LLVM error (disposing of it), or `None` for success.
fn error_message(error: LLVMErrorRef) -> Option<String> {
    if error.is_null() {
        return None;
    }
    // SAFETY: a non-null error is consumed by LLVMGetErrorMessage, whose string is
    // NUL-terminated and disposed of after copying.
    unsafe {
        let message = LLVMGetErrorMessage(error);
        let text = CStr::from_ptr(message).to_string_lossy().into_owned();
        LLVMDisposeErrorMessage(message);
        Some(text)
    }
}
