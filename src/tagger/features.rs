//! The features the tagger weighs for each word: the word, its affixes and
//! shape, its neighbours, and the tags already given to the words before it.

/// A sentence prepared for tagging: each word lower-cased, with its shape.
#[derive(Debug)]
pub struct Context {
    lower: Vec<String>,
    shapes: Vec<String>,
}

/// The most characters of a word's shape: long words' shapes differ only
/// in length, which says nothing more.
const SHAPE_MAX: usize = 6;

impl Context {
    /// Prepares `words`, one sentence as written.
    pub fn new<S: AsRef<str>>(words: &[S]) -> Context {
        let lower = words.iter().map(|w| w.as_ref().to_lowercase()).collect();
        let shapes = words.iter().map(|w| shape(w.as_ref())).collect();
        Context { lower, shapes }
    }

    /// Word `i`, lower-cased.
    pub fn lower(&self, i: usize) -> &str {
        &self.lower[i]
    }

    /// How many words the sentence has.
    pub fn len(&self) -> usize {
        self.lower.len()
    }

    /// Whether the sentence has no words.
    pub fn is_empty(&self) -> bool {
        self.lower.is_empty()
    }

    /// Appends the hashes of word `i`'s features to `out`, given the tags of
    /// the word before it (`t1`) and the one before that (`t2`).
    pub fn features(&self, i: usize, t1: &str, t2: &str, out: &mut Vec<u32>) {
        let word = |j: Option<usize>| {
            j.and_then(|j| self.lower.get(j))
                .map_or("<none>", String::as_str)
        };
        let w = self.lower[i].as_str();
        let prev = word(i.checked_sub(1));
        let prev2 = word(i.checked_sub(2));
        let next = word(i.checked_add(1));
        let next2 = word(i.checked_add(2));
        let shape = self.shapes[i].as_str();
        let mut add = |parts: &[&str]| out.push(hash(parts));
        add(&["b"]);
        add(&["w", w]);
        add(&["s1", suffix(w, 1)]);
        add(&["s2", suffix(w, 2)]);
        add(&["s3", suffix(w, 3)]);
        add(&["s4", suffix(w, 4)]);
        add(&["p1", prefix(w, 1)]);
        add(&["p2", prefix(w, 2)]);
        add(&["sh", shape]);
        add(&["first", if i == 0 { "y" } else { "n" }, shape]);
        add(&["t1", t1]);
        add(&["t2", t2, t1]);
        add(&["t1w", t1, w]);
        add(&["w-1", prev]);
        add(&["w-1w", prev, w]);
        add(&["s3-1", suffix(prev, 3)]);
        add(&["w-2", prev2]);
        add(&["w+1", next]);
        add(&["ww+1", w, next]);
        add(&["s3+1", suffix(next, 3)]);
        add(&["w+2", next2]);
        add(&["t1w+1", t1, next]);
    }
}

/// A feature's hash: FNV-1a of its parts joined by a byte no word holds
/// (0x1f), worked out part by part rather than on a joined copy.
fn hash(parts: &[&str]) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    };
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            eat(0x1f);
        }
        part.bytes().for_each(&mut eat);
    }
    (h ^ (h >> 32)) as u32
}

/// The last `n` characters of `w` (all of it when shorter).
fn suffix(w: &str, n: usize) -> &str {
    let start = w.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &w[start..]
}

/// The first `n` characters of `w`.
fn prefix(w: &str, n: usize) -> &str {
    let end = w.char_indices().nth(n).map_or(w.len(), |(i, _)| i);
    &w[..end]
}

/// The word's shape: `X` for an upper-case letter, `x` lower-case, `d` a
/// digit, the character itself otherwise, with runs of one class written
/// once ("McDonald's" is `XxXx'x`), at most [`SHAPE_MAX`] characters.
fn shape(w: &str) -> String {
    let mut out = String::new();
    let mut last = None;
    for c in w.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            // Scripts without case (CJK, Arabic, Devanagari, ...).
            'a'
        } else {
            c
        };
        if last != Some(class) {
            out.push(class);
            last = Some(class);
            if out.chars().count() >= SHAPE_MAX {
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_feature_hash_is_fnv1a_of_its_joined_parts() {
        let joined = crate::text::tokenize::fnv1a(b"w-1w\x1fthe\x1fcouncil");
        assert_eq!(
            hash(&["w-1w", "the", "council"]),
            (joined ^ (joined >> 32)) as u32
        );
    }

    #[test]
    fn shapes_affixes() {
        for (word, want) in [
            ("McDonald's", "XxXx'x"),
            ("1,200", "d,d"),
            ("U.S.", "X.X."),
            ("東京", "a"),
            ("", ""),
        ] {
            assert_eq!(shape(word), want, "{word}");
        }
        assert_eq!(suffix("running", 3), "ing");
        assert_eq!(suffix("a", 3), "a");
        assert_eq!(suffix("café", 2), "fé");
        assert_eq!(prefix("été", 1), "é");
        assert_eq!(prefix("", 2), "");
    }
}
