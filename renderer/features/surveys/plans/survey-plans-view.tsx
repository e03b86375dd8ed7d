/** Survey plans: draft questions, length and quantification warnings, reviewers' sign-off. */
export function SurveyPlansView() {
  return <p className="muted">Survey plans are being built.</p>;
}
