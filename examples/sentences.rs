//! Print the prose sentences claimcheck reads in a Markdown draft, with their citations:
//! `cargo run --example sentences -- draft.md`.
fn main() {
    let path = std::env::args().nth(1).expect("a Markdown file");
    let text = std::fs::read_to_string(path).expect("readable");
    for s in claimcheck::draft::parse(&text).sentences {
        println!("{:?} {:?} {:?}", s.text, s.only, s.citations);
    }
}
