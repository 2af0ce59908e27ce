//! What a reader's error means to the user, decided by the error's type (calamine's
//! `XlsxError::Password`, `OdsError::WorksheetNotFound`…), not by its message.
//! The zip crate is the one exception: a cut-off archive is `ZipError::InvalidArchive` with
//! a message naming the end-of-central-directory record (EOCD) it could not find; that
//! message is all the zip crate gives.

use std::io::ErrorKind;

use calamine::{OdsError, XlsError, XlsbError, XlsxError};
use zip::result::ZipError;

use crate::model::messages::ReadError;

/// What went wrong, as the import reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The workbook is protected by a password.
    Encrypted,
    /// The file ends before its parts do.
    Truncated,
    /// A sheet named in the workbook has no cells of its own (a chart or macro sheet).
    NoSheet,
    /// Anything else: the file is damaged.
    Corrupt,
}

/// A reader's error, classified by its type.
pub trait Classify: std::fmt::Display {
    fn failure(&self) -> Failure;
}

fn io(e: &std::io::Error) -> Failure {
    if e.kind() == ErrorKind::UnexpectedEof {
        Failure::Truncated
    } else {
        Failure::Corrupt
    }
}

impl Classify for ZipError {
    fn failure(&self) -> Failure {
        match self {
            ZipError::Io(e) => io(e),
            ZipError::InvalidArchive(m) if m.contains("EOCD") => Failure::Truncated,
            ZipError::InvalidPassword => Failure::Encrypted,
            _ => Failure::Corrupt,
        }
    }
}

impl Classify for XlsError {
    fn failure(&self) -> Failure {
        match self {
            XlsError::Password => Failure::Encrypted,
            XlsError::Io(e) => io(e),
            // calamine's CfbError is not public (so not matchable); a cut-off .xls never gets
            // here: the OLE guard (read/guard/cfb.rs) finds its chains past the end first.
            XlsError::WorksheetNotFound(_) => Failure::NoSheet,
            _ => Failure::Corrupt,
        }
    }
}

impl Classify for XlsxError {
    fn failure(&self) -> Failure {
        match self {
            XlsxError::Password => Failure::Encrypted,
            XlsxError::Io(e) => io(e),
            XlsxError::Zip(e) => e.failure(),
            XlsxError::WorksheetNotFound(_) | XlsxError::FileNotFound(_) | XlsxError::RelationshipNotFound => {
                Failure::NoSheet
            }
            _ => Failure::Corrupt,
        }
    }
}

impl Classify for XlsbError {
    fn failure(&self) -> Failure {
        match self {
            XlsbError::Password => Failure::Encrypted,
            XlsbError::Io(e) => io(e),
            XlsbError::Zip(e) => e.failure(),
            XlsbError::WorksheetNotFound(_) | XlsbError::FileNotFound(_) => Failure::NoSheet,
            _ => Failure::Corrupt,
        }
    }
}

impl Classify for OdsError {
    fn failure(&self) -> Failure {
        match self {
            OdsError::Password => Failure::Encrypted,
            OdsError::Io(e) => io(e),
            OdsError::Zip(e) => e.failure(),
            OdsError::WorksheetNotFound(_) | OdsError::FileNotFound(_) => Failure::NoSheet,
            _ => Failure::Corrupt,
        }
    }
}

/// The reader's error for what stops the whole file (a missing part while opening
/// is damage, not a chart sheet).
pub fn error(e: &impl Classify) -> ReadError {
    match e.failure() {
        Failure::Encrypted => ReadError::Encrypted,
        Failure::Truncated => ReadError::TruncatedFile,
        Failure::NoSheet | Failure::Corrupt => ReadError::Corrupt { detail: e.to_string().chars().take(160).collect() },
    }
}

/// [`error`] for the zip crate's errors, the detail marked as the archive's.
pub fn zip_error(e: &ZipError) -> ReadError {
    match e.failure() {
        Failure::Encrypted => ReadError::Encrypted,
        Failure::Truncated => ReadError::TruncatedFile,
        Failure::NoSheet | Failure::Corrupt => ReadError::Corrupt { detail: format!("zip: {e}") },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_type() {
        let eof = || std::io::Error::new(ErrorKind::UnexpectedEof, "failed to fill whole buffer");
        let cases: Vec<(Box<dyn Fn() -> Failure>, Failure)> = vec![
            (Box::new(|| XlsxError::Password.failure()), Failure::Encrypted),
            (Box::new(|| XlsError::Password.failure()), Failure::Encrypted),
            (Box::new(|| XlsbError::Password.failure()), Failure::Encrypted),
            (Box::new(|| OdsError::Password.failure()), Failure::Encrypted),
            (Box::new(move || XlsxError::Io(eof()).failure()), Failure::Truncated),
            (
                Box::new(|| XlsxError::Zip(ZipError::InvalidArchive("Could not find EOCD".into())).failure()),
                Failure::Truncated,
            ),
            (Box::new(|| XlsxError::WorksheetNotFound("Chart1".into()).failure()), Failure::NoSheet),
            (Box::new(|| OdsError::WorksheetNotFound("x".into()).failure()), Failure::NoSheet),
            (Box::new(|| XlsxError::XmlEof("row").failure()), Failure::Corrupt),
            (Box::new(|| ZipError::UnsupportedArchive("multi-disk").failure()), Failure::Corrupt),
        ];
        for (i, (got, want)) in cases.iter().enumerate() {
            assert_eq!(got(), *want, "case {i}");
        }
        assert_eq!(error(&XlsxError::Password), ReadError::Encrypted);
        assert!(matches!(error(&XlsxError::WorksheetNotFound("S".into())), ReadError::Corrupt { .. }));
    }
}
