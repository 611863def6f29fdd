/** The default observation taxonomy of DOMAIN.md: code, Swedish and English label, an icon, and for graffiti the municipality's 48 hours to a re-check. Each association may rename, disable, reorder and add subcategories. */
export interface DefaultCategory {
  code: string;
  sv: string;
  en: string;
  icon: string;
  /** Hours after the recipient resolves an item of this category until a patrol looks again. */
  recheckHours?: number;
}

export const defaultCategories: readonly DefaultCategory[] = [
  { code: 'burglary-suspect', sv: 'Inbrott, försök eller misstänkt rekognosering', en: 'Burglary, attempt or suspected scouting', icon: '🏠' },
  { code: 'drugs-suspect', sv: 'Misstänkt narkotikahantering', en: 'Suspected drug dealing', icon: '💊' },
  { code: 'vehicle-stolen-found', sv: 'Stulet fordon anträffat', en: 'Stolen vehicle found', icon: '🚗' },
  { code: 'vehicle-abandoned', sv: 'Övergivet fordon eller skrotbil', en: 'Abandoned or scrapped vehicle', icon: '🚙' },
  { code: 'vandalism', sv: 'Skadegörelse', en: 'Vandalism', icon: '🔨' },
  { code: 'graffiti', sv: 'Klotter', en: 'Graffiti', icon: '🎨', recheckHours: 48 },
  { code: 'dumping', sv: 'Sopdumpning eller nedskräpning', en: 'Illegal dumping or littering', icon: '🗑️' },
  { code: 'unsafe-place', sv: 'Otrygg plats: belysning, buskage, skymd sikt', en: 'Unsafe place: lighting, overgrowth, blind spot', icon: '💡' },
  { code: 'disorder', sv: 'Ordningsstörning eller folksamling', en: 'Disorder or gathering causing unease', icon: '📢' },
  { code: 'traffic-hazard', sv: 'Trafikfarlig plats, hastighet, buskörning', en: 'Traffic hazard, speeding, reckless driving', icon: '⚠️' },
  { code: 'road-damage', sv: 'Skada på väg, skylt eller signal', en: 'Damage to road, sign or signal', icon: '🚧' },
  { code: 'wildlife', sv: 'Viltolycka eller skadat djur', en: 'Wildlife collision or injured animal', icon: '🦌' },
  { code: 'fire-risk', sv: 'Brandrisk (brännbart vid fasad, containrar)', en: 'Fire risk (combustibles against a wall, containers)', icon: '🔥' },
  { code: 'accident-risk', sv: 'Olycksrisk (öppet schakt, trasig lekutrustning)', en: 'Accident risk (open trench, broken play equipment)', icon: '🕳️' },
  { code: 'environment-risk', sv: 'Miljörisk (utsläpp, kemikalier)', en: 'Environmental risk (spill, chemicals)', icon: '🛢️' },
  { code: 'open-property', sv: 'Öppen dörr, fönster, kvarglömd stege', en: 'Open door or window, ladder left out', icon: '🚪' },
  { code: 'watch-sign', sv: 'Grannsamverkansskylt skadad', en: 'Neighbourhood-watch sign damaged', icon: '🪧' },
  { code: 'nothing-to-report', sv: 'Inget att anmärka', en: 'Nothing to report', icon: '✅' },
];

/** How urgent an observation is. Acute danger is never a report: the app says to call 112 and records the call. */
export const urgencies = ['emergency_112', 'police_tip', 'needs_action', 'note'] as const;
export type Urgency = (typeof urgencies)[number];

/**
 * Where an observation stands, until action items (issue 5) track what each recipient did:
 * open (needs action), handed to the police (only time and reference kept), or no action (a note).
 */
export const observationStatuses = ['open', 'handed_to_police', 'no_action'] as const;
export type ObservationStatus = (typeof observationStatuses)[number];
