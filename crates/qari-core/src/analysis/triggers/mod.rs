//! The closed word lists that trigger the analysis, in one place: titles, organisation and
//! place heads and role links (tagger features and rules, here), speech verbs (`speech`),
//! and the head nouns, stop words and non-names of the entity rules (`rules`).

// Fx hashing: these sets are looked up for every word analysed.
use rustc_hash::FxHashSet;

use crate::analysis::normalize::normalize;

pub mod org_heads;
pub mod rules;
pub mod speech;
pub mod sport;

/// Titles and roles that precede a person's name (normalised, article included where used).
pub const TITLES: &[&str] = &[
    "الرئيس",
    "رئيس",
    "رئيسه",
    "الرئيسه",
    "وزير",
    "الوزير",
    "وزيره",
    "الوزيره",
    "الملك",
    "الملكه",
    "الامير",
    "الاميره",
    "امير",
    "الشيخ",
    "السيد",
    "السيده",
    "الدكتور",
    "الدكتوره",
    "د",
    "المتحدث",
    "المتحدثه",
    "الناطق",
    "الناطقه",
    "متحدث",
    "النائب",
    "نائب",
    "النائبه",
    "السفير",
    "سفير",
    "الجنرال",
    "العقيد",
    "اللواء",
    "العميد",
    "الفريق",
    "المشير",
    "المستشار",
    "المستشاره",
    "الامين",
    "امين",
    "الزعيم",
    "زعيم",
    "المدرب",
    "مدرب",
    "اللاعب",
    "لاعب",
    "الكاتب",
    "الكاتبه",
    "الفنان",
    "الفنانه",
    "الممثل",
    "الممثله",
    "الروائي",
    "الشاعر",
    "الاستاذ",
    "البروفيسور",
    "المهندس",
    "القاضي",
    "الامام",
    "البابا",
    "المرشد",
    "المدير",
    "مدير",
    "المديره",
    "مديره",
    "قائد",
    "القائد",
    "محافظ",
    "المحافظ",
    "عمده",
    "حاكم",
    "الحاكم",
    "المبعوث",
    "مبعوث",
    "المندوب",
    "المفوض",
    "السلطان",
    "الرئيسان",
    "المخرج",
    "المخرجه",
    "المغني",
    "المغنيه",
    "الباحث",
    "الباحثه",
    "العالم",
    "الصحفي",
    "الصحفيه",
    "المراسل",
    "رئيسا",
    "النجم",
    "النجمه",
    "الحارس",
    "المهاجم",
    "الوزيران",
    "عضو",
    "العضو",
    "المرشح",
    "المرشحه",
    "الحاخام",
    "المطران",
    "الكاردينال",
    "البطريرك",
    "الاخ",
    "المنتج",
    "المنتجه",
    "الخبير",
    "الخبيره",
    "المحلل",
    "المحلله",
    "الناشط",
    "الناشطه",
    "المحامي",
    "المحاميه",
    "الطبيب",
    "الطبيبه",
    "البروفسور",
    "الاعلامي",
    "الاعلاميه",
    "الدبلوماسي",
    "رئيسه",
    "مستشار",
    "مستشاره",
    "الوزير",
    "محافظه",
];

/// Head nouns that open a place name.
pub const PLACE_HEADS: &[&str] = &[
    "مدينه",
    "محافظه",
    "ولايه",
    "اقليم",
    "منطقه",
    "قريه",
    "بلده",
    "عاصمه",
    "جزيره",
    "نهر",
    "بحر",
    "جبل",
    "بحيره",
    "خليج",
    "مخيم",
    "حي",
    "ميناء",
    "مطار",
    "شارع",
    "ساحه",
    "قضاء",
    "ريف",
    "صحراء",
    "مقاطعه",
    "دوله",
    "جمهوريه",
    "مملكه",
    "اماره",
    "سهل",
    "وادي",
    "العاصمه",
    "المدينه",
];

/// Words that link a role to the institution it speaks for (المتحدث باسم X).
pub const ROLE_LINKS: &[&str] = &["باسم", "بإسم", "لدى"];

fn set_of(words: &[&str]) -> FxHashSet<String> {
    words.iter().map(|w| normalize(w)).collect()
}

/// Which trigger list a word belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// A title before a person's name.
    Title,
    /// The head noun of an organisation name.
    OrgHead,
    /// The head noun of a place name.
    PlaceHead,
    /// "باسم" and its kin.
    RoleLink,
}

/// Looks up the closed trigger lists.
#[derive(Debug, Clone)]
pub struct Triggers {
    titles: FxHashSet<String>,
    orgs: FxHashSet<String>,
    places: FxHashSet<String>,
    links: FxHashSet<String>,
}

impl Default for Triggers {
    fn default() -> Self {
        Self {
            titles: set_of(TITLES),
            orgs: set_of(&org_heads::trigger_org_heads().collect::<Vec<_>>()),
            places: set_of(PLACE_HEADS),
            links: set_of(ROLE_LINKS),
        }
    }
}

impl Triggers {
    /// A shared instance of the default lists.
    pub fn default_ref() -> &'static Triggers {
        static T: std::sync::OnceLock<Triggers> = std::sync::OnceLock::new();
        T.get_or_init(Triggers::default)
    }

    /// The trigger class of a normalised word (clitics already removed), if any.
    pub fn get(&self, w: &str) -> Option<Trigger> {
        if self.titles.contains(w) {
            Some(Trigger::Title)
        } else if self.orgs.contains(w) {
            Some(Trigger::OrgHead)
        } else if self.places.contains(w) {
            Some(Trigger::PlaceHead)
        } else if self.links.contains(w) {
            Some(Trigger::RoleLink)
        } else {
            None
        }
    }
}
