//! Quality: ROUGE F1 (x100, stemmed) of lede's summaries and headlines against
//! the references, beside the Lead-k and first-words baselines, summed into means.

use super::report::{HeadlineQuality, HeadlineRouge, SummaryQuality, SummaryRouge};
use crate::rouge::Rouge;
use crate::text::segment::{Unit, UnitKind};

/// The headline baseline's length in words: the first words of the first
/// sentence, the usual "lead" headline baseline.
pub const HEADLINE_BASELINE_WORDS: usize = 10;

/// The units a baseline may take: sentences, decks and list items, not
/// headings (title lines, section labels), which are not summary sentences.
fn is_sentence(unit: &Unit) -> bool {
    matches!(
        unit.kind,
        UnitKind::Sentence | UnitKind::Deck | UnitKind::ListItem
    )
}

/// The Lead-k baseline: the first `k` sentences or list items of `units`
/// (segmented from `text`), one per line as ROUGE-Lsum reads them.
pub fn lead(text: &str, units: &[Unit], k: usize) -> String {
    units
        .iter()
        .filter(|u| is_sentence(u))
        .take(k)
        .map(|u| super::corpus::one_line(u.text(text)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The headline baseline: the first [`HEADLINE_BASELINE_WORDS`] words
/// (white-space separated) of the first sentence or list item.
pub fn first_words(text: &str, units: &[Unit]) -> String {
    units
        .iter()
        .find(|u| is_sentence(u))
        .map(|u| {
            u.text(text)
                .split_whitespace()
                .take(HEADLINE_BASELINE_WORDS)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default()
}

/// ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 x100 of a summary (one sentence per line).
pub fn score_summary(rouge: &Rouge, candidate: &str, reference: &str) -> [f64; 3] {
    [
        100.0 * rouge.rouge_n(candidate, reference, 1).f1,
        100.0 * rouge.rouge_n(candidate, reference, 2).f1,
        100.0 * rouge.rouge_lsum(candidate, reference).f1,
    ]
}

/// ROUGE-1 and ROUGE-L F1 x100 of a headline.
pub fn score_headline(rouge: &Rouge, candidate: &str, reference: &str) -> [f64; 2] {
    [
        100.0 * rouge.rouge_n(candidate, reference, 1).f1,
        100.0 * rouge.rouge_l(candidate, reference).f1,
    ]
}

/// Sums of per-article scores, from which the means are taken. Articles are
/// added in file order and tallies merged in path order, so the sums, and the
/// means, are the same on every run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    summaries: usize,
    lede: [f64; 3],
    lead: [f64; 3],
    headlines: usize,
    lede_headline: [f64; 2],
    first_words: [f64; 2],
}

impl Tally {
    /// Adds one article's summary scores: lede's and the Lead-k baseline's.
    pub fn add_summary(&mut self, lede: [f64; 3], lead: [f64; 3]) {
        self.summaries += 1;
        add(&mut self.lede, &lede);
        add(&mut self.lead, &lead);
    }

    /// Adds one article's headline scores: lede's and the first-words baseline's.
    pub fn add_headline(&mut self, lede: [f64; 2], first_words: [f64; 2]) {
        self.headlines += 1;
        add(&mut self.lede_headline, &lede);
        add(&mut self.first_words, &first_words);
    }

    /// Adds all of `other`'s articles (pooling two sets).
    pub fn merge(&mut self, other: &Tally) {
        self.summaries += other.summaries;
        add(&mut self.lede, &other.lede);
        add(&mut self.lead, &other.lead);
        self.headlines += other.headlines;
        add(&mut self.lede_headline, &other.lede_headline);
        add(&mut self.first_words, &other.first_words);
    }

    /// Mean summary scores, or `None` when no article had a reference summary.
    pub fn summary_quality(&self) -> Option<SummaryQuality> {
        let n = self.summaries;
        let mean = |sums: &[f64; 3]| SummaryRouge {
            rouge1: sums[0] / n as f64,
            rouge2: sums[1] / n as f64,
            rouge_lsum: sums[2] / n as f64,
        };
        (n > 0).then(|| SummaryQuality {
            articles: n,
            lede: mean(&self.lede),
            lead: mean(&self.lead),
        })
    }

    /// Mean headline scores, or `None` when no article had a reference title.
    pub fn headline_quality(&self) -> Option<HeadlineQuality> {
        let n = self.headlines;
        let mean = |sums: &[f64; 2]| HeadlineRouge {
            rouge1: sums[0] / n as f64,
            rouge_l: sums[1] / n as f64,
        };
        (n > 0).then(|| HeadlineQuality {
            articles: n,
            lede: mean(&self.lede_headline),
            first_words: mean(&self.first_words),
        })
    }
}

fn add<const N: usize>(sums: &mut [f64; N], values: &[f64; N]) {
    for (sum, value) in sums.iter_mut().zip(values) {
        *sum += value;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;
    use crate::text::segment::Segmenter;

    #[test]
    fn baselines_skip_headings_and_take_k_sentences() {
        let text = "Storm Hits Coast\n\n\
                    Winds of up to 120 km/h reached the northern coast of the\n\
                    island on Monday night. Power failed in 3,000 homes across\n\
                    the region. Schools stayed shut.";
        let units = Segmenter::new(Language::English).split(text);
        for (k, want) in [
            (1, "Winds of up to 120 km/h reached the northern coast of the island on Monday night."),
            (
                2,
                "Winds of up to 120 km/h reached the northern coast of the island on Monday night.\n\
                 Power failed in 3,000 homes across the region.",
            ),
            (
                9,
                "Winds of up to 120 km/h reached the northern coast of the island on Monday night.\n\
                 Power failed in 3,000 homes across the region.\nSchools stayed shut.",
            ),
        ] {
            assert_eq!(lead(text, &units, k), want, "k = {k}");
        }
        assert_eq!(
            first_words(text, &units),
            "Winds of up to 120 km/h reached the northern coast"
        );
        let long = "One two three four five six seven eight nine ten eleven twelve.";
        let units = Segmenter::new(Language::English).split(long);
        assert_eq!(
            first_words(long, &units),
            "One two three four five six seven eight nine ten"
        );
    }

    #[test]
    fn scores_are_f1_times_100() {
        let rouge = Rouge::new(true);
        assert_eq!(
            score_summary(&rouge, "the cat sat", "the cat sat"),
            [100.0; 3]
        );
        assert_eq!(score_headline(&rouge, "dogs bark", "the cat sat"), [0.0; 2]);
    }

    #[test]
    fn means_pool_articles_across_tallies() {
        let mut first = Tally::default();
        first.add_summary([10.0, 20.0, 30.0], [0.0, 0.0, 0.0]);
        first.add_summary([30.0, 40.0, 50.0], [10.0, 10.0, 10.0]);
        let mut second = Tally::default();
        second.add_summary([50.0, 60.0, 70.0], [20.0, 20.0, 20.0]);
        second.add_headline([40.0, 20.0], [10.0, 10.0]);

        let means = first.summary_quality().expect("two articles");
        assert_eq!(means.articles, 2);
        assert_eq!(
            (means.lede.rouge1, means.lede.rouge2, means.lede.rouge_lsum),
            (20.0, 30.0, 40.0)
        );
        assert_eq!(means.lead.rouge1, 5.0);
        assert_eq!(first.headline_quality(), None);

        first.merge(&second);
        let pooled = first.summary_quality().expect("three articles");
        assert_eq!((pooled.articles, pooled.lede.rouge1), (3, 30.0));
        assert_eq!(pooled.lead.rouge_lsum, 10.0);
        let headline = first.headline_quality().expect("one title");
        assert_eq!(
            (headline.lede.rouge_l, headline.first_words.rouge1),
            (20.0, 10.0)
        );
    }
}
