//! The EPUB container: a zip archive from anywhere, read within limits. Nothing is ever
//! written, entries are only ever looked up by their names inside the archive, and no
//! entry may inflate past a size, a ratio or a total, so a hostile file cannot reach
//! outside the archive, fill memory or keep the processor busy for minutes.

use super::EpubError;
use std::io::{Read, Seek, SeekFrom};
use zip::ZipArchive;
use zip::result::ZipError;

/// Largest EPUB file opened. Books with many pictures run to hundreds of megabytes; only
/// their text is ever inflated.
pub const MAX_ARCHIVE_BYTES: u64 = 512 * 1024 * 1024;
/// Most entries an archive may list: real books have tens to a few thousand.
pub const MAX_ENTRIES: usize = 20_000;
/// Largest central directory read, which bounds what listing the entries costs.
pub const MAX_DIRECTORY_BYTES: u64 = 16 * 1024 * 1024;
/// Largest one entry may inflate to.
pub const MAX_ENTRY_BYTES: u64 = 64 * 1024 * 1024;
/// Most that all the entries read for one book may inflate to together.
pub const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;
/// How many times its stored size an entry may inflate to, once past `RATIO_FREE` bytes.
/// Text deflates to a fifth or so; a zip bomb to a thousandth.
pub const MAX_RATIO: u64 = 100;
/// Inflated bytes allowed before the ratio is checked, so small, very regular files
/// (a stylesheet of blank lines) pass.
const RATIO_FREE: u64 = 1024 * 1024;

/// An open archive and what has been inflated from it so far.
pub struct Archive<R: Read + Seek> {
    zip: ZipArchive<R>,
    inflated: u64,
}

impl<R: Read + Seek> Archive<R> {
    /// Opens a zip archive, refusing one whose listing is too big to read safely or that
    /// names an entry outside itself.
    pub fn open(mut reader: R) -> Result<Self, EpubError> {
        let len = reader.seek(SeekFrom::End(0)).map_err(EpubError::Io)?;
        if len > MAX_ARCHIVE_BYTES {
            return Err(EpubError::TooLarge(len >> 20, MAX_ARCHIVE_BYTES >> 20));
        }
        check_directory(&mut reader, len)?;
        reader.seek(SeekFrom::Start(0)).map_err(EpubError::Io)?;
        let zip = ZipArchive::new(reader).map_err(|e| match e {
            ZipError::Io(e) => EpubError::Io(e),
            ZipError::UnsupportedArchive(what) => EpubError::Unsupported(String::new(), what),
            _ => EpubError::NotZip,
        })?;
        if zip.len() > MAX_ENTRIES {
            return Err(EpubError::TooManyEntries(zip.len()));
        }
        if let Some(bad) = zip.file_names_raw().find(|n| climbs_out(n)) {
            return Err(EpubError::Climbs(String::from_utf8_lossy(bad).into_owned()));
        }
        Ok(Archive { zip, inflated: 0 })
    }

    /// The size an entry says it inflates to (which may lie: `read` holds to the limits).
    pub fn declared_size(&self, name: &str) -> Option<u64> {
        let i = self.zip.index_for_name(name)?;
        self.zip.by_index_data(i).ok().map(|f| f.size())
    }

    /// The names of every entry.
    pub fn names(&self) -> impl Iterator<Item = String> + '_ {
        self.zip
            .file_names()
            .filter_map(|n| n.ok().map(|n| n.into_owned()))
    }

    /// Inflates one entry, within the limits.
    pub fn read(&mut self, name: &str) -> Result<Vec<u8>, EpubError> {
        self.read_prefix(name, u64::MAX)
    }

    /// Inflates the first `max` bytes of an entry (all of it when shorter), within the
    /// limits: the start of a long chapter costs no more than the start.
    pub fn read_prefix(&mut self, name: &str, max: u64) -> Result<Vec<u8>, EpubError> {
        let shown = || name.to_string();
        let mut file = match self.zip.by_name(name) {
            Ok(f) => f,
            Err(ZipError::FileNotFound) => return Err(EpubError::Missing(shown())),
            Err(ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED)) => {
                return Err(EpubError::Encrypted);
            }
            Err(ZipError::CompressionMethodNotSupported(_)) => {
                return Err(EpubError::Unsupported(
                    shown(),
                    "a compression method other than deflate",
                ));
            }
            Err(ZipError::UnsupportedArchive(what)) => {
                return Err(EpubError::Unsupported(shown(), what));
            }
            Err(ZipError::Io(e)) => return Err(EpubError::Io(e)),
            Err(e) => return Err(EpubError::Damaged(shown(), e.to_string())),
        };
        if file.encrypted() {
            return Err(EpubError::Encrypted);
        }
        let stored = file.compressed_size();
        if file.size() > MAX_ENTRY_BYTES {
            return Err(EpubError::EntryTooLarge(shown(), MAX_ENTRY_BYTES >> 20));
        }
        let mut out = Vec::with_capacity(file.size().min(RATIO_FREE) as usize);
        let mut chunk = vec![0u8; 64 * 1024];
        loop {
            let n = match file.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(EpubError::Damaged(shown(), e.to_string())),
            };
            out.extend_from_slice(&chunk[..n]);
            let got = out.len() as u64;
            // The sizes an archive declares can lie: the limits hold for what comes out.
            if got > MAX_ENTRY_BYTES {
                return Err(EpubError::EntryTooLarge(shown(), MAX_ENTRY_BYTES >> 20));
            }
            if got > RATIO_FREE && got > stored.saturating_mul(MAX_RATIO) {
                return Err(EpubError::Bomb(shown(), MAX_RATIO));
            }
            if self.inflated + got > MAX_TOTAL_BYTES {
                return Err(EpubError::TotalTooLarge(MAX_TOTAL_BYTES >> 20));
            }
            if got >= max {
                break;
            }
        }
        self.inflated += out.len() as u64;
        Ok(out)
    }
}

/// An entry name that would climb out of the archive if it were ever unpacked: absolute,
/// with a drive letter, or with a `..` part.
fn climbs_out(name: &[u8]) -> bool {
    let absolute = name.starts_with(b"/") || name.starts_with(b"\\") || name.get(1) == Some(&b':');
    absolute
        || name
            .split(|&b| b == b'/' || b == b'\\')
            .any(|part| part == b"..")
}

/// Reads every end-of-directory record in the archive's tail, as the zip reader will,
/// and refuses the archive when any of them lists more entries or a bigger directory than
/// a book needs, or is a ZIP64 record: the reader sets memory aside by those figures
/// before it checks them against the entries really there.
fn check_directory<R: Read + Seek>(reader: &mut R, len: u64) -> Result<(), EpubError> {
    const RECORD: usize = 22;
    const SIGNATURE: &[u8] = b"PK\x05\x06";
    const ZIP64_LOCATOR: &[u8] = b"PK\x06\x07";
    let tail_len = len.min((RECORD + 4 + 0xffff + 20) as u64);
    let start = len - tail_len;
    reader.seek(SeekFrom::Start(start)).map_err(EpubError::Io)?;
    let mut tail = vec![0u8; tail_len as usize];
    reader.read_exact(&mut tail).map_err(EpubError::Io)?;
    let u16_at = |i: usize| u64::from(u16::from_le_bytes([tail[i], tail[i + 1]]));
    let u32_at = |i: usize| {
        u64::from(u32::from_le_bytes([
            tail[i],
            tail[i + 1],
            tail[i + 2],
            tail[i + 3],
        ]))
    };
    let mut found = false;
    for at in (0..tail.len().saturating_sub(RECORD - 1)).rev() {
        if &tail[at..at + 4] != SIGNATURE {
            continue;
        }
        let comment = u16_at(at + 20);
        if start + at as u64 + RECORD as u64 + comment > len {
            continue;
        }
        found = true;
        let entries = u16_at(at + 10);
        let directory = u32_at(at + 12);
        let zip64 = at >= 20 && &tail[at - 20..at - 16] == ZIP64_LOCATOR;
        if zip64 {
            return Err(EpubError::Unsupported(
                String::new(),
                "ZIP64 (archives over 4 GB or with 65,535 entries)",
            ));
        }
        // Like the reader, count only the entries the directory has room for.
        if entries.min(directory / 46) as usize > MAX_ENTRIES {
            return Err(EpubError::TooManyEntries(entries as usize));
        }
        if directory > MAX_DIRECTORY_BYTES {
            return Err(EpubError::DirectoryTooLarge(directory >> 20));
        }
    }
    if !found {
        return Err(EpubError::NotZip);
    }
    Ok(())
}

/// Resolves a link written in the entry `base` to an entry name and a fragment, as a
/// browser resolves a relative address: `None` for an address outside the book (a web
/// address, `mailto:`) or one that climbs above the archive's root.
pub fn resolve(base: &str, href: &str) -> Option<(String, Option<String>)> {
    let href = href.trim();
    if has_scheme(href) || href.starts_with("//") {
        return None;
    }
    let (path, fragment) = match href.split_once('#') {
        Some((p, f)) => (p, Some(percent_decode(f))),
        None => (href, None),
    };
    let path = path.split(['?']).next().unwrap_or("");
    if path.is_empty() {
        return Some((base.to_string(), fragment.filter(|f| !f.is_empty())));
    }
    let path = percent_decode(path);
    let mut parts: Vec<&str> = if path.starts_with('/') {
        Vec::new()
    } else {
        base.split('/').collect()
    };
    if !path.starts_with('/') {
        parts.pop();
    }
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some((parts.join("/"), fragment.filter(|f| !f.is_empty())))
}

/// `http:`, `mailto:`, `data:`… — an address that names its own scheme.
pub fn has_scheme(href: &str) -> bool {
    let Some((scheme, _)) = href.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// `%20` and the like decoded, as UTF-8 (an invalid sequence becomes U+FFFD).
fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).and_then(|&b| hex(b)),
                bytes.get(i + 2).and_then(|&b| hex(b)),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_resolve_inside_the_book_and_never_above_it() {
        let base = "OEBPS/Text/chapter-1.xhtml";
        let r = |h| resolve(base, h);
        assert_eq!(
            r("notes.xhtml#n1"),
            Some(("OEBPS/Text/notes.xhtml".into(), Some("n1".into())))
        );
        assert_eq!(
            r("../Images/stripes.png"),
            Some(("OEBPS/Images/stripes.png".into(), None))
        );
        assert_eq!(r("#r1"), Some((base.into(), Some("r1".into()))));
        assert_eq!(
            r("./a%20b.xhtml"),
            Some(("OEBPS/Text/a b.xhtml".into(), None))
        );
        assert_eq!(r("../../../etc/passwd"), None, "climbs above the root");
        assert_eq!(r("https://example.org/#x"), None);
        assert_eq!(r("mailto:someone@example.org"), None);
        assert_eq!(r("//example.org/x"), None);
    }

    #[test]
    fn entry_names_that_climb_out_are_caught() {
        for bad in [
            "../evil.xhtml",
            "a/../../b",
            "/etc/passwd",
            "C:\\x",
            "a\\..\\..\\b",
        ] {
            assert!(climbs_out(bad.as_bytes()), "{bad}");
        }
        for good in ["OEBPS/a..b.xhtml", "mimetype", "epub/text/..hidden"] {
            assert!(!climbs_out(good.as_bytes()), "{good}");
        }
    }
}
