import { z } from "zod";
import { singleLineText } from "../../inputs";

/* Inputs of the two-factor procedures and sign-in steps (safe to import from the client). */

const base64url = z.string().max(16_384).regex(/^[A-Za-z0-9_-]*$/, "must be base64url");
const transport = z.enum(["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"]);
const credentialBase = {
  id: base64url.min(1).max(1_024),
  rawId: base64url.min(1).max(1_024),
  type: z.literal("public-key"),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: z.record(singleLineText({ max: 256 }), z.unknown()).default({}),
};

/** What `startRegistration()` of @simplewebauthn/browser returns. */
export const registrationResponse = z.object({
  ...credentialBase,
  response: z.object({
    clientDataJSON: base64url,
    attestationObject: base64url,
    authenticatorData: base64url.optional(),
    transports: z.array(transport).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url.optional(),
  }),
});

/** What `startAuthentication()` of @simplewebauthn/browser returns. */
export const authenticationResponse = z.object({
  ...credentialBase,
  response: z.object({
    clientDataJSON: base64url,
    authenticatorData: base64url,
    signature: base64url,
    userHandle: z.string().max(1_024).optional(),
  }),
});

export type RegistrationResponse = z.infer<typeof registrationResponse>;
export type AuthenticationResponse = z.infer<typeof authenticationResponse>;

/** A six-digit app code or a recovery code, as typed. */
export const secondFactorCode = singleLineText({ min: 1, minMessage: "Enter the code.", max: 32, maxMessage: "This code is too long." });
export const passkeyName = z
  .string()
  .trim()
  .min(1, "Give the passkey a name.")
  .max(60, "Use at most 60 characters.")
  .regex(/^[^\p{Cc}]*$/u, "Use letters, digits and punctuation only.");
