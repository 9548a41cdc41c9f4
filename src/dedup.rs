//! Duplicate removal: exact and near-duplicate units, first occurrence kept.
//!
//! Works on the word hashes of each unit (see [`crate::text::tokenize::word_hashes`]),
//! so it never looks at characters. Exact duplicates (same words after
//! normalizing case, white space and punctuation) are found with a hash map.
//! Near duplicates are units whose word sets have a Jaccard similarity of at
//! least the threshold. While a text has few candidate units (an article
//! has a few dozen), each unit is checked against all of them; past
//! [`ALL_PAIRS_UNITS`], candidates come from MinHash locality-sensitive
//! hashing and are then checked exactly, and each unit is checked against a
//! bounded number of candidates among a bounded window of recent units, so
//! time and memory stay linear in the text length.

use std::ops::RangeInclusive;

use crate::text::tokenize::FastMap;

/// MinHash bands and rows per band: 8 x 2 hashes finds a pair at Jaccard
/// 0.8 with probability 0.9997 and at 0.6 with 0.97, while pairs at 0.3
/// become candidates 53% of the time (and are then nearly all ruled out by
/// their sketches, the rest by the exact check). 10 x 3 caught fewer pairs
/// (0.999 and 0.91) and took twice the hashing, which was a twentieth of
/// lede's time; no output changed on bbc-dev, cnndm-dev or corpus/.
const BANDS: usize = 8;
const ROWS: usize = 2;

/// Units with fewer distinct words than this are only removed as exact
/// duplicates: "He said no." and "She said no." share most of their words
/// but not their meaning.
const NEAR_MIN_WORDS: usize = 5;

/// Until this many units are kept as near-duplicate candidates (and within
/// the first [`WINDOW_UNITS`] units, the window LSH looks in), a unit is
/// compared with every one of them (most are ruled out by their sketches, a
/// few instructions each), and no MinHash keys are made: hashing was a
/// tenth of lede's time on news articles, which seldom have more. The check
/// finds every pair LSH would, and the few it misses (LSH finds a pair at
/// Jaccard 0.8 with probability 0.9997, and checks 16 units a bucket). After
/// that, the units kept so far are indexed, and the rest of the text goes
/// through LSH.
pub const ALL_PAIRS_UNITS: usize = 64;

/// About how many distinct words a news sentence has, to size the sets'
/// buffer once.
const TYPICAL_SET_WORDS: usize = 20;

/// At most this many earlier units are checked per band bucket, so 100,000
/// near-identical units cost 100,000 x a constant, not a quadratic pass.
const MAX_BUCKET_CHECKS: usize = 16;

/// Near duplicates are looked for among the last `WINDOW_UNITS` to
/// `2 * WINDOW_UNITS` units (0.5 to 1 MB of news text), exact ones at any
/// distance. A news article has a few hundred units, so this only matters
/// for texts of megabytes, where it keeps the buckets (eight entries per unit)
/// to a fixed 6 MB or so, small enough for the processor's cache: with 2^15
/// units, 10 MB of text took 40% longer per megabyte than 1 MB; with 2^12,
/// the same time.
pub const WINDOW_UNITS: usize = 1 << 12;

/// The default similarity threshold (Jaccard over word sets) for near
/// duplicates. Chosen so that a sentence re-posted with a changed word or two
/// is caught, while two sentences about the same event that share a subject
/// and verb are not.
pub const DEFAULT_THRESHOLD: f64 = 0.8;

/// For each unit, `Some(i)` when it duplicates the earlier unit `i` (a unit
/// that is kept), `None` when it is kept.
///
/// `words` holds each unit's word hashes in order. A `threshold` of 1.0 or
/// more removes exact duplicates only. [`Dedup`] does the same one unit at a
/// time.
pub fn find_duplicates<W: AsRef<[u64]>>(words: &[W], threshold: f64) -> Vec<Option<usize>> {
    let mut dedup = Dedup::new(threshold);
    words.iter().map(|w| dedup.push(w.as_ref())).collect()
}

/// Duplicate detection fed one unit at a time, in document order, so the
/// caller need not keep every unit's words.
#[derive(Debug)]
pub struct Dedup {
    threshold: f64,
    /// Whether near duplicates are looked for (threshold below 1).
    near: bool,
    /// Units pushed so far.
    units: usize,
    /// Fingerprint of a unit's word sequence -> the unit its copies point to.
    exact: FastMap<Fingerprint, usize>,
    /// While every pair is checked: the candidates (the units kept that
    /// have enough words) and their sketches, whose sets are in `current`.
    /// `None` once near duplicates are looked up by LSH.
    kept: Option<Vec<(usize, Sketch)>>,
    /// The near-duplicate candidates of the newest units, and of the
    /// `WINDOW_UNITS` before them.
    current: Epoch,
    previous: Epoch,
    /// The set of the unit being pushed.
    set: WordSet,
}

/// The bucket index of up to `WINDOW_UNITS` consecutive units.
#[derive(Debug, Default)]
struct Epoch {
    /// The first unit of the epoch.
    first: usize,
    /// Bucket key -> the newest entry of its bucket.
    buckets: Buckets,
    /// Bucket members. Each carries its unit's sketch, so walking a bucket
    /// reads one entry per candidate and most are ruled out there.
    entries: Vec<Entry>,
    /// For each unit from `first` on, where its set starts in `sets` (when
    /// it is in buckets).
    starts: Vec<u32>,
    /// The word sets of the units in buckets, one after another (each word
    /// once, in the order of their first occurrence).
    sets: Vec<u64>,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    unit: u32,
    /// The entry before this one in its bucket, or `NONE`.
    before: u32,
    sketch: Sketch,
}

/// The end of a bucket's chain of entries, and the mark of an empty slot.
const NONE: u32 = u32::MAX;

impl Dedup {
    /// Starts detection with a Jaccard `threshold` (1.0 or more: exact
    /// duplicates only).
    pub fn new(threshold: f64) -> Self {
        Dedup {
            threshold,
            near: threshold < 1.0,
            units: 0,
            exact: FastMap::default(),
            kept: Some(Vec::new()),
            current: Epoch::default(),
            previous: Epoch::default(),
            set: WordSet::default(),
        }
    }

    /// Like [`new`](Self::new), with room for `units` units: a text's units
    /// are counted before they are pushed, and tables sized once are not
    /// grown and rehashed step by step.
    pub fn with_capacity(threshold: f64, units: usize) -> Self {
        let mut dedup = Dedup::new(threshold);
        dedup.exact.reserve(units);
        if dedup.near {
            let window = units.min(WINDOW_UNITS);
            if let Some(kept) = &mut dedup.kept {
                kept.reserve(units.min(ALL_PAIRS_UNITS));
            }
            dedup.current.starts.reserve(window);
            dedup.current.sets.reserve(window * TYPICAL_SET_WORDS);
            dedup.set.words.reserve(2 * TYPICAL_SET_WORDS);
        }
        dedup
    }

    /// Takes the next unit's word hashes, in order, and returns `Some(i)`
    /// when it duplicates the earlier unit `i` (counting from 0 over every
    /// unit pushed), `None` when it is kept.
    pub fn push(&mut self, words: &[u64]) -> Option<usize> {
        let i = self.units;
        self.units += 1;
        if words.is_empty() {
            return None;
        }
        let fingerprint = Fingerprint::of(words);
        if let Some(&first) = self.exact.get(&fingerprint) {
            return Some(first);
        }
        if !self.near {
            self.exact.insert(fingerprint, i);
            return None;
        }
        let mut set = std::mem::take(&mut self.set);
        set.fill(words);
        let best = if set.words.len() < NEAR_MIN_WORDS {
            None
        } else if let Some(kept) = self
            .kept
            .as_mut()
            // Pair by pair within the first window only, where the current
            // epoch starts at unit 0.
            .filter(|kept| kept.len() < ALL_PAIRS_UNITS && i < WINDOW_UNITS)
        {
            let sketch = sketch_of(&set.words);
            let query = Query::new(&set, sketch, self.threshold);
            let best = kept
                .iter()
                .find_map(|&(j, other)| query.is_near(&self.current, j, other).then_some(j));
            if best.is_none() {
                self.current.keep_set(i, &set.words);
                kept.push((i, sketch));
            }
            best
        } else {
            if let Some(kept) = self.kept.take() {
                self.start_hashing(kept);
            }
            if i - self.current.first >= WINDOW_UNITS {
                // The epoch that goes out of the window makes room for the
                // next one: a window's units need about as much as the last
                // one's, and tables grown from empty step by step, rehashed
                // at each step, took a tenth of the duplicate checks of a
                // long text.
                let old = std::mem::replace(&mut self.previous, std::mem::take(&mut self.current));
                self.current = old.emptied(i);
            }
            let (keys, sketch) = band_keys(&set.words);
            self.current.buckets.reserve(BANDS);
            let slots = keys.map(|key| self.current.buckets.slot(key));
            let best = self.nearest(&Query::new(&set, sketch, self.threshold), &keys, &slots);
            if best.is_none() {
                self.current.index(i, &set.words, sketch, &keys, slots);
            }
            best
        };
        // Later exact copies of this unit point to the unit that is kept.
        self.exact.insert(fingerprint, best.unwrap_or(i));
        self.set = set;
        best
    }

    /// Indexes the units kept while every pair was checked, from here on
    /// looked up by their MinHash keys. They are all in the current epoch,
    /// which starts at unit 0.
    fn start_hashing(&mut self, kept: Vec<(usize, Sketch)>) {
        self.current.buckets.reserve(kept.len() * BANDS);
        for (j, sketch) in kept {
            let (keys, _) = band_keys(self.current.set_of(j, sketch));
            let slots = keys.map(|key| self.current.buckets.slot(key));
            self.current.add_to_buckets(j, sketch, &keys, slots);
        }
    }

    /// The earliest unit among the candidates of `keys` that is a near
    /// duplicate of the `query` unit: the newest `MAX_BUCKET_CHECKS` of each
    /// bucket, which are the current epoch's first. `slots` are the keys'
    /// slots in the current epoch's buckets.
    ///
    /// The answer is the smallest unit that passes, whatever order the
    /// candidates are checked in, so the eight buckets are walked side by
    /// side: on a long text their entries are far apart in memory, and the
    /// processor can then wait for eight of them at once.
    fn nearest(
        &self,
        query: &Query<'_>,
        keys: &[u64; BANDS],
        slots: &[usize; BANDS],
    ) -> Option<usize> {
        let epochs = [&self.current, &self.previous];
        // Per band: the epoch being walked, its next entry, checks left.
        let mut walks = slots.map(|slot| (0, self.current.buckets.newest[slot], MAX_BUCKET_CHECKS));
        let mut best: Option<usize> = None;
        let mut walking = true;
        while walking {
            walking = false;
            for (walk, &key) in walks.iter_mut().zip(keys) {
                let (epoch, entry, checks) = walk;
                if *entry == NONE && *epoch == 0 && *checks > 0 {
                    *epoch = 1;
                    *entry = self.previous.buckets.get(key);
                }
                if *entry == NONE || *checks == 0 {
                    continue;
                }
                walking = true;
                *checks -= 1;
                let candidate = epochs[*epoch].entries[*entry as usize];
                let j = candidate.unit as usize;
                if best.is_none_or(|b| j < b) && query.is_near(epochs[*epoch], j, candidate.sketch)
                {
                    best = Some(j);
                }
                *entry = candidate.before;
            }
        }
        best
    }
}

impl Epoch {
    /// This epoch's room, emptied, for an epoch that starts at unit `first`.
    fn emptied(mut self, first: usize) -> Epoch {
        self.first = first;
        self.buckets.clear();
        self.entries.clear();
        self.starts.clear();
        self.sets.clear();
        self
    }

    /// Adds unit `i` to the bucket of each of its keys, whose slots were
    /// looked up before, and keeps its set.
    fn index(
        &mut self,
        i: usize,
        set: &[u64],
        sketch: Sketch,
        keys: &[u64; BANDS],
        slots: [usize; BANDS],
    ) {
        self.add_to_buckets(i, sketch, keys, slots);
        self.keep_set(i, set);
    }

    /// Adds unit `i` to the bucket of each of its keys, whose slots were
    /// looked up before.
    fn add_to_buckets(
        &mut self,
        i: usize,
        sketch: Sketch,
        keys: &[u64; BANDS],
        slots: [usize; BANDS],
    ) {
        let unit = position(i);
        for (&key, mut slot) in keys.iter().zip(slots) {
            if self.buckets.newest[slot] != NONE && self.buckets.keys[slot] != key {
                // An earlier band of this unit took the empty slot.
                slot = self.buckets.slot(key);
            }
            let before = self.buckets.newest[slot];
            if before == NONE {
                self.buckets.keys[slot] = key;
                self.buckets.len += 1;
            }
            self.buckets.newest[slot] = position(self.entries.len());
            self.entries.push(Entry {
                unit,
                before,
                sketch,
            });
        }
    }

    /// Keeps unit `i`'s set, for the exact checks of later units.
    fn keep_set(&mut self, i: usize, set: &[u64]) {
        let offset = i - self.first;
        if self.starts.len() <= offset {
            self.starts.resize(offset + 1, 0);
        }
        self.starts[offset] = position(self.sets.len());
        self.sets.extend_from_slice(set);
    }

    fn set_of(&self, unit: usize, sketch: Sketch) -> &[u64] {
        let start = self.starts[unit - self.first] as usize;
        &self.sets[start..start + sketch.len as usize]
    }
}

/// Bucket key -> the newest entry of its bucket: an open-addressing table
/// with linear probing, at most half full. A unit looks up and then fills
/// the same slot for each band, one probe sequence each; the keys are
/// MinHash mixes, so their low bits make a good index.
#[derive(Debug, Default)]
struct Buckets {
    /// A power of two of slots.
    keys: Vec<u64>,
    /// `NONE` for an empty slot.
    newest: Vec<u32>,
    len: usize,
}

impl Buckets {
    /// The slot of `key`: where it is, or the empty slot it would take.
    fn slot(&self, key: u64) -> usize {
        let mask = self.keys.len() - 1;
        let mut slot = key as usize & mask;
        while self.newest[slot] != NONE && self.keys[slot] != key {
            slot = (slot + 1) & mask;
        }
        slot
    }

    /// Empties the table, keeping its room.
    fn clear(&mut self) {
        self.newest.fill(NONE);
        self.len = 0;
    }

    /// The newest entry of `key`'s bucket, `NONE` when there is none.
    fn get(&self, key: u64) -> u32 {
        if self.keys.is_empty() {
            return NONE;
        }
        self.newest[self.slot(key)]
    }

    /// Makes room for `more` keys, so that slots found before they are
    /// added stay where they are.
    fn reserve(&mut self, more: usize) {
        if (self.len + more) * 2 <= self.keys.len() {
            return;
        }
        let size = ((self.len + more) * 2).next_power_of_two().max(64);
        let keys = std::mem::replace(&mut self.keys, vec![0; size]);
        let newest = std::mem::replace(&mut self.newest, vec![NONE; size]);
        for (key, entry) in keys.into_iter().zip(newest) {
            if entry != NONE {
                let slot = self.slot(key);
                self.keys[slot] = key;
                self.newest[slot] = entry;
            }
        }
    }
}

fn position(i: usize) -> u32 {
    u32::try_from(i).expect("fewer than 2^32 units and words: each takes bytes of memory")
}

/// A 128-bit fingerprint of a word sequence, from two hash chains: equal
/// sequences have equal fingerprints, and two different ones practically
/// never do (both 64-bit chains would have to collide), so exact duplicates
/// are found without keeping every unit's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Fingerprint(u64, u64);

impl Fingerprint {
    fn of(words: &[u64]) -> Self {
        // Two multiply-rotate chains with different constants, mixed at the
        // end: one multiplication per word and chain.
        let (mut a, mut b) = (words.len() as u64, !(words.len() as u64));
        for &word in words {
            a = (a ^ word)
                .wrapping_mul(0x9e37_79b9_7f4a_7c15)
                .rotate_left(27);
            b = (b ^ word)
                .wrapping_mul(0xc2b2_ae3d_27d4_eb4f)
                .rotate_left(31);
        }
        Fingerprint(mix(a, 1), mix(b, 2))
    }
}

/// A word set's size and a 32-bit signature with one bit set per word (of
/// 32, chosen by the word's hash): enough to rule out 19 candidates in 20
/// without comparing their sets (on 10 MB of news text), in 8 bytes.
#[derive(Debug, Clone, Copy, Default)]
struct Sketch {
    len: u32,
    bits: u32,
}

/// The unit being pushed, as each candidate is checked against it.
struct Query<'s> {
    set: &'s WordSet,
    sketch: Sketch,
    /// The sizes a candidate's set must have: [`partner_sizes`].
    sizes: RangeInclusive<u32>,
    threshold: f64,
}

impl<'s> Query<'s> {
    fn new(set: &'s WordSet, sketch: Sketch, threshold: f64) -> Self {
        Query {
            set,
            sketch,
            sizes: partner_sizes(sketch.len, threshold),
            threshold,
        }
    }

    /// Whether unit `j` of `epoch` (with sketch `other`) is a near
    /// duplicate of this unit: the cheap tests first, as most candidates
    /// fail there. Inlined into the loops over candidates: as a call it
    /// cost 4M of corp300's 218M instructions.
    #[inline(always)]
    fn is_near(&self, epoch: &Epoch, j: usize, other: Sketch) -> bool {
        self.sizes.contains(&other.len)
            && may_reach(self.sketch, other, self.threshold)
            && self.set.jaccard(epoch.set_of(j, other)) >= self.threshold
    }
}

/// The sizes a set can have to reach a Jaccard similarity of `threshold`
/// (in `0..=1`) with a set of `len` words: those whose ratio to `len`,
/// smaller over larger, is at least `threshold`. Two sets' similarity is at
/// most that ratio, computed alike (the intersection is at most the smaller
/// set, and a correctly rounded division keeps the order of exact
/// quotients), so a set of another size is ruled out by two integer
/// comparisons. News sentences' lengths differ widely, so this rules out
/// most pairs before their sketches are compared (two bit counts and a
/// division each): 2% fewer instructions for `lede --jsonl` over corpus/.
fn partner_sizes(len: u32, threshold: f64) -> RangeInclusive<u32> {
    let reaches = |small: u32, large: u32| f64::from(small) / f64::from(large) >= threshold;
    if len == 0 {
        return 0..=0;
    }
    // Estimates from the threshold (the casts saturate), then steps to the
    // exact ends: the ratio only falls as a size moves away from `len`.
    let mut low = ((threshold * f64::from(len)).ceil() as u32).clamp(1, len);
    while low > 1 && reaches(low - 1, len) {
        low -= 1;
    }
    while !reaches(low, len) {
        low += 1;
    }
    let mut high = ((f64::from(len) / threshold).floor() as u32).max(len);
    while high < u32::MAX && reaches(len, high + 1) {
        high += 1;
    }
    while !reaches(len, high) {
        high -= 1;
    }
    low..=high
}

/// Whether two sets with these sketches can have a Jaccard similarity of
/// `threshold`. A bit that only one signature has stands for at least one
/// word only its set has, so the bits bound the intersection from above;
/// the Jaccard similarity grows with the intersection and rounding keeps
/// that order, so skipping the exact check when this is false changes no
/// result.
fn may_reach(a: Sketch, b: Sketch, threshold: f64) -> bool {
    let only_a = (a.bits & !b.bits).count_ones();
    let only_b = (b.bits & !a.bits).count_ones();
    let common = (a.len - only_a).min(b.len - only_b);
    f64::from(common) / f64::from(a.len + b.len - common) >= threshold
}

/// The sketch of a set, as [`band_keys`] gives it, without the keys.
fn sketch_of(set: &[u64]) -> Sketch {
    Sketch {
        len: position(set.len()),
        bits: set.iter().fold(0, |bits, &word| bits | sketch_bit(word)),
    }
}

/// The bit a word (a hash) sets in its set's sketch.
fn sketch_bit(word: u64) -> u32 {
    // The words are hashes already: one multiplication spreads them enough
    // for a bit of 32 (a full mix cost a tenth of each unit's detection).
    1 << (word.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 59)
}

/// One bucket key per band, each combining `ROWS` MinHash values of the
/// word set (and its band, so buckets of different bands never mix), and
/// the set's sketch.
///
/// Each word's hash is mixed once, and each pair of rows permutes the result
/// with an xor and an odd multiplier of its own, taking the high and the low
/// 32 bits of the product as two rows: 8 multiplications per distinct word
/// instead of 16 full mixes, with the collision rates MinHash
/// promises (see the `lsh_catches_pairs_as_documented` test).
fn band_keys(set: &[u64]) -> ([u64; BANDS], Sketch) {
    let mut mins = [u32::MAX; BANDS * ROWS];
    let mut bits = 0u32;
    for &word in set {
        let x = mix(word, 0);
        bits |= sketch_bit(word);
        for (pair, &(salt, multiplier)) in mins.chunks_exact_mut(2).zip(ROW_HASHES.iter()) {
            let product = (x ^ salt).wrapping_mul(multiplier);
            pair[0] = pair[0].min((product >> 32) as u32);
            pair[1] = pair[1].min(product as u32);
        }
    }
    let mut keys = [0u64; BANDS];
    for (band, key) in keys.iter_mut().enumerate() {
        let mut combined: u64 = 0;
        for row in 0..ROWS {
            let seed = (band * ROWS + row) as u64;
            combined = mix(combined ^ u64::from(mins[band * ROWS + row]), seed);
        }
        *key = combined;
    }
    let sketch = Sketch {
        len: position(set.len()),
        bits,
    };
    (keys, sketch)
}

/// The salt and odd multiplier of each pair of MinHash rows, drawn with
/// SplitMix64.
const ROW_HASHES: [(u64, u64); BANDS * ROWS / 2] = {
    let mut rows = [(0, 0); BANDS * ROWS / 2];
    let mut state: u64 = 0x6c65_6465; // "lede"
    let mut i = 0;
    while i < rows.len() {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let salt = splitmix(state);
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        rows[i] = (salt, splitmix(state) | 1);
        i += 1;
    }
    rows
};

/// A 64-bit finalizer (SplitMix64) salted with `seed`: one cheap, well-mixed
/// hash function per use.
fn mix(value: u64, seed: u64) -> u64 {
    splitmix(value ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// SplitMix64's finalizer.
const fn splitmix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The distinct words of a unit, in the order they first occur, and a
/// table to look them up: sorting each unit's words to drop repeats and to
/// merge two sets took 5% of lede's time on news (the word hashes are
/// random, so a sort of twenty mispredicts most of its branches); a probe
/// of a small table per word is cheaper, and the unit's own table answers
/// each exact check.
#[derive(Debug, Default)]
struct WordSet {
    /// Each word once.
    words: Vec<u64>,
    /// Open addressing with linear probing, at most half full: a word and
    /// the fill it was added in. A slot of an earlier fill is empty, so
    /// nothing is cleared between units.
    slots: Vec<(u64, u32)>,
    fill: u32,
}

impl WordSet {
    /// Makes this the set of `words`.
    fn fill(&mut self, words: &[u64]) {
        self.words.clear();
        let size = (words.len() * 2).next_power_of_two().max(64);
        // A table grown for a huge unit is not kept for small ones, whose
        // words it would spread over more memory than they need.
        if self.slots.len() < size || self.slots.len() > size * 64 || self.fill == u32::MAX {
            self.slots.clear();
            self.slots.resize(size, (0, 0));
            self.fill = 0;
        }
        self.fill += 1;
        for &word in words {
            let at = self.slot(word);
            if self.slots[at].1 != self.fill {
                self.slots[at] = (word, self.fill);
                self.words.push(word);
            }
        }
    }

    /// The slot of `word`: where it is, or the empty slot it would take.
    fn slot(&self, word: u64) -> usize {
        let mask = self.slots.len() - 1;
        // The words are hashes: one multiplication spreads them over the
        // table's bits.
        let mut at = (word.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize & mask;
        while self.slots[at].1 == self.fill && self.slots[at].0 != word {
            at = (at + 1) & mask;
        }
        at
    }

    /// Jaccard similarity of this set and `other` (a set: each word once).
    fn jaccard(&self, other: &[u64]) -> f64 {
        let common = other
            .iter()
            .filter(|&&word| self.slots[self.slot(word)].1 == self.fill)
            .count();
        ratio(common, self.words.len() + other.len() - common)
    }
}

/// `common / union` as [`jaccard`] gives it, 0 for two empty sets.
fn ratio(common: usize, union: usize) -> f64 {
    if union == 0 {
        return 0.0;
    }
    common as f64 / union as f64
}

/// Jaccard similarity of two sorted, deduplicated sets: the plain merge
/// that [`WordSet::jaccard`] must agree with.
#[cfg(test)]
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    ratio(common, a.len() + b.len() - common)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize::word_hashes;
    use proptest::prelude::*;

    fn dups(texts: &[&str], threshold: f64) -> Vec<Option<usize>> {
        let words: Vec<Vec<u64>> = texts
            .iter()
            .map(|t| {
                let mut w = Vec::new();
                word_hashes(t, &mut w);
                w
            })
            .collect();
        find_duplicates(&words, threshold)
    }

    #[test]
    fn exact_and_near_duplicates_point_to_the_first_occurrence() {
        let texts = [
            "Talks will resume in Istanbul on Wednesday, officials said.",
            "Markets rose sharply on the news.",
            "talks will resume in istanbul on wednesday officials said",
            "Talks will resume in Istanbul on Wednesday, officials confirmed.",
            "He said no.",
            "She said no.",
        ];
        assert_eq!(
            dups(&texts, DEFAULT_THRESHOLD),
            vec![None, None, Some(0), Some(0), None, None]
        );
    }

    #[test]
    fn threshold_one_keeps_near_duplicates() {
        let texts = [
            "Talks will resume in Istanbul on Wednesday, officials said.",
            "Talks will resume in Istanbul on Wednesday, officials confirmed.",
        ];
        assert_eq!(dups(&texts, 1.0), vec![None, None]);
    }

    /// The rate at which pairs of random word sets with Jaccard similarity
    /// `similarity` (sets of 40 words) share a band key.
    /// How often two sets of 40 words with Jaccard similarity near
    /// `similarity` share a bucket key, and their exact similarity.
    fn candidate_rate(similarity: f64, pairs: u64) -> (f64, f64) {
        let size = 40u64;
        // |A ∩ B| = J / (1 + J) * (|A| + |B|) for sets of one size.
        let common = (similarity / (1.0 + similarity) * 2.0 * size as f64).round() as u64;
        let exact = common as f64 / (2 * size - common) as f64;
        let mut found = 0;
        for pair in 0..pairs {
            let word = |i: u64| splitmix(pair << 20 | i);
            let a: Vec<u64> = (0..size).map(word).collect();
            let b: Vec<u64> = (0..common)
                .chain(size..2 * size - common)
                .map(word)
                .collect();
            let (mut a, mut b) = (a, b);
            a.sort_unstable();
            b.sort_unstable();
            let (ka, kb) = (band_keys(&a).0, band_keys(&b).0);
            found += u64::from(ka.iter().zip(&kb).any(|(x, y)| x == y));
        }
        (found as f64 / pairs as f64, exact)
    }

    #[test]
    fn lsh_catches_pairs_as_documented() {
        for similarity in [0.8, 0.6, 0.3] {
            let (got, exact) = candidate_rate(similarity, 4000);
            let want = 1.0 - (1.0 - exact.powi(ROWS as i32)).powi(BANDS as i32);
            assert!(
                (got - want).abs() < 0.025,
                "J = {exact}: {got}, want {want}"
            );
        }
    }

    #[test]
    fn jaccard_of_sets() {
        assert_eq!(jaccard(&[1, 2, 3], &[2, 3, 4]), 0.5);
        assert_eq!(jaccard(&[], &[]), 0.0);
    }

    fn sketch(set: &[u64]) -> Sketch {
        band_keys(set).1
    }

    #[test]
    fn far_near_duplicates_are_out_of_the_window() {
        let unit = |i: u64| (0..8).map(|w| splitmix(i << 8 | w)).collect::<Vec<u64>>();
        let near = |i: u64| {
            let mut words = unit(i);
            words[7] = 1;
            words
        };
        // Unit 0, then filler, then near copies of unit 0 and of a recent unit.
        let filler = 2 * WINDOW_UNITS as u64 + 10;
        let mut units: Vec<Vec<u64>> = (0..filler).map(unit).collect();
        units.push(unit(0));
        units.push(near(0));
        units.push(near(filler - 5));
        let got = find_duplicates(&units, 0.5);
        let n = units.len();
        assert_eq!(
            got[n - 3],
            Some(0),
            "exact copies are found at any distance"
        );
        assert_eq!(got[n - 2], None, "near copies only within the window");
        assert_eq!(got[n - 1], Some(filler as usize - 5));
    }

    #[test]
    fn the_window_holds_while_units_are_compared_pair_by_pair() {
        // Filler of one-word units, which are no near-duplicate candidates:
        // few candidates are kept, but the window still moves on, as LSH's
        // does, at the candidates past its end (here unit 2's).
        let unit = |i: u64| (0..8).map(|w| splitmix(i << 8 | w)).collect::<Vec<u64>>();
        let mut near = unit(1);
        near[7] = 1;
        let filler = |from: u64, n: u64| (from..from + n).map(|i| vec![splitmix(i << 40)]);
        let mut units = vec![unit(1)];
        units.extend(filler(10, 100));
        units.push(near.clone());
        units.extend(filler(1000, WINDOW_UNITS as u64 + 10));
        units.push(unit(2));
        units.extend(filler(10_000, WINDOW_UNITS as u64 + 10));
        // Another near copy: an exact copy of the first would be found.
        near[6] = 2;
        units.push(near);
        let got = find_duplicates(&units, 0.5);
        assert_eq!(got[101], Some(0), "a near copy within the window");
        assert_eq!(got[units.len() - 1], None, "a near copy past it");
    }

    proptest! {
        /// A word set holds each word once, in the order of first
        /// occurrence, and its Jaccard similarity with another set is the
        /// merge's of the two sorted.
        #[test]
        fn word_sets_agree_with_sorting(
            a in prop::collection::vec(0u64..40, 0..60),
            b in prop::collection::btree_set(0u64..40, 0..30),
        ) {
            let hash = |w: u64| splitmix(w);
            let a: Vec<u64> = a.into_iter().map(hash).collect();
            let b: Vec<u64> = b.into_iter().map(hash).collect();
            let mut set = WordSet::default();
            // Filled twice, as for two units in turn.
            set.fill(&b);
            set.fill(&a);
            let mut distinct = Vec::new();
            for &w in &a {
                if !distinct.contains(&w) {
                    distinct.push(w);
                }
            }
            prop_assert_eq!(&set.words, &distinct);
            let (mut sorted_a, mut sorted_b) = (distinct.clone(), b.clone());
            sorted_a.sort_unstable();
            sorted_b.sort_unstable();
            prop_assert_eq!(set.jaccard(&b), jaccard(&sorted_a, &sorted_b));
        }

        /// The sizes are exactly those whose ratio to `len` reaches the
        /// threshold.
        #[test]
        fn partner_sizes_are_those_whose_ratio_reaches(
            len in 1u32..300,
            threshold in prop::sample::select(vec![0.01, 0.1, 0.3, 0.5, 0.8, 0.9, 0.95, 1.0]),
        ) {
            let sizes = partner_sizes(len, threshold);
            for m in 1..2000u32 {
                let (small, large) = (m.min(len), m.max(len));
                let reaches = f64::from(small) / f64::from(large) >= threshold;
                prop_assert_eq!(sizes.contains(&m), reaches, "size {}", m);
            }
        }

        #[test]
        fn sketches_never_rule_out_a_similar_pair(
            a in prop::collection::btree_set(0u64..300, 5..40),
            b in prop::collection::btree_set(0u64..300, 5..40),
            threshold in prop::sample::select(vec![0.1, 0.3, 0.5, 0.8, 0.9]),
        ) {
            let hash = |set: &std::collections::BTreeSet<u64>| {
                let mut h: Vec<u64> = set.iter().map(|&w| splitmix(w)).collect();
                h.sort_unstable();
                h
            };
            let (a, b) = (hash(&a), hash(&b));
            if jaccard(&a, &b) >= threshold {
                prop_assert!(may_reach(sketch(&a), sketch(&b), threshold));
            }
        }
    }

    /// The checks of the original implementation, one `Vec` per bucket and
    /// every unit's words kept, with every pair checked for the first
    /// [`ALL_PAIRS_UNITS`] candidates: what [`Dedup`] must equal.
    fn plain(words: &[Vec<u64>], threshold: f64) -> Vec<Option<usize>> {
        use std::collections::HashMap;
        let mut duplicate_of = vec![None; words.len()];
        let mut exact: HashMap<&[u64], usize> = HashMap::new();
        let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
        let mut sets: Vec<Vec<u64>> = vec![Vec::new(); words.len()];
        let mut kept: Vec<usize> = Vec::new();
        for (i, unit_words) in words.iter().enumerate() {
            if unit_words.is_empty() {
                continue;
            }
            if let Some(&first) = exact.get(unit_words.as_slice()) {
                duplicate_of[i] = Some(first);
                continue;
            }
            if threshold >= 1.0 {
                exact.insert(unit_words, i);
                continue;
            }
            let mut set = unit_words.clone();
            set.sort_unstable();
            set.dedup();
            if set.len() < NEAR_MIN_WORDS {
                exact.insert(unit_words, i);
                continue;
            }
            let keys = band_keys(&set).0;
            let mut best: Option<usize> = None;
            if kept.len() < ALL_PAIRS_UNITS {
                best = kept
                    .iter()
                    .copied()
                    .find(|&j| jaccard(&set, &sets[j]) >= threshold);
            } else {
                for (band, key) in keys.iter().enumerate() {
                    if let Some(bucket) = buckets.get(&(band, *key)) {
                        for &j in bucket.iter().rev().take(MAX_BUCKET_CHECKS) {
                            if best.is_none_or(|b| j < b) && jaccard(&set, &sets[j]) >= threshold {
                                best = Some(j);
                            }
                        }
                    }
                }
            }
            exact.insert(unit_words, best.unwrap_or(i));
            if best.is_some() {
                duplicate_of[i] = best;
                continue;
            }
            for (band, key) in keys.into_iter().enumerate() {
                buckets.entry((band, key)).or_default().push(i);
            }
            sets[i] = set;
            kept.push(i);
        }
        duplicate_of
    }

    /// Units from a small vocabulary (exact and near copies), or sharing a
    /// core of common words with a few rare ones (crowded buckets of units
    /// that are not similar enough).
    fn units() -> impl Strategy<Value = Vec<Vec<u64>>> {
        let small = prop::collection::vec(0u64..12, 0..10);
        let crowded = (
            prop::collection::vec(0u64..4, 4),
            prop::collection::vec(100u64..400, 3..8),
        )
            .prop_map(|(core, rare)| [core, rare].concat());
        prop::collection::vec(prop_oneof![small, crowded], 0..300)
    }

    proptest! {
        #[test]
        fn dedup_equals_the_plain_checks(
            units in units(),
            threshold in prop::sample::select(vec![0.3, 0.5, 0.8, 1.0]),
        ) {
            prop_assert_eq!(find_duplicates(&units, threshold), plain(&units, threshold));
        }
    }
}
