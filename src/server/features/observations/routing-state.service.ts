/**
 * The observation as its own routing queue (routed_at is null until its items exist): what the
 * reports feature's routing reads and claims. The observations feature is the one writer of
 * observation rows, so the claim and the "route again" live here and reports calls them.
 */
export { unroutedObservations, claimRouting, rerouteUnsent, findObservationForRouting } from './routing-state.repository.js';
