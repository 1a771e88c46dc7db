/**
 * The post-mortem's lists, for a message template that lists one of them (a fork's "action items so
 * far" in an update): the communication page loads them only then (MessageGenerator).
 */
export { DOCUMENT_ROWS } from './postMortem.ts';
