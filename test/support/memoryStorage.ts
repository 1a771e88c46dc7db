/** A Storage in memory that can be made to fail the ways browsers do. */
export class MemoryStorage implements Storage {
	private items = new Map<string, string>();
	/** Throw on every access, as a browser with storage disabled does. */
	denied = false;
	/** Largest total size (characters) before setItem throws QuotaExceededError. */
	quota = Number.POSITIVE_INFINITY;

	get length(): number {
		this.check();
		return this.items.size;
	}
	key(index: number): string | null {
		this.check();
		return [...this.items.keys()][index] ?? null;
	}
	getItem(key: string): string | null {
		this.check();
		return this.items.get(key) ?? null;
	}
	setItem(key: string, value: string): void {
		this.check();
		const size = [...this.items].reduce((n, [k, v]) => n + (k === key ? 0 : k.length + v.length), 0) + key.length + value.length;
		if (size > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		this.items.set(key, value);
	}
	removeItem(key: string): void {
		this.check();
		this.items.delete(key);
	}
	clear(): void {
		this.items.clear();
	}
	private check() {
		if (this.denied) throw new DOMException('The operation is insecure.', 'SecurityError');
	}
}
