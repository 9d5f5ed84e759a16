//! `hookcli check`: audit a running webhook endpoint the way providers and
//! attackers treat it. Pure: the battery builds requests, hands them to an
//! [`Exchange`] (the command's is the HTTP client in `crate::send`; tests
//! use an in-process double), and grades what came back. No clock, no
//! network, no terminal here.
//!
//! One file per group of checks (`genuine`, `forgery`, `semantics`,
//! `timing`, `robust`, `handshake`), the black-box explanation of a
//! rejected genuine delivery (`why`), the grading (`grade`), the renderers
//! (`render`). Everything that depends on the provider is in `profile`.

mod build;
mod forgery;
mod genuine;
pub mod grade;
mod handshake;
pub mod observer;
pub mod profile;
pub mod render;
mod robust;
mod semantics;
mod session;
mod sign;
mod timing;
mod why;

pub use build::BodyVariant;
pub use session::{Exchange, Probe, SentEvent};

use crate::fixtures::FixtureError;
use crate::provider::Provider;
use crate::secret::Secret;
use profile::Profile;
use session::Session;
use std::fmt;
use std::time::Duration;

/// How bad a failure of a check is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Critical,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Critical => "critical",
        }
    }
}

/// What a check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Pass,
    Fail,
    Warn,
    /// Nothing the endpoint answered can show the property (no observer,
    /// or genuine deliveries are rejected so a rejection proves nothing).
    Unverified,
    Skip,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Warn => "warn",
            Status::Unverified => "unverified",
            Status::Skip => "skip",
        }
    }
}

/// The groups checks are reported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    Genuine,
    Forgery,
    Semantics,
    Timing,
    Robustness,
    Handshake,
}

impl Group {
    pub fn name(self) -> &'static str {
        match self {
            Group::Genuine => "genuine",
            Group::Forgery => "forgery",
            Group::Semantics => "semantics",
            Group::Timing => "timing",
            Group::Robustness => "robustness",
            Group::Handshake => "handshake",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Group::Genuine => "Accepts genuine deliveries",
            Group::Forgery => "Rejects forgeries",
            Group::Semantics => "Delivery semantics",
            Group::Timing => "Time and load",
            Group::Robustness => "Robustness",
            Group::Handshake => "Provider handshakes",
        }
    }
}

/// A check every provider's audit runs (handshakes come from the profile).
#[derive(Debug, Clone, Copy)]
pub struct CheckDef {
    pub id: &'static str,
    pub group: Group,
    /// Severity unless the profile says otherwise.
    pub severity: Severity,
}

const fn def(id: &'static str, group: Group, severity: Severity) -> CheckDef {
    CheckDef {
        id,
        group,
        severity,
    }
}

use Group::*;
use Severity::*;

/// The general checks, in the order they run. Their ids are a public
/// interface (docs/checks.md).
pub const CHECKS: &[CheckDef] = &[
    def("valid_delivery_accepted", Genuine, Critical),
    def("no_redirect", Genuine, Critical),
    def("raw_body_preserved", Genuine, Critical),
    def("unknown_event_type_acknowledged", Genuine, Warning),
    def("large_payload_accepted", Genuine, Warning),
    def("clock_skew_tolerated", Genuine, Info),
    def("rotation_any_signature_matches", Genuine, Warning),
    def("unknown_scheme_ignored", Genuine, Warning),
    def("bad_signature_rejected", Forgery, Critical),
    def("missing_signature_rejected", Forgery, Critical),
    def("tampered_body_rejected", Forgery, Critical),
    def("empty_secret_forgery_rejected", Forgery, Critical),
    def("stale_timestamp_rejected", Forgery, Warning),
    def("future_timestamp_rejected", Forgery, Warning),
    def("downgrade_rejected", Forgery, Warning),
    def("malformed_signature_no_crash", Forgery, Critical),
    def("redelivery_idempotent", Semantics, Critical),
    def("concurrent_duplicate_once", Semantics, Warning),
    def("replay_is_noop", Semantics, Warning),
    def("out_of_order_tolerated", Semantics, Warning),
    def("ack_within_budget", Timing, Warning),
    def("burst_within_budget", Timing, Warning),
    def("malformed_json_4xx", Robustness, Warning),
    def("empty_body_rejected", Robustness, Info),
    def("oversized_payload_bounded", Robustness, Info),
    def("unexpected_content_type", Robustness, Info),
    def("wrong_method_405", Robustness, Info),
    def("error_body_hygiene", Robustness, Warning),
    def("liveness_after_abuse", Robustness, Critical),
];

/// Every check id any provider's audit may report: the general ones, then
/// each profile's handshakes.
pub fn all_ids() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = CHECKS.iter().map(|c| c.id).collect();
    for p in profile::PROFILES {
        for h in p.handshakes {
            if !ids.contains(&h.id) {
                ids.push(h.id);
            }
        }
    }
    ids
}

/// A secret as reports show it: where it came from and a fingerprint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretRef {
    pub label: String,
    pub fingerprint: String,
}

impl SecretRef {
    pub fn of(secret: &Secret) -> Self {
        SecretRef {
            label: secret.label().to_string(),
            fingerprint: secret.fingerprint(),
        }
    }
}

/// Why a genuine delivery was rejected, found black-box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailureCause {
    /// A stable id (docs/checks.md, "Causes").
    pub id: &'static str,
    pub message: String,
}

/// One request a check sent and what came back.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// What the request tried (`signed with an empty key`).
    pub label: String,
    /// The request in one line: method, body size and form, signature
    /// header, the secret it was signed with (label and fingerprint).
    pub request: String,
    pub status: Option<u16>,
    pub latency_ms: Option<f64>,
    /// The start of the answer's body, escaped for a terminal.
    pub answer: Option<String>,
    /// Why no answer came.
    pub error: Option<String>,
}

/// The result of one check.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub id: &'static str,
    pub group: Group,
    pub status: Status,
    pub severity: Severity,
    pub summary: String,
    pub evidence: Vec<Evidence>,
    /// What to change; `None` when there is nothing to change.
    pub fix: Option<String>,
    pub cause: Option<FailureCause>,
    pub matched_secret: Option<SecretRef>,
}

impl Finding {
    pub fn new(id: &'static str, group: Group, severity: Severity) -> Finding {
        Finding {
            id,
            group,
            status: Status::Pass,
            severity,
            summary: String::new(),
            evidence: Vec::new(),
            fix: None,
            cause: None,
            matched_secret: None,
        }
    }
}

/// The whole audit.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckReport {
    pub target: String,
    pub provider: &'static str,
    pub checks: Vec<Finding>,
    /// Requests sent.
    pub deliveries: usize,
    /// Wall time, filled in by the caller (the core reads no clock).
    pub elapsed: Duration,
    pub budget: Duration,
    pub observer: Option<String>,
    /// Why the audit stopped sending early, if it did.
    pub stopped: Option<String>,
}

/// Which checks to report.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub only: Vec<String>,
    pub skip: Vec<String>,
}

impl Selection {
    pub fn wants(&self, id: &str) -> bool {
        (self.only.is_empty() || self.only.iter().any(|o| o == id))
            && !self.skip.iter().any(|s| s == id)
    }
}

/// What an audit needs, resolved by the command.
pub struct Plan<'a> {
    pub target: String,
    pub provider: Provider,
    /// Candidate secrets; the first is the one the app should hold.
    pub secrets: &'a [Secret],
    pub budget: Duration,
    pub selection: Selection,
    /// The idempotency observer's URL, when given.
    pub observer: Option<String>,
    /// Seed for event ids and forged secrets.
    pub seed: u64,
    /// Stop sending once this much request time has been spent.
    pub max_time: Duration,
    /// Deliveries in the burst, and how many at once.
    pub burst: (usize, usize),
}

/// Why an audit could not run at all (exit 2).
#[derive(Debug)]
pub enum AuditError {
    /// The first delivery found nothing to talk to.
    Unreachable(crate::send::DeliveryError),
    Fixture(FixtureError),
    Setup(String),
}

impl fmt::Display for AuditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AuditError::Unreachable(e) => write!(f, "{e}"),
            AuditError::Fixture(e) => write!(f, "{e}"),
            AuditError::Setup(m) => f.write_str(m),
        }
    }
}

impl From<FixtureError> for AuditError {
    fn from(e: FixtureError) -> Self {
        AuditError::Fixture(e)
    }
}

const NOT_SELECTED: &str = "not selected (--only / --skip)";

/// Shared state of a running audit: the plan, its profile, the request
/// builder, the session and what the first checks learnt.
pub(crate) struct Audit<'p, 'e> {
    pub plan: &'p Plan<'p>,
    pub profile: &'static Profile,
    pub build: build::Builder,
    pub session: Session<'e>,
    /// The secret and body form the app accepts, once known.
    pub baseline: Option<build::Baseline>,
    /// The first genuine delivery's result (no_redirect, ack_within_budget).
    pub first: Option<(
        Result<crate::send::Response, crate::send::DeliveryError>,
        Evidence,
    )>,
    pub findings: Vec<Finding>,
}

impl Audit<'_, '_> {
    pub fn def(&self, id: &'static str) -> CheckDef {
        *CHECKS
            .iter()
            .find(|c| c.id == id)
            .expect("every check id is in CHECKS")
    }

    pub fn wants(&self, id: &str) -> bool {
        self.plan.selection.wants(id)
    }

    /// A finding for `id` with its default severity.
    pub fn finding(&self, id: &'static str) -> Finding {
        let d = self.def(id);
        Finding::new(id, d.group, d.severity)
    }

    /// A finding to fill in for `id`, or `None` (recorded as skipped)
    /// when the check was not selected: then it sends nothing.
    pub fn begin(&mut self, id: &'static str) -> Option<Finding> {
        if self.wants(id) {
            Some(self.finding(id))
        } else {
            self.skip(id, NOT_SELECTED);
            None
        }
    }

    pub fn push(&mut self, f: Finding) {
        self.findings.push(f);
    }

    /// Records `id` as skipped with a reason.
    pub fn skip(&mut self, id: &'static str, why: impl Into<String>) {
        let mut f = self.finding(id);
        f.status = Status::Skip;
        f.summary = why.into();
        self.findings.push(f);
    }

    /// Records `id` as unverified because no genuine delivery is accepted.
    pub fn no_baseline(&mut self, id: &'static str) {
        let mut f = self.finding(id);
        f.status = Status::Unverified;
        f.summary =
            "not meaningful: the app rejects genuine deliveries (see valid_delivery_accepted)"
                .into();
        self.findings.push(f);
    }

    pub fn primary(&self) -> &Secret {
        &self.plan.secrets[0]
    }

    /// A fresh genuine event of fixture `name`, signed `offset` seconds from
    /// now in the form and with the secret the app accepts; `None` when no
    /// genuine delivery is accepted.
    pub fn genuine(
        &mut self,
        name: &str,
        offset: i64,
        overrides: &[crate::fixtures::Override],
    ) -> Option<(crate::fixtures::Event, Probe)> {
        let base = self.baseline.clone()?;
        let now = self.session.now();
        let event = build::reform(&self.build.event(name, now + offset, overrides), base.form);
        let req = self.build.signed(&event, &base.secret);
        Some((event, req))
    }

    /// Sends `req` and returns the result with its evidence.
    pub fn send(
        &mut self,
        label: impl Into<String>,
        req: &Probe,
    ) -> (
        Result<crate::send::Response, crate::send::DeliveryError>,
        Evidence,
    ) {
        let result = self.session.send(req);
        let ev = self.session.evidence(label, req, &result);
        (result, ev)
    }

    /// A genuine delivery taken apart for forging: its event and headers,
    /// its signature, a signature over the same message by a secret the
    /// app does not hold, and the genuine key. Made with what the app
    /// accepts, or with the primary secret when nothing is accepted.
    pub fn forge_base(&mut self) -> Option<ForgeBase> {
        let provider = self.plan.provider;
        let now = self.session.now();
        let event = self.build.event(self.profile.genuine_event, now, &[]);
        let (event, secret) = match self.baseline.clone() {
            Some(b) => (build::reform(&event, b.form), b.secret),
            None => (event, self.primary().clone()),
        };
        let headers = self.build.headers(&event, &secret).ok()?;
        let signature = sign::signature(provider, &headers)?;
        let stranger = self.build.headers(&event, &self.build.stranger).ok()?;
        let other = sign::signature(provider, &stranger)?;
        let key = sign::key(provider, &secret).ok()?;
        Some(ForgeBase {
            event,
            headers,
            signature,
            other,
            key,
            secret,
        })
    }
}

/// See [`Audit::forge_base`].
pub(crate) struct ForgeBase {
    pub event: crate::fixtures::Event,
    pub headers: crate::request::Headers,
    pub signature: String,
    pub other: String,
    pub key: Vec<u8>,
    pub secret: Secret,
}

impl ForgeBase {
    pub fn input(&self, header: &'static str) -> profile::ForgeInput<'_> {
        profile::ForgeInput {
            headers: &self.headers,
            header,
            signature: &self.signature,
            other: &self.other,
            timestamp: self.event.timestamp,
            key: &self.key,
            body: &self.event.body,
        }
    }
}

/// Runs the audit against `exchange` and grades it.
pub fn audit(plan: &Plan, exchange: &mut dyn Exchange) -> Result<CheckReport, AuditError> {
    let profile = profile::for_provider(plan.provider.name()).ok_or_else(|| {
        AuditError::Setup(format!("no audit profile for {}", plan.provider.name()))
    })?;

    if plan.secrets.is_empty() {
        return Err(AuditError::Setup("no signing secret".into()));
    }
    let build = build::Builder::new(plan.provider, profile, plan.seed, &plan.target)?;
    let mut a = Audit {
        plan,
        profile,
        build,
        session: Session::new(exchange, plan.max_time),
        baseline: None,
        first: None,
        findings: Vec::new(),
    };
    for s in plan.secrets {
        let value = s.expose().to_string();
        a.session
            .leak_markers
            .push((value.clone(), format!("the secret {}", s.label())));
        a.session.secrets.push((value, s.label().to_string()));
    }
    genuine::valid_delivery(&mut a)?;
    genuine::no_redirect(&mut a);
    timing::ack_within_budget(&mut a);
    genuine::raw_body(&mut a);
    genuine::unknown_event_type(&mut a);
    genuine::large_payload(&mut a);
    genuine::clock_skew(&mut a);
    genuine::rotation(&mut a);
    genuine::unknown_scheme(&mut a);
    handshake::all(&mut a);
    forgery::all(&mut a);
    semantics::all(&mut a);
    robust::before_burst(&mut a);
    timing::burst(&mut a);
    robust::liveness(&mut a);
    robust::hygiene(&mut a);

    let mut checks = std::mem::take(&mut a.findings);
    // Checks not selected are reported as skipped, in battery order.
    for f in &mut checks {
        if !plan.selection.wants(f.id) {
            *f = Finding {
                status: Status::Skip,
                summary: NOT_SELECTED.into(),
                evidence: Vec::new(),
                fix: None,
                cause: None,
                matched_secret: None,
                ..f.clone()
            };
        }
    }
    order(&mut checks);
    Ok(CheckReport {
        target: plan.target.clone(),
        provider: profile.provider,
        checks,
        deliveries: a.session.sent(),
        elapsed: Duration::ZERO,
        budget: plan.budget,
        observer: plan.observer.clone(),
        stopped: a.session.stopped().map(str::to_string),
    })
}

/// Sorts findings by group, keeping battery order within a group.
fn order(checks: &mut [Finding]) {
    checks.sort_by_key(|f| f.group);
}

#[cfg(test)]
mod tests;
