//! `--format html` in a real browser: headless Chromium renders lede's
//! page of a web page; the marked sentences in the rendered DOM must be
//! the summary's, and a screenshot must show something (not one colour).
//!
//! Skipped with a note when no Chromium is installed, except under
//! `CI=true`, where a missing browser fails the test (`.ci/run` installs
//! Debian's `chromium`). `LEDE_SCREENSHOT=path.png` keeps the screenshot
//! (that is how `docs/html-output.png` is made); `LEDE_CHROMIUM=path` tries
//! another browser.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::lede;
use common::page::news_page;

/// The browsers tried, in order.
const BROWSERS: [&str; 3] = [
    "/usr/bin/chromium",
    "/usr/bin/chromium-headless-shell",
    "/usr/bin/chromium-browser",
];

/// A phone's screen, in CSS pixels.
const WINDOW: (u32, u32) = (412, 1200);

/// The browser, or `None` (with a note) when there is none and this is not
/// CI.
/// `LEDE_CHROMIUM` names another browser to try instead.
fn browser() -> Option<PathBuf> {
    let candidates: Vec<PathBuf> = match std::env::var_os("LEDE_CHROMIUM") {
        Some(path) => vec![PathBuf::from(path)],
        None => BROWSERS.iter().map(PathBuf::from).collect(),
    };
    if let Some(found) = candidates.iter().find(|p| p.is_file()) {
        return Some(found.clone());
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "CI=true but no Chromium at {candidates:?}: install it (apt-get install chromium)"
    );
    eprintln!("skipped: no Chromium at {candidates:?}");
    None
}

/// Runs headless Chromium on `page` with `args` and returns its stdout.
fn chromium(browser: &Path, page: &Path, args: &[String]) -> String {
    let profile = tempfile::tempdir().expect("profile dir");
    let output = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The page the test renders: the news page with a repeated paragraph and
/// page furniture in its article, so that every kind of mark shows.
fn story_page() -> String {
    news_page(
        "",
        "<p>The council of Marbury approved a new tram line for the city centre on Tuesday, after a debate that lasted most of the day.</p>\n\
         <p>Share this article</p>\n\
         <p>Local businesses welcomed the decision, saying the trams would bring more customers to the old town.</p>\n",
    )
}

#[test]
fn the_rendered_page_marks_the_summary_and_is_not_blank() {
    let Some(browser) = browser() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let source = dir.path().join("tram.html");
    std::fs::write(&source, story_page()).expect("write page");
    let run = |format: &str| {
        // Run beside the page, so that the page shows its name, not a
        // temporary path.
        let output = lede()
            .current_dir(dir.path())
            .args(["--format", format, "-n", "3", "tram.html"])
            .output()
            .expect("lede runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    let rendered = dir.path().join("summary.html");
    std::fs::write(&rendered, run("html")).expect("write output");
    let summary: serde_json::Value = serde_json::from_str(&run("json")).expect("JSON");
    let want: Vec<&str> = summary["summary"]
        .as_array()
        .expect("summary")
        .iter()
        .filter_map(|s| s["text"].as_str())
        .collect();
    assert_eq!(want.len(), 3);

    let dom = chromium(&browser, &rendered, &["--dump-dom".to_string()]);
    let document = dom_query::Document::from(dom.as_str());
    let marked: Vec<String> = document
        .select("article mark.pick")
        .iter()
        .map(|m| m.text().to_string())
        .collect();
    assert_eq!(marked, want, "the marked sentences are the summary's");
    let listed: Vec<String> = document
        .select("ol.summary li")
        .iter()
        .map(|li| li.text().to_string())
        .collect();
    assert_eq!(listed, want);
    assert_eq!(
        document.select("h1").text().to_string(),
        summary["headline"].as_str().unwrap_or("-")
    );
    assert_eq!(document.select("script").length(), 0);
    assert!(document
        .select(".why")
        .iter()
        .any(|w| w.text().as_ref() == "duplicate"));

    let shot = dir.path().join("shot.png");
    chromium(
        &browser,
        &rendered,
        &[
            format!("--screenshot={}", shot.display()),
            format!("--window-size={},{}", WINDOW.0, WINDOW.1),
            "--hide-scrollbars".to_string(),
        ],
    );
    let (variance, highlighted) = pixel_stats(&shot);
    // A blank page has none; text on white has thousands.
    assert!(
        variance > 500.0,
        "blank screenshot: luminance variance {variance}"
    );
    assert!(
        highlighted > 2_000,
        "too few highlighted pixels: {highlighted}"
    );
    if let Some(keep) = std::env::var_os("LEDE_SCREENSHOT") {
        std::fs::copy(&shot, keep).expect("keep the screenshot");
    }
}

/// The luminance variance of a PNG, and how many of its pixels have the
/// highlight's yellow.
fn pixel_stats(path: &Path) -> (f64, usize) {
    let file = std::fs::File::open(path).expect("screenshot exists");
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    let channels = info.color_type.samples();
    assert!(channels >= 3, "colour screenshot: {:?}", info.color_type);
    let pixels: Vec<&[u8]> = buf[..info.buffer_size()].chunks(channels).collect();
    assert_eq!(
        (info.width, info.height),
        WINDOW,
        "the screenshot has the window's size"
    );
    let luma: Vec<f64> = pixels
        .iter()
        .map(|p| 0.299 * f64::from(p[0]) + 0.587 * f64::from(p[1]) + 0.114 * f64::from(p[2]))
        .collect();
    let mean = luma.iter().sum::<f64>() / luma.len() as f64;
    let variance = luma.iter().map(|l| (l - mean).powi(2)).sum::<f64>() / luma.len() as f64;
    // #ffd54a, give or take.
    let highlighted = pixels
        .iter()
        .filter(|p| p[0] > 240 && (195..=230).contains(&p[1]) && p[2] < 110)
        .count();
    (variance, highlighted)
}
