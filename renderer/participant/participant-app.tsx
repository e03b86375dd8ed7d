import { useState } from 'react';
import { loadSession, saveSession, type ParticipantSession } from './participant-session';
import { JoinScreen } from './join-screen';
import { WorkshopScreen } from './workshop-screen';

/** The page a participant opens from the projector's URL or QR code. */
export function ParticipantApp() {
  const [session, setSession] = useState<ParticipantSession | null>(loadSession);
  const [notice, setNotice] = useState<string | null>(null);
  const leave = (message: string) => {
    saveSession(null);
    setSession(null);
    setNotice(message);
  };
  return (
    <main className="participant">
      {session === null ? (
        <JoinScreen
          notice={notice}
          onJoined={(joined) => {
            saveSession(joined);
            setNotice(null);
            setSession(joined);
          }}
        />
      ) : (
        <WorkshopScreen session={session} onRefused={leave} />
      )}
    </main>
  );
}
