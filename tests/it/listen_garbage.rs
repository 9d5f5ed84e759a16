//! `hookcli listen` under garbage: malformed HTTP, huge heads, big, empty
//! and non-UTF-8 bodies, slow clients. It answers each with the right
//! status and keeps answering everyone else.

use crate::common;
use crate::common::listener::*;
use std::io::Write;
use std::time::{Duration, Instant};

const SECRET: &str = "whsec_garbage_test_secret";

fn still_answers(l: &Listening) {
    let body = stripe_event("evt_still_ok", "charge.succeeded", "ch_ok", now());
    let reply = post_stripe(l.addr, SECRET, now(), &body);
    assert_eq!(
        reply.status,
        200,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
}

fn error_of(reply: &Reply) -> String {
    reply.json()["error"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn malformed_http_gets_400_and_the_listener_carries_on() {
    let l = Listening::start(&["--secret", SECRET]);
    for garbage in [
        b"GARBAGE\r\n\r\n".as_slice(),
        b"\x00\x01\x02\x03\r\n\r\n",
        b"POST /webhooks HTTP/9.9\r\n\r\n",
        b"POST /webhooks HTTP/1.1\r\nNo colon here\r\n\r\n",
        b"POST /webhooks HTTP/1.1\r\nContent-Length: abc\r\n\r\n",
        b"POST /webhooks HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
        b"POST /webhooks HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n",
        b"POST /webhooks HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    ] {
        let reply = raw(l.addr, garbage)
            .unwrap_or_else(|| panic!("no answer to {:?}", String::from_utf8_lossy(garbage)));
        assert_eq!(
            reply.status,
            400,
            "{:?}: {}",
            String::from_utf8_lossy(garbage),
            String::from_utf8_lossy(&reply.body)
        );
        still_answers(&l);
    }
    // Closing without a byte, or mid-head, is not an error either.
    drop(connect(l.addr));
    let mut half = connect(l.addr);
    half.write_all(b"POST /webh").unwrap();
    drop(half);
    still_answers(&l);
}

#[test]
fn wrong_method_and_path() {
    let l = Listening::start(&["--secret", SECRET, "--path", "/hooks"]);
    let get = raw(l.addr, b"GET /hooks HTTP/1.1\r\nConnection: close\r\n\r\n").unwrap();
    assert_eq!(get.status, 405);
    assert_eq!(get.header("Allow"), Some("POST"));
    let elsewhere = post(l.addr, "/other", &[], b"{}");
    assert_eq!(elsewhere.status, 404);
    let below = post(l.addr, "/hooks/stripe?x=1", &[], b"{}");
    assert_eq!(below.status, 400, "paths below --path are accepted");
}

#[test]
fn huge_heads_get_431() {
    let l = Listening::start(&["--secret", SECRET]);
    let huge = format!(
        "POST /webhooks HTTP/1.1\r\nX-Huge: {}\r\nContent-Length: 2\r\n\r\n{{}}",
        "a".repeat(200_000)
    );
    let reply = raw(l.addr, huge.as_bytes()).expect("an answer to a huge header");
    assert_eq!(reply.status, 431);
    still_answers(&l);

    let many: String = (0..500).map(|i| format!("X-H{i}: v\r\n")).collect();
    let req = format!("POST /webhooks HTTP/1.1\r\n{many}Content-Length: 2\r\n\r\n{{}}");
    let reply = raw(l.addr, req.as_bytes()).expect("an answer to many headers");
    assert_eq!(reply.status, 431);
    still_answers(&l);
}

#[test]
fn bodies_over_max_body_get_413() {
    let l = Listening::start(&["--json", "--secret", SECRET, "--max-body", "1KiB"]);
    let big = vec![b'x'; 64 << 10];
    let sig = stripe_header(SECRET, now(), &big);
    let reply = raw(
        l.addr,
        &post_bytes(l.addr, "/webhooks", &[("Stripe-Signature", &sig)], &big),
    )
    .expect("an answer to a big body");
    assert_eq!(reply.status, 413);
    assert_eq!(error_of(&reply), "payload_too_large");

    // The same over chunked encoding, where the size is only known as it comes.
    let mut chunked = b"POST /webhooks HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    for _ in 0..64 {
        chunked.extend_from_slice(b"400\r\n");
        chunked.extend_from_slice(&[b'y'; 0x400]);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let reply = raw(l.addr, &chunked).expect("an answer to a big chunked body");
    assert_eq!(reply.status, 413);

    // Exactly at the limit is fine, and a small chunked body is read whole.
    let at_limit = vec![b'z'; 1024];
    let sig = stripe_header(SECRET, now(), &at_limit);
    let reply = post(
        l.addr,
        "/webhooks",
        &[("Stripe-Signature", &sig)],
        &at_limit,
    );
    assert_eq!(reply.status, 200);
    let line = l.next_json();
    assert_eq!(line["valid"], true);
    let body = b"{\"id\":\"evt_chunked\"}";
    let sig = stripe_header(SECRET, now(), body);
    let req = format!(
        "POST /webhooks HTTP/1.1\r\nStripe-Signature: {sig}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\n{{\"id\"\r\nf;ext=1\r\n:\"evt_chunked\"}}\r\n0\r\n\r\n"
    );
    let reply = raw(l.addr, req.as_bytes()).unwrap();
    assert_eq!(
        reply.status,
        200,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    assert_eq!(l.next_json()["event_id"], "evt_chunked");
    // Oversized requests are not recorded: they were never read.
    let stored = events_json(&l.store(), &[]);
    assert_eq!(stored.len(), 2);
}

#[test]
fn non_utf8_and_empty_bodies() {
    let l = Listening::start(&["--json", "--secret", SECRET]);
    let binary = b"\xff\xfe\xfd\x00\x80 not utf-8".to_vec();

    // Signed: valid, stored byte for byte.
    let reply = post_stripe(l.addr, SECRET, now(), &binary);
    assert_eq!(reply.status, 200);
    let line = l.next_json();
    assert_eq!(line["valid"], true);
    let mut cmd = common::hookcli();
    cmd.arg("--store")
        .arg(l.store())
        .args(["events", &line["id"].to_string(), "--body"]);
    assert_eq!(cmd.output().unwrap().stdout, binary);

    // Unsigned, or signed by someone else: diagnosed, not a crash.
    let reply = post(l.addr, "/webhooks", &[], &binary);
    assert_eq!(reply.json()["causes"][0], "missing_header");
    l.next_json();
    let reply = post_stripe(l.addr, "whsec_other", now(), &binary);
    assert_eq!(reply.status, 400);
    assert!(!reply.json()["causes"].as_array().unwrap().is_empty());
    l.next_json();

    // Empty bodies.
    let reply = post(l.addr, "/webhooks", &[], b"");
    assert_eq!(reply.status, 400);
    assert_eq!(reply.json()["causes"][0], "missing_header");
    l.next_json();
    let reply = post_stripe(l.addr, SECRET, now(), b"");
    assert_eq!(
        reply.status,
        200,
        "{}",
        String::from_utf8_lossy(&reply.body)
    );
    assert_eq!(l.next_json()["valid"], true);
    let no_length = raw(
        l.addr,
        b"POST /webhooks HTTP/1.1\r\nConnection: close\r\n\r\n",
    )
    .unwrap();
    assert_eq!(no_length.status, 400);
    l.next_json();

    // A non-UTF-8 header value is read lossily, not rejected.
    let reply = raw(
        l.addr,
        b"POST /webhooks HTTP/1.1\r\nStripe-Signature: t=1,v1=\xff\xfe\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
    )
    .unwrap();
    assert_eq!(reply.status, 400);
    still_answers(&l);
}

#[test]
fn a_slow_client_does_not_hold_up_others() {
    // The slow clients' deadline, shortened from 10 s so the test does not
    // wait it out.
    let l = Listening::start_env(&["--secret", SECRET], &[("HOOKCLI_TEST_IO_TIMEOUT", "4s")]);
    // One sends half a head, one a head and half its body, many just connect.
    let mut half_head = connect(l.addr);
    half_head
        .write_all(b"POST /webhooks HTTP/1.1\r\nHost: x\r\nStri")
        .unwrap();
    let mut half_body = connect(l.addr);
    half_body
        .write_all(b"POST /webhooks HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"partial")
        .unwrap();
    let idle: Vec<_> = (0..64).map(|_| connect(l.addr)).collect();

    for _ in 0..5 {
        let started = Instant::now();
        still_answers(&l);
        // Not a timing assertion: "promptly" means long before the slow
        // clients' own timeout (4 s) could have freed anything.
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "{:?}",
            started.elapsed()
        );
    }

    // The slow ones are eventually closed: the unfinished body with a 408,
    // the unfinished head without an answer (the server cannot know what
    // it would be answering).
    let reply = read_reply(&mut half_body).expect("408 for the unfinished body");
    assert_eq!(reply.status, 408);
    let mut rest = Vec::new();
    let closed = std::io::Read::read_to_end(&mut half_head, &mut rest);
    assert!(
        closed.is_ok(),
        "the unfinished head is still open: {closed:?}"
    );
    if !rest.is_empty() {
        assert_eq!(parse_reply(&rest).map(|r| r.status), Some(408));
    }
    drop(idle);
    still_answers(&l);
}

#[test]
fn keep_alive_connections_serve_several_requests() {
    let l = Listening::start(&["--secret", SECRET]);
    let mut stream = connect(l.addr);
    for i in 0..3 {
        let body = stripe_event(&format!("evt_ka_{i}"), "charge.succeeded", "ch_ka", now());
        let sig = stripe_header(SECRET, now(), &body);
        let req = format!(
            "POST /webhooks HTTP/1.1\r\nHost: x\r\nStripe-Signature: {sig}\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        stream.write_all(req.as_bytes()).unwrap();
        stream.write_all(&body).unwrap();
        let reply = read_reply(&mut stream).expect("an answer on the kept-alive connection");
        assert_eq!(reply.status, 200);
        assert_eq!(reply.header("Connection"), None);
    }
}

#[test]
fn many_concurrent_connections_are_all_answered() {
    let l = Listening::start(&["--secret", SECRET]);
    let addr = l.addr;
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(100));
    let clients: Vec<_> = (0..100)
        .map(|i| {
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                let body =
                    stripe_event(&format!("evt_many_{i}"), "charge.succeeded", "ch_m", now());
                let sig = stripe_header(SECRET, now(), &body);
                let mut stream = connect(addr);
                barrier.wait();
                let req = post_bytes(addr, "/webhooks", &[("Stripe-Signature", &sig)], &body);
                stream.write_all(&req).unwrap();
                read_reply(&mut stream).map(|r| r.status)
            })
        })
        .collect();
    let statuses: Vec<Option<u16>> = clients.into_iter().map(|c| c.join().unwrap()).collect();
    assert!(statuses.iter().all(|s| *s == Some(200)), "{statuses:?}");
    assert_eq!(events_json(&l.store(), &[]).len(), 100);
}

#[test]
fn respond_rehearses_failures() {
    let l = Listening::start(&["--json", "--secret", SECRET, "--respond", "503:300ms"]);
    let body = stripe_event("evt_respond", "charge.succeeded", "ch_r", now());
    let started = Instant::now();
    let reply = post_stripe(l.addr, SECRET, now(), &body);
    assert_eq!(reply.status, 503);
    assert!(started.elapsed() >= Duration::from_millis(300));
    // The verdict is still the listener's own.
    assert_eq!(reply.json()["valid"], true);
    assert_eq!(l.next_json()["status"], 503);
    let (code, _, err) = common::run(
        &[
            "--no-store",
            "listen",
            "--respond",
            "soon",
            "--secret",
            SECRET,
        ],
        b"",
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--respond"), "{err}");
}

#[test]
fn head_answers_carry_no_body_and_http10_keep_alive_is_honoured() {
    let l = Listening::start(&["--secret", SECRET]);
    // HEAD: the same status line, no body, so the connection stays usable.
    let mut stream = connect(l.addr);
    stream
        .write_all(b"HEAD /webhooks HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = std::io::Read::read(&mut stream, &mut chunk).unwrap();
        assert!(n > 0, "closed");
        buf.extend_from_slice(&chunk[..n]);
    }
    let head = String::from_utf8_lossy(&buf).into_owned();
    assert!(head.starts_with("HTTP/1.1 405"), "{head}");
    assert!(
        head.ends_with("\r\n\r\n"),
        "no body after a HEAD answer: {head:?}"
    );
    let body = stripe_event("evt_after_head", "charge.succeeded", "ch_h", now());
    let sig = stripe_header(SECRET, now(), &body);
    stream
        .write_all(&post_bytes(
            l.addr,
            "/webhooks",
            &[("Stripe-Signature", &sig)],
            &body,
        ))
        .unwrap();
    assert_eq!(read_reply(&mut stream).unwrap().status, 200);

    // HTTP/1.0 with keep-alive: the answer must say it keeps the connection.
    let mut stream = connect(l.addr);
    let req = format!(
        "POST /webhooks HTTP/1.0\r\nConnection: keep-alive\r\nStripe-Signature: {sig}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    for _ in 0..2 {
        stream.write_all(req.as_bytes()).unwrap();
        stream.write_all(&body).unwrap();
        let reply = read_reply(&mut stream).unwrap();
        assert_eq!(reply.status, 200);
        assert_eq!(
            reply
                .header("Connection")
                .map(str::to_ascii_lowercase)
                .as_deref(),
            Some("keep-alive")
        );
    }
}
