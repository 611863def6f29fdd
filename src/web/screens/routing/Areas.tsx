/**
 * The association's areas, and two ways for an admin to add them: draw the
 * corners on the map, or import a GeoJSON file of polygons named by
 * properties.name (the municipality's district map, say). The file is the way
 * without a pointer.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { post } from '../../api.js';
import { Field } from '../../components/Field.js';
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

function ImportAreas({ onSaved }: { onSaved: (name: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const read = async (file: File) => {
    setError(null);
    setBusy(true);
    try {
      let collection: unknown;
      try {
        collection = JSON.parse(await file.text());
      } catch {
        throw new Error(t('areas.notGeoJson'));
      }
      const added = await post<Area[]>('/api/areas/import', collection);
      onSaved(added.map((a) => a.name).join(', '));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="field">
      <Alert message={error} />
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
          const file = (e.target as HTMLInputElement).files?.[0];
          if (file) void read(file);
        }}
      />
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
