// Preloaded into a build (`node --import`): prints the CPU time the whole process used, all threads,
// so build cost can be compared on a machine other work is also using. With PLAYBOOK_BUILD_TIMELINE
// set to a file, it also writes there when each line of output came, in ms since the process
// started, so the time between two lines tells what a step of the build took (buildSteps.ts).
import { writeFileSync } from 'node:fs';

const timelineFile = process.env['PLAYBOOK_BUILD_TIMELINE'];
const timeline: Array<[number, string]> = [];
if (timelineFile) {
	for (const stream of [process.stdout, process.stderr]) {
		const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
		let partial = '';
		stream.write = ((chunk: unknown, ...rest: unknown[]) => {
			const lines = (partial + String(chunk)).split('\n');
			partial = lines.pop()!;
			const now = Math.round(performance.now());
			for (const line of lines) if (line.trim()) timeline.push([now, line]);
			return write(chunk, ...rest);
		}) as typeof stream.write;
	}
}

process.on('exit', () => {
	const { user, system } = process.cpuUsage();
	if (timelineFile) writeFileSync(timelineFile, JSON.stringify(timeline));
	process.stderr.write(`\nBUILD_CPU_MS ${Math.round((user + system) / 1000)}\n`);
});
