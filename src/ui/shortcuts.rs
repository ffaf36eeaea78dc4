//! The keyboard shortcuts window: every shortcut qari has.

use egui::Ui;

use crate::app::Command;

use super::i18n::Lang;
use super::visual_order::visual;

/// Every shortcut with its English and Arabic description.
pub const SHORTCUTS: [(&str, &str, &str); 17] = [
    ("Ctrl+O", "Open a document", "فتح مستند"),
    ("Ctrl+F", "Find in the document", "البحث في المستند"),
    (
        "Enter / Shift+Enter",
        "Next / previous match",
        "النتيجة التالية / السابقة",
    ),
    ("Esc", "Close the find bar", "إغلاق شريط البحث"),
    (
        "Ctrl+C",
        "Copy the selection (or the selected quote card)",
        "نسخ المحدد (أو بطاقة الاقتباس المحددة)",
    ),
    ("Ctrl+A", "Select the whole document", "تحديد المستند كله"),
    ("Ctrl+H", "Highlight the selection", "تظليل النص المحدد"),
    (
        "Ctrl++ / Ctrl+−",
        "Larger / smaller text",
        "تكبير النص / تصغيره",
    ),
    ("Ctrl+0", "Default text size", "حجم النص الافتراضي"),
    ("Down / Up", "Scroll by a line", "التمرير سطرًا"),
    ("PgDn / PgUp", "Scroll by a screen", "التمرير شاشةً"),
    ("Space / Shift+Space", "Scroll by a screen", "التمرير شاشةً"),
    (
        "Home / End",
        "Start / end of the document",
        "بداية المستند / نهايته",
    ),
    ("Double-click", "Select a word", "تحديد كلمة"),
    ("Triple-click", "Select a paragraph", "تحديد فقرة"),
    ("Shift+click", "Extend the selection", "توسيع التحديد"),
    ("F1", "This list", "هذه القائمة"),
];

/// Shows the shortcuts window.
pub fn shortcuts_window(ui: &mut Ui, lang: Lang, commands: &mut Vec<Command>) {
    let mut open = true;
    egui::Window::new(visual(lang.s().shortcuts))
        .open(&mut open)
        .collapsible(false)
        .show(ui.ctx(), |ui| {
            egui::Grid::new("qari-shortcuts")
                .striped(true)
                .show(ui, |ui| {
                    for (keys, en, ar) in SHORTCUTS {
                        let text = if lang.rtl() { ar } else { en };
                        if lang.rtl() {
                            ui.label(visual(text));
                            ui.monospace(keys);
                        } else {
                            ui.monospace(keys);
                            ui.label(text);
                        }
                        ui.end_row();
                    }
                });
        });
    if !open {
        commands.push(Command::ShowShortcuts(false));
    }
}
