/** The imported surveys, the import, and each survey's results. */
export function SurveysHome() {
  return <p className="muted">Survey import is being built.</p>;
}
