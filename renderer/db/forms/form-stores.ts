import { bucketForm } from './bucket-form';
import { charterForm } from './charter-form';
import { contactForm } from './contact-form';
import { experimentForm } from './experiment-form';
import type { AnyFormStore, FormKind } from './form-store';
import { noteForm } from './note-form';
import { roundTargetForm } from './round-target-form';
import { solutionForm } from './solution-form';
import { surveyPlanForm } from './survey-plan-form';
import { visionForm } from './vision-form';
import { workshopVotesForm } from './workshop-votes-form';

// Each store only ever sees values its own parse() accepted, so forgetting the types here is safe.
const stores = [noteForm, solutionForm, experimentForm, charterForm, visionForm, surveyPlanForm, bucketForm, roundTargetForm, workshopVotesForm, contactForm] as unknown as readonly AnyFormStore[];

/** Every editable form of the app, by kind: the journal's recovery writes each back through its store. */
export const FORM_STORES: ReadonlyMap<FormKind, AnyFormStore> = new Map(stores.map((store) => [store.kind, store]));
