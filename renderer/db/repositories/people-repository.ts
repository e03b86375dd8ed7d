import { respondentPath, surveyPath } from '../../../shared/surveys/survey-routes';
import type { Channel } from '../../../shared/domain/channel';
import { suggestContactLinks, type ContactLinkSuggestion } from '../../../shared/contacts/contact-link-suggestions';
import type { ContactFields, ContactImportWrites, ExistingContactKeys } from '../../../shared/contacts/contact-csv';
import { DAY_MS } from '../../../shared/domain/clock';
import { contactNameKey, normaliseEmail, type Contact } from '../../../shared/domain/contact';
import { mergeContacts, replacePersonId, type MergeChoices } from '../../../shared/domain/contact-merge';
import type { Note } from '../../../shared/domain/note';
import type { PlannedChat } from '../../../shared/domain/planned-chat';
import { anotherAskWarning, countResearchLoad, isAskChannel, type Ask, type ResearchBudget, type ResearchLoad } from '../../../shared/domain/research-load';
import type { SurveyResponse } from '../../../shared/domain/survey';
import type { Workshop } from '../../../shared/domain/workshop';
import type { DiscoveryDb } from '../discovery-db';
import { readNoteCounts } from './note-counts';
import { createNotesRepository } from './notes-repository';
import { createSettingsRepository } from './settings-repository';
import { randomId, systemClock, type RepositoryDependencies } from './repository-dependencies';
import { writeTransaction } from './write-transaction';
import { UserError } from '../../../shared/errors/user-error';

/** One thing in a person's or team's history; `href` opens its source. */
export interface HistoryEntry {
  readonly kind: 'note' | 'survey' | 'workshop';
  readonly id: string;
  readonly title: string;
  readonly at: number;
  /** The note's channel; absent for surveys and workshops. */
  readonly channel?: Channel;
  /** Who took part, for team histories. */
  readonly people?: readonly string[];
  readonly href: string;
}

/** A person's or team's load, and when they were last asked (for cadence). */
export interface LoadSummary extends ResearchLoad {
  readonly lastAskedAt?: number;
}

/** How much points at a contact: what a merge rewrites or a deletion changes. */
export interface ContactImpact {
  readonly notes: number;
  readonly surveyResponses: number;
  readonly plannedChats: number;
  readonly workshops: number;
}

/** Everything a merge or deletion changed, as it was before: enough to undo it. */
export interface ContactChangeUndo {
  readonly contacts: readonly Contact[];
  /** Contacts the change created or kept, to remove or put back. */
  readonly contactIdsToRemove: readonly string[];
  readonly notes: readonly Note[];
  readonly surveyResponses: readonly SurveyResponse[];
  readonly plannedChats: readonly PlannedChat[];
  readonly plannedChatIdsToRemove: readonly string[];
  readonly workshops: readonly Workshop[];
}

export interface ContactChanges {
  readonly name?: string;
  /** `null` clears the field. */
  readonly email?: string | null;
  readonly team?: string | null;
  readonly role?: string | null;
  readonly organisation?: string | null;
  readonly cadenceDays?: number | null;
}

export interface DirectoryQuery {
  readonly search?: string;
  readonly team?: string;
  readonly organisation?: string;
}

/** A group of contacts: a team or an organisation, with how many contacts and notes name it. */
export interface GroupSummary {
  readonly name: string;
  readonly contacts: number;
  /** Notes tagged with it (kept counts; 0 before they are built). */
  readonly notes: number;
}

/** Respondents of a file being imported who answered other surveys recently, per survey. */
export interface RecentlySurveyed {
  readonly windowDays: number;
  /** Matched respondents who answered any survey in the window. */
  readonly people: number;
  readonly surveys: readonly {
    readonly surveyId: string;
    readonly title: string;
    readonly people: number;
    /** Matched respondents who answered some other survey in the window (when this one is the survey being re-imported). */
    readonly peopleInOthers: number;
  }[];
}

/** How often each person may be surveyed is judged over this window. */
export const RESURVEY_WINDOW_DAYS = 90;

export interface PeopleRepository {
  /** Contacts matching a search (name or email prefix) and filters, in name order; at most `limit`. */
  findContacts(query: DirectoryQuery, limit: number, isDescending?: boolean): Promise<{ readonly contacts: readonly Contact[]; readonly isComplete: boolean }>;
  /** The research load of each contact, counted through the indexes; `excludeNoteId` leaves a note being edited out. */
  loadOfPeople(contactIds: readonly string[], now: number, excludeNoteId?: string): Promise<ReadonlyMap<string, LoadSummary>>;
  loadOfTeam(team: string, now: number): Promise<LoadSummary>;
  /** Notes naming the person, the surveys they answered and the workshops they were in, newest first. */
  historyOfPerson(contactId: string): Promise<readonly HistoryEntry[]>;
  /** Notes tagged with the team (or organisation) or naming its members, their surveys and workshops, newest first. */
  historyOfGroup(field: 'team' | 'organisation', value: string, limit: number): Promise<readonly HistoryEntry[]>;
  teams(): Promise<readonly GroupSummary[]>;
  /** The team, role and organisation the person's notes and survey answers say, for fields left empty. */
  linkSuggestions(contactId: string): Promise<readonly ContactLinkSuggestion[]>;
  countContacts(): Promise<number>;
  organisations(): Promise<readonly GroupSummary[]>;
  membersOf(field: 'team' | 'organisation', value: string): Promise<readonly Contact[]>;
  update(contactId: string, changes: ContactChanges): Promise<Contact | undefined>;
  /** A warning with the numbers for each of these people whom one more ask would put over the budget. */
  askWarnings(contactIds: readonly string[], now: number, excludeNoteId?: string): Promise<readonly string[]>;
  /**
   * Everyone and every team asked in the last 90 days with their load, most asked first: walks
   * only the 90-day range of the date index and the surveys imported since.
   */
  recentLoads(now: number): Promise<{ readonly people: readonly (LoadSummary & { readonly contact: Contact })[]; readonly teams: readonly (LoadSummary & { readonly team: string })[] }>;
  /**
   * Which of these respondents (matched to contacts by email, else by name when they give no email)
   * answered a survey imported in the last 90 days; reads only those surveys' responses.
   */
  recentlySurveyed(respondents: readonly { readonly email?: string; readonly name?: string }[], now: number): Promise<RecentlySurveyed>;
  /** The budget the user set, or the default. */
  budget(): Promise<ResearchBudget>;
  /** Contacts with a cadence, with when they were last asked. */
  cadenceContacts(now: number): Promise<readonly { readonly contact: Contact; readonly lastAskedAt?: number }[]>;
  impactOf(contactId: string): Promise<ContactImpact>;
  /** Folds `removedId` into `keptId` in one transaction: every note, response, planned chat and workshop is rewritten. */
  merge(keptId: string, removedId: string, choices: MergeChoices): Promise<ContactChangeUndo>;
  /** Deletes a contact, taking them out of notes (kept), responses (kept, anonymous), planned chats (removed) and workshops. */
  delete(contactId: string): Promise<ContactChangeUndo>;
  /** Puts back everything a merge or deletion changed. */
  undo(change: ContactChangeUndo): Promise<void>;
  /** The stored contacts with these emails or name keys, for duplicate detection. */
  existingKeys(emails: readonly string[], nameKeys: readonly string[]): Promise<ExistingContactKeys>;
  /**
   * Writes an import's contacts all at once or not at all, in chunks within one transaction: progress
   * after each, and an aborted `signal` stops it with ContactImportCancelledError, leaving nothing.
   */
  importContacts(writes: ContactImportWrites, options?: ContactImportOptions): Promise<{ readonly created: number; readonly updated: number }>;
}

export interface ContactImportOptions {
  readonly signal?: AbortSignal;
  /** Contacts written so far of all to write (created and updated). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A contact import stopped by its signal; the transaction was aborted, so nothing was written. */
export class ContactImportCancelledError extends Error {
  override readonly name = 'ContactImportCancelledError';

  constructor() {
    super('The import was cancelled; nothing was written.');
  }
}

/** Contacts written between two progress reports and cancellation checks. */
const IMPORT_CHUNK = 2_000;

const NAME_INDEX = '[nameKey+id]';
const NAME_LOOKUPS_BEFORE_SCAN = 200;

export function createPeopleRepository(db: DiscoveryDb, dependencies: RepositoryDependencies = {}): PeopleRepository {
  const { clock = systemClock, newId = randomId } = dependencies;
  const notes = createNotesRepository(db, dependencies);
  const settings = createSettingsRepository(db);

  async function asksOfNotes(noteIds: Iterable<string>, excludeNoteId?: string): Promise<Ask[]> {
    const ids = [...noteIds].filter((id) => id !== excludeNoteId);
    const rows = await db.notes.bulkGet(ids);
    return rows.flatMap((note) => (note !== undefined && isAskChannel(note.channel) ? [{ kind: 'note', sourceId: note.id, at: note.occurredAt } satisfies Ask] : []));
  }

  async function asksOfResponses(responses: readonly SurveyResponse[]): Promise<Ask[]> {
    const surveyIds = [...new Set(responses.map((response) => response.surveyId))];
    const surveys = await db.surveys.bulkGet(surveyIds);
    const importedAt = new Map(surveys.flatMap((survey) => (survey === undefined ? [] : [[survey.id, survey.importedAt] as const])));
    return responses.map((response) => ({ kind: 'survey', sourceId: response.surveyId, at: response.submittedAt ?? importedAt.get(response.surveyId) ?? 0 }));
  }

  function summarise(asks: readonly Ask[], now: number): LoadSummary {
    const load = countResearchLoad(asks, now);
    const past = asks.filter((ask) => ask.at <= now).map((ask) => ask.at);
    return past.length === 0 ? load : { ...load, lastAskedAt: Math.max(...past) };
  }

  async function workshopsWith(contactIds: ReadonlySet<string>): Promise<Workshop[]> {
    const all = await db.workshops.toArray();
    return all.filter((workshop) => workshop.participants.some((participant) => participant.contactId !== undefined && contactIds.has(participant.contactId)));
  }

  async function historyOf(noteIds: readonly string[], responses: readonly SurveyResponse[], workshops: readonly Workshop[], limit: number): Promise<HistoryEntry[]> {
    const rows = await db.notes.bulkGet([...noteIds]);
    const surveyIds = [...new Set(responses.map((response) => response.surveyId))];
    const surveys = await db.surveys.bulkGet(surveyIds);
    const names = new Map<string, string>();
    const personIds = new Set(rows.flatMap((note) => note?.personIds ?? []));
    for (const contact of await db.contacts.bulkGet([...personIds])) if (contact) names.set(contact.id, contact.name);
    const entries: HistoryEntry[] = [];
    for (const note of rows) {
      if (note === undefined) continue;
      entries.push({
        kind: 'note',
        id: note.id,
        title: note.title.trim() || 'Untitled note',
        at: note.occurredAt,
        channel: note.channel,
        people: note.personIds.flatMap((id) => names.get(id) ?? []),
        href: `/discovery/notes/${note.id}`,
      });
    }
    for (const survey of surveys) {
      if (survey === undefined) continue;
      const answered = responses.filter((response) => response.surveyId === survey.id);
      const at = Math.max(...answered.map((response) => response.submittedAt ?? survey.importedAt));
      // The person's own response opens (their whole response), not only the survey's results.
      const own = answered[0];
      entries.push({ kind: 'survey', id: survey.id, title: survey.title, at, href: own === undefined ? surveyPath(survey.id) : respondentPath(survey.id, own.id) });
    }
    for (const workshop of workshops) {
      entries.push({ kind: 'workshop', id: workshop.id, title: 'Prioritization workshop', at: workshop.createdAt, href: `/board/${workshop.roundId}` });
    }
    return entries.sort((a, b) => b.at - a.at || a.id.localeCompare(b.id)).slice(0, limit);
  }

  async function groupSources(field: 'team' | 'organisation', value: string) {
    const members = await db.contacts.where(field).equals(value).toArray();
    const memberIds = members.map((member) => member.id);
    const [tagged, mentioning, responses] = await Promise.all([
      db.notes.where(field === 'team' ? 'teams' : 'organisation').equals(value).primaryKeys(),
      memberIds.length === 0 ? Promise.resolve([]) : db.notes.where('personIds').anyOf(memberIds).primaryKeys(),
      memberIds.length === 0 ? Promise.resolve([]) : db.surveyResponses.where('contactId').anyOf(memberIds).toArray(),
    ]);
    return { members, noteIds: [...new Set([...tagged, ...mentioning])], responses };
  }

  async function groups(field: 'team' | 'organisation'): Promise<GroupSummary[]> {
    const counts = new Map<string, number>();
    for (const key of await db.contacts.orderBy(field).keys()) if (typeof key === 'string' && key !== '') counts.set(key, (counts.get(key) ?? 0) + 1);
    // Groups named only on notes come from the kept note counts, never from walking the notes.
    const kept = await readNoteCounts(db);
    const noteCounts = (field === 'team' ? kept?.teams : kept?.organisations) ?? new Map<string, number>();
    const names = new Set([...counts.keys(), ...noteCounts.keys()]);
    return [...names].map((name) => ({ name, contacts: counts.get(name) ?? 0, notes: noteCounts.get(name) ?? 0 })).sort((a, b) => a.name.localeCompare(b.name));
  }

  async function rewriteReferences(fromId: string, toId: string | undefined): Promise<Omit<ContactChangeUndo, 'contacts' | 'contactIdsToRemove' | 'plannedChatIdsToRemove'>> {
    const noteIds = await db.notes.where('personIds').equals(fromId).primaryKeys();
    const before = (await db.notes.bulkGet(noteIds)).filter((note): note is Note => note !== undefined);
    for (const note of before) {
      const personIds = toId === undefined ? note.personIds.filter((id) => id !== fromId) : replacePersonId(note.personIds, fromId, toId);
      // Through the notes repository: counts, cleaning and updatedAt (which the search index follows) stay right.
      await notes.update(note.id, { personIds });
    }
    const responses = await db.surveyResponses.where('contactId').equals(fromId).toArray();
    for (const response of responses) {
      const { contactId: _dropped, ...rest } = response;
      await db.surveyResponses.put(toId === undefined ? rest : { ...rest, contactId: toId });
    }
    const chats = await db.plannedChats.where('contactId').equals(fromId).toArray();
    const now = clock();
    if (toId === undefined) await db.plannedChats.bulkDelete(chats.map((chat) => chat.id));
    else await db.plannedChats.bulkPut(chats.map((chat) => ({ ...chat, contactId: toId, updatedAt: now })));
    const workshops = await workshopsWith(new Set([fromId]));
    for (const workshop of workshops) {
      const participants = workshop.participants.map((participant) => {
        if (participant.contactId !== fromId) return participant;
        const { contactId: _dropped, ...rest } = participant;
        return toId === undefined ? rest : { ...rest, contactId: toId };
      });
      await db.workshops.put({ ...workshop, participants, updatedAt: now });
    }
    return { notes: before, surveyResponses: responses, plannedChats: chats, workshops };
  }

  function loadOfPeople(contactIds: readonly string[], now: number, excludeNoteId?: string): Promise<ReadonlyMap<string, LoadSummary>> {
    return db.transaction('r', [db.notes, db.surveys, db.surveyResponses], async () => {
      const result = new Map<string, LoadSummary>();
      for (const contactId of new Set(contactIds)) {
        const noteIds = await db.notes.where('personIds').equals(contactId).primaryKeys();
        const responses = await db.surveyResponses.where('contactId').equals(contactId).toArray();
        result.set(contactId, summarise([...(await asksOfNotes(noteIds, excludeNoteId)), ...(await asksOfResponses(responses))], now));
      }
      return result;
    });
  }

  const ALL_TABLES = () => [db.contacts, db.notes, db.meta, db.surveyResponses, db.plannedChats, db.workshops];

  return {
    async findContacts({ search = '', team, organisation }, limit, isDescending = false) {
      const key = contactNameKey(search);
      let candidates: Contact[];
      if (team !== undefined || organisation !== undefined) {
        const base = team !== undefined ? db.contacts.where('team').equals(team) : db.contacts.where('organisation').equals(organisation ?? '');
        candidates = (await base.toArray()).filter(
          (contact) =>
            (organisation === undefined || contact.organisation === organisation) &&
            (key === '' || contact.nameKey.startsWith(key) || (contact.email ?? '').startsWith(key)),
        );
        candidates.sort((a, b) => a.nameKey.localeCompare(b.nameKey) || a.id.localeCompare(b.id));
      } else if (key === '') {
        const ordered = db.contacts.orderBy(NAME_INDEX);
        return limited(await (isDescending ? ordered.reverse() : ordered).limit(limit + 1).toArray(), limit);
      } else {
        const [byName, byEmail] = await Promise.all([
          db.contacts.where(NAME_INDEX).between([key, ''], [`${key}\uffff`, ''], true, false).limit(limit + 1).toArray(),
          db.contacts.where('email').startsWith(normaliseEmail(search)).limit(limit + 1).toArray(),
        ]);
        const seen = new Set(byName.map((contact) => contact.id));
        candidates = [...byName, ...byEmail.filter((contact) => !seen.has(contact.id))];
        candidates.sort((a, b) => a.nameKey.localeCompare(b.nameKey) || a.id.localeCompare(b.id));
      }
      if (isDescending) candidates.reverse();
      return limited(candidates, limit);
    },

    loadOfPeople,

    async loadOfTeam(team, now) {
      return db.transaction('r', [db.notes, db.contacts, db.surveys, db.surveyResponses], async () => {
        const { noteIds, responses } = await groupSources('team', team);
        // Each member's answer to a survey took that member's time: one ask per response.
        const responseAsks = (await asksOfResponses(responses)).map((ask, index) => ({ ...ask, sourceId: `${ask.sourceId}:${responses[index]?.id ?? index}` }));
        return summarise([...(await asksOfNotes(noteIds)), ...responseAsks], now);
      });
    },

    async linkSuggestions(contactId) {
      return db.transaction('r', [db.notes, db.contacts, db.surveyQuestions, db.surveyResponses], async () => {
        const contact = await db.contacts.get(contactId);
        if (contact === undefined) return [];
        const notes = await db.notes.where('personIds').equals(contactId).toArray();
        const responses = await db.surveyResponses.where('contactId').equals(contactId).toArray();
        const questions = await Promise.all(
          [...new Set(responses.map((response) => response.surveyId))].map((surveyId) =>
            db.surveyQuestions.where('[surveyId+position]').between([surveyId, -Infinity], [surveyId, Infinity], true, true).toArray(),
          ),
        );
        const textOf = new Map(questions.flat().map((question) => [question.id, question.text]));
        const answers = responses.flatMap((response) =>
          Object.entries(response.answers).flatMap(([questionId, answer]) => {
            const questionText = textOf.get(questionId);
            return questionText === undefined ? [] : [{ questionText, answer }];
          }),
        );
        return suggestContactLinks(contact, notes, answers);
      });
    },

    async historyOfPerson(contactId) {
      return db.transaction('r', [db.notes, db.contacts, db.surveys, db.surveyResponses, db.workshops], async () => {
        const noteIds = await db.notes.where('personIds').equals(contactId).primaryKeys();
        const responses = await db.surveyResponses.where('contactId').equals(contactId).toArray();
        return historyOf(noteIds, responses, await workshopsWith(new Set([contactId])), Number.MAX_SAFE_INTEGER);
      });
    },

    async historyOfGroup(field, value, limit) {
      return db.transaction('r', [db.notes, db.contacts, db.surveys, db.surveyResponses, db.workshops], async () => {
        const { members, noteIds, responses } = await groupSources(field, value);
        return historyOf(noteIds, responses, await workshopsWith(new Set(members.map((member) => member.id))), limit);
      });
    },

    teams: () => groups('team'),
    countContacts: () => db.contacts.count(),
    organisations: () => groups('organisation'),

    async membersOf(field, value) {
      const rows = await db.contacts.where(field).equals(value).toArray();
      return rows.sort((a, b) => a.nameKey.localeCompare(b.nameKey));
    },

    update(contactId, changes) {
      return writeTransaction(db, [db.contacts], async () => {
        const existing = await db.contacts.get(contactId);
        if (existing === undefined) return undefined;
        const name = changes.name === undefined ? existing.name : changes.name.trim().replace(/\s+/g, ' ');
        if (name === '') throw new UserError('A contact needs a name.');
        const text = (field: 'email' | 'team' | 'role' | 'organisation'): string | undefined => {
          const change = changes[field];
          const value = change === undefined ? existing[field] : change === null ? undefined : change.trim();
          if (value === undefined || value === '') return undefined;
          return field === 'email' ? normaliseEmail(value) : value;
        };
        const cadence = changes.cadenceDays === undefined ? existing.cadenceDays : (changes.cadenceDays ?? undefined);
        if (cadence !== undefined && (!Number.isInteger(cadence) || cadence < 1)) throw new UserError('Meet every: a whole number of days, 1 or more.');
        const optional = (['email', 'team', 'role', 'organisation'] as const).flatMap((field) => {
          const value = text(field);
          return value === undefined ? [] : [[field, value] as const];
        });
        const contact: Contact = {
          id: existing.id,
          name,
          nameKey: contactNameKey(name),
          ...Object.fromEntries(optional),
          ...(cadence === undefined ? {} : { cadenceDays: cadence }),
          createdAt: existing.createdAt,
          updatedAt: clock(),
        };
        await db.contacts.put(contact);
        return contact;
      });
    },

    async askWarnings(contactIds, now, excludeNoteId) {
      if (contactIds.length === 0) return [];
      const [loads, budget, people] = await Promise.all([loadOfPeople(contactIds, now, excludeNoteId), settings.get('researchBudget'), db.contacts.bulkGet([...contactIds])]);
      return people.flatMap((person) => {
        const load = person === undefined ? undefined : loads.get(person.id);
        const warning = person === undefined || load === undefined ? null : anotherAskWarning(person.name, load, budget);
        return warning === null ? [] : [warning];
      });
    },

    budget: () => settings.get('researchBudget'),

    async recentlySurveyed(respondents, now) {
      return db.transaction('r', [db.contacts, db.surveys, db.surveyResponses], async () => {
        const empty: RecentlySurveyed = { windowDays: RESURVEY_WINDOW_DAYS, people: 0, surveys: [] };
        const surveys = await db.surveys.where('importedAt').aboveOrEqual(now - RESURVEY_WINDOW_DAYS * DAY_MS).reverse().toArray();
        if (surveys.length === 0 || respondents.length === 0) return empty;
        const emails = [...new Set(respondents.flatMap((respondent) => (respondent.email ? [normaliseEmail(respondent.email)] : [])))];
        const names = [...new Set(respondents.flatMap((respondent) => (!respondent.email && respondent.name ? [contactNameKey(respondent.name)] : [])))];
        const matched = new Set<string>();
        for (const contact of await db.contacts.where('email').anyOf(emails).toArray()) matched.add(contact.id);
        for (const nameKey of names) {
          const first = await db.contacts.where(NAME_INDEX).between([nameKey, ''], [nameKey, '\uffff'], true, true).first();
          if (first !== undefined) matched.add(first.id);
        }
        if (matched.size === 0) return empty;
        const bySurvey = new Map<string, Set<string>>();
        for (const survey of surveys) {
          const people = new Set<string>();
          await db.surveyResponses
            .where('[surveyId+respondentKey]')
            .between([survey.id, ''], [survey.id, '\uffff'], true, true)
            .each((response) => {
              if (response.contactId !== undefined && matched.has(response.contactId)) people.add(response.contactId);
            });
          if (people.size > 0) bySurvey.set(survey.id, people);
        }
        const union = (except?: string) => new Set([...bySurvey].flatMap(([id, people]) => (id === except ? [] : [...people]))).size;
        return {
          windowDays: RESURVEY_WINDOW_DAYS,
          people: union(),
          surveys: surveys.flatMap((survey) => {
            const people = bySurvey.get(survey.id);
            return people === undefined ? [] : [{ surveyId: survey.id, title: survey.title, people: people.size, peopleInOthers: union(survey.id) }];
          }),
        };
      });
    },

    async recentLoads(now) {
      return db.transaction('r', [db.notes, db.contacts, db.surveys, db.surveyResponses], async () => {
        const since = now - 90 * DAY_MS;
        const byPerson = new Map<string, Ask[]>();
        const byTeam = new Map<string, Ask[]>();
        const add = (map: Map<string, Ask[]>, key: string, ask: Ask) => map.set(key, [...(map.get(key) ?? []), ask]);
        const recent = await db.notes.where('[occurredAt+id]').between([since, -Infinity], [now, []], true, true).toArray();
        const personTeams = new Map<string, string | undefined>();
        const recentNotes = recent.filter((note) => isAskChannel(note.channel));
        const personIds = [...new Set(recentNotes.flatMap((note) => note.personIds))];
        const surveys = await db.surveys.where('importedAt').aboveOrEqual(since).toArray();
        const responses = (
          await Promise.all(surveys.map((survey) => db.surveyResponses.where('[surveyId+respondentKey]').between([survey.id, ''], [survey.id, '\uffff'], true, true).toArray()))
        ).flat();
        const importedAt = new Map(surveys.map((survey) => [survey.id, survey.importedAt]));
        const responseContacts = responses.flatMap((response) => response.contactId ?? []);
        for (const contact of await db.contacts.bulkGet([...new Set([...personIds, ...responseContacts])])) if (contact) personTeams.set(contact.id, contact.team);
        for (const note of recentNotes) {
          const ask: Ask = { kind: 'note', sourceId: note.id, at: note.occurredAt };
          for (const id of note.personIds) add(byPerson, id, ask);
          const teams = new Set([...note.teams, ...note.personIds.flatMap((id) => personTeams.get(id) ?? [])]);
          for (const team of teams) add(byTeam, team, ask);
        }
        for (const response of responses) {
          if (response.contactId === undefined) continue;
          const at = response.submittedAt ?? importedAt.get(response.surveyId) ?? 0;
          add(byPerson, response.contactId, { kind: 'survey', sourceId: response.surveyId, at });
          const team = personTeams.get(response.contactId);
          if (team !== undefined) add(byTeam, team, { kind: 'survey', sourceId: `${response.surveyId}:${response.id}`, at });
        }
        const contacts = await db.contacts.bulkGet([...byPerson.keys()]);
        const peopleLoads = contacts.flatMap((contact) => (contact === undefined ? [] : [{ contact, ...summarise(byPerson.get(contact.id) ?? [], now) }]));
        const teamLoads = [...byTeam].map(([team, asks]) => ({ team, ...summarise(asks, now) }));
        const byLoad = (a: ResearchLoad, b: ResearchLoad) => b.last30 - a.last30 || b.last90 - a.last90;
        return { people: peopleLoads.sort(byLoad), teams: teamLoads.sort(byLoad) };
      });
    },

    async cadenceContacts(now) {
      const withCadence = await db.contacts.filter((contact) => contact.cadenceDays !== undefined).toArray();
      const loads = await loadOfPeople(
        withCadence.map((contact) => contact.id),
        now,
      );
      return withCadence.map((contact) => {
        const lastAskedAt = loads.get(contact.id)?.lastAskedAt;
        return lastAskedAt === undefined ? { contact } : { contact, lastAskedAt };
      });
    },

    async impactOf(contactId) {
      return db.transaction('r', [db.notes, db.surveyResponses, db.plannedChats, db.workshops], async () => {
        const [noteCount, responses, chats, workshops] = await Promise.all([
          db.notes.where('personIds').equals(contactId).count(),
          db.surveyResponses.where('contactId').equals(contactId).count(),
          db.plannedChats.where('contactId').equals(contactId).count(),
          workshopsWith(new Set([contactId])),
        ]);
        return { notes: noteCount, surveyResponses: responses, plannedChats: chats, workshops: workshops.length };
      });
    },

    merge(keptId, removedId, choices) {
      if (keptId === removedId) return Promise.reject(new RangeError('Choose two different contacts to merge.'));
      return writeTransaction(db, ALL_TABLES(), async () => {
        const [kept, removed] = await Promise.all([db.contacts.get(keptId), db.contacts.get(removedId)]);
        if (kept === undefined || removed === undefined) throw new UserError('One of the two contacts no longer exists.');
        const changed = await rewriteReferences(removedId, keptId);
        await db.contacts.put(mergeContacts(kept, removed, choices, clock()));
        await db.contacts.delete(removedId);
        return { ...changed, contacts: [kept, removed], contactIdsToRemove: [], plannedChatIdsToRemove: [] };
      });
    },

    delete(contactId) {
      return writeTransaction(db, ALL_TABLES(), async () => {
        const contact = await db.contacts.get(contactId);
        if (contact === undefined) throw new UserError('This contact no longer exists.');
        const changed = await rewriteReferences(contactId, undefined);
        await db.contacts.delete(contactId);
        return { ...changed, contacts: [contact], contactIdsToRemove: [], plannedChatIdsToRemove: [] };
      });
    },

    undo(change) {
      return writeTransaction(db, ALL_TABLES(), async () => {
        await db.contacts.bulkDelete([...change.contactIdsToRemove]);
        await db.contacts.bulkPut([...change.contacts]);
        for (const note of change.notes) await notes.update(note.id, { personIds: note.personIds });
        await db.surveyResponses.bulkPut([...change.surveyResponses]);
        await db.plannedChats.bulkDelete([...change.plannedChatIdsToRemove]);
        await db.plannedChats.bulkPut([...change.plannedChats]);
        await db.workshops.bulkPut([...change.workshops]);
      });
    },

    async existingKeys(emails, nameKeys) {
      return db.transaction('r', db.contacts, async () => {
        const byEmail = new Map<string, string>();
        const byNameKey = new Map<string, string>();
        for (const contact of await db.contacts.where('email').anyOf([...emails]).toArray()) if (contact.email) byEmail.set(contact.email, contact.id);
        if (nameKeys.length > NAME_LOOKUPS_BEFORE_SCAN) {
          // One walk over the name index's keys beats thousands of separate lookups.
          const wanted = new Set(nameKeys);
          for (const key of await db.contacts.orderBy(NAME_INDEX).keys()) {
            if (!Array.isArray(key)) continue;
            const [nameKey, id] = key;
            if (typeof nameKey === 'string' && typeof id === 'string' && wanted.has(nameKey) && !byNameKey.has(nameKey)) byNameKey.set(nameKey, id);
          }
          return { byEmail, byNameKey };
        }
        for (const nameKey of nameKeys) {
          const first = await db.contacts.where(NAME_INDEX).between([nameKey, ''], [nameKey, '\uffff'], true, true).first();
          if (first !== undefined) byNameKey.set(nameKey, first.id);
        }
        return { byEmail, byNameKey };
      });
    },

    async importContacts({ create, update }, { signal, onProgress } = {}) {
      const now = clock();
      const total = create.length + update.length;
      const checkCancelled = () => {
        if (signal?.aborted === true) throw new ContactImportCancelledError();
      };
      checkCancelled();
      return writeTransaction(db, [db.contacts], async () => {
        const added = create.map((fields) => toContact(newId(), fields, now, now));
        for (let at = 0; at < added.length; at += IMPORT_CHUNK) {
          await db.contacts.bulkAdd(added.slice(at, at + IMPORT_CHUNK));
          onProgress?.(Math.min(at + IMPORT_CHUNK, added.length), total);
          checkCancelled();
        }
        let updated = 0;
        for (const [index, { contactId, fields }] of update.entries()) {
          const existing = await db.contacts.get(contactId);
          if (existing !== undefined) {
            const merged = toContact(existing.id, { ...withoutEmpty(existing), ...fields }, existing.createdAt, now);
            await db.contacts.put(existing.cadenceDays === undefined ? merged : { ...merged, cadenceDays: existing.cadenceDays });
            updated += 1;
          }
          if ((index + 1) % IMPORT_CHUNK === 0 || index === update.length - 1) {
            onProgress?.(added.length + index + 1, total);
            checkCancelled();
          }
        }
        return { created: added.length, updated };
      });
    },
  };
}

function limited(contacts: readonly Contact[], limit: number): { readonly contacts: readonly Contact[]; readonly isComplete: boolean } {
  return { contacts: contacts.slice(0, limit), isComplete: contacts.length <= limit };
}

function withoutEmpty(contact: Contact): ContactFields {
  return {
    name: contact.name,
    ...(contact.email ? { email: contact.email } : {}),
    ...(contact.team ? { team: contact.team } : {}),
    ...(contact.role ? { role: contact.role } : {}),
    ...(contact.organisation ? { organisation: contact.organisation } : {}),
  };
}

function toContact(id: string, fields: ContactFields, createdAt: number, updatedAt: number): Contact {
  const email = fields.email === undefined ? '' : normaliseEmail(fields.email);
  return {
    id,
    name: fields.name,
    nameKey: contactNameKey(fields.name),
    ...(email === '' ? {} : { email }),
    ...(fields.team ? { team: fields.team } : {}),
    ...(fields.role ? { role: fields.role } : {}),
    ...(fields.organisation ? { organisation: fields.organisation } : {}),
    createdAt,
    updatedAt,
  };
}
