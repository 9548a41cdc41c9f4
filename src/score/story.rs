//! Where a story's news stands: its decks, an anecdotal opening and the nut
//! graf after it. Position counts from the news, and the selection groups
//! keep a summary to one deck and one scene.

use crate::headline::strip_dateline;
use crate::language::Language;
use crate::select::Group;
use crate::text::segment::{Unit, UnitKind};

use super::news::{
    marks, marks_until, nut_graf, Marks, NewsCues, NUT_GRAF_PARAGRAPHS, STRONG_MARKS,
};
use super::{Position, TfIdf};

/// Whether lede reads the marks of news and the gist of sentences in
/// `language`: only where it has cue lists (English). The gist takes
/// capitals for names, and German capitalizes every noun; Chinese has no
/// capitals and no spaces.
pub fn reads_news(language: Language) -> bool {
    !NewsCues::of(language).is_empty()
}

/// An anecdotal opening and its nut graf, as indices into the candidates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Opening {
    /// The opening's first sentence.
    pub first: usize,
    /// The sentence that states the news; the opening runs up to it.
    pub news: usize,
}

/// The text of candidate unit `unit`, without a leading dateline.
pub fn sentence_text<'t>(text: &'t str, unit: &Unit) -> &'t str {
    strip_dateline(unit.text(text))
}

/// Finds an anecdotal opening among `units` (the candidates, in document
/// order) and the nut graf that follows it: see [`nut_graf`].
/// `title_words` tells how many of the title's terms a candidate holds.
pub fn find_opening(
    text: &str,
    units: &[Unit],
    title_words: impl Fn(usize) -> usize,
    language: Language,
) -> Option<Opening> {
    let cues = NewsCues::of(language);
    if cues.is_empty() {
        return None;
    }
    // The sentences of running text within the window, by candidate index.
    let mut body: Vec<usize> = Vec::new();
    for (i, unit) in units.iter().enumerate() {
        if unit.kind != UnitKind::Sentence {
            continue;
        }
        if body
            .first()
            .is_some_and(|&first| unit.paragraph >= units[first].paragraph + NUT_GRAF_PARAGRAPHS)
        {
            break;
        }
        body.push(i);
    }
    let marks_of = |i: usize| {
        let sentence = sentence_text(text, &units[i]);
        marks(sentence, cues, title_words(i))
    };
    // Whether sentence `i` can stand where a scene does: one mark of news
    // is enough to say no, and the rest of the sentence is not read.
    let scene_at = |i: usize, test: fn(&Marks) -> bool| {
        let sentence = sentence_text(text, &units[i]);
        test(&marks_until(sentence, cues, title_words(i), |m| !test(m)))
    };
    // Most texts open on the news: their first or second sentence says so,
    // and the rest need not be read. Nor does a text without a paragraph
    // after the first, where no nut graf can stand.
    let first_paragraph = units[*body.first()?].paragraph;
    if body.len() < 2
        || units[body[body.len() - 1]].paragraph == first_paragraph
        || !scene_at(body[0], Marks::opens_a_scene)
        || !scene_at(body[1], Marks::is_scene)
    {
        return None;
    }
    // Past the first two, only the sentences after the first paragraph
    // can be the nut graf: the others' marks are not read. Nor are those
    // after the first with two marks of news, where the nut graf is found
    // (`nut_graf` takes the first such), and a sentence is read only until
    // it shows two.
    let mut paragraphs_and_marks: Vec<(usize, Marks)> = Vec::with_capacity(body.len());
    for (n, &i) in body.iter().enumerate() {
        let paragraph = units[i].paragraph;
        let marks = if n < 2 {
            marks_of(i)
        } else if paragraph != first_paragraph {
            let sentence = sentence_text(text, &units[i]);
            marks_until(sentence, cues, title_words(i), |m| {
                m.strength() >= STRONG_MARKS
            })
        } else {
            Marks::default()
        };
        paragraphs_and_marks.push((paragraph, marks));
        if n >= 2 && marks.strength() >= STRONG_MARKS {
            break;
        }
    }
    let found = nut_graf(&paragraphs_and_marks)?;
    Some(Opening {
        first: body[found.opening],
        news: body[found.news],
    })
}

/// Counts positions from the news: the nut graf takes the opening's place
/// (and leads its paragraph), the sentences after it move up as many places,
/// and the opening comes after as many sentences as it holds.
pub fn count_from_the_news(positions: &mut [Position], opening: Opening) {
    let shift = opening.news - opening.first;
    for (c, position) in positions.iter_mut().enumerate().skip(opening.first) {
        position.order = if c >= opening.news {
            c - shift
        } else {
            c + shift
        };
    }
    if let Some(news) = positions.get_mut(opening.news) {
        news.in_paragraph = 0;
    }
}

/// Each candidate's selection group: decks together, the opening's
/// sentences together, the rest free.
pub fn groups(units: &[Unit], opening: Option<Opening>, decks: bool) -> Vec<Group> {
    units
        .iter()
        .enumerate()
        .map(|(c, unit)| match unit.kind {
            UnitKind::Deck if decks => Group::Deck,
            UnitKind::Sentence if opening.is_some_and(|o| (o.first..o.news).contains(&c)) => {
                Group::Opening
            }
            _ => Group::Free,
        })
        .collect()
}

/// A deck is covered by the lead when the lead holds at least this share of
/// its terms: it then adds nothing the lead does not say.
pub const DECK_COVERED_SHARE: f64 = 0.5;

/// Whether candidate `lead` holds at least [`DECK_COVERED_SHARE`] of
/// candidate `deck`'s terms, repeats counted.
pub fn lead_covers(tfidf: &TfIdf, lead: usize, deck: usize) -> bool {
    let (held, all) = tfidf.held_in(deck, tfidf.terms(lead));
    all > 0 && held as f64 >= DECK_COVERED_SHARE * all as f64
}

/// The lead: the nut graf after an anecdotal opening, or else the first
/// sentence of running text.
pub fn lead(units: &[Unit], opening: Option<Opening>) -> Option<usize> {
    opening
        .map(|o| o.news)
        .or_else(|| units.iter().position(|u| u.kind == UnitKind::Sentence))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_from_the_news() {
        let mut positions: Vec<Position> = (0..7)
            .map(|order| Position {
                order,
                in_paragraph: order % 2,
            })
            .collect();
        // A title (0), a two-sentence opening (1, 2), the news (3).
        count_from_the_news(&mut positions, Opening { first: 1, news: 3 });
        let orders: Vec<usize> = positions.iter().map(|p| p.order).collect();
        assert_eq!(orders, vec![0, 3, 4, 1, 2, 3, 4]);
        assert_eq!(positions[3].in_paragraph, 0);
    }
}
