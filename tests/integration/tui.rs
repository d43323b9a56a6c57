//! The real binary in a real terminal: tmux runs `bilik`, sends keys and reads the screen.

use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
    /// The explorer's state folder (`XDG_STATE_HOME`) when the test did not give one: each
    /// test saves and restores its sessions apart from the others and from the user's.
    _state: Option<tempfile::TempDir>,
}

impl Tmux {
    fn start(width: u16, height: u16, command: &str) -> Option<Tmux> {
        let state = tempfile::tempdir().expect("a state folder");
        let mut t = Tmux::start_in(width, height, command, state.path())?;
        t._state = Some(state);
        Some(t)
    }

    /// [`Tmux::start`] with the explorer's sessions in `state`.
    fn start_in(width: u16, height: u16, command: &str, state: &std::path::Path) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("skipped: tmux is not installed (.ci/run installs it)");
            return None;
        }
        // One tmux server per test: tests run in parallel.
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let socket = format!("bilik-test-{}-{n}", std::process::id());
        let status = Command::new("tmux")
            .args([
                "-L",
                &socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                "main",
            ])
            .args(["-x", &width.to_string(), "-y", &height.to_string()])
            .arg(command)
            .env_remove("NO_COLOR")
            .env("XDG_STATE_HOME", state)
            .status()
            .expect("tmux starts");
        assert!(status.success());
        Some(Tmux {
            socket,
            _state: None,
        })
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "main"])
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend_from_slice(keys);
        self.tmux(&args);
    }

    fn literal(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "main", "-l", text]);
    }

    /// Waits until the screen satisfies `ok`, or fails with the last screen.
    fn wait(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            // A ceiling, not a timing: a loaded machine can take long to draw the first frame.
            if start.elapsed() > Duration::from_secs(40) {
                panic!("timed out waiting for {what}; the screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        // tmux leaves its socket file behind; remove it so test runs do not pile them up.
        let socket = self.tmux(&["display", "-p", "#{socket_path}"]);
        self.tmux(&["kill-server"]);
        let socket = socket.trim();
        if !socket.is_empty() {
            let _ = std::fs::remove_file(socket);
        }
    }
}

fn shell_command(args: &str) -> String {
    format!(
        "{} {args}; echo \"EXIT:$?\"; sleep 60",
        env!("CARGO_BIN_EXE_bilik")
    )
}

#[test]
fn the_explorer_in_a_real_terminal() {
    let Some(t) = Tmux::start(100, 30, &shell_command("")) else {
        return;
    };
    let first = t.wait("the Bodies view", |s| {
        s.contains("Constitutional Court") && s.contains("52.7%")
    });
    assert!(first.contains("1 Bodies"), "{first}");
    assert_eq!(
        t.tmux(&["display", "-p", "-t", "main", "#{alternate_on}"])
            .trim(),
        "1"
    );

    t.keys(&["?"]);
    t.wait("the help", |s| {
        s.contains("Keys in the Bodies view") && s.contains("show or hide this help")
    });
    t.keys(&["Escape"]);
    t.wait("the help to close", |s| {
        !s.contains("Keys in the Bodies view")
    });

    t.keys(&["/"]);
    t.literal("Сенат");
    t.keys(&["Enter"]);
    let s = t.wait("the Senate", |s| {
        s.contains("┌ Senate ") && s.contains("2 matches")
    });
    assert!(s.contains("Elected by maslikhat deputies"), "{s}");

    t.keys(&["q"]);
    let end = t.wait("the exit", |s| s.contains("EXIT:"));
    assert!(end.contains("EXIT:0"), "{end}");
    assert_eq!(
        t.tmux(&["display", "-p", "-t", "main", "#{alternate_on}"])
            .trim(),
        "0",
        "left the alternate screen"
    );
    assert_eq!(
        t.tmux(&["display", "-p", "-t", "main", "#{cursor_flag}"])
            .trim(),
        "1",
        "the cursor is visible"
    );
}

#[test]
fn cyrillic_layout_keys_and_a_tiny_terminal() {
    let Some(t) = Tmux::start(50, 12, &shell_command("--lang ru")) else {
        return;
    };
    t.wait("the too-small message", |s| {
        s.contains("Terminal too small")
    });
    t.tmux(&["resize-window", "-t", "main", "-x", "90", "-y", "26"]);
    t.wait("a redraw at the new size", |s| {
        s.contains("Конституционный Суд")
    });
    t.literal("о"); // the j key on a Russian layout
    t.wait("the selection to move", |s| s.contains("┌ Верховный Суд "));
    t.literal("й"); // q
    let end = t.wait("the exit", |s| s.contains("EXIT:"));
    assert!(end.contains("EXIT:0"), "{end}");
}

#[test]
fn a_panic_restores_the_terminal() {
    let command = format!(
        // Without a backtrace, whatever the environment says: a long one would push the
        // message off the 30-line pane.
        "RUST_BACKTRACE=0 BILIK_DEBUG_PANIC=1 {}; echo \"EXIT:$?\"; sleep 60",
        env!("CARGO_BIN_EXE_bilik")
    );
    let Some(t) = Tmux::start(100, 30, &command) else {
        return;
    };
    let end = t.wait("the exit", |s| s.contains("EXIT:"));
    assert!(end.contains("EXIT:101"), "a panic exits 101: {end}");
    assert!(
        end.contains("BILIK_DEBUG_PANIC is set"),
        "the panic message is readable: {end}"
    );
    assert_eq!(
        t.tmux(&["display", "-p", "-t", "main", "#{alternate_on}"])
            .trim(),
        "0"
    );
    assert_eq!(
        t.tmux(&["display", "-p", "-t", "main", "#{cursor_flag}"])
            .trim(),
        "1"
    );
    assert_eq!(
        t.tmux(&["display", "-p", "-t", "main", "#{mouse_any_flag}"])
            .trim(),
        "0",
        "mouse released"
    );
}

#[test]
fn export_from_the_explorer_writes_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let command = format!(
        "cd {} && {} --reform P10; echo \"EXIT:$?\"; sleep 60",
        dir.path().display(),
        env!("CARGO_BIN_EXE_bilik")
    );
    let Some(t) = Tmux::start(100, 30, &command) else {
        return;
    };
    t.wait("the explorer", |s| s.contains("kz-2022+P10"));
    t.keys(&["e"]);
    t.wait("the picker", |s| s.contains("file: kz-2022+P10.md"));
    t.keys(&["Enter"]);
    t.wait("the report", |s| s.contains("exported to kz-2022+P10.md"));
    let written = std::fs::read_to_string(dir.path().join("kz-2022+P10.md")).unwrap();
    assert!(written.contains("P10"), "{written}");
    t.keys(&["q"]);
    t.wait("the exit", |s| s.contains("EXIT:0"));
}

#[test]
fn the_sweep_chart_in_a_real_terminal() {
    let Some(t) = Tmux::start(80, 24, &shell_command("")) else {
        return;
    };
    t.wait("the Bodies view", |s| s.contains("Constitutional Court"));
    t.keys(&["s"]);
    let s = t.wait("the chart and a breakpoint", |s| {
        s.contains("Sweep · consent 0–2") && s.contains("kz-2022 loses the majority at consent")
    });
    assert!(
        s.contains("the President's control of the Constitutional Court"),
        "{s}"
    );
    t.keys(&["Right"]);
    t.wait("another weight", |s| {
        s.contains("Sweep · consent_under_threat")
    });
    t.keys(&["Escape"]);
    t.wait("the chart to close", |s| !s.contains("Sweep ·"));
    t.keys(&["q"]);
    let end = t.wait("the exit", |s| s.contains("EXIT:"));
    assert!(end.contains("EXIT:0"), "{end}");
}

/// The explorer started through a shell that records its pid, then reports its exit status
/// and whether the tty is back in cooked mode (`TTY:icanon echo`).
fn traced_command(dir: &std::path::Path, env: &str) -> String {
    format!(
        "echo BEFORE-BILIK; {env} sh -c 'echo $$ > {pid}; exec {bin}'; echo \"EXIT:$?\"; \
         echo \"TTY:$(stty -a | tr -s ' ;' '\\n\\n' | grep -xE -- '-?(icanon|echo)' | tr '\\n' ' ')\"; \
         sleep 60",
        pid = dir.join("pid").display(),
        bin = env!("CARGO_BIN_EXE_bilik"),
    )
}

fn pid(dir: &std::path::Path) -> String {
    std::fs::read_to_string(dir.join("pid"))
        .unwrap()
        .trim()
        .to_string()
}

fn kill(signal: &str, pid: &str) {
    let status = Command::new("kill")
        .args(["-s", signal, pid])
        .status()
        .unwrap();
    assert!(status.success(), "kill -s {signal} {pid}");
}

/// The process's state letter in /proc (`T` when stopped).
fn process_state(pid: &str) -> char {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    stat.rsplit(')')
        .next()
        .and_then(|rest| rest.trim().chars().next())
        .unwrap_or('?')
}

impl Tmux {
    fn flag(&self, name: &str) -> String {
        self.tmux(&["display", "-p", "-t", "main", &format!("#{{{name}}}")])
            .trim()
            .to_string()
    }

    /// The pane is back to the shell: the main screen with its earlier lines, the cursor shown,
    /// no mouse reports, and the tty cooked.
    fn assert_terminal_restored(&self, what: &str) -> String {
        let end = self.wait("the exit", |s| s.contains("TTY:"));
        assert!(
            end.contains("BEFORE-BILIK"),
            "{what}: the shell's lines: {end}"
        );
        assert!(
            end.contains("TTY:icanon echo"),
            "{what}: a cooked tty: {end}"
        );
        assert_eq!(self.flag("alternate_on"), "0", "{what}: the main screen");
        assert_eq!(self.flag("cursor_flag"), "1", "{what}: the cursor shown");
        assert_eq!(self.flag("mouse_any_flag"), "0", "{what}: mouse released");
        end
    }
}

#[test]
fn signals_restore_the_terminal_and_exit_128_plus_their_number() {
    for (signal, number) in [("TERM", 15), ("INT", 2), ("HUP", 1), ("QUIT", 3)] {
        let dir = tempfile::tempdir().unwrap();
        let Some(t) = Tmux::start(100, 30, &traced_command(dir.path(), "")) else {
            return;
        };
        t.wait("the Bodies view", |s| s.contains("Constitutional Court"));
        assert_eq!(t.flag("alternate_on"), "1");
        kill(signal, &pid(dir.path()));
        let end = t.assert_terminal_restored(signal);
        assert!(
            end.contains(&format!("EXIT:{}", 128 + number)),
            "SIG{signal}: {end}"
        );
    }
}

#[test]
fn suspend_gives_the_terminal_back_and_continue_takes_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let Some(t) = Tmux::start(100, 30, &traced_command(dir.path(), "")) else {
        return;
    };
    t.wait("the Bodies view", |s| s.contains("Constitutional Court"));
    let pid = pid(dir.path());
    let tty = t.flag("pane_tty");
    let cooked = || {
        let out = Command::new("stty")
            .args(["-a", "-F", &tty])
            .output()
            .unwrap();
        let s = String::from_utf8_lossy(&out.stdout).into_owned();
        s.split([' ', ';', '\n']).any(|w| w == "icanon")
            && s.split([' ', ';', '\n']).any(|w| w == "echo")
    };
    // `kill -TSTP`, then Ctrl-Z (a key in raw mode).
    let suspends: [Box<dyn Fn()>; 2] = [
        Box::new(|| kill("TSTP", &pid)),
        Box::new(|| t.keys(&["C-z"])),
    ];
    for suspend in &suspends {
        suspend();
        let s = t.wait("the shell's screen", |s| s.contains("BEFORE-BILIK"));
        assert!(!s.contains("Constitutional Court"), "{s}");
        let start = Instant::now();
        while process_state(&pid) != 'T' && start.elapsed() < Duration::from_secs(15) {
            std::thread::sleep(Duration::from_millis(50));
        }
        assert_eq!(process_state(&pid), 'T', "stopped");
        assert_eq!(t.flag("alternate_on"), "0");
        assert_eq!(t.flag("cursor_flag"), "1");
        assert!(cooked(), "the tty is cooked while stopped");
        kill("CONT", &pid);
        t.wait("the explorer redrawn", |s| {
            s.contains("Constitutional Court") && s.contains("1 Bodies")
        });
        assert_eq!(t.flag("alternate_on"), "1");
    }
    t.keys(&["j"]);
    t.wait("keys after the resume", |s| s.contains("┌ Supreme Court "));
    t.keys(&["q"]);
    let end = t.assert_terminal_restored("quit after a resume");
    assert!(end.contains("EXIT:0"), "{end}");
}

#[test]
fn a_paste_with_an_esc_stays_in_the_search_prompt() {
    let Some(t) = Tmux::start(100, 30, &shell_command("")) else {
        return;
    };
    t.wait("the Bodies view", |s| s.contains("Constitutional Court"));
    t.keys(&["/"]);
    t.wait("the prompt", |s| s.contains("type a name"));
    // Without bracketed paste the ESC closed the prompt and `te` opened the export picker.
    t.tmux(&["set-buffer", "Sena\u{1b}te"]);
    t.tmux(&["paste-buffer", "-p", "-t", "main"]);
    let s = t.wait("the pasted text in the prompt", |s| {
        s.contains("/ Senate") && s.contains("2 matches")
    });
    assert!(!s.contains("Export what is on screen"), "{s}");
    t.keys(&["Enter"]);
    t.wait("the Senate", |s| s.contains("┌ Senate "));
    // Outside a prompt a paste is dropped: `q` pasted does not quit.
    t.tmux(&["set-buffer", "q"]);
    t.tmux(&["paste-buffer", "-p", "-t", "main"]);
    t.keys(&["j"]);
    t.wait("the next body", |s| !s.contains("┌ Senate "));
    assert!(!t.screen().contains("EXIT:"));
    t.keys(&["q"]);
    t.wait("the exit", |s| s.contains("EXIT:0"));
}

#[test]
fn more_than_1024_bytes_of_queued_keys_are_all_handled() {
    let Some(t) = Tmux::start(100, 30, &shell_command("")) else {
        return;
    };
    t.wait("the Bodies view", |s| s.contains("Constitutional Court"));
    t.keys(&["6"]);
    t.wait("the Reforms view", |s| s.contains("Reforms (0 on)"));
    // An odd number past the reader's 1,024-byte buffer: P1 ends on only if every one is read.
    t.literal(&" ".repeat(1025));
    let s = t.wait("every press handled", |s| s.contains("Reforms (1 on)"));
    assert!(s.contains("[x] P1"), "{s}");
    t.keys(&["q"]);
    t.wait("the exit", |s| s.contains("EXIT:0"));
}

#[test]
fn a_config_cannot_take_the_last_quit_key() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.ron");
    std::fs::write(
        &config,
        "(\n  keys: {\n    \"down\": [\"q\", \"j\"],\n    \"up\": [\"esc\"],\n    \"toggle\": [\"ctrl-c\"],\n  },\n)\n",
    )
    .unwrap();
    let command = format!(
        "BILIK_CONFIG={} {}; echo \"EXIT:$?\"; sleep 60",
        config.display(),
        env!("CARGO_BIN_EXE_bilik")
    );
    let Some(t) = Tmux::start(250, 30, &command) else {
        return;
    };
    // Wait for the message itself, not the first frame: under load the frame can come first.
    let s = t.wait("the config's problems", |s| {
        s.contains("Constitutional Court") && s.contains("always quits")
    });
    assert!(
        s.contains(&format!(
            "config {}:5:16: keys.toggle: `ctrl-c` always quits and cannot be bound",
            config.display()
        )),
        "{s}"
    );
    t.keys(&["j"]);
    t.wait("j still moves down", |s| s.contains("┌ Supreme Court "));
    t.keys(&["q"]);
    let end = t.wait("q quits", |s| s.contains("EXIT:"));
    assert!(end.contains("EXIT:0"), "{end}");
}

#[test]
fn a_session_is_saved_on_quit_and_restored_unless_fresh() {
    let state = tempfile::tempdir().unwrap();
    let Some(t) = Tmux::start_in(100, 30, &shell_command(""), state.path()) else {
        return;
    };
    t.wait("the Court", |s| s.contains("52.7%"));
    t.keys(&["6", "j", "j", "j", "j", "Space"]);
    t.wait("P5 on", |s| s.contains("P5 on"));
    t.keys(&["1"]);
    t.wait("the Court under P5", |s| s.contains("47.7%"));
    t.keys(&["q"]);
    let end = t.wait("the exit", |s| s.contains("EXIT:"));
    assert!(end.contains("EXIT:0"), "{end}");
    drop(t);
    let file = state.path().join("bilik").join("session.ron");
    let saved = std::fs::read_to_string(&file).expect("the session is saved on quit");
    assert!(saved.contains("reforms: [\n        \"P5\""), "{saved}");

    let t = Tmux::start_in(100, 30, &shell_command(""), state.path()).unwrap();
    let s = t.wait("the restored session", |s| {
        s.contains("session restored from")
    });
    assert!(s.contains("47.7%"), "{s}");
    t.keys(&["5", "j", "j", "-"]);
    t.wait("consent lowered", |s| s.contains("consent = 0.90"));
    t.keys(&["u"]);
    t.wait("the undo", |s| s.contains("undid: consent 1.00 → 0.90"));
    t.keys(&["C-r"]);
    t.wait("the redo", |s| s.contains("redid: consent 1.00 → 0.90"));
    t.keys(&["q"]);
    t.wait("the exit", |s| s.contains("EXIT:0"));
    drop(t);
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("\"consent\": 0.9"), "{saved}");
    assert!(saved.contains("view: \"weights\""), "{saved}");

    // --fresh starts from the defaults, whatever was saved.
    let t = Tmux::start_in(100, 30, &shell_command("--fresh"), state.path()).unwrap();
    let s = t.wait("a fresh start", |s| s.contains("52.7%"));
    assert!(!s.contains("session restored"), "{s}");
    t.keys(&["q"]);
    t.wait("the exit", |s| s.contains("EXIT:0"));
    drop(t);

    // A broken session file: where it breaks, and a fresh start.
    std::fs::write(&file, "Session(\n  reforms: [P5],\n)\n").unwrap();
    let t = Tmux::start_in(160, 30, &shell_command(""), state.path()).unwrap();
    let s = t.wait("the broken session", |s| s.contains("started fresh"));
    assert!(s.contains("session.ron:2:"), "{s}");
    assert!(s.contains("52.7%"), "{s}");
    t.keys(&["q"]);
    t.wait("the exit", |s| s.contains("EXIT:0"));
}

#[test]
fn an_edited_dataset_file_is_reloaded_and_its_errors_shown() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.ron");
    let good = std::fs::read_to_string("data/kz-2022.ron").unwrap();
    std::fs::write(&path, &good).unwrap();
    let Some(t) = Tmux::start(100, 30, &shell_command(&format!("-d {}", path.display()))) else {
        return;
    };
    t.wait("the Court", |s| s.contains("52.7%"));
    std::fs::write(&path, good.replacen("seats: 7", "seats: \"seven\"", 1)).unwrap();
    let s = t.wait("the error pane", |s| s.contains("mine.ron does not load"));
    assert!(s.contains("Expected integer"), "{s}");
    assert!(s.contains("53%"), "the last good version stays: {s}");
    let fixed = good.replacen(
        "    as_of: \"2024-01-01\",\n",
        "    as_of: \"2024-01-01\",\n    weights: { \"consent\": 0.5 },\n",
        1,
    );
    std::fs::write(&path, fixed).unwrap();
    let s = t.wait("the fixed file", |s| {
        s.contains("58.2%") && !s.contains("does not load")
    });
    assert!(s.contains("fixed and reloaded"), "{s}");
    t.keys(&["q"]);
    t.wait("the exit", |s| s.contains("EXIT:0"));
}

/// `bilik open FILE`: the explorer starts in the named session's state (its reform, view and
/// selected body), not the one saved on quit.
#[test]
fn open_restores_a_named_session_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mine.ron");
    std::fs::write(
        &file,
        "Session(\n  data: \"kz-2022\",\n  reforms: [\"P10\"],\n  selected: Some(\"senate\"),\n  view: \"reforms\",\n)\n",
    )
    .unwrap();
    let command = shell_command(&format!("open {}", file.display()));
    let Some(t) = Tmux::start(160, 30, &command) else {
        return;
    };
    let s = t.wait("the named session", |s| s.contains("session restored from"));
    assert!(s.contains("kz-2022+P10"), "{s}");
    assert!(s.contains("Reforms (1 on)"), "{s}");
    t.keys(&["1"]);
    t.wait("the Senate selected", |s| s.contains("[senate]"));
    t.keys(&["q"]);
    t.wait("the exit", |s| s.contains("EXIT:0"));
}

#[test]
fn open_needs_a_terminal() {
    let out = Command::new(env!("CARGO_BIN_EXE_bilik"))
        .args(["open", "session.ron"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bilik open needs a terminal: it opens the explorer"),
        "{err}"
    );
}
