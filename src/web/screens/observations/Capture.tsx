/**
 * Capture in three taps: a category tile → (optionally) a photo or a few words →
 * save. Time and position are taken by themselves; without a fix, or with a
 * poor one, the crew searches an address or places the pin, and can set the
 * time back. Before saving the screen says who it will go to. Saving writes to
 * the phone first, so nothing is lost without coverage; the app sends it when
 * it can, tied to the crew's running shift.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Shell } from '../../components/Shell.js';
import { Alert, Notice } from '../../components/Form.js';
import { Checkbox, Field } from '../../components/Field.js';
import { language, t } from '../../i18n.js';
import { saveObservation } from '../../offline/sync.js';
import { get } from '../../api.js';
import { uuidv7 } from '../../../shared/domain/ids.js';
import { findSensitive } from '../../../shared/domain/privacy.js';
import { urgencies, type Urgency } from '../../../shared/domain/categories.js';
import type { Category } from '../../../shared/api/observations.js';
import { currentPosition, downscale, type Fix } from './device.js';
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

type Position = { state: 'finding' } | { state: 'found'; fix: Fix; address: string | null } | { state: 'none'; reason: string };

/** A fix worse than this is not trusted by itself: the crew is offered the map and the address search. */
const POOR_FIX_M = 100;
/** How long to wait for a first fix before offering the other ways: in a car a person will not wait 20 s. */
const FIX_WAIT_MS = 8000;
const byHand = (p: Position) => p.state === 'found' && p.fix.accuracyM === 0;

export function Capture() {
  const { query } = useLocation();
  const shiftId = query.shift ?? null;
  const categories = useCategories();
  const [category, setCategory] = useState<Category | null>(null);
  const [urgency, setUrgency] = useState<Urgency>('needs_action');
  const [text, setText] = useState('');
  const [photo, setPhoto] = useState<Blob | null>(null);
  /** The downscaled photo before any blurring; the blur tool always starts from it. */
  const [original, setOriginal] = useState<Blob | null>(null);
  const [handed, setHanded] = useState(false);
  const [policeRef, setPoliceRef] = useState('');
  const [callMadeAt, setCallMadeAt] = useState<string | null>(null);
  const [callReference, setCallReference] = useState('');
  const [position, setPosition] = useState<Position>({ state: 'finding' });
  const [observedAt, setObservedAt] = useState(new Date().toISOString());
  const [minutesAgo, setMinutesAgo] = useState(0);
  const [nearby, setNearby] = useState(false);
  /** Counts saves, so the "saved" message is announced and focused again after each one. */
  const [saved, setSaved] = useState(0);
  const lead = useRef<HTMLParagraphElement>(null);
  const [moving, setMoving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const locate = () => {
    setPosition({ state: 'finding' });
    currentPosition(FIX_WAIT_MS)
      .then((fix) => {
        rememberFix(fix.lat, fix.lng);
        // A place the crew chose by hand while the phone was still looking wins over a late fix.
        setPosition((p) => (byHand(p) ? p : { state: 'found', fix, address: null }));
        // A street address when online; offline the server names the place by the association's areas.
        get<{ address: string | null }>(`/api/geocode/reverse?lat=${fix.lat}&lng=${fix.lng}`)
          .then(({ address }) => setPosition((p) => (p.state === 'found' && p.fix === fix ? { ...p, address } : p)))
          .catch(() => undefined);
      })
      .catch((e: Error) => setPosition((p) => (byHand(p) ? p : { state: 'none', reason: e.message })));
  };
  useEffect(locate, []);

  const findings = findSensitive(text);
  const start = (c: Category) => {
    setCategory(c);
    setObservedAt(new Date().toISOString());
    setMinutesAgo(0);
    setSaved(0);
    setError(null);
    locate();
    // Focus goes to what was chosen, the start of the form, not back to the page body.
    requestAnimationFrame(() => lead.current?.focus());
  };
  const place = (lat: number, lng: number, label: string | null) => {
    setPosition({ state: 'found', fix: { lat, lng, accuracyM: 0 }, address: label });
    // "Choose the place first" no longer applies.
    setError(null);
  };
  const poor = position.state === 'found' && position.fix.accuracyM > POOR_FIX_M;
  const reset = () => {
    setCategory(null);
    setUrgency('needs_action');
    setText('');
    setPhoto(null);
    setOriginal(null);
    setHanded(false);
    setPoliceRef('');
    setCallMadeAt(null);
    setCallReference('');
    setMoving(false);
    setNearby(false);
  };
  const save = async (e: Event) => {
    e.preventDefault();
    if (position.state !== 'found') {
      setError(t('observe.placeFirst'));
      return;
    }
    if (findings.length > 0 && !handed) {
      setError(t('error.privacy_guard'));
      return;
    }
    setError(null);
    await saveObservation({
      id: uuidv7(),
      body: {
        categoryId: category!.id,
        urgency,
        text: text.trim() || null,
        lat: position.fix.lat,
        lng: position.fix.lng,
        accuracyM: position.fix.accuracyM,
        observedAt: new Date(new Date(observedAt).getTime() - minutesAgo * 60_000).toISOString(),
        shiftId,
        handedToPolice: handed,
        policeReference: handed ? policeRef.trim() || null : null,
        callMadeAt,
        callReference: callMadeAt ? callReference.trim() || null : null,
        address: position.address,
        // Routing waits a while for the photo, so it reaches the recipient with the observation.
        photosToFollow: photo ? 1 : 0,
      },
      photo,
    });
    reset();
    setSaved((n) => n + 1);
  };

  return (
    <Shell title={t('observe.title')}>
      {saved > 0 && <Notice key={saved}>{t('observe.saved')}</Notice>}
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
          <Alert message={error} />
          {/* Without a position the place comes first: nothing can be saved without it. */}
          {(position.state !== 'found' || poor) && <PlaceChooser onPlace={place} onRetry={locate} />}
          <fieldset>
            <legend>{t('observe.urgency')}</legend>
            {urgencies.map((u) => (
              <div class="radio" key={u}>
                <input type="radio" id={`urgency-${u}`} name="urgency" value={u} checked={urgency === u} onChange={() => setUrgency(u)} />
                <label for={`urgency-${u}`}>{t(`observe.urgency.${u}`)}</label>
              </div>
            ))}
          </fieldset>
          {urgency === 'emergency_112' && (
            <div class="emergency">
              <p>{t('observe.call112Help')}</p>
              <a class="button danger" href="tel:112" onClick={() => setCallMadeAt(new Date().toISOString())}>
                {t('observe.call112')}
              </a>
              {callMadeAt && (
                <p>
                  {t('observe.called', {
                    time: new Date(callMadeAt).toLocaleTimeString(language.value === 'en' ? 'en-GB' : 'sv-SE', { hour: '2-digit', minute: '2-digit' }),
                  })}
                </p>
              )}
              {callMadeAt && <Field name="callReference" label={t('observe.callReference')} value={callReference} onValue={setCallReference} />}
            </div>
          )}
          {urgency === 'police_tip' && <p>{t('observe.policeTipHelp')}</p>}
          {position.state === 'found' && !poor && (
            <div class="field">
              <button type="button" class="secondary" aria-expanded={moving} onClick={() => setMoving(!moving)}>
                {t(moving ? 'observe.pinDone' : 'observe.movePin')}
              </button>
              {moving && (
                <PinMap
                  lat={position.fix.lat}
                  lng={position.fix.lng}
                  // Placed by hand: the phone's accuracy no longer says anything, and the address is looked up anew.
                  onMove={(lat, lng) => place(lat, lng, null)}
                />
              )}
            </div>
          )}
          <WhenSeen minutesAgo={minutesAgo} onMinutesAgo={setMinutesAgo} />
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
              onInput={(e) => {
                setText((e.target as HTMLTextAreaElement).value);
                // The refusal shown at the last save no longer applies to what is being typed now.
                setError(null);
              }}
            />
            {findings.length > 0 && (
              <div class="field-error" id="field-text-error">
                <p>{t('observe.privacyFound', { what: [...new Set(findings.map((f) => lowerFirst(t(`error.privacy.${f.kind}`))))].join(', ') })}</p>
              </div>
            )}
          </div>
          {findings.length > 0 && (
            <>
              <Checkbox name="handedToPolice" label={t('observe.handedToPolice')} checked={handed} onChecked={setHanded} />
              {handed && <Field name="policeReference" label={t('observe.policeReference')} value={policeRef} onValue={setPoliceRef} />}
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
                    (small) => {
                      setOriginal(small);
                      setPhoto(small);
                    },
                    () => setError(t('error.photo.not_an_image')),
                  );
              }}
            />
            {photo && <p>{t('observe.photoReady')}</p>}
            {original && <BlurTool photo={original} onChange={setPhoto} />}
          </div>
          {position.state === 'found' && (
            <WhereItGoes categoryId={category.id} urgency={urgency} lat={position.fix.lat} lng={position.fix.lng} onNearby={setNearby} />
          )}
          <div class="button-row">
            <button type="submit" class="primary">
              {t(nearby ? 'observe.addMine' : 'observe.save')}
            </button>
            <button type="button" class="secondary" onClick={reset}>
              {t('app.cancel')}
            </button>
          </div>
        </form>
      )}
    </Shell>
  );
}
