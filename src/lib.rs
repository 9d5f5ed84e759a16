pub mod diagnose;
pub mod escape;
pub mod provider;
pub mod request;
pub mod secret;
