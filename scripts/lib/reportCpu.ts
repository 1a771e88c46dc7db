// Preloaded into a build (`node --import`): prints the CPU time the whole process used, all threads,
// so build cost can be compared on a machine other work is also using.
process.on('exit', () => {
	const { user, system } = process.cpuUsage();
	process.stderr.write(`\nBUILD_CPU_MS ${Math.round((user + system) / 1000)}\n`);
});
