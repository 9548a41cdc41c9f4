//! Languages: which ones lede knows, what it has for each (a stemmer, stop
//! words), and detecting the language of a text.

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use rust_stemmers::Algorithm;
use rustc_hash::FxHashMap;
use whatlang::Lang;

use crate::error::Error;

/// A language lede can summarize.
///
/// Most have a Snowball stemmer in `rust-stemmers` and a stop-word list in
/// `stop-words`; Chinese, Hindi, Japanese and Polish have stop words only,
/// and [`Language::Undetermined`] has neither (segmentation and Unicode
/// word rules still apply). [`Language::has_stemmer`] and
/// [`Language::has_stop_words`] say which.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[non_exhaustive]
#[allow(missing_docs)]
pub enum Language {
    Arabic,
    Chinese,
    Danish,
    Dutch,
    #[default]
    English,
    Finnish,
    French,
    German,
    Greek,
    Hindi,
    Hungarian,
    Italian,
    Japanese,
    Norwegian,
    Polish,
    Portuguese,
    Romanian,
    Russian,
    Spanish,
    Swedish,
    Tamil,
    Turkish,
    /// No language resources: what `auto` falls back to for a script lede
    /// has no language for (Hebrew, Korean, Thai, ...). Code `und` (ISO
    /// 639-2 "undetermined").
    Undetermined,
}

/// What lede knows about one language.
struct Entry {
    language: Language,
    /// ISO 639-1 code (`und` for [`Language::Undetermined`]).
    code: &'static str,
    /// English name.
    name: &'static str,
    /// Snowball stemmer, where `rust-stemmers` has one.
    stemmer: Option<Algorithm>,
    /// The language as whatlang detects it.
    detected_as: Option<Lang>,
}

/// Every language, in the order of the enum (checked by a test), so a
/// language's index in the table is `language as usize`.
const TABLE: &[Entry] = &[
    entry(
        Language::Arabic,
        "ar",
        "Arabic",
        Some(Algorithm::Arabic),
        Some(Lang::Ara),
    ),
    entry(Language::Chinese, "zh", "Chinese", None, Some(Lang::Cmn)),
    entry(
        Language::Danish,
        "da",
        "Danish",
        Some(Algorithm::Danish),
        Some(Lang::Dan),
    ),
    entry(
        Language::Dutch,
        "nl",
        "Dutch",
        Some(Algorithm::Dutch),
        Some(Lang::Nld),
    ),
    entry(
        Language::English,
        "en",
        "English",
        Some(Algorithm::English),
        Some(Lang::Eng),
    ),
    entry(
        Language::Finnish,
        "fi",
        "Finnish",
        Some(Algorithm::Finnish),
        Some(Lang::Fin),
    ),
    entry(
        Language::French,
        "fr",
        "French",
        Some(Algorithm::French),
        Some(Lang::Fra),
    ),
    entry(
        Language::German,
        "de",
        "German",
        Some(Algorithm::German),
        Some(Lang::Deu),
    ),
    entry(
        Language::Greek,
        "el",
        "Greek",
        Some(Algorithm::Greek),
        Some(Lang::Ell),
    ),
    entry(Language::Hindi, "hi", "Hindi", None, Some(Lang::Hin)),
    entry(
        Language::Hungarian,
        "hu",
        "Hungarian",
        Some(Algorithm::Hungarian),
        Some(Lang::Hun),
    ),
    entry(
        Language::Italian,
        "it",
        "Italian",
        Some(Algorithm::Italian),
        Some(Lang::Ita),
    ),
    entry(Language::Japanese, "ja", "Japanese", None, Some(Lang::Jpn)),
    entry(
        Language::Norwegian,
        "no",
        "Norwegian",
        Some(Algorithm::Norwegian),
        Some(Lang::Nob),
    ),
    entry(Language::Polish, "pl", "Polish", None, Some(Lang::Pol)),
    entry(
        Language::Portuguese,
        "pt",
        "Portuguese",
        Some(Algorithm::Portuguese),
        Some(Lang::Por),
    ),
    entry(
        Language::Romanian,
        "ro",
        "Romanian",
        Some(Algorithm::Romanian),
        Some(Lang::Ron),
    ),
    entry(
        Language::Russian,
        "ru",
        "Russian",
        Some(Algorithm::Russian),
        Some(Lang::Rus),
    ),
    entry(
        Language::Spanish,
        "es",
        "Spanish",
        Some(Algorithm::Spanish),
        Some(Lang::Spa),
    ),
    entry(
        Language::Swedish,
        "sv",
        "Swedish",
        Some(Algorithm::Swedish),
        Some(Lang::Swe),
    ),
    entry(
        Language::Tamil,
        "ta",
        "Tamil",
        Some(Algorithm::Tamil),
        Some(Lang::Tam),
    ),
    entry(
        Language::Turkish,
        "tr",
        "Turkish",
        Some(Algorithm::Turkish),
        Some(Lang::Tur),
    ),
    entry(Language::Undetermined, "und", "Undetermined", None, None),
];

const fn entry(
    language: Language,
    code: &'static str,
    name: &'static str,
    stemmer: Option<Algorithm>,
    detected_as: Option<Lang>,
) -> Entry {
    Entry {
        language,
        code,
        name,
        stemmer,
        detected_as,
    }
}

/// Other spellings `--lang` accepts: Norwegian Bokmål's own code.
const ALIASES: &[(&str, Language)] = &[("nb", Language::Norwegian)];

impl Language {
    /// How many languages there are, [`Language::Undetermined`] included.
    pub(crate) const COUNT: usize = TABLE.len();

    /// All languages that have stop words, ordered by code
    /// ([`Language::Undetermined`] is left out).
    pub fn all() -> impl Iterator<Item = Language> {
        let mut all: Vec<_> = TABLE
            .iter()
            .map(|e| e.language)
            .filter(|lang| lang.has_stop_words())
            .collect();
        all.sort_by_key(|lang| lang.code());
        all.into_iter()
    }

    fn entry(self) -> &'static Entry {
        &TABLE[self.index()]
    }

    /// The language's slot in per-language tables, `0..COUNT`.
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    /// The ISO 639-1 code, e.g. `"en"` (`"und"` for
    /// [`Language::Undetermined`]).
    pub fn code(self) -> &'static str {
        self.entry().code
    }

    /// The English name, e.g. `"English"`.
    pub fn name(self) -> &'static str {
        self.entry().name
    }

    /// The language a BCP 47 tag such as a web page's `lang="pt-BR"` names
    /// by its primary subtag, if lede knows it (`und` and `zxx` name none).
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.trim().split(['-', '_']).next()?;
        let known = TABLE
            .iter()
            .find(|e| e.code.eq_ignore_ascii_case(primary))?;
        Some(known.language).filter(|&l| l != Language::Undetermined)
    }

    /// Whether lede stems the words of this language.
    pub fn has_stemmer(self) -> bool {
        self.entry().stemmer.is_some()
    }

    /// Whether lede has stop words for this language.
    pub fn has_stop_words(self) -> bool {
        !self.stop_words().is_empty()
    }

    /// The stop words of this language, lower-case (empty when there are none).
    pub fn stop_words(self) -> &'static [&'static str] {
        if self == Language::Undetermined {
            return &[];
        }
        // The crate's NLTK lists take precedence over its much longer ISO
        // lists where both exist; the ISO English list (1,298 words) drops
        // content words such as "new", "year" and "million".
        stop_words::lookup(self.code()).unwrap_or(&[])
    }

    /// The Snowball algorithm for this language, if it has one.
    pub(crate) fn stemmer_algorithm(self) -> Option<Algorithm> {
        self.entry().stemmer
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Language {
    type Err = Error;

    /// Accepts an ISO 639-1 code or an English name, in any case (and `und`
    /// for no language resources). A BCP 47 tag with a region or script
    /// (`en-US`, `pt_BR`, `zh-Hans`) is its language: lede's stop words and
    /// stemmers are per language, not per region.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim();
        let find = |wanted: &str| {
            TABLE
                .iter()
                .map(|e| (e.code, e.name, e.language))
                .chain(ALIASES.iter().map(|&(alias, lang)| (alias, alias, lang)))
                .find(|(code, name, _)| {
                    code.eq_ignore_ascii_case(wanted) || name.eq_ignore_ascii_case(wanted)
                })
                .map(|(_, _, lang)| lang)
        };
        find(wanted)
            .or_else(|| {
                let (primary, subtags) = wanted.split_once(['-', '_'])?;
                find(primary).filter(|_| !subtags.is_empty())
            })
            .ok_or_else(|| Error::UnsupportedLanguage(s.to_string()))
    }
}

/// Which language to summarize a text in: detected from the text, or given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum LanguageChoice {
    /// Detect the language of each text ([`detect`]).
    #[default]
    Auto,
    /// Use this language for every text.
    Fixed(Language),
}

impl fmt::Display for LanguageChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LanguageChoice::Auto => f.write_str("auto"),
            LanguageChoice::Fixed(language) => language.fmt(f),
        }
    }
}

impl FromStr for LanguageChoice {
    type Err = Error;

    /// `auto`, or anything [`Language`] accepts.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.trim().eq_ignore_ascii_case("auto") {
            Ok(LanguageChoice::Auto)
        } else {
            s.parse().map(LanguageChoice::Fixed)
        }
    }
}

impl From<Language> for LanguageChoice {
    fn from(language: Language) -> Self {
        LanguageChoice::Fixed(language)
    }
}

/// How the language of a summary was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LanguageSource {
    /// Detected from the text.
    Detected,
    /// Given in the options (`--lang CODE`).
    Given,
    /// Detection was unsure or the text too short: English for Latin script
    /// (and text without letters), [`Language::Undetermined`] otherwise.
    Default,
    /// Detection was unsure, and the web page's `lang` attribute named a
    /// language lede knows.
    Page,
}

/// Detection reads at most this many bytes from the start of the text.
/// 1 KiB is some 150 words of Latin script or 340 CJK characters. In it,
/// every article of bbc-dev (911) and cnndm-dev (100) has at least 38
/// English function words and over twice any other language's, so
/// [`detect`] settles each without whatlang: about 4.5 µs an article in
/// release mode, where whatlang took 60 to 90 µs.
pub const DETECT_PREFIX_BYTES: usize = 1024;

/// The most frequent function words of each Latin-script language, in news
/// prose, lower-case. A word goes in the list of every language where it is
/// that frequent (`de`, `en`, `la` are in several), so the words shared by
/// related languages vote for all of them and only the others separate them:
/// Danish `af`, `efter`, `blev` against Norwegian `av`, `etter`, `ble`.
/// Lists of similar length (44 to 61 words) keep a long list from
/// collecting more chance hits than the others.
const FUNCTION_WORDS: &[(Language, &str)] = &[
    (
        Language::Danish,
        "og i at det er en til på de som med af for den har ikke et der om var fra han \
         blev efter men også kan skal skulle vil sig eller nu hvor hvad mellem meget noget \
         nogle havde være været bliver op ud mod uden igen endnu blandt gennem hun kun \
         end hos ved når da vi man",
    ),
    (
        Language::Dutch,
        "de van een het en in is dat op te zijn voor met die niet aan er om ook als bij \
         door maar nog wordt werd naar uit over tot dan worden heeft hebben was deze al \
         wel meer zich kan hij ze zal geen dit na omdat",
    ),
    (
        Language::English,
        "the of and to a in is was that for on it with as by at from he his be are have \
         has had this an not but which were been they their will would said its who or \
         after there more than also we she her about",
    ),
    (
        Language::Finnish,
        "ja on ei että se oli ovat mutta tai kun myös jo vain kuin ole sen hän he niin \
         joka jotka mukaan sekä jälkeen vielä nyt jos sitä tämä siitä ollut olivat kanssa \
         mitä koska kaikki eli yli noin aikana olisi voi lisäksi jotta",
    ),
    (
        Language::French,
        "de la le et les des en un du une que est pour qui dans a par plus pas au sur ne \
         se ce il sont ont aux avec mais été son sa ses cette elle leur comme ou l d qu n \
         après entre selon ces aussi très même y était",
    ),
    (
        Language::German,
        "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als \
         auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie \
         einem über einen so zum war haben nur oder aber vor zur bis durch wurde sei man",
    ),
    (
        Language::Hungarian,
        "a az és hogy nem is egy meg de már csak ki el be fel van volt lesz mint még vagy \
         ez azt ezt ami amely aki akkor pedig szerint után között miatt alatt mellett óta \
         kell lehet most sem így ezért mert majd több nagyon ha nincs",
    ),
    (
        Language::Italian,
        "di e il la che a per un in è del della non una si con da dei sono alla le gli al \
         nel ha anche ma più come nella dal delle questo tra stato ci lo degli dopo ai sul \
         se hanno loro suo sua ancora l all dell nell sull dall essere era ed o su quando",
    ),
    (
        Language::Norwegian,
        "og i det er en til på som de med av for den har ikke et at om var fra han ble \
         etter men også kan skal skulle vil seg eller nå hvor hva mellom mye noe noen \
         hadde være vært blir opp ut mot uten igjen ennå blant gjennom hun kun bare enn \
         hos ved når da å vi man",
    ),
    (
        Language::Polish,
        "i w z na się nie do to że o jest a jak po od za ale co jego przez tak są oraz \
         dla już był była było tym czy jako ich tylko może przy które który która także \
         te tego jej jednak gdy bo też ze jeszcze został została będzie",
    ),
    (
        Language::Portuguese,
        "de a o que e do da em um para é com não uma os no se na por mais as dos como mas \
         foi ao ele das tem à seu sua ou ser quando muito há nos já está também pelo pela \
         até isso entre depois sem mesmo aos seus após segundo são foram será este sobre",
    ),
    (
        Language::Romanian,
        "și în de la a cu care pe din o un că nu să se mai pentru este au fost sunt lui \
         ale ai al sau prin după dar acest această iar fi va fiind către între când cel \
         cea ca spre doar unei unui acum deja ce",
    ),
    (
        Language::Spanish,
        "de la que el en y a los del se las por un para con no una su al lo es como más \
         pero sus le ya o fue este ha porque esta está entre cuando muy sin sobre también \
         hasta hay donde desde durante según tras han ante",
    ),
    (
        Language::Swedish,
        "och i att det är en till på de som med för den har inte ett om var från han men \
         också kan ska skulle vill eller vara hon hos vid när då av sig efter nu hade \
         blev sedan mot utan än där mellan mycket något några detta dessa upp ut varit \
         blir hur vad bland genom igen vi man",
    ),
    (
        Language::Turkish,
        "ve bir bu da de için ile olarak çok daha gibi en ne o ama ki mi sonra kadar olan \
         her şu veya ya göre ancak değil var yok tarafından ise diye oldu olduğu önce \
         içinde arasında yeni nasıl neden şimdi hem çünkü bile",
    ),
];

/// No function word is longer, in bytes (a test checks): a word is looked
/// up as its bytes packed into one integer, and longer words not at all.
const MAX_WORD_BYTES: usize = 16;

/// The function-word hits a language needs, with twice the runner-up's, to
/// settle a text without whatlang. A 1 KiB English news prefix has 38 and
/// more; a short sentence has a few, too few to trust alone.
const CLEAR_MIN_HITS: u32 = 10;

/// The function-word hits a language needs to settle a Latin-script text
/// whatlang was not sure of, unless a single hit backs whatlang's guess.
const TIE_BREAK_MIN_HITS: u32 = 2;

/// Function-word hits per language and letters per script in a text.
struct Votes {
    hits: [u32; Language::COUNT],
    latin_letters: usize,
    other_letters: usize,
}

impl Votes {
    /// Words are runs of letters, so an apostrophe splits French `l'État`
    /// and Italian `dell'anno`, and their elided articles count as `l` and
    /// `dell`.
    fn count(text: &str) -> Votes {
        let table = function_words();
        let mut votes = Votes {
            hits: [0; Language::COUNT],
            latin_letters: 0,
            other_letters: 0,
        };
        let mut word = [0u8; MAX_WORD_BYTES];
        let mut len = 0;
        let vote = |word: &[u8; MAX_WORD_BYTES], len: usize, hits: &mut [u32]| {
            // len > MAX_WORD_BYTES marks a word too long to be a function word.
            if (1..=MAX_WORD_BYTES).contains(&len) {
                if let Some(&languages) = table.get(&u128::from_le_bytes(*word)) {
                    let mut rest = languages;
                    while rest != 0 {
                        hits[rest.trailing_zeros() as usize] += 1;
                        rest &= rest - 1;
                    }
                }
            }
        };
        for c in text.chars() {
            if c.is_ascii_alphabetic() {
                votes.latin_letters += 1;
                if len < MAX_WORD_BYTES {
                    word[len] = c.to_ascii_lowercase() as u8;
                }
                len += 1;
            } else if !c.is_ascii() && c.is_alphabetic() {
                if is_latin(c) {
                    votes.latin_letters += 1;
                } else {
                    votes.other_letters += 1;
                }
                for lower in c.to_lowercase() {
                    let mut buf = [0u8; 4];
                    for &b in lower.encode_utf8(&mut buf).as_bytes() {
                        if len < MAX_WORD_BYTES {
                            word[len] = b;
                        }
                        len += 1;
                    }
                }
            } else if len > 0 {
                vote(&word, len, &mut votes.hits);
                word = [0; MAX_WORD_BYTES];
                len = 0;
            }
        }
        if len > 0 {
            vote(&word, len, &mut votes.hits);
        }
        votes
    }

    /// The language with the most hits, its hits and the runner-up's (equal
    /// to them on a tie).
    fn leaders(&self) -> (Language, u32, u32) {
        let (mut best, mut first, mut second) = (0, 0, 0);
        for (i, &hits) in self.hits.iter().enumerate() {
            if hits > first {
                (best, first, second) = (i, hits, first);
            } else if hits > second {
                second = hits;
            }
        }
        (TABLE[best].language, first, second)
    }

    /// The language when the function words leave no doubt: Latin script,
    /// enough hits, and twice the runner-up's.
    fn clear(&self) -> Option<Language> {
        if self.latin_letters <= self.other_letters {
            return None;
        }
        let (language, first, second) = self.leaders();
        (first >= CLEAR_MIN_HITS && first >= 2 * second).then_some(language)
    }

    /// The language of a Latin-script text whatlang was not sure of, from
    /// the languages with the most hits (the leaders): whatlang's guess if
    /// it is one of them, else a leader with no rival. A lead shared with
    /// English leaves the default, English, as it was: a tie is no evidence
    /// against it.
    fn tie_break(&self, guess: Option<Language>) -> Option<Language> {
        let (language, first, second) = self.leaders();
        let alone = first > second;
        let leads = |l: Language| first > 0 && self.hits[l.index()] == first;
        if !alone && leads(Language::English) {
            return None;
        }
        match guess.filter(|&g| leads(g) && (alone || first >= TIE_BREAK_MIN_HITS)) {
            Some(guess) => Some(guess),
            None => (alone && first >= TIE_BREAK_MIN_HITS).then_some(language),
        }
    }
}

/// Latin letters outside ASCII: Latin-1, Extended-A and -B, Extended
/// Additional.
fn is_latin(c: char) -> bool {
    matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
}

/// Function word (packed as in [`Votes::count`]) to the set of languages
/// whose lists have it, one bit per language index. Built once.
///
/// FxHasher: the keys are a few hundred fixed words, and SipHash would cost
/// more than the rest of the lookup.
fn function_words() -> &'static FxHashMap<u128, u32> {
    static TABLE: OnceLock<FxHashMap<u128, u32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = FxHashMap::default();
        for &(language, words) in FUNCTION_WORDS {
            for word in words.split_whitespace() {
                // Romanian is written with ș and ț, and still often with the
                // cedilla forms ş and ţ of older keyboards.
                let legacy = word.replace('ș', "ş").replace('ț', "ţ");
                for spelling in [word, legacy.as_str()] {
                    *table.entry(pack(spelling)).or_insert(0) |= 1 << language.index();
                }
            }
        }
        table
    })
}

/// A word of at most [`MAX_WORD_BYTES`] bytes as one integer, zero-padded.
fn pack(word: &str) -> u128 {
    let mut bytes = [0u8; MAX_WORD_BYTES];
    bytes[..word.len()].copy_from_slice(word.as_bytes());
    u128::from_le_bytes(bytes)
}

/// Detects the language of `text` from its first [`DETECT_PREFIX_BYTES`]
/// (a CRLF line end counting as one byte) among the languages lede has stop
/// words for.
///
/// Latin-script text is first scored by the most frequent function words
/// of each Latin-script language; a clear lead (at least 10 hits, twice the
/// runner-up's) settles it without whatlang, which costs some 15 times
/// more. Other texts go to whatlang, and its answer stands when it is
/// reliable. When it is not (short or mixed text), a Latin-script text goes
/// to whatlang's guess if the function words put it in the lead, else to a
/// language leading them alone with at least 2 hits (see
/// `Votes::tie_break`). Failing all that, the result is the default:
/// English for Latin script or no letters at all,
/// [`Language::Undetermined`] for other scripts.
///
/// ```
/// use lede::language::{detect, LanguageSource};
/// use lede::Language;
///
/// let text = "Der Stadtrat hat am Dienstag den Haushalt für das kommende Jahr \
///             beschlossen. Die Opposition stimmte dagegen.";
/// assert_eq!(detect(text), (Language::German, LanguageSource::Detected));
/// assert_eq!(detect("Go!"), (Language::English, LanguageSource::Default));
/// ```
pub fn detect(text: &str) -> (Language, LanguageSource) {
    let prefix = &text[..prefix_end(text)];
    let votes = Votes::count(prefix);
    if let Some(language) = votes.clear() {
        return (language, LanguageSource::Detected);
    }
    let detector = detector();
    let info = detector.detect(prefix);
    let guess = info.as_ref().and_then(|info| {
        TABLE
            .iter()
            .find(|e| e.detected_as == Some(info.lang()))
            .map(|e| e.language)
    });
    let reliable = info.as_ref().is_some_and(whatlang::Info::is_reliable);
    if let Some(language) = guess.filter(|_| reliable) {
        return (language, LanguageSource::Detected);
    }
    // whatlang gives no answer for a script none of lede's languages use.
    let script = match &info {
        Some(info) => Some(info.script()),
        None => detector.detect_script(prefix),
    };
    match script {
        None | Some(whatlang::Script::Latin) => match votes.tie_break(guess) {
            Some(language) => (language, LanguageSource::Detected),
            None => (Language::English, LanguageSource::Default),
        },
        Some(_) => (Language::Undetermined, LanguageSource::Default),
    }
}

/// Where the prefix that detection reads ends: after [`DETECT_PREFIX_BYTES`]
/// bytes, a CRLF line end counting as one, so that a text reads the same
/// words with CRLF line ends as with LF ones (a shorter window once turned a
/// close English vote Danish), on a character boundary.
fn prefix_end(text: &str) -> usize {
    let bytes = text.as_bytes();
    // The carriage returns of CRLF line ends among `bytes[range]`.
    let crlfs = |range: std::ops::Range<usize>| {
        let start = range.start;
        memchr::memchr_iter(b'\r', &bytes[range])
            .filter(|&i| bytes.get(start + i + 1) == Some(&b'\n'))
            .count()
    };
    let mut end = bytes.len().min(DETECT_PREFIX_BYTES);
    let mut extra = crlfs(0..end);
    // Each one lets the window reach a byte further, which may hold more.
    while extra > 0 && end < bytes.len() {
        let more = (end + extra).min(bytes.len());
        extra = crlfs(end..more);
        end = more;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// The detector, built once: whatlang restricted to the languages lede has.
fn detector() -> &'static whatlang::Detector {
    static DETECTOR: OnceLock<whatlang::Detector> = OnceLock::new();
    DETECTOR.get_or_init(|| {
        whatlang::Detector::with_allowlist(TABLE.iter().filter_map(|e| e.detected_as).collect())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_follows_the_enum() {
        for (i, e) in TABLE.iter().enumerate() {
            assert_eq!(e.language.index(), i, "{:?}", e.language);
        }
    }

    #[test]
    fn every_listed_language_has_stop_words_and_parses_back() {
        for lang in Language::all() {
            assert!(lang.has_stop_words(), "{lang:?} has no stop words");
            assert_eq!(lang.code().parse::<Language>().ok(), Some(lang), "{lang:?}");
            assert_eq!(lang.name().parse::<Language>().ok(), Some(lang), "{lang:?}");
        }
        assert_eq!(Language::all().count(), Language::COUNT - 1);
    }

    #[test]
    fn resources_per_language() {
        let cases = [
            (Language::English, true, true),
            (Language::Tamil, true, true),
            (Language::Chinese, false, true),
            (Language::Polish, false, true),
            (Language::Undetermined, false, false),
        ];
        for (lang, stemmer, stop_words) in cases {
            assert_eq!(
                (lang.has_stemmer(), lang.has_stop_words()),
                (stemmer, stop_words),
                "{lang:?}"
            );
        }
    }

    #[test]
    fn codes_and_names_parse_in_any_case() {
        for (input, want) in [
            ("en", Language::English),
            ("EN", Language::English),
            ("german", Language::German),
            (" fr ", Language::French),
            ("nb", Language::Norwegian),
            ("zh", Language::Chinese),
            ("und", Language::Undetermined),
            ("en-US", Language::English),
            ("en_gb", Language::English),
            ("pt-BR", Language::Portuguese),
            ("zh-Hans-CN", Language::Chinese),
        ] {
            assert_eq!(
                input.parse::<Language>().ok(),
                Some(want),
                "input: {input:?}"
            );
        }
    }

    #[test]
    fn a_choice_is_auto_or_a_language() {
        for (input, want) in [
            ("auto", LanguageChoice::Auto),
            ("AUTO", LanguageChoice::Auto),
            ("de", LanguageChoice::Fixed(Language::German)),
        ] {
            assert_eq!(input.parse().ok(), Some(want), "input: {input:?}");
            assert_eq!(want.to_string().parse().ok(), Some(want), "{want:?}");
        }
    }

    #[test]
    fn unknown_language_is_an_error_naming_it() {
        let err = "xx".parse::<Language>().unwrap_err();
        assert!(err.to_string().contains("'xx'"), "{err}");
        let err = "xx".parse::<LanguageChoice>().unwrap_err();
        assert!(err.to_string().contains("'xx'"), "{err}");
        for input in ["xx-US", "-US", "en-"] {
            let err = input.parse::<Language>().map(|_| ()).unwrap_err();
            assert!(err.to_string().contains(input), "input: {input:?}");
        }
    }

    #[test]
    fn detection_takes_reliable_results_and_falls_back_by_script() {
        let cases = [
            (
                "The council voted on Tuesday to approve a budget that raises spending on parks.",
                Language::English,
                LanguageSource::Detected,
            ),
            (
                "Le conseil municipal a adopté mardi un budget qui augmente les dépenses.",
                Language::French,
                LanguageSource::Detected,
            ),
            (
                "Городской совет во вторник утвердил бюджет на следующий год.",
                Language::Russian,
                LanguageSource::Detected,
            ),
            (
                "市议会周二通过了明年的预算。",
                Language::Chinese,
                LanguageSource::Detected,
            ),
            (
                "市議会は火曜日に来年度の予算案を可決した。",
                Language::Japanese,
                LanguageSource::Detected,
            ),
            ("Go!", Language::English, LanguageSource::Default),
            ("2024", Language::English, LanguageSource::Default),
            // "on" is English and Finnish: a tie with English keeps the default.
            ("Go on. Stop.", Language::English, LanguageSource::Default),
            (
                "시의회는 화요일 내년 예산안을 통과시켰다.",
                Language::Undetermined,
                LanguageSource::Default,
            ),
            (
                "מועצת העיר אישרה ביום שלישי את התקציב.",
                Language::Undetermined,
                LanguageSource::Default,
            ),
        ];
        for (text, language, source) in cases {
            assert_eq!(detect(text), (language, source), "input: {text:?}");
        }
    }

    #[test]
    fn function_words_decide_short_sentences_whatlang_is_unsure_of() {
        // whatlang alone is unsure of each (English by default before).
        let cases = [
            (
                "Færgen blev aflyst, og passagererne måtte vente i flere timer, \
                 efter at stormen havde ramt kysten.",
                Language::Danish,
            ),
            (
                "Det er første gang, at kommunen har gjort noget lignende.",
                Language::Danish,
            ),
            (
                "Fergen ble innstilt, og passasjerene måtte vente i flere timer \
                 etter at stormen hadde truffet kysten.",
                Language::Norwegian,
            ),
            (
                "Det er første gang at kommunen har gjort noe slikt.",
                Language::Norwegian,
            ),
            (
                "Die Polizei hat den Mann am Abend festgenommen.",
                Language::German,
            ),
            (
                "Het kabinet wil de belasting niet verhogen.",
                Language::Dutch,
            ),
            (
                "A polícia prendeu o homem na madrugada de sábado.",
                Language::Portuguese,
            ),
            (
                "Il governo non vuole aumentare le tasse quest'anno.",
                Language::Italian,
            ),
        ];
        for (text, language) in cases {
            assert_eq!(
                detect(text),
                (language, LanguageSource::Detected),
                "input: {text:?}"
            );
        }
    }

    #[test]
    fn only_a_clear_function_word_lead_skips_whatlang() {
        let english = "The council said on Tuesday that it would not raise the tax, \
                       which has been at the same level for more than a decade, and \
                       that the budget was balanced.";
        assert_eq!(Votes::count(english).clear(), Some(Language::English));
        // Danish and Norwegian share most of their function words.
        let danish = "Rederiet venter, at sejladsen kan genoptages tirsdag, og at \
                      færgerne igen vil sejle efter den normale plan.";
        assert_eq!(Votes::count(danish).clear(), None);
        // Greek has no function-word list: whatlang decides.
        assert_eq!(
            Votes::count("Το δημοτικό συμβούλιο ενέκρινε τον προϋπολογισμό.").clear(),
            None
        );
    }

    #[test]
    fn function_words_fit_their_packing() {
        for &(language, words) in FUNCTION_WORDS {
            let count = words.split_whitespace().count();
            assert!((40..=70).contains(&count), "{language:?}: {count} words");
            for word in words.split_whitespace() {
                assert!(word.len() <= MAX_WORD_BYTES, "{language:?}: {word}");
                assert_eq!(word, word.to_lowercase(), "{language:?}");
            }
        }
        let romanian = |text| Votes::count(text).hits[Language::Romanian.index()];
        assert_eq!(romanian("și în țară"), 2);
        assert_eq!(romanian("şi în ţară"), 2, "cedilla spellings");
    }

    #[test]
    fn detection_reads_a_prefix_and_never_splits_a_character() {
        // Byte DETECT_PREFIX_BYTES falls inside an "é".
        let text = format!("a{}", "é".repeat(DETECT_PREFIX_BYTES));
        assert!(!text.is_char_boundary(DETECT_PREFIX_BYTES));
        let _ = detect(&text);
        let long = "Die Stadt baut eine neue Brücke über den Fluss. ".repeat(100);
        assert_eq!(detect(&long).0, Language::German);
    }

    proptest::proptest! {
        /// Close votes between languages (English, Danish, Portuguese
        /// function words mixed) come out the same for LF and CRLF line
        /// ends: the window is measured without carriage returns.
        #[test]
        fn line_ends_do_not_change_the_language(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "and", "the", "i", "og", "de", "e", "budget", "river", "i.e.", "Dr.", "\n", "\n\n",
                ]),
                100..400,
            ),
        ) {
            let lf = words.join(" ");
            let crlf = lf.replace('\n', "\r\n");
            proptest::prop_assert_eq!(detect(&lf), detect(&crlf));
            // A lone carriage return is a character like any other.
            let cr = lf.replace('\n', "\r");
            proptest::prop_assert_eq!(prefix_end(&cr), cr.len().min(DETECT_PREFIX_BYTES));
        }
    }
}
