//! The built-in edition as the reader lays it out, at the widths people read it at.

use kanbao::edition;
use kanbao::text::{AmbiguousWidth, LayoutOptions, dump};

fn dump_builtin(options: &LayoutOptions) -> String {
    let edition = edition::builtin();
    dump(
        edition.pages.iter().flat_map(|page| &page.articles),
        options,
    )
}

#[test]
fn the_built_in_edition_at_reading_widths() {
    for width in [20, 37, 40, 80] {
        let text = dump_builtin(&LayoutOptions::new(width));
        insta::assert_snapshot!(format!("width_{width}"), text);
    }
}

#[test]
fn the_built_in_edition_with_wide_ambiguous_characters() {
    let options = LayoutOptions {
        ambiguous: AmbiguousWidth::Wide,
        ..LayoutOptions::new(37)
    };
    insta::assert_snapshot!("width_37_ambiguous_wide", dump_builtin(&options));
}
