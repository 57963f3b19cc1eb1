//! The people and sources of a document: every reference merged into one [`Speaker`].
//!
//! A first full reference (`Russian President Vladimir Putin`) creates a person with a
//! canonical name and a role; later references by surname (`Putin`, `Mr. Putin`) or by a role
//! the text gave them (`the Russian president`) come back to it. Organisations (`the Kremlin`)
//! and unnamed sources (`a White House official`) are speakers too. The registry also remembers
//! where each was last mentioned, which pronoun resolution needs.

use super::lexicon;
use super::model::{Gender, GenderEvidence, GenderSource, Span, Speaker, SpeakerKind};
use super::phrases::{Np, NpKind};
use super::tokens::Token;
use rustc_hash::FxHashMap as HashMap;
use std::cell::RefCell;

/// Where a speaker was last seen, in the document's running sentence count.
#[derive(Debug, Clone, Copy, Default)]
pub struct Seen {
    pub sentence: usize,
    pub paragraph: usize,
    /// Named as the speaker of a cue there (not just mentioned).
    pub as_speaker: bool,
    /// The subject of that sentence: the person a following pronoun most often means.
    pub as_subject: bool,
}

#[derive(Default)]
pub struct Registry {
    pub speakers: Vec<Speaker>,
    pub seen: Vec<Seen>,
    /// Lower-cased name tokens of each speaker (persons and organisations).
    tokens: Vec<Vec<String>>,
    /// Role and title words each speaker was given.
    roles: Vec<Vec<String>>,
    keys: HashMap<String, usize>,
    surnames: HashMap<String, Vec<usize>>,
    /// Gender evidence was seen from a pronoun the text itself used (stronger than a name).
    pronoun_gender: Vec<bool>,
    /// [`proper_elsewhere`] answers by word: each is a scan of the whole document, which
    /// made long documents quadratic. The view never changes while a registry lives.
    proper: RefCell<HashMap<String, bool>>,
}

fn name_tokens(text: &str) -> Vec<String> {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            let w = w.trim_end_matches("'s").trim_end_matches("’s");
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let last = words.len().saturating_sub(1);
    words
        .iter()
        .enumerate()
        .filter(|&(i, w)| !lexicon::is_title(w) || i == last && surname_title(&words, i))
        .map(|(_, w)| w.clone())
        .collect()
}

/// Whether `words[i]`, a title word, is a surname: after a first name, over middle initials
/// (`Charlie King`, `Peter T. King`).
fn surname_title(words: &[String], i: usize) -> bool {
    words[..i]
        .iter()
        .rev()
        .find(|w| !(w.len() == 2 && w.ends_with('.')))
        .is_some_and(|prev| lexicon::is_surname_title(prev, &words[i]))
}

/// Whether a run of name words holds a title (`Gov. Martin O'Malley`), a surname that is a
/// title word (`Charlie King`) aside.
fn has_title(words: &[String]) -> bool {
    words
        .iter()
        .enumerate()
        .any(|(i, w)| lexicon::is_title(w) && !(i + 1 == words.len() && surname_title(words, i)))
}

/// The text of a name without a possessive ending.
fn clean_name(text: &str) -> String {
    let t = text.trim();
    let t = t
        .strip_suffix("'s")
        .or_else(|| t.strip_suffix("’s"))
        .unwrap_or(t);
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `word` is capitalised somewhere in the middle of a sentence of `view`: the mark
/// of a proper noun (`Ramos`), unlike a capitalised sentence opener (`Tunnels`, `Good`).
fn proper_elsewhere(view: &str, word: &str) -> bool {
    let word = clean_name(word);
    if word.is_empty() || lexicon::is_place(&word.to_lowercase()) {
        return false;
    }
    view.match_indices(word.as_str()).any(|(at, _)| {
        let before = view[..at].trim_end_matches(' ');
        let after_ok = view[at + word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        let prev = before.chars().next_back();
        after_ok && before.len() < at && prev.is_some_and(|c| c.is_lowercase() || c == ',')
    })
}

/// Whether every token of `given` appears in `known`, in order (`putin` in `vladimir putin`;
/// `v. putin` in `vladimir v. putin` — a trailing period is no difference).
fn within(given: &[String], known: &[String]) -> bool {
    let mut it = known.iter();
    given
        .iter()
        .all(|t| it.any(|k| k == t || k.trim_end_matches('.') == t.trim_end_matches('.')))
}

/// The words of a person's name as the engine compares names: lower-case, titles
/// (`Rep.`, `President`) and a possessive ending dropped. Empty for a bare title
/// (`THE PRESIDENT` keeps only `the`).
pub fn name_words(name: &str) -> Vec<String> {
    name_tokens(&clean_name(name))
}

/// Whether two names can be the same person by the rule the engine merges references with:
/// the same surname, and the shorter name's words all in the longer one, in order (`PUTIN`,
/// `Mr. Putin` and `Vladimir Putin` are one person; `Maria Lopez` and `Carlos Lopez` are not).
pub fn same_person(a: &str, b: &str) -> bool {
    let (a, b) = (name_words(a), name_words(b));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    match (short.last(), long.last()) {
        (Some(x), Some(y)) => x == y && within(short, long),
        _ => false,
    }
}

impl Registry {
    fn add(&mut self, name: String, kind: SpeakerKind, at: Span, toks: Vec<String>) -> usize {
        let id = self.speakers.len();
        let gender = match kind {
            SpeakerKind::Person => toks.first().and_then(|f| lexicon::first_name_gender(f)),
            _ => Some(Gender::Plural),
        };
        let gender_evidence = match (kind, gender) {
            (SpeakerKind::Person, Some(gender)) => Some(GenderEvidence {
                gender,
                source: GenderSource::FirstName,
            }),
            _ => None,
        };
        self.speakers.push(Speaker {
            name,
            kind,
            role: None,
            gender,
            gender_evidence,
            first: at,
            mentions: Vec::new(),
        });
        self.seen.push(Seen::default());
        self.roles.push(Vec::new());
        if kind == SpeakerKind::Person {
            if let Some(last) = toks.last() {
                self.surnames.entry(last.clone()).or_default().push(id);
            }
        }
        self.tokens.push(toks);
        self.pronoun_gender.push(false);
        id
    }

    /// Records a mention of `id` at `span`.
    pub fn mention(&mut self, id: usize, span: Span, seen: Seen) {
        if let Some(s) = self.speakers.get_mut(id) {
            if s.mentions.last() != Some(&span) {
                s.mentions.push(span);
            }
            let prev = self.seen[id];
            let same = prev.sentence == seen.sentence;
            self.seen[id] = Seen {
                as_speaker: seen.as_speaker || (same && prev.as_speaker),
                as_subject: seen.as_subject || (same && prev.as_subject),
                ..seen
            };
        }
    }

    fn give_role(&mut self, id: usize, role: Option<&str>, words: &[String]) {
        for w in words {
            // Role words may come from a whole phrase (`Mr. Trump and Hillary Clinton`), so
            // they only fill in a gender the name did not give.
            if let Some(g) = lexicon::title_gender(w) {
                if self.speakers[id].gender.is_none() {
                    self.speakers[id].gender = Some(g);
                }
                self.gender_evidence(id, g, GenderSource::Title);
            }
            if !self.roles[id].contains(w) {
                self.roles[id].push(w.clone());
            }
        }
        if let Some(r) = role {
            if self.speakers[id].role.is_none() && !r.is_empty() {
                self.speakers[id].role = Some(r.to_string());
            }
        }
    }

    /// Records the text's evidence of a speaker's gender for reporting, without touching the
    /// engine's working `gender`. Stronger evidence of the same gender replaces weaker; evidence
    /// of the other gender is ignored, since role words can come from a whole phrase
    /// (`Mr. Trump and Hillary Clinton`) and a pronoun from a wrong resolution.
    fn gender_evidence(&mut self, id: usize, g: Gender, source: GenderSource) {
        let Some(s) = self.speakers.get_mut(id) else {
            return;
        };
        if g == Gender::Plural || s.kind == SpeakerKind::Organization {
            return;
        }
        let replace = s
            .gender_evidence
            .is_none_or(|old| old.gender == g && source < old.source);
        if replace {
            s.gender_evidence = Some(GenderEvidence { gender: g, source });
        }
    }

    /// Learns a speaker's gender from a pronoun the text used for them.
    pub fn pronoun_evidence(&mut self, id: usize, g: Gender) {
        self.gender_evidence(id, g, GenderSource::Pronoun);
        if let Some(s) = self.speakers.get_mut(id) {
            // A pronoun settles an unknown gender; it does not overrule a title or first name,
            // since the resolution that produced it may itself be wrong.
            if s.kind == SpeakerKind::Person && g != Gender::Plural && s.gender.is_none() {
                s.gender = Some(g);
                self.pronoun_gender[id] = true;
            }
        }
    }

    /// The person whose surname (or whole name) is `toks`, if the text named one.
    fn person_by_name(&self, toks: &[String], gender: Option<Gender>) -> Option<usize> {
        let last = toks.last()?;
        let ids = self.surnames.get(last)?;
        ids.iter()
            .rev()
            .copied()
            .filter(|&id| {
                let known = &self.tokens[id];
                within(toks, known) || (toks.len() > 1 && known.len() == 1)
            })
            .find(|&id| {
                gender.is_none() || self.speakers[id].gender.is_none_or(|g| Some(g) == gender)
            })
            .or_else(|| {
                ids.last()
                    .copied()
                    .filter(|_| toks.len() == 1 && gender.is_none())
            })
    }

    /// The person a sentence's subject names, if the text already knows them or the name is
    /// a full one. A lone capitalised word opening a sentence (`Alongside`, `Either`) names
    /// nobody new.
    pub fn resolve_subject(
        &mut self,
        view: &str,
        np: &Np,
        seen: Seen,
        sentence_start: usize,
    ) -> Option<usize> {
        let name = np.name?;
        let lone = !name.text(view).trim().contains(char::is_whitespace);
        if lone && name.start == sentence_start {
            let toks = name_tokens(&clean_name(name.text(view)));
            let id = self.person_by_name(&toks, None)?;
            self.mention(id, np.span, seen);
            return Some(id);
        }
        self.resolve(view, np, seen)
    }

    /// Whether a phrase could name someone who speaks, without a speech verb to say so: a
    /// person the text already knows, a name with a first name or a title (`Sen. Lindsey
    /// Graham`), or a description of people (`a campaign spokeswoman`). `Tunnels`, `Orlando`
    /// or `Top Senate` at the start of a sentence are not.
    pub fn could_speak(&self, view: &str, np: &Np) -> bool {
        match np.kind {
            NpKind::Pronoun(_) => true,
            NpKind::Nominal => np.role_words.last().is_some_and(lexicon::is_role_noun),
            NpKind::Name => {
                let Some(name) = np.name else { return false };
                let toks = name_tokens(&clean_name(name.text(view)));
                let titled = np.role_words.iter().any(lexicon::is_title);
                let first_name = toks
                    .first()
                    .is_some_and(|f| lexicon::first_name_gender(f).is_some());
                self.person_by_name(&toks, None).is_some()
                    || toks.len() >= 2 && (titled || first_name)
                    || toks.len() == 1 && self.proper_elsewhere(view, name.text(view))
            }
        }
    }

    /// The speaker a cue's phrase names, created on first reference. Pronouns are resolved
    /// elsewhere (they need the discourse), so they return None here.
    pub fn resolve(&mut self, view: &str, np: &Np, seen: Seen) -> Option<usize> {
        let role_text = np.role.map(|r| r.text(view).trim().to_string());
        let id = match np.kind {
            NpKind::Pronoun(_) => return None,
            NpKind::Name => self.resolve_name(view, np)?,
            NpKind::Nominal => self.resolve_nominal(view, np),
        };
        self.give_role(id, role_text.as_deref(), &np.role_words);
        self.mention(id, np.span, seen);
        Some(id)
    }

    fn resolve_name(&mut self, view: &str, np: &Np) -> Option<usize> {
        let name_span = np.name?;
        let text = clean_name(name_span.text(view));
        let toks = name_tokens(&text);
        if toks.is_empty() {
            return None;
        }
        let last = toks.last().map(String::as_str).unwrap_or("");
        let first_name = toks.len() > 1 && lexicon::first_name_gender(&toks[0]).is_some();
        let org = lexicon::is_org_head(last)
            || (lexicon::is_place(last) && !first_name)
            || (np.definite && np.role.is_none());
        if org {
            // `The Department of Justice` is the Department of Justice.
            let text = text
                .strip_prefix("The ")
                .or_else(|| text.strip_prefix("the "))
                .map_or(text.clone(), str::to_string);
            let toks: Vec<String> = toks.into_iter().filter(|t| t != "the").collect();
            let key = format!("org:{}", toks.join(" "));
            if let Some(&id) = self.keys.get(&key) {
                return Some(id);
            }
            let id = self.add(text, SpeakerKind::Organization, np.span, toks);
            self.keys.insert(key, id);
            return Some(id);
        }
        let gender = np.role_words.iter().find_map(|w| lexicon::title_gender(w));
        if let Some(id) = self.person_by_name(&toks, gender) {
            // A fuller form of a known name becomes the canonical one.
            if toks.len() > self.tokens[id].len() {
                self.speakers[id].name = text;
                self.speakers[id].first = np.span;
                self.tokens[id] = toks;
            }
            return Some(id);
        }
        let id = self.add(text, SpeakerKind::Person, np.span, toks);
        Some(id)
    }

    fn resolve_nominal(&mut self, view: &str, np: &Np) -> usize {
        let text = np.span.text(view).trim();
        let mut phrase = text.to_string();
        if let Some(rest) = phrase.strip_prefix("The ") {
            phrase = format!("the {rest}");
        }
        let head = np.role_words.last().cloned().unwrap_or_default();
        // `the president`, `the senator`: a role the text gave a named person.
        if np.definite && !head.is_empty() {
            let by_role = (0..self.speakers.len())
                .filter(|&id| {
                    self.speakers[id].kind == SpeakerKind::Person && self.roles[id].contains(&head)
                })
                .max_by_key(|&id| self.seen[id].sentence);
            if let Some(id) = by_role {
                return id;
            }
            // `the official` after `a White House official`.
            let by_head = (0..self.speakers.len())
                .filter(|&id| {
                    self.speakers[id].kind == SpeakerKind::Nominal
                        && self.roles[id].last() == Some(&head)
                })
                .max_by_key(|&id| self.seen[id].sentence);
            if let Some(id) = by_head {
                return id;
            }
        }
        let key = format!("nominal:{}", phrase.to_lowercase());
        if let Some(&id) = self.keys.get(&key) {
            return id;
        }
        let id = self.add(phrase, SpeakerKind::Nominal, np.span, Vec::new());
        self.keys.insert(key, id);
        id
    }

    /// Notes every person the sentence names, cue or not, so that a later `he said` can find
    /// them: a run of capitalised words that begins with a known first name or follows a title,
    /// or a known surname on its own.
    pub fn note_names(&mut self, view: &str, toks: &[Token], seen: Seen) {
        let mut k = 0;
        while k < toks.len() {
            let t = &toks[k];
            if !(t.is_word() && t.cap) {
                k += 1;
                continue;
            }
            let mut e = k;
            while toks
                .get(e + 1)
                .is_some_and(|n| n.is_word() && n.cap && !t.possessive)
                && e - k < 4
            {
                if toks[e].possessive {
                    break;
                }
                e += 1;
            }
            // A title inside the run (`Maryland Gov. Martin O'Malley`) starts the name after it.
            let from = (k..=e)
                .rev()
                .find(|&i| lexicon::is_title(&toks[i].lower) && i < e)
                .map_or(k, |i| i + 1);
            let titled =
                from > 0 && toks[from - 1].is_word() && lexicon::is_title(&toks[from - 1].lower);
            let mut s = from;
            while s <= e
                && (lexicon::is_title(&toks[s].lower)
                    || (lexicon::is_not_name(&toks[s].lower) && !titled))
            {
                s += 1;
            }
            if s <= e {
                let words: Vec<String> = toks[s..=e].iter().map(|t| t.lower.to_string()).collect();
                let first_name = lexicon::first_name_gender(&words[0]).is_some();
                let span = Span::new(toks[s].span.start, toks[e].span.end);
                let known = self.person_by_name(&words, None);
                if let Some(id) = known {
                    self.mention(id, span, seen);
                } else if (first_name
                    || titled
                    || toks[from..s].iter().any(|t| lexicon::is_title(&t.lower)))
                    && words.len() >= 2
                    && !has_title(&words)
                    && !lexicon::is_org_head(words.last().map(String::as_str).unwrap_or(""))
                {
                    let text = clean_name(span.text(view));
                    let name_toks = name_tokens(&text);
                    let id = self.add(text, SpeakerKind::Person, span, name_toks);
                    let mut role: Vec<String> =
                        toks[from..s].iter().map(|t| t.lower.to_string()).collect();
                    if titled {
                        role.push(toks[from - 1].lower.to_string());
                    }
                    self.give_role(id, None, &role);
                    self.mention(id, span, seen);
                }
            }
            k = e + 1;
        }
    }

    /// Persons and sources a pronoun of gender `g` could refer to, with where they were seen.
    pub fn compatible(&self, g: Gender) -> impl Iterator<Item = usize> + '_ {
        (0..self.speakers.len()).filter(move |&id| {
            let s = &self.speakers[id];
            if s.mentions.is_empty() {
                return false;
            }
            match g {
                Gender::Plural => s.kind != SpeakerKind::Person,
                _ => {
                    let person_like = s.kind == SpeakerKind::Person
                        || (s.kind == SpeakerKind::Nominal
                            && self.roles[id]
                                .last()
                                .is_some_and(|h| lexicon::is_person_role(h) && !h.ends_with('s')));
                    person_like && s.gender.is_none_or(|sg| sg == g)
                }
            }
        })
    }

    /// [`proper_elsewhere`], remembered per word.
    fn proper_elsewhere(&self, view: &str, word: &str) -> bool {
        if let Some(&known) = self.proper.borrow().get(word) {
            return known;
        }
        let answer = proper_elsewhere(view, word);
        self.proper.borrow_mut().insert(word.to_string(), answer);
        answer
    }

    pub fn gender_known(&self, id: usize) -> bool {
        self.speakers.get(id).is_some_and(|s| s.gender.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_one_person_match_across_forms() {
        assert!(same_person("PUTIN", "Vladimir Putin"));
        assert!(same_person("Mr. Putin", "Vladimir Putin"));
        assert!(same_person("Rep. Cole", "Tom Cole"));
        assert!(same_person("Vladimir V. Putin", "Vladimir Putin"));
        assert!(!same_person("Maria Lopez", "Carlos Lopez"));
        assert!(!same_person("Lopez", "Lopez Obrador"));
        assert!(!same_person("THE PRESIDENT", "Joe Biden"));
        assert!(!same_person("", "Joe Biden"));
        assert_eq!(name_words("Rep. Tom Cole's"), ["tom", "cole"]);
    }
}
