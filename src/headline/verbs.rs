//! English verb forms, for the present tense of headlines: "rose" ->
//! "rises", "has agreed" -> "agrees", "is considering" -> "considers".
//! Irregular verbs come from [`Cues::irregular`]; regular ones follow
//! English spelling ("carried" -> "carry", "dropped" -> "drop", "raised" ->
//! "raise").

use super::cues::Cues;

impl Cues {
    /// Whether `word` (lower case) is a past tense or past participle:
    /// irregular, or regular in "-ed".
    pub fn is_past(&self, word: &str) -> bool {
        // "foreign-owned" is an adjective.
        self.inflects
            && !word.contains('-')
            && ((word.len() >= 4 && word.ends_with("ed") && !self.not_past.contains(word))
                || (self.irregular)(word).is_some())
    }

    /// Whether `word` (lower case) is a past form that is seldom anything
    /// else, so it is a verb even without an auxiliary ("rose", "agreed").
    /// (`headline_style` asks the two halves apart, the word's past form
    /// once for both.)
    #[cfg(test)]
    pub fn is_clear_past(&self, word: &str) -> bool {
        self.is_past(word) && !self.ambiguous_past.contains(word)
    }

    /// Whether `word` (lower case) is a present participle ("considering").
    pub fn is_gerund(&self, word: &str) -> bool {
        // "bring", "string": no vowel before "-ing", no gerund.
        self.inflects
            && word.strip_suffix("ing").is_some_and(|stem| {
                stem.len() >= 2 && (stem.contains(VOWELS) || stem.ends_with('y'))
            })
            && !self.not_gerunds.contains(word)
    }

    /// The present tense of a past tense, past participle or present
    /// participle (`word` in lower case): "rose" -> "rises" (or "rise" when
    /// the subject is plural), "agreed" -> "agrees", "considering" ->
    /// "considers". `None` when the form is not recognized.
    pub fn present(&self, word: &str, singular: bool) -> Option<String> {
        let base = self.base(word)?;
        Some(if singular { third_person(&base) } else { base })
    }

    /// Both present tenses of `word` (lower case), as [`present`](Self::present)
    /// gives them: the singular ("rises") and the plural ("rise"), the
    /// base form found once.
    pub fn presents(&self, word: &str) -> Option<[String; 2]> {
        let base = self.base(word)?;
        Some([third_person(&base), base])
    }

    /// The base form of a past tense, past participle or present
    /// participle (`word` in lower case): "rose" -> "rise".
    fn base(&self, word: &str) -> Option<String> {
        if !self.inflects {
            return None;
        }
        (self.irregular)(word).map(str::to_string).or_else(|| {
            let stem = word
                .strip_suffix("ed")
                .filter(|_| self.is_past(word))
                .or_else(|| word.strip_suffix("ing").filter(|_| self.is_gerund(word)))?;
            regular_base(word, stem)
        })
    }
}

const VOWELS: &[char] = &['a', 'e', 'i', 'o', 'u'];

/// How many vowel groups `stem` has: its syllables, near enough.
fn syllables(stem: &str) -> usize {
    let mut groups = 0;
    let mut in_vowel = false;
    for c in stem.chars() {
        let vowel = VOWELS.contains(&c) || (c == 'y' && groups > 0 && !in_vowel);
        if vowel && !in_vowel {
            groups += 1;
        }
        in_vowel = vowel;
    }
    groups
}

/// The base form of a regular verb from the stem left by "-ed" or "-ing"
/// (`word` is the whole form). English spelling: "carried" -> "carry",
/// "dropped" -> "drop", "raised" -> "raise", "opened" -> "open".
fn regular_base(word: &str, stem: &str) -> Option<String> {
    // An ASCII stem's letters are its bytes: read without collecting its
    // characters (that and `third_person`'s took 0.5M of corp300's 220M
    // Ir, asked of every past form of the leads weighed).
    let chars = stem.as_bytes();
    let n = chars.len();
    if n < 2 || !chars.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    let last = char::from(chars[n - 1]);
    let before = char::from(chars[n - 2]);
    let vowel = |c: char| VOWELS.contains(&c);
    let with_e = || Some(format!("{stem}e"));
    let as_is = || Some(stem.to_string());
    if word.ends_with("ied") {
        // "died" -> "die", "carried" -> "carry".
        return Some(if n <= 2 {
            format!("{stem}e")
        } else {
            format!("{}y", &stem[..n - 1])
        });
    }
    if word.ends_with("ying") && n == 2 {
        // "dying" -> "die", "lying" -> "lie".
        return Some(format!("{}ie", &stem[..1]));
    }
    if stem == "ax" {
        return Some("axe".to_string());
    }
    if word.ends_with("eed") {
        // "agreed" -> "agree" ("needed" ends in "-ded").
        return Some(stem.to_string() + "e");
    }
    if last == before && !vowel(last) {
        return match last {
            's' | 'f' | 'z' => as_is(),
            'd' if stem == "add" || stem == "odd" => as_is(),
            // "cancelled" -> "cancel", "fuelled" -> "fuel", "totalled" ->
            // "total"; "called", "recalled", "installed" keep both.
            'l' if (syllables(stem) >= 2 && !stem.ends_with("all"))
                || stem.ends_with("uell")
                || [
                    "totall", "signall", "equall", "diall", "rivall", "pedall", "initiall",
                ]
                .contains(&stem) =>
            {
                Some(stem[..n - 1].to_string())
            }
            'l' => as_is(),
            _ => Some(stem[..n - 1].to_string()),
        };
    }
    let single_vowel = vowel(before) && !(n >= 3 && vowel(char::from(chars[n - 3])));
    let one_syllable = syllables(stem) == 1;
    match last {
        'y' | 'a' | 'i' | 'o' | 'w' | 'x' | 'h' | 'f' | 'e' => as_is(),
        'u' | 'c' | 'v' | 'z' => with_e(),
        'g' if stem.ends_with("ong") => as_is(),
        'g' => with_e(),
        's' if ["focus", "bias", "gas"].contains(&stem) => as_is(),
        's' => with_e(),
        'l' if !vowel(before) => with_e(),
        'l' if !single_vowel || before == 'e' || (before == 'a' && !one_syllable) => as_is(),
        'l' => with_e(),
        'r' if !vowel(before) || ["uir", "uar", "uor"].iter().any(|s| stem.ends_with(s)) => {
            with_e()
        }
        'r' if !single_vowel || before == 'e' => as_is(),
        'r' => with_e(),
        't' if ["wast", "tast", "past", "hast"].contains(&stem) => with_e(),
        // "negotiated", "evaluated", "created".
        't' if ["iat", "uat", "creat"].iter().any(|s| stem.ends_with(s)) => with_e(),
        't' if !single_vowel => as_is(),
        't' => match before {
            'a' | 'o' | 'u' if !["pilot", "pivot"].contains(&stem) => with_e(),
            'i' if [
                "cit", "unit", "invit", "ignit", "recit", "excit", "incit", "sit",
            ]
            .iter()
            .any(|s| stem.ends_with(s) && (stem.len() == s.len() || *s != "sit")) =>
            {
                with_e()
            }
            'e' if ["complet", "delet", "compet", "deplet", "secret"].contains(&stem) => with_e(),
            _ => as_is(),
        },
        'd' if single_vowel || stem.ends_with("uad") || stem.ends_with("uid") => with_e(),
        'n' if single_vowel && (one_syllable || before == 'i') => with_e(),
        'm' | 'k' | 'b' if single_vowel => with_e(),
        'p' if single_vowel && (one_syllable || before == 'a') => with_e(),
        _ => as_is(),
    }
}

/// The third person singular of a base form: "rise" -> "rises", "carry" ->
/// "carries", "push" -> "pushes", "have" -> "has".
fn third_person(base: &str) -> String {
    match base {
        "have" => return "has".to_string(),
        "be" => return "is".to_string(),
        _ => {}
    }
    // A base form is ASCII: irregular ones are, and `regular_base` makes
    // them of ASCII stems.
    debug_assert!(base.is_ascii());
    if let Some(stem) = base.strip_suffix('y') {
        if stem.ends_with(|c: char| !VOWELS.contains(&c)) {
            return format!("{stem}ies");
        }
    }
    if ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|s| base.ends_with(s))
    {
        return format!("{base}es");
    }
    format!("{base}s")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_forms_turn_present() {
        let cues = &Cues::ENGLISH;
        let cases = [
            ("rose", true, "rises"),
            ("rose", false, "rise"),
            ("fell", true, "falls"),
            ("fallen", true, "falls"),
            ("agreed", true, "agrees"),
            ("carried", true, "carries"),
            ("died", true, "dies"),
            ("dropped", true, "drops"),
            ("planned", false, "plan"),
            ("added", true, "adds"),
            ("passed", true, "passes"),
            ("cancelled", true, "cancels"),
            ("fuelled", true, "fuels"),
            ("called", true, "calls"),
            ("recalled", true, "recalls"),
            ("installed", true, "installs"),
            ("raised", true, "raises"),
            ("focused", true, "focuses"),
            ("forced", true, "forces"),
            ("moved", true, "moves"),
            ("seized", true, "seizes"),
            ("merged", true, "merges"),
            ("belonged", true, "belongs"),
            ("argued", true, "argues"),
            ("settled", true, "settles"),
            ("ruled", true, "rules"),
            ("failed", true, "fails"),
            ("totalled", true, "totals"),
            ("declared", true, "declares"),
            ("acquired", true, "acquires"),
            ("entered", true, "enters"),
            ("cleared", true, "clears"),
            ("created", true, "creates"),
            ("negotiated", true, "negotiates"),
            ("evaluated", true, "evaluates"),
            ("guided", true, "guides"),
            ("persuaded", true, "persuades"),
            ("acquired", false, "acquire"),
            ("escaped", true, "escapes"),
            ("determined", true, "determines"),
            ("used", true, "uses"),
            ("owned", true, "owns"),
            ("shouted", true, "shouts"),
            ("recruited", true, "recruits"),
            ("benefited", true, "benefits"),
            ("treated", true, "treats"),
            ("visited", true, "visits"),
            ("cited", true, "cites"),
            ("voted", true, "votes"),
            ("disputed", true, "disputes"),
            ("completed", true, "completes"),
            ("targeted", true, "targets"),
            ("posted", true, "posts"),
            ("wasted", true, "wastes"),
            ("decided", true, "decides"),
            ("funded", true, "funds"),
            ("needed", true, "needs"),
            ("declined", true, "declines"),
            ("joined", true, "joins"),
            ("opened", true, "opens"),
            ("warned", true, "warns"),
            ("blamed", true, "blames"),
            ("claimed", true, "claims"),
            ("confirmed", true, "confirms"),
            ("hoped", true, "hopes"),
            ("developed", true, "develops"),
            ("jumped", true, "jumps"),
            ("liked", true, "likes"),
            ("leaked", true, "leaks"),
            ("described", true, "describes"),
            ("played", true, "plays"),
            ("launched", true, "launches"),
            ("allowed", true, "allows"),
            ("fixed", true, "fixes"),
            ("considering", true, "considers"),
            ("making", true, "makes"),
            ("planning", true, "plans"),
            ("raising", false, "raise"),
            ("seeing", true, "sees"),
            ("dying", true, "dies"),
            ("carrying", true, "carries"),
            ("closing", true, "closes"),
        ];
        for (past, singular, want) in cases {
            assert_eq!(
                cues.present(past, singular).as_deref(),
                Some(want),
                "past: {past:?}, singular: {singular}"
            );
        }
        assert_eq!(cues.present("hundred", true), None);
        assert_eq!(Cues::NONE.present("rose", true), None);
    }

    #[test]
    fn ambiguous_pasts_need_an_auxiliary() {
        let cues = &Cues::ENGLISH;
        for (word, clear) in [
            ("rose", true),
            ("agreed", true),
            ("cut", false),
            ("left", false),
        ] {
            assert!(cues.is_past(word), "{word}");
            assert_eq!(cues.is_clear_past(word), clear, "{word}");
        }
        assert!(!cues.is_past("hundred"));
        assert!(!cues.is_past("proceed"));
    }
}
