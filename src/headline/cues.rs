//! Cues: the words that give a built headline its style in one language:
//! what headline writers leave out, where a sentence can be cut, and the
//! verb forms that turn "has agreed" into "agrees" (`verbs.rs`).
//!
//! Only English has cues. Every other language gets [`Cues::NONE`] and its
//! headlines are built from punctuation, case and its stop words alone:
//! brackets, commas, dashes, quotes, and the salience of each word.

use crate::language::Language;

/// Word lists of one language, all lower case.
#[derive(Debug)]
pub(super) struct Cues {
    /// Open a subordinate clause: a good place to cut.
    pub clause_starters: &'static [&'static str],
    /// Prepositions: weaker cut points than clause starters.
    pub phrase_starters: &'static [&'static str],
    /// Verbs of attribution: ", officials said" and "X said that" go.
    pub attribution: &'static [&'static str],
    /// Verbs of saying that open a sentence ("Analysts said ..."); unlike
    /// `attribution`, no word that is as often a noun ("claims").
    pub reporters: &'static [&'static str],
    /// Verbs of saying that take a clause rather than an object ("said",
    /// not "reported a profit").
    pub reporting: &'static [&'static str],
    /// Plural nouns without "-s", and plural pronouns.
    pub plurals: &'static [&'static str],
    /// Number words, never part of a descriptor ("a million US consumers").
    pub numerals: &'static [&'static str],
    /// Nouns of quantity that stay in front ("Half of Yukos").
    pub quantities: &'static [&'static str],
    /// Link a noun to the name it belongs to ("shares in", "profits at").
    pub name_links: &'static [&'static str],
    /// Open a leading adverbial that ends at a comma ("In 2003, ...").
    pub openers: &'static [&'static str],
    /// Open a subordinate clause a few words in: "Less than four years
    /// after the Mini was launched, ..." is a leading adverbial too.
    pub subordinators: &'static [&'static str],
    /// Open a clause that a headline leaves out: the main clause ends
    /// before them ("..., saying", "after ...", "which ...").
    pub clause_breaks: &'static [&'static str],
    /// Link a sentence to the one before ("But", "However").
    pub connectives: &'static [&'static str],
    /// Left out wherever they stand: articles, possessives, filler adverbs.
    pub dropped: &'static [&'static str],
    /// Words in "-ly" that are no adverb to drop ("only", "supply").
    pub not_adverbs: &'static [&'static str],
    /// Subject pronouns, which stand for the name before "said".
    pub pronouns: &'static [&'static str],
    /// Never end a headline: modals, "said", "including".
    pub dangling: &'static [&'static str],
    /// Time words dropped with the lead words before them ("on Monday").
    pub days: &'static [&'static str],
    /// Month names, dropped after a lead word ("in December").
    pub months: &'static [&'static str],
    /// Join a preceding day ("Monday night").
    pub day_parts: &'static [&'static str],
    /// Periods dropped after one of `period_lead` ("this week").
    pub periods: &'static [&'static str],
    pub period_lead: &'static [&'static str],
    /// Taken along with a dropped time word ("late on", "earlier this").
    pub time_lead: &'static [&'static str],
    /// Forms of "be" and "have": left out before a participle.
    pub be: &'static [&'static str],
    pub have: &'static [&'static str],
    pub been: &'static str,
    /// Modal verbs: they need the verb after them.
    pub modals: &'static [&'static str],
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
    pub passive_after: &'static [&'static str],
    /// Introduces the agent of a passive ("led by").
    pub by: &'static str,
    /// Binds a noun phrase: never cut before it ("dozens | of").
    pub of: &'static str,
    /// Subjects that keep their "is" ("there is").
    pub expletives: &'static [&'static str],
    /// Words in "-ing" that are no verb after "is" ("willing").
    pub not_gerunds: &'static [&'static str],
    /// Open a relative clause, whose verb is not the sentence's.
    pub relatives: &'static [&'static str],
    /// "more than" before a number becomes "over".
    pub more_than: [&'static str; 2],
    pub over: &'static str,
    /// Nouns in "-s" that take a singular verb.
    pub singular_s: &'static [&'static str],
    /// Irregular verbs: base, past tense, past participle.
    pub irregular: &'static [(&'static str, &'static str, &'static str)],
    /// Past forms that are as often nouns or adjectives ("cut", "set", "left"):
    /// a verb only after an auxiliary.
    pub ambiguous_past: &'static [&'static str],
    /// "-ed" words that are no verb.
    pub not_past: &'static [&'static str],
    /// Whether the language inflects verbs the way English does (see
    /// [`Cues::present`]).
    pub inflects: bool,
}

impl Cues {
    /// No cues: headlines from punctuation and case alone.
    pub const NONE: Cues = Cues {
        clause_starters: &[],
        phrase_starters: &[],
        attribution: &[],
        reporters: &[],
        reporting: &[],
        plurals: &[],
        numerals: &[],
        quantities: &[],
        name_links: &[],
        openers: &[],
        subordinators: &[],
        clause_breaks: &[],
        connectives: &[],
        dropped: &[],
        not_adverbs: &[],
        pronouns: &[],
        dangling: &[],
        days: &[],
        months: &[],
        day_parts: &[],
        periods: &[],
        period_lead: &[],
        time_lead: &[],
        be: &[],
        have: &[],
        been: "",
        modals: &[],
        will: "",
        to: "",
        not: "",
        that: "",
        and: "",
        or: "",
        passive_after: &[],
        by: "",
        of: "",
        expletives: &[],
        not_gerunds: &[],
        relatives: &[],
        more_than: ["", ""],
        over: "",
        singular_s: &[],
        irregular: &[],
        ambiguous_past: &[],
        not_past: &[],
        inflects: false,
    };

    /// English news style: no articles or auxiliaries, present tense.
    #[rustfmt::skip]
    pub const ENGLISH: Cues = Cues {
        clause_starters: &[
            "which", "who", "whose", "after", "as", "while", "because", "amid", "following",
            "when", "where", "despite", "although", "though", "since", "until", "but", "before",
            "with", "saying", "according", "and", "that", "if", "unless", "whereas", "amidst",
        ],
        phrase_starters: &[
            "on", "in", "at", "to", "for", "from", "by", "over", "into", "of", "during", "about",
            "against", "under", "between", "across", "through", "outside", "inside", "within",
            "among", "near", "beyond", "behind", "around", "towards", "toward", "via",
        ],
        attribution: &[
            "said", "says", "say", "told", "reported", "reports", "announced", "added", "stated",
            "according", "claimed", "claims", "claim", "confirmed", "warned", "show", "shows",
            "suggest", "suggests", "believe", "believes", "estimate", "estimates",
        ],
        reporters: &[
            "said", "says", "say", "told", "reported", "announced", "added", "stated",
            "confirmed", "warned", "believe", "believes", "think", "thinks",
        ],
        reporting: &["said", "says", "say", "believe", "believes", "think", "thinks"],
        plurals: &[
            "police", "people", "they", "we", "cattle", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands", "millions",
            "billions", "several", "many", "both", "few",
        ],
        numerals: &[
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "dozen", "hundred", "thousand", "million", "billion", "trillion",
        ],
        quantities: &[
            "number", "half", "some", "most", "all", "part", "rest", "majority", "many", "each",
            "none", "any", "both", "few", "several", "bulk", "share", "third", "quarter",
        ],
        name_links: &["in", "of", "at"],
        openers: &[
            "in", "on", "at", "after", "before", "following", "despite", "with", "without",
            "for", "by", "since", "during", "amid", "as", "while", "when", "although", "though",
            "if", "unlike", "like", "under", "over", "from", "last", "this", "earlier", "later",
            "yesterday", "today", "however", "meanwhile", "but", "and", "so", "yet", "also",
            "now", "shortly", "according", "instead", "overall", "still", "once", "until",
            "having", "speaking", "every",
        ],
        subordinators: &[
            "after", "before", "when", "while", "because", "although", "though", "since",
            "despite", "if", "unless", "until", "once",
        ],
        clause_breaks: &[
            "after", "before", "when", "while", "because", "although", "though", "since",
            "despite", "if", "unless", "until", "once", "amid", "amidst", "following",
            "saying", "according", "but", "whereas", "which", "who", "whose", "that",
        ],
        connectives: &["but", "and", "so", "yet", "however", "meanwhile", "also"],
        dropped: &[
            "the", "a", "an", "its", "their", "also", "now", "still", "already", "currently",
            "reportedly", "recently", "just",
        ],
        not_adverbs: &[
            "only", "early", "daily", "weekly", "monthly", "quarterly", "yearly", "hourly",
            "likely", "unlikely", "family", "italy", "july", "supply", "rally", "reply",
            "apply", "ally", "fly", "assembly", "nearly", "anomaly", "monopoly", "holy", "ugly",
            "friendly", "costly", "deadly", "orderly", "elderly", "timely", "lonely", "lovely",
            "silly", "jolly", "belly", "bully", "jelly", "comply", "multiply", "imply",
            "reply", "sly", "italy", "sicily", "emily", "kelly", "lily", "molly", "holly",
        ],
        pronouns: &["it", "he", "she", "they", "we"],
        dangling: &[
            "may", "might", "could", "would", "must", "shall", "can", "said", "says", "say",
            "told", "according", "including", "like", "such",
        ],
        days: &[
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "yesterday", "today", "tonight",
        ],
        months: &[
            "january", "february", "april", "june", "july", "august", "september", "october",
            "november", "december",
        ],
        day_parts: &["morning", "afternoon", "evening", "night"],
        periods: &["week", "weekend", "month", "year"],
        period_lead: &["this", "last", "next"],
        time_lead: &[
            "on", "from", "since", "until", "by", "last", "this", "next", "late", "early",
            "earlier", "later", "in", "during",
        ],
        be: &["is", "are", "was", "were"],
        have: &["has", "have", "had"],
        been: "been",
        modals: &["could", "may", "might", "would", "should", "can", "must"],
        will: "will",
        to: "to",
        not: "not",
        that: "that",
        and: "and",
        or: "or",
        passive_after: &["be", "been", "being", "is", "are", "was", "were", "get", "got"],
        by: "by",
        of: "of",
        expletives: &["there", "this", "that", "what", "here", "i", "you"],
        not_gerunds: &[
            "willing", "missing", "outstanding", "interesting", "surprising", "encouraging",
            "disappointing", "worrying", "amazing", "exciting", "promising", "convincing",
            "misleading", "boring", "appealing", "staggering", "alarming", "disturbing",
            "compelling", "pressing", "lasting", "ongoing", "upcoming", "nothing", "something",
            "anything", "everything", "during", "morning", "evening", "ceiling", "sibling",
            "wedding",
        ],
        relatives: &["which", "who", "whose", "whom", "that"],
        more_than: ["more", "than"],
        over: "over",
        singular_s: &["news", "series", "species", "economics", "politics", "its", "this"],
        irregular: &[
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
        ],
        ambiguous_past: &[
            "hit", "cut", "set", "put", "bid", "quit", "shut", "split", "spread", "hurt", "cost",
            "shed", "let", "upset", "forecast", "read", "beat", "left", "found", "lay", "run",
            "come", "become", "done", "gone", "fallen", "shown", "given", "taken", "known",
            "seen", "broken", "frozen", "drawn", "written", "hidden", "worn", "torn",
        ],
        not_past: &[
            "need", "feed", "seed", "speed", "breed", "bleed", "greed", "weed", "deed", "heed",
            "creed", "steed", "proceed", "exceed", "succeed", "indeed", "hundred", "bed", "red",
            "shed", "wed", "led", "fed", "sled", "bred", "naked", "wicked", "sacred", "kindred",
            "rugged", "ragged", "wretched", "beloved", "learned", "aged", "embed", "biped",
        ],
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
