//! Bounds on the bytes that decoding may produce (added for Chỉ Số, see `CHISO.md`): per
//! stream and in total, for the thread that set them, while the [`DecodeLimits`] value
//! lives. A stream that would pass a bound fails to decode (as a damaged one does) and
//! [`DecodeLimits::exceeded`] says so. Without the `std` feature there are no bounds.

/// The bounds in force on this thread until the value is dropped.
#[derive(Debug)]
pub struct DecodeLimits {
    _private: (),
}

impl DecodeLimits {
    /// Bounds this thread's decoding: `per_stream` bytes from one filter of one stream,
    /// `total` bytes from all of them until the returned value is dropped.
    pub fn set(per_stream: usize, total: usize) -> Self {
        imp::set(per_stream, total, false);
        Self { _private: () }
    }

    /// Whether a stream failed to decode because it would have passed a bound.
    pub fn exceeded() -> bool {
        imp::exceeded()
    }
}

impl Drop for DecodeLimits {
    fn drop(&mut self) {
        imp::set(usize::MAX, usize::MAX, false);
    }
}

/// How many bytes the filter now decoding may produce.
pub(crate) fn cap() -> usize {
    imp::cap()
}

/// A filter stopped at [`cap`].
pub(crate) fn stop() {
    imp::stop();
}

/// `n` bytes decoded: `false` (and the bound marked passed) if that passes the total.
pub(crate) fn charge(n: usize) -> bool {
    imp::charge(n)
}

#[cfg(feature = "std")]
mod imp {
    use std::cell::Cell;

    std::thread_local! {
        static PER_STREAM: Cell<usize> = const { Cell::new(usize::MAX) };
        static LEFT: Cell<usize> = const { Cell::new(usize::MAX) };
        static EXCEEDED: Cell<bool> = const { Cell::new(false) };
    }

    pub(super) fn set(per_stream: usize, total: usize, exceeded: bool) {
        PER_STREAM.with(|c| c.set(per_stream));
        LEFT.with(|c| c.set(total));
        EXCEEDED.with(|c| c.set(exceeded));
    }

    pub(super) fn exceeded() -> bool {
        EXCEEDED.with(Cell::get)
    }

    pub(super) fn cap() -> usize {
        PER_STREAM.with(Cell::get).min(LEFT.with(Cell::get))
    }

    pub(super) fn stop() {
        EXCEEDED.with(|c| c.set(true));
    }

    pub(super) fn charge(n: usize) -> bool {
        let left = LEFT.with(Cell::get);
        if n > left || n > PER_STREAM.with(Cell::get) {
            stop();
            return false;
        }
        LEFT.with(|c| c.set(left - n));
        true
    }
}

#[cfg(not(feature = "std"))]
mod imp {
    pub(super) fn set(_: usize, _: usize, _: bool) {}

    pub(super) fn exceeded() -> bool {
        false
    }

    pub(super) fn cap() -> usize {
        usize::MAX
    }

    pub(super) fn stop() {}

    pub(super) fn charge(_: usize) -> bool {
        true
    }
}
