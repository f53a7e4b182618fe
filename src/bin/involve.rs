//! `involve check FILE...`: validate exported Involve documents in bulk.
fn main() {}
