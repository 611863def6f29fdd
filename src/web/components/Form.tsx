/** A form that shows the server's problem at the top (role=alert) and runs one submit at a time. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type FieldProblem } from '../api.js';
import { t } from '../i18n.js';

export interface FormState {
  busy: boolean;
  error: string | null;
  problems: FieldProblem[];
}

/** Wraps a submit handler with busy state and problem capture. */
export function useSubmit(action: () => Promise<void>) {
  const [state, setState] = useState<FormState>({ busy: false, error: null, problems: [] });
  const submit = async (e?: Event) => {
    e?.preventDefault();
    if (state.busy) return;
    setState({ busy: true, error: null, problems: [] });
    try {
      await action();
      setState({ busy: false, error: null, problems: [] });
    } catch (err) {
      if (err instanceof ApiError) setState({ busy: false, error: err.title, problems: err.fields });
      else setState({ busy: false, error: t('app.error'), problems: [] });
    }
  };
  return { ...state, submit };
}

interface FormProps {
  /** What useSubmit returned: the submit handler, busy flag and the server's problem. */
  form: FormState & { submit: (e?: Event) => Promise<void> };
  submitLabel: string;
  children: ComponentChildren;
  label?: string;
  /** 'danger' for a submit that cannot be undone. */
  kind?: 'primary' | 'danger';
}

export function Form({ form, submitLabel, children, label, kind = 'primary' }: FormProps) {
  const { busy } = form;
  return (
    <form onSubmit={(e) => void form.submit(e)} noValidate aria-label={label}>
      <Alert message={form.error} />
      {children}
      <button type="submit" class={kind} disabled={busy} aria-busy={busy}>
        {busy ? t('app.loading') : submitLabel}
      </button>
    </form>
  );
}

/** Moves focus to a message when it appears or changes: after an action, keyboard and screen-reader users land on its result, not on the page body. */
function useFocusOnShow(key: unknown, enabled = true) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (enabled && key) ref.current?.focus({ preventScroll: false });
  }, [key]);
  return ref;
}

/** An error message read out at once by screen readers, and focused; renders nothing without a message. */
export function Alert({ message, children }: { message: string | null; children?: ComponentChildren }) {
  const ref = useFocusOnShow(message);
  if (!message) return null;
  return (
    <div class="alert" role="alert" tabIndex={-1} ref={ref}>
      {message}
      {children && <> {children}</>}
    </div>
  );
}

/** The result of an action ("Sparad"), focused when it appears; `passive` for a state shown on arrival, which must not take the focus. */
export function Notice({ children, passive = false }: { children: ComponentChildren; passive?: boolean }) {
  const ref = useFocusOnShow(true, !passive);
  return (
    <div class="notice" role="status" tabIndex={-1} ref={ref}>
      {children}
    </div>
  );
}
