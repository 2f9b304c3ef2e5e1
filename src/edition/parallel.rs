//! Work split over the machine's cores, results kept in order.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

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

/// Tasks that any number of threads can take a hand in, each task done once by whichever
/// thread takes it first; the results kept in the tasks' order.
///
/// Unlike [`map_chunks`], threads join when they can: a thread that would only wait for the
/// results (the reader's, once its terminal is set up) does tasks instead.
pub(super) struct SharedTasks<R> {
    next: AtomicUsize,
    len: usize,
    done: Mutex<Done<R>>,
    all_done: Condvar,
}

struct Done<R> {
    /// Each task's result; `None` until it is done, or when its work panicked.
    results: Vec<Option<R>>,
    count: usize,
}

impl<R> SharedTasks<R> {
    /// `len` tasks, none taken.
    pub(super) fn new(len: usize) -> Self {
        Self {
            next: AtomicUsize::new(0),
            len,
            done: Mutex::new(Done {
                results: std::iter::repeat_with(|| None).take(len).collect(),
                count: 0,
            }),
            all_done: Condvar::new(),
        }
    }

    /// Takes the next task no thread has taken and does it with `work`, given its index;
    /// false when every task was taken.
    pub(super) fn do_next(&self, work: impl FnOnce(usize) -> R) -> bool {
        let index = self.next.fetch_add(1, Ordering::Relaxed);
        if index >= self.len {
            return false;
        }
        // A task whose work panics is counted done all the same, so that no thread waits for
        // it forever; `wait` then finds its result missing.
        let mut finished = Finished {
            tasks: self,
            index,
            result: None,
        };
        finished.result = Some(work(index));
        true
    }

    /// Waits until every task is done, and takes the results in order; `None` when the work
    /// of a task panicked.
    pub(super) fn wait(&self) -> Option<Vec<R>> {
        let mut done = (self.done.lock()).unwrap_or_else(std::sync::PoisonError::into_inner);
        while done.count < self.len {
            done = (self.all_done.wait(done)).unwrap_or_else(std::sync::PoisonError::into_inner);
        }
        std::mem::take(&mut done.results).into_iter().collect()
    }
}

/// A task being done: on drop, however the work ended, its result is stored and counted.
struct Finished<'a, R> {
    tasks: &'a SharedTasks<R>,
    index: usize,
    result: Option<R>,
}

impl<R> Drop for Finished<'_, R> {
    fn drop(&mut self) {
        let tasks = self.tasks;
        let mut done = (tasks.done.lock()).unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(slot) = done.results.get_mut(self.index) {
            *slot = self.result.take();
        }
        done.count += 1;
        if done.count == tasks.len {
            tasks.all_done.notify_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicU32;

    use super::*;

    #[test]
    fn every_task_is_done_once_by_whichever_thread_takes_it_and_results_keep_their_order() {
        let tasks = SharedTasks::new(2000);
        let times_done: Vec<AtomicU32> = (0..2000).map(|_| AtomicU32::new(0)).collect();
        let work = |index: usize| {
            times_done[index].fetch_add(1, Ordering::Relaxed);
            index * 3
        };
        std::thread::scope(|scope| {
            for _ in 0..3 {
                scope.spawn(|| while tasks.do_next(work) {});
            }
            while tasks.do_next(work) {}
        });
        let results = tasks.wait().expect("no task panicked");
        assert_eq!(
            results,
            (0..2000).map(|index| index * 3).collect::<Vec<_>>()
        );
        assert!(
            times_done
                .iter()
                .all(|done| done.load(Ordering::Relaxed) == 1)
        );
        assert!(!tasks.do_next(work), "every task was taken");
    }

    #[test]
    fn a_task_that_panics_ends_the_wait_without_its_result() {
        let tasks = SharedTasks::new(3);
        std::thread::scope(|scope| {
            let panicking = scope.spawn(|| {
                tasks.do_next(|index| index);
                tasks.do_next(|_| panic!("a task that fails"));
            });
            assert!(panicking.join().is_err());
            while tasks.do_next(|index| index) {}
        });
        assert_eq!(tasks.wait(), None);
    }

    #[test]
    fn no_tasks_are_done_at_once() {
        let tasks: SharedTasks<()> = SharedTasks::new(0);
        assert!(!tasks.do_next(|_| ()));
        assert_eq!(tasks.wait(), Some(Vec::new()));
    }
}
