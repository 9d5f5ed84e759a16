//! Exit statuses and the one error type whose behaviour (exit code, hint)
//! the caller depends on. Everything else is an `anyhow::Error` with context.

use std::fmt;

/// 0 = success/valid, 1 = the check failed, 2 = usage or I/O error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    Success,
    Failure,
    Error,
}

impl ExitStatus {
    pub fn code(self) -> i32 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Failure => 1,
            ExitStatus::Error => 2,
        }
    }
}

/// An error with a next step for the user, and the exit status it means.
#[derive(Debug)]
pub struct Hinted {
    pub message: String,
    pub hint: Option<String>,
    pub status: ExitStatus,
}

impl Hinted {
    pub fn usage(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Hinted {
            message: message.into(),
            hint: Some(hint.into()),
            status: ExitStatus::Error,
        }
    }
}

impl fmt::Display for Hinted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Hinted {}

impl From<crate::fixtures::FixtureError> for Hinted {
    fn from(e: crate::fixtures::FixtureError) -> Self {
        Hinted {
            hint: e.hint(),
            message: e.to_string(),
            status: ExitStatus::Error,
        }
    }
}
