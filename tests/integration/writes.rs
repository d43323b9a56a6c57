//! Where `-o FILE` may write: a new path or a regular file (through a symbolic link to one),
//! never a device, FIFO, folder or read-only file, and never a temporary file left behind.

use std::path::Path;
use std::process::Command;

use crate::common::{bilik, root, stderr, stdout};

fn export_to(path: &Path) -> std::process::Output {
    bilik(&["export", "--format", "json", "-o", path.to_str().unwrap()])
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".bilik-"))
        .collect()
}

#[cfg(unix)]
#[test]
fn special_files_are_refused_with_exit_3() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("out.json");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let out = export_to(&fifo);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        stderr(&out),
        format!(
            "bilik: cannot write {}: a FIFO, not a regular file; exports replace regular files only (`-o -` writes to standard output)\n",
            fifo.display()
        )
    );
    let out = export_to(dir.path());
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains(": a folder, not a regular file"),
        "{}",
        stderr(&out)
    );
    if Path::new("/dev/null").exists() {
        let out = export_to(Path::new("/dev/null"));
        assert_eq!(out.status.code(), Some(3));
        assert_eq!(
            stderr(&out),
            "bilik: cannot write /dev/null: a character device, not a regular file; exports replace regular files only (`-o -` writes to standard output)\n"
        );
    }
    assert!(leftovers(dir.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn read_only_files_and_dangling_links_are_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let frozen = dir.path().join("frozen.json");
    std::fs::write(&frozen, "old").unwrap();
    std::fs::set_permissions(&frozen, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = export_to(&frozen);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).ends_with("frozen.json: a read-only file; make it writable to replace it\n"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&frozen).unwrap(), "old");
    let dangling = dir.path().join("dangling.json");
    std::os::unix::fs::symlink(dir.path().join("nowhere.json"), &dangling).unwrap();
    let out = export_to(&dangling);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains("a symbolic link to nothing"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("nowhere.json").exists());
    // Through a link to a regular file: the file is replaced and the link stays a link.
    let real = dir.path().join("real.json");
    std::fs::write(&real, "old").unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let out = export_to(&link);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(std::fs::read_to_string(&real).unwrap().starts_with('{'));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn a_dash_is_standard_output() {
    let out = bilik(&["export", "--format", "json", "-o", "-"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with('{'));
    assert!(!root().join("-").exists());
}

/// `ulimit -f` makes the kernel send SIGXFSZ on a write past the limit; the export fails
/// with an error instead of dying, keeps the old file and leaves no temporary file.
#[cfg(unix)]
#[test]
fn a_file_size_limit_leaves_the_old_file_and_no_temporary() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.json");
    std::fs::write(&path, "old complete file").unwrap();
    let out = Command::new("sh")
        .arg("-c")
        .arg(r#"ulimit -f 20 && exec "$0" export --format json -o "$1""#)
        .arg(env!("CARGO_BIN_EXE_bilik"))
        .arg(&path)
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("File too large"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "old complete file");
    assert!(leftovers(dir.path()).is_empty());
}
