//! Every user-visible string of the UI, in Vietnamese (first) and English.

use chiso_core::Lang;

/// The UI's strings: each key of [`K`] with its Vietnamese and English text, in one list.
macro_rules! strings {
    ($($(#[$m:meta])* $k:ident => ($vi:expr, $en:expr $(,)?),)+) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum K {
            $($(#[$m])* $k,)+
        }

        fn pair(k: K) -> (&'static str, &'static str) {
            match k {
                $(K::$k => ($vi, $en),)+
            }
        }
    };
}

strings! {
    AppTitle => ("Chỉ Số", "Chỉ Số"),
    Tagline => (
        "Phân tích số liệu cải cách hành chính ngay trong trình duyệt",
        "Public-administration reform analytics, right in your browser",
    ),
    DropHere => (
        "Kéo thả tệp Excel/CSV, văn bản Word hoặc PDF vào đây",
        "Drop Excel/CSV files, Word documents or PDFs here",
    ),
    ChooseFiles => ("Chọn tệp…", "Choose files…"),
    LoadSample => ("Dữ liệu mẫu", "Sample data"),
    SampleNote => (
        "Dữ liệu mẫu là số liệu minh họa, không phải kết quả chính thức.",
        "The sample holds illustrative numbers, not official results.",
    ),
    ExportTidy => ("Xuất CSV (dạng dọc)", "Export tidy CSV"),
    ExportTargets => ("Xuất CSV chỉ tiêu", "Export targets CSV"),
    Report => ("Kết quả đọc tệp", "Import report"),
    Loading => ("Đang đọc…", "Reading…"),
    Cancel => ("Huỷ", "Cancel"),
    FirstRows => ("%n dòng đầu của bảng", "first %n rows of the table"),
    TileMapTitle => ("Bản đồ ô tỉnh, thành phố", "Province tile map"),
    Quartile => ("Nhóm (tứ phân vị, 4 = cao nhất)", "Quartile (4 = highest)"),
    ViewBrief => ("Hồ sơ đơn vị", "Unit brief"),
    BriefTitle => ("Hồ sơ đơn vị", "Unit brief"),
    BriefChooseUnit => ("Chọn «Đơn vị của tôi» để xem hồ sơ.", "Choose “My unit” to see its brief."),
    BriefNoData => ("Đơn vị này không có số liệu trong bộ dữ liệu nào đã nạp.", "This unit has no values in any loaded data set."),
    BriefScore => ("Điểm", "Score"),
    BriefRankOf => ("Xếp hạng", "Rank"),
    BriefSince => ("so với", "since"),
    BriefBest => ("Cao nhất", "Best"),
    BriefMedian => ("Trung vị nhóm", "Group median"),
    BriefLostToBest => ("Kém cao nhất", "Behind the best"),
    BriefBelowMedian => ("Dưới trung vị", "Below the median"),
    BriefMax => ("Tối đa", "Maximum"),
    BriefLostToMax => ("Mất so với tối đa", "Short of the maximum"),
    BriefWinBack => ("Ba lĩnh vực có thể gỡ điểm nhiều nhất", "Three components where most points can be won back"),
    BriefWinBackLine => ("%c: thấp hơn trung vị %m điểm, kém cao nhất %b điểm; xếp %r", "%c: %m points below the median, %b behind the best; ranked %r"),
    BriefAhead => ("không thấp hơn trung vị", "not below the median"),
    BriefTargets => ("Chỉ tiêu", "Targets"),
    BriefTrend => ("Điểm qua các kỳ, so với trung vị và cao nhất nhóm", "Score over time, against the group's median and best"),
    BriefComponents => ("Các chỉ số thành phần so với trung vị nhóm", "Components against the group median"),
    BriefComponent => ("Chỉ số", "Indicator"),
    BriefDataset => ("Bộ dữ liệu", "Data set"),
    BriefGroup => ("Nhóm", "Group"),
    ImportSummary => (
        "%f tệp · %d bộ dữ liệu · %t bảng chỉ tiêu — xem chi tiết, thêm tệp",
        "%f files · %d data sets · %t target sheets — see details, add files",
    ),
    ImportErrors => ("%n tệp lỗi", "%n files with errors"),
    Regroup34 => ("Quy đổi theo 34 tỉnh, thành phố", "Regroup onto the 34 provinces"),
    RegroupHint => (
        "Số liệu trước 1/7/2025 hiển thị theo 34 tỉnh, thành phố mới: bình quân các tỉnh cũ hợp thành, xếp hạng tính lại trong 34",
        "Data before 1 July 2025 shown for the 34 provinces: the mean of the former provinces each was made from, ranked again among the 34",
    ),
    RegroupMean => ("bình quân %n tỉnh cũ", "mean of %n former provinces"),
    RegroupPart => ("bình quân %k/%n tỉnh cũ (thiếu số liệu)", "mean of %k of %n former provinces (data missing)"),
    RankRecomputed => ("hạng tính lại", "rank recomputed"),
    RegroupCaption => (
        "* Trước 1/7/2025: quy đổi theo 34 tỉnh, thành phố (bình quân các tỉnh cũ), hạng tính lại trong 34.",
        "* Before 1 July 2025: regrouped onto the 34 provinces (means of the former provinces), ranked again among the 34.",
    ),
    NoteCol => ("Ghi chú", "Note"),
    MapChange => ("1/7/2025: 34 tỉnh", "1 July 2025: 34 provinces"),
    Former => ("cũ", "former"),
    CellsLine => (
        "%t ô: %r đọc, %u dùng làm tiêu đề/đơn vị, %s bỏ qua (có lý do)",
        "%t cells: %r read, %u used as headers/units, %s skipped (with reasons)",
    ),
    CellsUnaccounted => ("%n chưa rõ", "%n unaccounted"),
    DataSets => ("Bộ dữ liệu", "Data sets"),
    JoinWith => ("Gộp với…", "Join with…"),
    JoinHint => ("Gộp bộ dữ liệu này với một bộ khác", "Join this data set with another"),
    SplitDataset => ("Tách", "Split"),
    SplitHint => ("Tách lại thành bộ dữ liệu của từng tệp", "Split back into each file's data set"),
    JoinedFrom => ("gộp từ %n bộ:", "joined from %n:"),
    Merges => ("Gộp tên đơn vị", "Unit names merged"),
    Skipped => ("Bỏ qua", "Skipped"),
    Warnings => ("Cần xem lại", "Warnings"),
    Found => ("Tìm thấy", "Found"),
    NothingLoaded => ("Chưa có dữ liệu. Thả tệp vào hoặc bấm «Dữ liệu mẫu».", "No data yet. Drop files or press “Sample data”."),
    DataSet => ("Bộ dữ liệu", "Data set"),
    Period => ("Kỳ", "Period"),
    Indicator => ("Chỉ số", "Indicator"),
    Group => ("Nhóm", "Group"),
    AllGroups => ("Tất cả nhóm", "All groups"),
    MyUnit => ("Đơn vị của tôi", "My unit"),
    NoUnit => ("(chưa chọn)", "(none)"),
    Search => ("Tìm", "Search"),
    SearchHint => ("Tìm đơn vị (có thể gõ không dấu)", "Find a unit (diacritics optional)"),
    Rank => ("Hạng", "Rank"),
    Unit => ("Đơn vị", "Unit"),
    Value => ("Điểm", "Score"),
    Change => ("Thay đổi", "Change"),
    Up => ("tăng", "up"),
    Down => ("giảm", "down"),
    Same => ("giữ nguyên", "unchanged"),
    New => ("mới", "new"),
    RankingTitle => ("Xếp hạng", "Ranking"),
    ChartAlt => (
        "Biểu đồ cột điểm số theo thứ hạng; bảng bên cạnh có cùng số liệu.",
        "Bar chart of scores by rank; the table beside it holds the same numbers.",
    ),
    Privacy => (
        "Mọi xử lý diễn ra trên máy bạn: không tải tệp lên đâu cả.",
        "Everything runs on your computer: no file is uploaded anywhere.",
    ),
    FatalError => (
        "Đã xảy ra lỗi không mong muốn. Dữ liệu chưa bị gửi đi đâu; hãy tải lại trang.",
        "An unexpected error occurred. No data left your computer; please reload the page.",
    ),
    More => ("và %n mục khác", "and %n more"),
    Rows => ("dòng", "rows"),
    Unmerge => ("Bỏ gộp", "Undo merge"),
    Adjust => ("Sửa cách đọc tệp", "Correct how the file is read"),
    HeaderRow => ("Dòng tiêu đề cột (số dòng)", "Header row (row number)"),
    UnitColumn => ("Cột tên đơn vị (chữ cột, ví dụ B)", "Unit name column (letter, e.g. B)"),
    PeriodOverride => ("Năm của số liệu", "Year of the data"),
    Reread => ("Đọc lại", "Read again"),
    UseSheet => ("Dùng trang", "Use sheet"),
    MapByHand => ("Gộp tên đơn vị bằng tay", "Merge unit names by hand"),
    Spelling => ("Tên như trong tệp", "Name as in the file"),
    IntoUnit => ("là đơn vị", "is the unit"),
    Map => ("Gộp", "Merge"),
    Manual => ("gộp bằng tay", "merged by hand"),
    Undo => ("Hoàn tác", "Undo"),
    Overall => ("Chỉ số tổng hợp", "Overall index"),
    ValueColumns => ("Cột điểm (ví dụ C, E)", "Score columns (e.g. C, E)"),
    RankColumns => ("Cột xếp hạng (ví dụ D)", "Rank columns (e.g. D)"),
    ViewRanking => ("Xếp hạng", "Ranking"),
    ViewComparison => ("So sánh", "Comparison"),
    ViewTrend => ("Xu hướng", "Trend"),
    ViewTargets => ("Chỉ tiêu", "Targets"),
    ValueChange => ("Thay đổi điểm", "Score change"),
    Units => ("Đơn vị", "Units"),
    PickUnits => ("Chọn đơn vị để so sánh", "Pick units to compare"),
    Strongest => ("Mạnh nhất so với nhóm", "Strongest against the group"),
    Weakest => ("Yếu nhất so với nhóm", "Weakest against the group"),
    PeerNote => (
        "So với các đơn vị cùng nhóm trong cùng kỳ (độ lệch chuẩn).",
        "Against units of the same group in the same period (standard deviations).",
    ),
    TargetSheet => ("Bảng chỉ tiêu", "Target sheet"),
    Target => ("Chỉ tiêu", "Target"),
    Operator => ("So sánh", "Operator"),
    Threshold => ("Ngưỡng", "Threshold"),
    LatestPeriod => ("Kỳ gần nhất", "Latest period"),
    Latest => ("Giá trị gần nhất", "Latest value"),
    Result => ("Kết quả", "Result"),
    Margin => ("Khoảng cách tới chỉ tiêu", "Distance to target"),
    Met => ("Đạt", "Met"),
    NotMet => ("Chưa đạt", "Not met"),
    NoData => ("Chưa có số liệu", "No data"),
    TargetsSummary => ("%m/%n chỉ tiêu đạt", "%m/%n targets met"),
    NoTargets => (
        "Chưa có bảng chỉ tiêu. Thả tệp chỉ tiêu hoặc bấm «Dữ liệu mẫu».",
        "No target sheet yet. Drop a target file or press “Sample data”.",
    ),
    ExportSvg => ("Tải biểu đồ SVG", "Download chart (SVG)"),
    ExportPng => ("Tải biểu đồ PNG", "Download chart (PNG)"),
    ExportTable => ("Tải bảng CSV", "Download table (CSV)"),
    Print => ("In", "Print"),
    TrendTitle => ("Điểm qua các kỳ", "Scores over the periods"),
    BumpTitle => ("Thứ hạng qua các kỳ (hạng 1 ở trên cùng)", "Ranks over the periods (rank 1 at the top)"),
    ComparisonTitle => ("So sánh các chỉ số thành phần", "Components compared"),
    TargetsTitle => ("Mức đạt chỉ tiêu", "Target attainment"),
    DataTable => ("Bảng số liệu của biểu đồ", "The chart's numbers as a table"),
    Views => ("Chế độ xem", "Views"),
    Share => ("Chia sẻ liên kết", "Share link"),
    IncludeData => ("Kèm số liệu trong liên kết (người nhận không cần tệp)", "Include the data in the link (no file needed)"),
    LinkTooLong => ("Liên kết dài %n ký tự: thư điện tử và ứng dụng chat có thể cắt mất. Hãy gửi liên kết không kèm số liệu, cùng với tệp.", "The link is %n characters long: mail and chat tools may cut it. Send the link without data, together with the file."),
    LinkCopied => ("Đã tạo liên kết (%n ký tự):", "Link made (%n characters):"),
    LinkWaits => ("Liên kết này cần số liệu từ tệp: %f. Hãy thả tệp đó vào trang để xem.", "This link needs data from the file: %f. Drop that file into the page to see the view."),
    LinkDamaged => ("Liên kết bị hỏng hoặc không đầy đủ, không mở được chế độ xem. Trang vẫn dùng bình thường.", "The link is damaged or incomplete; its view cannot be opened. The page works as usual."),
    LinkFuture => ("Liên kết được tạo bởi phiên bản Chỉ Số mới hơn; hãy cập nhật trang.", "The link was made by a newer version of Chỉ Số; please update the page."),
    LinkLength => ("ký tự", "characters"),
    SaveOffline => ("Lưu để dùng không cần mạng", "Save for offline use"),
    SaveOfflineHint => ("Một tệp HTML duy nhất, mở được khi không có mạng, kèm dữ liệu mẫu.", "One HTML file that opens without a network, sample included."),
    /// The one button shown when a new release is waiting (src/ui/release.rs).
    UpdateReload => ("Có phiên bản mới — tải lại", "A new version is available — reload"),
}

pub fn t(lang: Lang, k: K) -> &'static str {
    let (vi, en) = pair(k);
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// A text with its placeholders (`%` and one letter) filled in one pass: what is put in
/// is not scanned again (a unit named «%n …» stays as it is); a placeholder not given
/// stays as written.
fn fill(template: &str, values: &[(char, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + values.iter().map(|(_, v)| v.len()).sum::<usize>());
    let mut chars = template.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let next = chars.clone().next();
        match next.and_then(|n| values.iter().find(|(k, _)| *k == n)) {
            Some((_, v)) => {
                out.push_str(v);
                chars.next();
            }
            None => out.push('%'),
        }
    }
    out
}

/// What a regrouped value is: the mean of `used` of the `of` former provinces (its rank,
/// like every rank of the regrouped period, recomputed among the 34).
pub fn regrouped_note(lang: Lang, used: usize, of: usize) -> String {
    if of <= 1 {
        t(lang, K::RankRecomputed).to_string()
    } else if used == of {
        fill(t(lang, K::RegroupMean), &[('n', &of.to_string())])
    } else {
        fill(t(lang, K::RegroupPart), &[('k', &used.to_string()), ('n', &of.to_string())])
    }
}

/// «first 30 rows of the table».
pub fn first_rows(lang: Lang, n: usize) -> String {
    fill(t(lang, K::FirstRows), &[('n', &n.to_string())])
}

/// «joined from 3:», before the names of a joined data set's parts.
pub fn joined_from(lang: Lang, n: usize) -> String {
    fill(t(lang, K::JoinedFrom), &[('n', &n.to_string())])
}

/// «3/5 targets met».
pub fn targets_summary(lang: Lang, met: usize, of: usize) -> String {
    fill(t(lang, K::TargetsSummary), &[('m', &met.to_string()), ('n', &of.to_string())])
}

/// «Link made (n characters):».
pub fn link_copied(lang: Lang, chars: usize) -> String {
    fill(t(lang, K::LinkCopied), &[('n', &chars.to_string())])
}

/// The warning for a link longer than mail and chat tools keep.
pub fn link_too_long(lang: Lang, chars: usize) -> String {
    fill(t(lang, K::LinkTooLong), &[('n', &chars.to_string())])
}

/// The files a link waits for (`files`: their names, joined).
pub fn link_waits(lang: Lang, files: &str) -> String {
    fill(t(lang, K::LinkWaits), &[('f', files)])
}

/// The collapsed import panel's line: files, data sets, target sheets, and the files with
/// errors when there are any.
pub fn import_summary(lang: Lang, files: usize, datasets: usize, targets: usize, errors: usize) -> String {
    let (f, d, n) = (files.to_string(), datasets.to_string(), targets.to_string());
    let values = [('f', f.as_str()), ('d', d.as_str()), ('t', n.as_str())];
    let template = t(lang, K::ImportSummary);
    // The files with errors, when there are any, before the dash.
    match template.split_once(" — ").filter(|_| errors > 0) {
        Some((head, tail)) => {
            let errors = fill(t(lang, K::ImportErrors), &[('n', &errors.to_string())]);
            format!("{} · {errors} — {}", fill(head, &values), fill(tail, &values))
        }
        None => fill(template, &values),
    }
}

/// A component to work on in the brief: `component` is `below` the median and `behind`
/// the best, ranked `rank` (each already written as shown).
pub fn win_back_line(lang: Lang, component: &str, below: &str, behind: &str, rank: &str) -> String {
    fill(t(lang, K::BriefWinBackLine), &[('c', component), ('m', below), ('b', behind), ('r', rank)])
}

/// A count with its thousands grouped as the language writes them: «1.234» / «1,234».
pub fn count(lang: Lang, n: u64) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Lang::Vi => '.',
        Lang::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Where a file's non-empty cells went, in words; the cells unaccounted for (a defect of
/// the reading) apart, as they are shown as a warning.
pub fn cells_line(lang: Lang, c: &chiso_core::model::CellCounts) -> (String, Option<String>) {
    let (total, read, used, skipped) =
        (count(lang, c.total()), count(lang, c.read), count(lang, c.used), count(lang, c.skipped));
    let line = fill(t(lang, K::CellsLine), &[('t', &total), ('r', &read), ('u', &used), ('s', &skipped)]);
    let rest = (c.unaccounted > 0).then(|| fill(t(lang, K::CellsUnaccounted), &[('n', &count(lang, c.unaccounted))]));
    (line, rest)
}

/// An indicator's name as shown: the overall index in the UI's language, others as written.
pub fn indicator_name(lang: Lang, name: &str) -> String {
    if name == chiso_core::model::OVERALL {
        t(lang, K::Overall).to_string()
    } else {
        name.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_two_distinct_texts_or_a_name() {
        use K::*;
        for k in [DropHere, LoadSample, ExportTidy, Report, Rank, Unit, Value, Change, Period, Indicator, FatalError] {
            assert_ne!(t(Lang::Vi, k), t(Lang::En, k), "{k:?}");
            assert!(!t(Lang::Vi, k).is_empty());
        }
    }

    #[test]
    fn counts_and_cells_read_as_each_language_writes_them() {
        assert_eq!(
            (count(Lang::Vi, 0), count(Lang::Vi, 999), count(Lang::Vi, 1234)),
            ("0".into(), "999".into(), "1.234".into())
        );
        assert_eq!(count(Lang::En, 1_234_567), "1,234,567");
        let c = chiso_core::model::CellCounts { read: 1100, used: 120, skipped: 14, unaccounted: 0 };
        assert_eq!(
            cells_line(Lang::Vi, &c),
            ("1.234 ô: 1.100 đọc, 120 dùng làm tiêu đề/đơn vị, 14 bỏ qua (có lý do)".into(), None)
        );
        let c = chiso_core::model::CellCounts { unaccounted: 3, ..c };
        let (line, rest) = cells_line(Lang::En, &c);
        assert_eq!(line, "1,237 cells: 1,100 read, 120 used as headers/units, 14 skipped (with reasons)");
        assert_eq!(rest.as_deref(), Some("3 unaccounted"));
    }

    #[test]
    fn placeholders_are_filled_once() {
        // A name put in is not scanned again by the later placeholders.
        let line = win_back_line(Lang::En, "%n %m %b", "1.5", "2", "3/63");
        assert_eq!(line, "%n %m %b: 1.5 points below the median, 2 behind the best; ranked 3/63");
        assert_eq!(fill("100% of %x, %n", &[('n', "5")]), "100% of %x, 5");
        assert_eq!(first_rows(Lang::En, 30), "first 30 rows of the table");
        assert_eq!(targets_summary(Lang::Vi, 3, 5), "3/5 chỉ tiêu đạt");
        assert_eq!(link_waits(Lang::En, "a.csv, b.xlsx").matches("a.csv, b.xlsx").count(), 1);
        assert_eq!(
            import_summary(Lang::En, 2, 1, 0, 0),
            "2 files · 1 data sets · 0 target sheets — see details, add files"
        );
        assert_eq!(
            import_summary(Lang::En, 2, 1, 0, 1),
            "2 files · 1 data sets · 0 target sheets · 1 files with errors — see details, add files"
        );
        assert_eq!(regrouped_note(Lang::En, 2, 3), "mean of 2 of 3 former provinces (data missing)");
    }
}
