import { type MessageKey, messages } from "../../../../../i18n/messages.ts";
import { useI18n } from "../../../shared/i18n.tsx";

const known = (key: string): key is MessageKey => key in messages.nl;

/**
 * What an audit-trail entry records, in words from the catalog: its own wording for an
 * entity and action where that reads better ("antwoord ontvangen"), else the entity and
 * the action ("directiebeoordeling gewijzigd"); codes the catalog does not know yet are
 * shown as they are, so a new kind of entry is never hidden.
 */
export function useAuditWords() {
  const { t } = useI18n();
  return (action: string, entity: string) => {
    const event = `auditEvent.${action}.${entity}`;
    if (known(event)) return t(event);
    const a = `auditAction.${action}`,
      e = `auditEntity.${entity}`;
    return t("auditEvent.pattern", { entity: known(e) ? t(e) : entity, action: known(a) ? t(a) : action });
  };
}
