//! The benchmark report: `Serialize` structs (the JSON form, field order as
//! declared) and the text tables written from them.

use crate::output::text::escape_controls;
use std::io::{self, Write};
use std::time::Duration;

use serde::Serialize;

use super::timing::{PassTimes, STAGES};

/// What Lead-k is, as the text table's note says it.
pub const LEAD_NOTE: &str =
    "Lead-k: the first k sentences or list items as lede segments the text \
                             (headings skipped); first 10 words: of the first of those";

/// Bytes in a megabyte: MB and MB/s are decimal, 10^6 bytes.
const MB: f64 = 1e6;

/// The whole report of one `lede bench` run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// One entry per path, in the order given.
    pub files: Vec<Entry>,
    /// Means over all articles of all measured files, when there are several.
    pub overall: Option<Overall>,
    /// The process's peak resident memory (`VmHWM`), where the system tells it.
    pub peak_memory_bytes: Option<u64>,
}

/// What a path gave: a measured set, or the reason it was skipped.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Entry {
    /// A set of articles that was measured.
    Measured(Box<FileReport>),
    /// A path that holds no articles (such as ROUGE test vectors).
    Skipped(Skipped),
}

/// A path that was not measured.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The path as given.
    pub path: String,
    /// Why it was skipped.
    pub skipped: String,
}

/// The measurements of one path.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileReport {
    /// The path as given.
    pub path: String,
    /// Articles loaded.
    pub articles: usize,
    /// Bytes of article text.
    pub bytes: usize,
    /// Summary length: `"ref"` (the reference's sentence count) or a number.
    pub k: String,
    /// Records skipped as malformed, one message each (`file:line: why`).
    pub problems: Vec<String>,
    /// Articles lede could not summarize (scored as empty summaries).
    pub failed: usize,
    /// Throughput and time per stage.
    pub speed: Speed,
    /// Summary ROUGE means, when articles have reference summaries.
    pub summary: Option<SummaryQuality>,
    /// Headline ROUGE means, when articles have reference titles.
    pub headline: Option<HeadlineQuality>,
}

/// Means over all measured files.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overall {
    /// Measured files.
    pub files: usize,
    /// Articles over all files.
    pub articles: usize,
    /// Bytes of article text over all files.
    pub bytes: usize,
    /// Throughput over the sum of the files' median times.
    pub speed: Speed,
    /// Summary ROUGE, each article weighing the same.
    pub summary: Option<SummaryQuality>,
    /// Headline ROUGE, each article weighing the same.
    pub headline: Option<HeadlineQuality>,
}

/// Throughput and time per stage, from median times.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Speed {
    /// Passes the medians are taken over.
    pub passes: usize,
    /// Articles per second, end to end.
    pub articles_per_second: f64,
    /// Megabytes (10^6 bytes) of article text per second, end to end.
    pub mb_per_second: f64,
    /// Median time of a whole pass, in milliseconds.
    pub total_ms: f64,
    /// Median time of each stage, in pipeline order, then the time no stage
    /// accounts for ([`OTHER_STAGE`]), so that the rows add up to the total.
    pub stages: Vec<StageTime>,
}

/// The last row of the stage table: the median total less the stages'.
pub const OTHER_STAGE: &str = "other";

/// One stage's median time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageTime {
    /// The stage's name (see [`STAGES`]), or [`OTHER_STAGE`].
    pub stage: &'static str,
    /// Milliseconds.
    pub ms: f64,
    /// Share of the median total, in percent.
    pub percent: f64,
}

impl Speed {
    /// The speed of `articles` articles of `bytes` bytes from `median` times.
    pub fn new(median: &PassTimes, passes: usize, articles: usize, bytes: usize) -> Speed {
        let total = median.total.as_secs_f64();
        // What no stage timed: language detection, building the summarizer
        // for a record's options, the loop itself. Medians are taken stage
        // by stage, so they may sum to a little more than the total.
        let other = median
            .total
            .saturating_sub(median.stages.iter().sum::<Duration>());
        let per_second = |amount: f64| if total > 0.0 { amount / total } else { 0.0 };
        Speed {
            passes,
            articles_per_second: round(per_second(articles as f64), 1),
            mb_per_second: round(per_second(bytes as f64 / MB), 3),
            total_ms: ms(median.total),
            stages: STAGES
                .iter()
                .zip(median.stages)
                .chain([(&OTHER_STAGE, other)])
                .map(|(&stage, time)| StageTime {
                    stage,
                    ms: ms(time),
                    percent: round(100.0 * per_second(time.as_secs_f64()), 1),
                })
                .collect(),
        }
    }
}

/// Mean summary ROUGE F1 (x100) of lede and of the Lead-k baseline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummaryQuality {
    /// Articles with a reference summary.
    pub articles: usize,
    /// lede's summaries.
    pub lede: SummaryRouge,
    /// The first k sentences.
    pub lead: SummaryRouge,
}

/// Mean ROUGE F1 x100 of summaries.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummaryRouge {
    /// ROUGE-1.
    pub rouge1: f64,
    /// ROUGE-2.
    pub rouge2: f64,
    /// ROUGE-Lsum, sentences split on line breaks.
    pub rouge_lsum: f64,
}

/// Mean headline ROUGE F1 (x100) of lede and of the first-words baseline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeadlineQuality {
    /// Articles with a reference title.
    pub articles: usize,
    /// lede's headlines.
    pub lede: HeadlineRouge,
    /// The first 10 words of the first sentence.
    pub first_words: HeadlineRouge,
}

/// Mean ROUGE F1 x100 of headlines.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeadlineRouge {
    /// ROUGE-1.
    pub rouge1: f64,
    /// ROUGE-L.
    pub rouge_l: f64,
}

fn ms(time: Duration) -> f64 {
    round(time.as_secs_f64() * 1e3, 3)
}

/// `x` to `decimals` places: timings beyond a microsecond are noise.
fn round(x: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (x * scale).round() / scale
}

/// Writes `report` as text tables: one block per path, then the overall
/// means and the peak memory.
///
/// # Errors
/// Any error of `out`.
pub fn write_text(out: &mut impl Write, report: &Report) -> io::Result<()> {
    let mut quality_shown = false;
    for (i, entry) in report.files.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        match entry {
            Entry::Skipped(s) => {
                writeln!(out, "{}: skipped: {}", escape_controls(&s.path), s.skipped)?
            }
            Entry::Measured(f) => {
                writeln!(
                    out,
                    "{}: {}, {:.3} MB, k = {}{}{}",
                    escape_controls(&f.path),
                    plural(f.articles, "article", "articles"),
                    f.bytes as f64 / MB,
                    f.k,
                    count_note(f.problems.len(), "bad record", "bad records"),
                    count_note(f.failed, "failed article", "failed articles"),
                )?;
                write_speed(out, &f.speed)?;
                quality_shown |= f.summary.is_some() || f.headline.is_some();
                write_quality(out, f.summary.as_ref(), f.headline.as_ref())?;
            }
        }
    }
    if let Some(overall) = &report.overall {
        writeln!(out)?;
        writeln!(
            out,
            "overall: {} files, {} articles, {:.3} MB (means over all articles)",
            overall.files,
            overall.articles,
            overall.bytes as f64 / MB
        )?;
        write_speed(out, &overall.speed)?;
        write_quality(out, overall.summary.as_ref(), overall.headline.as_ref())?;
    }
    writeln!(out)?;
    match report.peak_memory_bytes {
        Some(bytes) => writeln!(out, "peak memory: {:.1} MB (VmHWM)", bytes as f64 / MB)?,
        None => writeln!(out, "peak memory: n/a")?,
    }
    if quality_shown {
        writeln!(out, "{LEAD_NOTE}")?;
    }
    Ok(())
}

fn count_note(count: usize, one: &str, many: &str) -> String {
    match count {
        0 => String::new(),
        n => format!(", {}", plural(n, one, many)),
    }
}

fn plural(count: usize, one: &str, many: &str) -> String {
    match count {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

fn write_speed(out: &mut impl Write, speed: &Speed) -> io::Result<()> {
    writeln!(
        out,
        "  speed: {:.1} articles/s, {:.3} MB/s (median of {}, single thread)",
        speed.articles_per_second,
        speed.mb_per_second,
        plural(speed.passes, "pass", "passes")
    )?;
    writeln!(out, "    {:<10} {:>10} {:>6}", "stage", "ms", "%")?;
    for stage in &speed.stages {
        writeln!(
            out,
            "    {:<10} {:>10.3} {:>6.1}",
            stage.stage, stage.ms, stage.percent
        )?;
    }
    writeln!(
        out,
        "    {:<10} {:>10.3} {:>6.1}",
        "total", speed.total_ms, 100.0
    )
}

fn write_quality(
    out: &mut impl Write,
    summary: Option<&SummaryQuality>,
    headline: Option<&HeadlineQuality>,
) -> io::Result<()> {
    if let Some(q) = summary {
        writeln!(
            out,
            "  summary ROUGE F1 x100 ({} articles with a reference)",
            q.articles
        )?;
        writeln!(
            out,
            "    {:<15} {:>6} {:>6} {:>6}",
            "", "R-1", "R-2", "R-Lsum"
        )?;
        for (name, r) in [("lede", &q.lede), ("Lead-k", &q.lead)] {
            writeln!(
                out,
                "    {:<15} {:>6.2} {:>6.2} {:>6.2}",
                name, r.rouge1, r.rouge2, r.rouge_lsum
            )?;
        }
    }
    if let Some(q) = headline {
        writeln!(
            out,
            "  headline ROUGE F1 x100 ({} articles with a title)",
            q.articles
        )?;
        writeln!(out, "    {:<15} {:>6} {:>6}", "", "R-1", "R-L")?;
        for (name, r) in [("lede", &q.lede), ("first 10 words", &q.first_words)] {
            writeln!(out, "    {:<15} {:>6.2} {:>6.2}", name, r.rouge1, r.rouge_l)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speed() -> Speed {
        let median = PassTimes {
            stages: [Duration::from_millis(1); STAGES.len()],
            total: Duration::from_millis(10),
        };
        Speed::new(&median, 5, 20, 2_000_000)
    }

    #[test]
    fn speed_is_per_second_of_the_median_total() {
        let speed = speed();
        assert_eq!(
            (speed.articles_per_second, speed.mb_per_second),
            (2000.0, 200.0)
        );
        assert_eq!(speed.stages.len(), STAGES.len() + 1);
        assert_eq!((speed.stages[0].ms, speed.stages[0].percent), (1.0, 10.0));
        let other = &speed.stages[STAGES.len()];
        assert_eq!((other.stage, other.ms, other.percent), ("other", 2.0, 20.0));
        let sum: f64 = speed.stages.iter().map(|s| s.ms).sum();
        assert_eq!(sum, speed.total_ms);
    }

    #[test]
    fn text_shows_each_table() {
        let report = Report {
            files: vec![
                Entry::Measured(Box::new(FileReport {
                    path: "set.jsonl".into(),
                    articles: 20,
                    bytes: 2_000_000,
                    k: "ref".into(),
                    problems: vec!["set.jsonl:3: bad record".into()],
                    failed: 0,
                    speed: speed(),
                    summary: Some(SummaryQuality {
                        articles: 20,
                        lede: SummaryRouge {
                            rouge1: 41.5,
                            rouge2: 20.25,
                            rouge_lsum: 38.0,
                        },
                        lead: SummaryRouge {
                            rouge1: 40.0,
                            rouge2: 19.0,
                            rouge_lsum: 36.124,
                        },
                    }),
                    headline: None,
                })),
                Entry::Skipped(Skipped {
                    path: "vectors.jsonl".into(),
                    skipped: "no record has a `text` field".into(),
                }),
            ],
            overall: None,
            peak_memory_bytes: None,
        };
        let mut out = Vec::new();
        write_text(&mut out, &report).expect("write to a Vec");
        let text = String::from_utf8(out).expect("UTF-8");
        for want in [
            "set.jsonl: 20 articles, 2.000 MB, k = ref, 1 bad record\n",
            "  speed: 2000.0 articles/s, 200.000 MB/s (median of 5 passes, single thread)\n",
            "    segment         1.000   10.0\n",
            "    other           2.000   20.0\n",
            "    total          10.000  100.0\n",
            "    lede             41.50  20.25  38.00\n",
            "    Lead-k           40.00  19.00  36.12\n",
            "vectors.jsonl: skipped: no record has a `text` field\n",
            "peak memory: n/a\n",
        ] {
            assert!(text.contains(want), "missing {want:?} in:\n{text}");
        }
        assert!(!text.contains("headline ROUGE"), "{text}");
    }
}
