//! claimcheck: keeps the figures in a piece of analysis honest.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod check;
pub mod cite;
pub mod codes;
pub mod config;
pub mod corpus;
pub mod diff;
pub mod draft;
pub mod figure;
pub mod frame;
pub mod github;
pub mod html;
pub mod index;
pub mod init;
pub mod judge;
pub mod lexicon;
pub mod lint;
pub mod listing;
pub mod markdown;
pub mod matching;
pub mod places;
pub mod provenance;
pub mod report;
pub mod retrieve;
pub mod sarif;
pub mod segment;
pub mod store;
pub mod text;
pub mod timings;
pub mod trace;
