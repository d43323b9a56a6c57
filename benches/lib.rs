//! The synthetic states the benchmarks measure (the generator of `examples/synth`).

#[path = "../examples/synth/generate.rs"]
pub mod generate;
