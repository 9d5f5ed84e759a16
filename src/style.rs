//! The styles hookcli's reports use, and the one switch that says whether
//! renderers emit them. Renderers wrap words in [`paint`]; [`crate::output`]
//! turns the switch on once per run when a stream it writes shows colour,
//! and strips the styles from a stream that does not (anstream). Off
//! unless turned on, so library callers and tests get plain text.

use anstyle::{AnsiColor, Style};
use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};

/// A verdict that passed (`valid`, `pass`, `ok`).
pub const GOOD: Style = AnsiColor::Green.on_default();
/// A verdict that passed, where it heads a report (`valid:`, `result: ok`).
pub const GOOD_STRONG: Style = AnsiColor::Green.on_default().bold();
/// A verdict that failed (`INVALID`, `FAIL`, `error:`).
pub const BAD: Style = AnsiColor::Red.on_default().bold();
/// An alarm line, less loud than a failed verdict.
pub const ALARM: Style = AnsiColor::Red.on_default();
/// A warning, a flag or a cause id.
pub const WARN: Style = AnsiColor::Yellow.on_default();
/// What was not run or not proven.
pub const DIM: Style = Style::new().dimmed();
/// A heading or a name to find.
pub const STRONG: Style = Style::new().bold();
/// The `hint:` label.
pub const HINT: Style = AnsiColor::Cyan.on_default();

static ENABLED: AtomicBool = AtomicBool::new(false);

/// Turns styles on or off for the rest of the run.
pub fn set_enabled(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}

/// Whether renderers emit styles.
pub fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

/// `text` in `style`, when styles are on.
pub fn paint<T: fmt::Display>(style: Style, text: T) -> Painted<T> {
    Painted { style, text }
}

/// See [`paint`].
pub struct Painted<T> {
    style: Style,
    text: T,
}

impl<T: fmt::Display> Painted<T> {
    fn write(&self, f: &mut fmt::Formatter<'_>, on: bool) -> fmt::Result {
        if on {
            let (start, end) = (self.style.render(), self.style.render_reset());
            write!(f, "{start}{}{end}", self.text)
        } else {
            self.text.fmt(f)
        }
    }
}

impl<T: fmt::Display> fmt::Display for Painted<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, enabled())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders as if styles were on, without touching the switch other
    /// tests read.
    struct On<'a, T>(&'a Painted<T>);

    impl<T: fmt::Display> fmt::Display for On<'_, T> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.0.write(f, true)
        }
    }

    #[test]
    fn plain_unless_turned_on() {
        assert_eq!(paint(GOOD, "valid").to_string(), "valid");
        let failed = paint(BAD, "FAIL");
        assert_eq!(On(&failed).to_string(), "\u{1b}[1m\u{1b}[31mFAIL\u{1b}[0m");
    }
}
