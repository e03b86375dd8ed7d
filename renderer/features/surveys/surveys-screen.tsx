import { Route, Routes } from 'react-router';
import { SectionTabs, type SectionTab } from '../../components/section-tabs';
import { SurveyPlansView } from './plans/survey-plans-view';
import { SurveysHome } from './surveys-home';
import './surveys.css';

const TABS = [
  { to: '/surveys', label: 'Surveys', isActive: (path: string) => !path.startsWith('/surveys/plans') },
  { to: '/surveys/plans', label: 'Survey plans', isActive: (path: string) => path.startsWith('/surveys/plans') },
] as const satisfies readonly SectionTab[];

/** Surveys: imports with a preview, results per question, follow-ups; and plans for surveys still to send. */
export function SurveysScreen() {
  return (
    <div className="surveys">
      <SectionTabs label="Survey views" tabs={TABS} />
      <Routes>
        <Route index element={<SurveysHome />} />
        <Route path="plans/*" element={<SurveyPlansView />} />
        <Route path=":surveyId/*" element={<SurveysHome />} />
      </Routes>
    </div>
  );
}
