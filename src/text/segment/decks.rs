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
    let paragraph_len = |paragraph: usize| units.iter().filter(|u| u.paragraph == paragraph).count();
    let Some(body) = units
        .iter()
        .take(HEAD_UNITS)
        .position(|u| u.kind == UnitKind::Sentence && paragraph_len(u.paragraph) >= 2)
    else {
        return;
    };
    let touches_heading = |a: &Unit, b: &Unit| {
        (a.kind == UnitKind::Heading || b.kind == UnitKind::Heading)
            && text
                .get(a.end.min(b.end)..a.start.max(b.start))
                .is_some_and(|gap| gap.matches('\n').count() <= 1)
    };
    let decks: Vec<usize> = (0..body)
        .filter(|&i| {
            let unit = &units[i];
            unit.kind == UnitKind::Sentence
                && paragraph_len(unit.paragraph) == 1
                && unit.text(text).split_whitespace().nth(DECK_MAX_WORDS).is_none()
                && (i.checked_sub(1).is_some_and(|p| touches_heading(&units[p], unit))
                    || units.get(i + 1).is_some_and(|n| touches_heading(unit, n)))
        })
        .collect();
    for i in decks {
        units[i].kind = UnitKind::Deck;
    }
}
