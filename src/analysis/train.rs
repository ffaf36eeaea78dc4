//! Training of the NER tagger: reading the CoNLL corpora, the dev split, and the averaged
//! structured perceptron that produces the shipped model bytes.

use std::path::{Path, PathBuf};

use super::features::{features, token_infos};
use super::gazetteer::{Gazetteer, Triggers, class};
use super::tagger::{NUM_TAGS, Tag, Tagger, Weights, spans, viterbi};
use super::tokens::is_sentence_end;

/// Errors while training.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    /// A data file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// No training sentences were found.
    #[error("no training data")]
    Empty,
}

/// A sentence of `(token, gold tag)` pairs.
pub type Sentence = Vec<(String, Tag)>;

/// Where the data is and how to train.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// ANERcorp training file (`token TAG` lines, no sentence breaks).
    pub anercorp: PathBuf,
    /// Directory of AQMAR `*.txt` files, if used.
    pub aqmar_dir: Option<PathBuf>,
    /// Directory holding the three gazetteer TSV files.
    pub gazetteer_dir: PathBuf,
    /// Passes over the data.
    pub epochs: usize,
    /// log2 of the number of hash buckets.
    pub bits: u32,
    /// Fraction of ANERcorp (by tokens, from the end) held out as dev; 0 trains on everything.
    pub dev_fraction: f64,
    /// Whether AQMAR's MISC classes are kept (otherwise they become O).
    pub aqmar_misc: bool,
}

impl TrainConfig {
    /// The layout of the crate's `data/` directory.
    pub fn from_data_dir(data: &Path) -> Self {
        Self {
            anercorp: data.join("ner/anercorp-train.txt"),
            aqmar_dir: Some(data.join("ner/aqmar")),
            gazetteer_dir: data.join("gazetteers"),
            epochs: 12,
            bits: 20,
            dev_fraction: 0.0,
            aqmar_misc: true,
        }
    }
}

fn read(path: &Path) -> Result<String, TrainError> {
    std::fs::read_to_string(path).map_err(|source| TrainError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Splits a `token TAG` line; a line with a single column is a token tagged O.
pub fn parse_line(line: &str) -> Option<(&str, &str)> {
    let line = line.trim_end_matches(['\n', '\r']);
    if line.trim().is_empty() {
        return None;
    }
    match line.trim().rsplit_once(char::is_whitespace) {
        Some((tok, tag)) if !tok.trim().is_empty() => Some((tok.trim(), tag)),
        _ => Some((line.trim(), "O")),
    }
}

/// Reads CoNLL text into sentences: blank lines end sentences, and so does sentence-final
/// punctuation (ANERcorp has no blank lines at all).
pub fn read_conll(text: &str, map_misc: bool) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur: Sentence = Vec::new();
    for line in text.lines() {
        match parse_line(line) {
            None => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            Some((tok, tag)) => {
                let mut t = Tag::parse(tag);
                if !map_misc && t.entity_type() == Some(super::tagger::EntityType::Misc) {
                    t = Tag::O;
                }
                let end = is_sentence_end(tok) && t == Tag::O;
                cur.push((tok.to_string(), t));
                if end {
                    out.push(std::mem::take(&mut cur));
                }
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Splits ANERcorp's token lines into (train, dev): dev is the last `fraction` of tokens,
/// starting at the first sentence boundary at or after that point. Returns the raw lines of
/// each part so the dev part can be written out as a gold file unchanged.
pub fn split_dev_lines(text: &str, fraction: f64) -> (Vec<&str>, Vec<&str>) {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if fraction <= 0.0 {
        return (lines, Vec::new());
    }
    let mut cut = ((lines.len() as f64) * (1.0 - fraction)) as usize;
    while cut < lines.len() {
        let prev = lines[cut.saturating_sub(1)];
        if parse_line(prev).is_some_and(|(t, _)| is_sentence_end(t)) {
            break;
        }
        cut += 1;
    }
    (lines[..cut].to_vec(), lines[cut..].to_vec())
}

/// Loads the public gazetteers from their directory.
pub fn load_gazetteer(dir: &Path) -> Result<Gazetteer, TrainError> {
    Ok(Gazetteer::from_tsv(
        &read(&dir.join("countries_ar_i18n-iso-countries.tsv"))?,
        &read(&dir.join("geonames_cities15000_ar.tsv"))?,
        &read(&dir.join("person_name_units_ar_arabic-name-romanizer.tsv"))?,
    ))
}

/// Reads all training sentences the config names, and the dev lines if a split is asked for.
pub fn load_data(config: &TrainConfig) -> Result<(Vec<Sentence>, Vec<String>), TrainError> {
    let aner = read(&config.anercorp)?;
    let (train_lines, dev_lines) = split_dev_lines(&aner, config.dev_fraction);
    let mut sentences = read_conll(&train_lines.join("\n"), true);
    if let Some(dir) = &config.aqmar_dir {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|source| TrainError::Io {
                path: dir.clone(),
                source,
            })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for f in files {
            sentences.extend(read_conll(&read(&f)?, config.aqmar_misc));
        }
    }
    Ok((sentences, dev_lines.iter().map(|s| s.to_string()).collect()))
}

/// Adds the training entities' words to the gazetteer as TRAIN_* flags (used by the rules
/// that decide whether a leading letter is a clitic, never as learning features).
pub fn add_training_lexicon(gaz: &mut Gazetteer, sentences: &[Sentence]) {
    // Words mostly outside names are common words (flag COMMON), which keeps rules from
    // reading "الخبر" (the news) as the city of Khobar.
    let mut counts: std::collections::HashMap<String, (u32, u32)> =
        std::collections::HashMap::new();
    for s in sentences {
        for (tok, tag) in s {
            let e = counts.entry(super::normalize::normalize(tok)).or_default();
            if *tag == Tag::O {
                e.0 += 1;
            } else {
                e.1 += 1;
            }
        }
    }
    for (w, (o, ent)) in counts {
        if o >= 2 && o > 2 * ent {
            gaz.add_flags(&w, class::COMMON);
        }
    }
    for s in sentences {
        let tags: Vec<Tag> = s.iter().map(|(_, t)| *t).collect();
        for (a, b, ty) in spans(&tags) {
            let flag = match ty {
                super::tagger::EntityType::Pers => class::TRAIN_PERS,
                super::tagger::EntityType::Loc => class::TRAIN_LOC,
                super::tagger::EntityType::Org => class::TRAIN_ORG,
                super::tagger::EntityType::Misc => class::TRAIN_MISC,
            };
            for (tok, _) in &s[a..b] {
                if tok.chars().count() >= 2 && tok.chars().any(char::is_alphabetic) {
                    gaz.add(tok, flag);
                }
            }
        }
    }
}

/// A small deterministic RNG (xorshift64*) so training is reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// Trains an averaged structured perceptron on the sentences and returns the tagger.
pub fn train(sentences: &[Sentence], gaz: Gazetteer, epochs: usize, bits: u32) -> Tagger {
    let triggers = Triggers::default();
    // Features are fixed per token, so compute the bucket rows once.
    let mut data: Vec<(Vec<Vec<u32>>, Vec<Tag>)> = Vec::with_capacity(sentences.len());
    let mut feats = Vec::with_capacity(64);
    for s in sentences {
        let toks: Vec<&str> = s.iter().map(|(t, _)| t.as_str()).collect();
        let infos = token_infos(&toks, &gaz, &triggers);
        let rows = (0..infos.len())
            .map(|i| {
                features(&infos, i, &mut feats);
                feats
                    .iter()
                    .map(|&h| Weights::bucket(bits, h) as u32)
                    .collect()
            })
            .collect();
        data.push((rows, s.iter().map(|(_, t)| *t).collect()));
    }
    let size = (1usize << bits) * NUM_TAGS;
    let mut w = vec![0i32; size];
    let mut u = vec![0i64; size];
    let mut tw = vec![0i64; NUM_TAGS * NUM_TAGS];
    let mut tu = vec![0i64; NUM_TAGS * NUM_TAGS];
    let mut sw = vec![0i64; NUM_TAGS];
    let mut su = vec![0i64; NUM_TAGS];
    let mut c: i64 = 1;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &k in &order {
            let (rows, gold) = &data[k];
            let emissions: Vec<[i64; NUM_TAGS]> = rows
                .iter()
                .map(|r| {
                    let mut e = [0i64; NUM_TAGS];
                    for &b in r {
                        let base = b as usize * NUM_TAGS;
                        for (t, acc) in e.iter_mut().enumerate() {
                            *acc += w[base + t] as i64;
                        }
                    }
                    e
                })
                .collect();
            let pred = viterbi(&emissions, &tw, &sw);
            if pred != *gold {
                for (i, r) in rows.iter().enumerate() {
                    let (g, p) = (gold[i].0 as usize, pred[i].0 as usize);
                    if g != p {
                        for &b in r {
                            let base = b as usize * NUM_TAGS;
                            w[base + g] += 1;
                            u[base + g] += c;
                            w[base + p] -= 1;
                            u[base + p] -= c;
                        }
                    }
                    let (gp, pp) = if i == 0 {
                        (None, None)
                    } else {
                        (Some(gold[i - 1].0 as usize), Some(pred[i - 1].0 as usize))
                    };
                    match (gp, pp) {
                        (Some(gp), Some(pp)) => {
                            if (gp, g) != (pp, p) {
                                tw[gp * NUM_TAGS + g] += 1;
                                tu[gp * NUM_TAGS + g] += c;
                                tw[pp * NUM_TAGS + p] -= 1;
                                tu[pp * NUM_TAGS + p] -= c;
                            }
                        }
                        _ => {
                            if g != p {
                                sw[g] += 1;
                                su[g] += c;
                                sw[p] -= 1;
                                su[p] -= c;
                            }
                        }
                    }
                }
            }
            c += 1;
        }
    }
    // Averaged weights are w - u/c; quantise them to i16 with one shared scale so emissions
    // and transitions stay comparable.
    let cf = c as f64;
    let avg = |w: i64, u: i64| w as f64 - u as f64 / cf;
    let max_emit = w
        .iter()
        .zip(&u)
        .map(|(&w, &u)| avg(w as i64, u).abs())
        .fold(1e-9, f64::max);
    let scale = 32767.0 / max_emit;
    let emit: Vec<i16> = w
        .iter()
        .zip(&u)
        .map(|(&w, &u)| (avg(w as i64, u) * scale).round().clamp(-32767.0, 32767.0) as i16)
        .collect();
    let trans = tw
        .iter()
        .zip(&tu)
        .map(|(&w, &u)| (avg(w, u) * scale).round() as i32)
        .collect();
    let start = sw
        .iter()
        .zip(&su)
        .map(|(&w, &u)| (avg(w, u) * scale).round() as i32)
        .collect();
    Tagger::new(
        Weights {
            bits,
            emit,
            trans,
            start,
        },
        gaz,
    )
}

/// Trains from the files in `config` and returns the model bytes (gazetteer included).
pub fn train_from_files(config: &TrainConfig) -> Result<Vec<u8>, TrainError> {
    let (sentences, _) = load_data(config)?;
    if sentences.is_empty() {
        return Err(TrainError::Empty);
    }
    let mut gaz = load_gazetteer(&config.gazetteer_dir)?;
    add_training_lexicon(&mut gaz, &sentences);
    Ok(train(&sentences, gaz, config.epochs, config.bits).to_bytes())
}

/// Entity-level precision, recall and F1 (in percent) of predicted against gold tag
/// sequences, counted like conlleval.
pub fn entity_f1(gold: &[Vec<Tag>], pred: &[Vec<Tag>]) -> (f64, f64, f64) {
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    for (g, p) in gold.iter().zip(pred) {
        let gs = spans(g);
        let ps = spans(p);
        ng += gs.len();
        np += ps.len();
        tp += ps.iter().filter(|s| gs.contains(s)).count();
    }
    let p = if np == 0 { 0.0 } else { tp as f64 / np as f64 };
    let r = if ng == 0 { 0.0 } else { tp as f64 / ng as f64 };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (100.0 * p, 100.0 * r, 100.0 * f)
}
