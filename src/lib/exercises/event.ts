/**
 * The name of the window event a widget dispatches with a report of its real state (tasks.ts
 * checks those reports). In a module of its own so that a page can listen without loading the
 * task rules (issue 12: page-load JS).
 */
export const WIDGET_EVENT = 'dmx:widget';
