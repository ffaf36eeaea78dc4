//! One frame of the window: job results, window-wide keys, the panels, then the commands.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::state::Command;
use crate::state::keymap::{Scope, chords};
use crate::text::TextStyle;
use crate::text::page::BlockKind;
use crate::ui;

use super::QariApp;

/// Below this window width the sidebar floats over the text instead of taking a column.
pub(super) const NARROW_WINDOW: f32 = 760.0;

impl QariApp {
    /// Window-wide keys from the key map, and files dropped on the window.
    pub(super) fn global_shortcuts(&mut self, ctx: &egui::Context) {
        for (action, shortcut) in chords(Scope::Window) {
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut))
                && let Some(command) = action.command(self.highlight_color)
            {
                self.commands.push(command);
            }
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.commands.push(Command::Open(path));
        }
    }

    pub(super) fn update_title(&mut self, ctx: &egui::Context) {
        let title = match &self.document {
            Some(d) if !d.doc.title.is_empty() => format!("{} — qari", d.doc.title),
            _ => "qari".to_string(),
        };
        if title != self.title_shown {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_shown = title;
        }
    }

    /// One frame of UI: jobs, input, panels, then the queued commands.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        for result in self.jobs.poll() {
            self.on_job(result);
        }
        self.text.atlas.begin_frame(&ctx);
        ctx.set_visuals(ui::window_theme::visuals(self.settings.theme));
        self.global_shortcuts(&ctx);
        self.update_title(&ctx);

        let style = self.settings.page_style();
        let lang = self.settings.lang;
        let window = ctx.content_rect();
        let narrow = window.width() < NARROW_WINDOW;
        self.narrow = narrow;
        let mut commands = Vec::new();
        ui::toolbar::toolbar(
            ui,
            &self.settings,
            self.sidebar.shown(narrow),
            self.loading.as_ref(),
            &mut commands,
        );
        ui::notices::notices(ui, self.notices.items(), lang, &mut commands);
        if self.open_panel.visible {
            ui::open_panel::open_panel(
                ui,
                &mut self.open_panel,
                &mut self.text,
                lang,
                &mut commands,
            );
        }
        if self.settings_open {
            let installed = self.installed_fonts.clone();
            ui::settings_window::settings_window(ui, &self.settings, &installed, &mut commands);
        }
        if let Some((_, _, docs)) = &self.collection {
            let style = sidebar_style(&style.body);
            ui::article_picker::article_picker(
                ui,
                docs,
                &mut self.text,
                &style,
                lang,
                &mut commands,
            );
        }
        if self.shortcuts_open {
            ui::shortcuts::shortcuts_window(ui, lang, &mut commands);
        }
        if self.find.open && self.document.is_some() {
            ui::find_bar::find_bar(ui, &mut self.find, &mut self.text, lang, &mut commands);
            self.refresh_find();
        }
        if let Some(open) = &mut self.document {
            if self.sidebar.shown(narrow) {
                let headings = open
                    .view
                    .page
                    .blocks
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| b.kind == BlockKind::Heading)
                    .map(|(i, b)| (i, b.text.as_str()))
                    .collect();
                let env = ui::sidebar::SidebarEnv {
                    analysis: open.analysis.as_deref(),
                    progress: open.progress.percent_to_show(Instant::now()),
                    highlights: Some(&open.highlights),
                    headings,
                    text: &mut self.text,
                    style: sidebar_style(&style.body),
                    lang,
                    color: ui.visuals().text_color(),
                };
                let sidebar = &mut self.sidebar;
                if narrow {
                    // Too narrow for two columns: the sidebar floats over the text.
                    let width = (window.width() * 0.85).min(360.0);
                    let (anchor, offset) = if lang.rtl() {
                        (egui::Align2::LEFT_TOP, egui::vec2(4.0, 40.0))
                    } else {
                        (egui::Align2::RIGHT_TOP, egui::vec2(-4.0, 40.0))
                    };
                    egui::Window::new("qari-sidebar-overlay")
                        .title_bar(false)
                        .resizable(false)
                        .anchor(anchor, offset)
                        .fixed_size([width, window.height() - 90.0])
                        .show(ui.ctx(), |ui| {
                            ui::sidebar::sidebar(ui, sidebar, env, &mut commands)
                        });
                } else {
                    let panel = if lang.rtl() {
                        egui::Panel::left("qari-sidebar")
                    } else {
                        egui::Panel::right("qari-sidebar")
                    };
                    let max = (window.width() * 0.4).max(220.0);
                    panel
                        .resizable(true)
                        .default_size(340.0)
                        .min_size(220.0)
                        .max_size(max)
                        .show(ui, |ui| {
                            ui::sidebar::sidebar(ui, sidebar, env, &mut commands)
                        });
                }
            }
            open.refresh_marks(&self.sidebar);
            let transient = open.transient_marks(&self.sidebar);
            // The percentage in the sidebar moves while the analysis runs.
            if open.flash.is_some() || open.analysis.is_none() {
                ctx.request_repaint_after(Duration::from_millis(100));
            }
            let layers = [
                &open.highlights.marks,
                &open.marks,
                &self.find_marks,
                &transient,
            ];
            egui::CentralPanel::no_frame().show(ui, |ui| {
                ui::reading_pane::reading_pane(
                    ui,
                    &mut open.view,
                    ui::reading_pane::PaneEnv {
                        text: &mut self.text,
                        style: &style,
                        theme: self.settings.theme,
                        marks: &layers,
                        lang,
                    },
                    &mut commands,
                );
            });
        } else {
            egui::CentralPanel::no_frame().show(ui, |ui| {
                ui::start_screen::start_screen(
                    ui,
                    self.loading.as_ref(),
                    &self.settings.recent,
                    self.settings.theme,
                    lang,
                    &mut commands,
                );
            });
        }
        ui::start_screen::drop_overlay(ui, lang);

        commands.append(&mut self.commands);
        for command in commands {
            self.apply(Some(&ctx), command);
        }
        self.settings.underline_entities = self.sidebar.underline;
        self.save_highlights(false);
        self.save_position_if_due();
        self.save_settings_if_due();
        let unsaved = self
            .document
            .as_ref()
            .is_some_and(|d| d.highlights.has_unsaved_changes());
        if self.notices.expire() || self.loading.is_some() || unsaved {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
    }
}

/// Sidebar text: the reading font a little smaller.
fn sidebar_style(body: &TextStyle) -> TextStyle {
    TextStyle {
        size: (body.size * 0.8).clamp(13.0, 22.0),
        line_height: 1.45,
        justify: false,
        ..body.clone()
    }
}
