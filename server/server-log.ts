/** The server's log: one line of JSON per event, so refusals can be counted and read later. */
export interface ServerLog {
  info(event: string, detail: Readonly<Record<string, unknown>>): void;
  warn(event: string, detail: Readonly<Record<string, unknown>>): void;
}

export function createConsoleLog(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): ServerLog {
  const entry = (level: string, event: string, detail: Readonly<Record<string, unknown>>) => write(JSON.stringify({ at: new Date().toISOString(), level, event, ...detail }));
  return { info: (event, detail) => entry('info', event, detail), warn: (event, detail) => entry('warn', event, detail) };
}
