//! Boilerplate: units that belong to the page, not the story (bylines,
//! time stamps, "Scroll down for video"), which are never summary material.

use crate::text::scan::trimmed_span;

/// Phrases that mark a whole unit as page furniture when it starts with them,
/// compared lower-case. Written from the shapes news sites use.
const FURNITURE_PREFIXES: &[&str] = &[
    "published:",
    "updated:",
    "last updated",
    "scroll down for video",
    "scroll down for more",
    "click here",
    "read more:",
    "read more ",
    "advertisement",
    "share this article",
    "share or comment",
    "follow us on",
    "sign up for",
    "subscribe to",
    "image copyright",
    "image caption",
    "media caption",
    "photo:",
    "photograph:",
    "reporting by",
    "editing by",
    "all rights reserved",
    "copyright ",
    "©",
];

/// The longest a byline runs: "By Maria Okonkwo and Tomas Reyes, Science Correspondents".
const BYLINE_MAX_WORDS: usize = 10;

/// Whether a unit is page furniture rather than story text.
pub fn is_boilerplate(unit: &str) -> bool {
    let unit = &unit[trimmed_span(unit, char::is_whitespace)];
    starts_with_furniture(unit)
        // No character but '|' lower-cases to one: most units need no look
        // for "| updated:". memchr looks for it many bytes at a time:
        // `str::contains` had 0.9% of a profile's samples on news.
        || (memchr::memchr(b'|', unit.as_bytes()).is_some()
            && unit.to_lowercase().contains("| updated:"))
        || is_byline(unit)
}

/// Whether `unit` lower-cased starts with one of [`FURNITURE_PREFIXES`].
/// Every unit is checked, so only the prefixes that start with the lower
/// case of its first character are tried (none, for most), and an ASCII
/// opening is compared in place, ignoring ASCII case: when the first
/// [`PREFIX_MAX_CHARS`] bytes are ASCII, they are the characters a prefix
/// can match. Lower-casing every unit whole took 3% of lede's time.
fn starts_with_furniture(unit: &str) -> bool {
    let Some(first) = unit.chars().next().and_then(|c| c.to_lowercase().next()) else {
        return false;
    };
    if first.is_ascii() && PREFIX_ASCII_FIRSTS >> u32::from(first) & 1 == 0 {
        return false;
    }
    // A prefix must start with the first byte of that character (the whole
    // prefix is compared below): one byte compare per prefix, where
    // `starts_with(char)` would encode the character for each.
    let mut encoded = [0; 4];
    let first_byte = first.encode_utf8(&mut encoded).as_bytes()[0];
    let mut prefixes = FURNITURE_PREFIXES
        .iter()
        .filter(|p| p.as_bytes().first() == Some(&first_byte))
        .peekable();
    if prefixes.peek().is_none() {
        return false;
    }
    let head = &unit.as_bytes()[..unit.len().min(PREFIX_MAX_CHARS)];
    if head.is_ascii() {
        prefixes.any(|p| {
            head.get(..p.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(p.as_bytes()))
        })
    } else {
        let lower = unit.to_lowercase();
        prefixes.any(|p| lower.starts_with(p))
    }
}

/// The ASCII characters that open one of [`FURNITURE_PREFIXES`], as bits:
/// most units are ruled out by their first letter alone.
const PREFIX_ASCII_FIRSTS: u128 = {
    let mut bits = 0;
    let mut i = 0;
    while i < FURNITURE_PREFIXES.len() {
        let first = FURNITURE_PREFIXES[i].as_bytes()[0];
        if first.is_ascii() {
            bits |= 1 << first;
        }
        i += 1;
    }
    bits
};

/// At least as many characters as the longest of [`FURNITURE_PREFIXES`].
const PREFIX_MAX_CHARS: usize = 24;

/// "By Jane Doe" or "By JANE DOE, Political Editor": a short line opening
/// with "By" whose words are names (capitalized), not a sentence.
pub fn is_byline(unit: &str) -> bool {
    let unit = &unit[trimmed_span(unit, char::is_whitespace)];
    let Some(rest) = unit
        .strip_prefix("By ")
        .or_else(|| unit.strip_prefix("BY "))
    else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    if words.is_empty() || words.len() > BYLINE_MAX_WORDS || unit.ends_with(['.', '!', '?']) {
        return false;
    }
    let linking = ["and", "&", "in", "for", "of", "the", "|", "-", "—"];
    words.iter().all(|w| {
        linking.contains(&w.to_lowercase().as_str())
            || w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_furniture_is_recognised() {
        let cases = [
            ("By Maria Okonkwo, Science Correspondent", true),
            ("By JANE DOE and Tom Reyes", true),
            (
                "PUBLISHED: 09:14 EST, 3 March 2026 | UPDATED: 11:02 EST, 3 March 2026",
                true,
            ),
            ("Scroll down for video", true),
            ("Click here to read the full report", true),
            ("By the end of the year prices had doubled.", false),
            (
                "By Tuesday the river had burst its banks and reached the town",
                false,
            ),
            ("Bystanders said the fire spread quickly.", false),
            ("The council published its report on Tuesday.", false),
        ];
        for (unit, want) in cases {
            assert_eq!(is_boilerplate(unit), want, "unit: {unit:?}");
        }
    }

    /// The definition, lower-casing the whole unit.
    fn plain(unit: &str) -> bool {
        let lower = unit.trim().to_lowercase();
        FURNITURE_PREFIXES.iter().any(|p| lower.starts_with(p))
            || lower.contains("| updated:")
            || is_byline(unit)
    }

    #[test]
    fn only_the_head_is_lowercased() {
        assert!(
            PREFIX_MAX_CHARS
                >= FURNITURE_PREFIXES
                    .iter()
                    .map(|p| p.chars().count())
                    .max()
                    .unwrap_or(0)
        );
        // The Kelvin sign lower-cases to an ASCII k, İ to two characters.
        for unit in [
            "CLIC\u{212a} HERE",
            "İ| UPDATED: now",
            "  Scroll Down For Video",
            "ΣΣΣ | Updated: 9",
        ] {
            assert_eq!(is_boilerplate(unit), plain(unit), "unit: {unit:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn head_check_equals_the_definition(
            unit in "[ a-zA-Z|:©\u{212a}\u{130}Σσ]{0,40}",
            prefix in proptest::sample::select(FURNITURE_PREFIXES),
            upper: bool,
        ) {
            let prefixed = if upper { prefix.to_uppercase() } else { prefix.to_string() } + &unit;
            proptest::prop_assert_eq!(is_boilerplate(&unit), plain(&unit));
            proptest::prop_assert_eq!(is_boilerplate(&prefixed), plain(&prefixed));
        }
    }
}
