/**
 * The browser's record of incidents, as stored and as every island sees it. Validated with zod on
 * every read (zod/mini: the same library as the content schemas, at a fraction of the bytes
 * shipped to the browser). Times are epoch milliseconds.
 */
import * as z from 'zod/mini';
import { DATE_LIMIT_MS } from './stateKey.ts';

/**
 * A moment, in ms since 1970: any a date can hold, so every view can write it. Not bounded to plausible years: a
 * device whose clock was reset writes 1970, and its own record must still read back (the clock warnings say so).
 */
const TimeSchema = z
	.number()
	.check(z.gte(-DATE_LIMIT_MS, { error: 'not a time a date can hold' }), z.lte(DATE_LIMIT_MS, { error: 'not a time a date can hold' }));

/** A checklist tick, or (done: false) the record that a tick was taken back. */
export const TickSchema = z.object({
	/** Ticked (true) or unticked/reset (false); unticks are kept so tabs merge correctly. */
	done: z.boolean(),
	/** When the step was ticked. */
	at: TimeSchema,
	/** When this record last changed: the newer record wins when tabs merge. */
	changedAt: TimeSchema,
	/** Who ticked it. */
	by: z.string(),
	/** A short note on the step. */
	note: z.optional(z.string()),
	/** The step's text when ticked, so exports can show steps since removed from the playbook. */
	text: z.string(),
	/** The checklist's name when ticked, e.g. "Service Down: Response". */
	list: z.string(),
});
export type Tick = z.infer<typeof TickSchema>;

/** Ticks by item key ("scenario/service-down/response/check-redis-connectivity"). */
export const TicksSchema = z.record(z.string(), TickSchema);
export type Ticks = z.infer<typeof TicksSchema>;

/** Kinds of timeline event. */
export const EVENT_KINDS = [
	'detected',
	'declared',
	'severity',
	'status',
	'note',
	'tick',
	'untick',
	'reset',
	'message',
	'escalation',
	'edited',
	'imported',
	'handover',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** What a handover of command records: who gave it, who took it, and where the work stands. */
export const HandoverSchema = z.object({
	/** The commander handing over. */
	from: z.string(),
	/** The commander taking over. */
	to: z.string(),
	/** What is done, in the outgoing commander's words. */
	done: z.string(),
	/** What is still open. */
	open: z.string(),
	/** The next deadline the incoming commander must meet, in words (e.g. "Status update 04:05 UTC"). */
	next: z.string(),
});
export type Handover = z.infer<typeof HandoverSchema>;

/** One line of an incident's timeline. */
export const EventSchema = z.object({
	id: z.string(),
	at: TimeSchema,
	kind: z.enum(EVENT_KINDS),
	/** What happened, in words. */
	text: z.string(),
	by: z.optional(z.string()),
	/**
	 * For severity and status events: the new value; for escalations, what was escalated or fell due; for a step
	 * note's line rewritten by an edit, when the line was first written (ms since 1970), which its rewrites count from;
	 * for the line of an alert added to the incident, `alert:` and its name in lower case (addAlert).
	 */
	value: z.optional(z.string()),
	/** For handover events: the handover. */
	handover: z.optional(HandoverSchema),
});
export type TimelineEvent = z.infer<typeof EventSchema>;

/** An action item of the post-mortem. */
export const ActionItemSchema = z.object({
	id: z.string(),
	item: z.string(),
	owner: z.string(),
	due: z.string(),
	done: z.boolean(),
});
export type ActionItem = z.infer<typeof ActionItemSchema>;

/** What the post-mortem adds to what the incident already knows. */
export const PostMortemSchema = z.object({
	rootCause: z.string(),
	resolution: z.string(),
	usersAffected: z.string(),
	revenueImpact: z.string(),
	dataImpact: z.string(),
	lessons: z.string(),
	actionItems: z.array(ActionItemSchema),
});
export type PostMortem = z.infer<typeof PostMortemSchema>;

/** The scripted drill an incident plays: which one, and when its opening alert fired. */
export const ExerciseSchema = z.object({
	/** Id of the drill (its file name in content/drills). */
	drill: z.string(),
	/** When the drill started: its injects fall due counted from here. */
	startedAt: TimeSchema,
});
export type Exercise = z.infer<typeof ExerciseSchema>;

/** One incident. */
export const IncidentSchema = z.object({
	id: z.string(),
	title: z.string(),
	severity: z.string(),
	status: z.string(),
	/** A game-day drill, not a real incident. */
	drill: z.boolean(),
	detectedAt: TimeSchema,
	declaredAt: TimeSchema,
	resolvedAt: z.optional(TimeSchema),
	impact: z.string(),
	services: z.array(z.string()),
	onCall: z.string(),
	commander: z.string(),
	channel: z.string(),
	/** Scenario ids this incident is about. */
	scenarios: z.array(z.string()),
	/** Alert that started it, when declared from an alert link. */
	alert: z.optional(z.string()),
	/** The scripted drill this incident plays, when it was started from one. */
	exercise: z.optional(ExerciseSchema),
	ticks: TicksSchema,
	events: z.array(EventSchema),
	postMortem: PostMortemSchema,
	/**
	 * What a responder typed into a message for a blank the incident has no field of its own for
	 * (a post-mortem link, next steps), by the field's name: every later message fills it in.
	 */
	typed: z.optional(z.record(z.string(), z.string())),
	/**
	 * When each field last changed, so two tabs editing different fields both keep their edit: times like any
	 * other, held to what a date can show (the clock warnings and an import's clock check read them).
	 */
	clock: z.record(z.string(), TimeSchema),
});
export type Incident = z.infer<typeof IncidentSchema>;

/** Everything the browser keeps. */
export const StateSchema = z.object({
	/** The incident every page shows, or null. */
	activeId: z.nullable(z.string()),
	/** When activeId last changed. */
	activeAt: z.number(),
	incidents: z.array(IncidentSchema),
	/** Incidents deleted, by id, with when: so another tab does not bring them back. */
	deleted: z.record(z.string(), z.number()),
	/** Ticks made with no incident open; they can be attached to an incident later. */
	scratch: TicksSchema,
	/** The name of the person using this browser, recorded with ticks and notes. */
	responder: z.string(),
	/** Where this browser's messages are pasted, chosen once and kept: Slack, Markdown or plain text. */
	messageFormat: z.optional(z.enum(['slack', 'markdown', 'plain'])),
});
export type State = z.infer<typeof StateSchema>;

/** A state with nothing in it. */
export function emptyState(): State {
	return { activeId: null, activeAt: 0, incidents: [], deleted: {}, scratch: {}, responder: '' };
}

/** An empty post-mortem. */
export function emptyPostMortem(): PostMortem {
	return { rootCause: '', resolution: '', usersAffected: '', revenueImpact: '', dataImpact: '', lessons: '', actionItems: [] };
}
