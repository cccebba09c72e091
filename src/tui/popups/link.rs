//! A link's address: shown in a pop-up, copied only when asked (OSC 52), or opened with
//! the system's opener.

use super::frame::{self, Boxed, text_line};
use crate::tui::app::Effect;
use crate::tui::keys::{Action, Context, hints};
use crate::tui::layer::{Cx, Layer, Next};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

/// An open link pop-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkPopup {
    /// The address.
    pub url: String,
    /// Where the link sits: (part index, byte offset).
    pub origin: Option<(usize, usize)>,
}

impl Layer for LinkPopup {
    fn context(&self) -> Context {
        Context::Link
    }

    /// `y` copies the address (only when asked), `o` opens it.
    fn handle(&mut self, action: Action, _cx: &Cx) -> Next {
        match action {
            Action::Close => Next::Close,
            Action::JumpBack => Next::JumpBack,
            Action::Copy => Next::Effect(
                Effect::Copy(self.url.clone()),
                "address copied to the clipboard".into(),
            ),
            Action::OpenLink => Next::Effect(
                Effect::Open(self.url.clone()),
                format!("opening {}", self.url),
            ),
            _ => Next::Stay,
        }
    }

    fn draw(&self, f: &mut Frame, area: Rect, cx: &Cx, parent: Option<Rect>) -> Rect {
        let hint = cx.keys.show(&hints::LINK);
        let mut lines = self.lines(cx.theme, cx.width);
        let keys = cx.keys.show(&hints::LINK_KEYS);
        lines.push(text_line(&keys, cx.theme.dim()));
        let b = Boxed {
            title: "Link".into(),
            lines,
            scroll: 0,
            hint,
            origin: self.origin,
            wide: false,
        };
        frame::place(f, area, cx, parent, b)
    }
}

impl LinkPopup {
    /// The address, broken into rows of `width` columns.
    pub fn lines(&self, _theme: &Theme, width: u16) -> Vec<Line<'static>> {
        let w = (width as usize).max(1);
        let chars: Vec<char> = self.url.chars().collect();
        let mut out: Vec<Line> = chars
            .chunks(w)
            .map(|c| text_line(&c.iter().collect::<String>(), Default::default()))
            .collect();
        out.push(Line::default());
        out
    }
}

/// The escape sequence that asks the terminal to put `text` on the clipboard. The text
/// travels base64-encoded, so nothing in it can act as a control sequence.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Opens an address with `xdg-open` (or `open` on macOS), detached from the terminal.
/// The address is passed as one argument, never through a shell.
pub fn open(url: &str) -> std::io::Result<()> {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_vectors() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded);
        }
    }

    #[test]
    fn osc52_carries_no_raw_control_bytes_from_the_text() {
        let seq = osc52("https://example.org/\u{1b}[2J\u{7}");
        let inner = &seq[7..seq.len() - 1];
        assert!(
            inner
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
        );
    }
}
