//! The committed completions/ files and man pages must be what the binary
//! generates now, and the README's claims about what completes where must
//! hold. Regenerate with: bash scripts/generate-completions.sh

use crate::common::{root, run};

const FILES: &[(&[&str], &str)] = &[
    (&["completions", "bash"], "completions/hookcli.bash"),
    (&["completions", "zsh"], "completions/_hookcli"),
    (&["completions", "fish"], "completions/hookcli.fish"),
    (&["completions", "powershell"], "completions/_hookcli.ps1"),
    (&["completions", "elvish"], "completions/hookcli.elv"),
];

#[test]
fn committed_completions_and_man_pages_are_current() {
    let mut stale = Vec::new();
    for (args, path) in FILES {
        let (code, out, err) = run(args, b"");
        assert_eq!(code, 0, "{args:?}: {err}");
        let committed = std::fs::read_to_string(root().join(path)).unwrap_or_default();
        if committed != out {
            stale.push(path.to_string());
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("man");
    let (code, _, err) = run(&["man", "--out", out.to_str().unwrap()], b"");
    assert_eq!(code, 0, "{err}");
    let committed_dir = root().join("completions/man");
    let names = |d: &std::path::Path| -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(d)
            .map(|r| {
                r.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    };
    let generated = names(&out);
    if names(&committed_dir) != generated {
        stale.push("completions/man/ (the set of pages)".into());
    }
    for name in &generated {
        let now = std::fs::read(out.join(name)).unwrap();
        if std::fs::read(committed_dir.join(name)).ok() != Some(now) {
            stale.push(format!("completions/man/{name}"));
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files {stale:?}: run bash scripts/generate-completions.sh"
    );
}

/// The README says event names complete in bash, zsh and fish, and that
/// PowerShell and elvish complete subcommands, flags and flag values.
#[test]
fn event_names_complete_where_the_readme_says() {
    for (shell, has_events) in [
        ("bash", true),
        ("zsh", true),
        ("fish", true),
        ("powershell", false),
        ("elvish", false),
    ] {
        let (_, out, _) = run(&["completions", shell], b"");
        assert_eq!(
            out.contains("payment_intent.succeeded"),
            has_events,
            "{shell}"
        );
        // Every shell completes subcommands and --provider's values.
        assert!(out.contains("fixtures"), "{shell}");
        assert!(out.contains("standard"), "{shell}");
    }
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(
        readme.contains("Event names complete in bash, zsh and fish"),
        "the README's completion sentence changed: update this test with it"
    );
    // fish: the names are offered to sign, send and fixtures show/generate.
    let (_, fish, _) = run(&["completions", "fish"], b"");
    for condition in [
        "__fish_hookcli_using_subcommand sign\" -a \"",
        "__fish_hookcli_using_subcommand send\" -a \"",
        "__fish_seen_subcommand_from show generate\" -a \"",
    ] {
        let line = fish
            .lines()
            .find(|l| l.contains(condition))
            .unwrap_or_else(|| panic!("no fish line for {condition}"));
        assert!(line.contains(" customer.created "), "{line}");
        assert!(line.contains(" ping "), "{line}");
    }
}

/// `hookcli man` names subcommand pages; each can be printed, and each has
/// the sections a man page reader looks for.
#[test]
fn every_named_man_page_exists() {
    let (code, top, _) = run(&["man"], b"");
    assert_eq!(code, 0);
    for page in [
        "hookcli\\-sign(1)",
        "hookcli\\-fixtures(1)",
        "hookcli\\-listen(1)",
    ] {
        assert!(top.contains(page), "{page} not named");
    }
    for cmd in [
        &["sign"][..],
        &["fixtures", "generate"],
        &["events", "show"],
    ] {
        let mut args = vec!["man"];
        args.extend_from_slice(cmd);
        let (code, page, err) = run(&args, b"");
        assert_eq!(code, 0, "{cmd:?}: {err}");
        for section in [
            ".SH \"EXIT STATUS\"",
            ".SH \"ENVIRONMENT\"",
            ".SH \"FILES\"",
            "STRIPE_WEBHOOK_SECRET",
        ] {
            assert!(page.contains(section), "{cmd:?} lacks {section}");
        }
    }
    let (code, _, err) = run(&["man", "nosuch"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("hint:"), "{err}");
}
