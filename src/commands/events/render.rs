//! Renders requests the listener recorded, for `hookcli events`: strings
//! and JSON out; stored text is untrusted and is escaped before it can
//! reach a terminal.

use crate::escape::{bytes_visible, for_terminal};
use crate::store::ReceivedRow;
use base64::Engine;
use serde_json::{Value, json};

fn time(ms: i64) -> String {
    jiff::Timestamp::from_millisecond(ms)
        .map(|t| {
            t.to_zoned(jiff::tz::TimeZone::system())
                .strftime("%Y-%m-%d %H:%M:%S")
                .to_string()
        })
        .unwrap_or_default()
}

fn text(s: Option<&str>) -> String {
    s.map_or_else(|| "-".into(), for_terminal)
}

/// `#12 2024-05-01 12:00:01 stripe invoice.paid evt_1 valid 200 [flags] DEAD`.
pub fn line(row: &ReceivedRow) -> String {
    let n = &row.new;
    let verdict = if n.valid {
        "valid".to_string()
    } else {
        format!("INVALID ({})", n.causes.join(", "))
    };
    let mut out = format!(
        "#{} {} {} {} {} {} {}",
        row.id,
        time(n.received_ms),
        text(n.provider.as_deref()),
        text(n.event_type.as_deref()),
        text(n.event_id.as_deref()),
        verdict,
        n.status
    );
    if let Some(f) = &n.forward {
        match f.status {
            Some(s) => out.push_str(&format!(" app:{s}")),
            None => out.push_str(" app:none"),
        }
    }
    if !n.flags.is_empty() {
        out.push_str(&format!(" [{}]", n.flags.join(", ")));
    }
    if row.dead_letter {
        out.push_str(" DEAD-LETTER");
    }
    if row.replay_count > 0 {
        out.push_str(&format!(" replayed×{}", row.replay_count));
    }
    out.push('\n');
    out
}

/// Everything stored about one request, headers and body included.
pub fn details(row: &ReceivedRow) -> String {
    let n = &row.new;
    let mut out = line(row);
    out.push_str(&format!(
        "  {} {} from {}\n",
        for_terminal(&n.method),
        for_terminal(&n.path),
        for_terminal(&n.remote)
    ));
    if let (Some(label), Some(fp)) = (&n.secret_label, &n.secret_fp) {
        out.push_str(&format!(
            "  verified with {} (fp:{fp})\n",
            for_terminal(label)
        ));
    }
    if let Some(f) = &n.forward {
        out.push_str(&format!("  forwarded to {}", for_terminal(&f.url)));
        match (f.status, &f.error) {
            (Some(s), _) => {
                out.push_str(&format!(": {s} in {:.1} ms\n", f.latency_ms.unwrap_or(0.0)))
            }
            (None, Some(e)) => out.push_str(&format!(": {}\n", for_terminal(e))),
            (None, None) => out.push('\n'),
        }
    }
    if let Some(s) = row.replay_status {
        out.push_str(&format!("  last replay: {s}\n"));
    } else if let Some(e) = &row.replay_error {
        out.push_str(&format!("  last replay: {}\n", for_terminal(e)));
    }
    out.push('\n');
    for (name, value) in &n.headers {
        out.push_str(&format!(
            "{}: {}\n",
            for_terminal(name),
            for_terminal(value)
        ));
    }
    out.push('\n');
    match std::str::from_utf8(&n.body) {
        Ok(body) => {
            for l in body.split('\n') {
                out.push_str(&for_terminal(l));
                out.push('\n');
            }
        }
        Err(_) => {
            out.push_str(&bytes_visible(&n.body));
            out.push('\n');
        }
    }
    out
}

/// One stored request as JSON. The body is a string when it is UTF-8,
/// otherwise `null` with `body_base64` holding the exact bytes.
pub fn json(row: &ReceivedRow, with_body: bool) -> Value {
    let n = &row.new;
    let mut v = json!({
        "id": row.id,
        "received_at": jiff::Timestamp::from_millisecond(n.received_ms).map(|t| t.to_string()).unwrap_or_default(),
        "method": n.method,
        "path": n.path,
        "remote": n.remote,
        "provider": n.provider,
        "event_type": n.event_type,
        "event_id": n.event_id,
        "valid": n.valid,
        "causes": n.causes,
        "flags": n.flags,
        "secret": n.secret_label.as_ref().map(|l| json!({"label": l, "fingerprint": n.secret_fp})),
        "status": n.status,
        "forward": n.forward.as_ref().map(|f| json!({
            "url": f.url, "status": f.status, "latency_ms": f.latency_ms, "error": f.error,
        })),
        "dead_letter": row.dead_letter,
        "replay_count": row.replay_count,
        "replay_status": row.replay_status,
        "replay_error": row.replay_error,
    });
    if with_body {
        v["headers"] = json!(n.headers);
        match std::str::from_utf8(&n.body) {
            Ok(body) => v["body"] = json!(body),
            Err(_) => {
                v["body"] = Value::Null;
                v["body_base64"] = json!(base64::engine::general_purpose::STANDARD.encode(&n.body));
            }
        }
    }
    v
}
