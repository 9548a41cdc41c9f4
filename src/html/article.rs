//! The article of a page: its text from rs-trafilatura, its title, byline
//! and language from dom_smoothie's reading of the page's metadata.

use dom_smoothie::Readability;

use super::depth::check_depth;
use super::PageError;

/// The article taken out of a web page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Page {
    /// The page's own title (Open Graph, JSON-LD or `<title>`), without the
    /// site's name.
    pub title: Option<String>,
    /// Who wrote it, as the page says.
    pub byline: Option<String>,
    /// The page's `lang` attribute (a BCP 47 tag such as `en-GB`).
    pub lang: Option<String>,
    /// The article's text: paragraphs separated by a blank line, the byline
    /// left out.
    pub text: String,
}

/// Fewer words than this is not an article: a caption, a login prompt, an
/// error page's one line.
const MIN_ARTICLE_WORDS: usize = 5;

/// Below this many words from rs-trafilatura, Readability's text is taken.
const FALLBACK_WORDS: usize = 50;

/// Readability's article is taken when rs-trafilatura's is this many times
/// longer and holds it.
const NARROWER: usize = 2;

/// Takes the article out of `html`.
///
/// # Errors
/// [`PageError::TooLarge`] for a page over
/// [`MAX_PAGE_BYTES`](super::MAX_PAGE_BYTES), [`PageError::TooDeep`] for markup nested deeper than
/// [`MAX_DEPTH`](super::MAX_DEPTH) levels, [`PageError::NoArticle`] when
/// nothing in the page reads as an article.
pub fn extract(html: &str) -> Result<Page, PageError> {
    if html.len() > super::MAX_PAGE_BYTES {
        return Err(PageError::TooLarge {
            limit: super::MAX_PAGE_BYTES,
        });
    }
    check_depth(html)?;
    let body = rs_trafilatura::extract(html).unwrap_or_default();
    let mut readability = Readability::new(html, None, None).map_err(|_| PageError::NoArticle)?;
    let metadata = readability.get_article_metadata(readability.parse_json_ld());
    // Readability's reading is the second opinion: rs-trafilatura gives up
    // on short pages that it reads, and keeps hidden or surrounding text
    // on some pages where Readability's article is a small part of its.
    let second = readability
        .parse()
        .map(|article| article.text_content.to_string())
        .unwrap_or_default();
    let first_words = word_count(&body.content_text);
    let content = if first_words < FALLBACK_WORDS
        || (word_count(&second) * NARROWER < first_words && contains(&body.content_text, &second))
    {
        second
    } else {
        body.content_text.clone()
    };

    let title = clean(&metadata.title).or_else(|| body.metadata.title.as_deref().and_then(clean));
    let byline = metadata
        .byline
        .as_deref()
        .and_then(clean)
        .or_else(|| body.metadata.author.as_deref().and_then(clean));
    let lang = metadata
        .lang
        .as_deref()
        .and_then(clean)
        .or_else(|| body.metadata.language.as_deref().and_then(clean));
    let text = paragraphs(&content, title.as_deref(), byline.as_deref());
    if word_count(&text) < MIN_ARTICLE_WORDS {
        return Err(PageError::NoArticle);
    }
    Ok(Page {
        title,
        byline,
        lang,
        text,
    })
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Whether nearly every run of four words of `part` is in `whole`.
fn contains(whole: &str, part: &str) -> bool {
    let grams = |text: &str| -> Vec<u64> {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        words
            .windows(4)
            .map(|w| {
                let mut h = std::hash::DefaultHasher::new();
                std::hash::Hash::hash(w, &mut h);
                std::hash::Hasher::finish(&h)
            })
            .collect()
    };
    let whole: std::collections::HashSet<u64> = grams(whole).into_iter().collect();
    let part = grams(part);
    let found = part.iter().filter(|g| whole.contains(g)).count();
    !part.is_empty() && found * 10 >= part.len() * 9
}

/// One line, white space joined; `None` when nothing is left.
fn clean(value: &str) -> Option<String> {
    let joined = value.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(joined).filter(|v| !v.is_empty())
}

/// The article's lines as paragraphs separated by one blank line, without
/// a first line that repeats the title nor lines that are the byline: the
/// title is the headline already, and a byline is never a summary sentence.
fn paragraphs(text: &str, title: Option<&str>, byline: Option<&str>) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        let line = clean(line).unwrap_or_default();
        if (i == 0 && title.is_some_and(|t| same_words(&line, t)))
            || byline.is_some_and(|b| is_byline_line(&line, b))
        {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&line);
    }
    out
}

/// Whether `line` says `byline` and little else ("By Jane Doe", "Jane Doe,
/// Staff Writer"), and is not a sentence ("Jane Doe said no." stays).
fn is_byline_line(line: &str, byline: &str) -> bool {
    let extra =
        line.split_whitespace().count() as isize - byline.split_whitespace().count() as isize;
    let sentence = line.ends_with(['.', '!', '?']) && !byline.ends_with('.');
    (0..=3).contains(&extra) && !sentence && line.to_lowercase().contains(&byline.to_lowercase())
}

fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    words(a) == words(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byline_lines_are_told_from_sentences() {
        for (line, byline) in [
            ("By Jane Doe", true),
            ("Jane Doe", true),
            ("JANE DOE, Staff Writer", true),
            ("Jane Doe said no.", false),
            ("Jane Doe is our transport reporter in the city", false),
            ("By John Smith", false),
        ] {
            assert_eq!(is_byline_line(line, "Jane Doe"), byline, "line: {line:?}");
        }
    }

    #[test]
    fn the_title_and_byline_lines_leave_the_text() {
        let text = "Tram Line Approved\nBy Jane Doe\n\n\nThe council voted on Tuesday.\n  Work starts   in spring.  \nJane Doe is our transport reporter and has covered the city for ten years.";
        let got = paragraphs(text, Some("Tram line approved"), Some("Jane Doe"));
        assert_eq!(
            got,
            "The council voted on Tuesday.\n\nWork starts in spring.\n\n\
             Jane Doe is our transport reporter and has covered the city for ten years."
        );
        assert_eq!(
            paragraphs(text, None, None).lines().next(),
            Some("Tram Line Approved")
        );
    }
}

#[cfg(test)]
mod deep_tests {
    use super::*;

    /// The deepest page lede reads is read on a thread with the stack of a
    /// batch worker (2 MiB), and a deeper one is refused, not overflowed.
    #[test]
    fn deep_markup_fits_a_worker_stack_or_is_refused() {
        let page = |depth: usize, open: &str, close: &str| {
            format!(
                "<!doctype html><html><head><title>Deep Page Test</title></head><body>{}<p>{}</p>{}</body></html>",
                open.repeat(depth),
                "The river rose two metres overnight and the town closed its schools. ".repeat(20),
                close.repeat(depth)
            )
        };
        let near = crate::html::MAX_DEPTH - 10;
        for (depth, open, close, readable) in [
            (near, "<div>", "</div>", true),
            (near / 2, "<span><b>", "</b></span>", true),
            // Each level is four elements (table, tbody, tr, td) of which
            // one counts.
            (near, "<table><tr><td>", "</td></tr></table>", true),
            (near, "<ul><li>", "</li></ul>", true),
            (100_000, "<div>", "</div>", false),
        ] {
            let html = page(depth, open, close);
            let got = std::thread::Builder::new()
                .stack_size(2 << 20)
                .spawn(move || extract(&html))
                .expect("thread")
                .join()
                .expect("no panic");
            assert_eq!(got.is_ok(), readable, "depth {depth} of {open}: {got:?}");
        }
    }
}
