//! Segmentation rules by language: abbreviations, ordinal dots, quote marks
//! and question marks that differ from English.
//!
//! The lists are the abbreviations news copy uses, lower-case and without
//! the final dot. Dotted ones ("z.B.", "t.ex.", "S.p.A.") need no entry: a
//! word of letters joined by dots is an abbreviation in every language.

use crate::language::Language;

/// How one language's sentences end.
#[derive(Debug, Clone, Copy)]
pub(super) struct Rules {
    /// Titles and other words always followed by more of the same sentence.
    pub prefix: &'static [&'static str],
    /// Abbreviations that may end a sentence or go on before a capitalized
    /// word: a boundary only when a capitalized stop word follows. Outside
    /// German (whose nouns are capitalized: "3 Mio. Euro") this is company
    /// suffixes alone: a unit or "etc." before a capital mostly ends the
    /// sentence ("24 млрд руб. Новый участок ...", "15 mio. kr. Rederiet").
    pub suffix: &'static [&'static str],
    /// Whether the common lists ([`COMMON_PREFIX`], [`COMMON_SUFFIX`]) count
    /// too. English has its own complete lists.
    pub common: bool,
    /// Whether a single lower-case letter is an abbreviation that may go
    /// on before a noun ("u. a. Bayern"). Only German: elsewhere a capital
    /// after one starts a sentence ("и т. д. Новый", "w 2025 r. Pierwsi").
    pub lowercase_initials: bool,
    /// Words before a number with a dot that make it an ordinal, which
    /// goes on with a capitalized noun ("im 19. Jahrhundert").
    pub ordinal_cues: &'static [&'static str],
    /// Month names after a number with a dot: an ordinal date ("am 3.
    /// Oktober"), never a sentence end.
    pub months: &'static [&'static str],
    /// Quote marks that close a quotation in this language beyond the
    /// common [`super::CLOSERS`]: German „…“ and »…«, Danish »…«.
    pub closers: &'static [char],
    /// French spaces its guillemets ("« Non. »"): a closing one after a
    /// space still belongs to the sentence before it.
    pub spaced_guillemets: bool,
    /// Greek writes its question mark as ";".
    pub semicolon_question: bool,
    /// Whether glued photo captions are cut off (a rule measured on
    /// English news pages only).
    pub caption_cuts: bool,
}

impl Rules {
    /// The rules of `language`. [`Language::Undetermined`] follows English.
    pub(super) fn of(language: Language) -> Rules {
        let rules = |prefix, suffix| Rules {
            prefix,
            suffix,
            common: true,
            lowercase_initials: false,
            ordinal_cues: &[],
            months: &[],
            closers: &[],
            spaced_guillemets: false,
            semicolon_question: false,
            caption_cuts: false,
        };
        match language {
            Language::English | Language::Undetermined => Rules {
                common: false,
                caption_cuts: true,
                ..rules(ENGLISH_PREFIX, ENGLISH_SUFFIX)
            },
            Language::German => Rules {
                lowercase_initials: true,
                ordinal_cues: GERMAN_ORDINAL_CUES,
                months: GERMAN_MONTHS,
                closers: &['“', '‘', '«'],
                ..rules(GERMAN_PREFIX, GERMAN_SUFFIX)
            },
            Language::French => Rules {
                spaced_guillemets: true,
                ..rules(FRENCH_PREFIX, FRENCH_SUFFIX)
            },
            Language::Spanish => rules(SPANISH_PREFIX, SPANISH_SUFFIX),
            Language::Italian => rules(ITALIAN_PREFIX, ITALIAN_SUFFIX),
            Language::Portuguese => rules(PORTUGUESE_PREFIX, PORTUGUESE_SUFFIX),
            Language::Dutch => rules(DUTCH_PREFIX, DUTCH_SUFFIX),
            Language::Danish => Rules {
                closers: &['«'],
                ..rules(DANISH_NORWEGIAN_PREFIX, &[])
            },
            Language::Norwegian => rules(DANISH_NORWEGIAN_PREFIX, &[]),
            Language::Swedish => rules(SWEDISH_PREFIX, &[]),
            Language::Finnish => rules(FINNISH_PREFIX, &[]),
            Language::Hungarian => rules(HUNGARIAN_PREFIX, HUNGARIAN_SUFFIX),
            Language::Turkish => rules(TURKISH_PREFIX, TURKISH_SUFFIX),
            Language::Romanian => rules(ROMANIAN_PREFIX, &[]),
            Language::Polish => rules(POLISH_PREFIX, &[]),
            Language::Russian => Rules {
                closers: &['“'],
                ..rules(RUSSIAN_PREFIX, &[])
            },
            Language::Greek => Rules {
                semicolon_question: true,
                ..rules(GREEK_PREFIX, &[])
            },
            Language::Arabic => rules(ARABIC_PREFIX, &[]),
            Language::Hindi => rules(HINDI_PREFIX, &[]),
            Language::Tamil => rules(TAMIL_PREFIX, &[]),
            Language::Chinese | Language::Japanese => rules(&[], &[]),
        }
    }
}

/// English titles and other words always followed by more of the sentence.
const ENGLISH_PREFIX: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "col", "lt", "maj",
    "capt", "cmdr", "sgt", "cpl", "adm", "gov", "sen", "rep", "pres", "supt", "insp", "det", "rev",
    "hon", "fr", "sra", "srta", "mme", "mlle", "messrs", "e.g", "i.e", "cf", "viz", "vs", "v",
    "approx", "ca", "fig", "figs", "eq", "vol", "no", "nos", "nr", "pp", "p", "ch", "sec", "art",
    "op", "dept", "univ", "assn", "bros", "ave", "blvd", "rd", "hwy",
];

/// English abbreviations that often end a sentence too ("shares of Acme
/// Inc. The company ...").
const ENGLISH_SUFFIX: &[&str] = &[
    "inc", "ltd", "co", "corp", "plc", "llc", "etc", "al", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur",
    "thurs", "fri", "sat", "sun", "est", "edt", "pst", "gmt", "yr", "yrs",
];

/// Abbreviations shared by most European languages' news copy.
pub(super) const COMMON_PREFIX: &[&str] = &[
    "dr", "prof", "nr", "st", "vs", "ca", "cf", "vol", "art", "tel", "fig",
];
/// Company suffixes, which end sentences as often as not.
pub(super) const COMMON_SUFFIX: &[&str] = &["inc", "ltd", "corp", "plc", "llc", "co"];

const GERMAN_PREFIX: &[&str] = &[
    "hr", "fr", "dipl", "ing", "abs", "bzw", "vgl", "ggf", "inkl", "exkl", "evtl", "sog", "bspw",
    "gem", "lt", "urspr", "ehem",
];
const GERMAN_SUFFIX: &[&str] = &["mio", "mrd", "tsd", "str", "jh", "jhd", "gmbh"];
/// Articles and contracted prepositions before an ordinal ("am 3.", "der
/// 1. FC"); not plain prepositions ("auf 12. Retter ...").
const GERMAN_ORDINAL_CUES: &[&str] = &[
    "am", "im", "vom", "zum", "zur", "beim", "dem", "den", "der", "des", "die", "das", "ab", "seit",
];
const GERMAN_MONTHS: &[&str] = &[
    "januar",
    "jänner",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
];

const FRENCH_PREFIX: &[&str] = &[
    "m", "mm", "mme", "mmes", "mlle", "mgr", "me", "pr", "ste", "av", "bd", "env", "p", "ex",
    "chap",
];
const FRENCH_SUFFIX: &[&str] = &["cie"];

const SPANISH_PREFIX: &[&str] = &[
    "sr", "sra", "srta", "sres", "d", "dña", "dra", "ud", "uds", "lic", "ing", "arq", "núm", "pág",
    "av", "avda", "gral", "ee", "aprox", "p", "ej", "c",
];
const SPANISH_SUFFIX: &[&str] = &["uu", "cía", "hnos"];

const ITALIAN_PREFIX: &[&str] = &[
    "sig", "sigg", "dott", "avv", "ing", "arch", "geom", "on", "sen", "gen", "mons", "p", "pag",
    "n",
];
const ITALIAN_SUFFIX: &[&str] = &["spa", "srl"];

const PORTUGUESE_PREFIX: &[&str] = &[
    "sr", "sra", "srta", "dra", "d", "profa", "eng", "av", "exmo", "exma", "pág", "n", "sto", "sta",
];
const PORTUGUESE_SUFFIX: &[&str] = &["ltda", "cia"];

const DUTCH_PREFIX: &[&str] = &[
    "dhr", "mevr", "mr", "mw", "drs", "ir", "ing", "ds", "blz", "bijv", "resp",
];
const DUTCH_SUFFIX: &[&str] = &["bv", "nv"];

const DANISH_NORWEGIAN_PREFIX: &[&str] = &["hr", "kl", "jf", "pga", "ang", "evt", "iflg"];

const SWEDISH_PREFIX: &[&str] = &["hr", "kl", "resp", "jfr"];

const FINNISH_PREFIX: &[&str] = &["esim", "mm", "ns", "ks", "vrt", "huom", "n"];

const HUNGARIAN_PREFIX: &[&str] = &["id", "ifj", "özv", "kb", "pl", "ill", "ún", "vö", "ld"];
const HUNGARIAN_SUFFIX: &[&str] = &["kft", "zrt", "nyrt", "bt"];

const TURKISH_PREFIX: &[&str] = &["doç", "av", "sn", "yrd", "no"];
const TURKISH_SUFFIX: &[&str] = &["şti"];

const ROMANIAN_PREFIX: &[&str] = &["dl", "dna", "dra", "dlui", "dnei", "ing", "str", "bd", "av"];

const POLISH_PREFIX: &[&str] = &[
    "mgr", "inż", "hab", "ks", "płk", "gen", "ul", "al", "pl", "tj", "np", "ok", "tzw", "godz",
    "św", "im", "ws",
];

const RUSSIAN_PREFIX: &[&str] = &[
    "ул",
    "им",
    "пр",
    "просп",
    "пл",
    "проф",
    "акад",
    "св",
    "см",
    "ср",
    "тов",
    "гр",
];

const GREEK_PREFIX: &[&str] = &["κ", "δρ", "καθ", "δηλ", "βλ"];

/// Arabic "د." (doctor) and "أ." (professor) come before a name.
const ARABIC_PREFIX: &[&str] = &["د", "أ"];
/// Hindi "डॉ." (doctor) and "प्रो." (professor).
const HINDI_PREFIX: &[&str] = &["डॉ", "प्रो"];
/// Tamil "திரு." (Mr.) and "டாக்டர்." (doctor).
const TAMIL_PREFIX: &[&str] = &["திரு", "திருமதி", "டாக்டர்"];
