//! The words of a lead sentence and their roles: where each word is, its
//! part of speech (from [`crate::tagger`]) and the closed-class roles a
//! language's data file gives (`data/headline/<code>.txt`).
//!
//! This module is the leaf of `headline`: it imports nothing from its
//! siblings.

use std::sync::LazyLock;

use crate::language::Language;
use crate::tagger::Model;
use crate::text::tokenize::FastMap;

/// A word's part of speech, as the phrase rules need it: Universal
/// Dependencies' parts of speech, with the verb form of verbs and
/// auxiliaries (a finite verb heads a clause; a participle does not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tag {
    Noun,
    Propn,
    Num,
    Sym,
    Adj,
    Adv,
    Det,
    Pron,
    Adp,
    Sconj,
    Cconj,
    Part,
    Punct,
    /// A finite verb or auxiliary ("rose", "has").
    Finite,
    /// An infinitive verb or auxiliary ("cut" in "to cut", "be").
    Infinitive,
    /// A participle or gerund ("arrested", "planning").
    Participle,
    Other,
}

impl Tag {
    /// The tag of a model's tag name ("VERB:Fin", "NOUN", ...).
    fn of(name: &str) -> Tag {
        let (pos, form) = name.split_once(':').unwrap_or((name, ""));
        match (pos, form) {
            ("VERB" | "AUX", "Fin") => Tag::Finite,
            ("VERB" | "AUX", "Inf") => Tag::Infinitive,
            ("VERB" | "AUX", "Part" | "Ger") => Tag::Participle,
            // A verb without a form (an imperative, a tagging gap) is taken
            // as finite: it can head a clause.
            ("VERB" | "AUX", _) => Tag::Finite,
            ("NOUN", _) => Tag::Noun,
            ("PROPN", _) => Tag::Propn,
            ("NUM", _) => Tag::Num,
            ("SYM", _) => Tag::Sym,
            ("ADJ", _) => Tag::Adj,
            ("ADV", _) => Tag::Adv,
            ("DET", _) => Tag::Det,
            ("PRON", _) => Tag::Pron,
            ("ADP", _) => Tag::Adp,
            ("SCONJ", _) => Tag::Sconj,
            ("CCONJ", _) => Tag::Cconj,
            ("PART", _) => Tag::Part,
            ("PUNCT", _) => Tag::Punct,
            _ => Tag::Other,
        }
    }

    /// Whether the tag is a verb of any form.
    pub(super) fn is_verb(self) -> bool {
        matches!(self, Tag::Finite | Tag::Infinitive | Tag::Participle)
    }

    /// Whether a word with this tag can end a noun phrase: its head.
    pub(super) fn is_nominal(self) -> bool {
        matches!(self, Tag::Noun | Tag::Propn | Tag::Num | Tag::Sym)
    }
}

/// The closed-class words of a language that the builder gives a role, read
/// from its data file: each word's roles as bits.
#[derive(Debug, Default)]
pub(super) struct Roles {
    masks: FastMap<String, u32>,
}

/// A role a word can have, one per section of the data file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Article,
    Relative,
    Pronoun,
    Be,
    Have,
    Been,
    Infinitive,
    Complementizer,
    Of,
    Quantity,
    Possessive,
    Reporting,
    Thanks,
    IrregularPast,
    SameSubject,
    Time,
    SamePastParticiple,
    PastModal,
    KeepsArticle,
    ClauseOpener,
    ObjectPronoun,
    FrontedOpener,
    Indefinite,
}

impl Role {
    /// The role a data file's section gives.
    fn of_section(name: &str) -> Option<Role> {
        Some(match name {
            "articles" => Role::Article,
            "relatives" => Role::Relative,
            "pronouns" => Role::Pronoun,
            "be" => Role::Be,
            "have" => Role::Have,
            "been" => Role::Been,
            "infinitive" => Role::Infinitive,
            "complementizers" => Role::Complementizer,
            "of" => Role::Of,
            "quantity" => Role::Quantity,
            "possessives" => Role::Possessive,
            "reporting" => Role::Reporting,
            "thanks" => Role::Thanks,
            "irregular-past" => Role::IrregularPast,
            "same-subject" => Role::SameSubject,
            "time" => Role::Time,
            "same-past-participle" => Role::SamePastParticiple,
            "past-modals" => Role::PastModal,
            "keeps-article" => Role::KeepsArticle,
            "clause-openers" => Role::ClauseOpener,
            "object-pronouns" => Role::ObjectPronoun,
            "fronted-openers" => Role::FrontedOpener,
            "indefinite-articles" => Role::Indefinite,
            _ => return None,
        })
    }

    fn bit(self) -> u32 {
        1 << self as u32
    }
}

impl Roles {
    /// The roles of `language`, when it has a data file and a tagger.
    pub(super) fn of(language: Language) -> Option<&'static Roles> {
        static EN: LazyLock<Roles> =
            LazyLock::new(|| Roles::parse(include_str!("../../data/headline/en.txt")));
        match language.code() {
            "en" => Some(&EN),
            _ => None,
        }
    }

    /// Reads a data file: `[section]` lines, then words separated by white
    /// space; `#` starts a comment line.
    fn parse(data: &str) -> Roles {
        let mut roles = Roles::default();
        let mut section = None;
        for line in data.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = Role::of_section(name);
                continue;
            }
            if let Some(role) = section {
                for word in line.split_whitespace() {
                    *roles.masks.entry(word.to_lowercase()).or_default() |= role.bit();
                }
            }
        }
        roles
    }

    /// The roles of `lower` (a lower-case word), as bits.
    fn mask(&self, lower: &str) -> u32 {
        self.masks.get(lower).copied().unwrap_or(0)
    }

    /// Whether `lower` (a lower-case word) opens a fronted phrase or
    /// clause ("with", "as", "after").
    pub(super) fn opens_phrase(&self, lower: &str) -> bool {
        self.mask(lower) & (Role::ClauseOpener.bit() | Role::FrontedOpener.bit()) != 0
    }

    /// Whether `lower` (a lower-case word) has `role`.
    #[cfg(test)]
    pub(super) fn has(&self, role: Role, lower: &str) -> bool {
        self.mask(lower) & role.bit() != 0
    }
}

/// A word of the sentence: where it is, as written and in lower case, and
/// its tag.
#[derive(Debug, Clone)]
pub(super) struct Word {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) lower: String,
    pub(super) tag: Tag,
    /// Whether the tagger took it for an auxiliary ("has", "will").
    pub(super) aux: bool,
    /// Whether it is written with a lower-case first letter (a common
    /// noun, not part of a name).
    pub(super) starts_lower: bool,
    /// Its roles in the language's data, as bits.
    roles: u32,
}

impl Word {
    /// Whether the word has `role`.
    pub(super) fn is(&self, role: Role) -> bool {
        self.roles & role.bit() != 0
    }
}

/// The words of `sentence`, tagged by `model`: runs of letters and digits
/// (with the hyphens, apostrophes, decimal points and thousands separators
/// inside them, and the dots of "U.S."), English clitics ("'s", "n't") on
/// their own as the treebanks write them, and each other character that is
/// not white space.
pub(super) fn tagged(sentence: &str, model: &Model, roles: &Roles) -> Vec<Word> {
    let spans = spans(sentence);
    let texts: Vec<&str> = spans.iter().map(|&(a, b)| &sentence[a..b]).collect();
    // The model's tag names, read once for the sentence, not per word.
    let tags: Vec<(Tag, bool)> = model
        .tags()
        .iter()
        .map(|name| (Tag::of(name), name.starts_with("AUX")))
        .collect();
    let ids = model.tag_ids(&texts);
    spans
        .iter()
        .zip(ids)
        .map(|(&(start, end), id)| {
            let lower = sentence[start..end].to_lowercase();
            Word {
                start,
                end,
                roles: roles.mask(&lower),
                lower,
                tag: tags.get(id).map_or(Tag::Other, |&(tag, _)| tag),
                aux: tags.get(id).is_some_and(|&(_, aux)| aux),
                starts_lower: sentence[start..end]
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase),
            }
        })
        .collect()
}

/// Clitics that the treebanks write as words of their own.
const CLITICS: [&str; 10] = [
    "n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "'ll", "'d", "'m",
];

/// The byte spans of the words of `sentence` (see [`tagged`]).
pub(super) fn spans(sentence: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let offset = |i: usize| chars.get(i).map_or(sentence.len(), |&(o, _)| o);
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(c) = at(i) {
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let currency =
            matches!(c, '$' | '£' | '€') && at(i + 1).is_some_and(|d| d.is_ascii_digit());
        if !c.is_alphanumeric() && !currency {
            out.push((offset(i), offset(i + 1)));
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while let Some(c) = at(i) {
            let joins = |prev: Option<char>, next: Option<char>| match c {
                '-' | '\'' | '’' | '&' => next.is_some_and(char::is_alphanumeric),
                '.' | ',' | ':' => {
                    prev.is_some_and(|p| p.is_ascii_digit())
                        && next.is_some_and(|n| n.is_ascii_digit())
                }
                '%' => prev.is_some_and(|p| p.is_ascii_digit()),
                _ => false,
            };
            // "U.S.": single letters joined by dots, the last dot included.
            let initial_dot = c == '.'
                && at(i - 1).is_some_and(char::is_alphabetic)
                && (i - start == 1 || at(i.wrapping_sub(2)) == Some('.'))
                && (at(i + 1).is_some_and(char::is_alphabetic) && at(i + 2) == Some('.')
                    || is_initialism(&chars[start..i]));
            if c.is_alphanumeric() || joins(at(i - 1), at(i + 1)) || initial_dot {
                i += 1;
            } else {
                break;
            }
        }
        let (a, b) = (offset(start), offset(i));
        let word = &sentence[a..b];
        let clitic = CLITICS.iter().find(|&&cl| {
            word.len() > cl.len()
                && word.is_char_boundary(word.len() - cl.len())
                && word[word.len() - cl.len()..].eq_ignore_ascii_case(cl)
        });
        match clitic {
            Some(cl) => {
                out.push((a, b - cl.len()));
                out.push((b - cl.len(), b));
            }
            None => out.push((a, b)),
        }
    }
    out
}

/// Whether `chars` are single letters joined by dots ("U.S", "U.N"), so
/// that a dot after them belongs to the word.
fn is_initialism(chars: &[(usize, char)]) -> bool {
    chars.len() >= 3
        && chars.iter().enumerate().all(|(k, &(_, c))| {
            if k % 2 == 0 {
                c.is_alphabetic()
            } else {
                c == '.'
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(sentence: &str) -> Vec<&str> {
        spans(sentence)
            .into_iter()
            .map(|(a, b)| &sentence[a..b])
            .collect()
    }

    #[test]
    fn words_are_split_as_the_treebanks_write_them() {
        let cases: &[(&str, &[&str])] = &[
            (
                "The U.S. firm's profit",
                &["The", "U.S.", "firm", "'s", "profit"],
            ),
            (
                "rose 2.5% to $1,130m.",
                &["rose", "2.5%", "to", "$1,130m", "."],
            ),
            (
                "It didn't, said well-known Ms O'Neill",
                &[
                    "It",
                    "did",
                    "n't",
                    ",",
                    "said",
                    "well-known",
                    "Ms",
                    "O'Neill",
                ],
            ),
            ("\"Go\" (now)", &["\"", "Go", "\"", "(", "now", ")"]),
            ("Ça va… 東京", &["Ça", "va", "…", "東京"]),
        ];
        for (sentence, want) in cases {
            assert_eq!(&words(sentence), want, "{sentence}");
        }
    }

    #[test]
    fn the_english_data_file_gives_each_role() {
        let roles = Roles::of(Language::English).expect("English has roles");
        for (role, word) in [
            (Role::Article, "the"),
            (Role::Relative, "which"),
            (Role::Pronoun, "they"),
            (Role::Be, "was"),
            (Role::Have, "has"),
            (Role::Been, "been"),
            (Role::Infinitive, "to"),
            (Role::Complementizer, "that"),
            (Role::Of, "of"),
            (Role::Quantity, "than"),
            (Role::Possessive, "its"),
            (Role::Reporting, "said"),
            (Role::Thanks, "thanks"),
            (Role::IrregularPast, "rose"),
            (Role::SameSubject, "it"),
            (Role::Time, "monday"),
            (Role::SamePastParticiple, "found"),
            (Role::PastModal, "would"),
            (Role::KeepsArticle, "hour"),
            (Role::ClauseOpener, "after"),
            (Role::ObjectPronoun, "them"),
            (Role::Indefinite, "an"),
            (Role::FrontedOpener, "despite"),
        ] {
            assert!(roles.has(role, word), "{role:?} {word}");
        }
        assert!(!roles.has(Role::Article, "profit"));
    }
}
