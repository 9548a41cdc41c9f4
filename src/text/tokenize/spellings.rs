//! The spelling table: a spelling's bytes -> its word id, the lookup every
//! word of every text makes (see [`Spellings`]).

use super::{dense_id, FAST_HASH_K};

/// Spelling -> word id: the per-word lookup of every text, so it is built
/// for speed. Spellings are stored as zero-padded 8-byte chunks, one after
/// another, and compared chunk by chunk, without an allocation per spelling
/// or a call to `memcmp` (a `HashMap<Box<str>, u32>` spent about 40% of a
/// lookup there, in a profile of `corpus/`). Open addressing with linear
/// probing, at most half full.
///
/// A slot holds the spelling's first chunk and length beside its word id,
/// so that a spelling of up to 8 bytes (nine words in ten of news text)
/// is found from the slot alone, without reading `starts` and `chunks` at
/// two other places in memory.
#[derive(Default)]
pub(super) struct Spellings {
    /// A power of two of slots.
    slots: Vec<Slot>,
    /// Where each word id's chunks start in `chunks`.
    starts: Vec<u32>,
    chunks: Vec<u64>,
}

/// One place of [`Spellings::slots`].
#[derive(Default, Clone, Copy)]
struct Slot {
    /// The spelling's first chunk.
    head: u64,
    /// The spelling's length in bytes.
    len: u32,
    /// The word id + 1, 0 when the slot is empty.
    id: u32,
}

/// A spelling's hash, from the chunks it is compared by, and the first
/// [`HEAD_CHUNKS`] of those chunks: made once per lookup, so that comparing
/// a spelling of up to 16 bytes with a stored one does not split it into
/// chunks again (a longer one is, from its first chunk).
#[derive(Clone, Copy)]
pub(super) struct SpellingKey {
    hash: u64,
    head: [u64; HEAD_CHUNKS],
}

/// The chunks a key keeps: spellings of up to 16 bytes, nearly every word,
/// are compared from the key alone. Two rather than more keep the key small
/// enough to stay in registers.
const HEAD_CHUNKS: usize = 2;

impl SpellingKey {
    #[inline(always)]
    pub(super) fn of(bytes: &[u8]) -> Self {
        let mut head = [0; HEAD_CHUNKS];
        // Words of up to 16 bytes, nearly all, with straight-line loads
        // rather than the `chunks` iterator: a third fewer instructions per
        // lookup.
        let hash = match bytes.len() {
            1..=8 => {
                head[0] = chunk(bytes);
                spelling_hash(bytes.len(), [head[0]])
            }
            9..=16 => {
                let (first, rest) = bytes.split_at(8);
                head[0] = chunk(first);
                head[1] = chunk(rest);
                spelling_hash(bytes.len(), [head[0], head[1]])
            }
            _ => {
                // Rare: "counter-terrorism", URLs.
                for (slot, chunk) in head.iter_mut().zip(chunks(bytes)) {
                    *slot = chunk;
                }
                spelling_hash(bytes.len(), chunks(bytes))
            }
        };
        SpellingKey { hash, head }
    }
}

/// The hash of a spelling of `len` bytes from its chunks: one folded
/// multiply per chunk, so that the low bits a table indexes by depend on
/// every bit of the chunk. Only where a spelling sits in the table depends
/// on it, never which id it gets.
fn spelling_hash(len: usize, chunks: impl IntoIterator<Item = u64>) -> u64 {
    chunks.into_iter().fold(len as u64, |hash, chunk| {
        let product = u128::from(hash ^ chunk) * u128::from(FAST_HASH_K);
        (product as u64) ^ ((product >> 64) as u64)
    })
}

/// `bytes` as little-endian 8-byte chunks, the last one padded with zeros.
fn chunks(bytes: &[u8]) -> impl Iterator<Item = u64> + '_ {
    bytes.chunks(8).map(chunk)
}

/// Up to 8 bytes as a little-endian `u64` padded with zeros.
fn chunk(bytes: &[u8]) -> u64 {
    match bytes.len() {
        8.. => u64::from_le_bytes(bytes[..8].try_into().expect("8 bytes")),
        // Two reads that overlap in the middle, or-ed: no loop over bytes.
        4..=7 => {
            let low = u32::from_le_bytes(bytes[..4].try_into().expect("4 bytes"));
            let high = u32::from_le_bytes(bytes[bytes.len() - 4..].try_into().expect("4 bytes"));
            u64::from(low) | u64::from(high) << (8 * (bytes.len() - 4))
        }
        2 | 3 => {
            let low = u16::from_le_bytes(bytes[..2].try_into().expect("2 bytes"));
            let high = u16::from_le_bytes(bytes[bytes.len() - 2..].try_into().expect("2 bytes"));
            u64::from(low) | u64::from(high) << (8 * (bytes.len() - 2))
        }
        1 => u64::from(bytes[0]),
        _ => 0,
    }
}

impl Spellings {
    /// The slot of a spelling, where it is or the empty one it would take:
    /// its place and what it holds. The table must have slots.
    #[inline]
    fn probe(&self, key: &SpellingKey, bytes: &[u8]) -> (usize, Slot) {
        let mask = self.slots.len() - 1;
        let mut at = key.hash as usize & mask;
        loop {
            let slot = self.slots[at];
            if slot.id == 0
                || (slot.head == key.head[0]
                    && slot.len as usize == bytes.len()
                    && (bytes.len() <= 8 || self.tail_is(slot.id - 1, key, bytes)))
            {
                return (at, slot);
            }
            at = (at + 1) & mask;
        }
    }

    /// Whether the chunks of word `id` are those of `bytes`, a spelling of
    /// the same length whose first chunk is known to match: up to 16 bytes
    /// the second is compared from the key, past that all are, again.
    #[inline(never)]
    fn tail_is(&self, id: u32, key: &SpellingKey, bytes: &[u8]) -> bool {
        let stored = &self.chunks[self.starts[id as usize] as usize..];
        let n = bytes.len().div_ceil(8);
        if n <= HEAD_CHUNKS {
            (1..n).all(|i| stored[i] == key.head[i])
        } else {
            chunks(bytes).zip(stored).all(|(a, &b)| a == b)
        }
    }

    #[inline]
    pub(super) fn get(&self, key: &SpellingKey, bytes: &[u8]) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        self.probe(key, bytes).1.id.checked_sub(1)
    }

    /// Adds a spelling that is not in the table as word `id`, the next one.
    pub(super) fn insert(&mut self, key: &SpellingKey, bytes: &[u8], id: u32) {
        if (self.starts.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let (at, _) = self.probe(key, bytes);
        self.slots[at] = Slot {
            head: key.head[0],
            len: dense_id(bytes.len()),
            id: id + 1,
        };
        self.starts.push(dense_id(self.chunks.len()));
        self.chunks.extend(chunks(bytes));
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(1024);
        let old = std::mem::replace(&mut self.slots, vec![Slot::default(); size]);
        for slot in old.into_iter().filter(|slot| slot.id != 0) {
            let start = self.starts[slot.id as usize - 1] as usize;
            let len = slot.len as usize;
            let chunks = &self.chunks[start..][..len.div_ceil(8)];
            let mut at = spelling_hash(len, chunks.iter().copied()) as usize & (size - 1);
            while self.slots[at].id != 0 {
                at = (at + 1) & (size - 1);
            }
            self.slots[at] = slot;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_are_little_endian_and_zero_padded() {
        let text = b"abcdefghijklmnopq";
        for len in 0..=text.len() {
            let bytes = &text[..len];
            let want: Vec<u64> = bytes
                .chunks(8)
                .map(|c| c.iter().rev().fold(0, |word, &b| word << 8 | u64::from(b)))
                .collect();
            assert_eq!(chunks(bytes).collect::<Vec<_>>(), want, "length {len}");
        }
    }

    #[test]
    fn spelling_keys_hash_the_chunks_a_grown_table_rehashes() {
        let text = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for len in 0..=text.len() {
            let bytes = &text[..len];
            let key = SpellingKey::of(bytes);
            let all: Vec<u64> = chunks(bytes).collect();
            assert_eq!(
                key.hash,
                spelling_hash(len, all.iter().copied()),
                "length {len}"
            );
            let head: Vec<u64> = all
                .iter()
                .copied()
                .chain([0; HEAD_CHUNKS])
                .take(HEAD_CHUNKS)
                .collect();
            assert_eq!(key.head[..], head[..], "length {len}");
        }
    }
}
