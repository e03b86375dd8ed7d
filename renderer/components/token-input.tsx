import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export interface TokenOption {
  readonly id: string;
  readonly label: string;
  /** Extra text shown after the label in suggestions (a team, an email). */
  readonly detail?: string;
}

interface TokenInputProps {
  readonly label: string;
  /** The chosen tokens, in order. */
  readonly values: readonly TokenOption[];
  /** Suggestions for the typed text (already excluding nothing; chosen ones are filtered here). */
  readonly suggest: (text: string) => Promise<readonly TokenOption[]> | readonly TokenOption[];
  readonly onAdd: (option: TokenOption) => void;
  readonly onRemove: (id: string) => void;
  /** Offers "Create …" for text matching no suggestion; omit to allow only suggestions. */
  readonly onCreate?: (text: string) => void;
  readonly createLabel?: (text: string) => string;
  readonly placeholder?: string;
  readonly isDisabled?: boolean;
  readonly hint?: string | null;
}

type Choice = { readonly kind: 'option'; readonly option: TokenOption } | { readonly kind: 'create'; readonly text: string };

/**
 * Chips with an autocomplete combobox (WAI-ARIA combobox pattern): type, pick with the arrow keys
 * and Enter, remove the last chip with Backspace, or create a new value inline.
 */
export function TokenInput({ label, values, suggest, onAdd, onRemove, onCreate, createLabel, placeholder, isDisabled = false, hint }: TokenInputProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [isOpen, setOpen] = useState(false);
  const [suggestions, setSuggestions] = useState<readonly TokenOption[]>([]);
  const [activeIndex, setActiveIndex] = useState(0);

  useEffect(() => {
    if (!isOpen) return;
    let isCurrent = true;
    void Promise.resolve(suggest(text)).then((options) => {
      if (isCurrent) setSuggestions(options);
    });
    return () => {
      isCurrent = false;
    };
  }, [isOpen, suggest, text]);

  const chosenIds = new Set(values.map((value) => value.id));
  const trimmed = text.trim();
  const available = suggestions.filter((option) => !chosenIds.has(option.id)).slice(0, 8);
  const hasExactMatch = [...available, ...values].some((option) => option.label.toLowerCase() === trimmed.toLowerCase());
  const choices: Choice[] = [
    ...available.map((option) => ({ kind: 'option', option }) as const),
    ...(onCreate && trimmed !== '' && !hasExactMatch ? [{ kind: 'create', text: trimmed } as const] : []),
  ];
  const active = Math.min(activeIndex, Math.max(choices.length - 1, 0));

  const choose = (choice: Choice | undefined) => {
    if (!choice) return;
    if (choice.kind === 'option') onAdd(choice.option);
    else onCreate?.(choice.text);
    setText('');
    setActiveIndex(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActiveIndex((index) => Math.min(index + 1, choices.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActiveIndex((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter' || (event.key === ',' && trimmed !== '')) {
      if (!isOpen || choices.length === 0) return;
      event.preventDefault();
      choose(choices[active]);
    } else if (event.key === 'Escape' && isOpen) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    } else if (event.key === 'Backspace' && text === '' && values.length > 0) {
      const last = values.at(-1);
      if (last) onRemove(last.id);
    }
  };

  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;
  return (
    <div className="token-input">
      <label htmlFor={`${id}-input`} className="field__label">
        {label}
      </label>
      <div className="token-input__box" onClick={() => inputRef.current?.focus()}>
        {values.map((value) => (
          <span key={value.id} className="chip">
            {value.label}
            <button type="button" className="chip__remove" aria-label={`Remove ${value.label}`} disabled={isDisabled} onClick={() => onRemove(value.id)}>
              ×
            </button>
          </span>
        ))}
        <input
          ref={inputRef}
          id={`${id}-input`}
          className="token-input__input"
          role="combobox"
          aria-expanded={isOpen && choices.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={isOpen && choices.length > 0 ? optionId(active) : undefined}
          value={text}
          placeholder={values.length === 0 ? placeholder : undefined}
          disabled={isDisabled}
          autoComplete="off"
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActiveIndex(0);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
      </div>
      {isOpen && choices.length > 0 && (
        <ul id={listId} role="listbox" aria-label={`${label} suggestions`} className="token-input__list">
          {choices.map((choice, index) => (
            <li
              key={choice.kind === 'option' ? choice.option.id : `create-${choice.text}`}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className="token-input__option"
              // mousedown, not click: the input's blur would close the list before a click lands.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(choice);
              }}
            >
              {choice.kind === 'option' ? (
                <>
                  {choice.option.label}
                  {choice.option.detail && <span className="token-input__detail"> · {choice.option.detail}</span>}
                </>
              ) : (
                (createLabel?.(choice.text) ?? `Add “${choice.text}”`)
              )}
            </li>
          ))}
        </ul>
      )}
      {hint && <p className="field__hint">{hint}</p>}
    </div>
  );
}
