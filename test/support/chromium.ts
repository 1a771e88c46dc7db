// Shared with the benchmark (scripts/bench.ts).
export { launchChromium } from '../../scripts/lib/launchChromium';
