//! Articles that arrive on a stream (standard input) instead of from a named file: read
//! with the same size cap and checks, their format told from the text itself.

use super::{LoadError, MAX_BYTES, Source, head_article, sniff};
use crate::article::Article;
use crate::decode::{self, DecodeError};
use std::io::Read;
use std::path::PathBuf;

/// Reads a whole stream, at most `MAX_BYTES`: a larger one is refused without reading on.
pub fn read_capped(input: impl Read, name: &str) -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::new();
    input
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::Unreadable(name.to_string(), e))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(LoadError::TooLargeStream(name.to_string(), MAX_BYTES >> 20));
    }
    Ok(bytes)
}

impl Source {
    /// Decodes bytes that came without a file name; the format is sniffed from the text.
    pub fn from_bytes(bytes: &[u8], name: &str) -> Result<Source, LoadError> {
        let decoded = decode::decode(bytes).map_err(|e| match e {
            DecodeError::Empty => LoadError::EmptyStream(name.to_string()),
            e => LoadError::Decode(name.to_string(), e),
        })?;
        Ok(Source {
            format: sniff::sniff(&decoded.text),
            text: decoded.text,
            encoding: decoded.encoding,
        })
    }
}

/// The beginning of a long text held in memory, as `load_start` gives a long file's: its
/// first `bytes` parsed on their own, when it is longer than `longer_than`.
pub fn start_of(all: &[u8], longer_than: u64, bytes: usize) -> Option<Article> {
    let len = all.len() as u64;
    if super::epub::sniff(all) {
        return super::epub::start_of_bytes(all, longer_than, bytes);
    }
    if len <= longer_than.max(2 * bytes as u64) {
        return None;
    }
    let head = &all[..bytes];
    let decoded = decode::decode_start(head)?;
    let format = sniff::sniff(&decoded.text);
    head_article(decoded, format)
}

/// Where the whole of an article whose beginning is shown is read from.
#[derive(Debug)]
pub enum Deferred {
    /// A file, read again from the start.
    File(PathBuf),
    /// Bytes already read from a stream, with the name to give in errors.
    Bytes(Vec<u8>, String),
}

impl Deferred {
    /// Reads, decodes and parses the whole article.
    pub fn load(self) -> Result<Article, LoadError> {
        match self {
            Deferred::File(path) => super::load(&path),
            Deferred::Bytes(bytes, name) => super::load_bytes(&bytes, &name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Format;

    #[test]
    fn a_stream_is_read_decoded_and_sniffed() {
        let bytes = read_capped(
            &b"# Notes\n\nSee [the map](https://example.org).\n"[..],
            "in",
        )
        .unwrap();
        let source = Source::from_bytes(&bytes, "in").unwrap();
        assert_eq!(source.format, Format::Markdown);
        assert_eq!(source.parse().meta.title.as_deref(), Some("Notes"));
    }

    #[test]
    fn empty_and_binary_streams_are_refused_with_their_name() {
        let empty = Source::from_bytes(b"", "standard input").unwrap_err();
        assert_eq!(
            empty.to_string(),
            "standard input is empty: there is no article to read"
        );
        let binary = Source::from_bytes(b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0", "in");
        assert!(binary.unwrap_err().to_string().contains("binary"));
    }

    #[test]
    fn a_stream_over_the_cap_is_refused_without_reading_it_all() {
        let endless = std::io::repeat(b'a');
        let err = read_capped(endless, "standard input").unwrap_err();
        assert!(err.to_string().contains("too large"), "{err}");
    }

    #[test]
    fn the_start_of_long_bytes_is_parsed_alone_and_marked_partial() {
        let para = "A line of the article that goes on for a while.\n\n";
        let all = para.repeat(2000);
        let start = start_of(all.as_bytes(), 1024, 4096).expect("long enough");
        assert!(start.partial);
        assert!(start.blocks.len() < 2000 / 10);
        assert!(start_of(para.as_bytes(), 1024, 4096).is_none());
        let whole = Deferred::Bytes(all.into_bytes(), "in".into())
            .load()
            .unwrap();
        assert!(!whole.partial);
        assert_eq!(whole.blocks.len(), 2000);
    }
}
