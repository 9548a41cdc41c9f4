//! Fast scans over text: white space, words between it, and bytes found
//! eight at a time. Segmentation and the headline read every byte of every
//! text through these, so each has a path for ASCII that does not decode
//! characters, and a test that it agrees with the plain code.

/// White space, including the byte-order mark and zero-width characters that
/// editors leave at the start of files and lines.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}'
        )
}

/// The span of `text` without the characters `space` matches at its ends,
/// for a `space` that matches no ASCII character but white space
/// (`is_space`, `char::is_whitespace`). Nearly every sentence trimmed has
/// none, and its end bytes say so without decoding a character (trimming
/// cost 150 instructions a sentence even then).
#[inline]
pub(crate) fn trimmed_span(text: &str, space: fn(char) -> bool) -> std::ops::Range<usize> {
    let clean = |byte: Option<&u8>| byte.is_none_or(|&b| b.is_ascii() && !is_ascii_space(b));
    let bytes = text.as_bytes();
    if clean(bytes.first()) && clean(bytes.last()) {
        return 0..text.len();
    }
    let start = text.len() - text.trim_start_matches(space).len();
    let end = text.trim_end_matches(space).len();
    start..end.max(start)
}

/// Each white-space separated word of `text` with its byte offset.
pub(crate) fn word_spans(text: &str) -> WordSpans<'_> {
    WordSpans { text, at: 0 }
}

/// The iterator of [`word_spans`]. It runs over most of the text's bytes,
/// so ASCII bytes are tested without decoding a character.
#[derive(Debug, Clone)]
pub(crate) struct WordSpans<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> WordSpans<'t> {
    /// The character at byte `at`, which is on a character boundary.
    fn char_at(&self, at: usize) -> Option<char> {
        self.text.get(at..).and_then(|rest| rest.chars().next())
    }
}

/// The ASCII white space of `char::is_whitespace` (U+000B included), which
/// is also UAX #29's: space, tab, and the line breaks CR, LF, VT and FF.
pub(crate) fn is_ascii_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t'..=b'\r')
}

impl<'t> Iterator for WordSpans<'t> {
    type Item = (usize, &'t str);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.text.as_bytes();
        loop {
            let &byte = bytes.get(self.at)?;
            if byte.is_ascii() {
                if !is_ascii_space(byte) {
                    break;
                }
                self.at += 1;
            } else {
                match self.char_at(self.at) {
                    Some(c) if is_space(c) => self.at += c.len_utf8(),
                    _ => break,
                }
            }
        }
        let start = self.at;
        loop {
            // A run of ASCII word bytes in one tight scan, then whatever
            // stopped it: white space, the end, or a character to decode.
            let rest = &bytes[self.at..];
            self.at += rest
                .iter()
                .position(|&b| !b.is_ascii() || is_ascii_space(b))
                .unwrap_or(rest.len());
            match bytes.get(self.at) {
                Some(byte) if !byte.is_ascii() => match self.char_at(self.at) {
                    Some(c) if !is_space(c) => self.at += c.len_utf8(),
                    _ => break,
                },
                _ => break,
            }
        }
        Some((start, &self.text[start..self.at]))
    }
}

/// The offset of the first byte of `bytes` at or after `from` for which
/// `hit` holds, where `flags` is the same test on 8 bytes at once (see
/// [`swar`]).
///
/// The scans for sentence marks and capitals run over every byte of the
/// text, and most bytes are no hit: testing a word of 8 bytes at a time is
/// several times faster than a byte loop.
#[inline(always)]
pub(crate) fn find_byte(
    bytes: &[u8],
    from: usize,
    flags: impl Fn(u64) -> u64,
    hit: impl Fn(u8) -> bool,
) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let mut chunks = rest.chunks_exact(8);
    let mut at = from;
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let found = flags(u64::from_le_bytes(word));
        if found != 0 {
            return Some(at + found.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    let tail = chunks.remainder();
    tail.iter().position(|&b| hit(b)).map(|i| at + i)
}

/// Byte tests on the 8 bytes of a little-endian `u64` at once: each sets the
/// high bit of the bytes that pass, so that the lowest set bit is the first
/// one. Each has a byte test beside it, for the tail of a text and for the
/// tests that the two agree.
pub(crate) mod swar {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;

    /// Bytes equal to `byte`. A byte above an equal one may be flagged too
    /// (the subtraction borrows), which leaves the lowest flag right.
    #[inline(always)]
    pub fn equal(word: u64, byte: u8) -> u64 {
        let x = word ^ (ONES * u64::from(byte));
        x.wrapping_sub(ONES) & !x & HIGH
    }

    /// Bytes of 0x80 and above: the bytes of non-ASCII characters.
    #[inline(always)]
    pub fn non_ascii(word: u64) -> u64 {
        word & HIGH
    }

    /// Bytes of 0xC0 and above: the first bytes of non-ASCII characters.
    #[inline(always)]
    pub fn lead(word: u64) -> u64 {
        word & (word << 1) & HIGH
    }

    /// ASCII capitals. The additions cannot carry from one byte into the
    /// next, as the high bits are cleared first.
    #[inline(always)]
    pub fn ascii_uppercase(word: u64) -> u64 {
        let low = word & !HIGH;
        let at_least_a = low + ONES * u64::from(0x80 - b'A');
        let above_z = low + ONES * u64::from(0x7f - b'Z');
        at_least_a & !above_z & !word & HIGH
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{find_byte, is_space, swar, trimmed_span, word_spans};

    /// The byte tests of `find_byte`'s callers, as (8-byte test, byte test).
    type Tests = (fn(u64) -> u64, fn(u8) -> bool);
    const BYTE_TESTS: &[Tests] = &[
        (|w| swar::equal(w, b'.'), |b| b == b'.'),
        (|w| swar::equal(w, b';'), |b| b == b';'),
        (swar::non_ascii, |b| !b.is_ascii()),
        (swar::lead, |b| b >= 0xc0),
        (swar::ascii_uppercase, |b| b.is_ascii_uppercase()),
    ];

    #[test]
    fn word_tests_flag_the_first_byte_of_every_value_at_every_place() {
        for &(flags, hit) in BYTE_TESTS {
            for filler in [0x00, b' ', b'a', b'Z', 0x7f, 0x80, 0xbf, 0xff] {
                for place in 0..8 {
                    for value in 0..=255u8 {
                        let mut bytes = [filler; 8];
                        bytes[place] = value;
                        let expected = bytes.iter().position(|&b| hit(b));
                        let found = flags(u64::from_le_bytes(bytes));
                        let got = (found != 0).then(|| found.trailing_zeros() as usize / 8);
                        assert_eq!(got, expected, "{bytes:?}");
                    }
                }
            }
        }
    }

    proptest! {
        #[test]
        fn find_byte_finds_the_first_hit(
            bytes in prop::collection::vec(any::<u8>(), 0..40),
            from in 0..45usize,
            test in 0..BYTE_TESTS.len(),
        ) {
            let (flags, hit) = BYTE_TESTS[test];
            let expected = bytes
                .get(from..)
                .and_then(|rest| rest.iter().position(|&b| hit(b)))
                .map(|i| from + i);
            prop_assert_eq!(find_byte(&bytes, from, flags, hit), expected);
        }


        /// The span is what `trim_matches` leaves, for both kinds of space.
        #[test]
        fn trimmed_span_equals_trim_matches(
            text in "[ a-z.\t\n\u{0b}\u{a0}\u{2003}\u{200b}\u{feff}é]{0,12}"
        ) {
            for space in [is_space as fn(char) -> bool, char::is_whitespace] {
                let trimmed = text.trim_matches(space);
                let start = text.len() - text.trim_start_matches(space).len();
                prop_assert_eq!(&text[trimmed_span(&text, space)], trimmed);
                prop_assert_eq!(trimmed_span(&text, space).start, start);
            }
        }

        /// The fast path splits where `str::split(is_space)` does, with
        /// the same offsets, on text mixing ASCII, Unicode white space,
        /// zero-width characters and other scripts.
        #[test]
        fn word_spans_equal_a_split_on_is_space(
            text in "[ a-zA-Z.,\t\n\u{0b}\u{a0}\u{2003}\u{200b}\u{feff}éΩ中😀]{0,60}"
        ) {
            let expected: Vec<(usize, &str)> = text
                .split(is_space)
                .filter(|w| !w.is_empty())
                .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
                .collect();
            let got: Vec<(usize, &str)> = word_spans(&text).collect();
            prop_assert_eq!(got, expected);
        }
    }
}
