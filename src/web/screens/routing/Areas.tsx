/**
 * The association's areas, and two ways for an admin to add them: draw the
 * corners on the map, or import a district file (GeoJSON as QGIS, GDAL or the
 * municipality's open data write it, in WGS 84 or a Swedish grid), naming the
 * areas by a property the admin chooses. The file is the way without a pointer.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, post, type FieldProblem } from '../../api.js';
import { Field, Select } from '../../components/Field.js';
import { Alert, Form, Notice, useSubmit } from '../../components/Form.js';
import { t } from '../../i18n.js';
import { remembered } from '../../offline/remembered.js';
import type { Area } from '../../../shared/api/associations.js';
import type { MapSettings } from '../../../shared/api/observations.js';
import type { createDrawMap } from '../../map/leaflet-map.js';

type DrawHandle = ReturnType<typeof createDrawMap>;

function DrawArea({ areas, onSaved }: { areas: Area[]; onSaved: (name: string) => void }) {
  const element = useRef<HTMLDivElement>(null);
  const handle = useRef<DrawHandle | null>(null);
  const [corners, setCorners] = useState(0);
  const [name, setName] = useState('');
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const [{ createDrawMap }, settings] = await Promise.all([
        import('../../map/leaflet-map.js'),
        remembered<MapSettings>('/api/map-settings').catch(() => ({ tileUrl: null, attribution: '' })),
      ]);
      if (cancelled || !element.current) return;
      handle.current = createDrawMap(element.current, settings, areas, setCorners, { zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut') });
    })();
    return () => {
      cancelled = true;
      handle.current?.destroy();
    };
  }, []);
  const form = useSubmit(async () => {
    const ring = handle.current?.ring();
    await post('/api/areas', { name, geometry: { type: 'Polygon', coordinates: ring ? [ring] : [] } });
    handle.current?.clear();
    setName('');
    onSaved(name);
  });
  return (
    <Form form={form} submitLabel={t('areas.save')} label={t('areas.draw')}>
      <p class="hint" id="draw-help">
        {t('areas.drawHelp')}
      </p>
      <div ref={element} class="map draw-map" role="region" aria-label={t('areas.drawMap')} aria-describedby="draw-help" />
      <p aria-live="polite">{t('areas.corners', { n: corners })}</p>
      <div class="actions">
        <button type="button" disabled={corners === 0} onClick={() => handle.current?.undo()}>
          {t('areas.undo')}
        </button>
      </div>
      <Field name="name" id="area-name" label={t('areas.name')} value={name} onValue={setName} required problems={form.problems} />
    </Form>
  );
}

/** The property keys of a file's features, the likely name first: what the admin chooses the name from. */
function propertyKeys(collection: unknown): string[] {
  const features = (collection as { features?: { properties?: Record<string, unknown> | null }[] } | null)?.features ?? [];
  const keys = [...new Set(features.flatMap((f) => Object.keys(f.properties ?? {})))];
  const likely = ['name', 'namn', 'omrade', 'område', 'distrikt', 'district'];
  const rank = (k: string) => {
    const i = likely.indexOf(k.toLowerCase());
    return i === -1 ? likely.length : i;
  };
  return keys.sort((a, b) => rank(a) - rank(b));
}

/** "Objekt 2: …" for a fault in a feature, the message alone for the file. */
function faultText(p: FieldProblem): string {
  const n = /^features\.(\d+)/.exec(p.field);
  return n ? `${t('areas.feature', { n: String(Number(n[1]) + 1) })}: ${p.message}` : p.message;
}

function ImportAreas({ onSaved }: { onSaved: (name: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [faults, setFaults] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<{ collection: unknown; count: number; keys: string[] } | null>(null);
  const [nameProperty, setNameProperty] = useState('');
  const choose = async (picked: File) => {
    setError(null);
    setFaults([]);
    setFile(null);
    try {
      const collection = JSON.parse(await picked.text()) as { features?: unknown[] };
      const keys = propertyKeys(collection);
      setFile({ collection, count: collection.features?.length ?? 0, keys });
      setNameProperty(keys[0] ?? '');
    } catch {
      setError(t('areas.notGeoJson'));
    }
  };
  const send = async () => {
    if (!file) return;
    setError(null);
    setFaults([]);
    setBusy(true);
    try {
      const query = nameProperty ? `?nameProperty=${encodeURIComponent(nameProperty)}` : '';
      const added = await post<Area[]>(`/api/areas/import${query}`, file.collection);
      setFile(null);
      onSaved(added.map((a) => a.name).join(', '));
    } catch (e) {
      if (e instanceof ApiError && e.fields.length) {
        setError(t('areas.importFailed'));
        setFaults(e.fields);
      } else setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="field">
      <Alert message={error} />
      {faults.length > 0 && (
        <ul class="faults">
          {faults.map((f) => (
            <li key={f.field}>{faultText(f)}</li>
          ))}
        </ul>
      )}
      <label for="area-file">{t('areas.importFile')}</label>
      <p class="hint" id="area-file-hint">
        {t('areas.importHint')}
      </p>
      <input
        id="area-file"
        type="file"
        accept=".geojson,.json,application/geo+json,application/json"
        aria-describedby="area-file-hint"
        disabled={busy}
        onChange={(e) => {
          const picked = (e.target as HTMLInputElement).files?.[0];
          if (picked) void choose(picked);
        }}
      />
      {file && (
        <>
          <p aria-live="polite">{t('areas.importCount', { n: String(file.count) })}</p>
          {file.keys.length > 0 && (
            <Select
              name="nameProperty"
              label={t('areas.nameProperty')}
              value={nameProperty}
              onValue={setNameProperty}
              options={file.keys.map((k) => ({ value: k, label: k }))}
            />
          )}
          <div class="actions">
            <button type="button" class="primary" disabled={busy} onClick={() => void send()}>
              {t('areas.importNow')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}

export function Areas({ areas, manage, onChange }: { areas: Area[]; manage: boolean; onChange: () => void }) {
  const [saved, setSaved] = useState<string | null>(null);
  const done = (name: string) => {
    setSaved(name);
    onChange();
  };
  return (
    <>
      {saved && <Notice>{t('areas.saved', { name: saved })}</Notice>}
      {areas.length === 0 ? <p>{t('areas.none')}</p> : <p>{areas.map((a) => a.name).join(' · ')}</p>}
      {manage && (
        <>
          <details class="add">
            <summary>{t('areas.draw')}</summary>
            <DrawArea areas={areas} onSaved={done} />
          </details>
          <details class="add">
            <summary>{t('areas.import')}</summary>
            <ImportAreas onSaved={done} />
          </details>
        </>
      )}
    </>
  );
}
