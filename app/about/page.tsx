import type { Metadata } from "next";
import Link from "next/link";
import { PublicShell } from "@/components/public-shell";

// Rendered per request: the Content-Security-Policy's nonce (proxy.ts) is new on every page.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "About",
  description:
    "Why Attune exists: responsive nights that don't wear anyone out, and days full of small moments of connection.",
};

export default function AboutPage() {
  return (
    <PublicShell>
      <article className="stack">
        <h1>About Attune</h1>
        <p>
          A baby who cries at night is asking for someone. Answering, again and again, is how trust grows. But answering
          every night, alone, wears a person down, and exhausted parents deserve support rather than guilt.
        </p>
        <p>
          Attune is a shared plan for the people who look after a baby: two parents, and the grandparent or night nanny
          who helps. You agree who is on duty each night, log the wakings in a couple of taps, and see how the load is
          shared, so that somebody always answers and somebody always gets to sleep.
        </p>
        <h2>Nights and days together</h2>
        <p>
          When nights are hard, the days matter even more. Attune keeps a small library of everyday ways to connect,
          like holding, eye contact, skin-to-skin, play and simply naming what happened, and helps you plan them and
          tick them off together. Nobody gets it right every time. Repair counts for more than perfection, and every day
          is a new chance.
        </p>
        <h2>What Attune is not</h2>
        <p>
          Attune is not a medical device and gives no medical advice. It doesn&apos;t diagnose anything, in your baby or
          in you. If you&apos;re worried about your baby&apos;s health, or about your own (low mood, anxiety, or
          tiredness that doesn&apos;t lift), please talk to your doctor, midwife or health visitor. If you ever feel you
          might harm yourself or your baby, call your local emergency number now.
        </p>
        <p>
          <Link href="/">Back to the start</Link>
        </p>
      </article>
    </PublicShell>
  );
}
