/** The text sections of the IOP report that the board writes, in the report's order (no zod here: the web app imports it). */
export const iopSectionKeys = ['summary', 'activities', 'cooperation', 'ahead'] as const;
export type IopSectionKey = (typeof iopSectionKeys)[number];
