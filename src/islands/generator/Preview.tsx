/** The message as it will be pasted, under "Preview (format)": focusable, so a long one scrolls from the keyboard. */
export function Preview({ format, text }: { format: string; text: string }) {
	return (
		<figure class="generator-preview">
			<figcaption>Preview ({format})</figcaption>
			<pre data-preview tabIndex={0}>
				{text}
			</pre>
		</figure>
	);
}
