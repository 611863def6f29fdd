/**
 * On a shift: resolved items where the shift patrols, to look at again (the
 * municipality says the graffiti is gone: is it?). Two large buttons, one
 * hand: gone, or still there; an optional note.
 */
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { useLoad } from '../../components/useLoad.js';
import { Alert, Notice } from '../../components/Form.js';
import { formatDateTime, t } from '../../i18n.js';
import type { RecheckTask } from '../../../shared/api/reports.js';

function RecheckCard({ task, shiftId, onDone }: { task: RecheckTask; shiftId: string; onDone: (message: string) => void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const record = (result: 'gone' | 'still_there') => {
    setBusy(true);
    void api('POST', `/api/action-items/${task.id}/recheck`, { result, shiftId, ...(note.trim() && { note: note.trim() }) })
      .then(() => onDone(t(result === 'gone' ? 'recheck.recordedGone' : 'recheck.recordedStillThere')))
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };
  const place = [task.address, task.place].filter(Boolean).join(' · ') || `${task.lat.toFixed(5)}, ${task.lng.toFixed(5)}`;
  const noteId = `recheck-note-${task.id}`;
  return (
    <li class="card recheck">
      <h3>
        <span aria-hidden="true">{task.icon}</span> {task.categoryLabel}
      </h3>
      <p>
        <a href={`https://www.openstreetmap.org/?mlat=${task.lat}&mlon=${task.lng}#map=18/${task.lat}/${task.lng}`} target="_blank" rel="noreferrer">
          {place}
        </a>
      </p>
      <p>
        {t('recheck.resolvedBy', { recipient: task.recipientName, when: task.closedAt ? formatDateTime(task.closedAt) : '' })}
        {task.externalReference && ` · ${t('items.reference')} ${task.externalReference}`}
      </p>
      <Alert message={error} />
      <label for={noteId}>{t('recheck.note')}</label>
      <textarea id={noteId} rows={2} maxLength={2000} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
      <div class="actions">
        <button type="button" class="primary" disabled={busy} onClick={() => record('gone')}>
          {t('recheck.gone')}
        </button>
        <button type="button" disabled={busy} onClick={() => record('still_there')}>
          {t('recheck.stillThere')}
        </button>
      </div>
    </li>
  );
}

export function Rechecks({ shiftId }: { shiftId: string }) {
  const tasks = useLoad<RecheckTask[]>(`/api/shifts/${shiftId}/rechecks`);
  const [done, setDone] = useState<string | null>(null);
  // Only the shift's crew and coordinators are shown re-checks; for anyone else the list is not found, and nothing shows.
  if (!tasks.data?.length && !done) return null;
  return (
    <section aria-labelledby="rechecks-heading">
      <h2 id="rechecks-heading">{t('recheck.heading')}</h2>
      {done && <Notice>{done}</Notice>}
      {tasks.data && tasks.data.length > 0 && (
        <>
          <p>{t('recheck.intro')}</p>
          <ul class="cards">
            {tasks.data.map((task) => (
              <RecheckCard
                key={task.id}
                task={task}
                shiftId={shiftId}
                onDone={(message) => {
                  setDone(message);
                  tasks.reload();
                }}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
