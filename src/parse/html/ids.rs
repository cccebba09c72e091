//! Maps and sets keyed by node id, with a hasher made for them.

use ego_tree::NodeId;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A map from node ids, hashed by `IdHasher`.
pub type IdMap<V> = HashMap<NodeId, V, BuildHasherDefault<IdHasher>>;

/// A set of node ids, hashed by `IdHasher`.
pub type IdSet = HashSet<NodeId, BuildHasherDefault<IdHasher>>;

/// A hasher for node ids, which are small distinct integers: SipHash's protection against
/// chosen keys buys nothing here and cost a tenth of a page's extraction.
#[derive(Debug, Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}
