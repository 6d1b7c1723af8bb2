//! Keys to actions: the default bindings, the user's `[keys]` overrides from the config file,
//! the spelling of keys in that file (`j`, `G`, `Ctrl-d`, `PageDown`, `BackTab`, `Space`), and
//! the lines of the help overlay and the hint bar, generated from whatever is bound.
//!
//! A binding in the config file replaces every default key of its action. Two actions bound
//! to the same key is an error naming both, so a user never loses an action silently.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use crate::config::KeyList;

/// A key with the modifiers that matter (Ctrl, Alt); Shift is part of the character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::NONE,
        }
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::CONTROL,
        }
    }

    const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    /// The key of a terminal event, Shift folded into the character (terminals differ in
    /// whether `G` comes with the Shift modifier).
    pub fn of(event: &KeyEvent) -> Key {
        let mut mods = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match event.code {
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            KeyCode::Tab if event.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            code => code,
        };
        if code == KeyCode::BackTab {
            mods.remove(KeyModifiers::SHIFT);
        }
        Key { code, mods }
    }

    /// Reads a key as written in the config file.
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.len() > 1 && (lower.starts_with("ctrl-") || lower.starts_with("ctrl+")) {
                mods |= KeyModifiers::CONTROL;
                rest = &rest[5..];
            } else if rest.len() > 1 && (lower.starts_with("alt-") || lower.starts_with("alt+")) {
                mods |= KeyModifiers::ALT;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => {
                if mods.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            _ => match rest.to_ascii_lowercase().as_str() {
                "down" => KeyCode::Down,
                "up" => KeyCode::Up,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                "pageup" | "pgup" => KeyCode::PageUp,
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" | "shift-tab" => KeyCode::BackTab,
                "space" => KeyCode::Char(' '),
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "insert" => KeyCode::Insert,
                f if f.len() > 1 && f.starts_with('f') => match f[1..].parse::<u8>() {
                    Ok(n @ 1..=12) => KeyCode::F(n),
                    _ => return Err(unknown_key(text)),
                },
                _ => return Err(unknown_key(text)),
            },
        };
        Ok(Key { code, mods })
    }
}

fn unknown_key(text: &str) -> String {
    format!(
        "unknown key {text:?}: write a character (\"j\", \"G\", \"?\"), a name (Down, PageUp, \
         Home, Enter, Esc, Tab, BackTab, Space, F1) or Ctrl-/Alt- and one of those"
    )
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other}"),
        }
    }
}

/// The default keys of every action.
fn defaults(action: Action) -> Vec<Key> {
    use KeyCode::*;
    match action {
        Action::Down => vec![Key::ch('j'), Key::plain(Down)],
        Action::Up => vec![Key::ch('k'), Key::plain(Up)],
        Action::Top => vec![Key::ch('g'), Key::plain(Home)],
        Action::Bottom => vec![Key::ch('G'), Key::plain(End)],
        Action::HalfPageDown => vec![Key::ctrl('d')],
        Action::HalfPageUp => vec![Key::ctrl('u')],
        Action::PageDown => vec![Key::plain(PageDown)],
        Action::PageUp => vec![Key::plain(PageUp)],
        Action::FocusNext => vec![Key::plain(Tab)],
        Action::FocusPrev => vec![Key::plain(BackTab)],
        Action::FocusLeft => vec![Key::ch('h'), Key::plain(Left)],
        Action::FocusRight => vec![Key::ch('l'), Key::plain(Right)],
        Action::Open => vec![Key::plain(Enter)],
        Action::Search => vec![Key::ch('/')],
        Action::NextMatch => vec![Key::ch('n')],
        Action::PrevMatch => vec![Key::ch('N')],
        Action::Query => vec![Key::ch('f')],
        Action::Sources => vec![Key::ch('s')],
        Action::Dates => vec![Key::ch('d')],
        Action::ClearFilters => vec![Key::ch('x')],
        Action::Claims => vec![Key::ch('c')],
        Action::Tag => vec![Key::ch('t')],
        Action::Untag => vec![Key::ch('T')],
        Action::Undo => vec![Key::ch('u')],
        Action::Tags => vec![Key::ch('a')],
        Action::Extend => vec![Key::ch('J')],
        Action::Shrink => vec![Key::ch('K')],
        Action::ToggleFacts => vec![Key::ch('i')],
        Action::CycleBidi => vec![Key::ch('b')],
        Action::Calibrate => vec![Key::ch('B')],
        Action::Help => vec![Key::ch('?'), Key::plain(F(1))],
        Action::Close => vec![Key::plain(Esc)],
        Action::Quit => vec![Key::ch('q'), Key::ctrl('c')],
    }
}

/// The bindings in force.
#[derive(Debug, Clone)]
pub struct KeyMap {
    by_key: HashMap<Key, Action>,
    by_action: BTreeMap<Action, Vec<Key>>,
}

impl Default for KeyMap {
    fn default() -> Self {
        KeyMap::build(defaults).unwrap_or_else(|_| KeyMap {
            by_key: HashMap::new(),
            by_action: BTreeMap::new(),
        })
    }
}

impl KeyMap {
    /// The defaults patched by the config file's `[keys]`. Errors name the action or key.
    /// A key the config binds is taken from any action left at its defaults.
    pub fn with_overrides(overrides: &BTreeMap<String, KeyList>) -> Result<KeyMap, String> {
        let mut custom: BTreeMap<Action, Vec<Key>> = BTreeMap::new();
        for (name, keys) in overrides {
            let action = Action::from_name(name).ok_or_else(|| {
                let names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
                format!(
                    "[keys] names an unknown action {name:?}; the actions are: {}",
                    names.join(", ")
                )
            })?;
            let parsed = keys
                .keys()
                .iter()
                .map(|k| Key::parse(k).map_err(|e| format!("[keys] {name}: {e}")))
                .collect::<Result<Vec<Key>, String>>()?;
            custom.insert(action, parsed);
        }
        // A key the user binds is theirs: an action left at its defaults loses that key (a
        // config written before the default existed keeps working). Two actions the user
        // binds to one key are still an error.
        let taken: std::collections::HashSet<Key> = custom.values().flatten().copied().collect();
        KeyMap::build(|a| {
            custom.get(&a).cloned().unwrap_or_else(|| {
                defaults(a)
                    .into_iter()
                    .filter(|k| !taken.contains(k))
                    .collect()
            })
        })
    }

    fn build(keys_of: impl Fn(Action) -> Vec<Key>) -> Result<KeyMap, String> {
        let mut by_key = HashMap::new();
        let mut by_action = BTreeMap::new();
        for action in Action::ALL {
            let keys = keys_of(action);
            for &key in &keys {
                if let Some(other) = by_key.insert(key, action)
                    && other != action
                {
                    return Err(format!(
                        "[keys]: {key} is bound to both {} and {}; give one of them another key",
                        other.name(),
                        action.name()
                    ));
                }
            }
            by_action.insert(action, keys);
        }
        Ok(KeyMap { by_key, by_action })
    }

    pub fn action(&self, event: &KeyEvent) -> Option<Action> {
        self.by_key.get(&Key::of(event)).copied()
    }

    pub fn keys(&self, action: Action) -> &[Key] {
        self.by_action.get(&action).map_or(&[], Vec::as_slice)
    }

    /// The keys of `action` as the help shows them («j ↓»), or «—» when unbound.
    pub fn keys_text(&self, action: Action) -> String {
        let keys = self.keys(action);
        if keys.is_empty() {
            return "—".into();
        }
        keys.iter()
            .map(Key::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// `(keys, description)` for every action, in help order.
    pub fn help_lines(&self) -> Vec<(String, &'static str)> {
        Action::ALL
            .iter()
            .map(|&a| (self.keys_text(a), a.description()))
            .collect()
    }

    /// «key label» pairs for the hint bar: each action's first key.
    pub fn hints(&self, actions: &[Action]) -> String {
        actions
            .iter()
            .filter_map(|&a| self.keys(a).first().map(|k| format!("{k} {}", a.hint())))
            .collect::<Vec<_>>()
            .join("  ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventKind;
    use rstest::rstest;

    fn event(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new_with_kind(code, mods, KeyEventKind::Press)
    }

    #[rstest]
    #[case("j", KeyCode::Char('j'), KeyModifiers::NONE)]
    #[case("G", KeyCode::Char('G'), KeyModifiers::NONE)]
    #[case("Ctrl-d", KeyCode::Char('d'), KeyModifiers::CONTROL)]
    #[case("ctrl+D", KeyCode::Char('d'), KeyModifiers::CONTROL)]
    #[case("Alt-x", KeyCode::Char('x'), KeyModifiers::ALT)]
    #[case("PageDown", KeyCode::PageDown, KeyModifiers::NONE)]
    #[case("BackTab", KeyCode::BackTab, KeyModifiers::NONE)]
    #[case("Space", KeyCode::Char(' '), KeyModifiers::NONE)]
    #[case("F5", KeyCode::F(5), KeyModifiers::NONE)]
    #[case("-", KeyCode::Char('-'), KeyModifiers::NONE)]
    #[case("ع", KeyCode::Char('ع'), KeyModifiers::NONE)]
    fn keys_are_read(#[case] text: &str, #[case] code: KeyCode, #[case] mods: KeyModifiers) {
        assert_eq!(Key::parse(text), Ok(Key { code, mods }));
    }

    #[rstest]
    #[case("")]
    #[case("Hyper-x")]
    #[case("F13")]
    #[case("jj")]
    fn bad_keys_are_refused_with_the_spelling(#[case] text: &str) {
        let err = Key::parse(text).unwrap_err();
        assert!(err.contains(&format!("{text:?}")), "{err}");
    }

    #[test]
    fn defaults_cover_the_documented_keys() {
        let map = KeyMap::default();
        let act = |code, mods| map.action(&event(code, mods));
        assert_eq!(
            act(KeyCode::Char('j'), KeyModifiers::NONE),
            Some(Action::Down)
        );
        assert_eq!(act(KeyCode::Down, KeyModifiers::NONE), Some(Action::Down));
        // Shift reported with an upper-case letter or not: the same key.
        assert_eq!(
            act(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Some(Action::Bottom)
        );
        assert_eq!(
            act(KeyCode::Char('G'), KeyModifiers::NONE),
            Some(Action::Bottom)
        );
        assert_eq!(
            act(KeyCode::Char('N'), KeyModifiers::SHIFT),
            Some(Action::PrevMatch)
        );
        assert_eq!(
            act(KeyCode::BackTab, KeyModifiers::SHIFT),
            Some(Action::FocusPrev)
        );
        assert_eq!(
            act(KeyCode::Char('d'), KeyModifiers::CONTROL),
            Some(Action::HalfPageDown)
        );
        assert_eq!(
            act(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Action::Quit)
        );
        assert_eq!(
            act(KeyCode::Char('d'), KeyModifiers::NONE),
            Some(Action::Dates)
        );
        assert_eq!(act(KeyCode::Char('z'), KeyModifiers::NONE), None);
        for action in Action::ALL {
            assert!(!map.keys(action).is_empty(), "{action:?} has no key");
        }
    }

    #[test]
    fn a_key_the_user_binds_is_taken_from_an_action_left_at_its_defaults() {
        // `J` was free before choosing sentences took it by default; a config binding it
        // keeps working, and only the default gives way.
        let mut o = BTreeMap::new();
        o.insert("down".to_string(), KeyList::One("J".into()));
        let map = KeyMap::with_overrides(&o).unwrap();
        assert_eq!(
            map.action(&event(KeyCode::Char('J'), KeyModifiers::SHIFT)),
            Some(Action::Down)
        );
        assert_eq!(map.keys_text(Action::Extend), "—");
        // Two actions the user binds to one key are still refused.
        o.insert("extend_selection".to_string(), KeyList::One("J".into()));
        let err = KeyMap::with_overrides(&o).unwrap_err();
        assert!(err.contains("J is bound to both"), "{err}");
    }

    #[test]
    fn an_override_replaces_the_defaults_of_its_action() {
        let mut o = BTreeMap::new();
        o.insert(
            "down".to_string(),
            KeyList::Many(vec!["L".into(), "Ctrl-n".into()]),
        );
        o.insert("quit".to_string(), KeyList::One("Q".into()));
        let map = KeyMap::with_overrides(&o).unwrap();
        let act = |code, mods| map.action(&event(code, mods));
        assert_eq!(
            act(KeyCode::Char('L'), KeyModifiers::SHIFT),
            Some(Action::Down)
        );
        assert_eq!(
            act(KeyCode::Char('n'), KeyModifiers::CONTROL),
            Some(Action::Down)
        );
        assert_eq!(act(KeyCode::Char('j'), KeyModifiers::NONE), None);
        assert_eq!(act(KeyCode::Char('q'), KeyModifiers::NONE), None);
        assert_eq!(map.keys_text(Action::Quit), "Q");
        assert!(
            map.help_lines()
                .iter()
                .any(|(k, d)| k == "L Ctrl-n" && *d == "move down")
        );
    }

    #[test]
    fn conflicts_and_unknown_actions_are_errors_naming_them() {
        let mut o = BTreeMap::new();
        o.insert("down".to_string(), KeyList::One("q".into()));
        o.insert(
            "quit".to_string(),
            KeyList::Many(vec!["Q".into(), "q".into()]),
        );
        let err = KeyMap::with_overrides(&o).unwrap_err();
        assert!(err.contains("down") && err.contains("quit"), "{err}");
        let mut o = BTreeMap::new();
        o.insert("jump".to_string(), KeyList::One("J".into()));
        let err = KeyMap::with_overrides(&o).unwrap_err();
        assert!(
            err.contains("\"jump\"") && err.contains("half_page_down"),
            "{err}"
        );
    }
}
