//! Keeping the settings file in step with the settings: written a moment after a change and
//! when the window closes; a failure is told once, as a notice.

use std::time::{Duration, Instant};

use crate::state::messages::Message;
use crate::state::notices::NoticeKind;
use crate::state::settings_store::SettingsError;

use super::QariApp;

/// Changes closer together than this (a zoom gesture, a slider) are written once.
const SAVE_AFTER: Duration = Duration::from_secs(1);

impl QariApp {
    /// Writes changed settings once they have rested for a moment.
    pub(super) fn save_settings_if_due(&mut self) {
        if self.settings != self.settings_on_disk && self.last_settings_save.elapsed() >= SAVE_AFTER
        {
            self.save_settings_now();
        }
    }

    /// Writes the settings if they changed (eframe calls this through `save` when the window
    /// closes); `false` if they could not be written, which the notices then say.
    pub fn save_settings_now(&mut self) -> bool {
        let Some(store) = &self.settings_file else {
            return true;
        };
        if self.settings == self.settings_on_disk {
            return true;
        }
        self.last_settings_save = Instant::now();
        // Tried once per change: a folder that cannot be written is not retried every second.
        self.settings_on_disk = self.settings.clone();
        match store.save(&self.settings) {
            Ok(()) => true,
            Err(err) => {
                self.report_settings_error(&err);
                false
            }
        }
    }

    /// Tells the reader the settings could not be read or saved (and, on stderr, why: the
    /// window may be closing).
    pub(super) fn report_settings_error(&mut self, err: &SettingsError) {
        eprintln!("qari: {err}");
        let message = match err {
            SettingsError::Io { action: "read", .. } | SettingsError::Damaged { .. } => {
                Message::SettingsNotRead(&err.to_string())
            }
            SettingsError::Io { .. } => Message::SettingsNotSaved(&err.to_string()),
        };
        self.notices.push(NoticeKind::Error, &message);
    }
}
