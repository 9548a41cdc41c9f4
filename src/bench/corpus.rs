//! Benchmark input: a corpus folder (`NN-slug.txt` + `NN-slug.ref.json`) or a
//! JSON Lines file of `{"id", "text", "title"?, "summary"?, "summary_sentences"?, "lang"?}`
//! records, loaded into [`Article`]s. Bad records are kept as [`Problem`]s, not errors.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::Error;
use crate::language::Language;

/// One article to summarize, with what it is scored against.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The record's `id`, or the file stem in a corpus folder.
    pub id: String,
    /// The article text.
    pub text: String,
    /// The reference headline, if any (`title`, or `headline` in a `.ref.json`).
    pub title: Option<String>,
    /// The reference summary, if any.
    pub reference: Option<Reference>,
    /// The record's language; `None` means the benchmark's default.
    pub language: Option<Language>,
}

/// A reference summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The summary as ROUGE-Lsum reads it: one sentence per line.
    pub text: String,
    /// How many sentences it has, when the record splits it into sentences
    /// (`summary_sentences`); a bare `summary` string has no count.
    pub sentence_count: Option<usize>,
}

/// A record that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where it is: `file:line` for JSON Lines, the file for a corpus folder.
    pub location: String,
    /// What is wrong with it.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// What a path held.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Loaded {
    /// The usable articles, in file order.
    pub articles: Vec<Article>,
    /// Records that were skipped.
    pub problems: Vec<Problem>,
    /// Well-formed JSON records without a `text` field in a file without
    /// any article: such a file is other data (ROUGE test vectors, say).
    /// Beside articles, such records are counted as problems instead.
    pub without_text: usize,
}

/// Loads the articles of `path`: a folder is read as a corpus folder, anything
/// else as a JSON Lines file.
///
/// # Errors
/// [`Error::Read`] when the path cannot be read, and [`Error::NoArticles`]
/// when a folder holds no `.txt` file.
pub fn load(path: &Path) -> Result<Loaded, Error> {
    if path.is_dir() {
        load_folder(path)
    } else {
        let text = fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(parse_jsonl(&path.display().to_string(), &text))
    }
}

/// A JSON Lines record. Fields the benchmark does not use are ignored.
#[derive(Deserialize)]
struct Record {
    id: Option<String>,
    text: Option<String>,
    title: Option<String>,
    summary: Option<String>,
    summary_sentences: Option<Vec<String>>,
    lang: Option<String>,
}

/// Parses JSON Lines text; `name` is the file's name, for problems. Blank
/// lines are skipped.
pub fn parse_jsonl(name: &str, input: &str) -> Loaded {
    let mut loaded = Loaded::default();
    let mut without_text = Vec::new();
    for (i, line) in input.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let problem = |message: &str| Problem {
            location: format!("{name}:{}", i + 1),
            message: message.to_string(),
        };
        let record: Record = match serde_json::from_str(line) {
            Ok(record) => record,
            Err(e) => {
                loaded.problems.push(problem(&format!("bad record: {e}")));
                continue;
            }
        };
        let Some(text) = record.text else {
            without_text.push(problem("bad record: missing field `text`"));
            continue;
        };
        let Some(id) = record.id else {
            loaded
                .problems
                .push(problem("bad record: missing field `id`"));
            continue;
        };
        let language = match record.lang.as_deref().map(str::parse::<Language>) {
            None => None,
            Some(Ok(language)) => Some(language),
            Some(Err(e)) => {
                loaded.problems.push(problem(&e.to_string()));
                continue;
            }
        };
        loaded.articles.push(Article {
            id,
            text,
            title: record.title.filter(|t| !t.trim().is_empty()),
            reference: reference(record.summary, record.summary_sentences),
            language,
        });
    }
    // Among articles a record without text is a bad one; in a file without
    // any article it is simply other data.
    if loaded.articles.is_empty() {
        loaded.without_text = without_text.len();
    } else {
        loaded.problems.extend(without_text);
        loaded.problems.sort_by_key(|p| line_number(&p.location));
    }
    loaded
}

/// The line number at the end of a `file:line` location.
fn line_number(location: &str) -> usize {
    location
        .rsplit(':')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// The `.ref.json` beside a corpus article.
#[derive(Deserialize)]
struct RefFile {
    headline: Option<String>,
    summary: Option<String>,
    summary_sentences: Option<Vec<String>>,
}

/// Extension of a corpus article.
const ARTICLE_EXTENSION: &str = "txt";
/// Suffix that replaces `.txt` for the article's reference file.
const REFERENCE_SUFFIX: &str = ".ref.json";

fn load_folder(dir: &Path) -> Result<Loaded, Error> {
    let read_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Read { path, source }
    };
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(read_error(dir))?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(read_error(dir))?;
    files.retain(|p| p.extension().is_some_and(|e| e == ARTICLE_EXTENSION) && p.is_file());
    // read_dir order depends on the file system; sorted names are the same everywhere.
    files.sort();
    if files.is_empty() {
        return Err(Error::NoArticles {
            path: dir.to_path_buf(),
        });
    }

    let mut loaded = Loaded::default();
    for file in files {
        let problem = |message: String| Problem {
            location: file.display().to_string(),
            message,
        };
        let text = match crate::input::read_path(&file) {
            Ok(text) => text,
            Err(e) => {
                loaded.problems.push(problem(e.to_string()));
                continue;
            }
        };
        let stem = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let ref_path = file.with_file_name(format!("{stem}{REFERENCE_SUFFIX}"));
        let (title, reference) = match fs::read_to_string(&ref_path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (None, None),
            Err(e) => {
                loaded.problems.push(Problem {
                    location: ref_path.display().to_string(),
                    message: format!("cannot read: {e}"),
                });
                continue;
            }
            Ok(json) => match serde_json::from_str::<RefFile>(&json) {
                Ok(r) => (
                    r.headline.filter(|t| !t.trim().is_empty()),
                    reference(r.summary, r.summary_sentences),
                ),
                Err(e) => {
                    loaded.problems.push(Problem {
                        location: ref_path.display().to_string(),
                        message: format!("bad reference: {e}"),
                    });
                    continue;
                }
            },
        };
        loaded.articles.push(Article {
            id: stem,
            text,
            title,
            reference,
            language: None,
        });
    }
    Ok(loaded)
}

/// The reference from a record's `summary` and `summary_sentences`; the
/// sentences win, as they tell ROUGE-Lsum where sentences end.
fn reference(summary: Option<String>, sentences: Option<Vec<String>>) -> Option<Reference> {
    let sentences: Vec<String> = sentences
        .unwrap_or_default()
        .iter()
        .map(|s| one_line(s))
        .filter(|s| !s.is_empty())
        .collect();
    if !sentences.is_empty() {
        return Some(Reference {
            text: sentences.join("\n"),
            sentence_count: Some(sentences.len()),
        });
    }
    let summary = summary.map(|s| one_line(&s)).filter(|s| !s.is_empty())?;
    Some(Reference {
        text: summary,
        sentence_count: None,
    })
}

/// `text` with white space runs (line breaks among them) joined into single
/// spaces, so that a sentence is one line for ROUGE-Lsum.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_records_bad_lines_and_other_data() {
        let input = concat!(
            r#"{"id": "a", "text": "One. Two.", "title": "T", "summary_sentences": ["One.", "Two\nlines."], "lang": "en"}"#,
            "\n\n",
            "{not json\n",
            r#"{"id": "b", "text": "Three.", "title": null, "summary": "Three."}"#,
            "\n",
            r#"{"id": "c", "text": "x", "lang": "xx"}"#,
            "\n",
            r#"{"id": "d", "title": "no text"}"#,
            "\n",
        );
        let loaded = parse_jsonl("set.jsonl", input);
        let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        let a = &loaded.articles[0];
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(a.language, Some(Language::English));
        assert_eq!(
            a.reference,
            Some(Reference {
                text: "One.\nTwo lines.".into(),
                sentence_count: Some(2)
            })
        );
        let b = &loaded.articles[1];
        assert_eq!(b.title, None);
        assert_eq!(b.reference.as_ref().and_then(|r| r.sentence_count), None);
        let locations: Vec<&str> = loaded
            .problems
            .iter()
            .map(|p| p.location.as_str())
            .collect();
        assert_eq!(locations, ["set.jsonl:3", "set.jsonl:5", "set.jsonl:6"]);
        assert!(loaded.problems[0].message.starts_with("bad record: "));
        assert_eq!(loaded.without_text, 0);

        let vectors = parse_jsonl("v.jsonl", "{\"candidate\": \"a\", \"reference\": \"b\"}\n");
        assert_eq!((vectors.articles.len(), vectors.without_text), (0, 1));
        assert!(vectors.problems.is_empty());
    }

    #[test]
    fn folder_pairs_articles_with_references() {
        let dir = tempfile::tempdir().expect("tempdir");
        let write = |name: &str, text: &str| fs::write(dir.path().join(name), text).expect("write");
        write("02-b.txt", "Second story. It ends.");
        write("01-a.txt", "First story. It ends.");
        write(
            "01-a.ref.json",
            r#"{"headline": "A", "summary_sentences": ["First story."], "features": []}"#,
        );
        write("03-c.txt", "Third story.");
        write("03-c.ref.json", "{broken");
        write("notes.md", "not an article");

        let loaded = load(dir.path()).expect("loads");
        let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["01-a", "02-b"]);
        assert_eq!(loaded.articles[0].title.as_deref(), Some("A"));
        assert_eq!(
            loaded.articles[0]
                .reference
                .as_ref()
                .map(|r| r.text.as_str()),
            Some("First story.")
        );
        assert_eq!(loaded.articles[1].reference, None);
        assert_eq!(loaded.problems.len(), 1);
        assert!(loaded.problems[0].location.ends_with("03-c.ref.json"));
    }

    #[test]
    fn missing_path_and_empty_folder_are_errors() {
        let dir = tempfile::tempdir().expect("tempdir");
        let missing = load(&dir.path().join("nope.jsonl")).unwrap_err();
        assert!(matches!(missing, Error::Read { .. }), "{missing:?}");
        let empty = load(dir.path()).unwrap_err();
        assert!(matches!(empty, Error::NoArticles { .. }), "{empty:?}");
    }
}
