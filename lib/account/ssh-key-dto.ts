/** A saved SSH key as the API returns it, defined once: SshKeyView is its type, the OpenAPI document's SshKey is generated from it. */
import { z } from "zod";
import { isoText } from "@/lib/core/wire";

export const sshKeyViewSchema = z.object({
  id: z.string(),
  label: z.string(),
  publicKey: z.string().describe("the OpenSSH public key line as saved"),
  fingerprint: z
    .string()
    .meta({ description: "as ssh-keygen -lf prints it", examples: ["SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s"] }),
  createdAt: isoText,
});
export type SshKeyView = z.infer<typeof sshKeyViewSchema>;

export const sshKeyListSchema = z.object({ keys: z.array(sshKeyViewSchema).describe("oldest first") });
