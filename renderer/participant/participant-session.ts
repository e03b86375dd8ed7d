import { serverClockOffset } from '../../shared/live-workshop/live-timer';

/** A participant's seat in a live workshop, kept in this browser so a reload rejoins with the same ballot. */
export interface ParticipantSession {
  readonly token: string;
  readonly workshopId: string;
  readonly participantId: string;
  readonly name: string;
}

const KEY = 'discovery-desk.live-workshop.session';

export function loadSession(): ParticipantSession | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { token, workshopId, participantId, name } = value as Record<string, unknown>;
    return typeof token === 'string' && typeof workshopId === 'string' && typeof participantId === 'string' && typeof name === 'string' ? { token, workshopId, participantId, name } : null;
  } catch {
    return null;
  }
}

export function saveSession(session: ParticipantSession | null): void {
  if (session === null) localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, JSON.stringify(session));
}

interface JoinAnswer {
  readonly token?: string;
  readonly workshopId?: string;
  readonly participantId?: string;
  readonly name?: string;
  readonly participants?: readonly { readonly id: string; readonly name: string }[];
  readonly message?: string;
}

/** Asks the server to check a code (and list the names to pick), or to join under a name. */
export async function requestJoin(body: { code: string; name?: string; participantId?: string }): Promise<JoinAnswer & { readonly ok: boolean }> {
  try {
    const response = await fetch('/api/join', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const answer = (await response.json()) as JoinAnswer;
    return { ...answer, ok: response.ok };
  } catch {
    return { ok: false, message: 'The workshop server cannot be reached. Check that you are on the same network as the facilitator, then try again.' };
  }
}

/** The server clock minus this device's, so a timer shows the right time left even on a wrong clock. */
export async function measureClockOffset(deviceNow: () => number = Date.now, clockUrl = '/api/clock'): Promise<number> {
  const sentAt = deviceNow();
  const response = await fetch(clockUrl, { cache: 'no-store' });
  const { now } = (await response.json()) as { now: number };
  return serverClockOffset(sentAt, now, deviceNow());
}
