//! The sample library, embedded so an installed `lectern` with no library still has
//! something to open.

/// (file name, text) of every bundled sample article.
pub const SAMPLES: &[(&str, &str)] = &[
    (
        "harbour-thaw.txt",
        include_str!("../assets/library/harbour-thaw.txt"),
    ),
    (
        "long-river.txt",
        include_str!("../assets/library/long-river.txt"),
    ),
    (
        "commons-essay.txt",
        include_str!("../assets/library/commons-essay.txt"),
    ),
    (
        "council-budget.txt",
        include_str!("../assets/library/council-budget.txt"),
    ),
    (
        "ink-and-brush.txt",
        include_str!("../assets/library/ink-and-brush.txt"),
    ),
    (
        "night-trains.txt",
        include_str!("../assets/library/night-trains.txt"),
    ),
    (
        "short-note.txt",
        include_str!("../assets/library/short-note.txt"),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_in_assets_is_embedded() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/library");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        on_disk.sort();
        let mut embedded: Vec<String> = SAMPLES.iter().map(|(n, _)| n.to_string()).collect();
        embedded.sort();
        assert_eq!(on_disk, embedded);
    }
}
