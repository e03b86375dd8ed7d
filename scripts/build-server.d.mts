export declare function buildServer(outDir?: string): Promise<void>;
