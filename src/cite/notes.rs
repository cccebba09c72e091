//! Citations that make up a note, in the notes–bibliography style (Chicago) and its
//! relatives, each one sentence or `;`-separated part of the note:
//!
//! - a book: `Margaret Ellison, *The Salt Roads of the Adriatic* (Trieste: Halcyon
//!   Press, 2010), 45`
//! - an article or a newspaper: `Ruth Holt, “Small Boats,” *Maritime Review* 12, no. 3
//!   (2015): 45–67`; `“Harbour Board Approves New Basin,” *La Bilancia*, March 14, 1911`
//! - `Ibid., 47`, and a short note: `Ellison, *Salt Roads*, 52`
//! - a source and date with no parentheses: `…; and Interfax, February 28`
//! - an author–year reference: `Ellison 2010, 45`

use super::names::{is_source_name, one_or_two_names_each, record_maker, strip_lead};
use super::note_forms::{
    archive, article, book, foliated, location_only, serial, short, split_page,
};
use super::note_records::{described_record, diary, interview, letter};
use super::paren::{author_year, date_tail, ibid};
use super::when::is_full_tail_date;
use super::{Cite, Form};
use crate::article::CitationKind;
use std::ops::Range;

/// Every citation a note's text is made of, with where each sits and its form.
pub(super) fn in_note(text: &str, italics: &[Range<usize>]) -> Vec<(Cite, Form)> {
    let mut out: Vec<(Cite, Form)> = Vec::new();
    let mut last_end = None;
    for seg in segments(text) {
        let lead = lead_end(&text[seg.clone()]);
        let at = seg.start + lead;
        let body = &text[at..seg.end];
        if body.is_empty() {
            continue;
        }
        // Where the record cited just before is kept: part of that citation.
        let before = last_end.replace(seg.end);
        if let Some((c, _)) = out.last_mut()
            && before == Some(c.at.end)
            && lead == 0
            && location_only(body)
        {
            c.at.end = seg.end;
            c.text = text[c.at.clone()].to_string();
            continue;
        }
        let inside: Vec<Range<usize>> = italics
            .iter()
            .filter(|r| r.start >= at && r.end <= seg.end)
            .map(|r| r.start - at..r.end - at)
            .collect();
        // A sentence may hold more than one citation: `…, 150–76, and in the Financial
        // Times, March 4, 2014`. What follows a citation is read again, a few times at most.
        let mut from = 0;
        for _ in 0..4 {
            let rest = &body[from..];
            let skip = rest.len()
                - rest
                    .trim_start_matches([',', ';', ' '])
                    .trim_start_matches("and ")
                    .len();
            let rest = &body[from + skip..];
            let Some((mut c, form)) = one(rest, &shifted(&inside, from + skip)) else {
                break;
            };
            let end = c.at.end;
            let base = at + from + skip;
            c.at = c.at.start + base..c.at.end + base;
            out.push((c, form));
            from += skip + end;
            if from >= body.len() {
                break;
            }
        }
    }
    out
}

fn shifted(italics: &[Range<usize>], by: usize) -> Vec<Range<usize>> {
    italics
        .iter()
        .filter(|r| r.start >= by)
        .map(|r| r.start - by..r.end - by)
        .collect()
}

/// The citation `body` is, or starts with, if it is one; a trailing aside in parentheses
/// (`(see plate 3)`) is left out of it.
fn one(body: &str, italics: &[Range<usize>]) -> Option<(Cite, Form)> {
    // No citation is this long; a long sentence is not read shape by shape.
    if body.len() > 1200 {
        return None;
    }
    one_whole(body, italics)
        .or_else(|| {
            let open = body
                .trim_end()
                .strip_suffix(')')
                .and_then(|_| body.rfind(" ("))?;
            one_whole(&body[..open], &kept_before(italics, open))
        })
        .or_else(|| {
            // `Hughes, *Wireless Cities*, 211, and Benítez, “Listening Publics,” 102–9`: a
            // short note that another follows; the caller reads what comes after.
            body.match_indices(", and ").take(3).find_map(|(cut, _)| {
                let found = one_whole(&body[..cut], &kept_before(italics, cut))?;
                (found.1 == Form::Short).then_some(found)
            })
        })
}

fn kept_before(italics: &[Range<usize>], end: usize) -> Vec<Range<usize>> {
    italics.iter().filter(|r| r.end <= end).cloned().collect()
}

fn one_whole(body: &str, italics: &[Range<usize>]) -> Option<(Cite, Form)> {
    let all = 0..body.len();
    if let Some(locator) = ibid(body) {
        let c = Cite::new(CitationKind::Reference, all, body, "Ibid.", None, locator);
        return Some((c, Form::Ibid));
    }
    if let Some(c) = book(body, italics) {
        return Some((c, Form::Full));
    }
    if let Some(c) = article(body)
        .or_else(|| letter(body))
        .or_else(|| diary(body))
    {
        return Some((c, Form::Full));
    }
    if let Some(c) = interview(body).or_else(|| described_record(body)) {
        return Some((c, Form::Full));
    }
    if let Some(c) = archive(body).or_else(|| serial(body)) {
        return Some((c, Form::Full));
    }
    if let Some(found) = foliated(body).or_else(|| short(body, italics)) {
        return Some(found);
    }
    if let Some((authors, y)) = author_year(body, false)
        && one_or_two_names_each(authors)
        && super::names::is_plausible_author(authors.trim())
        && y.years.len() == 1
    {
        let mut c = Cite::new(
            CitationKind::AuthorYear,
            all,
            body,
            authors.trim().trim_end_matches(','),
            Some(y.years[0].1),
            y.locator,
        );
        c.title = None;
        return Some((c, Form::Cited));
    }
    // A newspaper's page may follow its date: `Shrewsbury Chronicle, 9 March 1827, p. 3`.
    let (dated, page) = split_page(body);
    let (source, date) = date_tail(dated)?;
    let source = without_city(source.trim().trim_end_matches(','));
    if !is_full_tail_date(date) {
        return None;
    }
    // The outlet may close a clause: `the account in Eurasianet, November 8, 2017`.
    let start = if is_source_name(source) {
        0
    } else {
        name_run(source).filter(|&s| is_source_name(&source[s..]))?
    };
    let c = Cite::new(
        CitationKind::Attribution,
        start..body.len(),
        body,
        record_maker(&source[start..]),
        Some(date),
        page,
    );
    Some((c, Form::Cited))
}

/// `Morgenbladet (Christiania)` or `The Times (London)`: a newspaper without the city it
/// is published in, as a note names it to tell it from others of that name.
fn without_city(source: &str) -> &str {
    let Some((name, city)) = source.strip_suffix(')').and_then(|s| s.rsplit_once(" (")) else {
        return source;
    };
    let words: Vec<&str> = city.split(' ').collect();
    let capitalised = words.iter().all(|w| {
        w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-')
    });
    if (1..=3).contains(&words.len()) && capitalised {
        name
    } else {
        source
    }
}

/// Lower-case words inside an outlet's or a person's name (`Corriere della Sera`,
/// `Ministry of Health`, `van der Berg`).
pub(super) const NAME_LINKS: &[&str] = &[
    "della", "delle", "dei", "di", "de", "del", "da", "du", "des", "der", "den", "van", "von", "y",
    "e", "la", "le", "of", "for", "and", "&", "al", "el", "ter", "ten", "vom", "dos",
];

/// Where the run of capitalised words that ends `s` begins: the outlet or author at the
/// end of a clause (`described in Novak`, `collected in Ivan Petrić`). A sentence's first
/// word (`In`, `See`) and links left at the front are not part of it.
pub(super) fn name_run(s: &str) -> Option<usize> {
    let mut start = None;
    let mut end = s.len();
    for w in s.rsplit(' ') {
        let i = end - w.len();
        end = i.saturating_sub(1);
        // A dash joins a quotation to its source: `recognized."--Pall Mall Gazette`.
        if let Some(d) = w
            .rfind("--")
            .map(|d| d + 2)
            .or_else(|| w.rfind('—').map(|d| d + 3))
        {
            if w[d..].starts_with(char::is_uppercase) {
                start = Some(i + d);
            }
            break;
        }
        if w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
            start = Some(i);
        } else if !NAME_LINKS.contains(&w) || start.is_none() {
            break;
        }
    }
    let mut start = start?;
    loop {
        let rest = &s[start..];
        let w = rest.split(' ').next().unwrap_or("");
        let skip =
            super::names::is_not_source(w.trim_end_matches([',', '.'])) || NAME_LINKS.contains(&w);
        if !skip || rest.len() == w.len() {
            break;
        }
        start += w.len() + 1;
    }
    s[start..].starts_with(char::is_uppercase).then_some(start)
}

/// Where a note's lead-in (`See`, `For a survey of X, see`, `Quoted in`) ends.
fn lead_end(seg: &str) -> usize {
    // `…, see X` or `… see also X`: what follows the last "see" before any title.
    let title = seg.find(['“', '"', '*', '(']).unwrap_or(seg.len());
    let mut at = 0;
    for (i, _) in seg[..title].match_indices("see ") {
        let starts_word = i == 0 || seg[..i].ends_with(' ');
        if starts_word && i < 160 {
            at = i + "see ".len();
        }
    }
    if at == 0 && seg[..title].starts_with("See ") {
        at = "See ".len();
    }
    // `The cone is described in “Title,” Publisher, …`: a clause that says where, ending
    // on "in" just before a quoted title, leads to the citation.
    if at == 0 && seg[title..].starts_with(['“', '"']) && seg[..title].ends_with(" in ") {
        return title;
    }
    let rest = &seg[at..];
    let rest = rest.strip_prefix("also ").unwrap_or(rest);
    let (lead, _) = strip_lead(rest);
    seg.len() - rest.len() + lead
}

/// A note's sentences and `;`-separated parts, outside brackets and quotations, each
/// trimmed and without its final stop.
pub(super) fn segments(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0i32;
    let mut quoted = false;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            '“' => quoted = true,
            '”' => quoted = false,
            ';' if depth <= 0 && !quoted => {
                out.push(super::paren::trim_range(text, start..i));
                start = i + 1;
            }
            '.' | '?' | '!' if depth <= 0 && !quoted && ends_sentence(text, i) => {
                out.push(super::paren::trim_range(text, start..i));
                start = i + 1;
            }
            _ => {}
        }
    }
    if start < b.len() {
        out.push(super::paren::trim_range(text, start..b.len()));
    }
    out.retain(|r| !r.is_empty());
    out
}

/// Abbreviations a note's sentence does not end with.
const ABBREVIATIONS: &[&str] = &[
    "ed", "eds", "trans", "vol", "Vol", "vols", "no", "No", "nos", "pp", "p", "ch", "chap", "repr",
    "rev", "e.g", "i.e", "cf", "Cf", "al", "St", "Dr", "Mr", "Mrs", "Ms", "Jr", "Sr", "Jan", "Feb",
    "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Co", "Inc", "Ltd",
    "Univ", "comp", "n", "nn", "fig", "esp", "pt", "bk", "sec", "art", "ff", "n.d", "ser", "dept",
    "Dept", "Bros", "fol", "fols", "para", "paras",
];

/// Whether the stop at `i` ends a sentence: white space or the end follows, then a
/// capital, a quotation mark or a title, and the word before is no abbreviation.
fn ends_sentence(text: &str, i: usize) -> bool {
    let after = &text[i + 1..];
    if !after.is_empty() && !after.starts_with(char::is_whitespace) {
        return false;
    }
    let next = after.trim_start();
    if !(next.is_empty() || next.starts_with(|c: char| c.is_uppercase() || "“\"*_‘".contains(c)))
    {
        return false;
    }
    if &text[i..=i] != "." {
        return true;
    }
    let word = text[..i]
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let initial = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
    let day = (1..=2).contains(&word.len())
        && word.bytes().all(|b| b.is_ascii_digit())
        && super::when::starts_with_foreign_month(next);
    !(initial || day || ABBREVIATIONS.contains(&word) || (word.contains('.') && word.len() <= 5))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A citation read from a note: its text, source, date, locator and form.
    type Read = (String, String, Option<String>, Option<String>, Form);

    fn read(note: &str) -> Vec<Read> {
        in_note(note, &[])
            .into_iter()
            .map(|(c, f)| {
                (
                    note[c.at.clone()].to_string(),
                    c.source,
                    c.date,
                    c.locator,
                    f,
                )
            })
            .collect()
    }

    #[test]
    fn italics_after_a_closing_aside_are_not_read_past_the_cut() {
        // The note ends in an aside; the shorter text read without it must not be handed
        // the italic run inside the aside (a slice past its end).
        let note = "Arti were guilds, cf. Florio: “Arte … a trade” (see his work on the *Guilds*)";
        let at = note.find("*Guilds*").unwrap();
        let italic = at..at + "*Guilds*".len();
        let found = in_note(note, std::slice::from_ref(&italic));
        assert!(found.iter().all(|(c, _)| c.at.end <= note.len()));
    }

    #[test]
    fn notes_bibliography_shapes() {
        let r = read(
            "Margaret Ellison, *The Salt Roads of the Adriatic* (Trieste: Halcyon Press, 2010), 45.",
        );
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1, "Margaret Ellison");
        assert_eq!(
            (r[0].2.as_deref(), r[0].3.as_deref()),
            (Some("2010"), Some("45"))
        );
        assert_eq!(read("Ibid., 47.")[0].4, Form::Ibid);
        let s = read("Ellison, *Salt Roads*, 52.");
        assert_eq!((s[0].1.as_str(), s[0].4), ("Ellison", Form::Short));
        let n = read("“Harbour Board Approves New Basin,” *La Bilancia*, March 14, 1911.");
        assert_eq!(
            (n[0].1.as_str(), n[0].2.as_deref()),
            ("La Bilancia", Some("March 14, 1911"))
        );
        let a = read("Ruth Holt, “Small Boats,” *Maritime Review* 12, no. 3 (2015): 45–67.");
        assert_eq!(
            (a[0].1.as_str(), a[0].3.as_deref()),
            ("Ruth Holt", Some("45–67"))
        );
        let w = read("Kommersant, March 3; Vedomosti, March 4; and Interfax, February 28.");
        let names: Vec<&str> = w.iter().map(|c| c.1.as_str()).collect();
        assert_eq!(names, ["Kommersant", "Vedomosti", "Interfax"]);
        assert_eq!(w[2].0, "Interfax, February 28");
        let lead =
            read("On the basin, see Margaret Ellison, *Salt Roads* (Trieste: Halcyon, 2010).");
        assert_eq!(
            lead[0].0,
            "Margaret Ellison, *Salt Roads* (Trieste: Halcyon, 2010)"
        );
        assert_eq!(read("Ellison 2010, 45.")[0].1, "Ellison");
    }

    #[test]
    fn a_clause_leading_to_a_quoted_title_and_a_commission_on_a_subject() {
        let r = read(
            "The mill is described in “Harwick Mill: A History,” Harwick Civic Society, \
             accessed June 2, 2022, https://example.org/mill.",
        );
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1, "Harwick Civic Society");
        assert!(r[0].0.starts_with("“Harwick Mill"), "{r:?}");
        let r = read(
            "Royal Commission on Housing, *Report on Rural Cottages* (London: HMSO, 1885), 22.",
        );
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1, "Royal Commission on Housing");
        let r = read("Ada Mirren, interview by the author, Halsey, June 3, 2018.");
        assert_eq!((r.len(), r[0].1.as_str()), (1, "Ada Mirren"), "{r:?}");
    }

    #[test]
    fn a_short_note_that_another_follows() {
        let r = read(
            "On the debate see Hughes, *Wireless Cities*, 211, and Benítez, “Listening Publics,” 102–9.",
        );
        let got: Vec<_> = r.iter().map(|q| (q.0.as_str(), q.1.as_str())).collect();
        assert_eq!(
            got,
            [
                ("Hughes, *Wireless Cities*, 211", "Hughes"),
                ("Benítez, “Listening Publics,” 102–9", "Benítez")
            ]
        );
    }

    #[test]
    fn british_notes_archives_and_serials() {
        let q = read("Mary Allport, 'Counting Boats', Transport History Review, 22 (2001), 15–38.");
        assert_eq!((q[0].1.as_str(), q[0].4), ("Mary Allport", Form::Full));
        assert_eq!(read("Allport, ‘Counting Boats’, p. 27.")[0].4, Form::Short);
        assert_eq!(read("Whitcombe, op. cit., p. 112.")[0].4, Form::ShortAlone);
        // With no page the note ends on the abbreviation's own stop.
        for note in ["MacGregor, loc. cit.", "Pike, op. cit."] {
            assert_eq!(
                read(note).first().map(|r| r.4),
                Some(Form::ShortAlone),
                "{note}"
            );
        }
        let a = read("Shropshire Archives, Hazledine letter books, 1810–1841, 6001/3/1–12.");
        assert_eq!(a[0].1, "Shropshire Archives");
        // A person's papers, the repository named after them.
        let k =
            read("Captain J. Keay, log of the Ariel, 1866, National Maritime Museum, LOG/M/14.");
        assert_eq!((k[0].1.as_str(), k[0].4), ("J. Keay", Form::Full));
        assert!(read("The ship, we know, was in the Maritime Museum, Greenwich.").is_empty());
        let j = read("Journals of the House of Commons, 82 (1827), p. 211.");
        assert_eq!(
            (j[0].1.as_str(), j[0].3.as_deref()),
            ("Journals of the House of Commons", Some("p. 211"))
        );
        let t = read("‘Taxpayers’ stake in the port now below 4%’, Harbour Trust, February 2017.");
        assert_eq!(t[0].1, "Harbour Trust");
        let d = read("recognised.\"--Pall Mall Gazette, 15th May 1906.");
        assert_eq!(d[0].1, "Pall Mall Gazette");
        let h = read("London, Stationers' Hall, Court Book C, fol. 190v.");
        assert_eq!(
            (h[0].1.as_str(), h[0].3.as_deref(), h[0].4),
            ("Stationers' Hall", Some("fol. 190v"), Form::Full)
        );
        let s = read("Court Book C, fols. 201–15.");
        assert_eq!(
            (s[0].1.as_str(), s[0].4),
            ("Court Book C", Form::ShortHolding)
        );
        assert!(read("Chapter three, as the author says, fol. 2.").is_empty());
        let l = read("Keay, log, entry for 2 August 1866.");
        assert_eq!((l[0].1.as_str(), l[0].4), ("Keay", Form::ShortAlone));
        assert!(read("Keay, log, he said.").is_empty());
        let m = read(
            "Minutes of the Harbour Commissioners, 11 March 1844. Brinmouth Record Office, HC 2/1/12.",
        );
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].1, "Harbour Commissioners");
        assert!(m[0].0.ends_with("HC 2/1/12"));
        assert_eq!(
            read("Harbour Board dredging committee minutes, 12 June 2003.")[0].1,
            "Harbour Board"
        );
        let p = read("The Scotsman, June 3, 1875, 6.");
        assert_eq!(
            (p[0].1.as_str(), p[0].3.as_deref()),
            ("The Scotsman", Some("6"))
        );
        let n = read("Shrewsbury Chronicle, 9 March 1827, p. 3.");
        assert_eq!(
            (n[0].2.as_deref(), n[0].3.as_deref()),
            (Some("9 March 1827"), Some("p. 3"))
        );
    }

    #[test]
    fn newspapers_with_their_city_and_letters_by_their_writers() {
        let m =
            read("Morgenbladet (Christiania), January 12, 1880; Whitfield, *Frozen Assets*, 52.");
        assert_eq!(m.len(), 2, "{m:?}");
        assert_eq!(
            (m[0].0.as_str(), m[0].1.as_str()),
            (
                "Morgenbladet (Christiania), January 12, 1880",
                "Morgenbladet"
            )
        );
        let t = read("The Times (London), January 29, 1870, 9.");
        assert_eq!(
            (t[0].1.as_str(), t[0].3.as_deref()),
            ("The Times", Some("9"))
        );
        let g = read(
            "Carlo Gatti to Giovanni Gatti, March 4, 1862, Gatti Family Papers, London Metropolitan Archives, ACC/1234/5.",
        );
        assert_eq!(g.len(), 1, "{g:?}");
        assert_eq!(
            (g[0].1.as_str(), g[0].2.as_deref(), g[0].4),
            ("Carlo Gatti", Some("March 4, 1862"), Form::Full)
        );
        assert!(g[0].0.ends_with("ACC/1234/5"));
        let r = read(
            "Letter, Royal Astronomical Society to the Pell trustees, 2 May 1911. RAS Archives, Add MS 91.",
        );
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1, "Royal Astronomical Society");
        assert!(r[0].0.ends_with("Add MS 91"));
        let p = read("Letter from Josiah Pender to the directors, 12 March 1871.");
        assert_eq!(p[0].1, "Josiah Pender");
        // A letter to an office, known by its writer, whose given name is spelt as a month.
        let o = read("June Claes to the Mayor, 14 June 1889, Claes Papers, box 2, Stadsarchief.");
        assert_eq!(o.len(), 1, "{o:?}");
        assert_eq!(
            (o[0].1.as_str(), o[0].2.as_deref()),
            ("June Claes", Some("14 June 1889"))
        );
        assert!(o[0].0.ends_with("Stadsarchief"), "{o:?}");
        // A place is no writer, and a letter is dated by the day.
        for note in [
            "Norway to Britain, March 4, 1862.",
            "Exports from Norway to Britain rose, 1862.",
            "Carlo Gatti to Giovanni Gatti, in 1862.",
        ] {
            let r = read(note);
            assert!(
                r.iter().all(|c| c.1 != "Norway" && c.1 != "Carlo Gatti"),
                "{note}: {r:?}"
            );
        }
    }

    #[test]
    fn prose_notes_are_not_citations() {
        for note in [
            "An earlier version of this essay was presented at a workshop held in Bergen in 2019.",
            "The Compact was drafted over two winters, with a retired magistrate as secretary.",
            "Zanetti, for his part, is sceptical of the figures.",
            "Distances along the river are measured from the glacier snout, 1998.",
            "The first note has a citation of its own and points to a second note.",
            "\"Sempre la stessa via.\" The words \"la stessa\" are left out in the Venice edition, 1550.",
        ] {
            assert!(read(note).is_empty(), "{note}: {:?}", read(note));
        }
    }

    #[test]
    fn a_surname_keeps_its_dutch_german_or_portuguese_particle() {
        for (note, source) in [
            (
                "Pieter ter Horst, *Het gilde en de stad* (Leiden: Brill, 1987), 12.",
                "Pieter ter Horst",
            ),
            (
                "Aleida ten Brink, *De ramen van de kerk* (Utrecht: Spectrum, 2001), 4.",
                "Aleida ten Brink",
            ),
            (
                "Maria dos Santos, *A vila e o rio* (Lisboa: Tinta, 2012), 88.",
                "Maria dos Santos",
            ),
            (
                "Ulrich vom Berg, *Die Brücke* (Kassel: Bärenreiter, 1977), 30.",
                "Ulrich vom Berg",
            ),
        ] {
            let r = read(note);
            assert_eq!(r.len(), 1, "{note}: {r:?}");
            assert_eq!(r[0].1, source, "{note}");
        }
    }
}
