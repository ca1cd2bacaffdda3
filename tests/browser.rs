//! `leaflet serve` in a real browser: headless Chromium driven over WebDriver (chromedriver,
//! plain JSON over HTTP). Needs Debian's `chromium` and `chromium-driver`; set
//! LEAFLET_SKIP_BROWSER=1 to skip on a machine without them (CI installs them).

mod common;
mod serving;

use serde_json::{Value, json};
use serving::Served;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";

struct Browser {
    driver: Child,
    port: u16,
    session: String,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn start() -> Browser {
        let port = {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            l.local_addr().unwrap().port()
        };
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts (apt-get install chromium chromium-driver)");
        let ready = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                ready.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        let profile = tempfile::tempdir().unwrap();
        // The flags this machine needs: no sandbox as root, no calls home (the closed
        // network refuses them, slowly).
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1400,1000",
        ]
        .iter()
        .map(|s| s.to_string())
        .chain([format!("--user-data-dir={}", profile.path().display())])
        .collect::<Vec<_>>();
        let mut b = Browser {
            driver,
            port,
            session: String::new(),
            _profile: profile,
        };
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": CHROMIUM, "args": args}
        }}});
        let r = b.call("POST", "/session", &caps);
        b.session = r["sessionId"].as_str().expect("a session").to_string();
        b
    }

    fn call(&self, method: &str, path: &str, body: &Value) -> Value {
        let body = if body.is_null() {
            String::new()
        } else {
            body.to_string()
        };
        let r = serving::http(
            self.port,
            method,
            path,
            &[("Content-Type", "application/json")],
            &body,
        );
        let v: Value = serde_json::from_slice(&r.body).expect("WebDriver answers JSON");
        assert!(v["value"]["error"].is_null(), "{method} {path}: {v}");
        v["value"].clone()
    }

    fn go(&self, url: &str) {
        self.call(
            "POST",
            &format!("/session/{}/url", self.session),
            &json!({"url": url}),
        );
    }

    fn script(&self, script: &str) -> Value {
        self.call(
            "POST",
            &format!("/session/{}/execute/sync", self.session),
            &json!({"script": script, "args": []}),
        )
    }

    fn element(&self, css: &str) -> String {
        let v = self.call(
            "POST",
            &format!("/session/{}/element", self.session),
            &json!({"using": "css selector", "value": css}),
        );
        v.as_object()
            .unwrap()
            .values()
            .next()
            .unwrap()
            .as_str()
            .unwrap()
            .to_string()
    }

    /// Polls `script` until it returns something other than null/false, or panics.
    fn wait(&self, script: &str, limit: Duration) -> (Value, Duration) {
        let start = Instant::now();
        loop {
            let v = self.script(script);
            if !(v.is_null() || v == json!(false)) {
                return (v, start.elapsed());
            }
            if start.elapsed() > limit {
                let page = self.script("return location.href + '\\n' + document.body.innerText");
                panic!(
                    "waited {limit:?} for {script}; the page:\n{}",
                    page.as_str().unwrap_or("")
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Saves a screenshot when LEAFLET_SCREENSHOTS names a folder (for people to look at).
    fn screenshot(&self, name: &str) {
        let Ok(dir) = std::env::var("LEAFLET_SCREENSHOTS") else {
            return;
        };
        let v = self.call(
            "GET",
            &format!("/session/{}/screenshot", self.session),
            &Value::Null,
        );
        let png = base64(v.as_str().unwrap());
        std::fs::write(std::path::Path::new(&dir).join(name), png).unwrap();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = serving::http(
                self.port,
                "DELETE",
                &format!("/session/{}", self.session),
                &[],
                "",
            );
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let digits: Vec<u8> = text
        .bytes()
        .filter(|c| *c != b'=' && !c.is_ascii_whitespace())
        .map(value)
        .collect();
    digits
        .chunks(4)
        .flat_map(|c| {
            let n = c
                .iter()
                .enumerate()
                .fold(0u32, |n, (i, d)| n | (*d as u32) << (18 - 6 * i));
            let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            bytes[..c.len() - 1].to_vec()
        })
        .collect()
}

#[test]
fn the_serve_page_in_chromium_previews_refreshes_and_saves() {
    if std::env::var_os("LEAFLET_SKIP_BROWSER").is_some() {
        eprintln!("skipped: LEAFLET_SKIP_BROWSER is set");
        return;
    }
    let s = Served::start();
    let b = Browser::start();
    let base = s.origin();

    // The list.
    b.go(&format!("{base}/"));
    let rows = b.script(
        "return [...document.querySelectorAll('#library tbody tr')].map(r => r.dataset.name)",
    );
    assert_eq!(rows, json!(["nazorg", "wondzorg"]));
    b.screenshot("serve-library.png");

    // The leaflet page: its preview image loaded and drawn.
    b.go(&format!("{base}/leaflet/wondzorg"));
    let (loaded, _) = b.wait(
        "const i = document.querySelector('img.page'); return i && i.complete && i.naturalWidth > 0 && [i.naturalWidth, i.naturalHeight, i.getAttribute('src')]",
        Duration::from_secs(20),
    );
    // A5 at CSS pixels (1 pt = 4/3 px): 419.53 × 595.28 pt.
    assert_eq!(
        (loaded[0].clone(), loaded[1].clone()),
        (json!(559), json!(794)),
        "{loaded}"
    );
    let first_src = loaded[2].as_str().unwrap().to_string();
    assert!(first_src.starts_with("/leaflet/wondzorg/page/1.svg?v="));
    b.screenshot("serve-leaflet.png");

    // A save in another editor: the preview follows within a second or so.
    let path = s.lib().join("wondzorg.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("title: Wondzorg thuis", "title: Wondzorg na een ingreep"),
    )
    .unwrap();
    let (src, took) = b.wait(
        &format!("const i = document.querySelector('img.page'); return i && i.complete && i.naturalWidth > 0 && i.getAttribute('src') !== '{first_src}' && i.getAttribute('src')"),
        Duration::from_secs(10),
    );
    // How fast is for the benchmark; here only that it follows (within `wait`'s deadline).
    eprintln!("preview refreshed {took:?} after the save");
    assert_ne!(src.as_str().unwrap(), first_src);

    // A broken save elsewhere: the diagnostic appears beside its field.
    std::fs::write(
        &path,
        text.replace("revised: 2025-05-05", "revised: 2025-13-05"),
    )
    .unwrap();
    let (d, _) = b.wait(
        "const p = document.querySelector('.diag[data-field=\"revised\"] p.error'); return p && p.textContent",
        Duration::from_secs(10),
    );
    assert!(
        d.as_str()
            .unwrap()
            .starts_with("regel 4, kolom 10: `2025-13-05` is geen datum"),
        "{d}"
    );
    std::fs::write(&path, &text).unwrap();
    b.wait(
        "return document.querySelector('img.page') !== null",
        Duration::from_secs(10),
    );

    // A form edit, typed and saved: written in place, rebuilt, and shown.
    b.go(&format!("{base}/leaflet/wondzorg"));
    let authors = b.element("input[name=authors]");
    b.call(
        "POST",
        &format!("/session/{}/element/{authors}/clear", b.session),
        &json!({}),
    );
    b.call(
        "POST",
        &format!("/session/{}/element/{authors}/value", b.session),
        &json!({"text": "Dienst chirurgie"}),
    );
    let save = b.element("#save");
    b.call(
        "POST",
        &format!("/session/{}/element/{save}/click", b.session),
        &json!({}),
    );
    let (banner, _) = b.wait(
        "const p = document.getElementById('banner'); return p && location.search === '?bewaard=1' && p.textContent",
        Duration::from_secs(20),
    );
    assert_eq!(banner, json!("Bewaard en opnieuw opgemaakt."));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text.replace("authors: Team chirurgie", "authors: Dienst chirurgie")
    );
    let pdf = std::fs::read(s.out().join("wondzorg.pdf")).unwrap();
    assert!(common::pdf_text(&pdf).contains("Dienst chirurgie"));
    b.screenshot("serve-saved.png");
}
