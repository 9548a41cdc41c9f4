//! Speed: the time of each stage in one pass over a set, medians over passes,
//! and the process's peak memory.

use std::time::Duration;

use crate::summarize::StageTimings;

/// The stages `lede bench` times, in pipeline order: reading the input, the
/// library's six stages, and formatting the JSON output.
pub const STAGES: [&str; 8] = [
    "read", "segment", "dedup", "terms", "score", "select", "headline", "format",
];

/// The times of one pass over a set.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PassTimes {
    /// Time per stage, in the order of [`STAGES`].
    pub stages: [Duration; STAGES.len()],
    /// The whole pass, end to end.
    pub total: Duration,
}

impl PassTimes {
    /// A pass's times from its read time, the summarizer's stage timings and
    /// its format time.
    pub fn new(read: Duration, pipeline: &StageTimings, format: Duration, total: Duration) -> Self {
        PassTimes {
            stages: [
                read,
                pipeline.segment,
                pipeline.dedup,
                pipeline.terms,
                pipeline.score,
                pipeline.select,
                pipeline.headline,
                format,
            ],
            total,
        }
    }

    /// The median of each stage and of the total over `passes`, taken
    /// separately, so a slow outlier in one stage does not move the others.
    /// All zero when there are no passes.
    pub fn median(passes: &[PassTimes]) -> PassTimes {
        let mut median = PassTimes {
            total: median_of(passes.iter().map(|p| p.total)),
            ..PassTimes::default()
        };
        for (i, slot) in median.stages.iter_mut().enumerate() {
            *slot = median_of(passes.iter().map(|p| p.stages[i]));
        }
        median
    }

    /// The stage-by-stage sum of two passes' times (for the overall row).
    pub fn plus(&self, other: &PassTimes) -> PassTimes {
        let mut sum = *self;
        for (slot, add) in sum.stages.iter_mut().zip(other.stages) {
            *slot += add;
        }
        sum.total += other.total;
        sum
    }
}

/// The median of `values`: the middle one, or the mean of the two middle ones
/// for an even count; zero for none.
pub fn median_of(values: impl Iterator<Item = Duration>) -> Duration {
    let mut values: Vec<Duration> = values.collect();
    values.sort_unstable();
    let n = values.len();
    match n {
        0 => Duration::ZERO,
        _ if n % 2 == 1 => values[n / 2],
        _ => (values[n / 2 - 1] + values[n / 2]) / 2,
    }
}

/// The process's peak resident memory in bytes (`VmHWM` of
/// `/proc/self/status`), or `None` where there is no such file (not Linux).
pub fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    parse_vm_hwm(&status)
}

/// Reads the `VmHWM:   1234 kB` line of a `/proc/<pid>/status` text.
fn parse_vm_hwm(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let mut fields = line["VmHWM:".len()..].split_whitespace();
    let value: u64 = fields.next()?.parse().ok()?;
    // The kernel always writes "kB", meaning KiB.
    (fields.next()? == "kB").then_some(value * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_even_and_no_values() {
        let ms = Duration::from_millis;
        for (values, want) in [
            (vec![], ms(0)),
            (vec![ms(7)], ms(7)),
            (vec![ms(9), ms(1), ms(5)], ms(5)),
            (vec![ms(4), ms(1), ms(100), ms(2)], ms(3)),
        ] {
            assert_eq!(
                median_of(values.iter().copied()),
                want,
                "values: {values:?}"
            );
        }
    }

    #[test]
    fn median_is_taken_per_stage() {
        let pass = |read, total| PassTimes {
            stages: [Duration::from_millis(read); STAGES.len()],
            total: Duration::from_millis(total),
        };
        let median = PassTimes::median(&[pass(1, 30), pass(3, 10), pass(2, 20)]);
        assert_eq!(median.stages[0], Duration::from_millis(2));
        assert_eq!(median.total, Duration::from_millis(20));
    }

    #[test]
    fn vm_hwm_is_read_in_bytes() {
        let status = "Name:\tlede\nVmPeak:\t  9000 kB\nVmHWM:\t    2048 kB\nVmRSS:\t 1000 kB\n";
        assert_eq!(parse_vm_hwm(status), Some(2048 * 1024));
        assert_eq!(parse_vm_hwm("Name:\tlede\n"), None);
    }
}
