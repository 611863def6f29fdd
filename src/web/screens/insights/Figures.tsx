/**
 * The dashboard's building blocks: a key figure with its change against the
 * period before, and a bar chart that is a table (the numbers are the chart's
 * text, the bars only show their size), so it reads at a glance and aloud.
 */
import type { ComponentChildren } from 'preact';
import { t } from '../../i18n.js';
import { formatNumber } from '../../shift-format.js';
import type { Figure } from '../../../shared/api/insights.js';

const show = (n: number | null, unit?: (n: string) => string) => (n === null ? '–' : unit ? unit(formatNumber(n)) : formatNumber(n));

function change(f: Figure, unit?: (n: string) => string) {
  if (f.value === null || f.previous === null) return null;
  const d = Math.round((f.value - f.previous) * 10) / 10;
  if (d === 0) return t('dashboard.same');
  return t(d > 0 ? 'dashboard.up' : 'dashboard.down', { n: show(Math.abs(d), unit) });
}

export function KeyFigure({ label, figure, href, unit }: { label: string; figure: Figure; href?: string; unit?: (n: string) => string }) {
  const delta = change(figure, unit);
  const body = (
    <>
      <span class="figure-label">{label}</span>
      <span class="figure-value">{show(figure.value, unit)}</span>
      <span class="figure-change">
        {delta && `${delta} · `}
        {t('dashboard.previousValue', { value: show(figure.previous, unit) })}
      </span>
    </>
  );
  return <li class="figure">{href ? <a href={href}>{body}</a> : <div>{body}</div>}</li>;
}

export function KeyFigures({ children }: { children: ComponentChildren }) {
  return <ul class="figures">{children}</ul>;
}

export interface BarRow {
  key: string;
  label: string;
  value: number;
  previous: number;
  href?: string;
}

export function BarTable({ id, title, rows }: { id: string; title: string; rows: BarRow[] }) {
  const max = Math.max(1, ...rows.map((r) => Math.max(r.value, r.previous)));
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {rows.length === 0 ? (
        <p>{t('dashboard.none')}</p>
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-labelledby={id}>
          <table class="bars">
            <thead>
              <tr>
                <th scope="col" class="what">
                  {t('dashboard.what')}
                </th>
                <th scope="col" class="num">
                  {t('dashboard.thisPeriod')}
                </th>
                <th scope="col" class="num">
                  {t('dashboard.previousPeriod')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">
                    {r.href ? <a href={r.href}>{r.label}</a> : r.label}
                    {/* The bars only show the numbers' sizes; the numbers are in the cells beside. */}
                    <span class="bar-pair" aria-hidden="true">
                      <span class="bar now" style={{ width: `${(r.value / max) * 100}%` }} />
                      <span class="bar before" style={{ width: `${(r.previous / max) * 100}%` }} />
                    </span>
                  </th>
                  <td class="num" data-label={t('dashboard.thisPeriod')}>
                    {formatNumber(r.value)}
                  </td>
                  <td class="num" data-label={t('dashboard.previousPeriod')}>
                    {formatNumber(r.previous)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
