//! Styles of the reader, by role, from the config's `[theme]`. With `NO_COLOR` set (to
//! anything but the empty string, as no-color.org says) no colour is used at all: roles are
//! told apart by bold, reverse and underline only.

use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

use crate::config::ThemeConfig;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub accent: Style,
    pub focused_border: Style,
    pub border: Style,
    pub selected: Style,
    pub matches: Style,
    pub fact: Style,
    pub dim: Style,
    pub error: Style,
    pub title: Style,
    pub header: Style,
    /// The sentence being chosen for a tag.
    pub selection: Style,
}

impl Theme {
    /// The theme of `config`, without colour when `no_color`. A colour that cannot be read is
    /// an error naming the role and the value.
    pub fn new(config: &ThemeConfig, no_color: bool) -> Result<Theme, String> {
        if no_color {
            return Ok(Theme::mono());
        }
        let color = |role: &str, value: &str| {
            Color::from_str(value).map_err(|_| {
                format!(
                    "[theme] {role} = {value:?} is not a colour: use a name (\"yellow\", \
                     \"light-blue\"), \"#rrggbb\" or a number 0-255"
                )
            })
        };
        let accent = color("accent", &config.accent)?;
        let matches = color("matches", &config.matches)?;
        let fact = color("fact", &config.fact)?;
        let dim = color("dim", &config.dim)?;
        let error = color("error", &config.error)?;
        Ok(Theme {
            color: true,
            accent: Style::new().fg(accent),
            focused_border: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            border: Style::new().fg(dim),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            matches: Style::new().fg(Color::Black).bg(matches),
            fact: Style::new().fg(Color::Black).bg(fact),
            dim: Style::new().fg(dim),
            error: Style::new().fg(error).add_modifier(Modifier::BOLD),
            title: Style::new().add_modifier(Modifier::BOLD),
            header: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            selection: Style::new().fg(Color::Black).bg(accent),
        })
    }

    /// No colour: attributes only.
    pub fn mono() -> Theme {
        Theme {
            color: false,
            accent: Style::new().add_modifier(Modifier::BOLD),
            focused_border: Style::new().add_modifier(Modifier::BOLD),
            border: Style::new(),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            matches: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            fact: Style::new().add_modifier(Modifier::UNDERLINED),
            dim: Style::new(),
            error: Style::new().add_modifier(Modifier::BOLD),
            title: Style::new().add_modifier(Modifier::BOLD),
            header: Style::new().add_modifier(Modifier::BOLD),
            selection: Style::new().add_modifier(Modifier::REVERSED | Modifier::ITALIC),
        }
    }

    /// How text tagged with `label` is marked: underlined, in a colour that says what the
    /// default labels mean (red false, yellow disputed or misleading, green verified, magenta
    /// unverified or needs-source, cyan any other word); without colour, underlined only.
    pub fn tag(&self, label: &str) -> Style {
        let marked = Style::new().add_modifier(Modifier::UNDERLINED);
        if !self.color {
            return marked;
        }
        let color = match label.to_lowercase().as_str() {
            "false" => Color::LightRed,
            "disputed" | "misleading" => Color::Yellow,
            "verified" => Color::LightGreen,
            "unverified" | "needs-source" => Color::LightMagenta,
            _ => Color::LightCyan,
        };
        marked.fg(color)
    }
}

/// Whether the environment asks for no colour.
pub fn no_color_requested() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_read_and_no_color_drops_every_colour() {
        let t = Theme::new(&ThemeConfig::default(), false).unwrap();
        assert!(t.color && t.matches.bg.is_some());
        assert_ne!(t.tag("false"), t.tag("verified"));
        assert_eq!(t.tag("Disputed"), t.tag("disputed"));
        assert!(t.tag("x").add_modifier.contains(Modifier::UNDERLINED));
        let m = Theme::new(&ThemeConfig::default(), true).unwrap();
        for s in [
            m.accent,
            m.selected,
            m.matches,
            m.fact,
            m.dim,
            m.error,
            m.header,
            m.selection,
            m.tag("false"),
            m.tag("other"),
        ] {
            assert!(s.fg.is_none() && s.bg.is_none(), "{s:?}");
        }
    }

    #[test]
    fn a_bad_colour_names_its_role() {
        let config = ThemeConfig {
            matches: "sparkly".into(),
            ..ThemeConfig::default()
        };
        let err = Theme::new(&config, false).unwrap_err();
        assert!(err.contains("matches") && err.contains("sparkly"), "{err}");
    }
}
