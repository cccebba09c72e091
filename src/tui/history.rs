//! Patterns typed before, recalled with ↑ and ↓ in a prompt, newest last.

/// Patterns remembered at most.
pub const KEEP: usize = 100;

/// Earlier patterns and where ↑/↓ has got to among them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    items: Vec<String>,
    recall: Option<usize>,
}

impl History {
    /// A history of these patterns, oldest first.
    pub fn new(items: Vec<String>) -> Self {
        History {
            items,
            recall: None,
        }
    }

    /// The patterns, oldest first.
    pub fn items(&self) -> &[String] {
        &self.items
    }

    /// The newest pattern.
    pub fn last(&self) -> Option<&str> {
        self.items.last().map(String::as_str)
    }

    /// Adds a pattern as the newest (once: an earlier copy goes), forgetting the oldest
    /// past `KEEP`; recall starts again from the newest.
    pub fn remember(&mut self, pattern: &str) {
        self.items.retain(|p| p != pattern);
        self.items.push(pattern.to_string());
        let over = self.items.len().saturating_sub(KEEP);
        self.items.drain(..over);
        self.recall = None;
    }

    /// ↑ (`back`) or ↓: the pattern to show, empty past the newest; `None` when there is
    /// nowhere to go.
    pub fn step(&mut self, back: bool) -> Option<String> {
        let n = self.items.len();
        let to = match (self.recall, back) {
            (None, true) => Some(n.checked_sub(1)?),
            (Some(i), true) => Some(i.checked_sub(1)?),
            (Some(i), false) => (i + 1 < n).then_some(i + 1),
            (None, false) => return None,
        };
        self.recall = to;
        Some(to.map_or(String::new(), |i| self.items[i].clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn up_goes_back_down_comes_forward_to_an_empty_line() {
        let mut h = History::new(vec!["a".into(), "b".into()]);
        assert_eq!(h.step(false), None);
        assert_eq!(h.step(true).as_deref(), Some("b"));
        assert_eq!(h.step(true).as_deref(), Some("a"));
        assert_eq!(h.step(true), None, "nothing older");
        assert_eq!(h.step(false).as_deref(), Some("b"));
        assert_eq!(h.step(false).as_deref(), Some(""));
        h.remember("a");
        assert_eq!(h.items(), ["b", "a"]);
        for i in 0..KEEP + 5 {
            h.remember(&i.to_string());
        }
        assert_eq!(h.items().len(), KEEP);
        assert_eq!(h.last(), Some((KEEP + 4).to_string().as_str()));
    }
}
