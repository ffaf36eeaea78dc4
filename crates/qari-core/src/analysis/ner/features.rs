//! Feature extraction for the sequence tagger: word forms, clitic-aware stems, affixes,
//! gazetteer classes and trigger words in a ±2 window, hashed into weight-table rows.

use crate::analysis::ner::gazetteer::{Gazetteer, class};
use crate::analysis::normalize::{normalize, split_clitics};
use crate::analysis::triggers::{Trigger, Triggers};

/// Precomputed, context-free facts about one token.
#[derive(Debug, Clone, Default)]
pub struct TokenInfo {
    /// Normalised surface form.
    pub norm: String,
    /// Form after conjunction/preposition clitics, article kept.
    pub with_article: String,
    /// Form after all proclitics and the article.
    pub bare: String,
    /// Removed clitic letters plus "+ال" when definite.
    pub clitics: String,
    /// Gazetteer class flags of the word, or of the word without its clitics.
    pub gaz: u16,
    /// Trigger-list membership.
    pub trigger: Option<Trigger>,
    /// Coarse shape class.
    pub shape: u8,
    /// Multi-word gazetteer phrase position: 0 none, 1 begins a phrase, 2 inside one.
    pub phrase_pos: u8,
    /// Class flags of the phrase the token is part of.
    pub phrase_class: u16,
    /// Training-corpus frequency class of the word (see [`lex_codes`]).
    pub lex_freq: u8,
    /// Training-corpus name class of the word (see [`lex_codes`]).
    pub lex_type: u8,
    /// Distributional word cluster (fine, coarse), `(0, 0)` for rare words.
    pub cluster: (u16, u16),
    /// Inside a short quoted span (1–5 words, as brand and newspaper names are written):
    /// 0 no, 1 the only word, 2 first, 3 later word.
    pub quoted: u8,
    /// For a word of a short quoted span, the index of the word before its opening mark
    /// plus one (0 when none): "برنامج", "صحيفة", "سيارة" tell what the quote names.
    pub quote_head: u32,
}

/// Quotation-mark tokens as a tokenizer or corpus writes them.
fn quote_kind(t: &str) -> Option<bool> {
    // Some(true) opens, Some(false) closes; the ambiguous straight marks count as openers
    // and are paired in order.
    match t {
        "«" | "“" | "\"" | "''" | "'" | "``" => Some(true),
        "»" | "”" => Some(false),
        _ => None,
    }
}

/// Marks the words of short quoted spans (see [`TokenInfo::quoted`]).
fn mark_quoted(tokens: &[&str], infos: &mut [TokenInfo]) {
    let mut i = 0;
    while i < tokens.len() {
        if quote_kind(tokens[i]) != Some(true) {
            i += 1;
            continue;
        }
        let close = (i + 1..tokens.len().min(i + 7)).find(|&j| quote_kind(tokens[j]).is_some());
        match close {
            Some(j) if j > i + 1 && quote_kind(tokens[j]).is_some() => {
                let n = j - i - 1;
                let head = if i > 0 { i as u32 } else { 0 };
                for (k, info) in infos[i + 1..j].iter_mut().enumerate() {
                    info.quote_head = head;
                    info.quoted = if n == 1 {
                        1
                    } else if k == 0 {
                        2
                    } else {
                        3
                    };
                }
                i = j + 1;
            }
            _ => i += 1,
        }
    }
}

/// Turns training-corpus counts into a frequency class (0 unseen, 1 once, 2 twice or three
/// times, 3 up to 9, 4 more) and a name class (dominant type × share of occurrences in names:
/// 0 never in a name, else 1 + 3·type + share bucket).
pub fn lex_codes(c: Option<&[u32; 5]>) -> (u8, u8) {
    let Some(c) = c else {
        return (0, 0);
    };
    let total: u32 = c.iter().sum();
    let freq = match total {
        0 => 0,
        1 => 1,
        2..=3 => 2,
        4..=9 => 3,
        _ => 4,
    };
    let (ty, &best) = c[1..]
        .iter()
        .enumerate()
        .max_by_key(|&(i, v)| (*v, 4 - i))
        .unwrap_or((0, &0));
    if best == 0 || total == 0 {
        return (freq, 0);
    }
    let share = best as f32 / total as f32;
    let bucket = if share < 0.3 {
        0
    } else if share < 0.7 {
        1
    } else {
        2
    };
    (freq, 1 + 3 * ty as u8 + bucket)
}

/// Shape classes (see [`TokenInfo::shape`]).
fn shape_of(s: &str) -> u8 {
    let mut arabic = false;
    let mut latin = false;
    let mut digit = false;
    let mut other = false;
    for c in s.chars() {
        if c.is_ascii_digit() {
            digit = true;
        } else if c.is_ascii_alphabetic() {
            latin = true;
        } else if crate::analysis::normalize::is_arabic_letter(c) {
            arabic = true;
        } else if c.is_alphabetic() {
            latin = true;
        } else {
            other = true;
        }
    }
    match (arabic, latin, digit, other) {
        (true, false, false, _) => 1,
        (false, true, false, _) => 2,
        (false, false, true, _) => 3,
        (false, false, false, true) => 4,
        _ => 5,
    }
}

/// Builds the [`TokenInfo`] of every token of a sentence, including multi-word phrase matches.
pub fn token_infos(tokens: &[&str], gaz: &Gazetteer, triggers: &Triggers) -> Vec<TokenInfo> {
    let mut infos: Vec<TokenInfo> = tokens
        .iter()
        .map(|t| {
            let norm = normalize(t);
            let split = split_clitics(t);
            // Training-derived flags are for the rules, not for learning (they would leak labels).
            const LEARNABLE: u16 = class::COUNTRY
                | class::CITY
                | class::GIVEN
                | class::SURNAME
                | class::GIVEN_FREQ
                | class::BIG_CITY
                | class::CLUB
                | class::PERSON
                | class::NATIONALITY
                | class::NATIONALITY_FEM;
            let look = |s: &str| gaz.word(s) & LEARNABLE;
            let mut gaz_flags = look(&norm);
            if gaz_flags == 0 {
                gaz_flags = look(&split.with_article);
            }
            if gaz_flags == 0 {
                // "بموسكو", "لروسيا": a bare preposition before a known name.
                let mut chars = norm.chars();
                if let Some(c) = chars.next()
                    && matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك')
                {
                    let rest = chars.as_str();
                    if rest.chars().count() >= 3 {
                        gaz_flags = look(rest);
                    }
                }
            }
            let trigger = triggers
                .get(&split.with_article)
                .or_else(|| triggers.get(&norm));
            let mut clitics = split.clitics.clone();
            if split.definite {
                clitics.push_str("+ال");
            }
            let (lex_freq, lex_type) = lex_codes(gaz.lex(&split.with_article));
            let cluster = gaz.cluster(&split.with_article);
            let shape = shape_of(&norm);
            TokenInfo {
                cluster,
                lex_freq,
                lex_type,
                shape,
                norm,
                with_article: split.with_article,
                bare: split.bare,
                clitics,
                gaz: gaz_flags,
                trigger,
                phrase_pos: 0,
                phrase_class: 0,
                quoted: 0,
                quote_head: 0,
            }
        })
        .collect();
    mark_quoted(tokens, &mut infos);

    let max = gaz.max_phrase_words().min(6);
    if max >= 2 {
        let mut i = 0;
        while i < infos.len() {
            let mut matched = 0;
            let mut phrase = infos[i].with_article.clone();
            let mut flags = 0;
            for (j, next) in infos.iter().enumerate().take(i + max).skip(i + 1) {
                phrase.push(' ');
                phrase.push_str(&next.norm);
                let f = gaz.phrase(&phrase);
                if f != 0 {
                    matched = j + 1 - i;
                    flags = f;
                }
            }
            if matched >= 2 {
                for (k, info) in infos[i..i + matched].iter_mut().enumerate() {
                    info.phrase_pos = if k == 0 { 1 } else { 2 };
                    info.phrase_class = flags;
                }
                i += matched;
            } else {
                i += 1;
            }
        }
    }
    infos
}

/// A 64-bit hash over a template id and string parts (FxHash-style mixing: fast and good
/// enough for hashing features into a table).
#[derive(Clone, Copy)]
struct H(u64);

impl H {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    fn new(template: u8) -> Self {
        H((template as u64 + 1).wrapping_mul(Self::K))
    }
    fn bytes(mut self, s: &str) -> Self {
        for b in s.bytes() {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(Self::K);
        }
        // A separator so ("ab","c") and ("a","bc") differ.
        self.0 = (self.0.rotate_left(5) ^ 0xff).wrapping_mul(Self::K);
        self
    }
    fn num(mut self, n: u64) -> Self {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(Self::K);
        self
    }
    fn finish(self) -> u64 {
        // Final avalanche so the high bits used for the bucket depend on every input byte.
        let mut x = self.0;
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x
    }
}

fn prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((b, _)) => &s[..b],
        None => s,
    }
}

fn suffix(s: &str, n: usize) -> &str {
    let count = s.chars().count();
    if count <= n {
        return s;
    }
    match s.char_indices().nth(count - n) {
        Some((b, _)) => &s[b..],
        None => s,
    }
}

const BOS: &str = "<s>";
const EOS: &str = "</s>";

fn trig_code(t: Option<Trigger>) -> u64 {
    match t {
        None => 0,
        Some(Trigger::Title) => 1,
        Some(Trigger::OrgHead) => 2,
        Some(Trigger::PlaceHead) => 3,
        Some(Trigger::RoleLink) => 4,
    }
}

/// Appends the hashed features of token `i` to `out` (cleared first). Each value is a full
/// 64-bit hash; the model reduces it to a row index.
pub fn features(infos: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    out.clear();
    let n = infos.len();
    let at = |k: isize| -> Option<&TokenInfo> {
        let j = i as isize + k;
        if j < 0 || j as usize >= n {
            None
        } else {
            infos.get(j as usize)
        }
    };
    let norm_at = |k: isize| at(k).map_or(if k < 0 { BOS } else { EOS }, |t| t.norm.as_str());
    let bare_at = |k: isize| at(k).map_or(if k < 0 { BOS } else { EOS }, |t| t.bare.as_str());
    let Some(w) = infos.get(i) else {
        return;
    };
    out.push(H::new(0).finish());
    out.push(H::new(1).bytes(&w.norm).finish());
    out.push(H::new(2).bytes(&w.with_article).finish());
    out.push(H::new(3).bytes(&w.bare).finish());
    out.push(H::new(4).bytes(&w.clitics).finish());
    for k in 1..=3 {
        out.push(H::new(5).num(k).bytes(prefix(&w.bare, k as usize)).finish());
        out.push(H::new(6).num(k).bytes(suffix(&w.norm, k as usize)).finish());
    }
    out.push(H::new(10).bytes(norm_at(-1)).finish());
    out.push(H::new(11).bytes(norm_at(1)).finish());
    out.push(H::new(12).bytes(norm_at(-2)).finish());
    out.push(H::new(13).bytes(norm_at(2)).finish());
    out.push(H::new(14).bytes(bare_at(-1)).finish());
    out.push(H::new(15).bytes(bare_at(1)).finish());
    out.push(H::new(16).bytes(bare_at(-1)).bytes(&w.bare).finish());
    out.push(H::new(17).bytes(&w.bare).bytes(bare_at(1)).finish());
    out.push(H::new(18).num(w.shape as u64).finish());
    let prev_shape = at(-1).map_or(0, |t| t.shape as u64);
    let next_shape = at(1).map_or(0, |t| t.shape as u64);
    out.push(
        H::new(19)
            .num(prev_shape)
            .num(w.shape as u64)
            .num(next_shape)
            .finish(),
    );
    let len = w.bare.chars().count().min(8) as u64;
    out.push(H::new(20).num(len).finish());
    for (tpl, k) in [(21u8, 0isize), (22, -1), (23, 1), (24, -2), (25, 2)] {
        if let Some(t) = at(k) {
            let mut g = t.gaz;
            while g != 0 {
                let bit = g.trailing_zeros() as u64;
                out.push(H::new(tpl).num(bit).finish());
                g &= g - 1;
            }
            if t.gaz == 0 && k == 0 {
                out.push(H::new(tpl).num(99).finish());
            }
        }
    }
    // Conjunction of the current word's gazetteer class with its definiteness: "ال" + city is
    // rarer than a bare city and often a common noun.
    out.push(H::new(26).num(w.gaz as u64).bytes(&w.clitics).finish());
    for (tpl, k) in [(30u8, 0isize), (31, -1), (32, -2), (33, 1), (34, -3)] {
        let code = at(k).map_or(9, |t| trig_code(t.trigger));
        if code != 0 {
            out.push(H::new(tpl).num(code).finish());
        }
    }
    // The title's own word matters ("وزير" vs "الرئيس") for the name after it.
    if let Some(p) = at(-1)
        && p.trigger.is_some()
    {
        out.push(H::new(35).bytes(&p.with_article).finish());
    }
    if w.phrase_pos != 0 {
        out.push(
            H::new(40)
                .num(w.phrase_pos as u64)
                .num(w.phrase_class as u64)
                .finish(),
        );
    }
    if let Some(p) = at(-1)
        && p.phrase_pos != 0
    {
        out.push(H::new(41).num(p.phrase_pos as u64).finish());
    }
    // Nisba adjectives after a word ("الجيش الروسي") and before it.
    out.push(H::new(42).bytes(suffix(norm_at(1), 2)).finish());
    out.push(H::new(43).bytes(suffix(norm_at(-1), 2)).finish());
    for (tpl, k) in [(50u8, 0isize), (51, -1), (52, 1), (53, -2), (54, 2)] {
        if let Some(t) = at(k) {
            out.push(
                H::new(tpl)
                    .num(t.lex_freq as u64)
                    .num(t.lex_type as u64)
                    .finish(),
            );
        }
    }
    let lex_at = |k: isize| at(k).map_or(99, |t| t.lex_type as u64 * 8 + t.lex_freq as u64);
    out.push(
        H::new(55)
            .num(w.lex_freq as u64)
            .bytes(bare_at(-1))
            .finish(),
    );
    out.push(
        H::new(56)
            .num(lex_at(-1))
            .num(lex_at(0))
            .num(lex_at(1))
            .finish(),
    );
    out.push(H::new(57).num(w.lex_freq as u64).num(w.gaz as u64).finish());
    if w.quoted != 0 {
        out.push(H::new(45).num(w.quoted as u64).finish());
        out.push(
            H::new(46)
                .num(w.quoted as u64)
                .num(w.lex_type as u64)
                .num(w.gaz as u64)
                .finish(),
        );
        if let Some(head) = (w.quote_head as usize)
            .checked_sub(1)
            .and_then(|h| infos.get(h))
        {
            out.push(H::new(47).bytes(&head.bare).finish());
            out.push(H::new(48).num(head.cluster.0 as u64).finish());
        }
    }
    // The word in its context, and what the neighbours say about a word's name class.
    out.push(
        H::new(80)
            .bytes(bare_at(-1))
            .bytes(&w.bare)
            .bytes(bare_at(1))
            .finish(),
    );
    let with_article_at =
        |k: isize| at(k).map_or(if k < 0 { BOS } else { EOS }, |t| t.with_article.as_str());
    out.push(
        H::new(81)
            .bytes(with_article_at(-1))
            .num(w.lex_type as u64)
            .finish(),
    );
    out.push(H::new(82).bytes(bare_at(1)).num(w.lex_type as u64).finish());
    out.push(H::new(83).bytes(prefix(&w.bare, 4)).finish());
    out.push(H::new(84).bytes(suffix(&w.norm, 4)).finish());
    out.push(
        H::new(44)
            .bytes(prefix(&w.norm, 2))
            .bytes(suffix(&w.norm, 2))
            .finish(),
    );
    // Word clusters of the word and its neighbours (from unlabelled text; none fire for
    // rare words or when the model has no clusters).
    let fine = |k: isize| at(k).map_or(0, |t| t.cluster.0 as u64);
    let coarse = |k: isize| at(k).map_or(0, |t| t.cluster.1 as u64);
    if w.cluster.0 != 0 {
        out.push(H::new(70).num(fine(0)).finish());
        out.push(H::new(72).num(fine(0)).bytes(&w.clitics).finish());
        out.push(H::new(77).num(coarse(-1)).num(coarse(0)).finish());
        out.push(H::new(78).num(coarse(0)).num(coarse(1)).finish());
    }
    for (tpl, k) in [(73u8, -1isize), (74, 1)] {
        let f = fine(k);
        if f != 0 {
            out.push(H::new(tpl).num(f).finish());
        }
    }
}

/// What a first tagging pass said about the other occurrences of a token's word in the same
/// document, and about the token itself (features of the second pass).
#[derive(Debug, Clone, Copy, Default)]
pub struct DocInfo {
    /// Other occurrences of the word predicted `[O, PERS, LOC, ORG, MISC]`.
    pub others: [u16; 5],
    /// The first pass's tag of this token.
    pub first: u8,
    /// How much the document is about sport (0 none, 1 some, 2 a match report): there a
    /// city's name is usually its club.
    pub sport: u8,
}

/// [`DocInfo::sport`] of a document.
fn sport_level(doc: &[Vec<TokenInfo>]) -> u8 {
    let hits = doc
        .iter()
        .flatten()
        .filter(|t| crate::analysis::triggers::sport::is_sport_word(&t.with_article))
        .count();
    match hits {
        0 => 0,
        1..=4 => 1,
        _ => 2,
    }
}

/// Sentences per pseudo-document when a text has no document boundaries (CoNLL input).
pub const DOC_SENTENCES: usize = 30;

/// [`DocInfo`]s for a long run of sentences without document boundaries (CoNLL input):
/// each sentence sees the [`DOC_SENTENCES`] sentences around it as its document.
pub fn sliding_doc_infos(doc: &[Vec<TokenInfo>], first: &[Vec<u8>]) -> Vec<Vec<DocInfo>> {
    let half = DOC_SENTENCES / 2;
    (0..doc.len().min(first.len()))
        .map(|k| {
            let a = k.saturating_sub(half);
            let b = (a + DOC_SENTENCES).min(doc.len());
            let a = b.saturating_sub(DOC_SENTENCES).min(a);
            doc_infos(&doc[a..b], &first[a..b]).swap_remove(k - a)
        })
        .collect()
}

/// Computes [`DocInfo`]s for a document from its first-pass tags.
pub fn doc_infos(doc: &[Vec<TokenInfo>], first: &[Vec<u8>]) -> Vec<Vec<DocInfo>> {
    let key_ok = |t: &TokenInfo| t.with_article.chars().nth(1).is_some() && t.shape == 1;
    let slot = |tag: u8| {
        if tag == 0 {
            0
        } else {
            (1 + (tag - 1) / 2) as usize
        }
    };
    let mut counts: rustc_hash::FxHashMap<&str, [u16; 5]> = Default::default();
    for (s, tags) in doc.iter().zip(first) {
        for (t, &tag) in s.iter().zip(tags) {
            if key_ok(t) {
                let c = &mut counts.entry(t.with_article.as_str()).or_default()[slot(tag)];
                *c = c.saturating_add(1);
            }
        }
    }
    let sport = sport_level(doc);
    doc.iter()
        .zip(first)
        .map(|(s, tags)| {
            s.iter()
                .zip(tags)
                .map(|(t, &tag)| {
                    let mut others = [0u16; 5];
                    if key_ok(t)
                        && let Some(c) = counts.get(t.with_article.as_str())
                    {
                        others = *c;
                        others[slot(tag)] -= 1;
                    }
                    DocInfo {
                        others,
                        first: tag,
                        sport,
                    }
                })
                .collect()
        })
        .collect()
}

/// Appends the second-pass features of token `i` (after [`features`]).
pub fn doc_features(infos: &[TokenInfo], docs: &[DocInfo], i: usize, out: &mut Vec<u64>) {
    let Some(d) = docs.get(i) else {
        return;
    };
    let first_at = |k: isize| {
        let j = i as isize + k;
        if j < 0 {
            99
        } else {
            docs.get(j as usize).map_or(98, |d| d.first as u64)
        }
    };
    out.push(H::new(60).num(d.first as u64).finish());
    out.push(
        H::new(61)
            .num(first_at(-1))
            .num(d.first as u64)
            .num(first_at(1))
            .finish(),
    );
    let mut mask = 0u64;
    for (t, &c) in d.others.iter().enumerate().skip(1) {
        if c > 0 {
            mask |= 1 << t;
            out.push(H::new(62).num(t as u64).num(c.min(3) as u64).finish());
            out.push(H::new(63).num(t as u64).num(d.first as u64).finish());
        }
    }
    let any_o = d.others[0] > 0;
    out.push(H::new(64).num(mask).num(any_o as u64).finish());
    let lex = infos.get(i).map_or(0, |t| t.lex_freq as u64);
    out.push(H::new(65).num(mask).num(lex).finish());
    if d.sport > 0 {
        use crate::analysis::ner::gazetteer::class;
        let g = infos.get(i).map_or(0, |t| {
            t.gaz & (class::CITY | class::COUNTRY | class::CLUB | class::BIG_CITY)
        });
        out.push(
            H::new(66)
                .num(d.sport as u64)
                .num(g as u64)
                .num(d.first as u64)
                .finish(),
        );
        out.push(H::new(67).num(d.sport as u64).num(d.first as u64).finish());
        // A word the training data sometimes saw as a club ("الأهلي", "العربي").
        let lex = infos.get(i).map_or(0, |t| t.lex_type as u64);
        out.push(H::new(68).num(d.sport as u64).num(lex).finish());
    }
}
