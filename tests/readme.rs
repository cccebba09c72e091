//! README.md stays true: its key table is the key map.

#[test]
fn readme_key_table_is_generated_from_the_key_map() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = lectern::tui::keys::markdown_table();
    assert!(
        readme.contains(&table),
        "README's key table is out of date; it should read:\n\n{table}"
    );
}
