//! Gold annotations (the schema of `shared/eval`) and the scorer's matching rules, ported
//! from `shared/eval/score.py` so that training labels agree with how the analysis is scored.

use serde::Deserialize;

/// A gold file: the quotes and the quoted terms (entities are not needed here).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Gold {
    /// Direct quotes.
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
    /// Quoted names and terms that are not quotes.
    #[serde(default)]
    pub not_quotes: Vec<String>,
}

/// A gold quote.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuote {
    /// The words between the marks.
    pub text: String,
    /// Every acceptable speaker name; empty for an unnamed source.
    #[serde(default)]
    pub speakers: Vec<String>,
    /// Counted by the scorer.
    #[serde(default = "yes")]
    pub required: bool,
}

fn yes() -> bool {
    true
}

/// The scorer's normal form: harakat and tatweel dropped, alef forms, ى and ة folded,
/// punctuation to spaces, spaces collapsed.
pub fn norm(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            '\u{0610}'..='\u{061a}'
            | '\u{064b}'..='\u{065f}'
            | '\u{0670}'
            | '\u{06d6}'..='\u{06ed}'
            | '\u{0640}' => continue,
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            '"' | '\'' | '«' | '»' | '“' | '”' | '„' | '‘' | '’' | '`' | '.' | ',' | '،' | '؛'
            | ';' | ':' | '!' | '?' | '؟' | '(' | ')' | '[' | ']' | '{' | '}' | '-' | '–' | '—'
            | '_' | '#' | '…' => ' ',
            c => c,
        };
        out.push(c);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn tokens(text: &str) -> Vec<String> {
    norm(text)
        .split(' ')
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// `pred` names one of `accepted`: equal, or holding it whole with at most three extra tokens,
/// or equal but for a glued clitic on the first token.
pub fn name_matches(pred: &str, accepted: &[String]) -> bool {
    let p = tokens(pred);
    if p.is_empty() {
        return false;
    }
    accepted.iter().any(|name| {
        let a = tokens(name);
        if a.is_empty() {
            return false;
        }
        if p == a {
            return true;
        }
        if p.len() >= a.len() && p.len() - a.len() <= 3 {
            if p.windows(a.len()).any(|w| w == a.as_slice()) {
                return true;
            }
            if p.len() == a.len()
                && p[1..] == a[1..]
                && p[0].chars().next().is_some_and(|c| "وفبلك".contains(c))
                && p[0].chars().skip(1).collect::<String>() == a[0]
            {
                return true;
            }
        }
        false
    })
}

/// How much two quote texts overlap: 1 when equal, the share of the longer when one holds the
/// other, else the shared distinct tokens over the larger set.
pub fn quote_overlap(pred: &str, gold: &str) -> f64 {
    let (p, g) = (tokens(pred), tokens(gold));
    if p.is_empty() || g.is_empty() {
        return 0.0;
    }
    let (ps, gs) = (p.join(" "), g.join(" "));
    if ps == gs {
        return 1.0;
    }
    let (short, long) = if ps.chars().count() <= gs.chars().count() {
        (&ps, &gs)
    } else {
        (&gs, &ps)
    };
    if long.contains(short.as_str()) {
        return short.chars().count() as f64 / long.chars().count() as f64;
    }
    let sp: std::collections::BTreeSet<&String> = p.iter().collect();
    let sg: std::collections::BTreeSet<&String> = g.iter().collect();
    sp.intersection(&sg).count() as f64 / sp.len().max(sg.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_follows_the_scorer() {
        assert_eq!(norm("«قالَ» الوزيرُ: إنّ"), "قال الوزير ان");
        assert!(name_matches("الوزير أحمد علي", &["أحمد علي".to_string()]));
        assert!(name_matches("وأحمد", &["أحمد".to_string()]));
        assert!(!name_matches("علي", &["أحمد علي".to_string()]));
        assert!((quote_overlap("الوضع مستقر", "الوضع مستقر.") - 1.0).abs() < 1e-9);
        assert!(quote_overlap("الوضع", "الوضع مستقر جدا") < 0.8);
    }
}
