//! The build's prerender (`make dist` runs it through scripts/prerender.mjs):
//! every page of the app, as a new user first sees it, rendered natively by
//! the app's own Yew components (`ssr` feature), so index.html can show it
//! before the wasm arrives. The pages come from `Page::all()`: a page added
//! to the app is prerendered with no change here.
//!
//! Prints one JSON object: `{ "pages": [ { "route", "title", "html" } ] }`,
//! `html` being what the app renders into `<body>`.
use involve::web::state::Page;
use involve::web::{App, AppProps};

fn main() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a tokio runtime");
    let mut pages = Vec::new();
    for page in Page::all() {
        let html = rt.block_on(
            yew::ServerRenderer::<App>::with_props(move || AppProps {
                prerender: Some(page),
            })
            .hydratable(false)
            .render(),
        );
        let title = involve::web::page_title(page);
        pages.push(serde_json::json!({ "route": page.route(), "title": title, "html": html }));
    }
    println!("{}", serde_json::json!({ "pages": pages }));
}
