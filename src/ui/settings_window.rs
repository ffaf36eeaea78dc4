//! The settings window: font, size, spacing, measure, justification, theme, diacritics, language.

use egui::{Slider, Ui};

use crate::state::Command;
use crate::state::settings::Settings;
use crate::text::Theme;
use crate::text::fonts::BundledFamily;
use crate::text::style::FontChoice;

use super::visual_order::visual;
use crate::state::i18n::Lang;

/// Shows the settings window; changes are emitted as a whole new [`Settings`].
pub fn settings_window(
    ui: &mut Ui,
    settings: &Settings,
    installed: &[String],
    commands: &mut Vec<Command>,
) {
    let lang = settings.lang;
    let s = lang.s();
    let mut open = true;
    let mut edited = settings.clone();
    egui::Window::new(visual(s.settings))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ui.ctx(), |ui| {
            egui::Grid::new("qari-settings-grid")
                .num_columns(2)
                .spacing([16.0, 10.0])
                .show(ui, |ui| {
                    let rtl = lang.rtl();
                    setting_row(ui, rtl, s.font, |ui| {
                        let current = edited.font.family_name().to_string();
                        egui::ComboBox::from_id_salt("qari-font")
                            .selected_text(visual(&current))
                            .width(220.0)
                            .show_ui(ui, |ui| {
                                for b in BundledFamily::ALL {
                                    let choice = FontChoice::Bundled(b);
                                    ui.selectable_value(&mut edited.font, choice, b.family_name());
                                }
                                // The bundled faces are in the font database too: list them once.
                                let others: Vec<&String> = installed
                                    .iter()
                                    .filter(|n| {
                                        BundledFamily::ALL.iter().all(|b| b.family_name() != *n)
                                    })
                                    .collect();
                                if !others.is_empty() {
                                    ui.separator();
                                }
                                for name in others {
                                    let choice = FontChoice::Installed(name.clone());
                                    ui.selectable_value(&mut edited.font, choice, visual(name));
                                }
                            });
                    });
                    setting_row(ui, rtl, s.text_size, |ui| {
                        let mut size = edited.zoom * 20.0;
                        if ui
                            .add(
                                with_unit(Slider::new(&mut size, 10.0..=60.0), rtl, s.unit_points)
                                    .step_by(1.0),
                            )
                            .changed()
                        {
                            edited.zoom = size / 20.0;
                        }
                    });
                    setting_row(ui, rtl, s.line_spacing, |ui| {
                        ui.add(Slider::new(&mut edited.line_height, 1.1..=2.4).step_by(0.05));
                    });
                    setting_row(ui, rtl, s.text_width, |ui| {
                        ui.add(
                            with_unit(
                                Slider::new(&mut edited.measure_em, 16.0..=80.0),
                                rtl,
                                s.unit_ems,
                            )
                            .step_by(1.0),
                        );
                    });
                    setting_row(ui, rtl, s.justify, |ui| {
                        ui.checkbox(&mut edited.justify, "");
                    });
                    setting_row(ui, rtl, s.show_diacritics, |ui| {
                        ui.checkbox(&mut edited.show_diacritics, "");
                    });
                    setting_row(ui, rtl, s.theme, |ui| {
                        ui.with_layout(super::row_layout(lang), |ui| {
                            for (t, name) in [
                                (Theme::Light, s.light),
                                (Theme::Sepia, s.sepia),
                                (Theme::Dark, s.dark),
                            ] {
                                ui.selectable_value(&mut edited.theme, t, visual(name));
                            }
                        });
                    });
                    setting_row(ui, rtl, s.language, |ui| {
                        ui.with_layout(super::row_layout(lang), |ui| {
                            ui.selectable_value(&mut edited.lang, Lang::Ar, "العربية");
                            ui.selectable_value(&mut edited.lang, Lang::En, "English");
                        });
                    });
                });
        });
    if edited != *settings {
        commands.push(Command::UpdateSettings(Box::new(edited)));
    }
    if !open || super::dialog_close_pressed(ui.ctx()) {
        commands.push(Command::ShowSettings(false));
    }
}

/// A slider's value with its unit in the interface language, in reading order: "20 pt", and
/// in Arabic "20 نقطة" read from the right — the unit is painted on the number's left.
fn with_unit<'a>(slider: Slider<'a>, rtl: bool, unit: &str) -> Slider<'a> {
    if rtl {
        slider.prefix(format!("{} ", visual(unit)))
    } else {
        slider.suffix(format!(" {unit}"))
    }
}

/// One grid row: the label first in reading order (on the right in Arabic).
fn setting_row(ui: &mut Ui, rtl: bool, label: &str, control: impl FnOnce(&mut Ui)) {
    if rtl {
        ui.scope(control);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(visual(label));
        });
    } else {
        ui.label(visual(label));
        ui.scope(control);
    }
    ui.end_row();
}
