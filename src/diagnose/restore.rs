//! Guesses that put back what the provider is known to write and a
//! re-encoding lost: its key order, and the empty objects PHP turns into
//! empty arrays. Each is written in the provider's own layout, the
//! likeliest original, so a match proves the re-encoding.

use super::cause::Mutation;
use super::variants::{Json, Variant, write_in_form};
use crate::provider::{KeyOrder, Provider};
use serde_json::{Map, Value};

/// Empty arrays beyond this many are all restored together, not in every
/// combination (2^n bodies).
const MAX_EMPTY_ARRAYS: u32 = 4;

/// The restorations of `json`, written in the form `native`, likeliest first.
pub fn guesses(json: &Json, provider: Provider, native: &'static str) -> Vec<Variant> {
    let order = provider.scheme().key_order();
    let arranged = order.arrange(json.value());
    let keys = arranged
        .as_ref()
        .map(|_| keys_clause(json, provider, order));
    let base = arranged.as_ref().unwrap_or(json.value());
    let mut out = Vec::new();
    if let (Some(clause), Some(bytes)) = (
        &keys,
        arranged.as_ref().and_then(|v| write_in_form(v, native)),
    ) {
        out.push(Variant {
            mutation: Mutation::ReserializedJson,
            label: "provider_key_order",
            detail: format!("{clause}: something parsed and re-serialized it"),
            bytes,
        });
    }
    let empty = count_empty_arrays(base);
    if empty == 0 {
        return out;
    }
    let masks: Vec<u64> = if empty <= MAX_EMPTY_ARRAYS {
        (1..1u64 << empty).collect()
    } else {
        vec![u64::MAX]
    };
    let detail = match &keys {
        Some(clause) => format!(
            "empty objects became [] ({PHP}) and {clause}: something parsed and re-serialized it"
        ),
        None => format!("empty objects became [] ({PHP}): something parsed and re-serialized it"),
    };
    for mask in masks {
        let mut value = base.clone();
        let mut index = 0;
        restore_objects(&mut value, mask, &mut index);
        if let Some(bytes) = write_in_form(&value, native) {
            out.push(Variant {
                mutation: Mutation::ReserializedJson,
                label: "empty_objects_restored",
                detail: detail.clone(),
                bytes,
            });
        }
    }
    out
}

const PHP: &str = "PHP's json_decode($body, true) turns {} into []";

/// "the keys were sorted (Stripe writes …)".
pub fn keys_clause(json: &Json, provider: Provider, order: KeyOrder) -> String {
    let how = if json.is_sorted() {
        "sorted"
    } else {
        "reordered"
    };
    match order.describe() {
        Some(d) => format!(
            "the keys were {how} after signing ({} writes {d})",
            provider.spec().display
        ),
        None => format!("the keys were {how} after signing"),
    }
}

fn count_empty_arrays(value: &Value) -> u32 {
    match value {
        Value::Array(items) if items.is_empty() => 1,
        Value::Array(items) => items.iter().map(count_empty_arrays).sum(),
        Value::Object(map) => map.values().map(count_empty_arrays).sum(),
        _ => 0,
    }
}

/// Turns the empty arrays whose place (in document order) is set in `mask` into `{}`.
fn restore_objects(value: &mut Value, mask: u64, index: &mut u32) {
    match value {
        Value::Array(items) if items.is_empty() => {
            if mask & (1 << (*index).min(63)) != 0 {
                *value = Value::Object(Map::new());
            }
            *index += 1;
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|v| restore_objects(v, mask, index)),
        Value::Object(map) => map
            .values_mut()
            .for_each(|v| restore_objects(v, mask, index)),
        _ => {}
    }
}
