//! Photo captions glued to the sentence after them: where to cut them off
//! ([`Segmenter::caption_cuts`]). Most sentences have no seam, and a scan
//! of their capitals says so without walking every word; the proptests in
//! `segment.rs` check it against the word walk.

use super::Segmenter;
use crate::text::scan::{find_byte, is_ascii_space, is_space, swar, word_spans};

/// The fewest words on each side of a glued-caption seam: a caption is a
/// full clause ("Greece has denied it will miss a repayment"), and so is the
/// sentence after it. Written from the shape of Daily Mail captions.
const CAPTION_MIN_WORDS: usize = 6;

impl Segmenter {
    /// Byte offsets in `sentence` where a glued caption ends and the next
    /// sentence starts.
    ///
    /// Web pages put photo captions between paragraphs, and text taken from
    /// them glues each caption, which has no final stop, to the next
    /// sentence: "... than a colleague The cost of divorce can ...". The seam
    /// is a word that is not a stop word and has no final punctuation, then a
    /// capitalized stop word, then a lower-case word. A stop word inside a
    /// sentence is capitalized mostly in names, and those go on with a capital
    /// ("told The Times", "rival All Nippon") or follow a stop word ("and I
    /// think"). Both sides must be long enough to be sentences. On bbc-dev
    /// (clean text) this rule splits about 18 of ~19,000 sentences, mostly
    /// where a full stop was really missing; on cnndm-dev it gives +0.4
    /// ROUGE-1 and +0.5 ROUGE-Lsum with the other defaults, bbc-dev unchanged.
    /// Allowing an opening quote before the
    /// stop word, or asking for a lower-case word before the seam, split
    /// quotes after "said" and lost half the gain on cnndm-dev.
    pub(super) fn caption_cuts(&self, sentence: &str) -> Vec<usize> {
        if !self.rules.caption_cuts || !self.has_caption_seam(sentence) {
            return Vec::new();
        }
        // Seams are rare, so the words are walked only when there is one:
        // the length rules need the word count and each seam's word index.
        let (seams, count) = self.caption_seams(sentence);
        let mut cuts = Vec::new();
        let mut piece_start = 0;
        for (i, offset) in seams {
            if i - piece_start >= CAPTION_MIN_WORDS && count - i >= CAPTION_MIN_WORDS {
                cuts.push(offset);
                piece_start = i;
            }
        }
        cuts
    }

    /// Each caption seam of `sentence` as (index of the capitalized stop
    /// word, its byte offset), and the number of words.
    pub(super) fn caption_seams(&self, sentence: &str) -> (Vec<(usize, usize)>, usize) {
        // One pass over the words, three at a time, without keeping them.
        let mut seams: Vec<(usize, usize)> = Vec::new();
        let mut count = 0;
        let mut window: [(usize, &str); 3] = [(0, ""); 3];
        for span in word_spans(sentence) {
            window = [window[1], window[2], span];
            count += 1;
            if count >= 3 && self.is_caption_seam(window[0].1, window[1].1, window[2].1) {
                seams.push((count - 2, window[1].0));
            }
        }
        (seams, count)
    }

    /// Whether `sentence` has a caption seam at all: the same answer as
    /// `!caption_seams(sentence).0.is_empty()`, found without walking every
    /// word. A seam's middle word starts with a capital, so only the words
    /// that start with one are looked at, with their neighbours: in news
    /// copy one word in eight, and the scan between them takes 8 bytes at a
    /// time ([`find_byte`]).
    pub(super) fn has_caption_seam(&self, sentence: &str) -> bool {
        if sentence.is_ascii() {
            self.has_ascii_caption_seam(sentence)
        } else {
            self.has_unicode_caption_seam(sentence)
        }
    }

    /// [`Self::has_caption_seam`] for ASCII text (most English sentences),
    /// where each byte is a character and white space is [`is_ascii_space`].
    fn has_ascii_caption_seam(&self, sentence: &str) -> bool {
        let bytes = sentence.as_bytes();
        let is_space = |&b: &u8| is_ascii_space(b);
        // The first word has none before it: its capital opens no seam.
        let Some(first) = bytes.iter().position(|b| !is_space(b)) else {
            return false;
        };
        let mut at = bytes[first..]
            .iter()
            .position(is_space)
            .map_or(bytes.len(), |n| first + n);
        while let Some(p) = find_byte(bytes, at, swar::ascii_uppercase, |b| b.is_ascii_uppercase())
        {
            let word_end = bytes[p..]
                .iter()
                .position(is_space)
                .map_or(bytes.len(), |n| p + n);
            // The next capital that may start a word is past this word.
            at = word_end;
            if p == 0 || !is_space(&bytes[p - 1]) {
                // A capital inside a word.
                continue;
            }
            let Some(next_start) = bytes[word_end..].iter().position(|b| !is_space(b)) else {
                // The last word: nothing follows it.
                return false;
            };
            let next_start = word_end + next_start;
            // The tests of `is_caption_seam` on the words found so far (the
            // word starts with a capital): most capitalized words are names
            // followed by another capital, or are not stop words. Only then
            // is the word before looked for.
            if !bytes[next_start].is_ascii_lowercase()
                || !self.is_caption_opener(&sentence[p..word_end])
            {
                continue;
            }
            let Some(previous_end) = bytes[..p].iter().rposition(|b| !is_space(b)) else {
                continue;
            };
            let previous_start = bytes[..previous_end]
                .iter()
                .rposition(is_space)
                .map_or(0, |i| i + 1);
            if self.is_caption_end(&sentence[previous_start..=previous_end]) {
                return true;
            }
        }
        false
    }

    /// [`Self::has_caption_seam`] for text with other characters too.
    fn has_unicode_caption_seam(&self, sentence: &str) -> bool {
        let bytes = sentence.as_bytes();
        let mut at = 0;
        // A capital, or the lead byte of a character that may be one.
        while let Some(p) = find_byte(
            bytes,
            at,
            |w| swar::ascii_uppercase(w) | swar::lead(w),
            |b| b.is_ascii_uppercase() || b >= 0xc0,
        ) {
            // `p` is a character boundary: an ASCII byte or a UTF-8 lead byte.
            at = p + 1;
            // A lead byte of white space (a no-break space in a run of them)
            // starts no word; looking for one from each would go over the
            // rest of the run each time.
            if sentence[p..].chars().next().is_some_and(is_space) {
                continue;
            }
            let before = &sentence[..p];
            let word_start = before.chars().next_back().is_some_and(is_space);
            if !word_start {
                // Inside a word, or the sentence's first word: no seam.
                continue;
            }
            let mut after = word_spans(&sentence[p..]);
            let (Some((_, word)), Some((_, next))) = (after.next(), after.next()) else {
                // The last word: nothing follows it.
                return false;
            };
            // Nothing else in this word starts one.
            at = p + word.len();
            // The cheap tests of `is_caption_seam` first: most capitalized
            // words are names followed by another capital.
            let starts_lower = next.chars().next().is_some_and(char::is_lowercase);
            if !starts_lower || !word.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let previous = before.trim_end_matches(is_space);
            let previous = previous
                .rfind(is_space)
                .map_or(previous, |i| &previous[i..])
                .trim_start_matches(is_space);
            if !previous.is_empty() && self.is_caption_seam(previous, word, next) {
                return true;
            }
        }
        false
    }

    /// Whether a new sentence starts at `word`, between `previous` and `next`.
    fn is_caption_seam(&self, previous: &str, word: &str, next: &str) -> bool {
        // The cheap tests first (an opener starts with its capital): this
        // runs for most words of the text.
        next.chars().next().is_some_and(char::is_lowercase)
            && word.chars().next().is_some_and(char::is_uppercase)
            // The opener first: most capitals inside a sentence are names,
            // which are not stop words.
            && self.is_caption_opener(word)
            && self.is_caption_end(previous)
    }

    /// Whether `word`, capitalized and followed by a lower-case word, may be
    /// the first word of a sentence after a caption: a stop word that is
    /// not mostly a name, or one of the listed openers that are not stop
    /// words ("Although", "Like", "Meanwhile").
    fn is_caption_opener(&self, word: &str) -> bool {
        let whole = word
            .chars()
            .all(|c| c.is_alphanumeric() || c == '\'' || c == '’');
        // "I'll", "I’m": "I" goes on a sentence as often as it starts one.
        let i_contraction = word.starts_with("I'") || word.starts_with("I’");
        // "join IS over", "month WHO experts", "better IT support":
        // capitals throughout are an acronym that is also a stop word.
        // The stop word test first: most capitalized words are names, which
        // are not stop words.
        whole
            && (self.is_stop_word_lowered(word) || self.caption_openers.contains(word))
            && !i_contraction
            && !super::is_acronym(word)
            && !self.caption_name_words.contains(word)
    }

    /// Whether `word` may be the last word of a caption: no final stop, and
    /// not a stop word. A closing quote may follow the last letter: a
    /// caption that ends on a quotation ("... the weather was 'too hot' The
    /// incident was ...").
    fn is_caption_end(&self, word: &str) -> bool {
        let word = word.trim_end_matches(CLOSING_QUOTES);
        let bare_end = word
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == ')');
        bare_end && !self.is_stop_word_lowered(word)
    }

    /// The units of `sentence` once its photo captions are cut off: the
    /// byte offset where each piece but the first starts, and whether the
    /// piece before it is a caption. Two rules give the cuts: a caption
    /// glued to the sentence after it ([`Self::caption_cuts`]: the piece
    /// before the seam is the caption), and a caption label after a word
    /// without final mark ([`Self::label_cuts`]: the piece after it is).
    pub(super) fn caption_pieces(&self, sentence: &str) -> Vec<(usize, bool)> {
        let mut pieces: Vec<(usize, bool)> = self
            .caption_cuts(sentence)
            .into_iter()
            .map(|cut| (cut, true))
            .collect();
        for cut in self.label_cuts(sentence) {
            if !pieces.iter().any(|&(at, _)| at == cut) {
                pieces.push((cut, false));
            }
        }
        pieces.sort_unstable();
        pieces
    }

    /// Byte offsets in `sentence` where a labelled photo caption starts
    /// after text that has no final mark: "... died in hospital from his
    /// injuries Freak coincidence: His brother had died ...". The label
    /// ([`Self::label_len`]) follows a word that may end a caption or a
    /// sentence and starts with a lower-case letter or a digit (a
    /// capitalized one makes a title with its subtitle: "Resident Evil:
    /// Apocalypse"). Both sides must be long enough to be sentences.
    pub(super) fn label_cuts(&self, sentence: &str) -> Vec<usize> {
        if !self.rules.caption_cuts || !sentence.contains(": ") {
            return Vec::new();
        }
        let words: Vec<(usize, &str)> = word_spans(sentence).collect();
        let texts: Vec<&str> = words.iter().map(|&(_, w)| w).collect();
        let mut cuts = Vec::new();
        let mut piece_start = 0;
        for i in 1..words.len() {
            let (offset, word) = words[i];
            let previous = words[i - 1].1;
            let lower_start = previous
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
            if word.chars().next().is_some_and(char::is_uppercase)
                && lower_start
                && self.is_caption_end(previous)
                && self.label_len(&texts[i..]) > 0
                && i - piece_start >= CAPTION_MIN_WORDS
                && words.len() - i >= CAPTION_MIN_WORDS
            {
                cuts.push(offset);
                piece_start = i;
            }
        }
        cuts
    }

    /// Whether `unit` opens with a caption label: Daily Mail captions start
    /// with one ("Tragic: The man was thrown off his motorbike ...",
    /// "Global appeal: Teams from 13 countries took part ..."). Such a unit
    /// is long enough to be a sentence.
    pub(super) fn opens_with_label(&self, unit: &str) -> bool {
        if !self.rules.caption_cuts || !unit.contains(": ") {
            return false;
        }
        let words: Vec<&str> = word_spans(unit)
            .map(|(_, w)| w)
            .take(CAPTION_MIN_WORDS)
            .collect();
        words.len() >= CAPTION_MIN_WORDS && self.label_len(&words) > 0
    }

    /// The number of words (1 or 2) of the caption label that `words`
    /// start with, or 0 for none. A label is a capitalized word, or a
    /// capitalized word and a lower-case one, then a colon, then a
    /// capitalized word: "Pictured: The", "Global appeal: Professional".
    /// No word of it is a stop word ("He added: The", "They are: XXX"), and
    /// two capitalized words before a colon are a name: a speaker in a
    /// transcript ("Joy Smith: If you ..."). A name and a verb of saying
    /// ("Harris said: The ...") introduce a quotation, not a caption.
    fn label_len(&self, words: &[&str]) -> usize {
        let word = |i: usize| words.get(i).copied();
        let Some(first) = word(0) else {
            return 0;
        };
        let is_label_word = |w: &str, capital: bool| {
            let w = w.strip_suffix(':').unwrap_or(w);
            let mut chars = w.chars();
            chars
                .next()
                .is_some_and(|c| c.is_uppercase() == capital && c.is_alphabetic())
                && chars.all(|c| c.is_lowercase() || c == '-')
                && !self.is_stop_word_lowered(w)
        };
        let opens_caption = |next: Option<&str>| {
            next.and_then(|w| w.chars().next())
                .is_some_and(char::is_uppercase)
        };
        if !is_label_word(first, true) {
            return 0;
        }
        if first.ends_with(':') {
            return usize::from(first.len() > 1 && opens_caption(word(1)));
        }
        match word(1) {
            Some(second)
                if second.ends_with(':')
                    && is_label_word(second, false)
                    && !SAYING.contains(&second.trim_end_matches(':'))
                    && opens_caption(word(2)) =>
            {
                2
            }
            _ => 0,
        }
    }
}

/// Quotes that may close a caption's last word.
const CLOSING_QUOTES: &[char] = &['\'', '’', '"', '”'];

/// Verbs of saying: a name and one of them before a colon introduce a
/// quotation ("Harris added: Everybody ..."), not a caption label.
const SAYING: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "told",
    "tells",
    "wrote",
    "writes",
    "explained",
    "explains",
    "continued",
    "continues",
    "concluded",
    "concludes",
    "replied",
    "replies",
    "asked",
    "asks",
    "insisted",
    "insists",
    "warned",
    "warns",
    "tweeted",
    "tweets",
    "posted",
    "posts",
    "stated",
    "states",
    "declared",
    "declares",
];
