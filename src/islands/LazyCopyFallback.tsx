import { useEffect, useState } from 'preact/hooks';
import type { CopyFallback as CopyFallbackType } from './CopyFallback.onDemand.tsx';

type Props = Parameters<typeof CopyFallbackType>[0];

/** The copy fallback, loaded only when a browser refuses the clipboard. */
export function LazyCopyFallback(props: Props) {
	const [View, setView] = useState<typeof CopyFallbackType | undefined>(undefined);
	useEffect(() => {
		void import('./CopyFallback.onDemand.tsx').then((m) => setView(() => m.CopyFallback));
	}, []);
	return View ? <View {...props} /> : <p role="status">Preparing the text to copy…</p>;
}
