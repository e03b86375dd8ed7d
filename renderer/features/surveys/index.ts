export { SurveysScreen } from './surveys-screen';
