//! The hard cases of sentence boundaries, one table for each kind of
//! failure the splitter had: inline lists, ellipses, abbreviations before
//! numbers and names, paragraphs without a final mark, footnote markers,
//! the glued-caption rule, photo captions, CJK brackets. Texts written for
//! these tests.

use super::*;
use crate::language::Language;

/// The units of `text` in `language`, with their kinds.
fn units(language: Language, text: &str) -> Vec<(&str, UnitKind)> {
    Segmenter::new(language)
        .split(text)
        .iter()
        .map(|u| (u.text(text), u.kind))
        .collect()
}

/// The units' texts of `text` in `language`.
fn texts(language: Language, text: &str) -> Vec<&str> {
    units(language, text).into_iter().map(|(t, _)| t).collect()
}

/// Checks each English case: the text and the units it splits into.
fn check_english(cases: &[(&str, &[&str])]) {
    for &(text, want) in cases {
        assert_eq!(texts(Language::English, text), want, "input: {text:?}");
    }
}

/// Checks each case in every language: rules that hold in all of them.
fn check_every_language(cases: &[(&str, &[&str])]) {
    for language in Language::all() {
        for &(text, want) in cases {
            assert_eq!(texts(language, text), want, "{language:?} input: {text:?}");
        }
    }
}

#[test]
fn inline_list_items_are_units_of_their_own() {
    let cases: &[(&str, &[&str])] = &[
        (
            "1. Book the hall 2. Print the tickets",
            &["Book the hall", "Print the tickets"],
        ),
        (
            "1.) Book the hall. 2.) Print the tickets.",
            &["Book the hall.", "Print the tickets."],
        ),
        (
            "a. Book the hall b. Print the tickets c. Hire a band",
            &["Book the hall", "Print the tickets", "Hire a band"],
        ),
        (
            "• 9. Book the hall • 10. Print the tickets",
            &["Book the hall", "Print the tickets"],
        ),
        (
            "1. Vera Lind (Norway) Falcon 1:41.305 2. Omar Saleh (Egypt) Kestrel 1:41.977 3. Ida Berg (Sweden) Falcon 1:42.110",
            &[
                "Vera Lind (Norway) Falcon 1:41.305",
                "Omar Saleh (Egypt) Kestrel 1:41.977",
                "Ida Berg (Sweden) Falcon 1:42.110",
            ],
        ),
    ];
    check_every_language(cases);
    for (text, _) in cases {
        assert!(
            units(Language::English, text)
                .iter()
                .all(|&(_, kind)| kind == UnitKind::ListItem),
            "input: {text:?}"
        );
    }
    // A numbered list after prose in its paragraph.
    let text = "Her habits before a fight: 1. Liquorice 2. Noodle soup 3. Early nights";
    assert_eq!(
        units(Language::English, text),
        [
            ("Her habits before a fight:", UnitKind::Sentence),
            ("Liquorice", UnitKind::ListItem),
            ("Noodle soup", UnitKind::ListItem),
            ("Early nights", UnitKind::ListItem),
        ]
    );
    // German ordinals after their cue words are no list.
    assert_eq!(
        texts(
            Language::German,
            "1. FC Nord spielt am Samstag gegen den 2. Verein der Stadt."
        ),
        ["FC Nord spielt am Samstag gegen den 2. Verein der Stadt."]
    );
    // Numbers that are not a list stay in their sentences.
    check_english(&[
        (
            "She finished 2. Then the rain came.",
            &["She finished 2.", "Then the rain came."],
        ),
        (
            "1. Book the hall for 3. It costs more later.",
            &["Book the hall for 3.", "It costs more later."],
        ),
    ]);
}

#[test]
fn ellipses_leave_words_out_or_end_a_sentence() {
    check_english(&[
        (
            "So...the plan was...well . . . what we agreed, the point is . . . I never signed it.",
            &["So...the plan was...well . . . what we agreed, the point is . . . I never signed it."],
        ),
        (
            "The walk was long . . . and cold. The end came at last . . . . Next we ate.",
            &[
                "The walk was long . . . and cold.",
                "The end came at last . . . .",
                "Next we ate.",
            ],
        ),
        (
            "She said the town “would change beyond all knowing. . . .”",
            &["She said the town “would change beyond all knowing. . . .”"],
        ),
        (
            "He wrote that “the river [...] floods every spring [...]” (Hale 12). It still does.",
            &[
                "He wrote that “the river [...] floods every spring [...]” (Hale 12).",
                "It still does.",
            ],
        ),
        (
            "I waited for hours.... She never came.",
            &["I waited for hours....", "She never came."],
        ),
        ("Nobody knows... The wait goes on.", &["Nobody knows...", "The wait goes on."]),
    ]);
    check_every_language(&[(
        "Alfa beta . . . gamma delta. Epsilon (…) zeta.",
        &["Alfa beta . . . gamma delta.", "Epsilon (…) zeta."],
    )]);
}

#[test]
fn abbreviations_before_numbers_and_names_go_on() {
    check_english(&[
        (
            "The box is kept at N°. 48 in the vault. Nobody opens it.",
            &[
                "The box is kept at N°. 48 in the vault.",
                "Nobody opens it.",
            ],
        ),
        (
            "See p. 212 and pp. 60-62 for the tables. They are long.",
            &["See p. 212 and pp. 60-62 for the tables.", "They are long."],
        ),
        (
            "The band was No. 77 in the chart. The answer was no. Then it rose.",
            &[
                "The band was No. 77 in the chart.",
                "The answer was no.",
                "Then it rose.",
            ],
        ),
        (
            "The ticket costs Rs. 4350 this year. Prices rose on Mar. 9 after the vote.",
            &[
                "The ticket costs Rs. 4350 this year.",
                "Prices rose on Mar. 9 after the vote.",
            ],
        ),
        (
            "The maps are in Vol. II of the report. See fig. 3 there. Both are old.",
            &[
                "The maps are in Vol. II of the report.",
                "See fig. 3 there.",
                "Both are old.",
            ],
        ),
        (
            "They moved to Mt. Hollis last spring. It snowed.",
            &["They moved to Mt. Hollis last spring.", "It snowed."],
        ),
        (
            "The bank was fined by the SEC. The bank will appeal under Sec. 12 of the act.",
            &[
                "The bank was fined by the SEC.",
                "The bank will appeal under Sec. 12 of the act.",
            ],
        ),
        (
            "The report by J. A. Moss was late. We met at 9 a.m. The talks ran long.",
            &[
                "The report by J. A. Moss was late.",
                "We met at 9 a.m.",
                "The talks ran long.",
            ],
        ),
    ]);
}

#[test]
fn abbreviations_of_each_language_go_on() {
    let cases: &[(Language, &str, &[&str])] = &[
        (
            Language::Italian,
            "Lo ha detto l'Ing. Rossi ieri. Servono materiali, ad es. Legno e ferro. Il sig. Bianchi tace.",
            &[
                "Lo ha detto l'Ing. Rossi ieri.",
                "Servono materiali, ad es. Legno e ferro.",
                "Il sig. Bianchi tace.",
            ],
        ),
        (
            Language::Russian,
            "Он живёт в г. Тверь. Рядом пгт. Заречный, кв. 12. Отчёт подписал С. В. Орлов. Жители рады.",
            &[
                "Он живёт в г. Тверь.",
                "Рядом пгт. Заречный, кв. 12.",
                "Отчёт подписал С. В. Орлов.",
                "Жители рады.",
            ],
        ),
        (
            Language::Spanish,
            "Vive en el No. 12 de la calle. Subió al Mt. Blanco en mayo. El Sr. Gil volvió.",
            &[
                "Vive en el No. 12 de la calle.",
                "Subió al Mt. Blanco en mayo.",
                "El Sr. Gil volvió.",
            ],
        ),
        (
            Language::German,
            "Es sprach Dr. med. Weber. Die kath. Gemeinde lud ein. Der Saal war voll.",
            &[
                "Es sprach Dr. med. Weber.",
                "Die kath. Gemeinde lud ein.",
                "Der Saal war voll.",
            ],
        ),
        (
            Language::Danish,
            "Festen er i Skt. Hans-ugen. Se p. 4 i bladet. Alle er velkomne.",
            &[
                "Festen er i Skt. Hans-ugen.",
                "Se p. 4 i bladet.",
                "Alle er velkomne.",
            ],
        ),
        (
            Language::Norwegian,
            "Kontoret ligger i St. Olavs gate. Møtet er kl. 9 i morgen. Alle kommer.",
            &[
                "Kontoret ligger i St. Olavs gate.",
                "Møtet er kl. 9 i morgen.",
                "Alle kommer.",
            ],
        ),
        (
            Language::French,
            "M. Durand habite au no. 8 de la rue. Mme Petit aussi. Ils sont voisins.",
            &[
                "M. Durand habite au no. 8 de la rue.",
                "Mme Petit aussi.",
                "Ils sont voisins.",
            ],
        ),
        (
            Language::Portuguese,
            "A Sra. Costa mora na Av. Paulista. O Dr. Lima chegou.",
            &["A Sra. Costa mora na Av. Paulista.", "O Dr. Lima chegou."],
        ),
        (
            Language::Dutch,
            "De heer is ir. Bakker van het bureau. Mevr. Smit belde. Ze komt.",
            &[
                "De heer is ir. Bakker van het bureau.",
                "Mevr. Smit belde.",
                "Ze komt.",
            ],
        ),
        (
            Language::Swedish,
            "Mötet börjar kl. 10 i dag. Hr. Berg leder det.",
            &["Mötet börjar kl. 10 i dag.", "Hr. Berg leder det."],
        ),
        (
            Language::Finnish,
            "Mukana on mm. Virtanen ja Laine. Kokous alkaa pian.",
            &["Mukana on mm. Virtanen ja Laine.", "Kokous alkaa pian."],
        ),
        (
            Language::Hungarian,
            "A cég neve Alfa Kft. Az igazgató id. Kovács Béla.",
            &["A cég neve Alfa Kft.", "Az igazgató id. Kovács Béla."],
        ),
        (
            Language::Turkish,
            "Toplantıya Doç. Yılmaz katıldı. Herkes memnundu.",
            &["Toplantıya Doç. Yılmaz katıldı.", "Herkes memnundu."],
        ),
        (
            Language::Romanian,
            "Dl. Popescu a plecat pe str. Lungă ieri. Nimeni nu știe unde.",
            &["Dl. Popescu a plecat pe str. Lungă ieri.", "Nimeni nu știe unde."],
        ),
        (
            Language::Polish,
            "Szpital stoi przy ul. Długiej. Kieruje nim dr. Nowak.",
            &["Szpital stoi przy ul. Długiej.", "Kieruje nim dr. Nowak."],
        ),
        (
            Language::Greek,
            "Ο κ. Παππάς μίλησε. Όλοι άκουσαν.",
            &["Ο κ. Παππάς μίλησε.", "Όλοι άκουσαν."],
        ),
        (
            Language::Arabic,
            "قال د. خالد إن المحطة جاهزة. افتتحت اليوم.",
            &["قال د. خالد إن المحطة جاهزة.", "افتتحت اليوم."],
        ),
        (
            Language::Hindi,
            "डॉ. शर्मा ने मना किया। सब चुप रहे।",
            &["डॉ. शर्मा ने मना किया।", "सब चुप रहे।"],
        ),
        (
            Language::Tamil,
            "திரு. ராமன் வந்தார். கூட்டம் தொடங்கியது.",
            &["திரு. ராமன் வந்தார்.", "கூட்டம் தொடங்கியது."],
        ),
    ];
    for (language, text, want) in cases {
        assert_eq!(
            texts(*language, text),
            *want,
            "{language:?} input: {text:?}"
        );
    }
}

#[test]
fn every_listed_abbreviation_goes_on_before_what_it_abbreviates() {
    // Each `[prefix]` word before a name, and each `[number]` word before a
    // number, in every list: no boundary after it.
    for language in Language::all() {
        let segmenter = Segmenter::new(language);
        for (&word, &kind) in &segmenter.abbreviations {
            let word = std::str::from_utf8(word).expect("the lists are UTF-8");
            let next = match kind {
                Abbreviation::Prefix => "Zorbat",
                Abbreviation::Number => "12",
                Abbreviation::Suffix => continue,
            };
            let before = format!("alfa {word}");
            assert!(
                !segmenter.is_boundary(&before, '.', 1, &format!("{next} beta")),
                "{language:?}: {word:?}. {next}"
            );
        }
    }
}

#[test]
fn the_ordinal_and_caption_lists_parse() {
    let german = rules::Rules::of(Language::German).ordinals;
    let sections: Vec<&str> = rules::sections(german).map(|(name, _)| name).collect();
    assert!(sections.contains(&"cue") && sections.contains(&"month"));
    assert!(sections.iter().all(|name| ["cue", "month"].contains(name)));
    assert!(
        rules::sections(rules::CAPTION_NAME_WORDS).all(|(name, _)| ["", "opener"].contains(&name))
    );
    assert!(rules::section(rules::CAPTION_NAME_WORDS, "opener").any(|w| w == "Although"));
    // English reads "3." before a month as a sentence end, German does not.
    let text = "Der Bau endet am 3. Oktober. Die Stadt zahlt.";
    assert_eq!(texts(Language::German, text).len(), 2);
    assert_eq!(texts(Language::English, text).len(), 3);
}

#[test]
fn every_abbreviation_list_parses() {
    for list in rules::ABBREVIATIONS {
        for entry in rules::parse_abbreviations(list) {
            let (word, _) = entry.unwrap_or_else(|line| panic!("line {line:?} has no section"));
            assert!(
                !word.ends_with('.') && word.to_lowercase() == word && !word.contains(' '),
                "{word:?}: lower-case, one word, no final dot"
            );
        }
    }
}

#[test]
fn a_paragraph_without_a_final_mark_is_still_split() {
    check_english(&[(
        "We built this hut in the 'seventies.  It has three rooms.  Is it still standing, do you think?  And who lives there now",
        &[
            "We built this hut in the 'seventies.",
            "It has three rooms.",
            "Is it still standing, do you think?",
            "And who lives there now",
        ],
    )]);
    let sentences = units(Language::English, "Prices rose.  Nobody was surprised");
    assert!(sentences.iter().all(|&(_, k)| k == UnitKind::Sentence));
    // A title keeps its abbreviations and stays a heading.
    assert_eq!(
        units(Language::English, "U.S. Talks Set for Monday"),
        [("U.S. Talks Set for Monday", UnitKind::Heading)]
    );
    check_every_language(&[(
        "Alfa beta gamma.  Delta epsilon",
        &["Alfa beta gamma.", "Delta epsilon"],
    )]);
    // CJK: sentences without spaces, the last without its mark; and a long
    // line without any mark is running text, not a heading.
    assert_eq!(
        texts(
            Language::Chinese,
            "会议今天开始。双方都很乐观。记者在现场看到很多人"
        ),
        ["会议今天开始。", "双方都很乐观。", "记者在现场看到很多人"]
    );
    let long = "记者在现场看到很多人排队等候入场，有人从早上六点就来了，队伍一直排到了街角的邮局门口，大家都说今年的展览比去年更加热闹";
    assert_eq!(units(Language::Chinese, long), [(long, UnitKind::Sentence)]);
    let short = "会议今天开始";
    assert_eq!(
        units(Language::Chinese, short),
        [(short, UnitKind::Heading)]
    );
}

#[test]
fn the_fullwidth_full_stop_ends_a_sentence() {
    check_english(&[(
        "The lamp went out．Nobody moved．",
        &["The lamp went out．", "Nobody moved．"],
    )]);
    assert_eq!(
        texts(Language::Japanese, "気温は３．５度だった．雨が降った．"),
        ["気温は３．５度だった．", "雨が降った．"]
    );
}

#[test]
fn footnote_markers_stay_with_their_sentence() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Alfa was a sailor.[1] Beta sailed too.",
            &["Alfa was a sailor.[1]", "Beta sailed too."],
        ),
        (
            "Alfa was a sailor.[1][12] Beta sailed too.",
            &["Alfa was a sailor.[1][12]", "Beta sailed too."],
        ),
        (
            "Alfa wrote (2003).2 Beta replied.",
            &["Alfa wrote (2003).2", "Beta replied."],
        ),
        (
            "Alfa watched the tides.7 8 Beta did not.",
            &["Alfa watched the tides.7 8", "Beta did not."],
        ),
        // Decimals and versions are no footnotes.
        ("Alfa grew 3.5 Beta.", &["Alfa grew 3.5 Beta."]),
    ];
    check_every_language(cases);
}

#[test]
fn contractions_and_acronyms_are_no_caption_seams() {
    check_english(&[
        (
            "The buses were all running late this morning so either way I'll reach the station before noon.",
            &["The buses were all running late this morning so either way I'll reach the station before noon."],
        ),
        (
            "\"Once the rain stops over the bay tomorrow I'll walk 'round the harbour and count the boats.\"",
            &["\"Once the rain stops over the bay tomorrow I'll walk 'round the harbour and count the boats.\""],
        ),
        (
            "Hundreds of recruits left their home towns to join IS over the summer, officials believe.",
            &["Hundreds of recruits left their home towns to join IS over the summer, officials believe."],
        ),
        (
            "Infections rose sharply over the past month WHO experts warned in a report on Friday.",
            &["Infections rose sharply over the past month WHO experts warned in a report on Friday."],
        ),
        // Pieces of contractions on the stop word list end names.
        (
            "Shares in Alpine Re and Harbour Re fell on Monday after the storm season proved costly again.",
            &["Shares in Alpine Re and Harbour Re fell on Monday after the storm season proved costly again."],
        ),
        (
            "Buyers will pay even more for the sporty Comet S costs of which have risen sharply this year.",
            &["Buyers will pay even more for the sporty Comet S costs of which have risen sharply this year."],
        ),
        (
            "The school board said the upgrade had brought better IT support to teachers in every classroom.",
            &["The school board said the upgrade had brought better IT support to teachers in every classroom."],
        ),
    ]);
}

#[test]
fn glued_photo_captions_are_captions() {
    let text = "The mayor cuts the ribbon at the new bridge over the river yesterday The bridge took four years to build and cost far more than planned.";
    assert_eq!(
        units(Language::English, text),
        [
            (
                "The mayor cuts the ribbon at the new bridge over the river yesterday",
                UnitKind::Caption
            ),
            (
                "The bridge took four years to build and cost far more than planned.",
                UnitKind::Sentence
            ),
        ]
    );
}

/// Checks each English case: the text and its units with their kinds.
fn check_english_kinds(cases: &[(&str, &[(&str, UnitKind)])]) {
    for &(text, want) in cases {
        assert_eq!(units(Language::English, text), want, "input: {text:?}");
    }
}

#[test]
fn labelled_photo_captions_are_captions() {
    use UnitKind::{Caption, Sentence};
    check_english_kinds(&[
        // A label of one capitalized word opens a caption, with or without
        // its final mark.
        (
            "The ferry sank in calm water off the island. Heartbroken: The captain's wife waits for news at the harbour on Sunday. Divers found the wreck a day later.",
            &[
                ("The ferry sank in calm water off the island.", Sentence),
                ("Heartbroken: The captain's wife waits for news at the harbour on Sunday.", Caption),
                ("Divers found the wreck a day later.", Sentence),
            ],
        ),
        // A capitalized word and a lower-case one.
        (
            "The ponies had been stranded on the hill for a week. Happy ending: Volunteers carry the last of the rescued ponies off the moor",
            &[
                ("The ponies had been stranded on the hill for a week.", Sentence),
                ("Happy ending: Volunteers carry the last of the rescued ponies off the moor", Caption),
            ],
        ),
        // A label after a word without final mark starts a caption; the
        // text before it stays a sentence.
        (
            "The bakery had stood on the corner for ninety years Pictured: Crowds queue outside the shop on its last morning.",
            &[
                ("The bakery had stood on the corner for ninety years", Sentence),
                ("Pictured: Crowds queue outside the shop on its last morning.", Caption),
            ],
        ),
        // Two labelled captions in a row.
        (
            "Aftermath: The roof of the barn lay in the field across the lane Lucky escape: None of the horses inside the barn was hurt in the storm.",
            &[
                ("Aftermath: The roof of the barn lay in the field across the lane", Caption),
                ("Lucky escape: None of the horses inside the barn was hurt in the storm.", Caption),
            ],
        ),
    ]);
}

#[test]
fn listed_openers_end_glued_captions() {
    use UnitKind::{Caption, Sentence};
    check_english_kinds(&[
        // Openers that are not stop words ("[opener]" in data/captions/en.txt).
        (
            "Volunteers stack sandbags along the river wall in the rain Although the water fell overnight, the town stayed on alert.",
            &[
                ("Volunteers stack sandbags along the river wall in the rain", Caption),
                ("Although the water fell overnight, the town stayed on alert.", Sentence),
            ],
        ),
        (
            "The winning cake sits on the judges' table at the show Meanwhile bakers from six villages waited for the results.",
            &[
                ("The winning cake sits on the judges' table at the show", Caption),
                ("Meanwhile bakers from six villages waited for the results.", Sentence),
            ],
        ),
    ]);
    // Without a label, a capitalized word that is neither a stop word nor
    // a listed opener starts no sentence.
    check_english(&[(
        "The council will ask the auditor Harriet to review how the money for the new library was spent.",
        &["The council will ask the auditor Harriet to review how the money for the new library was spent."],
    )]);
}

#[test]
fn colons_that_are_no_caption_labels() {
    use UnitKind::Sentence;
    check_english_kinds(&[
        // A pronoun and a verb of saying before a quotation.
        (
            "He added: \"We will open the new line next spring.\"",
            &[("He added: \"We will open the new line next spring.\"", Sentence)],
        ),
        // A name and a verb of saying.
        (
            "Morgan said: The council will vote on the plan next week.",
            &[("Morgan said: The council will vote on the plan next week.", Sentence)],
        ),
        // A speaker in a transcript: two capitalized words are a name.
        (
            "Ann Lewis: If you do not come now, the water will reach the house.",
            &[("Ann Lewis: If you do not come now, the water will reach the house.", Sentence)],
        ),
        // A title and its subtitle after a capitalized word.
        (
            "The cinema on the high street showed Space Pirates: Return of the Fleet all weekend.",
            &[("The cinema on the high street showed Space Pirates: Return of the Fleet all weekend.", Sentence)],
        ),
        // A list after a stop word, and a label too short to be a caption.
        (
            "The winners are: Leeds, Hull and York.",
            &[("The winners are: Leeds, Hull and York.", Sentence)],
        ),
        (
            "Update: Roads reopened.",
            &[("Update: Roads reopened.", Sentence)],
        ),
    ]);
}

#[test]
fn a_caption_may_end_on_a_quotation() {
    use UnitKind::{Caption, Sentence};
    check_english_kinds(&[(
        "A tourist asked the police to act because the sea was 'too cold' The story was shared by the force on its website.",
        &[
            ("A tourist asked the police to act because the sea was 'too cold'", Caption),
            ("The story was shared by the force on its website.", Sentence),
        ],
    )]);
}

#[test]
fn marks_inside_cjk_title_brackets_end_nothing() {
    assert_eq!(
        texts(Language::Chinese, "周末去看电影《快跑！小鹿》好吗？好！"),
        ["周末去看电影《快跑！小鹿》好吗？", "好！"]
    );
    // A quotation followed by its particle goes on; one followed by a new
    // sentence does not.
    assert_eq!(
        texts(
            Language::Japanese,
            "市は「命を守って！」と呼びかけた。「逃げて！」住民は走った。"
        ),
        [
            "市は「命を守って！」と呼びかけた。",
            "「逃げて！」",
            "住民は走った。"
        ]
    );
    assert_eq!(
        texts(
            Language::Japanese,
            "映画〈走れ！メロス〉を見た。面白かった。"
        ),
        ["映画〈走れ！メロス〉を見た。", "面白かった。"]
    );
}

#[test]
fn news_text_keeps_its_boundaries() {
    check_english(&[
        (
            "\"We are ready.\" The minister left. \"Why now?\" she asked.",
            &[
                "\"We are ready.\"",
                "The minister left.",
                "\"Why now?\" she asked.",
            ],
        ),
        (
            "RED MESA, Okla. — Rain fell. It moved to the U.S. In May it grew.",
            &[
                "RED MESA, Okla. — Rain fell.",
                "It moved to the U.S.",
                "In May it grew.",
            ],
        ),
        (
            "She works at Yahoo! in the accounting team. Dr. Lee agreed.",
            &[
                "She works at Yahoo! in the accounting team.",
                "Dr. Lee agreed.",
            ],
        ),
    ]);
}

#[test]
fn hostile_repeats_of_the_new_rules_stay_linear() {
    // Each would cost a pass over the rest of the text per mark or marker
    // if the look-ups were not bounded: minutes, not milliseconds.
    let texts = [
        format!("《{}", "好！".repeat(200_000)),
        format!("{}》", "《好！".repeat(100_000)),
        format!("Alfa {}", "1. beta ".repeat(100_000)),
        format!("Alfa {}", "1. beta 2. gamma ".repeat(50_000)),
        format!("1. alfa {}", "3. beta ".repeat(100_000)),
        "Alfa . . ".repeat(100_000),
        "Alfa.[1]".repeat(100_000),
    ];
    for text in &texts {
        let units = Segmenter::new(Language::Chinese).split(text);
        assert!(!units.is_empty());
        for unit in &units {
            assert!(unit.start < unit.end && unit.end <= text.len());
        }
    }
}
