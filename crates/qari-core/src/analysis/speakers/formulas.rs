//! Fixed phrases that name a speaker by themselves: religious citation formulas (قال تعالى،
//! قوله تعالى، قال الله تعالى → الله; قال رسول الله ﷺ، قال النبي → النبي) and the nouns of
//! statements, reports and studies that speak in news text (البيان، الدراسة، التقرير …).

use crate::analysis::entities::TaggedParagraph;
use crate::analysis::normalize::{normalize, split_clitics};
use crate::analysis::tokens::{TokenKind, is_sentence_end};
use crate::analysis::triggers::speech::speech_cue;

/// Name given to a quote of the Quran.
pub const GOD: &str = "الله";
/// Name given to a hadith quoted from the Prophet.
pub const PROPHET: &str = "النبي";

/// Nouns (normalised, with the article) of texts and bodies that "say" things in the news:
/// "وأضاف البيان", "وقالت الدراسة", "وذكر التقرير", "وأفاد المرصد".
pub const STATEMENT_NOUNS: &[&str] = &[
    "البيان",
    "الدراسه",
    "التقرير",
    "المرصد",
    "الرساله",
    "المذكره",
    "الوثيقه",
    "البلاغ",
    "الاعلان",
    "التصريح",
    "الشريط",
    "التسجيل",
    "الفيديو",
    "الصحيفه",
    "المجله",
    "الوكاله",
    "الاستطلاع",
    "المسح",
    "البحث",
];

/// Indefinite nouns that introduce an unnamed source as the subject of a speech verb:
/// "قال مصدر أمني", "وصرح دبلوماسي غربي", "أكد مسؤول عراقي".
pub const SOURCE_NOUNS: &[&str] = &[
    "مصدر",
    "مصادر",
    "مسؤول",
    "مسؤوله",
    "مسؤولون",
    "دبلوماسي",
    "دبلوماسيون",
    "متحدث",
    "متحدثه",
    "ناطق",
    "شاهد",
    "شهود",
    "خبير",
    "خبراء",
    "محلل",
    "مراقب",
    "مراقبون",
    "مسعف",
    "طبيب",
    "ضابط",
    "عضو",
    "نائب",
    "سفير",
    "مستشار",
    "موظف",
    "مواطن",
    "ناشط",
    "ناشطون",
    "قيادي",
];

/// Words that end a role phrase: prepositions, conjunctions and particles after which the
/// words are no longer part of who speaks ("الوزير خلال حوار", "المبعوث، طالبا").
pub const FUNCTION_WORDS: &[&str] = &[
    "ان",
    "بان",
    "انه",
    "انها",
    "الي",
    "علي",
    "في",
    "خلال",
    "حول",
    "امام",
    "عن",
    "عقب",
    "بعد",
    "قبل",
    "اثناء",
    "لدي",
    "من",
    "مع",
    "منذ",
    "الذي",
    "التي",
    "الذين",
    "اللذين",
    "كما",
    "انه",
    "لان",
    "اذ",
    "حيث",
    "بينما",
    "اليوم",
    "امس",
    "الاحد",
    "الاثنين",
    "الثلاثاء",
    "الاربعاء",
    "الخميس",
    "الجمعه",
    "السبت",
    "ايضا",
    "بدوره",
    "بدورها",
    "بالقول",
];

/// Words after which a name is not the subject of the preceding verb: prepositions and the
/// complementisers and relatives that open a clause of its own ("وقال إن الأخير عرض على
/// فلان", "الكلمة التي وجهها فلان").
pub const GOVERNING_WORDS: &[&str] = &[
    "ان",
    "بان",
    "انه",
    "انها",
    "لان",
    "الي",
    "علي",
    "عن",
    "مع",
    "من",
    "ضد",
    "بين",
    "لدي",
    "الذي",
    "التي",
    "الذين",
    "ما",
    "مما",
    "عندما",
    "حين",
    "بعد",
    "قبل",
    "امام",
    "حول",
];

/// The speaker a religious formula right before the opening token names, with the token
/// range of the words that name it.
pub fn religious(para: &TaggedParagraph, open_tok: usize) -> Option<(&'static str, usize)> {
    // Words before the quote, nearest first, within its sentence.
    let mut words: Vec<(usize, String)> = Vec::new();
    let mut j = open_tok;
    while j > 0 && words.len() < 8 {
        j -= 1;
        let raw = para.raw(j);
        if is_sentence_end(raw) {
            break;
        }
        if para.tokens[j].kind == TokenKind::Word {
            words.push((j, split_clitics(raw).with_article));
        }
    }
    // A speech cue (or the noun قول: "بقول الله تعالى") within the three words before
    // position k (in `words`, farther = higher).
    let is_cue = |t: usize, w: &str| {
        speech_cue(para.raw(t)).is_some()
            || matches!(
                normalize(w).as_str(),
                "قول" | "قوله" | "بقول" | "بقوله" | "لقول" | "لقوله"
            )
    };
    let cue_before = |k: usize| words.iter().skip(k + 1).take(3).any(|(t, w)| is_cue(*t, w));
    for (k, (t, w)) in words.iter().enumerate() {
        let n = normalize(w);
        // قال (الله) تعالى / سبحانه / عز وجل
        if matches!(n.as_str(), "تعالي" | "سبحانه" | "وجل") && cue_before(k) {
            return Some((GOD, *t));
        }
        // قال رسول الله / قال النبي / قال الرسول
        let next_is_god = k > 0 && normalize(&words[k - 1].1) == "الله";
        if ((n == "رسول" && next_is_god) || matches!(n.as_str(), "النبي" | "الرسول"))
            && words.iter().skip(k + 1).take(2).any(|(t, w)| is_cue(*t, w))
        {
            return Some((PROPHET, *t));
        }
    }
    None
}

/// True when the word (clitics allowed) is a statement noun with the article.
pub fn is_statement_noun(raw: &str) -> bool {
    let s = split_clitics(raw);
    STATEMENT_NOUNS.contains(&normalize(&s.with_article).as_str())
}
