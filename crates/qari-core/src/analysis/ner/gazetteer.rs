//! Name lists (countries, cities, person-name parts, entity words seen in training) the
//! tagger uses as features; the trigger-word lists are in `analysis::triggers`.

use std::collections::HashMap;

// Fx hashing: these maps are looked up for every word analysed, from trusted model data.
use rustc_hash::FxHashMap;

use crate::analysis::normalize::normalize;

/// Bit flags describing what the lists know about one (normalised) word or phrase.
pub mod class {
    /// A country name.
    pub const COUNTRY: u16 = 1;
    /// A city name.
    pub const CITY: u16 = 1 << 1;
    /// A given name.
    pub const GIVEN: u16 = 1 << 2;
    /// A family name.
    pub const SURNAME: u16 = 1 << 3;
    /// Seen as (part of) a person in the training data.
    pub const TRAIN_PERS: u16 = 1 << 4;
    /// Seen as (part of) a place in the training data.
    pub const TRAIN_LOC: u16 = 1 << 5;
    /// Seen as (part of) an organisation in the training data.
    pub const TRAIN_ORG: u16 = 1 << 6;
    /// Seen as (part of) a misc entity in the training data.
    pub const TRAIN_MISC: u16 = 1 << 7;
    /// A frequent given name (count in the top band).
    pub const GIVEN_FREQ: u16 = 1 << 8;
    /// A city of over 100,000 people.
    pub const BIG_CITY: u16 = 1 << 9;
    /// A word the training data uses mostly outside names (a common word).
    pub const COMMON: u16 = 1 << 10;
    /// A sports club (core name, "نادي" and sport suffixes removed).
    pub const CLUB: u16 = 1 << 11;
    /// A well-known person's full name (or a one-word stage name).
    pub const PERSON: u16 = 1 << 12;
    /// A nationality adjective ("الفرنسي", "مغربية", "الأتراك").
    pub const NATIONALITY: u16 = 1 << 13;
    /// A feminine or plural nationality form ("الفرنسية"): it agrees with a city or a
    /// country, where a masculine one ("الفرنسي") follows a club or a person.
    pub const NATIONALITY_FEM: u16 = 1 << 14;
}

/// Words and phrases known from the public gazetteers and the training data.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    words: FxHashMap<String, u16>,
    /// Multi-word place names (normalised) → class flags.
    phrases: FxHashMap<String, u16>,
    /// Longest phrase, in words.
    max_phrase_words: usize,
    /// Training-corpus counts of a word form (clitics removed, article kept): occurrences
    /// outside names, then inside PERS, LOC, ORG and MISC names.
    lexicon: FxHashMap<String, LexCounts>,
    /// Distributional word clusters (fine, coarse; 1-based) of word forms with clitics removed.
    clusters: FxHashMap<String, (u16, u16)>,
}

/// Counts of a word form in the training corpus: `[O, PERS, LOC, ORG, MISC]`.
pub type LexCounts = [u32; 5];

impl Gazetteer {
    /// Adds a name (one word or a phrase) with class flags.
    pub fn add(&mut self, name: &str, flags: u16) {
        let n = normalize(name);
        if n.is_empty() {
            return;
        }
        let words = n.split(' ').count();
        if words == 1 {
            *self.words.entry(n.clone()).or_insert(0) |= flags;
            // Lists write "ال"-names both ways in running text ("العراق"/"عراق" after لل).
            if let Some(rest) = n.strip_prefix("ال")
                && rest.chars().count() >= 3
            {
                *self.words.entry(rest.to_string()).or_insert(0) |= flags;
            }
        } else {
            self.max_phrase_words = self.max_phrase_words.max(words);
            *self.phrases.entry(n).or_insert(0) |= flags;
        }
    }

    /// Class flags of one normalised word (0 when unknown).
    pub fn word(&self, normalized: &str) -> u16 {
        self.words.get(normalized).copied().unwrap_or(0)
    }

    /// Class flags of a normalised multi-word phrase (0 when unknown).
    pub fn phrase(&self, normalized: &str) -> u16 {
        self.phrases.get(normalized).copied().unwrap_or(0)
    }

    /// Longest phrase length in words.
    pub fn max_phrase_words(&self) -> usize {
        self.max_phrase_words
    }

    /// Adds flags to a single normalised word already known or not.
    pub fn add_flags(&mut self, normalized: &str, flags: u16) {
        *self.words.entry(normalized.to_string()).or_insert(0) |= flags;
    }

    /// Training-corpus counts of a word form (see [`LexCounts`]), if it was seen.
    pub fn lex(&self, with_article: &str) -> Option<&LexCounts> {
        self.lexicon.get(with_article)
    }

    /// Whether the training text uses a word form (clitics removed, article kept) mostly
    /// outside names (مالي "financial" more often than Mali).
    pub fn mostly_common(&self, with_article: &str) -> bool {
        self.lex(with_article)
            .is_some_and(|c| c[0] > c[1..].iter().sum::<u32>())
    }

    /// The (fine, coarse) word cluster of a word form (clitics removed, article kept);
    /// `(0, 0)` when the word was too rare to be clustered.
    pub fn cluster(&self, with_article: &str) -> (u16, u16) {
        self.clusters.get(with_article).copied().unwrap_or((0, 0))
    }

    /// Replaces the word clusters.
    pub fn set_clusters(&mut self, clusters: HashMap<String, (u16, u16)>) {
        self.clusters = clusters.into_iter().collect();
    }

    /// Replaces the training-corpus word counts.
    pub fn set_lexicon(&mut self, lexicon: HashMap<String, LexCounts>) {
        self.lexicon = lexicon.into_iter().collect();
    }

    /// Number of single words known.
    pub fn len(&self) -> usize {
        self.words.len() + self.phrases.len()
    }

    /// True when nothing is known.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Serialises as `flags\tname` lines (compact enough and trivially parsed).
    pub fn to_text(&self) -> String {
        let mut items: Vec<(&String, &u16)> =
            self.words.iter().chain(self.phrases.iter()).collect();
        items.sort();
        let mut out = String::with_capacity(items.len() * 12);
        for (name, flags) in items {
            out.push_str(&flags.to_string());
            out.push('\t');
            out.push_str(name);
            out.push('\n');
        }
        let mut lex: Vec<(&String, &LexCounts)> = self.lexicon.iter().collect();
        lex.sort();
        for (w, c) in lex {
            out.push('L');
            for n in c {
                out.push_str(&n.to_string());
                out.push(',');
            }
            out.push('\t');
            out.push_str(w);
            out.push('\n');
        }
        let mut cl: Vec<(&String, &(u16, u16))> = self.clusters.iter().collect();
        cl.sort();
        for (w, (f, c)) in cl {
            out.push_str(&format!("C{f},{c}\t{w}\n"));
        }
        out
    }

    /// Parses what [`Gazetteer::to_text`] wrote; malformed lines are skipped.
    pub fn from_text(text: &str) -> Self {
        let mut g = Gazetteer::default();
        for line in text.lines() {
            let Some((flags, name)) = line.split_once('\t') else {
                continue;
            };
            if let Some(counts) = flags.strip_prefix('L') {
                let mut c: LexCounts = [0; 5];
                for (slot, v) in c.iter_mut().zip(counts.split(',')) {
                    *slot = v.parse().unwrap_or(0);
                }
                g.lexicon.insert(name.to_string(), c);
                continue;
            }
            if let Some(ids) = flags.strip_prefix('C') {
                if let Some((f, c)) = ids.split_once(',')
                    && let (Ok(f), Ok(c)) = (f.parse(), c.parse())
                {
                    g.clusters.insert(name.to_string(), (f, c));
                }
                continue;
            }
            let Ok(flags) = flags.parse::<u16>() else {
                continue;
            };
            let words = name.split(' ').count();
            if words == 1 {
                g.words.insert(name.to_string(), flags);
            } else {
                g.max_phrase_words = g.max_phrase_words.max(words);
                g.phrases.insert(name.to_string(), flags);
            }
        }
        g
    }

    /// Loads the three public lists from the copied data directory
    /// (`countries_ar_i18n-iso-countries.tsv`, `geonames_cities15000_ar.tsv`,
    /// `person_name_units_ar_arabic-name-romanizer.tsv`).
    pub fn from_tsv(countries: &str, cities: &str, person_units: &str) -> Self {
        let mut g = Gazetteer::default();
        for line in countries.lines().skip(1) {
            // iso2 \t name[; name…]
            if let Some((_, names)) = line.split_once('\t') {
                for name in names.split([';', '|', ',']) {
                    g.add(name.trim(), class::COUNTRY);
                }
            }
        }
        for line in cities.lines().skip(1) {
            let mut cols = line.split('\t');
            if let Some(name) = cols.next() {
                let pop: u64 = cols.nth(2).and_then(|p| p.trim().parse().ok()).unwrap_or(0);
                let big = if pop >= 100_000 { class::BIG_CITY } else { 0 };
                g.add(name.trim(), class::CITY | big);
            }
        }
        for line in person_units.lines().skip(1) {
            let mut cols = line.split('\t');
            let (Some(name), Some(role), Some(count)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let count: u32 = count.trim().parse().unwrap_or(0);
            // Singletons in the Wikidata-derived list are mostly noise and common words.
            if count < 2 {
                continue;
            }
            let given = role.contains("given") || role.contains("unknown");
            let mut flags = if given { class::GIVEN } else { class::SURNAME };
            if given && count >= 100 {
                flags |= class::GIVEN_FREQ;
            }
            g.add(name.trim(), flags);
        }
        g
    }

    /// Adds the sports clubs of an `english\tarabic` table (see `data/README.md`). Each
    /// name is reduced to the form news text uses: no parenthesis, no leading "نادي", no
    /// sport or "الرياضي" suffix; a trailing nationality ("السد القطري") is also dropped
    /// in a second entry. Leagues, cups and national teams are skipped.
    pub fn add_clubs(&mut self, tsv: &str) {
        const SKIP: &[&str] = &[
            "دوري",
            "الدوري",
            "بطوله",
            "كاس",
            "منتخب",
            "اتحاد",
            "الاتحاد",
            "رابطه",
        ];
        const LEADS: &[&str] = &["نادي", "النادي", "فريق"];
        const TAILS: &[&str] = &[
            "لكره القدم",
            "لكره السله",
            "لكره اليد",
            "لكره الطائره",
            "لهوكي الجليد",
            "للسيدات",
            "للرجال",
            "الرياضي",
            "الرياضيه",
            "الثقافي",
            "الاجتماعي",
        ];
        for line in tsv.lines().skip(1) {
            let Some((_, arabic)) = line.split_once('\t') else {
                continue;
            };
            let no_paren = arabic.split('(').next().unwrap_or("");
            let mut words: Vec<String> = normalize(no_paren)
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect();
            if words.first().is_some_and(|w| SKIP.contains(&w.as_str())) {
                continue;
            }
            if words.len() > 1 && LEADS.contains(&words[0].as_str()) {
                words.remove(0);
            }
            loop {
                let joined = words.join(" ");
                let Some(tail) = TAILS.iter().find(|t| joined.ends_with(*t)) else {
                    break;
                };
                let n = tail.split(' ').count();
                if words.len() <= n {
                    break;
                }
                words.truncate(words.len() - n);
            }
            if words.is_empty() || words.len() > 5 {
                continue;
            }
            self.add(&words.join(" "), class::CLUB);
            let nationality = words
                .last()
                .is_some_and(|w| w.starts_with("ال") && w.ends_with('ي') && w.chars().count() >= 5);
            if words.len() >= 2 && nationality {
                self.add(&words[..words.len() - 1].join(" "), class::CLUB);
            }
        }
    }

    /// Adds the nationality adjectives of an `english\tform\tarabic` table (see
    /// `data/README.md`); multi-word forms become phrases.
    pub fn add_nationalities(&mut self, tsv: &str) {
        for line in tsv.lines().skip(1) {
            let mut cols = line.split('\t').skip(1);
            if let (Some(form), Some(arabic)) = (cols.next(), cols.next()) {
                let fem = if form.contains("female") || form == "males" {
                    class::NATIONALITY_FEM
                } else {
                    0
                };
                self.add(arabic, class::NATIONALITY | fem);
            }
        }
    }

    /// Adds the well-known people of an `english\tarabic` table (see `data/README.md`)
    /// as whole names; parenthesised qualifiers are dropped.
    pub fn add_people(&mut self, tsv: &str) {
        for line in tsv.lines().skip(1) {
            let Some((_, arabic)) = line.split_once('\t') else {
                continue;
            };
            let name = arabic.split('(').next().unwrap_or("").trim();
            if name.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
                self.add(name, class::PERSON);
            }
        }
    }
}
