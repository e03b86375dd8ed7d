import { Route, Routes } from 'react-router';
import { SurveyPlanEditor } from './survey-plan-editor';
import { SurveyPlanList } from './survey-plan-list';
import './survey-plans.css';

/** Survey plans: draft questions, length and quantification warnings, reviewers' sign-off. */
export function SurveyPlansView() {
  return (
    <Routes>
      <Route index element={<SurveyPlanList />} />
      <Route path=":planId" element={<SurveyPlanEditor />} />
    </Routes>
  );
}
