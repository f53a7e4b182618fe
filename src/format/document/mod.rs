//! Documents people edit: an assessment, or the annual report, as
//! OpenDocument Text (`.odt`) and Word (`.docx`).
//!
//! The shape of a document is defined once, here ([`Doc`]: headings of
//! levels 1 to 3, paragraphs, question labels, lists, tables with a header
//! row, and the title, subject and language of its metadata); [`odt`] and
//! [`docx`] are two serialisers of that one model, over one stored zip
//! writer ([`zip`]). What an assessment's document holds is chosen once
//! ([`assessment`]): the decision record, then every section and question
//! that check answers shows, in its order, read from the same catalogue and
//! wording (`forms::wording::section_fields`, `forms::access::is_shown` and
//! `forms::access::display_lines`), so a new section or question appears
//! in the document with no change here.
//!
//! Nothing here fails or panics on any input: text the XML of either format
//! cannot hold (control characters, U+FFFE, U+FFFF) is dropped by
//! [`Doc::sanitise`] and the document says how many characters were
//! dropped; the serialisers escape everything else.

pub mod assessment;
pub mod docx;
pub mod odt;
pub mod zip;

/// The language every document declares.
pub const LANGUAGE: &str = "en-GB";

/// One block of a document, in reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A heading of level 1, 2 or 3 (other levels are written as 3).
    Heading(u8, String),
    /// A paragraph; a `\n` in it is a line break.
    Para(String),
    /// A question's label, set in bold above its answer (a paragraph style
    /// of its own, "Question", so it is not mistaken for a heading).
    Label(String),
    /// A bulleted (or numbered) list; each item holds one or more paragraphs.
    List {
        ordered: bool,
        items: Vec<Vec<String>>,
    },
    /// A table whose first row is a header row (repeated on each page);
    /// `widths` are the columns' relative widths (empty: equal).
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
        widths: Vec<u32>,
    },
}

/// A document: metadata and blocks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Doc {
    pub title: String,
    pub subject: String,
    /// Always [`LANGUAGE`] for documents Involve makes.
    pub language: String,
    pub blocks: Vec<Block>,
}

impl Doc {
    pub fn new(title: impl Into<String>, subject: impl Into<String>) -> Doc {
        Doc {
            title: title.into(),
            subject: subject.into(),
            language: LANGUAGE.into(),
            blocks: Vec::new(),
        }
    }

    pub fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.blocks
            .push(Block::Heading(level.clamp(1, 3), text.into()));
    }

    pub fn para(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Para(text.into()));
    }

    pub fn label(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Label(text.into()));
    }

    /// A bulleted list of one-paragraph items.
    pub fn bullets<I: IntoIterator<Item = String>>(&mut self, items: I) {
        self.blocks.push(Block::List {
            ordered: false,
            items: items.into_iter().map(|i| vec![i]).collect(),
        });
    }

    pub fn table(&mut self, header: &[&str], rows: Vec<Vec<String>>) {
        self.blocks.push(Block::Table {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows,
            widths: Vec::new(),
        });
    }

    /// A table with the columns' relative widths.
    pub fn table_with_widths(&mut self, header: &[&str], widths: &[u32], rows: Vec<Vec<String>>) {
        self.blocks.push(Block::Table {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows,
            widths: widths.to_vec(),
        });
    }

    /// Every text of the document, metadata included, in reading order (for
    /// tests and the fuzz target).
    pub fn texts(&self) -> Vec<&str> {
        let mut out = vec![self.title.as_str(), self.subject.as_str()];
        for b in &self.blocks {
            match b {
                Block::Heading(_, t) | Block::Para(t) | Block::Label(t) => out.push(t),
                Block::List { items, .. } => out.extend(items.iter().flatten().map(String::as_str)),
                Block::Table { header, rows, .. } => {
                    out.extend(header.iter().map(String::as_str));
                    out.extend(rows.iter().flatten().map(String::as_str));
                }
            }
        }
        out
    }

    /// Make every text one that XML 1.0 can hold and that reads the same in
    /// both formats: drop control characters (but tab, which becomes a
    /// space, and line ends, which become `\n`), U+FFFE and U+FFFF. Returns
    /// how many characters were dropped.
    pub fn sanitise(&mut self) -> usize {
        let mut dropped = 0;
        let mut fix = |t: &mut String| {
            if t.chars().any(needs_fixing) {
                let (clean, n) = clean_text(t);
                *t = clean;
                dropped += n;
            }
        };
        fix(&mut self.title);
        fix(&mut self.subject);
        for b in &mut self.blocks {
            match b {
                Block::Heading(_, t) | Block::Para(t) | Block::Label(t) => fix(t),
                Block::List { items, .. } => items.iter_mut().flatten().for_each(&mut fix),
                Block::Table { header, rows, .. } => {
                    header.iter_mut().for_each(&mut fix);
                    rows.iter_mut().flatten().for_each(&mut fix);
                }
            }
        }
        dropped
    }
}

fn needs_fixing(c: char) -> bool {
    (c.is_control() && c != '\n') || c == '\u{FFFE}' || c == '\u{FFFF}'
}

/// `text` with line ends as `\n`, tabs as spaces and every other control
/// character, U+FFFE and U+FFFF dropped; and how many were dropped.
pub fn clean_text(text: &str) -> (String, usize) {
    let mut out = String::with_capacity(text.len());
    let mut dropped = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            c if needs_fixing(c) => dropped += 1,
            c => out.push(c),
        }
    }
    (out, dropped)
}

/// Whether XML 1.0 can hold the character (the serialisers' last guard, for
/// a [`Doc`] that was not sanitised).
pub(crate) fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Append `text` to `out` escaped for XML text and attribute values;
/// characters XML cannot hold are left out.
pub(crate) fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if xml_char(c) => out.push(c),
            _ => {}
        }
    }
}

/// The Dublin Core title, subject and language both formats' metadata
/// hold (ODF `meta.xml`, OPC `docProps/core.xml`).
pub(crate) fn dublin_core_into(out: &mut String, doc: &Doc) {
    for (tag, text) in [
        ("title", &doc.title),
        ("subject", &doc.subject),
        ("language", &doc.language),
    ] {
        out.push_str("<dc:");
        out.push_str(tag);
        out.push('>');
        escape_into(out, text);
        out.push_str("</dc:");
        out.push_str(tag);
        out.push('>');
    }
}

/// A file name for a document: `stem` (the JSON file's suggested name or
/// file name without `.json`) made safe on Windows, macOS and Linux, with
/// `extension`: only ASCII letters, digits, `-`, `_` and `.` are kept, runs
/// of anything else become one `-`, and an empty result is `involve`.
pub fn safe_file_name(stem: &str, extension: &str) -> String {
    let stem = stem
        .strip_suffix(".json")
        .or_else(|| stem.strip_suffix(".JSON"))
        .unwrap_or(stem);
    let mut out = String::new();
    let mut gap = false;
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() || c == '-' || c == '_' || (c == '.' && !out.is_empty()) {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
        if out.len() >= 100 {
            break;
        }
    }
    let trimmed = out.trim_end_matches(['.', '-']);
    let stem = if trimmed.is_empty() {
        "involve"
    } else {
        trimmed
    };
    format!("{stem}.{extension}")
}

/// The two formats a document is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Odt,
    Docx,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Odt => "odt",
            Format::Docx => "docx",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Odt => odt::MIME,
            Format::Docx => docx::MIME,
        }
    }

    /// The document's bytes in this format.
    pub fn write(self, doc: &Doc) -> Vec<u8> {
        match self {
            Format::Odt => odt::write(doc),
            Format::Docx => docx::write(doc),
        }
    }
}

/// An Involve file's bytes as a document: the library half of `involve
/// export` (import as `involve check` does, then [`assessment::document`]
/// of the answers read); write it with [`Format::write`]. A file that
/// cannot be read gives the reason `involve check` gives.
pub fn from_file_bytes(
    bytes: &[u8],
    today: crate::model::Ymd,
) -> Result<Doc, super::check::Unreadable> {
    let doc = super::import_bytes(bytes).map_err(|e| super::check::Unreadable {
        code: e.code(),
        message: e.to_string(),
    })?;
    let source = assessment::Source {
        answers: &doc.answers,
        created: Some(&doc.created),
        updated: Some(&doc.updated),
        today,
        organisation_name: None,
    };
    Ok(assessment::document(&source))
}

impl Block {
    /// A table's column count and each column's share of the text width in
    /// thousandths (the shares add up to at most 1000).
    pub(crate) fn columns(header: &[String], rows: &[Vec<String>], widths: &[u32]) -> Vec<u32> {
        let n = header
            .len()
            .max(rows.iter().map(Vec::len).max().unwrap_or(0))
            .max(1);
        let weights: Vec<u32> = (0..n)
            .map(|i| {
                widths
                    .get(i)
                    .copied()
                    .filter(|w| *w > 0)
                    .unwrap_or(if widths.is_empty() { 1 } else { 10 })
            })
            .collect();
        let total: u64 = weights.iter().map(|w| *w as u64).sum();
        weights
            .iter()
            .map(|w| (*w as u64 * 1000 / total) as u32)
            .collect()
    }
}
