/**
 * Capture in three taps: a category tile → (optionally) a photo or a few words →
 * save. Time and position are taken by themselves; without a fix, or with a
 * poor one, the crew searches an address or places the pin, and can set the
 * time back. Before saving the screen says who it will go to. Saving writes to
 * the phone first, so nothing is lost without coverage; the app sends it when
 * it can, tied to the crew's running shift.
 */
import { useEffect, useReducer, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Shell } from '../../components/Shell.js';
import { Alert, Notice } from '../../components/Form.js';
import { Checkbox, Field } from '../../components/Field.js';
import { language, t } from '../../i18n.js';
import { saveObservation } from '../../offline/sync.js';
import { get } from '../../api.js';
import { uuidv7 } from '../../../shared/domain/ids.js';
import { findSensitive } from '../../../shared/domain/privacy.js';
import { urgencies } from '../../../shared/domain/categories.js';
import type { Category } from '../../../shared/api/observations.js';
import { currentPosition, downscale } from './device.js';
import { draftReducer, emptyDraft, observationOf, poorFix } from './capture-draft.js';
import { useCategories } from './categories.js';
import { BlurTool } from './Blur.js';
import { PinMap } from './PinMap.js';
import { CategoryTiles } from './CategoryTiles.js';
import { PlaceChooser, rememberFix } from './PlaceChooser.js';
import { WhereItGoes } from './WhereItGoes.js';
import { WhenSeen } from './WhenSeen.js';

/** "Ett personnummer" reads "ett personnummer" inside a sentence. */
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const label = (c: Category) => (language.value === 'en' ? c.labelEn : c.labelSv);

/** How long to wait for a first fix before offering the other ways: in a car a person will not wait 20 s. */
const FIX_WAIT_MS = 8000;

export function Capture() {
  const { query } = useLocation();
  const shiftId = query.shift ?? null;
  const categories = useCategories();
  const [draft, send] = useReducer(draftReducer, undefined, () => emptyDraft(new Date().toISOString()));
  const { category, urgency, text, photo, original, position, error } = draft;
  const lead = useRef<HTMLParagraphElement>(null);

  const locate = () => {
    send({ type: 'locating' });
    currentPosition(FIX_WAIT_MS)
      .then((fix) => {
        rememberFix(fix.lat, fix.lng);
        send({ type: 'located', fix });
        // A street address when online; offline the server names the place by the association's areas.
        get<{ address: string | null }>(`/api/geocode/reverse?lat=${fix.lat}&lng=${fix.lng}`)
          .then(({ address }) => send({ type: 'addressFound', fix, address }))
          .catch(() => undefined);
      })
      .catch((e: Error) => send({ type: 'noFix', reason: e.message }));
  };
  useEffect(locate, []);

  const findings = findSensitive(text);
  const start = (c: Category) => {
    send({ type: 'started', category: c, at: new Date().toISOString() });
    locate();
    // Focus goes to what was chosen, the start of the form, not back to the page body.
    requestAnimationFrame(() => lead.current?.focus());
  };
  const place = (lat: number, lng: number, label: string | null) => send({ type: 'placed', lat, lng, label });
  const poor = poorFix(draft);
  const save = async (e: Event) => {
    e.preventDefault();
    const made = observationOf(draft, shiftId);
    if ('error' in made) {
      send({ type: 'refused', error: made.error });
      return;
    }
    await saveObservation({ id: uuidv7(), body: made.body, photo });
    send({ type: 'saved' });
  };

  return (
    <Shell title={t('observe.title')}>
      {draft.saved > 0 && <Notice key={draft.saved}>{t('observe.saved')}</Notice>}
      <p class="position" aria-live="polite">
        {position.state === 'finding' && t('observe.finding')}
        {position.state === 'found' && (position.fix.accuracyM === 0 ? t('observe.placedByHand') : t('observe.position', { m: position.fix.accuracyM }))}
        {position.state === 'found' && position.address && ` ${t('observe.near', { address: position.address })}`}
        {poor && ` ${t('observe.poorFix')}`}
        {position.state === 'none' && t(category ? 'observe.noFix' : 'observe.noFixYet')}
      </p>
      {!category && categories && <CategoryTiles categories={categories} onPick={start} />}
      {!category && !categories && <p>{t('app.loading')}</p>}
      {category && (
        <form onSubmit={(e) => void save(e)} noValidate aria-label={t('observe.title')}>
          <p class="lead" tabIndex={-1} ref={lead}>
            <span aria-hidden="true">{category.icon}</span> {label(category)}
          </p>
          <Alert message={error && t(error)} />
          {/* Without a position the place comes first: nothing can be saved without it. */}
          {(position.state !== 'found' || poor) && <PlaceChooser onPlace={place} onRetry={locate} />}
          <fieldset>
            <legend>{t('observe.urgency')}</legend>
            {urgencies.map((u) => (
              <div class="radio" key={u}>
                <input
                  type="radio"
                  id={`urgency-${u}`}
                  name="urgency"
                  value={u}
                  checked={urgency === u}
                  onChange={() => send({ type: 'set', field: 'urgency', value: u })}
                />
                <label for={`urgency-${u}`}>{t(`observe.urgency.${u}`)}</label>
              </div>
            ))}
          </fieldset>
          {urgency === 'emergency_112' && (
            <div class="emergency">
              <p>{t('observe.call112Help')}</p>
              <a class="button danger" href="tel:112" onClick={() => send({ type: 'set', field: 'callMadeAt', value: new Date().toISOString() })}>
                {t('observe.call112')}
              </a>
              {draft.callMadeAt && (
                <p>
                  {t('observe.called', {
                    time: new Date(draft.callMadeAt).toLocaleTimeString(language.value === 'en' ? 'en-GB' : 'sv-SE', { hour: '2-digit', minute: '2-digit' }),
                  })}
                </p>
              )}
              {draft.callMadeAt && (
                <Field
                  name="callReference"
                  label={t('observe.callReference')}
                  value={draft.callReference}
                  onValue={(value) => send({ type: 'set', field: 'callReference', value })}
                />
              )}
            </div>
          )}
          {urgency === 'police_tip' && <p>{t('observe.policeTipHelp')}</p>}
          {position.state === 'found' && !poor && (
            <div class="field">
              <button type="button" class="secondary" aria-expanded={draft.moving} onClick={() => send({ type: 'set', field: 'moving', value: !draft.moving })}>
                {t(draft.moving ? 'observe.pinDone' : 'observe.movePin')}
              </button>
              {draft.moving && (
                <PinMap
                  lat={position.fix.lat}
                  lng={position.fix.lng}
                  // Placed by hand: the phone's accuracy no longer says anything, and the address is looked up anew.
                  onMove={(lat, lng) => place(lat, lng, null)}
                />
              )}
            </div>
          )}
          <WhenSeen minutesAgo={draft.minutesAgo} onMinutesAgo={(minutes) => send({ type: 'set', field: 'minutesAgo', value: minutes })} />
          <div class="field">
            <label for="field-text">{t('observe.text')}</label>
            <p class="hint" id="field-text-hint">
              {t('observe.textHint')}
            </p>
            <textarea
              id="field-text"
              name="text"
              rows={3}
              maxLength={1000}
              value={text}
              aria-describedby={findings.length ? 'field-text-hint field-text-error' : 'field-text-hint'}
              onInput={(e) => send({ type: 'text', text: (e.target as HTMLTextAreaElement).value })}
            />
            {findings.length > 0 && (
              <div class="field-error" id="field-text-error">
                <p>{t('observe.privacyFound', { what: [...new Set(findings.map((f) => lowerFirst(t(`error.privacy.${f.kind}`))))].join(', ') })}</p>
              </div>
            )}
          </div>
          {findings.length > 0 && (
            <>
              <Checkbox
                name="handedToPolice"
                label={t('observe.handedToPolice')}
                checked={draft.handedToPolice}
                onChecked={(handed) => send({ type: 'set', field: 'handedToPolice', value: handed })}
              />
              {draft.handedToPolice && (
                <Field
                  name="policeReference"
                  label={t('observe.policeReference')}
                  value={draft.policeReference}
                  onValue={(value) => send({ type: 'set', field: 'policeReference', value })}
                />
              )}
            </>
          )}
          <div class="field">
            <label for="field-photo">{t('observe.photo')}</label>
            <input
              id="field-photo"
              name="photo"
              type="file"
              accept="image/*"
              capture="environment"
              onChange={(e) => {
                const file = (e.target as HTMLInputElement).files?.[0];
                if (file)
                  void downscale(file).then(
                    (small) => send({ type: 'photoTaken', photo: small }),
                    () => send({ type: 'refused', error: 'error.photo.not_an_image' }),
                  );
              }}
            />
            {photo && <p>{t('observe.photoReady')}</p>}
            {original && <BlurTool photo={original} onChange={(blurred) => send({ type: 'set', field: 'photo', value: blurred })} />}
          </div>
          {position.state === 'found' && (
            <WhereItGoes
              categoryId={category.id}
              urgency={urgency}
              lat={position.fix.lat}
              lng={position.fix.lng}
              onNearby={(nearby) => send({ type: 'set', field: 'nearby', value: nearby })}
            />
          )}
          <div class="button-row">
            <button type="submit" class="primary">
              {t(draft.nearby ? 'observe.addMine' : 'observe.save')}
            </button>
            <button type="button" class="secondary" onClick={() => send({ type: 'cancelled' })}>
              {t('app.cancel')}
            </button>
          </div>
        </form>
      )}
    </Shell>
  );
}
