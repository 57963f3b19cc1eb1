//! Configuration and suppression end to end: `.saidso.toml` found upward from the checked file,
//! `--config`, errors with line numbers, `[files]` include/exclude, `saidso config`, inline
//! `saidso-disable` comments in Markdown and plain text, and `saidso rules` / `explain`.

use assert_cmd::Command;
use std::fs;
use std::path::Path;

const ORPHAN: &str = "The council met on Monday.\n\n\"Nobody knows what comes next.\"\n";
const UNCLOSED: &str = "The council met on Monday.\n\n\"We will never stop\n";

fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, text).expect("write");
    }
    dir
}

fn saidso(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_saidso"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("runs");
    (
        o.status.code().expect("code"),
        String::from_utf8(o.stdout).expect("utf8"),
        String::from_utf8(o.stderr).expect("utf8"),
    )
}

#[test]
fn config_is_found_upward_from_the_file() {
    let d = tree(&[
        (
            "desk/.saidso.toml",
            "[rules]\nunattributed-quote = \"error\"\n",
        ),
        ("desk/politics/2026/a.md", ORPHAN),
        ("other/b.md", ORPHAN),
    ]);
    let (code, out, err) = saidso(
        d.path(),
        &["check", "desk/politics/2026/a.md", "other/b.md"],
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains("desk/politics/2026/a.md:3:1: error[unattributed-quote]"),
        "{out}"
    );
    assert!(
        out.contains("other/b.md:3:1: warning[unattributed-quote]"),
        "{out}"
    );
}

#[test]
fn off_rules_and_remapped_severities_change_the_exit_status() {
    let d = tree(&[
        (
            ".saidso.toml",
            "[rules]\nunattributed-quote = \"off\"\nunclosed-quote = \"info\"\n",
        ),
        ("a.md", ORPHAN),
        ("u.md", UNCLOSED),
    ]);
    let (code, out, _) = saidso(d.path(), &["check", "a.md", "u.md"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("u.md:3:1: info[unclosed-quote]"), "{out}");
    assert!(!out.contains("unattributed-quote"), "{out}");
    assert!(
        out.contains("2 files checked: 0 errors, 0 warnings, 1 info"),
        "{out}"
    );
}

#[test]
fn explicit_config_overrides_discovery() {
    let d = tree(&[
        (".saidso.toml", "[rules]\nunattributed-quote = \"off\"\n"),
        ("strict.toml", "[rules]\nunattributed-quote = \"error\"\n"),
        ("a.md", ORPHAN),
    ]);
    let (code, out, _) = saidso(d.path(), &["check", "--config", "strict.toml", "a.md"]);
    assert_eq!(code, 1);
    assert!(out.contains("error[unattributed-quote]"), "{out}");
    let (code, _, err) = saidso(d.path(), &["check", "--config", "none.toml", "a.md"]);
    assert_eq!(code, 2);
    assert!(err.contains("none.toml"), "{err}");
}

#[test]
fn config_errors_name_file_line_and_column() {
    let d = tree(&[
        (
            "desk/.saidso.toml",
            "# house rules\n[rules]\nunattributed-quote = \"warning\"\nunatributed-quote = \"off\"\n",
        ),
        ("desk/a.md", ORPHAN),
        ("desk/b.md", ORPHAN),
        ("ok/c.md", ORPHAN),
    ]);
    let (code, out, err) = saidso(d.path(), &["check", "desk", "ok/c.md"]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        err.contains(".saidso.toml:4:1: unknown rule id `unatributed-quote`"),
        "{err}"
    );
    // Reported once, not once per file; files under other configurations are still checked.
    assert_eq!(err.matches("unknown rule id").count(), 1, "{err}");
    assert!(out.contains("ok/c.md:3:1:"), "{out}");

    let d = tree(&[
        (".saidso.toml", "[rules]\n\nunclosed-quote = \"loud\"\n"),
        ("a.md", ORPHAN),
    ]);
    let (code, _, err) = saidso(d.path(), &["check", "a.md"]);
    assert_eq!(code, 2);
    assert!(err.contains(":3:18: invalid severity `loud`"), "{err}");
    let (code, _, err) = saidso(d.path(), &["config"]);
    assert_eq!(code, 2);
    assert!(err.contains(":3:18:"), "{err}");
}

#[test]
fn files_include_and_exclude_filter_directory_walks() {
    let d = tree(&[
        (
            ".saidso.toml",
            "[files]\ninclude = [\"**/*.md\", \"**/*.draft\"]\nexclude = [\"archive/**\"]\n",
        ),
        ("news/a.md", ORPHAN),
        ("news/b.txt", ORPHAN),
        ("news/c.draft", ORPHAN),
        ("archive/old.md", ORPHAN),
    ]);
    let (_, out, _) = saidso(d.path(), &["check", "."]);
    assert!(out.contains("news/a.md:3:1"), "{out}");
    assert!(out.contains("news/c.draft:3:1"), "{out}");
    assert!(!out.contains("b.txt"), "{out}");
    assert!(!out.contains("archive"), "{out}");
    assert!(out.contains("2 files checked"), "{out}");
    // The same patterns through --config, named relative to the working directory.
    fs::rename(d.path().join(".saidso.toml"), d.path().join("desk.toml")).expect("rename");
    let (_, out, _) = saidso(d.path(), &["check", "--config", "desk.toml", "."]);
    assert!(!out.contains("archive"), "{out}");
    assert!(out.contains("2 files checked"), "{out}");
    // A file named on the command line is checked even when excluded.
    let (_, out, _) = saidso(d.path(), &["check", "archive/old.md"]);
    assert!(out.contains("archive/old.md:3:1"), "{out}");
}

#[test]
fn config_command_prints_the_effective_configuration_and_its_origin() {
    let d = tree(&[
        (
            "desk/.saidso.toml",
            "[rules]\nunclosed-quote = \"off\"\n[style]\nattribution-tense = \"says\"\nspeech-verbs = [\"quipped\"]\n",
        ),
        ("desk/sub/a.md", ORPHAN),
    ]);
    let (code, out, _) = saidso(d.path(), &["config", "desk/sub/a.md"]);
    assert_eq!(code, 0);
    let first = out.lines().next().expect("origin line");
    assert!(
        first.starts_with("# from ") && first.ends_with("desk/.saidso.toml"),
        "{first}"
    );
    assert!(out.contains("unclosed-quote = \"off\""), "{out}");
    assert!(out.contains("unattributed-quote = \"warning\""), "{out}");
    assert!(out.contains("attribution-tense = \"says\""), "{out}");
    assert!(out.contains("speech-verbs = [\"quipped\"]"), "{out}");
    let (code, out, _) = saidso(&d.path().join("desk"), &["config", "sub"]);
    assert_eq!(code, 0);
    assert!(out.contains("unclosed-quote = \"off\""), "{out}");
    let (code, out, _) = saidso(d.path(), &["config"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("# defaults"), "{out}");
}

#[test]
fn markdown_comments_suppress_findings() {
    let text = "The council met.\n\n<!-- saidso-disable-next-line unattributed-quote -->\n\"Nobody knows what comes next.\"\n\nThe mayor left.\n\n\"Nor does anyone else.\"\n";
    let d = tree(&[("a.md", text)]);
    let (code, out, _) = saidso(d.path(), &["check", "a.md"]);
    assert_eq!(code, 1, "{out}");
    assert!(!out.contains("a.md:4:"), "{out}");
    assert!(
        out.contains("a.md:8:1: warning[unattributed-quote]"),
        "{out}"
    );

    let text = "The council met.\n\n<!-- saidso-disable -->\n\n\"Nobody knows what comes next.\"\n\nThe mayor left.\n\n\"Nor does anyone else.\"\n";
    let d = tree(&[("a.md", text)]);
    let (code, out, _) = saidso(d.path(), &["check", "a.md"]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn plain_text_comment_lines_suppress_findings() {
    let text = "The council met.\n\n# saidso-disable-next-line\n\"Nobody knows what comes next.\"\n\nThe mayor left.\n\n// saidso-disable unattributed-quote\n\"Nor does anyone else.\"\n";
    let d = tree(&[("a.txt", text)]);
    let (code, out, _) = saidso(d.path(), &["check", "a.txt"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 warnings"), "{out}");
}

#[test]
fn unknown_ids_in_directives_are_reported() {
    let text = "The council met.\n\n<!-- saidso-disable-next-line unatributed-quote -->\n\"Nobody knows what comes next.\"\n";
    let d = tree(&[("a.md", text)]);
    let (code, out, err) = saidso(d.path(), &["check", "a.md"]);
    assert_eq!(code, 1, "a typo suppresses nothing: {out}");
    assert!(
        err.contains("a.md:3:1: unknown rule id `unatributed-quote`"),
        "{err}"
    );
}

#[test]
fn rules_and_explain() {
    let d = tree(&[]);
    let (code, out, _) = saidso(d.path(), &["rules"]);
    assert_eq!(code, 0);
    let first = out.lines().next().expect("a rule");
    let cols: Vec<&str> = first.split_whitespace().collect();
    assert_eq!(cols[..2], ["unattributed-quote", "warning"]);
    assert!(
        out.contains("unclosed-quote") && out.contains("error"),
        "{out}"
    );
    let (code, out, _) = saidso(d.path(), &["explain", "unclosed-quote"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("unclosed-quote (default: error)"), "{out}");
    assert!(
        out.contains("running") || out.contains("paragraph"),
        "{out}"
    );
    let (code, out, err) = saidso(d.path(), &["explain", "no-such-rule"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("unattributed-quote, unclosed-quote"), "{err}");
}
