import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { normaliseLinkInput } from '../../shared/rich-text/normalise-link-input';
import { isSafeLinkHref } from '../../shared/rich-text/sanitize-rich-text';

export interface LinkFormProps {
  /** The current link's address when the cursor is on a link. */
  readonly initialHref: string;
  readonly hasLink: boolean;
  readonly onApply: (href: string) => void;
  readonly onRemove: () => void;
  readonly onCancel: () => void;
}

export const UNSAFE_LINK_MESSAGE = 'Only web addresses (http://, https://) and email addresses (mailto:) can be linked.';

/** Asks for a link address inline, below the toolbar, and refuses anything but web and email links. */
export function LinkForm({ initialHref, hasLink, onApply, onRemove, onCancel }: LinkFormProps) {
  const [value, setValue] = useState(initialHref);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const href = normaliseLinkInput(value);
    if (href.length === 0) {
      setError('Type a web or email address to link to.');
      return;
    }
    if (!isSafeLinkHref(href)) {
      setError(UNSAFE_LINK_MESSAGE);
      return;
    }
    onApply(href);
  };

  const cancelOnEscape = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  };

  return (
    <form className="link-form" aria-label="Link" onSubmit={submit} onKeyDown={cancelOnEscape} noValidate>
      <label className="link-form__label" htmlFor={inputId}>
        Link address
      </label>
      <input
        id={inputId}
        className="link-form__input"
        type="text"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder="https://example.com"
        autoFocus
        value={value}
        aria-invalid={error !== null}
        aria-describedby={error === null ? undefined : errorId}
        onChange={(event) => {
          setValue(event.target.value);
          setError(null);
        }}
      />
      <button type="submit" className="button button--primary">
        Apply link
      </button>
      {hasLink && (
        <button type="button" className="button" onClick={onRemove}>
          Remove link
        </button>
      )}
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      {error !== null && (
        <p id={errorId} role="alert" className="link-form__error">
          {error}
        </p>
      )}
    </form>
  );
}
