//! Interactive questions, asked only when both stdin and stderr are a
//! terminal (dialoguer draws on stderr). Without one, every function here
//! returns `Ok(None)` / `Ok(false)` and the caller fails with an error that
//! names the flag or variable instead.

use std::io::IsTerminal;

/// Whether hookcli may ask the user something.
pub fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

fn theme() -> dialoguer::theme::ColorfulTheme {
    dialoguer::theme::ColorfulTheme::default()
}

/// A fuzzy-searchable pick from `items`; `None` without a terminal or when
/// the user presses Esc.
pub fn choose(prompt: &str, items: &[String]) -> std::io::Result<Option<usize>> {
    if !interactive() || items.is_empty() {
        return Ok(None);
    }
    dialoguer::FuzzySelect::with_theme(&theme())
        .with_prompt(prompt)
        .items(items)
        .default(0)
        .max_length(12)
        .interact_opt()
        .map_err(into_io)
}

/// A line typed with hidden input; `None` without a terminal or when empty.
pub fn secret(prompt: &str) -> std::io::Result<Option<String>> {
    if !interactive() {
        return Ok(None);
    }
    let value = dialoguer::Password::with_theme(&theme())
        .with_prompt(prompt)
        .allow_empty_password(true)
        .interact()
        .map_err(into_io)?;
    Ok(Some(value).filter(|v| !v.is_empty()))
}

/// Yes or no, defaulting to no; `false` without a terminal.
pub fn confirm(prompt: &str) -> std::io::Result<bool> {
    if !interactive() {
        return Ok(false);
    }
    dialoguer::Confirm::with_theme(&theme())
        .with_prompt(prompt)
        .default(false)
        .interact()
        .map_err(into_io)
}

fn into_io(e: dialoguer::Error) -> std::io::Error {
    match e {
        dialoguer::Error::IO(e) => e,
    }
}
