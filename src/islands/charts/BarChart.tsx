/** One bar: its label, its value (undefined: no figure) and the value as text. */
export interface Bar {
	label: string;
	value: number | undefined;
	text: string;
}

interface Props {
	title: string;
	bars: Bar[];
	/** Where the same figures are as a table, e.g. "the table By severity below". */
	tableNote: string;
}

/** A small horizontal bar chart: the bars scale to the largest value; the figures are written beside them. */
export function BarChart({ title, bars, tableNote }: Props) {
	const max = Math.max(0, ...bars.map((b) => b.value ?? 0));
	const alt = `${title}: ${bars.map((b) => `${b.label} ${b.value === undefined ? 'no figure' : b.text}`).join('; ') || 'no data'}.`;
	return (
		<figure class="bar-chart">
			<div role="img" aria-label={alt}>
				{bars.map((b) => (
					<div class="bar-row" key={b.label}>
						<span class="bar-label">{b.label}</span>
						<svg class="bar-svg" aria-hidden="true" focusable="false">
							{b.value !== undefined && max > 0 && (
								<rect class="bar" x="0" y="2" height="14" width={`${((b.value / max) * 100).toFixed(2)}%`} />
							)}
						</svg>
						<span class="bar-value">{b.value === undefined ? '–' : b.text}</span>
					</div>
				))}
			</div>
			<figcaption>
				{title}. The same figures are in {tableNote}.
			</figcaption>
		</figure>
	);
}
