//! The documentation cannot rot: every ```sh block in README.md and docs/*.md
//! is run, in order, by bash with the hookcli under test first on PATH.
//!
//! Block info strings:
//! - `sh`: run with `set -euo pipefail`; must exit 0.
//! - `sh exit=N`: run without `-e`; its last command must exit N.
//! - `sh background`: a long-running command (a listener). Started, awaited
//!   until it prints its first line, and stopped with SIGINT when the file's
//!   blocks are done.
//!
//! Any other block (bash, yaml, text, js, …) is not run, but a `hookcli`
//! command written in it must also appear in a run block, so a command can
//! only be documented if it is exercised.
//!
//! The docs use memorable ports (4242, 3000, …). A background listener is
//! run on port 0 and the port it reports takes the documented one's place in
//! later blocks (the default port, 4242, through `HOOKCLI_PORT`); a
//! documented port nothing listens on maps to a port held closed. So no
//! block depends on a fixed port being free, and none is reserved, released
//! and bound later.

use crate::common;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Block {
    line: usize,
    info: String,
    code: String,
}

fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut current: Option<Block> = None;
    for (i, line) in text.lines().enumerate() {
        match (&mut current, line.trim_start().strip_prefix("```")) {
            (None, Some(info)) => {
                current = Some(Block {
                    line: i + 1,
                    info: info.trim().to_string(),
                    code: String::new(),
                })
            }
            (Some(_), Some(_)) => out.push(current.take().unwrap()),
            (Some(b), None) => {
                b.code.push_str(line);
                b.code.push('\n');
            }
            (None, None) => {}
        }
    }
    out
}

fn doc_files() -> Vec<PathBuf> {
    let root = common::root();
    let mut files = vec![root.join("README.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root.join("docs"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    docs.retain(|p| p.extension().is_some_and(|e| e == "md"));
    docs.sort();
    files.extend(docs);
    files
}

/// The hookcli command lines of a block: continuation lines joined, `$ `
/// and YAML `- run: ` prefixes removed, whitespace collapsed.
fn commands(code: &str) -> Vec<String> {
    let joined = code.replace("\\\n", " ");
    joined
        .lines()
        .map(|l| {
            let l = l.trim();
            let l = l.strip_prefix("- run:").unwrap_or(l).trim();
            let l = l.strip_prefix("$ ").unwrap_or(l);
            l.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .filter(|l| l.starts_with("hookcli "))
        .collect()
}

/// The documented ports, each mapped to where it is now: the port a
/// background listener bound (it binds :0 and says which), else a port
/// nothing listens on that no other test can be given.
struct Ports(Vec<(String, String)>);

impl Ports {
    const DOCUMENTED: &[&str] = &["4242", "4243", "4244", "3000", "3001", "3002", "3003"];

    fn allocate() -> Ports {
        Ports(
            Self::DOCUMENTED
                .iter()
                .map(|d| (d.to_string(), common::refused_addr().port().to_string()))
                .collect(),
        )
    }

    /// From now on, `documented` means `port`.
    fn set(&mut self, documented: &str, port: u16) {
        self.0.retain(|(d, _)| d != documented);
        self.0.push((documented.to_string(), port.to_string()));
    }

    /// `code` with every documented port (a whole number, not part of a
    /// longer one) replaced by its free port.
    fn apply(&self, code: &str) -> String {
        let mut out = String::with_capacity(code.len());
        let mut rest = code;
        while let Some(pos) = rest.find(|c: char| c.is_ascii_digit()) {
            out.push_str(&rest[..pos]);
            let digits = rest[pos..]
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len() - pos);
            let number = &rest[pos..pos + digits];
            match self.0.iter().find(|(d, _)| d == number) {
                Some((_, free)) => out.push_str(free),
                None => out.push_str(number),
            }
            rest = &rest[pos + digits..];
        }
        out.push_str(rest);
        out
    }

    fn default_listen_port(&self) -> &str {
        self.0
            .iter()
            .find(|(d, _)| d == Self::DOCUMENTED[0])
            .map(|(_, p)| p.as_str())
            .unwrap_or_default()
    }
}

fn bash(code: &str, dir: &Path, errexit: bool) -> Command {
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_hookcli")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let script = if errexit {
        format!("set -euo pipefail\n{code}")
    } else {
        code.to_string()
    };
    let mut cmd = Command::new("bash");
    common::clear_env(&mut cmd);
    cmd.arg("-c").arg(script).current_dir(dir).env("PATH", path);
    cmd.env("HOME", dir)
        .env("HOOKCLI_STORE", dir.join("events.db"))
        .env("NO_COLOR", "1")
        .stdin(Stdio::null());
    cmd
}

/// Background listeners of one file, stopped (SIGINT, then SIGKILL) on drop.
struct Background(Vec<Child>);

impl Drop for Background {
    fn drop(&mut self) {
        for child in &mut self.0 {
            let pgid = format!("-{}", child.id());
            let _ = Command::new("kill")
                .args(["-INT", "--", &pgid])
                .stderr(Stdio::null())
                .status();
        }
        let deadline = Instant::now() + Duration::from_secs(5);
        for child in &mut self.0 {
            while Instant::now() < deadline {
                if let Ok(Some(_)) = child.try_wait() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            let pgid = format!("-{}", child.id());
            let _ = Command::new("kill")
                .args(["-KILL", "--", &pgid])
                .stderr(Stdio::null())
                .status();
            let _ = child.wait();
        }
    }
}

fn start_background(code: &str, dir: &Path, ports: &mut Ports, what: &str) -> Child {
    use std::os::unix::process::CommandExt;
    // The listener binds port 0; the port it names takes the documented one's place.
    let code = code.trim();
    let documented = code
        .split_whitespace()
        .skip_while(|w| *w != "--port")
        .nth(1)
        .map_or(Ports::DOCUMENTED[0], |p| p);
    let code = ports.apply(&code.replacen(&format!("--port {documented}"), "--port 0", 1));
    let mut cmd = bash(&format!("exec {code}"), dir, false);
    cmd.env("HOOKCLI_PORT", "0");
    cmd.process_group(0)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn background block");
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines();
        if let Some(Ok(first)) = lines.next() {
            let _ = tx.send(first);
        }
        for _ in lines {}
    });
    match rx.recv_timeout(Duration::from_secs(30)) {
        Ok(first) => {
            assert!(
                first.contains("listening on"),
                "{what}: first line {first:?}"
            );
            ports.set(documented, listening_port(&first));
        }
        Err(_) => {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!(
                "{what}: never said where it listens; stderr: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    child
}

/// The port in `listening on http://127.0.0.1:PORT/…`.
fn listening_port(line: &str) -> u16 {
    let rest = &line[line.find("://").expect("a URL") + 3..];
    let authority = rest.split('/').next().unwrap();
    let addr: std::net::SocketAddr = authority.parse().expect("an address");
    addr.port()
}

fn run_block(block: &Block, dir: &Path, ports: &Ports, what: &str) {
    let expected: i32 = block
        .info
        .split_whitespace()
        .find_map(|w| w.strip_prefix("exit="))
        .map(|n| n.parse().unwrap())
        .unwrap_or(0);
    let mut cmd = bash(&ports.apply(&block.code), dir, expected == 0);
    cmd.env("HOOKCLI_PORT", ports.default_listen_port());
    let out = cmd.output().expect("run block");
    let code = out.status.code().unwrap_or(-1);
    assert_eq!(
        code,
        expected,
        "{what} exited {code}, expected {expected}\n--- code\n{}--- stdout\n{}--- stderr\n{}",
        block.code,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn every_documented_command_runs() {
    let files = doc_files();
    let mut ran: Vec<String> = Vec::new();
    let mut shown: Vec<(String, String)> = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut background = Background(Vec::new());
        let mut ports = Ports::allocate();
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        for block in blocks(&text) {
            let what = format!("{name}:{}", block.line);
            let kind = block.info.split_whitespace().next().unwrap_or("");
            if kind == "sh" {
                ran.extend(commands(&block.code));
                if block.info.split_whitespace().any(|w| w == "background") {
                    background
                        .0
                        .push(start_background(&block.code, dir.path(), &mut ports, &what));
                } else {
                    run_block(&block, dir.path(), &ports, &what);
                }
            } else {
                for c in commands(&block.code) {
                    shown.push((what.clone(), c));
                }
            }
        }
        drop(background);
    }
    let unexercised: Vec<String> = shown
        .iter()
        .filter(|(_, c)| !ran.iter().any(|r| r == c))
        .map(|(w, c)| format!("{w}: {c}"))
        .collect();
    assert!(
        unexercised.is_empty(),
        "documented but never run (put them in a ```sh block): {unexercised:#?}"
    );
    assert!(ran.len() > 30, "only {} commands found", ran.len());
}
