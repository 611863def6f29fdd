/** A labelled input with its error tied to it (aria-describedby), large enough for any finger. */
import type { JSX } from 'preact';
import type { FieldProblem } from '../api.js';

interface FieldProps extends Omit<JSX.HTMLAttributes<HTMLInputElement>, 'label' | 'onInput' | 'inputMode'> {
  minLength?: number;
  inputMode?: 'numeric' | 'text' | 'email' | 'tel';
  name: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  problems?: FieldProblem[];
  hint?: string;
  type?: string;
  autoComplete?: string;
  required?: boolean;
}

export function Field({ name, label, value, onValue, problems = [], hint, type = 'text', ...rest }: FieldProps) {
  const id = `field-${name}`;
  const problem = problems.find((p) => p.field === name);
  const described = [hint && `${id}-hint`, problem && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>
        {label}
        {rest.required && (
          <span class="required" aria-hidden="true">
            {' *'}
          </span>
        )}
      </label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        type={type}
        value={value}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={described}
        onInput={(e) => onValue((e.target as HTMLInputElement).value)}
        {...rest}
      />
      {problem && (
        <p class="field-error" id={`${id}-error`}>
          {problem.message}
        </p>
      )}
    </div>
  );
}

interface SelectProps {
  name: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  options: { value: string; label: string }[];
  problems?: FieldProblem[];
}

export function Select({ name, label, value, onValue, options, problems = [] }: SelectProps) {
  const id = `field-${name}`;
  const problem = problems.find((p) => p.field === name);
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        name={name}
        value={value}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        onChange={(e) => onValue((e.target as HTMLSelectElement).value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {problem && (
        <p class="field-error" id={`${id}-error`}>
          {problem.message}
        </p>
      )}
    </div>
  );
}

interface CheckboxProps {
  name: string;
  label: string;
  checked: boolean;
  onChecked: (checked: boolean) => void;
}

export function Checkbox({ name, label, checked, onChecked }: CheckboxProps) {
  const id = `field-${name}`;
  return (
    <div class="check">
      <input id={id} name={name} type="checkbox" checked={checked} onChange={(e) => onChecked((e.target as HTMLInputElement).checked)} />
      <label for={id}>{label}</label>
    </div>
  );
}
