import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpuShare, type CpuShare } from '../../scripts/measure/bench/cpuShare.ts';

/** Folders standing in for the cgroup mounts: the groups made in them are plain folders with files. */
let root: string;
let made: CpuShare | undefined;
beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'cgroups-'));
	made = undefined;
});
afterEach(() => {
	made?.release();
	rmSync(root, { recursive: true, force: true });
});

/** A fake mount of cgroup v1's `cpu` hierarchy or of the v2 root. */
function mount(kind: 'v1' | 'v2', controllers = 'cpu memory'): { v1: string; v2: string } {
	const v1 = join(root, 'cpu');
	const v2 = join(root, 'unified');
	mkdirSync(v1);
	mkdirSync(v2);
	if (kind === 'v1') writeFileSync(join(v1, 'cpu.cfs_quota_us'), '-1');
	else writeFileSync(join(v2, 'cgroup.subtree_control'), `${controllers}\n`);
	return { v1, v2 };
}

const groups = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('playbook-bench-'));

/** A group made in `roots`, released after the test; with `echo` for a browser, the launcher prints its arguments. */
function share(roots: { v1: string; v2: string }, part: number): CpuShare {
	const result = cpuShare('/bin/echo', part, roots);
	if ('why' in result) throw new Error(result.why);
	return (made = result);
}

describe('a browser within a share of one core', () => {
	it('makes a cgroup v1 group with the share as its quota, and a launcher that joins it and runs the browser', () => {
		const roots = mount('v1');
		const quarter = share(roots, 0.25);
		const [group] = groups(roots.v1);
		expect(group).toBeDefined();
		const dir = join(roots.v1, group!);
		// A quarter of every period: 2.5 ms of each 10 ms.
		expect(readFileSync(join(dir, 'cpu.cfs_quota_us'), 'utf8')).toBe('2500');
		expect(readFileSync(join(dir, 'cpu.cfs_period_us'), 'utf8')).toBe('10000');
		expect(quarter.joined()).toBe(false);
		// The launcher puts its own process in the group, then becomes the browser with the same arguments.
		const out = execFileSync(quarter.executablePath, ['--headless', "it's"], { encoding: 'utf8' });
		expect(out).toBe("--headless it's\n");
		expect(readFileSync(join(dir, 'cgroup.procs'), 'utf8').trim()).toMatch(/^\d+$/);
		expect(quarter.joined()).toBe(true);
		quarter.release();
		made = undefined;
		expect(groups(roots.v1)).toEqual([]);
		expect(existsSync(quarter.executablePath)).toBe(false);
	});

	it('does not start the browser when it cannot join the group, which would leave it at full speed', () => {
		const roots = mount('v1');
		const quarter = share(roots, 0.25);
		const [group] = groups(roots.v1);
		// Nothing can be written to a folder where the group's process list should be.
		mkdirSync(join(roots.v1, group!, 'cgroup.procs'));
		expect(() => execFileSync(quarter.executablePath, ['ran'], { encoding: 'utf8', stdio: 'pipe' })).toThrow(
			expect.objectContaining({ status: 1, stdout: '' }),
		);
	});

	it('uses cgroup v2 when its cpu controller is on for the groups under the root', () => {
		const roots = mount('v2');
		share(roots, 0.5);
		const [group] = groups(roots.v2);
		expect(readFileSync(join(roots.v2, group!, 'cpu.max'), 'utf8')).toBe('5000 10000');
	});

	it('says why not, and leaves nothing, where no controller can be used', () => {
		const roots = mount('v2', 'memory pids');
		expect(cpuShare('/bin/echo', 0.25, roots)).toEqual({ why: expect.stringMatching(/no cgroup CPU controller/) });
		expect(groups(roots.v2)).toEqual([]);
	});

	it('refuses a share that is not part of one core', () => {
		const roots = mount('v1');
		for (const part of [0, -1, 1.5, Number.NaN]) {
			expect(cpuShare('/bin/echo', part, roots)).toEqual({ why: expect.stringMatching(/share of one core/) });
		}
		expect(groups(roots.v1)).toEqual([]);
	});
});
