//! Organisation head nouns ("وزارة", "هيئة", "نادي" …), one table for every rule that
//! needs them, with a column for each use: the two uses drifted apart as separate lists.

/// An organisation head noun, compared in normal form (ة as ه, ى as ي, alef forms folded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrgHead {
    /// The noun.
    pub word: &'static str,
    /// A trigger of the tagger's organisation features and of grouping's head test
    /// ("جماعة الخوذ البيضاء" and "الخوذ البيضاء" are one entity): nouns that open a name
    /// in news, including newspapers, channels and units (صحيفة، قناة، لواء).
    pub trigger: bool,
    /// Opens a name in the construct state for the organisation rules (منظمة حظر الأسلحة
    /// الكيمياوية، بلدية جدة، متحف اللوفر): also places that are bodies (مسجد، قاعة، محطة).
    pub construct: bool,
}

/// Every organisation head noun with its uses.
pub const ORG_HEADS: &[OrgHead] = &[
    OrgHead {
        word: "وزاره",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "وكاله",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "منظمه",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "مجلس",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "هيئه",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "جماعه",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "حركه",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "شركه",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "جامعه",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "حزب",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "اتحاد",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "بنك",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "مصرف",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "صندوق",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "نادي",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "منتخب",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "جمعيه",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "مؤسسه",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "معهد",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "مركز",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "لجنه",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "محكمه",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "برلمان",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "جيش",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "قوات",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "مجموعه",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "تحالف",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "جبهه",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "كتائب",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "صحيفه",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "قناه",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "اذاعه",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "مستشفي",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "رابطه",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "نقابه",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "دار",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "مجمع",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "اكاديميه",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "كليه",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "مدرسه",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "سلطه",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "بورصه",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "الجيش",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "الشرطه",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "الحكومه",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "البرلمان",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "المجلس",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "الهيئه",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "المنظمه",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "الوكاله",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "الوزاره",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "الحزب",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "الحركه",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "الاتحاد",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "الشركه",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "الجامعه",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "المحكمه",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "اللجنه",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "مفوضيه",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "المفوضيه",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "ديوان",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "امانه",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "مديريه",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "المديريه",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "شرطه",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "حكومه",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "مكتب",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "المكتب",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "مجلة",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "مجله",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "موقع",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "فريق",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "مختبر",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "غرفه",
        trigger: true,
        construct: true,
    },
    OrgHead {
        word: "المعهد",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "المركز",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "الصندوق",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "البنك",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "المصرف",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "المنتخب",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "النادي",
        trigger: true,
        construct: false,
    },
    OrgHead {
        word: "بلديه",
        trigger: false,
        construct: true,
    },
    OrgHead {
        word: "محطه",
        trigger: false,
        construct: true,
    },
    OrgHead {
        word: "قاعه",
        trigger: false,
        construct: true,
    },
    OrgHead {
        word: "مسجد",
        trigger: false,
        construct: true,
    },
    OrgHead {
        word: "متحف",
        trigger: false,
        construct: true,
    },
];

/// The nouns of [`ORG_HEADS`] marked `trigger`.
pub fn trigger_org_heads() -> impl Iterator<Item = &'static str> {
    ORG_HEADS.iter().filter(|h| h.trigger).map(|h| h.word)
}

/// Whether `word` (normalised) opens an organisation name in the construct state.
pub fn is_construct_org_head(word: &str) -> bool {
    ORG_HEADS.iter().any(|h| h.construct && h.word == word)
}
