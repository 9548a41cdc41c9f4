//! Acronyms a text defines ("the European Central Bank (ECB)"): a headline
//! writes the acronym, as editors do, wherever it would write the name.

/// Acronyms are looked for in this many bytes at the start of the text:
/// a story defines its acronyms early.
const SCAN_BYTES: usize = 20_000;
/// An acronym has this many letters.
const LETTERS: std::ops::RangeInclusive<usize> = 2..=6;
/// Small words a name may hold that its acronym skips ("Bank of England").
const SKIPPED: &[&str] = &[
    "of", "and", "for", "the", "&", "de", "du", "des", "la", "le",
];

/// The (name, acronym) pairs `text` defines: a bracketed word of capitals
/// right after capitalized words whose initials spell it.
pub(super) fn defined(text: &str) -> Vec<(String, String)> {
    let end = (0..=SCAN_BYTES.min(text.len()))
        .rev()
        .find(|&at| text.is_char_boundary(at))
        .unwrap_or(0);
    let text = &text[..end];
    let mut found: Vec<(String, String)> = Vec::new();
    for open in memchr::memchr_iter(b'(', text.as_bytes()) {
        let rest = &text[open + 1..];
        let Some(close) = rest.find(')') else { break };
        let acronym = &rest[..close];
        let letters = acronym.chars().count();
        if !LETTERS.contains(&letters) || !acronym.chars().all(|c| c.is_ascii_uppercase()) {
            continue;
        }
        if let Some(name) = name_before(&text[..open], acronym) {
            if !found.iter().any(|(n, _)| n == name) {
                found.push((name.to_string(), acronym.to_string()));
            }
        }
    }
    found
}

/// The name that ends `before` (white space trimmed) and whose capitalized
/// words' initials are `acronym`, small words between them skipped.
fn name_before<'t>(before: &'t str, acronym: &str) -> Option<&'t str> {
    const NAME_MAX_BYTES: usize = 80;
    let before = before.trim_end();
    let from = (before.len().saturating_sub(NAME_MAX_BYTES)..=before.len())
        .find(|&at| before.is_char_boundary(at))
        .unwrap_or(0);
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut word_start = None;
    for (i, c) in before[from..].char_indices() {
        match (c.is_whitespace(), word_start) {
            (true, Some(s)) => {
                words.push((from + s, &before[from + s..from + i]));
                word_start = None;
            }
            (false, None) => word_start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = word_start {
        words.push((from + s, &before[from + s..]));
    }
    let mut wanted: Vec<char> = acronym.chars().collect();
    let mut start = before.len();
    for &(at, word) in words.iter().rev() {
        let Some(&initial) = wanted.last() else { break };
        if start < before.len() && SKIPPED.contains(&word.to_lowercase().as_str()) {
            continue;
        }
        if !word.starts_with(initial) {
            return None;
        }
        wanted.pop();
        start = at;
    }
    (wanted.is_empty() && start < before.len()).then(|| &before[start..])
}

/// `headline` with each defined name written as its acronym.
pub(super) fn applied(headline: String, acronyms: &[(String, String)]) -> String {
    let mut headline = headline;
    for (name, acronym) in acronyms {
        if headline.contains(name.as_str()) {
            headline = headline.replacen(name.as_str(), acronym, 1);
        }
    }
    headline
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_are_found_where_their_initials_spell_the_name() {
        let text = "The European Central Bank (ECB) held rates. The Bank of England (BoE) did \
                    not. Talks (TALKS) ended. The World Trade Organisation (WTO) met. \
                    Shares in Acme (XYZ) fell.";
        let found = defined(text);
        assert_eq!(
            found,
            vec![
                ("European Central Bank".to_string(), "ECB".to_string()),
                ("World Trade Organisation".to_string(), "WTO".to_string()),
            ]
        );
        assert_eq!(
            applied("European Central Bank holds rates".to_string(), &found),
            "ECB holds rates"
        );
    }
}
