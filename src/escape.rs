//! Terminal-safe escaping (being written).
