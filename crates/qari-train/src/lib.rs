//! Training of qari's learned parts, not shipped with the app: the NER tagger (`ner`, from
//! the CoNLL corpora under `data/`) and the learned analysis stages (`learned`: quote or
//! term, speaker ranker, from articles annotated under `shared/eval/dev-saudi/GUIDE.md`).

pub mod gold_ner;
pub mod learned;
pub mod ner;

pub use ner::*;
