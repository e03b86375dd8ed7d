// Finds a Chromium-family browser for the end-to-end tests and benchmarks. Playwright's own
// browser download is not used: it needs the internet, and a system browser is enough.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const candidatesByPlatform = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome', '/usr/bin/microsoft-edge'],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    join(process.env.LOCALAPPDATA ?? '', 'Chromium/Application/chrome.exe'),
    join(process.env.PROGRAMFILES ?? 'C:/Program Files', 'Google/Chrome/Application/chrome.exe'),
    join(process.env['PROGRAMFILES(X86)'] ?? 'C:/Program Files (x86)', 'Google/Chrome/Application/chrome.exe'),
    join(process.env['PROGRAMFILES(X86)'] ?? 'C:/Program Files (x86)', 'Microsoft/Edge/Application/msedge.exe'),
  ],
};

export const HOW_TO_GET_CHROMIUM = [
  'No Chromium-family browser was found for the end-to-end tests.',
  'Install one, or point CHROMIUM_PATH at its executable:',
  '  Debian/Ubuntu: sudo apt-get install -y chromium   (Ubuntu: chromium-browser or Google Chrome)',
  '  macOS:         brew install --cask chromium       (or install Google Chrome)',
  '  Windows:       winget install Google.Chrome       (or set CHROMIUM_PATH to msedge.exe)',
].join('\n');

/** Returns the path of a usable Chromium, or null. CHROMIUM_PATH wins when it exists. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  const candidates = candidatesByPlatform[process.platform] ?? [];
  return candidates.find((candidate) => existsSync(candidate)) ?? null;
}

/** Flags for headless runs: no sandbox as root, and no background traffic to Google's hosts. */
export const CHROMIUM_ARGS = [
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
];
