//! Probe: compiles a function of a file for literal arguments and prints the outcome.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let source = std::fs::read_to_string(&args[1]).expect("file");
    let values: Vec<numjit::Value> = args[3..].iter().map(|a| numjit::Value::parse_literal(a).expect("lit")).collect();
    let d = numjit::Jit::new().compile_source(&source, &args[2], &numjit::Options::new()).expect("compile");
    let t = std::time::Instant::now();
    println!("{:?}", d.call(&values));
    println!("{:?} {:?}", t.elapsed(), d.compile_timings());
}
