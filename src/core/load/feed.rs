//! (temporary)
use super::{Draft, FormatError};
pub fn parse(_t: &str) -> Result<Vec<Draft>, FormatError> {
    Err(FormatError::Feed("x".into()))
}
