//! `saidso report` as people run it: the examples as one HTML page, the same tables as JSON
//! and CSV, an archive of `extract` output against the documents it came from, bad archive
//! lines, a report that cannot be written over a good one, and the policy in the report.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::Path;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `saidso ARGS` in `dir`: status, stdout, stderr.
fn saidso(dir: &Path, args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_saidso"));
    cmd.current_dir(dir).args(args);
    if let Some(input) = stdin {
        cmd.write_stdin(input);
    }
    let out = cmd.output().expect("saidso runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_examples_make_one_page_with_three_articles_and_the_orphan_marked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("r.html");
    let examples = repo().join("examples");
    let (status, stdout, stderr) = saidso(
        dir.path(),
        &[
            "report",
            examples.to_str().expect("utf-8 path"),
            "-o",
            out.to_str().expect("utf-8 path"),
        ],
        None,
    );
    assert_eq!(status, 0, "{stderr}");
    assert!(stdout.is_empty(), "the page goes to the file: {stdout}");
    let html = fs::read_to_string(&out).expect("report written");
    assert_eq!(html.matches("<article class=\"story\"").count(), 3);
    for name in [
        "council-draft.md",
        "putin-press-conference.txt",
        "style-draft.txt",
    ] {
        assert!(html.contains(name), "{name}");
    }
    // The council draft's orphan quote, marked, in the council draft's view.
    let council = html
        .find("examples/council-draft.md</h2>")
        .expect("council view");
    let next = html[council..].find("</article>").expect("end") + council;
    assert!(html[council..next].contains("class=\"q orphan\""));
    assert!(html[council..next].contains("Nobody asked the people"));
    // Speakers in colour, the charts and the article table.
    assert!(html.contains("<span class=\"q s0\" data-s=\"0\""));
    assert!(html.contains("Quotes by kind of source") && html.contains("<table>"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&out).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "a report is readable like any new file");
    }
}

#[test]
fn json_and_csv_give_the_same_tables() {
    let examples = repo().join("examples");
    let path = examples.to_str().expect("utf-8 path");
    let (status, json, _) = saidso(repo(), &["report", "--format", "json", path], None);
    assert_eq!(status, 0);
    let v: Value = serde_json::from_str(&json).expect("json");
    let articles = v["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 3);
    let council = articles
        .iter()
        .find(|a| {
            a["id"]
                .as_str()
                .is_some_and(|id| id.ends_with("council-draft.md"))
        })
        .expect("council");
    assert_eq!(council["unattributed"], 1);
    let quotes: u64 = articles
        .iter()
        .map(|a| a["quotes"].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(v["totals"]["quotes"], quotes);

    let (status, csv, _) = saidso(repo(), &["report", "--format", "csv", path], None);
    assert_eq!(status, 0);
    let rows: Vec<&str> = csv.lines().collect();
    assert!(rows[0].starts_with("article,line,speaker,speaker_kind,quote_kind,found_by"));
    assert_eq!(rows.len() as u64, quotes + 1, "one row per quote");
    let orphan = rows
        .iter()
        .find(|r| r.contains("Nobody asked the people"))
        .expect("orphan row");
    assert!(
        orphan.contains("council-draft.md,23,,,direct,,,"),
        "{orphan}"
    );

    let (_, articles_csv, _) = saidso(
        repo(),
        &["report", "--format", "csv", "--table", "articles", path],
        None,
    );
    assert_eq!(articles_csv.lines().count(), 4);
}

/// The dev-corpus-like archive the archive tests use: the examples as JSON lines.
fn examples_jsonl() -> String {
    let mut out = String::new();
    for name in [
        "council-draft.md",
        "putin-press-conference.txt",
        "style-draft.txt",
    ] {
        let text = fs::read_to_string(repo().join("examples").join(name)).expect("example");
        let format = if name.ends_with(".md") {
            "markdown"
        } else {
            "text"
        };
        // Other fields are the archive's own: a gold corpus's "quotes" must not make the line
        // look like extract output.
        out.push_str(
            &serde_json::json!({"id": name, "text": text, "format": format, "quotes": [1]})
                .to_string(),
        );
        out.push('\n');
    }
    out
}

#[test]
fn an_archive_of_extract_output_reports_what_its_documents_do() {
    let dir = tempfile::tempdir().expect("tempdir");
    let docs = dir.path().join("docs.jsonl");
    fs::write(&docs, examples_jsonl()).expect("write");
    let (status, extracted, _) = saidso(dir.path(), &["extract", "docs.jsonl"], None);
    assert_eq!(status, 0);
    fs::write(dir.path().join("quotes.jsonl"), &extracted).expect("write");
    let table = |archive: &str| {
        let (status, csv, stderr) = saidso(
            dir.path(),
            &[
                "report", "--jsonl", archive, "--format", "csv", "--table", "speakers",
            ],
            None,
        );
        assert_eq!(status, 0, "{stderr}");
        // Words are counted only where the text is at hand.
        csv.lines()
            .map(|l| {
                let mut f: Vec<&str> = l.split(',').collect();
                if f.len() > 7 {
                    f[7] = "";
                }
                f.join(",")
            })
            .collect::<Vec<_>>()
    };
    let from_docs = table("docs.jsonl");
    assert_eq!(
        from_docs.len(),
        13,
        "a header and 12 sources: {from_docs:#?}"
    );
    assert_eq!(table("quotes.jsonl"), from_docs);
    // Standard input works the same.
    let (status, html, _) = saidso(dir.path(), &["report", "--jsonl", "-"], Some(&extracted));
    assert_eq!(status, 0);
    assert_eq!(html.matches("<article class=\"story\"").count(), 3);
}

#[test]
fn bad_archive_lines_are_listed_and_the_rest_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let archive =
        examples_jsonl() + "{not json\n\n{\"id\": \"x\", \"format\": \"html\", \"text\": \"\"}\n";
    let (status, html, stderr) = saidso(dir.path(), &["report", "--jsonl", "-"], Some(&archive));
    assert_eq!(status, 1, "{stderr}");
    assert!(stderr.contains(":4: invalid JSON"), "{stderr}");
    assert!(stderr.contains(":6: unknown format"), "{stderr}");
    assert_eq!(html.matches("<article class=\"story\"").count(), 5);
    assert_eq!(html.matches(">not read</span>").count(), 2);
}

#[test]
fn a_failed_run_keeps_the_report_it_would_replace() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("r.html");
    fs::write(&out, "the good report").expect("write");
    let (status, _, stderr) = saidso(
        dir.path(),
        &["report", "no-such-folder", "-o", "r.html"],
        None,
    );
    assert_eq!(status, 2);
    assert!(stderr.contains("no-such-folder"), "{stderr}");
    assert_eq!(fs::read_to_string(&out).expect("read"), "the good report");
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".saidso-report")
        })
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn the_house_policy_shows_in_the_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join(".saidso.toml"),
        "[policy]\nmin-named-sources = 3\n",
    )
    .expect("write");
    fs::copy(
        repo().join("examples/council-draft.md"),
        dir.path().join("council.md"),
    )
    .expect("copy");
    let (status, json, _) = saidso(dir.path(), &["report", "--format", "json", "."], None);
    assert_eq!(status, 0);
    let v: Value = serde_json::from_str(&json).expect("json");
    let policy = v["articles"][0]["policy"][0].as_str().unwrap_or("");
    assert!(policy.contains("at least 3"), "{v}");
    assert_eq!(v["totals"]["articles_breaking_policy"], 1);
}
