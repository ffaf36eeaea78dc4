//! Behaviour of the analysis rules: clitics, hashtags, dates, quote edge cases, speakers.

use std::error::Error;

use qari_core::analysis::{Analysis, EntityKind, Tagger, analyze};
use qari_core::document::Document;

fn run(paragraphs: &[&str]) -> Analysis {
    analyze(&Document::new(
        "عنوان",
        paragraphs.iter().map(|p| p.to_string()).collect(),
    ))
}

fn entity<'a>(a: &'a Analysis, name: &str) -> Option<&'a qari_core::analysis::Entity> {
    a.entities.iter().find(|e| e.name == name)
}

#[test]
fn clitics_are_outside_the_mention() -> Result<(), Box<dyn Error>> {
    let a = run(&[
        "زار الوفد روسيا ثم عاد إلى موسكو.",
        "وصل الوزير بموسكو وموسكو ترحب به، وأكد والكرملين ذلك.",
        "قدم الوزير الشكر لروسيا.",
    ]);
    let moscow = entity(&a, "موسكو").ok_or("no موسكو")?;
    assert!(moscow.mentions.len() >= 2, "{:?}", moscow.mentions);
    for m in &moscow.mentions {
        assert_eq!(m.text, "موسكو");
    }
    let russia = entity(&a, "روسيا").ok_or("no روسيا")?;
    assert!(russia.mentions.iter().all(|m| m.text == "روسيا"));
    assert!(
        russia.mentions.iter().any(|m| m.paragraph == 2),
        "لروسيا not found: {:?}",
        russia.mentions
    );
    // Offsets are chars within the paragraph.
    for e in &a.entities {
        for m in &e.mentions {
            let slice: String = a.paragraphs[m.paragraph]
                .chars()
                .skip(m.start)
                .take(m.end - m.start)
                .collect();
            assert_eq!(slice, m.text);
        }
    }
    Ok(())
}

#[test]
fn hashtag_is_listed_and_names_its_entity() -> Result<(), Box<dyn Error>> {
    let a = run(&[
        "تظاهر الآلاف في #سوريا أمس.",
        "وقالت الحكومة إن سوريا ستتعاون.",
    ]);
    let tag = a
        .entities
        .iter()
        .find(|e| e.kind == EntityKind::Hashtag)
        .ok_or("no hashtag")?;
    assert_eq!(tag.name, "#سوريا");
    let syria = entity(&a, "سوريا").ok_or("no سوريا")?;
    assert_eq!(syria.kind, EntityKind::Place);
    assert!(
        syria
            .mentions
            .iter()
            .any(|m| m.paragraph == 0 && m.text == "سوريا")
    );
    Ok(())
}

#[test]
fn person_surname_joins_full_name() -> Result<(), Box<dyn Error>> {
    let a = run(&[
        "قال الرئيس الفرنسي إيمانويل ماكرون إن الوضع صعب.",
        "وأضاف ماكرون أن الحل ممكن.",
    ]);
    let persons: Vec<_> = a
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .collect();
    assert_eq!(persons.len(), 1, "{persons:?}");
    assert_eq!(persons[0].mentions.len(), 2);
    Ok(())
}

#[test]
fn dates_in_both_month_systems() -> Result<(), Box<dyn Error>> {
    let a = run(&[
        "وصل الوفد يوم الخميس 5 يناير 2023، أي في كانون الثاني، الموافق 13 جمادى الآخرة 1444 هـ.",
    ]);
    let dates: Vec<&str> = a
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Date)
        .map(|e| e.name.as_str())
        .collect();
    assert!(dates.contains(&"كانون الثاني"), "{dates:?}");
    assert!(dates.iter().any(|d| d.contains("يناير 2023")), "{dates:?}");
    assert!(dates.iter().any(|d| d.contains("1444 هـ")), "{dates:?}");
    Ok(())
}

#[test]
fn quote_edge_cases() -> Result<(), Box<dyn Error>> {
    let a = run(&[
        "ونقلت وكالة \"رويترز\" عن الوزير قوله: «نحن نرفض ما يسمى \"الحل المؤقت\" ولن نقبل به أبدا».",
        "وبلغت نسبة المشاركة \"45%\" في الانتخابات التي وصفها المراقبون بـ\"النزيهة\".",
        "وقال المتحدث: \"هذه جملة لم تغلق علامتها حتى نهاية الفقرة.",
    ]);
    let listed: Vec<&str> = a.listed_quotes().map(|q| q.text.as_str()).collect();
    // The nested quote stays inside its outer quote and is not listed on its own.
    assert!(
        listed
            .iter()
            .any(|q| q.starts_with("نحن نرفض") && q.contains("\"الحل المؤقت\"")),
        "{listed:?}"
    );
    assert!(!listed.contains(&"الحل المؤقت"));
    // A quoted agency name, a quoted number and a one-word scare quote are not listed.
    assert!(!listed.contains(&"رويترز"));
    assert!(!listed.contains(&"45%"));
    assert!(!listed.contains(&"النزيهة"));
    assert!(a.quotes.iter().any(|q| q.text == "النزيهة" && q.short));
    // The unclosed quote runs to the end of its paragraph.
    let unclosed = a
        .quotes
        .iter()
        .find(|q| q.paragraph == 2)
        .ok_or("no unclosed quote")?;
    assert!(unclosed.unclosed);
    assert!(unclosed.text.ends_with("نهاية الفقرة"), "{}", unclosed.text);
    Ok(())
}

#[test]
fn unquoted_speech_after_colon() -> Result<(), Box<dyn Error>> {
    let a = run(&[
        "وقال رئيس الوزراء في كلمته: الحكومة ماضية في الإصلاحات الاقتصادية مهما كانت الصعوبات، بحسب تعبيره.",
    ]);
    let q = a.listed_quotes().next().ok_or("no colon quote")?;
    assert_eq!(
        q.text,
        "الحكومة ماضية في الإصلاحات الاقتصادية مهما كانت الصعوبات"
    );
    Ok(())
}

#[test]
fn speaker_continuation_follows_gender() -> Result<(), Box<dyn Error>> {
    let a = run(&[
        "وقال وزير المالية خالد الراشد: \"الميزانية متوازنة هذا العام\".",
        "وقالت وزيرة الصحة ليلى العمري: \"المستشفيات جاهزة لاستقبال المرضى\".",
        "وأضاف أن \"العجز سينخفض في السنوات المقبلة\".",
        "وتابعت: \"سنفتتح ثلاثة مراكز جديدة قريبا\".",
    ]);
    let speakers: Vec<Option<&str>> = a.listed_quotes().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(speakers.len(), 4, "{speakers:?}");
    assert_eq!(
        speakers[2], speakers[0],
        "وأضاف continues the man: {speakers:?}"
    );
    assert_eq!(
        speakers[3], speakers[1],
        "وتابعت continues the woman: {speakers:?}"
    );
    assert!(speakers[0].is_some() && speakers[1].is_some() && speakers[0] != speakers[1]);
    Ok(())
}

#[test]
fn reported_source_speaks() -> Result<(), Box<dyn Error>> {
    let a = run(&[
        "ونقلت وكالة \"رويترز\" عن البنك الدولي قوله: \"النمو سيتباطأ في المنطقة العام المقبل\".",
    ]);
    let q = a.listed_quotes().next().ok_or("no quote")?;
    assert_eq!(q.speaker.as_deref(), Some("البنك الدولي"));
    Ok(())
}

#[test]
fn json_has_exactly_the_schema_fields() -> Result<(), Box<dyn Error>> {
    let a = run(&["قال محمد: \"نحن هنا اليوم\"."]);
    let v: serde_json::Value = serde_json::from_str(&a.to_json_string())?;
    let keys: Vec<&String> = v.as_object().ok_or("not an object")?.keys().collect();
    assert_eq!(keys.len(), 4);
    for q in v["quotes"].as_array().ok_or("no quotes")? {
        let mut k: Vec<&String> = q.as_object().ok_or("bad quote")?.keys().collect();
        k.sort();
        assert_eq!(k, ["end", "paragraph", "speaker", "start", "text"]);
    }
    Ok(())
}

#[test]
fn never_panics_on_odd_input() -> Result<(), Box<dyn Error>> {
    let odd = [
        "",
        " ",
        "\"",
        "«",
        "»»««",
        "\"\"\"",
        "#",
        "#_",
        "##سوريا",
        ":",
        "قال:",
        "قال: \"",
        "وقالت",
        "\u{200f}\u{200e}",
        "ـــ",
        "١٢/٤/٢٠١٨",
        "12/",
        "2018-",
        "ﷺ",
        "a\u{0301}",
        "للل",
        "وو",
        "ب",
        "\u{feff}قال",
        "“”„",
        "«\"»\"",
        "الرئيس",
        "وكالة \"",
        "عن قوله:",
    ];
    for p in odd {
        let a = run(&[p, p]);
        let _ = a.to_json_string();
    }
    let long: String = "كلمة \"اقتباس ".repeat(2000);
    let _ = run(&[&long]);
    Ok(())
}

#[test]
fn model_loads_and_round_trips() -> Result<(), Box<dyn Error>> {
    let t = Tagger::default_model()?;
    let tags = t.tag(&["قال", "الرئيس", "باراك", "أوباما", "في", "واشنطن"]);
    assert_eq!(tags.len(), 6);
    assert!(Tagger::from_bytes(b"nonsense").is_err());
    Ok(())
}

#[test]
fn conll_tagging_keeps_lines() -> Result<(), Box<dyn Error>> {
    let t = Tagger::default_model()?;
    let input = "زار O\nالرئيس O\nالمصري O\nالقاهرة B-LOC\n. O\n\nوصل O\n";
    let out = qari_core::analysis::conll::tag_conll(input, t);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 7);
    assert_eq!(lines[5], "");
    assert!(lines[3].starts_with("القاهرة "));
    for l in lines.iter().filter(|l| !l.is_empty()) {
        let tag = l.rsplit(' ').next().unwrap_or("");
        assert!(
            [
                "O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"
            ]
            .contains(&tag),
            "{l}"
        );
    }
    Ok(())
}

#[test]
fn persons_after_titles_and_role_nouns_speak() -> Result<(), Box<dyn Error>> {
    let a = run(&[
        "حضرت الحفل وزيرة البيئة ليلى الزعبي وعدد من المسؤولين.",
        "وقالت رئيسة الاتحاد النسائي لشؤون الأسرة نادين الكيلاني: \"سنواصل العمل مع الجميع\".",
        "وعلق المحلل المالي باسل القاسمي على القرار قائلا إن \"الأسواق تنتظر إشارات أوضح\".",
    ]);
    for name in ["ليلى الزعبي", "نادين الكيلاني", "باسل القاسمي"]
    {
        let e = entity(&a, name).ok_or(format!("no {name}: {:?}", a.entities))?;
        assert_eq!(e.kind, EntityKind::Person, "{name}");
    }
    let speakers: Vec<Option<&str>> = a.listed_quotes().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(
        speakers,
        vec![Some("نادين الكيلاني"), Some("باسل القاسمي")],
        "{:?}",
        a.quotes
    );
    Ok(())
}

#[test]
fn organisation_subject_before_the_verb_speaks() -> Result<(), Box<dyn Error>> {
    let a =
        run(&["انتقدت نقابة أطباء حلب الخطة، وقالت في بيان إن \"الخطة لا تراعي حاجات المرضى\"."]);
    let q: Vec<_> = a.listed_quotes().collect();
    assert_eq!(q.len(), 1, "{:?}", a.quotes);
    // The rule under test is the speaker: the organisation, subject before the verb. Where
    // its name ends is the tagger's: the news tagger runs it over the verb's object
    // ("نقابة أطباء حلب الخطة", a known boundary error, ANALYSIS.md).
    let speaker = q[0].speaker.as_deref().unwrap_or_default();
    assert!(
        speaker.starts_with("نقابة أطباء حلب"),
        "{speaker}: {:?}",
        a.entities
    );
    let org = entity(&a, speaker).ok_or("the speaker is an entity")?;
    assert_eq!(org.kind, EntityKind::Organization);
    Ok(())
}

#[test]
fn the_body_names_an_entity_not_the_headline() -> Result<(), Box<dyn Error>> {
    // Headlines run a name into its verb; the body's own mention names the entity.
    let a = analyze(&Document::new(
        "جامعة قطر تطلق برنامجا جديدا",
        vec!["أعلنت جامعة قطر اليوم إطلاق برنامج جديد للطلاب.".to_string()],
    ));
    let uni = a
        .entities
        .iter()
        .find(|e| e.mentions.iter().any(|m| m.text == "جامعة قطر"))
        .ok_or("no جامعة قطر in the body")?;
    assert_eq!(uni.name, "جامعة قطر", "{:?}", a.entities);
    Ok(())
}

#[test]
fn a_name_after_bin_is_another_person() -> Result<(), Box<dyn Error>> {
    // "خالد" in "عبد الله بن خالد" is the father: a later "الأمير خالد" is not the son.
    let a = run(&[
        "استقبل الأمير عبد الله بن خالد الوفد في الرياض أمس.",
        "وأشار الأمير خالد إلى أهمية الزيارة للبلدين.",
    ]);
    let long = entity(&a, "عبد الله بن خالد").ok_or("the long name is found")?;
    assert_eq!(long.mentions.len(), 1, "{:?}", long.mentions);
    let short = entity(&a, "خالد").ok_or("the short name is its own person")?;
    assert_eq!(short.kind, EntityKind::Person);
    Ok(())
}

/// No entity is listed under this name (normalised comparison is not needed: the names are
/// taken from the text as written).
fn absent(a: &Analysis, name: &str) -> bool {
    entity(a, name).is_none()
}

#[test]
fn names_keep_a_first_letter_that_could_be_a_clitic() {
    // Names that begin with ف، ك or فال/كال keep their first letter; real clitics still go.
    let a = run(&[
        "فاز فريق فالنسيا على ضيفه، وسجل كارلوس بويول هدفين.",
        "وصل كالديرون إلى المطار، واستقبل فيديل كاسترو الوفد.",
        "وأكد والكرملين ذلك، وزار الوفد بالعراق مدينة البصرة.",
    ]);
    for gone in ["النسيا", "ارلوس", "الديرون", "يديل كاسترو"] {
        assert!(absent(&a, gone), "{gone} listed: {:?}", names(&a));
    }
    assert!(entity(&a, "فالنسيا").is_some(), "{:?}", names(&a));
    assert!(entity(&a, "الكرملين").is_some(), "{:?}", names(&a));
    assert!(entity(&a, "العراق").is_some(), "{:?}", names(&a));
}

fn names(a: &Analysis) -> Vec<(String, EntityKind)> {
    a.entities
        .iter()
        .map(|e| (e.name.clone(), e.kind))
        .collect()
}

#[test]
fn long_organisation_names_stay_whole() {
    let a = run(&[
        "أعلنت وزارة التعليم والبحث العلمي عن منح جديدة، ونظم معهد الدوحة للدراسات العليا ندوة.",
        "وقالت الإدارة العامة للمرور بمنطقة الرياض إن الحوادث تراجعت.",
        "وتخرج الطلاب في جامعة الملك سعود، ونقل المصاب إلى مستشفى الملك فهد.",
        "وأقيم الحفل في قاعة الأمير سلطان للمؤتمرات بحضور ممثلين عن مفوضية الأمم المتحدة لشؤون اللاجئين.",
    ]);
    for org in [
        "وزارة التعليم والبحث العلمي",
        "معهد الدوحة للدراسات العليا",
        "الإدارة العامة للمرور بمنطقة الرياض",
        "جامعة الملك سعود",
        "مستشفى الملك فهد",
        "قاعة الأمير سلطان للمؤتمرات",
        "مفوضية الأمم المتحدة لشؤون اللاجئين",
    ] {
        let e = entity(&a, org).ok_or_else(|| format!("{org} missing: {:?}", names(&a)));
        assert!(e.is_ok_and(|e| e.kind == EntityKind::Organization), "{org}");
    }
    // The person in an institution's name is not a person of the text.
    for person in ["سعود", "فهد", "سلطان"] {
        assert!(absent(&a, person), "{person} listed: {:?}", names(&a));
    }
}

#[test]
fn adjectives_of_another_word_end_an_organisation_name() {
    // "المصري" describes the minister, "الأسبوعية" the session, "لمنزل" is not a domain.
    let a = run(&[
        "وقال وزير الخارجية المصري إن الحوار مستمر.",
        "وعقد مجلس الوزراء جلسته الأسبوعية، ودعا البنك التجاري لتحقيق النجاح.",
        "ووصل الجيش الإسرائيلي لمنزل أسرته الساعة الثانية.",
        "وقعت منظمة التحرير الفلسطينية والحكومة الإسرائيلية الاتفاق.",
    ]);
    for bad in [
        "الخارجية المصري",
        "البنك التجاري لتحقيق النجاح",
        "الجيش الإسرائيلي لمنزل أسرته الساعة الثانية",
        "منظمة التحرير الفلسطينية والحكومة الإسرائيلية",
    ] {
        assert!(absent(&a, bad), "{bad} listed: {:?}", names(&a));
    }
    assert!(
        entity(&a, "منظمة التحرير الفلسطينية").is_some(),
        "{:?}",
        names(&a)
    );
}

#[test]
fn gazetteer_words_need_a_place_context() {
    // Countries and cities that are also common words are places only where a place stands.
    let a = run(&[
        "يتمتع البنك بحجم وقوة مركز مالي وتاريخ من الأداء المتميز.",
        "وتصاعد الدخان الرمادي من المصنع، ودعا الشيخ أن يكون الشهر شهر رحمة وبركة.",
        "وقال أحد المسؤولين إن الشرطة وصلت، وأكد أحد الشهود ذلك.",
        "ونشرت الوزارة صور الحادث بعد زيارة الوفد مدينة صور اللبنانية.",
        "وأرسلت فرنسا جنودا إلى مالي، وانفجرت سيارة في بعقوبة.",
    ]);
    for common in ["الرمادي", "بركة", "أحد الشهود", "أحد المسؤولين", "أحد"]
    {
        assert!(absent(&a, common), "{common} listed: {:?}", names(&a));
    }
    let mali = entity(&a, "مالي").ok_or_else(|| format!("{:?}", names(&a)));
    // "مركز مالي" (a financial centre) is not a mention of the country.
    assert!(
        mali.is_ok_and(|e| e.mentions.iter().all(|m| m.paragraph == 4)),
        "{:?}",
        names(&a)
    );
    // "صور الحادث" (pictures of the accident) is no mention of the city; the city itself,
    // "مدينة صور", is the tagger's to find (the news tagger misses it here, ANALYSIS.md).
    let at = "ونشرت الوزارة ".chars().count();
    let pictures = a
        .entities
        .iter()
        .flat_map(|e| &e.mentions)
        .any(|m| m.paragraph == 3 && m.start == at);
    assert!(!pictures, "صور الحادث read as the city: {:?}", names(&a));
    assert!(entity(&a, "بعقوبة").is_some(), "{:?}", names(&a));
}

#[test]
fn clubs_in_match_reports_are_organisations() {
    let a = run(&[
        "قلب فريق الوحدة تأخره بهدف إلى فوز بثلاثة أهداف مقابل هدف على ضيفه الشارقة في الدوري.",
        "وقال مدرب الوحدة إن المنافسة مع العين ستستمر حتى الجولة الأخيرة من الموسم.",
        "ورفع الوحدة رصيده إلى 31 نقطة، بفارق نقطتين عن العين المتصدر، وسجل اللاعب هدفين في المباراة.",
    ]);
    for club in ["الوحدة", "الشارقة", "العين"] {
        let e = entity(&a, club).ok_or_else(|| format!("{club} missing: {:?}", names(&a)));
        assert!(
            e.is_ok_and(|e| e.kind == EntityKind::Organization),
            "{club}: {:?}",
            names(&a)
        );
    }
    // The common word a club word made a club is that club wherever the report uses it.
    let wahda = entity(&a, "الوحدة").ok_or("no الوحدة");
    assert!(
        wahda.is_ok_and(|e| (0..3).all(|p| e.mentions.iter().any(|m| m.paragraph == p))),
        "{:?}",
        a.entities.iter().find(|e| e.name == "الوحدة")
    );
    // A scorer's name stops before "الهدفين" (the two goals).
    let c = run(&[
        "وسجل اللاعب عمر خريبين الهدفين في مرمى الفريق الضيف خلال المباراة، وقال مدرب الفريق إن الأهداف جاءت في الشوط الثاني من الدوري.",
    ]);
    assert!(entity(&c, "عمر خريبين").is_some(), "{:?}", names(&c));
    // Outside a match report the same city stays a place.
    // (Named "الشارقة" or, with its head noun, "مدينة الشارقة", as the gold files allow.)
    let b = run(&["زار الوزير مدينة الشارقة وافتتح فيها معرضا للكتاب."]);
    let e = b.entities.iter().find(|e| e.name.ends_with("الشارقة"));
    assert!(
        e.is_some_and(|e| e.kind == EntityKind::Place),
        "{:?}",
        names(&b)
    );
}
