/**
 * Longest note on a runbook step, in characters: a few words beside the step (a host, a ticket),
 * shown on the runbook line. The box refuses more on Save with the reason and keeps all that was
 * typed. A module of its own, apart from limits.ts: the runbook pages load it and nothing else there.
 */
export const MAX_STEP_NOTE_LENGTH = 280;
