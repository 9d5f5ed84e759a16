//! The audit's three renderings: for a person (grouped lines, failures
//! explained underneath, a summary), JSON (docs/json.md) and JUnit XML for
//! CI dashboards. Each returns a value; `output` prints it.

use super::grade::{self, Counts};
use super::{CheckReport, Finding, Group, Severity, Status};
use crate::style::{self, paint};
use serde_json::{Value, json};
use std::fmt::Write;

fn seconds(report: &CheckReport) -> f64 {
    (report.elapsed.as_secs_f64() * 1000.0).round() / 1000.0
}

fn not_selected(f: &Finding) -> bool {
    f.status == Status::Skip && f.summary == super::NOT_SELECTED
}

fn tag(status: Status) -> String {
    match status {
        Status::Pass => paint(style::GOOD, "pass").to_string(),
        Status::Fail => paint(style::BAD, "FAIL").to_string(),
        Status::Warn => paint(style::WARN, "warn").to_string(),
        Status::Unverified => paint(style::DIM, "unverified").to_string(),
        Status::Skip => paint(style::DIM, "skip").to_string(),
    }
}

/// One line per check, grouped; failures and warnings explained below; a
/// summary line.
pub fn human(report: &CheckReport, fail_on: Severity) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "hookcli check: {} endpoint {} (budget {}{})",
        report.provider,
        crate::escape::for_terminal(&report.target),
        crate::send::format_duration(report.budget),
        report
            .observer
            .as_deref()
            .map(|o| format!(", observer {}", crate::escape::for_terminal(o)))
            .unwrap_or_default()
    );
    let width = report.checks.iter().map(|f| f.id.len()).max().unwrap_or(0);
    let mut group: Option<Group> = None;
    for f in report.checks.iter().filter(|f| !not_selected(f)) {
        if group != Some(f.group) {
            group = Some(f.group);
            let _ = writeln!(out, "\n{}", paint(style::STRONG, f.group.title()));
        }
        let severity = if matches!(f.status, Status::Fail | Status::Warn) {
            format!(" [{}]", f.severity.name())
        } else {
            String::new()
        };
        // The tag is padded by its visible width, colour codes aside.
        let visible = f.status.name().len();
        let _ = writeln!(
            out,
            "  {}{} {:width$}  {}{}",
            tag(f.status),
            " ".repeat(10usize.saturating_sub(visible)),
            f.id,
            f.summary,
            severity,
        );
    }
    let explained: Vec<&Finding> = report
        .checks
        .iter()
        .filter(|f| matches!(f.status, Status::Fail | Status::Warn))
        .collect();
    if !explained.is_empty() {
        let _ = writeln!(out, "\n{}", paint(style::STRONG, "Failures and warnings"));
    }
    for f in explained {
        let _ = writeln!(
            out,
            "\n  {} {} ({}): {}",
            tag(f.status),
            paint(style::STRONG, &f.id),
            f.severity.name(),
            f.summary
        );
        if let Some(c) = &f.cause {
            let _ = writeln!(out, "    cause: [{}] {}", c.id, c.message);
        }
        if let Some(s) = &f.matched_secret {
            let _ = writeln!(
                out,
                "    accepted secret: {} (fp:{})",
                s.label, s.fingerprint
            );
        }
        for e in f.evidence.iter().take(4) {
            let _ = writeln!(out, "    - {}: {}", e.label, e.request);
            let got = match (e.status, &e.error) {
                (Some(s), _) => format!(
                    "{s} in {}",
                    e.latency_ms.map_or(String::new(), |l| format!("{l} ms"))
                ),
                (None, Some(err)) => format!("no answer: {err}"),
                (None, None) => String::new(),
            };
            match &e.answer {
                Some(a) if !a.is_empty() => {
                    let _ = writeln!(out, "      got {got}: {a}");
                }
                _ if !got.is_empty() => {
                    let _ = writeln!(out, "      got {got}");
                }
                _ => {}
            }
        }
        if f.evidence.len() > 4 {
            let _ = writeln!(out, "    ({} more in --format json)", f.evidence.len() - 4);
        }
        if let Some(fix) = &f.fix {
            let _ = writeln!(out, "    fix: {fix}");
        }
    }
    if let Some(why) = &report.stopped {
        let _ = writeln!(out, "\nstopped sending early: {why}");
    }
    let c = grade::counts(report);
    let verdict = if grade::failed(report, fail_on) {
        paint(style::BAD, "FAILED").to_string()
    } else {
        paint(style::GOOD_STRONG, "ok").to_string()
    };
    let _ = writeln!(
        out,
        "\nresult: {verdict}. {} ({} requests in {:.1} s)",
        count_line(&c),
        report.deliveries,
        seconds(report)
    );
    out
}

fn count_line(c: &Counts) -> String {
    let mut failed = format!("{} failed", c.failed);
    if c.failed > 0 {
        let parts: Vec<String> = [
            (c.failed_critical, "critical"),
            (c.failed_warning, "warning"),
            (c.failed_info, "info"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, s)| format!("{n} {s}"))
        .collect();
        failed.push_str(&format!(" ({})", parts.join(", ")));
    }
    format!(
        "{} passed; {failed}; {} warned; {} unverified; {} skipped",
        c.passed, c.warned, c.unverified, c.skipped
    )
}

fn finding_json(f: &Finding) -> Value {
    json!({
        "id": f.id,
        "group": f.group.name(),
        "status": f.status.name(),
        "severity": f.severity.name(),
        "summary": f.summary,
        "evidence": f.evidence.iter().map(|e| json!({
            "label": e.label,
            "request": e.request,
            "status": e.status,
            "latency_ms": e.latency_ms,
            "answer": e.answer,
            "error": e.error,
        })).collect::<Vec<_>>(),
        "fix": f.fix,
        "cause": f.cause.as_ref().map(|c| json!({"id": c.id, "message": c.message})),
        "matched_secret": f.matched_secret.as_ref().map(|s| json!({"label": s.label, "fingerprint": s.fingerprint})),
    })
}

/// One JSON document (docs/json.md, `hookcli check --format json`).
pub fn json(report: &CheckReport, fail_on: Severity) -> Value {
    let c = grade::counts(report);
    json!({
        "target": report.target,
        "provider": report.provider,
        "budget_ms": report.budget.as_millis() as u64,
        "observer": report.observer,
        "checks": report.checks.iter().map(finding_json).collect::<Vec<_>>(),
        "summary": {
            "ok": !grade::failed(report, fail_on),
            "fail_on": fail_on.name(),
            "passed": c.passed,
            "failed": c.failed,
            "warned": c.warned,
            "unverified": c.unverified,
            "skipped": c.skipped,
            "failed_by_severity": {"critical": c.failed_critical, "warning": c.failed_warning, "info": c.failed_info},
            "requests": report.deliveries,
            "elapsed_s": seconds(report),
            "stopped": report.stopped,
        },
    })
}

/// Text safe inside XML 1.0 attributes and elements.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

fn details(f: &Finding) -> String {
    let mut d = String::new();
    if let Some(c) = &f.cause {
        let _ = writeln!(d, "cause: [{}] {}", c.id, c.message);
    }
    if let Some(s) = &f.matched_secret {
        let _ = writeln!(d, "accepted secret: {} (fp:{})", s.label, s.fingerprint);
    }
    for e in &f.evidence {
        let _ = writeln!(d, "- {}: {}", e.label, e.request);
        if let Some(s) = e.status {
            let _ = writeln!(d, "  got {s}: {}", e.answer.as_deref().unwrap_or(""));
        } else if let Some(err) = &e.error {
            let _ = writeln!(d, "  no answer: {err}");
        }
    }
    if let Some(fix) = &f.fix {
        let _ = writeln!(d, "fix: {fix}");
    }
    d
}

/// JUnit XML: one `testcase` per check; failures as `failure` (type = the
/// severity), unverified and skipped checks as `skipped`, warnings as
/// passing cases with the warning in `system-out`.
pub fn junit(report: &CheckReport) -> String {
    let c = grade::counts(report);
    let tests = report.checks.len();
    let skipped = c.skipped + c.unverified;
    let suite = format!("hookcli check {} {}", report.provider, report.target);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"hookcli check\" tests=\"{tests}\" failures=\"{}\" errors=\"0\" skipped=\"{skipped}\" time=\"{:.3}\">",
        c.failed,
        seconds(report)
    );
    let _ = writeln!(
        out,
        "  <testsuite name=\"{}\" tests=\"{tests}\" failures=\"{}\" errors=\"0\" skipped=\"{skipped}\" time=\"{:.3}\">",
        xml(&suite),
        c.failed,
        seconds(report)
    );
    for f in &report.checks {
        let class = format!("hookcli.check.{}.{}", report.provider, f.group.name());
        let _ = write!(
            out,
            "    <testcase classname=\"{}\" name=\"{}\" time=\"0\"",
            xml(&class),
            f.id
        );
        match f.status {
            Status::Pass => out.push_str("/>\n"),
            Status::Fail => {
                let _ = writeln!(
                    out,
                    ">\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    </testcase>",
                    f.severity.name(),
                    xml(&f.summary),
                    xml(&details(f))
                );
            }
            Status::Warn => {
                let _ = writeln!(
                    out,
                    ">\n      <system-out>warning: {}\n{}</system-out>\n    </testcase>",
                    xml(&f.summary),
                    xml(&details(f))
                );
            }
            Status::Unverified | Status::Skip => {
                let _ = writeln!(
                    out,
                    ">\n      <skipped message=\"{}: {}\"/>\n    </testcase>",
                    f.status.name(),
                    xml(&f.summary)
                );
            }
        }
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}
