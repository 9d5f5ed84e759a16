//! Load mode: N uniquely signed requests with C in flight over keep-alive
//! connections. Preparing (render + sign) happens inside the workers, so it
//! runs in parallel with the network. Each worker takes requests in blocks:
//! a block is handed to `record` (with what came back for the block before)
//! and sent once that resolves, while the next block is prepared and
//! recorded; so the store can hold each request before it is sent, at one
//! commit per batch of blocks. Each request is staged for its transport as
//! it is prepared (over plain http, serialized into the block's buffer), so
//! sending touches no memory the preparing left cold. `on_done` sees each
//! finished delivery (it must not block).

use super::h1::{self, Conn, Endpoint};
use super::stats::LoadStats;
use super::{Client, DeliveryError, Expect};
use crate::request::Headers;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// One request ready to go.
pub struct Prepared {
    pub headers: Headers,
    pub body: bytes::Bytes,
}

/// What load mode keeps of a response: its status and how long it took
/// (from the start of sending to the end of the body).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub latency: Duration,
}

/// One finished delivery.
pub struct Done {
    pub index: u64,
    pub sent_ms: i64,
    pub result: Result<Answer, DeliveryError>,
}

pub struct LoadPlan {
    pub url: String,
    /// Per-request timeout.
    pub timeout: Duration,
    pub count: u64,
    pub concurrency: usize,
    /// About how many bytes one request takes on the wire.
    pub request_bytes: usize,
    pub expect: Expect,
    pub budget: Duration,
}

/// What `record` returns: resolves once the block may be sent.
pub type Recorded = Pin<Box<dyn Future<Output = ()> + Send>>;

/// Most requests in a block: past this, larger blocks no longer make
/// load mode faster (what each block costs, in the worker and the store's
/// writer, is spread thin already).
const BLOCK_MAX: u64 = 128;
/// Most bytes of staged requests in flight, over all workers (each holds
/// three blocks: one being recorded, one being sent, one to reuse).
const STAGED_MAX: u64 = 32 << 20;

/// Requests a worker takes at a time: as many as pay for a block's own
/// costs (a record job, a wake-up, a commit's share), few enough that
/// every worker has some when the count is small and that what is staged
/// stays within [`STAGED_MAX`] at any concurrency or body size.
fn block_size(plan: &LoadPlan) -> u64 {
    let workers = plan.concurrency.max(1) as u64;
    let by_memory = STAGED_MAX / (workers * 3 * plan.request_bytes.max(1) as u64);
    (plan.count / (workers * 4))
        .min(by_memory)
        .clamp(1, BLOCK_MAX)
}

/// Runs the plan; returns the merged statistics and the wall time.
/// `prepare(index, kept)` makes a request and adds what `record` keeps of
/// it to `kept` (one per block, so nothing is allocated per request);
/// `record(kept, done, slack)` is given each block's before it is sent,
/// with the deliveries finished since the worker's last call and how long
/// the worker expects to be busy before it needs the block (as long as its
/// last block took; zero for its first), and a last time with an empty one
/// and the worker's final deliveries.
pub async fn run<M, P, R, D>(
    client: Client,
    plan: LoadPlan,
    prepare: P,
    record: R,
    on_done: D,
) -> (LoadStats, Duration)
where
    M: Default + Send + 'static,
    P: Fn(u64, &mut M) -> Prepared + Send + Sync + 'static,
    R: Fn(M, Vec<Done>, Duration) -> Recorded + Send + Sync + 'static,
    D: Fn(&Done) + Send + Sync + 'static,
{
    let next = Arc::new(AtomicU64::new(0));
    let prepare = Arc::new(prepare);
    let record = Arc::new(record);
    let on_done = Arc::new(on_done);
    let block = block_size(&plan);
    let plan = Arc::new(plan);
    let started = Instant::now();
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..plan.concurrency.max(1) {
        let (client, next, prepare, record, on_done, plan) = (
            client.clone(),
            next.clone(),
            prepare.clone(),
            record.clone(),
            on_done.clone(),
            plan.clone(),
        );
        workers.spawn(async move {
            let mut stats = LoadStats::default();
            let mut transport = Transport::new(client, &plan);
            let mut finished: Vec<Done> = Vec::new();
            let mut spare: Option<Staged> = None;
            // The next block, staged for the transport (in `spare`'s
            // buffers, those of the block before last), and the wait for
            // it to be recorded.
            let take = |finished: &mut Vec<Done>,
                        slack: Duration,
                        transport: &Transport,
                        spare: Option<Staged>| {
                let first = next.fetch_add(block, Ordering::Relaxed).min(plan.count);
                let last = (first + block).min(plan.count);
                if first == last {
                    return None;
                }
                let mut kept = M::default();
                let mut staged = spare.unwrap_or_default();
                staged.clear();
                for i in first..last {
                    transport.stage(i, prepare(i, &mut kept), &mut staged);
                }
                Some((staged, record(kept, std::mem::take(finished), slack)))
            };
            let mut upcoming = take(&mut finished, Duration::ZERO, &transport, None);
            let mut last_block = Duration::ZERO;
            while let Some((staged, recorded)) = upcoming.take() {
                recorded.await;
                upcoming = take(&mut finished, last_block, &transport, spare.take());
                let sending = Instant::now();
                for (index, request) in &staged.requests {
                    let sent_ms = crate::clock::now_ms();
                    let result = transport.deliver(&plan, &staged.wire, request).await;
                    match &result {
                        Ok(r) => stats.response(
                            r.status,
                            r.latency,
                            plan.expect.matches(r.status),
                            r.latency > plan.budget,
                        ),
                        Err(e) => stats.error(e.kind()),
                    }
                    let done = Done {
                        index: *index,
                        sent_ms,
                        result,
                    };
                    on_done(&done);
                    finished.push(done);
                }
                last_block = sending.elapsed();
                spare = Some(staged);
            }
            record(M::default(), finished, Duration::ZERO).await;
            stats
        });
    }
    let mut total = LoadStats::default();
    while let Some(joined) = workers.join_next().await {
        if let Ok(stats) = joined {
            total.merge(stats);
        }
    }
    (total, started.elapsed())
}

/// How one worker reaches the endpoint: its own keep-alive connection for
/// plain http (the fast path), else the shared reqwest client.
enum Transport {
    H1 {
        endpoint: Endpoint,
        conn: Option<Conn>,
    },
    Pooled(Client),
}

/// A block of requests as its worker's transport will send them.
#[derive(Default)]
struct Staged {
    /// The wire bytes of the requests sent over `h1`, one after the other:
    /// serialized while the request is fresh in the cache, sent from one
    /// buffer reused block after block.
    wire: Vec<u8>,
    requests: Vec<(u64, Stage)>,
}

impl Staged {
    fn clear(&mut self) {
        self.wire.clear();
        self.requests.clear();
    }
}

enum Stage {
    /// These bytes of [`Staged::wire`].
    Wire(std::ops::Range<usize>),
    /// For the pooled client.
    Parts(Prepared),
    /// Cannot be sent as it is.
    Refused(DeliveryError),
}

impl Transport {
    fn new(client: Client, plan: &LoadPlan) -> Transport {
        match Endpoint::from_url(&plan.url) {
            Some(endpoint) => Transport::H1 {
                endpoint,
                conn: None,
            },
            None => Transport::Pooled(client),
        }
    }

    /// Adds request `index` to `staged`, in the form [`deliver`](Self::deliver) sends.
    fn stage(&self, index: u64, prepared: Prepared, staged: &mut Staged) {
        let stage = match self {
            Transport::Pooled(_) => Stage::Parts(prepared),
            Transport::H1 { endpoint, .. } => {
                let start = staged.wire.len();
                match h1::write_post(
                    endpoint,
                    &prepared.headers,
                    &prepared.body,
                    &mut staged.wire,
                ) {
                    Ok(()) => Stage::Wire(start..staged.wire.len()),
                    Err(e) => Stage::Refused(e),
                }
            }
        };
        staged.requests.push((index, stage));
    }

    async fn deliver(
        &mut self,
        plan: &LoadPlan,
        wire: &[u8],
        stage: &Stage,
    ) -> Result<Answer, DeliveryError> {
        match (self, stage) {
            (_, Stage::Refused(e)) => Err(e.clone()),
            (Transport::Pooled(client), Stage::Parts(p)) => client
                .deliver(&plan.url, &p.headers, p.body.clone())
                .await
                .map(|r| Answer {
                    status: r.status,
                    latency: r.latency,
                }),
            (Transport::H1 { endpoint, conn }, Stage::Wire(range)) => {
                let wire = &wire[range.clone()];
                let attempt = async {
                    // A reused connection the server has since closed gets one fresh retry.
                    for _ in 0..2 {
                        let reused = conn.as_ref().is_some_and(Conn::reused);
                        let c = match conn {
                            Some(c) => c,
                            None => conn.insert(Conn::connect(endpoint).await?),
                        };
                        match c.post(endpoint, wire).await {
                            Ok((response, keep_alive)) => {
                                if !keep_alive {
                                    *conn = None;
                                }
                                return Ok(response);
                            }
                            Err(e) => {
                                *conn = None;
                                if !(reused && matches!(e, DeliveryError::Other(_))) {
                                    return Err(e);
                                }
                            }
                        }
                    }
                    Err(DeliveryError::Other(
                        "the server keeps closing the connection".into(),
                    ))
                };
                match tokio::time::timeout(plan.timeout, attempt).await {
                    Ok(result) => result,
                    Err(_) => {
                        *conn = None;
                        Err(DeliveryError::Timeout {
                            after: plan.timeout,
                        })
                    }
                }
            }
            _ => unreachable!("a request staged for another transport"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(count: u64, concurrency: usize, request_bytes: usize) -> LoadPlan {
        LoadPlan {
            url: "http://127.0.0.1:1/".into(),
            timeout: Duration::from_secs(1),
            count,
            concurrency,
            request_bytes,
            expect: Expect::default(),
            budget: Duration::from_secs(1),
        }
    }

    #[test]
    fn blocks_are_large_within_the_staging_bound_and_shared_out_when_few() {
        // A typical run: full blocks.
        assert_eq!(block_size(&plan(1_000_000, 32, 2_400)), BLOCK_MAX);
        // Few requests: every worker gets some, down to one at a time.
        assert_eq!(block_size(&plan(1_280, 32, 2_400)), 10);
        assert_eq!(block_size(&plan(5, 32, 2_400)), 1);
        // Many workers or large bodies: what is staged stays bounded.
        for (concurrency, bytes) in [(256, 2_400), (32, 40_000), (1_000, 1_000_000)] {
            let block = block_size(&plan(u64::MAX / 2, concurrency, bytes));
            assert!(block >= 1);
            let staged = block * 3 * concurrency as u64 * bytes as u64;
            assert!(
                block == 1 || staged <= STAGED_MAX,
                "{concurrency} x {bytes}: {block}"
            );
        }
    }
}
