//! Lectern: a terminal reader for a folder of saved articles.
//!
//! The core (article model, parsers, citation finder, layout) has no terminal code;
//! `tui` is the thin terminal layer on top.

pub mod article;
pub mod chrome;
pub mod cite;
pub mod config;
pub mod date_format;
pub mod dates;
pub mod decode;
pub mod errors;
pub mod export;
pub mod input;
pub mod inspect;
pub mod layout;
pub mod library;
pub mod manual;
pub mod parse;
pub mod pattern;
pub mod reading;
pub mod render;
pub mod samples;
pub mod search;
pub mod shape;
pub mod store;
pub mod tui;
