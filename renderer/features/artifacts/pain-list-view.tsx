import { Link } from 'react-router';
import type { Round } from '../../../shared/domain/round';
import { solutionKindLabel, type PainQuote } from '../../../shared/export/artifact-export-document';
import { usePainList } from './use-pain-list';

/** The prioritized user-pain list, built live from the board's ranking. */
export function PainListView({ round }: { readonly round: Round }) {
  const entries = usePainList(round.id);
  if (entries === undefined) return <p className="muted" role="status">Reading the board…</p>;
  return (
    <section className="artifact" aria-labelledby="pains-title">
      <header className="artifact__header">
        <div>
          <h2 id="pains-title" className="artifact__title">
            Prioritized user-pain list
          </h2>
          <p className="muted artifact__summary">Users’ active needs, in the board’s ranking, each with its evidence. It changes as the board changes.</p>
        </div>
      </header>
      {entries.length === 0 ? (
        <div className="empty-pane">
          <p className="empty-pane__title">No pain buckets in this round yet</p>
          <p>Cluster the evidence into buckets and rank them on the board.</p>
          <p>
            <Link className="button" to={`/board/${encodeURIComponent(round.id)}`}>
              Open the board
            </Link>
          </p>
        </div>
      ) : (
        <ol className="pain-list" aria-label="User pains">
          {entries.map((entry, index) => (
            <li key={`${entry.title}-${index}`} className="panel pain-list__item">
              <h3 className="pain-list__title">
                <span className={entry.rank === null ? 'pain-list__rank pain-list__rank--none' : 'pain-list__rank'}>{entry.rank === null ? 'Unranked' : `#${entry.rank}`}</span> {entry.title.trim() || 'Untitled bucket'}
              </h3>
              {entry.statement.trim() !== '' && <p className="pain-list__statement">{entry.statement}</p>}
              <dl className="pain-list__facts">
                <dt>Kind of solution</dt>
                <dd>{solutionKindLabel(entry.solutionKind)}</dd>
                <dt>Evidence</dt>
                <dd>
                  {entry.evidence.join(', ') || 'none yet'}
                  {entry.strength === undefined ? '' : ` · ${entry.strength}`}
                </dd>
                {entry.slaGaps.length > 0 && (
                  <>
                    <dt>SLA gaps</dt>
                    <dd>
                      <ul className="pain-list__gaps">
                        {entry.slaGaps.map((gap) => (
                          <li key={gap}>{gap}</li>
                        ))}
                      </ul>
                    </dd>
                  </>
                )}
              </dl>
              <Quotes heading="What users said" quotes={entry.quotes} />
              <Quotes heading="What the market and research say" quotes={entry.marketQuotes} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Quotes({ heading, quotes }: { readonly heading: string; readonly quotes: readonly PainQuote[] }) {
  if (quotes.length === 0) return null;
  return (
    <div className="pain-list__quotes" role="group" aria-label={heading}>
      <p className="pain-list__quotes-heading">{heading}</p>
      {quotes.map((quote, quoteIndex) => (
        <blockquote key={quoteIndex} className="pain-list__quote">
          {quote.text}
          <footer className="muted">— {quote.attribution}</footer>
        </blockquote>
      ))}
    </div>
  );
}
