use clap::Parser;

fn main() {
    let cli = hookcli::cli::Cli::parse();
    std::process::exit(hookcli::run(cli).code());
}
