//! Checks that stand before calamine: sizes, chains and repeat counts a hostile file could
//! lie about, refused with a clear reason before calamine allocates for them.

pub mod cfb;
pub mod ods;
