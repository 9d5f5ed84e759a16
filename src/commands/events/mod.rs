//! `hookcli events`: list or show what `listen` recorded.

mod render;

use super::Globals;
use crate::cli::{EventsArgs, EventsCommand, EventsListArgs, ReceivedFilterArgs, VerdictFilter};
use crate::exit::{ExitStatus, Hinted};
use crate::output;
use crate::store::{ReceivedFilter, Store};

pub fn run(args: &EventsArgs, globals: &Globals) -> anyhow::Result<ExitStatus> {
    let store = globals.required_store()?;
    match (&args.action, args.id) {
        (Some(EventsCommand::Show(show)), _) => show_one(&store, show.id, show.body, show.json),
        (Some(EventsCommand::List(list)), _) => list_rows(&store, list),
        (None, Some(id)) => show_one(&store, id, args.body, args.list.json),
        (None, None) => list_rows(&store, &args.list),
    }
}

fn show_one(store: &Store, id: i64, body: bool, json: bool) -> anyhow::Result<ExitStatus> {
    let row = store
        .get_received(id)
        .map_err(|e| Hinted::from(store.fault(&e)))?
        .ok_or_else(|| {
            Hinted::usage(
                format!("no stored request #{id} in {}", store.path().display()),
                "list them with `hookcli events list`",
            )
        })?;
    if body {
        output::stdout_bytes(&row.new.body)?;
    } else if json {
        output::json(&render::json(&row, true))?;
    } else {
        output::stdout(&render::details(&row))?;
    }
    Ok(ExitStatus::Success)
}

fn list_rows(store: &Store, args: &EventsListArgs) -> anyhow::Result<ExitStatus> {
    let mut filter = resolve_filter(&args.filter, crate::clock::now_ms());
    filter.limit = Some(args.limit);
    let rows = store
        .list_received(&filter)
        .map_err(|e| Hinted::from(store.fault(&e)))?;
    if args.json {
        for row in &rows {
            output::json(&render::json(row, false))?;
        }
    } else if rows.is_empty() {
        output::note(&format!(
            "no stored requests match (store: {})",
            store.path().display()
        ));
    } else {
        let text: String = rows.iter().map(render::line).collect();
        output::stdout(&text)?;
    }
    Ok(ExitStatus::Success)
}

/// Turns the filter flags into a store filter; `now_ms` anchors `--since 2h`.
pub fn resolve_filter(args: &ReceivedFilterArgs, now_ms: i64) -> ReceivedFilter {
    let since_ms = args.since.map(|s| s.as_millis(now_ms));
    ReceivedFilter {
        ids: Vec::new(),
        event_type: args.event_type.clone(),
        valid: args.verdict.map(|v| v == VerdictFilter::Valid),
        since_ms,
        dead_letters_only: args.dead_letters,
        limit: None,
    }
}
