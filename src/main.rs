/// mimalloc instead of glibc's malloc: the listener frees per-request
/// strings and vectors on other worker threads, which glibc's allocator
/// handles poorly. Built without transparent huge pages (`no_thp`), which
/// slow every short command's start-up. Figures in benches/README.md.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let status = match hookcli::parse() {
        Ok(cli) => hookcli::run(cli),
        Err(status) => status,
    };
    std::process::exit(status.code());
}
