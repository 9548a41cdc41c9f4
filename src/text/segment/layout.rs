//! The layout of a text before its sentences: lines, blocks set apart by
//! blank lines, paragraphs (hard-wrapped lines joined), a standalone first
//! line taken for a title, and the markers of Markdown headings and list
//! items.

use super::{CLOSERS, LANGUAGE_CLOSERS, TERMINATORS, UNIT_BYTES};
use crate::text::scan::is_space;

/// A first line ending in "?" or "!" with at most this many words, set
/// apart by a blank line, is a title (BBC titles average 5.3 words).
const STANDALONE_TITLE_MAX_WORDS: usize = 12;

/// Lines shorter than this are never taken for hard-wrapped text: editors and
/// mailers wrap at 60-80 columns, titles and labels are shorter.
const WRAP_MIN_CHARS: usize = 40;

/// In a hard-wrapped block a line shorter than this share of the block's
/// longest line ends a paragraph (or is a title) rather than wrapping.
const WRAP_MIN_SHARE: f64 = 0.6;

/// Whether `line` ends with sentence punctuation, ignoring closing quotes and
/// brackets. A colon or semicolon counts: such a line introduces what follows.
pub(super) fn ends_with_terminal(line: &str) -> bool {
    line.trim_end_matches(is_space)
        .trim_end_matches(|c| CLOSERS.contains(&c) || LANGUAGE_CLOSERS.contains(&c))
        .chars()
        .next_back()
        .is_some_and(|c| TERMINATORS.contains(&c) || matches!(c, ':' | ';' | '：' | '；'))
}

/// The length of a Markdown ATX heading marker ("## "), if the line has one.
pub(super) fn markdown_heading_marker(line: &str) -> Option<usize> {
    let hashes = line.len() - line.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with([' ', '\t']) {
        Some(hashes + 1)
    } else {
        None
    }
}

/// The length of a list marker ("- ", "* ", "• ", "12. ", "3) ", "1.) "), if
/// the line starts with one.
pub(super) fn list_marker(line: &str) -> Option<usize> {
    let mut chars = line.char_indices();
    let (_, first) = chars.next()?;
    let after_marker = if matches!(first, '-' | '*' | '•' | '–' | '·' | '▪' | '◦' | '+') {
        first.len_utf8()
    } else {
        let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 || digits > 3 {
            return None;
        }
        if line[digits..].starts_with(".)") {
            digits + 2
        } else if line[digits..].starts_with(['.', ')']) {
            digits + 1
        } else {
            return None;
        }
    };
    let rest = &line[after_marker..];
    let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    if spaces == 0 || rest[spaces..].is_empty() {
        return None;
    }
    Some(after_marker + spaces)
}

/// A physical line: byte range of its content without the line ending.
#[derive(Debug, Clone, Copy)]
pub(super) struct Line {
    pub(super) start: usize,
    pub(super) end: usize,
    /// Whether a blank line (or the start of the text) comes before it.
    pub(super) opens_block: bool,
}

/// The non-blank lines of `text`. Runs of them separated by blank lines,
/// each starting with a line that `opens_block`, are its blocks.
pub(super) fn lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::with_capacity(text.len() / UNIT_BYTES + 1);
    let mut opens_block = true;
    // The line ends as `split_inclusive('\n')` finds them, with the memchr
    // crate's vector search: `str`'s own search for a character, once a
    // line, took 0.8% of lede's instructions on news.
    let mut newlines = memchr::memchr_iter(b'\n', text.as_bytes());
    let mut offset = 0;
    while offset < text.len() {
        let next = newlines.next().map_or(text.len(), |at| at + 1);
        let raw = &text[offset..next];
        let content = raw.trim_end_matches(['\n', '\r']);
        let line = Line {
            start: offset,
            end: offset + content.len(),
            opens_block,
        };
        offset = next;
        if content.chars().all(is_space) {
            opens_block = true;
        } else {
            lines.push(line);
            opens_block = false;
        }
    }
    lines
}

/// A paragraph of a block: the byte range of one or more whole lines.
#[derive(Debug, Clone, Copy)]
pub(super) struct Paragraph {
    pub(super) start: usize,
    pub(super) end: usize,
    /// Whether it is a single line (otherwise it holds line breaks).
    pub(super) one_line: bool,
}

/// The paragraphs of a block, into `paragraphs` (cleared first). Every line
/// break is a paragraph break unless the block is hard-wrapped prose.
pub(super) fn paragraphs_of_block(text: &str, block: &[Line], paragraphs: &mut Vec<Paragraph>) {
    paragraphs.clear();
    if let [line] = block {
        // Most blocks of news text: a paragraph set apart by blank lines.
        paragraphs.push(Paragraph {
            start: line.start,
            end: line.end,
            one_line: true,
        });
        return;
    }
    let line_text = |line: &Line| text[line.start..line.end].trim_matches(is_space);
    let inner = &block[..block.len() - 1];
    let open_lines = inner
        .iter()
        .filter(|line| !ends_with_terminal(line_text(line)))
        .count();
    let wrapped = !inner.is_empty() && open_lines * 2 >= inner.len();
    // The longest line matters only in a wrapped block.
    let longest = if wrapped {
        block
            .iter()
            .map(|line| line_text(line).chars().count())
            .max()
            .unwrap_or(0)
    } else {
        0
    };

    let mut start = 0;
    for (i, line) in inner.iter().enumerate() {
        let this = line_text(line);
        let next = line_text(&block[i + 1]);
        let soft = wrapped && {
            let chars = this.chars().count();
            chars >= WRAP_MIN_CHARS
                && chars as f64 >= WRAP_MIN_SHARE * longest as f64
                && markdown_heading_marker(this).is_none()
                && markdown_heading_marker(next).is_none()
                && list_marker(next).is_none()
                && (!looks_like_title(this) || ends_with_terminal(this))
        };
        if !soft {
            paragraphs.push(Paragraph {
                start: block[start].start,
                end: line.end,
                one_line: start == i,
            });
            start = i + 1;
        }
    }
    paragraphs.push(Paragraph {
        start: block[start].start,
        end: block[block.len() - 1].end,
        one_line: start == block.len() - 1,
    });
}

/// The first line of a text, alone in its block, that ends with "?", "!" or
/// an ellipsis and is short: a title such as "Who do you think you are?" or
/// "Rivals of the £400 Apple...". (A first line ending in a full stop is a
/// lead sentence.)
pub(super) fn standalone_title(text: &str, block: &[Line]) -> Option<Line> {
    let [line] = block else {
        return None;
    };
    let content = text[line.start..line.end].trim_matches(is_space);
    let ends_like_title = content
        .trim_end_matches(CLOSERS)
        .ends_with(['?', '!', '…', '？', '！', '؟', '\u{37e}'])
        || content.ends_with("...");
    // Counted only for a line that ends like one: the first line is often
    // a whole paragraph.
    let short = || {
        content
            .split_whitespace()
            .nth(STANDALONE_TITLE_MAX_WORDS)
            .is_none()
    };
    (ends_like_title && short() && markdown_heading_marker(content).is_none()).then_some(*line)
}

/// Title Case: most longer words start with a capital. Wrapped prose lines
/// rarely do, so such a line ends its paragraph even in a wrapped block.
pub(crate) fn looks_like_title(line: &str) -> bool {
    let long_words: Vec<&str> = line
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 4)
        .collect();
    let capitalized = long_words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    !long_words.is_empty() && capitalized * 10 >= long_words.len() * 8
}
