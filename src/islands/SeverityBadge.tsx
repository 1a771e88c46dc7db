import type { ClientSeverity } from '../lib/clientPlaybook.ts';

/** A severity id in its level's colour ("P0", or "P0 Critical" when named). */
export function SeverityBadge({ severity, named = false }: { severity: Pick<ClientSeverity, 'id' | 'name' | 'tone'>; named?: boolean }) {
	return (
		<span class={`sev sev-${severity.tone}`}>
			{severity.id}
			{named && <span class="sev-name"> {severity.name}</span>}
		</span>
	);
}
