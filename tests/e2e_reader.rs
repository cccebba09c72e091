//! The reader in a real terminal (tmux): scroll, search, resize, pop-ups, signals, quit.

mod common;
use common::{Scratch, Tmux, asset, have_tmux, signal};
use std::time::Duration;

#[test]
fn scroll_search_resize_and_quit() {
    if !have_tmux() {
        return;
    }
    let home = Scratch::new("reader");
    let t = Tmux::start(&home.0, &[&asset("assets/library/long-river.txt")], 100, 30);
    t.wait_for("The long river: four weeks on the Alvena");
    t.keys(&["Space"]);
    t.wait_until(
        |s| {
            s.lines()
                .next()
                .is_some_and(|l| !l.contains("The long river"))
        },
        "a page down",
    );
    t.keys(&["/"]);
    t.type_text("camparo");
    t.keys(&["Enter"]);
    let s = t.wait_for("1/");
    assert!(s.contains("camparo"), "{s}");
    t.keys(&["n"]);
    t.wait_for("2/");
    t.resize(60, 20);
    let s = t.wait_until(
        |s| {
            s.lines().count() <= 20
                && s.lines().all(|l| l.chars().count() <= 60)
                && s.contains("% ·")
        },
        "the reflowed screen with its status line",
    );
    assert!(
        s.contains("camparo"),
        "the match stays on screen after the resize: {s}"
    );
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
    assert_eq!(
        t.display("#{alternate_on}"),
        "0",
        "the alternate screen was left"
    );
}

#[test]
fn footnote_popup_and_sources_panel() {
    if !have_tmux() {
        return;
    }
    let home = Scratch::new("popup");
    let t = Tmux::start(
        &home.0,
        &[&asset("assets/library/harbour-thaw.txt")],
        100,
        30,
    );
    t.wait_for("Saltmere and Brennhaven");
    t.keys(&["f"]);
    t.keys(&["Enter"]);
    let s = t.wait_for("Note 1 of 2");
    assert!(s.contains("The 2009 Accord was negotiated"), "{s}");
    t.keys(&["Escape"]);
    t.wait_until(|s| !s.contains("Note 1 of 2"), "the pop-up to close");
    t.keys(&["s"]);
    let s = t.wait_for("Sources");
    assert!(s.lines().any(|l| l.contains("3  Coastline Wire")), "{s}");
    t.keys(&["Escape"]);
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn hostile_article_bytes_never_reach_the_terminal() {
    if !have_tmux() {
        return;
    }
    let home = Scratch::new("hostile");
    let article = home.0.join("hostile.txt");
    let mut bytes = b"A hostile headline\n\nby Eve Mallory\n\nCLIP \x1b]52;c;SGVsbG8=\x07 CLEAR \x1b[2J RAW \x9b31m C1 \xc2\x9b31m NUL \0 FLIP \xe2\x80\xae done.\n".to_vec();
    bytes.extend(b"\nA second paragraph so there is a body.\n");
    std::fs::write(&article, bytes).unwrap();
    let log = home.0.join("pane.bytes");
    let t = Tmux::start(&home.0, &[article.to_str().unwrap()], 100, 30);
    t.run(&[
        "pipe-pane",
        "-o",
        "-t",
        "t",
        &format!("cat >> {}", log.display()),
    ]);
    // The first frame may be drawn before the capture starts, and a short article does
    // not scroll: a resize makes the reader draw everything again, into the capture.
    t.resize(90, 30);
    t.wait_for("CLIP");
    std::thread::sleep(Duration::from_millis(300));
    t.keys(&["q"]);
    t.wait_exit();
    std::thread::sleep(Duration::from_millis(200));
    let out = std::fs::read(&log).unwrap();
    let has = |needle: &[u8]| out.windows(needle.len()).any(|w| w == needle);
    assert!(has("CLIP".as_bytes()), "the capture saw the article");
    assert!(!has(b"\x1b]52"), "OSC 52 reached the terminal");
    assert!(
        !has(b"\x1b[2J RAW"),
        "the article's clear-screen reached the terminal"
    );
    assert!(!has(b"\xc2\x9b"), "a C1 control reached the terminal");
    assert!(
        !has(b"\xe2\x80\xae"),
        "a bidi override reached the terminal"
    );
    assert!(!has(b"NUL \0"), "NUL reached the terminal");
    assert!(
        has("␛]52;c;SGVsbG8=␇".as_bytes()),
        "the placeholders are shown instead"
    );
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    if !have_tmux() {
        return;
    }
    // The exit status says which signal ended it, as a shell's would (128 + N).
    for (sig, status) in [("TERM", 143), ("HUP", 129)] {
        let home = Scratch::new(&format!("sig{sig}"));
        let t = Tmux::start(&home.0, &[&asset("assets/library/short-note.txt")], 80, 24);
        t.wait_for("Coastal ferry trial");
        assert_eq!(t.display("#{alternate_on}"), "1");
        signal(t.pid(), sig);
        assert_eq!(t.wait_exit(), status, "SIG{sig} ends with 128 + N");
        assert_eq!(
            t.display("#{alternate_on}"),
            "0",
            "SIG{sig} left the alternate screen"
        );
    }
}

#[test]
fn quitting_exits_0_and_a_missing_file_1() {
    if !have_tmux() {
        return;
    }
    let home = Scratch::new("status");
    let t = Tmux::start(&home.0, &[&asset("assets/library/short-note.txt")], 80, 24);
    t.wait_for("Coastal ferry trial");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0, "q quits with 0");
    let t = Tmux::start(&home.0, &["/nonexistent/article.txt"], 80, 24);
    // Its one line on stderr is checked in tests/cli_errors.rs: a pane that dies at once
    // is not always drawn before tmux marks it dead.
    assert_eq!(t.wait_exit(), 1);
}

/// Closing the terminal under the reader (a tmux session killed, an ssh link dropped)
/// hangs up its tty: reads return end-of-file at once, and crossterm's reader spun on them
/// at full speed, never returning to notice the SIGHUP, so the reader never exited.
#[test]
fn a_terminal_closed_under_the_reader_ends_it() {
    if !have_tmux() {
        return;
    }
    let home = Scratch::new("hangup");
    let t = Tmux::start(&home.0, &[&asset("assets/library/short-note.txt")], 80, 24);
    t.wait_for("Coastal ferry trial");
    let pid = t.pid();
    t.run(&["kill-session", "-t", &t.session]);
    let start = std::time::Instant::now();
    let alive = || {
        std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| {
            !s.rsplit(')')
                .next()
                .unwrap_or("")
                .trim_start()
                .starts_with('Z')
        })
    };
    while alive() && start.elapsed() < std::time::Duration::from_secs(10) {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let still = alive();
    if still {
        signal(pid, "KILL");
    }
    assert!(
        !still,
        "the reader still runs 10 s after its terminal closed"
    );
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_resumes() {
    if !have_tmux() {
        return;
    }
    // tmux itself continues a stopped pane process at once, so suspend needs a shell with
    // job control in the pane, as a person would have.
    let home = Scratch::new("suspend");
    let t = Tmux::shell(80, 24);
    t.wait_for("$");
    t.type_text(&Tmux::command_line(
        &home.0,
        &[&asset("assets/library/short-note.txt")],
    ));
    t.keys(&["Enter"]);
    t.wait_for("Coastal ferry trial");
    t.keys(&["C-z"]);
    let s = t.wait_for("Stopped");
    assert_eq!(
        t.display("#{alternate_on}"),
        "0",
        "the terminal is given back while stopped: {s}"
    );
    t.type_text("fg");
    t.keys(&["Enter"]);
    t.wait_until(
        |_| t.display("#{alternate_on}") == "1",
        "the reader to come back",
    );
    t.wait_for("Coastal ferry trial");
    t.keys(&["q"]);
    t.wait_until(
        |_| t.display("#{alternate_on}") == "0",
        "the reader to quit",
    );
}

#[test]
fn auto_theme_asks_the_terminal_for_its_background() {
    if !have_tmux() {
        return;
    }
    let home = Scratch::new("auto-theme");
    let article = asset("assets/library/harbour-thaw.txt");
    let date_line = |styled: &str| {
        styled
            .lines()
            .find(|l| l.contains("14 March 2019"))
            .map(str::to_string)
            .unwrap_or_default()
    };
    // The terminal's answer wins over COLORFGBG, which says the opposite each time.
    for (style, colorfgbg, grey) in [
        ("bg=#ffffff,fg=#000000", "15;0", "38;5;241m"),
        ("bg=#000000,fg=#ffffff", "0;15", "38;5;247m"),
    ] {
        let cmd = Tmux::command_line(&home.0, &[&article]);
        let cmd = format!("env COLORFGBG='{colorfgbg}' {cmd}");
        let t = Tmux::with_colours(&cmd, style, 100, 30);
        t.wait_for("14 March 2019");
        let line = date_line(&t.styled_screen());
        assert!(line.contains(grey), "{style}: {line:?}");
        t.keys(&["q"]);
        assert_eq!(t.wait_exit(), 0);
    }
}
