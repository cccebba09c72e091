#![no_main]

use lectern::article::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = lectern::parse::parse_bytes(data, Format::Text);
});
