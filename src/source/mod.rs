//! Reading sources: files from disk, safely.

pub mod file;
