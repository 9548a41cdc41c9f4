//! Segmentation: text -> paragraphs -> sentence spans, robust to news text.
//!
//! A unit is a byte span into the input, never a copy, so a summary quotes the
//! original exactly. The rules are written for news copy: abbreviations and
//! initials ("U.S. President", "Dr. Smith", "J. R. R. Tolkien"), decimals,
//! quotes and brackets after a full stop, ellipses, "?!" runs, list items, and
//! title or heading lines that have no final punctuation. Where languages
//! differ (abbreviations, ordinal dots, quote marks, the Greek question
//! mark), `segment/rules.rs` holds each one's rules, and `data/` their word
//! lists. `segment/layout.rs` finds the lines, blocks and paragraphs this
//! module splits into sentences, `segment/lists.rs` the items of lists
//! written inline ("1. One 2. Two"), and `segment/captions.rs` cuts photo
//! captions glued to a sentence.

#[cfg(test)]
mod boundary_tests;
mod captions;
mod decks;
mod layout;
mod lists;
mod rules;

use std::borrow::Cow;

pub(crate) use super::scan::is_space;
use super::scan::{find_byte, is_ascii_space, swar, trimmed_span};
use super::tokenize::{FastMap, FastSet};
use crate::language::Language;
pub(crate) use layout::looks_like_title;
use layout::{
    ends_with_terminal, lines, list_marker, markdown_heading_marker, paragraphs_of_block,
    standalone_title, Line, Paragraph,
};
use lists::{inline_items, list_after_prose, MID_PARAGRAPH_TRIES};
use rules::{
    parse_abbreviations, section, Abbreviation, Rules, CAPTION_NAME_WORDS, COMMON_ABBREVIATIONS,
};

/// What kind of unit a span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// A sentence of running text.
    Sentence,
    /// A line without final punctuation: a title, a heading or a standalone
    /// label. Also a Markdown `#` heading (the span leaves out the `#`s).
    Heading,
    /// A sentence of a list item (the span leaves out the bullet or number).
    ListItem,
    /// A standfirst or subtitle: a one-sentence line next to the title,
    /// before the body (see `segment/decks.rs`).
    Deck,
    /// A photo caption glued to the sentence after it, without a final
    /// mark ("The mayor at the opening on Monday The bridge took ..."):
    /// never a summary sentence or a headline.
    Caption,
}

/// A segmented unit: a sentence, heading or list item of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// Index of the paragraph the unit belongs to (0-based).
    pub paragraph: usize,
    /// What the unit is.
    pub kind: UnitKind,
}

impl Unit {
    /// The unit's text, borrowed from the input it was segmented from.
    pub fn text<'t>(&self, input: &'t str) -> &'t str {
        &input[self.start..self.end]
    }
}

/// Splits text into units. Built once per language (it holds the word lists
/// the boundary rules consult) and reused for every text.
#[derive(Debug, Clone)]
pub struct Segmenter {
    /// Lower-case stop words: a capitalized stop word after an ambiguous
    /// abbreviation ("in the U.S. The ...") starts a new sentence, any other
    /// capitalized word ("U.S. President") does not.
    stop_words: ByteSet,
    /// The language's rules.
    rules: Rules,
    /// The abbreviations, lower-case without the final dot, and which kind
    /// each is: one map, so that a full stop costs one look-up. Keyed by
    /// bytes, as [`lowercase`] lower-cases into a byte buffer.
    abbreviations: FastMap<&'static [u8], Abbreviation>,
    /// Words before a number with a dot that make it an ordinal (see
    /// [`Rules::ordinals`]).
    ordinal_cues: WordSet,
    /// Month names after a number with a dot: an ordinal date.
    months: WordSet,
    /// Capitalized stop words that open no sentence after a glued caption,
    /// as written (see `captions.rs`).
    caption_name_words: WordSet,
    /// Capitalized words that are not stop words but open a sentence after
    /// a glued caption, as written (the `[opener]` section of the same list).
    caption_openers: WordSet,
    /// The vector search for the ASCII sentence marks.
    ascii_marks: AsciiMarks,
}

/// The vector search for ".", "!" and "?" of [`Segmenter::next_terminator`],
/// set up once: `memchr::memchr3` picks its implementation through a
/// function pointer and spreads the three bytes over a vector at every
/// call, and a sentence is one call.
#[derive(Debug, Clone, Copy)]
struct AsciiMarks {
    #[cfg(target_arch = "x86_64")]
    avx2: Option<memchr::arch::x86_64::avx2::memchr::Three>,
}

impl AsciiMarks {
    fn new() -> Self {
        AsciiMarks {
            #[cfg(target_arch = "x86_64")]
            avx2: memchr::arch::x86_64::avx2::memchr::Three::new(b'.', b'!', b'?'),
        }
    }

    /// The offset of the first ".", "!" or "?" in `haystack`.
    #[inline]
    fn find(&self, haystack: &[u8]) -> Option<usize> {
        #[cfg(target_arch = "x86_64")]
        if let Some(three) = &self.avx2 {
            return three.find(haystack);
        }
        memchr::memchr3(b'.', b'!', b'?', haystack)
    }
}

/// A fixed set of words, asked about many words of every text: hashed
/// with lede's [`FastSet`] hasher rather than SipHash, which resists keys
/// chosen to collide but cost more than the rest of a lookup; these tables
/// hold the program's own word lists and only look text up.
type WordSet = FastSet<&'static str>;

/// A [`WordSet`] keyed by the words' bytes, for the words looked up
/// lower-cased by [`lowercase`]: a buffer of lowered ASCII bytes is looked
/// up as it is, without a UTF-8 check to make it a `&str` again (that
/// check was 2.3% of the splitter's instructions on the dev sets; see
/// docs/BENCHMARKS.md, "Splitter speed").
type ByteSet = FastSet<&'static [u8]>;

/// Characters that end a sentence. The CJK, Devanagari, Arabic and Urdu
/// marks end one even without a following space. U+037E is the Greek
/// question mark (Greek text mostly writes ";", see `rules.rs`).
const TERMINATORS: &[char] = &[
    '.', '!', '?', '…', '‼', '⁇', '⁈', '⁉', '。', '｡', '．', '！', '？', '।', '॥', '؟', '۔', '።',
    '\u{37e}', '։',
];
/// The ASCII characters of `TERMINATORS`, one bit each.
const ASCII_TERMINATORS: u128 = {
    let mut bits = 0;
    let mut i = 0;
    while i < TERMINATORS.len() {
        if TERMINATORS[i].is_ascii() {
            bits |= 1 << TERMINATORS[i] as u32;
        }
        i += 1;
    }
    bits
};
const SPACELESS_TERMINATORS: &[char] = &['。', '｡', '．', '！', '？', '।', '॥', '؟', '۔', '።'];
// `split_prose` asks about ASCII marks without looking in the list.
const _: () = {
    let mut i = 0;
    while i < SPACELESS_TERMINATORS.len() {
        assert!(!SPACELESS_TERMINATORS[i].is_ascii());
        i += 1;
    }
};
/// The fullwidth full stop, which CJK text also writes as a decimal point.
const FULLWIDTH_FULL_STOP: char = '．';

/// Characters that close a sentence after its final mark: quotes, brackets.
const CLOSERS: &[char] = &[
    '"', '\'', '”', '’', '»', '›', ')', ']', '}', '」', '』', '）', '*', '_',
];

/// The ASCII characters of `CLOSERS`, one bit each.
const ASCII_CLOSERS: u128 = {
    let mut bits = 0;
    let mut i = 0;
    while i < CLOSERS.len() {
        if CLOSERS[i].is_ascii() {
            bits |= 1 << CLOSERS[i] as u32;
        }
        i += 1;
    }
    bits
};

/// Characters that open a word before its text: quotes, brackets.
const OPENERS: &[char] = &[
    '"', '\'', '“', '‘', '„', '‚', '«', '‹', '(', '[', '{', '「', '『', '（', '¿', '¡',
];

/// Quote marks that close a quotation in some languages and open one in
/// others (German „…“ and »…«): a line ending in one after its full stop
/// still ends in sentence punctuation.
const LANGUAGE_CLOSERS: &[char] = &['“', '‘', '«'];

/// About how many bytes a news sentence, or a line, takes (corpus/ has
/// 130 a unit): the unit and line lists are sized from the text's length
/// once, rather than grown from empty by copying five times an article.
const UNIT_BYTES: usize = 128;

/// A line no longer than this many words, without final punctuation, is a
/// heading; a longer one is running text that lost its punctuation.
const HEADING_MAX_WORDS: usize = 24;

/// About how many characters a word of Chinese or Japanese takes (news
/// headlines in both run to 15-30 characters): a line of more than
/// `HEADING_MAX_WORDS` times this is running text.
const CJK_CHARS_PER_WORD: usize = 2;

impl Segmenter {
    /// Builds a segmenter for `language`.
    pub fn new(language: Language) -> Self {
        let rules = Rules::of(language);
        let common = if rules.common {
            COMMON_ABBREVIATIONS
        } else {
            ""
        };
        // The later entry wins: the language's own list over the common one.
        // (A malformed line is caught by a test of every list.)
        let abbreviations = parse_abbreviations(common)
            .chain(parse_abbreviations(rules.abbreviations))
            .flatten()
            .map(|(word, kind)| (word.as_bytes(), kind))
            .collect();
        let (caption_name_words, caption_openers) = if rules.caption_cuts {
            (
                section(CAPTION_NAME_WORDS, "").collect(),
                section(CAPTION_NAME_WORDS, "opener").collect(),
            )
        } else {
            (WordSet::default(), WordSet::default())
        };
        Segmenter {
            stop_words: language.stop_words().iter().map(|w| w.as_bytes()).collect(),
            abbreviations,
            ordinal_cues: section(rules.ordinals, "cue").collect(),
            months: section(rules.ordinals, "month").collect(),
            caption_name_words,
            caption_openers,
            rules,
            ascii_marks: AsciiMarks::new(),
        }
    }

    fn is_terminator(&self, c: char) -> bool {
        // Called for every character: one bit test for ASCII ones.
        let listed = if c.is_ascii() {
            ASCII_TERMINATORS >> (c as u32) & 1 != 0
        } else {
            TERMINATORS.contains(&c)
        };
        listed || (c == ';' && self.rules.semicolon_question)
    }

    /// The first sentence mark in `body` at or after byte `from` (a char
    /// boundary), with its offset. ASCII text is scanned 8 bytes at a time
    /// ([`find_byte`]); only other characters are decoded.
    ///
    /// `ascii` says that `body` is all ASCII and the language asks no ";":
    /// then its marks are ".", "!" and "?", and a vector search for the
    /// three finds them. Most news paragraphs are ASCII (88% of the dev sets'),
    /// and with that search the scan for marks costs 3.7 million
    /// instructions on the dev sets, not 7.5 million (see
    /// docs/BENCHMARKS.md, "Splitter speed").
    #[inline]
    fn next_terminator(&self, body: &str, from: usize, ascii: bool) -> Option<(usize, char)> {
        if ascii {
            let at = from + self.ascii_marks.find(body.as_bytes().get(from..)?)?;
            return Some((at, char::from(body.as_bytes()[at])));
        }
        // The 8-byte test names the ASCII marks.
        const _: () = assert!(ASCII_TERMINATORS == (1 << b'.') | (1 << b'!') | (1 << b'?'));
        let bytes = body.as_bytes();
        let semicolon = self.rules.semicolon_question;
        let mut at = from;
        loop {
            at = find_byte(
                bytes,
                at,
                |w| {
                    let semicolons = if semicolon { swar::equal(w, b';') } else { 0 };
                    swar::equal(w, b'.')
                        | swar::equal(w, b'!')
                        | swar::equal(w, b'?')
                        | semicolons
                        | swar::non_ascii(w)
                },
                |b| !b.is_ascii() || self.is_terminator(char::from(b)),
            )?;
            let c = body.get(at..)?.chars().next()?;
            if self.is_terminator(c) {
                return Some((at, c));
            }
            at += c.len_utf8();
        }
    }

    fn is_closer(&self, c: char) -> bool {
        // Asked after every sentence mark, mostly about a space: one bit
        // test for ASCII characters rather than a walk of the list.
        let listed = if c.is_ascii() {
            ASCII_CLOSERS >> (c as u32) & 1 != 0
        } else {
            CLOSERS.contains(&c)
        };
        listed || self.rules.closers.contains(&c)
    }

    /// Splits `text` into units in document order.
    ///
    /// Paragraphs are separated by blank lines, or by single line breaks
    /// unless the block looks hard-wrapped (most of its lines run on without
    /// final punctuation), in which case its lines are joined.
    pub fn split(&self, text: &str) -> Vec<Unit> {
        let mut units = Vec::with_capacity(text.len() / UNIT_BYTES + 1);
        let mut paragraph = 0;
        let lines = lines(text);
        // One allocation for all the blocks, and one for the paragraphs of
        // each block in turn: texts have many short blocks.
        let mut blocks: Vec<&[Line]> = Vec::with_capacity(lines.len());
        blocks.extend(lines.chunk_by(|_, line| !line.opens_block));
        if let [first, _, ..] = blocks.as_slice() {
            if let Some(title) = standalone_title(text, first) {
                push_trimmed(
                    text,
                    title.start,
                    title.end,
                    0,
                    UnitKind::Heading,
                    &mut units,
                );
                paragraph = usize::from(!units.is_empty());
            }
        }
        let skip = usize::from(!units.is_empty());
        let mut paragraphs = Vec::new();
        for block in blocks.iter().skip(skip) {
            paragraphs_of_block(text, block, &mut paragraphs);
            for &span in &paragraphs {
                let before = units.len();
                self.split_paragraph(text, span, paragraph, &mut units);
                if units.len() > before {
                    paragraph += 1;
                }
            }
        }
        decks::mark_decks(text, &mut units);
        units
    }

    fn split_paragraph(
        &self,
        text: &str,
        span: Paragraph,
        paragraph: usize,
        units: &mut Vec<Unit>,
    ) {
        let (start, end) = trim_span(text, span.start, span.end);
        if start >= end {
            return;
        }
        let body = &text[start..end];
        if let Some(skip) = markdown_heading_marker(body) {
            let (s, e) = trim_span(text, start + skip, end);
            let (s, e) = trim_closing_hashes(text, s, e);
            push_trimmed(text, s, e, paragraph, UnitKind::Heading, units);
            return;
        }
        if let Some(items) = inline_items(body, &|word| self.is_ordinal_cue(word)) {
            self.split_items(text, start, &items, paragraph, units);
            return;
        }
        let (start, kind) = match list_marker(body) {
            Some(skip) => (start + skip, UnitKind::ListItem),
            None => (start, UnitKind::Sentence),
        };
        let body = &text[start..end];
        // Trimming and the list marker stay within the first and last
        // lines, which are not blank: the body has a line break just when
        // the paragraph has more than one line.
        debug_assert_eq!(span.one_line, !body.contains('\n'));
        if kind == UnitKind::Sentence && span.one_line && !ends_with_terminal(body) {
            // A line without final punctuation is a heading, unless it is
            // sentences whose last lost its mark ("... It has four
            // sentences.  And this is the last") or too long for one.
            let sized = is_heading_sized(body);
            if sized && self.next_terminator(body, 0, false).is_none() {
                push_trimmed(text, start, end, paragraph, UnitKind::Heading, units);
                return;
            }
            let before = units.len();
            let boundaries = self.split_prose(text, start, end, paragraph, kind, units);
            if sized && boundaries == 0 {
                units.truncate(before);
                push_trimmed(text, start, end, paragraph, UnitKind::Heading, units);
            }
            return;
        }
        self.split_prose(text, start, end, paragraph, kind, units);
    }

    /// Splits each item of an inline list (offsets from `start`) into list
    /// items.
    fn split_items(
        &self,
        text: &str,
        start: usize,
        items: &[lists::Item],
        paragraph: usize,
        units: &mut Vec<Unit>,
    ) {
        for item in items {
            self.split_prose(
                text,
                start + item.start,
                start + item.end,
                paragraph,
                UnitKind::ListItem,
                units,
            );
        }
    }

    /// Whether `word` makes a number with a dot after it an ordinal.
    fn is_ordinal_cue(&self, word: &str) -> bool {
        !self.ordinal_cues.is_empty() && self.ordinal_cues.contains(word.to_lowercase().as_str())
    }

    /// Splits the span into sentences, into `units`, and says how many
    /// sentence marks ended one before the span's end. A numbered list after
    /// prose ("... before the fight 1. Liquorice 2. Noodles 3. ...") ends
    /// the prose, and its items are list items.
    fn split_prose(
        &self,
        text: &str,
        start: usize,
        end: usize,
        paragraph: usize,
        kind: UnitKind,
        units: &mut Vec<Unit>,
    ) -> usize {
        let body = &text[start..end];
        let ascii = !self.rules.semicolon_question && body.is_ascii();
        let mut sentence_start = 0;
        let mut from = 0;
        let mut boundaries = 0;
        let mut list_tries = 0;
        while let Some((i, c)) = self.next_terminator(body, from, ascii) {
            // (All of these marks are beyond ASCII.)
            let spaceless = !c.is_ascii() && SPACELESS_TERMINATORS.contains(&c);
            // Take the whole run of marks and closers: "?!", "...", '."',
            // '.)', and the spaced dots of ". . ." (each after one space).
            let mut j = i + c.len_utf8();
            let mut run_len = 1;
            let mut spaced_dots = false;
            loop {
                while let Some(d) = body[j..].chars().next() {
                    if self.is_terminator(d) {
                        run_len += 1;
                    } else if !self.is_closer(d) {
                        break;
                    }
                    j += d.len_utf8();
                }
                if body.as_bytes().get(j) == Some(&b' ')
                    && body[..j].ends_with('.')
                    && is_spaced_dot(&body[j..])
                {
                    spaced_dots = true;
                    j += 1;
                    continue;
                }
                break;
            }
            if self.rules.spaced_guillemets {
                // « Non. » Puis ... : the spaced closing guillemet is the
                // sentence's own.
                let rest = &body[j..];
                let unspaced = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
                if unspaced.len() < rest.len() && unspaced.starts_with('»') {
                    j = body.len() - unspaced.len() + '»'.len_utf8();
                }
            }
            if c == '.'
                && run_len == 1
                && matches!(body.as_bytes().get(j), Some(b'[' | b'0'..=b'9'))
            {
                // A footnote marker is the sentence's own: "harbour.[4] The",
                // "(2003).2 Later".
                j += footnote_len(&body[..i], &body[j..]);
            }
            from = j;
            let rest = &body[j..];
            let before = &body[sentence_start..i];
            if kind == UnitKind::Sentence
                && c == '.'
                && matches!(before.as_bytes(), [.., b' ', b'1'] | [b'1'])
                && list_tries < MID_PARAGRAPH_TRIES
            {
                list_tries += 1;
                let list = list_after_prose(body, i - 1, &|word| self.is_ordinal_cue(word));
                if let Some(items) = list {
                    let prose_end = start + items[0].marker;
                    self.push_sentence(
                        text,
                        start + sentence_start,
                        prose_end,
                        paragraph,
                        kind,
                        units,
                    );
                    self.split_items(text, start, &items, paragraph, units);
                    return boundaries + 1;
                }
            }
            let boundary = match rest.chars().next() {
                None => true,
                // "weakened . . . was", "the point is . . . I never": three
                // spaced dots after a space leave out words mid-sentence;
                // "[...]" and "(…)" too. A fourth dot is a full stop.
                _ if is_omission(before, spaced_dots, run_len) => false,
                // "《快跑！小鹿》": a mark inside CJK title brackets.
                _ if spaceless && inside_title_brackets(before, rest) => false,
                Some(next) if is_space(next) => {
                    self.is_boundary(before, c, run_len, rest.trim_start_matches(is_space))
                }
                // "3.5", "U.S.-led", "e.g.," and "Yahoo!'s" continue the
                // sentence; a fullwidth full stop before a digit is a
                // decimal point too ("３．５").
                Some(next) => {
                    spaceless
                        && !(c == FULLWIDTH_FULL_STOP && next.is_numeric())
                        && !quotes_on(&body[..j], next)
                }
            };
            if boundary {
                self.push_sentence(
                    text,
                    start + sentence_start,
                    start + j,
                    paragraph,
                    kind,
                    units,
                );
                sentence_start = j;
                boundaries += usize::from(!rest.is_empty());
            }
        }
        self.push_sentence(text, start + sentence_start, end, paragraph, kind, units);
        boundaries
    }

    /// Pushes a sentence span, first cutting off any photo captions glued to
    /// its start: "... higher than a colleague The cost of divorce ...".
    fn push_sentence(
        &self,
        text: &str,
        start: usize,
        end: usize,
        paragraph: usize,
        kind: UnitKind,
        units: &mut Vec<Unit>,
    ) {
        // Marks left after the sentence they close (" . . .”" after
        // "knowing."): the sentence's own, not a unit of their own. (Most
        // pieces have a letter or digit among their first bytes.)
        let piece = &text[start..end];
        let marks_only = || {
            piece
                .chars()
                .all(|c| c == '.' || c == '…' || is_space(c) || CLOSERS.contains(&c))
        };
        if let Some(last) = units.last_mut() {
            if last.paragraph == paragraph
                && !piece.bytes().any(|b| b.is_ascii_alphanumeric())
                && marks_only()
            {
                let (trimmed_start, trimmed_end) = trim_span(text, start, end);
                if trimmed_start < trimmed_end && last.end <= trimmed_start {
                    last.end = trimmed_end;
                    return;
                }
            }
        }
        // A sentence that opens with a caption label is a caption
        // too ("Tragic: The man was thrown off his motorbike ...").
        let labelled = |from: usize, to: usize| {
            kind == UnitKind::Sentence && self.opens_with_label(&text[from..to])
        };
        let mut piece_start = start;
        for (cut, caption) in self.caption_pieces(&text[start..end]) {
            let piece_kind = if caption || labelled(piece_start, start + cut) {
                UnitKind::Caption
            } else {
                kind
            };
            push_trimmed(text, piece_start, start + cut, paragraph, piece_kind, units);
            piece_start = start + cut;
        }
        let kind = if labelled(piece_start, end) {
            UnitKind::Caption
        } else {
            kind
        };
        push_trimmed(text, piece_start, end, paragraph, kind, units);
    }

    /// Whether `word`, lower-cased, is a stop word.
    fn is_stop_word_lowered(&self, word: &str) -> bool {
        self.stop_words
            .contains(&*lowercase(word, &mut [0; LOWERCASE_BUFFER]))
    }

    /// Decides whether the mark `mark` (a run of `run_len` marks) ending
    /// `before` and followed by white space and then `after` ends a sentence.
    fn is_boundary(&self, before: &str, mark: char, run_len: usize, after: &str) -> bool {
        // Spanish opens a question or exclamation with "¿" or "¡": the
        // letter after it tells whether a new sentence starts.
        let next = match after.as_bytes().first() {
            // Most sentences start with an ASCII letter: no "¿" to skip.
            Some(&b) if b.is_ascii() => char::from(b),
            _ => match after.trim_start_matches(['¿', '¡']).chars().next() {
                Some(next) => next,
                None => return true,
            },
        };
        // A lower-case continuation is the same sentence: "e.g. the", "Inc.
        // said", '"Why?" she asked', "... and then". No sentence starts with
        // a dash, but datelines end with one: "RED MESA, Okla. — ".
        if next.is_lowercase() || matches!(next, '—' | '–' | '-') {
            return false;
        }
        if mark != '.' || run_len > 1 {
            return true;
        }
        let word = last_word(before);
        let mut buffer = [0; LOWERCASE_BUFFER];
        let lower = lowercase(word, &mut buffer);
        let mut abbreviation = self.abbreviations.get(&*lower).copied().or_else(|| {
            // An elided article before it: "l'Ing. Rossi", "dell'avv. Neri".
            // A byte scan, as this runs at most full stops.
            let bytes = &*lower;
            let end = bytes.iter().rposition(|&b| b == b'\'' || b == 0x99)? + 1;
            let apostrophe = bytes[..end].ends_with(b"'") || bytes[..end].ends_with("’".as_bytes());
            let elided = bytes.get(end..).filter(|_| apostrophe)?;
            self.abbreviations.get(elided).copied()
        });
        if abbreviation == Some(Abbreviation::Prefix)
            && is_acronym(word)
            && word.chars().count() > 2
        {
            // "fined by the SEC. The bank": capitals are an acronym, not "Sec."
            // (but "EE. UU." is the Spanish "U.S.").
            abbreviation = Some(Abbreviation::Number);
        }
        match abbreviation {
            Some(Abbreviation::Prefix) => return false,
            // "No. 5", "p. 212", "Rs. 4350", "Vol. II"; but "The answer was
            // no. Then".
            Some(Abbreviation::Number) if next.is_numeric() || is_roman_numeral(after) => {
                return false
            }
            Some(Abbreviation::Number) => abbreviation = None,
            _ => {}
        }
        if !self.months.is_empty() && is_ordinal_number(word) {
            // German writes ordinals with a dot: "am 3. Oktober", "im 19.
            // Jahrhundert", "der 1. FC".
            if self
                .months
                .contains(leading_word(after).to_lowercase().as_str())
            {
                return false;
            }
            let previous =
                last_word(before[..before.len() - word.len()].trim_end_matches(is_space));
            if self.ordinal_cues.contains(previous.to_lowercase().as_str()) {
                return self.starts_with_capitalized_stop_word(after);
            }
        }
        // "J. R. R. Tolkien"; in German also a lower-case letter: "u. a.".
        let initial = {
            let mut cs = word.chars();
            matches!((cs.next(), cs.next()), (Some(c), None)
                if c.is_uppercase() || (self.rules.lowercase_initials && c.is_lowercase()))
        };
        if initial && starts_with_initial(after) {
            // "С. В. Орлов", "J. A. Smith": an initial before another one,
            // even one that is also a stop word.
            return false;
        }
        // "U.S", "a.m", "Ph.D": letters joined by dots, not "$1.2bn".
        let dotted = word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.');
        if initial || dotted || abbreviation == Some(Abbreviation::Suffix) {
            return self.starts_with_capitalized_stop_word(after);
        }
        true
    }

    fn starts_with_capitalized_stop_word(&self, after: &str) -> bool {
        let word = leading_word(after);
        let Some(first) = word.chars().next() else {
            return true;
        };
        first.is_uppercase() && self.is_stop_word_lowered(word)
    }
}

/// Whether `text` has any sentence-ending punctuation at all. Without it,
/// units can only be lines, and a "summary" would be a pick of lines.
pub fn has_sentence_punctuation(text: &str) -> bool {
    text.contains(TERMINATORS)
}

/// The size of the buffer that [`lowercase`] lower-cases a word into.
const LOWERCASE_BUFFER: usize = 24;

/// `word` in lower case, as bytes: in `buffer` when it is ASCII and fits,
/// as the boundary and seam tests look up many words; allocated otherwise.
/// One pass lowers and checks for other bytes at once.
fn lowercase<'b>(word: &'b str, buffer: &'b mut [u8; LOWERCASE_BUFFER]) -> Cow<'b, [u8]> {
    let bytes = word.as_bytes();
    match buffer.get_mut(..bytes.len()) {
        Some(lower) => {
            let mut all = 0;
            for (l, &b) in lower.iter_mut().zip(bytes) {
                *l = b.to_ascii_lowercase();
                all |= b;
            }
            if all.is_ascii() {
                return Cow::Borrowed(lower);
            }
        }
        None if !bytes
            .iter()
            .any(|b| b.is_ascii_uppercase() || !b.is_ascii()) =>
        {
            return Cow::Borrowed(bytes);
        }
        None => {}
    }
    Cow::Owned(word.to_lowercase().into_bytes())
}

/// The word at the start of `after`, without opening quotes or brackets
/// and without trailing punctuation.
fn leading_word(after: &str) -> &str {
    // Most words start with a letter or digit, which opens nothing.
    let word = if after
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphanumeric)
    {
        after
    } else {
        after.trim_start_matches(OPENERS)
    };
    let end = word
        .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .unwrap_or(word.len());
    &word[..end]
}

/// Whether a line without final punctuation is short enough to be a
/// heading: at most [`HEADING_MAX_WORDS`] words, where CJK text, which
/// puts no spaces between words, counts a word for every
/// [`CJK_CHARS_PER_WORD`] characters.
fn is_heading_sized(line: &str) -> bool {
    if line.split_whitespace().nth(HEADING_MAX_WORDS).is_some() {
        return false;
    }
    if line.is_ascii() {
        return true;
    }
    let cjk = line.chars().filter(|&c| is_cjk(c)).count();
    cjk <= HEADING_MAX_WORDS * CJK_CHARS_PER_WORD
}

/// Han ideographs and kana: letters of scripts written without spaces
/// between words.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}')
}

/// Whether `rest` goes on with the next dot of a spaced ellipsis (". . ."):
/// one space and a dot that does not start a word or a number.
fn is_spaced_dot(rest: &str) -> bool {
    rest.strip_prefix(" .")
        .is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric()))
}

/// Whether the marks just after `before` leave words out of a sentence
/// rather than end it: three spaced dots after a space (". . ." ; a fourth
/// is a full stop), or an ellipsis in brackets ("[...]", "(…)").
fn is_omission(before: &str, spaced_dots: bool, run_len: usize) -> bool {
    let spaced_ellipsis = spaced_dots && run_len == 3 && before.ends_with(is_space);
    spaced_ellipsis || matches!(before.as_bytes().last(), Some(b'[' | b'('))
}

/// The length of a footnote marker at the start of `rest`, after a full
/// stop that ends `before`: "[1]" (and "[1][2]"), or the digits of
/// "(2003).2 Later" and "tides.7 8 Then", which follow a word or a
/// bracket and come before a capital. 0 when there is none.
fn footnote_len(before: &str, rest: &str) -> usize {
    let mut len = 0;
    while let Some(marker) = rest[len..].strip_prefix('[') {
        let digits = marker.len()
            - marker
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .len();
        if !(1..=3).contains(&digits) || !marker[digits..].starts_with(']') {
            break;
        }
        len += digits + 2;
    }
    if len > 0 {
        return len;
    }
    let after_word = before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_lowercase() || CLOSERS.contains(&c));
    if !after_word {
        return 0;
    }
    // Digit groups ("11 12"), then white space and a capital.
    let mut at = 0;
    loop {
        let digits = rest[at..].len()
            - rest[at..]
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .len();
        if !(1..=3).contains(&digits) {
            return 0;
        }
        let after = &rest[at + digits..];
        let word = after.trim_start_matches(is_space);
        if word.len() == after.len() {
            return 0;
        }
        match word.chars().next() {
            Some(c) if c.is_uppercase() => return at + digits,
            Some(c) if c.is_ascii_digit() => at = rest.len() - word.len(),
            _ => return 0,
        }
    }
}

/// Whether a mark that ends `before`, followed by `rest`, stands inside CJK
/// title brackets ("《快跑！小鹿》"), which hold a title, not a sentence end.
/// Titles are short: the brackets are looked for at most
/// [`TITLE_MAX_CHARS`] characters either side, so that a text of marks
/// after an open bracket costs no more than one without it.
fn inside_title_brackets(before: &str, rest: &str) -> bool {
    [('《', '》'), ('〈', '〉')].iter().any(|&(open, close)| {
        let opened = before
            .chars()
            .rev()
            .take(TITLE_MAX_CHARS)
            .find(|&c| c == open || c == close)
            == Some(open);
        opened
            && rest
                .chars()
                .take(TITLE_MAX_CHARS)
                .find(|&c| c == open || c == close)
                == Some(close)
    })
}

/// The most characters of a title in CJK title brackets, either side of a
/// mark inside it.
const TITLE_MAX_CHARS: usize = 64;

/// Whether a quotation closed at the end of `before` goes on in its
/// sentence with `next`: a Japanese particle ("「命を守って！」と市は").
fn quotes_on(before: &str, next: char) -> bool {
    before.ends_with(['」', '』']) && matches!(next, '\u{3041}'..='\u{309f}')
}

/// Whether `after` starts with a Roman numeral of two letters or more
/// ("II", "XIV"; not "I", a word too, nor letters that spell acronyms,
/// such as "DC" or "MC"), as a word of its own.
fn is_roman_numeral(after: &str) -> bool {
    let word = leading_word(after);
    word.len() >= 2 && word.bytes().all(|b| b"IVX".contains(&b))
}

/// Whether `after` starts with an initial: one capital and a full stop
/// ("I. Semenov"), not a word ("I met").
fn starts_with_initial(after: &str) -> bool {
    let mut cs = after.chars();
    matches!((cs.next(), cs.next()), (Some(c), Some('.')) if c.is_uppercase())
}

/// Two or more letters, all capitals: an acronym ("SEC", "WHO", "IS").
fn is_acronym(word: &str) -> bool {
    let mut capitals = 0;
    for c in word.chars() {
        if c.is_alphabetic() && !c.is_uppercase() {
            return false;
        }
        capitals += usize::from(c.is_uppercase());
    }
    capitals >= 2
}

/// One to three digits: a day or an ordinal, not a year or an amount.
fn is_ordinal_number(word: &str) -> bool {
    (1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

/// The word just before a final dot, without opening quotes or brackets:
/// "(U.S" for "... the (U.S." gives "U.S".
fn last_word(before: &str) -> &str {
    // Back over ASCII bytes without decoding; from the first other one on,
    // a character at a time.
    let bytes = before.as_bytes();
    let start = match bytes
        .iter()
        .rposition(|&b| is_ascii_space(b) || !b.is_ascii())
    {
        None => 0,
        Some(i) if bytes[i].is_ascii() => i + 1,
        Some(i) => before[..i + 1].rfind(is_space).map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        }),
    };
    let word = &before[start..];
    // Most words start with a letter or digit, which opens nothing.
    if word
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphanumeric)
    {
        return word;
    }
    word.trim_start_matches(OPENERS)
}

fn push_trimmed(
    text: &str,
    start: usize,
    end: usize,
    paragraph: usize,
    kind: UnitKind,
    units: &mut Vec<Unit>,
) {
    let (start, end) = trim_span(text, start, end);
    if start < end && text[start..end].chars().any(|c| !is_noise(c)) {
        units.push(Unit {
            start,
            end,
            paragraph,
            kind,
        });
    }
}

/// Punctuation and symbols that make no unit on their own ("***", "--").
fn is_noise(c: char) -> bool {
    !c.is_alphanumeric()
}

fn trim_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let span = trimmed_span(&text[start..end], is_space);
    (start + span.start, start + span.end)
}

fn trim_closing_hashes(text: &str, start: usize, end: usize) -> (usize, usize) {
    let slice = &text[start..end];
    let stripped = slice.trim_end_matches('#');
    if stripped.len() < slice.len() && stripped.ends_with(is_space) {
        trim_span(text, start, start + stripped.len())
    } else {
        (start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        Segmenter::new(Language::English)
            .split(text)
            .iter()
            .map(|u| u.text(text))
            .collect()
    }

    fn kinds(text: &str) -> Vec<(&str, UnitKind)> {
        Segmenter::new(Language::English)
            .split(text)
            .iter()
            .map(|u| (u.text(text), u.kind))
            .collect()
    }

    #[test]
    fn sentence_boundaries_in_news_text() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Threats from U.S. President Donald Trump grew. Talks begin today.",
                &[
                    "Threats from U.S. President Donald Trump grew.",
                    "Talks begin today.",
                ],
            ),
            (
                "He met Dr. Smith at 9 a.m. on Jan. 5. It rained.",
                &["He met Dr. Smith at 9 a.m. on Jan. 5.", "It rained."],
            ),
            (
                "Profits rose 3.5% to $1.2bn. Shares fell 0.4 per cent.",
                &["Profits rose 3.5% to $1.2bn.", "Shares fell 0.4 per cent."],
            ),
            (
                "The books of J. R. R. Tolkien sold well. Others did not.",
                &[
                    "The books of J. R. R. Tolkien sold well.",
                    "Others did not.",
                ],
            ),
            (
                "Sales at Acme Inc. The firm said so. It moved to the U.S. In May it grew.",
                &[
                    "Sales at Acme Inc.",
                    "The firm said so.",
                    "It moved to the U.S.",
                    "In May it grew.",
                ],
            ),
            (
                "\"We are ready.\" The minister left. \"Why now?\" she asked.",
                &[
                    "\"We are ready.\"",
                    "The minister left.",
                    "\"Why now?\" she asked.",
                ],
            ),
            (
                "Is it over?! Nobody knows... The wait goes on (for now.) Then more.",
                &[
                    "Is it over?!",
                    "Nobody knows...",
                    "The wait goes on (for now.)",
                    "Then more.",
                ],
            ),
            (
                "The answer was no. Then it was No. 1 in the charts, i.e. the top.",
                &[
                    "The answer was no.",
                    "Then it was No. 1 in the charts, i.e. the top.",
                ],
            ),
            (
                "Visit e.g. the site. Done.",
                &["Visit e.g. the site.", "Done."],
            ),
            (
                "会议今天开始。双方都很乐观！",
                &["会议今天开始。", "双方都很乐观！"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), *want, "input: {text:?}");
        }
    }

    #[test]
    fn sentence_boundaries_beyond_english() {
        let cases: &[(Language, &str, &[&str])] = &[
            (
                Language::German,
                "Die Stadt spart z. B. bei Nr. 7 ca. 3 Mio. Euro. Der Bau endet am 3. Oktober. \
                 Im 19. Jahrhundert stand hier u. a. Bayerns Zollamt. Die Zahl stieg auf 12. Retter suchen weiter.",
                &[
                    "Die Stadt spart z. B. bei Nr. 7 ca. 3 Mio. Euro.",
                    "Der Bau endet am 3. Oktober.",
                    "Im 19. Jahrhundert stand hier u. a. Bayerns Zollamt.",
                    "Die Zahl stieg auf 12.",
                    "Retter suchen weiter.",
                ],
            ),
            (
                Language::German,
                "Sie sagte: „Wir sind bereit.“ Dann ging sie. »Nein«, rief er.",
                &["Sie sagte: „Wir sind bereit.“", "Dann ging sie.", "»Nein«, rief er."],
            ),
            (
                Language::French,
                "M. Le Maire a parlé. « Nous refusons. » Mme Dubois a répondu. Pourquoi ? Personne ne sait.",
                &[
                    "M. Le Maire a parlé.",
                    "« Nous refusons. »",
                    "Mme Dubois a répondu.",
                    "Pourquoi ?",
                    "Personne ne sait.",
                ],
            ),
            (
                Language::Spanish,
                "El Sr. Gil viajó a EE. UU. en mayo. ¿Volverá? ¡Nadie lo sabe! Dijo que sí.",
                &[
                    "El Sr. Gil viajó a EE. UU. en mayo.",
                    "¿Volverá?",
                    "¡Nadie lo sabe!",
                    "Dijo que sí.",
                ],
            ),
            (
                Language::Russian,
                "Это т. е. главное. Стоит 24 млрд руб. Новый участок открыт и т. д. Жители рады.",
                &[
                    "Это т. е. главное.",
                    "Стоит 24 млрд руб.",
                    "Новый участок открыт и т. д.",
                    "Жители рады.",
                ],
            ),
            (
                Language::Greek,
                "Πότε θα φύγουν τα πλοία; Κανείς δεν ξέρει. Ο κ. Παππάς μίλησε.",
                &["Πότε θα φύγουν τα πλοία;", "Κανείς δεν ξέρει.", "Ο κ. Παππάς μίλησε."],
            ),
            (
                Language::Polish,
                "Budowa trwała do 2025 r. Pierwsi pacjenci przyjdą wkrótce. Szpital stoi przy ul. Wielickiej.",
                &[
                    "Budowa trwała do 2025 r.",
                    "Pierwsi pacjenci przyjdą wkrótce.",
                    "Szpital stoi przy ul. Wielickiej.",
                ],
            ),
            (
                Language::Japanese,
                "大雨が続いた。「命を守って」と市は呼びかけた。新幹線は止まっている！",
                &["大雨が続いた。", "「命を守って」と市は呼びかけた。", "新幹線は止まっている！"],
            ),
            (
                Language::Hindi,
                "नई लाइन खुल गई। क्या किराया बढ़ेगा? डॉ. शर्मा ने मना किया।",
                &["नई लाइन खुल गई।", "क्या किराया बढ़ेगा?", "डॉ. शर्मा ने मना किया।"],
            ),
            (
                Language::Arabic,
                "افتتحت المحطة اليوم. هل ستنخفض الأسعار؟ قال د. خالد إنها ستنخفض.",
                &["افتتحت المحطة اليوم.", "هل ستنخفض الأسعار؟", "قال د. خالد إنها ستنخفض."],
            ),
            (
                Language::Swedish,
                "Priset steg kl. 8 i dag. Hushållen bör spara, t.ex. genom att sänka värmen. Det kostar 3 milj. kr. Regeringen agerar.",
                &[
                    "Priset steg kl. 8 i dag.",
                    "Hushållen bör spara, t.ex. genom att sänka värmen.",
                    "Det kostar 3 milj. kr.",
                    "Regeringen agerar.",
                ],
            ),
        ];
        for (language, text, want) in cases {
            let got: Vec<&str> = Segmenter::new(*language)
                .split(text)
                .iter()
                .map(|u| u.text(text))
                .collect();
            assert_eq!(got, *want, "{language:?} input: {text:?}");
        }
    }

    #[test]
    fn titles_end_in_any_script_question_mark() {
        let text = "这是为什么？\n\n会议今天开始。双方都很乐观。";
        let units = Segmenter::new(Language::Chinese).split(text);
        assert_eq!(units[0].text(text), "这是为什么？");
        assert_eq!(units[0].kind, UnitKind::Heading);
    }

    #[test]
    fn lines_without_punctuation_are_headings_of_their_own() {
        let text = "Talks Set in Istanbul\n\nTalks Set in Istanbul\nA subtitle line.\nBody one. Body two.\n";
        let segmenter = Segmenter::new(Language::English);
        let units = segmenter.split(text);
        let got: Vec<(&str, UnitKind, usize)> = units
            .iter()
            .map(|u| (u.text(text), u.kind, u.paragraph))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Talks Set in Istanbul", UnitKind::Heading, 0),
                ("Talks Set in Istanbul", UnitKind::Heading, 1),
                // Next to the title, before a body paragraph: a deck.
                ("A subtitle line.", UnitKind::Deck, 2),
                ("Body one.", UnitKind::Sentence, 3),
                ("Body two.", UnitKind::Sentence, 3),
            ]
        );
    }

    #[test]
    fn a_first_line_question_set_apart_is_a_title() {
        let text = "Who do you think you are?\n\nThe show returns tonight. It is popular.";
        let got = kinds(text);
        assert_eq!(got[0], ("Who do you think you are?", UnitKind::Heading));
        assert_eq!(got[1], ("The show returns tonight.", UnitKind::Sentence));
        let lead = "Is this the end?\nThe show returns tonight.";
        assert_eq!(
            kinds(lead)[0].1,
            UnitKind::Sentence,
            "no blank line after it"
        );
    }

    #[test]
    fn markdown_headings_and_list_items_lose_their_markers() {
        let text = "# Storm Hits Coast ##\n\nAdvice:\n- Stay indoors.\n* Charge phones. Keep water.\n2. Listen to radio.\n";
        let got = kinds(text);
        assert_eq!(
            got,
            vec![
                ("Storm Hits Coast", UnitKind::Heading),
                ("Advice:", UnitKind::Sentence),
                ("Stay indoors.", UnitKind::ListItem),
                ("Charge phones.", UnitKind::ListItem),
                ("Keep water.", UnitKind::ListItem),
                ("Listen to radio.", UnitKind::ListItem),
            ]
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined_but_titles_are_not() {
        let text = "Council Approves New Budget\n\
                    The city council voted on Tuesday to approve a budget\n\
                    that raises spending on parks and road repairs by a\n\
                    third. The mayor welcomed it.\n\
                    \n\
                    Critics said the plan was too costly for the city and\n\
                    its residents.\n";
        let got = split(text);
        assert_eq!(
            got,
            vec![
                "Council Approves New Budget",
                "The city council voted on Tuesday to approve a budget\nthat raises spending on parks and road repairs by a\nthird.",
                "The mayor welcomed it.",
                "Critics said the plan was too costly for the city and\nits residents.",
            ]
        );
    }

    #[test]
    fn glued_captions_are_split_off() {
        let cases: &[(&str, &[&str])] = &[
            (
                "The mayor opened the new bridge over the river on Monday The bridge took four years to build and cost far more than planned.",
                &[
                    "The mayor opened the new bridge over the river on Monday",
                    "The bridge took four years to build and cost far more than planned.",
                ],
            ),
            (
                "Firefighters tackle the blaze at the old mill (pictured) It took six crews most of the night to put the fire out.",
                &[
                    "Firefighters tackle the blaze at the old mill (pictured)",
                    "It took six crews most of the night to put the fire out.",
                ],
            ),
            // Capitalized stop words inside names and after stop words stay put.
            (
                "The minister told The Times on Sunday that the plan would go ahead next year.",
                &["The minister told The Times on Sunday that the plan would go ahead next year."],
            ),
            (
                "She has read every book by the author and I think she will read the next one too.",
                &["She has read every book by the author and I think she will read the next one too."],
            ),
            // Too short to be a caption and a sentence.
            (
                "Rain fell all day Then it stopped.",
                &["Rain fell all day Then it stopped."],
            ),
        ];
        for &(text, want) in cases {
            assert_eq!(split(text), want, "input: {text:?}");
        }
    }

    #[test]
    fn crlf_and_bom_do_not_leak_into_units() {
        let text = "\u{feff}First line here.\r\nSecond line here.\r\n";
        assert_eq!(split(text), vec!["First line here.", "Second line here."]);
    }

    #[test]
    fn spans_point_into_the_input() {
        let text = "  Alpha beta.  Gamma delta!\n\nEpsilon";
        for unit in Segmenter::new(Language::English).split(text) {
            assert!(text.is_char_boundary(unit.start) && text.is_char_boundary(unit.end));
            assert_eq!(unit.text(text), unit.text(text).trim(), "{unit:?}");
        }
    }

    #[test]
    fn punctuation_only_and_empty_texts_give_no_units() {
        for text in ["", "   \n\n ", "... !!! ???", "***\n---\n"] {
            assert_eq!(split(text), Vec::<&str>::new(), "input: {text:?}");
        }
    }
}

#[cfg(test)]
mod fast_path_tests {
    //! Each fast path against the plain code it stands for.

    use proptest::prelude::*;

    use super::*;

    /// Text mixing ASCII words, sentence marks, capitals, Unicode white
    /// space and letters, and characters whose bytes look like ASCII ones to
    /// a careless byte test.
    const TEXT: &str = "[ a-eA-ET.,;!?'()\t\n\u{a0}\u{2003}\u{200b}éÉΩ…。’“😀]{0,80}";

    /// Words for sentences with caption seams: stop words and names in
    /// both cases, words with final punctuation; the ASCII ones first.
    const WORDS: &[&str] = &[
        "The",
        "the",
        "It",
        "it",
        "I",
        "May",
        "And",
        "and",
        "Don't",
        "don't",
        "In",
        "in",
        "A",
        "a",
        "Smith",
        "smith",
        "London",
        "said",
        "(pictured)",
        "Monday",
        "now,",
        "end.",
        "them",
        "9",
        "Élan",
        "été",
        "Über",
        "’s",
        "It’s",
        "Zoë",
    ];
    const ASCII_WORDS: usize = 24;
    const SEPARATORS: &[&str] = &[" ", " ", " ", "  ", "\n", "\t", "\u{a0}", "\u{200b}"];
    const ASCII_SEPARATORS: usize = 6;

    /// A sentence of up to 30 words, only ASCII ones or any.
    fn sentence(ascii: bool) -> impl Strategy<Value = String> {
        let (words, separators) = if ascii {
            (ASCII_WORDS, ASCII_SEPARATORS)
        } else {
            (WORDS.len(), SEPARATORS.len())
        };
        prop::collection::vec((0..words, 0..separators), 0..30).prop_map(|words| {
            words
                .into_iter()
                .map(|(w, s)| format!("{}{}", SEPARATORS[s], WORDS[w]))
                .collect()
        })
    }

    proptest! {
        /// `lines` finds its line ends as `split_inclusive('\n')` does.
        #[test]
        fn lines_split_as_split_inclusive(text in "[a \r\n\t\u{a0}é]{0,40}") {
            let mut expected = Vec::new();
            let (mut offset, mut opens_block) = (0, true);
            for raw in text.split_inclusive('\n') {
                let content = raw.trim_end_matches(['\n', '\r']);
                if content.chars().all(is_space) {
                    opens_block = true;
                } else {
                    expected.push((offset, offset + content.len(), opens_block));
                    opens_block = false;
                }
                offset += raw.len();
            }
            let got: Vec<_> = lines(&text)
                .iter()
                .map(|line| (line.start, line.end, line.opens_block))
                .collect();
            prop_assert_eq!(got, expected);
        }

        #[test]
        fn next_terminator_finds_the_first_mark(text in TEXT) {
            for language in [Language::English, Language::Greek] {
                let segmenter = Segmenter::new(language);
                for (from, _) in text.char_indices() {
                    let expected = text[from..]
                        .char_indices()
                        .find(|&(_, c)| segmenter.is_terminator(c))
                        .map(|(i, c)| (from + i, c));
                    prop_assert_eq!(segmenter.next_terminator(&text, from, false), expected);
                }
            }
        }

        #[test]
        fn the_ascii_mark_search_finds_the_first_mark(text in "[ a-eA-E.,;!?'()\t\n]{0,80}") {
            for language in [Language::English, Language::Greek] {
                let segmenter = Segmenter::new(language);
                for from in 0..=text.len() {
                    let ascii = !segmenter.rules.semicolon_question;
                    prop_assert_eq!(
                        segmenter.next_terminator(&text, from, ascii),
                        segmenter.next_terminator(&text, from, false)
                    );
                }
            }
        }

        #[test]
        fn the_seam_scan_agrees_with_the_word_walk(
            text in prop_oneof![sentence(true), sentence(false)]
        ) {
            let segmenter = Segmenter::new(Language::English);
            let (seams, _) = segmenter.caption_seams(&text);
            prop_assert_eq!(segmenter.has_caption_seam(&text), !seams.is_empty());
        }

        #[test]
        fn the_seam_scan_agrees_with_the_word_walk_on_any_text(text in TEXT) {
            let segmenter = Segmenter::new(Language::English);
            let (seams, _) = segmenter.caption_seams(&text);
            prop_assert_eq!(segmenter.has_caption_seam(&text), !seams.is_empty());
        }

        #[test]
        fn lowercase_equals_str_to_lowercase(word in "[a-zA-Z'.]{0,30}|[a-zA-ZéÉΣİ]{0,12}") {
            let mut buffer = [0; LOWERCASE_BUFFER];
            let expected = word.to_lowercase();
            prop_assert_eq!(&*lowercase(&word, &mut buffer), expected.as_bytes());
        }

        #[test]
        fn last_word_starts_after_the_last_space(text in TEXT) {
            let start = text.rfind(is_space).map_or(0, |i| {
                i + text[i..].chars().next().map_or(1, char::len_utf8)
            });
            prop_assert_eq!(last_word(&text), text[start..].trim_start_matches(OPENERS));
        }
    }
}
