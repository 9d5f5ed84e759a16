//! Retry schedules: when a provider would try a failed delivery again.

use std::time::Duration;

/// Stripe-like exponential backoff: the first attempt at once, then after
/// 10 s, 30 s, 2 min, 10 min, 30 min and 2 h.
pub const DEFAULT_SCHEDULE: &str = "0s,10s,30s,2m,10m,30m,2h";

/// When each attempt happens and when to give up.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    /// Wait before attempt `i + 1` (the first entry is before the first attempt).
    pub delays: Vec<Duration>,
    /// Every delay is multiplied by this (0.001 turns 2 h into 7.2 s).
    pub time_scale: f64,
    /// Stop after this many attempts.
    pub max_attempts: usize,
    /// Stop once this much (scaled) time has passed since the first attempt.
    pub max_duration: Option<Duration>,
}

impl RetryPolicy {
    /// One attempt, no retries.
    pub fn once() -> RetryPolicy {
        RetryPolicy {
            delays: vec![Duration::ZERO],
            time_scale: 1.0,
            max_attempts: 1,
            max_duration: None,
        }
    }

    /// The (scaled) wait before attempt `attempt` (1-based), or `None` when
    /// the schedule or a cap says to stop. `elapsed` is the time since the
    /// first attempt started.
    pub fn wait_before(&self, attempt: usize, elapsed: Duration) -> Option<Duration> {
        if attempt == 0 || attempt > self.max_attempts {
            return None;
        }
        let delay = self.delays.get(attempt - 1)?.mul_f64(self.time_scale);
        if attempt > 1
            && let Some(cap) = self.max_duration
            && elapsed + delay > cap
        {
            return None;
        }
        Some(delay)
    }
}

/// How far ahead of the clock a re-signed attempt may be dated; see [`SignClock`].
pub const MAX_LEAD_SECS: i64 = 60;

/// Timestamps for re-signing one event. Each attempt (retry or duplicate)
/// is signed at the clock's time, as providers do, but always at least one
/// second after the previous one: signatures cover whole seconds, so a
/// compressed schedule or `--duplicates` would otherwise send identical
/// signatures. The lead over the clock never exceeds [`MAX_LEAD_SECS`]
/// (well inside every verifier's tolerance); past that, the caller waits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SignClock {
    last: Option<i64>,
}

impl SignClock {
    /// The timestamp for the next attempt when the clock reads `now`, and
    /// how long to wait before sending it.
    pub fn next(&mut self, now: i64) -> (i64, Duration) {
        let t = self.last.map_or(now, |last| now.max(last + 1));
        self.last = Some(t);
        let lead = t - now;
        let wait = (lead - MAX_LEAD_SECS).max(0) as u64;
        (t, Duration::from_secs(wait))
    }
}

/// `0s,10s,30s,2m` → durations, in hookcli's duration syntax ([`crate::units`]).
pub fn parse_schedule(spec: &str) -> Result<Vec<Duration>, String> {
    crate::units::durations(spec).map_err(|e| e.message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::duration as parse_duration;

    #[test]
    fn parses_the_default_schedule() {
        let d = parse_schedule(DEFAULT_SCHEDULE).unwrap();
        assert_eq!(d.len(), 7);
        assert_eq!(d[3], Duration::from_secs(120));
        assert_eq!(d[6], Duration::from_secs(7200));
        assert_eq!(parse_duration("250ms").unwrap(), Duration::from_millis(250));
        assert_eq!(parse_duration("1.5").unwrap(), Duration::from_millis(1500));
        assert!(parse_duration("5 parsecs").is_err());
        assert!(parse_duration("").is_err());
    }

    #[test]
    fn every_attempt_gets_a_later_second_within_the_lead() {
        let mut clock = SignClock::default();
        assert_eq!(clock.next(100), (100, Duration::ZERO));
        assert_eq!(clock.next(100), (101, Duration::ZERO), "same second");
        assert_eq!(clock.next(105), (105, Duration::ZERO), "the clock moved on");
        let mut burst = SignClock::default();
        let stamps: Vec<(i64, Duration)> = (0..63).map(|_| burst.next(0)).collect();
        assert_eq!(stamps[60], (60, Duration::ZERO));
        assert_eq!(stamps[61], (61, Duration::from_secs(1)));
        assert_eq!(stamps[62], (62, Duration::from_secs(2)));
    }

    #[test]
    fn scaled_and_capped() {
        let p = RetryPolicy {
            delays: parse_schedule("0s,10s,30s,2m").unwrap(),
            time_scale: 0.01,
            max_attempts: 3,
            max_duration: None,
        };
        assert_eq!(p.wait_before(1, Duration::ZERO), Some(Duration::ZERO));
        assert_eq!(
            p.wait_before(2, Duration::ZERO),
            Some(Duration::from_millis(100))
        );
        assert_eq!(
            p.wait_before(3, Duration::ZERO),
            Some(Duration::from_millis(300))
        );
        assert_eq!(p.wait_before(4, Duration::ZERO), None, "max attempts");
        let capped = RetryPolicy {
            max_duration: Some(Duration::from_millis(350)),
            max_attempts: 9,
            ..p
        };
        assert_eq!(
            capped.wait_before(3, Duration::from_millis(100)),
            None,
            "would end past the cap"
        );
        assert_eq!(
            capped.wait_before(5, Duration::ZERO),
            None,
            "schedule exhausted"
        );
    }
}
