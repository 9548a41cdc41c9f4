//! The splitter as a tool of its own (`lede sentences`): every unit of a
//! text, in its language, with no duplicate or boilerplate removal.
//!
//! ```
//! use lede::language::LanguageChoice;
//! use lede::split::Splitter;
//! use lede::text::segment::UnitKind;
//!
//! let splitter = Splitter::new();
//! let text = "Talks Resume\n\nDr. Lind arrived at 9 a.m. on Monday. Talks began.";
//! let split = splitter.split(text, LanguageChoice::Auto);
//! let units: Vec<(&str, UnitKind)> = split.units.iter().map(|u| (u.text(text), u.kind)).collect();
//! assert_eq!(
//!     units,
//!     [
//!         ("Talks Resume", UnitKind::Heading),
//!         ("Dr. Lind arrived at 9 a.m. on Monday.", UnitKind::Sentence),
//!         ("Talks began.", UnitKind::Sentence),
//!     ]
//! );
//! ```

use std::sync::OnceLock;

use crate::language::{detect, Language, LanguageChoice, LanguageSource};
use crate::text::segment::{Segmenter, Unit};

/// Splits texts into units. It holds the segmenter of each language it
/// meets, built on first use, and is `Sync`: one splitter serves many
/// threads.
#[derive(Debug)]
pub struct Splitter {
    segmenters: Vec<OnceLock<Segmenter>>,
}

/// The units of one text and the language they were split in.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    /// The language whose rules split the text.
    pub language: Language,
    /// Whether the language was detected or given.
    pub language_source: LanguageSource,
    /// Every unit of the text, in document order.
    pub units: Vec<Unit>,
}

impl Default for Splitter {
    fn default() -> Self {
        Self::new()
    }
}

impl Splitter {
    /// A splitter with no segmenter built yet.
    pub fn new() -> Self {
        Splitter {
            segmenters: (0..Language::COUNT).map(|_| OnceLock::new()).collect(),
        }
    }

    /// Splits `text` in `language`, or in the language detected from it.
    pub fn split(&self, text: &str, language: LanguageChoice) -> Split {
        let (language, language_source) = match language {
            LanguageChoice::Fixed(language) => (language, LanguageSource::Given),
            LanguageChoice::Auto => detect(text),
        };
        let segmenter = self.segmenters[language.index()].get_or_init(|| Segmenter::new(language));
        Split {
            language,
            language_source,
            units: segmenter.split(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_is_detected_or_given() {
        let splitter = Splitter::new();
        let german = "Der Bau endet am 3. Oktober. Die Stadt spart dabei viel Geld.";
        let detected = splitter.split(german, LanguageChoice::Auto);
        assert_eq!(
            (detected.language, detected.language_source),
            (Language::German, LanguageSource::Detected)
        );
        assert_eq!(detected.units.len(), 2);
        let given = splitter.split(german, LanguageChoice::Fixed(Language::English));
        assert_eq!(
            (given.language, given.language_source),
            (Language::English, LanguageSource::Given)
        );
        // English reads "3." before a capital as a sentence end.
        assert_eq!(given.units.len(), 3);
    }

    #[test]
    fn duplicates_and_furniture_are_units_too() {
        let text = "Rain fell.\n\nBy Ana Lind\n\nRain fell.";
        let split = Splitter::new().split(text, LanguageChoice::Fixed(Language::English));
        let texts: Vec<&str> = split.units.iter().map(|u| u.text(text)).collect();
        assert_eq!(texts, ["Rain fell.", "By Ana Lind", "Rain fell."]);
    }
}
