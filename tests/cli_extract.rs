//! `saidso extract` end to end: one output line per input line, ids echoed as given, code-point
//! offsets (Python string indices, what the evaluation scorer reads) on text with emoji and
//! curly quotes, and bad lines that do not stop the stream.

use assert_cmd::Command;
use serde_json::{json, Value};

fn extract(args: &[&str], stdin: &str) -> (i32, Vec<Value>, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = Command::new(env!("CARGO_BIN_EXE_saidso"))
        .current_dir(dir.path())
        .arg("extract")
        .args(args)
        .write_stdin(stdin)
        .output()
        .expect("runs");
    let stdout = String::from_utf8(o.stdout).expect("utf8");
    let lines = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    (
        o.status.code().expect("code"),
        lines,
        String::from_utf8(o.stderr).expect("utf8"),
    )
}

/// Python's `text.index(needle)`: a code-point offset.
fn py_index(text: &str, needle: &str) -> usize {
    text[..text.find(needle).expect("needle")].chars().count()
}

fn line(id: Value, text: &str, format: Option<&str>) -> String {
    let mut v = json!({"id": id, "text": text, "source": "ignored"});
    if let Some(f) = format {
        v["format"] = json!(f);
    }
    v.to_string()
}

#[test]
fn quotes_are_located_in_code_points() {
    // The orphan follows a paragraph without a quote, so it is no continuation of Smith's.
    let text = "😀👍🏽 Ça va. “We will win,” Smith said. 🎉\n\nThe council met 🎉.\n\n“Nobody knows what comes next.”";
    let (code, out, err) = extract(&[], &(line(json!("doc-1"), text, None) + "\n"));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.len(), 1);
    let doc = &out[0];
    assert_eq!(doc["id"], "doc-1");
    let quotes = doc["quotes"].as_array().expect("quotes");
    assert_eq!(quotes.len(), 2, "{doc}");
    let q = &quotes[0];
    let start = py_index(text, "“We");
    let end = py_index(text, " Smith");
    assert_eq!(
        (q["start"].as_u64(), q["end"].as_u64()),
        (Some(start as u64), Some(end as u64))
    );
    assert_eq!(q["byte_start"], text.find("“We").expect("q"));
    assert_eq!(q["byte_end"], text.find(" Smith").expect("q"));
    assert_eq!(q["speaker"], "Smith");
    assert_eq!(q["cue"], "said");
    assert_eq!(q["method"], "explicit");
    assert_eq!(q["kind"], "direct");
    assert!(q["confidence"]
        .as_f64()
        .is_some_and(|c| c > 0.0 && c <= 1.0));
    assert!(q["group"].is_u64());
    let orphan = &quotes[1];
    assert_eq!(orphan["start"], py_index(text, "“Nobody"));
    assert_eq!(orphan["end"], text.chars().count());
    assert_eq!(orphan["speaker"], Value::Null);
    assert_eq!(orphan["cue"], Value::Null);
    assert_eq!(orphan["method"], Value::Null);
    assert!(doc["speakers"]
        .as_array()
        .is_some_and(|s| s.iter().any(|s| s["name"] == "Smith")));
    assert!(doc["claims"].is_array());
    let findings = doc["findings"].as_array().expect("findings");
    let f = findings
        .iter()
        .find(|f| f["rule"] == "unattributed-quote")
        .expect("orphan flagged");
    assert_eq!(f["start"], py_index(text, "“Nobody"));
}

#[test]
fn one_output_line_per_document_in_order_with_ids_as_given() {
    let input = [
        line(json!(7), "\"A,\" Smith said.", None),
        line(
            json!("x"),
            "# Title\n\n\"B,\" Jones said.",
            Some("markdown"),
        ),
        line(json!(null), "plain", Some("text")),
        "{\"text\": \"no id\"}".to_string(),
    ]
    .join("\n");
    let (code, out, _) = extract(&["--format", "markdown"], &input);
    assert_eq!(code, 0);
    let ids: Vec<&Value> = out.iter().map(|v| &v["id"]).collect();
    assert_eq!(
        ids,
        vec![&json!(7), &json!("x"), &Value::Null, &Value::Null]
    );
    assert_eq!(out[1]["quotes"][0]["speaker"], "Jones");
}

#[test]
fn bad_lines_are_reported_and_the_stream_goes_on() {
    let input = format!(
        "{}\n{{oops\n\n{}\n[1,2]\n{}\n",
        line(json!(1), "\"A,\" Smith said.", None),
        "{\"id\": 2, \"text\": 5}",
        line(json!(3), "\"C,\" Lee said.", Some("html")),
    );
    let (code, out, err) = extract(&[], &input);
    assert_eq!(code, 1, "a bad line makes the status 1");
    // The blank line is skipped; every other line has its output line.
    assert_eq!(out.len(), 5, "{out:?}");
    assert_eq!(out[0]["id"], 1);
    assert!(out[0].get("error").is_none());
    assert_eq!(out[1]["id"], Value::Null);
    assert_eq!(out[1]["line"], 2);
    assert!(out[1]["error"]
        .as_str()
        .is_some_and(|e| e.contains("invalid JSON")));
    assert_eq!(out[2]["id"], 2);
    assert_eq!(out[2]["line"], 4);
    assert_eq!(out[3]["line"], 5);
    assert_eq!(out[4]["id"], 3);
    assert!(err.contains(":2: invalid JSON"), "{err}");
    assert!(err.contains(":4: "), "{err}");
    assert!(err.contains(":6: unknown format"), "{err}");
}

#[test]
fn reads_a_file_argument_and_reports_a_missing_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("in.jsonl");
    std::fs::write(&path, line(json!("f"), "\"A,\" Smith said.", None) + "\r\n").expect("write");
    let o = Command::new(env!("CARGO_BIN_EXE_saidso"))
        .args(["extract"])
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&o.stdout).expect("json line");
    assert_eq!(v["id"], "f");
    let o = Command::new(env!("CARGO_BIN_EXE_saidso"))
        .args(["extract"])
        .arg(dir.path().join("missing.jsonl"))
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
}
