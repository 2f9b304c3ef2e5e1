//! Work split over the machine's cores, results kept in order.

/// `work` applied to consecutive chunks of `items`, one chunk a core, each with the index of
/// its first item; the results in the order of the chunks.
pub(super) fn map_chunks<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(&[T], usize) -> R + Sync,
) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    if threads == 1 || items.len() < 2 {
        return vec![work(items, 0)];
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let work = &work;
        let mut parts = items.chunks(chunk).enumerate();
        let (_, first) = parts.next().expect("at least two items");
        let workers: Vec<_> = parts
            .map(|(index, part)| scope.spawn(move || work(part, index * chunk)))
            .collect();
        // The first chunk is worked on here: one thread fewer to start, and what it
        // allocates can take the place of what the caller has freed (another thread's
        // allocations come from an allocator arena of their own).
        let mut results = vec![work(first, 0)];
        results.extend(workers.into_iter().map(|worker| {
            worker
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        }));
        results
    })
}
