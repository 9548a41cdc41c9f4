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
use crate::text::tokenize::FastSet;

/// The word lists of one language (see `cues/en.txt`).
#[derive(Debug, Default)]
pub struct NewsCues {
    attribution: FastSet<&'static str>,
    institutions: FastSet<&'static str>,
    officials: FastSet<&'static str>,
    magnitudes: FastSet<&'static str>,
    days: FastSet<&'static str>,
    months: FastSet<&'static str>,
    clock: FastSet<&'static str>,
    passive: FastSet<&'static str>,
    tense: FastSet<&'static str>,
}

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
            let list = match name.trim() {
                "attribution" => &mut cues.attribution,
                "institutions" => &mut cues.institutions,
                "officials" => &mut cues.officials,
                "magnitudes" => &mut cues.magnitudes,
                "days" => &mut cues.days,
                "months" => &mut cues.months,
                "clock" => &mut cues.clock,
                "passive" => &mut cues.passive,
                "tense" => &mut cues.tense,
                _ => continue,
            };
            list.extend(words.split_whitespace());
        }
        cues
    }

    /// Whether the language has cues at all.
    pub fn is_empty(&self) -> bool {
        self.attribution.is_empty()
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
    /// the past ("was still sitting", "had 10 minutes").
    pub news_tense: bool,
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
    /// "10 minutes").
    pub fn is_scene(&self) -> bool {
        !self.attribution && !self.institution && !self.news_tense && self.strength() <= 1
    }
}

/// The words of `sentence` with the punctuation around them trimmed, in
/// their case.
pub fn words(sentence: &str) -> impl Iterator<Item = &str> {
    sentence
        .split(|c: char| c.is_whitespace() || matches!(c, '—' | '–' | '/'))
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '%')
                .trim_end_matches("'s")
                .trim_end_matches("’s")
        })
        .filter(|w| !w.is_empty())
}

/// The marks of `sentence`, whose leading dateline is already cut off;
/// `title_words` is how many of the article's title words it holds.
pub fn marks(sentence: &str, cues: &NewsCues, title_words: usize) -> Marks {
    let mut marks = Marks::default();
    if cues.is_empty() {
        return marks;
    }
    // A direct quote is a voice in the scene, even with "she said" after it.
    let quoted = sentence.starts_with(['"', '“', '\'', '‘']);
    let words: Vec<&str> = words(sentence).collect();
    let lowers: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    for (i, (word, lower)) in words.iter().zip(&lowers).enumerate() {
        let next = lowers.get(i + 1).map(String::as_str);
        let before = i.checked_sub(1).map(|b| lowers[b].as_str());
        let capitalized = word.chars().next().is_some_and(char::is_uppercase);
        // "can be said" is no one on the record.
        let passive = before.is_some_and(|b| cues.passive.contains(b));
        if cues.attribution.contains(lower.as_str()) && !quoted && !passive {
            marks.attribution = true;
        }
        if (capitalized && cues.institutions.contains(lower.as_str()))
            || cues.officials.contains(lower.as_str())
            || is_acronym(word)
        {
            marks.institution = true;
        }
        // "has been", "have won", "will be"; not "have to".
        if cues.tense.contains(lower.as_str()) && !quoted && next != Some("to") {
            marks.news_tense = true;
        }
        if cues.magnitudes.contains(lower.as_str()) {
            marks.quantity = true;
        }
        if cues.days.contains(lower.as_str()) {
            marks.date = true;
        }
        if word.chars().any(|c| c.is_ascii_digit()) {
            let after_month = before.is_some_and(|b| cues.months.contains(b));
            let clock = word.contains(':') || next.is_some_and(|n| cues.clock.contains(n));
            if after_month && is_day_number(word) {
                marks.date = true;
            } else if !clock && !is_year(word) && !is_age(word) {
                marks.quantity = true;
            }
        }
    }
    marks.headline = title_words >= HEADLINE_WORDS;
    marks
}

/// "OREA", "COPD": two to six capital letters.
fn is_acronym(word: &str) -> bool {
    (2..=6).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
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

/// Within this many paragraphs of the first sentence the nut graf must
/// come: "often in the second to fifth paragraph".
pub const NUT_GRAF_PARAGRAPHS: usize = 5;

/// Finds an anecdotal opening and its nut graf among `body`: the
/// paragraph and marks of each sentence of running text, in document order.
///
/// The opening is anecdotal when its first two sentences both set a scene
/// ([`Marks::is_scene`]). The news then starts at the first sentence after
/// the first paragraph with two marks of news, or failing that the first
/// paragraph lead with one, within [`NUT_GRAF_PARAGRAPHS`] paragraphs. A
/// hard-news lead (or a text without paragraphs, where the scene and the
/// news cannot be told apart by layout) gives `None`.
pub fn nut_graf(body: &[(usize, Marks)]) -> Option<NutGraf> {
    let [(first_paragraph, first), (_, second), ..] = body else {
        return None;
    };
    if !first.is_scene() || !second.is_scene() {
        return None;
    }
    let window = || {
        body.iter().enumerate().filter(|(_, (paragraph, _))| {
            paragraph > first_paragraph && *paragraph < first_paragraph + NUT_GRAF_PARAGRAPHS
        })
    };
    let strong = window().find(|(_, (_, marks))| marks.strength() >= 2);
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
        for list in [
            &cues.attribution,
            &cues.institutions,
            &cues.officials,
            &cues.magnitudes,
            &cues.days,
            &cues.months,
            &cues.clock,
            &cues.passive,
            &cues.tense,
        ] {
            assert!(!list.is_empty());
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
                none,
            ),
            (
                "At 6 p.m. in March 1988 the 71-year-old baker locked her shop.",
                none,
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
                    ..none
                },
            ),
            ("\"You have to see it,\" he said.", none),
        ];
        for (sentence, want) in cases {
            assert_eq!(marks_of(sentence), want, "{sentence}");
        }
    }

    #[test]
    fn the_news_after_a_scene_is_the_nut_graf() {
        let scene = Marks::default();
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
        let cases: [(Body, Option<usize>); 6] = [
            // Two scene sentences, a transition, then the news.
            (&[(0, scene), (0, scene), (1, scene), (1, news)], Some(3)),
            // One mark suffices for a paragraph lead when none has two.
            (&[(0, scene), (0, date), (1, date), (1, scene)], Some(2)),
            // A hard-news lead stays.
            (&[(0, news), (0, scene), (1, news)], None),
            (&[(0, scene), (0, quote), (1, news)], None),
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
