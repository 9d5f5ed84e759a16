//! Values of `hookcli.toml` checked as the file is read, so a bad one is
//! reported at its `file:line:column` (the parser adds the position of the
//! value) with a sentence saying what is expected, instead of surfacing
//! later as an error about a flag nobody typed.

use serde::Deserialize;
use serde::de::{self, Deserializer, Unexpected};

/// A string value, or the error for a value of another type.
fn string<'de, D: Deserializer<'de>>(d: D, key: &str, expected: &str) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Any {
        Text(String),
        Int(i64),
        Other(toml::Value),
    }
    match Any::deserialize(d)? {
        Any::Text(s) => Ok(s),
        Any::Int(n) => Err(de::Error::custom(format!(
            "{key} = {n}: {key} is {expected}, written in quotes"
        ))),
        Any::Other(v) => Err(de::Error::custom(format!(
            "{key} = {v}: {key} is {expected}, written in quotes"
        ))),
    }
}

pub fn seconds<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Any {
        Int(i64),
        Text(String),
        Other(toml::Value),
    }
    let hint = "tolerance is a whole number of seconds, e.g. tolerance = 300";
    match Any::deserialize(d)? {
        Any::Int(n) if n >= 0 => Ok(Some(n)),
        Any::Int(n) => Err(de::Error::invalid_value(
            Unexpected::Signed(n),
            &"a number of seconds that is not negative",
        )),
        Any::Text(t) => Err(de::Error::custom(format!("tolerance = \"{t}\": {hint}"))),
        Any::Other(v) => Err(de::Error::custom(format!("tolerance = {v}: {hint}"))),
    }
}

pub fn schedule<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let text = string(d, "retry_schedule", "a comma-separated list of waits")?;
    crate::send::retry::parse_schedule(&text).map_err(|e| {
        de::Error::custom(format!(
            "retry_schedule = \"{text}\": {e}; write waits like \"0s,10s,30s,2m\""
        ))
    })?;
    Ok(Some(text))
}

pub fn target<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let text = string(d, "to", "a port, host:port/path or URL")?;
    crate::send::target::parse_target(&text)
        .map_err(|e| de::Error::custom(format!("to = \"{text}\": {e}")))?;
    Ok(Some(text))
}

pub fn path<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let text = string(d, "path", "a path")?;
    if !text.starts_with('/') {
        return Err(de::Error::custom(format!(
            "path = \"{text}\": paths start with /, e.g. path = \"/webhooks\""
        )));
    }
    Ok(Some(text))
}

pub fn provider<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let text = string(d, "provider", "a provider name")?;
    text.parse::<crate::provider::Provider>().map_err(|_| {
        de::Error::custom(format!(
            "provider = \"{text}\": not a provider; use {}",
            crate::provider::Provider::names()
        ))
    })?;
    Ok(Some(text))
}
