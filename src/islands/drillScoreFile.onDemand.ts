/** The drill's score as a Markdown file or on the clipboard: loaded when the responder asks for one. */
import { drillScoreMarkdown } from '../lib/drillScoreMarkdown.ts';
import type { DrillScore, DrillScript } from '../lib/drillScore.ts';
import type { Incident } from '../lib/state.ts';
import { copyText, downloadText } from './copyText.ts';

type Scored = [score: DrillScore, script: Pick<DrillScript, 'title'>, incident: Pick<Incident, 'id'>];

/** Copy the score as Markdown; false when the browser refused. */
export function copyScore(...scored: Scored): Promise<boolean> {
	return copyText(drillScoreMarkdown(...scored));
}

/** Download the score as a Markdown file. */
export function downloadScore(...scored: Scored): void {
	downloadText(`drill-score-${scored[2].id}.md`, drillScoreMarkdown(...scored));
}
