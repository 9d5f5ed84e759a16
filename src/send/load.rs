//! Load mode: N uniquely signed requests with C in flight over keep-alive
//! connections. Preparing (render + sign) happens inside the workers, so it
//! runs in parallel with the network; each finished delivery is handed to
//! `on_done` (which must not block: the store records off this path).

use super::h1::{Conn, Endpoint};
use super::stats::LoadStats;
use super::{Client, DeliveryError, Expect, Response};
use crate::request::Headers;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// One request ready to go, plus whatever the caller wants back with it.
pub struct Prepared<M> {
    pub headers: Headers,
    pub body: bytes::Bytes,
    pub meta: M,
}

/// One finished delivery.
pub struct Done<M> {
    pub index: u64,
    pub sent_ms: i64,
    pub prepared: Prepared<M>,
    pub result: Result<Response, DeliveryError>,
}

pub struct LoadPlan {
    pub url: String,
    /// Per-request timeout.
    pub timeout: Duration,
    pub count: u64,
    pub concurrency: usize,
    pub expect: Expect,
    pub budget: Duration,
}

/// Runs the plan; returns the merged statistics and the wall time.
pub async fn run<M, P, D>(
    client: Client,
    plan: LoadPlan,
    prepare: P,
    on_done: D,
) -> (LoadStats, Duration)
where
    M: Send + Sync + 'static,
    P: Fn(u64) -> Prepared<M> + Send + Sync + 'static,
    D: Fn(Done<M>) + Send + Sync + 'static,
{
    let next = Arc::new(AtomicU64::new(0));
    let prepare = Arc::new(prepare);
    let on_done = Arc::new(on_done);
    let plan = Arc::new(plan);
    let started = Instant::now();
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..plan.concurrency.max(1) {
        let (client, next, prepare, on_done, plan) = (
            client.clone(),
            next.clone(),
            prepare.clone(),
            on_done.clone(),
            plan.clone(),
        );
        workers.spawn(async move {
            let mut stats = LoadStats::default();
            let mut transport = Transport::new(client, &plan);
            loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                if index >= plan.count {
                    break;
                }
                let prepared = prepare(index);
                let sent_ms = crate::store::now_ms();
                let result = transport.deliver(&plan, &prepared).await;
                match &result {
                    Ok(r) => stats.response(
                        r.status,
                        r.latency,
                        plan.expect.matches(r.status),
                        r.latency > plan.budget,
                    ),
                    Err(e) => stats.error(e.kind()),
                }
                on_done(Done {
                    index,
                    sent_ms,
                    prepared,
                    result,
                });
            }
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

    async fn deliver<M>(
        &mut self,
        plan: &LoadPlan,
        p: &Prepared<M>,
    ) -> Result<Response, DeliveryError> {
        match self {
            Transport::Pooled(client) => {
                client.deliver(&plan.url, &p.headers, p.body.clone()).await
            }
            Transport::H1 { endpoint, conn } => {
                let attempt = async {
                    // A reused connection the server has since closed gets one fresh retry.
                    for _ in 0..2 {
                        let reused = conn.as_ref().is_some_and(Conn::reused);
                        let c = match conn {
                            Some(c) => c,
                            None => conn.insert(Conn::connect(endpoint).await?),
                        };
                        match c.post(endpoint, &p.headers, &p.body).await {
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
        }
    }
}
