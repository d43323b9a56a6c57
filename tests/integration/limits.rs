//! The input limit holds for every kind of input: regular files, pipes, devices and the
//! config, and it is raised with `--max-input-bytes` or `BILIK_MAX_INPUT_BYTES`.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use bilik::tui::config;
use bilik::tui::theme::Theme;

use crate::common::{bilik, root, stderr, stdout};

const TOO_LARGE: &str = "is larger than the input limit of";

#[test]
fn a_device_without_end_is_read_up_to_the_limit_only() {
    if !Path::new("/dev/zero").exists() {
        return;
    }
    let out = bilik(&["check", "/dev/zero"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("/dev/zero is larger than the input limit of 16777216 bytes; raise it with --max-input-bytes N or BILIK_MAX_INPUT_BYTES=N"),
        "{err}"
    );
}

/// Runs `bilik args` with `input` on its stdin, written from another thread: bilik stops
/// reading at the limit, so the writer sees a closed pipe, which is expected.
fn with_stdin(args: &[&str], envs: &[(&str, &str)], input: Vec<u8>) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bilik"))
        .args(args)
        .envs(envs.iter().copied())
        .current_dir(root())
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

#[test]
fn a_pipe_larger_than_the_limit_is_refused() {
    let out = with_stdin(
        &["summary", "--data", "/dev/stdin"],
        &[],
        vec![b' '; 17 * 1024 * 1024],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("/dev/stdin is larger than the input limit of 16777216 bytes"),
        "{err}"
    );
}

#[test]
fn the_flag_and_the_environment_set_the_limit_and_the_flag_wins() {
    let text = std::fs::read(root().join("data/kz-2022.ron")).unwrap();
    let args = ["summary", "--data", "/dev/stdin"];
    let out = with_stdin(&args, &[("BILIK_MAX_INPUT_BYTES", "1K")], text.clone());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("/dev/stdin is larger than the input limit of 1024 bytes"),
        "{err}"
    );
    let args = [
        "--max-input-bytes",
        "64M",
        "summary",
        "--data",
        "/dev/stdin",
    ];
    let out = with_stdin(&args, &[("BILIK_MAX_INPUT_BYTES", "1K")], text);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("dataset kz-2022"));
    // A regular file is refused by its size before it is read.
    let out = bilik(&["--max-input-bytes", "2048", "check", "data/kz-2022.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(&format!("data/kz-2022.ron {TOO_LARGE} 2048 bytes")));
}

#[test]
fn a_bad_limit_is_a_usage_error() {
    let out = bilik(&["--max-input-bytes", "lots", "check", "data/kz-2022.ron"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("'lots' is not a byte count"),
        "{}",
        stderr(&out)
    );
    let out = Command::new(env!("CARGO_BIN_EXE_bilik"))
        .args(["check", "data/kz-2022.ron"])
        .current_dir(root())
        .env("BILIK_MAX_INPUT_BYTES", "0")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "bilik: BILIK_MAX_INPUT_BYTES: '0' is not a byte count above 0 (e.g. 16777216 or 64M)\n"
    );
}

#[test]
fn a_config_that_is_a_device_is_not_read() {
    if !Path::new("/dev/zero").exists() {
        return;
    }
    let loaded = config::load(Some(Path::new("/dev/zero")), Theme::colored());
    assert_eq!(
        loaded.problem.as_deref(),
        Some("config /dev/zero: not a regular file, not read (defaults in use)")
    );
}

#[test]
fn a_config_that_is_a_fifo_does_not_block_start_up() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("config.ron");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    // Loaded on another thread so that a regression fails the test instead of hanging it.
    let (tx, rx) = mpsc::channel();
    let path = fifo.clone();
    std::thread::spawn(move || {
        let _ = tx.send(config::load(Some(&path), Theme::colored()).problem);
    });
    let problem = match rx.recv_timeout(Duration::from_secs(60)) {
        Ok(p) => p,
        Err(_) => {
            // Unblock the reader so the thread ends, then fail.
            let _ = std::fs::OpenOptions::new().write(true).open(&fifo);
            panic!("loading a FIFO config blocked");
        }
    };
    let problem = problem.unwrap();
    assert!(
        problem.ends_with("config.ron: not a regular file, not read (defaults in use)"),
        "{problem}"
    );
}

#[test]
fn a_big_config_file_is_refused_without_reading_it_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.ron");
    std::fs::File::create(&path)
        .unwrap()
        .set_len(17 * 1024 * 1024)
        .unwrap();
    let problem = config::load(Some(&path), Theme::colored()).problem.unwrap();
    assert!(problem.contains(TOO_LARGE), "{problem}");
    assert!(problem.contains("defaults in use"), "{problem}");
}

#[test]
fn byte_counts_take_binary_suffixes() {
    use bilik::diag::read::parse_byte_count;
    assert_eq!(parse_byte_count("16777216"), Ok(16 * 1024 * 1024));
    assert_eq!(parse_byte_count("64M"), Ok(64 << 20));
    assert_eq!(parse_byte_count("2KiB"), Ok(2048));
    assert_eq!(parse_byte_count("1g"), Ok(1 << 30));
    assert!(parse_byte_count("-1").is_err());
    assert!(parse_byte_count("99999999999999999999G").is_err());
}
