//! Inputs for the property tests: drafts built from pieces of news copy (quotation marks,
//! speech verbs, names, Markdown) mixed with arbitrary words and characters. Random bytes alone
//! would almost never form a quotation or a cue, so each test names the pieces its property
//! needs and these strategies mix them in.

use proptest::prelude::*;

/// One of `pieces`, or a few ordinary words and punctuation, or any character at all; every
/// piece is as likely as each of the other two kinds.
pub fn fragment(pieces: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        pieces.len().max(1) as u32 => prop::sample::select(pieces).prop_map(String::from),
        1 => "[a-zA-Z ,.?!]{1,12}",
        1 => any::<char>().prop_map(String::from),
    ]
}

/// A draft of up to 60 fragments.
pub fn draft(pieces: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(pieces), 0..60).prop_map(|parts| parts.concat())
}
