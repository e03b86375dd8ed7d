import type { ImmediatePainSplit } from '../../../shared/domain/immediate-pain-split';

const formatPercent = (value: number) => `${Math.round(value)}%`;
const formatWeeks = (weeks: number) => `${Number(weeks.toFixed(1)).toLocaleString()} person-${weeks === 1 ? 'week' : 'weeks'}`;

/** The live split of planned effort between immediate user pain and the vision, against the target. */
export function SplitMeter({ split }: { readonly split: ImmediatePainSplit }) {
  const { immediatePercent, targetPercent, driftPoints, isDrifting } = split;
  const visionTarget = 100 - targetPercent;
  const valueText =
    immediatePercent === null
      ? 'Nothing planned yet'
      : `${formatPercent(immediatePercent)} immediate user pain, ${formatPercent(100 - immediatePercent)} vision; target ${targetPercent}/${visionTarget}`;
  return (
    <div className={`split${isDrifting ? ' split--drifting' : ''}`}>
      <div className="split__labels">
        <span>
          <strong>Immediate user pain</strong> {immediatePercent === null ? '–' : formatPercent(immediatePercent)} ({formatWeeks(split.immediateWeeks)})
        </span>
        <span>
          <strong>Vision</strong> {immediatePercent === null ? '–' : formatPercent(100 - immediatePercent)} ({formatWeeks(split.visionWeeks)})
        </span>
      </div>
      <div
        className="split__bar"
        role="meter"
        aria-label="Share of planned effort on immediate user pain"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={immediatePercent === null ? 0 : Math.round(immediatePercent)}
        aria-valuetext={valueText}
      >
        <span className="split__fill" style={{ width: `${immediatePercent ?? 0}%` }} />
        <span className="split__target" style={{ left: `${targetPercent}%` }} title={`Target ${targetPercent}/${visionTarget}`} />
      </div>
      <p className={`split__status${isDrifting ? ' split__status--drifting' : ''}`} role="status">
        {immediatePercent === null || driftPoints === null
          ? `Nothing planned yet. Target: ${targetPercent}/${visionTarget}.`
          : isDrifting
            ? `Drifting: ${formatPercent(immediatePercent)} on immediate user pain against a ${targetPercent}% target (${Math.round(Math.abs(driftPoints))} points ${driftPoints > 0 ? 'over' : 'under'}).`
            : `On target: ${formatPercent(immediatePercent)} on immediate user pain against a ${targetPercent}% target.`}
      </p>
    </div>
  );
}
