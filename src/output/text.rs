//! Plain-text output: the headline, a blank line, one sentence per line.

use std::io::{self, Write};

use crate::summarize::Summary;

/// Writes `summary` as text. Control characters from the input (terminal
/// escape sequences among them) are dropped, so printing a hostile file
/// cannot drive the terminal.
///
/// # Errors
/// Any error of `out`.
pub fn write(out: &mut impl Write, summary: &Summary) -> io::Result<()> {
    if !summary.headline.text.is_empty() {
        writeln!(out, "{}", printable(&summary.headline.text))?;
        writeln!(out)?;
    }
    for sentence in &summary.sentences {
        writeln!(out, "{}", printable(&sentence.display_text()))?;
    }
    Ok(())
}

/// The text without control characters; tabs become spaces.
pub fn printable(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_dropped() {
        assert_eq!(printable("a\u{1b}[31mred\u{7}\tb"), "a[31mred b");
    }
}
