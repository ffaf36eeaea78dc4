//! The find bar (Ctrl+F): query field, folding options, match counter, previous/next.

use egui::Ui;

use crate::state::Command;
use crate::state::find::FindState;
use crate::state::keymap::{Action, Scope, action_for};

use super::visual_order::visual;
use crate::state::i18n::Lang;

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
            let pressed = |action| {
                ui.input(|i| {
                    i.events.iter().any(|e| match e {
                        egui::Event::Key {
                            key,
                            pressed: true,
                            modifiers,
                            ..
                        } => action_for(Scope::FindField, *key, *modifiers) == Some(action),
                        _ => false,
                    })
                })
            };
            // Enter takes the focus away from a one-line field; give it back after stepping.
            for (action, forward) in [(Action::NextMatch, true), (Action::PreviousMatch, false)] {
                if field.lost_focus() && pressed(action) {
                    commands.push(Command::FindStep { forward });
                    field.request_focus();
                }
            }
            if field.has_focus() && pressed(Action::Close) {
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
