import { useEffect, useState } from 'preact/hooks';

/** The current time, updated every `ms` and as soon as the tab becomes visible again. */
export function useNow(ms = 1000): number {
	const [now, setNow] = useState(() => Date.now());
	useEffect(() => {
		const tick = () => setNow(Date.now());
		const timer = setInterval(tick, ms);
		document.addEventListener('visibilitychange', tick);
		return () => {
			clearInterval(timer);
			document.removeEventListener('visibilitychange', tick);
		};
	}, [ms]);
	return now;
}
