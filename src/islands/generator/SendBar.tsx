import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { copyText } from '../copyText.ts';
import type { CopyFallback as CopyFallbackType } from '../CopyFallback.onDemand.tsx';

interface Props {
	/** DOM id prefix. */
	id: string;
	/** The exact text to copy: what the preview shows. */
	text: string;
	/** The copy button's words, e.g. "Copy Slack message". */
	copyLabel: string;
	/** What the text is, for the manual-copy box, e.g. "Status Update (Slack)". */
	what: string;
	/** Problems to fix before sending; shown next to the button, which still copies. */
	warnings: string[];
	/** Labels of required values still missing: the button says it copies without them. */
	missing?: string[] | undefined;
	/** Inputs for the missing values, shown beside the button. */
	ask?: ComponentChildren;
	/** Called once the text is on the clipboard (or copied by hand); returns the confirmation to show. */
	onCopied: () => string;
	/** More buttons, e.g. a download. */
	children?: ComponentChildren;
	/** What comes next once it is copied (the post-mortem after the resolution), shown under the confirmation. */
	next?: ComponentChildren;
}

/** The id of a send bar's "Before sending" box, which a generator opened to check a message focuses. */
export const sendCheckId = (id: string): string => `${id}-check`;

/**
 * The check before sending and the copy button. A refused clipboard opens the text selected for a
 * manual copy; a copy made from there counts as a copy too.
 */
export function SendBar({ id, text, copyLabel, what, warnings, missing = [], ask, onCopied, children, next }: Props) {
	const [status, setStatus] = useState('');
	const [fallback, setFallback] = useState<string | null>(null);
	const [copiedByHand, setCopiedByHand] = useState(false);
	// Each copy, by the button or by hand: its status, under the buttons, is brought into view (on a phone it can fall below the screen).
	const [copies, setCopies] = useState(0);
	const statusLine = useRef<HTMLParagraphElement>(null);
	const nextLine = useRef<HTMLParagraphElement>(null);
	// With what comes next under it, that too: the post-mortem's link below the screen's edge would go unseen.
	useEffect(() => {
		if (copies > 0) (nextLine.current ?? statusLine.current)?.scrollIntoView({ block: 'nearest' });
	}, [copies]);
	// The manual copy box's code loads only when a browser refuses the clipboard.
	const [Fallback, setFallbackView] = useState<typeof CopyFallbackType | undefined>(undefined);
	const copy = async () => {
		if (await copyText(text)) {
			setFallback(null);
			setStatus(onCopied());
			setCopies((n) => n + 1);
		} else {
			setStatus('');
			setCopiedByHand(false);
			setFallback(text);
			if (!Fallback) void import('../CopyFallback.onDemand.tsx').then((m) => setFallbackView(() => m.CopyFallback));
		}
	};
	const warningId = sendCheckId(id);
	return (
		<div class="send-bar">
			{ask && <div class="send-ask">{ask}</div>}
			{/* Right above the button, below the values still to write: in view as the button is pressed on a phone. */}
			{warnings.length > 0 && (
				<div class="send-check" id={warningId} tabIndex={-1}>
					<p>
						<strong>Before sending:</strong>
					</p>
					<ul>
						{warnings.map((w) => (
							<li key={w}>{w}</li>
						))}
					</ul>
				</div>
			)}
			<p class="actions">
				<button
					type="button"
					class="primary"
					onClick={() => void copy()}
					{...(warnings.length > 0 ? { 'aria-describedby': warningId } : {})}
				>
					{copyLabel}
					{missing.length > 0 && ` without ${missing.join(', ')}`}
				</button>
				{children}
			</p>
			<p role="status" class="copy-status" ref={statusLine}>
				{status}
			</p>
			{status && next && (
				<p class="actions" ref={nextLine}>
					{next}
				</p>
			)}
			{fallback !== null && (
				// A copy event bubbles up from the selected text: the responder copied it by hand (count it once).
				<div
					onCopy={() => {
						if (copiedByHand) return;
						setCopiedByHand(true);
						setStatus(onCopied());
						setCopies((n) => n + 1);
					}}
				>
					{Fallback ? (
						<Fallback text={fallback} label={what} onClose={() => setFallback(null)} />
					) : (
						<p role="status">Preparing the text to copy…</p>
					)}
				</div>
			)}
		</div>
	);
}
