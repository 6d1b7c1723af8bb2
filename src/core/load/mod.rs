//! Loading: from paths to [`Article`]s. Finds files (recursively), decodes their bytes,
//! dispatches to one reader per format, then applies what every format shares: sanitizing,
//! date finding in running text, language detection, ids and the folder's `.khabar.toml`.

pub mod draft;
pub mod feed;
pub mod html;
pub mod json;
pub mod markdown;

pub use draft::{Draft, FormatError};
