//! Reading: bytes and a file name → sheets of cells. [`grid`] reads every format (calamine
//! for workbooks, the csv crate for text, [`docx`] for a Word document's tables); [`guard`]
//! checks what calamine would trust before it reads; [`failure`] tells what a reader's
//! error means, by its type.

pub mod docx;
pub mod failure;
pub mod grid;
pub mod guard;
pub mod handoff;
pub mod sheet;
