//! Segmentation rules by language: abbreviations, ordinal dots, quote marks
//! and question marks that differ from English.
//!
//! The abbreviations are data: `data/abbreviations/<code>.txt`, one word a
//! line, lower-case and without the final dot, in sections that say what
//! each one does to a sentence (see `en.txt`). Dotted ones ("z.B.",
//! "t.ex.", "S.p.A.") need no entry: a word of letters joined by dots is an
//! abbreviation in every language. German's ordinal dots are in
//! `data/ordinals/de.txt`, and the words the English caption rule does not
//! take for a sentence's first in `data/captions/en.txt`.

use crate::language::Language;

/// The contents of `data/abbreviations/<code>.txt`.
macro_rules! abbreviations {
    ($code:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/abbreviations/",
            $code,
            ".txt"
        ))
    };
}

/// How one language's sentences end.
#[derive(Debug, Clone, Copy)]
pub(super) struct Rules {
    /// The language's abbreviation list (a data file; see [`ABBREVIATIONS`]).
    /// Its `[suffix]` words may end a sentence or go on before a
    /// capitalized word. Outside German (whose nouns are capitalized: "3
    /// Mio. Euro") they are few: a unit or "etc." before a capital mostly
    /// ends the sentence ("24 млрд руб. Новый участок ...", "15 mio. kr.
    /// Rederiet").
    pub abbreviations: &'static str,
    /// Whether the common list ([`COMMON_ABBREVIATIONS`]) counts too.
    /// English has its own complete lists.
    pub common: bool,
    /// Whether a single lower-case letter is an abbreviation that may go
    /// on before a noun ("u. a. Bayern"). Only German: elsewhere a capital
    /// after one starts a sentence ("и т. д. Новый", "w 2025 r. Pierwsi").
    pub lowercase_initials: bool,
    /// The language's ordinal words (a data file, `data/ordinals/<code>.txt`;
    /// empty for a language that writes no ordinal dots): its `[cue]`
    /// words before a number with a dot make it an ordinal, which goes on
    /// with a capitalized noun ("im 19. Jahrhundert"); its `[month]` names
    /// after one make an ordinal date ("am 3. Oktober"), never a sentence
    /// end.
    pub ordinals: &'static str,
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
        let rules = |abbreviations| Rules {
            abbreviations,
            common: true,
            lowercase_initials: false,
            ordinals: "",
            closers: &[],
            spaced_guillemets: false,
            semicolon_question: false,
            caption_cuts: false,
        };
        match language {
            Language::English | Language::Undetermined => Rules {
                common: false,
                caption_cuts: true,
                ..rules(ENGLISH)
            },
            Language::German => Rules {
                lowercase_initials: true,
                ordinals: include_str!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/data/ordinals/de.txt"
                )),
                closers: &['“', '‘', '«'],
                ..rules(abbreviations!("de"))
            },
            Language::French => Rules {
                spaced_guillemets: true,
                ..rules(abbreviations!("fr"))
            },
            Language::Spanish => rules(abbreviations!("es")),
            Language::Italian => rules(abbreviations!("it")),
            Language::Portuguese => rules(abbreviations!("pt")),
            Language::Dutch => rules(abbreviations!("nl")),
            Language::Danish => Rules {
                closers: &['«'],
                ..rules(abbreviations!("da"))
            },
            Language::Norwegian => rules(abbreviations!("no")),
            Language::Swedish => rules(abbreviations!("sv")),
            Language::Finnish => rules(abbreviations!("fi")),
            Language::Hungarian => rules(abbreviations!("hu")),
            Language::Turkish => rules(abbreviations!("tr")),
            Language::Romanian => rules(abbreviations!("ro")),
            Language::Polish => rules(abbreviations!("pl")),
            Language::Russian => Rules {
                closers: &['“'],
                ..rules(abbreviations!("ru"))
            },
            Language::Greek => Rules {
                semicolon_question: true,
                ..rules(abbreviations!("el"))
            },
            Language::Arabic => rules(abbreviations!("ar")),
            Language::Hindi => rules(abbreviations!("hi")),
            Language::Tamil => rules(abbreviations!("ta")),
            Language::Chinese | Language::Japanese => rules(""),
        }
    }
}

/// English abbreviations: complete lists, without the common ones.
const ENGLISH: &str = abbreviations!("en");

/// Abbreviations shared by most European languages' news copy.
pub(super) const COMMON_ABBREVIATIONS: &str = abbreviations!("common");

/// Every list, for the tests.
#[cfg(test)]
pub(super) const ABBREVIATIONS: &[&str] = &[
    ENGLISH,
    COMMON_ABBREVIATIONS,
    abbreviations!("de"),
    abbreviations!("fr"),
    abbreviations!("es"),
    abbreviations!("it"),
    abbreviations!("pt"),
    abbreviations!("nl"),
    abbreviations!("da"),
    abbreviations!("no"),
    abbreviations!("sv"),
    abbreviations!("fi"),
    abbreviations!("hu"),
    abbreviations!("tr"),
    abbreviations!("ro"),
    abbreviations!("pl"),
    abbreviations!("ru"),
    abbreviations!("el"),
    abbreviations!("ar"),
    abbreviations!("hi"),
    abbreviations!("ta"),
];

/// What an abbreviation before a full stop says about the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Abbreviation {
    /// A title or other word that is always followed by more of the same
    /// sentence ("Dr. Smith").
    Prefix,
    /// An abbreviation that often ends a sentence too ("shares of Acme Inc.
    /// The company ..."): a boundary only when a capitalized stop word
    /// follows.
    Suffix,
    /// A word that goes on before a number ("No. 5", "p. 55") and is an
    /// ordinary word otherwise ("The answer was no.", "by the SEC.").
    Number,
}

/// The entries of an abbreviation list: each word with the kind its
/// section gives it. A word before any section, or in a section of another
/// name, is `Err` with the line, so that a test can name it.
pub(super) fn parse_abbreviations(
    list: &'static str,
) -> impl Iterator<Item = Result<(&'static str, Abbreviation), &'static str>> {
    sections(list).map(|(section, word)| {
        let kind = match section {
            "prefix" => Abbreviation::Prefix,
            "suffix" => Abbreviation::Suffix,
            "number" => Abbreviation::Number,
            _ => return Err(word),
        };
        Ok((word, kind))
    })
}

/// The words of a data file, each with the name of its section (`[name]`
/// on a line of its own; "" before the first). Comments (`#`) and blank
/// lines are skipped.
pub(super) fn sections(list: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut section = "";
    list.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(
            move |line| match line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                Some(name) => {
                    section = name;
                    None
                }
                None => Some((section, line)),
            },
        )
}

/// The words of the `name` section of a data file.
pub(super) fn section(
    list: &'static str,
    name: &'static str,
) -> impl Iterator<Item = &'static str> {
    sections(list).filter_map(move |(section, word)| (section == name).then_some(word))
}

/// The capitalized stop words that start no sentence after a glued photo
/// caption (English; see `captions.rs`).
pub(super) const CAPTION_NAME_WORDS: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/captions/en.txt"));
