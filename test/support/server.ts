// The static server is shared with the benchmark (scripts/bench.ts).
export { serveStatic } from '../../scripts/lib/serveStatic.ts';
