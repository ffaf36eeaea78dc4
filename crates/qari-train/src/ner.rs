//! Training of the NER tagger: reading the CoNLL corpora, the dev split, and the averaged
//! structured perceptron that produces the shipped model bytes.

use std::path::{Path, PathBuf};

use std::collections::HashMap;

use qari_core::analysis::ner::conll::parse_line;
use qari_core::analysis::ner::features::{
    DocInfo, TokenInfo, doc_features, features, lex_codes, sliding_doc_infos, token_infos,
};
use qari_core::analysis::ner::gazetteer::{Gazetteer, LexCounts, class};
use qari_core::analysis::ner::tagger::{
    EntityType, NUM_TAGS, Tag, Tagger, Weights, add_domain_copies, spans, viterbi,
};
use qari_core::analysis::normalize::split_clitics;
use qari_core::analysis::tokens::is_sentence_end;
use qari_core::analysis::triggers::Triggers;

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
    /// The trained model did not read back.
    #[error("trained model unreadable: {0}")]
    Model(#[from] qari_core::analysis::ner::tagger::ModelError),
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
    /// Fraction of ANERcorp (by tokens) held out as dev; 0 trains on everything.
    pub dev_fraction: f64,
    /// Where the dev block starts, as a fraction of ANERcorp's tokens; `None` puts it at
    /// the end (the dev split the README reports). Other blocks give cross-validation folds.
    pub dev_start: Option<f64>,
    /// Whether AQMAR's MISC classes are kept (otherwise they become O).
    pub aqmar_misc: bool,
    /// Passive-aggressive aggressiveness (0 = plain perceptron), see [`LearnParams`].
    pub pa_c: f32,
    /// Cost of missing a gold entity token, see [`LearnParams`].
    pub recall_cost: f32,
    /// Whether to train the document-level second pass.
    pub two_pass: bool,
    /// Whether AQMAR sentences get domain-specific feature copies (see `rows_of`).
    pub aqmar_domain: bool,
    /// Number of fine word clusters (0: no cluster features); see [`word_clusters`].
    pub clusters: usize,
    /// Word clusters computed beforehand (`form<TAB>fine<TAB>coarse` lines, written by the
    /// `news_clusters` example from real news), used instead of clusters of ANERcorp and
    /// AQMAR's text when set.
    pub clusters_file: Option<PathBuf>,
    /// Perceptrons averaged per pass, see [`LearnParams::ensemble`].
    pub ensemble: usize,
    /// First shuffling seed, see [`LearnParams::seed`].
    pub seed: u64,
    /// Annotated articles (`FILE.txt` with `FILE.gold.json` beside) whose required names
    /// are projected onto their tokens and added to the training data (see `gold_ner`).
    pub gold_articles: Vec<PathBuf>,
    /// How many times the annotated articles' sentences are repeated (their weight).
    pub gold_repeat: usize,
    /// Whether the corpora before the annotated articles (ANERcorp, AQMAR) get
    /// domain-specific feature copies, so the shared features follow the articles' news.
    pub gold_domain: bool,
}

impl TrainConfig {
    /// The learning parameters of this configuration.
    pub fn learn(&self) -> LearnParams {
        LearnParams {
            epochs: self.epochs,
            bits: self.bits,
            pa_c: self.pa_c,
            recall_cost: self.recall_cost,
            fa_cost: 1.0,
            ensemble: self.ensemble,
            seed: self.seed,
        }
    }

    /// The layout of the crate's `data/` directory.
    pub fn from_data_dir(data: &Path) -> Self {
        Self {
            anercorp: data.join("ner/anercorp-train.txt"),
            // AQMAR (Wikipedia, another MISC scheme) lowered dev F1 by ~3 points: opt-in.
            aqmar_dir: None,
            gazetteer_dir: data.join("gazetteers"),
            epochs: 12,
            bits: 19,
            dev_fraction: 0.0,
            dev_start: None,
            aqmar_misc: true,
            pa_c: 0.0,
            recall_cost: 1.0,
            two_pass: true,
            clusters: 128,
            clusters_file: None,
            aqmar_domain: false,
            // Three shufflings averaged: less dependence on one data order (±0.5 F1).
            ensemble: 3,
            seed: 0,
            gold_articles: Vec::new(),
            gold_repeat: 1,
            gold_domain: false,
        }
    }
}

fn read(path: &Path) -> Result<String, TrainError> {
    std::fs::read_to_string(path).map_err(|source| TrainError::Io {
        path: path.to_path_buf(),
        source,
    })
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
                if !map_misc
                    && t.entity_type() == Some(qari_core::analysis::ner::tagger::EntityType::Misc)
                {
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
    split_dev_block(text, 1.0 - fraction, fraction)
}

/// Like [`split_dev_lines`] with the dev block starting at `start` (a fraction of the
/// tokens); both cuts move forward to a sentence boundary, and train is what lies before
/// and after the block.
pub fn split_dev_block(text: &str, start: f64, fraction: f64) -> (Vec<&str>, Vec<&str>) {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if fraction <= 0.0 {
        return (lines, Vec::new());
    }
    let boundary = |from: usize| {
        let mut cut = from.min(lines.len());
        while cut > 0 && cut < lines.len() {
            if parse_line(lines[cut - 1]).is_some_and(|(t, _)| is_sentence_end(t)) {
                break;
            }
            cut += 1;
        }
        cut
    };
    let n = lines.len() as f64;
    let a = boundary((n * start.clamp(0.0, 1.0)) as usize);
    let b = boundary((n * (start + fraction).clamp(0.0, 1.0)) as usize).max(a);
    let mut train = lines[..a].to_vec();
    train.extend_from_slice(&lines[b..]);
    (train, lines[a..b].to_vec())
}

/// The (train, dev) lines `config` asks for.
fn config_split<'a>(text: &'a str, config: &TrainConfig) -> (Vec<&'a str>, Vec<&'a str>) {
    match config.dev_start {
        Some(start) => split_dev_block(text, start, config.dev_fraction),
        None => split_dev_lines(text, config.dev_fraction),
    }
}

/// Loads the public gazetteers from their directory.
pub fn load_gazetteer(dir: &Path) -> Result<Gazetteer, TrainError> {
    let mut g = Gazetteer::from_tsv(
        &read(&dir.join("countries_ar_i18n-iso-countries.tsv"))?,
        &read(&dir.join("geonames_cities15000_ar.tsv"))?,
        &read(&dir.join("person_name_units_ar_arabic-name-romanizer.tsv"))?,
    );
    g.add_clubs(&read(&dir.join("clubs_ar_arwikicats.tsv"))?);
    g.add_people(&read(&dir.join("people_ar_arwikicats.tsv"))?);
    g.add_nationalities(&read(&dir.join("nationalities_ar_arwikicats.tsv"))?);
    Ok(g)
}

/// Reads all training sentences the config names, and the dev lines if a split is asked for.
pub fn load_data(config: &TrainConfig) -> Result<(Vec<Sentence>, Vec<String>), TrainError> {
    let aner = read(&config.anercorp)?;
    let (train_lines, dev_lines) = config_split(&aner, config);
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
    sentences.extend(gold_sentences(config)?);
    Ok((sentences, dev_lines.iter().map(|s| s.to_string()).collect()))
}

/// The annotated news articles under the workspace `root` a tagger may learn from (`train_ner
/// --gold`): the own articles and the annotated pool-saudi articles
/// (`tests/fixtures/analysis*`), in file order — never dev-saudi (for measuring) nor
/// dev-news (ANERcorp text already).
pub fn annotated_news_articles(root: &Path) -> Result<Vec<PathBuf>, TrainError> {
    let mut out = Vec::new();
    for dir in [
        "analysis",
        "analysis_heldout",
        "analysis_unseen",
        "analysis_pool",
    ] {
        let dir = root.join("tests/fixtures").join(dir);
        let entries = std::fs::read_dir(&dir).map_err(|source| TrainError::Io {
            path: dir.clone(),
            source,
        })?;
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .filter(|p| p.with_extension("gold.json").exists())
            .collect();
        files.sort();
        out.extend(files);
    }
    Ok(out)
}

/// The annotated articles' sentences, each repeated `gold_repeat` times, in file order.
pub fn gold_sentences(config: &TrainConfig) -> Result<Vec<Sentence>, TrainError> {
    let mut out = Vec::new();
    for txt in &config.gold_articles {
        let s = crate::gold_ner::article_sentences(txt)?;
        for _ in 0..config.gold_repeat.max(1) {
            out.extend(s.iter().cloned());
        }
    }
    Ok(out)
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
            let e = counts
                .entry(qari_core::analysis::normalize::normalize(tok))
                .or_default();
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
                qari_core::analysis::ner::tagger::EntityType::Pers => class::TRAIN_PERS,
                qari_core::analysis::ner::tagger::EntityType::Loc => class::TRAIN_LOC,
                qari_core::analysis::ner::tagger::EntityType::Org => class::TRAIN_ORG,
                qari_core::analysis::ner::tagger::EntityType::Misc => class::TRAIN_MISC,
            };
            for (tok, _) in &s[a..b] {
                if tok.chars().count() >= 2 && tok.chars().any(char::is_alphabetic) {
                    gaz.add(tok, flag);
                }
            }
        }
    }
}

/// The unlabelled text the word clusters are computed from: the ANERcorp training part
/// (without the dev split) and all AQMAR articles, whether or not AQMAR is trained on.
pub fn cluster_text(config: &TrainConfig) -> Result<Vec<Vec<String>>, TrainError> {
    let aner = read(&config.anercorp)?;
    let (train_lines, _) = config_split(&aner, config);
    let mut out: Vec<Vec<String>> = read_conll(&train_lines.join("\n"), true)
        .into_iter()
        .map(|s| s.into_iter().map(|(t, _)| t).collect())
        .collect();
    let dir = config
        .anercorp
        .parent()
        .map(|p| p.join("aqmar"))
        .unwrap_or_default();
    if let Ok(rd) = std::fs::read_dir(&dir) {
        let mut files: Vec<PathBuf> = rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for f in files {
            out.extend(
                read_conll(&read(&f)?, true)
                    .into_iter()
                    .map(|s| s.into_iter().map(|(t, _)| t).collect()),
            );
        }
    }
    Ok(out)
}

/// Adds word clusters computed from [`cluster_text`] to the gazetteer (nothing when
/// `config.clusters` is 0).
pub fn add_clusters(gaz: &mut Gazetteer, config: &TrainConfig) -> Result<(), TrainError> {
    if let Some(path) = &config.clusters_file {
        gaz.set_clusters(read_clusters(&read(path)?));
    } else if config.clusters > 0 {
        let text = cluster_text(config)?;
        gaz.set_clusters(word_clusters(&text, config.clusters));
    }
    Ok(())
}

/// Reads `form<TAB>fine<TAB>coarse` lines (malformed lines are skipped).
pub fn read_clusters(text: &str) -> HashMap<String, (u16, u16)> {
    text.lines()
        .filter_map(|l| {
            let mut f = l.split('\t');
            let form = f.next()?;
            let fine = f.next()?.parse().ok()?;
            let coarse = f.next()?.parse().ok()?;
            Some((form.to_string(), (fine, coarse)))
        })
        .collect()
}

/// The most word forms [`word_clusters`] groups (the most frequent ones): k-means costs
/// grow with the vocabulary, and rarer forms have too few contexts to place.
pub const MAX_CLUSTER_VOCAB: usize = 60_000;

/// Distributional word clusters: every word form (clitics removed, article kept) seen at
/// least three times (the [`MAX_CLUSTER_VOCAB`] most frequent) is described by its neighbours at ±1 and ±2 (the 1000 most frequent
/// forms, square-root counts, L2-normalised) and grouped by spherical k-means into `k`
/// fine and `k / 8` coarse clusters (ids from 1). Deterministic: centroids start at words
/// spread evenly over the frequency ranking.
pub fn word_clusters(text: &[Vec<String>], k: usize) -> HashMap<String, (u16, u16)> {
    let keys: Vec<Vec<String>> = text
        .iter()
        .map(|s| s.iter().map(|t| split_clitics(t).with_article).collect())
        .collect();
    let mut freq: HashMap<&str, u32> = HashMap::new();
    for s in &keys {
        for w in s {
            if !w.is_empty() {
                *freq.entry(w.as_str()).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(&str, u32)> = freq.iter().map(|(w, c)| (*w, *c)).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    const CTX: usize = 1000;
    let ctx_id: HashMap<&str, usize> = ranked
        .iter()
        .take(CTX)
        .enumerate()
        .map(|(i, (w, _))| (*w, i))
        .collect();
    let vocab: Vec<&str> = ranked
        .iter()
        .filter(|(_, c)| *c >= 3)
        .take(MAX_CLUSTER_VOCAB)
        .map(|(w, _)| *w)
        .collect();
    if vocab.len() < 2 || k < 2 {
        return HashMap::new();
    }
    let word_id: HashMap<&str, usize> = vocab.iter().enumerate().map(|(i, w)| (*w, i)).collect();
    let dim = 4 * (CTX + 1);
    let mut counts: Vec<HashMap<usize, f32>> = vec![HashMap::new(); vocab.len()];
    for s in &keys {
        for (i, w) in s.iter().enumerate() {
            let Some(&wi) = word_id.get(w.as_str()) else {
                continue;
            };
            for (slot, off) in [-2isize, -1, 1, 2].iter().enumerate() {
                let j = i as isize + off;
                let c = if j < 0 || j as usize >= s.len() {
                    CTX
                } else {
                    ctx_id.get(s[j as usize].as_str()).copied().unwrap_or(CTX)
                };
                let weight = if off.abs() == 1 { 1.0 } else { 0.5 };
                *counts[wi].entry(slot * (CTX + 1) + c).or_default() += weight;
            }
        }
    }
    let vecs: Vec<Vec<(usize, f32)>> = counts
        .into_iter()
        .map(|m| {
            let mut v: Vec<(usize, f32)> = m.into_iter().map(|(d, c)| (d, c.sqrt())).collect();
            v.sort_by_key(|x| x.0);
            let norm = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt().max(1e-9);
            for x in v.iter_mut() {
                x.1 /= norm;
            }
            v
        })
        .collect();
    let kmeans = |k: usize| -> Vec<u16> {
        let k = k.min(vecs.len());
        let mut cent = vec![0f32; k * dim];
        for c in 0..k {
            for &(d, x) in &vecs[c * vecs.len() / k] {
                cent[c * dim + d] = x;
            }
        }
        let mut assign = vec![0u16; vecs.len()];
        for _ in 0..12 {
            for (v, a) in vecs.iter().zip(assign.iter_mut()) {
                let mut best = (f32::MIN, 0usize);
                for c in 0..k {
                    let row = &cent[c * dim..(c + 1) * dim];
                    let dot: f32 = v.iter().map(|&(d, x)| row[d] * x).sum();
                    if dot > best.0 {
                        best = (dot, c);
                    }
                }
                *a = best.1 as u16;
            }
            cent.iter_mut().for_each(|x| *x = 0.0);
            for (v, &a) in vecs.iter().zip(&assign) {
                let row = &mut cent[a as usize * dim..(a as usize + 1) * dim];
                for &(d, x) in v {
                    row[d] += x;
                }
            }
            for c in 0..k {
                let row = &mut cent[c * dim..(c + 1) * dim];
                let norm = row.iter().map(|x| x * x).sum::<f32>().sqrt();
                if norm > 0.0 {
                    row.iter_mut().for_each(|x| *x /= norm);
                }
            }
        }
        assign
    };
    let fine = kmeans(k);
    let coarse = kmeans((k / 8).max(2));
    vocab
        .iter()
        .zip(fine.iter().zip(&coarse))
        .map(|(w, (&f, &c))| (w.to_string(), (f + 1, c + 1)))
        .collect()
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

/// How the weights are learnt (see [`TrainConfig`]).
#[derive(Debug, Clone, Copy)]
pub struct LearnParams {
    /// Passes over the data.
    pub epochs: usize,
    /// log2 of the number of hash buckets.
    pub bits: u32,
    /// Passive-aggressive (PA-I) aggressiveness `C`; 0 gives the plain perceptron.
    pub pa_c: f32,
    /// Cost of a wrong tag on a gold entity token relative to a false alarm on an O token
    /// (used in cost-augmented decoding and the PA loss).
    pub recall_cost: f32,
    /// Cost of a false alarm on an O token.
    pub fa_cost: f32,
    /// Number of perceptrons, each over its own shuffling of the data, whose averaged
    /// weights are averaged again (less dependence on one ordering of the data).
    pub ensemble: usize,
    /// Number of the first data shuffling (runs use `seed..seed + ensemble`); other values
    /// show how much a score owes to the order of the data.
    pub seed: u64,
}

impl Default for LearnParams {
    fn default() -> Self {
        Self {
            epochs: 12,
            bits: 20,
            pa_c: 0.0,
            recall_cost: 1.0,
            fa_cost: 1.0,
            ensemble: 1,
            seed: 0,
        }
    }
}

/// Trains an averaged structured perceptron on the sentences and returns the tagger.
pub fn train(sentences: &[Sentence], gaz: Gazetteer, epochs: usize, bits: u32) -> Tagger {
    let p = LearnParams {
        epochs,
        bits,
        ..LearnParams::default()
    };
    train_with(sentences, gaz, &p)
}

/// Computes the token facts of every training sentence, with lexicon features jackknifed
/// over folds, and returns the gazetteer with the full training lexicon added.
fn prepare(sentences: &[Sentence], gaz: Gazetteer) -> (Gazetteer, Vec<Vec<TokenInfo>>) {
    let mut gaz = gaz;
    let triggers = Triggers::default();
    // Word counts for the lexicon features. While training, a sentence sees only the counts
    // of the other folds (contiguous chunks, so mostly other articles): otherwise every
    // training word would look "seen", unlike new text.
    const FOLDS: usize = 10;
    let fold_of = |k: usize| k * FOLDS / sentences.len().max(1);
    let mut total: HashMap<String, LexCounts> = HashMap::new();
    let mut per_fold: HashMap<String, [LexCounts; FOLDS]> = HashMap::new();
    for (k, s) in sentences.iter().enumerate() {
        for (tok, tag) in s {
            let key = split_clitics(tok).with_article;
            if key.is_empty() {
                continue;
            }
            let slot = match tag.entity_type() {
                None => 0,
                Some(EntityType::Pers) => 1,
                Some(EntityType::Loc) => 2,
                Some(EntityType::Org) => 3,
                Some(EntityType::Misc) => 4,
            };
            total.entry(key.clone()).or_default()[slot] += 1;
            per_fold.entry(key).or_insert([[0; 5]; FOLDS])[fold_of(k)][slot] += 1;
        }
    }
    gaz.set_lexicon(total.clone());
    let mut all = Vec::with_capacity(sentences.len());
    for (k, s) in sentences.iter().enumerate() {
        let toks: Vec<&str> = s.iter().map(|(t, _)| t.as_str()).collect();
        let mut infos = token_infos(&toks, &gaz, &triggers);
        for info in infos.iter_mut() {
            let key = &info.with_article;
            let c = total.get(key).map(|t| {
                let f = per_fold.get(key).map_or([0; 5], |f| f[fold_of(k)]);
                let mut c: LexCounts = [0; 5];
                for i in 0..5 {
                    c[i] = t[i] - f[i];
                }
                c
            });
            let c = c.filter(|c| c.iter().any(|&v| v > 0));
            (info.lex_freq, info.lex_type) = lex_codes(c.as_ref());
        }
        all.push(infos);
    }
    (gaz, all)
}

/// Hashed feature rows of every token (second-pass features when `docs` is given).
fn rows_of(
    infos: &[Vec<TokenInfo>],
    docs: Option<&[Vec<DocInfo>]>,
    sentences: &[Sentence],
    bits: u32,
    domains: &[bool],
) -> Vec<(Vec<Vec<u32>>, Vec<Tag>)> {
    let mut feats = Vec::with_capacity(160);
    infos
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let rows = (0..s.len())
                .map(|i| {
                    features(s, i, &mut feats);
                    if let Some(d) = docs {
                        doc_features(s, &d[k], i, &mut feats);
                    }
                    // Out-of-domain sentences (ANERcorp when annotated news articles are
                    // the shared domain, or AQMAR) also fire domain-specific copies of every
                    // feature, which absorb what is peculiar to that corpus; new text only
                    // fires the shared ones.
                    if domains.get(k).copied().unwrap_or(false) {
                        add_domain_copies(&mut feats);
                    }
                    feats
                        .iter()
                        .map(|&h| Weights::bucket(bits, h) as u32)
                        .collect()
                })
                .collect();
            (rows, sentences[k].iter().map(|(_, t)| *t).collect())
        })
        .collect()
}

/// Trains with explicit learning parameters (first pass only).
pub fn train_with(sentences: &[Sentence], gaz: Gazetteer, p: &LearnParams) -> Tagger {
    train_with_domains(sentences, &[], gaz, p)
}

/// [`train_with`] where `domains[k]` marks sentence `k` as out-of-domain (see `rows_of`).
fn train_with_domains(
    sentences: &[Sentence],
    domains: &[bool],
    gaz: Gazetteer,
    p: &LearnParams,
) -> Tagger {
    let (gaz, infos) = prepare(sentences, gaz);
    let data = rows_of(&infos, None, sentences, p.bits, domains);
    Tagger::new(learn(&data, p), gaz)
}

/// Trains the two-pass tagger: first-pass predictions on the training data come from
/// models trained on the other folds (stacking), so the second pass learns how far to trust
/// them on new text.
pub fn train_two_pass(sentences: &[Sentence], gaz: Gazetteer, p: &LearnParams) -> Tagger {
    train_two_pass_domains(sentences, &[], gaz, p)
}

/// [`train_two_pass`] with out-of-domain sentences marked (see `rows_of`).
fn train_two_pass_domains(
    sentences: &[Sentence],
    domains: &[bool],
    gaz: Gazetteer,
    p: &LearnParams,
) -> Tagger {
    const STACK_FOLDS: usize = 5;
    let p1 = LearnParams { bits: p.bits, ..*p };
    let n = sentences.len();
    let mut first: Vec<Vec<u8>> = vec![Vec::new(); n];
    let fold_of = |k: usize| k * STACK_FOLDS / n.max(1);
    for f in 0..STACK_FOLDS {
        let train_part: Vec<Sentence> = (0..n)
            .filter(|&k| fold_of(k) != f)
            .map(|k| sentences[k].clone())
            .collect();
        let held: Vec<usize> = (0..n).filter(|&k| fold_of(k) == f).collect();
        let part_domains: Vec<bool> = (0..n)
            .filter(|&k| fold_of(k) != f)
            .map(|k| domains.get(k).copied().unwrap_or(false))
            .collect();
        let model = train_with_domains(&train_part, &part_domains, gaz.clone(), &p1);
        for k in held {
            let toks: Vec<&str> = sentences[k].iter().map(|(t, _)| t.as_str()).collect();
            first[k] = model
                .tag_infos(&model.infos(&toks))
                .iter()
                .map(|t| t.0)
                .collect();
        }
    }
    let (gaz, infos) = prepare(sentences, gaz);
    let docs: Vec<Vec<DocInfo>> = sliding_doc_infos(&infos, &first);
    let data1 = rows_of(&infos, None, sentences, p1.bits, domains);
    let w1 = learn(&data1, &p1);
    drop(data1);
    let data2 = rows_of(&infos, Some(&docs), sentences, p.bits, domains);
    let w2 = learn(&data2, p);
    Tagger::new(w1, gaz).with_second_pass(w2)
}

/// Averaged float weights of one learner: emissions, transitions, start.
struct FloatWeights {
    emit: Vec<f64>,
    trans: Vec<f64>,
    start: Vec<f64>,
}

/// The averaged perceptron / PA-I learner over precomputed feature rows: runs
/// `p.ensemble` learners with different data orders, averages them and quantises.
fn learn(data: &[(Vec<Vec<u32>>, Vec<Tag>)], p: &LearnParams) -> Weights {
    let seed =
        |run: usize| 0x9e37_79b9_7f4a_7c15u64.wrapping_add(run as u64 * 0x2545_f491_4f6c_dd1d);
    let first = p.seed as usize;
    let mut sum = learn_one(data, p, seed(first));
    for run in first + 1..first + p.ensemble.max(1) {
        let w = learn_one(data, p, seed(run));
        for (a, b) in sum.emit.iter_mut().zip(&w.emit) {
            *a += b;
        }
        for (a, b) in sum.trans.iter_mut().zip(&w.trans) {
            *a += b;
        }
        for (a, b) in sum.start.iter_mut().zip(&w.start) {
            *a += b;
        }
    }
    let FloatWeights { emit, trans, start } = sum;
    // One shared scale so emissions and transitions stay comparable (the 1/k factor of
    // the mean cancels in it).
    let max_emit = emit.iter().map(|v| v.abs()).fold(1e-9, f64::max);
    let scale = 32767.0 / max_emit;
    Weights {
        bits: p.bits,
        emit: emit
            .iter()
            .map(|&v| (v * scale).round().clamp(-32767.0, 32767.0) as i16)
            .collect(),
        trans: trans.iter().map(|&v| (v * scale).round() as i32).collect(),
        start: start.iter().map(|&v| (v * scale).round() as i32).collect(),
    }
}

/// One averaged perceptron / PA-I learner, data shuffled from `seed`.
fn learn_one(data: &[(Vec<Vec<u32>>, Vec<Tag>)], p: &LearnParams, seed: u64) -> FloatWeights {
    let bits = p.bits;
    let size = (1usize << bits) * NUM_TAGS;
    let mut w = vec![0f32; size];
    let mut u = vec![0f64; size];
    let mut tw = vec![0f64; NUM_TAGS * NUM_TAGS];
    let mut tu = vec![0f64; NUM_TAGS * NUM_TAGS];
    let mut sw = [0f64; NUM_TAGS];
    let mut su = [0f64; NUM_TAGS];
    let mut c: f64 = 1.0;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Rng(seed);
    const FIX: f64 = 1e6;
    let cost = |g: Tag, t: Tag| -> f64 {
        if g == t {
            0.0
        } else if g == Tag::O {
            p.fa_cost as f64
        } else {
            p.recall_cost as f64
        }
    };
    let augmented = p.pa_c > 0.0;
    let mut delta: std::collections::HashMap<usize, f64> = std::collections::HashMap::new();
    for _ in 0..p.epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &k in &order {
            let (rows, gold) = &data[k];
            let emissions: Vec<[f64; NUM_TAGS]> = rows
                .iter()
                .map(|r| {
                    let mut e = [0f64; NUM_TAGS];
                    for &b in r {
                        let base = b as usize * NUM_TAGS;
                        for (t, acc) in e.iter_mut().enumerate() {
                            *acc += w[base + t] as f64;
                        }
                    }
                    e
                })
                .collect();
            let fixed: Vec<[i64; NUM_TAGS]> = emissions
                .iter()
                .zip(gold)
                .map(|(e, &g)| {
                    let mut o = [0i64; NUM_TAGS];
                    for t in 0..NUM_TAGS {
                        let extra = if augmented {
                            cost(g, Tag(t as u8))
                        } else {
                            0.0
                        };
                        o[t] = ((e[t] + extra) * FIX) as i64;
                    }
                    o
                })
                .collect();
            let tfix: Vec<i64> = tw.iter().map(|&v| (v * FIX) as i64).collect();
            let sfix: Vec<i64> = sw.iter().map(|&v| (v * FIX) as i64).collect();
            let pred = viterbi(&fixed, &tfix, &sfix);
            if pred != *gold {
                // Step size: 1 for the perceptron; PA-I otherwise.
                let tau = if augmented {
                    let score = |tags: &[Tag]| -> f64 {
                        let mut s = 0.0;
                        for (i, t) in tags.iter().enumerate() {
                            s += emissions[i][t.0 as usize];
                            s += if i == 0 {
                                sw[t.0 as usize]
                            } else {
                                tw[tags[i - 1].0 as usize * NUM_TAGS + t.0 as usize]
                            };
                        }
                        s
                    };
                    let loss: f64 = gold.iter().zip(&pred).map(|(&g, &t)| cost(g, t)).sum();
                    let margin = score(gold) - score(&pred);
                    delta.clear();
                    let mut tdelta = [0f64; NUM_TAGS * NUM_TAGS + NUM_TAGS];
                    for (i, r) in rows.iter().enumerate() {
                        let (g, q) = (gold[i].0 as usize, pred[i].0 as usize);
                        if g != q {
                            for &b in r {
                                let base = b as usize * NUM_TAGS;
                                *delta.entry(base + g).or_default() += 1.0;
                                *delta.entry(base + q).or_default() -= 1.0;
                            }
                        }
                        let (gi, qi) = if i == 0 {
                            (NUM_TAGS * NUM_TAGS + g, NUM_TAGS * NUM_TAGS + q)
                        } else {
                            (
                                gold[i - 1].0 as usize * NUM_TAGS + g,
                                pred[i - 1].0 as usize * NUM_TAGS + q,
                            )
                        };
                        tdelta[gi] += 1.0;
                        tdelta[qi] -= 1.0;
                    }
                    let norm: f64 = delta.values().map(|v| v * v).sum::<f64>()
                        + tdelta.iter().map(|v| v * v).sum::<f64>();
                    if norm <= 0.0 {
                        0.0
                    } else {
                        ((loss - margin) / norm).clamp(0.0, p.pa_c as f64)
                    }
                } else {
                    1.0
                };
                if tau > 0.0 {
                    let ct = c * tau;
                    for (i, r) in rows.iter().enumerate() {
                        let (g, q) = (gold[i].0 as usize, pred[i].0 as usize);
                        if g != q {
                            for &b in r {
                                let base = b as usize * NUM_TAGS;
                                w[base + g] += tau as f32;
                                u[base + g] += ct;
                                w[base + q] -= tau as f32;
                                u[base + q] -= ct;
                            }
                        }
                        if i == 0 {
                            if g != q {
                                sw[g] += tau;
                                su[g] += ct;
                                sw[q] -= tau;
                                su[q] -= ct;
                            }
                        } else {
                            let (gp, qp) = (gold[i - 1].0 as usize, pred[i - 1].0 as usize);
                            if (gp, g) != (qp, q) {
                                tw[gp * NUM_TAGS + g] += tau;
                                tu[gp * NUM_TAGS + g] += ct;
                                tw[qp * NUM_TAGS + q] -= tau;
                                tu[qp * NUM_TAGS + q] -= ct;
                            }
                        }
                    }
                }
            }
            c += 1.0;
        }
    }
    // Averaged weights are w - u/c.
    let avg = |w: f64, u: f64| w - u / c;
    FloatWeights {
        emit: w.iter().zip(&u).map(|(&w, &u)| avg(w as f64, u)).collect(),
        trans: tw.iter().zip(&tu).map(|(&w, &u)| avg(w, u)).collect(),
        start: sw.iter().zip(&su).map(|(&w, &u)| avg(w, u)).collect(),
    }
}

/// Trains from the files in `config` and returns the model bytes (gazetteer included).
pub fn train_from_files(config: &TrainConfig) -> Result<Vec<u8>, TrainError> {
    let (sentences, _) = load_data(config)?;
    if sentences.is_empty() {
        return Err(TrainError::Empty);
    }
    let mut gaz = load_gazetteer(&config.gazetteer_dir)?;
    add_training_lexicon(&mut gaz, &sentences);
    add_clusters(&mut gaz, config)?;
    Ok(train_config(&sentences, gaz, config).to_bytes())
}

/// Trains the tagger `config` asks for (one or two passes) on the given sentences.
pub fn train_config(sentences: &[Sentence], gaz: Gazetteer, config: &TrainConfig) -> Tagger {
    // Sentences after ANERcorp's come from AQMAR, the annotated articles' last (see
    // `load_data`).
    let domains: Vec<bool> = if config.gold_domain && !config.gold_articles.is_empty() {
        let n_gold = gold_sentences(config).map(|g| g.len()).unwrap_or(0);
        let n_other = sentences.len().saturating_sub(n_gold);
        (0..sentences.len()).map(|k| k < n_other).collect()
    } else if config.aqmar_domain && config.aqmar_dir.is_some() {
        let n_aner = read(&config.anercorp)
            .map(|t| {
                let (lines, _) = config_split(&t, config);
                read_conll(&lines.join("\n"), true).len()
            })
            .unwrap_or(sentences.len());
        (0..sentences.len()).map(|k| k >= n_aner).collect()
    } else {
        Vec::new()
    };
    if config.two_pass {
        train_two_pass_domains(sentences, &domains, gaz, &config.learn())
    } else {
        train_with_domains(sentences, &domains, gaz, &config.learn())
    }
}

/// A model trained with a dev part held out, and how it tags that part.
#[derive(Debug, Clone)]
pub struct DevResult {
    /// Training sentences used.
    pub train_sentences: usize,
    /// The dev part's `token TAG` lines (gold).
    pub gold: String,
    /// The same tokens with the predicted tags.
    pub predicted: String,
    /// Entity-level precision, recall and F1 in percent.
    pub scores: (f64, f64, f64),
    /// The model trained without the dev part, to run the whole analysis on held-out text.
    pub model: Vec<u8>,
}

/// Trains by `config` (whose `dev_fraction` must be set) on ANERcorp without its dev part,
/// through the model bytes as the shipped model is used, and tags the dev part.
pub fn evaluate_dev(config: &TrainConfig) -> Result<DevResult, TrainError> {
    let (sentences, dev_lines) = load_data(config)?;
    if sentences.is_empty() || dev_lines.is_empty() {
        return Err(TrainError::Empty);
    }
    let mut gaz = load_gazetteer(&config.gazetteer_dir)?;
    add_training_lexicon(&mut gaz, &sentences);
    add_clusters(&mut gaz, config)?;
    let bytes = train_config(&sentences, gaz, config).to_bytes();
    let mut tagger = Tagger::from_bytes(&bytes)?;
    // The dev part is ANERcorp text: with the annotated articles as the shared domain, it
    // is tagged with ANERcorp's own feature copies as well (see `rows_of`).
    if config.gold_domain && !config.gold_articles.is_empty() {
        tagger = tagger.in_source_domain();
    }
    let gold = dev_lines.join("\n") + "\n";
    let predicted = qari_core::analysis::ner::conll::tag_conll(&gold, &tagger);
    // One flat sequence each: gold and predicted sentence splits may differ.
    let flat = |text: &str| -> Vec<Vec<Tag>> {
        vec![
            read_conll(text, true)
                .into_iter()
                .flatten()
                .map(|(_, t)| t)
                .collect(),
        ]
    };
    let scores = entity_f1(&flat(&gold), &flat(&predicted));
    Ok(DevResult {
        train_sentences: sentences.len(),
        gold,
        predicted,
        scores,
        model: bytes,
    })
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
