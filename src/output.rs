//! The only code that writes to the terminal. Colour is decided once, here.

use crate::cli::ColorChoice;
use crate::exit::{ExitStatus, Hinted};
use crate::style::{self, paint};
use std::io::{self, IsTerminal, Write};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::thread::JoinHandle;
use std::time::Duration;

/// Whether stdout and stderr show colour, decided once by [`init_color`].
static SHOWN: OnceLock<(bool, bool)> = OnceLock::new();

/// Decides colour once per stream: `--color always|never` beats
/// `NO_COLOR`, which beats `CLICOLOR_FORCE`, which beats whether the
/// stream written to is a terminal (anstream's rules, which also honour
/// `CLICOLOR=0` and `TERM=dumb`). Renderers emit styles when either
/// stream shows colour; a stream that does not gets them stripped.
pub fn init_color(choice: ColorChoice) {
    match choice {
        ColorChoice::Auto => anstream::ColorChoice::Auto,
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
    }
    .write_global();
    let shown = |choice| choice != anstream::ColorChoice::Never;
    let out = shown(anstream::AutoStream::choice(&io::stdout()));
    let err = shown(anstream::AutoStream::choice(&io::stderr()));
    let _ = SHOWN.set((out, err));
    style::set_enabled(out || err);
}

/// Writes `text` to `stream`, without the styles in it when the stream
/// does not show colour.
fn write_styled(mut stream: impl Write, shown: bool, text: &str) -> io::Result<()> {
    if shown || !style::enabled() {
        stream.write_all(text.as_bytes())?;
    } else {
        for plain in anstream::adapter::strip_str(text) {
            stream.write_all(plain.as_bytes())?;
        }
    }
    stream.flush()
}

/// Writes text to stdout exactly, treating a closed pipe as a normal end.
pub fn stdout(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Writes a report rendered with [`style`]s to stdout, without them when
/// stdout does not show colour.
pub fn styled(text: &str) -> io::Result<()> {
    let shown = SHOWN.get().is_some_and(|s| s.0);
    write_styled(io::stdout().lock(), shown, text)
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
                while let Some(pieces) = crate::gather::gather(&rx, usize::MAX, |_| pause(busy)) {
                    busy = pieces.len() > 1;
                    // A closed stdout ends the output, not the listener.
                    let _ = styled(&pieces.concat());
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
    let mut text = format!(
        "{} {}\n",
        paint(style::BAD, "error:"),
        crate::escape::for_terminal(&message)
    );
    if let Some(hint) = hint {
        text.push_str(&format!("  {} {hint}\n", paint(style::HINT, "hint:")));
    }
    let shown = SHOWN.get().is_some_and(|s| s.1);
    let _ = write_styled(io::stderr().lock(), shown, &text);
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
