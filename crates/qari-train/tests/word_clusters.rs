//! Word clusters for the tagger: the same text gives the same clusters, and they survive the
//! gazetteer's text form.

#[test]
fn word_clusters_are_deterministic_and_stored() {
    use qari_core::analysis::gazetteer::Gazetteer;
    use qari_train::word_clusters;
    let mut text = Vec::new();
    for city in ["دمشق", "بيروت", "عمان", "القاهرة"] {
        for verb in ["زار", "وصل", "غادر"] {
            for _ in 0..2 {
                text.push(
                    ["الوزير", verb, "إلى", city, "أمس", "."]
                        .iter()
                        .map(|s| s.to_string())
                        .collect::<Vec<_>>(),
                );
            }
        }
    }
    let a = word_clusters(&text, 8);
    assert_eq!(a, word_clusters(&text, 8));
    assert!(a.contains_key("دمشق"));
    let mut g = Gazetteer::default();
    g.set_clusters(a.clone());
    let back = Gazetteer::from_text(&g.to_text());
    for (w, ids) in &a {
        assert_eq!(back.cluster(w), *ids, "{w}");
    }
    assert_eq!(back.cluster("غير_موجود"), (0, 0));
}
