//! Layouts kept per paragraph, width and options, so that scrolling and resizing a long
//! article lays each paragraph out once per width.

use std::collections::HashMap;
use std::sync::Arc;

use super::{BaseDirection, Layout, LayoutOptions, layout, layout_all};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Key {
    text: u64,
    len: usize,
    base: BaseDirection,
    width: usize,
    options: LayoutOptions,
}

impl Key {
    fn new(text: &str, base: BaseDirection, width: usize, options: &LayoutOptions) -> Key {
        Key {
            text: xxhash_rust::xxh3::xxh3_64(text.as_bytes()),
            len: text.len(),
            base,
            width,
            options: *options,
        }
    }
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
        let key = Key::new(text, base, width, options);
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

    /// The layouts of many paragraphs (an article's body) at one width; those not in the
    /// cache are laid out in parallel.
    pub fn get_all(
        &mut self,
        paragraphs: &[(&str, BaseDirection)],
        width: usize,
        options: &LayoutOptions,
    ) -> Vec<Arc<Layout>> {
        let keys: Vec<Key> = paragraphs
            .iter()
            .map(|&(text, base)| Key::new(text, base, width, options))
            .collect();
        let mut missing: Vec<(&str, BaseDirection)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (&paragraph, key) in paragraphs.iter().zip(&keys) {
            if !self.entries.contains_key(key) && seen.insert(*key) {
                missing.push(paragraph);
            }
        }
        let mut made = layout_all(&missing, width, options).into_iter();
        let mut out = Vec::with_capacity(paragraphs.len());
        for key in keys {
            self.clock += 1;
            if let Some((layout, used)) = self.entries.get_mut(&key) {
                *used = self.clock;
                self.hits += 1;
                out.push(Arc::clone(layout));
                continue;
            }
            // Laid out above, in the order of first appearance.
            let Some(layout) = made.next() else { break };
            self.misses += 1;
            if self.entries.len() >= self.capacity {
                self.evict();
            }
            let layout = Arc::new(layout);
            self.entries.insert(key, (Arc::clone(&layout), self.clock));
            out.push(layout);
        }
        out
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

    #[test]
    fn an_article_is_laid_out_once_and_in_order() {
        let mut cache = LayoutCache::new(100);
        let options = LayoutOptions::default();
        let body = [
            ("أول", BaseDirection::Rtl),
            ("second", BaseDirection::Ltr),
            ("أول", BaseDirection::Rtl),
            ("ثالث", BaseDirection::Rtl),
        ];
        let first = cache.get_all(&body, 30, &options);
        assert_eq!(first.len(), 4);
        assert_eq!(first[1].row(0).unwrap().text(false), "second");
        assert!(Arc::ptr_eq(&first[0], &first[2]));
        assert_eq!(*first[3], layout("ثالث", BaseDirection::Rtl, 30, &options));
        let again = cache.get_all(&body, 30, &options);
        assert!(again.iter().zip(&first).all(|(a, b)| Arc::ptr_eq(a, b)));
        assert_eq!(cache.stats(), (5, 3));
    }
}
