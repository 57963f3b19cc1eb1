//! The style rules in the editor, end to end over stdio: their fixes as quick fixes, the
//! "Ignore this finding" action that writes a suppression comment (and the finding going away
//! once it is there), and `[style]` of `.saidso.toml` shaping the diagnostics.

mod support;

use serde_json::{json, Value};
use support::{apply_edits, uri, Client};

const STORY: &str = "The council met on Monday to vote on the budget.\n\n\
                     \"We won,\" said Putin.\n\n\
                     \"We did nothing wrong,\" the company claimed.\n";

fn with_code(diags: &Value, code: &str) -> Option<Value> {
    diags["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .find(|d| d["code"] == code)
        .cloned()
}

/// The code actions offered for a diagnostic, as (title, edits) pairs.
fn actions(client: &mut Client, doc: &str, diagnostic: &Value) -> Vec<(String, Vec<Value>)> {
    let response = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": doc},
            "range": diagnostic["range"],
            "context": {"diagnostics": [diagnostic]}
        }),
    );
    response
        .as_array()
        .expect("code actions")
        .iter()
        .filter(|a| a["diagnostics"][0]["code"] == diagnostic["code"])
        .map(|a| {
            let title = a["title"].as_str().unwrap_or("").to_owned();
            (title, support::action_edits(a, doc))
        })
        .collect()
}

#[test]
fn rule_fixes_are_quick_fixes() {
    let mut client = Client::default_started();
    let doc = uri("rules-story.txt");
    client.open(&doc, "plaintext", 1, STORY);
    let diags = client.diagnostics(&doc);
    let order = with_code(&diags, "said-name-order").expect("said-name-order diagnostic");
    let offered = actions(&mut client, &doc, &order);
    let titles: Vec<&str> = offered.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Change to \"Putin said\"",
            "Ignore this finding (said-name-order)"
        ]
    );
    let fixed = apply_edits(STORY, &offered[0].1);
    assert!(fixed.contains("\"We won,\" Putin said.\n"), "{fixed}");

    let loaded = with_code(&diags, "loaded-verb").expect("loaded-verb diagnostic");
    let offered = actions(&mut client, &doc, &loaded);
    assert_eq!(offered[0].0, "Replace \"claimed\" with \"said\"");
    let fixed = apply_edits(STORY, &offered[0].1);
    assert!(fixed.contains("the company said."), "{fixed}");

    // Once applied, the finding is gone.
    client.change(&doc, 2, json!([{"text": fixed}]));
    let diags = client.diagnostics_for_version(&doc, 2);
    assert!(with_code(&diags, "loaded-verb").is_none(), "{diags}");
}

#[test]
fn ignore_this_finding_writes_a_comment_that_works() {
    for (name, language) in [("ignore.txt", "plaintext"), ("ignore.md", "markdown")] {
        let mut client = Client::default_started();
        let doc = uri(name);
        client.open(&doc, language, 1, STORY);
        let diags = client.diagnostics(&doc);
        let order = with_code(&diags, "said-name-order").expect("said-name-order diagnostic");
        let offered = actions(&mut client, &doc, &order);
        let (title, edits) = offered.last().expect("actions");
        assert_eq!(title, "Ignore this finding (said-name-order)");
        let ignored = apply_edits(STORY, edits);
        let comment = if language == "markdown" {
            "<!-- saidso-disable-next-line said-name-order -->\n\"We won,\""
        } else {
            "# saidso-disable-next-line said-name-order\n\"We won,\""
        };
        assert!(ignored.contains(comment), "{ignored}");

        client.change(&doc, 2, json!([{"text": ignored}]));
        let after = client.diagnostics_for_version(&doc, 2);
        assert!(with_code(&after, "said-name-order").is_none(), "{after}");
        // Only that finding: the others stay, and the comment is no prose of the story.
        assert!(with_code(&after, "loaded-verb").is_some(), "{after}");
        assert_eq!(
            after["diagnostics"].as_array().map(Vec::len),
            diags["diagnostics"].as_array().map(|d| d.len() - 1),
            "{after}"
        );
    }
}

#[test]
fn style_section_shapes_the_diagnostics() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().canonicalize().expect("canonical path");
    std::fs::write(
        root.join(".saidso.toml"),
        "[style]\nloaded-verbs = [\"declare\"]\n",
    )
    .expect("write config");
    let doc = format!("file://{}/story.txt", root.display());
    let text = "\"We did nothing wrong,\" the company claimed. \"It is over,\" Ortiz declared.\n";
    let (mut client, _) = Client::start(json!({}), json!({"debounceMs": 0}));
    client.open(&doc, "plaintext", 1, text);
    let diags = client.diagnostics(&doc);
    let loaded: Vec<&str> = diags["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .filter(|d| d["code"] == "loaded-verb")
        .filter_map(|d| d["message"].as_str())
        .collect();
    assert_eq!(loaded.len(), 1, "{diags}");
    assert!(loaded[0].starts_with("\"declared\""), "{diags}");
}
