//! Gather, then write: the loop of a thread that takes whatever has queued
//! up and handles it in one go (the store's group commit, the listener's
//! stdout). Batching is what makes them cheap under load; an idle queue is
//! handled at once.

use std::sync::mpsc::Receiver;
use std::time::Duration;

/// Waits for the first item on `rx`; then sleeps for `pause(&first)` (when
/// not zero) so more can arrive; then takes whatever else is queued, up to
/// `max` items in all. `None` once every sender is gone and nothing is left.
pub fn gather<T>(
    rx: &Receiver<T>,
    max: usize,
    pause: impl FnOnce(&T) -> Duration,
) -> Option<Vec<T>> {
    let first = rx.recv().ok()?;
    let pause = pause(&first);
    if !pause.is_zero() {
        std::thread::sleep(pause);
    }
    let mut batch = vec![first];
    while batch.len() < max {
        match rx.try_recv() {
            Ok(item) => batch.push(item),
            Err(_) => break,
        }
    }
    Some(batch)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_what_queued_up_to_the_limit_then_ends_with_the_senders() {
        let (tx, rx) = std::sync::mpsc::channel();
        for i in 0..5 {
            tx.send(i).unwrap();
        }
        drop(tx);
        assert_eq!(gather(&rx, 3, |_| Duration::ZERO), Some(vec![0, 1, 2]));
        assert_eq!(gather(&rx, 3, |_| Duration::ZERO), Some(vec![3, 4]));
        assert_eq!(gather(&rx, 3, |_| Duration::ZERO), None);
    }
}
