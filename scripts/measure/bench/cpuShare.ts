import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the kernel's CPU controller is mounted: cgroup v1's `cpu` hierarchy, or the cgroup v2 root
 * when its `cpu` controller is on for the groups under it.
 */
export const CGROUP_ROOTS = { v1: '/sys/fs/cgroup/cpu', v2: '/sys/fs/cgroup' };

/** How often the kernel refills a group's CPU time: short, so a slowed browser runs in small steps, not 25 ms out of 100. */
const PERIOD_US = 10_000;

/** A browser to launch within a share of one core, every thread and process of it alike. */
export interface CpuShare {
	/** A script that puts itself in the group, then runs the browser with the arguments it was given. */
	executablePath: string;
	/** Whether any process is in the group: the browser launched through the script joined it. */
	joined: () => boolean;
	/** Take the group and the script away (once the browser has closed). */
	release: () => void;
}

/**
 * A Linux control group that lets whatever runs in it use `share` of one core (0.25: a quarter),
 * with a launcher for `browser` that runs it there. DevTools' CPU throttling slows a page's main
 * thread only, not its workers; this slows every thread of the browser alike. Needs a writable
 * cgroup (root, on Linux): otherwise it says why not, and nothing is left behind.
 */
export function cpuShare(browser: string, share: number, roots = CGROUP_ROOTS): CpuShare | { why: string } {
	if (!(share > 0 && share <= 1)) return { why: `a share of one core is more than 0 and at most 1, not ${share}` };
	const quota = String(Math.round(share * PERIOD_US));
	const name = `playbook-bench-${process.pid}-${Date.now()}`;
	let group: string | undefined;
	const limits: Array<[string, string]> = [];
	if (existsSync(join(roots.v1, 'cpu.cfs_quota_us'))) {
		group = join(roots.v1, name);
		limits.push(['cpu.cfs_period_us', String(PERIOD_US)], ['cpu.cfs_quota_us', quota]);
	} else if (readOr(join(roots.v2, 'cgroup.subtree_control')).split(/\s+/).includes('cpu')) {
		group = join(roots.v2, name);
		limits.push(['cpu.max', `${quota} ${PERIOD_US}`]);
	} else {
		return { why: 'no cgroup CPU controller to use (cgroup v1 `cpu`, or v2 with `cpu` in cgroup.subtree_control)' };
	}
	try {
		mkdirSync(group);
		for (const [file, value] of limits) writeFileSync(join(group, file), value);
	} catch (error) {
		removeGroup(group);
		return { why: `the cgroup could not be made (${(error as Error).message}): it needs root` };
	}
	const dir = mkdtempSync(join(tmpdir(), 'playbook-bench-'));
	const executablePath = join(dir, 'browser.sh');
	const procs = join(group, 'cgroup.procs');
	// A browser that could not join the group would run at full speed: it is not started.
	writeFileSync(executablePath, `#!/bin/sh\necho $$ > ${shellQuote(procs)} || exit 1\nexec ${shellQuote(browser)} "$@"\n`);
	chmodSync(executablePath, 0o755);
	return {
		executablePath,
		joined: () => readOr(procs).trim() !== '',
		release: () => {
			removeGroup(group);
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

function readOr(path: string): string {
	try {
		return readFileSync(path, 'utf8');
	} catch {
		return '';
	}
}

/** A group is removed with rmdir (its control files go with it); a real one refuses while a process is in it. */
function removeGroup(group: string): void {
	try {
		rmdirSync(group);
	} catch {
		try {
			// A folder standing in for a cgroup (as in the tests) keeps its files: remove them too.
			rmSync(group, { recursive: true, force: true });
		} catch {
			// A group a process is still in stays; the kernel removes nothing from it.
		}
	}
}

const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;
