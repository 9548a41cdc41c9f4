//! Fuzzes the splitter as `lede sentences` uses it (`split::Splitter`, every
//! unit of a text, no duplicate removal), in the language the first byte
//! picks or detected. Checks that every unit is a non-empty span of the text
//! on char boundaries, that units come in document order without
//! overlapping, and that no unit begins or ends with ASCII white space.
#![no_main]

use std::sync::OnceLock;

use lede::language::{Language, LanguageChoice};
use lede::split::Splitter;
use libfuzzer_sys::fuzz_target;

fn splitter() -> &'static Splitter {
    static SPLITTER: OnceLock<Splitter> = OnceLock::new();
    SPLITTER.get_or_init(Splitter::new)
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let languages: Vec<Language> = Language::all().collect();
    let choice = match languages.get(usize::from(pick) % (languages.len() + 1)) {
        Some(&language) => LanguageChoice::Fixed(language),
        None => LanguageChoice::Auto,
    };
    let split = splitter().split(&text, choice);
    let mut end = 0;
    for unit in &split.units {
        let span = text
            .get(unit.start..unit.end)
            .expect("a unit on char boundaries");
        assert!(!span.is_empty(), "an empty unit at {}", unit.start);
        assert!(
            unit.start >= end,
            "units overlap or go back at {}",
            unit.start
        );
        assert_eq!(
            span.trim_matches(|c: char| c.is_ascii_whitespace()),
            span,
            "a unit with white space at an end"
        );
        end = unit.end;
    }
});
