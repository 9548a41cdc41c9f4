//! Web pages in: `lede PAGE`, `lede extract`, batch records with "html",
//! character sets, and bad pages (deep, empty, huge, broken, scripted),
//! each of which gives a clear error or a best effort within seconds.
//! Every page here is written by the test itself.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::Value;

use common::lede;
use common::page::{news_page, STORY};

/// No page may take longer than this (a hang fails the test).
const PAGE_TIMEOUT: Duration = Duration::from_secs(60);

struct Dir(tempfile::TempDir);

impl Dir {
    fn new() -> Self {
        Dir(tempfile::tempdir().expect("temp dir"))
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.path().join(name);
        fs::write(&path, bytes).expect("write fixture");
        path
    }
}

/// Runs lede with `args` and returns (exit code, stdout, stderr).
fn run(args: &[&str], path: Option<&Path>) -> (i32, String, String) {
    let mut cmd = lede();
    cmd.args(args).timeout(PAGE_TIMEOUT);
    if let Some(path) = path {
        cmd.arg(path);
    }
    let output = cmd.output().expect("lede runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn json(out: &str) -> Value {
    serde_json::from_str(out).unwrap_or_else(|e| panic!("{e} in {out}"))
}

#[test]
fn a_page_is_summarized_from_its_article_under_its_title() {
    let dir = Dir::new();
    let page = dir.write("tram.html", news_page("", ""));
    let (code, out, err) = run(&["--json", "-n", "2"], Some(&page));
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    let summary = json(&out);
    assert_eq!(summary["headline"], "Marbury Approves Tram Line");
    assert_eq!(summary["headline_source"], "title");
    assert_eq!(summary["language"], "en");
    let article = &summary["page"];
    assert_eq!(article["title"], "Marbury Approves Tram Line");
    assert_eq!(article["byline"], "Jane Doe");
    assert_eq!(article["lang"], "en-GB");
    let text = article["text"].as_str().expect("page text");
    for furniture in [
        "cookies",
        "Home",
        "Related",
        "Copyright",
        "script",
        "Subscribe",
        "By Jane Doe",
    ] {
        assert!(
            !text.contains(furniture),
            "{furniture:?} in the article: {text}"
        );
    }
    let picked = summary["summary"].as_array().expect("summary");
    assert_eq!(picked.len(), 2);
    for sentence in picked {
        let (start, end) = (
            sentence["start"].as_u64().unwrap_or(0) as usize,
            sentence["end"].as_u64().unwrap_or(0) as usize,
        );
        assert_eq!(
            text.get(start..end),
            sentence["text"].as_str(),
            "spans refer to page.text"
        );
        assert!(STORY
            .iter()
            .any(|p| p.contains(sentence["text"].as_str().unwrap_or("-"))));
    }
    // The same page through standard input, and as text on request.
    let stdin = lede()
        .args(["--json", "-n", "2"])
        .write_stdin(news_page("", ""))
        .timeout(PAGE_TIMEOUT)
        .output()
        .expect("runs");
    assert_eq!(
        json(&String::from_utf8_lossy(&stdin.stdout))["summary"],
        summary["summary"]
    );
    let (code, as_text, _) = run(&["--json", "--input", "text", "--lines"], Some(&page));
    assert_eq!(code, 0);
    assert!(json(&as_text).get("page").is_none(), "{as_text}");
}

#[test]
fn extract_prints_the_title_then_the_paragraphs() {
    let dir = Dir::new();
    let page = dir.write("tram.html", news_page("", ""));
    let (code, out, err) = run(&["extract"], Some(&page));
    assert_eq!((code, err.as_str()), (0, ""));
    let mut blocks = out.trim_end().split("\n\n");
    assert_eq!(blocks.next(), Some("Marbury Approves Tram Line"));
    assert_eq!(blocks.collect::<Vec<_>>(), STORY.to_vec());

    let stdin = lede()
        .arg("extract")
        .write_stdin(news_page("", ""))
        .timeout(PAGE_TIMEOUT)
        .output()
        .expect("runs");
    assert_eq!(
        String::from_utf8_lossy(&stdin.stdout),
        out,
        "standard input reads the same"
    );

    let other = dir.write(
        "other.htm",
        news_page(
            "",
            "<p>One more paragraph closes the story, with a last word from the mayor.</p>",
        ),
    );
    let (code, out, _) = run(
        &["extract", "--json", &page.display().to_string()],
        Some(&other),
    );
    assert_eq!(code, 0);
    let pages: Vec<Value> = out.lines().map(json).collect();
    assert_eq!(pages.len(), 2);
    for (entry, path) in pages.iter().zip([&page, &other]) {
        let mut keys: Vec<&str> = entry
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, ["byline", "lang", "source", "text", "title"]);
        assert_eq!(entry["source"], path.display().to_string());
    }
    // In that order.
    let at = |key: &str| out.find(&format!("\"{key}\":")).expect("key");
    assert!(
        at("source") < at("title")
            && at("title") < at("byline")
            && at("byline") < at("lang")
            && at("lang") < at("text")
    );
    assert!(pages[1]["text"]
        .as_str()
        .is_some_and(|t| t.ends_with("from the mayor.")));
}

#[test]
fn pages_in_legacy_character_sets_are_decoded() {
    let dir = Dir::new();
    let story = STORY.join(" ");
    let cases: [(&str, Vec<u8>, &str); 3] = [
        (
            "windows-1252",
            b"caf\xe9 \x93cr\xe8me\x94 ".to_vec(),
            "café “crème”",
        ),
        (
            "iso-8859-2",
            b"\xa3\xf3d\xbc \xb3\xb1ka ".to_vec(),
            "Łódź łąka",
        ),
        (
            "shift_jis",
            b"\x93\x8c\x8b\x9e\x82\xcc\x8d`  ".to_vec(),
            "東京の港",
        ),
    ];
    for (charset, special, want) in cases {
        let mut bytes = format!("<!DOCTYPE html><html><head><meta charset=\"{charset}\"><title>Tram Line Plans</title></head><body><article><p>").into_bytes();
        bytes.extend_from_slice(&special);
        bytes.extend_from_slice(story.as_bytes());
        bytes.extend_from_slice(b"</p></article></body></html>");
        let page = dir.write(&format!("{charset}.html"), bytes);
        let (code, out, err) = run(&["extract"], Some(&page));
        assert_eq!((code, err.as_str()), (0, ""), "{charset}");
        assert!(out.contains(want), "{charset}: {out}");
    }
}

/// A bad page: file name, page, arguments, exit code, what stderr says,
/// what stdout has.
type BadPage = (
    &'static str,
    String,
    &'static [&'static str],
    i32,
    &'static str,
    &'static str,
);

#[test]
fn bad_pages_give_a_clear_error_or_a_best_effort() {
    let dir = Dir::new();
    let deep = format!(
        "<!DOCTYPE html><html><body>{}<p>{}</p>{}</body></html>",
        "<div>".repeat(100_000),
        STORY.join(" "),
        "</div>".repeat(100_000)
    );
    let broken = format!(
        "<!DOCTYPE html><html><body><article><p>{}<b>bold <i>both</p></div></span><<>> <p class=\"x>{} </b><td><p>{}",
        STORY[0], STORY[1], STORY[2]
    );
    let scripted = news_page(
        "<script>for (var i = 0; i < 9; i++) { document.write('<p>Injected text from a script.</p>'); }</script>",
        "<script type=\"text/template\"><p>A template sentence that no reader ever sees.</p></script><noscript>Enable JavaScript to read comments.</noscript>",
    );
    let cases: [BadPage; 6] = [
        ("deep.html", deep, &[], 1, "nested more than", ""),
        ("empty.html", "<!DOCTYPE html><html><head><title>Sign in</title></head><body><form><input name=u><button>Go</button></form></body></html>".into(), &[], 1, "no article found", ""),
        ("blank.html", "<html></html>".into(), &["extract"], 1, "no article found", ""),
        ("broken.html", broken, &["--input", "html"], 0, "", "Marbury"),
        ("scripted.html", scripted, &[], 0, "", "Marbury"),
        ("tags.html", "<html><body><p>".repeat(20_000), &[], 1, "no article found", ""),
    ];
    for (name, html, args, want_code, want_err, want_out) in cases {
        let page = dir.write(name, html);
        let (code, out, err) = run(args, Some(&page));
        assert_eq!(code, want_code, "{name}: {err}");
        assert!(
            err.contains(want_err) && err.lines().count() <= 1,
            "{name}: {err}"
        );
        if code != 0 {
            assert!(
                err.starts_with(&format!("lede: {}: ", page.display())),
                "{name}: {err}"
            );
        }
        assert!(out.contains(want_out), "{name}: {out}");
        for hidden in [
            "Injected",
            "template sentence",
            "Enable JavaScript",
            "Click here",
        ] {
            assert!(!out.contains(hidden), "{name}: {hidden:?} in {out}");
        }
    }
}

#[test]
fn a_page_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = Dir::new();
    let path = dir.0.path().join("huge.html");
    let file = fs::File::create(&path).expect("create");
    // 200 MB that take no disk: a sparse file.
    file.set_len(200_000_000).expect("set_len");
    drop(file);
    for args in [
        &["--max-bytes", "100M"][..],
        &["extract", "--max-bytes", "100M"],
    ] {
        let (code, _, err) = run(args, Some(&path));
        assert_eq!(code, 1, "{args:?}");
        assert!(err.contains("is larger than the limit of 100 MiB"), "{err}");
    }
}

#[test]
fn batch_records_may_carry_a_page() {
    let page = news_page("", "");
    let input = [
        serde_json::json!({"id": 1, "html": page, "sentences": 1}),
        serde_json::json!({"id": 2, "html": "<html><body><p>Hi</p></body></html>"}),
        serde_json::json!({"id": 3, "html": 7}),
        serde_json::json!({"id": 4, "html": page, "text": "Both."}),
        serde_json::json!({"id": 5, "text": STORY.join(" ")}),
    ]
    .iter()
    .map(|r| format!("{r}\n"))
    .collect::<String>();
    let output = lede()
        .args(["--jsonl", "--threads", "2"])
        .write_stdin(input)
        .timeout(PAGE_TIMEOUT)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(3), "some records fail");
    let lines: Vec<Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(json)
        .collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["headline"], "Marbury Approves Tram Line");
    assert_eq!(lines[0]["page"]["byline"], "Jane Doe");
    assert_eq!(lines[1]["error"], "page: no article found in the page");
    assert_eq!(lines[2]["error"], "\"html\" is not a string");
    assert_eq!(lines[3]["error"], "both \"text\" and \"html\": give one");
    assert!(lines[4].get("page").is_none() && lines[4]["headline_source"] == "lead");
    let ids: Vec<&Value> = lines.iter().map(|l| &l["id"]).collect();
    assert_eq!(ids, [1, 2, 3, 4, 5]);
}

#[test]
fn html_output_escapes_the_input_and_marks_the_summary() {
    let dir = Dir::new();
    let page = dir.write(
        "tram.html",
        news_page("", "<p>Residents asked whether &lt;script&gt;alert(1)&lt;/script&gt; tags &amp; \"quotes\" would appear in the page, and they did not.</p>"),
    );
    let (code, out, err) = run(&["--format", "html", "-n", "2"], Some(&page));
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.starts_with("<!DOCTYPE html>"));
    assert!(!out.contains("<script"), "{out}");
    assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt; tags &amp; &quot;quotes&quot;"));
    assert_eq!(out.matches("<mark class=\"s pick\"").count(), 2);
    assert!(
        !out.contains("src=") && !out.contains("href="),
        "no outside files"
    );
    let (code, _, err) = run(
        &["--format", "html", "corpus/01-council-budget-vote.txt"],
        Some(&page),
    );
    assert_eq!(code, 2, "a usage error");
    assert!(err.contains("--format html writes one page"), "{err}");
}

#[test]
fn bench_times_extraction_apart_from_summarizing() {
    let dir = Dir::new();
    dir.write("tram.html", news_page("", ""));
    dir.write("empty.htm", "<html><body><p>Hi</p></body></html>");
    dir.write("notes.txt", "Not a page.");
    let folder = dir.0.path().display().to_string();
    let (code, out, err) = run(
        &[
            "bench", "--pages", "--passes", "1", "--format", "json", &folder,
        ],
        None,
    );
    assert_eq!((code, err.as_str()), (0, ""));
    let speeds = json(&out);
    let speed = &speeds[0];
    assert_eq!(speed["pages"], 2);
    assert_eq!(speed["no_article"], 1);
    assert!(
        speed["extract_seconds"].as_f64().is_some_and(|s| s > 0.0),
        "{out}"
    );
    assert!(
        speed["summarize_seconds"].as_f64().is_some_and(|s| s > 0.0),
        "{out}"
    );
    let (code, text, _) = run(&["bench", "--pages", "--passes", "1", &folder], None);
    assert_eq!(code, 0);
    assert!(
        text.contains("extract p/s") && text.contains("1 without an article"),
        "{text}"
    );
}
