//! Reading a leaflet's source: what the YAML parser cannot tell us about the text as typed.

pub mod traps;
