import { Route, Routes, useParams } from 'react-router';
import { SectionTabs, type SectionTab } from '../../components/section-tabs';
import { SurveyPlansView } from './plans/survey-plans-view';
import { RespondentPage } from './respondent-page';
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
        <Route path=":surveyId/respondents/:responseId" element={<RespondentRoute />} />
        <Route path=":surveyId/*" element={<SurveysHome />} />
      </Routes>
    </div>
  );
}

function RespondentRoute() {
  const { surveyId = '', responseId = '' } = useParams();
  return <RespondentPage key={responseId} surveyId={surveyId} responseId={responseId} />;
}
