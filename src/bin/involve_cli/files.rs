//! The command-line tool's files: arguments expanded to files (folders
//! searched recursively for `.json` files, case-insensitive, in sorted
//! order; other files in them skipped; a folder with no `.json` file
//! reported as unreadable, so an empty or mistyped folder is never a silent
//! pass), each read with the size limit, and checked over several threads.
//! The checking itself is the library's (`involve::format::check`), which
//! takes bytes and returns reports (issue 19: I/O at the edge, as ripgrep
//! keeps it in its thin main).

use involve::format::check::{check_bytes, FileCheck, Unreadable};
use involve::model::Ymd;
use std::path::{Path, PathBuf};

/// An argument expanded: a file to read, or a problem found while expanding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Problem(String, Unreadable),
}

/// Expand arguments: files as given, directories recursively to their
/// `.json` files in sorted order.
pub fn expand(args: &[PathBuf]) -> Vec<Input> {
    let mut out = Vec::new();
    for arg in args {
        if arg.is_dir() {
            let mut found = Vec::new();
            match collect_json(arg, &mut found) {
                Ok(()) if found.is_empty() => out.push(Input::Problem(
                    display(arg),
                    Unreadable {
                        code: "no_files",
                        message: "The folder has no .json files. Check the folder name".into(),
                    },
                )),
                Ok(()) => out.extend(found.into_iter().map(Input::File)),
                Err(_) => out.push(Input::Problem(
                    display(arg),
                    Unreadable {
                        code: "could_not_read",
                        message:
                            "The folder could not be opened. Check you have permission to read it"
                                .into(),
                    },
                )),
            }
        } else {
            out.push(Input::File(arg.clone()));
        }
    }
    out
}

fn collect_json(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            // An unreadable subfolder is skipped rather than failing the walk.
            let _ = collect_json(&p, out);
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        {
            out.push(p);
        }
    }
    Ok(())
}

fn display(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// Read and check one file.
pub fn check_file(path: &Path, today: Ymd) -> FileCheck {
    let outcome = match read_limited(path) {
        Ok(bytes) => check_bytes(&bytes, today),
        Err(e) => Err(e),
    };
    FileCheck {
        path: display(path),
        outcome,
    }
}

/// Read a file of at most [`MAX_BYTES`](involve::format::MAX_BYTES) (one byte more is
/// read, so import refuses a larger one as too large).
pub fn read_limited(path: &Path) -> Result<Vec<u8>, Unreadable> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Unreadable {
            code: "not_found",
            message: "The file could not be found. Check the file name".into(),
        },
        _ => Unreadable {
            code: "could_not_read",
            message: "The file could not be opened. Check you have permission to read it".into(),
        },
    })?;
    // Read at most one byte more than the limit, so a huge file is not
    // read whole to be rejected.
    let mut bytes = Vec::new();
    file.take(involve::format::MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| Unreadable {
            code: "could_not_read",
            message: "The file could not be read. Check it is a file, not a folder or device"
                .into(),
        })?;
    Ok(bytes)
}

/// Check every input, in order, using up to `threads` threads.
pub fn check_all(inputs: &[Input], today: Ymd, threads: usize) -> Vec<FileCheck> {
    map_inputs(inputs, threads, |i| match i {
        Input::File(p) => check_file(p, today),
        Input::Problem(p, u) => FileCheck {
            path: p.clone(),
            outcome: Err(u.clone()),
        },
    })
}

/// `f` over every input, in order, on up to `threads` threads (one for
/// fewer than 64 inputs): the checking of `involve check` and the reading
/// of `involve report`.
pub fn map_inputs<T: Send>(
    inputs: &[Input],
    threads: usize,
    f: impl Fn(&Input) -> T + Sync,
) -> Vec<T> {
    let threads = threads.clamp(1, 64);
    if threads == 1 || inputs.len() < 64 {
        return inputs.iter().map(&f).collect();
    }
    let chunk = inputs.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|s| {
        let handles: Vec<_> = inputs
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(f).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}
