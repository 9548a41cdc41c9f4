//! Web pages in: recognising HTML, decoding its character set, and taking
//! the article out of the page (its title, byline, language and text).
//!
//! The article's text comes from [rs-trafilatura] (a port of trafilatura),
//! its title and byline from [dom_smoothie] (a port of Mozilla's
//! Readability): each did best at its part on the pages we measured (see the
//! docs/GUIDE.md, "Web pages"). What they leave to us is small: sniffing, the
//! character set, and guarding them against pages that would crash them.
//!
//! ```
//! let html = "<!doctype html><html lang=\"en\"><head><title>Council Approves a New Tram Line | City News</title></head>\
//!             <body><nav><a href=\"/\">Home</a></nav><article><h1>Council Approves a New Tram Line</h1>\
//!             <p class=\"byline\">By Jane Doe</p>\
//!             <p>The council approved a new tram line for the city centre on Tuesday, after a debate that lasted most of the day.</p>\
//!             <p>Work on the line will start next spring and last two years, the council said in a statement.</p>\
//!             <p>The line will link the station with the hospital and the university, and shops along it will get help.</p>\
//!             </article></body></html>";
//! assert!(lede::html::looks_like_html(html));
//! let page = lede::html::extract(html)?;
//! assert_eq!(page.title.as_deref(), Some("Council Approves a New Tram Line"));
//! assert_eq!(page.lang.as_deref(), Some("en"));
//! assert!(page.text.starts_with("The council approved a new tram line"));
//! # Ok::<(), lede::html::PageError>(())
//! ```
//!
//! [rs-trafilatura]: https://crates.io/crates/rs-trafilatura
//! [dom_smoothie]: https://crates.io/crates/dom_smoothie

mod article;
mod charset;
mod depth;
mod sniff;
mod summary;

pub use article::{extract, Page};
pub use charset::decode;
pub use depth::MAX_DEPTH;

/// The largest page lede reads, in bytes: 32 MiB. Reading a page costs
/// about 17 times its size in memory and 0.45 s a megabyte (measured on a
/// 20 MB page: 345 MB, 9 s), so a 200 MB page would take 3.5 GB and a
/// minute and a half; the largest real pages, with images inlined, stay
/// well under this.
pub const MAX_PAGE_BYTES: usize = 32 << 20;
pub use sniff::looks_like_html;
pub use summary::summarize_page;

/// Why no article came out of a page.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PageError {
    /// The page has no text that reads as an article (a login form, a
    /// gallery, an empty page).
    #[error("no article found in the page")]
    NoArticle,
    /// The page is larger than [`MAX_PAGE_BYTES`].
    #[error("is larger than the limit of {} MiB for a web page", .limit >> 20)]
    TooLarge {
        /// The limit ([`MAX_PAGE_BYTES`]).
        limit: usize,
    },
    /// The markup nests deeper than any real page does, so deep that parsing
    /// it could exhaust the stack.
    #[error("markup is nested more than {limit} levels deep; no real page is")]
    TooDeep {
        /// The deepest nesting lede reads ([`MAX_DEPTH`]).
        limit: usize,
    },
}

/// Whether the input is read as a web page or as text (`--input`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputKind {
    /// HTML when it looks like HTML ([`looks_like_html`]), text otherwise.
    #[default]
    Auto,
    /// Always text.
    Text,
    /// Always a web page.
    Html,
}

impl InputKind {
    /// Whether `input` is to be read as a web page.
    pub fn is_html(self, input: impl AsRef<[u8]>) -> bool {
        match self {
            InputKind::Auto => looks_like_html(input),
            InputKind::Text => false,
            InputKind::Html => true,
        }
    }
}
