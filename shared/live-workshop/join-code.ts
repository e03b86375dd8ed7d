/** Letters and digits that cannot be mistaken for each other when read off a projector. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

/** A new join code; `randomIndex(n)` returns a uniformly random whole number below n. */
export function newJoinCode(randomIndex: (n: number) => number): string {
  let code = '';
  for (let index = 0; index < JOIN_CODE_LENGTH; index += 1) code += JOIN_CODE_ALPHABET[randomIndex(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** A typed code as the server compares it: upper case, spaces and dashes dropped. */
export function normaliseJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** A problem with a participant's display name, or null. */
export function liveNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Type your name.';
  if (trimmed.length > 60) return 'Use a name of at most 60 characters.';
  return null;
}
