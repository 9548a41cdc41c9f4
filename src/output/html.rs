//! `--format html`: one standalone page (inline CSS, no scripts, nothing
//! fetched) with the headline, the summary, and the whole text below with
//! each summary sentence highlighted in place, every sentence tinted by its
//! score, and what was left out greyed with the reason. It reads on a phone
//! (viewport, one fluid column) and prints (colours kept, no shadows).
//!
//! Every piece of the input goes through [`escape`]: a page's text can
//! hold markup, and it is shown, never run.

use std::io::{self, Write};

use crate::html::Page;
use crate::summarize::{Fate, Summary, UnitNote};

/// The style sheet: a column that fits any screen, a tint that deepens with
/// the score, and colours that survive printing.
const STYLE: &str = "\
:root{color-scheme:light;--ink:#1d1d1f;--muted:#6e6e73;--pick:#ffd54a;--line:#e5e5ea}
*{box-sizing:border-box}
body{margin:0;background:#fff;color:var(--ink);font:17px/1.6 Georgia,'Times New Roman',serif}
main{max-width:42rem;margin:0 auto;padding:1.25rem 1rem 3rem}
h1{font:700 1.75rem/1.25 system-ui,-apple-system,'Segoe UI',sans-serif;margin:.5rem 0 .25rem}
h2{font:600 .8rem/1.4 system-ui,sans-serif;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:2rem 0 .5rem}
.meta{font:.85rem/1.4 system-ui,sans-serif;color:var(--muted);margin:0 0 1rem;overflow-wrap:anywhere}
.summary{background:#fff8dc;border-left:4px solid var(--pick);padding:.75rem 1rem .75rem 2rem;margin:0}
.summary li{margin:.25rem 0}
article p{margin:0 0 1rem;overflow-wrap:break-word}
.s{border-radius:3px;padding:0 .05em}
mark.pick{background:var(--pick);color:inherit;font-weight:600;box-shadow:0 0 0 1px #e0b000}
.out{color:#9a9aa0;text-decoration:line-through;text-decoration-color:#c7c7cc}
.why{font:600 .7rem/1 system-ui,sans-serif;color:#fff;background:#9a9aa0;border-radius:3px;padding:.1em .35em;margin-left:.25em;text-decoration:none;display:inline-block;vertical-align:.1em}
.legend{font:.8rem/1.5 system-ui,sans-serif;color:var(--muted);border-top:1px solid var(--line);padding-top:.75rem;margin-top:2rem}
.legend span{padding:0 .3em;border-radius:3px}
.legend span,.legend mark{white-space:nowrap}
@media (max-width:30rem){body{font-size:16px}h1{font-size:1.4rem}main{padding:1rem .75rem 2rem}}
@media print{body{font-size:11pt}main{max-width:none;padding:0}mark.pick{box-shadow:none;border-bottom:2px solid #e0b000}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}h1,h2{break-after:avoid}p,li{break-inside:avoid}}
";

/// Writes the page for `summary` of `text` (the input's text, or a page's
/// article), named `source`. `notes` say what became of each unit
/// ([`crate::Summarizer::annotate`]); `page` is the web page the text came
/// from, if any.
///
/// # Errors
/// Any error of `out`.
pub fn write(
    out: &mut impl Write,
    source: &str,
    summary: &Summary,
    text: &str,
    notes: &[UnitNote],
    page: Option<&Page>,
) -> io::Result<()> {
    let headline = escape(&summary.headline.text);
    let lang = escape(summary.language.code());
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"lede {}\">\n<title>{headline}</title>\n\
         <style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n<header>\n<h1>{headline}</h1>\n",
        env!("CARGO_PKG_VERSION"),
    )?;
    let mut meta = vec![escape(source)];
    if let Some(byline) = page.and_then(|p| p.byline.as_deref()) {
        meta.push(escape(byline));
    }
    meta.push(format!(
        "{}; left out: {}, {} of boilerplate",
        plural(summary.unit_count, "sentence"),
        plural(summary.duplicates_removed, "duplicate"),
        plural(summary.boilerplate_removed, "line"),
    ));
    writeln!(out, "<p class=\"meta\">{}</p>\n</header>", meta.join(" · "))?;

    writeln!(out, "<h2>Summary</h2>\n<ol class=\"summary\">")?;
    for sentence in &summary.sentences {
        writeln!(out, "<li>{}</li>", escape(&sentence.display_text()))?;
    }
    writeln!(out, "</ol>\n<h2>Article</h2>\n<article>\n<p>")?;
    write_text(out, text, notes)?;
    writeln!(out, "</p>\n</article>")?;
    writeln!(
        out,
        "<p class=\"legend\"><mark class=\"pick\">summary sentence</mark> · \
         <span style=\"background:rgba(255,170,0,.3)\">higher score</span> · \
         <span style=\"background:rgba(255,170,0,.06)\">lower score</span> · \
         <span class=\"out\">left out</span><span class=\"why\">why</span></p>\n\
         </main>\n</body>\n</html>"
    )
}

/// The text, unit by unit: summary sentences marked, scored ones tinted,
/// the rest greyed with why; a blank line between units starts a paragraph.
fn write_text(out: &mut impl Write, text: &str, notes: &[UnitNote]) -> io::Result<()> {
    let (low, high) = notes
        .iter()
        .filter_map(|n| match n.fate {
            Fate::Scored { score, .. } => Some(score.score),
            _ => None,
        })
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), s| {
            (lo.min(s), hi.max(s))
        });
    let mut at = 0;
    for (i, note) in notes.iter().enumerate() {
        // Units never overlap and come in order; a note that does not fit
        // is skipped rather than trusted.
        let (Some(gap), Some(unit)) = (text.get(at..note.start), text.get(note.start..note.end))
        else {
            continue;
        };
        write_gap(out, gap)?;
        at = note.end;
        let unit = escape(unit);
        match note.fate {
            Fate::Scored { score, selected } => {
                let share = if high > low { (score.score - low) / (high - low) } else { 1.0 };
                let title = format!("score {:.3} (content {:.3}, position {:.3})", score.score, score.tfidf, score.position);
                if selected {
                    write!(out, "<mark class=\"s pick\" data-unit=\"{i}\" title=\"{title}\">{unit}</mark>")?;
                } else {
                    let alpha = 0.04 + 0.3 * share;
                    write!(
                        out,
                        "<span class=\"s\" data-unit=\"{i}\" title=\"{title}\" style=\"background:rgba(255,170,0,{alpha:.2})\">{unit}</span>"
                    )?;
                }
            }
            Fate::Duplicate { of } => write!(
                out,
                "<span class=\"s out\" data-unit=\"{i}\" title=\"repeats unit {of}\">{unit}</span><span class=\"why\">duplicate</span>"
            )?,
            Fate::Boilerplate => write!(
                out,
                "<span class=\"s out\" data-unit=\"{i}\" title=\"page furniture: a byline, a date, a prompt\">{unit}</span><span class=\"why\">boilerplate</span>"
            )?,
            Fate::NoWords => write!(
                out,
                "<span class=\"s out\" data-unit=\"{i}\" title=\"no words to score\">{unit}</span><span class=\"why\">no words</span>"
            )?,
        }
    }
    write_gap(out, text.get(at..).unwrap_or(""))
}

/// The white space and markers between units: a blank line is a new
/// paragraph, a line break a `<br>`; a list bullet or heading mark is kept.
fn write_gap(out: &mut impl Write, gap: &str) -> io::Result<()> {
    let newlines = gap.matches('\n').count();
    if newlines >= 2 {
        write!(out, "{}</p>\n<p>", escape(gap.trim()))
    } else if newlines == 1 {
        writeln!(out, "{}<br>", escape(gap.trim()))
    } else {
        out.write_all(escape(gap).as_bytes())
    }
}

/// "1 duplicate", "3 duplicates".
fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// `text` made safe in HTML text and attribute values: the five markup
/// characters as entities, and control characters (which HTML forbids and
/// a terminal would obey) as U+FFFD. Tabs and line breaks stay.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            '\r' => {}
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Options, Summarizer};

    #[test]
    fn markup_and_controls_in_the_input_are_escaped() {
        let cases = [
            (
                "<script>alert(1)</script>",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
            ),
            ("a & b \"c\" 'd'", "a &amp; b &quot;c&quot; &#39;d&#39;"),
            (
                "bell\u{7}esc\u{1b}[31m csi\u{9b}",
                "bell\u{fffd}esc\u{fffd}[31m csi\u{fffd}",
            ),
            ("line\r\nnext\ttab", "line\nnext\ttab"),
        ];
        for (input, want) in cases {
            assert_eq!(escape(input), want, "input: {input:?}");
        }
    }

    #[test]
    fn the_page_marks_the_summary_and_greys_what_was_left_out() {
        let text = "Rivers <b>Rise</b>\n\nThe river rose two metres overnight in the town. \
                    Schools were closed. The river rose two metres overnight in the town.\n\n\
                    <script>alert('x')</script> Shops opened late on Tuesday. Share this article";
        let summarizer = Summarizer::new(Options::default()).expect("options");
        let (summary, notes) = summarizer.annotate(text, None).expect("summary");
        let mut page = Vec::new();
        write(&mut page, "in<put>.txt", &summary, text, &notes, None).expect("write");
        let page = String::from_utf8(page).expect("UTF-8");
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("<b>"), "{page}");
        assert!(page.contains("in&lt;put&gt;.txt"), "{page}");
        assert_eq!(
            page.matches("<mark class=\"s pick\"").count(),
            summary.sentences.len()
        );
        assert_eq!(
            page.matches(">duplicate</span>").count(),
            summary.duplicates_removed
        );
        for sentence in &summary.sentences {
            assert!(
                page.contains(&escape(&sentence.text)),
                "{} not in the page",
                sentence.text
            );
        }
        assert!(page.contains("name=\"viewport\"") && page.contains("@media print"));
    }
}
