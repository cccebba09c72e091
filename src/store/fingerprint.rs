//! An article's identity: a hash of its normalised words, so it survives moves and renames.

use crate::article::Article;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A stable hash of an article's normalised text, as 16 hex digits.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Fingerprint(pub String);

impl Fingerprint {
    /// The fingerprint of an article: its title and body text.
    pub fn of(article: &Article) -> Fingerprint {
        let title = article.meta.title.as_deref().into_iter();
        let body = article.blocks.iter().map(|b| b.text.as_str());
        Fingerprint::of_texts(title.chain(body))
    }

    /// The fingerprint of some pieces of text, read as one run of words.
    ///
    /// Only lowercase alphanumeric words count, so re-wrapping, punctuation fixes
    /// and a different encoding of the same text keep the identity.
    pub fn of_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Fingerprint {
        let mut h = Fnv::new();
        let mut pending_space = false;
        for text in texts {
            for c in text.chars() {
                if c.is_alphanumeric() {
                    if pending_space {
                        h.write(b" ");
                        pending_space = false;
                    }
                    for lower in c.to_lowercase() {
                        h.write(lower.encode_utf8(&mut [0; 4]).as_bytes());
                    }
                } else if h.written {
                    pending_space = true;
                }
            }
            pending_space |= h.written;
        }
        Fingerprint(format!("{:016x}", h.hash))
    }

    /// The hex digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// FNV-1a, 64 bits: written out here because std's hashers may change between Rust
/// versions and are seeded per process, and a fingerprint must never change.
pub(crate) struct Fnv {
    hash: u64,
    written: bool,
}

impl Fnv {
    pub(crate) fn new() -> Self {
        Fnv {
            hash: 0xcbf2_9ce4_8422_2325,
            written: false,
        }
    }

    pub(crate) fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.hash ^= u64::from(b);
            self.hash = self.hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.written |= !bytes.is_empty();
    }

    pub(crate) fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_matches_the_published_test_vectors() {
        let hash = |s: &str| {
            let mut h = Fnv::new();
            h.write(s.as_bytes());
            h.finish()
        };
        assert_eq!(hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(hash("foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn only_words_count() {
        let a = Fingerprint::of_texts(["The Harbour,", "thaws\n  at  last!"]);
        let b = Fingerprint::of_texts(["the harbour thaws at last"]);
        assert_eq!(a, b);
        assert_ne!(a, Fingerprint::of_texts(["the harbour thaws at least"]));
        assert_ne!(
            Fingerprint::of_texts(["ab", "c"]),
            Fingerprint::of_texts(["abc"])
        );
    }

    #[test]
    fn the_value_never_changes() {
        assert_eq!(
            Fingerprint::of_texts(["Hello, world"]).as_str(),
            "779a65e7023cd2e7"
        );
    }
}
