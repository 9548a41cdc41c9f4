//! Output: one writer per format, each over `&mut impl Write`.

#[cfg(feature = "html")]
pub mod html;
pub mod json;
pub mod text;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// The headline, a blank line, then one sentence per line.
    #[default]
    Text,
    /// One JSON object per text (see docs/GUIDE.md for the schema).
    Json,
    /// A standalone web page per text: the summary highlighted in the
    /// whole text.
    Html,
}
