//! The Yew app: a thin layer over the domain.
pub fn start() {}
