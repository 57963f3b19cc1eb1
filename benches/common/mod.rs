//! Inputs shared by the benchmarks: a long article built from the seed example, the dev
//! corpus when `../shared` is beside the repository, and a writer typing into the article.

#![allow(dead_code)] // each benchmark uses part of this

use saidso::analysis::{Analysis, DocKind, Incremental, Options};

const SEED: &str = include_str!("../../examples/putin-press-conference.txt");

/// About 10,000 words: the seed article's paragraphs over and over, as one document.
pub fn long_article() -> String {
    let mut text = String::new();
    while text.split_whitespace().count() < 10_000 {
        text.push_str(SEED);
        text.push_str("\n\n");
    }
    text
}

/// The texts of the dev corpus in file order, if the shared folder is beside the repository.
pub fn dev_corpus() -> Option<Vec<String>> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/dev");
    let mut paths: Vec<_> = std::fs::read_dir(root)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    paths.sort();
    let mut texts = Vec::new();
    for path in paths {
        for line in std::fs::read_to_string(&path).ok()?.lines() {
            let doc: serde_json::Value = serde_json::from_str(line).ok()?;
            texts.push(doc["text"].as_str()?.to_string());
        }
    }
    Some(texts)
}

/// A writer at work in the middle of a document: each keystroke types a character there or
/// deletes it again, alternately, and re-analyses incrementally as the language server does.
/// Every analysis sees a new text in which all but one sentence are as before.
pub struct Typist {
    inc: Incremental,
    options: Options,
    text: String,
    at: usize,
    typed: bool,
}

impl Typist {
    /// Opens `text` (analysing it once, as opening a document does).
    pub fn new(text: &str) -> Typist {
        let options = Options::default();
        let mut inc = Incremental::new();
        inc.analyze(text, DocKind::Text, &options);
        let mut at = text.len() / 2;
        while !text.is_char_boundary(at) {
            at += 1;
        }
        Typist {
            inc,
            options,
            text: text.to_string(),
            at,
            typed: false,
        }
    }

    pub fn keystroke(&mut self) -> Analysis {
        if self.typed {
            self.text.remove(self.at);
        } else {
            self.text.insert(self.at, 'x');
        }
        self.typed = !self.typed;
        self.inc.analyze(&self.text, DocKind::Text, &self.options)
    }
}
