//! A real terminal for end-to-end tests: the binary runs in a private tmux server,
//! keys go in with send-keys, the screen comes out with capture-pane.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// Whether tmux is here; without it the end-to-end tests are skipped, except in CI.
pub fn have_tmux() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is required in CI (.ci/run installs it)"
        );
        eprintln!("tmux not found: skipping the end-to-end test");
    }
    ok
}

/// A scratch directory removed on drop.
pub struct Scratch(pub PathBuf);

impl Scratch {
    /// A fresh empty directory for this test.
    pub fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("lectern-e2e-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// One tmux session on a private server, killed on drop.
pub struct Tmux {
    socket: String,
    /// The session name.
    pub session: String,
}

impl Tmux {
    /// Starts `args` (the lectern binary and its arguments) in a `w`×`h` pane, with the
    /// XDG directories under `home` so nothing touches the user's own state.
    pub fn start(home: &Path, args: &[&str], w: u16, h: u16) -> Self {
        Tmux::with_pane(&Tmux::command_line(home, args), w, h)
    }

    /// Starts an interactive shell (with job control) in the pane instead of lectern.
    pub fn shell(w: u16, h: u16) -> Self {
        Tmux::with_pane("env PS1='$ ' bash --norc --noprofile -i", w, h)
    }

    /// A private server (kept alive by a dummy session) with `command`, a shell command
    /// line, in session "t".
    pub fn with_pane(command: &str, w: u16, h: u16) -> Self {
        let socket = format!("lectern-test-{}-{}", std::process::id(), rand_suffix());
        let t = Tmux {
            socket,
            session: "t".into(),
        };
        let (w, h) = (w.to_string(), h.to_string());
        let size = ["-x", w.as_str(), "-y", h.as_str()];
        let mut keep = vec!["-f", "/dev/null", "new-session", "-d", "-s", "keep"];
        keep.extend(size);
        keep.push("sleep 100000");
        t.run(&keep);
        t.run(&["set", "-g", "remain-on-exit", "on"]);
        t.run(&["set", "-g", "status", "off"]);
        t.run(&["set", "-g", "default-terminal", "tmux-256color"]);
        let mut pane = vec!["new-session", "-d", "-s", "t"];
        pane.extend(size);
        pane.push(command);
        t.run(&pane);
        t
    }

    /// The command line that runs lectern on `args` with this test's XDG directories.
    pub fn command_line(home: &Path, args: &[&str]) -> String {
        let mut cmd = format!(
            "env XDG_DATA_HOME={0}/data XDG_CONFIG_HOME={0}/config XDG_CACHE_HOME={0}/cache NO_COLOR= {1}",
            home.display(),
            env!("CARGO_BIN_EXE_lectern")
        );
        for a in args {
            cmd.push(' ');
            cmd.push_str(&shell_quote(a));
        }
        cmd
    }

    /// Starts `command` once every byte the pane prints is being copied to `raw`: the pane
    /// waits for a go-ahead file until `pipe-pane` is set up, so nothing is missed.
    pub fn start_recorded(command: &str, raw: &Path, w: u16, h: u16) -> Self {
        let go = raw.with_extension("go");
        let _ = std::fs::remove_file(&go);
        let line = format!(
            "while [ ! -e {0} ]; do sleep 0.02; done; {command}",
            shell_quote(&go.display().to_string())
        );
        let t = Tmux::with_pane(&line, w, h);
        let sink = format!("cat > {}", shell_quote(&raw.display().to_string()));
        t.run(&["pipe-pane", "-t", &t.session, "-o", &sink]);
        std::fs::write(&go, "").unwrap();
        t
    }

    /// Runs a tmux command on this server.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    /// Sends tmux key names (`Enter`, `Escape`, `q`), one at a time with a short pause so
    /// an Esc is never read together with the next key as Alt-key.
    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", &self.session, k]);
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    /// Types literal text.
    pub fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", &self.session, "-l", text]);
        std::thread::sleep(Duration::from_millis(60));
    }

    /// The screen's text.
    pub fn screen(&self) -> String {
        String::from_utf8_lossy(
            &self
                .run(&["capture-pane", "-p", "-t", &self.session])
                .stdout,
        )
        .into_owned()
    }

    /// The screen's text with its styles, as escape sequences.
    pub fn styled_screen(&self) -> String {
        String::from_utf8_lossy(
            &self
                .run(&["capture-pane", "-p", "-e", "-t", &self.session])
                .stdout,
        )
        .into_owned()
    }

    /// Starts `command` in a pane whose default colours are `style` (a tmux style, as
    /// `bg=#ffffff,fg=#000000`), set before the command runs: tmux answers a query for
    /// the background with them.
    pub fn with_colours(command: &str, style: &str, w: u16, h: u16) -> Self {
        let go = std::env::temp_dir().join(format!(
            "lectern-colours-{}-{}.go",
            std::process::id(),
            rand_suffix()
        ));
        let go_path = shell_quote(&go.display().to_string());
        let line =
            format!("while [ ! -e {go_path} ]; do sleep 0.02; done; rm -f {go_path}; {command}");
        let t = Tmux::with_pane(&line, w, h);
        t.run(&["set", "-g", "window-style", style]);
        std::fs::write(&go, "").unwrap();
        t
    }

    /// A tmux format value for the pane (`#{pane_dead}`…).
    pub fn display(&self, format: &str) -> String {
        String::from_utf8_lossy(
            &self
                .run(&["display", "-p", "-t", &self.session, format])
                .stdout,
        )
        .trim()
        .to_string()
    }

    /// Waits until `text` is on screen; panics with the screen after 10 s.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(|s| s.contains(text), text)
    }

    /// Waits until the screen satisfies `pred`.
    pub fn wait_until(&self, pred: impl Fn(&str) -> bool, what: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "timed out waiting for {what:?}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Waits for the program to exit and returns its exit status.
    pub fn wait_exit(&self) -> i32 {
        let pid = self.display("#{pane_pid}");
        let start = Instant::now();
        while self.display("#{pane_dead}") != "1" {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "did not exit; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(30));
        }
        // tmux marks the pane dead when its terminal closes and learns the exit status
        // only when it reaps the process; on a loaded machine that can lag far behind (the
        // process sits as a zombie), so the kernel's record of the exit is read instead.
        for _ in 0..100 {
            if let Ok(code) = self.display("#{pane_dead_status}").parse() {
                return code;
            }
            if let Some(code) = zombie_exit_code(&pid) {
                return code;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "no exit status (signal {:?}, process {pid}: {:?}); screen:\n{}",
            self.display("#{pane_dead_signal}"),
            std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default(),
            self.screen()
        );
    }

    /// Resizes the window.
    pub fn resize(&self, w: u16, h: u16) {
        self.run(&[
            "resize-window",
            "-t",
            &self.session,
            "-x",
            &w.to_string(),
            "-y",
            &h.to_string(),
        ]);
    }

    /// The pid of the program in the pane.
    pub fn pid(&self) -> i32 {
        self.display("#{pane_pid}").parse().expect("pane pid")
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

/// Quotes a word for the shell.
pub fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// Sends a signal to a process.
pub fn signal(pid: i32, sig: &str) {
    Command::new("kill")
        .arg(format!("-{sig}"))
        .arg(pid.to_string())
        .status()
        .expect("kill runs");
}

/// The state letter of a process (R, S, T…) from /proc.
pub fn proc_state(pid: i32) -> char {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    stat.rsplit(')')
        .next()
        .and_then(|s| s.trim().chars().next())
        .unwrap_or('?')
}

/// Path of a file in the crate.
pub fn asset(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(rel)
        .display()
        .to_string()
}

/// The exit code of a process that has exited but not been reaped yet (a zombie).
fn zombie_exit_code(pid: &str) -> Option<i32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let fields: Vec<&str> = stat.rsplit(')').next()?.split_whitespace().collect();
    if fields.first() != Some(&"Z") {
        return None;
    }
    // The last field is the wait status: exit code in the high byte, no signal bits.
    let status: i32 = fields.last()?.parse().ok()?;
    (status & 0x7f == 0).then_some((status >> 8) & 0xff)
}

/// The first row of a captured screen, trimmed: what is on top of the page.
pub fn first_line(screen: &str) -> String {
    screen.lines().next().unwrap_or("").trim().to_string()
}
