import { z } from "@hono/zod-openapi";
import { line, text } from "../lib/fields.ts";
import { LOGO_MAX_BYTES, logoProblem } from "../domain/profile/logo.ts";
import { fieldError } from "../lib/error-fields.ts";

const Logo = z
  .string()
  .max(Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 40)
  .superRefine((v, ctx) => {
    const message = logoProblem(v);
    if (message) ctx.addIssue({ code: "custom", message });
  })
  .openapi({
    description: `data:image/png|jpeg|svg+xml;base64,… (ten hoogste ${LOGO_MAX_BYTES / 1024} kB; SVG zonder scripts of externe verwijzingen)`,
  });

const Phone = line(30)
  .refine((v) => v === "" || /^\+?[0-9 ()-]{6,30}$/.test(v), fieldError("phone_format"))
  .openapi({ example: "072 527 00 00" });

/** The ZVH's profile: what the survey page and the reports say about the house. */
export const ProfileSchema = z
  .object({
    name: line(120, 3),
    logo: Logo.nullable(),
    contact: z
      .object({
        name: line(120),
        email: z.email().max(254),
        phone: Phone,
      })
      .strict(),
    privacy: z.object({ nl: text(1500, 10), en: text(1500) }).strict(),
  })
  .strict()
  .openapi("ZvhProfile");

export type Profile = z.infer<typeof ProfileSchema>;
