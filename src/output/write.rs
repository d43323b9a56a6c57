//! Putting a rendered document on disk or stdout. Renderers return strings or bytes (or, for
//! the JSON, a document serialised as it is written: [`crate::output::export::Output`]) and
//! never write; the command line and the TUI call these. A file is written through a buffer
//! into a temporary file renamed over the target at the end ([`write_atomic_with`]), so that
//! an export streamed to disk never leaves half a file, and replaces only a regular file.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Temporary files being written; a CLI export told to stop removes them (see
/// [`remove_temporaries_on_signals`]).
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Whether `path` means standard output (`-o -`).
pub fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// The file an export to `path` replaces, after the write rule: a new path or a regular file
/// is written (through a symbolic link to a regular file, which stays a link); anything else
/// is refused, and so is a read-only file, judged by its mode bits so that root is refused
/// too. The error says why without the path, which every caller names.
pub fn target(path: &Path) -> io::Result<PathBuf> {
    let refuse = |why: String| Err(io::Error::other(why));
    let link = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(path.to_path_buf()),
        Err(e) => return Err(e),
    };
    let (meta, target) = if link.file_type().is_symlink() {
        match std::fs::metadata(path) {
            Ok(m) => (m, std::fs::canonicalize(path)?),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return refuse(
                    "a symbolic link to nothing; exports write through a link only to a regular file"
                        .into(),
                );
            }
            Err(e) => return Err(e),
        }
    } else {
        (link, path.to_path_buf())
    };
    if !meta.is_file() {
        let what = kind(&meta.file_type());
        return refuse(format!(
            "{what}, not a regular file; exports replace regular files only (`-o -` writes to standard output)"
        ));
    }
    if meta.permissions().readonly() {
        return refuse("a read-only file; make it writable to replace it".into());
    }
    Ok(target)
}

/// What a file that is not a regular file is, in words.
fn kind(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a folder"
    } else {
        "a special file"
    }
}

/// Writes `bytes` to `path` atomically: into a temporary file in the same folder, flushed to
/// disk, then renamed over `path`. An interrupted or failed write leaves any existing file
/// untouched and no partial file behind. What may be replaced is said by [`target`].
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |file| file.write_all(bytes))
}

/// [`write_atomic`] for a writer that produces the content itself: `write` fills the
/// temporary file, and if it fails the temporary file is removed and `path` never changes.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> io::Result<()>,
) -> io::Result<()> {
    let path = &target(path)?;
    ignore_file_size_signal();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".bilik-").suffix(".tmp");
    // A temporary file is private (0600); the export should get the permissions of the
    // file it replaces, or those of any new file (0666 less the umask).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let permissions = std::fs::metadata(path)
            .map(|m| m.permissions())
            .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o666));
        builder.permissions(permissions);
    }
    let mut tmp = builder.tempfile_in(dir)?;
    let _pending = Pending::new(tmp.path());
    write(tmp.as_file_mut())?;
    tmp.as_file().sync_all()?;
    // The folder too, before and after the rename: the new name must survive a crash as
    // surely as the content.
    sync_dir(dir)?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir)
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_: &Path) -> io::Result<()> {
    Ok(())
}

/// A temporary file listed in [`PENDING`] while it exists.
struct Pending(PathBuf);

impl Pending {
    fn new(path: &Path) -> Self {
        if let Ok(mut p) = PENDING.lock() {
            p.push(path.to_path_buf());
        }
        Pending(path.to_path_buf())
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if let Ok(mut p) = PENDING.lock() {
            p.retain(|q| *q != self.0);
        }
    }
}

/// A write past `ulimit -f` raises SIGXFSZ, which kills the process before the temporary file
/// can be removed; with the signal caught the write fails with EFBIG instead, and the error
/// path removes it.
fn ignore_file_size_signal() {
    #[cfg(unix)]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            let caught = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
            let _ = signal_hook::flag::register(signal_hook::consts::SIGXFSZ, caught);
        });
    }
}

/// For the command line only (the explorer restores the terminal on these signals itself):
/// on SIGINT, SIGTERM or SIGHUP the temporary files being written are removed, then the
/// process ends as the signal would have ended it.
pub fn remove_temporaries_on_signals() -> io::Result<()> {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                if let Ok(pending) = PENDING.lock() {
                    for p in pending.iter() {
                        let _ = std::fs::remove_file(p);
                    }
                }
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal);
            }
        });
    }
    Ok(())
}

/// Writes to stdout; a closed pipe (`bilik export | head`) is not an error.
pub fn write_stdout(bytes: &[u8]) -> io::Result<()> {
    write_stdout_with(|out| out.write_all(bytes))
}

/// [`write_stdout`] for a writer that produces the content itself, through a buffer.
pub fn write_stdout_with(
    write: impl FnOnce(&mut io::BufWriter<io::StdoutLock>) -> io::Result<()>,
) -> io::Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    match write(&mut out).and_then(|_| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_whole_files_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        write_atomic(&path, b"first").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "second");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().starts_with(".bilik-"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn a_write_that_fails_midway_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.svg");
        std::fs::write(&path, "old complete file").unwrap();
        let err = write_atomic_with(&path, |f| {
            f.write_all(b"<svg>half of the new")?;
            Err(io::Error::other("disk full"))
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "disk full");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old complete file");
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec!["out.svg"]);
    }

    #[cfg(unix)]
    #[test]
    fn exports_are_not_private_and_keep_the_replaced_files_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        // A new export gets what any new file gets under the current umask.
        let reference = dir.path().join("reference");
        std::fs::write(&reference, "x").unwrap();
        let path = dir.path().join("new.md");
        write_atomic(&path, b"x").unwrap();
        assert_eq!(mode(&path), mode(&reference));
        let existing = dir.path().join("kept.md");
        std::fs::write(&existing, "old").unwrap();
        std::fs::set_permissions(&existing, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&existing, b"new").unwrap();
        assert_eq!(mode(&existing), 0o640);
    }

    fn refusal(path: &Path) -> String {
        write_atomic(path, b"new").unwrap_err().to_string()
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_links_are_written_through_to_a_regular_file_only() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.json");
        symlink(&real, &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        let dangling = dir.path().join("dangling.json");
        symlink(dir.path().join("nothing"), &dangling).unwrap();
        assert_eq!(
            refusal(&dangling),
            "a symbolic link to nothing; exports write through a link only to a regular file"
        );
        assert!(!dir.path().join("nothing").exists());
        let to_folder = dir.path().join("to-folder");
        symlink(dir.path(), &to_folder).unwrap();
        assert!(refusal(&to_folder).starts_with("a folder, not a regular file"));
    }

    #[cfg(unix)]
    #[test]
    fn special_files_and_folders_are_never_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        if std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success())
        {
            assert_eq!(
                refusal(&fifo),
                "a FIFO, not a regular file; exports replace regular files only (`-o -` writes to standard output)"
            );
            assert!(
                std::fs::symlink_metadata(&fifo)
                    .unwrap()
                    .file_type()
                    .is_fifo()
            );
        }
        assert!(refusal(dir.path()).starts_with("a folder, not a regular file"));
        for device in ["/dev/null", "/dev/full"] {
            if Path::new(device).exists() {
                assert!(
                    refusal(Path::new(device))
                        .starts_with("a character device, not a regular file")
                );
                assert!(!std::fs::metadata(device).unwrap().is_file());
            }
        }
        let socket_path = dir.path().join("socket");
        if let Ok(_socket) = std::os::unix::net::UnixListener::bind(&socket_path) {
            assert!(refusal(&socket_path).starts_with("a socket, not a regular file"));
        }
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".bilik-"))
            .collect();
        assert!(names.is_empty(), "{names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_file_is_refused_by_its_mode_even_for_root() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("frozen.csv");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
        assert_eq!(
            refusal(&path),
            "a read-only file; make it writable to replace it"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
    }

    #[test]
    fn a_failed_write_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-folder").join("out.json");
        assert!(write_atomic(&path, b"x").is_err());
        let path = dir.path().join("out.json");
        std::fs::write(&path, "old").unwrap();
        let target = dir.path().join("folder");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("keep"), "x").unwrap();
        assert!(write_atomic(&target, b"new").is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert!(target.join("keep").exists());
    }
}
