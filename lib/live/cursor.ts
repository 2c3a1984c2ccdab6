import "server-only";
import { createCipheriv, createDecipheriv, createHash } from "node:crypto";
import { serverSecret } from "@/lib/env";

// The live stream's event ids, as the browser sees them (Last-Event-ID):
// opaque, and different for every household. live_events ids come from one
// sequence for the whole site, so a plain id would tell a caregiver how busy
// Attune is (and a made-up Last-Event-ID could ask for the newest id of all).
// Each id is one AES block under a key derived from AUTH_SECRET and the
// household: a permutation, so it is short, decodes exactly, and a cursor
// made up, or from another household, decodes to nothing usable.

const keys = new Map<string, Buffer>();

function keyFor(householdId: string): Buffer {
  let key = keys.get(householdId);
  if (!key) {
    key = createHash("sha256").update(`attune live cursor\0${serverSecret()}\0${householdId}`).digest();
    if (keys.size > 10_000) keys.clear();
    keys.set(householdId, key);
  }
  return key;
}

/** An event id as this household's stream shows it: 22 url-safe characters. */
export function toCursor(householdId: string, id: bigint): string {
  const block = Buffer.alloc(16);
  block.writeBigUInt64BE(id, 8);
  const cipher = createCipheriv("aes-256-ecb", keyFor(householdId), null).setAutoPadding(false);
  return Buffer.concat([cipher.update(block), cipher.final()]).toString("base64url");
}

/** The event id behind a cursor of this household's stream, or null for anything else. */
export function fromCursor(householdId: string, cursor: string | null | undefined): bigint | null {
  const value = cursor?.trim();
  if (!value || !/^[A-Za-z0-9_-]{22}$/.test(value)) return null;
  const decipher = createDecipheriv("aes-256-ecb", keyFor(householdId), null).setAutoPadding(false);
  const block = Buffer.concat([decipher.update(Buffer.from(value, "base64url")), decipher.final()]);
  // Ours have eight zero bytes in front: a forged or foreign cursor almost surely doesn't.
  if (block.readBigUInt64BE(0) !== 0n) return null;
  const id = block.readBigUInt64BE(8);
  return id > 0n ? id : null;
}
