//! What a writer gets, end to end over stdio, on the seed article
//! (`examples/putin-press-conference.txt`): diagnostics, hovers, outline, hints, quick fixes,
//! navigation, stats, configuration and pulled diagnostics.
//!
//! These depend on the engine finding what the article holds: 10 quotes, 9 of them Vladimir
//! Putin's (one `he said`, one `he admitted`, one continuation paragraph), "defeat" a scare
//! quote, and no unattributed quote.

mod support;

use serde_json::{json, Value};
use support::{position, uri, Client, SEED};

/// The seed with an orphan quote after a paragraph that is not a quote.
fn seed_with_orphan() -> String {
    format!("{SEED}\n\nThe weather in Moscow was cold.\n\n\"Nobody knows.\"\n")
}

fn codes(diags: &Value) -> Vec<String> {
    diags["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .map(|d| d["code"].as_str().unwrap_or_default().to_owned())
        .collect()
}

fn unattributed(diags: &Value) -> Vec<Value> {
    diags["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .filter(|d| d["code"] == "unattributed-quote")
        .cloned()
        .collect()
}

/// UTF-16 position of the `nth` occurrence of `needle` plus `delta` bytes.
fn at(text: &str, needle: &str, delta: usize) -> Value {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in text"))
        + delta;
    position(text, offset, "utf-16")
}

fn hover_text(client: &mut Client, doc: &str, pos: &Value) -> String {
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": doc}, "position": pos}),
    );
    assert_eq!(hover["contents"]["kind"], "markdown", "{hover}");
    hover["contents"]["value"].as_str().unwrap().to_owned()
}

fn open_seed(client: &mut Client, name: &str) -> String {
    let doc = uri(name);
    client.open(&doc, "plaintext", 1, SEED);
    let diags = client.diagnostics_for_version(&doc, 1);
    assert!(unattributed(&diags).is_empty(), "{diags}");
    doc
}

#[test]
fn diagnostics_come_with_the_version_they_were_computed_for() {
    let mut client = Client::default_started();
    let doc = uri("seed.txt");
    client.open(&doc, "plaintext", 7, SEED);
    let diags = client.diagnostics(&doc);
    assert_eq!(diags["version"], 7);
    assert!(
        !codes(&diags).contains(&"unattributed-quote".to_owned()),
        "{diags}"
    );
    for d in diags["diagnostics"].as_array().unwrap() {
        assert_eq!(d["source"], "saidso");
    }

    let text = seed_with_orphan();
    client.change(&doc, 8, json!([{"text": text}]));
    let diags = client.diagnostics(&doc);
    assert_eq!(diags["version"], 8);
    let orphan = unattributed(&diags);
    assert_eq!(orphan.len(), 1, "{diags}");
    assert_eq!(orphan[0]["severity"], 2);
    assert_eq!(orphan[0]["range"]["start"], at(&text, "\"Nobody", 0));
    assert_eq!(
        orphan[0]["range"]["end"],
        at(&text, "\"Nobody knows.\"", 15)
    );
}

#[test]
fn hover_explains_each_kind_of_quote() {
    let mut client = Client::default_started();
    let doc = open_seed(&mut client, "hover.txt");

    let explicit = hover_text(&mut client, &doc, &at(SEED, "You want to present", 3));
    assert!(
        explicit.starts_with("**Quote by Vladimir Putin** — Russian President"),
        "{explicit}"
    );
    assert!(
        explicit.contains("Attribution: *explicit* — “Putin said” in the same sentence."),
        "{explicit}"
    );
    assert!(explicit.contains("Cue verb *said*"), "{explicit}");
    assert!(explicit.contains("8 other quotes by Putin"), "{explicit}");

    let pronoun = hover_text(&mut client, &doc, &at(SEED, "If we ever have", 3));
    assert!(
        pronoun.contains("Attribution: *pronoun* — “he” → Vladimir Putin, named 1 paragraph up."),
        "{pronoun}"
    );

    let admitted = hover_text(&mut client, &doc, &at(SEED, "We will absolutely", 3));
    assert!(admitted.contains("“he” → Vladimir Putin"), "{admitted}");
    assert!(admitted.contains("Cue verb *admitted*"), "{admitted}");

    let continuation = hover_text(&mut client, &doc, &at(SEED, "Our guys", 3));
    assert!(
        continuation
            .contains("Attribution: *continuation* — continues the previous paragraph's quote"),
        "{continuation}"
    );

    let scare = hover_text(&mut client, &doc, &at(SEED, "\"defeat\"", 2));
    assert!(scare.starts_with("**Scare quote**"), "{scare}");

    let he = hover_text(&mut client, &doc, &at(SEED, "he admitted", 0));
    assert!(he.starts_with("*he* refers to **Vladimir Putin**"), "{he}");
    assert!(
        he.contains("First full reference: “Vladimir Putin” (line 1)"),
        "{he}"
    );
}

#[test]
fn outline_groups_quotes_under_their_speaker() {
    let mut client = Client::default_started();
    let doc = open_seed(&mut client, "outline.txt");
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": doc}}),
    );
    let symbols = symbols.as_array().expect("nested symbols");
    let putin = symbols
        .iter()
        .find(|s| s["name"] == "Vladimir Putin")
        .expect("Putin in the outline");
    assert_eq!(putin["kind"], 5, "a person is a Class symbol");
    assert_eq!(putin["detail"], "Russian President");
    let children = putin["children"].as_array().unwrap();
    let count = |detail: &str| children.iter().filter(|c| c["detail"] == detail).count();
    assert_eq!(count("direct quote"), 7, "{putin}");
    assert_eq!(count("partial quote"), 2, "{putin}");
    let names: Vec<&str> = children.iter().filter_map(|c| c["name"].as_str()).collect();
    assert!(
        names.contains(&"“Our guys are fighting heroically. The capabilities of…”"),
        "{names:?}"
    );
    assert!(symbols.iter().all(|s| s["name"] != "Unattributed quotes"));
}

#[test]
fn inlay_hints_name_the_speaker_where_the_text_does_not() {
    let mut client = Client::default_started();
    let doc = open_seed(&mut client, "hints.txt");
    let everything =
        json!({"start": {"line": 0, "character": 0}, "end": {"line": 999, "character": 0}});
    let hints = client.request(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": doc}, "range": everything}),
    );
    let hints = hints.as_array().unwrap();
    let end_of = |needle: &str| {
        let start = SEED.find(needle).unwrap();
        let close = SEED[start + 1..].find('"').unwrap() + start + 2;
        position(SEED, close, "utf-16")
    };
    let positions: Vec<&Value> = hints.iter().map(|h| &h["position"]).collect();
    for implicit in ["\"If we ever", "\"Our guys", "\"We will absolutely"] {
        assert!(
            positions.contains(&&end_of(implicit)),
            "no hint after {implicit}: {hints:?}"
        );
    }
    assert!(
        !positions.contains(&&end_of("\"You want to present")),
        "{hints:?}"
    );
    for h in hints {
        assert_eq!(h["label"], "— Putin");
        assert_eq!(h["paddingLeft"], true);
    }

    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"saidso": {"inlayHints": false, "debounceMs": 0}}}),
    );
    // A settings change re-analyses and republishes.
    client.diagnostics(&doc);
    let hints = client.request(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": doc}, "range": everything}),
    );
    assert_eq!(hints, json!([]));
}

#[test]
fn quick_fix_attributes_an_orphan_quote_and_the_warning_goes() {
    let mut client = Client::default_started();
    let doc = uri("fix.txt");
    let text = seed_with_orphan();
    client.open(&doc, "plaintext", 1, &text);
    let diags = client.diagnostics(&doc);
    let orphan = unattributed(&diags).pop().expect("an unattributed quote");
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": doc},
            "range": orphan["range"],
            "context": {"diagnostics": [orphan.clone()]}
        }),
    );
    let first = &actions[0];
    assert_eq!(first["title"], "Attribute to Putin", "{actions}");
    assert_eq!(first["kind"], "quickfix");
    assert_eq!(first["isPreferred"], true);
    assert_eq!(first["diagnostics"][0]["code"], "unattributed-quote");
    let edits = support::action_edits(first, &doc);
    assert!(!edits.is_empty(), "{first}");
    let fixed = support::apply_edits(&text, &edits);
    assert!(
        fixed.ends_with("\"Nobody knows,\" Putin said.\n"),
        "{fixed}"
    );

    // Apply it as an editor would: the same edits, incrementally.
    client.change_by_edits(&doc, 2, &edits);
    let diags = client.diagnostics(&doc);
    assert_eq!(diags["version"], 2);
    assert!(unattributed(&diags).is_empty(), "{diags}");
}

#[test]
fn incremental_edit_inserting_an_attribution_removes_the_warning() {
    let mut client = Client::default_started();
    let doc = uri("typing.txt");
    let mut text = seed_with_orphan();
    client.open(&doc, "plaintext", 1, &text);
    assert_eq!(unattributed(&client.diagnostics(&doc)).len(), 1);

    // Type `, Putin said` after the closing mark, one keystroke per change, then fix the
    // period: `"Nobody knows.", Putin said` → `"Nobody knows," Putin said.`
    let mut version = 1;
    let mut cursor = text.rfind('"').unwrap() + 1;
    for ch in " Putin said.".chars() {
        version += 1;
        let pos = position(&text, cursor, "utf-16");
        client.change(
            &doc,
            version,
            json!([{"range": {"start": pos, "end": pos}, "text": ch.to_string()}]),
        );
        text.insert(cursor, ch);
        cursor += ch.len_utf8();
    }
    version += 1;
    let dot = text.find("knows.\"").unwrap() + 5;
    client.change(
        &doc,
        version,
        json!([{"range": {"start": position(&text, dot, "utf-16"), "end": position(&text, dot + 1, "utf-16")}, "text": ","}]),
    );
    text.replace_range(dot..dot + 1, ",");
    assert!(text.ends_with("\"Nobody knows,\" Putin said.\n"));
    let diags = client.diagnostics_for_version(&doc, version);
    assert!(unattributed(&diags).is_empty(), "{diags}");
    let stats = client.request(
        "saidso/documentStats",
        json!({"textDocument": {"uri": doc}}),
    );
    assert_eq!(stats["unattributed"], 0, "{stats}");
    assert_eq!(stats["quotes"], 11, "{stats}");
}

#[test]
fn columns_follow_the_negotiated_encoding_on_an_emoji_line() {
    // 🎉 is 4 UTF-8 bytes and 2 UTF-16 units; the curly marks are 3 bytes and 1 unit each.
    let text = "The weather was cold.\n\n🎉 “Nobody knows.” 🎉\n";
    let quote = text.find('“').unwrap();
    let end = text.find('”').unwrap() + '”'.len_utf8();
    for (offered, encoding, start_col, end_col) in [
        (json!(["utf-8", "utf-16"]), "utf-8", 5, 24),
        (json!(["utf-16"]), "utf-16", 3, 18),
        (Value::Null, "utf-16", 3, 18),
    ] {
        let caps = if offered.is_null() {
            json!({})
        } else {
            json!({"general": {"positionEncodings": offered}})
        };
        let (mut client, init) = Client::start(caps, json!({"debounceMs": 0}));
        assert_eq!(init["capabilities"]["positionEncoding"], encoding);
        assert_eq!(position(text, quote, encoding)["character"], start_col);
        assert_eq!(position(text, end, encoding)["character"], end_col);
        let doc = uri("emoji.txt");
        client.open(&doc, "plaintext", 1, text);
        client.diagnostics(&doc);

        // One unit inside the opening mark finds the quote, with its exact range.
        let hover = client.hover(&doc, 2, start_col + 1);
        assert_eq!(
            hover["range"],
            json!({"start": {"line": 2, "character": start_col}, "end": {"line": 2, "character": end_col}}),
            "{encoding}: {hover}"
        );
        // Inside the emoji there is no quote.
        assert_eq!(client.hover(&doc, 2, 1), Value::Null);

        // An edit addressed after the emoji lands after the emoji.
        let inside = position(text, quote + '“'.len_utf8(), encoding);
        client.change(
            &doc,
            2,
            json!([{"range": {"start": inside, "end": inside}, "text": "Really, "}]),
        );
        client.diagnostics(&doc);
        let hover = client.hover(&doc, 2, start_col + 1);
        assert_eq!(
            hover["range"]["end"]["character"],
            end_col + 8,
            "{encoding}: {hover}"
        );
        let (status, _) = client.shutdown_and_exit();
        assert!(status.success());
    }
}

#[test]
fn a_hover_after_a_change_always_sees_the_new_text() {
    // Debounce long enough that the burst publishes little; what it publishes is discarded.
    let (mut client, _) = Client::start(json!({}), json!({"debounceMs": 300}));
    let doc = uri("race.txt");
    let mut text = String::from("nothing here yet.\n");
    client.open(&doc, "plaintext", 1, &text);
    for i in 0..100u32 {
        let line_end = text.find('\n').unwrap();
        let new_line = if i % 2 == 0 {
            format!("“{}ok,” Putin said.", "x ".repeat((i % 7) as usize + 1))
        } else {
            format!("nothing quoted, round {i}.")
        };
        let end = position(&text, line_end, "utf-16");
        client.change(
            &doc,
            i64::from(i) + 2,
            json!([{"range": {"start": {"line": 0, "character": 0}, "end": end}, "text": new_line}]),
        );
        text.replace_range(..line_end, &new_line);
        let hover = client.hover(&doc, 0, 2);
        if i % 2 == 0 {
            let quote_end = new_line.find('”').unwrap() + '”'.len_utf8();
            let expected = position(&text, quote_end, "utf-16");
            assert_eq!(hover["range"]["end"], expected, "round {i}: {hover}");
        } else {
            assert_eq!(hover, Value::Null, "round {i} saw old text");
        }
    }
    client.diagnostics_for_version(&doc, 101);
    client.discard("textDocument/publishDiagnostics");
}

#[test]
fn navigation_leads_from_quotes_and_pronouns_to_the_speaker() {
    let mut client = Client::default_started();
    let doc = open_seed(&mut client, "nav.txt");
    let first_start = at(SEED, "Vladimir Putin", 0);
    let def = client.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": doc}, "position": at(SEED, "he admitted", 0)}),
    );
    assert_eq!(def["uri"], doc);
    assert_eq!(def["range"]["start"], first_start);
    let def = client.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": doc}, "position": at(SEED, "Our guys", 2)}),
    );
    assert_eq!(def["range"]["start"], first_start);

    let refs = client.request(
        "textDocument/references",
        json!({"textDocument": {"uri": doc}, "position": at(SEED, "Our guys", 2),
               "context": {"includeDeclaration": false}}),
    );
    assert_eq!(refs.as_array().map(Vec::len), Some(9), "{refs}");
    let highlights = client.request(
        "textDocument/documentHighlight",
        json!({"textDocument": {"uri": doc}, "position": at(SEED, "Our guys", 2)}),
    );
    assert!(
        highlights.as_array().is_some_and(|h| h.len() >= 9),
        "{highlights}"
    );
}

#[test]
fn stats_and_workspace_symbols_of_the_seed() {
    let mut client = Client::default_started();
    let doc = open_seed(&mut client, "stats.txt");
    let stats = client.request(
        "saidso/documentStats",
        json!({"textDocument": {"uri": doc}}),
    );
    assert_eq!(stats["quotes"], 10, "{stats}");
    assert_eq!(stats["unattributed"], 0, "{stats}");
    assert!(stats["speakers"].as_u64() >= Some(1), "{stats}");
    assert!(stats["claims"].as_u64() >= Some(9), "{stats}");

    let symbols = client.request("workspace/symbol", json!({"query": "putin"}));
    let putin = symbols
        .as_array()
        .and_then(|s| s.iter().find(|s| s["name"] == "Vladimir Putin"))
        .unwrap_or_else(|| panic!("{symbols}"));
    assert_eq!(putin["location"]["uri"], doc);
}

#[test]
fn settings_change_severities_and_republish() {
    let (mut client, _) = Client::start(
        json!({}),
        json!({"saidso": {"rules": {"unattributed-quote": "error"}, "debounceMs": 0}}),
    );
    let doc = uri("settings.txt");
    client.open(&doc, "plaintext", 1, &seed_with_orphan());
    let diags = client.diagnostics(&doc);
    assert_eq!(unattributed(&diags)[0]["severity"], 1);

    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"rules": {"unattributed-quote": "off"}, "debounceMs": 0}}),
    );
    let diags = client.diagnostics(&doc);
    assert_eq!(diags["version"], 1);
    assert!(unattributed(&diags).is_empty(), "{diags}");

    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"saidso": {"enable": false, "debounceMs": 0}}}),
    );
    assert_eq!(client.diagnostics(&doc)["diagnostics"], json!([]));
}

#[test]
fn pulled_diagnostics_use_result_ids_and_cover_the_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::write(
        root.join("story.md"),
        "The weather was fine.\n\n\"Nobody knows.\"\n",
    )
    .unwrap();
    std::fs::write(root.join("notes.txt"), "Nothing quoted.\n").unwrap();
    std::fs::write(root.join("code.rs"), "fn main() {}\n").unwrap();
    let root_uri = format!("file://{}", root.display());
    let (mut client, _) = Client::start_with(json!({
        "processId": null,
        "rootUri": root_uri,
        "workspaceFolders": [{"uri": root_uri, "name": "news"}],
        "capabilities": {"textDocument": {"diagnostic": {"dynamicRegistration": false}}},
        "initializationOptions": {"debounceMs": 0}
    }));
    let doc = uri("pulled.txt");
    client.open(&doc, "plaintext", 1, &seed_with_orphan());
    // A client that pulls gets no pushed diagnostics (the harness fails on unread messages).
    client.expect_silence(std::time::Duration::from_millis(300));

    let report = client.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": doc}}),
    );
    assert_eq!(report["kind"], "full");
    assert_eq!(
        unattributed(&json!({"diagnostics": report["items"]})).len(),
        1
    );
    let result_id = report["resultId"].as_str().expect("resultId").to_owned();
    let again = client.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": doc}, "previousResultId": result_id}),
    );
    assert_eq!(again, json!({"kind": "unchanged", "resultId": result_id}));

    let workspace = client.request("workspace/diagnostic", json!({"previousResultIds": []}));
    let items = workspace["items"].as_array().unwrap();
    let mut uris: Vec<&str> = items.iter().filter_map(|i| i["uri"].as_str()).collect();
    uris.sort();
    let story = format!("{root_uri}/story.md");
    let notes = format!("{root_uri}/notes.txt");
    let mut expected = vec![doc.as_str(), story.as_str(), notes.as_str()];
    expected.sort();
    assert_eq!(uris, expected);
    let story_report = items.iter().find(|i| i["uri"] == story).unwrap();
    assert_eq!(story_report["version"], Value::Null);
    assert_eq!(story_report["kind"], "full");
    assert_eq!(
        unattributed(&json!({"diagnostics": story_report["items"]})).len(),
        1
    );
    let open_report = items.iter().find(|i| i["uri"] == doc).unwrap();
    assert_eq!(open_report["version"], 1);

    let previous: Vec<Value> = items
        .iter()
        .map(|i| json!({"uri": i["uri"], "value": i["resultId"]}))
        .collect();
    let unchanged = client.request(
        "workspace/diagnostic",
        json!({"previousResultIds": previous}),
    );
    assert!(
        unchanged["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["kind"] == "unchanged"),
        "{unchanged}"
    );
}

#[test]
fn quick_fix_names_the_speaker_of_an_ambiguous_pronoun() {
    let text = include_str!("../examples/council-draft.md");
    let mut client = Client::default_started();
    let doc = uri("council-draft.md");
    client.open(&doc, "markdown", 1, text);
    let diags = client.diagnostics(&doc);
    let ambiguous = diags["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "ambiguous-speaker")
        .cloned()
        .unwrap_or_else(|| panic!("no ambiguous-speaker: {diags}"));
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": doc},
            "range": ambiguous["range"],
            "context": {"diagnostics": [ambiguous]}
        }),
    );
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Name Brooks here",
            "Name Gomez here",
            "Ignore this finding (ambiguous-speaker)"
        ],
        "{actions}"
    );
    let edits = support::action_edits(&actions[0], &doc);
    assert!(!edits.is_empty(), "{actions}");
    let fixed = support::apply_edits(text, &edits);
    assert!(
        fixed.contains("\"We will find a way,\" Brooks said."),
        "{fixed}"
    );

    client.change_by_edits(&doc, 2, &edits);
    let diags = client.diagnostics(&doc);
    assert!(
        !codes(&diags).contains(&"ambiguous-speaker".to_owned()),
        "{diags}"
    );
}

#[test]
fn quick_fixes_carry_the_version_for_clients_that_take_document_changes() {
    let (mut client, _) = Client::start(
        json!({"workspace": {"workspaceEdit": {"documentChanges": true}}}),
        json!({"debounceMs": 0}),
    );
    let doc = uri("versioned.txt");
    client.open(&doc, "plaintext", 4, &seed_with_orphan());
    let orphan = unattributed(&client.diagnostics(&doc))
        .pop()
        .expect("orphan");
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": doc}, "range": orphan["range"], "context": {"diagnostics": []}}),
    );
    let change = &actions[0]["edit"]["documentChanges"][0];
    assert_eq!(change["textDocument"], json!({"uri": doc, "version": 4}));
    assert_eq!(change["edits"][0]["newText"], ",\" Putin said.");
}
