/** Download a period as CSV, XLSX or GeoJSON: plain links, so the browser saves the file as it would any other. */
import { useState } from 'preact/hooks';
import { Field } from './Field.js';
import { t } from '../i18n.js';
import { exportFormats } from '../../shared/domain/exports.js';
import { addDays, localToday } from '../../shared/domain/time.js';

export function ExportLinks({ what }: { what: 'observations' | 'action-items' }) {
  const today = localToday();
  const [from, setFrom] = useState(addDays(today, -30));
  const [to, setTo] = useState(today);
  return (
    <details class="add">
      <summary>{t('export.title')}</summary>
      <div class="pair">
        <Field name="exportFrom" id={`${what}-export-from`} type="date" label={t('export.from')} value={from} onValue={setFrom} />
        <Field name="exportTo" id={`${what}-export-to`} type="date" label={t('export.to')} value={to} onValue={setTo} />
      </div>
      <p class="actions">
        {exportFormats.map((format) => (
          <a key={format} class="button" href={`/api/exports/${what}?from=${from}&to=${to}&format=${format}`} download>
            {t('export.download')} {format.toUpperCase()}
          </a>
        ))}
      </p>
    </details>
  );
}
