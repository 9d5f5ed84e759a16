//! The diagnosis as text for a person: a verdict, one block per finding,
//! then the signature table. The verdict and cause ids are styled
//! ([`crate::style`]); every string that came from the request is escaped
//! for the terminal.

use super::{Cause, Diagnosis, SignatureDiff};
use crate::escape::for_terminal;
use crate::provider::Algorithm;
use crate::style::{self, paint};
use serde_json::Value;
use std::fmt::Write;

pub fn render(diagnosis: &Diagnosis) -> String {
    let mut out = String::new();
    let provider = diagnosis.provider.map_or("webhook", |p| p.name());
    // GitLab's is a token, not a signature: say which.
    let (what, holds, fails) = match diagnosis.provider.map(|p| p.spec().algorithm) {
        Some(Algorithm::Token) => ("token", "matches", "does not match"),
        _ => ("signature", "verifies", "does not verify"),
    };
    if diagnosis.valid {
        let valid = paint(style::GOOD_STRONG, "valid:");
        let _ = writeln!(out, "{valid} the {provider} {what} {holds}");
    } else {
        let n = diagnosis.causes.len();
        let _ = writeln!(
            out,
            "{} the {provider} {what} {fails} ({n} finding{})",
            paint(style::BAD, "invalid:"),
            if n == 1 { "" } else { "s" }
        );
    }
    if let Some(note) = diagnosis.note() {
        let _ = writeln!(out, "note: {note}");
    }
    for cause in &diagnosis.causes {
        out.push('\n');
        cause_block(&mut out, cause);
    }
    if diagnosis.diff.provider.is_some() {
        out.push('\n');
        diff_table(&mut out, &diagnosis.diff);
    }
    out
}

fn cause_block(out: &mut String, cause: &Cause) {
    let _ = writeln!(
        out,
        "{} {}",
        paint(style::WARN, format_args!("[{}]", cause.id())),
        for_terminal(&cause.to_string())
    );
    for (name, value) in cause.details() {
        // The advice already says these.
        if matches!(name, "headers" | "detail" | "env") {
            continue;
        }
        match value {
            Value::Array(items) if name == "ruled_out" => {
                let _ = writeln!(out, "    ruled out:");
                for item in items {
                    let _ = writeln!(out, "      - {}", for_terminal(&plain(&item)));
                }
            }
            value => {
                let _ = writeln!(
                    out,
                    "    {}: {}",
                    name.replace('_', " "),
                    for_terminal(&plain(&value))
                );
            }
        }
    }
}

fn plain(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => "none".to_string(),
        other => other.to_string(),
    }
}

fn diff_table(out: &mut String, diff: &SignatureDiff) {
    let mut title = format!("signature ({}", diff.provider.map_or("?", |p| p.name()));
    if let Some(t) = diff.timestamp {
        let _ = write!(title, ", t={t}");
    }
    if let Some(id) = &diff.id {
        let _ = write!(title, ", id={}", for_terminal(id));
    }
    let _ = writeln!(out, "{title})");

    let rows: Vec<(String, String, &str)> = diff
        .received
        .iter()
        .map(|sig| ("received".to_string(), for_terminal(sig), ""))
        .chain(diff.expected.iter().map(|e| {
            let name = format!("{} (fp:{})", e.label, e.fingerprint);
            match &e.signature {
                Ok(Some(sig)) => (
                    name,
                    sig.clone(),
                    if e.matches { "match" } else { "differs" },
                ),
                // A public key cannot sign: its fingerprint stands where
                // the expected signature would.
                Ok(None) => (
                    e.label.clone(),
                    format!("public key fp:{}", e.fingerprint),
                    if e.matches {
                        "verifies"
                    } else {
                        "does not verify"
                    },
                ),
                Err(why) => (name, why.clone(), "no key"),
            }
        }))
        .collect();
    let width = rows.iter().map(|r| r.0.chars().count()).max().unwrap_or(0);
    for (name, value, mark) in &rows {
        let line = format!("  {:width$}  {value}  {mark}", for_terminal(name));
        let _ = writeln!(out, "{}", line.trim_end());
    }
    let _ = writeln!(
        out,
        "  signed payload ({} bytes): {}{}",
        diff.signed_payload_len,
        diff.signed_payload_head,
        if diff.signed_payload_len > 64 {
            "…"
        } else {
            ""
        }
    );
}
