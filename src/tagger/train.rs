//! Training and measuring a tagger on CoNLL-U treebanks (Universal
//! Dependencies): an averaged perceptron, several passes over the sentences
//! in a fixed shuffled order, so that the same treebank gives the same model.

use std::collections::HashMap;

use super::{word_key, Context, Model};

/// One sentence of a treebank: its words and their tags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// The words, as written.
    pub words: Vec<String>,
    /// Each word's tag: its universal part of speech, and for verbs and
    /// auxiliaries its verb form (`VERB:Part`).
    pub tags: Vec<String>,
}

/// Reads the sentences of a CoNLL-U file. Multiword tokens ("don't" over
/// "do" and "n't") give their parts, as the treebank tags them; empty nodes
/// are skipped.
pub fn read_conllu(text: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut current = Sentence {
        words: Vec::new(),
        tags: Vec::new(),
    };
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.words.is_empty() {
                sentences.push(std::mem::replace(
                    &mut current,
                    Sentence {
                        words: Vec::new(),
                        tags: Vec::new(),
                    },
                ));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 6 || fields[0].contains(['-', '.']) {
            continue;
        }
        current.words.push(fields[1].to_string());
        current.tags.push(tag_of(fields[3], fields[5]));
    }
    if !current.words.is_empty() {
        sentences.push(current);
    }
    sentences
}

/// The tag of a word with universal part of speech `upos` and features
/// `feats`: the verb form joins verbs' and auxiliaries' tags, since it tells
/// a finite verb (a clause's head) from a participle or an infinitive.
fn tag_of(upos: &str, feats: &str) -> String {
    if matches!(upos, "VERB" | "AUX") {
        if let Some(form) = feats.split('|').find_map(|f| f.strip_prefix("VerbForm=")) {
            return format!("{upos}:{form}");
        }
    }
    upos.to_string()
}

/// How a tagger is trained.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Passes over the training sentences.
    pub passes: usize,
    /// Averaged weights whose size is below this are dropped from the model
    /// (in the units of the stored weights): they change few decisions and
    /// most of the model's size is theirs.
    pub prune_below: i16,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            passes: 6,
            prune_below: 2,
        }
    }
}

/// Weights are stored as integers: the averaged weight times this.
const SCALE: f64 = 100.0;

/// Trains a model on `sentences`.
pub fn train(sentences: &[Sentence], settings: Settings) -> Model {
    let mut tag_index: HashMap<&str, usize> = HashMap::new();
    let mut tags: Vec<String> = Vec::new();
    for tag in sentences.iter().flat_map(|s| &s.tags) {
        if !tag_index.contains_key(tag.as_str()) {
            tag_index.insert(tag, tags.len());
            tags.push(tag.clone());
        }
    }
    // Tags in a fixed order (sorted), whatever order the treebank has.
    tags.sort();
    let tag_index: HashMap<&str, usize> = tags
        .iter()
        .enumerate()
        .map(|(i, t)| (t.as_str(), i))
        .collect();
    let n_tags = tags.len();
    assert!(n_tags <= 255, "at most 255 tags");
    let dictionary = dictionary(sentences, &tag_index);

    let mut weights: HashMap<u32, Vec<Weight>> = HashMap::new();
    let mut step: u64 = 0;
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng: u64 = 0x2545_f491_4f6c_dd1d;
    let mut hashes = Vec::with_capacity(32);
    for _ in 0..settings.passes {
        // Fisher-Yates with a fixed xorshift sequence.
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        for &s in &order {
            let sentence = &sentences[s];
            let context = Context::new(&sentence.words);
            let mut guessed: Vec<usize> = Vec::with_capacity(sentence.words.len());
            for i in 0..sentence.words.len() {
                if let Some(&tag) = dictionary.get(&word_key(context.lower(i))) {
                    guessed.push(usize::from(tag));
                    continue;
                }
                step += 1;
                hashes.clear();
                let previous = |back: usize| {
                    i.checked_sub(back)
                        .map_or("<s>", |j| tags[guessed[j]].as_str())
                };
                context.features(i, previous(1), previous(2), &mut hashes);
                let mut scores = vec![0f64; n_tags];
                for hash in &hashes {
                    if let Some(ws) = weights.get(hash) {
                        for (t, w) in ws.iter().enumerate() {
                            scores[t] += w.value;
                        }
                    }
                }
                let guess = (0..n_tags)
                    .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
                    .unwrap_or(0);
                let truth = tag_index[sentence.tags[i].as_str()];
                if guess != truth {
                    for &hash in &hashes {
                        let ws = weights
                            .entry(hash)
                            .or_insert_with(|| vec![Weight::default(); n_tags]);
                        ws[truth].update(1.0, step);
                        ws[guess].update(-1.0, step);
                    }
                }
                // The history is the tagger's own guesses, as it will be
                // when tagging: it learns to recover from its mistakes.
                guessed.push(guess);
            }
        }
    }

    let mut model_weights = HashMap::with_capacity(weights.len());
    for (hash, ws) in weights {
        let pairs: Vec<(u8, i16)> = ws
            .iter()
            .enumerate()
            .filter_map(|(t, w)| {
                let average = w.average(step);
                let stored = (average * SCALE)
                    .round()
                    .clamp(i16::MIN as f64, i16::MAX as f64) as i16;
                (stored.abs() >= settings.prune_below).then_some((t as u8, stored))
            })
            .collect();
        if !pairs.is_empty() {
            model_weights.insert(hash, pairs.into_boxed_slice());
        }
    }
    Model::from_parts(&tags, &model_weights, &dictionary)
}

/// A word seen at least this often in training, with one tag at least
/// [`DICTIONARY_SHARE`] of the time, always gets that tag: the perceptron
/// then spends its weights on the words that need them, and a frequent
/// word ("took") cannot be mis-tagged by a mistake before it.
const DICTIONARY_MIN_COUNT: usize = 20;

/// See [`DICTIONARY_MIN_COUNT`].
const DICTIONARY_SHARE: f64 = 0.97;

/// The words that always get one tag, by [`word_key`].
fn dictionary(sentences: &[Sentence], tag_index: &HashMap<&str, usize>) -> HashMap<u32, u8> {
    let mut counts: HashMap<String, HashMap<usize, usize>> = HashMap::new();
    for sentence in sentences {
        for (word, tag) in sentence.words.iter().zip(&sentence.tags) {
            *counts
                .entry(word.to_lowercase())
                .or_default()
                .entry(tag_index[tag.as_str()])
                .or_default() += 1;
        }
    }
    let mut dictionary = HashMap::new();
    for (word, tags) in counts {
        let total: usize = tags.values().sum();
        let Some((&tag, &n)) = tags
            .iter()
            .max_by_key(|&(&t, &n)| (n, std::cmp::Reverse(t)))
        else {
            continue;
        };
        if total >= DICTIONARY_MIN_COUNT && n as f64 >= DICTIONARY_SHARE * total as f64 {
            dictionary.insert(word_key(&word), tag as u8);
        }
    }
    dictionary
}

/// A weight with what averaging needs: its sum over all steps so far.
#[derive(Debug, Clone, Copy, Default)]
struct Weight {
    value: f64,
    /// Sum of the value over the steps up to `since`.
    total: f64,
    since: u64,
}

impl Weight {
    fn update(&mut self, delta: f64, step: u64) {
        self.total += self.value * (step - self.since) as f64;
        self.since = step;
        self.value += delta;
    }

    fn average(&self, steps: u64) -> f64 {
        let total = self.total + self.value * (steps - self.since) as f64;
        total / steps.max(1) as f64
    }
}

/// How well a model tags `sentences`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Accuracy {
    /// Words whose whole tag (with the verb form) is right.
    pub tags: f64,
    /// Words whose universal part of speech is right.
    pub upos: f64,
    /// Words measured.
    pub words: usize,
}

/// Measures `model` on `sentences`.
pub fn accuracy(model: &Model, sentences: &[Sentence]) -> Accuracy {
    let (mut right, mut right_upos, mut words) = (0usize, 0usize, 0usize);
    for sentence in sentences {
        for (got, want) in model.tag(&sentence.words).iter().zip(&sentence.tags) {
            words += 1;
            right += usize::from(got == want);
            let upos = |t: &str| t.split(':').next().unwrap_or("").to_string();
            right_upos += usize::from(upos(got) == upos(want));
        }
    }
    let share = |n: usize| n as f64 / words.max(1) as f64;
    Accuracy {
        tags: share(right),
        upos: share(right_upos),
        words,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A treebank of our own: a few sentences, CoNLL-U as UD writes it.
    const TREEBANK: &str = "# text = The council voted.
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tcouncil\tcouncil\tNOUN\tNN\tNumber=Sing\t3\tnsubj\t_\t_
3\tvoted\tvote\tVERB\tVBD\tTense=Past|VerbForm=Fin\t0\troot\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

# text = Don't go.
1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_
1\tDo\tdo\tAUX\tVBP\tMood=Imp|VerbForm=Fin\t3\taux\t_\t_
2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_
3\tgo\tgo\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_
";

    #[test]
    fn conllu_gives_words_and_tags_with_verb_forms() {
        let sentences = read_conllu(TREEBANK);
        assert_eq!(sentences.len(), 2);
        assert_eq!(sentences[0].words, ["The", "council", "voted", "."]);
        assert_eq!(sentences[0].tags, ["DET", "NOUN", "VERB:Fin", "PUNCT"]);
        assert_eq!(sentences[1].words, ["Do", "n't", "go", "."]);
        assert_eq!(sentences[1].tags, ["AUX:Fin", "PART", "VERB:Inf", "PUNCT"]);
    }

    #[test]
    fn a_model_learns_its_treebank_and_survives_its_bytes() {
        let sentences = read_conllu(TREEBANK);
        let model = train(
            &sentences,
            Settings {
                passes: 5,
                prune_below: 1,
            },
        );
        assert_eq!(accuracy(&model, &sentences).tags, 1.0);
        let bytes = model.to_bytes();
        let again = Model::from_bytes(&bytes).expect("reads back");
        assert_eq!(again, model);
        assert_eq!(again.to_bytes(), bytes);
        for cut in [0, 5, 9, bytes.len() - 1] {
            assert!(Model::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
    }
}
