//! The find bar (Ctrl+F): query, folding options, match counter, previous/next.

use std::ops::Range;

use egui::{Key, Ui};

use crate::app::Command;
use crate::search::FoldOptions;

use super::i18n::Lang;
use super::visual_order::visual;

/// State of the find bar and its matches.
#[derive(Debug, Clone, Default)]
pub struct FindState {
    /// Shown.
    pub open: bool,
    /// What to look for.
    pub query: String,
    /// Letter folding.
    pub options: FoldOptions,
    /// Matches as (block, char range), in reading order.
    pub matches: Vec<(usize, Range<usize>)>,
    /// The match shown as current.
    pub current: Option<usize>,
    /// Focus the query field next frame.
    pub focus: bool,
    /// The query and options `matches` were found for.
    pub searched: Option<(String, FoldOptions)>,
}

impl FindState {
    /// "3/17", or "0/0".
    pub fn counter(&self) -> String {
        match self.current {
            Some(i) if !self.matches.is_empty() => format!("{}/{}", i + 1, self.matches.len()),
            _ => format!("0/{}", self.matches.len()),
        }
    }

    /// Moves to the next (or previous) match, wrapping around.
    pub fn step(&mut self, forward: bool) -> Option<(usize, Range<usize>)> {
        let n = self.matches.len();
        if n == 0 {
            self.current = None;
            return None;
        }
        let i = match (self.current, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        self.current = Some(i);
        self.matches.get(i).cloned()
    }
}

/// Shows the find bar at the top of `ui`.
pub fn find_bar(ui: &mut Ui, state: &mut FindState, lang: Lang, commands: &mut Vec<Command>) {
    let s = lang.s();
    egui::Panel::top("qari-find-bar").show(ui, |ui| {
        super::row(ui, lang, |ui| {
            let label = ui.label(visual(s.find));
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut state.query)
                        .desired_width(240.0)
                        .hint_text(visual(s.find_hint)),
                )
                .labelled_by(label.id);
            if state.focus {
                field.request_focus();
                state.focus = false;
            }
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if enter {
                let back = ui.input(|i| i.modifiers.shift);
                commands.push(Command::FindStep { forward: !back });
                field.request_focus();
            }
            if field.has_focus() && ui.input(|i| i.key_pressed(Key::Escape)) {
                commands.push(Command::CloseFind);
            }
            ui.label(state.counter());
            if ui
                .button(visual(s.previous))
                .on_hover_text(visual(s.previous_match))
                .clicked()
            {
                commands.push(Command::FindStep { forward: false });
            }
            if ui
                .button(visual(s.next))
                .on_hover_text(visual(s.next_match))
                .clicked()
            {
                commands.push(Command::FindStep { forward: true });
            }
            super::checkbox(ui, &mut state.options.ya, s.fold_ya, lang);
            super::checkbox(ui, &mut state.options.ta_marbuta, s.fold_ta, lang);
            if ui.button("×").on_hover_text(visual(s.close)).clicked() {
                commands.push(Command::CloseFind);
            }
        });
    });
}
