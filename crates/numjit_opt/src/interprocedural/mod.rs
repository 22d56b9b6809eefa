//! Passes over the whole module: they move code between functions.

pub mod inline_functions;
