export { useFormSave, type FormSave, type FormSaveOptions } from './use-form-save';
export type { AutosaveStatus } from './autosave-queue';
export { SaveStatus, type SaveStatusProps } from './save-status';
