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
        let workers: Vec<_> = (items.chunks(chunk).enumerate())
            .map(|(index, part)| scope.spawn(move || work(part, index * chunk)))
            .collect();
        workers
            .into_iter()
            .map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}
