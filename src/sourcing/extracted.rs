//! An article's tables from one line of `saidso extract` output, for archives analysed
//! elsewhere (`saidso report --jsonl quotes.jsonl`, after Spark or GNU parallel). The line
//! carries names and counts but not the text, so quoted words, lines and the highlighted view
//! are left out; everything else matches [`Article::from_analysis`] on the same document.

use super::tables::{is_loaded, one_line, Article, Gender, QuoteRow, SourceKind, SpeakerRow};
use crate::analysis::{LoadedVerbs, Method};
use rustc_hash::FxHashMap;
use serde_json::Value;

/// How an archive line's id is shown: a string as it is, anything else as JSON.
pub fn id_text(id: &Value) -> String {
    match id {
        Value::String(s) => s.clone(),
        Value::Null => "(no id)".into(),
        other => other.to_string(),
    }
}

fn method(name: &str) -> Option<Method> {
    Some(match name {
        "explicit" => Method::Explicit,
        "according" => Method::According,
        "pronoun" => Method::Pronoun,
        "colon-intro" => Method::ColonIntro,
        "subject" => Method::Subject,
        "same-paragraph" => Method::SameParagraph,
        "continuation" => Method::Continuation,
        "headline" => Method::Headline,
        _ => return None,
    })
}

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

fn array<'a>(v: &'a Value, key: &str) -> Result<&'a [Value], String> {
    match v.get(key) {
        Some(Value::Array(a)) => Ok(a),
        None | Some(Value::Null) => Ok(&[]),
        Some(_) => Err(format!("\"{key}\" is not an array")),
    }
}

/// The tables of one extract output line. A line that is an extract error line, or that is
/// not shaped like extract output, becomes an article carrying the error.
pub fn article(line: &Value, loaded: &LoadedVerbs) -> Article {
    let id = id_text(line.get("id").unwrap_or(&Value::Null));
    if let Some(error) = str_of(line, "error") {
        return Article::failed(id, format!("extract could not read this document: {error}"));
    }
    match read(id.clone(), line, loaded) {
        Ok(a) => a,
        Err(e) => Article::failed(id, e),
    }
}

fn read(id: String, line: &Value, loaded: &LoadedVerbs) -> Result<Article, String> {
    if !line.is_object() || line.get("quotes").is_none() {
        return Err("not a line of `saidso extract` output (no \"quotes\")".into());
    }
    // Speakers by name, in the engine's order; a name given twice is one source here.
    let mut names: Vec<&str> = Vec::new();
    let mut kinds: Vec<SourceKind> = Vec::new();
    let mut roles: Vec<Option<String>> = Vec::new();
    let mut genders = Vec::new();
    let mut by_name: FxHashMap<&str, usize> = FxHashMap::default();
    for s in array(line, "speakers")? {
        let name = str_of(s, "name").ok_or("a speaker without a \"name\"")?;
        let kind_name = str_of(s, "kind").unwrap_or("");
        let kind = SourceKind::from_extract(kind_name)
            .ok_or_else(|| format!("unknown speaker kind `{kind_name}` for {name}"))?;
        if by_name.contains_key(name) {
            continue;
        }
        by_name.insert(name, names.len());
        names.push(name);
        kinds.push(kind);
        roles.push(str_of(s, "role").map(one_line));
        genders.push(Gender::from_extract(
            kind,
            str_of(s, "gender"),
            str_of(s, "gender_source"),
        ));
    }
    let n = names.len();
    let speaker_of = |v: &Value| str_of(v, "speaker").and_then(|s| by_name.get(s).copied());

    // Quotes as the reader counts them: one per group, spoken by its first attributed part.
    struct Group<'a> {
        attributed: Option<&'a Value>,
        kind: &'static str,
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut index: FxHashMap<i64, usize> = FxHashMap::default();
    for (k, q) in array(line, "quotes")?.iter().enumerate() {
        let kind = match str_of(q, "kind") {
            Some("scare") => continue,
            Some("partial") => "partial",
            _ => "direct",
        };
        // A quote without a group number stands alone.
        let group = q
            .get("group")
            .and_then(Value::as_i64)
            .unwrap_or(-1 - k as i64);
        let g = *index.entry(group).or_insert_with(|| {
            groups.push(Group {
                attributed: None,
                kind,
            });
            groups.len() - 1
        });
        if groups[g].attributed.is_none() && speaker_of(q).is_some() {
            groups[g].attributed = Some(q);
        }
    }
    let mut quotes_by = vec![0; n];
    let mut claims_by = vec![0; n];
    let mut verbs_by: Vec<FxHashMap<String, usize>> = vec![FxHashMap::default(); n];
    let mut verb = |s: usize, cue: Option<&str>| {
        if let Some(cue) = cue {
            *verbs_by[s].entry(one_line(cue).to_lowercase()).or_default() += 1;
        }
    };
    let quotes: Vec<QuoteRow> = groups
        .iter()
        .map(|g| {
            let a = g.attributed;
            let speaker = a.and_then(speaker_of);
            let cue = a.and_then(|a| str_of(a, "cue")).map(one_line);
            if let Some(s) = speaker {
                quotes_by[s] += 1;
                claims_by[s] += 1;
                verb(s, cue.as_deref());
            }
            QuoteRow {
                line: None,
                speaker,
                kind: g.kind,
                method: a.and_then(|a| str_of(a, "method")).and_then(method),
                confidence: a
                    .and_then(|a| a.get("confidence"))
                    .and_then(Value::as_f64)
                    .map(|c| c as f32),
                loaded: cue.as_deref().is_some_and(|c| is_loaded(loaded, c)),
                cue,
                words: None,
                text: None,
            }
        })
        .collect();

    // Quotes are counted above; reported speech adds claims.
    for c in array(line, "claims")? {
        if str_of(c, "kind") != Some("reported") {
            continue;
        }
        if let Some(s) = speaker_of(c) {
            claims_by[s] += 1;
            verb(s, str_of(c, "cue"));
        }
    }
    let mut order: Vec<usize> = (0..n)
        .filter(|&i| quotes_by[i] > 0 || claims_by[i] > 0)
        .collect();
    order.sort_by(|&a, &b| {
        quotes_by[b]
            .cmp(&quotes_by[a])
            .then(claims_by[b].cmp(&claims_by[a]))
    });
    let mut row_of = vec![None; n];
    for (row, &i) in order.iter().enumerate() {
        row_of[i] = Some(row);
    }
    let speakers = order
        .iter()
        .map(|&i| {
            let mut verbs: Vec<(String, usize)> = verbs_by[i].drain().collect();
            verbs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            SpeakerRow {
                name: one_line(names[i]),
                role: roles[i].clone(),
                kind: kinds[i],
                gender: genders[i].0,
                gender_source: genders[i].1,
                quotes: quotes_by[i],
                words: None,
                claims: claims_by[i],
                verbs,
            }
        })
        .collect();
    let quotes = quotes
        .into_iter()
        .map(|mut q| {
            q.speaker = q.speaker.and_then(|s| row_of[s]);
            q
        })
        .collect();
    let policy = array(line, "findings")?
        .iter()
        .filter(|f| str_of(f, "rule").is_some_and(|r| r.starts_with("policy-")))
        .filter_map(|f| str_of(f, "message").map(str::to_string))
        .collect();
    Ok(Article {
        id,
        title: None,
        speakers,
        quotes,
        policy,
        text: None,
        error: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, DocKind, Options};
    use serde_json::json;

    fn loaded() -> LoadedVerbs {
        LoadedVerbs::new(&Options::default())
    }

    /// The extract line of `text`, the way `saidso extract` writes it.
    fn extract_line(text: &str) -> Value {
        let line = serde_json::to_string(&json!({"id": "d1", "text": text})).expect("json");
        let (out, bad) =
            crate::cli::extract_line(1, line.as_bytes(), DocKind::Text).expect("a line");
        assert!(!bad, "{out}");
        serde_json::from_str(&out).expect("json")
    }

    #[test]
    fn an_extract_line_gives_the_tables_of_its_analysis_less_the_text() {
        let text = "Mayor Ana Ortiz spoke first.\n\n\
            \"We will rebuild the bridge,\" she said. \"The engineers told us.\n\n\
            \"And I will not wait.\"\n\n\
            \"It is too expensive,\" Councilman Dale Brooks claimed.\n\n\
            \"The bridge is safe,\" a city engineer told reporters.\n\n\
            Residents packed the public gallery for the vote.\n\n\
            \"Nobody asked us.\"\n";
        let from_line = article(&extract_line(text), &loaded());
        let mut from_text = Article::from_analysis(
            "d1".into(),
            text,
            DocKind::Text,
            &analyze(text, DocKind::Text),
            &loaded(),
        );
        // What a line cannot carry.
        from_text.text = None;
        from_text.title = None;
        for s in &mut from_text.speakers {
            s.words = None;
        }
        for q in &mut from_text.quotes {
            (q.line, q.words, q.text) = (None, None, None);
        }
        assert_eq!(from_line, from_text);
    }

    #[test]
    fn error_lines_and_foreign_lines_become_failed_articles() {
        let a = article(
            &json!({"id": 7, "line": 3, "error": "invalid JSON"}),
            &loaded(),
        );
        assert_eq!(a.id, "7");
        assert!(a
            .error
            .as_deref()
            .is_some_and(|e| e.contains("invalid JSON")));
        let a = article(&json!({"id": "x", "text": "raw"}), &loaded());
        assert!(a.error.as_deref().is_some_and(|e| e.contains("extract")));
        let a = article(
            &json!({"id": "x", "quotes": [], "speakers": [{"name": "A", "kind": "alien"}]}),
            &loaded(),
        );
        assert!(a.error.as_deref().is_some_and(|e| e.contains("alien")));
    }

    #[test]
    fn the_writer_is_a_kind_of_its_own() {
        let line = json!({"id": 1,
            "quotes": [{"kind": "direct", "speaker": "the writer", "group": 0, "method": "explicit",
                        "confidence": 0.9, "cue": "said"}],
            "speakers": [{"name": "the writer", "kind": "writer"}],
            "claims": [{"speaker": "the writer", "kind": "direct", "cue": "said"}]});
        let a = article(&line, &loaded());
        assert_eq!(a.speakers[0].kind, SourceKind::Writer);
        assert_eq!(a.quotes_by_kind(), [0, 0, 0, 1]);
        assert_eq!(a.named_sources(), 0);
    }
}
