fn main() {
    let p = std::env::args().nth(1).unwrap();
    let t = pdf_extract::extract_text(&p).unwrap();
    println!("{t}");
}
