//! The tagger's quality bar: trained by the documented recipe on ANERcorp without its last
//! tenth, it tags that held-out tenth at micro F1 ≥ 75 (entity level, as conlleval and
//! `shared/eval/conll_f1.py` count). Training is deterministic, so this is the README's
//! figure, rebuilt from `data/` on every run.

use std::path::PathBuf;

use qari::analysis::conll::tag_conll;
use qari::analysis::tagger::Tagger;
use qari::analysis::train::{
    TrainConfig, add_clusters, add_training_lexicon, entity_f1, load_data, load_gazetteer,
    read_conll, train_config,
};

#[test]
fn held_out_anercorp_tenth_scores_at_least_75() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut config = TrainConfig::from_data_dir(&root.join("data"));
    config.dev_fraction = 0.1;
    let (sentences, dev_lines) = load_data(&config).unwrap();
    assert!(
        dev_lines.len() > 10_000,
        "dev split has {} tokens",
        dev_lines.len()
    );
    let mut gaz = load_gazetteer(&config.gazetteer_dir).unwrap();
    add_training_lexicon(&mut gaz, &sentences);
    add_clusters(&mut gaz, &config).unwrap();
    // Through the model bytes, as the shipped model is used.
    let tagger = Tagger::from_bytes(&train_config(&sentences, gaz, &config).to_bytes()).unwrap();
    let gold_text = dev_lines.join("\n") + "\n";
    let pred_text = tag_conll(&gold_text, &tagger);
    let flat = |text: &str| {
        vec![
            read_conll(text, true)
                .into_iter()
                .flatten()
                .map(|(_, t)| t)
                .collect::<Vec<_>>(),
        ]
    };
    let (p, r, f) = entity_f1(&flat(&gold_text), &flat(&pred_text));
    eprintln!("dev: P {p:.1} R {r:.1} F1 {f:.1}");
    assert!(
        f >= 75.0,
        "dev micro F1 {f:.1} (P {p:.1} R {r:.1}) is below 75"
    );
}
