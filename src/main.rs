//! The `khabar` binary: parses the command line and hands over to `khabar::cli`.

use clap::Parser;

/// mimalloc keeps freed pages for reuse: laying out a long paragraph allocates and frees
/// tens of megabytes, which with the system allocator go back and forth to the kernel.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
