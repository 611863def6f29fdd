/**
 * The IOP report: the board writes its texts for a period here, and anyone
 * who may read the report downloads it as a PDF, or its figures as CSV or
 * XLSX. The figures themselves are the dashboard's; nothing is typed twice.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { Field } from '../../components/Field.js';
import { Alert, Form, Notice, useSubmit } from '../../components/Form.js';
import { Shell } from '../../components/Shell.js';
import { useLoad } from '../../components/useLoad.js';
import { t } from '../../i18n.js';
import { can } from '../../session.js';
import type { IopTexts } from '../../../shared/api/insights.js';
import { iopSectionKeys } from '../../../shared/domain/iop.js';
import { PeriodAndArea, periodOf, type Period } from './PeriodPicker.js';

export function IopReport() {
  const [period, setPeriod] = useState<Period>(periodOf('lastQuarter'));
  const [areaId, setAreaId] = useState('');
  const { data, error } = useLoad<IopTexts>(`/api/iop-report?from=${period.from}&to=${period.to}`);
  const [sections, setSections] = useState<IopTexts['sections'] | null>(null);
  const [saved, setSaved] = useState(false);
  // The texts of another period replace what is on screen once they have loaded.
  useEffect(() => {
    setSections(data?.sections ?? null);
    setSaved(false);
  }, [data]);
  const writer = can('iop.write');
  const form = useSubmit(async () => {
    const next = await api<IopTexts>('PUT', '/api/iop-report', { from: period.from, to: period.to, sections });
    setSections(next.sections);
    setSaved(true);
  });
  const query = `from=${period.from}&to=${period.to}${areaId ? `&areaId=${areaId}` : ''}`;
  return (
    <Shell title={t('iop.screen.title')}>
      <p>{t('iop.screen.intro')}</p>
      <PeriodAndArea period={period} onPeriod={setPeriod} areaId={areaId} onArea={setAreaId} initial="lastQuarter" />
      <h2>{t('iop.screen.download')}</h2>
      <p class="actions">
        <a class="button primary" href={`/api/iop-report/report.pdf?${query}`} download>
          {t('iop.screen.pdf')}
        </a>
        <a class="button" href={`/api/iop-report/figures?${query}&format=csv`} download>
          {t('iop.screen.csv')}
        </a>
        <a class="button" href={`/api/iop-report/figures?${query}&format=xlsx`} download>
          {t('iop.screen.xlsx')}
        </a>
      </p>
      <Alert message={error} />
      {sections && writer && (
        <Form form={form} submitLabel={t('iop.screen.save')}>
          {iopSectionKeys.map((k) => (
            <Field
              key={k}
              name={`sections.${k}`}
              label={t(`iop.section.${k}`)}
              rows={6}
              value={sections[k]}
              onValue={(v) => {
                setSaved(false);
                setSections({ ...sections, [k]: v });
              }}
              problems={form.problems}
            />
          ))}
          {saved && <Notice>{t('iop.screen.saved')}</Notice>}
        </Form>
      )}
      {sections && !writer && (
        <>
          <p>{t('iop.screen.readOnly')}</p>
          {iopSectionKeys.map((k) => (
            <section key={k} aria-labelledby={`iop-${k}`}>
              <h2 id={`iop-${k}`}>{t(`iop.section.${k}`)}</h2>
              <p class="prewrap">{sections[k] || t('iop.noText')}</p>
            </section>
          ))}
        </>
      )}
    </Shell>
  );
}
