//! End to end in a real terminal (tmux): `F` in the library searches every article's
//! text, lists the matches, opens one at its match with `n` going on from there, and
//! comes back to the results and then to the list as it was.

mod common;
use common::{Scratch, Tmux, have_tmux};
use std::path::Path;

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

/// A long article whose only mentions of the gas field are far down.
fn long_article() -> String {
    let mut text = String::from("Notes from the East China Sea\n\nby Mei Lin\n\n");
    for i in 1..=60 {
        text.push_str(&format!(
            "Paragraph {i} is about the weather over the sea, the boats that went out \
             and the ones that stayed in port while the wind kept up all week.\n\n"
        ));
        if i == 45 {
            text.push_str(
                "Survey ships were back near the Chunxiao gas field on Monday, and a \
                 second pair reached the Chunxiao platform by night.\n\n",
            );
        }
    }
    text
}

#[test]
fn search_the_library_open_at_the_match_and_come_back() {
    if !have_tmux() {
        return;
    }
    let home = Scratch::new("search");
    let lib = home.0.join("library");
    std::fs::create_dir_all(&lib).unwrap();
    write(&lib, "sea.txt", &long_article());
    write(
        &lib,
        "brief.md",
        "# Gas talks stall\n\nTalks over the Chunxiáo field broke off again.\n",
    );
    write(
        &lib,
        "page.html",
        &format!(
            "<html><body><nav><a href=/chunxiao>Chunxiao archive</a> <a href=/>Home</a> \
             <a href=/world>World</a></nav><article><h1>Harbour dues</h1>{}</article>\
             <footer><a href=/chunxiao>More on Chunxiao</a></footer></body></html>",
            "<p class=chunxiao-lede>The port raised its dues for the first time in a \
             decade, citing the cost of dredging the channel, and the shipping lines \
             said they would pass the cost on to their customers within the month.</p>"
                .repeat(4)
        ),
    );
    let t = Tmux::start(&home.0, &[lib.to_str().unwrap()], 100, 24);
    t.wait_until(|s| s.contains("3 articles"), "the list");
    t.keys(&["j"]);
    let before = t.screen();

    t.keys(&["F"]);
    t.wait_for("Search the text of every article");
    t.type_text("chunxiao");
    t.keys(&["Enter"]);
    // Markup and navigation are not article text; the accented spelling is found.
    let screen = t.wait_for("2 articles · 3 matches");
    assert!(screen.contains("Notes from the East China Sea"), "{screen}");
    assert!(screen.contains("Gas talks stall"), "{screen}");
    assert!(!screen.contains("Harbour dues"), "{screen}");
    assert!(screen.contains("near the Chunxiao gas field"), "{screen}");

    // Open the long article at its first match, far below the first screen.
    let sea = screen
        .lines()
        .position(|l| l.contains("Notes from the East China Sea"))
        .unwrap();
    let selected = screen.lines().position(|l| l.starts_with('›')).unwrap();
    if selected != sea {
        t.keys(&["j"]);
    }
    t.keys(&["Enter"]);
    let screen = t.wait_until(
        |s| s.contains("Survey ships were back near the") && s.contains("1/2"),
        "the article at the match",
    );
    assert!(!screen.contains("Paragraph 1 is about"), "{screen}");
    t.keys(&["n"]);
    t.wait_for("2/2");

    // q goes back to the results, Esc to the list as it was.
    t.keys(&["q"]);
    t.wait_for("2 articles · 3 matches");
    t.keys(&["Escape"]);
    let after = t.wait_for("3 articles");
    let mark = |s: &str| s.lines().find(|l| l.starts_with('›')).map(str::to_string);
    assert_eq!(mark(&after).is_some(), mark(&before).is_some(), "{after}");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), 0);
}
