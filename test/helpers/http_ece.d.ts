// The part of http_ece (Encrypted Content-Encoding for HTTP, RFC 8188) the push tests use.
declare module "http_ece" {
  import type { ECDH } from "node:crypto";
  type TParams = {
    version: "aes128gcm" | "aesgcm";
    privateKey?: ECDH;
    dh?: string;
    authSecret?: string;
    keyid?: string;
  };
  const ece: { decrypt(buffer: Buffer, params: TParams): Buffer; encrypt(buffer: Buffer, params: TParams): Buffer };
  export default ece;
}
