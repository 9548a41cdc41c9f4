//! The headline: a title line of the text as written, or one built from a
//! lead sentence.
//!
//! Building is in four modules, each leaning only on those before it:
//! `words` (the sentence's words, tags and closed-class roles; a leaf),
//! `phrase` (noun phrases, verb groups, the main clause and what its verb
//! needs), `compress` (the headline from those spans, in headline style)
//! and `safest` (the first clause, for any language). `dateline` strips
//! the place and agency a wire story opens with; `acronyms` writes the
//! acronyms a text defines for their names.

mod acronyms;
mod compress;
mod dateline;
mod phrase;
mod safest;
mod words;

use crate::language::Language;
use crate::tagger;
use crate::text::segment::{looks_like_title, Unit, UnitKind};
use crate::text::tokenize::{Lexicon, Tokenizer};

pub(crate) use dateline::strip_dateline;

/// Where the headline came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HeadlineSource {
    /// A title line of the text, as written.
    Title,
    /// Built from a lead sentence.
    Lead,
    /// The text had nothing to build one from.
    None,
}

/// A headline and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headline {
    /// The headline text.
    pub text: String,
    /// Where it came from.
    pub source: HeadlineSource,
}

/// A title sits among the first units: after a standfirst or kicker line
/// (as in scraped pages), never deep in the text.
const TITLE_WINDOW: usize = 4;
/// A title has at least this many words ("Talks Resume"), at most
/// `TITLE_MAX_WORDS` (longer unpunctuated lines are section text), and past
/// [`MAX_WORDS`] only in Title Case (a long line in sentence case is a lead
/// that lost its full stop).
const TITLE_MIN_WORDS: usize = 2;
const TITLE_MAX_WORDS: usize = 20;
/// A line of more bytes than this is not a title, whatever its words: a
/// headline is bounded whatever the input.
const TITLE_MAX_BYTES: usize = 300;
/// The longest built headline, in words.
pub const MAX_WORDS: usize = compress::MAX_WORDS;
/// The headline is built from the first lead sentence among the first
/// units: not a quotation or a sentence of a few words ("Talks failed."),
/// which open a story without heading it.
const LEAD_WINDOW: usize = 5;
/// The builder tries the structure of this many leads before it falls
/// back to the first one's first clause.
const STRUCTURED_LEADS: usize = 2;
/// A fronted phrase the first clause skips has at most this many words.
const FRONTED_MAX_WORDS: usize = 10;
/// A lead has at least this many words.
const LEAD_MIN_WORDS: usize = 4;
/// Opening quotation marks.
const QUOTES: &[char] = &['"', '“', '„', '«', '‘', '\'', '「', '『'];

/// Picks the headline of a text from its kept units (duplicates and
/// boilerplate removed): a title line if the text has one, else one built
/// from the lead sentence. `scores` are the units' content scores: a
/// first paragraph whose later sentences outscore its first sets a scene,
/// and the lead is then the first sentence after it; `news` is the news
/// sentence after an anecdotal opening, when the story's reading found one.
// The stage's inputs, one by one, until the stages become functions of one
// pipeline state (issue 17).
#[allow(clippy::too_many_arguments)]
pub fn pick_headline(
    text: &str,
    units: &[Unit],
    scores: &[f64],
    tokenizer: &Tokenizer,
    mut lexicon: Lexicon<'_>,
    term_counts: &[u32],
    news: Option<usize>,
    language: Language,
) -> Headline {
    if let Some(title) = find_title(text, units) {
        return Headline {
            text: collapse_space(title),
            source: HeadlineSource::Title,
        };
    }
    // Each lead is cleaned (cut to its scanned start, dateline gone) once,
    // for both ways of building.
    let leads: Vec<&str> = find_leads(text, units, scores, news)
        .into_iter()
        .map(cleaned)
        .collect();
    let Some(&lead) = leads.first() else {
        return Headline {
            text: String::new(),
            source: HeadlineSource::None,
        };
    };
    // How often the text uses the most used of a phrase's words.
    let mut salience = |phrase: &str| {
        let mut most = 0;
        lexicon.for_each_document_term(phrase, |term| {
            let count = term
                .and_then(|t| term_counts.get(t as usize))
                .copied()
                .unwrap_or(0);
            most = most.max(count);
        });
        most
    };
    // The lead's structure first; when the rules find no clause there they
    // trust, the next lead's; else the lead's first clause.
    let built = leads
        .iter()
        .take(STRUCTURED_LEADS)
        .find_map(|lead| structured(lead, language, &mut salience))
        .unwrap_or_else(|| first_clause(lead, tokenizer, language));
    if built.is_empty() {
        return Headline {
            text: String::new(),
            source: HeadlineSource::None,
        };
    }
    Headline {
        text: acronyms::applied(built, &acronyms::defined(text)),
        source: HeadlineSource::Lead,
    }
}

/// The lead sentences of a text, best first: the news sentence after an
/// anecdotal opening (`news`, a unit index) when the story's reading found
/// one; the sentences of its first units that are not hooks (a quotation,
/// a few words), after a scene-setting first paragraph; else its first
/// sentence, or its first unit that is not a caption.
fn find_leads<'t>(
    text: &'t str,
    units: &[Unit],
    scores: &[f64],
    news: Option<usize>,
) -> Vec<&'t str> {
    // An anecdotal opening found by the story's reading: its news sentence
    // leads.
    if let Some(unit) = news.and_then(|n| units.get(n)) {
        // The first sentence of the news paragraph: the nut graf opens
        // with what happened.
        let unit = units
            .iter()
            .find(|u| u.paragraph == unit.paragraph && u.kind == UnitKind::Sentence)
            .unwrap_or(unit);
        let first = unit.text(text);
        let mut leads = vec![first];
        let others = find_leads(text, units, scores, None);
        leads.extend(others.into_iter().filter(|l| !std::ptr::eq(*l, first)));
        return leads;
    }
    let sentences: Vec<(&Unit, f64)> = units
        .iter()
        .zip(scores.iter().copied().chain(std::iter::repeat(0.0)))
        .filter(|(unit, _)| unit.kind == UnitKind::Sentence || is_unpunctuated_sentence(text, unit))
        .take(LEAD_WINDOW)
        .collect();
    // A first sentence alone in its paragraph is a news lead, and so is
    // one its paragraph's later sentences do not outscore; otherwise the
    // first paragraph sets a scene.
    let scene = sentences.get(1).is_some_and(|(second, _)| {
        second.paragraph == sentences[0].0.paragraph
            && sentences
                .iter()
                .skip(1)
                .take_while(|(unit, _)| unit.paragraph == sentences[0].0.paragraph)
                .any(|&(_, score)| score > sentences[0].1)
    });
    let first_paragraph = sentences.first().map(|(unit, _)| unit.paragraph);
    let is_hook = |unit: &Unit| {
        let sentence = strip_dateline(unit.text(text));
        sentence.starts_with(QUOTES)
            || sentence
                .split_whitespace()
                .nth(LEAD_MIN_WORDS - 1)
                .is_none()
    };
    let mut leads: Vec<&str> = sentences
        .iter()
        .filter(|(unit, _)| !scene || Some(unit.paragraph) != first_paragraph)
        .filter(|(unit, _)| !is_hook(unit))
        .map(|(unit, _)| unit.text(text))
        .collect();
    if leads.is_empty() {
        leads.extend(
            sentences
                .iter()
                .find(|(unit, _)| !is_hook(unit))
                .or(sentences.first())
                .map(|(unit, _)| unit.text(text)),
        );
    }
    if leads.is_empty() {
        leads.extend(
            units
                .iter()
                .find(|unit| unit.kind != UnitKind::Caption)
                .map(|unit| unit.text(text)),
        );
    }
    leads
}

/// A headline is built from at most this many bytes of its sentence:
/// what it needs is at the start, and tagging a sentence costs by its
/// length (`tests/robustness.rs` builds one from a 50 MB line).
const SCAN_MAX_BYTES: usize = 2000;

/// The first [`SCAN_MAX_BYTES`] of `sentence`, ended at white space when
/// there is some.
fn scanned(sentence: &str) -> &str {
    if sentence.len() <= SCAN_MAX_BYTES {
        return sentence;
    }
    let cut = (0..=SCAN_MAX_BYTES)
        .rev()
        .find(|&at| sentence.is_char_boundary(at))
        .unwrap_or(0);
    let head = &sentence[..cut];
    head.rfind(char::is_whitespace)
        .map_or(head, |at| &head[..at])
}

/// Builds a headline from one sentence, as [`pick_headline`] does from a
/// text's lead: by the sentence's structure where the language has a
/// tagger and word roles, else (or when the structure is not clear) its
/// first clause.
pub fn build_from_sentence(sentence: &str, tokenizer: &Tokenizer, language: Language) -> String {
    let lead = cleaned(sentence);
    let built = structured(lead, language, &mut |_| 0)
        .unwrap_or_else(|| first_clause(lead, tokenizer, language));
    acronyms::applied(built, &acronyms::defined(sentence))
}

/// A lead as the builders read it: its first [`SCAN_MAX_BYTES`], without
/// a dateline.
fn cleaned(sentence: &str) -> &str {
    strip_dateline(scanned(sentence.trim()))
}

/// The headline of `sentence` ([`cleaned`]) by its structure, when its language has a
/// tagger and word roles and the rules find a clause they trust; `salience`
/// says how often the text uses a phrase's words.
fn structured(
    sentence: &str,
    language: Language,
    salience: &mut dyn FnMut(&str) -> u32,
) -> Option<String> {
    let model = tagger::for_language(language)?;
    let roles = words::Roles::of(language)?;
    let tagged = words::tagged(sentence, model, roles);
    compress::compress(sentence, &tagged, salience)
}

/// The safest headline of `sentence` ([`cleaned`]): its first clause, or the one after
/// it when the first is a fronted phrase ("With the film out this week,
/// ...": a word the language's data lists as opening a clause first).
fn first_clause(sentence: &str, tokenizer: &Tokenizer, language: Language) -> String {
    let mut sentence = sentence;
    if let Some(roles) = words::Roles::of(language) {
        let first = sentence
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        if roles.opens_phrase(&first) {
            // The fronted phrase ends at a comma within a few words.
            if let Some((before, after)) = sentence.split_once(", ") {
                if before.split_whitespace().count() <= FRONTED_MAX_WORDS {
                    sentence = after;
                }
            }
        }
    }
    safest::capitalized(safest::safest(sentence, tokenizer))
}

/// The first heading among the first units that reads like a title.
pub(crate) fn find_title<'t>(text: &'t str, units: &[Unit]) -> Option<&'t str> {
    units
        .iter()
        .take(TITLE_WINDOW)
        .filter(|unit| unit.kind == UnitKind::Heading)
        .map(|unit| unit.text(text))
        .find(|line| {
            let words = line.split_whitespace().count();
            (TITLE_MIN_WORDS..=TITLE_MAX_WORDS).contains(&words)
                && line.len() <= TITLE_MAX_BYTES
                && (words <= MAX_WORDS || looks_like_title(line))
                && line.chars().any(char::is_alphabetic)
                && !is_dateline_only(line)
        })
}

/// A line without final punctuation that is too long for a headline and not
/// in Title Case: a sentence that lost its full stop.
fn is_unpunctuated_sentence(text: &str, unit: &Unit) -> bool {
    let line = unit.text(text);
    unit.kind == UnitKind::Heading
        && line.split_whitespace().count() > MAX_WORDS
        && !looks_like_title(line)
}

/// "LONDON, March 3" or "NEW YORK": a dateline on a line of its own. (Not
/// "US consumer confidence up", a title that starts with an acronym.)
fn is_dateline_only(line: &str) -> bool {
    let all_caps = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
    };
    let words: Vec<&str> = line.split_whitespace().collect();
    let first_caps = words.first().is_some_and(|w| all_caps(w));
    words.len() <= 5
        && first_caps
        && (words
            .iter()
            .all(|w| all_caps(w) || !w.chars().any(char::is_alphabetic))
            || (line.contains(',') && line.chars().any(|c| c.is_ascii_digit())))
}

/// Joins all white space runs into single spaces.
pub(crate) fn collapse_space(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Options, Summarizer};

    /// The headline of `text` as `lede` gives it: segmented, with bylines
    /// and duplicates removed, in English.
    fn headline(text: &str) -> Headline {
        let options = Options {
            language: Language::English.into(),
            ..Options::default()
        };
        let summarizer = Summarizer::new(options).expect("valid options");
        summarizer.summarize(text).expect("a summary").headline
    }

    const BODY: &str = "Heavy snow fell across the north on Monday. Roads were closed.";

    #[test]
    fn title_lines_are_the_headline_exactly() {
        let plain = format!("Storm Closes Schools\n\n{BODY}");
        let repeated = format!("Storm Closes Schools\n\nStorm Closes Schools\n\n{BODY}");
        let markdown = format!("# Storm Closes Schools\n\n{BODY}");
        let subtitle_line = format!(
            "Storm Closes Schools\nPupils stay at home as drifts block rural roads\n\n{BODY}"
        );
        let subtitle_sentence = format!(
            "Storm Closes Schools\nPupils stayed at home as drifts blocked roads.\n\n{BODY}"
        );
        // As in scraped pages: a standfirst above the title, the title again,
        // a subtitle sentence under it.
        let standfirst = format!(
            "Pupils stayed at home as drifts blocked the roads.\n\
             Storm Closes Schools Across the North\n\n\
             Storm Closes Schools Across the North\n\
             The county council shut 140 schools on Monday.\n{BODY}"
        );
        let byline = format!("Storm Closes Schools\n\nBy Jane Doe, Education Reporter\n\n{BODY}");
        let dateline = format!("LONDON, March 3\n\nStorm Closes Schools\n\n{BODY}");
        let sentence_case = format!("US consumer confidence up\n\n{BODY}");
        let question = format!("Who do you think you are?\n\n{BODY}");
        let cases = [
            (plain.as_str(), "Storm Closes Schools"),
            (&repeated, "Storm Closes Schools"),
            (&markdown, "Storm Closes Schools"),
            (&subtitle_line, "Storm Closes Schools"),
            (&subtitle_sentence, "Storm Closes Schools"),
            (&standfirst, "Storm Closes Schools Across the North"),
            (&byline, "Storm Closes Schools"),
            (&dateline, "Storm Closes Schools"),
            (&sentence_case, "US consumer confidence up"),
            (&question, "Who do you think you are?"),
        ];
        for (text, want) in cases {
            let got = headline(text);
            assert_eq!(
                (got.text.as_str(), got.source),
                (want, HeadlineSource::Title),
                "input: {text:?}"
            );
        }
    }

    #[test]
    fn datelines_alone_are_not_titles() {
        let cases = [
            ("LONDON, March 3", true),
            ("NEW YORK", true),
            ("US consumer confidence up", false),
            ("J&J agrees $25bn Guidant deal", false),
            ("IBM frees 500 software patents", false),
        ];
        for (line, want) in cases {
            assert_eq!(is_dateline_only(line), want, "line: {line:?}");
        }
    }

    #[test]
    fn without_a_title_the_headline_is_built_from_the_lead() {
        let long_first = "The city council approved a budget on Tuesday that raises spending \
            on parks, roads and libraries by a third after months of debate, a public hearing \
            that ran past midnight and a last-minute amendment from the mayor, who had \
            threatened a veto if the library cuts went ahead, according to officials who spoke \
            on condition of anonymity. The vote was 7-2.";
        let cases = [
            // A dateline goes.
            (
                "LONDON (Reuters) - Britain's economy grew 0.5% in the third quarter, official \
                 figures showed on Friday. Growth was led by services.",
                "Britain's economy grew 0.5% in third quarter",
            ),
            // A byline is no headline.
            (
                "By Jane Doe, Science Correspondent\n\nThe Halden Museum has found 43 letters \
                 hidden behind a painting. Staff were stunned. The letters go on show in May.",
                "Halden Museum found 43 letters",
            ),
            // A quotation opens the story, the news follows.
            (
                "\"We are ready to talk,\" the minister said.\n\nFishing ministers from five \
                 countries met in Oslo on Monday to settle quotas. Talks went on late.",
                "Fishing ministers from five countries met in Oslo",
            ),
            // So does a sentence of a word or two.
            (
                "Talks failed. Negotiators from Arland and Brem left Geneva on Friday without a \
                 deal on fishing rights. Both sides blamed the other.",
                "Negotiators from Arland and Brem left Geneva",
            ),
            (
                "It rained.\n\nFloods hit the town. Roads were shut.",
                "Floods hit town",
            ),
            // A long first sentence keeps its main clause.
            (long_first, "City council approved budget"),
            // A long first line without a full stop is a sentence, no title.
            (
                "The county council shut 140 schools across the north on Monday after heavy \
                 snow blocked rural roads\n\nMore snow is forecast for Tuesday. Parents should \
                 check the council website.",
                "County council shut 140 schools",
            ),
            // A feature sets a scene in its first paragraph; the news comes next.
            (
                "Every Saturday morning, a dozen volunteers in orange vests walk the beach at \
                 Hollow Bay with sacks. They pick up bottles, nets and rope.\n\n\
                 The Hollow Bay council has banned single-use plastic bags from all shops in \
                 the town from June, after a survey found 4,000 bags on its beaches last year. \
                 The council voted 9-2 for the ban on Tuesday.\n\n\
                 Shops that break the rule face fines of up to 500 euros.",
                "Hollow Bay council banned single-use plastic bags",
            ),
        ];
        let mut wrong = Vec::new();
        for (text, want) in cases {
            let got = headline(text);
            if (got.text.as_str(), got.source) != (want, HeadlineSource::Lead) {
                wrong.push(format!("{text:?}\n  want {want:?}\n  got  {got:?}"));
            }
            assert!(got.text.split_whitespace().count() <= MAX_WORDS, "{got:?}");
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}
