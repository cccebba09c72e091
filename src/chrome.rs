//! Site chrome: the buttons, prompts and boilerplate a saved page drags along.
//!
//! Lines are matched word by word, not with regular expressions: these checks run on the
//! first lines of every article, and compiling the patterns they replace was the largest
//! single cost before an article's first frame. The tests keep those patterns and check
//! that both agree.

/// Longest tails, in characters, after "©", "follow us on" and "click here": longer lines
/// are prose ("Copyright law changed in 2019, and the court …").
const NOTICE_MAX: usize = 80;
const NETWORK_MAX: usize = 40;
const CLICK_MAX: usize = 60;

/// Whether a line is site chrome: a button, share link, sign-up prompt or copyright line.
pub fn is_chrome(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.chars().count() > 120 {
        return false;
    }
    is_button(t) || has_short_tail(t) || (t.len() <= 90 && is_prompt(t))
}

/// Whether a line introduces a list of related articles ("See also", "Related").
pub fn is_related_header(line: &str) -> bool {
    let t = line.trim();
    let t = t.strip_suffix(':').unwrap_or(t);
    let Some(words) = lower_words(t) else {
        return false;
    };
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    matches!(
        w[..],
        ["see", "also"]
            | ["related"]
            | [
                "related",
                "articles" | "stories" | "news" | "coverage" | "content" | "reading"
            ]
            | ["more", "on", "this"]
            | ["more", "on", "this", "topic" | "story"]
            | ["further", "reading"]
            | ["you", "may", "also", "like"]
            | ["recommended"]
            | ["recommended", "for", "you"]
    )
}

/// Most words in a button or header ("e-mail to a friend article").
const MOST_WORDS: usize = 5;

/// The whitespace-separated words of `t`, lower-cased; none for a line longer than any
/// button or header, so that no more than its first words are copied.
fn lower_words(t: &str) -> Option<Vec<String>> {
    let mut words = t.split_whitespace();
    let first = words
        .by_ref()
        .take(MOST_WORDS)
        .map(str::to_lowercase)
        .collect();
    words.next().is_none().then_some(first)
}

/// A whole line that is a button or label: "Share this article", "4 min read", "Log in".
fn is_button(t: &str) -> bool {
    // One closing ".", "!" or ":" is allowed, right after the last word.
    let t = t
        .strip_suffix(['.', '!', ':'])
        .filter(|rest| !rest.ends_with(char::is_whitespace))
        .unwrap_or(t);
    let Some(words) = lower_words(t) else {
        return false;
    };
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    match w[..] {
        ["send", "to", "a", "friend"]
        | ["printable", "version"]
        | ["tweet" | "facebook" | "twitter" | "whatsapp" | "linkedin" | "reddit"]
        | ["copy", "link"]
        | ["save"]
        | ["save", "article" | "story"]
        | ["subscribe"]
        | ["subscribe", "now" | "today" | "here"]
        | ["sign", "up"]
        | ["sign", "up", "now" | "today"]
        | ["log", "in"]
        | ["login"]
        | ["sign", "in"]
        | ["register"]
        | ["advertisement"]
        | ["sponsored"]
        | ["sponsored", "content"]
        | ["read", "more"]
        | ["continue", "reading"]
        | ["back", "to", "top"]
        | ["comment" | "comments"]
        | ["leave", "a", "comment"]
        | ["show", "comments"]
        | ["related", "topics"]
        | ["font" | "text", "size"]
        | ["a", "a", "a"]
        | ["listen", "to", "this", "article"]
        | ["all", "rights", "reserved" | "reserved."]
        | ["follow", "us"]
        | ["most", "read" | "popular"] => true,
        ["comment" | "comments", count] => count
            .strip_prefix('(')
            .and_then(|c| c.strip_suffix(')'))
            .is_some_and(is_number),
        ["email" | "e-mail", ref rest @ ..] => {
            let rest = rest
                .strip_prefix(["this"].as_slice())
                .or_else(|| rest.strip_prefix(["to", "a", "friend"].as_slice()));
            matches!(rest, Some([] | ["article" | "story"]))
        }
        ["print", ref rest @ ..] => {
            matches!(after_this(rest), [] | ["article" | "story" | "page"])
        }
        ["share", ref rest @ ..] => match after_this(rest) {
            [] | ["article" | "story" | "page"] => true,
            ["on", network] => network.chars().all(regex_syntax::is_word_character),
            _ => false,
        },
        ["min" | "mins" | "minute" | "minutes", "read"] => true,
        [n, "min" | "mins" | "minute" | "minutes", "read"] => is_number(n),
        _ => false,
    }
}

/// `rest` without a leading "this" ("print this page", "share this").
fn after_this<'a, 'w>(rest: &'a [&'w str]) -> &'a [&'w str] {
    rest.strip_prefix(["this"].as_slice()).unwrap_or(rest)
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A copyright notice, "Follow us on …" or "Click here …" with a short tail.
fn has_short_tail(t: &str) -> bool {
    let short = |tail: &str, max: usize| !tail.contains('\n') && tail.chars().count() <= max;
    if let Some(notice) = t
        .strip_prefix('©')
        .or_else(|| crate::shape::strip_prefix_ascii(t, "(c)"))
        .or_else(|| crate::shape::strip_prefix_ascii(t, "copyright"))
    {
        return short(notice, NOTICE_MAX);
    }
    if let Some(network) = after_words(t, &["follow", "us", "on"]) {
        return short(network, NETWORK_MAX);
    }
    after_words(t, &["click", "here"]).is_some_and(|click| short(click, CLICK_MAX))
}

/// What follows `words` at the start of `t`, each word followed by whitespace.
fn after_words<'a>(t: &'a str, words: &[&str]) -> Option<&'a str> {
    words.iter().try_fold(t, |rest, word| {
        let after = crate::shape::strip_prefix_ascii(rest, word)?;
        let trimmed = after.trim_start();
        (trimmed.len() < after.len()).then_some(trimmed)
    })
}

/// Whether a line asks the reader to subscribe, sign up or support the site.
fn is_prompt(t: &str) -> bool {
    const PHRASES: [&[&str]; 8] = [
        &["subscribe", "to"],
        &["sign", "up", "for"],
        &["newsletter"],
        &["get", "our"],
        &["delivered", "to", "your", "inbox"],
        &["change", "your", "preferences"],
        &["support", "our", "journalism"],
        &["become", "a", "member"],
    ];
    let tokens = word_tokens(t);
    (0..tokens.len()).any(|i| {
        PHRASES.iter().any(|phrase| {
            tokens.len() - i >= phrase.len()
                && phrase.iter().enumerate().all(|(k, word)| {
                    let (text, spaced) = tokens[i + k];
                    text.eq_ignore_ascii_case(word) && (k == 0 || spaced)
                })
        })
    })
}

/// The runs of word characters in `t`, each with whether only whitespace separates it
/// from the one before.
fn word_tokens(t: &str) -> Vec<(&str, bool)> {
    let is_word = regex_syntax::is_word_character;
    let mut tokens = Vec::new();
    let mut rest = t;
    while let Some(start) = rest.find(is_word) {
        let spaced = rest[..start].chars().all(char::is_whitespace);
        let word = &rest[start..];
        let end = word.find(|c: char| !is_word(c)).unwrap_or(word.len());
        tokens.push((&word[..end], spaced));
        rest = &word[end..];
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn chrome_lines() {
        for l in [
            "Send to a friend",
            "Printable version",
            "Subscribe now",
            "Share",
            "Print",
            "Share this article",
            "Sign up for our newsletter",
            "Subscribe to Asia News updates or change your preferences",
            "© 2021 The Valley Courier",
            "Advertisement",
            "4 min read",
        ] {
            assert!(is_chrome(l), "{l}");
        }
        for l in [
            "Tokyo and Beijing: the two Asian giants try rapprochement",
            "Shares fell sharply on Monday.",
            "Printing presses were idle for a week, the union said.",
            "Comments from the minister were not returned.",
            "Copyright law changed in 2019, and the court has since ruled twice on what it covers, and for how long.",
            "Click here and you will find that the archive is far larger than anyone had imagined.",
        ] {
            assert!(!is_chrome(l), "{l}");
        }
    }

    /// The patterns these checks replaced, as the meaning they must keep ("log in" may
    /// have any spacing, as every other phrase may).
    const CHROME: &str = r"(?ix)^(?:
            send\s+to\s+a\s+friend | e-?mail\s+(?:this|to\s+a\s+friend)(?:\s+article|\s+story)? | printable\s+version
          | print(?:\s+this)?(?:\s+(?:article|story|page))? | share(?:\s+this)?(?:\s+(?:article|story|page|on\s+\w+))?
          | tweet | facebook | twitter | whatsapp | linkedin | reddit | copy\s+link | save(?:\s+(?:article|story))?
          | subscribe(?:\s+now|\s+today|\s+here)? | sign\s+up(?:\s+now|\s+today)? | log\s*in | sign\s+in | register
          | advertisement | sponsored(?:\s+content)? | read\s+more | continue\s+reading | back\s+to\s+top
          | comments?(?:\s+\(\d+\))? | leave\s+a\s+comment | show\s+comments | related\s+topics
          | font\s+size | text\s+size | a\s+a\s+a | listen\s+to\s+this\s+article | (?:\d+\s+)?min(?:ute)?s?\s+read
          | (?:©|\(c\)|copyright)(?P<notice>.*) | all\s+rights\s+reserved\.?
          | follow\s+us(?:\s+on\s+(?P<network>.+))? | click\s+here\s+(?P<click>.*) | most\s+(?:read|popular)
        )[.!:]?$";
    const PROMPT: &str = r"(?i)\b(?:subscribe\s+to|sign\s+up\s+for|newsletter|get\s+our|delivered\s+to\s+your\s+inbox|change\s+your\s+preferences|support\s+our\s+journalism|become\s+a\s+member)\b";
    const RELATED: &str = r"(?i)^(?:see\s+also|related(?:\s+(?:articles|stories|news|coverage|content|reading))?|more\s+on\s+this(?:\s+(?:topic|story))?|further\s+reading|you\s+may\s+also\s+like|recommended(?:\s+for\s+you)?)\s*:?$";

    /// Chrome phrases in every form the patterns allow, and near misses built from them.
    const PHRASES: &[&str] = &[
        "send to a friend",
        "email this",
        "e-mail this article",
        "email to a friend story",
        "printable version",
        "print",
        "print this",
        "print this page",
        "print story",
        "share",
        "share this",
        "share this article",
        "share on Twitter",
        "share this on x_y",
        "tweet",
        "facebook",
        "twitter",
        "whatsapp",
        "linkedin",
        "reddit",
        "copy link",
        "save",
        "save article",
        "save story",
        "subscribe",
        "subscribe now",
        "subscribe today",
        "subscribe here",
        "sign up",
        "sign up now",
        "sign up today",
        "log in",
        "login",
        "sign in",
        "register",
        "advertisement",
        "sponsored",
        "sponsored content",
        "read more",
        "continue reading",
        "back to top",
        "comment",
        "comments",
        "comments (12)",
        "leave a comment",
        "show comments",
        "related topics",
        "font size",
        "text size",
        "a a a",
        "listen to this article",
        "4 min read",
        "min read",
        "12 minutes read",
        "minute read",
        "© 2024 The Courier",
        "(c) Courier",
        "copyright 2024",
        "©",
        "all rights reserved",
        "all rights reserved.",
        "follow us",
        "follow us on Mastodon",
        "click here to read more",
        "most read",
        "most popular",
        "sign up for our newsletter",
        "get our daily briefing",
        "delivered to your inbox",
        "change your preferences",
        "support our journalism",
        "become a member",
        "subscribe to River News updates",
        "see also",
        "related",
        "related stories",
        "more on this",
        "more on this topic",
        "further reading",
        "you may also like",
        "recommended",
        "recommended for you",
    ];

    /// A chrome phrase, possibly changed: a word dropped, doubled or added, spacing,
    /// punctuation and case varied, or the phrase made long with a tail.
    fn line() -> impl Strategy<Value = String> {
        let extra = prop::sample::select(vec![
            "this",
            "now",
            "on",
            "the",
            "river",
            "(3)",
            "Ōsaka",
            "x.com",
            "newsletters",
            "here",
            "to",
            "our",
        ]);
        let sep = prop::sample::select(vec![" ", " ", " ", "  ", "\t", "", ", ", "-", "\u{a0}"]);
        let end =
            prop::sample::select(vec!["", "", "", "", "", "", ".", "!", ":", " :", "?", ".."]);
        (
            prop::sample::select(PHRASES),
            0..8usize,
            0..6usize,
            extra,
            sep,
            end,
            any::<u64>(),
            0..6usize,
        )
            .prop_map(|(phrase, change, at, extra, sep, end, case, tail)| {
                let mut words: Vec<&str> = phrase.split(' ').collect();
                let at = at % (words.len() + 1);
                match change {
                    1 if words.len() > 1 => {
                        words.remove(at.min(words.len() - 1));
                    }
                    2 => words.insert(at, extra),
                    3 if !words.is_empty() => words.insert(at, words[at.min(words.len() - 1)]),
                    _ => {}
                }
                let spaced = sep != " " && case % 3 == 0;
                let mut s = words.join(if spaced { sep } else { " " });
                if tail == 0 {
                    s.push_str(" and a long tail of ordinary words");
                }
                s.push_str(end);
                s.chars()
                    .enumerate()
                    .map(|(i, c)| {
                        if case >> (i % 64) & 1 == 1 {
                            c.to_ascii_uppercase()
                        } else {
                            c
                        }
                    })
                    .collect()
            })
    }

    static OLD: std::sync::LazyLock<[regex::Regex; 3]> = std::sync::LazyLock::new(|| {
        [CHROME, PROMPT, RELATED].map(|p| regex::Regex::new(p).unwrap())
    });

    proptest::proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn words_agree_with_the_patterns_they_replaced(l in line()) {
            let [chrome, prompt, related] = &*OLD;
            let t = l.trim();
            let short_tails = |c: regex::Captures| {
                [("notice", NOTICE_MAX), ("network", NETWORK_MAX), ("click", CLICK_MAX)]
                    .iter()
                    .all(|(name, max)| c.name(name).is_none_or(|m| m.as_str().chars().count() <= *max))
            };
            let old = !t.is_empty()
                && t.chars().count() <= 120
                && (chrome.captures(t).is_some_and(short_tails)
                    || (t.len() <= 90 && prompt.is_match(t)));
            proptest::prop_assert_eq!(is_chrome(&l), old, "chrome {:?}", l);
            proptest::prop_assert_eq!(is_related_header(&l), related.is_match(t), "related {:?}", l);
        }
    }

    #[test]
    fn word_characters_are_the_patterns_word_characters() {
        let [chrome, prompt, _] = &*OLD;
        for l in [
            "newsletter\u{301}",
            "get our\u{301}",
            "newsletter²",
            "share on Cafe\u{301}",
            "share on a‿b",
            "share on a\u{200D}b",
            "share on X²",
            "share on İzmir",
            "© 2024\nX",
            "follow us on X\nY",
        ] {
            let old = chrome.is_match(l) && !l.contains('\n') || prompt.is_match(l);
            assert_eq!(is_chrome(l), old, "{l:?}");
        }
    }

    #[test]
    fn related_headers() {
        assert!(is_related_header("See also"));
        assert!(is_related_header("Related articles:"));
        assert!(!is_related_header("See also the minister's reply."));
    }
}
