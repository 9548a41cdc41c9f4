//! The marks of news in a sentence, and the nut graf of a feature opening.
//!
//! A hard-news lead states who did what, on the record: a reporting verb,
//! an institution, a quantity, the day it happened, the headline's words.
//! A feature opens on a scene instead ("Shortly before midnight, Agnes
//! Whitlow was still sitting in the third row ...") and states the news a
//! paragraph or more later, in the "nut graf". Position alone rewards the
//! scene; [`nut_graf`] finds where the news starts, so the position signal
//! can count from there. The word lists are in `cues/<language>.txt`; a
//! language without them has no marks, and its openings are left as they are.

use std::sync::LazyLock;

use crate::language::Language;
use crate::text::tokenize::FastMap;

/// The word lists of one language (see `cues/en.txt`): each word with the
/// lists it is on, as bits, so that a word costs one lookup.
#[derive(Debug, Default)]
pub struct NewsCues {
    words: FastMap<&'static str, u16>,
}

/// The lists of a cue file, by name, and the bit of each.
const LISTS: [(&str, u16); 11] = [
    ("attribution", ATTRIBUTION),
    ("institutions", INSTITUTION),
    ("officials", OFFICIAL),
    ("magnitudes", MAGNITUDE),
    ("days", DAY),
    ("months", MONTH),
    ("clock", CLOCK),
    ("passive", PASSIVE),
    ("tense", TENSE),
    ("present", PRESENT),
    ("persons", PERSON),
];
const ATTRIBUTION: u16 = 1;
const INSTITUTION: u16 = 1 << 1;
const OFFICIAL: u16 = 1 << 2;
const MAGNITUDE: u16 = 1 << 3;
const DAY: u16 = 1 << 4;
const MONTH: u16 = 1 << 5;
const CLOCK: u16 = 1 << 6;
const PASSIVE: u16 = 1 << 7;
const TENSE: u16 = 1 << 8;
/// "to", which makes "have to" no tense of news.
const TO: u16 = 1 << 9;
const PRESENT: u16 = 1 << 10;
const PERSON: u16 = 1 << 11;

/// The longest cue word, in bytes: a longer word is none, and is not
/// lower-cased to find out.
const MAX_CUE_LEN: usize = 16;

static ENGLISH: LazyLock<NewsCues> = LazyLock::new(|| NewsCues::parse(include_str!("cues/en.txt")));
static NONE: LazyLock<NewsCues> = LazyLock::new(NewsCues::default);

impl NewsCues {
    /// The cues of `language`: empty for a language without a list.
    pub fn of(language: Language) -> &'static NewsCues {
        match language {
            Language::English => &ENGLISH,
            _ => &NONE,
        }
    }

    /// Reads the `name: words ...` lines of a cue file; unknown names are
    /// ignored (a test checks that every list of the file is read).
    fn parse(file: &'static str) -> NewsCues {
        let mut cues = NewsCues::default();
        for line in file.lines().map(str::trim) {
            if line.starts_with('#') {
                continue;
            }
            let Some((name, words)) = line.split_once(':') else {
                continue;
            };
            let Some(&(_, bit)) = LISTS.iter().find(|(list, _)| *list == name.trim()) else {
                continue;
            };
            for word in words.split_whitespace() {
                debug_assert!(word.len() <= MAX_CUE_LEN, "{word}");
                *cues.words.entry(word).or_default() |= bit;
            }
        }
        cues
    }

    /// Whether the language has cues at all.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The lists `word` is on (in any case), as bits; [`TO`] for "to".
    fn lists(&self, word: &str) -> u16 {
        // Every cue is ASCII: a longer or non-ASCII word is none.
        if word.len() > MAX_CUE_LEN || !word.is_ascii() {
            return 0;
        }
        let mut lower = [0u8; MAX_CUE_LEN];
        let lower = &mut lower[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        let lower = std::str::from_utf8(lower).unwrap_or_default();
        if lower == "to" {
            return TO;
        }
        self.words.get(lower).copied().unwrap_or(0)
    }

    /// Whether `word` (lower case) is on list `name` of the cue file.
    #[cfg(test)]
    fn on_list(&self, name: &str, word: &str) -> bool {
        LISTS
            .iter()
            .find(|(list, _)| *list == name)
            .is_some_and(|&(_, bit)| self.lists(word) & bit != 0)
    }
}

/// The marks of news a sentence carries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    /// Someone on the record: a reporting verb outside a direct quote.
    pub attribution: bool,
    /// An institution: a capitalized institution noun, an acronym, or a
    /// body of officials.
    pub institution: bool,
    /// A quantity: a number that is not a clock time, a year, an age or
    /// the day of a date; or a word of magnitude.
    pub quantity: bool,
    /// The day of the news: a weekday, "yesterday", or a month and a day.
    pub date: bool,
    /// At least [`HEADLINE_WORDS`] of the title's words.
    pub headline: bool,
    /// The tense of news, outside a quote: the present perfect ("has been
    /// jailed") or the future ("will be confirmed"). A scene is told in
    /// the past ("was still sitting", "had 10 minutes"). The present
    /// ("firms are warning") is news too.
    pub news_tense: bool,
    /// A person: a personal pronoun or a word for people ("she", "a
    /// dozen people"), whom a scene is about.
    pub person: bool,
}

/// How many of the title's words make a sentence restate it.
pub const HEADLINE_WORDS: usize = 2;

impl Marks {
    /// How many marks of news: 0 to 5.
    pub fn strength(&self) -> usize {
        [
            self.attribution,
            self.institution,
            self.quantity,
            self.date,
            self.headline,
        ]
        .iter()
        .filter(|&&mark| mark)
        .count()
    }

    /// A sentence that sets a scene: nobody on the record, no institution,
    /// not in the tense of news, and at most one other mark ("on Tuesday",
    /// "several thousand people").
    pub fn is_scene(&self) -> bool {
        !self.attribution && !self.institution && !self.news_tense && self.strength() <= 1
    }

    /// A first sentence that opens on a scene: one that reports, counts,
    /// names an institution or restates the title is a hard-news lead, and
    /// stays first. Only the day may be given ("Shortly before midnight on
    /// Tuesday, ...").
    pub fn opens_a_scene(&self) -> bool {
        self.is_scene() && !self.quantity && !self.headline
    }
}

/// The words of `sentence` with the punctuation around them trimmed, in
/// their case.
pub fn words(sentence: &str) -> impl Iterator<Item = &str> {
    sentence
        .split(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '/'))
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '%');
            // A suffix test, not `trim_end_matches`, which builds a
            // substring searcher for every word.
            let w = w.strip_suffix("'s").unwrap_or(w);
            w.strip_suffix("’s").unwrap_or(w)
        })
        .filter(|w| !w.is_empty())
}

/// The marks of `sentence`, whose leading dateline is already cut off;
/// `title_words` is how many of the article's title words it holds.
pub fn marks(sentence: &str, cues: &NewsCues, title_words: usize) -> Marks {
    marks_until(sentence, cues, title_words, |_| false)
}

/// Like [`marks`], but stops reading as soon as `settled` says the marks
/// read so far answer the question asked (whether the sentence sets a
/// scene, which one mark of news can settle): the rest may then be missing.
pub fn marks_until(
    sentence: &str,
    cues: &NewsCues,
    title_words: usize,
    settled: impl Fn(&Marks) -> bool,
) -> Marks {
    let mut marks = Marks {
        headline: title_words >= HEADLINE_WORDS,
        ..Marks::default()
    };
    if cues.is_empty() || settled(&marks) {
        return marks;
    }
    // A direct quote is a voice in the scene, even with "she said" after it.
    let quoted = sentence.starts_with(['"', '“', '\'', '‘']);
    // Each word with its lists, and those of the words either side: no
    // word is lower-cased into a string of its own.
    let mut words = words(sentence).map(|word| (word, cues.lists(word)));
    let mut before = 0;
    let mut current = words.next();
    while let Some((word, lists)) = current {
        let next = words.next();
        let after = next.map_or(0, |(_, lists)| lists);
        let capitalized = word.chars().next().is_some_and(char::is_uppercase);
        // "can be said" is no one on the record.
        let passive = before & PASSIVE != 0;
        if lists & ATTRIBUTION != 0 && !quoted && !passive {
            marks.attribution = true;
        }
        if (capitalized && lists & INSTITUTION != 0) || lists & OFFICIAL != 0 || is_acronym(word) {
            marks.institution = true;
        }
        // "has been", "have won", "will be"; not "have to".
        if ((lists & TENSE != 0 && after & TO == 0) || lists & PRESENT != 0) && !quoted {
            marks.news_tense = true;
        }
        if lists & PERSON != 0 {
            marks.person = true;
        }
        if lists & MAGNITUDE != 0 {
            marks.quantity = true;
        }
        if lists & DAY != 0 {
            marks.date = true;
        }
        if word.bytes().any(|b| b.is_ascii_digit()) {
            let after_month = before & MONTH != 0;
            let clock = word.contains(':') || after & CLOCK != 0;
            if after_month && is_day_number(word) {
                marks.date = true;
            } else if !clock && !is_year(word) && !is_age(word) {
                marks.quantity = true;
            }
        }
        if settled(&marks) {
            break;
        }
        before = lists;
        current = next;
    }
    marks
}

/// "OREA", "COPD", "MPs": two to six capital letters, and a plural's "s".
fn is_acronym(word: &str) -> bool {
    let letters = word.strip_suffix('s').unwrap_or(word);
    (2..=6).contains(&letters.len()) && letters.bytes().all(|b| b.is_ascii_uppercase())
}

fn is_day_number(word: &str) -> bool {
    word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit())
}

/// "1962", "1990s": a year, which dates a scene rather than counting.
fn is_year(word: &str) -> bool {
    let digits = word.strip_suffix('s').unwrap_or(word);
    digits.len() == 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(digits.as_bytes()[0], b'1' | b'2')
}

/// "78-year-old": an age describes a person, it counts nothing.
fn is_age(word: &str) -> bool {
    word.contains("-year-old")
}

/// An anecdotal opening and the sentence where the news starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NutGraf {
    /// The first sentence of the opening (an index into the sentences given
    /// to [`nut_graf`]).
    pub opening: usize,
    /// The sentence that states the news; the opening runs up to it.
    pub news: usize,
}

/// A sentence with this many marks of news states the news.
pub const STRONG_MARKS: usize = 2;

/// Within this many paragraphs of the first sentence the nut graf must
/// come: "often in the second to fifth paragraph".
pub const NUT_GRAF_PARAGRAPHS: usize = 5;

/// Finds an anecdotal opening and its nut graf among `body`: the
/// paragraph and marks of each sentence of running text, in document order.
///
/// The opening is anecdotal when its first sentence opens on a scene
/// ([`Marks::opens_a_scene`]), the second sets one too ([`Marks::is_scene`]),
/// and one of them is about a person ([`Marks::person`]). The news then starts at the first sentence after
/// the first paragraph with two marks of news, or failing that the first
/// paragraph lead with one, within [`NUT_GRAF_PARAGRAPHS`] paragraphs. A
/// hard-news lead (or a text without paragraphs, where the scene and the
/// news cannot be told apart by layout) gives `None`.
pub fn nut_graf(body: &[(usize, Marks)]) -> Option<NutGraf> {
    let [(first_paragraph, first), (_, second), ..] = body else {
        return None;
    };
    if !first.opens_a_scene() || !second.is_scene() || !(first.person || second.person) {
        return None;
    }
    let window = || {
        body.iter().enumerate().filter(|(_, (paragraph, _))| {
            paragraph > first_paragraph && *paragraph < first_paragraph + NUT_GRAF_PARAGRAPHS
        })
    };
    let strong = window().find(|(_, (_, marks))| marks.strength() >= STRONG_MARKS);
    let news = strong.or_else(|| {
        window()
            .find(|&(i, (paragraph, marks))| marks.strength() >= 1 && body[i - 1].0 != *paragraph)
    })?;
    Some(NutGraf {
        opening: 0,
        news: news.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks_of(sentence: &str) -> Marks {
        let title = ["budget", "council", "vote"];
        let in_title = words(sentence)
            .filter(|w| title.contains(&w.to_lowercase().as_str()))
            .count();
        marks(sentence, NewsCues::of(Language::English), in_title)
    }

    #[test]
    fn every_list_of_the_cue_file_is_read() {
        let cues = NewsCues::of(Language::English);
        let file = include_str!("cues/en.txt");
        for (name, _) in LISTS {
            let line = file
                .lines()
                .find_map(|line| line.strip_prefix(name)?.strip_prefix(':'))
                .unwrap_or_else(|| panic!("no list {name}"));
            for word in line.split_whitespace() {
                assert!(cues.on_list(name, word), "{name}: {word}");
                assert!(cues.on_list(name, &word.to_uppercase()), "{name}: {word}");
            }
        }
        assert!(NewsCues::of(Language::German).is_empty());
    }

    #[test]
    fn marks_of_news_and_of_scenes() {
        let none = Marks::default();
        let cases = [
            (
                "The harbour board approved the new ferry timetable on Monday, officials said.",
                Marks {
                    attribution: true,
                    institution: true,
                    date: true,
                    ..none
                },
            ),
            (
                "The Tollan Harbour Board cut fares by 12% for 40,000 riders.",
                Marks {
                    institution: true,
                    quantity: true,
                    ..none
                },
            ),
            (
                "\"We waited all night,\" she said, shaking the rain from her coat.",
                Marks {
                    person: true,
                    ..none
                },
            ),
            (
                "At 6 p.m. in March 1988 the 71-year-old baker locked her shop.",
                Marks {
                    person: true,
                    ..none
                },
            ),
            ("Lacey Dunmore had 10 minutes to decide what to save.", none),
            (
                "Security firms are warning about a virus, a survey suggests.",
                Marks {
                    attribution: true,
                    institution: true,
                    news_tense: true,
                    ..none
                },
            ),
            (
                "MPs slashed its stake in the project.",
                Marks {
                    institution: true,
                    ..none
                },
            ),
            (
                "The ferry sank on Sept. 14 after the council vote.",
                Marks {
                    date: true,
                    headline: true,
                    ..none
                },
            ),
            (
                "The ferry carried two million passengers.",
                Marks {
                    quantity: true,
                    ..none
                },
            ),
            ("Much can be said for the old pier.", none),
            (
                "A man has been jailed for life.",
                Marks {
                    news_tense: true,
                    person: true,
                    ..none
                },
            ),
            (
                "\"You have to see it,\" he said.",
                Marks {
                    person: true,
                    ..none
                },
            ),
        ];
        for (sentence, want) in cases {
            assert_eq!(marks_of(sentence), want, "{sentence}");
        }
    }

    #[test]
    fn the_news_after_a_scene_is_the_nut_graf() {
        let scene = Marks {
            person: true,
            ..Marks::default()
        };
        let nobody = Marks::default();
        let count = Marks {
            quantity: true,
            ..scene
        };
        let date = Marks {
            date: true,
            ..scene
        };
        let news = Marks {
            institution: true,
            quantity: true,
            ..scene
        };
        let quote = Marks {
            attribution: true,
            ..scene
        };
        // (paragraphs and marks of the body, the nut graf's sentence)
        type Body<'a> = &'a [(usize, Marks)];
        let cases: [(Body, Option<usize>); 9] = [
            // Two scene sentences, a transition, then the news.
            (&[(0, scene), (0, scene), (1, scene), (1, news)], Some(3)),
            // One mark suffices for a paragraph lead when none has two.
            (&[(0, scene), (0, date), (1, date), (1, scene)], Some(2)),
            // A hard-news lead stays.
            (&[(0, news), (0, scene), (1, news)], None),
            (&[(0, scene), (0, quote), (1, news)], None),
            // A lead that counts is hard news; a count in the second
            // sentence may be part of the scene.
            (&[(0, count), (0, scene), (1, news)], None),
            (&[(0, scene), (0, count), (1, news)], Some(2)),
            // Nobody in the opening: no scene.
            (&[(0, nobody), (0, nobody), (1, news)], None),
            // No paragraphs: the layout does not say where the scene ends.
            (&[(0, scene), (0, scene), (0, news)], None),
            // The news too far down is no nut graf.
            (
                &[
                    (0, scene),
                    (0, scene),
                    (1, scene),
                    (2, scene),
                    (3, scene),
                    (4, scene),
                    (5, news),
                ],
                None,
            ),
        ];
        for (body, want) in cases {
            assert_eq!(nut_graf(body).map(|n| n.news), want, "{body:?}");
        }
    }
}
