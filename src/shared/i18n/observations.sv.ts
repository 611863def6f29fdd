/** Swedish texts of observations: the privacy guard, conflicts and the edit window. */
export const svObservations = {
  'error.privacy_guard':
    'Texten innehåller uppgifter om personer som föreningen inte får spara. Ta bort dem, eller markera observationen som lämnad till polisen.',
  'error.privacy.personal_number': 'Ett personnummer',
  'error.privacy.plate': 'Ett registreringsnummer',
  'error.privacy.phone': 'Ett telefonnummer',
  'error.privacy.email': 'En e-postadress',
  'error.observation_conflict': 'En annan observation med samma id finns redan. Den sparades inte igen.',
  'error.edit_window_closed': 'Observationen kan bara ändras av sin författare under ett dygn. Be en samordnare.',
  'error.field.in_future': 'Tiden ligger i framtiden.',
  'error.field.too_old': 'Tiden ligger för långt bak i tiden.',
  'error.field.far_away': 'Platsen ligger långt utanför föreningens områden.',
  'audit.action.category.create': 'Kategori tillagd',
  'audit.action.category.update': 'Kategori ändrad',
  'audit.action.observation.create': 'Observation sparad',
  'audit.action.observation.update': 'Observation ändrad',
  'error.photo.not_an_image': 'Filen är ingen bild (JPEG, PNG eller WebP).',
  'audit.action.observation.photo': 'Foto tillagt',
} as const;
