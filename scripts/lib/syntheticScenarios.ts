import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { levelIds } from '../../src/data/levelMentionWarnings.ts';

const SYSTEMS = [
	'payments API',
	'checkout',
	'search cluster',
	'login service',
	'message queue',
	'CDN edge',
	'billing worker',
	'report export',
];
const SIGNS = [
	'latency above 2 s',
	'error rate over 5%',
	'consumer lag growing',
	'disk 95% full',
	'TLS handshake failures',
	'pods restarting',
];

/** Id of the n-th synthetic scenario (1-based), e.g. "synthetic-0042". */
export const syntheticId = (n: number) => `synthetic-${String(n).padStart(4, '0')}`;

/** One valid scenario file, shaped like a real runbook, different for each n; `severities` are the playbook's level ids. */
export function syntheticScenario(n: number, total: number, severities: readonly string[]): string {
	const system = SYSTEMS[n % SYSTEMS.length]!;
	const sign = SIGNS[n % SIGNS.length]!;
	const severity = severities[n % severities.length]!;
	const related = [n - 1, n + 1].filter((r) => r >= 1 && r <= total).map(syntheticId);
	return `---
title: ${system} ${sign} (${n})
description: The ${system} shows ${sign}; case ${n} of a generated playbook.
owner: Platform team
lastReviewed: 2024-12-01
sidebar:
  order: ${1000 + n}
severities: [${severity}]
alerts: [Synthetic${n}]
symptoms:
  - ${system} dashboard shows ${sign}
  - Alert Synthetic${n} firing for ${system}
response:
  - Check the ${system} dashboard
  - Compare with the last deployment of ${system}
  - Page the ${system} owners if ${sign} lasts 10 minutes
mitigation:
  - Shift traffic away from the ${system}
rollback:
  - platform: Kubernetes
    commands:
      code: kubectl rollout undo deployment/synthetic-${n}
${related.length > 0 ? `related: [${related.join(', ')}]\n` : ''}---

Runbook ${n}: what to do when the ${system} shows ${sign}.
`;
}

/**
 * Content overlay (for makeProject) that brings the playbook to `total` scenarios by adding
 * synthetic ones next to the real ones in `contentDir`.
 */
export function syntheticScenarios(total: number, contentDir: string): Record<string, string> {
	const real = scenarioIds(contentDir).length;
	const count = Math.max(0, total - real);
	const levels = levelIds(contentDir);
	return Object.fromEntries(
		Array.from({ length: count }, (_, i) => [`docs/scenarios/${syntheticId(i + 1)}.mdx`, syntheticScenario(i + 1, count, levels)]),
	);
}

/** The ids of the scenarios in a content folder (their file names), sorted. */
export function scenarioIds(contentDir: string): string[] {
	return readdirSync(join(contentDir, 'docs/scenarios'))
		.filter((f) => /^[^_].*\.mdx?$/.test(f) && !/^index\./.test(f))
		.map((f) => f.replace(/\.mdx?$/, ''))
		.sort();
}
