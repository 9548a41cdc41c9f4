//! Lists written inline, on one line or in one paragraph: "1. First item
//! 2. Second item", "a. One b. Two c. Three", "• 9. Item • 10. Item", a
//! results row "1. Lind (Norway) 1:41.305 2. Saleh ...". Their items
//! end without a full stop, or the number of the next item follows one:
//! without them the splitter would glue "2." to the item before.

use crate::text::scan::is_space;

/// The bullet that may start each inline item.
const BULLET: char = '•';

/// The most digits of an item number: "999." is a number, "2024." a year.
const MAX_DIGITS: usize = 3;

/// An item marker: an optional bullet, then an optional enumerator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Marker {
    bullet: bool,
    enumerator: Option<Enumerator>,
    /// Bytes from the marker's start to its item's first character.
    len: usize,
}

/// "12.", "3.)", "b)": a number or a lower-case letter, and its punctuation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Enumerator {
    /// The number, or the letter's place in the alphabet (a = 1).
    value: u32,
    letter: bool,
    /// The punctuation after it: ".", ".)" or ")".
    punctuation: &'static str,
}

/// An item of an inline list: where its marker starts and its text starts
/// and ends, as byte offsets into the paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Item {
    pub(super) marker: usize,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// The fewest items of a numbered list that starts after prose in its
/// paragraph ("... before the fight 1. Twizzlers ... 2. Noodles ... 3.
/// ..."): two numbers in a row there may be a score or a count.
const MID_PARAGRAPH_MIN_ITEMS: usize = 3;

/// The items of `paragraph`, when it holds an inline list: it starts with
/// an item marker and holds at least one more marker that goes on from it
/// (the next number or letter, or another bullet), or a list numbered from
/// 1 with at least [`MID_PARAGRAPH_MIN_ITEMS`] items follows prose. The
/// prose, if any, is what comes before the first item's marker. `None`
/// for everything else, which is almost every paragraph.
///
/// `is_ordinal_cue` says whether a word makes the number after it an
/// ordinal ("den 2. Platz" in German), which no item marker is.
pub(super) fn inline_items(
    paragraph: &str,
    is_ordinal_cue: &dyn Fn(&str) -> bool,
) -> Option<Vec<Item>> {
    // A marker starts with a digit, a lower-case letter or the bullet's
    // first byte: most paragraphs start with none, and need no more look.
    let may_start = matches!(
        paragraph.as_bytes().first(),
        Some(b'0'..=b'9' | b'a'..=b'z' | 0xe2)
    );
    let first = may_start.then(|| marker_at(paragraph)).flatten()?;
    let items = chain(paragraph, 0, first, is_ordinal_cue);
    (items.len() > 1).then_some(items)
}

/// The items of a list numbered from 1 whose first marker ("1." or "1.)")
/// starts at byte `at` of `paragraph`, after prose, when it has at least
/// [`MID_PARAGRAPH_MIN_ITEMS`] items. The splitter asks at the full stop of
/// a "1.", so that other paragraphs cost nothing.
pub(super) fn list_after_prose(
    paragraph: &str,
    at: usize,
    is_ordinal_cue: &dyn Fn(&str) -> bool,
) -> Option<Vec<Item>> {
    let marker = marker_at(&paragraph[at..])?;
    let numbered_from_one = marker
        .enumerator
        .is_some_and(|e| e.value == 1 && !e.letter && !marker.bullet);
    if !numbered_from_one || is_ordinal_cue(word_before(paragraph, at)) {
        return None;
    }
    let items = chain(paragraph, at, marker, is_ordinal_cue);
    (items.len() >= MID_PARAGRAPH_MIN_ITEMS).then_some(items)
}

/// How many "1." in a paragraph are tried as the start of a list: a
/// hostile text of nothing but "1. x" costs this many passes, not one
/// for each.
pub(super) const MID_PARAGRAPH_TRIES: usize = 4;

/// The items of the list whose first marker, `first`, starts at `at`.
fn chain(
    paragraph: &str,
    mut at: usize,
    first: Marker,
    is_ordinal_cue: &dyn Fn(&str) -> bool,
) -> Vec<Item> {
    let mut items = Vec::new();
    let mut marker = first;
    loop {
        let start = at + marker.len;
        let Some((next_at, next)) = next_marker(paragraph, start, marker, is_ordinal_cue) else {
            items.push(Item {
                marker: at,
                start,
                end: paragraph.len(),
            });
            return items;
        };
        items.push(Item {
            marker: at,
            start,
            end: next_at,
        });
        at = next_at;
        marker = next;
    }
}

/// The marker that goes on from `previous`, found at or after `from`, after
/// white space: its offset and itself.
fn next_marker(
    paragraph: &str,
    from: usize,
    previous: Marker,
    is_ordinal_cue: &dyn Fn(&str) -> bool,
) -> Option<(usize, Marker)> {
    // The words after a space or a tab (a vector search), whose first byte
    // may start a marker of the kind that goes on from `previous`.
    let bytes = paragraph.as_bytes();
    let may_start = |b: u8| match previous.enumerator {
        Some(e) if e.letter => b.is_ascii_lowercase() || b == 0xe2,
        Some(_) => b.is_ascii_digit() || b == 0xe2,
        None => b == 0xe2,
    };
    for space in memchr::memchr2_iter(b' ', b'\t', &bytes[from..]) {
        let word = from + space + 1;
        if !bytes.get(word).copied().is_some_and(may_start) {
            continue;
        }
        let Some(marker) = marker_at(&paragraph[word..]) else {
            continue;
        };
        let follows = match (previous.enumerator, marker.enumerator) {
            (Some(before), Some(this)) => {
                this.letter == before.letter
                    && this.punctuation == before.punctuation
                    && this.value == before.value + 1
                    && marker.bullet == previous.bullet
                    && (marker.bullet || !is_ordinal_cue(word_before(paragraph, word)))
            }
            (None, None) => marker.bullet && previous.bullet,
            _ => false,
        };
        if follows {
            return Some((word, marker));
        }
    }
    None
}

/// The word that ends before byte `at` of `paragraph` (after white space).
fn word_before(paragraph: &str, at: usize) -> &str {
    let before = paragraph[..at].trim_end_matches(is_space);
    before
        .rfind(is_space)
        .map_or(before, |i| &before[i..])
        .trim_start_matches(is_space)
}

/// The item marker that `text` starts with, if any: it is followed by
/// white space and then more text.
fn marker_at(text: &str) -> Option<Marker> {
    let spaces = |rest: &str| rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let mut len = 0;
    let bullet = text.starts_with(BULLET);
    if bullet {
        len += BULLET.len_utf8();
        let after = spaces(&text[len..]);
        if after == 0 {
            return None;
        }
        len += after;
    }
    let enumerator = match enumerator_at(&text[len..]) {
        Some((enumerator, enumerator_len)) => {
            let after = spaces(&text[len + enumerator_len..]);
            if after == 0 {
                return None;
            }
            len += enumerator_len + after;
            Some(enumerator)
        }
        None if bullet => None,
        None => return None,
    };
    (len < text.len()).then_some(Marker {
        bullet,
        enumerator,
        len,
    })
}

/// The enumerator `text` starts with, and its length in bytes.
fn enumerator_at(text: &str) -> Option<(Enumerator, usize)> {
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let (value, letter, len) = match digits {
        0 => {
            let c = text.chars().next().filter(char::is_ascii_lowercase)?;
            (u32::from(c) - u32::from('a') + 1, true, 1)
        }
        1..=MAX_DIGITS => (text[..digits].parse().ok()?, false, digits),
        _ => return None,
    };
    let punctuation = [".)", ".", ")"]
        .into_iter()
        .find(|p| text[len..].starts_with(p))?;
    Some((
        Enumerator {
            value,
            letter,
            punctuation,
        },
        len + punctuation.len(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(paragraph: &str) -> Option<Vec<&str>> {
        let cue = |word: &str| word == "den";
        let after_prose = || {
            let at = paragraph.find(" 1.")? + 1;
            list_after_prose(paragraph, at, &cue)
        };
        inline_items(paragraph, &cue)
            .or_else(after_prose)
            .map(|items| {
                items
                    .iter()
                    .map(|item| paragraph[item.start..item.end].trim_end())
                    .collect()
            })
    }

    #[test]
    fn inline_lists_and_what_is_not_one() {
        let cases: &[(&str, Option<&[&str]>)] = &[
            (
                "1. Pack a bag 2. Lock the door",
                Some(&["Pack a bag", "Lock the door"]),
            ),
            (
                "1.) Pack a bag. 2.) Lock the door.",
                Some(&["Pack a bag.", "Lock the door."]),
            ),
            (
                "a. Bread b. Milk c. Eggs from the farm",
                Some(&["Bread", "Milk", "Eggs from the farm"]),
            ),
            (
                "• 9. Check the tyres • 10. Check the oil",
                Some(&["Check the tyres", "Check the oil"]),
            ),
            (
                "• Check the tyres • Check the oil",
                Some(&["Check the tyres", "Check the oil"]),
            ),
            (
                "1. Vera Lind (Norway) Falcon 1:41.305 2. Omar Saleh (Egypt) Kestrel 1:41.977",
                Some(&[
                    "Vera Lind (Norway) Falcon 1:41.305",
                    "Omar Saleh (Egypt) Kestrel 1:41.977",
                ]),
            ),
            (
                "Her habits before a fight: 1. Liquorice 2. Noodle soup 3. Early nights",
                Some(&["Liquorice", "Noodle soup", "Early nights"]),
            ),
            // Numbers that do not go on from the first, or no first one.
            ("The score was 1. Then 2. It ended.", None),
            // An ordinal after its cue word is no item number.
            ("1. Runde gegen den 2. Verein", None),
            ("1. Pack a bag 3. Lock the door", None),
            ("The team came 2. Then 3. It rained.", None),
            ("a. Bread 2. Milk", None),
            ("2024. A year to forget. 2025. Better.", None),
            ("Pack a bag", None),
        ];
        for &(paragraph, want) in cases {
            assert_eq!(
                texts(paragraph).as_deref(),
                want,
                "paragraph: {paragraph:?}"
            );
        }
    }
}
