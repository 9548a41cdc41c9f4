//! Decks: the standfirst and the subtitle, short standalone lines set next
//! to the title, before the body. They restate the story, so a summary
//! needs at most one of them (see `select::Group::Deck`).

use super::{Unit, UnitKind};

/// A deck is at most this many words: a standfirst runs to one long
/// sentence (news sites ask for 20 to 35 words), a lead paragraph is
/// usually longer and never stands on a line by the title alone.
const DECK_MAX_WORDS: usize = 40;

/// The body starts within this many units of the start, or the text has no
/// head to find decks in.
const HEAD_UNITS: usize = 8;

/// Marks as [`UnitKind::Deck`] the one-sentence lines that stand next to a
/// title line (a heading with no blank line between them) before the body,
/// which starts at the first paragraph of two or more sentences. A text of
/// one-sentence paragraphs has no body start by this rule, and so no decks:
/// its first line after the title is its lead.
pub(super) fn mark_decks(text: &str, units: &mut [Unit]) {
    // Units come in paragraph order, so a paragraph's units are a run: a
    // unit's paragraph has one unit when neither neighbour shares it. (The
    // count over all units that this replaces, for each of the first units,
    // cost 4% of the splitter's instructions on the dev sets; see
    // docs/BENCHMARKS.md, "Splitter speed".)
    debug_assert!(units.is_sorted_by_key(|u| u.paragraph));
    let shares_paragraph = |units: &[Unit], i: usize| {
        let paragraph = units[i].paragraph;
        i.checked_sub(1)
            .is_some_and(|p| units[p].paragraph == paragraph)
            || units.get(i + 1).is_some_and(|n| n.paragraph == paragraph)
    };
    let Some(body) = (0..units.len().min(HEAD_UNITS))
        .position(|i| units[i].kind == UnitKind::Sentence && shares_paragraph(units, i))
    else {
        return;
    };
    let touches_heading = |a: &Unit, b: &Unit| {
        (a.kind == UnitKind::Heading || b.kind == UnitKind::Heading)
            && text
                .get(a.end.min(b.end)..a.start.max(b.start))
                .is_some_and(|gap| gap.matches('\n').count() <= 1)
    };
    for i in 0..body {
        // The cheap tests first: most units stand by no heading, and the
        // word count walks the unit's text. Marking in place answers as
        // marking after all the tests: a deck is no heading, and the tests
        // ask only whether a neighbour is one.
        let unit = units[i];
        let deck = unit.kind == UnitKind::Sentence
            && !shares_paragraph(units, i)
            && (i
                .checked_sub(1)
                .is_some_and(|p| touches_heading(&units[p], &unit))
                || units.get(i + 1).is_some_and(|n| touches_heading(&unit, n)))
            && unit
                .text(text)
                .split_whitespace()
                .nth(DECK_MAX_WORDS)
                .is_none();
        if deck {
            units[i].kind = UnitKind::Deck;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Segmenter;
    use super::*;
    use crate::language::Language;

    /// The text of each deck of `text`.
    fn decks(text: &str) -> Vec<&str> {
        Segmenter::new(Language::English)
            .split(text)
            .into_iter()
            .filter(|u| u.kind == UnitKind::Deck)
            .map(|u| u.text(text))
            .collect()
    }

    #[test]
    fn decks_stand_by_the_title_before_the_body() {
        let long_line = format!("{} end.", "word ".repeat(DECK_MAX_WORDS));
        let with_long_line = format!("Pier Reopens\n{long_line}\nBody one. Body two.\n");
        let cases: [(&str, &[&str]); 6] = [
            // A standfirst before the title, the title again, a subtitle.
            (
                "The pier will reopen in May.\nPier Reopens After Storm\n\n\
                 Pier Reopens After Storm\nRepairs cost less than feared.\n\
                 The council said on Monday that the pier would reopen. Work ends in April.\n",
                &[
                    "The pier will reopen in May.",
                    "Repairs cost less than feared.",
                ],
            ),
            // A blank line after the title: the first paragraph is the lead.
            (
                "Pier Reopens After Storm\n\nThe pier will reopen in May.\n\n\
                 Repairs cost less than feared. Work ends in April.\n",
                &[],
            ),
            // One-sentence paragraphs only: no body start, no decks.
            (
                "Pier Reopens After Storm\nThe pier will reopen in May.\n\
                 Repairs cost less than feared.\nWork ends in April.\n",
                &[],
            ),
            // No title.
            (
                "The pier will reopen in May.\nRepairs cost less. Work ends in April.\n",
                &[],
            ),
            // A lead paragraph of two sentences by the title is body.
            (
                "Pier Reopens\nThe pier will reopen. Work ends in April.\n",
                &[],
            ),
            // Too long for a deck.
            (&with_long_line, &[]),
        ];
        for (text, want) in cases {
            assert_eq!(decks(text), want, "{text:?}");
        }
    }
}
