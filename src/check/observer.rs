//! The idempotency observer's contract: a GET on `--probe-url` answers with
//! the app's side-effect count, as a bare integer (`3`) or as JSON holding
//! exactly one number (`{"effects": 3}`). Parsing it is pure; reading it is
//! the command's.

/// The count an observer's answer holds.
pub fn parse(body: &[u8]) -> Result<i64, String> {
    let text = std::str::from_utf8(body)
        .map_err(|_| "the observer's answer is not UTF-8 text".to_string())?
        .trim();
    if let Ok(n) = text.parse::<i64>() {
        return Ok(n);
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|_| {
        format!(
            "the observer's answer is neither an integer nor JSON: {}",
            crate::escape::for_terminal(&text.chars().take(80).collect::<String>())
        )
    })?;
    let mut numbers = Vec::new();
    collect(&value, &mut numbers);
    match numbers.as_slice() {
        [n] => n
            .as_i64()
            .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64))
            .ok_or_else(|| format!("the observer's number {n} is not a whole count")),
        [] => Err("the observer's JSON holds no number".into()),
        more => Err(format!(
            "the observer's JSON holds {} numbers; it must hold exactly one (the side-effect count)",
            more.len()
        )),
    }
}

fn collect<'v>(value: &'v serde_json::Value, out: &mut Vec<&'v serde_json::Number>) {
    match value {
        serde_json::Value::Number(n) => out.push(n),
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| collect(v, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn contract() {
        assert_eq!(parse(b"3\n"), Ok(3));
        assert_eq!(parse(br#"{"effects": 4}"#), Ok(4));
        assert_eq!(
            parse(br#"{"app": "shop", "stats": {"charges": 2.0}}"#),
            Ok(2)
        );
        assert!(
            parse(br#"{"a": 1, "b": 2}"#)
                .unwrap_err()
                .contains("2 numbers")
        );
        assert!(parse(b"ok").is_err());
        assert!(parse(br#"{"n": 1.5}"#).is_err());
        assert!(parse(b"{}").is_err());
    }
}
