//! Feature extraction for the sequence tagger: word forms, clitic-aware stems, affixes,
//! gazetteer classes and trigger words in a ±2 window, hashed into weight-table rows.

use super::gazetteer::{Gazetteer, Trigger, Triggers, class};
use super::normalize::{normalize, split_clitics};

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
        } else if super::normalize::is_arabic_letter(c) {
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
                | class::BIG_CITY;
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
            TokenInfo {
                shape: shape_of(&norm),
                norm,
                with_article: split.with_article,
                bare: split.bare,
                clitics,
                gaz: gaz_flags,
                trigger,
                phrase_pos: 0,
                phrase_class: 0,
            }
        })
        .collect();
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
    out.push(
        H::new(44)
            .bytes(prefix(&w.norm, 2))
            .bytes(suffix(&w.norm, 2))
            .finish(),
    );
}
