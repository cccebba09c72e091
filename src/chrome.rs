//! Site chrome: the buttons, prompts and boilerplate a saved page drags along.

use crate::pattern::Pattern;
use std::sync::LazyLock;

static CHROME: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?ix)^(?:
            send\s+to\s+a\s+friend | e-?mail\s+(?:this|to\s+a\s+friend)(?:\s+article|\s+story)? | printable\s+version
          | print(?:\s+this)?(?:\s+(?:article|story|page))? | share(?:\s+this)?(?:\s+(?:article|story|page|on\s+\w+))?
          | tweet | facebook | twitter | whatsapp | linkedin | reddit | copy\s+link | save(?:\s+(?:article|story))?
          | subscribe(?:\s+now|\s+today|\s+here)? | sign\s+up(?:\s+now|\s+today)? | log\s?in | sign\s+in | register
          | advertisement | sponsored(?:\s+content)? | read\s+more | continue\s+reading | back\s+to\s+top
          | comments?(?:\s+\(\d+\))? | leave\s+a\s+comment | show\s+comments | related\s+topics
          | font\s+size | text\s+size | a\s+a\s+a | listen\s+to\s+this\s+article | (?:\d+\s+)?min(?:ute)?s?\s+read
          | (?:©|\(c\)|copyright)(?P<notice>.*) | all\s+rights\s+reserved\.?
          | follow\s+us(?:\s+on\s+(?P<network>.+))? | click\s+here\s+(?P<click>.*) | most\s+(?:read|popular)
        )[.!:]?$",
    )
});

static PROMPT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)\b(?:subscribe\s+to|sign\s+up\s+for|newsletter|get\s+our|delivered\s+to\s+your\s+inbox|change\s+your\s+preferences|support\s+our\s+journalism|become\s+a\s+member)\b",
    )
});

static RELATED: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?i)^(?:see\s+also|related(?:\s+(?:articles|stories|news|coverage|content|reading))?|more\s+on\s+this(?:\s+(?:topic|story))?|further\s+reading|you\s+may\s+also\s+like|recommended(?:\s+for\s+you)?)\s*:?$",
    )
});

/// Longest tail, in characters, after "©", "follow us on" and "click here": longer lines are prose.
/// Checked here rather than as `.{0,80}` in the pattern, whose every repeat would be compiled.
const TAILS: [(&str, usize); 3] = [("notice", 80), ("network", 40), ("click", 60)];

/// Whether a line is site chrome: a button, share link, sign-up prompt or copyright line.
pub fn is_chrome(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.chars().count() > 120 {
        return false;
    }
    let chrome = CHROME.captures(t).is_some_and(|c| {
        TAILS.iter().all(|(name, max)| {
            c.name(name)
                .is_none_or(|m| m.as_str().chars().count() <= *max)
        })
    });
    chrome || (t.len() <= 90 && PROMPT.is_match(t))
}

/// Whether a line introduces a list of related articles ("See also", "Related").
pub fn is_related_header(line: &str) -> bool {
    RELATED.is_match(line.trim())
}

/// Compiles this module's patterns now, so that the first parse does not wait for them.
pub(crate) fn warm_up() {
    for re in [&CHROME, &PROMPT, &RELATED] {
        LazyLock::force(re);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn related_headers() {
        assert!(is_related_header("See also"));
        assert!(is_related_header("Related articles:"));
        assert!(!is_related_header("See also the minister's reply."));
    }
}
