//! PNG and PDF from an SVG that bilik drew, so that the three formats of one figure are the
//! same picture: resvg rasterises it, svg2pdf converts it with the fonts embedded.
//!
//! Text is set in the bundled DejaVu Sans (Latin, Cyrillic and the Kazakh letters;
//! `assets/fonts/`, licence beside it) and in no other font: the machine's fonts are never
//! loaded, so a figure comes out the same everywhere, and whatever family an SVG names,
//! its text falls back to the bundled one rather than to nothing.

use std::sync::{Arc, OnceLock};

use anyhow::{Context, anyhow};
use resvg::{tiny_skia, usvg};

/// The family of the bundled font; the SVGs name it first.
pub const FAMILY: &str = "DejaVu Sans";

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// A side larger than this (in pixels) is refused rather than allocated: a figure is a few
/// thousand pixels wide; a hostile `--width` or scale must not exhaust memory.
const MAX_SIDE: u32 = 20_000;

/// The font database with the bundled faces only, built once.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            db.load_font_data(REGULAR.to_vec());
            db.load_font_data(BOLD.to_vec());
            // The generic families an SVG may name resolve to the bundled font too.
            db.set_sans_serif_family(FAMILY);
            db.set_serif_family(FAMILY);
            db.set_monospace_family(FAMILY);
            Arc::new(db)
        })
        .clone()
}

/// Parses `svg` as resvg and svg2pdf see it, with the bundled fonts only. Public for tests
/// that inspect what a renderer makes of bilik's SVG.
pub fn tree(svg: &str) -> anyhow::Result<usvg::Tree> {
    let options = usvg::Options {
        font_family: FAMILY.to_string(),
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).context("the SVG could not be parsed")
}

/// `svg` as a PNG, `scale` pixels per SVG pixel (2 for print at about 190 dpi when the SVG's
/// size is in CSS pixels).
pub fn png(svg: &str, scale: f32) -> anyhow::Result<Vec<u8>> {
    if !(scale.is_finite() && scale > 0.0) {
        return Err(anyhow!(
            "the PNG scale must be a positive number, not {scale}"
        ));
    }
    let tree = tree(svg)?;
    let size = tree.size();
    let side = |x: f32| (x * scale).ceil();
    let (w, h) = (side(size.width()), side(size.height()));
    if w > MAX_SIDE as f32 || h > MAX_SIDE as f32 {
        return Err(anyhow!(
            "the PNG would be {w}x{h} pixels; at most {MAX_SIDE} on a side"
        ));
    }
    let mut pixmap = tiny_skia::Pixmap::new(w as u32, h as u32)
        .ok_or_else(|| anyhow!("the PNG would be empty ({w}x{h} pixels)"))?;
    // A white page: a transparent background reads as black in some viewers and slides.
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().context("the PNG could not be encoded")
}

/// `svg` as a one-page PDF of the SVG's size, the text embedded (subset fonts, selectable).
pub fn pdf(svg: &str) -> anyhow::Result<Vec<u8>> {
    let tree = tree(svg)?;
    // usvg counts 96 pixels to the inch, as CSS does; so must the page, for a figure drawn
    // 160 mm wide to print 160 mm wide.
    let page = svg2pdf::PageOptions { dpi: 96.0 };
    svg2pdf::to_pdf(&tree, svg2pdf::ConversionOptions::default(), page)
        .map_err(|e| anyhow!("the PDF could not be made: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60" viewBox="0 0 200 60" font-family="DejaVu Sans, sans-serif"><rect x="1" y="1" width="198" height="58" fill="#eeeeee" stroke="#333333"/><text x="10" y="35" font-size="14">Сенат · Мәжіліс</text></svg>"##;

    #[test]
    fn png_is_a_png_of_the_scaled_size() {
        let bytes = png(SVG, 2.0).unwrap();
        assert_eq!(&bytes[1..4], b"PNG");
        let decoded = tiny_skia::Pixmap::decode_png(&bytes).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (400, 120));
    }

    #[test]
    fn the_bundled_font_draws_cyrillic_and_kazakh() {
        let t = tree(SVG).unwrap();
        let mut found = false;
        for node in t.root().children() {
            if let usvg::Node::Text(text) = node {
                assert!(text.bounding_box().width() > 50.0);
                found = true;
            }
        }
        assert!(found, "no text in the parsed tree");
    }

    #[test]
    fn pdf_is_a_pdf_with_an_embedded_font() {
        let bytes = pdf(SVG).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("DejaVuSans"), "the font is not embedded");
        assert!(
            text.contains("/FontFile2"),
            "the font program is not embedded"
        );
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        assert!(png("<svg", 1.0).is_err());
        assert!(pdf("not svg").is_err());
        assert!(png(SVG, 0.0).is_err());
        assert!(png(SVG, f32::NAN).is_err());
        assert!(png(SVG, 1000.0).is_err());
    }
}
