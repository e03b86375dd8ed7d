export { createContactImportSession, type ContactImportProgress, type ContactImportSession } from './contact-import-client';
export type { ContactFilePreview, ContactPlanSummary } from './contact-import-protocol';
