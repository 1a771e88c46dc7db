/**
 * Broadcast mentions typed into a chat message's values, flagged before copying: pasted into
 * Slack, `@here` or `<!channel>` notifies everyone, which a responder rarely means at 3 a.m.
 */
import type { TemplateField } from '../schemas/template.ts';
import type { FieldValues } from './renderMessage.ts';

/** Mentions that notify a whole channel or workspace, as Slack and other chats write them (in italics, `_@here_`, too; not in an address, `ops@here.io`). */
const BROADCAST = /(?:^|[^a-z\d@])(@(?:here|channel|everyone))(?![a-z\d])|(<!(?:here|channel|everyone)(?:\|[^>]*)?>)/gi;

const warning = (label: string, mention: string) => `${label} contains ${mention}, which notifies everyone in the channel.`;

/** The broadcast mentions in some texts, each once, in lower case. */
function mentionsIn(texts: readonly string[]): string[] {
	return [...new Set(texts.flatMap((text) => [...text.matchAll(BROADCAST)].map((m) => (m[1] ?? m[2] ?? '').toLowerCase())))];
}

/** A broadcast mention found in a value, and the field it is in. */
export interface BroadcastMention {
	field: TemplateField;
	mention: string;
}

/**
 * Broadcast mentions (`@here`, `@channel`, `@everyone`, `<!channel>`, `<!here>`) in the values,
 * to flag before copying: only values, typed by someone, are searched; the template's own words
 * are the team's choice.
 */
export function broadcastMentions(fields: readonly TemplateField[], values: FieldValues): BroadcastMention[] {
	return fields.flatMap((field) => {
		const value = values[field.name];
		const texts = Array.isArray(value) ? value.flatMap((row) => Object.values(row)) : [value ?? ''];
		return mentionsIn(texts).map((mention) => ({ field, mention }));
	});
}

/** The broadcast mentions in words, to show before copying. */
export function mentionWarnings(fields: readonly TemplateField[], values: FieldValues): string[] {
	return broadcastMentions(fields, values).map(({ field, mention }) => warning(field.label, mention));
}

/** The broadcast mentions typed into a form's fields (by their labels), in words, to show before the message is copied. */
export function typedMentionWarnings(typed: readonly { label: string; value: string }[]): string[] {
	return typed.flatMap(({ label, value }) => mentionsIn([value]).map((mention) => warning(label, mention)));
}
