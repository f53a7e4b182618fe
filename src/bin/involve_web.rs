//! The browser entry point (built by Trunk with the `web` feature).
fn main() {
    involve::web::start();
}
