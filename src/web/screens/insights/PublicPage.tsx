/**
 * An association's public page, for anyone without signing in: a map of
 * counts per square kilometre and the same counts by category as a table.
 * The server gives squares of a fixed grid only, never a point or a word.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { get } from '../../api.js';
import { Alert } from '../../components/Form.js';
import { t } from '../../i18n.js';
import { formatDate } from '../../shift-format.js';
import type { PublicCounts } from '../../../shared/api/insights.js';

export function PublicPage({ id }: { id: string }) {
  const [data, setData] = useState<PublicCounts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    get<PublicCounts>(`/api/public/${id}`)
      .then(setData)
      .catch(() => setError(t('public.none')));
  }, [id]);
  useEffect(() => {
    if (data) document.title = t('public.title', { association: data.association });
    if (!data || !element.current) return;
    let destroy: (() => void) | undefined;
    void import('../../map/leaflet-map.js').then(({ createCountsMap }) => {
      if (!element.current) return;
      const squares = data.cells.map((c) => ({ ...c, label: t('public.cellLabel', { n: c.total }) }));
      destroy = createCountsMap(element.current, { tileUrl: data.tileUrl, attribution: data.attribution }, squares, {
        zoomIn: t('map.zoomIn'),
        zoomOut: t('map.zoomOut'),
      }).destroy;
    });
    return () => destroy?.();
  }, [data]);
  const total = data?.categories.reduce((sum, c) => sum + c.count, 0) ?? 0;
  return (
    <main id="main" class="public">
      <Alert message={error} />
      {data && (
        <>
          <h1>{t('public.title', { association: data.association })}</h1>
          <p>{t('public.intro', { municipality: data.municipality })}</p>
          <p>{t('public.period', { from: formatDate(data.from), to: formatDate(data.to) })}</p>
          <div ref={element} class="map" role="region" aria-label={t('public.mapLabel')} />
          <h2 id="public-categories">{t('public.byCategory')}</h2>
          <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="public-categories">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('public.category')}</th>
                  <th scope="col" class="num">
                    {t('public.count')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.categories.map((c) => (
                  <tr key={c.code}>
                    <th scope="row">
                      {c.icon} {c.label}
                    </th>
                    <td class="num" data-label={t('public.count')}>
                      {c.count}
                    </td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t('public.total')}</th>
                  <td class="num" data-label={t('public.count')}>
                    {total}
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
        </>
      )}
    </main>
  );
}
