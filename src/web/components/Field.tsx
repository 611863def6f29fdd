/** A labelled input with its error tied to it (aria-describedby), large enough for any finger. */
import type { JSX } from 'preact';
import type { FieldProblem } from '../api.js';
import { t } from '../i18n.js';

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
  /** A text area of this many rows instead of a one-line input. */
  rows?: number;
}

export function Field({ name, label, value, onValue, problems = [], hint, type = 'text', rows, id: givenId, ...rest }: FieldProps) {
  // Two forms on one page may both have a "name" field: such a page gives its own ids.
  const id = givenId ?? `field-${name}`;
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
      {rows ? (
        <textarea
          id={id}
          name={name}
          rows={rows}
          value={value}
          required={rest.required}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={described}
          onInput={(e) => onValue((e.target as HTMLTextAreaElement).value)}
        />
      ) : (
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
      )}
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

interface PresetProps {
  value: string;
  onValue: (value: string) => void;
  problems?: FieldProblem[];
}

/** The e-mail field of sign-in and account forms. */
export function EmailField({ autoComplete = 'username', ...props }: PresetProps & { autoComplete?: 'username' | 'email' | 'off'; label?: string }) {
  return <Field name="email" type="email" label={props.label ?? t('signin.email')} autoComplete={autoComplete} required {...props} />;
}

/** A password field: "new" (setup, invitation, reset: at least 10 characters) or "current" (sign-in, confirmations). */
export function PasswordField({ kind, name = 'password', label, ...props }: PresetProps & { kind: 'new' | 'current'; name?: string; label?: string }) {
  return (
    <Field
      name={name}
      type="password"
      label={label ?? (kind === 'new' ? t('password.new') : t('signin.password'))}
      autoComplete={kind === 'new' ? 'new-password' : 'current-password'}
      minLength={kind === 'new' ? 10 : undefined}
      required
      {...props}
    />
  );
}
