//! Sport: the words of match reports (tagger feature and the club rule) and the words that
//! put a name in a club's place (فريق الوحدة، مدرب العين، على ضيفه الشارقة).

/// Words of match reports (normalised, clitics removed, article kept).
pub const SPORT_WORDS: &[&str] = &[
    "مباراه",
    "المباراه",
    "مباريات",
    "المباريات",
    "هدف",
    "الهدف",
    "اهداف",
    "الاهداف",
    "الدقيقه",
    "فريق",
    "الفريق",
    "لاعب",
    "اللاعب",
    "لاعبين",
    "اللاعبين",
    "الدوري",
    "دوري",
    "بطوله",
    "البطوله",
    "كاس",
    "المنتخب",
    "منتخب",
    "ملعب",
    "الملعب",
    "استاد",
    "مدرب",
    "المدرب",
    "الشوط",
    "التعادل",
    "مرمي",
    "المرمي",
    "حارس",
    "الحارس",
    "نادي",
    "النادي",
    "الموسم",
    "المهاجم",
    "الجماهير",
    "تسجيل",
    "سجل",
    "مضيفه",
    "ضيفه",
];

/// Whether a normalised word (clitics removed, article kept) is one of [`SPORT_WORDS`].
pub fn is_sport_word(w: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| SPORT_WORDS.iter().copied().collect())
        .contains(w)
}

/// Words after which a name in a match report is a club (فريق الوحدة، مدرب العين، ضيفه
/// الشارقة, normalised, clitics removed).
pub const CLUB_CONTEXT: &[&str] = &[
    "فريق",
    "نادي",
    "مدرب",
    "لاعب",
    "لاعبو",
    "لاعبي",
    "قائد",
    "مهاجم",
    "حارس",
    "جماهير",
    "ضيفه",
    "مضيفه",
    "منافسه",
    "غريمه",
    "مرمي",
    "شباك",
    "رئيس نادي",
    "مباراه",
    "امام",
];

/// Whether a normalised word (clitics removed) is one of [`CLUB_CONTEXT`].
pub fn is_club_context(w: &str) -> bool {
    CLUB_CONTEXT.contains(&w)
}
