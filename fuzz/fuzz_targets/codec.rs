//! Any text as a URL hash: decoding answers Ok or an error, never a panic; what decodes
//! encodes again to something that decodes to the same state.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(state) = chiso_core::link::decode(&text) {
        let again = chiso_core::link::encode(&state);
        assert_eq!(chiso_core::link::decode(&again).ok(), Some(state));
    }
});
