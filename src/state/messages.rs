//! Every sentence the app tells the reader (notices, load errors, document warnings), worded
//! in the interface language: the cause in words, the path last.

use std::path::Path;

use super::i18n::Lang;
use crate::document::{Format, LoadError, TextEncoding, Warning};

/// Something to tell the reader.
#[derive(Debug)]
pub enum Message<'a> {
    /// rfd answered at once: no system picker on this desktop.
    NoPicker,
    /// A document could not be opened.
    LoadFailed(&'a LoadError),
    /// A document opened with a problem.
    DocumentWarning(&'a Warning, &'a Path),
    /// Saved highlights could not be read and were set aside (the store's own sentence).
    HighlightsSetAside(&'a str),
    /// Highlights could not be saved (the store's own sentence).
    HighlightsNotSaved(&'a str),
    /// Highlights were written to a file.
    Exported(&'a Path),
    /// No place could take the export.
    ExportFailed(&'a str),
    /// Text was copied.
    CopiedChars(usize),
    /// A quote was copied.
    CopiedQuote,
    /// Highlights that no longer match the changed file.
    Orphaned(usize),
    /// A folder of the open panel could not be listed.
    FolderUnreadable(&'a Path),
    /// A quote card was put on the clipboard and saved.
    CardSaved(&'a Path),
    /// A quote card could not be saved (it may still be on the clipboard).
    CardNotSaved,
    /// The reading position of the document was restored.
    PositionRestored,
    /// How many articles a file holds (the article picker).
    ArticlesInFile(usize),
    /// How many paragraphs an article has (the article picker).
    Paragraphs(usize),
    /// The saved settings could not be read; the defaults are used (the store's sentence).
    SettingsNotRead(&'a str),
    /// The settings could not be saved (the store's sentence).
    SettingsNotSaved(&'a str),
}

impl Message<'_> {
    /// The sentence in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.english(),
            Lang::Ar => self.arabic(),
        }
    }

    fn english(&self) -> String {
        match self {
            Self::NoPicker => "No system file picker is available; choose a file here.".into(),
            Self::LoadFailed(err) => capitalise(&err.to_string()),
            Self::DocumentWarning(w, path) => {
                format!("{}: {}", capitalise(&w.to_string()), path.display())
            }
            Self::HighlightsSetAside(s) | Self::HighlightsNotSaved(s) => capitalise(s),
            Self::Exported(path) => format!("Highlights exported to {}", path.display()),
            Self::ExportFailed(name) => format!("Could not write the highlights export: {name}"),
            Self::CopiedChars(n) => format!("Copied {n} character{}", plural_s(*n)),
            Self::CopiedQuote => "Quote copied".into(),
            Self::Orphaned(n) => format!(
                "{n} highlight{} could not be found in the changed file; they are kept in the Highlights tab",
                plural_s(*n)
            ),
            Self::FolderUnreadable(path) => {
                format!("This folder cannot be listed: {}", path.display())
            }
            Self::CardSaved(path) => format!(
                "Quote card copied to the clipboard and saved as {}",
                path.display()
            ),
            Self::CardNotSaved => {
                "Quote card copied to the clipboard; no folder could take the PNG".into()
            }
            Self::PositionRestored => "Back where you stopped reading".into(),
            Self::SettingsNotRead(s) | Self::SettingsNotSaved(s) => capitalise(s),
            Self::ArticlesInFile(n) => {
                format!("{} article{} in this file", grouped(*n, ','), plural_s(*n))
            }
            Self::Paragraphs(n) => format!("{} paragraph{}", grouped(*n, ','), plural_s(*n)),
        }
    }

    fn arabic(&self) -> String {
        match self {
            Self::NoPicker => "لا يتوفر منتقي ملفات في النظام؛ اختر ملفًا من هنا.".into(),
            Self::LoadFailed(err) => load_error_ar(err),
            Self::DocumentWarning(w, path) => format!("{}: {}", warning_ar(w), isolated(path)),
            Self::HighlightsSetAside(_) => {
                "تعذّرت قراءة التظليلات المحفوظة، فنُقل ملفها جانبًا ولم يُحذف".into()
            }
            Self::HighlightsNotSaved(_) => "تعذّر حفظ التظليلات".into(),
            Self::Exported(path) => format!("صُدّرت التظليلات إلى {}", isolated(path)),
            Self::ExportFailed(name) => format!("تعذّرت كتابة ملف التظليلات: {name}"),
            Self::CopiedChars(n) => format!("نُسخ {}", count_ar(*n, CHARS_AR)),
            Self::CopiedQuote => "نُسخ الاقتباس".into(),
            Self::Orphaned(n) => format!(
                "لم يُعثر في الملف المعدَّل على {}؛ بقيت في تبويب التظليلات",
                count_ar(*n, HIGHLIGHTS_AR)
            ),
            Self::FolderUnreadable(path) => {
                format!("تعذّر عرض محتوى هذا المجلد: {}", isolated(path))
            }
            Self::CardSaved(path) => {
                format!("نُسخت بطاقة الاقتباس إلى الحافظة وحُفظت في {}", isolated(path))
            }
            Self::CardNotSaved => "نُسخت بطاقة الاقتباس إلى الحافظة، وتعذّر حفظها في ملف".into(),
            Self::PositionRestored => "عدتَ إلى حيث توقفت عن القراءة".into(),
            Self::SettingsNotRead(_) => {
                "تعذّرت قراءة الإعدادات المحفوظة، فاستُعملت الإعدادات الافتراضية".into()
            }
            Self::SettingsNotSaved(_) => "تعذّر حفظ الإعدادات، وستضيع عند إغلاق قارئ".into(),
            Self::ArticlesInFile(n) => format!("في هذا الملف {}", count_ar(*n, ARTICLES_AR)),
            Self::Paragraphs(n) => count_ar(*n, PARAGRAPHS_AR),
        }
    }
}

/// A path inside Arabic text, isolated left to right so its slashes and dots stay in order.
fn isolated(path: &Path) -> String {
    format!("\u{2066}{}\u{2069}", path.display())
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn plural_s(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The forms of an Arabic counted noun: one, two, 3–10, 11–99 (accusative) and the
/// hundreds and thousands whose last two digits are 00–02 (genitive).
#[derive(Debug, Clone, Copy)]
pub struct CountedNoun {
    /// "حرف واحد".
    pub one: &'static str,
    /// "حرفان".
    pub two: &'static str,
    /// Plural after 3–10: "أحرف".
    pub few: &'static str,
    /// Singular accusative after 11–99: "حرفًا".
    pub many: &'static str,
    /// Singular genitive after 100, 1000, 102 …: "حرف".
    pub hundreds: &'static str,
}

/// Characters.
pub const CHARS_AR: CountedNoun = CountedNoun {
    one: "حرف واحد",
    two: "حرفان",
    few: "أحرف",
    many: "حرفًا",
    hundreds: "حرف",
};

/// Highlights.
pub const HIGHLIGHTS_AR: CountedNoun = CountedNoun {
    one: "تظليل واحد",
    two: "تظليلين",
    few: "تظليلات",
    many: "تظليلًا",
    hundreds: "تظليل",
};

/// Articles.
pub const ARTICLES_AR: CountedNoun = CountedNoun {
    one: "مقالة واحدة",
    two: "مقالتان",
    few: "مقالات",
    many: "مقالةً",
    hundreds: "مقالة",
};

/// Paragraphs.
pub const PARAGRAPHS_AR: CountedNoun = CountedNoun {
    one: "فقرة واحدة",
    two: "فقرتان",
    few: "فقرات",
    many: "فقرةً",
    hundreds: "فقرة",
};

/// A number with its noun as Arabic grammar wants it ("حرفان", "6 أحرف", "15 حرفًا",
/// "100 حرف", "103 أحرف", "30٬973 مقالةً"): the last two digits decide. Digits stay Western,
/// as the rest of the interface shows them, grouped by thousands with the Arabic separator.
pub fn count_ar(n: usize, noun: CountedNoun) -> String {
    let digits = grouped(n, '\u{066C}');
    match n % 100 {
        _ if n == 1 => noun.one.to_string(),
        _ if n == 2 => noun.two.to_string(),
        _ if n == 0 => format!("0 {}", noun.hundreds),
        3..=10 => format!("{digits} {}", noun.few),
        11..=99 => format!("{digits} {}", noun.many),
        _ => format!("{digits} {}", noun.hundreds),
    }
}

/// `n` with its thousands separated by `separator` ("30,973").
pub fn grouped(n: usize, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(d);
    }
    out
}

fn format_ar(format: Format) -> &'static str {
    match format {
        Format::PlainText => "النص",
        Format::Html => "صفحة الويب",
        Format::Markdown => "ماركداون",
        Format::Epub => "الكتاب (EPUB)",
        Format::Docx => "وورد (DOCX)",
        Format::Json => "JSON",
        Format::Pdf => "PDF",
    }
}

/// A load error in Arabic: the cause in words, the path last.
fn load_error_ar(err: &LoadError) -> String {
    let path = isolated(err.path());
    let cause = match err {
        LoadError::NotFound(_) => "الملف غير موجود".to_string(),
        LoadError::PermissionDenied(_) => "لا إذن بقراءة الملف".to_string(),
        LoadError::IsDirectory(_) => "هذا مجلد وليس مستندًا".to_string(),
        LoadError::NotRegularFile(_) => "ليس ملفًا عاديًا (جهاز أو أنبوب)".to_string(),
        LoadError::TooLarge { size, limit, .. } => format!(
            "الملف أكبر من المسموح ({} ميغابايت، والحد {} ميغابايت)",
            size / 1_000_000,
            limit / 1_000_000
        ),
        LoadError::Empty(_) => "الملف فارغ".to_string(),
        LoadError::NotText(_) => "ليس مستندًا نصيًا".to_string(),
        LoadError::Encrypted(_) => "ملف PDF هذا مقفل بكلمة مرور".to_string(),
        LoadError::ScannedPdf(_) => "ملف PDF هذا صور صفحات بلا نص (مسح ضوئي)".to_string(),
        LoadError::PdfWithoutLetters(_) => {
            "خطوط ملف PDF هذا لا تحدد الحروف التي ترسمها، فلا يمكن قراءة نصه".to_string()
        }
        LoadError::Io { .. } => "تعذّرت قراءة الملف".to_string(),
        LoadError::CorruptArchive { format, .. } => {
            format!("ملف {} تالف أو ناقص", format_ar(*format))
        }
        LoadError::UnpackedTooLarge { format, .. } => {
            format!("ملف {} يتضخم كثيرًا عند فكه، فلم يُفتح", format_ar(*format))
        }
        LoadError::CompressionRatio { format, .. } => {
            format!("ملف {} مضغوط ضغطًا مريبًا، فلم يُفتح", format_ar(*format))
        }
        LoadError::Malformed { format, .. } => format!("ليس ملف {} صالحًا", format_ar(*format)),
        LoadError::NoContent { format, .. } => {
            format!("لا نص مقروءًا في ملف {}", format_ar(*format))
        }
    };
    format!("{cause}: {path}")
}

/// A document warning in Arabic.
fn warning_ar(w: &Warning) -> String {
    match w {
        Warning::InvalidBytes { count, encoding } => {
            format!("استُبدل بالرمز � ما عدده {count} من التسلسلات غير الصالحة في ترميز {encoding}")
        }
        Warning::InvalidBytesInChapters { count } => {
            format!("استُبدل بالرمز � ما عدده {count} من التسلسلات غير الصالحة في الفصول")
        }
        Warning::DamagedText { paragraphs, .. } => format!(
            "نص المستند تالف بعد {}؛ يُعرض ما أمكنت قراءته",
            count_ar(*paragraphs, PARAGRAPHS_AR)
        ),
        Warning::MissingChapters {
            missing,
            total,
            listed,
        } => format!("ينقص الملفَّ {missing} من {total} فصلًا يذكرها الكتاب: {listed}"),
        Warning::InvalidJsonLines { count } => {
            format!("تُخطّي ما عدده {count} من الأسطر غير الصالحة في ملف JSON")
        }
        Warning::MoreArticles { count } => format!(
            "في الملف {} أخرى؛ تُعرض الأولى فقط",
            count_ar(*count, ARTICLES_AR)
        ),
    }
}

/// The name of an encoding in the interface language, for the Reopen menu.
pub fn encoding_name(encoding: TextEncoding, lang: Lang) -> &'static str {
    match lang {
        Lang::En => encoding.display_name(),
        Lang::Ar => match encoding {
            TextEncoding::Utf8 => "يونيكود (UTF-8)",
            TextEncoding::Windows1256 => "عربي (ويندوز 1256)",
            TextEncoding::Iso8859_6 => "عربي (ISO-8859-6)",
            TextEncoding::Cp720 => "عربي (دوس، CP720)",
            TextEncoding::Utf16Le => "يونيكود (UTF-16LE)",
            TextEncoding::Utf16Be => "يونيكود (UTF-16BE)",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn has_arabic(s: &str) -> bool {
        s.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c))
    }

    /// Latin words other than the path, format names and acronyms that stay Latin.
    fn stray_english(s: &str, path: &str) -> Vec<String> {
        let s = s.replace(path, "").replace("x.highlights.md", "");
        s.split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() > 1)
            .filter(|w| {
                !matches!(
                    *w,
                    "EPUB" | "DOCX" | "JSON" | "PDF" | "UTF" | "LE" | "BE" | "ISO" | "CP"
                )
            })
            .map(str::to_string)
            .collect()
    }

    fn every_message(path: &Path, err: &LoadError, warning: &Warning) -> Vec<String> {
        let msgs = [
            Message::NoPicker,
            Message::LoadFailed(err),
            Message::DocumentWarning(warning, path),
            Message::HighlightsSetAside("reason"),
            Message::HighlightsNotSaved("reason"),
            Message::Exported(path),
            Message::ExportFailed("x.highlights.md"),
            Message::CopiedChars(6),
            Message::CopiedQuote,
            Message::Orphaned(3),
            Message::FolderUnreadable(path),
            Message::CardSaved(path),
            Message::CardNotSaved,
            Message::PositionRestored,
            Message::SettingsNotRead("reason"),
            Message::SettingsNotSaved("reason"),
            Message::ArticlesInFile(30_973),
            Message::Paragraphs(12),
        ];
        msgs.iter().map(|m| m.text(Lang::Ar)).collect()
    }

    #[test]
    fn every_message_reads_as_arabic_with_the_path_last() {
        let path = PathBuf::from("/tmp/مقال.txt");
        let shown = path.display().to_string();
        let errors = [
            LoadError::NotFound(path.clone()),
            LoadError::PermissionDenied(path.clone()),
            LoadError::IsDirectory(path.clone()),
            LoadError::NotRegularFile(path.clone()),
            LoadError::TooLarge {
                path: path.clone(),
                size: 600_000_000,
                limit: 512_000_000,
            },
            LoadError::Empty(path.clone()),
            LoadError::NotText(path.clone()),
            LoadError::Encrypted(path.clone()),
            LoadError::ScannedPdf(path.clone()),
            LoadError::PdfWithoutLetters(path.clone()),
            LoadError::Io {
                path: path.clone(),
                source: std::io::Error::other("boom"),
            },
            LoadError::CorruptArchive {
                path: path.clone(),
                format: Format::Epub,
                reason: "bad".into(),
            },
            LoadError::UnpackedTooLarge {
                path: path.clone(),
                format: Format::Docx,
                limit: 1,
            },
            LoadError::CompressionRatio {
                path: path.clone(),
                format: Format::Docx,
                limit: 200,
            },
            LoadError::Malformed {
                path: path.clone(),
                format: Format::Json,
                reason: "bad".into(),
            },
            LoadError::NoContent {
                path: path.clone(),
                format: Format::Html,
            },
        ];
        let warnings = [
            Warning::InvalidBytes {
                count: 4,
                encoding: "UTF-8".into(),
            },
            Warning::InvalidBytesInChapters { count: 2 },
            Warning::DamagedText {
                paragraphs: 12,
                reason: "unexpected end".into(),
            },
            Warning::MissingChapters {
                missing: 2,
                total: 4,
                listed: "OPS/b.xhtml".into(),
            },
            Warning::InvalidJsonLines { count: 1 },
            Warning::MoreArticles { count: 5 },
        ];
        for (err, warning) in errors.iter().zip(warnings.iter().cycle()) {
            for text in every_message(&path, err, warning) {
                assert!(has_arabic(&text), "{text}");
                let stray = stray_english(&text, &shown);
                let stray: Vec<_> = stray
                    .into_iter()
                    .filter(|w| !matches!(w.as_str(), "OPS" | "xhtml"))
                    .collect();
                assert!(stray.is_empty(), "English words {stray:?} in {text}");
            }
            let text = Message::LoadFailed(err).text(Lang::Ar);
            assert!(
                text.ends_with(&format!("{shown}\u{2069}")),
                "path last: {text}"
            );
        }
        for w in &warnings {
            let text = Message::DocumentWarning(w, &path).text(Lang::Ar);
            assert!(text.ends_with(&format!("{shown}\u{2069}")), "{text}");
            assert!(has_arabic(&text), "{text}");
        }
    }

    #[test]
    fn english_messages_stay_english_and_start_with_a_capital() {
        let path = PathBuf::from("/tmp/a.txt");
        let err = LoadError::NotFound(path.clone());
        let text = Message::LoadFailed(&err).text(Lang::En);
        assert_eq!(text, "File not found: /tmp/a.txt");
        assert_eq!(Message::CopiedChars(1).text(Lang::En), "Copied 1 character");
    }

    #[test]
    fn arabic_counts_take_the_right_form() {
        assert_eq!(count_ar(1, CHARS_AR), "حرف واحد");
        assert_eq!(count_ar(2, CHARS_AR), "حرفان");
        assert_eq!(count_ar(6, CHARS_AR), "6 أحرف");
        assert_eq!(count_ar(10, CHARS_AR), "10 أحرف");
        assert_eq!(count_ar(11, CHARS_AR), "11 حرفًا");
        assert_eq!(count_ar(99, ARTICLES_AR), "99 مقالةً");
        assert_eq!(count_ar(100, ARTICLES_AR), "100 مقالة");
        assert_eq!(count_ar(102, ARTICLES_AR), "102 مقالة");
        assert_eq!(count_ar(103, CHARS_AR), "103 أحرف");
        assert_eq!(count_ar(111, ARTICLES_AR), "111 مقالةً");
        assert_eq!(count_ar(30_973, ARTICLES_AR), "30\u{066C}973 مقالةً");
        assert_eq!(count_ar(2000, ARTICLES_AR), "2\u{066C}000 مقالة");
        assert_eq!(grouped(1_234_567, ','), "1,234,567");
        assert_eq!(grouped(999, ','), "999");
    }

    #[test]
    fn every_encoding_has_an_arabic_name() {
        for e in TextEncoding::ALL {
            assert!(has_arabic(encoding_name(e, Lang::Ar)), "{e:?}");
        }
    }
}
