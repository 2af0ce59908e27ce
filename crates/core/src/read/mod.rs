//! Reading: bytes and a file name → sheets of cells. [`grid`] reads every format (calamine
//! for workbooks, the csv crate for text); [`guard`] checks what calamine would trust
//! before it reads; [`failure`] tells what a reader's error means, by its type.

pub mod failure;
pub mod grid;
pub mod guard;
