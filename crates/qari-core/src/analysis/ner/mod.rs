//! Named-entity recognition, a stage of its own: the sequence tagger (`tagger`) and its
//! features (`features`), the name lists it consults (`gazetteer`), the CoNLL format
//! (`conll`); the training that produces the shipped model is the `qari-train` crate.

pub mod conll;
pub mod features;
pub mod gazetteer;
pub mod tagger;
