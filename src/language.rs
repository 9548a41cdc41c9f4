//! Languages: which ones lede knows, what it has for each (a stemmer, stop
//! words), and detecting the language of a text.

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use rust_stemmers::Algorithm;
use whatlang::Lang;

use crate::error::Error;

/// A language lede can summarize.
///
/// Most have a Snowball stemmer in `rust-stemmers` and a stop-word list in
/// `stop-words`; Chinese, Hindi, Japanese and Polish have stop words only,
/// and [`Language::Undetermined`] has neither (segmentation and Unicode
/// word rules still apply). [`Language::has_stemmer`] and
/// [`Language::has_stop_words`] say which.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[non_exhaustive]
#[allow(missing_docs)]
pub enum Language {
    Arabic,
    Chinese,
    Danish,
    Dutch,
    #[default]
    English,
    Finnish,
    French,
    German,
    Greek,
    Hindi,
    Hungarian,
    Italian,
    Japanese,
    Norwegian,
    Polish,
    Portuguese,
    Romanian,
    Russian,
    Spanish,
    Swedish,
    Tamil,
    Turkish,
    /// No language resources: what `auto` falls back to for a script lede
    /// has no language for (Hebrew, Korean, Thai, ...). Code `und` (ISO
    /// 639-2 "undetermined").
    Undetermined,
}

/// What lede knows about one language.
struct Entry {
    language: Language,
    /// ISO 639-1 code (`und` for [`Language::Undetermined`]).
    code: &'static str,
    /// English name.
    name: &'static str,
    /// Snowball stemmer, where `rust-stemmers` has one.
    stemmer: Option<Algorithm>,
    /// The language as whatlang detects it.
    detected_as: Option<Lang>,
}

/// Every language, in the order of the enum (checked by a test), so a
/// language's index in the table is `language as usize`.
const TABLE: &[Entry] = &[
    entry(
        Language::Arabic,
        "ar",
        "Arabic",
        Some(Algorithm::Arabic),
        Some(Lang::Ara),
    ),
    entry(Language::Chinese, "zh", "Chinese", None, Some(Lang::Cmn)),
    entry(
        Language::Danish,
        "da",
        "Danish",
        Some(Algorithm::Danish),
        Some(Lang::Dan),
    ),
    entry(
        Language::Dutch,
        "nl",
        "Dutch",
        Some(Algorithm::Dutch),
        Some(Lang::Nld),
    ),
    entry(
        Language::English,
        "en",
        "English",
        Some(Algorithm::English),
        Some(Lang::Eng),
    ),
    entry(
        Language::Finnish,
        "fi",
        "Finnish",
        Some(Algorithm::Finnish),
        Some(Lang::Fin),
    ),
    entry(
        Language::French,
        "fr",
        "French",
        Some(Algorithm::French),
        Some(Lang::Fra),
    ),
    entry(
        Language::German,
        "de",
        "German",
        Some(Algorithm::German),
        Some(Lang::Deu),
    ),
    entry(
        Language::Greek,
        "el",
        "Greek",
        Some(Algorithm::Greek),
        Some(Lang::Ell),
    ),
    entry(Language::Hindi, "hi", "Hindi", None, Some(Lang::Hin)),
    entry(
        Language::Hungarian,
        "hu",
        "Hungarian",
        Some(Algorithm::Hungarian),
        Some(Lang::Hun),
    ),
    entry(
        Language::Italian,
        "it",
        "Italian",
        Some(Algorithm::Italian),
        Some(Lang::Ita),
    ),
    entry(Language::Japanese, "ja", "Japanese", None, Some(Lang::Jpn)),
    entry(
        Language::Norwegian,
        "no",
        "Norwegian",
        Some(Algorithm::Norwegian),
        Some(Lang::Nob),
    ),
    entry(Language::Polish, "pl", "Polish", None, Some(Lang::Pol)),
    entry(
        Language::Portuguese,
        "pt",
        "Portuguese",
        Some(Algorithm::Portuguese),
        Some(Lang::Por),
    ),
    entry(
        Language::Romanian,
        "ro",
        "Romanian",
        Some(Algorithm::Romanian),
        Some(Lang::Ron),
    ),
    entry(
        Language::Russian,
        "ru",
        "Russian",
        Some(Algorithm::Russian),
        Some(Lang::Rus),
    ),
    entry(
        Language::Spanish,
        "es",
        "Spanish",
        Some(Algorithm::Spanish),
        Some(Lang::Spa),
    ),
    entry(
        Language::Swedish,
        "sv",
        "Swedish",
        Some(Algorithm::Swedish),
        Some(Lang::Swe),
    ),
    entry(
        Language::Tamil,
        "ta",
        "Tamil",
        Some(Algorithm::Tamil),
        Some(Lang::Tam),
    ),
    entry(
        Language::Turkish,
        "tr",
        "Turkish",
        Some(Algorithm::Turkish),
        Some(Lang::Tur),
    ),
    entry(Language::Undetermined, "und", "Undetermined", None, None),
];

const fn entry(
    language: Language,
    code: &'static str,
    name: &'static str,
    stemmer: Option<Algorithm>,
    detected_as: Option<Lang>,
) -> Entry {
    Entry {
        language,
        code,
        name,
        stemmer,
        detected_as,
    }
}

/// Other spellings `--lang` accepts: Norwegian Bokmål's own code.
const ALIASES: &[(&str, Language)] = &[("nb", Language::Norwegian)];

impl Language {
    /// How many languages there are, [`Language::Undetermined`] included.
    pub(crate) const COUNT: usize = TABLE.len();

    /// All languages that have stop words, ordered by code
    /// ([`Language::Undetermined`] is left out).
    pub fn all() -> impl Iterator<Item = Language> {
        let mut all: Vec<_> = TABLE
            .iter()
            .map(|e| e.language)
            .filter(|lang| lang.has_stop_words())
            .collect();
        all.sort_by_key(|lang| lang.code());
        all.into_iter()
    }

    fn entry(self) -> &'static Entry {
        &TABLE[self.index()]
    }

    /// The language's slot in per-language tables, `0..COUNT`.
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    /// The ISO 639-1 code, e.g. `"en"` (`"und"` for
    /// [`Language::Undetermined`]).
    pub fn code(self) -> &'static str {
        self.entry().code
    }

    /// The English name, e.g. `"English"`.
    pub fn name(self) -> &'static str {
        self.entry().name
    }

    /// Whether lede stems the words of this language.
    pub fn has_stemmer(self) -> bool {
        self.entry().stemmer.is_some()
    }

    /// Whether lede has stop words for this language.
    pub fn has_stop_words(self) -> bool {
        !self.stop_words().is_empty()
    }

    /// The stop words of this language, lower-case (empty when there are none).
    pub fn stop_words(self) -> &'static [&'static str] {
        if self == Language::Undetermined {
            return &[];
        }
        // The crate's NLTK lists take precedence over its much longer ISO
        // lists where both exist; the ISO English list (1,298 words) drops
        // content words such as "new", "year" and "million".
        stop_words::lookup(self.code()).unwrap_or(&[])
    }

    /// The Snowball algorithm for this language, if it has one.
    pub(crate) fn stemmer_algorithm(self) -> Option<Algorithm> {
        self.entry().stemmer
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Language {
    type Err = Error;

    /// Accepts an ISO 639-1 code or an English name, in any case (and `und`
    /// for no language resources).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim();
        TABLE
            .iter()
            .map(|e| (e.code, e.name, e.language))
            .chain(ALIASES.iter().map(|&(alias, lang)| (alias, alias, lang)))
            .find(|(code, name, _)| {
                code.eq_ignore_ascii_case(wanted) || name.eq_ignore_ascii_case(wanted)
            })
            .map(|(_, _, lang)| lang)
            .ok_or_else(|| Error::UnsupportedLanguage(s.to_string()))
    }
}

/// Which language to summarize a text in: detected from the text, or given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum LanguageChoice {
    /// Detect the language of each text ([`detect`]).
    #[default]
    Auto,
    /// Use this language for every text.
    Fixed(Language),
}

impl fmt::Display for LanguageChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LanguageChoice::Auto => f.write_str("auto"),
            LanguageChoice::Fixed(language) => language.fmt(f),
        }
    }
}

impl FromStr for LanguageChoice {
    type Err = Error;

    /// `auto`, or anything [`Language`] accepts.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.trim().eq_ignore_ascii_case("auto") {
            Ok(LanguageChoice::Auto)
        } else {
            s.parse().map(LanguageChoice::Fixed)
        }
    }
}

impl From<Language> for LanguageChoice {
    fn from(language: Language) -> Self {
        LanguageChoice::Fixed(language)
    }
}

/// How the language of a summary was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LanguageSource {
    /// Detected from the text.
    Detected,
    /// Given in the options (`--lang CODE`).
    Given,
    /// Detection was unsure or the text too short: English for Latin script
    /// (and text without letters), [`Language::Undetermined`] otherwise.
    Default,
}

/// Detection reads at most this many bytes from the start of the text.
/// Measured with whatlang 0.18 over the supported set: every article of
/// bbc-dev (911) and cnndm-dev (100) is detected as reliable English from
/// its first 512, 1,024, 2,048 or 4,096 bytes, at 0.05, 0.07, 0.10 and
/// 0.11 ms per article (lede's whole pipeline takes about 0.24 ms). 1 KiB
/// is some 150 words of Latin script or 340 CJK characters.
pub const DETECT_PREFIX_BYTES: usize = 1024;

/// Detects the language of `text` from its first [`DETECT_PREFIX_BYTES`]
/// among the languages lede has stop words for. When whatlang is not
/// reliable (short or mixed text), or finds a language lede does not have,
/// the result is the default: English for Latin script or no letters at
/// all, [`Language::Undetermined`] for other scripts.
///
/// ```
/// use lede::language::{detect, LanguageSource};
/// use lede::Language;
///
/// let text = "Der Stadtrat hat am Dienstag den Haushalt für das kommende Jahr \
///             beschlossen. Die Opposition stimmte dagegen.";
/// assert_eq!(detect(text), (Language::German, LanguageSource::Detected));
/// assert_eq!(detect("Go!"), (Language::English, LanguageSource::Default));
/// ```
pub fn detect(text: &str) -> (Language, LanguageSource) {
    let mut end = text.len().min(DETECT_PREFIX_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let prefix = &text[..end];
    let detector = detector();
    let found = detector
        .detect(prefix)
        .filter(whatlang::Info::is_reliable)
        .and_then(|info| {
            TABLE
                .iter()
                .find(|e| e.detected_as == Some(info.lang()))
                .map(|e| e.language)
        });
    match found {
        Some(language) => (language, LanguageSource::Detected),
        None => match detector.detect_script(prefix) {
            None | Some(whatlang::Script::Latin) => (Language::English, LanguageSource::Default),
            Some(_) => (Language::Undetermined, LanguageSource::Default),
        },
    }
}

/// The detector, built once: whatlang restricted to the languages lede has.
fn detector() -> &'static whatlang::Detector {
    static DETECTOR: OnceLock<whatlang::Detector> = OnceLock::new();
    DETECTOR.get_or_init(|| {
        whatlang::Detector::with_allowlist(TABLE.iter().filter_map(|e| e.detected_as).collect())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_follows_the_enum() {
        for (i, e) in TABLE.iter().enumerate() {
            assert_eq!(e.language.index(), i, "{:?}", e.language);
        }
    }

    #[test]
    fn every_listed_language_has_stop_words_and_parses_back() {
        for lang in Language::all() {
            assert!(lang.has_stop_words(), "{lang:?} has no stop words");
            assert_eq!(lang.code().parse::<Language>().ok(), Some(lang), "{lang:?}");
            assert_eq!(lang.name().parse::<Language>().ok(), Some(lang), "{lang:?}");
        }
        assert_eq!(Language::all().count(), Language::COUNT - 1);
    }

    #[test]
    fn resources_per_language() {
        let cases = [
            (Language::English, true, true),
            (Language::Tamil, true, true),
            (Language::Chinese, false, true),
            (Language::Polish, false, true),
            (Language::Undetermined, false, false),
        ];
        for (lang, stemmer, stop_words) in cases {
            assert_eq!(
                (lang.has_stemmer(), lang.has_stop_words()),
                (stemmer, stop_words),
                "{lang:?}"
            );
        }
    }

    #[test]
    fn codes_and_names_parse_in_any_case() {
        for (input, want) in [
            ("en", Language::English),
            ("EN", Language::English),
            ("german", Language::German),
            (" fr ", Language::French),
            ("nb", Language::Norwegian),
            ("zh", Language::Chinese),
            ("und", Language::Undetermined),
        ] {
            assert_eq!(
                input.parse::<Language>().ok(),
                Some(want),
                "input: {input:?}"
            );
        }
    }

    #[test]
    fn a_choice_is_auto_or_a_language() {
        for (input, want) in [
            ("auto", LanguageChoice::Auto),
            ("AUTO", LanguageChoice::Auto),
            ("de", LanguageChoice::Fixed(Language::German)),
        ] {
            assert_eq!(input.parse().ok(), Some(want), "input: {input:?}");
            assert_eq!(want.to_string().parse().ok(), Some(want), "{want:?}");
        }
    }

    #[test]
    fn unknown_language_is_an_error_naming_it() {
        let err = "xx".parse::<Language>().unwrap_err();
        assert!(err.to_string().contains("'xx'"), "{err}");
        let err = "xx".parse::<LanguageChoice>().unwrap_err();
        assert!(err.to_string().contains("'xx'"), "{err}");
    }

    #[test]
    fn detection_takes_reliable_results_and_falls_back_by_script() {
        let cases = [
            (
                "The council voted on Tuesday to approve a budget that raises spending on parks.",
                Language::English,
                LanguageSource::Detected,
            ),
            (
                "Le conseil municipal a adopté mardi un budget qui augmente les dépenses.",
                Language::French,
                LanguageSource::Detected,
            ),
            (
                "Городской совет во вторник утвердил бюджет на следующий год.",
                Language::Russian,
                LanguageSource::Detected,
            ),
            (
                "市议会周二通过了明年的预算。",
                Language::Chinese,
                LanguageSource::Detected,
            ),
            (
                "市議会は火曜日に来年度の予算案を可決した。",
                Language::Japanese,
                LanguageSource::Detected,
            ),
            ("Go!", Language::English, LanguageSource::Default),
            ("2024", Language::English, LanguageSource::Default),
            (
                "시의회는 화요일 내년 예산안을 통과시켰다.",
                Language::Undetermined,
                LanguageSource::Default,
            ),
            (
                "מועצת העיר אישרה ביום שלישי את התקציב.",
                Language::Undetermined,
                LanguageSource::Default,
            ),
        ];
        for (text, language, source) in cases {
            assert_eq!(detect(text), (language, source), "input: {text:?}");
        }
    }

    #[test]
    fn detection_reads_a_prefix_and_never_splits_a_character() {
        // Byte DETECT_PREFIX_BYTES falls inside an "é".
        let text = format!("a{}", "é".repeat(DETECT_PREFIX_BYTES));
        assert!(!text.is_char_boundary(DETECT_PREFIX_BYTES));
        let _ = detect(&text);
        let long = "Die Stadt baut eine neue Brücke über den Fluss. ".repeat(100);
        assert_eq!(detect(&long).0, Language::German);
    }
}
