import { describe, expect, it } from 'vitest';
import { respondentFieldOfQuestion, suggestContactLinks } from '../../../shared/contacts/contact-link-suggestions';

describe('contact link suggestions', () => {
  it('suggests the team, role and organisation notes and survey answers say most, for empty fields only', () => {
    const notes = [{ teams: ['Payments'] }, { teams: ['Payments'], organisation: 'Acme' }, { teams: ['Checkout', 'Search'] }, { teams: ['Search'] }];
    const answers = [
      { questionText: 'Which team are you on?', answer: 'Payments' },
      { questionText: 'What is your role?', answer: 'SRE' },
      { questionText: 'How stable is CI?', answer: 4 },
    ];
    expect(suggestContactLinks({}, notes, answers)).toEqual([
      { field: 'team', value: 'Payments', count: 3, source: 'notes and surveys' },
      { field: 'role', value: 'SRE', count: 1, source: 'surveys' },
      { field: 'organisation', value: 'Acme', count: 1, source: 'notes' },
    ]);
    expect(suggestContactLinks({ team: 'Core', role: 'Lead' }, notes, answers).map((suggestion) => suggestion.field)).toEqual(['organisation']);
    expect(suggestContactLinks({}, [{ teams: ['A', 'B'] }], [])).toEqual([]);
  });

  it('knows which survey questions describe the respondent', () => {
    expect(respondentFieldOfQuestion('Which team are you on?')).toBe('team');
    expect(respondentFieldOfQuestion('Job title')).toBe('role');
    expect(respondentFieldOfQuestion('Department')).toBe('organisation');
    expect(respondentFieldOfQuestion('How often do deploys fail?')).toBeNull();
  });
});
