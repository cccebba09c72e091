use lectern::parse;
use std::path::PathBuf;

fn main() {
    let path: PathBuf = std::env::args().nth(2).expect("path").into();
    let a = parse::load(&path).unwrap();
    println!("{}", serde_json::to_string_pretty(&lectern::inspect::to_json(&a)).unwrap());
}
