//! The named-entity sequence tagger: a hashed-feature linear model with first-order tag
//! transitions decoded by Viterbi (trained as an averaged structured perceptron), and its
//! compact binary model format.

use std::sync::OnceLock;

use rayon::prelude::*;

use crate::analysis::ner::features::{
    TokenInfo, doc_features, doc_infos, features, sliding_doc_infos, token_infos,
};
use crate::analysis::ner::gazetteer::Gazetteer;
use crate::analysis::triggers::Triggers;

/// Entity types of the IOB scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// A person.
    Pers,
    /// A place.
    Loc,
    /// An organisation.
    Org,
    /// Anything else with a name (events, works, nationalities…).
    Misc,
}

impl EntityType {
    /// The CoNLL label ("PERS", "LOC", "ORG", "MISC").
    pub fn label(self) -> &'static str {
        match self {
            EntityType::Pers => "PERS",
            EntityType::Loc => "LOC",
            EntityType::Org => "ORG",
            EntityType::Misc => "MISC",
        }
    }
}

/// Number of IOB tags: O plus B/I for each of the four types.
pub const NUM_TAGS: usize = 9;

/// One IOB tag, stored as an index: 0 = O, 1 + 2·type = B-type, 2 + 2·type = I-type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Tag(pub u8);

impl Tag {
    /// The outside tag.
    pub const O: Tag = Tag(0);
    const TYPES: [EntityType; 4] = [
        EntityType::Pers,
        EntityType::Loc,
        EntityType::Org,
        EntityType::Misc,
    ];

    /// B-`t`.
    pub fn begin(t: EntityType) -> Tag {
        Tag(1 + 2 * Self::type_index(t))
    }

    /// I-`t`.
    pub fn inside(t: EntityType) -> Tag {
        Tag(2 + 2 * Self::type_index(t))
    }

    fn type_index(t: EntityType) -> u8 {
        match t {
            EntityType::Pers => 0,
            EntityType::Loc => 1,
            EntityType::Org => 2,
            EntityType::Misc => 3,
        }
    }

    /// The entity type, or `None` for O.
    pub fn entity_type(self) -> Option<EntityType> {
        if self.0 == 0 {
            None
        } else {
            Self::TYPES.get(((self.0 - 1) / 2) as usize).copied()
        }
    }

    /// True for B- tags.
    pub fn is_begin(self) -> bool {
        self.0 != 0 && self.0 % 2 == 1
    }

    /// True for I- tags.
    pub fn is_inside(self) -> bool {
        self.0 != 0 && self.0.is_multiple_of(2)
    }

    /// Whether this tag may follow `prev` (`None` = sentence start): I-X only continues X.
    pub fn may_follow(self, prev: Option<Tag>) -> bool {
        if !self.is_inside() {
            return true;
        }
        match prev {
            None => false,
            Some(p) => p.entity_type() == self.entity_type(),
        }
    }

    /// The CoNLL string ("O", "B-PERS", …).
    pub fn as_str(self) -> &'static str {
        const S: [&str; NUM_TAGS] = [
            "O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC",
        ];
        S.get(self.0 as usize).copied().unwrap_or("O")
    }

    /// Parses a CoNLL tag, tolerating the corpora's variants (PER, MIS0–3, typos such as
    /// "I--ORG" or "B-MIS-1"). Unknown or malformed tags are O.
    pub fn parse(s: &str) -> Tag {
        let s = s.trim().trim_matches('\u{200f}');
        let (prefix, rest) = match s.split_once('-') {
            Some((p, r)) => (p, r.trim_start_matches('-')),
            None => return Tag::O,
        };
        let up = rest.to_ascii_uppercase();
        let t = if up.starts_with("PER") {
            EntityType::Pers
        } else if up.starts_with("LOC") {
            EntityType::Loc
        } else if up.starts_with("ORG") {
            EntityType::Org
        } else if up.starts_with("MIS")
            || up.chars().all(|c| c.is_ascii_alphabetic()) && !up.is_empty()
        {
            EntityType::Misc
        } else {
            return Tag::O;
        };
        match prefix {
            "B" => Tag::begin(t),
            "I" => Tag::inside(t),
            _ => Tag::O,
        }
    }
}

/// Errors reading a model.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The bytes do not start with the model's magic number.
    #[error("not a qari NER model (bad magic)")]
    BadMagic,
    /// The bytes end before the header says they should.
    #[error("model file is truncated")]
    Truncated,
    /// A header field is out of range.
    #[error("model header is invalid: {0}")]
    BadHeader(&'static str),
}

const MAGIC: &[u8; 8] = b"QARINER1";

/// Decoding scores: emissions as integers per (bucket, tag), transitions likewise.
#[derive(Debug, Clone)]
pub struct Weights {
    /// log2 of the number of hash buckets.
    pub bits: u32,
    /// Emission weights, `NUM_TAGS` per bucket.
    pub emit: Vec<i16>,
    /// Transition weights `prev * NUM_TAGS + cur`.
    pub trans: Vec<i32>,
    /// Weights of each tag at sentence start.
    pub start: Vec<i32>,
}

impl Weights {
    /// The row of a hashed feature.
    pub fn bucket(bits: u32, h: u64) -> usize {
        (h >> (64 - bits)) as usize
    }
}

/// Tokens per block when a long document is tagged (see [`Tagger::tag_document`]): about
/// 150 KB of Arabic, longer than any news article.
pub const DOC_BLOCK: usize = 20_000;

/// A trained tagger: model weights plus the lists its features consult.
#[derive(Debug, Clone)]
pub struct Tagger {
    weights: Weights,
    second: Option<Weights>,
    gazetteer: Gazetteer,
    triggers: Triggers,
    /// Whether the text is from the training corpora's own domain (ANERcorp): then the
    /// domain-specific feature copies the trainer gave those corpora fire too (see
    /// [`add_domain_copies`]). Off for the news qari opens.
    source_domain: bool,
}

static DEFAULT: OnceLock<Result<Tagger, String>> = OnceLock::new();

/// The shipped model, trained by `examples/train_ner.rs`.
static DEFAULT_MODEL: &[u8] = include_bytes!("../../../../../assets/models/ner.bin");

/// Viterbi over per-token emission scores with the transition constraints of IOB.
pub fn viterbi(emissions: &[[i64; NUM_TAGS]], trans: &[i64], start: &[i64]) -> Vec<Tag> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    const NEG: i64 = i64::MIN / 4;
    // Which tag may follow which, and the transition scores, looked up once.
    let mut allowed = [[false; NUM_TAGS]; NUM_TAGS];
    let mut tr = [[0i64; NUM_TAGS]; NUM_TAGS];
    for p in 0..NUM_TAGS {
        for t in 0..NUM_TAGS {
            allowed[p][t] = Tag(t as u8).may_follow(Some(Tag(p as u8)));
            tr[p][t] = trans.get(p * NUM_TAGS + t).copied().unwrap_or(0);
        }
    }
    let mut score = [NEG; NUM_TAGS];
    let mut back: Vec<[u8; NUM_TAGS]> = vec![[0; NUM_TAGS]; n];
    for t in 0..NUM_TAGS {
        if Tag(t as u8).may_follow(None) {
            score[t] = emissions[0][t] + start.get(t).copied().unwrap_or(0);
        }
    }
    for (e, b) in emissions.iter().zip(back.iter_mut()).skip(1) {
        let mut next = [NEG; NUM_TAGS];
        for t in 0..NUM_TAGS {
            let mut best = NEG;
            let mut arg = 0u8;
            for (p, &sp) in score.iter().enumerate() {
                if sp == NEG || !allowed[p][t] {
                    continue;
                }
                let s = sp + tr[p][t];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            if best != NEG {
                next[t] = best + e[t];
                b[t] = arg;
            }
        }
        score = next;
    }
    let mut best = 0;
    for t in 1..NUM_TAGS {
        if score[t] > score[best] {
            best = t;
        }
    }
    let mut out = vec![Tag::O; n];
    let mut cur = best as u8;
    for i in (0..n).rev() {
        out[i] = Tag(cur);
        if i > 0 {
            cur = back[i][cur as usize];
        }
    }
    out
}

impl Tagger {
    /// Builds a tagger from weights and a gazetteer.
    pub fn new(weights: Weights, gazetteer: Gazetteer) -> Self {
        Self {
            weights,
            second: None,
            gazetteer,
            triggers: Triggers::default(),
            source_domain: false,
        }
    }

    /// Tags as text of the training corpora's own domain (ANERcorp's held-out part, where
    /// it is measured), not as the news qari opens; see [`add_domain_copies`].
    pub fn in_source_domain(mut self) -> Self {
        self.source_domain = true;
        self
    }

    /// Adds second-pass weights, which also see what the first pass said about the other
    /// occurrences of each word in the document (see [`Tagger::tag_document`]).
    pub fn with_second_pass(mut self, second: Weights) -> Self {
        self.second = Some(second);
        self
    }

    /// The shipped model, loaded once on first use.
    pub fn default_model() -> Result<&'static Tagger, ModelError> {
        let r =
            DEFAULT.get_or_init(|| Tagger::from_bytes(DEFAULT_MODEL).map_err(|e| e.to_string()));
        match r {
            Ok(t) => Ok(t),
            Err(_) => Err(ModelError::BadHeader("embedded model failed to load")),
        }
    }

    /// The gazetteer the model was trained with.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The trigger lists.
    pub fn triggers(&self) -> &Triggers {
        &self.triggers
    }

    /// Reads a model written by [`Tagger::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        let mut r = Reader { b: bytes, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let weights = read_weights(&mut r)?;
        let glen = r.u32()? as usize;
        let gtext = std::str::from_utf8(r.take(glen)?)
            .map_err(|_| ModelError::BadHeader("gazetteer text"))?;
        let mut tagger = Tagger::new(weights, Gazetteer::from_text(gtext));
        if r.pos < r.b.len() {
            tagger.second = Some(read_weights(&mut r)?);
        }
        Ok(tagger)
    }

    /// Writes the model: magic, the first-pass weights (bucket bits, tag count,
    /// little-endian i16 emissions, i32 transitions and start weights), the gazetteer as
    /// text, then the second-pass weights in the same layout when there are any.
    pub fn to_bytes(&self) -> Vec<u8> {
        let gtext = self.gazetteer.to_text();
        let mut out = Vec::with_capacity(24 + self.weights.emit.len() * 4 + gtext.len());
        out.extend_from_slice(MAGIC);
        write_weights(&self.weights, &mut out);
        out.extend_from_slice(&(gtext.len() as u32).to_le_bytes());
        out.extend_from_slice(gtext.as_bytes());
        if let Some(second) = &self.second {
            write_weights(second, &mut out);
        }
        out
    }

    /// Context-free token facts for a sentence (exposed for the rules, which reuse them).
    pub fn infos(&self, tokens: &[&str]) -> Vec<TokenInfo> {
        token_infos(tokens, &self.gazetteer, &self.triggers)
    }

    /// Tags one sentence of tokens with IOB tags (the sentence is its own document).
    pub fn tag(&self, tokens: &[&str]) -> Vec<Tag> {
        let infos = vec![self.infos(tokens)];
        self.tag_infos_document(&infos).pop().unwrap_or_default()
    }

    /// Tags the sentences of one document. With a second pass, each word's tags elsewhere
    /// in the document (from the first pass) inform its final tag.
    ///
    /// A long document is tagged in blocks of whole sentences of about [`DOC_BLOCK`] tokens,
    /// each its own document for the second pass, so the memory for features stays bounded
    /// by the block; news articles, far shorter, are tagged whole.
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<Tag>> {
        self.tag_document_with_progress(sentences, &mut |_| {})
    }

    /// [`Tagger::tag_document`], telling `progress` the share of the work done (0 to 1,
    /// never decreasing) after each sentence of each pass; the tags are the same.
    pub fn tag_document_with_progress(
        &self,
        sentences: &[Vec<&str>],
        progress: &mut dyn FnMut(f32),
    ) -> Vec<Vec<Tag>> {
        // Each sentence goes through token facts, the first pass and maybe the second.
        let passes = if self.second.is_some() { 3 } else { 2 };
        let total = (sentences.len() * passes).max(1) as f32;
        let mut done = 0usize;
        let mut tick = |n: usize| {
            done += n;
            progress((done as f32 / total).min(1.0));
        };
        let mut blocks = Vec::new();
        let mut start = 0;
        while start < sentences.len() {
            let mut end = start;
            let mut tokens = 0;
            while end < sentences.len() && (end == start || tokens < DOC_BLOCK) {
                tokens += sentences[end].len();
                end += 1;
            }
            blocks.push(start..end);
            start = end;
        }
        let mut out = Vec::with_capacity(sentences.len());
        let threads = rayon::current_num_threads();
        if blocks.len() < 2 || threads < 2 {
            for b in blocks {
                let infos: Vec<Vec<TokenInfo>> =
                    sentences[b.clone()].iter().map(|s| self.infos(s)).collect();
                tick(b.len());
                out.extend(self.tag_infos_with(&infos, false, &mut tick));
            }
            return out;
        }
        // Blocks are separate documents, so they are tagged on all cores; one block per
        // thread at a time keeps the features held at once bounded.
        for window in blocks.chunks(threads) {
            let tagged: Vec<Vec<Vec<Tag>>> = window
                .par_iter()
                .map(|b| {
                    let infos: Vec<Vec<TokenInfo>> =
                        sentences[b.clone()].iter().map(|s| self.infos(s)).collect();
                    self.tag_infos_with(&infos, false, &mut |_| {})
                })
                .collect();
            for (b, tags) in window.iter().zip(tagged) {
                tick(b.len() * passes);
                out.extend(tags);
            }
        }
        out
    }

    /// Tags a long run of sentences with no document boundaries (CoNLL input): for the
    /// second pass each sentence's document is the sentences around it.
    pub fn tag_run(&self, sentences: &[Vec<&str>]) -> Vec<Vec<Tag>> {
        let infos: Vec<Vec<TokenInfo>> = sentences.iter().map(|s| self.infos(s)).collect();
        self.tag_infos_with(&infos, true, &mut |_| {})
    }

    /// [`Tagger::tag_document`] over precomputed [`TokenInfo`]s.
    pub fn tag_infos_document(&self, infos: &[Vec<TokenInfo>]) -> Vec<Vec<Tag>> {
        self.tag_infos_with(infos, false, &mut |_| {})
    }

    /// Both passes over a document's sentences; `tick(1)` after each sentence of each pass.
    fn tag_infos_with(
        &self,
        infos: &[Vec<TokenInfo>],
        sliding: bool,
        tick: &mut dyn FnMut(usize),
    ) -> Vec<Vec<Tag>> {
        // Each token's features are hashed once and looked up in both passes' weights at
        // once; only the second pass's partial sums are kept (36 bytes a token, not the
        // features), and it adds the weights of its document features to them.
        let mut buf: Vec<u64> = Vec::with_capacity(128);
        let mut first: Vec<Vec<Tag>> = Vec::with_capacity(infos.len());
        let mut partial: Vec<Vec<[i32; NUM_TAGS]>> = Vec::with_capacity(infos.len());
        for s in infos {
            let mut e1 = Vec::with_capacity(s.len());
            let mut e2 = Vec::with_capacity(if self.second.is_some() { s.len() } else { 0 });
            for i in 0..s.len() {
                features(s, i, &mut buf);
                if self.source_domain {
                    add_domain_copies(&mut buf);
                }
                e1.push(widen(emission(&self.weights, &buf, [0; NUM_TAGS])));
                if let Some(second) = &self.second {
                    e2.push(emission(second, &buf, [0; NUM_TAGS]));
                }
            }
            first.push(decode_emissions(&self.weights, &e1));
            partial.push(e2);
            tick(1);
        }
        let Some(second) = &self.second else {
            return first;
        };
        let codes: Vec<Vec<u8>> = first
            .iter()
            .map(|s| s.iter().map(|t| t.0).collect())
            .collect();
        let docs = if sliding {
            sliding_doc_infos(infos, &codes)
        } else {
            doc_infos(infos, &codes)
        };
        infos
            .iter()
            .zip(&docs)
            .zip(partial)
            .map(|((s, d), e2)| {
                let e: Vec<[i64; NUM_TAGS]> = e2
                    .into_iter()
                    .enumerate()
                    .map(|(i, sum)| {
                        buf.clear();
                        doc_features(s, d, i, &mut buf);
                        if self.source_domain {
                            add_domain_copies(&mut buf);
                        }
                        widen(emission(second, &buf, sum))
                    })
                    .collect();
                let tags = decode_emissions(second, &e);
                tick(1);
                tags
            })
            .collect()
    }

    /// Tags a sentence whose [`TokenInfo`]s are already computed (first pass only).
    pub fn tag_infos(&self, infos: &[TokenInfo]) -> Vec<Tag> {
        let feats: Vec<Vec<u64>> = (0..infos.len())
            .map(|i| {
                let mut f = Vec::with_capacity(80);
                features(infos, i, &mut f);
                if self.source_domain {
                    add_domain_copies(&mut f);
                }
                f
            })
            .collect();
        decode(&self.weights, &feats)
    }
}

/// Adds a domain-specific copy of every feature hash: the trainer gives them to the
/// sentences of the older corpora (ANERcorp, AQMAR), so what is peculiar to those corpora is
/// learned in the copies and the shared features follow the annotated news articles.
pub fn add_domain_copies(feats: &mut Vec<u64>) {
    let n = feats.len();
    for f in 0..n {
        let h = feats[f] ^ 0x9e37_79b9_7f4a_7c15;
        feats.push(h.wrapping_mul(0xff51_afd7_ed55_8ccd).rotate_left(29));
    }
}

/// Emission scores of a sentence under `w` from each token's feature hashes.
pub fn emissions(w: &Weights, feats: &[Vec<u64>]) -> Vec<[i64; NUM_TAGS]> {
    feats
        .iter()
        .map(|f| widen(emission(w, f, [0; NUM_TAGS])))
        .collect()
}

/// `sum` plus the weights of features `f` for each tag. A token has about a hundred features
/// of at most 2^15 each: i32 sums cannot overflow, and add in wider lanes than i64.
fn emission(w: &Weights, f: &[u64], mut sum: [i32; NUM_TAGS]) -> [i32; NUM_TAGS] {
    for &h in f {
        let row = Weights::bucket(w.bits, h) * NUM_TAGS;
        if let Some(ws) = w
            .emit
            .get(row..row + NUM_TAGS)
            .and_then(|ws| <&[i16; NUM_TAGS]>::try_from(ws).ok())
        {
            for (acc, &v) in sum.iter_mut().zip(ws) {
                *acc += i32::from(v);
            }
        }
    }
    sum
}

fn widen(e: [i32; NUM_TAGS]) -> [i64; NUM_TAGS] {
    e.map(i64::from)
}

fn decode(w: &Weights, feats: &[Vec<u64>]) -> Vec<Tag> {
    decode_emissions(w, &emissions(w, feats))
}

fn decode_emissions(w: &Weights, e: &[[i64; NUM_TAGS]]) -> Vec<Tag> {
    let trans: Vec<i64> = w.trans.iter().map(|&v| v as i64).collect();
    let start: Vec<i64> = w.start.iter().map(|&v| v as i64).collect();
    viterbi(e, &trans, &start)
}

fn read_weights(r: &mut Reader<'_>) -> Result<Weights, ModelError> {
    let bits = r.u32()?;
    if !(8..=24).contains(&bits) {
        return Err(ModelError::BadHeader("bucket bits"));
    }
    let ntags = r.u32()? as usize;
    if ntags != NUM_TAGS {
        return Err(ModelError::BadHeader("tag count"));
    }
    let len = (1usize << bits) * NUM_TAGS;
    let raw = r.take(len * 2)?;
    let emit: Vec<i16> = raw
        .chunks_exact(2)
        .map(|c| i16::from_le_bytes([c[0], c[1]]))
        .collect();
    let mut trans = Vec::with_capacity(NUM_TAGS * NUM_TAGS);
    for _ in 0..NUM_TAGS * NUM_TAGS {
        trans.push(r.i32()?);
    }
    let mut start = Vec::with_capacity(NUM_TAGS);
    for _ in 0..NUM_TAGS {
        start.push(r.i32()?);
    }
    Ok(Weights {
        bits,
        emit,
        trans,
        start,
    })
}

fn write_weights(w: &Weights, out: &mut Vec<u8>) {
    out.extend_from_slice(&w.bits.to_le_bytes());
    out.extend_from_slice(&(NUM_TAGS as u32).to_le_bytes());
    for v in &w.emit {
        out.extend_from_slice(&v.to_le_bytes());
    }
    for v in w.trans.iter().chain(w.start.iter()) {
        out.extend_from_slice(&v.to_le_bytes());
    }
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).ok_or(ModelError::Truncated)?;
        let s = self.b.get(self.pos..end).ok_or(ModelError::Truncated)?;
        self.pos = end;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn i32(&mut self) -> Result<i32, ModelError> {
        let s = self.take(4)?;
        Ok(i32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
}

/// Groups a tag sequence into entity spans `(start, end, type)` over token indices, end
/// exclusive; an I- without its B- opens a new span (as conlleval counts).
pub fn spans(tags: &[Tag]) -> Vec<(usize, usize, EntityType)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, EntityType)> = None;
    for (i, t) in tags.iter().enumerate() {
        let ty = t.entity_type();
        let continues = t.is_inside() && cur.map(|c| Some(c.1) == ty).unwrap_or(false);
        if !continues {
            if let Some((s, ct)) = cur.take() {
                out.push((s, i, ct));
            }
            if let Some(ty) = ty {
                cur = Some((i, ty));
            }
        }
    }
    if let Some((s, ct)) = cur {
        out.push((s, tags.len(), ct));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_corpus_tag_variants() {
        assert_eq!(Tag::parse("B-PER"), Tag::begin(EntityType::Pers));
        assert_eq!(Tag::parse("I--ORG"), Tag::inside(EntityType::Org));
        assert_eq!(Tag::parse("B-MIS2"), Tag::begin(EntityType::Misc));
        assert_eq!(Tag::parse("B-MIS-1"), Tag::begin(EntityType::Misc));
        assert_eq!(Tag::parse("OO"), Tag::O);
        assert_eq!(Tag::parse("\u{200f}"), Tag::O);
    }

    #[test]
    fn viterbi_respects_iob() {
        // I-PERS scores best everywhere, but cannot start a sentence.
        let mut e = [0i64; NUM_TAGS];
        e[Tag::inside(EntityType::Pers).0 as usize] = 10;
        let tags = viterbi(&[e, e], &[0; NUM_TAGS * NUM_TAGS], &[0; NUM_TAGS]);
        assert_ne!(tags[0], Tag::inside(EntityType::Pers));
    }
}
