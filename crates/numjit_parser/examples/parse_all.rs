//! Parses every file named on stdin (one path a line) and prints the ones that fail, with
//! the first error: a quick way to find gaps in the grammar against a large corpus.
//!
//! ```text
//! find /usr/lib/python3.11 -name '*.py' | cargo run --release -p numjit_parser --example parse_all
//! ```

use std::io::BufRead;
use std::time::Instant;

fn main() {
    let started = Instant::now();
    let (mut n_ok, mut n_failed, mut n_bytes) = (0usize, 0usize, 0usize);
    for path in std::io::stdin().lock().lines().map_while(Result::ok) {
        let Ok(bytes) = std::fs::read(&path) else { continue };
        let source = match numjit_parser::source::decode_source(&bytes) {
            Ok(source) => source,
            Err(error) => {
                println!("{path}: cannot decode: {error}");
                continue;
            }
        };
        n_bytes += source.len();
        let parsed = numjit_parser::parse_module(&source);
        match parsed.errors.first() {
            None => n_ok += 1,
            Some(error) => {
                n_failed += 1;
                let line =
                    source[..usize::from(error.range.start()).min(source.len())].matches('\n').count() + 1;
                println!("{path}:{line}: {}", error.message());
            }
        }
    }
    println!(
        "{n_ok} parsed, {n_failed} failed ({:.1} MB in {:.2?})",
        n_bytes as f64 / 1e6,
        started.elapsed()
    );
}
