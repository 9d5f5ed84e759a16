//! Why a signature failed. Pure: a captured request and what we know (the
//! secrets, the provider, the time, maybe the body hookcli signed) in;
//! findings out. No clock, no I/O, no printing.
//!
//! The method is to reproduce the signature: try every secret and its usual
//! manglings over the body as received, then over guesses at the body that
//! was signed ([`variants`]); the first combination that reproduces a
//! received signature names what went wrong.

mod cause;
mod diff;
mod evidence;
mod form;
mod framing;
mod header;
mod keypair;
mod keys;
mod layout;
mod render;
mod restore;
pub(crate) mod urls;
mod variants;

#[cfg(test)]
mod fast_path_tests;
#[cfg(test)]
mod tests;

pub use cause::{ByteDiff, Cause, Confidence, Mutation, Place, Side, WrongKind};
pub use diff::{Expected, SignatureDiff};
pub use keys::Candidates;
pub use render::render;

use crate::provider::{BodyForm, Claims, HeaderProblem, Parts, Provider, Verdict, verify_secrets};
use crate::request::{Headers, Request};
use crate::secret::Secret;
use keys::{Keys, Tweak};
use serde_json::{Value, json};
use urls::UrlGuess;
use variants::{Json, Variant};

/// What the diagnosis knows besides the request.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// `[0]` is the secret being verified with; the rest are labelled
    /// candidates (other env vars, repeated `--secret`).
    pub secrets: &'a [Secret],
    /// `None`: detect from the headers.
    pub provider: Option<Provider>,
    /// Unix seconds.
    pub now: i64,
    /// Seconds either side of `now`.
    pub tolerance: i64,
    /// The exact bytes hookcli signed, when its event store knows them.
    pub original_body: Option<&'a [u8]>,
    /// The keys of `secrets`, made once by a caller that diagnoses many
    /// requests (the listener); used when made for the provider the
    /// request turns out to be, else made here.
    pub candidates: Option<&'a Candidates>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnosis {
    pub provider: Option<Provider>,
    /// The signature holds with `secrets[0]`, the header is well-formed and
    /// the timestamp is within the tolerance.
    pub valid: bool,
    /// Empty when valid; otherwise likeliest first.
    pub causes: Vec<Cause>,
    pub diff: SignatureDiff,
}

impl Diagnosis {
    /// `{"valid", "provider", "causes": [...], "diff": {...}}`.
    pub fn to_json(&self) -> Value {
        let mut v = json!({
            "valid": self.valid,
            "provider": self.provider.map(Provider::name),
            "causes": self.causes.iter().map(Cause::to_json).collect::<Vec<_>>(),
            "diff": self.diff.to_json(),
        });
        if let Some(note) = self.note() {
            v["note"] = json!(note);
        }
        v
    }

    /// What no verdict can say for this provider: that its signature does
    /// not cover the event (Mailgun).
    pub fn note(&self) -> Option<&'static str> {
        self.provider.and_then(|p| p.scheme().unsigned_body())
    }

    fn stopped(provider: Option<Provider>, cause: Cause) -> Self {
        Diagnosis {
            provider,
            valid: false,
            causes: vec![cause],
            diff: SignatureDiff {
                provider,
                ..SignatureDiff::default()
            },
        }
    }
}

/// The body a signature was reproduced over.
enum SignedBody {
    Received,
    /// `Context::original_body`.
    Original,
    Variant(Variant),
}

/// A reproduction: which key over which body.
struct Hit {
    key: usize,
    body: SignedBody,
    /// The URL it was signed at, when not the request's.
    url: Option<UrlGuess>,
}

pub fn diagnose(request: &Request, ctx: &Context) -> Diagnosis {
    diagnose_with(request, ctx, true)
}

/// [`diagnose`], with the search's shortcut for intact bodies (`fast`) or
/// without it: tests hold the two to the same verdicts.
pub(crate) fn diagnose_with(request: &Request, ctx: &Context, fast: bool) -> Diagnosis {
    let headers = &request.headers;
    let parts = request.parts();
    let holds = |p| verify_secrets(p, &parts, ctx.secrets, ctx.now, ctx.tolerance).is_valid();
    let provider = match header::resolve(headers, &request.body, ctx.provider, holds) {
        Ok(p) => p,
        Err(Cause::WrongProvider {
            expected,
            found,
            from_body,
            ..
        }) => {
            let cause = Cause::WrongProvider {
                expected,
                found,
                verifies_as_found: holds(found),
                from_body,
            };
            return Diagnosis::stopped(Some(expected), cause);
        }
        Err(cause) => return Diagnosis::stopped(ctx.provider, cause),
    };
    let signature_holds = |p| {
        let v = verify_secrets(p, &parts, ctx.secrets, ctx.now, ctx.tolerance);
        !matches!(
            v,
            Verdict::NoMatch | Verdict::Header(_) | Verdict::Message(_)
        )
    };
    if ctx.provider.is_none()
        && let Some(cause) = header::foreign(headers, &request.body, ctx.secrets, provider, || {
            signature_holds(provider)
        })
    {
        return Diagnosis::stopped(Some(provider), cause);
    }
    let scheme = provider.scheme();
    let fixed: Option<Headers>;
    let (claims, malformed) = match scheme.parse(&parts) {
        Ok(c) => (c, None),
        Err(HeaderProblem::Missing { header }) => {
            return Diagnosis::stopped(
                Some(provider),
                Cause::MissingHeader {
                    headers: vec![header],
                },
            );
        }
        Err(HeaderProblem::Malformed { header, reason }) => {
            fixed = scheme.lenient(headers);
            let read = fixed.as_ref().and_then(|h| {
                scheme
                    .parse(&Parts {
                        headers: h,
                        ..parts
                    })
                    .ok()
            });
            match read {
                Some(c) => (c, Some((header, reason))),
                None => {
                    let cause = Cause::MalformedHeader {
                        header,
                        reason,
                        would_verify_if_fixed: false,
                    };
                    return Diagnosis::stopped(Some(provider), cause);
                }
            }
        }
    };
    if ctx.secrets.is_empty() {
        return Diagnosis::stopped(Some(provider), Cause::NoSecret { provider });
    }

    let body = request.body.as_slice();
    let made;
    let candidates = match ctx.candidates {
        Some(c) if c.are_for(provider, ctx.secrets) => c,
        _ => {
            made = Candidates::new(provider, ctx.secrets);
            &made
        }
    };
    let keys = match Keys::new(candidates, &claims, parts) {
        Ok(keys) => keys,
        Err(e) => return Diagnosis::stopped(Some(provider), Cause::message(provider, e)),
    };
    let diff = SignatureDiff::new(provider, &claims, body, ctx.secrets, &keys);
    let primary_matches = diff.expected[0].matches;
    let skew = skew(&claims, provider, ctx);
    if malformed.is_none() && primary_matches && skew.is_none() {
        return Diagnosis {
            provider: Some(provider),
            valid: true,
            causes: Vec::new(),
            diff,
        };
    }

    let mut search = Search::new(&keys, provider, parts, ctx.original_body);
    search.fast = fast;
    let as_given_match = diff.expected.iter().position(|e| e.matches);
    let hit = match as_given_match.and_then(|i| keys.as_given[i].clone().ok()) {
        Some(key) => Some(Hit {
            key,
            body: SignedBody::Received,
            url: None,
        }),
        None => search.run(),
    };

    let mut causes = Vec::new();
    if let Some((header, reason)) = malformed {
        causes.push(Cause::MalformedHeader {
            header,
            reason,
            would_verify_if_fixed: primary_matches,
        });
    }
    let unusable_primary =
        secret_kind_causes(provider, ctx.secrets, &keys, hit.as_ref(), &mut causes);
    match hit {
        Some(hit) => explain(hit, &keys, ctx, provider, request, &mut causes),
        None => {
            let url_first = url_and_hash_causes(&search, &keys, request, &mut causes);
            unexplained(&search, ctx, unusable_primary, &mut causes);
            if url_first {
                for cause in &mut causes[1..] {
                    cause.demote_to_possible();
                }
            }
        }
    }
    causes.extend(skew);
    keypair::refine(provider, &claims, &mut causes);
    Diagnosis {
        provider: Some(provider),
        valid: false,
        causes,
        diff,
    }
}

fn skew(claims: &Claims, provider: Provider, ctx: &Context) -> Option<Cause> {
    let t = claims
        .timestamp
        .filter(|_| provider.spec().signs_timestamp())?;
    let age_seconds = ctx.now - t.seconds;
    (age_seconds.abs() > ctx.tolerance).then_some(Cause::TimestampSkew {
        age_seconds,
        tolerance: ctx.tolerance,
        window: provider.scheme().window_note(),
    })
}

/// Secrets that cannot be signing secrets at all: API keys (always worth
/// saying), and a verifying secret the scheme cannot make a key of. Returns
/// whether the verifying secret is unusable, which explains a failure alone.
fn secret_kind_causes(
    provider: Provider,
    secrets: &[Secret],
    keys: &Keys,
    hit: Option<&Hit>,
    causes: &mut Vec<Cause>,
) -> bool {
    let mut unusable = false;
    for (i, secret) in secrets.iter().enumerate() {
        let kind = if let Some(misuse) = provider.scheme().misuse(secret.expose()) {
            Some(WrongKind::Misuse(misuse))
        } else if i == 0
            && let Err(e) = &keys.as_given[0]
        {
            let mixup_matched = hit.is_some_and(|h| {
                let key = &keys.keys[h.key];
                key.secret == 0 && matches!(key.tweak, Tweak::Mixup(_) | Tweak::Derived)
            });
            match secret.expose() {
                "" => Some(WrongKind::Empty),
                _ if mixup_matched => None,
                _ if e.kind == "private_key" => Some(WrongKind::PrivateKey {
                    public: keys.derived[0].clone().unwrap_or_default(),
                    verifies: false,
                }),
                _ => Some(WrongKind::Unusable {
                    kind: e.kind,
                    reason: e.reason.to_string(),
                }),
            }
        } else {
            None
        };
        if let Some(kind) = kind {
            unusable |= i == 0;
            causes.push(Cause::SecretWrongKind {
                secret: secret.label().to_string(),
                kind,
            });
        }
    }
    unusable
}

/// Findings from a reproduction.
fn explain(
    hit: Hit,
    keys: &Keys,
    ctx: &Context,
    provider: Provider,
    request: &Request,
    causes: &mut Vec<Cause>,
) {
    let received = request.body.as_slice();
    if let Some(guess) = &hit.url {
        causes.push(Cause::UrlMismatch {
            given: request.url.clone().unwrap_or_default(),
            signed: Some(guess.url.clone()),
            detail: guess.label.clone(),
            confidence: Confidence::Certain,
            ruled_out: Vec::new(),
        });
    }
    let key = &keys.keys[hit.key];
    let secret = &ctx.secrets[key.secret];
    if key.secret != 0 {
        causes.push(Cause::WrongSecret {
            provider: keys.provider,
            matched_secret: Some(secret.label().to_string()),
            verifying_secret: ctx.secrets[0].label().to_string(),
            confidence: Confidence::Certain,
            ruled_out: Vec::new(),
        });
    }
    match key.tweak {
        Tweak::AsGiven => {}
        Tweak::Trimmed(place) => causes.push(Cause::SecretWhitespace {
            secret: secret.label().to_string(),
            place,
            side: Side::Verifier,
        }),
        Tweak::Appended(_) => causes.push(Cause::SecretWhitespace {
            secret: secret.label().to_string(),
            place: Place::Trailing,
            side: Side::Signer,
        }),
        Tweak::Mixup(mixup) => causes.push(Cause::SecretWrongKind {
            secret: secret.label().to_string(),
            kind: WrongKind::Mixup(mixup),
        }),
        Tweak::Derived => causes.push(Cause::SecretWrongKind {
            secret: secret.label().to_string(),
            kind: WrongKind::PrivateKey {
                public: keys.derived[key.secret].clone().unwrap_or_default(),
                verifies: true,
            },
        }),
    }
    let (mutation, detail, diff) = match hit.body {
        SignedBody::Received => return,
        SignedBody::Original => {
            let original = ctx.original_body.unwrap_or_default();
            let diff = diff::byte_diff(received, original);
            match classify(received, original, provider) {
                Some(v) => (v.mutation, v.detail, diff),
                None => (Mutation::Unknown, DIFFERS_FROM_ORIGINAL.to_string(), diff),
            }
        }
        SignedBody::Variant(v) => {
            let diff = diff::byte_diff(received, ctx.original_body.unwrap_or(&v.bytes));
            (v.mutation, v.detail, diff)
        }
    };
    causes.push(Cause::BodyMutated {
        mutation,
        detail,
        confidence: Confidence::Certain,
        diff,
        ruled_out: Vec::new(),
    });
}

const DIFFERS_FROM_ORIGINAL: &str = "the body differs from the one hookcli signed";

/// The known mutation that turns `original` into `received`, judged by bytes alone.
fn classify(received: &[u8], original: &[u8], provider: Provider) -> Option<Variant> {
    let bytes = variants::byte_guesses(received);
    let native = native_form(provider);
    let json = Json::parse(received).map(|j| {
        let mut guesses = restore::guesses(&j, provider, native);
        guesses.extend(variants::json_guesses(&j, received));
        guesses
    });
    // A batch's framing, whoever's body it is: it only names what matches.
    let framing = framing::guesses(BodyForm::JsonSortedBatch, received);
    bytes
        .into_iter()
        .chain(form::guesses(received))
        .chain(framing)
        .chain(json.unwrap_or_default())
        .find(|v| v.bytes == original)
}

/// Nothing reproduced the signature, for schemes that sign the URL or bind
/// the body by its hash: the URL is the likeliest culprit behind a proxy,
/// and a signature that held over the URL alone means the body changed.
/// Returns whether the finding it added outranks the others.
fn url_and_hash_causes(
    search: &Search,
    keys: &Keys,
    request: &Request,
    causes: &mut Vec<Cause>,
) -> bool {
    if keys.signature_held_without_body() {
        causes.push(Cause::BodyHashMismatch {
            detail: "the body's hash differs from the one in the signed URL".to_string(),
        });
        return true;
    }
    if let Some(url) = request
        .url
        .as_ref()
        .filter(|_| search.provider.scheme().signs_url())
    {
        causes.push(Cause::UrlMismatch {
            given: url.clone(),
            signed: None,
            detail: "another URL".to_string(),
            confidence: Confidence::Likely,
            ruled_out: search.tried_urls.clone(),
        });
        return causes.len() == 1;
    }
    false
}

/// Nothing reproduced the signature: say what is likeliest, and what was tried.
fn unexplained(search: &Search, ctx: &Context, unusable_primary: bool, causes: &mut Vec<Cause>) {
    let received = search.received;
    let original = ctx.original_body.filter(|o| *o != received);
    let ruled_out_bodies = search.tried.clone();
    let body_cause = |confidence| {
        let (mutation, detail) = match original {
            Some(o) => match classify(received, o, search.provider) {
                Some(v) => (v.mutation, v.detail),
                None => (Mutation::Unknown, DIFFERS_FROM_ORIGINAL.to_string()),
            },
            None => (
                Mutation::Unknown,
                "the body may have been changed in a way hookcli cannot reproduce".to_string(),
            ),
        };
        Cause::BodyMutated {
            mutation,
            detail,
            confidence,
            diff: original.and_then(|o| diff::byte_diff(received, o)),
            ruled_out: ruled_out_bodies.clone(),
        }
    };
    let secret_cause = |confidence| Cause::WrongSecret {
        provider: search.provider,
        matched_secret: None,
        verifying_secret: ctx.secrets[0].label().to_string(),
        confidence,
        ruled_out: search.ruled_out_secrets(ctx.secrets),
    };
    if original.is_some() {
        causes.push(body_cause(Confidence::Certain));
        if !unusable_primary {
            causes.push(secret_cause(Confidence::Likely));
        }
    } else if unusable_primary {
        // The verifying secret cannot be right; that finding stands alone.
    } else if let Some(signs) = search.signs_of_reencoding() {
        causes.push(Cause::BodyMutated {
            mutation: Mutation::ReserializedJson,
            detail: evidence::detail(&signs),
            confidence: Confidence::Likely,
            diff: None,
            ruled_out: ruled_out_bodies.clone(),
        });
        causes.push(secret_cause(Confidence::Possible));
    } else if ctx.original_body.is_some() || search.intact {
        causes.push(secret_cause(Confidence::Likely));
        if ctx.original_body.is_none() {
            causes.push(body_cause(Confidence::Possible));
        }
    } else {
        causes.push(body_cause(Confidence::Likely));
        causes.push(secret_cause(Confidence::Possible));
    }
}

/// The JSON form a provider writes its payloads in: Stripe pretty-prints
/// with two spaces; the others are compact.
fn native_form(provider: Provider) -> &'static str {
    match provider.spec().body {
        BodyForm::JsonPretty2 => "pretty2",
        BodyForm::JsonCompactEscaped => "shopify",
        BodyForm::JsonCompact
        | BodyForm::JsonStringify
        | BodyForm::Form
        | BodyForm::JsonSortedBatch => "compact",
    }
}

/// Trying bodies against keys, likeliest and cheapest first.
struct Search<'k, 'r, 'b> {
    keys: &'k Keys<'k, 'r>,
    received: &'b [u8],
    parts: Parts<'b>,
    original: Option<&'b [u8]>,
    provider: Provider,
    /// Labels of the body guesses tried.
    tried: Vec<String>,
    /// The URLs tried, with what each supposes.
    tried_urls: Vec<String>,
    /// The received body is byte for byte the provider's own serialization,
    /// keys in the provider's order (set by every `run` that finds
    /// nothing, before it returns).
    intact: bool,
    /// An intact body holds an integer rounded through a double.
    rounded: bool,
    /// Skip the guesses an intact body rules out.
    fast: bool,
}

impl<'k, 'r, 'b> Search<'k, 'r, 'b> {
    fn new(
        keys: &'k Keys<'k, 'r>,
        provider: Provider,
        parts: Parts<'b>,
        original: Option<&'b [u8]>,
    ) -> Self {
        let received = parts.body;
        Search {
            keys,
            received,
            parts,
            original: original.filter(|o| *o != received),
            provider,
            tried: Vec::new(),
            tried_urls: Vec::new(),
            intact: false,
            rounded: false,
            fast: true,
        }
    }

    /// For schemes that sign the URL: the URLs a proxy or framework may
    /// have changed, over the body as received, with the verifier's own keys.
    fn try_urls(&mut self) -> Option<Hit> {
        let scheme = self.provider.scheme();
        let url = self.parts.url.filter(|_| scheme.signs_url())?;
        let json = serde_json::from_slice::<serde::de::IgnoredAny>(self.received).is_ok();
        let bound = json
            .then(|| scheme.delivery_url(url, self.received, BodyForm::JsonCompact))
            .flatten();
        for guess in urls::guesses(url, self.parts.headers, bound) {
            if let Some(key) = self
                .keys
                .find_at(Some(&guess.url), self.received, |k| k.tweak.with_variants())
            {
                return Some(Hit {
                    key,
                    body: SignedBody::Received,
                    url: Some(guess),
                });
            }
            self.tried_urls
                .push(format!("{} ({})", guess.url, guess.label));
        }
        None
    }

    fn run(&mut self) -> Option<Hit> {
        let keys = self.keys;
        // The diff already tried every secret as given over the received body.
        if let Some(key) = keys.find(self.received, |k| k.tweak != Tweak::AsGiven) {
            return Some(Hit {
                key,
                body: SignedBody::Received,
                url: None,
            });
        }
        if let Some(original) = self.original
            && let Some(key) = keys.find(original, |_| true)
        {
            return Some(Hit {
                key,
                body: SignedBody::Original,
                url: None,
            });
        }
        if let Some(hit) = self.try_urls() {
            return Some(hit);
        }
        let mut seen: Vec<Vec<u8>> = Vec::new();
        let tail = variants::byte_guesses_where(self.received, |m| m == Mutation::TrailingNewline);
        if let Some(hit) = self.try_variants(tail, &mut seen) {
            return Some(hit);
        }
        if let Some(hit) = self.try_variants(form::guesses(self.received), &mut seen) {
            return Some(hit);
        }
        let form = self.provider.spec().body;
        if let Some(hit) = self.try_variants(framing::guesses(form, self.received), &mut seen) {
            return Some(hit);
        }
        // A body that is byte for byte what the provider itself writes kept
        // its layout on the way: the guesses that would undo a change of
        // layout (CRLF, BOM, base64, another JSON layout) would undo
        // something the provider never does. Only a change of charset keeps
        // the layout (mojibake is valid UTF-8 in the same JSON). Checked by
        // streaming, with no tree built, so the commonest failure (a wrong
        // secret over an intact body) costs a handful of HMACs, not a dozen
        // re-serializations.
        let native = native_form(self.provider);
        let order = self.provider.scheme().key_order();
        self.intact = match framing::is_native(form, self.received) {
            Some(native) => native,
            // A provider form serde_json does not write (Shopify's escapes):
            // intact only if it writes itself back byte for byte.
            None if !variants::is_serde_layout(native) => {
                variants::transcodes_to_itself(self.received, native)
            }
            None => {
                let indent = variants::form_indent(native);
                let shape = layout::scan(self.received, indent, order);
                self.rounded = shape.is_some_and(|s| s.rounded_integer);
                shape.is_some_and(|s| s.keys_as(order))
            }
        };
        let skip = self.fast && self.intact;
        let rest = variants::byte_guesses_where(self.received, |m| match m {
            Mutation::TrailingNewline => false,
            Mutation::Charset => true,
            _ => !skip,
        });
        if let Some(hit) = self.try_variants(rest, &mut seen) {
            return Some(hit);
        }
        if skip {
            self.tried.push(format!(
                "line endings, BOM, base64 and JSON re-serialization: the body is byte for byte {}'s own serialization ({})",
                self.provider,
                framing::describe(form).unwrap_or_else(|| variants::form_description(native))
            ));
            return None;
        }
        let json = Json::parse(self.received)?;
        let mut guesses = variants::json_guesses_from(&json, self.received, Some(native));
        // The provider's own form is the likeliest original: as received,
        // then with what the provider is known to write put back.
        if let Some(i) = guesses.iter().position(|v| v.label == native) {
            let own = guesses.remove(i);
            guesses.insert(0, own);
        }
        let restored = restore::guesses(&json, self.provider, native);
        guesses.splice(1.min(guesses.len())..1.min(guesses.len()), restored);
        self.try_variants(guesses, &mut seen)
    }

    /// After a `run` that found nothing: the signs that the body was
    /// re-encoded, if it shows any.
    fn signs_of_reencoding(&self) -> Option<Vec<String>> {
        let signs = if self.intact {
            // Intact but for a number: the one sign the scan can see.
            if !self.rounded {
                return None;
            }
            vec![
                "an integer above 2^53 has a double's precision (JavaScript and Go's float64 \
                 round large integers)"
                    .to_string(),
            ]
        } else {
            evidence::signs(self.received, self.provider)
        };
        (!signs.is_empty()).then_some(signs)
    }

    fn try_variants(&mut self, guesses: Vec<Variant>, seen: &mut Vec<Vec<u8>>) -> Option<Hit> {
        for variant in guesses {
            let bytes = &variant.bytes;
            if bytes == self.received
                || Some(bytes.as_slice()) == self.original
                || seen.contains(bytes)
            {
                continue;
            }
            self.tried.push(match variant.mutation {
                Mutation::ReserializedJson => format!("JSON re-serialized as {}", variant.label),
                _ => format!("body {}", variant.label),
            });
            // Guesses at the end of the body cost next to nothing (see
            // `Keys::sign`), so they get every key.
            let every_key = variant.mutation == Mutation::TrailingNewline;
            if let Some(key) = self
                .keys
                .find(bytes, |k| every_key || k.tweak.with_variants())
            {
                return Some(Hit {
                    key,
                    body: SignedBody::Variant(variant),
                    url: None,
                });
            }
            seen.push(variant.bytes);
        }
        None
    }

    /// One line per secret: its label, fingerprint and the forms tried.
    fn ruled_out_secrets(&self, secrets: &[Secret]) -> Vec<String> {
        secrets
            .iter()
            .enumerate()
            .map(|(i, secret)| {
                let forms: Vec<&str> = self
                    .keys
                    .keys
                    .iter()
                    .filter(|k| k.secret == i)
                    .map(|k| k.tweak.describe())
                    .collect();
                let forms = if forms.is_empty() {
                    "no usable key".to_string()
                } else {
                    forms.join(", ")
                };
                format!("{secret}: {forms}")
            })
            .collect()
    }
}
