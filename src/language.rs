//! Languages: the ones both the stemmer and the stop-word crate support.

use std::fmt;
use std::str::FromStr;

use rust_stemmers::Algorithm;

use crate::error::Error;

/// A language lede can summarize: it has a Snowball stemmer in
/// `rust-stemmers` and a stop-word list in `stop-words`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[non_exhaustive]
#[allow(missing_docs)]
pub enum Language {
    Arabic,
    Danish,
    Dutch,
    #[default]
    English,
    Finnish,
    French,
    German,
    Greek,
    Hungarian,
    Italian,
    Norwegian,
    Portuguese,
    Romanian,
    Russian,
    Spanish,
    Swedish,
    Tamil,
    Turkish,
}

/// Every supported language with its ISO 639-1 code and English name.
const TABLE: &[(Language, &str, &str)] = &[
    (Language::Arabic, "ar", "Arabic"),
    (Language::Danish, "da", "Danish"),
    (Language::Dutch, "nl", "Dutch"),
    (Language::English, "en", "English"),
    (Language::Finnish, "fi", "Finnish"),
    (Language::French, "fr", "French"),
    (Language::German, "de", "German"),
    (Language::Greek, "el", "Greek"),
    (Language::Hungarian, "hu", "Hungarian"),
    (Language::Italian, "it", "Italian"),
    (Language::Norwegian, "no", "Norwegian"),
    (Language::Portuguese, "pt", "Portuguese"),
    (Language::Romanian, "ro", "Romanian"),
    (Language::Russian, "ru", "Russian"),
    (Language::Spanish, "es", "Spanish"),
    (Language::Swedish, "sv", "Swedish"),
    (Language::Tamil, "ta", "Tamil"),
    (Language::Turkish, "tr", "Turkish"),
];

impl Language {
    /// All supported languages, ordered by code.
    pub fn all() -> impl Iterator<Item = Language> {
        let mut all: Vec<_> = TABLE.iter().map(|&(lang, _, _)| lang).collect();
        all.sort_by_key(|lang| lang.code());
        all.into_iter()
    }

    fn entry(self) -> &'static (Language, &'static str, &'static str) {
        TABLE
            .iter()
            .find(|(lang, _, _)| *lang == self)
            .expect("TABLE lists every Language variant")
    }

    /// The ISO 639-1 code, e.g. `"en"`.
    pub fn code(self) -> &'static str {
        self.entry().1
    }

    /// The English name, e.g. `"English"`.
    pub fn name(self) -> &'static str {
        self.entry().2
    }

    /// The stop words of this language, lower-case.
    pub fn stop_words(self) -> &'static [&'static str] {
        // The crate's NLTK lists take precedence over its much longer ISO
        // lists where both exist; the ISO English list (1,298 words) drops
        // content words such as "new", "year" and "million".
        stop_words::lookup(self.code()).unwrap_or(&[])
    }

    /// The Snowball algorithm for this language.
    pub(crate) fn stemmer_algorithm(self) -> Algorithm {
        match self {
            Language::Arabic => Algorithm::Arabic,
            Language::Danish => Algorithm::Danish,
            Language::Dutch => Algorithm::Dutch,
            Language::English => Algorithm::English,
            Language::Finnish => Algorithm::Finnish,
            Language::French => Algorithm::French,
            Language::German => Algorithm::German,
            Language::Greek => Algorithm::Greek,
            Language::Hungarian => Algorithm::Hungarian,
            Language::Italian => Algorithm::Italian,
            Language::Norwegian => Algorithm::Norwegian,
            Language::Portuguese => Algorithm::Portuguese,
            Language::Romanian => Algorithm::Romanian,
            Language::Russian => Algorithm::Russian,
            Language::Spanish => Algorithm::Spanish,
            Language::Swedish => Algorithm::Swedish,
            Language::Tamil => Algorithm::Tamil,
            Language::Turkish => Algorithm::Turkish,
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Language {
    type Err = Error;

    /// Accepts an ISO 639-1 code or an English name, in any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim();
        TABLE
            .iter()
            .find(|(_, code, name)| {
                code.eq_ignore_ascii_case(wanted) || name.eq_ignore_ascii_case(wanted)
            })
            .map(|&(lang, _, _)| lang)
            .ok_or_else(|| Error::UnsupportedLanguage(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_stop_words_and_parses_back() {
        for lang in Language::all() {
            assert!(!lang.stop_words().is_empty(), "{lang:?} has no stop words");
            assert_eq!(lang.code().parse::<Language>().ok(), Some(lang), "{lang:?}");
            assert_eq!(lang.name().parse::<Language>().ok(), Some(lang), "{lang:?}");
        }
    }

    #[test]
    fn codes_and_names_parse_in_any_case() {
        for (input, want) in [
            ("en", Language::English),
            ("EN", Language::English),
            ("german", Language::German),
            (" fr ", Language::French),
        ] {
            assert_eq!(
                input.parse::<Language>().ok(),
                Some(want),
                "input: {input:?}"
            );
        }
    }

    #[test]
    fn unknown_language_is_an_error_naming_it() {
        let err = "xx".parse::<Language>().unwrap_err();
        assert!(err.to_string().contains("'xx'"), "{err}");
    }
}
