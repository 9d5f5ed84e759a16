/// mimalloc instead of glibc's malloc: under load the listener spent ~12 %
/// of its CPU in glibc's allocator (per-request strings and vectors freed on
/// another worker thread); with mimalloc failed requests cost ~12 % less
/// (benches/listen_load.sh). Built without transparent huge pages
/// (`no_thp`): with them, every short command (`sign`) paid ~1.4 ms of
/// kernel time at start-up.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let status = match hookcli::parse() {
        Ok(cli) => hookcli::run(cli),
        Err(status) => status,
    };
    std::process::exit(status.code());
}
