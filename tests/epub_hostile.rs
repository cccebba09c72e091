//! EPUBs from anywhere: archives that are not books, broken books and hostile zips each
//! get one clear line (from `inspect`, as from the reader), never a panic, a hang, a read
//! outside the archive or memory to match a zip bomb's promise.

mod common;
use common::epub::{Zip, container, keepers, xhtml};
use common::{Scratch, run_with};
use std::ffi::OsStr;

/// `lectern inspect` on the archive: its exit status and what it said on stderr.
fn inspect(zip: &Zip, dir: &Scratch, name: &str) -> (bool, String, String) {
    let path = dir.0.join(name);
    zip.write(&path);
    inspect_path(&path)
}

fn inspect_path(path: &std::path::Path) -> (bool, String, String) {
    let out = run_with(&[OsStr::new("inspect"), path.as_os_str()], None, &[]);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "{err}");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        err,
    )
}

/// Asserts the book is refused with one line that says `why`.
fn refused(zip: &Zip, dir: &Scratch, name: &str, why: &str) {
    let (ok, _, err) = inspect(zip, dir, name);
    assert!(!ok, "{name} opened");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.starts_with("lectern: "), "{err}");
    assert!(err.contains(name), "names the file: {err}");
    assert!(err.contains(why), "{name}: wanted {why:?} in {err}");
}

#[test]
fn archives_that_are_not_books() {
    let dir = Scratch::new("epub-not");
    std::fs::write(dir.0.join("text.epub"), "Just some words, not a zip.\n").unwrap();
    let (ok, _, err) = inspect_path(&dir.0.join("text.epub"));
    assert!(!ok);
    assert!(
        err.contains("not an EPUB: it is not a zip archive"),
        "{err}"
    );
    let photos = Zip::default().file("holiday/beach.txt", "sand");
    refused(
        &photos,
        &dir,
        "photos.epub",
        "not an EPUB: a zip archive with no",
    );
    let empty = Zip::default();
    let (ok, _, err) = inspect(&empty, &dir, "empty.epub");
    assert!(!ok && err.contains("not an EPUB"), "{err}");
}

#[test]
fn a_missing_or_broken_package_document() {
    let dir = Scratch::new("epub-package");
    let book = keepers();
    refused(
        &book.clone().without("epub/content.opf"),
        &dir,
        "no-opf.epub",
        "the package document epub/content.opf (named in META-INF/container.xml) is missing",
    );
    refused(
        &book
            .clone()
            .replace("epub/content.opf", "<package><metadata><dc:title>"),
        &dir,
        "broken-opf.epub",
        "the package document epub/content.opf is broken",
    );
    refused(
        &book.clone().replace(
            "META-INF/container.xml",
            "<container><rootfiles/></container>",
        ),
        &dir,
        "no-rootfile.epub",
        "META-INF/container.xml is broken: it names no package document",
    );
    let no_spine = r#"<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata/><manifest/><spine/></package>"#;
    refused(
        &book.clone().replace("epub/content.opf", no_spine),
        &dir,
        "no-spine.epub",
        "lists no chapters",
    );
    // Without a container, a lone package document still says it all.
    let (ok, out, _) = inspect(
        &book.without("META-INF/container.xml"),
        &dir,
        "no-container.epub",
    );
    assert!(ok);
    assert!(out.contains("The Keepers of Corran Point"));
}

#[test]
fn a_missing_chapter_is_said_where_it_was() {
    let dir = Scratch::new("epub-missing");
    let (ok, out, _) = inspect(
        &keepers().without("epub/text/chapter-1.xhtml"),
        &dir,
        "gap.epub",
    );
    assert!(ok, "the rest of the book opens");
    assert!(
        out.contains("A chapter is missing here: epub/text/chapter-1.xhtml is not in the book."),
        "{out}"
    );
    assert!(
        out.contains("In the winter of 1881"),
        "the next chapter is there"
    );
    let none = keepers()
        .without("epub/text/titlepage.xhtml")
        .without("epub/text/chapter-1.xhtml")
        .without("epub/text/chapter-2.xhtml")
        .without("epub/text/endnotes.xhtml");
    refused(
        &none,
        &dir,
        "hollow.epub",
        "none of the book's chapters could be read",
    );
}

#[test]
fn names_that_climb_out_of_the_archive() {
    let dir = Scratch::new("epub-climb");
    let outside = dir.0.join("outside.xhtml");
    std::fs::write(&outside, xhtml("Outside", "<p>SECRET OUTSIDE TEXT</p>")).unwrap();
    for (name, entry) in [
        ("slip.epub", "../outside.xhtml"),
        ("deep.epub", "epub/text/../../../outside.xhtml"),
        ("root.epub", "/etc/passwd"),
    ] {
        let book = keepers().file(entry, "<p>x</p>");
        refused(&book, &dir, name, "an entry climbs out of the archive");
    }
    // A link or a spine item that climbs out is never followed outside the archive.
    let opf = std::str::from_utf8(&keepers().files[2].1)
        .unwrap()
        .replace("text/chapter-2.xhtml", "../../outside.xhtml");
    let book = keepers()
        .replace("epub/content.opf", opf)
        .replace(
            "epub/text/chapter-1.xhtml",
            xhtml(
                "I",
                r#"<p>A <a href="../../../outside.xhtml">link out</a>.</p><img src="../../../../etc/passwd" alt="x"/>"#,
            ),
        );
    let (ok, out, _) = inspect(&book, &dir, "links-out.epub");
    assert!(ok);
    assert!(!out.contains("SECRET OUTSIDE TEXT"));
    assert!(out.contains("link out"));
}

#[test]
fn zip_bombs_and_oversized_archives() {
    let dir = Scratch::new("epub-bomb");
    let zeros = vec![b' '; 8 * 1024 * 1024];
    let bomb = keepers().replace("epub/text/chapter-1.xhtml", &zeros);
    refused(
        &bomb,
        &dir,
        "bomb.epub",
        "epub/text/chapter-1.xhtml inflates to more than 100 times its stored size",
    );
    // Stored, so the ratio is 1: the size cap itself refuses it, before inflating a byte.
    let huge = vec![b'a'; 65 * 1024 * 1024];
    let big = Zip::epub()
        .file("META-INF/container.xml", container("a.opf"))
        .stored("a.opf", &huge);
    refused(&big, &dir, "huge.epub", "a.opf inflates to more than 64 MB");
    let mut many = keepers();
    for i in 0..20_001 {
        many = many.stored(&format!("epub/images/{i}.txt"), "");
    }
    refused(&many, &dir, "many.epub", "20");
    let (_, _, err) = inspect(&many, &dir, "many2.epub");
    assert!(err.contains("entries, more than the 20000"), "{err}");
}

#[test]
fn drm_and_damaged_entries() {
    let dir = Scratch::new("epub-drm");
    let encryption = r#"<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
<enc:EncryptedData><enc:CipherData><enc:CipherReference URI="epub/text/chapter-1.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>"#;
    refused(
        &keepers().file("META-INF/encryption.xml", encryption),
        &dir,
        "drm.epub",
        "DRM-protected",
    );
    // Fonts obfuscated for licensing are not DRM.
    let fonts = encryption.replace("epub/text/chapter-1.xhtml", "epub/fonts/a.otf");
    let (ok, _, _) = inspect(
        &keepers().file("META-INF/encryption.xml", fonts),
        &dir,
        "fonts.epub",
    );
    assert!(ok);
    // A chapter whose bytes were damaged after zipping fails its check: said in its place.
    let marker = "DAMAGED-CHAPTER-MARKER";
    let chapter = xhtml("I", &format!("<p>{marker} and more words.</p>"));
    let mut bytes = keepers()
        .without("epub/text/chapter-1.xhtml")
        .stored("epub/text/chapter-1.xhtml", &chapter)
        .bytes();
    let at = bytes
        .windows(marker.len())
        .position(|w| w == marker.as_bytes())
        .expect("stored text is in the archive");
    bytes[at] = b'X';
    let path = dir.0.join("damaged.epub");
    std::fs::write(&path, bytes).unwrap();
    let (ok, out, err) = inspect_path(&path);
    assert!(ok, "{err}");
    assert!(
        out.contains("A chapter could not be read here: epub/text/chapter-1.xhtml"),
        "{out}"
    );
}

#[test]
fn broken_content_is_read_as_a_browser_would() {
    let dir = Scratch::new("epub-tagsoup");
    let soup = "<html><body><p>Unclosed <b>bold<p>Second &amp; last &nbsp; paragraph<br></body>";
    let (ok, out, _) = inspect(
        &keepers().replace("epub/text/chapter-1.xhtml", soup),
        &dir,
        "soup.epub",
    );
    assert!(ok);
    assert!(out.contains("Unclosed bold"), "{out}");
    assert!(out.contains("Second & last"), "{out}");
    let selfclosed = xhtml(
        "I",
        r#"<p>Before<a id="page-4"/> the anchor, and <span/> after.</p><p>Next.</p>"#,
    );
    let (ok, out, _) = inspect(
        &keepers().replace("epub/text/chapter-1.xhtml", selfclosed),
        &dir,
        "selfclosed.epub",
    );
    assert!(ok);
    assert!(
        out.contains("\"Before the anchor, and after.\""),
        "a self-closed anchor swallows nothing: {out}"
    );
}
