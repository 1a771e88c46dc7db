import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The dialogs' history entry (src/lib/dialogEntry.ts) over a history whose steps back land when the
 * test says: as on a busy phone, where a step back can still be under way when the next is asked for.
 */
function fakeWindow() {
	const events = new EventTarget();
	const entries: Array<{ state: unknown; url: string }> = [{ state: null, url: 'https://example.test/runbook/' }];
	let at = 0;
	/** Steps back from the page's first entry: the page left, for the one before (the chat the alert came from). */
	let left = 0;
	const backs: Array<() => void> = [];
	const history = {
		get state() {
			return entries[at]!.state;
		},
		get length() {
			return entries.length;
		},
		pushState(state: unknown, _title: string, url?: string) {
			entries.splice(at + 1, Infinity, { state, url: url ?? entries[at]!.url });
			at++;
		},
		replaceState(state: unknown, _title: string, url?: string) {
			entries[at] = { state, url: url ?? entries[at]!.url };
		},
		// Asked for now, landed when the test calls land().
		back() {
			backs.push(() => {
				if (at === 0) left++;
				at = Math.max(0, at - 1);
				events.dispatchEvent(new Event('popstate'));
			});
		},
	};
	vi.stubGlobal('history', history);
	vi.stubGlobal('location', {
		get href() {
			return entries[at]!.url;
		},
	});
	vi.stubGlobal('addEventListener', events.addEventListener.bind(events));
	vi.stubGlobal('removeEventListener', events.removeEventListener.bind(events));
	// Frames are the browser's: what waits for one here (the focus brought back into view) has no page to act on.
	vi.stubGlobal('requestAnimationFrame', () => 0);
	return {
		entries: () => entries.slice(0, at + 1).map((e) => e.url),
		pending: () => backs.length,
		left: () => left,
		/** Let the oldest step back asked for land. */
		land: async () => {
			backs.shift()?.();
			await settle();
		},
	};
}

/** What runs once a step is asked for or has landed runs in the microtasks after it. */
async function settle(): Promise<void> {
	for (let i = 0; i < 5; i++) await Promise.resolve();
}

describe('the dialogs’ history entry', () => {
	beforeEach(() => vi.resetModules());
	afterEach(() => vi.unstubAllGlobals());

	it('takes one step back at a time: a link followed while the last step is under way is followed after both', async () => {
		const win = fakeWindow();
		const { enterDialog, carryAddress, leaveDialog } = await import('../../src/lib/dialogEntry.ts');
		enterDialog(() => undefined);
		await settle();
		expect(win.entries()).toHaveLength(2);
		// Declared from an alert: the address loses the alert, and the page's entry below takes it.
		history.replaceState(history.state, '', 'https://example.test/runbook/?done');
		carryAddress();
		// The workspace link pressed before that step back has landed.
		const follow = vi.fn();
		leaveDialog(follow);
		await settle();
		expect(win.pending()).toBe(1);
		await win.land();
		// The dialog's entry is back on top of the page's (now without the alert); only then the second step.
		expect(win.pending()).toBe(1);
		expect(follow).not.toHaveBeenCalled();
		await win.land();
		expect(follow).toHaveBeenCalledTimes(1);
		expect(win.entries()).toEqual(['https://example.test/runbook/?done']);
		expect(win.left()).toBe(0);
	});

	it('opened again while the last one’s step back is under way, has an entry of its own, and its Cancel stays on the page', async () => {
		const win = fakeWindow();
		const { enterDialog, leaveDialog } = await import('../../src/lib/dialogEntry.ts');
		enterDialog(() => undefined);
		await settle();
		// Closed, and opened again (Declare pressed at once) before the step back from the first has landed.
		leaveDialog();
		await settle();
		enterDialog(() => undefined);
		await settle();
		await win.land();
		expect(win.entries()).toHaveLength(2);
		// Its Cancel steps back from its own entry onto the page's, never from the page's to the one before.
		leaveDialog();
		await settle();
		await win.land();
		expect(win.entries()).toEqual(['https://example.test/runbook/']);
		expect(win.pending()).toBe(0);
		expect(win.left()).toBe(0);
	});

	it('closed before its entry was made (a quick Cancel after a quick reopen), leaves history as it was', async () => {
		const win = fakeWindow();
		const { enterDialog, leaveDialog } = await import('../../src/lib/dialogEntry.ts');
		enterDialog(() => undefined);
		await settle();
		leaveDialog();
		enterDialog(() => undefined);
		const then = vi.fn();
		leaveDialog(then);
		await settle();
		await win.land();
		expect(then).toHaveBeenCalledTimes(1);
		expect(win.pending()).toBe(0);
		expect(win.entries()).toEqual(['https://example.test/runbook/']);
		expect(win.left()).toBe(0);
	});
});
