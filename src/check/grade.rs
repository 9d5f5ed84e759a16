//! Grading a finished audit: counts per status, and the exit status for a
//! `--fail-on` threshold. Only `fail` findings at or above the threshold
//! fail the run; `warn` and `unverified` never do.

use super::{CheckReport, Severity, Status};
use crate::exit::ExitStatus;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub passed: usize,
    pub failed: usize,
    pub warned: usize,
    pub unverified: usize,
    pub skipped: usize,
    pub failed_critical: usize,
    pub failed_warning: usize,
    pub failed_info: usize,
}

pub fn counts(report: &CheckReport) -> Counts {
    let mut c = Counts::default();
    for f in &report.checks {
        match f.status {
            Status::Pass => c.passed += 1,
            Status::Warn => c.warned += 1,
            Status::Unverified => c.unverified += 1,
            Status::Skip => c.skipped += 1,
            Status::Fail => {
                c.failed += 1;
                match f.severity {
                    Severity::Critical => c.failed_critical += 1,
                    Severity::Warning => c.failed_warning += 1,
                    Severity::Info => c.failed_info += 1,
                }
            }
        }
    }
    c
}

/// Whether any check at or above `fail_on` failed.
pub fn failed(report: &CheckReport, fail_on: Severity) -> bool {
    report
        .checks
        .iter()
        .any(|f| f.status == Status::Fail && f.severity >= fail_on)
}

pub fn exit_status(report: &CheckReport, fail_on: Severity) -> ExitStatus {
    if failed(report, fail_on) {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    }
}
