/**
 * A vite plugin: adds `<link rel="modulepreload">` (and a style preload for its CSS) to index.html
 * for a lazily imported chunk, so the browser fetches it in parallel with the entry instead of
 * only after the entry has run. `moduleSuffix` names the source module, e.g. "/SurveyPage.tsx".
 */
interface Chunk {
  type: "chunk";
  fileName: string;
  facadeModuleId: string | null;
  viteMetadata?: { importedCss: Set<string> };
}
type HtmlTag = { tag: string; attrs: Record<string, string | boolean>; injectTo: "head" };

export function preloadLazy(moduleSuffix: string) {
  let base = "/";
  return {
    name: "ketenspiegel-preload-lazy",
    apply: "build" as const,
    configResolved(config: { base: string }) {
      base = config.base;
    },
    transformIndexHtml: {
      order: "post" as const,
      handler(_html: string, ctx: { bundle?: Record<string, { type: string }> }): HtmlTag[] {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (c): c is Chunk => c.type === "chunk" && !!(c as Chunk).facadeModuleId?.endsWith(moduleSuffix),
        );
        if (!chunk) throw new Error(`preloadLazy: no chunk for ${moduleSuffix}`);
        const css = [...(chunk.viteMetadata?.importedCss ?? [])];
        return [
          ...css.map((f): HtmlTag => ({ tag: "link", attrs: { rel: "preload", as: "style", href: base + f }, injectTo: "head" })),
          { tag: "link", attrs: { rel: "modulepreload", crossorigin: true, href: base + chunk.fileName }, injectTo: "head" },
        ];
      },
    },
  };
}
