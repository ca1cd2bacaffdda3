fn main() {
    std::process::exit(leaflet_printer::cli::main());
}
