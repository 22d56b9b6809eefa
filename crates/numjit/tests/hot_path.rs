//! The call hot path allocates nothing beyond the arguments: a counting allocator checks
//! that calls of an already compiled version (exact types, scalars and small tuples) make
//! no heap allocation at all.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use numjit::{Jit, Options, Value};

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

struct CountingAllocator;

// SAFETY: every method forwards to the system allocator unchanged; counting touches only a
// const-initialised thread-local `Cell`, which never allocates.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|count| count.set(count.get() + 1));
        // SAFETY: the caller's contract for `alloc` is passed on unchanged.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract for `dealloc` is passed on unchanged.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

fn allocations() -> usize {
    ALLOCATIONS.with(Cell::get)
}

#[test]
fn calling_a_compiled_version_does_not_allocate() {
    let source = "def f(x, t):\n    a, b = t\n    return (x * a, b)\n";
    let f = Jit::new().compile_source(source, "f", &Options::new()).expect("compiles");
    let args = [Value::Float(1.5), Value::Tuple(vec![Value::Float(2.0), Value::Int(3)])];
    let first = f.call(&args).expect("runs");
    assert_eq!(first, Value::Tuple(vec![Value::Float(3.0), Value::Int(3)]));
    let scalar = Jit::new().compile_source("def g(x):\n    return x + 1\n", "g", &Options::new()).unwrap();
    scalar.call(&[Value::Int(1)]).unwrap();

    let before = allocations();
    for _ in 0..1000 {
        let result = scalar.call(&[Value::Int(41)]).unwrap();
        assert_eq!(result, Value::Int(42));
    }
    assert_eq!(allocations() - before, 0, "scalar calls allocate");

    // A tuple result is a `Vec` the caller receives: one allocation per call, no more.
    let before = allocations();
    for _ in 0..1000 {
        std::hint::black_box(f.call(&args).unwrap());
    }
    assert_eq!(allocations() - before, 1000, "only the returned tuple allocates");
}
