//! The pipeline: segment -> dedup -> terms -> score -> select -> headline.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crate::dedup::Dedup;
use crate::error::Result;
use crate::headline::{collapse_space, find_title, pick_headline, Headline};
use crate::language::{detect, Language, LanguageChoice, LanguageSource};
use crate::options::{Length, Options};
use crate::score::gist::{self, Gists};
use crate::score::{self, story, Position, SentenceScore, TfIdf};
use crate::select::{select, Group};
use crate::text::boilerplate::is_boilerplate;
use crate::text::segment::{has_sentence_punctuation, Segmenter, Unit, UnitKind};
use crate::text::tokenize::{word_count, Tokenizer};

/// Why a text cannot be summarized.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TextProblem {
    /// Nothing but white space.
    #[error("is empty, there is nothing to summarize")]
    Empty,
    /// Characters, but no word among them (only punctuation or symbols).
    #[error("has no words to summarize")]
    NoWords,
    /// Words but no sentence punctuation, so no sentences to pick.
    #[error("has no sentence punctuation (. ! ?), so it cannot be split into sentences; use --lines to summarize it line by line")]
    NoPunctuation,
}

/// One sentence of a summary.
#[derive(Debug, Clone, PartialEq)]
pub struct SummarySentence {
    /// The unit's index among all units of the text, duplicates included, in
    /// document order (0-based).
    pub index: usize,
    /// The text as it stands in the input (`&input[start..end]`).
    pub text: String,
    /// Byte offset of the sentence's start in the input.
    pub start: usize,
    /// Byte offset just past its end.
    pub end: usize,
    /// What kind of unit it is.
    pub kind: UnitKind,
    /// Its score and the signals behind it.
    pub score: SentenceScore,
}

/// The result of summarizing one text.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The headline.
    pub headline: Headline,
    /// The selected sentences, in document order.
    pub sentences: Vec<SummarySentence>,
    /// The language used.
    pub language: Language,
    /// Whether the language was detected, given, or the default.
    pub language_source: LanguageSource,
    /// Unique units (sentences, headings, list items) after duplicate removal.
    pub unit_count: usize,
    /// Units removed as exact or near duplicates.
    pub duplicates_removed: usize,
    /// Units left out as page furniture (bylines, time stamps, photo
    /// captions, ...).
    pub boilerplate_removed: usize,
}

/// Summarizes texts. Build it once: it holds the stemmer, stop words and
/// segmentation rules of each language it meets, built on first use, and it
/// is `Sync`, so one summarizer can serve many threads.
///
/// ```
/// use lede::{Options, Summarizer};
///
/// let summarizer = Summarizer::new(Options::default())?;
/// let text = "Talks Resume in Geneva\n\n\
///             Negotiators returned to Geneva on Monday. \
///             The talks had stalled in May. \
///             Both sides said they hoped for a deal.";
/// let summary = summarizer.summarize(text)?;
/// assert_eq!(summary.headline.text, "Talks Resume in Geneva");
/// assert_eq!(summary.sentences.len(), 3);
/// assert_eq!(summary.sentences[0].text, "Negotiators returned to Geneva on Monday.");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Summarizer {
    options: Options,
    /// The segmenter and tokenizer of each language, indexed by language,
    /// built the first time a text needs them.
    resources: Vec<OnceLock<Resources>>,
}

/// What summarizing in one language needs, built once per summarizer.
#[derive(Debug)]
struct Resources {
    segmenter: Segmenter,
    tokenizer: Tokenizer,
}

impl Summarizer {
    /// Builds a summarizer.
    ///
    /// # Errors
    /// [`Error::InvalidOption`](crate::Error::InvalidOption) when an option is out of range.
    pub fn new(options: Options) -> Result<Self> {
        options.validate()?;
        let summarizer = Summarizer {
            resources: (0..Language::COUNT).map(|_| OnceLock::new()).collect(),
            options,
        };
        if let LanguageChoice::Fixed(language) = summarizer.options.language {
            summarizer.resources(language);
        }
        Ok(summarizer)
    }

    /// The language `text` is summarized in, and how it was chosen.
    pub fn language_of(&self, text: &str) -> (Language, LanguageSource) {
        self.language_hinted(text, None)
    }

    /// The language `text` is summarized in when `hint` (a web page's
    /// `lang` attribute) says what it may be: the hint settles what
    /// detection cannot, and never overrides `--lang`.
    fn language_hinted(&self, text: &str, hint: Option<Language>) -> (Language, LanguageSource) {
        let LanguageChoice::Fixed(language) = self.options.language else {
            return match (detect(text), hint) {
                ((_, LanguageSource::Default), Some(language)) => (language, LanguageSource::Page),
                (detected, _) => detected,
            };
        };
        (language, LanguageSource::Given)
    }

    fn resources(&self, language: Language) -> &Resources {
        self.resources[language.index()].get_or_init(|| Resources {
            segmenter: Segmenter::new(language),
            tokenizer: Tokenizer::new(language),
        })
    }

    /// The options this summarizer was built with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Summarizes `text`.
    ///
    /// # Errors
    /// A [`TextProblem`] when the text is empty, has no words, or has no
    /// sentence punctuation (unless [`Options::allow_unpunctuated`] is set).
    pub fn summarize(&self, text: &str) -> Result<Summary, TextProblem> {
        self.run(text, None, &mut Clock::off(), None)
    }

    /// Like [`summarize`](Self::summarize), with a hint at the language:
    /// what a web page's `lang` attribute says (see
    /// [`Language::from_tag`]), used when detection is unsure.
    ///
    /// # Errors
    /// As [`summarize`](Self::summarize).
    pub fn summarize_hinted(
        &self,
        text: &str,
        hint: Option<Language>,
    ) -> Result<Summary, TextProblem> {
        self.run(text, hint, &mut Clock::off(), None)
    }

    /// Like [`summarize_hinted`](Self::summarize_hinted), and tells what
    /// became of every unit of the text: its score, or why it was left out
    /// (for pages that show the whole text, such as `--format html`).
    ///
    /// # Errors
    /// As [`summarize`](Self::summarize).
    pub fn annotate(
        &self,
        text: &str,
        hint: Option<Language>,
    ) -> Result<(Summary, Vec<UnitNote>), TextProblem> {
        let mut notes = Vec::new();
        let summary = self.run(text, hint, &mut Clock::off(), Some(&mut notes))?;
        Ok((summary, notes))
    }

    /// Like [`summarize`](Self::summarize), and adds the time each stage
    /// took to `timings` (for `lede bench` and the benches).
    ///
    /// # Errors
    /// As [`summarize`](Self::summarize).
    pub fn summarize_timed(
        &self,
        text: &str,
        timings: &mut StageTimings,
    ) -> Result<Summary, TextProblem> {
        self.run(text, None, &mut Clock::on(timings), None)
    }

    fn run(
        &self,
        text: &str,
        hint: Option<Language>,
        clock: &mut Clock<'_>,
        mut notes: Option<&mut Vec<UnitNote>>,
    ) -> Result<Summary, TextProblem> {
        if text.chars().all(crate::text::segment::is_space) {
            return Err(TextProblem::Empty);
        }
        // Detection is timed with segmentation: both read the raw text.
        let (language, language_source) = self.language_hinted(text, hint);
        let resources = self.resources(language);
        let units = resources.segmenter.split(text);
        clock.lap(Stage::Segment);
        if units.is_empty() {
            return Err(TextProblem::NoWords);
        }
        if !self.options.allow_unpunctuated && !has_sentence_punctuation(text) {
            return Err(TextProblem::NoPunctuation);
        }

        // One pass over each unit's words gives the hashes duplicate
        // detection compares and, for the units kept, the stems their terms
        // come from: the lexicon analyzes each distinct spelling once.
        let mut lexicon = resources.tokenizer.lexicon();
        let mut dedup = Dedup::with_capacity(self.options.dedup_threshold, units.len());
        // Sized for a typical sentence and article (news averages about six
        // bytes a word), so that they are seldom grown word by word; a long
        // text's stems grow as they come, as most of its units may be
        // duplicates whose stems are not kept.
        let mut hashes = Vec::with_capacity(64);
        let mut stems: Vec<u32> = Vec::with_capacity((text.len() / 8).min(STEMS_RESERVED));
        // Per unit: its word count (0 for a duplicate) and where its stems end.
        let mut unit_words: Vec<(usize, usize)> = Vec::with_capacity(units.len());
        let mut duplicates_removed = 0;
        for unit in &units {
            hashes.clear();
            let before = stems.len();
            let count = lexicon.hashes_and_stems(unit.text(text), &mut hashes, &mut stems);
            if let Some(of) = dedup.push(&hashes) {
                if let Some(notes) = notes.as_deref_mut() {
                    notes.push(UnitNote::new(unit, Fate::Duplicate { of }));
                }
                duplicates_removed += 1;
                stems.truncate(before);
                unit_words.push((0, stems.len()));
            } else {
                if let Some(notes) = notes.as_deref_mut() {
                    notes.push(UnitNote::new(unit, Fate::NoWords));
                }
                unit_words.push((count, stems.len()));
            }
        }
        drop(dedup);
        clock.lap(Stage::Dedup);

        // Candidates: unique units that are story text, with their index in
        // `units`. A photo caption stays among them, as context for the
        // others' scores, but is never picked (its score is 0, and it is
        // left out after selection): it counts as page furniture.
        let mut boilerplate_removed = 0;
        let mut candidates: Vec<usize> = Vec::with_capacity(units.len());
        candidates.extend(
            (0..units.len())
                .filter(|&i| unit_words[i].0 > 0)
                .filter(|&i| {
                    let caption = units[i].kind == UnitKind::Caption;
                    let furniture = !caption && is_boilerplate(units[i].text(text));
                    boilerplate_removed += usize::from(furniture || caption);
                    !furniture
                }),
        );

        // Term ids are handed out in order of first appearance among the
        // candidates, written over their stems.
        let stem_range = |i: usize| (if i == 0 { 0 } else { unit_words[i - 1].1 })..unit_words[i].1;
        for &i in &candidates {
            for stem in &mut stems[stem_range(i)] {
                *stem = lexicon.term(*stem);
            }
        }
        let vocabulary_len = lexicon.term_count();
        // How often each term occurs: what makes a word salient to the headline.
        let mut term_counts = vec![0u32; vocabulary_len];
        for &i in &candidates {
            for &term in &stems[stem_range(i)] {
                term_counts[term as usize] += 1;
            }
        }
        clock.lap(Stage::Terms);
        let tfidf = TfIdf::from_runs(
            stems,
            candidates.iter().map(|&i| stem_range(i)),
            vocabulary_len,
        );
        let word_counts: Vec<usize> = candidates.iter().map(|&i| unit_words[i].0).collect();
        // On a long text each array here takes megabytes: they go as soon
        // as they have served.
        drop(unit_words);
        let kept_units: Vec<Unit> = candidates.iter().map(|&i| units[i]).collect();
        let signals = self.options.signals;
        let short = score::is_short(summary_share(self.options.length, &word_counts));
        // The title's terms are those of its unit, which the lexicon has
        // read already: a count of them in a sentence is a merge of two
        // sorted lists, not the sentence analyzed again.
        let title: &[u32] = find_title(text, &kept_units)
            .and_then(|title| {
                kept_units
                    .iter()
                    .position(|u| std::ptr::eq(u.text(text), title))
            })
            .map_or(&[], |c| tfidf.terms(c));
        let opening = if signals.nut_graf {
            story::find_opening(text, &kept_units, |c| tfidf.held_in(c, title).0, language)
        } else {
            None
        };
        let mut positions = positions(&units, &candidates);
        if let Some(opening) = opening {
            story::count_from_the_news(&mut positions, opening);
        }
        let kinds: Vec<UnitKind> = kept_units.iter().map(|u| u.kind).collect();
        let share = summary_share(self.options.length, &word_counts);
        let scores = score::score(
            &tfidf,
            &positions,
            &kinds,
            &word_counts,
            &self.options.weights,
            share,
        );
        drop((positions, kinds));

        let combined: Vec<f64> = scores.iter().map(|s| s.score).collect();
        clock.lap(Stage::Score);
        // Gists are worked out for the candidates the selection compares
        // and TF-IDF does not already find repeated, from the term ids the
        // lexicon handed out, and only as far as the comparison needs.
        let mut gists = Gists::default();
        let threshold = self.options.redundancy_threshold;
        let meaning = signals.meaning && short && story::reads_news(language);
        let mut repeats = |a: usize, b: usize| {
            if tfidf.similarity(a, b) > threshold {
                return true;
            }
            // A gist's names, numbers, verb and title words are among its
            // sentence's terms, and two gists that say the same share at
            // least `gist::MIN_SHARED_TERMS` of them: other pairs need none.
            if !meaning || tfidf.shared_terms(a, b) < gist::MIN_SHARED_TERMS {
                return false;
            }
            if gists.is_empty() {
                gists = Gists::new(candidates.len());
            }
            let title_shared = tfidf
                .terms(a)
                .iter()
                .filter(|t| {
                    title.binary_search(t).is_ok() && tfidf.terms(b).binary_search(t).is_ok()
                })
                .count();
            let sentence = |c: usize| story::sentence_text(text, &kept_units[c]);
            gists.say_the_same(a, b, sentence, &mut lexicon, title_shared)
        };
        let mut groups = story::groups(&kept_units, opening.filter(|_| short), signals.decks);
        if let Some(lead) = story::lead(&kept_units, opening) {
            for (c, group) in groups.iter_mut().enumerate() {
                if *group == Group::Deck
                    && (repeats(lead, c) || story::lead_covers(&tfidf, lead, c))
                {
                    *group = Group::Held;
                }
            }
        }
        let mut chosen = select(
            &combined,
            &word_counts,
            self.options.length,
            &mut repeats,
            &groups,
        );
        chosen.retain(|&c| units[candidates[c]].kind != UnitKind::Caption);
        drop((combined, word_counts, groups));

        drop(tfidf);
        clock.lap(Stage::Select);
        // The headline comes from the most central of the lead sentences:
        // an anecdotal opening ("Every Tuesday morning, a dozen people ...")
        // has the best position but says little.
        let content: Vec<f64> = scores
            .iter()
            .map(|s| s.tfidf + HEADLINE_POSITION_WEIGHT * s.position)
            .collect();
        let headline = pick_headline(
            text,
            &kept_units,
            &content,
            &resources.tokenizer,
            lexicon,
            &term_counts,
            opening.map(|o| o.news),
            language,
        );
        clock.lap(Stage::Headline);

        if let Some(notes) = notes {
            annotate(notes, text, &candidates, &scores, &chosen);
        }
        let sentences = chosen
            .into_iter()
            .map(|c| {
                let unit = units[candidates[c]];
                SummarySentence {
                    index: candidates[c],
                    text: unit.text(text).to_string(),
                    start: unit.start,
                    end: unit.end,
                    kind: unit.kind,
                    score: scores[c],
                }
            })
            .collect();

        Ok(Summary {
            headline,
            sentences,
            language,
            language_source,
            unit_count: units.len() - duplicates_removed,
            duplicates_removed,
            boilerplate_removed,
        })
    }
}

/// What became of one unit of a text ([`Summarizer::annotate`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UnitNote {
    /// Byte offset of the unit's start in the text.
    pub start: usize,
    /// Byte offset just past its end.
    pub end: usize,
    /// What kind of unit it is.
    pub kind: UnitKind,
    /// Its score, or why it was left out.
    pub fate: Fate,
}

/// Whether a unit was scored, and if not, why.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fate {
    /// Scored; `selected` when it is in the summary.
    Scored {
        /// Its score and the signals behind it.
        score: SentenceScore,
        /// Whether it is a summary sentence.
        selected: bool,
    },
    /// An exact or near duplicate of the unit with index `of`.
    Duplicate {
        /// The earlier unit it repeats, by index among all units.
        of: usize,
    },
    /// Page furniture: a byline, a time stamp, a share prompt.
    Boilerplate,
    /// No words to score (only symbols or numbers).
    NoWords,
}

impl UnitNote {
    fn new(unit: &Unit, fate: Fate) -> Self {
        UnitNote {
            start: unit.start,
            end: unit.end,
            kind: unit.kind,
            fate,
        }
    }
}

/// Settles the notes of the units that were not duplicates, once they are
/// scored: `notes` holds one note per unit, in order.
fn annotate(
    notes: &mut [UnitNote],
    text: &str,
    candidates: &[usize],
    scores: &[SentenceScore],
    chosen: &[usize],
) {
    for note in notes.iter_mut() {
        if note.fate == Fate::NoWords && is_boilerplate(&text[note.start..note.end]) {
            note.fate = Fate::Boilerplate;
        }
    }
    let mut selected = vec![false; candidates.len()];
    for &c in chosen {
        selected[c] = true;
    }
    for (c, &i) in candidates.iter().enumerate() {
        notes[i].fate = Fate::Scored {
            score: scores[c],
            selected: selected[c],
        };
    }
}

impl SummarySentence {
    /// The text on one line, white space runs joined: how text output shows it.
    pub fn display_text(&self) -> String {
        collapse_space(&self.text)
    }

    /// How many words the sentence has.
    pub fn word_count(&self) -> usize {
        word_count(&self.text)
    }
}

/// The most stems room is made for before a text's words are read.
const STEMS_RESERVED: usize = 1 << 16;

/// How much position counts, next to content (weight 1), when choosing the
/// lead sentence a headline is built from. Measured on bbc-dev without
/// titles: content alone gives headline ROUGE-1 17.8, position alone 19.5,
/// weight 1 gives 20.4 and 2 gives 21.7 but builds from anecdotal openings.
const HEADLINE_POSITION_WEIGHT: f64 = 1.0;

/// The stages of the pipeline, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Text to units.
    Segment,
    /// Words looked up once per unit (their hashes, and the stems of the
    /// units kept) and duplicate removal.
    Dedup,
    /// Boilerplate filtering and the candidates' term ids.
    Terms,
    /// TF-IDF and position scores.
    Score,
    /// Picking the summary sentences.
    Select,
    /// Picking or building the headline, and assembling the summary.
    Headline,
}

/// Time spent in each stage, summed over calls of
/// [`Summarizer::summarize_timed`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct StageTimings {
    /// See [`Stage::Segment`].
    pub segment: Duration,
    /// See [`Stage::Dedup`].
    pub dedup: Duration,
    /// See [`Stage::Terms`].
    pub terms: Duration,
    /// See [`Stage::Score`].
    pub score: Duration,
    /// See [`Stage::Select`].
    pub select: Duration,
    /// See [`Stage::Headline`].
    pub headline: Duration,
}

impl StageTimings {
    fn slot(&mut self, stage: Stage) -> &mut Duration {
        match stage {
            Stage::Segment => &mut self.segment,
            Stage::Dedup => &mut self.dedup,
            Stage::Terms => &mut self.terms,
            Stage::Score => &mut self.score,
            Stage::Select => &mut self.select,
            Stage::Headline => &mut self.headline,
        }
    }
}

/// Reads the time between stages when timings are wanted, and costs nothing
/// otherwise.
struct Clock<'a> {
    timings: Option<&'a mut StageTimings>,
    last: Option<Instant>,
}

impl<'a> Clock<'a> {
    fn off() -> Self {
        Clock {
            timings: None,
            last: None,
        }
    }

    fn on(timings: &'a mut StageTimings) -> Self {
        Clock {
            timings: Some(timings),
            last: Some(Instant::now()),
        }
    }

    fn lap(&mut self, stage: Stage) {
        if let (Some(timings), Some(last)) = (self.timings.as_deref_mut(), self.last) {
            let now = Instant::now();
            *timings.slot(stage) += now - last;
            self.last = Some(now);
        }
    }
}

/// The share of the candidates (0..1) a summary of `length` will hold.
fn summary_share(length: Length, word_counts: &[usize]) -> f64 {
    let n = word_counts.len();
    if n == 0 {
        return 0.0;
    }
    let k = match length {
        Length::Sentences(k) => k as f64,
        Length::Ratio(r) => r * n as f64,
        Length::Words(w) => {
            let total: usize = word_counts.iter().sum();
            w as f64 / (total as f64 / n as f64).max(1.0)
        }
    };
    (k / n as f64).min(1.0)
}

/// Each candidate's rank in the document and within its paragraph.
fn positions(units: &[Unit], candidates: &[usize]) -> Vec<Position> {
    let mut in_paragraph = 0;
    let mut last_paragraph = None;
    candidates
        .iter()
        .enumerate()
        .map(|(order, &i)| {
            let paragraph = units[i].paragraph;
            if last_paragraph == Some(paragraph) {
                in_paragraph += 1;
            } else {
                in_paragraph = 0;
                last_paragraph = Some(paragraph);
            }
            Position {
                order,
                in_paragraph,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summarizer(length: Length) -> Summarizer {
        Summarizer::new(Options {
            length,
            ..Options::default()
        })
        .expect("valid options")
    }

    #[test]
    fn problems_with_the_text_are_reported() {
        let s = summarizer(Length::Sentences(3));
        for (text, want) in [
            ("", TextProblem::Empty),
            (" \n\t\r\n", TextProblem::Empty),
            ("... --- !!!", TextProblem::NoWords),
            (
                "a line\nanother line without stops",
                TextProblem::NoPunctuation,
            ),
        ] {
            assert_eq!(s.summarize(text).err(), Some(want), "input: {text:?}");
        }
    }

    #[test]
    fn duplicates_and_bylines_never_reach_the_summary() {
        let text = "By Jane Doe\n\nThe river rose two metres overnight in the town. \
                    Schools were closed. The river rose two metres overnight in the town. \
                    Shops opened late.";
        let summary = summarizer(Length::Sentences(10))
            .summarize(text)
            .expect("summary");
        let got: Vec<&str> = summary.sentences.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            got,
            vec![
                "The river rose two metres overnight in the town.",
                "Schools were closed.",
                "Shops opened late."
            ]
        );
        assert_eq!(summary.duplicates_removed, 1);
        assert_eq!(summary.boilerplate_removed, 1);
    }

    #[test]
    fn web_page_furniture_and_glued_captions_are_not_picked_whole() {
        let text = "By Jane Doe and Tom Reyes\n\n\
                    PUBLISHED: 09:14 EST, 3 March 2026 | UPDATED: 11:02 EST, 3 March 2026\n\n\
                    The council approved a new tram line for the city centre on Tuesday. \
                    Work on the line will start next spring and last two years. \
                    Councillors celebrate after the vote on the tram line in the town hall \
                    The line will link the station with the hospital and the university. \
                    Shops along the route will get help with their costs.";
        let summary = summarizer(Length::Sentences(3))
            .summarize(text)
            .expect("summary");
        let got: Vec<&str> = summary.sentences.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            got,
            vec![
                "The council approved a new tram line for the city centre on Tuesday.",
                "Work on the line will start next spring and last two years.",
                "The line will link the station with the hospital and the university.",
            ]
        );
        assert!(
            summary
                .sentences
                .iter()
                .all(|s| s.kind != UnitKind::Caption),
            "a caption is no summary sentence"
        );
        // The byline, the time stamps and the caption.
        assert_eq!(summary.boilerplate_removed, 3);
    }

    #[test]
    fn a_caption_is_never_a_summary_sentence_or_the_headline() {
        let text = "Crowds cheer as the mayor cuts the ribbon on the new river bridge yesterday \
                    The bridge took four years to build and cost far more than planned.";
        let summary = summarizer(Length::Sentences(3))
            .summarize(text)
            .expect("summary");
        let got: Vec<(&str, UnitKind)> = summary
            .sentences
            .iter()
            .map(|s| (s.text.as_str(), s.kind))
            .collect();
        assert_eq!(
            got,
            [(
                "The bridge took four years to build and cost far more than planned.",
                UnitKind::Sentence
            )]
        );
        assert!(
            !summary.headline.text.contains("ribbon"),
            "{:?}",
            summary.headline
        );
        assert_eq!(summary.boilerplate_removed, 1);
    }

    #[test]
    fn notes_tell_what_became_of_every_unit() {
        let text = "By Jane Doe\n\nThe river rose two metres overnight in the town. \
                    Schools were closed. The river rose two metres overnight in the town. \
                    Shops opened late.\n\n***";
        let s = summarizer(Length::Sentences(2));
        let (summary, notes) = s.annotate(text, None).expect("summary");
        assert_eq!(
            summary,
            s.summarize(text).expect("summary"),
            "notes change nothing"
        );
        let count = |want: fn(&Fate) -> bool| notes.iter().filter(|n| want(&n.fate)).count();
        assert_eq!(
            count(|f| matches!(f, Fate::Scored { selected: true, .. })),
            2
        );
        assert_eq!(
            count(|f| matches!(
                f,
                Fate::Scored {
                    selected: false,
                    ..
                }
            )),
            1
        );
        assert_eq!(count(|f| matches!(f, Fate::Duplicate { of: 1 })), 1);
        assert_eq!(
            count(|f| *f == Fate::Boilerplate),
            summary.boilerplate_removed
        );
        assert!(notes.windows(2).all(|w| w[0].end <= w[1].start), "in order");
        for note in &notes {
            assert!(text
                .get(note.start..note.end)
                .is_some_and(|t| !t.trim().is_empty()));
        }
    }

    #[test]
    fn spans_quote_the_input() {
        let text = "Alpha rose.  Beta fell!\n\nGamma held?";
        let summary = summarizer(Length::Sentences(3))
            .summarize(text)
            .expect("summary");
        for s in &summary.sentences {
            assert_eq!(&text[s.start..s.end], s.text);
        }
    }
}
