//! Small EPUBs written by code, for the tests: an EPUB 3 book in the shapes Standard
//! Ebooks uses (navigation document, endnotes file, hgroup titles, an aside note, notes
//! on notes), an EPUB 2 book in the older shapes (NCX, roles as attributes, plain links
//! into a notes file, a note in the same file, a Latin-1 chapter), and a builder for
//! hostile archives. All the text is written for these tests.

use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// The files of an archive, in order, each stored or deflated.
#[derive(Debug, Clone, Default)]
pub struct Zip {
    /// (name, bytes, stored).
    pub files: Vec<(String, Vec<u8>, bool)>,
}

impl Zip {
    /// An archive that starts as every EPUB does: `mimetype`, stored.
    pub fn epub() -> Self {
        Zip::default().stored("mimetype", b"application/epub+zip")
    }

    /// Adds a deflated file.
    pub fn file(mut self, name: &str, bytes: impl AsRef<[u8]>) -> Self {
        self.files
            .push((name.to_string(), bytes.as_ref().to_vec(), false));
        self
    }

    /// Adds a stored (uncompressed) file.
    pub fn stored(mut self, name: &str, bytes: impl AsRef<[u8]>) -> Self {
        self.files
            .push((name.to_string(), bytes.as_ref().to_vec(), true));
        self
    }

    /// Drops the file of that name.
    pub fn without(mut self, name: &str) -> Self {
        self.files.retain(|(n, _, _)| n != name);
        self
    }

    /// Replaces the file of that name, keeping its place.
    pub fn replace(mut self, name: &str, bytes: impl AsRef<[u8]>) -> Self {
        for f in &mut self.files {
            if f.0 == name {
                f.1 = bytes.as_ref().to_vec();
            }
        }
        self
    }

    /// The archive's bytes.
    pub fn bytes(&self) -> Vec<u8> {
        let mut w = ZipWriter::new(Cursor::new(Vec::new()));
        for (name, bytes, stored) in &self.files {
            let method = if *stored {
                CompressionMethod::Stored
            } else {
                CompressionMethod::Deflated
            };
            let opts = SimpleFileOptions::default()
                .compression_method(method)
                .large_file(bytes.len() > u32::MAX as usize);
            w.start_file(name.as_str(), opts).unwrap();
            w.write_all(bytes).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    /// Writes the archive to `path`.
    pub fn write(&self, path: &std::path::Path) {
        std::fs::write(path, self.bytes()).unwrap();
    }
}

/// `META-INF/container.xml` naming the package document.
pub fn container(opf: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="{opf}" media-type="application/oebps-package+xml"/></rootfiles>
</container>"#
    )
}

/// An XHTML content document around `body`.
pub fn xhtml(title: &str, body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="en-GB">
<head><title>{title}</title><link href="../css/book.css" rel="stylesheet" type="text/css"/></head>
<body>
{body}
</body>
</html>"#
    )
}

const KEEPERS_OPF: &str = r##"<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="en-GB">
 <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
  <dc:identifier id="uid">urn:lectern:test:keepers</dc:identifier>
  <dc:title id="full">The Keepers of Corran Point: Being a Record of the Light</dc:title>
  <meta property="title-type" refines="#full">extended</meta>
  <dc:title id="title">The Keepers of Corran Point</dc:title>
  <meta property="title-type" refines="#title">main</meta>
  <dc:title id="sub">Being a Record of the Light</dc:title>
  <meta property="title-type" refines="#sub">subtitle</meta>
  <dc:creator id="author-1">Morag Innes</dc:creator>
  <meta property="role" refines="#author-1" scheme="marc:relators">aut</meta>
  <dc:creator id="author-2">Tomas Reyes</dc:creator>
  <meta property="role" refines="#author-2" scheme="marc:relators">aut</meta>
  <dc:contributor id="translator">Ilse Brandt</dc:contributor>
  <meta property="role" refines="#translator" scheme="marc:relators">ann</meta>
  <meta property="role" refines="#translator" scheme="marc:relators">trl</meta>
  <dc:contributor id="producer">Ro Quill</dc:contributor>
  <meta property="role" refines="#producer" scheme="marc:relators">bkp</meta>
  <dc:date>2021-09-14T08:00:00Z</dc:date>
  <meta property="dcterms:modified">2022-01-02T03:04:05Z</meta>
  <dc:language>en-GB</dc:language>
  <dc:publisher id="publisher">Harbour Lantern Press</dc:publisher>
  <dc:description id="description">A short history of a lighthouse and its keepers.</dc:description>
  <meta id="long-description" property="se:long-description" refines="#description">&lt;p&gt;Not shown.&lt;/p&gt;</meta>
 </metadata>
 <manifest>
  <item id="toc" href="toc.xhtml" media-type="application/xhtml+xml" properties="nav"/>
  <item id="css" href="css/book.css" media-type="text/css"/>
  <item id="logo" href="images/logo.svg" media-type="image/svg+xml"/>
  <item id="titlepage" href="text/titlepage.xhtml" media-type="application/xhtml+xml"/>
  <item id="chapter-1" href="text/chapter-1.xhtml" media-type="application/xhtml+xml"/>
  <item id="chapter-2" href="text/chapter-2.xhtml" media-type="application/xhtml+xml"/>
  <item id="endnotes" href="text/endnotes.xhtml" media-type="application/xhtml+xml"/>
 </manifest>
 <spine>
  <itemref idref="titlepage"/>
  <itemref idref="chapter-1"/>
  <itemref idref="chapter-2"/>
  <itemref idref="endnotes"/>
 </spine>
</package>"##;

const KEEPERS_NAV: &str = r##"<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<head><title>Table of Contents</title></head>
<body epub:type="frontmatter">
 <nav id="toc" epub:type="toc">
  <h2 epub:type="title">Table of Contents</h2>
  <ol>
   <li><a href="text/titlepage.xhtml">Titlepage</a></li>
   <li><a href="text/chapter-1.xhtml"><span epub:type="z3998:roman">I</span>: The Rock</a>
    <ol><li><a href="text/chapter-1.xhtml#the-lamp">The Lamp</a></li></ol>
   </li>
   <li><a href="text/chapter-2.xhtml"><span epub:type="z3998:roman">II</span>: The Storm</a></li>
   <li><a href="text/endnotes.xhtml">Endnotes</a></li>
  </ol>
 </nav>
 <nav id="landmarks" epub:type="landmarks">
  <ol><li><a href="text/chapter-1.xhtml" epub:type="bodymatter">Start Reading</a></li></ol>
 </nav>
</body>
</html>"##;

/// An EPUB 3 book: a navigation document with a nested entry and a landmarks nav beside
/// it, three `dc:title`s, two authors, a translator and a producer, hgroup chapter titles,
/// an endnotes file whose items carry no `epub:type`, a note referred to twice (the second
/// reference with no id), a note on a note, an aside footnote, a link from a note into the
/// text and one between chapters, a word joiner, and an image.
pub fn keepers() -> Zip {
    let title = xhtml(
        "Titlepage",
        r#"<section id="titlepage" epub:type="titlepage">
  <h1 epub:type="title">The Keepers of Corran Point</h1>
  <p>By Morag Innes and Tomas Reyes.</p>
  <img alt="" src="../images/logo.svg" epub:type="z3998:publisher-logo"/>
</section>"#,
    );
    let one = xhtml(
        "I: The Rock",
        r##"<section id="chapter-1" epub:type="chapter">
  <hgroup>
   <h2 epub:type="ordinal z3998:roman">I</h2>
   <p epub:type="title">The Rock</p>
  </hgroup>
  <p>The light at Corran Point was first lit in 1791,<a href="endnotes.xhtml#note-1" id="noteref-1" epub:type="noteref">1</a> and the keepers kept a log&#x2060;—a habit they never once broke.</p>
  <p id="the-lamp">The lamp burned whale oil until 1846, when colza oil took its place.<a href="endnotes.xhtml#note-2" id="noteref-2" epub:type="noteref">2</a> Its lens was a marvel of its day.<a href="#fn-lens" id="noteref-lens" epub:type="noteref">*</a></p>
  <aside id="fn-lens" epub:type="footnote"><p>The first lens was ground from fourteen separate pieces of glass.</p></aside>
  <figure><img alt="The tower seen from the landing stage" src="../images/tower.png"/></figure>
  <p>How the lantern fared in <a href="chapter-2.xhtml#storm">the great storm</a> is told next.</p>
</section>"##,
    );
    let two = xhtml(
        "II: The Storm",
        r##"<section id="chapter-2" epub:type="chapter">
  <hgroup>
   <h2 epub:type="ordinal z3998:roman">II</h2>
   <p epub:type="title">The Storm</p>
  </hgroup>
  <p id="storm">In the winter of 1881 a storm broke three panes of the lantern.<a href="endnotes.xhtml#note-3" id="noteref-3" epub:type="noteref">3</a> The keeper wrote that the sea came over the gallery twice in one night.<a href="endnotes.xhtml#note-3" epub:type="noteref">3</a></p>
  <p>Repairs took the whole of the spring.<a href="endnotes.xhtml#note-4" id="noteref-4" epub:type="noteref">4</a></p>
</section>"##,
    );
    let notes = xhtml(
        "Endnotes",
        r##"<section id="endnotes" epub:type="endnotes">
  <h2 epub:type="title">Endnotes</h2>
  <ol>
   <li id="note-1"><p>The date is cut into the lintel above the door. <a href="chapter-1.xhtml#noteref-1" epub:type="backlink">↩</a></p></li>
   <li id="note-2"><p>Colza is rapeseed.</p><p>It burned cleaner than whale oil and cost less. <a href="chapter-1.xhtml#noteref-2" epub:type="backlink">↩</a></p></li>
   <li id="note-3"><p>The log for that night survives; compare <a href="chapter-1.xhtml#the-lamp">the lamp</a>.<a href="endnotes.xhtml#note-5" id="noteref-5" epub:type="noteref">5</a> <a href="chapter-2.xhtml#noteref-3" epub:type="backlink">↩</a></p></li>
   <li id="note-4"><p>The glazier came over from Oban by the mail boat. <a href="chapter-2.xhtml#noteref-4" epub:type="backlink">↩</a></p></li>
   <li id="note-5"><p>A note on a note: the log is kept in the county archive. <a href="endnotes.xhtml#noteref-5" epub:type="backlink">↩</a></p></li>
  </ol>
</section>"##,
    );
    Zip::epub()
        .file("META-INF/container.xml", container("epub/content.opf"))
        .file("epub/content.opf", KEEPERS_OPF)
        .file("epub/toc.xhtml", KEEPERS_NAV)
        .file("epub/css/book.css", "p { margin: 0; }")
        .file(
            "epub/images/logo.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        )
        .file("epub/text/titlepage.xhtml", title)
        .file("epub/text/chapter-1.xhtml", one)
        .file("epub/text/chapter-2.xhtml", two)
        .file("epub/text/endnotes.xhtml", notes)
}

const FERRIES_OPF: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="BookId">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
    <dc:title>Ferries of the Inner Sound</dc:title>
    <dc:creator opf:role="edt" opf:file-as="Harker, Pell">Pell Harker</dc:creator>
    <dc:creator opf:role="aut" opf:file-as="Osei, Nadia">Nadia Osei</dc:creator>
    <dc:language>en</dc:language>
    <dc:identifier id="BookId">urn:uuid:0b8e6f62-4c1e-4d1a-9d53-2f8a3c9e7b10</dc:identifier>
    <dc:date opf:event="publication">2024-02-02</dc:date>
    <dc:date opf:event="original-publication">1952-06-01</dc:date>
    <dc:publisher>Sound Books</dc:publisher>
    <meta name="cover" content="img"/>
  </metadata>
  <manifest>
    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
    <item id="img" href="Images/map.png" media-type="image/png"/>
    <item id="ch1" href="Text/chapter-1.xhtml" media-type="application/xhtml+xml"/>
    <item id="ch2" href="Text/chapter-2.xhtml" media-type="application/xhtml+xml"/>
    <item id="notes" href="Text/notes.xhtml" media-type="application/xhtml+xml"/>
  </manifest>
  <spine toc="ncx">
    <itemref idref="ch1"/>
    <itemref idref="ch2"/>
    <itemref idref="notes"/>
  </spine>
  <guide><reference type="text" title="Start" href="Text/chapter-1.xhtml"/></guide>
</package>"#;

const FERRIES_NCX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE ncx PUBLIC "-//NISO//DTD ncx 2005-1//EN" "http://www.daisy.org/z3986/2005/ncx-2005-1.dtd">
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
  <head><meta name="dtb:uid" content="urn:uuid:0b8e6f62-4c1e-4d1a-9d53-2f8a3c9e7b10"/></head>
  <docTitle><text>Ferries of the Inner Sound</text></docTitle>
  <navMap>
    <navPoint id="n1" playOrder="1"><navLabel><text>1. The Crossings</text></navLabel><content src="Text/chapter-1.xhtml"/></navPoint>
    <navPoint id="n2" playOrder="2"><navLabel><text>2. At the Pier Café</text></navLabel><content src="Text/chapter-2.xhtml"/>
      <navPoint id="n3" playOrder="3"><navLabel><text>The Timetable</text></navLabel><content src="Text/chapter-2.xhtml#timetable"/></navPoint>
    </navPoint>
    <navPoint id="n4" playOrder="4"><navLabel><text>Notes</text></navLabel><content src="Text/notes.xhtml"/></navPoint>
  </navMap>
</ncx>"#;

/// The second chapter, in Latin-1 bytes: é, ç, ß, ñ, ½ and « » are one byte each, so the
/// file is not valid UTF-8.
pub fn ferries_latin1_chapter() -> Vec<u8> {
    let text = r##"<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"/><title>2. At the Pier Café</title></head>
<body>
  <h1>2. At the Pier Café</h1>
  <p>The café at the pier sold crème caramel, and the skipper called it « le meilleur ».<a id="r3b" href="notes.xhtml#n3"><sup>3</sup></a> A German visitor wrote of the Straße by the slip; a Spanish one of the señor who sold tickets at ½ price.<a id="FNanchor_A" href="#Footnote_A" class="fnanchor">[A]</a></p>
  <h2 id="timetable">The Timetable</h2>
  <p>Boats left on the hour&#8212;weather allowing.</p>
  <div class="footnotes">
    <h3>Footnote</h3>
    <div class="footnote"><p><a id="Footnote_A" href="#FNanchor_A" class="label">[A]</a> Half price was for children under twelve.</p></div>
  </div>
</body>
</html>"##;
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).expect("Latin-1"))
        .collect()
}

/// An EPUB 2 book: an NCX and no navigation document, roles as `opf:role` attributes with
/// the editor listed first, two dated events, a `&nbsp;` (so the chapter is not XML the
/// parser can read alone), plain links into a notes file that link back (the back-link is
/// the note's number), a note of two paragraphs, a note referred to from two chapters, a
/// Gutenberg-style note in the same file, and a Latin-1 chapter.
pub fn ferries() -> Zip {
    let one = r##"<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head><title>1. The Crossings</title></head>
<body>
  <h1 id="crossings">1. The Crossings</h1>
  <p>Three boats worked the Sound in 1952.<a id="r1" href="notes.xhtml#n1"><sup>1</sup></a> The smallest carried&nbsp;twelve passengers.<sup id="r2"><a href="notes.xhtml#n2">2</a></sup></p>
  <p><img src="../Images/map.png" alt="A map of the three crossings"/></p>
  <p>Fares were paid on board.<a id="r3" href="notes.xhtml#n3"><sup>3</sup></a></p>
</body>
</html>"##;
    let notes = r##"<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml">
<head><title>Notes</title></head>
<body>
  <h1>Notes</h1>
  <p id="n1" class="note"><a href="chapter-1.xhtml#r1">1.</a> The third boat was laid up every winter.</p>
  <div id="n2" class="note">
    <p><a href="chapter-1.xhtml#r2">2.</a> Twelve was the licence; on market days there were more.</p>
    <p>The harbour master looked the other way.</p>
  </div>
  <p id="n3" class="note"><a href="chapter-1.xhtml#r3">3.</a> In shillings until 1971. <a href="chapter-2.xhtml#r3b">[Back to chapter 2]</a></p>
</body>
</html>"##;
    Zip::epub()
        .file("META-INF/container.xml", container("OEBPS/content.opf"))
        .file("OEBPS/content.opf", FERRIES_OPF)
        .file("OEBPS/toc.ncx", FERRIES_NCX)
        .file("OEBPS/Images/map.png", b"\x89PNG\r\n\x1a\n")
        .file("OEBPS/Text/chapter-1.xhtml", one)
        .file("OEBPS/Text/chapter-2.xhtml", ferries_latin1_chapter())
        .file("OEBPS/Text/notes.xhtml", notes)
}

/// A book of `chapters` chapters of about `words` words each, for the two-step load.
pub fn long_book(chapters: usize, words: usize) -> Zip {
    let mut manifest = String::new();
    let mut spine = String::new();
    let mut zip = Zip::epub().file("META-INF/container.xml", container("OPS/book.opf"));
    let sentence = "The tide came in over the flats and went out again, as it had every day. ";
    for c in 1..=chapters {
        manifest.push_str(&format!(
            r#"<item id="c{c}" href="c{c}.xhtml" media-type="application/xhtml+xml"/>"#
        ));
        spine.push_str(&format!(r#"<itemref idref="c{c}"/>"#));
        let mut body = format!("<h2>Chapter {c}</h2>");
        let per = sentence.split_whitespace().count();
        for p in 0..words / per / 5 {
            body.push_str(&format!(
                "<p>Paragraph {p} of chapter {c}. {}</p>",
                sentence.repeat(5)
            ));
        }
        zip = zip.file(
            &format!("OPS/c{c}.xhtml"),
            xhtml(&format!("Chapter {c}"), &body),
        );
    }
    let opf = format!(
        r#"<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Tides</dc:title><dc:creator>Wren Alder</dc:creator></metadata><manifest>{manifest}</manifest><spine>{spine}</spine></package>"#
    );
    zip.file("OPS/book.opf", opf)
}
