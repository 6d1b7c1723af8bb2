//! Layouts kept per paragraph, width and options, so that scrolling and resizing a long
//! article lays each paragraph out once per width.

use std::collections::HashMap;
use std::sync::Arc;

use super::{BaseDirection, Layout, LayoutOptions, layout};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Key {
    text: u64,
    len: usize,
    base: BaseDirection,
    width: usize,
    options: LayoutOptions,
}

/// A bounded cache of layouts. The least recently used half is dropped when it is full.
#[derive(Debug)]
pub struct LayoutCache {
    entries: HashMap<Key, (Arc<Layout>, u64)>,
    capacity: usize,
    clock: u64,
    hits: u64,
    misses: u64,
}

impl Default for LayoutCache {
    fn default() -> Self {
        LayoutCache::new(4096)
    }
}

impl LayoutCache {
    /// A cache holding at most `capacity` layouts (at least one).
    pub fn new(capacity: usize) -> Self {
        LayoutCache {
            entries: HashMap::new(),
            capacity: capacity.max(1),
            clock: 0,
            hits: 0,
            misses: 0,
        }
    }

    /// The layout of `text`, from the cache or made now.
    pub fn get(
        &mut self,
        text: &str,
        base: BaseDirection,
        width: usize,
        options: &LayoutOptions,
    ) -> Arc<Layout> {
        self.clock += 1;
        let key = Key {
            text: xxhash_rust::xxh3::xxh3_64(text.as_bytes()),
            len: text.len(),
            base,
            width,
            options: *options,
        };
        if let Some((layout, used)) = self.entries.get_mut(&key) {
            *used = self.clock;
            self.hits += 1;
            return Arc::clone(layout);
        }
        self.misses += 1;
        if self.entries.len() >= self.capacity {
            self.evict();
        }
        let made = Arc::new(layout(text, base, width, options));
        self.entries.insert(key, (Arc::clone(&made), self.clock));
        made
    }

    /// Drops the least recently used half.
    fn evict(&mut self) {
        let mut uses: Vec<u64> = self.entries.values().map(|(_, used)| *used).collect();
        let mid = uses.len() / 2;
        let (_, &mut cutoff, _) = uses.select_nth_unstable(mid);
        self.entries.retain(|_, (_, used)| *used > cutoff);
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Lookups answered from the cache and lookups that laid out anew.
    pub fn stats(&self) -> (u64, u64) {
        (self.hits, self.misses)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lays_out_once_per_width_and_evicts_the_oldest() {
        let mut cache = LayoutCache::new(4);
        let options = LayoutOptions::default();
        let a = cache.get("خبر عاجل", BaseDirection::Rtl, 20, &options);
        let b = cache.get("خبر عاجل", BaseDirection::Rtl, 20, &options);
        assert!(Arc::ptr_eq(&a, &b));
        cache.get("خبر عاجل", BaseDirection::Rtl, 5, &options);
        assert_eq!(cache.stats(), (1, 2));
        for w in 30..40 {
            cache.get("نص", BaseDirection::Rtl, w, &options);
        }
        assert!(cache.len() <= 4);
        // The most recent one is still there.
        cache.get("نص", BaseDirection::Rtl, 39, &options);
        assert_eq!(cache.stats().0, 2);
    }
}
