import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { ballotDocumentName, boardDocumentName, controlDocumentName } from '../../shared/live-workshop/live-documents';
import { keepLocalCopies } from './local-copies';
import type { ParticipantSession } from './participant-session';

export type LiveStatus = 'connecting' | 'connected' | 'offline';

export interface LiveWorkshop {
  readonly control: Y.Doc;
  readonly board: Y.Doc;
  readonly ballot: Y.Doc;
  readonly status: LiveStatus;
  /** Why the server refused this seat (ended workshop, unknown token), or null. */
  readonly refusal: string | null;
  /** Changes whenever any of the three documents changes, so views re-read them. */
  readonly version: number;
  /** Ballot changes the server has not acknowledged yet. */
  readonly unsynced: number;
}

/**
 * Connects this device to its three documents over one socket. The ballot and the board are also
 * kept in IndexedDB, so a participant who drops off keeps voting and grouping and syncs on reconnect.
 */
export function useLiveWorkshop(session: ParticipantSession): LiveWorkshop {
  const [docs] = useState(() => ({ control: new Y.Doc(), board: new Y.Doc(), ballot: new Y.Doc() }));
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [unsynced, setUnsynced] = useState(0);

  useEffect(() => {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/`;
    const socket = new HocuspocusProviderWebsocket({ url, maxAttempts: 0, minDelay: 250, maxDelay: 3000 });
    const names = {
      control: controlDocumentName(session.workshopId),
      board: boardDocumentName(session.workshopId),
      ballot: ballotDocumentName(session.workshopId, session.participantId),
    };
    const local = keepLocalCopies(session.workshopId, session.participantId, docs);
    const providers = (Object.keys(names) as (keyof typeof names)[]).map((key) => {
      const provider = new HocuspocusProvider({
        websocketProvider: socket,
        name: names[key],
        token: session.token,
        document: docs[key],
        onAuthenticationFailed: ({ reason }) => setRefusal(reason),
        // The server closes a seat's documents when the facilitator releases it for another device.
        onClose: ({ event }) => {
          if (event.reason === 'seat-released') setRefusal(event.reason);
        },
      });
      if (key === 'ballot') provider.on('unsyncedChanges', ({ number }: { number: number }) => setUnsynced(number));
      provider.attach();
      return provider;
    });
    const onStatus = ({ status: next }: { status: string }) => setStatus(next === 'connected' ? 'connected' : next === 'connecting' ? 'connecting' : 'offline');
    socket.on('status', onStatus);
    let frame = 0;
    const bump = () => {
      if (frame !== 0) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setVersion((value) => value + 1);
      });
    };
    for (const doc of Object.values(docs)) doc.on('update', bump);
    return () => {
      for (const doc of Object.values(docs)) doc.off('update', bump);
      cancelAnimationFrame(frame);
      socket.off('status', onStatus);
      for (const provider of providers) provider.destroy();
      socket.destroy();
      void local.destroy();
    };
  }, [docs, session]);

  return { ...docs, status, refusal, version, unsynced };
}
