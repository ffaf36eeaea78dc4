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
    pub all_files: &'static str,
    pub share_image: &'static str,
    pub share_image_hint: &'static str,
    pub quit: &'static str,
    pub back_to_reading: &'static str,
    pub menu: &'static str,
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
    pub analysing_percent: &'static str,
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
    pub note_hint: &'static str,
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
    pub settings: &'static str,
    pub font: &'static str,
    pub text_size: &'static str,
    pub line_spacing: &'static str,
    pub text_width: &'static str,
    pub unit_points: &'static str,
    pub unit_ems: &'static str,
    pub justify: &'static str,
    pub show_diacritics: &'static str,
    pub theme: &'static str,
    pub language: &'static str,
    pub shortcuts: &'static str,
    pub file: &'static str,
    pub recent: &'static str,
    pub no_recent: &'static str,
    pub choose_article: &'static str,
    pub reopen_with_encoding: &'static str,
}

impl Strings {
    /// "Analysing… 42%" in this language.
    pub fn analysing_at(&self, percent: u8) -> String {
        self.analysing_percent
            .replace("{percent}", &percent.to_string())
    }
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
    all_files: "Show all files",
    share_image: "Share as image",
    share_image_hint: "A picture of the quote for social media: copied, and saved as PNG",
    quit: "Quit",
    back_to_reading: "Back to where I was",
    menu: "Menu",
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
    analysing_percent: "Analysing… {percent}%",
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
    note_hint: "Enter saves; Shift+Enter starts a new line",
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
    settings: "Settings",
    font: "Font",
    text_size: "Text size",
    line_spacing: "Line spacing",
    text_width: "Text width",
    unit_points: "pt",
    unit_ems: "em",
    justify: "Justify",
    show_diacritics: "Show diacritics",
    theme: "Theme",
    language: "Language",
    shortcuts: "Keyboard shortcuts",
    file: "File",
    recent: "Recent files",
    no_recent: "No recent files",
    choose_article: "Choose an article",
    reopen_with_encoding: "Reopen with encoding",
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
    all_files: "عرض كل الملفات",
    share_image: "مشاركة كصورة",
    share_image_hint: "صورة للاقتباس تصلح لوسائل التواصل: تُنسخ وتُحفظ بصيغة PNG",
    quit: "خروج",
    back_to_reading: "العودة إلى حيث كنت",
    menu: "القائمة",
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
    analysing_percent: "جارٍ التحليل… {percent}٪",
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
    note_hint: "للحفظ اضغط Enter، ولسطر جديد Shift+Enter",
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
    settings: "الإعدادات",
    font: "الخط",
    text_size: "حجم النص",
    line_spacing: "تباعد الأسطر",
    text_width: "عرض النص",
    unit_points: "نقطة",
    unit_ems: "إم",
    justify: "ضبط الحواف",
    show_diacritics: "إظهار الحركات",
    theme: "المظهر",
    language: "اللغة",
    shortcuts: "اختصارات لوحة المفاتيح",
    file: "ملف",
    recent: "الملفات الأخيرة",
    no_recent: "لا ملفات حديثة",
    choose_article: "اختر مقالًا",
    reopen_with_encoding: "إعادة الفتح بترميز",
};

#[cfg(test)]
mod tests {
    use super::*;

    /// Every (field, text) of a string table, read from its debug form.
    fn entries(table: &Strings) -> Vec<(String, String)> {
        format!("{table:#?}")
            .lines()
            .filter_map(|l| {
                let (field, value) = l.trim().split_once(": ")?;
                let value = value.trim_end_matches(',').trim_matches('"');
                Some((field.to_string(), value.to_string()))
            })
            .collect()
    }

    #[test]
    fn every_arabic_string_is_arabic_and_differs_from_the_english() {
        let ar = entries(&AR);
        let en = entries(&EN);
        assert!(ar.len() > 80, "all fields read: {}", ar.len());
        assert_eq!(ar.len(), en.len());
        for ((field, a), (_, e)) in ar.iter().zip(&en) {
            assert!(
                a.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c)),
                "{field}: {a}"
            );
            // The letter-folding options name Arabic letters in both languages.
            if !field.starts_with("fold_") {
                assert_ne!(a, e, "{field} is not translated");
            }
        }
    }

    #[test]
    fn every_english_string_is_english() {
        for (field, e) in entries(&EN)
            .into_iter()
            .filter(|(f, _)| !f.starts_with("fold_"))
        {
            assert!(
                !e.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
                "{field}: {e}"
            );
        }
    }
}
