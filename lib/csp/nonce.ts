import "server-only";
import { headers } from "next/headers";

/**
 * This request's CSP nonce (set by proxy.ts), for an inline <script> or
 * <style> a component renders itself: `<script nonce={await requestNonce()}>`.
 * Next puts it on its own scripts already. Reading it makes the page dynamic.
 */
export async function requestNonce(): Promise<string | undefined> {
  return (await headers()).get("x-nonce") ?? undefined;
}
