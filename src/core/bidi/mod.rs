//! Right-to-left layout: shaping (joining Arabic letters) and, around it, the bidi pipeline.
mod forms;
pub mod shape;
