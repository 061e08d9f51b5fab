use claimcheck::corpus::Corpus;
fn main() {
    let c = Corpus::load(&[std::path::PathBuf::from("seeds")], &[], None);
    for p in &c.passages {
        let figs: Vec<String> = p
            .figures
            .iter()
            .map(|f| {
                format!(
                    "[{} {:?} {:?} n={:?} y={:?}]",
                    f.text, f.qualifier, f.unit, f.noun, f.year
                )
            })
            .collect();
        if std::env::args().nth(1).as_deref() == Some("all") || !figs.is_empty() {
            println!(
                "{} {:?} {}| {}\n    {}",
                c.sources[p.source].id,
                p.kind,
                p.span.start,
                p.text.chars().take(200).collect::<String>(),
                figs.join(" ")
            );
        }
    }
}
