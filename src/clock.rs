//! The wall clock: the one place hookcli reads the time of day, as Unix
//! time. Durations are measured with `std::time::Instant` where they are.

/// Milliseconds since the Unix epoch (0 if the clock is before it).
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// Whole seconds since the Unix epoch.
pub fn now_s() -> i64 {
    now_ms().div_euclid(1000)
}
