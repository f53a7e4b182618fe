//! `involve check FILE...`: validate exported Involve documents in bulk;
//! `involve export`: write them as documents; `involve report`: the annual
//! report.
//!
//! A thin shell over `involve::format::check`, `format::document` and
//! `format::report`, which take bytes and return reports: parse arguments,
//! read the clock once, read and write files (`involve_cli/files.rs`:
//! folders expanded, the size limit, threads), print, and map outcomes to
//! exit codes (0 every file complete, 1
//! any incomplete, 2 any unreadable or a usage problem).

#[path = "involve_cli/files.rs"]
mod files;

use involve::format::check::{self, civil_from_days, parse_ymd};
use involve::model::Ymd;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
Usage: involve check [--json | --csv | --summary] [--today YYYY-MM-DD] FILE_OR_FOLDER...
       involve export (--odt | --docx)... [--out DIR] [--today YYYY-MM-DD] FILE_OR_FOLDER...
       involve report --from YYYY-MM-DD --to YYYY-MM-DD [--by signoff|decision]
                      [--org NAME] [--odt | --docx | --csv] [--out PATH] FILE_OR_FOLDER...
       involve rulesets
       involve --help | --version

Check Involve documents (.json files downloaded from Involve): whether each
is complete, the duty-to-involve verdict recomputed from its answers under
the file's ruleset, and every problem with its field.

`involve export` writes each file as a document to edit (OpenDocument
Text with --odt, Word with --docx, or both): the decision, Appendix B and
Appendix C. Each is written beside its file with the file's name, or into
DIR with --out. Exit status: 0 every document written, 2 any file
unreadable or any document not written.

`involve report` writes the annual report of the files whose sign-off date
(or, when there is none, completion date) falls in the period, or with
--by decision whose decision date (the completion date, when the form
records the decision on the duty) does; optionally only those of one
organisation: the activities assessed and their verdicts, the duties
engaged, the activities where the duty applied and how people were
involved, the scrutiny and notification of each substantial development
or variation, and the files left out and why. --odt (the
default), --docx or --csv; to PATH, or involve-report-FROM-to-TO.EXT in
the current folder. Exit status: 0 written, 2 not written or a problem
with the command (files left out are listed in the report, not errors).

`involve rulesets` lists the rulesets: id, title, the organisation types
each covers, and which new assessments use (default).

Folders are searched, including subfolders, for files ending in .json.

Options:
  --json               print one JSON object with every file's result,
                       decision record (reasons and actions) included
  --csv                print the review table as CSV for Excel: one row per
                       file (file, title, organisation, ruleset, verdict,
                       complete, signed off, completion date, scrutiny and
                       notification, errors, warnings, why unreadable)
  --summary            print an assurance table (verdicts, incomplete forms,
                       forms missing sign-off, unreadable files, and files by
                       ruleset, organisation type and form section) instead
                       of each file's problems
  --today YYYY-MM-DD   check dates against this day instead of today (UTC)

Exit status: 0 every file complete, 1 any file incomplete,
2 any file unreadable (or a problem with the command)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    ExitCode::from(run(&args) as u8)
}

fn usage_error(message: &str) -> i32 {
    eprintln!("involve: {message}\n\n{USAGE}");
    2
}

fn today_utc() -> Ymd {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    civil_from_days((secs / 86_400) as i64)
}

fn run(args: &[String]) -> i32 {
    match args.first().map(String::as_str) {
        None => usage_error("say what to do, for example: involve check assessment.json"),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            0
        }
        Some("-V" | "--version") => {
            println!(
                "involve {} (document format {})",
                env!("CARGO_PKG_VERSION"),
                involve::format::VERSION
            );
            0
        }
        Some("rulesets") if args.len() == 1 => {
            print!("{}", check::render_rulesets());
            0
        }
        Some("check") => check_command(&args[1..]),
        Some("export") => export_command(&args[1..]),
        Some("report") => report_command(&args[1..]),
        Some(other) => usage_error(&format!("there is no command called '{other}'")),
    }
}

/// The message for an option's value that is missing or wrong.
const A_DATE: &str = "a real date in the form 2026-11-21";

/// A command's arguments, read the same way for every command: flags,
/// options with a value, then files and folders; `--` ends the options and
/// `-h`/`--help` prints the usage.
struct Parsed<'a> {
    flags: Vec<&'a str>,
    values: Vec<(&'a str, &'a str)>,
    files: Vec<PathBuf>,
}

impl Parsed<'_> {
    fn has(&self, flag: &str) -> bool {
        self.flags.contains(&flag)
    }

    /// The option's value (the last given).
    fn value(&self, option: &str) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(o, _)| *o == option)
            .map(|(_, v)| *v)
    }

    /// The option's date, if given; a usage error if it is not a real date.
    fn date(&self, option: &str) -> Result<Option<Ymd>, i32> {
        match self.value(option) {
            None => Ok(None),
            Some(v) => parse_ymd(v)
                .map(Some)
                .ok_or_else(|| usage_error(&format!("{option} needs {A_DATE}"))),
        }
    }
}

/// Read `args` knowing the command's `flags` and its `valued` options
/// (option, what its value must be). `Err` holds the exit code, once the
/// usage or the problem has been printed.
fn parse<'a>(
    args: &'a [String],
    flags: &[&str],
    valued: &[(&'a str, &str)],
) -> Result<Parsed<'a>, i32> {
    let mut p = Parsed {
        flags: Vec::new(),
        values: Vec::new(),
        files: Vec::new(),
    };
    let mut rest = args.iter().map(String::as_str);
    let mut options_done = false;
    while let Some(a) = rest.next() {
        if options_done || a == "-" || !a.starts_with('-') {
            p.files.push(PathBuf::from(a));
        } else if a == "--" {
            options_done = true;
        } else if a == "-h" || a == "--help" {
            println!("{USAGE}");
            return Err(0);
        } else if flags.contains(&a) {
            p.flags.push(a);
        } else if let Some((option, needs)) = valued.iter().find(|(o, _)| *o == a) {
            match rest.next() {
                Some(v) => p.values.push((option, v)),
                None => return Err(usage_error(&format!("{option} needs {needs}"))),
            }
        } else {
            return Err(usage_error(&format!("there is no option called '{a}'")));
        }
    }
    Ok(p)
}

fn check_command(args: &[String]) -> i32 {
    let p = match parse(
        args,
        &["--json", "--csv", "--summary"],
        &[("--today", A_DATE)],
    ) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let (json, csv, summary, files) = (
        p.has("--json"),
        p.has("--csv"),
        p.has("--summary"),
        &p.files,
    );
    let today = match p.date("--today") {
        Ok(d) => d,
        Err(code) => return code,
    };
    if csv && (json || summary) {
        return usage_error("choose one of --csv, --json and --summary");
    }
    if files.is_empty() {
        return usage_error("give at least one file or folder to check");
    }
    let today = today.unwrap_or_else(today_utc);
    let inputs = files::expand(files);
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let results = files::check_all(&inputs, today, threads);

    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = if csv {
        out.write_all(involve::format::csv::csv_report(&results).as_bytes())
    } else if json {
        out.write_all(check::report_json(&results, today).as_bytes())
    } else if summary {
        out.write_all(check::terminal_safe(&check::render_summary(&results, today)).as_bytes())
    } else {
        results
            .iter()
            .try_for_each(|r| {
                out.write_all(check::terminal_safe(&check::render_file(r)).as_bytes())
            })
            .and_then(|_| {
                if results.len() > 1 {
                    out.write_all(check::render_totals(&check::Summary::of(&results)).as_bytes())
                } else {
                    Ok(())
                }
            })
    };
    // A closed pipe (for example `| head`) is not a failure of the check.
    let _ = written.and_then(|_| out.flush());
    check::exit_code(&results)
}

fn export_command(args: &[String]) -> i32 {
    use involve::format::document::{self, Format};
    let p = match parse(
        args,
        &["--odt", "--docx"],
        &[("--out", "a folder"), ("--today", A_DATE)],
    ) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let formats: Vec<Format> = [Format::Odt, Format::Docx]
        .into_iter()
        .filter(|f| p.has(&format!("--{}", f.extension())))
        .collect();
    let (out_dir, files) = (p.value("--out").map(PathBuf::from), &p.files);
    let today = match p.date("--today") {
        Ok(d) => d,
        Err(code) => return code,
    };
    if formats.is_empty() {
        return usage_error("choose --odt, --docx or both");
    }
    if files.is_empty() {
        return usage_error("give at least one file or folder to export");
    }
    if let Some(d) = &out_dir {
        if !d.is_dir() {
            return usage_error(&format!("--out {} is not a folder", d.display()));
        }
    }
    let today = today.unwrap_or_else(today_utc);
    let mut status = 0;
    let mut used = std::collections::HashSet::new();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for input in files::expand(files) {
        let (path, bytes) = match input {
            files::Input::File(p) => {
                let bytes = files::read_limited(&p);
                (p, bytes)
            }
            files::Input::Problem(p, u) => (PathBuf::from(p), Err(u)),
        };
        let shown = path.to_string_lossy().into_owned();
        let doc = match bytes.and_then(|b| document::from_file_bytes(&b, today)) {
            Ok(doc) => doc,
            Err(u) => {
                status = 2;
                let _ = out.write_all(
                    check::terminal_safe(&format!(
                        "{shown}: unreadable\n  {} [{}]\n",
                        u.message, u.code
                    ))
                    .as_bytes(),
                );
                continue;
            }
        };
        let stem = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let dir = out_dir
            .clone()
            .unwrap_or_else(|| path.parent().map(PathBuf::from).unwrap_or_default());
        for &format in &formats {
            let ext = format.extension();
            let name = document::safe_file_name(&stem, ext);
            // Two files of the same name from different folders into one --out.
            let mut target = dir.join(&name);
            let mut n = 2;
            while !used.insert(target.clone()) {
                target = dir.join(format!(
                    "{}-{n}.{ext}",
                    name.trim_end_matches(&format!(".{ext}"))
                ));
                n += 1;
            }
            let line = match std::fs::write(&target, format.write(&doc)) {
                Ok(()) => format!("{shown}: written {}\n", target.display()),
                Err(e) => {
                    status = 2;
                    format!(
                        "{shown}: not written\n  {} could not be written: {} [could_not_write]\n",
                        target.display(),
                        e.kind()
                    )
                }
            };
            let _ = out.write_all(check::terminal_safe(&line).as_bytes());
        }
    }
    let _ = out.flush();
    status
}

fn report_command(args: &[String]) -> i32 {
    use involve::format::document::Format;
    use involve::format::report::{AnnualReport, DateBasis, Entry, Query};
    let valued = [
        ("--from", A_DATE),
        ("--to", A_DATE),
        ("--today", A_DATE),
        ("--org", "a value"),
        ("--out", "a value"),
        ("--by", "signoff or decision"),
    ];
    let p = match parse(args, &["--odt", "--docx", "--csv"], &valued) {
        Ok(p) => p,
        Err(code) => return code,
    };
    if p.flags.iter().any(|f| *f != p.flags[0]) {
        return usage_error("choose one of --odt, --docx and --csv");
    }
    let dates = p
        .date("--from")
        .and_then(|from| Ok((from, p.date("--to")?, p.date("--today")?)));
    let (from, to, today) = match dates {
        Ok(d) => d,
        Err(code) => return code,
    };
    let (kind, org, out_path, files) = (
        p.flags.first().copied(),
        p.value("--org").map(str::to_string),
        p.value("--out").map(PathBuf::from),
        &p.files,
    );
    let (Some(from), Some(to)) = (from, to) else {
        return usage_error("give the period with --from and --to");
    };
    if from > to {
        return usage_error("--from must be on or before --to");
    }
    let by = match p.value("--by").map(DateBasis::from_code) {
        None => DateBasis::default(),
        Some(Some(by)) => by,
        Some(None) => return usage_error("--by must be signoff or decision"),
    };
    if files.is_empty() {
        return usage_error("give at least one file or folder to report on");
    }
    let today = today.unwrap_or_else(today_utc);
    let read = |input: &files::Input| match input {
        files::Input::File(p) => {
            let shown = p.to_string_lossy().into_owned();
            match files::read_limited(p) {
                Ok(bytes) => Entry::from_bytes(shown, &bytes, today),
                Err(u) => Err((shown, u)),
            }
        }
        files::Input::Problem(p, u) => Err((p.clone(), u.clone())),
    };
    let inputs = files::expand(files);
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let entries = files::map_inputs(&inputs, threads, read);
    let report = AnnualReport::new(
        entries,
        Query {
            from,
            to,
            organisation: org,
            by,
        },
        today,
    );
    let kind = kind.unwrap_or("--odt");
    let ext = kind.trim_start_matches("--");
    let bytes = match kind {
        "--csv" => report.csv().into_bytes(),
        "--docx" => Format::Docx.write(&report.doc()),
        _ => Format::Odt.write(&report.doc()),
    };
    let target = out_path.unwrap_or_else(|| {
        PathBuf::from(format!(
            "involve-report-{}-to-{}.{ext}",
            involve::format::ymd_string(from),
            involve::format::ymd_string(to)
        ))
    });
    match std::fs::write(&target, bytes) {
        Ok(()) => {
            println!(
                "{}: written ({} files given, {} in the period, {} left out)",
                target.display(),
                report.files,
                report.entries.len(),
                report.left_out.len()
            );
            0
        }
        Err(e) => {
            eprintln!(
                "involve: {} could not be written: {} [could_not_write]",
                target.display(),
                e.kind()
            );
            2
        }
    }
}
