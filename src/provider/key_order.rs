//! The order a provider writes the keys of its JSON objects in, where it is
//! known: the diagnosis puts a re-ordered body back in that order and
//! proves it by the signature, and takes a body in another order as a sign
//! that something re-encoded it.

use serde_json::{Map, Value};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyOrder {
    /// Nothing is known: any order may be the provider's.
    Unknown,
    /// The order varies, but a body sorted at every level is never the
    /// provider's own.
    NeverSorted,
    /// These keys first, in this order, where present; then the others in
    /// byte order. At every level (Stripe: `id`, `object`, then the rest
    /// alphabetically).
    FirstThenSorted(&'static [&'static str]),
}

impl KeyOrder {
    /// Whether one object's keys, in the order written, are in this order.
    pub fn admits<'a>(self, keys: impl IntoIterator<Item = &'a str>) -> bool {
        let KeyOrder::FirstThenSorted(first) = self else {
            return true;
        };
        // Each key's rank: its place among `first`, then the rest by bytes.
        let rank = |k: &'a str| match first.iter().position(|f| *f == k) {
            Some(i) => (i, ""),
            None => (first.len(), k),
        };
        let mut previous: Option<(usize, &str)> = None;
        for key in keys {
            let r = rank(key);
            if previous.is_some_and(|p| p >= r) {
                return false;
            }
            previous = Some(r);
        }
        true
    }

    /// `value` with every object's keys put in this order, when it is known
    /// and differs from the order received.
    pub fn arrange(self, value: &Value) -> Option<Value> {
        if !matches!(self, KeyOrder::FirstThenSorted(_)) || self.holds(value) {
            return None;
        }
        Some(self.rebuilt(value))
    }

    /// Whether every object in `value` is in this order.
    pub fn holds(self, value: &Value) -> bool {
        match value {
            Value::Object(map) => {
                self.admits(map.keys().map(String::as_str)) && map.values().all(|v| self.holds(v))
            }
            Value::Array(items) => items.iter().all(|v| self.holds(v)),
            _ => true,
        }
    }

    fn rebuilt(self, value: &Value) -> Value {
        match value {
            Value::Object(map) => {
                let KeyOrder::FirstThenSorted(first) = self else {
                    unreachable!("only a known order rebuilds")
                };
                let mut keys: Vec<&String> = map.keys().collect();
                keys.sort_by(|a, b| {
                    let rank = |k: &str| first.iter().position(|f| *f == k).unwrap_or(first.len());
                    rank(a).cmp(&rank(b)).then_with(|| a.cmp(b))
                });
                let mut out = Map::with_capacity(map.len());
                for k in keys {
                    out.insert(k.clone(), self.rebuilt(&map[k.as_str()]));
                }
                Value::Object(out)
            }
            Value::Array(items) => Value::Array(items.iter().map(|v| self.rebuilt(v)).collect()),
            other => other.clone(),
        }
    }

    /// How the provider orders keys, completing "<provider> writes …".
    pub fn describe(self) -> Option<String> {
        match self {
            KeyOrder::Unknown => None,
            KeyOrder::NeverSorted => Some("keys in its own order, never sorted throughout".into()),
            KeyOrder::FirstThenSorted(first) => Some(format!(
                "{} first and the other keys alphabetically",
                first.join(" and ")
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STRIPE: KeyOrder = KeyOrder::FirstThenSorted(&["id", "object"]);

    #[test]
    fn stripe_order_is_id_object_then_sorted() {
        assert!(STRIPE.admits(["id", "object", "amount", "created"]));
        assert!(STRIPE.admits(["object", "data", "has_more"]));
        assert!(!STRIPE.admits(["amount", "id", "object"]));
        assert!(!STRIPE.admits(["id", "object", "created", "amount"]));
        assert!(!STRIPE.admits(["object", "id"]));
        let sorted: Value = serde_json::from_str(
            r#"{"amount":1,"data":[{"b":1,"id":"x","a":2}],"id":"e","object":"event"}"#,
        )
        .unwrap();
        let arranged = STRIPE.arrange(&sorted).unwrap();
        assert_eq!(
            serde_json::to_string(&arranged).unwrap(),
            r#"{"id":"e","object":"event","amount":1,"data":[{"id":"x","a":2,"b":1}]}"#
        );
        assert!(STRIPE.holds(&arranged));
        assert_eq!(STRIPE.arrange(&arranged), None);
        assert_eq!(KeyOrder::NeverSorted.arrange(&sorted), None);
    }
}
