//! Building a headline from a lead sentence: the stages of [`trim`],
//! [`style`] and [`cut`] in turn over the sentence's words, then the
//! finishing touches (no dangling stop word, balanced quotes, a capital).
//!
//! [`trim`]: super::trim
//! [`style`]: super::style
//! [`cut`]: super::cut

use std::borrow::Cow;

use super::cues::{signature_bits, Cues, List};
use super::cut::{cut, TITLE_WORDS};
use super::style::{drop_relative, headline_style, main_verb, name_first, present_tense};
use super::trim::{
    drop_appositive, drop_brackets, drop_descriptor, drop_openers, drop_reporter, drop_time,
    strip_attribution, strip_dateline, use_acronyms,
};
use super::{collapse_space, trim_ascii_to_word, trim_to_word, Salience};
use crate::text::tokenize::Tokenizer;

/// A clause shorter than this says too little to stand alone as a headline,
/// and no rule leaves fewer words.
pub(super) const MIN_WORDS: usize = 4;

/// Only the first this many words of a sentence are read. The rules look
/// at most 30 words in (a 6-word subject and its 24-word appositive) and the
/// cut keeps 12, so this holds any lead; the rest of a very long sentence (a
/// 50 MB line read with `--lines`) is never read, which keeps building
/// linear in the sentence's length.
pub(super) const SCAN_MAX_WORDS: usize = 120;
/// Scripts written without spaces (Chinese, Japanese, Thai): a headline is
/// the first clause, at most this many characters (CJK news titles run to
/// 15-25).
pub(super) const SPACELESS_MAX_CHARS: usize = 28;

/// A word of the headline being built, and what the rules found it to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Word<'s> {
    /// As written, with the punctuation around it: borrowed from the
    /// sentence until a rule changes it. Private, so that every change goes
    /// through a method that keeps `bare` and `shape` in step.
    text: Cow<'s, str>,
    /// [`bare`] of the text, which the rules ask for again and again.
    bare: Cow<'s, str>,
    /// What the text looks like, which the rules ask again and again too.
    shape: Shape,
    /// What the style rules found it to be.
    pub role: Role,
    /// Came after a dropped article or possessive, so it is no verb.
    pub determined: bool,
}

/// What a word's text looks like, worked out once for each text: the rules
/// ask each word these questions many times over (asking the text each time
/// took a tenth of corp300's builds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Shape {
    /// All letters.
    plain: bool,
    /// All letters but for punctuation after them.
    letters: bool,
    /// Starts with a capital letter.
    capitalized: bool,
    /// Starts with a lower-case letter.
    lower: bool,
    /// Ends a clause.
    ends_clause: bool,
    /// The bare word's bits in a [`List`]'s signatures.
    signature_bits: [u32; 2],
}

impl Shape {
    /// The shape of `text`, whose bare word is `bare`.
    fn of(text: &str, bare: &str) -> Self {
        if text.is_ascii() {
            Shape::of_ascii(text.as_bytes(), bare)
        } else {
            Shape::of_any(text, bare)
        }
    }

    /// [`Shape::of`] an ASCII text, byte by byte: every word of a lead is
    /// shaped and made bare, and decoding their characters for it took
    /// 0.5M of corp300's 227M Ir.
    fn of_ascii(text: &[u8], bare: &str) -> Self {
        let first = text.first();
        let core = trim_end_bytes(text, |b| {
            matches!(b, b',' | b';' | b':' | b'.' | b'!' | b'?')
        });
        let letters = core.iter().all(u8::is_ascii_alphabetic);
        Shape {
            plain: letters && core.len() == text.len(),
            letters,
            capitalized: first.is_some_and(u8::is_ascii_uppercase),
            lower: first.is_some_and(u8::is_ascii_lowercase),
            ends_clause: matches!(
                trim_end_bytes(text, |b| matches!(b, b'"' | b'\'')).last(),
                Some(b',' | b';' | b':')
            ) || matches!(text, b"-" | b"--"),
            signature_bits: signature_bits(bare.as_bytes()),
        }
    }

    /// [`Shape::of`] any text.
    fn of_any(text: &str, bare: &str) -> Self {
        let first = text.chars().next();
        let core = text.trim_end_matches([',', ';', ':', '.', '!', '?']);
        let letters = core.chars().all(char::is_alphabetic);
        Shape {
            // Past the letters only punctuation, which is no letter.
            plain: letters && core.len() == text.len(),
            letters,
            capitalized: first.is_some_and(char::is_uppercase),
            lower: first.is_some_and(char::is_lowercase),
            ends_clause: text
                .trim_end_matches(['"', '\'', '”', '’'])
                .ends_with([',', ';', ':'])
                || matches!(text, "—" | "–" | "-" | "--"),
            signature_bits: signature_bits(bare.as_bytes()),
        }
    }
}

/// `bytes` without the bytes at its end that are `trimmed`.
fn trim_end_bytes(bytes: &[u8], trimmed: impl Fn(u8) -> bool) -> &[u8] {
    let keep = bytes
        .iter()
        .rposition(|&b| !trimmed(b))
        .map_or(0, |k| k + 1);
    &bytes[..keep]
}

/// What a word does in the sentence, as far as the rules need to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// Anything else.
    Other,
    /// A finite verb: "agreed" (after a dropped "has"), "considering"
    /// (after a dropped "is").
    Verb,
    /// A past tense standing alone ("rose"), which may also be a participle
    /// after a noun ("mortgages approved in May rose").
    Past,
    /// A passive participle: "arrested" (after a dropped "was").
    Passive,
    /// A modal or the "to" of a future: the verb after it belongs with it.
    Auxiliary,
    /// What follows a dropped "is" ("in talks", "unlikely"): it stands for
    /// the verb.
    Complement,
    /// "over" for "more than" before a number: part of a noun phrase.
    Quantity,
}

impl<'s> Word<'s> {
    pub(super) fn new(text: impl Into<Cow<'s, str>>) -> Self {
        let text = text.into();
        let bare = bare_of(&text);
        Word {
            shape: Shape::of(&text, &bare),
            bare,
            text,
            role: Role::Other,
            determined: false,
        }
    }

    /// The word as written, with the punctuation around it.
    pub(super) fn text(&self) -> &str {
        &self.text
    }

    /// Works `bare` and `shape` out again after the text changed.
    fn text_changed(&mut self) {
        self.bare = bare_of(&self.text);
        self.shape = Shape::of(&self.text, &self.bare);
    }

    /// Replaces the word's text.
    pub(super) fn set_text(&mut self, text: impl Into<Cow<'s, str>>) {
        self.text = text.into();
        self.text_changed();
    }

    /// Appends to the word's text ("Fund" + "'s").
    pub(super) fn push_text(&mut self, tail: &str) {
        self.text.to_mut().push_str(tail);
        self.text_changed();
    }

    /// Keeps the first `len` bytes of the word's text.
    pub(super) fn truncate_text(&mut self, len: usize) {
        if len < self.text.len() {
            match &mut self.text {
                Cow::Borrowed(text) => *text = &text[..len],
                Cow::Owned(text) => text.truncate(len),
            }
            self.text_changed();
        }
    }

    /// The word lower-cased, without the punctuation around it.
    pub(super) fn bare(&self) -> &str {
        &self.bare
    }

    /// [`bare`](Self::bare), held apart from the word: borrowed from the
    /// sentence when the word's is, copied only when it was lower-cased.
    pub(super) fn sentence_bare(&self) -> Cow<'s, str> {
        self.bare.clone()
    }

    /// Whether the bare word is in `list`.
    pub(super) fn is(&self, list: List) -> bool {
        list.contains_with_bits(&self.bare, self.shape.signature_bits)
    }

    /// Whether the word is all letters (no punctuation, digits or quotes).
    pub(super) fn plain(&self) -> bool {
        self.shape.plain
    }

    /// Whether the word is all letters but for punctuation after it
    /// ("fell,", "resigned.").
    pub(super) fn letters(&self) -> bool {
        self.shape.letters
    }

    /// Whether the word starts with a capital letter.
    pub(super) fn capitalized(&self) -> bool {
        self.shape.capitalized
    }

    /// Whether the word starts with a lower-case letter.
    pub(super) fn lower(&self) -> bool {
        self.shape.lower
    }

    /// Whether the word ends a clause: a comma, semicolon, colon or dash.
    pub(super) fn ends_clause(&self) -> bool {
        self.shape.ends_clause
    }
}

/// [`bare`] of a word's text: borrowed from the sentence when the text is.
fn bare_of<'s>(text: &Cow<'s, str>) -> Cow<'s, str> {
    match text {
        Cow::Borrowed(text) => bare(text),
        Cow::Owned(text) => Cow::Owned(bare(text).into_owned()),
    }
}

/// The word lower-cased, without the punctuation around it. Most words are
/// lower-case ASCII already: those are borrowed, not copied.
pub(super) fn bare(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        return bare_ascii(word);
    }
    let core = trim_to_word(word);
    if core
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(core)
    } else {
        Cow::Owned(core.to_lowercase())
    }
}

/// [`bare`] of an ASCII word, byte by byte: lower-cased as ASCII, which
/// is what lower-casing any ASCII text gives.
fn bare_ascii(word: &str) -> Cow<'_, str> {
    let core = trim_ascii_to_word(word);
    if core.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(core.to_ascii_lowercase())
    } else {
        Cow::Borrowed(core)
    }
}

/// A headline built from a sentence, and the ROUGE-1 F1 one would expect
/// it to have against a title (see [`cut`]).
pub(super) struct Built {
    /// The headline.
    pub text: String,
    /// Its expected ROUGE-1 F1 against a title.
    pub expected: f64,
}

/// Builds a headline from `sentence` in headline style.
pub(super) fn build(
    sentence: &str,
    cues: &Cues,
    tokenizer: &Tokenizer,
    salience: &Salience,
) -> Built {
    let sentence = collapsed(sentence);
    let body = strip_dateline(&sentence);
    let body = strip_attribution(body.trim_start_matches(['—', '–', '-', ' ']), cues);
    if is_spaceless(body) {
        return build_spaceless(body, salience);
    }
    // A headline is made from the start of its sentence; the rest of a
    // very long one (a 50 MB line read with `--lines`) is never looked at.
    let mut words = split_words(body, SCAN_MAX_WORDS);
    use_acronyms(&mut words, salience);
    drop_brackets(&mut words);
    drop_openers(&mut words, cues);
    drop_appositive(&mut words, cues, tokenizer);
    drop_descriptor(&mut words, cues, tokenizer, salience);
    drop_reporter(&mut words, cues);
    drop_time(&mut words, cues);
    headline_style(&mut words, cues);
    let verb = drop_relative(&mut words, cues);
    let verb = name_first(&mut words, cues, salience, verb);
    let verb = present_tense(&mut words, cues, tokenizer, salience, verb);
    // Trimming may leave a lone comma empty ("Acme , a bakery , said").
    let len = words.len();
    words.retain(|w| !w.text.is_empty());
    let verb = if words.len() == len {
        verb
    } else {
        main_verb(&words, cues)
    };
    let expected = cut(&mut words, cues, salience, tokenizer, verb);
    tidy_end(&mut words, cues, tokenizer);
    let mut headline = joined(&words);
    balance_quotes(&mut headline);
    capitalize_first_in(&mut headline);
    Built {
        text: headline,
        expected,
    }
}

/// The words' texts joined by spaces, written into one string.
fn joined(words: &[Word]) -> String {
    let len = words.iter().map(|w| w.text.len() + 1).sum();
    let mut text = String::with_capacity(len);
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(&word.text);
    }
    text
}

/// [`capitalize_first`] in place: an ASCII letter or digit is upper-cased
/// where it stands. (A new string for each headline, after a vector of
/// its words and the string they were joined into, took 0.5M of
/// corp300's 219M Ir.)
fn capitalize_first_in(text: &mut String) {
    match text
        .bytes()
        .position(|b| b.is_ascii_alphanumeric() || !b.is_ascii())
    {
        Some(at) if text.as_bytes()[at].is_ascii() => text[at..=at].make_ascii_uppercase(),
        Some(_) => *text = capitalize_first(text),
        None => {}
    }
}

/// [`collapse_space`] of `sentence`, borrowed when its white space is
/// single spaces already, as in most sentences: copying every sentence
/// took 2.8M Ir of corp300's builds.
fn collapsed(sentence: &str) -> Cow<'_, str> {
    let other_space = if sentence.is_ascii() {
        sentence.bytes().any(|b| matches!(b, b'\t'..=b'\r'))
    } else {
        sentence.chars().any(|c| c.is_whitespace() && c != ' ')
    };
    if other_space
        || sentence.starts_with(' ')
        || sentence.ends_with(' ')
        || sentence.contains("  ")
    {
        Cow::Owned(collapse_space(sentence))
    } else {
        Cow::Borrowed(sentence)
    }
}

/// The first `limit` words of `body`, a sign standing alone joined to the
/// number before it ("14 %" is one word). `body` is part of a [`collapsed`]
/// sentence, whose only white space is single spaces: split at each space
/// (found by `memchr`) rather than at any white space (which decoded every
/// character and took 0.9M of corp300's 227M Ir).
fn split_words(body: &str, limit: usize) -> Vec<Word<'_>> {
    debug_assert!(!body.contains(|c: char| c.is_whitespace() && c != ' '));
    // Room for the words of a news sentence (about six bytes a word and its
    // space; five leaves headroom), so the list is seldom grown by copying.
    let mut words: Vec<Word> = Vec::with_capacity((body.len() / 5 + 1).min(limit));
    for token in body.split(' ').filter(|token| !token.is_empty()) {
        if words.len() == limit {
            break;
        }
        let sign = is_sign(token);
        match words.last_mut() {
            Some(last) if sign => {
                last.push_text("\u{a0}");
                last.push_text(token);
            }
            _ => words.push(Word::new(token)),
        }
    }
    words
}

/// Whether `token` is a sign standing alone ("%", "$."). A sign starts
/// with '%' or '$' or the first byte of '‰', '€' (0xE2), '£' or '¥'
/// (0xC2): that byte rules out most words without decoding them.
fn is_sign(token: &str) -> bool {
    if !matches!(token.as_bytes().first(), Some(b'%' | b'$' | 0xC2 | 0xE2)) {
        return false;
    }
    let core = token.trim_end_matches(['.', ',', ';', ':']);
    !core.is_empty()
        && core
            .chars()
            .all(|c| matches!(c, '%' | '‰' | '€' | '$' | '£' | '¥'))
}

/// Removes `words[from..to]` when at least [`MIN_WORDS`] stay.
pub(super) fn remove(words: &mut Vec<Word>, from: usize, to: usize) -> bool {
    remove_keeping(words, from, to, MIN_WORDS)
}

/// Removes `words[from..to]` when at least `floor` words stay. Dropping a
/// function word may leave fewer than [`MIN_WORDS`]: "Jef Raskin has died"
/// -> "Jef Raskin died".
pub(super) fn remove_keeping(words: &mut Vec<Word>, from: usize, to: usize, floor: usize) -> bool {
    if from >= to || to > words.len() || words.len() - (to - from) < floor {
        return false;
    }
    words.drain(from..to);
    true
}

/// Removes the clause punctuation at the end of a word ("Steel," -> "Steel").
pub(super) fn trim_clause_end(word: &mut Word) {
    let keep = word.text.trim_end_matches([',', ';', ':']).len();
    word.truncate_text(keep);
}

/// Whether most letters of `text` are of a script written without spaces
/// between words.
fn is_spaceless(text: &str) -> bool {
    if text.is_ascii() {
        return false;
    }
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    letters > 0 && text.chars().filter(|&c| is_spaceless_char(c)).count() * 2 > letters
}

/// Whether `text` has a character of a script written without spaces.
pub(super) fn has_spaceless_char(text: &str) -> bool {
    !text.is_ascii() && text.chars().any(is_spaceless_char)
}

/// A character of a script written without spaces between words.
fn is_spaceless_char(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' // kana
        | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' // CJK
        | '\u{0e00}'..='\u{0eff}' // Thai, Lao
        | '\u{1000}'..='\u{109f}' // Myanmar
        | '\u{1780}'..='\u{17ff}') // Khmer
}

/// A headline in a script without spaces: the first clause (to the first
/// comma), at most [`SPACELESS_MAX_CHARS`] characters.
fn build_spaceless(body: &str, salience: &Salience) -> Built {
    const CLAUSE_ENDS: &[char] = &['，', '、', '；', '：', ',', ';', ':', '。', '！', '？', '.'];
    let first = body
        .split(CLAUSE_ENDS)
        .map(str::trim)
        .find(|clause| !clause.is_empty())
        .unwrap_or(body);
    let text: String = first.chars().take(SPACELESS_MAX_CHARS).collect();
    let (weight, terms) = salience.of_text(&text);
    Built {
        expected: weight / (terms as f64 + TITLE_WORDS),
        text,
    }
}

/// Drops trailing stop words, modals and punctuation so the headline does
/// not end on "the", "of", "could" or a comma, and removes the final full
/// stop.
fn tidy_end(words: &mut Vec<Word>, cues: &Cues, tokenizer: &Tokenizer) {
    const TRAILING: &[char] = &[',', ';', ':', '.', '—', '–', '-', '(', '“', '‘', '"', '\''];
    while let Some(last) = words.last() {
        let text = &last.text;
        let mut keep = text.trim_end_matches(TRAILING).len();
        // "U.S." and "a.m." keep their last dot.
        if text[..keep].contains('.') && text[keep..].starts_with('.') {
            keep += 1;
        }
        let bare = bare(&text[..keep]);
        let dangles = tokenizer.is_stop_word(&bare) || cues.dangling.contains(&bare);
        if bare.is_empty() || (words.len() > 1 && dangles) {
            words.pop();
            continue;
        }
        if let Some(last) = words.last_mut() {
            last.truncate_text(keep);
        }
        break;
    }
}

/// Removes quote marks and brackets that would be left open.
fn balance_quotes(headline: &mut String) {
    // Most headlines have no bracket or quote ('“' and '”' start with
    // 0xE2): two looks for their bytes say so (counting each of them took
    // 0.3M of corp300's 218M Ir).
    let bytes = headline.as_bytes();
    if memchr::memchr3(b'(', b')', b'"', bytes).is_none() && memchr::memchr(0xE2, bytes).is_none() {
        return;
    }
    if headline.matches('(').count() != headline.matches(')').count() {
        *headline = headline.replace(['(', ')'], "");
    }
    let straight = headline.matches('"').count();
    let opened = headline.matches('“').count();
    let closed = headline.matches('”').count();
    if straight % 2 == 1 {
        *headline = headline.replace('"', "");
    }
    if opened != closed {
        *headline = headline.replace(['“', '”'], "");
    }
}

/// Capitalizes the first letter, after any opening quote ("'Bad
/// behaviour' of ...").
fn capitalize_first(text: &str) -> String {
    match text.char_indices().find(|(_, c)| c.is_alphanumeric()) {
        Some((at, first)) => {
            let rest = &text[at + first.len_utf8()..];
            format!("{}{}{rest}", &text[..at], first.to_uppercase())
        }
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use crate::headline::{build_from_sentence, MAX_WORDS};
    use crate::language::Language;
    use crate::text::tokenize::Tokenizer;

    fn english(sentence: &str) -> String {
        build_from_sentence(
            sentence,
            &Tokenizer::new(Language::English),
            Language::English,
        )
    }

    #[test]
    fn sentences_become_headline_english() {
        let cases = [
            // Dateline and trailing attribution go; present tense.
            (
                "LONDON (Lede Wire) - The Bank of England raised rates to 4.5%, officials said.",
                "Bank of England raises rates to 4.5%",
            ),
            (
                "NAIROBI, Kenya — Floods have forced 20,000 people from their homes.",
                "Floods force 20,000 people from homes",
            ),
            // Appositive, descriptor, acronym.
            (
                "Tarn Valley Rail, the region's oldest train operator, has cancelled all services on Friday.",
                "Tarn Valley Rail cancels all services",
            ),
            (
                "Budget airline SkyWren has ordered 40 new planes from Aerovia.",
                "SkyWren orders 40 new planes from Aerovia",
            ),
            (
                "The Northern Water Authority (NWA) will raise prices by 8% next year.",
                "NWA to raise prices by 8%",
            ),
            // "X said", passive, "will", leading adverbial, time phrases.
            ("Police said a man had been arrested after the fire.", "Man arrested after fire"),
            ("Two men were arrested in Leeds on Tuesday.", "Two men arrested in Leeds"),
            ("The council will close three libraries next month.", "Council to close three libraries"),
            (
                "After months of talks, the two unions agreed a new pay deal on Monday.",
                "Two unions agree new pay deal",
            ),
            // The name first, adverbs out, relative clauses out.
            ("Shares in Orvane rose 12% on Monday.", "Orvane shares rise 12%"),
            ("Profits at Hollin Foods fell sharply last year.", "Hollin Foods profits fall"),
            (
                "A fire that started in a kitchen has destroyed a hotel in Whitby.",
                "Fire destroys hotel in Whitby",
            ),
            ("Mr Hale has resigned.", "Mr Hale resigns"),
            // The main clause only; a quotation keeps its words.
            (
                "Ministers agreed a deal, which critics called weak, after talks that ran late into the night in Geneva.",
                "Ministers agree deal",
            ),
            ("\"We are ready to talk,\" the minister said.", "We are ready to talk"),
            // "a.m." keeps its dot; an ambiguous past ("hit") stays as written.
            ("The countdown clock hit zero at 4:17 a.m.", "Countdown clock hit zero at 4:17 a.m."),
            (
                "Trade ministers from the U.S., the E.U. and Japan met in Lisbon on Monday to sign a deal.",
                "Trade ministers from U.S., E.U. and Japan meet in Lisbon",
            ),
        ];
        for (sentence, want) in cases {
            assert_eq!(english(sentence), want, "input: {sentence:?}");
        }
    }

    #[test]
    fn other_languages_fall_back_on_punctuation() {
        let cases = [
            (
                Language::French,
                "Une grève des conducteurs de train a fortement perturbé le trafic ferroviaire mardi dans le Sud-Ouest, où seul un TER sur trois a circulé.",
                "Une grève des conducteurs de train a fortement perturbé",
            ),
            (
                Language::Spanish,
                "Los embalses de la cuenca del Segura se encuentran al 14 % de su capacidad, el nivel más bajo desde 1995.",
                "Los embalses de la cuenca del Segura se encuentran al 14\u{a0}%",
            ),
            (
                Language::Russian,
                "В Новосибирске в субботу открылись две новые станции метрополитена, первые за последние 15 лет.",
                "В Новосибирске в субботу открылись две новые станции метрополитена",
            ),
            // No spaces between words: the first clause.
            (
                Language::Japanese,
                "九州北部では二日夜から記録的な大雨となり、気象庁は福岡県と佐賀県に大雨特別警報を発表した。",
                "九州北部では二日夜から記録的な大雨となり",
            ),
            (
                Language::Chinese,
                "连接南宁和贵阳的新高铁线路今天正式开通运营，两地之间的旅行时间从五个小时缩短到大约一小时。",
                "连接南宁和贵阳的新高铁线路今天正式开通运营",
            ),
        ];
        for (language, sentence, want) in cases {
            let got = build_from_sentence(sentence, &Tokenizer::new(language), language);
            assert_eq!(got, want, "input: {sentence:?}");
        }
    }

    /// Words a headline may be built from: cue words, names, numbers,
    /// punctuation and brackets in any order.
    fn word() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "the",
            "a",
            "has",
            "been",
            "is",
            "will",
            "said",
            "that",
            "who",
            "after",
            "on",
            "Monday",
            "in",
            "of",
            "to",
            "more",
            "than",
            "rose",
            "cut",
            "agreed",
            "considering",
            "Acme",
            "Corp",
            "(AC)",
            "Shares",
            "profits",
            "firm",
            "giant",
            "12%",
            "$4bn",
            "-",
            "—",
            ",",
            "officials",
            "it",
            "could",
            "sharply",
            "\"quoted",
            "words,\"",
            "(in",
            "brackets)",
            "NEW",
            "YORK",
            "2004",
            "last",
            "year",
            "and",
            "Bank",
            "of",
            "England",
        ])
    }

    proptest! {
        /// A word's shape says what its text, asked each time, would.
        #[test]
        fn shapes_answer_as_the_text_would(word in "[a-zA-Zé.,;:!?'\"”’—–-]{0,6}") {
            let shape = super::Word::new(word.as_str()).shape;
            prop_assert_eq!(shape.plain, word.chars().all(char::is_alphabetic));
            let core = word.trim_end_matches([',', ';', ':', '.', '!', '?']);
            prop_assert_eq!(shape.letters, core.chars().all(char::is_alphabetic));
        }

        /// An ASCII word is shaped and made bare byte by byte as any word
        /// is.
        #[test]
        fn ascii_words_are_shaped_as_any_word(word in "[ -~]{0,8}") {
            let general = word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
            let bare = super::bare(&word);
            prop_assert_eq!(&*bare, general.as_str());
            prop_assert_eq!(super::Shape::of(&word, &bare), super::Shape::of_any(&word, &bare));
        }

        /// An ASCII word trimmed byte by byte is trimmed as any word.
        #[test]
        fn ascii_words_are_trimmed_as_any_word(word in "[ -~]{0,8}") {
            prop_assert_eq!(
                crate::headline::trim_ascii_to_word(&word),
                word.trim_matches(|c: char| !c.is_alphanumeric())
            );
        }

        /// A token's first byte rules out a sign as reading it would.
        #[test]
        fn signs_are_found_as_by_reading_them(token in "[%$‰€£¥.,a”]{0,3}") {
            let core = token.trim_end_matches(['.', ',', ';', ':']);
            let read = !core.is_empty()
                && core.chars().all(|c| matches!(c, '%' | '‰' | '€' | '$' | '£' | '¥'));
            prop_assert_eq!(super::is_sign(&token), read);
        }

        /// A headline is capitalized in place as into a new string.
        #[test]
        fn headlines_are_capitalized_in_place_as_anew(text in "[ a-zé1\"'(ß]{0,6}") {
            let mut in_place = text.clone();
            super::capitalize_first_in(&mut in_place);
            prop_assert_eq!(in_place, super::capitalize_first(&text));
        }

        /// A sentence is borrowed only when collapsing its space would not
        /// change it.
        #[test]
        fn collapsed_sentences_are_as_collapse_space_gives_them(
            sentence in "[a \t\n\u{a0}\u{3000}é]{0,20}"
        ) {
            let collapsed = super::collapsed(&sentence);
            prop_assert_eq!(&*collapsed, super::collapse_space(&sentence));
        }

        #[test]
        fn built_headlines_are_short_and_end_cleanly(
            words in prop::collection::vec(word(), 1..40)
        ) {
            let sentence = words.join(" ") + ".";
            let tokenizer = Tokenizer::new(Language::English);
            let got = english(&sentence);
            prop_assert_eq!(&got, &english(&sentence));
            prop_assert!(got.split_whitespace().count() <= MAX_WORDS, "{}", got);
            if let Some(last) = got.split_whitespace().last().filter(|_| got.contains(' ')) {
                let bare = last.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
                prop_assert!(!tokenizer.is_stop_word(&bare), "{}", got);
                prop_assert!(!last.ends_with([',', ';', ':', '(', '“', '‘']), "{}", got);
            }
        }
    }
}
