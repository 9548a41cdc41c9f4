//! `lede --jsonl`: one result per record in input order, error records that
//! do not stop the run, per-record options, threads that do not change the
//! bytes, stdin, empty input and a reader that closes the pipe early.

mod common;

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

use assert_cmd::cargo::cargo_bin;
use serde_json::{json, Value};

use common::{corpus_files, lede, manifest_path};

/// The corpus articles, as (path relative to the package root, text), sorted.
fn corpus() -> Vec<(String, String)> {
    corpus_files()
        .into_iter()
        .map(|file| {
            let text = fs::read_to_string(manifest_path(&file)).expect("corpus article");
            (file, text)
        })
        .collect()
}

/// One JSON Lines record.
fn record(fields: Value) -> String {
    serde_json::to_string(&fields).expect("JSON") + "\n"
}

/// What a run printed and how it ended.
struct Run {
    lines: Vec<Value>,
    stdout: Vec<u8>,
    stderr: String,
    code: Option<i32>,
}

/// Runs `lede --jsonl ARGS` with `input` on stdin.
fn jsonl(args: &[&str], input: &str) -> Run {
    let output = lede()
        .arg("--jsonl")
        .args(args)
        .write_stdin(input)
        .output()
        .expect("lede runs");
    let stderr = String::from_utf8(output.stderr).expect("stderr is UTF-8");
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    let stdout = String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8");
    let lines = stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect();
    Run {
        lines,
        stdout: output.stdout,
        stderr,
        code: output.status.code(),
    }
}

/// `value` without the batch's own fields (`id`, `line`), to compare with
/// `lede --json`.
fn without_batch_fields(value: &Value) -> Value {
    let mut value = value.clone();
    let object = value.as_object_mut().expect("an object");
    object.remove("id");
    object.remove("line");
    value
}

#[test]
fn every_record_gives_what_lede_json_gives_in_input_order() {
    let corpus = corpus();
    // Five rounds over the corpus, so records cross threads many times.
    let input: String = (0..5)
        .flat_map(|round| corpus.iter().enumerate().map(move |(i, a)| (round, i, a)))
        .map(|(round, i, (_, text))| record(json!({"id": format!("{round}-{i}"), "text": text})))
        .collect();
    let run = jsonl(&[], &input);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert_eq!(run.lines.len(), 5 * corpus.len());
    let raw: Vec<&str> = std::str::from_utf8(&run.stdout)
        .expect("UTF-8")
        .lines()
        .collect();

    let alone: Vec<Value> = corpus
        .iter()
        .map(|(file, _)| {
            let out = lede().args(["--json", file]).output().expect("lede runs");
            let mut value: Value = serde_json::from_slice(&out.stdout).expect("JSON");
            value["source"] = json!("-");
            value
        })
        .collect();
    for (n, line) in run.lines.iter().enumerate() {
        let (round, i) = (n / corpus.len(), n % corpus.len());
        // Field order: the raw line, since serde_json's map sorts its keys.
        let prefix = format!(
            "{{\"id\":\"{round}-{i}\",\"line\":{},\"source\":\"-\",",
            n + 1
        );
        assert!(raw[n].starts_with(&prefix), "record {n}: {}", raw[n]);
        assert_eq!(line["id"], format!("{round}-{i}"), "record {n}");
        assert_eq!(line["line"], n + 1, "record {n}");
        assert_eq!(without_batch_fields(line), alone[i], "{}", corpus[i].0);
    }
}

#[test]
fn a_malformed_line_is_an_error_record_and_the_records_after_it_are_summarized() {
    let corpus = corpus();
    let input = [
        record(json!({"id": "a", "text": corpus[0].1})),
        "{\"id\": \"b\", \"text\": \"unterminated\n".to_string(),
        record(json!({"id": "c", "text": corpus[1].1})),
        record(json!({"id": "d", "title": "no text here"})),
        record(json!({"id": "e", "text": corpus[2].1})),
    ]
    .concat();
    let run = jsonl(&[], &input);
    assert_eq!(run.code, Some(3), "a failed record makes the exit code 3");
    assert_eq!(run.stderr, "", "error records go to stdout only");
    let ids: Vec<&Value> = run.lines.iter().map(|l| &l["id"]).collect();
    assert_eq!(
        ids,
        [
            &json!("a"),
            &Value::Null,
            &json!("c"),
            &json!("d"),
            &json!("e")
        ]
    );
    assert_eq!(
        run.lines[1],
        json!({"id": null, "line": 2, "source": "-",
               "error": "not valid JSON: EOF while parsing a string at column 33"})
    );
    assert_eq!(
        run.lines[3],
        json!({"id": "d", "line": 4, "source": "-", "error": "no \"text\" field"})
    );
    for i in [0, 2, 4] {
        assert!(
            run.lines[i]["summary"]
                .as_array()
                .is_some_and(|s| s.len() == 3),
            "{}",
            run.lines[i]
        );
    }
}

#[test]
fn per_record_options_override_the_flags_and_bad_ones_fail_alone() {
    let text = &corpus()[0].1;
    let input = [
        record(json!({"id": 1, "text": text})),
        record(json!({"id": 2, "text": text, "sentences": 1})),
        record(json!({"id": 3, "text": text, "ratio": 2})),
        record(json!({"id": 4, "text": text, "words": 30})),
        record(json!({"id": 5, "text": text, "lang": "xx"})),
        record(json!({"id": 6, "text": text, "lang": "de"})),
        record(json!({"id": 7, "text": text, "ratio": 0.5, "unknown": [1, 2]})),
    ]
    .concat();
    let run = jsonl(&["-n", "2"], &input);
    assert_eq!(run.code, Some(3));
    let count = |i: usize| run.lines[i]["summary"].as_array().map(Vec::len);
    assert_eq!(count(0), Some(2), "-n 2 applies");
    assert_eq!(count(1), Some(1), "the record's sentences win");
    assert_eq!(
        run.lines[2]["error"],
        "invalid \"ratio\": must be a fraction in (0, 1]"
    );
    assert_eq!(count(3), Some(1), "30 words hold one long lead sentence");
    assert!(run.lines[4]["error"]
        .as_str()
        .is_some_and(|e| e.contains("unsupported language 'xx'")));
    assert_eq!(run.lines[5]["language"], "de");
    assert_eq!(run.lines[5]["language_source"], "given");
    let unique = run.lines[6]["sentences"].as_u64().expect("a count") as f64
        - run.lines[6]["boilerplate_removed"]
            .as_u64()
            .expect("a count") as f64;
    assert_eq!(count(6), Some((unique * 0.5).round() as usize), "ratio 0.5");
}

#[test]
fn the_output_bytes_do_not_depend_on_the_threads() {
    let corpus = corpus();
    let input: String = (0..3)
        .flat_map(|_| corpus.iter())
        .enumerate()
        .map(|(i, (_, text))| record(json!({"id": i, "text": text, "sentences": 1 + i % 4})))
        .collect();
    let one = jsonl(&["--threads", "1"], &input);
    let two = jsonl(&["--threads", "2"], &input);
    let all = jsonl(&[], &input);
    assert_eq!(one.lines.len(), 3 * corpus.len());
    assert!(one.stdout == two.stdout, "--threads 1 and 2 differ");
    assert!(
        one.stdout == all.stdout,
        "--threads 1 and the default differ"
    );
}

#[test]
fn empty_input_and_blank_lines_give_no_output_and_success() {
    for input in ["", "\n", "\n  \n\r\n\t\n"] {
        let run = jsonl(&[], input);
        assert_eq!(
            (run.code, run.stdout.len()),
            (Some(0), 0),
            "input: {input:?}"
        );
        assert_eq!(run.stderr, "", "input: {input:?}");
    }
}

#[test]
fn files_are_read_in_turn_and_named_and_stdin_is_dash() {
    let corpus = corpus();
    let dir = tempfile::tempdir().expect("tempdir");
    let a = dir.path().join("a.jsonl");
    let b = dir.path().join("b.jsonl");
    fs::write(&a, record(json!({"id": "a1", "text": corpus[0].1}))).expect("write");
    fs::write(
        &b,
        "\n".to_string() + &record(json!({"id": "b2", "text": corpus[1].1})),
    )
    .expect("write");
    let missing = dir.path().join("missing.jsonl");
    let output = lede()
        .arg("--jsonl")
        .args([&a, &missing, &b])
        .output()
        .expect("lede runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(1),
        "a missing file fails the run"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("lede: ") && stderr.contains("missing.jsonl: cannot read"),
        "{stderr}"
    );
    let lines: Vec<Value> = String::from_utf8(output.stdout)
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    let got: Vec<(&Value, &Value, &Value)> = lines
        .iter()
        .map(|l| (&l["id"], &l["source"], &l["line"]))
        .collect();
    let (a, b) = (a.display().to_string(), b.display().to_string());
    assert_eq!(
        got,
        [
            (&json!("a1"), &json!(a), &json!(1)),
            (&json!("b2"), &json!(b), &json!(2)),
        ]
    );

    let input = record(json!({"id": 0, "text": corpus[0].1}));
    for args in [&[][..], &["-"][..]] {
        let run = jsonl(args, &input);
        assert_eq!(run.code, Some(0), "{args:?}: {}", run.stderr);
        assert_eq!(run.lines.len(), 1);
        assert_eq!(run.lines[0]["source"], "-", "{args:?}");
    }
}

#[test]
fn usage_errors_exit_2_and_bad_flags_exit_1() {
    for args in [
        &["--threads", "2"][..],
        &["--jsonl", "--threads", "0"],
        &["--jsonl", "--json"],
        &["--jsonl", "--format", "text"],
    ] {
        let output = lede().args(args).write_stdin("").output().expect("runs");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
    }
    let output = lede()
        .args(["--jsonl", "--ratio", "2"])
        .write_stdin(record(json!({"id": 1, "text": "Rain fell."})))
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr.starts_with(
            "error: invalid value '2' for '--ratio <R>': must be a fraction in (0, 1]"
        ),
        "{stderr}"
    );
    assert!(
        output.stdout.is_empty(),
        "nothing is read before the flags are checked"
    );
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    // Far more output than a pipe holds (64 KiB), so writes fail once the
    // reader leaves; short texts keep the debug build quick.
    let mut input = String::new();
    for i in 0..300 {
        let text =
            format!("Report {i} came in on Monday. The river rose by {i} cm. Schools closed.");
        input += &record(json!({"id": i, "text": text}));
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.jsonl");
    fs::write(&path, &input).expect("write");

    for from_stdin in [false, true] {
        let mut cmd = std::process::Command::new(cargo_bin!("lede"));
        cmd.env_clear()
            .arg("--jsonl")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if from_stdin {
            cmd.stdin(Stdio::piped());
        } else {
            cmd.arg(&path).stdin(Stdio::null());
        }
        let mut child = cmd.spawn().expect("lede starts");
        let writer = child.stdin.take().map(|mut stdin| {
            let input = input.clone();
            // Fails with a broken pipe once lede has left: that is expected.
            std::thread::spawn(move || {
                let _ = stdin.write_all(input.as_bytes());
            })
        });
        let mut reader = BufReader::new(child.stdout.take().expect("stdout"));
        let mut first = String::new();
        reader.read_line(&mut first).expect("a line");
        drop(reader);
        let output = child.wait_with_output().expect("lede ends");
        if let Some(writer) = writer {
            writer.join().expect("the writer ends");
        }
        let stderr = String::from_utf8_lossy(&output.stderr);
        let first: Value = serde_json::from_str(&first).expect("a JSON line");
        assert_eq!(first["id"], 0);
        assert_eq!(stderr, "", "stdin: {from_stdin}");
        assert!(
            output.status.success(),
            "stdin {from_stdin}: {:?}",
            output.status
        );
    }
}

/// Found by the fuzzer: an id was read into an `f64` and written back
/// rounded (1.7777777777777781e+84 came out as 1.777777777777778e+84). Ids
/// come back as written, digits, exponent and spacing included; a string id
/// with a character lede's JSON escapes comes back escaped, and a carriage
/// return between the parts of an id becomes a space.
#[test]
fn ids_come_back_as_written() {
    let input = concat!(
        "{\"id\": 1.7777777777777781e+84, \"text\": \"Rain fell. Roads shut.\"}\n",
        "{\"id\": 123456789012345678901234567890, \"text\": \"Rain fell. Roads shut.\"}\n",
        "{\"id\": {\"k\": [1, 2.50]}, \"text\": 5}\n",
        "{\"id\": \"a\u{2028}b\u{85}\", \"text\": \"Rain fell. Roads shut.\"}\n",
        "{\"id\": [1,\r2], \"text\": \"Rain fell. Roads shut.\"}\n",
    );
    let run = jsonl(&[], input);
    let out = String::from_utf8(run.stdout).expect("UTF-8 output");
    let ids: Vec<&str> = out
        .lines()
        .map(|line| {
            let rest = line
                .strip_prefix("{\"id\":")
                .expect("each record starts with its id");
            &rest[..rest.find(",\"line\"").expect("then its line")]
        })
        .collect();
    assert_eq!(
        ids,
        [
            "1.7777777777777781e+84",
            "123456789012345678901234567890",
            "{\"k\": [1, 2.50]}",
            "\"a\\u2028b\\u0085\"",
            // A carriage return between parts would end the line for many
            // readers: it becomes a space.
            "[1, 2]",
        ]
    );
    assert_eq!(run.code, Some(3), "the third record is an error record");
}

/// Found by the fuzzer once ids were given back as written: an id with a
/// lone surrogate escape is no JSON that strict parsers take, so the record
/// is an error record, as it always was, and the results stay parseable.
#[test]
fn an_id_with_a_lone_surrogate_is_an_error_record() {
    let input = concat!(
        "{\"id\": \"\\ud800\", \"text\": \"Rain fell. Roads shut.\"}\n",
        "{\"id\": \"\\ud83d\\ude00\", \"text\": \"Rain fell. Roads shut.\"}\n",
    );
    let run = jsonl(&[], input);
    assert_eq!(run.lines.len(), 2);
    assert_eq!(run.lines[0]["id"], Value::Null);
    assert_eq!(
        run.lines[0]["error"],
        "not valid JSON: unexpected end of hex escape at column 15"
    );
    assert_eq!(run.lines[1]["id"], "😀");
    assert_eq!(run.code, Some(3));
}
