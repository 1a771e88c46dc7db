/** The URLs responders bookmark and alerts link to (DESIGN.md); they must keep working. */
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
	'/drills/',
	'/metrics/',
];

/** Every page of a built site, as a URL path ("/scenarios/service-down/"). */
export { builtPages } from '../../scripts/lib/sitePages';
