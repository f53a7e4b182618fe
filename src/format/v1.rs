//! Migration of format version 1 answers to version 2 (see the module
//! documentation of `format` for the version 1 shape).

use super::value::{Map, Value};
use super::{schema, ImportError, Note};

/// Screening fields that version 1 did not have. Found in a version 1 file,
/// they are ignored (and noted), as any unknown field is.
const V2_ONLY_SCREENING: &[&str] = &[
    "patient_matters",
    "no_patient_matters",
    "public_interest",
    "no_public_interest",
    "previous",
];

/// Convert version 1 `answers` in place into the version 2 shape, noting
/// every conversion and anything dropped. Type problems in the version 1
/// date strings are errors naming the path.
pub(super) fn migrate_answers(
    answers: &mut Value,
    notes: &mut Vec<Note>,
) -> Result<(), ImportError> {
    notes.push(Note {
        code: "migrated",
        path: String::new(),
        message: "This file was made by an earlier version of Involve (file format 1) and has been updated to format 2"
            .into(),
    });
    let Value::Object(answers) = answers else {
        // Left for the schema walk to report with its path.
        return Ok(());
    };
    if let Some(Value::Object(screening)) = answers.get_mut("screening") {
        for key in V2_ONLY_SCREENING {
            if screening.remove(key).is_some() {
                notes.push(Note {
                    code: "unknown_field",
                    path: format!("answers.screening.{key}"),
                    message: "Files in format 1 do not have this field, so it was ignored".into(),
                });
            }
        }
    }
    if let Some(Value::Object(b)) = answers.get_mut("b") {
        for person in ["completed_by", "signoff"] {
            if let Some(Value::Object(p)) = b.get_mut(person) {
                convert_date(p, "date", &format!("answers.b.{person}.date"), notes)?;
            }
        }
    }
    if let Some(Value::Object(c)) = answers.get_mut("c") {
        convert_date(c, "date_produced", "answers.c.date_produced", notes)?;
        if let Some(Value::Array(rows)) = c.get_mut("timescales") {
            for (i, row) in rows.iter_mut().enumerate() {
                if let Value::Object(row) = row {
                    convert_date(
                        row,
                        "date",
                        &format!("answers.c.timescales[{i}].date"),
                        notes,
                    )?;
                }
            }
        }
    }
    Ok(())
}

/// `"YYYY-MM-DD"` → `{"day", "month", "year"}`, keeping the digits exactly
/// as typed (so "2024-2-31" is kept and later reported by validation).
fn convert_date(
    parent: &mut Map,
    key: &str,
    path: &str,
    notes: &mut Vec<Note>,
) -> Result<(), ImportError> {
    let text = match parent.get(key) {
        None | Some(Value::Null) => {
            parent.remove(key);
            return Ok(());
        }
        Some(Value::String(s)) => s.clone(),
        Some(other) => {
            return Err(ImportError::WrongType {
                path: path.into(),
                expected: "text such as 2024-03-31".into(),
                found: schema::describe_found(other),
            })
        }
    };
    let trimmed = text.trim();
    if trimmed.is_empty() {
        parent.remove(key);
        return Ok(());
    }
    let parts: Vec<&str> = trimmed.split('-').collect();
    let ok = parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()));
    if ok {
        let mut date = Map::new();
        date.insert("day".into(), Value::String(parts[2].into()));
        date.insert("month".into(), Value::String(parts[1].into()));
        date.insert("year".into(), Value::String(parts[0].into()));
        parent.insert(key.into(), Value::Object(date));
        notes.push(Note {
            code: "date_converted",
            path: path.into(),
            message: format!("The date \"{trimmed}\" was split into day, month and year"),
        });
    } else {
        parent.remove(key);
        let shown: String = trimmed.chars().take(60).collect();
        notes.push(Note {
            code: "date_dropped",
            path: path.into(),
            message: format!("\"{shown}\" is not a date in the form 2024-03-31, so it was not kept. Enter the date again"),
        });
    }
    Ok(())
}
