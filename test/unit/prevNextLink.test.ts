import { describe, expect, it } from 'vitest';
import { prevNextLink, type SidebarLink } from '../../src/lib/scenarioLinks.ts';

const link: SidebarLink = { type: 'link', label: 'Next page', href: '/b/', isCurrent: false, badge: undefined, attrs: { class: 'x' } };

describe('a previous or next link as a page sets it in its frontmatter', () => {
	it('is the page found in order when the page says nothing or yes', () => {
		expect(prevNextLink(link, undefined)).toBe(link);
		expect(prevNextLink(link, true)).toBe(link);
		expect(prevNextLink(undefined, undefined)).toBeUndefined();
	});

	it('is gone when the page turns it off', () => {
		expect(prevNextLink(link, false)).toBeUndefined();
	});

	it('takes the label and the address the page gives', () => {
		expect(prevNextLink(link, 'Read on')).toEqual({ ...link, label: 'Read on' });
		expect(prevNextLink(undefined, 'Read on')).toBeUndefined();
		expect(prevNextLink(link, { label: 'Elsewhere', link: '/c/' })).toEqual({ ...link, label: 'Elsewhere', href: '/c/', attrs: {} });
		expect(prevNextLink(link, { link: '/c/' })).toMatchObject({ label: 'Next page', href: '/c/' });
		// With no page there, only a link with both a label and an address is made.
		expect(prevNextLink(undefined, { label: 'Elsewhere', link: '/c/' })).toMatchObject({ type: 'link', label: 'Elsewhere', href: '/c/' });
		expect(prevNextLink(undefined, { label: 'Elsewhere' })).toBeUndefined();
	});
});
