//! Inputs shared by the benchmarks: a long article built from the seed example, and the dev
//! corpus when `../shared` is beside the repository.

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
