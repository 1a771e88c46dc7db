/**
 * The URLs of the P0–P3 fixture playbook the browser tests run on (test/fixtures/p-playbook):
 * responders bookmark them and alerts link to them (DESIGN.md).
 */
export const PUBLIC_URLS = [
	'/',
	'/severity/',
	'/classify/',
	'/communication/',
	'/escalation/',
	'/post-mortem/',
	'/tools/',
	'/incident/',
	'/process/detection-triage/',
	'/process/investigation/',
	'/process/mitigation/',
	'/process/resolution/',
	'/process/post-mortem/',
	'/scenarios/',
	'/scenarios/service-down/',
	'/scenarios/high-error-rate/',
	'/scenarios/database-issues/',
	'/scenarios/performance-degradation/',
	'/scenarios/security-incident/',
	'/authoring/',
	'/alerts/',
	'/drills/',
	'/metrics/',
];

/** Pages built for each alert a runbook lists (`/alerts/<name>/`), which send the responder on to it. */
export const isAlertRedirect = (url: string): boolean => /^\/alerts\/[^/]+\/$/.test(url);

/** Every page of a built site, as a URL path ("/scenarios/service-down/"). */
export { builtPages } from '../../scripts/lib/sitePages.ts';
