//! The `khabar` binary: parses the command line and hands over to `khabar::cli`.

use clap::Parser;

fn main() {
    let cli = khabar::cli::Cli::parse();
    match khabar::cli::run(cli) {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("khabar: {e:#}");
            std::process::exit(1);
        }
    }
}
