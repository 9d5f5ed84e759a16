//! Load-mode statistics: latency percentiles, a status histogram and errors
//! by kind. Pure; each worker keeps its own and they are merged at the end.

use std::collections::BTreeMap;
use std::time::Duration;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadStats {
    /// Microseconds, one per response received.
    latencies_us: Vec<u64>,
    pub statuses: BTreeMap<u16, u64>,
    pub errors: BTreeMap<&'static str, u64>,
    /// Responses whose status matched `--expect`.
    pub matched: u64,
    /// Responses slower than the budget.
    pub slow: u64,
}

impl LoadStats {
    pub fn response(&mut self, status: u16, latency: Duration, matched: bool, slow: bool) {
        self.latencies_us.push(latency.as_micros() as u64);
        *self.statuses.entry(status).or_default() += 1;
        self.matched += u64::from(matched);
        self.slow += u64::from(slow);
    }

    pub fn error(&mut self, kind: &'static str) {
        *self.errors.entry(kind).or_default() += 1;
    }

    pub fn merge(&mut self, other: LoadStats) {
        self.latencies_us.extend(other.latencies_us);
        for (k, v) in other.statuses {
            *self.statuses.entry(k).or_default() += v;
        }
        for (k, v) in other.errors {
            *self.errors.entry(k).or_default() += v;
        }
        self.matched += other.matched;
        self.slow += other.slow;
    }

    pub fn requests(&self) -> u64 {
        self.latencies_us.len() as u64 + self.errors.values().sum::<u64>()
    }

    pub fn summary(mut self, elapsed: Duration) -> LoadSummary {
        self.latencies_us.sort_unstable();
        let pct = |p: f64| percentile(&self.latencies_us, p);
        let requests = self.requests();
        LoadSummary {
            requests,
            responses: self.latencies_us.len() as u64,
            elapsed,
            per_second: if elapsed.is_zero() {
                0.0
            } else {
                requests as f64 / elapsed.as_secs_f64()
            },
            p50: pct(50.0),
            p90: pct(90.0),
            p99: pct(99.0),
            max: Duration::from_micros(self.latencies_us.last().copied().unwrap_or(0)),
            failed: requests - self.matched,
            stats: self,
        }
    }
}

/// Nearest-rank percentile of sorted microseconds.
fn percentile(sorted: &[u64], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    Duration::from_micros(sorted[rank.clamp(1, sorted.len()) - 1])
}

/// The numbers a load run ends with.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadSummary {
    pub requests: u64,
    /// Requests that got a response (the latencies are theirs).
    pub responses: u64,
    pub elapsed: Duration,
    pub per_second: f64,
    pub p50: Duration,
    pub p90: Duration,
    pub p99: Duration,
    pub max: Duration,
    /// Requests that did not match `--expect` (errors included).
    pub failed: u64,
    pub stats: LoadStats,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_histogram_and_errors() {
        let mut a = LoadStats::default();
        for ms in 1..=50 {
            a.response(200, Duration::from_millis(ms), true, false);
        }
        let mut b = LoadStats::default();
        for ms in 51..=100 {
            b.response(
                if ms > 98 { 500 } else { 200 },
                Duration::from_millis(ms),
                ms <= 98,
                ms == 100,
            );
        }
        b.error("timeout");
        a.merge(b);
        let s = a.summary(Duration::from_secs(2));
        assert_eq!(s.requests, 101);
        assert_eq!(s.responses, 100);
        assert_eq!(s.p50, Duration::from_millis(50));
        assert_eq!(s.p90, Duration::from_millis(90));
        assert_eq!(s.p99, Duration::from_millis(99));
        assert_eq!(s.max, Duration::from_millis(100));
        assert_eq!(s.stats.statuses[&200], 98);
        assert_eq!(s.stats.statuses[&500], 2);
        assert_eq!(s.stats.errors["timeout"], 1);
        assert_eq!(s.failed, 3);
        assert_eq!(s.stats.slow, 1);
        assert!((s.per_second - 50.5).abs() < 1e-9);
    }
}
