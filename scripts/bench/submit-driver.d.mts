export interface DriveOptions {
  port: number;
  tokens: string[];
  connections: number;
  seconds: number;
  maxRequests?: number;
  body: string;
}
export interface DriveResult {
  /** Links taken from the end of `tokens`. */
  used: number;
  done: number;
  latencies: number[];
  /** Latencies of the requests that were not the first on their connection. */
  warm: number[];
  errors: string[];
  seconds: number;
  /** CPU milliseconds of the whole process (server and driver) per request. */
  cpuMs: number;
}
export function drive(options: DriveOptions): Promise<DriveResult>;
export function driveOnThread(options: DriveOptions): Promise<DriveResult>;
/** The error a phase reports when it used every link it was given (the phase then ends early). */
export const OUT_OF_LINKS: string;
