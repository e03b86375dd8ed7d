import type { FuseV1Config } from '@electron/fuses';

/** The part of electron-builder's AfterPackContext the hook reads. */
export interface PackContext {
  readonly appOutDir: string;
  readonly electronPlatformName: string;
  readonly arch: number;
  readonly packager: { readonly executableName: string; readonly appInfo: { readonly productFilename: string } };
}

export declare const FUSES: FuseV1Config;
export declare function packagedElectronPath(context: PackContext): string;
export declare function afterPack(context: PackContext): Promise<void>;
