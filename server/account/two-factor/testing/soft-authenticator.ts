import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import type { generateAuthenticationOptions, generateRegistrationOptions } from "@simplewebauthn/server";
import { isoBase64URL, isoCBOR } from "@simplewebauthn/server/helpers";
import type { AuthenticationResponse, RegistrationResponse } from "../schemas";

type CreationOptions = Awaited<ReturnType<typeof generateRegistrationOptions>>;
type RequestOptions = Awaited<ReturnType<typeof generateAuthenticationOptions>>;

interface StoredCredential {
  id: Uint8Array;
  privateKey: KeyObject;
  userHandle: string;
  counter: number;
}

const FLAG_USER_PRESENT = 0x01;
const FLAG_USER_VERIFIED = 0x04;
const FLAG_ATTESTED_DATA = 0x40;

const sha256 = (data: Uint8Array | string) => new Uint8Array(createHash("sha256").update(data).digest());
const uint32 = (n: number) => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n);
  return b;
};
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

/**
 * A software WebAuthn authenticator (ES256, "none" attestation, discoverable credentials) for
 * tests: what a security key or Chromium's virtual authenticator would answer, built by hand.
 */
export class SoftAuthenticator {
  private readonly credentials: StoredCredential[] = [];

  constructor(
    readonly origin: string,
    private readonly userVerified = true,
  ) {}

  private get rpId(): string {
    return new URL(this.origin).hostname;
  }

  private flags(extra = 0): Uint8Array {
    return new Uint8Array([FLAG_USER_PRESENT | (this.userVerified ? FLAG_USER_VERIFIED : 0) | extra]);
  }

  private clientData(type: "webauthn.create" | "webauthn.get", challenge: string, origin = this.origin): string {
    return isoBase64URL.fromString(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** navigator.credentials.create(), as `startRegistration()` serialises it. */
  create(options: CreationOptions, origin = this.origin): RegistrationResponse {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const jwk = publicKey.export({ format: "jwk" });
    const cose = new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, isoBase64URL.toBuffer(jwk.x!)],
      [-3, isoBase64URL.toBuffer(jwk.y!)],
    ]);
    const id = new Uint8Array(randomBytes(16));
    const credentialIdLength = new Uint8Array([0, id.length]);
    const authData = concat(sha256(this.rpId), this.flags(FLAG_ATTESTED_DATA), uint32(0), new Uint8Array(16), credentialIdLength, id, isoCBOR.encode(cose));
    const attestation = new Map<string, Parameters<typeof isoCBOR.encode>[0]>();
    attestation.set("fmt", "none");
    attestation.set("attStmt", new Map());
    attestation.set("authData", authData);
    const attestationObject = isoCBOR.encode(attestation);
    this.credentials.push({ id, privateKey, userHandle: options.user.id, counter: 0 });
    const encodedId = isoBase64URL.fromBuffer(id);
    return {
      id: encodedId,
      rawId: encodedId,
      type: "public-key",
      clientExtensionResults: {},
      response: {
        clientDataJSON: this.clientData("webauthn.create", options.challenge, origin),
        attestationObject: isoBase64URL.fromBuffer(attestationObject),
        transports: ["internal"],
      },
    };
  }

  /** navigator.credentials.get() with the first credential allowed (or the first one held). */
  get(options: RequestOptions, origin = this.origin): AuthenticationResponse {
    const allowed = options.allowCredentials?.map((c) => c.id) ?? [];
    const credential = this.credentials.find((c) => allowed.length === 0 || allowed.includes(isoBase64URL.fromBuffer(c.id)));
    if (!credential) throw new Error("SoftAuthenticator: no matching credential");
    credential.counter += 1;
    const clientDataJSON = this.clientData("webauthn.get", options.challenge, origin);
    const authData = concat(sha256(this.rpId), this.flags(), uint32(credential.counter));
    const signature = sign("sha256", concat(authData, sha256(isoBase64URL.toBuffer(clientDataJSON))), credential.privateKey);
    const encodedId = isoBase64URL.fromBuffer(credential.id);
    return {
      id: encodedId,
      rawId: encodedId,
      type: "public-key",
      clientExtensionResults: {},
      response: {
        clientDataJSON,
        authenticatorData: isoBase64URL.fromBuffer(authData),
        signature: isoBase64URL.fromBuffer(new Uint8Array(signature)),
        userHandle: credential.userHandle,
      },
    };
  }
}
