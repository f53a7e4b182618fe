//! A [`Doc`] as OpenDocument Text 1.3 (`.odt`).
//!
//! The package: `mimetype` first and stored (so a reader can tell the
//! format from the first bytes), `META-INF/manifest.xml`, `content.xml`,
//! `styles.xml` and `meta.xml` (title, subject, language `en-GB`).
//! Headings use the standard "Heading 1" to "Heading 3" styles with their
//! outline levels; lists are `text:list`s; a table's first row is a
//! `table:table-header-rows`, which a word processor repeats on each page.
//! Black text, black borders, no colour.

use super::{dublin_core_into, escape_into, zip, Block, Doc};

pub const MIME: &str = "application/vnd.oasis.opendocument.text";

const NS: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0""#;

const MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;

const LIST_LEVEL: &str = r#"<style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.75cm" fo:text-indent="-0.5cm" fo:margin-left="0.75cm"/></style:list-level-properties>"#;

fn styles() -> String {
    let heading = |n: u8, size: &str| {
        format!(
            r#"<style:style style:name="Heading_20_{n}" style:display-name="Heading {n}" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="{n}" style:class="text"><style:text-properties fo:font-size="{size}" fo:font-weight="bold"/></style:style>"#
        )
    };
    format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {NS} office:version="1.3"><office:styles><style:default-style style:family="paragraph"><style:text-properties fo:font-family="Arial" fo:font-size="12pt" fo:color="#000000" fo:language="en" fo:country="GB"/></style:default-style><style:style style:name="Standard" style:family="paragraph" style:class="text"/><style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.2cm"/></style:style><style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text"><style:paragraph-properties fo:margin-top="0.5cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/></style:style>{}{}{}<style:style style:name="Question" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text"><style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold"/></style:style><style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:text-properties fo:font-size="10pt"/></style:style><style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra"><style:text-properties fo:font-weight="bold"/></style:style><style:style style:name="List_20_Paragraph" style:display-name="List Paragraph" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="list"><style:paragraph-properties fo:margin-bottom="0.1cm"/></style:style><text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•">{LIST_LEVEL}</text:list-level-style-bullet></text:list-style><text:list-style style:name="Numbers"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1">{LIST_LEVEL}</text:list-level-style-number></text:list-style></office:styles><office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout></office:automatic-styles><office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles></office:document-styles>"##,
        heading(1, "20pt"),
        heading(2, "16pt"),
        heading(3, "13pt")
    )
}

fn meta(doc: &Doc) -> String {
    let mut m = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta><meta:generator>Involve</meta:generator>"#,
    );
    dublin_core_into(&mut m, doc);
    m.push_str("</office:meta></office:document-meta>");
    m
}

/// Paragraph text: `\n` as a line break.
fn text_into(out: &mut String, text: &str) {
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<text:line-break/>");
        }
        escape_into(out, line);
    }
}

fn para(out: &mut String, style: &str, text: &str) {
    out.push_str("<text:p text:style-name=\"");
    out.push_str(style);
    out.push_str("\">");
    text_into(out, text);
    out.push_str("</text:p>");
}

fn row(out: &mut String, cells: &[String], width: usize, style: &str) {
    out.push_str("<table:table-row>");
    for i in 0..width {
        out.push_str(r#"<table:table-cell table:style-name="Cell" office:value-type="string">"#);
        para(out, style, cells.get(i).map(String::as_str).unwrap_or(""));
        out.push_str("</table:table-cell>");
    }
    out.push_str("</table:table-row>");
}

fn content(doc: &Doc) -> String {
    let mut out = String::new();
    let mut column_styles = String::new();
    let mut tables = 0;
    for b in &doc.blocks {
        match b {
            Block::Heading(level, t) => {
                let level = (*level).clamp(1, 3);
                out.push_str(&format!(
                    r#"<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">"#
                ));
                escape_into(&mut out, &t.replace('\n', " "));
                out.push_str("</text:h>");
            }
            Block::Para(t) => para(&mut out, "Text_20_body", t),
            Block::Label(t) => para(&mut out, "Question", t),
            Block::List { ordered, items } => {
                out.push_str(if *ordered {
                    r#"<text:list text:style-name="Numbers">"#
                } else {
                    r#"<text:list text:style-name="Bullets">"#
                });
                for item in items {
                    out.push_str("<text:list-item>");
                    for p in item {
                        para(&mut out, "List_20_Paragraph", p);
                    }
                    out.push_str("</text:list-item>");
                }
                out.push_str("</text:list>");
            }
            Block::Table {
                header,
                rows,
                widths,
            } => {
                tables += 1;
                let columns = Block::columns(header, rows, widths);
                let width = columns.len();
                out.push_str(&format!(
                    r#"<table:table table:name="Table{tables}" table:style-name="Tbl">"#
                ));
                for (i, share) in columns.iter().enumerate() {
                    // 17 cm of text width, in hundredths of a millimetre.
                    column_styles.push_str(&format!(r#"<style:style style:name="T{tables}C{i}" style:family="table-column"><style:table-column-properties style:column-width="{}mm"/></style:style>"#, 170 * share / 1000));
                    out.push_str(&format!(
                        r#"<table:table-column table:style-name="T{tables}C{i}"/>"#
                    ));
                }
                out.push_str("<table:table-header-rows>");
                row(&mut out, header, width, "Table_20_Heading");
                out.push_str("</table:table-header-rows>");
                for r in rows {
                    row(&mut out, r, width, "Table_20_Contents");
                }
                out.push_str("</table:table>");
            }
        }
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {NS} office:version="1.3"><office:automatic-styles><style:style style:name="Tbl" style:family="table"><style:table-properties style:width="17cm" table:align="margins" fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"/></style:style><style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.1cm"/></style:style>{column_styles}</office:automatic-styles><office:body><office:text>{out}</office:text></office:body></office:document-content>"#
    )
}

/// The `.odt` file's bytes.
pub fn write(doc: &Doc) -> Vec<u8> {
    let (content, styles, meta) = (content(doc), styles(), meta(doc));
    zip::stored(&[
        ("mimetype", MIME.as_bytes()),
        ("META-INF/manifest.xml", MANIFEST.as_bytes()),
        ("content.xml", content.as_bytes()),
        ("styles.xml", styles.as_bytes()),
        ("meta.xml", meta.as_bytes()),
    ])
}
