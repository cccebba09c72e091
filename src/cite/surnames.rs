//! Authors' surnames, as citations and references write them, for joining the two and
//! grouping a work's citations.

use super::words::{DESCRIPTORS, GAELIC, INSTITUTION_LINKS, INSTITUTIONS, PARTICLES};

fn particle(word: &str) -> bool {
    PARTICLES.contains(&word) || GAELIC.contains(&word)
}

/// The key a person's or institution's work is grouped under: each author's surname,
/// lower-cased (`Joseph Mwangi and Ruth Holt` and `Mwangi and Holt` → `mwangi holt`;
/// `Ellison, Margaret` → `ellison`), three or more authors as the first and `et al`.
/// An institution keeps its whole name.
pub fn surnames_key(authors: &str) -> String {
    let authors = &authors.replace('\u{a0}', " ");
    let names = surnames(authors);
    let mut key: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
    let et_al = authors.contains("et al") || key.len() > 2;
    key.truncate(if et_al { 1 } else { 2 });
    if et_al {
        key.push("et al".into());
    }
    crate::article::source_key(&key.join(" "))
}

/// Each author's surname in an author list as references and citations write it:
/// `Ellison, Margaret`, `Chen, L., & Wu, M.`, `Joseph Mwangi and Ruth Holt`,
/// `Eich, Brendan; David Hyatt`, `Hall et al.`, `International Monetary Fund`.
pub fn surnames(authors: &str) -> Vec<String> {
    let authors = authors.replace('\u{a0}', " ");
    let cut = authors.find(" et al").unwrap_or(authors.len());
    let authors = authors[..cut].trim().trim_end_matches([',', '.', ';']);
    let mut out = Vec::new();
    // Authors are parted by ";", " and ", " & " and commas; a comma also parts an inverted
    // name from its given names (`Ellison, Margaret`), told by what follows it.
    let mut pieces: Vec<&str> = Vec::new();
    for group in authors.split(';') {
        for piece in group.split(", and ").flat_map(|p| p.split(" and ")) {
            pieces.extend(piece.split(" & ").flat_map(|p| p.split(", &")));
        }
    }
    // `Pirani, Stern, and Yafimava`: three or more single names are all surnames.
    let names: Vec<&str> = pieces
        .iter()
        .flat_map(|p| p.split(','))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let single = |p: &&str| {
        let ws: Vec<&str> = p.split_whitespace().collect();
        ws.last().is_some_and(|w| !w.ends_with('.'))
            && ws[..ws.len() - 1].iter().all(|w| particle(w))
    };
    // With semicolons between authors (`Hale, Rosemary; Orme, David`), commas part names.
    if !authors.contains(';') && names.len() >= 3 && names.iter().all(single) {
        return names.iter().map(|n| n.to_string()).collect();
    }
    for piece in pieces {
        let mut parts = piece.split(',').map(str::trim).filter(|p| !p.is_empty());
        let Some(first) = parts.next() else { continue };
        let words: Vec<&str> = first.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        let rest: Vec<&str> = parts.collect();
        let given = |p: &&str| {
            let ws: Vec<&str> = p.split_whitespace().collect();
            !ws.is_empty() && ws.len() <= 3 && ws.iter().all(|w| is_given(w))
        };
        // A capitalised particle (`Marleen De Wilde`) makes no name an institution's.
        let capitals = words
            .iter()
            .enumerate()
            .filter(|&(i, w)| {
                w.starts_with(char::is_uppercase)
                    && !w.ends_with('.')
                    && (i == 0 || !is_particle(w, i))
            })
            .count();
        // A surname's particle (`Julián Fernández de la Vega`) makes three capitals a
        // person's name, read by its last capital and the particles before it.
        let particled = words[1..].iter().any(|w| PARTICLES.contains(w));
        let institution = capitals >= 3 && !particled
            || words.iter().any(|w| INSTITUTION_LINKS.contains(w))
            || words.last().is_some_and(|w| INSTITUTIONS.contains(w));
        // `Fernández de la Vega, Julián`, `De la Cruz, M.`: a surname that holds particles,
        // inverted before the given names, which are no second author.
        let compound = words.len() >= 3
            && words[1..words.len() - 1]
                .iter()
                .any(|w| PARTICLES.contains(w))
            && !single(&first);
        if !institution && compound && rest.first().is_some_and(|p| given(p) || is_initials(p)) {
            out.extend(natural_surname(first));
            for other in rest.iter().skip(1) {
                out.extend(natural_surname(other));
            }
        } else if institution {
            out.push(without_descriptors(&words).join(" "));
        } else if !single(&first) {
            // Natural order: `Simon Pirani, Jonathan Stern`.
            out.extend(natural_surname(first));
            for other in &rest {
                out.extend(natural_surname(other));
            }
        } else if rest.first().is_some_and(|p| is_initials(p)) {
            // APA: `Lindgren, A., Berg, P.`, surnames and initials in turn.
            out.push(words.join(" "));
            out.extend(
                rest.iter()
                    .filter(|p| !is_initials(p))
                    .map(|p| p.to_string()),
            );
        } else if rest.first().is_some_and(given) {
            // Inverted: `Ellison, Margaret`; the given names after it are not authors.
            out.push(words.join(" "));
            for other in rest.iter().skip(1) {
                out.extend(natural_surname(other));
            }
        } else {
            out.extend(natural_surname(first));
            for other in &rest {
                out.extend(natural_surname(other));
            }
        }
    }
    out
}

/// An institution's name without the lower-case words after it that say what of it is
/// cited (`Pew Research Center survey`, `Mekong River Commission press release`), as a
/// person's surname is taken without them.
fn without_descriptors<'w, 'a>(words: &'w [&'a str]) -> &'w [&'a str] {
    let named = words
        .iter()
        .rposition(|w| !w.starts_with(char::is_lowercase))
        .map_or(0, |i| i + 1);
    let tail = &words[named..];
    let described = tail.last().is_some_and(|w| DESCRIPTORS.contains(w))
        && tail.iter().all(|w| w.chars().all(char::is_lowercase));
    if named > 0 && described {
        &words[..named]
    } else {
        words
    }
}

/// Initials only: `L.`, `R. J.`, `J.-P.`.
fn is_initials(p: &str) -> bool {
    p.split_whitespace()
        .all(|w| w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() <= 2)
}

/// An initial (`L.`, `J.-P.`) or a given name, as follows an inverted surname.
fn is_given(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    w.starts_with(char::is_uppercase)
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '’' | '\''))
}

/// The surname of `Helga Brandvold` or `Keiko van der Berg`: the last name with the
/// particles before it.
fn natural_surname(name: &str) -> Option<String> {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !w.ends_with('.') || w.len() > 3)
        .collect();
    let last = words
        .iter()
        .rposition(|w| w.starts_with(char::is_uppercase))?;
    let mut start = last;
    while start > 0 && is_particle(words[start - 1], start - 1) {
        start -= 1;
    }
    Some(words[start..=last].join(" "))
}

/// Whether the word at `index` of a name is a particle of the surname: `van der Berg`, and
/// Flemish and Italian names' capitalised `De Wilde`, `Da Ponte`. First in the name a
/// capital `Al` is as likely a given name (`Al Gore`).
fn is_particle(word: &str, index: usize) -> bool {
    let lower = word.to_lowercase();
    particle(word) || PARTICLES.contains(&lower.as_str()) && (index > 0 || lower != "al")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn irish_surnames_keep_their_prefixes() {
        assert_eq!(surnames_key("Ó Laoire and Harris"), "ó laoire harris");
        assert_eq!(
            surnames_key("Ó Laoire, Muiris, and John Harris"),
            "ó laoire harris"
        );
        assert_eq!(
            surnames_key("Muiris Ó Laoire and John Harris"),
            "ó laoire harris"
        );
        assert_eq!(surnames_key("Máire Ní Bhrolcháin"), "ní bhrolcháin");
        assert_eq!(
            surnames_key("Diarmait Mac Giolla Chríost"),
            "mac giolla chríost"
        );
        assert_eq!(
            surnames_key("Mac Giolla Chríost, Diarmait"),
            "mac giolla chríost"
        );
    }

    #[test]
    fn an_inverted_name_with_particles_is_one_surname() {
        for (inverted, natural) in [
            (
                "Fernández de la Vega, Julián",
                "Julián Fernández de la Vega",
            ),
            ("De la Cruz, Maria", "Maria De la Cruz"),
            ("van der Berg, Anna", "Anna van der Berg"),
            ("de Souza, M.", "M. de Souza"),
            ("von Trotha, K.", "K. von Trotha"),
            ("Pereira da Silva, Ana", "Ana Pereira da Silva"),
        ] {
            assert_eq!(surnames_key(inverted), surnames_key(natural), "{inverted}");
            // A short note names the surname alone: `Fernández de la Vega 2004`.
            let surname = inverted.split(',').next().unwrap();
            assert_eq!(surnames_key(surname), surnames_key(natural), "{surname}");
        }
        assert_eq!(
            surnames_key("Fernández de la Vega, Julián; Lenz, Paul"),
            surnames_key("Julián Fernández de la Vega and Paul Lenz")
        );
    }

    #[test]
    fn an_institution_is_named_without_what_of_it_is_cited() {
        assert_eq!(
            surnames_key("Pew Research Center survey"),
            surnames_key("Pew Research Center")
        );
        assert_eq!(
            surnames_key("Mekong River Commission press release"),
            "mekong river commission"
        );
        // As a person's name loses it: `Reuters/Ipsos poll` is `Reuters/Ipsos`.
        assert_eq!(surnames_key("Reuters/Ipsos poll"), "reuters ipsos");
        assert_eq!(
            surnames_key("Council on Foreign Relations"),
            "council on foreign relations"
        );
    }

    #[test]
    fn surnames_of_every_author_list() {
        assert_eq!(surnames_key("Helga Brandvold"), "brandvold");
        assert_eq!(surnames_key("Brandvold"), "brandvold");
        assert_eq!(surnames_key("Ellison, Margaret"), "ellison");
        assert_eq!(surnames_key("Joseph Mwangi and Ruth Holt"), "mwangi holt");
        assert_eq!(surnames_key("Mwangi and Holt"), "mwangi holt");
        assert_eq!(surnames_key("Ten Brink"), surnames_key("Aleida ten Brink"));
        assert_eq!(
            surnames_key("Van der Berg"),
            surnames_key("Anna van der Berg")
        );
        assert_eq!(surnames_key("Mwangi, Joseph, and Ruth Holt"), "mwangi holt");
        assert_eq!(surnames_key("Chen, L., & Wu, M."), "chen wu");
        assert_eq!(surnames_key("Lindgren et al."), "lindgren et al");
        assert_eq!(
            surnames_key("Lindgren, A., Berg, P., & Sato, K."),
            "lindgren et al"
        );
        assert_eq!(surnames_key("Eich, Brendan; David Hyatt"), "eich hyatt");
        assert_eq!(surnames_key("van der Berg, Anna"), "van der berg");
        assert_eq!(surnames_key("Keiko van der Berg"), "van der berg");
        // A capitalised particle is the surname's too, with the given name or without it.
        assert_eq!(surnames_key("Marleen De Wilde"), "de wilde");
        assert_eq!(surnames_key("De Wilde"), "de wilde");
        assert_eq!(surnames_key("Van der Berg"), "van der berg");
        assert_eq!(surnames_key("Al Gore"), "gore");
        assert_eq!(
            surnames_key("International Monetary Fund"),
            "international monetary fund"
        );
        assert_eq!(surnames_key("Bank of England"), "bank of england");
        assert_eq!(surnames_key("Pellow, R."), "pellow");
        assert_eq!(surnames_key("World Bank"), "world bank");
        assert_eq!(surnames_key("Mozilla Foundation"), "mozilla foundation");
        assert_eq!(surnames_key("Pirani, Stern, and Yafimava"), "pirani et al");
        assert_eq!(
            surnames("Simon Pirani, Jonathan Stern, and Katja Yafimava"),
            ["Pirani", "Stern", "Yafimava"]
        );
        assert_eq!(
            surnames("Pirani, Simon, Jonathan Stern, and Katja Yafimava"),
            ["Pirani", "Stern", "Yafimava"]
        );
    }
}
