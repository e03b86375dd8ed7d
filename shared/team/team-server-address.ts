/**
 * What the app accepts as a team server's address and version. Pure: the Settings screen and the
 * sync use these rules, the tests pin them.
 */

/** A typed server address as `http(s)://host[:port]/` (a bare host gets `http://`), or the reason it is not one. */
export function parseTeamServerAddress(input: string): { readonly url: string } | { readonly problem: string } {
  const trimmed = input.trim();
  if (trimmed === '') return { problem: 'Type the team server’s address, such as http://192.168.1.20:5190 (the server prints it when it starts).' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { problem: `“${trimmed}” is not a web address. Type it as the server printed it, such as http://192.168.1.20:5190.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: `A team server’s address starts with http:// or https://, not ${url.protocol}//.` };
  if (url.hostname === '') return { problem: `“${trimmed}” names no server. Type it as the server printed it, such as http://192.168.1.20:5190.` };
  if (url.username !== '' || url.password !== '') return { problem: 'Leave the user name and password out of the address: the invite token is what lets you in.' };
  if (url.search !== '' || url.hash !== '') return { problem: 'Type only the server’s address, without “?” or “#” parts.' };
  const path = url.pathname.replace(/\/+$/, '');
  return { url: `${url.protocol}//${url.host}${path}/` };
}

/**
 * Whether the app can sync with a server of `serverVersion`: same major version (for 0.x, the
 * same minor too, since 0.x changes may break). Unparsable versions are not compatible.
 */
export function isCompatibleServerVersion(serverVersion: string, appVersion: string): boolean {
  const server = parseVersion(serverVersion);
  const app = parseVersion(appVersion);
  if (server === undefined || app === undefined) return false;
  if (server[0] !== app[0]) return false;
  return server[0] !== 0 || server[1] === app[1];
}

function parseVersion(version: string): [number, number] | undefined {
  const match = /^(\d+)\.(\d+)\.\d+/.exec(version.trim());
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  return [Number(match[1]), Number(match[2])];
}
