//! Cues: the words that give a built headline its style in one language:
//! what headline writers leave out, where a sentence can be cut, and the
//! verb forms that turn "has agreed" into "agrees" (`verbs.rs`).
//!
//! Only English has cues. Every other language gets [`Cues::NONE`] and its
//! headlines are built from punctuation, case and its stop words alone:
//! brackets, commas, dashes, quotes, and the salience of each word.

use std::sync::LazyLock;

use crate::language::Language;
use crate::text::tokenize::FastMap;

/// Word lists of one language, all lower case.
#[derive(Debug)]
pub(super) struct Cues {
    /// Open a subordinate clause: a good place to cut.
    pub clause_starters: List,
    /// Prepositions: weaker cut points than clause starters.
    pub phrase_starters: List,
    /// Verbs of attribution: ", officials said" and "X said that" go.
    pub attribution: List,
    /// Verbs of saying that open a sentence ("Analysts said ..."); unlike
    /// `attribution`, no word that is as often a noun ("claims").
    pub reporters: List,
    /// Verbs of saying that take a clause rather than an object ("said",
    /// not "reported a profit").
    pub reporting: List,
    /// Plural nouns without "-s", and plural pronouns.
    pub plurals: List,
    /// Number words, never part of a descriptor ("a million US consumers").
    pub numerals: List,
    /// Nouns of quantity that stay in front ("Half of Yukos").
    pub quantities: List,
    /// Link a noun to the name it belongs to ("shares in", "profits at").
    pub name_links: List,
    /// Open a leading adverbial that ends at a comma ("In 2003, ...").
    pub openers: List,
    /// Open a subordinate clause a few words in: "Less than four years
    /// after the Mini was launched, ..." is a leading adverbial too.
    pub subordinators: List,
    /// Open a clause that a headline leaves out: the main clause ends
    /// before them ("..., saying", "after ...", "which ...").
    pub clause_breaks: List,
    /// Link a sentence to the one before ("But", "However").
    pub connectives: List,
    /// Left out wherever they stand: articles, possessives, filler adverbs.
    pub dropped: List,
    /// Words in "-ly" that are no adverb to drop ("only", "supply").
    pub not_adverbs: List,
    /// Subject pronouns, which stand for the name before "said".
    pub pronouns: List,
    /// Never end a headline: modals, "said", "including".
    pub dangling: List,
    /// Time words dropped with the lead words before them ("on Monday").
    pub days: List,
    /// Month names, dropped after a lead word ("in December").
    pub months: List,
    /// Join a preceding day ("Monday night").
    pub day_parts: List,
    /// Periods dropped after one of `period_lead` ("this week").
    pub periods: List,
    pub period_lead: List,
    /// Taken along with a dropped time word ("late on", "earlier this").
    pub time_lead: List,
    /// Forms of "be" and "have": left out before a participle.
    pub be: List,
    pub have: List,
    pub been: &'static str,
    /// Modal verbs: they need the verb after them.
    pub modals: List,
    /// "will" becomes "to" ("Women will be employed" -> "Women to be employed").
    pub will: &'static str,
    pub to: &'static str,
    /// "will not" keeps its "will" ("to not" is no headline English).
    pub not: &'static str,
    /// Opens a reported clause ("said that ...").
    pub that: &'static str,
    /// Joins two subjects into a plural one.
    pub and: &'static str,
    pub or: &'static str,
    /// A past form after these is a participle ("to be reversed").
    pub passive_after: List,
    /// Introduces the agent of a passive ("led by").
    pub by: &'static str,
    /// Binds a noun phrase: never cut before it ("dozens | of").
    pub of: &'static str,
    /// Subjects that keep their "is" ("there is").
    pub expletives: List,
    /// Words in "-ing" that are no verb after "is" ("willing").
    pub not_gerunds: List,
    /// Open a relative clause, whose verb is not the sentence's.
    pub relatives: List,
    /// "more than" before a number becomes "over".
    pub more_than: [&'static str; 2],
    pub over: &'static str,
    /// Nouns in "-s" that take a singular verb.
    pub singular_s: List,
    /// The base form of an irregular past tense or past participle ("rose",
    /// "risen" -> "rise").
    pub irregular: fn(&str) -> Option<&'static str>,
    /// Past forms that are as often nouns or adjectives ("cut", "set", "left"):
    /// a verb only after an auxiliary.
    pub ambiguous_past: List,
    /// "-ed" words that are no verb.
    pub not_past: List,
    /// Whether the language inflects verbs the way English does (see
    /// [`Cues::present`]).
    pub inflects: bool,
}

impl Cues {
    /// No cues: headlines from punctuation and case alone.
    pub const NONE: Cues = Cues {
        clause_starters: List::new(&[]),
        phrase_starters: List::new(&[]),
        attribution: List::new(&[]),
        reporters: List::new(&[]),
        reporting: List::new(&[]),
        plurals: List::new(&[]),
        numerals: List::new(&[]),
        quantities: List::new(&[]),
        name_links: List::new(&[]),
        openers: List::new(&[]),
        subordinators: List::new(&[]),
        clause_breaks: List::new(&[]),
        connectives: List::new(&[]),
        dropped: List::new(&[]),
        not_adverbs: List::new(&[]),
        pronouns: List::new(&[]),
        dangling: List::new(&[]),
        days: List::new(&[]),
        months: List::new(&[]),
        day_parts: List::new(&[]),
        periods: List::new(&[]),
        period_lead: List::new(&[]),
        time_lead: List::new(&[]),
        be: List::new(&[]),
        have: List::new(&[]),
        been: "",
        modals: List::new(&[]),
        will: "",
        to: "",
        not: "",
        that: "",
        and: "",
        or: "",
        passive_after: List::new(&[]),
        by: "",
        of: "",
        expletives: List::new(&[]),
        not_gerunds: List::new(&[]),
        relatives: List::new(&[]),
        more_than: ["", ""],
        over: "",
        singular_s: List::new(&[]),
        irregular: |_| None,
        ambiguous_past: List::new(&[]),
        not_past: List::new(&[]),
        inflects: false,
    };

    /// English news style: no articles or auxiliaries, present tense.
    #[rustfmt::skip]
    pub const ENGLISH: Cues = Cues {
        clause_starters: List::new(&[
            "which", "who", "whose", "after", "as", "while", "because", "amid", "following",
            "when", "where", "despite", "although", "though", "since", "until", "but", "before",
            "with", "saying", "according", "and", "that", "if", "unless", "whereas", "amidst",
        ]),
        phrase_starters: List::new(&[
            "on", "in", "at", "to", "for", "from", "by", "over", "into", "of", "during", "about",
            "against", "under", "between", "across", "through", "outside", "inside", "within",
            "among", "near", "beyond", "behind", "around", "towards", "toward", "via",
        ]),
        attribution: List::new(&[
            "said", "says", "say", "told", "reported", "reports", "announced", "added", "stated",
            "according", "claimed", "claims", "claim", "confirmed", "warned", "show", "shows",
            "suggest", "suggests", "believe", "believes", "estimate", "estimates",
        ]),
        reporters: List::new(&[
            "said", "says", "say", "told", "reported", "announced", "added", "stated",
            "confirmed", "warned", "believe", "believes", "think", "thinks",
        ]),
        reporting: List::new(&["said", "says", "say", "believe", "believes", "think", "thinks"]),
        plurals: List::new(&[
            "police", "people", "they", "we", "cattle", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands", "millions",
            "billions", "several", "many", "both", "few",
        ]),
        numerals: List::new(&[
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "dozen", "hundred", "thousand", "million", "billion", "trillion",
        ]),
        quantities: List::new(&[
            "number", "half", "some", "most", "all", "part", "rest", "majority", "many", "each",
            "none", "any", "both", "few", "several", "bulk", "share", "third", "quarter",
        ]),
        name_links: List::new(&["in", "of", "at"]),
        openers: List::new(&[
            "in", "on", "at", "after", "before", "following", "despite", "with", "without",
            "for", "by", "since", "during", "amid", "as", "while", "when", "although", "though",
            "if", "unlike", "like", "under", "over", "from", "last", "this", "earlier", "later",
            "yesterday", "today", "however", "meanwhile", "but", "and", "so", "yet", "also",
            "now", "shortly", "according", "instead", "overall", "still", "once", "until",
            "having", "speaking", "every",
        ]),
        subordinators: List::new(&[
            "after", "before", "when", "while", "because", "although", "though", "since",
            "despite", "if", "unless", "until", "once",
        ]),
        clause_breaks: List::new(&[
            "after", "before", "when", "while", "because", "although", "though", "since",
            "despite", "if", "unless", "until", "once", "amid", "amidst", "following",
            "saying", "according", "but", "whereas", "which", "who", "whose", "that",
        ]),
        connectives: List::new(&["but", "and", "so", "yet", "however", "meanwhile", "also"]),
        dropped: List::new(&[
            "the", "a", "an", "its", "their", "also", "now", "still", "already", "currently",
            "reportedly", "recently", "just",
        ]),
        not_adverbs: List::new(&[
            "only", "early", "daily", "weekly", "monthly", "quarterly", "yearly", "hourly",
            "likely", "unlikely", "family", "italy", "july", "supply", "rally", "reply",
            "apply", "ally", "fly", "assembly", "nearly", "anomaly", "monopoly", "holy", "ugly",
            "friendly", "costly", "deadly", "orderly", "elderly", "timely", "lonely", "lovely",
            "silly", "jolly", "belly", "bully", "jelly", "comply", "multiply", "imply",
            "reply", "sly", "italy", "sicily", "emily", "kelly", "lily", "molly", "holly",
        ]),
        pronouns: List::new(&["it", "he", "she", "they", "we"]),
        dangling: List::new(&[
            "may", "might", "could", "would", "must", "shall", "can", "said", "says", "say",
            "told", "according", "including", "like", "such",
        ]),
        days: List::new(&[
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "yesterday", "today", "tonight",
        ]),
        months: List::new(&[
            "january", "february", "april", "june", "july", "august", "september", "october",
            "november", "december",
        ]),
        day_parts: List::new(&["morning", "afternoon", "evening", "night"]),
        periods: List::new(&["week", "weekend", "month", "year"]),
        period_lead: List::new(&["this", "last", "next"]),
        time_lead: List::new(&[
            "on", "from", "since", "until", "by", "last", "this", "next", "late", "early",
            "earlier", "later", "in", "during",
        ]),
        be: List::new(&["is", "are", "was", "were"]),
        have: List::new(&["has", "have", "had"]),
        been: "been",
        modals: List::new(&["could", "may", "might", "would", "should", "can", "must"]),
        will: "will",
        to: "to",
        not: "not",
        that: "that",
        and: "and",
        or: "or",
        passive_after: List::new(&["be", "been", "being", "is", "are", "was", "were", "get", "got"]),
        by: "by",
        of: "of",
        expletives: List::new(&["there", "this", "that", "what", "here", "i", "you"]),
        not_gerunds: List::new(&[
            "willing", "missing", "outstanding", "interesting", "surprising", "encouraging",
            "disappointing", "worrying", "amazing", "exciting", "promising", "convincing",
            "misleading", "boring", "appealing", "staggering", "alarming", "disturbing",
            "compelling", "pressing", "lasting", "ongoing", "upcoming", "nothing", "something",
            "anything", "everything", "during", "morning", "evening", "ceiling", "sibling",
            "wedding",
        ]),
        relatives: List::new(&["which", "who", "whose", "whom", "that"]),
        more_than: ["more", "than"],
        over: "over",
        singular_s: List::new(&["news", "series", "species", "economics", "politics", "its", "this"]),
        irregular: english_irregular,
        ambiguous_past: List::new(&[
            "hit", "cut", "set", "put", "bid", "quit", "shut", "split", "spread", "hurt", "cost",
            "shed", "let", "upset", "forecast", "read", "beat", "left", "found", "lay", "run",
            "come", "become", "done", "gone", "fallen", "shown", "given", "taken", "known",
            "seen", "broken", "frozen", "drawn", "written", "hidden", "worn", "torn",
        ]),
        not_past: List::new(&[
            "need", "feed", "seed", "speed", "breed", "bleed", "greed", "weed", "deed", "heed",
            "creed", "steed", "proceed", "exceed", "succeed", "indeed", "hundred", "bed", "red",
            "shed", "wed", "led", "fed", "sled", "bred", "naked", "wicked", "sacred", "kindred",
            "rugged", "ragged", "wretched", "beloved", "learned", "aged", "embed", "biped",
        ]),
        inflects: true,
    };

    /// The cues of `language`.
    pub fn of(language: Language) -> &'static Cues {
        match language {
            Language::English => &Cues::ENGLISH,
            _ => &Cues::NONE,
        }
    }
}

/// English irregular verbs: base, past tense, past participle.
#[rustfmt::skip]
const ENGLISH_IRREGULAR: &[(&str, &str, &str)] = &[
        ("rise", "rose", "risen"), ("fall", "fell", "fallen"), ("grow", "grew", "grown"),
        ("show", "showed", "shown"), ("take", "took", "taken"), ("give", "gave", "given"),
        ("see", "saw", "seen"), ("begin", "began", "begun"), ("do", "did", "done"),
        ("go", "went", "gone"), ("write", "wrote", "written"), ("choose", "chose", "chosen"),
        ("drive", "drove", "driven"), ("break", "broke", "broken"),
        ("freeze", "froze", "frozen"), ("beat", "beat", "beaten"),
        ("throw", "threw", "thrown"), ("fly", "flew", "flown"), ("draw", "drew", "drawn"),
        ("know", "knew", "known"), ("withdraw", "withdrew", "withdrawn"),
        ("overtake", "overtook", "overtaken"), ("undertake", "undertook", "undertaken"),
        ("become", "became", "become"), ("come", "came", "come"), ("run", "ran", "run"),
        ("sink", "sank", "sunk"), ("shrink", "shrank", "shrunk"),
        ("forget", "forgot", "forgotten"), ("speak", "spoke", "spoken"),
        ("steal", "stole", "stolen"), ("wear", "wore", "worn"), ("tear", "tore", "torn"),
        ("swear", "swore", "sworn"), ("ride", "rode", "ridden"), ("hide", "hid", "hidden"),
        ("win", "won", "won"), ("lose", "lost", "lost"), ("sell", "sold", "sold"),
        ("buy", "bought", "bought"), ("make", "made", "made"), ("pay", "paid", "paid"),
        ("say", "said", "said"), ("hold", "held", "held"), ("keep", "kept", "kept"),
        ("leave", "left", "left"), ("send", "sent", "sent"), ("spend", "spent", "spent"),
        ("build", "built", "built"), ("bring", "brought", "brought"),
        ("find", "found", "found"), ("meet", "met", "met"), ("lead", "led", "led"),
        ("tell", "told", "told"), ("strike", "struck", "struck"),
        ("seek", "sought", "sought"), ("think", "thought", "thought"),
        ("catch", "caught", "caught"), ("teach", "taught", "taught"),
        ("fight", "fought", "fought"), ("hear", "heard", "heard"), ("feel", "felt", "felt"),
        ("deal", "dealt", "dealt"), ("mean", "meant", "meant"), ("stand", "stood", "stood"),
        ("lay", "laid", "laid"), ("get", "got", "got"), ("slide", "slid", "slid"),
        ("swing", "swung", "swung"), ("stick", "stuck", "stuck"), ("lend", "lent", "lent"),
        ("hit", "hit", "hit"), ("cut", "cut", "cut"), ("set", "set", "set"),
        ("put", "put", "put"), ("bid", "bid", "bid"), ("quit", "quit", "quit"),
        ("shut", "shut", "shut"), ("split", "split", "split"),
        ("spread", "spread", "spread"), ("hurt", "hurt", "hurt"), ("cost", "cost", "cost"),
        ("shed", "shed", "shed"), ("let", "let", "let"), ("upset", "upset", "upset"),
        ("forecast", "forecast", "forecast"), ("read", "read", "read"),
];

/// [`Cues::irregular`] for English. Asked of nearly every word of every
/// lead, so the list is looked up through a map built the first time, and
/// only for a word that [`IRREGULAR_FILTER`] lets through.
fn english_irregular(word: &str) -> Option<&'static str> {
    let bit = filter_bit(word.as_bytes());
    if IRREGULAR_FILTER[bit / 64] & (1 << (bit % 64)) == 0 {
        return None;
    }
    static INDEX: LazyLock<FastMap<&str, &str>> = LazyLock::new(|| {
        let mut index = FastMap::default();
        // The first entry with a form wins, as a scan of the list would.
        for &(base, past, participle) in ENGLISH_IRREGULAR.iter().rev() {
            index.insert(participle, base);
            index.insert(past, base);
        }
        index
    });
    INDEX.get(word).copied()
}

/// A filter over the irregular past forms: each sets one bit of 1,024, its
/// [`filter_bit`]. A word whose bit is clear is none of them, and is not
/// looked up: most words are not, and looking each up took 2.9M Ir of
/// corp300's headlines.
const IRREGULAR_FILTER: [u64; 16] = irregular_filter();

/// Builds [`IRREGULAR_FILTER`].
const fn irregular_filter() -> [u64; 16] {
    let mut filter = [0u64; 16];
    let mut i = 0;
    while i < ENGLISH_IRREGULAR.len() {
        let (_, past, participle) = ENGLISH_IRREGULAR[i];
        let past = filter_bit(past.as_bytes());
        let participle = filter_bit(participle.as_bytes());
        filter[past / 64] |= 1 << (past % 64);
        filter[participle / 64] |= 1 << (participle % 64);
        i += 1;
    }
    filter
}

/// Which of 1,024 bits a word sets in [`IRREGULAR_FILTER`]: a mix of its
/// length and its first two and last letters.
const fn filter_bit(word: &[u8]) -> usize {
    let n = word.len();
    if n < 2 {
        return 0;
    }
    ((n % 64) * 131 + word[0] as usize * 31 + word[1] as usize * 17 + word[n - 1] as usize * 7)
        % 1024
}

/// A word list, with two 128-bit signatures of its words' lengths and
/// letters: most words are in no list, and the signatures say so without
/// comparing them to every entry (list lookups took about a fifth of
/// building a headline). A word not in a list of 25 sets a bit of one
/// signature about one time in six, and bits of both about one time in
/// twenty-five: only then is it compared to the entries.
#[derive(Debug, Clone, Copy)]
pub(super) struct List {
    words: &'static [&'static str],
    signatures: [u128; 2],
}

impl List {
    /// The list of `words` (lower case).
    pub const fn new(words: &'static [&'static str]) -> Self {
        let mut signatures = [0; 2];
        let mut i = 0;
        while i < words.len() {
            let bits = signature_bits(words[i].as_bytes());
            signatures[0] |= 1 << bits[0];
            signatures[1] |= 1 << bits[1];
            i += 1;
        }
        List { words, signatures }
    }

    /// Whether `word` is in the list.
    pub fn contains(&self, word: &str) -> bool {
        self.contains_with_bits(word, signature_bits(word.as_bytes()))
    }

    /// Whether `word` is in the list, given its [`signature_bits`] (which
    /// a word being built keeps, as it is asked about many lists).
    pub fn contains_with_bits(&self, word: &str, bits: [u32; 2]) -> bool {
        self.signatures[0] & (1 << bits[0]) != 0
            && self.signatures[1] & (1 << bits[1]) != 0
            && self.words.contains(&word)
    }
}

impl std::ops::Deref for List {
    type Target = [&'static str];

    fn deref(&self) -> &Self::Target {
        self.words
    }
}

/// Which of 128 bits a word sets in each of a [`List`]'s signatures: one
/// from its length and first and last letters, one from its length and
/// second and last but one.
pub(super) const fn signature_bits(word: &[u8]) -> [u32; 2] {
    // The length modulo 128 first: a word may be longer than `u32`
    // arithmetic allows (a 200 MB line without spaces).
    let len = (word.len() % 128) as u32;
    match word {
        [] => [0, 0],
        [only] => [
            (37 + *only as u32 * 14) % 128,
            (*only as u32 * 5 + 11) % 128,
        ],
        [first, .., last] => {
            let (second, before_last) = (word[1] as u32, word[word.len() - 2] as u32);
            [
                (len * 37 + *first as u32 * 11 + *last as u32 * 3) % 128,
                (len * 3 + second * 13 + before_last * 7) % 128,
            ]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_irregular_form_passes_the_filter() {
        for &(base, past, participle) in ENGLISH_IRREGULAR {
            for form in [past, participle] {
                let found = english_irregular(form);
                assert!(found.is_some(), "{form}");
                // The first entry with a form wins ("lay": "laid", "lie").
                let first = ENGLISH_IRREGULAR
                    .iter()
                    .find(|&&(_, p, pp)| p == form || pp == form)
                    .map(|&(b, _, _)| b);
                assert_eq!(found, first, "{form} ({base})");
            }
        }
    }
}
