//! The tagger's quality bar: trained by the shipped recipe (ANERcorp without its last tenth,
//! plus the annotated news articles, ANERcorp in domain copies: `train_ner --dev --gold
//! --gold-domain`), it tags that held-out tenth as ANERcorp text at micro F1 ≥ 75 (entity
//! level, as conlleval and `shared/eval/conll_f1.py` count) — learning news must not lose
//! ANERcorp. Training is deterministic, so this is the README's figure, rebuilt from
//! `data/` and the annotated articles on every run.

use std::path::PathBuf;

use qari_train::{TrainConfig, annotated_news_articles, evaluate_dev};

#[test]
fn held_out_anercorp_tenth_scores_at_least_75() {
    // The workspace root, where `data/`, `assets/` and `target/` are.
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut config = TrainConfig::from_data_dir(&root.join("data"));
    config.dev_fraction = 0.1;
    config.gold_articles = annotated_news_articles(&root).unwrap();
    config.gold_domain = true;
    assert!(
        config.gold_articles.len() >= 100,
        "the annotated articles are read"
    );
    let dev = evaluate_dev(&config).unwrap();
    let tokens = dev.gold.lines().count();
    assert!(tokens > 10_000, "dev split has {tokens} tokens");
    let (p, r, f) = dev.scores;
    eprintln!("dev: P {p:.1} R {r:.1} F1 {f:.1}");
    assert!(
        f >= 75.0,
        "dev micro F1 {f:.1} (P {p:.1} R {r:.1}) is below 75"
    );
}
