//! A [`Doc`] as Word (Office Open XML, `.docx`).
//!
//! The package: `[Content_Types].xml`, `_rels/.rels`, `word/document.xml`
//! with its relationships to `word/styles.xml` and `word/numbering.xml`,
//! and `docProps/core.xml` (title, subject, language `en-GB`). Headings use
//! Word's built-in "heading 1" to "heading 3" styles with outline levels;
//! lists are numbered paragraphs (`w:numPr`), each ordered list restarting
//! at 1; a table's first row is marked `w:tblHeader`, which Word repeats on
//! each page. Black text, black borders, no colour.

use super::{dublin_core_into, escape_into, zip, Block, Doc};

pub const MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#;

/// The page's text width in twentieths of a point (A4 less 2 cm margins).
const TEXT_WIDTH: usize = 9638;

fn styles() -> String {
    let heading = |n: u8, size: u8| {
        format!(
            r#"<w:style w:type="paragraph" w:styleId="Heading{n}"><w:name w:val="heading {n}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="280" w:after="120"/><w:outlineLvl w:val="{}"/></w:pPr><w:rPr><w:b/><w:sz w:val="{size}"/></w:rPr></w:style>"#,
            n - 1
        )
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial" w:eastAsia="Arial"/><w:color w:val="000000"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>{}{}{}<w:style w:type="paragraph" w:customStyle="1" w:styleId="Question"><w:name w:val="Question"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="60"/></w:pPr><w:rPr><w:b/></w:rPr></w:style><w:style w:type="paragraph" w:customStyle="1" w:styleId="TableContents"><w:name w:val="Table Contents"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="40" w:after="40"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style><w:style w:type="paragraph" w:customStyle="1" w:styleId="TableHeading"><w:name w:val="Table Heading"/><w:basedOn w:val="TableContents"/><w:rPr><w:b/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="60"/><w:ind w:left="720"/></w:pPr></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders></w:tblPr></w:style></w:styles>"#,
        heading(1, 40),
        heading(2, 32),
        heading(3, 26)
    )
}

fn numbering(ordered_lists: usize) -> String {
    let level = |fmt: &str, text: &str| {
        format!(
            r#"<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>"#
        )
    };
    let mut out = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>{}</w:abstractNum><w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/>{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
        level("bullet", "•"),
        level("decimal", "%1.")
    );
    // Each ordered list has a numbering of its own so that it starts at 1.
    for i in 0..ordered_lists {
        out.push_str(&format!(r#"<w:num w:numId="{}"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#, i + 2));
    }
    out.push_str("</w:numbering>");
    out
}

fn core(doc: &Doc) -> String {
    let mut m = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
    );
    dublin_core_into(&mut m, doc);
    m.push_str("<dc:creator>Involve</dc:creator></cp:coreProperties>");
    m
}

/// Runs of `text`: `\n` as a line break.
fn runs(out: &mut String, text: &str) {
    out.push_str("<w:r>");
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<w:br/>");
        }
        out.push_str(r#"<w:t xml:space="preserve">"#);
        escape_into(out, line);
        out.push_str("</w:t>");
    }
    out.push_str("</w:r>");
}

fn para(out: &mut String, style: Option<&str>, num: Option<usize>, text: &str) {
    out.push_str("<w:p>");
    if style.is_some() || num.is_some() {
        out.push_str("<w:pPr>");
        if let Some(s) = style {
            out.push_str(&format!(r#"<w:pStyle w:val="{s}"/>"#));
        }
        if let Some(n) = num {
            out.push_str(&format!(
                r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{n}"/></w:numPr>"#
            ));
        }
        out.push_str("</w:pPr>");
    }
    runs(out, text);
    out.push_str("</w:p>");
}

fn row(out: &mut String, cells: &[String], columns: &[usize], header: bool) {
    out.push_str("<w:tr>");
    if header {
        out.push_str("<w:trPr><w:tblHeader/></w:trPr>");
    }
    for (i, w) in columns.iter().enumerate() {
        out.push_str(&format!(
            r#"<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>"#
        ));
        let style = if header {
            "TableHeading"
        } else {
            "TableContents"
        };
        para(
            out,
            Some(style),
            None,
            cells.get(i).map(String::as_str).unwrap_or(""),
        );
        out.push_str("</w:tc>");
    }
    out.push_str("</w:tr>");
}

fn document(doc: &Doc) -> (String, usize) {
    let mut out = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W}><w:body>"#
    );
    let mut ordered = 0;
    let mut after_table = false;
    for b in &doc.blocks {
        // Word joins adjacent tables: only then does a paragraph go between.
        if after_table && matches!(b, Block::Table { .. }) {
            out.push_str("<w:p/>");
        }
        after_table = matches!(b, Block::Table { .. });
        match b {
            Block::Heading(level, t) => para(
                &mut out,
                Some(&format!("Heading{}", (*level).clamp(1, 3))),
                None,
                &t.replace('\n', " "),
            ),
            Block::Para(t) => para(&mut out, None, None, t),
            Block::Label(t) => para(&mut out, Some("Question"), None, t),
            Block::List {
                ordered: is_ordered,
                items,
            } => {
                let num = if *is_ordered {
                    ordered += 1;
                    ordered + 1
                } else {
                    1
                };
                for item in items {
                    for (i, p) in item.iter().enumerate() {
                        para(&mut out, Some("ListParagraph"), (i == 0).then_some(num), p);
                    }
                }
            }
            Block::Table {
                header,
                rows,
                widths,
            } => {
                let columns: Vec<usize> = Block::columns(header, rows, widths)
                    .iter()
                    .map(|s| TEXT_WIDTH * *s as usize / 1000)
                    .collect();
                out.push_str(r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/><w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>"#);
                for w in &columns {
                    out.push_str(&format!(r#"<w:gridCol w:w="{w}"/>"#));
                }
                out.push_str("</w:tblGrid>");
                row(&mut out, header, &columns, true);
                for r in rows {
                    row(&mut out, r, &columns, false);
                }
                out.push_str("</w:tbl>");
            }
        }
    }
    // The body ends with a paragraph, as Word expects.
    if after_table {
        out.push_str("<w:p/>");
    }
    out.push_str(r#"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>"#);
    (out, ordered)
}

/// The `.docx` file's bytes.
pub fn write(doc: &Doc) -> Vec<u8> {
    let (document, ordered) = document(doc);
    let (styles, numbering, core) = (styles(), numbering(ordered), core(doc));
    zip::stored(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
        ("docProps/core.xml", core.as_bytes()),
    ])
}
