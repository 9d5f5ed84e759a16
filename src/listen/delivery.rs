//! Delivery semantics worth flagging: what a correct handler must cope with
//! (duplicates, out-of-order events, replays, test/live mix-ups) and what a
//! proxied app got wrong. Pure: the tracker remembers ids, nothing else.

use std::collections::{HashMap, HashSet};
use std::fmt;

/// A finding about the delivery rather than the signature. `id` is stable
/// (part of `--json`); `Display` is the advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Flag {
    DuplicateEvent,
    OutOfOrder,
    ReplayedSignature,
    LivemodeMismatch,
    AppAcceptedInvalidSignature,
    AppRejectedValidSignature,
    AppSlow,
    ForwardFailed,
}

impl Flag {
    pub fn id(self) -> &'static str {
        match self {
            Flag::DuplicateEvent => "duplicate_event",
            Flag::OutOfOrder => "out_of_order",
            Flag::ReplayedSignature => "replayed_signature",
            Flag::LivemodeMismatch => "livemode_mismatch",
            Flag::AppAcceptedInvalidSignature => "app_accepted_invalid_signature",
            Flag::AppRejectedValidSignature => "app_rejected_valid_signature",
            Flag::AppSlow => "app_slow",
            Flag::ForwardFailed => "forward_failed",
        }
    }

    /// Whether this is a security problem or lost delivery, not just a note.
    pub fn is_alarm(self) -> bool {
        matches!(
            self,
            Flag::AppAcceptedInvalidSignature
                | Flag::AppRejectedValidSignature
                | Flag::ForwardFailed
        )
    }
}

impl fmt::Display for Flag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Flag::DuplicateEvent => {
                "this event id was already delivered: providers retry, so the handler must be idempotent \
                 (record processed event ids)"
            }
            Flag::OutOfOrder => {
                "an event created later for the same object arrived first: do not assume order, compare \
                 `created` or fetch the object's current state"
            }
            Flag::ReplayedSignature => {
                "this exact signature was already received: a replay; dedupe by event id (and where the \
                 provider signs a timestamp, reject ones outside the tolerance)"
            }
            Flag::LivemodeMismatch => {
                "`livemode` disagrees with the secret that verified it: a test event reached the live endpoint \
                 secret or vice versa; check which secret each endpoint uses"
            }
            Flag::AppAcceptedInvalidSignature => {
                "SECURITY: the app accepted a request whose signature is invalid; it does not verify \
                 signatures, so anyone can forge events"
            }
            Flag::AppRejectedValidSignature => {
                "the app rejected a validly signed request: it likely parses the body before verifying \
                 (verify the raw bytes) or uses the wrong secret"
            }
            Flag::AppSlow => {
                "the app answered slower than the provider's budget: acknowledge first and do the work \
                 asynchronously, or the provider will time out and retry"
            }
            Flag::ForwardFailed => {
                "the app did not accept the delivery (no response or non-2xx); it is kept as a dead letter: \
                 `hookcli replay --dead-letters`"
            }
        })
    }
}

/// What identifies an event for the tracker.
#[derive(Debug, Clone, Copy, Default)]
pub struct Seen<'a> {
    pub event_id: Option<&'a str>,
    pub signature: Option<&'a str>,
    /// The object the event is about, with the event's `created` time.
    pub object: Option<(&'a str, i64)>,
}

/// Remembers event ids, signatures and the newest `created` per object for
/// one listening session. Bounded: past `capacity` entries a set starts over.
#[derive(Debug)]
pub struct Tracker {
    events: HashSet<String>,
    signatures: HashSet<String>,
    objects: HashMap<String, i64>,
    capacity: usize,
}

impl Default for Tracker {
    fn default() -> Self {
        Tracker::with_capacity(100_000)
    }
}

impl Tracker {
    pub fn with_capacity(capacity: usize) -> Self {
        Tracker {
            events: HashSet::new(),
            signatures: HashSet::new(),
            objects: HashMap::new(),
            capacity,
        }
    }

    /// Flags for one arrival, in a stable order, and remembers it.
    pub fn observe(&mut self, seen: &Seen) -> Vec<Flag> {
        let mut flags = Vec::new();
        let mut duplicate = false;
        if let Some(id) = seen.event_id.filter(|s| !s.is_empty()) {
            duplicate = !remember(&mut self.events, id, self.capacity);
            if duplicate {
                flags.push(Flag::DuplicateEvent);
            }
        }
        if let Some((object, created)) = seen.object.filter(|(o, _)| !o.is_empty()) {
            match self.objects.get_mut(object) {
                Some(newest) if created < *newest => {
                    if !duplicate {
                        flags.push(Flag::OutOfOrder);
                    }
                }
                Some(newest) => *newest = created,
                None => {
                    if self.objects.len() >= self.capacity {
                        self.objects.clear();
                    }
                    self.objects.insert(object.to_string(), created);
                }
            }
        }
        if let Some(sig) = seen.signature.filter(|s| !s.is_empty())
            && !remember(&mut self.signatures, sig, self.capacity)
        {
            flags.push(Flag::ReplayedSignature);
        }
        flags
    }
}

/// Inserts `value`; false when it was already there.
fn remember(set: &mut HashSet<String>, value: &str, capacity: usize) -> bool {
    if set.contains(value) {
        return false;
    }
    if set.len() >= capacity {
        set.clear();
    }
    set.insert(value.to_string());
    true
}

/// Whether a secret's label names a mode (`…_TEST`, `…_LIVE`) that
/// contradicts the event's `livemode`.
pub fn livemode_mismatch(secret_label: &str, livemode: Option<bool>) -> bool {
    let label = secret_label.to_ascii_lowercase();
    let says_live = label.contains("live");
    let says_test = label.contains("test");
    match livemode {
        Some(true) => says_test && !says_live,
        Some(false) => says_live && !says_test,
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicates_replays_and_order() {
        let mut t = Tracker::default();
        let a = Seen {
            event_id: Some("evt_1"),
            signature: Some("s1"),
            object: Some(("pi_1", 100)),
        };
        assert!(t.observe(&a).is_empty());
        // Same bytes again: a replay of the same delivery.
        assert_eq!(
            t.observe(&a),
            vec![Flag::DuplicateEvent, Flag::ReplayedSignature]
        );
        // A retry: same event, fresh signature.
        let retry = Seen {
            signature: Some("s2"),
            ..a
        };
        assert_eq!(t.observe(&retry), vec![Flag::DuplicateEvent]);
        let later = Seen {
            event_id: Some("evt_3"),
            signature: Some("s3"),
            object: Some(("pi_1", 200)),
        };
        assert!(t.observe(&later).is_empty());
        let earlier = Seen {
            event_id: Some("evt_2"),
            signature: Some("s4"),
            object: Some(("pi_1", 150)),
        };
        assert_eq!(t.observe(&earlier), vec![Flag::OutOfOrder]);
    }

    #[test]
    fn tracker_is_bounded() {
        let mut t = Tracker::with_capacity(2);
        for i in 0..10 {
            let id = format!("evt_{i}");
            t.observe(&Seen {
                event_id: Some(&id),
                ..Seen::default()
            });
        }
        assert!(t.events.len() <= 2);
    }

    #[test]
    fn livemode_against_labels() {
        assert!(livemode_mismatch("STRIPE_WEBHOOK_SECRET_LIVE", Some(false)));
        assert!(livemode_mismatch("STRIPE_WEBHOOK_SECRET_TEST", Some(true)));
        assert!(!livemode_mismatch(
            "STRIPE_WEBHOOK_SECRET_TEST",
            Some(false)
        ));
        assert!(!livemode_mismatch("STRIPE_WEBHOOK_SECRET", Some(true)));
        assert!(!livemode_mismatch("STRIPE_WEBHOOK_SECRET_LIVE", None));
    }
}
