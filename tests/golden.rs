//! Whole outputs of `lede` for a few corpus articles (and the seed article,
//! when `../shared/` is there), compared with `tests/golden/<stem>.txt` and
//! `tests/golden/<stem>.json`.
//!
//! Scoring changes move these outputs on purpose. Rewrite the files with
//! `LEDE_BLESS=1 cargo test --test golden` and review their diff in the
//! commit.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;

/// Articles with a title line, a byline and quotes (01), duplicated
/// paragraphs (06), a "St." name and a court ruling (07), and numbers and
/// abbreviations (15).
const ARTICLES: &[&str] = &[
    "corpus/01-council-budget-vote.txt",
    "corpus/06-quillon-launch-layoffs.txt",
    "corpus/07-st-louis-demolition-ruling.txt",
    "corpus/15-hospital-ransomware-attack.txt",
];
/// Lives outside the repository; skipped when absent.
const SEED_ARTICLE: &str = "../shared/seed-article.txt";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The output of `lede ARGS` run from the package root, which must succeed.
fn lede(args: &[&str]) -> String {
    let output = cargo_bin_cmd!("lede")
        .env_clear()
        .current_dir(root())
        .args(args)
        .output()
        .expect("lede runs");
    assert!(
        output.status.success(),
        "lede {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("stdout is UTF-8")
}

/// A golden file and the output it should hold.
struct Case {
    golden: PathBuf,
    got: String,
}

fn cases() -> Vec<Case> {
    let mut inputs: Vec<&str> = ARTICLES.to_vec();
    if root().join(SEED_ARTICLE).is_file() {
        inputs.push(SEED_ARTICLE);
    } else {
        eprintln!("skipped: {SEED_ARTICLE} is not here");
    }
    let mut cases = Vec::new();
    for input in inputs {
        let stem = Path::new(input)
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a file name");
        let dir = root().join("tests/golden");
        cases.push(Case {
            golden: dir.join(format!("{stem}.txt")),
            got: lede(&[input]),
        });
        let json = lede(&["--json", input]);
        assert_eq!(json.lines().count(), 1, "--json prints one line: {json}");
        let pretty = pretty_json(&json);
        assert_eq!(compact(&pretty), json, "pretty_json lost something");
        cases.push(Case {
            golden: dir.join(format!("{stem}.json")),
            got: pretty,
        });
    }
    cases
}

#[test]
fn outputs_match_the_golden_files() {
    let bless = std::env::var_os("LEDE_BLESS").is_some_and(|v| v == "1");
    let mut failures = Vec::new();
    for case in cases() {
        let name = case.golden.display();
        if bless {
            fs::create_dir_all(case.golden.parent().expect("a parent")).expect("mkdir");
            fs::write(&case.golden, &case.got).unwrap_or_else(|e| panic!("{name}: {e}"));
            continue;
        }
        match fs::read_to_string(&case.golden) {
            Ok(want) if want == case.got => {}
            Ok(want) => failures.push(format!("{name}:\n{}", diff(&want, &case.got))),
            Err(e) => failures.push(format!("{name}: {e}")),
        }
    }
    assert!(
        failures.is_empty(),
        "output differs from the golden files (- golden, + now); if the change \
         is intended, run `LEDE_BLESS=1 cargo test --test golden` and review the diff\n\n{}",
        failures.join("\n")
    );
}

/// Indents one line of compact JSON, two spaces a level, one value per line,
/// keeping the field order and the bytes of every string and number, so a
/// changed score or sentence shows as one changed line.
fn pretty_json(json: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = json.trim_end().chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.push_str(&"  ".repeat(depth));
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' if matches!(chars.peek(), Some('}' | ']')) => {
                out.push(c);
                out.push(chars.next().expect("peeked"));
            }
            '{' | '[' => {
                out.push(c);
                depth += 1;
                newline(&mut out, depth);
            }
            '}' | ']' => {
                depth -= 1;
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c => out.push(c),
        }
    }
    out.push('\n');
    out
}

/// Undoes [`pretty_json`]: drops the white space outside strings.
fn compact(json: &str) -> String {
    let mut out = String::new();
    let mut in_string = false;
    let mut escaped = false;
    for c in json.chars() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
        } else if c.is_whitespace() {
            continue;
        }
        out.push(c);
    }
    out.push('\n');
    out
}

/// A line diff of `want` and `got` (longest common subsequence), with two
/// lines of context around each change.
fn diff(want: &str, got: &str) -> String {
    const CONTEXT: usize = 2;
    let a: Vec<&str> = want.lines().collect();
    let b: Vec<&str> = got.lines().collect();
    // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut lines: Vec<(char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            lines.push((' ', a[i]));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            lines.push(('-', a[i]));
            i += 1;
        } else {
            lines.push(('+', b[j]));
            j += 1;
        }
    }
    if want.ends_with('\n') != got.ends_with('\n') {
        lines.push(('!', "(the final newline differs)"));
    }
    let changed: Vec<usize> = (0..lines.len()).filter(|&k| lines[k].0 != ' ').collect();
    let mut out = String::new();
    let mut last_shown = None;
    for (k, &(tag, line)) in lines.iter().enumerate() {
        let near = changed
            .iter()
            .any(|&c| c.saturating_sub(CONTEXT) <= k && k <= c + CONTEXT);
        if !near {
            continue;
        }
        if last_shown.is_some_and(|last| last + 1 < k) {
            out.push_str("  ...\n");
        }
        out.push_str(&format!("{tag} {line}\n"));
        last_shown = Some(k);
    }
    out
}

#[test]
fn diff_shows_changed_lines_with_context() {
    let want = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
    let got = "1\nTWO\n3\n4\n5\n6\n7\n8\n9\nten\n";
    assert_eq!(
        diff(want, got),
        "  1\n- 2\n+ TWO\n  3\n  4\n  ...\n  8\n  9\n+ ten\n"
    );
}

#[test]
fn pretty_json_keeps_strings_and_field_order() {
    let json = r#"{"b":"x, {y}: \"z\"","a":[],"c":[1,{"d":2.5}]}"#;
    let want =
        "{\n  \"b\": \"x, {y}: \\\"z\\\"\",\n  \"a\": [],\n  \"c\": [\n    1,\n    {\n      \
                \"d\": 2.5\n    }\n  ]\n}\n";
    assert_eq!(pretty_json(json), want);
    assert_eq!(compact(want), format!("{json}\n"));
}
