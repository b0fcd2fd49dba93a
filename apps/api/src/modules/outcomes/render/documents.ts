/**
 * The minutes' document writers for other modules: a document made of minutes blocks (cover,
 * headings, paragraphs, tables) laid out as the same tagged PDF and Word file as the minutes.
 * Used by the follow-up's quarterly report.
 */
export { renderMinutesDocx } from './docx';
export { renderMinutesPdf } from './pdf';
export type { Block, Minutes } from './minutes';
