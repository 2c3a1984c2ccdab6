// `npm run bench:session`: what one auth() costs on a server render, with
// Auth.js's default jwt encode/decode against lib/auth/jwt-memo.ts (#11 item 6).
// Auth.js's own session endpoint is driven in-process (the same code auth()
// runs for a render), with a real encrypted cookie, N times each way.
import { Auth } from "@auth/core";
import { encode, type JWTEncodeParams } from "next-auth/jwt";
import { decodeRemembering, encodeUnlessUnchanged, jwtStats } from "../../lib/auth/jwt-memo.ts";

const N = Number(process.argv[2] ?? 2000);
const secret = "bench-secret-bench-secret-bench-secret-0123";
const salt = "authjs.session-token";

const cookie = await encode({
  secret,
  salt,
  token: { sub: "00000000-0000-4000-8000-000000000001", sv: 0, sid: "00000000-0000-4000-8000-000000000002" },
});

type TJwt = { encode?: typeof encodeUnlessUnchanged; decode?: typeof decodeRemembering };

async function run(label: string, jwt: TJwt) {
  let encrypts = 0;
  const countingJwt = {
    encode: async (p: JWTEncodeParams) => {
      const before = jwtStats().encrypted;
      const out = await (jwt.encode ?? encode)(p);
      if (!jwt.encode || jwtStats().encrypted > before) encrypts++;
      return out;
    },
    ...(jwt.decode ? { decode: jwt.decode } : {}),
  };
  const config = {
    secret,
    basePath: "/api/auth",
    trustHost: true,
    session: { strategy: "jwt" as const },
    providers: [],
    jwt: countingJwt,
    callbacks: { jwt: ({ token }: { token: Record<string, unknown> }) => token },
  };
  const read = async () => {
    const res = await Auth(
      new Request("http://localhost/api/auth/session", { headers: { cookie: `${salt}=${cookie}` } }),
      config,
    );
    const body = (await res.json()) as { user?: unknown } | null;
    if (!body?.user) throw new Error(`the session read gave no session (${res.status})`);
  };
  for (let i = 0; i < 50; i++) await read(); // warm up
  encrypts = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < N; i++) await read();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `${label.padEnd(34)} ${String(encrypts).padStart(6)} encryptions / ${N} reads   ` +
      `${((ms * 1000) / N).toFixed(0).padStart(5)} µs wall   ${((cpu.user + cpu.system) / N).toFixed(0).padStart(5)} µs CPU per read`,
  );
}

console.log(`Auth.js session read (what auth() does per render), ${N} reads each:`);
await run("default encode/decode (before)", {});
await run("jwt-memo (after)", { encode: encodeUnlessUnchanged, decode: decodeRemembering });
