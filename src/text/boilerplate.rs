//! Boilerplate: units that belong to the page, not the story (bylines,
//! time stamps, "Scroll down for video"), which are never summary material.

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
    let lower = unit.trim().to_lowercase();
    FURNITURE_PREFIXES.iter().any(|p| lower.starts_with(p))
        || lower.contains("| updated:")
        || is_byline(unit)
}

/// "By Jane Doe" or "By JANE DOE, Political Editor": a short line opening
/// with "By" whose words are names (capitalized), not a sentence.
pub fn is_byline(unit: &str) -> bool {
    let unit = unit.trim();
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
}
