//! Dates typed into day, month and year boxes: checking them and showing
//! them. Plain functions; the caller passes "today", nothing reads a clock.

use crate::model::{DateInput, Ymd};

/// Why a typed date is not a real date, in the order the NHS service manual
/// reports them (missing parts first, then the real-date check).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// Nothing typed.
    Blank,
    /// Some parts typed, these missing (day, month, year).
    Missing { day: bool, month: bool, year: bool },
    /// All parts typed but they do not make a real date (non-digits, month
    /// 13, 31 February, year 0000).
    NotReal,
    /// Day and month are numbers and the year is a number, but not written
    /// with four digits ("30 6 25"): GOV.UK's "Year must include 4 numbers".
    YearNotFourDigits,
}

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Days in a month of the proleptic Gregorian calendar.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

fn number(s: &str, max_len: usize) -> Option<u32> {
    let s = s.trim();
    if s.is_empty() || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Check a typed date. Accepts "1" or "01" for day and month, and a
/// four-digit year from 1000 on (a two-digit year is not a real date: "24"
/// would otherwise be read as the year 24).
pub fn parse_date(d: &DateInput) -> Result<Ymd, DateProblem> {
    if d.is_blank() {
        return Err(DateProblem::Blank);
    }
    let (day, month, year) = (
        d.day.trim().is_empty(),
        d.month.trim().is_empty(),
        d.year.trim().is_empty(),
    );
    if day || month || year {
        return Err(DateProblem::Missing { day, month, year });
    }
    let dd = number(&d.day, 2).ok_or(DateProblem::NotReal)?;
    let mm = number(&d.month, 2).ok_or(DateProblem::NotReal)?;
    let year_digits = d.year.trim();
    if !year_digits.is_empty()
        && year_digits.bytes().all(|b| b.is_ascii_digit())
        && year_digits.len() != 4
    {
        return Err(DateProblem::YearNotFourDigits);
    }
    let yy = number(&d.year, 4).ok_or(DateProblem::NotReal)?;
    if d.year.trim().len() != 4 || yy < 1000 {
        return Err(DateProblem::NotReal);
    }
    let year = yy as i32;
    if !(1..=12).contains(&mm) || dd < 1 || dd > days_in_month(year, mm) {
        return Err(DateProblem::NotReal);
    }
    Ok(Ymd {
        year,
        month: mm,
        day: dd,
    })
}

/// "15/03/2017": the short form of the CSV exports, the annual report and
/// the review table.
pub fn format_dmy(d: Ymd) -> String {
    format!("{:02}/{:02}/{:04}", d.day, d.month, d.year)
}

/// An RFC 3339 date-time ("2026-10-01T09:30:00Z", as a file's `created`
/// and `updated` hold it) in words, to the minute, with its offset: "1
/// October 2026 at 09:30 UTC", "1 July 2026 at 08:05 (UTC+01:00)". `None`
/// for anything else (no time, a date that does not exist, a bad offset).
pub fn format_timestamp(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let t = s.get(r)?;
        t.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| t.parse().ok())?
    };
    if b.len() < 20
        || b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't')
        || b[13] != b':'
    {
        return None;
    }
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let (hour, minute) = (digits(11..13)?, digits(14..16)?);
    if !(1..=12).contains(&month)
        || day == 0
        || day > days_in_month(year as i32, month)
        || hour > 23
        || minute > 59
    {
        return None;
    }
    // Seconds and any fraction, then the offset.
    let rest = &s[16..];
    let at = rest.find(['Z', 'z', '+', '-'])?;
    let zone = match &rest[at..] {
        "Z" | "z" | "+00:00" | "-00:00" => "UTC".to_string(),
        o if o.len() == 6
            && o.as_bytes()[3] == b':'
            && digits(s.len() - 5..s.len() - 3).is_some_and(|h| h <= 23)
            && digits(s.len() - 2..s.len()).is_some_and(|m| m <= 59) =>
        {
            format!("(UTC{o})")
        }
        _ => return None,
    };
    let date = format_ymd(Ymd {
        year: year as i32,
        month,
        day,
    });
    Some(format!("{date} at {hour:02}:{minute:02} {zone}"))
}

/// "15 March 2017".
pub fn format_ymd(d: Ymd) -> String {
    let month = MONTHS
        .get((d.month as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("");
    format!("{} {} {}", d.day, month, d.year)
}

/// A typed date for display: a real date in words, otherwise what was typed
/// ("31/02/2017"); `None` when blank.
pub fn display_date(d: &DateInput) -> Option<String> {
    match parse_date(d) {
        Ok(ymd) => Some(format_ymd(ymd)),
        Err(DateProblem::Blank) => None,
        Err(_) => Some(format!(
            "{}/{}/{}",
            d.day.trim(),
            d.month.trim(),
            d.year.trim()
        )),
    }
}

/// A real date as boxes, e.g. for prefilling "Date produced" with today.
pub fn date_input(d: Ymd) -> DateInput {
    DateInput {
        day: d.day.to_string(),
        month: d.month.to_string(),
        year: d.year.to_string(),
    }
}
