/** The formats every export comes in. */
export const exportFormats = ['csv', 'xlsx', 'geojson'] as const;
export type ExportFormat = (typeof exportFormats)[number];
