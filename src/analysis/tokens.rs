//! Words and punctuation of a stretch of prose, with quotations folded into single tokens.
//!
//! Cue finding reads the writer's frame around a quotation (`"…," Putin said`), never the
//! words inside it, so each quotation becomes one [`Tok::Quote`] token.

use super::model::Span;

#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    /// A word: letters and digits with inner `-`, `'`, `’` and `.` (`U.S.`, `al-Assad`,
    /// `Russia's`), plus a final `.` for abbreviations and initials (`Sen.`, `V.`).
    Word,
    /// One punctuation character.
    Punct(char),
    /// A quotation; the index is into the engine's quote list.
    Quote(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub kind: Tok,
    pub span: Span,
    /// Lower-cased word text (empty for punctuation and quotes), possessive `'s` removed.
    pub lower: String,
    /// The word starts with an upper-case letter.
    pub cap: bool,
    /// The word ended in a possessive `'s` / `’s` (removed from `lower`).
    pub possessive: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == Tok::Word
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Tok::Punct(c)
    }
    pub fn quote(&self) -> Option<usize> {
        match self.kind {
            Tok::Quote(i) => Some(i),
            _ => None,
        }
    }
}

/// Abbreviations that keep their period (lower-case, without the period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "adm",
    "rev", "st", "jr", "sr", "inc", "corp", "co", "ltd", "vs", "no", "jan", "feb", "mar", "apr",
    "aug", "sept", "sep", "oct", "nov", "dec", "ft", "mt", "ave", "blvd", "dept", "est", "gop",
    "u.s", "u.k", "u.n", "d.c", "a.m", "p.m", "e.g", "i.e", "etc", "pres", "atty", "supt", "cmdr",
    "calif", "fla", "mass", "penn", "wash", "ariz", "tenn", "ky", "ga", "ala", "ill", "mich",
    "minn", "wis", "conn", "colo", "okla", "ore", "nev", "md", "va", "pa", "n.y", "n.j", "n.c",
    "s.c", "n.h", "l.a",
];

/// Whether the word before a period (lower-case, without it) is an abbreviation or an initial,
/// so that the period does not end a sentence.
pub fn is_abbreviation(word: &str) -> bool {
    let single_letter = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
    single_letter || ABBREVIATIONS.contains(&word) || (word.contains('.') && word.len() <= 6)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Tokenises `span` of `view`. `quotes` are the quotation spans (sorted, non-overlapping, with
/// their indices) to fold into single tokens.
pub fn tokenize(view: &str, span: Span, quotes: &[(usize, Span)]) -> Vec<Token> {
    let mut out = Vec::new();
    let Some(text) = view.get(span.start..span.end) else {
        return out;
    };
    let mut qi = quotes.iter().peekable();
    let mut chars = text.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        let at = span.start + i;
        // Fold a quotation that starts here.
        while qi.peek().is_some_and(|(_, q)| q.end <= at) {
            qi.next();
        }
        if let Some(&&(idx, q)) = qi.peek() {
            if q.start <= at {
                out.push(Token {
                    kind: Tok::Quote(idx),
                    span: q,
                    lower: String::new(),
                    cap: false,
                    possessive: false,
                });
                while chars.peek().is_some_and(|&(j, _)| span.start + j < q.end) {
                    chars.next();
                }
                qi.next();
                continue;
            }
        }
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        if !is_word_char(c) {
            chars.next();
            out.push(Token {
                kind: Tok::Punct(c),
                span: Span::new(at, at + c.len_utf8()),
                lower: String::new(),
                cap: false,
                possessive: false,
            });
            continue;
        }
        // A word: alphanumerics joined by single inner connectors.
        let mut end = i;
        while let Some(&(j, c)) = chars.peek() {
            if is_word_char(c) {
                end = j + c.len_utf8();
                chars.next();
                continue;
            }
            if matches!(c, '-' | '\'' | '’' | '.' | '‐') {
                let next = text[j + c.len_utf8()..].chars().next();
                if next.is_some_and(is_word_char) {
                    chars.next();
                    continue;
                }
            }
            break;
        }
        let word = &text[i..end];
        let mut lower = word.to_lowercase();
        // Keep the period of an abbreviation or initial as part of the word.
        if text[end..].starts_with('.') && is_abbreviation(&lower) {
            chars.next();
            end += 1;
            lower.push('.');
        }
        let mut possessive = false;
        for suffix in ["'s", "’s"] {
            if lower.len() > suffix.len() + 1 && lower.ends_with(suffix) {
                lower.truncate(lower.len() - suffix.len());
                possessive = true;
                break;
            }
        }
        let cap = word.chars().next().is_some_and(char::is_uppercase);
        out.push(Token {
            kind: Tok::Word,
            span: Span::new(span.start + i, span.start + end),
            lower,
            cap,
            possessive,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text, Span::new(0, text.len()), &[])
            .into_iter()
            .map(|t| match t.kind {
                Tok::Word => t.span.text(text).to_string(),
                Tok::Punct(c) => format!("<{c}>"),
                Tok::Quote(i) => format!("Q{i}"),
            })
            .collect()
    }

    #[test]
    fn words_keep_inner_connectors_and_abbreviations() {
        assert_eq!(
            words("Sen. Lindsey O’Graham (R-S.C.) said U.S. forces' al-Assad."),
            [
                "Sen.",
                "Lindsey",
                "O’Graham",
                "<(>",
                "R-S.C.",
                "<)>",
                "said",
                "U.S.",
                "forces",
                "<'>",
                "al-Assad",
                "<.>"
            ]
        );
    }

    #[test]
    fn quotations_fold_into_one_token() {
        let text = "\"We won,\" Putin said.";
        let toks = tokenize(text, Span::new(0, text.len()), &[(7, Span::new(0, 9))]);
        assert_eq!(toks[0].kind, Tok::Quote(7));
        assert_eq!(toks[1].lower, "putin");
        assert!(toks[1].cap);
    }

    #[test]
    fn possessives_are_flagged() {
        let text = "Russia's army";
        let toks = tokenize(text, Span::new(0, text.len()), &[]);
        assert_eq!(toks[0].lower, "russia");
        assert!(toks[0].possessive);
    }
}
