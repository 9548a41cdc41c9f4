//! Headline: the text's own title line when it has one, otherwise a short
//! headline built from a lead sentence in headline style.

mod build;
mod cues;
mod cut;
mod style;
mod trim;
mod verbs;

use std::cell::{Cell, RefCell};
use std::cmp::Ordering;

use crate::language::Language;
use crate::text::scan::{find_byte, is_ascii_space, swar};
use crate::text::segment::{looks_like_title, Unit, UnitKind};
use crate::text::tokenize::{lowercase_into, FastSet, Lexicon, Tokenizer};

use build::{build, has_spaceless_char, Built, SCAN_MAX_WORDS, SPACELESS_MAX_CHARS};
use cues::Cues;
use cut::TITLE_WORDS;
pub(crate) use trim::strip_dateline;

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
/// [`MAX_WORDS`] only in Title Case (BBC titles have at most 8 words; a long
/// line in sentence case is a lead that lost its full stop).
const TITLE_MIN_WORDS: usize = 2;
const TITLE_MAX_WORDS: usize = 20;
/// The longest built headline, in words (BBC titles average 5.3 words; the
/// longest editors write run to about 12).
pub const MAX_WORDS: usize = 12;
/// The headline is built from one of the first [`LEAD_WINDOW`] sentences:
/// the one whose headline promises the most ROUGE F1 (see `cut`), each
/// sentence worth `decay` times the one before. News leads with its story
/// (`LEAD_DECAY`); a feature sets a scene in a first paragraph of several
/// sentences and gives the news later (`SCENE_DECAY`). Headline ROUGE-1,
/// bbc-dev text only / our corpus: the first sentence alone 28.64 / 49.20,
/// 0.5 for every text 28.69 / 52.88, 0.9 for every text 26.09 / 58.94, the
/// two as the opening calls for 28.73 / 59.13.
const LEAD_WINDOW: usize = 5;
const LEAD_DECAY: f64 = 0.5;
const SCENE_DECAY: f64 = 0.9;
/// A lead has at least this many words: a shorter sentence ("It rained.",
/// "Talks failed.") is a hook that opens the story.
const LEAD_MIN_WORDS: usize = 4;
/// Opening quotation marks.
const QUOTES: &[char] = &['"', '“', '„', '«', '‘', '\'', '「', '『'];
/// A term used this many times in the text is a title word half the time:
/// on bbc-dev, a first-sentence term used once is in the title 7% of the
/// time, 3 times 20%, 5 times 34%, 8 or more times 55%.
const SALIENCE_HALF: f64 = 10.0;

/// Picks the headline of a text from its kept units (duplicates and
/// boilerplate removed): a title line if the text has one, else one built
/// from a lead sentence in headline style. `scores` are the units' content
/// scores (TF-IDF and position): a later sentence of the first paragraph
/// that scores higher than the first marks a scene-setting opening, and
/// they break ties.
///
/// `lexicon` is the one the text's terms came from, and `term_counts` says
/// how often each of its document terms occurs in `units`: how salient a
/// word is.
pub fn pick_headline(
    text: &str,
    units: &[Unit],
    scores: &[f64],
    tokenizer: &Tokenizer,
    lexicon: Lexicon<'_>,
    term_counts: &[u32],
    language: Language,
) -> Headline {
    if let Some(title) = find_title(text, units) {
        return Headline {
            text: collapse_space(title),
            source: HeadlineSource::Title,
        };
    }
    let cues = Cues::of(language);
    let salience = Salience::new(text, units, lexicon, term_counts);
    let sentences: Vec<(&Unit, f64)> = units
        .iter()
        .zip(scores.iter().copied().chain(std::iter::repeat(0.0)))
        .filter(|(unit, _)| unit.kind == UnitKind::Sentence || is_unpunctuated_sentence(text, unit))
        .take(LEAD_WINDOW)
        .collect();
    // A first sentence alone in its paragraph is a news lead, and so is
    // one its paragraph's later sentences do not outscore; otherwise the
    // first paragraph sets a scene.
    let lead_alone = sentences
        .get(1)
        .is_none_or(|(second, _)| second.paragraph != sentences[0].0.paragraph)
        || sentences
            .iter()
            .skip(1)
            .all(|&(_, score)| score <= sentences[0].1);
    let decay = if lead_alone { LEAD_DECAY } else { SCENE_DECAY };
    let mut factor = 1.0;
    let mut best: Option<(Built, f64, f64)> = None;
    let bound = salience.bound();
    for &(unit, score) in &sentences {
        // Building is most of the headline's cost: a later sentence whose
        // promise cannot reach the best one's is not built.
        if best.as_ref().is_some_and(|&(_, p, _)| factor * bound < p) {
            break;
        }
        // A quotation or a sentence of a few words ("Talks failed.") opens
        // a story, it does not head it.
        let hook = unit.text(text).starts_with(QUOTES)
            || unit
                .text(text)
                .split_whitespace()
                .nth(LEAD_MIN_WORDS - 1)
                .is_none();
        if hook && sentences.len() > 1 {
            factor *= decay;
            continue;
        }
        // Nor one whose own words promise too little (most leads win).
        if best
            .as_ref()
            .is_some_and(|&(_, p, _)| !salience.may_reach(unit.text(text), cues, factor, p))
        {
            factor *= decay;
            continue;
        }
        let built = build(unit.text(text), cues, tokenizer, &salience);
        let promise = built.expected * factor;
        factor *= decay;
        let better = best
            .as_ref()
            .is_none_or(|&(_, p, s)| promise.total_cmp(&p).then(score.total_cmp(&s)).is_gt());
        if !built.text.is_empty() && better {
            best = Some((built, promise, score));
        }
    }
    let built = best.map(|(built, _, _)| built.text).or_else(|| {
        units
            .iter()
            .find(|unit| unit.kind != UnitKind::Caption)
            .map(|unit| build(unit.text(text), cues, tokenizer, &salience).text)
    });
    match built {
        Some(text) if !text.is_empty() => Headline {
            text,
            source: HeadlineSource::Lead,
        },
        _ => Headline {
            text: String::new(),
            source: HeadlineSource::None,
        },
    }
}

/// Builds a headline from one sentence, as [`pick_headline`] does for a
/// text without a title line, with the sentence as its only context.
pub fn build_from_sentence(sentence: &str, tokenizer: &Tokenizer, language: Language) -> String {
    let unit = Unit {
        start: 0,
        end: sentence.len(),
        paragraph: 0,
        kind: UnitKind::Sentence,
    };
    let mut lexicon = tokenizer.lexicon();
    let counts = count_terms(sentence, &mut lexicon);
    let salience = Salience::new(sentence, &[unit], lexicon, &counts);
    build(sentence, Cues::of(language), tokenizer, &salience).text
}

/// How often each term of the text occurs: a term the story keeps coming
/// back to is likely a word of its title.
#[derive(Debug)]
struct Salience<'a> {
    /// The document's words, to find the term of a headline word.
    lexicon: RefCell<Lexicon<'a>>,
    /// How often each document term occurs in the kept units.
    counts: &'a [u32],
    /// Words the text capitalizes inside a sentence: see [`Names`].
    names: Names<'a>,
    /// Words the text writes in capitals ("IMF", "GM"), borrowed from it.
    acronyms: FastSet<&'a str>,
    /// The highest odds among the acronyms, worked out when first asked
    /// for: only a sentence after the first needs it.
    acronym_odds: Cell<Option<f64>>,
}

/// The words a text capitalizes inside a sentence ("Yukos", not "Shares"),
/// to be asked about in lower case. Every unit of a text is read for them
/// and a headline asks about a few words only, so an ASCII word is kept as
/// written, borrowed, and hashed and compared without regard to case
/// (lower-casing every capitalized word of the text into a set of strings
/// took a fifth of the headline's instructions). An article's are listed;
/// a long text repeats its names millions of times, and past
/// [`NAMES_LISTED`] they go in a set.
#[derive(Debug, Default)]
struct Names<'a> {
    /// The first ASCII words, as written.
    ascii: Vec<&'a str>,
    /// The ASCII words past those.
    more: FastSet<Caseless<'a>>,
    /// The others, lower-cased by [`lowercase_into`].
    other: FastSet<String>,
}

impl<'a> Names<'a> {
    /// Adds a capitalized word (punctuation trimmed).
    fn add(&mut self, bare: &'a str, lower: &mut String) {
        if bare.is_ascii() {
            if self.ascii.len() < NAMES_LISTED {
                self.ascii.push(bare);
            } else {
                self.more.insert(Caseless(bare));
            }
        } else {
            lowercase_into(bare, lower);
            if !self.other.contains(lower.as_str()) {
                self.other.insert(lower.clone());
            }
        }
    }

    /// Whether `word` is the lower case of a name: an ASCII name's lower
    /// case is its ASCII lower case, which is what comparing its bytes
    /// lower-cased with `word`'s as they are asks.
    fn contains(&self, word: &str) -> bool {
        let word = Caseless(word);
        self.ascii.iter().any(|&name| Caseless(name) == word)
            || self.more.contains(&word)
            || self.other.contains(word.0)
    }
}

/// How many capitalized ASCII words [`Names`] lists before it keeps a set:
/// more than a news article has, few enough to read through for each of the
/// headline's questions.
const NAMES_LISTED: usize = 1024;

/// An ASCII word that hashes and compares as its lower case.
#[derive(Debug, Clone, Copy)]
struct Caseless<'a>(&'a str);

impl PartialEq for Caseless<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(other.0)
    }
}

impl Eq for Caseless<'_> {}

impl std::hash::Hash for Caseless<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // Lower-cased a stretch at a time on the stack: nothing allocated.
        let mut lower = [0u8; 32];
        for chunk in self.0.as_bytes().chunks(lower.len()) {
            let lower = &mut lower[..chunk.len()];
            lower.copy_from_slice(chunk);
            lower.make_ascii_lowercase();
            state.write(lower);
        }
        state.write_u8(0xff);
    }
}

/// The highest odds among a sentence's words so far, at most
/// [`MAX_WORDS`] of them, highest first.
#[derive(Debug, Default)]
struct TopOdds {
    odds: [f64; MAX_WORDS],
    len: usize,
}

impl TopOdds {
    /// Adds the odds of a word; whether they are among the highest.
    fn insert(&mut self, odds: f64) -> bool {
        let at = self.odds[..self.len].partition_point(|o| o.total_cmp(&odds).is_ge());
        if at == MAX_WORDS {
            return false;
        }
        self.len = (self.len + 1).min(MAX_WORDS);
        self.odds[at..self.len].rotate_right(1);
        self.odds[at] = odds;
        true
    }

    /// The best of what [`cut`] would expect of the `n` highest odds (`n`
    /// up to [`MAX_WORDS`]), counting with them an acronym's odds for each
    /// two `capitals`: their sum over `n +` [`TITLE_WORDS`].
    fn bound(&self, acronym: f64, capitals: usize) -> f64 {
        let mut acronyms = if acronym > 0.0 {
            (capitals / 2).min(MAX_WORDS)
        } else {
            0
        };
        // Merged by an index into the words' odds: a `Peekable` took 0.4M
        // of corp300's 220M Ir, the bound being asked of most words read.
        let words = &self.odds[..self.len];
        let (mut k, mut sum, mut best) = (0, 0.0, 0.0f64);
        for n in 1..=MAX_WORDS {
            let odds = match words.get(k) {
                Some(&odds) if acronyms == 0 || odds.total_cmp(&acronym).is_ge() => {
                    k += 1;
                    odds
                }
                _ if acronyms > 0 => {
                    acronyms -= 1;
                    acronym
                }
                _ => break,
            };
            sum += odds;
            best = best.max(sum / (n as f64 + TITLE_WORDS));
        }
        best
    }
}

impl<'a> Salience<'a> {
    fn new(text: &'a str, units: &[Unit], lexicon: Lexicon<'a>, counts: &'a [u32]) -> Self {
        // News text capitalizes a word every 44 bytes (corpus/: 2,096 in
        // 92 KB): room for one every 32 sizes the list of names once,
        // rather than growing it by copying.
        let mut names = Names {
            ascii: Vec::with_capacity((text.len() / 32).min(NAMES_LISTED)),
            ..Names::default()
        };
        let mut acronyms = FastSet::default();
        let mut lower = String::new();
        for unit in units {
            capitalized_words(unit.text(text), |bare, opens| {
                // Past the first word (of the sentence, or after a dateline's
                // dash), a capital marks a name.
                if !opens {
                    names.add(bare, &mut lower);
                }
                let capitals = if bare.is_ascii() {
                    bare.bytes().all(|b| b.is_ascii_uppercase())
                } else {
                    bare.chars().all(char::is_uppercase)
                };
                if capitals && bare.chars().nth(1).is_some() {
                    acronyms.insert(bare);
                }
            });
        }
        Salience {
            lexicon: RefCell::new(lexicon),
            counts,
            names,
            acronyms,
            acronym_odds: Cell::new(None),
        }
    }

    /// The highest odds among the text's acronyms (0 without any).
    fn acronym_odds(&self) -> f64 {
        if let Some(odds) = self.acronym_odds.get() {
            return odds;
        }
        let odds = self
            .acronyms
            .iter()
            .map(|a| self.of_word(a))
            .fold(0.0, f64::max);
        self.acronym_odds.set(Some(odds));
        odds
    }

    /// A bound on what [`build`] can expect of any headline of this text:
    /// each word's odds are at most those of the most frequent term, and
    /// what [`cut`] expects of `n` words is their sum over `n +`
    /// [`TITLE_WORDS`], below the bound at the most words a headline has
    /// (a spaceless one counts a term per character).
    fn bound(&self) -> f64 {
        let most = self.counts.iter().copied().max().unwrap_or(1).max(1) as f64;
        let longest = MAX_WORDS.max(SPACELESS_MAX_CHARS) as f64;
        most / (most + SALIENCE_HALF) * longest / (longest + TITLE_WORDS)
    }

    /// Whether a headline built from `sentence`, its promise scaled by
    /// `factor`, may reach `best`: whether `factor` times the bound on what
    /// [`cut`] would expect of its `n` most salient words (`n` up to
    /// [`MAX_WORDS`]) is at least `best`. The rules drop words and rewrite
    /// a few: a verb counts at the better odds of its forms ("rose",
    /// "rises", "rise"), and each acronym that may stand for a run of names
    /// at the highest odds of the text's acronyms. (A word rebuilt around a
    /// bracket, "(IMF)'s", is the one rewrite not allowed for; on bbc-dev,
    /// cnndm-dev and corpus/ no headline changed.) For a script without
    /// spaces, the [`bound`](Self::bound) of every headline.
    ///
    /// The bound only grows with each word read (a sum of larger odds
    /// rounds no lower), so the answer is yes as soon as the words read so
    /// far reach `best`: most sentences asked about are built, and reading
    /// all their words first took 16M Ir on corp300.
    fn may_reach(&self, sentence: &str, cues: &Cues, factor: f64, best: f64) -> bool {
        // Not below `best`: the sentence that pruning by `factor * bound <
        // best` keeps.
        let reaches = |bound: f64| (factor * bound).partial_cmp(&best) != Some(Ordering::Less);
        // `build` asks whether the sentence is spaceless after taking off a
        // dateline ("BEIJING, March 5 (Xinhua) -- 中国..."): any character
        // of such a script takes the bound that holds for every headline.
        if has_spaceless_char(sentence) {
            return reaches(self.bound());
        }
        let acronym = self.acronym_odds();
        let mut top = TopOdds::default();
        let mut capitals = 0;
        for word in sentence.split_whitespace().take(SCAN_MAX_WORDS) {
            let capital = word.starts_with(char::is_uppercase);
            capitals += usize::from(capital);
            // The bound grows only with a word among the most salient yet,
            // or with a capital (which may add an acronym).
            if (top.insert(self.odds_with_presents(word, cues)) || capital)
                && reaches(top.bound(acronym, capitals))
            {
                return true;
            }
        }
        reaches(top.bound(acronym, capitals))
    }

    /// The odds of `word` or of its present tenses, whichever are higher:
    /// a word's odds as [`may_reach`](Self::may_reach) counts them. (Not
    /// kept for each spelling: may_reach reads a few sentences of each
    /// text, which share few words: nine words in ten missed a map of the
    /// words read, which cost 1.8M of corp300's 224M Ir more than it saved.)
    fn odds_with_presents(&self, word: &str, cues: &Cues) -> f64 {
        let lower = build::bare(word);
        let mut most = self.of_word(word);
        // Only a past form or a gerund has a present tense to take
        // (`presents` asks whether it is one).
        for present in cues.presents(&lower).iter().flatten() {
            most = most.max(self.of_word(present));
        }
        most
    }

    /// What a headline built from `sentence` can expect: the best of what
    /// [`cut`] would expect of its `n` most salient words, `n` up to
    /// [`MAX_WORDS`]. The rules drop words and rewrite a few: a verb counts
    /// at the better odds of its forms ("rose", "rises", "rise"), and each
    /// acronym that may stand for a run of names at the highest odds of the
    /// text's acronyms. (A word rebuilt around a bracket, "(IMF)'s", is the
    /// one rewrite not allowed for; on bbc-dev, cnndm-dev and corpus/ no
    /// headline changed.) For a script without spaces, [`bound`](Self::bound).
    #[cfg(test)]
    fn sentence_bound(&self, sentence: &str, cues: &Cues) -> f64 {
        // `build` asks whether the sentence is spaceless after taking off a
        // dateline ("BEIJING, March 5 (Xinhua) -- 中国..."): any character
        // of such a script takes the bound that holds for every headline.
        if has_spaceless_char(sentence) {
            return self.bound();
        }
        let acronym = self.acronym_odds();
        let mut odds: Vec<f64> = Vec::new();
        let mut capitals = 0;
        for word in sentence.split_whitespace().take(SCAN_MAX_WORDS) {
            odds.push(self.odds_with_presents(word, cues));
            capitals += usize::from(word.starts_with(char::is_uppercase));
        }
        if acronym > 0.0 {
            odds.extend(std::iter::repeat_n(acronym, (capitals / 2).min(MAX_WORDS)));
        }
        odds.sort_unstable_by(|a, b| b.total_cmp(a));
        let mut sum = 0.0;
        let mut best = 0.0f64;
        for (n, o) in odds.iter().take(MAX_WORDS).enumerate() {
            sum += o;
            best = best.max(sum / ((n + 1) as f64 + TITLE_WORDS));
        }
        best
    }

    /// Whether the text uses no acronym at all.
    fn has_no_acronyms(&self) -> bool {
        self.acronyms.is_empty()
    }

    /// Whether the text uses `word` as an acronym ("IMF").
    fn is_acronym(&self, word: &str) -> bool {
        self.acronyms.contains(word)
    }

    /// Whether the text writes `word` (lower case) with a capital inside a
    /// sentence: "Yukos", not "Shares".
    fn is_name(&self, word: &str) -> bool {
        self.names.contains(word)
    }

    /// The odds that a term is a title word: `n / (n + SALIENCE_HALF)`,
    /// where a term the text does not have counts once.
    fn of_term(&self, term: Option<u32>) -> f64 {
        let n = term
            .and_then(|term| self.counts.get(term as usize))
            .copied()
            .unwrap_or(1)
            .max(1) as f64;
        n / (n + SALIENCE_HALF)
    }

    /// The odds that a word is a title word: those of its most frequent
    /// term, 0 for a stop word.
    fn of_word(&self, word: &str) -> f64 {
        let mut best = 0.0f64;
        self.lexicon
            .borrow_mut()
            .for_each_document_term(word, |term| best = best.max(self.of_term(term)));
        best
    }

    /// The salience of each term of `text`, summed, and the number of terms.
    fn of_text(&self, text: &str) -> (f64, usize) {
        let (mut sum, mut terms) = (0.0, 0);
        self.lexicon
            .borrow_mut()
            .for_each_document_term(text, |term| {
                sum += self.of_term(term);
                terms += 1;
            });
        (sum, terms)
    }
}

/// Calls `f` with each word of `unit` (split at white space, punctuation
/// trimmed) that starts with a capital, and whether it opens the unit or
/// follows a dash ("LONDON - Shares ..."). Every unit of a text is read, and
/// capitals are a few bytes in a hundred: in ASCII text they are found by a
/// scan for capital letters, and only the words around them looked at.
fn capitalized_words<'t>(unit: &'t str, f: impl FnMut(&'t str, bool)) {
    if unit.is_ascii() {
        capitalized_ascii_words(unit, f);
    } else {
        capitalized_any_words(unit, f);
    }
}

/// [`capitalized_words`] word by word, for any text.
fn capitalized_any_words<'t>(unit: &'t str, mut f: impl FnMut(&'t str, bool)) {
    let mut opens = true;
    for word in unit.split_whitespace() {
        let after_dash = matches!(word, "-" | "–" | "—" | "--");
        let bare = trim_to_word(word);
        if bare.starts_with(char::is_uppercase) {
            f(bare, opens);
        }
        opens = after_dash;
    }
}

/// [`capitalized_words`] from capital to capital, for ASCII text.
fn capitalized_ascii_words<'t>(unit: &'t str, mut f: impl FnMut(&'t str, bool)) {
    let bytes = unit.as_bytes();
    let space = is_ascii_space;
    let mut at = 0;
    while let Some(capital) = next_ascii_capital(bytes, at) {
        // The word's first letter or digit must be this capital.
        let mut start = capital;
        while start > 0 && !space(bytes[start - 1]) && !bytes[start - 1].is_ascii_alphanumeric() {
            start -= 1;
        }
        let mut end = capital;
        while end < bytes.len() && !space(bytes[end]) {
            end += 1;
        }
        at = end;
        if start > 0 && !space(bytes[start - 1]) {
            continue;
        }
        let mut before = start;
        while before > 0 && space(bytes[before - 1]) {
            before -= 1;
        }
        // Trimmed to a word, it runs from the capital (only punctuation
        // comes before it) to its last letter or digit.
        let last = bytes[capital..end]
            .iter()
            .rposition(u8::is_ascii_alphanumeric)
            .map_or(capital, |k| capital + k);
        f(
            &unit[capital..=last],
            before == 0 || is_dash_before(bytes, before),
        );
    }
}

/// Whether the word of ASCII `bytes` that ends at `end` is a dash, "-" or
/// "--": read off its last bytes rather than from its start.
fn is_dash_before(bytes: &[u8], end: usize) -> bool {
    let dash_of = |len: usize| {
        end >= len
            && bytes[end - len..end].iter().all(|&b| b == b'-')
            && (end == len || is_ascii_space(bytes[end - len - 1]))
    };
    dash_of(1) || dash_of(2)
}

/// Where the first ASCII capital letter of `bytes` at or after `from` is,
/// eight bytes at a time (a scan byte by byte took 3.2M of Salience::new's
/// 17.9M instructions on 300 corpus records).
fn next_ascii_capital(bytes: &[u8], from: usize) -> Option<usize> {
    find_byte(bytes, from, swar::ascii_uppercase, |b| {
        b.is_ascii_uppercase()
    })
}

/// `word` without the punctuation around it.
#[inline]
fn trim_to_word(word: &str) -> &str {
    if word.is_ascii() {
        trim_ascii_to_word(word)
    } else {
        word.trim_matches(|c: char| !c.is_alphanumeric())
    }
}

/// [`trim_to_word`] of an ASCII word, byte by byte: it is asked of every
/// word read, and decoding characters took half of it.
fn trim_ascii_to_word(word: &str) -> &str {
    let bytes = word.as_bytes();
    let start = bytes
        .iter()
        .position(u8::is_ascii_alphanumeric)
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(u8::is_ascii_alphanumeric)
        .map_or(start, |k| k + 1);
    &word[start..end]
}

/// How often each term of `text` occurs, by the document term ids
/// `lexicon` hands out: what the pipeline counts for a whole text, for a
/// sentence on its own.
fn count_terms(text: &str, lexicon: &mut Lexicon<'_>) -> Vec<u32> {
    let mut ids = Vec::new();
    lexicon.word_ids(text, &mut ids);
    let mut counts = Vec::new();
    for id in ids {
        if let Some(stem) = lexicon.stem(id) {
            let term = lexicon.term(stem) as usize;
            if counts.len() <= term {
                counts.resize(term + 1, 0);
            }
            counts[term] += 1;
        }
    }
    counts
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

    /// A scan for capitalized words, as a plain function.
    type Scan = fn(&str, &mut dyn FnMut(&str, bool));

    proptest::proptest! {
        /// The capital-to-capital scan of ASCII text finds the words the
        /// word-by-word one does.
        #[test]
        fn capitals_are_found_in_ascii_as_word_by_word(
            unit in "[ a-zA-Z0-9.,\"'()\t\n-]{0,80}"
        ) {
            let collect = |scan: Scan| {
                let mut found = Vec::new();
                scan(&unit, &mut |bare, opens| found.push((bare.to_string(), opens)));
                found
            };
            proptest::prop_assert_eq!(
                collect(|u, f| capitalized_ascii_words(u, f)),
                collect(|u, f| capitalized_any_words(u, f))
            );
        }
    }

    proptest::proptest! {
        /// The capital scan eight bytes at a time finds the capital a scan
        /// byte by byte does, from any byte on.
        #[test]
        fn capitals_are_found_eight_bytes_at_a_time(
            text in "[ -~]{0,40}",
            from in 0usize..45,
        ) {
            let bytes = text.as_bytes();
            let plain = bytes
                .get(from..)
                .and_then(|rest| rest.iter().position(u8::is_ascii_uppercase))
                .map(|k| from + k);
            proptest::prop_assert_eq!(next_ascii_capital(bytes, from), plain);
        }
    }

    proptest::proptest! {
        /// [`Names`] answers as the set of lower-cased names it stands for
        /// would, for any word asked about in lower case as `bare` gives it.
        #[test]
        fn names_are_found_as_in_a_set_of_lower_case_words(
            names in proptest::collection::vec("[A-Za-zÉéΣσς\u{212A}]{1,4}", 0..8),
            asked in "[A-Za-zÉéΣσς\u{212A}]{1,4}",
        ) {
            let (mut fast, mut lower) = (Names::default(), String::new());
            let mut plain = FastSet::default();
            for name in &names {
                fast.add(name, &mut lower);
                lowercase_into(name, &mut lower);
                plain.insert(lower.clone());
            }
            let asked = build::bare(&asked);
            proptest::prop_assert_eq!(fast.contains(&asked), plain.contains(&*asked));
        }
    }

    #[test]
    fn names_past_the_list_are_found_in_the_set() {
        let words: Vec<String> = (0..NAMES_LISTED + 10).map(|i| format!("Name{i}")).collect();
        let (mut names, mut lower) = (Names::default(), String::new());
        for _ in 0..3 {
            for word in &words {
                names.add(word, &mut lower);
            }
        }
        assert_eq!(names.ascii.len(), NAMES_LISTED);
        // The list fills up on the first round; the set keeps each of the
        // later words once, however often it comes.
        assert_eq!(
            names.more.len(),
            words.len(),
            "a repeated name is kept once"
        );
        assert!(names.contains("name0"));
        assert!(names.contains(&format!("name{}", NAMES_LISTED + 9)));
        assert!(!names.contains(&format!("name{}", NAMES_LISTED + 10)));
    }

    proptest::proptest! {
        /// Reading a sentence word by word and stopping once its bound
        /// reaches the promise to beat answers as its whole bound does.
        #[test]
        fn sentences_reach_a_promise_as_their_whole_bound_says(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "the", "IMF", "GM", "Fund", "International", "Monetary", "rose", "agreed",
                "considering", "shares", "Shares", "bank", "Bank", "talks", "of", "and",
                "12%", "(IMF)", "said,", "banks", "fund", "rates", "rate",
            ]), 1..40),
            factor in 0.05f64..1.0,
            ratio in proptest::sample::select(vec![0.5, 0.99, 1.0, 1.01, 2.0]),
        ) {
            let sentence = words.join(" ");
            let text = format!(
                "The International Monetary Fund (IMF) met banks. GM rates rose. {sentence}"
            );
            let tokenizer = Tokenizer::new(Language::English);
            let mut lexicon = tokenizer.lexicon();
            let counts = count_terms(&text, &mut lexicon);
            let unit = Unit { start: 0, end: text.len(), paragraph: 0, kind: UnitKind::Sentence };
            let salience = Salience::new(&text, &[unit], lexicon, &counts);
            let cues = &Cues::ENGLISH;
            let bound = salience.sentence_bound(&sentence, cues);
            let best = factor * bound * ratio;
            proptest::prop_assert_eq!(
                salience.may_reach(&sentence, cues, factor, best),
                (factor * bound).partial_cmp(&best) != Some(Ordering::Less)
            );
        }
    }

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
                "Britain's economy grows 0.5% in third quarter",
            ),
            // A byline is no headline.
            (
                "By Jane Doe, Science Correspondent\n\nThe Halden Museum has found 43 letters \
                 hidden behind a painting. Staff were stunned. The letters go on show in May.",
                "Halden Museum finds 43 letters hidden behind painting",
            ),
            // A quotation opens the story, the news follows.
            (
                "\"We are ready to talk,\" the minister said.\n\nFishing ministers from five \
                 countries met in Oslo on Monday to settle quotas. Talks went on late.",
                "Fishing ministers from five countries meet in Oslo to settle quotas",
            ),
            // So does a sentence of a word or two.
            (
                "Talks failed. Negotiators from Arland and Brem left Geneva on Friday without a \
                 deal on fishing rights. Both sides blamed the other.",
                "Negotiators from Arland and Brem leave Geneva without deal on fishing rights",
            ),
            (
                "It rained.\n\nFloods hit the town. Roads were shut.",
                "Floods hit town",
            ),
            // A long first sentence keeps its main clause.
            (long_first, "City council approves budget"),
            // A long first line without a full stop is a sentence, no title.
            (
                "The county council shut 140 schools across the north on Monday after heavy \
                 snow blocked rural roads\n\nMore snow is forecast for Tuesday. Parents should \
                 check the council website.",
                "County council shuts 140 schools across north",
            ),
            // A feature sets a scene in its first paragraph; the news comes next.
            (
                "Every Saturday morning, a dozen volunteers in orange vests walk the beach at \
                 Hollow Bay with sacks. They pick up bottles, nets and rope.\n\n\
                 The Hollow Bay council has banned single-use plastic bags from all shops in \
                 the town from June, after a survey found 4,000 bags on its beaches last year. \
                 The council voted 9-2 for the ban on Tuesday.\n\n\
                 Shops that break the rule face fines of up to 500 euros.",
                "Hollow Bay council bans single-use plastic bags",
            ),
        ];
        for (text, want) in cases {
            let got = headline(text);
            assert_eq!(
                (got.text.as_str(), got.source),
                (want, HeadlineSource::Lead),
                "input: {text:?}"
            );
            assert!(got.text.split_whitespace().count() <= MAX_WORDS, "{got:?}");
        }
    }
}
