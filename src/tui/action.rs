//! What the user can ask the reader to do: one [`Action`] per key binding, each with the
//! name used in the config file's `[keys]` and the description the help overlay and the hint
//! bar show. Which keys trigger them lives in `keymap`; what they do, in `update`.

/// Something the user asks for with a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    Down,
    Up,
    Top,
    Bottom,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    FocusNext,
    FocusPrev,
    FocusLeft,
    FocusRight,
    Open,
    Search,
    NextMatch,
    PrevMatch,
    Query,
    Sources,
    Dates,
    ClearFilters,
    Claims,
    Tag,
    Untag,
    Undo,
    Tags,
    Extend,
    Shrink,
    ToggleFacts,
    CycleBidi,
    Calibrate,
    Help,
    Close,
    Quit,
}

impl Action {
    /// Every action, in the order the help overlay lists them.
    pub const ALL: [Action; 33] = [
        Action::Down,
        Action::Up,
        Action::Top,
        Action::Bottom,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::PageDown,
        Action::PageUp,
        Action::FocusNext,
        Action::FocusPrev,
        Action::FocusLeft,
        Action::FocusRight,
        Action::Open,
        Action::Search,
        Action::NextMatch,
        Action::PrevMatch,
        Action::Query,
        Action::Sources,
        Action::Dates,
        Action::ClearFilters,
        Action::Claims,
        Action::Tag,
        Action::Untag,
        Action::Undo,
        Action::Tags,
        Action::Extend,
        Action::Shrink,
        Action::ToggleFacts,
        Action::CycleBidi,
        Action::Calibrate,
        Action::Help,
        Action::Close,
        Action::Quit,
    ];

    /// The name in the config file's `[keys]` section.
    pub fn name(self) -> &'static str {
        match self {
            Action::Down => "down",
            Action::Up => "up",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::HalfPageDown => "half_page_down",
            Action::HalfPageUp => "half_page_up",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::FocusNext => "focus_next",
            Action::FocusPrev => "focus_prev",
            Action::FocusLeft => "focus_left",
            Action::FocusRight => "focus_right",
            Action::Open => "open",
            Action::Search => "search",
            Action::NextMatch => "next_match",
            Action::PrevMatch => "prev_match",
            Action::Query => "query",
            Action::Sources => "sources",
            Action::Dates => "dates",
            Action::ClearFilters => "clear_filters",
            Action::Claims => "claims",
            Action::Tag => "tag",
            Action::Untag => "untag",
            Action::Undo => "undo",
            Action::Tags => "tags",
            Action::Extend => "extend_selection",
            Action::Shrink => "shrink_selection",
            Action::ToggleFacts => "toggle_facts",
            Action::CycleBidi => "cycle_bidi",
            Action::Calibrate => "calibrate",
            Action::Help => "help",
            Action::Close => "close",
            Action::Quit => "quit",
        }
    }

    /// What it does, for the help overlay.
    pub fn description(self) -> &'static str {
        match self {
            Action::Down => "move down",
            Action::Up => "move up",
            Action::Top => "go to the top",
            Action::Bottom => "go to the bottom",
            Action::HalfPageDown => "half a page down",
            Action::HalfPageUp => "half a page up",
            Action::PageDown => "a page down",
            Action::PageUp => "a page up",
            Action::FocusNext => "focus the next pane (list → body → facts)",
            Action::FocusPrev => "focus the previous pane",
            Action::FocusLeft => "focus the pane on the left",
            Action::FocusRight => "focus the pane on the right",
            Action::Open => "open the selected article or fact",
            Action::Search => "search titles and bodies (Arabic-aware)",
            Action::NextMatch => "next search match",
            Action::PrevMatch => "previous search match",
            Action::Query => "filter with a query (source: date: since: until: lang: -word)",
            Action::Sources => "pick sources",
            Action::Dates => "set a date range",
            Action::ClearFilters => "clear the filter and the search",
            Action::Claims => "compare claimed numbers across articles",
            Action::Tag => {
                "tag: the fact selected in the sidebar, or choose sentences in the body (again: label it)"
            }
            Action::Untag => "remove the tag on the selected fact, tag row or sentences",
            Action::Undo => "undo the last tag added, changed or removed",
            Action::Tags => "every tag in the library (Enter goes to it, / narrows)",
            Action::Extend => "choosing sentences: take one more",
            Action::Shrink => "choosing sentences: take one fewer",
            Action::ToggleFacts => "show or hide the facts sidebar",
            Action::CycleBidi => "cycle the bidi mode (app → terminal → off)",
            Action::Calibrate => "pick the bidi mode by eye from a sample sentence",
            Action::Help => "this help",
            Action::Close => "close the overlay or prompt",
            Action::Quit => "quit",
        }
    }

    /// A one-word label for the hint bar.
    pub fn hint(self) -> &'static str {
        match self {
            Action::Open => "open",
            Action::Search => "search",
            Action::NextMatch => "next",
            Action::Query => "filter",
            Action::Sources => "sources",
            Action::Dates => "dates",
            Action::ClearFilters => "clear",
            Action::Claims => "claims",
            Action::Tag => "tag",
            Action::Untag => "untag",
            Action::Undo => "undo",
            Action::Tags => "tags",
            Action::Extend => "longer",
            Action::Shrink => "shorter",
            Action::ToggleFacts => "facts",
            Action::CycleBidi => "bidi",
            Action::Help => "help",
            Action::Quit => "quit",
            Action::FocusNext => "pane",
            Action::Close => "close",
            _ => self.name(),
        }
    }

    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_round_trip() {
        let mut names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
        for a in Action::ALL {
            assert_eq!(Action::from_name(a.name()), Some(a));
            assert!(!a.description().is_empty());
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Action::ALL.len());
        assert_eq!(Action::from_name("nope"), None);
    }
}
