//! Summarizing a page: its article's text, in the language its `lang`
//! attribute hints at, under its own title.

use crate::headline::{Headline, HeadlineSource};
use crate::language::Language;
use crate::summarize::{Summarizer, Summary, TextProblem, UnitNote};

use super::Page;

/// Summarizes the article of `page`. The summary's spans are offsets into
/// `page.text`; its headline is the page's title when it has one
/// (`headline_source` `title`). With `notes`, it also says what became of
/// every unit (see [`Summarizer::annotate`]).
///
/// # Errors
/// A [`TextProblem`] of the article's text.
pub fn summarize_page(
    summarizer: &Summarizer,
    page: &Page,
    notes: bool,
) -> Result<(Summary, Vec<UnitNote>), TextProblem> {
    let hint = page.lang.as_deref().and_then(Language::from_tag);
    let (mut summary, notes) = if notes {
        summarizer.annotate(&page.text, hint)?
    } else {
        (summarizer.summarize_hinted(&page.text, hint)?, Vec::new())
    };
    if let Some(title) = &page.title {
        summary.headline = Headline {
            text: title.clone(),
            source: HeadlineSource::Title,
        };
    }
    Ok((summary, notes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::LanguageSource;
    use crate::Options;

    #[test]
    fn the_title_heads_and_the_lang_attribute_breaks_ties() {
        let summarizer = Summarizer::new(Options::default()).expect("options");
        let page = |title: Option<&str>, lang: Option<&str>, text: &str| Page {
            title: title.map(str::to_string),
            byline: None,
            lang: lang.map(str::to_string),
            text: text.to_string(),
        };
        let news = "The council approved a new tram line on Tuesday. Work starts in spring.";
        let (summary, _) =
            summarize_page(&summarizer, &page(Some("Trams Return"), None, news), false)
                .expect("summary");
        assert_eq!(summary.headline.text, "Trams Return");
        assert_eq!(summary.headline.source, HeadlineSource::Title);
        let (untitled, _) =
            summarize_page(&summarizer, &page(None, None, news), false).expect("summary");
        assert_eq!(untitled.headline.source, HeadlineSource::Lead);
        // Too short to detect: the page's lang attribute decides.
        let (short, _) =
            summarize_page(&summarizer, &page(None, Some("de-AT"), "Zug fährt."), false)
                .expect("summary");
        assert_eq!(
            (short.language, short.language_source),
            (Language::German, LanguageSource::Page)
        );
        // Clear text is not overruled by a wrong attribute.
        let (clear, _) =
            summarize_page(&summarizer, &page(None, Some("fr"), news), false).expect("summary");
        assert_eq!(clear.language_source, LanguageSource::Detected);
        assert_eq!(clear.language, Language::English);
    }
}
