//! Bytes to clean text: BOM, declared charset, detection of legacy encodings,
//! and neutralising of control characters so article text can never drive the terminal.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Why a file could not be turned into text.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes look like a binary file, not text.
    #[error("this looks like a binary file, not an article")]
    Binary,
    /// Nothing but whitespace.
    #[error("the file is empty")]
    Empty,
}

/// Text decoded from bytes, with the name of the encoding used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// Sanitised text with `\n` line ends.
    pub text: String,
    /// Encoding name as encoding_rs spells it (`UTF-8`, `windows-1252`…).
    pub encoding: &'static str,
}

/// Decodes article bytes: a BOM wins, then a declared charset (for HTML/XML), then
/// valid UTF-8, then detection. Line ends become `\n`; control characters are neutralised.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let (encoding, body) = match Encoding::for_bom(bytes) {
        Some((enc, bom_len)) => (enc, &bytes[bom_len..]),
        None => {
            if looks_binary(bytes) {
                return Err(DecodeError::Binary);
            }
            (detect(bytes), bytes)
        }
    };
    let (text, _) = encoding.decode_without_bom_handling(body);
    let text = sanitize(&text);
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
    })
}

/// Decodes the start of a longer text, cut after its last line break so that no character
/// is split; `None` when that cannot be done safely (UTF-16, no line break) or is not text.
pub fn decode_start(bytes: &[u8]) -> Option<Decoded> {
    let bom = Encoding::for_bom(bytes).map(|(enc, _)| enc);
    if bom.is_some_and(|enc| enc != UTF_8) || utf16_without_bom(bytes).is_some() {
        return None;
    }
    // A line feed byte never occurs inside a multi-byte character in any encoding read
    // here except UTF-16, so cutting after one leaves whole characters.
    let end = bytes.iter().rposition(|&b| b == b'\n')?;
    decode(&bytes[..=end]).ok()
}

fn detect(bytes: &[u8]) -> &'static Encoding {
    if let Some(enc) = declared_charset(bytes) {
        return enc;
    }
    // UTF-16 text without a BOM is often valid UTF-8 too (ASCII plus NULs), so it goes first.
    if let Some(enc) = utf16_without_bom(bytes) {
        return enc;
    }
    if std::str::from_utf8(bytes).is_ok() || mostly_utf8(bytes) {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// UTF-8 with a few stray bytes (one mis-pasted character, a raw C1 control) is still UTF-8:
/// handing it to detection would decode every real multi-byte character as a legacy code
/// page and garble it. Valid multi-byte characters must outnumber the bad runs two to one.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    good >= 2 && good >= 2 * bad
}

/// `<meta charset=…>`, `<meta http-equiv… content="…charset=…">` or `<?xml … encoding=…?>`
/// in the first 2 KiB. A declared UTF-16 is ignored: the bytes were read as ASCII to find it.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    for key in ["charset=", "encoding="] {
        let mut from = 0;
        while let Some(i) = head[from..].find(key) {
            let rest = &head[from + i + key.len()..];
            let rest = rest.trim_start_matches(['"', '\'', ' ']);
            let label: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
                .collect();
            if let Some(enc) = Encoding::for_label(label.as_bytes())
                && enc != UTF_16BE
                && enc != UTF_16LE
            {
                // Text that is valid UTF-8 but declared otherwise is almost always UTF-8 that was re-saved.
                if enc != UTF_8 && std::str::from_utf8(bytes).is_ok() && !bytes.is_ascii() {
                    return Some(UTF_8);
                }
                return Some(enc);
            }
            from += i + key.len();
        }
    }
    None
}

/// UTF-16 without a BOM shows as every other byte being NUL in ASCII-range text.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_nul * 10 > pairs * 7 && even_nul * 10 < pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 > pairs * 7 && odd_nul * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Binary if the first 8 KiB hold NUL bytes (outside UTF-16) or are mostly control bytes.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.is_empty() || utf16_without_bom(bytes).is_some() {
        return false;
    }
    let nuls = sample.iter().filter(|&&b| b == 0).count();
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    nuls * 100 > sample.len() || controls * 10 > sample.len()
}

/// Normalises line ends and replaces every control character, C1 control and bidi
/// override with a visible placeholder. Tabs become spaces; form feeds become blank lines.
pub fn sanitize(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    // Clean runs are copied whole: this runs over every byte of every article before the
    // first frame, and nearly all of them are plain printable ASCII.
    let mut clean_from = 0;
    let mut i = 0;
    let plain = |b: u8| (b' '..0x7f).contains(&b) | (b == b'\n');
    while i < bytes.len() {
        // Sixteen bytes at a time, tested without branches so the compiler can use vector
        // instructions: a third of the processor time this function took, byte by byte.
        if let Some(chunk) = bytes.get(i..i + 16)
            && chunk.iter().fold(true, |all, &b| all & plain(b))
        {
            i += 16;
            continue;
        }
        if plain(bytes[i]) {
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or('\u{fffd}');
        let next = i + c.len_utf8();
        let replacement = match c {
            '\r' if bytes.get(next) == Some(&b'\n') => Some(""),
            '\r' => Some("\n"),
            '\t' => Some("    "),
            '\u{0c}' => Some("\n\n"),
            '\u{feff}' | '\u{200b}' | '\u{00ad}' => Some(""),
            c if neutralise(c) != c => None,
            _ => {
                i = next;
                continue;
            }
        };
        out.push_str(&text[clean_from..i]);
        match replacement {
            Some(s) => out.push_str(s),
            None => out.push(neutralise(c)),
        }
        i = next;
        clean_from = next;
    }
    out.push_str(&text[clean_from..]);
    out
}

/// The visible stand-in for a character that must not reach the terminal, or the character itself.
pub fn neutralise(c: char) -> char {
    match c {
        // C0 controls and DEL become their Control Pictures (␀ … ␛ … ␡).
        '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        // C1 controls, bidi embeddings/overrides/isolates, line/paragraph separators.
        '\u{80}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{206a}'..='\u{206f}'
        | '\u{fff9}'..='\u{fffb}' => '\u{fffd}',
        c => c,
    }
}

/// Characters with no width and no look of their own (word joiners, invisible operators):
/// kept in the text, where they steer line breaking, but never drawn, since a terminal may
/// show them as a box. Joiners that shape a script or an emoji (U+200C, U+200D) are drawn.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{2060}'..='\u{2064}' | '\u{180e}' | '\u{200b}' | '\u{feff}'
    )
}

/// Whether a string is safe to hand to the terminal: no character that `neutralise` would change.
pub fn is_clean(text: &str) -> bool {
    text.chars().all(|c| neutralise(c) == c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_bidi_are_neutralised() {
        let hostile = "a\u{1b}]52;c;ZXZpbA==\u{07}b\u{1b}[2Jc\u{9b}d\0e\u{202e}f";
        let clean = sanitize(hostile);
        assert!(is_clean(&clean));
        assert!(!clean.contains('\u{1b}'));
        assert_eq!(clean, "a␛]52;c;ZXZpbA==␇b␛[2Jc\u{fffd}d␀e\u{fffd}f");
    }

    #[test]
    fn a_control_character_is_caught_at_every_place_in_a_run_of_plain_text() {
        // Plain runs are skipped sixteen bytes at a time: whatever the offset of the one
        // character that is not plain, it is replaced, and a CR LF split across two runs
        // stays one line end.
        let plain = "abcdefghij klmnopqrstuvwxyz\nABCDEFGHIJKLMN";
        for at in 0..=plain.len() {
            for (bad, shown) in [
                ("\u{1b}", "␛"),
                ("\u{9b}", "\u{fffd}"),
                ("\r\n", "\n"),
                ("é", "é"),
            ] {
                let text = format!("{}{bad}{}", &plain[..at], &plain[at..]);
                let want = format!("{}{shown}{}", &plain[..at], &plain[at..]);
                assert_eq!(sanitize(&text), want, "at {at}");
            }
        }
    }

    #[test]
    fn crlf_and_cr_become_lf() {
        assert_eq!(sanitize("a\r\nb\rc\n"), "a\nb\nc\n");
    }

    #[test]
    fn utf8_bom_is_dropped() {
        let d = decode(b"\xef\xbb\xbfHello").unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Hello", "UTF-8"));
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let mut le = vec![0xff, 0xfe];
        for u in "Caf\u{e9} au lait".encode_utf16() {
            le.extend(u.to_le_bytes());
        }
        assert_eq!(decode(&le).unwrap().text, "Café au lait");
        assert_eq!(decode(&le[2..]).unwrap().encoding, "UTF-16LE");
    }

    #[test]
    fn windows_1252_is_detected() {
        let bytes = b"\x93Quoted,\x94 he said \x96 it\x92s the caf\xe9 on the corner, and we went there every day.";
        let d = decode(bytes).unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.starts_with("“Quoted,” he said – it’s the café"));
    }

    #[test]
    fn utf8_with_a_stray_byte_stays_utf8() {
        let mut bytes = "PORT ELLIS — a raw ".as_bytes().to_vec();
        bytes.extend(b"\x9b byte and an override \xe2\x80\xae.");
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(
            d.text,
            "PORT ELLIS — a raw \u{fffd} byte and an override \u{fffd}."
        );
    }

    #[test]
    fn declared_charset_is_used() {
        let d =
            decode(b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body></html>")
                .unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.contains("café"));
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert_eq!(
            decode(b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0"),
            Err(DecodeError::Binary)
        );
        assert_eq!(decode(b"  \n\n "), Err(DecodeError::Empty));
    }
}
