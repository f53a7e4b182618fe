//! The review's model: [`Review`], its actions and its reducer
//! ([`Review::apply`]), the table's rows and sort keys, and the words and
//! numbers the page shows. Plain Rust (no yew, web-sys), compiled and tested
//! natively (`tests/web_review.rs`, `tests/web_review_report.rs`).
//!
//! It holds the results of [`FileCheck::from_bytes`] (never a file's text),
//! the summary ([`Summary::of`], computed once per run), the table's sort,
//! filters and page, which file's record is open, and the annual report's
//! reading of the files and its form.

use std::rc::Rc;

use crate::format::check::{FileCheck, SignOff, Status, Summary, VERDICT_CODES};
use crate::format::report::{self, AnnualReport, QueryInput};
use crate::model::Ymd;

/// Rows shown per page of the table.
pub const PAGE_SIZE: usize = 100;

/// A column of the table of files, in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Title,
    Organisation,
    Verdict,
    Complete,
    SignedOff,
    Completed,
    File,
}

impl Column {
    pub const ALL: [Column; 7] = [
        Column::Title,
        Column::Organisation,
        Column::Verdict,
        Column::Complete,
        Column::SignedOff,
        Column::Completed,
        Column::File,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Column::Title => "Title",
            Column::Organisation => "Organisation",
            Column::Verdict => "Verdict",
            Column::Complete => "Complete",
            Column::SignedOff => "Signed off",
            Column::Completed => "Completion date",
            Column::File => "File",
        }
    }

    /// Stable id fragment (element ids, tests).
    pub fn id(self) -> &'static str {
        match self {
            Column::Title => "title",
            Column::Organisation => "organisation",
            Column::Verdict => "verdict",
            Column::Complete => "complete",
            Column::SignedOff => "signed-off",
            Column::Completed => "completed",
            Column::File => "file",
        }
    }
}

/// Which files the table shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Show {
    All,
    Complete,
    Incomplete,
    Unreadable,
    MissingSignoff,
    DigestNotVerified,
}

impl Show {
    pub const ALL: [Show; 6] = [
        Show::All,
        Show::Complete,
        Show::Incomplete,
        Show::Unreadable,
        Show::MissingSignoff,
        Show::DigestNotVerified,
    ];

    pub fn value(self) -> &'static str {
        match self {
            Show::All => "all",
            Show::Complete => "complete",
            Show::Incomplete => "incomplete",
            Show::Unreadable => "unreadable",
            Show::MissingSignoff => "missing-signoff",
            Show::DigestNotVerified => "digest-not-verified",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Show::All => "All files",
            Show::Complete => "Complete",
            Show::Incomplete => "Incomplete",
            Show::Unreadable => "Unreadable",
            Show::MissingSignoff => "Missing sign-off",
            Show::DigestNotVerified => "Digest not verified",
        }
    }

    pub fn from_value(v: &str) -> Show {
        Show::ALL
            .into_iter()
            .find(|s| s.value() == v)
            .unwrap_or(Show::All)
    }

    fn keeps(self, c: &FileCheck) -> bool {
        match self {
            Show::All => true,
            Show::Complete => c.status() == Status::Complete,
            Show::Incomplete => c.status() == Status::Incomplete,
            Show::Unreadable => c.status() == Status::Unreadable,
            Show::MissingSignoff => matches!(&c.outcome, Ok(ok) if ok.missing_signoff),
            Show::DigestNotVerified => c.digest_not_verified(),
        }
    }
}

/// A chosen file that was not checked, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub path: String,
    pub reason: &'static str,
}

/// The reason a file that does not end in `.json` is skipped (folders are
/// walked the same way by `involve check`).
pub const NOT_JSON: &str = "Not checked: the name does not end in .json";

/// Whether a file is checked: its name ends in `.json` (any case).
pub fn is_json_name(name: &str) -> bool {
    name.len() >= 5
        && name.is_char_boundary(name.len() - 5)
        && name[name.len() - 5..].eq_ignore_ascii_case(".json")
}

/// A check in progress.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    /// The count last announced to screen readers (throttled by the page).
    pub announced: usize,
}

/// Where focus goes after a change (an element id).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FocusRequest {
    pub id: String,
    pub seq: u32,
}

/// The review: results, summary, and how the table is shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Review {
    /// Every file checked so far, in the order checked.
    pub checks: Rc<Vec<FileCheck>>,
    pub skipped: Rc<Vec<Skipped>>,
    /// [`Summary::of`] the checks.
    pub summary: Rc<Summary>,
    /// The date the files were checked against.
    pub today: Ymd,
    pub running: Option<Progress>,
    /// The last run was stopped with Cancel.
    pub cancelled: bool,
    pub sort: Column,
    pub ascending: bool,
    pub show: Show,
    /// A verdict code, or none for any verdict.
    pub verdict: Option<&'static str>,
    pub text: String,
    /// The indices of [`Review::checks`] the table shows, filtered and sorted.
    pub rows: Rc<Vec<usize>>,
    /// The first row shown (a multiple of [`PAGE_SIZE`]).
    pub first: usize,
    /// The file whose record is shown, by index.
    pub open: Option<usize>,
    pub focus: FocusRequest,
    /// Every file read so far as the annual report reads it, in the order
    /// checked (`format::report`, from the same import as its check).
    pub entries: Rc<Vec<report::Read>>,
    /// The annual report's period and organisation, as typed.
    pub report: QueryInput,
    /// The problems with them, once a report was asked for.
    pub report_errors: Vec<(&'static str, &'static str)>,
}

/// Which part of the annual report's form changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportField {
    FromDay,
    FromMonth,
    FromYear,
    ToDay,
    ToMonth,
    ToYear,
    Organisation,
    /// Which date puts a file in the period: a [`report::DateBasis`] code.
    By,
}

impl Default for Review {
    fn default() -> Review {
        Review {
            checks: Rc::default(),
            skipped: Rc::default(),
            summary: Rc::default(),
            today: Ymd {
                year: 1970,
                month: 1,
                day: 1,
            },
            running: None,
            cancelled: false,
            sort: Column::File,
            ascending: true,
            show: Show::All,
            verdict: None,
            text: String::new(),
            rows: Rc::default(),
            first: 0,
            open: None,
            focus: FocusRequest::default(),
            entries: Rc::default(),
            report: QueryInput::default(),
            report_errors: Vec::new(),
        }
    }
}

/// Every change to the review.
#[derive(Clone, Debug, PartialEq)]
pub enum ReviewAction {
    /// A run starts: how many files will be checked, the files skipped, the
    /// date to check against. Ignored while a run is going.
    Start {
        total: usize,
        skipped: Vec<Skipped>,
        today: Ymd,
    },
    /// `done` files of the run are checked; `announce` updates the text
    /// read out to screen readers.
    Progress {
        done: usize,
        announce: bool,
    },
    /// The run ended (finished, or stopped by Cancel) with these results,
    /// added to the review.
    Finished {
        checks: Vec<FileCheck>,
        cancelled: bool,
    },
    /// Sort by a column (again: the other way).
    Sort(Column),
    Show(Show),
    Verdict(Option<&'static str>),
    Text(String),
    /// Show the next or previous page of rows.
    NextPage,
    PreviousPage,
    /// Show one file's record.
    Open(usize),
    /// Back to the summary and table.
    Close,
    /// Forget every result.
    Clear,
    /// The annual report's reading of the files of the run that is ending
    /// (sent just before [`ReviewAction::Finished`]).
    Entries(Vec<report::Read>),
    /// A box of the annual report's form was typed in.
    Report(ReportField, String),
    /// An annual report was asked for: check the period (the problems, if
    /// any, are shown; focus moves to the summary of them).
    ReportAsked,
}

/// The element focused when a run ends: the summary's heading.
pub const RESULTS_HEADING: &str = "review-results";
/// The element focused when a file's record opens: its heading.
pub const RECORD_HEADING: &str = "review-record";

/// The annual report's error summary.
pub const REPORT_ERRORS: &str = "report-errors";

impl Review {
    /// The annual report of the files read, for the period typed; `None`
    /// when the period has a problem ([`ReviewAction::ReportAsked`] shows it).
    /// The page makes the same report on the download's click.
    pub fn annual(&self) -> Option<AnnualReport> {
        let query = self.report.check().ok()?;
        Some(AnnualReport::new(
            (*self.entries).clone(),
            query,
            self.today,
        ))
    }
}

/// The id of the button that opens file `i`'s record.
pub fn file_button_id(i: usize) -> String {
    format!("review-file-{i}")
}

impl Review {
    fn focus_on(&mut self, id: impl Into<String>) {
        self.focus = FocusRequest {
            id: id.into(),
            seq: self.focus.seq.wrapping_add(1),
        };
    }

    /// The reducer: the only place the review changes.
    pub fn apply(mut self, action: ReviewAction) -> Review {
        match action {
            ReviewAction::Start {
                total,
                skipped,
                today,
            } => {
                if self.running.is_some() {
                    return self;
                }
                self.running = Some(Progress {
                    done: 0,
                    total,
                    announced: 0,
                });
                self.cancelled = false;
                self.open = None;
                self.today = today;
                if !skipped.is_empty() {
                    let mut all = (*self.skipped).clone();
                    all.extend(skipped);
                    self.skipped = Rc::new(all);
                }
            }
            ReviewAction::Progress { done, announce } => {
                if let Some(p) = &mut self.running {
                    p.done = done.min(p.total);
                    if announce {
                        p.announced = p.done;
                    }
                }
            }
            ReviewAction::Finished { checks, cancelled } => {
                self.running = None;
                self.cancelled = cancelled;
                if !checks.is_empty() {
                    let mut all = Vec::with_capacity(self.checks.len() + checks.len());
                    all.extend(self.checks.iter().cloned());
                    all.extend(checks);
                    self.summary = Rc::new(Summary::of(&all));
                    self.checks = Rc::new(all);
                }
                self.refilter();
                self.focus_on(RESULTS_HEADING);
            }
            ReviewAction::Sort(c) => {
                self.ascending = if self.sort == c {
                    !self.ascending
                } else {
                    true
                };
                self.sort = c;
                self.refilter();
            }
            ReviewAction::Show(s) => {
                self.show = s;
                self.refilter();
            }
            ReviewAction::Verdict(v) => {
                self.verdict = v.and_then(|v| VERDICT_CODES.iter().copied().find(|c| *c == v));
                self.refilter();
            }
            ReviewAction::Text(t) => {
                self.text = t;
                self.refilter();
            }
            ReviewAction::NextPage => {
                if self.first + PAGE_SIZE < self.rows.len() {
                    self.first += PAGE_SIZE;
                }
                self.focus_on("review-table-region");
            }
            ReviewAction::PreviousPage => {
                self.first = self.first.saturating_sub(PAGE_SIZE);
                self.focus_on("review-table-region");
            }
            ReviewAction::Open(i) => {
                if i < self.checks.len() {
                    self.open = Some(i);
                    self.focus_on(RECORD_HEADING);
                }
            }
            ReviewAction::Close => {
                if let Some(i) = self.open.take() {
                    // Back to the row's button if it is on the page shown.
                    let shown = self
                        .rows
                        .iter()
                        .skip(self.first)
                        .take(PAGE_SIZE)
                        .any(|r| *r == i);
                    self.focus_on(if shown {
                        file_button_id(i)
                    } else {
                        RESULTS_HEADING.to_string()
                    });
                }
            }
            ReviewAction::Entries(entries) => {
                if !entries.is_empty() {
                    let mut all = (*self.entries).clone();
                    all.extend(entries);
                    self.entries = Rc::new(all);
                }
            }
            ReviewAction::Report(field, value) => {
                let r = &mut self.report;
                let target = match field {
                    ReportField::FromDay => &mut r.from.day,
                    ReportField::FromMonth => &mut r.from.month,
                    ReportField::FromYear => &mut r.from.year,
                    ReportField::ToDay => &mut r.to.day,
                    ReportField::ToMonth => &mut r.to.month,
                    ReportField::ToYear => &mut r.to.year,
                    ReportField::Organisation => &mut r.organisation,
                    ReportField::By => {
                        r.by = report::DateBasis::from_code(&value).unwrap_or_default();
                        return self;
                    }
                };
                *target = value;
            }
            ReviewAction::ReportAsked => {
                self.report_errors = self.report.check().err().unwrap_or_default();
                if !self.report_errors.is_empty() {
                    self.focus_on(REPORT_ERRORS);
                }
            }
            ReviewAction::Clear => {
                if self.running.is_none() {
                    let focus = self.focus.clone();
                    self = Review {
                        focus,
                        ..Review::default()
                    };
                    self.focus_on("review-choose");
                }
            }
        }
        self
    }

    /// Recompute the rows shown, back on the first page.
    fn refilter(&mut self) {
        self.rows = Rc::new(rows(
            &self.checks,
            self.show,
            self.verdict,
            &self.text,
            self.sort,
            self.ascending,
        ));
        self.first = 0;
    }

    /// The rows on the page shown.
    pub fn page_rows(&self) -> &[usize] {
        let end = (self.first + PAGE_SIZE).min(self.rows.len());
        &self.rows[self.first.min(end)..end]
    }
}

/// The indices of `checks` that pass the filters, sorted by `column`
/// (stable: equal rows stay in the order checked).
pub fn rows(
    checks: &[FileCheck],
    show: Show,
    verdict: Option<&str>,
    text: &str,
    column: Column,
    ascending: bool,
) -> Vec<usize> {
    let needle = text.trim().to_lowercase();
    let mut out: Vec<usize> = checks
        .iter()
        .enumerate()
        .filter(|(_, c)| show.keeps(c))
        .filter(|(_, c)| {
            verdict.is_none_or(|v| matches!(&c.outcome, Ok(ok) if ok.verdict.code == v))
        })
        .filter(|(_, c)| {
            needle.is_empty()
                || c.path.to_lowercase().contains(&needle)
                || matches!(&c.outcome, Ok(ok) if ok.title.to_lowercase().contains(&needle))
        })
        .map(|(i, _)| i)
        .collect();
    let key = |i: usize| sort_key(&checks[i], column);
    // Stable either way: equal rows stay in the order checked.
    if ascending {
        out.sort_by_cached_key(|i| key(*i));
    } else {
        out.sort_by_cached_key(|i| std::cmp::Reverse(key(*i)));
    }
    out
}

/// A sortable key: blanks and unreadable files last (ascending).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Some(u32, String),
    Last,
}

fn sort_key(c: &FileCheck, column: Column) -> Key {
    let Ok(ok) = &c.outcome else {
        return match column {
            Column::File => Key::Some(0, c.path.to_lowercase()),
            Column::Complete => Key::Some(2, String::new()),
            _ => Key::Last,
        };
    };
    match column {
        Column::Title if ok.title.trim().is_empty() => Key::Last,
        Column::Title => Key::Some(0, ok.title.trim().to_lowercase()),
        Column::Organisation => Key::Some(
            0,
            crate::format::check::organisation_label(ok.organisation).to_lowercase(),
        ),
        Column::Verdict => Key::Some(
            VERDICT_CODES
                .iter()
                .position(|v| *v == ok.verdict.code)
                .unwrap_or(9) as u32,
            String::new(),
        ),
        Column::Complete => Key::Some(u32::from(!ok.validation.complete), String::new()),
        Column::SignedOff => Key::Some(
            match ok.signed_off {
                SignOff::Yes => 0,
                SignOff::NotNeeded => 1,
                SignOff::No => 2,
            },
            String::new(),
        ),
        Column::Completed => match ok.completed {
            Some(d) => Key::Some(0, format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)),
            None => Key::Last,
        },
        Column::File => Key::Some(0, c.path.to_lowercase()),
    }
}

/// A whole number with thousands separators, e.g. `1,200`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// "1 file" or "1,200 files".
pub fn files(n: usize) -> String {
    if n == 1 {
        "1 file".to_string()
    } else {
        format!("{} files", thousands(n))
    }
}

/// The progress line, e.g. "Checked 1,200 of 2,000 files".
pub fn progress_text(done: usize, total: usize) -> String {
    format!("Checked {} of {}", thousands(done), files(total))
}

/// A short verdict label for the table and filters.
pub fn verdict_label(code: &str) -> &'static str {
    match code {
        "applies" => "Duty applies",
        "does_not_apply" => "Duty does not apply",
        "not_required_yet" => "Not required at this stage",
        _ => "Not decided yet",
    }
}
