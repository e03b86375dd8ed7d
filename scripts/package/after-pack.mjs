// electron-builder's afterPack hook (see electron-builder.json): flips Electron's fuses in the
// packaged binary before it is signed and wrapped into an installer. Fuses are bits compiled into
// the Electron binary; switching them off removes whole ways in for an attacker who can run the
// app's executable with chosen arguments or environment.
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';
import path from 'node:path';

/** Every fuse the app sets, and why. */
export const FUSES = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node.js interpreter.
  [FuseV1Options.RunAsNode]: false,
  // Cookies and other network state on disk are encrypted with the OS key store.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS could inject code (--require) into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends would open a debugger on the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app.asar is checked against the hash recorded at packaging time (macOS and Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only the app.asar is loaded, never a loose app folder dropped beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // The renderer is served from app://, never file://: file: gets no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The file that holds the fuse wire in a packaged app: the executable, or macOS's .app bundle. */
export function packagedElectronPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return path.join(appOutDir, packager.executableName);
}

/** electron-builder calls this after packing each platform and architecture. */
export async function afterPack(context) {
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  // arm64 macOS refuses to run a binary whose ad-hoc signature no longer matches; sign it again.
  // (electron-builder's Arch enum: arm64 is 3.)
  const resetAdHocDarwinSignature = isMac && context.arch === 3;
  await flipFuses(packagedElectronPath(context), { ...FUSES, resetAdHocDarwinSignature });
}
