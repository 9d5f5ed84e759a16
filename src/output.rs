//! The only code that writes to the terminal. Colour is decided once, here.

use crate::cli::ColorChoice;
use crate::exit::{ExitStatus, Hinted};
use colored::Colorize;
use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::thread::JoinHandle;
use std::time::Duration;

static STDERR_COLOR: std::sync::OnceLock<bool> = std::sync::OnceLock::new();

/// Decides colour once: `--color always|never` beats `NO_COLOR`, which
/// beats `CLICOLOR_FORCE`, which beats whether the stream is a terminal
/// (stdout for reports, stderr for errors and notes).
pub fn init_color(choice: ColorChoice) {
    let decide = |is_tty: bool| match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let force =
                std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0");
            !no_color && (force || is_tty)
        }
    };
    colored::control::set_override(decide(io::stdout().is_terminal()));
    let _ = STDERR_COLOR.set(decide(io::stderr().is_terminal()));
}

/// Whether text written to stderr may carry colour.
pub fn stderr_color() -> bool {
    STDERR_COLOR.get().copied().unwrap_or(false)
}

/// Whether colour was chosen for this run.
pub fn color_enabled() -> bool {
    colored::control::SHOULD_COLORIZE.should_colorize()
}

/// Colours a plain report for a terminal, when colour is on: a leading
/// `valid:`/`ok:` green, `invalid:`/`FAIL:` red, a leading `[cause_id]`
/// yellow. Reports stay plain strings everywhere else (pipes, tests, JSON).
pub fn paint(report: &str) -> String {
    if !color_enabled() {
        return report.to_string();
    }
    let mut out = String::with_capacity(report.len() + 64);
    for line in report.split_inclusive('\n') {
        let painted = [
            ("valid:", true),
            ("ok:", true),
            ("invalid:", false),
            ("FAIL:", false),
        ]
        .iter()
        .find_map(|(word, good)| {
            line.strip_prefix(word).map(|rest| {
                let w = if *good {
                    word.green().bold()
                } else {
                    word.red().bold()
                };
                format!("{w}{rest}")
            })
        })
        .or_else(|| {
            let rest = line.strip_prefix('[')?;
            let (id, tail) = rest.split_once(']')?;
            let is_id = !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
            is_id.then(|| format!("{}{tail}", format!("[{id}]").yellow()))
        });
        out.push_str(painted.as_deref().unwrap_or(line));
    }
    out
}

/// Writes text to stdout, treating a closed pipe as a normal end.
pub fn stdout(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Text for stdout written on a thread of its own, whatever has queued up
/// in one write, in the order it was queued. For the listener, whose
/// workers must keep answering: a terminal that scrolls slowly or a pipe
/// nobody reads would otherwise stall them, and one write(2) per request
/// is a cost they should not pay (benches/README.md). Text that finds the queue full
/// is not shown, and a note on stderr says how much.
/// [`finish`](Self::finish) writes what is queued and stops.
pub struct Background {
    queue: Mutex<Option<mpsc::SyncSender<String>>>,
    dropped: Arc<AtomicU64>,
    writer: Mutex<Option<JoinHandle<()>>>,
}

/// Pieces of text the queue holds before new ones are not shown.
const QUEUE: usize = 16_384;
/// After a write that carried more than one piece (the listener is busy),
/// how long the writer lets text gather. A writer that is idle writes at once.
const GATHER: Duration = Duration::from_millis(1);

impl Background {
    pub fn start() -> Background {
        let (tx, rx) = mpsc::sync_channel::<String>(QUEUE);
        let dropped = Arc::new(AtomicU64::new(0));
        let lost = dropped.clone();
        let writer = std::thread::Builder::new()
            .name("hookcli-stdout".into())
            .spawn(move || {
                let mut busy = false;
                let pause = |busy: bool| if busy { GATHER } else { Duration::ZERO };
                while let Some(pieces) = crate::gather::gather(&rx, usize::MAX, || pause(busy)) {
                    busy = pieces.len() > 1;
                    // A closed stdout ends the output, not the listener.
                    let _ = stdout(&pieces.concat());
                    match lost.swap(0, Ordering::Relaxed) {
                        0 => {}
                        n => note(&format!("({n} lines not shown: stdout did not keep up)")),
                    }
                }
            })
            .expect("spawn the stdout writer thread");
        Background {
            queue: Mutex::new(Some(tx)),
            dropped,
            writer: Mutex::new(Some(writer)),
        }
    }

    /// Queues `text`; it is not shown if the queue is full or
    /// [`finish`](Self::finish) was called.
    pub fn print(&self, text: String) {
        let Ok(queue) = self.queue.lock() else {
            return;
        };
        if let Some(Err(mpsc::TrySendError::Full(_))) = queue.as_ref().map(|q| q.try_send(text)) {
            self.dropped.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Queues one JSON value as a line, escaped as [`json`] escapes it.
    pub fn json(&self, value: &serde_json::Value) {
        self.print(json_line(value));
    }

    /// Writes everything queued and stops the thread.
    pub fn finish(&self) {
        if let Ok(mut queue) = self.queue.lock() {
            queue.take();
        }
        let writer = self.writer.lock().ok().and_then(|mut w| w.take());
        if let Some(writer) = writer {
            let _ = writer.join();
        }
    }
}

/// Writes raw bytes to stdout (exact bodies).
pub fn stdout_bytes(bytes: &[u8]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()
}

/// Prints one JSON value on its own line, with control and bidi
/// characters as `\u` escapes (JSON lines often end up on a terminal).
pub fn json(value: &serde_json::Value) -> io::Result<()> {
    stdout(&json_line(value))
}

fn json_line(value: &serde_json::Value) -> String {
    format!("{}\n", crate::escape::json_for_terminal(value))
}

/// A note for the person at the terminal (stderr, so stdout stays data).
pub fn note(text: &str) {
    let _ = writeln!(io::stderr(), "{text}");
}

/// Reports an error on stderr as one line plus an optional hint, and returns
/// the exit status it means. A broken pipe on stdout ends quietly.
pub fn report_error(err: &anyhow::Error) -> ExitStatus {
    if let Some(io_err) = err.downcast_ref::<io::Error>()
        && io_err.kind() == io::ErrorKind::BrokenPipe
    {
        return ExitStatus::Success;
    }
    let (message, hint, status) = match err.downcast_ref::<Hinted>() {
        Some(h) => (h.message.clone(), h.hint.clone(), h.status),
        None => (format!("{err:#}"), None, ExitStatus::Error),
    };
    // stderr decides its colour apart from stdout, so the labels carry
    // their own escape codes rather than `colored`'s stdout-wide switch.
    let stderr_color = stderr_color();
    let label = if stderr_color {
        "\x1b[1;31merror:\x1b[0m"
    } else {
        "error:"
    };
    let mut text = format!("{label} {}\n", crate::escape::for_terminal(&message));
    if let Some(hint) = hint {
        let label = if stderr_color {
            "\x1b[36mhint:\x1b[0m"
        } else {
            "hint:"
        };
        text.push_str(&format!("  {label} {hint}\n"));
    }
    let _ = io::stderr().write_all(text.as_bytes());
    status
}

/// A progress bar on stderr for long work, drawn only on a terminal (hidden
/// in pipes, files and CI logs).
pub fn progress(len: u64, what: &str) -> indicatif::ProgressBar {
    if !io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} {per_sec} eta {eta}")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(what.to_string());
    bar
}

/// A spinner on stderr counting work of unknown length, drawn only on a
/// terminal.
pub fn spinner(what: &str) -> indicatif::ProgressBar {
    if !io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new_spinner();
    if let Ok(style) = indicatif::ProgressStyle::with_template("{spinner} {msg} {pos} requests") {
        bar.set_style(style);
    }
    bar.set_message(what.to_string());
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}
