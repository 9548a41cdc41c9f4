//! Reading for batch mode: input lines, each held only up to a limit,
//! gathered into windows for the workers.

use std::io::{self, BufRead, BufReader, Read};
use std::mem;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender};

use super::WINDOW_RECORDS;

/// Size of the read buffer: a few hundred records per read from a file
/// (reads from a pipe return at most 64 KiB anyway). It is also the first
/// window's size, as the workers wait for it.
const READ_BUFFER_BYTES: usize = 1 << 20;

/// One line of input, numbered from 1 (blank lines count).
#[derive(Debug)]
pub(super) struct Line {
    pub(super) number: u64,
    pub(super) content: LineContent,
}

#[derive(Debug)]
pub(super) enum LineContent {
    /// The line without its line break: where it is in its window's `text`.
    Record(Range<usize>),
    /// Over the limit: skipped, not held.
    TooLong,
}

/// Lines read together, processed in parallel, written in order.
///
/// A window's lines are held in one buffer, and a window that has been
/// written is sent back to the reader to be filled again: a buffer of its
/// own for each line took new memory from the system all the time, which
/// the kernel zeroes page by page (3% of lede's time on 4 KB records).
#[derive(Debug, Default)]
pub(super) struct Window {
    pub(super) lines: Vec<Line>,
    /// The records' bytes, one after another.
    text: Vec<u8>,
    /// Input bytes these lines took, blank lines included.
    pub(super) bytes: u64,
}

/// How big the reader lets a window and its lines grow.
#[derive(Debug, Clone, Copy)]
pub(super) struct WindowLimits {
    /// A window ends after the line that reaches this many bytes.
    pub(super) bytes: u64,
    /// A longer line is skipped and becomes [`LineContent::TooLong`].
    pub(super) line_bytes: usize,
}

impl Window {
    /// The bytes of a record line of this window.
    pub(super) fn record(&self, span: &Range<usize>) -> &[u8] {
        &self.text[span.clone()]
    }

    /// The window emptied for reuse, or `None` when its buffer has grown
    /// past twice `limits.bytes` (by a line of up to `--max-bytes`) and is
    /// not worth keeping.
    fn emptied(mut self, limits: WindowLimits) -> Option<Window> {
        if self.text.capacity() as u64 > limits.bytes.saturating_mul(2) {
            return None;
        }
        self.lines.clear();
        self.text.clear();
        self.bytes = 0;
        Some(self)
    }
}

/// The UTF-8 byte-order mark, which some tools write at the start of a file.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads `input` into windows and sends them until the input ends, reading
/// fails (the error is sent), or the receiver is gone. A window normally
/// fills up to its limits; it goes out early when the consumer is `waiting`
/// and no more input is buffered, so a producer that sends one record and
/// waits for its result gets it.
///
/// Windows the consumer is done with come back through `emptied`.
pub(super) fn read_windows(
    input: impl Read,
    limits: WindowLimits,
    sender: SyncSender<io::Result<Window>>,
    emptied: Receiver<Window>,
    waiting: &AtomicBool,
) {
    let mut reader = BufReader::with_capacity(READ_BUFFER_BYTES, input);
    let next_window = || {
        emptied
            .try_recv()
            .ok()
            .and_then(|window| window.emptied(limits))
            .unwrap_or_default()
    };
    let mut window = next_window();
    let mut number = 0;
    loop {
        let full = window.lines.len() >= WINDOW_RECORDS || window.bytes >= limits.bytes;
        let idle =
            window.bytes > 0 && reader.buffer().is_empty() && waiting.load(Ordering::Relaxed);
        if full || idle {
            // The next window is taken after the send, which returns once
            // the consumer has taken the previous window: by then the one
            // before that has come back to be reused.
            if sender.send(Ok(mem::take(&mut window))).is_err() {
                return;
            }
            window = next_window();
        }
        let start = window.text.len();
        let (read, consumed) = match read_line(&mut reader, &mut window.text, limits.line_bytes) {
            Ok(read) => read,
            Err(error) => {
                window.text.truncate(start);
                if window.bytes > 0 && sender.send(Ok(window)).is_err() {
                    return;
                }
                let _ = sender.send(Err(error));
                return;
            }
        };
        number += 1;
        window.bytes += consumed;
        let content = match read {
            ReadLine::End => break,
            ReadLine::TooLong => {
                // Its error record goes out now, with the lines before it:
                // the rest of the line may never end (`/dev/zero`).
                window.lines.push(Line {
                    number,
                    content: LineContent::TooLong,
                });
                if sender.send(Ok(mem::take(&mut window))).is_err() {
                    return;
                }
                window = next_window();
                match skip_rest_of_line(&mut reader) {
                    Ok(skipped) => window.bytes += skipped,
                    Err(error) => {
                        let _ = sender.send(Err(error));
                        return;
                    }
                }
                continue;
            }
            ReadLine::Line => {
                // A byte-order mark starts the line of a file that was
                // concatenated after another (`cat a.jsonl b.jsonl`).
                if window.text[start..].starts_with(BOM) {
                    window.text.drain(start..start + BOM.len());
                }
                if window.text[start..]
                    .iter()
                    .all(|b| matches!(b, b' ' | b'\t' | b'\r'))
                {
                    window.text.truncate(start);
                    continue;
                }
                LineContent::Record(start..window.text.len())
            }
        };
        window.lines.push(Line { number, content });
    }
    if window.bytes > 0 {
        let _ = sender.send(Ok(window));
    }
}

/// What [`read_line`] found.
#[derive(Debug, PartialEq, Eq)]
enum ReadLine {
    /// A line, added to the buffer without its line break.
    Line,
    /// A line over the limit: the buffer is as it was, and the rest of the
    /// line is still to be read ([`skip_rest_of_line`]).
    TooLong,
    /// The end of the input.
    End,
}

/// Reads one line onto the end of `buf`, holding at most `max` bytes of it,
/// and returns what it found and how many bytes it consumed. At a line over
/// `max` bytes (a `\r` before the `\n` counts) it stops one byte past the
/// limit and leaves `buf` as it was.
///
/// # Errors
/// Any error of `reader`.
fn read_line(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    max: usize,
) -> io::Result<(ReadLine, u64)> {
    let start = buf.len();
    // Most lines lie whole in the reader's buffer: they are copied in one
    // piece, where `read_until` would grow `buf` step by step (a tenth of the
    // reading thread's time on 4 KB records).
    // Anything else, an error included, takes the general path below.
    if let Ok(available) = reader.fill_buf() {
        if let Some(end) = memchr::memchr(b'\n', available).filter(|&end| end <= max) {
            buf.extend_from_slice(&available[..end]);
            reader.consume(end + 1);
            return Ok((ReadLine::Line, end as u64 + 1));
        }
    }
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    let read = reader.by_ref().take(limit).read_until(b'\n', buf)?;
    let consumed = read as u64;
    if read == 0 {
        return Ok((ReadLine::End, 0));
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        return Ok((ReadLine::Line, consumed));
    }
    if buf.len() - start <= max {
        // The last line, without a line break.
        return Ok((ReadLine::Line, consumed));
    }
    buf.truncate(start);
    Ok((ReadLine::TooLong, consumed))
}

/// Reads past the rest of the current line and its line break, holding
/// none of it, and returns how many bytes that was.
///
/// # Errors
/// Any error of `reader`.
fn skip_rest_of_line(reader: &mut impl BufRead) -> io::Result<u64> {
    let mut consumed = 0;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            return Ok(consumed);
        }
        let (used, end) = match memchr::memchr(b'\n', available) {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        reader.consume(used);
        consumed += used as u64;
        if end {
            return Ok(consumed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_read_to_a_limit_and_long_ones_skipped_whole() {
        // Input, limit, and what each read gives: kind, line, bytes consumed.
        type Case<'a> = (&'a [u8], usize, &'a [(ReadLine, &'a [u8], u64)]);
        let cases: &[Case] = &[
            (b"", 10, &[(ReadLine::End, b"", 0)]),
            (
                b"ab\ncd",
                10,
                &[
                    (ReadLine::Line, b"ab", 3),
                    (ReadLine::Line, b"cd", 2),
                    (ReadLine::End, b"", 0),
                ],
            ),
            (b"abcd\n", 4, &[(ReadLine::Line, b"abcd", 5)]),
            (
                b"abcde\nxy\n",
                4,
                &[(ReadLine::TooLong, b"", 6), (ReadLine::Line, b"xy", 3)],
            ),
            (
                b"abcde",
                4,
                &[(ReadLine::TooLong, b"", 5), (ReadLine::End, b"", 0)],
            ),
            (b"a\r\n", 4, &[(ReadLine::Line, b"a\r", 3)]),
        ];
        for &(input, max, want) in cases {
            // A tiny buffer, so that skipping crosses refills.
            let mut reader = BufReader::with_capacity(2, input);
            // Lines are read onto the end of what the buffer holds.
            let mut buf = Vec::new();
            for (i, (kind, content, consumed)) in want.iter().enumerate() {
                buf.clear();
                buf.extend_from_slice(b"held");
                let mut got = read_line(&mut reader, &mut buf, max).expect("reads");
                if got.0 == ReadLine::TooLong {
                    got.1 += skip_rest_of_line(&mut reader).expect("skips");
                }
                assert_eq!(buf.get(..4), Some(&b"held"[..]));
                assert_eq!(
                    (&got.0, &buf[4..], got.1),
                    (kind, *content, *consumed),
                    "input: {input:?}, max {max}, line {i}"
                );
            }
        }
    }
}
