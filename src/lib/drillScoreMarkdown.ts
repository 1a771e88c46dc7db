/**
 * A drill's score as Markdown, to paste in the game day's notes: copied or downloaded from the
 * drills page when asked for (drillScoreFile.onDemand.ts), not loaded with it.
 */
import { formatUtcDateTime } from './timeText.ts';
import type { DrillScore, DrillScript } from './drillScore.ts';
import type { Incident } from './state.ts';

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The score and its reasons as Markdown, to paste in the game day's notes. */
export function drillScoreMarkdown(score: DrillScore, script: Pick<DrillScript, 'title'>, incident: Pick<Incident, 'id'>): string {
	return [
		`# Drill score: ${script.title}`,
		'',
		`Drill ${incident.id}, started ${formatUtcDateTime(score.startedAt)}, scored after ${score.ranFor}.`,
		'',
		`**Score: ${score.points} / ${score.max}**`,
		'',
		'| | Check | Points | Why |',
		'| --- | --- | --- | --- |',
		...score.items.map((i) => `| ${i.met ? '✅' : '❌'} | ${cell(i.label)} | ${i.points}/${i.max} | ${cell(i.reason)} |`),
		'',
	].join('\n');
}
