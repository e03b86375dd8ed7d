/**
 * The origin the desktop app serves its renderer from (`app://discovery-desk`).
 * IndexedDB data is keyed by origin: changing either value makes every user's data vanish.
 * It is snapshot-tested for that reason; never change it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'discovery-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
