//! Provider handshakes: requests a provider sends to set up or check an
//! endpoint (GitHub's `ping`), listed per provider in the profile.

use super::session::{is_2xx, status_of};
use super::{Audit, Finding, Group, Status};

pub fn all(a: &mut Audit) {
    for h in a.profile.handshakes {
        let mut f = Finding::new(h.id, Group::Handshake, h.severity);
        if !a.wants(h.id) {
            f.status = Status::Skip;
            f.summary = super::NOT_SELECTED.into();
            a.push(f);
            continue;
        }
        a.session.check = h.id;
        let now = a.session.now();
        let event = a.build.event(h.event, now, &[]);
        let (event, secret) = match a.baseline.clone() {
            Some(b) => (super::build::reform(&event, b.form), b.secret),
            None => (event, a.primary().clone()),
        };
        let req = a.build.signed(&event, &secret);
        let (result, ev) = a.send(h.what, &req);
        let wrong_answer = match (h.answer, &result) {
            (Some(expected), Ok(r)) if is_2xx(&result) => {
                let want: serde_json::Value =
                    serde_json::from_str(expected).expect("a profile's answer is JSON");
                (serde_json::from_slice::<serde_json::Value>(&r.body).ok() != Some(want))
                    .then(|| String::from_utf8_lossy(&r.body).into_owned())
            }
            _ => None,
        };
        if let Some(body) = wrong_answer {
            f.status = Status::Fail;
            f.summary = format!(
                "{} is answered {}, not {}",
                h.what,
                crate::escape::for_terminal(&body.chars().take(80).collect::<String>()),
                h.answer.unwrap_or_default()
            );
            f.fix = Some(h.fix.into());
            f.evidence.push(ev);
        } else if is_2xx(&result) {
            f.summary = format!(
                "answers {} to {}",
                status_of(&result).unwrap_or_default(),
                h.what
            );
        } else if a.baseline.is_none() {
            f.status = Status::Unverified;
            f.summary =
                "not meaningful: the app rejects genuine deliveries (see valid_delivery_accepted)"
                    .into();
        } else {
            f.status = Status::Fail;
            f.summary = format!(
                "{} gets {}",
                h.what,
                status_of(&result).map_or("no answer".into(), |s| s.to_string())
            );
            f.fix = Some(h.fix.into());
            f.cause = super::why::classify(a, &result);
            f.evidence.push(ev);
        }
        a.push(f);
    }
}
