//! Speech verbs (قال، أكد، أضاف …) in their inflections, participles (مضيفاً) and
//! attribution words (بحسب، وفق، قوله), with the grammatical gender a form shows.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use crate::analysis::normalize::normalize;

/// Grammatical gender shown by a verb form or a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// Masculine (also plural masculine).
    Masculine,
    /// Feminine (also used by organisations with a feminine head noun).
    Feminine,
}

/// What role a speech word plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// A finite verb (قال، وأضافت، يؤكد): its subject usually follows it.
    Verb,
    /// A participle continuing the current speaker (مضيفاً، مشيرةً، قائلاً).
    Participle,
    /// "بحسب X", "وفق X": the source follows.
    According,
    /// "قوله", "قولها": the speaker precedes it ("نقلت … عن X قوله").
    Saying,
}

/// A recognised speech word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// Kind of cue.
    pub kind: CueKind,
    /// Gender the form shows, if any.
    pub gender: Option<Gender>,
    /// Whether the verb reports another source (نقل: "نقلت الوكالة عن X").
    pub reporting: bool,
}

/// (past 3rd masc. sing., present stem after the prefix, active participle), normalised.
const VERBS: &[(&str, &str, &str)] = &[
    ("قال", "قول", "قائل"),
    ("اكد", "ؤكد", "مؤكد"),
    ("اضاف", "ضيف", "مضيف"),
    ("اوضح", "وضح", "موضح"),
    ("اشار", "شير", "مشير"),
    ("تابع", "تابع", "متابع"),
    ("تساءل", "تساءل", "متسائل"),
    ("زعم", "زعم", "زاعم"),
    ("صرح", "صرح", "مصرح"),
    ("اعتبر", "عتبر", "معتبر"),
    ("شدد", "شدد", "مشدد"),
    ("لفت", "لفت", "لافت"),
    ("اعلن", "علن", "معلن"),
    ("ذكر", "ذكر", "ذاكر"),
    ("كشف", "كشف", "كاشف"),
    ("حذر", "حذر", "محذر"),
    ("افاد", "فيد", "مفيد"),
    ("اردف", "ردف", "مردف"),
    ("استطرد", "ستطرد", "مستطرد"),
    ("استدرك", "ستدرك", "مستدرك"),
    ("علق", "علق", "معلق"),
    ("اجاب", "جيب", "مجيب"),
    ("رد", "رد", "راد"),
    ("كتب", "كتب", "كاتب"),
    ("غرد", "غرد", "مغرد"),
    ("اعرب", "عرب", "معرب"),
    ("ختم", "ختم", "خاتم"),
    ("اختتم", "ختتم", "مختتم"),
    ("سال", "سال", "سائل"),
    ("هتف", "هتف", "هاتف"),
    ("اقر", "قر", "مقر"),
    ("اعترف", "عترف", "معترف"),
    ("نوه", "نوه", "منوه"),
    ("دعا", "دعو", "داعي"),
    ("طالب", "طالب", "مطالب"),
    ("نقل", "نقل", "ناقل"),
    ("روي", "روي", "راوي"),
    ("وصف", "صف", "واصف"),
    ("نفي", "نفي", "نافي"),
    ("لاحظ", "لاحظ", "ملاحظ"),
    ("وعد", "عد", "واعد"),
    ("اصر", "صر", "مصر"),
    ("انتقد", "نتقد", "منتقد"),
    ("اتهم", "تهم", "متهم"),
    ("كرر", "كرر", "مكرر"),
    ("شرح", "شرح", "شارح"),
    ("ابلغ", "بلغ", "مبلغ"),
    ("تحدث", "تحدث", ""),
    ("نبه", "نبه", "منبه"),
    ("اشاد", "شيد", "مشيد"),
    ("ناشد", "ناشد", "مناشد"),
    ("استنكر", "ستنكر", "مستنكر"),
    ("تعهد", "تعهد", ""),
    ("حث", "حث", ""),
    ("نصح", "نصح", ""),
];

fn table() -> &'static HashMap<String, Cue> {
    static T: OnceLock<HashMap<String, Cue>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m = HashMap::default();
        let mut put = |form: String, kind: CueKind, gender: Option<Gender>, reporting: bool| {
            if form.chars().count() >= 2 {
                m.entry(form).or_insert(Cue {
                    kind,
                    gender,
                    reporting,
                });
            }
        };
        use CueKind::*;
        use Gender::*;
        for &(past, pres, part) in VERBS {
            let rep = matches!(past, "نقل" | "روي");
            if !past.is_empty() {
                put(past.to_string(), Verb, Some(Masculine), rep);
                let stem = past.strip_suffix(['ي', 'ا']).unwrap_or(past);
                let fem = if stem != past {
                    format!("{stem}ت")
                } else {
                    format!("{past}ت")
                };
                put(fem, Verb, Some(Feminine), rep);
                put(format!("{past}وا"), Verb, Some(Masculine), rep);
                put(format!("{past}ا"), Verb, Some(Masculine), rep);
                put(format!("{past}تا"), Verb, Some(Feminine), rep);
            }
            if !pres.is_empty() {
                put(format!("ي{pres}"), Verb, Some(Masculine), rep);
                put(format!("ت{pres}"), Verb, Some(Feminine), rep);
                put(format!("ي{pres}ون"), Verb, Some(Masculine), rep);
            }
            if !part.is_empty() {
                put(part.to_string(), Participle, Some(Masculine), false);
                put(format!("{part}ا"), Participle, Some(Masculine), false);
                put(format!("{part}ه"), Participle, Some(Feminine), false);
                put(format!("{part}ين"), Participle, Some(Masculine), false);
            }
        }
        // Hollow and weak forms the pattern above misses.
        put("قلن".into(), Verb, Some(Feminine), false);
        put("رات".into(), Verb, Some(Feminine), false);
        put("راي".into(), Verb, Some(Masculine), false);
        put("يري".into(), Verb, Some(Masculine), false);
        put("تري".into(), Verb, Some(Feminine), false);
        for w in ["بحسب", "حسب", "وفق", "وفقا", "طبقا", "نقلا"] {
            put(w.into(), According, None, false);
        }
        for (w, g) in [
            ("قوله", Some(Masculine)),
            ("قولها", Some(Feminine)),
            ("قولهم", Some(Masculine)),
            ("تاكيده", Some(Masculine)),
            ("تاكيدها", Some(Feminine)),
            ("تصريحه", Some(Masculine)),
            ("تصريحها", Some(Feminine)),
        ] {
            put(w.into(), Saying, g, false);
        }
        // The ambiguous "لفت" participle "لافت" ("remarkable") is too common to be a cue.
        m.remove("لافت");
        m.remove("لافته");
        m.remove("سائل");
        m.remove("مقر");
        m.remove("كاتب");
        m.remove("هاتف");
        m.remove("راد");
        m.remove("ذاكر");
        m.remove("معرب");
        m.remove("طالبا");
        m.remove("طالبه");
        m.remove("نافي");
        // Nouns and adjectives more often than speech: متهم (accused), مصر (Egypt), واعد
        // (promising), مبلغ (amount), مكرر (repeated), يعد (counts as).
        for w in [
            "متهم",
            "متهما",
            "متهمه",
            "متهمين",
            "مصر",
            "مصرا",
            "مصره",
            "مصرين",
            "واعد",
            "واعدا",
            "واعده",
            "واعدين",
            "مبلغ",
            "مبلغا",
            "مكرر",
            "مكررا",
            "مكرره",
            "يعد",
            "تعد",
            "عد",
            "عدت",
            "ملاحظ",
            "ملاحظه",
            "شارح",
            // nouns and adjectives more often than participles: an alarm clock, built
            "منبه",
            "منبهين",
            "مشيد",
            "مشيده",
            "مشيدين",
        ] {
            m.remove(w);
        }
        // "رد"/"ردا" are mostly the noun "reply" ("في رد مباشر", "رداً على").
        m.remove("رد");
        m.remove("ردا");
        m.remove("طالب");
        m
    })
}

/// The speech cue a word is, if any: conjunctions و/ف in front are allowed ("وأضافت").
pub fn speech_cue(word: &str) -> Option<Cue> {
    let n = normalize(word);
    let t = table();
    if let Some(c) = t.get(&n) {
        return Some(*c);
    }
    let mut chars = n.chars();
    if matches!(chars.next(), Some('و' | 'ف')) {
        let rest = chars.as_str();
        if let Some(c) = t.get(rest) {
            return Some(*c);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_and_gender() {
        assert_eq!(
            speech_cue("وقالت").map(|c| c.gender),
            Some(Some(Gender::Feminine))
        );
        assert_eq!(
            speech_cue("وأضاف").map(|c| c.gender),
            Some(Some(Gender::Masculine))
        );
        assert_eq!(speech_cue("وتابعت").map(|c| c.kind), Some(CueKind::Verb));
        assert_eq!(
            speech_cue("مضيفاً").map(|c| c.kind),
            Some(CueKind::Participle)
        );
        assert_eq!(speech_cue("يؤكد").map(|c| c.kind), Some(CueKind::Verb));
        assert_eq!(speech_cue("بحسب").map(|c| c.kind), Some(CueKind::According));
        assert_eq!(speech_cue("قوله").map(|c| c.kind), Some(CueKind::Saying));
        assert!(speech_cue("ونقلت").is_some_and(|c| c.reporting));
        assert!(speech_cue("الوضع").is_none());
    }
}
