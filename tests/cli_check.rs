//! `saidso check` end to end: exit statuses, file discovery, unreadable and non-UTF-8 files,
//! standard input, the text format, --fail-on, --quiet and --summary.
//!
//! Inputs whose findings the engine promises: an orphan quote paragraph → `unattributed-quote`
//! (warning); a mark never closed at the end → `unclosed-quote` (error); a quote with `Smith
//! said` → nothing.

use assert_cmd::Command;
use std::fs;
use std::path::Path;

const ORPHAN: &str = "The council met on Monday.\n\n\"Nobody knows what comes next.\"\n";
const UNCLOSED: &str = "The council met on Monday.\n\n\"We will never stop\n";
const CLEAN: &str = "\"We will win,\" Smith said.\n";

fn saidso(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_saidso"));
    c.current_dir(dir);
    c
}

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Out {
    let o = cmd.output().expect("saidso runs");
    Out {
        code: o.status.code().expect("exit code"),
        stdout: String::from_utf8(o.stdout).expect("utf8 stdout"),
        stderr: String::from_utf8(o.stderr).expect("utf8 stderr"),
    }
}

fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, text).expect("write");
    }
    dir
}

#[test]
fn clean_file_exits_0_with_a_summary_line() {
    let d = tree(&[("ok.txt", CLEAN)]);
    let o = run(saidso(d.path()).args(["check", "ok.txt"]));
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    assert_eq!(o.stdout, "1 file checked: 0 errors, 0 warnings, 0 info\n");
}

#[test]
fn orphan_quote_is_a_warning_and_exits_1() {
    let d = tree(&[("orphan.txt", ORPHAN)]);
    let o = run(saidso(d.path()).args(["check", "orphan.txt"]));
    assert_eq!(o.code, 1, "{}{}", o.stdout, o.stderr);
    let first = o.stdout.lines().next().expect("a finding");
    assert!(
        first.starts_with("orphan.txt:3:1: warning[unattributed-quote] "),
        "{first}"
    );
    assert!(o
        .stdout
        .ends_with("1 file checked: 0 errors, 1 warning, 0 info\n"));
}

#[test]
fn columns_are_counted_in_characters() {
    // É, t, é, space, 😀, colon, space: the quote starts at the 8th character (byte 12).
    let d = tree(&[(
        "c.txt",
        "The council met.\n\nÉté 😀: “Nobody knows what comes next.”\n",
    )]);
    let o = run(saidso(d.path()).args(["check", "c.txt"]));
    assert!(
        o.stdout
            .starts_with("c.txt:3:8: warning[unattributed-quote]"),
        "{}",
        o.stdout
    );
}

#[test]
fn fail_on_sets_the_threshold() {
    let d = tree(&[("orphan.txt", ORPHAN), ("unclosed.txt", UNCLOSED)]);
    let code = |args: &[&str]| run(saidso(d.path()).args(args)).code;
    assert_eq!(code(&["check", "orphan.txt"]), 1);
    assert_eq!(code(&["check", "--fail-on", "error", "orphan.txt"]), 0);
    assert_eq!(code(&["check", "--fail-on", "error", "unclosed.txt"]), 1);
    assert_eq!(code(&["check", "--fail-on", "info", "orphan.txt"]), 1);
    assert_eq!(code(&["check", "--fail-on", "fatal", "orphan.txt"]), 2);
}

#[test]
fn usage_errors_exit_2() {
    let d = tree(&[]);
    assert_eq!(run(saidso(d.path()).arg("check")).code, 2);
    assert_eq!(run(saidso(d.path()).arg("frobnicate")).code, 2);
    assert_eq!(
        run(saidso(d.path()).args(["check", "--format", "xml", "x"])).code,
        2
    );
    assert_eq!(run(saidso(d.path()).arg("--version")).code, 0);
}

#[test]
fn quiet_prints_only_findings() {
    let d = tree(&[("orphan.txt", ORPHAN), ("ok.txt", CLEAN)]);
    let o = run(saidso(d.path()).args(["check", "--quiet", "orphan.txt", "ok.txt"]));
    assert_eq!(o.code, 1);
    assert_eq!(o.stdout.lines().count(), 1, "{}", o.stdout);
    assert!(!o.stdout.contains("checked"), "{}", o.stdout);
    let o = run(saidso(d.path()).args(["check", "-q", "ok.txt"]));
    assert_eq!((o.code, o.stdout.as_str()), (0, ""));
}

#[test]
fn non_utf8_and_unreadable_files_are_reported_and_the_rest_checked() {
    let d = tree(&[("orphan.txt", ORPHAN), ("ok.md", CLEAN)]);
    fs::write(d.path().join("latin1.txt"), b"caf\xe9 \"x\"\n").expect("write");
    // Root can read any file, so unreadability comes from a link to nowhere.
    std::os::unix::fs::symlink(d.path().join("gone.md"), d.path().join("dangling.md"))
        .expect("symlink");
    let o = run(saidso(d.path()).args([
        "check",
        "latin1.txt",
        "dangling.md",
        "orphan.txt",
        "ok.md",
        "missing.txt",
    ]));
    assert_eq!(o.code, 2, "{}{}", o.stdout, o.stderr);
    assert!(
        o.stderr
            .contains("saidso: latin1.txt: not valid UTF-8 (byte 3)"),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("saidso: dangling.md: "), "{}", o.stderr);
    assert!(o.stderr.contains("saidso: missing.txt: "), "{}", o.stderr);
    // The readable files were still checked.
    assert!(
        o.stdout
            .contains("orphan.txt:3:1: warning[unattributed-quote]"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout
            .contains("2 files checked: 0 errors, 1 warning, 0 info; 3 files could not be read"),
        "{}",
        o.stdout
    );
}

#[test]
fn directories_are_walked_for_drafts_only() {
    let d = tree(&[
        ("news/a.md", ORPHAN),
        ("news/deep/b.markdown", ORPHAN),
        ("news/c.txt", ORPHAN),
        ("news/code.rs", ORPHAN),
        ("news/.hidden/d.md", ORPHAN),
    ]);
    let o = run(saidso(d.path()).args(["check", "news"]));
    assert_eq!(o.code, 1, "{}", o.stderr);
    let files: Vec<_> = o
        .stdout
        .lines()
        .filter_map(|l| l.split_once(':').map(|(f, _)| f))
        .filter(|f| !f.contains("checked"))
        .collect();
    assert_eq!(
        files,
        vec!["news/a.md", "news/c.txt", "news/deep/b.markdown"]
    );
    assert!(o.stdout.contains("3 files checked"), "{}", o.stdout);
}

#[test]
fn walking_survives_symlink_loops_and_dangling_links() {
    let d = tree(&[("news/a.md", ORPHAN)]);
    std::os::unix::fs::symlink(d.path().join("news"), d.path().join("news/again"))
        .expect("symlink");
    std::os::unix::fs::symlink(d.path().join("nowhere.md"), d.path().join("news/broken.md"))
        .expect("symlink");
    std::os::unix::fs::symlink(d.path().join("nowhere.png"), d.path().join("news/img.png"))
        .expect("symlink");
    let o = run(saidso(d.path()).args(["check", "news"]));
    // The dangling draft could not be read: 2. The loop is a notice only, the image ignored.
    assert_eq!(o.code, 2, "{}{}", o.stdout, o.stderr);
    assert!(o.stderr.contains("broken.md"), "{}", o.stderr);
    assert!(o.stderr.contains("loop"), "{}", o.stderr);
    assert!(!o.stderr.contains("img.png"), "{}", o.stderr);
    assert!(o.stdout.contains("news/a.md:3:1:"), "{}", o.stdout);
    assert!(o.stdout.contains("1 file checked"), "{}", o.stdout);
}

#[test]
fn stdin_is_checked_as_text_or_under_a_given_name() {
    let d = tree(&[]);
    let o = run(saidso(d.path()).args(["check", "-"]).write_stdin(ORPHAN));
    assert_eq!(o.code, 1);
    assert!(
        o.stdout
            .starts_with("<stdin>:3:1: warning[unattributed-quote]"),
        "{}",
        o.stdout
    );
    let o = run(saidso(d.path())
        .args(["check", "--stdin-filename", "drafts/x.md", "-"])
        .write_stdin(CLEAN));
    assert_eq!(o.code, 0, "{}{}", o.stdout, o.stderr);
    let o = run(saidso(d.path())
        .args(["check", "-"])
        .write_stdin(&b"\xff\xfe"[..]));
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains("<stdin>: not valid UTF-8 (byte 0)"),
        "{}",
        o.stderr
    );
}

#[test]
fn unclosed_quote_is_an_error() {
    let d = tree(&[("u.md", UNCLOSED)]);
    let o = run(saidso(d.path()).args(["check", "u.md"]));
    assert_eq!(o.code, 1);
    assert!(
        o.stdout.contains("u.md:3:1: error[unclosed-quote]"),
        "{}",
        o.stdout
    );
    assert!(o.stdout.contains("1 error"), "{}", o.stdout);
}

#[test]
fn summary_reports_sourcing_per_article() {
    let d = tree(&[(
        "a.md",
        "\"We will win,\" Smith said.\n\nThe council met on Monday.\n\n\"Nobody knows what comes next.\"\n",
    )]);
    let o = run(saidso(d.path()).args(["check", "--summary", "a.md"]));
    assert!(
        o.stdout
            .contains("a.md: sourcing: 2 quotes (1 attributed, 1 unattributed)"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout.contains("  Smith (person): 1 quote"),
        "{}",
        o.stdout
    );
}
