//! The versioned JSON document: export, import, migration and digest.
