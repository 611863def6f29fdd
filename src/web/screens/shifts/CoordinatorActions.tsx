/** What a coordinator does to one shift: assign someone (with a reason to set a rule aside), take someone off, cancel. */
import { useState } from 'preact/hooks';
import { post } from '../../api.js';
import { Checkbox, Field, Select } from '../../components/Field.js';
import { Form, useSubmit } from '../../components/Form.js';
import { useLoad } from '../../components/useLoad.js';
import { t } from '../../i18n.js';
import type { MemberSummary } from '../../../shared/api/members.js';
import type { Shift } from '../../../shared/api/shifts.js';

export function CoordinatorActions({ shift, onChange }: { shift: Shift; onChange: (s: Shift) => void }) {
  const members = useLoad<MemberSummary[]>('/api/members?role=volunteer');
  const [memberId, setMemberId] = useState('');
  const [asDriver, setAsDriver] = useState(false);
  const [asLeader, setAsLeader] = useState(false);
  const [reason, setReason] = useState('');
  const [removeId, setRemoveId] = useState('');
  const [removeReason, setRemoveReason] = useState('');
  const [cancelReason, setCancelReason] = useState('');
  const assign = useSubmit(async () => {
    onChange(await post<Shift>(`/api/shifts/${shift.id}/crew`, { memberId, asDriver, asLeader, ...(reason.trim() && { reason }) }));
    setMemberId('');
    setReason('');
  });
  const remove = useSubmit(async () => {
    onChange(await post<Shift>(`/api/shifts/${shift.id}/crew/${removeId}/remove`, { reason: removeReason }));
    setRemoveReason('');
  });
  const cancel = useSubmit(async () => onChange(await post<Shift>(`/api/shifts/${shift.id}/cancel`, { reason: cancelReason })));
  if (shift.status !== 'planned') return null;
  const inShift = new Set([...shift.crew.map((c) => c.memberId)]);
  const people = [...shift.crew, ...shift.waiting];
  return (
    <section aria-labelledby="coordinator">
      <h2 id="coordinator">{t('shifts.coordinator')}</h2>
      <h3>{t('shifts.assign')}</h3>
      <Form form={assign} submitLabel={t('shifts.assign')} label={t('shifts.assign')}>
        <Select
          name="memberId"
          label={t('shifts.member')}
          value={memberId}
          onValue={setMemberId}
          problems={assign.problems}
          options={[{ value: '', label: '–' }, ...(members.data ?? []).filter((m) => !inShift.has(m.id)).map((m) => ({ value: m.id, label: m.name }))]}
        />
        <Checkbox name="asDriver" label={t('shifts.asDriver')} checked={asDriver} onChecked={setAsDriver} />
        <Checkbox name="asLeader" label={t('shifts.asLeader')} checked={asLeader} onChecked={setAsLeader} />
        <Field name="reason" label={t('shifts.overrideReason')} hint={t('shifts.overrideHint')} value={reason} onValue={setReason} problems={assign.problems} />
      </Form>
      {people.length > 0 && (
        <>
          <h3>{t('shifts.remove')}</h3>
          <Form form={remove} submitLabel={t('shifts.remove')} label={t('shifts.remove')}>
            <Select
              name="removeId"
              label={t('shifts.member')}
              value={removeId}
              onValue={setRemoveId}
              options={[{ value: '', label: '–' }, ...people.map((p) => ({ value: p.memberId, label: p.name }))]}
            />
            <Field name="reason" label={t('shifts.reason')} value={removeReason} onValue={setRemoveReason} required problems={remove.problems} />
          </Form>
        </>
      )}
      <h3>{t('shifts.cancel')}</h3>
      <Form form={cancel} submitLabel={t('shifts.cancel')} label={t('shifts.cancel')}>
        <Field name="reason" label={t('shifts.reason')} value={cancelReason} onValue={setCancelReason} required problems={cancel.problems} />
      </Form>
    </section>
  );
}
