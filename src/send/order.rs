//! The order a sequence of events is delivered in.

/// In order, reversed, or shuffled by a seed (reproducible on every machine:
/// the shuffle uses its own SplitMix64, not a library's generator).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    InOrder,
    Reversed,
    Shuffled { seed: u64 },
}

impl Order {
    pub fn apply<T>(self, items: &mut [T]) {
        match self {
            Order::InOrder => {}
            Order::Reversed => items.reverse(),
            Order::Shuffled { seed } => {
                let mut state = seed;
                // Fisher–Yates.
                for i in (1..items.len()).rev() {
                    let j = (splitmix64(&mut state) % (i as u64 + 1)) as usize;
                    items.swap(i, j);
                }
            }
        }
    }
}

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shuffle_is_a_reproducible_permutation() {
        let shuffled = |seed| {
            let mut v: Vec<u32> = (0..20).collect();
            Order::Shuffled { seed }.apply(&mut v);
            v
        };
        assert_eq!(shuffled(7), shuffled(7));
        assert_ne!(shuffled(7), shuffled(8));
        let mut sorted = shuffled(7);
        sorted.sort();
        assert_eq!(sorted, (0..20).collect::<Vec<_>>());
        let mut v = vec![1, 2, 3];
        Order::Reversed.apply(&mut v);
        assert_eq!(v, [3, 2, 1]);
    }
}
