import { useId, type Ref } from 'react';

/**
 * A labelled input whose error is announced and tied to it (aria-invalid + aria-describedby); an optional
 * hint is tied the same way and stays visible next to the error.
 */
export function TextField({
  label,
  value,
  onChange,
  onBlur,
  error,
  hint,
  type = 'text',
  required = false,
  disabled = false,
  inputRef,
  inputMode,
  autoComplete = 'off',
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string | null;
  hint?: string | null;
  type?: 'text' | 'email' | 'tel';
  required?: boolean;
  disabled?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  inputMode?: 'text' | 'decimal' | 'numeric' | 'email' | 'tel';
  autoComplete?: string;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ');
  return (
    <div className="action-field">
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      <input
        id={id}
        ref={inputRef}
        type={type}
        inputMode={inputMode}
        autoComplete={autoComplete}
        value={value}
        required={required}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
      {hint && (
        <p id={hintId} className="field-hint muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
