//! Legal facts of each shipped dataset, pinned so that a data edit that changes them is seen.

mod fr;
mod kz_2017;
mod kz_2022;
mod kz_2026;
mod tr;
mod us;
