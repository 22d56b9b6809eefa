//! Compiling an IR module to machine code in this process: codegen, verification, the
//! `default<O3>` pipeline of the new pass manager for the host CPU (with a target machine
//! each thread creates once and reuses), optional IR/assembly dumps, and an MCJIT engine
//! whose external symbols (the runtime's entry points) come from a table the caller passes
//! in.

use std::cell::RefCell;
use std::collections::HashMap;
use std::mem::ManuallyDrop;
use std::rc::Rc;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use inkwell::context::Context;
use inkwell::execution_engine::ExecutionEngine;
use inkwell::passes::PassBuilderOptions;
use inkwell::targets::{FileType, TargetMachine};

use crate::call::CompiledFunction;
use crate::codegen::{ModuleCodegen, call_wrapper_name, function_symbol};
use crate::error::{CodegenError, Result};
use crate::options::{CodegenOptions, OptLevel};
use crate::target::HostTarget;

/// The host target, computed once.
pub fn host_target() -> Result<&'static HostTarget> {
    static HOST: OnceLock<std::result::Result<HostTarget, String>> = OnceLock::new();
    HOST.get_or_init(|| HostTarget::host().map_err(|error| error.to_string()))
        .as_ref()
        .map_err(|message| CodegenError::Llvm(message.clone()))
}

thread_local! {
    /// This thread's target machines, one per optimisation level: creating one (and the
    /// subtarget its first use builds) costs about as much as compiling a small function,
    /// so compilations on a thread share them. They are only used by one compilation at a
    /// time (a thread runs one at a time) and live until the thread ends.
    static MACHINES: RefCell<Vec<(OptLevel, Rc<TargetMachine>)>> = const { RefCell::new(Vec::new()) };
}

/// This thread's target machine for the host at `level`, created on first use (a fresh,
/// unshared one while the thread is being torn down).
fn cached_target_machine(host: &HostTarget, level: OptLevel) -> Result<Rc<TargetMachine>> {
    let cached = MACHINES.try_with(|machines| {
        if let Some((_, machine)) = machines.borrow().iter().find(|(cached, _)| *cached == level) {
            return Ok(Rc::clone(machine));
        }
        let machine = Rc::new(host.target_machine(level.to_llvm())?);
        machines.borrow_mut().push((level, Rc::clone(&machine)));
        Ok(machine)
    });
    match cached {
        Ok(machine) => machine,
        Err(_) => Ok(Rc::new(host.target_machine(level.to_llvm())?)),
    }
}

/// How long each stage of [`compile_module`] took.
#[derive(Clone, Copy, Debug, Default)]
pub struct CompileTimings {
    /// LLVM set-up: initialising the native target and querying the host CPU (the first
    /// compilation of a process only), the target machine, the context and the execution
    /// engine.
    pub setup: Duration,
    /// IR → LLVM IR, including verification.
    pub codegen: Duration,
    /// The optimisation pipeline.
    pub optimize: Duration,
    /// Machine code generation and linking by the JIT.
    pub jit: Duration,
}

/// The LLVM context and execution engine that own a module's machine code.
pub(crate) struct JitOwner {
    engine: ManuallyDrop<ExecutionEngine<'static>>,
    context: ManuallyDrop<Box<Context>>,
}

impl Drop for JitOwner {
    fn drop(&mut self) {
        // SAFETY: each field is dropped exactly once, the engine (which borrows the context
        // and owns the module and the machine code) before the context.
        unsafe {
            ManuallyDrop::drop(&mut self.engine);
            ManuallyDrop::drop(&mut self.context);
        }
    }
}

// SAFETY: the context and engine are reachable only through this struct, which never hands
// them out; after construction they are only dropped, never used, so moving the owner to
// another thread cannot race with LLVM calls on them. LLVM contexts may be destroyed on a
// thread other than the one that created them.
unsafe impl Send for JitOwner {}
// SAFETY: `&JitOwner` gives no access to the LLVM objects at all.
unsafe impl Sync for JitOwner {}

/// What owns a module's machine code: the MCJIT engine that compiled it, or the ORC
/// instance that linked its object file.
pub(crate) enum Owner {
    Mcjit(#[allow(dead_code, reason = "owned only to be dropped")] JitOwner),
    Orc(#[allow(dead_code, reason = "owned only to be dropped")] crate::object::OrcOwner),
}

/// A module compiled to machine code: its functions' addresses, optional dumps, timings.
/// Dropping it frees the machine code; function handles borrow it.
pub struct CompiledModule {
    functions: HashMap<String, CompiledFunction>,
    /// LLVM IR as generated (if asked for).
    pub unoptimized_ir: Option<String>,
    /// LLVM IR after optimisation (if asked for).
    pub optimized_ir: Option<String>,
    /// Host assembly (if asked for).
    pub assembly: Option<String>,
    /// The optimised module as a relocatable object file for the host (if asked for), which
    /// [`load_object`](crate::load_object) links into another process.
    pub object: Option<Vec<u8>>,
    /// Time spent per stage.
    pub timings: CompileTimings,
    _owner: Owner,
}

impl std::fmt::Debug for CompiledModule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CompiledModule")
            .field("functions", &self.functions.keys())
            .field("timings", &self.timings)
            .finish()
    }
}

impl CompiledModule {
    /// A module of `functions` whose code `owner` keeps alive, without dumps.
    pub(crate) fn new(
        functions: HashMap<String, CompiledFunction>,
        timings: CompileTimings,
        owner: Owner,
    ) -> CompiledModule {
        CompiledModule {
            functions,
            unoptimized_ir: None,
            optimized_ir: None,
            assembly: None,
            object: None,
            timings,
            _owner: owner,
        }
    }

    /// The compiled function named `name`.
    pub fn function(&self, name: &str) -> Option<&CompiledFunction> {
        self.functions.get(name)
    }
}

/// Compiles every function of `ir` and links it in this process; runtime entry points
/// resolve from `symbols` (the facade passes `numjit_runtime::symbols()`).
pub fn compile_module(
    ir: &numjit_ir::Module,
    options: &CodegenOptions,
    symbols: &[(&'static str, *const u8)],
) -> Result<CompiledModule> {
    let started = Instant::now();
    let host = host_target()?;
    let context = Box::new(Context::create());
    // SAFETY: the context lives in a Box whose address never changes; the `'static`
    // borrow is kept only by the module and engine, which `JitOwner` drops before it.
    let context_ref: &'static Context = unsafe { &*(context.as_ref() as *const Context) };
    let machine = cached_target_machine(host, options.opt_level)?;
    let mut setup_time = started.elapsed();

    let started = Instant::now();
    let mut codegen = ModuleCodegen::new(context_ref, "numjit", host, options.fastmath);
    codegen.set_data_layout(&machine);
    codegen.compile(ir)?;
    let module = codegen.module;
    let unoptimized_ir = options.keep_unoptimized_ir.then(|| module.print_to_string().to_string());
    module.verify().map_err(|message| CodegenError::Verify(message.to_string()))?;
    let codegen_time = started.elapsed();

    let started = Instant::now();
    let pass_options = PassBuilderOptions::create();
    pass_options.set_loop_vectorization(true);
    pass_options.set_loop_slp_vectorization(true);
    pass_options.set_loop_interleaving(true);
    pass_options.set_loop_unrolling(true);
    module
        .run_passes(options.opt_level.pipeline(), &machine, pass_options)
        .map_err(|message| CodegenError::Llvm(format!("pass pipeline: {message}")))?;
    let optimize_time = started.elapsed();
    let optimized_ir = options.keep_optimized_ir.then(|| module.print_to_string().to_string());
    let assembly = if options.keep_assembly {
        // Code generation edits the module it runs on, so it runs on a copy.
        let copy = module.clone();
        let buffer = machine
            .write_to_memory_buffer(&copy, FileType::Assembly)
            .map_err(|message| CodegenError::Llvm(format!("assembly: {message}")))?;
        Some(String::from_utf8_lossy(buffer.as_slice()).into_owned())
    } else {
        None
    };
    let object = if options.keep_object {
        // Position-independent, small code model: the object links wherever it lands.
        let object_machine = host.object_machine(options.opt_level.to_llvm())?;
        let copy = module.clone();
        let buffer = object_machine
            .write_to_memory_buffer(&copy, FileType::Object)
            .map_err(|message| CodegenError::Llvm(format!("object file: {message}")))?;
        Some(buffer.as_slice().to_vec())
    } else {
        None
    };

    let started = Instant::now();
    let engine = module
        .create_jit_execution_engine(options.opt_level.to_llvm())
        .map_err(|message| CodegenError::Llvm(format!("JIT engine: {message}")))?;
    setup_time += started.elapsed();
    let started = Instant::now();
    for (name, address) in symbols {
        if let Some(declaration) = module.get_function(name) {
            engine.add_global_mapping(&declaration, *address as usize);
        }
    }
    let mut functions = HashMap::new();
    for function in &ir.functions {
        let lookup = |name: &str| {
            engine
                .get_function_address(name)
                .map_err(|error| CodegenError::Llvm(format!("JIT lookup of {name}: {error}")))
        };
        let address = lookup(&function_symbol(&function.name))?;
        let wrapper = lookup(&call_wrapper_name(&function.name))?;
        functions.insert(
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
    let jit_time = started.elapsed();
    drop(module);
    Ok(CompiledModule {
        functions,
        unoptimized_ir,
        optimized_ir,
        assembly,
        object,
        timings: CompileTimings {
            setup: setup_time,
            codegen: codegen_time,
            optimize: optimize_time,
            jit: jit_time,
        },
        _owner: Owner::Mcjit(JitOwner {
            engine: ManuallyDrop::new(engine),
            context: ManuallyDrop::new(context),
        }),
    })
}
