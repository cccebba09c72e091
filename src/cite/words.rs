//! The words the citation finder reads names with: particles, the words of
//! institutions and outlets, lead-ins, and the words that look like names without being
//! sources.

/// Lower-case particles that may come before a surname (`van der Berg`, `ter Horst`,
/// `dos Santos`, `vom Berg`); only words no English sentence puts before a capital in
/// a name's place (not `do`, `te`).
#[rustfmt::skip]
pub(super) const PARTICLES: [&str; 19] = [
    "van", "von", "de", "der", "den", "da", "di", "du", "le", "la", "al", "el",
    "ter", "ten", "vom", "zu", "dos", "das", "della",
];

/// Words that open an Irish or Scottish surname (`Ó Laoire`, `Ní Bhrolcháin`, `Mac Giolla
/// Chríost`): capitalised, but part of the surname, as `van der` is.
pub(super) const GAELIC: [&str; 9] = ["Ó", "Ní", "Nic", "Mac", "Mc", "Ua", "Uí", "Mhic", "Giolla"];

/// Lower-case words between the capitalised words of an institution that writes
/// (`Bank of England`, `Office for National Statistics`).
#[rustfmt::skip]
pub(super) const INSTITUTION_LINKS: [&str; 5] = [
    "of", "for", "the", "on", "für",
];

/// Words that can start a capitalised parenthetical without naming a source (besides months).
#[rustfmt::skip]
pub(super) const NOT_SOURCES: &[&str] = &[
    "Spring", "Summer", "Autumn", "Fall", "Winter", "In", "From", "Since", "Until", "Before",
    "After", "Circa", "Born", "Died", "Founded", "Around", "About", "Approximately", "Between",
    "During", "Ca", "Est", "Updated", "Published", "Today", "Yesterday", "Tomorrow", "Monday",
    "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Figure", "Fig",
    "Table", "Chapter", "Section", "Page", "Vol", "Volume", "No", "Issue", "Edition", "Ed",
    "Eds", "Aged", "Age", "Now", "Then", "Also", "But", "And", "The", "This", "That", "These",
    "Those", "It", "He", "She", "They", "We", "I", "You", "Formerly", "Previously", "Later",
    "Up", "Down", "Including", "Excluding", "Except", "Sic", "Photo", "Pictured", "Left",
    "Right", "Above", "Below", "Emphasis", "Translation", "Trans", "Note", "Year", "Years",
    "Fiscal", "Appendix", "Annex", "Box", "Part", "Map", "Chart", "Graph", "Plate", "Exhibit",
    "Equation", "Eq", "See", "Cf", "Compare", "Ibid", "Until", "Through", "As", "At", "On",
    "Of", "For", "By", "To", "With", "Without", "Per", "Each", "Every", "All", "Some", "Most",
    "Only", "Not", "Or", "If", "When", "Where", "While", "Whose", "Which", "Who", "What",
    "Here", "There", "Total", "Average", "Median", "Mean", "Range", "Peak", "Unpublished",
    "Retrieved", "Accessed", "Archived", "Original", "Reprinted", "Revised", "First", "Second",
    "Third", "Last", "Next", "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "President",
    "Prime", "Minister",
];

/// Names of things that are not sources however they are capitalised: an act, a treaty, a
/// war, games or an election with its year is an aside (`(Clean Air Act, 1970)`).
#[rustfmt::skip]
pub(super) const EVENTS: &[&str] = &[
    "Act", "Acts", "Agreement", "Accord", "Accords", "Treaty", "Protocol", "Convention",
    "Declaration", "Statute", "Charter", "Constitution", "Amendment", "Bill", "Law",
    "Directive", "Regulation", "Resolution", "Revolution", "War", "Wars", "Uprising",
    "Rebellion", "Crisis", "Games", "Olympics", "Cup", "Championship", "Championships", "Expo",
    "Summit", "Conference", "Congress", "Election", "Elections", "Referendum", "Reform",
    "Reforms", "Massacre", "Earthquake", "Hurricane", "Typhoon", "Tsunami", "Flood", "Pandemic",
    "Festival", "Biennale", "Exhibition", "Award", "Prize", "Medal", "Dynasty", "Era", "Period",
    "Plan",
];

/// Lower-case words allowed inside a source name.
#[rustfmt::skip]
pub(super) const CONNECTORS: &[&str] = &[
    "of", "the", "for", "and", "de", "del", "la", "le", "du", "di", "da", "der", "des", "van",
    "von", "al", "el", "on", "in", "&", "y", "und", "et", "am", "im", "zu", "e", "a", "-", "–",
    "della", "delle", "dei", "degli", "dello", "do", "dos", "das", "du", "d’", "d'", "op",
    "ter", "te",
];

/// Lower-case words that may follow an outlet's name to say what of it is cited
/// (`Reuters/Ipsos poll`, `Kremlin press release`, `ministry statement`).
#[rustfmt::skip]
pub(super) const DESCRIPTORS: &[&str] = &[
    "poll", "polls", "survey", "report", "reports", "editorial", "interview", "statement",
    "press", "release", "briefing", "broadcast", "bulletin", "newsletter", "blog", "podcast",
    "transcript", "data", "figures", "estimates", "filing", "memo", "website", "column",
    "op-ed", "commentary", "tweet", "post", "speech", "testimony", "communiqué", "dispatch",
    "radio", "television", "online", "edition", "supplement", "magazine", "channel", "account",
    "video", "documentary", "letter", "notice", "announcement", "circular", "decree", "minutes",
    "hearing", "news", "daily", "weekly", "monthly", "quarterly", "review", "wire", "agency",
    "service", "study", "studies", "analysis", "audit", "assessment",
];

/// Last words of an institution's name, which is no person's surname (`World Bank`).
#[rustfmt::skip]
pub(super) const INSTITUTIONS: &[&str] = &[
    "Bank", "Foundation", "Organization", "Organisation", "Institute", "Institution", "Council",
    "Office", "Ministry", "Agency", "Association", "Society", "Commission", "Committee",
    "Board", "Department", "University", "Press", "Group", "Fund", "Corporation", "Company",
    "Service", "Trust", "Centre", "Center", "Authority", "Network", "Union", "Library",
    "Museum", "Bureau", "Inc", "Ltd", "Times", "News", "Post", "Journal", "Review", "Forum",
    "Programme", "Program", "Project", "Alliance", "Federation", "Parliament", "Assembly",
    "Court", "Tribunal", "Observatory", "Survey", "Statistics", "Wire", "Daily", "Herald",
    "Gazette", "Panel", "Army", "Mission", "Academy", "Academies", "Administration",
    "Directorate", "Inspectorate", "Secretariat", "Conference",
];

/// Last words of a newspaper's or a broadcaster's name (`Irish Times`, `Sunday Herald`).
/// A ministry or a bank says things too, but is a party to the story, not its source.
#[rustfmt::skip]
pub(super) const OUTLET_WORDS: &[&str] = &[
    "Times", "Journal", "Press", "News", "Post", "Herald", "Gazette", "Tribune", "Telegraph",
    "Chronicle", "Mail", "Express", "Observer", "Guardian", "Standard", "Courier", "Inquirer",
    "Dispatch", "Economist", "Independent", "Mercury", "Advertiser", "Examiner", "Record",
    "Statesman", "Sentinel", "Bulletin", "Globe", "Monitor", "Star", "Register", "Argus",
    "Enquirer", "Pioneer", "Dagblad", "Handelsblad", "Nieuwsblad", "Courant", "Zeitung",
    "Presse", "Tageblatt", "Rundschau", "Kurier", "Notícias", "Noticias", "Diário", "Diario",
];

/// The kinds of a Nordic local body, written in lower case after its place's name
/// (`Ravnsborg kommune`, `Nordland fylke`, `Uppsala län`), which authors as the body.
#[rustfmt::skip]
pub(super) const LOCAL_BODIES: [&str; 12] = [
    "kommune", "kommun", "fylkeskommune", "fylke", "amt", "amtskommune", "län", "landsting",
    "sogn", "herred", "kunta", "kaupunki",
];

/// Definite articles (and Swedish `Dagens`) that open an outlet's name in other languages
/// (`El Correo`, `Le Monde diplomatique`, `de Volkskrant`), which capitalise its first
/// word only.
pub(super) const FOREIGN_ARTICLES: &[&str] = &[
    "El", "La", "Las", "Los", "Le", "Les", "Il", "Lo", "Der", "Die", "Das", "De", "Het", "de",
    "het", "Dagens",
];

/// First words of a local government's name, which writes as a body does when "of"
/// follows (`City of Melbourne`, `County of Kent`); not institutions elsewhere, where
/// `(Mexico City, May 3)` is a dateline.
pub(super) const GOVERNMENTS: &[&str] = &["City", "Borough", "County", "Town", "Government"];

/// What a body says or publishes, which cites the body when "of the" joins it to the
/// name (`the advice of the London Assembly (2013)`).
#[rustfmt::skip]
pub(super) const SAYINGS: &[&str] = &[
    "advice", "report", "reports", "findings", "recommendations", "guidance", "estimates",
    "figures", "review", "evidence", "analysis", "conclusions", "statement", "assessment",
    "projections", "forecasts", "proposals", "survey", "surveys", "study", "data", "view",
    "verdict", "warning", "warnings",
];

/// Prepositions and conjunctions that a title in title case capitalises (`Plots Against
/// Hunger`) and a sentence does not, besides the citing words.
#[rustfmt::skip]
pub(super) const TITLE_LINKS: &[&str] = &[
    "Against", "Among", "Over", "Under", "Without", "Beyond", "Between", "Through", "Across",
    "Upon", "Into", "Of", "On", "At", "For", "With", "Before", "Behind", "Around", "Towards",
    "Toward", "Within", "Or", "Nor", "But", "Beneath", "Above", "Below",
];

/// Words a news lead-in puts before a source, kept in the citation's text but not its name.
#[rustfmt::skip]
pub(super) const LEAD_INS: &[&str] = &[
    "See also, ", "see also, ", "See also ", "see also ", "See, e.g., ", "see, e.g., ", "See, for example, ",
    "see, for example, ", "See ", "see ", "But see ", "but see ", "Cf. ", "cf. ", "Compare ",
    "compare ", "e.g., ", "e.g. ", "E.g., ", "for example, ", "for example ", "for instance, ",
    "As cited in ", "as cited in ", "cited in ", "Cited in ", "quoted in ", "Quoted in ",
    "reviewed in ", "reviewed by ", "discussed in ", "summarised in ", "summarized in ",
    "adapted from ", "Adapted from ", "data from ", "Data from ", "based on ", "Based on ",
    "following ", "Following ", "after ", "according to ", "According to ", "as reported by ",
    "reported by ", "via ", "Source: ", "Sources: ", "in ", "and ",
];

/// Days of the calendar that a date may name instead of a month (`Christmas Eve, 1856`).
#[rustfmt::skip]
pub(super) const HOLIDAYS: &[&str] = &[
    "Christmas", "Easter", "Michaelmas", "Whitsun", "Whitsunday", "Candlemas", "Lammas",
    "Martinmas", "Midsummer", "Hogmanay", "Pentecost", "Lent", "Advent", "Epiphany", "Hanukkah",
    "Ramadan", "Eid", "Diwali", "Passover", "Thanksgiving",
];

/// Reporting verbs: what the authors of a narrative citation do (`Nakamura (2018)
/// argues`). Verbs that places and things do as well (`saw`, `gave`, `made`) are not here:
/// they would make `New Caledonia (2018) saw` a citation.
#[rustfmt::skip]
pub(super) const REPORTING: &[&str] = &[
    "argue", "argues", "argued", "find", "finds", "found", "show", "shows", "showed", "shown",
    "note", "notes", "noted", "suggest", "suggests", "suggested", "report", "reports",
    "reported", "claim", "claims", "claimed", "observe", "observes", "observed", "conclude",
    "concludes", "concluded", "describe", "describes", "described", "contend", "contends",
    "contended", "propose", "proposes", "proposed", "demonstrate", "demonstrates",
    "demonstrated", "estimate", "estimates", "estimated", "write", "writes", "wrote", "point",
    "points", "pointed", "define", "defines", "defined", "identify", "identifies", "identified",
    "emphasise", "emphasises", "emphasised", "emphasize", "emphasizes", "emphasized",
    "document", "documents", "documented", "examine", "examines", "examined", "explore",
    "explores", "explored", "review", "reviews", "reviewed", "trace", "traces", "traced",
    "develop", "develops", "developed", "present", "presents", "presented", "distinguish",
    "distinguishes", "distinguished", "recommend", "recommends", "recommended", "warn", "warns",
    "warned", "insist", "insists", "insisted", "maintain", "maintains", "maintained",
    "acknowledge", "acknowledges", "acknowledged", "survey", "surveys", "surveyed", "study",
    "studies", "studied", "measure", "measures", "measured", "analyse", "analyses", "analysed",
    "analyze", "analyzes", "analyzed", "compare", "compares", "compared", "interview",
    "interviews", "interviewed", "attribute", "attributes", "attributed", "discuss",
    "discusses", "discussed", "coin", "coins", "coined", "explain", "explains", "explained",
    "assert", "asserts", "asserted", "caution", "cautions", "cautioned", "predict", "predicts",
    "predicted", "agree", "agrees", "agreed", "disagree", "disagrees", "disagreed", "counter",
    "counters", "countered", "reject", "rejects", "rejected", "summarise", "summarises",
    "summarised", "summarize", "summarizes", "summarized", "outline", "outlines", "outlined",
    "highlight", "highlights", "highlighted", "stress", "stresses", "stressed", "doubt",
    "doubts", "doubted", "question", "questions", "questioned", "challenge", "challenges",
    "challenged", "extend", "extends", "extended", "replicate", "replicates", "replicated",
    "puts", "put", "remind", "reminds", "reminded", "concede", "concedes", "conceded",
    "confess", "confesses", "confessed",
];

/// Verbs of a body making a record or a publication (`the Board of Trade (1894) collected
/// returns`): an author's doing for an institution, which names no place or thing.
#[rustfmt::skip]
pub(super) const RECORDING: &[&str] = &[
    "publish", "publishes", "published", "issue", "issues", "issued", "compile", "compiles",
    "compiled", "collect", "collects", "collected", "print", "prints", "printed", "count",
    "counts", "counted", "tabulate", "tabulates", "tabulated", "list", "lists", "listed",
    "record", "records", "recorded", "catalogue", "catalogues", "catalogued", "circulate",
    "circulates", "circulated",
];

/// What a body issues or prints that is no writing of its own: money, shares, papers of
/// right.
#[rustfmt::skip]
pub(super) const INSTRUMENTS: &[&str] = &[
    "notes", "banknotes", "coins", "coin", "currency", "money", "bonds", "shares", "stock",
    "stamps", "tokens", "licences", "licenses", "passports", "permits", "charters", "debt",
];

/// Verbs a place or an event does and no author's work does (`Paris (1900) hosted`).
#[rustfmt::skip]
pub(super) const PLACE_VERBS: &[&str] = &[
    "hosted", "hosts", "staged", "stages", "welcomed", "welcomes", "drew", "attracted",
    "attracts", "opened", "closed",
];

/// Verbs that read a thing as something (`Owen (1964) saw as the age's form`): a reporting
/// verb when `as` follows a few words on.
pub(super) const CONSTRUING: &[&str] = &[
    "see", "sees", "saw", "regard", "regards", "regarded", "treat", "treats", "treated", "read",
    "reads", "cast", "casts", "frame", "frames", "framed",
];

/// Participles of the verbs a passive sentence does to a place or a thing.
pub(super) const DONE_TO: &[&str] = &[
    "built", "made", "seen", "given", "known", "held", "run", "won", "laid", "chosen", "begun",
    "drawn", "taken", "shown",
];

/// Words before the authors that introduce a citation.
pub(super) const CITING: &[&str] = &[
    "see",
    "See",
    "cf.",
    "Cf.",
    "by",
    "following",
    "Following",
    "in",
    "In",
    "As",
    "as",
    "from",
    "From",
    "to",
    "and",
    "with",
    "after",
    "After",
    "unlike",
    "Unlike",
    "like",
    "Like",
    "of",
    "whereas",
    "while",
    "While",
    "also",
    "both",
    "Both",
    "According",
    "according",
    "e.g.",
    "e.g.,",
];

/// Words before a name that make it the name of a thing, not of an author.
pub(super) const NOT_AUTHORS: &[&str] = &[
    "the",
    "The",
    "at",
    "At",
    "a",
    "A",
    "an",
    "An",
    "this",
    "This",
    "that",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "whose",
    "film",
    "movie",
    "album",
    "novel",
    "song",
    "single",
    "play",
    "opera",
    "documentary",
    "series",
    "show",
    "game",
    "musical",
    "painting",
    "sculpture",
    "poem",
    "symphony",
    "ballet",
    "sitcom",
    "drama",
    "record",
    "track",
    "EP",
    "LP",
    "vessel",
    "ship",
    "yacht",
    "hurricane",
    "storm",
    "typhoon",
    "model",
    "version",
    "edition",
    "in",
    // Where something is: `a company building one at Letchworth (1903)`.
    "at",
    "near",
    "outside",
];
