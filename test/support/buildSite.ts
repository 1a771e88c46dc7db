// The build helpers are shared with the benchmark (scripts/bench.ts).
export { astroBuild, astroSync, makeProject, ROOT, type BuildResult } from '../../scripts/lib/buildSite.ts';
