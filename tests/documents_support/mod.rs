//! Shared by tests/documents.rs and tests/documents_office.rs.

use involve::format::import;
use involve::model::Answers;

/// Answers with everything a document must survive.
pub fn hostile_answers() -> Answers {
    let mut a = import(&std::fs::read_to_string("tests/fixtures/complete.json").unwrap())
        .unwrap()
        .answers;
    a.b.title = "=SUM(A1) <b>&amp; ]]> / \\ : * ? \" < > | CON".into();
    a.b.description = format!("Control \u{0}\u{1}\u{7}\u{1b}\u{7f}\u{85} and \u{FFFE}\u{FFFF} gone; tab\there; CR\r\nLF; {}", "x".repeat(100_000));
    a.b.objectives = "مرحبا بالعالم שלום עולם 🏥👩‍⚕️ e\u{301}\u{302} Z\u{335}\u{321}a".into();
    a.c.background = "<![CDATA[ ]]> &lt; &#0; <?xml?> <!-- -->".into();
    a
}
