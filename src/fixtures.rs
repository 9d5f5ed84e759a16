//! Event payloads: the built-in fixtures embedded in the binary, user fixture
//! files, `--set`/`--unset` overrides, and rendering to the exact body bytes
//! a provider sends. Pure apart from reading a user's file or directory.

use crate::ids::IdSource;
use crate::provider::{BodyForm, Generated, GeneratedKind, Provider};
use include_dir::Dir;
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

fn builtin_dir(provider: Provider) -> &'static Dir<'static> {
    provider.spec().fixtures
}

/// Where a fixture came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    BuiltIn,
    File(PathBuf),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::BuiltIn => f.write_str("built-in"),
            Origin::File(p) => write!(f, "{}", p.display()),
        }
    }
}

/// An event payload before rendering.
#[derive(Debug, Clone, PartialEq)]
pub struct Fixture {
    /// `payment_intent.succeeded`, `pull_request.opened`, …
    pub name: String,
    pub provider: Provider,
    pub origin: Origin,
    pub payload: Value,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum FixtureError {
    #[error("unknown event type '{name}'")]
    Unknown {
        name: String,
        suggestions: Vec<String>,
    },
    #[error("{origin}:{line}:{column}: invalid JSON: {message}")]
    Json {
        origin: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{origin}: cannot tell which provider this payload is for")]
    UnknownProvider { origin: String },
    #[error("bad path '{path}': {reason}")]
    BadPath { path: String, reason: String },
    #[error("cannot read {path}: {message}")]
    Io { path: String, message: String },
    #[error("{reason}")]
    Batch { reason: String },
    #[error("{origin} is not a form-encoded body: {reason}")]
    NotForm { origin: String, reason: String },
}

impl FixtureError {
    /// What to do next, for the error report.
    pub fn hint(&self) -> Option<String> {
        match self {
            FixtureError::Unknown { suggestions, .. } if !suggestions.is_empty() => {
                Some(format!("did you mean {}?", suggestions.join(", ")))
            }
            FixtureError::Unknown { .. } => Some("run `hookcli fixtures list` to see the event types".into()),
            FixtureError::UnknownProvider { .. } => Some(format!("pass --provider {}", Provider::names())),
            FixtureError::Json { .. } => Some(
                "fix the JSON at that line and column (often a trailing comma or a missing quote)".into(),
            ),
            FixtureError::Io { .. } => {
                Some("check the path and that the file is readable".into())
            }
            FixtureError::BadPath { .. } => Some(
                "paths are dotted keys from the top of the payload, e.g. --set data.object.amount=5000".into(),
            ),
            FixtureError::NotForm { .. } => Some(
                "this provider posts application/x-www-form-urlencoded parameters (name=value&…, %XX-escaped): pass the body exactly as captured, or a JSON object of the parameters without --raw".into(),
            ),
            FixtureError::Batch { .. } => Some(
                "name one event per request, or events of one provider that batches them (e.g. --provider sendgrid processed delivered)".into(),
            ),
        }
    }
}

/// Every built-in fixture name of `provider` (or of all providers), sorted.
pub fn builtin_names(provider: Option<Provider>) -> Vec<(Provider, String)> {
    let mut names = Vec::new();
    for &p in Provider::ALL {
        if provider.is_some_and(|want| want != p) {
            continue;
        }
        // A folder groups topics by resource (Shopify's `orders/create`):
        // the name is the path below the provider's folder.
        let dir = builtin_dir(p);
        for file in dir.files().chain(dir.dirs().flat_map(Dir::files)) {
            let path = file.path();
            if path.extension().is_some_and(|e| e == "json")
                && let Some(name) = path.with_extension("").to_str()
            {
                names.push((p, name.replace(std::path::MAIN_SEPARATOR, "/")));
            }
        }
    }
    names.sort();
    names
}

fn builtin_text(provider: Provider, name: &str) -> Option<&'static str> {
    builtin_dir(provider)
        .get_file(format!("{name}.json"))
        .and_then(|f| f.contents_utf8())
}

/// Finds a fixture by event name (built-in, or `NAME.json` in one of `dirs`)
/// or by path to a JSON file.
pub fn resolve(
    spec: &str,
    provider: Option<Provider>,
    dirs: &[PathBuf],
) -> Result<Fixture, FixtureError> {
    let path = Path::new(spec);
    let builtin_topic = || {
        Provider::ALL
            .iter()
            .any(|&p| provider.is_none_or(|want| want == p) && builtin_text(p, spec).is_some())
    };
    if spec.ends_with(".json")
        || path.is_file()
        || (spec.contains(std::path::MAIN_SEPARATOR) && !builtin_topic())
    {
        // A mistyped topic (`orders/creat`) is no path either.
        let suggested = suggestions(spec, provider, &[]);
        if !path.exists() && !spec.ends_with(".json") && !suggested.is_empty() {
            return Err(FixtureError::Unknown {
                name: spec.to_string(),
                suggestions: suggested,
            });
        }
        return load_file(path, provider);
    }
    for dir in dirs {
        let candidate = dir.join(format!("{spec}.json"));
        if candidate.is_file() {
            return load_file(&candidate, provider);
        }
    }
    // In registry order: Stripe's names are the ones most people type.
    for &p in Provider::ALL {
        if provider.is_some_and(|want| want != p) {
            continue;
        }
        if let Some(text) = builtin_text(p, spec) {
            let payload = parse_json(text, &format!("built-in {spec}"))?;
            return Ok(Fixture {
                name: spec.to_string(),
                provider: p,
                origin: Origin::BuiltIn,
                payload,
            });
        }
    }
    Err(FixtureError::Unknown {
        name: spec.to_string(),
        suggestions: suggestions(spec, provider, dirs),
    })
}

/// Up to three known names closest to `name`.
pub fn suggestions(name: &str, provider: Option<Provider>, dirs: &[PathBuf]) -> Vec<String> {
    let mut known: Vec<String> = builtin_names(provider)
        .into_iter()
        .map(|(_, n)| n)
        .collect();
    known.extend(dirs.iter().flat_map(|d| user_names(d).unwrap_or_default()));
    let mut scored: Vec<(f64, String)> = known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(name, &k), k))
        .filter(|(score, _)| *score > 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(3).map(|(_, k)| k).collect()
}

/// Names of the `*.json` fixtures in a user directory.
pub fn user_names(dir: &Path) -> Result<Vec<String>, FixtureError> {
    let entries = std::fs::read_dir(dir).map_err(|e| io_error(dir, &e))?;
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter_map(|p| p.file_stem().and_then(|s| s.to_str()).map(str::to_string))
        .collect();
    names.sort();
    Ok(names)
}

/// Loads every `*.json` fixture in `dir`, sorted by file name.
pub fn load_dir(dir: &Path, provider: Option<Provider>) -> Result<Vec<Fixture>, FixtureError> {
    user_names(dir)?
        .into_iter()
        .map(|name| load_file(&dir.join(format!("{name}.json")), provider))
        .collect()
}

fn io_error(path: &Path, e: &std::io::Error) -> FixtureError {
    FixtureError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    }
}

/// Loads a user's fixture file; the provider is taken from `provider` or
/// guessed from the payload's shape.
pub fn load_file(path: &Path, provider: Option<Provider>) -> Result<Fixture, FixtureError> {
    let text = std::fs::read_to_string(path).map_err(|e| io_error(path, &e))?;
    let origin = path.display().to_string();
    let payload = parse_json(&text, &origin)?;
    let provider = match provider.or_else(|| guess_provider(&payload)) {
        Some(p) => p,
        None => return Err(FixtureError::UnknownProvider { origin }),
    };
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("event");
    let name = provider.scheme().event_type(stem, &payload);
    Ok(Fixture {
        name,
        provider,
        origin: Origin::File(path.to_path_buf()),
        payload,
    })
}

/// A user's file to be signed byte for byte (`--raw`): the fixture read
/// from it (for its provider, type and id) and its exact bytes.
pub fn load_raw(
    path: &Path,
    provider: Option<Provider>,
) -> Result<(Fixture, Vec<u8>), FixtureError> {
    let bytes = std::fs::read(path).map_err(|e| io_error(path, &e))?;
    let fixture = match (load_file(path, provider), provider) {
        (Ok(f), _) => f,
        // A body that is not JSON (a form post) is still signed as it is,
        // for the provider named; one that posts forms gets a form.
        (Err(FixtureError::Json { .. } | FixtureError::Io { .. }), Some(provider)) => {
            let name = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("event")
                .to_string();
            if provider.scheme().body_form(&name) == BodyForm::Form
                && let Err(reason) = form_encoded(&bytes)
            {
                return Err(FixtureError::NotForm {
                    origin: path.display().to_string(),
                    reason,
                });
            }
            Fixture {
                name,
                provider,
                origin: Origin::File(path.to_path_buf()),
                payload: Value::Null,
            }
        }
        (Err(e), _) => return Err(e),
    };
    Ok((fixture, bytes))
}

/// Whether `bytes` can be an `application/x-www-form-urlencoded` body:
/// printable ASCII only, each `%` starting an escape of two hex digits.
fn form_encoded(bytes: &[u8]) -> Result<(), String> {
    for (i, &b) in bytes.iter().enumerate() {
        let escape_ok = || {
            bytes
                .get(i + 1..i + 3)
                .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit))
        };
        if !(0x21..=0x7e).contains(&b) {
            let what = match b {
                b' ' => "a space (spaces are written + or %20)".to_string(),
                b'\n' | b'\r' => "a line break".to_string(),
                _ => format!("the byte 0x{b:02x}"),
            };
            return Err(format!("{what} at byte {i}"));
        }
        if b == b'%' && !escape_ok() {
            return Err(format!("a % at byte {i} that starts no %XX escape"));
        }
    }
    Ok(())
}

/// Parses JSON, reporting errors as `origin:line:column`.
pub fn parse_json(text: &str, origin: &str) -> Result<Value, FixtureError> {
    serde_json::from_str(text).map_err(|e| FixtureError::Json {
        origin: origin.to_string(),
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Which provider a payload's shape belongs to.
pub fn guess_provider(payload: &Value) -> Option<Provider> {
    payload.as_object()?;
    Provider::ALL
        .iter()
        .copied()
        .find(|p| p.scheme().claims_payload(payload))
}

/// One `--set PATH=VALUE` or `--unset PATH`.
#[derive(Debug, Clone, PartialEq)]
pub enum Override {
    Set { path: String, value: Value },
    Remove { path: String },
}

impl Override {
    /// `data.object.amount=5000`: the value is JSON when it parses as JSON,
    /// a string otherwise (`metadata.order_id=A-17`).
    pub fn parse_set(spec: &str) -> Result<Override, FixtureError> {
        let (path, raw) = spec.split_once('=').ok_or_else(|| FixtureError::BadPath {
            path: spec.to_string(),
            reason: "expected PATH=VALUE".into(),
        })?;
        check_path(path)?;
        let value = serde_json::from_str(raw).unwrap_or_else(|_| Value::String(raw.to_string()));
        Ok(Override::Set {
            path: path.to_string(),
            value,
        })
    }

    pub fn parse_remove(path: &str) -> Result<Override, FixtureError> {
        check_path(path)?;
        Ok(Override::Remove {
            path: path.to_string(),
        })
    }

    /// Applies this override to `payload` in place.
    pub fn apply(&self, payload: &mut Value) -> Result<(), FixtureError> {
        match self {
            Override::Set { path, value } => {
                let segments = split_path(path);
                let (last, parents) = segments.split_last().expect("checked non-empty");
                let mut node = payload;
                for (i, seg) in parents.iter().enumerate() {
                    node = child_mut(node, seg, true)
                        .map_err(|reason| bad_path(path, &segments[..=i], reason))?;
                }
                match node {
                    Value::Object(map) => {
                        map.insert(last.clone(), value.clone());
                    }
                    Value::Array(items) => {
                        let i = array_index(last, items.len())
                            .map_err(|reason| bad_path(path, &segments, reason))?;
                        items[i] = value.clone();
                    }
                    other => {
                        return Err(bad_path(
                            path,
                            parents,
                            format!("is {}, not an object", kind(other)),
                        ));
                    }
                }
            }
            Override::Remove { path } => {
                let segments = split_path(path);
                let (last, parents) = segments.split_last().expect("checked non-empty");
                let mut node = payload;
                for (i, seg) in parents.iter().enumerate() {
                    node = child_mut(node, seg, false)
                        .map_err(|reason| bad_path(path, &segments[..=i], reason))?;
                }
                let removed = match node {
                    Value::Object(map) => map.shift_remove(last).is_some(),
                    Value::Array(items) => match array_index(last, items.len()) {
                        Ok(i) => {
                            items.remove(i);
                            true
                        }
                        Err(_) => false,
                    },
                    _ => false,
                };
                if !removed {
                    return Err(bad_path(path, &segments, "does not exist".into()));
                }
            }
        }
        Ok(())
    }
}

fn check_path(path: &str) -> Result<(), FixtureError> {
    if path.is_empty() || split_path(path).iter().any(String::is_empty) {
        return Err(FixtureError::BadPath {
            path: path.to_string(),
            reason: "empty path segment".into(),
        });
    }
    Ok(())
}

/// Splits on dots; `\.` keeps a literal dot inside a key.
fn split_path(path: &str) -> Vec<String> {
    let mut segments = vec![String::new()];
    let mut chars = path.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    segments.last_mut().expect("non-empty").push(next);
                }
            }
            '.' => segments.push(String::new()),
            c => segments.last_mut().expect("non-empty").push(c),
        }
    }
    segments
}

fn bad_path(path: &str, at: &[String], reason: String) -> FixtureError {
    FixtureError::BadPath {
        path: path.to_string(),
        reason: format!("'{}' {reason}", at.join(".")),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn array_index(seg: &str, len: usize) -> Result<usize, String> {
    match seg.parse::<usize>() {
        Ok(i) if i < len => Ok(i),
        Ok(i) => Err(format!("index {i} is past the end (length {len})")),
        Err(_) => Err(format!("'{seg}' is not an index into an array")),
    }
}

fn child_mut<'v>(node: &'v mut Value, seg: &str, create: bool) -> Result<&'v mut Value, String> {
    let what = kind(node);
    match node {
        Value::Object(map) => {
            if !map.contains_key(seg) {
                if !create {
                    return Err("does not exist".into());
                }
                map.insert(seg.to_string(), Value::Object(Map::new()));
            }
            let child = map.get_mut(seg).expect("just ensured");
            if child.is_null() && create {
                *child = Value::Object(Map::new());
            }
            Ok(child)
        }
        Value::Array(items) => {
            let i = array_index(seg, items.len())?;
            Ok(&mut items[i])
        }
        _ => Err(format!("is {what}, not an object")),
    }
}

/// What makes one rendering of a fixture unique or reproducible.
#[derive(Debug, Clone)]
pub struct RenderOptions<'a> {
    /// Unix seconds: the event's `created` and the signature's timestamp.
    pub timestamp: i64,
    pub ids: IdSource,
    /// Distinguishes several events rendered with one seed.
    pub sequence: u64,
    pub overrides: &'a [Override],
}

/// A rendered event: the exact body bytes a provider would send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub provider: Provider,
    /// How `body` is encoded.
    pub form: BodyForm,
    pub event_type: String,
    /// The event's id (Stripe `evt_…`), GitHub delivery GUID or `webhook-id`.
    pub event_id: String,
    pub timestamp: i64,
    pub body: Vec<u8>,
}

/// What a generated id is derived from, `"{fixture}:{sequence}:{what}"`,
/// in parts: no string is built (load mode renders one event per request).
fn id_purpose<'a>(fixture: &'a str, sequence: &'a str, what: &'a str) -> [&'a [u8]; 5] {
    [
        fixture.as_bytes(),
        b":",
        sequence.as_bytes(),
        b":",
        what.as_bytes(),
    ]
}

/// The value `g` takes in the event `sequence` of a fixture.
fn generated_value(
    g: Generated,
    fixture: &str,
    timestamp: i64,
    ids: IdSource,
    sequence: u64,
) -> Value {
    let mut digits = itoa::Buffer::new();
    let sequence = digits.format(sequence);
    let purpose = id_purpose(fixture, sequence, g.purpose);
    match g.kind {
        GeneratedKind::Base62 { prefix, len } => ids.base62_of(prefix, len, &purpose).into(),
        GeneratedKind::Base62Within {
            prefix,
            len,
            suffix,
        } => {
            let mut id = ids.base62_of(prefix, len, &purpose);
            id.push_str(suffix);
            id.into()
        }
        GeneratedKind::Uuid => ids.uuid_of(&purpose).into(),
        GeneratedKind::UnixSeconds => timestamp.into(),
        GeneratedKind::UnixMillis => timestamp.saturating_mul(1000).into(),
        GeneratedKind::Rfc3339 => rfc3339(timestamp).into(),
        GeneratedKind::Rfc2822 => rfc2822(timestamp).into(),
        GeneratedKind::Hex { prefix, len } => ids.hex_of(prefix, len, &purpose).into(),
        GeneratedKind::Number { digits } => ids.number_of(digits, &purpose).into(),
        GeneratedKind::NumberIn { prefix, digits } => {
            let mut id = String::from(prefix);
            id.push_str(itoa::Buffer::new().format(ids.number_of(digits, &purpose)));
            id.into()
        }
    }
}

impl Fixture {
    /// Fresh ids and timestamps, then the overrides, then serialization the
    /// way the provider serializes (Stripe: pretty, 2-space indent; GitHub
    /// and Standard Webhooks: compact).
    pub fn render(&self, opts: &RenderOptions) -> Result<Event, FixtureError> {
        let mut payload = self.payload.clone();
        self.provider.scheme().place(&mut payload, &mut |g| {
            generated_value(g, &self.name, opts.timestamp, opts.ids, opts.sequence)
        });
        for o in opts.overrides {
            o.apply(&mut payload)?;
        }
        let form = self.form();
        self.check_form(form, &payload)?;
        let body = serialize(form, &payload);
        let event_id = match self.provider.scheme().event_id_field() {
            Some(field) => payload
                .get(field)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            None => self.delivery_id(opts.ids, opts.sequence),
        };
        Ok(Event {
            provider: self.provider,
            form,
            event_type: self.event_type(&payload),
            event_id,
            timestamp: opts.timestamp,
            body,
        })
    }

    /// Renders the fixture once, overrides applied, with the generated values
    /// left as holes, so that many events can be made by filling them in.
    pub fn template(&self, overrides: &[Override]) -> Result<Template, FixtureError> {
        let marker = format!("hookcli-hole-{:016x}-", rand::random::<u64>());
        let mut payload = self.payload.clone();
        let mut placed: Vec<Generated> = Vec::new();
        self.provider.scheme().place(&mut payload, &mut |g| {
            placed.push(g);
            Value::String(format!("{marker}{}.", placed.len() - 1))
        });
        for o in overrides {
            o.apply(&mut payload)?;
        }
        let form = self.form();
        self.check_form(form, &payload)?;
        let body = serialize(form, &payload);
        // Each hole is `<marker><n>.`: in JSON a string, quotes included; in
        // a form, a value (its characters need no escaping).
        let quoted = match form {
            BodyForm::Form => marker.clone(),
            _ => format!("\"{marker}"),
        };
        let closing = usize::from(form != BodyForm::Form);
        let field = self.provider.scheme().event_id_field();
        let id_placed: Option<usize> = field
            .and_then(|f| payload.get(f))
            .and_then(Value::as_str)
            .and_then(|id| id.strip_prefix(marker.as_str()))
            .and_then(|n| n.strip_suffix('.'))
            .and_then(|n| n.parse().ok());
        let mut id_hole = None;
        let (mut parts, mut holes, mut from) = (Vec::new(), Vec::new(), 0);
        while let Some(at) = find(&body[from..], quoted.as_bytes()).map(|i| from + i) {
            let n_at = at + quoted.len();
            let digits = body[n_at..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            let n: usize = std::str::from_utf8(&body[n_at..n_at + digits])
                .ok()
                .and_then(|d| d.parse().ok())
                .expect("a hole is numbered");
            parts.push(body[from..at].to_vec());
            if Some(n) == id_placed {
                id_hole = Some(holes.len());
            }
            holes.push(placed[n]);
            from = n_at + digits + 1 + closing; // the dot and any closing quote
        }
        parts.push(body[from..].to_vec());
        // The event id: `None` when it is generated (a hole fills it in).
        let event_id = field.and_then(|field| match payload.get(field).and_then(Value::as_str) {
            Some(id) if id.starts_with(&marker) => None,
            other => Some(other.unwrap_or_default().to_string()),
        });
        Ok(Template {
            fixture: self.clone(),
            form,
            event_type: self.event_type(&payload),
            event_id,
            id_hole,
            parts,
            holes,
        })
    }

    /// The delivery id sent in a header (GitHub's GUID, `webhook-id`), or
    /// nothing for providers whose events carry their own id.
    fn delivery_id(&self, ids: IdSource, sequence: u64) -> String {
        match self.provider.scheme().delivery_id() {
            Some(g) => match generated_value(g, &self.name, 0, ids, sequence) {
                Value::String(s) => s,
                other => other.to_string(),
            },
            None => String::new(),
        }
    }

    /// The event for `body` sent exactly as it is (`--raw`): type and id
    /// read from the payload as [`render`](Self::render) reads them, a
    /// delivery id generated where the provider sends one in a header;
    /// nothing in the body changes.
    pub fn raw_event(&self, body: Vec<u8>, opts: &RenderOptions) -> Event {
        let event_id = match self.provider.scheme().event_id_field() {
            Some(field) => self
                .payload
                .get(field)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            None => self.delivery_id(opts.ids, opts.sequence),
        };
        Event {
            provider: self.provider,
            form: self.form(),
            event_type: self.event_type(&self.payload),
            event_id,
            timestamp: opts.timestamp,
            body,
        }
    }

    /// A form body is made of an object's fields: anything else would be
    /// sent as an empty body.
    fn check_form(&self, form: BodyForm, payload: &Value) -> Result<(), FixtureError> {
        if form != BodyForm::Form || payload.is_object() {
            return Ok(());
        }
        Err(FixtureError::NotForm {
            origin: self.origin.to_string(),
            reason: format!(
                "the payload is {}, and a form is made of an object's fields",
                kind(payload)
            ),
        })
    }

    /// The byte form of this fixture's bodies.
    pub fn form(&self) -> BodyForm {
        self.provider.scheme().body_form(&self.name)
    }

    fn event_type(&self, payload: &Value) -> String {
        self.provider.scheme().event_type(&self.name, payload)
    }
}

/// The exact bytes a provider sends for `payload` in `form`.
fn serialize(form: BodyForm, payload: &Value) -> Vec<u8> {
    match form {
        BodyForm::JsonPretty2 => {
            serde_json::to_vec_pretty(payload).expect("a Value always serializes")
        }
        BodyForm::JsonCompact => serde_json::to_vec(payload).expect("a Value always serializes"),
        BodyForm::JsonStringify => crate::provider::jsjson::write_value(payload),
        BodyForm::JsonCompactEscaped => crate::provider::escaped_json(payload),
        BodyForm::JsonSortedBatch => crate::provider::batch_body(payload),
        BodyForm::Form => {
            let mut out = form_urlencoded::Serializer::new(String::new());
            if let Some(params) = payload.as_object() {
                for (name, value) in params {
                    match value {
                        Value::Array(values) => {
                            for v in values {
                                out.append_pair(name, &form_value(v));
                            }
                        }
                        v => {
                            out.append_pair(name, &form_value(v));
                        }
                    }
                }
            }
            out.finish().into_bytes()
        }
    }
}

/// A JSON value as a form parameter's text: strings as they are, nested
/// objects as compact JSON (Slack's `payload=`), null as empty.
fn form_value(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A fixture serialized once with its overrides, holes where the generated
/// values go. [`Template::render`] gives the same bytes as
/// [`Fixture::render`] with the same options (tested for every built-in
/// fixture) at a fraction of the cost: load mode renders every request.
#[derive(Debug, Clone)]
pub struct Template {
    fixture: Fixture,
    form: BodyForm,
    event_type: String,
    /// The event id when the body carries it and an override fixed it
    /// (`None`: generated, or not in the body).
    event_id: Option<String>,
    /// The hole that holds the event id.
    id_hole: Option<usize>,
    /// The bytes around the holes: one more part than holes.
    parts: Vec<Vec<u8>>,
    holes: Vec<Generated>,
}

impl Template {
    pub fn render(&self, timestamp: i64, ids: IdSource, sequence: u64) -> Event {
        let f = &self.fixture;
        let mut body = Vec::with_capacity(self.parts.iter().map(Vec::len).sum::<usize>() + 128);
        let mut event_id = None;
        for (i, (part, hole)) in self.parts.iter().zip(&self.holes).enumerate() {
            body.extend_from_slice(part);
            let value = generated_value(*hole, &f.name, timestamp, ids, sequence);
            match self.form {
                BodyForm::Form => body.extend(
                    form_urlencoded::byte_serialize(form_value(&value).as_bytes())
                        .flat_map(str::bytes),
                ),
                BodyForm::JsonCompactEscaped => crate::provider::write_escaped(&value, &mut body),
                _ => serde_json::to_writer(&mut body, &value).expect("a Value always serializes"),
            }
            if self.id_hole == Some(i) {
                event_id = value.as_str().map(str::to_string);
            }
        }
        body.extend_from_slice(self.parts.last().expect("one more part than holes"));
        let event_id = match f.provider.scheme().event_id_field() {
            Some(_) => self.event_id.clone().or(event_id).unwrap_or_default(),
            None => f.delivery_id(ids, sequence),
        };
        Event {
            provider: f.provider,
            form: self.form,
            event_type: self.event_type.clone(),
            event_id,
            timestamp,
            body,
        }
    }
}

/// `Thu, 01 Jan 2026 00:00:00 +0000` for a Unix timestamp.
pub fn rfc2822(t: i64) -> String {
    jiff::Timestamp::from_second(t)
        .ok()
        .and_then(|ts| jiff::fmt::rfc2822::to_string(&ts.to_zoned(jiff::tz::TimeZone::UTC)).ok())
        .unwrap_or_else(|| t.to_string())
}

impl Template {
    /// The bytes around the holes, in order (one more part than holes): the
    /// store keeps them once per load run, and each request's hole values,
    /// to rebuild its exact body.
    pub fn parts(&self) -> &[Vec<u8>] {
        &self.parts
    }
}

/// Several rendered events as one request of a provider whose bodies are
/// batches (SendGrid): their events in order, in the provider's form. The
/// batch has the first event's id and time, and every event's type.
pub fn batch(events: Vec<Event>) -> Result<Event, FixtureError> {
    let first = events.first().ok_or_else(|| FixtureError::Batch {
        reason: "no events to batch".into(),
    })?;
    let provider = first.provider;
    if let Some(other) = events.iter().find(|e| e.provider != provider) {
        return Err(FixtureError::Batch {
            reason: format!(
                "one request cannot hold both {provider} and {} events",
                other.provider
            ),
        });
    }
    let form = provider.spec().body;
    if !form.batches() {
        return Err(FixtureError::Batch {
            reason: format!("{provider} sends one event per request"),
        });
    }
    let mut all = Vec::new();
    for event in &events {
        match serde_json::from_slice::<Value>(&event.body) {
            Ok(Value::Array(items)) => all.extend(items),
            _ => {
                return Err(FixtureError::Batch {
                    reason: format!("the {} event's body is not a JSON array", event.event_type),
                });
            }
        }
    }
    let types: Vec<&str> = events.iter().map(|e| e.event_type.as_str()).collect();
    Ok(Event {
        provider,
        event_type: types.join(","),
        event_id: first.event_id.clone(),
        timestamp: first.timestamp,
        body: serialize(form, &Value::Array(all)),
        form,
    })
}

/// `2026-01-01T00:00:00Z` for a Unix timestamp.
pub fn rfc3339(t: i64) -> String {
    jiff::Timestamp::from_second(t)
        .map(|ts| ts.to_string())
        .unwrap_or_else(|_| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn opts(overrides: &[Override]) -> RenderOptions<'_> {
        RenderOptions {
            timestamp: 1_700_000_000,
            ids: IdSource::new(1),
            sequence: 0,
            overrides,
        }
    }

    #[test]
    fn set_creates_missing_keys_and_types_values() {
        let mut v = json!({"data": {"object": {"amount": 1}}});
        Override::parse_set("data.object.amount=5000")
            .unwrap()
            .apply(&mut v)
            .unwrap();
        Override::parse_set("data.object.metadata.order_id=A-17")
            .unwrap()
            .apply(&mut v)
            .unwrap();
        Override::parse_set("livemode=true")
            .unwrap()
            .apply(&mut v)
            .unwrap();
        assert_eq!(v["data"]["object"]["amount"], json!(5000));
        assert_eq!(v["data"]["object"]["metadata"]["order_id"], json!("A-17"));
        assert_eq!(v["livemode"], json!(true));
    }

    #[test]
    fn remove_and_bad_paths() {
        let mut v = json!({"a": {"b": 1, "c": "s"}, "l": [1, 2]});
        Override::parse_remove("a.b")
            .unwrap()
            .apply(&mut v)
            .unwrap();
        assert_eq!(v, json!({"a": {"c": "s"}, "l": [1, 2]}));
        assert!(
            Override::parse_remove("a.zz")
                .unwrap()
                .apply(&mut v)
                .is_err()
        );
        let err = Override::parse_set("a.c.d=1")
            .unwrap()
            .apply(&mut v)
            .unwrap_err();
        assert!(err.to_string().contains("'a.c' is a string"), "{err}");
        assert!(Override::parse_set("nodot").is_err());
        assert!(Override::parse_set("a..b=1").is_err());
        Override::parse_set("l.1=9").unwrap().apply(&mut v).unwrap();
        assert_eq!(v["l"], json!([1, 9]));
        assert!(Override::parse_set("l.5=9").unwrap().apply(&mut v).is_err());
    }

    #[test]
    fn json_errors_carry_line_and_column() {
        let err = parse_json("{\n  \"a\": 1,\n  oops\n}", "x.json").unwrap_err();
        assert!(
            err.to_string().starts_with("x.json:3:3: invalid JSON"),
            "{err}"
        );
    }

    #[test]
    fn templates_render_the_same_bytes_as_render_for_every_builtin() {
        let override_sets: Vec<Vec<Override>> = vec![
            vec![],
            vec![
                Override::parse_set("id=evt_fixed").unwrap(),
                Override::parse_set("created=5").unwrap(),
                Override::parse_remove("request").unwrap(),
            ],
            vec![Override::parse_set("data.x=\"hookcli-hole-\"").unwrap()],
        ];
        for (provider, name) in builtin_names(None) {
            let fixture = resolve(&name, Some(provider), &[]).unwrap();
            for overrides in &override_sets {
                let Ok(template) = fixture.template(overrides) else {
                    continue;
                };
                for (sequence, timestamp) in [(0, 1_700_000_000), (7, 1_800_000_123)] {
                    let opts = RenderOptions {
                        timestamp,
                        ids: IdSource::new(42),
                        sequence,
                        overrides,
                    };
                    let want = fixture.render(&opts).unwrap();
                    let got = template.render(timestamp, IdSource::new(42), sequence);
                    assert_eq!(
                        String::from_utf8_lossy(&got.body),
                        String::from_utf8_lossy(&want.body),
                        "{provider} {name} {overrides:?}"
                    );
                    assert_eq!(got, want, "{provider} {name} {overrides:?}");
                }
            }
        }
    }

    #[test]
    fn every_stripe_builtin_renders_and_names_its_type() {
        let names = builtin_names(Some(crate::provider::STRIPE));
        assert!(names.len() >= 275, "{}", names.len());
        for (_, name) in names {
            let f = resolve(&name, Some(crate::provider::STRIPE), &[]).unwrap();
            let e = f.render(&opts(&[])).unwrap();
            assert_eq!(e.event_type, name);
            assert!(e.event_id.starts_with("evt_"));
            let v: Value = serde_json::from_slice(&e.body).unwrap();
            assert_eq!(v["created"], json!(1_700_000_000));
            assert_eq!(v["object"], json!("event"));
        }
    }

    #[test]
    fn rendering_is_reproducible_and_stripe_is_pretty() {
        let f = resolve("payment_intent.succeeded", None, &[]).unwrap();
        let a = f.render(&opts(&[])).unwrap();
        assert_eq!(a, f.render(&opts(&[])).unwrap());
        assert!(a.body.starts_with(b"{\n  \"id\": \"evt_"));
        let other = RenderOptions {
            ids: IdSource::new(2),
            ..opts(&[])
        };
        assert_ne!(a.event_id, f.render(&other).unwrap().event_id);
    }

    #[test]
    fn unknown_names_suggest_close_ones() {
        let err = resolve("payment_intent.suceeded", None, &[]).unwrap_err();
        let FixtureError::Unknown { suggestions, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(suggestions[0], "payment_intent.succeeded");
    }
}
