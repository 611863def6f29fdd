import { addMember } from './app.js';
let plate = 100;
/** A car with a fresh registration number. */
export async function addCar(t, cookie, name = 'Bil') {
  plate += 1;
  const letters = String.fromCharCode(65 + (plate % 26), 65 + (Math.floor(plate / 26) % 26), 65 + (process.pid % 26));
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/vehicles',
    headers: { cookie },
    payload: { name: `${name} ${plate}`, registration: `${letters} ${String(plate % 1000).padStart(3, '0')}`, odometerKm: 50_000 },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id;
}
/** A member who may drive (role and a checked licence) and lead, as asked. */
export async function addCrewMember(t, associationId, duties = {}) {
  const roles = ['volunteer'];
  if (duties.driver) roles.push('driver');
  if (duties.leader) roles.push('shift_leader');
  return addMember(t, associationId, roles, duties.driver ? { qualifications: [{ kind: 'driving_licence_checked', achievedOn: '2020-01-01' }] } : {});
}
/** A one-off shift on a local date and time span. */
export async function addShift(t, cookie, vehicleId, date, from = '09:00', to = '13:00', extra = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/shifts',
    headers: { cookie },
    payload: { vehicleId, startDate: date, startTime: from, endDate: date, endTime: to, ...extra },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json();
}
/** A date n days from today, YYYY-MM-DD. */
export function daysFromNow(n) {
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}
export const call = (t, cookie, method, url, payload) =>
  t.app.inject({ method, url, headers: { cookie, 'accept-language': 'en' }, ...(payload && { payload }) });
//# sourceMappingURL=shifts.js.map
