//! `involve check FILE...`: validate exported Involve documents in bulk.
//!
//! A thin shell over `involve::format::check`: parse arguments, read the
//! clock once, print, and map outcomes to exit codes (0 every file
//! complete, 1 any incomplete, 2 any unreadable or a usage problem).

use involve::format::check::{self, civil_from_days, parse_ymd};
use involve::model::Ymd;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
Usage: involve check [--json | --csv | --summary] [--today YYYY-MM-DD] FILE_OR_FOLDER...
       involve rulesets
       involve --help | --version

Check Involve documents (.json files downloaded from Involve): whether each
is complete, the duty-to-involve verdict recomputed from its answers under
the file's ruleset, and every problem with its field.

`involve rulesets` lists the rulesets: id, title, the organisation types
each covers, and which new assessments use (default).

Folders are searched, including subfolders, for files ending in .json.

Options:
  --json               print one JSON object with every file's result,
                       decision record (reasons and actions) included
  --csv                print the review table as CSV for Excel: one row per
                       file (file, title, organisation, ruleset, verdict,
                       complete, signed off, completion date, errors,
                       warnings, why unreadable)
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
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
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
            println!("involve {} (document format {})", env!("CARGO_PKG_VERSION"), involve::format::VERSION);
            0
        }
        Some("rulesets") if args.len() == 1 => {
            print!("{}", check::render_rulesets());
            0
        }
        Some("check") => check_command(&args[1..]),
        Some(other) => usage_error(&format!("there is no command called '{other}'")),
    }
}

fn check_command(args: &[String]) -> i32 {
    let (mut json, mut csv, mut summary, mut today, mut files) = (false, false, false, None, Vec::new());
    let mut i = 0;
    let mut options_done = false;
    while i < args.len() {
        let a = args[i].as_str();
        match a {
            "--" if !options_done => options_done = true,
            "--json" if !options_done => json = true,
            "--csv" if !options_done => csv = true,
            "--summary" if !options_done => summary = true,
            "--today" if !options_done => {
                i += 1;
                match args.get(i).and_then(|d| parse_ymd(d)) {
                    Some(d) => today = Some(d),
                    None => return usage_error("--today needs a real date in the form 2026-11-21"),
                }
            }
            "-h" | "--help" if !options_done => {
                println!("{USAGE}");
                return 0;
            }
            _ if a.starts_with('-') && a.len() > 1 && !options_done => {
                return usage_error(&format!("there is no option called '{a}'"));
            }
            _ => files.push(PathBuf::from(a)),
        }
        i += 1;
    }
    if csv && (json || summary) {
        return usage_error("choose one of --csv, --json and --summary");
    }
    if files.is_empty() {
        return usage_error("give at least one file or folder to check");
    }
    let today = today.unwrap_or_else(today_utc);
    let inputs = check::expand(&files);
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let results = check::check_all(&inputs, today, threads);

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
            .try_for_each(|r| out.write_all(check::terminal_safe(&check::render_file(r)).as_bytes()))
            .and_then(|_| if results.len() > 1 { out.write_all(check::render_totals(&check::Summary::of(&results)).as_bytes()) } else { Ok(()) })
    };
    // A closed pipe (for example `| head`) is not a failure of the check.
    let _ = written.and_then(|_| out.flush());
    check::exit_code(&results)
}
