//! `lede sentences`: every unit of a text as text, `--json` and `--jsonl`,
//! on real files, with `--lang`, bad records and missing files.

mod common;

use std::fs;

use lede::language::LanguageChoice;
use lede::split::Splitter;
use serde::Deserialize;
use serde_json::Value;

use common::{corpus_files, lede, manifest_path};

/// One unit as `--json` writes it. Unknown fields are an error, so a field
/// added to the output has to be added (and checked) here too.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct JsonUnit {
    text: String,
    start: usize,
    end: usize,
    kind: String,
}

fn stdout_of(args: &[&str], stdin: &str) -> (String, bool) {
    let output = lede()
        .arg("sentences")
        .args(args)
        .write_stdin(stdin)
        .output()
        .expect("lede runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    (stdout, output.status.success())
}

/// The units the library finds in `text`, each on one line.
fn library_lines(text: &str) -> Vec<String> {
    let split = Splitter::new().split(text, LanguageChoice::Auto);
    split
        .units
        .iter()
        .map(|u| {
            u.text(text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[test]
fn text_output_is_every_unit_one_per_line() {
    for file in corpus_files() {
        let text = fs::read_to_string(manifest_path(&file)).expect("corpus file");
        let (stdout, ok) = stdout_of(&[&file], "");
        assert!(ok, "{file}");
        let lines: Vec<&str> = stdout.lines().collect();
        assert_eq!(lines, library_lines(&text), "{file}");
    }
    let text = "Storm Hits Coast\n\nThe storm hit at 9 a.m. on Monday. Rain fell.\nRain fell.\n";
    let (stdout, _) = stdout_of(&[], text);
    // Headings, and duplicates too: no unit is left out.
    assert_eq!(
        stdout.lines().collect::<Vec<_>>(),
        [
            "Storm Hits Coast",
            "The storm hit at 9 a.m. on Monday.",
            "Rain fell.",
            "Rain fell."
        ]
    );
}

#[test]
fn text_output_drops_control_characters() {
    let (stdout, ok) = stdout_of(&[], "A bell \u{7}rang. The screen \u{1b}[2Jcleared.");
    assert!(ok);
    assert!(!stdout.contains(['\u{7}', '\u{1b}']), "{stdout:?}");
    assert_eq!(stdout.lines().count(), 2);
}

/// The units of the one line `{"source", "units"}` of `lede sentences --json`.
fn units_of(stdout: &str, source: &str) -> Vec<JsonUnit> {
    assert_eq!(stdout.lines().count(), 1, "one line per input: {stdout}");
    let value: Value = serde_json::from_str(stdout).expect("one JSON object");
    assert_eq!(value["source"], source);
    serde_json::from_value(value["units"].clone()).expect("units")
}

#[test]
fn json_gives_spans_and_kinds() {
    let file = &corpus_files()[0];
    let text = fs::read_to_string(manifest_path(file)).expect("corpus file");
    let (stdout, ok) = stdout_of(&["--json", file], "");
    assert!(ok);
    let units = units_of(&stdout, file);
    let split = Splitter::new().split(&text, LanguageChoice::Auto);
    assert_eq!(units.len(), split.units.len());
    for (unit, want) in units.iter().zip(&split.units) {
        assert_eq!(unit.text, &text[unit.start..unit.end]);
        assert_eq!((unit.start, unit.end), (want.start, want.end));
        let kind = serde_json::to_value(want.kind).expect("kind");
        assert_eq!(unit.kind, kind.as_str().expect("a string"));
    }
    let list = "Packing list:\n\n1. Boots 2. A map 3. Water\n";
    let (stdout, _) = stdout_of(&["--json"], list);
    let units = units_of(&stdout, "-");
    let kinds: Vec<(&str, &str)> = units
        .iter()
        .map(|u| (u.text.as_str(), u.kind.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("Packing list:", "sentence"),
            ("Boots", "list_item"),
            ("A map", "list_item"),
            ("Water", "list_item"),
        ]
    );
}

#[test]
fn lang_picks_the_rules() {
    let text = "Der Bau endet am 3. Oktober. Die Stadt spart.";
    let (german, _) = stdout_of(&["--lang", "de"], text);
    let (english, _) = stdout_of(&["--lang", "en"], text);
    assert_eq!(german.lines().count(), 2);
    assert_eq!(
        english.lines().count(),
        3,
        "English ends a sentence at '3.'"
    );
    let output = lede()
        .args(["sentences", "--lang", "xx"])
        .write_stdin(text)
        .output()
        .expect("runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("unsupported language 'xx'"), "{stderr}");
}

#[test]
fn jsonl_keeps_order_and_a_bad_line_gives_an_error_record() {
    let input = [
        r#"{"id": "a", "text": "Rain fell. It stopped."}"#,
        r#"{"id": "b", "text": "#,
        r#"{"id": 3, "text": "Der Bau endet am 3. Oktober. Gut.", "lang": "de"}"#,
        r#"{"id": 4}"#,
    ]
    .join("\n");
    for threads in ["1", "2"] {
        let (stdout, ok) = stdout_of(&["--jsonl", "--threads", threads], &input);
        assert!(!ok, "a bad record makes the exit code 1");
        let lines: Vec<Value> = stdout
            .lines()
            .map(|line| serde_json::from_str(line).expect("JSON line"))
            .collect();
        assert_eq!(lines.len(), 4);
        let texts = |v: &Value| -> Vec<String> {
            v["units"]
                .as_array()
                .expect("units")
                .iter()
                .map(|u| u["text"].as_str().expect("text").to_string())
                .collect()
        };
        assert_eq!(lines[0]["id"], "a");
        assert_eq!(texts(&lines[0]), ["Rain fell.", "It stopped."]);
        assert_eq!(lines[1]["id"], Value::Null);
        assert_eq!(lines[1]["line"], 2);
        assert!(lines[1]["error"]
            .as_str()
            .expect("error")
            .starts_with("not valid JSON"));
        assert_eq!(lines[2]["id"], 3);
        assert_eq!(texts(&lines[2]), ["Der Bau endet am 3. Oktober.", "Gut."]);
        assert_eq!(lines[3]["id"], 4);
        assert_eq!(lines[3]["error"], "no \"text\" field");
    }
}

#[test]
fn a_missing_file_is_named_and_the_others_are_split() {
    let file = &corpus_files()[0];
    let output = lede()
        .args(["sentences", "--json", "no/such/file.txt", file])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no/such/file.txt"), "{stderr}");
    let results: Vec<Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("an object per line"))
        .collect();
    assert_eq!(results.len(), 2);
    assert_eq!(results[0]["source"], "no/such/file.txt");
    assert!(results[0]["error"].is_string());
    assert_eq!(results[1]["source"], file.as_str());
    let units = results[1]["units"].as_array().expect("units");
    let text = fs::read_to_string(manifest_path(file)).expect("corpus file");
    let split = Splitter::new().split(&text, LanguageChoice::Auto);
    assert_eq!(units.len(), split.units.len());
}

#[test]
fn several_files_in_text_get_a_header_each() {
    let files = corpus_files();
    let (first, second) = (&files[0], &files[1]);
    let (stdout, ok) = stdout_of(&[first, second], "");
    assert!(ok);
    let mut want = vec![format!("==> {first} <==")];
    want.extend(library_lines(
        &fs::read_to_string(manifest_path(first)).expect("corpus file"),
    ));
    want.push(String::new());
    want.push(format!("==> {second} <=="));
    want.extend(library_lines(
        &fs::read_to_string(manifest_path(second)).expect("corpus file"),
    ));
    assert_eq!(stdout.lines().collect::<Vec<_>>(), want);
}
