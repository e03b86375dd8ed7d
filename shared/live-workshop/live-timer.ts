/** The offset to add to this device's clock to read the server's, from one round trip. */
export function serverClockOffset(sentAt: number, serverNow: number, receivedAt: number): number {
  return serverNow + (receivedAt - sentAt) / 2 - receivedAt;
}

/** Milliseconds left on a timer stamped with the server clock, seen from a device whose clock is off by `offset`. */
export function timeLeft(timer: { readonly endsAt?: number | undefined; readonly pausedMs?: number | undefined }, deviceNow: number, offset: number): number | null {
  if (timer.endsAt !== undefined) return Math.max(0, timer.endsAt - (deviceNow + offset));
  return timer.pausedMs ?? null;
}
