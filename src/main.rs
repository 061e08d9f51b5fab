//! The claimcheck command line. Only this file touches stdout, stderr and exit codes.

use claimcheck::check::Location;
use claimcheck::check::{check_claims, Finding};
use claimcheck::config::{self, Config};
use claimcheck::corpus::normalize;
use claimcheck::corpus::Corpus;
use claimcheck::figure::extract_figures;
use claimcheck::index::{Analyzer, Index};
use claimcheck::judge::Citation;
use claimcheck::judge::{Context, Severity, Verdict};
use claimcheck::lint::{lint_draft_with_claims, Silenced};
use claimcheck::provenance::{PassageCites, Provenance};
use claimcheck::report::{self, Format, HumanOptions, Summary};
use claimcheck::store::Store;
use claimcheck::timings::stage;
use claimcheck::trace::{command_line_location, trace};
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Parser)]
#[command(
    name = "claimcheck",
    version,
    about = "Keeps the figures in a piece of analysis honest: every figure must trace back to a source passage that says the same thing.",
    after_help = "Exit status: 0 no errors, 1 findings at error severity (see --fail-on), 2 the input could not be used.\nExplain a finding code with `claimcheck explain CODE`."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Verify the [[claim]]s of claims.toml against the corpus
    Check(Common),
    /// Lint Markdown drafts: trace every figure in the prose to a source passage
    Lint {
        #[command(flatten)]
        common: Common,
        /// Report only findings on lines changed since this git revision (a commit,
        /// branch or tag; untracked drafts count as changed)
        #[arg(long, value_name = "BASE")]
        diff: Option<String>,
        /// Markdown files to check
        #[arg(required = true, value_name = "DRAFT")]
        drafts: Vec<PathBuf>,
    },
    /// Follow a claim (by id) or a sentence to its passages, sources and origins
    Trace {
        #[command(flatten)]
        common: Common,
        /// A claim id from claims.toml, or a sentence in quotes
        #[arg(value_name = "CLAIM-ID|TEXT")]
        target: String,
    },
    /// The corpus at a glance: sources, what they copy and what they cite
    Sources(Common),
    /// Build or refresh the persisted index that check, lint, trace and sources reuse
    ///
    /// The index is kept in .claimcheck/ beside claims.toml (or --index DIR), one entry
    /// a file, keyed by its content: a later run re-reads only files that changed or
    /// were added. Entries of files that changed or left the corpus are removed.
    Index(Common),
    /// List every figure read in a text file (`-` for standard input)
    Figures {
        /// Output format: one line a figure, or JSON Lines (one object a figure)
        #[arg(long, value_enum, default_value = "human")]
        format: ListFormat,
        /// The file to read, or `-` for standard input
        #[arg(value_name = "FILE|-")]
        file: PathBuf,
    },
    /// Explain a finding code (misquoted-figure, unattributed-claim, ...)
    Explain {
        /// The code, e.g. misquoted-figure
        code: String,
    },
    /// Scaffold claims.toml for a corpus folder: its sources and candidate claims
    Init {
        /// The folder of source documents (.txt, .md)
        #[arg(value_name = "CORPUS", default_value = "seeds")]
        corpus: PathBuf,
        /// Where to write (relative paths in it are relative to its folder)
        #[arg(long, value_name = "FILE", default_value = "claims.toml")]
        claims: PathBuf,
        /// Replace the file if it exists
        #[arg(long)]
        force: bool,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) on stdout
    Man,
}

#[derive(Args, Clone)]
struct Common {
    /// claims.toml to use (default: ./claims.toml or the nearest one in a parent folder)
    #[arg(long, value_name = "FILE")]
    claims: Option<PathBuf>,
    /// Corpus file or folder; may be given several times (default: [corpus] paths, else seeds/)
    #[arg(long, value_name = "PATH")]
    corpus: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_parser = format_parser(), default_value = "human")]
    format: Format,
    /// Also show supported figures and every passage found
    #[arg(long, short)]
    verbose: bool,
    /// Independent sources a figure needs; fewer is a finding (default: [settings] min_sources, else 1)
    #[arg(long, value_name = "N")]
    min_sources: Option<usize>,
    /// When to use colour
    #[arg(long, value_enum, default_value = "auto")]
    color: Color,
    /// Which findings make the exit status 1 (default: error; `trace` exits 0 unless given)
    #[arg(long, value_enum, value_name = "LEVEL")]
    fail_on: Option<FailOn>,
    /// Read corpus files outside the project folder (the git work tree of claims.toml,
    /// else its folder); off by default so a pull request cannot make a CI run quote
    /// files from elsewhere
    #[arg(long)]
    allow_outside: bool,
    /// Print each stage's wall time, items and memory on stderr (stdout is unchanged)
    #[arg(long)]
    timings: bool,
    /// The persisted index folder (default: .claimcheck/ beside claims.toml, used when
    /// `claimcheck index` made it); files that changed since are re-read and their
    /// entries rewritten
    #[arg(long, value_name = "DIR")]
    index: Option<PathBuf>,
    /// Neither read nor write the persisted index
    #[arg(long, conflicts_with = "index")]
    no_index: bool,
}

/// The severity from which findings fail the run.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    /// Errors fail the run (misquoted, unattributed, miscited by default)
    Error,
    /// Errors and warnings fail the run (conflicts, too few sources by default)
    Warning,
    /// Findings never fail the run; bad input still exits 2
    Never,
}

/// `--format` of check, lint, trace and sources: the library's formats, with their help.
fn format_parser() -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new(
        Format::ALL
            .iter()
            .map(|(_, name, help)| PossibleValue::new(*name).help(*help)),
    )
    .map(|name| Format::from_name(&name).unwrap_or(Format::Human))
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

/// A failure that stops the run: printed as a miette report, exit 2.
fn fail(report: miette::Report) -> ExitCode {
    eprint_safe(&report);
    ExitCode::from(2)
}

/// A report on stderr, neutralized like human output (it may name hostile files).
fn eprint_safe(report: &miette::Report) {
    let text = format!("{report:?}\n");
    let color = stderr_color();
    let _ = std::io::stderr()
        .write_all(claimcheck::text::neutralize_commands(&text, !color).as_bytes());
}

fn use_color(c: Color) -> bool {
    match c {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => auto_color(std::io::stdout().is_terminal()),
    }
}

/// `--color auto`: a terminal, unless `NO_COLOR` is set to a non-empty value.
fn auto_color(terminal: bool) -> bool {
    terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Whether messages on stderr are coloured: `--color` when given, else a terminal
/// without `NO_COLOR` (see [`install_miette_hook`]).
static STDERR_COLOR: std::sync::OnceLock<bool> = std::sync::OnceLock::new();

fn stderr_color() -> bool {
    *STDERR_COLOR.get_or_init(|| auto_color(std::io::stderr().is_terminal()))
}

/// Errors and warnings go to stderr: `--color auto` looks at stderr (and `NO_COLOR`),
/// `always` and `never` win over both.
fn install_miette_hook(choice: Color) {
    let color = match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => auto_color(std::io::stderr().is_terminal()),
    };
    let _ = STDERR_COLOR.set(color);
    let _ = miette::set_hook(Box::new(move |_| {
        Box::new(
            miette::MietteHandlerOpts::new()
                .color(color)
                .unicode(true)
                .terminal_links(false)
                .context_lines(1)
                .width(terminal_width())
                .build(),
        )
    }));
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100)
}

fn load_options(common: &Common) -> config::LoadOptions {
    config::LoadOptions {
        allow_outside: common.allow_outside,
    }
}

/// Load claims.toml: the one given, else the nearest one, else none (lint may run without).
fn load_config(common: &Common, required: bool) -> Result<Config, miette::Report> {
    let path = match &common.claims {
        Some(p) => Some(p.clone()),
        None => {
            let cwd = std::env::current_dir()
                .map_err(|e| miette::miette!("cannot read the current folder: {e}"))?;
            config::discover(&cwd)
                .map(|p| p.strip_prefix(&cwd).map(|r| r.to_path_buf()).unwrap_or(p))
        }
    };
    match path {
        Some(p) => config::load_with(&p, load_options(common)).map_err(miette::Report::new),
        None if required => Err(miette::miette!(
            code = "claimcheck::config::not_found",
            help = "run in the folder of claims.toml, or pass --claims FILE",
            "no claims.toml in this folder or its parents"
        )),
        None => Ok(Config::without_file(
            PathBuf::from("."),
            load_options(common),
        )),
    }
    .map(|mut c| {
        if let Some(n) = common.min_sources {
            c.settings.min_sources = n;
        }
        c
    })
}

/// The persisted index of a run: `--index DIR` (made if missing), else `.claimcheck/`
/// beside claims.toml when `claimcheck index` made it; none with `--no-index`.
/// `create`: make the default folder too (`claimcheck index`).
fn open_store(
    config: &Config,
    common: &Common,
    create: bool,
) -> Result<Option<Store>, miette::Report> {
    if common.no_index {
        return Ok(None);
    }
    let engine = claimcheck::store::engine_key(&config.entities, &config.profiles);
    let (dir, make) = match &common.index {
        Some(d) => (d.clone(), true),
        None => (config.root.join(".claimcheck"), create),
    };
    if !make {
        return Ok(Store::open(&dir, engine));
    }
    Store::create(&dir, engine).map(Some).map_err(|e| {
        miette::miette!(
            code = "claimcheck::index::unwritable",
            help = "pass --index DIR for a folder that can be written, or --no-index",
            "cannot make the index folder `{}`: {e}",
            claimcheck::text::escape_control(&dir.display().to_string())
        )
    })
}

fn load_corpus(
    config: &Config,
    common: &Common,
    store: Option<&Store>,
) -> Result<(Corpus, Vec<claimcheck::corpus::Stored>), miette::Report> {
    let paths = config.corpus(&common.corpus);
    let (mut corpus, stored) =
        Corpus::load_with(&paths, &config.sources, config.boundary.as_deref(), store);
    let warnings = std::mem::take(&mut corpus.warnings);
    let fatal = warnings.iter().any(|w| w.is_fatal());
    for w in warnings {
        eprint_safe(&miette::Report::new(w));
    }
    if fatal {
        return Err(miette::miette!(
            code = "claimcheck::corpus::refused",
            help = "fix the corpus paths named above",
            "the corpus could not be used as given"
        ));
    }
    if corpus.sources.is_empty() {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(miette::miette!(
            code = "claimcheck::corpus::empty",
            help = "point --corpus at a folder of .txt or .md source documents",
            "the corpus is empty: no .txt or .md files in {}",
            shown.join(", ")
        ));
    }
    Ok((corpus, stored))
}

/// What a run hands the renderers besides its findings.
struct Run<'a> {
    findings: &'a [Finding],
    /// Findings a suppression comment silenced (SARIF lists them as suppressed).
    silenced: &'a [Silenced],
    summary: &'a Summary,
}

fn render(common: &Common, run: &Run, ctx: Context) -> std::io::Result<()> {
    let (corpus, prov) = (ctx.corpus, ctx.provenance);
    let (findings, summary) = (run.findings, run.summary);
    let root = claimcheck::config::project_root(&ctx_root(common));
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match common.format {
        Format::Json => {
            report::write_json(&mut out, findings, corpus, prov, summary, common.verbose)?
        }
        Format::Sarif => {
            claimcheck::sarif::write_sarif(&mut out, findings, run.silenced, corpus, Some(&root))?
        }
        Format::Github => {
            claimcheck::github::write_github(&mut out, findings, corpus, summary, Some(&root))?;
            write_step_summary(common, run, corpus, &root);
        }
        Format::Markdown => claimcheck::markdown::write_markdown(
            &mut out,
            findings,
            corpus,
            summary,
            Some(&root),
            common.verbose,
        )?,
        Format::Html => claimcheck::html::write_html(&mut out, findings, corpus, prov, summary)?,
        Format::Human => {
            let opts = HumanOptions {
                verbose: common.verbose,
                color: use_color(common.color),
                width: terminal_width(),
            };
            safe_human(&mut out, opts.color, |buf| {
                report::write_human(buf, findings, corpus, prov, opts)?;
                writeln!(buf, "{}", report::summary_line(summary))?;
                writeln!(buf, "{}", report::more_line(opts.verbose))
            })?;
        }
    }
    out.flush()
}

/// In GitHub Actions (`$GITHUB_STEP_SUMMARY` set), the Markdown report is appended to
/// the job summary: it has every finding, where annotations stop at ten per level. A
/// summary that cannot be written is a warning; the annotations are out already.
fn write_step_summary(common: &Common, run: &Run, corpus: &Corpus, root: &std::path::Path) {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) else {
        return;
    };
    let mut md = Vec::new();
    let written = claimcheck::markdown::write_markdown(
        &mut md,
        run.findings,
        corpus,
        run.summary,
        Some(root),
        common.verbose,
    )
    .and_then(|_| {
        std::fs::OpenOptions::new()
            .append(true)
            .create(true)
            .open(&path)?
            .write_all(&md)
    });
    if let Err(e) = written {
        eprint_safe(&miette::miette!(
            severity = miette::Severity::Warning,
            code = "claimcheck::github::step_summary",
            "cannot write the job summary `{}`: {e}",
            std::path::Path::new(&path).display()
        ));
    }
}

/// The folder SARIF locations are relative to: that of claims.toml (or its git work
/// tree), else the current folder.
fn ctx_root(common: &Common) -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let claims = common.claims.clone().or_else(|| config::discover(&cwd));
    claims
        .and_then(|c| {
            c.parent().map(|p| {
                if p.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    p.to_path_buf()
                }
            })
        })
        .unwrap_or(cwd)
}

/// Human output goes through [`claimcheck::text::neutralize_commands`]: whatever a file
/// name or a quoted passage holds, no line of it can be a workflow command in a CI log,
/// and without colour no escape sequence reaches the terminal.
fn safe_human(
    out: &mut dyn Write,
    color: bool,
    write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut buf = Vec::new();
    write(&mut buf)?;
    let text = String::from_utf8_lossy(&buf);
    out.write_all(claimcheck::text::neutralize_commands(&text, !color).as_bytes())
}

/// Print the report; a closed pipe is not an error.
fn finish(common: &Common, run: &Run, ctx: Context) -> ExitCode {
    if let Err(e) = render(common, run, ctx) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return fail(miette::miette!("cannot write the report: {e}"));
        }
    }
    exit_for(run.findings, common.fail_on.unwrap_or(FailOn::Error))
}

/// 1 when a finding is at or above the `--fail-on` level, else 0.
fn exit_for(findings: &[Finding], fail_on: FailOn) -> ExitCode {
    let fails = |s: Severity| match fail_on {
        FailOn::Error => s == Severity::Error,
        FailOn::Warning => s >= Severity::Warning,
        FailOn::Never => false,
    };
    if findings.iter().any(|f| fails(f.severity())) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The corpus read and indexed, reusing and refreshing the persisted index.
struct Built {
    config: Config,
    corpus: Corpus,
    /// `None` for `claimcheck index`, which needs only each file's own parts.
    index: Option<Index>,
    /// `None` when not asked for (`claimcheck index` keeps only each file's shingles).
    provenance: Option<Provenance>,
    /// The content hash of each source read with an index.
    contents: Vec<u128>,
}

impl Built {
    fn load(
        config: Config,
        common: &Common,
        store: Option<&Store>,
        full: bool,
    ) -> Result<Built, miette::Report> {
        use rayon::prelude::*;
        let span = stage("corpus");
        let (corpus, stored) = load_corpus(&config, common, store)?;
        drop(span);
        // each source's passages are contiguous, in source order
        let mut ranges = vec![0..0; corpus.sources.len()];
        for (pi, p) in corpus.passages.iter().enumerate() {
            let r = &mut ranges[p.source];
            if r.start == r.end {
                *r = pi..pi + 1;
            } else {
                r.end = pi + 1;
            }
        }
        let mut known: Vec<Option<Vec<claimcheck::index::Term>>> = Vec::new();
        known.resize_with(corpus.passages.len(), || None);
        let mut read: Vec<Option<PassageCites>> = vec![None; corpus.passages.len()];
        let mut shingles: Vec<Option<Vec<u64>>> = Vec::with_capacity(stored.len());
        let mut fresh = Vec::new();
        let contents: Vec<u128> = stored.iter().filter_map(|s| s.content).collect();
        for (s, st) in stored.into_iter().enumerate() {
            let r = ranges[s].clone();
            match (st.terms, st.cites) {
                (Some(terms), Some(cites)) if terms.len() == r.len() && cites.len() == r.len() => {
                    for (slot, t) in known[r.clone()].iter_mut().zip(terms) {
                        *slot = Some(t);
                    }
                    for (slot, c) in read[r].iter_mut().zip(cites) {
                        *slot = Some(c);
                    }
                }
                _ => fresh.extend(st.content.map(|c| (s, c))),
            }
            shingles.push(st.shingles);
        }
        let analyzer = Analyzer::with_profiles(&config.entities, &config.profiles);
        {
            // the files not found in the index: their terms and their citations as
            // written, with the inline citations read once for both
            let mut span = stage("index.analyse");
            let pending: Vec<usize> = (0..corpus.passages.len())
                .filter(|&pi| known[pi].is_none())
                .collect();
            span.total(pending.len());
            span.count("passages", pending.len());
            let done: Vec<(usize, Vec<claimcheck::index::Term>, PassageCites)> = pending
                .into_par_iter()
                .map(|pi| {
                    claimcheck::timings::tick();
                    let p = &corpus.passages[pi];
                    let inline = if claimcheck::index::is_evidence(p) {
                        claimcheck::cite::inline_citations(&p.text)
                    } else {
                        Vec::new()
                    };
                    let terms = if claimcheck::index::is_evidence(p) {
                        analyzer.terms_masking_cited(&p.text, &p.figures, &inline)
                    } else {
                        Vec::new()
                    };
                    (
                        pi,
                        terms,
                        claimcheck::provenance::passage_cites_with(p, || inline),
                    )
                })
                .collect();
            for (pi, terms, cites) in done {
                known[pi] = Some(terms);
                read[pi] = Some(cites);
            }
        }
        // `claimcheck index` needs the terms of new files only, not the global index
        let (index, own_terms) = if full {
            let _span = stage("index");
            (
                Some(Index::build_with(&corpus, analyzer, known)),
                Vec::new(),
            )
        } else {
            let terms: Vec<Vec<claimcheck::index::Term>> =
                known.into_iter().map(Option::unwrap_or_default).collect();
            (None, terms)
        };

        let mut span = stage("provenance.shingles");
        let shingles: Vec<Vec<u64>> = shingles
            .into_par_iter()
            .enumerate()
            .map(|(s, known)| {
                known.unwrap_or_else(|| {
                    claimcheck::provenance::shingles_of(corpus.passages[ranges[s].clone()].iter())
                })
            })
            .collect();
        span.count("sources", shingles.len());
        drop(span);
        let read: Vec<PassageCites> = read
            .into_iter()
            .zip(&corpus.passages)
            .map(|(known, p)| known.unwrap_or_else(|| claimcheck::provenance::passage_cites(p)))
            .collect();
        if let Some(store) = store {
            let mut span = stage("index.write");
            span.total(fresh.len());
            let failed: Vec<String> = fresh
                .par_iter()
                .filter_map(|&(s, content)| {
                    claimcheck::timings::tick();
                    let r = ranges[s].clone();
                    let terms = match &index {
                        Some(ix) => &ix.terms[r.clone()],
                        None => &own_terms[r.clone()],
                    };
                    let entry = claimcheck::store::Entry::new(
                        &corpus.passages[r.clone()],
                        terms,
                        &shingles[s],
                        &read[ranges[s].clone()],
                    );
                    store.put(content, &entry).err().map(|e| e.to_string())
                })
                .collect();
            span.count("written", fresh.len() - failed.len());
            if let Some(e) = failed.first() {
                eprint_safe(&miette::miette!(
                    severity = miette::Severity::Warning,
                    code = "claimcheck::index::unwritable",
                    help = "the run goes on without them; pass --no-index to skip the index",
                    "cannot write {} entr{} of the index `{}`: {e}",
                    failed.len(),
                    if failed.len() == 1 { "y" } else { "ies" },
                    claimcheck::text::escape_control(&store.dir().display().to_string())
                ));
            }
        }
        let provenance = full.then(|| {
            let _span = stage("provenance");
            Provenance::analyze_with(&corpus, Some(shingles), Some(read))
        });
        Ok(Built {
            config,
            corpus,
            index,
            provenance,
            contents,
        })
    }
}

/// Everything a job needs: claims.toml, the corpus, its index and provenance.
struct Loaded {
    config: Config,
    corpus: Corpus,
    index: Index,
    provenance: Provenance,
}

impl Loaded {
    /// `claims_required`: `check` needs a claims.toml; the other jobs can do without.
    /// A `[[claim]]` is never part of the corpus: claims are not evidence.
    fn load(common: &Common, claims_required: bool) -> Result<Loaded, miette::Report> {
        let mut span = stage("config");
        let config = load_config(common, claims_required)?;
        span.count("claims", config.claims.len());
        drop(span);
        let store = open_store(&config, common, false)?;
        let built = Built::load(config, common, store.as_ref(), true)?;
        Ok(Loaded {
            config: built.config,
            corpus: built.corpus,
            index: match built.index {
                Some(i) => i,
                None => return Err(miette::miette!("the index was not built")),
            },
            provenance: built.provenance.unwrap_or_default(),
        })
    }
    fn ctx(&self) -> Context<'_> {
        Context {
            corpus: &self.corpus,
            index: &self.index,
            retriever: &self.index,
            provenance: &self.provenance,
            settings: &self.config.settings,
        }
    }
}

fn run_check(common: Common) -> ExitCode {
    let l = match Loaded::load(&common, true) {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    let mut span = stage("judge");
    span.total(l.config.claims.len());
    span.count("claims", l.config.claims.len());
    let findings = check_claims(&l.config, l.ctx());
    span.count("figures", findings.len());
    drop(span);
    let summary = Summary::of(&findings);
    let run = Run {
        findings: &findings,
        silenced: &[],
        summary: &summary,
    };
    let _span = stage("render");
    finish(&common, &run, l.ctx())
}

fn run_lint(common: Common, drafts: Vec<PathBuf>, diff: Option<String>) -> ExitCode {
    // read the drafts first: a missing draft is bad input
    let mut texts = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for d in &drafts {
        // the same draft named twice (or through a link) is checked once
        if !seen.insert(std::fs::canonicalize(d).unwrap_or_else(|_| normalize(d))) {
            continue;
        }
        match std::fs::read(d) {
            Ok(bytes) => {
                let shown = normalize(d).display().to_string();
                let (text, warning) = claimcheck::corpus::decode_text(bytes);
                if let Some(w) = warning {
                    eprint_safe(&miette::miette!(
                        severity = miette::Severity::Warning,
                        code = "claimcheck::lint::encoding",
                        "draft `{}`: {w}",
                        claimcheck::text::escape_control(&shown)
                    ));
                }
                texts.push((d.clone(), shown, Arc::new(text)))
            }
            Err(e) => {
                return fail(miette::miette!(
                    code = "claimcheck::lint::unreadable",
                    help = "check the path of the draft",
                    "cannot read draft `{}`: {e}",
                    d.display()
                ))
            }
        }
    }
    // with --diff, the changed lines of every draft, before the corpus is loaded
    let mut changed = Vec::new();
    if let Some(base) = &diff {
        let mut commits = std::collections::HashMap::new();
        for (path, _, _) in &texts {
            let dir = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(std::path::Path::new("."))
                .to_path_buf();
            let commit = match commits.get(&dir) {
                Some(c) => Ok(c),
                None => claimcheck::diff::resolve_base(base, &dir)
                    .map(|c| &*commits.entry(dir.clone()).or_insert(c)),
            };
            let lines = commit.and_then(|c| claimcheck::diff::changed_lines(c, path));
            match lines {
                Ok(lines) => changed.push(Some(lines)),
                Err(e) => return fail(miette::Report::new(e)),
            }
        }
    }
    let l = match Loaded::load(&common, false) {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    let ctx = l.ctx();
    let mut findings = Vec::new();
    let mut silenced = Vec::new();
    let mut span = stage("judge");
    let drafts: Vec<_> = texts
        .iter()
        .map(|(_, _, text)| claimcheck::draft::parse(text))
        .collect();
    let sentences = drafts.iter().map(|d| d.sentences.len()).sum();
    span.total(sentences);
    span.count("drafts", drafts.len());
    span.count("sentences", sentences);
    for (i, ((_, file, text), draft)) in texts.into_iter().zip(drafts).enumerate() {
        let mut r = lint_draft_with_claims(&file, text.clone(), &draft, ctx, &l.config.claims);
        if let Some(Some(lines)) = changed.get(i) {
            let keep = |f: &Finding| lines.touches(f.location.line, f.location.end_line);
            r.findings.retain(keep);
            r.silenced.retain(|s| keep(&s.finding));
        }
        findings.extend(r.findings);
        silenced.extend(r.silenced);
    }
    span.count("figures", findings.len() + silenced.len());
    drop(span);
    let mut summary = Summary::of(&findings);
    summary.suppressed = silenced.len();
    let run = Run {
        findings: &findings,
        silenced: &silenced,
        summary: &summary,
    };
    let _span = stage("render");
    finish(&common, &run, ctx)
}

fn run_trace(common: Common, target: String) -> ExitCode {
    let l = match Loaded::load(&common, false) {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    let (ctx, config, corpus, provenance) = (l.ctx(), &l.config, &l.corpus, &l.provenance);
    let t = match config.claims.iter().find(|c| c.id == target) {
        Some(claim) => {
            let citation = Citation::of_claim(claim, corpus);
            let loc = Location::new(
                normalize(&config.path).display().to_string(),
                Arc::new(config.source_text.clone()),
                claim.text_span.clone(),
            );
            trace(ctx, Some(claim.id.clone()), &claim.text, &citation, loc)
        }
        None => {
            if extract_figures(&target).is_empty() {
                let known: Vec<&str> = config.claims.iter().map(|c| c.id.as_str()).collect();
                let help = if known.is_empty() {
                    "give a sentence with a figure, such as \"the council built 780 homes in 2023\""
                        .to_string()
                } else {
                    format!(
                        "give a claim id ({}) or a sentence with a figure",
                        known.join(", ")
                    )
                };
                return fail(miette::miette!(
                    code = "claimcheck::trace::no_figure",
                    help = help,
                    "`{target}` is neither a claim id nor a sentence with a figure"
                ));
            }
            trace(
                ctx,
                None,
                &target,
                &Citation::Uncited,
                command_line_location(&target),
            )
        }
    };
    let findings: Vec<Finding> = t.figures.iter().map(|f| f.finding.clone()).collect();
    let r = match common.format {
        Format::Human => safe_human(
            &mut std::io::stdout().lock(),
            use_color(common.color),
            |buf| report::write_trace_human(buf, &t, corpus, provenance, common.verbose),
        ),
        Format::Json => {
            report::write_trace_json(&mut std::io::stdout().lock(), &t, corpus, provenance)
        }
        // the traced figures are findings like lint's: code scanning, annotations and
        // the Markdown table take them as they are (the origin tree is in human and
        // JSON output only)
        Format::Sarif | Format::Github | Format::Markdown | Format::Html => {
            let summary = Summary::of(&findings);
            let run = Run {
                findings: &findings,
                silenced: &[],
                summary: &summary,
            };
            render(&common, &run, ctx)
        }
    };
    match r {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            fail(miette::miette!("cannot write the report: {e}"))
        }
        // a trace reports; it fails only when asked to
        _ => match common.fail_on {
            Some(level) => exit_for(&findings, level),
            None => ExitCode::SUCCESS,
        },
    }
}

/// `claimcheck index`: every file's entry made or refreshed, stale entries removed.
fn run_index(common: Common) -> ExitCode {
    let span = stage("config");
    let config = match load_config(&common, false) {
        Ok(c) => c,
        Err(e) => return fail(e),
    };
    drop(span);
    let store = match open_store(&config, &common, true) {
        Ok(Some(s)) => s.verifying_only(),
        Ok(None) => {
            return fail(miette::miette!(
                code = "claimcheck::index::disabled",
                help = "drop --no-index",
                "`claimcheck index` with --no-index has nothing to do"
            ))
        }
        Err(e) => return fail(e),
    };
    let built = match Built::load(config, &common, Some(&store), false) {
        Ok(b) => b,
        Err(e) => return fail(e),
    };
    let span = stage("index.prune");
    // the entries of the files read now; any other is a changed or removed file's
    let keep: std::collections::HashSet<u128> = built.contents.iter().copied().collect();
    let removed = store.prune(&keep);
    drop(span);
    let n = |a: &std::sync::atomic::AtomicUsize| a.load(std::sync::atomic::Ordering::Relaxed);
    let st = &store.stats;
    let removed = match removed {
        Ok(r) => r,
        Err(e) => {
            return fail(miette::miette!(
                "cannot clean the index `{}`: {e}",
                claimcheck::text::escape_control(&store.dir().display().to_string())
            ))
        }
    };
    if n(&st.write_errors) > 0 {
        return fail(miette::miette!(
            code = "claimcheck::index::unwritable",
            "the index `{}` is incomplete: {} entries could not be written",
            claimcheck::text::escape_control(&store.dir().display().to_string()),
            n(&st.write_errors)
        ));
    }
    print_or_fail(&format!(
        "indexed {} files in {}: {} reused, {} new or changed{}, {} stale removed ({:.1} MB)",
        built.corpus.sources.len(),
        claimcheck::text::escape_control(&store.dir().display().to_string()),
        n(&st.hits),
        n(&st.written),
        match n(&st.refused) {
            0 => String::new(),
            r => format!(" ({r} damaged entries rebuilt)"),
        },
        removed,
        store.size() as f64 / 1e6
    ))
}

fn run_sources(common: Common) -> ExitCode {
    let l = match Loaded::load(&common, false) {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    let (corpus, prov) = (&l.corpus, &l.provenance);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let r = match common.format {
        Format::Human => safe_human(&mut out, use_color(common.color), |buf| {
            report::write_sources_human(buf, corpus, prov, common.verbose)
        }),
        Format::Json => report::write_sources_json(&mut out, corpus, prov),
        // a list of sources has no findings to scan, annotate, tabulate or report
        Format::Sarif | Format::Github | Format::Markdown | Format::Html => {
            return fail(miette::miette!(
                code = "claimcheck::sources::format",
                help = "use `--format human` or `--format json`",
                "`sources` lists sources, not findings: `--format {}` has nothing to show",
                common.format.name()
            ))
        }
    };
    match r {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            fail(miette::miette!("cannot write the report: {e}"))
        }
        _ => ExitCode::SUCCESS,
    }
}

fn run_figures(file: &std::path::Path, format: ListFormat) -> ExitCode {
    let name = file.display().to_string();
    let bytes = if name == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut buf).map(|_| buf)
    } else {
        std::fs::read(file)
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => return fail(miette::miette!("cannot read `{name}`: {e}")),
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            return fail(miette::miette!(
                help = "save the file as UTF-8",
                "`{name}` is not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ))
        }
    };
    let rows = claimcheck::listing::list_figures(&text);
    let out = match format {
        ListFormat::Human => claimcheck::listing::human(&rows),
        ListFormat::Json => claimcheck::listing::json_lines(&rows),
    };
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|_| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            fail(miette::miette!("cannot write the listing: {e}"))
        }
        _ => ExitCode::SUCCESS,
    }
}

fn explain(code: &str) -> ExitCode {
    match claimcheck::codes::explain(code) {
        Some(text) => print_or_fail(text),
        None => {
            let known: Vec<&str> = Verdict::ALL.iter().map(|v| v.code()).collect();
            fail(miette::miette!(
                help = format!("known codes: {}", known.join(", ")),
                "unknown code `{code}`"
            ))
        }
    }
}

fn run_init(corpus: PathBuf, claims: PathBuf, force: bool) -> ExitCode {
    use claimcheck::init;
    if !force && (claims.exists() || claims.is_symlink()) {
        return fail(miette::Report::new(init::InitError::Exists(claims)));
    }
    let made = match init::scaffold(&claims, &corpus) {
        Ok(m) => m,
        Err(e) => return fail(miette::Report::new(e)),
    };
    for w in made.warnings {
        eprint_safe(&miette::Report::new(w));
    }
    if let Err(e) = init::write_file(&claims, &made.text, force) {
        return fail(miette::Report::new(e));
    }
    print_or_fail(&format!(
        "wrote {}: {} source{}, {} candidate claim{} (commented out)\nnext: check the [[source]] fields, uncomment the claims to keep, run `claimcheck check`",
        claimcheck::text::escape_control(&claims.display().to_string()),
        made.sources,
        if made.sources == 1 { "" } else { "s" },
        made.candidates,
        if made.candidates == 1 { "" } else { "s" },
    ))
}

/// Print `text` and a newline; a closed pipe is not an error.
fn print_or_fail(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            fail(miette::miette!("cannot write: {e}"))
        }
        _ => ExitCode::SUCCESS,
    }
}

/// Completions and the man page, generated from the command line's own definition.
fn run_generated(shell: Option<clap_complete::Shell>) -> ExitCode {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    let r = match shell {
        Some(shell) => {
            clap_complete::generate(shell, &mut cmd, "claimcheck", &mut buf);
            Ok(())
        }
        None => clap_mangen::Man::new(cmd).render(&mut buf),
    };
    let r = r.and_then(|_| {
        let mut out = std::io::stdout().lock();
        out.write_all(&buf).and_then(|_| out.flush())
    });
    match r {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            fail(miette::miette!("cannot write: {e}"))
        }
        _ => ExitCode::SUCCESS,
    }
}

/// The options of a job that reads the corpus (`check`, `lint`, `trace`, `sources`).
fn common_of(command: &Command) -> Option<&Common> {
    match command {
        Command::Check(c) | Command::Sources(c) | Command::Index(c) => Some(c),
        Command::Lint { common, .. } | Command::Trace { common, .. } => Some(common),
        _ => None,
    }
}

/// A progress bar on stderr for the stage at work: only when stderr is a terminal, and
/// drawn only once the run has taken a second (a quick run shows nothing).
struct Progress {
    stop: Arc<std::sync::atomic::AtomicBool>,
    thread: std::thread::JoinHandle<()>,
}

impl Progress {
    const DELAY: std::time::Duration = std::time::Duration::from_secs(1);
    const TICK: std::time::Duration = std::time::Duration::from_millis(100);

    fn start() -> Option<Progress> {
        if !std::io::stderr().is_terminal() {
            return None;
        }
        claimcheck::timings::enable_progress();
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stopped = stop.clone();
        let thread = std::thread::spawn(move || {
            let is_stopped = || stopped.load(std::sync::atomic::Ordering::Relaxed);
            let began = std::time::Instant::now();
            while began.elapsed() < Self::DELAY {
                if is_stopped() {
                    return;
                }
                std::thread::sleep(Self::TICK);
            }
            let bar = indicatif::ProgressBar::new(0);
            let counted = indicatif::ProgressStyle::with_template(
                "{spinner} {msg:<20} [{bar:30}] {pos}/{len} {elapsed}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> ");
            let open = indicatif::ProgressStyle::with_template("{spinner} {msg:<20} {elapsed}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner());
            let mut shown_total = usize::MAX;
            while !is_stopped() {
                let (label, done, total) = claimcheck::timings::progress();
                if total != shown_total {
                    bar.set_style(if total > 0 {
                        counted.clone()
                    } else {
                        open.clone()
                    });
                    bar.set_length(total as u64);
                    shown_total = total;
                }
                bar.set_message(label);
                bar.set_position(done.min(total.max(done)) as u64);
                bar.tick();
                std::thread::sleep(Self::TICK);
            }
            bar.finish_and_clear();
        });
        Some(Progress { stop, thread })
    }

    fn finish(self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        let _ = self.thread.join();
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let began = std::time::Instant::now();
    let timings = common_of(&cli.command).is_some_and(|c| c.timings);
    if timings {
        claimcheck::timings::enable();
    }
    let progress = common_of(&cli.command).and_then(|_| Progress::start());
    let code = run(cli);
    if let Some(p) = progress {
        p.finish();
    }
    if timings {
        let table = claimcheck::timings::render(&claimcheck::timings::take(), began.elapsed());
        let _ = std::io::stderr().write_all(table.as_bytes());
    }
    code
}

fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Check(c) => {
            install_miette_hook(c.color);
            run_check(c)
        }
        Command::Lint {
            common,
            drafts,
            diff,
        } => {
            install_miette_hook(common.color);
            run_lint(common, drafts, diff)
        }
        Command::Trace { common, target } => {
            install_miette_hook(common.color);
            run_trace(common, target)
        }
        Command::Sources(c) => {
            install_miette_hook(c.color);
            run_sources(c)
        }
        Command::Index(c) => {
            install_miette_hook(c.color);
            run_index(c)
        }
        Command::Figures { format, file } => run_figures(&file, format),
        Command::Explain { code } => explain(&code),
        Command::Init {
            corpus,
            claims,
            force,
        } => {
            install_miette_hook(Color::Auto);
            run_init(corpus, claims, force)
        }
        Command::Completions { shell } => run_generated(Some(shell)),
        Command::Man => run_generated(None),
    }
}
