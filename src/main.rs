use std::process::ExitCode;

fn main() -> ExitCode {
    bilik::cli::main()
}
