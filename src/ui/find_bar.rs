//! The find bar (Ctrl+F): query field, folding options, match counter, previous/next.

use egui::{Key, Modifiers, Ui};

use crate::state::Command;
use crate::state::find::FindState;
use crate::state::keymap::{Action, Scope, action_for};
use crate::text::TextSystem;

use super::text_field::{FieldOptions, text_field};
use super::visual_order::visual;
use crate::state::i18n::Lang;

/// The id of the query field (its focus and editing state).
pub fn query_field_id() -> egui::Id {
    egui::Id::unique("qari-find-query")
}

/// Shows the find bar at the top of `ui`.
pub fn find_bar(
    ui: &mut Ui,
    state: &mut FindState,
    text: &mut TextSystem,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    let s = lang.s();
    egui::Panel::top("qari-find-bar").show(ui, |ui| {
        super::row(ui, lang, |ui| {
            let label = ui.label(visual(s.find));
            let options = FieldOptions::new(s.find, lang.rtl())
                .hint(s.find_hint)
                .width(240.0);
            let out = text_field(ui, text, query_field_id(), &mut state.query, &options);
            let field = out.response.labelled_by(label.id);
            if state.focus {
                field.request_focus();
                state.focus = false;
            }
            // The field keeps the focus on Enter, so stepping through matches can go on.
            if let Some(modifiers) = out.enter {
                match action_for(Scope::FindField, Key::Enter, modifiers) {
                    Some(Action::NextMatch) => commands.push(Command::FindStep { forward: true }),
                    Some(Action::PreviousMatch) => {
                        commands.push(Command::FindStep { forward: false })
                    }
                    _ => {}
                }
            }
            if out.escape
                && action_for(Scope::FindField, Key::Escape, Modifiers::NONE) == Some(Action::Close)
            {
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
