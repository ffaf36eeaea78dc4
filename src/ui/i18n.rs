//! The interface's words in English and Arabic.

use serde::{Deserialize, Serialize};

/// Interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    /// English, left to right.
    #[default]
    En,
    /// Arabic, right to left: the interface is mirrored.
    Ar,
}

impl Lang {
    /// The language a system locale such as `ar_EG.UTF-8` or `en-US` asks for.
    pub fn from_locale(locale: &str) -> Self {
        if locale.to_ascii_lowercase().starts_with("ar") {
            Self::Ar
        } else {
            Self::En
        }
    }

    /// The system's language (from `LC_ALL`, `LC_MESSAGES` or `LANG`).
    pub fn from_env() -> Self {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty())
            .map_or(Self::En, |v| Self::from_locale(&v))
    }

    /// Right-to-left interface.
    pub fn rtl(self) -> bool {
        self == Self::Ar
    }

    /// The words for this language.
    pub fn s(self) -> &'static Strings {
        match self {
            Self::En => &EN,
            Self::Ar => &AR,
        }
    }
}

/// Every interface text, one field per use.
#[derive(Debug)]
#[expect(missing_docs, reason = "each field is the text its name says")]
pub struct Strings {
    pub app_tagline: &'static str,
    pub open: &'static str,
    pub open_hint: &'static str,
    pub open_by_path: &'static str,
    pub open_by_path_hint: &'static str,
    pub open_document: &'static str,
    pub drop_hint: &'static str,
    pub drop_to_open: &'static str,
    pub opening: &'static str,
    pub open_panel_title: &'static str,
    pub path: &'static str,
    pub up: &'static str,
    pub no_picker: &'static str,
    pub smaller: &'static str,
    pub larger: &'static str,
    pub default_size: &'static str,
    pub light: &'static str,
    pub sepia: &'static str,
    pub dark: &'static str,
    pub copy: &'static str,
    pub select_all: &'static str,
    pub dismiss: &'static str,
    pub error: &'static str,
    pub warning: &'static str,
    pub done: &'static str,
    pub copied_chars: &'static str,
    pub copied_quote: &'static str,
    pub entities: &'static str,
    pub quotes: &'static str,
    pub highlights: &'static str,
    pub contents: &'static str,
    pub people: &'static str,
    pub places: &'static str,
    pub organizations: &'static str,
    pub hashtags: &'static str,
    pub dates: &'static str,
    pub other: &'static str,
    pub filter: &'static str,
    pub analysing: &'static str,
    pub underline_entities: &'static str,
    pub no_entities: &'static str,
    pub no_quotes: &'static str,
    pub unknown_speaker: &'static str,
    pub paragraph: &'static str,
    pub copy_quote: &'static str,
    pub copy_quote_only: &'static str,
    pub show_short_quotes: &'static str,
    pub sidebar: &'static str,
    pub title: &'static str,
    pub find: &'static str,
    pub find_hint: &'static str,
    pub previous_match: &'static str,
    pub next_match: &'static str,
    pub fold_ya: &'static str,
    pub fold_ta: &'static str,
    pub close: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub highlight: &'static str,
    pub highlight_hint: &'static str,
    pub note: &'static str,
    pub delete: &'static str,
    pub undo_delete: &'static str,
    pub export_markdown: &'static str,
    pub export_json: &'static str,
    pub orphaned: &'static str,
    pub no_highlights: &'static str,
    pub yellow: &'static str,
    pub green: &'static str,
    pub blue: &'static str,
    pub pink: &'static str,
    pub orange: &'static str,
}

/// English.
pub static EN: Strings = Strings {
    app_tagline: "A reader for Arabic articles",
    open: "Open…",
    open_hint: "Open a document (Ctrl+O)",
    open_by_path: "Open by path…",
    open_by_path_hint: "Type a path or browse folders inside qari",
    open_document: "Open a document…",
    drop_hint: "or drop a file onto this window",
    drop_to_open: "Drop to open",
    opening: "Opening",
    open_panel_title: "Open a document",
    path: "Path:",
    up: "Up",
    no_picker: "No system file picker is available; choose a file here.",
    smaller: "Smaller text (Ctrl+−)",
    larger: "Larger text (Ctrl++)",
    default_size: "Default size (Ctrl+0)",
    light: "Light",
    sepia: "Sepia",
    dark: "Dark",
    copy: "Copy",
    select_all: "Select all",
    dismiss: "Dismiss",
    error: "Error:",
    warning: "Warning:",
    done: "Done:",
    copied_chars: "Copied characters:",
    copied_quote: "Quote copied",
    entities: "Entities",
    quotes: "Quotes",
    highlights: "Highlights",
    contents: "Contents",
    people: "People",
    places: "Places",
    organizations: "Organizations",
    hashtags: "Hashtags",
    dates: "Dates",
    other: "Other",
    filter: "Filter",
    analysing: "Analysing the article…",
    underline_entities: "Underline names in the text",
    no_entities: "No names found.",
    no_quotes: "No quotes found.",
    unknown_speaker: "unknown speaker",
    paragraph: "paragraph",
    copy_quote: "Copy",
    copy_quote_only: "Quote only",
    show_short_quotes: "Show short quotes",
    sidebar: "Sidebar",
    title: "title",
    find: "Find:",
    find_hint: "ignores harakat and tatweel",
    previous_match: "Previous match (Shift+Enter)",
    next_match: "Next match (Enter)",
    fold_ya: "ى = ي",
    fold_ta: "ة = ه",
    close: "Close (Esc)",
    previous: "Previous",
    next: "Next",
    highlight: "Highlight",
    highlight_hint: "Highlight the selection (Ctrl+H)",
    note: "Note…",
    delete: "Delete",
    undo_delete: "Undo delete",
    export_markdown: "Export Markdown",
    export_json: "Export JSON",
    orphaned: "Not found in the current text",
    no_highlights: "Select text, then pick a colour to highlight it.",
    yellow: "yellow",
    green: "green",
    blue: "blue",
    pink: "pink",
    orange: "orange",
};

/// Arabic.
pub static AR: Strings = Strings {
    app_tagline: "قارئ للمقالات العربية",
    open: "فتح…",
    open_hint: "فتح مستند (Ctrl+O)",
    open_by_path: "فتح بالمسار…",
    open_by_path_hint: "اكتب مسارًا أو تصفّح المجلدات داخل قارئ",
    open_document: "فتح مستند…",
    drop_hint: "أو أفلت ملفًا على هذه النافذة",
    drop_to_open: "أفلت الملف لفتحه",
    opening: "جارٍ فتح",
    open_panel_title: "فتح مستند",
    path: "المسار:",
    up: "للأعلى",
    no_picker: "لا يتوفر منتقي ملفات في النظام؛ اختر ملفًا من هنا.",
    smaller: "تصغير النص (Ctrl+−)",
    larger: "تكبير النص (Ctrl++)",
    default_size: "الحجم الافتراضي (Ctrl+0)",
    light: "فاتح",
    sepia: "ورقي",
    dark: "داكن",
    copy: "نسخ",
    select_all: "تحديد الكل",
    dismiss: "إغلاق",
    error: "خطأ:",
    warning: "تنبيه:",
    done: "تم:",
    copied_chars: "نُسخ من الأحرف:",
    copied_quote: "نُسخ الاقتباس",
    entities: "الأسماء",
    quotes: "الاقتباسات",
    highlights: "التظليلات",
    contents: "المحتويات",
    people: "أشخاص",
    places: "أماكن",
    organizations: "منظمات",
    hashtags: "وسوم",
    dates: "تواريخ",
    other: "أخرى",
    filter: "تصفية",
    analysing: "جارٍ تحليل المقال…",
    underline_entities: "تسطير الأسماء في النص",
    no_entities: "لم يُعثر على أسماء.",
    no_quotes: "لم يُعثر على اقتباسات.",
    unknown_speaker: "قائل غير معروف",
    paragraph: "الفقرة",
    copy_quote: "نسخ",
    copy_quote_only: "الاقتباس وحده",
    show_short_quotes: "إظهار الاقتباسات القصيرة",
    sidebar: "الشريط الجانبي",
    title: "العنوان",
    find: "بحث:",
    find_hint: "يتجاهل الحركات والتطويل",
    previous_match: "النتيجة السابقة (Shift+Enter)",
    next_match: "النتيجة التالية (Enter)",
    fold_ya: "ى = ي",
    fold_ta: "ة = ه",
    close: "إغلاق (Esc)",
    previous: "السابق",
    next: "التالي",
    highlight: "تظليل",
    highlight_hint: "تظليل النص المحدد (Ctrl+H)",
    note: "ملاحظة…",
    delete: "حذف",
    undo_delete: "تراجع عن الحذف",
    export_markdown: "تصدير Markdown",
    export_json: "تصدير JSON",
    orphaned: "لم يُعثر عليه في النص الحالي",
    no_highlights: "حدّد نصًا ثم اختر لونًا لتظليله.",
    yellow: "أصفر",
    green: "أخضر",
    blue: "أزرق",
    pink: "وردي",
    orange: "برتقالي",
};
