//! `hookcli send --count N`: load mode. Every request is rendered from the
//! fixture's template and signed afresh inside the workers, and recorded
//! (as its delta against the run's template) before it is sent, so a
//! listener on the other end can already find the exact bytes hookcli
//! signed. The store is a side matter here: when it cannot be used, a
//! warning says why and the run goes on. Touches the network (through
//! `crate::send::load`), the event store and the output (progress and the
//! summary).

use super::{SendPlan, usage};
use crate::cli::SendArgs;
use crate::clock::now_s;
use crate::commands::sign::{sign_input, signer};
use crate::commands::{EventSettings, Globals, Recording, signature_of};
use crate::exit::{ExitStatus, Hinted};
use crate::fixtures::{Fixture, Override, RenderOptions};
use crate::ids::IdSource;
use crate::output;
use crate::secret::Secret;
use crate::send::load::{self, Done, LoadPlan, Prepared, Recorded};
use crate::send::report::{self, LoadInfo};
use crate::send::{Client, ClientOptions};
use crate::store::load::{
    LoadBlock, LoadOutcome, LoadRun, LoadSent, NewLoadRun, RunTemplate, Values,
};
use crate::store::{Store, Writer};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A load run being recorded, shared by the workers.
struct Recorder {
    run: LoadRun,
    writer: Writer,
    /// Set at the first failure to record: the run goes on unrecorded.
    failed: AtomicBool,
    why: Mutex<Option<String>>,
    unrecorded: AtomicU64,
}

impl Recorder {
    /// Records what the workers kept of a block about to be sent and the
    /// outcomes of earlier ones; resolves once committed.
    fn record(
        self: &Arc<Self>,
        mut block: LoadBlock,
        done: Vec<Done>,
        slack: Duration,
    ) -> Recorded {
        let sent = block.sent() as u64;
        if self.failed.load(Ordering::Relaxed) {
            self.unrecorded.fetch_add(sent, Ordering::Relaxed);
            return Box::pin(std::future::ready(()));
        }
        for d in &done {
            let (status, latency_ms, error) = match &d.result {
                Ok(r) => (Some(r.status), Some(r.latency.as_secs_f64() * 1000.0), None),
                Err(e) => (None, None, Some(e.to_string())),
            };
            self.run.push_outcome(
                &mut block,
                &LoadOutcome {
                    seq: d.index,
                    sent_ms: d.sent_ms,
                    status,
                    latency_ms,
                    error: error.as_deref(),
                },
            );
        }
        let committed = self.writer.record_load(block, slack);
        let me = self.clone();
        Box::pin(async move {
            if let Err(why) = committed.await {
                me.unrecorded.fetch_add(sent, Ordering::Relaxed);
                if !me.failed.swap(true, Ordering::Relaxed) {
                    output::note(&format!(
                        "warning: load deliveries from here on are not recorded: {why}"
                    ));
                    if let Ok(mut w) = me.why.lock() {
                        *w = Some(why);
                    }
                }
            }
        })
    }
}

/// Load mode: `count` uniquely signed copies, `concurrency` in flight.
pub(super) fn run(
    args: &SendArgs,
    globals: &Globals,
    settings: &SendPlan,
    event_settings: &EventSettings,
    fixture: &Fixture,
    secret: Secret,
    count: u64,
) -> anyhow::Result<ExitStatus> {
    let provider = fixture.provider;
    let overrides: Arc<Vec<Override>> = Arc::new(event_settings.overrides.clone());
    let ids: IdSource = event_settings.ids;
    let fixed = settings.fixed_timestamp;
    // Fail early (exit 2) on a fixture or secret that cannot render or sign.
    let probe = fixture
        .render(&RenderOptions {
            timestamp: 0,
            ids,
            sequence: 0,
            overrides: &overrides,
        })
        .map_err(Hinted::from)?;
    let signer = Arc::new(signer(provider, &secret)?);
    let (posted, signed_url) = settings.urls(&probe)?;
    if posted != settings.url {
        return Err(usage(
            format!(
                "{provider} puts a hash of each body in the URL it posts to, and load mode posts to one URL"
            ),
            "send these events without --count",
        )
        .into());
    }
    let url: Arc<str> = signed_url.into();
    // Every request signs the same way; one that cannot is refused here.
    let probe_headers = signer
        .sign(&sign_input(&probe, Some(&url)))
        .map_err(|e| Hinted::usage(e.to_string(), e.hint()))?;
    // The request line, Host and Content-Length, at most.
    let request_bytes = probe.body.len()
        + url.len()
        + 64
        + probe_headers
            .iter()
            .map(|(n, v)| n.len() + v.len() + 4)
            .sum::<usize>();
    let event_type: Arc<str> = probe.event_type.into();
    // Serialized once; each request only fills in its ids and timestamp.
    let template = Arc::new(
        fixture
            .template(&overrides, rand::random())
            .map_err(Hinted::from)?,
    );

    let recorder = match globals.recording()? {
        Recording::Off => None,
        Recording::Broken(e) => {
            output::note(&format!("warning: not recording: {}", e.line()));
            None
        }
        Recording::On(store) => {
            let started = fixed.unwrap_or_else(now_s);
            match start_run(store, &template, &signer, &url, &secret, started, ids) {
                Ok(r) => Some(Arc::new(r)),
                Err(e) if globals.store_named => return Err(Hinted::from(e).into()),
                Err(e) => {
                    output::note(&format!("warning: not recording: {}", e.line()));
                    None
                }
            }
        }
    };

    let prepare = {
        let (template, signer, url) = (template.clone(), signer.clone(), url.clone());
        let run = recorder.as_ref().map(|r| r.run.clone());
        move |index: u64, kept: &mut LoadBlock| {
            let timestamp = fixed.unwrap_or_else(now_s);
            let (event, holes) = template.render_with_holes(timestamp, ids, index);
            // The probe above signed this event's kind for this URL.
            let headers = signer
                .sign(&sign_input(&event, Some(&url)))
                .unwrap_or_default();
            if let Some(run) = &run {
                let signature = match run.signature_in(&headers, timestamp, &event.event_id) {
                    Some(s) => std::borrow::Cow::Borrowed(s),
                    None => signature_of(provider, &headers).into(),
                };
                run.push_sent(
                    kept,
                    &LoadSent {
                        seq: index,
                        values: Values {
                            timestamp,
                            signature: &signature,
                            event_id: &event.event_id,
                        },
                        headers: &headers,
                        body: &event.body,
                        holes: Some(&holes),
                    },
                );
            }
            Prepared {
                headers,
                body: bytes::Bytes::from(event.body),
            }
        }
    };
    let record = {
        let recorder = recorder.clone();
        move |kept: LoadBlock, done: Vec<Done>, slack: Duration| -> Recorded {
            match &recorder {
                Some(r) => r.record(kept, done, slack),
                None => Box::pin(std::future::ready(())),
            }
        }
    };
    let progress = output::progress(count, "sending");
    let on_done = {
        let progress = progress.clone();
        let visible = !progress.is_hidden();
        move |_: &Done| {
            if visible {
                progress.inc(1);
            }
        }
    };
    let plan = LoadPlan {
        url: settings.url.clone(),
        timeout: settings.timeout,
        count,
        concurrency: args.concurrency,
        request_bytes,
        expect: settings.expect.clone(),
        budget: settings.budget,
    };
    let client = Client::new(&ClientOptions {
        timeout: settings.timeout,
        insecure: args.insecure,
        pool_size: args.concurrency,
    })
    .map_err(|e| usage(e.to_string(), &e.hint()))?;
    // One worker per CPU this process may run on (so `taskset -c 1` means
    // one, on a current-thread runtime).
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let rt = crate::send::runtime(Some(workers))?;
    let (stats, sending) = rt.block_on(load::run(client, plan, prepare, record, on_done));
    progress.finish_and_clear();
    // The rate counts the time to record the last deliveries too.
    let draining = Instant::now();
    if let Some(r) = &recorder {
        r.writer.finish();
        let unrecorded = r.unrecorded.load(Ordering::Relaxed);
        if unrecorded > 0 {
            let why = r
                .why
                .lock()
                .ok()
                .and_then(|w| w.clone())
                .unwrap_or_default();
            output::note(&format!(
                "warning: {unrecorded} of {count} deliveries were not recorded: {why}"
            ));
        }
    }
    let summary = stats.summary(sending + draining.elapsed());
    let info = LoadInfo {
        url: &settings.url,
        event_type: &event_type,
        concurrency: args.concurrency,
        expect: &settings.expect,
        budget: settings.budget,
    };
    if args.json {
        output::json(&report::summary_json(&info, &summary))?;
    } else {
        output::stdout(&report::summary_human(&info, &summary))?;
    }
    Ok(if summary.failed == 0 {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

/// Records the run's template, from one request made as the run's are
/// (the first), and starts the writer.
fn start_run(
    mut store: Store,
    template: &crate::fixtures::Template,
    signer: &crate::provider::Signer,
    url: &str,
    secret: &Secret,
    timestamp: i64,
    ids: IdSource,
) -> Result<Recorder, crate::store::StoreError> {
    let sample = template.render(timestamp, ids, 0);
    let headers = signer
        .sign(&sign_input(&sample, Some(url)))
        .unwrap_or_default();
    let signature = signature_of(sample.provider, &headers);
    let run_template = RunTemplate::new(
        template.parts(),
        &headers,
        &Values {
            timestamp,
            signature: &signature,
            event_id: &sample.event_id,
        },
    );
    let run = store
        .start_load_run(NewLoadRun {
            provider: sample.provider.name(),
            event_type: &sample.event_type,
            url,
            secret_label: secret.label(),
            secret_fp: &secret.fingerprint(),
            template: run_template,
            base_ts: timestamp,
        })
        .map_err(|e| store.fault(&e))?;
    Ok(Recorder {
        run,
        writer: Writer::start(store),
        failed: AtomicBool::new(false),
        why: Mutex::new(None),
        unrecorded: AtomicU64::new(0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{builtin_names, resolve};
    use crate::provider::{Provider, keypair};

    /// The recorder reads each request's signature where the run's
    /// template has it instead of parsing the headers: for every provider's
    /// fixtures, at several times and sequence numbers, what it reads is
    /// what the provider's parsing gives, and it reads one wherever that
    /// parsing finds one.
    #[test]
    fn the_signature_read_from_the_template_is_the_one_parsing_gives() {
        let url = "http://127.0.0.1:4242/webhooks";
        let mut read_by = std::collections::BTreeSet::new();
        for p in Provider::ALL.iter().copied() {
            let (signing, _) =
                keypair::test_secrets(p.spec().algorithm, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
            let signer = crate::provider::Signer::new(p, &Secret::new(signing, "test")).unwrap();
            for (_, name) in builtin_names(Some(p)) {
                let fixture = resolve(&name, Some(p), &[]).unwrap();
                let Ok(template) = fixture.template(&[], 7) else {
                    continue;
                };
                let ids = IdSource::new(3);
                let sign = |ts: i64, seq: u64| {
                    let event = template.render(ts, ids, seq);
                    let headers = signer.sign(&sign_input(&event, Some(url))).unwrap();
                    (event, headers)
                };
                let (first, headers) = sign(1_700_000_000, 0);
                let signature = signature_of(p, &headers);
                let run = RunTemplate::new(
                    template.parts(),
                    &headers,
                    &Values {
                        timestamp: first.timestamp,
                        signature: &signature,
                        event_id: &first.event_id,
                    },
                );
                for (ts, seq) in [
                    (1_700_000_000, 0),
                    (1_700_000_001, 1),
                    (1_799_999_999, 12_345),
                ] {
                    let (event, headers) = sign(ts, seq);
                    let parsed = signature_of(p, &headers);
                    let read = run.signature_in(&headers, &ts.to_string(), &event.event_id);
                    match parsed.is_empty() {
                        true => assert_eq!(read, None, "{p} {name}"),
                        false => {
                            assert_eq!(read, Some(parsed.as_str()), "{p} {name} #{seq}");
                            read_by.insert(p.name());
                        }
                    }
                }
            }
        }
        // Without a signature header to parse: GitLab sends a token, Mailgun
        // signs in the body, Linear's parsing needs the body's timestamp.
        let unread: Vec<&str> = Provider::ALL
            .iter()
            .map(|p| p.name())
            .filter(|p| !read_by.contains(p))
            .collect();
        assert_eq!(unread, ["linear", "mailgun", "gitlab"]);
    }
}
