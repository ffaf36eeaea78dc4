//! Behaviour of the speaker attribution stage: religious formulas, a speaker named after the
//! quote, abstention, addressees and governed names, statements, role anaphora and the
//! explanation of each choice. The texts are made up.

use qari_core::analysis::learned::Learned;
use qari_core::analysis::speakers::candidate::decision_values;
use qari_core::analysis::speakers::{Attribution, Decision, Source};
use qari_core::analysis::{Analysis, Options, Tagger, analyze};
use qari_core::document::Document;

fn run(paragraphs: &[&str]) -> Analysis {
    analyze(&Document::new(
        "عنوان",
        paragraphs.iter().map(|s| s.to_string()).collect(),
    ))
}

fn speakers(a: &Analysis) -> Vec<Option<String>> {
    a.listed_quotes().map(|q| q.speaker.clone()).collect()
}

/// The analysis with each quote's attribution.
fn explained(doc: &Document, tagger: &Tagger) -> (Analysis, Vec<Attribution>) {
    let options = Options {
        tagger: Some(tagger),
        explain: true,
        ..Options::default()
    };
    let done = qari_core::analysis::run(doc, options);
    (done.analysis, done.attributions)
}

#[test]
fn religious_formulas_name_god_and_the_prophet() {
    let a = run(&[
        "وفي خطبة الجمعة قال تعالى: «وتعاونوا على البر والتقوى ولا تعاونوا على الإثم»",
        "وذكّر الخطيب بقول الله تعالى «إن الله يأمر بالعدل والإحسان».",
        "وعن أبي هريرة رضي الله عنه قال: قال رسول الله ﷺ «الكلمة الطيبة صدقة بين الناس».",
        "وقال النبي «تبسمك في وجه أخيك صدقة لك».",
    ]);
    let s = speakers(&a);
    assert_eq!(s.len(), 4, "{s:?}");
    assert_eq!(s[0].as_deref(), Some("الله"), "{s:?}");
    assert_eq!(s[1].as_deref(), Some("الله"), "{s:?}");
    assert_eq!(s[2].as_deref(), Some("النبي"), "{s:?}");
    assert_eq!(s[3].as_deref(), Some("النبي"), "{s:?}");
}

#[test]
fn a_speaker_named_after_the_quote_beats_continuation() {
    let a = run(&[
        "وقال وزير المالية محمد العلي إن \"الميزانية الجديدة تدعم المشاريع الصغيرة\".",
        "وأضاف \"الإصلاحات ستستمر حتى نهاية العام المقبل\"، قال رئيس الوزراء أحمد الحسن.",
    ]);
    let s = speakers(&a);
    assert_eq!(s.len(), 2, "{s:?}");
    assert!(
        s[0].as_deref().is_some_and(|n| n.contains("محمد العلي")),
        "{s:?}"
    );
    assert!(
        s[1].as_deref().is_some_and(|n| n.contains("أحمد الحسن")),
        "{s:?}"
    );
}

#[test]
fn no_candidate_means_no_speaker() {
    // A subjectless verb with nobody quoted before: nothing to continue.
    let a = run(&["وأضاف \"الطقس سيكون باردا جدا في الأيام المقبلة\"."]);
    assert_eq!(speakers(&a), vec![None]);
}

#[test]
fn an_addressee_is_not_the_speaker() {
    let a = run(&["وقال مصدر أمني لوكالة فرانس برس إن \"الهجوم وقع فجرا قرب الحدود الشرقية\"."]);
    let s = speakers(&a);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].as_deref(), Some("مصدر أمني"), "{s:?}");
}

#[test]
fn the_object_of_reported_speech_is_not_the_speaker() {
    // "وقال إن الأخير عرض على X": X is who the offer went to.
    let a = run(&[
        "وقال المتحدث باسم الحكومة سامي النجار إن \"المفاوضات مستمرة بين الطرفين\".",
        "وقال إن الوسيط عرض على خالد الأحمد \"خطة من عشر نقاط للحل النهائي\".",
    ]);
    let s = speakers(&a);
    assert_eq!(s.len(), 2, "{s:?}");
    assert!(
        !s[1].as_deref().is_some_and(|n| n.contains("خالد الأحمد")),
        "{s:?}"
    );
}

#[test]
fn a_statement_named_by_its_issuer_speaks_but_a_bare_statement_noun_names_nobody() {
    let a = run(&["وقال البيان إن \"الشركة حققت أرباحا قياسية خلال العام الماضي\"."]);
    assert_eq!(speakers(&a), vec![None], "«البيان» alone is not a name");
    let a = run(&["وقالت وزارة الصحة في بيان إن \"الوضع الوبائي مستقر في جميع المناطق\"."]);
    let s = speakers(&a);
    assert!(
        s[0].as_deref().is_some_and(|n| n.contains("وزارة الصحة")),
        "{s:?}"
    );
}

#[test]
fn a_definite_role_is_the_person_introduced_with_it() {
    let a = run(&[
        "التقى وزير الخارجية الأردني سامر الخطيب نظيره في العاصمة أمس.",
        "وشدد الوزير خلال المؤتمر على \"ضرورة التوصل إلى حل سياسي شامل\".",
    ]);
    let s = speakers(&a);
    assert_eq!(s.len(), 1, "{s:?}");
    assert!(
        s[0].as_deref().is_some_and(|n| n.contains("سامر الخطيب")),
        "{s:?}"
    );
}

#[test]
fn a_role_noun_alone_is_read_to_the_preposition_and_names_nobody()
-> Result<(), Box<dyn std::error::Error>> {
    let doc = Document::new(
        "عنوان",
        vec!["وقال المسؤول خلال حوار حول الاقتصاد إن \"النمو سيتسارع في الربع المقبل\".".to_string()],
    );
    let (a, explained) = explained(&doc, Tagger::default_model()?);
    assert_eq!(speakers(&a), vec![None]);
    let best = explained[0]
        .candidates
        .first()
        .map(|c| c.speaker.name.as_str());
    assert_eq!(best, Some("المسؤول"), "the role phrase stops at خلال");
    assert_eq!(explained[0].decision, Decision::RoleOnly);
    Ok(())
}

#[test]
fn explanations_list_candidates_and_the_decision() -> Result<(), Box<dyn std::error::Error>> {
    let doc = Document::new(
        "عنوان",
        vec![
            "وقال وزير المالية محمد العلي إن \"الميزانية الجديدة تدعم المشاريع الصغيرة\".".into(),
            "وأضاف \"الإصلاحات ستستمر حتى نهاية العام المقبل\".".into(),
            "\"لا تعليق على ذلك الآن من جانبنا\".".into(),
        ],
    );
    let (a, explained) = explained(&doc, Tagger::default_model()?);
    assert_eq!(a.quotes.len(), explained.len());
    let listed: Vec<_> = a
        .quotes
        .iter()
        .zip(&explained)
        .filter(|(q, _)| !q.short)
        .map(|(_, e)| e)
        .collect();
    assert_eq!(listed.len(), 3);
    assert_eq!(listed[0].decision, Decision::Chosen);
    assert_eq!(listed[1].decision, Decision::Chosen);
    assert_eq!(
        listed[1].candidates.first().map(|c| c.source),
        Some(Source::Continuation)
    );
    assert_eq!(listed[2].decision, Decision::NoCandidate);
    assert!(listed[2].reason().contains("abstained"));
    // The speaker model scores every candidate and ranks them by that score; the best one's
    // score is what the decision compared with the threshold.
    let model = &Learned::shipped().speakers;
    for e in &listed {
        for (i, c) in e.candidates.iter().enumerate() {
            let v = decision_values(&e.candidates, i).ok_or("a candidate has values")?;
            assert_eq!(c.confidence, model.score(&v));
        }
        assert_eq!(e.confidence, e.candidates.first().map(|c| c.confidence));
        for pair in e.candidates.windows(2) {
            assert!(
                pair[0].confidence >= pair[1].confidence,
                "ranked best first"
            );
        }
    }
    Ok(())
}
