//! A source's words, numbered and indexed once per version of the source, so that each quote
//! is looked up instead of searched for.
//!
//! Every distinct word gets an id; the index keeps, for each word and for each pair of
//! adjacent words (a bigram), the positions where it occurs. A quote's words vote for where
//! the quote could start (see `align`), and only those few places are compared word by word.
//! Building costs one pass over the source; a lookup costs the occurrences of the quote's
//! words, not the length of the source.

use super::normalize::{annotations, bracket_groups, merged, words};
use super::transcript::Turn;
use crate::analysis::Span;
use rustc_hash::FxHashMap;

/// One word of the source: its id, where it is, and the turn it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub id: u32,
    pub span: Span,
    pub turn: u32,
}

#[derive(Debug, Default)]
pub struct Index {
    vocab: FxHashMap<String, u32>,
    /// The word of each id.
    names: Vec<String>,
    /// The source's words in text order, labels and transcriber's notes left out.
    pub toks: Vec<Tok>,
    /// Positions (indices into `toks`) of each word id.
    postings: Vec<Vec<u32>>,
    /// Positions of each bigram `(a, b)`, by the position of `a`.
    pairs: FxHashMap<u64, Vec<u32>>,
}

fn pair_key(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

impl Index {
    /// Indexes the words of each turn's body; timestamps, `[notes]` and `(laughter)` are no
    /// one's words and are left out.
    pub fn new(text: &str, turns: &[Turn]) -> Index {
        let mut index = Index::default();
        for (t, turn) in turns.iter().enumerate() {
            let mut skip = annotations(text, turn.body);
            skip.extend(bracket_groups(text, turn.body));
            let skip = merged(skip);
            for w in words(text, turn.body, &skip) {
                let id = match index.vocab.get(&w.norm) {
                    Some(&id) => id,
                    None => {
                        let id = index.names.len() as u32;
                        index.vocab.insert(w.norm.clone(), id);
                        index.names.push(w.norm);
                        index.postings.push(Vec::new());
                        id
                    }
                };
                let pos = index.toks.len() as u32;
                index.postings[id as usize].push(pos);
                if let Some(prev) = index.toks.last() {
                    index
                        .pairs
                        .entry(pair_key(prev.id, id))
                        .or_default()
                        .push(pos - 1);
                }
                index.toks.push(Tok {
                    id,
                    span: w.span,
                    turn: t as u32,
                });
            }
        }
        index
    }

    /// The id of a normalised word, if the source has it.
    pub fn id(&self, norm: &str) -> Option<u32> {
        self.vocab.get(norm).copied()
    }

    /// Where word `id` occurs.
    pub fn positions(&self, id: u32) -> &[u32] {
        self.postings.get(id as usize).map_or(&[], Vec::as_slice)
    }

    /// Where word `a` is directly followed by word `b` (positions of `a`).
    pub fn pair_positions(&self, a: u32, b: u32) -> &[u32] {
        self.pairs.get(&pair_key(a, b)).map_or(&[], Vec::as_slice)
    }

    /// The normalised form of word `id`.
    pub fn word(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("", String::as_str)
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::super::transcript::turns;
    use super::*;

    #[test]
    fn words_pairs_and_turns_are_indexed() {
        let text = "PUTIN: We will win. [00:01:02] We will.\nQ: Will you (laughter) win?\n";
        let index = Index::new(text, &turns(text));
        let words: Vec<&str> = index.toks.iter().map(|t| t.span.text(text)).collect();
        assert_eq!(
            words,
            ["We", "will", "win", "We", "will", "Will", "you", "win"]
        );
        let we = index.id("we").expect("we");
        let will = index.id("will").expect("will");
        assert_eq!(index.positions(will), [1, 4, 5]);
        assert_eq!(index.pair_positions(we, will), [0, 3]);
        assert_eq!(index.toks[5].turn, 1);
        assert_eq!(index.word(we), "we");
        assert_eq!(index.id("laughter"), None);
        assert!(Index::new("", &turns("")).is_empty());
    }
}
