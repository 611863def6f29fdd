/** API schemas of the follow-up: the dashboard, the map's heat and coverage grids, the IOP report and the public page. */
import { z } from 'zod';
import { id, isoDate } from './common.js';
import { csvStyle } from './exports.js';

/** A period of local dates (both included) and, optionally, one area. */
export const insightsQuery = z.strictObject({ from: isoDate, to: isoDate, areaId: id.optional() });
export type InsightsQuery = z.infer<typeof insightsQuery>;

/** A figure for the period and the same figure for the period of equal length just before it. */
export const figure = z.object({ value: z.number().nullable(), previous: z.number().nullable() });
export type Figure = z.infer<typeof figure>;

const counted = { value: z.number(), previous: z.number() };

export const dashboard = z.object({
  from: z.string(),
  to: z.string(),
  previousFrom: z.string(),
  previousTo: z.string(),
  areaId: z.string().nullable(),
  shifts: z.object({
    /** Not cancelled. */
    planned: figure,
    /** Checked out (run to the end). */
    run: figure,
    cancelled: figure,
    /** Planned shifts with the minimum crew, a driver and a leader. */
    staffed: figure,
    /** Staffed of planned, in per cent (null without planned shifts). */
    staffingRate: figure,
    /** Crew hours of run shifts, check-in to check-out, for those present. */
    volunteerHours: figure,
    km: figure,
  }),
  observations: z.object({
    total: figure,
    byCategory: z.array(z.object({ categoryId: z.string(), label: z.string(), icon: z.string(), ...counted })),
    byArea: z.array(z.object({ areaId: z.string().nullable(), name: z.string().nullable(), ...counted })),
    /** Monday first, local time. */
    byWeekday: z.array(z.object({ weekday: z.number(), ...counted })),
    byHour: z.array(z.object({ hour: z.number(), ...counted })),
  }),
  /** Items sent in the period, and what has come of them so far. */
  items: z.object({
    sent: figure,
    resolved: figure,
    /** Still waiting for an answer past their due date. */
    overdue: figure,
    /** Not closed yet. */
    open: figure,
    byRecipient: z.array(
      z.object({
        recipientId: z.string(),
        name: z.string(),
        sent: z.number(),
        resolved: z.number(),
        overdue: z.number(),
        /** Median hours from sending to resolution, of those resolved (null: none resolved). */
        medianHours: z.number().nullable(),
        previousMedianHours: z.number().nullable(),
      }),
    ),
  }),
});
export type Dashboard = z.infer<typeof dashboard>;

/** A grid over the map's viewport: cells with something in them, counted. */
export const grid = z.object({
  /** west, south, east, north of the grid (the viewport's). */
  bbox: z.array(z.number()),
  columns: z.number(),
  rows: z.number(),
  /** x from the west, y from the south. */
  cells: z.array(z.object({ x: z.number(), y: z.number(), count: z.number() })),
});
export type Grid = z.infer<typeof grid>;

export { iopSectionKeys, type IopSectionKey } from '../domain/iop.js';
const sectionText = z.string().trim().max(8000);

export const iopQuery = z.strictObject({ from: isoDate, to: isoDate, areaId: id.optional() });
export const iopFiguresQuery = iopQuery.extend({ format: z.enum(['csv', 'xlsx']), csvStyle });
export const iopTexts = z.object({
  from: z.string(),
  to: z.string(),
  sections: z.object({ summary: z.string(), activities: z.string(), cooperation: z.string(), ahead: z.string() }),
  updatedAt: z.string().nullable(),
});
export type IopTexts = z.infer<typeof iopTexts>;
export const iopTextsPut = z.strictObject({
  from: isoDate,
  to: isoDate,
  sections: z.strictObject({
    summary: sectionText.default(''),
    activities: sectionText.default(''),
    cooperation: sectionText.default(''),
    ahead: sectionText.default(''),
  }),
});
export type IopTextsPut = z.infer<typeof iopTextsPut>;

/** The public page: counts per square of a fixed grid and category, never a point or a word. */
export const publicCounts = z.object({
  association: z.string(),
  municipality: z.string(),
  from: z.string(),
  to: z.string(),
  /** The grid's square in degrees; squares lie on multiples of it. */
  cell: z.object({ lat: z.number(), lng: z.number() }),
  categories: z.array(z.object({ code: z.string(), label: z.string(), icon: z.string(), count: z.number() })),
  cells: z.array(
    z.object({ south: z.number(), west: z.number(), north: z.number(), east: z.number(), total: z.number(), counts: z.record(z.string(), z.number()) }),
  ),
  tileUrl: z.string().nullable(),
  attribution: z.string(),
});
export type PublicCounts = z.infer<typeof publicCounts>;
