import { z } from "zod";
import { InvitationInputSchema } from "../../api/waves/waves.routes.ts";
import type { Backend } from "./backend.ts";

const USAGE = `Gebruik: npm run cli -- <opdracht>
  waves                                     metingen tonen (id, naam, status)
  invite --wave <id> --org "<naam>" --type <gemeente|justitie|zorg|veiligheid|wonen|overig>
         [--municipality <naam>] [--branch <vestiging>] [--email <adres>]
                                            persoonlijke enquêtelink maken en tonen
`;

type Options = Record<string, string | boolean | undefined>;

export async function runCommand(b: Backend, args: string[], options: Options): Promise<string> {
  switch (args[0]) {
    case "waves": {
      const waves = await b.listWaves();
      const lines = waves.map((w) => [w.id, w.name.padEnd(24), w.status.padEnd(9), `${w.responded}/${w.invited}`].join("  "));
      return `${["id".padEnd(36), "naam".padEnd(24), "status   ", "respons"].join("  ")}\n${lines.join("\n")}\n`;
    }
    case "invite": {
      if (!options.wave) throw new Error("--wave <id> is verplicht.");
      const parsed = InvitationInputSchema.safeParse({
        organisation: options.org, organisationType: options.type, municipality: options.municipality,
        branch: options.branch, email: options.email,
      });
      if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
      const [created] = await b.createInvitations(String(options.wave), [parsed.data], options["public-url"] as string | undefined);
      return `${created.url}\n`;
    }
    default:
      if (args[0] && args[0] !== "help") throw new Error(`Onbekende opdracht '${args[0]}'.\n${USAGE}`);
      return USAGE;
  }
}
