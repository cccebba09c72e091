//! Colours brought down to what the terminal shows: each finished frame's 24-bit colours
//! become the nearest of the 256-colour palette or of the basic 16 or 8, so nothing drawn
//! anywhere in the app can send a colour the terminal cannot show.

use crate::tui::caps::Depth;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

/// Rewrites every cell's colours in `buf` for a terminal of `depth`.
pub fn reduce(buf: &mut Buffer, depth: Depth) {
    if depth == Depth::TrueColor {
        return;
    }
    for cell in &mut buf.content {
        let fg = reduce_color(cell.fg, depth);
        // On eight colours dark grey does not exist; dim default text stands in for it.
        if depth == Depth::Ansi8 && basic(cell.fg) == Some(8) {
            cell.fg = Color::Reset;
            cell.modifier.insert(Modifier::DIM);
        } else {
            cell.fg = fg;
        }
        cell.bg = reduce_color(cell.bg, depth);
    }
}

/// The colour to send for `color` on a terminal of `depth`.
pub fn reduce_color(color: Color, depth: Depth) -> Color {
    match (depth, color) {
        (_, Color::Reset) | (Depth::TrueColor, _) => color,
        (Depth::Mono, _) => Color::Reset,
        (Depth::Ansi256, Color::Rgb(r, g, b)) => Color::Indexed(nearest_256(r, g, b)),
        (Depth::Ansi256, _) => color,
        (Depth::Ansi16 | Depth::Ansi8, _) => {
            let i = basic(color).unwrap_or(7);
            named(if depth == Depth::Ansi8 && i >= 8 {
                i - 8
            } else {
                i
            })
        }
    }
}

/// The basic-palette index (0–15) nearest to `color`; `None` for the default colour.
fn basic(color: Color) -> Option<u8> {
    Some(match color {
        Color::Reset => return None,
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Indexed(i @ 0..=15) => i,
        Color::Indexed(i) => {
            let (r, g, b) = rgb_of_index(i);
            nearest_16(r, g, b)
        }
        Color::Rgb(r, g, b) => nearest_16(r, g, b),
    })
}

/// The named colour for a basic-palette index.
fn named(i: u8) -> Color {
    const NAMED: [Color; 16] = [
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];
    NAMED[usize::from(i.min(15))]
}

/// Channel values of the 6×6×6 colour cube.
const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

/// The cube step nearest to a channel value.
fn cube_step(v: u8) -> usize {
    match v {
        0..48 => 0,
        48..115 => 1,
        _ => usize::from((v - 35) / 40),
    }
}

fn distance(a: (u8, u8, u8), b: (u8, u8, u8)) -> u32 {
    let d = |x: u8, y: u8| (i32::from(x) - i32::from(y)).pow(2) as u32;
    d(a.0, b.0) + d(a.1, b.1) + d(a.2, b.2)
}

/// The nearest xterm 256-palette colour: the nearer of the nearest cube colour and the
/// nearest step of the grey ramp (the palette's first 16 vary between terminals, so they
/// are not matched against).
pub fn nearest_256(r: u8, g: u8, b: u8) -> u8 {
    let (qr, qg, qb) = (cube_step(r), cube_step(g), cube_step(b));
    let cube = (CUBE[qr], CUBE[qg], CUBE[qb]);
    let cube_index = 16 + 36 * qr + 6 * qg + qb;
    let avg = (u32::from(r) + u32::from(g) + u32::from(b)) / 3;
    let grey_step = if avg > 238 {
        23
    } else {
        avg.saturating_sub(3) / 10
    };
    let grey = (8 + 10 * grey_step) as u8;
    if distance((grey, grey, grey), (r, g, b)) < distance(cube, (r, g, b)) {
        232 + grey_step as u8
    } else {
        cube_index as u8
    }
}

/// The colour of a 256-palette index from 16 up.
pub(crate) fn rgb_of_index(i: u8) -> (u8, u8, u8) {
    if i >= 232 {
        let v = 8 + 10 * (i - 232);
        return (v, v, v);
    }
    let c = usize::from(i.saturating_sub(16));
    (CUBE[c / 36], CUBE[c / 6 % 6], CUBE[c % 6])
}

/// The nearest of the 16 basic colours, by hue: their exact shades differ from one
/// terminal's palette to the next, but a hue stays a hue, so a dark orange becomes yellow
/// rather than whichever of red or yellow happens to be closer in one palette. Greys (and
/// nearly grey colours) go by lightness.
pub fn nearest_16(r: u8, g: u8, b: u8) -> u8 {
    let (rf, gf, bf) = (f32::from(r), f32::from(g), f32::from(b));
    let max = rf.max(gf).max(bf);
    let min = rf.min(gf).min(bf);
    let chroma = max - min;
    if chroma < 40.0 || chroma < max * 0.25 {
        let light = (0.299 * rf + 0.587 * gf + 0.114 * bf) / 255.0;
        return match light {
            l if l < 0.12 => 0,
            l if l < 0.5 => 8,
            l if l < 0.85 => 7,
            _ => 15,
        };
    }
    let hue = if max == rf {
        60.0 * ((gf - bf) / chroma).rem_euclid(6.0)
    } else if max == gf {
        60.0 * ((bf - rf) / chroma + 2.0)
    } else {
        60.0 * ((rf - gf) / chroma + 4.0)
    };
    // Sectors of 60° centred on red, yellow, green, cyan, blue, magenta.
    const BY_HUE: [u8; 6] = [1, 3, 2, 6, 4, 5];
    let base = BY_HUE[((hue + 30.0) / 60.0) as usize % 6];
    if max >= 224.0 { base + 8 } else { base }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_256_palette_match_is_the_cube_or_grey_step_nearest() {
        assert_eq!(nearest_256(0, 0, 0), 16);
        assert_eq!(nearest_256(255, 255, 255), 231);
        assert_eq!(nearest_256(0xd7, 0x87, 0x00), 172, "exact cube colour");
        assert_eq!(
            nearest_256(0x30, 0x30, 0x38),
            236,
            "a dark grey takes the ramp"
        );
        assert_eq!(nearest_256(0xe4, 0xe4, 0xe8), 254);
        for i in 16..=255 {
            let (r, g, b) = rgb_of_index(i);
            let back = rgb_of_index(nearest_256(r, g, b));
            assert_eq!(
                back,
                (r, g, b),
                "index {i} maps to a colour of its own shade"
            );
        }
    }

    #[test]
    fn the_16_colour_match_keeps_the_hue() {
        assert_eq!(
            nearest_16(0x8a, 0x5a, 0x00),
            3,
            "dark orange is yellow, not red"
        );
        assert_eq!(nearest_16(0xff, 0x40, 0x40), 9);
        assert_eq!(nearest_16(0x00, 0x00, 0xaa), 4);
        assert_eq!(nearest_16(0x30, 0x30, 0x38), 8);
        assert_eq!(nearest_16(0xd7, 0xc9, 0xaa), 7, "beige is a light grey");
        assert_eq!(nearest_16(0xff, 0xff, 0xff), 15);
        assert_eq!(nearest_16(0x05, 0x05, 0x05), 0);
        assert_eq!(nearest_16(0x00, 0xcd, 0xcd), 6);
        assert_eq!(nearest_16(0xff, 0x00, 0xff), 13);
    }

    #[test]
    fn each_depth_sends_only_what_it_can_show() {
        let rgb = Color::Rgb(0x8a, 0x5a, 0x00);
        assert_eq!(reduce_color(rgb, Depth::TrueColor), rgb);
        assert_eq!(reduce_color(rgb, Depth::Ansi256), Color::Indexed(94));
        assert_eq!(reduce_color(rgb, Depth::Ansi16), Color::Yellow);
        assert_eq!(reduce_color(Color::LightBlue, Depth::Ansi8), Color::Blue);
        assert_eq!(
            reduce_color(Color::Indexed(196), Depth::Ansi16),
            Color::LightRed
        );
        assert_eq!(reduce_color(Color::LightBlue, Depth::Mono), Color::Reset);
        assert_eq!(reduce_color(Color::Reset, Depth::Ansi8), Color::Reset);
    }

    #[test]
    fn dark_grey_text_on_eight_colours_is_dim_default_text() {
        let mut buf = Buffer::empty(ratatui::layout::Rect::new(0, 0, 2, 1));
        buf[(0, 0)].set_fg(Color::DarkGray).set_bg(Color::DarkGray);
        buf[(1, 0)].set_fg(Color::Rgb(1, 2, 3));
        reduce(&mut buf, Depth::Ansi8);
        assert_eq!(buf[(0, 0)].fg, Color::Reset);
        assert!(buf[(0, 0)].modifier.contains(Modifier::DIM));
        assert_eq!(buf[(0, 0)].bg, Color::Black);
        assert_eq!(buf[(1, 0)].fg, Color::Black);
    }
}
