import type { ReactNode } from 'react';

interface PlannedSectionProps {
  readonly intro: ReactNode;
  readonly planned: readonly string[];
}

/** An honest placeholder: says what this section will hold, and that it does not work yet. */
export function PlannedSection({ intro, planned }: PlannedSectionProps) {
  return (
    <section className="planned" aria-labelledby="planned-heading">
      <p className="planned__intro">{intro}</p>
      <div className="planned__card">
        <h2 id="planned-heading" className="planned__heading">
          Not built yet
        </h2>
        <p>Planned here; none of it works yet:</p>
        <ul>
          {planned.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}
