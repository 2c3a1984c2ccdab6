import { colourClass } from "@/components/nights/shift-chip";
import styles from "@/components/balance/balance.module.css";

/** One part of a split: a caregiver, the part's size, and how it reads ("80%", "6 h"). */
export type TSplitPart = { id: string; name: string; colour: number; value: number; text: string };
export type TSplitMeasure = { key: string; name: string; parts: TSplitPart[] | null; none: string };

/**
 * The page's lead: one bar per measure, split between the parents, with the
 * split in words above it ("Sam 85% · Alex 15%"), so it never rests on colour
 * alone. A measure with nothing in it says so in words and draws no bar.
 */
export function SplitBars({ measures }: { measures: TSplitMeasure[] }) {
  return (
    <dl className={styles.splits} data-testid="split-bars">
      {measures.map((m) => (
        <div key={m.key} className={styles.splitRow} data-measure={m.key}>
          <dt>{m.name}</dt>
          <dd>
            <p className={styles.splitText} data-testid="split-text">
              {m.parts ? m.parts.map((p) => `${p.name} ${p.text}`).join(" · ") : m.none}
            </p>
            {m.parts ? (
              <div className={styles.splitBar} aria-hidden="true">
                {m.parts.map((p) =>
                  p.value > 0 ? (
                    <span key={p.id} className={colourClass(p.colour)} style={{ flexGrow: p.value }} />
                  ) : null,
                )}
              </div>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
