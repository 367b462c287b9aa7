import { QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Body, OperationId, PathOf, Reply } from "./contract.ts";
import { fetchReply, send, type Method, type QueryArg } from "./client.ts";

/**
 * Reads are cached by [operationId, path, query]; a change invalidates the operations it
 * touches by operationId, so every view that shows them reloads, and nothing passes reload
 * callbacks around. A refusal (403) is an answer, not a hiccup: no retries.
 */
export function createQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
}

/** The dashboard's one query cache (main.tsx provides it; route loaders fill it ahead of a view). */
export const queryClient = createQueryClient();

/**
 * Starts loading a GET operation's answer into the cache under the key `useReply` reads, without
 * waiting for it: a route's loader calls this when navigation starts, so the view's first data is
 * on its way while the shell still asks who is signed in (issue 18: first chart on a slow phone).
 */
export function prefetchReply<Op extends OperationId>(op: Op, path: PathOf<Op>, query?: QueryArg<Op>) {
  void queryClient.prefetchQuery({ queryKey: [op, path, query ?? {}], queryFn: () => fetchReply(op, path, query) });
}

/** A GET operation's answer; `path` null waits (nothing chosen yet). */
export function useReply<Op extends OperationId>(
  op: Op,
  path: PathOf<Op> | null,
  query?: QueryArg<Op>,
  /** Milliseconds until the next reload while the answer shows work still under way (false: none). */
  poll?: (data: Reply<Op> | undefined) => number | false,
) {
  const q = useQuery({
    queryKey: [op, path, query ?? {}],
    queryFn: () => fetchReply(op, path!, query),
    enabled: path !== null,
    ...(poll ? { refetchInterval: (query: { state: { data: unknown } }) => poll(query.state.data as Reply<Op> | undefined) } : {}),
  });
  return { data: q.data as Reply<Op> | undefined, error: q.error ?? undefined, loading: q.isLoading };
}

/**
 * A change through one operation. On success the listed operations' cached answers are
 * invalidated (and reloaded where shown) before the returned promise settles.
 */
export function useSend<Op extends OperationId>(op: Op, method: Method<Op>, invalidates: readonly OperationId[]) {
  const client = useQueryClient();
  const m = useMutation({
    mutationFn: ({ path, body }: { path: PathOf<Op>; body?: Body<Op> | FormData }) => send(op, method, path, body),
    onSuccess: () => Promise.all(invalidates.map((key) => client.invalidateQueries({ queryKey: [key] }))),
  });
  return {
    send: (path: PathOf<Op>, body?: Body<Op> | FormData) => m.mutateAsync({ path, body }),
    pending: m.isPending,
  };
}
