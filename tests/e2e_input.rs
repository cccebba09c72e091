//! Input from anywhere, on any terminal, in a real terminal (tmux): an article piped in
//! with keys from the terminal, TERM=dumb, what an 8-colour terminal is sent, and keys
//! pressed while a long article is still being read.

mod common;
use common::{Scratch, Tmux, asset, have_tmux, shell_quote};

/// The command line that pipes `file` into lectern, run with this test's state.
fn piped(home: &Scratch, file: &str, args: &[&str]) -> String {
    format!(
        "cat {} | {}",
        shell_quote(file),
        Tmux::command_line(&home.0, args)
    )
}

#[test]
fn a_piped_article_takes_keys_from_the_terminal_and_is_remembered() {
    if !have_tmux() {
        return;
    }
    let home = Scratch::new("piped");
    let file = asset("assets/library/long-river.txt");
    let t = Tmux::with_pane(&piped(&home, &file, &[]), 100, 30);
    t.wait_for("The long river: four weeks on the Alvena");
    t.keys(&["Space", "Space"]);
    t.wait_until(
        |s| s.lines().last().is_some_and(|l| !l.contains(" 0% ")),
        "two pages down",
    );
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
    assert_eq!(t.display("#{alternate_on}"), "0");
    drop(t);
    // The same text piped again is the same article: it opens where it was left.
    let t = Tmux::with_pane(&piped(&home, &file, &["-"]), 100, 30);
    t.wait_for("resumed at");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn an_empty_or_slow_pipe_never_hangs_the_reader() {
    if !have_tmux() {
        return;
    }
    let home = Scratch::new("emptypipe");
    // The shell stays to say how lectern exited: a pane whose program ends at once can
    // be marked dead before tmux has shown what it printed.
    let line = format!(
        "true | {}; echo \"exit $?\"; sleep 10",
        Tmux::command_line(&home.0, &[])
    );
    let t = Tmux::with_pane(&line, 100, 30);
    let s = t.wait_for("exit 1");
    assert!(s.contains("lectern: standard input is empty"), "{s}");
    drop(t);
    // A pipe that takes its time: the wait is explained, then the article opens.
    let file = asset("assets/library/short-note.txt");
    let line = format!(
        "(sleep 1.5; cat {}) | {}",
        shell_quote(&file),
        Tmux::command_line(&home.0, &[])
    );
    let t = Tmux::with_pane(&line, 100, 30);
    t.wait_for("waiting for standard input");
    t.wait_for("Coastal ferry trial in Accra");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}

#[test]
fn term_dumb_prints_the_article_and_says_why() {
    if !have_tmux() {
        return;
    }
    let home = Scratch::new("dumb");
    let file = asset("assets/library/short-note.txt");
    let line = format!("TERM=dumb {}", Tmux::command_line(&home.0, &[&file]));
    let raw = home.0.join("raw");
    let t = Tmux::start_recorded(&line, &raw, 100, 30);
    t.wait_for("The sea is free.");
    assert_eq!(t.wait_exit(), 0);
    drop(t);
    let sent = std::fs::read(&raw).unwrap_or_default();
    let text = String::from_utf8_lossy(&sent);
    assert!(
        text.starts_with("lectern: TERM=dumb: this terminal cannot show the reader; the article is printed instead"),
        "{text}"
    );
    assert!(text.contains("Coastal ferry trial in Accra"), "{text}");
    assert!(
        !sent.contains(&0x1b),
        "a dumb terminal is sent no escape sequence: {:?}",
        String::from_utf8_lossy(&sent)
    );
}

/// Every byte lectern sends while showing a page and scrolling, with `vars` set.
fn bytes_sent(vars: &str) -> String {
    let home = Scratch::new("colours");
    let file = asset("assets/library/harbour-thaw.txt");
    let line = format!(
        "env -u COLORTERM {vars} {}",
        Tmux::command_line(&home.0, &[&file])
    );
    let raw = home.0.join("raw");
    let t = Tmux::start_recorded(&line, &raw, 100, 30);
    t.wait_for("Saltmere and Brennhaven");
    // Down to quoted speech, which the theme colours in 24-bit where it can.
    t.keys(&["Space", "Space"]);
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
    drop(t);
    String::from_utf8_lossy(&std::fs::read(&raw).unwrap()).into_owned()
}

#[test]
fn an_eight_colour_terminal_gets_no_24_bit_colour_and_no_motion_reports() {
    if !have_tmux() {
        return;
    }
    let truecolor = bytes_sent("TERM=xterm COLORTERM=truecolor");
    assert!(
        truecolor.contains("48;2;"),
        "the recording sees 24-bit colour when the terminal has it"
    );
    let xterm = bytes_sent("TERM=xterm");
    for seq in ["38;2;", "48;2;", "\x1b[?1003h", "\x1b[?1002h"] {
        assert!(!xterm.contains(seq), "TERM=xterm was sent {seq:?}");
    }
    assert!(
        xterm.contains("\x1b[?1000h") && xterm.contains("\x1b[?1000l"),
        "buttons and the wheel are reported, and that is undone"
    );
    assert!(
        xterm.contains("\x1b[38;5;"),
        "eight colours are still colours"
    );
}

/// A generated article of about 3 MB whose last paragraph says so.
fn big_article(home: &Scratch) -> String {
    let mut text = String::from("A very long walk\n\nBy A. Walker\n\n");
    let mut n = 0;
    while text.len() < 3_000_000 {
        n += 1;
        text.push_str(&format!(
            "Paragraph {n}. The path went on past the marsh, the mill and the long \
             row of poplars that somebody planted a hundred years ago, and on again.\n\n"
        ));
    }
    text.push_str("Here the walk ends, at the very last paragraph.\n");
    let path = home.0.join("walk.txt");
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn g_pressed_at_once_on_a_big_article_shows_its_end() {
    if !have_tmux() {
        return;
    }
    let home = Scratch::new("bigG");
    let file = big_article(&home);
    for line in [
        Tmux::command_line(&home.0, &[&file]),
        piped(&home, &file, &[]),
    ] {
        let t = Tmux::with_pane(&line, 100, 30);
        // As soon as the first page is up, while the rest is still being read.
        t.wait_for("A very long walk");
        t.keys(&["G"]);
        let s = t.wait_for("at the very last paragraph");
        assert!(
            s.lines().last().is_some_and(|l| l.contains("100%")),
            "{line}:\n{s}"
        );
        t.keys(&["q"]);
        assert_eq!(t.wait_exit(), 0);
    }
}
