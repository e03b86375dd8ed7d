import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export interface HeapUsage {
  readonly mainMb: number;
  /** Dedicated workers of the page (the search worker), summed. */
  readonly workersMb: number;
  readonly workers: number;
}

const MB = 1024 * 1024;

/** Collects garbage, then reads the used JS heap of the page and of each of its workers (DevTools protocol). */
export async function measureHeap(context: BrowserContext, page: Page): Promise<HeapUsage> {
  const pageSession = await context.newCDPSession(page);
  let mainBytes: number;
  try {
    await pageSession.send('HeapProfiler.collectGarbage');
    mainBytes = (await pageSession.send('Runtime.getHeapUsage')).usedSize;
  } finally {
    await pageSession.detach();
  }

  const browser = context.browser();
  if (browser === null) throw new Error('No browser to reach the workers through.');
  const browserSession = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await browserSession.send('Target.getTargets');
    const workerBytes = await Promise.all(
      targetInfos.filter((target) => target.type === 'worker').map((target) => workerHeapBytes(browserSession, target.targetId)),
    );
    return { mainMb: mainBytes / MB, workersMb: workerBytes.reduce((sum, bytes) => sum + bytes, 0) / MB, workers: workerBytes.length };
  } finally {
    await browserSession.detach();
  }
}

interface WorkerReply {
  readonly id: number;
  readonly result?: { readonly usedSize?: number };
  readonly error?: { readonly message: string };
}

function isWorkerReply(value: unknown): value is WorkerReply {
  return typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'number';
}

// Playwright's CDP sessions cannot address a flattened child session, so this talks to the worker
// through the older Target.sendMessageToTarget envelope.
async function workerHeapBytes(session: CDPSession, targetId: string): Promise<number> {
  const { sessionId } = await session.send('Target.attachToTarget', { targetId, flatten: false });
  const pending = new Map<number, (reply: WorkerReply) => void>();
  const onMessage = (event: { readonly sessionId: string; readonly message: string }) => {
    if (event.sessionId !== sessionId) return;
    const reply: unknown = JSON.parse(event.message);
    if (isWorkerReply(reply)) pending.get(reply.id)?.(reply);
  };
  session.on('Target.receivedMessageFromTarget', onMessage);
  let nextId = 1;
  const send = async (method: string): Promise<{ readonly usedSize?: number }> => {
    const id = nextId;
    nextId += 1;
    const replied = new Promise<WorkerReply>((resolve) => pending.set(id, resolve));
    await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
    const { result, error } = await replied;
    if (error !== undefined) throw new Error(`${method} failed in a worker: ${error.message}`);
    return result ?? {};
  };
  try {
    await send('HeapProfiler.collectGarbage');
    return (await send('Runtime.getHeapUsage')).usedSize ?? 0;
  } finally {
    session.off('Target.receivedMessageFromTarget', onMessage);
    await session.send('Target.detachFromTarget', { sessionId });
  }
}
