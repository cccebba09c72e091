#![no_main]

use lectern::article::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| lectern_fuzz::parse(data, Format::Text));
