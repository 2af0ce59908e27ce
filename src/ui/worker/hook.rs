//! The importer's page hook: `<body data-importer="worker">` once the import worker is
//! ready, `page` when files are read in the page because no worker could start.

/// Who reads the dropped files.
#[derive(Clone, Copy)]
pub enum Reader {
    Worker,
    Page,
}

impl Reader {
    /// Shows it on `<body data-importer>`.
    pub fn mark(self) {
        let how = match self {
            Reader::Worker => "worker",
            Reader::Page => "page",
        };
        if let Some(body) = gloo::utils::document().body() {
            crate::ui::dom::set_attr(&body, "data-importer", how);
        }
    }
}
