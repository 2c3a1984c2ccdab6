// Demo data so a newcomer has something to look at: one household, two
// parents and a baby. Runs once (skipped when the demo account exists).
// `npm run seed` runs it against DATABASE_URL; the launcher calls it too.
import { getDb } from "../lib/db.ts";
import { hashPassword } from "../lib/auth/password.ts";

export const DEMO_PASSWORD = "night-owls-unite";
export const DEMO_USERS = [
  { email: "sam@example.com", name: "Sam" },
  { email: "alex@example.com", name: "Alex" },
] as const;

function daysAgo(n: number): Date {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() - n);
  return d;
}

export async function seedDemo(): Promise<{ created: boolean }> {
  const db = getDb();
  const existing = await db.user.findUnique({ where: { email: DEMO_USERS[0].email }, select: { id: true } });
  if (existing) return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    const [sam, alex] = await Promise.all(
      DEMO_USERS.map((u) => tx.user.create({ data: { ...u, passwordHash }, select: { id: true } })),
    );
    await tx.household.create({
      data: {
        name: "Sam & Alex",
        timeZone: "Europe/London",
        nightStart: 19 * 60,
        nightEnd: 7 * 60,
        caregivers: {
          create: [
            { userId: sam!.id, role: "parent", joinedAt: daysAgo(120) },
            { userId: alex!.id, role: "parent", joinedAt: daysAgo(119) },
          ],
        },
        babies: { create: [{ name: "Robin", birthDate: daysAgo(112) }] },
      },
    });
  });
  return { created: true };
}

export function demoSignInText(): string {
  return DEMO_USERS.map((u) => `    ${u.name.padEnd(5)} ${u.email}  password: ${DEMO_PASSWORD}`).join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { created } = await seedDemo();
  console.log(created ? "Demo household created." : "Demo household already there.");
  console.log(demoSignInText());
  await getDb().$disconnect();
}
