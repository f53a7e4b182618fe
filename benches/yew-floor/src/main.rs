//! The Yew floor: one labelled text box with the same id as Involve's first
//! input (`b.location`), kept in state like Involve's fields. See Cargo.toml.
use yew::prelude::*;

#[function_component]
fn App() -> Html {
    let value = use_state(String::new);
    let oninput = {
        let value = value.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            value.set(input.value());
        })
    };
    html! {
        <main>
            <h1>{ "Step 1" }</h1>
            <label for="b.location">{ "Location" }</label>
            <input id="b.location" type="text" value={(*value).clone()} {oninput} />
        </main>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
