import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { focusBack } from '../../src/lib/focusBack.ts';

let scrolled: Element[] = [];
beforeEach(() => {
	scrolled = [];
	Element.prototype.scrollIntoView = function (this: Element) {
		scrolled.push(this);
	};
	document.body.innerHTML = `<button id="opener">Declare</button><main><ul class="checklist"><li id="step"><input type="checkbox" id="first"><label>Check the health endpoint</label></li></ul></main>`;
});
afterEach(() => {
	document.body.innerHTML = '';
});

const press = (type: 'keydown' | 'pointerdown') => document.body.dispatchEvent(new Event(type, { bubbles: true }));

describe('the focus given back as a dialog or note closes', () => {
	it('goes to what opened it, else to the first step, else to the main content', () => {
		focusBack(document.getElementById('opener'));
		expect(document.activeElement?.id).toBe('opener');
		document.getElementById('opener')!.remove();
		focusBack(null);
		expect(document.activeElement?.id).toBe('first');
		document.querySelector('.checklist')!.remove();
		focusBack(null);
		expect(document.activeElement?.tagName).toBe('MAIN');
	});

	it('leaves the page where it is after a touch or a click, and brings the focus into view after a key', () => {
		press('pointerdown');
		focusBack(null);
		expect([document.activeElement?.id, scrolled]).toEqual(['first', []]);
		press('keydown');
		focusBack(null);
		// The step's whole box, its words with it, not the box to tick alone.
		expect(scrolled.map((el) => el.id)).toEqual(['step']);
		press('pointerdown');
		focusBack(null);
		expect(scrolled).toHaveLength(1);
	});
});
