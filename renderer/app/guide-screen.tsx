import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { SAMPLE_TAG } from '../../shared/domain/sample-workspace';
import { useDatabase, useRepositories } from '../db';
import { userMessage } from '../errors/user-message';

const STEPS = [
  {
    title: 'Collect',
    to: '/discovery',
    link: 'Log a note in Discovery',
    text: 'Cast a broad net and judge nothing: coffee chats, email check-ins, surveys, discussion groups, SLA conversations, peer companies, research, open source, cloud vendors and brainstorms all land as unprioritized notes. Highlight the words that matter.',
  },
  {
    title: 'Prioritise',
    to: '/board',
    link: 'Start a round on the Board',
    text: 'A round takes a frozen snapshot of the notes. Group the cards into pain buckets, vote with dots, score blind, and rank. Plan the work against the 70/30 split between immediate pain and the vision.',
  },
  {
    title: 'Artifacts',
    to: '/artifacts',
    link: 'Write them under Artifacts',
    text: 'Each round gives a charter, an optimistic three-year vision and the prioritized user-pain list, every claim citing its notes. Export the whole pack as Markdown, HTML or PDF.',
  },
  {
    title: 'Validate',
    to: '/artifacts',
    link: 'Open Solution validation',
    text: 'For a pain bucket, list candidate solutions, check first whether something existing already solves it, then run cheap experiments designed to kill each one, with kill criteria locked before any result.',
  },
] as const;

/** Where a newcomer starts: the method in four steps, and a sample workspace to try it on. */
export function GuideScreen() {
  return (
    <div className="guide">
      <p className="muted guide__intro">Discovery Desk follows one method in four steps, in this order.</p>
      <ol className="guide__steps" aria-label="The method">
        {STEPS.map((step, index) => (
          <li key={step.title} className="panel guide__step">
            <h2 className="guide__step-title">
              <span className="guide__number" aria-hidden="true">
                {index + 1}
              </span>
              {step.title}
            </h2>
            <p>{step.text}</p>
            <Link to={step.to}>{step.link} →</Link>
          </li>
        ))}
      </ol>
      <SampleWorkspacePanel />
    </div>
  );
}

function SampleWorkspacePanel() {
  const { sample } = useRepositories();
  const { isReadOnly } = useDatabase();
  const isLoaded = useLiveQuery(() => sample.isLoaded(), [sample]);
  const [status, setStatus] = useState<{ readonly text: string; readonly isProblem: boolean } | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const run = async (action: () => Promise<string>, doing: string) => {
    setIsBusy(true);
    setStatus(null);
    try {
      setStatus({ text: await action(), isProblem: false });
    } catch (error) {
      setStatus({ text: `Not done: ${userMessage(error, doing)}`, isProblem: true });
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section className="panel guide__sample" aria-labelledby="sample-title">
      <h2 id="sample-title" className="guide__step-title">
        Try it on sample data
      </h2>
      <p>
        The sample workspace walks all four steps: a few notes and people, a small survey, a round with buckets, votes and a plan, and solutions under test. Every sample note is tagged “{SAMPLE_TAG}”, the round
        and survey are named “Sample”, and removing it takes out only sample records and what you added onto them (a solution under a sample bucket, a highlight in a sample note); your own notes, people,
        surveys and rounds stay as they are.
      </p>
      {isLoaded === undefined ? null : isLoaded ? (
        <p className="guide__actions">
          <span className="badge badge--warning">Sample workspace loaded</span>
          <Link to="/artifacts/sample-round/validation">Open the sample round’s solutions</Link>
          <button type="button" className="button" disabled={isBusy || isReadOnly} onClick={() => void run(async () => `Removed the sample workspace (${(await sample.remove()).toLocaleString()} records).`, 'removing the sample workspace')}>
            Remove the sample workspace
          </button>
        </p>
      ) : (
        <p className="guide__actions">
          <button type="button" className="button button--primary" disabled={isBusy || isReadOnly} onClick={() => void run(async () => (await sample.load(), 'Loaded the sample workspace.'), 'loading the sample workspace')}>
            Load the sample workspace
          </button>
        </p>
      )}
      {status !== null && (
        <p className={status.isProblem ? 'notice notice--error' : 'muted'} role={status.isProblem ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
