//! `--expect`: which response statuses count as success.

use std::fmt;

/// One accepted status or class (`2xx`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Accept {
    Class(u16),
    Code(u16),
}

/// A comma-separated list of statuses and classes: `2xx`, `200`, `2xx,409`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expect(Vec<Accept>);

impl Default for Expect {
    fn default() -> Self {
        Expect(vec![Accept::Class(2)])
    }
}

impl Expect {
    pub fn parse(spec: &str) -> Result<Expect, String> {
        let mut accepted = Vec::new();
        for part in spec.split(',').map(str::trim) {
            let lower = part.to_ascii_lowercase();
            let item = match lower.strip_suffix("xx") {
                Some(d) if d.len() == 1 && matches!(d.as_bytes()[0], b'1'..=b'5') => {
                    Accept::Class(u16::from(d.as_bytes()[0] - b'0'))
                }
                _ => match part.parse::<u16>() {
                    Ok(code) if (100..=599).contains(&code) => Accept::Code(code),
                    _ => {
                        return Err(format!(
                            "'{part}' is not a status (e.g. 200) or class (e.g. 2xx)"
                        ));
                    }
                },
            };
            accepted.push(item);
        }
        Ok(Expect(accepted))
    }

    pub fn matches(&self, status: u16) -> bool {
        self.0.iter().any(|a| match a {
            Accept::Class(c) => status / 100 == *c,
            Accept::Code(code) => status == *code,
        })
    }
}

impl fmt::Display for Expect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|a| match a {
                Accept::Class(c) => format!("{c}xx"),
                Accept::Code(code) => code.to_string(),
            })
            .collect();
        f.write_str(&parts.join(","))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_and_codes() {
        let e = Expect::parse("2xx,409").unwrap();
        assert!(e.matches(200) && e.matches(204) && e.matches(409));
        assert!(!e.matches(301) && !e.matches(500));
        assert_eq!(e.to_string(), "2xx,409");
        assert!(Expect::default().matches(299));
        assert!(Expect::parse("4XX").unwrap().matches(404));
        for bad in ["", "2x", "6xx", "abc", "99", "200,"] {
            assert!(Expect::parse(bad).is_err(), "{bad}");
        }
    }
}
