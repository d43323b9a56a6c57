//! The summary: one analysed state (dataset, weights, principals, headline, every body's
//! composition and control, flags), as `bilik summary` prints it and as `bilik export` writes
//! it for papers and other tools.

pub mod csv;
pub mod json;
pub mod md;
pub mod text;
