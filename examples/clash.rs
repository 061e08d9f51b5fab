//! Debug aid: `clash "claim sentence" "passage sentence"` prints each figure's frame
//! and whether the claim's first figure clashes with each passage figure.
use claimcheck::figure::extract_figures;
use claimcheck::frame::{clash, frame_of};
fn main() {
    let claim = std::env::args().nth(1).unwrap_or_default();
    let passage = std::env::args().nth(2).unwrap_or_default();
    let cf = extract_figures(&claim);
    let pf = extract_figures(&passage);
    for f in &cf {
        println!("claim {:?} {:?}", f.text, frame_of(&claim, &f.span));
    }
    for f in &pf {
        let fr = frame_of(&passage, &f.span);
        let c = cf
            .first()
            .and_then(|c| clash(&frame_of(&claim, &c.span), &fr, &claim, &passage));
        println!(
            "passage {:?} y={:?} {:?}\n   clash: {:?}",
            f.text, f.year, fr, c
        );
    }
}
