//! Print the figures claimcheck reads in a sentence: `cargo run --example figs -- "text"`.
fn main() {
    let text = std::env::args().nth(1).unwrap_or_default();
    for f in claimcheck::figure::extract_figures(&text) {
        println!(
            "{:?} {} {:?} {:?} noun={:?} role={:?} year={:?} [{}, {}]",
            f.text, f.value, f.unit, f.qualifier, f.noun, f.role, f.year, f.low, f.high
        );
    }
}
