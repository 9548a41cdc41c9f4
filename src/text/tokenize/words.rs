//! The word scanner: a text's UAX #29 words, as unicode-segmentation's
//! `unicode_words` finds them, with a byte-by-byte path for ASCII
//! stretches (see [`words`]).

use std::ops::Range;

use unicode_segmentation::{UnicodeSegmentation, UnicodeWordIndices};

use crate::text::scan::{find_byte, is_ascii_space, swar};

/// The words of `text`: its UAX #29 word segments that hold a letter or a
/// digit, exactly those of unicode-segmentation's `unicode_words`.
///
/// ASCII stretches (which may also hold the typographic characters of
/// `is_typographic`: curly quotes, dashes, ...) are scanned byte by byte,
/// with the rules UAX #29 gives for them (the ones unicode-segmentation's
/// own ASCII path applies to all-ASCII strings); stretches with other
/// characters are handed to `unicode_words`. A stretch ends where ASCII white space meets an ASCII
/// character that is not: no UAX #29 rule joins across such a point or
/// looks past it, so the words on each side do not depend on the other side.
/// News text is mostly ASCII, and the byte path is about 5x faster.
pub fn words(text: &str) -> Words<'_> {
    Words {
        text,
        pos: 0,
        ascii_end: 0,
        unicode: None,
    }
}

/// Iterator over the words of a text, see [`words`].
#[derive(Debug)]
pub struct Words<'t> {
    text: &'t str,
    /// Where scanning goes on.
    pos: usize,
    /// End of the byte-scanned stretch (ASCII and typographic characters)
    /// being scanned from `pos`.
    ascii_end: usize,
    /// Words of a stretch with non-ASCII characters, which ends at `pos`,
    /// and where the stretch starts.
    unicode: Option<(usize, UnicodeWordIndices<'t>)>,
}

impl<'t> Iterator for Words<'t> {
    type Item = &'t str;

    fn next(&mut self) -> Option<&'t str> {
        self.next_span().map(|span| &self.text[span])
    }

    /// All the words in one loop, for `for_each` and `count`: the scan's
    /// state stays in registers rather than going through `self` and a call
    /// for each word.
    fn fold<B, F>(self, init: B, mut f: F) -> B
    where
        F: FnMut(B, &'t str) -> B,
    {
        let text = self.text;
        self.fold_spans(init, |acc, span| f(acc, &text[span]))
    }
}

impl<'t> Words<'t> {
    /// [`fold`](Iterator::fold) with the byte range of each word in the text
    /// rather than the word. A caller that reads the bytes only (as
    /// [`Lexicon`] does for a spelling it knows) is spared slicing the
    /// `str`, whose checks that both ends fall on character boundaries were
    /// ~10 instructions a word.
    #[inline]
    pub(super) fn fold_spans<B>(mut self, init: B, mut f: impl FnMut(B, Range<usize>) -> B) -> B {
        let mut acc = init;
        while let Some(span) = self.next_span() {
            acc = f(acc, span);
        }
        acc
    }

    /// The byte range of the next word.
    #[inline(always)]
    fn next_span(&mut self) -> Option<Range<usize>> {
        loop {
            if let Some((stretch, unicode)) = &mut self.unicode {
                if let Some((at, word)) = unicode.next() {
                    return Some(*stretch + at..*stretch + at + word.len());
                }
                self.unicode = None;
            }
            if let Some(span) = self.next_ascii() {
                return Some(span);
            }
            if self.pos >= self.text.len() {
                return None;
            }
            self.plan_stretch();
        }
    }

    /// The byte range of the next word of the ASCII stretch `pos..ascii_end`.
    #[inline(always)]
    fn next_ascii(&mut self) -> Option<Range<usize>> {
        let bytes = &self.text.as_bytes()[..self.ascii_end];
        let mut i = self.pos;
        loop {
            // The first byte comes with its place: most words start with a
            // letter or digit, and are known to be words from it without
            // reading it again.
            let Some((skip, &first)) = bytes[i..].iter().enumerate().find(|(_, &b)| is_core(b))
            else {
                self.pos = bytes.len();
                return None;
            };
            let start = i + skip;
            i = word_end(bytes, start);
            // A word of `_` alone is no word. Only letters and digits join
            // (see [`is_infix`]), so the other bytes need no look.
            if is_alphanumeric(first) || bytes[start..i].iter().any(|&b| is_alphanumeric(b)) {
                // The byte that ended the word is no word byte: the next
                // word is looked for after it (1.1M Ir over 300 articles).
                self.pos = (i + 1).min(bytes.len());
                return Some(start..i);
            }
        }
    }

    /// Sets up the stretch that starts at `pos`: byte-scanned up to the last
    /// safe point before the next character the byte scanner does not know
    /// (see [`Words::next_hard_char`]), or, when that is `pos` itself, a
    /// stretch for `unicode_words` up to the next safe point after it.
    fn plan_stretch(&mut self) {
        let bytes = self.text.as_bytes();
        let pos = self.pos;
        let Some(non_ascii) = self.next_hard_char(pos) else {
            self.ascii_end = bytes.len();
            return;
        };
        // Safe points: after white space, before an ASCII character that is
        // not (the start of the chunk holding the non-ASCII character), or
        // failing that, after an ASCII character that is not white space,
        // before white space (the start of the white space before it).
        let chunk = bytes[pos..non_ascii]
            .iter()
            .rposition(|&b| is_ascii_space(b))
            .map_or(pos, |i| pos + i + 1);
        let split = if chunk < non_ascii {
            chunk
        } else {
            bytes[pos..non_ascii]
                .iter()
                .rposition(|&b| !is_ascii_space(b))
                .map_or(pos, |i| pos + i + 1)
        };
        if split > pos {
            self.ascii_end = split;
            return;
        }
        let mut end = non_ascii;
        loop {
            // Skip the chunk, then the white space after it.
            end += bytes[end..]
                .iter()
                .position(|&b| is_ascii_space(b))
                .unwrap_or(bytes.len() - end);
            end += bytes[end..]
                .iter()
                .position(|&b| !is_ascii_space(b))
                .unwrap_or(bytes.len() - end);
            if end == bytes.len() || bytes[end].is_ascii() {
                break;
            }
        }
        self.unicode = Some((pos, self.text[pos..end].unicode_word_indices()));
        self.pos = end;
        self.ascii_end = end;
    }
}

impl Words<'_> {
    /// The first character at or after `from` that the byte scanner does not
    /// know: not ASCII, nor one of the [`is_typographic`] ones.
    fn next_hard_char(&self, from: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let mut at = from;
        loop {
            // Eight bytes at a time: this scan runs over every byte of
            // every text that is all ASCII (as a byte loop, 5.5M of the
            // scanner's 43M instructions over 300 articles).
            at = find_byte(bytes, at, swar::non_ascii, |b| !b.is_ascii())?;
            match self.text.get(at..).and_then(|rest| rest.chars().next()) {
                Some(c) if is_typographic(c) => at += c.len_utf8(),
                _ => return Some(at),
            }
        }
    }
}

/// Punctuation of news text that the byte scanner handles itself, so that a
/// curly quote or a dash does not send its stretch of text to
/// `unicode_words`. In UAX #29 the quotation marks, dashes, ellipsis,
/// currency signs, degree sign and no-break space are Other: they end a
/// word and belong to none. The single curly quotes are MidNumLet, like the
/// full stop: they join two letters or two digits ("don’t").
fn is_typographic(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '‘' | '’' | '—' | '–' | '…' | '£' | '€' | '°' | '\u{a0}'
    )
}

/// Where the word that starts at `start` (a [`CORE`] byte) ends: runs of
/// `CORE` bytes, joined by the characters of [`joiner_width`]. The runs are
/// scanned on their own, as most words are one run.
#[inline(always)]
fn word_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    loop {
        i += core_run(&bytes[i..]);
        if i == bytes.len() {
            return i;
        }
        match joiner_width(bytes, i) {
            0 => return i,
            width => i += width,
        }
    }
}

/// The length of the run of [`CORE`] bytes at the start of `bytes`.
/// Four bytes a step, which spares three of every four tests for the end
/// of the slice: 1.7M fewer instructions over 300 articles than a byte
/// loop. (Eight bytes at once with `swar`, as `find_byte` does, cost more
/// than they save on words of five or six letters.)
#[inline(always)]
fn core_run(bytes: &[u8]) -> usize {
    let mut run = 0;
    let mut quads = bytes.chunks_exact(4);
    for quad in &mut quads {
        for (k, &b) in quad.iter().enumerate() {
            if !is_core(b) {
                return run + k;
            }
        }
        run += 4;
    }
    run + quads
        .remainder()
        .iter()
        .position(|&b| !is_core(b))
        .unwrap_or(quads.remainder().len())
}

/// Whether `byte` is a [`CORE`] byte.
fn is_core(byte: u8) -> bool {
    CLASS[byte as usize] & CORE != 0
}

/// Whether `byte` is an [`ALPHANUMERIC`] byte.
fn is_alphanumeric(byte: u8) -> bool {
    CLASS[byte as usize] & ALPHANUMERIC != 0
}

/// The length in bytes of the character at `i` when it joins the word
/// characters on each side of it into one word ("3.14", "don't", "don’t"),
/// 0 when it ends the word.
fn joiner_width(bytes: &[u8], i: usize) -> usize {
    let b = bytes[i];
    let class = CLASS[b as usize];
    if class & (JOINS | CURLY_LEAD) == 0 {
        // Most words end so, at a space: one test rather than two.
        0
    } else if class & JOINS != 0 && i + 1 < bytes.len() && is_infix(b, bytes[i - 1], bytes[i + 1]) {
        1
    } else if b == 0xe2
        && is_curly_apostrophe(&bytes[i..])
        && i + 3 < bytes.len()
        && is_infix(b'.', bytes[i - 1], bytes[i + 3])
    {
        // A curly apostrophe joins as a full stop does.
        3
    } else {
        0
    }
}

/// Whether `bytes` starts with ‘ or ’ (E2 80 98 or E2 80 99).
fn is_curly_apostrophe(bytes: &[u8]) -> bool {
    matches!(bytes, [0xe2, 0x80, 0x98 | 0x99, ..])
}

/// What a byte is to the ASCII scanner, as bits: `CORE` for ASCII bytes
/// that make up words (ALetter, Numeric and ExtendNumLet, `_`),
/// `ALPHANUMERIC` for those but `_`, `JOINS` for those that can join two
/// of them (see [`is_infix`]), `CURLY_LEAD` for the first byte of the curly
/// apostrophes, which may join too. A table lookup is a third faster than
/// the comparisons.
const CLASS: [u8; 256] = {
    let mut class = [0; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            class[b] = CORE | ALPHANUMERIC;
        } else if c == b'_' {
            class[b] = CORE;
        } else if matches!(c, b'.' | b',' | b';' | b'\'' | b':') {
            class[b] = JOINS;
        }
        b += 1;
    }
    class[0xe2] = CURLY_LEAD;
    class
};
const CORE: u8 = 1;
const ALPHANUMERIC: u8 = 2;
const JOINS: u8 = 4;
const CURLY_LEAD: u8 = 8;

/// Whether `b` joins `prev` and `next` into one word: "3.14", "1,000",
/// "e.g", "don't", "http:" (WB6, WB7, WB11, WB12).
fn is_infix(b: u8, prev: u8, next: u8) -> bool {
    match b {
        b'.' | b',' | b';' | b'\'' if prev.is_ascii_digit() && next.is_ascii_digit() => true,
        b'\'' | b'.' | b':' if prev.is_ascii_alphabetic() && next.is_ascii_alphabetic() => true,
        _ => false,
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn words_are_those_of_uax29() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            (
                "U.S. talks, e.g. 3.14 or 1,000.",
                &["U.S", "talks", "e.g", "3.14", "or", "1,000"],
            ),
            (
                "don't __init__ _ a_b http://x",
                &["don't", "__init__", "a_b", "http", "x"],
            ),
            (
                "Russia’s £5bn café — naïve",
                &["Russia’s", "5bn", "café", "naïve"],
            ),
            (
                "tab\there\r\nnext\x0bline",
                &["tab", "here", "next", "line"],
            ),
            ("会议今天开始", &["会", "议", "今", "天", "开", "始"]),
            ("a \u{301}b \u{93e}", &["a", "b", " \u{93e}"]),
        ];
        for (text, want) in cases {
            let got: Vec<&str> = words(text).collect();
            assert_eq!(got, *want, "input: {text:?}");
            let plain: Vec<&str> = text.unicode_words().collect();
            assert_eq!(got, plain, "input: {text:?}");
        }
    }

    /// Text from ASCII letters, digits, the punctuation UAX #29 treats
    /// specially, white space of every kind, and non-ASCII characters of
    /// each word-break class that could join across a stretch boundary.
    pub(in crate::text::tokenize) fn mixed_text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a", "Z", "q", "7", "0", ".", ",", ";", ":", "'", "\"", "_", "-", "(", " ", "  ", "\t",
            "\n", "\r", "\r\n", "\x0b", "\x0c", "é", "’", "‘", "—", "£", "\u{301}", "\u{93e}",
            "\u{200d}", "\u{200b}", "\u{feff}", "\u{3000}", "\u{2003}", "\u{a0}", "中", "カ", "ש",
            "٣", "🇫", "👍", "Word", "don't", "3.5", "e.g.", "“", "”", "–", "…", "€", "°", "don’t",
            "3’5", "a‘b", "__", "x_", "_9", "it’s", "a_b.c",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        /// What `for_each_document_term`'s shortcut takes for granted.
        #[test]
        fn an_ascii_alphanumeric_run_is_one_word(run in "[A-Za-z0-9]{1,40}") {
            let plain: Vec<&str> = run.unicode_words().collect();
            prop_assert_eq!(plain, vec![run.as_str()]);
        }

        #[test]
        fn fast_words_equal_unicode_words(text in mixed_text()) {
            let fast: Vec<&str> = words(&text).collect();
            let plain: Vec<&str> = text.unicode_words().collect();
            // `for_each` and `count` go through `Words::fold`, not `next`.
            let mut folded = Vec::new();
            words(&text).for_each(|word| folded.push(word));
            prop_assert_eq!(words(&text).count(), plain.len());
            prop_assert_eq!(&fast, &plain);
            prop_assert_eq!(folded, plain);
        }
    }

    #[test]
    fn corpus_words_equal_unicode_words() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        for entry in std::fs::read_dir(&dir).expect("corpus/ is readable") {
            let path = entry.expect("corpus entry").path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("corpus file is UTF-8");
            let fast: Vec<&str> = words(&text).collect();
            let plain: Vec<&str> = text.unicode_words().collect();
            assert_eq!(fast, plain, "{}", path.display());
            let mut folded = Vec::new();
            words(&text).for_each(|word| folded.push(word));
            assert_eq!(folded, plain, "{}", path.display());
        }
    }
}
