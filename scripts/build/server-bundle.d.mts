/** Types of server-bundle.mjs (plain JavaScript, since it runs before anything is compiled). */
export declare const ROOT: string;
export declare const OUT: string;
export declare const ENTRIES: Record<"start" | "cli", string>;
export declare function serverBundleStale(): boolean;
export declare function buildServer(): Promise<void>;
