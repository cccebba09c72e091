//! The screen's settings and measures: the configuration applied, the size, how big a
//! pop-up may be, how many rows the page or the library's list has, and the read-only
//! view of it all that layers get.

use super::app::App;
use super::keys::KeyMap;
use super::layer::Cx;
use super::theme::Theme;
use crate::layout::Style;

/// The read-only view layers get, built from the fields so that the layer stack can be
/// changed while it is held.
macro_rules! cx {
    ($app:expr, $dims:expr) => {
        $crate::tui::layer::Cx {
            reader: $app.reader.as_ref(),
            library: $app.library.as_ref(),
            theme: &$app.theme,
            keys: &$app.keymap,
            bookmarks: $crate::tui::session::bookmarks_of(&$app.memory),
            rows: $dims.0,
            width: $dims.1,
            page: $dims.2,
            size: $app.size,
            dates: &$app.dates,
            covered: false,
        }
    };
}
pub(super) use cx;

impl App {
    /// Applies the settings: text width, justification, theme (`background`: whether the
    /// terminal said its background is light), reading speed, keys.
    pub fn configure(&mut self, cfg: &crate::config::Config, background: Option<bool>) {
        self.style = Style {
            width: cfg.measure,
            justify: cfg.justify,
            hyphenate: cfg.hyphenate,
            sidenotes: cfg.sidenotes,
            date_format: cfg.reader_date_format,
            ..Style::default()
        };
        self.dates.format = cfg.date_format;
        self.theme = Theme::from_choice(cfg.theme, background);
        self.wpm = cfg.words_per_minute;
        // The bindings' problems are said with the file's other problems (`check`).
        self.keymap = KeyMap::from_sections(&cfg.keys, &cfg.context_keys).0;
        if let Some(r) = &mut self.reader {
            r.style = Style {
                width: cfg.measure,
                ..self.style
            };
            r.set_measure(cfg.measure);
            r.set_date_format(cfg.reader_date_format);
        }
    }

    /// The read-only view layers draw from.
    pub fn cx(&self) -> Cx<'_> {
        cx!(self, self.dims())
    }

    /// The view the layer at `depth` is drawn with.
    pub fn cx_at(&self, depth: usize) -> Cx<'_> {
        Cx {
            covered: depth + 1 < self.popups.len(),
            ..cx!(self, self.dims_at(depth))
        }
    }

    /// The terminal changed size.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.size = (cols, rows);
        if let Some(r) = &mut self.reader {
            r.reflow((cols, rows));
        }
    }

    /// Pop-up rows, pop-up text width and page rows, for the `Cx` of the top layer.
    pub fn dims(&self) -> (usize, u16, usize) {
        self.dims_at(self.popups.len().saturating_sub(1))
    }

    /// The same for the layer `depth` layers up the stack: each is drawn inside the one
    /// under it, two columns in from each side and a row in from top and bottom.
    pub fn dims_at(&self, depth: usize) -> (usize, u16, usize) {
        let depth = depth.min(usize::from(u16::MAX / 4));
        (
            self.popup_rows().saturating_sub(2 * depth).max(1),
            self.popup_text_width()
                .saturating_sub(4 * depth as u16)
                .max(1),
            self.page(),
        )
    }

    /// Rows of text a pop-up can show at most on this screen.
    pub fn popup_rows(&self) -> usize {
        (self.size.1.saturating_sub(1) as usize * 2 / 3)
            .max(3)
            .saturating_sub(2)
    }

    /// Columns of text inside a pop-up.
    pub fn popup_text_width(&self) -> u16 {
        let col = self
            .reader
            .as_ref()
            .map_or(self.size.0, |r| r.layout.style.width);
        col.min(self.size.0).saturating_sub(4).max(1)
    }

    /// Rows of the page, or of the library's list.
    pub fn page(&self) -> usize {
        match &self.reader {
            Some(r) => r.page(),
            None => self.library_page(),
        }
    }
}
