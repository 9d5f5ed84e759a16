//! The committed completions/ files must be what the binary generates now.
//! Regenerate with: bash scripts/generate-completions.sh

mod common;

use common::{root, run};

const FILES: &[(&[&str], &str)] = &[
    (&["completions", "bash"], "completions/hookcli.bash"),
    (&["completions", "zsh"], "completions/_hookcli"),
    (&["completions", "fish"], "completions/hookcli.fish"),
    (&["completions", "powershell"], "completions/_hookcli.ps1"),
    (&["completions", "elvish"], "completions/hookcli.elv"),
    (&["man"], "completions/hookcli.1"),
];

#[test]
fn committed_completions_and_man_page_are_current() {
    let mut stale = Vec::new();
    for (args, path) in FILES {
        let (code, out, err) = run(args, b"");
        assert_eq!(code, 0, "{args:?}: {err}");
        let committed = std::fs::read_to_string(root().join(path)).unwrap_or_default();
        if committed != out {
            stale.push(*path);
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files {stale:?}: run bash scripts/generate-completions.sh"
    );
}

#[test]
fn bash_completion_offers_event_names() {
    let (_, out, _) = run(&["completions", "bash"], b"");
    assert!(out.contains("payment_intent.succeeded"));
}
