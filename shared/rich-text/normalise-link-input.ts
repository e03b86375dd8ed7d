const BARE_EMAIL = /^[^@\s/:]+@[^@\s/:]+\.[^@\s/:]+$/;
const BARE_HOST = /^(?:[\p{L}\p{N}-]+\.)+[\p{L}\p{N}-]{2,}(?::\d{1,5})?(?:[/?#]\S*)?$/u;

/**
 * Turns what a person typed into a link field into a link target: trims it, and gives a bare
 * address a scheme (`example.com/page` becomes `https://example.com/page`, `ana@example.com`
 * becomes `mailto:ana@example.com`). Anything else is returned trimmed and unchanged, so an
 * unsafe or unknown scheme stays visible to `isSafeLinkHref` and is refused there.
 */
export function normaliseLinkInput(input: string): string {
  const trimmed = input.trim();
  if (BARE_EMAIL.test(trimmed)) return `mailto:${trimmed}`;
  if (BARE_HOST.test(trimmed)) return `https://${trimmed}`;
  return trimmed;
}
