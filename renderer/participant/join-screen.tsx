import { useState, type FormEvent } from 'react';
import { liveNameProblem } from '../../shared/live-workshop/join-code';
import { requestJoin, type ParticipantSession } from './participant-session';

interface Props {
  readonly notice: string | null;
  readonly onJoined: (session: ParticipantSession) => void;
}

/** Type the code from the projector, then your name or pick it from the workshop's list. */
export function JoinScreen({ notice, onJoined }: Props) {
  const [code, setCode] = useState(() => new URLSearchParams(location.search).get('code') ?? '');
  const [names, setNames] = useState<readonly { readonly id: string; readonly name: string }[] | null>(null);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const send = async (body: { code: string; name?: string; participantId?: string }) => {
    setIsBusy(true);
    const answer = await requestJoin(body);
    setIsBusy(false);
    if (!answer.ok) return setProblem(answer.message ?? 'That did not work. Try again.');
    setProblem(null);
    if (answer.token && answer.workshopId && answer.participantId && answer.name) {
      onJoined({ token: answer.token, workshopId: answer.workshopId, participantId: answer.participantId, name: answer.name });
    } else setNames(answer.participants ?? []);
  };

  const checkCode = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim() === '') return setProblem('Type the code shown on the projector.');
    void send({ code });
  };

  const joinByName = (event: FormEvent) => {
    event.preventDefault();
    const nameProblem = liveNameProblem(name);
    if (nameProblem) return setProblem(nameProblem);
    void send({ code, name });
  };

  return (
    <section className="join panel" aria-label="Join the workshop">
      <h1>Join the workshop</h1>
      {notice && <p className="notice">{notice}</p>}
      {names === null ? (
        <form onSubmit={checkCode} className="join__form">
          <label className="field">
            <span className="field__label">Code from the projector</span>
            <input value={code} onChange={(event) => setCode(event.target.value)} autoComplete="off" autoCapitalize="characters" inputMode="text" maxLength={12} />
          </label>
          <button type="submit" className="button button--primary" disabled={isBusy}>
            Continue
          </button>
        </form>
      ) : (
        <>
          {names.length > 0 && (
            <div className="join__names">
              <p className="field__label">Pick your name</p>
              <ul>
                {names.map((participant) => (
                  <li key={participant.id}>
                    <button type="button" className="button" disabled={isBusy} onClick={() => void send({ code, participantId: participant.id })}>
                      {participant.name}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <form onSubmit={joinByName} className="join__form">
            <label className="field">
              <span className="field__label">{names.length > 0 ? 'Or type your name' : 'Your name'}</span>
              <input value={name} onChange={(event) => setName(event.target.value)} autoComplete="name" maxLength={60} />
            </label>
            <button type="submit" className="button button--primary" disabled={isBusy}>
              Join
            </button>
          </form>
        </>
      )}
      {problem && (
        <p className="field__problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
