/** Thin fetch wrapper: JSON in, JSON out, the API's error shape turned into an exception. */
export interface ErrorDetail { path?: string; message?: string }

export class ApiFailure extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly retryAfter?: number,
    readonly details: ErrorDetail[] = []) {
    super(message);
  }
}

async function read<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const err = (body as { error?: { code: string; message: string; details?: ErrorDetail[] } }).error;
    throw new ApiFailure(res.status, err?.code ?? "error", err?.message ?? res.statusText,
      Number(res.headers.get("retry-after")) || undefined, err?.details ?? []);
  }
  return body as T;
}

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  return read<T>(await fetch(`/api${path}`, {
    method: init.method ?? "GET",
    headers: init.body === undefined ? {} : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    credentials: "same-origin",
  }));
}

/** A multipart POST (file uploads); the browser sets the content type with its boundary. */
export async function apiUpload<T>(path: string, form: FormData): Promise<T> {
  return read<T>(await fetch(`/api${path}`, { method: "POST", body: form, credentials: "same-origin" }));
}

export interface User { id: string; email: string; name: string; role: string; municipalityId: string | null; branchId: string | null; disabled: boolean }
