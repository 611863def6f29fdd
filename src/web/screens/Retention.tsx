/**
 * Retention (admins): how long each kind of data is kept, in months within the
 * bounds the product sets, and, beside each, what the next nightly run will
 * remove and from before which date. The installation's own periods are shown
 * as set by the operator.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { Shell } from '../components/Shell.js';
import { Alert, Form, Notice, useSubmit } from '../components/Form.js';
import { Field } from '../components/Field.js';
import { useLoad } from '../components/useLoad.js';
import { formatDateTime, t } from '../i18n.js';
import type { RetentionSettings } from '../../shared/api/retention.js';
import type { MessageKey } from '../../shared/i18n/translate.js';

export function Retention() {
  const settings = useLoad<RetentionSettings>('/api/retention');
  const [months, setMonths] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  // The form is filled once the saved periods are here, so nothing typed earlier is overwritten.
  useEffect(() => {
    if (settings.data) setMonths(Object.fromEntries(settings.data.kinds.map((k) => [k.kind, String(k.months)])));
  }, [settings.data]);
  const form = useSubmit(async () => {
    setSaved(false);
    await api('PUT', '/api/retention', { months: Object.fromEntries(Object.entries(months).map(([k, v]) => [k, Number(v)])) });
    settings.reload();
    setSaved(true);
  });
  const data = settings.data;
  return (
    <Shell title={t('retention.title')}>
      <p>{t('retention.intro')}</p>
      <Alert message={settings.error} />
      {data && (
        <>
          <p>
            {t('retention.nextRun', { when: formatDateTime(data.nextRunAt) })}
            {data.lastRun?.finishedAt && ` ${t('retention.lastRun', { when: formatDateTime(data.lastRun.finishedAt) })}`}
          </p>
          {saved && <Notice>{t('retention.saved')}</Notice>}
          <Form form={form} submitLabel={t('retention.save')} label={t('retention.title')}>
            {data.kinds.map((k) => (
              <div class="card" key={k.kind}>
                <Field
                  name={`months.${k.kind}`}
                  id={`retention-${k.kind}`}
                  label={t(`retention.kind.${k.kind}` as MessageKey)}
                  hint={`${t(`retention.what.${k.kind}` as MessageKey)} ${t('retention.bounds', { min: k.minMonths, max: k.maxMonths, default: k.defaultMonths })}`}
                  type="number"
                  inputMode="numeric"
                  value={months[k.kind] ?? ''}
                  onValue={(v) => setMonths({ ...months, [k.kind]: v })}
                  problems={form.problems}
                />
                <p class="retention-due">
                  {k.due > 0 ? t('retention.due', { n: k.due, date: formatDateTime(k.cutoff) }) : t('retention.dueNone', { date: formatDateTime(k.cutoff) })}
                </p>
              </div>
            ))}
          </Form>
          <h2>{t('retention.installationHeading')}</h2>
          <ul>
            <li>{t('retention.installation.sessions', { days: data.installation.endedSessionDays })}</li>
            <li>{t('retention.installation.police', { days: data.installation.policeEventDays })}</li>
            <li>{t('retention.installation.notices', { days: data.installation.noticeDays })}</li>
          </ul>
        </>
      )}
    </Shell>
  );
}
