//! The real binary in a real terminal: tmux runs `bilik`, sends keys and reads the screen.

use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(width: u16, height: u16, command: &str) -> Option<Tmux> {
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
            .status()
            .expect("tmux starts");
        assert!(status.success());
        Some(Tmux { socket })
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
            if start.elapsed() > Duration::from_secs(15) {
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
        "BILIK_DEBUG_PANIC=1 {}; echo \"EXIT:$?\"; sleep 60",
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
