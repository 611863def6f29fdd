/** Cars: their statuses and Swedish registration numbers. */
export const vehicleStatuses = ['in_service', 'at_workshop', 'retired'] as const;
export type VehicleStatus = (typeof vehicleStatuses)[number];

/** Swedish plates: three letters, then two digits and a digit or letter (ABC 123, ABC 12A). */
const plate = /^([A-Z]{3}) ?([0-9]{2}[A-Z0-9])$/;

/** "abc123" → "ABC 123"; null when it is not a Swedish registration number. */
export function normalizeRegistration(input: string): string | null {
  const m = plate.exec(input.trim().toUpperCase());
  return m ? `${m[1]} ${m[2]}` : null;
}

/** Days from today (YYYY-MM-DD) to a due date; negative when overdue. */
export function daysUntil(dueOn: string, today: string): number {
  return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
