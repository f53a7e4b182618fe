//! Browser smoke test: renders the real Yew [`App`] into a div in headless
//! Chromium and checks the DOM. Run with `make test-wasm`.
//!
//! Every `tests/web_*.rs` file is built for wasm32 only (see the Makefile);
//! the `cfg` below keeps it empty in the native `cargo test`.
#![cfg(all(target_arch = "wasm32", feature = "web"))]

use std::time::Duration;

use involve::web::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Renders `App` into a fresh div attached to the body and lets Yew render.
async fn render_app() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    // Yew renders on its scheduler; yield to the event loop so it runs.
    yew::platform::time::sleep(Duration::from_millis(10)).await;
    root
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into::<HtmlElement>()
        .inner_text()
}

#[wasm_bindgen_test]
async fn start_page_has_the_service_heading() {
    let root = render_app().await;
    assert_eq!(
        text(&root, "h1"),
        "Involve: assess and plan public involvement"
    );
    assert_eq!(
        root.query_selector_all("h1").unwrap().length(),
        1,
        "one h1 per page"
    );
}

#[wasm_bindgen_test]
async fn start_page_says_nothing_leaves_the_browser() {
    let root = render_app().await;
    assert!(
        text(&root, "main").contains("Nothing you enter leaves this browser"),
        "the privacy promise is on the start page"
    );
}

#[wasm_bindgen_test]
async fn start_page_has_a_start_now_link_and_only_local_links() {
    let root = render_app().await;
    let links = root.query_selector_all("a").unwrap();
    let mut texts = Vec::new();
    for i in 0..links.length() {
        let a: Element = links.item(i).unwrap().unchecked_into();
        let href = a.get_attribute("href").unwrap_or_default();
        // The one exception: "Save Involve for offline use", the offline file beside the page (a download).
        let offline_copy = href == "involve-offline.html"
            && a.get_attribute("download").as_deref() == Some("involve-offline.html");
        assert!(
            href.starts_with('#') || offline_copy,
            "link {href:?} leaves the page"
        );
        texts.push(a.unchecked_into::<HtmlElement>().inner_text());
    }
    assert!(
        texts.iter().any(|t| t == "Start now"),
        "links were {texts:?}"
    );
    assert!(
        texts.iter().any(|t| t == "Skip to main content"),
        "links were {texts:?}"
    );
}

#[wasm_bindgen_test]
async fn header_logo_is_inline_svg_with_an_accessible_name() {
    let root = render_app().await;
    let logo = root
        .query_selector("header svg")
        .unwrap()
        .expect("inline SVG logo");
    assert_eq!(logo.get_attribute("aria-label").as_deref(), Some("NHS"));
    assert!(
        root.query_selector("img").unwrap().is_none(),
        "no image requests"
    );
}
