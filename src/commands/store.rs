//! `hookcli store info|clear`: what the event store holds, and emptying it.

use super::Globals;
use crate::cli::{StoreArgs, StoreCommand};
use crate::exit::{ExitStatus, Hinted};
use crate::output;
use crate::store::{DEFAULT_MAX_AGE_DAYS, DEFAULT_MAX_ROWS, Location};
use serde_json::json;

pub fn run(args: &StoreArgs, globals: &Globals) -> anyhow::Result<ExitStatus> {
    let cmd = args
        .command
        .as_ref()
        .unwrap_or(&StoreCommand::Info { json: false });
    let Location::Path(path) = &globals.store else {
        return Err(Hinted::usage(
            "the event store is off (--no-store or HOOKCLI_STORE=off)",
            "pass --store PATH to name one",
        )
        .into());
    };
    match cmd {
        StoreCommand::Info { json } => {
            let counts = if path.exists() {
                let store = globals.required_store()?;
                store
                    .table_counts()
                    .map_err(|e| Hinted::from(store.fault(&e)))?
            } else {
                Vec::new()
            };
            let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
            if *json {
                let tables: serde_json::Map<String, serde_json::Value> = counts
                    .iter()
                    .map(|c| (c.table.clone(), c.rows.into()))
                    .collect();
                output::json(&json!({
                    "path": path.display().to_string(),
                    "exists": path.exists(),
                    "bytes": bytes,
                    "tables": tables,
                    "max_age_days": DEFAULT_MAX_AGE_DAYS,
                    "max_rows": DEFAULT_MAX_ROWS,
                }))?;
            } else {
                let mut text = format!(
                    "event store: {}{}\nsize: {bytes} bytes; kept: {DEFAULT_MAX_AGE_DAYS} days, at most {DEFAULT_MAX_ROWS} rows per table\n",
                    path.display(),
                    if path.exists() {
                        ""
                    } else {
                        " (not created yet)"
                    }
                );
                for c in &counts {
                    text.push_str(&format!("  {:<16} {}\n", c.table, c.rows));
                }
                output::stdout(&text)?;
            }
            Ok(ExitStatus::Success)
        }
        StoreCommand::Clear { yes } => {
            if !path.exists() {
                output::note(&format!(
                    "nothing to clear: {} does not exist",
                    path.display()
                ));
                return Ok(ExitStatus::Success);
            }
            let question = format!("Delete everything recorded in {}?", path.display());
            let confirmed = *yes
                || crate::prompt::confirm(&question)
                    .map_err(|e| Hinted::usage(format!("cannot ask: {e}"), "pass --yes"))?;
            if !confirmed {
                if crate::prompt::interactive() {
                    output::note("left the store as it was");
                    return Ok(ExitStatus::Failure);
                }
                return Err(Hinted::usage(
                    "refusing to clear the store without confirmation",
                    "pass --yes (no terminal to ask on)",
                )
                .into());
            }
            let mut store = globals.required_store()?;
            let removed = store.clear().map_err(|e| Hinted::from(store.fault(&e)))?;
            output::note(&format!("cleared {removed} rows from {}", path.display()));
            Ok(ExitStatus::Success)
        }
    }
}
