export interface SourceFile {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}
export declare const BUILD_INPUTS: readonly string[];
export declare const BUILD_OUTPUTS: readonly string[];
export declare const STAMP_FILE: string;
export declare function sourceFingerprint(files: readonly SourceFile[]): string;
export declare function isBuildCurrent(input: { readonly stamp: string | null; readonly files: readonly SourceFile[]; readonly outputsPresent: boolean }): boolean;
export declare function readBuildInputs(root: string): SourceFile[];
export declare function buildIsCurrentOnDisk(root: string): boolean;
export declare function writeBuildStamp(root: string, files: readonly SourceFile[]): void;
