import { formatFingerprint } from "../../../../../api/domain/packs/signature.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { useI18n } from "../../../shared/i18n.tsx";
import { useSigningKey } from "../api/evidence.ts";

/** The instance's public key and its fingerprint, for comparing with the key a pack names. */
export function SigningKey() {
  const { t } = useI18n();
  const key = useSigningKey();
  return (
    <section aria-labelledby="signing-key-title" className="signing-key">
      <h2 id="signing-key-title">{t("evidence.key.title")}</h2>
      <p>{t("evidence.key.intro")}</p>
      {key.data ? (
        <dl>
          <dt>{t("evidence.key.fingerprint")}</dt>
          <dd>
            <code data-testid="instance-fingerprint">{formatFingerprint(key.data.fingerprint)}</code>
          </dd>
          <dt>{t("evidence.key.publicKey")}</dt>
          <dd>
            <code>{key.data.publicKey}</code>
          </dd>
        </dl>
      ) : (
        <Status loading={key.loading} error={key.error} />
      )}
    </section>
  );
}
