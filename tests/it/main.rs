//! The integration tests, built as one test binary: the shared helpers are
//! compiled and linked once, and the tests of every topic share one pool of
//! test threads. One module per topic (`tests/it/<topic>.rs`), as astral-sh/uv
//! and casey/just lay theirs out; run one topic with
//! `cargo test --test it <topic>::`.
//!
//! tests/allocations.rs stays a binary of its own: it installs a counting
//! global allocator, which would count the allocations of every test here.
//! Tests in this binary share one process, so none may change process-wide
//! state (environment variables, the current directory, signal handlers):
//! set variables on the child `Command` instead.

mod common;
mod signed;

mod bad_input;
mod check_apps;
mod config;
mod corpus;
mod docs;
mod first_hour;
mod generated_files;
mod gitlab;
mod json_schemas;
mod listen_diagnose;
mod listen_garbage;
mod listen_providers;
mod listen_proxy;
mod listen_safety;
mod listen_secrets;
mod official_libraries;
mod official_linear;
mod official_more_providers;
mod official_paddle;
mod official_razorpay;
mod official_sendgrid;
mod official_shopify;
mod official_slack;
mod provider_choice;
mod rough_edges;
mod send;
mod sendgrid;
mod shopify;
mod sign_and_fixtures;
mod store;
mod terminal;
mod verify_diagnosis;
mod wrong_secret_advice;
mod zoom;
