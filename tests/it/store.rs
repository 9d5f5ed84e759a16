//! The event store end to end: a store written by an old release upgraded
//! with nothing lost, private files, load deliveries found by the listener
//! and replayed, faults (not a database, damaged, read-only, full, locked)
//! answered with one line and the file left as it was, and many processes
//! writing one store at once.
//!
//! The read-only and full-disk cases mount a small tmpfs in a private mount
//! namespace (`unshare -rm`), so they need no privileges beyond user
//! namespaces and leave nothing mounted behind.

use crate::common;
use crate::common::listener::{Listening, WAIT, post, stripe_header};
use crate::common::server::Server;
use crate::common::{hookcli, run_cmd};
use serde_json::Value;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const SECRET: &str = "whsec_store_tests";

/// `hookcli --store STORE ARGS` with the test secret.
fn with(store: &Path, args: &[&str]) -> (i32, String, String) {
    let mut cmd = hookcli();
    cmd.arg("--store")
        .arg(store)
        .args(args)
        .env("STRIPE_WEBHOOK_SECRET", SECRET);
    checked(run_cmd(&mut cmd, b""))
}

/// hookcli whose default store is `<data>/hookcli/events.db`.
fn at_default(data: &Path) -> Command {
    let mut cmd = hookcli();
    cmd.env_remove("HOOKCLI_STORE")
        .env("XDG_DATA_HOME", data)
        .env("HOME", data)
        .env("STRIPE_WEBHOOK_SECRET", SECRET);
    cmd
}

fn default_store(data: &Path) -> PathBuf {
    data.join("hookcli/events.db")
}

fn checked(r: (i32, String, String)) -> (i32, String, String) {
    assert!(!r.2.contains("panicked"), "hookcli panicked: {}", r.2);
    r
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// Every row of `table`, oldest first, as SQL values.
fn rows(db: &Path, table: &str) -> Vec<Vec<rusqlite::types::Value>> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare(&format!("SELECT * FROM {table} ORDER BY id"))
        .unwrap();
    let n = stmt.column_count();
    stmt.query_map([], |r| (0..n).map(|i| r.get(i)).collect())
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn user_version(db: &Path) -> i64 {
    rusqlite::Connection::open(db)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_store_written_by_the_b65079d_release_is_upgraded_with_nothing_lost() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("events.db");
    std::fs::copy(common::root().join("tests/fixtures/stores/b65079d.db"), &db).unwrap();
    assert_eq!(
        user_version(&db),
        0,
        "written before the schema had a version"
    );
    let tables = ["signed", "deliveries", "received"];
    let before: Vec<_> = tables.iter().map(|t| rows(&db, t)).collect();
    assert_eq!(
        before.iter().map(Vec::len).collect::<Vec<_>>(),
        [8, 6, 6],
        "what tests/fixtures/stores/README.md says it holds"
    );

    let store = hookcli::store::Store::open(&db).unwrap();
    // The signature the release's `sign` printed still finds its body.
    let original = store
        .find_original(
            Some("818e725e155a312d84748052913fe736e4cb0a593dbab63193580e0fd5138fd2"),
            None,
        )
        .unwrap()
        .expect("found by signature");
    assert_eq!(original.source, "sign");
    drop(store);
    assert_eq!(user_version(&db), 2);
    let after: Vec<_> = tables.iter().map(|t| rows(&db, t)).collect();
    assert_eq!(after, before, "every row as it was");

    // Today's commands read and write it.
    let (code, out, err) = with(&db, &["events", "--json", "--limit", "100"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 6, "{out}");
    let (code, _, err) = with(&db, &["sign", "charge.succeeded"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(rows(&db, "signed").len(), 9);
    let (code, out, err) = with(&db, &["store", "info", "--json"]);
    assert_eq!(code, 0, "{err}");
    let info: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(info["tables"]["received"], 6, "{info}");
    assert_eq!(info["tables"]["deliveries"], 6, "{info}");
}

#[test]
fn a_store_from_a_newer_hookcli_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("events.db");
    assert_eq!(with(&db, &["sign", "charge.succeeded"]).0, 0);
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99")
        .unwrap();
    let (code, _, err) = with(&db, &["events"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("newer hookcli") && err.contains(&db.display().to_string()),
        "{err}"
    );
    assert_eq!(user_version(&db), 99);
}

#[test]
fn the_store_is_private_to_the_user() {
    let data = tempfile::tempdir().unwrap();
    let (code, _, err) = checked(run_cmd(
        at_default(data.path()).args(["sign", "charge.succeeded"]),
        b"",
    ));
    assert_eq!(code, 0, "{err}");
    let db = default_store(data.path());
    assert_eq!(mode(db.parent().unwrap()), 0o700);
    assert_eq!(mode(&db), 0o600);

    // A named store in directories hookcli makes, written by the listener:
    // its WAL and shared-memory files too.
    let dir = tempfile::tempdir().unwrap();
    let named = dir.path().join("a/b/events.db");
    let l = Listening::at(&named, &["--json", "--secret", SECRET]);
    let body = common::listener::stripe_event(
        "evt_private",
        "charge.succeeded",
        "ch_1",
        common::listener::now(),
    );
    let reply = post(
        l.addr,
        "/webhooks",
        &[(
            "Stripe-Signature",
            &stripe_header(SECRET, common::listener::now(), &body),
        )],
        &body,
    );
    assert_eq!(reply.status, 200);
    for p in [dir.path().join("a"), dir.path().join("a/b")] {
        assert_eq!(mode(&p), 0o700, "{}", p.display());
    }
    for suffix in ["", "-wal", "-shm"] {
        let p = PathBuf::from(format!("{}{suffix}", named.display()));
        assert_eq!(mode(&p), 0o600, "{}", p.display());
    }
    l.interrupt();

    // A store an older release made world-readable is made private when opened.
    for f in [&db, &PathBuf::from(format!("{}-wal", db.display()))] {
        if f.exists() {
            std::fs::set_permissions(f, std::fs::Permissions::from_mode(0o644)).unwrap();
        }
    }
    std::fs::set_permissions(db.parent().unwrap(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let (code, _, err) = checked(run_cmd(
        at_default(data.path()).args(["sign", "charge.succeeded"]),
        b"",
    ));
    assert_eq!(code, 0, "{err}");
    assert_eq!(mode(&db), 0o600);
    assert_eq!(mode(db.parent().unwrap()), 0o700);
}

#[test]
fn load_deliveries_cost_little_and_the_listener_shows_their_exact_diff() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("events.db");
    let server = Server::ok();
    let (code, out, err) = with(
        &db,
        &[
            "send",
            "charge.succeeded",
            "--to",
            &server.authority(),
            "--count",
            "1000",
            "--concurrency",
            "8",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    let got = server.received();
    assert_eq!(got.len(), 1000);

    // What each delivery costs the store, in pages of the load tables.
    let bytes: i64 = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'load%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        bytes / 1000 <= 300,
        "{} bytes per load delivery",
        bytes / 1000
    );

    // A middleware changed the amount of one of them on its way.
    let c = &got[417];
    let body = std::str::from_utf8(&c.body).unwrap();
    let mut event: Value = serde_json::from_str(body).unwrap();
    let amount = event["data"]["object"]["amount"].as_i64().unwrap();
    event["data"]["object"]["amount"] = (amount + 1).into();
    let changed = serde_json::to_string_pretty(&event).unwrap();
    let sig = c.header("Stripe-Signature").unwrap();
    let l = Listening::at(&db, &["--json", "--secret", SECRET]);
    let reply = post(
        l.addr,
        "/webhooks",
        &[("Stripe-Signature", sig)],
        changed.as_bytes(),
    );
    assert_eq!(reply.status, 400);
    let line = l.next_json();
    let cause = line["causes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "body_mutated")
        .unwrap_or_else(|| panic!("{line}"))
        .clone();
    assert_eq!(cause["confidence"], "certain", "{line}");
    let first_difference = body
        .bytes()
        .zip(changed.bytes())
        .position(|(a, b)| a != b)
        .unwrap();
    assert_eq!(
        cause["offset"].as_u64().unwrap() as usize,
        first_difference,
        "{line}"
    );
    assert!(
        cause["original_excerpt"]
            .as_str()
            .unwrap()
            .contains(&amount.to_string()),
        "{line}"
    );
    l.interrupt();
}

#[test]
fn load_deliveries_recorded_by_a_proxying_listener_replay() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("events.db");
    // The app fails the first ten requests: ten dead letters.
    let seen = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let app = {
        let seen = seen.clone();
        common::listener::App::start(move |_| {
            if seen.fetch_add(1, std::sync::atomic::Ordering::SeqCst) < 10 {
                500
            } else {
                200
            }
        })
    };
    let l = Listening::at(&db, &["--secret", SECRET, "--forward-to", &app.url()]);
    let (code, _, err) = with(
        &db,
        &[
            "send",
            "invoice.paid",
            "--to",
            &l.url("/webhooks"),
            "--count",
            "10",
            "--concurrency",
            "1",
        ],
    );
    assert_eq!(code, 1, "the app answered 500: {err}");
    let sent: Vec<Vec<u8>> = (0..10).map(|_| app.next().body).collect();
    l.interrupt();
    let (code, out, err) = with(&db, &["replay", "--dead-letters", "--limit", "100"]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out.lines().count(), 10, "{out}");
    let replayed: Vec<Vec<u8>> = (0..10).map(|_| app.next().body).collect();
    assert_eq!(replayed, sent, "the same bytes, oldest first");
}

/// A file at the store path that is not a store: the side-matter commands
/// warn and work, the store commands exit 2, a named store exits 2, the
/// listener answers 503; the file stays as it was.
fn assert_unusable_store_is_handled(bytes: &[u8], says: &str) {
    let data = tempfile::tempdir().unwrap();
    let db = default_store(data.path());
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    std::fs::write(&db, bytes).unwrap();
    let shown = db.display().to_string();
    let run = |args: &[&str]| checked(run_cmd(at_default(data.path()).args(args), b""));

    let (code, out, err) = run(&["sign", "charge.succeeded", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Stripe-Signature"), "{out}");
    let warning: Vec<&str> = err.lines().collect();
    assert_eq!(warning.len(), 1, "one line: {err}");
    assert!(
        warning[0].starts_with("warning:") && warning[0].contains(&shown),
        "{err}"
    );
    assert!(
        warning[0].contains(says) && warning[0].contains("--no-store"),
        "{err}"
    );

    let (code, _, err) = run(&[
        "send",
        "charge.succeeded",
        "--to",
        &Server::ok().authority(),
        "--count",
        "3",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains(&shown), "{err}");

    for args in [
        &["events"][..],
        &["replay", "--dead-letters"],
        &["store", "info"],
        &["store", "clear", "--yes"],
    ] {
        let (code, _, err) = run(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(
            err.contains(&shown) && err.contains(says),
            "{args:?}: {err}"
        );
    }
    // Named, it is an error even where the store is a side matter.
    let (code, out, err) = checked(run_cmd(
        at_default(data.path())
            .arg("--store")
            .arg(&db)
            .args(["sign", "charge.succeeded"]),
        b"",
    ));
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(err.contains(&shown), "{err}");

    // The listener acknowledges nothing it cannot record.
    let mut cmd = at_default(data.path());
    cmd.args(["listen", "--port", "0", "--json", "--secret", SECRET]);
    let l = Listening::command(cmd);
    let now = common::listener::now();
    let body = common::listener::stripe_event("evt_503", "charge.succeeded", "ch_1", now);
    let reply = post(
        l.addr,
        "/webhooks",
        &[("Stripe-Signature", &stripe_header(SECRET, now, &body))],
        &body,
    );
    assert_eq!(reply.status, 503);
    let line = l.next_json();
    assert!(
        line["store_error"].as_str().unwrap().contains(&shown),
        "{line}"
    );
    let exited = l.interrupt();
    assert!(
        exited.stderr.contains("503") && exited.stderr.contains(&shown),
        "{}",
        exited.stderr
    );

    assert_eq!(std::fs::read(&db).unwrap(), bytes, "the file is as it was");
    for suffix in ["-wal", "-shm", "-journal"] {
        assert!(
            !PathBuf::from(format!("{shown}{suffix}")).exists(),
            "{suffix} left behind"
        );
    }
}

#[test]
fn a_file_that_is_not_a_database_is_left_alone() {
    assert_unusable_store_is_handled(
        &b"my notes, not a database\n".repeat(200),
        "not an SQLite database",
    );
}

#[test]
fn a_damaged_store_is_left_alone() {
    // A real store whose schema page is overwritten after its header.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("events.db");
    assert_eq!(with(&db, &["sign", "charge.succeeded"]).0, 0);
    rusqlite::Connection::open(&db)
        .unwrap()
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    let mut bytes = std::fs::read(&db).unwrap();
    for b in &mut bytes[100..16384] {
        *b = 0xa5;
    }
    assert_unusable_store_is_handled(&bytes, "damaged");
}

/// Runs `script` (sh) in a private mount namespace with a tmpfs of `size`
/// mounted on `mount` (`$M` in the script); `$H` is hookcli.
fn in_tmpfs(mount: &Path, size: &str, script: &str) -> (i32, String, String) {
    let mut cmd = Command::new("unshare");
    cmd.args(["-rm", "sh", "-euc"])
        .arg(format!(
            "mount -t tmpfs -o size={size} tmpfs \"$M\"\n{script}"
        ))
        .env("M", mount)
        .env("H", env!("CARGO_BIN_EXE_hookcli"))
        .env("HOOKCLI_STORE", "off")
        .env("STRIPE_WEBHOOK_SECRET", SECRET)
        .env("NO_COLOR", "1");
    let r = run_cmd(&mut cmd, b"");
    assert!(
        !r.2.contains("unshare:") && !r.2.contains("mount:"),
        "these tests need `unshare -rm` and tmpfs (user namespaces): {}",
        r.2
    );
    checked(r)
}

#[test]
fn a_read_only_directory_gets_a_warning_or_exit_2_naming_it() {
    let m = tempfile::tempdir().unwrap();
    let (code, out, err) = in_tmpfs(
        m.path(),
        "1m",
        r#"
        mkdir "$M/old"
        "$H" --store "$M/old/events.db" sign charge.succeeded >/dev/null
        mount -o remount,ro "$M"
        echo "== sign, default store"
        XDG_DATA_HOME="$M/new" HOME="$M" HOOKCLI_STORE= "$H" sign charge.succeeded --format json | grep -c Stripe-Signature || true
        echo "== sign, existing store"
        "$H" --store "$M/old/events.db" sign charge.succeeded 2>&1 >/dev/null && echo "rc=0" || echo "rc=$?"
        echo "== events, new store"
        "$H" --store "$M/new/events.db" events 2>&1 && echo "rc=0" || echo "rc=$?"
        "#,
    );
    assert_eq!(code, 0, "{out}{err}");
    // The default store: a warning on stderr naming where, and the job done.
    assert!(out.contains("== sign, default store\n1\n"), "{out}{err}");
    assert!(
        err.contains("warning:")
            && err.contains("new/hookcli/events.db")
            && err.contains("--no-store"),
        "{err}"
    );
    // A named one: exit 2, naming it.
    let after = |marker: &str| out.split(marker).nth(1).unwrap().to_string();
    let existing = after("== sign, existing store");
    assert!(
        existing.contains("old/events.db") && existing.contains("rc=2"),
        "{out}"
    );
    let events = after("== events, new store");
    assert!(
        events.contains("new/events.db") && events.contains("rc=2"),
        "{out}"
    );
}

#[test]
fn a_full_disk_is_said_and_nothing_unrecorded_is_acknowledged() {
    let m = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let w = work.path().to_path_buf();
    // `sign` on a disk too small for a new store: a warning, the job done,
    // nothing left behind.
    let (code, out, err) = in_tmpfs(
        m.path(),
        "64k",
        r#"
        XDG_DATA_HOME="$M" HOME="$M" HOOKCLI_STORE= "$H" sign charge.succeeded --format json | grep -c Stripe-Signature
        ls -A "$M/hookcli"
        "#,
    );
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out.trim(), "1", "signed, and no store file left: {out}");
    assert!(
        err.contains("disk is full") && err.contains("hookcli/events.db"),
        "{err}"
    );

    // The listener fills the disk as it records: past that point it answers
    // 503 and says why, and every request it acknowledged is in the store.
    let script = format!(
        r#"
        "$H" --store "$M/events.db" listen --json --port 0 --secret {SECRET} >"{w}/listen.out" 2>"{w}/listen.err" &
        pid=$!
        while [ ! -e "{w}/stop" ]; do sleep 0.05; done
        kill -INT $pid
        wait $pid
        "$H" --store "$M/events.db" events --json --limit 100000 >"{w}/events.json"
        "#,
        w = w.display()
    );
    let m2 = tempfile::tempdir().unwrap();
    let runner = {
        let m2 = m2.path().to_path_buf();
        std::thread::spawn(move || in_tmpfs(&m2, "1m", &script))
    };
    let started = Instant::now();
    let addr = loop {
        if let Some(line) = std::fs::read_to_string(w.join("listen.out"))
            .ok()
            .and_then(|t| t.lines().next().map(String::from))
        {
            break common::listener::parse_listening(&line);
        }
        assert!(started.elapsed() < WAIT, "the listener did not start");
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut acknowledged = 0;
    let mut refused = None;
    for i in 0..200 {
        let now = common::listener::now();
        // A large body each: the megabyte fills within a few dozen.
        let mut event: Value = serde_json::from_slice(&common::listener::stripe_event(
            &format!("evt_full_{i}"),
            "charge.succeeded",
            "ch_1",
            now,
        ))
        .unwrap();
        event["data"]["object"]["description"] = "x".repeat(40_000).into();
        let body = serde_json::to_vec(&event).unwrap();
        let reply = post(
            addr,
            "/webhooks",
            &[("Stripe-Signature", &stripe_header(SECRET, now, &body))],
            &body,
        );
        match reply.status {
            200 => acknowledged += 1,
            503 => {
                refused = Some(reply.json());
                break;
            }
            s => panic!("answered {s}"),
        }
    }
    std::fs::write(w.join("stop"), b"").unwrap();
    let (code, out, err) = runner.join().unwrap();
    assert_eq!(code, 0, "{out}{err}");
    let refused = refused.expect("the disk never filled");
    assert!(acknowledged > 0);
    // Said where the listener reports each request (here, its JSON lines).
    let listen_out = std::fs::read_to_string(w.join("listen.out")).unwrap();
    assert!(
        refused["store_error"]
            .as_str()
            .unwrap()
            .contains("disk is full"),
        "{refused}"
    );
    let said = listen_out
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .find(|v| v["status"] == 503)
        .unwrap_or_else(|| panic!("{listen_out}"));
    assert!(
        said["store_error"]
            .as_str()
            .unwrap()
            .contains("disk is full"),
        "{said}"
    );
    let events = std::fs::read_to_string(w.join("events.json")).unwrap();
    let recorded = events
        .lines()
        .filter(|l| l.contains("\"status\":200"))
        .count();
    assert_eq!(
        recorded, acknowledged,
        "every acknowledged request is recorded"
    );
}

#[test]
fn a_store_locked_by_another_process_is_waited_for_then_named() {
    let data = tempfile::tempdir().unwrap();
    let db = default_store(data.path());
    let run = |args: &[&str]| checked(run_cmd(at_default(data.path()).args(args), b""));
    // hookcli waits 10 s for a store another program holds; 300 ms here.
    let waiting = |data: &Path| {
        let mut cmd = at_default(data);
        cmd.env("HOOKCLI_STORE_WAIT", "300ms");
        cmd
    };
    assert_eq!(run(&["sign", "charge.succeeded"]).0, 0);
    // Another program holds the store's write lock (an sqlite3 shell in a
    // transaction) for longer than hookcli waits.
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let before = rows(&db, "signed");

    let sign = std::thread::spawn({
        let data = data.path().to_path_buf();
        move || {
            checked(run_cmd(
                waiting(&data).args(["sign", "charge.succeeded", "--format", "json"]),
                b"",
            ))
        }
    });
    let clear = std::thread::spawn({
        let data = data.path().to_path_buf();
        move || {
            checked(run_cmd(
                waiting(&data).args(["store", "clear", "--yes"]),
                b"",
            ))
        }
    });
    let mut cmd = waiting(data.path());
    cmd.args(["listen", "--port", "0", "--json", "--secret", SECRET]);
    let l = Listening::command(cmd);
    let now = common::listener::now();
    let body = common::listener::stripe_event("evt_locked", "charge.succeeded", "ch_1", now);
    let reply = post(
        l.addr,
        "/webhooks",
        &[("Stripe-Signature", &stripe_header(SECRET, now, &body))],
        &body,
    );
    assert_eq!(reply.status, 503, "not acknowledged: not recorded");
    assert!(
        l.next_json()["store_error"]
            .as_str()
            .unwrap()
            .contains("locked by another process")
    );
    l.interrupt();

    let (code, out, err) = sign.join().unwrap();
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Stripe-Signature"));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("locked by another process") && err.contains(&db.display().to_string()),
        "{err}"
    );
    let (code, _, err) = clear.join().unwrap();
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("locked by another process"), "{err}");

    holder.execute_batch("ROLLBACK").unwrap();
    assert_eq!(rows(&db, "signed"), before, "nothing changed");
}

#[test]
fn a_listener_and_four_load_runs_write_one_store_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("events.db");
    let l = Listening::at(&db, &["--secret", SECRET]);
    let url = l.url("/webhooks");
    let senders: Vec<_> = (0..4)
        .map(|_| {
            let (db, url) = (db.clone(), url.clone());
            std::thread::spawn(move || {
                with(
                    &db,
                    &[
                        "send",
                        "customer.created",
                        "--to",
                        &url,
                        "--count",
                        "1000",
                        "--concurrency",
                        "4",
                    ],
                )
            })
        })
        .collect();
    for s in senders {
        let (code, out, err) = s.join().unwrap();
        assert_eq!(code, 0, "{out}{err}");
        assert!(err.is_empty(), "nothing reaches the user: {err}");
    }
    let exited = l.interrupt();
    assert!(
        exited.stderr.contains("stopped: 4000 received, 4000 valid"),
        "{}",
        exited.stderr
    );
    assert!(!exited.stderr.contains("503"), "{}", exited.stderr);

    let store = hookcli::store::Store::open(&db).unwrap();
    let runs = store.load_runs().unwrap();
    assert_eq!(runs.len(), 4);
    for run in runs {
        let all = store.load_deliveries(run).unwrap();
        assert_eq!(all.len(), 1000);
        assert!(
            all.iter().all(|d| d.status == Some(200)),
            "every outcome recorded"
        );
    }
    assert_eq!(
        rows(&db, "received").len(),
        4000,
        "every acknowledged request"
    );
}

#[test]
fn a_load_delivery_is_recorded_before_it_is_sent_so_the_listener_finds_it_live() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("events.db");
    // The listener holds another secret: every request fails, and for each
    // it looks up the body hookcli signed while the run is going on.
    let l = Listening::at(&db, &["--json", "--secret", "whsec_not_the_senders"]);
    let url = l.url("/webhooks");
    let (code, _, err) = with(
        &db,
        &[
            "send",
            "charge.succeeded",
            "--to",
            &url,
            "--count",
            "5",
            "--concurrency",
            "1",
        ],
    );
    assert_eq!(code, 1, "{err}");
    let causes = |line: &Value| -> Vec<String> {
        line["causes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap().to_string())
            .collect()
    };
    for _ in 0..5 {
        let line = l.next_json();
        // With the original at hand the body is known intact: the secret alone.
        assert_eq!(causes(&line), ["wrong_secret"], "{line}");
    }
    // Unrecorded, the body cannot be vouched for.
    let mut cmd = hookcli();
    cmd.args(["--no-store", "send", "charge.succeeded", "--to", &url])
        .env("STRIPE_WEBHOOK_SECRET", SECRET);
    assert_eq!(checked(run_cmd(&mut cmd, b"")).0, 1);
    let line = l.next_json();
    assert!(
        causes(&line).contains(&"body_mutated".to_string()),
        "{line}"
    );
    l.interrupt();
}

#[test]
fn verify_uses_the_body_hookcli_signed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("events.db");
    let (code, out, err) = with(&db, &["sign", "charge.succeeded", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let signed = dir.path().join("signed.json");
    std::fs::write(&signed, &out).unwrap();
    let fp = {
        let (_, out, _) = with(
            &db,
            &["verify", "--request", signed.to_str().unwrap(), "--json"],
        );
        let v: Value = serde_json::from_str(&out).unwrap();
        v["signed_by_hookcli"]["secret"]["fingerprint"]
            .as_str()
            .unwrap()
            .to_string()
    };

    // Checked with another secret: the body is vouched for, the secret is at fault.
    let (code, out, err) = with(
        &db,
        &[
            "verify",
            "--request",
            signed.to_str().unwrap(),
            "--secret",
            "whsec_someone_elses",
        ],
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains("body identical to what hookcli signed"),
        "{out}"
    );
    assert!(
        out.contains(&format!("signed by STRIPE_WEBHOOK_SECRET fp:{fp}")),
        "{out}"
    );
    assert!(
        out.contains("wrong_secret") && !out.contains("body_mutated"),
        "{out}"
    );

    // A body changed on its way: the exact difference from the original.
    let mut request: Value = serde_json::from_str(&out_of(&signed)).unwrap();
    let body =
        request["body"]
            .as_str()
            .unwrap()
            .replacen("\"livemode\": false", "\"livemode\":false", 1);
    request["body"] = body.into();
    let changed = dir.path().join("changed.json");
    std::fs::write(&changed, request.to_string()).unwrap();
    let (code, out, err) = with(
        &db,
        &["verify", "--request", changed.to_str().unwrap(), "--json"],
    );
    assert_eq!(code, 1, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["signed_by_hookcli"]["body_identical"], false, "{v}");
    let mutated = v["causes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "body_mutated");
    assert_eq!(mutated.unwrap()["confidence"], "certain", "{v}");

    // A named store that cannot be used is an error here too.
    let broken = dir.path().join("notes.txt");
    std::fs::write(
        &broken,
        b"not a database, not at all, just notes ...".repeat(50),
    )
    .unwrap();
    let (code, _, err) = with(&broken, &["verify", "--request", signed.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not an SQLite database"), "{err}");
}

fn out_of(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}
