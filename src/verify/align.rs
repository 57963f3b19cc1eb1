//! Where a quote's words are in one source, and how they differ from the source's.
//!
//! For each segment of the quote (the runs between ellipses, see `pattern`):
//! 1. **Candidates.** Every bigram of the segment found in the index, and every rare word, votes
//!    for the place the segment would start at if the words were verbatim. Votes that agree
//!    (within the slack brackets allow) make a window of the source worth comparing.
//! 2. **Comparison.** In each window, a word-level alignment (edit distance with free ends in
//!    the source): a word the same costs nothing, a word changed, added or left out costs one,
//!    a bracketed insertion may stand for a few source words at no cost.
//!
//! Then the segments' matches are put together in order (each segment after the one before,
//! anywhere later in the source: that is what an ellipsis allows). Every placement found at
//! the lowest cost is kept, so the same words said twice, by two people, are both reported.

use super::index::Index;
use super::pattern::{Item, Pattern};

/// One step of an alignment between a segment's items and the source's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// Item `item` is the source word at `tok`.
    Same { item: usize, tok: u32 },
    /// Item `item` stands where the source has another word, at `tok`.
    Changed { item: usize, tok: u32 },
    /// Item `item`, a word of the quote, is not in the source.
    Added { item: usize },
    /// The source word at `tok` was left out of the quote with no ellipsis to say so.
    Dropped { tok: u32 },
    /// Bracketed insertion `item` stands for the source words `from..to` (perhaps none).
    Bracket { item: usize, from: u32, to: u32 },
}

/// A segment's alignment with the source words `start..end`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegMatch {
    pub cost: u32,
    pub start: u32,
    pub end: u32,
    pub ops: Vec<Op>,
}

/// The whole quote placed in one source: a match per segment, `None` for a segment found
/// nowhere (all its words count as added).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alignment {
    pub cost: u32,
    /// Words of the quote the same as the source's.
    pub same: u32,
    pub segments: Vec<Option<SegMatch>>,
}

impl Alignment {
    /// The source words from the first placed to the last (`start..end` in the index).
    pub fn range(&self) -> Option<(u32, u32)> {
        let mut placed = self.segments.iter().flatten();
        let first = placed.next()?;
        let last = self.segments.iter().flatten().next_back().unwrap_or(first);
        Some((first.start, last.end))
    }

    /// The source words the quote stands for: same, changed or under a bracket.
    pub fn quoted_toks(&self) -> impl Iterator<Item = u32> + '_ {
        self.segments.iter().flatten().flat_map(|s| {
            s.ops.iter().flat_map(|op| match *op {
                Op::Same { tok, .. } | Op::Changed { tok, .. } => tok..tok + 1,
                Op::Bracket { from, to, .. } => from..to,
                Op::Added { .. } | Op::Dropped { .. } => 0..0,
            })
        })
    }
}

/// Occurrences of a word pair or word beyond this are not used as votes (`of the`): they say
/// little and would cost much.
const MAX_VOTES_PER_KEY: usize = 4096;
/// A word is rare enough to vote alone when it occurs at most this often.
const RARE: usize = 32;
/// Windows compared when none is exact; exact repeats are all compared, up to `MAX_WINDOWS`.
const KEEP: usize = 8;
const MAX_WINDOWS: usize = 256;
/// Occurrences of a segment's rarest word tried as exact placements.
const MAX_WORD_HITS: usize = 20_000;
/// Placements of the whole quote kept: enough to see every speaker who said the same words.
const MAX_PLACEMENTS: usize = 1_024;

/// What an item asks of a source word, resolved against one index.
#[derive(Clone, Copy)]
enum Want<'a> {
    Id(Option<u32>),
    Edited(&'a Item),
    Bracket(usize),
}

fn want<'a>(item: &'a Item, index: &Index) -> Want<'a> {
    match item {
        Item::Word { norm, .. } => Want::Id(index.id(norm)),
        Item::Edited { .. } => Want::Edited(item),
        Item::Bracket { max_skip, .. } => Want::Bracket(*max_skip),
    }
}

fn matches(w: Want, tok: u32, index: &Index) -> bool {
    let Some(t) = index.toks.get(tok as usize) else {
        return false;
    };
    match w {
        Want::Id(id) => id == Some(t.id),
        Want::Edited(item) => item.matches(index.word(t.id)),
        Want::Bracket(_) => false,
    }
}

/// The best placements of `pattern` in `index`, cheapest first: every placement at the lowest
/// cost found, then a few cheaper-than-nothing others. Empty when no word of the quote is in
/// the source.
pub fn align(pattern: &Pattern, index: &Index) -> Vec<Alignment> {
    let per_segment: Vec<Vec<SegMatch>> = pattern
        .segments
        .iter()
        .map(|seg| segment_matches(seg, index))
        .collect();
    let words: Vec<u32> = pattern
        .segments
        .iter()
        .map(|s| s.iter().filter(|i| i.is_word()).count() as u32)
        .collect();
    if per_segment.iter().all(Vec::is_empty) {
        return Vec::new();
    }
    // The segment with the most words anchors each placement; the others are fitted around it.
    let anchor = (0..words.len())
        .max_by_key(|&s| (words[s], std::cmp::Reverse(s)))
        .unwrap_or(0);
    let mut out: Vec<Alignment> = Vec::new();
    let anchors: Vec<Option<&SegMatch>> = if per_segment[anchor].is_empty() {
        vec![None]
    } else {
        per_segment[anchor]
            .iter()
            .take(MAX_PLACEMENTS)
            .map(Some)
            .collect()
    };
    for a in anchors {
        let mut segments: Vec<Option<SegMatch>> = vec![None; words.len()];
        segments[anchor] = a.cloned();
        let mut bound = a.map_or(u32::MAX, |m| m.start);
        for s in (0..anchor).rev() {
            let pick = per_segment[s]
                .iter()
                .filter(|m| m.end <= bound)
                // The latest start leaves the most room for the segments before it.
                .min_by_key(|m| (m.cost, std::cmp::Reverse(m.start)));
            if let Some(m) = pick {
                bound = m.start;
                segments[s] = Some(m.clone());
            }
        }
        let mut bound = a.map_or(0, |m| m.end);
        for s in anchor + 1..words.len() {
            let pick = per_segment[s]
                .iter()
                .filter(|m| m.start >= bound)
                // The earliest end leaves the most room for the segments after it.
                .min_by_key(|m| (m.cost, m.end));
            if let Some(m) = pick {
                bound = m.end;
                segments[s] = Some(m.clone());
            }
        }
        let cost = segments
            .iter()
            .zip(&words)
            .map(|(m, &w)| m.as_ref().map_or(w, |m| m.cost))
            .sum();
        let same = segments
            .iter()
            .flatten()
            .flat_map(|m| &m.ops)
            .filter(|op| matches!(op, Op::Same { .. }))
            .count() as u32;
        // Distinct anchors make distinct placements: no two are the same.
        out.push(Alignment {
            cost,
            same,
            segments,
        });
    }
    out.sort_by_key(|a| (a.cost, std::cmp::Reverse(a.same), a.range()));
    out
}

/// A segment's candidate placements, each compared word by word: every exact one when there
/// is one, else the few the votes point at.
fn segment_matches(seg: &[Item], index: &Index) -> Vec<SegMatch> {
    let wants: Vec<Want> = seg.iter().map(|i| want(i, index)).collect();
    let exact = exact_matches(&wants, index);
    if !exact.is_empty() || seg.len() > MAX_COMPARED_ITEMS {
        return exact;
    }
    let windows = windows(&wants, index);
    let mut out: Vec<SegMatch> = Vec::new();
    let best_votes = windows.first().map_or(0, |w| w.2);
    for (i, &(lo, hi, votes)) in windows.iter().enumerate() {
        if votes < best_votes && i >= KEEP {
            continue;
        }
        if let Some(m) = compare(seg, &wants, index, lo, hi) {
            if !out.iter().any(|o| o.start == m.start && o.end == m.end) {
                out.push(m);
            }
        }
    }
    out.sort_by_key(|m| (m.cost, m.start));
    out
}

/// Every exact placement of a segment, found from the occurrences of its rarest word (so the
/// same words said twice are both found, however common the rest): the items before it are
/// matched backwards from each occurrence, the items after it forwards, a bracket standing for
/// as few source words as will do. Empty when a word of the segment is not in the source.
fn exact_matches(wants: &[Want], index: &Index) -> Vec<SegMatch> {
    let brackets = wants
        .iter()
        .filter(|w| matches!(w, Want::Bracket(_)))
        .count();
    if brackets > MAX_BRACKETS || wants.iter().any(|w| matches!(w, Want::Id(None))) {
        return Vec::new();
    }
    let Some((r, id)) = wants
        .iter()
        .enumerate()
        .filter_map(|(i, w)| match w {
            Want::Id(Some(id)) => Some((i, *id)),
            _ => None,
        })
        .min_by_key(|&(_, id)| index.positions(id).len())
    else {
        return Vec::new();
    };
    let mut out: Vec<SegMatch> = Vec::new();
    let mut seen = rustc_hash::FxHashSet::default();
    let mut budget = MAX_EXACT_STEPS;
    for &p in index.positions(id).iter().take(MAX_WORD_HITS) {
        let mut after = Vec::new();
        let Some(end) = extend(wants, r + 1, p + 1, true, index, &mut after, &mut budget) else {
            continue;
        };
        let mut before = Vec::new();
        let Some(start) = extend(wants, r, p, false, index, &mut before, &mut budget) else {
            continue;
        };
        before.reverse();
        before.push(Op::Same { item: r, tok: p });
        before.extend(after);
        if seen.insert((start, end)) {
            out.push(SegMatch {
                cost: 0,
                start,
                end,
                ops: before,
            });
        }
    }
    out
}

/// Steps of [`extend`] allowed per segment: brackets branch, and a quote made of many of them
/// must not make the search explode.
const MAX_EXACT_STEPS: usize = 1_000_000;
/// Segments with more brackets than this are only compared word by word (`compare`).
const MAX_BRACKETS: usize = 32;
/// Segments longer than this are only looked for verbatim: comparing them word by word would
/// cost a table of their length squared (a quote runs to a few hundred words at most; an
/// unclosed mark can run to the end of the document).
const MAX_COMPARED_ITEMS: usize = 400;

/// Matches items exactly from a source position: forwards, items `from..` starting at `pos`
/// (returns the end); backwards, items `..from` ending just before `pos` (returns the start).
/// Ops are pushed in the order of the walk. `None` when they do not match or the budget ran out.
/// Words are matched in a loop; only brackets, which may stand for several counts of words,
/// recurse (and a segment has at most [`MAX_BRACKETS`] of them).
fn extend(
    wants: &[Want],
    from: usize,
    pos: u32,
    forwards: bool,
    index: &Index,
    ops: &mut Vec<Op>,
    budget: &mut usize,
) -> Option<u32> {
    let mark = ops.len();
    let (mut from, mut pos) = (from, pos);
    loop {
        if *budget == 0 {
            ops.truncate(mark);
            return None;
        }
        *budget -= 1;
        let item = match (forwards, from) {
            (true, f) if f >= wants.len() => return Some(pos),
            (false, 0) => return Some(pos),
            (true, f) => f,
            (false, f) => f - 1,
        };
        let next = if forwards { from + 1 } else { from - 1 };
        if let Want::Bracket(k) = wants[item] {
            // As few source words as will do: a bracket at either end stands for none.
            for s in 0..=k as u32 {
                let (here, there) = if forwards {
                    (pos, pos.saturating_add(s))
                } else {
                    match pos.checked_sub(s) {
                        Some(h) => (h, pos),
                        None => break,
                    }
                };
                if there as usize > index.len() {
                    break;
                }
                let before = ops.len();
                ops.push(Op::Bracket {
                    item,
                    from: here,
                    to: there,
                });
                let at = if forwards { there } else { here };
                if let Some(done) = extend(wants, next, at, forwards, index, ops, budget) {
                    return Some(done);
                }
                ops.truncate(before);
            }
            ops.truncate(mark);
            return None;
        }
        let tok = if forwards {
            Some(pos)
        } else {
            pos.checked_sub(1)
        };
        match tok {
            Some(tok) if matches(wants[item], tok, index) => {
                ops.push(Op::Same { item, tok });
                pos = if forwards { tok + 1 } else { tok };
                from = next;
            }
            _ => {
                ops.truncate(mark);
                return None;
            }
        }
    }
}

/// Source windows `(lo, hi, votes)` worth comparing with a segment, most votes first.
fn windows(wants: &[Want], index: &Index) -> Vec<(u32, u32, usize)> {
    let n = wants.len() as i64;
    let skip: i64 = wants
        .iter()
        .map(|w| match w {
            Want::Bracket(k) => *k as i64,
            _ => 0,
        })
        .sum();
    let mut votes: Vec<i64> = Vec::new();
    for (i, w) in wants.iter().enumerate() {
        let Want::Id(Some(a)) = *w else { continue };
        if let Some(Want::Id(Some(b))) = wants.get(i + 1) {
            let ps = index.pair_positions(a, *b);
            if ps.len() <= MAX_VOTES_PER_KEY {
                votes.extend(ps.iter().map(|&p| i64::from(p) - i as i64));
            }
        }
        let ps = index.positions(a);
        if ps.len() <= RARE {
            votes.extend(ps.iter().map(|&p| i64::from(p) - i as i64));
        }
    }
    if votes.is_empty() {
        // Only common words, none in pairs: the least common one places the segment.
        let rarest = wants
            .iter()
            .enumerate()
            .filter_map(|(i, w)| match w {
                Want::Id(Some(id)) => Some((index.positions(*id).len(), i, *id)),
                _ => None,
            })
            .min();
        if let Some((_, i, id)) = rarest {
            votes.extend(
                index
                    .positions(id)
                    .iter()
                    .take(MAX_VOTES_PER_KEY)
                    .map(|&p| i64::from(p) - i as i64),
            );
        }
    }
    votes.sort_unstable();
    let tolerance = 2 + skip;
    let slack = 2 + n / 4;
    let len = index.len() as i64;
    // Votes per start (diagonal), then each start's score: the votes within `tolerance` of
    // it (a quote that left out or added a word shifts the rest of its votes a little).
    let mut starts: Vec<(i64, usize)> = Vec::new();
    for &v in &votes {
        match starts.last_mut() {
            Some((d, c)) if *d == v => *c += 1,
            _ => starts.push((v, 1)),
        }
    }
    let mut scored: Vec<(usize, i64)> = Vec::with_capacity(starts.len());
    let (mut lo, mut hi, mut sum) = (0usize, 0usize, 0usize);
    for &(d, _) in &starts {
        while hi < starts.len() && starts[hi].0 <= d + tolerance {
            sum += starts[hi].1;
            hi += 1;
        }
        while starts[lo].0 < d - tolerance {
            sum -= starts[lo].1;
            lo += 1;
        }
        scored.push((sum, d));
    }
    scored.sort_by_key(|&(score, d)| (std::cmp::Reverse(score), d));
    // The best starts, each at least `tolerance` from one already taken: every start as good as
    // the best (the same words said again), and a few more with at least half its votes (a
    // start with far fewer agrees with too few of the quote's words to be its closest passage).
    let best = scored.first().map_or(0, |s| s.0);
    let mut taken: Vec<(i64, usize)> = Vec::new();
    for (score, d) in scored {
        let enough = score == best || (taken.len() < KEEP && score * 2 >= best);
        if taken.len() >= MAX_WINDOWS || !enough {
            break;
        }
        if taken.iter().any(|&(t, _)| (t - d).abs() <= tolerance) {
            continue;
        }
        taken.push((d, score));
    }
    // Each window is a stretch the segment could cover from that start, with slack for words
    // left out or added without an ellipsis; windows may overlap, each is compared on its own.
    taken
        .into_iter()
        .map(|(d, score)| {
            let lo = (d - tolerance - slack).max(0);
            let hi = (d + n + skip + tolerance + slack).min(len);
            (lo, hi, score)
        })
        .filter(|w| w.0 < w.1)
        .map(|(lo, hi, c)| (lo as u32, hi as u32, c))
        .collect()
}

/// One unit of cost in a score; a quote word that differs from the source adds one more.
const COST: u64 = 1 << 32;
const DIFFERS: u64 = COST + 1;

/// Back-pointers of the comparison table.
const DIAG: u16 = 1;
const UP: u16 = 2;
const LEFT: u16 = 3;
/// `SKIP + s`: a bracket standing for `s` source words.
const SKIP: u16 = 4;

/// The cheapest alignment of the segment `seg` with a stretch of the source words `lo..hi`:
/// every item of the segment is placed, the stretch's ends are free.
fn compare(seg: &[Item], wants: &[Want], index: &Index, lo: u32, hi: u32) -> Option<SegMatch> {
    let n = seg.len();
    let m = (hi - lo) as usize;
    let width = m + 1;
    // Scores order alignments by cost, then by how few of the quote's words differ (so
    // `we won't` on `we will not` keeps `we` the same: won't→will and `not` left out).
    let mut score = vec![0u64; (n + 1) * width];
    let mut back = vec![0u16; (n + 1) * width];
    for i in 1..=n {
        let row = i * width;
        let prev = (i - 1) * width;
        let word = !matches!(wants[i - 1], Want::Bracket(_));
        score[row] = score[prev] + if word { DIFFERS } else { 0 };
        back[row] = if word { UP } else { SKIP };
        for j in 1..=m {
            let (mut best, mut how) = match wants[i - 1] {
                Want::Bracket(k) => {
                    let (mut best, mut how) = (score[prev + j], SKIP);
                    for s in 1..=k.min(j).min(usize::from(u16::MAX - SKIP)) {
                        if score[prev + j - s] < best {
                            (best, how) = (score[prev + j - s], SKIP + s as u16);
                        }
                    }
                    (best, how)
                }
                w => {
                    let same = matches(w, lo + j as u32 - 1, index);
                    let diag = score[prev + j - 1] + if same { 0 } else { DIFFERS };
                    let up = score[prev + j] + DIFFERS;
                    if up < diag {
                        (up, UP)
                    } else {
                        (diag, DIAG)
                    }
                }
            };
            if score[row + j - 1] + COST < best {
                (best, how) = (score[row + j - 1] + COST, LEFT);
            }
            score[row + j] = best;
            back[row + j] = how;
        }
    }
    let last = n * width;
    // On a tie, the earlier end: `we will crush them` on `we will not raise` reads as two
    // words added, rather than pulling in source words the quote has nothing to do with.
    let (end, best) = (0..=m)
        .map(|j| (j, score[last + j]))
        .min_by_key(|&(j, c)| (c, j))?;
    let total = u32::try_from(best / COST).unwrap_or(u32::MAX);
    let mut ops = Vec::new();
    let (mut i, mut j) = (n, end);
    while i > 0 {
        let tok = lo + j as u32;
        match back[i * width + j] {
            DIAG => {
                let t = tok - 1;
                ops.push(if matches(wants[i - 1], t, index) {
                    Op::Same {
                        item: i - 1,
                        tok: t,
                    }
                } else {
                    Op::Changed {
                        item: i - 1,
                        tok: t,
                    }
                });
                i -= 1;
                j -= 1;
            }
            UP => {
                ops.push(Op::Added { item: i - 1 });
                i -= 1;
            }
            LEFT => {
                ops.push(Op::Dropped { tok: tok - 1 });
                j -= 1;
            }
            b => {
                let s = usize::from(b.saturating_sub(SKIP)).min(j);
                ops.push(Op::Bracket {
                    item: i - 1,
                    from: tok - s as u32,
                    to: tok,
                });
                i -= 1;
                j -= s;
            }
        }
    }
    ops.reverse();
    // The placement is where the first and last source words the quote touches are.
    let touched = |op: &Op| match *op {
        Op::Same { tok, .. } | Op::Changed { tok, .. } | Op::Dropped { tok } => {
            Some((tok, tok + 1))
        }
        Op::Bracket { from, to, .. } if from < to => Some((from, to)),
        _ => None,
    };
    let start = ops.iter().find_map(touched).map_or(lo + j as u32, |t| t.0);
    let end = ops.iter().rev().find_map(touched).map_or(start, |t| t.1);
    Some(SegMatch {
        cost: total,
        start,
        end,
        ops,
    })
}

#[cfg(test)]
mod tests {
    use super::super::pattern::parse;
    use super::super::transcript::turns;
    use super::*;
    use crate::analysis::Span;

    fn best(source: &str, quote: &str) -> (u32, String) {
        let index = Index::new(source, &turns(source));
        let pattern = parse(quote, Span::new(0, quote.len()));
        let all = align(&pattern, &index);
        let Some(a) = all.first() else {
            return (u32::MAX, String::new());
        };
        let (s, e) = a.range().expect("placed");
        let text = Span::new(
            index.toks[s as usize].span.start,
            index.toks[e as usize - 1].span.end,
        )
        .text(source)
        .to_owned();
        (a.cost, text)
    }

    #[test]
    fn verbatim_edited_and_changed_quotes() {
        let src =
            "Well, I assure you it is not. Nobody wanted this. We have achieved our goals, mostly.";
        assert_eq!(best(src, "I assure you it is not").0, 0);
        assert_eq!(
            best(src, "I assure you it is not … we have achieved our goals").0,
            0
        );
        assert_eq!(best(src, "[Putin] assure[s] you it is not").0, 0);
        assert_eq!(best(src, "[This] is not").0, 0);
        assert_eq!(
            best(src, "I promise you it is not"),
            (1, "I assure you it is not".to_owned())
        );
        assert_eq!(best(src, "we achieved our goals").0, 1);
        assert_eq!(best(src, "It is not … nobody").0, 0);
        // Segments must come in the source's order.
        assert_eq!(best(src, "Nobody … it is not").0, 1);
        assert_eq!(
            best(src, "unrelated words entirely"),
            (u32::MAX, String::new())
        );
    }

    #[test]
    fn every_exact_repeat_is_kept() {
        let src = "A: We will win.\nB: Maybe.\nC: We will win.\n";
        let index = Index::new(src, &turns(src));
        let pattern = parse("we will win", Span::new(0, 11));
        let all = align(&pattern, &index);
        let exact: Vec<u32> = all
            .iter()
            .filter(|a| a.cost == 0)
            .map(|a| a.range().unwrap().0)
            .collect();
        assert_eq!(exact, [0, 4]);
    }
}
