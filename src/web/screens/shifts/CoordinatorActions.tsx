/** What a coordinator does to one shift: assign someone (with a reason to set a rule aside), take someone off, cancel. */
import { useState } from 'preact/hooks';
import { post, type FieldProblem } from '../../api.js';
import { Checkbox, Field, Select } from '../../components/Field.js';
import { Form, useSubmit } from '../../components/Form.js';
import { useLoad } from '../../components/useLoad.js';
import { t } from '../../i18n.js';
import type { MemberSummary } from '../../../shared/api/members.js';
import type { Shift } from '../../../shared/api/shifts.js';
import { EditShiftForm } from './EditShiftForm.js';

/** Several forms share field names (reason); their ids carry the form's prefix. */
const prefixed = (problems: FieldProblem[], prefix: string) => problems.map((p) => ({ ...p, field: `${prefix}-${p.field}` }));

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
  const [swapOut, setSwapOut] = useState('');
  const [swapIn, setSwapIn] = useState('');
  const [swapReason, setSwapReason] = useState('');
  const swap = useSubmit(async () => {
    onChange(await post<Shift>(`/api/shifts/${shift.id}/swap`, { outMemberId: swapOut, inMemberId: swapIn, ...(swapReason.trim() && { reason: swapReason }) }));
    setSwapReason('');
  });
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
        <Checkbox name="assign-asDriver" label={t('shifts.asDriver')} checked={asDriver} onChecked={setAsDriver} />
        <Checkbox name="assign-asLeader" label={t('shifts.asLeader')} checked={asLeader} onChecked={setAsLeader} />
        <Field
          name="assign-reason"
          label={t('shifts.overrideReason')}
          hint={t('shifts.overrideHint')}
          value={reason}
          onValue={setReason}
          problems={prefixed(assign.problems, 'assign')}
        />
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
            <Field
              name="remove-reason"
              label={t('shifts.reason')}
              value={removeReason}
              onValue={setRemoveReason}
              required
              problems={prefixed(remove.problems, 'remove')}
            />
          </Form>
        </>
      )}
      {shift.crew.length > 0 && (
        <>
          <h3>{t('shifts.swap')}</h3>
          <Form form={swap} submitLabel={t('shifts.swap')} label={t('shifts.swap')}>
            <Select
              name="outMemberId"
              label={t('shifts.swapOut')}
              value={swapOut}
              onValue={setSwapOut}
              problems={swap.problems}
              options={[{ value: '', label: '–' }, ...shift.crew.map((p) => ({ value: p.memberId, label: p.name }))]}
            />
            <Select
              name="inMemberId"
              label={t('shifts.swapIn')}
              value={swapIn}
              onValue={setSwapIn}
              problems={swap.problems}
              options={[{ value: '', label: '–' }, ...(members.data ?? []).filter((m) => !inShift.has(m.id)).map((m) => ({ value: m.id, label: m.name }))]}
            />
            <Field
              name="swap-reason"
              label={t('shifts.overrideReason')}
              value={swapReason}
              onValue={setSwapReason}
              problems={prefixed(swap.problems, 'swap')}
            />
          </Form>
        </>
      )}
      <h3>{t('shifts.edit')}</h3>
      <EditShiftForm shift={shift} onChange={onChange} />
      <h3>{t('shifts.cancel')}</h3>
      <Form form={cancel} submitLabel={t('shifts.cancel')} label={t('shifts.cancel')}>
        <Field
          name="cancel-reason"
          label={t('shifts.reason')}
          value={cancelReason}
          onValue={setCancelReason}
          required
          problems={prefixed(cancel.problems, 'cancel')}
        />
      </Form>
    </section>
  );
}
