/**
 * Before saving: who the observation will go to, and what is already reported
 * close by ("redan anmält här, 30 m bort"), so the crew can add to it rather
 * than wonder. Asked again when the category, the urgency or the place changes;
 * offline the screen says the choice is made when it is sent.
 */
import { useEffect, useState } from 'preact/hooks';
import { get } from '../../api.js';
import { formatDateTime, t } from '../../i18n.js';
import type { CapturePreview } from '../../../shared/api/reports.js';

type State = { state: 'asking' } | { state: 'known'; preview: CapturePreview } | { state: 'offline' };

interface Props {
  categoryId: string;
  urgency: string;
  lat: number;
  lng: number;
  /** Told whether an open item is near: the save button then says the observation adds to it. */
  onNearby: (near: boolean) => void;
}

export function WhereItGoes({ categoryId, urgency, lat, lng, onNearby }: Props) {
  const [s, setS] = useState<State>({ state: 'asking' });
  useEffect(() => {
    let current = true;
    get<CapturePreview>(`/api/capture-preview?categoryId=${categoryId}&urgency=${urgency}&lat=${lat}&lng=${lng}`)
      .then((preview) => {
        if (!current) return;
        setS({ state: 'known', preview });
        onNearby(preview.routed && preview.nearby.length > 0);
      })
      .catch(() => {
        if (!current) return;
        setS({ state: 'offline' });
        onNearby(false);
      });
    return () => {
      current = false;
    };
  }, [categoryId, urgency, lat, lng]);

  if (s.state === 'asking') return null;
  if (s.state === 'offline') return <p class="where-it-goes">{t('observe.previewOffline')}</p>;
  const { routed, recipients, nearby } = s.preview;
  return (
    <div class="where-it-goes">
      <p>{!routed ? t('observe.staysHere') : recipients.length > 0 ? t('observe.goesTo', { recipients: recipients.join(', ') }) : t('observe.noRecipient')}</p>
      {routed &&
        nearby.slice(0, 1).map((n) => (
          <p class="already-reported" key={n.reportedAt}>
            {t('observe.alreadyReported', {
              m: n.distanceM,
              recipient: n.recipient,
              date: formatDateTime(n.reportedAt),
              state: t(`items.state.${n.state}`).toLowerCase(),
            })}
          </p>
        ))}
    </div>
  );
}
