import { Link, Route, Routes, useLocation } from 'react-router';
import { SurveyPlansView } from './plans/survey-plans-view';
import { SurveysHome } from './surveys-home';
import './surveys.css';

const TABS = [
  { to: '/surveys', label: 'Surveys', isActive: (path: string) => !path.startsWith('/surveys/plans') },
  { to: '/surveys/plans', label: 'Survey plans', isActive: (path: string) => path.startsWith('/surveys/plans') },
] as const;

/** Surveys: imports with a preview, results per question, follow-ups; and plans for surveys still to send. */
export function SurveysScreen() {
  const { pathname } = useLocation();
  return (
    <div className="surveys">
      <nav className="tabs" aria-label="Survey views">
        {TABS.map((tab) => (
          <Link key={tab.to} to={tab.to} className="tabs__tab" aria-current={tab.isActive(pathname) ? 'page' : undefined}>
            {tab.label}
          </Link>
        ))}
      </nav>
      <Routes>
        <Route index element={<SurveysHome />} />
        <Route path="plans/*" element={<SurveyPlansView />} />
        <Route path=":surveyId/*" element={<SurveysHome />} />
      </Routes>
    </div>
  );
}
