/**
 * A queue that starts each piece of work when the one before it has ended (however it ended). Changes
 * whose code loads on demand go through one, so they are applied in the order they were made: a later
 * import can resolve before an earlier one.
 */
export function inOrder(): <T>(work: () => Promise<T>) => Promise<T> {
	let last: Promise<unknown> = Promise.resolve();
	return (work) => {
		const next = last.then(work);
		last = next.catch(() => undefined);
		return next;
	};
}
