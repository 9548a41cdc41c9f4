//! The `lede` binary: length flags, stdin, JSON, languages, bad input and
//! exit codes, and a reader that closes the pipe early.

mod common;

use std::fs;
use std::io::{BufRead, BufReader};
use std::process::Stdio;

use assert_cmd::cargo::cargo_bin;
use assert_cmd::Command;
use serde::Deserialize;

use common::{corpus_files, lede, manifest_path};

/// A corpus article with a title line, a byline and quotes.
const ARTICLE: &str = "corpus/01-council-budget-vote.txt";
/// A second article, for runs over several files.
const OTHER_ARTICLE: &str = "corpus/06-quillon-launch-layoffs.txt";
/// The article the project started from: a title line given twice and four
/// paragraphs pasted twice. It lives outside the repository.
const SEED_ARTICLE: &str = "../shared/seed-article.txt";

/// The JSON object of one summary. Unknown fields are an error, so a field
/// added to the output has to be added (and checked) here too.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonSummary {
    source: String,
    language: String,
    language_source: String,
    stemmer: bool,
    stop_words: bool,
    headline: String,
    headline_source: String,
    summary: Vec<JsonSentence>,
    sentences: usize,
    duplicates_removed: usize,
    boilerplate_removed: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonSentence {
    index: usize,
    text: String,
    score: f64,
    tfidf: f64,
    position: f64,
    kind: String,
    start: usize,
    end: usize,
}

impl JsonSummary {
    fn texts(&self) -> Vec<&str> {
        self.summary.iter().map(|s| s.text.as_str()).collect()
    }

    /// Sentences that could be picked: the unique ones that are not page
    /// furniture.
    fn candidates(&self) -> usize {
        self.sentences - self.boilerplate_removed
    }
}

fn read(path: &str) -> String {
    let full = manifest_path(path);
    fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

/// The seed article, or `None` (with a note) when this checkout has no
/// `../shared/`.
fn seed_article() -> Option<String> {
    match fs::read_to_string(manifest_path(SEED_ARTICLE)) {
        Ok(text) => Some(text),
        Err(e) => {
            eprintln!("skipped: {SEED_ARTICLE} is not readable here ({e})");
            None
        }
    }
}

/// Runs `cmd`, checks that it succeeded quietly, and returns its stdout.
fn stdout_of(cmd: &mut Command) -> String {
    let output = cmd.output().expect("lede runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{cmd:?} failed: {stderr}");
    assert_eq!(stderr, "", "{cmd:?} wrote to stderr");
    String::from_utf8(output.stdout).expect("stdout is UTF-8")
}

/// Runs `lede --json ARGS` and parses the one summary it prints.
fn json_of(args: &[&str]) -> JsonSummary {
    let out = stdout_of(lede().arg("--json").args(args));
    assert_eq!(out.lines().count(), 1, "JSON output is one line: {out}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e} in {out}"))
}

/// Checks what holds for every summary of `input`: each field is in range
/// and each sentence quotes the input exactly.
fn check_summary(json: &JsonSummary, input: &str) {
    assert!(!json.headline.is_empty(), "{json:?}");
    assert!(!json.headline.contains('\n'), "{json:?}");
    assert!(
        ["title", "lead"].contains(&json.headline_source.as_str()),
        "{json:?}"
    );
    assert!(json.summary.len() <= json.candidates(), "{json:?}");
    for (i, s) in json.summary.iter().enumerate() {
        assert_eq!(input.get(s.start..s.end), Some(s.text.as_str()), "{s:?}");
        assert!(
            ["sentence", "heading", "list_item", "deck"].contains(&s.kind.as_str()),
            "{s:?}"
        );
        assert!(s.index < json.sentences + json.duplicates_removed, "{s:?}");
        assert!(s.score.is_finite() && s.score >= 0.0, "{s:?}");
        assert!((0.0..=1.0).contains(&s.tfidf), "{s:?}");
        assert!((0.0..=1.0).contains(&s.position), "{s:?}");
        if let Some(next) = json.summary.get(i + 1) {
            assert!(s.index < next.index, "out of order: {s:?} {next:?}");
            assert!(s.end <= next.start, "overlap: {s:?} {next:?}");
        }
    }
}

/// Splits text output into its headline and sentences, checking the blank
/// line between them.
fn headline_and_sentences(out: &str) -> (&str, Vec<&str>) {
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() >= 3, "too short: {out:?}");
    assert!(!lines[0].is_empty(), "no headline: {out:?}");
    assert_eq!(lines[1], "", "no blank line after the headline: {out:?}");
    assert!(lines[2..].iter().all(|l| !l.is_empty()), "{out:?}");
    (lines[0], lines[2..].to_vec())
}

/// How text output shows a sentence: white space runs joined.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a failed run printed.
struct Failure {
    /// The one line on stderr, without its newline.
    message: String,
    stdout: String,
}

/// Checks that `cmd` fails with `code` and one line on stderr, `lede: ...`,
/// naming `name`.
fn fails(cmd: &mut Command, code: i32, name: &str) -> Failure {
    let output = cmd.output().expect("lede runs");
    let stderr = String::from_utf8(output.stderr).expect("stderr is UTF-8");
    assert_eq!(output.status.code(), Some(code), "{cmd:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "{cmd:?} panicked: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{cmd:?}: not one line: {stderr}");
    assert!(stderr.starts_with("lede: "), "{cmd:?}: {stderr}");
    assert!(
        stderr.contains(name),
        "{cmd:?} does not name {name}: {stderr}"
    );
    Failure {
        message: stderr.trim_end().to_string(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
    }
}

/// Like [`fails`] for one bad input file: exit 1, nothing on stdout. Returns
/// the message.
fn rejects_file(path: &str) -> String {
    let failure = fails(lede().arg(path), 1, path);
    assert_eq!(failure.stdout, "", "lede {path}");
    failure.message
}

#[test]
fn an_article_gets_a_headline_a_blank_line_and_three_sentences() {
    let out = stdout_of(lede().arg(ARTICLE));
    let (headline, sentences) = headline_and_sentences(&out);
    assert_eq!(sentences.len(), 3, "{out}");

    let json = json_of(&[ARTICLE]);
    assert_eq!(headline, json.headline);
    let want: Vec<String> = json.texts().into_iter().map(one_line).collect();
    assert_eq!(sentences, want);
}

#[test]
fn n_1_gives_one_sentence() {
    let out = stdout_of(lede().args(["-n", "1", ARTICLE]));
    let (_, sentences) = headline_and_sentences(&out);
    assert_eq!(sentences.len(), 1, "{out}");
    assert_eq!(json_of(&["--sentences", "1", ARTICLE]).summary.len(), 1);
}

#[test]
fn ratio_takes_that_share_of_the_candidate_sentences() {
    let all = json_of(&["--ratio", "1", ARTICLE]);
    assert_eq!(all.summary.len(), all.candidates(), "{all:?}");
    for ratio in [0.01, 0.1, 0.25, 0.5] {
        let json = json_of(&["--ratio", &ratio.to_string(), ARTICLE]);
        let want = ((ratio * json.candidates() as f64).round() as usize).max(1);
        assert_eq!(json.summary.len(), want, "--ratio {ratio}");
    }
}

#[test]
fn words_budget_is_kept_and_still_gives_one_sentence() {
    let input = read(ARTICLE);
    let mut previous = 0;
    for budget in [1, 10, 60, 150, 400] {
        let json = json_of(&["--words", &budget.to_string(), ARTICLE]);
        check_summary(&json, &input);
        let words: usize = json
            .summary
            .iter()
            .map(|s| lede::text::tokenize::word_count(&s.text))
            .sum();
        assert!(!json.summary.is_empty(), "--words {budget}");
        assert!(
            words <= budget || json.summary.len() == 1,
            "--words {budget} gave {words} words in {} sentences",
            json.summary.len()
        );
        assert!(json.summary.len() >= previous, "--words {budget}");
        previous = json.summary.len();
    }
    assert_eq!(json_of(&["--words", "1", ARTICLE]).summary.len(), 1);
}

#[test]
fn a_large_n_never_prints_more_than_the_unique_sentences() {
    for file in corpus_files() {
        let input = read(&file);
        let json = json_of(&["-n", "100", &file]);
        check_summary(&json, &input);
        assert_eq!(json.summary.len(), json.candidates(), "{file}");
        let mut texts = json.texts();
        texts.sort_unstable();
        texts.dedup();
        assert_eq!(texts.len(), json.summary.len(), "{file} repeats a sentence");

        let out = stdout_of(lede().args(["-n", "100", &file]));
        let (_, sentences) = headline_and_sentences(&out);
        assert_eq!(sentences.len(), json.summary.len(), "{file}");
    }
}

#[test]
fn stdin_is_read_without_a_file_and_with_a_dash() {
    let input = read(ARTICLE);
    let from_file = stdout_of(lede().arg(ARTICLE));
    let no_file = stdout_of(lede().write_stdin(input.clone()));
    let dash = stdout_of(lede().arg("-").write_stdin(input.clone()));
    assert_eq!(no_file, from_file);
    assert_eq!(dash, from_file);

    let json: JsonSummary =
        serde_json::from_str(&stdout_of(lede().arg("--json").write_stdin(input.clone())))
            .expect("JSON");
    assert_eq!(json.source, "-");
    check_summary(&json, &input);
}

#[test]
fn crlf_input_gives_the_same_summary_as_lf() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut pairs = vec![(
        "tests/data/crlf.txt".to_string(),
        read("tests/data/crlf.txt"),
    )];
    assert!(pairs[0].1.contains("\r\n"), "crlf.txt lost its CRLFs");
    pairs.push((ARTICLE.to_string(), read(ARTICLE).replace('\n', "\r\n")));
    for (name, crlf) in pairs {
        let crlf_path = dir.path().join("crlf.txt");
        let lf_path = dir.path().join("lf.txt");
        fs::write(&crlf_path, &crlf).expect("write");
        fs::write(&lf_path, crlf.replace("\r\n", "\n")).expect("write");
        let (crlf_path, lf_path) = (crlf_path.to_str().unwrap(), lf_path.to_str().unwrap());

        assert_eq!(
            stdout_of(lede().args(["-n", "100", crlf_path])),
            stdout_of(lede().args(["-n", "100", lf_path])),
            "{name}"
        );
        let with_cr = json_of(&["-n", "100", crlf_path]);
        let without = json_of(&["-n", "100", lf_path]);
        check_summary(&with_cr, &crlf);
        assert_eq!(with_cr.headline, without.headline, "{name}");
        assert_eq!(with_cr.summary.len(), without.summary.len(), "{name}");
        for (a, b) in with_cr.summary.iter().zip(&without.summary) {
            assert_eq!(a.text.replace("\r\n", "\n"), b.text, "{name}");
            assert_eq!((a.index, &a.kind), (b.index, &b.kind), "{name}");
            assert_eq!((a.score, a.tfidf), (b.score, b.tfidf), "{name}: {}", b.text);
        }
    }
}

#[test]
fn a_byte_order_mark_is_not_part_of_the_headline() {
    let input = read("tests/data/bom.txt");
    assert!(input.starts_with('\u{feff}'), "bom.txt lost its BOM");
    let json = json_of(&["tests/data/bom.txt"]);
    check_summary(&json, &input);
    assert_eq!(json.headline, "River Rises in Old Town");
    assert_eq!(json.headline_source, "title");
    let out = stdout_of(lede().arg("tests/data/bom.txt"));
    assert!(out.starts_with("River Rises"), "{out:?}");
}

#[test]
fn one_line_gives_that_sentence_and_a_headline_built_from_it() {
    let input = read("tests/data/one-line.txt");
    let json = json_of(&["tests/data/one-line.txt"]);
    check_summary(&json, &input);
    assert_eq!(json.texts(), [input.trim_end()]);
    assert_eq!(json.headline_source, "lead");
    assert_eq!(json.sentences, 1);
}

#[test]
fn json_has_every_field_and_its_spans_quote_the_input() {
    let input = read(ARTICLE);
    let json = json_of(&[ARTICLE]);
    assert_eq!(json.source, ARTICLE);
    assert_eq!(json.language, "en");
    assert_eq!(json.language_source, "detected");
    assert!(json.stemmer && json.stop_words, "{json:?}");
    assert_eq!(
        json.headline,
        "Marrowfield Council Passes $412 Million Budget After Late-Night Vote"
    );
    assert_eq!(json.headline_source, "title");
    assert_eq!(json.summary.len(), 3);
    assert_eq!(json.duplicates_removed, 0);
    assert!(json.sentences > json.summary.len(), "{json:?}");
    // The article's byline is furniture.
    assert!(json.boilerplate_removed >= 1, "{json:?}");
    check_summary(&json, &input);

    let long_form = stdout_of(lede().args(["--format", "json", ARTICLE]));
    let short_form = stdout_of(lede().args(["--json", ARTICLE]));
    assert_eq!(long_form, short_form);
}

#[test]
fn several_files_give_json_lines_in_argument_order() {
    let out = stdout_of(lede().args(["--json", ARTICLE, OTHER_ARTICLE]));
    let all: Vec<JsonSummary> = out
        .lines()
        .map(|line| serde_json::from_str(line).expect("a summary per line"))
        .collect();
    let sources: Vec<&str> = all.iter().map(|j| j.source.as_str()).collect();
    assert_eq!(sources, [ARTICLE, OTHER_ARTICLE]);
    for json in &all {
        check_summary(json, &read(&json.source));
        assert_eq!(json.summary.len(), 3);
    }
}

#[test]
fn several_text_files_get_a_header_each() {
    let out = stdout_of(lede().args([ARTICLE, OTHER_ARTICLE]));
    let first = stdout_of(lede().arg(ARTICLE));
    let second = stdout_of(lede().arg(OTHER_ARTICLE));
    assert_eq!(
        out,
        format!("==> {ARTICLE} <==\n{first}\n==> {OTHER_ARTICLE} <==\n{second}")
    );
}

#[test]
fn control_characters_never_reach_text_output() {
    let input = "Alarm Bells Ring\n\nThe \u{1b}[31mred\u{1b}[0m alarm rang at noon. \
                 Nobody left\u{7} the building.\n";
    let out = stdout_of(lede().write_stdin(input));
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
    assert!(
        out.contains("The [31mred[0m alarm rang at noon."),
        "{out:?}"
    );
    // JSON keeps the text exactly; serde escapes it.
    let json: JsonSummary =
        serde_json::from_str(&stdout_of(lede().arg("--json").write_stdin(input))).expect("JSON");
    check_summary(&json, input);
}

#[test]
fn the_seed_article_keeps_its_title_as_the_headline() {
    if seed_article().is_none() {
        return;
    }
    let json = json_of(&[SEED_ARTICLE]);
    assert_eq!(
        json.headline,
        "New Peace Talks Scheduled in Istanbul as Ukraine and Russia Seek Resolution"
    );
    assert_eq!(json.headline_source, "title");
    let out = stdout_of(lede().arg(SEED_ARTICLE));
    assert!(out.starts_with(&format!("{}\n\n", json.headline)), "{out}");
}

#[test]
fn the_seed_article_gives_each_unique_sentence_once() {
    let Some(input) = seed_article() else {
        return;
    };
    let json = json_of(&["-n", "100", SEED_ARTICLE]);
    check_summary(&json, &input);
    // The repeated title line and the seven sentences of the four pasted
    // paragraphs are duplicates.
    assert_eq!(json.duplicates_removed, 8, "{json:?}");
    assert_eq!(json.summary.len(), 12, "{:#?}", json.texts());
    let mut texts = json.texts();
    texts.sort_unstable();
    texts.dedup();
    assert_eq!(texts.len(), 12, "a sentence is repeated");

    // "U.S. President" does not end a sentence.
    let trump: Vec<&str> = json
        .texts()
        .into_iter()
        .filter(|t| t.contains("U.S. President Donald Trump"))
        .collect();
    assert_eq!(trump.len(), 1, "{trump:?}");
    assert!(trump[0].starts_with("The discussions come"), "{trump:?}");
    assert!(trump[0].ends_with("within 50 days."), "{trump:?}");
}

#[test]
fn list_languages_prints_code_tab_name_and_marks_stop_words_only() {
    let out = stdout_of(lede().arg("--list-languages"));
    let all: Vec<&str> = out.lines().collect();
    assert_eq!(all.len(), 24, "{out}");
    // The languages, then the two other values --lang takes.
    let (lines, others) = all.split_at(22);
    assert!(others[0].starts_with("und\tUndetermined\t"), "{out}");
    assert!(others[1].starts_with("auto\t"), "{out}");
    assert!(lines.contains(&"en\tEnglish"), "{out}");
    assert!(lines.contains(&"de\tGerman"), "{out}");
    assert!(lines.contains(&"zh\tChinese\tstop words only"), "{out}");
    let marked = lines.iter().filter(|l| l.ends_with("\tstop words only"));
    assert_eq!(
        marked.count(),
        4,
        "zh, ja, hi and pl have no stemmer: {out}"
    );
    for line in lines {
        let (code, name) = line.split_once('\t').expect("code<TAB>name");
        assert_eq!(code.len(), 2, "{line:?}");
        assert!(!name.is_empty(), "{line:?}");
    }
    let mut sorted = lines.to_vec();
    sorted.sort_unstable();
    assert_eq!(lines, sorted, "sorted by code");
}

#[test]
fn an_unknown_language_is_refused_by_name() {
    let output = lede()
        .args(["--lang", "xx", ARTICLE])
        .output()
        .expect("lede runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("'--lang <CODE>'"), "{stderr}");
    assert!(stderr.contains("--list-languages"), "{stderr}");
    assert!(output.stdout.is_empty());
}

/// Every usage error exits 2 and names its flag, whatever checks it (clap or
/// the library's option ranges); a run that went wrong otherwise exits 1,
/// and a batch with failed records 3.
#[test]
fn exit_codes_follow_the_readme_table() {
    let cases: &[(&[&str], &str, i32, &str)] = &[
        // (arguments, standard input, exit code, stderr mentions)
        (&["-n", "0", ARTICLE], "", 2, "--sentences"),
        (&["-n", "-1", ARTICLE], "", 2, "'-1'"),
        (&["--words", "0", ARTICLE], "", 2, "--words"),
        (&["--ratio", "0", ARTICLE], "", 2, "--ratio"),
        (&["--ratio", "1.5", ARTICLE], "", 2, "--ratio"),
        (&["--lang", "xx", ARTICLE], "", 2, "--lang"),
        (&["--jsonl", "--threads", "0"], "", 2, "--threads"),
        (
            &["--dedup-threshold", "2", ARTICLE],
            "",
            2,
            "--dedup-threshold",
        ),
        (&["--redundancy=-1", ARTICLE], "", 2, "--redundancy"),
        (
            &["--position-weight=-1", ARTICLE],
            "",
            2,
            "--position-weight",
        ),
        (
            &["--format", "html", ARTICLE, OTHER_ARTICLE],
            "",
            2,
            "--format html",
        ),
        (&["--max-bytes", "1X", ARTICLE], "", 2, "--max-bytes"),
        (&["--no-such-flag"], "", 2, "--no-such-flag"),
        (&["sentences", "--lang", "xx"], "", 2, "--lang"),
        (
            &["sentences", "--jsonl", "--threads", "0"],
            "",
            2,
            "--threads",
        ),
        (&["no-such-file.txt"], "", 1, "no-such-file.txt"),
        (&[ARTICLE, "no-such-file.txt"], "", 1, "no-such-file.txt"),
        (
            &["extract", "no-such-file.html"],
            "",
            1,
            "no-such-file.html",
        ),
        (
            &["--jsonl", "no-such-file.jsonl"],
            "",
            1,
            "no-such-file.jsonl",
        ),
        (&["--jsonl"], "{\"id\": 1}\n", 3, ""),
        (&["sentences", "--jsonl"], "{\"id\": 1}\n", 3, ""),
        (
            &["--jsonl"],
            "{\"id\": 1, \"text\": \"One sentence here.\"}\n",
            0,
            "",
        ),
        (&["--lang", "en-US", ARTICLE], "", 0, ""),
        (&["--lang", "pt-BR", ARTICLE], "", 0, ""),
        (&["--format", "json", "--json", ARTICLE], "", 0, ""),
    ];
    for &(args, stdin, want, mentions) in cases {
        let output = lede()
            .args(args)
            .write_stdin(stdin)
            .output()
            .expect("lede runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(want), "lede {args:?}: {stderr}");
        assert!(stderr.contains(mentions), "lede {args:?}: {stderr}");
    }
}

/// The long flags that `lede ARGS --help` lists.
fn long_flags(args: &[&str]) -> Vec<String> {
    let help = stdout_of(lede().args(args).arg("--help"));
    let mut flags: Vec<String> = help
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|word| word.starts_with("--") && word.len() > 2)
        .map(|word| word.trim_end_matches('-').to_string())
        .collect();
    flags.sort_unstable();
    flags.dedup();
    flags
}

#[test]
fn generate_prints_a_man_page_and_completions_naming_every_flag() {
    let top = long_flags(&[]);
    assert!(top.len() > 15, "{top:?}");
    let mut all = top.clone();
    for subcommand in ["bench", "extract", "sentences"] {
        all.extend(long_flags(&[subcommand]));
    }
    for (what, flags, starts) in [
        ("man", &top, ".ie"),
        ("bash", &all, "_lede()"),
        ("zsh", &all, "#compdef lede"),
        ("fish", &all, ""),
        ("powershell", &all, ""),
    ] {
        let out = stdout_of(lede().args(["--generate", what]));
        // roff writes a hyphen as `\-`.
        let out = out.replace("\\-", "-");
        assert!(out.starts_with(starts), "{what}: {out}");
        for flag in flags {
            // fish spells `--lang` as `-l lang`.
            let spelled = match what {
                "fish" => format!("-l {}", &flag[2..]),
                _ => flag.clone(),
            };
            assert!(out.contains(&spelled), "{what} does not name {flag}");
        }
        for subcommand in ["bench", "extract", "sentences"] {
            assert!(
                out.contains(subcommand),
                "{what} does not name {subcommand}"
            );
        }
    }
    let man = stdout_of(lede().args(["--generate", "man"]));
    assert!(man.contains(".SH \"EXIT STATUS\""), "{man}");
    lede().args(["--generate", "tcsh"]).assert().code(2);
}

/// Of `--format` and `--json`, the last one given wins.
#[test]
fn the_last_of_format_and_json_wins() {
    let json = stdout_of(lede().args(["--format", "text", "--json", ARTICLE]));
    assert!(json.starts_with("{\""), "{json}");
    let text = stdout_of(lede().args(["--json", "--format", "text", ARTICLE]));
    assert!(!text.starts_with('{'), "{text}");
    let text_again = stdout_of(lede().arg(ARTICLE));
    assert_eq!(text, text_again);
}

#[test]
fn a_region_is_dropped_from_the_language() {
    let plain = stdout_of(lede().args(["--json", "--lang", "en", ARTICLE]));
    for tag in ["en-US", "en_GB", "EN-us"] {
        let tagged = stdout_of(lede().args(["--json", "--lang", tag, ARTICLE]));
        assert_eq!(tagged, plain, "--lang {tag}");
    }
}

#[test]
fn german_text_is_summarized_with_lang_de() {
    let input = "Die Bundesregierung hat am Montag in Berlin ein neues Klimapaket vorgestellt. \
                 Der Plan sieht höhere Preise für Kohle und Gas vor. \
                 Die Opposition kritisierte das Paket als zu schwach. \
                 Die Wirtschaft begrüßte die Pläne der Regierung.\n";
    for lang in ["de", "German", "DE"] {
        let out = stdout_of(
            lede()
                .args(["--json", "-n", "2", "--lang", lang])
                .write_stdin(input),
        );
        let json: JsonSummary = serde_json::from_str(&out).expect("JSON");
        assert_eq!(json.language, "de", "--lang {lang}");
        assert_eq!(json.language_source, "given", "--lang {lang}");
        assert_eq!(json.summary.len(), 2, "--lang {lang}");
        check_summary(&json, input);
    }
}

#[test]
fn a_missing_file_is_named() {
    let message = rejects_file("tests/data/no-such-file.txt");
    assert!(message.contains("No such file"), "{message}");
}

#[test]
fn a_directory_is_named() {
    let message = rejects_file("tests/data");
    assert!(message.contains("directory"), "{message}");
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_named() {
    use std::os::unix::fs::PermissionsExt;

    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("secret.txt");
    fs::write(&path, read(ARTICLE)).expect("write");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).expect("chmod");
    if fs::read(&path).is_ok() {
        eprintln!("skipped: mode 000 does not stop reads here (running as root?)");
        return;
    }
    let path = path.to_str().expect("UTF-8 temp path");
    let message = rejects_file(path);
    assert!(message.contains("cannot read"), "{message}");
}

#[test]
fn latin1_is_refused_as_invalid_utf8() {
    let message = rejects_file("tests/data/latin1.txt");
    assert!(message.contains("UTF-8"), "{message}");
    // On stdin the input is named `-`.
    let bytes = fs::read(manifest_path("tests/data/latin1.txt")).expect("latin1.txt");
    fails(lede().write_stdin(bytes), 1, "-");
}

#[test]
fn binary_data_is_refused() {
    let message = rejects_file("tests/data/binary.bin");
    assert!(message.contains("binary"), "{message}");
}

#[test]
fn an_empty_file_is_refused() {
    let message = rejects_file("tests/data/empty.txt");
    assert!(message.contains("empty"), "{message}");
}

#[test]
fn a_whitespace_only_file_is_refused_as_empty() {
    let message = rejects_file("tests/data/whitespace.txt");
    assert!(message.contains("empty"), "{message}");
}

#[test]
fn text_without_sentence_punctuation_needs_lines() {
    let message = rejects_file("tests/data/no-punctuation.txt");
    assert!(message.contains("--lines"), "{message}");

    let input = read("tests/data/no-punctuation.txt");
    let out = stdout_of(lede().args(["--lines", "tests/data/no-punctuation.txt"]));
    let (_, sentences) = headline_and_sentences(&out);
    assert_eq!(sentences.len(), 3, "{out}");
    for line in sentences {
        assert!(input.lines().any(|l| l == line), "{line:?} is not a line");
    }
}

#[test]
fn only_punctuation_is_refused() {
    let message = rejects_file("tests/data/only-punctuation.txt");
    assert!(message.contains("no words"), "{message}");
}

#[test]
fn one_bad_file_does_not_stop_the_others() {
    let missing = "tests/data/no-such-file.txt";
    let out = fails(lede().args([ARTICLE, missing, OTHER_ARTICLE]), 1, missing).stdout;
    for file in [ARTICLE, OTHER_ARTICLE] {
        let alone = stdout_of(lede().arg(file));
        assert!(out.contains(&format!("==> {file} <==\n{alone}")), "{out}");
    }

    let args = ["--json", ARTICLE, missing, OTHER_ARTICLE];
    let out = fails(lede().args(args), 1, missing).stdout;
    let all: Vec<serde_json::Value> = out
        .lines()
        .map(|line| serde_json::from_str(line).expect("an object per line"))
        .collect();
    assert_eq!(all.len(), 3);
    assert_eq!(all[1]["source"], missing);
    assert!(all[1]["error"]
        .as_str()
        .is_some_and(|e| e.contains(missing)));
    for (value, file) in [(&all[0], ARTICLE), (&all[2], OTHER_ARTICLE)] {
        let json = JsonSummary::deserialize(value).expect("a summary");
        assert_eq!(json.source, file);
        check_summary(&json, &read(file));
    }
}

/// `--json` has one shape whatever the number of inputs: a line per input,
/// and one that failed is `{"source", "error"}` there too.
#[test]
fn one_failing_file_is_an_error_object_in_json() {
    let missing = "tests/data/no-such-file.txt";
    for args in [
        &["--json", missing][..],
        &["extract", "--json", missing],
        &["sentences", "--json", missing],
    ] {
        let out = fails(lede().args(args), 1, missing).stdout;
        let value: serde_json::Value = serde_json::from_str(&out).expect("one object");
        assert_eq!(value["source"], missing, "lede {args:?}");
        let error = value["error"].as_str().expect("an error message");
        assert!(error.contains(missing), "lede {args:?}: {error}");
    }
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    // Every corpus article, over and over: duplicates collapse, so the
    // output is all of the corpus's unique sentences (about 90 KB, more than
    // a 64 KB pipe holds), and the writes after the reader leaves fail.
    let articles: Vec<String> = corpus_files().iter().map(|f| read(f)).collect();
    let mut big = String::new();
    while big.len() < 6 << 20 {
        for article in &articles {
            big.push_str(article);
            big.push_str("\n\n");
        }
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.txt");
    fs::write(&path, &big).expect("write");

    let mut child = std::process::Command::new(cargo_bin!("lede"))
        .env_clear()
        .args(["--ratio", "1"])
        .arg(&path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("lede starts");
    let mut reader = BufReader::new(child.stdout.take().expect("stdout"));
    let mut first = String::new();
    reader.read_line(&mut first).expect("a line");
    drop(reader);
    let output = child.wait_with_output().expect("lede ends");
    let stderr = String::from_utf8_lossy(&output.stderr);

    assert!(!first.trim().is_empty(), "no headline");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("Broken pipe"), "{stderr}");
    assert!(output.status.success(), "{:?}: {stderr}", output.status);
}

#[test]
fn out_of_range_options_are_usage_errors_naming_the_option() {
    let cases: &[(&[&str], &str)] = &[
        (&["-n", "0"], "--sentences"),
        (&["--ratio", "2"], "--ratio"),
        (&["--ratio", "0"], "--ratio"),
        (&["--ratio", "NaN"], "--ratio"),
        (&["--words", "0"], "--words"),
        (&["--dedup-threshold", "0"], "--dedup-threshold"),
        (&["--redundancy", "1.5"], "--redundancy"),
        (&["--tfidf-weight=-1"], "--tfidf-weight"),
        (&["--position-weight", "inf"], "--position-weight"),
    ];
    for (args, option) in cases {
        let output = lede().args(*args).arg(ARTICLE).output().expect("lede runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.starts_with("error: invalid value"),
            "{args:?}: {stderr}"
        );
        assert!(stderr.contains(option), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn usage_errors_exit_2() {
    let cases: &[(&[&str], &str)] = &[
        (&["--ratio", "0.3", "-n", "2"], "cannot be used with"),
        (&["--words", "50", "-n", "2"], "cannot be used with"),
        (&["-n", "three"], "invalid value"),
        (&["--no-such-flag"], "unexpected argument"),
    ];
    for (args, problem) in cases {
        let output = lede().args(*args).arg(ARTICLE).output().expect("lede runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(problem), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}
