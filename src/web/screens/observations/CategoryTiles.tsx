/**
 * The capture screen's first choice. The categories the association's crews
 * report most (the last 90 days) come first and large, so that at the largest
 * text the first screen still offers a choice; the rest are one tap away.
 * A category with subcategories opens them in place.
 */
import { useRef, useState } from 'preact/hooks';
import { language, t } from '../../i18n.js';
import type { Category } from '../../../shared/api/observations.js';

/** How many lead: four fit a phone's first screen at normal text, and two at the largest. */
const LEADING = 4;

const label = (c: Category) => (language.value === 'en' ? c.labelEn : c.labelSv);

/** Uses of a top-level category, its subcategories' counted in. */
function usesOf(c: Category, all: Category[]): number {
  return all.filter((x) => x.id === c.id || x.parentId === c.id).reduce((sum, x) => sum + (x.recentUses ?? 0), 0);
}

/** The most used lead (in the association's own order), the rest follow in that order. */
export function leadingCategories(tops: Category[], all: Category[]): { leading: Category[]; rest: Category[] } {
  // A new association has no history to rank by: everything shows, in its own order.
  if (tops.length <= LEADING + 2 || all.every((c) => !c.recentUses)) return { leading: tops, rest: [] };
  const ranked = [...tops].sort((a, b) => usesOf(b, all) - usesOf(a, all));
  const leading = ranked.slice(0, LEADING);
  return { leading: tops.filter((c) => leading.includes(c)), rest: tops.filter((c) => !leading.includes(c)) };
}

function Tile({ c, text, onPick, big }: { c: Category; text: string; onPick: () => void; big?: boolean }) {
  return (
    <li>
      <button type="button" class={big ? 'category-tile leading' : 'category-tile'} onClick={onPick}>
        <span class="tile-icon" aria-hidden="true">
          {c.icon}
        </span>
        {text}
      </button>
    </li>
  );
}

export function CategoryTiles({ categories, onPick }: { categories: Category[]; onPick: (c: Category) => void }) {
  const [parent, setParent] = useState<Category | null>(null);
  const [all, setAll] = useState(false);
  const restList = useRef<HTMLUListElement>(null);
  const pick = (c: Category) => (c !== parent && categories.some((x) => x.parentId === c.id) ? setParent(c) : onPick(c));

  if (parent) {
    const subs = categories.filter((c) => c.parentId === parent.id);
    return (
      <>
        <button type="button" class="secondary" onClick={() => setParent(null)}>
          {t('app.back')}
        </button>
        <ul class="category-tiles">
          <Tile c={parent} text={t('observe.general', { category: label(parent) })} onPick={() => pick(parent)} />
          {subs.map((c) => (
            <Tile key={c.id} c={c} text={label(c)} onPick={() => pick(c)} />
          ))}
        </ul>
      </>
    );
  }
  const { leading, rest } = leadingCategories(
    categories.filter((c) => c.parentId === null),
    categories,
  );
  return (
    <>
      <ul class="category-tiles">
        {leading.map((c) => (
          <Tile key={c.id} c={c} text={label(c)} onPick={() => pick(c)} big />
        ))}
      </ul>
      {rest.length > 0 && !all && (
        <button
          type="button"
          class="secondary more-categories"
          aria-expanded="false"
          onClick={() => {
            setAll(true);
            // The first of the rest takes the focus, so a screen reader or keyboard goes on from where the list grew.
            requestAnimationFrame(() => restList.current?.querySelector('button')?.focus());
          }}
        >
          {t('observe.moreCategories', { n: rest.length })}
        </button>
      )}
      {all && (
        <ul class="category-tiles" ref={restList} aria-label={t('observe.otherCategories')}>
          {rest.map((c) => (
            <Tile key={c.id} c={c} text={label(c)} onPick={() => pick(c)} />
          ))}
        </ul>
      )}
    </>
  );
}
