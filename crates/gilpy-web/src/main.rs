use wasm_bindgen::JsCast;

fn main() {
    // A panic must not leave a frozen page: say so where the learner looks, then log it.
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        let Some(document) = web_sys::window().and_then(|window| window.document()) else {
            return;
        };
        if let Ok(banner) = document.create_element("p") {
            banner.set_class_name("error panic");
            banner.set_attribute("role", "alert").ok();
            banner.set_text_content(Some(&format!(
                "The page hit an internal error and must be reloaded: {info}"
            )));
            if let Some(body) = document.body() {
                body.prepend_with_node_1(banner.unchecked_ref()).ok();
            }
        }
    }));
    yew::Renderer::<gilpy_web::App>::new().render();
}
