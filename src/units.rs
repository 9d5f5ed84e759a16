//! Durations and sizes as people write them: one syntax each, shared by
//! every flag, environment variable and config value that holds one.
//!
//! A duration is `250ms`, `2s`, `1.5s`, `2m`, `2h30m`, `7d` (jiff's
//! friendly format; days are 24 hours), and a bare number is seconds. A
//! size is `100000`, `512KiB`, `5MiB`, `1MB` (decimal k/M/G, binary
//! Ki/Mi/Gi), and a bare number is bytes. The functions here are clap
//! value parsers; their error carries the hint shown under it.

use jiff::{Span, SpanRelativeTo};
use std::fmt;
use std::time::Duration;

/// A value that is not a duration or a size: what was wrong, and what to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub message: String,
    pub hint: &'static str,
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Invalid {}

pub const DURATION_HINT: &str =
    "write a duration like 250ms, 2s, 1.5s or 2h30m (a bare number is seconds)";
pub const SIZE_HINT: &str =
    "write a size like 5MiB, 512KiB, 1MB or 100000 (a bare number is bytes)";

/// `250ms`, `2s`, `1.5s`, `2h30m`, `7d`; a bare number (`1.5`) is seconds.
pub fn duration(text: &str) -> Result<Duration, Invalid> {
    let t = text.trim();
    let invalid = |why: &str| Invalid {
        message: format!("'{text}' is not a duration{why}"),
        hint: DURATION_HINT,
    };
    if !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c == '.') {
        let seconds: f64 = t.parse().map_err(|_| invalid(""))?;
        return Duration::try_from_secs_f64(seconds).map_err(|_| invalid(" (out of range)"));
    }
    let span: Span = t.parse().map_err(|_| invalid(""))?;
    if span.is_negative() {
        return Err(invalid(" (it is negative)"));
    }
    let signed = span
        .to_duration(SpanRelativeTo::days_are_24_hours())
        .map_err(|_| invalid(" (months and years have no fixed length)"))?;
    Duration::try_from(signed).map_err(|_| invalid(" (out of range)"))
}

/// Comma-separated durations: `0s,10s,30s,2m`.
pub fn durations(text: &str) -> Result<Vec<Duration>, Invalid> {
    text.split(',').map(duration).collect()
}

/// A list of durations as one flag value (`--retry-schedule 0s,10s,30s`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DurationList(pub Vec<Duration>);

/// [`durations`], as a clap value parser.
pub fn duration_list(text: &str) -> Result<DurationList, Invalid> {
    durations(text).map(DurationList)
}

/// A moment as `--since` takes it: a duration ago, or an RFC 3339 time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Since {
    Ago(Duration),
    At(jiff::Timestamp),
}

impl Since {
    /// The moment in Unix milliseconds, with `now_ms` anchoring `Ago`.
    pub fn as_millis(self, now_ms: i64) -> i64 {
        match self {
            Since::Ago(d) => {
                now_ms.saturating_sub(i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
            }
            Since::At(t) => t.as_millisecond(),
        }
    }
}

/// `30m`, `2h`, `7d` ago (the duration syntax), or `2025-01-31T12:00:00Z`.
pub fn since(text: &str) -> Result<Since, Invalid> {
    if let Ok(t) = text.trim().parse::<jiff::Timestamp>() {
        return Ok(Since::At(t));
    }
    duration(text).map(Since::Ago).map_err(|_| Invalid {
        message: format!("'{text}' is neither a duration nor a time"),
        hint: "write a duration ago (30m, 2h, 7d) or a time like 2025-01-31T12:00:00Z",
    })
}

/// `5MiB`, `512 KiB`, `1MB`, `100000` → bytes.
pub fn size(text: &str) -> Result<usize, Invalid> {
    let t = text.trim();
    let invalid = || Invalid {
        message: format!("'{text}' is not a size"),
        hint: SIZE_HINT,
    };
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let n: usize = number.parse().map_err(|_| invalid())?;
    let scale: usize = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" => 1000,
        "ki" | "kib" => 1 << 10,
        "m" | "mb" => 1_000_000,
        "mi" | "mib" => 1 << 20,
        "g" | "gb" => 1_000_000_000,
        "gi" | "gib" => 1 << 30,
        _ => return Err(invalid()),
    };
    n.checked_mul(scale).ok_or_else(invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn durations_in_one_syntax() {
        for (text, want) in [
            ("250ms", ms(250)),
            ("2s", ms(2000)),
            ("1.5s", ms(1500)),
            ("2m", ms(120_000)),
            ("10min", ms(600_000)),
            ("2h", ms(7_200_000)),
            ("2h30m", ms(9_000_000)),
            ("2h 30m", ms(9_000_000)),
            ("7d", ms(7 * 86_400_000)),
            ("0s", Duration::ZERO),
            ("1.5", ms(1500)),
            ("30", ms(30_000)),
            (" 0.1 ", ms(100)),
        ] {
            assert_eq!(duration(text), Ok(want), "{text}");
        }
    }

    #[test]
    fn not_durations_say_so_with_a_hint() {
        for text in [
            "",
            "soon",
            "5 parsecs",
            "-1",
            "-1s",
            "1s ago",
            "1.2.3",
            "2mo",
            "1y",
            "inf",
        ] {
            let err = duration(text).unwrap_err();
            assert!(
                err.message
                    .starts_with(&format!("'{text}' is not a duration")),
                "{text}: {err}"
            );
            assert_eq!(err.hint, DURATION_HINT);
        }
    }

    #[test]
    fn lists_of_durations() {
        assert_eq!(
            durations("0s,10s, 2m"),
            Ok(vec![Duration::ZERO, ms(10_000), ms(120_000)])
        );
        assert!(
            durations("1s,abc")
                .unwrap_err()
                .message
                .contains("'abc' is not a duration")
        );
        assert!(durations("").is_err());
    }

    #[test]
    fn since_durations_and_times() {
        assert_eq!(
            since("2h").unwrap().as_millis(10_000_000),
            10_000_000 - 7_200_000
        );
        assert_eq!(since("1970-01-01T00:00:01Z").unwrap().as_millis(0), 1000);
        assert!(since("yesterday").is_err());
    }

    #[test]
    fn sizes() {
        assert_eq!(size("5MiB"), Ok(5 << 20));
        assert_eq!(size("512 KiB"), Ok(512 << 10));
        assert_eq!(size("100000"), Ok(100_000));
        assert_eq!(size("1mb"), Ok(1_000_000));
        assert_eq!(size("1KiB"), Ok(1024));
        assert!(size("lots").is_err());
        assert!(size("").is_err());
        assert!(size("-1").is_err());
        assert!(size("99999999999999999999GiB").is_err());
    }
}
