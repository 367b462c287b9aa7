import { z } from "zod";
import { InvitationInputSchema, NewWaveSchema } from "../../api/waves/waves.routes.ts";
import { NewUserSchema } from "../../api/auth/users.routes.ts";
import type { Backend } from "./backend.ts";

const USAGE = `Gebruik: npm run cli -- <opdracht>
  waves                                     metingen tonen (id, naam, status)
  wave create --name "<naam>" --opens <datum> --closes <datum> [--named]
                                            nieuwe meting (standaard anoniem)
  invite --wave <id> --org "<naam>" --type <gemeente|justitie|zorg|veiligheid|wonen|overig>
         [--municipality <naam>] [--branch <vestiging>] [--email <adres>]
                                            persoonlijke enquêtelink maken en tonen
  user add --email <e> --role <admin|kwaliteit|management|medewerker|gemeente|auditor>
         [--name "<naam>"] [--municipality <m>] [--branch <b>]
                                            account aanmaken; toont een eenmalige link om het wachtwoord in te stellen
  user list                                 accounts tonen
  user disable --email <e>                  account blokkeren en alle sessies beëindigen
  audit verify                              hashketen van de audittrail controleren
  retention run                             werkaantekeningen wissen waarvan de bewaartermijn verstreken is
`;

type Options = Record<string, string | boolean | undefined>;

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
  return parsed.data;
}

const table = (rows: string[][]) => rows.map((r) => r.join("  ")).join("\n") + "\n";

async function userCommand(b: Backend, sub: string | undefined, o: Options): Promise<string> {
  if (sub === "add") {
    const input = parse(NewUserSchema, { email: o.email, role: o.role, name: o.name, municipality: o.municipality, branch: o.branch });
    const { user, setPasswordUrl } = await b.createUser(input);
    return `Account ${user.email} (${user.role}) aangemaakt.\nEenmalige link om het wachtwoord in te stellen (72 uur geldig):\n${setPasswordUrl}\n`;
  }
  if (sub === "list") {
    const users = await b.listUsers();
    return table([["e-mail", "rol", "gemeente/vestiging", "status"],
      ...users.map((u) => [u.email.padEnd(32), u.role.padEnd(10), (u.municipalityId ?? u.branchId ?? "-").padEnd(18), u.disabled ? "geblokkeerd" : "actief"])]);
  }
  if (sub === "disable") {
    if (!o.email) throw new Error("--email <adres> is verplicht.");
    const user = await b.disableUser(String(o.email));
    return `Account ${user.email} geblokkeerd; alle sessies zijn beëindigd.\n`;
  }
  throw new Error(`Onbekende opdracht 'user ${sub ?? ""}'.\n${USAGE}`);
}

export async function runCommand(b: Backend, args: string[], options: Options): Promise<string> {
  switch (args[0]) {
    case "waves": {
      const waves = await b.listWaves();
      return table([["id".padEnd(36), "naam".padEnd(24), "status   ", "respons"],
        ...waves.map((w) => [w.id, w.name.padEnd(24), w.status.padEnd(9), `${w.responded}/${w.invited}`])]);
    }
    case "invite": {
      if (!options.wave) throw new Error("--wave <id> is verplicht.");
      const input = parse(InvitationInputSchema, {
        organisation: options.org, organisationType: options.type, municipality: options.municipality,
        branch: options.branch, email: options.email,
      });
      const [created] = await b.createInvitations(String(options.wave), [input], options["public-url"] as string | undefined);
      return `${created.url}\n`;
    }
    case "wave": {
      if (args[1] !== "create") throw new Error(`Onbekende opdracht 'wave ${args[1] ?? ""}'.\n${USAGE}`);
      const iso = (d: unknown) => (typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T00:00:00+01:00` : d);
      const input = parse(NewWaveSchema, { name: options.name, opensAt: iso(options.opens), closesAt: iso(options.closes), anonymous: !options.named });
      const wave = await b.createWave(input);
      return `Meting '${wave.name}' aangemaakt (${wave.anonymous ? "anoniem" : "op naam"}): ${wave.id}\n`;
    }
    case "user":
      return userCommand(b, args[1], options);
    case "audit": {
      if (args[1] !== "verify") throw new Error(`Onbekende opdracht 'audit ${args[1] ?? ""}'.\n${USAGE}`);
      const r = await b.verifyAudit();
      if (r.ok) return `Audittrail intact: ${r.entries} regels, keten klopt.\n`;
      const why = r.firstBroken!.reason === "chain_link" ? "schakel naar vorige regel klopt niet (regel verwijderd of ingevoegd?)" : "inhoud gewijzigd";
      throw new Error(`Audittrail verbroken bij regel ${r.firstBroken!.seq}: ${why}. ${r.entries} regels daarvoor zijn intact.`);
    }
    case "retention": {
      if (args[1] !== "run") throw new Error(`Onbekende opdracht 'retention ${args[1] ?? ""}'.\n${USAGE}`);
      const r = await b.runRetention();
      return `Bewaartermijn ${r.retentionDays} dagen: werkaantekeningen van ${r.erased.length} casusoverleg(gen) gewist.\n`;
    }
    default:
      if (args[0] && args[0] !== "help") throw new Error(`Onbekende opdracht '${args[0]}'.\n${USAGE}`);
      return USAGE;
  }
}
