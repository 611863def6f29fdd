/** The smallest and largest crew of a template or a shift. */
import type { FieldProblem } from '../../api.js';
import { Field } from '../../components/Field.js';
import { t } from '../../i18n.js';

interface Props {
  crewMin: string;
  crewMax: string;
  onValue: (field: 'crewMin' | 'crewMax', value: string) => void;
  problems: FieldProblem[];
  /** Prefix of the field names, when another form on the page has the same fields. */
  prefix?: string;
}

export function CrewSizeFields({ crewMin, crewMax, onValue, problems, prefix = '' }: Props) {
  return (
    <>
      <Field
        name={`${prefix}crewMin`}
        type="number"
        inputMode="numeric"
        label={t('templates.crewMin')}
        value={crewMin}
        onValue={(v) => onValue('crewMin', v)}
        problems={problems}
      />
      <Field
        name={`${prefix}crewMax`}
        type="number"
        inputMode="numeric"
        label={t('templates.crewMax')}
        value={crewMax}
        onValue={(v) => onValue('crewMax', v)}
        problems={problems}
      />
    </>
  );
}
