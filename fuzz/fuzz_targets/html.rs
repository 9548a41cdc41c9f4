//! Fuzzes web pages in and highlighted pages out: `html::decode` on the raw
//! bytes, `html::extract` on the page, `html::summarize_page` with notes on
//! its article, and the `--format html` writer. Checks that summary spans
//! quote the article, and that nothing of the page reaches the highlighted
//! page unescaped (no markup of the input survives as markup).
#![no_main]

use std::sync::OnceLock;

use lede::{html, output, Options, Summarizer};
use libfuzzer_sys::fuzz_target;

fn summarizer() -> &'static Summarizer {
    static SUMMARIZER: OnceLock<Summarizer> = OnceLock::new();
    SUMMARIZER.get_or_init(|| Summarizer::new(Options::default()).expect("default options"))
}

/// A marker the fuzzer cannot make appear as markup unless escaping fails:
/// the writer's own page never holds it.
const MARKER: &str = "<fuzzmark";

fuzz_target!(|data: &[u8]| {
    let text = html::decode(data);
    let Ok(page) = html::extract(&text) else {
        return;
    };
    let Ok((summary, notes)) = html::summarize_page(summarizer(), &page, true) else {
        return;
    };
    for sentence in &summary.sentences {
        assert_eq!(
            page.text.get(sentence.start..sentence.end),
            Some(sentence.text.as_str()),
            "a span that does not quote the article"
        );
    }
    let mut out = Vec::new();
    output::html::write(&mut out, "fuzz", &summary, &page.text, &notes, Some(&page))
        .expect("writing to a Vec");
    let out = String::from_utf8(out).expect("the page is UTF-8");
    assert!(
        !out.to_ascii_lowercase().contains(MARKER),
        "markup from the input reached the highlighted page"
    );
});
