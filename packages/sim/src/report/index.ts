/**
 * The HTML timeline report of a run.
 * @packageDocumentation
 */
export { renderReport, DEFAULT_MAX_EVENTS } from './renderReport.js';
export type { ReportInput } from './renderReport.js';
