import { useEffect, useRef } from 'preact/hooks';

interface Props {
	text: string;
	label: string;
	onClose: () => void;
}

/** Shown when the clipboard is refused: the text, selected, ready for Ctrl+C / ⌘C. */
export function CopyFallback({ text, label, onClose }: Props) {
	const area = useRef<HTMLTextAreaElement>(null);
	useEffect(() => {
		area.current?.focus();
		area.current?.select();
	}, [text]);
	return (
		<div class="copy-fallback" role="group" aria-label={label}>
			<p>The browser did not allow copying. The text is selected: copy it with Ctrl+C (⌘C on a Mac), or Copy on a phone.</p>
			<textarea ref={area} readOnly rows={Math.min(12, text.split('\n').length + 1)} value={text} aria-label={label} />
			<button type="button" onClick={onClose}>
				Close
			</button>
		</div>
	);
}
