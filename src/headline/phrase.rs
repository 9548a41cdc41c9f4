//! A light chunker over tagged words: where a noun phrase ends, which
//! words make a verb group, which verb heads the main clause, and where the
//! first thing that verb needs (its object, complement or particle) ends.
//!
//! A headline built from these spans keeps a complete predicate: it never
//! ends on a verb that had an object, inside a noun phrase, or on a word
//! that needs the next one.

use super::words::{Role, Tag, Word};

/// How deep complements nest ("plans to cut jobs", "said it would ...")
/// before the builder gives up on the sentence.
const MAX_DEPTH: usize = 2;

/// A tagged sentence, its words' tags mended once (see [`Sentence::new`]).
pub(super) struct Sentence<'a> {
    pub(super) words: &'a [Word],
    tags: Vec<Tag>,
}

/// The main clause of a sentence: where its subject starts, its first
/// finite word (where the subject ends) and the head of its verb group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Clause {
    pub(super) subject: usize,
    pub(super) finite: usize,
    pub(super) verb: usize,
}

impl<'a> Sentence<'a> {
    /// The sentence of `words`, with each tag mended (see `mended`).
    pub(super) fn new(words: &'a [Word]) -> Self {
        let mut sentence = Sentence {
            words,
            tags: Vec::with_capacity(words.len()),
        };
        for i in 0..words.len() {
            let tag = sentence.mended(i);
            sentence.tags.push(tag);
        }
        sentence
    }

    pub(super) fn len(&self) -> usize {
        self.words.len()
    }

    pub(super) fn lower(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| w.lower.as_str())
    }

    pub(super) fn is(&self, role: Role, i: usize) -> bool {
        self.words.get(i).is_some_and(|w| w.is(role))
    }

    /// The tag of word `i`.
    pub(super) fn tag(&self, i: usize) -> Option<Tag> {
        self.tags.get(i).copied()
    }

    /// The tag of word `i`, with the tagger's known slips mended: a
    /// possessive "'s" is a particle of the noun phrase, "thanks to" a
    /// preposition, a sentence's first word is not a finite verb ("Shares
    /// in ..."), and a common irregular past after a noun is a verb ("the
    /// jobless total rose").
    fn mended(&self, i: usize) -> Tag {
        let word = &self.words[i];
        let tag = word.tag;
        let lower = word.lower.as_str();
        match tag {
            Tag::Part | Tag::Punct if is_possessive(lower) => Tag::Part,
            Tag::Part if !self.is(Role::Infinitive, i) && !is_negation(lower) => Tag::Noun,
            Tag::Finite if i == 0 => Tag::Noun,
            // A hyphenated word is an adjective or a noun ("single-use").
            Tag::Sconj | Tag::Cconj | Tag::Adp | Tag::Det | Tag::Pron
                if lower.contains('-') && lower.chars().any(char::is_alphabetic) =>
            {
                Tag::Adj
            }
            Tag::Noun if self.is(Role::Thanks, i) && self.is(Role::Infinitive, i + 1) => Tag::Adp,
            Tag::Noun | Tag::Adj
                if i > 0
                    && self.is(Role::IrregularPast, i)
                    && self.tag(i - 1).is_some_and(Tag::is_nominal) =>
            {
                Tag::Finite
            }
            other => other,
        }
    }

    fn tag_is(&self, i: usize, f: impl Fn(Tag) -> bool) -> bool {
        self.tag(i).is_some_and(f)
    }

    /// Whether word `i` is a possessive "'s" (or a bare apostrophe after a
    /// plural).
    pub(super) fn is_possessive(&self, i: usize) -> bool {
        is_possessive(self.lower(i)) && self.tag(i) == Some(Tag::Part)
    }

    /// The end (exclusive) of a noun phrase that starts at `i` and ends
    /// before `stop`, or `i` when none starts there. It ends on its head
    /// (a noun, name, number, or an adjective before a boundary) and takes
    /// "of" and the noun phrase after it.
    pub(super) fn noun_phrase_end(&self, i: usize, stop: usize) -> usize {
        let mut j = i;
        let mut head = None;
        while j < stop {
            let Some(tag) = self.tag(j) else { break };
            let lower = self.lower(j);
            match tag {
                Tag::Noun | Tag::Propn | Tag::Num | Tag::Sym | Tag::Other => head = Some(j),
                Tag::Pron
                    if j == i && !self.is(Role::Relative, j) && !self.is(Role::Pronoun, j) =>
                {
                    head = Some(j)
                }
                // "almost 3", "as much as 15%", "more than 90%".
                Tag::Adv | Tag::Adp | Tag::Adj
                    if self.is(Role::Quantity, j) && self.quantity_leads_to_number(j, stop) => {}
                Tag::Adj => head = Some(j),
                Tag::Det | Tag::Part if tag == Tag::Det || self.is_possessive(j) => {}
                Tag::Pron if self.is(Role::Possessive, j) => {}
                Tag::Adv if self.tag_is(j + 1, |t| matches!(t, Tag::Adj | Tag::Num)) => {}
                // "the growing problem", "a widely reported slowdown".
                Tag::Participle
                    if (j == i
                        || self.tag_is(j - 1, |t| {
                            matches!(t, Tag::Det | Tag::Adj | Tag::Num | Tag::Adv)
                        })
                        || self.is(Role::Possessive, j - 1)
                        || self.is_possessive(j - 1))
                        && self
                            .tag_is(j + 1, |t| matches!(t, Tag::Noun | Tag::Propn | Tag::Adj)) => {}
                _ if lower == "&" && head == Some(j.wrapping_sub(1)) => {}
                _ => break,
            }
            j += 1;
        }
        let Some(head) = head else { return i };
        let mut end = head + 1;
        // An adjective heads a phrase only before a boundary: "the third
        // leading firm" goes on, "more than" is a quantity, not a head.
        if self.tag(head) == Some(Tag::Adj) && self.lower(end) == "than" {
            return i;
        }
        if self.is(Role::Of, end) && end < stop {
            let of_end = self.noun_phrase_end(end + 1, stop);
            if of_end > end + 1 {
                end = of_end;
            }
        }
        // "higher fourth quarter and full-year profits": a second noun
        // phrase joined by a conjunction, unless it is the subject of a
        // clause of its own.
        if self.tag(end) == Some(Tag::Cconj) && end + 1 < stop {
            let second = self.noun_phrase_end_simple(end + 1, stop);
            if second > end + 1 && !self.tag_is(second, |t| t == Tag::Finite) {
                end = second;
            }
        }
        end
    }

    /// [`noun_phrase_end`](Self::noun_phrase_end) without the phrases
    /// joined to it: determiners, adjectives and nouns up to the head.
    fn noun_phrase_end_simple(&self, i: usize, stop: usize) -> usize {
        let mut head = None;
        for j in i..stop {
            match self.tag(j) {
                Some(Tag::Noun | Tag::Propn | Tag::Num | Tag::Sym) => head = Some(j),
                Some(Tag::Det | Tag::Adj) => {}
                _ if self.is(Role::Possessive, j) || self.is_possessive(j) => {}
                _ => break,
            }
        }
        head.map_or(i, |h| h + 1)
    }

    /// Whether the quantity word at `j` ("as", "more") is followed, within
    /// three words, by a number.
    fn quantity_leads_to_number(&self, j: usize, stop: usize) -> bool {
        (j + 1..(j + 4).min(stop)).any(|k| self.tag(k) == Some(Tag::Num))
            && (j + 1..(j + 4).min(stop))
                .take_while(|&k| self.tag(k) != Some(Tag::Num))
                .all(|k| self.is(Role::Quantity, k))
    }

    /// The head of the verb group that starts at `i`: auxiliaries, "not"
    /// and a single adverb lead to the verb ("has not yet been arrested").
    pub(super) fn verb_head(&self, i: usize) -> usize {
        let mut j = i;
        while j + 1 < self.len() {
            let here = self.tag(j);
            let next = self.tag(j + 1);
            let next_is_verb = next.is_some_and(Tag::is_verb);
            let aux_like = self.is_auxiliary(j);
            if (aux_like || here == Some(Tag::Adv) || is_negation(self.lower(j))) && next_is_verb {
                j += 1;
            } else if aux_like
                && (is_negation(self.lower(j + 1)) || next == Some(Tag::Adv))
                && self.tag_is(j + 2, Tag::is_verb)
            {
                j += 2;
            } else {
                break;
            }
        }
        j
    }

    /// Whether word `i` is an auxiliary the tagger tagged as such, or a form
    /// of "be" or "have" (which the verb form alone does not tell).
    fn is_auxiliary(&self, i: usize) -> bool {
        self.tag_is(i, Tag::is_verb)
            && (self.words[i].aux
                || self.is(Role::Be, i)
                || self.is(Role::Have, i)
                || self.is(Role::Been, i))
    }

    /// The main clause of the words from `start`: the first finite verb
    /// outside relative clauses ("the firm, which is ..., said": "said").
    /// (What brackets hold was dropped before: see `compress`.)
    pub(super) fn main_clause(&self, start: usize) -> Option<Clause> {
        let mut relatives = 0;
        for i in start..self.len() {
            if i > start
                && self.is(Role::Relative, i)
                && self.tag_is(i - 1, |t| t.is_nominal() || t == Tag::Punct)
            {
                relatives += 1;
                continue;
            }
            if self.tag(i) == Some(Tag::Finite) {
                if relatives > 0 {
                    relatives -= 1;
                    continue;
                }
                return Some(Clause {
                    subject: start,
                    finite: i,
                    verb: self.verb_head(i),
                });
            }
        }
        self.past_taken_for_participle(start)
    }

    /// A clause whose verb the tagger took for a participle: the first
    /// "-ed" word after a noun or a closing comma with no auxiliary
    /// before it ("Ford, the US car company, reported ...").
    fn past_taken_for_participle(&self, start: usize) -> Option<Clause> {
        let i = (start + 1..self.len()).find(|&i| {
            self.tag(i) == Some(Tag::Participle)
                && (self.lower(i).ends_with("ed") || self.is(Role::IrregularPast, i))
                && self.tag_is(i - 1, |t| t.is_nominal() || t == Tag::Punct)
        })?;
        // Only a participle that modifies a noun ("Fishing ministers ...")
        // may come before it.
        let modifier = |k: usize| {
            self.tag(k) == Some(Tag::Participle)
                && self.tag_is(k + 1, |t| matches!(t, Tag::Noun | Tag::Propn | Tag::Adj))
        };
        if (start..i).any(|k| self.tag_is(k, Tag::is_verb) && !modifier(k)) {
            return None;
        }
        Some(Clause {
            subject: start,
            finite: i,
            verb: i,
        })
    }

    /// The end (exclusive) of the first complement of the verb at `verb`:
    /// its object, the clause it reports, its infinitive, or the phrase
    /// after its preposition or particle. `None` when the sentence does not
    /// show one the rules can trust.
    pub(super) fn complement_end(&self, verb: usize, depth: usize) -> Option<usize> {
        let n = self.len();
        let mut j = verb + 1;
        while j < n && self.tag(j) == Some(Tag::Adv) && !self.is(Role::Quantity, j) {
            j += 1;
        }
        let Some(tag) = self.tag(j) else {
            return Some(verb + 1);
        };
        let deeper = || depth < MAX_DEPTH;
        // A reporting verb's object is the clause it reports: "say the new
        // rules on pesticides will ...", "said she would resign".
        if self.is(Role::Reporting, verb)
            && matches!(
                tag,
                Tag::Det | Tag::Adj | Tag::Noun | Tag::Propn | Tag::Num | Tag::Pron
            )
        {
            if let Some(clause) = self.main_clause(j).filter(|c| {
                !(j..c.finite)
                    .any(|k| self.tag(k) == Some(Tag::Punct) || self.is(Role::Relative, k))
            }) {
                return if deeper() {
                    self.complement_end(clause.verb, depth + 1)
                } else {
                    None
                };
            }
        }
        match tag {
            // Nothing follows within the clause: the verb is complete
            // ("Talks collapsed.", "acted unlawfully when ...").
            Tag::Punct | Tag::Cconj => Some(j),
            Tag::Sconj if j > verb + 1 && !self.is(Role::Complementizer, j) => Some(j),
            Tag::Part if self.is(Role::Infinitive, j) => {
                if self.tag(j + 1) == Some(Tag::Infinitive) && deeper() {
                    self.complement_end(self.verb_head(j + 1), depth + 1)
                } else {
                    None
                }
            }
            Tag::Sconj if self.is(Role::Complementizer, j) => {
                let clause = self.main_clause(j + 1).filter(|_| deeper())?;
                self.complement_end(clause.verb, depth + 1)
            }
            // "convicted of sending", "complained of being targeted".
            Tag::Sconj | Tag::Adp if self.tag(j + 1) == Some(Tag::Participle) => {
                if deeper() {
                    self.complement_end(self.verb_head(j + 1), depth + 1)
                } else {
                    None
                }
            }
            // A particle before a preposition: "pulled out of the deal".
            Tag::Adp if self.tag(j + 1) == Some(Tag::Adp) && depth < MAX_DEPTH => {
                self.complement_end(j, depth + 1)
            }
            Tag::Adp => {
                let end = self.noun_phrase_end(j + 1, n);
                if end == j + 1 {
                    // A particle at the end of the clause: "carried on."
                    return self.tag_is(j + 1, |t| t == Tag::Punct).then_some(j + 1);
                }
                // "halted after the minister said ...": the phrase is the
                // subject of another clause; the verb is complete.
                if self.tag(end) == Some(Tag::Finite) && self.is(Role::ClauseOpener, j) {
                    return Some(j);
                }
                Some(end)
            }
            Tag::Participle
                if self.tag_is(j + 1, |t| matches!(t, Tag::Noun | Tag::Propn | Tag::Adj)) =>
            {
                self.object_end(j, depth)
            }
            Tag::Participle | Tag::Infinitive => {
                if deeper() {
                    self.complement_end(self.verb_head(j), depth + 1)
                } else {
                    None
                }
            }
            Tag::Det
            | Tag::Adj
            | Tag::Noun
            | Tag::Propn
            | Tag::Num
            | Tag::Sym
            | Tag::Pron
            | Tag::Other => self.object_end(j, depth),
            // "have jumped as much as 15%".
            Tag::Adv if self.is(Role::Quantity, j) => self.object_end(j, depth),
            _ => None,
        }
    }

    /// The end of an object that starts at `j`: a noun phrase, or the
    /// clause it opens ("said the firm would ..."), or the infinitive after
    /// it ("urged ministers to act"; "is likely to rise").
    fn object_end(&self, j: usize, depth: usize) -> Option<usize> {
        let n = self.len();
        let end = self.noun_phrase_end(j, n);
        if end == j {
            return None;
        }
        let deeper = depth < MAX_DEPTH;
        if self.tag(end) == Some(Tag::Finite) {
            let clause = self.main_clause(j).filter(|_| deeper)?;
            return self.complement_end(clause.verb, depth + 1);
        }
        if self.is(Role::Infinitive, end)
            && self.tag_is(end + 1, |t| t == Tag::Infinitive)
            && deeper
        {
            return self.complement_end(self.verb_head(end + 1), depth + 1);
        }
        // A bare infinitive after the object: "saw its profits soar".
        if self.tag(end) == Some(Tag::Infinitive) {
            return if deeper {
                self.complement_end(self.verb_head(end), depth + 1)
            } else {
                None
            };
        }
        Some(end)
    }
}

fn is_possessive(lower: &str) -> bool {
    matches!(lower, "'s" | "’s" | "'" | "’")
}

fn is_negation(lower: &str) -> bool {
    matches!(lower, "not" | "n't" | "n’t" | "never")
}
